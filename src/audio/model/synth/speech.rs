//! Speech: voiced syllables built from a pitch and a vowel's formants, with a pressure pop
//! on plosives so each word's onset is exact.

use std::f64::consts::TAU;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{PLOSIVE_POP, SR, mix_at, seconds_to_samples};

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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::audio::model::synth::{ONSET_THRESHOLD, SAMPLE_RATE, onset_sample};

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
}
