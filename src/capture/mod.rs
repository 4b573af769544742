//! `backlot capture`: let a stop render for a few frames, save a screenshot, exit.
//! Used for the README's pictures, worksheets and the render smoke test.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

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
    let out = request.out.clone();
    commands.spawn(Screenshot::primary_window()).observe(
        move |captured: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
            // The folder was checked before the window opened; a write can still fail (a full
            // disk, a name the image library cannot encode), and then the exit code says so.
            match save_png(&captured.image, &out) {
                Ok(()) => {
                    exit.write(AppExit::Success);
                }
                Err(e) => {
                    error!("{}: cannot save the capture: {e}", out.display());
                    eprintln!("error: {}: cannot save the capture: {e}", out.display());
                    exit.write(AppExit::error());
                }
            }
        },
    );
}

/// Write a captured frame as an image file, its format from the file's extension. The alpha
/// channel is dropped: with HDR on it holds brightness, not transparency.
fn save_png(image: &Image, path: &std::path::Path) -> Result<(), String> {
    let picture = image
        .clone()
        .try_into_dynamic()
        .map_err(|e| e.to_string())?;
    picture.to_rgb8().save(path).map_err(|e| e.to_string())
}

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(demo::plugin);
    app.init_resource::<CaptureProgress>()
        .add_systems(Last, count_and_capture);
}
