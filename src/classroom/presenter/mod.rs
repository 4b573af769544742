//! Presenter mode: what a teacher at a projector can do that a student cannot.

use bevy::prelude::*;

pub mod commands;
pub mod ui;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(commands::plugin);
}

pub(super) fn view_plugin(app: &mut App) {
    app.add_plugins(ui::plugin);
}
