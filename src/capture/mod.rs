//! `backlot capture`: let a stop render for a few frames, save a screenshot, exit.
//! Used for the README's pictures, worksheets and the render smoke test.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

pub mod demo;

use crate::GameConfig;

#[derive(Resource, Default)]
struct CaptureProgress {
    frames: u32,
    requested: bool,
    /// For benchmarks: when timing started (after the warm-up frames).
    timing_since: Option<crate::platform::time::Instant>,
}

/// Frames left out of a benchmark's average: the first ones build pipelines and upload meshes.
const WARM_UP_FRAMES: u32 = 5;

fn count_and_capture(
    mut commands: Commands,
    config: Res<GameConfig>,
    mut progress: ResMut<CaptureProgress>,
) {
    let Some(request) = &config.capture else {
        return;
    };
    progress.frames += 1;
    if request.bench {
        if progress.frames == WARM_UP_FRAMES {
            progress.timing_since = Some(crate::platform::time::Instant::now());
        }
        if progress.frames == WARM_UP_FRAMES + request.frames
            && let Some(since) = progress.timing_since
        {
            let ms = since.elapsed().as_secs_f64() * 1000.0 / f64::from(request.frames);
            // Read by `backlot bench stage`, which runs this as a child process (and by a
            // page's test in a browser, which has no process to exit).
            crate::platform::page::report("frame_ms", ms);
            if crate::platform::page::CAPTURE_SIGNALS_PAGE {
                crate::platform::page::signal_ready();
            } else {
                commands.write_message(AppExit::Success);
            }
        }
        return;
    }
    if progress.requested || progress.frames < request.frames {
        return;
    }
    progress.requested = true;
    if crate::platform::page::CAPTURE_SIGNALS_PAGE {
        // The page's test takes the screenshot; the game keeps running.
        crate::platform::page::signal_ready();
        return;
    }
    if let Some(parent) = request.out.parent()
        && !parent.as_os_str().is_empty()
    {
        let _ = std::fs::create_dir_all(parent);
    }
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(request.out.clone()))
        .observe(
            |_: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
                exit.write(AppExit::Success);
            },
        );
}

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(demo::plugin);
    app.init_resource::<CaptureProgress>()
        .add_systems(Last, count_and_capture);
}
