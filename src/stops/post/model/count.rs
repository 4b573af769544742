//! Task (b): count the frames between an in and an out point and write the duration, with
//! hints that name the usual mistakes.

use super::{
    AnswerError, CountTask, SpecError, decimal_reading, parse_answer_timecode, parse_frame_count,
    parse_label, parse_rate, plural,
};
use crate::stops::post::timecode::{self, FrameRate, Timecode};
use serde::{Deserialize, Serialize};

/// The engine's verdict on a frame count or a duration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountVerdict {
    pub correct: bool,
    /// The answer as read, in frames.
    pub answer_frames: u64,
    /// Right: the worked method with numbers. Wrong: what is off, without the answer.
    pub message: String,
    /// For wrong answers: the method, and the likely mistake if one is recognised.
    pub hint: Option<String>,
}

/// A label and its frame number.
type LabelPoint = (Timecode, u64);

impl CountTask {
    pub fn frame_rate(&self) -> Result<FrameRate, SpecError> {
        parse_rate(&self.rate, "count.rate")
    }

    fn points(&self) -> Result<(FrameRate, LabelPoint, LabelPoint), SpecError> {
        let rate = self.frame_rate()?;
        let in_point = parse_label(&self.in_tc, rate, "count.in_tc")?;
        let out_point = parse_label(&self.out_tc, rate, "count.out_tc")?;
        Ok((rate, in_point, out_point))
    }

    /// Frames in the shot: `out - in` (exclusive out) or `out - in + 1` (inclusive).
    pub fn expected_frames(&self) -> Result<u64, SpecError> {
        let (_, (_, in_frame), (_, out_frame)) = self.points()?;
        let extra = u64::from(!self.out_is_exclusive);
        if out_frame + extra <= in_frame {
            return Err(SpecError::new(
                "count.out_tc",
                format!(
                    "{} is not after in_tc {}: the shot would have no frames",
                    self.out_tc.trim(),
                    self.in_tc.trim()
                ),
            ));
        }
        Ok(out_frame + extra - in_frame)
    }

    /// The duration written as a timecode (frames from 00:00:00:00).
    pub fn expected_duration(&self) -> Result<Timecode, SpecError> {
        Ok(timecode::frames_to_timecode(
            self.expected_frames()?,
            self.frame_rate()?,
        ))
    }

    /// How to count, without the answer.
    fn method(&self, rate: FrameRate) -> String {
        let fps = rate.nominal_fps();
        let out_rule = if self.out_is_exclusive {
            "The out point is exclusive (the first frame after the shot), so don't add 1."
        } else {
            "Here the out point is the shot's last frame, so add 1 to include it."
        };
        format!(
            "Turn each timecode into frames: ((HH × 60 + MM) × 60 + SS) × {fps} + FF (seconds \
             and minutes count to 60, frames to {fps}). Then subtract the in point from the \
             out point. {out_rule}"
        )
    }

    /// Checks a typed frame count such as "60" against the engine.
    pub fn check_count(&self, answer_frames: &str) -> Result<CountVerdict, AnswerError> {
        let answer = parse_frame_count(answer_frames)?;
        let (rate, (in_tc, _), (out_tc, _)) = self.points()?;
        let expected = self.expected_frames()?;
        if answer == expected {
            let duration = timecode::frames_to_timecode(expected, rate);
            return Ok(CountVerdict {
                correct: true,
                answer_frames: answer,
                message: format!(
                    "Right: {out_tc} − {in_tc} is {} at {rate} ({duration} as a duration).",
                    plural(expected, "frame", "frames")
                ),
                hint: None,
            });
        }
        let fps = rate.nominal_fps();
        let mut mistakes = Vec::new();
        let extra = u64::from(!self.out_is_exclusive);
        if self.out_is_exclusive && answer == expected + 1 {
            mistakes.push(
                "You counted the out frame too: it is the first frame *after* the shot."
                    .to_string(),
            );
        }
        if !self.out_is_exclusive && answer + 1 == expected {
            mistakes.push(
                "You left out the last frame: here the out point is part of the shot.".to_string(),
            );
        }
        let decimal = decimal_reading(&out_tc)
            .checked_sub(decimal_reading(&in_tc))
            .map(|d| d + extra);
        if decimal == Some(answer) {
            mistakes.push(format!(
                "Timecode is not a decimal number: you can't subtract the digits directly, \
                 because seconds roll over at 60 and frames at {fps}."
            ));
        }
        let seconds = expected / fps;
        let frames = expected % fps;
        for other in [24, 25, 30] {
            if other != fps && answer == seconds * other + frames {
                mistakes.push(format!("Each second here has {fps} frames, not {other}."));
            }
        }
        if seconds > 0 && answer == seconds && frames > 0 {
            mistakes.push("That counts whole seconds; the answer is in frames.".to_string());
        }
        let direction = if answer > expected {
            "too many"
        } else {
            "too few"
        };
        let mut hint = self.method(rate);
        for mistake in mistakes {
            hint = format!("{mistake} {hint}");
        }
        Ok(CountVerdict {
            correct: false,
            answer_frames: answer,
            message: format!(
                "Not quite: {} is {direction} for {in_tc} to {out_tc}.",
                plural(answer, "frame", "frames")
            ),
            hint: Some(hint),
        })
    }

    /// Checks a typed duration: a timecode ("00:00:02:12") or seconds and frames ("2s 12f",
    /// "2 seconds 12 frames", "2+12").
    pub fn check_duration(&self, answer: &str) -> Result<CountVerdict, AnswerError> {
        let rate = self.frame_rate()?;
        let answer_frames = parse_duration(answer, rate)?;
        let expected = self.expected_frames()?;
        let fps = rate.nominal_fps();
        let shown = timecode::frames_to_timecode(answer_frames, rate);
        if answer_frames == expected {
            return Ok(CountVerdict {
                correct: true,
                answer_frames,
                message: format!(
                    "Right: {} is {} s {} f, written {shown}.",
                    plural(expected, "frame", "frames"),
                    expected / fps,
                    expected % fps
                ),
                hint: None,
            });
        }
        let direction = if answer_frames > expected {
            "too long"
        } else {
            "too short"
        };
        let mut hint = format!(
            "Count the frames first. Then divide by {fps}: the whole part is the seconds (carry \
             every 60 seconds into a minute), the remainder is the frames."
        );
        if answer_frames == expected + 1 && self.out_is_exclusive {
            hint = format!("One frame too many: the out point is exclusive. {hint}");
        }
        Ok(CountVerdict {
            correct: false,
            answer_frames,
            message: format!("Not quite: {shown} is {direction}."),
            hint: Some(hint),
        })
    }
}

/// Reads a duration at `rate` as frames: a timecode, or seconds and frames ("2s 12f", "2+12",
/// "2 seconds 12 frames", "2s").
pub fn parse_duration(answer: &str, rate: FrameRate) -> Result<u64, AnswerError> {
    let text = answer.trim();
    if text.is_empty() {
        return Err(AnswerError::Empty);
    }
    if text.contains([':', ';']) {
        return parse_answer_timecode(text, rate).map(|(_, frames)| frames);
    }
    let bad = |reason: String| AnswerError::BadDuration {
        input: text.to_string(),
        reason,
    };
    let compact: String = text
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<String>()
        .replace("seconds", "s")
        .replace("second", "s")
        .replace("secs", "s")
        .replace("sec", "s")
        .replace("frames", "f")
        .replace("frame", "f");
    let (seconds, frames) = if let Some((s, f)) = compact.split_once('+') {
        (s.trim_end_matches('s'), f.trim_end_matches('f'))
    } else if let Some((s, f)) = compact.split_once('s') {
        (s, f.trim_end_matches('f'))
    } else {
        return Err(bad("it has no seconds (s) or timecode".to_string()));
    };
    let number = |part: &str, what: &str| -> Result<u64, AnswerError> {
        if part.is_empty() {
            return Ok(0);
        }
        if !part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(format!("the {what} \"{part}\" must be a whole number")));
        }
        part.parse()
            .map_err(|_| bad(format!("the {what} \"{part}\" is far too large")))
    };
    let seconds = number(seconds, "seconds")?;
    let frames = number(frames, "frames")?;
    let fps = rate.nominal_fps();
    if frames >= fps {
        return Err(bad(format!(
            "{frames} frames is a second or more: at {rate} frames run 0–{}",
            fps - 1
        )));
    }
    seconds
        .checked_mul(fps)
        .and_then(|f| f.checked_add(frames))
        .ok_or_else(|| bad("far too long".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inclusive_out_points_count_the_last_frame() {
        let task = CountTask {
            rate: "25".into(),
            in_tc: "00:00:01:00".into(),
            out_tc: "00:00:01:24".into(),
            out_is_exclusive: false,
        };
        assert_eq!(task.expected_frames(), Ok(25));
        assert!(task.check_count("25").expect("ok").correct);
        assert!(task.check_duration("00:00:01:00").expect("ok").correct);
        let hint = task.check_count("24").expect("ok").hint.expect("hint");
        assert!(hint.contains("left out the last frame"), "{hint}");
    }
}
