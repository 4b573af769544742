//! The shots a student labels: concepts built by the Stop 5 generator from a fixed list of
//! prompts, each measured as six numbers (its features) about its lighting, colour and camera.
//! The classifier sees only these numbers, never the prompt.

use serde::{Deserialize, Serialize};

use super::content::TasteSpec;
use crate::stage::model::scene::{Rgb, SceneDescription, TimeOfDay};
use crate::stops::innovation::concept::{
    self, Concept, ConceptPrompt, Palette, PromptMood, Setting, TRAILER_SECONDS,
};

/// Shots the student labels, and new shots the trained model is tried on.
pub const TRAINING_SHOTS: usize = 12;
pub const NEW_SHOTS: usize = 4;

/// Numbers measured on every shot.
pub const FEATURES: usize = 6;

/// What each feature measures, for the bars.
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "Light",
    "Warm colours",
    "Strong colours",
    "Fog",
    "Camera speed",
    "Camera height",
];

/// One generated shot as the student and the model see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shot {
    /// "Desert canyon at dusk, warm palette" (the mood is left out: that is the student's call).
    pub title: String,
    /// Each feature scaled to 0–1 over the whole shot set, so none outweighs the others.
    pub features: [f32; FEATURES],
    /// For the little picture of the shot: sky top and horizon, ground (linear RGB, 0–1).
    pub sky_top: Rgb,
    pub sky_horizon: Rgb,
    pub ground: Rgb,
    /// The generator mood the shot was made with (hidden from the student; "Show me" uses it).
    pub made_as: PromptMood,
}

/// The prompt of shot `i`: mood `i % moods`, cycling through that mood's generator moods, with
/// the place, time and colours varied so the moods must be told apart by their look.
fn shot_prompt(spec: &TasteSpec, i: usize, seed: u64) -> ConceptPrompt {
    let k = spec.moods.len().max(1);
    let mood = spec
        .moods
        .get(i % k)
        .and_then(|m| m.feels_like.get((i / k) % m.feels_like.len().max(1)))
        .copied()
        .unwrap_or(PromptMood::Hopeful);
    const TIMES: [TimeOfDay; 3] = [TimeOfDay::Dawn, TimeOfDay::Noon, TimeOfDay::Dusk];
    ConceptPrompt {
        setting: Setting::ALL[(i * 3 + i / 4) % Setting::ALL.len()],
        mood,
        time: TIMES[(i * 5 + 1) % TIMES.len()],
        palette: [Palette::Natural, Palette::Warm, Palette::Cool][(i * 7 + 2) % 3],
        seed: seed.wrapping_add(i as u64),
    }
}

/// The raw measurements of a concept, before scaling.
fn measure(c: &Concept) -> [f32; FEATURES] {
    let env = c.scene.apply_conditions(c.time, c.weather);
    let avg = |a: Rgb, b: Rgb| {
        [
            0.5 * (a[0] + b[0]),
            0.5 * (a[1] + b[1]),
            0.5 * (a[2] + b[2]),
        ]
    };
    let sky = avg(env.sky_zenith, env.sky_horizon);
    let max = sky.iter().copied().fold(0.0_f32, f32::max);
    let min = sky.iter().copied().fold(f32::INFINITY, f32::min);
    let saturation = if max > 0.0 { (max - min) / max } else { 0.0 };
    let warmth = (sky[0] - sky[2]) / (sky[0] + sky[2]).max(1.0e-3);
    let keys = &c.flythrough;
    let path: f32 = keys
        .windows(2)
        .map(|w| {
            let d = [
                w[1].eye[0] - w[0].eye[0],
                w[1].eye[1] - w[0].eye[1],
                w[1].eye[2] - w[0].eye[2],
            ];
            (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt()
        })
        .sum();
    let height = keys.iter().map(|k| k.eye[1]).sum::<f32>() / keys.len().max(1) as f32;
    [
        (1.0 + env.sun_illuminance_lux * env.ambient_brightness.max(0.05)).log10(),
        warmth,
        saturation,
        -(env.fog_end_m.max(1.0)).ln(),
        path / TRAILER_SECONDS,
        height,
    ]
}

/// Scales every feature to 0–1 over the set (min-max scaling); a feature that never changes
/// sits at 0.5.
fn scale(raw: &mut [[f32; FEATURES]]) {
    for f in 0..FEATURES {
        let lo = raw.iter().map(|r| r[f]).fold(f32::INFINITY, f32::min);
        let hi = raw.iter().map(|r| r[f]).fold(f32::NEG_INFINITY, f32::max);
        for r in raw.iter_mut() {
            r[f] = if hi - lo > 1.0e-6 {
                (r[f] - lo) / (hi - lo)
            } else {
                0.5
            };
        }
    }
}

/// Builds the [`TRAINING_SHOTS`] + [`NEW_SHOTS`] shots from the Stop 2 `scenes`; the same
/// content, scenes and seed always give the same shots.
pub fn build_shots(
    spec: &TasteSpec,
    scenes: &[SceneDescription],
    seed: u64,
) -> Result<Vec<Shot>, String> {
    let concepts = (0..TRAINING_SHOTS + NEW_SHOTS)
        .map(|i| concept::generate(&shot_prompt(spec, i, seed), scenes))
        .collect::<Result<Vec<_>, _>>()?;
    let mut raw: Vec<[f32; FEATURES]> = concepts.iter().map(measure).collect();
    if raw.iter().flatten().any(|v| !v.is_finite()) {
        return Err("A generated shot measured as not-a-number.".to_string());
    }
    scale(&mut raw);
    Ok(concepts
        .iter()
        .zip(raw)
        .map(|(c, features)| {
            let env = c.scene.apply_conditions(c.time, c.weather);
            Shot {
                title: format!(
                    "{} at {}, {} palette",
                    c.prompt.setting.label(),
                    c.time.label().to_lowercase(),
                    c.prompt.palette.label().to_lowercase()
                ),
                features,
                sky_top: env.sky_zenith,
                sky_horizon: env.sky_horizon,
                ground: c.scene.ground.color,
                made_as: c.prompt.mood,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::model::scene::bundled_scenes;
    use crate::stops::innovation::taste::model::test_support::taste_spec;

    #[test]
    fn the_shots_are_the_same_for_the_same_seed_and_scaled() {
        let spec = taste_spec();
        let scenes = bundled_scenes();
        let a = build_shots(&spec, &scenes, 5).expect("shots");
        let b = build_shots(&spec, &scenes, 5).expect("shots");
        assert_eq!(a, b);
        assert_eq!(a.len(), TRAINING_SHOTS + NEW_SHOTS);
        for f in 0..FEATURES {
            let values: Vec<f32> = a.iter().map(|s| s.features[f]).collect();
            assert!(values.iter().all(|v| (0.0..=1.0).contains(v)), "{f}");
            assert!(
                values.contains(&0.0) && values.contains(&1.0),
                "{f} spreads"
            );
        }
        // Every mood of the content has shots to learn from.
        for (m, mood) in spec.moods.iter().enumerate() {
            let made: Vec<PromptMood> = (0..TRAINING_SHOTS)
                .filter(|i| i % spec.moods.len() == m)
                .map(|i| a[i].made_as)
                .collect();
            assert!(made.len() >= 3 && made.iter().all(|p| mood.feels_like.contains(p)));
        }
        assert!(a.iter().all(|s| !s.title.contains("Tense")));
    }

    #[test]
    fn a_missing_scene_is_an_error() {
        assert!(build_shots(&taste_spec(), &[], 5).is_err());
    }
}
