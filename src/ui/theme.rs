//! The egui theme: palettes (dark, projector, high contrast), text sizes readable across a
//! classroom, and the UI scale (Ctrl + / Ctrl −). Settings are saved beside the progress, in
//! the active student profile's folder; a profile without its own starts from the data
//! folder's `settings.ron` (the computer's, from before profiles), if there is one.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use serde::{Deserialize, Serialize};

use crate::GameConfig;
use crate::audio::captions::{ActiveVolumes, Volumes};
use crate::tour::model::progress::{load_or_quarantine, write_ron_atomic};
use crate::tour::{ActiveProfile, Notices, ProfileLoaded};
use crate::ui::model::keymap::KeyMap;
use crate::ui::model::palette::{Palette, PaletteKind};
pub use crate::ui::paint::color;

pub const SETTINGS_FILE: &str = "settings.ron";
pub const MIN_SCALE: f32 = 0.75;
pub const MAX_SCALE: f32 = 2.0;

/// Body text size in points; at 1080p with scale 1.0 this is 20 px (≥ 18 px for a classroom).
pub const BODY_SIZE: f32 = 20.0;

#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiSettings {
    pub palette: PaletteKind,
    pub scale: f32,
    /// No orbiting title camera, slower camera moves (for players who get motion sick).
    pub reduced_motion: bool,
    pub volumes: Volumes,
    pub keys: KeyMap,
    /// The stage's quality; `None` until the game first chooses one for this computer.
    pub quality: Option<crate::stage::model::quality::Quality>,
    /// The teacher's lesson length: how much of each level is core.
    pub lesson: crate::tour::model::lesson::LessonLength,
}

impl Default for UiSettings {
    fn default() -> Self {
        Self {
            palette: PaletteKind::Dark,
            scale: 1.0,
            reduced_motion: false,
            volumes: Volumes::default(),
            keys: KeyMap::default(),
            quality: None,
            lesson: crate::tour::model::lesson::LessonLength::Standard,
        }
    }
}

impl UiSettings {
    pub fn step_scale(&mut self, steps: i32) {
        let s = self.scale + 0.125 * steps as f32;
        self.scale = s.clamp(MIN_SCALE, MAX_SCALE);
    }

    pub fn colors(&self) -> Palette {
        self.palette.colors()
    }

    /// Put back in range what a hand-edited file may hold: a scale or a volume that is not a
    /// number (`NaN`, `inf`) takes its default, one out of range the nearest allowed value.
    /// Returns a line for each value changed, for the player.
    pub fn sanitise(&mut self) -> Vec<String> {
        let mut changed = Vec::new();
        let defaults = UiSettings::default();
        let mut fix = |name: &str, value: &mut f32, min: f32, max: f32, default: f32| {
            let fixed = if value.is_finite() {
                value.clamp(min, max)
            } else {
                default
            };
            if fixed.to_bits() != value.to_bits() {
                changed.push(format!("{name} {value} became {fixed}"));
                *value = fixed;
            }
        };
        fix(
            "scale",
            &mut self.scale,
            MIN_SCALE,
            MAX_SCALE,
            defaults.scale,
        );
        let v = defaults.volumes;
        fix("music volume", &mut self.volumes.music, 0.0, 1.0, v.music);
        fix(
            "effects volume",
            &mut self.volumes.effects,
            0.0,
            1.0,
            v.effects,
        );
        fix("voice volume", &mut self.volumes.voice, 0.0, 1.0, v.voice);
        changed
    }
}

/// Read the settings at `path`: a missing file gives the defaults, one that cannot be read is
/// set aside (see `load_or_quarantine`), and values out of range are put back in range. The
/// warning, if any, names the file and says what changed.
pub fn read_settings(path: &std::path::Path) -> (UiSettings, Option<String>) {
    let (mut settings, warning) = load_or_quarantine::<UiSettings>(path, "settings");
    let changed = settings.sanitise();
    if changed.is_empty() {
        return (settings, warning);
    }
    let fixed = format!(
        "Some settings in {} were out of range and were reset ({}).",
        path.display(),
        changed.join(", ")
    );
    let warning = match warning {
        Some(w) => format!("{w} {fixed}"),
        None => fixed,
    };
    (settings, Some(warning))
}

fn visuals_for(p: &Palette) -> egui::Visuals {
    let mut v = if p.is_light {
        egui::Visuals::light()
    } else {
        egui::Visuals::dark()
    };
    // No override_text_color: selected buttons must be able to use `selection.stroke` (dark
    // text on the accent fill); labels take `noninteractive.fg_stroke`.
    v.override_text_color = None;
    v.panel_fill = color(p.background);
    v.window_fill = color(p.panel);
    v.extreme_bg_color = color(p.panel);
    v.faint_bg_color = color(p.panel);
    v.window_stroke = egui::Stroke::new(1.5, color(p.border));
    v.selection.bg_fill = color(p.accent);
    v.selection.stroke = egui::Stroke::new(2.0, color(p.accent_text));
    let border = egui::Stroke::new(1.5, color(p.border));
    for w in [
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.bg_fill = color(p.button);
        w.weak_bg_fill = color(p.button);
        w.bg_stroke = border;
        w.fg_stroke = egui::Stroke::new(1.5, color(p.text));
    }
    // Hover thickens the border; the focus colour is kept for the keyboard focus ring only.
    v.widgets.hovered.bg_stroke = egui::Stroke::new(3.0, color(p.border));
    // egui draws a keyboard-focused widget (Tab in the settings window) in the active style:
    // give it the focus ring's colour and weight.
    v.widgets.active.bg_stroke = egui::Stroke::new(3.5, color(p.focus));
    v.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.0, color(p.text));
    v.widgets.noninteractive.bg_stroke = border;
    v
}

fn style_for(settings: &UiSettings) -> egui::Style {
    use egui::{FontFamily, FontId, TextStyle};
    let mut style = egui::Style {
        visuals: visuals_for(&settings.colors()),
        ..default()
    };
    style.text_styles = [
        (
            TextStyle::Heading,
            FontId::new(34.0, FontFamily::Proportional),
        ),
        (
            TextStyle::Body,
            FontId::new(BODY_SIZE, FontFamily::Proportional),
        ),
        (
            TextStyle::Button,
            FontId::new(BODY_SIZE, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(BODY_SIZE, FontFamily::Monospace),
        ),
        (
            TextStyle::Small,
            FontId::new(16.0, FontFamily::Proportional),
        ),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(10.0, 10.0);
    style.spacing.button_padding = egui::vec2(14.0, 8.0);
    style.spacing.interact_size.y = 36.0;
    style
}

/// Apply the theme when the settings change (and on the first frame).
fn apply_theme(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    mut applied: Local<Option<UiSettings>>,
) -> Result {
    if applied.as_ref() == Some(&*settings) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let keys = settings.keys.clone();
    ctx.data_mut(|d| d.insert_temp(crate::ui::widgets::key_map_id(), keys));
    ctx.set_global_style(style_for(&settings));
    ctx.set_zoom_factor(settings.scale);
    *applied = Some(settings.clone());
    Ok(())
}

/// Ctrl + / Ctrl − change the UI scale; Ctrl 0 resets it; F2 cycles the palette.
fn theme_keys(keys: Res<ButtonInput<KeyCode>>, mut settings: ResMut<UiSettings>) {
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if ctrl && keys.any_just_pressed([KeyCode::Equal, KeyCode::NumpadAdd]) {
        settings.step_scale(1);
    }
    if ctrl && keys.any_just_pressed([KeyCode::Minus, KeyCode::NumpadSubtract]) {
        settings.step_scale(-1);
    }
    if ctrl && keys.just_pressed(KeyCode::Digit0) {
        settings.scale = 1.0;
    }
    if keys.just_pressed(KeyCode::F2) {
        settings.palette = settings.palette.next();
    }
}

/// Where the active profile's settings are saved.
fn settings_path(profile: &ActiveProfile) -> std::path::PathBuf {
    profile.0.dir.join(SETTINGS_FILE)
}

/// The active profile's settings: its own file, else the data folder's, else the defaults
/// (a screenshot always uses the defaults). The start-up options come on top.
fn load_settings(config: &GameConfig, profile: &ActiveProfile) -> (UiSettings, Option<String>) {
    let (mut settings, warning) = if config.capture.is_some() {
        (UiSettings::default(), None)
    } else {
        let own = settings_path(profile);
        let shared = config.data_dir.join(SETTINGS_FILE);
        let path = match crate::platform::storage::read_to_string(&own) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => shared,
            _ => own,
        };
        read_settings(&path)
    };
    if config.projector {
        settings.palette = PaletteKind::Projector;
        settings.scale = settings.scale.max(1.25);
    }
    (settings, warning)
}

/// Another student (or a restored copy): their settings replace the current ones. The stage
/// quality chosen for this computer carries over to a profile that has none yet.
fn reload_settings(
    mut loaded: MessageReader<ProfileLoaded>,
    config: Res<GameConfig>,
    profile: Res<ActiveProfile>,
    mut settings: ResMut<UiSettings>,
    mut notices: ResMut<Notices>,
) {
    if loaded.read().count() == 0 {
        return;
    }
    let (mut fresh, warning) = load_settings(&config, &profile);
    if let Some(w) = warning {
        notices.warn(w);
    }
    if fresh.quality.is_none() {
        fresh.quality = settings.quality;
    }
    if fresh != *settings {
        *settings = fresh;
    }
}

fn save_settings(
    settings: Res<UiSettings>,
    config: Res<GameConfig>,
    profile: Res<ActiveProfile>,
    mut notices: ResMut<Notices>,
    mut volumes: ResMut<ActiveVolumes>,
) {
    if !settings.is_changed() {
        return;
    }
    if volumes.0 != settings.volumes {
        volumes.0 = settings.volumes;
    }
    if settings.is_added() || config.capture.is_some() {
        return;
    }
    if let Err(e) = write_ron_atomic(&settings_path(&profile), &*settings) {
        notices.warn(format!("Could not save settings: {e}"));
    }
}

pub(super) fn plugin(app: &mut App) {
    let config = app.world().resource::<GameConfig>().clone();
    let profile = app.world().resource::<ActiveProfile>().clone();
    let (settings, warning) = load_settings(&config, &profile);
    if let Some(w) = warning {
        app.world_mut().resource_mut::<Notices>().warn(w);
    }
    app.insert_resource(settings)
        .init_resource::<AllowWidgetFocus>()
        .add_systems(
            EguiPrimaryContextPass,
            (apply_theme, forget_last_frames_bars)
                .chain()
                .before(UiSystems::Bars),
        )
        .add_systems(
            EguiPrimaryContextPass,
            release_widget_focus.after(UiSystems::Overlays),
        )
        .add_systems(Update, (reload_settings, theme_keys, save_settings).chain());
    app.configure_sets(
        EguiPrimaryContextPass,
        (UiSystems::Bars, UiSystems::Screens, UiSystems::Overlays).chain(),
    );
}

/// Set by a screen with text boxes for the frame it draws; otherwise egui's own widget focus is
/// released every frame, so the game's keys and focus ring stay in charge (egui would otherwise
/// grab Tab, then swallow every key while a button holds its focus).
#[derive(Resource, Debug, Default)]
pub struct AllowWidgetFocus(pub bool);

fn release_widget_focus(
    mut contexts: EguiContexts,
    mut allow: ResMut<AllowWidgetFocus>,
    settings: Res<UiSettings>,
) -> Result {
    if allow.0 {
        allow.0 = false;
        // egui's own keyboard focus (Tab in a window or a level's controls): outline whatever
        // widget has it, whatever its kind, so the focus is always visible.
        let ctx = contexts.ctx_mut()?;
        if let Some(response) = ctx
            .memory(|m| m.focused())
            .and_then(|id| ctx.read_response(id))
        {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Tooltip,
                egui::Id::new("keyboard-focus-ring"),
            ));
            painter.rect_stroke(
                response.rect.expand(3.0),
                5.0,
                egui::Stroke::new(3.5, color(settings.colors().focus)),
                egui::StrokeKind::Outside,
            );
        }
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    if let Some(id) = ctx.memory(|m| m.focused()) {
        ctx.memory_mut(|m| m.surrender_focus(id));
    }
    Ok(())
}

/// Each frame's bars are drawn afresh; a bar that is gone must not keep its space.
fn forget_last_frames_bars(mut contexts: EguiContexts) -> Result {
    crate::ui::widgets::clear_bars(contexts.ctx_mut()?);
    Ok(())
}

/// Drawing order inside the egui pass: the bars along the top (presenter, camp), then the
/// screen in the space they leave, then overlays on top.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum UiSystems {
    Bars,
    Screens,
    Overlays,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings_dir(name: &str) -> std::path::PathBuf {
        let dir = crate::testing::temp_data_dir(&format!("settings-{name}"));
        std::fs::create_dir_all(&dir).expect("dir");
        dir
    }

    #[test]
    fn a_scale_that_is_not_a_number_takes_the_default_with_a_notice() {
        let dir = settings_dir("nan");
        let path = dir.join(SETTINGS_FILE);
        std::fs::write(&path, "(scale: NaN, reduced_motion: true)").expect("write");
        let (settings, warning) = read_settings(&path);
        assert_eq!(settings.scale, 1.0);
        assert!(settings.reduced_motion, "the rest of the file is kept");
        let warning = warning.expect("the player is told");
        assert!(warning.contains("scale NaN became 1"), "{warning}");
        assert!(warning.contains(&path.display().to_string()), "{warning}");
        assert!(path.exists(), "a file that parses is not set aside");
        // Out of range: the nearest allowed value; infinity: the default.
        std::fs::write(
            &path,
            "(scale: 9.0, volumes: (music: inf, effects: -1.0, voice: 0.25))",
        )
        .expect("write");
        let (settings, warning) = read_settings(&path);
        assert_eq!(settings.scale, MAX_SCALE);
        assert_eq!(settings.volumes.music, Volumes::default().music);
        assert_eq!(settings.volumes.effects, 0.0);
        assert_eq!(settings.volumes.voice, 0.25, "a good value is untouched");
        let warning = warning.expect("told");
        assert!(
            warning.contains("scale 9 became 2") && warning.contains("music volume inf"),
            "{warning}"
        );
        // A good file says nothing.
        std::fs::write(&path, "(scale: 1.5)").expect("write");
        assert_eq!(read_settings(&path).1, None);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn settings_with_a_byte_order_mark_load_and_junk_is_kept_aside() {
        let dir = settings_dir("bom");
        let path = dir.join(SETTINGS_FILE);
        std::fs::write(&path, "\u{feff}(scale: 1.5)").expect("write");
        let (settings, warning) = read_settings(&path);
        assert_eq!((settings.scale, warning), (1.5, None));
        std::fs::write(&path, b"\xff\xfe\x00 not text").expect("write");
        let (settings, warning) = read_settings(&path);
        assert_eq!(settings, UiSettings::default());
        let warning = warning.expect("told");
        assert!(warning.contains("settings.ron.bak"), "{warning}");
        assert_eq!(
            std::fs::read(dir.join("settings.ron.bak")).expect("kept"),
            b"\xff\xfe\x00 not text"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn scale_is_clamped_to_the_allowed_range() {
        let mut s = UiSettings::default();
        for _ in 0..20 {
            s.step_scale(1);
        }
        assert_eq!(s.scale, MAX_SCALE);
        for _ in 0..40 {
            s.step_scale(-1);
        }
        assert_eq!(s.scale, MIN_SCALE);
    }
}
