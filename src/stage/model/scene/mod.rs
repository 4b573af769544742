//! Virtual scenes for the LED volume: the game-engine environments the wall shows, described as
//! data and built procedurally.
//!
//! A [`SceneDescription`] (one RON file under `scenes/`, editable by teachers) names a sky, a
//! sun, fog, a ground and a short list of [`Layer`]s: procedural generators such as a city of
//! [`Buildings`], a broadcast [`Tower`], a ring of [`Mountains`], glowing [`Crystals`] or
//! [`Moons`] in the sky. [`build`] turns a description into plain [`Primitive`]s (boxes,
//! spheres, cones, cylinders, planes) that a renderer can spawn one by one.
//!
//! # Determinism
//!
//! Every random choice comes from a ChaCha8 generator seeded with [`SceneDescription::seed`];
//! layer `i` uses stream `i + 1` of that seed, so the same description and seed always give
//! exactly the same primitives, and editing one layer does not reshuffle the others. A
//! different seed gives a different layout of the same place.
//!
//! # Coordinates
//!
//! Stage coordinates as in [`crate::stage::model::led`]: metres, Y up, origin at the centre of the stage
//! floor (the arc centre), wall centre straight ahead along −Z. The virtual world lives beyond
//! the LED wall: no primitive's bounding sphere comes within [`STAGE_CLEAR_RADIUS_M`] of the
//! origin, and nothing but the ground plane reaches below `y = 0`.
//!
//! *Azimuths* (sun, mountains, moons) are measured from −Z (straight ahead, behind the middle
//! of the wall), positive towards +X (to the right of someone facing the wall), as in
//! [`crate::stage::model::led`]. *Elevations* are degrees above the horizon.
//!
//! # Shapes
//!
//! Every [`Shape`] is centred on its primitive's translation. Cylinders and cones stand along
//! their local +Y axis; a cone's tip is at `+height / 2` and its base at `−height / 2` (Bevy's
//! `Cone` and `Cylinder` meshes). A [`Shape::Plane`] lies in its local XZ plane facing +Y.
//!
//! # Time of day and weather
//!
//! "Directors can change time of day or weather with a few clicks": the description holds the
//! *noon, clear-sky* look; [`SceneDescription::apply_conditions`] turns it into an
//! [`Environment`] for any [`TimeOfDay`] and [`Weather`] (dusk lowers and warms the sun, night
//! swaps it for a dim blue moonlight and raises emissive windows, overcast flattens the sun and
//! thickens the fog, ...). The description's `time` and `weather` are the look it opens with.

use std::fmt;

mod batch;
mod built;
mod conditions;
mod description;
mod details;
mod facades;
mod generators;
mod helpers;
mod loading;
mod sky;
mod validate;

pub use batch::{Batch, BatchKey, batches};
pub use built::{BuiltScene, PartKind, Primitive, Shape, build};
pub use conditions::{Environment, Particles, TimeOfDay, Weather, sky_direction};
pub use description::{
    AmbientDesc, Buildings, Crystals, Dunes, FogDesc, GroundDesc, IceFloes, Layer, Moons,
    MountainStyle, Mountains, RockStyle, Rocks, SceneDescription, SkyDesc, SunDesc, Tower, XzRect,
};
pub use details::{Aurora, Flora, PowerLines, Scatter, ScatterStyle, Vehicles};
pub use loading::{
    bundled_scene_texts, bundled_scenes, check_dir, load_scene, load_scenes_with_fallback,
    parse_scene_file,
};
pub use sky::MAX_SKY_PARTS;

/// Linear RGB colour. Surface colours run from 0.0 to 1.0.
pub type Rgb = [f32; 3];

/// Most primitives one built scene may hold (ground and sky included). The renderer merges
/// them into a few meshes (see [`batches`]), so this bounds vertices, not draw calls.
pub const MAX_PRIMITIVES: usize = 16_000;
/// Largest `count` any one layer may ask for.
pub const MAX_LAYER_COUNT: u32 = 1_000;
/// Most layers in one description.
pub const MAX_LAYERS: usize = 16;
/// Most crystals in one [`Crystals`] cluster.
pub const MAX_CLUSTER: u32 = 8;
/// Most sections in a [`Tower`]'s shaft.
pub const MAX_TOWER_SECTIONS: u32 = 12;
/// No primitive's bounding sphere may come closer than this to the stage origin (metres): the
/// LED wall's radius (6 m on the default stage) plus a margin. The ground plane is exempt.
pub const STAGE_CLEAR_RADIUS_M: f32 = 10.0;
/// Largest value allowed in a light colour (sky, sun, fog, emissive glow).
pub const MAX_LIGHT_VALUE: f32 = 1000.0;

/// How often a generator tries a new random spot before giving up on one object.
const PLACEMENT_ATTEMPTS: usize = 12;
/// Colour that snow cover blends surfaces towards.
const SNOW_WHITE: Rgb = [0.86, 0.89, 0.93];
/// Colour of moonlight at night.
const MOON_BLUE: Rgb = [0.55, 0.66, 1.0];
/// Colour of a dust storm's air.
const DUST: Rgb = [0.72, 0.5, 0.3];

/// The bundled scene files, in menu order. Their text is compiled into the game as a fallback.
pub const SCENE_FILES: [&str; 4] = [
    "tokyo.ron",
    "alien_planet.ron",
    "arctic.ron",
    "desert_canyon.ron",
];

const BUNDLED_TEXTS: [&str; 4] = [
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/scenes/tokyo.ron")),
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenes/alien_planet.ron"
    )),
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/scenes/arctic.ron")),
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenes/desert_canyon.ron"
    )),
];

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Why a scene description was rejected. `file` is empty when no file name is known.
#[derive(Clone, Debug, PartialEq)]
pub enum SceneError {
    /// The RON text could not be parsed. `line` and `column` are 1-based.
    Parse {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The text parsed, but a value cannot be built. `field` is a path such as
    /// `fog.end_m` or `layers[0].Buildings.height_m`.
    Invalid {
        file: String,
        field: String,
        reason: String,
    },
    /// The file could not be read.
    Io { file: String, message: String },
}

impl SceneError {
    /// The same error, naming `file`.
    pub fn in_file(mut self, name: &str) -> Self {
        match &mut self {
            SceneError::Parse { file, .. }
            | SceneError::Invalid { file, .. }
            | SceneError::Io { file, .. } => *file = name.to_string(),
        }
        self
    }

    /// The field an [`SceneError::Invalid`] error names.
    pub fn field(&self) -> Option<&str> {
        match self {
            SceneError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl fmt::Display for SceneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = match self {
            SceneError::Parse { file, .. }
            | SceneError::Invalid { file, .. }
            | SceneError::Io { file, .. } => file,
        };
        let name = if file.is_empty() {
            "scene description"
        } else {
            file
        };
        match self {
            SceneError::Parse {
                line,
                column,
                message,
                ..
            } => write!(f, "{name}: line {line}, column {column}: {message}"),
            SceneError::Invalid { field, reason, .. } => write!(f, "{name}: `{field}` {reason}"),
            SceneError::Io { message, .. } => write!(f, "{name}: {message}"),
        }
    }
}

impl std::error::Error for SceneError {}

#[cfg(test)]
mod tests;
