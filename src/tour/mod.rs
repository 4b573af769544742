//! The tour, shared by every stop: the screens and their states, the studio lot and its
//! production-pipeline signs, content loading, student profiles, progress and its save, the
//! time spent per stop, the briefings, the quiz gates and the notices. The pure rules (quiz
//! engine, progress, profiles, content, question banks) are in `model`.

use bevy::prelude::*;

pub mod briefing;
pub mod camera;
pub mod content_plugin;
pub mod flow;
pub mod gate;
pub mod gate_ui;
pub mod input;
pub mod lesson;
pub mod level_save;
pub mod lot;
pub mod lot_dressing;
pub mod map_ui;
pub mod model;
pub mod notices;
pub mod notices_ui;
pub mod pipeline_signs;
pub mod profile;
pub mod save;
#[cfg(test)]
mod save_props;
pub mod state;
pub mod stop_clock;
pub mod title;

pub use content_plugin::GameContent;
pub use flow::{LevelCatalog, LevelStatus, TourCommand};
pub use gate::{ActiveGate, GateClosed, GateCommand, TeacherBanks};
pub use lesson::ActiveLesson;
pub use notices::Notices;
pub use profile::{ActiveProfile, ProfileCommand, ProfileLoaded};
pub use save::{SaveData, SaveRequest};
pub use state::{CurrentStop, Screen, StopPhase, in_level, in_stop};

/// The tour's logic: runs headless in the walkthrough.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        state::plugin,
        notices::plugin,
        content_plugin::plugin,
        profile::plugin,
        lesson::plugin,
        save::plugin,
        level_save::plugin,
        flow::plugin,
        gate::plugin,
        stop_clock::plugin,
    ));
}

/// The tour's 3D world: the main camera and the lot.
pub(crate) fn view_plugin(app: &mut App) {
    app.add_plugins((
        camera::plugin,
        lot::plugin,
        lot_dressing::plugin,
        pipeline_signs::plugin,
    ));
}

/// The tour's screens, drawn with egui (and the keys that drive them).
pub(crate) fn screens_plugin(app: &mut App) {
    app.add_plugins((
        input::plugin,
        title::plugin,
        map_ui::plugin,
        briefing::plugin,
        gate_ui::plugin,
        notices_ui::plugin,
    ));
}
