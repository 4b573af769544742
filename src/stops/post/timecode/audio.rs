//! Audio against picture: exact samples per frame and the sample on which each frame
//! starts.

use super::{FrameRate, Ratio, floor_mul_div};

/// Audio samples per video frame, exactly: `sample_rate * den / num`.
/// 48 kHz at 29.97 is `8008/5` (1601.6): the 1601/1602 pattern repeats
/// every five frames.
pub fn audio_samples_per_frame(rate: FrameRate, sample_rate: u64) -> Ratio {
    let (num, den) = rate.fps_rational();
    Ratio::reduced(u128::from(sample_rate) * u128::from(den), u128::from(num))
}

/// The audio sample that coincides with (or immediately precedes) the
/// start of `frame`: `floor(frame * sample_rate * den / num)`.
pub fn audio_sample_at_frame(frame: u64, rate: FrameRate, sample_rate: u64) -> u64 {
    let (num, den) = rate.fps_rational();
    floor_mul_div(
        frame,
        u128::from(sample_rate) * u128::from(den),
        u128::from(num),
    )
}

/// Whole samples belonging to `frame` under the floor convention above
/// (e.g. 1601 or 1602 at 29.97 / 48 kHz).
pub fn audio_samples_in_frame(frame: u64, rate: FrameRate, sample_rate: u64) -> u64 {
    audio_sample_at_frame(frame.saturating_add(1), rate, sample_rate)
        .saturating_sub(audio_sample_at_frame(frame, rate, sample_rate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audio_samples_per_frame_are_exact() {
        let spf = |rate| audio_samples_per_frame(rate, 48_000);
        assert_eq!(spf(FrameRate::Df29_97).to_string(), "8008/5");
        assert_eq!(spf(FrameRate::Df29_97).to_decimal_string(4), "1601.6");
        assert_eq!(spf(FrameRate::Ndf29_97), spf(FrameRate::Df29_97));
        assert_eq!(spf(FrameRate::Fps24).to_string(), "2000");
        assert_eq!(spf(FrameRate::Fps25).to_string(), "1920");
        assert_eq!(spf(FrameRate::Fps30).to_string(), "1600");
        assert_eq!(spf(FrameRate::Df59_94).to_string(), "4004/5");
        assert_eq!(spf(FrameRate::Df59_94).to_decimal_string(4), "800.8");
        assert_eq!(spf(FrameRate::Fps23_976).to_string(), "2002");
        assert_eq!(
            audio_samples_per_frame(FrameRate::Df29_97, 44_100).to_decimal_string(3),
            "1471.47"
        );
        let r = FrameRate::Df29_97;
        assert_eq!(audio_sample_at_frame(5, r, 48_000), 8008);
        assert_eq!(audio_sample_at_frame(1, r, 48_000), 1601);
        let per_frame: Vec<u64> = (0..10)
            .map(|f| audio_samples_in_frame(f, r, 48_000))
            .collect();
        assert_eq!(
            per_frame,
            [1601, 1602, 1601, 1602, 1602, 1601, 1602, 1601, 1602, 1602]
        );
        // A DF hour of 107892 frames spans 172,799,827.2 samples.
        assert_eq!(audio_sample_at_frame(107_892, r, 48_000), 172_799_827);
        assert_eq!(audio_sample_at_frame(24, FrameRate::Fps24, 48_000), 48_000);
        assert_eq!(audio_sample_at_frame(u64::MAX, r, u64::MAX), u64::MAX);
    }
}
