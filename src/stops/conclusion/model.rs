//! The Conclusion's careers gallery challenge: match each hybrid role to the stop where the
//! tour met it. Plain Rust, no Bevy; the order and the roles drawn are seeded.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::tour::model::content::Career;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchOutcome {
    Right,
    /// Wrong: the stop where this career really was met.
    Wrong {
        actual_stop: u8,
    },
    AlreadyMatched,
    NoSuchCard,
}

#[derive(Debug, Clone)]
pub struct CareerMatch {
    /// Indices into the careers list, in the order the cards are dealt.
    pub cards: Vec<usize>,
    /// Whether each card has been matched.
    pub matched: Vec<bool>,
    pub wrong_guesses: u32,
}

impl CareerMatch {
    /// Deal `count` careers (all of them if fewer) in a seeded order.
    pub fn new(careers: &[Career], count: usize, seed: u64) -> Self {
        let mut cards: Vec<usize> = (0..careers.len()).collect();
        cards.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
        cards.truncate(count.min(careers.len()));
        let matched = vec![false; cards.len()];
        Self {
            cards,
            matched,
            wrong_guesses: 0,
        }
    }

    pub fn guess(&mut self, careers: &[Career], card: usize, stop: u8) -> MatchOutcome {
        let Some(&career_index) = self.cards.get(card) else {
            return MatchOutcome::NoSuchCard;
        };
        if self.matched[card] {
            return MatchOutcome::AlreadyMatched;
        }
        let actual = careers[career_index].met_at_stop;
        if actual == stop {
            self.matched[card] = true;
            MatchOutcome::Right
        } else {
            self.wrong_guesses += 1;
            MatchOutcome::Wrong {
                actual_stop: actual,
            }
        }
    }

    /// The first card not yet matched.
    pub fn next_open(&self) -> Option<usize> {
        self.matched.iter().position(|m| !m)
    }

    pub fn is_complete(&self) -> bool {
        self.matched.iter().all(|&m| m)
    }

    pub fn stars(&self) -> u8 {
        match self.wrong_guesses {
            0 => 3,
            1..=2 => 2,
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn careers() -> Vec<Career> {
        crate::tour::model::content::bundled()
            .expect("bundled")
            .careers
            .careers
    }

    #[test]
    fn matching_every_card_completes_and_wrong_guesses_cost_stars() {
        let c = careers();
        let mut m = CareerMatch::new(&c, 5, 3);
        assert_eq!(m.cards.len(), 5);
        let first = m.next_open().expect("a card");
        let actual = c[m.cards[first]].met_at_stop;
        let wrong = (actual + 1) % 7;
        assert_eq!(
            m.guess(&c, first, wrong),
            MatchOutcome::Wrong {
                actual_stop: actual
            }
        );
        while let Some(card) = m.next_open() {
            let stop = c[m.cards[card]].met_at_stop;
            assert_eq!(m.guess(&c, card, stop), MatchOutcome::Right);
        }
        assert!(m.is_complete());
        assert_eq!(m.stars(), 2);
        assert_eq!(m.guess(&c, 0, 0), MatchOutcome::AlreadyMatched);
        assert_eq!(m.guess(&c, 99, 0), MatchOutcome::NoSuchCard);
    }

    #[test]
    fn deal_is_seeded() {
        let c = careers();
        assert_eq!(
            CareerMatch::new(&c, 5, 8).cards,
            CareerMatch::new(&c, 5, 8).cards
        );
        let different =
            (0..10).any(|s| CareerMatch::new(&c, 5, s).cards != CareerMatch::new(&c, 5, 8).cards);
        assert!(different);
    }
}
