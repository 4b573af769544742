//! Stop 6, Conclusion: the crew you met matched to what they did, and a career plan kept.

use super::*;
use backlot::crew::Dialogue;
use backlot::crew::model::{Crew, Moment};
use backlot::stops::conclusion::level::plan_careers;

/// Match the first open card to its deed.
fn match_next(app: &mut App) -> bool {
    let state = app.world().resource::<ConclusionState>();
    let Some(card) = state.game.next_open() else {
        return false;
    };
    let deed = state.game.deed_of(card).expect("every card has its deed");
    send(app, ConclusionCommand::Match { card, deed });
    true
}

/// Pick the first two careers, see a third refused, and keep the plan. A plan made on an
/// earlier visit (another camp team's turn) is kept as it is.
fn keep_a_plan(app: &mut App) -> Vec<String> {
    let earlier = app.world().resource::<ConclusionState>().plan.picks.clone();
    if !earlier.is_empty() {
        send(app, ConclusionCommand::KeepPlan);
        let saved = &app.world().resource::<SaveData>().progress.career_plan;
        assert_eq!(saved, &earlier, "the plan is in the progress");
        return earlier;
    }
    let crew = app.world().resource::<Content<Crew>>().0.clone();
    let offered: Vec<String> = plan_careers(&crew).iter().map(|s| s.to_string()).collect();
    send(app, ConclusionCommand::TogglePick(0));
    send(app, ConclusionCommand::TogglePick(1));
    send(app, ConclusionCommand::TogglePick(2));
    let state = app.world().resource::<ConclusionState>();
    assert_eq!(state.plan.picks, offered[..2], "a third pick is refused");
    assert!(
        state
            .plan_note
            .as_deref()
            .is_some_and(|n| n.contains("at most 2")),
        "{:?}",
        state.plan_note
    );
    send(app, ConclusionCommand::KeepPlan);
    let saved = &app.world().resource::<SaveData>().progress.career_plan;
    assert_eq!(saved, &offered[..2], "the plan is in the progress");
    offered[..2].to_vec()
}

pub(super) fn play_conclusion_level(app: &mut App) {
    if app.world().resource::<ConclusionState>().game.is_complete() {
        // Back to a finished level (another camp team's turn): straight on.
        keep_a_plan(app);
        send(app, TourCommand::FinishLevel);
        return;
    }
    // A wrong match first: the producer reacts, and it costs a star.
    let (card, wrong) = {
        let state = app.world().resource::<ConclusionState>();
        let card = state.game.next_open().expect("a card");
        let right = state.game.deed_of(card).expect("deed");
        (card, (right + 1) % state.game.deeds.len())
    };
    send(app, ConclusionCommand::Match { card, deed: wrong });
    let crew = app.world().resource::<Content<Crew>>().0.clone();
    let reaction = crew.lines(6, &Moment::Cue("match-wrong".into()));
    let dialogue = app.world().resource::<Dialogue>();
    let talk = dialogue
        .talk
        .as_ref()
        .expect("the host reacts to a wrong match");
    assert!(
        talk.lines.iter().any(|l| l.text == reaction[0].1),
        "{:?}",
        talk.lines
    );
    while match_next(app) {}
    // Every person matched is not the end: the plan is the point of the stop.
    assert_level_not_done(app);
    keep_a_plan(app);
    send(app, TourCommand::FinishLevel);
}

/// Stop 6 with its core tasks only: the lesson's number of people, then the plan.
pub(super) fn play_conclusion_core(app: &mut App) {
    use backlot::stops::conclusion::level::STOP;
    let needed = core(app, STOP, "careers");
    for _ in 0..needed {
        assert!(match_next(app), "a card left");
    }
    assert_level_not_done(app);
    keep_a_plan(app);
    send(app, TourCommand::FinishLevel);
}
