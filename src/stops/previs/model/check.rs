//! Checking a shot against its panel: the points and the plain sentences a verdict gives,
//! whether a move keeps its subject to the end, and the setup the teacher's reveal solves.

use glam::Vec3;
use serde::{Deserialize, Serialize};

use super::shot::horizontal_unit;
use super::{
    CameraAngle, CameraMove, Character, DEFAULT_SUBJECT_HEIGHT_M, EYE_LINE_FRACTION, MIN_PAN_DEG,
    MIN_TRAVEL_M, MoodLighting, Panel, SENSOR_HEIGHT_MM, ShotReading, ShotSetup, ShotSize,
    camera_at, classify_frame, horizontal_fov_radians, read_mood, subject_at,
};

/// Points for the right shot size.
pub const SIZE_POINTS: u8 = 40;
/// Points for a size one step from the panel's: close, and easy to fix.
pub const SIZE_ONE_OFF_POINTS: u8 = 15;
/// Points for the right camera angle.
pub const ANGLE_POINTS: u8 = 25;
/// Points for the right camera move.
pub const MOVEMENT_POINTS: u8 = 15;
/// Points for lighting that reads as the panel's mood.
pub const MOOD_POINTS: u8 = 20;

/// How one shot compares with its panel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShotVerdict {
    /// Size, angle, move and mood all as the panel asks, with the subject in the frame.
    pub matches: bool,
    /// 0 to 100: [`SIZE_POINTS`] (or [`SIZE_ONE_OFF_POINTS`]) + [`ANGLE_POINTS`] +
    /// [`MOVEMENT_POINTS`] + [`MOOD_POINTS`]; 0 when the subject is out of the frame, since a
    /// shot that misses its subject tells nothing.
    pub score: u8,
    /// One plain sentence per check, saying what was measured and how to fix it.
    pub reasons: Vec<String>,
}

/// Checks the last frame of the shot: the move and the blocking must not lose the subject.
/// The panel's size and angle are judged on the opening frame (what the player composed);
/// this catches a dolly, crane, pan or walk that ends with the subject out of the picture.
pub fn check_move_end(setup: &ShotSetup, subject: &Character) -> Option<String> {
    let (eye, target) = camera_at(setup, 1.0);
    let ground = subject_at(subject.start, &setup.waypoints, 1.0);
    let reading = classify_frame(eye, target, setup.focal_mm, ground, subject.height_m);
    if reading.in_frame {
        return None;
    }
    let how = match (setup.movement, setup.waypoints.is_empty()) {
        (CameraMove::Static, false) => "the walk",
        (CameraMove::Static, true) => "the shot",
        (m, _) => m.label(),
    };
    Some(format!(
        "By the end of {how}, {} has left the frame: shorten the move, change the path, or \
         aim where they end up.",
        subject.name
    ))
}

/// Compares a measured shot with what the panel asks for. `reading` is normally
/// `classify(setup, …)`; the move and the light come from `setup`.
pub fn check_shot(panel: &Panel, setup: &ShotSetup, reading: &ShotReading) -> ShotVerdict {
    let who = panel.subject.replace('_', " ");
    if !reading.in_frame {
        return ShotVerdict {
            matches: false,
            score: 0,
            reasons: vec![format!(
                "The {who} is not in the frame — aim the camera at them."
            )],
        };
    }
    let checks = [
        judge_size(panel, reading, &who),
        judge_angle(panel, reading, &who),
        judge_movement(panel, setup),
        judge_mood(panel, setup),
    ];
    ShotVerdict {
        matches: checks.iter().all(|c| c.right),
        score: checks.iter().map(|c| c.points).sum(),
        reasons: checks.into_iter().map(|c| c.reason).collect(),
    }
}

/// One part of a verdict (size, angle, move or mood): whether it is as the panel asks, the
/// points it earns and the sentence that says so.
struct Judgement {
    right: bool,
    points: u8,
    reason: String,
}

/// The shot size: full points when right, some when one size off (close, and easy to fix).
fn judge_size(panel: &Panel, reading: &ShotReading, who: &str) -> Judgement {
    let measured_size = if reading.height_fraction < 1.0 {
        format!(
            "The {who} fills {:.0}% of the frame height",
            100.0 * reading.height_fraction
        )
    } else {
        format!(
            "The {who} is {:.1} times as tall as the frame, so only part of them fits",
            reading.height_fraction
        )
    };
    if reading.size == panel.size {
        return Judgement {
            right: true,
            points: SIZE_POINTS,
            reason: format!(
                "{measured_size}: {}, just as the panel asks.",
                with_article(reading.size.label())
            ),
        };
    }
    let points = if reading.size.steps_from(panel.size) == 1 {
        SIZE_ONE_OFF_POINTS
    } else {
        0
    };
    let fix = if reading.size < panel.size {
        "move closer or use a longer lens"
    } else {
        "move back or use a wider lens"
    };
    Judgement {
        right: false,
        points,
        reason: format!(
            "{measured_size}: that is {}. The panel asks for {} — {fix}.",
            with_article(reading.size.label()),
            with_article(panel.size.label())
        ),
    }
}

/// The camera angle, measured from the subject's eyes.
fn judge_angle(panel: &Panel, reading: &ShotReading, who: &str) -> Judgement {
    let degrees = reading.angle_deg.abs().round();
    let measured_angle = match reading.angle {
        CameraAngle::High => {
            format!("The camera is {degrees:.0}° above the {who}'s eyes, looking down")
        }
        CameraAngle::Low => {
            format!("The camera is {degrees:.0}° below the {who}'s eyes, looking up")
        }
        CameraAngle::EyeLevel if degrees < 1.0 => {
            format!("The camera is level with the {who}'s eyes")
        }
        CameraAngle::EyeLevel => format!(
            "The camera is only {degrees:.0}° {} the {who}'s eyes",
            if reading.angle_deg > 0.0 {
                "above"
            } else {
                "below"
            }
        ),
    };
    if reading.angle == panel.angle {
        return Judgement {
            right: true,
            points: ANGLE_POINTS,
            reason: format!(
                "{measured_angle}: {}, just as the panel asks.",
                with_article(reading.angle.label())
            ),
        };
    }
    let fix = match (panel.angle, reading.angle) {
        (CameraAngle::High, _) => "raise the camera above their eyes and look down",
        (CameraAngle::Low, _) => "lower the camera below their eyes and look up",
        (CameraAngle::EyeLevel, CameraAngle::High) => "lower the camera to their eye height",
        (CameraAngle::EyeLevel, _) => "raise the camera to their eye height",
    };
    Judgement {
        right: false,
        points: 0,
        reason: format!(
            "{measured_angle}: {}. The panel asks for {} — {fix}.",
            with_article(reading.angle.label()),
            with_article(panel.angle.label())
        ),
    }
}

/// The camera move: the panel's kind of move, and far enough to read as one.
fn judge_movement(panel: &Panel, setup: &ShotSetup) -> Judgement {
    let wrong = |reason: String| Judgement {
        right: false,
        points: 0,
        reason,
    };
    if setup.movement != panel.movement {
        return wrong(format!(
            "The camera move is {}, but the panel asks for {}. {}",
            with_article(setup.movement.label()),
            with_article(panel.movement.label()),
            panel.movement.description()
        ));
    }
    let amount = setup.move_amount_m;
    let too_small = match setup.movement {
        CameraMove::Static => None,
        CameraMove::Pan => (!move_reaches(amount, MIN_PAN_DEG)).then(|| {
            format!(
                "The panel asks for a pan, but the camera turns only {:.1}° — turn it at least {MIN_PAN_DEG:.0}° during the shot.",
                finite_or_zero(amount).abs()
            )
        }),
        CameraMove::Dolly | CameraMove::Crane => {
            (!move_reaches(amount, MIN_TRAVEL_M)).then(|| {
                format!(
                    "The panel asks for {}, but the camera travels only {:.2} m — move it at least {MIN_TRAVEL_M} m during the shot.",
                    with_article(setup.movement.label()),
                    finite_or_zero(amount).abs()
                )
            })
        }
    };
    match too_small {
        Some(reason) => wrong(reason),
        None => Judgement {
            right: true,
            points: MOVEMENT_POINTS,
            reason: format!(
                "The camera move is {}, just as the panel asks.",
                with_article(setup.movement.label())
            ),
        },
    }
}

/// The mood the lighting reads as.
fn judge_mood(panel: &Panel, setup: &ShotSetup) -> Judgement {
    let mood = read_mood(&setup.lighting).mood;
    if mood == panel.mood {
        Judgement {
            right: true,
            points: MOOD_POINTS,
            reason: format!(
                "The lighting feels {}, just as the panel asks.",
                mood.label()
            ),
        }
    } else {
        Judgement {
            right: false,
            points: 0,
            reason: format!(
                "The lighting feels {}, but the panel asks for a {} mood — {}.",
                mood.label(),
                panel.mood.label(),
                panel.mood.lighting_hint()
            ),
        }
    }
}

/// "a" or "an" before a label, by its first letter.
fn with_article(label: &str) -> String {
    let article = match label.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    };
    format!("{article} {label}")
}

/// Whether a move amount is a number at least `minimum` either way.
fn move_reaches(amount: f32, minimum: f32) -> bool {
    amount.is_finite() && amount.abs() >= minimum
}

fn finite_or_zero(x: f32) -> f32 {
    if x.is_finite() { x } else { 0.0 }
}

/// How many times [`solve_setup`] refines the camera distance; each pass corrects for the
/// perspective of a tilted camera, and a few passes settle well within a size band.
const SOLVE_PASSES: usize = 8;

/// A setup that meets the panel, for the teacher's "reveal" and for tests.
///
/// The camera stands in front of the subject (along the horizontal part of `facing`, the way
/// they look; +Z if that has none) so it sees their face, with the lens from
/// [`ShotSize::solve_focal_mm`]. Its distance starts from the pinhole rule
/// `fraction = height · f / (distance · sensor height)` for [`ShotSize::solve_height_fraction`]
/// and is refined on the real projection. It sits at [`CameraAngle::solve_elevation_deg`]
/// seen from the subject's eyes and aims at their eyes for a close-up (a face is what a
/// close-up is about) or at the middle of their body otherwise. The move is gentle enough to
/// keep the subject in the frame: a pan of a third of the frame's width, a dolly in by a
/// tenth of the distance, a crane up by a twentieth (at least 0.2 m). The light is
/// [`MoodLighting::preset`] of the panel's mood, and the subject stays at their start.
///
/// An extreme wide low angle (which [`Storyboard::validate`] rejects) comes out below the
/// subject's ground: that is where the geometry puts the camera.
pub fn solve_setup(
    panel: &Panel,
    subject_ground: Vec3,
    subject_height_m: f32,
    facing: Vec3,
) -> ShotSetup {
    let height = if subject_height_m.is_finite() && subject_height_m > 0.0 {
        subject_height_m
    } else {
        DEFAULT_SUBJECT_HEIGHT_M
    };
    let ground = if subject_ground.is_finite() {
        subject_ground
    } else {
        Vec3::ZERO
    };
    let facing = horizontal_unit(facing).unwrap_or(Vec3::Z);
    let focal_mm = panel.size.solve_focal_mm();
    let aim_height = if panel.size == ShotSize::CloseUp {
        EYE_LINE_FRACTION * height
    } else {
        0.5 * height
    };
    let aim = ground + Vec3::Y * aim_height;
    let eyes = ground + Vec3::Y * (EYE_LINE_FRACTION * height);
    let slope = panel.angle.solve_elevation_deg().to_radians().tan();
    let place = |across: f32| eyes + facing * across + Vec3::Y * (across * slope);

    let wanted = panel.size.solve_height_fraction();
    let mut across = height * focal_mm / (wanted * SENSOR_HEIGHT_MM);
    for _ in 0..SOLVE_PASSES {
        let fraction = classify_frame(place(across), aim, focal_mm, ground, height).height_fraction;
        if fraction.is_finite() && fraction > 0.0 {
            across *= fraction / wanted;
        }
    }

    let move_amount_m = match panel.movement {
        CameraMove::Static => 0.0,
        CameraMove::Pan => horizontal_fov_radians(focal_mm).to_degrees() / 3.0,
        CameraMove::Dolly => 0.1 * across,
        CameraMove::Crane => (0.05 * across).max(2.0 * MIN_TRAVEL_M),
    };
    ShotSetup {
        camera: place(across).to_array(),
        aim: aim.to_array(),
        focal_mm,
        movement: panel.movement,
        move_amount_m,
        waypoints: Vec::new(),
        lighting: MoodLighting::preset(panel.mood),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::previs::model::test_support::*;
    use crate::stops::previs::model::*;

    #[test]
    fn a_deliberately_wrong_size_fails_and_says_why() {
        let asked = panel(
            ShotSize::CloseUp,
            CameraAngle::EyeLevel,
            CameraMove::Static,
            Mood::Calm,
        );
        let distance = distance_for_fraction(0.2, 35.0);
        let mut setup = setup_at(
            Vec3::new(0.0, 0.5 * H, distance),
            Vec3::new(0.0, 0.5 * H, 0.0),
            35.0,
        );
        setup.lighting = MoodLighting::preset(Mood::Calm);
        let reading = classify(&setup, Vec3::ZERO, H);
        assert_eq!(reading.size, ShotSize::Wide);
        let verdict = check_shot(&asked, &setup, &reading);
        assert!(!verdict.matches);
        assert_eq!(
            verdict.reasons[0],
            "The hero fills 20% of the frame height: that is a wide shot. The panel asks for a close-up — move closer or use a longer lens."
        );
        // Two sizes off: no size points; angle, move and mood right.
        assert_eq!(verdict.score, ANGLE_POINTS + MOVEMENT_POINTS + MOOD_POINTS);
        assert_eq!(verdict.score, 60);
    }

    #[test]
    fn one_size_off_earns_part_of_the_size_points() {
        let asked = panel(
            ShotSize::Medium,
            CameraAngle::EyeLevel,
            CameraMove::Static,
            Mood::Calm,
        );
        let distance = distance_for_fraction(0.5, 35.0);
        let mut setup = setup_at(
            Vec3::new(0.0, 0.5 * H, distance),
            Vec3::new(0.0, 0.5 * H, 0.0),
            35.0,
        );
        setup.lighting = MoodLighting::preset(Mood::Calm);
        let verdict = check_shot(&asked, &setup, &classify(&setup, Vec3::ZERO, H));
        assert_eq!(verdict.score, 15 + 25 + 15 + 20);
        assert!(
            verdict.reasons[0].contains("wide shot")
                && verdict.reasons[0].contains("a medium shot")
        );
        // Too big a subject asks to move back instead.
        let wide = panel(
            ShotSize::Wide,
            CameraAngle::EyeLevel,
            CameraMove::Static,
            Mood::Calm,
        );
        let near = setup_at(
            Vec3::new(0.0, 0.5 * H, distance_for_fraction(1.5, 35.0)),
            Vec3::new(0.0, 0.5 * H, 0.0),
            35.0,
        );
        let verdict = check_shot(&wide, &near, &classify(&near, Vec3::ZERO, H));
        assert_eq!(
            verdict.reasons[0],
            "The hero is 1.5 times as tall as the frame, so only part of them fits: that is a medium shot. The panel asks for a wide shot — move back or use a wider lens."
        );
    }

    #[test]
    fn a_wrong_angle_says_how_far_and_which_way() {
        let asked = panel(
            ShotSize::Wide,
            CameraAngle::Low,
            CameraMove::Static,
            Mood::Calm,
        );
        let mut setup = setup_at(
            camera_at_elevation(24.0),
            Vec3::new(0.0, 0.5 * H, 0.0),
            24.0,
        );
        setup.lighting = MoodLighting::preset(Mood::Calm);
        let reading = classify(&setup, Vec3::ZERO, H);
        assert_eq!(reading.size, ShotSize::Wide);
        let verdict = check_shot(&asked, &setup, &reading);
        assert!(!verdict.matches);
        assert_eq!(
            verdict.reasons[1],
            "The camera is 24° above the hero's eyes, looking down: a high angle. The panel asks for a low angle — lower the camera below their eyes and look up."
        );
        assert_eq!(verdict.score, SIZE_POINTS + MOVEMENT_POINTS + MOOD_POINTS);
    }

    #[test]
    fn a_wrong_or_too_small_move_and_a_wrong_mood_are_explained() {
        let asked = panel(
            ShotSize::Wide,
            CameraAngle::EyeLevel,
            CameraMove::Dolly,
            Mood::Tense,
        );
        let mut setup = solve_setup(&asked, Vec3::ZERO, H, Vec3::Z);
        let reading = classify(&setup, Vec3::ZERO, H);
        assert!(check_shot(&asked, &setup, &reading).matches);

        setup.movement = CameraMove::Pan;
        let verdict = check_shot(&asked, &setup, &reading);
        assert!(!verdict.matches);
        assert_eq!(verdict.score, 100 - MOVEMENT_POINTS);
        assert_eq!(
            verdict.reasons[2],
            format!(
                "The camera move is a pan, but the panel asks for a dolly. {}",
                CameraMove::Dolly.description()
            )
        );

        setup.movement = CameraMove::Dolly;
        setup.move_amount_m = 0.05;
        let verdict = check_shot(&asked, &setup, &reading);
        assert!(!verdict.matches);
        assert!(
            verdict.reasons[2].contains("only 0.05 m"),
            "{}",
            verdict.reasons[2]
        );
        setup.move_amount_m = -MIN_TRAVEL_M;
        assert!(
            check_shot(&asked, &setup, &reading).matches,
            "pulling back counts too"
        );

        setup.lighting = MoodLighting::preset(Mood::Joyful);
        let verdict = check_shot(&asked, &setup, &reading);
        assert!(!verdict.matches);
        assert_eq!(verdict.score, 100 - MOOD_POINTS);
        assert!(
            verdict.reasons[3]
                .starts_with("The lighting feels joyful, but the panel asks for a tense mood")
        );
    }

    #[test]
    fn a_pan_must_turn_at_least_two_degrees() {
        let asked = panel(
            ShotSize::Medium,
            CameraAngle::EyeLevel,
            CameraMove::Pan,
            Mood::Calm,
        );
        let mut setup = solve_setup(&asked, Vec3::ZERO, H, Vec3::Z);
        let reading = classify(&setup, Vec3::ZERO, H);
        setup.move_amount_m = MIN_PAN_DEG;
        assert!(check_shot(&asked, &setup, &reading).matches);
        setup.move_amount_m = MIN_PAN_DEG.next_down();
        assert!(!check_shot(&asked, &setup, &reading).matches);
    }

    #[test]
    fn out_of_frame_scores_nothing() {
        let asked = panel(
            ShotSize::Wide,
            CameraAngle::EyeLevel,
            CameraMove::Static,
            Mood::Calm,
        );
        let setup = setup_at(Vec3::new(0.0, 0.9, 6.0), Vec3::new(0.0, 0.9, 12.0), 35.0);
        let verdict = check_shot(&asked, &setup, &classify(&setup, Vec3::ZERO, H));
        assert!(!verdict.matches);
        assert_eq!(verdict.score, 0);
        assert_eq!(
            verdict.reasons,
            vec!["The hero is not in the frame — aim the camera at them."]
        );
    }

    #[test]
    fn solved_setups_meet_every_combination_of_panel() {
        let ground = Vec3::new(4.0, 0.0, -3.0);
        let height = 1.75;
        let facing = Vec3::new(1.0, 0.3, 2.0);
        for size in ShotSize::ALL {
            for angle in CameraAngle::ALL {
                for movement in CameraMove::ALL {
                    for mood in Mood::ALL {
                        let asked = panel(size, angle, movement, mood);
                        let setup = solve_setup(&asked, ground, height, facing);
                        let reading = classify(&setup, ground, height);
                        let verdict = check_shot(&asked, &setup, &reading);
                        assert!(
                            verdict.matches,
                            "{size:?} {angle:?} {movement:?} {mood:?}: {:?}",
                            verdict.reasons
                        );
                        assert_eq!(verdict.score, 100);
                        let camera = Vec3::from(setup.camera);
                        assert!(
                            (camera - ground).dot(facing) > 0.0,
                            "the camera is in front of the subject"
                        );
                        if !(size == ShotSize::ExtremeWide && angle == CameraAngle::Low) {
                            assert!(camera.y >= 0.2, "{size:?} {angle:?}: camera at {camera}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn solved_moves_keep_the_subject_framed_to_the_end() {
        let ground = Vec3::new(-2.0, 0.0, 5.0);
        for size in ShotSize::ALL {
            for angle in CameraAngle::ALL {
                for movement in CameraMove::ALL {
                    let asked = panel(size, angle, movement, Mood::Calm);
                    let setup = solve_setup(&asked, ground, H, Vec3::NEG_X);
                    for step in 0..=10 {
                        let (eye, target) = camera_at(&setup, step as f32 / 10.0);
                        let reading = classify_frame(eye, target, setup.focal_mm, ground, H);
                        assert!(
                            reading.in_frame,
                            "{size:?} {angle:?} {movement:?} at {step}/10"
                        );
                        assert_eq!(
                            reading.size, size,
                            "{size:?} {angle:?} {movement:?} at {step}/10"
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod move_end_tests {
    use super::*;

    fn actor() -> Character {
        Character {
            id: "actor".into(),
            name: "The actor".into(),
            height_m: 1.8,
            color: [0.5; 3],
            start: [0.0, 0.0],
        }
    }

    #[test]
    fn a_move_that_keeps_the_subject_passes_and_one_that_loses_them_says_so() {
        let mut setup = ShotSetup::default();
        assert_eq!(check_move_end(&setup, &actor()), None);
        // A 90° pan turns the camera right away from the actor.
        setup.movement = CameraMove::Pan;
        setup.move_amount_m = 90.0;
        let reason = check_move_end(&setup, &actor()).expect("the pan loses the actor");
        assert!(reason.contains("The actor has left the frame"), "{reason}");
        // Walking far off to the side loses them too, even with a still camera.
        let walk = ShotSetup {
            waypoints: vec![[25.0, 0.0]],
            ..ShotSetup::default()
        };
        assert!(
            check_move_end(&walk, &actor())
                .expect("walked off")
                .contains("the walk")
        );
    }
}
