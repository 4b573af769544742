//! Stop 1, Previsualization: compose each storyboard panel as a shot on a grey-box set, set
//! its mood with light, then play the whole sequence as an animatic and revise. Every check is
//! in `crate::stops::previs::model`; this plugin keeps the player's shots, runs the playback clock and scores.

use bevy::prelude::*;

use crate::crew::CrewCue;
use crate::stops::previs::model::StoryboardFile;
use crate::stops::previs::model::{
    AnimaticCue, MOVEMENT_POINTS, SequenceScore, ShotSetup, ShotVerdict, Storyboard,
    animatic_length, animatic_timeline, check_move_end, check_shot, classify, cue_at,
    score_sequence, solve_setup,
};
use crate::tour::content_plugin::{Content, load_content};
use crate::tour::flow::{LevelCatalog, LevelStatus, TourSystems};
use crate::tour::lesson::LessonTasks;
use crate::tour::level_save::{self, LevelSnapshot, resume_level, save_level};
use crate::tour::{Notices, StopPhase, in_stop};

pub const STOP: usize = 1;

/// The tasks this level reports to the lesson table (`assets/lessons.ron`).
pub const TASKS: &[&str] = &["panels", "animatic"];

#[derive(Message, Debug, Clone, PartialEq)]
pub enum PrevisCommand {
    /// Switch to another storyboard (starts its shots afresh).
    ChooseStoryboard(usize),
    SelectPanel(usize),
    /// The player's camera, blocking and light for a panel.
    SetShot(usize, ShotSetup),
    /// Test the shot against its panel.
    CheckShot(usize),
    /// Play one shot with its move and blocking.
    PlayShot(usize),
    /// Play every shot in order with its timing: the rough cut.
    PlayAnimatic,
    Stop,
}

/// What is playing: one shot, or the whole animatic.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Playback {
    Shot { panel: usize, seconds: f32 },
    Animatic { seconds: f32 },
}

#[derive(Resource, Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PrevisState {
    pub storyboard_index: usize,
    pub storyboard: Storyboard,
    pub shots: Vec<ShotSetup>,
    /// The last check of each shot.
    pub verdicts: Vec<Option<ShotVerdict>>,
    /// Whether the shot changed since its last check.
    pub dirty: Vec<bool>,
    pub selected: usize,
    /// Re-checks of a shot that had been checked before: the revise step of the design cycle.
    pub revisions: u32,
    pub timeline: Vec<AnimaticCue>,
    /// What is playing now; a resumed level starts stopped.
    #[serde(skip)]
    pub playback: Option<Playback>,
    /// The animatic played to its end with the core panels matching.
    pub final_cut_watched: bool,
    pub animatic_plays: u32,
    /// Matching panels the lesson length asks for (core); the rest are extensions.
    #[serde(default)]
    pub panels_needed: usize,
}

impl PrevisState {
    pub fn new(storyboard_index: usize, storyboard: Storyboard) -> Self {
        let n = storyboard.panels.len();
        // Each panel starts from a plain camera in front of its subject, so the player sees
        // the subject and has something to revise from.
        let shots = storyboard
            .panels
            .iter()
            .map(|panel| {
                let start = storyboard
                    .character(&panel.subject)
                    .map_or(Vec3::ZERO, |c| c.start_ground());
                ShotSetup {
                    camera: [start.x, 1.6, start.z + 7.0],
                    aim: [start.x, 0.9, start.z],
                    ..default()
                }
            })
            .collect();
        Self {
            storyboard_index,
            timeline: animatic_timeline(&storyboard.panels),
            storyboard,
            shots,
            verdicts: vec![None; n],
            dirty: vec![true; n],
            selected: 0,
            revisions: 0,
            playback: None,
            final_cut_watched: false,
            animatic_plays: 0,
            panels_needed: n,
        }
    }

    /// Panels whose last check matched and that have not changed since.
    pub fn matched_count(&self) -> usize {
        self.verdicts
            .iter()
            .zip(&self.dirty)
            .filter(|(v, dirty)| !**dirty && v.as_ref().is_some_and(|v| v.matches))
            .count()
    }

    /// Enough panels match for the animatic to count: the core of the lesson length.
    pub fn cut_ready(&self) -> bool {
        self.matched_count() >= self.panels_needed.max(1)
    }

    /// Units done of each task in [`TASKS`].
    pub fn task_counts(&self) -> Vec<(&'static str, u32)> {
        vec![
            (
                "panels",
                u32::try_from(self.matched_count()).unwrap_or(u32::MAX),
            ),
            ("animatic", u32::from(self.final_cut_watched)),
        ]
    }

    pub fn all_match(&self) -> bool {
        !self.verdicts.is_empty()
            && self
                .verdicts
                .iter()
                .zip(&self.dirty)
                .all(|(v, dirty)| !dirty && v.as_ref().is_some_and(|v| v.matches))
    }

    /// The sequence score: the distance from intent of the best core shots (so extension
    /// panels left undone never pull it down), and the revisions.
    pub fn sequence_score(&self) -> SequenceScore {
        let mut scores: Vec<u8> = self
            .verdicts
            .iter()
            .map(|v| v.as_ref().map_or(0, |v| v.score))
            .collect();
        scores.sort_unstable_by(|a, b| b.cmp(a));
        let core = self.panels_needed.clamp(1, scores.len().max(1));
        scores.truncate(core);
        score_sequence(&scores, self.revisions, core)
    }

    /// A setup that meets panel `panel_index`: [`solve_setup`] from the subject's start,
    /// facing +Z. `None` for a panel that does not exist or names no character.
    pub fn solved_setup(&self, panel_index: usize) -> Option<ShotSetup> {
        let panel = self.storyboard.panels.get(panel_index)?;
        let subject = self.storyboard.character(&panel.subject)?;
        Some(solve_setup(
            panel,
            subject.start_ground(),
            subject.height_m,
            Vec3::Z,
        ))
    }

    /// Whether panel `panel_index` matched at its last check and has not changed since.
    pub fn panel_done(&self, panel_index: usize) -> bool {
        !self.dirty.get(panel_index).copied().unwrap_or(true)
            && self
                .verdicts
                .get(panel_index)
                .and_then(Option::as_ref)
                .is_some_and(|v| v.matches)
    }

    /// Put the camera where the panel asks (the teacher's reveal and screenshots use it).
    pub fn compose_as_asked(&mut self, panel_index: usize) {
        let Some(setup) = self.solved_setup(panel_index) else {
            return;
        };
        self.shots[panel_index] = setup;
        self.dirty[panel_index] = true;
    }

    /// Check one shot: classify what the camera sees and compare it with the panel.
    pub fn check(&mut self, panel_index: usize) -> Option<&ShotVerdict> {
        let panel = self.storyboard.panels.get(panel_index)?;
        let setup = self.shots.get(panel_index)?;
        let subject = self.storyboard.character(&panel.subject)?;
        let reading = classify(setup, subject.start_ground(), subject.height_m);
        let mut verdict = check_shot(panel, setup, &reading);
        if let Some(problem) = check_move_end(setup, subject) {
            verdict.matches = false;
            verdict.score = verdict.score.saturating_sub(MOVEMENT_POINTS);
            verdict.reasons.push(problem);
        }
        if self.verdicts[panel_index].is_some() && self.dirty[panel_index] {
            self.revisions += 1;
        }
        self.verdicts[panel_index] = Some(verdict);
        self.dirty[panel_index] = false;
        self.verdicts[panel_index].as_ref()
    }

    /// Which panel is on screen and how far into it: the playing shot, or the selected one.
    pub fn showing(&self) -> (usize, f32) {
        match self.playback {
            Some(Playback::Shot { panel, seconds }) => {
                let length = self.storyboard.panels.get(panel).map_or(1.0, |p| p.seconds);
                (panel, (seconds / length).clamp(0.0, 1.0))
            }
            Some(Playback::Animatic { seconds }) => {
                cue_at(&self.timeline, seconds).unwrap_or((self.selected, 0.0))
            }
            None => (self.selected, 0.0),
        }
    }
}

/// The level's whole state is its save: the student's work, kept between visits.
impl LevelSnapshot for PrevisState {
    const STOP: usize = STOP;
    fn capture(world: &World) -> Option<Self> {
        world.get_resource::<Self>().cloned()
    }
    fn restore(self, world: &mut World) {
        world.insert_resource(self);
    }
}

fn start_level(
    mut commands: Commands,
    content: Res<Content<StoryboardFile>>,
    config: Res<crate::GameConfig>,
) {
    // The game seed picks which storyboard comes first, so replays differ.
    let count = content.storyboards.len().max(1);
    let index = (config.seed as usize) % count;
    if let Some(board) = content.storyboards.get(index) {
        let mut state = PrevisState::new(index, board.clone());
        if config.capture.is_some() {
            // `backlot capture --stop 1` shows a composed shot beside its panel: the first
            // panel framed as the storyboard asks, and checked.
            state.compose_as_asked(0);
            state.check(0);
        }
        commands.insert_resource(state);
    }
}

fn end_level(mut commands: Commands) {
    commands.remove_resource::<PrevisState>();
}

fn apply_previs_commands(
    mut commands: MessageReader<PrevisCommand>,
    state: Option<ResMut<PrevisState>>,
    content: Res<Content<StoryboardFile>>,
    mut status: ResMut<LevelStatus>,
    mut notices: ResMut<Notices>,
    lesson: LessonTasks,
    mut cues: MessageWriter<CrewCue>,
) {
    let Some(mut state) = state else {
        commands.clear();
        return;
    };
    let needed = lesson.core(STOP, "panels") as usize;
    if state.panels_needed != needed {
        state.panels_needed = needed;
    }
    let panels = state.storyboard.panels.len();
    for command in commands.read() {
        match command {
            PrevisCommand::ChooseStoryboard(i) => {
                if let Some(board) = content.storyboards.get(*i) {
                    *state = PrevisState::new(*i, board.clone());
                    state.panels_needed = needed;
                }
            }
            PrevisCommand::SelectPanel(i) if *i < panels => {
                state.selected = *i;
                state.playback = None;
            }
            PrevisCommand::SetShot(i, setup) if *i < panels => {
                if state.shots[*i] != *setup {
                    state.shots[*i] = setup.clone();
                    state.dirty[*i] = true;
                    // The cut watched still stands while the core panels match.
                    if !state.cut_ready() {
                        state.final_cut_watched = false;
                    }
                }
            }
            PrevisCommand::CheckShot(i) if *i < panels => {
                if let Some(verdict) = state.check(*i) {
                    let cue = if verdict.matches {
                        "panel-passed"
                    } else {
                        "check-failed"
                    };
                    cues.write(CrewCue::new(STOP, cue));
                }
            }
            PrevisCommand::PlayShot(i) if *i < panels => {
                state.selected = *i;
                state.playback = Some(Playback::Shot {
                    panel: *i,
                    seconds: 0.0,
                });
            }
            PrevisCommand::PlayAnimatic => {
                state.playback = Some(Playback::Animatic { seconds: 0.0 });
                state.animatic_plays += 1;
            }
            PrevisCommand::Stop => state.playback = None,
            PrevisCommand::SelectPanel(_)
            | PrevisCommand::SetShot(..)
            | PrevisCommand::CheckShot(_)
            | PrevisCommand::PlayShot(_) => {
                notices.info("There is no such storyboard panel.");
            }
        }
    }
    set_status(&state, &lesson, &mut status);
}

fn set_status(state: &PrevisState, lesson: &LessonTasks, status: &mut LevelStatus) {
    lesson.apply(STOP, &state.task_counts(), status);
    status.stars = if status.complete {
        state.sequence_score().stars
    } else {
        0
    };
}

/// Run the playback clock; the animatic counts as watched when it reaches its end with the
/// core panels matching.
fn run_playback(
    time: Res<Time>,
    state: Option<ResMut<PrevisState>>,
    mut status: ResMut<LevelStatus>,
    lesson: LessonTasks,
) {
    let Some(mut state) = state else { return };
    let dt = time.delta_secs();
    let total = animatic_length(&state.timeline);
    match state.playback {
        Some(Playback::Shot { panel, seconds }) => {
            let length = state
                .storyboard
                .panels
                .get(panel)
                .map_or(0.0, |p| p.seconds);
            let t = seconds + dt;
            state.playback = (t < length).then_some(Playback::Shot { panel, seconds: t });
        }
        Some(Playback::Animatic { seconds }) => {
            let t = seconds + dt;
            if t >= total {
                state.playback = None;
                if state.cut_ready() {
                    state.final_cut_watched = true;
                    set_status(&state, &lesson, &mut status);
                }
            } else {
                state.playback = Some(Playback::Animatic { seconds: t });
            }
        }
        None => {}
    }
}

pub(super) fn plugin(app: &mut App) {
    load_content::<StoryboardFile>(app);
    app.world_mut()
        .resource_mut::<LevelCatalog>()
        .register(STOP);
    level_save::register::<PrevisState>(app);
    app.add_message::<PrevisCommand>()
        .add_systems(
            OnEnter(StopPhase::Level),
            (start_level, resume_level::<PrevisState>)
                .chain()
                .run_if(in_stop(STOP)),
        )
        .add_systems(
            OnExit(StopPhase::Level),
            (save_level::<PrevisState>.run_if(in_stop(STOP)), end_level).chain(),
        )
        .add_systems(
            Update,
            (apply_previs_commands, run_playback)
                .chain()
                .in_set(TourSystems::Play)
                .run_if(in_state(StopPhase::Level)),
        );
}
