//! Batching: which primitives a renderer may merge into one mesh and draw with one call.
//!
//! A primitive's colour travels in its vertices, so what separates two batches is only what a
//! material holds: whether fog applies, the roughness (in steps of a quarter) and the glow
//! (a hue in eighths and a brightness in steps of 25 %), and the sector of the horizon the part
//! stands in, so that a camera's frustum can skip what it does not face. A world of 5,000
//! objects then needs about a hundred meshes, of which a camera pass draws the few dozen in
//! front of it, instead of 5,000 draws; the count does not grow with the number of objects,
//! only with the variety of materials.

use std::collections::HashMap;

use super::Rgb;
use super::built::Primitive;

/// Roughness steps per unit.
const ROUGHNESS_STEPS: f32 = 4.0;
/// Hue steps per unit of a glow's normalised colour.
const HUE_STEPS: f32 = 8.0;
/// Ratio between neighbouring glow brightness steps.
const GLOW_STEP: f32 = 1.25;
/// Glow below this is none.
const NO_GLOW: f32 = 1e-3;

/// Sectors of the horizon, seen from the stage, that split a batch: a camera's frustum then
/// skips the sectors it does not face instead of processing the whole world every pass.
pub const SECTORS: u8 = 8;

/// What one merged mesh's material holds, and the sector of the horizon its parts stand in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BatchKey {
    /// 0 to [`SECTORS`] − 1, clockwise from straight behind the stage.
    pub sector: u8,
    /// Sky parts ignore fog, or it would hide them.
    pub fog: bool,
    /// Whether the parts cast shadows ([`Primitive::casts_shadow`]).
    pub shadow: bool,
    /// Roughness in quarters: 0 (mirror) to 4 (matte).
    pub roughness: u8,
    /// Glow as (hue in eighths per channel, brightness step), if any.
    pub glow: Option<([u8; 3], i16)>,
}

impl BatchKey {
    /// The key of one primitive.
    pub fn of(p: &Primitive) -> Self {
        let roughness = (p.roughness.clamp(0.0, 1.0) * ROUGHNESS_STEPS).round() as u8;
        let peak = p.emissive.iter().copied().fold(0.0_f32, f32::max);
        let glow = (peak > NO_GLOW).then(|| {
            let hue = p.emissive.map(|c| ((c / peak) * HUE_STEPS).round() as u8);
            let step = (peak.ln() / GLOW_STEP.ln()).round() as i16;
            (hue, step)
        });
        let t = p.translation;
        let azimuth = t.x.atan2(-t.z).to_degrees() + 180.0;
        // The sky is cheap to skip and has many small glowing materials (stars): half as
        // many sectors there.
        let sectors = if p.kind.is_sky() {
            SECTORS / 2
        } else {
            SECTORS
        };
        let sector = ((azimuth / 360.0 * f32::from(sectors)) as u8).min(sectors - 1);
        BatchKey {
            sector,
            fog: !p.kind.is_sky(),
            shadow: p.casts_shadow(),
            roughness,
            glow,
        }
    }

    /// Perceptual roughness of the batch's material.
    pub fn roughness(&self) -> f32 {
        f32::from(self.roughness) / ROUGHNESS_STEPS
    }

    /// Glow of the batch's material (linear RGB), zero if none.
    pub fn emissive(&self) -> Rgb {
        match self.glow {
            None => [0.0; 3],
            Some((hue, step)) => {
                let peak = GLOW_STEP.powi(i32::from(step));
                hue.map(|h| f32::from(h) / HUE_STEPS * peak)
            }
        }
    }
}

/// One batch: a material's key and the primitives (indices into the scene's list) it draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    pub key: BatchKey,
    pub parts: Vec<usize>,
}

/// Groups primitives by [`BatchKey`], in the order each key first appears (so the same scene
/// always gives the same batches), each batch's parts nearest the stage first.
pub fn batches(primitives: &[Primitive]) -> Vec<Batch> {
    let mut index: HashMap<BatchKey, usize> = HashMap::new();
    let mut out: Vec<Batch> = Vec::new();
    for (i, p) in primitives.iter().enumerate() {
        let key = BatchKey::of(p);
        let slot = *index.entry(key).or_insert_with(|| {
            out.push(Batch {
                key,
                parts: Vec::new(),
            });
            out.len() - 1
        });
        out[slot].parts.push(i);
    }
    // Nearest first: every camera stands near the stage's centre, so drawing a merged mesh's
    // parts from near to far lets the depth test skip most hidden pixels before shading them.
    let near = |i: &usize| primitives[*i].translation.length() - primitives[*i].bounding_radius();
    for batch in &mut out {
        batch.parts.sort_by(|a, b| near(a).total_cmp(&near(b)));
    }
    out
}

#[cfg(test)]
mod tests {
    use glam::Vec3;

    use super::*;
    use crate::stage::model::scene::{PartKind, Shape};

    fn part(kind: PartKind, roughness: f32, emissive: Rgb) -> Primitive {
        Primitive {
            kind,
            shape: Shape::Sphere { radius: 1.0 },
            translation: Vec3::new(0.0, 0.0, -50.0),
            rotation: Default::default(),
            color: [0.5; 3],
            emissive,
            roughness,
        }
    }

    #[test]
    fn colour_does_not_split_a_batch_but_fog_roughness_and_glow_do() {
        let mut a = part(PartKind::Building, 0.85, [0.0; 3]);
        let b = part(PartKind::Building, 0.85, [0.0; 3]);
        a.color = [0.1, 0.9, 0.2];
        assert_eq!(BatchKey::of(&a), BatchKey::of(&b));
        let sky = part(PartKind::Cloud, 0.85, [0.0; 3]);
        assert_ne!(BatchKey::of(&sky), BatchKey::of(&b));
        assert!(!BatchKey::of(&sky).fog);
        assert!(!BatchKey::of(&sky).shadow && BatchKey::of(&b).shadow);
        // The ground and a pebble cast none either: their own batch, in the same material.
        let mut ground = part(PartKind::Ground, 0.85, [0.0; 3]);
        ground.shape = Shape::Plane {
            size: glam::Vec2::splat(6000.0),
        };
        let mut pebble = part(PartKind::Building, 0.85, [0.0; 3]);
        pebble.shape = Shape::Sphere { radius: 0.3 };
        for quiet in [ground, pebble] {
            assert!(!BatchKey::of(&quiet).shadow);
            assert_ne!(BatchKey::of(&quiet), BatchKey::of(&b));
        }
        let glass = part(PartKind::Window, 0.2, [0.0; 3]);
        assert_ne!(BatchKey::of(&glass), BatchKey::of(&b));
        let lit = part(PartKind::Window, 0.2, [1.0, 0.8, 0.5]);
        assert_ne!(BatchKey::of(&lit), BatchKey::of(&glass));
    }

    #[test]
    fn a_key_gives_back_its_material_within_a_step() {
        let p = part(PartKind::Window, 0.63, [0.9, 0.6, 0.3]);
        let key = BatchKey::of(&p);
        assert_eq!(key.roughness(), 0.75);
        let e = key.emissive();
        // Brightness within half a 25 % step, hue within half an eighth.
        assert!((e[0] / 0.9 - 1.0).abs() < 0.12, "{e:?}");
        assert!((e[1] / e[0] - 0.6 / 0.9).abs() <= 0.0625 + 1e-6, "{e:?}");
        assert_eq!(
            BatchKey::of(&part(PartKind::Rock, 0.9, [0.0; 3])).emissive(),
            [0.0; 3]
        );
    }

    #[test]
    fn batches_keep_every_part_once_nearest_first() {
        let parts = vec![
            part(PartKind::Building, 0.85, [0.0; 3]),
            part(PartKind::Window, 0.2, [0.0; 3]),
            part(PartKind::Building, 0.8, [0.0; 3]),
            part(PartKind::Window, 0.2, [0.0; 3]),
        ];
        let mut parts = parts;
        parts[2].translation.z = -20.0;
        let b = batches(&parts);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].parts, vec![2, 0], "nearest first");
        assert_eq!(b[1].parts, vec![1, 3]);
    }
}
