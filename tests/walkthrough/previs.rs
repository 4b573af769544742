//! Stop 1, Previsualization: every panel composed with the solver, then the animatic.

use super::*;

/// Stop 1: a wrong shot is refused with its reason; then every panel gets a camera that meets
/// it, and the animatic plays to its end.
pub(super) fn play_previs_level(app: &mut App) {
    use backlot::stops::previs::level::{PrevisCommand, PrevisState};
    use backlot::stops::previs::model::{ShotSize, solve_setup};
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

/// Play the animatic to its end at half a second a frame.
fn play_animatic(app: &mut App) {
    use backlot::stops::previs::level::{PrevisCommand, PrevisState};
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
}

/// Stop 1 with its core tasks only: the lesson's number of panels, then the animatic. One
/// panel short of the core, the animatic does not lock the previs.
pub(super) fn play_previs_core(app: &mut App) {
    use backlot::stops::previs::level::{PrevisCommand, PrevisState, STOP};
    use backlot::stops::previs::model::solve_setup;
    let needed = core(app, STOP, "panels") as usize;
    let board = app.world().resource::<PrevisState>().storyboard.clone();
    assert!(needed >= 2 && needed <= board.panels.len());
    let compose = |app: &mut App, i: usize| {
        let panel = &board.panels[i];
        let subject = board.character(&panel.subject).expect("subject in the set");
        let setup = solve_setup(panel, subject.start_ground(), subject.height_m, Vec3::Z);
        send(app, PrevisCommand::SetShot(i, setup));
        send(app, PrevisCommand::CheckShot(i));
    };
    for i in 0..needed - 1 {
        compose(app, i);
    }
    play_animatic(app);
    assert!(
        !app.world().resource::<PrevisState>().final_cut_watched,
        "one panel short of the core does not lock the previs"
    );
    assert_level_not_done(app);
    compose(app, needed - 1);
    play_animatic(app);
    let state = app.world().resource::<PrevisState>();
    assert!(state.final_cut_watched, "the core panels lock the previs");
    assert_eq!(state.matched_count(), needed);
    assert_eq!(
        app.world().resource::<LevelStatus>().stars,
        3,
        "panels left as extensions do not pull the stars down"
    );
    send(app, TourCommand::FinishLevel);
}
