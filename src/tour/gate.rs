//! The quiz gate at the end of each stop, in the ECS. The engine is `crate::tour::model::quiz`; this file
//! builds a session when the gate opens, applies `GateCommand`s and records the result.

use bevy::prelude::*;

use crate::GameConfig;
use crate::tour::content_plugin::GameContent;
use crate::tour::flow::TourSystems;
use crate::tour::model::bank_library::{self, BankSet};
use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::quiz::{GateSession, SubmitOutcome};
use crate::tour::notices::Notices;
use crate::tour::save::{SaveData, SaveRequest};
use crate::tour::state::{CurrentStop, Screen, StopPhase};

/// What the player (or a test) does at a gate. Positions are display positions (A = 0).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateCommand {
    /// Choose (or toggle, for several-answer questions) the choice at a position.
    Select(usize),
    Submit,
    /// After a correct answer: the next question, or leave through the open gate.
    Next,
    /// Keyboard focus ring: move it forward or back over the choices and the submit button.
    FocusNext,
    FocusPrev,
    /// Space on the focused item.
    ActivateFocus,
}

#[derive(Resource, Debug)]
pub struct ActiveGate {
    pub stop: usize,
    pub session: GateSession,
    /// The outcome of the last submission, shown until the selection changes.
    pub last_outcome: Option<SubmitOutcome>,
    /// Focus ring position: 0..choices are choices, `choices` is the submit/next button.
    pub focus: usize,
    /// A presenter revealed the current question's answer and explanations.
    pub revealed: bool,
}

/// Sent when a gate closes (passed, or left): what was asked and how it went. The camp's
/// scoring listens to it.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct GateClosed {
    pub stop: usize,
    pub records: Vec<crate::tour::model::quiz::QuestionRecord>,
    pub passed: bool,
}

/// Questions from the teacher's imported banks (`crate::tour::model::bank_library`), read at start-up.
#[derive(Resource, Debug, Default)]
pub struct TeacherBanks(pub BankSet);

impl ActiveGate {
    pub fn focus_slots(&self) -> usize {
        self.session.displayed_choices().len() + 1
    }
}

fn open_gate(
    mut commands: Commands,
    current: Res<CurrentStop>,
    content: Res<GameContent>,
    config: Res<GameConfig>,
    save: Res<SaveData>,
    banks: Res<TeacherBanks>,
) {
    let stop = current.0;
    let questions = banks
        .0
        .gate_questions(stop, content.tour.gate_questions(stop));
    // Each visit reshuffles (a new seed per attempt count), but the same game seed replays.
    let visits = save
        .progress
        .gates
        .get(&(stop as u8))
        .map_or(0, |g| g.total_attempts() as u64);
    let seed = config.seed ^ ((stop as u64) << 32) ^ visits;
    commands.insert_resource(ActiveGate {
        stop,
        session: GateSession::new(questions, seed),
        last_outcome: None,
        focus: 0,
        revealed: false,
    });
}

/// Record what happened when leaving the gate, pass or not, so attempts are never lost.
fn close_gate(
    mut commands: Commands,
    gate: Option<Res<ActiveGate>>,
    mut save: ResMut<SaveData>,
    mut save_requests: MessageWriter<SaveRequest>,
    mut closed: MessageWriter<GateClosed>,
) {
    if let Some(gate) = gate {
        let passed = gate.session.is_open();
        save.progress
            .record_gate(gate.stop, gate.session.records(), passed);
        save_requests.write(SaveRequest);
        closed.write(GateClosed {
            stop: gate.stop,
            records: gate.session.records().to_vec(),
            passed,
        });
    }
    commands.remove_resource::<ActiveGate>();
}

fn apply_gate_commands(
    mut commands: MessageReader<GateCommand>,
    gate: Option<ResMut<ActiveGate>>,
    mut next_screen: ResMut<NextState<Screen>>,
    content: Res<GameContent>,
    mut notices: ResMut<Notices>,
) {
    let Some(mut gate) = gate else {
        commands.clear();
        return;
    };
    for command in commands.read() {
        let command = match *command {
            GateCommand::ActivateFocus => {
                let choices = gate.session.displayed_choices().len();
                if gate.focus < choices {
                    GateCommand::Select(gate.focus)
                } else if gate.session.current_answered() {
                    GateCommand::Next
                } else {
                    GateCommand::Submit
                }
            }
            other => other,
        };
        match command {
            GateCommand::Select(pos) => {
                gate.session.select(pos);
                if pos < gate.focus_slots() {
                    gate.focus = pos;
                }
                if !gate.session.current_answered() {
                    gate.last_outcome = None;
                }
            }
            GateCommand::Submit => {
                let outcome = gate.session.submit();
                if outcome != SubmitOutcome::NothingSelected {
                    gate.last_outcome = Some(outcome);
                }
                if gate.session.current_answered() {
                    gate.focus = gate.focus_slots() - 1;
                }
            }
            GateCommand::Next => {
                if gate.session.advance() {
                    gate.last_outcome = None;
                    gate.revealed = false;
                    gate.focus = 0;
                } else if gate.session.is_open() {
                    let stop = gate.stop;
                    if stop + 1 >= STOP_COUNT {
                        next_screen.set(Screen::Finale);
                    } else {
                        let next_title = content
                            .tour
                            .stop(stop + 1)
                            .map_or("the next stop", |s| s.title.as_str());
                        notices.success(format!("Gate open! {next_title} is unlocked."));
                        next_screen.set(Screen::Map);
                    }
                }
            }
            GateCommand::FocusNext => gate.focus = (gate.focus + 1) % gate.focus_slots(),
            GateCommand::FocusPrev => {
                let slots = gate.focus_slots();
                gate.focus = (gate.focus + slots - 1) % slots;
            }
            GateCommand::ActivateFocus => {}
        }
    }
}

fn load_teacher_banks(
    config: Res<GameConfig>,
    mut banks: ResMut<TeacherBanks>,
    mut notices: ResMut<Notices>,
) {
    banks.0 = bank_library::load(&config.data_dir);
    for line in &banks.0.report {
        notices.info(format!("Teacher questions: {line}"));
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<GateCommand>()
        .add_message::<GateClosed>()
        .init_resource::<TeacherBanks>()
        .add_systems(Startup, load_teacher_banks)
        .add_systems(OnEnter(StopPhase::Gate), open_gate)
        .add_systems(OnExit(StopPhase::Gate), close_gate)
        .add_systems(
            Update,
            apply_gate_commands
                .in_set(TourSystems::Play)
                .run_if(in_state(StopPhase::Gate)),
        );
}
