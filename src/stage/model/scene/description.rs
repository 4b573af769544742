//! What a scene's RON file holds: the sky, the sun, the fog, the ground and the procedural
//! layers, with the counts the budget needs and the way back to RON.

use glam::Vec2;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::conditions::{TimeOfDay, Weather};
use super::details::{Aurora, Flora, PowerLines, Scatter, Vehicles};
use super::helpers::pick;
use super::{Rgb, SceneError};

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
    pub(super) fn sample(&self, rng: &mut ChaCha8Rng) -> Vec2 {
        Vec2::new(pick(rng, self.x), pick(rng, self.z))
    }

    /// Distance from the stage origin to the rectangle's farthest corner.
    pub(super) fn farthest_m(&self) -> f32 {
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
    Scatter(Scatter),
    Flora(Flora),
    Vehicles(Vehicles),
    PowerLines(PowerLines),
    Aurora(Aurora),
}

/// A city block of towers, each with rows of windows on its four faces (dark glass, or lit
/// by `window_color`), a broken top or overgrowth, and sometimes a neon sign. Up to
/// [`Buildings::MAX_PARTS`] primitives each.
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
    /// Storey height: one row of windows per storey, up to 10 rows a face.
    #[serde(default = "default_storey")]
    pub storey_m: f32,
    /// Share of buildings with a glowing neon sign on the front (0–1).
    #[serde(default)]
    pub neon_fraction: f32,
    /// Neon colours (linear RGB, may exceed 1 for glow); each sign takes one at random.
    #[serde(default)]
    pub neon_colors: Vec<Rgb>,
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

/// Big shapes on a ring around the stage: the horizon. Up to `strata + 1` primitives each.
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
    /// Rock strata of a mesa: bands of alternating shade (2–8).
    #[serde(default = "default_strata")]
    pub strata: u32,
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

fn default_storey() -> f32 {
    4.0
}

fn default_strata() -> u32 {
    3
}

fn default_overgrowth() -> Rgb {
    [0.16, 0.3, 0.1]
}

fn default_window() -> Rgb {
    [1.0, 0.8, 0.5]
}

impl SceneDescription {
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

    /// The most primitives this description can make (ground and sky included).
    pub fn max_primitives(&self) -> usize {
        1 + super::sky::MAX_SKY_PARTS + self.layers.iter().map(Layer::max_primitives).sum::<usize>()
    }
}

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
            Layer::Scatter(_) => "Scatter",
            Layer::Flora(_) => "Flora",
            Layer::Vehicles(_) => "Vehicles",
            Layer::PowerLines(_) => "PowerLines",
            Layer::Aurora(_) => "Aurora",
        }
    }

    /// The most primitives this layer can make.
    pub fn max_primitives(&self) -> usize {
        let n = |count: u32| count as usize;
        match self {
            Layer::Buildings(l) => Buildings::MAX_PARTS * n(l.count),
            Layer::Tower(l) => n(l.sections) + 9,
            Layer::Mountains(l) => (n(l.strata) + 1).max(4) * n(l.count),
            Layer::Rocks(l) => 3 * n(l.count),
            Layer::Crystals(l) => n(l.count) * n(l.per_cluster),
            Layer::Moons(l) => 2 * n(l.count),
            Layer::Dunes(l) => n(l.count),
            Layer::IceFloes(l) => 2 * n(l.count),
            Layer::Scatter(l) => n(l.count) * n(l.per_spot),
            Layer::Flora(l) => 2 * n(l.count) * n(l.per_cluster),
            Layer::Vehicles(l) => Vehicles::PARTS * n(l.count),
            Layer::PowerLines(l) => PowerLines::PARTS_PER_POLE * n(l.poles),
            Layer::Aurora(l) => n(l.curtains) * n(l.segments),
        }
    }
}
