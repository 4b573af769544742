//! One module per stop with a playable level. Stops 1–5 get their levels in their own files.

use bevy::prelude::*;

pub mod conclusion;
pub mod innovation;
pub mod intro;
pub mod marketing;
pub mod post;
pub mod previsualization;
pub mod virtual_production;

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        intro::plugin,
        virtual_production::plugin,
        post::plugin,
        marketing::plugin,
        innovation::plugin,
        previsualization::plugin,
        conclusion::plugin,
    ));
}
