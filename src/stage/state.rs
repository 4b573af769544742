//! The stage's state, with no renderer: what the stage shows (settings), where the cinema
//! camera is (true and tracked poses), the tracker, the stage lights and which stops film on
//! the stage. Part of the game logic, so a stage level also runs headless in tests.

use bevy::prelude::*;

use crate::stage::model::led::StageGeometry;
use crate::stage::model::lighting::{LightKind, StageLight};
use crate::stage::model::projection::{CameraPose, Lens};
use crate::stage::model::scene::{SceneDescription, TimeOfDay, Weather};
use crate::stage::model::tracking::{TrackingSettings, TrackingSystem};
use crate::tour::content_plugin::report_problems;
use crate::tour::model::content::{ContentError, ContentFolder, bundled_file, load_or_bundled};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
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
        let geometry = bundled_file::<StageGeometry>().unwrap_or_default();
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
    pub fn load(assets_dir: &std::path::Path) -> (Self, Vec<ContentError>) {
        let mut settings = Self::default();
        let (geometry, mut problems) = load_or_bundled::<StageGeometry>(assets_dir);
        settings.geometry = geometry;
        let scenes_dir = ContentFolder::Scenes.dir(assets_dir);
        let (scenes, errors) = crate::stage::model::scene::load_scenes_with_fallback(&scenes_dir);
        problems.extend(errors);
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

/// The physical stage lights, as the gaffer has set them (key and fill).
#[derive(Resource, Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StageLights {
    pub key: StageLight,
    pub fill: StageLight,
    /// The colour temperatures the sliders show (the lights' colours come from them).
    pub key_kelvin: f32,
    pub fill_kelvin: f32,
}

impl Default for StageLights {
    fn default() -> Self {
        Self {
            key: StageLight::from_kelvin(LightKind::Key, 5600.0, 0.6, 40.0),
            fill: StageLight::from_kelvin(LightKind::Fill, 5600.0, 0.2, -140.0),
            key_kelvin: 5600.0,
            fill_kelvin: 5600.0,
        }
    }
}

/// The colour temperatures a stage light's slider offers.
pub const LIGHT_KELVIN_RANGE: (f32, f32) = (1800.0, 12000.0);

impl StageLights {
    /// Set one light as its sliders do: the colour from `kelvin` (clamped to the slider's
    /// range), brightness from 0 to 1, and the slider's own reading kept as given.
    pub fn set(&mut self, kind: LightKind, kelvin: f32, intensity: f32, azimuth_deg: f32) {
        let light = StageLight::from_kelvin(
            kind,
            kelvin.clamp(LIGHT_KELVIN_RANGE.0, LIGHT_KELVIN_RANGE.1),
            intensity.clamp(0.0, 1.0),
            azimuth_deg,
        );
        match kind {
            LightKind::Key => {
                self.key = light;
                self.key_kelvin = kelvin;
            }
            LightKind::Fill => {
                self.fill = light;
                self.fill_kelvin = kelvin;
            }
        }
    }

    pub fn as_vec(&self) -> Vec<StageLight> {
        vec![self.key, self.fill]
    }
}

/// The tracking system in the ECS (the maths is `crate::stage::model::tracking`).
#[derive(Resource, Debug)]
pub struct Tracker(pub TrackingSystem);

/// Sample the tracker once per update: frame N's tracked pose comes from frame N's true pose
/// (latency 0) or from k updates before (latency k).
pub fn sample_tracking(
    pose: Res<CinemaPose>,
    mut tracker: ResMut<Tracker>,
    mut tracked: ResMut<TrackedPose>,
) {
    tracked.0 = tracker.0.sample(pose.0).pose;
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

/// Run condition: the stage is built right now.
pub fn stage_active(active: Res<StageActive>) -> bool {
    active.0
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
    if let Some(time) = preview.time {
        settings.time = time;
    }
    if let Some(weather) = preview.weather {
        settings.weather = weather;
    }
    settings.lens.focal_mm = preview.focal_mm;
    if let Some(px) = preview.panel_px {
        settings.geometry.panel_pixels_x = px;
        settings.geometry.panel_pixels_y = px;
    }
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

/// Settings, poses, tracking and stage lights, and the tracker sampled once per update.
pub(super) fn plugin(app: &mut App) {
    let config = app.world().resource::<crate::GameConfig>().clone();
    let seed = config.seed;
    let (settings, problems) = StageSettings::load(&config.assets_dir);
    report_problems(app, &problems);
    app.insert_resource(settings)
        .init_resource::<StageStops>()
        .init_resource::<CinemaPose>()
        .init_resource::<TrackedPose>()
        .init_resource::<StageActive>()
        .init_resource::<StageLights>()
        .insert_resource(Tracker(TrackingSystem::new(TrackingSettings::IDEAL, seed)))
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
