//! Task (c): convert a cut list's labels from one frame rate to another, exactly as the
//! engine does, and check the player's conversion.

use super::{AnswerError, CutListTask, SpecError, parse_answer_timecode, parse_label, parse_rate};
use crate::stops::post::timecode::{self, FrameRate, Timecode};
use serde::{Deserialize, Serialize};

/// One cut, converted by the engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CutAnswer {
    pub name: String,
    pub in_from: Timecode,
    pub out_from: Timecode,
    pub in_to: Timecode,
    pub out_to: Timecode,
    pub in_frame_to: u64,
    pub out_frame_to: u64,
    /// Whether both points land exactly on a frame start at the new rate (no rounding).
    pub exact: bool,
}

/// The engine's verdict on one converted cut.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CutVerdict {
    pub in_correct: bool,
    pub out_correct: bool,
    pub correct: bool,
    pub message: String,
    pub hint: Option<String>,
}

impl CutListTask {
    pub fn rates(&self) -> Result<(FrameRate, FrameRate), SpecError> {
        Ok((
            parse_rate(&self.from, "cut_list.from")?,
            parse_rate(&self.to, "cut_list.to")?,
        ))
    }

    /// The label at `to` for a frame at `from` (see the module's conversion convention).
    fn convert(frame_from: u64, from: FrameRate, to: FrameRate) -> (u64, bool) {
        let frame_to = timecode::convert_frame(frame_from, to, from);
        let exact = timecode::frame_time_seconds(frame_to, to)
            == timecode::frame_time_seconds(frame_from, from);
        (frame_to, exact)
    }

    fn convert_cut(&self, index: usize) -> Result<CutAnswer, AnswerError> {
        let cut = self.cuts.get(index).ok_or(AnswerError::NoSuchCut {
            index,
            count: self.cuts.len(),
        })?;
        let (from, to) = self.rates()?;
        let (in_from, in_frame) =
            parse_label(&cut.in_tc, from, &format!("cut_list.cuts[{index}].in_tc"))?;
        let (out_from, out_frame) =
            parse_label(&cut.out_tc, from, &format!("cut_list.cuts[{index}].out_tc"))?;
        let (in_frame_to, in_exact) = Self::convert(in_frame, from, to);
        let (out_frame_to, out_exact) = Self::convert(out_frame, from, to);
        Ok(CutAnswer {
            name: cut.name.clone(),
            in_from,
            out_from,
            in_to: timecode::frames_to_timecode(in_frame_to, to),
            out_to: timecode::frames_to_timecode(out_frame_to, to),
            in_frame_to,
            out_frame_to,
            exact: in_exact && out_exact,
        })
    }

    /// Every cut converted, for teachers.
    pub fn answer_key(&self) -> Result<Vec<CutAnswer>, SpecError> {
        (0..self.cuts.len())
            .map(|i| {
                self.convert_cut(i).map_err(|e| match e {
                    AnswerError::Content(e) => e,
                    other => SpecError::new("cut_list.cuts", other.to_string()),
                })
            })
            .collect()
    }

    /// How to convert, without the answer.
    fn method(from: FrameRate, to: FrameRate) -> String {
        let (from_fps, to_fps) = (from.nominal_fps(), to.nominal_fps());
        let same_clock = from.fps_rational().1 == to.fps_rational().1
            && !from.is_drop_frame()
            && !to.is_drop_frame();
        if same_clock {
            format!(
                "A second is still a second: keep HH:MM:SS as they are and rescale only the \
                 frames, FF × {to_fps} ÷ {from_fps} (round down if it is not whole)."
            )
        } else {
            format!(
                "Turn the label into a frame count at {from}, multiply by the new rate and divide \
                 by the old one (round down), then write that frame count as a label at {to}."
            )
        }
    }

    /// Checks the player's converted in and out labels for cut `index` (at the `to` rate).
    pub fn check_cut(
        &self,
        index: usize,
        in_answer: &str,
        out_answer: &str,
    ) -> Result<CutVerdict, AnswerError> {
        let answer = self.convert_cut(index)?;
        let (from, to) = self.rates()?;
        let (in_given, in_frame) = parse_answer_timecode(in_answer, to)?;
        let (out_given, out_frame) = parse_answer_timecode(out_answer, to)?;
        let in_correct = in_frame == answer.in_frame_to;
        let out_correct = out_frame == answer.out_frame_to;
        let correct = in_correct && out_correct;
        let name = &answer.name;
        if correct {
            let rounding = if answer.exact {
                ""
            } else {
                " (rounded down to the frame on screen at that instant)"
            };
            return Ok(CutVerdict {
                in_correct,
                out_correct,
                correct,
                message: format!(
                    "Right: \"{name}\" {}–{} at {from} is {}–{} at {to}{rounding}.",
                    answer.in_from, answer.out_from, answer.in_to, answer.out_to
                ),
                hint: None,
            });
        }
        let wrong: Vec<&str> = [(in_correct, "in"), (out_correct, "out")]
            .iter()
            .filter(|(ok, _)| !ok)
            .map(|&(_, which)| which)
            .collect();
        let mut hint = Self::method(from, to);
        let copied = |given: &Timecode, original: &Timecode| {
            (given.hours, given.minutes, given.seconds, given.frames)
                == (
                    original.hours,
                    original.minutes,
                    original.seconds,
                    original.frames,
                )
        };
        if (!in_correct && copied(&in_given, &answer.in_from) && answer.in_from.frames != 0)
            || (!out_correct && copied(&out_given, &answer.out_from) && answer.out_from.frames != 0)
        {
            hint = format!(
                "The same digits mean a different moment at {to}: frame {:02} of a {} fps second \
                 is not frame {:02} of a {} fps second. {hint}",
                answer.in_from.frames.max(answer.out_from.frames),
                from.nominal_fps(),
                answer.in_from.frames.max(answer.out_from.frames),
                to.nominal_fps()
            );
        }
        Ok(CutVerdict {
            in_correct,
            out_correct,
            correct,
            message: format!(
                "\"{name}\": the {} point{} not right yet.",
                wrong.join(" and "),
                if wrong.len() == 1 { " is" } else { "s are" }
            ),
            hint: Some(hint),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::stops::post::model::CutSpec;

    #[test]
    fn rounding_cuts_are_marked() {
        let task = CutListTask {
            from: "24".into(),
            to: "30".into(),
            cuts: vec![CutSpec {
                name: "odd".into(),
                in_tc: "00:00:00:01".into(),
                out_tc: "00:00:01:00".into(),
            }],
        };
        let key = task.answer_key().expect("key");
        // 1/24 s falls inside 30 fps frame 1 (which started at 1/30 s): round down to :01.
        assert_eq!(key[0].in_to.to_string(), "00:00:00:01");
        assert!(!key[0].exact);
        let v = task.check_cut(0, "00:00:00:01", "00:00:01:00").expect("ok");
        assert!(
            v.correct && v.message.contains("rounded down"),
            "{}",
            v.message
        );
        // Drop-frame target: the method changes.
        let df = CutListTask {
            to: "29.97df".into(),
            ..task
        };
        let v = df.check_cut(0, "00:00:00;05", "00:00:01;00").expect("ok");
        assert!(!v.correct);
        assert!(v.hint.expect("hint").contains("frame count"));
    }
}
