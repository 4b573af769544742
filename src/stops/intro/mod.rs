//! Stop 0, Intro: "the studio is a system". A production assembled from hardware, software
//! and people; the player connects the parts, traces a failure from what stopped back to the
//! part at its root, and predicts what stops when a part is pulled.

use bevy::prelude::*;

pub mod graph_view;
pub mod level;
pub mod model;
pub mod set;
pub mod show_me;
pub mod ui;

/// The level's logic: runs headless in the walkthrough.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(level::plugin);
    crate::classroom::presenter::show_me::register::<level::IntroState>(app);
}

/// What the player sees: the level's screen.
pub(crate) fn screens_plugin(app: &mut App) {
    app.add_plugins(ui::plugin);
}

/// The level's 3D set.
pub(crate) fn view_plugin(app: &mut App) {
    app.add_plugins(set::plugin);
}
