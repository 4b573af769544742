//! Timecode labels: the `HH:MM:SS:FF` value, the names of its fields, and every error a
//! rate, label or frame number can have, worded for the player.

use std::fmt;

use super::FrameRate;
use serde::{Deserialize, Serialize};

/// One SMPTE label. `drop_frame` selects the `;` separator and must match
/// the rate it is used with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Timecode {
    pub hours: u8,
    pub minutes: u8,
    pub seconds: u8,
    pub frames: u8,
    pub drop_frame: bool,
}

impl Timecode {
    pub const fn new(hours: u8, minutes: u8, seconds: u8, frames: u8, drop_frame: bool) -> Self {
        Timecode {
            hours,
            minutes,
            seconds,
            frames,
            drop_frame,
        }
    }

    /// Checks that this label exists at `rate`: counting mode, field ranges,
    /// and (for drop-frame) that it is not one of the skipped labels.
    pub fn validate(&self, rate: FrameRate) -> Result<(), TimecodeError> {
        if self.drop_frame != rate.is_drop_frame() {
            return Err(TimecodeError::DropFrameMismatch {
                timecode: *self,
                rate,
            });
        }
        if self.hours >= 24 {
            return Err(TimecodeError::HoursOutOfRange { hours: self.hours });
        }
        if self.minutes >= 60 {
            return Err(TimecodeError::MinutesOutOfRange {
                minutes: self.minutes,
            });
        }
        if self.seconds >= 60 {
            return Err(TimecodeError::SecondsOutOfRange {
                seconds: self.seconds,
            });
        }
        if u64::from(self.frames) >= rate.nominal_fps() {
            return Err(TimecodeError::FramesOutOfRange {
                frames: self.frames,
                rate,
            });
        }
        if self.seconds == 0
            && !self.minutes.is_multiple_of(10)
            && u64::from(self.frames) < rate.dropped_per_minute()
        {
            return Err(TimecodeError::DroppedLabel {
                timecode: *self,
                rate,
            });
        }
        Ok(())
    }
}

impl fmt::Display for Timecode {
    /// `HH:MM:SS:FF`, or `HH:MM:SS;FF` for drop-frame.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sep = if self.drop_frame { ';' } else { ':' };
        write!(
            f,
            "{:02}:{:02}:{:02}{sep}{:02}",
            self.hours, self.minutes, self.seconds, self.frames
        )
    }
}

/// The four fields of a timecode, named in error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimecodeField {
    Hours,
    Minutes,
    Seconds,
    Frames,
}

impl fmt::Display for TimecodeField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimecodeField::Hours => "hours",
            TimecodeField::Minutes => "minutes",
            TimecodeField::Seconds => "seconds",
            TimecodeField::Frames => "frames",
        })
    }
}

/// Everything that can be wrong with a rate, timecode or frame number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimecodeError {
    /// Nothing but whitespace was given.
    Empty,
    /// The rate is not one of [`FrameRate::ALL`].
    UnknownRate {
        input: String,
    },
    /// Not four `:`/`;`-separated fields.
    FieldCount {
        input: String,
        found: usize,
    },
    /// A field is not exactly two ASCII digits.
    BadField {
        input: String,
        field: TimecodeField,
        text: String,
    },
    /// Something other than `:` between hours, minutes and seconds.
    BadSeparator {
        input: String,
        found: char,
    },
    /// `;` (or `.`/`,`) before the frames at a non-drop rate.
    DropSeparatorAtNonDropRate {
        input: String,
        found: char,
        rate: FrameRate,
    },
    HoursOutOfRange {
        hours: u8,
    },
    MinutesOutOfRange {
        minutes: u8,
    },
    SecondsOutOfRange {
        seconds: u8,
    },
    FramesOutOfRange {
        frames: u8,
        rate: FrameRate,
    },
    /// A label that drop-frame counting skips, e.g. `00:01:00;00`.
    DroppedLabel {
        timecode: Timecode,
        rate: FrameRate,
    },
    /// A [`Timecode`] whose `drop_frame` flag disagrees with the rate.
    DropFrameMismatch {
        timecode: Timecode,
        rate: FrameRate,
    },
    /// Neither a frame number nor a timecode.
    InvalidValue {
        input: String,
    },
    /// A frame number beyond `u64::MAX`.
    FrameNumberTooLarge {
        input: String,
    },
}

impl fmt::Display for TimecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimecodeError::Empty => {
                f.write_str("empty input: expected a frame number or a HH:MM:SS:FF timecode")
            }
            TimecodeError::UnknownRate { input } => {
                let valid: Vec<&str> = FrameRate::ALL.iter().map(|r| r.cli_name()).collect();
                write!(
                    f,
                    "unknown frame rate \"{input}\": valid rates are {}",
                    valid.join(", ")
                )
            }
            TimecodeError::FieldCount { input, found } => {
                let plural = if *found == 1 { "" } else { "s" };
                write!(
                    f,
                    "\"{input}\" has {found} field{plural}; a timecode has 4: HH:MM:SS:FF \
                     (HH:MM:SS;FF for drop-frame)"
                )
            }
            TimecodeError::BadField { input, field, text } => write!(
                f,
                "\"{input}\": {field} field \"{text}\" must be exactly two digits 0-9"
            ),
            TimecodeError::BadSeparator { input, found } => write!(
                f,
                "\"{input}\": expected ':' between hours, minutes and seconds, found '{found}'"
            ),
            TimecodeError::DropSeparatorAtNonDropRate { input, found, rate } => {
                write!(
                    f,
                    "\"{input}\": '{found}' before the frames marks drop-frame, but {rate} is \
                     non-drop-frame; write HH:MM:SS:FF"
                )?;
                match rate.drop_frame_sibling() {
                    Some(df) => write!(f, " (or use rate {} for drop-frame)", df.cli_name()),
                    None => Ok(()),
                }
            }
            TimecodeError::HoursOutOfRange { hours } => write!(
                f,
                "hours {hours:02} out of range: hours run 00–23 (timecode wraps at 24 hours)"
            ),
            TimecodeError::MinutesOutOfRange { minutes } => {
                write!(f, "minutes {minutes:02} out of range: minutes run 00–59")
            }
            TimecodeError::SecondsOutOfRange { seconds } => {
                write!(f, "seconds {seconds:02} out of range: seconds run 00–59")
            }
            TimecodeError::FramesOutOfRange { frames, rate } => write!(
                f,
                "frames {frames:02} out of range: at {rate} frames run 00–{:02}",
                rate.nominal_fps() - 1
            ),
            TimecodeError::DroppedLabel { timecode, rate } => {
                write_dropped_label(f, timecode, *rate)
            }
            TimecodeError::DropFrameMismatch { timecode, rate } => {
                if timecode.drop_frame {
                    write!(
                        f,
                        "{timecode} is marked drop-frame but {rate} is non-drop-frame"
                    )
                } else {
                    write!(
                        f,
                        "{timecode} is marked non-drop-frame but {rate} is drop-frame; \
                         drop-frame labels are written HH:MM:SS;FF"
                    )
                }
            }
            TimecodeError::InvalidValue { input } => write!(
                f,
                "\"{input}\" is neither a frame number nor a timecode: expected a whole number \
                 of frames such as 1800, or HH:MM:SS:FF (HH:MM:SS;FF for drop-frame)"
            ),
            TimecodeError::FrameNumberTooLarge { input } => write!(
                f,
                "frame number {input} is too large: the maximum is {}",
                u64::MAX
            ),
        }
    }
}

impl std::error::Error for TimecodeError {}

/// Why `timecode` does not exist at the drop-frame `rate`, naming the skipped labels and the
/// next label that does exist.
fn write_dropped_label(
    f: &mut fmt::Formatter<'_>,
    timecode: &Timecode,
    rate: FrameRate,
) -> fmt::Result {
    let dropped = rate.dropped_per_minute();
    let labels: Vec<String> = (0..dropped).map(|k| format!(";{k:02}")).collect();
    let listed = match labels.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => labels.concat(),
    };
    let next = Timecode {
        frames: u8::try_from(dropped).unwrap_or(0),
        ..*timecode
    };
    write!(
        f,
        "{timecode} does not exist in {} drop-frame: labels {listed} are skipped at \
         the start of each minute except every tenth minute (the next label is {next})",
        rate.decimal_label()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::stops::post::timecode::test_support::tc;
    use crate::stops::post::timecode::{field_u8, parse_timecode, timecode_to_frames};

    #[test]
    fn dropped_label_messages() {
        let err = parse_timecode("00:01:00;00", FrameRate::Df29_97).expect_err("dropped");
        assert_eq!(
            err.to_string(),
            "00:01:00;00 does not exist in 29.97 drop-frame: labels ;00 and ;01 are skipped at \
             the start of each minute except every tenth minute (the next label is 00:01:00;02)"
        );
        let err = parse_timecode("01:59:00;03", FrameRate::Df59_94).expect_err("dropped");
        assert_eq!(
            err.to_string(),
            "01:59:00;03 does not exist in 59.94 drop-frame: labels ;00, ;01, ;02 and ;03 are \
             skipped at the start of each minute except every tenth minute (the next label is \
             01:59:00;04)"
        );
    }

    #[test]
    fn out_of_range_fields_are_rejected() {
        for rate in FrameRate::ALL {
            let sep = if rate.is_drop_frame() { ';' } else { ':' };
            let nominal = rate.nominal_fps();
            let err = parse_timecode(&format!("00:00:10{sep}{nominal}"), rate).expect_err("ff");
            assert_eq!(
                err,
                TimecodeError::FramesOutOfRange {
                    frames: field_u8(nominal),
                    rate
                }
            );
            assert!(
                err.to_string()
                    .ends_with(&format!("frames run 00–{}", nominal - 1)),
                "{err}"
            );
            let last_ok = format!("00:00:10{sep}{}", nominal - 1);
            assert!(parse_timecode(&last_ok, rate).is_ok(), "{last_ok}");
            assert_eq!(
                parse_timecode(&format!("24:00:00{sep}00"), rate),
                Err(TimecodeError::HoursOutOfRange { hours: 24 })
            );
            assert_eq!(
                parse_timecode(&format!("99:00:00{sep}00"), rate),
                Err(TimecodeError::HoursOutOfRange { hours: 99 })
            );
            assert_eq!(
                parse_timecode(&format!("00:60:00{sep}00"), rate),
                Err(TimecodeError::MinutesOutOfRange { minutes: 60 })
            );
            assert_eq!(
                parse_timecode(&format!("00:00:60{sep}00"), rate),
                Err(TimecodeError::SecondsOutOfRange { seconds: 60 })
            );
            assert!(parse_timecode(&format!("23:59:59{sep}00"), rate).is_ok());
        }
        let err = parse_timecode("00:00:00;30", FrameRate::Df29_97).expect_err("ff");
        assert_eq!(
            err.to_string(),
            "frames 30 out of range: at 29.97 DF frames run 00–29"
        );
        let err = parse_timecode("00:00:00:24", FrameRate::Fps24).expect_err("ff");
        assert_eq!(
            err.to_string(),
            "frames 24 out of range: at 24 fps frames run 00–23"
        );
        let err = parse_timecode("24:00:00:00", FrameRate::Fps24).expect_err("hh");
        assert!(
            err.to_string().starts_with("hours 24 out of range"),
            "{err}"
        );
        let err = parse_timecode("00:61:00:00", FrameRate::Fps24).expect_err("mm");
        assert_eq!(
            err.to_string(),
            "minutes 61 out of range: minutes run 00–59"
        );
    }

    #[test]
    fn malformed_text_is_rejected() {
        let r = FrameRate::Fps30;
        assert_eq!(parse_timecode("", r), Err(TimecodeError::Empty));
        assert_eq!(parse_timecode("   ", r), Err(TimecodeError::Empty));
        for (text, found) in [
            ("00:00:00", 3),
            ("00:00:00:00:00", 5),
            ("1800", 1),
            ("00-00-00-00", 1),
        ] {
            assert_eq!(
                parse_timecode(text, r),
                Err(TimecodeError::FieldCount {
                    input: text.to_string(),
                    found
                })
            );
        }
        for (text, field, bad) in [
            ("aa:00:00:00", TimecodeField::Hours, "aa"),
            ("0:00:00:00", TimecodeField::Hours, "0"),
            ("000:00:00:00", TimecodeField::Hours, "000"),
            ("-1:00:00:00", TimecodeField::Hours, "-1"),
            ("00: 1:00:00", TimecodeField::Minutes, " 1"),
            ("00:00:+1:00", TimecodeField::Seconds, "+1"),
            ("00:00:00:0x", TimecodeField::Frames, "0x"),
            ("00:00:00:", TimecodeField::Frames, ""),
            ("00:00:00:٣٣", TimecodeField::Frames, "٣٣"),
        ] {
            assert_eq!(
                parse_timecode(text, r),
                Err(TimecodeError::BadField {
                    input: text.to_string(),
                    field,
                    text: bad.to_string()
                }),
                "{text}"
            );
        }
        let err = parse_timecode("00:00:00:0x", r).expect_err("bad");
        assert_eq!(
            err.to_string(),
            "\"00:00:00:0x\": frames field \"0x\" must be exactly two digits 0-9"
        );
        assert_eq!(
            parse_timecode("00;00:00:00", r),
            Err(TimecodeError::BadSeparator {
                input: "00;00:00:00".to_string(),
                found: ';'
            })
        );
        assert_eq!(
            parse_timecode("00:00.00;00", FrameRate::Df29_97),
            Err(TimecodeError::BadSeparator {
                input: "00:00.00;00".to_string(),
                found: '.'
            })
        );
        let err = parse_timecode("00:00:01;00", FrameRate::Ndf29_97).expect_err("ndf");
        assert_eq!(
            err,
            TimecodeError::DropSeparatorAtNonDropRate {
                input: "00:00:01;00".to_string(),
                found: ';',
                rate: FrameRate::Ndf29_97
            }
        );
        assert!(err.to_string().contains("use rate 29.97df"), "{err}");
        assert!(matches!(
            parse_timecode("00:00:01.00", FrameRate::Fps25),
            Err(TimecodeError::DropSeparatorAtNonDropRate { .. })
        ));
    }

    #[test]
    fn drop_frame_rates_accept_alternative_separators_and_print_semicolon() {
        for text in [
            "00:01:00;02",
            "00:01:00:02",
            "00:01:00.02",
            "00:01:00,02",
            " 00:01:00;02\n",
        ] {
            let parsed = tc(text, FrameRate::Df29_97);
            assert_eq!(parsed, Timecode::new(0, 1, 0, 2, true), "{text}");
            assert_eq!(parsed.to_string(), "00:01:00;02");
            assert_eq!(timecode_to_frames(&parsed, FrameRate::Df29_97), Ok(1800));
        }
        assert_eq!(
            tc("01:02:03:04", FrameRate::Fps25).to_string(),
            "01:02:03:04"
        );
    }

    #[test]
    fn drop_frame_flag_must_match_rate() {
        let ndf_label = Timecode::new(0, 1, 0, 2, false);
        let err = timecode_to_frames(&ndf_label, FrameRate::Df29_97).expect_err("mismatch");
        assert_eq!(
            err,
            TimecodeError::DropFrameMismatch {
                timecode: ndf_label,
                rate: FrameRate::Df29_97
            }
        );
        assert!(err.to_string().contains("marked non-drop-frame"), "{err}");
        let df_label = Timecode::new(0, 1, 0, 2, true);
        assert!(matches!(
            timecode_to_frames(&df_label, FrameRate::Fps30),
            Err(TimecodeError::DropFrameMismatch { .. })
        ));
    }
}
