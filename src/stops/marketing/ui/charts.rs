//! The dashboard's bar charts: likes, shares and engagement per post, and once the student has
//! worked out a ratio, engagement by content type.

use bevy_egui::egui;

use crate::stops::marketing::level::MarketingState;
use crate::stops::marketing::model::{self, PostResult, format_decimal, group_thousands};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;

/// Height of one per-post bar chart, bars and labels included.
const CHART_HEIGHT: f32 = 150.0;

/// One bar of a chart: its value, the text printed over it, the caption under it, and whether
/// the student has earned the right to see it yet.
struct Bar {
    value: f64,
    text: String,
    caption: String,
    hidden: bool,
}

/// A bar chart drawn with the painter. Every bar carries its value as text (colour is never
/// the only cue); a hidden bar is an empty outline with "?". The axis top comes from
/// [`model::bar_scale`] over the visible bars only, so a hidden value cannot leak through the
/// scale.
fn bar_chart(
    ui: &mut egui::Ui,
    p: &Palette,
    title: &str,
    bars: &[Bar],
    unit: &str,
    height: f32,
    caption_lines: f32,
) {
    ui.label(egui::RichText::new(title).strong());
    let width = ui.available_width().max(240.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6.0, color(p.panel));
    let plot = Plot {
        painter,
        text: color(p.text),
        muted: color(p.muted_text),
        fill: color(p.accent),
        font: egui::FontId::proportional(15.0),
        left: rect.left() + 72.0,
        right: rect.right() - 10.0,
        top: rect.top() + 24.0,
        base: rect.bottom() - 6.0 - 18.0 * caption_lines,
    };
    let max = bars
        .iter()
        .filter(|b| !b.hidden)
        .map(|b| b.value)
        .fold(0.0, f64::max);
    let scale = model::bar_scale(max);
    plot.axis(scale, unit);
    let slot = (plot.right - plot.left) / bars.len().max(1) as f32;
    let bar_width = (slot * 0.6).min(56.0);
    for (i, bar) in bars.iter().enumerate() {
        let x = plot.left + slot * (i as f32 + 0.5);
        plot.bar(bar, x, bar_width, scale);
    }
}

/// Where a chart draws: its painter, colours and font, and the plot area inside the frame
/// (`base` is the zero line, `top` the axis top).
struct Plot {
    painter: egui::Painter,
    text: egui::Color32,
    muted: egui::Color32,
    fill: egui::Color32,
    font: egui::FontId,
    left: f32,
    right: f32,
    top: f32,
    base: f32,
}

impl Plot {
    /// The zero line, the gridline at the axis top, and their values.
    fn axis(&self, scale: f64, unit: &str) {
        let (left, right, top, base) = (self.left, self.right, self.top, self.base);
        self.painter.line_segment(
            [egui::pos2(left, base), egui::pos2(right, base)],
            egui::Stroke::new(1.5, self.muted),
        );
        self.painter.line_segment(
            [egui::pos2(left, top), egui::pos2(right, top)],
            egui::Stroke::new(0.5, self.muted),
        );
        self.painter.text(
            egui::pos2(left - 6.0, top),
            egui::Align2::RIGHT_CENTER,
            format!("{}{unit}", format_decimal(scale, 2)),
            self.font.clone(),
            self.muted,
        );
        self.painter.text(
            egui::pos2(left - 6.0, base),
            egui::Align2::RIGHT_CENTER,
            format!("0{unit}"),
            self.font.clone(),
            self.muted,
        );
    }

    /// One bar centred on `x`, with its caption under the zero line and its value over it; a
    /// hidden bar is an outline with "?".
    fn bar(&self, bar: &Bar, x: f32, bar_width: f32, scale: f64) {
        let (top, base) = (self.top, self.base);
        // Line by line, so every line of a caption is centred under its bar.
        for (line_index, line) in bar.caption.lines().enumerate() {
            self.painter.text(
                egui::pos2(x, base + 3.0 + 18.0 * line_index as f32),
                egui::Align2::CENTER_TOP,
                line,
                self.font.clone(),
                self.text,
            );
        }
        if bar.hidden {
            let outline = egui::Rect::from_min_max(
                egui::pos2(x - bar_width / 2.0, base - 30.0),
                egui::pos2(x + bar_width / 2.0, base),
            );
            self.painter.rect_stroke(
                outline,
                3.0,
                egui::Stroke::new(1.5, self.muted),
                egui::StrokeKind::Inside,
            );
            self.painter.text(
                outline.center(),
                egui::Align2::CENTER_CENTER,
                "?",
                self.font.clone(),
                self.text,
            );
            return;
        }
        let fraction = if bar.value.is_finite() {
            (bar.value / scale).clamp(0.0, 1.0) as f32
        } else {
            0.0
        };
        let bar_top = base - fraction * (base - top);
        self.painter.rect_filled(
            egui::Rect::from_min_max(
                egui::pos2(x - bar_width / 2.0, bar_top),
                egui::pos2(x + bar_width / 2.0, base),
            ),
            3.0,
            self.fill,
        );
        self.painter.text(
            egui::pos2(x, bar_top - 2.0),
            egui::Align2::CENTER_BOTTOM,
            &bar.text,
            self.font.clone(),
            self.text,
        );
    }
}

/// One bar per post, in posting order, captioned with the post's number.
fn post_bars(
    state: &MarketingState,
    value: impl Fn(&PostResult) -> f64,
    text: impl Fn(&PostResult) -> String,
    needs_reveal: bool,
) -> Vec<Bar> {
    state
        .campaign
        .posts()
        .iter()
        .enumerate()
        .map(|(i, r)| Bar {
            value: value(r),
            text: text(r),
            caption: format!("#{}", i + 1),
            hidden: needs_reveal && !state.is_revealed(i),
        })
        .collect()
}

pub(super) fn charts(ui: &mut egui::Ui, state: &MarketingState, p: &Palette) {
    bar_chart(
        ui,
        p,
        "Likes per post",
        &post_bars(
            state,
            |r| r.likes as f64,
            |r| group_thousands(r.likes),
            false,
        ),
        "",
        CHART_HEIGHT,
        1.0,
    );
    bar_chart(
        ui,
        p,
        "Shares per post",
        &post_bars(
            state,
            |r| r.shares as f64,
            |r| group_thousands(r.shares),
            false,
        ),
        "",
        CHART_HEIGHT,
        1.0,
    );
    bar_chart(
        ui,
        p,
        "Engagement rate per post (likes ÷ views × 100)",
        &post_bars(
            state,
            |r| r.engagement_rate_pct(),
            |r| format!("{}%", format_decimal(r.engagement_rate_pct(), 1)),
            true,
        ),
        "%",
        CHART_HEIGHT,
        1.0,
    );
    if state.revealed.iter().any(|shown| !*shown) {
        ui.label(
            egui::RichText::new(
                "? = not worked out yet: answer the post's ratio question to see it.",
            )
            .small()
            .color(color(p.muted_text)),
        );
    }
    // The pattern to discover: shown once the student has worked out a ratio of their own.
    if state.revealed.iter().any(|shown| *shown) {
        let bars: Vec<Bar> = model::by_content(state.campaign.posts())
            .into_iter()
            .map(|(content, totals)| Bar {
                value: totals.engagement_pct,
                text: format!("{}%", format_decimal(totals.engagement_pct, 1)),
                caption: format!(
                    "{}\n{} {}",
                    content.label(),
                    totals.posts,
                    if totals.posts == 1 { "post" } else { "posts" }
                ),
                hidden: false,
            })
            .collect();
        bar_chart(
            ui,
            p,
            "Engagement rate by content type (all its likes ÷ all its views × 100)",
            &bars,
            "%",
            CHART_HEIGHT + 20.0,
            2.0,
        );
    } else if !state.campaign.posts().is_empty() {
        ui.label(
            egui::RichText::new(
                "🔒 Work out one of your posts' ratios to unlock the chart of engagement by \
                 content type.",
            )
            .color(color(p.muted_text)),
        );
    }
}
