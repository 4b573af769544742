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
