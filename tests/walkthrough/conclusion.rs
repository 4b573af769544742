//! Stop 6, Conclusion: the careers gallery matched.

use super::*;
use backlot::stops::conclusion::model::Careers;

pub(super) fn play_conclusion_level(app: &mut App) {
    let careers = app.world().resource::<Content<Careers>>().careers.clone();
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

/// Stop 6 with its core tasks only: the lesson's number of career cards.
pub(super) fn play_conclusion_core(app: &mut App) {
    use backlot::stops::conclusion::level::STOP;
    let careers = app.world().resource::<Content<Careers>>().careers.clone();
    let needed = core(app, STOP, "careers");
    for matched in 0..needed {
        if matched + 1 == needed {
            assert_level_not_done(app);
        }
        let state = app.world().resource::<ConclusionState>();
        let card = state.game.next_open().expect("a card left");
        let stop = careers[state.game.cards[card]].met_at_stop;
        send(app, ConclusionCommand::Guess { card, stop });
    }
    send(app, TourCommand::FinishLevel);
}
