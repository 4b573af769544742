//! Render smoke test: run the real `backlot capture` on the real renderer (software Vulkan under
//! Xvfb in CI) and check the PNG by numbers. It needs a display; CI provides one with xvfb-run.

use std::path::Path;
use std::process::Command;

struct Picture {
    width: u32,
    height: u32,
    rgb: Vec<[u8; 3]>,
}

fn read_png(path: &Path) -> Picture {
    let file = std::fs::File::open(path).expect("capture wrote a PNG");
    let decoder = png::Decoder::new(std::io::BufReader::new(file));
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    let channels = info.color_type.samples();
    let rgb = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|px| [px[0], px[1], px[2]])
        .collect();
    Picture {
        width: info.width,
        height: info.height,
        rgb,
    }
}

fn capture(args: &[&str], out: &Path) -> Picture {
    assert!(
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
        "the render test needs a display: run it under `xvfb-run -a cargo test`"
    );
    let _ = std::fs::remove_file(out);
    let data = out.with_extension("data");
    let output = Command::new(env!("CARGO_BIN_EXE_backlot"))
        .arg("capture")
        .args(args)
        .arg("--out")
        .arg(out)
        .arg("--data-dir")
        .arg(&data)
        .output()
        .expect("run backlot capture");
    assert!(
        output.status.success(),
        "capture exited with {}:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&data);
    read_png(out)
}

/// Count distinct colours, quantised to 5 bits a channel, and the spread of brightness.
fn variety(p: &Picture) -> (usize, f64) {
    let mut seen = std::collections::HashSet::new();
    let mut sum = 0.0;
    let mut sum_sq = 0.0;
    for px in &p.rgb {
        seen.insert([px[0] >> 3, px[1] >> 3, px[2] >> 3]);
        let y = 0.2126 * f64::from(px[0]) + 0.7152 * f64::from(px[1]) + 0.0722 * f64::from(px[2]);
        sum += y;
        sum_sq += y * y;
    }
    let n = p.rgb.len() as f64;
    let mean = sum / n;
    (seen.len(), (sum_sq / n - mean * mean).max(0.0).sqrt())
}

#[test]
fn capture_renders_the_intro_level_and_the_lot() {
    let dir = std::env::temp_dir().join(format!("backlot-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");

    let level = capture(
        &[
            "--stop", "0", "--screen", "level", "--size", "320x180", "--frames", "4",
        ],
        &dir.join("intro-level.png"),
    );
    assert_eq!((level.width, level.height), (320, 180));
    let (colours, spread) = variety(&level);
    assert!(colours > 40, "a real frame has many colours, got {colours}");
    assert!(
        spread > 10.0,
        "brightness varies across the frame, got {spread:.1}"
    );

    let map = capture(
        &[
            "--stop", "0", "--screen", "map", "--size", "320x180", "--frames", "4",
        ],
        &dir.join("map.png"),
    );
    let (colours, _) = variety(&map);
    assert!(colours > 40, "the lot renders, got {colours} colours");
    // Two different screens must give different pictures.
    let differing = level
        .rgb
        .iter()
        .zip(&map.rgb)
        .filter(|(a, b)| a != b)
        .count();
    assert!(differing > level.rgb.len() / 4, "level and map differ");
    let _ = std::fs::remove_dir_all(&dir);
}

fn stage(view: &str, pos: &str, look_at: &str, out: &Path) -> Picture {
    capture(
        &[
            "--stop",
            "2",
            "--scene",
            "tokyo",
            "--view",
            view,
            "--camera-pos",
            pos,
            "--camera-look-at",
            look_at,
            "--focal-mm",
            "35",
            "--size",
            "320x180",
            // Enough frames that the inner frustum, the outer atlas (refreshed every 4th frame)
            // and the wall have all been drawn once, even on a busy machine.
            "--frames",
            "8",
        ],
        out,
    )
}

/// Mean absolute difference per channel, 0–255.
fn mean_abs_diff(a: &Picture, b: &Picture) -> f64 {
    let total: u64 = a
        .rgb
        .iter()
        .zip(&b.rgb)
        .map(|(p, q)| (0..3).map(|i| u64::from(p[i].abs_diff(q[i]))).sum::<u64>())
        .sum();
    total as f64 / (a.rgb.len() * 3) as f64
}

/// The heart of the stage: through the tracked camera, the LED wall shows exactly what the
/// virtual world looks like from there; from anywhere else (the witness) it shifts.
/// Both poses frame only the wall (no actor, no wall edge), and overscan puts the whole frame
/// inside the inner frustum.
#[test]
fn wall_matches_the_direct_view_through_the_camera_and_shows_parallax() {
    let dir = std::env::temp_dir().join(format!("backlot-stage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let poses = [("1,1.6,1", "3,2.2,-5"), ("-1,1.6,1", "-3,2.2,-5")];
    let mut witnesses = Vec::new();
    for (i, (pos, look)) in poses.iter().enumerate() {
        let camera = stage("camera", pos, look, &dir.join(format!("camera{i}.png")));
        let direct = stage("direct", pos, look, &dir.join(format!("direct{i}.png")));
        let diff = mean_abs_diff(&camera, &direct);
        eprintln!("pose {i}: camera vs direct mean |diff| = {diff:.2}/255");
        // Tolerance: 4/255 on average, for LED quantisation and 16-bit texture sampling.
        assert!(
            diff <= 4.0,
            "pose {i}: the wall differs from the virtual world by {diff:.2}/255"
        );
        let (colours, _) = variety(&direct);
        assert!(
            colours > 40,
            "the direct view shows a scene, got {colours} colours"
        );
        witnesses.push(stage(
            "witness",
            pos,
            look,
            &dir.join(format!("witness{i}.png")),
        ));
    }
    // Only the inner-frustum patch and the rig change between the two witness pictures, so
    // count the pixels that clearly changed rather than averaging over the whole frame.
    let changed = witnesses[0]
        .rgb
        .iter()
        .zip(&witnesses[1].rgb)
        .filter(|(p, q)| (0..3).map(|i| u32::from(p[i].abs_diff(q[i]))).sum::<u32>() > 30)
        .count();
    let fraction = changed as f64 / witnesses[0].rgb.len() as f64;
    eprintln!(
        "witness pose 0 vs 1: {:.1} % of pixels changed",
        fraction * 100.0
    );
    assert!(
        fraction > 0.02,
        "the wall picture must move with the camera (parallax): {:.2} % changed",
        fraction * 100.0
    );
    let _ = std::fs::remove_dir_all(&dir);
}
