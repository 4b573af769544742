//! The one main camera, the sky colour and the ambient light (the sun belongs to the lot, in
//! `lot.rs`). Screens move the camera by setting `CameraGoal`; the camera eases towards it (or
//! jumps, with reduced motion or in a capture).

use bevy::prelude::*;

use crate::GameConfig;

#[derive(Component)]
pub struct MainCamera;

/// Where the main camera should be looking from and at.
#[derive(Resource, Debug, Clone, Copy)]
pub struct CameraGoal {
    pub eye: Vec3,
    pub target: Vec3,
    /// Jump straight there instead of easing (used when a scene changes).
    pub snap: bool,
}

impl Default for CameraGoal {
    fn default() -> Self {
        Self {
            eye: Vec3::new(0.0, 30.0, 45.0),
            target: Vec3::new(0.0, 0.0, 0.0),
            snap: true,
        }
    }
}

fn spawn_camera(mut commands: Commands, goal: Res<CameraGoal>) {
    commands.spawn((
        Name::new("Main camera"),
        MainCamera,
        Camera3d::default(),
        // HDR with tonemapping as a post pass: the LED wall's emitted light and the lit scene
        // are tonemapped the same way, once.
        bevy::camera::Hdr,
        bevy::camera::visibility::RenderLayers::layer(0),
        Transform::from_translation(goal.eye).looking_at(goal.target, Vec3::Y),
    ));
    commands.insert_resource(GlobalAmbientLight {
        color: Color::srgb(0.85, 0.9, 1.0),
        brightness: 400.0,
        ..default()
    });
    commands.insert_resource(ClearColor(Color::srgb(0.53, 0.71, 0.88)));
}

fn ease_camera(
    time: Res<Time>,
    mut goal: ResMut<CameraGoal>,
    config: Res<GameConfig>,
    settings: Option<Res<crate::ui::theme::UiSettings>>,
    mut camera: Query<&mut Transform, With<MainCamera>>,
) {
    let Ok(mut transform) = camera.single_mut() else {
        return;
    };
    let wanted = Transform::from_translation(goal.eye).looking_at(goal.target, Vec3::Y);
    if goal.snap || config.capture.is_some() {
        *transform = wanted;
        goal.snap = false;
        return;
    }
    // Exponential ease: frame-rate independent and never overshoots.
    // Reduced motion: a gentler glide (it still arrives, just without a swoop).
    let rate = if settings.is_some_and(|s| s.reduced_motion) {
        1.5
    } else {
        4.0
    };
    let t = 1.0 - (-rate * time.delta_secs()).exp();
    transform.translation = transform.translation.lerp(wanted.translation, t);
    transform.rotation = transform.rotation.slerp(wanted.rotation, t);
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CameraGoal>()
        .add_systems(Startup, spawn_camera)
        .add_systems(PostUpdate, ease_camera.before(TransformSystems::Propagate));
}
