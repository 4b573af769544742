//! The camp save file, `camp.ron`, so a camp survives closing the game between stops.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{CAMP_FILE, CampSession};
use crate::tour::model::progress::{load_or_quarantine, write_ron_atomic};

const CAMP_FILE_VERSION: u32 = 1;

/// The camp save file, so a camp survives closing the game (or a crash) between stops.
#[derive(Debug, Clone)]
pub struct CampStore {
    dir: PathBuf,
}

/// What `camp.ron` holds. A missing file reads as "no camp".
#[derive(Debug, Serialize, Deserialize)]
struct CampFile {
    version: u32,
    session: Option<CampSession>,
}

impl Default for CampFile {
    fn default() -> Self {
        Self {
            version: CAMP_FILE_VERSION,
            session: None,
        }
    }
}

impl CampStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(CAMP_FILE)
    }

    /// Write atomically (temporary file, then rename), so a crash never leaves half a camp.
    pub fn save(&self, session: &CampSession) -> io::Result<()> {
        let file = CampFile {
            version: CAMP_FILE_VERSION,
            session: Some(session.clone()),
        };
        write_ron_atomic(&self.path(), &file)
    }

    /// The saved camp, if any. A file that cannot be read, or whose parts do not fit together,
    /// is moved aside as `camp.ron.bak` and a warning says so: the teacher can start a new camp
    /// and nothing panics.
    pub fn load(&self) -> (Option<CampSession>, Option<String>) {
        let (file, warning) = load_or_quarantine::<CampFile>(&self.path(), "camp");
        (file.session, warning)
    }

    /// Forget the saved camp (after the final scoreboard). No file is not an error.
    pub fn clear(&self) -> io::Result<()> {
        match crate::platform::storage::remove_file(&self.path()) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::camp::model::test_support::{played_session, temp_dir};
    use crate::classroom::camp::model::{CampOptions, TimerOptions};

    #[test]
    fn a_saved_camp_survives_a_restart() {
        let dir = temp_dir("restart");
        let store = CampStore::new(&dir);
        assert_eq!(store.load(), (None, None), "no file, no camp, no warning");
        let mut s = played_session();
        s.options = CampOptions {
            timer: Some(TimerOptions::default()),
            speed_bonus: true,
            stops: vec![0, 1],
        };
        store.save(&s).expect("save");
        let reopened = CampStore::new(&dir);
        let (loaded, warning) = reopened.load();
        assert_eq!(warning, None);
        assert_eq!(loaded.as_ref(), Some(&s));
        let loaded = loaded.expect("loaded");
        assert_eq!(loaded.current_team(), Some(2));
        assert_eq!(loaded.scoreboard(), s.scoreboard());
        store.clear().expect("clear");
        assert!(!store.path().exists());
        store.clear().expect("clearing twice is fine");
        assert_eq!(store.load(), (None, None));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_corrupt_camp_file_is_moved_aside_with_a_warning() {
        let dir = temp_dir("corrupt");
        std::fs::create_dir_all(&dir).expect("dir");
        let store = CampStore::new(&dir);
        std::fs::write(store.path(), "(version: 1, session: Some((setup: (tea").expect("write");
        let (session, warning) = store.load();
        assert_eq!(session, None);
        let warning = warning.expect("warned");
        assert!(warning.contains("damaged"), "{warning}");
        assert!(!store.path().exists());
        assert!(dir.join("camp.ron.bak").exists());
        store
            .save(&played_session())
            .expect("save after a bad load");
        assert!(store.load().0.is_some());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_camp_file_that_is_not_text_is_kept_and_a_second_one_beside_it() {
        let dir = temp_dir("not-text");
        std::fs::create_dir_all(&dir).expect("dir");
        let store = CampStore::new(&dir);
        std::fs::write(store.path(), b"\xff\xfe\x00 first").expect("write");
        let warning = store.load().1.expect("warned");
        assert!(warning.contains("camp.ron.bak"), "{warning}");
        store.save(&played_session()).expect("the next save works");
        std::fs::write(store.path(), b"\xff second").expect("write");
        let warning = store.load().1.expect("warned");
        assert!(warning.contains("camp.ron.bak2"), "{warning}");
        assert_eq!(
            std::fs::read(dir.join("camp.ron.bak")).expect("first kept"),
            b"\xff\xfe\x00 first"
        );
        assert_eq!(
            std::fs::read(dir.join("camp.ron.bak2")).expect("second kept"),
            b"\xff second"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_camp_file_that_does_not_add_up_is_refused() {
        let dir = temp_dir("inconsistent");
        let store = CampStore::new(&dir);
        let s = played_session();
        store.save(&s).expect("save");
        let text = std::fs::read_to_string(store.path()).expect("read");
        // Hand-edit: the current team no longer exists.
        let edited = text.replacen("team: 2", "team: 9", 1);
        assert_ne!(edited, text, "the edit must hit the file");
        std::fs::write(store.path(), edited).expect("write");
        let (session, warning) = store.load();
        assert_eq!(session, None);
        let warning = warning.expect("warned");
        assert!(warning.contains("does not exist"), "{warning}");
        assert!(dir.join("camp.ron.bak").exists());

        // Two teams sharing a colour is caught too.
        store.save(&s).expect("save");
        let text = std::fs::read_to_string(store.path()).expect("read");
        let edited = text.replacen("color: Orange", "color: Red", 1);
        assert_ne!(edited, text);
        std::fs::write(store.path(), edited).expect("write");
        assert_eq!(store.load().0, None);
        std::fs::remove_dir_all(&dir).ok();
    }
}
