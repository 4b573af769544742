//! The classroom: presenter mode and a four-team camp.

use super::*;
use backlot::classroom::camp::model::{CampOptions, CampSession, CampSetup};
use backlot::classroom::camp::play::{CampCommand, CampPlay};

#[test]
fn a_presenter_reveals_skips_unlocks_pauses_and_hides_the_interface() {
    use backlot::classroom::presenter::commands::{PresenterCommand, PresenterState};
    let dir = temp_data_dir("presenter");
    let mut config = backlot::GameConfig::for_tests(dir.clone());
    config.presenter = true;
    config.start_stop = Some(2);
    config.start_screen = backlot::config::StartScreen::Gate;
    let mut app = backlot::testing::minimal_app_with(config);
    app.update();
    assert!(app.world().resource::<PresenterState>().active);
    assert_eq!(phase(&app), Some(StopPhase::Gate));
    assert!(!app.world().resource::<ActiveGate>().revealed);

    send(&mut app, PresenterCommand::RevealAnswer);
    assert!(
        app.world().resource::<ActiveGate>().revealed,
        "the answer is shown"
    );

    send(&mut app, PresenterCommand::Unlock(5));
    assert!(app.world().resource::<SaveData>().progress.is_unlocked(5));
    assert!(!app.world().resource::<SaveData>().progress.is_unlocked(4));

    send(&mut app, PresenterCommand::SkipGate);
    assert_eq!(screen(&app), Screen::Map);
    let progress = &app.world().resource::<SaveData>().progress;
    assert!(progress.gate_passed(2), "the teacher opened the gate");
    assert!(progress.is_unlocked(3));

    send(&mut app, PresenterCommand::TogglePause);
    assert!(app.world().resource::<Time<Virtual>>().is_paused());
    send(&mut app, PresenterCommand::ToggleChrome);
    assert!(app.world().resource::<PresenterState>().chrome_hidden);

    send(&mut app, PresenterCommand::JumpTo(6));
    assert_eq!(screen(&app), Screen::Stop);
    assert_eq!(app.world().resource::<CurrentStop>().0, 6);

    // Leaving presenter mode never leaves the class paused or without an interface.
    send(&mut app, PresenterCommand::Toggle);
    let state = app.world().resource::<PresenterState>();
    assert!(!state.active && !state.paused && !state.chrome_hidden);
    assert!(!app.world().resource::<Time<Virtual>>().is_paused());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_four_team_camp_plays_hot_seat_scores_exports_and_survives_a_restart() {
    let dir = temp_data_dir("camp");
    let mut app = minimal_app(dir.clone());
    send(&mut app, TourCommand::StartTour);
    let setup = CampSetup::new(vec![
        "Red Rockets".into(),
        "Blue, \"Jays\"".into(),
        "Green".into(),
        "Gold".into(),
    ])
    .expect("four teams");
    let options = CampOptions {
        stops: vec![6],
        ..CampOptions::default()
    };
    send(&mut app, CampCommand::Begin(setup, options));
    assert!(app.world().resource::<CampPlay>().is_active());

    // A stop opened from the lot without starting a turn (a teacher looking) scores nobody.
    app.world_mut()
        .resource_mut::<SaveData>()
        .progress
        .unlock(6);
    send(&mut app, TourCommand::OpenStop(6));
    send(&mut app, TourCommand::BeginLevel);
    play_conclusion_level(&mut app);
    pass_gate(&mut app);
    let session = camp_session(&app);
    assert!(
        session.results().iter().all(|r| r.is_empty()),
        "only a started turn is recorded"
    );

    let slow_team = play_four_turns(&mut app);
    let session = camp_session(&app);
    assert!(session.is_finished());
    let board = session.scoreboard();
    let slow = board
        .iter()
        .find(|s| Some(s.team) == slow_team)
        .expect("the slow team");
    let best = board.iter().map(|s| s.points).max().expect("teams");
    assert!(slow.points < best, "a wrong try costs points");
    assert_eq!(
        board.iter().filter(|s| s.rank == 1).count(),
        3,
        "the others tie for first"
    );

    check_export(&mut app);
    let saved = session;

    // A restart brings the camp back as it was.
    drop(app);
    let app = minimal_app(dir.clone());
    let restored = app
        .world()
        .resource::<CampPlay>()
        .session
        .clone()
        .expect("the camp was saved");
    assert_eq!(restored, saved);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Each of the four teams takes its turn at the Conclusion; the second gets a question wrong
/// once. Returns that slow team.
fn play_four_turns(app: &mut App) -> Option<usize> {
    let mut slow_team = None;
    for turn in 0..4 {
        let team = app
            .world()
            .resource::<CampPlay>()
            .session
            .as_ref()
            .and_then(|s| s.current_team())
            .expect("a team's turn");
        send(app, CampCommand::StartTurn);
        assert_eq!(screen(app), Screen::Stop);
        send(app, TourCommand::BeginLevel);
        play_conclusion_level(app);
        assert_eq!(phase(app), Some(StopPhase::Gate));
        if turn == 1 {
            // This team gets the first question wrong once.
            let (_, wrong) = positions(app);
            send(app, GateCommand::Select(wrong.expect("a wrong choice")));
            send(app, GateCommand::Submit);
            slow_team = Some(team);
        }
        pass_gate(app);
        assert_eq!(screen(app), Screen::Finale);
    }
    slow_team
}

/// The camp's results export as CSV, one row per team and question, quoting intact.
fn check_export(app: &mut App) {
    send(app, CampCommand::Export);
    let said = app
        .world()
        .resource::<CampPlay>()
        .exported
        .clone()
        .expect("exported")
        .expect("written");
    let path = said
        .strip_prefix("Saved ")
        .expect("the message names the file");
    let rows = backlot::tour::model::csv::parse(&std::fs::read_to_string(path).expect("csv"))
        .expect("parses");
    assert_eq!(rows[0][0], "team");
    assert_eq!(rows.len(), 1 + 4 * 4, "one row per team and question");
    assert!(
        rows.iter().any(|r| r[0] == "Blue, \"Jays\""),
        "quoting round-trips"
    );
}

/// The camp as it stands.
fn camp_session(app: &App) -> CampSession {
    app.world()
        .resource::<CampPlay>()
        .session
        .clone()
        .expect("camp")
}
