//! A level's own save: what the student built inside a stop, kept between visits and between
//! class periods. Plain Rust, no Bevy.
//!
//! Each stop with a level has one file, `levels/stop<N>.ron`, beside `progress.ron`. It holds
//! a snapshot of the level (the stop decides what goes in it), written atomically through the
//! platform's storage. A file that cannot be read is set aside under a numbered backup that
//! never replaces an earlier one, and the level starts fresh: the rest of the progress is
//! untouched.

use std::io;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::platform::storage;

/// The folder (inside the save folder) that holds the level saves.
pub const LEVELS_DIR: &str = "levels";
/// Bumped when a snapshot's shape changes in a way old files cannot be read as.
const LEVEL_SAVE_VERSION: u32 = 1;

/// Where stop `stop`'s level save lives inside the save folder `dir`.
pub fn level_save_path(dir: &Path, stop: usize) -> PathBuf {
    dir.join(LEVELS_DIR).join(format!("stop{stop}.ron"))
}

/// The file's envelope: the stop it belongs to, so a file copied to the wrong name is refused
/// rather than read as another level.
#[derive(Debug, Serialize, Deserialize)]
struct LevelFile<S> {
    version: u32,
    stop: u8,
    level: S,
}

/// The text a snapshot is saved as.
pub fn to_text<S: Serialize>(stop: usize, level: &S) -> Result<String, String> {
    let file = LevelFile {
        version: LEVEL_SAVE_VERSION,
        stop: u8::try_from(stop).map_err(|_| format!("no stop {stop}"))?,
        level,
    };
    ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default()).map_err(|e| e.to_string())
}

/// Read a snapshot from its text, checking that it belongs to `stop`.
pub fn from_text<S: DeserializeOwned>(stop: usize, text: &str) -> Result<S, String> {
    let file: LevelFile<S> = ron::from_str(text).map_err(|e| {
        format!(
            "line {}, column {}: {}",
            e.span.start.line, e.span.start.col, e.code
        )
    })?;
    if file.version != LEVEL_SAVE_VERSION {
        return Err(format!(
            "it was saved by another version of Backlot (format {}, this one reads {})",
            file.version, LEVEL_SAVE_VERSION
        ));
    }
    if usize::from(file.stop) != stop {
        return Err(format!("it belongs to stop {}, not stop {stop}", file.stop));
    }
    Ok(file.level)
}

/// What looking for a level save found.
#[derive(Debug)]
pub enum LevelLoad<S> {
    /// No save: the level starts fresh, silently.
    Missing,
    Loaded(S),
    /// The save could not be read. It was set aside (or could not be); the message says
    /// which file, why, and where the copy is, in words for the player.
    Damaged(String),
}

/// Look for stop `stop`'s level save in `dir`.
pub fn load<S: DeserializeOwned>(dir: &Path, stop: usize) -> LevelLoad<S> {
    let path = level_save_path(dir, stop);
    let problem = match storage::read_to_string(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return LevelLoad::Missing,
        Err(e) => e.to_string(),
        Ok(text) => match from_text(stop, &text) {
            Ok(level) => return LevelLoad::Loaded(level),
            Err(e) => e,
        },
    };
    let kept = match set_aside(&path) {
        Ok(bak) => format!("It was kept as {}.", bak.display()),
        Err(e) => format!("It could not be moved aside ({e})."),
    };
    LevelLoad::Damaged(format!(
        "The saved work for stop {stop} ({}) could not be read: {problem}. {kept} \
         The level starts fresh; the rest of your progress is kept.",
        path.display()
    ))
}

/// Write a snapshot's text atomically.
pub fn write(dir: &Path, stop: usize, text: &str) -> io::Result<()> {
    storage::write_atomic(&level_save_path(dir, stop), text.as_bytes())
}

/// Whether stop `stop` has saved work.
pub fn exists(dir: &Path, stop: usize) -> bool {
    storage::read_to_string(&level_save_path(dir, stop)).is_ok()
}

/// "Start over": forget the level's saved work. A missing save is already forgotten.
pub fn remove(dir: &Path, stop: usize) -> io::Result<()> {
    match storage::remove_file(&level_save_path(dir, stop)) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Move a file that cannot be read to the first free numbered backup beside it
/// (`x.ron.bak`, `x.ron.bak2`, …), so an earlier backup is never replaced. The one rule for
/// every save lives in the platform's storage.
pub use storage::set_aside;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Work {
        panels: Vec<u32>,
        note: String,
    }

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("backlot-level-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    fn work() -> Work {
        Work {
            panels: vec![3, 1, 4],
            note: "a \"quoted\" note".into(),
        }
    }

    #[test]
    fn a_snapshot_round_trips_through_its_file() {
        let dir = temp_dir("round-trip");
        assert!(matches!(load::<Work>(&dir, 1), LevelLoad::Missing));
        assert!(!exists(&dir, 1));
        write(&dir, 1, &to_text(1, &work()).expect("text")).expect("write");
        assert!(exists(&dir, 1));
        match load::<Work>(&dir, 1) {
            LevelLoad::Loaded(w) => assert_eq!(w, work()),
            other => panic!("expected the work back, got {other:?}"),
        }
        remove(&dir, 1).expect("remove");
        assert!(matches!(load::<Work>(&dir, 1), LevelLoad::Missing));
        remove(&dir, 1).expect("removing twice is fine");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_save_from_another_stop_is_refused() {
        let text = to_text(2, &work()).expect("text");
        let err = from_text::<Work>(3, &text).expect_err("wrong stop");
        assert!(err.contains("stop 2"), "{err}");
        assert_eq!(from_text::<Work>(2, &text).expect("right stop"), work());
    }

    #[test]
    fn damaged_saves_are_set_aside_under_numbered_backups_and_never_replaced() {
        let dir = temp_dir("damaged");
        let path = level_save_path(&dir, 4);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        for (i, junk) in ["(version: 1, stop: 4, level: (pan", "\u{0}\u{1}junk"]
            .iter()
            .enumerate()
        {
            std::fs::write(&path, junk).expect("junk");
            let LevelLoad::Damaged(message) = load::<Work>(&dir, 4) else {
                panic!("junk must not load");
            };
            let bak = if i == 0 {
                "stop4.ron.bak"
            } else {
                "stop4.ron.bak2"
            };
            assert!(message.contains(bak), "{message}");
            assert!(message.contains("stop 4"), "{message}");
            assert_eq!(
                std::fs::read_to_string(path.with_file_name(bak)).expect("kept"),
                *junk
            );
            assert!(!path.exists(), "the damaged file is moved, not copied");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unreadable_save_names_the_problem() {
        // A folder where the file should be cannot be read as text.
        let dir = temp_dir("folder");
        std::fs::create_dir_all(level_save_path(&dir, 5)).expect("folder in the way");
        let LevelLoad::Damaged(message) = load::<Work>(&dir, 5) else {
            panic!("a folder is not a save");
        };
        assert!(message.contains("stop5.ron"), "{message}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
