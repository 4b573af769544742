//! The classroom: what a teacher and a camp add to the tour. Presenter mode for the projector
//! (behind the teacher lock), class polls, the camp's team game, the teacher panel and the
//! class results. Each has its pure rules in a `model` beside the plugins that apply them.

use bevy::prelude::*;

pub mod camp;
pub mod poll;
pub mod presenter;
pub mod results;
pub mod teacher;
pub mod teacher_lock;

/// The classroom's logic: runs headless in the walkthrough.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((teacher_lock::plugin, presenter::plugin, camp::plugin));
}

/// The classroom on screen.
pub(crate) fn view_plugin(app: &mut App) {
    app.add_plugins((
        presenter::view_plugin,
        camp::view_plugin,
        poll::view_plugin,
        teacher::plugin,
        teacher_lock::view_plugin,
    ));
}
