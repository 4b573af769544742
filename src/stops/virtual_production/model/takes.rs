//! Stop 2's level logic: turn what happened on the stage during a take into a
//! [`ShotAttempt`] and score it against the director's shot list. Plain Rust, no Bevy.
//!
//! The measurements are geometric: how tall the actor stands in the frame (projected through
//! the lens), how far the tracked pose lagged behind the camera during the move, whether the
//! overscan still covered the frame, the moiré risk at the wall's distance, and how close the
//! stage lights are to the sun and sky of the scene on the wall.

use glam::{Quat, Vec3};
use serde::{Deserialize, Serialize};

use crate::stage::model::framing::{moire_at, subject_height_fraction};
use crate::stage::model::led::StageGeometry;
use crate::stage::model::lighting::{LightKind, SceneLightTarget, StageLight, match_score};
use crate::stage::model::moire::MoireRisk;
use crate::stage::model::projection::{CameraPose, Lens};
use crate::stage::model::scene::{Environment, Weather};
use crate::stops::virtual_production::model::shots::{
    CameraMove, ShotAttempt, ShotScore, ShotSpec, score_attempt,
};
use crate::tour::model::lesson::best_average;

/// How long a take's camera move lasts, in seconds.
pub const TAKE_SECONDS: f32 = 3.0;
/// Lux of a bright noon sun, the top of the stage lights' brightness scale.
const FULL_SUN_LUX: f32 = 11_000.0;

/// The word the shot list uses for a weather.
pub fn weather_word(w: Weather) -> &'static str {
    match w {
        Weather::DustStorm => "Dust",
        other => other.label(),
    }
}

/// Does the inner frustum still cover the whole frame when the wall's picture is `lag_deg`
/// behind? Overscan leaves a margin around the frame; lag eats into it.
pub fn frame_covered(lens: &Lens, overscan: f32, lag_deg: f32) -> bool {
    let half = lens.horizontal_fov() / 2.0;
    let (over, _) = lens.overscanned_fov(overscan);
    let margin_deg = (over / 2.0 - half).to_degrees();
    lag_deg <= margin_deg
}

/// What the stage lights should match: the scene's sun as the key, its sky as the fill.
pub fn light_target(env: &Environment) -> SceneLightTarget {
    let normalise = |c: [f32; 3]| {
        let m = c[0].max(c[1]).max(c[2]).max(1e-6);
        [c[0] / m, c[1] / m, c[2] / m]
    };
    SceneLightTarget {
        scene_label: format!("{} {}", env.time.label(), weather_word(env.weather)).to_lowercase(),
        key_color: normalise(env.sun_color),
        key_intensity: (env.sun_illuminance_lux / FULL_SUN_LUX).clamp(0.02, 1.0),
        key_azimuth_deg: env.sun_azimuth_deg,
        fill_color: normalise(env.sky_zenith),
        fill_intensity: (env.ambient_brightness / 1000.0).clamp(0.02, 1.0),
    }
}

/// Where the camera is `t` (0..1) of the way through a take that starts at `start`.
pub fn pose_during_move(start: &CameraPose, camera_move: CameraMove, t: f32) -> CameraPose {
    let t = t.clamp(0.0, 1.0);
    // Ease in and out, as a grip would push the dolly.
    let s = t * t * (3.0 - 2.0 * t);
    match camera_move {
        CameraMove::Static => *start,
        CameraMove::Pan => CameraPose {
            position: start.position,
            rotation: Quat::from_rotation_y((s - 0.5) * 30f32.to_radians()) * start.rotation,
        },
        CameraMove::Dolly => CameraPose {
            position: start.position + start.forward().with_y(0.0).normalize_or_zero() * (1.2 * s),
            rotation: start.rotation,
        },
        CameraMove::Crane => CameraPose {
            position: start.position + Vec3::Y * (1.6 * s),
            rotation: Quat::from_rotation_x(-12f32.to_radians() * s) * start.rotation,
        },
    }
}

/// Everything measured during one take.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TakeMeasurement {
    pub scene: String,
    pub environment: Environment,
    /// The framing at the start of the take.
    pub start_pose: CameraPose,
    pub lens: Lens,
    pub overscan: f32,
    /// Worst lag of the tracked pose behind the camera during the take: (metres, degrees).
    pub max_lag: (f32, f32),
    pub lights: Vec<StageLight>,
}

pub fn attempt_from(m: &TakeMeasurement, geometry: &StageGeometry) -> ShotAttempt {
    let moire_detail = moire_at(geometry, &m.start_pose, &m.lens);
    ShotAttempt {
        scene: m.scene.clone(),
        time_of_day: m.environment.time.label().to_string(),
        weather: weather_word(m.environment.weather).to_string(),
        subject_height_fraction: subject_height_fraction(&m.start_pose, &m.lens),
        tracking_lag_cm: m.max_lag.0 * 100.0,
        overscan: m.overscan,
        inner_frustum_covers_frame: frame_covered(&m.lens, m.overscan, m.max_lag.1),
        moire: moire_detail.as_ref().map_or(MoireRisk::None, |a| a.risk),
        moire_detail,
        lighting: match_score(&m.lights, &light_target(&m.environment)),
    }
}

/// The level: the shot list and the best score of each shot so far.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VpLevel {
    pub shots: Vec<ShotSpec>,
    pub current: usize,
    pub best: Vec<Option<ShotScore>>,
    pub last: Option<ShotScore>,
    pub takes: u32,
}

/// The tasks this level reports to the lesson table (`assets/lessons.ron`).
pub const TASKS: &[&str] = &["chain", "shots"];

/// Stars a shot needs before the level counts it as done.
pub const STARS_TO_PASS: u8 = 2;

impl VpLevel {
    pub fn new(shots: Vec<ShotSpec>) -> Self {
        let best = vec![None; shots.len()];
        Self {
            shots,
            current: 0,
            best,
            last: None,
            takes: 0,
        }
    }

    pub fn current_shot(&self) -> Option<&ShotSpec> {
        self.shots.get(self.current)
    }

    /// Score a take of the current shot and keep the best result.
    pub fn record(&mut self, attempt: &ShotAttempt) -> Option<ShotScore> {
        let spec = self.shots.get(self.current)?;
        let score = score_attempt(spec, attempt);
        self.takes += 1;
        let slot = &mut self.best[self.current];
        if slot.as_ref().is_none_or(|b| score.stars > b.stars) {
            *slot = Some(score.clone());
        }
        self.last = Some(score.clone());
        Some(score)
    }

    pub fn select(&mut self, shot: usize) {
        if shot < self.shots.len() {
            self.current = shot;
            self.last = None;
        }
    }

    pub fn shot_passed(&self, shot: usize) -> bool {
        self.best
            .get(shot)
            .and_then(|b| b.as_ref())
            .is_some_and(|b| b.stars >= STARS_TO_PASS)
    }

    pub fn is_complete(&self) -> bool {
        !self.shots.is_empty() && (0..self.shots.len()).all(|s| self.shot_passed(s))
    }

    /// Shots with a take of [`STARS_TO_PASS`] stars or more.
    pub fn passed_count(&self) -> usize {
        (0..self.shots.len())
            .filter(|&s| self.shot_passed(s))
            .count()
    }

    /// Units done of each task in [`TASKS`]: the signal chain (built or not) and the shots.
    pub fn task_counts(&self, chain_built: bool) -> Vec<(&'static str, u32)> {
        vec![
            ("chain", u32::from(chain_built)),
            (
                "shots",
                u32::try_from(self.passed_count()).unwrap_or(u32::MAX),
            ),
        ]
    }

    /// The level's stars: the average of every shot's best stars, rounded down.
    pub fn stars(&self) -> u8 {
        self.stars_over(self.shots.len())
    }

    /// The average of the best `core` shots' best stars, rounded down: the shots a lesson
    /// length leaves as extensions never pull the stars down.
    pub fn stars_over(&self, core: usize) -> u8 {
        let stars: Vec<u32> = self
            .best
            .iter()
            .map(|b| b.as_ref().map_or(0, |s| u32::from(s.stars)))
            .collect();
        u8::try_from(best_average(&stars, core)).unwrap_or(3)
    }
}

/// The stage lights that would match a scene (the answer a gaffer would find).
pub fn matching_lights(env: &Environment) -> Vec<StageLight> {
    let t = light_target(env);
    vec![
        StageLight {
            kind: LightKind::Key,
            color: t.key_color,
            intensity: t.key_intensity,
            azimuth_deg: t.key_azimuth_deg,
        },
        StageLight {
            kind: LightKind::Fill,
            color: t.fill_color,
            intensity: t.fill_intensity,
            azimuth_deg: t.key_azimuth_deg + 180.0,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::model::scene::{TimeOfDay, bundled_scenes};
    use crate::stops::virtual_production::model::shots::bundled_shots;

    fn pose(pos: Vec3, at: Vec3) -> CameraPose {
        CameraPose::looking_at(pos, at, Vec3::Y).expect("pose")
    }

    #[test]
    fn closer_and_longer_lenses_make_the_actor_bigger() {
        let lens = Lens::default();
        let far = pose(Vec3::new(0.0, 1.5, 3.0), Vec3::new(0.0, 1.0, -2.5));
        let near = pose(Vec3::new(0.0, 1.5, -0.5), Vec3::new(0.0, 1.0, -2.5));
        let f_far = subject_height_fraction(&far, &lens);
        let f_near = subject_height_fraction(&near, &lens);
        // 35 mm on Super 35 sees 2.2 m of height at 5.5 m: the 1.8 m actor fills about 80 %.
        assert!(f_far > 0.7 && f_far < 0.9, "{f_far}");
        assert!(f_near > f_far);
        let long = Lens {
            focal_mm: 85.0,
            ..lens
        };
        assert!(subject_height_fraction(&far, &long) > f_far * 2.0);
        let away = pose(Vec3::new(0.0, 1.5, 3.0), Vec3::new(0.0, 1.5, 8.0));
        assert_eq!(subject_height_fraction(&away, &lens), 0.0);
    }

    #[test]
    fn overscan_margin_absorbs_small_lag_only() {
        let lens = Lens::default();
        assert!(!frame_covered(&lens, 1.0, 0.5));
        assert!(frame_covered(&lens, 1.2, 0.5));
        assert!(!frame_covered(&lens, 1.2, 10.0));
        assert!(frame_covered(&lens, 1.0, 0.0));
    }

    #[test]
    fn moves_start_where_the_take_starts_and_go_somewhere() {
        let start = pose(Vec3::new(0.0, 1.5, 2.0), Vec3::new(0.0, 1.5, -5.0));
        for m in [CameraMove::Pan, CameraMove::Dolly, CameraMove::Crane] {
            let a = pose_during_move(&start, m, 0.0);
            let b = pose_during_move(&start, m, 1.0);
            assert!(a.position.distance(start.position) < 1e-5);
            let moved =
                b.position.distance(a.position) > 0.5 || b.rotation.angle_between(a.rotation) > 0.2;
            assert!(moved, "{m:?} moves");
        }
        let s = pose_during_move(&start, CameraMove::Static, 1.0);
        assert_eq!(s, start);
    }

    #[test]
    fn matching_lights_score_well_and_a_good_take_passes() {
        let shots = bundled_shots().expect("shots");
        let scenes = bundled_scenes();
        let mut level = VpLevel::new(shots.clone());
        for (i, shot) in shots.iter().enumerate() {
            level.select(i);
            let scene = scenes
                .iter()
                .find(|s| s.name == shot.scene)
                .expect("scene of the shot exists");
            let time = TimeOfDay::ALL
                .into_iter()
                .find(|t| t.label().eq_ignore_ascii_case(&shot.time_of_day))
                .expect("time");
            let weather = Weather::ALL
                .into_iter()
                .find(|w| weather_word(*w).eq_ignore_ascii_case(&shot.weather))
                .expect("weather");
            let env = scene.apply_conditions(time, weather);
            // Frame the actor to the middle of the wanted size, by distance.
            let lens = Lens {
                focal_mm: shot.focal_mm,
                focus_distance_m: 2.0,
                ..Lens::default()
            };
            let (lo, hi) = shot.framing.subject_height_fraction;
            let want = (lo + hi) / 2.0;
            let mut best = (f32::MAX, pose(Vec3::ZERO, Vec3::NEG_Z));
            for step in 0..260 {
                // From just in front of the actor to near the back of the 6 m volume.
                let z = -2.2 + step as f32 * 0.03;
                let p = pose(Vec3::new(0.0, 1.2, z), Vec3::new(0.0, 1.0, -2.5));
                let err = (subject_height_fraction(&p, &lens) - want).abs();
                if err < best.0 {
                    best = (err, p);
                }
            }
            let m = TakeMeasurement {
                scene: scene.name.clone(),
                environment: env.clone(),
                start_pose: best.1,
                lens,
                overscan: 1.2,
                max_lag: (0.0, 0.0),
                lights: matching_lights(&env),
            };
            let attempt = attempt_from(&m, &StageGeometry::default());
            let score = level.record(&attempt).expect("score");
            assert_eq!(score.stars, 3, "shot {}: {:?}", shot.id, score.checks);
            // A laggy take with no overscan loses a star and says why.
            let laggy = TakeMeasurement {
                overscan: 1.0,
                max_lag: (0.3, 3.0),
                ..m
            };
            let worse = score_attempt(shot, &attempt_from(&laggy, &StageGeometry::default()));
            assert!(worse.stars < 3);
            lesson_core_after_shots(&level, i + 1);
        }
        assert!(level.is_complete());
        assert_eq!(level.stars(), 3);
    }

    /// After `passed` good shots: the core is met exactly at the lengths that ask for no more,
    /// and the stars over the core shots are 3 while undone extension shots count for nothing.
    fn lesson_core_after_shots(level: &VpLevel, passed: usize) {
        use crate::tour::model::content::bundled_file;
        use crate::tour::model::lesson::{LessonLength, LessonTable, core_met};
        let table = bundled_file::<LessonTable>().expect("bundled lessons");
        let tasks = table.tasks(2);
        assert_eq!(level.passed_count(), passed);
        for length in LessonLength::ALL {
            let core = table.core(2, "shots", length) as usize;
            assert_eq!(
                core_met(tasks, length, &level.task_counts(true)),
                passed >= core,
                "{passed} shots at {length}"
            );
            if passed >= core {
                assert_eq!(level.stars_over(core), 3, "{length}");
                assert!(
                    !core_met(tasks, length, &level.task_counts(false)),
                    "the signal chain is core at {length}"
                );
            }
        }
        if passed < level.shots.len() {
            assert!(level.stars() < 3, "every shot counts at Full");
        }
    }

    #[test]
    fn wrong_scene_scores_zero_and_keeps_the_level_open() {
        let shots = bundled_shots().expect("shots");
        let env = bundled_scenes()[0].default_environment();
        let mut level = VpLevel::new(shots);
        let m = TakeMeasurement {
            scene: "nowhere".into(),
            environment: env.clone(),
            start_pose: pose(Vec3::new(0.0, 1.5, 1.0), Vec3::new(0.0, 1.0, -2.5)),
            lens: Lens::default(),
            overscan: 1.2,
            max_lag: (0.0, 0.0),
            lights: matching_lights(&env),
        };
        let score = level
            .record(&attempt_from(&m, &StageGeometry::default()))
            .expect("score");
        assert_eq!(score.stars, 0);
        assert!(!level.is_complete());
    }
}
