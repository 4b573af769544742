//! A short music loop, synthesised: a soft chord pad with a plucked arpeggio. Plain Rust, no
//! Bevy. It plays under the title and the studio map, and scores the Stop 5 concept trailer in
//! a bright or a dark key. It has its own volume slider, like effects and voice.
//!
//! Synthesised rather than recorded so the game ships no audio files and the loop is exact:
//! every chord lasts a whole number of samples and the buffer ends where it starts, so looping
//! it never clicks.

use std::f64::consts::TAU;

use crate::audio::model::synth::SAMPLE_RATE;

/// Bright (major) or dark (minor) harmony.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MusicMood {
    /// I–vi–IV–V in C major: hopeful, playful.
    Bright,
    /// i–VI–III–VII in A minor: tense, eerie.
    Dark,
}

/// Seconds per chord; four chords make one loop.
pub const CHORD_SECONDS: f64 = 2.0;
/// Loudest sample of a loop: quiet enough to sit under speech and effects.
pub const PEAK: f32 = 0.25;

/// MIDI note numbers of the four chords (root, third, fifth).
fn progression(mood: MusicMood) -> [[u8; 3]; 4] {
    match mood {
        MusicMood::Bright => [[60, 64, 67], [57, 60, 64], [53, 57, 60], [55, 59, 62]],
        MusicMood::Dark => [[57, 60, 64], [53, 57, 60], [48, 52, 55], [55, 59, 62]],
    }
}

fn hz(midi: u8) -> f64 {
    440.0 * 2f64.powf((f64::from(midi) - 69.0) / 12.0)
}

/// One loop of four chords, `4 × CHORD_SECONDS` long, mono at [`SAMPLE_RATE`]. The same mood
/// always gives the same samples.
pub fn score_loop(mood: MusicMood) -> Vec<f32> {
    let sr = f64::from(SAMPLE_RATE);
    let chord_len = (CHORD_SECONDS * sr) as usize;
    let chords = progression(mood);
    let mut out = vec![0.0f32; chord_len * chords.len()];
    for (c, chord) in chords.iter().enumerate() {
        for i in 0..chord_len {
            let t = i as f64 / sr;
            // Pad: fade in and out inside the chord so chord changes (and the loop point) are
            // silent edges, never clicks.
            let edge = (t / 0.25).min((CHORD_SECONDS - t) / 0.25).clamp(0.0, 1.0);
            let pad: f64 = chord
                .iter()
                .map(|&n| (TAU * hz(n) * t).sin() + 0.3 * (TAU * 2.0 * hz(n) * t).sin())
                .sum::<f64>()
                * 0.12
                * edge;
            // Arpeggio: the chord's notes an octave up, one every quarter of the chord, each a
            // plucked decay.
            let step = CHORD_SECONDS / 4.0;
            let k = (t / step) as usize;
            let since = t - k as f64 * step;
            let note = chord[k % 3] + 12;
            let pluck = (TAU * hz(note) * since).sin() * (-since * 6.0).exp() * 0.35 * edge;
            out[c * chord_len + i] = (pad + pluck) as f32;
        }
    }
    let peak = out.iter().fold(0.0f32, |m, s| m.max(s.abs()));
    if peak > 0.0 {
        for s in &mut out {
            *s *= PEAK / peak;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loop_is_four_whole_chords_and_peaks_at_the_set_level() {
        let samples = score_loop(MusicMood::Bright);
        assert_eq!(samples.len(), 4 * 2 * SAMPLE_RATE as usize);
        let peak = samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
        assert!((peak - PEAK).abs() < 1e-6, "peak {peak}");
    }

    #[test]
    fn the_loop_point_is_silent_so_it_never_clicks() {
        let samples = score_loop(MusicMood::Dark);
        assert!(samples[0].abs() < 1e-3);
        assert!(samples[samples.len() - 1].abs() < 1e-2);
    }

    #[test]
    fn moods_differ_and_each_matches_its_recorded_samples() {
        // Samples recorded from this synthesiser: a change to the pad, the arpeggio, the chords
        // or the normalisation moves them (the loop must sound the same on every machine).
        let at = [1_000, 24_000, 100_000, 200_000, 383_000];
        let expected = [
            (
                MusicMood::Dark,
                [
                    0.0036980351,
                    -0.0933064,
                    0.0054931915,
                    -0.063176565,
                    -0.002670522,
                ],
            ),
            (
                MusicMood::Bright,
                [
                    -0.00438473,
                    -0.09424833,
                    -0.02704174,
                    0.027151184,
                    -0.002670522,
                ],
            ),
        ];
        for (mood, want) in expected {
            let samples = score_loop(mood);
            let got: Vec<f32> = at.iter().map(|&i| samples[i]).collect();
            for (g, w) in got.iter().zip(want) {
                assert!(
                    (g - w).abs() < 1e-6,
                    "{mood:?}: got {got:?}, recorded {want:?}"
                );
            }
        }
        assert_ne!(score_loop(MusicMood::Dark), score_loop(MusicMood::Bright));
    }

    #[test]
    fn a_minor_chord_is_a_minor_third_over_its_root() {
        // A minor: A (57) to C (60) is three semitones, the interval that makes it sound dark.
        let first = progression(MusicMood::Dark)[0];
        assert_eq!(first[1] - first[0], 3);
        assert_eq!(
            progression(MusicMood::Bright)[0][1] - progression(MusicMood::Bright)[0][0],
            4
        );
        assert!((hz(69) - 440.0).abs() < 1e-9);
    }
}
