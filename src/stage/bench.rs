//! The benchmark of the stage systems' CPU work. The LED grid lives in the wall shader, so the
//! per-frame CPU work (tracking, camera matrices, the wall's uniforms, moiré and framing
//! readouts) should not grow with the number of LED pixels. This times exactly that work, as
//! the stage systems run it, for walls from about ten thousand to over a million pixels.

use crate::platform::time::Instant;
use std::hint::black_box;

use bevy::prelude::*;

use crate::stage::StageSettings;
use crate::stage::cameras::{NEAR_M, OUTER_SEGMENTS, StageTargets, outer_segment_view};
use crate::stage::model::projection::CameraPose;
use crate::stage::model::tracking::{TrackingSettings, TrackingSystem};
use crate::stage::wall::wall_params;

/// Pixels per panel side for the benchmark rows (the default stage has 500 panels).
const PANEL_SIDES: [u32; 4] = [5, 14, 45, 176];
const ITERATIONS: u32 = 20_000;
const RUNS: usize = 7;

/// One frame of the stage systems' CPU work.
fn stage_frame(
    settings: &StageSettings,
    tracker: &mut TrackingSystem,
    targets: &mut StageTargets,
    t: f32,
) {
    let pose = CameraPose::looking_at(
        Vec3::new(t.sin(), 1.6, 1.5),
        Vec3::new(0.0, 1.5, -6.0),
        Vec3::Y,
    )
    .unwrap_or(CameraPose {
        position: Vec3::ZERO,
        rotation: Quat::IDENTITY,
    });
    let tracked = tracker.sample(pose).pose;
    let frustum = settings.lens.frustum(NEAR_M, settings.overscan);
    targets.inner_clip_from_world =
        crate::stage::model::projection::frustum_to_bevy_projection(&frustum)
            * tracked.view_from_world();
    black_box(wall_params(settings, targets, &pose));
    black_box(crate::stage::model::framing::subject_height_fraction(
        &pose,
        &settings.lens,
    ));
}

/// (LED pixels, microseconds per frame) for each benchmark row.
pub fn cpu_per_frame_by_pixel_count() -> Vec<(u64, f64)> {
    let mut rows = Vec::new();
    for side in PANEL_SIDES {
        let mut settings = StageSettings::default();
        settings.geometry.panel_pixels_x = side;
        settings.geometry.panel_pixels_y = side;
        let mut tracker = TrackingSystem::new(TrackingSettings::default(), 1);
        let mut targets = StageTargets {
            inner: Handle::default(),
            outer: Handle::default(),
            inner_clip_from_world: Mat4::IDENTITY,
            outer_clip_from_world: (0..OUTER_SEGMENTS)
                .map(|s| {
                    outer_segment_view(&settings, s).map_or(Mat4::ZERO, |(p, f)| {
                        crate::stage::model::projection::frustum_to_bevy_projection(&f)
                            * p.view_from_world()
                    })
                })
                .collect(),
        };
        // The median of several runs, so one hiccup of the machine does not decide a row.
        let mut runs: Vec<f64> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                for i in 0..ITERATIONS {
                    stage_frame(&settings, &mut tracker, &mut targets, i as f32 * 0.01);
                }
                start.elapsed().as_secs_f64() * 1e6 / f64::from(ITERATIONS)
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        rows.push((settings.geometry.pixel_count(), runs[runs.len() / 2]));
    }
    rows
}
