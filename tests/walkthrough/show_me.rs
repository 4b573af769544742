//! "Show me" in presenter mode: from a half-done level the teacher plays the task's solution
//! step by step through the level's own messages, then the student's work comes back exactly
//! as it was; nothing of the demonstration is saved or recorded as progress.

use super::resume::{assert_same, level_text, work_half_way};
use super::*;
use backlot::GameConfig;
use backlot::classroom::presenter::model::STEP_SECONDS;
use backlot::classroom::presenter::show_me::{ShowMeCommand, ShowMeStatus};
use backlot::classroom::teacher_lock::model::LOCKED_NOTICE;
use backlot::config::StartScreen;
use backlot::stops::innovation::level::InnovationState;
use backlot::stops::marketing::level::MarketingState;
use backlot::stops::previs::level::PrevisState;
use backlot::stops::virtual_production::level::{VpCommand, VpState};
use backlot::tour::LevelStatus;
use backlot::tour::model::level_save::level_save_path;
use bevy::time::TimeUpdateStrategy;
use std::time::Duration;

/// Frame length while a demonstration plays: a few frames per step.
const FRAME: Duration = Duration::from_millis(250);

/// A game opened in `stop`'s level, in presenter mode (`--presenter`) or as a student.
fn level_app(dir: &std::path::Path, stop: usize, presenter: bool) -> App {
    let mut config = GameConfig::for_tests(dir.to_path_buf());
    config.presenter = presenter;
    config.start_stop = Some(stop);
    config.start_screen = StartScreen::Level;
    let mut app = backlot::testing::minimal_app_with(config);
    app.update();
    assert_eq!(phase(&app), Some(StopPhase::Level), "stop {stop}");
    app
}

fn showing(app: &App) -> Option<String> {
    app.world()
        .resource::<ShowMeStatus>()
        .showing
        .as_ref()
        .map(|s| s.caption.clone())
}

/// The level's save file as it is on disk now.
fn saved_text(app: &App, stop: usize) -> Option<String> {
    let dir = app.world().resource::<SaveData>().store.dir().to_path_buf();
    std::fs::read_to_string(level_save_path(&dir, stop)).ok()
}

/// Let the autosave write the student's work, on the demonstration's frame length.
fn settle_autosave(app: &mut App) {
    app.insert_resource(TimeUpdateStrategy::ManualDuration(FRAME));
    for _ in 0..4 {
        app.update();
    }
}

/// What one demonstration did: its captions in order, and whether `reached` held at some
/// frame while it played.
struct Shown {
    captions: Vec<String>,
    reached: bool,
}

/// Press Show me and let it play to its end (or stop it after `stop_after` captions),
/// checking on every frame that the level's save still holds the student's work and that
/// the level's status stays the student's. Returns what was shown.
fn show(
    app: &mut App,
    stop: usize,
    stop_after: Option<usize>,
    reached: impl Fn(&App) -> bool,
) -> Shown {
    show_at(app, stop, stop_after, FRAME, reached)
}

/// [`show`] with frames of `frame`.
fn show_at(
    app: &mut App,
    stop: usize,
    stop_after: Option<usize>,
    frame: Duration,
    reached: impl Fn(&App) -> bool,
) -> Shown {
    settle_autosave(app);
    app.insert_resource(TimeUpdateStrategy::ManualDuration(frame));
    let student = level_text(app, stop);
    let saved_before = saved_text(app, stop);
    let status = app.world().resource::<LevelStatus>().clone();
    app.world_mut().write_message(ShowMeCommand::Toggle);
    let mut shown = Shown {
        captions: Vec::new(),
        reached: false,
    };
    // Far more frames than any demonstration needs: it ends by itself.
    let frames = (600.0 / frame.as_secs_f32()) as usize;
    for _ in 0..frames {
        app.update();
        let Some(caption) = showing(app) else { break };
        if shown.captions.last() != Some(&caption) && !caption.is_empty() {
            shown.captions.push(caption);
        }
        shown.reached |= reached(app);
        assert_eq!(
            saved_text(app, stop),
            saved_before,
            "stop {stop}: nothing of the demonstration is saved"
        );
        assert_eq!(
            *app.world().resource::<LevelStatus>(),
            status,
            "stop {stop}: the level's status stays the student's"
        );
        if stop_after.is_some_and(|n| shown.captions.len() >= n) {
            app.world_mut().write_message(ShowMeCommand::Toggle);
        }
    }
    assert!(
        showing(app).is_none(),
        "stop {stop}: the demonstration ends"
    );
    app.insert_resource(TimeUpdateStrategy::Automatic);
    app.update();
    assert_same(
        &level_text(app, stop),
        &student,
        &format!("stop {stop}: the student's work after Show me"),
    );
    shown
}

/// The demonstration played every step, each captioned "step k of n", in order.
fn assert_every_step_captioned(shown: &Shown, stop: usize) {
    let n = shown.captions.len();
    assert!(n >= 1, "stop {stop}: at least one step");
    for (k, caption) in shown.captions.iter().enumerate() {
        let expected = format!("Show me — step {} of {n}: ", k + 1);
        assert!(
            caption.starts_with(&expected),
            "stop {stop}: {caption:?} is not {expected:?}…"
        );
    }
}

/// Leave the level and check that nothing of the demonstration reached the progress or
/// the level's save.
fn assert_nothing_recorded(app: &mut App, stop: usize, student: &str) {
    send(app, TourCommand::ToMap);
    let progress = &app.world().resource::<SaveData>().progress;
    assert_eq!(
        progress.level_stars.get(&(stop as u8)),
        None,
        "stop {stop}: no stars from the demonstration"
    );
    assert_same(
        &saved_text(app, stop).unwrap_or_else(|| {
            let said = app.world().resource::<Notices>().history.join(" | ");
            panic!("stop {stop}: the student's work is saved on leaving; notices: {said}")
        }),
        student,
        &format!("stop {stop}: the save after leaving"),
    );
}

/// Half-way through `stop`, Show me plays to the end with `reached` true at some point,
/// and everything comes back.
fn demonstrate(name: &str, stop: usize, reached: impl Fn(&App) -> bool) -> Shown {
    let dir = temp_data_dir(name);
    let mut app = level_app(&dir, stop, true);
    work_half_way(&mut app, stop);
    let student = level_text(&app, stop);
    let shown = show(&mut app, stop, None, reached);
    assert!(
        shown.reached,
        "stop {stop}: the level moved to the solution"
    );
    assert_every_step_captioned(&shown, stop);
    assert_nothing_recorded(&mut app, stop, &student);
    let _ = std::fs::remove_dir_all(&dir);
    shown
}

#[test]
fn intro_show_me_connects_traces_and_predicts() {
    let shown = demonstrate("show-intro", 0, |app| {
        app.world().resource::<IntroState>().level.is_complete()
    });
    assert!(shown.captions.iter().any(|c| c.contains("connect the")));
    assert!(shown.captions.iter().any(|c| c.contains("blame it")));
    assert!(
        shown
            .captions
            .last()
            .is_some_and(|c| c.contains(": pull the")),
        "{:?}",
        shown.captions.last()
    );
}

#[test]
fn show_me_is_locked_without_the_teacher_code() {
    let dir = temp_data_dir("show-locked");
    let mut app = level_app(&dir, 0, false);
    work_half_way(&mut app, 0);
    let student = level_text(&app, 0);
    send(&mut app, ShowMeCommand::Toggle);
    assert!(showing(&app).is_none(), "nothing is shown");
    let notices = &app.world().resource::<Notices>().history;
    assert!(notices.iter().any(|n| n == LOCKED_NOTICE), "{notices:?}");
    assert_same(&level_text(&app, 0), &student, "the level is untouched");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stopping_early_or_leaving_mid_way_gives_the_work_back() {
    let dir = temp_data_dir("show-stop-early");
    let mut app = level_app(&dir, 0, true);
    work_half_way(&mut app, 0);
    let student = level_text(&app, 0);
    let shown = show(&mut app, 0, Some(2), |_| false);
    assert_eq!(shown.captions.len(), 2, "stopped after two steps");

    // Start again and leave the level part-way: the exit save is the student's work.
    settle_autosave(&mut app);
    app.world_mut().write_message(ShowMeCommand::Toggle);
    for _ in 0..(2.0 * STEP_SECONDS / FRAME.as_secs_f32()) as usize {
        app.update();
    }
    assert!(showing(&app).is_some(), "still showing");
    assert_ne!(
        level_text(&app, 0),
        student,
        "the demonstration moved the level"
    );
    assert_nothing_recorded(&mut app, 0, &student);
    assert!(showing(&app).is_none(), "leaving ends the demonstration");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn post_show_me_slides_the_slam_into_sync_and_submits() {
    let shown = demonstrate("show-post", 3, |app| {
        let level = &app.world().resource::<PostState>().level;
        level.sync.check().offset_frames == 0 && level.progress.sync
    });
    assert!(shown.captions.iter().any(|c| c.contains("slide it")));
}

#[test]
fn conclusion_show_me_matches_one_card() {
    let dir = temp_data_dir("show-conclusion");
    let mut app = level_app(&dir, 6, true);
    work_half_way(&mut app, 6);
    let matched = |app: &App| {
        let game = &app.world().resource::<ConclusionState>().game;
        game.matched.iter().filter(|m| **m).count()
    };
    let before = matched(&app);
    let shown = show(&mut app, 6, None, |app| matched(app) == before + 1);
    assert!(
        shown.reached,
        "one more card is matched during the demonstration"
    );
    assert_every_step_captioned(&shown, 6);
    assert_eq!(matched(&app), before, "and given back afterwards");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn previs_show_me_composes_the_selected_panel_and_checks_it() {
    let shown = demonstrate("show-previs", 1, |app| {
        app.world().resource::<PrevisState>().panel_done(1)
    });
    let captions = shown.captions.join("\n");
    assert!(captions.contains("panel 2"), "{captions}");
    assert!(captions.contains("place the camera"), "{captions}");
    assert!(
        shown
            .captions
            .last()
            .is_some_and(|c| c.contains("check the shot")),
        "{captions}"
    );
}

#[test]
fn vp_show_me_sets_up_the_shot_and_records_a_passing_take() {
    let dir = temp_data_dir("show-vp");
    let mut app = level_app(&dir, 2, true);
    work_half_way(&mut app, 2);
    // A tracker that runs behind: the demonstration must compensate for it.
    send(&mut app, VpCommand::SetLatency(5));
    let student = level_text(&app, 2);
    let takes = app.world().resource::<VpState>().level.takes;
    // A take is measured frame by frame: play it at a game's frame rate.
    let shown = show_at(
        &mut app,
        2,
        None,
        Duration::from_secs_f32(1.0 / 60.0),
        |app| {
            let level = &app.world().resource::<VpState>().level;
            level.best[1].as_ref().is_some_and(|b| b.stars == 3)
        },
    );
    assert!(
        shown.reached,
        "the current shot was filmed with three stars: {:?}",
        shown.captions
    );
    assert_every_step_captioned(&shown, 2);
    let captions = shown.captions.join("\n");
    for part in [
        "focus on the actor",
        "compensation = latency",
        "key light",
        "roll",
    ] {
        assert!(captions.contains(part), "{part}: {captions}");
    }
    let level = &app.world().resource::<VpState>().level;
    assert_eq!(level.takes, takes, "the take is given back too");
    assert!(!level.shot_passed(1));
    assert_nothing_recorded(&mut app, 2, &student);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn marketing_show_me_works_the_open_ratio() {
    let dir = temp_data_dir("show-marketing");
    let mut app = level_app(&dir, 4, true);
    work_half_way(&mut app, 4);
    let student = level_text(&app, 4);
    let solved = |app: &App| app.world().resource::<MarketingState>().ratios_solved;
    let before = solved(&app);
    let shown = show(&mut app, 4, None, |app| solved(app) == before + 1);
    assert!(shown.reached, "the ratio was answered right");
    assert_every_step_captioned(&shown, 4);
    assert!(
        shown.captions[0].contains("5,000 ÷ 100,000 = 0.05"),
        "the comparison's arithmetic: {:?}",
        shown.captions
    );
    assert_eq!(solved(&app), before, "and given back afterwards");
    assert_nothing_recorded(&mut app, 4, &student);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn innovation_show_me_sets_a_plan_that_meets_the_deadline_and_runs_it() {
    let shown = demonstrate("show-innovation", 5, |app| {
        app.world().resource::<InnovationState>().best_met
    });
    let captions = shown.captions.join("\n");
    assert!(captions.contains("stop shipping drives"), "{captions}");
    assert!(
        shown
            .captions
            .last()
            .is_some_and(|c| c.contains("run the day")),
        "{captions}"
    );
}
