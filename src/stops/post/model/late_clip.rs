//! Task (b): which clip is in sync? The talking clip plays with its sound slipped by a few
//! frames (0, 1, 2 and 3 in the shipped content), in a shuffled order labelled A, B, C, D, and
//! the student picks the one in sync. A wrong pick is refused with how far off that clip was.
//! In presenter mode the class votes by a show of hands and the teacher reveals the answer.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::{AnswerError, MAX_LIP_SYNC_OFFSET, SpecError, plural, round_ratio};
use crate::stops::post::timecode::{self, FrameRate, Ratio};

/// The most clips the task shows (A to F).
pub const MAX_LATE_CLIPS: usize = 6;

/// (b) The talking clip's audio offsets, as written in `assets/post.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LateClipTask {
    /// Sound start minus picture, in frames (positive: the voice is late). Exactly one is 0.
    pub offsets: Vec<i32>,
}

impl Default for LateClipTask {
    fn default() -> Self {
        Self {
            offsets: vec![0, 1, 2, 3],
        }
    }
}

impl LateClipTask {
    /// Each problem with the offsets, naming its field; empty when the task is playable.
    pub fn validate(&self) -> Vec<SpecError> {
        let mut errors = Vec::new();
        let count = self.offsets.len();
        if !(2..=MAX_LATE_CLIPS).contains(&count) {
            errors.push(SpecError::new(
                "late_clip.offsets",
                format!("{count} clips: the task shows 2 to {MAX_LATE_CLIPS} clips"),
            ));
        }
        match self.offsets.iter().filter(|&&o| o == 0).count() {
            1 => {}
            0 => errors.push(SpecError::new(
                "late_clip.offsets",
                "no clip is in sync: one offset must be 0",
            )),
            n => errors.push(SpecError::new(
                "late_clip.offsets",
                format!("{n} offsets are 0: exactly one clip may be in sync"),
            )),
        }
        for (i, &offset) in self.offsets.iter().enumerate() {
            let field = format!("late_clip.offsets[{i}]");
            if offset.abs() > MAX_LIP_SYNC_OFFSET {
                errors.push(SpecError::new(
                    field,
                    format!(
                        "{offset} frames is too far; a clip slips at most \
                         {MAX_LIP_SYNC_OFFSET} frames either way"
                    ),
                ));
            } else if offset != 0 && self.offsets[..i].contains(&offset) {
                errors.push(SpecError::new(
                    field,
                    format!("{offset} is listed twice: every clip needs its own offset"),
                ));
            }
        }
        errors
    }
}

/// The letter a clip is shown under: 0 → 'A'.
pub fn clip_letter(index: usize) -> char {
    u8::try_from(index)
        .ok()
        .filter(|&i| i < 26)
        .map_or('?', |i| char::from(b'A' + i))
}

/// `offsets` in a shuffled order drawn from `seed`: the same seed always gives the same order.
/// The order is never the one written (0, 1, 2, 3 would put the answer first every time).
pub fn shuffled_offsets(offsets: &[i32], seed: u64) -> Vec<i32> {
    let mut order = offsets.to_vec();
    order.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    if order.len() > 1 && order == offsets {
        order.rotate_left(1);
    }
    order
}

/// "2 frames (83 ms) late: you hear the voice after the lips move."
pub fn offset_words(offset_frames: i32, rate: FrameRate) -> String {
    let frames = u64::from(offset_frames.unsigned_abs());
    let seconds = timecode::frame_time_seconds(frames, rate);
    let ms = Ratio::new(seconds.num() * 1000, seconds.den()).unwrap_or(seconds);
    let size = format!(
        "{} ({} ms)",
        plural(frames, "frame", "frames"),
        round_ratio(ms)
    );
    match offset_frames {
        0 => "in sync: the voice starts on the very frames the lips open".to_string(),
        o if o > 0 => format!("{size} late: you hear the voice after the lips move"),
        _ => format!("{size} early: you hear the voice before the lips move"),
    }
}

/// What picking a clip found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickVerdict {
    /// The clip picked (its place in the shown order).
    pub clip: usize,
    pub letter: char,
    /// That clip's offset: 0 is in sync.
    pub offset_frames: i32,
    pub correct: bool,
    /// "Clip B is not in sync: its sound is 2 frames (83 ms) late: …"
    pub message: String,
    pub hint: Option<String>,
}

/// The task in play: the shuffled clips and what has been tried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LateClipQuiz {
    /// The clips' offsets in the order shown, A first.
    pub order: Vec<i32>,
    /// Clips picked and refused, in the order shown.
    pub refused: Vec<bool>,
    /// The in-sync clip was picked, or the teacher revealed it to the class.
    pub solved: bool,
    /// The teacher revealed every clip's offset (presenter mode).
    pub revealed: bool,
    rate: FrameRate,
}

/// A save written before this task existed: the standard clips at 24 fps.
impl Default for LateClipQuiz {
    fn default() -> Self {
        let task = LateClipTask::default();
        let order = shuffled_offsets(&task.offsets, 0);
        Self {
            refused: vec![false; order.len()],
            order,
            solved: false,
            revealed: false,
            rate: FrameRate::Fps24,
        }
    }
}

impl LateClipQuiz {
    /// The clips of `task` at `rate`, shuffled from `seed`.
    pub fn new(task: &LateClipTask, rate: FrameRate, seed: u64) -> Result<Self, SpecError> {
        if let Some(e) = task.validate().into_iter().next() {
            return Err(e);
        }
        let order = shuffled_offsets(&task.offsets, seed);
        Ok(Self {
            refused: vec![false; order.len()],
            order,
            solved: false,
            revealed: false,
            rate,
        })
    }

    /// The place of the in-sync clip in the shown order.
    pub fn answer(&self) -> usize {
        self.order.iter().position(|&o| o == 0).unwrap_or(0)
    }

    /// The offset of clip `index`, if there is such a clip.
    pub fn offset_of(&self, index: usize) -> Option<i32> {
        self.order.get(index).copied()
    }

    /// The student says clip `index` is in sync: right, or refused with how far off it was.
    pub fn pick(&mut self, index: usize) -> Result<PickVerdict, AnswerError> {
        let offset = self.offset_of(index).ok_or(AnswerError::NoSuchClip {
            index,
            count: self.order.len(),
        })?;
        let letter = clip_letter(index);
        let correct = offset == 0;
        if correct {
            self.solved = true;
        } else if let Some(flag) = self.refused.get_mut(index) {
            *flag = true;
        }
        let (message, hint) = if correct {
            (
                format!("Clip {letter} is the one {}.", offset_words(0, self.rate)),
                None,
            )
        } else {
            (
                format!(
                    "Not clip {letter}: its sound is {}.",
                    offset_words(offset, self.rate)
                ),
                Some(
                    "Watch the mouth and listen: in the clip in sync, each sound starts on the \
                     frame the lips open."
                        .to_string(),
                ),
            )
        };
        Ok(PickVerdict {
            clip: index,
            letter,
            offset_frames: offset,
            correct,
            message,
            hint,
        })
    }

    /// Presenter mode: show the class every clip's offset; the class's vote has been taken,
    /// so the task is done. Returns what the in-sync clip is.
    pub fn reveal(&mut self) -> Option<PickVerdict> {
        self.revealed = true;
        self.solved = true;
        self.pick(self.answer()).ok()
    }

    /// What clip `index` is, in words, once the answer may be shown (picked or revealed).
    pub fn clip_words(&self, index: usize) -> Option<String> {
        let offset = self.offset_of(index)?;
        let shown = self.revealed
            || self.refused.get(index).copied().unwrap_or(false)
            || (self.solved && offset == 0);
        shown.then(|| offset_words(offset, self.rate))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiz(seed: u64) -> LateClipQuiz {
        LateClipQuiz::new(&LateClipTask::default(), FrameRate::Fps24, seed).expect("valid")
    }

    #[test]
    fn the_shuffle_is_a_seeded_permutation_never_in_the_written_order() {
        let offsets = [0, 1, 2, 3];
        for seed in 0..200 {
            let order = shuffled_offsets(&offsets, seed);
            assert_eq!(order, shuffled_offsets(&offsets, seed), "repeatable");
            assert_ne!(order, offsets, "seed {seed}: never the written order");
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, offsets, "seed {seed}: every clip once");
        }
        // The answer lands on every letter for some seed.
        let places: std::collections::BTreeSet<usize> =
            (0..200).map(|s| quiz(s).answer()).collect();
        assert_eq!(places.len(), 4, "{places:?}");
        assert_eq!(shuffled_offsets(&[5], 1), vec![5]);
    }

    #[test]
    fn a_wrong_pick_is_refused_with_how_far_off_it_was() {
        let mut q = quiz(7);
        let answer = q.answer();
        let wrong = (0..4)
            .find(|&i| q.order[i] == 2)
            .expect("a clip 2 frames late");
        let v = q.pick(wrong).expect("a clip");
        assert!(!v.correct && !q.solved);
        assert_eq!(v.offset_frames, 2);
        assert_eq!(
            v.message,
            format!(
                "Not clip {}: its sound is 2 frames (83 ms) late: you hear the voice after the \
                 lips move.",
                clip_letter(wrong)
            )
        );
        assert!(q.refused[wrong]);
        assert!(
            q.clip_words(wrong).is_some(),
            "a refused clip shows its offset"
        );
        assert!(q.clip_words(answer).is_none(), "the answer stays hidden");
        let one = (0..4).find(|&i| q.order[i] == 1).expect("1 frame late");
        assert!(
            q.pick(one)
                .expect("a clip")
                .message
                .contains("1 frame (42 ms) late")
        );

        let v = q.pick(answer).expect("a clip");
        assert!(v.correct && q.solved, "{v:?}");
        assert!(
            v.message
                .starts_with(&format!("Clip {} is the one in sync", clip_letter(answer)))
        );
        assert_eq!(
            q.pick(9),
            Err(AnswerError::NoSuchClip { index: 9, count: 4 })
        );
        // Early sound is named as early.
        assert_eq!(
            offset_words(-1, FrameRate::Fps24),
            "1 frame (42 ms) early: you hear the voice before the lips move"
        );
    }

    #[test]
    fn revealing_shows_every_clip_and_finishes_the_task() {
        let mut q = quiz(3);
        assert!((0..4).all(|i| q.clip_words(i).is_none()));
        let v = q.reveal().expect("the answer");
        assert!(v.correct && v.clip == q.answer(), "{v:?}");
        assert!(q.solved && q.revealed);
        let words: Vec<String> = (0..4).filter_map(|i| q.clip_words(i)).collect();
        assert_eq!(words.len(), 4);
        assert!(words[q.answer()].starts_with("in sync"));
    }

    #[test]
    fn bad_offsets_are_named() {
        let fields = |offsets: Vec<i32>| -> Vec<String> {
            LateClipTask { offsets }
                .validate()
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert!(fields(vec![0, 1, 2, 3]).is_empty());
        assert!(fields(vec![-2, 0, 4]).is_empty());
        assert_eq!(fields(vec![1, 2, 3]), vec!["late_clip.offsets"]);
        assert_eq!(fields(vec![0, 0, 2]), vec!["late_clip.offsets"]);
        assert_eq!(fields(vec![0]), vec!["late_clip.offsets"]);
        assert_eq!(fields(vec![0, 1, 2, 3, 4, 5, 6]), vec!["late_clip.offsets"]);
        assert_eq!(fields(vec![0, 2, 2]), vec!["late_clip.offsets[2]"]);
        assert_eq!(fields(vec![0, 40]), vec!["late_clip.offsets[1]"]);
        let e = LateClipTask {
            offsets: vec![1, 2],
        }
        .validate();
        assert!(e[0].message.contains("one offset must be 0"), "{}", e[0]);
        assert!(LateClipQuiz::new(&LateClipTask { offsets: vec![] }, FrameRate::Fps24, 1).is_err());
        assert_eq!(clip_letter(0), 'A');
        assert_eq!(clip_letter(3), 'D');
    }
}
