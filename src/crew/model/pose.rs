//! How a crew figure holds itself, as data: joint angles (radians) and a small body offset,
//! and the three motions the figures play: standing idle, talking with one hand, walking.
//! Plain Rust, no Bevy; `crate::crew::figure` turns a `Pose` into joint rotations.
//!
//! # Conventions
//!
//! The figure faces −Z with +Y up, so its right hand is on +X. Arrays are `[left, right]`.
//! Positive angles swing a limb forwards (shoulders, elbows, hips), out from the body
//! (shoulder roll), turn the head to its left (yaw) and nod it down (pitch).

use std::f32::consts::TAU;

pub const LEFT: usize = 0;
pub const RIGHT: usize = 1;

/// One moment of a figure's body language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    /// The upper body's rise (metres at 1.75 m tall): breathing, the bounce of a step.
    pub bob: f32,
    /// The upper body's lean to the side (roll).
    pub sway: f32,
    /// The upper body's lean forwards (pitch).
    pub lean: f32,
    /// The upper body's turn (yaw), against the legs when walking.
    pub twist: f32,
    pub head_yaw: f32,
    /// Positive nods down.
    pub head_pitch: f32,
    /// Arm forwards (positive) or back, at the shoulder.
    pub shoulder_pitch: [f32; 2],
    /// Arm out from the side.
    pub shoulder_roll: [f32; 2],
    /// Forearm bent forwards from a straight arm.
    pub elbow: [f32; 2],
    /// Leg forwards (positive) or back, at the hip.
    pub hip: [f32; 2],
}

/// A joint's allowed range, `(name, min, max)`: what a body can do without looking broken.
pub const LIMITS: Limits = Limits {
    bob: (-0.03, 0.03),
    sway: (-0.12, 0.12),
    lean: (-0.1, 0.2),
    twist: (-0.2, 0.2),
    head_yaw: (-0.8, 0.8),
    head_pitch: (-0.4, 0.4),
    shoulder_pitch: (-0.8, 1.6),
    shoulder_roll: (0.0, 0.8),
    elbow: (0.0, 2.4),
    hip: (-0.6, 0.6),
};

/// `(min, max)` for each field of [`Pose`].
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub bob: (f32, f32),
    pub sway: (f32, f32),
    pub lean: (f32, f32),
    pub twist: (f32, f32),
    pub head_yaw: (f32, f32),
    pub head_pitch: (f32, f32),
    pub shoulder_pitch: (f32, f32),
    pub shoulder_roll: (f32, f32),
    pub elbow: (f32, f32),
    pub hip: (f32, f32),
}

impl Pose {
    /// Standing still: arms hang a little away from the body, elbows soft.
    pub const STANDING: Pose = Pose {
        bob: 0.0,
        sway: 0.0,
        lean: 0.0,
        twist: 0.0,
        head_yaw: 0.0,
        head_pitch: 0.0,
        shoulder_pitch: [0.0, 0.0],
        shoulder_roll: [0.08, 0.08],
        elbow: [0.12, 0.12],
        hip: [0.0, 0.0],
    };

    /// Every joint with its value, for checks and blending.
    fn fields(&self) -> [f32; 14] {
        [
            self.bob,
            self.sway,
            self.lean,
            self.twist,
            self.head_yaw,
            self.head_pitch,
            self.shoulder_pitch[0],
            self.shoulder_pitch[1],
            self.shoulder_roll[0],
            self.shoulder_roll[1],
            self.elbow[0],
            self.elbow[1],
            self.hip[0],
            self.hip[1],
        ]
    }

    fn from_fields(f: [f32; 14]) -> Pose {
        Pose {
            bob: f[0],
            sway: f[1],
            lean: f[2],
            twist: f[3],
            head_yaw: f[4],
            head_pitch: f[5],
            shoulder_pitch: [f[6], f[7]],
            shoulder_roll: [f[8], f[9]],
            elbow: [f[10], f[11]],
            hip: [f[12], f[13]],
        }
    }

    /// The largest difference between two poses' joints (radians, or metres for `bob`).
    pub fn distance(&self, other: &Pose) -> f32 {
        self.fields()
            .iter()
            .zip(other.fields())
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f32::max)
    }

    /// From `self` (k = 0) to `other` (k = 1), joint by joint: a figure eases into a gesture.
    pub fn lerp(&self, other: &Pose, k: f32) -> Pose {
        let k = k.clamp(0.0, 1.0);
        let (a, b) = (self.fields(), other.fields());
        Pose::from_fields(std::array::from_fn(|i| a[i] + (b[i] - a[i]) * k))
    }

    /// The joints outside [`LIMITS`], by name (empty when the pose is possible).
    pub fn out_of_limits(&self) -> Vec<&'static str> {
        let l = LIMITS;
        let within = |v: f32, (lo, hi): (f32, f32)| v.is_finite() && v >= lo && v <= hi;
        let checks = [
            ("bob", within(self.bob, l.bob)),
            ("sway", within(self.sway, l.sway)),
            ("lean", within(self.lean, l.lean)),
            ("twist", within(self.twist, l.twist)),
            ("head_yaw", within(self.head_yaw, l.head_yaw)),
            ("head_pitch", within(self.head_pitch, l.head_pitch)),
            (
                "shoulder_pitch",
                self.shoulder_pitch
                    .iter()
                    .all(|&v| within(v, l.shoulder_pitch)),
            ),
            (
                "shoulder_roll",
                self.shoulder_roll
                    .iter()
                    .all(|&v| within(v, l.shoulder_roll)),
            ),
            ("elbow", self.elbow.iter().all(|&v| within(v, l.elbow))),
            ("hip", self.hip.iter().all(|&v| within(v, l.hip))),
        ];
        checks
            .into_iter()
            .filter(|(_, ok)| !ok)
            .map(|(name, _)| name)
            .collect()
    }

    /// The same pose with the left forearm up and across, as when carrying a clipboard,
    /// tablet or laptop: the prop stays in view whatever the rest of the body does.
    pub fn holding_left(self) -> Pose {
        let mut p = self;
        // A little of a walk's swing remains, so the arm does not look bolted on.
        p.shoulder_pitch[LEFT] = 0.3 + 0.1 * self.shoulder_pitch[LEFT];
        p.shoulder_roll[LEFT] = 0.12;
        p.elbow[LEFT] = 1.25;
        p
    }
}

/// The idle cycle repeats after this many seconds (a common multiple of its rhythms).
pub const IDLE_PERIOD: f32 = 12.0;
const BREATH_PERIOD: f32 = 4.0;
const SWAY_PERIOD: f32 = 6.0;

/// 0 → 1 with zero slope at both ends.
fn smoothstep(edge0: f32, edge1: f32, x: f32) -> f32 {
    let t = ((x - edge0) / (edge1 - edge0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Once per idle cycle the head turns aside, holds, and comes back: 0 → 1 → 0, smoothly.
fn head_turn(u: f32) -> f32 {
    smoothstep(6.5, 7.5, u) * (1.0 - smoothstep(9.0, 10.0, u))
}

/// Standing and waiting: breathing, a slow sway, now and then a look aside. `phase` (0–1)
/// shifts the cycle so figures standing together do not move as one.
pub fn idle_pose(t: f32, phase: f32) -> Pose {
    let u = (t + phase.rem_euclid(1.0) * IDLE_PERIOD).rem_euclid(IDLE_PERIOD);
    let breath = (TAU * u / BREATH_PERIOD).sin();
    let sway = (TAU * u / SWAY_PERIOD).sin();
    // Look left on even figures' cycles and right on others: phase picks the side.
    let side = if phase.rem_euclid(1.0) < 0.5 {
        1.0
    } else {
        -1.0
    };
    let mut p = Pose::STANDING;
    p.bob = 0.006 * breath;
    p.sway = 0.025 * sway;
    p.head_yaw = 0.4 * side * head_turn(u);
    p.head_pitch = 0.03 * (TAU * u / BREATH_PERIOD + 1.0).sin();
    for arm in [LEFT, RIGHT] {
        p.shoulder_roll[arm] += 0.015 * breath;
        p.shoulder_pitch[arm] = 0.03 * sway;
        p.elbow[arm] += 0.03 * breath;
    }
    p
}

/// Talking: the right forearm up and moving with the words, the head nodding, on top of the
/// idle breathing.
pub fn gesture_pose(t: f32, phase: f32) -> Pose {
    let mut p = idle_pose(t, phase);
    let u = t + phase.rem_euclid(1.0) * IDLE_PERIOD;
    // Two rhythms that do not divide each other, so the hand never loops visibly.
    let beat = (TAU * 0.9 * u).sin();
    let phrase = (TAU * 0.37 * u).sin();
    p.shoulder_pitch[RIGHT] = 0.55 + 0.15 * phrase;
    p.shoulder_roll[RIGHT] = 0.2 + 0.05 * beat;
    p.elbow[RIGHT] = 1.35 + 0.3 * beat;
    p.head_yaw *= 0.3;
    p.head_pitch = 0.1 * (TAU * 1.3 * u).sin().max(0.0) - 0.02;
    p.lean = 0.03 + 0.02 * phrase;
    p
}

/// Cycles per second of a walk at [`WALK_REFERENCE_SPEED`]; one cycle is two steps.
pub const WALK_CADENCE: f32 = 0.9;
/// At and above this speed (m/s) a walk swings its limbs fully.
pub const WALK_REFERENCE_SPEED: f32 = 1.4;

/// Walking: legs and arms swing in opposition, the body bounces on each step and twists
/// against the hips. `t` is the walk's own clock (seconds of walking; a caller runs it faster
/// for a faster walker); `speed` (m/s) sets how far the limbs swing, and at 0 the figure
/// stands exactly as [`Pose::STANDING`].
pub fn walk_pose(t: f32, speed: f32) -> Pose {
    let a = if speed.is_finite() {
        (speed / WALK_REFERENCE_SPEED).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let phi = TAU * WALK_CADENCE * t;
    let s = phi.sin();
    let mut p = Pose::STANDING;
    p.hip = [0.45 * a * s, -0.45 * a * s];
    p.shoulder_pitch = [-0.35 * a * s, 0.35 * a * s];
    // Elbows bend more on the forward swing.
    p.elbow = [
        Pose::STANDING.elbow[LEFT] + 0.25 * a * (-s).max(0.0),
        Pose::STANDING.elbow[RIGHT] + 0.25 * a * s.max(0.0),
    ];
    // Up at each leg's pass (twice a cycle), down at the stride's widest.
    p.bob = 0.012 * a * (2.0 * phi).cos();
    p.twist = 0.08 * a * s;
    p.lean = 0.05 * a;
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times() -> impl Iterator<Item = f32> {
        (0..=1800).map(|i| i as f32 / 60.0)
    }

    const PHASES: [f32; 5] = [0.0, 0.13, 0.5, 0.77, 0.999];

    #[test]
    fn standing_is_within_the_limits() {
        assert!(Pose::STANDING.out_of_limits().is_empty());
    }

    #[test]
    fn every_motion_stays_within_the_joint_limits() {
        for t in times() {
            for phase in PHASES {
                for (what, pose) in [
                    ("idle", idle_pose(t, phase)),
                    ("gesture", gesture_pose(t, phase)),
                    ("idle holding", idle_pose(t, phase).holding_left()),
                    ("gesture holding", gesture_pose(t, phase).holding_left()),
                ] {
                    let bad = pose.out_of_limits();
                    assert!(bad.is_empty(), "{what} at t={t}, phase {phase}: {bad:?}");
                }
            }
            for speed in [0.0, 0.5, 1.4, 3.0, 9.0, 18.0] {
                for pose in [walk_pose(t, speed), walk_pose(t, speed).holding_left()] {
                    let bad = pose.out_of_limits();
                    assert!(bad.is_empty(), "walk at t={t}, {speed} m/s: {bad:?}");
                }
            }
        }
    }

    #[test]
    fn a_broken_pose_is_caught() {
        let mut p = Pose::STANDING;
        p.elbow[RIGHT] = -0.5;
        p.head_yaw = f32::NAN;
        assert_eq!(p.out_of_limits(), vec!["head_yaw", "elbow"]);
    }

    #[test]
    fn idle_repeats_and_never_jumps() {
        for phase in PHASES {
            for t in times() {
                let now = idle_pose(t, phase);
                let later = idle_pose(t + IDLE_PERIOD, phase);
                assert!(now.distance(&later) < 1e-3, "idle is periodic at t={t}");
                // One frame at 60 fps moves no joint more than a small step.
                let next = idle_pose(t + 1.0 / 60.0, phase);
                assert!(now.distance(&next) < 0.02, "idle jumps at t={t}");
            }
        }
    }

    #[test]
    fn idle_moves_and_turns_the_head_now_and_then() {
        let poses: Vec<Pose> = times().map(|t| idle_pose(t, 0.0)).collect();
        let max_yaw = poses.iter().map(|p| p.head_yaw.abs()).fold(0.0, f32::max);
        assert!(max_yaw > 0.3, "the head turns: {max_yaw}");
        let still = poses.iter().filter(|p| p.head_yaw.abs() < 1e-3).count();
        assert!(still > poses.len() / 2, "but mostly looks ahead");
        assert!(
            poses[0].distance(&poses[60]) > 0.005,
            "breathing moves the body"
        );
    }

    #[test]
    fn phase_shifts_figures_apart() {
        assert!(idle_pose(1.0, 0.0).distance(&idle_pose(1.0, 0.4)) > 0.005);
    }

    #[test]
    fn talking_raises_a_forearm_and_moves_it() {
        let mut elbows = Vec::new();
        for t in times() {
            let g = gesture_pose(t, 0.3);
            let i = idle_pose(t, 0.3);
            assert!(g.elbow[RIGHT] > 1.0 && i.elbow[RIGHT] < 0.3, "t={t}");
            assert!(g.distance(&i) > 0.8);
            elbows.push(g.elbow[RIGHT]);
        }
        let (lo, hi) = elbows
            .iter()
            .fold((f32::MAX, f32::MIN), |(lo, hi), &e| (lo.min(e), hi.max(e)));
        assert!(hi - lo > 0.4, "the hand moves with the words");
        let nods = times().map(|t| gesture_pose(t, 0.3).head_pitch);
        assert!(nods.fold(0.0, f32::max) > 0.05, "the head nods");
    }

    #[test]
    fn walking_at_no_speed_is_standing() {
        for t in times() {
            assert_eq!(walk_pose(t, 0.0), Pose::STANDING, "t={t}");
        }
        assert_eq!(walk_pose(1.0, f32::NAN), Pose::STANDING);
    }

    #[test]
    fn walking_swings_legs_and_arms_in_opposition() {
        let t = 0.25 / WALK_CADENCE; // a quarter cycle: the widest stride
        let p = walk_pose(t, 1.4);
        assert!(p.hip[LEFT] > 0.4 && p.hip[RIGHT] < -0.4);
        // Each arm swings with the other side's leg.
        assert!(p.shoulder_pitch[LEFT] < 0.0 && p.shoulder_pitch[RIGHT] > 0.0);
        // Slower walks swing less.
        assert!(walk_pose(t, 0.7).hip[LEFT] < p.hip[LEFT]);
    }

    #[test]
    fn lerp_runs_from_one_pose_to_the_other() {
        let a = idle_pose(2.0, 0.1);
        let b = gesture_pose(2.0, 0.1);
        assert!(a.lerp(&b, 0.0).distance(&a) < 1e-6);
        assert!(a.lerp(&b, 1.0).distance(&b) < 1e-6);
        let mid = a.lerp(&b, 0.5);
        assert!((mid.elbow[RIGHT] - (a.elbow[RIGHT] + b.elbow[RIGHT]) / 2.0).abs() < 1e-5);
    }
}
