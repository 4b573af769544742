//! The door slam and the room tone under it: seeded noise and a low thump, shaped so the
//! slam's onset is exactly its first sample.

use std::f64::consts::TAU;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{ROOM_TONE_PEAK, SLAM_SAMPLES, SR, decay_60db, one_pole};

/// A door slam, [`SLAM_SAMPLES`] long: a band-passed noise burst (the crack of wood on wood,
/// 60 dB down after 0.25 s) over a low thump near 70 Hz (the air in the room, 60 dB down after
/// 0.35 s). The attack is instantaneous: the first sample is the loudest part of the thump,
/// so the slam's onset is exactly its first sample (magnitude ≥ [`SLAM_FIRST_SAMPLE_MIN`]).
///
/// The same seed always gives the same samples; different seeds give slightly different doors
/// (thump between 66 and 74 Hz, different noise).
///
/// [`SLAM_FIRST_SAMPLE_MIN`]: super::SLAM_FIRST_SAMPLE_MIN
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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::audio::model::synth::{
        ONSET_THRESHOLD, SLAM_FIRST_SAMPLE_MIN, onset_sample, peak_envelope, talking_clip,
    };

    #[test]
    fn synthesis_matches_recorded_samples_and_follows_the_seed() {
        // Samples recorded from these generators: the same seed must give the same sound on
        // every machine and in every version, and another seed another sound.
        let pick = |v: &[f32], at: &[usize]| at.iter().map(|&i| v[i]).collect::<Vec<f32>>();
        let slam = pick(&door_slam(7), &[0, 10, 500, 5_000]);
        let tone = pick(&room_tone(10_000, 1), &[0, 10, 500, 9_999]);
        let (speech, onsets) = talking_clip(4, 9);
        let voice = pick(&speech, &[5_000, 10_000]);
        let recorded: [(&str, &[f32], &[f32]); 3] = [
            (
                "door_slam(7)",
                &slam,
                &[0.48940212, 0.5418361, 0.17476906, 0.026928702],
            ),
            (
                "room_tone(10_000, 1)",
                &tone,
                &[-0.0009392977, -0.0005554025, -0.002128962, -0.00373096],
            ),
            ("talking_clip(4, 9)", &voice, &[0.02646994, 0.0863114]),
        ];
        for (name, got, want) in recorded {
            for (g, w) in got.iter().zip(want) {
                assert!(
                    (g - w).abs() < 1e-6,
                    "{name}: got {got:?}, recorded {want:?}"
                );
            }
        }
        assert_eq!((speech.len(), onsets.len()), (113_444, 8));
        assert_ne!(door_slam(7), door_slam(8));
        assert_ne!(room_tone(10_000, 1), room_tone(10_000, 2));
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
}
