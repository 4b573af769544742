//! Stop 2, Virtual Production: the director's shot list on the LED volume. First the player
//! builds the volume's signal chain (`crate::stops::virtual_production::model::chain`): until
//! it is connected the stage films nothing. Then the player picks the world on the wall, its time of day and weather, frames the actor with the tracked cinema
//! camera, tunes tracking and overscan, avoids moiré and matches the stage lights, then records
//! a take. The take is measured and scored by `crate::stops::virtual_production::model::takes` and `crate::stops::virtual_production::model::shots`.

use bevy::prelude::*;

use crate::crew::CrewCue;
use crate::stage::model::led::StageGeometry;
use crate::stage::model::lighting::LightKind;
use crate::stage::model::projection::{CameraPose, Lens};
use crate::stage::model::scene::{TimeOfDay, Weather};
use crate::stage::model::tracking::{TrackingSettings, TrackingSystem};
use crate::stage::{CinemaPose, StageLights, StageSettings, StageView, Tracker};
use crate::stops::virtual_production::model::chain::{ChainMove, ChainTask, SignalChain};
use crate::stops::virtual_production::model::shots::{CheckKind, ShotFile, ShotScore};
use crate::stops::virtual_production::model::takes::{
    TAKE_SECONDS, TakeMeasurement, VpLevel, attempt_from, pose_during_move,
};
use crate::tour::content_plugin::{Content, load_content};
use crate::tour::flow::{LevelCatalog, LevelStatus, TourSystems};
use crate::tour::lesson::LessonTasks;
use crate::tour::level_save::{self, LevelSnapshot, resume_level, save_level};
use crate::tour::{Notices, StopPhase, in_level, in_stop};

pub const STOP: usize = 2;

#[derive(Message, Debug, Clone, PartialEq)]
pub enum VpCommand {
    SelectShot(usize),
    SetScene(usize),
    NextTime,
    NextWeather,
    SetFocal(f32),
    SetFocus(f32),
    SetOverscan(f32),
    SetLatency(u32),
    SetCompensation(f32),
    /// Tracker noise in millimetres (the angle noise follows at 0.02° per mm).
    SetJitter(f32),
    SetPitch(f32),
    SetLight {
        kind: LightKind,
        kelvin: f32,
        intensity: f32,
        azimuth_deg: f32,
    },
    SetView(StageView),
    /// Stop re-rendering the outer frustum (saves render time; the wall keeps its last picture).
    FreezeOuter(bool),
    /// Move the camera in its own frame (x right, y up, z back) and turn it (radians).
    MoveCamera {
        local: Vec3,
        yaw: f32,
        pitch: f32,
    },
    /// Put the camera at an exact pose (presets, tests).
    SetPose(CameraPose),
    RecordTake,
    /// An answer in the signal chain task: link a piece, sort it, name who runs it.
    Chain(ChainMove),
}

/// Said when a take is asked for before the signal chain is built.
pub const CHAIN_FIRST: &str = "Build the signal chain first: until the game engine, the servers, \
     the network, the processors and the panels are connected, the wall shows nothing to film.";

/// A take being recorded: the camera runs the shot's move while the tracker is watched.
#[derive(Debug, Clone)]
pub struct Take {
    pub start: CameraPose,
    pub elapsed: f32,
}

#[derive(Resource, Debug)]
pub struct VpState {
    pub level: VpLevel,
    /// The signal chain to build, from the content file.
    pub chain_spec: SignalChain,
    /// How far the student has built it.
    pub chain: ChainTask,
    pub take: Option<Take>,
}

impl VpState {
    pub fn new(level: VpLevel, chain_spec: SignalChain) -> Self {
        Self {
            level,
            chain_spec,
            chain: ChainTask::default(),
            take: None,
        }
    }

    /// Whether the signal chain is connected, so takes can be recorded.
    pub fn chain_built(&self) -> bool {
        self.chain.is_built(&self.chain_spec)
    }
}

/// The stage as the student set it up: world, conditions, lens, tracking, lights and camera.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StageSetup {
    scene: usize,
    time: TimeOfDay,
    weather: Weather,
    lens: Lens,
    overscan: f32,
    geometry: StageGeometry,
    view: StageView,
    freeze_outer: bool,
    pose: CameraPose,
    tracking: TrackingSettings,
    lights: StageLights,
}

impl StageSetup {
    fn capture(world: &World) -> Self {
        let settings = world.resource::<StageSettings>();
        Self {
            scene: settings.scene,
            time: settings.time,
            weather: settings.weather,
            lens: settings.lens,
            overscan: settings.overscan,
            geometry: settings.geometry.clone(),
            view: settings.view,
            freeze_outer: settings.freeze_outer,
            pose: world.resource::<CinemaPose>().0,
            tracking: world.resource::<Tracker>().0.settings,
            lights: world.resource::<StageLights>().clone(),
        }
    }

    fn apply(self, world: &mut World) {
        let mut settings = world.resource_mut::<StageSettings>();
        if self.scene < settings.scenes.len() {
            settings.scene = self.scene;
        }
        settings.time = self.time;
        settings.weather = self.weather;
        settings.lens = self.lens;
        settings.overscan = self.overscan;
        settings.geometry = self.geometry;
        settings.view = self.view;
        settings.freeze_outer = self.freeze_outer;
        world.resource_mut::<CinemaPose>().0 = self.pose;
        world.resource_mut::<Tracker>().0.settings = self.tracking;
        *world.resource_mut::<StageLights>() = self.lights;
    }
}

/// The stage as the game started: a fresh level (or "Start over") sets it up this way again.
#[derive(Resource, Debug, Clone)]
struct FreshStage(StageSetup);

fn remember_fresh_stage(world: &mut World) {
    let fresh = StageSetup::capture(world);
    world.insert_resource(FreshStage(fresh));
}

fn reset_stage(world: &mut World) {
    if let Some(FreshStage(fresh)) = world.get_resource::<FreshStage>().cloned() {
        fresh.apply(world);
    }
}

/// What Stop 2 keeps: the signal chain, the takes and their scores, and the stage. A rolling
/// take is dropped.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct VpSave {
    level: VpLevel,
    stage: StageSetup,
    #[serde(default)]
    chain: ChainTask,
}

impl LevelSnapshot for VpSave {
    const STOP: usize = STOP;
    fn capture(world: &World) -> Option<Self> {
        let state = world.get_resource::<VpState>()?;
        let mut stage = StageSetup::capture(world);
        // Mid-take the camera is on its move: keep where the take started.
        if let Some(take) = &state.take {
            stage.pose = take.start;
        }
        Some(Self {
            level: state.level.clone(),
            stage,
            chain: state.chain.clone(),
        })
    }
    fn restore(self, world: &mut World) {
        let Some(chain_spec) = world
            .get_resource::<Content<ShotFile>>()
            .map(|c| c.chain.clone())
        else {
            return;
        };
        // A save from before the chain was edited starts the chain again.
        let chain = if self.chain.fits(&chain_spec) {
            self.chain
        } else {
            ChainTask::default()
        };
        world.insert_resource(VpState {
            chain,
            ..VpState::new(self.level, chain_spec)
        });
        self.stage.apply(world);
    }
}

fn start_level(mut commands: Commands, shot_list: Res<Content<ShotFile>>) {
    commands.insert_resource(VpState::new(
        VpLevel::new(shot_list.shots.clone()),
        shot_list.chain.clone(),
    ));
}

fn end_level(mut commands: Commands) {
    commands.remove_resource::<VpState>();
}

fn apply_vp_commands(
    mut commands: MessageReader<VpCommand>,
    state: Option<ResMut<VpState>>,
    mut settings: ResMut<StageSettings>,
    mut pose: ResMut<CinemaPose>,
    mut tracker: ResMut<Tracker>,
    mut lights: ResMut<StageLights>,
    mut notices: ResMut<Notices>,
) {
    let Some(mut state) = state else {
        commands.clear();
        return;
    };
    for command in commands.read() {
        // While a take rolls, the crew keeps its hands off.
        if state.take.is_some() && !matches!(command, VpCommand::SetView(_)) {
            continue;
        }
        match command {
            VpCommand::SelectShot(i) => state.level.select(*i),
            VpCommand::SetScene(i) => {
                if *i < settings.scenes.len() {
                    settings.scene = *i;
                }
            }
            VpCommand::NextTime => settings.time = settings.time.next(),
            VpCommand::NextWeather => settings.weather = settings.weather.next(),
            VpCommand::SetFocal(f) => settings.lens.focal_mm = f.clamp(12.0, 135.0),
            VpCommand::SetFocus(m) => settings.lens.focus_distance_m = m.clamp(0.5, 20.0),
            VpCommand::SetOverscan(o) => settings.overscan = o.clamp(1.0, 1.5),
            VpCommand::SetLatency(k) => tracker.0.settings.latency_frames = (*k).min(12),
            VpCommand::SetJitter(mm) => {
                let mm = mm.clamp(0.0, 20.0);
                tracker.0.settings.jitter_mm = mm;
                tracker.0.settings.jitter_deg = mm * 0.02;
            }
            VpCommand::SetCompensation(c) => {
                tracker.0.settings.compensation_frames = c.clamp(0.0, 12.0);
            }
            VpCommand::SetPitch(p) => match settings.geometry.clone().with_pixel_pitch_mm(*p) {
                Ok(g) => settings.geometry = g,
                Err(e) => notices.warn(format!("Pixel pitch: {e}")),
            },
            VpCommand::SetLight {
                kind,
                kelvin,
                intensity,
                azimuth_deg,
            } => lights.set(*kind, *kelvin, *intensity, *azimuth_deg),
            VpCommand::SetView(v) => settings.view = *v,
            VpCommand::FreezeOuter(f) => settings.freeze_outer = *f,
            VpCommand::MoveCamera { local, yaw, pitch } => {
                let p = &mut pose.0;
                p.position += p.rotation * *local;
                // Stay inside the volume, on the floor, in front of the wall.
                let r = settings.geometry.radius_m - 0.8;
                let flat = p.position.with_y(0.0);
                if flat.length() > r {
                    let clamped = flat.normalize_or_zero() * r;
                    p.position.x = clamped.x;
                    p.position.z = clamped.z;
                }
                p.position.y = p.position.y.clamp(0.3, 4.5);
                p.rotation =
                    Quat::from_rotation_y(*yaw) * p.rotation * Quat::from_rotation_x(*pitch);
            }
            VpCommand::SetPose(p) => pose.0 = *p,
            VpCommand::Chain(answer) => {
                let VpState {
                    chain, chain_spec, ..
                } = &mut *state;
                let _ = chain.answer(chain_spec, *answer);
            }
            VpCommand::RecordTake if !state.chain_built() => notices.warn(CHAIN_FIRST),
            VpCommand::RecordTake => {
                tracker.0.reset_max_lag();
                state.take = Some(Take {
                    start: pose.0,
                    elapsed: 0.0,
                });
            }
        }
    }
}

/// Roll the take: move the camera through the shot's move, then measure and score it.
fn run_take(
    time: Res<Time>,
    state: Option<ResMut<VpState>>,
    settings: Res<StageSettings>,
    mut pose: ResMut<CinemaPose>,
    tracker: Res<Tracker>,
    lights: Res<StageLights>,
    mut status: ResMut<LevelStatus>,
    lesson: LessonTasks,
    mut cues: MessageWriter<CrewCue>,
) {
    let Some(mut state) = state else { return };
    set_status(&state, &lesson, &mut status);
    let Some(mut take) = state.take.clone() else {
        return;
    };
    let Some(shot) = state.level.current_shot().cloned() else {
        state.take = None;
        return;
    };
    take.elapsed += time.delta_secs();
    let t = take.elapsed / TAKE_SECONDS;
    pose.0 = pose_during_move(&take.start, shot.camera_move, t);
    if t < 1.0 {
        state.take = Some(take);
        return;
    }
    // The take is over: measure it from where it started.
    let Some(measurement) = measure_take(&settings, take.start, &tracker.0, &lights) else {
        state.take = None;
        return;
    };
    let attempt = attempt_from(&measurement, &settings.geometry);
    if let Some(cue) = state.level.record(&attempt).as_ref().and_then(take_cue) {
        cues.write(CrewCue::new(STOP, cue));
    }
    state.take = None;
    pose.0 = take.start;
    set_status(&state, &lesson, &mut status);
}

/// What the hosts say about a take: the wall lagging (parallax), the pattern shimmering
/// (moiré), or a pass. Other failures have their own line in the take's checks.
fn take_cue(score: &ShotScore) -> Option<&'static str> {
    let failed = |kind| score.check(kind).is_some_and(|c| !c.passed);
    if failed(CheckKind::Parallax) {
        Some("wall-lagging")
    } else if failed(CheckKind::Moire) {
        Some("moire")
    } else if score.checks.iter().all(|c| c.passed) {
        Some("take-passed")
    } else {
        None
    }
}

/// What a take that started at `start` measured, as the stage is now: the scene on the wall,
/// the lens, the overscan, the tracker's worst lag and the lights. `None` with no scene.
pub fn measure_take(
    settings: &StageSettings,
    start: CameraPose,
    tracker: &TrackingSystem,
    lights: &StageLights,
) -> Option<TakeMeasurement> {
    let desc = settings.current_scene()?;
    Some(TakeMeasurement {
        scene: desc.name.clone(),
        environment: desc.apply_conditions(settings.time, settings.weather),
        start_pose: start,
        lens: settings.lens,
        overscan: settings.overscan,
        max_lag: tracker.max_lag_error(),
        lights: lights.as_vec(),
    })
}

/// The core is the lesson's number of shots at two stars; the stars average the best of them.
fn set_status(state: &VpState, lesson: &LessonTasks, status: &mut LevelStatus) {
    lesson.apply(STOP, &state.level.task_counts(state.chain_built()), status);
    let core = lesson.core(STOP, "shots") as usize;
    let stars = state.level.stars_over(core);
    if status.stars != stars {
        status.stars = stars;
    }
}

pub(super) fn plugin(app: &mut App) {
    crate::stage::films_on_stage(app, STOP);
    load_content::<ShotFile>(app);
    app.world_mut()
        .resource_mut::<LevelCatalog>()
        .register(STOP);
    level_save::register::<VpSave>(app);
    app.add_systems(PostStartup, remember_fresh_stage);
    app.add_message::<VpCommand>()
        .add_systems(
            OnEnter(StopPhase::Level),
            (start_level, reset_stage, resume_level::<VpSave>)
                .chain()
                .run_if(in_stop(STOP)),
        )
        .add_systems(
            OnExit(StopPhase::Level),
            (save_level::<VpSave>.run_if(in_stop(STOP)), end_level).chain(),
        )
        .add_systems(
            Update,
            (apply_vp_commands, run_take)
                .chain()
                .in_set(TourSystems::Play)
                .run_if(in_level(STOP)),
        );
}
