//! The crew: the people behind the camera who host every stop. Their content (who they are,
//! how they look, what they say) is `assets/crew.ron`; `model` holds the pure rules, the
//! plugins here load it, play the dialogue and draw the people.

use bevy::prelude::*;

use crate::tour::content_plugin::load_content;

pub mod animate;
pub mod dialogue;
pub mod dialogue_ui;
pub mod figure;
pub mod glossary;
pub mod hosts;
pub mod model;
pub mod portrait;
pub mod walkers;

pub use dialogue::{CrewCue, CrewSystems, Dialogue, TalkCommand};

/// The crew's logic: their content, loaded once, and the dialogue (headless in tests).
pub(crate) fn plugin(app: &mut App) {
    load_content::<model::Crew>(app);
    app.add_plugins(dialogue::plugin);
}

/// The crew in 3D: the figures, where the hosts stand and where the crew walk.
pub(crate) fn view_plugin(app: &mut App) {
    app.add_plugins((
        figure::plugin,
        animate::plugin,
        hosts::plugin,
        walkers::plugin,
    ));
}

/// The crew's screens: the dialogue panel and the glossary.
pub(crate) fn screens_plugin(app: &mut App) {
    app.add_plugins((dialogue_ui::plugin, glossary::plugin));
}
