//! Stop 2's screen: the camera monitor (or the witness or direct view) in the middle, the
//! director's shot list on the left, the stage controls on the right.
//!
//! Keys (when no slider has focus): WASD move the camera, Q/E lower/raise it, arrows pan and
//! tilt, R records a take, V switches the view, PgUp/PgDn the shot, N the scene, T the time of
//! day, Y the weather, [ ] the focal length, F/G the focus, O/P the overscan, 9/0 the tracking
//! latency, , . the delay compensation, X the LED pixel pitch, Z freezes the outer frustum.
//! Tab reaches every slider. A gamepad and a right-button mouse drag work too.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::stage::model::framing::{moire_at, subject_height_fraction};
use crate::stage::model::led::PITCH_CHOICES_MM;
use crate::stage::model::lighting::{LightKind, match_score};
use crate::stage::{CinemaPose, StageLights, StageSettings, StageView, Tracker};
use crate::stops::virtual_production::level::{STOP, VpCommand, VpState};
use crate::stops::virtual_production::model::takes::light_target;
use crate::tour::input::typing;
use crate::tour::{CurrentStop, StopPhase, TourCommand};
use crate::ui::theme::{AllowWidgetFocus, UiSettings, UiSystems, color};
use crate::ui::widgets::{card, focus_ring, hint_bar, primary_button, root_ui, stars_text};

fn is_vp(current: Res<CurrentStop>) -> bool {
    current.0 == STOP
}

/// `backlot capture --view …` shows the bare picture, with no panels over it.
fn not_bare_capture(config: Res<crate::GameConfig>) -> bool {
    config.stage.is_none()
}

fn next_view(v: StageView) -> StageView {
    match v {
        StageView::Camera => StageView::Witness,
        StageView::Witness => StageView::Direct,
        StageView::Direct => StageView::Camera,
    }
}

/// Gamepad: left stick moves, right stick pans and tilts, triggers lower and raise, South
/// records. Mouse: drag with the right button to pan and tilt.
fn vp_pad_and_mouse(
    time: Res<Time>,
    pads: Query<&Gamepad>,
    buttons: Res<ButtonInput<MouseButton>>,
    motion: Res<bevy::input::mouse::AccumulatedMouseMotion>,
    wants: Option<Res<EguiWantsInput>>,
    state: Option<Res<VpState>>,
    mut out: MessageWriter<VpCommand>,
) {
    if state.is_none() {
        return;
    }
    let dt = time.delta_secs().min(0.1);
    for pad in &pads {
        let l = pad.left_stick();
        let r = pad.right_stick();
        let up = pad.get(GamepadButton::RightTrigger2).unwrap_or(0.0)
            - pad.get(GamepadButton::LeftTrigger2).unwrap_or(0.0);
        let dead = |v: f32| if v.abs() < 0.15 { 0.0 } else { v };
        let local = Vec3::new(dead(l.x), dead(up), -dead(l.y)) * 1.5 * dt;
        let (yaw, pitch) = (-dead(r.x) * 0.8 * dt, dead(r.y) * 0.5 * dt);
        if local != Vec3::ZERO || yaw != 0.0 || pitch != 0.0 {
            out.write(VpCommand::MoveCamera { local, yaw, pitch });
        }
        if pad.just_pressed(GamepadButton::South) {
            out.write(VpCommand::RecordTake);
        }
    }
    let over_ui = wants.as_ref().is_some_and(|w| w.is_pointer_over_area());
    if buttons.pressed(MouseButton::Right) && !over_ui && motion.delta != Vec2::ZERO {
        out.write(VpCommand::MoveCamera {
            local: Vec3::ZERO,
            yaw: -motion.delta.x * 0.003,
            pitch: -motion.delta.y * 0.003,
        });
    }
}

fn vp_keys(
    keys: Res<ButtonInput<KeyCode>>,
    time: Res<Time>,
    wants: Option<Res<EguiWantsInput>>,
    state: Option<Res<VpState>>,
    settings: Res<StageSettings>,
    tracker: Res<Tracker>,
    mut out: MessageWriter<VpCommand>,
    mut tour: MessageWriter<TourCommand>,
) {
    let Some(state) = state else { return };
    if typing(&wants) {
        return;
    }
    let dt = time.delta_secs().min(0.1);
    let held = |k: KeyCode| if keys.pressed(k) { 1.0 } else { 0.0 };
    let local = Vec3::new(
        held(KeyCode::KeyD) - held(KeyCode::KeyA),
        held(KeyCode::KeyE) - held(KeyCode::KeyQ),
        held(KeyCode::KeyS) - held(KeyCode::KeyW),
    ) * 1.5
        * dt;
    let yaw = (held(KeyCode::ArrowLeft) - held(KeyCode::ArrowRight)) * 0.6 * dt;
    let pitch = (held(KeyCode::ArrowUp) - held(KeyCode::ArrowDown)) * 0.4 * dt;
    if local != Vec3::ZERO || yaw != 0.0 || pitch != 0.0 {
        out.write(VpCommand::MoveCamera { local, yaw, pitch });
    }
    let pressed = |k: KeyCode| keys.just_pressed(k);
    if pressed(KeyCode::KeyR) {
        out.write(VpCommand::RecordTake);
    }
    if pressed(KeyCode::KeyZ) {
        out.write(VpCommand::FreezeOuter(!settings.freeze_outer));
    }
    if pressed(KeyCode::KeyV) {
        out.write(VpCommand::SetView(next_view(settings.view)));
    }
    let shots = state.level.shots.len().max(1);
    if pressed(KeyCode::PageDown) {
        out.write(VpCommand::SelectShot((state.level.current + 1) % shots));
    }
    if pressed(KeyCode::PageUp) {
        out.write(VpCommand::SelectShot(
            (state.level.current + shots - 1) % shots,
        ));
    }
    if pressed(KeyCode::KeyN) {
        out.write(VpCommand::SetScene(
            (settings.scene + 1) % settings.scenes.len().max(1),
        ));
    }
    if pressed(KeyCode::KeyT) {
        out.write(VpCommand::NextTime);
    }
    if pressed(KeyCode::KeyY) {
        out.write(VpCommand::NextWeather);
    }
    let lens = settings.lens;
    if pressed(KeyCode::BracketLeft) {
        out.write(VpCommand::SetFocal(lens.focal_mm - 5.0));
    }
    if pressed(KeyCode::BracketRight) {
        out.write(VpCommand::SetFocal(lens.focal_mm + 5.0));
    }
    if pressed(KeyCode::KeyF) {
        out.write(VpCommand::SetFocus(lens.focus_distance_m - 0.25));
    }
    if pressed(KeyCode::KeyG) {
        out.write(VpCommand::SetFocus(lens.focus_distance_m + 0.25));
    }
    if pressed(KeyCode::KeyO) {
        out.write(VpCommand::SetOverscan(settings.overscan - 0.05));
    }
    if pressed(KeyCode::KeyP) {
        out.write(VpCommand::SetOverscan(settings.overscan + 0.05));
    }
    let latency = tracker.0.settings.latency_frames;
    if pressed(KeyCode::Digit9) {
        out.write(VpCommand::SetLatency(latency.saturating_sub(1)));
    }
    if pressed(KeyCode::Digit0) {
        out.write(VpCommand::SetLatency(latency + 1));
    }
    let comp = tracker.0.settings.compensation_frames;
    if pressed(KeyCode::Comma) {
        out.write(VpCommand::SetCompensation(comp - 1.0));
    }
    if pressed(KeyCode::Period) {
        out.write(VpCommand::SetCompensation(comp + 1.0));
    }
    if pressed(KeyCode::KeyX) {
        let now = settings.geometry.pixel_pitch_mm();
        let i = PITCH_CHOICES_MM
            .iter()
            .position(|p| (p - now).abs() < 0.2)
            .unwrap_or(0);
        out.write(VpCommand::SetPitch(
            PITCH_CHOICES_MM[(i + 1) % PITCH_CHOICES_MM.len()],
        ));
    }
    if state.level.is_complete() && keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        tour.write(TourCommand::FinishLevel);
    }
}

fn check_line(
    ui: &mut egui::Ui,
    p: &crate::ui::model::palette::Palette,
    passed: bool,
    name: &str,
    text: &str,
) {
    let (icon, tone) = if passed {
        ("✔", p.success)
    } else {
        ("✖", p.warning)
    };
    ui.label(
        egui::RichText::new(format!("{icon} {name}"))
            .strong()
            .color(color(tone)),
    );
    ui.label(text);
}

fn vp_ui(
    mut contexts: EguiContexts,
    ui_settings: Res<UiSettings>,
    state: Option<Res<VpState>>,
    settings: Res<StageSettings>,
    pose: Res<CinemaPose>,
    tracker: Res<Tracker>,
    lights: Res<StageLights>,
    mut out: MessageWriter<VpCommand>,
    mut tour: MessageWriter<TourCommand>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    // Sliders are reachable with Tab and move with the arrow keys.
    allow_focus.0 = true;
    let ctx = contexts.ctx_mut()?;
    let p = ui_settings.colors();
    let mut root = root_ui(ctx, "vp");
    hint_bar(
        &mut root,
        &p,
        &[
            ("WASD QE", "move camera"),
            ("arrows", "pan/tilt"),
            ("R", "record take"),
            ("V", "view"),
            ("N T Y", "scene/time/weather"),
            ("[ ] F G", "lens/focus"),
            ("O P 9 0 , .", "overscan/latency/comp."),
            ("X", "pitch"),
        ],
    );
    let env = settings
        .current_scene()
        .map(|d| d.apply_conditions(settings.time, settings.weather));
    egui::Panel::left("shots")
        .exact_size(330.0)
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading("Shot list");
                for (i, shot) in state.level.shots.iter().enumerate() {
                    let best = state.level.best[i]
                        .as_ref()
                        .map_or("not shot yet".to_string(), |b| stars_text(b.stars));
                    let r = ui.add(
                        egui::Button::new(format!("{}  {}\n{best}", i + 1, shot.title))
                            .selected(i == state.level.current)
                            .min_size(egui::vec2(ui.available_width(), 44.0)),
                    );
                    if i == state.level.current {
                        focus_ring(ui, r.rect, &p);
                    }
                    if r.clicked() {
                        out.write(VpCommand::SelectShot(i));
                    }
                }
                if let Some(shot) = state.level.current_shot() {
                    ui.separator();
                    ui.label(egui::RichText::new(format!("“{}”", shot.direction)).italics());
                    ui.label(format!(
                        "Wall: {} · {} · {}",
                        shot.scene.replace('_', " "),
                        shot.time_of_day,
                        shot.weather
                    ));
                    ui.label(format!(
                        "Framing: {} · move: {:?} · suggested lens {} mm",
                        shot.framing.shot_size_words(),
                        shot.camera_move,
                        shot.focal_mm
                    ));
                }
                if state.take.is_some() {
                    ui.label(
                        egui::RichText::new("🎬 ROLLING…")
                            .strong()
                            .size(24.0)
                            .color(color(p.warning)),
                    );
                } else if let Some(score) = &state.level.last {
                    ui.separator();
                    ui.label(
                        egui::RichText::new(format!("Last take: {}", stars_text(score.stars)))
                            .strong(),
                    );
                    for c in &score.checks {
                        check_line(ui, &p, c.passed, c.name, &c.explanation);
                    }
                }
                if state.level.is_complete() {
                    let go = primary_button(ui, &p, "▶ Continue to the quiz gate");
                    if go.clicked() {
                        tour.write(TourCommand::FinishLevel);
                    }
                }
            });
        });
    egui::Panel::right("controls")
        .exact_size(360.0)
        .frame(egui::Frame::new().fill(color(p.panel)).inner_margin(egui::Margin::same(10)))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading("Stage");
                ui.horizontal_wrapped(|ui| {
                    for (i, s) in settings.scenes.iter().enumerate() {
                        if ui.add(egui::Button::new(&s.title).selected(i == settings.scene)).clicked() {
                            out.write(VpCommand::SetScene(i));
                        }
                    }
                });
                ui.horizontal(|ui| {
                    if ui.button(format!("Time: {}", settings.time.label())).clicked() {
                        out.write(VpCommand::NextTime);
                    }
                    if ui.button(format!("Weather: {}", settings.weather.label())).clicked() {
                        out.write(VpCommand::NextWeather);
                    }
                });
                if let Some(env) = &env {
                    ui.label(egui::RichText::new(env.describe()).color(color(p.muted_text)));
                }
                ui.separator();
                ui.label(egui::RichText::new("Cinema camera").strong());
                let mut focal = settings.lens.focal_mm;
                if ui.add(egui::Slider::new(&mut focal, 12.0..=135.0).text("focal length (mm)")).changed() {
                    out.write(VpCommand::SetFocal(focal));
                }
                let mut focus = settings.lens.focus_distance_m;
                if ui.add(egui::Slider::new(&mut focus, 0.5..=20.0).text("focus distance (m)")).changed() {
                    out.write(VpCommand::SetFocus(focus));
                }
                let fraction = subject_height_fraction(&pose.0, &settings.lens);
                ui.label(format!("Actor fills {:.0}% of the frame height.", fraction * 100.0));
                if let Some(m) = moire_at(&settings.geometry, &pose.0, &settings.lens) {
                    ui.label(format!(
                        "One LED on the sensor: p·f/(D−f) = {:.1} µm = {:.1} photosites; wall blur c = {:.0} µm, so moiré risk is: {:?}",
                        m.led_image_size_um, m.photosites_per_led, m.defocus_blur_um, m.risk
                    ));
                }
                ui.separator();
                ui.label(egui::RichText::new("Tracking and the inner frustum").strong());
                let mut overscan = settings.overscan;
                if ui.add(egui::Slider::new(&mut overscan, 1.0..=1.5).text("overscan")).changed() {
                    out.write(VpCommand::SetOverscan(overscan));
                }
                let mut latency = tracker.0.settings.latency_frames;
                if ui.add(egui::Slider::new(&mut latency, 0..=12).text("latency (frames)")).changed() {
                    out.write(VpCommand::SetLatency(latency));
                }
                let mut comp = tracker.0.settings.compensation_frames;
                if ui.add(egui::Slider::new(&mut comp, 0.0..=12.0).text("delay compensation")).changed() {
                    out.write(VpCommand::SetCompensation(comp));
                }
                let mut jitter = tracker.0.settings.jitter_mm;
                if ui.add(egui::Slider::new(&mut jitter, 0.0..=20.0).text("tracking jitter (mm)")).changed() {
                    out.write(VpCommand::SetJitter(jitter));
                }
                let mut frozen = settings.freeze_outer;
                if ui.checkbox(&mut frozen, "Freeze the outer frustum (Z)").changed() {
                    out.write(VpCommand::FreezeOuter(frozen));
                }
                let (lag_m, lag_deg) = tracker.0.lag_error();
                ui.label(format!("Background lag now: {:.1} cm, {:.2}°", lag_m * 100.0, lag_deg));
                ui.separator();
                ui.label(egui::RichText::new("LED wall").strong());
                let g = &settings.geometry;
                let (across, up) = g.pixel_grid_size();
                ui.label(format!(
                    "{} panels, {}×{} = {:.1} million LED pixels, pitch {:.2} mm",
                    g.panel_count(),
                    across,
                    up,
                    f64::from(across) * f64::from(up) / 1e6,
                    g.pixel_pitch_mm()
                ));
                ui.horizontal(|ui| {
                    for pitch in PITCH_CHOICES_MM {
                        let now = (g.pixel_pitch_mm() - pitch).abs() < 0.2;
                        if ui.add(egui::Button::new(format!("{pitch} mm")).selected(now)).clicked() {
                            out.write(VpCommand::SetPitch(pitch));
                        }
                    }
                });
                ui.separator();
                ui.label(egui::RichText::new("Stage lights").strong());
                for (kind, light, kelvin) in [
                    (LightKind::Key, lights.key, lights.key_kelvin),
                    (LightKind::Fill, lights.fill, lights.fill_kelvin),
                ] {
                    let (mut k, mut i, mut a) = (kelvin, light.intensity, light.azimuth_deg);
                    let name = if kind == LightKind::Key { "key" } else { "fill" };
                    let c1 = ui.add(egui::Slider::new(&mut k, 1800.0..=12000.0).text(format!("{name} colour (K)"))).changed();
                    let c2 = ui.add(egui::Slider::new(&mut i, 0.0..=1.0).text(format!("{name} brightness"))).changed();
                    let c3 = ui.add(egui::Slider::new(&mut a, -180.0..=180.0).text(format!("{name} direction (°)"))).changed();
                    if c1 || c2 || c3 {
                        out.write(VpCommand::SetLight { kind, kelvin: k, intensity: i, azimuth_deg: a });
                    }
                }
                if let Some(env) = &env {
                    let m = match_score(&lights.as_vec(), &light_target(env));
                    ui.label(format!("Match with the wall: {:.0}/100", m.score));
                    if let Some(first) = m.advice.first() {
                        ui.label(egui::RichText::new(first).color(color(p.muted_text)));
                    }
                }
            });
        });
    // View switch and the record button, bottom centre over the picture.
    egui::Area::new(egui::Id::new("vp-view"))
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -84.0))
        .show(ctx, |ui| {
            card(&p).show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (v, label) in [
                        (StageView::Camera, "Camera"),
                        (StageView::Witness, "Witness"),
                        (StageView::Direct, "Direct"),
                    ] {
                        if ui
                            .add(egui::Button::new(label).selected(settings.view == v))
                            .clicked()
                        {
                            out.write(VpCommand::SetView(v));
                        }
                    }
                    if ui
                        .add(
                            egui::Button::new(
                                egui::RichText::new("🎬 Record (R)").color(color(p.accent_text)),
                            )
                            .fill(color(p.accent)),
                        )
                        .clicked()
                    {
                        out.write(VpCommand::RecordTake);
                    }
                });
            });
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (vp_keys, vp_pad_and_mouse)
            .run_if(in_state(StopPhase::Level).and_then(is_vp))
            .before(crate::tour::flow::TourSystems::Play),
    )
    .add_systems(
        EguiPrimaryContextPass,
        vp_ui.in_set(UiSystems::Screens).run_if(
            in_state(StopPhase::Level)
                .and_then(is_vp)
                .and_then(not_bare_capture),
        ),
    );
}
