//! The round-trip benchmark: converts every frame of a span to a label and back, checking
//! each, and reports the time per round trip for information.

use crate::platform::time::Instant;
use std::fmt;
use std::hint::black_box;

use super::{FrameRate, frames_to_timecode, timecode_to_frames};

/// Result of [`bench_round_trip`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenchResult {
    pub rate: FrameRate,
    /// Round trips performed (frame -> timecode -> frame).
    pub conversions: u64,
    /// Round trips that did not return the starting frame (should be 0).
    pub mismatches: u64,
    /// Wall time per round trip; informational only, never asserted.
    pub nanos_per_conversion: f64,
    /// Depends on every result, so the work cannot be optimised away.
    pub checksum: u64,
}

impl fmt::Display for BenchResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} round trips, {:.1} ns each, {} mismatches, checksum {:#018x}",
            self.rate, self.conversions, self.nanos_per_conversion, self.mismatches, self.checksum
        )
    }
}

/// Round-trips `frames` frame numbers (frame -> timecode -> frame) starting
/// at 0 and wrapping at 24 hours; pass `rate.frames_per_day()` to cover
/// every frame of a day once. Each round trip is verified.
pub fn bench_round_trip(rate: FrameRate, frames: u64) -> BenchResult {
    let day = rate.frames_per_day();
    let mut checksum = 0u64;
    let mut mismatches = 0u64;
    let mut frame = 0u64;
    let start = Instant::now();
    for _ in 0..frames {
        let timecode = frames_to_timecode(black_box(frame), rate);
        match timecode_to_frames(&black_box(timecode), rate) {
            Ok(back) if back == frame => {
                checksum = checksum
                    .rotate_left(5)
                    .wrapping_add(back ^ u64::from(timecode.frames));
            }
            _ => mismatches += 1,
        }
        frame += 1;
        if frame == day {
            frame = 0;
        }
    }
    let elapsed = start.elapsed();
    let nanos_per_conversion = if frames == 0 {
        0.0
    } else {
        elapsed.as_secs_f64() * 1e9 / frames as f64
    };
    BenchResult {
        rate,
        conversions: frames,
        mismatches,
        nanos_per_conversion,
        checksum: black_box(checksum),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_round_trip_verifies_without_timing_assertions() {
        let small = bench_round_trip(FrameRate::Df59_94, 10_000);
        assert_eq!(small.conversions, 10_000);
        assert_eq!(small.mismatches, 0);
        let r = FrameRate::Df29_97;
        let day = bench_round_trip(r, r.frames_per_day() + 3);
        assert_eq!(day.mismatches, 0);
        assert_eq!(day.conversions, r.frames_per_day() + 3);
        assert!(day.to_string().starts_with("29.97 DF: 2589411 round trips"));
        assert_eq!(bench_round_trip(r, 0).conversions, 0);
        // The checksum, computed another way: at 25 fps (no dropped labels) frame n's label
        // ends in frame n mod 25, so every round trip must have returned its own frame.
        let expected =
            (0..5000u64).fold(0u64, |sum, n| sum.rotate_left(5).wrapping_add(n ^ (n % 25)));
        assert_eq!(bench_round_trip(FrameRate::Fps25, 5000).checksum, expected);
    }
}
