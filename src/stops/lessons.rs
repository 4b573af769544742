//! The lesson table as the stops see it: the task ids each stop's level reports, the check of
//! `assets/lessons.ron` against them, and the printed lesson plan (`backlot lesson-plan`).
//! Levels turn their counts into `LevelStatus` with `crate::tour::lesson::LessonTasks`.

use std::path::Path;

use bevy::prelude::*;

use crate::tour::content_plugin::load_content;
use crate::tour::model::content::{ContentError, ContentFile, Tour, read_file};
use crate::tour::model::lesson::{
    BUNDLED_LESSONS, LESSONS_FILE, LessonLength, LessonTable, parse_lessons,
};
use crate::tour::model::lesson_plan::lesson_plan;

use super::{conclusion, innovation, intro, marketing, post, previs, virtual_production};

/// The task ids a stop's level reports counts for (none for a stop that does not exist).
pub fn known_task_ids(stop: u8) -> Vec<&'static str> {
    let ids: &[&'static str] = match stop {
        0 => intro::model::TASKS,
        1 => previs::level::TASKS,
        2 => virtual_production::model::takes::TASKS,
        3 => post::model::TASKS,
        4 => marketing::level::TASKS,
        5 => innovation::level::TASKS,
        6 => conclusion::model::TASKS,
        _ => &[],
    };
    ids.to_vec()
}

/// `assets/lessons.ron`, loaded the way every content file is (see `ContentFile`), and checked
/// against the tasks the levels really report.
impl ContentFile for LessonTable {
    const FILE: &'static str = LESSONS_FILE;
    const BUNDLED: &'static str = BUNDLED_LESSONS;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        parse_lessons(text, file, known_task_ids)
    }
}

/// Write the lesson plan for `length` from the content in `assets_dir` to `out`. Returns what
/// was written, in words, or why not.
pub fn write_lesson_plan(
    assets_dir: &Path,
    length: LessonLength,
    out: &Path,
) -> Result<String, String> {
    let words = |errors: Vec<ContentError>| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let tour = read_file(assets_dir, Tour::FILE, Tour::parse).map_err(words)?;
    let table = read_file(assets_dir, LessonTable::FILE, LessonTable::parse).map_err(words)?;
    let text = lesson_plan(&tour, &table, length);
    crate::platform::storage::write_atomic(out, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(format!(
        "Wrote the {} lesson plan to {}",
        length.cli_name(),
        out.display()
    ))
}

pub(super) fn plugin(app: &mut App) {
    load_content::<LessonTable>(app);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::model::content::bundled_file;

    #[test]
    fn the_bundled_table_names_only_tasks_the_levels_report() {
        let table = bundled_file::<LessonTable>().expect("bundled lessons");
        for stop in 0..7u8 {
            let ids = known_task_ids(stop);
            let listed: Vec<&str> = table
                .tasks(usize::from(stop))
                .iter()
                .map(|t| t.id.as_str())
                .collect();
            assert_eq!(listed, ids, "stop {stop} lists each of its tasks once");
        }
    }

    #[test]
    fn drop_frame_is_an_extension_except_at_full() {
        let table = bundled_file::<LessonTable>().expect("bundled lessons");
        let drop = table
            .tasks(post::level::STOP)
            .iter()
            .find(|t| t.id == "drop-frame")
            .expect("the drop-frame task");
        assert_eq!(drop.core_at(LessonLength::Short), 0);
        assert_eq!(drop.core_at(LessonLength::Standard), 0);
        assert_eq!(drop.core_at(LessonLength::Full), drop.total);
    }

    #[test]
    fn check_content_refuses_a_table_with_an_unknown_task() {
        let text = BUNDLED_LESSONS.replace("\"shots\"", "\"dolly\"");
        let errors = LessonTable::parse(&text, Path::new("lessons.ron")).expect_err("refused");
        assert!(
            errors[0].message.contains("stop 2: unknown task 'dolly'")
                && errors[0].message.contains("shots"),
            "{errors:?}"
        );
        let over = BUNDLED_LESSONS.replace(
            "total: 4, core: (short: 1, standard: 2, full: 4)",
            "total: 4, core: (short: 1, standard: 2, full: 5)",
        );
        let errors = LessonTable::parse(&over, Path::new("lessons.ron")).expect_err("refused");
        assert!(errors[0].message.contains("only 4 in all"), "{errors:?}");
    }
}
