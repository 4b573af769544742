//! Small pieces every camp screen draws with: places as ordinals, stop names, a team's swatch,
//! icon and name, and warning and muted lines.

use bevy_egui::egui;

use crate::classroom::camp::model::{TeamColor, TeamIcon};
use crate::tour::model::content::Tour;
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;

/// "1st", "2nd", "3rd", "4th"…, for places.
pub(super) fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub(super) fn stop_name(tour: &Tour, stop: usize) -> String {
    tour.stop(stop).map_or_else(
        || format!("Stop {stop}"),
        |s| format!("Stop {stop}: {}", s.title),
    )
}

pub(super) fn team_color(c: TeamColor) -> egui::Color32 {
    let [r, g, b] = c.srgb();
    egui::Color32::from_rgb(r, g, b)
}

/// A square of the team's colour with an outline in the text colour, so a pale colour still
/// shows on the projector's white panels.
pub(super) fn swatch(ui: &mut egui::Ui, p: &Palette, c: TeamColor, size: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    ui.painter().rect_filled(rect, 3.0, team_color(c));
    ui.painter().rect_stroke(
        rect,
        3.0,
        egui::Stroke::new(1.0, color(p.text)),
        egui::StrokeKind::Outside,
    );
}

/// A team as camp mode always shows it: colour swatch, icon and name. The text stays in the
/// palette's text colour (a yellow name on a white projector panel cannot be read); the team
/// colour is only the swatch, and never the only clue.
pub(super) fn team_line(
    ui: &mut egui::Ui,
    p: &Palette,
    c: TeamColor,
    icon: TeamIcon,
    name: &str,
    size: f32,
) {
    ui.horizontal(|ui| {
        swatch(ui, p, c, (size * 0.8).max(12.0));
        ui.label(
            egui::RichText::new(format!("{} {name}", icon.glyph()))
                .size(size)
                .strong(),
        )
        .on_hover_text(format!("{} team, {} icon", c.label(), icon.label()));
    });
}

pub(super) fn warning_line(ui: &mut egui::Ui, p: &Palette, text: &str) {
    ui.label(egui::RichText::new(format!("⚠ {text}")).color(color(p.warning)));
}

pub(super) fn muted(ui: &mut egui::Ui, p: &Palette, text: &str) {
    ui.label(egui::RichText::new(text).color(color(p.muted_text)));
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd"
            ]
        );
    }
}
