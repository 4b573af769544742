//! Shot classification: measuring a frame the way a camera operator judges it, shot size
//! from how tall the subject is in the frame and angle from the camera's height against their
//! eyes.

use glam::{Mat4, Vec2, Vec3};
use serde::{Deserialize, Serialize};

use super::{
    CameraAngle, EYE_LINE_FRACTION, FAR_PLANE_M, FRAME_ASPECT, NEAR_PLANE_M, ShotSetup, ShotSize,
    vertical_fov_radians,
};

/// Below this height fraction the subject is small in a big world: an extreme wide shot.
pub const EXTREME_WIDE_BELOW: f32 = 0.15;

/// From [`EXTREME_WIDE_BELOW`] to below this the whole body fits with room around it: a wide
/// shot.
pub const WIDE_BELOW: f32 = 0.90;

/// From [`WIDE_BELOW`] to below this only about the waist up fits: a medium shot. From here
/// up only the head and shoulders fit: a close-up.
pub const MEDIUM_BELOW: f32 = 2.5;

/// A camera more than this many degrees above the subject's eye line looks down on them: a
/// high angle. Within ±10° a viewer reads the shot as level.
pub const HIGH_ANGLE_ABOVE_DEG: f32 = 10.0;

/// A camera more than 10° below the subject's eye line looks up at them: a low angle.
pub const LOW_ANGLE_BELOW_DEG: f32 = -10.0;

/// A shot measured the way a camera operator judges it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShotReading {
    /// The subject's projected height ÷ the frame height. Above 1 the subject is cropped:
    /// only part of them fits.
    pub height_fraction: f32,
    pub size: ShotSize,
    /// The camera's elevation above the subject's eye line, in degrees, seen from their eyes:
    /// positive when the camera is above looking down, negative below looking up.
    pub angle_deg: f32,
    pub angle: CameraAngle,
    /// Whether the subject is in the picture: in front of the camera, with the middle of
    /// their body or their eyes inside the frame. (The eyes count too because a close-up
    /// crops the middle of the body out of the picture on purpose.)
    pub in_frame: bool,
    /// From the camera to the middle of the subject's body, in metres.
    pub distance_m: f32,
}

impl ShotReading {
    /// What a camera sees when its numbers are broken: nothing.
    fn nothing_seen() -> Self {
        Self {
            height_fraction: 0.0,
            size: ShotSize::ExtremeWide,
            angle_deg: 0.0,
            angle: CameraAngle::EyeLevel,
            in_frame: false,
            distance_m: 0.0,
        }
    }
}

/// Measures the opening frame of the shot (the camera at `setup.camera` looking at
/// `setup.aim`, as the storyboard panel draws it). See [`classify_frame`].
pub fn classify(setup: &ShotSetup, subject_ground: Vec3, subject_height_m: f32) -> ShotReading {
    classify_frame(
        Vec3::from(setup.camera),
        Vec3::from(setup.aim),
        setup.focal_mm,
        subject_ground,
        subject_height_m,
    )
}

/// Measures one frame: a perspective camera at `eye` looking at `target` through a
/// `focal_mm` lens on the Super 35 sensor, and a subject `subject_height_m` tall standing at
/// `subject_ground`.
///
/// The subject's feet and head are projected into the frame; the height fraction is half the
/// distance between them in normalised device coordinates (which span 2 across the frame).
/// Where part of the subject is behind the lens, only the part in front of the near plane is
/// measured. The angle is the camera's elevation seen from the subject's eyes
/// ([`EYE_LINE_FRACTION`] of their height). Numbers that are not finite see nothing.
pub fn classify_frame(
    eye: Vec3,
    target: Vec3,
    focal_mm: f32,
    subject_ground: Vec3,
    subject_height_m: f32,
) -> ShotReading {
    if !(eye.is_finite()
        && target.is_finite()
        && subject_ground.is_finite()
        && subject_height_m.is_finite())
    {
        return ShotReading::nothing_seen();
    }
    let height = subject_height_m.max(0.0);
    let view = view_matrix(eye, target);
    let projection = Mat4::perspective_rh(
        vertical_fov_radians(focal_mm),
        FRAME_ASPECT,
        NEAR_PLANE_M,
        FAR_PLANE_M,
    );

    let feet = view.transform_point3(subject_ground);
    let head = view.transform_point3(subject_ground + Vec3::Y * height);
    let height_fraction = projected_height_fraction(&projection, feet, head);

    let middle = subject_ground + Vec3::Y * (0.5 * height);
    let eyes = subject_ground + Vec3::Y * (EYE_LINE_FRACTION * height);
    let in_frame = [middle, eyes]
        .iter()
        .any(|p| inside_frame(&projection, view.transform_point3(*p)));

    let from_eyes = eye - eyes;
    let across = Vec2::new(from_eyes.x, from_eyes.z).length();
    let angle_deg = from_eyes.y.atan2(across).to_degrees();

    ShotReading {
        height_fraction,
        size: ShotSize::from_height_fraction(height_fraction),
        angle_deg,
        angle: CameraAngle::from_elevation_deg(angle_deg),
        in_frame,
        distance_m: eye.distance(middle),
    }
}

/// The world-to-view matrix of a camera at `eye` looking at `target` with +Y up. A camera
/// with no direction looks down −Z; one looking straight up or down keeps −Z as the top of
/// the picture, since "up" cannot be +Y then.
fn view_matrix(eye: Vec3, target: Vec3) -> Mat4 {
    let forward = target - eye;
    let direction = if forward.length_squared() > 1e-12 {
        forward.normalize()
    } else {
        Vec3::NEG_Z
    };
    let up = if direction.cross(Vec3::Y).length_squared() > 1e-8 {
        Vec3::Y
    } else {
        Vec3::NEG_Z
    };
    Mat4::look_to_rh(eye, direction, up)
}

/// Half the vertical NDC distance between two view-space points, after cutting the segment
/// between them at the near plane; 0 when both are behind it.
fn projected_height_fraction(projection: &Mat4, a: Vec3, b: Vec3) -> f32 {
    let in_front = |p: Vec3| p.z <= -NEAR_PLANE_M;
    let (a, b) = match (in_front(a), in_front(b)) {
        (true, true) => (a, b),
        (true, false) => (a, cut_at_near_plane(a, b)),
        (false, true) => (cut_at_near_plane(b, a), b),
        (false, false) => return 0.0,
    };
    let fraction = 0.5 * (projection.project_point3(a).y - projection.project_point3(b).y).abs();
    if fraction.is_finite() { fraction } else { 0.0 }
}

/// Where the segment from `inside` (in front of the near plane) to `outside` crosses it.
fn cut_at_near_plane(inside: Vec3, outside: Vec3) -> Vec3 {
    let s = (-NEAR_PLANE_M - inside.z) / (outside.z - inside.z);
    inside.lerp(outside, s)
}

/// Whether a view-space point is in front of the camera and inside the frame's edges.
fn inside_frame(projection: &Mat4, p: Vec3) -> bool {
    if p.z > -NEAR_PLANE_M {
        return false;
    }
    let ndc = projection.project_point3(p);
    ndc.x.abs() <= 1.0 && ndc.y.abs() <= 1.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::previs::model::test_support::*;
    use crate::stops::previs::model::*;

    #[test]
    fn fields_of_view_follow_the_super_35_sensor() {
        assert!(close(
            vertical_fov_radians(50.0),
            2.0 * (18.66f32 / 100.0).atan(),
            1e-6
        ));
        assert!(close(
            horizontal_fov_radians(50.0),
            2.0 * (24.89f32 / 100.0).atan(),
            1e-6
        ));
        // The lens is kept within 12..=200 mm.
        assert_eq!(vertical_fov_radians(5.0), vertical_fov_radians(12.0));
        assert_eq!(vertical_fov_radians(500.0), vertical_fov_radians(200.0));
        assert_eq!(clamp_focal_mm(f32::NAN), DEFAULT_FOCAL_MM);
        assert_eq!(clamp_focal_mm(12.0), 12.0);
        assert_eq!(clamp_focal_mm(11.9), 12.0);
    }

    #[test]
    fn a_level_camera_measures_the_pinhole_fraction() {
        let reading = level_reading(4.0, 50.0);
        assert!(close(
            reading.height_fraction,
            H * 50.0 / (4.0 * SENSOR_HEIGHT_MM),
            1e-5
        ));
        assert!(close(reading.distance_m, 4.0, 1e-5));
        assert!(reading.in_frame);
        // 1.8 m × 50 mm / (4 m × 18.66 mm) = 1.21: about the waist up.
        assert_eq!(reading.size, ShotSize::Medium);
    }

    #[test]
    fn size_bands_start_exactly_at_their_thresholds() {
        use ShotSize::*;
        assert_eq!(ShotSize::from_height_fraction(0.0), ExtremeWide);
        assert_eq!(
            ShotSize::from_height_fraction(0.15f32.next_down()),
            ExtremeWide
        );
        assert_eq!(ShotSize::from_height_fraction(0.15), Wide);
        assert_eq!(ShotSize::from_height_fraction(0.9f32.next_down()), Wide);
        assert_eq!(ShotSize::from_height_fraction(0.9), Medium);
        assert_eq!(ShotSize::from_height_fraction(2.5f32.next_down()), Medium);
        assert_eq!(ShotSize::from_height_fraction(2.5), CloseUp);
        assert_eq!(ShotSize::from_height_fraction(40.0), CloseUp);
        assert_eq!(ShotSize::from_height_fraction(f32::NAN), ExtremeWide);
    }

    #[test]
    fn camera_distance_just_either_side_of_each_size_threshold() {
        use ShotSize::*;
        let thresholds = [
            (EXTREME_WIDE_BELOW, ExtremeWide, Wide),
            (WIDE_BELOW, Wide, Medium),
            (MEDIUM_BELOW, Medium, CloseUp),
        ];
        for (threshold, below, above) in thresholds {
            for focal_mm in [24.0, 85.0] {
                let farther =
                    level_reading(distance_for_fraction(threshold * 0.999, focal_mm), focal_mm);
                let nearer =
                    level_reading(distance_for_fraction(threshold * 1.001, focal_mm), focal_mm);
                assert!(
                    farther.height_fraction < threshold
                        && farther.height_fraction > threshold * 0.998,
                    "{threshold} at {focal_mm} mm: {}",
                    farther.height_fraction
                );
                assert!(
                    nearer.height_fraction >= threshold
                        && nearer.height_fraction < threshold * 1.002,
                    "{threshold} at {focal_mm} mm: {}",
                    nearer.height_fraction
                );
                assert_eq!(farther.size, below, "{threshold} at {focal_mm} mm");
                assert_eq!(nearer.size, above, "{threshold} at {focal_mm} mm");
                assert!(farther.in_frame && nearer.in_frame);
            }
        }
    }

    #[test]
    fn a_longer_lens_makes_the_same_shot_tighter() {
        let wide_lens = level_reading(3.0, 24.0);
        let long_lens = level_reading(3.0, 100.0);
        assert!(close(
            long_lens.height_fraction / wide_lens.height_fraction,
            100.0 / 24.0,
            1e-4
        ));
    }

    #[test]
    fn angle_bands_start_just_past_ten_degrees() {
        use CameraAngle::*;
        assert_eq!(CameraAngle::from_elevation_deg(10.0), EyeLevel);
        assert_eq!(CameraAngle::from_elevation_deg(10.0f32.next_up()), High);
        assert_eq!(CameraAngle::from_elevation_deg(-10.0), EyeLevel);
        assert_eq!(CameraAngle::from_elevation_deg((-10.0f32).next_down()), Low);
        assert_eq!(CameraAngle::from_elevation_deg(0.0), EyeLevel);
    }

    #[test]
    fn camera_elevation_just_either_side_of_each_angle_threshold() {
        use CameraAngle::*;
        for (elevation, expected) in [
            (9.9, EyeLevel),
            (10.1, High),
            (-9.9, EyeLevel),
            (-10.1, Low),
        ] {
            let reading = classify_frame(
                camera_at_elevation(elevation),
                Vec3::new(0.0, 0.5 * H, 0.0),
                35.0,
                Vec3::ZERO,
                H,
            );
            assert!(
                close(reading.angle_deg, elevation, 1e-3),
                "{elevation}: measured {}",
                reading.angle_deg
            );
            assert_eq!(reading.angle, expected, "{elevation}");
            assert!(reading.in_frame);
        }
    }

    #[test]
    fn the_reading_does_not_depend_on_where_the_scene_stands() {
        let shift = Vec3::new(7.0, 0.0, -3.0);
        let eye = camera_at_elevation(25.0);
        let aim = Vec3::new(0.3, 0.8, 0.0);
        let here = classify_frame(eye, aim, 40.0, Vec3::ZERO, H);
        let there = classify_frame(eye + shift, aim + shift, 40.0, shift, H);
        assert!(close(here.height_fraction, there.height_fraction, 1e-4));
        assert!(close(here.angle_deg, there.angle_deg, 1e-3));
        assert!(close(here.distance_m, there.distance_m, 1e-4));
        assert_eq!(here.angle, CameraAngle::High);
    }

    #[test]
    fn a_subject_just_inside_or_outside_the_side_of_the_frame() {
        let distance = 6.0;
        let edge = distance * SENSOR_WIDTH_MM / (2.0 * 35.0);
        let camera = Vec3::new(0.0, 0.5 * H, distance);
        let aim = Vec3::new(0.0, 0.5 * H, 0.0);
        let inside = classify_frame(camera, aim, 35.0, Vec3::new(0.99 * edge, 0.0, 0.0), H);
        let outside = classify_frame(camera, aim, 35.0, Vec3::new(1.01 * edge, 0.0, 0.0), H);
        assert!(inside.in_frame);
        assert!(!outside.in_frame);
        let left = classify_frame(camera, aim, 35.0, Vec3::new(-1.01 * edge, 0.0, 0.0), H);
        assert!(!left.in_frame);
    }

    #[test]
    fn a_subject_behind_the_camera_is_not_in_the_frame() {
        // The camera looks away from the subject, along +Z.
        let reading = classify_frame(
            Vec3::new(0.0, 0.9, 6.0),
            Vec3::new(0.0, 0.9, 12.0),
            35.0,
            Vec3::ZERO,
            H,
        );
        assert!(!reading.in_frame);
        assert_eq!(reading.height_fraction, 0.0);
        assert!(close(reading.distance_m, 6.0, 1e-5));
    }

    #[test]
    fn a_subject_off_to_the_side_is_not_in_the_frame() {
        // Aimed 60° away from the subject; a 35 mm lens sees about 20° either side.
        let camera = Vec3::new(0.0, 0.9, 6.0);
        let away = Vec3::new(60f32.to_radians().sin(), 0.0, -60f32.to_radians().cos());
        let reading = classify_frame(camera, camera + away, 35.0, Vec3::ZERO, H);
        assert!(!reading.in_frame);
        assert!(reading.height_fraction > 0.0);
    }

    #[test]
    fn a_close_up_on_the_eyes_is_in_the_frame_but_one_on_the_feet_is_not() {
        let eyes = Vec3::new(0.0, EYE_LINE_FRACTION * H, 0.0);
        let face = classify_frame(eyes + Vec3::Z * 1.2, eyes, 85.0, Vec3::ZERO, H);
        assert_eq!(face.size, ShotSize::CloseUp);
        assert!(
            face.in_frame,
            "the eyes count even when the middle is cropped out"
        );
        let feet = classify_frame(Vec3::new(0.0, 0.3, 1.0), Vec3::ZERO, 85.0, Vec3::ZERO, H);
        assert!(!feet.in_frame);
    }

    #[test]
    fn only_the_part_in_front_of_the_near_plane_is_measured() {
        let projection = Mat4::perspective_rh(
            vertical_fov_radians(50.0),
            FRAME_ASPECT,
            NEAR_PLANE_M,
            FAR_PLANE_M,
        );
        let tan_half = (0.5 * vertical_fov_radians(50.0)).tan();
        // From (0, 0, -1) in front to (0, 1, 1) behind: cut at z = -0.05, y = 0.475.
        let fraction = projected_height_fraction(
            &projection,
            Vec3::new(0.0, 0.0, -1.0),
            Vec3::new(0.0, 1.0, 1.0),
        );
        assert!(
            close(fraction, 0.5 * (0.475 / 0.05) / tan_half, 1e-3),
            "{fraction}"
        );
        let swapped = projected_height_fraction(
            &projection,
            Vec3::new(0.0, 1.0, 1.0),
            Vec3::new(0.0, 0.0, -1.0),
        );
        assert!(close(fraction, swapped, 1e-4));
        let both_behind = projected_height_fraction(
            &projection,
            Vec3::new(0.0, 0.0, 1.0),
            Vec3::new(0.0, 1.0, 2.0),
        );
        assert_eq!(both_behind, 0.0);
    }

    #[test]
    fn looking_straight_down_or_with_broken_numbers_still_gives_a_reading() {
        let down = classify_frame(Vec3::new(0.0, 10.0, 0.0), Vec3::ZERO, 35.0, Vec3::ZERO, H);
        assert!(down.in_frame);
        assert!(close(down.angle_deg, 90.0, 1e-3));
        assert!(down.height_fraction.is_finite());
        let broken = classify_frame(Vec3::NAN, Vec3::ZERO, 35.0, Vec3::ZERO, H);
        assert!(!broken.in_frame);
        assert_eq!(broken.height_fraction, 0.0);
    }
}
