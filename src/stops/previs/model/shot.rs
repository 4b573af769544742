//! The player's shot: the previs camera's lens and sensor, the setup the player makes for a
//! panel, and how the camera and the subject move during the shot.

use glam::{Quat, Vec2, Vec3};
use serde::{Deserialize, Serialize};

use super::{CameraMove, MoodLighting};

/// Sensor width of the previs camera in millimetres (Super 35, the common cinema format).
pub const SENSOR_WIDTH_MM: f32 = 24.89;

/// Sensor height in millimetres (Super 35).
pub const SENSOR_HEIGHT_MM: f32 = 18.66;

/// Width ÷ height of the frame the classification measures in.
pub const FRAME_ASPECT: f32 = SENSOR_WIDTH_MM / SENSOR_HEIGHT_MM;

/// Widest lens the player may pick, in millimetres.
pub const MIN_FOCAL_MM: f32 = 12.0;

/// Longest lens the player may pick, in millimetres.
pub const MAX_FOCAL_MM: f32 = 200.0;

/// Lens used when a setup's focal length is not a number: a natural, "normal" view.
pub const DEFAULT_FOCAL_MM: f32 = 35.0;

/// Near clipping distance in metres: anything closer to the lens is not seen.
pub const NEAR_PLANE_M: f32 = 0.05;

/// Far clipping distance in metres, well beyond the 60 m set.
pub const FAR_PLANE_M: f32 = 1000.0;

/// Height of the eyes as a fraction of standing height: where "eye level" is measured from.
pub const EYE_LINE_FRACTION: f32 = 0.93;

/// Subject height [`solve_setup`] assumes when given one that is not a positive number.
pub const DEFAULT_SUBJECT_HEIGHT_M: f32 = 1.7;

/// Smallest pan, in degrees, that counts as a pan: less looks like a wobble, not a move.
pub const MIN_PAN_DEG: f32 = 2.0;

/// Smallest dolly or crane travel, in metres, that counts as a move.
pub const MIN_TRAVEL_M: f32 = 0.1;

/// The lens's focal length kept within [`MIN_FOCAL_MM`]..=[`MAX_FOCAL_MM`]; not a number
/// gives [`DEFAULT_FOCAL_MM`].
pub fn clamp_focal_mm(focal_mm: f32) -> f32 {
    if focal_mm.is_nan() {
        DEFAULT_FOCAL_MM
    } else {
        focal_mm.clamp(MIN_FOCAL_MM, MAX_FOCAL_MM)
    }
}

/// Full vertical field of view in radians on the Super 35 sensor, `2·atan(h / 2f)`, with the
/// focal length clamped by [`clamp_focal_mm`]. A longer lens sees a narrower slice, which is
/// why it makes the subject bigger without moving the camera.
pub fn vertical_fov_radians(focal_mm: f32) -> f32 {
    2.0 * (SENSOR_HEIGHT_MM / (2.0 * clamp_focal_mm(focal_mm))).atan()
}

/// Full horizontal field of view in radians on the Super 35 sensor, `2·atan(w / 2f)`.
pub fn horizontal_fov_radians(focal_mm: f32) -> f32 {
    2.0 * (SENSOR_WIDTH_MM / (2.0 * clamp_focal_mm(focal_mm))).atan()
}

/// What the player sets for one panel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShotSetup {
    /// Where the camera is at the start of the shot, in metres.
    pub camera: [f32; 3],
    /// The point the camera looks at at the start of the shot.
    pub aim: [f32; 3],
    /// Lens focal length in millimetres ([`MIN_FOCAL_MM`]..=[`MAX_FOCAL_MM`]).
    pub focal_mm: f32,
    pub movement: CameraMove,
    /// How far the move goes over the whole shot. The unit depends on the move, because each
    /// move changes one thing:
    /// * Pan: **degrees**; positive turns right (clockwise seen from above), negative left.
    /// * Dolly: metres along the ground in the direction the camera faces; positive pushes
    ///   in, negative pulls back.
    /// * Crane: metres up; negative sinks.
    /// * Static: ignored.
    pub move_amount_m: f32,
    /// The subject's blocking: the points on the ground, (x, z) in metres, they walk through
    /// after their start during the shot. Empty: they stay at their start.
    pub waypoints: Vec<[f32; 2]>,
    pub lighting: MoodLighting,
}

impl Default for ShotSetup {
    /// A camera at head height six metres in front of the origin, looking at a standing
    /// person's middle, with a normal lens and neutral daylight.
    fn default() -> Self {
        Self {
            camera: [0.0, 1.6, 6.0],
            aim: [0.0, 0.9, 0.0],
            focal_mm: DEFAULT_FOCAL_MM,
            movement: CameraMove::Static,
            move_amount_m: 0.0,
            waypoints: Vec::new(),
            lighting: MoodLighting::default(),
        }
    }
}

/// Smooth ease-in-out (`3t² − 2t³`) of `t` clamped to 0..=1 (not a number counts as 0):
/// real camera moves start and stop gently, because a sudden jolt looks like a mistake.
pub fn ease_in_out(t: f32) -> f32 {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    t * t * (3.0 - 2.0 * t)
}

/// Where the camera is and what it looks at, `t` of the way through the shot (0 = start,
/// 1 = end; clamped). The move follows [`ease_in_out`]:
/// * Static: fixed.
/// * Pan: the aim turns about the vertical axis through the camera by `move_amount_m`
///   degrees (positive right).
/// * Dolly: camera and aim travel together `move_amount_m` metres along the camera's forward
///   direction flattened onto the ground (a camera looking straight down does not travel).
/// * Crane: camera and aim rise together by `move_amount_m` metres.
///
/// An amount that is not a finite number is treated as no move.
pub fn camera_at(setup: &ShotSetup, t: f32) -> (Vec3, Vec3) {
    let eye = Vec3::from(setup.camera);
    let target = Vec3::from(setup.aim);
    let amount = if setup.move_amount_m.is_finite() {
        setup.move_amount_m
    } else {
        0.0
    };
    let progress = amount * ease_in_out(t);
    match setup.movement {
        CameraMove::Static => (eye, target),
        CameraMove::Pan => {
            // A positive rotation about +Y turns left (counter-clockwise from above).
            let turn = Quat::from_rotation_y(-progress.to_radians());
            (eye, eye + turn * (target - eye))
        }
        CameraMove::Dolly => {
            let shift = horizontal_unit(target - eye).unwrap_or(Vec3::ZERO) * progress;
            (eye + shift, target + shift)
        }
        CameraMove::Crane => {
            let lift = Vec3::Y * progress;
            (eye + lift, target + lift)
        }
    }
}

/// The subject's ground position `t` of the way through the shot (clamped to 0..=1),
/// walking at constant speed from `start` through each waypoint in turn: blocking is
/// planned as a path, and an even walk makes the timing easy to judge. With no waypoints, or
/// a path of no length, they stay at the start.
pub fn subject_at(start: [f32; 2], waypoints: &[[f32; 2]], t: f32) -> Vec3 {
    let points: Vec<Vec2> = std::iter::once(start)
        .chain(waypoints.iter().copied())
        .map(Vec2::from)
        .collect();
    let total: f32 = points.windows(2).map(|w| w[0].distance(w[1])).sum();
    let origin = Vec3::new(start[0], 0.0, start[1]);
    if !(total.is_finite() && total > 0.0) {
        return origin;
    }
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let mut left = total * t;
    for pair in points.windows(2) {
        let length = pair[0].distance(pair[1]);
        if left <= length && length > 0.0 {
            let p = pair[0].lerp(pair[1], left / length);
            return Vec3::new(p.x, 0.0, p.y);
        }
        left -= length;
    }
    points.last().map_or(origin, |p| Vec3::new(p.x, 0.0, p.y))
}

/// The horizontal part of `v`, normalised; `None` when it has (almost) no horizontal part.
pub(super) fn horizontal_unit(v: Vec3) -> Option<Vec3> {
    let flat = Vec3::new(v.x, 0.0, v.z);
    (flat.length_squared() > 1e-12).then(|| flat.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::previs::model::test_support::*;
    use crate::stops::previs::model::*;

    #[test]
    fn ease_in_out_starts_and_stops_gently() {
        assert_eq!(ease_in_out(0.0), 0.0);
        assert_eq!(ease_in_out(1.0), 1.0);
        assert_eq!(ease_in_out(0.5), 0.5);
        assert!(close(ease_in_out(0.25), 0.156_25, 1e-6));
        assert_eq!(ease_in_out(-1.0), 0.0);
        assert_eq!(ease_in_out(2.0), 1.0);
        assert_eq!(ease_in_out(f32::NAN), 0.0);
    }

    fn moving(movement: CameraMove, amount: f32) -> ShotSetup {
        ShotSetup {
            camera: [0.0, 2.0, 5.0],
            aim: [0.0, 1.0, 0.0],
            movement,
            move_amount_m: amount,
            ..ShotSetup::default()
        }
    }

    #[test]
    fn every_move_starts_at_the_setup() {
        for movement in CameraMove::ALL {
            let (eye, target) = camera_at(&moving(movement, 3.0), 0.0);
            assert_eq!(
                (eye, target),
                (Vec3::new(0.0, 2.0, 5.0), Vec3::new(0.0, 1.0, 0.0))
            );
        }
        let (eye, target) = camera_at(&moving(CameraMove::Static, 3.0), 1.0);
        assert_eq!(
            (eye, target),
            (Vec3::new(0.0, 2.0, 5.0), Vec3::new(0.0, 1.0, 0.0))
        );
    }

    #[test]
    fn a_positive_pan_turns_right_about_the_camera() {
        let setup = ShotSetup {
            camera: [1.0, 1.5, 0.0],
            aim: [1.0, 1.5, -10.0],
            movement: CameraMove::Pan,
            move_amount_m: 90.0,
            ..ShotSetup::default()
        };
        let (eye, target) = camera_at(&setup, 1.0);
        assert_eq!(eye, Vec3::new(1.0, 1.5, 0.0));
        assert!(close_vec(target, Vec3::new(11.0, 1.5, 0.0)), "{target}");
        let (_, halfway) = camera_at(&setup, 0.5);
        let d = 10.0 * std::f32::consts::FRAC_1_SQRT_2;
        assert!(close_vec(halfway, Vec3::new(1.0 + d, 1.5, -d)), "{halfway}");
        let left = ShotSetup {
            move_amount_m: -90.0,
            ..setup
        };
        assert!(close_vec(
            camera_at(&left, 1.0).1,
            Vec3::new(-9.0, 1.5, 0.0)
        ));
    }

    #[test]
    fn a_dolly_travels_along_the_ground_and_a_crane_rises() {
        // Pull back 2 m: the camera faces -Z, so it moves towards +Z, and stays at its height.
        let (eye, target) = camera_at(&moving(CameraMove::Dolly, -2.0), 1.0);
        assert!(close_vec(eye, Vec3::new(0.0, 2.0, 7.0)), "{eye}");
        assert!(close_vec(target, Vec3::new(0.0, 1.0, 2.0)), "{target}");
        let (eye, _) = camera_at(&moving(CameraMove::Dolly, 4.0), 0.5);
        assert!(close_vec(eye, Vec3::new(0.0, 2.0, 3.0)), "{eye}");
        let (eye, target) = camera_at(&moving(CameraMove::Crane, 1.5), 1.0);
        assert!(close_vec(eye, Vec3::new(0.0, 3.5, 5.0)));
        assert!(close_vec(target, Vec3::new(0.0, 2.5, 0.0)));
        let (eye, _) = camera_at(&moving(CameraMove::Crane, f32::NAN), 1.0);
        assert_eq!(eye, Vec3::new(0.0, 2.0, 5.0));
    }

    #[test]
    fn the_subject_walks_the_path_at_constant_speed() {
        let path = [[3.0, 0.0], [3.0, 4.0]];
        assert_eq!(subject_at([0.0, 0.0], &path, 0.0), Vec3::ZERO);
        assert!(close_vec(
            subject_at([0.0, 0.0], &path, 1.0),
            Vec3::new(3.0, 0.0, 4.0)
        ));
        assert!(close_vec(
            subject_at([0.0, 0.0], &path, 3.0 / 7.0),
            Vec3::new(3.0, 0.0, 0.0)
        ));
        assert!(close_vec(
            subject_at([0.0, 0.0], &path, 0.5),
            Vec3::new(3.0, 0.0, 0.5)
        ));
        assert!(close_vec(
            subject_at([0.0, 0.0], &path, 2.0),
            Vec3::new(3.0, 0.0, 4.0)
        ));
        assert_eq!(subject_at([2.0, -1.0], &[], 0.7), Vec3::new(2.0, 0.0, -1.0));
        // A waypoint on the start adds no length.
        assert!(close_vec(
            subject_at([0.0, 0.0], &[[0.0, 0.0], [2.0, 0.0]], 0.5),
            Vec3::new(1.0, 0.0, 0.0)
        ));
    }
}
