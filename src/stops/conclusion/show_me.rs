//! "Show me" for the Conclusion: match one person. Look at the first open card, then pick what
//! that person did in the tour.

use bevy::prelude::*;

use crate::classroom::presenter::model::ShowStep;
use crate::classroom::presenter::show_me::ShowMe;
use crate::crew::model::Crew;
use crate::stops::conclusion::level::{ConclusionCommand, ConclusionState};
use crate::stops::conclusion::model::CrewMatch;
use crate::tour::content_plugin::Content;

/// The steps that match the first open card of `game`.
pub fn show_me_steps(game: &CrewMatch, crew: &Crew) -> Vec<ShowStep<ConclusionCommand>> {
    let Some(card) = game.next_open() else {
        return Vec::new();
    };
    let (Some(host), Some(deed)) = (
        game.people.get(card).and_then(|id| crew.host(id)),
        game.deed_of(card),
    ) else {
        return Vec::new();
    };
    vec![
        ShowStep::new(
            format!("look at the card: {}, the {}", host.name, host.role),
            ConclusionCommand::Focus(card),
        ),
        ShowStep::new(
            format!("{} is the one who {}: match that", host.name, host.did),
            ConclusionCommand::Match { card, deed },
        ),
    ]
}

impl ShowMe for ConclusionState {
    type Command = ConclusionCommand;
    fn steps(world: &World) -> Vec<ShowStep<ConclusionCommand>> {
        match (
            world.get_resource::<ConclusionState>(),
            world.get_resource::<Content<Crew>>(),
        ) {
            (Some(state), Some(crew)) => show_me_steps(&state.game, crew),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::conclusion::model::MatchOutcome;
    use crate::tour::model::content::bundled_file;

    fn deal() -> (Crew, CrewMatch) {
        let crew = bundled_file::<Crew>().expect("bundled crew");
        let ids: Vec<&str> = crew.hosts.iter().map(|h| h.id.as_str()).collect();
        let game = CrewMatch::new(&ids, 3);
        (crew, game)
    }

    #[test]
    fn the_steps_match_the_first_open_card_and_only_it() {
        let (crew, mut game) = deal();
        let first = game.next_open().expect("a card");
        let deed = game.deed_of(first).expect("deed");
        game.guess(first, deed);
        let steps = show_me_steps(&game, &crew);
        assert_eq!(steps.len(), 2);
        let ConclusionCommand::Match { card, deed } = steps[1].command else {
            panic!("the second step matches: {:?}", steps[1]);
        };
        assert_ne!(card, first, "a matched card is not shown again");
        assert_eq!(game.guess(card, deed), MatchOutcome::Right);
        assert_eq!(game.wrong_guesses, 0);
    }

    #[test]
    fn a_finished_gallery_has_nothing_to_show() {
        let (crew, mut game) = deal();
        game.matched.iter_mut().for_each(|m| *m = true);
        assert!(show_me_steps(&game, &crew).is_empty());
    }
}
