//! Helpers for headless tests: the game's logic on `MinimalPlugins`, with no window or renderer.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use crate::{GameConfig, LogicPlugin};

/// An app with the real logic plugins and no renderer, saving into `data_dir`.
pub fn minimal_app(data_dir: PathBuf) -> App {
    minimal_app_with(GameConfig::for_tests(data_dir))
}

pub fn minimal_app_with(config: GameConfig) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.add_plugins(LogicPlugin { config });
    // Run start-up and settle the initial state transitions.
    app.update();
    app
}

/// A fresh, empty directory under the system temp dir for one test.
pub fn temp_data_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backlot-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}
