//! Tests of the scene descriptions: the bundled files, building, conditions and validation.

use glam::{Quat, Vec3};

use super::helpers::{color_words, luminance, wrap_degrees};
use super::*;

fn scenes() -> Vec<SceneDescription> {
    bundled_scene_texts()
        .into_iter()
        .map(|(name, text)| match load_scene(text, name) {
            Ok(scene) => scene,
            Err(e) => panic!("{e}"),
        })
        .collect()
}

fn tokyo() -> SceneDescription {
    scenes().remove(0)
}

/// Replaces the first `from` outside the comments; panics if there is none.
fn edit_data(text: &str, from: &str, to: &str) -> String {
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if !done && !line.trim_start().starts_with("//") && line.contains(from) {
                done = true;
                line.replacen(from, to, 1)
            } else {
                line.to_string()
            }
        })
        .collect();
    assert!(done, "`{from}` not found");
    lines.join("\n")
}

fn all_conditions() -> impl Iterator<Item = (TimeOfDay, Weather)> {
    TimeOfDay::ALL
        .into_iter()
        .flat_map(|t| Weather::ALL.into_iter().map(move |w| (t, w)))
}

#[test]
fn bundled_scenes_parse_and_validate() {
    let all = scenes();
    assert!(all.len() >= 3);
    assert_eq!(bundled_scenes().len(), all.len());
    let mut names: Vec<&str> = all.iter().map(|s| s.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all.len(), "scene names must differ");
    for scene in &all {
        assert!(!scene.blurb.contains('\n'));
        assert!(scene.max_primitives() <= MAX_PRIMITIVES);
    }
    // Each file starts with a comment for teachers.
    for (name, text) in bundled_scene_texts() {
        assert!(text.trim_start().starts_with("//"), "{name}");
    }
}

#[test]
fn round_trip_through_ron() {
    for scene in scenes() {
        let text = scene.to_ron().expect("serialises");
        assert_eq!(load_scene(&text, "round trip"), Ok(scene));
    }
}

#[test]
fn build_matches_its_recorded_layout_and_follows_the_seed() {
    // Each bundled scene's layout, recorded: the number of parts and the sum of their
    // positions. A change to the generator or its seeding moves them, and a scene must look
    // the same on every machine and in every version.
    let recorded = [
        ("tokyo", 5115, Vec3::new(-5424.9697, 109116.71, -837792.1)),
        (
            "alien_planet",
            5245,
            Vec3::new(-20617.613, 40699.41, -700403.94),
        ),
        ("arctic", 5143, Vec3::new(43930.617, 35770.543, -868004.5)),
        (
            "desert_canyon",
            5110,
            Vec3::new(12430.481, 38039.58, -793797.44),
        ),
    ];
    let all = scenes();
    assert_eq!(recorded.len(), all.len(), "every bundled scene is recorded");
    for (scene, (name, parts, sum)) in all.iter().zip(recorded) {
        let a = scene
            .build_with(TimeOfDay::Noon, Weather::Clear)
            .expect("builds");
        assert_eq!(scene.name, name);
        let got: Vec3 = a.primitives.iter().map(|p| p.translation).sum();
        assert_eq!(a.primitives.len(), parts, "{name}");
        // Sums of about a million metres in f32: a few ulps (0.125 m each) of rounding, well
        // under any part's move.
        assert!(got.abs_diff_eq(sum, 0.5), "{name}: {got}, recorded {sum}");
        let other = SceneDescription {
            seed: scene.seed.wrapping_add(1),
            ..scene.clone()
        };
        let c = other
            .build_with(TimeOfDay::Noon, Weather::Clear)
            .expect("builds");
        assert_ne!(a.primitives, c.primitives, "{}", scene.name);
        // Conditions recolour but never move anything on the ground; only the sky's own
        // parts (sun, clouds, stars, aurora) come and go with them.
        let night = scene
            .build_with(TimeOfDay::Night, Weather::Snow)
            .expect("builds");
        let ground = |b: &BuiltScene| -> Vec<Primitive> {
            b.primitives
                .iter()
                .filter(|p| !p.kind.is_sky() || p.kind == PartKind::SkyBody)
                .copied()
                .collect()
        };
        let (a_ground, night_ground) = (ground(&a), ground(&night));
        assert_eq!(a_ground.len(), night_ground.len());
        for (p, q) in a_ground.iter().zip(&night_ground) {
            assert_eq!(
                (p.shape, p.translation, p.rotation),
                (q.shape, q.translation, q.rotation)
            );
        }
    }
}

#[test]
fn nothing_intrudes_on_the_stage() {
    for scene in scenes() {
        for (time, weather) in all_conditions() {
            let built = scene.build_with(time, weather).expect("builds");
            assert_eq!(built.primitives[0].kind, PartKind::Ground);
            assert_eq!(
                built
                    .primitives
                    .iter()
                    .filter(|p| p.kind == PartKind::Ground)
                    .count(),
                1
            );
            for p in &built.primitives[1..] {
                let gap = p.translation.length() - p.bounding_radius();
                assert!(
                    gap >= 9.0,
                    "{}: {p:?} is {gap} m from the stage",
                    scene.name
                );
                assert!(
                    p.lowest_y() >= -0.01,
                    "{}: {p:?} is below ground",
                    scene.name
                );
                assert!(p.translation.is_finite() && p.rotation.is_normalized());
            }
        }
    }
}

#[test]
fn primitive_counts_stay_within_budget() {
    for scene in scenes() {
        for (time, weather) in all_conditions() {
            let built = scene.build_with(time, weather).expect("builds");
            assert!(built.primitives.len() <= MAX_PRIMITIVES);
            assert!(built.primitives.len() <= scene.max_primitives());
            // Most of what was asked for finds a place.
            assert!(
                built.skipped * 10 <= scene.max_primitives(),
                "{}: {} skipped",
                scene.name,
                built.skipped
            );
        }
    }
    // Over-asking is refused at validation, naming the layers.
    let mut greedy = tokyo();
    for layer in &mut greedy.layers {
        if let Layer::Buildings(l) = layer {
            l.count = MAX_LAYER_COUNT;
        }
    }
    let err = greedy.validate().expect_err("too many primitives");
    assert_eq!(err.field(), Some("layers"));
}

#[test]
fn time_of_day_changes_the_light() {
    for scene in scenes() {
        let noon = scene.apply_conditions(TimeOfDay::Noon, Weather::Clear);
        let dawn = scene.apply_conditions(TimeOfDay::Dawn, Weather::Clear);
        let dusk = scene.apply_conditions(TimeOfDay::Dusk, Weather::Clear);
        let night = scene.apply_conditions(TimeOfDay::Night, Weather::Clear);
        assert!(dusk.sun_elevation_deg < noon.sun_elevation_deg);
        assert!(dawn.sun_elevation_deg < noon.sun_elevation_deg);
        assert!(dusk.to_sun().y < noon.to_sun().y);
        assert!(night.sun_illuminance_lux < dusk.sun_illuminance_lux);
        assert!(dusk.sun_illuminance_lux < noon.sun_illuminance_lux);
        assert!(night.ambient_brightness < noon.ambient_brightness);
        assert!(luminance(night.sky_zenith) < luminance(noon.sky_zenith));
        assert!(night.emissive_scale > noon.emissive_scale);
        // Dusk warms the sun: less blue relative to red than at noon.
        let warmth = |c: Rgb| c[2] / c[0].max(1.0e-6);
        assert!(warmth(dusk.sun_color) < warmth(noon.sun_color));
        // Night light is bluish.
        assert!(night.sun_color[2] >= night.sun_color[0]);
        for env in [&noon, &dawn, &dusk, &night] {
            assert!((env.sun_direction.length() - 1.0).abs() < 1.0e-5);
            assert!(env.sun_direction.y < 0.0, "light travels downwards");
            let expected = sky_direction(env.sun_elevation_deg, env.sun_azimuth_deg);
            assert!((env.to_sun() - expected).length() < 1.0e-5);
        }
        // Windows glow more at night.
        let lit = |env: &Environment| -> f32 {
            let built = build(&scene, env).expect("builds");
            built
                .primitives
                .iter()
                .filter(|p| !p.kind.is_sky())
                .map(|p| p.emissive.iter().sum::<f32>())
                .sum()
        };
        let (lit_noon, lit_night) = (lit(&noon), lit(&night));
        assert!(lit_night >= lit_noon);
    }
}

#[test]
fn sun_direction_convention() {
    // Azimuth 0 is straight ahead (−Z), behind the middle of the wall; +90 is to +X.
    let ahead = sky_direction(0.0, 0.0);
    assert!((ahead - Vec3::NEG_Z).length() < 1.0e-6);
    let right = sky_direction(0.0, 90.0);
    assert!((right - Vec3::X).length() < 1.0e-6);
    let up = sky_direction(90.0, 37.0);
    assert!((up - Vec3::Y).length() < 1.0e-6);
    let mut scene = tokyo();
    scene.sun.azimuth_deg = 0.0;
    scene.sun.elevation_deg = 30.0;
    let env = scene.apply_conditions(TimeOfDay::Noon, Weather::Clear);
    // A backlit set: the light comes from behind the wall, towards the camera (+Z), down.
    assert!(env.sun_direction.z > 0.0 && env.sun_direction.y < 0.0);
    assert!((env.sun_direction.y + 0.5).abs() < 1.0e-5);
}

#[test]
fn weather_changes_the_fog() {
    for scene in scenes() {
        for time in TimeOfDay::ALL {
            let clear = scene.apply_conditions(time, Weather::Clear);
            for weather in [
                Weather::Overcast,
                Weather::Haze,
                Weather::Snow,
                Weather::DustStorm,
            ] {
                let env = scene.apply_conditions(time, weather);
                assert!(env.fog_end_m < clear.fog_end_m, "{weather:?}");
                assert!(env.fog_start_m < env.fog_end_m);
                assert!(env.sun_illuminance_lux < clear.sun_illuminance_lux);
            }
            let overcast = scene.apply_conditions(time, Weather::Overcast);
            assert!(overcast.fog_end_m > scene.apply_conditions(time, Weather::Snow).fog_end_m);
            assert!(
                scene
                    .apply_conditions(time, Weather::Snow)
                    .particles
                    .is_some()
            );
            assert!(clear.particles.is_none());
        }
    }
    // Snow whitens the ground.
    let scene = tokyo();
    let clear = scene
        .build_with(TimeOfDay::Noon, Weather::Clear)
        .expect("builds");
    let snow = scene
        .build_with(TimeOfDay::Noon, Weather::Snow)
        .expect("builds");
    assert!(luminance(snow.primitives[0].color) > luminance(clear.primitives[0].color));
}

#[test]
fn environments_are_finite_and_sensible() {
    for scene in scenes() {
        for (time, weather) in all_conditions() {
            let env = scene.apply_conditions(time, weather);
            let colours = [
                env.sun_color,
                env.sky_zenith,
                env.sky_horizon,
                env.ambient_color,
                env.fog_color,
            ];
            for c in colours {
                assert!(c.iter().all(|v| v.is_finite() && *v >= 0.0), "{c:?}");
            }
            assert!(env.sun_illuminance_lux > 0.0 && env.ambient_brightness >= 0.0);
            assert!(env.fog_start_m >= 0.0 && env.fog_end_m > env.fog_start_m);
            let text = env.describe();
            assert!(text.starts_with(time.label()), "{text}");
            assert!(text.contains('°') && text.ends_with('.'), "{text}");
        }
    }
}

#[test]
fn describe_reads_well() {
    let scene = tokyo();
    let env = scene.apply_conditions(TimeOfDay::Dusk, Weather::Haze);
    let text = env.describe();
    assert!(text.starts_with("Dusk, haze: the sun is "), "{text}");
    assert!(text.contains("orange") || text.contains("red"), "{text}");
    let night = scene
        .apply_conditions(TimeOfDay::Night, Weather::Clear)
        .describe();
    assert!(
        night.contains("the moon") && night.contains("blue"),
        "{night}"
    );
    assert_eq!(color_words([1.0, 1.0, 1.0]), "neutral white");
    assert_eq!(color_words([0.0, 0.0, 0.0]), "dark");
    assert_eq!(color_words([0.2, 0.9, 0.9]), "teal");
}

#[test]
fn conditions_cycle_with_one_button() {
    let mut t = TimeOfDay::Dawn;
    for _ in 0..TimeOfDay::ALL.len() {
        t = t.next();
    }
    assert_eq!(t, TimeOfDay::Dawn);
    let mut w = Weather::Clear;
    for _ in 0..Weather::ALL.len() {
        w = w.next();
    }
    assert_eq!(w, Weather::Clear);
}

#[test]
fn malformed_ron_reports_line_and_column() {
    let (_, text) = bundled_scene_texts()[0];
    let broken = edit_data(text, "seed:", "seed: banana, oops:");
    let line_of_seed = text
        .lines()
        .position(|l| l.trim_start().starts_with("seed:"))
        .expect("tokyo has a seed")
        + 1;
    match load_scene(&broken, "tokyo.ron") {
        Err(SceneError::Parse {
            file, line, column, ..
        }) => {
            assert_eq!(file, "tokyo.ron");
            assert_eq!(line, line_of_seed);
            assert!(column > 1);
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    let err = load_scene("(name: \"x\",\n  colour: 3)", "bad.ron").expect_err("rejected");
    let message = err.to_string();
    assert!(message.starts_with("bad.ron: line 2, column"), "{message}");
    // An unknown layer kind is a parse error too.
    let unknown = edit_data(text, "Buildings(", "Skyscrapers(");
    assert!(matches!(
        load_scene(&unknown, "tokyo.ron"),
        Err(SceneError::Parse { line, .. }) if line > 1
    ));
}

#[test]
fn invalid_values_name_the_field() {
    let (_, text) = bundled_scene_texts()[0];
    let cases: Vec<(SceneDescription, &str)> = {
        let base = tokyo();
        let mut v = Vec::new();
        let mut s = base.clone();
        s.fog.end_m = s.fog.start_m - 1.0;
        v.push((s, "fog.end_m"));
        let mut s = base.clone();
        s.sun.elevation_deg = 95.0;
        v.push((s, "sun.elevation_deg"));
        let mut s = base.clone();
        s.ground.color = [200.0, 30.0, 30.0];
        v.push((s, "ground.color"));
        let mut s = base.clone();
        s.sky.zenith = [f32::NAN, 0.0, 0.0];
        v.push((s, "sky.zenith"));
        let mut s = base.clone();
        s.ground.size_m = 0.0;
        v.push((s, "ground.size_m"));
        let mut s = base.clone();
        if let Layer::Buildings(l) = &mut s.layers[0] {
            l.height_m = (80.0, 20.0);
        }
        v.push((s, "layers[0].Buildings.height_m"));
        let mut s = base.clone();
        if let Layer::Buildings(l) = &mut s.layers[0] {
            l.color_palette.clear();
        }
        v.push((s, "layers[0].Buildings.color_palette"));
        let mut s = base.clone();
        if let Layer::Buildings(l) = &mut s.layers[0] {
            l.area = XzRect {
                x: (-3.0, 3.0),
                z: (-4.0, 2.0),
            };
        }
        v.push((s, "layers[0].Buildings.area"));
        let mut s = base.clone();
        if let Layer::Buildings(l) = &mut s.layers[0] {
            l.count = MAX_LAYER_COUNT + 1;
        }
        v.push((s, "layers[0].Buildings.count"));
        let mut s = base;
        s.title = "  ".into();
        v.push((s, "title"));
        v
    };
    for (scene, field) in cases {
        let err = scene.validate().expect_err(field);
        assert_eq!(err.field(), Some(field), "{err}");
        assert!(err.to_string().contains(field));
    }
    // Through the loader: the message names file and field.
    let bad = edit_data(text, "ruined_fraction: 0.", "ruined_fraction: 4.");
    let err = load_scene(&bad, "tokyo.ron").expect_err("fraction > 1");
    let message = err.to_string();
    assert!(message.starts_with("tokyo.ron: "), "{message}");
    assert!(message.contains("ruined_fraction"), "{message}");
}

#[test]
fn mountains_and_towers_too_close_are_refused() {
    let mut scene = tokyo();
    for layer in &mut scene.layers {
        match layer {
            Layer::Mountains(l) => l.distance_m = (20.0, 30.0),
            Layer::Tower(l) => l.position = (0.0, -30.0),
            _ => {}
        }
    }
    let err = scene.validate().expect_err("too close");
    let field = err.field().unwrap_or_default().to_string();
    assert!(
        field.ends_with("Tower.position") || field.ends_with("Mountains.distance_m"),
        "{err}"
    );
}

#[test]
fn fallback_loading_from_a_folder() {
    let dir = std::env::temp_dir().join(format!("backlot-scenes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, text) in bundled_scene_texts() {
        std::fs::write(dir.join(name), text).expect("write");
    }
    std::fs::write(dir.join("arctic.ron"), "(name: oops").expect("write");
    let (scenes, errors) = load_scenes_with_fallback(&dir);
    assert_eq!(scenes.len(), SCENE_FILES.len());
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().contains("arctic.ron"));
    assert!(errors[0].line > 0, "a syntax error names its line");
    assert_eq!(
        check_dir(&dir),
        errors,
        "check-content finds the same problem"
    );
    // A missing file is a problem too; its bundled copy is used.
    std::fs::remove_file(dir.join("tokyo.ron")).expect("remove");
    let (scenes, errors) = load_scenes_with_fallback(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(scenes.len(), SCENE_FILES.len());
    assert_eq!(errors.len(), 2);
}

#[test]
fn geometry_helpers() {
    let tilted = Primitive::new(
        PartKind::Rock,
        Shape::Cuboid {
            size: Vec3::new(2.0, 2.0, 2.0),
        },
        Vec3::new(0.0, 5.0, 0.0),
        [0.5; 3],
        0.5,
    )
    .rotated(Quat::from_rotation_z(std::f32::consts::FRAC_PI_4));
    assert!((tilted.lowest_y() - (5.0 - 2.0_f32.sqrt())).abs() < 1.0e-5);
    let cone = Primitive::new(
        PartKind::Crystal,
        Shape::Cone {
            radius: 1.0,
            height: 4.0,
        },
        Vec3::new(0.0, 2.0, 0.0),
        [0.5; 3],
        0.5,
    );
    assert!(cone.lowest_y().abs() < 1.0e-6);
    let upside_down = cone.rotated(Quat::from_rotation_x(std::f32::consts::PI));
    assert!(upside_down.lowest_y().abs() < 1.0e-5, "tip at the bottom");
    let lying = Primitive::new(
        PartKind::Tower,
        Shape::Cylinder {
            radius: 1.0,
            height: 10.0,
        },
        Vec3::new(0.0, 3.0, 0.0),
        [0.5; 3],
        0.5,
    )
    .rotated(Quat::from_rotation_z(std::f32::consts::FRAC_PI_2));
    assert!((lying.lowest_y() - 2.0).abs() < 1.0e-5);
    assert!(!lying.clear_of_stage());
    assert_eq!(wrap_degrees(190.0), -170.0);
}

/// Most batches (meshes) a bundled world may be drawn as: a camera pass draws at most this
/// many for the virtual world, and usually far fewer, as it faces only some sectors.
const MAX_BATCHES: usize = 150;

#[test]
fn every_world_holds_thousands_of_objects_in_a_few_dozen_batches() {
    for scene in scenes() {
        for time in TimeOfDay::ALL {
            let built = scene.build_with(time, Weather::Clear).expect("builds");
            let n = built.primitives.len();
            let b = batches(&built.primitives).len();
            eprintln!(
                "{} at {}: {n} objects in {b} batches",
                scene.name,
                time.label()
            );
            assert!(
                n >= 5_000,
                "{} at {}: only {n} objects",
                scene.name,
                time.label()
            );
            assert!(
                b <= MAX_BATCHES,
                "{} at {}: {b} batches",
                scene.name,
                time.label()
            );
        }
    }
}

/// Batching is lost if the number of meshes grows with the number of objects: halving every
/// layer's count must leave the batch count within the same small bound.
#[test]
fn the_number_of_batches_does_not_grow_with_the_number_of_objects() {
    for scene in scenes() {
        let mut half = scene.clone();
        for layer in &mut half.layers {
            match layer {
                Layer::Buildings(l) => l.count /= 2,
                Layer::Scatter(l) => l.count /= 2,
                Layer::Flora(l) => l.count /= 2,
                Layer::Vehicles(l) => l.count /= 2,
                Layer::Rocks(l) => l.count /= 2,
                Layer::IceFloes(l) => l.count /= 2,
                Layer::Dunes(l) => l.count /= 2,
                _ => {}
            }
        }
        let full = scene.build_with(TimeOfDay::Dusk, Weather::Clear).unwrap();
        let half = half.build_with(TimeOfDay::Dusk, Weather::Clear).unwrap();
        let (nf, nh) = (full.primitives.len(), half.primitives.len());
        let (bf, bh) = (
            batches(&full.primitives).len(),
            batches(&half.primitives).len(),
        );
        assert!(
            nf as f32 >= 1.6 * nh as f32,
            "{}: {nf} vs {nh} objects",
            scene.name
        );
        assert!(
            bf <= bh + bh / 4 + 2,
            "{}: {bf} batches for {nf} objects, {bh} for {nh}",
            scene.name
        );
        // Every part is in exactly one batch.
        let mut seen: Vec<usize> = batches(&full.primitives)
            .into_iter()
            .flat_map(|b| b.parts)
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..nf).collect::<Vec<_>>());
    }
}

fn count(built: &BuiltScene, kind: PartKind) -> usize {
    built.primitives.iter().filter(|p| p.kind == kind).count()
}

fn glow(built: &BuiltScene, kind: PartKind) -> f32 {
    built
        .primitives
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| p.emissive.iter().sum::<f32>())
        .sum()
}

/// Time of day and weather change the world itself, not only the fog: the sun's disc, stars,
/// lit windows, glowing plants, clouds and the aurora.
#[test]
fn time_and_weather_change_the_sky_and_the_world() {
    let all = scenes();
    let find = |name: &str| all.iter().find(|s| s.name == name).expect(name);
    for scene in &all {
        let noon = scene.build_with(TimeOfDay::Noon, Weather::Clear).unwrap();
        let night = scene.build_with(TimeOfDay::Night, Weather::Clear).unwrap();
        let overcast = scene
            .build_with(TimeOfDay::Noon, Weather::Overcast)
            .unwrap();
        assert_eq!(count(&noon, PartKind::SunDisc), 1, "{}", scene.name);
        assert_eq!(count(&overcast, PartKind::SunDisc), 0, "{}", scene.name);
        assert_eq!(count(&noon, PartKind::Star), 0, "{}", scene.name);
        assert!(count(&night, PartKind::Star) >= 100, "{}", scene.name);
        assert!(count(&overcast, PartKind::Cloud) > 2 * count(&noon, PartKind::Cloud));
        // The sun's disc sits where the light comes from.
        let disc = noon
            .primitives
            .iter()
            .find(|p| p.kind == PartKind::SunDisc)
            .unwrap();
        let to_sun = noon.environment.to_sun();
        assert!(
            disc.translation.normalize().dot(to_sun) > 0.999,
            "{}",
            scene.name
        );
        // Clouds are darker at night than at noon.
        let cloud_lum = |b: &BuiltScene| {
            let c = b
                .primitives
                .iter()
                .find(|p| p.kind == PartKind::Cloud)
                .unwrap();
            luminance(c.color)
        };
        assert!(cloud_lum(&night) < 0.5 * cloud_lum(&noon), "{}", scene.name);
    }
    let tokyo = find("tokyo");
    let noon = tokyo.build_with(TimeOfDay::Noon, Weather::Clear).unwrap();
    let night = tokyo.build_with(TimeOfDay::Night, Weather::Clear).unwrap();
    assert!(count(&noon, PartKind::Window) >= 1_200);
    assert!(count(&noon, PartKind::Sign) >= 10);
    assert!(count(&noon, PartKind::Vehicle) >= 200);
    assert!(glow(&night, PartKind::Window) > 3.0 * glow(&noon, PartKind::Window));
    let alien = find("alien_planet");
    let noon = alien.build_with(TimeOfDay::Noon, Weather::Clear).unwrap();
    let night = alien.build_with(TimeOfDay::Night, Weather::Clear).unwrap();
    assert!(glow(&night, PartKind::Plant) > 3.0 * glow(&noon, PartKind::Plant));
    let arctic = find("arctic");
    let noon = arctic.build_with(TimeOfDay::Noon, Weather::Clear).unwrap();
    let night = arctic.build_with(TimeOfDay::Night, Weather::Clear).unwrap();
    let snowing = arctic.build_with(TimeOfDay::Night, Weather::Snow).unwrap();
    assert_eq!(count(&noon, PartKind::Aurora), 0);
    assert!(count(&night, PartKind::Aurora) >= 40);
    assert_eq!(
        count(&snowing, PartKind::Aurora),
        0,
        "snow hides the aurora"
    );
    let canyon = find("desert_canyon");
    let noon = canyon.build_with(TimeOfDay::Noon, Weather::Clear).unwrap();
    assert!(
        count(&noon, PartKind::Mountain) >= 7 * 15,
        "strata bands on the mesas"
    );
}

#[test]
fn an_ellipsoid_rests_on_the_ground_at_any_rotation() {
    let radii = Vec3::new(3.0, 1.0, 2.0);
    for rotation in [
        Quat::IDENTITY,
        Quat::from_rotation_z(std::f32::consts::FRAC_PI_2),
        Quat::from_rotation_x(0.7) * Quat::from_rotation_y(0.3),
    ] {
        let mut p = Primitive {
            kind: PartKind::Plant,
            shape: Shape::Ellipsoid { radii },
            translation: Vec3::new(0.0, 10.0, -50.0),
            rotation,
            color: [0.5; 3],
            emissive: [0.0; 3],
            roughness: 1.0,
        };
        p.translation.y -= p.lowest_y();
        // The lowest point of the surface, found by sampling it, is at y = 0.
        let mut lowest = f32::INFINITY;
        for i in 0..200 {
            for j in 0..100 {
                let (u, v) = (
                    i as f32 / 200.0 * std::f32::consts::TAU,
                    j as f32 / 99.0 * std::f32::consts::PI,
                );
                let local = Vec3::new(v.sin() * u.cos(), v.cos(), v.sin() * u.sin()) * radii;
                lowest = lowest.min((p.translation + rotation * local).y);
            }
        }
        assert!(lowest.abs() < 0.01, "lowest point at {lowest}");
    }
}

/// The virtual sun's shadows come from what shapes a place (buildings, towers, mesas, rocks,
/// cars, big plants), not from the ground, the sky or the pebbles, which are most of a world's
/// parts and would cost a depth pass each for shadows nobody sees.
#[test]
fn the_big_shapes_of_every_world_cast_shadows_and_the_small_ones_do_not() {
    for scene in scenes() {
        let built = scene
            .build_with(TimeOfDay::Dusk, Weather::Clear)
            .expect("builds");
        let casters: Vec<&Primitive> = built
            .primitives
            .iter()
            .filter(|p| p.casts_shadow())
            .collect();
        assert!(
            !built.primitives[0].casts_shadow(),
            "{}: the ground",
            scene.name
        );
        assert!(
            casters.iter().all(|p| !p.kind.is_sky()),
            "{}: the sky",
            scene.name
        );
        let biggest = built
            .primitives
            .iter()
            .filter(|p| !p.kind.is_sky() && p.kind != PartKind::Ground)
            .max_by(|a, b| a.bounding_radius().total_cmp(&b.bounding_radius()))
            .expect("a world has shapes");
        assert!(biggest.casts_shadow(), "{}: its biggest shape", scene.name);
        let share = casters.len() as f32 / built.primitives.len() as f32;
        assert!(
            (0.05..0.9).contains(&share),
            "{}: {} of {} parts cast shadows",
            scene.name,
            casters.len(),
            built.primitives.len()
        );
        eprintln!(
            "{}: {} of {} parts cast shadows",
            scene.name,
            casters.len(),
            built.primitives.len()
        );
    }
}
