//! Stop 1's previs desk: the storyboard panel (drawn as a sketch) beside the rendered shot, a
//! plan view of the grey-box set to place the camera, aim it and block the subject's path,
//! the lens and move, the mood lights with a mood readout, the shot check, and the animatic.
//!
//! Keys (when no text box has focus): W/A/S/D move the camera, R/F raise and lower it, the
//! arrows turn it, Z/X change the lens, 1–8 pick a panel, Enter checks the shot, P plays it,
//! Space plays the animatic (or stops it).

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::stops::previs::level::{Playback, PrevisCommand, PrevisState, STOP};
use crate::stops::previs::model::{
    CameraAngle, CameraMove, FRAME_ASPECT, Grade, MAX_FOCAL_MM, MIN_FOCAL_MM, Panel, PrevisTime,
    PropKind, ShotSetup, ShotSize, animatic_length, horizontal_fov_radians, read_mood,
};
use crate::stops::previs::set::{PANEL_FRACTION, shot_frame};
use crate::tour::input::{digit_index, typing};
use crate::tour::{CurrentStop, LevelStatus, StopPhase, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{AllowWidgetFocus, UiSettings, UiSystems, color};
use crate::ui::widgets::{card, hint_bar, primary_button, root_ui, stars_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
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
struct PrevisUi {
    tab: Tab,
    map_mode: MapMode,
}

fn is_previs(current: Res<CurrentStop>) -> bool {
    current.0 == STOP
}

/// Half the side of the square the plan view shows, in metres.
const MAP_HALF_M: f32 = 16.0;

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
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    state: Option<Res<PrevisState>>,
    status: Res<LevelStatus>,
    content: Res<crate::tour::GameContent>,
    mut ui_state: ResMut<PrevisUi>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
    mut out: MessageWriter<PrevisCommand>,
    mut tour: MessageWriter<TourCommand>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    // egui's own Tab/Space focus works over every control here (sliders, pickers).
    allow_focus.0 = true;
    let mut root = root_ui(ctx, "previs");
    let panel_width = root.max_rect().width() * PANEL_FRACTION;
    // Mask the 3D view outside the shot's frame: what the lens sees, and nothing else.
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
    let (showing, t) = state.showing();
    let panel = &state.storyboard.panels[showing.min(state.storyboard.panels.len() - 1)];
    let mut setup = state.shots[i].clone();
    let width = root.max_rect().width() * PANEL_FRACTION;
    egui::Panel::left("previs-desk")
        .exact_size(width)
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading(format!("Previs · {}", state.storyboard.title));
                ui.label(egui::RichText::new(&state.storyboard.logline).italics());
                ui.horizontal_wrapped(|ui| {
                    ui.label("Storyboard:");
                    for (b, board) in content.storyboards.storyboards.iter().enumerate() {
                        if ui
                            .add(egui::Button::new(&board.title).selected(b == state.storyboard_index))
                            .clicked()
                            && b != state.storyboard_index
                        {
                            out.write(PrevisCommand::ChooseStoryboard(b));
                        }
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    for (n, _) in state.storyboard.panels.iter().enumerate() {
                        let mark = match (&state.verdicts[n], state.dirty[n]) {
                            (Some(v), false) if v.matches => "✔",
                            (Some(_), false) => "✖",
                            (Some(_), true) => "…",
                            (None, _) => "○",
                        };
                        if ui
                            .add(egui::Button::new(format!("{mark} {}", n + 1)).selected(n == i))
                            .clicked()
                        {
                            out.write(PrevisCommand::SelectPanel(n));
                        }
                    }
                });
                ui.label(
                    egui::RichText::new("✔ matches the panel · ✖ does not · … changed since checked · ○ not checked")
                        .small()
                        .color(color(p.muted_text)),
                );
                // The storyboard panel of the shot on screen: while the animatic plays, the
                // panel follows the cut, so drawing and shot are always side by side.
                card(&p).show(ui, |ui| {
                    let current = &state.storyboard.panels[showing];
                    ui.label(
                        egui::RichText::new(format!("Panel {} · {}", showing + 1, current.title))
                            .strong(),
                    );
                    sketch(ui, &p, current);
                    ui.label(&current.action);
                    ui.label(format!(
                        "Asks for: {} · {} · {} · mood {} · {:.1} s · subject: {}",
                        current.size.label(),
                        current.angle.label(),
                        current.movement.label(),
                        current.mood.label(),
                        current.seconds,
                        state
                            .storyboard
                            .character(&current.subject)
                            .map_or(current.subject.as_str(), |c| c.name.as_str())
                    ));
                });
                ui.horizontal(|ui| {
                    for (tab, label) in [
                        (Tab::Camera, "Camera"),
                        (Tab::Blocking, "Blocking"),
                        (Tab::Mood, "Mood"),
                    ] {
                        if ui.selectable_label(ui_state.tab == tab, label).clicked() {
                            ui_state.tab = tab;
                        }
                    }
                });
                match ui_state.tab {
                    Tab::Camera => {
                        ui.horizontal(|ui| {
                            ui.label("Click on the plan to:");
                            for (mode, label) in [
                                (MapMode::PlaceCamera, "place camera"),
                                (MapMode::Aim, "aim"),
                            ] {
                                if ui.selectable_label(ui_state.map_mode == mode, label).clicked() {
                                    ui_state.map_mode = mode;
                                }
                            }
                        });
                        if ui_state.map_mode == MapMode::AddWaypoint {
                            ui_state.map_mode = MapMode::PlaceCamera;
                        }
                        plan_view(ui, &p, &state, &mut setup, ui_state.map_mode);
                        camera_controls(ui, &state, &mut setup);
                    }
                    Tab::Blocking => {
                        ui.label(
                            "Click on the plan to add a waypoint to the subject's path. They walk \
                             it at an even pace over the shot.",
                        );
                        plan_view(ui, &p, &state, &mut setup, MapMode::AddWaypoint);
                        ui.horizontal(|ui| {
                            ui.label(format!("{} waypoint(s)", setup.waypoints.len()));
                            if ui.button("Remove last").clicked() {
                                setup.waypoints.pop();
                            }
                            if ui.button("Clear path").clicked() {
                                setup.waypoints.clear();
                            }
                        });
                    }
                    Tab::Mood => mood_controls(ui, &p, &state.storyboard.panels[i], &mut setup),
                }
                ui.separator();
                ui.horizontal_wrapped(|ui| {
                    if ui.button("Check shot (Enter)").clicked() {
                        out.write(PrevisCommand::CheckShot(i));
                    }
                    if ui.button("▶ Play shot (P)").clicked() {
                        out.write(PrevisCommand::PlayShot(i));
                    }
                    if state.playback.is_some() {
                        if ui.button("■ Stop").clicked() {
                            out.write(PrevisCommand::Stop);
                        }
                    } else if ui.button("🎬 Play animatic (Space)").clicked() {
                        out.write(PrevisCommand::PlayAnimatic);
                    }
                });
                if let Some(v) = &state.verdicts[i] {
                    let (icon, word, tint) = if v.matches {
                        ("✔", "Matches the panel", p.success)
                    } else {
                        ("✖", "Not yet", p.warning)
                    };
                    ui.label(
                        egui::RichText::new(format!("{icon} {word} · {} / 100", v.score))
                            .strong()
                            .color(color(tint)),
                    );
                    if state.dirty[i] {
                        ui.label("(changed since this check: check again)");
                    }
                    for reason in &v.reasons {
                        ui.label(format!("• {reason}"));
                    }
                }
                ui.separator();
                let score = state.sequence_score();
                ui.label(egui::RichText::new("The sequence").strong());
                ui.label(&score.summary);
                ui.label(format!(
                    "Revisions: {} · animatic plays: {}",
                    state.revisions, state.animatic_plays
                ));
                if status.complete {
                    ui.label(format!("Previs locked: {}", stars_text(status.stars)));
                    if primary_button(ui, &p, "▶ Continue to the quiz gate").clicked() {
                        tour.write(TourCommand::FinishLevel);
                    }
                } else if state.all_match() {
                    ui.label("Every shot matches: play the animatic to the end to lock the previs.");
                } else {
                    ui.label(
                        "Draft every shot, test it (check), revise, then watch the whole animatic.",
                    );
                }
            });
        });
    if setup != state.shots[i] {
        out.write(PrevisCommand::SetShot(i, setup));
    }
    // Above the rendered shot: what is on screen, and the animatic's clock.
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
        .fixed_pos(egui::pos2(frame.left(), (frame.top() - 40.0).max(2.0)))
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(6))
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(caption).strong());
                });
        });
    Ok(())
}

fn focal_label(mm: f32) -> String {
    format!("{mm:.0} mm")
}

/// The storyboard panel as a quick sketch: the frame, the horizon where the angle puts it, a
/// stick figure as big as the shot size asks, and the move and mood written in, as a
/// storyboard artist would.
fn sketch(ui: &mut egui::Ui, p: &Palette, panel: &Panel) {
    let width = ui.available_width().min(320.0);
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(width, width / FRAME_ASPECT),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let paper = if p.is_light {
        egui::Color32::from_rgb(250, 248, 240)
    } else {
        egui::Color32::from_rgb(236, 232, 220)
    };
    let ink = egui::Color32::from_rgb(30, 30, 34);
    painter.rect_filled(rect, 2.0, paper);
    let h = rect.height();
    let horizon = match panel.angle {
        CameraAngle::High => rect.top() + 0.12 * h,
        CameraAngle::EyeLevel => rect.top() + 0.38 * h,
        CameraAngle::Low => rect.top() + 0.85 * h,
    };
    painter.line_segment(
        [
            egui::pos2(rect.left(), horizon),
            egui::pos2(rect.right(), horizon),
        ],
        egui::Stroke::new(1.0, egui::Color32::from_gray(140)),
    );
    // Figure height as a fraction of the frame, in the middle of its shot-size band.
    let (fraction, eye_y) = match panel.size {
        ShotSize::ExtremeWide => (0.08, 0.75),
        ShotSize::Wide => (0.55, 0.35),
        ShotSize::Medium => (1.7, 0.33),
        ShotSize::CloseUp => (3.5, 0.4),
    };
    let figure = fraction * h;
    let eye = egui::pos2(rect.center().x, rect.top() + eye_y * h);
    let head_r = figure * 0.07;
    let top = eye.y - head_r * 0.6;
    let head_c = egui::pos2(eye.x, top + head_r);
    let stroke = egui::Stroke::new((figure * 0.015).clamp(1.5, 6.0), ink);
    painter.circle_stroke(head_c, head_r, stroke);
    let neck = egui::pos2(eye.x, top + 2.0 * head_r);
    let hip = egui::pos2(eye.x, top + figure * 0.55);
    painter.line_segment([neck, hip], stroke);
    let shoulder = egui::pos2(eye.x, neck.y + figure * 0.06);
    for side in [-1.0, 1.0] {
        painter.line_segment(
            [
                shoulder,
                egui::pos2(eye.x + side * figure * 0.14, hip.y - figure * 0.05),
            ],
            stroke,
        );
        painter.line_segment(
            [hip, egui::pos2(eye.x + side * figure * 0.1, top + figure)],
            stroke,
        );
    }
    let font = egui::FontId::proportional(13.0);
    let label = match panel.movement {
        CameraMove::Static => "STATIC",
        CameraMove::Pan => "PAN ▶",
        CameraMove::Dolly => "DOLLY IN ▶",
        CameraMove::Crane => "CRANE",
    };
    painter.text(
        rect.left_bottom() + egui::vec2(6.0, -4.0),
        egui::Align2::LEFT_BOTTOM,
        label,
        font.clone(),
        ink,
    );
    painter.text(
        rect.right_top() + egui::vec2(-6.0, 4.0),
        egui::Align2::RIGHT_TOP,
        panel.mood.label().to_uppercase(),
        font.clone(),
        ink,
    );
    painter.text(
        rect.left_top() + egui::vec2(6.0, 4.0),
        egui::Align2::LEFT_TOP,
        format!("{} · {}", panel.size.label(), panel.angle.label()),
        font,
        ink,
    );
    painter.rect_stroke(
        rect,
        2.0,
        egui::Stroke::new(2.0, ink),
        egui::StrokeKind::Inside,
    );
}

/// The set from above: props, characters, the camera with its field of view, the aim point
/// and the subject's path. Clicks place the camera, the aim or a waypoint.
fn plan_view(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &PrevisState,
    setup: &mut ShotSetup,
    mode: MapMode,
) {
    let side = ui.available_width().min(360.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::click());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, color(p.background));
    let to_screen = |x: f32, z: f32| {
        egui::pos2(
            rect.center().x + x / MAP_HALF_M * side / 2.0,
            rect.center().y + z / MAP_HALF_M * side / 2.0,
        )
    };
    let to_world = |pos: egui::Pos2| {
        (
            (pos.x - rect.center().x) / (side / 2.0) * MAP_HALF_M,
            (pos.y - rect.center().y) / (side / 2.0) * MAP_HALF_M,
        )
    };
    let muted = color(p.muted_text);
    let text = color(p.text);
    let small = egui::FontId::proportional(11.0);
    // Grid every 4 m.
    for k in -4..=4 {
        let f = k as f32 * 4.0;
        let stroke = egui::Stroke::new(0.5, color(p.border));
        painter.line_segment(
            [to_screen(f, -MAP_HALF_M), to_screen(f, MAP_HALF_M)],
            stroke,
        );
        painter.line_segment(
            [to_screen(-MAP_HALF_M, f), to_screen(MAP_HALF_M, f)],
            stroke,
        );
    }
    for prop in &state.storyboard.props {
        let [x, _, z] = prop.position;
        let [w, _, d] = prop.size;
        let a = to_screen(x - w / 2.0, z - d / 2.0);
        let b = to_screen(x + w / 2.0, z + d / 2.0);
        let prop_rect = egui::Rect::from_two_pos(a, b);
        match prop.kind {
            PropKind::Box => {
                painter.rect_filled(prop_rect, 1.0, muted.gamma_multiply(0.5));
            }
            PropKind::Cylinder => {
                painter.circle_filled(
                    prop_rect.center(),
                    prop_rect.width() / 2.0,
                    muted.gamma_multiply(0.5),
                );
            }
        }
    }
    let panel = &state.storyboard.panels[state.selected];
    for c in &state.storyboard.characters {
        let pos = to_screen(c.start[0], c.start[1]);
        let fill = egui::Color32::from_rgb(
            (c.color[0].clamp(0.0, 1.0).powf(1.0 / 2.2) * 255.0) as u8,
            (c.color[1].clamp(0.0, 1.0).powf(1.0 / 2.2) * 255.0) as u8,
            (c.color[2].clamp(0.0, 1.0).powf(1.0 / 2.2) * 255.0) as u8,
        );
        painter.circle_filled(pos, 6.0, fill);
        painter.circle_stroke(pos, 6.0, egui::Stroke::new(1.5, text));
        let tag = if c.id == panel.subject {
            format!("{} (subject)", c.name)
        } else {
            c.name.clone()
        };
        painter.text(
            pos + egui::vec2(8.0, -8.0),
            egui::Align2::LEFT_BOTTOM,
            tag,
            small.clone(),
            text,
        );
        if c.id == panel.subject {
            let mut last = pos;
            for (n, w) in setup.waypoints.iter().enumerate() {
                let next = to_screen(w[0], w[1]);
                painter.line_segment([last, next], egui::Stroke::new(2.0, color(p.accent)));
                painter.text(
                    next,
                    egui::Align2::CENTER_CENTER,
                    format!("{}", n + 1),
                    small.clone(),
                    text,
                );
                last = next;
            }
        }
    }
    // The camera: a dot, and lines for the edges of what the lens sees.
    let eye = setup.camera;
    let aim = setup.aim;
    let cam = to_screen(eye[0], eye[2]);
    let heading = (aim[2] - eye[2]).atan2(aim[0] - eye[0]);
    let half = horizontal_fov_radians(setup.focal_mm) / 2.0;
    let reach = side * 0.6;
    for edge in [heading - half, heading + half] {
        painter.line_segment(
            [cam, cam + egui::vec2(edge.cos(), edge.sin()) * reach],
            egui::Stroke::new(1.5, color(p.focus)),
        );
    }
    painter.circle_filled(cam, 7.0, color(p.focus));
    painter.text(
        cam + egui::vec2(9.0, 9.0),
        egui::Align2::LEFT_TOP,
        "camera",
        small.clone(),
        text,
    );
    let aim_pos = to_screen(aim[0], aim[2]);
    painter.circle_stroke(aim_pos, 5.0, egui::Stroke::new(2.0, color(p.focus)));
    painter.text(
        aim_pos + egui::vec2(7.0, 0.0),
        egui::Align2::LEFT_CENTER,
        "aim",
        small,
        text,
    );
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let (x, z) = to_world(pos);
        match mode {
            MapMode::PlaceCamera => {
                setup.camera[0] = x;
                setup.camera[2] = z;
            }
            MapMode::Aim => {
                setup.aim[0] = x;
                setup.aim[2] = z;
            }
            MapMode::AddWaypoint => {
                if setup.waypoints.len() < 6 {
                    setup.waypoints.push([x, z]);
                }
            }
        }
    }
}

fn camera_controls(ui: &mut egui::Ui, state: &PrevisState, setup: &mut ShotSetup) {
    ui.add(egui::Slider::new(&mut setup.camera[1], 0.1..=12.0).text("camera height (m)"));
    ui.add(egui::Slider::new(&mut setup.aim[1], 0.0..=6.0).text("aim height (m)"));
    ui.add(
        egui::Slider::new(&mut setup.focal_mm, MIN_FOCAL_MM..=MAX_FOCAL_MM)
            .logarithmic(true)
            .text("lens (mm)"),
    );
    if ui.button("Aim at the subject's eyes").clicked() {
        let panel = &state.storyboard.panels[state.selected];
        if let Some(c) = state.storyboard.character(&panel.subject) {
            setup.aim = [c.start[0], c.height_m * 0.93, c.start[1]];
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Move:");
        for m in CameraMove::ALL {
            if ui
                .selectable_label(setup.movement == m, m.label())
                .on_hover_text(m.description())
                .clicked()
            {
                setup.movement = m;
            }
        }
    });
    let (range, unit) = match setup.movement {
        CameraMove::Static => (0.0..=0.0, ""),
        CameraMove::Pan => (-90.0..=90.0, "pan (degrees, + turns right)"),
        CameraMove::Dolly => (-6.0..=6.0, "dolly (m, + moves in)"),
        CameraMove::Crane => (-4.0..=6.0, "crane (m, + rises)"),
    };
    if setup.movement != CameraMove::Static {
        ui.add(egui::Slider::new(&mut setup.move_amount_m, range).text(unit));
    }
}

fn mood_controls(ui: &mut egui::Ui, p: &Palette, panel: &Panel, setup: &mut ShotSetup) {
    let l = &mut setup.lighting;
    ui.add(egui::Slider::new(&mut l.key_to_fill, 1.0..=16.0).text("key-to-fill ratio (:1)"));
    ui.add(
        egui::Slider::new(&mut l.color_temp_k, 2000.0..=10000.0)
            .step_by(100.0)
            .text("colour temperature (K)"),
    );
    ui.add(egui::Slider::new(&mut l.fog, 0.0..=1.0).text("fog"));
    ui.horizontal_wrapped(|ui| {
        ui.label("Time:");
        for t in PrevisTime::ALL {
            if ui.selectable_label(l.time == t, t.label()).clicked() {
                l.time = t;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Grade:");
        for g in Grade::ALL {
            if ui.selectable_label(l.grade == g, g.label()).clicked() {
                l.grade = g;
            }
        }
    });
    let reading = read_mood(l);
    let matches = reading.mood == panel.mood;
    let (icon, word) = if matches {
        ("✔", "matches")
    } else {
        ("✖", "does not match")
    };
    ui.label(
        egui::RichText::new(format!(
            "Reads as: {} — {icon} {word} the panel's {}",
            reading.mood.label(),
            panel.mood.label()
        ))
        .strong()
        .color(color(if matches { p.success } else { p.warning })),
    );
    ui.label(format!(
        "Bright/funny {:+.2} (−1 dark and suspenseful … +1 bright and funny) · tension {:.2} · mystery {:.2}",
        reading.brightness, reading.tension, reading.mystery
    ));
    for r in &reading.reasons {
        ui.label(format!("• {r}"));
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PrevisUi>()
        .add_systems(
            Update,
            previs_keys
                .before(crate::tour::flow::TourSystems::Play)
                .run_if(in_state(StopPhase::Level).and_then(is_previs)),
        )
        .add_systems(
            EguiPrimaryContextPass,
            previs_ui
                .in_set(UiSystems::Screens)
                .run_if(in_state(StopPhase::Level).and_then(is_previs)),
        );
}
