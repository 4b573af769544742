//! Property tests of the timecode engine at every rate, drop-frame included: no text makes
//! the parser panic, every frame of a day and every label that exists survive the round trip
//! both ways, and labels that do not exist are refused rather than moved to a neighbour.

use proptest::prelude::*;
use proptest::sample::select;

use super::test_support::tick;
use super::{
    FrameRate, Timecode, TimecodeError, frames_to_timecode, parse_timecode, parse_value,
    timecode_to_frames,
};

fn rate() -> impl Strategy<Value = FrameRate> {
    select(FrameRate::ALL.to_vec())
}

/// A frame of the day at a rate: anywhere, or a few frames either side of a minute's start
/// (where drop-frame skips labels) or of the day's end, where mistakes hide.
fn rate_and_frame() -> impl Strategy<Value = (FrameRate, u64)> {
    rate().prop_flat_map(|r| {
        let day = r.frames_per_day();
        let near_minute = (0..1440u64, -4i64..5).prop_map(move |(minute, offset)| {
            let start = super::timecode_to_frames(
                &Timecode::new(
                    (minute / 60) as u8,
                    (minute % 60) as u8,
                    0,
                    if minute.is_multiple_of(10) {
                        0
                    } else {
                        r.dropped_per_minute() as u8
                    },
                    r.is_drop_frame(),
                ),
                r,
            )
            .unwrap_or(0);
            (start as i64 + offset).rem_euclid(day as i64) as u64
        });
        let near_end = (1..200u64).prop_map(move |back| day - back);
        (Just(r), prop_oneof![0..day, near_minute, near_end])
    })
}

/// Any label with fields in range at a rate (some of them dropped at drop-frame rates).
fn rate_and_label() -> impl Strategy<Value = (FrameRate, Timecode)> {
    rate().prop_flat_map(|r| {
        let frames = u8::try_from(r.nominal_fps()).expect("under 256 fps");
        (Just(r), 0..24u8, 0..60u8, 0..60u8, 0..frames)
            .prop_map(|(r, h, m, s, f)| (r, Timecode::new(h, m, s, f, r.is_drop_frame())))
    })
}

fn is_dropped(tc: &Timecode, rate: FrameRate) -> bool {
    tc.seconds == 0
        && !tc.minutes.is_multiple_of(10)
        && u64::from(tc.frames) < rate.dropped_per_minute()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn any_text_is_parsed_or_refused_without_panic(text in ".{0,24}", r in rate()) {
        let _ = parse_timecode(&text, r);
        let _ = parse_value(&text, r);
        let _ = FrameRate::parse(&text);
    }

    #[test]
    fn timecode_shaped_text_is_parsed_or_refused_without_panic(
        text in "[0-9:;.,\\- ]{0,16}",
        r in rate(),
    ) {
        if let Ok(tc) = parse_timecode(&text, r) {
            // Whatever is accepted exists at the rate and has a frame number.
            prop_assert!(tc.validate(r).is_ok());
            prop_assert!(timecode_to_frames(&tc, r).is_ok());
        }
    }

    #[test]
    fn every_frame_round_trips_through_its_label((r, frame) in rate_and_frame()) {
        let tc = frames_to_timecode(frame, r);
        prop_assert_eq!(timecode_to_frames(&tc, r), Ok(frame), "{} at {}", tc, r);
        prop_assert_eq!(parse_timecode(&tc.to_string(), r), Ok(tc));
    }

    #[test]
    fn the_next_frame_has_the_next_label((r, frame) in rate_and_frame()) {
        // Counted independently of the formula: one frame later is one label later, skipping
        // exactly the labels drop-frame drops.
        prop_assume!(frame + 1 < r.frames_per_day());
        let now = frames_to_timecode(frame, r);
        let mut expected = now;
        loop {
            tick(&mut expected, r.nominal_fps());
            if !is_dropped(&expected, r) {
                break;
            }
        }
        prop_assert_eq!(frames_to_timecode(frame + 1, r), expected, "after {} at {}", now, r);
    }

    #[test]
    fn every_label_that_exists_round_trips_through_its_frame((r, tc) in rate_and_label()) {
        let parsed = parse_timecode(&tc.to_string(), r);
        if is_dropped(&tc, r) {
            prop_assert_eq!(
                parsed,
                Err(TimecodeError::DroppedLabel { timecode: tc, rate: r })
            );
            prop_assert!(timecode_to_frames(&tc, r).is_err(), "{} at {}", tc, r);
        } else {
            prop_assert_eq!(parsed, Ok(tc));
            let frame = timecode_to_frames(&tc, r);
            prop_assert!(frame.is_ok(), "{} at {}: {:?}", tc, r, frame);
            let frame = frame.unwrap_or_default();
            prop_assert!(frame < r.frames_per_day());
            prop_assert_eq!(frames_to_timecode(frame, r), tc);
        }
    }

    #[test]
    fn out_of_range_fields_are_refused(
        r in rate(),
        h in 0..100u8, m in 0..100u8, s in 0..100u8, f in 0..100u8,
    ) {
        let tc = Timecode::new(h, m, s, f, r.is_drop_frame());
        let in_range = h < 24 && m < 60 && s < 60 && u64::from(f) < r.nominal_fps();
        let text = tc.to_string();
        let parsed = parse_timecode(&text, r);
        prop_assert_eq!(parsed.is_ok(), in_range && !is_dropped(&tc, r), "{} at {}", text, r);
        // The other counting mode's label is refused, not read as this one.
        let other = Timecode { drop_frame: !tc.drop_frame, ..tc };
        prop_assert!(timecode_to_frames(&other, r).is_err());
    }
}
