//! Stop 1's previs desk: the storyboard panel (drawn as a sketch) beside the rendered shot, a
//! plan view of the grey-box set to place the camera, aim it and block the subject's path,
//! the lens and move, the mood lights with a mood readout, the shot check, and the animatic.
//!
//! Keys (when no text box has focus): W/A/S/D move the camera, R/F raise and lower it, the
//! arrows turn it, Z/X change the lens, 1–8 pick a panel, Enter checks the shot, P plays it,
//! Space plays the animatic (or stops it).

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::stops::previs::level::{Playback, PrevisCommand, PrevisState, STOP};
use crate::stops::previs::model::StoryboardFile;
use crate::stops::previs::model::{MAX_FOCAL_MM, MIN_FOCAL_MM, animatic_length};
use crate::stops::previs::set::{PANEL_FRACTION, shot_frame};
use crate::tour::content_plugin::Content;
use crate::tour::input::{digit_index, typing};
use crate::tour::{LevelStatus, in_level};
use crate::ui::level_frame::LevelScreen;
use crate::ui::level_frame::task_list;
use crate::ui::model::palette::Palette;
use crate::ui::theme::{AllowWidgetFocus, UiSystems, color};
use crate::ui::widgets::{content_area, hint_bar};

mod desk;
mod drawings;

/// The desk's three tabs (public to the crate for the layout test).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Tab {
    #[default]
    Camera,
    Blocking,
    Mood,
}

/// What a click on the plan view does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum MapMode {
    #[default]
    PlaceCamera,
    Aim,
    AddWaypoint,
}

#[derive(Resource, Default)]
pub(crate) struct PrevisUi {
    pub(crate) tab: Tab,
    map_mode: MapMode,
}

fn previs_keys(
    keys: Res<ButtonInput<KeyCode>>,
    time: Res<Time>,
    state: Option<Res<PrevisState>>,
    wants: Option<Res<EguiWantsInput>>,
    mut out: MessageWriter<PrevisCommand>,
) {
    let Some(state) = state else { return };
    if typing(&wants) {
        return;
    }
    let i = state.selected;
    if let Some(n) = digit_index(&keys).filter(|&n| n < state.storyboard.panels.len()) {
        out.write(PrevisCommand::SelectPanel(n));
    }
    if keys.just_pressed(KeyCode::PageDown) {
        out.write(PrevisCommand::SelectPanel(
            (i + 1) % state.storyboard.panels.len(),
        ));
    }
    if keys.just_pressed(KeyCode::PageUp) {
        let n = state.storyboard.panels.len();
        out.write(PrevisCommand::SelectPanel((i + n - 1) % n));
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        out.write(PrevisCommand::CheckShot(i));
    }
    if keys.just_pressed(KeyCode::KeyP) {
        out.write(PrevisCommand::PlayShot(i));
    }
    if keys.just_pressed(KeyCode::Space) {
        out.write(if state.playback.is_some() {
            PrevisCommand::Stop
        } else {
            PrevisCommand::PlayAnimatic
        });
    }
    // Held keys move the camera smoothly, at a pace that does not depend on the frame rate.
    let dt = time.delta_secs().min(0.25);
    let mut setup = state.shots[i].clone();
    let eye = Vec3::from(setup.camera);
    let aim = Vec3::from(setup.aim);
    let forward = Vec3::new(aim.x - eye.x, 0.0, aim.z - eye.z).normalize_or(Vec3::NEG_Z);
    let right = forward.cross(Vec3::Y);
    let mut shift = Vec3::ZERO;
    for (key, dir) in [
        (KeyCode::KeyW, forward),
        (KeyCode::KeyS, -forward),
        (KeyCode::KeyD, right),
        (KeyCode::KeyA, -right),
        (KeyCode::KeyR, Vec3::Y),
        (KeyCode::KeyF, Vec3::NEG_Y),
    ] {
        if keys.pressed(key) {
            shift += dir;
        }
    }
    if shift != Vec3::ZERO {
        let step = shift.normalize() * 3.0 * dt;
        setup.camera = (eye + step).to_array();
        setup.camera[1] = setup.camera[1].max(0.1);
        setup.aim = (aim + step).to_array();
    }
    let mut yaw = 0.0;
    let mut pitch = 0.0;
    if keys.pressed(KeyCode::ArrowLeft) {
        yaw += 1.0;
    }
    if keys.pressed(KeyCode::ArrowRight) {
        yaw -= 1.0;
    }
    if keys.pressed(KeyCode::ArrowUp) {
        pitch += 1.0;
    }
    if keys.pressed(KeyCode::ArrowDown) {
        pitch -= 1.0;
    }
    if yaw != 0.0 || pitch != 0.0 {
        let eye = Vec3::from(setup.camera);
        let to_aim = Vec3::from(setup.aim) - eye;
        let distance = to_aim.length().max(0.5);
        let turned = Quat::from_rotation_y(yaw * 0.8 * dt) * to_aim.normalize_or(Vec3::NEG_Z);
        let horizontal = Vec3::new(turned.x, 0.0, turned.z).length().max(1e-3);
        let elevation = (turned.y.atan2(horizontal) + pitch * 0.6 * dt).clamp(-1.4, 1.4);
        let flat = Vec3::new(turned.x, 0.0, turned.z).normalize_or(Vec3::NEG_Z);
        let dir = flat * elevation.cos() + Vec3::Y * elevation.sin();
        setup.aim = (eye + dir * distance).to_array();
    }
    if keys.pressed(KeyCode::KeyZ) {
        setup.focal_mm = (setup.focal_mm / (1.0 + 0.8 * dt)).max(MIN_FOCAL_MM);
    }
    if keys.pressed(KeyCode::KeyX) {
        setup.focal_mm = (setup.focal_mm * (1.0 + 0.8 * dt)).min(MAX_FOCAL_MM);
    }
    if setup != state.shots[i] {
        out.write(PrevisCommand::SetShot(i, setup));
    }
}

fn previs_ui(
    mut screen: LevelScreen,
    state: Option<Res<PrevisState>>,
    status: Res<LevelStatus>,
    content: Res<Content<StoryboardFile>>,
    mut ui_state: ResMut<PrevisUi>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
    mut out: MessageWriter<PrevisCommand>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    // egui's own Tab/Space focus works over every control here (sliders, pickers).
    allow_focus.0 = true;
    // No hints yet: the key bar goes on after the matte, so the matte never covers it.
    let (mut root, p) = screen.begin("previs", &[])?;
    let ctx = root.ctx().clone();
    let panel_width = root.max_rect().width() * PANEL_FRACTION;
    let frame = matte(&ctx, &p, panel_width);
    hint_bar(
        &mut root,
        &p,
        &[
            ("WASD R/F", "move camera"),
            ("arrows", "turn"),
            ("Z/X", "lens"),
            ("1–8", "panel"),
            ("Enter", "check shot"),
            ("P", "play shot"),
            ("Space", "animatic"),
        ],
    );
    let i = state.selected;
    let mut setup = state.shots[i].clone();
    egui::Panel::left("previs-desk")
        .exact_size(panel_width)
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                desk::storyboard_picker(ui, &state, &content.storyboards, &mut out);
                desk::panel_picker(ui, &p, &state, &mut out);
                desk::panel_card(ui, &p, &state);
                desk::shot_tabs(ui, &p, &state, &mut ui_state, &mut setup);
                ui.separator();
                desk::shot_buttons(ui, &state, &mut out);
                desk::shot_verdict(ui, &p, &state);
                ui.separator();
                desk::sequence_summary(ui, &p, &state, &status, &mut screen.tour);
                ui.separator();
                task_list(ui, &p, &screen.status, screen.lesson.length);
            });
        });
    if setup != state.shots[i] {
        out.write(PrevisCommand::SetShot(i, setup));
    }
    caption(&ctx, &p, &state, frame);
    Ok(())
}

/// Mask the 3D view outside the shot's frame: what the lens sees, and nothing else. Returns
/// the frame, in egui points.
fn matte(ctx: &egui::Context, p: &Palette, panel_width: f32) -> egui::Rect {
    let screen = ctx.viewport_rect();
    let frame = shot_frame(Vec2::new(screen.width(), screen.height()));
    let frame = egui::Rect::from_min_max(
        egui::pos2(frame.min.x, frame.min.y),
        egui::pos2(frame.max.x, frame.max.y),
    );
    let matte = ctx.layer_painter(egui::LayerId::background());
    let matte_color = color(p.background);
    for r in [
        egui::Rect::from_min_max(
            egui::pos2(panel_width, 0.0),
            egui::pos2(screen.right(), frame.top()),
        ),
        egui::Rect::from_min_max(
            egui::pos2(panel_width, frame.bottom()),
            egui::pos2(screen.right(), screen.bottom()),
        ),
        egui::Rect::from_min_max(
            egui::pos2(panel_width, frame.top()),
            egui::pos2(frame.left(), frame.bottom()),
        ),
        egui::Rect::from_min_max(
            egui::pos2(frame.right(), frame.top()),
            egui::pos2(screen.right(), frame.bottom()),
        ),
    ] {
        matte.rect_filled(r, 0.0, matte_color);
    }
    matte.rect_stroke(
        frame,
        0.0,
        egui::Stroke::new(2.0, color(p.border)),
        egui::StrokeKind::Outside,
    );
    frame
}

/// Above the rendered shot: what is on screen, and the animatic's clock.
fn caption(ctx: &egui::Context, p: &Palette, state: &PrevisState, frame: egui::Rect) {
    let (showing, t) = state.showing();
    let panel = &state.storyboard.panels[showing.min(state.storyboard.panels.len() - 1)];
    let total = animatic_length(&state.timeline);
    let caption = match state.playback {
        Some(Playback::Animatic { seconds }) => format!(
            "🎬 Animatic · panel {} of {} · {:.1} s / {:.1} s",
            showing + 1,
            state.storyboard.panels.len(),
            seconds,
            total
        ),
        Some(Playback::Shot { seconds, .. }) => {
            format!(
                "▶ Panel {} · {:.1} s / {:.1} s",
                showing + 1,
                seconds,
                panel.seconds
            )
        }
        None => format!(
            "Panel {} · {} · {} lens · {:.0}% through the move",
            showing + 1,
            panel.title,
            focal_label(state.shots[showing].focal_mm),
            t * 100.0
        ),
    };
    egui::Area::new(egui::Id::new("previs-caption"))
        // Above the frame, but never under the bars along the top.
        .fixed_pos(egui::pos2(
            frame.left(),
            (frame.top() - 40.0).max(content_area(ctx).top() + 2.0),
        ))
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(6))
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(caption).strong());
                });
        });
}

fn focal_label(mm: f32) -> String {
    format!("{mm:.0} mm")
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PrevisUi>()
        .add_systems(
            Update,
            previs_keys
                .before(crate::tour::flow::TourSystems::Play)
                .run_if(in_level(STOP)),
        )
        .add_systems(
            EguiPrimaryContextPass,
            previs_ui.in_set(UiSystems::Screens).run_if(in_level(STOP)),
        );
}
