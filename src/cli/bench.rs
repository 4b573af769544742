//! `backlot bench`: the stage's frame time against the direct view and as the wall's LED pixel
//! count grows, and timecode conversions.

use std::process::ExitCode;

use super::parse_size;

/// Pixels per panel side for the wall-resolution rows: with the bundled stage's 500 panels
/// they give about 10⁴, 10⁵, 10⁶ and 10⁷ LED pixels.
const PANEL_SIDES: [u32; 4] = [5, 14, 45, 141];

/// What one `capture --bench` run measured.
struct Timing {
    frame_ms: f64,
    /// The multisampling the cameras rendered with.
    msaa: u32,
    /// The wall's LED pixels (0 when the run showed no stage).
    led_pixels: u64,
    /// The graphics adapter, as the run logged it.
    adapter: String,
    /// Objects in the virtual world, and the merged meshes they are drawn as.
    objects: u64,
    meshes: u64,
    /// Triangles in those meshes: what a software renderer's frame time follows.
    triangles: u64,
}

/// The bundled worlds, each timed on its own.
const SCENES: [&str; 4] = ["tokyo", "alien_planet", "arctic", "desert_canyon"];

/// A `name value` line of a run's output.
fn reported(text: &str, name: &str) -> Option<f64> {
    text.lines().find_map(|l| {
        l.strip_prefix(name)
            .and_then(|v| v.strip_prefix(' '))
            .and_then(|v| v.trim().parse().ok())
    })
}

/// Run this binary's `capture --bench` of the stage and read its average frame time.
fn time_capture(
    scene: &str,
    view: &str,
    size: &str,
    frames: u32,
    msaa: u32,
    panel_px: Option<u32>,
) -> Result<Timing, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let data = std::env::temp_dir().join(format!("backlot-bench-{}", std::process::id()));
    let mut command = std::process::Command::new(exe);
    command
        .args(["capture", "--stop", "2", "--scene", scene, "--view", view])
        .args([
            "--camera-pos",
            "0.6,1.6,1.5",
            "--camera-look-at",
            "-0.2,1.8,-5",
        ])
        .args(["--size", size, "--frames", &frames.to_string(), "--bench"])
        .args(["--msaa", &msaa.to_string()])
        .arg("--data-dir")
        .arg(&data);
    if let Some(px) = panel_px {
        command.args(["--panel-px", &px.to_string()]);
    }
    let out = command.output().map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&data);
    let text = String::from_utf8_lossy(&out.stdout);
    let log = String::from_utf8_lossy(&out.stderr);
    let frame_ms = reported(&text, "frame_ms")
        .ok_or_else(|| format!("the {view} run printed no timing:\n{log}"))?;
    let adapter = log
        .lines()
        .find_map(|l| l.split_once("Graphics: ").map(|(_, rest)| rest))
        .map_or("unknown adapter", |rest| {
            rest.split(';').next().unwrap_or(rest)
        })
        .trim()
        .to_string();
    Ok(Timing {
        frame_ms,
        msaa: reported(&text, "msaa").map_or(1, |m| m as u32),
        led_pixels: reported(&text, "led_pixels").map_or(0, |p| p as u64),
        adapter,
        objects: reported(&text, "world_objects").map_or(0, |p| p as u64),
        meshes: reported(&text, "world_meshes").map_or(0, |p| p as u64),
        triangles: reported(&text, "world_triangles").map_or(0, |p| p as u64),
    })
}

pub(super) fn bench_stage(size: &str, frames: u32, msaa: u32) -> ExitCode {
    if let Err(e) = parse_size(size) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    match stage_table(size, frames, msaa) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn stage_table(size: &str, frames: u32, msaa: u32) -> Result<(), String> {
    let direct = time_capture("tokyo", "direct", size, frames, msaa, None)?;
    let stage = time_capture("tokyo", "camera", size, frames, msaa, None)?;
    println!("renderer: {}", direct.adapter);
    println!(
        "  (frame times are the renderer's: on a machine without a GPU, such as Mesa's \
         lavapipe or llvmpipe, that is CPU time)"
    );
    println!(
        "render, {size}, {frames} frames after at least 5 of warm-up (and the outer frustum \
         settled), MSAA {}x (direct) and {}x (stage)",
        direct.msaa, stage.msaa
    );
    println!("  direct scene alone      {:8.2} ms/frame", direct.frame_ms);
    println!(
        "  full stage (camera)     {:8.2} ms/frame   ({} LED pixels)",
        stage.frame_ms, stage.led_pixels
    );
    println!(
        "  ratio stage / direct    {:8.2}",
        stage.frame_ms / direct.frame_ms
    );
    println!(
        "full stage's frame time as the wall's LED pixel count grows ({size}, MSAA {}x)",
        stage.msaa
    );
    println!("  px/panel    LED pixels    ms/frame");
    for side in PANEL_SIDES {
        let row = time_capture("tokyo", "camera", size, frames, msaa, Some(side))?;
        println!(
            "  {side:>8}    {:>10}    {:8.2}",
            row.led_pixels, row.frame_ms
        );
    }
    scene_table(size, frames, msaa)
}

/// Each world's objects, meshes (draws per camera pass at most: one per merged mesh, plus the
/// sky dome), triangles and frame times, direct and through the full stage.
fn scene_table(size: &str, frames: u32, msaa: u32) -> Result<(), String> {
    println!("every world ({size}, MSAA {msaa}x, the stage's opening time and weather)");
    println!(
        "  world            objects   draws/pass   triangles   direct ms   stage ms   stage/direct"
    );
    for scene in SCENES {
        let direct = time_capture(scene, "direct", size, frames, msaa, None)?;
        let stage = time_capture(scene, "camera", size, frames, msaa, None)?;
        println!(
            "  {scene:<15} {:>8}   {:>10}   {:>9}   {:>9.1}   {:>8.1}   {:>12.2}",
            direct.objects,
            direct.meshes + 1,
            direct.triangles,
            direct.frame_ms,
            stage.frame_ms,
            stage.frame_ms / direct.frame_ms
        );
    }
    Ok(())
}

pub(super) fn bench_timecode() -> ExitCode {
    use crate::stops::post::timecode::{FrameRate, bench_round_trip};
    println!("rate        round trips   ns/round trip   ns/conversion   mismatches");
    let mut failed = false;
    for rate in FrameRate::ALL {
        let r = bench_round_trip(rate, rate.frames_per_day());
        failed |= r.mismatches > 0;
        // A round trip is two conversions (frame -> timecode -> frame).
        println!(
            "{:<11} {:>11}   {:>13.1}   {:>13.1}   {}",
            rate.cli_name(),
            r.conversions,
            r.nanos_per_conversion,
            r.nanos_per_conversion / 2.0,
            r.mismatches
        );
    }
    if failed {
        eprintln!("error: some round trips did not return the same frame");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
