//! The 3D world: the main camera, the studio lot (the tour map) and the stops' sets.

use bevy::prelude::*;

pub mod camera;
pub mod concept_trailer;
pub mod intro_stage;
pub mod lot;
pub mod previs_set;

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        camera::plugin,
        lot::plugin,
        intro_stage::plugin,
        previs_set::plugin,
        concept_trailer::plugin,
    ));
}
