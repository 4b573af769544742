//! The lesson length in force: the command line's `--lesson` for this session, otherwise the
//! teacher's saved choice (set by the settings screen once it has loaded), otherwise Standard.
//! Levels read it through [`LessonTasks`] to decide which of their tasks are core (see
//! `crate::tour::model::lesson`; the table is loaded by the stops, which know their task ids).

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::GameConfig;
use crate::tour::content_plugin::Content;
use crate::tour::flow::LevelStatus;
use crate::tour::model::lesson::{LessonLength, LessonTable, TaskCounts, core_met, task_rows};

/// The lesson length the levels use now.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActiveLesson {
    pub length: LessonLength,
    /// Set for this session by the start-up options; a saved setting does not replace it.
    pub forced: bool,
}

impl ActiveLesson {
    /// A teacher's choice during play (settings or presenter bar): it wins from now on.
    pub fn choose(&mut self, length: LessonLength) {
        self.length = length;
        self.forced = false;
    }
}

/// What a level needs to know about the lesson: the table and the length in force.
#[derive(SystemParam)]
pub struct LessonTasks<'w> {
    table: Res<'w, Content<LessonTable>>,
    active: Res<'w, ActiveLesson>,
}

impl LessonTasks<'_> {
    pub fn length(&self) -> LessonLength {
        self.active.length
    }

    /// Core units of `task` at `stop` at the length in force.
    pub fn core(&self, stop: usize, task: &str) -> u32 {
        self.table.core(stop, task, self.active.length)
    }

    /// Set whether the level's core is done, and each task's progress, from its counts.
    pub fn apply(&self, stop: usize, counts: &TaskCounts, status: &mut LevelStatus) {
        let tasks = self.table.tasks(stop);
        status.complete = core_met(tasks, self.active.length, counts);
        let rows = task_rows(tasks, self.active.length, counts);
        if status.tasks != rows {
            status.tasks = rows;
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    let forced = app.world().resource::<GameConfig>().lesson;
    app.insert_resource(ActiveLesson {
        length: forced.unwrap_or_default(),
        forced: forced.is_some(),
    });
}
