//! The Conclusion's activities, as plain Rust: the crew you met (match each host of the tour
//! to what they did in it) and "How can you prepare?" (pick one or two of their careers and
//! see the school subjects and first steps for them). The order of the cards is seeded.

use std::path::Path;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::tour::model::content::{ContentError, ContentFile, parse_and_validate};

/// The tasks this level reports to the lesson table (`assets/lessons.ron`).
pub const TASKS: &[&str] = &["careers", "prepare"];

/// At most this many careers go into a student's plan: a choice, not a list of everything.
pub const MAX_PICKS: usize = 2;

/// The Conclusion's content file: the careers of the gallery.
pub const CAREERS_FILE: &str = "conclusion.ron";
const BUNDLED_CAREERS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/conclusion.ron"
));

/// The careers behind the hosts: what each job is and how to prepare for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Careers {
    pub careers: Vec<Career>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Career {
    pub title: String,
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
    /// Every career has a title, once, and something to prepare with.
    pub fn validate(&self, file: &Path) -> Vec<ContentError> {
        let mut errors = Vec::new();
        if self.careers.is_empty() {
            errors.push(ContentError::whole_file(file, "the file has no careers"));
        }
        let mut seen = std::collections::HashSet::new();
        for career in &self.careers {
            if career.title.trim().is_empty() {
                errors.push(ContentError::whole_file(file, "a career has no title"));
            } else if !seen.insert(career.title.as_str()) {
                errors.push(ContentError::whole_file(
                    file,
                    format!("career '{}' is listed twice", career.title),
                ));
            }
            // "How can you prepare?" shows these; a career without them leaves a student
            // who picked it with nothing to do.
            if career.skills.is_empty() || career.start_now.trim().is_empty() {
                errors.push(ContentError::whole_file(
                    file,
                    format!(
                        "career '{}' needs skills and a start_now step",
                        career.title
                    ),
                ));
            }
        }
        errors
    }

    pub fn find(&self, title: &str) -> Option<&Career> {
        self.careers.iter().find(|c| c.title == title)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MatchOutcome {
    Right,
    /// Wrong: this deed belongs to someone else.
    Wrong,
    AlreadyMatched,
    NoSuchCard,
}

/// The crew you met: a card per person, and the list of what each did, to match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrewMatch {
    /// Host ids, in the order the cards are dealt.
    pub people: Vec<String>,
    /// The deeds offered as choices: `deeds[i]` is the index into `people` of the person who
    /// did the i-th choice. Shuffled apart from the cards, so the answer is not the position.
    pub deeds: Vec<usize>,
    /// Whether each card has been matched.
    pub matched: Vec<bool>,
    pub wrong_guesses: u32,
}

impl CrewMatch {
    /// Deal every person in `host_ids` in a seeded order, and their deeds in another.
    pub fn new(host_ids: &[&str], seed: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut people: Vec<String> = host_ids.iter().map(|s| s.to_string()).collect();
        people.shuffle(&mut rng);
        let mut deeds: Vec<usize> = (0..people.len()).collect();
        deeds.shuffle(&mut rng);
        Self {
            matched: vec![false; people.len()],
            people,
            deeds,
            wrong_guesses: 0,
        }
    }

    /// Say that the person on `card` did the deed offered as choice `deed`.
    pub fn guess(&mut self, card: usize, deed: usize) -> MatchOutcome {
        let (Some(&done), Some(&owner)) = (self.matched.get(card), self.deeds.get(deed)) else {
            return MatchOutcome::NoSuchCard;
        };
        if done {
            return MatchOutcome::AlreadyMatched;
        }
        if owner == card {
            self.matched[card] = true;
            MatchOutcome::Right
        } else {
            self.wrong_guesses += 1;
            MatchOutcome::Wrong
        }
    }

    /// The choice that holds the deed of the person on `card`.
    pub fn deed_of(&self, card: usize) -> Option<usize> {
        self.deeds.iter().position(|&owner| owner == card)
    }

    /// True when the deed offered as choice `deed` is already matched to its person.
    pub fn deed_used(&self, deed: usize) -> bool {
        self.deeds
            .get(deed)
            .is_some_and(|&owner| self.matched.get(owner).copied().unwrap_or(false))
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

/// Why a career could not be added to the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    TooMany,
    Unknown,
}

/// "How can you prepare?": the careers a student would like, one or two of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareerPlan {
    /// Career titles, in the order picked.
    pub picks: Vec<String>,
    /// Set when the student says "this is my plan"; the pick is then saved to progress.
    pub kept: bool,
}

impl CareerPlan {
    /// Add a career, or take it out if it is already picked.
    pub fn toggle(&mut self, title: &str, careers: &Careers) -> Result<(), PlanError> {
        if let Some(i) = self.picks.iter().position(|p| p == title) {
            self.picks.remove(i);
            self.kept = false;
            return Ok(());
        }
        if careers.find(title).is_none() {
            return Err(PlanError::Unknown);
        }
        if self.picks.len() >= MAX_PICKS {
            return Err(PlanError::TooMany);
        }
        self.picks.push(title.to_string());
        self.kept = false;
        Ok(())
    }

    /// Keep the plan: it needs at least one career.
    pub fn keep(&mut self) -> bool {
        self.kept = !self.picks.is_empty();
        self.kept
    }
}

/// Units done of each task in [`TASKS`]: people matched, and the plan kept.
pub fn task_counts(game: &CrewMatch, plan: &CareerPlan) -> Vec<(&'static str, u32)> {
    let matched = game.matched.iter().filter(|&&m| m).count();
    vec![
        ("careers", u32::try_from(matched).unwrap_or(u32::MAX)),
        ("prepare", u32::from(plan.kept)),
    ]
}

/// The crew and the careers files agree: each host's career is one of `conclusion.ron`, so
/// "How can you prepare?" has subjects and first steps for every person the student met.
/// Checked only when both files read well (each reports its own problems otherwise).
pub fn check_crew_careers(assets_dir: &Path) -> Vec<ContentError> {
    use crate::crew::model::Crew;
    use crate::tour::model::content::{ContentFolder, read_file};
    let dir = ContentFolder::Assets.dir(assets_dir);
    let (Ok(crew), Ok(careers)) = (
        read_file(&dir, Crew::FILE, Crew::parse),
        read_file(&dir, Careers::FILE, Careers::parse),
    ) else {
        return Vec::new();
    };
    crew.hosts
        .iter()
        .filter(|h| careers.find(&h.career).is_none())
        .map(|h| {
            ContentError::whole_file(
                &dir.join(Crew::FILE),
                format!(
                    "host '{}': no career called \"{}\" in {}",
                    h.id,
                    h.career,
                    Careers::FILE
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests;
