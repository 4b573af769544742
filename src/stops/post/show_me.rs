//! "Show me" for Post-Production: the first task not yet done, solved from the engine. The
//! playhead steps to the frame where the door shuts, the door slam slides onto it (a second
//! at a time while it is far, then a frame at a time) and is submitted; each talking clip
//! plays and the one in sync is picked (in presenter mode: revealed to the class); the
//! counts, cuts and drop-frame answers are entered as the engine works them out.

use bevy::prelude::*;

use crate::classroom::presenter::commands::PresenterState;
use crate::classroom::presenter::model::ShowStep;
use crate::classroom::presenter::show_me::ShowMe;
use crate::stops::post::level::{PostCommand, PostState, Viewer};
use crate::stops::post::model::{Nudge, PostLevel, clip_letter};

/// The steps that finish the current task of `level`, from the playhead's `frame`. In
/// presenter mode the clips task ends with the class's Reveal rather than a pick.
pub fn show_me_steps(level: &PostLevel, frame: u32, presenter: bool) -> Vec<ShowStep<PostCommand>> {
    let done = &level.progress;
    if !done.sync {
        return sync_steps(level, frame);
    }
    if !done.late_clip {
        return late_clip_steps(level, presenter);
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

/// Find the door's frame in the picture, then slide the slam onto it and submit.
fn sync_steps(level: &PostLevel, frame: u32) -> Vec<ShowStep<PostCommand>> {
    let mut sync = level.sync;
    let second = Nudge::SecondLater.frames(sync.rate()).max(1);
    let shut = (0..sync.clip_frames())
        .find(|&f| sync.door_is_shut(f))
        .unwrap_or(0);
    let mut steps = vec![ShowStep::new(
        "look at the picture: the door is swinging shut",
        PostCommand::View(Viewer::Door),
    )];
    // The door's clip may be shorter than the one in view: the playhead lands inside it.
    let frame = frame.min(sync.clip_frames().saturating_sub(1));
    let delta = i64::from(shut) - i64::from(frame);
    if delta != 0 {
        steps.push(ShowStep::new(
            format!("step the picture to frame {shut}: the first frame where the door is shut"),
            PostCommand::Step(i32::try_from(delta).unwrap_or(0)),
        ));
    }
    while sync.check().offset_frames != 0 {
        let offset = i64::from(sync.check().offset_frames);
        let (nudge, what) = match (offset > 0, offset.abs() >= second) {
            (true, true) => (Nudge::SecondEarlier, "a second earlier"),
            (true, false) => (Nudge::FrameEarlier, "a frame earlier"),
            (false, true) => (Nudge::SecondLater, "a second later"),
            (false, false) => (Nudge::FrameLater, "a frame later"),
        };
        steps.push(ShowStep::new(
            format!(
                "the slam starts on frame {}, the door shuts on frame {shut}: slide it {what}",
                sync.sound_frame()
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

/// Play every clip, then pick the one in sync (presenter mode: reveal it to the class).
fn late_clip_steps(level: &PostLevel, presenter: bool) -> Vec<ShowStep<PostCommand>> {
    let quiz = &level.late_clip;
    let mut steps: Vec<ShowStep<PostCommand>> = (0..quiz.order.len())
        .map(|index| {
            ShowStep::new(
                format!(
                    "play clip {}: watch the lips open and listen for the voice",
                    clip_letter(index)
                ),
                PostCommand::PlayClip(index),
            )
        })
        .collect();
    let answer = clip_letter(quiz.answer());
    steps.push(if presenter {
        ShowStep::new(
            format!("take a show of hands, then reveal: clip {answer} is in sync"),
            PostCommand::RevealClips,
        )
    } else {
        ShowStep::new(
            format!("in clip {answer} the voice starts as the lips open: it is in sync"),
            PostCommand::PickClip(quiz.answer()),
        )
    });
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
        let presenter = world
            .get_resource::<PresenterState>()
            .is_some_and(|p| p.active);
        world
            .get_resource::<PostState>()
            .map_or_else(Vec::new, |s| {
                show_me_steps(&s.level, s.playhead_frame(), presenter)
            })
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
    fn the_sync_steps_find_the_door_then_slide_the_slam_onto_its_frame_and_submit() {
        let level = fresh();
        let steps = show_me_steps(&level, 0, true);
        let mut sync = level.sync;
        let (last, rest) = steps.split_last().expect("steps");
        assert_eq!(last.command, PostCommand::SubmitSync);
        assert_eq!(rest[0].command, PostCommand::View(Viewer::Door));
        let PostCommand::Step(to_door) = rest[1].command else {
            panic!("the playhead steps to the door first: {:?}", rest[1]);
        };
        let door = u32::try_from(to_door).expect("forwards");
        assert!(sync.door_is_shut(door) && !sync.door_is_shut(door - 1));
        let nudges = &rest[2..];
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
    fn the_clips_play_then_the_one_in_sync_is_picked_or_revealed() {
        let mut level = fresh();
        level.progress.sync = true;
        let commands = |presenter| -> Vec<PostCommand> {
            show_me_steps(&level, 0, presenter)
                .into_iter()
                .map(|s| s.command)
                .collect()
        };
        let plays: Vec<PostCommand> = (0..4).map(PostCommand::PlayClip).collect();
        let mut student = plays.clone();
        student.push(PostCommand::PickClip(level.late_clip.answer()));
        assert_eq!(commands(false), student);
        let mut class = plays;
        class.push(PostCommand::RevealClips);
        assert_eq!(commands(true), class);
        let answer = level.late_clip.answer();
        assert!(level.pick_clip(answer).expect("a clip").correct);
        assert_eq!(level.mistakes, 0);
    }

    #[test]
    fn once_the_clip_is_picked_the_next_task_is_the_frame_count() {
        let mut level = fresh();
        level.progress.sync = true;
        level.progress.late_clip = true;
        let steps = show_me_steps(&level, 0, true);
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
            late_clip: true,
            count_frames: true,
            count_duration: true,
            cuts: vec![true; cuts],
            frames_short: true,
            missing_labels: true,
        };
        assert!(show_me_steps(&level, 0, true).is_empty());
    }
}
