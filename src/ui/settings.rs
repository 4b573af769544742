//! The settings window (F3, or the button on the title screen): palette, text size, reduced
//! motion, the three volume sliders and the key map. Everything is saved as it changes.
//! While it is open, Tab and Shift+Tab move between its controls, Space or Enter uses one, and
//! the arrow keys move a slider.

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::ui::model::keymap::{Action, display_key};
use crate::ui::model::palette::{Palette, PaletteKind};
use crate::ui::remap::{is_known_key, key_name};
use crate::ui::theme::{AllowWidgetFocus, MAX_SCALE, MIN_SCALE, UiSettings, UiSystems, color};

#[derive(Resource, Debug, Default)]
pub struct SettingsWindow {
    pub open: bool,
    /// The action waiting for its new key.
    waiting: Option<Action>,
    message: Option<String>,
}

fn toggle_settings(keys: Res<ButtonInput<KeyCode>>, mut window: ResMut<SettingsWindow>) {
    if window.waiting.is_none() && keys.just_pressed(KeyCode::F3) {
        window.open = !window.open;
    }
}

/// While an action waits for a key, the next key pressed (as the keyboard reports it, before
/// any remapping) becomes its key. Escape cancels.
fn capture_new_key(
    mut events: MessageReader<KeyboardInput>,
    mut window: ResMut<SettingsWindow>,
    mut settings: ResMut<UiSettings>,
    mut keys: ResMut<ButtonInput<KeyCode>>,
) {
    let Some(action) = window.waiting else {
        events.clear();
        return;
    };
    for event in events.read() {
        if event.state != ButtonState::Pressed {
            continue;
        }
        // This press is for the settings, not for the screen underneath.
        keys.reset(event.key_code);
        window.waiting = None;
        if event.key_code == KeyCode::Escape {
            window.message = Some("Nothing changed.".into());
            break;
        }
        let name = key_name(event.key_code);
        let mut map = settings.keys.clone();
        window.message = Some(match map.rebind(action, &name, is_known_key) {
            Ok(()) => {
                settings.keys = map;
                format!("{} is now on {}.", action.label(), display_key(&name))
            }
            Err(e) => format!("⚠ {e}"),
        });
        break;
    }
}

fn settings_ui(
    mut contexts: EguiContexts,
    mut window: ResMut<SettingsWindow>,
    mut settings: ResMut<UiSettings>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
) -> Result {
    if !window.open {
        return Ok(());
    }
    allow_focus.0 = true;
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let mut open = window.open;
    // Edit a copy so the settings only count as changed (and get saved) when something changed.
    let mut edited = settings.clone();
    let shown = egui::Window::new("Settings (F3 to close)")
        .open(&mut open)
        .default_size(egui::vec2(640.0, 560.0))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                look_section(ui, &mut edited);
                ui.separator();
                sound_section(ui, &p, &mut edited);
                ui.separator();
                keys_section(ui, &p, &mut edited, &mut window);
                ui.separator();
                ui.label(
                    egui::RichText::new(
                        "Backlot works offline: no accounts, no telemetry. Settings and progress \
                         stay in files on this computer.",
                    )
                    .color(color(p.muted_text)),
                );
            });
        });
    // Tab and the arrow keys stay inside this window while it is open.
    if let Some(shown) = &shown {
        crate::ui::widgets::keep_keyboard_in(ctx, shown.response.layer_id);
    }
    if edited != *settings {
        *settings = edited;
    }
    if !open {
        window.open = false;
        window.waiting = None;
    }
    Ok(())
}

/// Palette, text size and reduced motion.
fn look_section(ui: &mut egui::Ui, edited: &mut UiSettings) {
    ui.heading("Look");
    ui.horizontal(|ui| {
        ui.label("Palette:");
        for kind in [
            PaletteKind::Dark,
            PaletteKind::Projector,
            PaletteKind::HighContrast,
        ] {
            let mark = if edited.palette == kind { "☑" } else { "☐" };
            if ui
                .selectable_label(edited.palette == kind, format!("{mark} {}", kind.label()))
                .clicked()
            {
                edited.palette = kind;
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label("Text size:");
        let mut percent = (edited.scale * 100.0).round();
        ui.add(
            egui::Slider::new(&mut percent, MIN_SCALE * 100.0..=MAX_SCALE * 100.0)
                .step_by(12.5)
                .suffix(" %"),
        );
        edited.scale = percent / 100.0;
    });
    ui.checkbox(
        &mut edited.reduced_motion,
        "Reduced motion: no orbiting camera, slower camera moves",
    );
}

/// The music, effects and voice volumes, in percent.
fn sound_section(ui: &mut egui::Ui, p: &Palette, edited: &mut UiSettings) {
    ui.heading("Sound");
    ui.label(
        egui::RichText::new(
            "Every sound that matters also shows a caption, so sound is never needed.",
        )
        .color(color(p.muted_text)),
    );
    egui::Grid::new("volumes").show(ui, |ui| {
        for (label, value) in [
            ("Music", &mut edited.volumes.music),
            ("Effects", &mut edited.volumes.effects),
            ("Voice", &mut edited.volumes.voice),
        ] {
            ui.label(label);
            let mut percent = (*value * 100.0).round();
            ui.add(
                egui::Slider::new(&mut percent, 0.0..=100.0)
                    .fixed_decimals(0)
                    .suffix(" %"),
            );
            *value = percent / 100.0;
            ui.end_row();
        }
    });
}

/// The key map: each action's key with a "Change" button, and a reset. `window` stays a
/// `ResMut` so it is marked changed only when a button is pressed.
fn keys_section(
    ui: &mut egui::Ui,
    p: &Palette,
    edited: &mut UiSettings,
    window: &mut ResMut<SettingsWindow>,
) {
    ui.heading("Keys");
    ui.label(
        egui::RichText::new(
            "Choose \"Change\", then press the new key (Escape cancels). The answer \
             keys of a gate (1–4, A–D) stay as they are printed on screen.",
        )
        .color(color(p.muted_text)),
    );
    egui::Grid::new("keys").striped(true).show(ui, |ui| {
        for action in Action::ALL {
            ui.label(action.label());
            let key = display_key(edited.keys.key_for(action));
            if window.waiting == Some(action) {
                ui.label(
                    egui::RichText::new("press a key…")
                        .strong()
                        .color(color(p.accent)),
                );
            } else {
                ui.label(egui::RichText::new(key).monospace());
            }
            if ui.button("Change").clicked() {
                window.waiting = Some(action);
                window.message = None;
            }
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        if ui.button("Reset keys to the defaults").clicked() {
            edited.keys.reset();
            window.message = Some("Keys are back to the defaults.".into());
        }
        if let Some(m) = &window.message {
            ui.label(m);
        }
    });
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SettingsWindow>()
        .add_systems(Update, (capture_new_key, toggle_settings).chain())
        .add_systems(
            EguiPrimaryContextPass,
            settings_ui.in_set(UiSystems::Overlays),
        );
}
