//! The class poll archive, `class_polls.ron`: every tally saved so far, one per stop and poll.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{POLL_ARCHIVE_FILE, PollTally};
use crate::tour::model::progress::{load_or_quarantine, write_ron_atomic};

/// One tally kept in the archive: which stop, which poll, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedTally {
    pub stop: usize,
    pub poll_id: String,
    pub tally: PollTally,
    pub saved_unix: u64,
}

/// Every class vote saved so far, so a teacher can show last lesson's result again or compare
/// classes. One tally per stop and poll id: saving again replaces it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PollArchive {
    #[serde(default)]
    pub tallies: Vec<SavedTally>,
}

impl PollArchive {
    /// Where the archive lives in a data directory.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(POLL_ARCHIVE_FILE)
    }

    /// Load from a data directory. Missing means empty; a damaged file is moved aside as
    /// `class_polls.ron.bak` and the warning says so, and the game goes on with an empty
    /// archive.
    pub fn load(dir: &Path) -> (PollArchive, Option<String>) {
        load_or_quarantine::<PollArchive>(&Self::path(dir), "class poll")
    }

    /// Write atomically (temporary file, then rename).
    pub fn save(&self, dir: &Path) -> io::Result<()> {
        write_ron_atomic(&Self::path(dir), self)
    }

    /// Keep a tally, replacing any earlier one for the same stop and poll id (a re-vote
    /// replaces the old result instead of counting the class twice).
    pub fn record(
        &mut self,
        stop: usize,
        poll_id: impl Into<String>,
        tally: PollTally,
        saved_unix: u64,
    ) {
        let saved = SavedTally {
            stop,
            poll_id: poll_id.into(),
            tally,
            saved_unix,
        };
        match self
            .tallies
            .iter_mut()
            .find(|t| t.stop == saved.stop && t.poll_id == saved.poll_id)
        {
            Some(existing) => *existing = saved,
            None => self.tallies.push(saved),
        }
    }

    pub fn get(&self, stop: usize, poll_id: &str) -> Option<&SavedTally> {
        self.tallies
            .iter()
            .find(|t| t.stop == stop && t.poll_id == poll_id)
    }

    pub fn for_stop(&self, stop: usize) -> impl Iterator<Item = &SavedTally> {
        self.tallies.iter().filter(move |t| t.stop == stop)
    }

    pub fn remove(&mut self, stop: usize, poll_id: &str) -> Option<SavedTally> {
        let i = self
            .tallies
            .iter()
            .position(|t| t.stop == stop && t.poll_id == poll_id)?;
        Some(self.tallies.remove(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::poll::model::tests::tally;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("backlot-poll-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn archive_round_trips_and_replaces_by_stop_and_poll() {
        let dir = temp_dir("archive");
        let (empty, warning) = PollArchive::load(&dir);
        assert_eq!((empty.tallies.len(), warning), (0, None));
        let mut archive = PollArchive::default();
        archive.record(2, "gaffer", tally(&[3, 4]), 100);
        archive.record(5, "gaffer", tally(&[1, 1]), 110);
        archive.record(
            2,
            "gaffer",
            tally(&[9, 1])
                .with_correct(vec![false, true])
                .expect("marked"),
            120,
        );
        assert_eq!(archive.tallies.len(), 2, "same stop and poll replaced");
        let kept = archive.get(2, "gaffer").expect("kept");
        assert_eq!((kept.tally.counts(), kept.saved_unix), (&[9, 1][..], 120));
        assert_eq!(archive.for_stop(5).count(), 1);
        archive.save(&dir).expect("save");
        let (loaded, warning) = PollArchive::load(&dir);
        assert_eq!(warning, None);
        assert_eq!(loaded, archive);
        let mut loaded = loaded;
        assert!(loaded.remove(5, "gaffer").is_some());
        assert!(loaded.remove(5, "gaffer").is_none());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_folder_in_place_of_the_archive_is_moved_aside_and_saving_works() {
        let dir = temp_dir("folder");
        std::fs::create_dir_all(PollArchive::path(&dir)).expect("folder in the way");
        let (archive, warning) = PollArchive::load(&dir);
        assert!(archive.tallies.is_empty());
        let warning = warning.expect("warned");
        assert!(warning.contains("class_polls.ron.bak"), "{warning}");
        assert!(
            dir.join("class_polls.ron.bak").is_dir(),
            "kept, not deleted"
        );
        archive.save(&dir).expect("the archive has its place again");
        assert_eq!(PollArchive::load(&dir).1, None);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_damaged_archive_is_moved_aside_and_an_edited_one_is_made_to_fit() {
        let dir = temp_dir("damaged");
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(PollArchive::path(&dir), "(tallies: [(stop: 1, poll").expect("write");
        let (archive, warning) = PollArchive::load(&dir);
        assert!(archive.tallies.is_empty());
        assert!(warning.expect("warned").contains("damaged"));
        assert!(dir.join("class_polls.ron.bak").exists());

        // Counts missing one option and one over the cap: padded and capped, not panicking.
        std::fs::write(
            PollArchive::path(&dir),
            r#"(tallies: [(stop: 1, poll_id: "p", saved_unix: 0, tally: (
                title: "t", options: ["a", "b", "c"], counts: [5000, 2], correct: Some([true]),
            ))])"#,
        )
        .expect("write");
        let (archive, warning) = PollArchive::load(&dir);
        assert_eq!(warning, None);
        let t = &archive.tallies[0].tally;
        assert_eq!(t.counts(), &[999, 2, 0]);
        assert_eq!(t.correct(), Some(&[true, false, false][..]));
        assert_eq!(t.bars().len(), 3);
        std::fs::remove_dir_all(&dir).ok();
    }
}
