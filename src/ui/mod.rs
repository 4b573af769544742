//! The user interface shared by every screen: the egui theme and palettes, shared widgets,
//! the settings window and the key-remapping layer. Each screen lives with its feature:
//! a stop's screen in its folder, the tour's screens in `tour/`, the classroom's in
//! `classroom/`.

use bevy::prelude::*;

#[cfg(test)]
mod glyphs;
#[cfg(test)]
pub mod layout_check;
pub mod level_frame;
pub mod model;
pub mod paint;
pub mod remap;
pub mod settings;
pub mod theme;
pub mod widgets;

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((theme::plugin, remap::plugin, settings::plugin));
}
