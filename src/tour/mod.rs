//! The tour: screens, content, progress, the flow between stops and the quiz gates.
//! Everything here is logic; drawing lives in `ui/` and `world/`.

use bevy::prelude::*;

pub mod content_plugin;
pub mod flow;
pub mod gate;
pub mod notices;
pub mod save;
pub mod state;

pub use content_plugin::GameContent;
pub use flow::{LevelCatalog, LevelStatus, TourCommand};
pub use gate::{ActiveGate, GateClosed, GateCommand, TeacherBanks};
pub use notices::Notices;
pub use save::{SaveData, SaveRequest};
pub use state::{CurrentStop, Screen, StopPhase};

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        state::plugin,
        notices::plugin,
        content_plugin::plugin,
        save::plugin,
        flow::plugin,
        gate::plugin,
    ));
}
