//! Stop 0's set: every part of the production stands on its own plinth on a sound stage.
//! Working parts glow in their colour; a stalled part turns dark and red with a warning
//! sign above it; a part not yet connected is a faint ghost. Shape and sign carry the meaning
//! too, so nothing relies on colour alone.

use bevy::prelude::*;

use crate::crew::hosts::HostSpot;
use crate::stops::intro::level::{IntroState, STOP};
use crate::stops::intro::model::{PartKind, StallReason, StudioSpec};
use crate::tour::camera::CameraGoal;
use crate::tour::content_plugin::Content;
use crate::tour::{CurrentStop, StopPhase};

/// The set is built away from the lot so the two never overlap.
pub const SET_ORIGIN: Vec3 = Vec3::new(0.0, 0.0, -300.0);

#[derive(Component)]
pub struct PartModel {
    pub id: String,
    material: Handle<StandardMaterial>,
    base: Color,
}

#[derive(Component)]
struct StallSign(String);

/// Plinth position of part `index` of `count` within its kind's column. Kinds stand in three
/// columns (hardware, software, people) so the set fits the tall view between the UI panels.
pub fn part_slot(kind: PartKind, index: usize, count: usize) -> Vec3 {
    let column_x = match kind {
        PartKind::Hardware => -4.2,
        PartKind::Software => 0.0,
        PartKind::People => 4.2,
    };
    let spacing = 3.0;
    let z = (index as f32 - (count as f32 - 1.0) / 2.0) * spacing;
    SET_ORIGIN + Vec3::new(column_x, 0.0, z)
}

fn kind_color(kind: PartKind) -> Color {
    match kind {
        PartKind::Hardware => Color::srgb(0.25, 0.6, 0.95),
        PartKind::Software => Color::srgb(0.65, 0.4, 0.95),
        PartKind::People => Color::srgb(0.95, 0.6, 0.25),
    }
}

/// A simple shape per kind: boxes for hardware, spheres for software, capsules for people.
fn kind_mesh(kind: PartKind, meshes: &mut Assets<Mesh>) -> Handle<Mesh> {
    match kind {
        PartKind::Hardware => meshes.add(Cuboid::new(1.4, 1.4, 1.4)),
        PartKind::Software => meshes.add(Sphere::new(0.8)),
        PartKind::People => meshes.add(Capsule3d::new(0.45, 1.1)),
    }
}

fn spawn_set(
    mut commands: Commands,
    content: Res<Content<StudioSpec>>,
    current: Res<CurrentStop>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut goal: ResMut<CameraGoal>,
) {
    if current.0 != STOP {
        return;
    }
    let scope = DespawnOnExit(StopPhase::Level);
    commands.spawn((
        scope.clone(),
        Mesh3d(meshes.add(Plane3d::default().mesh().size(30.0, 20.0))),
        MeshMaterial3d(materials.add(Color::srgb(0.18, 0.18, 0.2))),
        Transform::from_translation(SET_ORIGIN),
    ));
    commands.spawn((
        scope.clone(),
        PointLight {
            intensity: 3_000_000.0,
            range: 40.0,
            ..default()
        },
        Transform::from_translation(SET_ORIGIN + Vec3::new(0.0, 10.0, 6.0)),
    ));
    let plinth = meshes.add(Cylinder::new(1.1, 0.4));
    let plinth_mat = materials.add(Color::srgb(0.32, 0.32, 0.36));
    let sign = meshes.add(Cone::new(0.45, 0.8));
    let sign_mat = materials.add(StandardMaterial {
        base_color: Color::srgb(0.95, 0.15, 0.1),
        emissive: LinearRgba::rgb(3.0, 0.2, 0.1),
        ..default()
    });
    for kind in PartKind::ALL {
        let parts: Vec<_> = content.parts.iter().filter(|p| p.kind == kind).collect();
        let mesh = kind_mesh(kind, &mut meshes);
        for (i, part) in parts.iter().enumerate() {
            let at = part_slot(kind, i, parts.len());
            commands.spawn((
                scope.clone(),
                Mesh3d(plinth.clone()),
                MeshMaterial3d(plinth_mat.clone()),
                Transform::from_translation(at + Vec3::Y * 0.2),
            ));
            let base = kind_color(kind);
            let material = materials.add(StandardMaterial {
                base_color: base.with_alpha(0.25),
                alpha_mode: AlphaMode::Blend,
                ..default()
            });
            commands.spawn((
                scope.clone(),
                PartModel {
                    id: part.id.clone(),
                    material: material.clone(),
                    base,
                },
                Mesh3d(mesh.clone()),
                MeshMaterial3d(material),
                Transform::from_translation(at + Vec3::Y * 1.3),
            ));
            commands.spawn((
                scope.clone(),
                StallSign(part.id.clone()),
                Mesh3d(sign.clone()),
                MeshMaterial3d(sign_mat.clone()),
                Transform::from_translation(at + Vec3::Y * 2.8)
                    .with_rotation(Quat::from_rotation_x(std::f32::consts::PI)),
                Visibility::Hidden,
            ));
        }
    }
    // The host stands at the front, below the software column, facing the camera (further
    // out to the side would be behind the UI panels).
    commands.spawn((
        scope.clone(),
        HostSpot { stop: STOP },
        Transform::from_translation(SET_ORIGIN + Vec3::new(0.0, 0.0, 6.5))
            .looking_to(Vec3::Z, Vec3::Y),
        Visibility::default(),
    ));
    // High and far enough that all three rows fit between the UI panels.
    goal.eye = SET_ORIGIN + Vec3::new(0.0, 21.0, 15.0);
    goal.target = SET_ORIGIN + Vec3::new(0.0, 0.0, 1.0);
    goal.snap = true;
}

/// Show each part's state: ghost (not connected), lit (working), dark red + sign (stalled).
fn show_part_states(
    state: Option<Res<IntroState>>,
    models: Query<&PartModel>,
    mut signs: Query<(&StallSign, &mut Visibility)>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let Some(state) = state else { return };
    if !state.is_changed() {
        return;
    }
    let status = state.level.status();
    for model in &models {
        let Some(mut m) = materials.get_mut(&model.material) else {
            continue;
        };
        let connected = state.level.board.connected.contains(&model.id);
        let stalled = status.stalls.iter().any(|s| s.part == model.id);
        if !connected {
            m.base_color = model.base.with_alpha(0.25);
            m.alpha_mode = AlphaMode::Blend;
            m.emissive = LinearRgba::BLACK;
        } else if stalled {
            m.base_color = Color::srgb(0.3, 0.08, 0.08);
            m.alpha_mode = AlphaMode::Opaque;
            m.emissive = LinearRgba::BLACK;
        } else {
            m.base_color = model.base;
            m.alpha_mode = AlphaMode::Opaque;
            m.emissive = model.base.to_linear() * 0.6;
        }
    }
    for (sign, mut vis) in &mut signs {
        let show = status.stalls.iter().any(|s| {
            s.part == sign.0
                && (state.level.board.connected.contains(&s.part)
                    || !matches!(s.reason, StallReason::Missing))
        });
        *vis = if show {
            Visibility::Visible
        } else {
            Visibility::Hidden
        };
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(StopPhase::Level), spawn_set)
        .add_systems(Update, show_part_states.run_if(in_state(StopPhase::Level)));
}
