//! A whole profile as one file a student can carry to another day or computer: the name, the
//! progress, the settings and every level save. Plain Rust, no Bevy.
//!
//! Loading a copy never loses work: the progress is merged (see `Progress::merge`), settings
//! are restored only where the profile has none, and a level save that differs from the one
//! here replaces it only after the one here is kept as a numbered `.bak`. A copy that holds
//! only progress (made before profiles) still loads.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::platform::storage;
use crate::tour::model::profiles::slug_for;
use crate::tour::model::progress::{Progress, iso_date};

/// What marks a file as a whole-profile copy.
const FORMAT: &str = "backlot-profile";
const COPY_VERSION: u32 = 1;
/// The profile's folder of level saves, and its settings file.
const LEVELS_DIR: &str = "levels";
const SETTINGS_FILE: &str = "settings.ron";

/// One profile in one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileCopy {
    pub format: String,
    pub version: u32,
    /// The profile's name where the copy was made.
    pub name: String,
    pub progress: Progress,
    /// `settings.ron`, word for word.
    #[serde(default)]
    pub settings: Option<String>,
    /// Every level save in `levels/`, word for word, by file name (`stop2.ron`).
    #[serde(default)]
    pub levels: BTreeMap<String, String>,
}

impl ProfileCopy {
    /// A copy of the profile in `dir`: `progress` and `settings` as the game holds them now
    /// (fresher than the files), the level saves as they are on disk.
    pub fn gather(dir: &Path, name: &str, progress: &Progress, settings: Option<String>) -> Self {
        let levels = storage::list_files(&dir.join(LEVELS_DIR))
            .into_iter()
            .filter_map(|path| {
                let file = path.file_name()?.to_string_lossy().into_owned();
                if !is_level_file_name(&file) {
                    return None;
                }
                let text = storage::read_to_string(&path).ok()?;
                Some((file, text))
            })
            .collect();
        Self {
            format: FORMAT.into(),
            version: COPY_VERSION,
            name: name.into(),
            progress: progress.clone(),
            settings,
            levels,
        }
    }

    pub fn to_text(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .unwrap_or_else(|e| format!("// could not write the profile: {e}"))
    }

    /// Read a copy: a whole profile, or an older progress-only copy. A file that is neither
    /// is a clear error with its line and column.
    pub fn parse(file_name: &str, text: &str) -> Result<Self, String> {
        match ron::from_str::<ProfileCopy>(text) {
            Ok(copy) if copy.format == FORMAT => {
                if copy.version > COPY_VERSION {
                    return Err(format!(
                        "{file_name} comes from a newer Backlot (version {}); update this one first",
                        copy.version
                    ));
                }
                let progress = Progress::parse_export(file_name, &copy.progress.export_text())?;
                Ok(Self { progress, ..copy })
            }
            Ok(_) => Err(format!("{file_name} is not a Backlot profile copy")),
            Err(e) if text.contains(FORMAT) => Err(format!(
                "{file_name} is a damaged profile copy (line {}, column {}: {})",
                e.span.start.line, e.span.start.col, e.code
            )),
            Err(_) => Progress::parse_export(file_name, text).map(|progress| Self {
                format: FORMAT.into(),
                version: COPY_VERSION,
                name: String::new(),
                progress,
                settings: None,
                levels: BTreeMap::new(),
            }),
        }
    }
}

/// The name of a copy of `name`'s profile made at `unix_seconds`:
/// `backlot-maya-2026-12-02.ron`.
pub fn file_name(name: &str, unix_seconds: u64) -> String {
    format!("backlot-{}-{}.ron", slug_for(name), iso_date(unix_seconds))
}

/// A level save's file name as a copy may carry it: a plain `.ron` name, never a path.
fn is_level_file_name(name: &str) -> bool {
    name.ends_with(".ron")
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// What loading a copy did, line by line for the player.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Restored {
    pub lines: Vec<String>,
    /// The settings file was written: the game should read it again.
    pub settings: bool,
    /// Level saves written.
    pub levels: usize,
}

/// Take `copy` into the profile in `dir` whose progress is `progress`: merge the progress,
/// restore the settings if this profile has none (and `settings_ok` accepts them), and restore
/// every level save, keeping a differing one here as `.bak` first. Returns what it did.
pub fn restore(
    copy: &ProfileCopy,
    dir: &Path,
    progress: &mut Progress,
    settings_ok: impl Fn(&str) -> bool,
) -> Restored {
    let mut done = Restored::default();
    progress.merge(&copy.progress);
    if let Some(settings) = &copy.settings {
        let path = dir.join(SETTINGS_FILE);
        let mine = storage::read_to_string(&path);
        if mine.is_ok() {
            done.lines
                .push("Your settings here are kept (the copy's were not needed).".into());
        } else if !settings_ok(settings) {
            done.lines
                .push("The copy's settings could not be read; yours are unchanged.".into());
        } else {
            match storage::write_atomic(&path, settings.as_bytes()) {
                Ok(()) => {
                    done.settings = true;
                    done.lines.push("Settings restored.".into());
                }
                Err(e) => done
                    .lines
                    .push(format!("Could not restore the settings: {e}")),
            }
        }
    }
    for (file, text) in &copy.levels {
        if !is_level_file_name(file) {
            done.lines
                .push(format!("Skipped {file}: not a level save's name."));
            continue;
        }
        match restore_level(&dir.join(LEVELS_DIR).join(file), text) {
            Ok(Some(line)) => {
                done.levels += 1;
                done.lines.push(line);
            }
            Ok(None) => {}
            Err(e) => done.lines.push(format!("Could not restore {file}: {e}")),
        }
    }
    done
}

/// Write one level save, unless the same is already here; a different one here is kept as a
/// backup first. `None` when nothing had to change.
fn restore_level(path: &Path, text: &str) -> io::Result<Option<String>> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kept = match storage::read_to_string(path) {
        Ok(mine) if mine == text => return Ok(None),
        Ok(mine) => {
            let bak = storage::free_backup(path)?;
            storage::write_atomic(&bak, mine.as_bytes())?;
            Some(bak)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    storage::write_atomic(path, text.as_bytes())?;
    Ok(Some(match kept {
        Some(bak) => format!(
            "Restored {name}; the work that was here is kept as {}.",
            bak.display()
        ),
        None => format!("Restored {name}."),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::PathBuf;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("backlot-copy-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    fn profile_with_work(dir: &Path) -> Progress {
        fs::create_dir_all(dir.join(LEVELS_DIR)).expect("dir");
        fs::write(
            dir.join(LEVELS_DIR).join("stop2.ron"),
            "(version: 1, stop: 2)",
        )
        .expect("w");
        fs::write(dir.join(LEVELS_DIR).join("stop2.ron.bak"), "old").expect("w");
        let mut p = Progress::default();
        p.record_gate(0, &[], true);
        p.add_time(0, 75, "standard");
        p
    }

    #[test]
    fn a_profile_copy_round_trips_into_an_empty_profile() {
        let home = temp_dir("home");
        let progress = profile_with_work(&home);
        let copy = ProfileCopy::gather(&home, "Maya", &progress, Some("(scale: 1.5)".into()));
        assert_eq!(
            copy.levels.keys().collect::<Vec<_>>(),
            ["stop2.ron"],
            "level saves only, not their backups"
        );
        let text = copy.to_text();
        let back = ProfileCopy::parse("maya.ron", &text).expect("parses");
        assert_eq!(back, copy);

        let school = temp_dir("school");
        let mut fresh = Progress::default();
        let done = restore(&back, &school, &mut fresh, |_| true);
        assert_eq!(fresh.stops_passed(), 1);
        assert_eq!(fresh.seconds_in(0), 75);
        assert!(done.settings && done.levels == 1, "{done:?}");
        assert_eq!(
            fs::read_to_string(school.join(SETTINGS_FILE)).unwrap(),
            "(scale: 1.5)"
        );
        assert_eq!(
            fs::read_to_string(school.join(LEVELS_DIR).join("stop2.ron")).unwrap(),
            "(version: 1, stop: 2)"
        );
        // Loading the same copy again changes nothing.
        let again = restore(&back, &school, &mut fresh, |_| true);
        assert_eq!((again.settings, again.levels), (false, 0));
        fs::remove_dir_all(&home).ok();
        fs::remove_dir_all(&school).ok();
    }

    #[test]
    fn work_here_is_kept_as_a_backup_and_settings_here_win() {
        let dir = temp_dir("conflict");
        let levels = dir.join(LEVELS_DIR);
        fs::create_dir_all(&levels).expect("dir");
        fs::write(levels.join("stop1.ron"), "mine").expect("w");
        fs::write(levels.join("stop1.ron.bak"), "an earlier backup").expect("w");
        fs::write(dir.join(SETTINGS_FILE), "(scale: 2.0)").expect("w");
        let mut copy = ProfileCopy::parse("c", &Progress::default().export_text()).expect("ok");
        copy.settings = Some("(scale: 1.0)".into());
        copy.levels.insert("stop1.ron".into(), "theirs".into());
        copy.levels.insert("../escape.ron".into(), "x".into());
        let mut p = Progress::default();
        let done = restore(&copy, &dir, &mut p, |_| true);
        assert_eq!(
            fs::read_to_string(levels.join("stop1.ron")).unwrap(),
            "theirs"
        );
        assert_eq!(
            fs::read_to_string(levels.join("stop1.ron.bak2")).unwrap(),
            "mine",
            "kept, beside the earlier backup"
        );
        assert_eq!(
            fs::read_to_string(levels.join("stop1.ron.bak")).unwrap(),
            "an earlier backup"
        );
        assert_eq!(
            fs::read_to_string(dir.join(SETTINGS_FILE)).unwrap(),
            "(scale: 2.0)"
        );
        assert!(!done.settings);
        assert!(
            done.lines
                .iter()
                .any(|l| l.contains("Skipped ../escape.ron"))
        );
        assert!(!dir.join("escape.ron").exists());
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn an_old_progress_copy_loads_and_other_files_are_refused() {
        let mut p = Progress::default();
        p.record_gate(0, &[], true);
        let old = ProfileCopy::parse("backlot-progress-2026-01-01.ron", &p.export_text())
            .expect("a progress-only copy");
        assert_eq!(old.progress, p);
        assert!(old.levels.is_empty() && old.settings.is_none());
        let junk = ProfileCopy::parse("notes.ron", "(version: 1, unlocked: [tr").unwrap_err();
        assert!(junk.contains("not a Backlot progress file"), "{junk}");
        let cut = "(format: \"backlot-profile\", version: 1, name: \"Maya\", progr";
        let damaged = ProfileCopy::parse("maya.ron", cut).unwrap_err();
        assert!(
            damaged.contains("damaged profile copy (line 1"),
            "{damaged}"
        );
        let mut newer = ProfileCopy::parse("c", &p.export_text()).expect("ok");
        newer.version = 9;
        assert!(
            ProfileCopy::parse("n.ron", &newer.to_text())
                .unwrap_err()
                .contains("newer")
        );
        assert_eq!(
            file_name("Maya Lopez", 0),
            "backlot-maya-lopez-1970-01-01.ron"
        );
    }
}
