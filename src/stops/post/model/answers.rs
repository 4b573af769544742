//! Reading what the player types: the errors that are typos rather than wrong answers, and
//! the small helpers every task's checks share.

use std::fmt;

use super::SpecError;
use crate::stops::post::timecode::{self, FrameRate, Ratio, Timecode, TimecodeError};
use serde::{Deserialize, Serialize};

/// A typed answer that could not be read; it is a typo, not a wrong answer, so it never costs
/// a star.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerError {
    /// Nothing was typed.
    Empty,
    /// Frames are whole numbers ("abc", "2.5", "-3").
    NotAWholeNumber {
        input: String,
    },
    NumberTooLarge {
        input: String,
    },
    /// Not a timecode at the task's rate.
    BadTimecode {
        input: String,
        error: TimecodeError,
    },
    /// Neither a timecode nor "seconds + frames".
    BadDuration {
        input: String,
        reason: String,
    },
    NoSuchCut {
        index: usize,
        count: usize,
    },
    NoSuchLabel {
        index: usize,
        count: usize,
    },
    NoSuchClip {
        index: usize,
        count: usize,
    },
    /// The level content itself is broken (only possible with unvalidated content).
    Content(SpecError),
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::Empty => f.write_str("type an answer first"),
            AnswerError::NotAWholeNumber { input } => write!(
                f,
                "\"{input}\" is not a whole number of frames: frames are counted 0, 1, 2, … \
                 (if you worked out seconds, turn them into frames)"
            ),
            AnswerError::NumberTooLarge { input } => {
                write!(f, "{input} is far too many frames for this shot")
            }
            AnswerError::BadTimecode { input, error } => {
                write!(f, "\"{input}\" is not a timecode here: {error}")
            }
            AnswerError::BadDuration { input, reason } => write!(
                f,
                "\"{input}\" is not a duration: {reason}. Write a timecode such as \
                 00:00:01:05, or seconds and frames such as 1s 5f"
            ),
            AnswerError::NoSuchCut { index, count } => {
                write!(
                    f,
                    "there is no cut {index}: the list has {count} cuts (0–{})",
                    count.saturating_sub(1)
                )
            }
            AnswerError::NoSuchLabel { index, count } => write!(
                f,
                "there is no label {index}: the puzzle has {count} labels (0–{})",
                count.saturating_sub(1)
            ),
            AnswerError::NoSuchClip { index, count } => write!(
                f,
                "there is no clip {index}: the task has {count} clips (0–{})",
                count.saturating_sub(1)
            ),
            AnswerError::Content(e) => write!(f, "the level content is broken: {e}"),
        }
    }
}

impl std::error::Error for AnswerError {}

impl From<SpecError> for AnswerError {
    fn from(e: SpecError) -> Self {
        AnswerError::Content(e)
    }
}

/// Reads a whole number of frames: `60`, `60f`, `60 frames` (any case, spaces ignored).
pub fn parse_frame_count(answer: &str) -> Result<u64, AnswerError> {
    let text = answer.trim();
    if text.is_empty() {
        return Err(AnswerError::Empty);
    }
    let lower = text.to_ascii_lowercase();
    let number = ["frames", "frame", "f"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .unwrap_or(&lower)
        .trim();
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AnswerError::NotAWholeNumber {
            input: text.to_string(),
        });
    }
    number.parse().map_err(|_| AnswerError::NumberTooLarge {
        input: text.to_string(),
    })
}

pub(super) fn parse_answer_timecode(
    answer: &str,
    rate: FrameRate,
) -> Result<(Timecode, u64), AnswerError> {
    let text = answer.trim();
    if text.is_empty() {
        return Err(AnswerError::Empty);
    }
    let bad = |error| AnswerError::BadTimecode {
        input: text.to_string(),
        error,
    };
    let tc = timecode::parse_timecode(text, rate).map_err(bad)?;
    let frame = timecode::timecode_to_frames(&tc, rate).map_err(bad)?;
    Ok((tc, frame))
}

pub(super) fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The digits of a label read as one decimal number, e.g. 01:00:12:12 → 1001212: the classic
/// mistake of subtracting timecodes as if they were decimals.
pub(super) fn decimal_reading(tc: &Timecode) -> u64 {
    ((u64::from(tc.hours) * 100 + u64::from(tc.minutes)) * 100 + u64::from(tc.seconds)) * 100
        + u64::from(tc.frames)
}

/// `n/d` rounded to the nearest whole number (halves up).
pub(super) fn round_ratio(r: Ratio) -> u128 {
    (r.num() * 2 + r.den()) / (r.den() * 2)
}
