//! The game's states: which screen is up and, inside a stop, which phase.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    /// The studio lot: walk or fly to a stop, or pick it from the list.
    Map,
    /// Inside a stop: briefing, level, gate.
    Stop,
    /// After the final gate: polls and the summary of the run.
    Finale,
}

/// A stop opens with its guiding question and vocabulary, then the level, then the gate.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Stop)]
pub enum StopPhase {
    #[default]
    Briefing,
    Level,
    Gate,
}

/// The stop being visited (or last visited).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CurrentStop(pub usize);

/// Run condition: the stop being visited is `stop`. One helper for every stop's systems.
pub fn in_stop(stop: usize) -> impl FnMut(Res<CurrentStop>) -> bool + Clone {
    move |current: Res<CurrentStop>| current.0 == stop
}

/// Run condition: `stop`'s level is being played (not its briefing or gate).
pub fn in_level(stop: usize) -> impl SystemCondition<()> {
    in_state(StopPhase::Level).and_then(in_stop(stop))
}

pub(super) fn plugin(app: &mut App) {
    if !app.is_plugin_added::<StatesPlugin>() {
        app.add_plugins(StatesPlugin);
    }
    app.init_state::<Screen>()
        .add_sub_state::<StopPhase>()
        .init_resource::<CurrentStop>();
}
