//! Stop 3, Post-Production: the editor's timecode tasks. Plain Rust, no Bevy.
//!
//! Editors work in SMPTE timecode `HH:MM:SS:FF`, and a sound or a cut one frame off breaks the
//! illusion. The level has four tasks, laid out in `assets/post.ron` (teachers edit
//! that file; nothing in it is an answer):
//!
//! * (a) [`SyncTask`]: slide a door slam until it lands on the frame where the door shuts, and
//!   hear/see lip-sync drift of a few frames ([`lip_sync_demo`]).
//! * (b) [`CountTask`]: count the frames between an in and an out point and write the duration.
//! * (c) [`CutListTask`]: convert a cut list from 24 fps to 30 fps labels.
//! * (d) [`DropFramePuzzle`]: why 29.97 needs drop-frame, and which labels it skips.
//!
//! Every answer is computed by [`crate::stops::post::timecode`], never written down here or in the content
//! file, so a teacher who changes a timecode changes the answer with it.
//!
//! Conventions:
//! * **In/out points**: the in point is the first frame of a shot; the out point is
//!   *exclusive*, the first frame after it (as edit lists count), so
//!   `frames = out - in`. A content file may set `out_is_exclusive: false`, and then
//!   `frames = out - in + 1`.
//! * **Converting a label between rates**: a timecode marks the instant its frame starts. At the
//!   new rate the label is the frame on screen at that instant, i.e. the last frame starting at
//!   or before it: `frame_to = floor(frame_from × fps_to / fps_from)`. This is
//!   [`crate::stops::post::timecode::convert_frame`]'s floor convention, called as
//!   `convert_frame(frame_from, to, from)`. 24 → 30 is exact whenever the 24 fps frame field is
//!   a multiple of 4 (0, 4, 8, 12, 16, 20); otherwise the label rounds down.
//! * **Sync offsets** are "sound start minus picture frame": positive means the sound is late.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::audio::model::synth::{self, SAMPLE_RATE};
use crate::stops::post::timecode::{self, FrameRate, Ratio, Timecode, TimecodeError};

/// The level's content file, in the assets folder.
pub const POST_PRODUCTION_FILE: &str = "post.ron";

/// The content shipped with the game, used when the assets folder has no valid file.
pub const BUNDLED_POST_PRODUCTION: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/post.ron"));

/// The longest sync clip allowed, in seconds (keeps the synthesised audio small).
pub const MAX_SYNC_CLIP_SECONDS: u64 = 60;

/// The largest lip-sync drift the demo shows, in frames either way.
pub const MAX_LIP_SYNC_OFFSET: i32 = 12;

/// Gain of the door slam over the room tone in [`audio_track_for`].
pub const SLAM_GAIN: f32 = 0.9;

const SAMPLE_RATE_U64: u64 = SAMPLE_RATE as u64;

// ---------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------

/// The whole level, as written in `assets/post.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostLevelSpec {
    pub sync: SyncTask,
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
    /// Whether the level also shows the talking-clip lip-sync demo.
    #[serde(default)]
    pub talking_clip: bool,
    /// Drifts (in frames) the lip-sync demo offers, e.g. `[1, 2, 3]`.
    #[serde(default = "default_lip_sync_offsets")]
    pub lip_sync_offsets: Vec<i32>,
    /// Seed of the synthesised door and room tone.
    #[serde(default)]
    pub seed: u64,
}

fn default_lip_sync_offsets() -> Vec<i32> {
    vec![1, 2, 3]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub field: String,
    pub message: String,
}

impl SpecError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
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
#[derive(Debug, Clone, PartialEq, Eq)]
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

fn parse_rate(text: &str, field: &str) -> Result<FrameRate, SpecError> {
    FrameRate::parse(text).map_err(|e| SpecError::new(field, e.to_string()))
}

fn parse_label(text: &str, rate: FrameRate, field: &str) -> Result<(Timecode, u64), SpecError> {
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
        let sync = &self.sync;
        if let Err(e) = SyncState::new(sync) {
            errors.push(e);
        }
        for (i, &offset) in sync.lip_sync_offsets.iter().enumerate() {
            if offset.abs() > MAX_LIP_SYNC_OFFSET {
                errors.push(SpecError::new(
                    format!("sync.lip_sync_offsets[{i}]"),
                    format!(
                        "{offset} frames is too far; the demo shows drifts of at most \
                         {MAX_LIP_SYNC_OFFSET} frames either way"
                    ),
                ));
            }
        }
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
                sync.rate,
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
                "Cut \"{}\": {} – {}  →  {} – {}{}",
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

// ---------------------------------------------------------------------------
// Player answers
// ---------------------------------------------------------------------------

/// A typed answer that could not be read; it is a typo, not a wrong answer, so it never costs
/// a star.
#[derive(Debug, Clone, PartialEq, Eq)]
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

fn parse_answer_timecode(answer: &str, rate: FrameRate) -> Result<(Timecode, u64), AnswerError> {
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

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The digits of a label read as one decimal number, e.g. 01:00:12:12 → 1001212: the classic
/// mistake of subtracting timecodes as if they were decimals.
fn decimal_reading(tc: &Timecode) -> u64 {
    ((u64::from(tc.hours) * 100 + u64::from(tc.minutes)) * 100 + u64::from(tc.seconds)) * 100
        + u64::from(tc.frames)
}

/// `n/d` rounded to the nearest whole number (halves up).
fn round_ratio(r: Ratio) -> u128 {
    (r.num() * 2 + r.den()) / (r.den() * 2)
}

// ---------------------------------------------------------------------------
// (a) Sync
// ---------------------------------------------------------------------------

/// One press of the nudge keys: a frame, or a whole second with the modifier held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nudge {
    FrameEarlier,
    FrameLater,
    SecondEarlier,
    SecondLater,
}

impl Nudge {
    /// Frames this nudge moves the sound at `rate` (a second is the rate's nominal frame count).
    pub fn frames(self, rate: FrameRate) -> i64 {
        let second = i64::try_from(rate.nominal_fps()).unwrap_or(i64::MAX);
        match self {
            Nudge::FrameEarlier => -1,
            Nudge::FrameLater => 1,
            Nudge::SecondEarlier => -second,
            Nudge::SecondLater => second,
        }
    }
}

/// Where the slam sits relative to the picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SyncState {
    /// Sound start minus the frame where the door shuts: positive is late, 0 is in sync.
    pub offset_frames: i32,
    rate: FrameRate,
    door_frame: u32,
    clip_frames: u32,
}

/// Early, on time or late.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyncDirection {
    Early,
    InSync,
    Late,
}

/// What the sync check says about the current offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncVerdict {
    pub offset_frames: i32,
    pub direction: SyncDirection,
    /// The size of the offset in seconds, exactly (1 frame at 24 fps is 1/24 s).
    pub offset_seconds: Ratio,
    /// The size of the offset in milliseconds, exactly (1 frame at 24 fps is 125/3 ms).
    pub offset_ms: Ratio,
    pub in_sync: bool,
    /// "The slam is 2 frames (83 ms) late: the audience hears it after the door has shut."
    pub description: String,
    /// What to do next, e.g. "Move the sound 2 frames earlier."
    pub hint: String,
    /// Picture timecode of the door shutting (clip starts at 00:00:00:00).
    pub door_timecode: Timecode,
    /// Timecode where the sound starts.
    pub sound_timecode: Timecode,
}

impl SyncState {
    /// The starting position from the task, after checking the task makes sense.
    pub fn new(task: &SyncTask) -> Result<SyncState, SpecError> {
        let rate = parse_rate(&task.rate, "sync.rate")?;
        let max_frames = MAX_SYNC_CLIP_SECONDS * rate.nominal_fps();
        if task.clip_frames == 0 || u64::from(task.clip_frames) > max_frames {
            return Err(SpecError::new(
                "sync.clip_frames",
                format!(
                    "{} frames: a sync clip runs 1 to {max_frames} frames \
                     ({MAX_SYNC_CLIP_SECONDS} s at {rate})",
                    task.clip_frames
                ),
            ));
        }
        if task.door_closes_at_frame >= task.clip_frames {
            return Err(SpecError::new(
                "sync.door_closes_at_frame",
                format!(
                    "frame {} is outside the clip, whose frames run 0–{}",
                    task.door_closes_at_frame,
                    task.clip_frames - 1
                ),
            ));
        }
        let slam = i64::from(task.slam_starts_at_frame);
        if !(0..i64::from(task.clip_frames)).contains(&slam) {
            return Err(SpecError::new(
                "sync.slam_starts_at_frame",
                format!(
                    "frame {slam} is outside the clip, whose frames run 0–{}",
                    task.clip_frames - 1
                ),
            ));
        }
        let offset = slam - i64::from(task.door_closes_at_frame);
        if offset == 0 {
            return Err(SpecError::new(
                "sync.slam_starts_at_frame",
                "equals door_closes_at_frame, so the slam is already in sync and there is \
                 nothing to do",
            ));
        }
        Ok(SyncState {
            // |offset| < clip_frames ≤ 60 s of frames, far inside i32.
            offset_frames: i32::try_from(offset).unwrap_or(0),
            rate,
            door_frame: task.door_closes_at_frame,
            clip_frames: task.clip_frames,
        })
    }

    pub fn rate(&self) -> FrameRate {
        self.rate
    }

    /// The frame (from 0) where the sound starts; always inside the clip.
    pub fn sound_frame(&self) -> u32 {
        let frame = i64::from(self.door_frame) + i64::from(self.offset_frames);
        u32::try_from(frame.max(0)).unwrap_or(0)
    }

    /// Moves the sound by `delta` frames, stopping at the first and last frames of the clip.
    pub fn nudge_frames(&mut self, delta: i64) {
        let last = i64::from(self.clip_frames) - 1;
        let frame = (i64::from(self.sound_frame()).saturating_add(delta)).clamp(0, last);
        self.offset_frames = i32::try_from(frame - i64::from(self.door_frame)).unwrap_or(0);
    }

    /// One press of a nudge key.
    pub fn nudge(&mut self, nudge: Nudge) {
        self.nudge_frames(nudge.frames(self.rate));
    }

    /// How far off the sound is, exactly, and what the audience experiences.
    pub fn check(&self) -> SyncVerdict {
        let frames = u64::from(self.offset_frames.unsigned_abs());
        let offset_seconds = timecode::frame_time_seconds(frames, self.rate);
        // A Ratio's denominator is never zero, so scaling it always succeeds.
        let offset_ms =
            Ratio::new(offset_seconds.num() * 1000, offset_seconds.den()).unwrap_or(offset_seconds);
        let size = format!(
            "{} ({} ms)",
            plural(frames, "frame", "frames"),
            round_ratio(offset_ms)
        );
        let door_timecode = timecode::frames_to_timecode(u64::from(self.door_frame), self.rate);
        let sound_timecode = timecode::frames_to_timecode(u64::from(self.sound_frame()), self.rate);
        let (direction, description, hint) = match self.offset_frames {
            0 => (
                SyncDirection::InSync,
                format!(
                    "In sync: the slam starts on {door_timecode}, the very frame the door shuts."
                ),
                "Perfect. Play it back: sound and picture hit together.".to_string(),
            ),
            o if o > 0 => (
                SyncDirection::Late,
                format!("The slam is {size} late: the audience hears it after the door has shut."),
                format!(
                    "Move the sound {} earlier.{}",
                    plural(frames, "frame", "frames"),
                    if frames == 1 {
                        " Even one frame is enough to break the illusion."
                    } else {
                        ""
                    }
                ),
            ),
            _ => (
                SyncDirection::Early,
                format!(
                    "The slam is {size} early: the audience hears it before the door has shut."
                ),
                format!(
                    "Move the sound {} later.{}",
                    plural(frames, "frame", "frames"),
                    if frames == 1 {
                        " Even one frame is enough to break the illusion."
                    } else {
                        ""
                    }
                ),
            ),
        };
        SyncVerdict {
            offset_frames: self.offset_frames,
            direction,
            offset_seconds,
            offset_ms,
            in_sync: self.offset_frames == 0,
            description,
            hint,
            door_timecode,
            sound_timecode,
        }
    }
}

/// The sync clip's soundtrack at [`SAMPLE_RATE`]: room tone for the whole clip plus the slam,
/// whose first sample is placed exactly on `audio_sample_at_frame(sound_frame)`. Returns the
/// samples (at least the clip's length; longer if the slam rings past the end) and the slam's
/// first sample.
pub fn audio_track_for(state: &SyncState, task: &SyncTask) -> (Vec<f32>, usize) {
    let clip_samples =
        timecode::audio_sample_at_frame(u64::from(state.clip_frames), state.rate, SAMPLE_RATE_U64);
    let mut track = synth::room_tone(to_usize(clip_samples), task.seed ^ 0x0200_7043);
    let slam_sample = timecode::audio_sample_at_frame(
        u64::from(state.sound_frame()),
        state.rate,
        SAMPLE_RATE_U64,
    );
    synth::mix_at(
        &mut track,
        &synth::door_slam(task.seed),
        i64::try_from(slam_sample).unwrap_or(i64::MAX),
        SLAM_GAIN,
    );
    (track, to_usize(slam_sample))
}

/// Sample indices here come from clips of at most a minute, far inside `usize`.
fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// The largest frame `f` with `audio_sample_at_frame(f) <= sample`: the frame the sample plays
/// under.
pub fn frame_of_sample(sample: u64, rate: FrameRate, sample_rate: u64) -> u64 {
    let (num, den) = rate.fps_rational();
    let estimate =
        u128::from(sample) * u128::from(num) / (u128::from(sample_rate) * u128::from(den));
    let mut frame = u64::try_from(estimate).unwrap_or(u64::MAX);
    while frame > 0 && timecode::audio_sample_at_frame(frame, rate, sample_rate) > sample {
        frame -= 1;
    }
    while timecode::audio_sample_at_frame(frame.saturating_add(1), rate, sample_rate) <= sample
        && frame < u64::MAX
    {
        frame += 1;
    }
    frame
}

/// The lip-sync demo: a talking clip whose syllables start on frame boundaries, with the sound
/// slipped by `offset_frames` against the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct LipSyncDemo {
    pub rate: FrameRate,
    /// The drift shown, clamped to ±[`MAX_LIP_SYNC_OFFSET`]. Positive: sound late.
    pub offset_frames: i32,
    /// The soundtrack at [`SAMPLE_RATE`] (room tone plus speech), the same length at every drift.
    pub samples: Vec<f32>,
    /// Picture frames on which the actor's lips open (one per syllable).
    pub mouth_open_frames: Vec<u32>,
    /// Picture frames during which the lips are open: `(first, end)` with `end` exclusive.
    pub mouth_open_ranges: Vec<(u32, u32)>,
    /// Frames on which each syllable's sound starts: `mouth_open_frames + offset`.
    pub syllable_frames_audio: Vec<u32>,
    /// First sample of each syllable's sound.
    pub syllable_samples: Vec<usize>,
    /// Length of the picture in frames.
    pub clip_frames: u32,
}

/// Words in the standard demo line.
pub const LIP_SYNC_WORDS: usize = 6;
/// Seed of the standard demo line.
pub const LIP_SYNC_SEED: u64 = 2024;
/// Frames of silence before the first syllable (so a drift early still fits in the clip).
const LIP_SYNC_LEAD_FRAMES: u64 = MAX_LIP_SYNC_OFFSET as u64;

/// Builds the lip-sync demo at `rate`: [`synth::talking_syllables`] snapped to frames.
/// Each syllable starts on the first sample of its (picture frame + offset), so the drift is
/// exactly `offset_frames` frames for every syllable.
pub fn lip_sync_demo_at(
    rate: FrameRate,
    offset_frames: i32,
    words: usize,
    seed: u64,
) -> LipSyncDemo {
    let offset = offset_frames.clamp(-MAX_LIP_SYNC_OFFSET, MAX_LIP_SYNC_OFFSET);
    let plan = synth::talking_syllables(words, seed);
    let sample_at = |frame: u64| timecode::audio_sample_at_frame(frame, rate, SAMPLE_RATE_U64);
    let shift = |frame: u64| frame.saturating_add_signed(i64::from(offset));

    let mut mouth_open_ranges = Vec::with_capacity(plan.len());
    let mut syllables = Vec::with_capacity(plan.len());
    let mut syllable_frames_audio = Vec::with_capacity(plan.len());
    let mut syllable_samples = Vec::with_capacity(plan.len());
    for spec in &plan {
        let start =
            LIP_SYNC_LEAD_FRAMES + frame_of_sample(spec.start_sample as u64, rate, SAMPLE_RATE_U64);
        let end = (LIP_SYNC_LEAD_FRAMES
            + frame_of_sample(spec.end_sample() as u64, rate, SAMPLE_RATE_U64))
        .max(start + 1);
        let first = sample_at(shift(start));
        let length = sample_at(shift(end)) - first;
        mouth_open_ranges.push((frame_u32(start), frame_u32(end)));
        syllable_frames_audio.push(frame_u32(shift(start)));
        syllable_samples.push(to_usize(first));
        syllables.push(synth::SyllableSpec {
            start_sample: to_usize(first),
            length_samples: to_usize(length),
            ..*spec
        });
    }
    let last_end = mouth_open_ranges
        .last()
        .map_or(0, |&(_, end)| u64::from(end));
    let clip_frames = last_end + LIP_SYNC_LEAD_FRAMES;
    let track_len = to_usize(sample_at(clip_frames + LIP_SYNC_LEAD_FRAMES));
    let mut samples = synth::room_tone(track_len, seed ^ 0x0200_7043);
    synth::mix_at(&mut samples, &synth::speech_syllables(&syllables), 0, 1.0);
    samples.truncate(track_len);
    LipSyncDemo {
        rate,
        offset_frames: offset,
        samples,
        mouth_open_frames: mouth_open_ranges.iter().map(|&(start, _)| start).collect(),
        mouth_open_ranges,
        syllable_frames_audio,
        syllable_samples,
        clip_frames: frame_u32(clip_frames),
    }
}

fn frame_u32(frame: u64) -> u32 {
    u32::try_from(frame).unwrap_or(u32::MAX)
}

/// The standard lip-sync demo at 24 fps: `(samples, mouth-open picture frames, syllable frames
/// in the audio)`. With `offset_frames = 2` every syllable is heard two frames after the lips
/// open.
pub fn lip_sync_demo(offset_frames: i32) -> (Vec<f32>, Vec<u32>, Vec<u32>) {
    let demo = lip_sync_demo_at(
        FrameRate::Fps24,
        offset_frames,
        LIP_SYNC_WORDS,
        LIP_SYNC_SEED,
    );
    (
        demo.samples,
        demo.mouth_open_frames,
        demo.syllable_frames_audio,
    )
}

// ---------------------------------------------------------------------------
// (b) Counting frames
// ---------------------------------------------------------------------------

/// The engine's verdict on a frame count or a duration.
#[derive(Debug, Clone, PartialEq, Eq)]
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

// ---------------------------------------------------------------------------
// (c) Cut-list conversion
// ---------------------------------------------------------------------------

/// One cut, converted by the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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

// ---------------------------------------------------------------------------
// (d) Drop-frame puzzle
// ---------------------------------------------------------------------------

/// One candidate label and what the engine says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelFact {
    pub label: String,
    /// Whether the label exists at the drop-frame rate ([`timecode::parse_timecode`] is `Ok`).
    pub exists: bool,
    /// Why, from the engine: its frame number, or the engine's "does not exist" message.
    pub explanation: String,
}

/// The drop-frame questions, generated from [`DropFrameSpec`] by the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DropVerdict {
    pub correct: bool,
    pub message: String,
    pub hint: Option<String>,
}

/// Feedback on one label of the "which labels do not exist" question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelFeedback {
    pub label: String,
    pub exists: bool,
    pub selected: bool,
    /// Whether the player's choice for this label is right (selected exactly the skipped ones).
    pub right: bool,
    pub explanation: String,
}

/// The verdict on the "which labels do not exist" question.
#[derive(Debug, Clone, PartialEq, Eq)]
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

// ---------------------------------------------------------------------------
// The level
// ---------------------------------------------------------------------------

/// Which tasks are done.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PostProgress {
    pub sync: bool,
    pub count_frames: bool,
    pub count_duration: bool,
    /// One flag per cut of the cut list.
    pub cuts: Vec<bool>,
    pub frames_short: bool,
    pub missing_labels: bool,
}

/// The Post-Production level: plain logic driven by the Bevy plugin and by tests.
///
/// Wrong answers cost stars; unreadable input ([`AnswerError`]) does not, and neither does
/// anything answered after its task is done.
#[derive(Debug, Clone)]
pub struct PostLevel {
    pub spec: PostLevelSpec,
    pub sync: SyncState,
    pub puzzle: DropFramePuzzle,
    pub progress: PostProgress,
    /// Wrong answers so far.
    pub mistakes: u32,
}

impl PostLevel {
    /// A fresh level from validated content.
    pub fn new(spec: PostLevelSpec) -> Result<PostLevel, Vec<SpecError>> {
        let errors = spec.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        let sync = SyncState::new(&spec.sync).map_err(|e| vec![e])?;
        let puzzle = DropFramePuzzle::from_spec(&spec.drop_frame).map_err(|e| vec![e])?;
        let progress = PostProgress {
            cuts: vec![false; spec.cut_list.cuts.len()],
            ..PostProgress::default()
        };
        Ok(PostLevel {
            spec,
            sync,
            puzzle,
            progress,
            mistakes: 0,
        })
    }

    fn record(&mut self, done: bool, correct: bool) -> bool {
        if !done && !correct {
            self.mistakes += 1;
        }
        done || correct
    }

    /// Moves the slam and says where it is now (nudging is free; only submitting counts).
    pub fn nudge_sound(&mut self, nudge: Nudge) -> SyncVerdict {
        self.sync.nudge(nudge);
        self.sync.check()
    }

    /// The player says "this is in sync": completes the task, or counts a mistake.
    pub fn submit_sync(&mut self) -> SyncVerdict {
        let verdict = self.sync.check();
        self.progress.sync = self.record(self.progress.sync, verdict.in_sync);
        verdict
    }

    /// The sync clip's soundtrack for the current position: `(samples, slam sample)`.
    pub fn sync_audio(&self) -> (Vec<f32>, usize) {
        audio_track_for(&self.sync, &self.spec.sync)
    }

    /// The lip-sync demo at the sync clip's rate.
    pub fn lip_sync(&self, offset_frames: i32) -> LipSyncDemo {
        lip_sync_demo_at(
            self.sync.rate(),
            offset_frames,
            LIP_SYNC_WORDS,
            LIP_SYNC_SEED,
        )
    }

    pub fn answer_count(&mut self, answer: &str) -> Result<CountVerdict, AnswerError> {
        let verdict = self.spec.count.check_count(answer)?;
        self.progress.count_frames = self.record(self.progress.count_frames, verdict.correct);
        Ok(verdict)
    }

    pub fn answer_duration(&mut self, answer: &str) -> Result<CountVerdict, AnswerError> {
        let verdict = self.spec.count.check_duration(answer)?;
        self.progress.count_duration = self.record(self.progress.count_duration, verdict.correct);
        Ok(verdict)
    }

    pub fn answer_cut(
        &mut self,
        index: usize,
        in_answer: &str,
        out_answer: &str,
    ) -> Result<CutVerdict, AnswerError> {
        let verdict = self.spec.cut_list.check_cut(index, in_answer, out_answer)?;
        let done = self.progress.cuts.get(index).copied().unwrap_or(false);
        let now = self.record(done, verdict.correct);
        if let Some(flag) = self.progress.cuts.get_mut(index) {
            *flag = now;
        }
        Ok(verdict)
    }

    pub fn answer_frames_short(&mut self, answer: &str) -> Result<DropVerdict, AnswerError> {
        let verdict = self.puzzle.check_frames_short(answer)?;
        self.progress.frames_short = self.record(self.progress.frames_short, verdict.correct);
        Ok(verdict)
    }

    pub fn answer_missing_labels(
        &mut self,
        selected: &[usize],
    ) -> Result<LabelsVerdict, AnswerError> {
        let verdict = self.puzzle.check_missing_labels(selected)?;
        self.progress.missing_labels = self.record(self.progress.missing_labels, verdict.correct);
        Ok(verdict)
    }

    /// Tasks done and tasks in all (each cut counts as one task).
    pub fn tasks_done(&self) -> (usize, usize) {
        let p = &self.progress;
        let flags = [
            p.sync,
            p.count_frames,
            p.count_duration,
            p.frames_short,
            p.missing_labels,
        ];
        let done = flags.iter().filter(|&&f| f).count() + p.cuts.iter().filter(|&&f| f).count();
        (done, flags.len() + p.cuts.len())
    }

    pub fn is_complete(&self) -> bool {
        let (done, total) = self.tasks_done();
        done == total
    }

    /// Stars out of 3: no wrong answers 3, up to 3 wrong answers 2, more 1.
    pub fn stars(&self) -> u8 {
        match self.mistakes {
            0 => 3,
            1..=3 => 2,
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::model::synth::{ONSET_THRESHOLD, onset_sample};
    use crate::stops::post::timecode::{
        audio_sample_at_frame, convert_frame, parse_timecode, timecode_to_frames,
    };

    fn spec() -> PostLevelSpec {
        bundled_spec().expect("bundled content is valid")
    }

    fn frame(label: &str, rate: FrameRate) -> u64 {
        let tc = parse_timecode(label, rate).expect("test label");
        timecode_to_frames(&tc, rate).expect("test label")
    }

    /// The right answers, worked out here from the engine's primitives.
    struct Worked {
        count: String,
        duration: String,
        cuts: Vec<(String, String)>,
        frames_short: String,
        skipped: Vec<usize>,
    }

    fn worked(spec: &PostLevelSpec) -> Worked {
        let rate = FrameRate::parse(&spec.count.rate).expect("rate");
        let count = frame(&spec.count.out_tc, rate) - frame(&spec.count.in_tc, rate);
        let from = FrameRate::parse(&spec.cut_list.from).expect("from");
        let to = FrameRate::parse(&spec.cut_list.to).expect("to");
        let convert = |label: &str| {
            timecode::frames_to_timecode(convert_frame(frame(label, from), to, from), to)
                .to_string()
        };
        let df = FrameRate::parse(&spec.drop_frame.rate).expect("df");
        let (num, den) = df.fps_rational();
        let seconds = u64::from(spec.drop_frame.real_seconds);
        let short = df.nominal_fps() * seconds - seconds * num / den;
        Worked {
            count: count.to_string(),
            duration: timecode::frames_to_timecode(count, rate).to_string(),
            cuts: spec
                .cut_list
                .cuts
                .iter()
                .map(|c| (convert(&c.in_tc), convert(&c.out_tc)))
                .collect(),
            frames_short: short.to_string(),
            skipped: spec
                .drop_frame
                .candidate_labels
                .iter()
                .enumerate()
                .filter(|(_, l)| {
                    matches!(
                        parse_timecode(l, df),
                        Err(TimecodeError::DroppedLabel { .. })
                    )
                })
                .map(|(i, _)| i)
                .collect(),
        }
    }

    fn sync_by_ear(level: &mut PostLevel) {
        for _ in 0..1_000 {
            let verdict = level.sync.check();
            match verdict.direction {
                SyncDirection::InSync => return,
                SyncDirection::Late if verdict.offset_frames >= 24 => {
                    level.nudge_sound(Nudge::SecondEarlier);
                }
                SyncDirection::Late => {
                    level.nudge_sound(Nudge::FrameEarlier);
                }
                SyncDirection::Early if verdict.offset_frames <= -24 => {
                    level.nudge_sound(Nudge::SecondLater);
                }
                SyncDirection::Early => {
                    level.nudge_sound(Nudge::FrameLater);
                }
            }
        }
        panic!("never got in sync");
    }

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
            text.contains("01:00:04:12 – 01:00:06:08  →  01:00:04:15 – 01:00:06:10"),
            "{text}"
        );
    }

    #[test]
    fn the_level_completes_with_engine_answers() {
        let spec = spec();
        let w = worked(&spec);
        let mut level = PostLevel::new(spec).expect("valid");
        assert!(!level.is_complete());
        assert_eq!(level.tasks_done(), (0, 9));

        sync_by_ear(&mut level);
        assert!(level.submit_sync().in_sync);
        let v = level.answer_count(&w.count).expect("readable");
        assert!(v.correct, "{v:?}");
        assert!(v.message.contains("60 frames"), "{}", v.message);
        assert!(
            level
                .answer_duration(&w.duration)
                .expect("readable")
                .correct
        );
        for (i, (in_tc, out_tc)) in w.cuts.iter().enumerate() {
            let v = level.answer_cut(i, in_tc, out_tc).expect("readable");
            assert!(v.correct, "cut {i}: {v:?}");
        }
        let v = level
            .answer_frames_short(&w.frames_short)
            .expect("readable");
        assert!(v.correct, "{v:?}");
        assert!(v.message.contains("00:59:56:12"), "{}", v.message);
        assert!(v.message.contains("01:00:00;00"), "{}", v.message);
        assert!(v.message.contains("3.6 s"), "{}", v.message);
        let v = level.answer_missing_labels(&w.skipped).expect("readable");
        assert!(v.correct, "{v:?}");

        assert!(level.is_complete());
        assert_eq!(level.mistakes, 0);
        assert_eq!(level.stars(), 3);
        // Other ways of writing the same answers.
        assert!(level.answer_count("60 frames").expect("ok").correct);
        assert!(level.answer_duration("2s 12f").expect("ok").correct);
        assert!(
            level
                .answer_duration("2 seconds 12 frames")
                .expect("ok")
                .correct
        );
        assert!(level.answer_duration("2+12").expect("ok").correct);
        // Wrong answers after a task is done cost nothing.
        assert!(!level.answer_count("61").expect("ok").correct);
        assert_eq!(level.mistakes, 0);
    }

    #[test]
    fn wrong_answers_are_refused_with_the_method_not_the_answer() {
        let mut level = PostLevel::new(spec()).expect("valid");

        let v = level.submit_sync();
        assert!(!v.in_sync);
        assert!(
            v.description.contains("5 frames (208 ms) late"),
            "{}",
            v.description
        );
        assert_eq!(v.hint, "Move the sound 5 frames earlier.");

        let v = level.answer_count("61").expect("readable");
        assert!(!v.correct);
        let hint = v.hint.expect("hint");
        assert!(hint.contains("exclusive"), "{hint}");
        assert!(hint.contains("× 24 + FF"), "{hint}");
        assert!(
            !hint.contains("60 frames") && !v.message.contains(" 60 "),
            "{hint} {}",
            v.message
        );
        assert!(v.message.contains("too many"));

        // 01001212 - 01001000: subtracting the digits.
        let hint = level
            .answer_count("212")
            .expect("readable")
            .hint
            .expect("hint");
        assert!(hint.contains("not a decimal number"), "{hint}");
        // 2 s × 30 + 12: the wrong frames per second.
        let hint = level
            .answer_count("72")
            .expect("readable")
            .hint
            .expect("hint");
        assert!(hint.contains("24 frames, not 30"), "{hint}");
        let v = level.answer_count("2").expect("readable");
        assert!(v.message.contains("too few"));
        assert!(v.hint.expect("hint").contains("whole seconds"));

        let v = level.answer_duration("00:00:02:13").expect("readable");
        assert!(!v.correct);
        assert!(v.message.contains("too long"));
        assert!(v.hint.expect("hint").contains("divide by 24"));

        // Copying the 24 fps label unchanged.
        let v = level
            .answer_cut(0, "01:00:00:00", "01:00:04:12")
            .expect("readable");
        assert!(v.in_correct && !v.out_correct && !v.correct);
        assert!(
            v.message.contains("out point is not right"),
            "{}",
            v.message
        );
        let hint = v.hint.expect("hint");
        assert!(hint.contains("same digits"), "{hint}");
        assert!(hint.contains("FF × 30 ÷ 24"), "{hint}");
        assert!(!hint.contains("04:15"), "{hint}");

        let v = level.answer_frames_short("100").expect("readable");
        assert!(!v.correct);
        assert!(v.hint.expect("hint").contains("3600 × 30000 ÷ 1001"));

        let v = level.answer_missing_labels(&[0]).expect("readable");
        assert!(!v.correct);
        assert!(v.message.contains("2 of 6"), "{}", v.message);
        assert!(v.hint.expect("hint").contains(";00 and ;01"));

        assert_eq!(level.mistakes, 9);
        assert_eq!(level.stars(), 1);
        assert!(!level.is_complete());
    }

    #[test]
    fn unreadable_input_is_an_error_not_a_panic_or_a_mistake() {
        let mut level = PostLevel::new(spec()).expect("valid");
        for bad in [
            "abc",
            "",
            "   ",
            "99:99:99:99",
            "-3",
            "2.5",
            "1e3",
            "99999999999999999999999",
        ] {
            assert!(level.answer_count(bad).is_err(), "{bad:?}");
            assert!(level.answer_duration(bad).is_err(), "{bad:?}");
            assert!(level.answer_cut(0, bad, "01:00:04:15").is_err(), "{bad:?}");
            assert!(level.answer_cut(0, "01:00:00:00", bad).is_err(), "{bad:?}");
            assert!(level.answer_frames_short(bad).is_err(), "{bad:?}");
        }
        assert_eq!(level.mistakes, 0);

        let e = level.answer_count("abc").expect_err("abc");
        assert!(e.to_string().contains("not a whole number"), "{e}");
        assert_eq!(
            level.answer_count("").expect_err("empty"),
            AnswerError::Empty
        );
        let e = level.answer_duration("99:99:99:99").expect_err("range");
        assert!(e.to_string().contains("hours 99 out of range"), "{e}");
        let e = level.answer_duration("2s 30f").expect_err("frames");
        assert!(e.to_string().contains("frames run 0–23"), "{e}");
        let e = level.answer_duration("two seconds").expect_err("words");
        assert!(matches!(e, AnswerError::BadDuration { .. }), "{e}");
        // A drop-frame separator at a non-drop rate.
        let e = level
            .answer_cut(0, "01:00:00;00", "01:00:04:15")
            .expect_err("df");
        assert!(e.to_string().contains("drop-frame"), "{e}");
        let e = level
            .answer_cut(9, "01:00:00:00", "01:00:04:15")
            .expect_err("index");
        assert_eq!(e, AnswerError::NoSuchCut { index: 9, count: 4 });
        let e = level.answer_missing_labels(&[1, 6]).expect_err("index");
        assert_eq!(e, AnswerError::NoSuchLabel { index: 6, count: 6 });
        let e = level.answer_frames_short("3.6").expect_err("seconds");
        assert!(e.to_string().contains("seconds"), "{e}");
        assert_eq!(level.mistakes, 0);
    }

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

    #[test]
    fn sync_verdicts_for_small_offsets() {
        let task = spec().sync;
        let base = SyncState::new(&task).expect("state");
        for offset in -3i32..=3 {
            let mut state = base;
            state.nudge_frames(i64::from(offset) - i64::from(base.offset_frames));
            assert_eq!(state.offset_frames, offset);
            let v = state.check();
            assert_eq!(v.in_sync, offset == 0);
            let n = u128::from(offset.unsigned_abs());
            assert_eq!(v.offset_seconds, Ratio::new(n, 24).expect("ratio"));
            assert_eq!(v.offset_ms, Ratio::new(n * 1000, 24).expect("ratio"));
            let expected = match offset {
                0 => "In sync: the slam starts on 00:00:01:19".to_string(),
                1 => "The slam is 1 frame (42 ms) late: the audience hears it after the door has shut.".to_string(),
                2 => "The slam is 2 frames (83 ms) late: the audience hears it after the door has shut.".to_string(),
                3 => "The slam is 3 frames (125 ms) late".to_string(),
                -1 => "The slam is 1 frame (42 ms) early: the audience hears it before the door has shut.".to_string(),
                -2 => "The slam is 2 frames (83 ms) early".to_string(),
                _ => "The slam is 3 frames (125 ms) early".to_string(),
            };
            assert!(
                v.description.starts_with(&expected),
                "{offset}: {}",
                v.description
            );
            if offset.abs() == 1 {
                assert!(v.hint.contains("Even one frame"), "{}", v.hint);
            }
            assert_eq!(
                v.direction,
                match offset.signum() {
                    0 => SyncDirection::InSync,
                    1 => SyncDirection::Late,
                    _ => SyncDirection::Early,
                }
            );
        }
        // 1 frame at 24 fps ≈ 41.7 ms.
        let mut one = base;
        one.nudge_frames(1 - i64::from(base.offset_frames));
        assert_eq!(one.check().offset_ms.to_decimal_string(1), "41.6…");
    }

    #[test]
    fn nudges_move_by_frames_and_seconds_and_stay_in_the_clip() {
        let task = spec().sync;
        let mut state = SyncState::new(&task).expect("state");
        assert_eq!(state.offset_frames, 5);
        state.nudge(Nudge::FrameEarlier);
        assert_eq!(state.offset_frames, 4);
        state.nudge(Nudge::SecondLater);
        assert_eq!(state.offset_frames, 28);
        state.nudge(Nudge::SecondEarlier);
        state.nudge(Nudge::SecondEarlier);
        assert_eq!(state.offset_frames, -20);
        for _ in 0..10 {
            state.nudge(Nudge::SecondEarlier);
        }
        assert_eq!(state.sound_frame(), 0);
        assert_eq!(state.offset_frames, -43);
        for _ in 0..10 {
            state.nudge(Nudge::SecondLater);
        }
        assert_eq!(state.sound_frame(), 95);
    }

    #[test]
    fn the_slam_lands_on_the_exact_sample_of_its_frame() {
        for (rate, clip, door) in [("24", 96, 43), ("29.97df", 120, 61), ("25", 100, 7)] {
            let task = SyncTask {
                rate: rate.into(),
                clip_frames: clip,
                door_closes_at_frame: door,
                slam_starts_at_frame: i32::try_from(door).expect("small") + 1,
                talking_clip: false,
                lip_sync_offsets: vec![],
                seed: 11,
            };
            let fr = FrameRate::parse(rate).expect("rate");
            let mut state = SyncState::new(&task).expect("state");
            for offset in [-3i32, -1, 0, 1, 2, 5] {
                state.nudge_frames(i64::from(offset - state.offset_frames));
                let (track, slam_sample) = audio_track_for(&state, &task);
                let frame = u64::from(door).saturating_add_signed(i64::from(offset));
                let expected = audio_sample_at_frame(frame, fr, 48_000) as usize;
                assert_eq!(slam_sample, expected, "{rate} {offset}");
                assert_eq!(
                    onset_sample(&track, ONSET_THRESHOLD),
                    Some(expected),
                    "{rate} {offset}"
                );
                assert!(track.len() >= audio_sample_at_frame(u64::from(clip), fr, 48_000) as usize);
            }
        }
        // The track is deterministic and encodes as a playable WAV.
        let level = PostLevel::new(spec()).expect("valid");
        let (a, _) = level.sync_audio();
        let (b, _) = level.sync_audio();
        assert_eq!(a, b);
        let wav = synth::encode_wav_pcm16(&a, SAMPLE_RATE);
        let (rate, samples) = synth::decode_wav_pcm16(&wav).expect("wav");
        assert_eq!((rate, samples.len()), (48_000, a.len()));
    }

    #[test]
    fn lip_sync_demo_drifts_by_whole_frames() {
        let (base, mouth, heard) = lip_sync_demo(0);
        assert_eq!(mouth, heard);
        assert!(mouth.len() >= LIP_SYNC_WORDS);
        assert!(mouth.windows(2).all(|w| w[0] < w[1]));
        for offset in [-3, -2, -1, 1, 2, 3] {
            let (samples, mouth_now, heard) = lip_sync_demo(offset);
            assert_eq!(mouth_now, mouth, "the picture never moves");
            assert_eq!(samples.len(), base.len());
            for (m, h) in mouth.iter().zip(&heard) {
                assert_eq!(i64::from(*h) - i64::from(*m), i64::from(offset));
            }
            // The first syllable (a plosive) is heard on the exact first sample of its frame.
            let first = audio_sample_at_frame(u64::from(heard[0]), FrameRate::Fps24, 48_000);
            assert_eq!(
                onset_sample(&samples, ONSET_THRESHOLD),
                Some(first as usize)
            );
        }
        // At 29.97 the frames are 1601.6 samples long; syllables still start on frame starts.
        let demo = lip_sync_demo_at(FrameRate::Df29_97, 2, 4, 5);
        for (frame, sample) in demo
            .syllable_frames_audio
            .iter()
            .zip(&demo.syllable_samples)
        {
            let expected = audio_sample_at_frame(u64::from(*frame), FrameRate::Df29_97, 48_000);
            assert_eq!(*sample as u64, expected);
        }
        assert!(demo.mouth_open_ranges.iter().all(|(a, b)| a < b));
        assert_eq!(
            lip_sync_demo_at(FrameRate::Fps24, 99, 2, 1).offset_frames,
            MAX_LIP_SYNC_OFFSET
        );
    }

    #[test]
    fn frame_of_sample_inverts_audio_sample_at_frame() {
        for rate in [FrameRate::Fps24, FrameRate::Df29_97, FrameRate::Fps23_976] {
            for f in 0..200u64 {
                let s = audio_sample_at_frame(f, rate, 48_000);
                assert_eq!(frame_of_sample(s, rate, 48_000), f, "{rate} {f}");
                let next = audio_sample_at_frame(f + 1, rate, 48_000);
                assert_eq!(frame_of_sample(next - 1, rate, 48_000), f, "{rate} {f}");
            }
        }
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
        s.sync.lip_sync_offsets = vec![1, 40];
        assert_eq!(fields(&s), vec!["sync.lip_sync_offsets[1]"]);

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
        assert!(load_spec("").is_err());
        assert!(load_spec("((((").is_err());
    }

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
