//! What the soak checks after every move: the progress on disk reads back and holds what the
//! game holds, passed gates never un-pass, stars never fall, and every level save reads back.

use bevy::prelude::*;

use super::levels::level_save_problems;
use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::progress::Progress;
use crate::tour::{Notices, SaveData};

/// The best the run has reached, in memory and on disk: nothing may go back from it.
#[derive(Debug, Default)]
pub(super) struct Ledger {
    memory: Best,
    disk: Best,
    /// Notices already looked at (the history only grows within one game).
    notices_seen: usize,
}

#[derive(Debug, Default)]
struct Best {
    passed: [bool; STOP_COUNT],
    stars: [u8; STOP_COUNT],
}

impl Best {
    /// Record `progress`, returning what went back since the last time.
    fn advance(&mut self, progress: &Progress, where_: &str) -> Vec<String> {
        let mut problems = Vec::new();
        for stop in 0..STOP_COUNT {
            let passed = progress.gate_passed(stop);
            if self.passed[stop] && !passed {
                problems.push(format!(
                    "{where_}: the gate of stop {stop} is no longer passed"
                ));
            }
            self.passed[stop] |= passed;
            let stars = u8::try_from(stop)
                .ok()
                .and_then(|s| progress.level_stars.get(&s).copied())
                .unwrap_or(0);
            if stars < self.stars[stop] {
                problems.push(format!(
                    "{where_}: stop {stop}'s stars fell from {} to {stars}",
                    self.stars[stop]
                ));
            }
            self.stars[stop] = self.stars[stop].max(stars);
        }
        problems
    }
}

impl Ledger {
    /// A new game keeps its own notices.
    pub(super) fn new_game(&mut self) {
        self.notices_seen = 0;
    }

    /// The progress file as it is on disk: `None` when there is none yet.
    pub(super) fn disk_progress(&self, app: &App) -> Result<Option<Progress>, String> {
        let path = app.world().resource::<SaveData>().store.path();
        let Ok(text) = crate::platform::storage::read_to_string(&path) else {
            return Ok(None);
        };
        Progress::parse_export(&path.display().to_string(), &text).map(Some)
    }

    /// Everything wrong after a move.
    pub(super) fn check(&mut self, app: &App) -> Vec<String> {
        let world = app.world();
        let data = world.resource::<SaveData>();
        let memory = &data.progress;
        let mut problems = self.memory.advance(memory, "in memory");
        match self.disk_progress(app) {
            Err(e) => problems.push(e),
            Ok(None) if self.disk.passed.iter().any(|p| *p) => {
                problems.push("the progress file has gone".into());
            }
            Ok(None) => {}
            Ok(Some(disk)) => {
                problems.extend(self.disk.advance(&disk, "on disk"));
                problems.extend(durable_differences(memory, &disk));
            }
        }
        problems.extend(level_save_problems(data.store.dir()));
        let history = &world.resource::<Notices>().history;
        for notice in &history[self.notices_seen..] {
            if notice.contains("could not") || notice.contains("Could not") {
                problems.push(format!("the game warned: {notice}"));
            }
        }
        self.notices_seen = history.len();
        problems
    }
}

/// What the save must hold as soon as the game holds it: open stops, passed gates, the
/// attempts at each gate and the level stars. (Time spent is saved later, with the next
/// save, so it may lag.)
fn durable_differences(memory: &Progress, disk: &Progress) -> Vec<String> {
    let mut problems = Vec::new();
    if memory.unlocked != disk.unlocked {
        problems.push(format!(
            "open stops: the game has {:?}, the file {:?}",
            memory.unlocked, disk.unlocked
        ));
    }
    if memory.gates != disk.gates {
        problems.push("the gates' results differ between the game and the file".into());
    }
    if memory.level_stars != disk.level_stars {
        problems.push(format!(
            "stars: the game has {:?}, the file {:?}",
            memory.level_stars, disk.level_stars
        ));
    }
    problems
}
