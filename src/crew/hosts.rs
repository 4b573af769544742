//! Where the hosts stand: each beside the door of every stop they host on the lot, facing the
//! street, and in their level's set wherever the set marks a [`HostSpot`]. The host named in
//! [`SpeakingHost`] talks with their hands.

use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;

use crate::crew::Dialogue;
use crate::crew::animate::{FigureSystems, Talking};
use crate::crew::figure::{Figure, FigureParts, spawn_figure_on};
use crate::crew::model::{Crew, Host};
use crate::tour::content_plugin::Content;
use crate::tour::lot::{LotPart, door_position};
use crate::tour::model::backlot::beside_door;
use crate::tour::model::content::STOP_COUNT;

/// A host's figure, wherever it stands.
#[derive(Component, Debug, Clone)]
pub struct HostFigure {
    pub id: String,
}

/// The host speaking now, by id: their figure gestures. Follows the dialogue's line on screen.
#[derive(Resource, Default)]
pub struct SpeakingHost(pub Option<String>);

/// Where a stop's set wants its hosts: they stand here side by side (facing the spot's
/// forward, −Z), on the spot's render layers, and go when the spot goes.
#[derive(Component, Debug, Clone, Copy)]
pub struct HostSpot {
    pub stop: usize,
}

/// Metres between hosts standing side by side.
const SPACING: f32 = 0.9;

/// A host's place in the idle cycle, from their id and where they stand: two hosts, or one
/// host at two doors, never breathe in step.
fn phase_of(id: &str, place: usize) -> f32 {
    // FNV-1a: stable across runs and platforms, unlike the standard hasher.
    let mut h: u32 = 0x811c_9dc5;
    for byte in id.bytes().chain([place as u8]) {
        h = (h ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    (h % 1000) as f32 / 1000.0
}

/// Where host `index` of `count` stands, across from the middle of their row (metres).
fn row_offset(index: usize, count: usize) -> f32 {
    (index as f32 - (count as f32 - 1.0) / 2.0) * SPACING
}

/// Where the hosts of a stop stand on the lot: beside its door on the side away from the
/// flag, a step towards the street, facing the street.
pub fn lot_spot(stop: usize) -> Transform {
    let street = -door_position(stop).z.signum();
    Transform::from_translation(beside_door(stop)).looking_to(Vec3::Z * street, Vec3::Y)
}

fn spawn_host(
    commands: &mut Commands,
    parts: &mut FigureParts,
    materials: &mut Assets<StandardMaterial>,
    host: &Host,
    transform: Transform,
    layers: RenderLayers,
    place: usize,
) -> Entity {
    let figure = spawn_figure_on(commands, parts, materials, &host.look, transform, layers);
    commands.entity(figure).insert((
        Name::new(host.name.clone()),
        HostFigure {
            id: host.id.clone(),
        },
        Figure::with_phase(phase_of(&host.id, place)),
    ));
    figure
}

/// Every host at the door of each stop they host, as part of the lot.
fn spawn_lot_hosts(
    mut commands: Commands,
    crew: Res<Content<Crew>>,
    mut parts: ResMut<FigureParts>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    for stop in 0..STOP_COUNT {
        let spot = lot_spot(stop);
        let hosts = crew.hosts_of(stop);
        for (i, host) in hosts.iter().enumerate() {
            let along = spot.rotation * Vec3::X * row_offset(i, hosts.len());
            let at = spot.with_translation(spot.translation + along);
            let figure = spawn_host(
                &mut commands,
                &mut parts,
                &mut materials,
                host,
                at,
                RenderLayers::default(),
                stop,
            );
            commands.entity(figure).insert(LotPart);
        }
    }
}

/// Fill each new host spot with its stop's hosts, as children of the spot.
fn fill_host_spots(
    mut commands: Commands,
    spots: Query<(Entity, &HostSpot, Option<&RenderLayers>), Added<HostSpot>>,
    crew: Res<Content<Crew>>,
    mut parts: ResMut<FigureParts>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    for (spot, place, layers) in &spots {
        let hosts = crew.hosts_of(place.stop);
        for (i, host) in hosts.iter().enumerate() {
            let at = Transform::from_xyz(row_offset(i, hosts.len()), 0.0, 0.0);
            let figure = spawn_host(
                &mut commands,
                &mut parts,
                &mut materials,
                host,
                at,
                layers.cloned().unwrap_or_default(),
                STOP_COUNT + place.stop,
            );
            commands.entity(figure).insert(ChildOf(spot));
        }
    }
}

/// The speaking host's figures talk; everyone else stops.
fn mark_speaker(
    mut commands: Commands,
    speaking: Res<SpeakingHost>,
    hosts: Query<(Entity, &HostFigure, Has<Talking>)>,
    added: Query<(), Added<HostFigure>>,
) {
    if !speaking.is_changed() && added.is_empty() {
        return;
    }
    for (entity, host, talking) in &hosts {
        let should = speaking.0.as_deref() == Some(host.id.as_str());
        if should && !talking {
            commands.entity(entity).insert(Talking);
        } else if !should && talking {
            commands.entity(entity).remove::<Talking>();
        }
    }
}

/// Whoever says the line on screen is the one who talks with their hands.
fn follow_dialogue(dialogue: Res<Dialogue>, mut speaking: ResMut<SpeakingHost>) {
    let now = dialogue.speaker().map(str::to_string);
    if speaking.0 != now {
        speaking.0 = now;
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SpeakingHost>()
        .add_systems(Startup, spawn_lot_hosts)
        .add_systems(
            Update,
            (follow_dialogue, fill_host_spots, mark_speaker)
                .chain()
                .before(FigureSystems),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_stand_beside_the_door_facing_the_street() {
        for stop in 0..STOP_COUNT {
            let door = door_position(stop);
            let spot = lot_spot(stop);
            let from_door = spot.translation - door;
            assert!(from_door.length() < 3.5, "stop {stop}: near the door");
            assert!(from_door.x.abs() > 1.5, "stop {stop}: beside it, not in it");
            // Facing the street means facing the middle of the lot (z = 0).
            let facing = spot.forward();
            assert!(
                facing.z * -door.z.signum() > 0.99,
                "stop {stop}: {facing:?}"
            );
        }
    }

    #[test]
    fn a_row_of_hosts_is_centred_and_phases_differ() {
        assert_eq!(row_offset(0, 1), 0.0);
        assert_eq!(row_offset(0, 2), -row_offset(1, 2));
        assert_ne!(phase_of("rosa", 0), phase_of("rosa", 6));
        assert!((0.0..1.0).contains(&phase_of("someone", 3)));
    }
}
