//! Property tests of every saved file's loader (progress, level saves, profile copies,
//! settings, camp sessions, class polls): random bytes and damaged copies of a good save load
//! without a panic, as a fresh start with a warning naming the file and the bad copy kept;
//! and a progress written by the game reads back as the same progress.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde::{Deserialize, Serialize};

use crate::classroom::camp::model::CampStore;
use crate::classroom::poll::model::PollArchive;
use crate::tour::model::lesson::LessonLength;
use crate::tour::model::level_save::{self, LevelLoad, level_save_path};
use crate::tour::model::profile_copy::ProfileCopy;
use crate::tour::model::progress::{GateResult, Progress, SaveStore, StopTime};
use crate::tour::model::quiz::{Attempt, QuestionRecord};
use crate::ui::theme::read_settings;

/// A folder of its own for one test case.
fn case_dir(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = crate::testing::temp_data_dir(&format!("props-{name}-{n}"));
    std::fs::create_dir_all(&dir).expect("make the case folder");
    dir
}

fn attempt() -> impl Strategy<Value = Attempt> {
    (
        prop::collection::vec("[a-zA-Z \"'\\\\(),]{0,12}", 0..3),
        any::<bool>(),
    )
        .prop_map(|(chosen, correct)| Attempt { chosen, correct })
}

fn gate() -> impl Strategy<Value = GateResult> {
    let record = ("[a-z0-9-]{1,10}", prop::collection::vec(attempt(), 0..4)).prop_map(
        |(question_id, attempts)| QuestionRecord {
            question_id,
            attempts,
        },
    );
    (any::<bool>(), prop::collection::vec(record, 0..4))
        .prop_map(|(passed, questions)| GateResult { passed, questions })
}

fn lesson() -> impl Strategy<Value = LessonLength> {
    prop_oneof![
        Just(LessonLength::Short),
        Just(LessonLength::Standard),
        Just(LessonLength::Full)
    ]
}

/// A progress as play makes it: stop 0 always open, the rest at random.
fn progress() -> impl Strategy<Value = Progress> {
    let time = (any::<u64>(), prop::option::of("[a-z]{1,8}"))
        .prop_map(|(seconds, lesson)| StopTime { seconds, lesson });
    (
        prop::collection::vec(any::<bool>(), 7),
        prop::collection::btree_map(0..7u8, gate(), 0..7),
        prop::collection::btree_map(0..7u8, 0..=3u8, 0..7),
        prop::collection::btree_map("[a-z_]{1,8}", 0..5usize, 0..3),
        prop::collection::btree_map(0..7u8, time, 0..7),
        prop::collection::btree_map(0..7u8, lesson(), 0..7),
        prop::collection::btree_map(0..7u8, any::<u32>(), 0..7),
    )
        .prop_map(
            |(mut unlocked, gates, level_stars, polls, time, played, ext)| {
                unlocked[0] = true;
                Progress {
                    unlocked,
                    gates,
                    level_stars,
                    polls,
                    time,
                    lesson_played: played,
                    extensions_done: ext,
                    ..Progress::default()
                }
            },
        )
}

/// Text that is sometimes a damaged good save, sometimes anything at all.
fn damaged(good: String) -> impl Strategy<Value = Vec<u8>> {
    let bytes = good.into_bytes();
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        (Just(bytes.clone()), any::<prop::sample::Index>())
            .prop_map(|(b, at)| b[..at.index(b.len() + 1)].to_vec()),
        (
            Just(bytes.clone()),
            any::<prop::sample::Index>(),
            prop::collection::vec(any::<u8>(), 1..6)
        )
            .prop_map(|(mut b, at, junk)| {
                let at = at.index(b.len() + 1);
                b.splice(at..at, junk);
                b
            }),
        (Just(bytes), any::<prop::sample::Index>()).prop_map(|(mut b, at)| {
            if !b.is_empty() {
                b.remove(at.index(b.len()));
            }
            b
        }),
    ]
}

/// After loading `file`, which held `bytes`: either it read, or the warning names the file
/// and the bytes are kept, unchanged, in the backup beside it.
fn kept_or_read(file: &Path, bytes: &[u8], warning: Option<&String>) -> Result<(), TestCaseError> {
    if let Some(w) = warning {
        prop_assert!(w.contains(&file.display().to_string()), "{w}");
        let backup = file.with_file_name(format!(
            "{}.bak",
            file.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        ));
        let kept = std::fs::read(&backup).ok();
        prop_assert_eq!(kept.as_deref(), Some(bytes), "{}", w);
    }
    Ok(())
}

fn good_progress_text() -> String {
    let mut p = Progress::default();
    p.record_gate(0, &[], true);
    p.record_level(0, 2);
    p.add_time(0, 120, "standard");
    p.export_text()
}

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct SomeLevel {
    placed: Vec<(String, f32)>,
    done: bool,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_written_progress_loads_as_the_same_progress(p in progress()) {
        let dir = case_dir("progress-round-trip");
        let store = SaveStore::new(&dir);
        prop_assert!(store.save(&p).is_ok());
        let report = store.load();
        let _ = std::fs::remove_dir_all(&dir);
        prop_assert_eq!(report.warning, None);
        prop_assert_eq!(&report.progress, &p);
        prop_assert_eq!(Progress::parse_export("copy.ron", &p.export_text()), Ok(p));
    }

    #[test]
    fn a_damaged_progress_file_starts_fresh_and_is_kept(bytes in damaged(good_progress_text())) {
        let dir = case_dir("progress-damaged");
        let store = SaveStore::new(&dir);
        std::fs::write(store.path(), &bytes).expect("write the damaged save");
        let report = store.load();
        let result = kept_or_read(&store.path(), &bytes, report.warning.as_ref());
        let _ = std::fs::remove_dir_all(&dir);
        result?;
        prop_assert!(report.progress.is_unlocked(0));
        if let Ok(text) = std::str::from_utf8(&bytes) {
            // A kept copy brought back by the player is refused with the file's name.
            if let Err(e) = Progress::parse_export("copy.ron", text) {
                prop_assert!(e.starts_with("copy.ron "), "{e}");
            }
        }
    }

    #[test]
    fn a_damaged_level_save_starts_the_level_fresh(
        bytes in damaged(
            level_save::to_text(3, &SomeLevel { placed: vec![("a".into(), 1.5)], done: true })
                .unwrap_or_default(),
        ),
    ) {
        let dir = case_dir("level-damaged");
        let path = level_save_path(&dir, 3);
        std::fs::create_dir_all(path.parent().unwrap_or(&dir)).expect("levels folder");
        std::fs::write(&path, &bytes).expect("write the damaged level save");
        let loaded = level_save::load::<SomeLevel>(&dir, 3);
        let result = match &loaded {
            LevelLoad::Damaged(w) => kept_or_read(&path, &bytes, Some(w)),
            LevelLoad::Loaded(_) => Ok(()),
            LevelLoad::Missing => Err(TestCaseError::fail("a file that is there is not missing")),
        };
        let _ = std::fs::remove_dir_all(&dir);
        result?;
    }

    #[test]
    fn damaged_settings_camp_and_poll_files_start_fresh(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let dir = case_dir("other-saves");
        let settings = dir.join("settings.ron");
        std::fs::write(&settings, &bytes).expect("write settings");
        let (_, warning) = read_settings(&settings);
        let mut result = if warning.as_ref().is_some_and(|w| w.contains("could not be used")) {
            kept_or_read(&settings, &bytes, warning.as_ref())
        } else {
            Ok(())
        };
        let camp = CampStore::new(&dir);
        std::fs::write(camp.path(), &bytes).expect("write camp");
        let (_, warning) = camp.load();
        result = result.and_then(|()| kept_or_read(&camp.path(), &bytes, warning.as_ref()));
        let polls = PollArchive::path(&dir);
        std::fs::write(&polls, &bytes).expect("write polls");
        let (_, warning) = PollArchive::load(&dir);
        result = result.and_then(|()| kept_or_read(&polls, &bytes, warning.as_ref()));
        let _ = std::fs::remove_dir_all(&dir);
        result?;
    }

    #[test]
    fn any_profile_copy_text_is_read_or_refused(text in "(.|\n){0,200}") {
        if let Err(e) = ProfileCopy::parse("class.ron", &text) {
            prop_assert!(e.contains("class.ron"), "{e}");
        }
    }
}
