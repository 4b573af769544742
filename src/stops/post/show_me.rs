//! "Show me" for Post-Production: the first task not yet done, solved from the engine. The
//! door slam slides to its frame (a second at a time while it is far, then a frame at a
//! time) and is submitted; the counts, cuts and drop-frame answers are entered as the
//! engine works them out.

use bevy::prelude::*;

use crate::classroom::presenter::model::ShowStep;
use crate::classroom::presenter::show_me::ShowMe;
use crate::stops::post::level::{PostCommand, PostState};
use crate::stops::post::model::{Nudge, PostLevel};

/// The steps that finish the current task of `level`.
pub fn show_me_steps(level: &PostLevel) -> Vec<ShowStep<PostCommand>> {
    let done = &level.progress;
    if !done.sync {
        return sync_steps(level);
    }
    let count = &level.spec.count;
    if !done.count_frames
        && let Ok(frames) = count.expected_frames()
    {
        return vec![ShowStep::new(
            format!("count the frames from the in point to the out point: {frames}"),
            PostCommand::AnswerCount(frames.to_string()),
        )];
    }
    if !done.count_duration
        && let Ok(duration) = count.expected_duration()
    {
        return vec![ShowStep::new(
            format!("frames divided by the frame rate give the duration: {duration}"),
            PostCommand::AnswerDuration(duration.to_string()),
        )];
    }
    if let Ok(key) = level.spec.cut_list.answer_key() {
        let open: Vec<ShowStep<PostCommand>> = key
            .iter()
            .enumerate()
            .filter(|(i, _)| !done.cuts.get(*i).copied().unwrap_or(true))
            .map(|(index, cut)| {
                ShowStep::new(
                    format!(
                        "cut {}: in at {}, out at {} on the timeline",
                        index + 1,
                        cut.in_to,
                        cut.out_to
                    ),
                    PostCommand::AnswerCut {
                        index,
                        in_tc: cut.in_to.to_string(),
                        out_tc: cut.out_to.to_string(),
                    },
                )
            })
            .collect();
        if !open.is_empty() {
            return open;
        }
    }
    drop_frame_steps(level)
}

fn sync_steps(level: &PostLevel) -> Vec<ShowStep<PostCommand>> {
    let mut sync = level.sync;
    let second = Nudge::SecondLater.frames(sync.rate()).max(1);
    let mut steps = Vec::new();
    while sync.check().offset_frames != 0 {
        let offset = i64::from(sync.check().offset_frames);
        let (nudge, what) = match (offset > 0, offset.abs() >= second) {
            (true, true) => (Nudge::SecondEarlier, "a second earlier"),
            (true, false) => (Nudge::FrameEarlier, "a frame earlier"),
            (false, true) => (Nudge::SecondLater, "a second later"),
            (false, false) => (Nudge::FrameLater, "a frame later"),
        };
        let late = if offset > 0 { "late" } else { "early" };
        steps.push(ShowStep::new(
            format!(
                "the slam is {} frames {late}: slide it {what}",
                offset.abs()
            ),
            PostCommand::Nudge(nudge),
        ));
        sync.nudge(nudge);
    }
    steps.push(ShowStep::new(
        "the bang lands on the frame where the door shuts: it's in sync",
        PostCommand::SubmitSync,
    ));
    steps
}

fn drop_frame_steps(level: &PostLevel) -> Vec<ShowStep<PostCommand>> {
    let puzzle = &level.puzzle;
    if !level.progress.frames_short {
        return vec![ShowStep::new(
            format!(
                "count the frames the clock falls short: {}",
                puzzle.frames_short
            ),
            PostCommand::AnswerFramesShort(puzzle.frames_short.to_string()),
        )];
    }
    if !level.progress.missing_labels {
        let missing: Vec<usize> = puzzle
            .labels
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.exists)
            .map(|(i, _)| i)
            .collect();
        return vec![ShowStep::new(
            "drop-frame skips labels, never frames: pick the labels that do not exist",
            PostCommand::AnswerMissingLabels(missing),
        )];
    }
    Vec::new()
}

impl ShowMe for PostState {
    type Command = PostCommand;
    fn steps(world: &World) -> Vec<ShowStep<PostCommand>> {
        world
            .get_resource::<PostState>()
            .map_or_else(Vec::new, |s| show_me_steps(&s.level))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::post::model::bundled_spec;

    fn fresh() -> PostLevel {
        PostLevel::new(bundled_spec().expect("bundled content")).expect("a level")
    }

    #[test]
    fn the_sync_steps_slide_the_slam_onto_its_frame_then_submit() {
        let level = fresh();
        let steps = show_me_steps(&level);
        let mut sync = level.sync;
        let (last, nudges) = steps.split_last().expect("steps");
        assert_eq!(last.command, PostCommand::SubmitSync);
        assert!(!nudges.is_empty(), "the slam starts off its frame");
        for step in nudges {
            let PostCommand::Nudge(n) = step.command else {
                panic!("only nudges before the submit: {step:?}");
            };
            let before = sync.check().offset_frames.abs();
            sync.nudge(n);
            assert!(
                sync.check().offset_frames.abs() < before,
                "each nudge gets closer"
            );
        }
        assert_eq!(sync.check().offset_frames, 0, "in sync at the end");
    }

    #[test]
    fn once_in_sync_the_next_task_is_the_frame_count() {
        let mut level = fresh();
        level.progress.sync = true;
        let steps = show_me_steps(&level);
        let expected = level.spec.count.expected_frames().expect("frames");
        assert_eq!(
            steps.iter().map(|s| s.command.clone()).collect::<Vec<_>>(),
            vec![PostCommand::AnswerCount(expected.to_string())]
        );
    }

    #[test]
    fn every_task_done_leaves_nothing_to_show() {
        let mut level = fresh();
        let cuts = level.progress.cuts.len();
        level.progress = crate::stops::post::model::PostProgress {
            sync: true,
            count_frames: true,
            count_duration: true,
            cuts: vec![true; cuts],
            frames_short: true,
            missing_labels: true,
        };
        assert!(show_me_steps(&level).is_empty());
    }
}
