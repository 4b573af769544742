//! The seven stops of the tour, one folder each. A stop's folder holds all of it: `level.rs`
//! (the level's logic in the ECS), `model` (pure rules, no Bevy), `ui` (its screen) and, where
//! it has one, its 3D set. A stop never imports another stop.

use bevy::prelude::*;

pub mod conclusion;
pub mod innovation;
pub mod intro;
pub mod marketing;
pub mod post;
pub mod previs;
pub mod virtual_production;

/// Every stop's level logic: what the headless walkthrough plays.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        intro::plugin,
        previs::plugin,
        virtual_production::plugin,
        post::plugin,
        marketing::plugin,
        innovation::plugin,
        conclusion::plugin,
    ));
}

/// Every stop's screen and 3D set.
pub(crate) fn view_plugin(app: &mut App) {
    app.add_plugins((
        intro::view_plugin,
        previs::view_plugin,
        virtual_production::view_plugin,
        post::view_plugin,
        marketing::view_plugin,
        innovation::view_plugin,
        conclusion::view_plugin,
    ));
}
