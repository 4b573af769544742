//! The settings window (F3, or the button on the title screen): palette, text size, reduced
//! motion, the lesson length, the three volume sliders, the key map, and a copy of the whole
//! profile to carry to another day or computer. Everything is saved as it changes.
//! While it is open, Tab and Shift+Tab move between its controls, Space or Enter uses one, and
//! the arrow keys move a slider.

use crate::ui::widgets::{content_area, fit_window};
use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::GameConfig;
use crate::platform::files;
use crate::stage::model::quality::Quality;
use crate::stage::quality::StageQuality;
use crate::tour::ActiveLesson;
use crate::tour::model::lesson::LessonLength;
use crate::tour::model::profile_copy::{self, ProfileCopy};
use crate::tour::save::{SaveData, SaveRequest};
use crate::tour::{ActiveProfile, ProfileLoaded};
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
    /// The desktop's typed path of a profile copy to load (a browser uses its file picker).
    import_path: String,
    progress_message: Option<String>,
}

/// What a picked file is for: a student's copy of their profile.
const PROGRESS_FILE: &str = "profile copy";

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
    mut stage_quality: ResMut<StageQuality>,
    save: Res<SaveData>,
    profile: Res<ActiveProfile>,
    config: Res<GameConfig>,
    mut lesson: ResMut<ActiveLesson>,
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
        .default_size(fit_window(ctx, egui::vec2(640.0, 560.0)))
        .max_size(content_area(ctx).size())
        .constrain_to(content_area(ctx))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                look_section(ui, &mut edited);
                ui.separator();
                graphics_section(ui, &p, &mut edited, &stage_quality);
                ui.separator();
                lesson_section(ui, &p, &mut edited, &mut lesson);
                ui.separator();
                sound_section(ui, &p, &mut edited);
                ui.separator();
                keys_section(ui, &p, &mut edited, &mut window);
                ui.separator();
                let copy = CopySource {
                    profile: &profile,
                    save: &save,
                    settings: &settings,
                    config: &config,
                };
                progress_section(ui, &p, &mut window, &copy);
                ui.separator();
                ui.label(
                    egui::RichText::new(format!(
                        "Backlot works offline: no accounts, no telemetry. Settings and progress \
                         stay {}.",
                        crate::platform::storage::WHERE_SAVES_LIVE
                    ))
                    .color(color(p.muted_text)),
                );
            });
        });
    // Tab and the arrow keys stay inside this window while it is open.
    if let Some(shown) = &shown {
        crate::ui::widgets::keep_keyboard_in(ctx, shown.response.layer_id);
    }
    if edited.quality != settings.quality && edited.quality.is_some() {
        // A teacher's choice replaces the automatic one (and a URL's, for this session too).
        stage_quality.level = edited.quality;
        stage_quality.forced = false;
        stage_quality.auto_picked = false;
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

/// The stage's quality: how sharp the LED wall's pictures are, against how fast it runs.
fn graphics_section(
    ui: &mut egui::Ui,
    p: &Palette,
    edited: &mut UiSettings,
    stage_quality: &StageQuality,
) {
    ui.heading("Graphics");
    let current = stage_quality.current();
    ui.horizontal(|ui| {
        ui.label("Stage quality:");
        for level in Quality::ALL {
            let mark = if current == level { "☑" } else { "☐" };
            if ui
                .selectable_label(current == level, format!("{mark} {}", level.label()))
                .clicked()
            {
                edited.quality = Some(level);
            }
        }
    });
    let how = if stage_quality.forced {
        "set for this session by the start-up options"
    } else if stage_quality.auto_picked || edited.quality.is_none() {
        "chosen for this computer's graphics"
    } else {
        "your choice"
    };
    ui.label(
        egui::RichText::new(format!(
            "{} ({how}; largest picture {} px).",
            current.explain(),
            stage_quality.max_texture_side
        ))
        .color(color(p.muted_text)),
    );
}

/// What a copy of the profile is made from.
struct CopySource<'a> {
    profile: &'a ActiveProfile,
    save: &'a SaveData,
    settings: &'a UiSettings,
    config: &'a GameConfig,
}

impl CopySource<'_> {
    /// The whole profile in one file: name, progress, settings and level saves.
    fn export(&self) -> Result<String, String> {
        let settings = ron::ser::to_string_pretty(self.settings, Default::default()).ok();
        let name = &self.profile.0.name;
        let copy = ProfileCopy::gather(self.save.store.dir(), name, &self.save.progress, settings);
        let file = profile_copy::file_name(name, crate::platform::time::unix_now());
        files::export_text(&self.config.data_dir, &file, &copy.to_text())
    }
}

/// Save a copy of the profile, or load one: how a student carries a run between days when
/// a shared computer forgets it (school Chromebooks clear a browser's data at sign-out).
fn progress_section(
    ui: &mut egui::Ui,
    p: &Palette,
    window: &mut SettingsWindow,
    from: &CopySource,
) {
    ui.heading("Your progress");
    ui.label(
        egui::RichText::new(format!(
            "{}: {} of 7 stops passed. Keep a copy (progress, settings and the work saved in \
             each level) to carry on another day or on another computer.",
            from.profile.0.name,
            from.save.progress.stops_passed()
        ))
        .color(color(p.muted_text)),
    );
    ui.horizontal(|ui| {
        if ui.button("Save a copy of my progress").clicked() {
            window.progress_message = Some(from.export().unwrap_or_else(|e| format!("⚠ {e}")));
        }
        crate::ui::widgets::pick_file_button(
            ui,
            "Load a copy…",
            PROGRESS_FILE,
            ".ron",
            &mut window.import_path,
            "path of a saved copy (.ron)",
        );
    });
    if let Some(m) = &window.progress_message {
        ui.label(m);
    }
}

/// A picked copy joins the active profile: the progress is merged (nothing is lost on either
/// side) and saved at once; settings and level saves are restored where it is safe (see
/// `profile_copy::restore`), and the game reads them again.
fn take_progress_copies(
    mut window: ResMut<SettingsWindow>,
    mut save: ResMut<SaveData>,
    profile: Res<ActiveProfile>,
    mut requests: MessageWriter<SaveRequest>,
    mut loaded: MessageWriter<ProfileLoaded>,
) {
    for file in files::take_picked(PROGRESS_FILE) {
        let result = file
            .text
            .and_then(|text| ProfileCopy::parse(&file.name, &text));
        window.progress_message = Some(match result {
            Ok(copy) => {
                let before = save.progress.stops_passed();
                let dir = save.store.dir().to_path_buf();
                let done = profile_copy::restore(&copy, &dir, &mut save.progress, |text| {
                    ron::from_str::<UiSettings>(text).is_ok()
                });
                requests.write(SaveRequest);
                if done.settings || done.levels > 0 {
                    loaded.write(ProfileLoaded);
                }
                let whose = if copy.name.is_empty() || copy.name == profile.0.name {
                    String::new()
                } else {
                    format!(" ({}'s copy, into {}'s profile)", copy.name, profile.0.name)
                };
                let mut lines = vec![format!(
                    "Loaded {}{whose}: {} of 7 stops passed (was {before}).",
                    file.name,
                    save.progress.stops_passed()
                )];
                lines.extend(done.lines);
                lines.join("\n")
            }
            Err(e) => format!("⚠ {e}. Your progress is unchanged."),
        });
    }
}

/// The teacher's lesson length: how much of each level opens its gate. A choice here takes
/// effect at once (over a start-up option) and is saved.
fn lesson_section(
    ui: &mut egui::Ui,
    p: &Palette,
    edited: &mut UiSettings,
    lesson: &mut ActiveLesson,
) {
    ui.heading("Lesson");
    ui.horizontal(|ui| {
        ui.label("Lesson length:");
        for length in LessonLength::ALL {
            let on = lesson.length == length;
            let mark = if on { "☑" } else { "☐" };
            if ui
                .selectable_label(on, format!("{mark} {length}"))
                .on_hover_text(length.explain())
                .clicked()
                && !on
            {
                edited.lesson = length;
                lesson.choose(length);
            }
        }
    });
    let how = if lesson.forced {
        " (set for this session by the start-up options)"
    } else {
        ""
    };
    ui.label(
        egui::RichText::new(format!(
            "{}: {}{how}. Core tasks open each gate; the rest are extensions.",
            lesson.length,
            lesson.length.explain()
        ))
        .color(color(p.muted_text)),
    );
}

/// The saved lesson length takes effect at start-up, unless the start-up options set one.
fn apply_saved_lesson(settings: Res<UiSettings>, mut lesson: ResMut<ActiveLesson>) {
    if !lesson.forced {
        lesson.length = settings.lesson;
    }
}

/// The saved quality choice takes effect at start-up (unless the start-up options force one).
fn apply_saved_quality(settings: Res<UiSettings>, mut stage_quality: ResMut<StageQuality>) {
    if !stage_quality.forced && settings.quality.is_some() {
        stage_quality.level = settings.quality;
    }
}

/// The quality the game chose for this computer is kept, so it is chosen only once.
fn keep_chosen_quality(stage_quality: Res<StageQuality>, mut settings: ResMut<UiSettings>) {
    if stage_quality.is_changed()
        && stage_quality.auto_picked
        && !stage_quality.forced
        && settings.quality.is_none()
    {
        settings.quality = stage_quality.level;
    }
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
        .add_systems(Startup, (apply_saved_quality, apply_saved_lesson))
        .add_systems(
            Update,
            (
                (capture_new_key, toggle_settings).chain(),
                take_progress_copies,
                keep_chosen_quality,
            ),
        )
        .add_systems(
            EguiPrimaryContextPass,
            settings_ui.in_set(UiSystems::Overlays),
        );
}
