//! Stop 0, Intro: connect the parts, trace the failure from what stopped back to its root,
//! then predict what stops when a part is pulled. Wrong blames and wrong predictions are
//! refused with their reasons.

use super::*;
use backlot::crew::Dialogue;
use backlot::crew::model::Moment;
use backlot::stops::intro::model::{IntroFeedback, StudioSpec, predict};

fn needed(app: &App) -> Vec<String> {
    app.world()
        .resource::<Content<StudioSpec>>()
        .needed()
        .map(|p| p.id.clone())
        .collect()
}

fn intro(app: &App) -> &IntroState {
    app.world().resource::<IntroState>()
}

fn last_feedback(app: &App) -> IntroFeedback {
    intro(app).log.last().cloned().expect("some feedback")
}

fn failed_part(app: &App) -> String {
    match &intro(app).level.phase {
        IntroPhase::Incident { failed } => failed.clone(),
        other => panic!("an incident follows the first run, got {other:?}"),
    }
}

/// The part in question and the parts that really stop when it is pulled.
fn question(app: &App) -> (String, Vec<String>) {
    let level = &intro(app).level;
    let IntroPhase::Predict { pull, .. } = &level.phase else {
        panic!("a prediction follows the trace, got {:?}", level.phase);
    };
    let stops = predict::stalls_if_removed(&level.spec, &level.board, pull);
    (pull.clone(), stops.into_iter().collect())
}

/// Mark exactly the parts that stop, and pull.
fn predict_right(app: &mut App) {
    let (_, stops) = question(app);
    for id in stops {
        send(app, IntroCommand::Mark(id));
    }
    send(app, IntroCommand::Pull);
    assert!(
        matches!(intro(app).log.last(), Some(IntroFeedback::Predicted(s)) if s.is_right()),
        "{:?}",
        intro(app).log.last()
    );
}

pub(super) fn play_intro_level(app: &mut App) {
    let needed = needed(app);
    // A distractor is refused and costs a star.
    send(app, IntroCommand::Connect("fax-machine".into()));
    for id in &needed {
        send(app, IntroCommand::Connect(id.clone()));
    }
    let failed = failed_part(app);
    let status = intro(app).level.status();
    let stalled = status
        .stalls
        .iter()
        .map(|s| s.part.clone())
        .find(|p| *p != failed)
        .expect("a part that only stalled");
    let working = status
        .working
        .iter()
        .next()
        .expect("a working part")
        .clone();
    // Blaming a part that only stalled is refused: it waits on something upstream.
    send(app, IntroCommand::Blame(stalled.clone()));
    assert_eq!(
        last_feedback(app),
        IntroFeedback::OnlyStalled { part: stalled }
    );
    assert!(
        app.world()
            .resource::<Dialogue>()
            .was_said(0, &Moment::Cue("wrong-part".into())),
        "the host says the part only stalled"
    );
    send(app, IntroCommand::Blame(working.clone()));
    assert_eq!(
        last_feedback(app),
        IntroFeedback::StillWorking { part: working }
    );
    assert!(!intro(app).level.traced);
    // Leaving the level before it is complete is refused.
    assert_level_not_done(app);
    send(app, IntroCommand::Blame(failed.clone()));
    assert!(intro(app).level.traced);
    assert!(
        intro(app)
            .log
            .contains(&IntroFeedback::RootFound { part: failed }),
        "the root is accepted"
    );
    // Tracing alone does not open the gate: a prediction is still to come.
    assert_level_not_done(app);
    // A wrong prediction (one part that keeps working marked, the rest missed) is refused.
    let (pull, stops) = question(app);
    let keeps_working = needed
        .iter()
        .find(|id| **id != pull && !stops.contains(id))
        .expect("a part that keeps working")
        .clone();
    send(app, IntroCommand::Mark(keeps_working.clone()));
    send(app, IntroCommand::Pull);
    let score = intro(app)
        .level
        .last_prediction
        .clone()
        .expect("the prediction was scored");
    assert!(!score.is_right());
    assert!(score.wrong.contains(&keeps_working));
    assert_eq!(score.missed.iter().cloned().collect::<Vec<_>>(), stops);
    assert!(!intro(app).level.is_complete());
    assert_level_not_done(app);
    // A new part is asked about; the right prediction completes the level.
    assert_ne!(question(app).0, pull);
    predict_right(app);
    assert!(intro(app).level.is_complete());
    assert_eq!(
        intro(app).level.mistakes,
        4,
        "the fax, two blames, one prediction"
    );
    send(app, TourCommand::FinishLevel);
}

/// Stop 0 with its core tasks only (the same at every length): assemble, trace, predict.
pub(super) fn play_intro_core(app: &mut App) {
    for id in &needed(app) {
        send(app, IntroCommand::Connect(id.clone()));
    }
    let failed = failed_part(app);
    assert_level_not_done(app);
    send(app, IntroCommand::Blame(failed));
    assert_level_not_done(app);
    predict_right(app);
    send(app, TourCommand::FinishLevel);
}
