//! The studio lot: the tour map in 3D. Seven stop buildings line a street; the player walks
//! between them (WASD or arrows) and presses Enter at a door, or picks a stop from the list.
//! Locked buildings are grey with a padlock; passed ones fly a flag. The sun that lights the
//! lot is spawned here too, as part of the lot; what dresses the lot is in `lot_dressing`.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use crate::GameConfig;
use crate::crew::animate::Stride;
use crate::crew::figure::{FigureParts, spawn_figure};
use crate::crew::model::{HairStyle, Look, Rgb};
use crate::tour::camera::CameraGoal;
use crate::tour::lot_dressing::CutAway;
use crate::tour::model::content::STOP_COUNT;
use crate::tour::{CurrentStop, SaveData, Screen, TourCommand};

pub use crate::tour::model::backlot::door_position;
use crate::tour::model::backlot::{FRONT_Z, building_center, building_size, follow_camera};

/// Each stop's signature colour (paired with its number and name everywhere it appears).
pub const STOP_COLORS: [Color; STOP_COUNT] = [
    Color::srgb(0.93, 0.60, 0.20),
    Color::srgb(0.55, 0.45, 0.85),
    Color::srgb(0.20, 0.65, 0.85),
    Color::srgb(0.85, 0.35, 0.45),
    Color::srgb(0.95, 0.45, 0.70),
    Color::srgb(0.25, 0.75, 0.55),
    Color::srgb(0.95, 0.80, 0.25),
];

const LOCKED_COLOR: Color = Color::srgb(0.45, 0.45, 0.48);
/// How close (metres) the player must be to a door to enter with Enter.
pub const DOOR_RADIUS: f32 = 3.5;
const WALK_SPEED: f32 = 9.0;
/// The player's transform sits at the middle of the body, as the old capsule's centre did (the
/// camera frames it there); the figure stands below it with its feet on the ground.
const PLAYER_Y: f32 = 0.95;

/// The student who walks the lot: a blue hoodie, so they never look like a host.
fn student_look() -> Look {
    Look {
        skin: Rgb(0.72, 0.53, 0.40),
        hair: Rgb(0.16, 0.11, 0.08),
        hair_style: HairStyle::Short,
        top: Rgb(0.16, 0.42, 0.80),
        bottom: Rgb(0.22, 0.24, 0.30),
        height: 1.6,
        ..Look::default()
    }
}

#[derive(Component)]
pub struct Player;

/// Everything of the lot, hidden while a stop builds its own set in the same space.
#[derive(Component)]
pub struct LotPart;

#[derive(Component)]
pub struct StopBuilding {
    pub stop: usize,
}

#[derive(Component)]
struct LockMarker(usize);

#[derive(Component)]
struct PassedFlag(usize);

/// The stop whose door the player is standing at, if any.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct NearStop(pub Option<usize>);

fn spawn_lot(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut figures: ResMut<FigureParts>,
) {
    spawn_ground(&mut commands, &mut meshes, &mut materials);
    let parts = StageParts::new(&mut meshes, &mut materials);
    for stop in 0..STOP_COUNT {
        spawn_stage(&mut commands, &mut meshes, &mut materials, &parts, stop);
    }
    let player = commands
        .spawn((
            LotPart,
            Name::new("Player"),
            Player,
            Transform::from_translation(door_position(0) + Vec3::new(0.0, PLAYER_Y, 3.0))
                .looking_to(Vec3::Z, Vec3::Y),
            Visibility::default(),
        ))
        .id();
    let figure = spawn_figure(
        &mut commands,
        &mut figures,
        &mut materials,
        &student_look(),
        Transform::from_xyz(0.0, -PLAYER_Y, 0.0),
    );
    commands
        .entity(figure)
        .insert((Stride::default(), ChildOf(player)));
    spawn_sun(&mut commands);
}

/// The lot's sun, as opposed to a stop's own key light or a virtual world's sun.
#[derive(Component)]
pub struct LotSun;

/// One sun at a time: while a stop's set has its own directional light (Stop 1's key light,
/// the stage's virtual sun), the lot's sun is off. WebGL2 renders a single directional light
/// and would drop one of the two; on the desktop it keeps a set's lighting its own.
fn one_sun(
    other_suns: Query<(), (With<DirectionalLight>, Without<LotSun>)>,
    mut lot_sun: Query<&mut Visibility, With<LotSun>>,
) {
    let wanted = if other_suns.is_empty() {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    };
    for mut visibility in &mut lot_sun {
        if *visibility != wanted {
            *visibility = wanted;
        }
    }
}

/// The sun lights the lot, so it is part of it: hidden with the rest while a stop builds its
/// own set and lighting.
fn spawn_sun(commands: &mut Commands) {
    commands.spawn((
        LotPart,
        LotSun,
        Name::new("Sun"),
        DirectionalLight {
            illuminance: 9_000.0,
            // Until the quality is known: `lot_shadows` turns them on where it allows.
            shadow_maps_enabled: false,
            ..default()
        },
        // The lot is small: two cascades cover it from the walker out to the water tower.
        bevy::light::CascadeShadowConfigBuilder {
            num_cascades: 2,
            first_cascade_far_bound: 30.0,
            maximum_distance: 90.0,
            ..default()
        }
        .build(),
        Transform::from_xyz(20.0, 40.0, 10.0).looking_at(Vec3::ZERO, Vec3::Y),
    ));
}

/// The lot's sun casts shadows where the stage quality allows (not at Low, the Chromebook's
/// and the software renderer's level).
fn lot_shadows(
    quality: Option<Res<crate::stage::quality::StageQuality>>,
    mut sun: Query<&mut DirectionalLight, With<LotSun>>,
) {
    let Some(quality) = quality else { return };
    if !quality.is_changed() {
        return;
    }
    let on = quality.params().shadows;
    for mut light in &mut sun {
        if light.shadow_maps_enabled != on {
            light.shadow_maps_enabled = on;
        }
    }
}

/// The grass and the street between the two rows of stages.
fn spawn_ground(
    commands: &mut Commands,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
) {
    let ground = materials.add(StandardMaterial {
        base_color: Color::srgb(0.36, 0.52, 0.33),
        perceptual_roughness: 1.0,
        ..default()
    });
    let road = materials.add(StandardMaterial {
        base_color: Color::srgb(0.25, 0.25, 0.27),
        perceptual_roughness: 0.9,
        ..default()
    });
    commands.spawn((
        LotPart,
        Name::new("Lot ground"),
        Mesh3d(meshes.add(Plane3d::default().mesh().size(120.0, 80.0))),
        MeshMaterial3d(ground),
    ));
    commands.spawn((
        LotPart,
        Name::new("Street"),
        Mesh3d(meshes.add(Cuboid::new(76.0, 0.05, 6.0))),
        MeshMaterial3d(road),
        Transform::from_xyz(0.0, 0.02, 0.0),
    ));
}

/// Meshes and materials every sound stage shares.
struct StageParts {
    door: Handle<Mesh>,
    lock_ring: Handle<Mesh>,
    lock_body: Handle<Mesh>,
    pole: Handle<Mesh>,
    flag: Handle<Mesh>,
    metal: Handle<StandardMaterial>,
    green: Handle<StandardMaterial>,
    door_mat: Handle<StandardMaterial>,
}

impl StageParts {
    fn new(meshes: &mut Assets<Mesh>, materials: &mut Assets<StandardMaterial>) -> Self {
        Self {
            door: meshes.add(Cuboid::new(2.4, 3.2, 0.2)),
            lock_ring: meshes.add(Torus::new(0.35, 0.6)),
            lock_body: meshes.add(Cuboid::new(1.3, 1.0, 0.4)),
            pole: meshes.add(Cylinder::new(0.08, 4.0)),
            flag: meshes.add(Cuboid::new(1.6, 1.0, 0.05)),
            metal: materials.add(StandardMaterial {
                base_color: Color::srgb(0.85, 0.78, 0.3),
                metallic: 0.6,
                ..default()
            }),
            green: materials.add(Color::srgb(0.2, 0.75, 0.3)),
            door_mat: materials.add(Color::srgb(0.15, 0.15, 0.18)),
        }
    }
}

/// One sound stage: the building (its own material, coloured by `refresh_lot`), its door, a
/// padlock over the door and a flag beside it.
fn spawn_stage(
    commands: &mut Commands,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
    parts: &StageParts,
    stop: usize,
) {
    let center = building_center(stop);
    let door = door_position(stop);
    let size = building_size(stop);
    commands.spawn((
        LotPart,
        Name::new(format!("Stage {stop}")),
        StopBuilding { stop },
        Mesh3d(meshes.add(Cuboid::new(size.x, size.y, size.z))),
        MeshMaterial3d(materials.add(LOCKED_COLOR)),
        Transform::from_translation(center),
    ));
    commands.spawn((
        LotPart,
        Mesh3d(parts.door.clone()),
        MeshMaterial3d(parts.door_mat.clone()),
        Transform::from_translation(Vec3::new(door.x, 1.6, door.z.signum() * (FRONT_Z - 0.05))),
    ));
    let lock_at = Vec3::new(door.x, 4.4, door.z + door.z.signum() * 0.8);
    commands
        .spawn((
            LotPart,
            LockMarker(stop),
            Transform::from_translation(lock_at),
            Visibility::Visible,
        ))
        .with_children(|lock| {
            lock.spawn((
                Mesh3d(parts.lock_ring.clone()),
                MeshMaterial3d(parts.metal.clone()),
                Transform::from_xyz(0.0, 0.55, 0.0)
                    .with_rotation(Quat::from_rotation_x(std::f32::consts::FRAC_PI_2)),
            ));
            lock.spawn((
                Mesh3d(parts.lock_body.clone()),
                MeshMaterial3d(parts.metal.clone()),
            ));
        });
    let flag_at = Vec3::new(door.x + 2.5, 0.0, door.z);
    commands
        .spawn((
            LotPart,
            PassedFlag(stop),
            Transform::from_translation(flag_at),
            Visibility::Hidden,
        ))
        .with_children(|f| {
            f.spawn((
                Mesh3d(parts.pole.clone()),
                MeshMaterial3d(parts.metal.clone()),
                Transform::from_xyz(0.0, 2.0, 0.0),
            ));
            f.spawn((
                Mesh3d(parts.flag.clone()),
                MeshMaterial3d(parts.green.clone()),
                Transform::from_xyz(0.8, 3.4, 0.0),
            ));
        });
}

/// Padlocks over locked doors, except on a building shown see-through (the lock would hang
/// between the camera and the player).
fn refresh_locks(
    save: Res<SaveData>,
    cut: Res<CutAway>,
    mut locks: Query<(&LockMarker, &mut Visibility)>,
) {
    for (lock, mut vis) in &mut locks {
        let wanted = if save.progress.is_unlocked(lock.0) || cut.0[lock.0] {
            Visibility::Hidden
        } else {
            Visibility::Visible
        };
        if *vis != wanted {
            *vis = wanted;
        }
    }
}

/// Colour stages by lock state and show flags. Runs when progress may have changed.
fn refresh_lot(
    save: Res<SaveData>,
    buildings: Query<(&StopBuilding, &MeshMaterial3d<StandardMaterial>)>,
    mut flags: Query<(&PassedFlag, &mut Visibility)>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    for (b, mat) in &buildings {
        if let Some(mut m) = materials.get_mut(&mat.0) {
            m.base_color = if save.progress.is_unlocked(b.stop) {
                STOP_COLORS[b.stop]
            } else {
                LOCKED_COLOR
            };
        }
    }
    for (flag, mut vis) in &mut flags {
        *vis = if save.progress.gate_passed(flag.0) {
            Visibility::Visible
        } else {
            Visibility::Hidden
        };
    }
}

fn walk(
    time: Res<Time>,
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    mut player: Query<&mut Transform, With<Player>>,
) {
    if crate::tour::input::typing(&wants) {
        return;
    }
    let Ok(mut t) = player.single_mut() else {
        return;
    };
    let mut dir = Vec3::ZERO;
    if keys.any_pressed([KeyCode::KeyW, KeyCode::ArrowUp]) {
        dir.z -= 1.0;
    }
    if keys.any_pressed([KeyCode::KeyS, KeyCode::ArrowDown]) {
        dir.z += 1.0;
    }
    if keys.any_pressed([KeyCode::KeyA, KeyCode::ArrowLeft]) {
        dir.x -= 1.0;
    }
    if keys.any_pressed([KeyCode::KeyD, KeyCode::ArrowRight]) {
        dir.x += 1.0;
    }
    if dir == Vec3::ZERO {
        return;
    }
    let run = if keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]) {
        2.0
    } else {
        1.0
    };
    let dir = dir.normalize();
    t.translation += dir * WALK_SPEED * run * time.delta_secs();
    // Turn to face the way they walk, quickly but not in one frame.
    let heading = Transform::IDENTITY.looking_to(dir, Vec3::Y).rotation;
    t.rotation = t
        .rotation
        .slerp(heading, (time.delta_secs() * 12.0).min(1.0));
    // Stay on the lot, in front of the stages.
    t.translation.x = t.translation.x.clamp(-36.0, 36.0);
    t.translation.z = t.translation.z.clamp(-7.5, 7.5);
}

fn find_near_stop(player: Query<&Transform, With<Player>>, mut near: ResMut<NearStop>) {
    let Ok(t) = player.single() else { return };
    let here = Vec3::new(t.translation.x, 0.0, t.translation.z);
    let found = (0..STOP_COUNT)
        .map(|s| (s, door_position(s).distance(here)))
        .filter(|(_, d)| *d <= DOOR_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(s, _)| s);
    if near.0 != found {
        near.0 = found;
    }
}

fn enter_near_stop(
    keys: Res<ButtonInput<KeyCode>>,
    near: Res<NearStop>,
    mut tour: MessageWriter<TourCommand>,
) {
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter])
        && let Some(stop) = near.0
    {
        tour.write(TourCommand::OpenStop(stop));
    }
}

fn follow_player(player: Query<&Transform, With<Player>>, mut goal: ResMut<CameraGoal>) {
    let Ok(t) = player.single() else { return };
    (goal.eye, goal.target) = follow_camera(t.translation);
}

/// Put the player in front of the stop they came from, and frame the lot.
fn arrive_on_map(
    current: Res<CurrentStop>,
    mut player: Query<&mut Transform, With<Player>>,
    mut goal: ResMut<CameraGoal>,
) {
    if let Ok(mut t) = player.single_mut() {
        let door = door_position(current.0);
        t.translation = Vec3::new(door.x, PLAYER_Y, door.z * 0.35);
        // Turned to the camera, as if to say: where next?
        t.rotation = Transform::IDENTITY.looking_to(Vec3::Z, Vec3::Y).rotation;
        (goal.eye, goal.target) = follow_camera(t.translation);
        goal.snap = true;
    }
}

fn frame_title(mut goal: ResMut<CameraGoal>) {
    goal.eye = Vec3::new(-6.0, 34.0, 58.0);
    goal.target = Vec3::new(0.0, 0.0, 0.0);
    goal.snap = true;
}

/// Inside a stop, the camera looks at its sound stage (levels with a set move it there).
fn frame_stop(current: Res<CurrentStop>, mut goal: ResMut<CameraGoal>) {
    let door = door_position(current.0);
    let out = -door.z.signum();
    goal.eye = door + Vec3::new(-6.0, 4.0, out * 12.0);
    goal.target = building_center(current.0);
    goal.snap = true;
}

fn slow_orbit(
    time: Res<Time>,
    config: Res<GameConfig>,
    settings: Option<Res<crate::ui::theme::UiSettings>>,
    mut goal: ResMut<CameraGoal>,
) {
    if config.capture.is_some() || settings.is_some_and(|s| s.reduced_motion) {
        return;
    }
    let a = time.elapsed_secs() * 0.05;
    goal.eye = Vec3::new(60.0 * a.sin(), 34.0, 60.0 * a.cos());
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<NearStop>()
        .init_resource::<CutAway>()
        .add_systems(Startup, spawn_lot)
        .add_systems(PostUpdate, one_sun)
        .add_systems(Update, lot_shadows)
        .add_systems(
            PostUpdate,
            refresh_locks.run_if(resource_changed::<CutAway>.or_else(resource_changed::<SaveData>)),
        )
        .add_systems(OnEnter(Screen::Title), (frame_title, refresh_lot))
        .add_systems(OnEnter(Screen::Map), (arrive_on_map, refresh_lot))
        .add_systems(OnEnter(Screen::Stop), frame_stop)
        .add_systems(OnEnter(crate::tour::StopPhase::Gate), frame_stop)
        .add_systems(Update, slow_orbit.run_if(in_state(Screen::Title)))
        .add_systems(
            Update,
            (walk, find_near_stop, enter_near_stop, follow_player)
                .chain()
                .run_if(in_state(Screen::Map)),
        );
}
