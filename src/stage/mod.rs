//! Stop 2's virtual-production stage, the Bevy side. The maths is in the pure modules
//! (`led`, `projection`, `moire`, `tracking`, `virtual_scene`); these plugins turn it into
//! entities: the virtual world on its own render layer, the inner-frustum and outer-frustum
//! cameras that render it, the LED wall whose shader shows their pictures pixel by pixel, and
//! the cinema camera that films the result.

use bevy::camera::visibility::RenderLayers;
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

/// The virtual world's sun is two lights, alike but for shadows, each on a layer of its own, and
/// a camera filming the world sees one of them. The pictures the lens films (the inner frustum,
/// the direct view) see the one that casts shadows. The outer frustum only lights the set and
/// shows in reflections and the witness view, so it sees the one that does not, as real stages
/// render their outer frustum more cheaply: a shadow map is drawn for every camera that sees a
/// shadow-casting light, and there are six outer-frustum cameras.
pub const SHADOWED_SUN_LAYER: usize = 2;
/// See [`SHADOWED_SUN_LAYER`].
pub const PLAIN_SUN_LAYER: usize = 3;

/// The layers of a camera filming the virtual world: its geometry and one of its two suns.
pub fn virtual_view_layers(shadowed: bool) -> RenderLayers {
    let sun = if shadowed {
        SHADOWED_SUN_LAYER
    } else {
        PLAIN_SUN_LAYER
    };
    RenderLayers::from_layers(&[VIRTUAL_LAYER, sun])
}

/// The layers of the virtual world's geometry: a light casts shadows only from what shares a
/// layer with it, so the world is on the shadowed sun's layer too.
pub fn virtual_geometry_layers() -> RenderLayers {
    RenderLayers::from_layers(&[VIRTUAL_LAYER, SHADOWED_SUN_LAYER])
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_camera_filming_the_world_sees_one_sun_and_only_the_lens_pictures_get_shadows() {
        let shadowed_sun = RenderLayers::layer(SHADOWED_SUN_LAYER);
        let plain_sun = RenderLayers::layer(PLAIN_SUN_LAYER);
        let lens = virtual_view_layers(true);
        let outer = virtual_view_layers(false);
        assert!(lens.intersects(&shadowed_sun) && !lens.intersects(&plain_sun));
        assert!(outer.intersects(&plain_sun) && !outer.intersects(&shadowed_sun));
        // Both see the world, and the shadowed sun sees it too: its shadow casters are what
        // shares a layer with it.
        let world = virtual_geometry_layers();
        assert!(world.intersects(&lens) && world.intersects(&outer));
        assert!(world.intersects(&shadowed_sun));
        // The lot's camera (layer 0) sees neither sun nor the world.
        let lot = RenderLayers::layer(0);
        for layers in [&world, &shadowed_sun, &plain_sun] {
            assert!(!lot.intersects(layers));
        }
    }
}
