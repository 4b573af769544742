//! The camera tracking system of the LED volume: latency, jitter and delay compensation.
//!
//! On a virtual-production stage a tracker (optical markers or sensors on the camera) measures
//! where the cinema camera is, and the render engine redraws the wall's *inner frustum* from
//! that point of view so the background shows the right parallax. The measurement takes time
//! to reach the engine and the engine takes time to draw: the wall always shows where the
//! camera *was* a few frames ago (real stages run about 3 to 12 frames behind). During a fast
//! move the background visibly lags, "swims", behind the camera.
//!
//! Two fixes are modelled:
//!
//! * **delay compensation**: the engine predicts forward from the recent velocity of the
//!   tracked camera ([`TrackingSettings::compensation_frames`]). On a steady move, predicting
//!   exactly as far as the latency cancels the lag; on a jerky move it overshoots, and it
//!   amplifies the tracker's jitter;
//! * **overscan** (in [`crate::stage::model::projection`]): a wider inner frustum, so the edge of the frame
//!   stays on correctly drawn wall even though the frustum arrives late.
//!
//! Stage coordinates as in [`crate::stage::model::led`]: metres, Y up, origin at the centre of the stage
//! floor. Poses are [`CameraPose`]s (the camera looks along its local −Z).
//!
//! [`TrackingSystem::sample`] is called once per frame with the physical camera's true pose
//! and returns the pose the render engine uses for that frame.

use std::collections::VecDeque;

use glam::{Quat, Vec3};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::stage::model::projection::CameraPose;

/// The longest latency the simulation offers, in frames (half a second at 24 fps).
pub const MAX_LATENCY_FRAMES: u32 = 12;

/// The furthest the engine may predict ahead, in frames.
pub const MAX_COMPENSATION_FRAMES: f32 = 12.0;

/// Largest positional jitter accepted, in millimetres (anything above is clamped).
pub const MAX_JITTER_MM: f32 = 50.0;

/// Largest rotational jitter accepted, in degrees (anything above is clamped).
pub const MAX_JITTER_DEG: f32 = 5.0;

/// How many frames back the velocity for delay compensation is measured over. Averaging over
/// a few frames amplifies the tracker's jitter less than a one-frame difference would.
pub const VELOCITY_WINDOW_FRAMES: usize = 3;

/// Samples kept: enough for the longest latency plus the velocity window behind it, so a
/// latency change takes effect on the very next frame.
const HISTORY_LEN: usize = MAX_LATENCY_FRAMES as usize + VELOCITY_WINDOW_FRAMES + 1;

/// What the stage crew can set on the tracking system.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrackingSettings {
    /// Frames between the camera moving and the wall showing it, `0..=`[`MAX_LATENCY_FRAMES`].
    pub latency_frames: u32,
    /// Positional noise of the tracker: each measurement is off by at most this much, in mm.
    pub jitter_mm: f32,
    /// Rotational noise of the tracker: each measurement is turned by at most this much, in
    /// degrees.
    pub jitter_deg: f32,
    /// How many frames ahead the engine predicts from the recent velocity
    /// (`0..=`[`MAX_COMPENSATION_FRAMES`], fractions allowed). Equal to the latency, it
    /// cancels the lag on a steady move.
    pub compensation_frames: f32,
}

impl Default for TrackingSettings {
    /// A typical stage before anyone tunes it: 5 frames of latency, a millimetre and a few
    /// hundredths of a degree of jitter, no compensation.
    fn default() -> Self {
        Self {
            latency_frames: 5,
            jitter_mm: 1.0,
            jitter_deg: 0.02,
            compensation_frames: 0.0,
        }
    }
}

impl TrackingSettings {
    /// A perfect tracker: no latency, no jitter, no compensation.
    pub const IDEAL: Self = Self {
        latency_frames: 0,
        jitter_mm: 0.0,
        jitter_deg: 0.0,
        compensation_frames: 0.0,
    };

    /// The same settings brought into their allowed ranges (NaN counts as 0).
    pub fn clamped(&self) -> Self {
        Self {
            latency_frames: self.latency_frames.min(MAX_LATENCY_FRAMES),
            jitter_mm: clamp_or_zero(self.jitter_mm, MAX_JITTER_MM),
            jitter_deg: clamp_or_zero(self.jitter_deg, MAX_JITTER_DEG),
            compensation_frames: clamp_or_zero(self.compensation_frames, MAX_COMPENSATION_FRAMES),
        }
    }

    /// The latency in milliseconds at `fps` frames per second (0 for a non-positive rate).
    pub fn latency_ms(&self, fps: f32) -> f32 {
        if fps > 0.0 && fps.is_finite() {
            self.clamped().latency_frames as f32 * 1000.0 / fps
        } else {
            0.0
        }
    }
}

fn clamp_or_zero(value: f32, max: f32) -> f32 {
    if value.is_nan() {
        0.0
    } else {
        value.clamp(0.0, max)
    }
}

/// The pose the render engine uses for one frame, and where it came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrackedPose {
    /// The pose the inner frustum is drawn from.
    pub pose: CameraPose,
    /// How many frames old the measurement behind it is (less than the latency while the
    /// history is still filling up).
    pub age_frames: u32,
    /// How many frames the engine predicted forward from that measurement.
    pub predicted_frames: f32,
}

/// The tracker and render engine between the physical camera and the wall.
#[derive(Clone, Debug)]
pub struct TrackingSystem {
    /// What the crew has set. Read on every [`TrackingSystem::sample`] (clamped to the
    /// allowed ranges), so changes take effect on the next frame.
    pub settings: TrackingSettings,
    /// Measured poses (true pose plus jitter), oldest first.
    history: VecDeque<CameraPose>,
    /// The camera's true pose at the latest sample.
    latest_true: Option<CameraPose>,
    /// What the engine used at the latest sample.
    latest_tracked: Option<TrackedPose>,
    /// Largest lag error since the last [`TrackingSystem::reset_max_lag`]: (metres, degrees).
    max_lag: (f32, f32),
    rng: ChaCha8Rng,
}

impl TrackingSystem {
    /// A tracking system with these settings; `seed` fixes the jitter so a take replays the
    /// same way.
    pub fn new(settings: TrackingSettings, seed: u64) -> Self {
        Self {
            settings,
            history: VecDeque::with_capacity(HISTORY_LEN),
            latest_true: None,
            latest_tracked: None,
            max_lag: (0.0, 0.0),
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// Forgets every past measurement (a new setup, or the camera jumped). The settings and
    /// the jitter sequence carry on.
    pub fn reset(&mut self) {
        self.history.clear();
        self.latest_true = None;
        self.latest_tracked = None;
        self.max_lag = (0.0, 0.0);
    }

    /// Call once per frame with the physical camera's true pose; returns the pose the render
    /// engine draws this frame from.
    ///
    /// * Latency 0, no jitter, no compensation: exactly `true_pose`.
    /// * Latency `k`: the measurement from `k` samples before (the oldest one until `k`
    ///   samples exist).
    /// * Jitter: each measurement is displaced by at most `jitter_mm` and turned by at most
    ///   `jitter_deg`, from the seeded generator.
    /// * Compensation `c`: the engine extrapolates `c` frames forward from the velocity of the
    ///   measurements it has (linear in position, constant angular velocity in rotation).
    pub fn sample(&mut self, true_pose: CameraPose) -> TrackedPose {
        let settings = self.settings.clamped();
        let measured = self.measure(true_pose, &settings);
        if self.history.len() == HISTORY_LEN {
            self.history.pop_front();
        }
        self.history.push_back(measured);

        let newest = self.history.len() - 1;
        let age = (settings.latency_frames as usize).min(newest);
        let delayed_index = newest - age;
        let delayed = self.history[delayed_index];

        let window = VELOCITY_WINDOW_FRAMES.min(delayed_index);
        let c = settings.compensation_frames;
        let (pose, predicted_frames) = if window > 0 && c > 0.0 {
            let earlier = self.history[delayed_index - window];
            (extrapolate(earlier, delayed, window as f32, c), c)
        } else {
            (delayed, 0.0)
        };

        let tracked = TrackedPose {
            pose,
            age_frames: age as u32,
            predicted_frames,
        };
        self.latest_true = Some(true_pose);
        self.latest_tracked = Some(tracked);
        let (metres, degrees) = pose_difference(&true_pose, &pose);
        self.max_lag = (self.max_lag.0.max(metres), self.max_lag.1.max(degrees));
        tracked
    }

    /// The pose the engine used at the latest sample, if any.
    pub fn latest_tracked(&self) -> Option<TrackedPose> {
        self.latest_tracked
    }

    /// How far the wall's point of view is from the real camera at the latest sample:
    /// (distance in metres, rotation in degrees). Zero before the first sample.
    pub fn lag_error(&self) -> (f32, f32) {
        match (&self.latest_true, &self.latest_tracked) {
            (Some(truth), Some(tracked)) => pose_difference(truth, &tracked.pose),
            _ => (0.0, 0.0),
        }
    }

    /// The largest [`TrackingSystem::lag_error`] (each part separately) since the last
    /// [`TrackingSystem::reset_max_lag`] or [`TrackingSystem::reset`]: the number a take is
    /// judged by.
    pub fn max_lag_error(&self) -> (f32, f32) {
        self.max_lag
    }

    /// Starts measuring the largest lag afresh (call at "action!").
    pub fn reset_max_lag(&mut self) {
        self.max_lag = (0.0, 0.0);
    }

    /// A sentence for the UI about the latest lag, e.g. "The background lags 12 cm behind the
    /// camera."
    pub fn describe_lag(&self) -> String {
        let (metres, degrees) = self.lag_error();
        describe_lag(metres, degrees)
    }

    /// The true pose plus the tracker's noise.
    fn measure(&mut self, true_pose: CameraPose, settings: &TrackingSettings) -> CameraPose {
        let mut pose = true_pose;
        if settings.jitter_mm > 0.0 {
            pose.position += self.random_in_unit_ball() * (settings.jitter_mm / 1000.0);
        }
        if settings.jitter_deg > 0.0 {
            let offset = self.random_in_unit_ball();
            // A rotation about a random axis by at most the jitter angle.
            if let Some(axis) = offset.try_normalize() {
                let angle = offset.length() * settings.jitter_deg.to_radians();
                pose.rotation = (Quat::from_axis_angle(axis, angle) * pose.rotation).normalize();
            }
        }
        pose
    }

    /// A point in the unit ball (uniform in the cube, pulled onto the sphere when outside),
    /// so the noise never exceeds its amplitude.
    fn random_in_unit_ball(&mut self) -> Vec3 {
        let v = Vec3::new(
            self.rng.random_range(-1.0..=1.0),
            self.rng.random_range(-1.0..=1.0),
            self.rng.random_range(-1.0..=1.0),
        );
        if v.length_squared() > 1.0 {
            v.normalize_or_zero()
        } else {
            v
        }
    }
}

/// Predicts `ahead` frames past `latest`, given `earlier` measured `span` frames before it.
fn extrapolate(earlier: CameraPose, latest: CameraPose, span: f32, ahead: f32) -> CameraPose {
    let velocity = (latest.position - earlier.position) / span;
    let position = latest.position + velocity * ahead;

    // The world-frame turn from `earlier` to `latest`, taken the short way round.
    let mut delta = (latest.rotation * earlier.rotation.inverse()).normalize();
    if delta.w < 0.0 {
        delta = -delta;
    }
    let (axis, angle) = delta.to_axis_angle();
    let rotation = if angle.abs() > 1.0e-7 && axis.is_finite() {
        (Quat::from_axis_angle(axis, angle * ahead / span) * latest.rotation).normalize()
    } else {
        latest.rotation
    };
    CameraPose { position, rotation }
}

/// Distance (metres) and angle (degrees) between two poses.
pub fn pose_difference(a: &CameraPose, b: &CameraPose) -> (f32, f32) {
    let metres = a.position.distance(b.position);
    // atan2 of the relative rotation stays exact for equal poses, unlike acos of a dot product.
    let relative = a.rotation.normalize().inverse() * b.rotation.normalize();
    let degrees = (2.0 * relative.xyz().length().atan2(relative.w.abs())).to_degrees();
    (metres, degrees)
}

/// A plain sentence about a lag error: "The background lags 12 cm behind the camera." (and
/// the angle when it is noticeable).
pub fn describe_lag(metres: f32, degrees: f32) -> String {
    let cm = metres * 100.0;
    if !(cm.is_finite() && degrees.is_finite()) {
        return "The tracking has not measured the camera yet.".to_owned();
    }
    if cm < 0.5 && degrees < 0.1 {
        return "The background keeps up with the camera.".to_owned();
    }
    let distance = if cm < 9.95 {
        format!("{cm:.1} cm")
    } else {
        format!("{cm:.0} cm")
    };
    if degrees >= 0.1 {
        format!("The background lags {distance} and {degrees:.1}° behind the camera.")
    } else {
        format!("The background lags {distance} behind the camera.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pose_at(i: usize) -> CameraPose {
        // A dolly to the right at 2 cm per frame while panning 0.5° per frame.
        CameraPose {
            position: Vec3::new(0.02 * i as f32, 1.6, 2.0),
            rotation: Quat::from_rotation_y(-(0.5 * i as f32).to_radians()),
        }
    }

    fn settings(latency: u32, compensation: f32) -> TrackingSettings {
        TrackingSettings {
            latency_frames: latency,
            compensation_frames: compensation,
            ..TrackingSettings::IDEAL
        }
    }

    #[test]
    fn latency_zero_returns_the_same_frame_exactly() {
        let mut tracking = TrackingSystem::new(TrackingSettings::IDEAL, 1);
        for i in 0..20 {
            let truth = pose_at(i);
            let tracked = tracking.sample(truth);
            assert_eq!(tracked.pose, truth);
            assert_eq!(tracked.age_frames, 0);
            assert_eq!(tracking.lag_error(), (0.0, 0.0));
        }
        assert_eq!(tracking.max_lag_error(), (0.0, 0.0));
    }

    #[test]
    fn latency_k_returns_the_pose_from_k_samples_before() {
        for k in [1u32, 3, 7, MAX_LATENCY_FRAMES] {
            let mut tracking = TrackingSystem::new(settings(k, 0.0), 2);
            for i in 0..30 {
                let tracked = tracking.sample(pose_at(i));
                let expected = pose_at(i.saturating_sub(k as usize));
                assert_eq!(tracked.pose, expected, "latency {k}, frame {i}");
                assert_eq!(tracked.age_frames as usize, i.min(k as usize));
            }
        }
        // Latencies beyond the maximum are clamped.
        let mut tracking = TrackingSystem::new(settings(40, 0.0), 2);
        for i in 0..30 {
            let tracked = tracking.sample(pose_at(i));
            assert_eq!(tracked.pose, pose_at(i.saturating_sub(12)));
        }
    }

    #[test]
    fn latency_changes_take_effect_at_once() {
        let mut tracking = TrackingSystem::new(settings(2, 0.0), 3);
        for i in 0..20 {
            assert_eq!(tracking.sample(pose_at(i)).pose, pose_at(i - i.min(2)));
        }
        tracking.settings.latency_frames = 9;
        assert_eq!(tracking.sample(pose_at(20)).pose, pose_at(11));
        tracking.settings.latency_frames = 0;
        assert_eq!(tracking.sample(pose_at(21)).pose, pose_at(21));
        assert_eq!(tracking.lag_error(), (0.0, 0.0));
    }

    #[test]
    fn lag_error_measures_the_delay() {
        let mut tracking = TrackingSystem::new(settings(5, 0.0), 4);
        for i in 0..20 {
            tracking.sample(pose_at(i));
        }
        let (metres, degrees) = tracking.lag_error();
        assert!((metres - 0.10).abs() < 1.0e-5, "{metres}");
        assert!((degrees - 2.5).abs() < 1.0e-2, "{degrees}");
        assert!(tracking.describe_lag().contains("10 cm"));
        let (max_metres, max_degrees) = tracking.max_lag_error();
        assert!(max_metres >= metres && (max_metres - 0.10).abs() < 1.0e-5);
        assert!(max_degrees >= degrees && (max_degrees - 2.5).abs() < 1.0e-2);
        tracking.reset();
        assert_eq!(tracking.lag_error(), (0.0, 0.0));
        // After a reset the history starts again from the next pose.
        assert_eq!(tracking.sample(pose_at(3)).pose, pose_at(3));
    }

    #[test]
    fn jitter_follows_its_seed_and_is_bounded() {
        let noisy = TrackingSettings {
            latency_frames: 0,
            jitter_mm: 3.0,
            jitter_deg: 0.2,
            compensation_frames: 0.0,
        };
        let run = |seed| {
            let mut tracking = TrackingSystem::new(noisy, seed);
            (0..200)
                .map(|i| tracking.sample(pose_at(i)).pose)
                .collect::<Vec<_>>()
        };
        let (a, c) = (run(11), run(12));
        assert_ne!(a, c, "another seed, other noise");
        // The noise of seed 11, recorded: the offset from the true pose at a few frames, so a
        // change to the generator or its seeding shows (a replayed take must shake the same).
        let recorded = [
            (0, Vec3::new(-0.0010562462, -0.0008534193, 0.0026750565)),
            (1, Vec3::new(0.0023479518, 0.000320673, 5.865097e-5)),
            (100, Vec3::new(0.0014588833, -8.690357e-5, -0.0011820793)),
            (199, Vec3::new(-0.0019757748, 0.00079488754, -0.0015429258)),
        ];
        for (i, want) in recorded {
            let got = a[i].position - pose_at(i).position;
            assert!(
                // f32 rounding of a position 4 m out is about 5e-7 m; the noise is millimetres.
                got.abs_diff_eq(want, 2e-6),
                "frame {i}: {got}, recorded {want}"
            );
        }
        let mut largest = (0.0f32, 0.0f32);
        for (i, pose) in a.iter().enumerate() {
            let (metres, degrees) = pose_difference(&pose_at(i), pose);
            assert!(metres <= 0.003 + 1.0e-6, "{metres}");
            assert!(degrees <= 0.2 + 1.0e-2, "{degrees}");
            largest = (largest.0.max(metres), largest.1.max(degrees));
        }
        // The noise really is there, and uses most of its range.
        assert!(largest.0 > 0.002 && largest.1 > 0.1, "{largest:?}");
    }

    #[test]
    fn compensation_equal_to_latency_cancels_a_steady_move() {
        let latency = 6;
        let mut compensated = TrackingSystem::new(settings(latency, latency as f32), 5);
        let mut plain = TrackingSystem::new(settings(latency, 0.0), 5);
        let warm_up = latency as usize + VELOCITY_WINDOW_FRAMES;
        for i in 0..40 {
            compensated.sample(pose_at(i));
            plain.sample(pose_at(i));
            if i >= warm_up {
                let (metres, degrees) = compensated.lag_error();
                assert!(
                    metres < 1.0e-4 && degrees < 0.05,
                    "frame {i}: {metres} {degrees}"
                );
                let (metres, degrees) = plain.lag_error();
                assert!(
                    metres > 0.1 && degrees > 2.9,
                    "frame {i}: {metres} {degrees}"
                );
            }
        }
        // Half compensation halves the lag.
        let mut half = TrackingSystem::new(settings(latency, 3.0), 5);
        for i in 0..40 {
            half.sample(pose_at(i));
        }
        assert!((half.lag_error().0 - 0.06).abs() < 1.0e-4);
    }

    #[test]
    fn compensation_overshoots_when_the_camera_stops() {
        let mut tracking = TrackingSystem::new(settings(4, 4.0), 6);
        for i in 0..20 {
            tracking.sample(pose_at(i));
        }
        tracking.reset_max_lag();
        // The camera stops at frame 20; the engine keeps predicting motion for a while.
        for _ in 0..3 {
            tracking.sample(pose_at(20));
        }
        assert!(tracking.max_lag_error().0 > 0.01);
        for _ in 0..10 {
            tracking.sample(pose_at(20));
        }
        assert!(tracking.lag_error().0 < 1.0e-5);
    }

    #[test]
    fn settings_are_clamped_and_described() {
        let wild = TrackingSettings {
            latency_frames: 99,
            jitter_mm: f32::NAN,
            jitter_deg: -1.0,
            compensation_frames: 100.0,
        }
        .clamped();
        assert_eq!(wild.latency_frames, MAX_LATENCY_FRAMES);
        assert_eq!(wild.jitter_mm, 0.0);
        assert_eq!(wild.jitter_deg, 0.0);
        assert_eq!(wild.compensation_frames, MAX_COMPENSATION_FRAMES);
        assert!((settings(6, 0.0).latency_ms(24.0) - 250.0).abs() < 1.0e-3);
        assert_eq!(settings(6, 0.0).latency_ms(0.0), 0.0);
        assert!(describe_lag(0.0, 0.0).contains("keeps up"));
        assert!(describe_lag(0.14, 0.0).contains("14 cm"));
        assert!(describe_lag(0.031, 1.5).contains("3.1 cm and 1.5°"));
    }
}
