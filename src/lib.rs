//! Backlot: a 3D game about the careers behind the camera.
//!
//! Read this file as the table of contents. The game is organised like the tour: the tour
//! itself, the LED stage, the seven stops, the classroom, and the UI and audio they share.
//! Inside each folder, `model` holds pure logic (no Bevy), unit tested in milliseconds; the
//! plugins beside it only move data between the ECS and those models.

// Bevy systems take their data as parameters and queries; these lints fight that style.
#![allow(clippy::too_many_arguments, clippy::type_complexity)]

/// The tour: title, lot, briefings, quiz gates, progress and content loading.
pub mod tour;

/// The virtual-production stage (an LED volume) that stops 1, 2 and 5 film on.
pub mod stage;

/// The seven stops, one folder each: intro, previs, virtual_production, post, marketing,
/// innovation, conclusion.
pub mod stops;

/// What a teacher and a camp add: presenter mode, class polls, camp mode, the teacher panel.
pub mod classroom;
/// The people behind the camera who host every stop: their lines, looks and figures.
pub mod crew;

/// Shared by every screen: theme, widgets, settings, key remapping.
pub mod ui;

/// Captions, playback and sound synthesis.
pub mod audio;

/// What differs between the desktop and the web build.
pub mod platform;

/// The command line, start-up configuration, screenshots and test helpers.
pub mod capture;
pub mod cli;
pub mod config;
/// A long headless run of the logic with random player messages (`backlot soak`).
pub mod soak;
pub mod testing;

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
            crew::plugin,
            audio::plugin,
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
                        // In a browser: the page's canvas, sized by the page.
                        canvas: platform::page::CANVAS.map(String::from),
                        fit_canvas_to_parent: platform::page::CANVAS.is_some(),
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
                    // No `.meta` files: never ask for them (a web server would answer 404s).
                    meta_check: bevy::asset::AssetMetaCheck::Never,
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
            ScreensPlugin,
            tour::view_plugin,
            crew::view_plugin,
            stage::plugin,
            stops::view_plugin,
            audio::view_plugin,
            capture::plugin,
            platform::page::plugin,
        ));
    }
}

/// Every screen, window and bar drawn with egui, with no 3D world: the layout test lays these
/// out at projector sizes without a renderer.
pub struct ScreensPlugin;

impl Plugin for ScreensPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((
            ui::plugin,
            tour::screens_plugin,
            crew::screens_plugin,
            stops::screens_plugin,
            classroom::view_plugin,
        ));
    }
}

#[cfg(test)]
mod layout_tests;
