//! A headless walkthrough of the whole tour through the real logic plugins and messages:
//! `MinimalPlugins` + `StatesPlugin` + `LogicPlugin`, no window and no renderer.

use backlot::audio::captions::Captions;
use backlot::stops::conclusion::level::{ConclusionCommand, ConclusionState, PollAnswer};
use backlot::stops::intro::level::{IntroCommand, IntroState};
use backlot::stops::intro::model::IntroPhase;
use backlot::stops::post::level::{PostCommand, PostState};
use backlot::stops::post::model::Nudge;
use backlot::testing::{minimal_app, temp_data_dir};
use backlot::tour::content_plugin::Content;
use backlot::tour::model::progress::Progress;
use backlot::tour::model::quiz::SubmitOutcome;
use backlot::tour::{
    ActiveGate, CurrentStop, GateCommand, LevelStatus, Notices, SaveData, Screen, StopPhase,
    TourCommand,
};
use bevy::prelude::*;

mod classroom;
mod conclusion;
mod crew;
mod innovation;
mod intro;
mod lessons;
mod marketing;
mod post;
mod previs;
mod profiles;
mod resume;
mod show_me;
mod teacher_lock;
mod virtual_production;

use conclusion::play_conclusion_level;
use innovation::play_innovation_level;
use intro::play_intro_level;
use marketing::play_marketing_level;
use post::play_post_level;
use previs::play_previs_level;
use virtual_production::play_vp_level;

fn send<M: Message>(app: &mut App, message: M) {
    app.world_mut().write_message(message);
    // One update applies the message, a second settles any state transition it queued.
    app.update();
    app.update();
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn phase(app: &App) -> Option<StopPhase> {
    app.world()
        .get_resource::<State<StopPhase>>()
        .map(|s| *s.get())
}

/// Units of `task` that are core at `stop` at the lesson length in force.
fn core(app: &App, stop: usize, task: &str) -> u32 {
    let length = app.world().resource::<backlot::tour::ActiveLesson>().length;
    app.world()
        .resource::<Content<backlot::tour::model::lesson::LessonTable>>()
        .core(stop, task, length)
}

/// The level refuses to end: its core is not done yet.
fn assert_level_not_done(app: &mut App) {
    send(app, TourCommand::FinishLevel);
    assert_eq!(
        phase(app),
        Some(StopPhase::Level),
        "the level stays open until its core is done"
    );
}

/// Display positions of the right and of one wrong choice of the gate's current question.
fn positions(app: &App) -> (Vec<usize>, Option<usize>) {
    let gate = app.world().resource::<ActiveGate>();
    let shown = gate.session.displayed_choices();
    let right = shown
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| c.correct)
        .map(|(i, _)| i)
        .collect();
    let wrong = shown.iter().position(|(_, c)| !c.correct);
    (right, wrong)
}

/// Answer every question of the open gate correctly and walk out through it.
fn pass_gate(app: &mut App) {
    loop {
        let (right, _) = positions(app);
        for pos in right {
            send(app, GateCommand::Select(pos));
        }
        send(app, GateCommand::Submit);
        let gate = app.world().resource::<ActiveGate>();
        assert!(
            matches!(gate.last_outcome, Some(SubmitOutcome::Correct { .. })),
            "right answers are accepted"
        );
        let last = gate.session.current_index() + 1 == gate.session.question_count();
        send(app, GateCommand::Next);
        if last {
            break;
        }
    }
}

/// Open a stop, play its level through the real commands and pass its gate. At Stop 0 a wrong
/// answer is tried first, and must keep the gate shut.
fn play_stop(app: &mut App, stop: usize) {
    send(app, TourCommand::OpenStop(stop));
    assert_eq!(screen(app), Screen::Stop, "stop {stop} opens");
    assert_eq!(app.world().resource::<CurrentStop>().0, stop);
    assert_eq!(phase(app), Some(StopPhase::Briefing));
    crew::hear_the_introduction(app, stop);
    send(app, TourCommand::BeginLevel);
    assert_eq!(phase(app), Some(StopPhase::Level));
    crew::the_host_hands_over(app, stop);
    match stop {
        0 => play_intro_level(app),
        1 => play_previs_level(app),
        2 => play_vp_level(app),
        3 => play_post_level(app),
        4 => play_marketing_level(app),
        5 => play_innovation_level(app),
        6 => play_conclusion_level(app),
        _ => unreachable!("every stop has a level"),
    }
    assert_eq!(
        phase(app),
        Some(StopPhase::Gate),
        "stop {stop} reaches its gate"
    );
    crew::the_host_reacted_and_sent_to_the_gate(app, stop);
    if stop == 0 {
        a_wrong_answer_keeps_the_gate_shut(app);
    }
    pass_gate(app);
    if stop < 6 {
        assert_eq!(screen(app), Screen::Map);
        assert!(
            app.world()
                .resource::<SaveData>()
                .progress
                .is_unlocked(stop + 1),
            "passing stop {stop} unlocks the next"
        );
    }
}

/// A wrong answer keeps the gate shut and explains itself; Next cannot skip it.
fn a_wrong_answer_keeps_the_gate_shut(app: &mut App) {
    let (_, wrong) = positions(app);
    send(app, GateCommand::Select(wrong.expect("a wrong choice")));
    send(app, GateCommand::Submit);
    let gate = app.world().resource::<ActiveGate>();
    assert!(!gate.session.is_open());
    match &gate.last_outcome {
        Some(SubmitOutcome::Incorrect { feedback, .. }) => {
            assert!(!feedback[0].explanation.is_empty())
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    send(app, GateCommand::Next);
    assert_eq!(
        phase(app),
        Some(StopPhase::Gate),
        "Next cannot skip a shut gate"
    );
    assert!(!app.world().resource::<SaveData>().progress.is_unlocked(1));
}

/// The default profile's save file, where a run with no profile chosen is kept.
fn player_save(dir: &std::path::Path) -> std::path::PathBuf {
    backlot::tour::model::profiles::profile_dir(dir, "player").join("progress.ron")
}

/// The save file on disk shows the whole run: gates, attempts, stars and poll answers.
fn check_saved_run(dir: &std::path::Path) {
    let text = std::fs::read_to_string(player_save(dir)).expect("save written");
    let saved: Progress = ron::from_str(&text).expect("save parses");
    assert_eq!(saved.stops_passed(), 7);
    assert!(saved.unlocked.iter().all(|u| *u));
    let intro_gate = &saved.gates[&0];
    assert_eq!(
        intro_gate.total_attempts(),
        2,
        "the wrong try and the right one"
    );
    assert!(!intro_gate.questions[0].attempts[0].correct);
    assert_eq!(saved.gates[&6].questions.len(), 4, "the Rapid Fire Review");
    assert_eq!(
        saved.level_stars[&0], 1,
        "a distractor, two wrong blames and a wrong prediction: one star"
    );
    assert_eq!(
        saved.level_stars[&1], 3,
        "every shot matched with one revision"
    );
    assert_eq!(saved.level_stars[&3], 2);
    assert!(saved.level_stars[&4] >= 2, "the campaign met its goals");
    assert_eq!(
        saved.level_stars[&5], 2,
        "two prompts: complete, not three stars"
    );
    assert_eq!(saved.level_stars[&6], 2, "one wrong match: two stars");
    assert_eq!(saved.career_plan.len(), 2, "the career plan is saved");
    assert_eq!(
        saved.heard_intro.len(),
        7,
        "every stop's introduction was heard"
    );
    assert_eq!(saved.polls.get("rating"), Some(&4));
    assert_eq!(saved.polls.get("interest"), Some(&2));
    assert_eq!(saved.polls.len(), 2);
}

#[test]
fn the_whole_tour_plays_through_its_gates_and_is_saved() {
    let dir = temp_data_dir("walkthrough");
    let mut app = minimal_app(dir.clone());
    assert_eq!(screen(&app), Screen::Title);

    send(&mut app, TourCommand::StartTour);
    assert_eq!(screen(&app), Screen::Map);

    // A locked stop stays shut and says why.
    send(&mut app, TourCommand::OpenStop(3));
    assert_eq!(screen(&app), Screen::Map);
    assert!(
        app.world()
            .resource::<Notices>()
            .history
            .iter()
            .any(|n| n.contains("locked"))
    );

    for stop in 0..7 {
        play_stop(&mut app, stop);
    }
    assert_eq!(
        screen(&app),
        Screen::Finale,
        "the tour ends at the Conclusion"
    );
    send(
        &mut app,
        PollAnswer {
            poll: "rating".into(),
            option: 4,
        },
    );
    send(
        &mut app,
        PollAnswer {
            poll: "interest".into(),
            option: 2,
        },
    );
    // An answer to a poll that does not exist is ignored.
    send(
        &mut app,
        PollAnswer {
            poll: "nope".into(),
            option: 0,
        },
    );

    // The save file on disk shows the run.
    check_saved_run(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn progress_survives_a_restart_and_a_corrupt_save_is_set_aside() {
    let dir = temp_data_dir("restart");
    {
        let mut app = minimal_app(dir.clone());
        send(&mut app, TourCommand::StartTour);
        send(&mut app, TourCommand::OpenStop(0));
        send(&mut app, TourCommand::BeginLevel);
        play_intro_level(&mut app);
        pass_gate(&mut app);
    }
    let app = minimal_app(dir.clone());
    assert!(
        app.world().resource::<SaveData>().progress.is_unlocked(1),
        "a new session keeps the unlock"
    );
    drop(app);

    std::fs::write(player_save(&dir), "(unlocked: [tru").expect("corrupt it");
    let app = minimal_app(dir.clone());
    assert_eq!(
        app.world().resource::<SaveData>().progress,
        Progress::default()
    );
    assert!(
        app.world()
            .resource::<Notices>()
            .history
            .iter()
            .any(|n| n.contains("damaged")),
        "the player is told"
    );
    assert!(
        player_save(&dir).with_extension("ron.bak").exists(),
        "the old save is kept aside"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_teacher_can_jump_straight_to_a_locked_stop() {
    let dir = temp_data_dir("jump");
    let mut config = backlot::GameConfig::for_tests(dir.clone());
    config.start_stop = Some(4);
    config.start_screen = backlot::config::StartScreen::Briefing;
    let mut app = backlot::testing::minimal_app_with(config);
    app.update();
    assert_eq!(screen(&app), Screen::Stop);
    assert_eq!(app.world().resource::<CurrentStop>().0, 4);
    send(&mut app, TourCommand::BeginLevel);
    assert_eq!(phase(&app), Some(StopPhase::Level));
    let _ = std::fs::remove_dir_all(&dir);
}
