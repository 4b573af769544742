//! Presenter mode: what a teacher at a projector can do that a student cannot.

use bevy::prelude::*;

pub mod commands;
pub mod model;
pub mod show_me;
pub mod show_me_ui;
pub mod ui;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((commands::plugin, show_me::plugin));
}

pub(super) fn view_plugin(app: &mut App) {
    app.add_plugins((ui::plugin, show_me_ui::plugin));
}
