//! Stop 3, Post-Production: every timecode task answered from the engine.

use super::*;

pub(super) fn post(app: &App) -> &PostState {
    app.world().resource::<PostState>()
}

/// Stop 3: every answer is computed from the engine, and a wrong one is refused first.
pub(super) fn play_post_level(app: &mut App) {
    // (a) The slam starts late; a wrong "in sync" is refused, then slide it onto the door frame.
    send(app, PostCommand::SubmitSync);
    assert!(
        !post(app).level.progress.sync,
        "an offset slam is not in sync"
    );
    let offset = post(app).level.sync.check().offset_frames;
    assert_ne!(offset, 0);
    let nudge = if offset > 0 {
        Nudge::FrameEarlier
    } else {
        Nudge::FrameLater
    };
    for _ in 0..offset.abs() {
        send(app, PostCommand::Nudge(nudge));
    }
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
    assert_eq!(post(app).level.stars(), 2, "two wrong answers cost a star");
    send(app, TourCommand::FinishLevel);
}

/// Stop 3 with its core tasks only, unit by unit; one unit short the level stays open. At
/// Short and Standard the drop-frame puzzles are extensions and are never answered.
pub(super) fn play_post_core(app: &mut App) {
    use backlot::stops::post::level::STOP;
    let offset = post(app).level.sync.check().offset_frames;
    let nudge = if offset > 0 {
        Nudge::FrameEarlier
    } else {
        Nudge::FrameLater
    };
    for _ in 0..offset.abs() {
        send(app, PostCommand::Nudge(nudge));
    }
    let level = &post(app).level;
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
