//! Class polls: a teacher types in a show of hands and the projector shows the result.

use bevy::prelude::*;

pub mod model;
pub mod ui;

pub(super) fn view_plugin(app: &mut App) {
    app.add_plugins(ui::plugin);
}
