//! The sky's own parts, made from the conditions rather than from a layer: the sun's disc
//! where the light comes from (the moon's at night), clouds whose number and colour follow
//! the weather and the light, and stars on a clear night.

use glam::{Quat, Vec3};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::Rgb;
use super::built::{Builder, PartKind, Primitive, Shape};
use super::conditions::{Environment, TimeOfDay, Weather, sky_direction};
use super::helpers::{grey, mix, mul, pick, scale};

/// The random stream the sky uses (layers use streams 1 to 16).
pub(super) const SKY_STREAM: u64 = 1000;
/// Distance of the sun's disc and the stars: inside the sky dome, beyond everything else.
const SKY_DISTANCE_M: f32 = 2000.0;
/// Stars on a clear night.
const STARS: usize = 500;
/// Most clouds (under overcast or snow) and puffs in each.
const MAX_CLOUDS: usize = 40;
const MAX_PUFFS: usize = 5;
/// The most parts the sky can add: disc, stars and clouds.
pub const MAX_SKY_PARTS: usize = 1 + STARS + MAX_CLOUDS * MAX_PUFFS;

/// Adds the sun (or moon), the clouds and the stars for the builder's conditions.
pub(super) fn generate(rng: &mut ChaCha8Rng, b: &mut Builder) {
    let env = b.env.clone();
    if let Some(disc) = sun_disc(&env) {
        b.offer(vec![disc]);
    }
    for _ in 0..cloud_count(env.weather) {
        let cloud = cloud(rng, &env);
        b.offer(cloud);
    }
    if env.time == TimeOfDay::Night && matches!(env.weather, Weather::Clear | Weather::Haze) {
        let dim = if env.weather == Weather::Haze {
            0.4
        } else {
            1.0
        };
        for _ in 0..STARS {
            let star = star(rng, dim);
            b.offer(vec![star]);
        }
    }
}

/// The sun's disc, or the moon's at night; none behind thick cloud, snow or dust.
fn sun_disc(env: &Environment) -> Option<Primitive> {
    let strength = match env.weather {
        Weather::Clear => 1.0,
        Weather::Haze => 0.45,
        Weather::Overcast | Weather::Snow | Weather::DustStorm => return None,
    };
    let night = env.time == TimeOfDay::Night;
    let (radius, glow) = if night { (30.0, 1.2) } else { (45.0, 6.0) };
    let color = env.sun_color.map(|c| c.min(1.0));
    Some(
        Primitive::new(
            PartKind::SunDisc,
            Shape::Sphere { radius },
            env.to_sun() * SKY_DISTANCE_M,
            color,
            1.0,
        )
        .glowing(scale(color, glow * strength)),
    )
}

/// How many clouds each weather brings.
fn cloud_count(weather: Weather) -> usize {
    match weather {
        Weather::Clear => 14,
        Weather::Haze => 10,
        Weather::Overcast | Weather::Snow => MAX_CLOUDS,
        Weather::DustStorm => 0,
    }
}

/// The colour of cloud under these conditions: white in daylight, tinted by a low sun,
/// grey when the light is dim, dark at night.
fn cloud_color(env: &Environment) -> Rgb {
    let light = (env.sun_illuminance_lux / 9000.0).clamp(0.04, 1.0);
    let base = mix(grey(0.92), env.sky_horizon.map(|c| c.min(1.0)), 0.3);
    let tint = mix([1.0; 3], env.sun_color.map(|c| c.min(1.0)), 0.6);
    scale(mul(base, tint), 0.3 + 0.7 * light.sqrt()).map(|c| c.min(1.0))
}

/// A cloud: a few flattened puffs side by side, high over the world.
fn cloud(rng: &mut ChaCha8Rng, env: &Environment) -> Vec<Primitive> {
    let heavy = matches!(env.weather, Weather::Overcast | Weather::Snow);
    let altitude = if heavy {
        pick(rng, (160.0, 260.0))
    } else {
        pick(rng, (220.0, 420.0))
    };
    let dist = pick(rng, (500.0, 1500.0));
    let az = pick(rng, (-150.0, 150.0));
    let centre = sky_direction(0.0, az) * dist + Vec3::Y * altitude;
    let along = Quat::from_rotation_y(pick(rng, (0.0, std::f32::consts::TAU)));
    let color = cloud_color(env);
    let size = if heavy { 1.6 } else { 1.0 };
    let puffs = rng.random_range(3..=MAX_PUFFS);
    (0..puffs)
        .map(|i| {
            let r = size * pick(rng, (45.0, 110.0));
            let offset = along * Vec3::new((i as f32 - 0.5 * puffs as f32) * 0.9 * r, 0.0, 0.0)
                + Vec3::new(0.0, pick(rng, (-8.0, 12.0)), pick(rng, (-25.0, 25.0)));
            let shade = pick(rng, (0.9, 1.05));
            let c = scale(color, shade).map(|v| v.min(1.0));
            Primitive::new(
                PartKind::Cloud,
                Shape::Ellipsoid {
                    radii: Vec3::new(r, 0.32 * r, 0.7 * r),
                },
                centre + offset,
                c,
                1.0,
            )
            .rotated(along)
            // Light from inside, so the shaded side reads as cloud, not as a dark rock.
            .glowing(scale(c, 0.35))
        })
        .collect()
}

/// One star: a tiny glowing block far away, anywhere above the haze near the horizon.
fn star(rng: &mut ChaCha8Rng, dim: f32) -> Primitive {
    let dir = sky_direction(pick(rng, (8.0, 88.0)), pick(rng, (-180.0, 180.0)));
    let s = pick(rng, (4.0, 8.0));
    // Two tints and three magnitudes, so all the stars share a handful of materials.
    let color = if rng.random::<f32>() < 0.7 {
        [0.8, 0.87, 1.0]
    } else {
        [1.0, 0.9, 0.75]
    };
    let magnitude = [0.8, 1.4, 2.4][rng.random_range(0..3)];
    Primitive::new(
        PartKind::Star,
        Shape::Cuboid {
            size: Vec3::splat(s),
        },
        dir * SKY_DISTANCE_M,
        color,
        1.0,
    )
    .glowing(scale(color, dim * magnitude))
}
