//! Sound, shared by every stop: captions for what is heard, playback through Bevy's audio,
//! and (in `model`) the synthesis of effects and music.

use bevy::prelude::*;

pub mod captions;
pub mod model;
pub mod playback;

/// Captions and cue bookkeeping: part of the logic, so tests can see what would be heard.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(captions::plugin);
}

/// Real playback (needs `AudioPlugin`, part of `DefaultPlugins`).
pub(crate) fn view_plugin(app: &mut App) {
    app.add_plugins(playback::plugin);
}
