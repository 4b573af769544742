//! The stage's cameras. The inner-frustum camera renders the virtual world from the tracked pose
//! into a texture; the outer-frustum cameras render it from a fixed view origin, one off-axis
//! (Kooima) projection per wall segment, into one low-resolution atlas, only while its picture
//! may be changing (`OuterSchedule`). The wall shader samples both. The window's main camera
//! becomes the cinema camera, the witness camera or the direct view, as the player chooses.

use bevy::camera::Hdr;
use bevy::camera::visibility::RenderLayers;
use bevy::camera::{CameraProjection, RenderTarget, SubCameraView, Viewport};
use bevy::core_pipeline::tonemapping::Tonemapping;
use bevy::math::Vec3A;
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;

use crate::stage::model::projection::{self, CameraPose, Frustum, ScreenBasis};
use crate::stage::model::quality::{self, OuterSchedule};
use crate::stage::quality::StageQuality;
use crate::stage::virtual_world::VirtualWorldPart;
use crate::stage::{
    StageSettings, StageSystems, StageView, TrackedPose, VIRTUAL_LAYER, stage_active,
};
use crate::tour::camera::MainCamera;

/// Near plane of every stage camera, metres.
pub const NEAR_M: f32 = 0.1;
/// Far distance used for culling (the projection itself is infinite).
pub const FAR_M: f32 = 4000.0;
/// Outer frustum: segments of the wall, each rendered at the quality's square size into one
/// atlas. It lights the room and fills the edges of the wall, and is re-rendered every few
/// frames only (as many stages do), which keeps the full stage cheap. The inner frustum's
/// density, the segment size and the refresh come from `StageQuality`.
pub const OUTER_SEGMENTS: u32 = 6;

/// The inner-frustum picture size for an output of `width` × `height` at this quality.
pub fn inner_size(quality: &StageQuality, width: u32, height: u32) -> (u32, u32) {
    quality::inner_size(
        width,
        height,
        quality.params().inner_density,
        quality.max_texture_side,
    )
}

/// The outer atlas's size at this quality: the segments side by side.
fn outer_size(quality: &StageQuality) -> (u32, u32) {
    let px = quality.params().outer_segment_px;
    (OUTER_SEGMENTS * px, px)
}

/// Where the outer frustum is rendered from: the centre of the stage at eye height.
pub const VIEW_ORIGIN: Vec3 = Vec3::new(0.0, 1.7, 0.0);

/// Where the witness camera stands: off to the side, behind the cinema camera.
pub const WITNESS_EYE: Vec3 = Vec3::new(4.0, 3.4, 4.5);

/// A projection from an explicit (possibly off-centre) frustum, Bevy's reverse-Z infinite form.
#[derive(Debug, Clone, Copy)]
pub struct OffAxisProjection {
    pub frustum: Frustum,
}

impl CameraProjection for OffAxisProjection {
    fn get_clip_from_view(&self) -> Mat4 {
        projection::frustum_to_bevy_projection(&self.frustum)
    }

    fn get_clip_from_view_for_sub(&self, _sub_view: &SubCameraView) -> Mat4 {
        self.get_clip_from_view()
    }

    /// The frustum is fixed by the lens or the wall segment, not by the target's aspect.
    fn update(&mut self, _width: f32, _height: f32) {}

    fn far(&self) -> f32 {
        FAR_M
    }

    fn get_frustum_corners(&self, z_near: f32, z_far: f32) -> [Vec3A; 8] {
        self.frustum.corners(z_near, z_far).map(Vec3A::from)
    }
}

#[derive(Component)]
pub struct InnerFrustumCamera;

#[derive(Component)]
pub struct OuterFrustumCamera {
    pub segment: u32,
}

/// The render targets and the matrices the wall shader needs, recomputed every frame.
#[derive(Resource, Debug, Clone)]
pub struct StageTargets {
    pub inner: Handle<Image>,
    pub outer: Handle<Image>,
    pub inner_clip_from_world: Mat4,
    pub outer_clip_from_world: Vec<Mat4>,
}

/// The camera pose and frustum of outer segment `segment`: from the view origin, a Kooima
/// frustum through the chord of that stretch of wall (a little taller and wider, so the arc
/// behind the chord stays inside).
pub fn outer_segment_view(settings: &StageSettings, segment: u32) -> Option<(CameraPose, Frustum)> {
    let g = &settings.geometry;
    let columns = g.column_count();
    let first = segment * columns / OUTER_SEGMENTS;
    let last = ((segment + 1) * columns / OUTER_SEGMENTS).max(first + 1) - 1;
    let a = g.column_corners(first);
    let b = g.column_corners(last);
    let (pa, pb, pc) = (a[0], b[1], a[2]);
    let basis = ScreenBasis::new(pa, pb, pc)?;
    let mut frustum = projection::off_axis_frustum(pa, pb, pc, VIEW_ORIGIN, NEAR_M)?;
    // 10 % margin on every side: the wall between the chord's ends lies behind the chord.
    let (w, h) = (frustum.right - frustum.left, frustum.top - frustum.bottom);
    frustum.left -= 0.1 * w;
    frustum.right += 0.1 * w;
    frustum.bottom -= 0.1 * h;
    frustum.top += 0.1 * h;
    Some((
        CameraPose {
            position: VIEW_ORIGIN,
            rotation: basis.rotation(),
        },
        frustum,
    ))
}

/// A projection for the whole window whose part inside `frame` is exactly the lens's view:
/// the window stays one camera (egui draws on it), and the UI masks what lies outside.
/// `vertical_fov` is the lens's full vertical field of view in radians.
pub fn window_frustum(window: Vec2, frame: Rect, vertical_fov: f32) -> Frustum {
    let near = 0.05;
    let half_h = near * (vertical_fov / 2.0).tan();
    let per_px = 2.0 * half_h / frame.height().max(1.0);
    let c = frame.center();
    Frustum {
        left: -c.x * per_px,
        right: (window.x - c.x) * per_px,
        top: c.y * per_px,
        bottom: (c.y - window.y) * per_px,
        near,
    }
}

fn clip_from_world(pose: &CameraPose, frustum: &Frustum) -> Mat4 {
    projection::frustum_to_bevy_projection(frustum) * pose.view_from_world()
}

fn pose_transform(pose: &CameraPose) -> Transform {
    Transform::from_translation(pose.position).with_rotation(pose.rotation)
}

fn target_image(width: u32, height: u32) -> Image {
    // Linear HDR: the wall shows the scene's exposed radiance, and only the camera that films
    // the wall tonemaps, exactly once, as the direct view does.
    Image::new_target_texture(width, height, TextureFormat::Rgba16Float, None)
}

/// Build the stage cameras (called when the stage is built).
pub fn spawn_stage_cameras(
    commands: &mut Commands,
    images: &mut Assets<Image>,
    settings: &StageSettings,
    tracked: &TrackedPose,
    output_size: (u32, u32),
    stage_quality: &StageQuality,
    scope: impl Bundle + Clone,
) -> StageTargets {
    let (iw, ih) = inner_size(stage_quality, output_size.0, output_size.1);
    let inner = images.add(target_image(iw, ih));
    let (ow, oh) = outer_size(stage_quality);
    let outer = images.add(target_image(ow, oh));
    let layer = RenderLayers::layer(VIRTUAL_LAYER);
    let inner_frustum = settings.lens.frustum(NEAR_M, settings.overscan);
    commands.spawn((
        scope.clone(),
        Name::new("Inner-frustum camera"),
        InnerFrustumCamera,
        Camera3d::default(),
        Camera {
            order: -10,
            ..default()
        },
        RenderTarget::Image(inner.clone().into()),
        Projection::custom(OffAxisProjection {
            frustum: inner_frustum,
        }),
        pose_transform(&tracked.0),
        layer.clone(),
        Hdr,
        Tonemapping::None,
        Msaa::Off,
    ));
    let mut outer_matrices = Vec::new();
    for segment in 0..OUTER_SEGMENTS {
        let Some((pose, frustum)) = outer_segment_view(settings, segment) else {
            outer_matrices.push(Mat4::ZERO);
            continue;
        };
        outer_matrices.push(clip_from_world(&pose, &frustum));
        commands.spawn((
            scope.clone(),
            Name::new(format!("Outer-frustum camera {segment}")),
            OuterFrustumCamera { segment },
            Camera3d::default(),
            Camera {
                order: -20 + segment as isize,
                viewport: Some(segment_viewport(segment, oh)),
                ..default()
            },
            RenderTarget::Image(outer.clone().into()),
            Projection::custom(OffAxisProjection { frustum }),
            pose_transform(&pose),
            layer.clone(),
            Hdr,
            Tonemapping::None,
            Msaa::Off,
        ));
    }
    StageTargets {
        inner,
        outer,
        inner_clip_from_world: clip_from_world(&tracked.0, &inner_frustum),
        outer_clip_from_world: outer_matrices,
    }
}

/// Where outer segment `segment` sits in the atlas, for segments `px` square.
fn segment_viewport(segment: u32, px: u32) -> Viewport {
    Viewport {
        physical_position: UVec2::new(segment * px, 0),
        physical_size: UVec2::splat(px),
        ..default()
    }
}

/// Keep the stage's pictures the size the window and the quality ask for: the page's canvas
/// follows the browser window, and a teacher may change the quality mid-level.
fn fit_targets(
    stage_quality: Res<StageQuality>,
    targets: Option<Res<StageTargets>>,
    window: Query<&Window, With<bevy::window::PrimaryWindow>>,
    mut images: ResMut<Assets<Image>>,
    mut outer_cameras: Query<(&OuterFrustumCamera, &mut Camera)>,
) {
    let (Some(targets), Ok(window)) = (targets, window.single()) else {
        return;
    };
    let (iw, ih) = inner_size(
        &stage_quality,
        window.physical_width(),
        window.physical_height(),
    );
    if let Some(image) = images.get(&targets.inner)
        && (image.width(), image.height()) != (iw, ih)
        && let Some(mut image) = images.get_mut(&targets.inner)
    {
        *image = target_image(iw, ih);
    }
    let (ow, oh) = outer_size(&stage_quality);
    if let Some(image) = images.get(&targets.outer)
        && (image.width(), image.height()) != (ow, oh)
        && let Some(mut image) = images.get_mut(&targets.outer)
    {
        *image = target_image(ow, oh);
        for (outer, mut camera) in &mut outer_cameras {
            camera.viewport = Some(segment_viewport(outer.segment, oh));
        }
    }
}

/// Every frame: the inner camera takes the tracked pose and the lens (with overscan), and the
/// wall's matrix follows, so frame N's wall shows frame N's tracked pose.
pub(crate) fn follow_tracked_pose(
    settings: Res<StageSettings>,
    tracked: Res<TrackedPose>,
    targets: Option<ResMut<StageTargets>>,
    mut inner: Query<(&mut Transform, &mut Projection, &mut Camera), With<InnerFrustumCamera>>,
) {
    let Some(mut targets) = targets else { return };
    let frustum = settings.lens.frustum(NEAR_M, settings.overscan);
    for (mut transform, mut projection, mut camera) in &mut inner {
        camera.is_active = settings.view != StageView::Direct;
        *transform = pose_transform(&tracked.0);
        // The lens and overscan change rarely; the projection is rebuilt only then.
        if settings.is_changed() {
            *projection = Projection::custom(OffAxisProjection { frustum });
        }
    }
    targets.inner_clip_from_world = clip_from_world(&tracked.0, &frustum);
}

/// When the outer frustum re-renders (see [`OuterSchedule`]); a resource, so that a benchmark
/// can wait until it has settled.
#[derive(Resource, Default)]
pub struct OuterRefresh(pub OuterSchedule);

/// The outer frustum renders only while its picture may be changing (see [`OuterSchedule`]):
/// after the world, the settings or the quality change, or its cameras are new.
#[allow(clippy::too_many_arguments)]
fn refresh_outer_frustum(
    time: Res<Time>,
    settings: Res<StageSettings>,
    stage_quality: Option<Res<StageQuality>>,
    new_world: Query<(), Added<VirtualWorldPart>>,
    mut gone_world: RemovedComponents<VirtualWorldPart>,
    new_cameras: Query<(), Added<OuterFrustumCamera>>,
    mut schedule: ResMut<OuterRefresh>,
    mut outer: Query<&mut Camera, With<OuterFrustumCamera>>,
) {
    let world_changed = !new_world.is_empty() || gone_world.read().count() > 0;
    let quality_changed = stage_quality.as_ref().is_some_and(|q| q.is_changed());
    if settings.is_changed() || quality_changed || world_changed || !new_cameras.is_empty() {
        schedule.0.changed();
    }
    let every = stage_quality.map_or(4, |q| q.params().outer_refresh_every);
    let due = schedule.0.due(time.delta_secs(), every);
    // The direct view does not look at the wall: its cameras can rest.
    let wall_seen = settings.view != StageView::Direct;
    for mut camera in &mut outer {
        camera.is_active = wall_seen && !settings.freeze_outer && due;
    }
}

/// The window's camera shows the chosen view. In the camera and direct views it is the cinema
/// camera itself (true pose, the lens without overscan).
fn drive_main_camera(
    settings: Res<StageSettings>,
    pose: Res<crate::stage::CinemaPose>,
    mut main: Query<
        (
            &mut Transform,
            &mut Projection,
            &mut RenderLayers,
            &mut Camera,
        ),
        With<MainCamera>,
    >,
) {
    let Ok((mut transform, mut projection, mut layers, mut camera)) = main.single_mut() else {
        return;
    };
    // A sound stage is dark where the wall does not reach.
    camera.clear_color = ClearColorConfig::Custom(Color::srgb(0.02, 0.02, 0.025));
    match settings.view {
        StageView::Camera | StageView::Direct => {
            *transform = pose_transform(&pose.0);
            *projection = Projection::custom(OffAxisProjection {
                frustum: settings.lens.frustum(NEAR_M, 1.0),
            });
            *layers = if settings.view == StageView::Direct {
                RenderLayers::layer(VIRTUAL_LAYER)
            } else {
                RenderLayers::layer(0)
            };
        }
        StageView::Witness => {
            // A fixed spot at the side of the stage: any change in the wall picture between two
            // camera poses is the wall's parallax, not the witness moving.
            *transform = Transform::from_translation(WITNESS_EYE)
                .looking_at(Vec3::new(0.0, 2.0, -3.5), Vec3::Y);
            *projection = Projection::Perspective(PerspectiveProjection {
                fov: 70f32.to_radians(),
                ..default()
            });
            *layers = RenderLayers::layer(0);
        }
    }
}

/// Put the main camera back as the lot's camera when the stage goes away.
pub fn restore_main_camera(
    mut main: Query<(&mut Projection, &mut RenderLayers, &mut Camera), With<MainCamera>>,
) {
    if let Ok((mut projection, mut layers, mut camera)) = main.single_mut() {
        *projection = Projection::Perspective(PerspectiveProjection::default());
        *layers = RenderLayers::layer(0);
        camera.clear_color = ClearColorConfig::Default;
    }
}

/// In the witness view, outline the inner frustum: rays from the tracked camera to the wall and
/// the patch of wall they enclose, so students see which part of the wall is "for the lens".
fn draw_frustum_outline(
    settings: Res<StageSettings>,
    tracked: Res<TrackedPose>,
    mut gizmos: Gizmos,
) {
    if settings.view != StageView::Witness {
        return;
    }
    let pose = &tracked.0;
    let colour = Color::srgb(1.0, 0.85, 0.1);
    // Walk the frame's edge and hit the wall at each step.
    let mut outline = Vec::new();
    let steps = 12;
    let corners = [
        Vec2::new(-1.0, -1.0),
        Vec2::new(1.0, -1.0),
        Vec2::new(1.0, 1.0),
        Vec2::new(-1.0, 1.0),
    ];
    for (i, a) in corners.iter().enumerate() {
        let b = corners[(i + 1) % 4];
        for s in 0..steps {
            let ndc = a.lerp(b, s as f32 / steps as f32);
            let dir = pose.ray_direction(&settings.lens, settings.overscan, ndc);
            if let Some((hit, _)) =
                projection::intersect_wall(&settings.geometry, pose.position, dir)
            {
                outline.push(hit);
                if s == 0 {
                    gizmos.line(pose.position, hit, colour);
                }
            }
        }
    }
    if let Some(first) = outline.first().copied() {
        outline.push(first);
        gizmos.linestrip(outline, colour);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<OuterRefresh>()
        .add_systems(
            PostUpdate,
            (
                follow_tracked_pose.in_set(StageSystems::Cameras),
                refresh_outer_frustum.in_set(StageSystems::Cameras),
                drive_main_camera.in_set(StageSystems::Cameras),
            )
                .run_if(stage_active),
        )
        .add_systems(Update, fit_targets.run_if(stage_active))
        .add_systems(Update, draw_frustum_outline.run_if(stage_active));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::model::tracking::{TrackingSettings, TrackingSystem};
    use crate::stage::{CinemaPose, Tracker, sample_tracking};

    /// An app with just the tracking and inner-camera systems, on `MinimalPlugins`.
    fn app_with_latency(frames: u32) -> App {
        let mut app = App::new();
        app.add_plugins(MinimalPlugins);
        app.insert_resource(StageSettings::default())
            .insert_resource(CinemaPose::default())
            .insert_resource(TrackedPose::default())
            .insert_resource(Tracker(TrackingSystem::new(
                TrackingSettings {
                    latency_frames: frames,
                    ..TrackingSettings::IDEAL
                },
                1,
            )))
            .insert_resource(StageTargets {
                inner: Handle::default(),
                outer: Handle::default(),
                inner_clip_from_world: Mat4::IDENTITY,
                outer_clip_from_world: Vec::new(),
            })
            .add_systems(Update, (sample_tracking, follow_tracked_pose).chain());
        app.world_mut().spawn((
            InnerFrustumCamera,
            Camera::default(),
            Transform::default(),
            Projection::default(),
        ));
        app
    }

    #[test]
    fn the_outer_frustum_rests_once_settled_and_renders_again_after_a_change() {
        let mut app = App::new();
        app.add_plugins(MinimalPlugins)
            .insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
                std::time::Duration::from_millis(500),
            ))
            .insert_resource(StageSettings::default())
            .init_resource::<OuterRefresh>()
            .add_systems(Update, refresh_outer_frustum);
        let camera = app
            .world_mut()
            .spawn((OuterFrustumCamera { segment: 0 }, Camera::default()))
            .id();
        let renders = |app: &mut App, frames: usize| -> Vec<bool> {
            (0..frames)
                .map(|_| {
                    app.update();
                    app.world().get::<Camera>(camera).unwrap().is_active
                })
                .collect()
        };
        let settling = renders(&mut app, 8);
        assert!(settling[0], "new cameras render at once");
        assert_eq!(settling.iter().filter(|r| **r).count(), 2, "{settling:?}");
        assert!(
            !renders(&mut app, 6).contains(&true),
            "settled, a moving camera costs the outer frustum nothing"
        );
        app.world_mut().resource_mut::<StageSettings>().overscan = 1.3;
        assert_eq!(
            renders(&mut app, 1),
            [true],
            "a new setting renders at once"
        );
        app.world_mut().resource_mut::<StageSettings>().freeze_outer = true;
        assert!(!renders(&mut app, 8).contains(&true), "frozen");
        app.world_mut().resource_mut::<StageSettings>().freeze_outer = false;
        renders(&mut app, 8);
        app.world_mut().spawn(VirtualWorldPart);
        assert_eq!(renders(&mut app, 1), [true], "a new world renders at once");
    }

    /// The physical camera dollies 10 cm along x each update.
    fn pose_at(update: u32) -> CameraPose {
        CameraPose {
            position: Vec3::new(0.1 * update as f32, 1.6, 1.5),
            rotation: Quat::from_rotation_y(0.01 * update as f32),
        }
    }

    fn inner_position(app: &mut App) -> Vec3 {
        let mut q = app
            .world_mut()
            .query_filtered::<&Transform, With<InnerFrustumCamera>>();
        q.single(app.world()).expect("inner camera").translation
    }

    #[test]
    fn inner_camera_takes_the_pose_of_the_same_update_or_k_updates_before() {
        for latency in [0u32, 1, 3, 7] {
            let mut app = app_with_latency(latency);
            for update in 0..20u32 {
                app.world_mut().resource_mut::<CinemaPose>().0 = pose_at(update);
                app.update();
                let expected = pose_at(update.saturating_sub(latency));
                let got = inner_position(&mut app);
                assert!(
                    got.distance(expected.position) < 1e-5,
                    "latency {latency}, update {update}: inner camera at {got}, expected {}",
                    expected.position
                );
                let m = app.world().resource::<StageTargets>().inner_clip_from_world;
                let want = clip_from_world(
                    &expected,
                    &StageSettings::default()
                        .lens
                        .frustum(NEAR_M, StageSettings::default().overscan),
                );
                assert!(
                    m.abs_diff_eq(want, 1e-4),
                    "the wall's matrix follows the same pose"
                );
            }
        }
    }
}
