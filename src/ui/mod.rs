//! The egui user interface: theme, one file per screen, and the keyboard map.

use bevy::prelude::*;

pub mod briefing;
pub mod conclusion_ui;
pub mod finale;
pub mod gate_ui;
pub mod input;
pub mod intro_ui;
pub mod map_ui;
pub mod notices_ui;
pub mod post_ui;
pub mod teacher;
pub mod theme;
pub mod title;
pub mod widgets;

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        theme::plugin,
        input::plugin,
        title::plugin,
        map_ui::plugin,
        briefing::plugin,
        gate_ui::plugin,
        intro_ui::plugin,
        conclusion_ui::plugin,
        finale::plugin,
        teacher::plugin,
        notices_ui::plugin,
        post_ui::plugin,
    ));
}
