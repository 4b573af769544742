//! Helpers the model's unit tests share: a test subject, tolerances, panels and camera
//! placements.

use glam::Vec3;

use super::*;

/// Height of the test subject, in metres.
pub(super) const H: f32 = 1.8;

pub(super) fn close(a: f32, b: f32, tolerance: f32) -> bool {
    (a - b).abs() <= tolerance
}

pub(super) fn close_vec(a: Vec3, b: Vec3) -> bool {
    a.distance(b) <= 1e-4
}

pub(super) fn panel(size: ShotSize, angle: CameraAngle, movement: CameraMove, mood: Mood) -> Panel {
    Panel {
        title: "Test".to_string(),
        action: "Something happens.".to_string(),
        size,
        angle,
        subject: "hero".to_string(),
        movement,
        mood,
        seconds: 3.0,
    }
}

pub(super) fn setup_at(camera: Vec3, aim: Vec3, focal_mm: f32) -> ShotSetup {
    ShotSetup {
        camera: camera.to_array(),
        aim: aim.to_array(),
        focal_mm,
        ..ShotSetup::default()
    }
}

/// A camera at the subject's mid-height looking level at their middle from `distance`:
/// then feet and head are at the same depth and the fraction is exactly the pinhole rule.
pub(super) fn level_reading(distance: f32, focal_mm: f32) -> ShotReading {
    classify_frame(
        Vec3::new(0.0, 0.5 * H, distance),
        Vec3::new(0.0, 0.5 * H, 0.0),
        focal_mm,
        Vec3::ZERO,
        H,
    )
}

/// The distance at which [`level_reading`] gives `fraction`.
pub(super) fn distance_for_fraction(fraction: f32, focal_mm: f32) -> f32 {
    H * focal_mm / (fraction * SENSOR_HEIGHT_MM)
}

/// A camera `elevation_deg` above the subject's eye line (seen from their eyes), 5 m away.
pub(super) fn camera_at_elevation(elevation_deg: f32) -> Vec3 {
    let across = 5.0;
    Vec3::new(
        0.0,
        EYE_LINE_FRACTION * H + across * elevation_deg.to_radians().tan(),
        across,
    )
}
