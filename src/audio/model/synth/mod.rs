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
use std::fmt;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

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

// ---------------------------------------------------------------------------
// Door slam and room tone
// ---------------------------------------------------------------------------

/// A door slam, [`SLAM_SAMPLES`] long: a band-passed noise burst (the crack of wood on wood,
/// 60 dB down after 0.25 s) over a low thump near 70 Hz (the air in the room, 60 dB down after
/// 0.35 s). The attack is instantaneous: the first sample is the loudest part of the thump,
/// so the slam's onset is exactly its first sample (magnitude ≥ [`SLAM_FIRST_SAMPLE_MIN`]).
///
/// The same seed always gives the same samples; different seeds give slightly different doors
/// (thump between 66 and 74 Hz, different noise).
pub fn door_slam(seed: u64) -> Vec<f32> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let thump_hz: f64 = rng.random_range(66.0..74.0);

    // Band-passed noise: a fast low-pass minus a slow one, normalised to a peak of exactly 1.
    let (a_fast, a_slow) = (one_pole(5_000.0), one_pole(400.0));
    let (mut fast, mut slow) = (0.0f64, 0.0f64);
    let mut crack: Vec<f64> = (0..SLAM_SAMPLES)
        .map(|_| {
            let white: f64 = rng.random_range(-1.0..=1.0);
            fast += a_fast * (white - fast);
            slow += a_slow * (fast - slow);
            fast - slow
        })
        .collect();
    let peak = crack.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if peak > 0.0 {
        crack.iter_mut().for_each(|x| *x /= peak);
    }

    let mut phase = 0.0f64;
    crack
        .iter()
        .enumerate()
        .map(|(n, crack)| {
            let t = n as f64 / SR;
            // The thump starts a little sharp and settles: the impact, then the room.
            let hz = thump_hz * (1.0 + 0.15 * (-t / 0.02).exp());
            let thump = phase.cos() * decay_60db(t, 0.35);
            phase = (phase + TAU * hz / SR) % TAU;
            // |0.6 thump| + |0.35 crack| ≤ 0.95; at n = 0 the thump is 0.6 and the crack at most
            // 0.35, so the first sample is at least 0.25.
            (0.6 * thump + 0.35 * crack * decay_60db(t, 0.25)) as f32
        })
        .collect()
}

/// `len` samples of quiet room tone: low-passed noise (the hum of a room) with a little hiss,
/// never above [`ROOM_TONE_PEAK`]. Editors lay it under every cut so silence sounds like the set.
pub fn room_tone(len: usize, seed: u64) -> Vec<f32> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let a = one_pole(400.0);
    let mut low = 0.0f64;
    (0..len)
        .map(|_| {
            let white: f64 = rng.random_range(-1.0..=1.0);
            low += a * (white - low);
            // |0.8 low + 0.2 white| ≤ 1.
            (f64::from(ROOM_TONE_PEAK) * (0.8 * low + 0.2 * white)) as f32
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Speech
// ---------------------------------------------------------------------------

/// The vowel of a syllable, which sets its formants (the resonances of the mouth).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vowel {
    /// "father"
    A,
    /// "bed"
    E,
    /// "see"
    I,
    /// "law"
    O,
    /// "boot"
    U,
}

impl Vowel {
    pub const ALL: [Vowel; 5] = [Vowel::A, Vowel::E, Vowel::I, Vowel::O, Vowel::U];

    /// First three formants as (centre Hz, bandwidth Hz, weight), typical adult values.
    fn formants(self) -> [(f64, f64, f64); 3] {
        match self {
            Vowel::A => [
                (730.0, 90.0, 1.0),
                (1090.0, 110.0, 0.6),
                (2440.0, 170.0, 0.25),
            ],
            Vowel::E => [
                (530.0, 80.0, 1.0),
                (1840.0, 120.0, 0.55),
                (2480.0, 170.0, 0.25),
            ],
            Vowel::I => [
                (270.0, 60.0, 1.0),
                (2290.0, 130.0, 0.5),
                (3010.0, 190.0, 0.25),
            ],
            Vowel::O => [
                (570.0, 80.0, 1.0),
                (840.0, 100.0, 0.6),
                (2410.0, 170.0, 0.2),
            ],
            Vowel::U => [
                (300.0, 70.0, 1.0),
                (870.0, 100.0, 0.5),
                (2240.0, 170.0, 0.2),
            ],
        }
    }
}

/// One syllable to synthesise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SyllableSpec {
    /// First sample of the syllable in the output buffer.
    pub start_sample: usize,
    /// Length in samples, attack and release included.
    pub length_samples: usize,
    /// Voice pitch at the start of the syllable, in Hz (speech: about 120–180 Hz).
    pub pitch_hz: f32,
    pub vowel: Vowel,
    /// Starts with the lips releasing air ("b", "p", "m"): a pop of exactly [`PLOSIVE_POP`] on
    /// the first sample, then a short burst of noise.
    pub plosive: bool,
}

impl SyllableSpec {
    /// One past the last sample.
    pub fn end_sample(&self) -> usize {
        self.start_sample.saturating_add(self.length_samples)
    }
}

/// Where a syllable of a talking clip starts, for deriving mouth movements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SyllableOnset {
    /// First sample of the syllable (the lips open here).
    pub start_sample: usize,
    pub length_samples: usize,
    /// Which word (0-based) the syllable belongs to.
    pub word: usize,
    /// Whether it opens with a plosive pop (every word's first syllable does).
    pub plosive: bool,
}

/// Renders syllables into one buffer, as long as the last syllable's end. Each syllable is a
/// voiced buzz (harmonics of a pitch that falls slightly, with a little vibrato) shaped by the
/// vowel's formants, under an envelope with a 10 ms attack and a 40 ms release; plosives add a
/// pop and a 12 ms noise burst. Overlapping syllables add together. Deterministic: noise for
/// syllable `i` is seeded from `i`.
pub fn speech_syllables(syllables: &[SyllableSpec]) -> Vec<f32> {
    let len = syllables
        .iter()
        .map(SyllableSpec::end_sample)
        .max()
        .unwrap_or(0);
    let mut out = vec![0.0f32; len];
    for (index, syllable) in syllables.iter().enumerate() {
        let voice = render_syllable(syllable, index as u64);
        let start = i64::try_from(syllable.start_sample).unwrap_or(i64::MAX);
        mix_at(&mut out, &voice, start, 1.0);
    }
    out
}

fn render_syllable(spec: &SyllableSpec, noise_seed: u64) -> Vec<f32> {
    let len = spec.length_samples;
    if len == 0 {
        return Vec::new();
    }
    let pitch = f64::from(spec.pitch_hz).clamp(50.0, 400.0);
    // Harmonic amplitudes from a -6 dB/octave source tilt times the formant resonances, summing
    // to 1 so the buzz never exceeds 1.
    let harmonics = ((4_500.0 / pitch) as usize).max(1);
    let mut weights: Vec<f64> = (1..=harmonics)
        .map(|k| {
            let f = k as f64 * pitch;
            let resonance: f64 = spec
                .vowel
                .formants()
                .iter()
                .map(|&(centre, bandwidth, weight)| {
                    let x = (f - centre) / (bandwidth / 2.0);
                    weight / (1.0 + x * x).sqrt()
                })
                .sum();
            resonance / k as f64
        })
        .collect();
    let total: f64 = weights.iter().sum();
    if total > 0.0 {
        weights.iter_mut().for_each(|w| *w /= total);
    }

    let attack = seconds_to_samples(0.010).min(len / 2).max(1);
    let release = seconds_to_samples(0.040).min(len / 2).max(1);
    let burst = seconds_to_samples(0.012);
    let duration = len as f64 / SR;
    let mut rng = ChaCha8Rng::seed_from_u64(0x5EED_5A11 ^ noise_seed);
    let mut phase = 0.0f64;
    (0..len)
        .map(|n| {
            let t = n as f64 / SR;
            let envelope = if n < attack {
                0.5 - 0.5 * (std::f64::consts::PI * n as f64 / attack as f64).cos()
            } else if n + release > len {
                let left = (len - n) as f64 / release as f64;
                0.5 - 0.5 * (std::f64::consts::PI * left).cos()
            } else {
                1.0
            };
            let voiced: f64 = weights
                .iter()
                .zip(1..)
                .map(|(w, k)| w * (f64::from(k) * phase).sin())
                .sum();
            // Pitch falls 10% over the syllable, with a 5.5 Hz, 1% vibrato.
            let hz = pitch * (1.0 - 0.1 * t / duration) * (1.0 + 0.01 * (TAU * 5.5 * t).sin());
            phase = (phase + TAU * hz / SR) % TAU;
            let pop = if !spec.plosive {
                0.0
            } else if n == 0 {
                f64::from(PLOSIVE_POP)
            } else if n < burst {
                let noise: f64 = rng.random_range(-1.0..=1.0);
                0.2 * noise * (-(n as f64) / (burst as f64 / 3.0)).exp()
            } else {
                0.0
            };
            // |0.45 voiced| + |pop| ≤ 0.75.
            (0.45 * envelope * voiced + pop) as f32
        })
        .collect()
}

/// Plans a talking clip of `words` words: one speaker (pitch 120–180 Hz), 1–3 syllables per
/// word of 130–260 ms each, 60–200 ms pauses between words, 100 ms of silence before the first
/// word. Every word starts with a plosive, so the lips visibly open on it.
pub fn talking_syllables(words: usize, seed: u64) -> Vec<SyllableSpec> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let speaker_hz: f32 = rng.random_range(120.0..180.0);
    let mut cursor = seconds_to_samples(0.1);
    let mut plan = Vec::new();
    for word in 0..words {
        if word > 0 {
            cursor += seconds_to_samples(rng.random_range(0.06..0.2));
        }
        let syllables = rng.random_range(1..=3);
        for syllable in 0..syllables {
            let length = seconds_to_samples(rng.random_range(0.13..0.26));
            let vowel = Vowel::ALL[rng.random_range(0..Vowel::ALL.len())];
            // The phrase falls in pitch towards its end (declination).
            let fall = 1.0 - 0.15 * word as f32 / words.max(1) as f32;
            let pitch_hz = speaker_hz * fall * rng.random_range(0.92..1.08);
            let plosive = syllable == 0 || rng.random_bool(0.3);
            plan.push(SyllableSpec {
                start_sample: cursor,
                length_samples: length,
                pitch_hz,
                vowel,
                plosive,
            });
            cursor += length;
        }
    }
    plan
}

/// A speech-like clip of `words` words (see [`talking_syllables`]) with 100 ms of silence after
/// the last word, and where each syllable starts, in samples from the start of the clip.
pub fn talking_clip(words: usize, seed: u64) -> (Vec<f32>, Vec<SyllableOnset>) {
    let plan = talking_syllables(words, seed);
    let mut samples = speech_syllables(&plan);
    samples.resize(samples.len() + seconds_to_samples(0.1), 0.0);
    // Recover word indices: a new word starts wherever there is a gap before the syllable.
    let mut word = 0;
    let mut previous_end = None;
    let onsets = plan
        .iter()
        .map(|s| {
            if previous_end.is_some_and(|end| s.start_sample > end) {
                word += 1;
            }
            previous_end = Some(s.end_sample());
            SyllableOnset {
                start_sample: s.start_sample,
                length_samples: s.length_samples,
                word,
                plosive: s.plosive,
            }
        })
        .collect();
    (samples, onsets)
}

// ---------------------------------------------------------------------------
// Mixing and analysis
// ---------------------------------------------------------------------------

/// Adds `clip × gain` into `track` so that `clip[0]` lands on `track[start_sample]`.
///
/// A negative start drops the part of the clip before sample 0 (the sound began before the
/// track); a clip running past the end extends the track with silence first.
pub fn mix_at(track: &mut Vec<f32>, clip: &[f32], start_sample: i64, gain: f32) {
    let skip = usize::try_from(start_sample.min(0).unsigned_abs()).unwrap_or(usize::MAX);
    let Some(visible) = clip.get(skip..) else {
        return;
    };
    if visible.is_empty() {
        return;
    }
    let Ok(dest) = usize::try_from(start_sample.max(0)) else {
        return;
    };
    let Some(end) = dest.checked_add(visible.len()) else {
        return;
    };
    if end > track.len() {
        track.resize(end, 0.0);
    }
    for (out, sample) in track[dest..end].iter_mut().zip(visible) {
        *out += gain * sample;
    }
}

/// The index of the first sample whose magnitude reaches `threshold`, if any. Used to verify
/// that a sound really starts where a level put it.
pub fn onset_sample(samples: &[f32], threshold: f32) -> Option<usize> {
    samples.iter().position(|s| s.abs() >= threshold)
}

/// The peak magnitude of each run of `bucket` samples (the last run may be shorter), for
/// drawing a waveform: `samples.len().div_ceil(bucket)` values. A bucket of 0 counts as 1.
pub fn peak_envelope(samples: &[f32], bucket: usize) -> Vec<f32> {
    samples
        .chunks(bucket.max(1))
        .map(|run| run.iter().fold(0.0f32, |m, s| m.max(s.abs())))
        .collect()
}

/// `(min, max)` of each run of `bucket` samples, for drawing a waveform with its asymmetry.
/// Same length as [`peak_envelope`]. A bucket of 0 counts as 1.
pub fn min_max_envelope(samples: &[f32], bucket: usize) -> Vec<(f32, f32)> {
    samples
        .chunks(bucket.max(1))
        .map(|run| {
            run.iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &s| {
                    (lo.min(s), hi.max(s))
                })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// WAV
// ---------------------------------------------------------------------------

/// Bytes before the samples in a file written by [`encode_wav_pcm16`].
pub const WAV_HEADER_BYTES: usize = 44;

/// The most samples one WAV file can hold (its sizes are 32-bit).
pub const MAX_WAV_SAMPLES: usize = ((u32::MAX - 36) / 2) as usize;

/// A mono 16-bit PCM WAV file (RIFF, `fmt `, `data`) in memory.
///
/// Samples are clamped to `-1.0..=1.0` and scaled by 32767 with rounding; NaN becomes 0. No
/// dither. Samples beyond [`MAX_WAV_SAMPLES`] are left out, since RIFF sizes are 32-bit.
pub fn encode_wav_pcm16(samples: &[f32], sample_rate: u32) -> Vec<u8> {
    let samples = &samples[..samples.len().min(MAX_WAV_SAMPLES)];
    let data_len = u32::try_from(samples.len() * 2).unwrap_or(u32::MAX - 36);
    let mut out = Vec::with_capacity(WAV_HEADER_BYTES + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVE");
    out.extend_from_slice(b"fmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&sample_rate.to_le_bytes());
    out.extend_from_slice(&sample_rate.saturating_mul(2).to_le_bytes()); // bytes per second
    out.extend_from_slice(&2u16.to_le_bytes()); // bytes per sample frame
    out.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for &sample in samples {
        let value = if sample.is_nan() {
            0
        } else {
            (sample.clamp(-1.0, 1.0) * 32767.0).round() as i16
        };
        out.extend_from_slice(&value.to_le_bytes());
    }
    out
}

/// Why bytes are not a mono 16-bit PCM WAV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WavError {
    /// Fewer than the 12 bytes of a RIFF/WAVE header.
    TooShort {
        len: usize,
    },
    /// The file does not start with `RIFF`.
    NotRiff,
    /// The RIFF form type is not `WAVE`.
    NotWave,
    /// A chunk (or the RIFF container) claims more bytes than the file has.
    Truncated {
        chunk: String,
        declared: u64,
        available: u64,
    },
    /// The `fmt ` chunk is shorter than its 16 required bytes.
    FmtTooShort {
        len: u32,
    },
    /// Not integer PCM (format tag 1).
    UnsupportedFormat {
        tag: u16,
    },
    UnsupportedChannels {
        channels: u16,
    },
    UnsupportedBitsPerSample {
        bits: u16,
    },
    ZeroSampleRate,
    /// Byte rate or block align disagree with 16-bit mono at the given sample rate.
    InconsistentFmt {
        sample_rate: u32,
        byte_rate: u32,
        block_align: u16,
    },
    /// A `data` chunk before any `fmt ` chunk.
    DataBeforeFmt,
    /// 16-bit samples need an even number of data bytes.
    OddDataLength {
        len: u32,
    },
    /// A required chunk (`fmt ` or `data`) is absent.
    MissingChunk {
        chunk: &'static str,
    },
}

impl fmt::Display for WavError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WavError::TooShort { len } => write!(
                f,
                "not a WAV file: {len} bytes is shorter than the 12-byte RIFF/WAVE header"
            ),
            WavError::NotRiff => f.write_str("not a WAV file: it does not start with \"RIFF\""),
            WavError::NotWave => {
                f.write_str("not a WAV file: the RIFF form type (bytes 8-11) is not \"WAVE\"")
            }
            WavError::Truncated {
                chunk,
                declared,
                available,
            } => write!(
                f,
                "truncated WAV: the \"{chunk}\" chunk declares {declared} bytes but only \
                 {available} remain"
            ),
            WavError::FmtTooShort { len } => write!(
                f,
                "bad WAV header: the \"fmt \" chunk has {len} bytes, PCM needs at least 16"
            ),
            WavError::UnsupportedFormat { tag } => write!(
                f,
                "unsupported WAV encoding: format tag {tag}, only 1 (integer PCM) is supported"
            ),
            WavError::UnsupportedChannels { channels } => write!(
                f,
                "unsupported WAV: {channels} channels, only mono (1) is supported"
            ),
            WavError::UnsupportedBitsPerSample { bits } => write!(
                f,
                "unsupported WAV: {bits} bits per sample, only 16 is supported"
            ),
            WavError::ZeroSampleRate => f.write_str("bad WAV header: the sample rate is 0 Hz"),
            WavError::InconsistentFmt {
                sample_rate,
                byte_rate,
                block_align,
            } => write!(
                f,
                "bad WAV header: 16-bit mono at {sample_rate} Hz needs a byte rate of {} and a \
                 block align of 2, found {byte_rate} and {block_align}",
                u64::from(*sample_rate) * 2
            ),
            WavError::DataBeforeFmt => {
                f.write_str("bad WAV file: the \"data\" chunk comes before the \"fmt \" chunk")
            }
            WavError::OddDataLength { len } => write!(
                f,
                "bad WAV file: {len} data bytes is odd, but 16-bit samples take 2 bytes each"
            ),
            WavError::MissingChunk { chunk } => {
                write!(f, "bad WAV file: no \"{chunk}\" chunk")
            }
        }
    }
}

impl std::error::Error for WavError {}

fn le_u16(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn le_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Reads a mono 16-bit PCM WAV file: `(sample_rate, samples)`. Unknown chunks (e.g. `LIST`) are
/// skipped; anything that is not mono 16-bit PCM, or whose sizes do not fit the bytes given, is
/// an error that says what is wrong.
pub fn decode_wav_pcm16(bytes: &[u8]) -> Result<(u32, Vec<i16>), WavError> {
    if bytes.len() < 12 {
        return Err(WavError::TooShort { len: bytes.len() });
    }
    if &bytes[0..4] != b"RIFF" {
        return Err(WavError::NotRiff);
    }
    if &bytes[8..12] != b"WAVE" {
        return Err(WavError::NotWave);
    }
    let riff_len = u64::from(le_u32(bytes, 4));
    let available = bytes.len() as u64 - 8;
    if riff_len > available {
        return Err(WavError::Truncated {
            chunk: "RIFF".to_string(),
            declared: riff_len,
            available,
        });
    }
    // riff_len ≤ bytes.len() - 8, so this fits in usize.
    let end = 8 + riff_len as usize;
    let mut sample_rate = None;
    let mut pos = 12;
    while pos < end {
        if end - pos < 8 {
            return Err(WavError::Truncated {
                chunk: "chunk header".to_string(),
                declared: 8,
                available: (end - pos) as u64,
            });
        }
        let id = &bytes[pos..pos + 4];
        let name = String::from_utf8_lossy(id).into_owned();
        let len = le_u32(bytes, pos + 4);
        let body_start = pos + 8;
        let left = (end - body_start) as u64;
        if u64::from(len) > left {
            return Err(WavError::Truncated {
                chunk: name,
                declared: u64::from(len),
                available: left,
            });
        }
        let body = &bytes[body_start..body_start + len as usize];
        match id {
            b"fmt " => {
                if len < 16 {
                    return Err(WavError::FmtTooShort { len });
                }
                let tag = le_u16(body, 0);
                let channels = le_u16(body, 2);
                let rate = le_u32(body, 4);
                let byte_rate = le_u32(body, 8);
                let block_align = le_u16(body, 12);
                let bits = le_u16(body, 14);
                if tag != 1 {
                    return Err(WavError::UnsupportedFormat { tag });
                }
                if channels != 1 {
                    return Err(WavError::UnsupportedChannels { channels });
                }
                if bits != 16 {
                    return Err(WavError::UnsupportedBitsPerSample { bits });
                }
                if rate == 0 {
                    return Err(WavError::ZeroSampleRate);
                }
                if u64::from(byte_rate) != u64::from(rate) * 2 || block_align != 2 {
                    return Err(WavError::InconsistentFmt {
                        sample_rate: rate,
                        byte_rate,
                        block_align,
                    });
                }
                sample_rate = Some(rate);
            }
            b"data" => {
                let Some(rate) = sample_rate else {
                    return Err(WavError::DataBeforeFmt);
                };
                if !len.is_multiple_of(2) {
                    return Err(WavError::OddDataLength { len });
                }
                let samples = body
                    .chunks_exact(2)
                    .map(|pair| i16::from_le_bytes([pair[0], pair[1]]))
                    .collect();
                return Ok((rate, samples));
            }
            _ => {}
        }
        // Chunks are padded to an even length.
        pos = body_start + len as usize + (len as usize & 1);
    }
    Err(WavError::MissingChunk {
        chunk: if sample_rate.is_some() {
            "data"
        } else {
            "fmt "
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wav_round_trip_and_header_fields() {
        let samples = [0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -3.0, f32::NAN, 0.25];
        let bytes = encode_wav_pcm16(&samples, SAMPLE_RATE);
        assert_eq!(bytes.len(), WAV_HEADER_BYTES + samples.len() * 2);
        assert_eq!(&bytes[0..4], b"RIFF");
        assert_eq!(le_u32(&bytes, 4) as usize, bytes.len() - 8);
        assert_eq!(&bytes[8..12], b"WAVE");
        assert_eq!(&bytes[12..16], b"fmt ");
        assert_eq!(le_u32(&bytes, 16), 16);
        assert_eq!(le_u16(&bytes, 20), 1, "PCM");
        assert_eq!(le_u16(&bytes, 22), 1, "mono");
        assert_eq!(le_u32(&bytes, 24), 48_000);
        assert_eq!(le_u32(&bytes, 28), 96_000, "byte rate");
        assert_eq!(le_u16(&bytes, 32), 2, "block align");
        assert_eq!(le_u16(&bytes, 34), 16, "bits");
        assert_eq!(&bytes[36..40], b"data");
        assert_eq!(le_u32(&bytes, 40) as usize, samples.len() * 2);

        let (rate, decoded) = decode_wav_pcm16(&bytes).expect("own WAV decodes");
        assert_eq!(rate, SAMPLE_RATE);
        assert_eq!(
            decoded,
            vec![0, 16384, -16384, 32767, -32767, 32767, -32767, 0, 8192]
        );

        let slam = door_slam(3);
        let (_, decoded) = decode_wav_pcm16(&encode_wav_pcm16(&slam, SAMPLE_RATE)).expect("slam");
        assert_eq!(decoded.len(), slam.len());
        for (d, s) in decoded.iter().zip(&slam) {
            assert!((f32::from(*d) / 32767.0 - s).abs() <= 0.5 / 32767.0 + 1e-6);
        }
        assert_eq!(
            decode_wav_pcm16(&encode_wav_pcm16(&[], 44_100)),
            Ok((44_100, vec![]))
        );
    }

    #[test]
    fn decoder_skips_unknown_chunks_with_padding() {
        let bytes = encode_wav_pcm16(&[0.5, -0.5], SAMPLE_RATE);
        let mut with_list = bytes[..36].to_vec();
        with_list.extend_from_slice(b"LIST");
        with_list.extend_from_slice(&3u32.to_le_bytes());
        with_list.extend_from_slice(b"abc\0"); // 3 bytes + pad
        with_list.extend_from_slice(&bytes[36..]);
        let riff = (with_list.len() - 8) as u32;
        with_list[4..8].copy_from_slice(&riff.to_le_bytes());
        assert_eq!(
            decode_wav_pcm16(&with_list),
            Ok((SAMPLE_RATE, vec![16384, -16384]))
        );
    }

    #[test]
    fn malformed_wav_is_rejected_with_a_clear_error() {
        let good = encode_wav_pcm16(&[0.1, 0.2, 0.3], SAMPLE_RATE);
        let patched = |at: usize, value: &[u8]| {
            let mut b = good.clone();
            b[at..at + value.len()].copy_from_slice(value);
            b
        };
        let cases: Vec<(Vec<u8>, WavError)> = vec![
            (vec![], WavError::TooShort { len: 0 }),
            (b"RIFF1234WAV".to_vec(), WavError::TooShort { len: 11 }),
            (patched(0, b"RIFX"), WavError::NotRiff),
            (patched(8, b"AVI "), WavError::NotWave),
            (
                patched(20, &3u16.to_le_bytes()),
                WavError::UnsupportedFormat { tag: 3 },
            ),
            (
                patched(22, &2u16.to_le_bytes()),
                WavError::UnsupportedChannels { channels: 2 },
            ),
            (
                patched(34, &8u16.to_le_bytes()),
                WavError::UnsupportedBitsPerSample { bits: 8 },
            ),
            (patched(24, &0u32.to_le_bytes()), WavError::ZeroSampleRate),
            (
                patched(28, &1u32.to_le_bytes()),
                WavError::InconsistentFmt {
                    sample_rate: 48_000,
                    byte_rate: 1,
                    block_align: 2,
                },
            ),
            (
                patched(16, &8u32.to_le_bytes()),
                WavError::FmtTooShort { len: 8 },
            ),
            (
                good[..good.len() - 1].to_vec(),
                WavError::Truncated {
                    chunk: "RIFF".to_string(),
                    declared: 42,
                    available: 41,
                },
            ),
            (patched(12, b"junk"), WavError::DataBeforeFmt),
        ];
        for (bytes, expected) in cases {
            let err = decode_wav_pcm16(&bytes).expect_err("malformed");
            assert_eq!(err, expected);
            assert!(!err.to_string().is_empty());
        }

        // A data chunk claiming more bytes than the file has.
        let mut long_data = good.clone();
        long_data[40..44].copy_from_slice(&100u32.to_le_bytes());
        let err = decode_wav_pcm16(&long_data).expect_err("truncated data");
        assert!(
            matches!(err, WavError::Truncated { ref chunk, declared: 100, available: 6 } if chunk == "data")
        );
        assert!(
            err.to_string()
                .contains("\"data\" chunk declares 100 bytes"),
            "{err}"
        );

        // Odd data length (RIFF size kept consistent).
        let mut odd = good[..good.len() - 1].to_vec();
        odd[40..44].copy_from_slice(&5u32.to_le_bytes());
        let riff = (odd.len() - 8) as u32;
        odd[4..8].copy_from_slice(&riff.to_le_bytes());
        assert_eq!(
            decode_wav_pcm16(&odd),
            Err(WavError::OddDataLength { len: 5 })
        );

        // Header only, no data chunk.
        let mut no_data = good[..36].to_vec();
        no_data[4..8].copy_from_slice(&28u32.to_le_bytes());
        assert_eq!(
            decode_wav_pcm16(&no_data),
            Err(WavError::MissingChunk { chunk: "data" })
        );
    }

    #[test]
    fn synthesis_is_deterministic() {
        assert_eq!(door_slam(7), door_slam(7));
        assert_ne!(door_slam(7), door_slam(8));
        assert_eq!(room_tone(10_000, 1), room_tone(10_000, 1));
        assert_eq!(talking_clip(4, 9), talking_clip(4, 9));
        assert_ne!(talking_clip(4, 9).0, talking_clip(4, 10).0);
    }

    #[test]
    fn slam_shape() {
        for seed in 0..20 {
            let slam = door_slam(seed);
            assert_eq!(slam.len(), SLAM_SAMPLES);
            assert!(
                slam[0].abs() >= SLAM_FIRST_SAMPLE_MIN,
                "seed {seed}: {}",
                slam[0]
            );
            assert!(slam.iter().all(|s| s.abs() <= 0.95));
            // Loud at the start, nearly silent at the end: an exponential decay.
            let env = peak_envelope(&slam, 4_800);
            assert!(env[0] > 0.5);
            assert!(env[env.len() - 1] < 0.01, "{env:?}");
            assert!(env.windows(2).all(|w| w[1] <= w[0] + 0.05), "{env:?}");
        }
    }

    #[test]
    fn room_tone_is_quiet() {
        let tone = room_tone(48_000, 5);
        assert_eq!(tone.len(), 48_000);
        assert!(tone.iter().all(|s| s.abs() <= ROOM_TONE_PEAK));
        assert!(
            tone.iter().any(|s| s.abs() > ROOM_TONE_PEAK / 10.0),
            "not silent"
        );
        assert_eq!(onset_sample(&tone, ONSET_THRESHOLD), None);
    }

    #[test]
    fn mix_at_places_the_onset_exactly() {
        let slam = door_slam(1);
        for start in [0i64, 1, 999, 2_000, 48_000] {
            let mut track = room_tone(24_000, 2);
            mix_at(&mut track, &slam, start, 0.8);
            assert_eq!(onset_sample(&track, ONSET_THRESHOLD), Some(start as usize));
            assert_eq!(track.len(), 24_000.max(start as usize + slam.len()));
        }
        // A negative start drops the beginning of the clip.
        let mut track = vec![0.0; 10];
        mix_at(&mut track, &[1.0, 2.0, 3.0, 4.0], -2, 0.5);
        assert_eq!(&track[..3], &[1.5, 2.0, 0.0]);
        assert_eq!(track.len(), 10);
        let mut track = vec![];
        mix_at(&mut track, &[1.0, 2.0], -5, 1.0);
        assert!(track.is_empty());
        // Past the end: the track grows.
        let mut track = vec![1.0; 2];
        mix_at(&mut track, &[1.0, 1.0], 3, 1.0);
        assert_eq!(track, vec![1.0, 1.0, 0.0, 1.0, 1.0]);
    }

    #[test]
    fn speech_is_voiced_and_onsets_are_exact() {
        let (clip, onsets) = talking_clip(5, 42);
        assert!(onsets.len() >= 5);
        assert_eq!(onsets[0].word, 0);
        assert_eq!(onsets.last().map(|o| o.word), Some(4));
        assert!(
            onsets
                .windows(2)
                .all(|w| w[0].start_sample < w[1].start_sample)
        );
        assert!(clip.iter().all(|s| s.abs() <= 1.0));
        // The first syllable is a plosive: its pop is the first loud sample.
        assert_eq!(
            onset_sample(&clip, ONSET_THRESHOLD),
            Some(onsets[0].start_sample)
        );
        assert_eq!(clip[onsets[0].start_sample], PLOSIVE_POP);
        // Every word opens with a plosive.
        for w in 0..5 {
            let first = onsets
                .iter()
                .find(|o| o.word == w)
                .expect("word has syllables");
            assert!(first.plosive);
        }

        // The pitch of a plain vowel is in the speech range: the autocorrelation of a steady
        // stretch peaks at one period.
        let vowel = speech_syllables(&[SyllableSpec {
            start_sample: 0,
            length_samples: 48_000,
            pitch_hz: 150.0,
            vowel: Vowel::U,
            plosive: false,
        }]);
        let segment = &vowel[9_600..14_400];
        let correlation = |lag: usize| -> f32 {
            segment[..segment.len() - lag]
                .iter()
                .zip(&segment[lag..])
                .map(|(a, b)| a * b)
                .sum()
        };
        let best_lag = (192..=480)
            .max_by(|&a, &b| correlation(a).total_cmp(&correlation(b)))
            .expect("lags");
        let f0 = SAMPLE_RATE as f32 / best_lag as f32;
        // 0.2–0.3 s into a syllable starting at 150 Hz and falling 10% per second.
        assert!((140.0..=152.0).contains(&f0), "{f0}");
    }

    #[test]
    fn envelopes_have_one_value_per_bucket() {
        let samples: Vec<f32> = (0..1_001).map(|n| (n as f32 / 100.0).sin()).collect();
        assert_eq!(peak_envelope(&samples, 100).len(), 11);
        assert_eq!(min_max_envelope(&samples, 100).len(), 11);
        assert_eq!(peak_envelope(&samples, 0).len(), 1_001);
        assert!(peak_envelope(&[], 10).is_empty());
        assert_eq!(peak_envelope(&[0.1, -0.7, 0.3], 2), vec![0.7, 0.3]);
        assert_eq!(
            min_max_envelope(&[0.1, -0.7, 0.3], 2),
            vec![(-0.7, 0.1), (0.3, 0.3)]
        );
    }

    #[test]
    fn onset_threshold_rules() {
        assert_eq!(onset_sample(&[0.0, 0.05, -0.2, 0.3], 0.1), Some(2));
        assert_eq!(onset_sample(&[0.0, 0.05], 0.1), None);
        assert_eq!(onset_sample(&[f32::NAN, 0.5], 0.1), Some(1));
    }
}
