//! The frame every level screen shares: the egui context, the palette in force, a root `Ui`
//! over the whole window and the bar of key hints along the bottom. A level's UI system takes
//! one `LevelScreen` instead of repeating that preamble, then draws its own panels inside.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use crate::tour::TourCommand;
use crate::ui::model::palette::Palette;
use crate::ui::theme::UiSettings;
use crate::ui::widgets::{hint_bar, root_ui};

/// What a level screen needs from the ECS to draw its frame and leave the level.
#[derive(SystemParam)]
pub struct LevelScreen<'w, 's> {
    contexts: EguiContexts<'w, 's>,
    settings: Res<'w, UiSettings>,
    /// For "continue to the gate" and "leave": every level sends the same tour commands.
    pub tour: MessageWriter<'w, TourCommand>,
}

impl LevelScreen<'_, '_> {
    /// The palette in force (dark, projector or high contrast).
    pub fn palette(&self) -> Palette {
        self.settings.colors()
    }

    /// The UI settings (text scale, reduced motion …).
    pub fn settings(&self) -> &UiSettings {
        &self.settings
    }

    /// Open the screen: a root `Ui` over the window, named `id`, with `hints` drawn as the key
    /// bar at the bottom. Panels added to the returned `Ui` fill the rest.
    pub fn begin(&mut self, id: &str, hints: &[(&str, &str)]) -> Result<(egui::Ui, Palette)> {
        let palette = self.palette();
        let ctx = self.contexts.ctx_mut()?;
        let mut root = root_ui(ctx, id);
        if !hints.is_empty() {
            hint_bar(&mut root, &palette, hints);
        }
        Ok((root, palette))
    }
}
