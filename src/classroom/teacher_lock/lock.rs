//! The teacher lock in the game: presenter mode and every teacher control stay shut until the
//! teacher code is entered (or the game was started with `--presenter` / `?presenter`). The
//! code is chosen the first time F5 is pressed and kept in the data folder's `teacher.ron`;
//! an unlock lasts until the game closes and is never saved. The rules are in `model`.

use std::io;
use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::GameConfig;
use crate::classroom::teacher_lock::model::{LOCKED_NOTICE, StoredCode, TEACHER_FILE, backup_path};
use crate::platform::storage;
use crate::tour::Notices;
use crate::tour::flow::TourSystems;

/// Whether the teacher controls are open this session, and the stored code that opens them.
#[derive(Resource, Debug, Default)]
pub struct TeacherLock {
    open: bool,
    stored: Option<StoredCode>,
    /// The code dialog is showing: F5 (or the title screen's button) asked for it while locked.
    pub asking: bool,
    /// What the dialog says under its boxes: a wrong code, a refused choice, a damaged file.
    pub message: Option<String>,
}

impl TeacherLock {
    /// May the teacher controls be used?
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Has a teacher chosen a code on this computer (else the dialog asks for a new one)?
    pub fn has_code(&self) -> bool {
        self.stored.is_some()
    }

    /// A teacher key was pressed while locked: ask for the code.
    pub fn ask(&mut self) {
        if !self.open {
            self.asking = true;
        }
    }
}

/// What the code dialog (or a test) does.
#[derive(Message, Clone, PartialEq, Eq)]
pub enum TeacherLockCommand {
    /// Choose the first code, typed twice.
    Choose { code: String, repeat: String },
    /// Unlock with the code.
    Unlock(String),
    /// Close the dialog, still locked.
    Cancel,
}

/// Codes stay out of logs.
impl std::fmt::Debug for TeacherLockCommand {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Choose { .. } => write!(f, "Choose(…)"),
            Self::Unlock(_) => write!(f, "Unlock(…)"),
            Self::Cancel => write!(f, "Cancel"),
        }
    }
}

/// Sent when the right code opens the lock, so presenter mode comes on.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeacherUnlocked;

/// The lock's systems; whatever checks the lock runs after them in the same frame.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct TeacherLockSystems;

/// Tell the player the teacher controls are locked, once while the notice is showing.
pub fn notify_locked(notices: &mut Notices) {
    if !notices.active.iter().any(|n| n.text == LOCKED_NOTICE) {
        notices.info(LOCKED_NOTICE);
    }
}

fn teacher_path(config: &GameConfig) -> PathBuf {
    config.data_dir.join(TEACHER_FILE)
}

fn load_teacher_code(
    config: Res<GameConfig>,
    mut lock: ResMut<TeacherLock>,
    mut notices: ResMut<Notices>,
) {
    lock.open = config.presenter;
    let (stored, warning) = read_code(&teacher_path(&config));
    lock.stored = stored;
    if let Some(warning) = warning {
        notices.warn(warning.clone());
        lock.message = Some(warning);
    }
}

/// Is something stored at `path` (so a backup must not go there)?
fn taken(path: &Path) -> bool {
    // When that cannot be told, the name is not used.
    storage::exists(path).unwrap_or(true)
}

/// The stored code, if any. A file that cannot be read or is damaged is moved to the first
/// free `.bak` name (so choosing a new code never writes over it) and the warning says so:
/// the teacher chooses a new code rather than being locked out.
fn read_code(path: &Path) -> (Option<StoredCode>, Option<String>) {
    let error = match storage::read_to_string(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (None, None),
        Err(e) => format!("it cannot be read: {e}"),
        Ok(text) => match StoredCode::parse(&text) {
            Ok(stored) => return (Some(stored), None),
            Err(e) => e.to_string(),
        },
    };
    let kept = match backup_path(path, taken) {
        Some(bak) => match storage::rename(path, &bak) {
            Ok(()) => format!("It was kept as {}.", bak.display()),
            Err(e) => format!("It could not be moved aside ({e})."),
        },
        None => "It could not be moved aside (every backup name is taken).".to_string(),
    };
    (
        None,
        Some(format!(
            "The teacher code file {} was damaged ({error}). {kept} Press F5 to choose a new \
             teacher code.",
            path.display()
        )),
    )
}

fn apply_lock_commands(
    mut commands: MessageReader<TeacherLockCommand>,
    config: Res<GameConfig>,
    mut lock: ResMut<TeacherLock>,
    mut unlocked: MessageWriter<TeacherUnlocked>,
    mut notices: ResMut<Notices>,
) {
    for command in commands.read() {
        match command {
            TeacherLockCommand::Cancel => {
                lock.asking = false;
                lock.message = None;
            }
            _ if lock.open => lock.asking = false,
            TeacherLockCommand::Choose { code, repeat } => {
                if lock.stored.is_some() {
                    lock.message = Some("A teacher code is already set: enter it.".into());
                    continue;
                }
                match StoredCode::choose(code, repeat, &mut rand::rng()) {
                    Ok(stored) => {
                        save_code(&teacher_path(&config), &stored, &mut notices);
                        lock.stored = Some(stored);
                        open_lock(&mut lock, &mut unlocked);
                    }
                    Err(e) => lock.message = Some(e.to_string()),
                }
            }
            TeacherLockCommand::Unlock(code) => match &lock.stored {
                None => lock.message = Some("No teacher code is set yet: choose one.".into()),
                Some(stored) if stored.verify(code) => {
                    notices.success("Teacher controls unlocked until the game closes.");
                    open_lock(&mut lock, &mut unlocked);
                }
                Some(_) => {
                    lock.message =
                        Some("That is not the teacher code. Nothing was unlocked.".into());
                }
            },
        }
    }
}

fn save_code(path: &Path, stored: &StoredCode, notices: &mut Notices) {
    match storage::write_atomic(path, stored.to_file_text().as_bytes()) {
        Ok(()) => notices
            .success("Teacher code saved. Teacher controls are unlocked until the game closes."),
        Err(e) => notices.warn(format!(
            "The teacher code could not be saved ({e}). Teacher controls are unlocked until \
             the game closes; the next start asks for a new code."
        )),
    }
}

fn open_lock(lock: &mut TeacherLock, unlocked: &mut MessageWriter<TeacherUnlocked>) {
    lock.open = true;
    lock.asking = false;
    lock.message = None;
    unlocked.write(TeacherUnlocked);
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<TeacherLockCommand>()
        .add_message::<TeacherUnlocked>()
        .init_resource::<TeacherLock>()
        .add_systems(Startup, load_teacher_code)
        .configure_sets(Update, TeacherLockSystems.in_set(TourSystems::Play))
        .add_systems(Update, apply_lock_commands.in_set(TeacherLockSystems));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_teacher_file_is_kept_aside_not_written_over() {
        let dir = crate::testing::temp_data_dir("teacher");
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join(TEACHER_FILE);
        assert_eq!(
            read_code(&path),
            (None, None),
            "no file: no code, no warning"
        );
        // Not UTF-8: a read error, which used to be left in place for the new code to replace.
        std::fs::write(&path, b"\xff\xfe junk").expect("write");
        let (stored, warning) = read_code(&path);
        assert!(stored.is_none());
        let warning = warning.expect("told");
        let bak = dir.join(format!("{TEACHER_FILE}.bak"));
        assert!(warning.contains(&bak.display().to_string()), "{warning}");
        assert!(!path.exists());
        // Damaged RON next: a second backup, the first untouched.
        std::fs::write(&path, "(salt: ").expect("write");
        let (_, warning) = read_code(&path);
        assert!(warning.expect("told").contains(".bak2"));
        assert_eq!(std::fs::read(&bak).expect("kept"), b"\xff\xfe junk");
        std::fs::remove_dir_all(&dir).ok();
    }
}
