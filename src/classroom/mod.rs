//! Classroom and camp: the teacher's presenter controls and the camp's team game. The pure
//! rules live in `crate::camp` and `crate::class_poll`; these plugins apply them to the tour.

use bevy::prelude::*;

pub mod camp_play;
pub mod presenter;

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((presenter::plugin, camp_play::plugin));
}
