//! `backlot bench`: the stage's frame time against the direct view, and timecode conversions.

use std::process::ExitCode;

use super::parse_size;

/// Run this binary's `capture --bench` for one view and read its average frame time.
fn time_view(view: &str, size: &str, frames: u32) -> Result<f64, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let data = std::env::temp_dir().join(format!("backlot-bench-{}", std::process::id()));
    let out = std::process::Command::new(exe)
        .args(["capture", "--stop", "2", "--scene", "tokyo", "--view", view])
        .args([
            "--camera-pos",
            "0.6,1.6,1.5",
            "--camera-look-at",
            "-0.2,1.8,-5",
        ])
        .args(["--size", size, "--frames", &frames.to_string(), "--bench"])
        .arg("--data-dir")
        .arg(&data)
        .output()
        .map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&data);
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| {
            l.strip_prefix("frame_ms ")
                .and_then(|v| v.trim().parse().ok())
        })
        .ok_or_else(|| {
            format!(
                "the {view} run printed no timing:\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        })
}

pub(super) fn bench_stage(size: &str, frames: u32) -> ExitCode {
    if let Err(e) = parse_size(size) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let direct = time_view("direct", size, frames);
    let stage = time_view("camera", size, frames);
    match (direct, stage) {
        (Ok(d), Ok(s)) => {
            println!("render, {size}, {frames} frames after {} warm-up", 5);
            println!("  direct scene alone      {d:8.2} ms/frame");
            println!("  full stage (camera)     {s:8.2} ms/frame");
            println!("  ratio stage / direct    {:8.2}", s / d);
        }
        (d, s) => {
            for e in [d.err(), s.err()].into_iter().flatten() {
                eprintln!("error: {e}");
            }
            return ExitCode::FAILURE;
        }
    }
    println!("stage systems' CPU time per frame as the wall's LED pixel count grows");
    println!("  LED pixels    µs/frame");
    for row in crate::stage::bench::cpu_per_frame_by_pixel_count() {
        println!("  {:>10}    {:8.2}", row.0, row.1);
    }
    ExitCode::SUCCESS
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
