//! "Show me" for the Conclusion: match one card. Look at the first open card, then place it
//! at the stop where the tour met that career.

use bevy::prelude::*;

use crate::classroom::presenter::model::ShowStep;
use crate::classroom::presenter::show_me::ShowMe;
use crate::stops::conclusion::level::{ConclusionCommand, ConclusionState};
use crate::stops::conclusion::model::{Career, CareerMatch};
use crate::tour::content_plugin::Content;

/// The steps that match the first open card of `game`.
pub fn show_me_steps(game: &CareerMatch, careers: &[Career]) -> Vec<ShowStep<ConclusionCommand>> {
    let Some(card) = game.next_open() else {
        return Vec::new();
    };
    let Some(career) = game.cards.get(card).and_then(|&i| careers.get(i)) else {
        return Vec::new();
    };
    vec![
        ShowStep::new(
            format!(
                "read the card: the {}, {}",
                career.title, career.what_they_do
            ),
            ConclusionCommand::Focus(card),
        ),
        ShowStep::new(
            format!(
                "we met the {} at stop {}: match it there",
                career.title, career.met_at_stop
            ),
            ConclusionCommand::Guess {
                card,
                stop: career.met_at_stop,
            },
        ),
    ]
}

impl ShowMe for ConclusionState {
    type Command = ConclusionCommand;
    fn steps(world: &World) -> Vec<ShowStep<ConclusionCommand>> {
        match (
            world.get_resource::<ConclusionState>(),
            world.get_resource::<Content<crate::stops::conclusion::model::Careers>>(),
        ) {
            (Some(state), Some(careers)) => show_me_steps(&state.game, &careers.careers),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::conclusion::model::{Careers, MatchOutcome};
    use crate::tour::model::content::bundled_file;

    #[test]
    fn the_steps_match_the_first_open_card_and_only_it() {
        let careers = bundled_file::<Careers>().expect("bundled").careers;
        let mut game = CareerMatch::new(&careers, 6, 3);
        let first = game.next_open().expect("a card");
        game.guess(&careers, first, careers[game.cards[first]].met_at_stop);
        let steps = show_me_steps(&game, &careers);
        assert_eq!(steps.len(), 2);
        let ConclusionCommand::Guess { card, stop } = steps[1].command else {
            panic!("the second step guesses: {:?}", steps[1]);
        };
        assert_ne!(card, first, "a matched card is not shown again");
        assert_eq!(game.guess(&careers, card, stop), MatchOutcome::Right);
        assert_eq!(game.wrong_guesses, 0);
    }

    #[test]
    fn a_finished_gallery_has_nothing_to_show() {
        let careers = bundled_file::<Careers>().expect("bundled").careers;
        let mut game = CareerMatch::new(&careers, 6, 3);
        game.matched.iter_mut().for_each(|m| *m = true);
        assert!(show_me_steps(&game, &careers).is_empty());
    }
}
