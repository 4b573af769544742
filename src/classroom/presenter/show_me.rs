//! "Show me": in presenter mode a teacher plays the current task's solution in the level, one
//! captioned step every `STEP_SECONDS`, through the level's own command messages, and then
//! the student's work comes back exactly as it was.
//!
//! The driver knows no stop. A stop opts in by implementing [`ShowMe`] for its level snapshot
//! (its steps come from a pure function in its own folder) and calling [`register`]. The
//! student's work is captured before the first step and restored at the end, when the teacher
//! stops early, or when the level is left; level saves are held meanwhile
//! (`level_save::SavesOnHold`), and the level's status is pinned to the student's so the
//! demonstration never finishes the level or records stars.

use bevy::prelude::*;

use crate::classroom::presenter::commands::PresenterState;
use crate::classroom::presenter::model::{Beat, ShowClock, ShowStep, caption_line};
use crate::classroom::teacher_lock::TeacherLock;
use crate::classroom::teacher_lock::lock::notify_locked;
use crate::tour::flow::TourSystems;
use crate::tour::level_save::{LevelSnapshot, SavesOnHold, save_level};
use crate::tour::{LevelStatus, Notices, StopPhase, in_level};

/// A level that can show how its current task is solved.
pub trait ShowMe: LevelSnapshot {
    type Command: Message + Clone;
    /// The steps that solve what is left of the current task, from the level as it is now.
    /// Empty when there is nothing left to show.
    fn steps(world: &World) -> Vec<ShowStep<Self::Command>>;
}

/// Start or stop a demonstration. Starting needs presenter mode, the teacher lock open and a
/// level on screen; stopping is always allowed (it only gives the student's work back).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowMeCommand {
    /// Start, or stop the one that is running.
    Toggle,
    /// Stop the one that is running, if any.
    Stop,
}

/// What is being shown, for the banner and the presenter bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Showing {
    pub stop: usize,
    /// The banner line for the step on screen ("Show me — step 2 of 5: …").
    pub caption: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Request {
    Start,
    Stop,
}

#[derive(Resource, Debug, Default)]
pub struct ShowMeStatus {
    pub showing: Option<Showing>,
    /// A start or stop accepted this frame, for the stop's driver.
    pending: Option<Request>,
}

impl ShowMeStatus {
    pub fn is_showing(&self) -> bool {
        self.showing.is_some()
    }
}

/// A running demonstration of stop `S::STOP`: the student's work and status to put back, and
/// the steps still to play.
#[derive(Resource)]
struct Demonstration<S: ShowMe> {
    before: S,
    status: LevelStatus,
    steps: Vec<ShowStep<S::Command>>,
    clock: ShowClock,
}

/// Order within `Update`: after the levels have applied this frame's commands (so the
/// status pinned here is the last word) and before the tour acts on `FinishLevel`.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
enum ShowMeSystems {
    Read,
    Drive,
    Settle,
}

fn read_show_me_commands(
    mut commands: MessageReader<ShowMeCommand>,
    lock: Res<TeacherLock>,
    presenter: Res<PresenterState>,
    phase: Option<Res<State<StopPhase>>>,
    mut status: ResMut<ShowMeStatus>,
    mut notices: ResMut<Notices>,
) {
    for &command in commands.read() {
        if status.is_showing() {
            status.pending = Some(Request::Stop);
            continue;
        }
        if command == ShowMeCommand::Stop {
            continue;
        }
        if !lock.is_open() {
            notify_locked(&mut notices);
        } else if !presenter.active {
            notices.info("Show me is a presenter-mode control: F5 turns presenter mode on.");
        } else if phase.as_ref().is_none_or(|p| *p.get() != StopPhase::Level) {
            notices.info("Show me works inside a level.");
        } else {
            status.pending = Some(Request::Start);
        }
    }
}

/// A request no stop's driver took (no demonstration for this level) is dropped.
fn settle(mut status: ResMut<ShowMeStatus>, mut notices: ResMut<Notices>) {
    if status.pending.take() == Some(Request::Start) {
        notices.info("This level has no demonstration.");
    }
}

fn drive<S: ShowMe>(world: &mut World) {
    let request = world.resource_mut::<ShowMeStatus>().pending.take();
    match request {
        Some(Request::Start) if !world.contains_resource::<Demonstration<S>>() => start::<S>(world),
        Some(Request::Stop) => {
            finish::<S>(
                world,
                "Show me stopped: the student's work is back as it was.",
            );
            return;
        }
        _ => {}
    }
    play::<S>(world);
}

fn start<S: ShowMe>(world: &mut World) {
    let Some(before) = S::capture(world) else {
        return;
    };
    let steps = S::steps(world);
    if steps.is_empty() {
        world
            .resource_mut::<Notices>()
            .info("Nothing to show: this task is already solved.");
        return;
    }
    let status = world.resource::<LevelStatus>().clone();
    world.resource_mut::<SavesOnHold>().0 = true;
    world.resource_mut::<ShowMeStatus>().showing = Some(Showing {
        stop: S::STOP,
        caption: String::new(),
    });
    world.insert_resource(Demonstration {
        before,
        status,
        clock: ShowClock::new(steps.len()),
        steps,
    });
}

fn play<S: ShowMe>(world: &mut World) {
    let Some(mut demo) = world.remove_resource::<Demonstration<S>>() else {
        return;
    };
    let dt = world.resource::<Time>().delta_secs();
    match demo.clock.tick(dt) {
        Beat::Wait => {}
        Beat::Play(index) => {
            if let Some(step) = demo.steps.get(index) {
                world.write_message(step.command.clone());
                let line = caption_line(index, demo.steps.len(), &step.caption);
                if let Some(showing) = world.resource_mut::<ShowMeStatus>().showing.as_mut() {
                    showing.caption = line;
                }
            }
        }
        Beat::Done => {
            world.insert_resource(demo);
            finish::<S>(world, "That was the solution: the student's work is back.");
            return;
        }
    }
    // The demonstration finishes nothing: the level reads as the student left it.
    *world.resource_mut::<LevelStatus>() = demo.status.clone();
    world.insert_resource(demo);
}

/// End the demonstration, if one runs: the student's work and status come back and saving
/// resumes.
fn finish<S: ShowMe>(world: &mut World, note: &str) {
    let Some(demo) = world.remove_resource::<Demonstration<S>>() else {
        return;
    };
    demo.before.restore(world);
    *world.resource_mut::<LevelStatus>() = demo.status;
    world.resource_mut::<SavesOnHold>().0 = false;
    world.resource_mut::<ShowMeStatus>().showing = None;
    world.resource_mut::<Notices>().info(note);
}

/// Leaving the level mid-demonstration puts the student's work back before it is saved.
fn finish_on_exit<S: ShowMe>(world: &mut World) {
    finish::<S>(
        world,
        "Show me stopped: the student's work is back as it was.",
    );
}

/// Let stop `S::STOP`'s level be demonstrated.
pub fn register<S: ShowMe>(app: &mut App) {
    app.add_systems(
        Update,
        drive::<S>
            .in_set(ShowMeSystems::Drive)
            .run_if(in_level(S::STOP)),
    )
    .add_systems(
        OnExit(StopPhase::Level),
        finish_on_exit::<S>.before(save_level::<S>),
    );
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ShowMeCommand>()
        .init_resource::<ShowMeStatus>()
        .init_resource::<SavesOnHold>()
        .configure_sets(
            Update,
            (
                ShowMeSystems::Read,
                ShowMeSystems::Drive,
                ShowMeSystems::Settle,
            )
                .chain()
                .after(TourSystems::Play)
                .before(TourSystems::Flow),
        )
        .add_systems(
            Update,
            (
                read_show_me_commands.in_set(ShowMeSystems::Read),
                settle.in_set(ShowMeSystems::Settle),
            ),
        );
}
