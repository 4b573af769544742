//! The game-engine world shown on the wall: built from a scene description on its own render
//! layer, with its own sun, sky dome and fog, so only the stage's render cameras see it.

use bevy::camera::visibility::RenderLayers;
use bevy::light::NotShadowCaster;
use bevy::mesh::VertexAttributeValues;
use bevy::pbr::DistanceFog;
use bevy::prelude::*;

use crate::stage::model::scene::{BuiltScene, Environment, Primitive, Shape};
use crate::stage::{StageSettings, VIRTUAL_LAYER};

/// Marks everything of the virtual world, so a scene change can replace it.
#[derive(Component)]
pub struct VirtualWorldPart;

fn rgb(c: [f32; 3]) -> Color {
    Color::linear_rgb(c[0], c[1], c[2])
}

fn primitive_mesh(shape: &Shape) -> Mesh {
    match *shape {
        Shape::Cuboid { size } => Cuboid::new(size.x, size.y, size.z).into(),
        Shape::Sphere { radius } => Sphere::new(radius).mesh().uv(16, 10),
        Shape::Cone { radius, height } => Cone::new(radius, height).mesh().resolution(12).into(),
        Shape::Cylinder { radius, height } => {
            Cylinder::new(radius, height).mesh().resolution(12).into()
        }
        Shape::Plane { size } => Plane3d::default().mesh().size(size.x, size.y).into(),
    }
}

/// A sky dome: a big inverted sphere whose vertex colours run from horizon to zenith.
fn sky_dome(env: &Environment) -> Mesh {
    let mut mesh: Mesh = Sphere::new(3000.0).mesh().uv(32, 16);
    let (zenith, horizon) = (env.sky_zenith, env.sky_horizon);
    let colors: Vec<[f32; 4]> = match mesh.attribute(Mesh::ATTRIBUTE_POSITION) {
        Some(VertexAttributeValues::Float32x3(ps)) => ps
            .iter()
            .map(|p| {
                let t = (p[1] / 3000.0).clamp(0.0, 1.0).powf(0.6);
                [
                    horizon[0] + (zenith[0] - horizon[0]) * t,
                    horizon[1] + (zenith[1] - horizon[1]) * t,
                    horizon[2] + (zenith[2] - horizon[2]) * t,
                    1.0,
                ]
            })
            .collect(),
        _ => Vec::new(),
    };
    mesh.insert_attribute(Mesh::ATTRIBUTE_COLOR, colors);
    // Seen from inside: flip the winding.
    mesh.invert_winding().ok();
    mesh
}

/// The fog every camera that looks at the virtual world must use (inner, outer, direct).
pub fn fog_for(env: &Environment) -> DistanceFog {
    DistanceFog {
        color: rgb(env.fog_color),
        falloff: bevy::pbr::FogFalloff::Linear {
            start: env.fog_start_m,
            end: env.fog_end_m,
        },
        ..default()
    }
}

/// Ambient light for cameras looking at the virtual world.
pub fn ambient_for(env: &Environment) -> AmbientLight {
    AmbientLight {
        color: rgb(env.ambient_color),
        brightness: env.ambient_brightness,
        ..default()
    }
}

pub fn spawn_virtual_world(
    commands: &mut Commands,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
    built: &BuiltScene,
    scope: impl Bundle + Clone,
) {
    let layer = RenderLayers::layer(VIRTUAL_LAYER);
    let env = &built.environment;
    commands.spawn((
        scope.clone(),
        VirtualWorldPart,
        Name::new("Virtual sun"),
        DirectionalLight {
            color: rgb(env.sun_color),
            illuminance: env.sun_illuminance_lux,
            shadow_maps_enabled: false,
            ..default()
        },
        Transform::default().looking_to(env.sun_direction, Vec3::Y),
        layer.clone(),
    ));
    commands.spawn((
        scope.clone(),
        VirtualWorldPart,
        Name::new("Sky dome"),
        Mesh3d(meshes.add(sky_dome(env))),
        MeshMaterial3d(materials.add(StandardMaterial {
            base_color: Color::WHITE,
            unlit: true,
            fog_enabled: false,
            ..default()
        })),
        NotShadowCaster,
        layer.clone(),
    ));
    for p in &built.primitives {
        spawn_primitive(commands, meshes, materials, p, layer.clone(), scope.clone());
    }
}

fn spawn_primitive(
    commands: &mut Commands,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
    p: &Primitive,
    layer: RenderLayers,
    scope: impl Bundle,
) {
    let emissive = LinearRgba::rgb(p.emissive[0], p.emissive[1], p.emissive[2]);
    let material = materials.add(StandardMaterial {
        base_color: rgb(p.color),
        emissive,
        // Emissive values are "adds this much brightness", whatever the exposure.
        emissive_exposure_weight: 0.0,
        perceptual_roughness: p.roughness.clamp(0.05, 1.0),
        fog_enabled: !p.kind.is_sky(),
        ..default()
    });
    commands.spawn((
        scope,
        VirtualWorldPart,
        Mesh3d(meshes.add(primitive_mesh(&p.shape))),
        MeshMaterial3d(material),
        Transform::from_translation(p.translation).with_rotation(p.rotation),
        layer,
    ));
}

/// The scene as currently chosen in the settings, built procedurally.
pub fn build_current(settings: &StageSettings) -> Option<BuiltScene> {
    let desc = settings.current_scene()?;
    match desc.build_with(settings.time, settings.weather) {
        Ok(b) => Some(b),
        Err(e) => {
            error!("could not build scene {}: {e}", desc.name);
            None
        }
    }
}

pub(super) fn plugin(_app: &mut App) {}
