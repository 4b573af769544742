//! The teacher lock: presenter mode and the teacher's controls need the teacher code (or
//! `--presenter`). The rules and the stored file are in `model`, the lock in `lock`, the code
//! dialog in `ui`.

use bevy::prelude::*;

pub mod lock;
pub mod model;
pub mod ui;

pub use lock::{TeacherLock, TeacherLockCommand, TeacherLockSystems, TeacherUnlocked};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(lock::plugin);
}

pub(super) fn view_plugin(app: &mut App) {
    app.add_plugins(ui::plugin);
}
