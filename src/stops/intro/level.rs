//! Stop 0, Intro: "the studio is a system". The logic is `crate::stops::intro::model`; this plugin
//! runs it while the Intro level is up.

use bevy::prelude::*;

use crate::GameConfig;
use crate::crew::CrewCue;
use crate::stops::intro::model::{IntroFeedback, IntroLevel, StudioSpec};
use crate::tour::content_plugin::{Content, load_content};
use crate::tour::flow::{LevelCatalog, LevelStatus, TourSystems};
use crate::tour::lesson::LessonTasks;
use crate::tour::level_save::{self, LevelSnapshot, resume_level, save_level};
use crate::tour::{StopPhase, in_stop};

pub const STOP: usize = 0;

#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum IntroCommand {
    Connect(String),
    Disconnect(String),
    /// During the incident: name this part as the one that failed.
    Blame(String),
    /// While predicting: mark or unmark this part as one expected to stop.
    Mark(String),
    /// While predicting: pull the part in question and score the marks.
    Pull,
}

/// The level in play, plus a log of what happened for the UI.
#[derive(Resource, Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct IntroState {
    pub level: IntroLevel,
    pub log: Vec<IntroFeedback>,
}

/// The level's whole state is its save: the student's work, kept between visits.
impl LevelSnapshot for IntroState {
    const STOP: usize = STOP;
    fn capture(world: &World) -> Option<Self> {
        world.get_resource::<Self>().cloned()
    }
    fn restore(self, world: &mut World) {
        world.insert_resource(self);
    }
}

fn start_level(mut commands: Commands, content: Res<Content<StudioSpec>>, config: Res<GameConfig>) {
    commands.insert_resource(IntroState {
        level: IntroLevel::new(content.0.clone(), config.seed),
        log: Vec::new(),
    });
}

fn end_level(mut commands: Commands) {
    commands.remove_resource::<IntroState>();
}

fn apply_intro_commands(
    mut commands: MessageReader<IntroCommand>,
    state: Option<ResMut<IntroState>>,
    mut status: ResMut<LevelStatus>,
    lesson: LessonTasks,
    mut cues: MessageWriter<CrewCue>,
) {
    let Some(mut state) = state else {
        commands.clear();
        return;
    };
    for command in commands.read() {
        match command {
            IntroCommand::Connect(id) => {
                let feedback = state.level.connect(id);
                state.log.extend(feedback);
            }
            IntroCommand::Disconnect(id) => {
                state.level.disconnect(id);
            }
            IntroCommand::Blame(id) => {
                let feedback = state.level.blame(id);
                // The host reacts: a stalled part blamed, or the real failure found.
                for fb in &feedback {
                    match fb {
                        IntroFeedback::RootFound { .. } => {
                            cues.write(CrewCue::new(STOP, "root-found"));
                        }
                        IntroFeedback::OnlyStalled { .. } => {
                            cues.write(CrewCue::new(STOP, "wrong-part"));
                        }
                        _ => {}
                    }
                }
                state.log.extend(feedback);
            }
            IntroCommand::Mark(id) => {
                state.level.mark(id);
            }
            IntroCommand::Pull => {
                let feedback = state.level.pull();
                state.log.extend(feedback);
            }
        }
    }
    lesson.apply(STOP, &state.level.task_counts(), &mut status);
    status.stars = state.level.stars();
}

pub(super) fn plugin(app: &mut App) {
    load_content::<StudioSpec>(app);
    app.world_mut()
        .resource_mut::<LevelCatalog>()
        .register(STOP);
    level_save::register::<IntroState>(app);
    app.add_message::<IntroCommand>()
        .add_systems(
            OnEnter(StopPhase::Level),
            (start_level, resume_level::<IntroState>)
                .chain()
                .run_if(in_stop(STOP)),
        )
        .add_systems(
            OnExit(StopPhase::Level),
            (save_level::<IntroState>.run_if(in_stop(STOP)), end_level).chain(),
        )
        .add_systems(
            Update,
            apply_intro_commands
                .in_set(TourSystems::Play)
                .run_if(in_state(StopPhase::Level)),
        );
}
