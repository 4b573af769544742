//! The built scene: plain primitives (a shape, a transform and a PBR material) that a renderer
//! spawns one by one, and [`build`], which lays them out clear of the stage and within budget.

use glam::{Quat, Vec2, Vec3};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::conditions::Environment;
use super::description::{Layer, SceneDescription};
use super::helpers::mix;
use super::{
    MAX_PRIMITIVES, PLACEMENT_ATTEMPTS, Rgb, SNOW_WHITE, STAGE_CLEAR_RADIUS_M, SceneError,
};

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
    /// A sphere stretched to these half-lengths along local X, Y, Z (clouds, bushes, drifts).
    Ellipsoid {
        radii: Vec3,
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
            Shape::Ellipsoid { radii } => radii.max_element(),
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
    /// A row of windows: dark glass, or lit.
    Window,
    /// A neon sign.
    Sign,
    /// Rubble, pebbles, litter: small things on the ground.
    Debris,
    /// A bush, a plant or a drift: small soft shapes on the ground.
    Plant,
    /// A car or a van.
    Vehicle,
    /// A pole or a wire of a power line.
    Pole,
    /// Sky parts drawn without fog, like [`PartKind::SkyBody`]: the sun's disc, stars,
    /// clouds and aurora curtains.
    SunDisc,
    Star,
    Cloud,
    Aurora,
}

impl PartKind {
    /// Whether the part hangs in the sky (and should ignore fog).
    pub fn is_sky(self) -> bool {
        matches!(
            self,
            PartKind::SkyBody
                | PartKind::SunDisc
                | PartKind::Star
                | PartKind::Cloud
                | PartKind::Aurora
        )
    }
}

/// Parts smaller than this (bounding radius, metres) cast no shadow: pebbles, litter, weeds.
/// Their shadow would be a few texels of the shadow map, for most of the world's triangles.
pub const MIN_SHADOW_CASTER_M: f32 = 1.0;

/// Parts whose top is lower than this (metres above the stage floor's level) cast no shadow
/// either: snowdrifts, sand ripples and low rubble, whose shading already shows their form and
/// whose shadow would hardly leave their own footprint.
pub const MIN_SHADOW_CASTER_TOP_M: f32 = 0.6;

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
    pub fn new(
        kind: PartKind,
        shape: Shape,
        translation: Vec3,
        color: Rgb,
        roughness: f32,
    ) -> Self {
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

    pub fn rotated(mut self, rotation: Quat) -> Self {
        self.rotation = rotation;
        self
    }

    pub fn glowing(mut self, emissive: Rgb) -> Self {
        self.emissive = emissive;
        self
    }

    /// Radius of a sphere around `translation` that contains the shape.
    pub fn bounding_radius(&self) -> f32 {
        self.shape.bounding_radius()
    }

    /// Whether the part casts a shadow on the world. Shadows cost a depth pass of every caster
    /// per cascade and stage camera, so only what makes a shadow one can see casts: buildings,
    /// towers, mesas, rocks, cars, big plants. Not the sky (kilometres up, a cloud would darken
    /// the whole street at once), the ground (nothing lies under it), windows, signs and lamps
    /// (flat on a wall or glowing), nor anything smaller than [`MIN_SHADOW_CASTER_M`] or lower
    /// than [`MIN_SHADOW_CASTER_TOP_M`].
    pub fn casts_shadow(&self) -> bool {
        let flat_or_glowing = matches!(
            self.kind,
            PartKind::Ground | PartKind::Window | PartKind::Sign | PartKind::Light
        );
        !self.kind.is_sky()
            && !flat_or_glowing
            && self.bounding_radius() >= MIN_SHADOW_CASTER_M
            && self.highest_y() >= MIN_SHADOW_CASTER_TOP_M
    }

    /// Height of the shape's highest point, exactly, for any rotation.
    pub fn highest_y(&self) -> f32 {
        match self.shape {
            Shape::Cone { radius, height } => {
                let a = (self.rotation * Vec3::Y).y;
                let tip = self.translation.y + a * 0.5 * height;
                let rim =
                    self.translation.y - a * 0.5 * height + radius * (1.0 - a * a).max(0.0).sqrt();
                tip.max(rim)
            }
            // Every other shape is symmetric about its centre.
            _ => 2.0 * self.translation.y - self.lowest_y(),
        }
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
            // The support of an ellipsoid towards -Y: sqrt(sum over axes of (r_i * up_i)^2).
            Shape::Ellipsoid { radii } => {
                let (x, yy, z) = (
                    radii.x * up(Vec3::X),
                    radii.y * up(Vec3::Y),
                    radii.z * up(Vec3::Z),
                );
                y - (x * x + yy * yy + z * z).sqrt()
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
            Layer::Scatter(l) => l.generate(&mut rng, &mut builder),
            Layer::Flora(l) => l.generate(&mut rng, &mut builder),
            Layer::Vehicles(l) => l.generate(&mut rng, &mut builder),
            Layer::PowerLines(l) => l.generate(&mut builder),
            Layer::Aurora(l) => l.generate(&mut rng, &mut builder),
        }
    }
    // The sky's own parts (sun disc, clouds, stars) on a stream of their own, after the
    // layers, so adding them did not move anything a layer places.
    let mut rng = ChaCha8Rng::seed_from_u64(desc.seed);
    rng.set_stream(super::sky::SKY_STREAM);
    super::sky::generate(&mut rng, &mut builder);
    Ok(BuiltScene {
        name: desc.name.clone(),
        title: desc.title.clone(),
        primitives: builder.primitives,
        environment: env.clone(),
        skipped: builder.skipped,
    })
}

/// Result of offering a group of primitives to the builder.
pub(super) enum Fit {
    Placed,
    /// Too close to the stage: try another spot.
    Blocked,
    /// The primitive budget is spent.
    Full,
}

impl Fit {
    /// Whether the group was left out.
    pub(super) fn is_blocked_or_full(&self) -> bool {
        !matches!(self, Fit::Placed)
    }
}

pub(super) struct Builder<'a> {
    pub(super) env: &'a Environment,
    pub(super) primitives: Vec<Primitive>,
    pub(super) skipped: usize,
}

impl Builder<'_> {
    /// Lifts the group so nothing is under the ground, then keeps it if every part clears the
    /// stage and the budget allows.
    pub(super) fn offer(&mut self, mut group: Vec<Primitive>) -> Fit {
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
    pub(super) fn place(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn low_shapes_cast_no_shadow_and_the_top_of_a_turned_shape_is_exact() {
        let part = |shape: Shape, y: f32, rotation: Quat| {
            let mut p = Primitive::new(
                PartKind::Rock,
                shape,
                Vec3::new(0.0, y, -20.0),
                [0.5; 3],
                0.8,
            );
            p.rotation = rotation;
            p
        };
        // A snowdrift 6 m long, half buried: its top is 0.3 m up.
        let drift = part(
            Shape::Ellipsoid {
                radii: Vec3::new(3.0, 0.3, 1.0),
            },
            0.0,
            Quat::IDENTITY,
        );
        assert!((drift.highest_y() - 0.3).abs() < 1e-5);
        assert!(!drift.casts_shadow());
        // A 2 m block on its corner: its top is half its diagonal above its centre.
        let tilted = Quat::from_rotation_z(std::f32::consts::FRAC_PI_4);
        let block = part(
            Shape::Cuboid {
                size: Vec3::splat(2.0),
            },
            1.5,
            tilted,
        );
        assert!((block.highest_y() - (1.5 + 2f32.sqrt())).abs() < 1e-4);
        assert!(block.casts_shadow());
        // A cone: the tip upright, the rim's edge when laid on its side.
        let cone = Shape::Cone {
            radius: 1.0,
            height: 4.0,
        };
        assert!((part(cone, 2.0, Quat::IDENTITY).highest_y() - 4.0).abs() < 1e-5);
        let lying = part(
            cone,
            1.0,
            Quat::from_rotation_x(std::f32::consts::FRAC_PI_2),
        );
        assert!((lying.highest_y() - 2.0).abs() < 1e-5);
    }
}
