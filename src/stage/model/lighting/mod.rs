//! Matching the physical stage lights to the picture on the LED wall.
//!
//! The LED wall lights the actor a little by itself, but the crew still places real lights:
//! a *key* (the main, hard light: it plays the sun or the moon of the scene on the wall) and a
//! *fill* (soft light that sets how dark the shadows are: it plays the sky). For the actor to
//! look as if they stand inside the wall's world, those lights must match the scene: the same
//! colour, the same brightness and the key coming from the same side as the sun on the wall.
//!
//! # Conventions
//!
//! * Colours are linear RGB with Rec. 709 / sRGB primaries. Only the *hue* of a colour
//!   matters (its chromaticity); brightness comes from the intensity alone: 0 to 1, the
//!   luminance a light meter would read, relative to the brightest the light can go.
//! * Colours are compared the way people see them: *chromaticity* (which colour, as CIE 1976
//!   u′v′, where equal distances look roughly equally different) separately from *luminance*
//!   (how bright, compared in photographic stops, each stop being twice the light).
//! * Directions are azimuths in degrees in the stage's floor plane, for the direction the light
//!   comes *from*, seen from the actor at the stage centre: 0° from the wall (straight ahead,
//!   −Z, behind the actor as the camera sees it), +90° from camera right (+X), −90° from camera
//!   left, ±180° from behind the camera. This is the azimuth convention of [`crate::stage::model::led`].

use glam::{Vec2, Vec3};
use serde::{Deserialize, Serialize};

/// Scores at or above this count as a lighting match in a shot's checks.
pub const LIGHTING_PASS_SCORE: f32 = 70.0;

/// Colour temperature range of [`kelvin_to_linear_rgb`] (the range of its approximation).
pub const KELVIN_RANGE: (f32, f32) = (1667.0, 25000.0);

/// Tungsten studio light, in kelvin.
pub const TUNGSTEN_K: f32 = 3200.0;
/// Daylight-balanced studio light, in kelvin.
pub const DAYLIGHT_K: f32 = 5600.0;

/// Weights of the parts of the score; they add up to 100.
const KEY_COLOUR_WEIGHT: f32 = 30.0;
const FILL_COLOUR_WEIGHT: f32 = 10.0;
const KEY_INTENSITY_WEIGHT: f32 = 20.0;
const FILL_INTENSITY_WEIGHT: f32 = 15.0;
const DIRECTION_WEIGHT: f32 = 25.0;

/// A u′v′ colour difference that costs a part its whole weight (about tungsten against
/// daylight). Around 0.005 is just noticeable side by side.
const FULL_COLOUR_ERROR: f32 = 0.05;
/// A brightness difference, in stops, that costs a part its whole weight.
const FULL_INTENSITY_ERROR_STOPS: f32 = 2.0;
/// A key direction difference, in degrees, that costs the direction its whole weight.
const FULL_DIRECTION_ERROR_DEG: f32 = 90.0;
/// Problems costing less than this many points get no advice.
const ADVICE_THRESHOLD_POINTS: f32 = 2.0;
/// Luminances below this are treated as this (about 6 stops under full), so "off" compares
/// with "off" as equal and with "on" as a finite number of stops.
const LUMINANCE_FLOOR: f32 = 1.0 / 64.0;
/// About one mired of colour temperature, as a distance in the CIE 1960 uv diagram; used to
/// tell "too warm / too cool" from "too green / too magenta".
const UV_PER_MIRED: f32 = 3.4e-4;
/// Colours further than this from the blackbody curve (in 1960 uv) have no meaningful colour
/// temperature, so advice speaks of colour instead of kelvin.
const MAX_DUV_FOR_KELVIN: f32 = 0.02;

/// What a physical light is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LightKind {
    /// The main, directional light: plays the sun (or moon) of the wall's scene.
    Key,
    /// Soft light filling the shadows: plays the sky.
    Fill,
}

/// One physical light on the stage.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageLight {
    pub kind: LightKind,
    /// Linear RGB; only the hue matters, not the scale.
    pub color: [f32; 3],
    /// Brightness (luminance, whatever the colour), 0 (off) to 1 (full).
    pub intensity: f32,
    /// Where the light comes from, in degrees (see the module docs: 0° from the wall, +90°
    /// from camera right). Ignored for fill lights, which are soft.
    pub azimuth_deg: f32,
}

impl StageLight {
    /// A light set to a colour temperature, like the kelvin dial on an LED studio light.
    pub fn from_kelvin(kind: LightKind, kelvin: f32, intensity: f32, azimuth_deg: f32) -> Self {
        Self {
            kind,
            color: kelvin_to_linear_rgb(kelvin),
            intensity,
            azimuth_deg,
        }
    }
}

/// A summary of the lighting of the scene on the wall, which the stage lights should match.
/// The game derives it from the virtual scene's sun and its sky or ambient light.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SceneLightTarget {
    /// Short words for advice, e.g. "dusk" gives "for a dusk scene"; may be empty.
    pub scene_label: String,
    /// Colour of the sun (or moon) in the scene, linear RGB.
    pub key_color: [f32; 3],
    /// Its brightness, 0 to 1, on the same scale as [`StageLight::intensity`].
    pub key_intensity: f32,
    /// Where it comes from, in degrees (module conventions).
    pub key_azimuth_deg: f32,
    /// Colour of the sky or ambient light, linear RGB.
    pub fill_color: [f32; 3],
    /// Its brightness, 0 to 1.
    pub fill_intensity: f32,
}

impl SceneLightTarget {
    /// A target whose sun and sky are given as colour temperatures.
    pub fn from_kelvin(
        scene_label: &str,
        key_kelvin: f32,
        key_intensity: f32,
        key_azimuth_deg: f32,
        fill_kelvin: f32,
        fill_intensity: f32,
    ) -> Self {
        Self {
            scene_label: scene_label.to_owned(),
            key_color: kelvin_to_linear_rgb(key_kelvin),
            key_intensity,
            key_azimuth_deg,
            fill_color: kelvin_to_linear_rgb(fill_kelvin),
            fill_intensity,
        }
    }
}

/// How well the stage lights match the wall, with advice for the gaffer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LightingMatch {
    /// 0 to 100 in tenths; 100 is a perfect match.
    pub score: f32,
    /// The larger colour difference of key and fill, as a CIE 1976 u′v′ distance (0.005 is
    /// just noticeable, 0.05 is tungsten against daylight).
    pub colour_error: f32,
    /// The larger brightness difference of key and fill, in stops (absolute).
    pub intensity_error: f32,
    /// How far the key's direction is from the sun's on the wall, in degrees (0 to 180).
    pub direction_error_deg: f32,
    /// Plain advice, the worst problem first. When nothing needs fixing it holds one line
    /// saying so.
    pub advice: Vec<String>,
    /// How many lines of `advice` are problems to fix (0 when the one line is praise).
    pub problem_count: usize,
}

impl LightingMatch {
    /// Whether the match is good enough for a take ([`LIGHTING_PASS_SCORE`]).
    pub fn passed(&self) -> bool {
        self.score >= LIGHTING_PASS_SCORE
    }
}

/// Linear RGB (largest channel 1) of a blackbody at `kelvin`, e.g. 3200 K tungsten is orange,
/// 6500 K is near white.
///
/// The approximation: Kim et al.'s cubic spline of the Planckian locus in CIE 1931 xy
/// (valid from 1667 K to 25000 K; inputs are clamped to [`KELVIN_RANGE`], NaN gives 6500 K),
/// converted to linear Rec. 709 / sRGB with the D65 matrix, negative channels clipped to 0.
pub fn kelvin_to_linear_rgb(kelvin: f32) -> [f32; 3] {
    let xy = kelvin_to_xy(kelvin);
    let (x, y) = (xy.x, xy.y);
    let xyz = Vec3::new(x / y, 1.0, (1.0 - x - y) / y);
    let rgb = Vec3::new(
        3.2406 * xyz.x - 1.5372 * xyz.y - 0.4986 * xyz.z,
        -0.9689 * xyz.x + 1.8758 * xyz.y + 0.0415 * xyz.z,
        0.0557 * xyz.x - 0.2040 * xyz.y + 1.0570 * xyz.z,
    )
    .max(Vec3::ZERO);
    normalized_hue(rgb.to_array())
}

/// CIE 1931 xy of a blackbody (Kim et al. 2002 cubic spline, evaluated in f64 with the
/// published coefficients).
fn kelvin_to_xy(kelvin: f32) -> Vec2 {
    let t = f64::from(if kelvin.is_nan() {
        6500.0
    } else {
        kelvin.clamp(KELVIN_RANGE.0, KELVIN_RANGE.1)
    });
    let (t2, t3) = (t * t, t * t * t);
    let x = if t <= 4000.0 {
        -0.266_123_9e9 / t3 - 0.234_358_9e6 / t2 + 0.877_695_6e3 / t + 0.179_910
    } else {
        -3.025_846_9e9 / t3 + 2.107_037_9e6 / t2 + 0.222_634_7e3 / t + 0.240_390
    };
    let (x2, x3) = (x * x, x * x * x);
    let y = if t <= 2222.0 {
        -1.106_381_4 * x3 - 1.348_110_2 * x2 + 2.185_558_32 * x - 0.202_196_83
    } else if t <= 4000.0 {
        -0.954_947_6 * x3 - 1.374_185_93 * x2 + 2.091_370_15 * x - 0.167_488_67
    } else {
        3.081_758 * x3 - 5.873_386_7 * x2 + 3.751_129_97 * x - 0.370_014_83
    };
    Vec2::new(x as f32, y as f32)
}

/// CIE XYZ of a linear Rec. 709 / sRGB colour (D65).
fn linear_rgb_to_xyz(rgb: [f32; 3]) -> Vec3 {
    let [r, g, b] = rgb;
    Vec3::new(
        0.4124 * r + 0.3576 * g + 0.1805 * b,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        0.0193 * r + 0.1192 * g + 0.9505 * b,
    )
}

/// CIE 1976 u′v′ chromaticity of a linear RGB colour; `None` for black or invalid colours.
pub fn chromaticity_uv(rgb: [f32; 3]) -> Option<Vec2> {
    let xyz = linear_rgb_to_xyz(sanitize(rgb));
    let denominator = xyz.x + 15.0 * xyz.y + 3.0 * xyz.z;
    if !(denominator > 1.0e-6 && denominator.is_finite()) {
        return None;
    }
    Some(Vec2::new(4.0 * xyz.x, 9.0 * xyz.y) / denominator)
}

/// Correlated colour temperature in kelvin of a linear RGB colour, or `None` for black, or
/// colours too far from white light for a temperature to mean anything (further than 0.02
/// from the blackbody curve in CIE 1960 uv).
pub fn correlated_colour_temperature(rgb: [f32; 3]) -> Option<f32> {
    let (cct, duv) = nearest_blackbody(chromaticity_uv(rgb)?);
    (duv.abs() <= MAX_DUV_FOR_KELVIN).then_some(cct)
}

/// CIE 1960 uv from CIE 1976 u′v′.
fn to_1960(uv: Vec2) -> Vec2 {
    Vec2::new(uv.x, uv.y * 2.0 / 3.0)
}

/// 1960 uv of the blackbody at `mired` (10⁶ / kelvin).
fn locus_1960(mired: f32) -> Vec2 {
    to_1960(xy_to_uv(kelvin_to_xy(1.0e6 / mired)))
}

/// The colour temperature whose blackbody is nearest to a u′v′ chromaticity (searched on the
/// same curve as [`kelvin_to_linear_rgb`], so the two round-trip), and the signed distance
/// from it in CIE 1960 uv ("Duv": positive is greenish, negative magenta).
fn nearest_blackbody(uv: Vec2) -> (f32, f32) {
    let point = to_1960(uv);
    let distance = |mired: f32| point.distance_squared(locus_1960(mired));
    let (lo, hi) = (1.0e6 / KELVIN_RANGE.1, 1.0e6 / KELVIN_RANGE.0);
    // A coarse scan in steps of 5 mired, then a ternary search around the best step.
    let steps = ((hi - lo) / 5.0).ceil() as usize;
    let step = (hi - lo) / steps as f32;
    let best = (0..=steps)
        .map(|i| lo + step * i as f32)
        .min_by(|a, b| distance(*a).total_cmp(&distance(*b)))
        .unwrap_or(lo);
    let (mut a, mut b) = ((best - step).max(lo), (best + step).min(hi));
    for _ in 0..40 {
        let (m1, m2) = (a + (b - a) / 3.0, b - (b - a) / 3.0);
        if distance(m1) < distance(m2) {
            b = m2;
        } else {
            a = m1;
        }
    }
    let mired = 0.5 * (a + b);
    let locus = locus_1960(mired);
    let duv = point.distance(locus).copysign(point.y - locus.y);
    (1.0e6 / mired, duv)
}

fn xy_to_uv(xy: Vec2) -> Vec2 {
    let d = -2.0 * xy.x + 12.0 * xy.y + 3.0;
    Vec2::new(4.0 * xy.x, 9.0 * xy.y) / d
}

/// Finite, non-negative channels.
fn sanitize(rgb: [f32; 3]) -> [f32; 3] {
    rgb.map(|c| if c.is_finite() { c.max(0.0) } else { 0.0 })
}

/// The colour scaled so its largest channel is 1 (black stays black).
fn normalized_hue(rgb: [f32; 3]) -> [f32; 3] {
    let rgb = sanitize(rgb);
    let max = rgb[0].max(rgb[1]).max(rgb[2]);
    if max > 0.0 { rgb.map(|c| c / max) } else { rgb }
}

fn clean_intensity(intensity: f32) -> f32 {
    if intensity.is_nan() {
        0.0
    } else {
        intensity.clamp(0.0, 1.0)
    }
}

/// Several lights of one kind added together, as the actor receives them.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
struct Mix {
    /// Summed linear RGB.
    rgb: Vec3,
    /// Summed (sin, cos) of the azimuths, weighted by luminance.
    direction: Vec2,
}

impl Mix {
    fn empty() -> Self {
        Self {
            rgb: Vec3::ZERO,
            direction: Vec2::ZERO,
        }
    }

    /// Adds a light whose luminance is its intensity, whatever its colour.
    fn add(&mut self, color: [f32; 3], intensity: f32, azimuth_deg: f32) {
        let hue = sanitize(color);
        let hue_luminance = linear_rgb_to_xyz(hue).y;
        if !(hue_luminance > 0.0 && hue_luminance.is_finite()) {
            return; // Black light: nothing reaches the actor.
        }
        let luminance = clean_intensity(intensity);
        self.rgb += Vec3::from_array(hue) * (luminance / hue_luminance);
        if azimuth_deg.is_finite() {
            let a = azimuth_deg.to_radians();
            self.direction += luminance * Vec2::new(a.sin(), a.cos());
        }
    }

    fn luminance(&self) -> f32 {
        linear_rgb_to_xyz(self.rgb.to_array()).y
    }

    fn chromaticity(&self) -> Option<Vec2> {
        chromaticity_uv(self.rgb.to_array())
    }

    fn azimuth_deg(&self) -> Option<f32> {
        (self.direction.length() > 1.0e-6)
            .then(|| self.direction.x.atan2(self.direction.y).to_degrees())
    }
}

/// The azimuth (module conventions) of a direction pointing *towards* a light, e.g. the
/// direction to the sun in the wall's scene; `None` for a straight-up or zero direction.
pub fn azimuth_deg_from_direction(towards_light: Vec3) -> Option<f32> {
    let flat = Vec2::new(towards_light.x, -towards_light.z);
    (flat.length() > 1.0e-6 && flat.is_finite()).then(|| flat.x.atan2(flat.y).to_degrees())
}

/// `a − b` wrapped to (−180°, 180°].
fn angle_difference_deg(a: f32, b: f32) -> f32 {
    let d = (a - b).rem_euclid(360.0);
    if d > 180.0 { d - 360.0 } else { d }
}

/// Where a light at this azimuth comes from, in words.
fn side_words(azimuth_deg: f32) -> &'static str {
    let a = angle_difference_deg(azimuth_deg, 0.0);
    if a.abs() <= 30.0 {
        "from behind the actor"
    } else if a.abs() >= 150.0 {
        "from behind the camera"
    } else if a > 0.0 {
        "from the right"
    } else {
        "from the left"
    }
}

/// "on the right" style words for the sun on the wall.
fn sun_side_words(azimuth_deg: f32) -> &'static str {
    let a = angle_difference_deg(azimuth_deg, 0.0);
    if a.abs() <= 30.0 {
        "behind the actor"
    } else if a.abs() >= 150.0 {
        "behind the camera"
    } else if a > 0.0 {
        "on the right"
    } else {
        "on the left"
    }
}

fn scene_phrase(label: &str) -> String {
    let label = label.trim();
    if label.is_empty() {
        return "for this scene".to_owned();
    }
    let article = match label.chars().next() {
        Some(c) if "aeiouAEIOU".contains(c) => "an",
        _ => "a",
    };
    format!("for {article} {label} scene")
}

/// "3,200 K": rounded to 100 K with a thousands separator.
fn format_kelvin(kelvin: f32) -> String {
    let hundreds = (kelvin / 100.0).round().max(0.0) as u32;
    let k = hundreds * 100;
    if k >= 1000 {
        format!("{},{:03} K", k / 1000, k % 1000)
    } else {
        format!("{k} K")
    }
}

fn stops_words(stops: f32) -> String {
    let s = stops.abs();
    if (s - 1.0).abs() < 0.05 {
        "1 stop".to_owned()
    } else {
        format!("{s:.1} stops")
    }
}

/// One thing wrong, with its cost in points.
struct Problem {
    points: f32,
    advice: String,
}

/// How well `lights` match the scene on the wall: a score out of 100, the errors behind it,
/// and advice, worst problem first.
///
/// The score starts at 100 and loses, each in proportion to the error and capped at its
/// weight: key colour 30 (a u′v′ difference of 0.05, about tungsten against daylight, costs
/// all 30), fill colour 10, key brightness 20 (2 stops cost all of it), fill brightness 15,
/// and key direction 25 (90° costs all of it) scaled by how directional the scene's light is
/// (its key's share of key + fill luminance): on an overcast day the side the light comes
/// from matters less. Several lights of one kind are added together as the actor receives
/// them.
pub fn match_score(lights: &[StageLight], target: &SceneLightTarget) -> LightingMatch {
    let (key, fill) = received(lights);
    let (want_key, want_fill) = wanted(target);
    let scene = scene_phrase(&target.scene_label);

    let mut problems = Vec::new();

    // Colour, compared only where both lights exist; a missing light is a brightness problem.
    let key_colour = colour_difference(&key, &want_key);
    let fill_colour = colour_difference(&fill, &want_fill);
    if let Some((delta, light_uv, target_uv)) = key_colour {
        problems.push(Problem {
            points: KEY_COLOUR_WEIGHT * (delta / FULL_COLOUR_ERROR).min(1.0),
            advice: colour_advice("key light", light_uv, target_uv, &scene),
        });
    }
    if let Some((delta, light_uv, target_uv)) = fill_colour {
        problems.push(Problem {
            points: FILL_COLOUR_WEIGHT * (delta / FULL_COLOUR_ERROR).min(1.0),
            advice: colour_advice("fill light", light_uv, target_uv, &scene),
        });
    }

    // Direction of the key, where both a key and a sun exist.
    let directionality = {
        let (k, f) = (want_key.luminance(), want_fill.luminance());
        if k + f > 0.0 { k / (k + f) } else { 0.0 }
    };
    let mut direction_error_deg = 0.0;
    if let (Some(light_az), Some(sun_az)) = (key.azimuth_deg(), want_key.azimuth_deg()) {
        direction_error_deg = angle_difference_deg(light_az, sun_az).abs();
        problems.push(Problem {
            points: DIRECTION_WEIGHT
                * directionality
                * (direction_error_deg / FULL_DIRECTION_ERROR_DEG).min(1.0),
            advice: direction_advice(light_az, sun_az, direction_error_deg),
        });
    }

    // Brightness, in stops. A light that is missing (or there when the scene has none) also
    // gets its colour wrong, and a missing key its direction: those points go with it.
    let key_missing = is_on(&key) != is_on(&want_key);
    let fill_missing = is_on(&fill) != is_on(&want_fill);
    if key_missing && is_on(&want_key) {
        direction_error_deg = 180.0;
    }
    let key_stops = stops_between(key.luminance(), want_key.luminance());
    let fill_stops = stops_between(fill.luminance(), want_fill.luminance());
    let key_extra = if key_missing {
        KEY_COLOUR_WEIGHT + DIRECTION_WEIGHT * directionality
    } else {
        0.0
    };
    let fill_extra = if fill_missing {
        FILL_COLOUR_WEIGHT
    } else {
        0.0
    };
    problems.push(Problem {
        points: KEY_INTENSITY_WEIGHT * (key_stops.abs() / FULL_INTENSITY_ERROR_STOPS).min(1.0)
            + key_extra,
        advice: key_intensity_advice(&key, &want_key, key_stops, &scene),
    });
    problems.push(Problem {
        points: FILL_INTENSITY_WEIGHT * (fill_stops.abs() / FULL_INTENSITY_ERROR_STOPS).min(1.0)
            + fill_extra,
        advice: fill_intensity_advice(&fill, &want_fill, fill_stops, &scene),
    });

    let (score, advice, problem_count) = score_and_advice(problems, &scene);
    LightingMatch {
        score,
        colour_error: key_colour
            .map_or(0.0, |c| c.0)
            .max(fill_colour.map_or(0.0, |c| c.0)),
        intensity_error: key_stops.abs().max(fill_stops.abs()),
        direction_error_deg,
        advice,
        problem_count,
    }
}

/// What the actor receives from `lights`: (key, fill), several lights of a kind added together.
fn received(lights: &[StageLight]) -> (Mix, Mix) {
    let (mut key, mut fill) = (Mix::empty(), Mix::empty());
    for light in lights {
        match light.kind {
            LightKind::Key => key.add(light.color, light.intensity, light.azimuth_deg),
            LightKind::Fill => fill.add(light.color, light.intensity, light.azimuth_deg),
        }
    }
    (key, fill)
}

/// What the scene on the wall asks for: (key, fill). The fill has no direction.
fn wanted(target: &SceneLightTarget) -> (Mix, Mix) {
    let (mut want_key, mut want_fill) = (Mix::empty(), Mix::empty());
    want_key.add(
        target.key_color,
        target.key_intensity,
        target.key_azimuth_deg,
    );
    want_fill.add(target.fill_color, target.fill_intensity, 0.0);
    (want_key, want_fill)
}

/// The score left after `problems`, the advice worth giving (worst first, or praise when
/// there is none) and how many problems that advice names.
fn score_and_advice(mut problems: Vec<Problem>, scene: &str) -> (f32, Vec<String>, usize) {
    let lost: f32 = problems.iter().map(|p| p.points).sum();
    // Rounded to a tenth, so float noise (a key 0.00001° off) never shows as a lost point.
    let score = ((100.0 - lost) * 10.0).round().clamp(0.0, 1000.0) / 10.0;
    problems.retain(|p| p.points >= ADVICE_THRESHOLD_POINTS);
    problems.sort_by(|a, b| b.points.total_cmp(&a.points));
    let mut advice: Vec<String> = problems.into_iter().map(|p| p.advice).collect();
    let problem_count = advice.len();
    if advice.is_empty() {
        advice.push(format!(
            "The stage lights match the wall {scene}: the actor looks as if they stand in it."
        ));
    }
    (score, advice, problem_count)
}

/// (u′v′ distance, light u′v′, target u′v′), when both have a colour.
fn colour_difference(light: &Mix, target: &Mix) -> Option<(f32, Vec2, Vec2)> {
    let (a, b) = (light.chromaticity()?, target.chromaticity()?);
    Some((a.distance(b), a, b))
}

/// Whether a mix gives any light worth counting.
fn is_on(mix: &Mix) -> bool {
    mix.luminance() >= LUMINANCE_FLOOR
}

fn stops_between(light: f32, target: f32) -> f32 {
    (light.max(LUMINANCE_FLOOR) / target.max(LUMINANCE_FLOOR)).log2()
}

fn colour_advice(role: &str, light_uv: Vec2, target_uv: Vec2, scene: &str) -> String {
    let (light_k, light_duv) = nearest_blackbody(light_uv);
    let (target_k, target_duv) = nearest_blackbody(target_uv);
    if light_duv.abs() > MAX_DUV_FOR_KELVIN || target_duv.abs() > MAX_DUV_FOR_KELVIN {
        return format!(
            "Your {role} is the wrong colour {scene}: the wall's light is not a plain warm or \
             cool white, so set the light's RGB colour (or a coloured gel) to match it."
        );
    }
    let mired_gap = 1.0e6 / light_k - 1.0e6 / target_k;
    let tint_gap = light_duv - target_duv;
    if tint_gap.abs() > mired_gap.abs() * UV_PER_MIRED {
        if tint_gap > 0.0 {
            format!("Your {role} is too green {scene}: add magenta (a minus-green gel).")
        } else {
            format!("Your {role} is too magenta {scene}: add green (a plus-green gel).")
        }
    } else if mired_gap < 0.0 {
        format!(
            "Your {role} is too blue {scene}: warm it towards {}.",
            format_kelvin(target_k)
        )
    } else {
        format!(
            "Your {role} is too orange {scene}: cool it towards {}.",
            format_kelvin(target_k)
        )
    }
}

fn key_intensity_advice(light: &Mix, target: &Mix, stops: f32, scene: &str) -> String {
    if !is_on(light) && is_on(target) {
        return match target.azimuth_deg() {
            Some(az) => format!(
                "There is no key light, but the sun on the wall is {}: set a key {} to play it.",
                sun_side_words(az),
                side_words(az)
            ),
            None => "There is no key light: set one to play the sun on the wall.".to_owned(),
        };
    }
    if !is_on(target) {
        return format!(
            "There is no sun in the wall's scene, so a hard key light gives it away: turn the key \
             off or down {scene}."
        );
    }
    if stops > 0.0 {
        format!(
            "Your key light is {} too bright {scene}: dim it by {} (or add a net).",
            stops_words(stops),
            stops_words(stops)
        )
    } else {
        format!(
            "Your key light is {} too dark {scene}: raise it by {}.",
            stops_words(stops),
            stops_words(stops)
        )
    }
}

fn fill_intensity_advice(light: &Mix, target: &Mix, stops: f32, scene: &str) -> String {
    if !is_on(light) && is_on(target) {
        return "There is no fill light: the shadows on the actor are darker than the sky on the \
                wall allows. Add a soft fill."
            .to_owned();
    }
    if stops > 0.0 {
        format!(
            "The fill is {} too bright {scene}: the shadows are lighter than the wall's. Dim the \
             fill.",
            stops_words(stops)
        )
    } else {
        format!(
            "The shadows are too dark {scene}: raise the fill by {}.",
            stops_words(stops)
        )
    }
}

fn direction_advice(light_az: f32, sun_az: f32, error_deg: f32) -> String {
    let (light_side, sun_side) = (side_words(light_az), sun_side_words(sun_az));
    let sun_from = side_words(sun_az);
    if light_side != sun_from {
        return format!(
            "The key comes {light_side} but the sun on the wall is {sun_side}: move the key round \
             by about {error_deg:.0}° so it comes {sun_from}."
        );
    }
    let (light, sun) = (light_az.to_radians(), sun_az.to_radians());
    let turn = if matches!(light_side, "from the left" | "from the right") {
        // Along one side of the actor: the question is how far round towards the wall.
        if sun.cos() > light.cos() {
            "round towards the wall"
        } else {
            "round towards the camera"
        }
    } else if sun.sin() > light.sin() {
        "towards camera right"
    } else {
        "towards camera left"
    };
    format!(
        "The key comes {light_side} like the sun on the wall, but {error_deg:.0}° off: move it \
         {turn}."
    )
}

#[cfg(test)]
mod tests;
