//! Presenter mode: what a teacher at a projector can do that a student cannot. Jump to any
//! stop, unlock or skip a gate, reveal a gate's answer, pause everything, and hide the
//! interface for a clean view. Logic only; the controls are drawn by `ui::presenter_ui`.

use bevy::prelude::*;

use crate::GameConfig;
use crate::tour::flow::TourSystems;
use crate::tour::model::content::STOP_COUNT;
use crate::tour::{
    ActiveGate, CurrentStop, GameContent, Notices, SaveData, SaveRequest, Screen, StopPhase,
    TourCommand,
};

#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresenterCommand {
    /// Turn presenter mode on or off.
    Toggle,
    /// Unlock a stop (if needed) and open it.
    JumpTo(usize),
    /// Unlock a stop without opening it.
    Unlock(usize),
    /// Mark the current stop's gate as passed (by the teacher) and unlock the next stop.
    SkipGate,
    /// Show the right answer and every choice's explanation at the current gate question.
    RevealAnswer,
    /// Pause or resume everything that moves (levels, playheads, takes, timers).
    TogglePause,
    /// Hide or show the on-screen interface.
    ToggleChrome,
}

#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct PresenterState {
    pub active: bool,
    pub paused: bool,
    pub chrome_hidden: bool,
}

fn start_in_presenter_mode(config: Res<GameConfig>, mut state: ResMut<PresenterState>) {
    state.active = config.presenter;
}

fn apply_presenter_commands(
    mut commands: MessageReader<PresenterCommand>,
    mut state: ResMut<PresenterState>,
    mut save: ResMut<SaveData>,
    mut save_requests: MessageWriter<SaveRequest>,
    mut tour: MessageWriter<TourCommand>,
    mut next_screen: ResMut<NextState<Screen>>,
    gate: Option<ResMut<ActiveGate>>,
    current: Res<CurrentStop>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<StopPhase>>>,
    content: Res<GameContent>,
    mut time: ResMut<Time<Virtual>>,
    mut notices: ResMut<Notices>,
) {
    let mut gate = gate;
    for command in commands.read() {
        match *command {
            PresenterCommand::Toggle => {
                state.active = !state.active;
                if !state.active {
                    // Leaving presenter mode never leaves the class frozen or blind.
                    state.chrome_hidden = false;
                    if state.paused {
                        state.paused = false;
                        time.unpause();
                    }
                }
            }
            PresenterCommand::JumpTo(stop) if stop < STOP_COUNT => {
                save.progress.unlock(stop);
                save_requests.write(SaveRequest);
                tour.write(TourCommand::OpenStop(stop));
            }
            PresenterCommand::Unlock(stop) if stop < STOP_COUNT => {
                save.progress.unlock(stop);
                save_requests.write(SaveRequest);
                let title = content.tour.stop(stop).map_or("", |s| s.title.as_str());
                notices.info(format!("Unlocked Stop {stop}: {title}."));
            }
            PresenterCommand::JumpTo(_) | PresenterCommand::Unlock(_) => {}
            PresenterCommand::SkipGate => {
                if *screen.get() != Screen::Stop {
                    notices.info("Open a stop first, then skip its gate.");
                    continue;
                }
                let stop = current.0;
                // The attempts made so far are recorded when the gate closes; this only opens it.
                save.progress.record_gate(stop, &[], true);
                if stop + 1 < STOP_COUNT {
                    save.progress.unlock(stop + 1);
                }
                save_requests.write(SaveRequest);
                notices.info(format!("The teacher opened the Stop {stop} gate."));
                next_screen.set(if stop + 1 >= STOP_COUNT {
                    Screen::Finale
                } else {
                    Screen::Map
                });
            }
            PresenterCommand::RevealAnswer => {
                let at_gate = phase.as_ref().is_some_and(|p| *p.get() == StopPhase::Gate);
                match gate.as_mut() {
                    Some(g) if at_gate => g.revealed = true,
                    _ => notices.info("Reveal works at a gate question."),
                }
            }
            PresenterCommand::TogglePause => {
                state.paused = !state.paused;
                if state.paused {
                    time.pause();
                } else {
                    time.unpause();
                }
            }
            PresenterCommand::ToggleChrome => state.chrome_hidden = !state.chrome_hidden,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PresenterCommand>()
        .init_resource::<PresenterState>()
        .add_systems(Startup, start_in_presenter_mode)
        .add_systems(Update, apply_presenter_commands.in_set(TourSystems::Play));
}
