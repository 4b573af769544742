//! Camp mode in the tour: hot-seat turns, the optional question timer, recording each team's
//! gate and level results into the `CampSession` (rules in `crate::classroom::camp::model`), saving it after
//! every turn, and exporting results as CSV. Drawn by `ui::camp_ui`.

use bevy::prelude::*;

use crate::GameConfig;
use crate::classroom::camp::model::{
    CampOptions, CampSession, CampSetup, CampStore, QuestionResult, QuestionTimer, StopResult,
    results_csv,
};
use crate::tour::flow::TourSystems;
use crate::tour::{
    ActiveGate, GateClosed, LevelCatalog, LevelStatus, Notices, SaveData, StopPhase, TourCommand,
};

#[derive(Message, Debug, Clone, PartialEq)]
pub enum CampCommand {
    /// Start a new camp (replacing any saved one).
    Begin(CampSetup, CampOptions),
    /// Open the current turn's stop for the team in the hot seat.
    StartTurn,
    /// Move on without a result (a team is absent): that stop scores 0 for them.
    SkipTurn,
    /// Add the timer's extension to the current question.
    ExtendTimer,
    /// Write the results CSV into the data directory.
    Export,
    /// End the camp and delete its save.
    End,
}

/// The camp in play, if any, and what the current turn has gathered so far.
#[derive(Resource, Debug, Default)]
pub struct CampPlay {
    pub session: Option<CampSession>,
    /// Stars of the level the current team just finished (None: no level, or not finished).
    pending_stars: Option<u8>,
    /// Seconds spent on each gate question this turn.
    question_seconds: Vec<f32>,
    /// Seconds since the current turn's stop opened.
    turn_seconds: f32,
    /// The countdown for the current question, when the camp uses one.
    pub timer: Option<QuestionTimer>,
    timer_question: Option<usize>,
    /// Last export: the file written, or why not.
    pub exported: Option<Result<String, String>>,
    /// A turn was just recorded; the UI shows the scoreboard or the hand-over card.
    pub between_turns: bool,
}

impl CampPlay {
    pub fn is_active(&self) -> bool {
        self.session.as_ref().is_some_and(|s| !s.is_finished())
    }
}

fn store(config: &GameConfig) -> CampStore {
    CampStore::new(config.data_dir.clone())
}

fn load_saved_camp(
    config: Res<GameConfig>,
    mut play: ResMut<CampPlay>,
    mut notices: ResMut<Notices>,
) {
    let (session, warning) = store(&config).load();
    if let Some(w) = warning {
        notices.warn(w);
    }
    if let Some(session) = session {
        play.between_turns = !session.is_finished();
        notices.info(format!(
            "Camp restored: {} teams. The game continues where it stopped.",
            session.setup().len()
        ));
        play.session = Some(session);
    }
}

fn save_camp(config: &GameConfig, session: &CampSession, notices: &mut Notices) {
    if config.capture.is_some() {
        return;
    }
    if let Err(e) = store(config).save(session) {
        notices.warn(format!("Could not save the camp: {e}"));
    }
}

fn apply_camp_commands(
    mut commands: MessageReader<CampCommand>,
    mut play: ResMut<CampPlay>,
    config: Res<GameConfig>,
    mut save: ResMut<SaveData>,
    mut tour: MessageWriter<TourCommand>,
    mut notices: ResMut<Notices>,
) {
    for command in commands.read() {
        match command {
            CampCommand::Begin(setup, options) => {
                match CampSession::new_shuffled(
                    setup.clone(),
                    options.clone(),
                    crate::platform::time::unix_now(),
                    config.seed,
                ) {
                    Ok(session) => {
                        save_camp(&config, &session, &mut notices);
                        play.session = Some(session);
                        play.between_turns = true;
                        play.exported = None;
                    }
                    Err(e) => notices.warn(format!("Camp not started: {e}")),
                }
            }
            CampCommand::StartTurn => {
                let Some(stop) = play.session.as_ref().and_then(|s| s.current_stop()) else {
                    continue;
                };
                // A camp plays its stops in its own order, so the stop is opened for the team.
                save.progress.unlock(stop);
                play.between_turns = false;
                play.pending_stars = None;
                play.question_seconds.clear();
                play.turn_seconds = 0.0;
                play.timer = None;
                play.timer_question = None;
                tour.write(TourCommand::OpenStop(stop));
            }
            CampCommand::SkipTurn => {
                if let Some(session) = play.session.as_mut() {
                    session.advance();
                    let snapshot = session.clone();
                    save_camp(&config, &snapshot, &mut notices);
                }
                play.between_turns = true;
            }
            CampCommand::ExtendTimer => {
                if let Some(timer) = play.timer.as_mut() {
                    timer.extend();
                }
            }
            CampCommand::Export => {
                let Some(session) = play.session.as_ref() else {
                    continue;
                };
                let name = format!("camp-results-{}.csv", session.started_unix());
                play.exported = Some(crate::platform::files::export_text(
                    &config.data_dir,
                    &name,
                    &results_csv(session),
                ));
            }
            CampCommand::End => {
                if let Err(e) = store(&config).clear() {
                    notices.warn(format!("Could not delete the camp save: {e}"));
                }
                *play = CampPlay::default();
            }
        }
    }
}

/// Keep the level's stars when it ends (the status is reset when the next level starts).
fn note_level_stars(mut play: ResMut<CampPlay>, status: Res<LevelStatus>) {
    if play.is_active() && status.complete {
        play.pending_stars = Some(status.stars);
    }
}

/// Time the gate's questions, and run the optional countdown.
fn time_gate_questions(time: Res<Time>, gate: Option<Res<ActiveGate>>, mut play: ResMut<CampPlay>) {
    // Only a turn started from the lot is timed: a teacher browsing a stop is not a team.
    if !play.is_active() || play.between_turns {
        return;
    }
    let dt = time.delta_secs();
    play.turn_seconds += dt;
    let Some(gate) = gate else { return };
    let index = gate.session.current_index();
    if gate.session.current_answered() {
        return;
    }
    if play.question_seconds.len() <= index {
        play.question_seconds.resize(index + 1, 0.0);
    }
    play.question_seconds[index] += dt;
    let options = play.session.as_ref().and_then(|s| s.options().timer);
    if let Some(options) = options {
        if play.timer_question != Some(index) {
            play.timer = Some(QuestionTimer::new(&options));
            play.timer_question = Some(index);
        }
        if let Some(timer) = play.timer.as_mut() {
            timer.tick(dt);
        }
    }
}

/// The gate closed: that is the end of the team's turn. Record it, save, and move on.
fn record_turn(
    mut closed: MessageReader<GateClosed>,
    mut play: ResMut<CampPlay>,
    catalog: Res<LevelCatalog>,
    config: Res<GameConfig>,
    mut notices: ResMut<Notices>,
) {
    for gate in closed.read() {
        let Some(session) = play.session.as_ref() else {
            continue;
        };
        let (Some(team), Some(stop)) = (session.current_team(), session.current_stop()) else {
            continue;
        };
        if stop != gate.stop || session.current_recorded() || play.between_turns {
            continue;
        }
        let questions = gate
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let seconds = play.question_seconds.get(i).copied().unwrap_or(0.0);
                QuestionResult::from_record(stop, r, seconds)
            })
            .collect();
        let level_stars = catalog
            .has_level(stop)
            .then(|| play.pending_stars.unwrap_or(0));
        let result = StopResult {
            stop,
            level_stars,
            questions,
            seconds: play.turn_seconds,
        };
        let Some(session) = play.session.as_mut() else {
            continue;
        };
        match session.record_turn(team, result) {
            Ok(()) => {
                session.advance();
                let snapshot = session.clone();
                save_camp(&config, &snapshot, &mut notices);
                play.between_turns = true;
                play.timer = None;
            }
            Err(e) => notices.warn(format!("Camp result not recorded: {e}")),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<CampCommand>()
        .init_resource::<CampPlay>()
        .add_systems(Startup, load_saved_camp)
        .add_systems(OnExit(StopPhase::Level), note_level_stars)
        .add_systems(
            Update,
            (
                apply_camp_commands,
                time_gate_questions.run_if(in_state(StopPhase::Gate)),
            )
                .in_set(TourSystems::Play),
        )
        // The gate's closing message is written during the state transition, before Update.
        .add_systems(Update, record_turn.after(TourSystems::Flow));
}
