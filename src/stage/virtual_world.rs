//! The game-engine world shown on the wall: built from a scene description on its own render
//! layer, with its own sun, sky dome and fog, so only the stage's render cameras see it.

use bevy::asset::RenderAssetUsages;
use bevy::camera::visibility::RenderLayers;
use bevy::light::{CascadeShadowConfig, CascadeShadowConfigBuilder, NotShadowCaster};
use bevy::mesh::{Indices, PrimitiveTopology, VertexAttributeValues};
use bevy::pbr::DistanceFog;
use bevy::prelude::*;

use crate::stage::model::quality;
use crate::stage::model::scene::{
    Batch, BatchKey, BuiltScene, Environment, Primitive, Shape, batches,
};
use crate::stage::quality::StageQuality;
use crate::stage::{StageSettings, VIRTUAL_LAYER};

/// Marks everything of the virtual world, so a scene change can replace it.
#[derive(Component)]
pub struct VirtualWorldPart;

/// One merged mesh of the virtual world (one draw per camera pass that sees it), and how many
/// of the scene's objects it holds: what `backlot bench stage` counts.
#[derive(Component)]
pub struct WorldBatch {
    pub objects: usize,
    /// Triangles in the merged mesh: what a software renderer's frame time follows.
    pub triangles: usize,
}

fn rgb(c: [f32; 3]) -> Color {
    Color::linear_rgb(c[0], c[1], c[2])
}

/// A shape's mesh at its own size, as finely divided as it looks big from the stage at
/// `distance`: a moon or a near mesa gets smooth curves, a stone 300 m away (a pixel or two) a
/// few facets. Every camera stands near the stage, so this is the detail any of them can see.
/// A flat ellipsoid looks as big as a sphere of its mean radius, not of its longest: the
/// Arctic's 2,100 snowdrifts (10 times as long as high) were three quarters of its triangles.
fn primitive_mesh(shape: &Shape, distance: f32) -> (Mesh, Vec3) {
    let r = shape.bounding_radius();
    let looks_r = match *shape {
        Shape::Ellipsoid { radii } => (radii.x * radii.y * radii.z).abs().cbrt(),
        _ => r,
    };
    let looks = looks_r / (distance - r).max(1.0);
    let (around, rings, sides) = if r > 20.0 || looks > 0.2 {
        (16, 10, 16)
    } else if looks > 0.02 {
        (10, 6, 8)
    } else if looks > 0.004 {
        (6, 4, 6)
    } else {
        (4, 3, 4)
    };
    match *shape {
        Shape::Cuboid { size } => (Cuboid::new(size.x, size.y, size.z).into(), Vec3::ONE),
        Shape::Sphere { radius } => (Sphere::new(radius).mesh().uv(around, rings), Vec3::ONE),
        Shape::Cone { radius, height } => (
            Cone::new(radius, height).mesh().resolution(sides).into(),
            Vec3::ONE,
        ),
        Shape::Cylinder { radius, height } => (
            Cylinder::new(radius, height)
                .mesh()
                .resolution(sides)
                .into(),
            Vec3::ONE,
        ),
        Shape::Plane { size } => (
            Plane3d::default().mesh().size(size.x, size.y).into(),
            Vec3::ONE,
        ),
        // A unit sphere, stretched by the transform (which also bends its normals right).
        Shape::Ellipsoid { radii } => (Sphere::new(1.0).mesh().uv(around, rings), radii),
    }
}

/// Vertices and triangles of one merged batch, gathered before they become a [`Mesh`].
#[derive(Default)]
struct Merged {
    positions: Vec<[f32; 3]>,
    normals: Vec<[f32; 3]>,
    colors: Vec<[f32; 4]>,
    indices: Vec<u32>,
}

impl Merged {
    /// Adds one primitive's triangles, placed and coloured.
    fn add(&mut self, p: &Primitive) {
        let (mesh, scale) = primitive_mesh(&p.shape, p.translation.length());
        let mesh = mesh.transformed_by(Transform {
            translation: p.translation,
            rotation: p.rotation,
            scale,
        });
        let (
            Some(VertexAttributeValues::Float32x3(ps)),
            Some(VertexAttributeValues::Float32x3(ns)),
        ) = (
            mesh.attribute(Mesh::ATTRIBUTE_POSITION),
            mesh.attribute(Mesh::ATTRIBUTE_NORMAL),
        )
        else {
            return;
        };
        let first = self.positions.len() as u32;
        let color = [p.color[0], p.color[1], p.color[2], 1.0];
        self.positions.extend_from_slice(ps);
        self.normals.extend_from_slice(ns);
        self.colors.extend(std::iter::repeat_n(color, ps.len()));
        match mesh.indices() {
            Some(indices) => self
                .indices
                .extend(indices.iter().map(|i| first + i as u32)),
            None => self.indices.extend(first..first + ps.len() as u32),
        }
    }

    fn into_mesh(self) -> Mesh {
        Mesh::new(
            PrimitiveTopology::TriangleList,
            RenderAssetUsages::default(),
        )
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, self.positions)
        .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, self.normals)
        .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, self.colors)
        .with_inserted_indices(Indices::U32(self.indices))
    }
}

/// One batch of the scene as a single mesh: every part's triangles, coloured per vertex.
pub fn batch_mesh(built: &BuiltScene, batch: &Batch) -> Mesh {
    merged_mesh(batch.parts.iter().map(|&i| &built.primitives[i]))
}

/// Shapes merged into one mesh, coloured per vertex (the studio lot uses it too).
pub fn merged_mesh<'a>(parts: impl IntoIterator<Item = &'a Primitive>) -> Mesh {
    let mut merged = Merged::default();
    for p in parts {
        merged.add(p);
    }
    merged.into_mesh()
}

/// The material a batch's parts share; their colours come from the vertices.
pub fn batch_material(key: &BatchKey) -> StandardMaterial {
    let [r, g, b] = key.emissive();
    StandardMaterial {
        base_color: Color::WHITE,
        emissive: LinearRgba::rgb(r, g, b),
        // Emissive values are "adds this much brightness", whatever the exposure.
        emissive_exposure_weight: 0.0,
        perceptual_roughness: key.roughness().clamp(0.05, 1.0),
        fog_enabled: key.fog,
        ..default()
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
        VirtualSun,
        Name::new("Virtual sun"),
        DirectionalLight {
            color: rgb(env.sun_color),
            illuminance: env.sun_illuminance_lux,
            // `world_shadows` turns them on where the quality allows.
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
    // One mesh and one draw per batch, however many objects it holds.
    for batch in batches(&built.primitives) {
        let mesh = batch_mesh(built, &batch);
        let triangles = mesh.indices().map_or(0, |i| i.len() / 3);
        let mut part = commands.spawn((
            scope.clone(),
            VirtualWorldPart,
            Name::new(format!("Virtual world batch ({} parts)", batch.parts.len())),
            WorldBatch {
                objects: batch.parts.len(),
                triangles,
            },
            Mesh3d(meshes.add(mesh)),
            MeshMaterial3d(materials.add(batch_material(&batch.key))),
            layer.clone(),
        ));
        if !batch.key.shadow {
            part.insert(NotShadowCaster);
        }
    }
}

/// The virtual world's sun, whose shadows follow the stage quality.
#[derive(Component)]
pub struct VirtualSun;

/// The virtual sun casts shadows on the world where the quality allows (not at Low), in one
/// cascade: a depth pass of the world's shadow casters for every stage camera that renders that
/// frame, the inner frustum's every frame, the outer frustum's only while it re-renders (see
/// `OuterSchedule`).
fn world_shadows(
    stage_quality: Res<StageQuality>,
    mut suns: Query<(
        Ref<VirtualSun>,
        &mut DirectionalLight,
        &mut CascadeShadowConfig,
    )>,
) {
    let on = stage_quality.params().world_shadows;
    for (sun, mut light, mut config) in &mut suns {
        if !stage_quality.is_changed() && !sun.is_added() {
            continue;
        }
        light.shadow_maps_enabled = on;
        if on {
            *config = CascadeShadowConfigBuilder {
                num_cascades: 1,
                maximum_distance: quality::WORLD_SHADOW_DISTANCE_M,
                ..default()
            }
            .build();
        }
    }
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

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, world_shadows);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::model::quality::Quality;
    use crate::stage::model::scene::{TimeOfDay, Weather, bundled_scene_texts, load_scene};

    /// A software renderer's frame time follows the triangles drawn. Every world, all its
    /// batches, stays under this; when flat drifts were divided as finely as round shapes of their
    /// length, the Arctic had 232,738.
    const MAX_WORLD_TRIANGLES: usize = 160_000;

    #[test]
    fn every_world_stays_within_the_triangle_budget() {
        for (name, text) in bundled_scene_texts() {
            let scene = load_scene(text, name).expect("loads");
            let built = scene
                .build_with(TimeOfDay::Noon, Weather::Clear)
                .expect("builds");
            let triangles: usize = batches(&built.primitives)
                .iter()
                .map(|b| batch_mesh(&built, b).indices().map_or(0, |i| i.len() / 3))
                .sum();
            eprintln!(
                "{name}: {} objects, {triangles} triangles",
                built.primitives.len()
            );
            assert!(
                triangles <= MAX_WORLD_TRIANGLES,
                "{name}: {triangles} triangles"
            );
            assert!(
                triangles > 10 * built.primitives.len(),
                "{name}: every shape is drawn"
            );
        }
    }

    #[test]
    fn the_virtual_sun_casts_shadows_in_one_cascade_where_the_quality_allows() {
        let mut app = App::new();
        let mut stage_quality = StageQuality {
            level: Some(Quality::High),
            forced: false,
            auto_picked: false,
            max_texture_side: 8192,
            hdr_msaa: true,
            webgl2: false,
        };
        app.insert_resource(stage_quality)
            .add_systems(Update, world_shadows);
        let sun = app
            .world_mut()
            .spawn((VirtualSun, DirectionalLight::default()))
            .id();
        let shadows = |app: &mut App| {
            app.update();
            let world = app.world();
            let on = world
                .get::<DirectionalLight>(sun)
                .unwrap()
                .shadow_maps_enabled;
            let config = world.get::<CascadeShadowConfig>(sun).unwrap();
            (on, config.bounds.len())
        };
        assert_eq!(shadows(&mut app), (true, 1));
        stage_quality.level = Some(Quality::Standard);
        app.insert_resource(stage_quality);
        assert_eq!(shadows(&mut app), (true, 1));
        stage_quality.level = Some(Quality::Low);
        app.insert_resource(stage_quality);
        assert!(!shadows(&mut app).0, "no shadows at Low");
        let bounds = &app.world().get::<CascadeShadowConfig>(sun).unwrap().bounds;
        assert_eq!(bounds, &[quality::WORLD_SHADOW_DISTANCE_M]);
    }
}
