//! Lesson lengths: at Short and at Full, every stop's gate opens with its core tasks only, and
//! the progress records the length played.

use super::*;
use backlot::config::StartScreen;
use backlot::tour::model::lesson::LessonLength;

/// Open `stop` at `length` through a teacher's jump, play its core, pass its gate.
fn play_core_at(length: LessonLength, stop: usize) {
    let dir = temp_data_dir(&format!("lesson-{}-{stop}", length.cli_name()));
    let mut config = backlot::GameConfig::for_tests(dir.clone());
    config.start_stop = Some(stop);
    config.start_screen = StartScreen::Briefing;
    config.lesson = Some(length);
    let mut app = backlot::testing::minimal_app_with(config);
    app.update();
    send(&mut app, TourCommand::BeginLevel);
    assert_eq!(phase(&app), Some(StopPhase::Level));
    match stop {
        0 => intro::play_intro_core(&mut app),
        1 => previs::play_previs_core(&mut app),
        2 => virtual_production::play_vp_core(&mut app),
        3 => post::play_post_core(&mut app),
        4 => marketing::play_marketing_core(&mut app),
        5 => innovation::play_innovation_core(&mut app),
        6 => conclusion::play_conclusion_core(&mut app),
        _ => unreachable!("seven stops"),
    }
    assert_eq!(
        phase(&app),
        Some(StopPhase::Gate),
        "stop {stop} at {length}: the core opens the gate"
    );
    pass_gate(&mut app);
    let progress = &app.world().resource::<SaveData>().progress;
    let key = u8::try_from(stop).expect("a stop number");
    assert!(progress.gate_passed(stop));
    assert_eq!(progress.lesson_played.get(&key), Some(&length));
    assert!(progress.level_stars[&key] >= 1, "stop {stop} at {length}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_stop_opens_its_gate_with_its_core_tasks_at_short() {
    for stop in 0..7 {
        play_core_at(LessonLength::Short, stop);
    }
}

#[test]
fn every_stop_opens_its_gate_with_its_core_tasks_at_full() {
    for stop in 0..7 {
        play_core_at(LessonLength::Full, stop);
    }
}

/// The intro's clean run is an extension: done, it is counted in the progress.
#[test]
fn an_extension_done_is_recorded() {
    let dir = temp_data_dir("lesson-extension");
    let mut config = backlot::GameConfig::for_tests(dir.clone());
    config.start_stop = Some(0);
    config.start_screen = StartScreen::Briefing;
    config.lesson = Some(LessonLength::Short);
    let mut app = backlot::testing::minimal_app_with(config);
    app.update();
    send(&mut app, TourCommand::BeginLevel);
    intro::play_intro_core(&mut app);
    let progress = &app.world().resource::<SaveData>().progress;
    assert_eq!(progress.extensions_done.get(&0), Some(&1), "a clean run");
    let _ = std::fs::remove_dir_all(&dir);
}
