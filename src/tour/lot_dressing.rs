//! The studio lot's dressing in the ECS: each stop building's trims and signature, and the lot
//! around them (numbered stages, water tower, gate, lamps, palms, carts, trailers), merged into
//! a few meshes as the stage merges a virtual world. A building standing between the camera
//! and the player turns see-through, so the walker is never lost behind a wall.

use bevy::prelude::*;

use crate::stage::model::scene::{Primitive, batches};
use crate::stage::virtual_world::{batch_material, merged_mesh};
use crate::tour::Screen;
use crate::tour::camera::MainCamera;
use crate::tour::lot::{LotPart, Player, StopBuilding};
use crate::tour::model::backlot::{box_hides_player, building_bounds, lot_dressing, stop_dressing};
use crate::tour::model::content::STOP_COUNT;

/// How much of a building in the way still shows: enough to see where it stands.
const SEE_THROUGH_ALPHA: f32 = 0.15;

/// Which stop buildings show see-through now (their padlocks hide meanwhile: see `lot`).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CutAway(pub [bool; STOP_COUNT]);

/// A merged mesh of one stop building's dressing.
#[derive(Component)]
pub struct StopDressing(pub usize);

fn spawn_dressing(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    for stop in 0..STOP_COUNT {
        for entity in spawn_merged(
            &mut commands,
            &mut meshes,
            &mut materials,
            &stop_dressing(stop),
        ) {
            commands.entity(entity).insert(StopDressing(stop));
        }
    }
    spawn_merged(&mut commands, &mut meshes, &mut materials, &lot_dressing());
}

/// One mesh per material: the lot's hundreds of shapes in a few dozen draws.
fn spawn_merged(
    commands: &mut Commands,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
    parts: &[Primitive],
) -> Vec<Entity> {
    batches(parts)
        .iter()
        .map(|batch| {
            let mut material = batch_material(&batch.key);
            // The lot has no fog; its camera draws its own sky.
            material.fog_enabled = false;
            commands
                .spawn((
                    LotPart,
                    Name::new(format!("Lot dressing ({} parts)", batch.parts.len())),
                    Mesh3d(meshes.add(merged_mesh(batch.parts.iter().map(|&i| &parts[i])))),
                    MeshMaterial3d(materials.add(material)),
                    Transform::default(),
                ))
                .id()
        })
        .collect()
}

/// On the map, a building between the camera and the player shows see-through; everywhere
/// else (and once the player walks on) it is solid again.
fn cut_away(
    screen: Res<State<Screen>>,
    camera: Query<&GlobalTransform, With<MainCamera>>,
    player: Query<&GlobalTransform, With<Player>>,
    dressing: Query<(&StopDressing, &MeshMaterial3d<StandardMaterial>)>,
    buildings: Query<(&StopBuilding, &MeshMaterial3d<StandardMaterial>)>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut cut: ResMut<CutAway>,
    mut bounds: Local<Option<[(Vec3, Vec3); STOP_COUNT]>>,
) {
    // The buildings never move: their boxes are worked out once, not rebuilt every frame.
    let bounds = bounds.get_or_insert_with(|| std::array::from_fn(building_bounds));
    let mut hidden = [false; STOP_COUNT];
    if *screen.get() == Screen::Map
        && let (Ok(eye), Ok(player)) = (camera.single(), player.single())
    {
        for (h, b) in hidden.iter_mut().zip(bounds.iter()) {
            *h = box_hides_player(*b, eye.translation(), player.translation());
        }
    }
    if cut.0 != hidden {
        cut.0 = hidden;
    }
    let owned = dressing
        .iter()
        .map(|(s, m)| (s.0, m))
        .chain(buildings.iter().map(|(b, m)| (b.stop, m)));
    for (stop, material) in owned {
        let alpha = if hidden[stop] { SEE_THROUGH_ALPHA } else { 1.0 };
        let differs = materials
            .get(&material.0)
            .is_some_and(|m| (m.base_color.alpha() - alpha).abs() > 0.01);
        if differs && let Some(mut m) = materials.get_mut(&material.0) {
            m.base_color.set_alpha(alpha);
            m.alpha_mode = if alpha < 1.0 {
                AlphaMode::Blend
            } else {
                AlphaMode::Opaque
            };
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CutAway>()
        .add_systems(Startup, spawn_dressing)
        .add_systems(PostUpdate, cut_away.after(TransformSystems::Propagate));
}
