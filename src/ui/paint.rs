//! Palette colours as egui colours. Kept on its own so the theme and the shared widgets can
//! both use it without importing each other (`crate::ui::theme::color` re-exports it).

use bevy_egui::egui;

use crate::ui::model::palette::Rgb;

pub fn color(c: Rgb) -> egui::Color32 {
    egui::Color32::from_rgb(c.0, c.1, c.2)
}
