//! The trailer camera's path: keys chosen by mood and seed, and a smooth Catmull-Rom curve
//! through them that never leaves the scene.

use glam::Vec3;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::generate::FlyKey;
use super::prompt::PromptMood;
use super::{PATH_STREAM, TRAILER_SECONDS};
use crate::stage::model::scene::SceneDescription;

// ---------------------------------------------------------------------------------------------
// The fly-through
// ---------------------------------------------------------------------------------------------

/// The trailer camera's keys, chosen by mood and varied by `seed`. Every key stays inside the
/// ground square (with a margin) and above the ground.
pub(super) fn flythrough_keys(
    scene: &SceneDescription,
    mood: PromptMood,
    light_azimuth_deg: f32,
    seed: u64,
) -> Vec<FlyKey> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(PATH_STREAM);
    let half = 0.45 * scene.ground.size_m;
    // How far the camera roams: a few hundred metres at most, less on a small ground.
    let reach = (0.4 * half).min(300.0);
    let far = 2.0 * reach;
    let heading_deg = match mood {
        // Towards the light: the hopeful shot looks at the sun (or the moon).
        PromptMood::Hopeful => light_azimuth_deg.clamp(-70.0, 70.0),
        _ => rng.random_range(-20.0..=20.0_f32),
    };
    let h = heading_deg.to_radians();
    let forward = Vec3::new(h.sin(), 0.0, -h.cos());
    let right = Vec3::new(h.cos(), 0.0, h.sin());
    let up = Vec3::Y;
    let wobble = |rng: &mut ChaCha8Rng, size: f32| rng.random_range(-1.0..=1.0_f32) * size;

    let count: usize = match mood {
        PromptMood::Tense => 4,
        PromptMood::Playful => 6,
        _ => 5,
    };
    let mut keys = Vec::with_capacity(count);
    let phase = rng.random_range(0.0..std::f32::consts::TAU);
    for i in 0..count {
        let u = i as f32 / (count - 1) as f32;
        let (eye, look) = match mood {
            PromptMood::Epic => {
                // Rising crane: starts low near the stage and lifts high over the world.
                let eye = forward * reach * (0.05 + 0.3 * u)
                    + up * (2.0 + 0.35 * reach * u * u + wobble(&mut rng, 0.5));
                let look = forward * far + up * (0.05 * reach * u);
                (eye, look)
            }
            PromptMood::Tense => {
                // Low, fast push: close to the ground, racing forward with a little shake.
                let eye = forward * reach * 0.9 * u
                    + right * wobble(&mut rng, 0.03 * reach)
                    + up * (1.3 + wobble(&mut rng, 0.3).abs());
                let look = eye + forward * 0.5 * reach + up * 0.5;
                (eye, look)
            }
            PromptMood::Eerie => {
                // Slow drift sideways while the view creeps the other way.
                let eye = forward * reach * 0.15
                    + right * reach * (-0.1 + 0.2 * u)
                    + up * (4.0 + 0.5 * (phase + u * 3.0).sin());
                let look = forward * far * 0.6 + right * reach * (0.15 - 0.3 * u) + up * 2.0;
                (eye, look)
            }
            PromptMood::Playful => {
                // Three-quarters of an orbit around a point out in the world.
                let centre = forward * reach * 0.6;
                let angle = phase + u * 1.5 * std::f32::consts::PI;
                let radius = 0.3 * reach;
                let eye = centre
                    + Vec3::new(angle.cos(), 0.0, angle.sin()) * radius
                    + up * (3.0 + 0.08 * reach + wobble(&mut rng, 1.0));
                (eye, centre + up * 2.0)
            }
            PromptMood::Hopeful => {
                // A gentle rise and push towards the light.
                let eye = forward * reach * 0.5 * u
                    + up * (3.0 + 0.15 * reach * u + wobble(&mut rng, 0.5));
                let look = forward * far + up * (0.05 * far);
                (eye, look)
            }
        };
        keys.push(FlyKey {
            t: TRAILER_SECONDS * u,
            eye: keep_inside(eye, half, 1.0).to_array(),
            look_at: keep_inside(look, half, 0.0).to_array(),
        });
    }
    keys
}

/// Clamps a point into the ground square `[-half, half]²` and at least `min_y` above ground.
fn keep_inside(p: Vec3, half: f32, min_y: f32) -> Vec3 {
    Vec3::new(
        p.x.clamp(-half, half),
        p.y.max(min_y),
        p.z.clamp(-half, half),
    )
}

/// The camera at time `t` (seconds) on a fly-through: `(eye, look_at)`, a smooth Catmull-Rom
/// curve through the keys. The result never leaves the box the keys span (so it stays over the
/// ground and inside the scene), and `t` outside the keys holds the first or last key. With no
/// keys: a camera 2 m up at the stage centre, looking towards the wall.
pub fn flythrough_at(keys: &[FlyKey], t: f32) -> (Vec3, Vec3) {
    let (first, last) = match keys {
        [] => return (Vec3::new(0.0, 2.0, 0.0), Vec3::new(0.0, 2.0, -10.0)),
        [only] => return (Vec3::from(only.eye), Vec3::from(only.look_at)),
        [first, .., last] => (first, last),
    };
    let t = if t.is_finite() {
        t.clamp(first.t, last.t)
    } else {
        first.t
    };
    let n = keys.len();
    let i = keys[..n - 1].iter().rposition(|k| k.t <= t).unwrap_or(0);
    let span = keys[i + 1].t - keys[i].t;
    let u = if span > 0.0 {
        ((t - keys[i].t) / span).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let at = |k: usize| &keys[k.min(n - 1)];
    let before = if i == 0 { 0 } else { i - 1 };
    let curve = |get: fn(&FlyKey) -> [f32; 3]| {
        let p = [before, i, i + 1, i + 2].map(|k| Vec3::from(get(at(k))));
        let v = catmull_rom(p, u);
        let lo = keys
            .iter()
            .map(|k| Vec3::from(get(k)))
            .fold(Vec3::splat(f32::INFINITY), Vec3::min);
        let hi = keys
            .iter()
            .map(|k| Vec3::from(get(k)))
            .fold(Vec3::splat(f32::NEG_INFINITY), Vec3::max);
        v.clamp(lo, hi)
    };
    (curve(|k| k.eye), curve(|k| k.look_at))
}

/// Uniform Catmull-Rom between `p[1]` (u = 0) and `p[2]` (u = 1).
fn catmull_rom(p: [Vec3; 4], u: f32) -> Vec3 {
    let (u2, u3) = (u * u, u * u * u);
    0.5 * ((2.0 * p[1])
        + (-p[0] + p[2]) * u
        + (2.0 * p[0] - 5.0 * p[1] + 4.0 * p[2] - p[3]) * u2
        + (-p[0] + 3.0 * p[1] - 3.0 * p[2] + p[3]) * u3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flythrough_sampling() {
        let keys = [
            FlyKey {
                t: 0.0,
                eye: [0.0, 2.0, 0.0],
                look_at: [0.0, 0.0, -50.0],
            },
            FlyKey {
                t: 4.0,
                eye: [10.0, 4.0, -20.0],
                look_at: [0.0, 0.0, -60.0],
            },
            FlyKey {
                t: 8.0,
                eye: [20.0, 8.0, -40.0],
                look_at: [0.0, 0.0, -70.0],
            },
            FlyKey {
                t: 12.0,
                eye: [30.0, 16.0, -60.0],
                look_at: [0.0, 0.0, -80.0],
            },
        ];
        // Passes through every key.
        for k in &keys {
            let (eye, look) = flythrough_at(&keys, k.t);
            assert!((eye - Vec3::from(k.eye)).length() < 1.0e-4, "{eye}");
            assert!((look - Vec3::from(k.look_at)).length() < 1.0e-4);
        }
        // Smooth: small time steps give small moves.
        let mut prev = flythrough_at(&keys, 0.0).0;
        for step in 1..=1200 {
            let eye = flythrough_at(&keys, step as f32 * 0.01).0;
            assert!((eye - prev).length() < 0.2, "jump at {step}");
            prev = eye;
        }
        // A curve through 1, 1, 20, 20 m would dip below the lowest key (to about -0.4 m)
        // on its way out of the flat start; the clamp keeps it at or above 1 m.
        let steep: Vec<FlyKey> = [1.0, 1.0, 20.0, 20.0]
            .iter()
            .enumerate()
            .map(|(i, &y)| FlyKey {
                t: i as f32,
                eye: [0.0, y, -(i as f32)],
                look_at: [0.0, 0.0, -50.0],
            })
            .collect();
        for step in 0..=300 {
            let eye = flythrough_at(&steep, step as f32 * 0.01).0;
            assert!(eye.y >= 1.0, "{eye} at step {step}");
        }
        // Outside the range holds the ends; odd input does not panic.
        assert_eq!(flythrough_at(&keys, -5.0), flythrough_at(&keys, 0.0));
        assert_eq!(flythrough_at(&keys, 99.0), flythrough_at(&keys, 12.0));
        let _ = flythrough_at(&keys, f32::NAN);
        let (eye, _) = flythrough_at(&[], 3.0);
        assert!(eye.y > 0.0);
        assert_eq!(flythrough_at(&keys[..1], 5.0).0, Vec3::from(keys[0].eye));
    }
}
