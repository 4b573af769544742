//! Façades: the rows of windows on a building's four faces, some lit, and the neon sign on
//! the face that looks towards the stage. A façade's random choices come from a generator
//! seeded by the building's position, so adding façades did not move any building.

use glam::{Quat, Vec2, Vec3};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::Rgb;
use super::built::{PartKind, Primitive, Shape};
use super::description::Buildings;
use super::helpers::{pick, scale};

/// Most rows of windows on one face: tall towers get wider-spaced rows, not more of them.
const MAX_ROWS: u32 = 10;
/// Dark glass of an unlit window row.
const GLASS: Rgb = [0.05, 0.06, 0.075];

impl Buildings {
    /// Body, broken top or overgrowth, window rows on at most 2 faces and a sign.
    pub const MAX_PARTS: usize = 3 + 2 * MAX_ROWS as usize;
}

/// One building's body as the façades see it.
pub(super) struct Body {
    /// Centre of the footprint on the ground.
    pub ground: Vec2,
    /// Width (local X), height and depth (local Z) of the body.
    pub size: Vec3,
    pub yaw: Quat,
    /// Whether its windows are mostly lit.
    pub lit: bool,
    pub ruined: bool,
}

/// The window rows and the sign of one building.
pub(super) fn facade(layer: &Buildings, body: &Body, glow: f32) -> Vec<Primitive> {
    let seed = (u64::from(body.ground.x.to_bits()) << 32) | u64::from(body.ground.y.to_bits());
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let rng = &mut rng;
    let base = Vec3::new(body.ground.x, 0.0, body.ground.y);
    let half = 0.5 * body.size;
    let storeys = (body.size.y / layer.storey_m).floor() as u32;
    let rows = storeys.saturating_sub(1).min(MAX_ROWS);
    let spacing = body.size.y / (rows + 1) as f32;
    let strip_h = (0.45 * layer.storey_m).min(0.5 * spacing);
    let lit_share = if body.lit { 0.6 } else { 0.04 };
    let mut parts = Vec::new();
    // Local outward normals of the four faces, and each face's width along it.
    let faces = [
        (Vec3::Z, body.size.x),
        (Vec3::NEG_Z, body.size.x),
        (Vec3::X, body.size.z),
        (Vec3::NEG_X, body.size.z),
    ];
    for (normal, width) in faces {
        let depth = if normal.z != 0.0 { half.z } else { half.x };
        // Every camera stands on the stage: a face turned away from it is never seen.
        let face_centre = base + body.yaw * (normal * depth);
        if (body.yaw * normal).dot(-face_centre) <= 0.0 {
            continue;
        }
        let size = if normal.z != 0.0 {
            Vec3::new(0.84 * width, strip_h, 0.4)
        } else {
            Vec3::new(0.4, strip_h, 0.84 * width)
        };
        for row in 0..rows {
            // A ruin has lost some of its floors.
            if body.ruined && rng.random::<f32>() < 0.3 {
                continue;
            }
            let local = normal * (depth + 0.15) + Vec3::Y * ((row + 1) as f32 * spacing);
            let lit = layer.window_emissive > 0.0 && rng.random::<f32>() < lit_share;
            let (color, emissive) = if lit {
                let e = 3.0 * layer.window_emissive * glow * pick(rng, (0.5, 1.0));
                (scale(layer.window_color, 0.6), scale(layer.window_color, e))
            } else {
                (GLASS, [0.0; 3])
            };
            parts.push(
                Primitive::new(
                    PartKind::Window,
                    Shape::Cuboid { size },
                    base + body.yaw * local,
                    color,
                    0.2,
                )
                .rotated(body.yaw)
                .glowing(emissive),
            );
        }
    }
    if let Some(sign) = neon_sign(layer, body, rng, glow) {
        parts.push(sign);
    }
    parts
}

/// A tall glowing sign on the face that looks most towards the stage, near a corner.
fn neon_sign(layer: &Buildings, body: &Body, rng: &mut ChaCha8Rng, glow: f32) -> Option<Primitive> {
    if layer.neon_colors.is_empty() || rng.random::<f32>() >= layer.neon_fraction {
        return None;
    }
    let base = Vec3::new(body.ground.x, 0.0, body.ground.y);
    let towards_stage = body.yaw.inverse() * (-base).normalize_or_zero();
    let half = 0.5 * body.size;
    let (normal, along) = if towards_stage.z.abs() >= towards_stage.x.abs() {
        (Vec3::Z * towards_stage.z.signum(), Vec3::X * half.x)
    } else {
        (Vec3::X * towards_stage.x.signum(), Vec3::Z * half.z)
    };
    let depth = if normal.z != 0.0 { half.z } else { half.x };
    let tall = pick(rng, (5.0, 12.0)).min(0.8 * body.size.y);
    if tall < 2.0 {
        return None;
    }
    let y = pick(
        rng,
        (
            0.5 * tall + 2.0,
            (body.size.y - 0.5 * tall).max(0.5 * tall + 2.0),
        ),
    );
    let side = if rng.random::<bool>() { 0.75 } else { -0.75 };
    let local = normal * (depth + 1.4) + along * side + Vec3::Y * y;
    let size = if normal.z != 0.0 {
        Vec3::new(0.5, tall, 2.4)
    } else {
        Vec3::new(2.4, tall, 0.5)
    };
    let neon = layer.neon_colors[rng.random_range(0..layer.neon_colors.len())];
    let surface = neon.map(|c| (0.5 * c).min(1.0));
    Some(
        Primitive::new(
            PartKind::Sign,
            Shape::Cuboid { size },
            base + body.yaw * local,
            surface,
            0.3,
        )
        .rotated(body.yaw)
        .glowing(scale(neon, glow * pick(rng, (0.6, 1.0)))),
    )
}
