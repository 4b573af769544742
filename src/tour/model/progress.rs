//! The player's progress and its save file: plain Rust, no Bevy.
//!
//! Progress is RON in the platform data directory (or `--data-dir`; `localStorage` in a browser,
//! see `platform::storage`). Writes are atomic: write a temporary file beside the save, sync
//! it, rename it over the old one and sync the folder, so a crash never leaves half a save. A
//! save that cannot be read is moved aside under a numbered backup (`.bak`, `.bak2`, …) that
//! never replaces an earlier one, the player is told where, and play continues from a fresh
//! start: never a panic.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::platform::storage;
use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::lesson::LessonLength;
use crate::tour::model::quiz::QuestionRecord;

pub const SAVE_FILE: &str = "progress.ron";
const SAVE_VERSION: u32 = 1;

/// What happened at one stop's gate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GateResult {
    pub passed: bool,
    /// Every question with every attempt, across all visits to the gate.
    pub questions: Vec<QuestionRecord>,
}

impl GateResult {
    pub fn total_attempts(&self) -> usize {
        self.questions.iter().map(|q| q.attempts.len()).sum()
    }

    /// Merge a visit's records into the history, question by question.
    pub fn merge(&mut self, records: &[QuestionRecord]) {
        for rec in records {
            match self
                .questions
                .iter_mut()
                .find(|q| q.question_id == rec.question_id)
            {
                Some(existing) => existing.attempts.extend(rec.attempts.iter().cloned()),
                None => self.questions.push(rec.clone()),
            }
        }
    }
}

/// How long a student spent in one stop's level and gate, and at which lesson length.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StopTime {
    /// Seconds in the level and the gate, over every visit (paused time does not count).
    #[serde(default)]
    pub seconds: u64,
    // lesson length: becomes `LessonLength` (Short/Standard/Full) once it is in the tour model.
    /// The lesson length the stop was last played at ("standard").
    #[serde(default)]
    pub lesson: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// unlocked[n] is true when stop n can be entered. Stop 0 is always open.
    pub unlocked: Vec<bool>,
    /// Gate results by stop number.
    pub gates: BTreeMap<u8, GateResult>,
    /// Level scores (stars out of 3) by stop number.
    #[serde(default)]
    pub level_stars: BTreeMap<u8, u8>,
    /// Poll answers: poll id -> chosen option index.
    #[serde(default)]
    pub polls: BTreeMap<String, usize>,
    /// Time spent and lesson length by stop number (saves from before this have none).
    #[serde(default)]
    pub time: BTreeMap<u8, StopTime>,
    /// The lesson length each stop's level was last finished at.
    #[serde(default)]
    pub lesson_played: BTreeMap<u8, LessonLength>,
    /// Extension tasks done at each stop (the best run).
    #[serde(default)]
    pub extensions_done: BTreeMap<u8, u32>,
    /// "How can you prepare?" at the Conclusion: the careers the student would like (titles).
    #[serde(default)]
    pub career_plan: Vec<String>,
    /// Stops whose host introduction the student has heard: their words count as met in the
    /// glossary.
    #[serde(default)]
    pub heard_intro: std::collections::BTreeSet<u8>,
}

impl Default for Progress {
    fn default() -> Self {
        let mut unlocked = vec![false; STOP_COUNT];
        unlocked[0] = true;
        Self {
            version: SAVE_VERSION,
            unlocked,
            gates: BTreeMap::new(),
            level_stars: BTreeMap::new(),
            polls: BTreeMap::new(),
            time: BTreeMap::new(),
            lesson_played: BTreeMap::new(),
            extensions_done: BTreeMap::new(),
            career_plan: Vec::new(),
            heard_intro: std::collections::BTreeSet::new(),
        }
    }
}

impl Progress {
    pub fn is_unlocked(&self, stop: usize) -> bool {
        self.unlocked.get(stop).copied().unwrap_or(false)
    }

    pub fn unlock(&mut self, stop: usize) {
        if let Some(u) = self.unlocked.get_mut(stop) {
            *u = true;
        }
    }

    pub fn gate_passed(&self, stop: usize) -> bool {
        u8::try_from(stop)
            .ok()
            .and_then(|s| self.gates.get(&s))
            .is_some_and(|g| g.passed)
    }

    /// Record a visit to a gate; passing it unlocks the next stop.
    pub fn record_gate(&mut self, stop: usize, records: &[QuestionRecord], passed: bool) {
        let Ok(key) = u8::try_from(stop) else {
            return;
        };
        let entry = self.gates.entry(key).or_default();
        entry.merge(records);
        entry.passed |= passed;
        if passed {
            self.unlock(stop + 1);
        }
    }

    pub fn record_level(&mut self, stop: usize, stars: u8) {
        if let Ok(key) = u8::try_from(stop) {
            let best = self.level_stars.entry(key).or_insert(0);
            *best = (*best).max(stars.min(3));
        }
    }

    /// Count `seconds` more in `stop`, played at the lesson length `lesson`.
    pub fn add_time(&mut self, stop: usize, seconds: u64, lesson: &str) {
        if let Ok(key) = u8::try_from(stop) {
            let entry = self.time.entry(key).or_default();
            entry.seconds = entry.seconds.saturating_add(seconds);
            entry.lesson = Some(lesson.to_string());
        }
    }

    /// Seconds spent in `stop`'s level and gate.
    pub fn seconds_in(&self, stop: usize) -> u64 {
        u8::try_from(stop)
            .ok()
            .and_then(|s| self.time.get(&s))
            .map_or(0, |t| t.seconds)
    }

    /// Record the lesson length a level was finished at, and the extension units done.
    pub fn record_lesson(&mut self, stop: usize, length: LessonLength, extensions: u32) {
        if let Ok(key) = u8::try_from(stop) {
            self.lesson_played.insert(key, length);
            let best = self.extensions_done.entry(key).or_insert(0);
            *best = (*best).max(extensions);
        }
    }

    pub fn stops_passed(&self) -> usize {
        (0..STOP_COUNT).filter(|&s| self.gate_passed(s)).count()
    }

    /// Keep the shape sane after loading a save from an older or hand-edited file.
    fn normalise(mut self) -> Self {
        self.unlocked.resize(STOP_COUNT, false);
        self.unlocked[0] = true;
        self
    }

    /// Take in a copy brought from another day or machine, losing nothing on either side:
    /// every stop open in either stays open, a gate passed in either stays passed, the best
    /// stars win. Taking in the same copy twice changes nothing the second time.
    pub fn merge(&mut self, other: &Progress) {
        for (stop, open) in other.unlocked.iter().enumerate() {
            if *open {
                self.unlock(stop);
            }
        }
        for (stop, theirs) in &other.gates {
            let mine = self.gates.entry(*stop).or_default();
            mine.passed |= theirs.passed;
            for record in &theirs.questions {
                match mine
                    .questions
                    .iter_mut()
                    .find(|q| q.question_id == record.question_id)
                {
                    // The longer history already holds the shorter one (the same play, seen
                    // later), so keep it rather than counting attempts twice.
                    Some(q) if q.attempts.len() < record.attempts.len() => *q = record.clone(),
                    Some(_) => {}
                    None => mine.questions.push(record.clone()),
                }
            }
        }
        for (stop, stars) in &other.level_stars {
            let best = self.level_stars.entry(*stop).or_insert(0);
            *best = (*best).max((*stars).min(3));
        }
        for (poll, choice) in &other.polls {
            self.polls.entry(poll.clone()).or_insert(*choice);
        }
        for (stop, theirs) in &other.time {
            let mine = self.time.entry(*stop).or_default();
            // Like attempts: the longer time already holds the shorter (the same play, later).
            mine.seconds = mine.seconds.max(theirs.seconds);
            if mine.lesson.is_none() {
                mine.lesson.clone_from(&theirs.lesson);
            }
        }
        for (stop, length) in &other.lesson_played {
            self.lesson_played.entry(*stop).or_insert(*length);
        }
        for (stop, done) in &other.extensions_done {
            let best = self.extensions_done.entry(*stop).or_insert(0);
            *best = (*best).max(*done);
        }
        // Like a poll answer: a plan already made here is the student's latest word.
        if self.career_plan.is_empty() {
            self.career_plan.clone_from(&other.career_plan);
        }
        self.heard_intro.extend(other.heard_intro.iter().copied());
    }

    /// The progress as a file a student can keep (the same RON as the save).
    pub fn export_text(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .unwrap_or_else(|e| format!("// could not write the progress: {e}"))
    }

    /// Read a kept copy. A file that is not a Backlot progress file is a clear error, with
    /// its line and column; nothing is changed.
    pub fn parse_export(name: &str, text: &str) -> Result<Progress, String> {
        let progress: Progress = ron::from_str(text).map_err(|e| {
            format!(
                "{name} is not a Backlot progress file (line {}, column {}: {})",
                e.span.start.line, e.span.start.col, e.code
            )
        })?;
        if progress.version > SAVE_VERSION {
            return Err(format!(
                "{name} comes from a newer Backlot (version {}); update this one first",
                progress.version
            ));
        }
        Ok(progress.normalise())
    }
}

/// The name of a progress copy made at `unix_seconds`, e.g. `backlot-progress-2026-12-02.ron`.
pub fn export_file_name(unix_seconds: u64) -> String {
    format!("backlot-progress-{}.ron", iso_date(unix_seconds))
}

/// The calendar date (UTC) of `unix_seconds`, as `2026-12-02`.
pub fn iso_date(unix_seconds: u64) -> String {
    let (y, m, d) = civil_date(unix_seconds / 86_400);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 as a calendar date (Howard Hinnant's civil_from_days).
fn civil_date(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

/// What loading found.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadReport {
    pub progress: Progress,
    /// Set when the save could not be read: tell the player.
    pub warning: Option<String>,
}

/// The save file in a directory.
#[derive(Debug, Clone)]
pub struct SaveStore {
    dir: PathBuf,
}

impl SaveStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(SAVE_FILE)
    }

    /// Load the save. Missing means a fresh start; unreadable means move it aside and warn.
    pub fn load(&self) -> LoadReport {
        let (progress, warning) = load_or_quarantine::<Progress>(&self.path(), "progress");
        if progress.version > SAVE_VERSION {
            // A newer game's save: playing on would write over what this version cannot read.
            let path = self.path();
            let kept = match storage::set_aside(&path) {
                Ok(bak) => format!("It was kept as {}.", bak.display()),
                Err(err) => format!("It could not be moved aside ({err})."),
            };
            return LoadReport {
                progress: Progress::default(),
                warning: Some(format!(
                    "The progress file {} comes from a newer Backlot (version {}). {kept} \
                     Starting fresh; update the game to go on with it.",
                    path.display(),
                    progress.version
                )),
            };
        }
        LoadReport {
            progress: progress.normalise(),
            warning,
        }
    }

    /// Write atomically: temp file, flush and sync, then rename over the save.
    pub fn save(&self, progress: &Progress) -> std::io::Result<()> {
        write_ron_atomic(&self.path(), progress)
    }
}

/// Serialise `value` as pretty RON and write it atomically to `path`.
pub fn write_ron_atomic<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    storage::write_atomic(path, text.as_bytes())
}

/// Load a RON file of `T`. A missing file gives `T::default()`. Anything else that cannot be
/// read (damaged RON, binary junk, text that is not UTF-8, a folder in its place) is moved to
/// the first free numbered backup beside it (`<file>.bak`, `.bak2`, …, never replacing an
/// earlier one) so the next save cannot write over the only copy, and a warning for the
/// player names the file and where it was kept. Play goes on from `T::default()`.
/// Used for every saved file: progress, settings, camp sessions, class polls.
pub fn load_or_quarantine<T>(path: &Path, what: &str) -> (T, Option<String>)
where
    T: serde::de::DeserializeOwned + Default,
{
    let problem = match storage::read_to_string(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (T::default(), None),
        Err(e) => format!("it could not be read: {e}"),
        Ok(text) => match ron::from_str::<T>(&text) {
            Ok(v) => return (v, None),
            Err(e) => format!(
                "it was damaged (line {}, column {}: {})",
                e.span.start.line, e.span.start.col, e.code
            ),
        },
    };
    let kept = match storage::set_aside(path) {
        Ok(bak) => format!("It was kept as {}.", bak.display()),
        Err(err) => format!("It could not be moved aside ({err})."),
    };
    (
        T::default(),
        Some(format!(
            "The {what} file {} could not be used: {problem}. {kept} Starting fresh.",
            path.display()
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::model::quiz::Attempt;
    use std::fs;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("backlot-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

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

    #[test]
    fn the_lesson_played_and_extensions_are_kept_and_merged() {
        let mut p = Progress::default();
        p.record_lesson(1, LessonLength::Short, 2);
        p.record_lesson(1, LessonLength::Full, 0);
        assert_eq!(
            p.lesson_played[&1],
            LessonLength::Full,
            "the last length played"
        );
        assert_eq!(p.extensions_done[&1], 2, "the best count of extensions");
        let mut other = Progress::default();
        other.record_lesson(1, LessonLength::Short, 4);
        other.record_lesson(2, LessonLength::Standard, 1);
        p.merge(&other);
        assert_eq!(p.extensions_done[&1], 4);
        assert_eq!(p.lesson_played[&2], LessonLength::Standard);
        // An older save without these fields still loads.
        let old: Progress =
            ron::from_str("(version: 1, unlocked: [true], gates: {})").expect("old save");
        assert!(old.lesson_played.is_empty() && old.extensions_done.is_empty());
    }

    #[test]
    fn fresh_progress_unlocks_only_the_intro() {
        let p = Progress::default();
        assert!(p.is_unlocked(0));
        assert!((1..STOP_COUNT).all(|s| !p.is_unlocked(s)));
        assert!(!p.is_unlocked(99));
    }

    #[test]
    fn passing_a_gate_unlocks_the_next_stop_and_keeps_attempts() {
        let mut p = Progress::default();
        p.record_gate(0, &[record("q", &[false])], false);
        assert!(!p.is_unlocked(1));
        p.record_gate(0, &[record("q", &[false, true])], true);
        assert!(p.is_unlocked(1));
        assert!(p.gate_passed(0));
        assert_eq!(p.gates[&0].total_attempts(), 3);
        assert_eq!(p.stops_passed(), 1);
        // The last stop has no next stop; nothing panics.
        p.record_gate(STOP_COUNT - 1, &[], true);
    }

    #[test]
    fn level_stars_keep_the_best() {
        let mut p = Progress::default();
        p.record_level(0, 2);
        p.record_level(0, 1);
        p.record_level(0, 9);
        assert_eq!(p.level_stars[&0], 3);
    }

    #[test]
    fn save_and_load_round_trip() {
        let dir = temp_dir("roundtrip");
        let store = SaveStore::new(&dir);
        assert_eq!(
            store.load().progress,
            Progress::default(),
            "missing = fresh"
        );
        let mut p = Progress::default();
        p.record_gate(0, &[record("q", &[true])], true);
        p.polls.insert("rating".into(), 4);
        store.save(&p).expect("save");
        let report = store.load();
        assert_eq!(report.progress, p);
        assert_eq!(report.warning, None);
        // No temporary file is left behind.
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .expect("dir")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn corrupt_save_is_moved_aside_and_play_continues() {
        let dir = temp_dir("corrupt");
        fs::create_dir_all(&dir).expect("dir");
        let store = SaveStore::new(&dir);
        fs::write(store.path(), "(version: 1, unlocked: [true, tr").expect("write");
        let report = store.load();
        assert_eq!(report.progress, Progress::default());
        let warning = report.warning.expect("the player is told");
        assert!(warning.contains("damaged"), "{warning}");
        assert!(!store.path().exists());
        let bak = dir.join("progress.ron.bak");
        assert_eq!(
            fs::read_to_string(&bak).expect("bak kept"),
            "(version: 1, unlocked: [true, tr"
        );
        // Saving again works after a corrupt load.
        store.save(&report.progress).expect("save");
        assert_eq!(store.load().warning, None);
        fs::remove_dir_all(&dir).ok();
    }

    /// The names in `dir`, sorted.
    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_unreadable_save_is_kept_under_its_own_numbered_backup() {
        let dir = temp_dir("keep-every-copy");
        fs::create_dir_all(&dir).expect("dir");
        let store = SaveStore::new(&dir);
        // Not UTF-8 (a read error), control characters (a RON error), cut short (a RON error).
        let damaged: [&[u8]; 3] = [
            b"\xff\xfe\x00junk\x80",
            b"\x00\x01\x02\x03",
            b"(version: 1, unlocked: [tr",
        ];
        for (i, bytes) in damaged.iter().enumerate() {
            fs::write(store.path(), bytes).expect("write junk");
            let report = store.load();
            assert_eq!(report.progress, Progress::default(), "play goes on fresh");
            let warning = report.warning.expect("the player is told");
            let bak = if i == 0 {
                "progress.ron.bak".to_string()
            } else {
                format!("progress.ron.bak{}", i + 1)
            };
            assert!(
                warning.contains(&dir.join(&bak).display().to_string()),
                "the notice names the backup: {warning}"
            );
            assert!(
                !store.path().exists(),
                "moved, so no save can write over it"
            );
            // The next save works and does not touch the backups.
            store
                .save(&report.progress)
                .expect("save after a damaged load");
        }
        for (i, bytes) in damaged.iter().enumerate() {
            let bak = if i == 0 {
                dir.join("progress.ron.bak")
            } else {
                dir.join(format!("progress.ron.bak{}", i + 1))
            };
            assert_eq!(
                &fs::read(&bak).expect("kept"),
                bytes,
                "{} unchanged",
                bak.display()
            );
        }
        assert_eq!(
            names_in(&dir),
            [
                "progress.ron",
                "progress.ron.bak",
                "progress.ron.bak2",
                "progress.ron.bak3"
            ],
            "three backups and the new save, no temporary file"
        );
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_folder_in_place_of_the_save_is_reported_and_kept() {
        // Running as root, a file without read permission can still be read, so this is the
        // case of a read error other than "not found" that every user can produce.
        let dir = temp_dir("folder-in-place");
        let store = SaveStore::new(&dir);
        fs::create_dir_all(store.path()).expect("folder in the way");
        fs::write(store.path().join("inside.txt"), "keep me").expect("inside");
        let report = store.load();
        let warning = report.warning.expect("the player is told");
        assert!(warning.contains("could not be read"), "{warning}");
        assert!(warning.contains("progress.ron.bak"), "{warning}");
        assert_eq!(
            fs::read_to_string(dir.join("progress.ron.bak").join("inside.txt")).expect("kept"),
            "keep me"
        );
        store
            .save(&report.progress)
            .expect("the save now has its place");
        assert_eq!(store.load().warning, None);
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_save_with_a_byte_order_mark_loads() {
        let dir = temp_dir("bom");
        fs::create_dir_all(&dir).expect("dir");
        let store = SaveStore::new(&dir);
        let mut p = Progress::default();
        p.record_level(0, 2);
        let text = format!("\u{feff}{}", p.export_text());
        fs::write(store.path(), text).expect("write");
        let report = store.load();
        assert_eq!(report.warning, None);
        assert_eq!(report.progress, p);
        assert!(!dir.join("progress.ron.bak").exists());
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_failed_save_leaves_no_temporary_file_and_the_next_save_retries() {
        let dir = temp_dir("failed-save");
        fs::create_dir_all(&dir).expect("dir");
        let store = SaveStore::new(&dir);
        // A non-empty folder where the save goes: the temporary file is written, the rename
        // over the folder fails.
        fs::create_dir_all(store.path().join("x")).expect("folder in the way");
        let mut p = Progress::default();
        p.record_level(1, 3);
        assert!(
            store.save(&p).is_err(),
            "the rename cannot replace a folder"
        );
        assert_eq!(names_in(&dir), ["progress.ron"], "no temporary file left");
        fs::remove_dir_all(store.path()).expect("clear the way");
        store.save(&p).expect("the next save works");
        assert_eq!(store.load().progress, p);
        // A save folder that is a file: nothing can be written, and nothing is left behind.
        let blocked = dir.join("blocked");
        fs::write(&blocked, "a file, not a folder").expect("file");
        assert!(SaveStore::new(&blocked).save(&p).is_err());
        assert_eq!(names_in(&dir), ["blocked", "progress.ron"]);
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn short_unlock_list_is_normalised() {
        let dir = temp_dir("short");
        fs::create_dir_all(&dir).expect("dir");
        let store = SaveStore::new(&dir);
        fs::write(store.path(), "(version: 1, unlocked: [false], gates: {})").expect("write");
        let p = store.load().progress;
        assert_eq!(p.unlocked.len(), STOP_COUNT);
        assert!(p.is_unlocked(0));
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_kept_copy_merges_in_without_losing_either_side_and_twice_is_once() {
        let mut home = Progress::default();
        home.record_gate(0, &[record("q0", &[false, true])], true);
        home.record_level(0, 2);
        let mut school = Progress::default();
        school.record_gate(0, &[record("q0", &[true])], true);
        school.record_gate(1, &[record("q1", &[true])], true);
        school.record_level(0, 3);
        school.polls.insert("p".into(), 1);
        let copy = Progress::parse_export("copy.ron", &school.export_text()).expect("round trip");
        assert_eq!(copy, school);
        home.merge(&copy);
        assert!(home.gate_passed(0) && home.gate_passed(1));
        assert!(home.is_unlocked(2));
        assert_eq!(home.level_stars[&0], 3);
        assert_eq!(
            home.gates[&0].total_attempts(),
            2,
            "the longer history is kept"
        );
        let once = home.clone();
        home.merge(&copy);
        assert_eq!(home, once, "merging the same copy again changes nothing");
    }

    #[test]
    fn time_adds_up_per_stop_and_merges_without_counting_twice() {
        let mut p = Progress::default();
        p.add_time(2, 90, "standard");
        p.add_time(2, 30, "standard");
        assert_eq!(p.seconds_in(2), 120);
        assert_eq!(p.seconds_in(3), 0);
        assert_eq!(p.time[&2].lesson.as_deref(), Some("standard"));
        let mut other = Progress::default();
        other.add_time(2, 60, "short");
        other.add_time(4, 10, "full");
        p.merge(&other);
        assert_eq!(p.seconds_in(2), 120, "the longer time is kept");
        assert_eq!(p.time[&2].lesson.as_deref(), Some("standard"));
        assert_eq!(p.seconds_in(4), 10);
        assert_eq!(p.time[&4].lesson.as_deref(), Some("full"));
    }

    #[test]
    fn a_save_from_before_time_was_kept_still_loads() {
        let old = "(version: 1, unlocked: [true, true], gates: {0: (passed: true, questions: [])}, \
                   level_stars: {0: 2})";
        let p = Progress::parse_export("progress.ron", old).expect("loads");
        assert!(p.gate_passed(0));
        assert!(p.time.is_empty());
        let partial = "(version: 1, unlocked: [true], gates: {}, time: {1: (seconds: 5)})";
        let p = Progress::parse_export("progress.ron", partial).expect("loads");
        assert_eq!(p.seconds_in(1), 5);
        assert_eq!(p.time[&1].lesson, None);
    }

    #[test]
    fn a_file_that_is_not_progress_is_refused_with_its_position() {
        let err = Progress::parse_export("notes.ron", "(version: 1, unlocked: [tr").unwrap_err();
        assert!(
            err.starts_with("notes.ron is not a Backlot progress file (line 1"),
            "{err}"
        );
        let newer = "(version: 99, unlocked: [true], gates: {})";
        assert!(
            Progress::parse_export("new.ron", newer)
                .unwrap_err()
                .contains("newer")
        );
        assert_eq!(export_file_name(0), "backlot-progress-1970-01-01.ron");
        // 2026-12-02 00:00 UTC.
        assert_eq!(
            export_file_name(1_796_169_600),
            "backlot-progress-2026-12-02.ron"
        );
        assert_eq!(
            export_file_name(951_782_400),
            "backlot-progress-2000-02-29.ron"
        );
    }

    #[test]
    fn a_save_from_a_newer_game_is_kept_aside_not_written_over() {
        let dir = temp_dir("newer-save");
        fs::create_dir_all(&dir).unwrap();
        let store = SaveStore::new(&dir);
        let newer = "(version: 99, unlocked: [true], gates: {})";
        fs::write(store.path(), newer).unwrap();
        let report = store.load();
        assert_eq!(report.progress, Progress::default());
        let warning = report.warning.unwrap_or_default();
        assert!(warning.contains("newer Backlot (version 99)"), "{warning}");
        let bak = dir.join("progress.ron.bak");
        assert!(warning.contains(&bak.display().to_string()), "{warning}");
        assert_eq!(fs::read_to_string(&bak).unwrap(), newer);
        let _ = fs::remove_dir_all(&dir);
    }
}
