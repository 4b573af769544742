//! The classroom: what a teacher and a camp add to the tour. Presenter mode for the projector,
//! class polls, the camp's team game, the teacher panel and the class results. Each has its
//! pure rules in a `model` beside the plugins that apply them to the tour.

use bevy::prelude::*;

pub mod camp;
pub mod poll;
pub mod presenter;
pub mod results;
pub mod teacher;

/// The classroom's logic: runs headless in the walkthrough.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((presenter::plugin, camp::plugin));
}

/// The classroom on screen.
pub(crate) fn view_plugin(app: &mut App) {
    app.add_plugins((
        presenter::view_plugin,
        camp::view_plugin,
        poll::view_plugin,
        teacher::plugin,
    ));
}
