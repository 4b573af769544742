//! Camp mode: the tour as a hot-seat team game on one screen. The rules are in `model`,
//! the turns in the tour in `play`, the screens in `ui`.

use bevy::prelude::*;

pub mod model;
pub mod play;
pub mod ui;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(play::plugin);
}

pub(super) fn view_plugin(app: &mut App) {
    app.add_plugins(ui::plugin);
}
