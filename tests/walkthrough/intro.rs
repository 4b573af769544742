//! Stop 0, Intro: connect the parts, survive the incident.

use super::*;
use backlot::stops::intro::model::StudioSpec;

pub(super) fn play_intro_level(app: &mut App) {
    let needed: Vec<String> = app
        .world()
        .resource::<Content<StudioSpec>>()
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

/// Stop 0 with its core tasks only (the same at every length): assemble, then repair.
pub(super) fn play_intro_core(app: &mut App) {
    let needed: Vec<String> = app
        .world()
        .resource::<Content<StudioSpec>>()
        .needed()
        .map(|p| p.id.clone())
        .collect();
    for id in &needed {
        send(app, IntroCommand::Connect(id.clone()));
    }
    let failed = match &app.world().resource::<IntroState>().level.phase {
        IntroPhase::Incident { failed } => failed.clone(),
        other => panic!("an incident follows the first run, got {other:?}"),
    };
    assert_level_not_done(app);
    send(app, IntroCommand::Repair(failed));
    send(app, TourCommand::FinishLevel);
}
