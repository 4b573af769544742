//! The frame every level screen shares: the egui context, the palette in force, a root `Ui`
//! over the whole window, the bar of key hints along the bottom, and the level's task list at
//! the lesson length in force. A level's UI system takes one `LevelScreen` instead of
//! repeating that preamble, then draws its own panels inside.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use crate::tour::model::lesson::{LessonLength, extensions};
use crate::tour::{ActiveLesson, LevelStatus, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::paint::color;
use crate::ui::theme::UiSettings;
use crate::ui::widgets::{hint_bar, root_ui};

/// What a level screen needs from the ECS to draw its frame and leave the level.
#[derive(SystemParam)]
pub struct LevelScreen<'w, 's> {
    contexts: EguiContexts<'w, 's>,
    settings: Res<'w, UiSettings>,
    /// For "continue to the gate" and "leave": every level sends the same tour commands.
    pub tour: MessageWriter<'w, TourCommand>,
    /// The level's progress: whether its core is done, and each task's units.
    pub status: Res<'w, LevelStatus>,
    pub lesson: Res<'w, ActiveLesson>,
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

/// The level's tasks at the lesson length in force: the core ones open the gate, the rest are
/// marked "Extension" and counted ("Extensions: 2 of 5").
pub fn task_list(ui: &mut egui::Ui, p: &Palette, status: &LevelStatus, length: LessonLength) {
    if status.tasks.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(format!("Tasks: {length} lesson")).strong());
    for row in &status.tasks {
        if row.core > 0 {
            let mark = if row.core_done() { "☑" } else { "☐" };
            let count = if row.core == 1 {
                String::new()
            } else {
                format!(": {} of {}", row.done.min(row.core), row.core)
            };
            ui.label(format!("{mark} {}{count}", row.name));
        }
        if row.extensions_total() > 0 {
            let mark = if row.extensions_done() == row.extensions_total() {
                "☑"
            } else {
                "☐"
            };
            ui.label(
                egui::RichText::new(format!(
                    "{mark} Extension · {}: {} of {}",
                    row.name,
                    row.extensions_done(),
                    row.extensions_total()
                ))
                .color(color(p.muted_text)),
            );
        }
    }
    let (done, total) = extensions(&status.tasks);
    if total > 0 {
        ui.label(format!("Extensions: {done} of {total}"));
    }
    if status.complete {
        ui.label(egui::RichText::new("Core tasks done: the gate is open.").color(color(p.success)));
    }
}
