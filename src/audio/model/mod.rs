//! Sound as plain Rust, no Bevy: synthesised effects, speech-like cues and the music loops,
//! encoded as WAV.

pub mod music;
pub mod synth;
