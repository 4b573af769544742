//! Level saves: every level, left half-way, comes back exactly as it was, whether the student
//! pressed Esc or the game was closed; "Start over" clears it; a damaged save is set aside.

use super::*;
use backlot::stops::innovation::level::{InnovationCommand, InnovationState};
use backlot::stops::intro::model::StudioSpec;
use backlot::stops::marketing::level::{MarketingCommand, MarketingState};
use backlot::stops::previs::level::{PrevisCommand, PrevisState};
use backlot::stops::previs::model::solve_setup;
use backlot::stops::virtual_production::level::{VpCommand, VpSave};
use backlot::tour::SaveRequest;
use backlot::tour::flow::BriefingChoice;
use backlot::tour::level_save::{LevelSnapshot, StartOver};
use backlot::tour::model::level_save::{level_save_path, to_text};

/// The level's saved form right now: equal texts mean equal work.
pub(super) fn snapshot<S: LevelSnapshot>(app: &App) -> String {
    let level = S::capture(app.world()).expect("the level is running");
    to_text(S::STOP, &level).expect("a snapshot has a text")
}

pub(super) fn level_text(app: &App, stop: usize) -> String {
    match stop {
        0 => snapshot::<IntroState>(app),
        1 => snapshot::<PrevisState>(app),
        2 => snapshot::<VpSave>(app),
        3 => snapshot::<PostState>(app),
        4 => snapshot::<MarketingState>(app),
        5 => snapshot::<InnovationState>(app),
        6 => snapshot::<ConclusionState>(app),
        _ => unreachable!("seven stops"),
    }
}

/// Equal saved forms, or the first line where they differ.
pub(super) fn assert_same(now: &str, expected: &str, what: &str) {
    if let Some((n, (a, b))) = now
        .lines()
        .zip(expected.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
    {
        panic!("{what}: line {n} is {a:?}, expected {b:?}");
    }
    let (n, e) = (now.lines().count(), expected.lines().count());
    let longer = if n > e { now } else { expected };
    let extra: Vec<&str> = longer.lines().skip(n.min(e)).take(8).collect();
    assert_eq!(
        n, e,
        "{what}: {n} lines, expected {e}; the longer goes on {extra:?}"
    );
}

/// Some of each level's work, through the real commands.
pub(super) fn work_half_way(app: &mut App, stop: usize) {
    match stop {
        0 => {
            let first = app
                .world()
                .resource::<Content<StudioSpec>>()
                .needed()
                .next()
                .map(|p| p.id.clone())
                .expect("a needed part");
            send(app, IntroCommand::Connect(first));
            send(app, IntroCommand::Connect("fax-machine".into()));
        }
        1 => {
            let board = app.world().resource::<PrevisState>().storyboard.clone();
            let panel = &board.panels[0];
            let subject = board.character(&panel.subject).expect("subject");
            let setup = solve_setup(panel, subject.start_ground(), subject.height_m, Vec3::Z);
            send(app, PrevisCommand::SetShot(0, setup));
            send(app, PrevisCommand::CheckShot(0));
            send(app, PrevisCommand::SelectPanel(1));
        }
        2 => {
            send(app, VpCommand::SelectShot(1));
            send(app, VpCommand::SetScene(1));
            send(app, VpCommand::NextTime);
            send(app, VpCommand::SetCompensation(4.5));
            send(app, VpCommand::SetFocal(50.0));
            send(
                app,
                VpCommand::MoveCamera {
                    local: Vec3::new(0.5, 0.0, -1.0),
                    yaw: 0.2,
                    pitch: 0.0,
                },
            );
        }
        3 => {
            send(app, PostCommand::Nudge(Nudge::FrameEarlier));
            send(app, PostCommand::SubmitSync);
            send(app, PostCommand::AnswerCount("7".into()));
        }
        4 => {
            // The lesson's first ratio, answered wrong and then right.
            send(app, MarketingCommand::AnswerRatio("5".into()));
            let answer = app
                .world()
                .resource::<MarketingState>()
                .ratio
                .clone()
                .expect("the lesson asks first")
                .answer();
            send(app, MarketingCommand::AnswerRatio(format!("{answer:.2}")));
        }
        5 => {
            send(app, InnovationCommand::RunDay);
            send(
                app,
                InnovationCommand::SetPrompt("a ruined city at night in the rain".into()),
            );
            send(app, InnovationCommand::Generate);
            innovation::train_the_taste_model(app);
            innovation::decide_ai_cases(app, 1);
        }
        6 => {
            let state = app.world().resource::<ConclusionState>();
            let card = state.game.next_open().expect("a card");
            let deed = state.game.deed_of(card).expect("a deed");
            send(app, ConclusionCommand::Match { card, deed });
        }
        _ => unreachable!("seven stops"),
    }
}

/// A game on `dir` with `stop` open, at its briefing.
fn open_briefing(dir: &std::path::Path, stop: usize) -> App {
    let mut app = minimal_app(dir.to_path_buf());
    app.world_mut()
        .resource_mut::<SaveData>()
        .progress
        .unlock(stop);
    send(&mut app, TourCommand::OpenStop(stop));
    assert_eq!(phase(&app), Some(StopPhase::Briefing));
    app
}

fn choice(app: &App) -> BriefingChoice {
    *app.world().resource::<BriefingChoice>()
}

#[test]
fn every_level_resumes_where_the_student_left_it() {
    let dir = temp_data_dir("resume");
    for stop in 0..7 {
        // Half-way through, the game is closed (the bell rings).
        let mut app = open_briefing(&dir, stop);
        assert_eq!(
            choice(&app),
            BriefingChoice::Play,
            "stop {stop}: nothing saved"
        );
        send(&mut app, TourCommand::BeginLevel);
        let fresh = level_text(&app, stop);
        work_half_way(&mut app, stop);
        let half_way = level_text(&app, stop);
        assert_ne!(fresh, half_way, "stop {stop}: the work changes the level");
        app.world_mut().write_message(AppExit::Success);
        app.update();
        drop(app);

        // Next period: the briefing offers Continue, and the level is as it was.
        let mut app = open_briefing(&dir, stop);
        assert_eq!(choice(&app), BriefingChoice::Continue, "stop {stop}");
        send(&mut app, TourCommand::BeginLevel);
        assert_same(
            &level_text(&app, stop),
            &half_way,
            &format!("stop {stop} after a restart"),
        );

        // Esc to the lot says the work is kept, and coming back resumes it again.
        send(&mut app, TourCommand::ToMap);
        let said = app.world().resource::<Notices>().history.join(" ");
        assert!(said.contains("saved"), "stop {stop}: {said}");
        send(&mut app, TourCommand::OpenStop(stop));
        assert_eq!(choice(&app), BriefingChoice::Continue);
        send(&mut app, TourCommand::BeginLevel);
        assert_same(
            &level_text(&app, stop),
            &half_way,
            &format!("stop {stop} after Esc"),
        );

        // "Start over" clears the level's work, and only that.
        send(&mut app, TourCommand::ToMap);
        send(&mut app, TourCommand::OpenStop(stop));
        send(&mut app, StartOver(stop));
        send(&mut app, TourCommand::BeginLevel);
        assert_same(
            &level_text(&app, stop),
            &fresh,
            &format!("stop {stop} starts over"),
        );
        assert!(
            app.world()
                .resource::<SaveData>()
                .progress
                .is_unlocked(stop),
            "starting over keeps the progress"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_level_save_is_set_aside_and_the_progress_survives() {
    let dir = temp_data_dir("damaged-level");
    let mut app = open_briefing(&dir, 3);
    app.world_mut()
        .resource_mut::<SaveData>()
        .progress
        .record_level(1, 3);
    send(&mut app, SaveRequest);
    send(&mut app, TourCommand::BeginLevel);
    work_half_way(&mut app, 3);
    send(&mut app, TourCommand::ToMap);
    let save_dir = app.world().resource::<SaveData>().store.dir().to_path_buf();
    drop(app);

    let path = level_save_path(&save_dir, 3);
    std::fs::write(&path, "(version: 1, stop: 3, level: (lev").expect("damage the save");
    let mut app = open_briefing(&dir, 3);
    send(&mut app, TourCommand::BeginLevel);
    let said = app.world().resource::<Notices>().history.join(" ");
    assert!(
        said.contains("stop3.ron.bak") && said.contains("stop 3"),
        "the notice names the damaged file and its copy: {said}"
    );
    assert_eq!(
        std::fs::read_to_string(path.with_file_name("stop3.ron.bak")).expect("kept"),
        "(version: 1, stop: 3, level: (lev"
    );
    let progress = &app.world().resource::<SaveData>().progress;
    assert!(progress.is_unlocked(3), "the rest of the progress is kept");
    assert_eq!(progress.level_stars.get(&1), Some(&3));
    // The level starts fresh and plays on.
    assert!(!app.world().resource::<PostState>().level.progress.sync);
    let _ = std::fs::remove_dir_all(&dir);
}
