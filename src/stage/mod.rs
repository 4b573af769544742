//! Stop 2's virtual-production stage, the Bevy side. The maths is in the pure modules
//! (`led`, `projection`, `moire`, `tracking`, `virtual_scene`); these plugins turn it into
//! entities: the virtual world on its own render layer, the inner-frustum and outer-frustum
//! cameras that render it, the LED wall whose shader shows their pictures pixel by pixel, and
//! the cinema camera that films the result.

use bevy::prelude::*;

pub mod cameras;
pub mod model;
pub mod quality;
pub mod set;
pub mod state;
pub mod virtual_world;
pub mod wall;

pub use set::{Actor, CameraRig, FillLight, KeyLight, VirtualLook, build_stage};
pub use state::{
    CinemaPose, StageActive, StageLights, StageSettings, StageStops, StageSystems, StageView,
    TrackedPose, Tracker, films_on_stage, is_stage_stop, sample_tracking, stage_active,
};

/// The render layer of the game-engine world shown on the wall. The physical stage (wall, floor,
/// actor, camera rig) is on layer 0, like everything else.
pub const VIRTUAL_LAYER: usize = 1;

/// The stage's state, with no renderer: settings, poses, tracking, stage lights. Part of the
/// game logic, so the Stop 2 level also runs headless in tests.
pub(crate) fn state_plugin(app: &mut App) {
    app.add_plugins(state::plugin);
}

/// The stage's rendering: its quality, wall, virtual world, cameras, the physical set.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        quality::plugin,
        wall::plugin,
        virtual_world::plugin,
        cameras::plugin,
        set::plugin,
    ));
}
