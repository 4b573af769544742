//! Stop 6, Conclusion: the careers gallery, the Rapid Fire Review and the finale.

use bevy::prelude::*;

pub mod finale;
pub mod level;
pub mod model;
pub mod show_me;
pub mod ui;

/// The level's logic: runs headless in the walkthrough.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(level::plugin);
    crate::classroom::presenter::show_me::register::<level::ConclusionState>(app);
}

/// What the player sees: the level's screen and the finale.
pub(crate) fn screens_plugin(app: &mut App) {
    app.add_plugins((ui::plugin, finale::plugin));
}
