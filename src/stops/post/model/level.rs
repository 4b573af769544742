//! The Post-Production level as plain logic: progress through the five tasks, mistakes and
//! stars. The Bevy plugin and the tests drive it.

use super::{
    AnswerError, CountVerdict, CutVerdict, DropFramePuzzle, DropVerdict, LIP_SYNC_SEED,
    LIP_SYNC_WORDS, LabelsVerdict, LateClipQuiz, LipSyncDemo, Nudge, PickVerdict, PostLevelSpec,
    SpecError, SyncState, SyncVerdict, TalkingPicture, audio_track_for, lip_sync_demo_at,
    talking_picture,
};
use serde::{Deserialize, Serialize};

/// The tasks this level reports to the lesson table (`assets/lessons.ron`).
pub const TASKS: &[&str] = &["sync", "late-clip", "count", "cuts", "drop-frame"];

/// Which tasks are done.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PostProgress {
    pub sync: bool,
    /// The clip in sync was picked, or revealed to the class in presenter mode.
    #[serde(default)]
    pub late_clip: bool,
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
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PostLevel {
    pub spec: PostLevelSpec,
    pub sync: SyncState,
    /// (b) The talking clips in their shuffled order (a save from before the task gets the
    /// standard clips).
    #[serde(default)]
    pub late_clip: LateClipQuiz,
    pub puzzle: DropFramePuzzle,
    pub progress: PostProgress,
    /// Wrong answers so far.
    pub mistakes: u32,
}

impl PostLevel {
    /// A fresh level from validated content, its clips shuffled from seed 0.
    pub fn new(spec: PostLevelSpec) -> Result<PostLevel, Vec<SpecError>> {
        Self::with_seed(spec, 0)
    }

    /// A fresh level whose talking clips are shuffled from `seed` (the game's seed in play).
    pub fn with_seed(spec: PostLevelSpec, seed: u64) -> Result<PostLevel, Vec<SpecError>> {
        let errors = spec.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        let sync = SyncState::new(&spec.sync).map_err(|e| vec![e])?;
        let late_clip =
            LateClipQuiz::new(&spec.late_clip, sync.rate(), seed).map_err(|e| vec![e])?;
        let puzzle = DropFramePuzzle::from_spec(&spec.drop_frame).map_err(|e| vec![e])?;
        let progress = PostProgress {
            cuts: vec![false; spec.cut_list.cuts.len()],
            ..PostProgress::default()
        };
        Ok(PostLevel {
            spec,
            sync,
            late_clip,
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

    /// Moves the slam. Nudging is free and says nothing: only saying "in sync" tells how far
    /// off the slam is.
    pub fn nudge_sound(&mut self, nudge: Nudge) {
        self.sync.nudge(nudge);
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

    /// (b) The student says clip `index` is the one in sync: a wrong pick costs a star.
    pub fn pick_clip(&mut self, index: usize) -> Result<PickVerdict, AnswerError> {
        let verdict = self.late_clip.pick(index)?;
        self.progress.late_clip = self.record(self.progress.late_clip, verdict.correct);
        Ok(verdict)
    }

    /// (b) In presenter mode the class votes by a show of hands; the teacher's reveal shows
    /// every clip's offset and finishes the task (a class vote costs no star).
    pub fn reveal_clips(&mut self) -> Option<PickVerdict> {
        self.progress.late_clip = true;
        self.late_clip.reveal()
    }

    /// The talking clip's picture, the same for every clip.
    pub fn talking_picture(&self) -> TalkingPicture {
        talking_picture(self.sync.rate())
    }

    /// The talking clip with its sound `offset_frames` frames late, at the sync clip's rate.
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
            p.late_clip,
            p.count_frames,
            p.count_duration,
            p.frames_short,
            p.missing_labels,
        ];
        let done = flags.iter().filter(|&&f| f).count() + p.cuts.iter().filter(|&&f| f).count();
        (done, flags.len() + p.cuts.len())
    }

    /// Every task done: the level at its Full length.
    pub fn is_complete(&self) -> bool {
        let (done, total) = self.tasks_done();
        done == total
    }

    /// Units done of each task in [`TASKS`]: the frame count and its duration are one task of
    /// two units, and so are the two drop-frame puzzles.
    pub fn task_counts(&self) -> Vec<(&'static str, u32)> {
        let p = &self.progress;
        let count = |flags: &[bool]| {
            u32::try_from(flags.iter().filter(|f| **f).count()).unwrap_or(u32::MAX)
        };
        vec![
            ("sync", u32::from(p.sync)),
            ("late-clip", u32::from(p.late_clip)),
            ("count", count(&[p.count_frames, p.count_duration])),
            ("cuts", count(&p.cuts)),
            ("drop-frame", count(&[p.frames_short, p.missing_labels])),
        ]
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

    use crate::stops::post::model::SyncDirection;
    use crate::stops::post::model::test_support::{frame, spec};
    use crate::stops::post::timecode::{
        self, FrameRate, TimecodeError, convert_frame, parse_timecode,
    };

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

    /// Each length's core, answered unit by unit in the level's order, opens the gate at that
    /// length and no sooner; drop-frame is answered only at Full.
    #[test]
    fn each_length_opens_with_its_core_units_only() {
        use crate::tour::model::content::bundled_file;
        use crate::tour::model::lesson::{LessonLength, LessonTable, core_met};
        let table = bundled_file::<LessonTable>().expect("bundled lessons");
        let tasks = table.tasks(3);
        for length in LessonLength::ALL {
            let spec = spec();
            let w = worked(&spec);
            let mut level = PostLevel::new(spec).expect("valid");
            sync_by_ear(&mut level);
            let core = |task: &str| table.core(3, task, length) as usize;
            let mut steps: Vec<Box<dyn Fn(&mut PostLevel)>> = Vec::new();
            steps.extend((0..core("sync")).map(|_| {
                Box::new(|l: &mut PostLevel| {
                    l.submit_sync();
                }) as Box<dyn Fn(&mut PostLevel)>
            }));
            steps.extend((0..core("late-clip")).map(|_| {
                Box::new(|l: &mut PostLevel| {
                    let answer = l.late_clip.answer();
                    let _ = l.pick_clip(answer);
                }) as Box<dyn Fn(&mut PostLevel)>
            }));
            let (count, duration) = (w.count.clone(), w.duration.clone());
            let counts: [Box<dyn Fn(&mut PostLevel)>; 2] = [
                Box::new(move |l| {
                    let _ = l.answer_count(&count);
                }),
                Box::new(move |l| {
                    let _ = l.answer_duration(&duration);
                }),
            ];
            steps.extend(counts.into_iter().take(core("count")));
            for (i, (a, b)) in w.cuts.iter().cloned().enumerate().take(core("cuts")) {
                steps.push(Box::new(move |l| {
                    let _ = l.answer_cut(i, &a, &b);
                }));
            }
            let (short, skipped) = (w.frames_short.clone(), w.skipped.clone());
            let drops: [Box<dyn Fn(&mut PostLevel)>; 2] = [
                Box::new(move |l| {
                    let _ = l.answer_frames_short(&short);
                }),
                Box::new(move |l| {
                    let _ = l.answer_missing_labels(&skipped);
                }),
            ];
            steps.extend(drops.into_iter().take(core("drop-frame")));
            for step in &steps {
                assert!(!core_met(tasks, length, &level.task_counts()), "{length}");
                step(&mut level);
            }
            assert!(core_met(tasks, length, &level.task_counts()), "{length}");
            assert_eq!(level.mistakes, 0);
            assert_eq!(
                level.progress.frames_short,
                length == LessonLength::Full,
                "drop-frame is core only at Full"
            );
        }
    }

    #[test]
    fn the_level_completes_with_engine_answers() {
        let spec = spec();
        let w = worked(&spec);
        let mut level = PostLevel::new(spec).expect("valid");
        assert!(!level.is_complete());
        assert_eq!(level.tasks_done(), (0, 10));

        sync_by_ear(&mut level);
        assert!(level.submit_sync().in_sync);
        let answer = level.late_clip.answer();
        assert_eq!(level.late_clip.order[answer], 0);
        assert!(level.pick_clip(answer).expect("a clip").correct);
        assert_eq!(level.tasks_done(), (2, 10));
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
        assert!(
            v.hint.contains("first frame where the door is shut"),
            "{}",
            v.hint
        );
        assert!(
            !v.hint.contains('5') && !v.hint.contains("43"),
            "{}",
            v.hint
        );

        // A clip that is off is refused with how far off it was.
        let late = (0..level.late_clip.order.len())
            .find(|&i| level.late_clip.order[i] == 3)
            .expect("a clip 3 frames late");
        let v = level.pick_clip(late).expect("a clip");
        assert!(!v.correct && !level.progress.late_clip);
        assert!(
            v.message.contains("3 frames (125 ms) late"),
            "{}",
            v.message
        );
        assert_eq!(
            level.pick_clip(7).expect_err("no clip 7"),
            AnswerError::NoSuchClip { index: 7, count: 4 }
        );

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

        assert_eq!(level.mistakes, 10);
        assert_eq!(level.stars(), 1);
        assert!(!level.is_complete());
    }

    #[test]
    fn a_class_reveal_finishes_the_clip_task_without_a_mistake() {
        let mut level = PostLevel::with_seed(spec(), 5).expect("valid");
        let order = level.late_clip.order.clone();
        assert_eq!(
            PostLevel::with_seed(spec(), 5)
                .expect("valid")
                .late_clip
                .order,
            order,
            "the same seed shows the same order"
        );
        assert!((0..40).any(|seed| {
            PostLevel::with_seed(spec(), seed)
                .expect("valid")
                .late_clip
                .order
                != order
        }));
        level.reveal_clips();
        assert!(level.progress.late_clip && level.late_clip.revealed);
        assert_eq!(level.mistakes, 0);
        assert_eq!(level.tasks_done(), (1, 10));
        // A pick after the reveal costs nothing.
        let wrong = (level.late_clip.answer() + 1) % order.len();
        assert!(!level.pick_clip(wrong).expect("a clip").correct);
        assert_eq!(level.mistakes, 0);
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
}
