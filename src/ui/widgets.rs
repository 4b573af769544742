//! Small shared egui helpers: the root UI, the focus ring and common pieces of screens.

use bevy_egui::egui;

use crate::ui::model::keymap::{Action, KeyMap, display_key};
use crate::ui::model::palette::Palette;
use crate::ui::paint::color;

/// A `Ui` over the screen's content area to hang panels on (egui 0.36 panels show inside a
/// `Ui`): the window less the bars along the top (presenter mode, camp), so no screen is ever
/// drawn under them.
pub fn root_ui(ctx: &egui::Context, id: &str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        egui::Id::new(id),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(content_area(ctx)),
    )
}

/// Where the bars along the top of the window end, this frame.
fn bars_bottom_id() -> egui::Id {
    egui::Id::new("backlot-bars-bottom")
}

/// The part of the window that screens, windows and toasts may use: all of it, less the bars
/// drawn along the top this frame (`UiSystems::Bars` runs first and calls `reserve_top`).
pub fn content_area(ctx: &egui::Context) -> egui::Rect {
    let window = ctx.viewport_rect();
    let bars_bottom: f32 = ctx
        .data(|d| d.get_temp(bars_bottom_id()))
        .unwrap_or(window.top());
    egui::Rect::from_min_max(
        egui::pos2(
            window.left(),
            bars_bottom.clamp(window.top(), window.bottom()),
        ),
        window.max,
    )
}

/// A side panel's width, from the window: `designed` points (its width in a 1280-point-wide
/// window, the game's usual size), in proportion when the window is narrower. A projector at
/// presenter mode's 150 % is 853 points wide, so a 390-point panel becomes 260.
pub fn panel_width(ui: &egui::Ui, designed: f32) -> f32 {
    designed.min(ui.max_rect().width() * designed / DESIGN_WIDTH)
}

/// The window width, in points, the side panels were designed for.
pub const DESIGN_WIDTH: f32 = 1280.0;

/// A slider under its name, as wide as the space it has. egui puts the name to the right of the
/// slider, which a side panel on a projector (about 260 points) is too narrow for.
pub fn slider_row(
    ui: &mut egui::Ui,
    name: impl Into<egui::WidgetText>,
    slider: egui::Slider<'_>,
) -> egui::Response {
    ui.label(name);
    // Room for the value box beside it.
    ui.spacing_mut().slider_width = (ui.available_width() - 110.0).max(60.0);
    ui.add(slider)
}

/// A window's size: what it asks for, but never more than the content area (a projector at
/// 150 % leaves about 850 × 430 points), so its title bar and buttons stay on screen.
pub fn fit_window(ctx: &egui::Context, wanted: egui::Vec2) -> egui::Vec2 {
    wanted.min(content_area(ctx).size() - egui::vec2(16.0, 16.0))
}

/// Forget last frame's bars; the first system of `UiSystems::Bars` calls this.
pub fn clear_bars(ctx: &egui::Context) {
    // Read before writing: egui's context lock is not re-entrant.
    let top = ctx.viewport_rect().top();
    ctx.data_mut(|d| d.insert_temp(bars_bottom_id(), top));
}

/// A bar along the top of the window, below any bar already drawn this frame. Screens drawn
/// after it start below it. Returns what `add_contents` returned.
pub fn top_bar<R>(
    ctx: &egui::Context,
    id: &str,
    frame: egui::Frame,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let mut ui = egui::Ui::new(
        ctx.clone(),
        egui::Id::new(id),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::new(egui::Order::Middle, egui::Id::new(id)))
            .max_rect(content_area(ctx)),
    );
    let shown = egui::Panel::top(egui::Id::new(id))
        .frame(frame)
        .resizable(false)
        .show(&mut ui, add_contents);
    let bottom = shown.response.rect.bottom();
    ctx.data_mut(|d| d.insert_temp(bars_bottom_id(), bottom));
    shown.inner
}

/// The keyboard focus ring: a thick outline in the palette's focus colour, outside the widget,
/// so focus never depends on a fill colour alone.
pub fn focus_ring(ui: &egui::Ui, rect: egui::Rect, palette: &Palette) {
    ui.painter().rect_stroke(
        rect.expand(4.0),
        6.0,
        egui::Stroke::new(3.5, color(palette.focus)),
        egui::StrokeKind::Outside,
    );
}

/// The screen's main action: accent fill, dark text, and the focus ring (it is where Enter goes).
pub fn primary_button(ui: &mut egui::Ui, palette: &Palette, label: &str) -> egui::Response {
    let response = ui.add(
        egui::Button::new(egui::RichText::new(label).color(color(palette.accent_text)))
            .fill(color(palette.accent))
            .min_size(egui::vec2(300.0_f32.min(ui.available_width()), 46.0)),
    );
    focus_ring(ui, response.rect, palette);
    response
}

/// Stars as text: "★★☆ (2 of 3)", readable without colour.
pub fn stars_text(stars: u8) -> String {
    let filled = usize::from(stars.min(3));
    format!(
        "{}{} ({} of 3)",
        "★".repeat(filled),
        "☆".repeat(3 - filled),
        filled
    )
}

/// A panel-coloured card with a border, for content blocks.
pub fn card(palette: &Palette) -> egui::Frame {
    egui::Frame::new()
        .fill(color(palette.panel))
        .stroke(egui::Stroke::new(1.5, color(palette.border)))
        .corner_radius(8.0)
        .inner_margin(egui::Margin::same(16))
}

/// Where the player's key map is kept in egui's memory, so every hint can name the keys the
/// player actually uses (set each frame by `theme`).
pub fn key_map_id() -> egui::Id {
    egui::Id::new("backlot-key-map")
}

/// A hint's key as the player has mapped it: "Enter" shows the key that now confirms, and so on.
pub fn mapped_hint_key(map: &KeyMap, key: &str) -> String {
    let action = match key {
        "Enter" => Action::Confirm,
        "Esc" | "Escape" => Action::Back,
        "F1" => Action::TeacherPanel,
        "F2" => Action::CyclePalette,
        "F3" => Action::Settings,
        "F4" => Action::CampMode,
        "F5" => Action::Presenter,
        _ => return key.to_string(),
    };
    display_key(map.key_for(action))
}

/// A line of keyboard hints at the bottom of a screen.
pub fn key_hints(ui: &mut egui::Ui, palette: &Palette, hints: &[(&str, &str)]) {
    let map: KeyMap = ui
        .ctx()
        .data(|d| d.get_temp(key_map_id()))
        .unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        for (key, what) in hints {
            let key = mapped_hint_key(&map, key);
            // Never split a key across lines (its chip would be left empty at a line's end).
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!(" {key} "))
                        .strong()
                        .background_color(color(palette.button)),
                )
                .extend(),
            );
            ui.label(egui::RichText::new(*what).color(color(palette.muted_text)));
            ui.add_space(12.0);
        }
    });
}

/// Draw a full-width bottom bar of key hints.
pub fn hint_bar(ui: &mut egui::Ui, palette: &Palette, hints: &[(&str, &str)]) {
    // Not resizable: its height follows its lines, which change with the window and scale.
    egui::Panel::bottom("key_hints")
        .resizable(false)
        .frame(
            egui::Frame::new()
                .fill(color(palette.panel))
                .inner_margin(egui::Margin::symmetric(16, 8)),
        )
        .show(ui, |ui| key_hints(ui, palette, hints));
}

/// A horizontal bar with its value written beside it, so the number never depends on the bar
/// or its colour (camp scores, poll tallies, the camp timer).
pub fn value_bar(
    ui: &mut egui::Ui,
    p: &Palette,
    fraction: f32,
    fill: egui::Color32,
    label: egui::RichText,
    width: f32,
) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 20.0), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 4.0, color(p.button));
        let f = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        if f > 0.0 {
            let filled =
                egui::Rect::from_min_size(rect.min, egui::vec2(rect.width() * f, rect.height()));
            painter.rect_filled(filled, 4.0, fill);
        }
        painter.rect_stroke(
            rect,
            4.0,
            egui::Stroke::new(1.0, color(p.border)),
            egui::StrokeKind::Outside,
        );
        ui.label(label);
    });
}

/// Keep keyboard focus (Tab, arrows) inside one window, and clicks off the screen behind it,
/// while it is open: a dialog, as a keyboard user expects.
pub fn keep_keyboard_in(ctx: &egui::Context, layer: egui::LayerId) {
    ctx.memory_mut(|m| m.set_modal_layer(layer));
    ctx.move_to_top(layer);
}

/// A button that asks for a text file: the browser's file picker, or on the desktop (which
/// has no file dialog) a typed path beside it. The file arrives via `platform::files::take_picked`.
pub fn pick_file_button(
    ui: &mut egui::Ui,
    label: &str,
    purpose: &'static str,
    accept: &str,
    typed_path: &mut String,
    hint: &str,
) {
    if !crate::platform::HAS_FILE_PICKER {
        ui.add(
            egui::TextEdit::singleline(typed_path)
                .hint_text(hint)
                .desired_width(240.0),
        );
    }
    if ui.button(label).clicked() {
        crate::platform::files::pick_text_file(purpose, accept, typed_path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_name_the_keys_the_player_mapped() {
        let mut map = KeyMap::default();
        assert_eq!(mapped_hint_key(&map, "Enter"), "Enter");
        map.rebind(Action::Confirm, "KeyK", |_| true).unwrap();
        assert_eq!(mapped_hint_key(&map, "Enter"), "K");
        assert_eq!(mapped_hint_key(&map, "1–4 / A–D"), "1–4 / A–D");
    }

    #[test]
    fn stars_read_without_colour() {
        assert_eq!(stars_text(2), "★★☆ (2 of 3)");
        assert_eq!(stars_text(0), "☆☆☆ (0 of 3)");
        assert_eq!(stars_text(7), "★★★ (3 of 3)");
    }
}
