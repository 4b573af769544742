//! The glossary window: every word of the tour with its definition, opened from any screen,
//! levels and gates included, with one key (`/`, remappable) or the briefing's button. Words
//! the student has met are marked.

use std::collections::BTreeSet;

use bevy::input::InputSystems;
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::crew::model::glossary::{entries, filtered};
use crate::tour::{GameContent, SaveData};
use crate::ui::theme::{UiSettings, UiSystems, color};
use crate::ui::widgets::{content_area, fit_window};

/// Whether the glossary is open, and what the student typed to find a word.
#[derive(Resource, Debug, Default)]
pub struct GlossaryWindow {
    pub open: bool,
    pub filter: String,
}

/// `/` opens and closes it; Esc closes it without leaving the screen beneath.
fn glossary_keys(
    keys: Option<ResMut<ButtonInput<KeyCode>>>,
    wants: Option<Res<EguiWantsInput>>,
    mut window: ResMut<GlossaryWindow>,
) {
    let Some(mut keys) = keys else { return };
    if window.open && keys.just_pressed(KeyCode::Escape) {
        window.open = false;
        keys.clear_just_pressed(KeyCode::Escape);
        return;
    }
    if crate::tour::input::typing(&wants) {
        return;
    }
    if keys.just_pressed(KeyCode::Slash) {
        window.open = !window.open;
        keys.clear_just_pressed(KeyCode::Slash);
    }
}

/// The stops whose words count as met: their introduction heard, or their gate passed.
pub fn met_stops(save: &SaveData) -> BTreeSet<u8> {
    let mut met = save.progress.heard_intro.clone();
    met.extend(
        save.progress
            .gates
            .iter()
            .filter(|(_, g)| g.passed)
            .map(|(s, _)| *s),
    );
    met
}

fn glossary_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    save: Res<SaveData>,
    mut window: ResMut<GlossaryWindow>,
) -> Result {
    if !window.open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let all = entries(&content.tour, &met_stops(&save));
    let met = all.iter().filter(|e| e.met).count();
    let mut open = true;
    let area = content_area(ctx);
    egui::Window::new("Glossary")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .fixed_size(fit_window(ctx, egui::vec2(640.0, 520.0)))
        .constrain_to(area)
        .show(ctx, |ui| {
            ui.label(format!(
                "Every word of the tour, with the tour's definition. ✔ marks the {met} of {} \
                 you have met. Press / or Esc to close.",
                all.len()
            ));
            ui.horizontal(|ui| {
                ui.label("Find:");
                ui.add(egui::TextEdit::singleline(&mut window.filter).desired_width(220.0));
                if !window.filter.is_empty() && ui.button("Clear").clicked() {
                    window.filter.clear();
                }
            });
            egui::ScrollArea::vertical()
                .id_salt("glossary")
                .show(ui, |ui| {
                    for entry in filtered(&all, &window.filter) {
                        ui.set_width(ui.available_width());
                        let mark = if entry.met { "✔" } else { "○" };
                        ui.label(
                            egui::RichText::new(format!("{mark} {}", entry.term))
                                .strong()
                                .size(20.0)
                                .color(color(p.accent)),
                        );
                        ui.label(&entry.definition);
                        ui.label(
                            egui::RichText::new(format!(
                                "Stop {} · {}{}",
                                entry.stop,
                                entry.stop_title,
                                if entry.met { " · met" } else { "" }
                            ))
                            .color(color(p.muted_text)),
                        );
                        ui.add_space(8.0);
                    }
                });
        });
    if !open {
        window.open = false;
    }
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<GlossaryWindow>()
        .add_systems(
            PreUpdate,
            glossary_keys
                .after(InputSystems)
                .after(crate::ui::remap::RemapSystems),
        )
        .add_systems(
            EguiPrimaryContextPass,
            glossary_ui.in_set(UiSystems::Overlays),
        );
}
