//! Backlot: a 3D game about the careers behind the camera.
//!
//! Read this file as the table of contents. Pure modules (no Bevy) hold the logic and are unit
//! tested in milliseconds; the Bevy plugins only move data between the ECS and those modules.

// Bevy systems take their data as parameters and queries; these lints fight that style.
#![allow(clippy::too_many_arguments, clippy::type_complexity)]

// Pure logic, no Bevy.
pub mod audio_synth;
pub mod bank_library;
pub mod camp;
pub mod career_match;
pub mod class_poll;
pub mod cloud;
pub mod concept_prompt;
pub mod content;
pub mod csv;
pub mod keymap;
pub mod led;
pub mod moire;
pub mod music;
pub mod palette;
pub mod post_level;
pub mod previs;
pub mod progress;
pub mod projection;
pub mod question_bank;
pub mod quiz;
pub mod social;
pub mod stage_lighting;
pub mod studio_system;
pub mod timecode;
pub mod tracking;
pub mod virtual_scene;
pub mod vp_level;
pub mod vp_shots;

// Command line and configuration.
pub mod cli;
pub mod config;

// Bevy side.
pub mod capture;
pub mod capture_demo;
pub mod classroom;
pub mod sound;
pub mod stage;
pub mod stops;
pub mod testing;
pub mod tour;
pub mod ui;
pub mod world;

use bevy::prelude::*;

pub use config::GameConfig;

/// Everything that decides what happens in the game, with no renderer, window or UI.
/// The headless walkthrough test runs exactly this on `MinimalPlugins`.
pub struct LogicPlugin {
    pub config: GameConfig,
}

impl Plugin for LogicPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(self.config.clone());
        app.add_plugins((
            tour::plugin,
            sound::captions_plugin,
            stage::state_plugin,
            stops::plugin,
            classroom::plugin,
        ));
    }
}

/// The whole game: Bevy's default plugins, egui, the logic, the 3D world and the UI.
pub struct AppPlugin {
    pub config: GameConfig,
}

impl Plugin for AppPlugin {
    fn build(&self, app: &mut App) {
        let (width, height) = self.config.window_size;
        let mode = if self.config.fullscreen {
            bevy::window::WindowMode::BorderlessFullscreen(bevy::window::MonitorSelection::Primary)
        } else {
            bevy::window::WindowMode::Windowed
        };
        app.add_plugins(
            DefaultPlugins
                .set(WindowPlugin {
                    primary_window: Some(Window {
                        title: "Backlot — careers behind the camera".into(),
                        resolution: (width, height).into(),
                        mode,
                        // Captures and benchmarks run flat out, not at the display's pace.
                        present_mode: if self.config.capture.is_some() {
                            bevy::window::PresentMode::AutoNoVsync
                        } else {
                            bevy::window::PresentMode::AutoVsync
                        },
                        ..default()
                    }),
                    ..default()
                })
                .set(AssetPlugin {
                    file_path: self.config.assets_dir.to_string_lossy().into_owned(),
                    ..default()
                })
                .set(bevy::render::RenderPlugin {
                    // A capture must show the finished frame, not one waiting on shaders.
                    synchronous_pipeline_compilation: self.config.capture.is_some(),
                    ..default()
                }),
        );
        if self.config.capture.is_some() {
            // Under Xvfb the window never has focus; keep updating at full speed anyway.
            app.insert_resource(bevy::winit::WinitSettings::continuous());
        }
        app.add_plugins(bevy_egui::EguiPlugin::default());
        app.add_plugins(LogicPlugin {
            config: self.config.clone(),
        });
        app.add_plugins((
            world::plugin,
            stage::plugin,
            ui::plugin,
            sound::playback_plugin,
            capture::plugin,
            capture_demo::plugin,
        ));
    }
}
