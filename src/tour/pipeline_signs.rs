//! The production pipeline on the lot: a signpost where each phase begins (development,
//! pre-production, production, ...) and a coloured line along the street under the stops of
//! each phase, so walking the tour in order is walking the way a film is made. The phase names
//! on the boards are drawn by the map screen (`map_ui`), at `sign_board_position`.

use bevy::prelude::*;

use crate::tour::GameContent;
use crate::tour::lot::{LotPart, STOP_COLORS, door_position};
use crate::tour::model::pipeline::Phase;

/// The signs stand on the far edge of the street, so they never hide the walker from the
/// camera, which looks from the near side.
const SIGN_Z: f32 = -4.2;
const POST_HEIGHT: f32 = 3.4;
/// The line runs along the street, on the far half, clear of where the walker stands.
const LINE_Z: f32 = -1.8;
/// Half the distance between two stages: a phase's stretch of street starts and ends midway.
const HALF_GAP: f32 = 4.5;

/// Where the board of the sign for the phase that begins at `first_stop` hangs.
pub fn sign_board_position(first_stop: usize) -> Vec3 {
    Vec3::new(
        door_position(first_stop).x - HALF_GAP,
        POST_HEIGHT - 0.45,
        SIGN_Z,
    )
}

/// A phase's colour is that of its first stop, as on the map.
pub fn phase_color(phase: &Phase) -> Color {
    let first = phase.stops.first().map_or(0, |&s| usize::from(s));
    STOP_COLORS.get(first).copied().unwrap_or(Color::WHITE)
}

/// The stretch of street (x from, x to) under a phase's stops.
fn stretch(phase: &Phase) -> Option<(f32, f32)> {
    let first = usize::from(*phase.stops.first()?);
    let last = usize::from(*phase.stops.last()?);
    Some((
        door_position(first).x - HALF_GAP,
        door_position(last).x + HALF_GAP,
    ))
}

fn spawn_pipeline(
    mut commands: Commands,
    content: Res<GameContent>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let post = meshes.add(Cylinder::new(0.09, POST_HEIGHT));
    let board = meshes.add(Cuboid::new(2.8, 0.9, 0.12));
    let wood = materials.add(Color::srgb(0.42, 0.32, 0.22));
    for phase in &content.tour.pipeline {
        let Some((from, to)) = stretch(phase) else {
            continue;
        };
        let paint = materials.add(StandardMaterial {
            base_color: phase_color(phase),
            perceptual_roughness: 0.8,
            ..default()
        });
        let board_at = sign_board_position(usize::from(phase.stops[0]));
        commands.spawn((
            LotPart,
            Name::new(format!("Pipeline sign: {}", phase.name)),
            Mesh3d(post.clone()),
            MeshMaterial3d(wood.clone()),
            Transform::from_xyz(board_at.x, POST_HEIGHT / 2.0, SIGN_Z),
        ));
        commands.spawn((
            LotPart,
            Mesh3d(board.clone()),
            MeshMaterial3d(paint.clone()),
            Transform::from_translation(board_at + Vec3::Z * 0.12),
        ));
        // A small gap between phases, so the line reads as steps rather than one stripe.
        let length = (to - from - 0.6).max(0.1);
        commands.spawn((
            LotPart,
            Name::new(format!("Pipeline line: {}", phase.name)),
            Mesh3d(meshes.add(Cuboid::new(length, 0.02, 0.45))),
            MeshMaterial3d(paint),
            Transform::from_xyz((from + to) / 2.0, 0.06, LINE_Z),
        ));
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_pipeline);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase(stops: &[u8]) -> Phase {
        Phase {
            name: "x".into(),
            about: "y".into(),
            stops: stops.to_vec(),
        }
    }

    #[test]
    fn each_stretch_runs_midway_between_stages_and_they_touch() {
        let a = stretch(&phase(&[0])).unwrap();
        let b = stretch(&phase(&[1, 2])).unwrap();
        assert_eq!(a.1, b.0, "one phase ends where the next begins");
        assert!(a.0 < door_position(0).x && door_position(0).x < a.1);
        assert!(b.1 > door_position(2).x);
        assert!(stretch(&phase(&[])).is_none());
    }

    #[test]
    fn a_sign_stands_before_its_first_stop_on_the_far_side() {
        let at = sign_board_position(3);
        assert!(at.x < door_position(3).x && at.x > door_position(2).x);
        assert!(at.z < 0.0);
    }
}
