//! Real sounds for Stop 3 (Post-Production), synthesised deterministically. Plain Rust, no Bevy.
//!
//! The sync tasks need sounds whose timing is known to the sample: a door slam that starts
//! exactly where the level puts it, and speech whose syllables start exactly where the picture
//! opens the actor's lips. Recording real sounds would hide that timing; synthesising them keeps
//! it exact, and a seeded ChaCha RNG makes every buffer identical on every machine.
//!
//! Buffers are mono `f32` PCM at [`SAMPLE_RATE`], in `-1.0..=1.0`. [`encode_wav_pcm16`] turns one
//! into a WAV file in memory that Bevy's audio (feature `wav`) can play; [`decode_wav_pcm16`]
//! reads one back for tests and checks.
//!
//! Levels are designed so onsets are easy to find with [`onset_sample`]:
//! * [`room_tone`] never exceeds [`ROOM_TONE_PEAK`];
//! * a [`door_slam`] is at full strength on its very first sample (at least
//!   [`SLAM_FIRST_SAMPLE_MIN`]), because the door hitting the frame is instantaneous;
//! * a plosive syllable (the lips opening on "b", "p", "m") starts with a pressure pop of
//!   [`PLOSIVE_POP`] on its first sample.
//!
//! So with [`ONSET_THRESHOLD`] the first sample above the threshold is exactly the first sample
//! of the slam or of the first plosive, even with room tone underneath.

use std::f64::consts::TAU;

mod mix;
mod slam;
mod speech;
mod wav;

pub use mix::*;
pub use slam::*;
pub use speech::*;
pub use wav::*;

/// Sample rate of every buffer here: 48 kHz, the film and video standard.
pub const SAMPLE_RATE: u32 = 48_000;

/// Room tone never exceeds this level (about -34 dBFS; its average is near -51 dBFS).
pub const ROOM_TONE_PEAK: f32 = 0.02;

/// The first sample of every door slam has at least this magnitude.
pub const SLAM_FIRST_SAMPLE_MIN: f32 = 0.25;

/// Value of the first sample of a plosive syllable (the lips release the air pressure).
pub const PLOSIVE_POP: f32 = 0.3;

/// A threshold for [`onset_sample`] that lies above room tone and below the first sample of a
/// slam (at gains of 0.5 or more) or a plosive.
pub const ONSET_THRESHOLD: f32 = 0.1;

/// Length of a door slam: 0.4 s.
pub const SLAM_SAMPLES: usize = SAMPLE_RATE as usize * 2 / 5;

const SR: f64 = SAMPLE_RATE as f64;

/// Samples in `seconds` at [`SAMPLE_RATE`], rounded to the nearest sample (negative → 0).
pub fn seconds_to_samples(seconds: f64) -> usize {
    if seconds.is_finite() && seconds > 0.0 {
        (seconds * SR).round() as usize
    } else {
        0
    }
}

/// Coefficient of a one-pole low-pass filter `y += a * (x - y)` with cutoff `hz`. The output of
/// such a filter started at 0 never leaves the range of its input.
fn one_pole(hz: f64) -> f64 {
    1.0 - (-TAU * hz / SR).exp()
}

/// Gain that falls by 60 dB over `t60` seconds, at time `t`.
fn decay_60db(t: f64, t60: f64) -> f64 {
    10f64.powf(-3.0 * t / t60)
}
