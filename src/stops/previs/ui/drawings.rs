//! The two drawings on Stop 1's previs desk: the storyboard panel as a quick sketch, and the
//! plan view of the grey-box set where the player places the camera, aims it and blocks the
//! subject's path.

use bevy_egui::egui;

use super::MapMode;
use crate::stops::previs::level::PrevisState;
use crate::stops::previs::model::{
    CameraAngle, CameraMove, FRAME_ASPECT, Panel, PropKind, ShotSetup, ShotSize,
    horizontal_fov_radians,
};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;

/// Half the side of the square the plan view shows, in metres.
const MAP_HALF_M: f32 = 16.0;

/// The storyboard panel as a quick sketch: the frame, the horizon where the angle puts it, a
/// stick figure as big as the shot size asks, and the move and mood written in, as a
/// storyboard artist would.
pub(super) fn sketch(ui: &mut egui::Ui, p: &Palette, panel: &Panel) {
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
pub(super) fn plan_view(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &PrevisState,
    setup: &mut ShotSetup,
    mode: MapMode,
) {
    let side = ui.available_width().min(360.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::click());
    let map = PlanMap {
        painter: ui.painter_at(rect),
        rect,
        side,
    };
    map.painter.rect_filled(rect, 4.0, color(p.background));
    draw_grid(&map, p);
    draw_props(&map, p, state);
    draw_characters(&map, p, state, setup);
    draw_camera(&map, p, setup);
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let (x, z) = map.to_world(pos);
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

/// The plan view's square on screen, and the mapping between it and the set's ground.
struct PlanMap {
    painter: egui::Painter,
    rect: egui::Rect,
    side: f32,
}

impl PlanMap {
    /// Where a point (x, z) on the ground is drawn.
    fn to_screen(&self, x: f32, z: f32) -> egui::Pos2 {
        egui::pos2(
            self.rect.center().x + x / MAP_HALF_M * self.side / 2.0,
            self.rect.center().y + z / MAP_HALF_M * self.side / 2.0,
        )
    }

    /// The point (x, z) on the ground under a position on screen.
    fn to_world(&self, pos: egui::Pos2) -> (f32, f32) {
        (
            (pos.x - self.rect.center().x) / (self.side / 2.0) * MAP_HALF_M,
            (pos.y - self.rect.center().y) / (self.side / 2.0) * MAP_HALF_M,
        )
    }
}

/// Small labels on the plan.
fn small_font() -> egui::FontId {
    egui::FontId::proportional(11.0)
}

/// Grid every 4 m.
fn draw_grid(map: &PlanMap, p: &Palette) {
    for k in -4..=4 {
        let f = k as f32 * 4.0;
        let stroke = egui::Stroke::new(0.5, color(p.border));
        map.painter.line_segment(
            [map.to_screen(f, -MAP_HALF_M), map.to_screen(f, MAP_HALF_M)],
            stroke,
        );
        map.painter.line_segment(
            [map.to_screen(-MAP_HALF_M, f), map.to_screen(MAP_HALF_M, f)],
            stroke,
        );
    }
}

/// Each prop's footprint, a box or a circle.
fn draw_props(map: &PlanMap, p: &Palette, state: &PrevisState) {
    let muted = color(p.muted_text);
    for prop in &state.storyboard.props {
        let [x, _, z] = prop.position;
        let [w, _, d] = prop.size;
        let a = map.to_screen(x - w / 2.0, z - d / 2.0);
        let b = map.to_screen(x + w / 2.0, z + d / 2.0);
        let prop_rect = egui::Rect::from_two_pos(a, b);
        match prop.kind {
            PropKind::Box => {
                map.painter
                    .rect_filled(prop_rect, 1.0, muted.gamma_multiply(0.5));
            }
            PropKind::Cylinder => {
                map.painter.circle_filled(
                    prop_rect.center(),
                    prop_rect.width() / 2.0,
                    muted.gamma_multiply(0.5),
                );
            }
        }
    }
}

/// Each character at their start in their colour, named, and the subject's numbered path.
fn draw_characters(map: &PlanMap, p: &Palette, state: &PrevisState, setup: &ShotSetup) {
    let text = color(p.text);
    let small = small_font();
    let panel = &state.storyboard.panels[state.selected];
    for c in &state.storyboard.characters {
        let pos = map.to_screen(c.start[0], c.start[1]);
        let fill = egui::Color32::from_rgb(
            (c.color[0].clamp(0.0, 1.0).powf(1.0 / 2.2) * 255.0) as u8,
            (c.color[1].clamp(0.0, 1.0).powf(1.0 / 2.2) * 255.0) as u8,
            (c.color[2].clamp(0.0, 1.0).powf(1.0 / 2.2) * 255.0) as u8,
        );
        map.painter.circle_filled(pos, 6.0, fill);
        map.painter
            .circle_stroke(pos, 6.0, egui::Stroke::new(1.5, text));
        let tag = if c.id == panel.subject {
            format!("{} (subject)", c.name)
        } else {
            c.name.clone()
        };
        map.painter.text(
            pos + egui::vec2(8.0, -8.0),
            egui::Align2::LEFT_BOTTOM,
            tag,
            small.clone(),
            text,
        );
        if c.id == panel.subject {
            let mut last = pos;
            for (n, w) in setup.waypoints.iter().enumerate() {
                let next = map.to_screen(w[0], w[1]);
                map.painter
                    .line_segment([last, next], egui::Stroke::new(2.0, color(p.accent)));
                map.painter.text(
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
}

/// The camera: a dot, and lines for the edges of what the lens sees; and the aim point.
fn draw_camera(map: &PlanMap, p: &Palette, setup: &ShotSetup) {
    let text = color(p.text);
    let small = small_font();
    let eye = setup.camera;
    let aim = setup.aim;
    let cam = map.to_screen(eye[0], eye[2]);
    let heading = (aim[2] - eye[2]).atan2(aim[0] - eye[0]);
    let half = horizontal_fov_radians(setup.focal_mm) / 2.0;
    let reach = map.side * 0.6;
    for edge in [heading - half, heading + half] {
        map.painter.line_segment(
            [cam, cam + egui::vec2(edge.cos(), edge.sin()) * reach],
            egui::Stroke::new(1.5, color(p.focus)),
        );
    }
    map.painter.circle_filled(cam, 7.0, color(p.focus));
    map.painter.text(
        cam + egui::vec2(9.0, 9.0),
        egui::Align2::LEFT_TOP,
        "camera",
        small.clone(),
        text,
    );
    let aim_pos = map.to_screen(aim[0], aim[2]);
    map.painter
        .circle_stroke(aim_pos, 5.0, egui::Stroke::new(2.0, color(p.focus)));
    map.painter.text(
        aim_pos + egui::vec2(7.0, 0.0),
        egui::Align2::LEFT_CENTER,
        "aim",
        small,
        text,
    );
}
