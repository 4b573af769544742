//! Mixing and analysis: placing a clip on a track to the sample, finding onsets, and the
//! envelopes the timeline draws.

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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::audio::model::synth::{ONSET_THRESHOLD, door_slam, room_tone};

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
