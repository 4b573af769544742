//! The concept itself: [`generate`](fn@generate) restyles a Stop 2 scene by the prompt's mood, time and
//! palette, writes the notes a Technical Artist reads, and plans the trailer's fly-through.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::flythrough::flythrough_keys;
use super::look::{MoodLook, apply_palette, palette_words};
use super::prompt::{ConceptPrompt, PromptMood, Setting};
use super::{CHOICE_STREAM, TRAILER_SECONDS};
use crate::stage::model::scene::{SceneDescription, TimeOfDay, Weather};
use serde::{Deserialize, Serialize};

/// One key of the trailer camera's path.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlyKey {
    /// Seconds from the start of the trailer.
    pub t: f32,
    /// Camera position, stage coordinates (metres, Y up).
    pub eye: [f32; 3],
    /// The point the camera looks at.
    pub look_at: [f32; 3],
}

/// A generated concept trailer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Concept {
    pub prompt: ConceptPrompt,
    /// The restyled Stop 2 scene: build it with its own `time` and `weather`.
    pub scene: SceneDescription,
    pub weather: Weather,
    pub time: TimeOfDay,
    /// 4 to 6 keys over [`TRAILER_SECONDS`]; sample with [`flythrough_at`](super::flythrough_at).
    pub flythrough: Vec<FlyKey>,
    /// "Tense — Desert canyon at dusk, warm palette".
    pub shot_title: String,
    /// How each part of the prompt changed the scene, in plain words, for the Technical Artist.
    pub notes: Vec<String>,
}

/// Builds a concept from a prompt, starting from the scene in `scenes` whose name matches the
/// prompt's setting (the caller passes the bundled or loaded Stop 2 scenes). The result is
/// checked with the scene's own validator, like a teacher's file.
pub fn generate(prompt: &ConceptPrompt, scenes: &[SceneDescription]) -> Result<Concept, String> {
    let wanted = prompt.setting.scene_name();
    let base = scenes.iter().find(|s| s.name == wanted).ok_or_else(|| {
        format!(
            "The {} setting starts from the Stop 2 scene '{wanted}', which is not loaded.",
            prompt.setting.label()
        )
    })?;
    let seed = prompt.hash_with(base.seed);
    let mut choices = ChaCha8Rng::seed_from_u64(seed);
    choices.set_stream(CHOICE_STREAM);

    let mut scene = base.clone();
    let mut notes = vec![format!(
        "Setting {}: started from the Stop 2 scene \"{}\" ({wanted}.ron), built by the same generator the LED wall uses.",
        prompt.setting.label(),
        base.title
    )];

    // Mood: weather, fog, light.
    let weather = mood_weather(prompt, &mut choices);
    notes.push(apply_mood(&mut scene, prompt.mood, weather, &mut choices));

    // Time of day.
    scene.time = prompt.time;
    scene.weather = weather;

    // Palette: sky, fog, sun, ground and every surface.
    apply_palette(&mut scene, prompt.palette);
    notes.push(format!(
        "Palette {}: {}",
        prompt.palette.label(),
        palette_words(prompt.palette)
    ));
    let env = scene.apply_conditions(prompt.time, weather);
    notes.push(format!("Time of day: {}", env.describe()));

    scene.seed = seed;
    scene.name = format!("concept_{}", base.name);
    let shot_title = format!(
        "{} — {} at {}, {} palette",
        prompt.mood.label(),
        prompt.setting.title_words(),
        prompt.time.label().to_lowercase(),
        prompt.palette.label().to_lowercase()
    );
    scene.title = shot_title.clone();
    scene.blurb = format!("Concept from the prompt \"{}\"", prompt.to_text());
    notes.push(format!(
        "Seed {}: mixed with the scene and the prompt it gives layout seed {seed}; another seed rearranges the same place.",
        prompt.seed
    ));

    let flythrough = flythrough_keys(&scene, prompt.mood, env.sun_azimuth_deg, seed);
    notes.push(format!(
        "Camera: {}, {} keys over {TRAILER_SECONDS:.0} s.",
        prompt.mood.camera_move(),
        flythrough.len()
    ));

    scene
        .validate()
        .map_err(|e| format!("The generated scene failed the Stop 2 checks: {e}"))?;
    notes.push(
        "Check: the result passed the same validator that checks a teacher's scene file.".into(),
    );

    Ok(Concept {
        prompt: *prompt,
        scene,
        weather,
        time: prompt.time,
        flythrough,
        shot_title,
        notes,
    })
}

/// The weather a mood asks for; a tense mood picks overcast or haze at random.
fn mood_weather(prompt: &ConceptPrompt, choices: &mut ChaCha8Rng) -> Weather {
    match prompt.mood {
        PromptMood::Hopeful | PromptMood::Epic | PromptMood::Playful => Weather::Clear,
        PromptMood::Tense => {
            if choices.random::<bool>() {
                Weather::Overcast
            } else {
                Weather::Haze
            }
        }
        PromptMood::Eerie => match prompt.setting {
            Setting::Arctic => Weather::Snow,
            Setting::Desert => Weather::DustStorm,
            Setting::City | Setting::AlienWorld => Weather::Haze,
        },
    }
}

/// Moves the fog, grades the sky and light and turns the sun a little for `mood`; returns the
/// note that says what changed.
fn apply_mood(
    scene: &mut SceneDescription,
    mood: PromptMood,
    weather: Weather,
    choices: &mut ChaCha8Rng,
) -> String {
    let look = MoodLook::of(mood);
    let (fog_before, fog_end_before) = (scene.fog.start_m, scene.fog.end_m);
    scene.fog.start_m = (scene.fog.start_m * look.fog_start).max(0.0);
    scene.fog.end_m = (scene.fog.end_m * look.fog_end).max(scene.fog.start_m + 10.0);
    scene.sun.illuminance_lux = (scene.sun.illuminance_lux * look.sun).min(200_000.0);
    scene.ambient.brightness *= look.ambient;
    scene.sky.zenith = look.grade(scene.sky.zenith);
    scene.sky.horizon = look.grade(scene.sky.horizon);
    scene.fog.color = look.grade(scene.fog.color);
    let turn = choices.random_range(-20.0..=20.0_f32).round();
    scene.sun.azimuth_deg += turn;
    let sun_move = if turn == 0.0 {
        "the sun stayed where it was".to_string()
    } else {
        let side = if turn < 0.0 { "left" } else { "right" };
        format!("the sun moved {:.0}° to the {side}", turn.abs())
    };
    format!(
        "Mood {}: {} weather; fog moved from {:.0}–{:.0} m to {:.0}–{:.0} m ({}); {}; {sun_move}.",
        mood.label(),
        weather.label().to_lowercase(),
        fog_before,
        fog_end_before,
        scene.fog.start_m,
        scene.fog.end_m,
        if look.fog_end < 1.0 {
            "nearer, hiding the distance"
        } else {
            "further, opening up the view"
        },
        look.words
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::model::scene::bundled_scenes;
    use crate::stops::innovation::concept::test_support::{concept, prompt, ron, scenes};
    use crate::stops::innovation::concept::{Palette, flythrough_at};
    use glam::Vec3;

    #[test]
    fn same_prompt_and_seed_give_the_same_concept() {
        let scenes = scenes();
        let p = prompt(
            Setting::Desert,
            PromptMood::Tense,
            TimeOfDay::Dusk,
            Palette::Warm,
        );
        let a = concept(&p, &scenes);
        let b = concept(&p, &scenes);
        assert_eq!(ron(&a), ron(&b));
        assert_eq!(a.flythrough, b.flythrough);
        assert_eq!(a, b);
        assert_eq!(a.shot_title, "Tense — Desert canyon at dusk, warm palette");
        assert_eq!(a.scene.title, a.shot_title);
        // The input scenes are not touched.
        assert_eq!(scenes, bundled_scenes());
    }

    #[test]
    fn a_new_seed_or_mood_changes_the_scene() {
        let scenes = scenes();
        let p = prompt(
            Setting::City,
            PromptMood::Tense,
            TimeOfDay::Night,
            Palette::Neon,
        );
        let base = concept(&p, &scenes);
        let reseeded = concept(&ConceptPrompt { seed: 8, ..p }, &scenes);
        assert_ne!(ron(&base), ron(&reseeded));
        assert_ne!(base.flythrough, reseeded.flythrough);
        // Not only the seed field: the built layout moves.
        let build = |c: &Concept| match c.scene.build_with(c.time, c.weather) {
            Ok(b) => b
                .primitives
                .iter()
                .map(|p| p.translation)
                .collect::<Vec<_>>(),
            Err(e) => panic!("{e}"),
        };
        assert_ne!(build(&base), build(&reseeded));
        for mood in PromptMood::ALL {
            if mood != p.mood {
                let other = concept(&ConceptPrompt { mood, ..p }, &scenes);
                assert_ne!(ron(&base), ron(&other), "{mood:?}");
                assert_ne!(base.scene.fog, other.scene.fog, "{mood:?}");
            }
        }
    }

    #[test]
    fn every_combination_is_valid_and_stays_in_bounds() {
        let scenes = scenes();
        let mut seen_seeds = std::collections::BTreeSet::new();
        for setting in Setting::ALL {
            for mood in PromptMood::ALL {
                for time in TimeOfDay::ALL {
                    for palette in Palette::ALL {
                        let p = prompt(setting, mood, time, palette);
                        let c = concept(&p, &scenes);
                        assert!(c.scene.validate().is_ok());
                        assert!(seen_seeds.insert(c.scene.seed), "seed clash for {p:?}");
                        assert_eq!((c.scene.time, c.scene.weather), (c.time, c.weather));
                        assert!((4..=6).contains(&c.flythrough.len()));
                        let half = 0.5 * c.scene.ground.size_m;
                        let inside = |v: Vec3, min_y: f32| {
                            v.is_finite() && v.x.abs() <= half && v.z.abs() <= half && v.y >= min_y
                        };
                        assert_eq!(c.flythrough[0].t, 0.0);
                        assert_eq!(c.flythrough.last().map(|k| k.t), Some(TRAILER_SECONDS));
                        for pair in c.flythrough.windows(2) {
                            assert!(pair[1].t > pair[0].t);
                        }
                        for k in &c.flythrough {
                            assert!(inside(Vec3::from(k.eye), 1.0), "{p:?} {k:?}");
                            assert!(inside(Vec3::from(k.look_at), 0.0), "{p:?} {k:?}");
                        }
                        for step in 0..=48 {
                            let (eye, look) = flythrough_at(&c.flythrough, step as f32 * 0.25);
                            assert!(inside(eye, 1.0) && inside(look, 0.0), "{p:?} {eye} {look}");
                        }
                        assert!(c.notes.len() >= 5);
                    }
                }
            }
        }
    }

    #[test]
    fn concepts_build_under_their_conditions() {
        let scenes = scenes();
        for setting in Setting::ALL {
            for mood in PromptMood::ALL {
                let p = prompt(setting, mood, TimeOfDay::Dusk, Palette::Neon);
                let c = concept(&p, &scenes);
                let built = match c.scene.build_with(c.time, c.weather) {
                    Ok(b) => b,
                    Err(e) => panic!("{p:?}: {e}"),
                };
                assert!(built.primitives.len() > 1);
            }
        }
    }

    #[test]
    fn moods_shape_weather_fog_and_camera() {
        let scenes = scenes();
        let make = |setting, mood| {
            concept(
                &prompt(setting, mood, TimeOfDay::Noon, Palette::Natural),
                &scenes,
            )
        };
        for setting in Setting::ALL {
            let base = scenes
                .iter()
                .find(|s| s.name == setting.scene_name())
                .map(|s| s.fog.end_m)
                .unwrap_or(0.0);
            let eerie = make(setting, PromptMood::Eerie);
            let epic = make(setting, PromptMood::Epic);
            assert!(eerie.scene.fog.end_m < 0.5 * base, "eerie fog is near");
            assert!(epic.scene.fog.end_m > base, "epic opens the view");
            assert_eq!(epic.weather, Weather::Clear);
            let expected = match setting {
                Setting::Arctic => Weather::Snow,
                Setting::Desert => Weather::DustStorm,
                _ => Weather::Haze,
            };
            assert_eq!(eerie.weather, expected);
            for seed in 0..8 {
                let tense = concept(
                    &ConceptPrompt {
                        seed,
                        ..prompt(
                            setting,
                            PromptMood::Tense,
                            TimeOfDay::Noon,
                            Palette::Natural,
                        )
                    },
                    &scenes,
                );
                assert!(matches!(tense.weather, Weather::Overcast | Weather::Haze));
            }

            let eye = |c: &Concept, i: usize| Vec3::from(c.flythrough[i].eye);
            let path_length = |c: &Concept| {
                c.flythrough
                    .windows(2)
                    .map(|w| (Vec3::from(w[1].eye) - Vec3::from(w[0].eye)).length())
                    .sum::<f32>()
            };
            // Epic rises a lot; tense stays low and moves fast; eerie drifts slowly.
            let n = epic.flythrough.len() - 1;
            assert!(eye(&epic, n).y > eye(&epic, 0).y + 20.0);
            let tense = make(setting, PromptMood::Tense);
            assert!(tense.flythrough.iter().all(|k| k.eye[1] < 3.0));
            assert!(path_length(&tense) / TRAILER_SECONDS > 10.0, "fast push");
            assert!(
                path_length(&eerie) / TRAILER_SECONDS < 0.5 * path_length(&tense) / TRAILER_SECONDS,
                "slow drift"
            );
            // Playful circles a point: every key the same distance from it on the ground.
            let playful = make(setting, PromptMood::Playful);
            let centre = Vec3::from(playful.flythrough[0].look_at);
            let d: Vec<f32> = playful
                .flythrough
                .iter()
                .map(|k| {
                    let v = Vec3::from(k.eye) - centre;
                    Vec3::new(v.x, 0.0, v.z).length()
                })
                .collect();
            assert!(d.iter().all(|r| (r - d[0]).abs() < 0.01 * d[0]), "{d:?}");
        }
    }

    #[test]
    fn missing_scene_is_an_error() {
        let scenes: Vec<SceneDescription> = scenes()
            .into_iter()
            .filter(|s| s.name != "arctic")
            .collect();
        let p = prompt(
            Setting::Arctic,
            PromptMood::Epic,
            TimeOfDay::Dawn,
            Palette::Cool,
        );
        let err = generate(&p, &scenes).expect_err("no arctic scene");
        assert!(err.contains("arctic"), "{err}");
        assert!(generate(&p, &[]).is_err());
    }
}
