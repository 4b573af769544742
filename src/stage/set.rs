//! The physical set, built when a stage level starts and taken down when it ends: the virtual
//! world, the LED wall and its cameras, the floor, the actor, the camera rig and the stage
//! lights, and the systems that keep them in step with the stage's state.

use bevy::prelude::*;

use crate::crew::figure::{FigureParts, spawn_figure};
use crate::crew::hosts::HostSpot;
use crate::crew::model::{HairStyle, Look, Rgb};
use crate::stage::model::framing::{ACTOR_FEET, ACTOR_HEIGHT_M};
use crate::stage::model::scene::{Environment, TimeOfDay, Weather};
use crate::stage::state::{
    CinemaPose, StageActive, StageLights, StageSettings, StageSystems, StageView, TrackedPose,
    is_stage_stop, sample_tracking, stage_active,
};
use crate::stage::{cameras, virtual_world, wall};

/// Marks the physical cinema camera rig (seen in the witness view).
#[derive(Component)]
pub struct CameraRig;

fn move_rig(pose: Res<CinemaPose>, mut rig: Query<&mut Transform, With<CameraRig>>) {
    for mut t in &mut rig {
        t.translation = pose.0.position;
        t.rotation = pose.0.rotation;
    }
}

/// Build the whole stage: the virtual world, the wall and its cameras, the floor, the actor,
/// the camera rig and the stage lights. Everything is scoped to the level.
pub fn build_stage(
    mut commands: Commands,
    settings: Res<StageSettings>,
    tracked: Res<TrackedPose>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut wall_materials: ResMut<Assets<wall::LedWallMaterial>>,
    mut images: ResMut<Assets<Image>>,
    mut active: ResMut<StageActive>,
    mut main: Query<Entity, With<crate::tour::camera::MainCamera>>,
    window: Query<&Window, With<bevy::window::PrimaryWindow>>,
    stage_quality: Res<crate::stage::quality::StageQuality>,
    mut figures: ResMut<FigureParts>,
    current: Res<crate::tour::CurrentStop>,
) {
    let scope = DespawnOnExit(crate::tour::StopPhase::Level);
    let built = virtual_world::build_current(&settings);
    if let Some(built) = &built {
        virtual_world::spawn_virtual_world(
            &mut commands,
            &mut meshes,
            &mut materials,
            built,
            scope.clone(),
        );
    }
    let output = window
        .single()
        .map_or((1280, 720), |w| (w.physical_width(), w.physical_height()));
    let targets = cameras::spawn_stage_cameras(
        &mut commands,
        &mut images,
        &settings,
        &tracked,
        output,
        &stage_quality,
        scope.clone(),
    );
    // Every camera that sees the virtual world shares its fog and ambient light.
    if let Some(built) = &built {
        commands.insert_resource(VirtualLook::of(&built.environment));
    }
    let wall_material = wall_materials.add(wall::LedWallMaterial {
        params: wall::wall_params(&settings, &targets, &tracked.0),
        inner: targets.inner.clone(),
        outer: targets.outer.clone(),
    });
    commands.spawn((
        scope.clone(),
        Name::new("LED wall"),
        wall::LedWall {
            material: wall_material.clone(),
        },
        Mesh3d(meshes.add(wall::wall_mesh(&settings.geometry))),
        MeshMaterial3d(wall_material),
    ));
    commands.insert_resource(targets);
    // The stage floor, the actor and the camera rig, all physical (layer 0).
    spawn_floor_and_actor(
        &mut commands,
        &mut meshes,
        &mut materials,
        &mut figures,
        &settings,
        &scope,
    );
    // The stop's host waits at the open side of the volume: out of the wall's way and of the
    // cinema camera's usual shots, in the witness camera's view.
    commands.spawn((
        scope.clone(),
        Name::new("Host spot"),
        HostSpot { stop: current.0 },
        Transform::from_xyz(-3.0, 0.0, 1.0).looking_to(Vec3::new(1.0, 0.0, 0.3), Vec3::Y),
        Visibility::default(),
    ));
    spawn_camera_rig(&mut commands, &mut meshes, &mut materials, &scope);
    spawn_stage_lights(&mut commands, scope);
    for e in &mut main {
        commands
            .entity(e)
            .insert(bevy::camera::visibility::RenderLayers::layer(0));
    }
    active.0 = true;
}

/// The dark stage floor inside the wall, and the actor standing on it.
fn spawn_floor_and_actor(
    commands: &mut Commands,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
    figures: &mut FigureParts,
    settings: &StageSettings,
    scope: &DespawnOnExit<crate::tour::StopPhase>,
) {
    commands.spawn((
        scope.clone(),
        Name::new("Stage floor"),
        Mesh3d(meshes.add(Circle::new(settings.geometry.radius_m + 0.5))),
        MeshMaterial3d(materials.add(StandardMaterial {
            base_color: Color::srgb(0.09, 0.09, 0.1),
            perceptual_roughness: 0.9,
            ..default()
        })),
        Transform::from_rotation(Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2)),
    ));
    let actor = commands
        .spawn((
            scope.clone(),
            Name::new("Actor"),
            Actor,
            Transform::from_translation(ACTOR_FEET),
            Visibility::Visible,
        ))
        .id();
    // In costume, facing the cinema camera (a figure faces −Z; turn it round).
    let figure = spawn_figure(
        commands,
        figures,
        materials,
        &actor_look(),
        Transform::from_rotation(Quat::from_rotation_y(std::f32::consts::PI)),
    );
    commands.entity(figure).insert(ChildOf(actor));
}

/// The actor's costume: a deep red coat, as the capsule actor wore.
fn actor_look() -> Look {
    Look {
        skin: Rgb(0.85, 0.62, 0.48),
        hair: Rgb(0.10, 0.07, 0.05),
        hair_style: HairStyle::Long,
        top: Rgb(0.55, 0.18, 0.16),
        bottom: Rgb(0.16, 0.15, 0.18),
        height: ACTOR_HEIGHT_M,
        ..Look::default()
    }
}

/// The physical cinema camera (a body and a lens), moved to the camera's pose every frame.
fn spawn_camera_rig(
    commands: &mut Commands,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
    scope: &DespawnOnExit<crate::tour::StopPhase>,
) {
    commands
        .spawn((
            scope.clone(),
            Name::new("Cinema camera rig"),
            CameraRig,
            Transform::default(),
            Visibility::Visible,
        ))
        .with_children(|r| {
            let body = materials.add(Color::srgb(0.15, 0.15, 0.17));
            r.spawn((
                Mesh3d(meshes.add(Cuboid::new(0.18, 0.2, 0.32))),
                MeshMaterial3d(body.clone()),
                Transform::from_xyz(0.0, 0.0, 0.12),
            ));
            r.spawn((
                Mesh3d(meshes.add(Cylinder::new(0.06, 0.16))),
                MeshMaterial3d(body),
                Transform::from_xyz(0.0, 0.0, -0.1)
                    .with_rotation(Quat::from_rotation_x(std::f32::consts::FRAC_PI_2)),
            ));
        });
}

/// Stage key and fill lights; the wall's own light is approximated by the ambient
/// ([`VirtualLook::wall_light`]).
fn spawn_stage_lights(commands: &mut Commands, scope: DespawnOnExit<crate::tour::StopPhase>) {
    commands.spawn((
        scope.clone(),
        KeyLight,
        Name::new("Key light"),
        SpotLight {
            intensity: 400_000.0,
            range: 20.0,
            outer_angle: 0.6,
            color: Color::srgb(1.0, 0.85, 0.7),
            ..default()
        },
        Transform::from_xyz(2.5, 3.5, 0.5).looking_at(Vec3::new(0.0, 1.2, -2.5), Vec3::Y),
    ));
    commands.spawn((
        scope,
        FillLight,
        Name::new("Fill light"),
        PointLight {
            intensity: 60_000.0,
            range: 15.0,
            color: Color::srgb(0.7, 0.8, 1.0),
            ..default()
        },
        Transform::from_xyz(-3.0, 2.5, 1.0),
    ));
}

#[derive(Component)]
pub struct KeyLight;

#[derive(Component)]
pub struct FillLight;

/// Where a stage light hangs for an azimuth (0° from the wall, +90° from camera right), aimed
/// at the actor.
fn light_transform(azimuth_deg: f32, distance: f32, height: f32) -> Transform {
    let a = azimuth_deg.to_radians();
    let target = crate::stage::model::framing::ACTOR_FEET + Vec3::Y * 1.2;
    let at = crate::stage::model::framing::ACTOR_FEET
        + Vec3::new(a.sin() * distance, height, -a.cos() * distance);
    Transform::from_translation(at).looking_at(target, Vec3::Y)
}

/// The physical lights follow the gaffer's settings.
fn light_the_stage(
    lights: Res<StageLights>,
    mut key: Query<(&mut SpotLight, &mut Transform), (With<KeyLight>, Without<FillLight>)>,
    mut fill: Query<(&mut PointLight, &mut Transform), (With<FillLight>, Without<KeyLight>)>,
) {
    let colour = |c: [f32; 3]| Color::linear_rgb(c[0], c[1], c[2]);
    for (mut l, mut t) in &mut key {
        l.color = colour(lights.key.color);
        l.intensity = 900_000.0 * lights.key.intensity;
        *t = light_transform(lights.key.azimuth_deg, 3.5, 2.5);
    }
    for (mut l, mut t) in &mut fill {
        l.color = colour(lights.fill.color);
        l.intensity = 300_000.0 * lights.fill.intensity;
        *t = light_transform(lights.fill.azimuth_deg, 3.0, 1.5);
    }
}

/// A new scene, time of day or weather: rebuild the virtual world "with a few clicks".
fn rebuild_virtual_world(
    mut commands: Commands,
    settings: Res<StageSettings>,
    parts: Query<Entity, With<virtual_world::VirtualWorldPart>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut built_for: Local<Option<(usize, TimeOfDay, Weather)>>,
) {
    let key = (settings.scene, settings.time, settings.weather);
    let first = built_for.is_none();
    if *built_for == Some(key) {
        return;
    }
    *built_for = Some(key);
    if first && !parts.is_empty() {
        return; // build_stage has just built this very scene
    }
    for e in &parts {
        commands.entity(e).despawn();
    }
    if let Some(built) = virtual_world::build_current(&settings) {
        virtual_world::spawn_virtual_world(
            &mut commands,
            &mut meshes,
            &mut materials,
            &built,
            DespawnOnExit(crate::tour::StopPhase::Level),
        );
        commands.insert_resource(VirtualLook::of(&built.environment));
    }
}

/// Marks the actor standing in front of the wall.
#[derive(Component)]
pub struct Actor;

/// Fog and ambient of the virtual world, applied to every camera that looks at it.
#[derive(Resource, Debug, Clone)]
pub struct VirtualLook {
    pub fog: bevy::pbr::DistanceFog,
    pub ambient: AmbientLight,
    /// The light the wall itself throws on the actor and the floor (the outer frustum's
    /// glow): the scene's horizon colour, all round. An approximation of real image-based
    /// light from the wall.
    pub wall_light: AmbientLight,
}

impl VirtualLook {
    /// The look of a lit virtual world.
    fn of(env: &Environment) -> Self {
        Self {
            fog: virtual_world::fog_for(env),
            ambient: virtual_world::ambient_for(env),
            wall_light: wall_light_for(env),
        }
    }
}

fn wall_light_for(env: &Environment) -> AmbientLight {
    let [r, g, b] = env.sky_horizon;
    AmbientLight {
        color: Color::linear_rgb(r, g, b),
        brightness: 260.0,
        ..default()
    }
}

/// Keep fog and ambient on the cameras that see the virtual world (and off the others).
fn apply_virtual_look(
    mut commands: Commands,
    look: Option<Res<VirtualLook>>,
    settings: Res<StageSettings>,
    inner: Query<
        Entity,
        Or<(
            With<cameras::InnerFrustumCamera>,
            With<cameras::OuterFrustumCamera>,
        )>,
    >,
    main: Query<Entity, With<crate::tour::camera::MainCamera>>,
) {
    let Some(look) = look else { return };
    // Only when the look or the view changes (new scene, new cameras, camera ↔ direct).
    if !look.is_changed() && !settings.is_changed() {
        return;
    }
    for e in &inner {
        commands
            .entity(e)
            .insert((look.fog.clone(), look.ambient.clone()));
    }
    for e in &main {
        if settings.view == StageView::Direct {
            commands
                .entity(e)
                .insert((look.fog.clone(), look.ambient.clone()));
        } else {
            commands
                .entity(e)
                .remove::<bevy::pbr::DistanceFog>()
                .insert(look.wall_light.clone());
        }
    }
}

fn teardown_stage(
    mut commands: Commands,
    mut active: ResMut<StageActive>,
    main: Query<Entity, With<crate::tour::camera::MainCamera>>,
) {
    active.0 = false;
    commands.remove_resource::<cameras::StageTargets>();
    commands.remove_resource::<VirtualLook>();
    for e in &main {
        commands
            .entity(e)
            .remove::<(bevy::pbr::DistanceFog, AmbientLight)>();
    }
}

/// Hide the studio lot and its sun while the stage is up (the stage is a dark sound stage).
fn hide_lot(
    active: Res<StageActive>,
    mut lot: Query<&mut Visibility, With<crate::tour::lot::LotPart>>,
) {
    if !active.is_changed() {
        return;
    }
    for mut v in &mut lot {
        *v = if active.0 {
            Visibility::Hidden
        } else {
            Visibility::Inherited
        };
    }
}

/// Build the set when a stage level starts, keep it in step, take it down at the end.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(crate::tour::StopPhase::Level),
        build_stage.run_if(is_stage_stop),
    )
    .add_systems(
        OnExit(crate::tour::StopPhase::Level),
        (teardown_stage, cameras::restore_main_camera).run_if(stage_active),
    )
    .add_systems(
        PostUpdate,
        (
            move_rig.in_set(StageSystems::Track).after(sample_tracking),
            apply_virtual_look.in_set(StageSystems::Cameras),
            (rebuild_virtual_world, light_the_stage).in_set(StageSystems::Cameras),
        )
            .run_if(stage_active),
    )
    .add_systems(Update, hide_lot);
}
