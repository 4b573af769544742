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
use std::path::Path;

use glam::{Quat, Vec2, Vec3};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// Linear RGB colour. Surface colours run from 0.0 to 1.0.
pub type Rgb = [f32; 3];

/// Most primitives one built scene may hold (ground included): a software renderer's budget.
pub const MAX_PRIMITIVES: usize = 400;
/// Largest `count` any one layer may ask for.
pub const MAX_LAYER_COUNT: u32 = 200;
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

// ---------------------------------------------------------------------------------------------
// Description (what the RON files hold)
// ---------------------------------------------------------------------------------------------

/// A virtual environment for the LED wall, as written in a `scenes/*.ron` file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SceneDescription {
    /// Short identifier (`"tokyo"`).
    pub name: String,
    /// Title shown to students.
    pub title: String,
    /// One line for students about what the place is and why it is on an LED wall.
    pub blurb: String,
    /// Seed for every random choice; change it for a different layout of the same place.
    pub seed: u64,
    /// The look the scene opens with; directors can change both in the game.
    #[serde(default)]
    pub time: TimeOfDay,
    #[serde(default)]
    pub weather: Weather,
    /// Sky colours at noon under a clear sky.
    pub sky: SkyDesc,
    /// The sun at noon under a clear sky.
    pub sun: SunDesc,
    pub ambient: AmbientDesc,
    pub fog: FogDesc,
    pub ground: GroundDesc,
    /// Procedural generators, built in order.
    pub layers: Vec<Layer>,
}

/// Sky gradient at noon under a clear sky (linear RGB, 0–1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkyDesc {
    /// Colour straight up.
    pub zenith: Rgb,
    /// Colour at the horizon.
    pub horizon: Rgb,
}

/// The sun at noon under a clear sky.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SunDesc {
    /// Highest elevation of the day, degrees above the horizon (10–90).
    pub elevation_deg: f32,
    /// Where the sun stands at noon: degrees from −Z (behind the wall), positive towards +X.
    pub azimuth_deg: f32,
    /// Colour of the light (linear RGB, 0–1); an alien sun may be tinted.
    pub color: Rgb,
    /// Illuminance in lux as the game's renderer uses it: about 10 000 is bright daylight.
    pub illuminance_lux: f32,
}

/// Light that comes from everywhere (the sky), filling in shadows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmbientDesc {
    pub color: Rgb,
    /// Brightness as Bevy's ambient light takes it (the game's default is 400).
    pub brightness: f32,
}

/// Distance fog: clear up to `start_m`, fully `color` from `end_m` on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FogDesc {
    pub color: Rgb,
    pub start_m: f32,
    pub end_m: f32,
}

/// The ground: a square plane centred on the stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroundDesc {
    pub color: Rgb,
    /// 0 = mirror-smooth (water, ice), 1 = completely matte (sand, dust).
    pub roughness: f32,
    /// Length of the square's side in metres.
    pub size_m: f32,
}

/// A rectangle on the ground: `x` and `z` ranges in metres, each `(min, max)`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XzRect {
    pub x: (f32, f32),
    pub z: (f32, f32),
}

impl XzRect {
    fn sample(&self, rng: &mut ChaCha8Rng) -> Vec2 {
        Vec2::new(pick(rng, self.x), pick(rng, self.z))
    }

    /// Distance from the stage origin to the rectangle's farthest corner.
    fn farthest_m(&self) -> f32 {
        let x = self.x.0.abs().max(self.x.1.abs());
        let z = self.z.0.abs().max(self.z.1.abs());
        Vec2::new(x, z).length()
    }
}

/// One procedural generator. In RON: `Buildings(count: 80, ...)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Layer {
    Buildings(Buildings),
    Tower(Tower),
    Mountains(Mountains),
    Rocks(Rocks),
    Crystals(Crystals),
    Moons(Moons),
    Dunes(Dunes),
    IceFloes(IceFloes),
}

/// A city block of towers. Up to 2 primitives each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Buildings {
    pub count: u32,
    pub area: XzRect,
    /// Heights `(min, max)`; low buildings are more common than tall ones.
    pub height_m: (f32, f32),
    /// Footprint side lengths `(min, max)`.
    pub width_m: (f32, f32),
    /// Façade colours; each building takes one at random.
    pub color_palette: Vec<Rgb>,
    /// Share of buildings with a broken, tilted top (0–1).
    #[serde(default)]
    pub ruined_fraction: f32,
    /// Share of the low buildings overgrown with plants (0–1).
    #[serde(default)]
    pub overgrown_fraction: f32,
    /// Colour of the overgrowth.
    #[serde(default = "default_overgrowth")]
    pub overgrowth_color: Rgb,
    /// Colour of lit windows.
    #[serde(default = "default_window")]
    pub window_color: Rgb,
    /// Glow of lit windows at noon (0 = none); night multiplies it.
    #[serde(default)]
    pub window_emissive: f32,
    /// Share of buildings with lit windows (0–1).
    #[serde(default)]
    pub lit_fraction: f32,
}

/// A broadcast tower: four legs, a shaft of stacked cylinders, two decks, an antenna and a
/// beacon. `sections + 9` primitives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tower {
    /// Where its base stands, `(x, z)`.
    pub position: (f32, f32),
    pub height_m: f32,
    /// Distance from the centre to each leg's foot.
    pub base_radius_m: f32,
    /// Number of shaft sections (2–12), alternating `color` and `band_color`.
    pub sections: u32,
    pub color: Rgb,
    pub band_color: Rgb,
    /// Colour and glow of the beacon on top.
    pub beacon_color: Rgb,
    pub beacon_emissive: f32,
    /// Lean of a damaged tower in degrees (0–15).
    #[serde(default)]
    pub lean_deg: f32,
}

/// How mountains are shaped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MountainStyle {
    /// Cones, some with a shoulder peak.
    #[default]
    Peaks,
    /// Flat-topped, banded mesas (canyon walls, buttes).
    Mesas,
}

/// Big shapes on a ring around the stage: the horizon. Up to 4 primitives each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mountains {
    pub count: u32,
    #[serde(default)]
    pub style: MountainStyle,
    /// Distance from the stage centre to each mountain's centre `(min, max)`.
    pub distance_m: (f32, f32),
    /// Arc of the horizon they stand on `(min, max)`, degrees from −Z towards +X.
    pub azimuth_deg: (f32, f32),
    pub height_m: (f32, f32),
    /// Base diameter `(min, max)`.
    pub width_m: (f32, f32),
    pub color: Rgb,
    /// Colour of snow caps (or of a mesa's top band).
    pub snow_color: Rgb,
    /// Fraction of the height where snow begins: 0.6 caps the top 40 %; 1.0 means no snow.
    pub snow_line: f32,
}

/// How rocks are shaped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RockStyle {
    /// Round boulders, some with an angular neighbour.
    #[default]
    Boulders,
    /// Two pillars and a lintel.
    Arches,
    /// A stem with a wide cone cap.
    Mushrooms,
    /// Hoodoos: stacked columns with a cap rock.
    Pillars,
}

/// Rock formations scattered over an area. Up to 3 primitives each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rocks {
    pub count: u32,
    #[serde(default)]
    pub style: RockStyle,
    pub area: XzRect,
    /// Overall size `(min, max)`: diameter, span or height depending on the style.
    pub size_m: (f32, f32),
    pub color: Rgb,
    /// Colour of caps, lintels and neighbours.
    pub accent_color: Rgb,
    /// Glow of the accent parts (0 = none), e.g. bioluminescent caps.
    #[serde(default)]
    pub accent_emissive: f32,
}

/// Clusters of glowing crystal spires (tilted cones). `per_cluster` primitives each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crystals {
    /// Number of clusters.
    pub count: u32,
    /// Crystals in each cluster (1–8).
    pub per_cluster: u32,
    pub area: XzRect,
    pub height_m: (f32, f32),
    pub radius_m: (f32, f32),
    pub color: Rgb,
    /// Glow colour (linear RGB, may exceed 1 for bloom).
    pub emissive: Rgb,
    /// Largest tilt away from vertical, degrees (0–60).
    #[serde(default)]
    pub max_tilt_deg: f32,
}

/// Large moons or planets hanging in the sky. Up to 2 primitives each (body and ring).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moons {
    pub count: u32,
    /// Distance from the stage centre, metres.
    pub distance_m: f32,
    pub elevation_deg: (f32, f32),
    pub azimuth_deg: (f32, f32),
    pub radius_m: (f32, f32),
    /// Moon colours, used in turn.
    pub colors: Vec<Rgb>,
    /// How much a moon glows on its own (0 = lit only by the sun).
    pub glow: f32,
    /// Share of moons with a ring (0–1).
    #[serde(default)]
    pub ring_fraction: f32,
    pub ring_color: Rgb,
}

/// Low mounds of sand or snow (flat cones). 1 primitive each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dunes {
    pub count: u32,
    pub area: XzRect,
    pub radius_m: (f32, f32),
    pub height_m: (f32, f32),
    pub color: Rgb,
}

/// Flat floes of sea ice, some with an iceberg. Up to 2 primitives each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IceFloes {
    pub count: u32,
    pub area: XzRect,
    /// Floe length `(min, max)`.
    pub size_m: (f32, f32),
    pub thickness_m: f32,
    pub color: Rgb,
    /// Largest tilt of a floe, degrees (0–30): tilted slabs read as pressure ridges.
    #[serde(default)]
    pub max_tilt_deg: f32,
    /// Share of floes that are icebergs (0–1).
    #[serde(default)]
    pub berg_fraction: f32,
    pub berg_height_m: (f32, f32),
}

fn default_overgrowth() -> Rgb {
    [0.16, 0.3, 0.1]
}

fn default_window() -> Rgb {
    [1.0, 0.8, 0.5]
}

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

/// Time of day, one click in the director's panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeOfDay {
    Dawn,
    #[default]
    Noon,
    Dusk,
    Night,
}

impl TimeOfDay {
    pub const ALL: [TimeOfDay; 4] = [
        TimeOfDay::Dawn,
        TimeOfDay::Noon,
        TimeOfDay::Dusk,
        TimeOfDay::Night,
    ];

    /// Button label.
    pub fn label(self) -> &'static str {
        match self {
            TimeOfDay::Dawn => "Dawn",
            TimeOfDay::Noon => "Noon",
            TimeOfDay::Dusk => "Dusk",
            TimeOfDay::Night => "Night",
        }
    }

    /// The next one, wrapping (for a single cycling button).
    pub fn next(self) -> Self {
        match self {
            TimeOfDay::Dawn => TimeOfDay::Noon,
            TimeOfDay::Noon => TimeOfDay::Dusk,
            TimeOfDay::Dusk => TimeOfDay::Night,
            TimeOfDay::Night => TimeOfDay::Dawn,
        }
    }
}

/// Weather, one click in the director's panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Weather {
    #[default]
    Clear,
    Overcast,
    Haze,
    Snow,
    DustStorm,
}

impl Weather {
    pub const ALL: [Weather; 5] = [
        Weather::Clear,
        Weather::Overcast,
        Weather::Haze,
        Weather::Snow,
        Weather::DustStorm,
    ];

    /// Button label.
    pub fn label(self) -> &'static str {
        match self {
            Weather::Clear => "Clear",
            Weather::Overcast => "Overcast",
            Weather::Haze => "Haze",
            Weather::Snow => "Snow",
            Weather::DustStorm => "Dust storm",
        }
    }

    /// The next one, wrapping.
    pub fn next(self) -> Self {
        match self {
            Weather::Clear => Weather::Overcast,
            Weather::Overcast => Weather::Haze,
            Weather::Haze => Weather::Snow,
            Weather::Snow => Weather::DustStorm,
            Weather::DustStorm => Weather::Clear,
        }
    }
}

/// Falling or blowing particles a renderer may draw (or ignore).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Particles {
    pub weather: Weather,
    pub color: Rgb,
    /// Particles per cubic metre.
    pub per_cubic_m: f32,
    /// Velocity in metres per second (stage coordinates).
    pub velocity_m_s: Vec3,
}

/// The final lighting of a scene under chosen conditions: everything a renderer needs besides
/// the primitives.
#[derive(Clone, Debug, PartialEq)]
pub struct Environment {
    pub time: TimeOfDay,
    pub weather: Weather,
    /// Elevation of the key light (the sun, or the moon at night), degrees above the horizon.
    pub sun_elevation_deg: f32,
    /// Azimuth of the key light, degrees from −Z towards +X.
    pub sun_azimuth_deg: f32,
    /// Unit vector of the direction the light *travels*: from the sun down into the scene, so
    /// `y < 0`. For a Bevy `DirectionalLight` (which shines along its forward, −Z):
    /// `Transform::default().looking_to(sun_direction, Vec3::Y)`. See [`Self::to_sun`].
    pub sun_direction: Vec3,
    pub sun_color: Rgb,
    pub sun_illuminance_lux: f32,
    pub sky_zenith: Rgb,
    pub sky_horizon: Rgb,
    pub ambient_color: Rgb,
    pub ambient_brightness: f32,
    pub fog_color: Rgb,
    pub fog_start_m: f32,
    pub fog_end_m: f32,
    /// Multiplier already applied to windows, beacons and crystals by [`build`].
    pub emissive_scale: f32,
    /// Multiplier already applied to the glow of moons and planets by [`build`].
    pub sky_glow: f32,
    /// How much snow whitens the ground (0–1); applied by [`build`].
    pub snow_cover: f32,
    pub particles: Option<Particles>,
}

impl Environment {
    /// Unit vector from the scene towards the sun (`y > 0`): `−sun_direction`.
    pub fn to_sun(&self) -> Vec3 {
        -self.sun_direction
    }

    /// A short line for the UI, e.g. "Dusk, haze: the sun is 4° above the horizon, warm
    /// orange; fog from 20 m to 300 m."
    pub fn describe(&self) -> String {
        let body = if self.time == TimeOfDay::Night {
            "the moon"
        } else {
            "the sun"
        };
        let mut text = format!(
            "{}, {}: {body} is {:.0}° above the horizon, {}",
            self.time.label(),
            self.weather.label().to_lowercase(),
            self.sun_elevation_deg,
            color_words(self.sun_color),
        );
        match self.weather {
            Weather::Overcast => text.push_str(", behind thick cloud"),
            Weather::Snow => text.push_str(", snow falling"),
            Weather::DustStorm => text.push_str(", dust blowing"),
            Weather::Clear | Weather::Haze => {}
        }
        text.push_str(&format!(
            "; fog from {:.0} m to {:.0} m.",
            self.fog_start_m, self.fog_end_m
        ));
        text
    }
}

/// Unit vector from the scene towards a point in the sky at `elevation_deg` above the horizon
/// and `azimuth_deg` from −Z towards +X.
pub fn sky_direction(elevation_deg: f32, azimuth_deg: f32) -> Vec3 {
    let (e, a) = (elevation_deg.to_radians(), azimuth_deg.to_radians());
    Vec3::new(e.cos() * a.sin(), e.sin(), -e.cos() * a.cos())
}

/// How a time of day changes the noon look.
struct TimeLook {
    elevation_deg: f32,
    azimuth_deg: f32,
    sun_color: Rgb,
    sun_scale: f32,
    /// (tint, how much of it, brightness) for the zenith and the horizon.
    zenith: (Rgb, f32, f32),
    horizon: (Rgb, f32, f32),
    ambient_scale: f32,
    emissive_scale: f32,
    sky_glow: f32,
}

impl SceneDescription {
    /// The final lighting for a time of day and weather. Starts from the description's noon,
    /// clear-sky values:
    ///
    /// * Dawn: the sun 7° up, 75° left of its noon azimuth, pink-gold, 30 % as bright.
    /// * Noon: the description as written.
    /// * Dusk: the sun 4° up, 75° right of noon, orange, 22 % as bright; windows glow more.
    /// * Night: a blue moonlight 35° up opposite the noon sun, 3 % as bright; a dark sky and
    ///   windows, beacons and crystals glowing five times as bright.
    ///
    /// Weather then acts on that: overcast dims and greys the sun and brings the fog nearer,
    /// haze brings it much nearer and tints it, snow and dust storms shorten it most and add
    /// [`Particles`] (snow also whitens the ground).
    pub fn apply_conditions(&self, time: TimeOfDay, weather: Weather) -> Environment {
        let noon_el = self.sun.elevation_deg;
        let az = self.sun.azimuth_deg;
        let sun = self.sun.color;
        let look = match time {
            TimeOfDay::Dawn => TimeLook {
                elevation_deg: noon_el.min(7.0),
                azimuth_deg: az - 75.0,
                sun_color: normalized(mul(sun, [1.0, 0.72, 0.55])),
                sun_scale: 0.3,
                zenith: ([0.42, 0.45, 0.72], 0.35, 0.6),
                horizon: ([1.0, 0.66, 0.55], 0.55, 0.85),
                ambient_scale: 0.5,
                emissive_scale: 1.5,
                sky_glow: 0.9,
            },
            TimeOfDay::Noon => TimeLook {
                elevation_deg: noon_el,
                azimuth_deg: az,
                sun_color: sun,
                sun_scale: 1.0,
                zenith: ([0.0; 3], 0.0, 1.0),
                horizon: ([0.0; 3], 0.0, 1.0),
                ambient_scale: 1.0,
                emissive_scale: 1.0,
                sky_glow: 0.6,
            },
            TimeOfDay::Dusk => TimeLook {
                elevation_deg: noon_el.min(4.0),
                azimuth_deg: az + 75.0,
                sun_color: normalized(mul(sun, [1.0, 0.6, 0.32])),
                sun_scale: 0.22,
                zenith: ([0.34, 0.26, 0.5], 0.45, 0.45),
                horizon: ([1.0, 0.48, 0.22], 0.6, 0.75),
                ambient_scale: 0.4,
                emissive_scale: 2.5,
                sky_glow: 1.0,
            },
            TimeOfDay::Night => TimeLook {
                elevation_deg: noon_el.min(35.0),
                azimuth_deg: az + 180.0,
                sun_color: normalized(mix(sun, MOON_BLUE, 0.85)),
                sun_scale: 0.03,
                zenith: ([0.01, 0.015, 0.045], 0.93, 1.0),
                horizon: ([0.03, 0.04, 0.08], 0.9, 1.0),
                ambient_scale: 0.12,
                emissive_scale: 5.0,
                sky_glow: 1.4,
            },
        };
        let tinted = |c: Rgb, (tint, amount, k): (Rgb, f32, f32)| scale(mix(c, tint, amount), k);
        let mut zenith = tinted(self.sky.zenith, look.zenith);
        let mut horizon = tinted(self.sky.horizon, look.horizon);
        let horizon_ratio = luminance(horizon) / luminance(self.sky.horizon).max(f32::MIN_POSITIVE);
        let mut sun_color = look.sun_color;
        let mut sun_lux = self.sun.illuminance_lux * look.sun_scale;
        let mut ambient_color = if time == TimeOfDay::Noon {
            self.ambient.color
        } else {
            normalized(mix(self.ambient.color, zenith, 0.5))
        };
        let mut ambient = self.ambient.brightness * look.ambient_scale;
        let mut fog_color = if time == TimeOfDay::Noon {
            self.fog.color
        } else {
            mix(scale(self.fog.color, horizon_ratio.min(1.0)), horizon, 0.5)
        };
        let (mut fog_start, mut fog_end) = (self.fog.start_m, self.fog.end_m);
        let mut sky_glow = look.sky_glow;
        let mut snow_cover = 0.0;
        let mut particles = None;
        let sky_lum = luminance(horizon);
        match weather {
            Weather::Clear => {}
            Weather::Overcast => {
                sun_lux *= 0.25;
                sun_color = mix(sun_color, grey(1.0), 0.7);
                zenith = mix(zenith, grey(sky_lum * 0.85), 0.75);
                horizon = mix(horizon, grey(sky_lum), 0.6);
                ambient *= 1.3;
                ambient_color = mix(ambient_color, grey(1.0), 0.5);
                fog_color = mix(fog_color, grey(luminance(fog_color)), 0.6);
                fog_start *= 0.5;
                fog_end *= 0.6;
                sky_glow *= 0.2;
            }
            Weather::Haze => {
                sun_lux *= 0.6;
                fog_color = mix(fog_color, mix(horizon, scale(sun_color, sky_lum), 0.3), 0.5);
                horizon = mix(horizon, fog_color, 0.5);
                fog_start *= 0.25;
                fog_end *= 0.4;
                sky_glow *= 0.6;
            }
            Weather::Snow => {
                sun_lux *= 0.2;
                sun_color = mix(sun_color, grey(1.0), 0.8);
                let white = scale([0.95, 0.97, 1.0], sky_lum.max(0.02));
                zenith = mix(zenith, scale(white, 0.9), 0.8);
                horizon = mix(horizon, white, 0.8);
                fog_color = mix(fog_color, white, 0.8);
                ambient *= 1.2;
                ambient_color = mix(ambient_color, grey(1.0), 0.6);
                fog_start *= 0.1;
                fog_end *= 0.2;
                sky_glow = 0.0;
                snow_cover = 0.85;
                particles = Some(Particles {
                    weather,
                    color: SNOW_WHITE,
                    per_cubic_m: 40.0,
                    velocity_m_s: Vec3::new(0.6, -1.2, 0.0),
                });
            }
            Weather::DustStorm => {
                sun_lux *= 0.15;
                sun_color = normalized(mul(sun_color, [1.0, 0.62, 0.38]));
                let dust = scale(DUST, (sky_lum / luminance(DUST)).min(1.2));
                zenith = mix(zenith, scale(dust, 0.8), 0.85);
                horizon = mix(horizon, dust, 0.9);
                fog_color = mix(fog_color, dust, 0.9);
                ambient_color = mix(ambient_color, normalized(DUST), 0.6);
                fog_start *= 0.05;
                fog_end *= 0.12;
                sky_glow = 0.0;
                particles = Some(Particles {
                    weather,
                    color: DUST,
                    per_cubic_m: 120.0,
                    velocity_m_s: Vec3::new(9.0, -0.3, 1.5),
                });
            }
        }
        fog_end = fog_end.max(fog_start + 1.0);
        let to_sun = sky_direction(look.elevation_deg, look.azimuth_deg);
        Environment {
            time,
            weather,
            sun_elevation_deg: look.elevation_deg,
            sun_azimuth_deg: wrap_degrees(look.azimuth_deg),
            sun_direction: -to_sun,
            sun_color,
            sun_illuminance_lux: sun_lux,
            sky_zenith: zenith,
            sky_horizon: horizon,
            ambient_color,
            ambient_brightness: ambient,
            fog_color,
            fog_start_m: fog_start,
            fog_end_m: fog_end,
            emissive_scale: look.emissive_scale,
            sky_glow,
            snow_cover,
            particles,
        }
    }

    /// The lighting the scene opens with (its own `time` and `weather`).
    pub fn default_environment(&self) -> Environment {
        self.apply_conditions(self.time, self.weather)
    }

    /// Validates, lights and builds the scene under the given conditions.
    pub fn build_with(&self, time: TimeOfDay, weather: Weather) -> Result<BuiltScene, SceneError> {
        build(self, &self.apply_conditions(time, weather))
    }

    /// Writes the description as pretty RON (without the explanatory comments).
    pub fn to_ron(&self) -> Result<String, SceneError> {
        let config = ron::ser::PrettyConfig::default()
            .extensions(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES);
        ron::ser::to_string_pretty(self, config).map_err(|e| SceneError::Invalid {
            file: String::new(),
            field: "scene".into(),
            reason: format!("could not be written as RON: {e}"),
        })
    }

    /// The most primitives this description can make (ground included).
    pub fn max_primitives(&self) -> usize {
        1 + self.layers.iter().map(Layer::max_primitives).sum::<usize>()
    }

    /// Rejects descriptions that cannot be built, naming the field.
    pub fn validate(&self) -> Result<(), SceneError> {
        for (field, text) in [
            ("name", &self.name),
            ("title", &self.title),
            ("blurb", &self.blurb),
        ] {
            if text.trim().is_empty() {
                return invalid(field, "must not be empty");
            }
        }
        if self.blurb.contains('\n') {
            return invalid("blurb", "must be a single line");
        }
        check_color("sky.zenith", self.sky.zenith)?;
        check_color("sky.horizon", self.sky.horizon)?;
        let el = self.sun.elevation_deg;
        if !(10.0..=90.0).contains(&el) {
            return invalid(
                "sun.elevation_deg",
                format!("must be between 10 and 90 (the noon sun), got {el}"),
            );
        }
        let az = self.sun.azimuth_deg;
        if !(-360.0..=360.0).contains(&az) {
            return invalid(
                "sun.azimuth_deg",
                format!("must be between -360 and 360, got {az}"),
            );
        }
        check_color("sun.color", self.sun.color)?;
        check_positive("sun.illuminance_lux", self.sun.illuminance_lux)?;
        if self.sun.illuminance_lux > 200_000.0 {
            return invalid("sun.illuminance_lux", "must be at most 200000");
        }
        check_color("ambient.color", self.ambient.color)?;
        check_non_negative("ambient.brightness", self.ambient.brightness)?;
        check_color("fog.color", self.fog.color)?;
        check_non_negative("fog.start_m", self.fog.start_m)?;
        check_positive("fog.end_m", self.fog.end_m)?;
        if self.fog.end_m <= self.fog.start_m {
            return invalid(
                "fog.end_m",
                format!(
                    "({}) must be greater than fog.start_m ({})",
                    self.fog.end_m, self.fog.start_m
                ),
            );
        }
        check_color("ground.color", self.ground.color)?;
        check_fraction("ground.roughness", self.ground.roughness)?;
        check_positive("ground.size_m", self.ground.size_m)?;
        if self.ground.size_m < 2.0 * STAGE_CLEAR_RADIUS_M {
            return invalid(
                "ground.size_m",
                format!(
                    "must be at least {} m to reach past the stage",
                    2.0 * STAGE_CLEAR_RADIUS_M
                ),
            );
        }
        if self.layers.len() > MAX_LAYERS {
            return invalid(
                "layers",
                format!(
                    "has {} layers; at most {MAX_LAYERS} are allowed",
                    self.layers.len()
                ),
            );
        }
        for (i, layer) in self.layers.iter().enumerate() {
            layer.validate(&format!("layers[{i}].{}", layer.kind_name()))?;
        }
        let most = self.max_primitives();
        if most > MAX_PRIMITIVES {
            return invalid(
                "layers",
                format!(
                    "could make up to {most} shapes; the limit is {MAX_PRIMITIVES}: lower some counts"
                ),
            );
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Built scene
// ---------------------------------------------------------------------------------------------

/// A primitive shape's size. See the module docs for the axis conventions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// Full edge lengths along local X, Y, Z.
    Cuboid {
        size: Vec3,
    },
    Sphere {
        radius: f32,
    },
    /// Tip at local `+height / 2`, base circle at `−height / 2`.
    Cone {
        radius: f32,
        height: f32,
    },
    /// Along local Y, centred.
    Cylinder {
        radius: f32,
        height: f32,
    },
    /// In the local XZ plane, facing +Y; `size` is the full extent along X and Z.
    Plane {
        size: Vec2,
    },
}

impl Shape {
    /// Radius of a sphere around the shape's centre that contains it.
    pub fn bounding_radius(&self) -> f32 {
        match *self {
            Shape::Cuboid { size } => 0.5 * size.length(),
            Shape::Sphere { radius } => radius,
            Shape::Cone { radius, height } | Shape::Cylinder { radius, height } => {
                (radius * radius + 0.25 * height * height).sqrt()
            }
            Shape::Plane { size } => 0.5 * size.length(),
        }
    }
}

/// What a primitive is, for renderers and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartKind {
    /// The ground plane (the only thing allowed under the stage).
    Ground,
    Building,
    /// A broken top of a ruined building.
    Ruin,
    /// Overgrowth on a building.
    Vegetation,
    /// Part of a tower.
    Tower,
    /// A beacon or lamp: mostly emissive.
    Light,
    Mountain,
    /// A snow cap or a mesa's top band.
    Snow,
    Rock,
    Crystal,
    Dune,
    Ice,
    /// A moon, planet or ring far away in the sky. Draw it without fog (Bevy:
    /// `StandardMaterial::fog_enabled = false`), or the fog hides it.
    SkyBody,
}

impl PartKind {
    /// Whether the part hangs in the sky (and should ignore fog).
    pub fn is_sky(self) -> bool {
        self == PartKind::SkyBody
    }
}

/// One shape to spawn: a mesh, a transform and a plain PBR material.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Primitive {
    pub kind: PartKind,
    pub shape: Shape,
    pub translation: Vec3,
    pub rotation: Quat,
    /// Base colour, linear RGB 0–1.
    pub color: Rgb,
    /// Emitted light, linear RGB (may exceed 1); already scaled for the conditions. Meant
    /// for Bevy's `StandardMaterial::emissive` with `emissive_exposure_weight` 0, where 1.0
    /// adds full brightness on screen whatever the exposure.
    pub emissive: Rgb,
    /// Perceptual roughness, 0–1.
    pub roughness: f32,
}

impl Primitive {
    fn new(kind: PartKind, shape: Shape, translation: Vec3, color: Rgb, roughness: f32) -> Self {
        Self {
            kind,
            shape,
            translation,
            rotation: Quat::IDENTITY,
            color,
            emissive: [0.0; 3],
            roughness,
        }
    }

    fn rotated(mut self, rotation: Quat) -> Self {
        self.rotation = rotation;
        self
    }

    fn glowing(mut self, emissive: Rgb) -> Self {
        self.emissive = emissive;
        self
    }

    /// Radius of a sphere around `translation` that contains the shape.
    pub fn bounding_radius(&self) -> f32 {
        self.shape.bounding_radius()
    }

    /// Height of the shape's lowest point, exactly, for any rotation.
    pub fn lowest_y(&self) -> f32 {
        let y = self.translation.y;
        let up = |axis: Vec3| (self.rotation * axis).y;
        match self.shape {
            Shape::Cuboid { size } => {
                let h = 0.5 * size;
                y - up(Vec3::X).abs() * h.x - up(Vec3::Y).abs() * h.y - up(Vec3::Z).abs() * h.z
            }
            Shape::Sphere { radius } => y - radius,
            Shape::Cylinder { radius, height } => {
                let a = up(Vec3::Y);
                y - a.abs() * 0.5 * height - radius * (1.0 - a * a).max(0.0).sqrt()
            }
            Shape::Cone { radius, height } => {
                let a = up(Vec3::Y);
                let tip = y + a * 0.5 * height;
                let rim = y - a * 0.5 * height - radius * (1.0 - a * a).max(0.0).sqrt();
                tip.min(rim)
            }
            Shape::Plane { size } => {
                y - up(Vec3::X).abs() * 0.5 * size.x - up(Vec3::Z).abs() * 0.5 * size.y
            }
        }
    }

    /// Whether the bounding sphere stays [`STAGE_CLEAR_RADIUS_M`] away from the stage origin.
    pub fn clear_of_stage(&self) -> bool {
        self.translation.length() - self.bounding_radius() >= STAGE_CLEAR_RADIUS_M
    }
}

/// A scene ready to spawn.
#[derive(Clone, Debug, PartialEq)]
pub struct BuiltScene {
    pub name: String,
    pub title: String,
    /// The ground plane first, then every layer's parts in order.
    pub primitives: Vec<Primitive>,
    pub environment: Environment,
    /// Objects left out because no spot clear of the stage was found, or the budget was full.
    pub skipped: usize,
}

/// Builds the primitives of a (validated here) description under an [`Environment`] made by
/// [`SceneDescription::apply_conditions`]. Deterministic: see the module docs.
pub fn build(desc: &SceneDescription, env: &Environment) -> Result<BuiltScene, SceneError> {
    desc.validate()?;
    let mut builder = Builder {
        env,
        primitives: Vec::new(),
        skipped: 0,
    };
    let ground = Primitive::new(
        PartKind::Ground,
        Shape::Plane {
            size: Vec2::splat(desc.ground.size_m),
        },
        Vec3::ZERO,
        mix(desc.ground.color, SNOW_WHITE, env.snow_cover),
        desc.ground.roughness,
    );
    builder.primitives.push(ground);
    for (i, layer) in desc.layers.iter().enumerate() {
        let mut rng = ChaCha8Rng::seed_from_u64(desc.seed);
        rng.set_stream(i as u64 + 1);
        match layer {
            Layer::Buildings(l) => l.generate(&mut rng, &mut builder),
            Layer::Tower(l) => l.generate(&mut rng, &mut builder),
            Layer::Mountains(l) => l.generate(&mut rng, &mut builder),
            Layer::Rocks(l) => l.generate(&mut rng, &mut builder),
            Layer::Crystals(l) => l.generate(&mut rng, &mut builder),
            Layer::Moons(l) => l.generate(&mut rng, &mut builder),
            Layer::Dunes(l) => l.generate(&mut rng, &mut builder),
            Layer::IceFloes(l) => l.generate(&mut rng, &mut builder),
        }
    }
    Ok(BuiltScene {
        name: desc.name.clone(),
        title: desc.title.clone(),
        primitives: builder.primitives,
        environment: env.clone(),
        skipped: builder.skipped,
    })
}

/// Result of offering a group of primitives to the builder.
enum Fit {
    Placed,
    /// Too close to the stage: try another spot.
    Blocked,
    /// The primitive budget is spent.
    Full,
}

struct Builder<'a> {
    env: &'a Environment,
    primitives: Vec<Primitive>,
    skipped: usize,
}

impl Builder<'_> {
    /// Lifts the group so nothing is under the ground, then keeps it if every part clears the
    /// stage and the budget allows.
    fn offer(&mut self, mut group: Vec<Primitive>) -> Fit {
        let lowest = group
            .iter()
            .map(Primitive::lowest_y)
            .fold(f32::INFINITY, f32::min);
        if lowest < 0.0 {
            for p in &mut group {
                p.translation.y -= lowest;
            }
        }
        if !group.iter().all(Primitive::clear_of_stage) {
            return Fit::Blocked;
        }
        if self.primitives.len() + group.len() > MAX_PRIMITIVES {
            return Fit::Full;
        }
        let cover = self.env.snow_cover * 0.4;
        for mut p in group {
            if cover > 0.0 && !p.kind.is_sky() && p.kind != PartKind::Light {
                p.color = mix(p.color, SNOW_WHITE, cover);
            }
            self.primitives.push(p);
        }
        Fit::Placed
    }

    /// Makes a group with `make` until one fits (a few tries) or counts it as skipped.
    fn place(
        &mut self,
        rng: &mut ChaCha8Rng,
        mut make: impl FnMut(&mut ChaCha8Rng) -> Vec<Primitive>,
    ) {
        for _ in 0..PLACEMENT_ATTEMPTS {
            match self.offer(make(rng)) {
                Fit::Placed => return,
                Fit::Blocked => {}
                Fit::Full => break,
            }
        }
        self.skipped += 1;
    }
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

impl Layer {
    /// The variant's name as written in RON.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Layer::Buildings(_) => "Buildings",
            Layer::Tower(_) => "Tower",
            Layer::Mountains(_) => "Mountains",
            Layer::Rocks(_) => "Rocks",
            Layer::Crystals(_) => "Crystals",
            Layer::Moons(_) => "Moons",
            Layer::Dunes(_) => "Dunes",
            Layer::IceFloes(_) => "IceFloes",
        }
    }

    /// The most primitives this layer can make.
    pub fn max_primitives(&self) -> usize {
        let n = |count: u32| count as usize;
        match self {
            Layer::Buildings(l) => 2 * n(l.count),
            Layer::Tower(l) => n(l.sections) + 9,
            Layer::Mountains(l) => 4 * n(l.count),
            Layer::Rocks(l) => 3 * n(l.count),
            Layer::Crystals(l) => n(l.count) * n(l.per_cluster),
            Layer::Moons(l) => 2 * n(l.count),
            Layer::Dunes(l) => n(l.count),
            Layer::IceFloes(l) => 2 * n(l.count),
        }
    }

    fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        match self {
            Layer::Buildings(l) => {
                check_count(&f("count"), l.count)?;
                check_area(&f("area"), &l.area)?;
                check_range(&f("height_m"), l.height_m, true)?;
                check_range(&f("width_m"), l.width_m, true)?;
                if l.color_palette.is_empty() {
                    return invalid(f("color_palette"), "needs at least one colour");
                }
                for (i, c) in l.color_palette.iter().enumerate() {
                    check_color(&f(&format!("color_palette[{i}]")), *c)?;
                }
                check_fraction(&f("ruined_fraction"), l.ruined_fraction)?;
                check_fraction(&f("overgrown_fraction"), l.overgrown_fraction)?;
                check_color(&f("overgrowth_color"), l.overgrowth_color)?;
                check_color(&f("window_color"), l.window_color)?;
                check_glow(&f("window_emissive"), l.window_emissive)?;
                check_fraction(&f("lit_fraction"), l.lit_fraction)
            }
            Layer::Tower(l) => {
                check_finite(&f("position"), l.position.0)?;
                check_finite(&f("position"), l.position.1)?;
                check_positive(&f("height_m"), l.height_m)?;
                check_positive(&f("base_radius_m"), l.base_radius_m)?;
                if !(2..=MAX_TOWER_SECTIONS).contains(&l.sections) {
                    return invalid(
                        f("sections"),
                        format!("must be 2 to {MAX_TOWER_SECTIONS}, got {}", l.sections),
                    );
                }
                check_color(&f("color"), l.color)?;
                check_color(&f("band_color"), l.band_color)?;
                check_color(&f("beacon_color"), l.beacon_color)?;
                check_glow(&f("beacon_emissive"), l.beacon_emissive)?;
                if !(0.0..=15.0).contains(&l.lean_deg) {
                    return invalid(
                        f("lean_deg"),
                        format!("must be 0 to 15, got {}", l.lean_deg),
                    );
                }
                let distance = Vec2::new(l.position.0, l.position.1).length();
                let needed = STAGE_CLEAR_RADIUS_M + 1.5 * l.base_radius_m + 0.5 * l.height_m;
                if distance < needed {
                    return invalid(
                        f("position"),
                        format!(
                            "is {distance:.0} m from the stage; a tower this size needs at least {needed:.0} m"
                        ),
                    );
                }
                Ok(())
            }
            Layer::Mountains(l) => {
                check_count(&f("count"), l.count)?;
                check_range(&f("distance_m"), l.distance_m, true)?;
                check_range(&f("azimuth_deg"), l.azimuth_deg, false)?;
                check_range(&f("height_m"), l.height_m, true)?;
                check_range(&f("width_m"), l.width_m, true)?;
                check_color(&f("color"), l.color)?;
                check_color(&f("snow_color"), l.snow_color)?;
                check_fraction(&f("snow_line"), l.snow_line)?;
                let needed = STAGE_CLEAR_RADIUS_M + 0.8 * l.width_m.1 + 0.5 * l.height_m.1;
                if l.distance_m.0 < needed {
                    return invalid(
                        f("distance_m"),
                        format!(
                            "starts at {} m; mountains up to {} m wide and {} m high need at least {needed:.0} m",
                            l.distance_m.0, l.width_m.1, l.height_m.1
                        ),
                    );
                }
                Ok(())
            }
            Layer::Rocks(l) => {
                check_count(&f("count"), l.count)?;
                check_area(&f("area"), &l.area)?;
                check_range(&f("size_m"), l.size_m, true)?;
                check_color(&f("color"), l.color)?;
                check_color(&f("accent_color"), l.accent_color)?;
                check_glow(&f("accent_emissive"), l.accent_emissive)
            }
            Layer::Crystals(l) => {
                check_count(&f("count"), l.count)?;
                if !(1..=MAX_CLUSTER).contains(&l.per_cluster) {
                    return invalid(
                        f("per_cluster"),
                        format!("must be 1 to {MAX_CLUSTER}, got {}", l.per_cluster),
                    );
                }
                check_area(&f("area"), &l.area)?;
                check_range(&f("height_m"), l.height_m, true)?;
                check_range(&f("radius_m"), l.radius_m, true)?;
                check_color(&f("color"), l.color)?;
                check_light(&f("emissive"), l.emissive)?;
                if !(0.0..=60.0).contains(&l.max_tilt_deg) {
                    return invalid(
                        f("max_tilt_deg"),
                        format!("must be 0 to 60, got {}", l.max_tilt_deg),
                    );
                }
                Ok(())
            }
            Layer::Moons(l) => {
                check_count(&f("count"), l.count)?;
                check_positive(&f("distance_m"), l.distance_m)?;
                if l.distance_m < 100.0 {
                    return invalid(
                        f("distance_m"),
                        "must be at least 100 m (they are in the sky)",
                    );
                }
                check_range(&f("elevation_deg"), l.elevation_deg, false)?;
                if l.elevation_deg.0 < 0.0 || l.elevation_deg.1 > 85.0 {
                    return invalid(f("elevation_deg"), "must lie between 0 and 85 degrees");
                }
                check_range(&f("azimuth_deg"), l.azimuth_deg, false)?;
                check_range(&f("radius_m"), l.radius_m, true)?;
                if l.radius_m.1 * 2.2 > l.distance_m * 0.5 {
                    return invalid(
                        f("radius_m"),
                        "is too large for the distance: keep it under a fifth of distance_m",
                    );
                }
                if l.colors.is_empty() {
                    return invalid(f("colors"), "needs at least one colour");
                }
                for (i, c) in l.colors.iter().enumerate() {
                    check_color(&f(&format!("colors[{i}]")), *c)?;
                }
                check_glow(&f("glow"), l.glow)?;
                check_fraction(&f("ring_fraction"), l.ring_fraction)?;
                check_color(&f("ring_color"), l.ring_color)
            }
            Layer::Dunes(l) => {
                check_count(&f("count"), l.count)?;
                check_area(&f("area"), &l.area)?;
                check_range(&f("radius_m"), l.radius_m, true)?;
                check_range(&f("height_m"), l.height_m, true)?;
                check_color(&f("color"), l.color)
            }
            Layer::IceFloes(l) => {
                check_count(&f("count"), l.count)?;
                check_area(&f("area"), &l.area)?;
                check_range(&f("size_m"), l.size_m, true)?;
                check_positive(&f("thickness_m"), l.thickness_m)?;
                check_color(&f("color"), l.color)?;
                if !(0.0..=30.0).contains(&l.max_tilt_deg) {
                    return invalid(
                        f("max_tilt_deg"),
                        format!("must be 0 to 30, got {}", l.max_tilt_deg),
                    );
                }
                check_fraction(&f("berg_fraction"), l.berg_fraction)?;
                check_range(&f("berg_height_m"), l.berg_height_m, true)
            }
        }
    }
}

impl Buildings {
    fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = b.env.emissive_scale;
        let (lo, hi) = self.height_m;
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                let (w, d) = (pick(rng, self.width_m), pick(rng, self.width_m));
                let u: f32 = rng.random();
                let h = lo + (hi - lo) * u.powf(1.6);
                let yaw = Quat::from_rotation_y(pick(rng, (-0.08, 0.08)));
                let base = self.color_palette[rng.random_range(0..self.color_palette.len())];
                let mut color = scale(base, pick(rng, (0.85, 1.1))).map(|c| c.min(1.0));
                let ruined = rng.random::<f32>() < self.ruined_fraction;
                let low = h <= lo + 0.35 * (hi - lo);
                let overgrown = !ruined && low && rng.random::<f32>() < self.overgrown_fraction;
                let lit_chance = if ruined { 0.3 } else { 1.0 } * self.lit_fraction;
                let lit = rng.random::<f32>() < lit_chance;
                let emissive = if lit {
                    scale(
                        self.window_color,
                        self.window_emissive * pick(rng, (0.4, 1.0)) * glow,
                    )
                } else {
                    [0.0; 3]
                };
                if overgrown {
                    color = mix(color, self.overgrowth_color, 0.45);
                }
                let body_h = if ruined {
                    h * pick(rng, (0.55, 0.85))
                } else {
                    h
                };
                let body = Primitive::new(
                    PartKind::Building,
                    Shape::Cuboid {
                        size: Vec3::new(w, body_h, d),
                    },
                    Vec3::new(at.x, 0.5 * body_h, at.y),
                    color,
                    0.85,
                )
                .rotated(yaw)
                .glowing(emissive);
                let mut group = vec![body];
                if ruined {
                    let size = Vec3::new(
                        w * pick(rng, (0.6, 0.95)),
                        (h * pick(rng, (0.08, 0.2))).max(1.5),
                        d * pick(rng, (0.6, 0.95)),
                    );
                    let axis_angle = pick(rng, (0.0, std::f32::consts::TAU));
                    let axis = Vec3::new(axis_angle.cos(), 0.0, axis_angle.sin());
                    let tilt = Quat::from_axis_angle(axis, pick(rng, (10.0, 35.0)).to_radians());
                    let shift = yaw * Vec3::new(pick(rng, (-0.15, 0.15)) * w, 0.0, 0.0);
                    let mut top = Primitive::new(
                        PartKind::Ruin,
                        Shape::Cuboid { size },
                        Vec3::new(at.x, body_h, at.y) + shift,
                        scale(color, 0.8),
                        0.95,
                    )
                    .rotated(tilt * yaw);
                    // Rest the slab on the broken top, sunk a little into it.
                    top.translation.y += body_h - 0.3 * size.y - top.lowest_y();
                    group.push(top);
                } else if overgrown {
                    let cap_h = pick(rng, (1.0, 3.0));
                    group.push(
                        Primitive::new(
                            PartKind::Vegetation,
                            Shape::Cuboid {
                                size: Vec3::new(w * 1.06, cap_h, d * 1.06),
                            },
                            Vec3::new(at.x, body_h + 0.5 * cap_h - 0.3, at.y),
                            scale(self.overgrowth_color, pick(rng, (0.8, 1.1))).map(|c| c.min(1.0)),
                            1.0,
                        )
                        .rotated(yaw),
                    );
                }
                group
            });
        }
    }
}

impl Tower {
    fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = b.env.emissive_scale;
        b.place(rng, |rng| {
            let (h, r) = (self.height_m, self.base_radius_m);
            let mut parts = Vec::new();
            // Four legs from the ground to the main deck.
            let deck_y = 0.3 * h;
            for k in 0..4 {
                let angle = std::f32::consts::FRAC_PI_4 + k as f32 * std::f32::consts::FRAC_PI_2;
                let dir = Vec3::new(angle.cos(), 0.0, angle.sin());
                let foot = dir * r;
                let top = dir * (0.25 * r) + Vec3::Y * deck_y;
                let along = top - foot;
                parts.push(
                    Primitive::new(
                        PartKind::Tower,
                        Shape::Cylinder {
                            radius: (0.08 * r).max(0.3),
                            height: along.length(),
                        },
                        0.5 * (foot + top),
                        self.color,
                        0.6,
                    )
                    .rotated(Quat::from_rotation_arc(Vec3::Y, along.normalize())),
                );
            }
            let disc = |radius: f32, height: f32, y: f32, color: Rgb| {
                Primitive::new(
                    PartKind::Tower,
                    Shape::Cylinder { radius, height },
                    Vec3::Y * y,
                    color,
                    0.6,
                )
            };
            parts.push(disc(0.55 * r, (0.02 * h).max(2.0), deck_y, self.band_color));
            // The shaft: stacked, narrowing sections in alternating colours.
            let (y0, y1) = (deck_y, 0.82 * h);
            let n = self.sections;
            let step = (y1 - y0) / n as f32;
            for i in 0..n {
                let t = i as f32 / n as f32;
                let radius = (0.3 + (0.08 - 0.3) * t) * r;
                let color = if i % 2 == 0 {
                    self.color
                } else {
                    self.band_color
                };
                parts.push(disc(radius, step, y0 + (i as f32 + 0.5) * step, color));
            }
            parts.push(disc(
                0.3 * r,
                (0.015 * h).max(1.5),
                0.62 * h,
                self.band_color,
            ));
            // Antenna, tip and beacon.
            let antenna = 0.15 * h;
            parts.push(disc(
                (0.03 * r).max(0.3),
                antenna,
                y1 + 0.5 * antenna,
                self.color,
            ));
            let tip = 0.03 * h;
            parts.push(Primitive::new(
                PartKind::Tower,
                Shape::Cone {
                    radius: (0.05 * r).max(0.4),
                    height: tip,
                },
                Vec3::Y * (y1 + antenna + 0.5 * tip),
                self.band_color,
                0.6,
            ));
            let beacon_r = (0.05 * r).max(0.8);
            parts.push(
                Primitive::new(
                    PartKind::Light,
                    Shape::Sphere { radius: beacon_r },
                    Vec3::Y * (y1 + antenna + tip + beacon_r),
                    self.beacon_color,
                    0.3,
                )
                .glowing(scale(self.beacon_color, self.beacon_emissive * glow)),
            );
            // Lean the whole tower about its base, towards a random side.
            let side = pick(rng, (0.0, std::f32::consts::TAU));
            let lean = Quat::from_axis_angle(
                Vec3::new(side.cos(), 0.0, side.sin()),
                self.lean_deg.to_radians(),
            );
            let base = Vec3::new(self.position.0, 0.0, self.position.1);
            for p in &mut parts {
                p.translation = base + lean * p.translation;
                p.rotation = lean * p.rotation;
            }
            parts
        });
    }
}

impl Mountains {
    fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let az = pick(rng, self.azimuth_deg);
                let dist = pick(rng, self.distance_m);
                let (h, r) = (pick(rng, self.height_m), 0.5 * pick(rng, self.width_m));
                let out = sky_direction(0.0, az);
                let centre = out * dist;
                let color = scale(self.color, pick(rng, (0.85, 1.1))).map(|c| c.min(1.0));
                match self.style {
                    MountainStyle::Peaks => {
                        let mut group = Vec::new();
                        let peak = |at: Vec3, r: f32, h: f32, group: &mut Vec<Primitive>| {
                            group.push(Primitive::new(
                                PartKind::Mountain,
                                Shape::Cone {
                                    radius: r,
                                    height: h,
                                },
                                at + Vec3::Y * (0.5 * h),
                                color,
                                0.95,
                            ));
                            // The cap is a little fatter than the slope it covers, so
                            // the two surfaces never coincide.
                            let f = 1.0 - self.snow_line;
                            if self.snow_line < 0.98 {
                                let cap_h = h * f * 1.01;
                                group.push(Primitive::new(
                                    PartKind::Snow,
                                    Shape::Cone {
                                        radius: r * f * 1.06,
                                        height: cap_h,
                                    },
                                    at + Vec3::Y * (h * 1.005 - 0.5 * cap_h),
                                    self.snow_color,
                                    0.7,
                                ));
                            }
                        };
                        peak(centre, r, h, &mut group);
                        if rng.random::<f32>() < 0.6 {
                            let side = Vec3::new(-out.z, 0.0, out.x);
                            let offset = side * (r * pick(rng, (0.4, 0.9)));
                            let sign = if rng.random::<bool>() { 1.0 } else { -1.0 };
                            let (sr, sh) =
                                (r * pick(rng, (0.45, 0.7)), h * pick(rng, (0.45, 0.75)));
                            peak(centre + offset * sign, sr, sh, &mut group);
                        }
                        group
                    }
                    MountainStyle::Mesas => {
                        let band = h / 3.0;
                        let shades = [1.0, 0.82, 1.08];
                        let mut group: Vec<Primitive> = (0..3)
                            .map(|i| {
                                let radius = r * (1.0 - 0.06 * i as f32);
                                Primitive::new(
                                    PartKind::Mountain,
                                    Shape::Cylinder {
                                        radius,
                                        height: band,
                                    },
                                    centre + Vec3::Y * ((i as f32 + 0.5) * band),
                                    scale(color, shades[i]).map(|c| c.min(1.0)),
                                    0.95,
                                )
                            })
                            .collect();
                        if self.snow_line < 0.98 {
                            let cap = (0.04 * h).max(0.5);
                            group.push(Primitive::new(
                                PartKind::Snow,
                                Shape::Cylinder {
                                    radius: r * 0.88 * 1.01,
                                    height: cap,
                                },
                                centre + Vec3::Y * (h + 0.5 * cap - 0.1),
                                self.snow_color,
                                0.8,
                            ));
                        }
                        group
                    }
                }
            });
        }
    }
}

impl Rocks {
    fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = scale(
            self.accent_color,
            self.accent_emissive * b.env.emissive_scale,
        );
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                let ground = Vec3::new(at.x, 0.0, at.y);
                let s = pick(rng, self.size_m);
                let yaw = Quat::from_rotation_y(pick(rng, (0.0, std::f32::consts::TAU)));
                let color = scale(self.color, pick(rng, (0.85, 1.1))).map(|c| c.min(1.0));
                let rock = |shape, at, color| Primitive::new(PartKind::Rock, shape, at, color, 0.9);
                match self.style {
                    RockStyle::Boulders => {
                        let r = 0.5 * s;
                        let mut group = vec![rock(
                            Shape::Sphere { radius: r },
                            ground + Vec3::Y * r,
                            color,
                        )];
                        if rng.random::<f32>() < 0.5 {
                            let side = yaw * Vec3::X * (r * 1.3);
                            let tilt = Quat::from_rotation_z(pick(rng, (-0.4, 0.4)));
                            group.push(
                                rock(
                                    Shape::Cuboid {
                                        size: Vec3::splat(0.6 * s),
                                    },
                                    ground + side + Vec3::Y * (0.3 * s),
                                    self.accent_color,
                                )
                                .rotated(yaw * tilt)
                                .glowing(glow),
                            );
                        }
                        group
                    }
                    RockStyle::Arches => {
                        let pillar_h = s * pick(rng, (0.6, 0.9));
                        let pr = 0.12 * s;
                        let half = yaw * Vec3::X * (0.5 * s);
                        let mut group: Vec<Primitive> = [-1.0, 1.0]
                            .into_iter()
                            .map(|k| {
                                rock(
                                    Shape::Cylinder {
                                        radius: pr,
                                        height: pillar_h,
                                    },
                                    ground + half * k + Vec3::Y * (0.5 * pillar_h),
                                    color,
                                )
                            })
                            .collect();
                        let thick = 1.6 * pr;
                        let roll = Quat::from_rotation_z(pick(rng, (-0.08, 0.08)));
                        group.push(
                            rock(
                                Shape::Cuboid {
                                    size: Vec3::new(s + 2.0 * pr, thick, 2.0 * pr),
                                },
                                ground + Vec3::Y * (pillar_h + 0.4 * thick),
                                self.accent_color,
                            )
                            .rotated(yaw * roll)
                            .glowing(glow),
                        );
                        group
                    }
                    RockStyle::Mushrooms => {
                        let stem_h = s * pick(rng, (0.6, 1.2));
                        let stem_r = s * pick(rng, (0.08, 0.12));
                        let cap_r = s * pick(rng, (0.35, 0.55));
                        let cap_h = s * pick(rng, (0.15, 0.25));
                        let mut group = vec![
                            rock(
                                Shape::Cylinder {
                                    radius: stem_r,
                                    height: stem_h,
                                },
                                Vec3::Y * (0.5 * stem_h),
                                color,
                            ),
                            rock(
                                Shape::Cone {
                                    radius: cap_r,
                                    height: cap_h,
                                },
                                Vec3::Y * (stem_h + 0.5 * cap_h - 0.1 * cap_h),
                                self.accent_color,
                            )
                            .glowing(glow),
                        ];
                        let lean = yaw * Quat::from_rotation_x(pick(rng, (-0.18, 0.18)));
                        for p in &mut group {
                            p.translation = ground + lean * p.translation;
                            p.rotation = lean;
                        }
                        group
                    }
                    RockStyle::Pillars => {
                        let lower_h = s * pick(rng, (0.45, 0.6));
                        let upper_h = s - lower_h;
                        let r = s * pick(rng, (0.12, 0.18));
                        let cap = 1.5 * r;
                        vec![
                            rock(
                                Shape::Cylinder {
                                    radius: r,
                                    height: lower_h,
                                },
                                ground + Vec3::Y * (0.5 * lower_h),
                                color,
                            ),
                            rock(
                                Shape::Cylinder {
                                    radius: 0.75 * r,
                                    height: upper_h,
                                },
                                ground + Vec3::Y * (lower_h + 0.5 * upper_h),
                                scale(color, 0.88),
                            ),
                            rock(
                                Shape::Cuboid {
                                    size: Vec3::new(cap, 0.6 * cap, cap),
                                },
                                ground + Vec3::Y * (s + 0.25 * cap),
                                self.accent_color,
                            )
                            .rotated(yaw * Quat::from_rotation_x(pick(rng, (-0.15, 0.15))))
                            .glowing(glow),
                        ]
                    }
                }
            });
        }
    }
}

impl Crystals {
    fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = b.env.emissive_scale;
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                let tallest = pick(rng, self.height_m);
                (0..self.per_cluster)
                    .map(|i| {
                        let h = if i == 0 {
                            tallest
                        } else {
                            tallest * pick(rng, (0.35, 0.8))
                        };
                        let r = pick(rng, self.radius_m);
                        let side = pick(rng, (0.0, std::f32::consts::TAU));
                        let dir = Vec3::new(side.cos(), 0.0, side.sin());
                        let foot = Vec3::new(at.x, 0.0, at.y)
                            + dir
                                * (if i == 0 {
                                    0.0
                                } else {
                                    pick(rng, (0.5, 2.0)) * r
                                });
                        let tilt =
                            if i == 0 { 0.3 } else { 1.0 } * pick(rng, (0.0, self.max_tilt_deg));
                        let rotation =
                            Quat::from_axis_angle(Vec3::new(-dir.z, 0.0, dir.x), tilt.to_radians());
                        let axis = rotation * Vec3::Y;
                        Primitive::new(
                            PartKind::Crystal,
                            Shape::Cone {
                                radius: r,
                                height: h,
                            },
                            foot + axis * (0.5 * h),
                            self.color,
                            0.1,
                        )
                        .rotated(rotation)
                        .glowing(scale(self.emissive, pick(rng, (0.6, 1.0)) * glow))
                    })
                    .collect()
            });
        }
    }
}

impl Moons {
    fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = self.glow * b.env.sky_glow;
        let mut placed: Vec<(Vec3, f32)> = Vec::new();
        for i in 0..self.count as usize {
            let mut done = false;
            for _ in 0..PLACEMENT_ATTEMPTS {
                let dir = sky_direction(pick(rng, self.elevation_deg), pick(rng, self.azimuth_deg));
                let radius = pick(rng, self.radius_m);
                let ringed = rng.random::<f32>() < self.ring_fraction;
                let extent = if ringed { 2.1 * radius } else { radius };
                let angular = extent / self.distance_m;
                let overlaps = placed
                    .iter()
                    .any(|(d, a)| d.angle_between(dir) < 1.15 * (a + angular));
                if overlaps {
                    continue;
                }
                let color = self.colors[i % self.colors.len()];
                let centre = dir * self.distance_m;
                let mut group = vec![
                    Primitive::new(
                        PartKind::SkyBody,
                        Shape::Sphere { radius },
                        centre,
                        color,
                        0.9,
                    )
                    .glowing(scale(color, glow)),
                ];
                if ringed {
                    let tilt = Quat::from_rotation_x(pick(rng, (0.25, 0.55)))
                        * Quat::from_rotation_z(pick(rng, (-0.5, 0.5)));
                    group.push(
                        Primitive::new(
                            PartKind::SkyBody,
                            Shape::Cylinder {
                                radius: 2.0 * radius,
                                height: 0.03 * radius,
                            },
                            centre,
                            self.ring_color,
                            0.9,
                        )
                        .rotated(tilt)
                        .glowing(scale(self.ring_color, 0.8 * glow)),
                    );
                }
                match b.offer(group) {
                    Fit::Placed => {
                        placed.push((dir, angular));
                        done = true;
                        break;
                    }
                    Fit::Blocked => {}
                    Fit::Full => break,
                }
            }
            if !done {
                b.skipped += 1;
            }
        }
    }
}

impl Dunes {
    fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                let (r, h) = (pick(rng, self.radius_m), pick(rng, self.height_m));
                let shade = pick(rng, (0.9, 1.05));
                vec![Primitive::new(
                    PartKind::Dune,
                    Shape::Cone {
                        radius: r,
                        height: h,
                    },
                    Vec3::new(at.x, 0.5 * h, at.y),
                    scale(self.color, shade).map(|c| c.min(1.0)),
                    1.0,
                )]
            });
        }
    }
}

impl IceFloes {
    fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                let ground = Vec3::new(at.x, 0.0, at.y);
                let s = pick(rng, self.size_m);
                let yaw = Quat::from_rotation_y(pick(rng, (0.0, std::f32::consts::TAU)));
                let color = scale(self.color, pick(rng, (0.92, 1.04))).map(|c| c.min(1.0));
                let ice = |shape, at| Primitive::new(PartKind::Ice, shape, at, color, 0.2);
                if rng.random::<f32>() < self.berg_fraction {
                    // Two tilted blocks, the smaller one leaning on top: a jagged silhouette.
                    let h = pick(rng, self.berg_height_m);
                    let mut tilt = || {
                        Quat::from_rotation_x(pick(rng, (-0.2, 0.2)))
                            * Quat::from_rotation_z(pick(rng, (-0.2, 0.2)))
                    };
                    let (low_tilt, top_tilt) = (tilt(), tilt());
                    let low_h = 0.65 * h;
                    let top_h = 0.5 * h;
                    let shift = yaw * Vec3::X * (0.15 * s);
                    vec![
                        ice(
                            Shape::Cuboid {
                                size: Vec3::new(s, low_h, 0.75 * s),
                            },
                            ground + Vec3::Y * (0.5 * low_h),
                        )
                        .rotated(yaw * low_tilt),
                        ice(
                            Shape::Cuboid {
                                size: Vec3::new(0.55 * s, top_h, 0.45 * s),
                            },
                            ground + shift + Vec3::Y * (low_h + 0.25 * top_h),
                        )
                        .rotated(yaw * top_tilt * Quat::from_rotation_z(0.3)),
                    ]
                } else {
                    let size = Vec3::new(s, self.thickness_m, s * pick(rng, (0.45, 1.0)));
                    let tilt =
                        Quat::from_rotation_x(pick(rng, (0.0, self.max_tilt_deg)).to_radians());
                    vec![
                        ice(
                            Shape::Cuboid { size },
                            ground + Vec3::Y * (0.5 * self.thickness_m),
                        )
                        .rotated(yaw * tilt),
                    ]
                }
            });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/// Parses and validates a scene description. `file_name` only labels errors.
///
/// Layers are written without extra brackets (`Buildings(count: 80, ...)`): the RON extension
/// `unwrap_variant_newtypes` is on by default, so files work with or without its
/// `#![enable(...)]` line.
pub fn load_scene(text: &str, file_name: &str) -> Result<SceneDescription, SceneError> {
    let scene: SceneDescription = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
        .from_str(text)
        .map_err(|e: ron::error::SpannedError| SceneError::Parse {
            file: file_name.to_string(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
    scene.validate().map_err(|e| e.in_file(file_name))?;
    Ok(scene)
}

/// The bundled files' names and text, in [`SCENE_FILES`] order.
pub fn bundled_scene_texts() -> [(&'static str, &'static str); 4] {
    [0, 1, 2, 3].map(|i| (SCENE_FILES[i], BUNDLED_TEXTS[i]))
}

/// The scenes compiled into the game (tests guarantee they all load).
pub fn bundled_scenes() -> Vec<SceneDescription> {
    bundled_scene_texts()
        .into_iter()
        .filter_map(|(name, text)| load_scene(text, name).ok())
        .collect()
}

/// Loads every file of [`SCENE_FILES`] from `dir`, falling back to the bundled copy when a
/// file is missing (silently) or broken (with its error in the second list).
pub fn load_scenes_with_fallback(dir: &Path) -> (Vec<SceneDescription>, Vec<SceneError>) {
    let mut scenes = Vec::new();
    let mut errors = Vec::new();
    for (name, bundled) in bundled_scene_texts() {
        let path = dir.join(name);
        let label = path.display().to_string();
        let loaded = match std::fs::read_to_string(&path) {
            Ok(text) => load_scene(&text, &label),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => load_scene(bundled, name),
            Err(e) => Err(SceneError::Io {
                file: label,
                message: e.to_string(),
            }),
        };
        match loaded {
            Ok(scene) => scenes.push(scene),
            Err(e) => {
                errors.push(e);
                if let Ok(scene) = load_scene(bundled, name) {
                    scenes.push(scene);
                }
            }
        }
    }
    (scenes, errors)
}

// ---------------------------------------------------------------------------------------------
// Validation helpers
// ---------------------------------------------------------------------------------------------

fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Result<(), SceneError> {
    Err(SceneError::Invalid {
        file: String::new(),
        field: field.into(),
        reason: reason.into(),
    })
}

fn check_finite(field: &str, v: f32) -> Result<(), SceneError> {
    if v.is_finite() {
        Ok(())
    } else {
        invalid(field, format!("must be a finite number, got {v}"))
    }
}

fn check_positive(field: &str, v: f32) -> Result<(), SceneError> {
    if v.is_finite() && v > 0.0 {
        Ok(())
    } else {
        invalid(field, format!("must be a positive number, got {v}"))
    }
}

fn check_non_negative(field: &str, v: f32) -> Result<(), SceneError> {
    if v.is_finite() && v >= 0.0 {
        Ok(())
    } else {
        invalid(field, format!("must be zero or more, got {v}"))
    }
}

fn check_fraction(field: &str, v: f32) -> Result<(), SceneError> {
    if (0.0..=1.0).contains(&v) {
        Ok(())
    } else {
        invalid(field, format!("must be between 0 and 1, got {v}"))
    }
}

fn check_glow(field: &str, v: f32) -> Result<(), SceneError> {
    if (0.0..=MAX_LIGHT_VALUE).contains(&v) {
        Ok(())
    } else {
        invalid(
            field,
            format!("must be between 0 and {MAX_LIGHT_VALUE}, got {v}"),
        )
    }
}

fn check_count(field: &str, n: u32) -> Result<(), SceneError> {
    if n <= MAX_LAYER_COUNT {
        Ok(())
    } else {
        invalid(field, format!("must be at most {MAX_LAYER_COUNT}, got {n}"))
    }
}

/// `(min, max)` with both finite, min ≤ max, and (if `sizes`) min > 0.
fn check_range(field: &str, (lo, hi): (f32, f32), sizes: bool) -> Result<(), SceneError> {
    if !(lo.is_finite() && hi.is_finite()) {
        return invalid(field, format!("must be finite numbers, got ({lo}, {hi})"));
    }
    if sizes && lo <= 0.0 {
        return invalid(field, format!("must be positive, got ({lo}, {hi})"));
    }
    if lo > hi {
        return invalid(
            field,
            format!("is (min, max) but min {lo} is more than max {hi}"),
        );
    }
    Ok(())
}

fn check_area(field: &str, area: &XzRect) -> Result<(), SceneError> {
    check_range(&format!("{field}.x"), area.x, false)?;
    check_range(&format!("{field}.z"), area.z, false)?;
    let far = area.farthest_m();
    if far < STAGE_CLEAR_RADIUS_M + 5.0 {
        return invalid(
            field,
            format!(
                "lies inside the stage (within {far:.0} m of its centre); the world starts beyond {STAGE_CLEAR_RADIUS_M} m"
            ),
        );
    }
    Ok(())
}

/// A surface colour: finite, 0 to 1 per channel.
fn check_color(field: &str, c: Rgb) -> Result<(), SceneError> {
    if c.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return invalid(field, format!("must be finite and not negative, got {c:?}"));
    }
    if c.iter().any(|v| *v > 1.0) {
        return invalid(
            field,
            format!("must be linear RGB from 0.0 to 1.0 (not 0 to 255), got {c:?}"),
        );
    }
    Ok(())
}

/// A light colour (may exceed 1 for glow).
fn check_light(field: &str, c: Rgb) -> Result<(), SceneError> {
    if c.iter().all(|v| (0.0..=MAX_LIGHT_VALUE).contains(v)) {
        Ok(())
    } else {
        invalid(
            field,
            format!("must be finite, between 0 and {MAX_LIGHT_VALUE}, got {c:?}"),
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/// A uniform value in `(min, max)`; never panics, even for an empty range.
fn pick(rng: &mut ChaCha8Rng, (lo, hi): (f32, f32)) -> f32 {
    lo + (hi - lo) * rng.random::<f32>()
}

fn wrap_degrees(deg: f32) -> f32 {
    (deg + 180.0).rem_euclid(360.0) - 180.0
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

fn mul(a: Rgb, b: Rgb) -> Rgb {
    [0, 1, 2].map(|i| a[i] * b[i])
}

fn scale(a: Rgb, k: f32) -> Rgb {
    a.map(|v| v * k)
}

fn grey(v: f32) -> Rgb {
    [v; 3]
}

/// Rec. 709 relative luminance of linear RGB.
fn luminance(c: Rgb) -> f32 {
    0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
}

/// Scales so the brightest channel is 1 (black stays black).
fn normalized(c: Rgb) -> Rgb {
    let m = c[0].max(c[1]).max(c[2]);
    if m > 0.0 { scale(c, 1.0 / m) } else { c }
}

/// A few words for a light's colour.
fn color_words(c: Rgb) -> &'static str {
    let [r, g, b] = normalized(c);
    if r.max(g).max(b) <= 0.0 {
        return "dark";
    }
    if r >= g && g >= b {
        if b >= 0.9 {
            "neutral white"
        } else if g >= 0.8 {
            "warm gold"
        } else if g >= 0.5 {
            "warm orange"
        } else {
            "deep red"
        }
    } else if b >= r && b >= g {
        if r >= 0.75 && g >= 0.75 {
            "cool white"
        } else if r > g + 0.1 {
            "violet"
        } else if g >= 0.85 {
            "teal"
        } else {
            "cool blue"
        }
    } else if g >= r && g >= b {
        if b >= 0.8 {
            "teal"
        } else if r >= 0.85 {
            "yellow-green"
        } else {
            "green"
        }
    } else {
        "rose pink"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenes() -> Vec<SceneDescription> {
        bundled_scene_texts()
            .into_iter()
            .map(|(name, text)| match load_scene(text, name) {
                Ok(scene) => scene,
                Err(e) => panic!("{e}"),
            })
            .collect()
    }

    fn tokyo() -> SceneDescription {
        scenes().remove(0)
    }

    /// Replaces the first `from` outside the comments; panics if there is none.
    fn edit_data(text: &str, from: &str, to: &str) -> String {
        let mut done = false;
        let lines: Vec<String> = text
            .lines()
            .map(|line| {
                if !done && !line.trim_start().starts_with("//") && line.contains(from) {
                    done = true;
                    line.replacen(from, to, 1)
                } else {
                    line.to_string()
                }
            })
            .collect();
        assert!(done, "`{from}` not found");
        lines.join("\n")
    }

    fn all_conditions() -> impl Iterator<Item = (TimeOfDay, Weather)> {
        TimeOfDay::ALL
            .into_iter()
            .flat_map(|t| Weather::ALL.into_iter().map(move |w| (t, w)))
    }

    #[test]
    fn bundled_scenes_parse_and_validate() {
        let all = scenes();
        assert!(all.len() >= 3);
        assert_eq!(bundled_scenes().len(), all.len());
        let mut names: Vec<&str> = all.iter().map(|s| s.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len(), "scene names must differ");
        for scene in &all {
            assert!(!scene.blurb.contains('\n'));
            assert!(scene.max_primitives() <= MAX_PRIMITIVES);
        }
        // Each file starts with a comment for teachers.
        for (name, text) in bundled_scene_texts() {
            assert!(text.trim_start().starts_with("//"), "{name}");
        }
    }

    #[test]
    fn round_trip_through_ron() {
        for scene in scenes() {
            let text = scene.to_ron().expect("serialises");
            assert_eq!(load_scene(&text, "round trip"), Ok(scene));
        }
    }

    #[test]
    fn build_is_deterministic_and_seeded() {
        for scene in scenes() {
            let a = scene
                .build_with(TimeOfDay::Noon, Weather::Clear)
                .expect("builds");
            let b = scene
                .build_with(TimeOfDay::Noon, Weather::Clear)
                .expect("builds");
            assert_eq!(a, b, "{}", scene.name);
            let other = SceneDescription {
                seed: scene.seed.wrapping_add(1),
                ..scene.clone()
            };
            let c = other
                .build_with(TimeOfDay::Noon, Weather::Clear)
                .expect("builds");
            assert_ne!(a.primitives, c.primitives, "{}", scene.name);
            // Conditions recolour but never move anything.
            let night = scene
                .build_with(TimeOfDay::Night, Weather::Snow)
                .expect("builds");
            assert_eq!(a.primitives.len(), night.primitives.len());
            for (p, q) in a.primitives.iter().zip(&night.primitives) {
                assert_eq!(
                    (p.shape, p.translation, p.rotation),
                    (q.shape, q.translation, q.rotation)
                );
            }
        }
    }

    #[test]
    fn nothing_intrudes_on_the_stage() {
        for scene in scenes() {
            for (time, weather) in all_conditions() {
                let built = scene.build_with(time, weather).expect("builds");
                assert_eq!(built.primitives[0].kind, PartKind::Ground);
                assert_eq!(
                    built
                        .primitives
                        .iter()
                        .filter(|p| p.kind == PartKind::Ground)
                        .count(),
                    1
                );
                for p in &built.primitives[1..] {
                    let gap = p.translation.length() - p.bounding_radius();
                    assert!(
                        gap >= 9.0,
                        "{}: {p:?} is {gap} m from the stage",
                        scene.name
                    );
                    assert!(
                        p.lowest_y() >= -0.01,
                        "{}: {p:?} is below ground",
                        scene.name
                    );
                    assert!(p.translation.is_finite() && p.rotation.is_normalized());
                }
            }
        }
    }

    #[test]
    fn primitive_counts_stay_within_budget() {
        for scene in scenes() {
            for (time, weather) in all_conditions() {
                let built = scene.build_with(time, weather).expect("builds");
                assert!(built.primitives.len() <= MAX_PRIMITIVES);
                assert!(built.primitives.len() <= scene.max_primitives());
                // Most of what was asked for finds a place.
                assert!(
                    built.skipped * 10 <= scene.max_primitives(),
                    "{}: {} skipped",
                    scene.name,
                    built.skipped
                );
            }
        }
        // Over-asking is refused at validation, naming the layers.
        let mut greedy = tokyo();
        for layer in &mut greedy.layers {
            if let Layer::Buildings(l) = layer {
                l.count = MAX_LAYER_COUNT;
            }
        }
        let err = greedy.validate().expect_err("too many primitives");
        assert_eq!(err.field(), Some("layers"));
    }

    #[test]
    fn time_of_day_changes_the_light() {
        for scene in scenes() {
            let noon = scene.apply_conditions(TimeOfDay::Noon, Weather::Clear);
            let dawn = scene.apply_conditions(TimeOfDay::Dawn, Weather::Clear);
            let dusk = scene.apply_conditions(TimeOfDay::Dusk, Weather::Clear);
            let night = scene.apply_conditions(TimeOfDay::Night, Weather::Clear);
            assert!(dusk.sun_elevation_deg < noon.sun_elevation_deg);
            assert!(dawn.sun_elevation_deg < noon.sun_elevation_deg);
            assert!(dusk.to_sun().y < noon.to_sun().y);
            assert!(night.sun_illuminance_lux < dusk.sun_illuminance_lux);
            assert!(dusk.sun_illuminance_lux < noon.sun_illuminance_lux);
            assert!(night.ambient_brightness < noon.ambient_brightness);
            assert!(luminance(night.sky_zenith) < luminance(noon.sky_zenith));
            assert!(night.emissive_scale > noon.emissive_scale);
            // Dusk warms the sun: less blue relative to red than at noon.
            let warmth = |c: Rgb| c[2] / c[0].max(1.0e-6);
            assert!(warmth(dusk.sun_color) < warmth(noon.sun_color));
            // Night light is bluish.
            assert!(night.sun_color[2] >= night.sun_color[0]);
            for env in [&noon, &dawn, &dusk, &night] {
                assert!((env.sun_direction.length() - 1.0).abs() < 1.0e-5);
                assert!(env.sun_direction.y < 0.0, "light travels downwards");
                let expected = sky_direction(env.sun_elevation_deg, env.sun_azimuth_deg);
                assert!((env.to_sun() - expected).length() < 1.0e-5);
            }
            // Windows glow more at night.
            let lit = |env: &Environment| -> f32 {
                let built = build(&scene, env).expect("builds");
                built
                    .primitives
                    .iter()
                    .filter(|p| !p.kind.is_sky())
                    .map(|p| p.emissive.iter().sum::<f32>())
                    .sum()
            };
            let (lit_noon, lit_night) = (lit(&noon), lit(&night));
            assert!(lit_night >= lit_noon);
        }
    }

    #[test]
    fn sun_direction_convention() {
        // Azimuth 0 is straight ahead (−Z), behind the middle of the wall; +90 is to +X.
        let ahead = sky_direction(0.0, 0.0);
        assert!((ahead - Vec3::NEG_Z).length() < 1.0e-6);
        let right = sky_direction(0.0, 90.0);
        assert!((right - Vec3::X).length() < 1.0e-6);
        let up = sky_direction(90.0, 37.0);
        assert!((up - Vec3::Y).length() < 1.0e-6);
        let mut scene = tokyo();
        scene.sun.azimuth_deg = 0.0;
        scene.sun.elevation_deg = 30.0;
        let env = scene.apply_conditions(TimeOfDay::Noon, Weather::Clear);
        // A backlit set: the light comes from behind the wall, towards the camera (+Z), down.
        assert!(env.sun_direction.z > 0.0 && env.sun_direction.y < 0.0);
        assert!((env.sun_direction.y + 0.5).abs() < 1.0e-5);
    }

    #[test]
    fn weather_changes_the_fog() {
        for scene in scenes() {
            for time in TimeOfDay::ALL {
                let clear = scene.apply_conditions(time, Weather::Clear);
                for weather in [
                    Weather::Overcast,
                    Weather::Haze,
                    Weather::Snow,
                    Weather::DustStorm,
                ] {
                    let env = scene.apply_conditions(time, weather);
                    assert!(env.fog_end_m < clear.fog_end_m, "{weather:?}");
                    assert!(env.fog_start_m < env.fog_end_m);
                    assert!(env.sun_illuminance_lux < clear.sun_illuminance_lux);
                }
                let overcast = scene.apply_conditions(time, Weather::Overcast);
                assert!(overcast.fog_end_m > scene.apply_conditions(time, Weather::Snow).fog_end_m);
                assert!(
                    scene
                        .apply_conditions(time, Weather::Snow)
                        .particles
                        .is_some()
                );
                assert!(clear.particles.is_none());
            }
        }
        // Snow whitens the ground.
        let scene = tokyo();
        let clear = scene
            .build_with(TimeOfDay::Noon, Weather::Clear)
            .expect("builds");
        let snow = scene
            .build_with(TimeOfDay::Noon, Weather::Snow)
            .expect("builds");
        assert!(luminance(snow.primitives[0].color) > luminance(clear.primitives[0].color));
    }

    #[test]
    fn environments_are_finite_and_sensible() {
        for scene in scenes() {
            for (time, weather) in all_conditions() {
                let env = scene.apply_conditions(time, weather);
                let colours = [
                    env.sun_color,
                    env.sky_zenith,
                    env.sky_horizon,
                    env.ambient_color,
                    env.fog_color,
                ];
                for c in colours {
                    assert!(c.iter().all(|v| v.is_finite() && *v >= 0.0), "{c:?}");
                }
                assert!(env.sun_illuminance_lux > 0.0 && env.ambient_brightness >= 0.0);
                assert!(env.fog_start_m >= 0.0 && env.fog_end_m > env.fog_start_m);
                let text = env.describe();
                assert!(text.starts_with(time.label()), "{text}");
                assert!(text.contains('°') && text.ends_with('.'), "{text}");
            }
        }
    }

    #[test]
    fn describe_reads_well() {
        let scene = tokyo();
        let env = scene.apply_conditions(TimeOfDay::Dusk, Weather::Haze);
        let text = env.describe();
        assert!(text.starts_with("Dusk, haze: the sun is "), "{text}");
        assert!(text.contains("orange") || text.contains("red"), "{text}");
        let night = scene
            .apply_conditions(TimeOfDay::Night, Weather::Clear)
            .describe();
        assert!(
            night.contains("the moon") && night.contains("blue"),
            "{night}"
        );
        assert_eq!(color_words([1.0, 1.0, 1.0]), "neutral white");
        assert_eq!(color_words([0.0, 0.0, 0.0]), "dark");
        assert_eq!(color_words([0.2, 0.9, 0.9]), "teal");
    }

    #[test]
    fn conditions_cycle_with_one_button() {
        let mut t = TimeOfDay::Dawn;
        for _ in 0..TimeOfDay::ALL.len() {
            t = t.next();
        }
        assert_eq!(t, TimeOfDay::Dawn);
        let mut w = Weather::Clear;
        for _ in 0..Weather::ALL.len() {
            w = w.next();
        }
        assert_eq!(w, Weather::Clear);
    }

    #[test]
    fn malformed_ron_reports_line_and_column() {
        let (_, text) = bundled_scene_texts()[0];
        let broken = edit_data(text, "seed:", "seed: banana, oops:");
        let line_of_seed = text
            .lines()
            .position(|l| l.trim_start().starts_with("seed:"))
            .expect("tokyo has a seed")
            + 1;
        match load_scene(&broken, "tokyo.ron") {
            Err(SceneError::Parse {
                file, line, column, ..
            }) => {
                assert_eq!(file, "tokyo.ron");
                assert_eq!(line, line_of_seed);
                assert!(column > 1);
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
        let err = load_scene("(name: \"x\",\n  colour: 3)", "bad.ron").expect_err("rejected");
        let message = err.to_string();
        assert!(message.starts_with("bad.ron: line 2, column"), "{message}");
        // An unknown layer kind is a parse error too.
        let unknown = edit_data(text, "Buildings(", "Skyscrapers(");
        assert!(matches!(
            load_scene(&unknown, "tokyo.ron"),
            Err(SceneError::Parse { line, .. }) if line > 1
        ));
    }

    #[test]
    fn invalid_values_name_the_field() {
        let (_, text) = bundled_scene_texts()[0];
        let cases: Vec<(SceneDescription, &str)> = {
            let base = tokyo();
            let mut v = Vec::new();
            let mut s = base.clone();
            s.fog.end_m = s.fog.start_m - 1.0;
            v.push((s, "fog.end_m"));
            let mut s = base.clone();
            s.sun.elevation_deg = 95.0;
            v.push((s, "sun.elevation_deg"));
            let mut s = base.clone();
            s.ground.color = [200.0, 30.0, 30.0];
            v.push((s, "ground.color"));
            let mut s = base.clone();
            s.sky.zenith = [f32::NAN, 0.0, 0.0];
            v.push((s, "sky.zenith"));
            let mut s = base.clone();
            s.ground.size_m = 0.0;
            v.push((s, "ground.size_m"));
            let mut s = base.clone();
            if let Layer::Buildings(l) = &mut s.layers[0] {
                l.height_m = (80.0, 20.0);
            }
            v.push((s, "layers[0].Buildings.height_m"));
            let mut s = base.clone();
            if let Layer::Buildings(l) = &mut s.layers[0] {
                l.color_palette.clear();
            }
            v.push((s, "layers[0].Buildings.color_palette"));
            let mut s = base.clone();
            if let Layer::Buildings(l) = &mut s.layers[0] {
                l.area = XzRect {
                    x: (-3.0, 3.0),
                    z: (-4.0, 2.0),
                };
            }
            v.push((s, "layers[0].Buildings.area"));
            let mut s = base.clone();
            if let Layer::Buildings(l) = &mut s.layers[0] {
                l.count = MAX_LAYER_COUNT + 1;
            }
            v.push((s, "layers[0].Buildings.count"));
            let mut s = base;
            s.title = "  ".into();
            v.push((s, "title"));
            v
        };
        for (scene, field) in cases {
            let err = scene.validate().expect_err(field);
            assert_eq!(err.field(), Some(field), "{err}");
            assert!(err.to_string().contains(field));
        }
        // Through the loader: the message names file and field.
        let bad = edit_data(text, "ruined_fraction: 0.", "ruined_fraction: 4.");
        let err = load_scene(&bad, "tokyo.ron").expect_err("fraction > 1");
        let message = err.to_string();
        assert!(message.starts_with("tokyo.ron: "), "{message}");
        assert!(message.contains("ruined_fraction"), "{message}");
    }

    #[test]
    fn mountains_and_towers_too_close_are_refused() {
        let mut scene = tokyo();
        for layer in &mut scene.layers {
            match layer {
                Layer::Mountains(l) => l.distance_m = (20.0, 30.0),
                Layer::Tower(l) => l.position = (0.0, -30.0),
                _ => {}
            }
        }
        let err = scene.validate().expect_err("too close");
        let field = err.field().unwrap_or_default().to_string();
        assert!(
            field.ends_with("Tower.position") || field.ends_with("Mountains.distance_m"),
            "{err}"
        );
    }

    #[test]
    fn fallback_loading_from_a_folder() {
        let dir = std::env::temp_dir().join(format!("backlot-scenes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("arctic.ron"), "(name: oops").expect("write");
        let (scenes, errors) = load_scenes_with_fallback(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(scenes.len(), SCENE_FILES.len());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("arctic.ron"));
    }

    #[test]
    fn geometry_helpers() {
        let tilted = Primitive::new(
            PartKind::Rock,
            Shape::Cuboid {
                size: Vec3::new(2.0, 2.0, 2.0),
            },
            Vec3::new(0.0, 5.0, 0.0),
            [0.5; 3],
            0.5,
        )
        .rotated(Quat::from_rotation_z(std::f32::consts::FRAC_PI_4));
        assert!((tilted.lowest_y() - (5.0 - 2.0_f32.sqrt())).abs() < 1.0e-5);
        let cone = Primitive::new(
            PartKind::Crystal,
            Shape::Cone {
                radius: 1.0,
                height: 4.0,
            },
            Vec3::new(0.0, 2.0, 0.0),
            [0.5; 3],
            0.5,
        );
        assert!(cone.lowest_y().abs() < 1.0e-6);
        let upside_down = cone.rotated(Quat::from_rotation_x(std::f32::consts::PI));
        assert!(upside_down.lowest_y().abs() < 1.0e-5, "tip at the bottom");
        let lying = Primitive::new(
            PartKind::Tower,
            Shape::Cylinder {
                radius: 1.0,
                height: 10.0,
            },
            Vec3::new(0.0, 3.0, 0.0),
            [0.5; 3],
            0.5,
        )
        .rotated(Quat::from_rotation_z(std::f32::consts::FRAC_PI_2));
        assert!((lying.lowest_y() - 2.0).abs() < 1.0e-5);
        assert!(!lying.clear_of_stage());
        assert_eq!(wrap_degrees(190.0), -170.0);
    }
}
