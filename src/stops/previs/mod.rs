//! Stop 1, Previsualization: compose each storyboard panel as a shot on a grey-box set, light
//! it, and play the animatic.

use bevy::prelude::*;

pub mod level;
pub mod model;
pub mod set;
pub mod show_me;
pub mod ui;

/// The level's logic: runs headless in the walkthrough.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(level::plugin);
    crate::classroom::presenter::show_me::register::<level::PrevisState>(app);
}

/// What the player sees: the level's screen.
pub(crate) fn screens_plugin(app: &mut App) {
    app.add_plugins(ui::plugin);
}

/// The level's 3D set.
pub(crate) fn view_plugin(app: &mut App) {
    app.add_plugins(set::plugin);
}
