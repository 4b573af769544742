//! Class results as a spreadsheet: one row per student profile and stop. Plain Rust, no Bevy.
//!
//! `profile,stop,stop_title,gate_passed,attempts,first_try_correct,questions,level_stars,minutes,lesson,career_plan`
//!
//! - `attempts` lists each gate question with its number of tries: `s1-mood:2;s1-frame:1`.
//! - `first_try_correct` of `questions`: how many of the questions tried were right the first
//!   time (two numbers, so a spreadsheet never reads `3/4` as a date).
//! - `level_stars` is empty when the level was not finished; `minutes` (one decimal) is the
//!   time in the stop's level and gate; `lesson` the lesson length it was played at.
//! - `career_plan` is on the Conclusion's row (stop 6): the careers the student picked in
//!   "How can you prepare?", joined by `; `.
//!
//! A profile that cannot be read is skipped and named, so one damaged folder never stops the
//! export of the rest. Reading changes nothing on disk.

use std::io;
use std::path::Path;

use crate::platform::storage;
use crate::tour::model::csv::CsvTable;
use crate::tour::model::profiles::{self, DEFAULT_NAME};
use crate::tour::model::progress::{Progress, SAVE_FILE, iso_date};

pub const HEADER: [&str; 11] = [
    "profile",
    "stop",
    "stop_title",
    "gate_passed",
    "attempts",
    "first_try_correct",
    "questions",
    "level_stars",
    "minutes",
    "lesson",
    "career_plan",
];

/// One student's run.
#[derive(Debug, Clone, PartialEq)]
pub struct StudentRun {
    pub name: String,
    pub progress: Progress,
}

/// The profiles that could be read, and a line for each one that could not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gathered {
    pub students: Vec<StudentRun>,
    pub skipped: Vec<String>,
}

/// Read every profile in `data_dir`. `fresher` is the progress the game holds in memory for
/// one profile (by slug), newer than its file. A save from before profiles, not yet moved
/// into one, counts as "Player".
pub fn gather(data_dir: &Path, fresher: Option<(&str, &Progress)>) -> Gathered {
    let mut gathered = Gathered::default();
    let found = profiles::list(data_dir);
    for profile in &found {
        if let Some(problem) = &profile.problem {
            gathered.skipped.push(format!(
                "Skipped the profile in {}: {problem}",
                profile.dir.display()
            ));
            continue;
        }
        let progress = match fresher {
            Some((slug, progress)) if slug == profile.slug => Ok(progress.clone()),
            _ => read_progress(&profile.dir.join(SAVE_FILE)),
        };
        match progress {
            Ok(progress) => gathered.students.push(StudentRun {
                name: profile.name.clone(),
                progress,
            }),
            Err(e) => gathered
                .skipped
                .push(format!("Skipped {}: {e}", profile.name)),
        }
    }
    if found.is_empty() {
        let legacy = data_dir.join(SAVE_FILE);
        if let Ok(text) = storage::read_to_string(&legacy) {
            match Progress::parse_export(&legacy.display().to_string(), &text) {
                Ok(progress) => gathered.students.push(StudentRun {
                    name: DEFAULT_NAME.into(),
                    progress,
                }),
                Err(e) => gathered
                    .skipped
                    .push(format!("Skipped {DEFAULT_NAME}: {e}")),
            }
        }
    }
    gathered
}

/// A profile's saved progress, without moving anything aside: a profile that never played
/// has a fresh one.
fn read_progress(path: &Path) -> Result<Progress, String> {
    match storage::read_to_string(path) {
        Ok(text) => Progress::parse_export(&path.display().to_string(), &text),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Progress::default()),
        Err(e) => Err(format!("{} cannot be read: {e}", path.display())),
    }
}

/// The CSV: every student × every stop in `stops` (number and title), students in order.
pub fn results_csv(students: &[StudentRun], stops: &[(usize, String)]) -> String {
    let mut table = CsvTable::new(&HEADER);
    for student in students {
        for (stop, title) in stops {
            table.row(stop_row(&student.name, &student.progress, *stop, title));
        }
    }
    table.into_string()
}

/// One student's row for one stop.
fn stop_row(name: &str, progress: &Progress, stop: usize, title: &str) -> [String; 11] {
    let key = u8::try_from(stop).ok();
    let gate = key.and_then(|k| progress.gates.get(&k));
    let questions = gate.map_or(&[][..], |g| g.questions.as_slice());
    let tried: Vec<_> = questions
        .iter()
        .filter(|q| !q.attempts.is_empty())
        .collect();
    let attempts = tried
        .iter()
        .map(|q| format!("{}:{}", q.question_id, q.attempts.len()))
        .collect::<Vec<_>>()
        .join(";");
    let first_try = tried
        .iter()
        .filter(|q| q.attempts.first().is_some_and(|a| a.correct))
        .count();
    let stars = key
        .and_then(|k| progress.level_stars.get(&k))
        .map(u8::to_string)
        .unwrap_or_default();
    let lesson = key
        .and_then(|k| progress.time.get(&k))
        .and_then(|t| t.lesson.clone())
        .unwrap_or_default();
    let plan = if stop == CONCLUSION_STOP {
        progress.career_plan.join("; ")
    } else {
        String::new()
    };
    [
        name.to_string(),
        stop.to_string(),
        title.to_string(),
        if progress.gate_passed(stop) {
            "yes"
        } else {
            "no"
        }
        .to_string(),
        attempts,
        first_try.to_string(),
        tried.len().to_string(),
        stars,
        format!("{:.1}", progress.seconds_in(stop) as f64 / 60.0),
        lesson,
        plan,
    ]
}

/// The stop whose row carries the career plan: the Conclusion, where it is made.
const CONCLUSION_STOP: usize = 6;

/// The name of a class-results file made at `unix_seconds`: `class-results-2026-12-02.csv`.
pub fn file_name(unix_seconds: u64) -> String {
    format!("class-results-{}.csv", iso_date(unix_seconds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::model::csv;
    use crate::tour::model::profiles::profile_dir;
    use crate::tour::model::quiz::{Attempt, QuestionRecord};
    use std::fs;

    fn record(id: &str, correct: &[bool]) -> QuestionRecord {
        QuestionRecord {
            question_id: id.into(),
            attempts: correct
                .iter()
                .map(|&c| Attempt {
                    chosen: vec!["x".into()],
                    correct: c,
                })
                .collect(),
        }
    }

    fn stops() -> Vec<(usize, String)> {
        (0..7).map(|n| (n, format!("Stop, \"{n}\""))).collect()
    }

    #[test]
    fn every_student_has_a_row_per_stop_with_their_figures() {
        let mut maya = Progress::default();
        maya.record_gate(
            1,
            &[record("s1-a", &[false, true]), record("s1-b", &[true])],
            true,
        );
        maya.record_level(1, 3);
        maya.add_time(1, 150, "standard");
        maya.career_plan = vec!["Editor".into(), "Sound Designer".into()];
        let students = vec![
            StudentRun {
                name: "Maya, \"the boss\"".into(),
                progress: maya,
            },
            StudentRun {
                name: "=Jo".into(),
                progress: Progress::default(),
            },
        ];
        let rows = csv::parse(&results_csv(&students, &stops())).expect("parses");
        assert_eq!(rows[0], HEADER.map(String::from));
        assert_eq!(rows.len(), 1 + 2 * 7, "every profile × every stop");
        assert_eq!(
            rows[2],
            [
                "Maya, \"the boss\"",
                "1",
                "Stop, \"1\"",
                "yes",
                "s1-a:2;s1-b:1",
                "1",
                "2",
                "3",
                "2.5",
                "standard",
                ""
            ]
        );
        assert_eq!(rows[1][3..], ["no", "", "0", "0", "", "0.0", "", ""]);
        // The plan is on the Conclusion's row, where it was made.
        assert_eq!(rows[7][10], "Editor; Sound Designer");
        assert_eq!(rows[14][10], "");
        assert_eq!(rows[8][0], "'=Jo", "a name is never run as a formula");
        assert!(rows.iter().all(|r| r.len() == HEADER.len()));
    }

    #[test]
    fn a_damaged_profile_is_skipped_and_named_and_the_rest_exported() {
        let dir = std::env::temp_dir().join(format!("backlot-results-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let maya = profiles::create(&dir, "Maya", "d").expect("maya");
        let mut p = Progress::default();
        p.record_gate(0, &[record("s0-system", &[true])], true);
        fs::write(maya.dir.join(SAVE_FILE), p.export_text()).expect("w");
        let jo = profiles::create(&dir, "Jo", "d").expect("jo");
        fs::write(jo.dir.join(SAVE_FILE), "(version: 1, unlo").expect("w");
        let lee = profile_dir(&dir, "lee");
        fs::create_dir_all(&lee).expect("dir");
        fs::write(lee.join(profiles::PROFILE_FILE), "(name: ").expect("w");
        profiles::create(&dir, "Sam", "d").expect("never played");

        let gathered = gather(&dir, None);
        let names: Vec<&str> = gathered.students.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Maya", "Sam"]);
        assert_eq!(gathered.skipped.len(), 2, "{:?}", gathered.skipped);
        assert!(
            gathered
                .skipped
                .iter()
                .any(|s| s.starts_with("Skipped Jo:"))
        );
        assert!(gathered.skipped.iter().any(|s| s.contains("lee")));
        assert!(jo.dir.join(SAVE_FILE).exists(), "nothing is moved aside");

        // The game's fresher progress wins over the file.
        let mut newer = p.clone();
        newer.record_gate(1, &[], true);
        let with_memory = gather(&dir, Some(("maya", &newer)));
        assert_eq!(with_memory.students[0].progress.stops_passed(), 2);
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn an_old_single_save_counts_as_player_until_it_is_moved() {
        let dir = std::env::temp_dir().join(format!("backlot-results-old-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("dir");
        assert!(gather(&dir, None).students.is_empty());
        fs::write(dir.join(SAVE_FILE), Progress::default().export_text()).expect("w");
        let gathered = gather(&dir, None);
        assert_eq!(gathered.students[0].name, "Player");
        assert_eq!(file_name(0), "class-results-1970-01-01.csv");
        fs::remove_dir_all(&dir).ok();
    }
}
