//! Task (a): find the frame where the door shuts and slide a door slam onto it, plus the
//! soundtrack it plays and the talking clip whose sound slips by a few frames (task (b)).
//!
//! Nothing here marks the door's frame for the player: the picture shows the door as it is at
//! each frame, and only saying "in sync" tells how far off the slam is.

use super::{
    MAX_LIP_SYNC_OFFSET, MAX_SYNC_CLIP_SECONDS, SAMPLE_RATE_U64, SLAM_GAIN, SpecError, SyncTask,
    parse_rate, plural, round_ratio,
};
use crate::audio::model::synth;
use crate::stops::post::timecode::{self, FrameRate, Ratio, Timecode};
use serde::{Deserialize, Serialize};

/// One press of the nudge keys: a frame, or a whole second with the modifier held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SyncState {
    /// Sound start minus the frame where the door shuts: positive is late, 0 is in sync.
    pub offset_frames: i32,
    rate: FrameRate,
    door_frame: u32,
    clip_frames: u32,
}

/// Early, on time or late.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SyncDirection {
    Early,
    InSync,
    Late,
}

/// What the sync check says about the current offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// How to find the frame, never the frame itself.
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

    /// Length of the picture in frames.
    pub fn clip_frames(&self) -> u32 {
        self.clip_frames
    }

    /// Whether the door is shut in picture `frame`: what the student looks for, frame by frame.
    pub fn door_is_shut(&self, frame: u32) -> bool {
        frame >= self.door_frame
    }

    /// How far the door has swung at picture `frame`: 0 open, 1 shut. It swings over the
    /// [`DOOR_SWING_FRAMES`] frames before it shuts, fastest at the end.
    pub fn door_closed_fraction(&self, frame: u32) -> f32 {
        let start = self.door_frame.saturating_sub(DOOR_SWING_FRAMES);
        if self.door_is_shut(frame) {
            1.0
        } else if frame <= start {
            0.0
        } else {
            let t = (frame - start) as f32 / (self.door_frame - start) as f32;
            t * t
        }
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
                find_the_frame_hint(frames),
            ),
            _ => (
                SyncDirection::Early,
                format!(
                    "The slam is {size} early: the audience hears it before the door has shut."
                ),
                find_the_frame_hint(frames),
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

/// Frames the door takes to swing shut in the picture.
pub const DOOR_SWING_FRAMES: u32 = 18;

/// The method, never the answer: the frame is for the student to find.
fn find_the_frame_hint(frames: u64) -> String {
    format!(
        "Step through the picture one frame at a time to the first frame where the door is \
         shut, and start the slam on that frame.{}",
        if frames == 1 {
            " Even one frame is enough to break the illusion."
        } else {
            ""
        }
    )
}

/// The sync clip's soundtrack at [`SAMPLE_RATE`]: room tone for the whole clip plus the slam,
/// whose first sample is placed exactly on `audio_sample_at_frame(sound_frame)`. Returns the
/// samples (at least the clip's length; longer if the slam rings past the end) and the slam's
/// first sample.
///
/// [`SAMPLE_RATE`]: synth::SAMPLE_RATE
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

/// The talking clip: its syllables start on frame boundaries, with the sound slipped by
/// `offset_frames` against the picture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LipSyncDemo {
    pub rate: FrameRate,
    /// The drift shown, clamped to ±[`MAX_LIP_SYNC_OFFSET`]. Positive: sound late.
    pub offset_frames: i32,
    /// The soundtrack at [`SAMPLE_RATE`] (room tone plus speech), the same length at every drift.
    ///
    /// [`SAMPLE_RATE`]: synth::SAMPLE_RATE
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
    let picture = picture_of(&plan, rate);
    let sample_at = |frame: u64| timecode::audio_sample_at_frame(frame, rate, SAMPLE_RATE_U64);
    let shift = |frame: u32| u64::from(frame).saturating_add_signed(i64::from(offset));

    let mut syllables = Vec::with_capacity(plan.len());
    let mut syllable_frames_audio = Vec::with_capacity(plan.len());
    let mut syllable_samples = Vec::with_capacity(plan.len());
    for (spec, &(start, end)) in plan.iter().zip(&picture.mouth_open_ranges) {
        let first = sample_at(shift(start));
        let length = sample_at(shift(end)) - first;
        syllable_frames_audio.push(frame_u32(shift(start)));
        syllable_samples.push(to_usize(first));
        syllables.push(synth::SyllableSpec {
            start_sample: to_usize(first),
            length_samples: to_usize(length),
            ..*spec
        });
    }
    let mouth_open_ranges = picture.mouth_open_ranges;
    let clip_frames = u64::from(picture.clip_frames);
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
        clip_frames: picture.clip_frames,
    }
}

/// The talking clip's picture: the frames its lips are open, and its length. It never moves:
/// only the sound slips.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkingPicture {
    /// `(first, end)` picture frames of each syllable's open lips, `end` exclusive.
    pub mouth_open_ranges: Vec<(u32, u32)>,
    /// Length of the picture in frames.
    pub clip_frames: u32,
}

impl TalkingPicture {
    /// Whether the lips are open in picture `frame`.
    pub fn mouth_open(&self, frame: u32) -> bool {
        self.mouth_open_ranges
            .iter()
            .any(|&(a, b)| (a..b).contains(&frame))
    }
}

/// The standard talking clip's picture at `rate` (cheap: no sound is made).
pub fn talking_picture(rate: FrameRate) -> TalkingPicture {
    picture_of(
        &synth::talking_syllables(LIP_SYNC_WORDS, LIP_SYNC_SEED),
        rate,
    )
}

/// Each syllable snapped to picture frames, after [`LIP_SYNC_LEAD_FRAMES`] of closed lips.
fn picture_of(plan: &[synth::SyllableSpec], rate: FrameRate) -> TalkingPicture {
    let mouth_open_ranges: Vec<(u32, u32)> = plan
        .iter()
        .map(|spec| {
            let start = LIP_SYNC_LEAD_FRAMES
                + frame_of_sample(spec.start_sample as u64, rate, SAMPLE_RATE_U64);
            let end = (LIP_SYNC_LEAD_FRAMES
                + frame_of_sample(spec.end_sample() as u64, rate, SAMPLE_RATE_U64))
            .max(start + 1);
            (frame_u32(start), frame_u32(end))
        })
        .collect();
    let last_end = mouth_open_ranges
        .last()
        .map_or(0, |&(_, end)| u64::from(end));
    TalkingPicture {
        mouth_open_ranges,
        clip_frames: frame_u32(last_end + LIP_SYNC_LEAD_FRAMES),
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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::audio::model::synth::{ONSET_THRESHOLD, SAMPLE_RATE, onset_sample};
    use crate::stops::post::model::test_support::spec;
    use crate::stops::post::model::{PostLevel, SyncDirection};
    use crate::stops::post::timecode::audio_sample_at_frame;

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
    fn the_picture_shows_the_door_shutting_and_the_lips_moving_frame_by_frame() {
        let state = SyncState::new(&spec().sync).expect("state");
        let door = spec().sync.door_closes_at_frame;
        let first_shut = (0..state.clip_frames()).find(|&f| state.door_is_shut(f));
        assert_eq!(first_shut, Some(door));
        assert_eq!(state.door_closed_fraction(0), 0.0);
        assert_eq!(state.door_closed_fraction(door - DOOR_SWING_FRAMES), 0.0);
        let swing: Vec<f32> = (door - DOOR_SWING_FRAMES..=door)
            .map(|f| state.door_closed_fraction(f))
            .collect();
        assert!(swing.windows(2).all(|w| w[0] < w[1]), "{swing:?}");
        assert!(state.door_closed_fraction(door - 1) < 1.0);
        assert_eq!(state.door_closed_fraction(door), 1.0);

        for rate in [FrameRate::Fps24, FrameRate::Df29_97] {
            let picture = talking_picture(rate);
            for offset in [0, 2, -1] {
                let demo = lip_sync_demo_at(rate, offset, LIP_SYNC_WORDS, LIP_SYNC_SEED);
                assert_eq!(demo.mouth_open_ranges, picture.mouth_open_ranges);
                assert_eq!(demo.clip_frames, picture.clip_frames);
            }
            let (a, b) = picture.mouth_open_ranges[0];
            assert!(!picture.mouth_open(a - 1) && picture.mouth_open(a));
            assert!(picture.mouth_open(b - 1));
        }
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
}
