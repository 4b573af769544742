//! The Conclusion's careers gallery challenge: match each hybrid role to the stop where the
//! tour met it. Plain Rust, no Bevy; the order and the roles drawn are seeded.

use std::path::Path;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::tour::model::content::{ContentError, ContentFile, STOP_COUNT, parse_and_validate};

/// The tasks this level reports to the lesson table (`assets/lessons.ron`).
pub const TASKS: &[&str] = &["careers"];

/// The Conclusion's content file: the careers of the gallery.
pub const CAREERS_FILE: &str = "conclusion.ron";
const BUNDLED_CAREERS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/conclusion.ron"
));

/// The careers gallery of the Conclusion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Careers {
    pub careers: Vec<Career>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Career {
    pub title: String,
    /// Which stop of the tour the player met this role at.
    pub met_at_stop: u8,
    pub what_they_do: String,
    /// School subjects and skills that prepare for it.
    pub skills: Vec<String>,
    /// Why it is a "hybrid" role bridging art and technology.
    pub hybrid_because: String,
    /// A first step a student can take now.
    pub start_now: String,
}

/// `assets/conclusion.ron`, loaded the way every content file is (see `ContentFile`).
impl ContentFile for Careers {
    const FILE: &'static str = CAREERS_FILE;
    const BUNDLED: &'static str = BUNDLED_CAREERS;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        parse_and_validate(text, file, Careers::validate)
    }
}

impl Careers {
    /// Every career names a stop of the tour (0–6) and a title.
    pub fn validate(&self, file: &Path) -> Vec<ContentError> {
        let mut errors = Vec::new();
        if self.careers.is_empty() {
            errors.push(ContentError::whole_file(file, "the gallery has no careers"));
        }
        for career in &self.careers {
            if career.title.trim().is_empty() {
                errors.push(ContentError::whole_file(file, "a career has no title"));
            }
            // The gallery offers one button per stop; a career met at no stop can never be
            // matched, and the Conclusion could never be finished.
            if usize::from(career.met_at_stop) >= STOP_COUNT {
                errors.push(ContentError::whole_file(
                    file,
                    format!(
                        "career '{}': met_at_stop is {}, but the tour has stops 0-{}",
                        career.title,
                        career.met_at_stop,
                        STOP_COUNT - 1
                    ),
                ));
            }
        }
        errors
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MatchOutcome {
    Right,
    /// Wrong: the stop where this career really was met.
    Wrong {
        actual_stop: u8,
    },
    AlreadyMatched,
    NoSuchCard,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
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

    /// Units done of each task in [`TASKS`]: the cards matched.
    pub fn task_counts(&self) -> Vec<(&'static str, u32)> {
        let matched = self.matched.iter().filter(|&&m| m).count();
        vec![("careers", u32::try_from(matched).unwrap_or(u32::MAX))]
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
        crate::tour::model::content::bundled_file::<Careers>()
            .expect("bundled")
            .careers
    }

    #[test]
    fn each_length_opens_after_its_number_of_matches() {
        use crate::tour::model::content::bundled_file;
        use crate::tour::model::lesson::{LessonLength, LessonTable, core_met};
        let table = bundled_file::<LessonTable>().expect("bundled lessons");
        let c = careers();
        for length in LessonLength::ALL {
            let mut m = CareerMatch::new(&c, 6, 2);
            let core = table.core(6, "careers", length);
            for matched in 0..core {
                assert!(!core_met(table.tasks(6), length, &m.task_counts()));
                let card = m.next_open().expect("a card left");
                let stop = c[m.cards[card]].met_at_stop;
                assert_eq!(m.guess(&c, card, stop), MatchOutcome::Right, "{matched}");
            }
            assert!(
                core_met(table.tasks(6), length, &m.task_counts()),
                "{length}"
            );
        }
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

    #[test]
    fn a_career_met_at_a_stop_the_tour_lacks_is_refused() {
        let mut gallery = Careers { careers: careers() };
        gallery.careers[1].met_at_stop = 9;
        let title = gallery.careers[1].title.clone();
        let errors = gallery.validate(Path::new("conclusion.ron"));
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [format!(
                "conclusion.ron: career '{title}': met_at_stop is 9, but the tour has stops 0-6"
            )]
        );
        gallery.careers[1].met_at_stop = 6;
        assert_eq!(gallery.validate(Path::new("conclusion.ron")), Vec::new());
    }
}
