//! Checks one laid-out egui frame the way a projector shows it: every control and title lies
//! inside the window (or in a scroll area that can bring it into view), and none lies on top of
//! another. The layout test (`src/layout_tests.rs`) lays out every screen at projector sizes
//! without a renderer and runs this on each.

use bevy_egui::egui;

/// One widget of a laid-out frame, as egui recorded it.
#[derive(Debug, Clone)]
pub struct Widget {
    pub layer: egui::LayerId,
    /// The whole widget.
    pub rect: egui::Rect,
    /// The part that can be clicked: `rect` cut by its clip rectangle (a scroll area, the
    /// window).
    pub visible: egui::Rect,
    pub sense: egui::Sense,
    /// What kind of widget egui says it is; `None` for the parts of containers that register
    /// no kind (scroll areas' drag surfaces, areas' backgrounds).
    pub kind: Option<egui::WidgetType>,
    /// Its text, if it has one ("Submit answer").
    pub text: Option<String>,
}

impl Widget {
    /// A control a player uses, or a label they read (titles, questions, hints). The parts of
    /// windows, panels and scroll areas are egui's own and not checked.
    fn is_checked(&self) -> bool {
        use egui::WidgetType as W;
        match self.kind {
            Some(W::Label) => true,
            Some(
                W::Window
                | W::ResizeHandle
                | W::ScrollBar
                | W::Panel
                | W::RadioGroup
                | W::ProgressIndicator
                | W::Other,
            )
            | None => false,
            Some(_) => self.sense.senses_click() || self.sense.senses_drag(),
        }
    }

    fn is_vertical_scroll_bar(&self) -> bool {
        self.kind == Some(egui::WidgetType::ScrollBar) && self.rect.height() > self.rect.width()
    }

    fn label(&self) -> String {
        let r = self.rect;
        let kind = self.kind.map_or("?".to_string(), |k| format!("{k:?}"));
        let text = self
            .text
            .as_ref()
            .map_or(String::new(), |t| format!(" {t:?}"));
        format!(
            "{kind}{text} at ({:.0}, {:.0})–({:.0}, {:.0})",
            r.left(),
            r.top(),
            r.right(),
            r.bottom()
        )
    }
}

/// What the check found in one frame.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LayoutReport {
    /// Controls and titles checked.
    pub widgets: usize,
    /// Of those, how many lie in a scroll area beyond its edge (reachable by scrolling).
    pub scrolled: usize,
    /// Controls that reach past the window and cannot be scrolled into view.
    pub clipped: Vec<String>,
    /// Pairs of controls on top of each other.
    pub overlapping: Vec<String>,
}

impl LayoutReport {
    pub fn is_clean(&self) -> bool {
        self.clipped.is_empty() && self.overlapping.is_empty()
    }
}

/// The widgets egui recorded in the pass just ended on `ctx`. Widget names are only recorded
/// with `style.debug.show_interactive_widgets` on (debug builds).
pub fn widgets_of(ctx: &egui::Context) -> Vec<Widget> {
    ctx.viewport(|vp| {
        let widgets = &vp.this_pass.widgets;
        let mut out = Vec::new();
        for layer in widgets.layer_ids() {
            for w in widgets.get_layer(layer) {
                let info = widgets.info(w.id);
                out.push(Widget {
                    layer,
                    rect: w.rect,
                    visible: w.interact_rect,
                    sense: w.sense,
                    kind: info.map(|i| i.typ),
                    text: info.and_then(|i| i.label.clone().or(i.current_text_value.clone())),
                });
            }
        }
        out
    })
}

/// Half a point of slack for rounding.
const SLACK: f32 = 0.5;

/// Check one frame laid out in `window`.
///
/// - A control is *clipped* when it reaches past the window and no scroll area in its layer
///   holds it: one whose vertical scroll bar is on screen, to the right of the control, beside
///   the part of it that shows.
/// - Two controls *overlap* when their clickable parts share more than a sliver, unless one
///   holds the other (a button inside a clickable card). A dialog window (a layer with a
///   window in it) may cover the screen under it; anything else covering a control, such as
///   a floating bar or card, is a fault.
pub fn check_layout(window: egui::Rect, widgets: &[Widget]) -> LayoutReport {
    let bars: Vec<&Widget> = widgets
        .iter()
        .filter(|w| w.is_vertical_scroll_bar())
        .collect();
    let controls: Vec<&Widget> = widgets.iter().filter(|w| w.is_checked()).collect();
    // Dialog windows may cover the screen under them; other floating areas may not.
    let dialogs: Vec<egui::LayerId> = widgets
        .iter()
        .filter(|w| w.kind == Some(egui::WidgetType::Window))
        .map(|w| w.layer)
        .collect();
    let is_dialog = |layer: egui::LayerId| dialogs.contains(&layer);
    let mut report = LayoutReport {
        widgets: controls.len(),
        ..LayoutReport::default()
    };
    let inside = window.expand(SLACK);
    for w in &controls {
        if inside.contains_rect(w.rect) {
            continue;
        }
        let scrollable = bars.iter().any(|bar| {
            let shows = !w.visible.is_negative() && w.visible.area() >= 1.0;
            bar.layer == w.layer
                && inside.contains_rect(bar.rect)
                && w.rect.left() < bar.rect.left()
                && (!shows
                    || (w.visible.top() >= bar.rect.top() - SLACK
                        && w.visible.bottom() <= bar.rect.bottom() + SLACK))
        });
        if scrollable {
            report.scrolled += 1;
        } else {
            report
                .clipped
                .push(format!("{} reaches past the window", w.label()));
        }
    }
    for (i, a) in controls.iter().enumerate() {
        for b in &controls[i + 1..] {
            let shared = a.visible.intersect(b.visible);
            if shared.is_negative() || shared.width() <= 1.0 || shared.height() <= 1.0 {
                continue;
            }
            let nested = a.visible.expand(SLACK).contains_rect(b.visible)
                || b.visible.expand(SLACK).contains_rect(a.visible);
            if a.layer == b.layer && nested {
                continue;
            }
            let dialog_over_screen = a.layer != b.layer && is_dialog(a.layer) != is_dialog(b.layer);
            if dialog_over_screen {
                continue;
            }
            report
                .overlapping
                .push(format!("{} overlaps {}", a.label(), b.label()));
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> egui::Rect {
        egui::Rect::from_min_max(egui::pos2(x0, y0), egui::pos2(x1, y1))
    }

    fn button(layer: egui::LayerId, r: egui::Rect, window: egui::Rect) -> Widget {
        Widget {
            layer,
            rect: r,
            visible: r.intersect(window),
            sense: egui::Sense::click(),
            kind: Some(egui::WidgetType::Button),
            text: Some(format!("at {}", r.top())),
        }
    }

    const WINDOW: egui::Rect = egui::Rect {
        min: egui::pos2(0.0, 0.0),
        max: egui::pos2(853.0, 480.0),
    };

    #[test]
    fn a_button_below_the_window_is_clipped() {
        let bg = egui::LayerId::background();
        let widgets = [
            button(bg, rect(10.0, 400.0, 300.0, 440.0), WINDOW),
            button(bg, rect(10.0, 460.0, 300.0, 500.0), WINDOW),
            button(bg, rect(10.0, 520.0, 300.0, 560.0), WINDOW),
        ];
        let report = check_layout(WINDOW, &widgets);
        assert_eq!(report.widgets, 3);
        assert_eq!(report.clipped.len(), 2, "{report:?}");
        assert!(report.clipped[0].contains("reaches past the window"));
    }

    #[test]
    fn a_button_in_a_scroll_area_may_reach_past_its_edge() {
        let bg = egui::LayerId::background();
        let viewport_rect = rect(0.0, 40.0, 853.0, 420.0);
        let bar_rect = rect(840.0, 40.0, 850.0, 420.0);
        let viewport = Widget {
            layer: bg,
            rect: bar_rect,
            visible: bar_rect,
            sense: egui::Sense::click_and_drag(),
            kind: Some(egui::WidgetType::ScrollBar),
            text: None,
        };
        let mut below = button(bg, rect(10.0, 400.0, 300.0, 500.0), WINDOW);
        below.visible = below.rect.intersect(viewport_rect);
        let hidden = Widget {
            visible: egui::Rect::NOTHING,
            ..button(bg, rect(10.0, 520.0, 300.0, 560.0), WINDOW)
        };
        let report = check_layout(WINDOW, &[viewport.clone(), below.clone(), hidden.clone()]);
        assert!(report.is_clean(), "{report:?}");
        assert_eq!(report.scrolled, 2);
        // The same buttons with no scroll area are clipped.
        let report = check_layout(WINDOW, &[below, hidden]);
        assert_eq!(report.clipped.len(), 2, "{report:?}");
    }

    #[test]
    fn a_bar_over_a_title_overlaps_but_a_dialog_over_the_screen_does_not() {
        let bg = egui::LayerId::background();
        let bar = egui::LayerId::new(egui::Order::Foreground, egui::Id::new("bar"));
        let dialog = egui::LayerId::new(egui::Order::Middle, egui::Id::new("dialog"));
        let title = Widget {
            sense: egui::Sense::hover(),
            kind: Some(egui::WidgetType::Label),
            ..button(bg, rect(20.0, 20.0, 600.0, 50.0), WINDOW)
        };
        let bar_button = button(bar, rect(560.0, 10.0, 640.0, 40.0), WINDOW);
        let report = check_layout(WINDOW, &[title.clone(), bar_button]);
        assert_eq!(report.overlapping.len(), 1, "{report:?}");
        let dialog_button = button(dialog, rect(560.0, 10.0, 640.0, 40.0), WINDOW);
        let dialog_window = Widget {
            kind: Some(egui::WidgetType::Window),
            ..button(dialog, rect(500.0, 0.0, 700.0, 200.0), WINDOW)
        };
        assert!(
            check_layout(
                WINDOW,
                &[title.clone(), dialog_button.clone(), dialog_window]
            )
            .is_clean()
        );
        // The same button on a floating area that is not a window covers the title.
        assert_eq!(
            check_layout(WINDOW, &[title, dialog_button])
                .overlapping
                .len(),
            1
        );
    }

    #[test]
    fn side_by_side_and_nested_controls_are_fine() {
        let bg = egui::LayerId::background();
        let a = button(bg, rect(0.0, 0.0, 100.0, 40.0), WINDOW);
        let b = button(bg, rect(100.0, 0.0, 200.0, 40.0), WINDOW);
        let card = button(bg, rect(0.0, 100.0, 400.0, 300.0), WINDOW);
        let inner = button(bg, rect(10.0, 110.0, 100.0, 150.0), WINDOW);
        let report = check_layout(WINDOW, &[a, b, card, inner]);
        assert!(report.is_clean(), "{report:?}");
        assert_eq!(report.widgets, 4);
        // Two buttons half on top of each other are reported.
        let c = button(bg, rect(50.0, 10.0, 150.0, 50.0), WINDOW);
        let d = button(bg, rect(0.0, 0.0, 100.0, 40.0), WINDOW);
        assert_eq!(check_layout(WINDOW, &[c, d]).overlapping.len(), 1);
    }
}
