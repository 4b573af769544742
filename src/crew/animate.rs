//! The figures move: a clock that steps by frames in a capture, each walker's speed over the
//! ground, each figure's pose (idle, talking, walking, carrying) from
//! `crate::crew::model::pose`, and the joints turned to it. Figures whose pose did not change
//! this frame are left alone.

use bevy::prelude::*;

use crate::GameConfig;
use crate::crew::figure::{Figure, FigurePose, HoldsProp, Joint, JointKind, side_sign};
use crate::crew::model::pose::{self, Pose};

/// While a figure has this, it talks with its hands.
#[derive(Component, Debug, Clone, Copy)]
pub struct Talking;

/// A figure with this walks when it moves over the ground: it measures its own speed.
#[derive(Component, Debug, Default, Clone)]
pub struct Stride {
    last: Option<Vec3>,
    /// Smoothed speed over the ground, m/s.
    pub speed: f32,
    /// The walk's own clock (see `walk_pose`).
    clock: f32,
}

/// The figures' animation time: real time in play, a fixed step per frame in a capture so the
/// same frame always shows the same pose.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct FigureClock {
    pub t: f32,
    pub dt: f32,
}

fn tick_clock(time: Res<Time>, config: Res<GameConfig>, mut clock: ResMut<FigureClock>) {
    // A capture renders a set number of frames: step by frames so it always shows one pose.
    clock.dt = if config.capture.is_some() {
        1.0 / 60.0
    } else {
        time.delta_secs()
    };
    clock.t += clock.dt;
}

/// Each walking figure's speed over the ground, from how far it moved since the last frame.
fn measure_strides(clock: Res<FigureClock>, mut strides: Query<(&GlobalTransform, &mut Stride)>) {
    let dt = clock.dt.max(1e-4);
    for (global, mut stride) in &mut strides {
        let here = global.translation();
        let moved = stride
            .last
            .map_or(0.0, |l| Vec2::new(here.x - l.x, here.z - l.z).length());
        stride.last = Some(here);
        // A jump (arriving at another door, a new shot) is not a walk.
        let now = if moved > 2.0 { 0.0 } else { moved / dt };
        let speed = stride.speed + (now - stride.speed) * (dt * 10.0).min(1.0);
        stride.speed = if speed < 0.05 { 0.0 } else { speed };
        if stride.speed > 0.0 {
            // Faster walkers step faster, within what still reads as a walk.
            let rate = (stride.speed / pose::WALK_REFERENCE_SPEED).clamp(0.6, 2.5);
            stride.clock += dt * rate;
        }
    }
}

/// Work out each figure's pose: idle, easing into a gesture while it talks, walking while it
/// moves, the left forearm up while it carries something.
fn pose_figures(
    clock: Res<FigureClock>,
    settings: Option<Res<crate::ui::theme::UiSettings>>,
    mut figures: Query<(
        &mut Figure,
        &mut FigurePose,
        Option<&Stride>,
        Has<Talking>,
        Has<HoldsProp>,
    )>,
) {
    let still = settings.is_some_and(|s| s.reduced_motion);
    for (mut figure, mut shown, stride, talking, holds) in &mut figures {
        let target = if talking { 1.0 } else { 0.0 };
        if figure.talk != target {
            let step = clock.dt * 4.0;
            figure.talk = if figure.talk < target {
                (figure.talk + step).min(target)
            } else {
                (figure.talk - step).max(target)
            };
        }
        // Reduced motion: idle figures stand still, and a speaker holds one gesture.
        let (idle, gesture) = if still {
            (Pose::STANDING, pose::gesture_pose(0.0, figure.phase))
        } else {
            (
                pose::idle_pose(clock.t, figure.phase),
                pose::gesture_pose(clock.t, figure.phase),
            )
        };
        let talk = figure.talk * figure.talk * (3.0 - 2.0 * figure.talk);
        let mut p = idle.lerp(&gesture, talk);
        if let Some(stride) = stride
            && stride.speed > 0.0
        {
            let walk = pose::walk_pose(stride.clock, stride.speed);
            p = p.lerp(&walk, (stride.speed / 0.5).min(1.0));
        }
        if holds {
            p = p.holding_left();
        }
        if shown.0 != p {
            shown.0 = p;
        }
    }
}

/// Where a joint sits and how it turns in a pose.
fn joint_transform(joint: &Joint, p: &Pose) -> (Vec3, Quat) {
    match joint.kind {
        JointKind::Body => (
            joint.rest + Vec3::Y * p.bob,
            Quat::from_euler(EulerRot::YXZ, p.twist, -p.lean, p.sway),
        ),
        JointKind::Head => (
            joint.rest,
            Quat::from_euler(EulerRot::YXZ, p.head_yaw, -p.head_pitch, 0.0),
        ),
        // Out to the side first, then forwards: the arm hangs along −Y.
        JointKind::Shoulder(side) => (
            joint.rest,
            Quat::from_rotation_x(p.shoulder_pitch[side])
                * Quat::from_rotation_z(side_sign(side) * p.shoulder_roll[side]),
        ),
        JointKind::Elbow(side) => (joint.rest, Quat::from_rotation_x(p.elbow[side])),
        JointKind::Hip(side) => (joint.rest, Quat::from_rotation_x(p.hip[side])),
    }
}

/// Turn the joints of every figure whose pose changed.
fn apply_joints(
    poses: Query<&FigurePose, Changed<FigurePose>>,
    mut joints: Query<(&Joint, &mut Transform)>,
) {
    if poses.is_empty() {
        return;
    }
    for (joint, mut transform) in &mut joints {
        let Ok(FigurePose(p)) = poses.get(joint.figure) else {
            continue;
        };
        let (translation, rotation) = joint_transform(joint, p);
        transform.translation = translation;
        transform.rotation = rotation;
    }
}

/// Sets the figures' animation runs in, for systems that must act before or after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct FigureSystems;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FigureClock>().add_systems(
        Update,
        (tick_clock, measure_strides, pose_figures, apply_joints)
            .chain()
            .in_set(FigureSystems),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crew::model::pose::{LEFT, RIGHT};

    fn joint(kind: JointKind) -> Joint {
        Joint {
            figure: Entity::PLACEHOLDER,
            kind,
            rest: Vec3::ZERO,
        }
    }

    #[test]
    fn arms_and_legs_swing_forwards_and_out() {
        let mut p = Pose::STANDING;
        p.shoulder_pitch = [0.8, 0.8];
        p.shoulder_roll = [0.0, 0.0];
        p.hip = [0.5, 0.5];
        // Forwards is −Z: a hanging limb (−Y) swings towards it.
        for kind in [JointKind::Shoulder(LEFT), JointKind::Hip(RIGHT)] {
            let (_, r) = joint_transform(&joint(kind), &p);
            assert!((r * Vec3::NEG_Y).z < -0.4, "{kind:?}");
        }
        let mut out = Pose::STANDING;
        out.shoulder_roll = [0.5, 0.5];
        let (_, left) = joint_transform(&joint(JointKind::Shoulder(LEFT)), &out);
        let (_, right) = joint_transform(&joint(JointKind::Shoulder(RIGHT)), &out);
        assert!((left * Vec3::NEG_Y).x < -0.3 && (right * Vec3::NEG_Y).x > 0.3);
    }

    #[test]
    fn the_head_nods_down_and_turns_left() {
        let mut p = Pose::STANDING;
        p.head_pitch = 0.3;
        let (_, r) = joint_transform(&joint(JointKind::Head), &p);
        assert!((r * Vec3::NEG_Z).y < -0.2, "a nod looks down");
        p.head_pitch = 0.0;
        p.head_yaw = 0.5;
        let (_, r) = joint_transform(&joint(JointKind::Head), &p);
        assert!(
            (r * Vec3::NEG_Z).x < -0.3,
            "positive yaw looks to the left (−X)"
        );
    }

    #[test]
    fn the_body_bobs_and_leans_forwards() {
        let mut p = Pose::STANDING;
        p.bob = 0.02;
        p.lean = 0.15;
        let (at, r) = joint_transform(&joint(JointKind::Body), &p);
        assert!((at.y - 0.02).abs() < 1e-6);
        assert!((r * Vec3::Y).z < -0.1);
    }
}
