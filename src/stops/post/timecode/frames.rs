//! Frame numbers and labels, both ways: the drop-frame formula of ST 12-1, and reading
//! labels and values typed as text.

use super::{FrameRate, Timecode, TimecodeError, TimecodeField};
use serde::{Deserialize, Serialize};

/// Narrows a value below 60 by construction (one timecode field).
pub(super) fn field_u8(value: u64) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}

/// The label shown on `frame` (counted from 0 at `00:00:00:00`), wrapping
/// at 24 hours.
///
/// Drop-frame follows ST 12-1: each ten-minute block has
/// `nominal*600 - 9*D` frames; its first minute keeps all labels and the
/// other nine skip the first `D`. Adding back the skipped labels turns the
/// frame count into a plain label count. With `D = 0` this is the ordinary
/// non-drop division, so one code path serves every rate.
pub fn frames_to_timecode(frame: u64, rate: FrameRate) -> Timecode {
    let nominal = rate.nominal_fps();
    let drop = rate.dropped_per_minute();
    let per_ten = rate.frames_per_ten_minutes();
    let per_dropped_minute = nominal * 60 - drop;

    let frame = frame % rate.frames_per_day();
    let blocks = frame / per_ten;
    let rest = frame % per_ten;
    let skipped_in_block = if rest < drop {
        0
    } else {
        drop * ((rest - drop) / per_dropped_minute)
    };
    let label = frame + 9 * drop * blocks + skipped_in_block;

    let total_seconds = label / nominal;
    Timecode {
        hours: field_u8(total_seconds / 3600),
        minutes: field_u8(total_seconds / 60 % 60),
        seconds: field_u8(total_seconds % 60),
        frames: field_u8(label % nominal),
        drop_frame: rate.is_drop_frame(),
    }
}

/// The frame number of a label, after checking it exists at `rate`.
///
/// Drop-frame: `label_count - D * (total_minutes - total_minutes / 10)`,
/// i.e. `D` labels skipped in every minute except each tenth.
pub fn timecode_to_frames(timecode: &Timecode, rate: FrameRate) -> Result<u64, TimecodeError> {
    timecode.validate(rate)?;
    let total_minutes = 60 * u64::from(timecode.hours) + u64::from(timecode.minutes);
    let label = (total_minutes * 60 + u64::from(timecode.seconds)) * rate.nominal_fps()
        + u64::from(timecode.frames);
    Ok(label - rate.dropped_per_minute() * (total_minutes - total_minutes / 10))
}

/// Separators recognised while splitting; which are legal where is checked
/// afterwards so the error can say exactly what is wrong.
const SEPARATORS: [char; 4] = [':', ';', '.', ','];

/// Parses `HH:MM:SS:FF` (surrounding whitespace ignored).
///
/// Hours, minutes and seconds are separated by `:`. Before the frames,
/// drop-frame rates accept `;` (canonical) and also `:`, `.` or `,`;
/// non-drop rates accept only `:`. The result carries the rate's
/// drop-frame flag and is validated with [`Timecode::validate`].
pub fn parse_timecode(input: &str, rate: FrameRate) -> Result<Timecode, TimecodeError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(TimecodeError::Empty);
    }
    let fields: Vec<&str> = text.split(SEPARATORS).collect();
    if fields.len() != 4 {
        return Err(TimecodeError::FieldCount {
            input: text.to_string(),
            found: fields.len(),
        });
    }
    let separators: Vec<char> = text.chars().filter(|c| SEPARATORS.contains(c)).collect();
    if let Some(&found) = separators[..2].iter().find(|&&c| c != ':') {
        return Err(TimecodeError::BadSeparator {
            input: text.to_string(),
            found,
        });
    }
    let before_frames = separators[2];
    if before_frames != ':' && !rate.is_drop_frame() {
        return Err(TimecodeError::DropSeparatorAtNonDropRate {
            input: text.to_string(),
            found: before_frames,
            rate,
        });
    }
    let timecode = Timecode {
        hours: two_digits(text, fields[0], TimecodeField::Hours)?,
        minutes: two_digits(text, fields[1], TimecodeField::Minutes)?,
        seconds: two_digits(text, fields[2], TimecodeField::Seconds)?,
        frames: two_digits(text, fields[3], TimecodeField::Frames)?,
        drop_frame: rate.is_drop_frame(),
    };
    timecode.validate(rate)?;
    Ok(timecode)
}

fn two_digits(input: &str, text: &str, field: TimecodeField) -> Result<u8, TimecodeError> {
    match text.as_bytes() {
        [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => Ok((tens - b'0') * 10 + (ones - b'0')),
        _ => Err(TimecodeError::BadField {
            input: input.to_string(),
            field,
            text: text.to_string(),
        }),
    }
}

/// A CLI value: a frame number or a timecode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Value {
    Frame(u64),
    Timecode(Timecode),
}

/// A bare non-negative integer is a frame number; anything containing `:`
/// or `;` is a timecode (parsed by [`parse_timecode`]); the rest is an error.
pub fn parse_value(input: &str, rate: FrameRate) -> Result<Value, TimecodeError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(TimecodeError::Empty);
    }
    if text.contains([':', ';']) {
        return parse_timecode(text, rate).map(Value::Timecode);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TimecodeError::InvalidValue {
            input: text.to_string(),
        });
    }
    text.parse::<u64>()
        .map(Value::Frame)
        .map_err(|_| TimecodeError::FrameNumberTooLarge {
            input: text.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::stops::post::timecode::test_support::{check_vector, tick};

    #[test]
    fn drop_frame_2997_vectors() {
        let r = FrameRate::Df29_97;
        check_vector(r, 0, "00:00:00;00");
        check_vector(r, 29, "00:00:00;29");
        check_vector(r, 30, "00:00:01;00");
        check_vector(r, 1799, "00:00:59;29");
        check_vector(r, 1800, "00:01:00;02");
        check_vector(r, 1801, "00:01:00;03");
        check_vector(r, 3597, "00:01:59;29");
        check_vector(r, 3598, "00:02:00;02");
        check_vector(r, 17_981, "00:09:59;29");
        check_vector(r, 17_982, "00:10:00;00");
        check_vector(r, 17_983, "00:10:00;01");
        check_vector(r, 19_781, "00:10:59;29");
        check_vector(r, 19_782, "00:11:00;02");
        check_vector(r, 107_892, "01:00:00;00");
        check_vector(r, 2_589_407, "23:59:59;29");
    }

    #[test]
    fn drop_frame_5994_vectors() {
        let r = FrameRate::Df59_94;
        check_vector(r, 0, "00:00:00;00");
        check_vector(r, 3599, "00:00:59;59");
        check_vector(r, 3600, "00:01:00;04");
        check_vector(r, 3601, "00:01:00;05");
        check_vector(r, 7195, "00:01:59;59");
        check_vector(r, 7196, "00:02:00;04");
        check_vector(r, 35_964, "00:10:00;00");
        check_vector(r, 35_967, "00:10:00;03");
        check_vector(r, 215_784, "01:00:00;00");
        check_vector(r, 5_178_815, "23:59:59;59");
    }

    #[test]
    fn non_drop_vectors() {
        check_vector(FrameRate::Fps23_976, 24, "00:00:01:00");
        check_vector(FrameRate::Fps23_976, 86_399, "00:59:59:23");
        check_vector(FrameRate::Fps24, 86_400, "01:00:00:00");
        check_vector(FrameRate::Fps24, 2_073_599, "23:59:59:23");
        check_vector(FrameRate::Fps25, 1_499, "00:00:59:24");
        check_vector(FrameRate::Fps25, 90_000, "01:00:00:00");
        check_vector(FrameRate::Ndf29_97, 1800, "00:01:00:00");
        // NDF at 29.97 drifts: an hour of frames is labelled 00:59:56:12.
        check_vector(FrameRate::Ndf29_97, 107_892, "00:59:56:12");
        check_vector(FrameRate::Fps30, 108_000, "01:00:00:00");
        check_vector(FrameRate::Fps30, 1_234_567, "11:25:52:07");
        check_vector(FrameRate::Fps50, 180_000, "01:00:00:00");
        check_vector(FrameRate::Fps50, 49, "00:00:00:49");
        check_vector(FrameRate::Ndf59_94, 3600, "00:01:00:00");
        check_vector(FrameRate::Fps60, 5_183_999, "23:59:59:59");
    }

    #[test]
    fn every_rate_wraps_at_24_hours() {
        for rate in FrameRate::ALL {
            let day = rate.frames_per_day();
            let zero = Timecode::new(0, 0, 0, 0, rate.is_drop_frame());
            assert_eq!(frames_to_timecode(day, rate), zero, "{rate}");
            assert_eq!(
                frames_to_timecode(day * 3 + 5, rate),
                frames_to_timecode(5, rate),
                "{rate}"
            );
            let last = frames_to_timecode(day - 1, rate);
            let last_frame = field_u8(rate.nominal_fps() - 1);
            assert_eq!(
                last,
                Timecode::new(23, 59, 59, last_frame, rate.is_drop_frame()),
                "{rate}"
            );
            assert_eq!(timecode_to_frames(&last, rate), Ok(day - 1), "{rate}");
            assert_eq!(
                frames_to_timecode(u64::MAX, rate),
                frames_to_timecode(u64::MAX % day, rate)
            );
        }
    }

    /// Independent derivation: walk every label of a day like a tape
    /// counter (tick frames, carry into seconds/minutes/hours, skip dropped
    /// labels) and require the formula to agree on every frame both ways.
    #[test]
    fn brute_force_counter_agrees_with_formula_every_frame_of_a_day() {
        for rate in FrameRate::ALL {
            let dropped = field_u8(rate.dropped_per_minute());
            let df = rate.is_drop_frame();
            let mut label = Timecode::new(0, 0, 0, 0, df);
            let mut frame = 0u64;
            loop {
                assert_eq!(
                    frames_to_timecode(frame, rate),
                    label,
                    "frame {frame} at {rate}"
                );
                assert_eq!(
                    timecode_to_frames(&label, rate),
                    Ok(frame),
                    "{label} at {rate}"
                );
                frame += 1;
                tick(&mut label, rate.nominal_fps());
                if label.seconds == 0 && label.frames == 0 && !label.minutes.is_multiple_of(10) {
                    label.frames = dropped;
                }
                if label == Timecode::new(0, 0, 0, 0, df) {
                    break;
                }
            }
            assert_eq!(frame, rate.frames_per_day(), "{rate}");
        }
    }

    #[test]
    fn every_dropped_label_is_rejected_and_its_neighbours_accepted() {
        for rate in [FrameRate::Df29_97, FrameRate::Df59_94] {
            let dropped = field_u8(rate.dropped_per_minute());
            for hours in 0..24u8 {
                for minutes in 0..60u8 {
                    if minutes.is_multiple_of(10) {
                        let kept = Timecode::new(hours, minutes, 0, 0, true);
                        assert!(timecode_to_frames(&kept, rate).is_ok(), "{kept}");
                        continue;
                    }
                    for frames in 0..dropped {
                        let label = Timecode::new(hours, minutes, 0, frames, true);
                        let expected = TimecodeError::DroppedLabel {
                            timecode: label,
                            rate,
                        };
                        assert_eq!(timecode_to_frames(&label, rate), Err(expected.clone()));
                        assert_eq!(parse_timecode(&label.to_string(), rate), Err(expected));
                    }
                    let first = Timecode::new(hours, minutes, 0, dropped, true);
                    assert!(timecode_to_frames(&first, rate).is_ok(), "{first}");
                }
            }
        }
    }

    #[test]
    fn values_are_frame_numbers_or_timecodes() {
        let r = FrameRate::Df29_97;
        assert_eq!(parse_value("1800", r), Ok(Value::Frame(1800)));
        assert_eq!(parse_value(" 0 ", r), Ok(Value::Frame(0)));
        assert_eq!(
            parse_value("00:01:00;02", r),
            Ok(Value::Timecode(Timecode::new(0, 1, 0, 2, true)))
        );
        assert_eq!(parse_value("", r), Err(TimecodeError::Empty));
        for bad in ["-5", "1.5", "12a", "+3", "1e3", "one"] {
            assert_eq!(
                parse_value(bad, r),
                Err(TimecodeError::InvalidValue {
                    input: bad.to_string()
                }),
                "{bad}"
            );
        }
        assert!(matches!(
            parse_value("99999999999999999999999", r),
            Err(TimecodeError::FrameNumberTooLarge { .. })
        ));
        assert_eq!(
            parse_value("18446744073709551615", r),
            Ok(Value::Frame(u64::MAX))
        );
        assert!(matches!(
            parse_value("00:01:00;00", r),
            Err(TimecodeError::DroppedLabel { .. })
        ));
    }
}
