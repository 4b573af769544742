//! Stop 6, Conclusion: the crew you met (match each host of the tour to what they did in it),
//! "How can you prepare?" (pick one or two of their careers, kept in the saved progress), the
//! Rapid Fire Review as the final gate, then the polls and a summary of the run.

use bevy::prelude::*;

use crate::GameConfig;
use crate::crew::model::Crew;
use crate::crew::{CrewCue, CrewSystems};
use crate::stops::conclusion::model::{
    CareerPlan, Careers, CrewMatch, MAX_PICKS, MatchOutcome, PlanError, task_counts,
};
use crate::tour::content_plugin::{Content, load_content};
use crate::tour::flow::{LevelCatalog, LevelStatus, TourSystems};
use crate::tour::lesson::LessonTasks;
use crate::tour::level_save::{self, LevelSnapshot, resume_level, save_level};
use crate::tour::{GameContent, SaveData, SaveRequest, Screen, StopPhase, in_stop};

pub const STOP: usize = 6;

#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConclusionCommand {
    /// Say that the person on `card` did the deed offered as choice `deed`.
    Match { card: usize, deed: usize },
    /// Look at a card in the gallery (keyboard focus or mouse).
    Focus(usize),
    /// Add or take out a career of the plan, by its place in [`plan_careers`].
    TogglePick(usize),
    /// "This is my plan": save the picks to progress.
    KeepPlan,
}

/// The careers offered in "How can you prepare?": those of the crew the student met, once
/// each, in the crew file's order.
pub fn plan_careers(crew: &Crew) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for host in &crew.hosts {
        if !out.contains(&host.career.as_str()) {
            out.push(&host.career);
        }
    }
    out
}

/// Answer a poll; saved straight away.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct PollAnswer {
    pub poll: String,
    pub option: usize,
}

#[derive(Resource, Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ConclusionState {
    pub game: CrewMatch,
    #[serde(default)]
    pub plan: CareerPlan,
    pub focused: usize,
    pub last: Option<(usize, MatchOutcome)>,
    /// The plan's message: why a pick was refused, or that it was kept.
    #[serde(default)]
    pub plan_note: Option<String>,
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

fn start_level(
    mut commands: Commands,
    crew: Res<Content<Crew>>,
    save: Res<SaveData>,
    config: Res<GameConfig>,
) {
    let ids: Vec<&str> = crew.hosts.iter().map(|h| h.id.as_str()).collect();
    // A plan kept on an earlier visit is shown again, to keep or change.
    let plan = CareerPlan {
        picks: save.progress.career_plan.clone(),
        kept: false,
    };
    commands.insert_resource(ConclusionState {
        game: CrewMatch::new(&ids, config.seed),
        plan,
        focused: 0,
        last: None,
        plan_note: None,
    });
}

fn end_level(mut commands: Commands) {
    commands.remove_resource::<ConclusionState>();
}

fn apply_conclusion_commands(
    mut commands: MessageReader<ConclusionCommand>,
    state: Option<ResMut<ConclusionState>>,
    careers: Res<Content<Careers>>,
    crew: Res<Content<Crew>>,
    mut status: ResMut<LevelStatus>,
    lesson: LessonTasks,
    mut save: ResMut<SaveData>,
    mut save_requests: MessageWriter<SaveRequest>,
    mut cues: MessageWriter<CrewCue>,
) {
    let Some(mut state) = state else {
        commands.clear();
        return;
    };
    for command in commands.read() {
        match *command {
            ConclusionCommand::Match { card, deed } => {
                let outcome = state.game.guess(card, deed);
                match outcome {
                    MatchOutcome::Right => {
                        state.focused = state.game.next_open().unwrap_or(card);
                        if state.game.is_complete() {
                            cues.write(CrewCue::new(STOP, "crew-matched"));
                        }
                    }
                    MatchOutcome::Wrong => {
                        cues.write(CrewCue::new(STOP, "match-wrong"));
                    }
                    _ => {}
                }
                state.last = Some((card, outcome));
            }
            ConclusionCommand::Focus(card) => {
                if card < state.game.people.len() {
                    state.focused = card;
                }
            }
            ConclusionCommand::TogglePick(i) => {
                let offered = plan_careers(&crew);
                let Some(title) = offered.get(i) else {
                    continue;
                };
                state.plan_note = match state.plan.toggle(title, &careers) {
                    Ok(()) => None,
                    Err(PlanError::TooMany) => Some(format!(
                        "Pick at most {MAX_PICKS}: take one out to choose another."
                    )),
                    Err(PlanError::Unknown) => Some(format!(
                        "\"{title}\" is not in the careers file, so it has no first steps."
                    )),
                };
            }
            ConclusionCommand::KeepPlan => {
                if state.plan.keep() {
                    save.progress.career_plan.clone_from(&state.plan.picks);
                    save_requests.write(SaveRequest);
                    state.plan_note = Some("Saved. Your teacher can see your plan.".into());
                } else {
                    state.plan_note = Some("Pick one or two careers first.".into());
                }
            }
        }
    }
    lesson.apply(STOP, &task_counts(&state.game, &state.plan), &mut status);
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
                    .before(CrewSystems::Cues)
                    .run_if(in_state(StopPhase::Level)),
                record_poll_answers.run_if(in_state(Screen::Finale)),
            ),
        );
}
