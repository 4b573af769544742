//! A headless walkthrough of the whole tour through the real logic plugins and messages:
//! `MinimalPlugins` + `StatesPlugin` + `LogicPlugin`, no window and no renderer.

use backlot::post_level::Nudge;
use backlot::progress::Progress;
use backlot::quiz::SubmitOutcome;
use backlot::sound::Captions;
use backlot::stops::conclusion::{ConclusionCommand, ConclusionState, PollAnswer};
use backlot::stops::intro::{IntroCommand, IntroState};
use backlot::stops::post::{PostCommand, PostState};
use backlot::studio_system::IntroPhase;
use backlot::testing::{minimal_app, temp_data_dir};
use backlot::tour::{
    ActiveGate, CurrentStop, GameContent, GateCommand, Notices, SaveData, Screen, StopPhase,
    TourCommand,
};
use bevy::prelude::*;

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

fn play_intro_level(app: &mut App) {
    let needed: Vec<String> = app
        .world()
        .resource::<GameContent>()
        .studio_system
        .needed()
        .map(|p| p.id.clone())
        .collect();
    // A distractor is refused and costs a star.
    send(app, IntroCommand::Connect("fax-machine".into()));
    for id in &needed {
        send(app, IntroCommand::Connect(id.clone()));
    }
    let failed = match &app.world().resource::<IntroState>().level.phase {
        IntroPhase::Incident { failed } => failed.clone(),
        other => panic!("an incident follows the first run, got {other:?}"),
    };
    // Leaving the level before it is complete is refused.
    send(app, TourCommand::FinishLevel);
    assert_eq!(phase(app), Some(StopPhase::Level));
    send(app, IntroCommand::Repair(failed));
    assert!(app.world().resource::<IntroState>().level.is_complete());
    send(app, TourCommand::FinishLevel);
}

fn post(app: &App) -> &PostState {
    app.world().resource::<PostState>()
}

/// Stop 3: every answer is computed from the engine, and a wrong one is refused first.
fn play_post_level(app: &mut App) {
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

/// Stop 2: for each shot, set up the stage as the director asks and record a take.
fn play_vp_level(app: &mut App) {
    use backlot::projection::{CameraPose, Lens};
    use backlot::stage::StageSettings;
    use backlot::stage_lighting::{LightKind, correlated_colour_temperature};
    use backlot::stops::virtual_production::{VpCommand, VpState};
    use backlot::vp_level::{light_target, subject_height_fraction, weather_word};

    // Time steps of 0.2 s, so a 3 s take takes 15 updates.
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_millis(200),
    ));
    let shots = app.world().resource::<VpState>().level.shots.clone();
    assert!(shots.len() >= 3, "a shot list of at least three shots");
    for (i, shot) in shots.iter().enumerate() {
        send(app, VpCommand::SelectShot(i));
        let settings = app.world().resource::<StageSettings>().clone();
        let scene = settings.find_scene(&shot.scene).expect("scene exists");
        send(app, VpCommand::SetScene(scene));
        while !app
            .world()
            .resource::<StageSettings>()
            .time
            .label()
            .eq_ignore_ascii_case(&shot.time_of_day)
        {
            send(app, VpCommand::NextTime);
        }
        while !weather_word(app.world().resource::<StageSettings>().weather)
            .eq_ignore_ascii_case(&shot.weather)
        {
            send(app, VpCommand::NextWeather);
        }
        send(app, VpCommand::SetFocal(shot.focal_mm));
        // Frame the actor to the middle of the wanted size by moving the camera.
        let lens = Lens {
            focal_mm: shot.focal_mm,
            ..settings.lens
        };
        let (lo, hi) = shot.framing.subject_height_fraction;
        let want = (lo + hi) / 2.0;
        let pose = (0..250)
            .map(|s| {
                let z = -2.0 + s as f32 * 0.03;
                CameraPose::looking_at(Vec3::new(0.0, 1.3, z), Vec3::new(0.0, 1.0, -2.5), Vec3::Y)
                    .expect("pose")
            })
            .min_by(|a, b| {
                let ea = (subject_height_fraction(a, &lens) - want).abs();
                let eb = (subject_height_fraction(b, &lens) - want).abs();
                ea.total_cmp(&eb)
            })
            .expect("a pose");
        send(app, VpCommand::SetPose(pose));
        // Focus on the actor, not the wall: no moiré.
        let actor_distance = pose.position.distance(Vec3::new(0.0, 1.0, -2.5));
        send(app, VpCommand::SetFocus(actor_distance));
        send(app, VpCommand::SetOverscan(1.2));
        send(app, VpCommand::SetLatency(0));
        // Match the stage lights to the scene's sun and sky.
        let settings = app.world().resource::<StageSettings>().clone();
        let env = settings
            .current_scene()
            .expect("scene")
            .apply_conditions(settings.time, settings.weather);
        let target = light_target(&env);
        send(
            app,
            VpCommand::SetLight {
                kind: LightKind::Key,
                kelvin: correlated_colour_temperature(target.key_color).unwrap_or(5600.0),
                intensity: target.key_intensity,
                azimuth_deg: target.key_azimuth_deg,
            },
        );
        send(
            app,
            VpCommand::SetLight {
                kind: LightKind::Fill,
                // An alien sky may be no colour a lamp can make: the nearest white will do.
                kelvin: correlated_colour_temperature(target.fill_color).unwrap_or(9000.0),
                intensity: target.fill_intensity,
                azimuth_deg: target.key_azimuth_deg + 180.0,
            },
        );
        send(app, VpCommand::RecordTake);
        for _ in 0..20 {
            app.update();
        }
        let state = app.world().resource::<VpState>();
        assert!(state.take.is_none(), "the take has finished");
        let score = state.level.best[i].clone().expect("the take was scored");
        assert!(score.stars >= 2, "shot {}: {:?}", shot.id, score.checks);
    }
    // A take of the wrong world scores nothing and explains why.
    send(app, VpCommand::SelectShot(0));
    let other = (app.world().resource::<StageSettings>().scene + 1)
        % app.world().resource::<StageSettings>().scenes.len();
    send(app, VpCommand::SetScene(other));
    send(app, VpCommand::RecordTake);
    for _ in 0..20 {
        app.update();
    }
    let last = app
        .world()
        .resource::<VpState>()
        .level
        .last
        .clone()
        .expect("scored");
    assert_eq!(last.stars, 0);
    assert!(!last.checks[0].passed && !last.checks[0].explanation.is_empty());
    app.insert_resource(bevy::time::TimeUpdateStrategy::Automatic);
    send(app, TourCommand::FinishLevel);
}

/// Stop 1: a wrong shot is refused with its reason; then every panel gets a camera that meets
/// it, and the animatic plays to its end.
fn play_previs_level(app: &mut App) {
    use backlot::previs::{ShotSize, solve_setup};
    use backlot::stops::previsualization::{PrevisCommand, PrevisState};
    let board = app.world().resource::<PrevisState>().storyboard.clone();
    let solve = |i: usize| {
        let panel = &board.panels[i];
        let subject = board.character(&panel.subject).expect("subject in the set");
        solve_setup(panel, subject.start_ground(), subject.height_m, Vec3::Z)
    };

    // A deliberately wrong shot: the right camera place with a lens four times as long.
    let mut wrong = solve(0);
    wrong.focal_mm = (wrong.focal_mm * 4.0).min(200.0);
    send(app, PrevisCommand::SetShot(0, wrong));
    send(app, PrevisCommand::CheckShot(0));
    let verdict = app.world().resource::<PrevisState>().verdicts[0]
        .clone()
        .expect("checked");
    assert!(!verdict.matches, "a wrong shot fails");
    let asked = board.panels[0].size.label();
    assert!(
        verdict
            .reasons
            .iter()
            .any(|r| r.contains(asked) && r.contains('%')),
        "the reason gives the measured frame height and the size asked for: {:?}",
        verdict.reasons
    );
    assert_ne!(
        board.panels[0].size,
        ShotSize::CloseUp,
        "the long lens changes the size"
    );

    for i in 0..board.panels.len() {
        send(app, PrevisCommand::SetShot(i, solve(i)));
        send(app, PrevisCommand::CheckShot(i));
        let state = app.world().resource::<PrevisState>();
        let v = state.verdicts[i].as_ref().expect("checked");
        assert!(v.matches, "panel {i} matches: {:?}", v.reasons);
    }
    assert_eq!(
        app.world().resource::<PrevisState>().revisions,
        1,
        "re-checking panel 1 after the wrong draft is a revision"
    );
    // Not finished before the animatic has been watched.
    send(app, TourCommand::FinishLevel);
    assert_eq!(phase(app), Some(StopPhase::Level));

    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_millis(500),
    ));
    send(app, PrevisCommand::PlayAnimatic);
    for _ in 0..400 {
        if app.world().resource::<PrevisState>().playback.is_none() {
            break;
        }
        app.update();
    }
    app.insert_resource(bevy::time::TimeUpdateStrategy::Automatic);
    let state = app.world().resource::<PrevisState>();
    assert!(state.final_cut_watched, "the animatic played to its end");
    assert_eq!(state.sequence_score().stars, 3);
    send(app, TourCommand::FinishLevel);
}

/// Stop 4: the ratio lesson first, then the model plan, working out each post's ratio.
fn play_marketing_level(app: &mut App) {
    use backlot::stops::marketing::{MarketingCommand, MarketingState};
    let plan = app
        .world()
        .resource::<GameContent>()
        .campaign
        .best_plan()
        .expect("reachable");
    let answer = |app: &App| {
        let q = app
            .world()
            .resource::<MarketingState>()
            .ratio
            .clone()
            .expect("a question is open");
        format!("{:.2}", q.answer())
    };
    // Posting before the worked example is refused.
    send(app, MarketingCommand::Post(plan[0]));
    assert!(
        app.world()
            .resource::<MarketingState>()
            .campaign
            .posts()
            .is_empty()
    );
    // A wrong answer is refused with the tolerance stated; then 50 %, then 5 %.
    send(app, MarketingCommand::AnswerRatio("5".into()));
    assert_eq!(app.world().resource::<MarketingState>().ratios_solved, 0);
    for _ in 0..2 {
        let a = answer(app);
        send(app, MarketingCommand::AnswerRatio(a));
    }
    for _ in 0..20 {
        for post in &plan {
            send(app, MarketingCommand::Post(*post));
            let a = answer(app);
            send(app, MarketingCommand::AnswerRatio(a));
        }
        if app.world().resource::<MarketingState>().is_complete() {
            break;
        }
        send(app, MarketingCommand::Restart);
    }
    send(app, MarketingCommand::Export);
    let exported = app
        .world()
        .resource::<MarketingState>()
        .exported
        .clone()
        .expect("exported")
        .expect("written");
    let csv = std::fs::read_to_string(&exported).expect("the CSV is on disk");
    let rows = backlot::csv::parse(&csv).expect("well-formed CSV");
    assert_eq!(rows.len(), plan.len() + 1, "a header and one row per post");
    send(app, TourCommand::FinishLevel);
}

/// Stop 5: a plan that misses the deadline, one that meets it, then a prompt and a refinement.
fn play_innovation_level(app: &mut App) {
    use backlot::cloud::Plan;
    use backlot::stops::innovation::{InnovationCommand, InnovationState};
    let spec = app.world().resource::<GameContent>().cloud.clone();
    let ten = spec
        .links
        .iter()
        .position(|l| l.rate_mbps == 10_000.0)
        .expect("a 10 Gbps link");
    let london = spec
        .sites
        .iter()
        .position(|s| s.id == "london")
        .expect("London");
    send(app, InnovationCommand::RunDay);
    assert!(
        !app.world().resource::<InnovationState>().best_met,
        "shipping drives misses the deadline"
    );
    let mut plan = Plan::default_for(&spec);
    plan.ship_drives = false;
    plan.proxies = true;
    plan.upload_while_shooting = true;
    plan.uplink = ten;
    plan.per_site_link[london] = ten;
    send(app, InnovationCommand::SetPlan(plan));
    send(app, InnovationCommand::RunDay);
    assert!(app.world().resource::<InnovationState>().best_met);
    send(
        app,
        InnovationCommand::SetPrompt("a tense desert canyon at dusk in warm colours".into()),
    );
    send(app, InnovationCommand::Generate);
    let first = app
        .world()
        .resource::<InnovationState>()
        .concept
        .clone()
        .expect("a concept");
    // The same prompt and seed give the same scene.
    send(app, InnovationCommand::Generate);
    let again = app
        .world()
        .resource::<InnovationState>()
        .concept
        .clone()
        .expect("a concept");
    assert_eq!(first.scene, again.scene);
    send(app, TourCommand::FinishLevel);
    assert_eq!(
        phase(app),
        Some(StopPhase::Level),
        "one prompt is not a refinement"
    );
    send(
        app,
        InnovationCommand::SetPrompt("an eerie arctic night in cool colours".into()),
    );
    send(app, InnovationCommand::Generate);
    let refined = app
        .world()
        .resource::<InnovationState>()
        .concept
        .clone()
        .expect("a concept");
    assert_ne!(first.scene, refined.scene);
    send(app, TourCommand::FinishLevel);
}

fn play_conclusion_level(app: &mut App) {
    let careers = app
        .world()
        .resource::<GameContent>()
        .careers
        .careers
        .clone();
    loop {
        let state = app.world().resource::<ConclusionState>();
        let Some(card) = state.game.next_open() else {
            break;
        };
        let stop = careers[state.game.cards[card]].met_at_stop;
        send(app, ConclusionCommand::Guess { card, stop });
    }
    send(app, TourCommand::FinishLevel);
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
        send(&mut app, TourCommand::OpenStop(stop));
        assert_eq!(screen(&app), Screen::Stop, "stop {stop} opens");
        assert_eq!(app.world().resource::<CurrentStop>().0, stop);
        assert_eq!(phase(&app), Some(StopPhase::Briefing));
        send(&mut app, TourCommand::BeginLevel);
        match stop {
            0 => {
                assert_eq!(phase(&app), Some(StopPhase::Level));
                play_intro_level(&mut app);
            }
            1 => {
                assert_eq!(phase(&app), Some(StopPhase::Level));
                play_previs_level(&mut app);
            }
            2 => {
                assert_eq!(phase(&app), Some(StopPhase::Level));
                play_vp_level(&mut app);
            }
            4 => {
                assert_eq!(phase(&app), Some(StopPhase::Level));
                play_marketing_level(&mut app);
            }
            5 => {
                assert_eq!(phase(&app), Some(StopPhase::Level));
                play_innovation_level(&mut app);
            }
            3 => {
                assert_eq!(phase(&app), Some(StopPhase::Level));
                play_post_level(&mut app);
            }
            6 => {
                assert_eq!(phase(&app), Some(StopPhase::Level));
                play_conclusion_level(&mut app);
            }
            _ => unreachable!("every stop has a level"),
        }
        assert_eq!(
            phase(&app),
            Some(StopPhase::Gate),
            "stop {stop} reaches its gate"
        );

        if stop == 0 {
            // A wrong answer keeps the gate shut and explains itself.
            let (_, wrong) = positions(&app);
            send(
                &mut app,
                GateCommand::Select(wrong.expect("a wrong choice")),
            );
            send(&mut app, GateCommand::Submit);
            let gate = app.world().resource::<ActiveGate>();
            assert!(!gate.session.is_open());
            match &gate.last_outcome {
                Some(SubmitOutcome::Incorrect { feedback, .. }) => {
                    assert!(!feedback[0].explanation.is_empty())
                }
                other => panic!("expected a refusal, got {other:?}"),
            }
            send(&mut app, GateCommand::Next);
            assert_eq!(
                phase(&app),
                Some(StopPhase::Gate),
                "Next cannot skip a shut gate"
            );
            assert!(!app.world().resource::<SaveData>().progress.is_unlocked(1));
        }
        pass_gate(&mut app);
        if stop < 6 {
            assert_eq!(screen(&app), Screen::Map);
            assert!(
                app.world()
                    .resource::<SaveData>()
                    .progress
                    .is_unlocked(stop + 1),
                "passing stop {stop} unlocks the next"
            );
        }
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
    let text = std::fs::read_to_string(dir.join("progress.ron")).expect("save written");
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
    assert_eq!(saved.level_stars[&0], 2, "one distractor: two stars");
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
    assert_eq!(saved.level_stars[&6], 3);
    assert_eq!(saved.polls.get("rating"), Some(&4));
    assert_eq!(saved.polls.get("interest"), Some(&2));
    assert_eq!(saved.polls.len(), 2);
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

    std::fs::write(dir.join("progress.ron"), "(unlocked: [tru").expect("corrupt it");
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
        dir.join("progress.ron.bak").exists(),
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

#[test]
fn a_presenter_reveals_skips_unlocks_pauses_and_hides_the_interface() {
    use backlot::classroom::presenter::{PresenterCommand, PresenterState};
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
    use backlot::camp::{CampOptions, CampSetup};
    use backlot::classroom::camp_play::{CampCommand, CampPlay};
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
    let session = app
        .world()
        .resource::<CampPlay>()
        .session
        .clone()
        .expect("camp");
    assert!(
        session.results().iter().all(|r| r.is_empty()),
        "only a started turn is recorded"
    );

    let mut slow_team = None;
    for turn in 0..4 {
        let team = app
            .world()
            .resource::<CampPlay>()
            .session
            .as_ref()
            .and_then(|s| s.current_team())
            .expect("a team's turn");
        send(&mut app, CampCommand::StartTurn);
        assert_eq!(screen(&app), Screen::Stop);
        send(&mut app, TourCommand::BeginLevel);
        play_conclusion_level(&mut app);
        assert_eq!(phase(&app), Some(StopPhase::Gate));
        if turn == 1 {
            // This team gets the first question wrong once.
            let (_, wrong) = positions(&app);
            send(
                &mut app,
                GateCommand::Select(wrong.expect("a wrong choice")),
            );
            send(&mut app, GateCommand::Submit);
            slow_team = Some(team);
        }
        pass_gate(&mut app);
        assert_eq!(screen(&app), Screen::Finale);
    }
    let session = app
        .world()
        .resource::<CampPlay>()
        .session
        .clone()
        .expect("camp");
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

    send(&mut app, CampCommand::Export);
    let path = app
        .world()
        .resource::<CampPlay>()
        .exported
        .clone()
        .expect("exported")
        .expect("written");
    let rows = backlot::csv::parse(&std::fs::read_to_string(path).expect("csv")).expect("parses");
    assert_eq!(rows[0][0], "team");
    assert_eq!(rows.len(), 1 + 4 * 4, "one row per team and question");
    assert!(
        rows.iter().any(|r| r[0] == "Blue, \"Jays\""),
        "quoting round-trips"
    );
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
