//! The teacher lock: presenter commands are refused without `--presenter` or the teacher
//! code, work once it is entered, and "skip to the gate" leaves a level without its stars.

use super::*;
use backlot::GameConfig;
use backlot::classroom::presenter::commands::{PresenterCommand, PresenterState};
use backlot::classroom::teacher_lock::model::{LOCKED_NOTICE, TEACHER_FILE};
use backlot::classroom::teacher_lock::{TeacherLock, TeacherLockCommand};
use backlot::config::StartScreen;
use backlot::tour::LevelStatus;

const CODE: &str = "key grip 42";

/// An app opened at `stop` on `start_screen`, with or without `--presenter`.
fn app_at(dir: &std::path::Path, stop: usize, start: StartScreen, presenter: bool) -> App {
    let mut config = GameConfig::for_tests(dir.to_path_buf());
    config.presenter = presenter;
    config.start_stop = Some(stop);
    config.start_screen = start;
    let mut app = backlot::testing::minimal_app_with(config);
    app.update();
    app
}

fn lock(app: &App) -> &TeacherLock {
    app.world().resource::<TeacherLock>()
}

fn locked_notices(app: &App) -> usize {
    let notices = app.world().resource::<Notices>();
    notices
        .history
        .iter()
        .filter(|n| *n == LOCKED_NOTICE)
        .count()
}

/// A level that says it is done with three stars, so a skip that went through
/// `FinishLevel` would record them.
fn level_done_with_three_stars(app: &mut App) {
    *app.world_mut().resource_mut::<LevelStatus>() = LevelStatus {
        complete: true,
        stars: 3,
        ..Default::default()
    };
}

fn stars(app: &App, stop: u8) -> Option<u8> {
    let save = app.world().resource::<SaveData>();
    save.progress.level_stars.get(&stop).copied()
}

#[test]
fn without_the_code_a_student_can_neither_reveal_nor_skip_and_the_first_code_unlocks() {
    let dir = temp_data_dir("lock-first-code");
    let mut app = app_at(&dir, 2, StartScreen::Gate, false);
    assert!(!lock(&app).is_open() && !lock(&app).has_code());
    assert_eq!(phase(&app), Some(StopPhase::Gate));

    send(&mut app, PresenterCommand::RevealAnswer);
    assert!(
        !app.world().resource::<ActiveGate>().revealed,
        "nothing shown"
    );
    send(&mut app, PresenterCommand::SkipGate);
    assert_eq!(phase(&app), Some(StopPhase::Gate), "the gate stays closed");
    let progress = &app.world().resource::<SaveData>().progress;
    assert!(!progress.gate_passed(2) && !progress.is_unlocked(3));
    send(&mut app, PresenterCommand::JumpTo(5));
    assert_eq!(app.world().resource::<CurrentStop>().0, 2);
    assert!(!app.world().resource::<SaveData>().progress.is_unlocked(5));
    assert!(locked_notices(&app) >= 1, "a notice says it is locked");

    // F5 asks for a code to choose; presenter mode stays off until one is set.
    send(&mut app, PresenterCommand::Toggle);
    assert!(lock(&app).asking);
    assert!(!app.world().resource::<PresenterState>().active);
    let choose = |code: &str, repeat: &str| TeacherLockCommand::Choose {
        code: code.into(),
        repeat: repeat.into(),
    };
    send(&mut app, choose("abc", "abc"));
    assert!(!lock(&app).is_open(), "too short");
    assert!(
        lock(&app)
            .message
            .as_deref()
            .is_some_and(|m| m.contains('4'))
    );
    send(&mut app, choose(CODE, "key grip 24"));
    assert!(!lock(&app).is_open(), "typed differently twice");
    assert!(!dir.join(TEACHER_FILE).exists());

    send(&mut app, choose(CODE, CODE));
    assert!(lock(&app).is_open() && !lock(&app).asking);
    assert!(
        app.world().resource::<PresenterState>().active,
        "F5 turned it on"
    );
    let stored = std::fs::read_to_string(dir.join(TEACHER_FILE)).expect("teacher.ron written");
    assert!(
        !stored.contains(CODE) && !stored.contains("grip"),
        "{stored}"
    );

    send(&mut app, PresenterCommand::RevealAnswer);
    assert!(app.world().resource::<ActiveGate>().revealed);
    send(&mut app, PresenterCommand::SkipGate);
    assert_eq!(screen(&app), Screen::Map);
    assert!(app.world().resource::<SaveData>().progress.gate_passed(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_next_session_asks_for_the_code_refuses_a_wrong_one_and_skips_to_the_gate() {
    let dir = temp_data_dir("lock-next-session");
    {
        let mut app = app_at(&dir, 0, StartScreen::Title, false);
        send(&mut app, PresenterCommand::Toggle);
        send(
            &mut app,
            TeacherLockCommand::Choose {
                code: CODE.into(),
                repeat: CODE.into(),
            },
        );
        assert!(lock(&app).is_open());
    }
    // The unlock lasted for that session only.
    let mut app = app_at(&dir, 0, StartScreen::Level, false);
    assert_eq!(phase(&app), Some(StopPhase::Level));
    assert!(!lock(&app).is_open() && lock(&app).has_code());
    level_done_with_three_stars(&mut app);
    send(&mut app, PresenterCommand::SkipToGate);
    assert_eq!(phase(&app), Some(StopPhase::Level), "refused while locked");
    assert_eq!(locked_notices(&app), 1);

    send(&mut app, PresenterCommand::Toggle);
    assert!(lock(&app).asking);
    send(&mut app, TeacherLockCommand::Unlock("key grip 24".into()));
    assert!(!lock(&app).is_open(), "a wrong code unlocks nothing");
    assert!(
        lock(&app)
            .message
            .as_deref()
            .is_some_and(|m| m.contains("not the teacher code"))
    );
    assert!(!app.world().resource::<PresenterState>().active);
    send(&mut app, PresenterCommand::SkipToGate);
    assert_eq!(phase(&app), Some(StopPhase::Level));

    send(&mut app, TeacherLockCommand::Unlock(format!(" {CODE} ")));
    assert!(lock(&app).is_open());
    assert!(app.world().resource::<PresenterState>().active);
    send(&mut app, PresenterCommand::SkipToGate);
    assert_eq!(phase(&app), Some(StopPhase::Gate), "straight to the gate");
    assert!(app.world().get_resource::<ActiveGate>().is_some());
    assert_eq!(stars(&app, 0), None, "the level's stars are not recorded");

    // Leaving presenter mode keeps the lock open for the session.
    send(&mut app, PresenterCommand::Toggle);
    send(&mut app, PresenterCommand::Toggle);
    assert!(app.world().resource::<PresenterState>().active && !lock(&app).asking);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn presenter_at_launch_needs_no_code_and_skipping_to_the_gate_records_no_stars() {
    let dir = temp_data_dir("lock-presenter-flag");
    let mut app = app_at(&dir, 0, StartScreen::Level, true);
    assert!(lock(&app).is_open());
    level_done_with_three_stars(&mut app);
    send(&mut app, PresenterCommand::SkipToGate);
    assert_eq!(phase(&app), Some(StopPhase::Gate));
    assert_eq!(stars(&app, 0), None);
    send(&mut app, PresenterCommand::RevealAnswer);
    assert!(app.world().resource::<ActiveGate>().revealed);
    send(&mut app, PresenterCommand::SkipGate);
    assert!(app.world().resource::<SaveData>().progress.gate_passed(0));
    assert_eq!(stars(&app, 0), None);
    assert_eq!(locked_notices(&app), 0);
    assert!(!dir.join(TEACHER_FILE).exists(), "no code was asked for");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_teacher_file_is_kept_aside_and_a_new_code_can_be_chosen() {
    let dir = temp_data_dir("lock-damaged");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join(TEACHER_FILE), "(salt: \"0").expect("write");
    std::fs::write(dir.join("teacher.ron.bak"), "an earlier backup").expect("write");
    let mut app = app_at(&dir, 0, StartScreen::Title, false);
    assert!(!lock(&app).has_code(), "a new code will be asked for");
    let said = app.world().resource::<Notices>().history.join("\n");
    assert!(
        said.contains("damaged") && said.contains("teacher.ron.bak2"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("teacher.ron.bak")).expect("kept"),
        "an earlier backup",
        "an earlier backup is never overwritten"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("teacher.ron.bak2")).expect("moved"),
        "(salt: \"0"
    );
    send(&mut app, PresenterCommand::Toggle);
    send(
        &mut app,
        TeacherLockCommand::Choose {
            code: CODE.into(),
            repeat: CODE.into(),
        },
    );
    assert!(lock(&app).is_open());
    drop(app);
    let app = app_at(&dir, 0, StartScreen::Title, false);
    assert!(lock(&app).has_code(), "the new code was kept");
    let _ = std::fs::remove_dir_all(&dir);
}
