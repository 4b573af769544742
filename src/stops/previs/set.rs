//! Stop 1's grey-box set: low-poly props and simple figures, filmed by the previs camera.
//! The main camera becomes the virtual camera of the shot on screen (position, aim, lens and
//! move from `crate::stops::previs::model`), in a frame of the Super 35 shape to the right of the panel,
//! and the shot's mood lighting sets the key, the fill, the sky, the fog and the colour grade.
//!
//! The set lives on its own render layer, so the studio lot and its sun never light it.

use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;
use bevy::render::view::ColorGrading;

use crate::crew::animate::Stride;
use crate::crew::figure::{FigureParts, spawn_figure_on};
use crate::crew::hosts::HostSpot;
use crate::crew::model::{HairStyle, Look, Rgb};
use crate::stage::cameras::{OffAxisProjection, window_frustum};
use crate::stage::model::lighting::kelvin_to_linear_rgb;
use crate::stops::previs::level::{PrevisState, STOP};
use crate::stops::previs::model::{
    Character, FRAME_ASPECT, Grade, MoodLighting, PrevisTime, Prop, PropKind, ShotSetup, camera_at,
    subject_at, vertical_fov_radians,
};
use crate::tour::camera::MainCamera;
use crate::tour::{CurrentStop, StopPhase};

/// The render layer of the previs set (0 is the lot, 1 the stage's virtual world).
pub const PREVIS_LAYER: usize = 2;
/// The part of the window's width the UI panel takes; the shot is framed to its right.
pub const PANEL_FRACTION: f32 = 0.44;

#[derive(Component, Clone)]
struct PrevisPart;

/// A character of the storyboard, moved along its blocking during playback.
#[derive(Component)]
struct PrevisCharacter(String);

#[derive(Component)]
struct KeyLight;

/// What every entity of the set carries: the marker, despawn with the level, the set's layer.
type SetScope = (PrevisPart, DespawnOnExit<StopPhase>, RenderLayers);

/// Build (or rebuild, when the storyboard changes) the set for the storyboard in play.
fn build_set(
    mut commands: Commands,
    state: Option<Res<PrevisState>>,
    parts: Query<Entity, With<PrevisPart>>,
    mut built_for: Local<Option<usize>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut figures: ResMut<FigureParts>,
) {
    let Some(state) = state else {
        *built_for = None;
        return;
    };
    if *built_for == Some(state.storyboard_index) && !parts.is_empty() {
        return;
    }
    for e in &parts {
        commands.entity(e).despawn();
    }
    *built_for = Some(state.storyboard_index);
    let layer = RenderLayers::layer(PREVIS_LAYER);
    let scope = (PrevisPart, DespawnOnExit(StopPhase::Level), layer);
    spawn_floor(&mut commands, &mut meshes, &mut materials, &scope);
    spawn_props(
        &mut commands,
        &mut meshes,
        &mut materials,
        &scope,
        &state.storyboard.props,
    );
    spawn_characters(
        &mut commands,
        &mut figures,
        &mut materials,
        &scope,
        &state.storyboard.characters,
    );
    // The stop's host watches from the edge of the set, away from the storyboard's action.
    commands.spawn((
        scope.clone(),
        HostSpot { stop: STOP },
        Transform::from_xyz(8.0, 0.0, 12.0).looking_at(Vec3::ZERO, Vec3::Y),
        Visibility::default(),
    ));
    commands.spawn((
        scope,
        KeyLight,
        DirectionalLight {
            illuminance: 8000.0,
            shadow_maps_enabled: true,
            ..default()
        },
        Transform::default(),
    ));
}

/// A colour from the content file's linear RGB.
fn linear(c: [f32; 3]) -> Color {
    Color::linear_rgb(c[0], c[1], c[2])
}

/// The grey floor with its grid.
fn spawn_floor(
    commands: &mut Commands,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
    scope: &SetScope,
) {
    commands.spawn((
        scope.clone(),
        Mesh3d(meshes.add(Plane3d::default().mesh().size(80.0, 80.0))),
        MeshMaterial3d(materials.add(StandardMaterial {
            base_color: Color::srgb(0.42, 0.42, 0.44),
            perceptual_roughness: 0.95,
            ..default()
        })),
    ));
    // A metre grid on the floor helps judge distance, as previs floors do.
    let line = meshes.add(Cuboid::new(60.0, 0.01, 0.03));
    let line_material = materials.add(Color::srgb(0.34, 0.34, 0.36));
    for i in -30..=30 {
        if i % 2 != 0 {
            continue;
        }
        let f = i as f32;
        commands.spawn((
            scope.clone(),
            Mesh3d(line.clone()),
            MeshMaterial3d(line_material.clone()),
            Transform::from_xyz(0.0, 0.005, f),
        ));
        commands.spawn((
            scope.clone(),
            Mesh3d(line.clone()),
            MeshMaterial3d(line_material.clone()),
            Transform::from_xyz(f, 0.005, 0.0)
                .with_rotation(Quat::from_rotation_y(90f32.to_radians())),
        ));
    }
}

/// The storyboard's grey-box props, standing on their bases.
fn spawn_props(
    commands: &mut Commands,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
    scope: &SetScope,
    props: &[Prop],
) {
    for prop in props {
        let [w, h, d] = prop.size;
        let mesh = match prop.kind {
            PropKind::Box => meshes.add(Cuboid::new(w, h, d)),
            PropKind::Cylinder => meshes.add(Cylinder::new(w.max(d) / 2.0, h)),
        };
        let [x, y, z] = prop.position;
        commands.spawn((
            scope.clone(),
            Name::new(prop.name.clone()),
            Mesh3d(mesh),
            MeshMaterial3d(materials.add(StandardMaterial {
                base_color: linear(prop.color),
                perceptual_roughness: 0.9,
                ..default()
            })),
            Transform::from_xyz(x, y + h / 2.0, z),
        ));
    }
}

/// The characters as figures wearing their colours, at their starts. A character's colour is
/// its top; the rest of the figure stays neutral so the colours still tell them apart.
fn spawn_characters(
    commands: &mut Commands,
    figures: &mut FigureParts,
    materials: &mut Assets<StandardMaterial>,
    scope: &SetScope,
    characters: &[Character],
) {
    for character in characters {
        let look = character_look(character);
        let figure = spawn_figure_on(
            commands,
            figures,
            materials,
            &look,
            Transform::from_translation(character.start_ground()),
            scope.2.clone(),
        );
        // The root keeps the set's scope and the marker `film_shot` moves it by.
        commands.entity(figure).insert((
            scope.clone(),
            PrevisCharacter(character.id.clone()),
            Name::new(character.name.clone()),
            Stride::default(),
        ));
    }
}

/// A storyboard character dressed as a figure: their colour (linear in the content file) on
/// the top, darker below, their height.
fn character_look(character: &Character) -> Look {
    let top =
        Color::linear_rgb(character.color[0], character.color[1], character.color[2]).to_srgba();
    let shade = |c: f32| (c * 0.45).clamp(0.0, 1.0);
    Look {
        top: Rgb(top.red, top.green, top.blue),
        bottom: Rgb(shade(top.red), shade(top.green), shade(top.blue)),
        hair_style: HairStyle::Short,
        height: character.height_m,
        ..Look::default()
    }
}

/// The key light's direction and brightness for a time of day: low and warm at dawn and dusk,
/// high at noon, a dim cool moon at night.
fn key_for(time: PrevisTime) -> (f32, f32, f32) {
    // (elevation°, azimuth°, illuminance)
    match time {
        PrevisTime::Dawn => (14.0, -70.0, 7_000.0),
        PrevisTime::Day => (55.0, 30.0, 12_000.0),
        PrevisTime::Dusk => (12.0, 110.0, 6_000.0),
        PrevisTime::Night => (35.0, -150.0, 1_500.0),
    }
}

fn sky_for(time: PrevisTime) -> Color {
    match time {
        PrevisTime::Dawn => Color::srgb(0.86, 0.66, 0.62),
        PrevisTime::Day => Color::srgb(0.55, 0.72, 0.9),
        PrevisTime::Dusk => Color::srgb(0.88, 0.52, 0.3),
        PrevisTime::Night => Color::srgb(0.04, 0.05, 0.11),
    }
}

/// A colour-grade palette as a camera colour grading.
fn grading_for(grade: Grade) -> ColorGrading {
    let mut g = ColorGrading::default();
    match grade {
        Grade::Neutral => {}
        Grade::Warm => g.global.temperature = 0.35,
        Grade::TealOrange => {
            g.shadows.saturation = 1.3;
            g.global.temperature = 0.15;
            g.global.tint = -0.15;
            g.global.hue = -0.08;
        }
        Grade::Desaturated => g.global.post_saturation = 0.45,
        Grade::Noir => {
            g.global.post_saturation = 0.0;
            g.midtones.contrast = 1.35;
        }
        Grade::Pastel => {
            g.global.post_saturation = 0.75;
            g.shadows.lift = 0.08;
        }
    }
    g
}

/// Where the shot is framed in a window (or egui screen) of `size`: right of the panel, the
/// Super 35 shape, as large as fits between the caption and the key hints. Proportional, so
/// the same rectangle comes out in physical pixels and in egui points.
pub fn shot_frame(size: Vec2) -> Rect {
    let left = size.x * PANEL_FRACTION + size.x * 0.012;
    let top = size.y * 0.075;
    let free_w = (size.x - left - size.x * 0.012).max(1.0);
    let free_h = (size.y * (1.0 - 0.075 - 0.12)).max(1.0);
    let (w, h) = if free_w / free_h > FRAME_ASPECT {
        (free_h * FRAME_ASPECT, free_h)
    } else {
        (free_w, free_w / FRAME_ASPECT)
    };
    let min = Vec2::new(left + (free_w - w) / 2.0, top + (free_h - h) / 2.0);
    Rect::from_corners(min, min + Vec2::new(w, h))
}

/// Film the shot on screen: move the camera, the subject, and set the light.
fn film_shot(
    mut commands: Commands,
    state: Option<Res<PrevisState>>,
    windows: Query<&Window>,
    mut camera: Query<
        (
            Entity,
            &mut Transform,
            &mut Projection,
            &mut RenderLayers,
            &mut Camera,
        ),
        With<MainCamera>,
    >,
    mut characters: Query<(&PrevisCharacter, &mut Transform), Without<MainCamera>>,
    mut key: Query<
        (&mut DirectionalLight, &mut Transform),
        (
            With<KeyLight>,
            Without<MainCamera>,
            Without<PrevisCharacter>,
        ),
    >,
    new_key: Query<(), Added<KeyLight>>,
    mut applied: Local<Option<MoodLighting>>,
) {
    let Some(state) = state else { return };
    let Ok((entity, mut transform, mut projection, mut layers, mut cam)) = camera.single_mut()
    else {
        return;
    };
    let (panel_index, t) = state.showing();
    let Some(panel) = state.storyboard.panels.get(panel_index) else {
        return;
    };
    let setup: &ShotSetup = &state.shots[panel_index];
    let (eye, target) = camera_at(setup, t);
    if (target - eye).length_squared() > 1e-6 {
        *transform = Transform::from_translation(eye).looking_at(target, Vec3::Y);
    }
    if let Ok(window) = windows.single() {
        let size = window.physical_size().as_vec2();
        *projection = Projection::custom(OffAxisProjection {
            frustum: window_frustum(size, shot_frame(size), vertical_fov_radians(setup.focal_mm)),
        });
    }
    *layers = RenderLayers::layer(PREVIS_LAYER);
    // The subject walks its blocking; everyone else stands at their mark.
    for (character, mut t_char) in &mut characters {
        let Some(c) = state.storyboard.character(&character.0) else {
            continue;
        };
        let (position, next) = if character.0 == panel.subject {
            (
                subject_at(c.start, &setup.waypoints, t),
                subject_at(c.start, &setup.waypoints, (t + 0.02).min(1.0)),
            )
        } else {
            (c.start_ground(), c.start_ground())
        };
        t_char.translation = position;
        let step = Vec3::new(next.x - position.x, 0.0, next.z - position.z);
        if step.length_squared() > 1e-8 {
            t_char.look_to(step, Vec3::Y);
        } else if character.0 == panel.subject {
            // Standing still, the subject faces the camera, as blocking usually has them.
            let to_camera = Vec3::new(eye.x - position.x, 0.0, eye.z - position.z);
            if to_camera.length_squared() > 1e-6 {
                t_char.look_to(to_camera, Vec3::Y);
            }
        }
    }
    // The light only changes when the shot on screen or its controls change: re-insert the
    // camera's light components then, not every frame.
    if *applied != Some(setup.lighting) || !new_key.is_empty() {
        *applied = Some(setup.lighting);
        apply_mood(&mut commands, entity, &mut cam, &setup.lighting, &mut key);
    }
}

fn apply_mood(
    commands: &mut Commands,
    camera: Entity,
    cam: &mut Camera,
    lighting: &MoodLighting,
    key: &mut Query<
        (&mut DirectionalLight, &mut Transform),
        (
            With<KeyLight>,
            Without<MainCamera>,
            Without<PrevisCharacter>,
        ),
    >,
) {
    let light = lighting.clamped();
    let (elevation, azimuth, lux) = key_for(light.time);
    let [r, g, b] = kelvin_to_linear_rgb(light.color_temp_k);
    if let Ok((mut key_light, mut key_transform)) = key.single_mut() {
        key_light.color = Color::linear_rgb(r, g, b);
        key_light.illuminance = lux;
        let to_sun = crate::stage::model::scene::sky_direction(elevation, azimuth);
        *key_transform = Transform::default().looking_to(-to_sun, Vec3::Y);
    }
    let sky = sky_for(light.time);
    cam.clear_color = ClearColorConfig::Custom(sky);
    // Fill: light from everywhere, the key's brightness divided by the ratio.
    let fill = lux / 6.0 / light.key_to_fill;
    let mut entity = commands.entity(camera);
    entity.insert((
        AmbientLight {
            color: Color::srgb(0.8, 0.85, 1.0),
            brightness: fill,
            ..default()
        },
        grading_for(light.grade),
    ));
    if light.fog > 0.01 {
        let start = 60.0 - 56.0 * light.fog;
        let end = 220.0 - 195.0 * light.fog;
        entity.insert(DistanceFog {
            color: sky,
            falloff: FogFalloff::Linear { start, end },
            ..default()
        });
    } else {
        entity.remove::<DistanceFog>();
    }
}

/// Hand the camera back to the lot when the level ends.
fn restore_camera(
    mut commands: Commands,
    current: Res<CurrentStop>,
    mut camera: Query<(Entity, &mut Projection, &mut RenderLayers, &mut Camera), With<MainCamera>>,
) {
    if current.0 != STOP {
        return;
    }
    if let Ok((entity, mut projection, mut layers, mut cam)) = camera.single_mut() {
        *projection = Projection::Perspective(PerspectiveProjection::default());
        *layers = RenderLayers::layer(0);
        cam.clear_color = ClearColorConfig::Default;
        commands
            .entity(entity)
            .remove::<(AmbientLight, DistanceFog, ColorGrading)>();
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        (build_set, film_shot)
            .chain()
            .before(TransformSystems::Propagate)
            .run_if(crate::tour::in_level(STOP)),
    )
    .add_systems(OnExit(StopPhase::Level), restore_camera);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_has_the_sensor_shape_and_sits_right_of_the_panel() {
        for size in [
            Vec2::new(1280.0, 720.0),
            Vec2::new(1920.0, 1080.0),
            Vec2::new(800.0, 800.0),
        ] {
            let f = shot_frame(size);
            assert!((f.width() / f.height() - FRAME_ASPECT).abs() < 1e-3);
            assert!(f.min.x >= size.x * PANEL_FRACTION && f.max.x <= size.x);
            assert!(f.min.y > 0.0 && f.max.y < size.y);
        }
    }

    #[test]
    fn inside_the_frame_the_window_frustum_is_the_lens() {
        let window = Vec2::new(1280.0, 720.0);
        let frame = shot_frame(window);
        let f = window_frustum(window, frame, vertical_fov_radians(35.0));
        // The frame's top and bottom edges map to the lens's vertical field of view.
        let per_px = (f.right - f.left) / window.x;
        let top = f.top - frame.min.y * per_px;
        let bottom = f.top - frame.max.y * per_px;
        let half = f.near * (vertical_fov_radians(35.0) / 2.0).tan();
        assert!((top - half).abs() < 1e-6 && (bottom + half).abs() < 1e-6);
        // And it is as tall as it is wide per pixel: no stretching.
        assert!(((f.top - f.bottom) / window.y - per_px).abs() < 1e-7);
    }
}
