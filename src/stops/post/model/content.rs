//! Stop 3's content: the shape of `assets/post.ron`, its loading and validation, and the
//! answer key the engine computes from it for teachers.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{
    BUNDLED_POST_PRODUCTION, CutAnswer, DropFramePuzzle, LateClipTask, POST_PRODUCTION_FILE,
    SyncState,
};
use crate::stops::post::timecode::{self, FrameRate, Timecode};
use crate::tour::model::content::{ContentError, ContentFile, parse_and_check};

/// The whole level, as written in `assets/post.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostLevelSpec {
    pub sync: SyncTask,
    /// A file written before the task existed gets the standard clips (0, 1, 2, 3 frames).
    #[serde(default)]
    pub late_clip: LateClipTask,
    pub count: CountTask,
    pub cut_list: CutListTask,
    pub drop_frame: DropFrameSpec,
}

/// (a) Sync a door slam to the picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncTask {
    /// Frame rate of the clip, as [`FrameRate::parse`] spells it ("24", "29.97df", …).
    pub rate: String,
    /// Length of the clip in frames (96 at 24 fps is 4 s).
    pub clip_frames: u32,
    /// The picture frame (from 0) on which the door shuts.
    pub door_closes_at_frame: u32,
    /// Where the slam sound starts before the player moves it.
    pub slam_starts_at_frame: i32,
    /// Seed of the synthesised door and room tone.
    #[serde(default)]
    pub seed: u64,
}

/// (b) Count the frames of a shot and write its duration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountTask {
    pub rate: String,
    /// First frame of the shot.
    pub in_tc: String,
    /// First frame after the shot when `out_is_exclusive` (the usual edit-list convention).
    pub out_tc: String,
    #[serde(default = "yes")]
    pub out_is_exclusive: bool,
}

fn yes() -> bool {
    true
}

/// (c) Convert a cut list from one rate to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CutListTask {
    pub from: String,
    pub to: String,
    pub cuts: Vec<CutSpec>,
}

/// One shot of the cut list, with labels at the `from` rate; `out_tc` is exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CutSpec {
    pub name: String,
    pub in_tc: String,
    pub out_tc: String,
}

/// (d) The drop-frame puzzle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DropFrameSpec {
    /// A drop-frame rate: "29.97df" or "59.94df".
    pub rate: String,
    /// Real time for the "how many frames short" question, in seconds (3600 = one hour).
    pub real_seconds: u32,
    /// Labels the player sorts into "exists" and "skipped"; the engine decides which is which.
    pub candidate_labels: Vec<String>,
}

/// A problem with one field of the content, e.g. `cut_list.cuts[1].out_tc`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecError {
    pub field: String,
    pub message: String,
}

impl SpecError {
    pub(super) fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for SpecError {}

/// Why the content file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PostSpecError {
    /// Not valid RON, or not the shape of [`PostLevelSpec`]; line and column are 1-based.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid RON whose values do not make a playable level.
    Invalid(Vec<SpecError>),
}

impl fmt::Display for PostSpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PostSpecError::Syntax {
                line,
                column,
                message,
            } => write!(f, "{POST_PRODUCTION_FILE}:{line}:{column}: {message}"),
            PostSpecError::Invalid(errors) => {
                write!(f, "{POST_PRODUCTION_FILE} is not a playable level:")?;
                for error in errors {
                    write!(f, "\n  {error}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for PostSpecError {}

/// Parses and validates the content file's text.
pub fn load_spec(text: &str) -> Result<PostLevelSpec, PostSpecError> {
    let spec: PostLevelSpec =
        ron::Options::default()
            .from_str(text)
            .map_err(|e: ron::error::SpannedError| PostSpecError::Syntax {
                line: e.span.start.line,
                column: e.span.start.col,
                message: e.code.to_string(),
            })?;
    let errors = spec.validate();
    if errors.is_empty() {
        Ok(spec)
    } else {
        Err(PostSpecError::Invalid(errors))
    }
}

/// The bundled content, parsed and validated.
pub fn bundled_spec() -> Result<PostLevelSpec, PostSpecError> {
    load_spec(BUNDLED_POST_PRODUCTION)
}

/// `assets/post.ron`, loaded the way every content file is (see `ContentFile`).
impl ContentFile for PostLevelSpec {
    const FILE: &'static str = POST_PRODUCTION_FILE;
    const BUNDLED: &'static str = BUNDLED_POST_PRODUCTION;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        parse_and_check(text, file, PostLevelSpec::validate)
    }
}

pub(super) fn parse_rate(text: &str, field: &str) -> Result<FrameRate, SpecError> {
    FrameRate::parse(text).map_err(|e| SpecError::new(field, e.to_string()))
}

pub(super) fn parse_label(
    text: &str,
    rate: FrameRate,
    field: &str,
) -> Result<(Timecode, u64), SpecError> {
    let timecode = timecode::parse_timecode(text, rate)
        .map_err(|e| SpecError::new(field, format!("{e} (at {rate})")))?;
    let frame = timecode::timecode_to_frames(&timecode, rate)
        .map_err(|e| SpecError::new(field, e.to_string()))?;
    Ok((timecode, frame))
}

impl PostLevelSpec {
    /// Everything RON cannot check: rates parse, timecodes exist at their rate, the door shuts
    /// inside the clip, cuts are in order, the drop-frame labels are well-formed. Each error
    /// names its field; an empty list means the level is playable.
    pub fn validate(&self) -> Vec<SpecError> {
        let mut errors = Vec::new();
        self.validate_sync(&mut errors);
        if let Err(e) = self.count.expected_frames() {
            errors.push(e);
        }
        self.validate_cuts(&mut errors);
        if let Err(e) = DropFramePuzzle::from_spec(&self.drop_frame) {
            errors.push(e);
        }
        errors
    }

    fn validate_sync(&self, errors: &mut Vec<SpecError>) {
        if let Err(e) = SyncState::new(&self.sync) {
            errors.push(e);
        }
        errors.extend(self.late_clip.validate());
    }

    fn validate_cuts(&self, errors: &mut Vec<SpecError>) {
        let list = &self.cut_list;
        let from = parse_rate(&list.from, "cut_list.from");
        let to = parse_rate(&list.to, "cut_list.to");
        if let Err(e) = &to {
            errors.push(e.clone());
        }
        if let (Ok(from), Ok(to)) = (&from, &to)
            && from == to
        {
            errors.push(SpecError::new(
                "cut_list.to",
                format!("same rate as cut_list.from ({from}): there is nothing to convert"),
            ));
        }
        let from = match from {
            Ok(rate) => rate,
            Err(e) => {
                errors.push(e);
                return;
            }
        };
        if list.cuts.len() < 3 {
            errors.push(SpecError::new(
                "cut_list.cuts",
                format!("the task needs at least 3 cuts, found {}", list.cuts.len()),
            ));
        }
        let mut previous_out: Option<(u64, &str)> = None;
        for (i, cut) in list.cuts.iter().enumerate() {
            let field = |name: &str| format!("cut_list.cuts[{i}].{name}");
            if cut.name.trim().is_empty() {
                errors.push(SpecError::new(field("name"), "a cut needs a name"));
            }
            let in_point = parse_label(&cut.in_tc, from, &field("in_tc"));
            let out_point = parse_label(&cut.out_tc, from, &field("out_tc"));
            match (in_point, out_point) {
                (Ok((_, in_frame)), Ok((_, out_frame))) => {
                    if out_frame <= in_frame {
                        errors.push(SpecError::new(
                            field("out_tc"),
                            format!(
                                "{} is not after in_tc {}: the out point is exclusive, so a \
                                 shot needs out > in",
                                cut.out_tc.trim(),
                                cut.in_tc.trim()
                            ),
                        ));
                    }
                    if let Some((end, label)) = previous_out
                        && in_frame < end
                    {
                        errors.push(SpecError::new(
                            field("in_tc"),
                            format!(
                                "{} starts before the previous cut ends ({label}): cuts must be \
                                 in order and must not overlap",
                                cut.in_tc.trim()
                            ),
                        ));
                    }
                    previous_out = Some((out_frame, cut.out_tc.trim()));
                }
                (in_point, out_point) => {
                    errors.extend(in_point.err());
                    errors.extend(out_point.err());
                }
            }
        }
    }

    /// Every answer of the level, computed by the engine, for teachers.
    pub fn answer_key(&self) -> Result<AnswerKey, SpecError> {
        let sync = SyncState::new(&self.sync)?;
        let puzzle = DropFramePuzzle::from_spec(&self.drop_frame)?;
        Ok(AnswerKey {
            sync_move_frames: -sync.offset_frames,
            door_timecode: timecode::frames_to_timecode(
                u64::from(self.sync.door_closes_at_frame),
                sync.rate(),
            ),
            count_frames: self.count.expected_frames()?,
            duration: self.count.expected_duration()?,
            cuts: self.cut_list.answer_key()?,
            frames_short: puzzle.frames_short,
            skipped_labels: puzzle
                .labels
                .iter()
                .filter(|l| !l.exists)
                .map(|l| l.label.clone())
                .collect(),
        })
    }
}

/// All answers of a level, from [`PostLevelSpec::answer_key`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerKey {
    /// How far the player must move the slam (negative: earlier).
    pub sync_move_frames: i32,
    pub door_timecode: Timecode,
    pub count_frames: u64,
    pub duration: Timecode,
    pub cuts: Vec<CutAnswer>,
    pub frames_short: u64,
    pub skipped_labels: Vec<String>,
}

impl fmt::Display for AnswerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Sync: move the slam {} frame(s) {} so it starts on {}",
            self.sync_move_frames.unsigned_abs(),
            if self.sync_move_frames < 0 {
                "earlier"
            } else {
                "later"
            },
            self.door_timecode
        )?;
        writeln!(
            f,
            "Count: {} frames, duration {}",
            self.count_frames, self.duration
        )?;
        for cut in &self.cuts {
            writeln!(
                f,
                "Cut \"{}\": {} – {}  becomes  {} – {}{}",
                cut.name,
                cut.in_from,
                cut.out_from,
                cut.in_to,
                cut.out_to,
                if cut.exact { "" } else { " (rounded down)" }
            )?;
        }
        writeln!(f, "Drop-frame: {} frames short", self.frames_short)?;
        write!(f, "Skipped labels: {}", self.skipped_labels.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::stops::post::model::PostLevel;
    use crate::stops::post::model::test_support::spec;

    #[test]
    fn content_file_parses_validates_and_has_the_expected_answers() {
        let spec = spec();
        assert_eq!(spec.validate(), vec![]);
        assert!(spec.cut_list.cuts.len() >= 3);
        let key = spec.answer_key().expect("key");
        // Spot checks against hand-worked values for the shipped content.
        assert_eq!(key.count_frames, 60);
        assert_eq!(key.duration.to_string(), "00:00:02:12");
        assert_eq!(key.frames_short, 108);
        assert_eq!(key.sync_move_frames, -5);
        assert_eq!(key.cuts[0].out_to.to_string(), "01:00:04:15");
        assert!(key.cuts.iter().all(|c| c.exact));
        assert_eq!(
            key.skipped_labels,
            vec!["00:01:00;00", "00:02:00;01", "00:03:00;01"]
        );
        let text = key.to_string();
        assert!(
            text.contains("01:00:04:12 – 01:00:06:08  becomes  01:00:04:15 – 01:00:06:10"),
            "{text}"
        );
    }

    #[test]
    fn validation_names_the_field() {
        let fields = |spec: &PostLevelSpec| -> Vec<String> {
            spec.validate().into_iter().map(|e| e.field).collect()
        };
        let mut s = spec();
        s.sync.rate = "23.98".into();
        assert_eq!(fields(&s), vec!["sync.rate"]);

        let mut s = spec();
        s.sync.door_closes_at_frame = 96;
        assert_eq!(fields(&s), vec!["sync.door_closes_at_frame"]);
        let mut s = spec();
        s.sync.slam_starts_at_frame = -1;
        assert_eq!(fields(&s), vec!["sync.slam_starts_at_frame"]);
        let mut s = spec();
        s.sync.slam_starts_at_frame = 43;
        assert_eq!(fields(&s), vec!["sync.slam_starts_at_frame"]);
        let mut s = spec();
        s.sync.clip_frames = 0;
        assert_eq!(fields(&s), vec!["sync.clip_frames"]);
        let mut s = spec();
        s.late_clip.offsets = vec![0, 1, 40];
        assert_eq!(fields(&s), vec!["late_clip.offsets[2]"]);
        let mut s = spec();
        s.late_clip.offsets = vec![1, 2, 3];
        assert_eq!(fields(&s), vec!["late_clip.offsets"]);

        let mut s = spec();
        s.count.out_tc = "01:00:09:00".into();
        assert_eq!(fields(&s), vec!["count.out_tc"]);
        let mut s = spec();
        s.count.in_tc = "01:00:10:24".into();
        let errors = s.validate();
        assert_eq!(errors[0].field, "count.in_tc");
        assert!(
            errors[0].message.contains("frames 24 out of range"),
            "{}",
            errors[0]
        );

        let mut s = spec();
        s.cut_list.cuts.swap(1, 2);
        assert_eq!(fields(&s), vec!["cut_list.cuts[2].in_tc"]);
        let mut s = spec();
        s.cut_list.cuts.truncate(2);
        assert_eq!(fields(&s), vec!["cut_list.cuts"]);
        let mut s = spec();
        s.cut_list.cuts[3].out_tc = "01:00:09:16".into();
        assert_eq!(fields(&s), vec!["cut_list.cuts[3].out_tc"]);
        let mut s = spec();
        s.cut_list.cuts[0].in_tc = "1:00:00:00".into();
        s.cut_list.cuts[1].name = " ".into();
        assert_eq!(
            fields(&s),
            vec!["cut_list.cuts[0].in_tc", "cut_list.cuts[1].name"]
        );
        let mut s = spec();
        s.cut_list.to = "24".into();
        assert_eq!(fields(&s), vec!["cut_list.to"]);

        let mut s = spec();
        s.drop_frame.rate = "29.97".into();
        assert_eq!(fields(&s), vec!["drop_frame.rate"]);
        let mut s = spec();
        s.drop_frame.candidate_labels[1] = "00:01:00:70".into();
        let errors = s.validate();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "drop_frame.candidate_labels[1]");
        let mut s = spec();
        s.drop_frame.candidate_labels = vec!["00:01:00;00".into(), "00:02:00;00".into()];
        assert_eq!(fields(&s), vec!["drop_frame.candidate_labels"]);
        let mut s = spec();
        s.drop_frame.real_seconds = 0;
        assert_eq!(fields(&s), vec!["drop_frame.real_seconds"]);

        assert!(PostLevel::new(s).is_err());
    }

    #[test]
    fn load_spec_reports_line_and_column() {
        let broken = BUNDLED_POST_PRODUCTION.replacen("clip_frames: 96", "clip_frames: \"96\"", 1);
        let line = BUNDLED_POST_PRODUCTION
            .lines()
            .position(|l| l.contains("clip_frames: 96"))
            .expect("line")
            + 1;
        match load_spec(&broken) {
            Err(PostSpecError::Syntax {
                line: l,
                column,
                message,
            }) => {
                assert_eq!(l, line);
                assert!(column > 1);
                assert!(!message.is_empty());
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
        let missing = BUNDLED_POST_PRODUCTION.replacen("real_seconds: 3600,", "", 1);
        let e = load_spec(&missing).expect_err("missing field");
        assert!(e.to_string().contains("real_seconds"), "{e}");
        let invalid = BUNDLED_POST_PRODUCTION.replacen("rate: \"29.97df\"", "rate: \"29.97\"", 1);
        let e = load_spec(&invalid).expect_err("invalid");
        assert!(matches!(e, PostSpecError::Invalid(_)));
        assert!(e.to_string().contains("drop_frame.rate:"), "{e}");
        // A file written before the clips task (with the old talking-clip fields) still loads,
        // with the standard clips.
        let start = BUNDLED_POST_PRODUCTION
            .find("    late_clip: (")
            .expect("section");
        let end = start
            + BUNDLED_POST_PRODUCTION[start..]
                .find("),\n")
                .expect("section end")
            + 3;
        let old = BUNDLED_POST_PRODUCTION[..start].to_string() + &BUNDLED_POST_PRODUCTION[end..];
        let old = old.replacen(
            "seed: 7,",
            "talking_clip: true, lip_sync_offsets: [1, 2], seed: 7,",
            1,
        );
        let spec = load_spec(&old).expect("an older file loads");
        assert_eq!(spec.late_clip.offsets, vec![0, 1, 2, 3]);
        let bad =
            BUNDLED_POST_PRODUCTION.replacen("offsets: [0, 1, 2, 3]", "offsets: [1, 2, 3]", 1);
        let e = load_spec(&bad).expect_err("no clip in sync");
        assert!(
            e.to_string()
                .contains("late_clip.offsets: no clip is in sync"),
            "{e}"
        );
        assert!(load_spec("").is_err());
        assert!(load_spec("((((").is_err());
    }
}
