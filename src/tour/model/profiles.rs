//! Student profiles: one folder per student in the data folder, so a class can share laptops.
//! Plain Rust, no Bevy.
//!
//! A profile is `<data_dir>/profiles/<slug>/` holding `profile.ron` (the name as typed and the
//! day it was made), `progress.ron`, `settings.ron` and the level saves (`levels/`). The slug
//! is the name in lower case with safe characters only, so it works as a folder on every
//! system and as a `localStorage` key. The camp, class polls, question banks and exports stay
//! in the data folder itself: they are the teacher's. No account, no password: a name is
//! picked from a list or typed, and nothing leaves the computer.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::platform::storage;
use crate::tour::model::progress::{Progress, SAVE_FILE, write_ron_atomic};

/// The folder inside the data folder that holds one folder per profile.
pub const PROFILES_DIR: &str = "profiles";
/// A profile's own description, inside its folder.
pub const PROFILE_FILE: &str = "profile.ron";
/// Which profile played last (in `profiles/`), so the next start picks it.
const LAST_USED_FILE: &str = "last-used.ron";
/// The profile used when nobody chose one, and the one an old single save moves into.
pub const DEFAULT_NAME: &str = "Player";
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 24;
/// What an old single save is renamed to once it is safely inside the "Player" profile.
pub const LEGACY_KEPT_AS: &str = "progress.ron.before-profiles";

/// Names a folder cannot have on Windows, whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// `profile.ron`: the name as the student typed it, and the day the profile was made.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProfileInfo {
    pub name: String,
    /// `2026-12-02`.
    #[serde(default)]
    pub created: String,
}

/// A profile found in (or planned for) the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub slug: String,
    pub name: String,
    pub dir: PathBuf,
    /// Set when `profile.ron` cannot be read; the name is then made from the folder's name.
    pub problem: Option<String>,
}

/// The folder of all profiles.
pub fn profiles_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(PROFILES_DIR)
}

/// The folder of the profile `slug`.
pub fn profile_dir(data_dir: &Path, slug: &str) -> PathBuf {
    profiles_dir(data_dir).join(slug)
}

/// A typed name, tidied: spaces trimmed and runs of spaces made one. Empty, too long or
/// holding control characters is refused with a message for the student.
pub fn clean_name(raw: &str) -> Result<String, String> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err("Type a first name or a nickname.".into());
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(format!(
            "\"{name}\" is {chars} characters long; a name has at most {MAX_NAME_CHARS}."
        ));
    }
    if name.chars().any(char::is_control) {
        return Err("A name cannot hold control characters.".into());
    }
    Ok(name)
}

/// The folder name for a profile name: lower case ASCII letters and digits, with `-` between
/// words. A name with no such letters (a name in another script) gets a stable code instead.
pub fn slug_for(name: &str) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.push(c);
        } else {
            gap = true;
        }
    }
    if slug.is_empty() {
        slug = format!("p{:08x}", fnv1a(&name.to_lowercase()));
    }
    if RESERVED.contains(&slug.as_str()) {
        slug.push_str("-profile");
    }
    slug
}

/// A 32-bit FNV-1a hash: the same name always gives the same code, on every platform.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// `base`, or `base-2`, `base-3`… whichever no profile uses yet.
fn unique_slug(base: &str, taken: &[&str]) -> String {
    if !taken.contains(&base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken.contains(&s.as_str()))
        .unwrap_or_else(|| base.to_string())
}

/// The name shown for a folder without a readable `profile.ron`: its slug, capitalised.
fn name_from_slug(slug: &str) -> String {
    let mut chars = slug.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Read one profile folder. A missing `profile.ron` is fine (the folder's name is used); a
/// damaged one is reported in `problem`.
fn read_profile(dir: &Path) -> Option<Profile> {
    let slug = dir.file_name()?.to_string_lossy().into_owned();
    let path = dir.join(PROFILE_FILE);
    let (name, problem) = match storage::read_to_string(&path) {
        Ok(text) => match ron::from_str::<ProfileInfo>(&text) {
            Ok(info) if !info.name.trim().is_empty() => (info.name.trim().to_string(), None),
            Ok(_) => (
                name_from_slug(&slug),
                Some(format!("{} has no name", path.display())),
            ),
            Err(e) => (
                name_from_slug(&slug),
                Some(format!(
                    "{} is damaged (line {}, column {}: {})",
                    path.display(),
                    e.span.start.line,
                    e.span.start.col,
                    e.code
                )),
            ),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => (name_from_slug(&slug), None),
        Err(e) => (
            name_from_slug(&slug),
            Some(format!("{} cannot be read: {e}", path.display())),
        ),
    };
    Some(Profile {
        slug,
        name,
        dir: dir.to_path_buf(),
        problem,
    })
}

/// Every profile in the data folder, by name.
pub fn list(data_dir: &Path) -> Vec<Profile> {
    let mut profiles: Vec<Profile> = storage::list_dirs(&profiles_dir(data_dir))
        .iter()
        .filter_map(|dir| read_profile(dir))
        .collect();
    profiles.sort_by_key(|p| (p.name.to_lowercase(), p.slug.clone()));
    profiles
}

/// The profile a name or a slug stands for (names compare without case).
pub fn find<'a>(profiles: &'a [Profile], key: &str) -> Option<&'a Profile> {
    let wanted = key.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = wanted.to_lowercase();
    profiles
        .iter()
        .find(|p| p.name.to_lowercase() == lower)
        .or_else(|| profiles.iter().find(|p| p.slug == wanted))
}

/// Make a new profile called `raw` (tidied by [`clean_name`]) made on `today`. A name already
/// in use (whatever its case) is refused with a clear message.
pub fn create(data_dir: &Path, raw: &str, today: &str) -> Result<Profile, String> {
    let name = clean_name(raw)?;
    let existing = list(data_dir);
    if let Some(same) = existing
        .iter()
        .find(|p| p.name.to_lowercase() == name.to_lowercase())
    {
        return Err(format!(
            "There is already a profile called {}. Pick it from the list, or add a letter \
             to tell the two apart.",
            same.name
        ));
    }
    let taken: Vec<&str> = existing.iter().map(|p| p.slug.as_str()).collect();
    let slug = unique_slug(&slug_for(&name), &taken);
    let dir = profile_dir(data_dir, &slug);
    let info = ProfileInfo {
        name: name.clone(),
        created: today.to_string(),
    };
    write_ron_atomic(&dir.join(PROFILE_FILE), &info)
        .map_err(|e| format!("Could not make the profile {name}: {e}"))?;
    Ok(Profile {
        slug,
        name,
        dir,
        problem: None,
    })
}

/// The slug of the profile that played last, if it is still there.
pub fn last_used(data_dir: &Path) -> Option<String> {
    let text = storage::read_to_string(&profiles_dir(data_dir).join(LAST_USED_FILE)).ok()?;
    ron::from_str::<String>(&text).ok()
}

/// Remember `slug` as the profile that played last.
pub fn remember(data_dir: &Path, slug: &str) -> io::Result<()> {
    write_ron_atomic(&profiles_dir(data_dir).join(LAST_USED_FILE), &slug)
}

/// What choosing the profile at start-up found and did.
#[derive(Debug, Clone, PartialEq)]
pub struct StartProfile {
    pub profile: Profile,
    /// For the player: an old save moved into a profile.
    pub info: Vec<String>,
    /// For the player: something could not be done; play goes on.
    pub warnings: Vec<String>,
}

/// Pick the profile to play at start-up: the one asked for (`--profile`, made if new), else
/// the one that played last, else "Player". An old single save is moved into "Player" first.
/// With `write` false (a screenshot run) nothing is written: the profile is only planned.
pub fn choose_at_start(
    data_dir: &Path,
    requested: Option<&str>,
    today: &str,
    write: bool,
) -> StartProfile {
    let mut start = StartProfile {
        profile: planned(data_dir, DEFAULT_NAME),
        info: Vec::new(),
        warnings: Vec::new(),
    };
    if write {
        match migrate_legacy(data_dir, today) {
            Some(Ok(line)) => start.info.push(line),
            Some(Err(line)) => start.warnings.push(line),
            None => {}
        }
    }
    let profiles = list(data_dir);
    let chosen = match requested {
        Some(key) => find(&profiles, key),
        None => last_used(data_dir)
            .and_then(|slug| find(&profiles, &slug))
            .or_else(|| find(&profiles, DEFAULT_NAME)),
    };
    let name = requested.unwrap_or(DEFAULT_NAME);
    start.profile = match chosen {
        Some(found) => found.clone(),
        None if write => create(data_dir, name, today).unwrap_or_else(|e| {
            start.warnings.push(e);
            find(&profiles, DEFAULT_NAME)
                .cloned()
                .unwrap_or_else(|| planned(data_dir, DEFAULT_NAME))
        }),
        None => planned(data_dir, name),
    };
    if write
        && requested.is_some()
        && let Err(e) = remember(data_dir, &start.profile.slug)
    {
        start
            .warnings
            .push(format!("Could not note who played last: {e}"));
    }
    start
}

/// A profile that is not written yet (its folder appears with its first save).
fn planned(data_dir: &Path, name: &str) -> Profile {
    let name = clean_name(name).unwrap_or_else(|_| DEFAULT_NAME.to_string());
    let slug = slug_for(&name);
    Profile {
        dir: profile_dir(data_dir, &slug),
        slug,
        name,
        problem: None,
    }
}

/// Move a save from before profiles (`<data_dir>/progress.ron`) into the profile "Player":
/// copied first, merged if "Player" already has progress, and only then renamed to
/// [`LEGACY_KEPT_AS`], so it is never lost. `None` when there is no old save.
pub fn migrate_legacy(data_dir: &Path, today: &str) -> Option<Result<String, String>> {
    let legacy = data_dir.join(SAVE_FILE);
    let text = match storage::read_to_string(&legacy) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return None,
        Err(e) => {
            return Some(Err(format!(
                "Could not read the old save {}: {e}",
                legacy.display()
            )));
        }
    };
    Some(move_into_player(data_dir, &legacy, &text, today))
}

fn move_into_player(
    data_dir: &Path,
    legacy: &Path,
    text: &str,
    today: &str,
) -> Result<String, String> {
    let profiles = list(data_dir);
    let player = match find(&profiles, DEFAULT_NAME) {
        Some(p) => p.clone(),
        None => create(data_dir, DEFAULT_NAME, today)?,
    };
    let target = player.dir.join(SAVE_FILE);
    let kept_file = |e: String| {
        format!(
            "The old save {} could not be moved into the profile {}: {e}. It is still there.",
            legacy.display(),
            player.name
        )
    };
    match storage::read_to_string(&target) {
        // The usual case: copy the text as it is (a damaged save is set aside at loading).
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            storage::write_atomic(&target, text.as_bytes()).map_err(|e| kept_file(e.to_string()))?
        }
        Err(e) => return Err(kept_file(e.to_string())),
        Ok(existing) => {
            let mut mine = Progress::parse_export(&target.display().to_string(), &existing)
                .map_err(kept_file)?;
            let old =
                Progress::parse_export(&legacy.display().to_string(), text).map_err(kept_file)?;
            mine.merge(&old);
            write_ron_atomic(&target, &mine).map_err(|e| kept_file(e.to_string()))?;
        }
    }
    let kept = data_dir.join(LEGACY_KEPT_AS);
    let renamed = storage::rename(legacy, &kept);
    Ok(match renamed {
        Ok(()) => format!(
            "Your saved progress is now the profile \"{}\" (the old file is kept as {}).",
            player.name,
            kept.display()
        ),
        // Copied but still in place: the next start merges it again, which changes nothing.
        Err(e) => format!(
            "Your saved progress is now the profile \"{}\" (the old file {} could not be \
             renamed: {e}).",
            player.name,
            legacy.display()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn temp_dir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("backlot-profiles-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn names_are_tidied_and_limited() {
        assert_eq!(clean_name("  Maya   Lopez "), Ok("Maya Lopez".into()));
        assert!(clean_name("   ").unwrap_err().contains("Type a first name"));
        assert_eq!(clean_name(&"a".repeat(24)).map(|n| n.len()), Ok(24));
        let long = clean_name(&"a".repeat(25)).unwrap_err();
        assert!(
            long.contains("25 characters") && long.contains("24"),
            "{long}"
        );
        assert!(clean_name("Jo\u{7}").is_err(), "a control character");
        // Characters, not bytes: 24 accented letters are fine.
        assert!(clean_name(&"é".repeat(24)).is_ok());
    }

    #[test]
    fn slugs_are_lower_case_safe_folder_names() {
        assert_eq!(slug_for("Maya"), "maya");
        assert_eq!(slug_for("Maya Lopez"), "maya-lopez");
        assert_eq!(slug_for("  O'Brien, \"Sam\"!"), "o-brien-sam");
        assert_eq!(slug_for("../../etc"), "etc");
        assert_eq!(slug_for("Zoë"), "zo");
        assert_eq!(
            slug_for("CON"),
            "con-profile",
            "a name Windows keeps for itself"
        );
        let other_script = slug_for("明");
        assert!(other_script.starts_with('p') && other_script.len() == 9);
        assert_eq!(other_script, slug_for("明"), "stable");
        assert_ne!(other_script, slug_for("李"));
        assert_eq!(unique_slug("sam", &["sam", "sam-2"]), "sam-3");
        assert_eq!(unique_slug("sam", &["maya"]), "sam");
        assert_eq!(name_from_slug("player"), "Player");
    }

    #[test]
    fn profiles_are_made_listed_found_and_duplicates_refused() {
        let dir = temp_dir("make");
        assert!(list(&dir).is_empty(), "no folder, no profiles");
        let maya = create(&dir, " Maya ", "2026-12-02").expect("made");
        assert_eq!((maya.slug.as_str(), maya.name.as_str()), ("maya", "Maya"));
        let text = fs::read_to_string(maya.dir.join(PROFILE_FILE)).expect("profile.ron");
        let info: ProfileInfo = ron::from_str(&text).expect("parses");
        assert_eq!(info.created, "2026-12-02");
        let dup = create(&dir, "MAYA", "2026-12-02").unwrap_err();
        assert!(dup.contains("already a profile called Maya"), "{dup}");
        // Different names that make the same folder name get their own folder.
        let a = create(&dir, "Sam!", "d").expect("Sam!");
        let b = create(&dir, "Sam?", "d").expect("Sam?");
        assert_eq!((a.slug.as_str(), b.slug.as_str()), ("sam", "sam-2"));
        assert!(create(&dir, "", "d").is_err());
        let names: Vec<String> = list(&dir).into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Maya", "Sam!", "Sam?"]);
        let all = list(&dir);
        assert_eq!(find(&all, "maya").map(|p| p.slug.as_str()), Some("maya"));
        assert_eq!(find(&all, "sam-2").map(|p| p.name.as_str()), Some("Sam?"));
        assert!(find(&all, "Jo").is_none());
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_damaged_profile_file_is_listed_with_its_problem() {
        let dir = temp_dir("damaged");
        let jo = profile_dir(&dir, "jo");
        fs::create_dir_all(&jo).expect("dir");
        fs::write(jo.join(PROFILE_FILE), "(name: \"Jo").expect("write");
        let bare = profile_dir(&dir, "player");
        fs::create_dir_all(&bare).expect("dir");
        let all = list(&dir);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].name, "Jo");
        assert!(
            all[0]
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("damaged"))
        );
        assert_eq!(
            all[1].name, "Player",
            "a folder without profile.ron is named by its folder"
        );
        assert_eq!(all[1].problem, None);
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_profile_file_with_a_byte_order_mark_reads_and_one_not_text_is_never_written_over() {
        let dir = temp_dir("bom-and-junk");
        let ana = profile_dir(&dir, "ana");
        fs::create_dir_all(&ana).expect("dir");
        fs::write(
            ana.join(PROFILE_FILE),
            "\u{feff}(name: \"Ana María\", created: \"2026-12-02\")",
        )
        .expect("write");
        let jo = profile_dir(&dir, "jo");
        fs::create_dir_all(&jo).expect("dir");
        fs::write(jo.join(PROFILE_FILE), b"\xff\xfe not text").expect("write");
        let all = list(&dir);
        assert_eq!(all[0].name, "Ana María");
        assert_eq!(all[0].problem, None, "the mark is not part of the file");
        assert_eq!(all[1].name, "Jo");
        let problem = all[1].problem.clone().expect("reported");
        assert!(problem.contains("profile.ron"), "{problem}");
        // The name is taken (from the folder), so nothing writes over the unreadable file.
        assert!(create(&dir, "jo", "d").is_err());
        assert_eq!(
            fs::read(jo.join(PROFILE_FILE)).expect("kept"),
            b"\xff\xfe not text"
        );
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn start_up_takes_the_asked_then_the_last_then_player() {
        let dir = temp_dir("start");
        let first = choose_at_start(&dir, None, "d", true);
        assert_eq!(first.profile.name, "Player");
        assert!(
            first.profile.dir.join(PROFILE_FILE).is_file(),
            "made on disk"
        );
        let asked = choose_at_start(&dir, Some("Maya"), "d", true);
        assert_eq!(asked.profile.slug, "maya", "made when new");
        assert_eq!(last_used(&dir).as_deref(), Some("maya"));
        let again = choose_at_start(&dir, None, "d", true);
        assert_eq!(again.profile.name, "Maya", "the last profile used");
        let bad = choose_at_start(&dir, Some(&"x".repeat(30)), "d", true);
        assert_eq!(bad.profile.name, "Player", "a bad name falls back");
        assert_eq!(bad.warnings.len(), 1);
        // A screenshot run writes nothing.
        let dry_dir = temp_dir("start-dry");
        let dry = choose_at_start(&dry_dir, Some("Lee"), "d", false);
        assert_eq!(dry.profile.dir, profile_dir(&dry_dir, "lee"));
        assert!(!dry_dir.exists());
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn an_old_single_save_moves_into_player_and_is_kept() {
        let dir = temp_dir("legacy");
        fs::create_dir_all(&dir).expect("dir");
        let mut old = Progress::default();
        old.record_gate(0, &[], true);
        let text = old.export_text();
        fs::write(dir.join(SAVE_FILE), &text).expect("old save");
        let start = choose_at_start(&dir, None, "d", true);
        assert_eq!(start.profile.name, "Player");
        assert!(
            start.info[0].contains("now the profile \"Player\""),
            "{:?}",
            start.info
        );
        let moved = fs::read_to_string(start.profile.dir.join(SAVE_FILE)).expect("copied");
        assert_eq!(moved, text);
        assert!(!dir.join(SAVE_FILE).exists());
        assert_eq!(
            fs::read_to_string(dir.join(LEGACY_KEPT_AS)).expect("kept"),
            text
        );
        // Nothing more to move on the next start.
        assert!(migrate_legacy(&dir, "d").is_none());

        // An old save turning up again beside a Player that has progress is merged in.
        let mut later = Progress::default();
        later.record_gate(1, &[], true);
        fs::write(dir.join(SAVE_FILE), later.export_text()).expect("another old save");
        assert!(matches!(migrate_legacy(&dir, "d"), Some(Ok(_))));
        let merged = fs::read_to_string(start.profile.dir.join(SAVE_FILE)).expect("merged");
        let merged = Progress::parse_export("p", &merged).expect("parses");
        assert!(merged.gate_passed(0) && merged.gate_passed(1));

        // A damaged old save cannot be merged: it stays where it is, and the player is told.
        fs::write(dir.join(SAVE_FILE), "(version: 1, unl").expect("damaged");
        let warned = migrate_legacy(&dir, "d").expect("found").unwrap_err();
        assert!(warned.contains("still there"), "{warned}");
        assert!(dir.join(SAVE_FILE).exists());
        fs::remove_dir_all(&dir).ok();
    }
}
