//! Stop 2, Virtual Production: the director's shot list on the LED volume. The stage itself is
//! shared (`crate::stage`); this stop owns the shots, the takes and their scoring.

use bevy::prelude::*;

pub mod level;
pub mod model;
pub mod show_me;
pub mod ui;

/// The level's logic: runs headless in the walkthrough.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(level::plugin);
    crate::classroom::presenter::show_me::register::<level::VpSave>(app);
}

/// What the player sees: the level's screen.
pub(crate) fn screens_plugin(app: &mut App) {
    app.add_plugins(ui::plugin);
}
