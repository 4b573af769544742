//! The small things that make a place: rubble, pebbles, scrub and drifts ([`Scatter`]),
//! clusters of plants that glow at night ([`Flora`]), cars in the streets ([`Vehicles`]),
//! power lines ([`PowerLines`]) and an aurora at night ([`Aurora`]). Each is a layer in a
//! scene file: what it is, how it is checked and how it is built.

use glam::{Quat, Vec2, Vec3};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::built::{Builder, PartKind, Primitive, Shape};
use super::conditions::{TimeOfDay, sky_direction};
use super::description::XzRect;
use super::helpers::{pick, scale};
use super::validate::{
    check_area, check_color, check_count, check_fraction, check_glow, check_light, check_range,
    invalid,
};
use super::{Rgb, SceneError};

/// Most objects one [`Scatter`] spot or one [`Flora`] cluster may hold.
pub const MAX_PER_SPOT: u32 = 12;

/// What a [`Scatter`] layer strews.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScatterStyle {
    /// Tilted broken blocks.
    #[default]
    Rubble,
    /// Low rounded stones.
    Pebbles,
    /// Round bushes.
    Scrub,
    /// Long, low drifts of snow or sand.
    Drifts,
}

/// Small things strewn over an area, `per_spot` around each of `count` spots.
/// `count × per_spot` primitives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scatter {
    pub count: u32,
    #[serde(default)]
    pub style: ScatterStyle,
    pub area: XzRect,
    /// Size of one object `(min, max)`.
    pub size_m: (f32, f32),
    /// Colours; each object takes one at random.
    pub colors: Vec<Rgb>,
    /// Objects around each spot (1–12).
    #[serde(default = "one")]
    pub per_spot: u32,
    /// How far from its spot an object may lie.
    #[serde(default)]
    pub spread_m: f32,
}

/// Clusters of plants: a stalk and a bloom each, the blooms glowing (brighter at night).
/// `2 × count × per_cluster` primitives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flora {
    pub count: u32,
    /// Plants in each cluster (1–12).
    pub per_cluster: u32,
    pub area: XzRect,
    pub height_m: (f32, f32),
    pub stalk_color: Rgb,
    /// Bloom colours; each plant takes one at random.
    pub bloom_colors: Vec<Rgb>,
    /// How much the blooms glow at noon (0 = not at all); night multiplies it.
    #[serde(default)]
    pub glow: f32,
}

/// Cars left in the streets: a body and a cabin each, some wrecked and tilted.
/// [`Vehicles::PARTS`] primitives each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vehicles {
    pub count: u32,
    pub area: XzRect,
    /// Paint colours; each car takes one at random.
    pub colors: Vec<Rgb>,
    /// Share of wrecks, tilted on their side a little (0–1).
    #[serde(default)]
    pub wrecked_fraction: f32,
}

/// A line of poles from `from` to `to` on the ground, three wires sagging between each pair.
/// [`PowerLines::PARTS_PER_POLE`] primitives per pole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PowerLines {
    pub from: (f32, f32),
    pub to: (f32, f32),
    /// Number of poles (2–40).
    pub poles: u32,
    pub height_m: f32,
    pub color: Rgb,
    pub wire_color: Rgb,
    /// How far each wire sags at the middle of its span.
    #[serde(default = "one_m")]
    pub sag_m: f32,
}

/// Curtains of light in the night sky: glowing panels in a wavy band, shown at night (faintly
/// at dawn and dusk) and hidden by cloud. `curtains × segments` primitives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aurora {
    /// Number of curtains (1–8).
    pub curtains: u32,
    /// Panels in each curtain (2–40).
    pub segments: u32,
    pub distance_m: f32,
    /// Elevation of a curtain's lower edge `(min, max)`.
    pub elevation_deg: (f32, f32),
    /// Arc of sky the curtains hang over `(min, max)`.
    pub azimuth_deg: (f32, f32),
    pub height_m: (f32, f32),
    /// Glow colours, used in turn by the curtains (may exceed 1).
    pub colors: Vec<Rgb>,
}

fn one() -> u32 {
    1
}

fn one_m() -> f32 {
    1.0
}

impl Vehicles {
    pub const PARTS: usize = 2;
}

impl PowerLines {
    /// A pole, its crossbar and three wires of two segments each to the next pole.
    pub const PARTS_PER_POLE: usize = 8;
}

fn check_per(field: &str, n: u32, lo: u32, hi: u32) -> Result<(), SceneError> {
    if (lo..=hi).contains(&n) {
        Ok(())
    } else {
        invalid(field, format!("must be {lo} to {hi}, got {n}"))
    }
}

fn check_colors(field: &str, colors: &[Rgb], light: bool) -> Result<(), SceneError> {
    if colors.is_empty() {
        return invalid(field, "needs at least one colour");
    }
    for (i, c) in colors.iter().enumerate() {
        let at = format!("{field}[{i}]");
        if light {
            check_light(&at, *c)?;
        } else {
            check_color(&at, *c)?;
        }
    }
    Ok(())
}

impl Scatter {
    pub(super) fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_count(&f("count"), self.count)?;
        check_area(&f("area"), &self.area)?;
        check_range(&f("size_m"), self.size_m, true)?;
        check_colors(&f("colors"), &self.colors, false)?;
        check_per(&f("per_spot"), self.per_spot, 1, MAX_PER_SPOT)?;
        if !(0.0..=100.0).contains(&self.spread_m) {
            return invalid(
                f("spread_m"),
                format!("must be 0 to 100, got {}", self.spread_m),
            );
        }
        Ok(())
    }

    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let spot = self.area.sample(rng);
                (0..self.per_spot)
                    .map(|_| {
                        let angle = pick(rng, (0.0, std::f32::consts::TAU));
                        let off = Vec2::from_angle(angle) * pick(rng, (0.0, self.spread_m));
                        let at = spot + off;
                        let s = pick(rng, self.size_m);
                        let yaw = Quat::from_rotation_y(pick(rng, (0.0, std::f32::consts::TAU)));
                        let color = self.colors[rng.random_range(0..self.colors.len())];
                        let color = scale(color, pick(rng, (0.85, 1.1))).map(|c| c.min(1.0));
                        self.piece(rng, Vec3::new(at.x, 0.0, at.y), s, yaw, color)
                    })
                    .collect()
            });
        }
    }

    fn piece(
        &self,
        rng: &mut ChaCha8Rng,
        ground: Vec3,
        s: f32,
        yaw: Quat,
        color: Rgb,
    ) -> Primitive {
        match self.style {
            ScatterStyle::Rubble => {
                let size = Vec3::new(s, s * pick(rng, (0.3, 0.8)), s * pick(rng, (0.4, 1.0)));
                let tilt = Quat::from_rotation_x(pick(rng, (-0.5, 0.5)))
                    * Quat::from_rotation_z(pick(rng, (-0.5, 0.5)));
                Primitive::new(
                    PartKind::Debris,
                    Shape::Cuboid { size },
                    ground,
                    color,
                    0.95,
                )
                .rotated(yaw * tilt)
            }
            ScatterStyle::Pebbles => {
                let radii = Vec3::new(0.5 * s, 0.3 * s, 0.4 * s);
                Primitive::new(
                    PartKind::Debris,
                    Shape::Ellipsoid { radii },
                    ground,
                    color,
                    0.9,
                )
                .rotated(yaw)
            }
            ScatterStyle::Scrub => {
                let radii = Vec3::new(0.5 * s, 0.35 * s, 0.45 * s);
                Primitive::new(
                    PartKind::Plant,
                    Shape::Ellipsoid { radii },
                    ground,
                    color,
                    1.0,
                )
                .rotated(yaw)
            }
            ScatterStyle::Drifts => {
                let radii = Vec3::new(s, 0.1 * s, 0.3 * s);
                Primitive::new(
                    PartKind::Plant,
                    Shape::Ellipsoid { radii },
                    ground,
                    color,
                    0.8,
                )
                .rotated(yaw)
            }
        }
    }
}

impl Flora {
    pub(super) fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_count(&f("count"), self.count)?;
        check_per(&f("per_cluster"), self.per_cluster, 1, MAX_PER_SPOT)?;
        check_area(&f("area"), &self.area)?;
        check_range(&f("height_m"), self.height_m, true)?;
        check_color(&f("stalk_color"), self.stalk_color)?;
        check_colors(&f("bloom_colors"), &self.bloom_colors, false)?;
        check_glow(&f("glow"), self.glow)
    }

    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = self.glow * b.env.emissive_scale;
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let centre = self.area.sample(rng);
                let mut parts = Vec::new();
                for _ in 0..self.per_cluster {
                    let h = pick(rng, self.height_m);
                    let off = Vec2::from_angle(pick(rng, (0.0, std::f32::consts::TAU)))
                        * pick(rng, (0.0, 1.5 * self.height_m.1));
                    let foot = Vec3::new(centre.x + off.x, 0.0, centre.y + off.y);
                    let lean = Quat::from_rotation_z(pick(rng, (-0.25, 0.25)))
                        * Quat::from_rotation_x(pick(rng, (-0.25, 0.25)));
                    let axis = lean * Vec3::Y;
                    let bloom = self.bloom_colors[rng.random_range(0..self.bloom_colors.len())];
                    let r = h * pick(rng, (0.12, 0.22));
                    parts.push(
                        Primitive::new(
                            PartKind::Plant,
                            Shape::Cylinder {
                                radius: (0.05 * h).max(0.05),
                                height: h,
                            },
                            foot + axis * (0.5 * h),
                            self.stalk_color,
                            0.9,
                        )
                        .rotated(lean),
                    );
                    parts.push(
                        Primitive::new(
                            PartKind::Plant,
                            Shape::Ellipsoid {
                                radii: Vec3::new(r, 1.3 * r, r),
                            },
                            foot + axis * (h + 0.8 * r),
                            bloom,
                            0.5,
                        )
                        .rotated(lean)
                        // Two strengths of glow, so the blooms share few materials.
                        .glowing(scale(bloom, glow * [0.65, 1.0][rng.random_range(0..2)])),
                    );
                }
                parts
            });
        }
    }
}

impl Vehicles {
    pub(super) fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_count(&f("count"), self.count)?;
        check_area(&f("area"), &self.area)?;
        check_colors(&f("colors"), &self.colors, false)?;
        check_fraction(&f("wrecked_fraction"), self.wrecked_fraction)
    }

    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                // Along the street or across it, a little askew.
                let quarter = if rng.random::<bool>() { 0.0 } else { 1.0 };
                let yaw = Quat::from_rotation_y(
                    quarter * std::f32::consts::FRAC_PI_2 + pick(rng, (-0.25, 0.25)),
                );
                let wreck = rng.random::<f32>() < self.wrecked_fraction;
                let roll = if wreck { pick(rng, (0.15, 0.5)) } else { 0.0 };
                let turn = yaw * Quat::from_rotation_x(roll);
                let paint = self.colors[rng.random_range(0..self.colors.len())];
                let paint = if wreck { scale(paint, 0.6) } else { paint };
                let ground = Vec3::new(at.x, 0.0, at.y);
                vec![
                    Primitive::new(
                        PartKind::Vehicle,
                        Shape::Cuboid {
                            size: Vec3::new(1.8, 0.9, 4.3),
                        },
                        ground + turn * Vec3::new(0.0, 0.75, 0.0),
                        paint,
                        0.4,
                    )
                    .rotated(turn),
                    Primitive::new(
                        PartKind::Vehicle,
                        Shape::Cuboid {
                            size: Vec3::new(1.6, 0.7, 2.2),
                        },
                        ground + turn * Vec3::new(0.0, 1.5, 0.3),
                        [0.08, 0.09, 0.1],
                        0.15,
                    )
                    .rotated(turn),
                ]
            });
        }
    }
}

impl PowerLines {
    pub(super) fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        for (name, (x, z)) in [("from", self.from), ("to", self.to)] {
            if !(x.is_finite() && z.is_finite()) {
                return invalid(f(name), format!("must be finite, got ({x}, {z})"));
            }
        }
        check_per(&f("poles"), self.poles, 2, 40)?;
        if !(2.0..=60.0).contains(&self.height_m) {
            return invalid(
                f("height_m"),
                format!("must be 2 to 60, got {}", self.height_m),
            );
        }
        if !(0.0..=10.0).contains(&self.sag_m) {
            return invalid(f("sag_m"), format!("must be 0 to 10, got {}", self.sag_m));
        }
        check_color(&f("color"), self.color)?;
        check_color(&f("wire_color"), self.wire_color)
    }

    /// No randomness: poles evenly spaced; a pole too near the stage is left out with its wires.
    pub(super) fn generate(&self, b: &mut Builder) {
        let from = Vec3::new(self.from.0, 0.0, self.from.1);
        let to = Vec3::new(self.to.0, 0.0, self.to.1);
        let n = self.poles.max(2);
        let along = (to - from).normalize_or(Vec3::X);
        let across = Vec3::new(-along.z, 0.0, along.x);
        let yaw = Quat::from_rotation_arc(Vec3::X, across);
        let h = self.height_m;
        let pole_at = |i: u32| from + (to - from) * (i as f32 / (n - 1) as f32);
        for i in 0..n {
            let foot = pole_at(i);
            let mut group = vec![
                Primitive::new(
                    PartKind::Pole,
                    Shape::Cylinder {
                        radius: 0.18,
                        height: h,
                    },
                    foot + Vec3::Y * (0.5 * h),
                    self.color,
                    0.8,
                ),
                Primitive::new(
                    PartKind::Pole,
                    Shape::Cuboid {
                        size: Vec3::new(2.6, 0.18, 0.18),
                    },
                    foot + Vec3::Y * (h - 0.6),
                    self.color,
                    0.8,
                )
                .rotated(yaw),
            ];
            if i + 1 < n {
                let next = pole_at(i + 1);
                for k in [-1.1, 0.0, 1.1] {
                    let a = foot + across * k + Vec3::Y * (h - 0.5);
                    let c = next + across * k + Vec3::Y * (h - 0.5);
                    let mid = 0.5 * (a + c) - Vec3::Y * self.sag_m;
                    group.push(wire(a, mid, self.wire_color));
                    group.push(wire(mid, c, self.wire_color));
                }
            }
            if b.offer(group).is_blocked_or_full() {
                b.skipped += 1;
            }
        }
    }
}

/// A thin straight wire from `a` to `b`.
fn wire(a: Vec3, b: Vec3, color: Rgb) -> Primitive {
    let d = b - a;
    Primitive::new(
        PartKind::Pole,
        Shape::Cuboid {
            size: Vec3::new(0.06, 0.06, d.length().max(0.01)),
        },
        0.5 * (a + b),
        color,
        0.6,
    )
    .rotated(Quat::from_rotation_arc(Vec3::Z, d.normalize_or(Vec3::Z)))
}

impl Aurora {
    pub(super) fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_per(&f("curtains"), self.curtains, 1, 8)?;
        check_per(&f("segments"), self.segments, 2, 40)?;
        if !(500.0..=2500.0).contains(&self.distance_m) {
            return invalid(
                f("distance_m"),
                format!("must be 500 to 2500, got {}", self.distance_m),
            );
        }
        check_range(&f("elevation_deg"), self.elevation_deg, true)?;
        if self.elevation_deg.1 > 60.0 {
            return invalid(f("elevation_deg"), "must stay below 60 degrees");
        }
        check_range(&f("azimuth_deg"), self.azimuth_deg, false)?;
        check_range(&f("height_m"), self.height_m, true)?;
        check_colors(&f("colors"), &self.colors, true)
    }

    /// How strongly it shows: full at night, faint at dawn and dusk, not at noon; cloud and
    /// falling snow hide it (the sky's glow).
    fn strength(time: TimeOfDay, sky_glow: f32) -> f32 {
        let by_time = match time {
            TimeOfDay::Night => 1.0,
            TimeOfDay::Dawn | TimeOfDay::Dusk => 0.15,
            TimeOfDay::Noon => 0.0,
        };
        by_time * sky_glow
    }

    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let strength = Self::strength(b.env.time, b.env.sky_glow);
        if strength < 0.05 {
            return;
        }
        for c in 0..self.curtains {
            let color = self.colors[c as usize % self.colors.len()];
            let (a0, a1) = self.azimuth_deg;
            let width = (a1 - a0) * pick(rng, (0.3, 0.6));
            let start = pick(rng, (a0, (a1 - width).max(a0)));
            let base_el = pick(rng, self.elevation_deg);
            let tall = pick(rng, self.height_m);
            let phase = pick(rng, (0.0, std::f32::consts::TAU));
            let step = width / self.segments as f32;
            let group: Vec<Primitive> = (0..self.segments)
                .map(|i| {
                    let az = start + (i as f32 + 0.5) * step;
                    // A wavy band: each panel a little nearer or farther, higher or lower.
                    let wave = (phase + i as f32 * 0.7).sin();
                    let dist = self.distance_m * (1.0 + 0.05 * wave);
                    let dir = sky_direction(base_el + 2.0 * wave, az);
                    let panel_w = dist * step.to_radians() * 1.1;
                    let centre = dir * dist + Vec3::Y * (0.5 * tall);
                    let facing = Quat::from_rotation_y(-az.to_radians());
                    let shade = 0.6 + 0.4 * (0.5 + 0.5 * (phase * 1.3 + i as f32).cos());
                    Primitive::new(
                        PartKind::Aurora,
                        Shape::Cuboid {
                            size: Vec3::new(panel_w, tall, 2.0),
                        },
                        centre,
                        color.map(|v| (0.2 * v).min(1.0)),
                        1.0,
                    )
                    .rotated(facing)
                    .glowing(scale(color, strength * shade))
                })
                .collect();
            if b.offer(group).is_blocked_or_full() {
                b.skipped += 1;
            }
        }
    }
}
