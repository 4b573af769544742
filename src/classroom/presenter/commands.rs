//! Presenter mode: what a teacher at a projector can do that a student cannot. Jump to any
//! stop, unlock or skip a gate, skip to a gate, reveal a gate's answer, pause everything, and
//! hide the interface for a clean view. Logic only; the controls are drawn by
//! `ui::presenter_ui`. Every command needs the teacher lock open (`classroom::teacher_lock`):
//! the check is here, where commands are applied, so no key or button gets around it.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::GameConfig;
use crate::classroom::teacher_lock::lock::notify_locked;
use crate::classroom::teacher_lock::{TeacherLock, TeacherLockSystems, TeacherUnlocked};
use crate::tour::flow::TourSystems;
use crate::tour::model::content::STOP_COUNT;
use crate::tour::{
    ActiveGate, CurrentStop, GameContent, Notices, SaveData, SaveRequest, Screen, StopPhase,
    TourCommand,
};

#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresenterCommand {
    /// Turn presenter mode on or off (while locked: ask for the teacher code).
    Toggle,
    /// Unlock a stop (if needed) and open it.
    JumpTo(usize),
    /// Unlock a stop without opening it.
    Unlock(usize),
    /// Mark the current stop's gate as passed (by the teacher) and unlock the next stop.
    SkipGate,
    /// Leave the current stop's briefing or level for its gate, without finishing the level
    /// (no level stars are recorded).
    SkipToGate,
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

/// What the presenter's commands change.
#[derive(SystemParam)]
struct Presenting<'w> {
    state: ResMut<'w, PresenterState>,
    save: ResMut<'w, SaveData>,
    save_requests: MessageWriter<'w, SaveRequest>,
    tour: MessageWriter<'w, TourCommand>,
    next_screen: ResMut<'w, NextState<Screen>>,
    next_phase: ResMut<'w, NextState<StopPhase>>,
    gate: Option<ResMut<'w, ActiveGate>>,
    current: Res<'w, CurrentStop>,
    screen: Res<'w, State<Screen>>,
    phase: Option<Res<'w, State<StopPhase>>>,
    content: Res<'w, GameContent>,
    time: ResMut<'w, Time<Virtual>>,
    notices: ResMut<'w, Notices>,
}

impl Presenting<'_> {
    fn phase(&self) -> Option<StopPhase> {
        self.phase.as_ref().map(|p| *p.get())
    }
}

fn start_in_presenter_mode(config: Res<GameConfig>, mut state: ResMut<PresenterState>) {
    state.active = config.presenter;
}

/// The right code turns presenter mode on: the teacher pressed F5 for it.
fn present_when_unlocked(
    mut unlocked: MessageReader<TeacherUnlocked>,
    mut state: ResMut<PresenterState>,
) {
    if unlocked.read().count() > 0 && !state.active {
        state.active = true;
    }
}

fn apply_presenter_commands(
    mut commands: MessageReader<PresenterCommand>,
    mut lock: ResMut<TeacherLock>,
    mut w: Presenting,
) {
    for &command in commands.read() {
        if !lock.is_open() {
            // F5 asks for the code; everything else only says that it is locked.
            match command {
                PresenterCommand::Toggle => lock.ask(),
                _ => notify_locked(&mut w.notices),
            }
            continue;
        }
        apply(command, &mut w);
    }
}

fn apply(command: PresenterCommand, w: &mut Presenting) {
    match command {
        PresenterCommand::Toggle => toggle(w),
        PresenterCommand::JumpTo(stop) if stop < STOP_COUNT => {
            w.save.progress.unlock(stop);
            w.save_requests.write(SaveRequest);
            w.tour.write(TourCommand::OpenStop(stop));
        }
        PresenterCommand::Unlock(stop) if stop < STOP_COUNT => {
            w.save.progress.unlock(stop);
            w.save_requests.write(SaveRequest);
            let title = w.content.tour.stop(stop).map_or("", |s| s.title.as_str());
            w.notices.info(format!("Unlocked Stop {stop}: {title}."));
        }
        PresenterCommand::JumpTo(_) | PresenterCommand::Unlock(_) => {}
        PresenterCommand::SkipGate => skip_gate(w),
        PresenterCommand::SkipToGate => skip_to_gate(w),
        PresenterCommand::RevealAnswer => {
            let at_gate = w.phase() == Some(StopPhase::Gate);
            match w.gate.as_mut() {
                Some(g) if at_gate => g.revealed = true,
                _ => w.notices.info("Reveal works at a gate question."),
            }
        }
        PresenterCommand::TogglePause => {
            w.state.paused = !w.state.paused;
            if w.state.paused {
                w.time.pause();
            } else {
                w.time.unpause();
            }
        }
        PresenterCommand::ToggleChrome => w.state.chrome_hidden = !w.state.chrome_hidden,
    }
}

fn toggle(w: &mut Presenting) {
    w.state.active = !w.state.active;
    if !w.state.active {
        // Leaving presenter mode never leaves the class frozen or blind.
        w.state.chrome_hidden = false;
        if w.state.paused {
            w.state.paused = false;
            w.time.unpause();
        }
    }
}

fn skip_gate(w: &mut Presenting) {
    if *w.screen.get() != Screen::Stop {
        w.notices.info("Open a stop first, then skip its gate.");
        return;
    }
    let stop = w.current.0;
    // The attempts made so far are recorded when the gate closes; this only opens it.
    w.save.progress.record_gate(stop, &[], true);
    if stop + 1 < STOP_COUNT {
        w.save.progress.unlock(stop + 1);
    }
    w.save_requests.write(SaveRequest);
    w.notices
        .info(format!("The teacher opened the Stop {stop} gate."));
    w.next_screen.set(if stop + 1 >= STOP_COUNT {
        Screen::Finale
    } else {
        Screen::Map
    });
}

/// From the briefing or the level straight to the gate. The level is left unfinished, so
/// nothing records its stars (`TourCommand::FinishLevel` is the only path that does).
fn skip_to_gate(w: &mut Presenting) {
    match w.phase() {
        Some(StopPhase::Briefing | StopPhase::Level) => {
            let stop = w.current.0;
            w.next_phase.set(StopPhase::Gate);
            w.notices
                .info(format!("The teacher skipped to the Stop {stop} gate."));
        }
        Some(StopPhase::Gate) => w.notices.info("This is the gate already."),
        None => w.notices.info("Open a stop first, then skip to its gate."),
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PresenterCommand>()
        .init_resource::<PresenterState>()
        .add_systems(Startup, start_in_presenter_mode)
        .add_systems(
            Update,
            (present_when_unlocked, apply_presenter_commands)
                .chain()
                .in_set(TourSystems::Play)
                .after(TeacherLockSystems),
        );
}
