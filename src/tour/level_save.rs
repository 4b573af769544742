//! Level saves in the ECS: each stop's level is saved as the student plays and resumed when
//! they come back, after Esc, after the bell, after a restart. The file format and the rules
//! for damaged files are in `model::level_save`.
//!
//! A stop opts in by implementing [`LevelSnapshot`] (what to keep, and how to put it back)
//! and calling [`register`]; its plugin runs [`resume_level`] right after it starts the level
//! and [`save_level`] right before it ends it.

use std::path::PathBuf;

use bevy::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::level_save::{self, LevelLoad};
use crate::tour::profile::ProfileLoaded;
use crate::tour::{LevelStatus, Notices, SaveData, in_level};

/// Seconds of play between checks for unsaved work: a crash or a closed lid loses at most this.
const AUTOSAVE_SECONDS: f32 = 0.5;

/// What a stop keeps of its level, and how it is put back.
pub trait LevelSnapshot: Serialize + DeserializeOwned + Send + Sync + 'static {
    const STOP: usize;
    /// The level's state now; `None` when the level is not running.
    fn capture(world: &World) -> Option<Self>;
    /// Put saved work back into a level that has just started.
    fn restore(self, world: &mut World);
}

/// The text last written (or read) per stop, so unchanged work is not written again.
#[derive(Resource, Default)]
struct Written {
    text: [Option<String>; STOP_COUNT],
    since_check: f32,
}

/// Set while the level shows something that is not the student's work (a teacher's
/// "Show me"): nothing is written until it is cleared, so the student's save stays theirs.
#[derive(Resource, Debug, Default)]
pub struct SavesOnHold(pub bool);

/// Ask to forget a stop's saved work ("Start over").
#[derive(Message, Debug, Clone, Copy)]
pub struct StartOver(pub usize);

fn save_dir(world: &World) -> Option<PathBuf> {
    world
        .get_resource::<SaveData>()
        .map(|s| s.store.dir().to_path_buf())
}

/// A capture shows what its flags ask for (`--scene`, `--camera-pos`, ...), never a level
/// saved by an earlier run in the same `--data-dir`, and leaves no level save behind.
fn capturing(world: &World) -> bool {
    world
        .get_resource::<crate::GameConfig>()
        .is_some_and(|c| c.capture.is_some())
}

/// Bring back the level's saved work, if any. Run it right after the level starts.
pub fn resume_level<S: LevelSnapshot>(world: &mut World) {
    if capturing(world) {
        return;
    }
    let Some(dir) = save_dir(world) else { return };
    match level_save::load::<S>(&dir, S::STOP) {
        LevelLoad::Missing => {}
        LevelLoad::Loaded(saved) => {
            remember(world, S::STOP, level_save::to_text(S::STOP, &saved).ok());
            saved.restore(world);
        }
        LevelLoad::Damaged(message) => {
            remember(world, S::STOP, None);
            world.resource_mut::<Notices>().warn(message);
        }
    }
}

/// Write the level's work as the student leaves it, and tell them it is kept. Run it right
/// before the level ends.
pub fn save_level<S: LevelSnapshot>(world: &mut World) {
    if !write_if_changed::<S>(world) {
        return;
    }
    let finished = world.resource::<LevelStatus>().complete;
    if !finished {
        world
            .resource_mut::<Notices>()
            .info("Your work in this level is saved. Choose Continue at the briefing to carry on.");
    }
}

/// Write the level's work if it changed since the last write. False when there is no level
/// or the write failed (the player is told).
fn write_if_changed<S: LevelSnapshot>(world: &mut World) -> bool {
    if capturing(world) || world.get_resource::<SavesOnHold>().is_some_and(|h| h.0) {
        return false;
    }
    let Some(dir) = save_dir(world) else {
        return false;
    };
    let Some(snapshot) = S::capture(world) else {
        return false;
    };
    let text = match level_save::to_text(S::STOP, &snapshot) {
        Ok(t) => t,
        Err(e) => {
            world
                .resource_mut::<Notices>()
                .warn(format!("Could not save your work at stop {}: {e}", S::STOP));
            return false;
        }
    };
    let unchanged = world
        .get_resource::<Written>()
        .and_then(|w| w.text.get(S::STOP))
        .is_some_and(|t| t.as_deref() == Some(text.as_str()));
    if unchanged {
        return true;
    }
    match level_save::write(&dir, S::STOP, &text) {
        Ok(()) => {
            remember(world, S::STOP, Some(text));
            true
        }
        // Keep playing: the work stays in memory and the next change tries again.
        Err(e) => {
            world.resource_mut::<Notices>().warn(format!(
                "Could not save your work at stop {} to {}: {e}",
                S::STOP,
                level_save::level_save_path(&dir, S::STOP).display()
            ));
            false
        }
    }
}

fn remember(world: &mut World, stop: usize, text: Option<String>) {
    let mut written = world.get_resource_or_init::<Written>();
    if let Some(slot) = written.text.get_mut(stop) {
        *slot = text;
    }
}

/// Save while playing: every half second of real time if anything changed, and when the
/// game is closing.
fn autosave<S: LevelSnapshot>(world: &mut World) {
    let dt = world.resource::<Time<Real>>().delta_secs();
    let closing = world
        .get_resource::<Messages<AppExit>>()
        .is_some_and(|m| !m.is_empty());
    let mut written = world.get_resource_or_init::<Written>();
    written.since_check += dt;
    if written.since_check < AUTOSAVE_SECONDS && !closing {
        return;
    }
    written.since_check = 0.0;
    write_if_changed::<S>(world);
}

fn start_over(
    mut requests: MessageReader<StartOver>,
    save: Res<SaveData>,
    mut written: ResMut<Written>,
    mut notices: ResMut<Notices>,
) {
    for StartOver(stop) in requests.read() {
        match level_save::remove(save.store.dir(), *stop) {
            Ok(()) => {
                if let Some(slot) = written.text.get_mut(*stop) {
                    *slot = None;
                }
            }
            Err(e) => notices.warn(format!(
                "Could not clear your saved work at stop {stop}: {e}"
            )),
        }
    }
}

/// Whether stop `stop` has saved work to continue.
pub fn has_saved_work(save: &SaveData, stop: usize) -> bool {
    level_save::exists(save.store.dir(), stop)
}

/// Save stop `S::STOP`'s level as it is played.
pub fn register<S: LevelSnapshot>(app: &mut App) {
    app.add_systems(Last, autosave::<S>.run_if(in_level(S::STOP)));
}

/// Another student's folder (or a restored copy) has other files: forget what was written.
fn forget_written(mut loaded: MessageReader<ProfileLoaded>, mut written: ResMut<Written>) {
    if loaded.read().count() > 0 {
        written.text = Default::default();
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Written>()
        .init_resource::<SavesOnHold>()
        .add_message::<StartOver>()
        .add_systems(PreUpdate, (forget_written, start_over));
}
