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
    /// For benchmarks: when timing started (after the warm-up), and at which frame.
    timing_since: Option<(crate::platform::time::Instant, u32)>,
}

/// Frames left out of a benchmark's average: the first ones build pipelines and upload meshes.
/// On the stage the warm-up also lasts until the outer frustum has settled (it re-renders only
/// while the world may be changing, see `OuterSchedule`), so a benchmark times the stage as a
/// player sees it once the world is up.
const WARM_UP_FRAMES: u32 = 5;

fn count_and_capture(
    mut commands: Commands,
    config: Res<GameConfig>,
    mut progress: ResMut<CaptureProgress>,
    cameras: Query<&Msaa>,
    stage: Option<Res<crate::stage::StageSettings>>,
    world: Query<&crate::stage::virtual_world::WorldBatch>,
    outer: Option<Res<crate::stage::cameras::OuterRefresh>>,
    outer_cameras: Query<(), With<crate::stage::cameras::OuterFrustumCamera>>,
) {
    let Some(request) = &config.capture else {
        return;
    };
    progress.frames += 1;
    if request.bench {
        let settled = outer_cameras.is_empty() || outer.is_none_or(|o| !o.0.settling());
        if progress.timing_since.is_none() && progress.frames >= WARM_UP_FRAMES && settled {
            progress.timing_since = Some((crate::platform::time::Instant::now(), progress.frames));
        }
        if let Some((since, from)) = progress.timing_since
            && progress.frames == from + request.frames
        {
            let ms = since.elapsed().as_secs_f64() * 1000.0 / f64::from(request.frames);
            // Read by `backlot bench stage`, which runs this as a child process (and by a
            // page's test in a browser, which has no process to exit).
            crate::platform::page::report("frame_ms", ms);
            crate::platform::page::report("msaa", f64::from(msaa_in_use(&cameras)));
            if let (Some(_), Some(stage)) = (&config.stage, stage) {
                crate::platform::page::report("led_pixels", stage.geometry.pixel_count() as f64);
            }
            // The virtual world's objects and merged meshes (each at most one draw per pass;
            // the sky dome adds one more).
            let objects: usize = world.iter().map(|b| b.objects).sum();
            crate::platform::page::report("world_objects", objects as f64);
            crate::platform::page::report("world_meshes", world.iter().count() as f64);
            let triangles: usize = world.iter().map(|b| b.triangles).sum();
            crate::platform::page::report("world_triangles", triangles as f64);
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

/// `capture --no-ui`: drop the interface's shapes after egui has laid them out, so the systems
/// that draw it run as usual and the picture shows the 3D scene alone.
fn hide_ui(config: Res<GameConfig>, mut outputs: Query<&mut bevy_egui::EguiRenderOutput>) {
    if !config.capture.as_ref().is_some_and(|c| c.no_ui) {
        return;
    }
    for mut output in &mut outputs {
        output.paint_jobs.clear();
    }
}

/// `capture --msaa N`: every camera (the window's and the stage's) renders with the same
/// multisampling, so a benchmark compares like with like. Falls back to none, once said, where
/// the adapter cannot multisample the stage's HDR targets.
fn force_msaa(
    config: Res<GameConfig>,
    stage_quality: Option<Res<crate::stage::quality::StageQuality>>,
    mut cameras: Query<&mut Msaa>,
    mut said: Local<bool>,
) {
    let Some(samples) = config.capture.as_ref().and_then(|c| c.msaa) else {
        return;
    };
    let allowed = samples == 4 && stage_quality.is_none_or(|q| q.hdr_msaa);
    if samples == 4 && !allowed && !*said {
        *said = true;
        warn!("This adapter cannot multisample HDR targets; rendering without multisampling.");
    }
    let wanted = if allowed { Msaa::Sample4 } else { Msaa::Off };
    for mut msaa in &mut cameras {
        if *msaa != wanted {
            *msaa = wanted;
        }
    }
}

/// The multisampling the cameras render with, for a benchmark's report.
fn msaa_in_use(cameras: &Query<&Msaa>) -> u32 {
    cameras.iter().map(|m| m.samples()).max().unwrap_or(1)
}

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(demo::plugin);
    app.init_resource::<CaptureProgress>()
        .add_systems(Last, (force_msaa, count_and_capture).chain())
        .add_systems(
            PostUpdate,
            hide_ui.after(bevy_egui::EguiPostUpdateSet::ProcessOutput),
        );
}
