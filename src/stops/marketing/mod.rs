//! Stop 4, Social Media Marketing: run a short campaign for the studio's next show and read its
//! analytics.

use bevy::prelude::*;

pub mod level;
pub mod model;
pub mod show_me;
pub mod ui;

/// The level's logic: runs headless in the walkthrough.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(level::plugin);
    crate::classroom::presenter::show_me::register::<level::MarketingState>(app);
}

/// What the player sees: the level's screen.
pub(crate) fn screens_plugin(app: &mut App) {
    app.add_plugins(ui::plugin);
}
