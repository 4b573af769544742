//! Tests of the shot list: loading and validation, and how takes are scored and explained.

use super::*;
use crate::stage::model::lighting::{SceneLightTarget, StageLight, match_score};
use crate::stage::model::moire;

fn shots() -> Vec<ShotSpec> {
    bundled_shots().expect("bundled shot list is valid")
}

fn tokyo_crane() -> ShotSpec {
    shots()
        .into_iter()
        .find(|s| s.id == "tokyo_crane")
        .expect("tokyo_crane is bundled")
}

fn good_lighting() -> LightingMatch {
    let target = SceneLightTarget::from_kelvin("dusk", 3200.0, 0.8, 70.0, 9000.0, 0.3);
    let lights = [
        StageLight::from_kelvin(
            crate::stage::model::lighting::LightKind::Key,
            3200.0,
            0.8,
            70.0,
        ),
        StageLight::from_kelvin(
            crate::stage::model::lighting::LightKind::Fill,
            9000.0,
            0.3,
            0.0,
        ),
    ];
    match_score(&lights, &target)
}

fn bad_lighting() -> LightingMatch {
    let target = SceneLightTarget::from_kelvin("dusk", 3200.0, 0.8, 70.0, 9000.0, 0.3);
    let lights = [
        StageLight::from_kelvin(
            crate::stage::model::lighting::LightKind::Key,
            6500.0,
            0.3,
            -70.0,
        ),
        StageLight::from_kelvin(
            crate::stage::model::lighting::LightKind::Fill,
            9000.0,
            0.3,
            0.0,
        ),
    ];
    match_score(&lights, &target)
}

fn perfect_attempt(spec: &ShotSpec) -> ShotAttempt {
    let (min, max) = spec.framing.subject_height_fraction;
    ShotAttempt {
        scene: spec.scene.clone(),
        time_of_day: spec.time_of_day.to_uppercase(),
        weather: spec.weather.clone(),
        subject_height_fraction: 0.5 * (min + max),
        tracking_lag_cm: 0.5 * spec.max_latency_artifact_cm,
        overscan: 1.2,
        inner_frustum_covers_frame: true,
        moire: MoireRisk::None,
        moire_detail: None,
        lighting: good_lighting(),
    }
}

#[test]
fn bundled_list_parses_and_validates() {
    let shots = shots();
    assert!(shots.len() >= 3);
    assert!(BUNDLED_VP_SHOTS.starts_with("//"));
    let crane = tokyo_crane();
    assert_eq!(crane.scene, "tokyo");
    assert_eq!(crane.time_of_day, "Dusk");
    assert_eq!(crane.camera_move, CameraMove::Crane);
    assert!(
        shots
            .iter()
            .any(|s| s.scene == "alien_planet" && matches!(s.camera_move, CameraMove::Dolly))
    );
    assert!(
        shots
            .iter()
            .any(|s| s.scene == "arctic" && s.weather == "Snow")
    );
    for shot in &shots {
        assert!(shot.validate().is_empty(), "{}", shot.id);
    }
    assert_eq!(crane.framing.shot_size_words(), "wide shot");
    assert_eq!(crane.environment_words(), "Tokyo at dusk, in haze");
}

#[test]
fn syntax_errors_give_line_and_column() {
    let broken = BUNDLED_VP_SHOTS.replacen("focal_mm: 18.0", "focal_mm: \"24\"", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("focal_mm: \"24\""))
        .expect("replaced")
        + 1;
    match load_shots(&broken) {
        Err(VpShotsError::Syntax { line: l, .. }) => assert_eq!(l, line),
        other => panic!("{other:?}"),
    }
    let unknown = BUNDLED_VP_SHOTS.replacen("focal_mm: 18.0,", "focal_mm: 18.0, zoom: 2,", 1);
    let err = load_shots(&unknown).expect_err("unknown field");
    assert!(err.to_string().contains("zoom"), "{err}");
    assert!(err.to_string().starts_with(VP_SHOTS_FILE));
    // The "Track" spelling of a dolly is accepted.
    let track = BUNDLED_VP_SHOTS.replacen("move: Dolly", "move: Track", 1);
    let shots = load_shots(&track).expect("Track is a dolly");
    assert!(shots.iter().any(|s| s.camera_move == CameraMove::Dolly));
}

#[test]
fn validation_names_the_fields() {
    let edits = [
        (
            "time_of_day: \"Dusk\"",
            "time_of_day: \"Sunset\"",
            "shots[0].time_of_day",
        ),
        ("weather: \"Haze\"", "weather: \"Fog\"", "shots[0].weather"),
        (
            "(subject_height_fraction: (0.25, 0.55))",
            "(subject_height_fraction: (0.55, 0.25))",
            "shots[0].framing.subject_height_fraction",
        ),
        (
            "max_latency_artifact_cm: 4.0",
            "max_latency_artifact_cm: -1.0",
            "shots[0].max_latency_artifact_cm",
        ),
        ("focal_mm: 18.0", "focal_mm: 2000.0", "shots[0].focal_mm"),
        ("scene: \"tokyo\"", "scene: \"\"", "shots[0].scene"),
        // A world the stage does not have: the shot could never be filmed.
        ("scene: \"tokyo\"", "scene: \"atlantis\"", "shots[0].scene"),
        ("id: \"alien_walk\"", "id: \"tokyo_crane\"", "shots[1].id"),
        ("id: \"tokyo_crane\"", "id: \"Tokyo Crane\"", "shots[0].id"),
    ];
    for (from, to, field) in edits {
        let text = BUNDLED_VP_SHOTS.replacen(from, to, 1);
        assert_ne!(text, BUNDLED_VP_SHOTS, "{from}");
        match load_shots(&text) {
            Err(VpShotsError::Invalid(errors)) => {
                assert!(
                    errors.iter().any(|e| e.field == field),
                    "{field}: {errors:?}"
                );
                let message = VpShotsError::Invalid(errors).to_string();
                assert!(message.contains(field), "{message}");
            }
            other => panic!("{field}: {other:?}"),
        }
    }
    assert_eq!(validate(&[])[0].field, "shots");
}

#[test]
fn a_clean_take_gets_three_stars() {
    for spec in shots() {
        let score = score_attempt(&spec, &perfect_attempt(&spec));
        assert_eq!(score.stars, 3, "{}: {:?}", spec.id, score.checks);
        assert!(score.all_passed());
        let names: Vec<_> = score.checks.iter().map(|c| c.name).collect();
        assert_eq!(
            names,
            ["Environment", "Framing", "Parallax", "Moiré", "Lighting"]
        );
    }
}

fn failed(score: &ShotScore, kind: CheckKind) -> &Check {
    let check = score.check(kind).expect("every check is there");
    assert!(!check.passed, "{check:?}");
    check
}

#[test]
fn each_failure_costs_a_star_and_is_explained() {
    let spec = tokyo_crane();
    let base = perfect_attempt(&spec);
    framing_failures_are_explained(&spec, &base);
    parallax_failures_are_explained(&spec, &base);
    moire_failures_are_explained(&spec, &base);
    lighting_failure_is_explained(&spec, &base);
    failures_add_up_to_one_star_at_least(&spec, base);
}

fn framing_failures_are_explained(spec: &ShotSpec, base: &ShotAttempt) {
    let small = ShotAttempt {
        subject_height_fraction: 0.05,
        ..base.clone()
    };
    let score = score_attempt(spec, &small);
    assert_eq!(score.stars, 2);
    let text = &failed(&score, CheckKind::Framing).explanation;
    assert!(
        text.contains("only 5%") && text.contains("closer"),
        "{text}"
    );
    let big = ShotAttempt {
        subject_height_fraction: 0.9,
        ..base.clone()
    };
    let score = score_attempt(spec, &big);
    let text = &failed(&score, CheckKind::Framing).explanation;
    assert!(text.contains("90%") && text.contains("back"), "{text}");
}

fn parallax_failures_are_explained(spec: &ShotSpec, base: &ShotAttempt) {
    let laggy = ShotAttempt {
        tracking_lag_cm: 14.0,
        ..base.clone()
    };
    let score = score_attempt(spec, &laggy);
    assert_eq!(score.stars, 2);
    let text = &failed(&score, CheckKind::Parallax).explanation;
    assert!(
        text.contains("lagged 14 cm behind the camera during the crane move")
            && text.contains("latency compensation"),
        "{text}"
    );
    let uncovered = ShotAttempt {
        inner_frustum_covers_frame: false,
        overscan: 1.0,
        ..base.clone()
    };
    let score = score_attempt(spec, &uncovered);
    let text = &failed(&score, CheckKind::Parallax).explanation;
    assert!(
        text.contains("inner frustum") && text.contains("overscan"),
        "{text}"
    );
}

fn moire_failures_are_explained(spec: &ShotSpec, base: &ShotAttempt) {
    let detail = moire::assess(2.84, 35.0, 2.8, 6.0, 6.0, 24.89 / 4608.0 * 1000.0)
        .expect("valid moiré inputs");
    let rippling = ShotAttempt {
        moire: detail.risk,
        moire_detail: Some(detail),
        ..base.clone()
    };
    let score = score_attempt(spec, &rippling);
    assert_eq!(score.stars, 2);
    let text = &failed(&score, CheckKind::Moire).explanation;
    assert!(
        text.contains("in sharp focus")
            && text.contains("3.1 photosites")
            && text.contains("Focus on the actor"),
        "{text}"
    );
    let plain = ShotAttempt {
        moire: MoireRisk::High,
        ..base.clone()
    };
    assert!(
        failed(&score_attempt(spec, &plain), CheckKind::Moire)
            .explanation
            .contains("rippling colour bands (moiré)")
    );
    let faint = ShotAttempt {
        moire: MoireRisk::Low,
        ..base.clone()
    };
    assert_eq!(score_attempt(spec, &faint).stars, 3);
}

fn lighting_failure_is_explained(spec: &ShotSpec, base: &ShotAttempt) {
    let mislit = ShotAttempt {
        lighting: bad_lighting(),
        ..base.clone()
    };
    let score = score_attempt(spec, &mislit);
    assert_eq!(score.stars, 2);
    let text = &failed(&score, CheckKind::Lighting).explanation;
    assert!(
        text.contains("did not match") && text.contains("key"),
        "{text}"
    );
}

/// Two failures: one star; four failures: still one star for the right world.
fn failures_add_up_to_one_star_at_least(spec: &ShotSpec, base: ShotAttempt) {
    let two = ShotAttempt {
        tracking_lag_cm: 14.0,
        lighting: bad_lighting(),
        ..base.clone()
    };
    assert_eq!(score_attempt(spec, &two).stars, 1);
    let all = ShotAttempt {
        subject_height_fraction: f32::NAN,
        tracking_lag_cm: f32::NAN,
        moire: MoireRisk::High,
        lighting: bad_lighting(),
        ..base
    };
    let score = score_attempt(spec, &all);
    assert_eq!(score.stars, 1);
    assert!(score.check(CheckKind::Environment).expect("present").passed);
}

#[test]
fn the_wrong_world_gets_no_stars() {
    let spec = tokyo_crane();
    let base = perfect_attempt(&spec);
    for (scene, time, weather, fix) in [
        ("alien_planet", "Dusk", "Haze", "load the scene \"Tokyo\""),
        ("tokyo", "Noon", "Haze", "set the time of day to dusk"),
        ("tokyo", "Dusk", "Clear", "set the weather to haze"),
    ] {
        let attempt = ShotAttempt {
            scene: scene.to_owned(),
            time_of_day: time.to_owned(),
            weather: weather.to_owned(),
            ..base.clone()
        };
        let score = score_attempt(&spec, &attempt);
        assert_eq!(score.stars, 0);
        let text = &failed(&score, CheckKind::Environment).explanation;
        assert!(
            text.contains("Tokyo at dusk, in haze") && text.contains(fix),
            "{text}"
        );
        // The other checks are still judged, so the player learns from them too.
        assert!(score.checks[1..].iter().all(|c| c.passed));
    }
    let everything = ShotAttempt {
        scene: "arctic".to_owned(),
        time_of_day: "Night".to_owned(),
        weather: "Snow".to_owned(),
        ..base
    };
    let text = &failed(&score_attempt(&spec, &everything), CheckKind::Environment)
        .explanation
        .clone();
    assert!(
        text.contains("Arctic at night, in snow")
            && text.contains(
                "load the scene \"Tokyo\", set the time of day to dusk and set the \
                              weather to haze"
            ),
        "{text}"
    );
}

/// One name for each world: the wall's button (the scene's title) says what the shot list and
/// the take's checks say.
#[test]
fn every_world_has_one_name() {
    let scenes = crate::stage::model::scene::bundled_scenes();
    assert_eq!(scenes.len(), 4);
    for scene in &scenes {
        assert_eq!(scene.title, scene_words(&scene.name), "{}", scene.name);
    }
    assert_eq!(scene_words("alien_planet"), "Alien planet");
    for shot in shots() {
        let world = scene_words(&shot.scene);
        assert!(
            scenes.iter().any(|s| s.title == world),
            "{}: {world}",
            shot.id
        );
        assert!(shot.environment_words().starts_with(&world), "{}", shot.id);
    }
}
