//! Stop 5, Innovation: the Studio in the Cloud, a concept trailer generated from a prompt, a
//! small model that learns the student's taste in shots, and decisions on AI in the studio.

use bevy::prelude::*;

pub mod cloud;
pub mod concept;
pub mod concept_review;
pub mod level;
pub mod show_me;
pub mod studio_ai;
pub mod taste;
pub mod trailer_set;
pub mod ui;

/// The level's logic: runs headless in the walkthrough.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(level::plugin);
    crate::classroom::presenter::show_me::register::<level::InnovationState>(app);
}

/// What the player sees: the level's screen.
pub(crate) fn screens_plugin(app: &mut App) {
    app.add_plugins(ui::plugin);
}

/// The level's 3D set.
pub(crate) fn view_plugin(app: &mut App) {
    app.add_plugins(trailer_set::plugin);
}
