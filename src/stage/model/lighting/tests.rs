//! Tests of lighting matching: colour temperatures, the score and its advice.

use super::*;

fn dusk() -> SceneLightTarget {
    // Low orange sun on the right, cool blue sky.
    SceneLightTarget::from_kelvin("dusk", 3200.0, 0.8, 70.0, 9000.0, 0.3)
}

fn matching_lights(target: &SceneLightTarget) -> Vec<StageLight> {
    vec![
        StageLight {
            kind: LightKind::Key,
            color: target.key_color,
            intensity: target.key_intensity,
            azimuth_deg: target.key_azimuth_deg,
        },
        StageLight {
            kind: LightKind::Fill,
            color: target.fill_color,
            intensity: target.fill_intensity,
            azimuth_deg: -120.0,
        },
    ]
}

#[test]
fn kelvin_gives_warm_and_cool_whites() {
    let warm = kelvin_to_linear_rgb(3200.0);
    let cool = kelvin_to_linear_rgb(6500.0);
    assert!(warm[0] / warm[2] > cool[0] / cool[2], "{warm:?} {cool:?}");
    assert_eq!(warm[0], 1.0);
    assert!(warm[2] < 0.6, "{warm:?}");
    // 6500 K is nearly white.
    for c in cool {
        assert!(c > 0.9, "{cool:?}");
    }
    // Very hot is bluish.
    let hot = kelvin_to_linear_rgb(15000.0);
    assert_eq!(hot[2], 1.0);
    assert!(hot[0] < 0.9);
    // Out of range and NaN are safe.
    assert_eq!(kelvin_to_linear_rgb(100.0), kelvin_to_linear_rgb(1667.0));
    assert_eq!(kelvin_to_linear_rgb(f32::NAN), kelvin_to_linear_rgb(6500.0));
}

#[test]
fn colour_temperature_round_trips() {
    for k in [2700.0, 3200.0, 4300.0, 5600.0, 6500.0, 9000.0] {
        let back = correlated_colour_temperature(kelvin_to_linear_rgb(k)).expect("white");
        assert!((back - k).abs() / k < 0.002, "{k} -> {back}");
    }
    // Pure green light has no colour temperature; black has no colour.
    assert_eq!(correlated_colour_temperature([0.0, 1.0, 0.0]), None);
    assert_eq!(chromaticity_uv([0.0, 0.0, 0.0]), None);
    // D65 white.
    let white = chromaticity_uv([1.0, 1.0, 1.0]).expect("white");
    assert!(
        (white - Vec2::new(0.1978, 0.4683)).length() < 1.0e-3,
        "{white}"
    );
}

#[test]
fn perfect_match_scores_100() {
    let target = dusk();
    let m = match_score(&matching_lights(&target), &target);
    assert_eq!(m.score, 100.0);
    assert_eq!(m.colour_error, 0.0);
    assert_eq!(m.intensity_error, 0.0);
    assert_eq!(m.direction_error_deg, 0.0);
    assert!(m.passed());
    assert_eq!(m.advice.len(), 1);
    assert_eq!(m.problem_count, 0);
    assert!(m.advice[0].contains("match"), "{:?}", m.advice);
}

#[test]
fn errors_lower_the_score_monotonically() {
    let target = dusk();
    let score_with = |change: &dyn Fn(&mut Vec<StageLight>)| {
        let mut lights = matching_lights(&target);
        change(&mut lights);
        match_score(&lights, &target).score
    };
    let mut previous = 100.0;
    for k in [3400.0, 3800.0, 4500.0, 5600.0, 6500.0, 9000.0] {
        let s = score_with(&|l| l[0].color = kelvin_to_linear_rgb(k));
        assert!(s <= previous && s < 100.0, "{k}: {s} after {previous}");
        previous = s;
    }
    let mut previous = 100.0;
    for intensity in [0.7, 0.5, 0.3, 0.15, 0.05, 0.0] {
        let s = score_with(&|l| l[0].intensity = intensity);
        assert!(s <= previous && s < 100.0, "{intensity}: {s}");
        previous = s;
    }
    let mut previous = 100.0;
    for offset in [10.0, 30.0, 60.0, 90.0, 140.0] {
        let s = score_with(&|l| l[0].azimuth_deg = 70.0 - offset);
        assert!(s <= previous && s < 100.0, "{offset}: {s}");
        previous = s;
    }
    let mut previous = 100.0;
    for fill in [0.4, 0.6, 0.9] {
        let s = score_with(&|l| l[1].intensity = fill);
        assert!(s <= previous && s < 100.0, "{fill}: {s}");
        previous = s;
    }
    // Everything wrong at once is worse than any one thing wrong.
    let all_wrong = score_with(&|l| {
        l[0].color = kelvin_to_linear_rgb(6500.0);
        l[0].intensity = 0.2;
        l[0].azimuth_deg = -90.0;
        l[1].intensity = 0.9;
    });
    assert!(all_wrong < previous && all_wrong < 30.0, "{all_wrong}");
}

#[test]
fn advice_names_the_worst_problem() {
    let target = dusk();

    // A daylight key at dusk: too blue, warm it towards 3,200 K.
    let mut lights = matching_lights(&target);
    lights[0].color = kelvin_to_linear_rgb(DAYLIGHT_K);
    let m = match_score(&lights, &target);
    assert!(m.colour_error > 0.03);
    assert!(!m.passed() || m.score < 80.0);
    assert!(
        m.advice[0].contains("key light is too blue for a dusk scene")
            && m.advice[0].contains("3,200 K"),
        "{:?}",
        m.advice
    );

    // The key on the wrong side.
    let mut lights = matching_lights(&target);
    lights[0].azimuth_deg = -70.0;
    let m = match_score(&lights, &target);
    assert!((m.direction_error_deg - 140.0).abs() < 1.0e-3);
    assert!(
        m.advice[0].contains("comes from the left")
            && m.advice[0].contains("sun on the wall is on the right"),
        "{:?}",
        m.advice
    );

    // Right side, but too far round towards the camera.
    let mut lights = matching_lights(&target);
    lights[0].azimuth_deg = 120.0;
    let m = match_score(&lights, &target);
    assert!(
        m.advice[0].contains("round towards the wall"),
        "{:?}",
        m.advice
    );
    assert_eq!(m.problem_count, 1);

    // A tungsten key for a daylight scene is too orange.
    let noon = SceneLightTarget::from_kelvin("noon", 5600.0, 1.0, -40.0, 7000.0, 0.3);
    let mut lights = matching_lights(&noon);
    lights[0].color = kelvin_to_linear_rgb(TUNGSTEN_K);
    let m = match_score(&lights, &noon);
    assert!(
        m.advice[0].contains("too orange for a noon scene"),
        "{:?}",
        m.advice
    );
    assert!(m.advice[0].contains("5,600 K"), "{:?}", m.advice);

    // A green spike.
    let mut lights = matching_lights(&noon);
    lights[0].color = [0.9, 1.0, 0.8];
    let m = match_score(&lights, &noon);
    assert!(m.advice[0].contains("too green"), "{:?}", m.advice);

    // Too bright, and missing lights.
    let mut lights = matching_lights(&target);
    lights[0].intensity = 0.2;
    let m = match_score(&lights, &target);
    assert!((m.intensity_error - 2.0).abs() < 1.0e-3);
    assert!(
        m.advice[0].contains("key light is 2.0 stops too dark"),
        "{:?}",
        m.advice
    );
    let m = match_score(&lights[1..], &target);
    assert!(m.advice[0].contains("no key light"), "{:?}", m.advice);
    assert!(m.advice[0].contains("on the right"), "{:?}", m.advice);
    let m = match_score(&lights[..1], &target);
    assert!(
        m.advice.iter().any(|a| a.contains("no fill")),
        "{:?}",
        m.advice
    );
    let m = match_score(&[], &target);
    assert!(m.score < 40.0, "{}", m.score);
}

#[test]
fn overcast_scenes_care_less_about_direction() {
    let sunny = SceneLightTarget::from_kelvin("noon", 5600.0, 1.0, 60.0, 7000.0, 0.2);
    let overcast = SceneLightTarget::from_kelvin("overcast", 6500.0, 0.3, 60.0, 6500.0, 0.7);
    let turned = |target: &SceneLightTarget| {
        let mut lights = matching_lights(target);
        lights[0].azimuth_deg = -60.0;
        match_score(&lights, target).score
    };
    assert!(turned(&overcast) > turned(&sunny));
}

#[test]
fn helpers() {
    assert_eq!(azimuth_deg_from_direction(Vec3::NEG_Z), Some(0.0));
    assert_eq!(
        azimuth_deg_from_direction(Vec3::new(1.0, 0.5, 0.0)),
        Some(90.0)
    );
    assert_eq!(azimuth_deg_from_direction(Vec3::Y), None);
    assert_eq!(angle_difference_deg(170.0, -170.0), -20.0);
    assert_eq!(format_kelvin(3180.0), "3,200 K");
    assert_eq!(format_kelvin(800.0), "800 K");
    assert_eq!(scene_phrase("arctic storm"), "for an arctic storm scene");
    assert_eq!(scene_phrase(""), "for this scene");
}
