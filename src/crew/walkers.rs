//! Crew walking the lot's sidewalks between the stop buildings ([`BEATS`]), so the lot is busy
//! like a real one. Each walker keeps their own time on their beat, which stops while the
//! student stands in their way; a capture steps it by frames, so it always shows one frame.

use bevy::prelude::*;

use crate::crew::animate::{FigureClock, FigureSystems, Stride};
use crate::crew::figure::{Figure, FigureParts, spawn_figure};
use crate::crew::model::beats::{BEATS, Beat, gives_way, walker_look};
use crate::tour::lot::{LotPart, Player};

/// A walker and how far along their beat they are.
#[derive(Component, Debug, Clone, Copy)]
pub struct Walker {
    pub beat: Beat,
    /// Seconds walked (or paused) on the beat.
    pub t: f32,
}

fn spawn_walkers(
    mut commands: Commands,
    mut parts: ResMut<FigureParts>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    for (n, beat) in BEATS.into_iter().enumerate() {
        let (at, facing) = beat.at(0.0);
        let figure = spawn_figure(
            &mut commands,
            &mut parts,
            &mut materials,
            &walker_look(n),
            Transform::from_translation(at).looking_to(facing, Vec3::Y),
        );
        commands.entity(figure).insert((
            Name::new(format!("Crew walker {n}")),
            LotPart,
            Walker { beat, t: 0.0 },
            Stride::default(),
            Figure::with_phase(0.25 * n as f32),
        ));
    }
}

/// Move each walker along their beat, unless the student stands just ahead of them.
fn walk_beats(
    clock: Res<FigureClock>,
    player: Query<&GlobalTransform, With<Player>>,
    mut walkers: Query<(&mut Walker, &mut Transform)>,
) {
    let student = player.single().ok().map(GlobalTransform::translation);
    for (mut walker, mut transform) in &mut walkers {
        let (here, facing) = walker.beat.at(walker.t);
        if student.is_some_and(|s| gives_way(here, facing, s)) {
            continue;
        }
        walker.t += clock.dt;
        let (next, facing) = walker.beat.at(walker.t);
        *transform = Transform::from_translation(next).looking_to(facing, Vec3::Y);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_walkers)
        .add_systems(Update, walk_beats.before(FigureSystems));
}
