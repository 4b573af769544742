//! Stop 2's virtual-production stage, the Bevy side. The maths is in the pure modules
//! (`led`, `projection`, `moire`, `tracking`, `virtual_scene`); these plugins turn it into
//! entities: the virtual world on its own render layer, the inner-frustum and outer-frustum
//! cameras that render it, the LED wall whose shader shows their pictures pixel by pixel, and
//! the cinema camera that films the result.

use bevy::prelude::*;

pub mod bench;
pub mod cameras;
pub mod model;
pub mod virtual_world;
pub mod wall;

use crate::stage::model::led::StageGeometry;
use crate::stage::model::projection::{CameraPose, Lens};
use crate::stage::model::scene::{SceneDescription, TimeOfDay, Weather};

/// The render layer of the game-engine world shown on the wall. The physical stage (wall, floor,
/// actor, camera rig) is on layer 0, like everything else.
pub const VIRTUAL_LAYER: usize = 1;

/// What the stage is doing: chosen by the level, the UI or `backlot capture`.
#[derive(Resource, Debug, Clone)]
pub struct StageSettings {
    pub geometry: StageGeometry,
    pub scenes: Vec<SceneDescription>,
    pub scene: usize,
    pub time: TimeOfDay,
    pub weather: Weather,
    pub lens: Lens,
    /// Inner-frustum overscan, 1.0–1.5.
    pub overscan: f32,
    /// Snap the wall to its LED pixel grid (off only for comparisons).
    pub quantize: bool,
    /// Freeze the outer frustum (it stops following scene changes).
    pub freeze_outer: bool,
    pub view: StageView,
}

/// What the window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StageView {
    /// What the cinema camera records: the actor in front of the wall.
    #[default]
    Camera,
    /// A third-person view of the stage, the rig and the frustum.
    Witness,
    /// The virtual scene straight from the camera pose, no stage: the ground truth.
    Direct,
}

impl StageView {
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "camera" => Some(Self::Camera),
            "witness" => Some(Self::Witness),
            "direct" => Some(Self::Direct),
            _ => None,
        }
    }
}

/// The physical cinema camera's true pose this frame (before tracking).
#[derive(Resource, Debug, Clone, Copy)]
pub struct CinemaPose(pub CameraPose);

impl Default for CinemaPose {
    fn default() -> Self {
        // Back from the actor, a little above eye level: the actor whole, the wall behind.
        Self(
            CameraPose::looking_at(Vec3::new(0.0, 1.5, 3.5), Vec3::new(0.0, 1.3, -6.0), Vec3::Y)
                .unwrap_or(CameraPose {
                    position: Vec3::new(0.0, 1.5, 3.5),
                    rotation: Quat::IDENTITY,
                }),
        )
    }
}

/// The pose the render engine sees this frame, after tracking latency and jitter.
#[derive(Resource, Debug, Clone, Copy)]
pub struct TrackedPose(pub CameraPose);

impl Default for TrackedPose {
    fn default() -> Self {
        Self(CinemaPose::default().0)
    }
}

/// Whether the stage is built right now.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct StageActive(pub bool);

/// Ordering inside `PostUpdate`: poses first, then cameras, then the wall's uniforms.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum StageSystems {
    Track,
    Cameras,
    Wall,
}

impl Default for StageSettings {
    fn default() -> Self {
        let geometry = StageGeometry::load_ron(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenes/stage.ron"
        )))
        .unwrap_or_default();
        let scenes = crate::stage::model::scene::bundled_scenes();
        let (time, weather) = scenes
            .first()
            .map_or((TimeOfDay::Noon, Weather::Clear), |s| (s.time, s.weather));
        Self {
            geometry,
            scenes,
            scene: 0,
            time,
            weather,
            lens: Lens::default(),
            overscan: 1.15,
            quantize: true,
            freeze_outer: false,
            view: StageView::Camera,
        }
    }
}

impl StageSettings {
    /// Read the stage and the scenes from `scenes/`; anything missing or broken falls back to
    /// the copy built into the game, and the problems are returned for the player to see.
    pub fn load(dir: &std::path::Path) -> (Self, Vec<String>) {
        let mut settings = Self::default();
        let mut problems = Vec::new();
        let stage_file = dir.join("stage.ron");
        match std::fs::read_to_string(&stage_file) {
            Ok(text) => match StageGeometry::load_ron(&text) {
                Ok(g) => settings.geometry = g,
                Err(e) => problems.push(format!("{}: {e}", stage_file.display())),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => problems.push(format!("{}: {e}", stage_file.display())),
        }
        let (scenes, errors) = crate::stage::model::scene::load_scenes_with_fallback(dir);
        problems.extend(errors.iter().map(ToString::to_string));
        if !scenes.is_empty() {
            settings.scenes = scenes;
        }
        if let Some(first) = settings.scenes.first() {
            settings.time = first.time;
            settings.weather = first.weather;
        }
        (settings, problems)
    }

    pub fn find_scene(&self, name: &str) -> Option<usize> {
        let want = name.to_ascii_lowercase().replace(['-', ' '], "_");
        self.scenes
            .iter()
            .position(|s| s.name.to_ascii_lowercase().replace(['-', ' '], "_") == want)
    }

    pub fn current_scene(&self) -> Option<&SceneDescription> {
        self.scenes.get(self.scene)
    }
}

/// The stage's state, with no renderer: settings, poses, tracking, stage lights. Part of the
/// game logic, so the Stop 2 level also runs headless in tests.
pub(crate) fn state_plugin(app: &mut App) {
    let config = app.world().resource::<crate::GameConfig>().clone();
    let seed = config.seed;
    let (settings, problems) = StageSettings::load(&crate::tour::model::content::scenes_dir_for(
        &config.assets_dir,
    ));
    {
        let mut notices = app.world_mut().resource_mut::<crate::tour::Notices>();
        for p in problems {
            notices.warn(format!(
                "Stage content problem, using the built-in copy: {p}"
            ));
        }
    }
    app.insert_resource(settings)
        .init_resource::<StageStops>()
        .init_resource::<CinemaPose>()
        .init_resource::<TrackedPose>()
        .init_resource::<StageActive>()
        .init_resource::<StageLights>()
        .insert_resource(Tracker(crate::stage::model::tracking::TrackingSystem::new(
            crate::stage::model::tracking::TrackingSettings::IDEAL,
            seed,
        )))
        .configure_sets(
            PostUpdate,
            (
                StageSystems::Track,
                StageSystems::Cameras,
                StageSystems::Wall,
            )
                .chain()
                .before(TransformSystems::Propagate),
        )
        .add_systems(Startup, apply_stage_preview)
        .add_systems(
            PostUpdate,
            sample_tracking
                .in_set(StageSystems::Track)
                .run_if(in_state(crate::tour::StopPhase::Level).and_then(is_stage_stop)),
        );
}

/// The stage's rendering: wall, virtual world, cameras, the physical set.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        wall::plugin,
        virtual_world::plugin,
        cameras::plugin,
        lifecycle_plugin,
    ));
}

/// The physical stage lights, as the gaffer has set them (key and fill).
#[derive(Resource, Debug, Clone)]
pub struct StageLights {
    pub key: crate::stage::model::lighting::StageLight,
    pub fill: crate::stage::model::lighting::StageLight,
    /// The colour temperatures the sliders show (the lights' colours come from them).
    pub key_kelvin: f32,
    pub fill_kelvin: f32,
}

impl Default for StageLights {
    fn default() -> Self {
        use crate::stage::model::lighting::{LightKind, StageLight};
        Self {
            key: StageLight::from_kelvin(LightKind::Key, 5600.0, 0.6, 40.0),
            fill: StageLight::from_kelvin(LightKind::Fill, 5600.0, 0.2, -140.0),
            key_kelvin: 5600.0,
            fill_kelvin: 5600.0,
        }
    }
}

impl StageLights {
    pub fn as_vec(&self) -> Vec<crate::stage::model::lighting::StageLight> {
        vec![self.key, self.fill]
    }
}

/// The tracking system in the ECS (the maths is `crate::stage::model::tracking`).
#[derive(Resource, Debug)]
pub struct Tracker(pub crate::stage::model::tracking::TrackingSystem);

/// Marks the physical cinema camera rig (seen in the witness view).
#[derive(Component)]
pub struct CameraRig;

/// Sample the tracker once per update: frame N's tracked pose comes from frame N's true pose
/// (latency 0) or from k updates before (latency k).
pub fn sample_tracking(
    pose: Res<CinemaPose>,
    mut tracker: ResMut<Tracker>,
    mut tracked: ResMut<TrackedPose>,
) {
    tracked.0 = tracker.0.sample(pose.0).pose;
}

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
        scope.clone(),
    );
    // Every camera that sees the virtual world shares its fog and ambient light.
    if let Some(built) = &built {
        let env = &built.environment;
        commands.insert_resource(VirtualLook {
            fog: virtual_world::fog_for(env),
            ambient: virtual_world::ambient_for(env),
            wall_light: wall_light_for(env),
        });
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
    let skin = materials.add(Color::srgb(0.85, 0.62, 0.48));
    let costume = materials.add(Color::srgb(0.55, 0.18, 0.16));
    commands
        .spawn((
            scope.clone(),
            Name::new("Actor"),
            Actor,
            Transform::from_xyz(0.0, 0.0, -2.5),
            Visibility::Visible,
        ))
        .with_children(|a| {
            a.spawn((
                Mesh3d(meshes.add(Capsule3d::new(0.22, 1.0))),
                MeshMaterial3d(costume.clone()),
                Transform::from_xyz(0.0, 0.95, 0.0),
            ));
            a.spawn((
                Mesh3d(meshes.add(Sphere::new(0.14))),
                MeshMaterial3d(skin.clone()),
                Transform::from_xyz(0.0, 1.68, 0.0),
            ));
        });
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
    // Stage key and fill lights; the wall's own light is approximated by the ambient below.
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
    for e in &mut main {
        commands
            .entity(e)
            .insert(bevy::camera::visibility::RenderLayers::layer(0));
    }
    active.0 = true;
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
        commands.insert_resource(VirtualLook {
            fog: virtual_world::fog_for(&built.environment),
            ambient: virtual_world::ambient_for(&built.environment),
            wall_light: wall_light_for(&built.environment),
        });
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

fn wall_light_for(env: &crate::stage::model::scene::Environment) -> AmbientLight {
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

/// The stops whose level is filmed on the full stage. A stop adds itself (`films_on_stage`),
/// so the stage never needs to know which stops use it.
#[derive(Resource, Debug, Default, Clone)]
pub struct StageStops(pub Vec<usize>);

/// Called by a stop's plugin: put the full stage up during `stop`'s level.
pub fn films_on_stage(app: &mut App, stop: usize) {
    app.world_mut()
        .get_resource_or_init::<StageStops>()
        .0
        .push(stop);
}

/// The stage is up during the level of a stop that films on it.
pub fn is_stage_stop(current: Res<crate::tour::CurrentStop>, stops: Res<StageStops>) -> bool {
    stops.0.contains(&current.0)
}

fn stage_active(active: Res<StageActive>) -> bool {
    active.0
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

/// Apply a capture's stage set-up (`--scene`, `--camera-pos`, …) to the settings and the pose.
fn apply_stage_preview(
    config: Res<crate::GameConfig>,
    mut settings: ResMut<StageSettings>,
    mut pose: ResMut<CinemaPose>,
    mut tracked: ResMut<TrackedPose>,
    mut notices: ResMut<crate::tour::Notices>,
) {
    let Some(preview) = &config.stage else { return };
    if let Some(name) = &preview.scene {
        match settings.find_scene(name) {
            Some(i) => {
                settings.scene = i;
                if let Some((time, weather)) = settings.scenes.get(i).map(|s| (s.time, s.weather)) {
                    settings.time = time;
                    settings.weather = weather;
                }
            }
            None => notices.warn(format!("No scene called '{name}'; showing the first one.")),
        }
    }
    settings.lens.focal_mm = preview.focal_mm;
    if let Some(f) = preview.focus_m {
        settings.lens.focus_distance_m = f;
    }
    settings.view = StageView::parse(&preview.view).unwrap_or_default();
    match CameraPose::looking_at(preview.camera_pos, preview.camera_look_at, Vec3::Y) {
        Some(p) => {
            pose.0 = p;
            tracked.0 = p;
        }
        None => notices.warn("The camera cannot look at its own position; using the default pose."),
    }
}

pub(crate) fn lifecycle_plugin(app: &mut App) {
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
