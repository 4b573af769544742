//! Stop 5's concept trailer in 3D: the scene generated from the student's prompt is built by
//! Stop 2's own scene pipeline (`virtual_scene` + `stage::virtual_world`) and filmed by the
//! main camera flying the trailer path, in the free area right of the prompt panels.

use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;

use crate::stage::VIRTUAL_LAYER;
use crate::stage::cameras::{OffAxisProjection, restore_main_camera, window_frustum};
use crate::stage::model::projection::vertical_fov_radians;
use crate::stage::virtual_world::{ambient_for, fog_for, spawn_virtual_world};
use crate::stops::innovation::concept::flythrough_at;
use crate::stops::innovation::level::{InnovationState, STOP};
use crate::stops::innovation::ui::{InnovationTab, InnovationUi, trailer_viewport_fraction};
use crate::tour::camera::MainCamera;
use crate::tour::{CurrentStop, StopPhase, in_level, in_stop};

#[derive(Component, Clone)]
struct ConceptPart;

/// A wide lens for establishing shots.
const TRAILER_FOCAL_MM: f32 = 20.0;
/// The trailer is framed on a Super 35 sensor, like the previs camera.
const TRAILER_SENSOR_HEIGHT_MM: f32 = 18.66;

/// Where the trailer shows: right of the panels, above the key hints.
pub fn trailer_frame(size: Vec2) -> Rect {
    Rect::from_corners(
        Vec2::new(size.x * trailer_viewport_fraction(), 0.0),
        Vec2::new(size.x, size.y * 0.93),
    )
}

/// Build the world of each new concept (the generation counter says when there is one).
fn build_concept_world(
    mut commands: Commands,
    state: Option<Res<InnovationState>>,
    parts: Query<Entity, With<ConceptPart>>,
    mut built_for: Local<Option<u32>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let Some(state) = state else {
        *built_for = None;
        return;
    };
    let Some(concept) = &state.concept else {
        return;
    };
    if *built_for == Some(state.generations) && !parts.is_empty() {
        return;
    }
    for e in &parts {
        commands.entity(e).despawn();
    }
    *built_for = Some(state.generations);
    match concept.scene.build_with(concept.time, concept.weather) {
        Ok(built) => spawn_virtual_world(
            &mut commands,
            &mut meshes,
            &mut materials,
            &built,
            (ConceptPart, DespawnOnExit(StopPhase::Level)),
        ),
        Err(e) => error!("concept scene did not build: {e}"),
    }
}

fn film_trailer(
    mut commands: Commands,
    state: Option<Res<InnovationState>>,
    ui: Option<Res<InnovationUi>>,
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
    mut lit_for: Local<Option<u32>>,
) {
    let Ok((entity, mut transform, mut projection, mut layers, mut cam)) = camera.single_mut()
    else {
        return;
    };
    let showing = ui.is_some_and(|u| u.tab == InnovationTab::Trailer);
    let concept = state.as_ref().and_then(|s| s.concept.as_ref());
    let (Some(concept), true) = (concept, showing) else {
        // The cloud tab covers the window with panels: show the lot as usual behind it.
        if *layers != RenderLayers::layer(0) {
            *layers = RenderLayers::layer(0);
            *projection = Projection::Perspective(PerspectiveProjection::default());
            cam.clear_color = ClearColorConfig::Default;
        }
        return;
    };
    let t = state.as_ref().and_then(|s| s.trailer_time).unwrap_or(0.0);
    let (eye, look) = flythrough_at(&concept.flythrough, t);
    if (look - eye).length_squared() > 1e-6 {
        *transform = Transform::from_translation(eye).looking_at(look, Vec3::Y);
    }
    if let Ok(window) = windows.single() {
        let size = window.physical_size().as_vec2();
        *projection = Projection::custom(OffAxisProjection {
            frustum: window_frustum(
                size,
                trailer_frame(size),
                vertical_fov_radians(TRAILER_FOCAL_MM, TRAILER_SENSOR_HEIGHT_MM),
            ),
        });
    }
    *layers = RenderLayers::layer(VIRTUAL_LAYER);
    // The scene's fog, ambient light and sky change only with a new concept.
    let generation = state.as_ref().map_or(0, |s| s.generations);
    if *lit_for != Some(generation) || matches!(cam.clear_color, ClearColorConfig::Default) {
        *lit_for = Some(generation);
        let env = concept
            .scene
            .apply_conditions(concept.time, concept.weather);
        cam.clear_color = ClearColorConfig::Custom(Color::linear_rgb(
            env.sky_horizon[0],
            env.sky_horizon[1],
            env.sky_horizon[2],
        ));
        commands
            .entity(entity)
            .insert((fog_for(&env), ambient_for(&env)));
    }
}

fn leave_level(
    mut commands: Commands,
    current: Res<CurrentStop>,
    camera: Query<Entity, With<MainCamera>>,
) {
    if current.0 != STOP {
        return;
    }
    if let Ok(entity) = camera.single() {
        commands
            .entity(entity)
            .remove::<(DistanceFog, AmbientLight)>();
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        (build_concept_world, film_trailer)
            .chain()
            .before(TransformSystems::Propagate)
            .run_if(in_level(STOP)),
    )
    .add_systems(
        OnExit(StopPhase::Level),
        (leave_level, restore_main_camera.run_if(in_stop(STOP))),
    );
}
