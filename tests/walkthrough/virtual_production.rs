//! Stop 2, Virtual Production: the signal chain built (wrong answers refused with their reason),
//! then every shot framed, focused and lit through the real commands.

use super::*;
use backlot::stage::StageSettings;
use backlot::stage::model::framing::subject_height_fraction;
use backlot::stage::model::lighting::{LightKind, correlated_colour_temperature};
use backlot::stage::model::projection::{CameraPose, Lens};
use backlot::stops::virtual_production::level::{VpCommand, VpState};
use backlot::stops::virtual_production::model::chain::{ChainMove, ChainStep, PieceKind};
use backlot::stops::virtual_production::model::shots::ShotSpec;
use backlot::stops::virtual_production::model::takes::{light_target, weather_word};

/// Stop 2: for each shot, set up the stage as the director asks and record a take.
pub(super) fn play_vp_level(app: &mut App) {
    // Time steps of 0.2 s, so a 3 s take takes 15 updates.
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_millis(200),
    ));
    build_chain(app);
    let shots = app.world().resource::<VpState>().level.shots.clone();
    assert!(shots.len() >= 3, "a shot list of at least three shots");
    for (i, shot) in shots.iter().enumerate() {
        send(app, VpCommand::SelectShot(i));
        set_up_shot(app, shot);
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

/// The reply to the last answer in the signal chain task.
fn chain_reply(app: &App) -> Result<String, String> {
    let state = app.world().resource::<VpState>();
    state.chain.reply.clone().expect("the answer was judged")
}

/// Stop 2's first task: no take rolls before the chain is built; wrong links, sorts and people
/// are refused with their reason; the right answers connect the chain.
fn build_chain(app: &mut App) {
    send(app, VpCommand::RecordTake);
    app.update();
    assert!(
        app.world().resource::<VpState>().take.is_none(),
        "no take before the chain is built"
    );
    let spec = app.world().resource::<VpState>().chain_spec.clone();
    // The panels cannot start the chain.
    send(
        app,
        VpCommand::Chain(ChainMove::Link(spec.pieces.len() - 1)),
    );
    let why = chain_reply(app).expect_err("refused");
    assert!(why.contains("cannot come first"), "{why}");
    assert_eq!(app.world().resource::<VpState>().chain.linked, 0);
    let engine = spec
        .pieces
        .iter()
        .position(|p| p.id == "game_engine")
        .expect("the game engine");
    let network_engineer = spec
        .people
        .iter()
        .position(|p| p.role == "Network Engineer")
        .expect("the network engineer");
    let solution = app.world().resource::<VpState>().chain.solution(&spec);
    for answer in solution {
        let chain = &app.world().resource::<VpState>().chain;
        let (at_engine, step) = (chain.linked == engine + 1, chain.step);
        // The game engine is software, and the network engineer does not run it.
        if at_engine && step == ChainStep::Sort {
            send(app, VpCommand::Chain(ChainMove::Sort(PieceKind::Hardware)));
            let why = chain_reply(app).expect_err("the engine is not hardware");
            assert!(why.starts_with("Not hardware"), "{why}");
        }
        if at_engine && step == ChainStep::Person {
            send(app, VpCommand::Chain(ChainMove::Person(network_engineer)));
            let why = chain_reply(app).expect_err("not the network engineer");
            assert!(why.starts_with("Not the Network Engineer"), "{why}");
        }
        send(app, VpCommand::Chain(answer));
        let said = chain_reply(app).expect("a right answer");
        assert!(!said.is_empty());
    }
    let state = app.world().resource::<VpState>();
    assert!(state.chain_built(), "the chain is built");
    assert_eq!(state.chain.refused, 3);
}

/// Put the stage in the shot's world, time and weather, frame and focus the actor, and match
/// the lights, all through the level's commands.
/// Stop 2 with its core tasks only: the lesson's number of shots at two stars or more.
pub(super) fn play_vp_core(app: &mut App) {
    use backlot::stops::virtual_production::level::STOP;
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_millis(200),
    ));
    assert_eq!(core(app, STOP, "chain"), 1, "the signal chain is core");
    build_chain(app);
    let needed = core(app, STOP, "shots") as usize;
    let shots = app.world().resource::<VpState>().level.shots.clone();
    assert!(needed >= 1 && needed <= shots.len());
    for (i, shot) in shots.iter().take(needed).enumerate() {
        if i + 1 == needed {
            assert_level_not_done(app);
        }
        send(app, VpCommand::SelectShot(i));
        set_up_shot(app, shot);
        send(app, VpCommand::RecordTake);
        for _ in 0..20 {
            app.update();
        }
    }
    app.insert_resource(bevy::time::TimeUpdateStrategy::Automatic);
    assert_eq!(
        app.world().resource::<VpState>().level.passed_count(),
        needed
    );
    assert!(
        app.world().resource::<LevelStatus>().stars >= 2,
        "shots left as extensions do not pull the stars down"
    );
    send(app, TourCommand::FinishLevel);
}

fn set_up_shot(app: &mut App, shot: &ShotSpec) {
    choose_world(app, shot);
    frame_actor(app, shot);
    match_lights(app);
}

/// The shot's scene, time of day and weather.
fn choose_world(app: &mut App, shot: &ShotSpec) {
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
}

/// The lens and a camera position that frames the actor to the middle of the wanted size.
fn frame_actor(app: &mut App, shot: &ShotSpec) {
    send(app, VpCommand::SetFocal(shot.focal_mm));
    let settings = app.world().resource::<StageSettings>().clone();
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
}

/// The stage lights matched to the scene's sun and sky.
fn match_lights(app: &mut App) {
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
}
