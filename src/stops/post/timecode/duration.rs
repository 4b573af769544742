//! Durations: adding frames to a label and measuring between labels, wrapping at 24 hours,
//! and the exact time at which a frame starts.

use super::{FrameRate, Ratio, Timecode, TimecodeError, frames_to_timecode, timecode_to_frames};

/// Converts a frame number below one day (so below `i64::MAX`) to signed.
fn signed(frame: u64) -> i64 {
    i64::try_from(frame).unwrap_or(i64::MAX)
}

/// `frame + delta`, wrapping both ways at 24 hours; any `i64` is safe.
pub fn offset_frame(frame: u64, delta: i64, rate: FrameRate) -> u64 {
    let day = rate.frames_per_day();
    let frame = frame % day;
    let step = delta.unsigned_abs() % day;
    if delta >= 0 {
        (frame + step) % day
    } else {
        (frame + day - step) % day
    }
}

/// The label `delta` frames after (or, if negative, before) `timecode`,
/// wrapping at 24 hours. Fails only if `timecode` is not valid at `rate`.
pub fn add_frames(
    timecode: &Timecode,
    delta: i64,
    rate: FrameRate,
) -> Result<Timecode, TimecodeError> {
    let frame = timecode_to_frames(timecode, rate)?;
    Ok(frames_to_timecode(offset_frame(frame, delta, rate), rate))
}

/// `b - a` in frames, without wrapping: negative when `b` is earlier in
/// the day. Use [`forward_distance_frames`] to count across midnight.
pub fn difference_frames(
    a: &Timecode,
    b: &Timecode,
    rate: FrameRate,
) -> Result<i64, TimecodeError> {
    let a = timecode_to_frames(a, rate)?;
    let b = timecode_to_frames(b, rate)?;
    Ok(signed(b) - signed(a))
}

/// Frames from `a` forward to `b`, crossing midnight if needed (`0..day`).
pub fn forward_distance_frames(
    a: &Timecode,
    b: &Timecode,
    rate: FrameRate,
) -> Result<u64, TimecodeError> {
    let a = timecode_to_frames(a, rate)?;
    let b = timecode_to_frames(b, rate)?;
    let day = rate.frames_per_day();
    Ok((b + day - a) % day)
}

/// When `frame` starts, as an exact fraction of a second since frame 0
/// (`frame * den / num`); frame 1 at 23.976 is `1001/24000` s.
pub fn frame_time_seconds(frame: u64, rate: FrameRate) -> Ratio {
    let (num, den) = rate.fps_rational();
    Ratio::reduced(u128::from(frame) * u128::from(den), u128::from(num))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::stops::post::timecode::test_support::tc;

    #[test]
    fn adding_and_subtracting_frames_wraps_both_ways() {
        let r = FrameRate::Df29_97;
        let add = |text: &str, delta: i64| match add_frames(&tc(text, r), delta, r) {
            Ok(result) => result.to_string(),
            Err(err) => panic!("{err}"),
        };
        assert_eq!(add("00:00:59;29", 1), "00:01:00;02");
        assert_eq!(add("00:01:00;02", -1), "00:00:59;29");
        assert_eq!(add("23:59:59;29", 1), "00:00:00;00");
        assert_eq!(add("00:00:00;00", -1), "23:59:59;29");
        assert_eq!(add("00:00:00;00", 17_982), "00:10:00;00");
        assert_eq!(add("12:34:56;07", 2_589_408), "12:34:56;07");
        assert_eq!(add("12:34:56;07", -2_589_408 * 5), "12:34:56;07");
        assert_eq!(add("00:00:00;05", -2_589_408 - 10), "23:59:59;25");
        // Extreme deltas must not overflow.
        let _ = add("00:00:00;00", i64::MAX);
        let _ = add("00:00:00;00", i64::MIN);
        assert_eq!(
            offset_frame(0, i64::MIN, r),
            (r.frames_per_day() - i64::MIN.unsigned_abs() % r.frames_per_day())
                % r.frames_per_day()
        );
        assert_eq!(
            add_frames(&tc("01:00:00:00", FrameRate::Fps25), -25, FrameRate::Fps25)
                .map(|t| t.to_string()),
            Ok("00:59:59:00".to_string())
        );

        let a = tc("00:00:59;29", r);
        let b = tc("00:01:00;02", r);
        assert_eq!(difference_frames(&a, &b, r), Ok(1));
        assert_eq!(difference_frames(&b, &a, r), Ok(-1));
        let late = tc("23:59:59;29", r);
        let early = tc("00:00:00;00", r);
        assert_eq!(difference_frames(&late, &early, r), Ok(-2_589_407));
        assert_eq!(forward_distance_frames(&late, &early, r), Ok(1));
        assert_eq!(forward_distance_frames(&a, &b, r), Ok(1));
        assert!(add_frames(&Timecode::new(0, 1, 0, 0, true), 1, r).is_err());
        assert!(difference_frames(&a, &Timecode::new(25, 0, 0, 0, true), r).is_err());
    }
}
