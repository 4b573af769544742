//! Lesson lengths: how much of each level a class must do before its gate opens.
//!
//! Plain Rust, no Bevy. Each stop's tasks live in `assets/lessons.ron` as content, so the game,
//! the level screens and the printed lesson plan read the same table and cannot drift apart.
//! A task has units (8 storyboard panels, 4 shots…); at each lesson length some of them are
//! **core** (they open the gate) and the rest are **extension** (optional, shown and recorded).
//! Each level reports how many units of each task are done, and [`core_met`] decides.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::tour::model::content::STOP_COUNT;

/// The lessons file in `assets/`.
pub const LESSONS_FILE: &str = "lessons.ron";
/// Its copy built into the game.
pub const BUNDLED_LESSONS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/lessons.ron"));

/// How much of each level is core: a teacher's setting.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum LessonLength {
    /// About 10–15 minutes a stop: the tour fits two class periods.
    Short,
    /// About 20 minutes a stop.
    #[default]
    Standard,
    /// Everything each level has.
    Full,
}

impl LessonLength {
    pub const ALL: [LessonLength; 3] = [
        LessonLength::Short,
        LessonLength::Standard,
        LessonLength::Full,
    ];

    /// Read a name as typed on the command line or in a URL (any case).
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "short" => Self::Short,
            "standard" => Self::Standard,
            "full" => Self::Full,
            _ => return None,
        })
    }

    /// The word used on the command line: `short`, `standard` or `full`.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Short => "short",
            Self::Standard => "standard",
            Self::Full => "full",
        }
    }

    /// The word shown to people: `Short`, `Standard` or `Full`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Short => "Short",
            Self::Standard => "Standard",
            Self::Full => "Full",
        }
    }

    /// One line for a teacher choosing a length.
    pub fn explain(self) -> &'static str {
        match self {
            Self::Short => "about 10–15 minutes a stop: the tour fits two class periods",
            Self::Standard => "about 20 minutes a stop",
            Self::Full => "every task of every level",
        }
    }
}

impl fmt::Display for LessonLength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How many units of a task are core at each length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoreCounts {
    pub short: u32,
    pub standard: u32,
    pub full: u32,
}

impl CoreCounts {
    pub fn at(&self, length: LessonLength) -> u32 {
        match length {
            LessonLength::Short => self.short,
            LessonLength::Standard => self.standard,
            LessonLength::Full => self.full,
        }
    }
}

/// One task of a level, e.g. "compose a storyboard panel", with 8 units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// The id the level's model reports its counts under.
    pub id: String,
    /// A few words for tables: "panels", "the animatic".
    pub label: String,
    /// What the student does, for the level screen and the lesson plan.
    pub name: String,
    /// A typical student's minutes for one unit.
    pub minutes: u32,
    /// Units the level has.
    pub total: u32,
    pub core: CoreCounts,
}

impl Task {
    pub fn core_at(&self, length: LessonLength) -> u32 {
        self.core.at(length).min(self.total)
    }

    pub fn extension_at(&self, length: LessonLength) -> u32 {
        self.total - self.core_at(length)
    }
}

/// One stop's tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StopTasks {
    pub stop: u8,
    pub tasks: Vec<Task>,
}

/// `assets/lessons.ron`: every stop's tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonTable {
    pub stops: Vec<StopTasks>,
}

/// Units done of each task id, as a level reports them.
pub type TaskCounts = [(&'static str, u32)];

fn done_of(counts: &TaskCounts, id: &str) -> u32 {
    counts
        .iter()
        .filter(|(task, _)| *task == id)
        .map(|(_, n)| *n)
        .sum()
}

/// The one rule for every level: the gate opens when every task has its core units done.
pub fn core_met(tasks: &[Task], length: LessonLength, counts: &TaskCounts) -> bool {
    tasks
        .iter()
        .all(|t| done_of(counts, &t.id) >= t.core_at(length))
}

/// One task as a level screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskRow {
    pub id: String,
    pub name: String,
    pub done: u32,
    pub core: u32,
    pub total: u32,
}

impl TaskRow {
    /// Units beyond the core that are done.
    pub fn extensions_done(&self) -> u32 {
        self.done.min(self.total).saturating_sub(self.core)
    }

    pub fn extensions_total(&self) -> u32 {
        self.total.saturating_sub(self.core)
    }

    pub fn core_done(&self) -> bool {
        self.done >= self.core
    }
}

/// Each task's progress at `length`, for the level screen.
pub fn task_rows(tasks: &[Task], length: LessonLength, counts: &TaskCounts) -> Vec<TaskRow> {
    tasks
        .iter()
        .map(|t| TaskRow {
            id: t.id.clone(),
            name: t.name.clone(),
            done: done_of(counts, &t.id).min(t.total),
            core: t.core_at(length),
            total: t.total,
        })
        .collect()
}

/// Extension units done and in all: "Extensions: 2 of 5".
pub fn extensions(rows: &[TaskRow]) -> (u32, u32) {
    rows.iter().fold((0, 0), |(done, total), r| {
        (done + r.extensions_done(), total + r.extensions_total())
    })
}

/// The average of the best `count` scores, missing ones counting 0: a level's stars over its
/// core units, so extensions left undone never pull the stars down (`count` ≥ 1).
pub fn best_average(scores: &[u32], count: usize) -> u32 {
    let count = count.max(1);
    let mut sorted = scores.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    let sum: u32 = sorted.iter().take(count).sum();
    sum / u32::try_from(count).unwrap_or(u32::MAX)
}

impl LessonTable {
    /// A stop's tasks (none for a stop the table does not list).
    pub fn tasks(&self, stop: usize) -> &[Task] {
        self.stops
            .iter()
            .find(|s| usize::from(s.stop) == stop)
            .map_or(&[], |s| s.tasks.as_slice())
    }

    /// Units of `task` that are core at `stop` at `length` (0 for an unknown task).
    pub fn core(&self, stop: usize, task: &str, length: LessonLength) -> u32 {
        self.tasks(stop)
            .iter()
            .find(|t| t.id == task)
            .map_or(0, |t| t.core_at(length))
    }

    /// Minutes of core work at a stop.
    pub fn core_minutes(&self, stop: usize, length: LessonLength) -> u32 {
        self.tasks(stop)
            .iter()
            .map(|t| t.minutes * t.core_at(length))
            .sum()
    }

    /// The table's problems, in words. `known` gives the task ids each stop's level reports.
    pub fn validate(&self, known: impl Fn(u8) -> Vec<&'static str>) -> Vec<String> {
        let mut errors = Vec::new();
        for stop in 0..STOP_COUNT {
            if !self.stops.iter().any(|s| usize::from(s.stop) == stop) {
                errors.push(format!("stop {stop} has no tasks"));
            }
        }
        for (i, entry) in self.stops.iter().enumerate() {
            let stop = entry.stop;
            if usize::from(stop) >= STOP_COUNT {
                errors.push(format!("there is no stop {stop} (stops are 0–6)"));
                continue;
            }
            if self.stops[..i].iter().any(|s| s.stop == stop) {
                errors.push(format!("stop {stop} is listed twice"));
            }
            let ids = known(stop);
            for (j, task) in entry.tasks.iter().enumerate() {
                errors.extend(task_problems(stop, task, &ids));
                if entry.tasks[..j].iter().any(|t| t.id == task.id) {
                    errors.push(format!("stop {stop}: task '{}' is listed twice", task.id));
                }
            }
            for length in LessonLength::ALL {
                if entry.tasks.iter().all(|t| t.core.at(length) == 0) {
                    errors.push(format!(
                        "stop {stop} has no core task at the {} length",
                        length.cli_name()
                    ));
                }
            }
        }
        errors
    }
}

fn task_problems(stop: u8, task: &Task, known: &[&str]) -> Vec<String> {
    let mut errors = Vec::new();
    if !known.contains(&task.id.as_str()) {
        errors.push(format!(
            "stop {stop}: unknown task '{}' (this stop's tasks are: {})",
            task.id,
            known.join(", ")
        ));
    }
    if task.name.trim().is_empty() || task.label.trim().is_empty() {
        errors.push(format!(
            "stop {stop}: task '{}' needs a name and a label",
            task.id
        ));
    }
    if task.total == 0 {
        errors.push(format!("stop {stop}: task '{}' has no units", task.id));
    }
    for length in LessonLength::ALL {
        let core = task.core.at(length);
        if core > task.total {
            errors.push(format!(
                "stop {stop}: task '{}' has {core} core units at the {} length but only {} in all",
                task.id,
                length.cli_name(),
                task.total
            ));
        }
    }
    let c = task.core;
    if c.short > c.standard || c.standard > c.full {
        errors.push(format!(
            "stop {stop}: task '{}' must not have more core units at a shorter length",
            task.id
        ));
    }
    errors
}

/// Parse the lessons file and check it against the task ids each stop's level reports.
pub fn parse_lessons(
    text: &str,
    file: &Path,
    known: impl Fn(u8) -> Vec<&'static str>,
) -> Result<LessonTable, Vec<crate::tour::model::content::ContentError>> {
    crate::tour::model::content::parse_and_check(text, file, |t: &LessonTable| t.validate(&known))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(id: &str, total: u32, short: u32, standard: u32, full: u32) -> Task {
        Task {
            id: id.into(),
            label: id.into(),
            name: format!("do {id}"),
            minutes: 2,
            total,
            core: CoreCounts {
                short,
                standard,
                full,
            },
        }
    }

    fn table(tasks: Vec<Task>) -> LessonTable {
        LessonTable {
            stops: (0..STOP_COUNT as u8)
                .map(|stop| StopTasks {
                    stop,
                    tasks: tasks.clone(),
                })
                .collect(),
        }
    }

    fn known(_: u8) -> Vec<&'static str> {
        vec!["panels", "animatic"]
    }

    #[test]
    fn lengths_parse_and_print() {
        for length in LessonLength::ALL {
            assert_eq!(LessonLength::parse(length.cli_name()), Some(length));
            assert_eq!(LessonLength::parse(length.label()), Some(length));
        }
        assert_eq!(LessonLength::parse(" FULL "), Some(LessonLength::Full));
        assert_eq!(LessonLength::parse("long"), None);
        assert_eq!(LessonLength::default(), LessonLength::Standard);
        assert_eq!(LessonLength::Short.to_string(), "Short");
    }

    #[test]
    fn the_core_depends_on_the_length() {
        let tasks = vec![task("panels", 8, 3, 5, 8), task("animatic", 1, 1, 1, 1)];
        let three = [("panels", 3), ("animatic", 1)];
        assert!(core_met(&tasks, LessonLength::Short, &three));
        assert!(!core_met(&tasks, LessonLength::Standard, &three));
        assert!(!core_met(&tasks, LessonLength::Full, &three));
        let all = [("panels", 8), ("animatic", 1)];
        assert!(core_met(&tasks, LessonLength::Full, &all));
        // A task the level does not report counts as not done.
        assert!(!core_met(&tasks, LessonLength::Short, &[("panels", 8)]));
    }

    #[test]
    fn rows_count_extensions_beyond_the_core() {
        let tasks = vec![task("panels", 8, 3, 5, 8), task("animatic", 1, 1, 1, 1)];
        let rows = task_rows(&tasks, LessonLength::Short, &[("panels", 5)]);
        assert_eq!((rows[0].core, rows[0].done, rows[0].total), (3, 5, 8));
        assert!(rows[0].core_done() && !rows[1].core_done());
        assert_eq!(extensions(&rows), (2, 5));
        let full = task_rows(&tasks, LessonLength::Full, &[("panels", 5)]);
        assert_eq!(extensions(&full), (0, 0));
    }

    #[test]
    fn stars_average_the_best_core_units() {
        // One core shot at 3 stars; extension shots not played do not count.
        assert_eq!(best_average(&[3, 0, 0, 0], 1), 3);
        assert_eq!(best_average(&[0, 3, 2, 0], 2), 2);
        assert_eq!(best_average(&[3, 3, 2, 0], 4), 2);
        assert_eq!(best_average(&[], 0), 0);
    }

    #[test]
    fn a_good_table_passes_and_gives_core_minutes() {
        let t = table(vec![
            task("panels", 8, 3, 5, 8),
            task("animatic", 1, 1, 1, 1),
        ]);
        assert_eq!(t.validate(known), Vec::<String>::new());
        assert_eq!(t.core_minutes(1, LessonLength::Short), 8);
        assert_eq!(t.core(1, "panels", LessonLength::Standard), 5);
        assert_eq!(t.core(1, "nope", LessonLength::Standard), 0);
    }

    #[test]
    fn a_broken_table_is_refused_with_reasons() {
        let unknown = table(vec![task("panels", 8, 3, 5, 8), task("dance", 1, 1, 1, 1)]);
        let errors = unknown.validate(known);
        assert!(
            errors[0].contains("unknown task 'dance'") && errors[0].contains("panels, animatic"),
            "{errors:?}"
        );

        let too_many = table(vec![task("panels", 8, 3, 5, 9)]);
        let errors = too_many.validate(known);
        assert!(
            errors
                .iter()
                .any(|e| e.contains("9 core units at the full length but only 8")),
            "{errors:?}"
        );

        let no_core = table(vec![task("panels", 8, 0, 5, 8)]);
        let errors = no_core.validate(known);
        assert!(
            errors
                .iter()
                .any(|e| e.contains("no core task at the short length")),
            "{errors:?}"
        );

        let mut missing = table(vec![task("panels", 8, 3, 5, 8)]);
        missing.stops.remove(4);
        missing.stops[0].stop = 9;
        let errors = missing.validate(known);
        assert!(errors.iter().any(|e| e == "stop 4 has no tasks"));
        assert!(errors.iter().any(|e| e.contains("there is no stop 9")));
    }

    #[test]
    fn a_syntax_error_names_the_line() {
        let errors = parse_lessons("(stops: [(stop: 0, tasks: [)])", Path::new("l.ron"), known)
            .expect_err("broken");
        assert_eq!(errors[0].line, 1);
    }
}
