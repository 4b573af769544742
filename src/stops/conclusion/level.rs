//! Stop 6, Conclusion: the careers gallery (match each hybrid role to the stop that showed it),
//! the Rapid Fire Review as the final gate, then the polls and a summary of the run.

use bevy::prelude::*;

use crate::GameConfig;
use crate::stops::conclusion::model::Careers;
use crate::stops::conclusion::model::{CareerMatch, MatchOutcome};
use crate::tour::content_plugin::{Content, load_content};
use crate::tour::flow::{LevelCatalog, LevelStatus, TourSystems};
use crate::tour::lesson::LessonTasks;
use crate::tour::level_save::{self, LevelSnapshot, resume_level, save_level};
use crate::tour::{GameContent, SaveData, SaveRequest, Screen, StopPhase, in_stop};

pub const STOP: usize = 6;
/// Cards dealt in the matching challenge: enough to need thought, few enough for a class.
pub const CARDS_DEALT: usize = 6;

#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConclusionCommand {
    /// Guess that the card was met at this stop.
    Guess { card: usize, stop: u8 },
    /// Look at a card in the gallery (keyboard focus or mouse).
    Focus(usize),
}

/// Answer a poll; saved straight away.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct PollAnswer {
    pub poll: String,
    pub option: usize,
}

#[derive(Resource, Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ConclusionState {
    pub game: CareerMatch,
    pub focused: usize,
    pub last: Option<(usize, MatchOutcome)>,
}

/// The level's whole state is its save: the student's work, kept between visits.
impl LevelSnapshot for ConclusionState {
    const STOP: usize = STOP;
    fn capture(world: &World) -> Option<Self> {
        world.get_resource::<Self>().cloned()
    }
    fn restore(self, world: &mut World) {
        world.insert_resource(self);
    }
}

fn start_level(mut commands: Commands, careers: Res<Content<Careers>>, config: Res<GameConfig>) {
    commands.insert_resource(ConclusionState {
        game: CareerMatch::new(&careers.careers, CARDS_DEALT, config.seed),
        focused: 0,
        last: None,
    });
}

fn end_level(mut commands: Commands) {
    commands.remove_resource::<ConclusionState>();
}

fn apply_conclusion_commands(
    mut commands: MessageReader<ConclusionCommand>,
    state: Option<ResMut<ConclusionState>>,
    careers: Res<Content<Careers>>,
    mut status: ResMut<LevelStatus>,
    lesson: LessonTasks,
) {
    let Some(mut state) = state else {
        commands.clear();
        return;
    };
    for command in commands.read() {
        match *command {
            ConclusionCommand::Guess { card, stop } => {
                let outcome = state.game.guess(&careers.careers, card, stop);
                if outcome == MatchOutcome::Right {
                    state.focused = state.game.next_open().unwrap_or(card);
                }
                state.last = Some((card, outcome));
            }
            ConclusionCommand::Focus(card) => {
                if card < state.game.cards.len() {
                    state.focused = card;
                }
            }
        }
    }
    lesson.apply(STOP, &state.game.task_counts(), &mut status);
    status.stars = state.game.stars();
}

fn record_poll_answers(
    mut answers: MessageReader<PollAnswer>,
    content: Res<GameContent>,
    mut save: ResMut<SaveData>,
    mut save_requests: MessageWriter<SaveRequest>,
) {
    for answer in answers.read() {
        let valid = content
            .tour
            .polls
            .iter()
            .any(|p| p.id == answer.poll && answer.option < p.options.len());
        if valid {
            save.progress
                .polls
                .insert(answer.poll.clone(), answer.option);
            save_requests.write(SaveRequest);
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    load_content::<Careers>(app);
    app.world_mut()
        .resource_mut::<LevelCatalog>()
        .register(STOP);
    level_save::register::<ConclusionState>(app);
    app.add_message::<ConclusionCommand>()
        .add_message::<PollAnswer>()
        .add_systems(
            OnEnter(StopPhase::Level),
            (start_level, resume_level::<ConclusionState>)
                .chain()
                .run_if(in_stop(STOP)),
        )
        .add_systems(
            OnExit(StopPhase::Level),
            (
                save_level::<ConclusionState>.run_if(in_stop(STOP)),
                end_level,
            )
                .chain(),
        )
        .add_systems(
            Update,
            (
                apply_conclusion_commands
                    .in_set(TourSystems::Play)
                    .run_if(in_state(StopPhase::Level)),
                record_poll_answers.run_if(in_state(Screen::Finale)),
            ),
        );
}
