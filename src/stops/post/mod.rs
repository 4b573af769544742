//! Stop 3, Post-Production: the editor's timeline and the exact timecode engine behind it.

use bevy::prelude::*;

pub mod level;
pub mod model;
pub mod show_me;
pub mod timecode;
pub mod ui;

/// The level's logic: runs headless in the walkthrough.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(level::plugin);
    crate::classroom::presenter::show_me::register::<level::PostState>(app);
}

/// What the player sees: the level's screen.
pub(crate) fn screens_plugin(app: &mut App) {
    app.add_plugins(ui::plugin);
}
