//! Stop 2's screen: the camera monitor (or the witness or direct view) in the middle, the
//! director's shot list on the left, the stage controls on the right. Until the signal chain
//! is built, its task takes the right side instead, played with keys 1–9 (H and S for
//! hardware and software).
//!
//! The beginner view is the default: plain lines ("the wall is one frame behind the camera").
//! B switches to the engineer's view with the formulas; the choice lasts for the visit.
//!
//! Keys (when no slider has focus): WASD move the camera, Q/E lower/raise it, arrows pan and
//! tilt, R records a take, V switches the view, PgUp/PgDn the shot, N the scene, T the time of
//! day, Y the weather, [ ] the focal length, F/G the focus, O/P the overscan, 9/0 the tracking
//! latency, , . the latency compensation, X the LED pixel pitch, Z freezes the outer frustum.
//! Tab reaches every slider. A gamepad and a right-button mouse drag work too.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;
use bevy_egui::input::EguiWantsInput;

use crate::stage::model::led::PITCH_CHOICES_MM;
use crate::stage::{CinemaPose, StageLights, StageSettings, StageView, Tracker};
use crate::stops::virtual_production::level::{STOP, VpCommand, VpState};
use crate::tour::input::{digit_index, typing};
use crate::tour::{LevelStatus, TourCommand};
use crate::ui::level_frame::LevelScreen;
use crate::ui::theme::{AllowWidgetFocus, UiSystems};

mod chain_panel;
mod panels;

use chain_panel::{chain_panel, choices};
use panels::{StageControls, controls_panel, shot_list_panel, view_bar};

/// The engineer's view (formulas) instead of the beginner's (plain lines). Kept for the visit:
/// leaving the level and coming back keeps it.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct EngineerView(pub bool);

/// Keys 1–9 answer the signal chain's question (H and S also sort hardware and software).
fn chain_keys(keys: &ButtonInput<KeyCode>, state: &VpState, out: &mut MessageWriter<VpCommand>) {
    use crate::stops::virtual_production::model::chain::{ChainMove, PieceKind};
    let options = choices(state);
    if let Some((_, answer)) = digit_index(keys).and_then(|i| options.into_iter().nth(i)) {
        out.write(VpCommand::Chain(answer));
    }
    if keys.just_pressed(KeyCode::KeyH) {
        out.write(VpCommand::Chain(ChainMove::Sort(PieceKind::Hardware)));
    }
    if keys.just_pressed(KeyCode::KeyS) {
        out.write(VpCommand::Chain(ChainMove::Sort(PieceKind::Software)));
    }
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
    status: Res<LevelStatus>,
    mut engineer: ResMut<EngineerView>,
) {
    let Some(state) = state else { return };
    if typing(&wants) {
        return;
    }
    if !state.chain_built() {
        chain_keys(&keys, &state, &mut out);
        return;
    }
    if keys.just_pressed(KeyCode::KeyB) {
        engineer.0 = !engineer.0;
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
    set_keys(&keys, &state, &settings, &mut out);
    tuning_keys(&keys, &settings, &tracker, &mut out);
    if status.complete && keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        tour.write(TourCommand::FinishLevel);
    }
}

/// Keys for the take, the view, the shot and the world on the wall.
fn set_keys(
    keys: &ButtonInput<KeyCode>,
    state: &VpState,
    settings: &StageSettings,
    out: &mut MessageWriter<VpCommand>,
) {
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
}

/// Keys for the lens, overscan, tracking latency and compensation, and the LED pixel pitch.
fn tuning_keys(
    keys: &ButtonInput<KeyCode>,
    settings: &StageSettings,
    tracker: &Tracker,
    out: &mut MessageWriter<VpCommand>,
) {
    let pressed = |k: KeyCode| keys.just_pressed(k);
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
}

fn vp_ui(
    mut screen: LevelScreen,
    state: Option<Res<VpState>>,
    settings: Res<StageSettings>,
    pose: Res<CinemaPose>,
    tracker: Res<Tracker>,
    lights: Res<StageLights>,
    mut out: MessageWriter<VpCommand>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
    mut engineer: ResMut<EngineerView>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    // Sliders are reachable with Tab and move with the arrow keys.
    allow_focus.0 = true;
    let built = state.chain_built();
    let chain_hints: &[(&str, &str)] = &[
        ("1–9", "choose an answer"),
        ("H S", "hardware/software"),
        ("Tab Enter", "move/press"),
    ];
    let (mut root, p) = screen.begin(
        "vp",
        if !built {
            chain_hints
        } else {
            &[
                ("WASD QE", "move camera"),
                ("arrows", "pan/tilt"),
                ("R", "record take"),
                ("V", "view"),
                ("N T Y", "scene/time/weather"),
                ("[ ] F G", "lens/focus"),
                ("O P 9 0 , .", "overscan/latency/comp."),
                ("X", "pitch"),
                ("B", "engineer's view"),
            ]
        },
    )?;
    let env = settings
        .current_scene()
        .map(|d| d.apply_conditions(settings.time, settings.weather));
    shot_list_panel(
        &mut root,
        &p,
        &state,
        &screen.status,
        screen.lesson.length,
        &mut out,
        &mut screen.tour,
    );
    if !built {
        chain_panel(&mut root, &p, &state, &mut out);
        return Ok(());
    }
    let stage = StageControls {
        settings: &settings,
        pose: &pose,
        tracker: &tracker,
        lights: &lights,
        env: env.as_ref(),
        chain: &state.chain_spec,
        engineer: engineer.0,
    };
    controls_panel(&mut root, &p, &stage, &mut out);
    view_bar(&mut root, &p, &settings, &mut engineer.0, &mut out);
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EngineerView>();
    app.add_systems(
        Update,
        (vp_keys, vp_pad_and_mouse)
            .run_if(crate::tour::in_level(STOP))
            .before(crate::tour::flow::TourSystems::Play),
    )
    .add_systems(
        EguiPrimaryContextPass,
        vp_ui
            .in_set(UiSystems::Screens)
            .run_if(crate::tour::in_level(STOP).and_then(not_bare_capture)),
    );
}
