//! Task (d): the drop-frame puzzle: how many frames short 29.97 falls of the clock, and
//! which labels drop-frame skips, both worked out by the engine.

use super::{AnswerError, DropFrameSpec, SpecError, parse_frame_count, parse_rate, plural};
use crate::stops::post::timecode::{self, FrameRate, Ratio, TimecodeError};
use serde::{Deserialize, Serialize};

/// One candidate label and what the engine says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelFact {
    pub label: String,
    /// Whether the label exists at the drop-frame rate ([`timecode::parse_timecode`] is `Ok`).
    pub exists: bool,
    /// Why, from the engine: its frame number, or the engine's "does not exist" message.
    pub explanation: String,
}

/// The drop-frame questions, generated from [`DropFrameSpec`] by the engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DropFramePuzzle {
    /// The drop-frame rate (e.g. 29.97 DF).
    pub rate: FrameRate,
    /// Its non-drop twin (e.g. 29.97 NDF): same frames, no skipped labels.
    pub non_drop: FrameRate,
    pub real_seconds: u32,
    /// Whole frames the camera delivers in `real_seconds`: floor(seconds × 30000/1001).
    pub frames_delivered: u64,
    /// Frames non-drop timecode needs to read `real_seconds`: nominal × seconds.
    pub nominal_frames: u64,
    /// `nominal_frames - frames_delivered`: 108 for an hour at 29.97.
    pub frames_short: u64,
    pub labels: Vec<LabelFact>,
}

/// The verdict on the "how many frames short" question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DropVerdict {
    pub correct: bool,
    pub message: String,
    pub hint: Option<String>,
}

/// Feedback on one label of the "which labels do not exist" question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelFeedback {
    pub label: String,
    pub exists: bool,
    pub selected: bool,
    /// Whether the player's choice for this label is right (selected exactly the skipped ones).
    pub right: bool,
    pub explanation: String,
}

/// The verdict on the "which labels do not exist" question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelsVerdict {
    pub correct: bool,
    pub message: String,
    pub hint: Option<String>,
    /// Per label, in the content's order. Show the explanations once the answer is right (or
    /// when the player gives up): on a wrong answer they would give it away.
    pub feedback: Vec<LabelFeedback>,
}

/// "`;00` and `;01`" (29.97) or "`;00`, `;01`, `;02` and `;03`" (59.94).
fn skipped_list(rate: FrameRate) -> String {
    let labels: Vec<String> = (0..rate.dropped_per_minute())
        .map(|k| format!(";{k:02}"))
        .collect();
    match labels.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => labels.concat(),
    }
}

impl DropFramePuzzle {
    pub fn from_spec(spec: &DropFrameSpec) -> Result<DropFramePuzzle, SpecError> {
        let rate = parse_rate(&spec.rate, "drop_frame.rate")?;
        let non_drop = match rate {
            FrameRate::Df29_97 => FrameRate::Ndf29_97,
            FrameRate::Df59_94 => FrameRate::Ndf59_94,
            other => {
                return Err(SpecError::new(
                    "drop_frame.rate",
                    format!("{other} is not a drop-frame rate: use \"29.97df\" or \"59.94df\""),
                ));
            }
        };
        if spec.real_seconds == 0 || spec.real_seconds > 86_400 {
            return Err(SpecError::new(
                "drop_frame.real_seconds",
                format!("{} s: use 1 to 86400 (one day)", spec.real_seconds),
            ));
        }
        let (num, den) = rate.fps_rational();
        let delivered = Ratio::new(
            u128::from(spec.real_seconds) * u128::from(num),
            u128::from(den),
        )
        .map_or(0, Ratio::floor);
        let frames_delivered = u64::try_from(delivered).unwrap_or(u64::MAX);
        let nominal_frames = rate.nominal_fps() * u64::from(spec.real_seconds);

        let mut labels = Vec::with_capacity(spec.candidate_labels.len());
        for (i, label) in spec.candidate_labels.iter().enumerate() {
            let field = format!("drop_frame.candidate_labels[{i}]");
            labels.push(Self::label_fact(label, rate, &field)?);
        }
        if labels.len() < 2 {
            return Err(SpecError::new(
                "drop_frame.candidate_labels",
                "list at least 2 labels",
            ));
        }
        if labels.iter().all(|l| l.exists) || labels.iter().all(|l| !l.exists) {
            return Err(SpecError::new(
                "drop_frame.candidate_labels",
                "mix labels that exist with labels drop-frame skips, or the question has no \
                 point",
            ));
        }
        Ok(DropFramePuzzle {
            rate,
            non_drop,
            real_seconds: spec.real_seconds,
            frames_delivered,
            nominal_frames,
            frames_short: nominal_frames.saturating_sub(frames_delivered),
            labels,
        })
    }

    fn label_fact(label: &str, rate: FrameRate, field: &str) -> Result<LabelFact, SpecError> {
        let text = label.trim().to_string();
        match timecode::parse_timecode(&text, rate) {
            Ok(tc) => {
                let frame = timecode::timecode_to_frames(&tc, rate)
                    .map_err(|e| SpecError::new(field, e.to_string()))?;
                let dropped = rate.dropped_per_minute();
                let why = if tc.seconds == 0 && u64::from(tc.frames) < dropped {
                    "every tenth minute keeps all its labels".to_string()
                } else if tc.seconds == 0 && u64::from(tc.frames) == dropped {
                    format!(
                        "it is the first label of its minute, right after the skipped {}",
                        skipped_list(rate)
                    )
                } else {
                    format!(
                        "only {} at second 00 of a minute are ever skipped",
                        skipped_list(rate)
                    )
                };
                Ok(LabelFact {
                    label: text.clone(),
                    exists: true,
                    explanation: format!("{tc} exists (frame {frame}): {why}."),
                })
            }
            Err(e @ TimecodeError::DroppedLabel { .. }) => Ok(LabelFact {
                label: text,
                exists: false,
                explanation: format!("{e}."),
            }),
            Err(e) => Err(SpecError::new(
                field,
                format!("\"{text}\" is not a {rate} label at all: {e}"),
            )),
        }
    }

    fn rate_name(&self) -> &'static str {
        self.non_drop.cli_name()
    }

    /// "29.97 fps runs 0.1% slow: after 3600 s of real time, how many frames short …?"
    pub fn frames_short_question(&self) -> String {
        let (num, den) = self.rate.fps_rational();
        format!(
            "{} fps is really {num}/{den} frames per second, about 0.1% slower than {}. After \
             {} s of real time, how many frames short of the clock would non-drop timecode be?",
            self.rate_name(),
            self.rate.nominal_fps(),
            self.real_seconds
        )
    }

    /// "Which of these labels do not exist in 29.97 drop-frame?"
    pub fn labels_question(&self) -> String {
        format!(
            "Which of these labels do not exist in {} drop-frame?",
            self.rate_name()
        )
    }

    /// Checks the number of frames short, typed as a whole number.
    pub fn check_frames_short(&self, answer: &str) -> Result<DropVerdict, AnswerError> {
        let given = parse_frame_count(answer)?;
        let fps = self.rate.nominal_fps();
        let (num, den) = self.rate.fps_rational();
        let seconds_short = Ratio::new(u128::from(self.frames_short), u128::from(fps))
            .map_or_else(String::new, |r| r.to_decimal_string(3));
        if given == self.frames_short {
            let ndf_label = timecode::frames_to_timecode(self.frames_delivered, self.non_drop);
            let df_label = timecode::frames_to_timecode(self.frames_delivered, self.rate);
            let label_count = (((u64::from(df_label.hours) * 60 + u64::from(df_label.minutes))
                * 60
                + u64::from(df_label.seconds))
                * fps)
                + u64::from(df_label.frames);
            let skipped = label_count.saturating_sub(self.frames_delivered);
            return Ok(DropVerdict {
                correct: true,
                message: format!(
                    "Right: in {} s the camera delivers {} whole frames ({} × {num}/{den}), but \
                     non-drop timecode needs {} to count that much time, so it reads {ndf_label}: \
                     {} ({seconds_short} s) behind the clock. Drop-frame skips {} label(s) a \
                     minute except every tenth minute, {skipped} in all, so it reads {df_label}.",
                    self.real_seconds,
                    self.frames_delivered,
                    self.real_seconds,
                    self.nominal_frames,
                    plural(self.frames_short, "frame", "frames"),
                    self.rate.dropped_per_minute(),
                ),
                hint: None,
            });
        }
        let direction = if given > self.frames_short {
            "too many"
        } else {
            "too few"
        };
        Ok(DropVerdict {
            correct: false,
            message: format!(
                "Not quite: {} is {direction}.",
                plural(given, "frame", "frames")
            ),
            hint: Some(format!(
                "Work out how many whole frames the camera really delivers in {} s ({} × \
                 {num} ÷ {den}, rounded down), then compare with the {} × {} frames non-drop \
                 timecode would have to count to show that much time.",
                self.real_seconds, self.real_seconds, fps, self.real_seconds
            )),
        })
    }

    /// Checks which labels the player marked as "does not exist" (indices into
    /// [`DropFramePuzzle::labels`]; order and repeats do not matter).
    pub fn check_missing_labels(&self, selected: &[usize]) -> Result<LabelsVerdict, AnswerError> {
        if let Some(&index) = selected.iter().find(|&&i| i >= self.labels.len()) {
            return Err(AnswerError::NoSuchLabel {
                index,
                count: self.labels.len(),
            });
        }
        let feedback: Vec<LabelFeedback> = self
            .labels
            .iter()
            .enumerate()
            .map(|(i, fact)| {
                let chosen = selected.contains(&i);
                LabelFeedback {
                    label: fact.label.clone(),
                    exists: fact.exists,
                    selected: chosen,
                    right: chosen != fact.exists,
                    explanation: fact.explanation.clone(),
                }
            })
            .collect();
        let wrong = feedback.iter().filter(|f| !f.right).count();
        let correct = wrong == 0;
        let skipped = skipped_list(self.rate);
        Ok(LabelsVerdict {
            correct,
            message: if correct {
                format!(
                    "Right: {} drop-frame skips {skipped} at the start of every minute except \
                     minutes 00, 10, 20, 30, 40 and 50.",
                    self.rate_name()
                )
            } else {
                format!(
                    "Not quite: {} of {} labels are sorted wrongly.",
                    wrong,
                    feedback.len()
                )
            },
            hint: (!correct).then(|| {
                format!(
                    "Drop-frame skips only the labels {skipped}, only at second 00, and never in \
                     a minute divisible by ten. Check each label's minutes, seconds and frames."
                )
            }),
            feedback,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::stops::post::model::test_support::{frame, spec};
    use crate::stops::post::timecode::parse_timecode;

    #[test]
    fn drop_frame_puzzle_follows_the_engine() {
        let spec = spec();
        let puzzle = DropFramePuzzle::from_spec(&spec.drop_frame).expect("puzzle");
        assert_eq!(puzzle.frames_delivered, 107_892);
        assert_eq!(puzzle.nominal_frames, 108_000);
        assert_eq!(puzzle.frames_short, 108);
        // DF's hour is exactly the frames delivered in an hour.
        assert_eq!(
            frame("01:00:00;00", FrameRate::Df29_97),
            puzzle.frames_delivered
        );
        for fact in &puzzle.labels {
            let engine = parse_timecode(&fact.label, FrameRate::Df29_97);
            assert_eq!(fact.exists, engine.is_ok(), "{}", fact.label);
            if let Err(e) = engine {
                assert!(matches!(e, TimecodeError::DroppedLabel { .. }));
                assert!(
                    fact.explanation.contains("does not exist"),
                    "{}",
                    fact.explanation
                );
            } else {
                assert!(
                    fact.explanation.contains("exists (frame "),
                    "{}",
                    fact.explanation
                );
            }
        }
        let by_label = |l: &str| {
            puzzle
                .labels
                .iter()
                .find(|f| f.label == l)
                .expect("label")
                .clone()
        };
        assert!(by_label("00:10:00;00").explanation.contains("tenth minute"));
        assert!(by_label("00:01:00;02").explanation.contains("frame 1800"));
        assert!(
            !by_label("00:20:00;01")
                .explanation
                .contains("does not exist")
        );
        assert!(puzzle.frames_short_question().contains("30000/1001"));
        assert!(puzzle.labels_question().contains("29.97 drop-frame"));

        // Other durations and 59.94 are computed, not remembered.
        let ten_minutes = DropFramePuzzle::from_spec(&DropFrameSpec {
            rate: "29.97df".into(),
            real_seconds: 600,
            candidate_labels: vec!["00:01:00;00".into(), "00:01:00;02".into()],
        })
        .expect("puzzle");
        assert_eq!(ten_minutes.frames_short, 18);
        let fast = DropFramePuzzle::from_spec(&DropFrameSpec {
            rate: "59.94df".into(),
            real_seconds: 3600,
            candidate_labels: vec!["00:01:00;03".into(), "00:01:00;04".into()],
        })
        .expect("puzzle");
        assert_eq!(fast.frames_short, 216);
        assert!(!fast.labels[0].exists && fast.labels[1].exists);
        let v = fast.check_missing_labels(&[0, 0]).expect("ok");
        assert!(
            v.correct && v.message.contains(";00, ;01, ;02 and ;03"),
            "{}",
            v.message
        );
    }
}
