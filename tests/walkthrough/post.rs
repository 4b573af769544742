//! Stop 3, Post-Production: the door found frame by frame, the clip in sync picked (or
//! revealed to a class in presenter mode), and every timecode task answered from the engine.

use super::*;
use backlot::GameConfig;
use backlot::config::StartScreen;
use backlot::stops::post::level::Viewer;

pub(super) fn post(app: &App) -> &PostState {
    app.world().resource::<PostState>()
}

/// Steps the picture until the door is shut, as a student does: the frame is never marked.
/// Returns the first frame where the door is shut.
fn find_the_door_frame(app: &mut App) -> u32 {
    send(app, PostCommand::View(Viewer::Door));
    send(app, PostCommand::Step(-10_000));
    assert_eq!(post(app).playhead_frame(), 0);
    for _ in 0..post(app).viewer_frames() {
        let frame = post(app).playhead_frame();
        if post(app).level.sync.door_is_shut(frame) {
            return frame;
        }
        send(app, PostCommand::Step(1));
    }
    panic!("the door never shuts in the picture");
}

/// Slides the slam, a frame at a time, until it starts on `frame`. Nudging says nothing.
fn slide_the_slam_to(app: &mut App, frame: u32) {
    while post(app).level.sync.sound_frame() != frame {
        let nudge = if post(app).level.sync.sound_frame() > frame {
            Nudge::FrameEarlier
        } else {
            Nudge::FrameLater
        };
        send(app, PostCommand::Nudge(nudge));
        assert!(
            post(app).feedback.sync.is_none(),
            "a nudge gives no hint of the error"
        );
    }
}

/// Plays every talking clip for real: its sound goes out and its picture is in the viewer.
fn play_every_clip(app: &mut App) {
    for index in 0..post(app).level.late_clip.order.len() {
        send(app, PostCommand::PlayClip(index));
        assert_eq!(post(app).viewer, Viewer::Clip(index));
        let letter = (b'A' + index as u8) as char;
        let captions = &app.world().resource::<Captions>().active;
        assert!(
            captions
                .iter()
                .any(|c| c.text == format!("[clip {letter}: the actor speaks]")),
            "clip {letter} plays with its sound, captioned without its offset: {captions:?}"
        );
    }
}

/// Stop 3: every answer is computed from the engine, and a wrong one is refused first.
pub(super) fn play_post_level(app: &mut App) {
    // (a) The slam starts off the door; a wrong "in sync" is refused with how far and which
    // way, then the student finds the door's frame and slides the slam onto it.
    send(app, PostCommand::SubmitSync);
    assert!(
        !post(app).level.progress.sync,
        "an offset slam is not in sync"
    );
    let said = post(app).feedback.sync.clone().expect("the verdict");
    assert!(
        said.description.contains("frames") && said.description.contains("late"),
        "how far off, and which way: {}",
        said.description
    );
    let door = find_the_door_frame(app);
    slide_the_slam_to(app, door);
    send(app, PostCommand::PlaySync);
    assert!(
        app.world()
            .resource::<Captions>()
            .active
            .iter()
            .any(|c| c.text.contains("door slams")),
        "the slam is captioned"
    );
    send(app, PostCommand::SubmitSync);
    assert!(post(app).level.progress.sync);

    pick_the_clip_in_sync(app);

    // (b) Count frames and duration, with a wrong count and unreadable input first.
    let count = post(app)
        .level
        .spec
        .count
        .expected_frames()
        .expect("frames");
    send(app, PostCommand::AnswerCount("not a number".into()));
    assert!(matches!(post(app).feedback.count, Some(Err(_))));
    send(app, PostCommand::AnswerCount((count + 1).to_string()));
    assert!(!post(app).level.progress.count_frames);
    send(app, PostCommand::AnswerCount(count.to_string()));
    assert!(post(app).level.progress.count_frames);
    let duration = post(app)
        .level
        .spec
        .count
        .expected_duration()
        .expect("duration");
    send(app, PostCommand::AnswerDuration(duration.to_string()));
    assert!(post(app).level.progress.count_duration);

    // (c) The cut list, from the engine's answer key.
    let key = post(app).level.spec.cut_list.answer_key().expect("key");
    for (index, cut) in key.iter().enumerate() {
        send(
            app,
            PostCommand::AnswerCut {
                index,
                in_tc: cut.in_to.to_string(),
                out_tc: cut.out_to.to_string(),
            },
        );
    }
    assert!(post(app).level.progress.cuts.iter().all(|c| *c));

    // (d) Drop-frame: frames short, and the labels the engine says do not exist.
    let short = post(app).level.puzzle.frames_short;
    send(app, PostCommand::AnswerFramesShort(short.to_string()));
    let missing: Vec<usize> = post(app)
        .level
        .puzzle
        .labels
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.exists)
        .map(|(i, _)| i)
        .collect();
    send(app, PostCommand::AnswerMissingLabels(missing));
    assert!(post(app).level.is_complete());
    assert_eq!(post(app).level.mistakes, 3);
    assert_eq!(
        post(app).level.stars(),
        2,
        "three wrong answers cost a star"
    );
    send(app, TourCommand::FinishLevel);
}

/// (b) Which clip is in sync? Each clip plays; a student's reveal and a wrong pick are refused
/// with their reasons, then the right pick is taken.
fn pick_the_clip_in_sync(app: &mut App) {
    play_every_clip(app);
    let quiz = &post(app).level.late_clip;
    let (answer, wrong) = (quiz.answer(), (quiz.answer() + 1) % quiz.order.len());
    send(app, PostCommand::RevealClips);
    assert!(
        matches!(&post(app).feedback.late_clip, Some(Err(e)) if e.contains("presenter mode")),
        "a student cannot reveal the answer: {:?}",
        post(app).feedback.late_clip
    );
    send(app, PostCommand::PickClip(wrong));
    let verdict = post(app).feedback.late_clip.clone();
    let Some(Ok(refused)) = verdict else {
        panic!("a pick has a verdict: {verdict:?}");
    };
    assert!(!refused.correct && !post(app).level.progress.late_clip);
    assert!(
        refused.message.contains("frame") && refused.message.contains("late"),
        "{}",
        refused.message
    );
    send(app, PostCommand::PickClip(answer));
    assert!(post(app).level.progress.late_clip);
}

/// Stop 3 with its core tasks only, unit by unit; one unit short the level stays open. At
/// Short and Standard the drop-frame puzzles are extensions and are never answered.
pub(super) fn play_post_core(app: &mut App) {
    use backlot::stops::post::level::STOP;
    let door = find_the_door_frame(app);
    slide_the_slam_to(app, door);
    let level = &post(app).level;
    let answer = level.late_clip.answer();
    let count = level.spec.count.expected_frames().expect("frames");
    let duration = level.spec.count.expected_duration().expect("duration");
    let key = level.spec.cut_list.answer_key().expect("key");
    let short = level.puzzle.frames_short;
    let missing: Vec<usize> = level
        .puzzle
        .labels
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.exists)
        .map(|(i, _)| i)
        .collect();
    let mut units = Vec::new();
    units.extend((0..core(app, STOP, "sync")).map(|_| PostCommand::SubmitSync));
    units.extend((0..core(app, STOP, "late-clip")).map(|_| PostCommand::PickClip(answer)));
    let counts = [
        PostCommand::AnswerCount(count.to_string()),
        PostCommand::AnswerDuration(duration.to_string()),
    ];
    units.extend(counts.into_iter().take(core(app, STOP, "count") as usize));
    let cuts = key
        .iter()
        .enumerate()
        .map(|(index, cut)| PostCommand::AnswerCut {
            index,
            in_tc: cut.in_to.to_string(),
            out_tc: cut.out_to.to_string(),
        });
    units.extend(cuts.take(core(app, STOP, "cuts") as usize));
    let drop = [
        PostCommand::AnswerFramesShort(short.to_string()),
        PostCommand::AnswerMissingLabels(missing),
    ];
    units.extend(
        drop.into_iter()
            .take(core(app, STOP, "drop-frame") as usize),
    );
    let last = units.pop().expect("at least one core unit");
    for unit in units {
        send(app, unit);
    }
    assert_level_not_done(app);
    send(app, last);
    assert_eq!(post(app).level.mistakes, 0, "every answer was right");
    send(app, TourCommand::FinishLevel);
}

/// Presenter mode: the clips are a class vote. A pick is refused until the teacher reveals the
/// answer, and the reveal finishes the task without a wrong answer.
#[test]
fn presenter_mode_takes_a_show_of_hands_and_reveals_the_clip_in_sync() {
    let dir = temp_data_dir("post-class-vote");
    let mut config = GameConfig::for_tests(dir.clone());
    config.presenter = true;
    config.start_stop = Some(3);
    config.start_screen = StartScreen::Level;
    let mut app = backlot::testing::minimal_app_with(config);
    app.update();
    assert_eq!(phase(&app), Some(StopPhase::Level));
    play_every_clip(&mut app);
    send(&mut app, PostCommand::PickClip(0));
    assert!(
        matches!(&post(&app).feedback.late_clip, Some(Err(e)) if e.contains("show of hands")),
        "{:?}",
        post(&app).feedback.late_clip
    );
    assert!(!post(&app).level.progress.late_clip && !post(&app).level.late_clip.revealed);
    send(&mut app, PostCommand::RevealClips);
    let level = &post(&app).level;
    assert!(level.late_clip.revealed && level.progress.late_clip);
    assert_eq!(level.mistakes, 0, "a class vote costs no star");
    let Some(Ok(shown)) = &post(&app).feedback.late_clip else {
        panic!("the reveal names the clip in sync");
    };
    assert!(
        shown.correct && shown.message.contains("in sync"),
        "{}",
        shown.message
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The clips' order comes from the game's seed: the same seed, the same order.
#[test]
fn the_clip_order_is_drawn_from_the_game_seed() {
    let order = |seed: u64| {
        let dir = temp_data_dir(&format!("post-seed-{seed}"));
        let mut config = GameConfig::for_tests(dir.clone());
        config.seed = seed;
        config.start_stop = Some(3);
        config.start_screen = StartScreen::Level;
        let mut app = backlot::testing::minimal_app_with(config);
        app.update();
        let order = post(&app).level.late_clip.order.clone();
        let _ = std::fs::remove_dir_all(&dir);
        order
    };
    assert_eq!(order(11), order(11));
    assert!((12..20).any(|seed| order(seed) != order(11)));
}
