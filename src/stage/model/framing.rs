//! What the cinema camera sees on the stage, as plain maths: where the actor stands, how tall
//! they are in the picture, and the moiré risk where the lens meets the wall. Shared by the
//! stage's wall shader, its benchmark and any level filmed on the stage. Plain Rust, no Bevy.

use glam::Vec3;

use crate::stage::model::led::StageGeometry;
use crate::stage::model::moire;
use crate::stage::model::projection::{self, CameraPose, Lens};

/// The actor: standing here, this tall (metres, stage coordinates).
pub const ACTOR_FEET: Vec3 = Vec3::new(0.0, 0.0, -2.5);
pub const ACTOR_HEIGHT_M: f32 = 1.8;
/// A 4.6K Super 35 sensor: 24.89 mm over 4608 photosites.
pub const PHOTOSITE_UM: f32 = 24.89 / 4608.0 * 1000.0;

/// The actor's height in the picture as a fraction of the frame height (0 if not in front).
pub fn subject_height_fraction(pose: &CameraPose, lens: &Lens) -> f32 {
    let view = pose.view_from_world();
    let tan_half = (lens.vertical_fov() / 2.0).tan();
    let ndc_y = |p: Vec3| {
        let v = view.transform_point3(p);
        (v.z < -0.01).then(|| v.y / (-v.z) / tan_half)
    };
    match (
        ndc_y(ACTOR_FEET),
        ndc_y(ACTOR_FEET + Vec3::Y * ACTOR_HEIGHT_M),
    ) {
        (Some(bottom), Some(top)) => ((top - bottom) / 2.0).max(0.0),
        _ => 0.0,
    }
}

/// The moiré risk where the lens points at the wall.
pub fn moire_at(
    geometry: &StageGeometry,
    pose: &CameraPose,
    lens: &Lens,
) -> Option<moire::MoireAssessment> {
    let (hit, _) = projection::intersect_wall(geometry, pose.position, pose.forward())?;
    let distance = hit.distance(pose.position);
    moire::assess(
        geometry.pixel_pitch_mm(),
        lens.focal_mm,
        lens.f_number,
        distance,
        lens.focus_distance_m,
        PHOTOSITE_UM,
    )
    .ok()
}
