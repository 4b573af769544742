//! Class polls: a teacher types in a show of hands and the projector shows the result.
//! Plain Rust, no Bevy.
//!
//! Vote counts are typed, so typing mistakes are expected: every count is parsed with a clear
//! message for the teacher instead of a panic or a silent zero. Percentages are rounded with the
//! largest-remainder method so the bars on the projector always add up to exactly 100%, which
//! students do check. Tallies are kept per stop in `class_polls.ron`, written the same atomic way
//! as the player's progress.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::tour::model::quiz::{Choice, MAX_CHOICES, Question};

/// A class is rarely over 40; three digits is room for a whole school hall, and a limit catches
/// a key held down too long.
pub const MAX_VOTES_PER_OPTION: u32 = 999;
/// The archive file in the data directory.
pub const POLL_ARCHIVE_FILE: &str = "class_polls.ron";
/// A poll needs a choice; options are labelled A–H like gate choices.
pub const MIN_POLL_OPTIONS: usize = 2;
pub const MAX_POLL_OPTIONS: usize = MAX_CHOICES;

mod archive;

pub use archive::{PollArchive, SavedTally};

/// What went wrong, worded for the teacher at the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollError {
    /// Nothing typed.
    Empty,
    Negative {
        text: String,
    },
    /// Letters, decimals, exponents, signs: anything but digits.
    NotAWholeNumber {
        text: String,
    },
    TooMany {
        max: u32,
    },
    NoSuchOption {
        index: usize,
        options: usize,
    },
    TooFewOptions {
        found: usize,
    },
    TooManyOptions {
        found: usize,
    },
    BlankOption {
        index: usize,
    },
    /// The list of right answers must have one entry per option.
    CorrectListLength {
        expected: usize,
        found: usize,
    },
}

impl fmt::Display for PollError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PollError::Empty => write!(
                f,
                "Type a number of votes, from 0 to {MAX_VOTES_PER_OPTION}."
            ),
            PollError::Negative { text } => {
                write!(f, "\"{text}\" is below zero; votes start at 0.")
            }
            PollError::NotAWholeNumber { text } => write!(
                f,
                "\"{text}\" is not a number of votes; type digits only, like 12."
            ),
            PollError::TooMany { max } => write!(f, "At most {max} votes per option."),
            PollError::NoSuchOption { index, options } => write!(
                f,
                "There is no option number {}; this poll has {options}.",
                index.saturating_add(1)
            ),
            PollError::TooFewOptions { found } => write!(
                f,
                "A poll needs at least {MIN_POLL_OPTIONS} options; found {found}."
            ),
            PollError::TooManyOptions { found } => write!(
                f,
                "A poll can have at most {MAX_POLL_OPTIONS} options (A–H); found {found}."
            ),
            PollError::BlankOption { index } => {
                write!(f, "Option {} has no text.", label(*index))
            }
            PollError::CorrectListLength { expected, found } => write!(
                f,
                "The right answers list has {found} entries for {expected} options."
            ),
        }
    }
}

impl std::error::Error for PollError {}

/// Parse a typed vote count: optional surrounding spaces, then digits only, at most
/// [`MAX_VOTES_PER_OPTION`]. "1e3", "2.5" and "+4" are refused rather than guessed at.
pub fn parse_votes(text: &str) -> Result<u32, PollError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(PollError::Empty);
    }
    if let Some(rest) = t.strip_prefix('-')
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit())
    {
        return Err(PollError::Negative { text: t.into() });
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(PollError::NotAWholeNumber { text: t.into() });
    }
    let digits = t.trim_start_matches('0');
    // Checked before parsing so a long string of digits cannot overflow.
    if digits.len() > 3 {
        return Err(PollError::TooMany {
            max: MAX_VOTES_PER_OPTION,
        });
    }
    let n = if digits.is_empty() {
        0
    } else {
        digits
            .parse::<u32>()
            .map_err(|_| PollError::NotAWholeNumber { text: t.into() })?
    };
    if n > MAX_VOTES_PER_OPTION {
        return Err(PollError::TooMany {
            max: MAX_VOTES_PER_OPTION,
        });
    }
    Ok(n)
}

/// The letter of option `index` (A, B, …), safe for any index.
fn label(index: usize) -> char {
    u32::try_from(index)
        .ok()
        .and_then(|i| i.checked_add(u32::from('A')))
        .and_then(char::from_u32)
        .filter(char::is_ascii_uppercase)
        .unwrap_or('?')
}

/// "A", "A and B", "A, B and C".
fn join_labels(indices: &[usize]) -> String {
    let labels: Vec<String> = indices.iter().map(|&i| label(i).to_string()).collect();
    match labels.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// One class vote: the options and how many hands went up for each. Counts always match the
/// options one to one (a loaded file is made to fit), so indexing by option never fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "PollTallyData")]
pub struct PollTally {
    title: String,
    options: Vec<String>,
    counts: Vec<u32>,
    /// For a gate question: which options are right. `None` for an opinion poll.
    correct: Option<Vec<bool>>,
}

/// The unchecked shape of a [`PollTally`] in the archive file.
#[derive(Deserialize)]
struct PollTallyData {
    title: String,
    options: Vec<String>,
    #[serde(default)]
    counts: Vec<u32>,
    #[serde(default)]
    correct: Option<Vec<bool>>,
}

impl From<PollTallyData> for PollTally {
    /// A hand-edited archive keeps its votes rather than being thrown away: counts and right
    /// answers are padded or cut to the number of options, and counts capped.
    fn from(d: PollTallyData) -> Self {
        let n = d.options.len();
        let mut counts = d.counts;
        counts.resize(n, 0);
        counts
            .iter_mut()
            .for_each(|c| *c = (*c).min(MAX_VOTES_PER_OPTION));
        let correct = d.correct.map(|mut c| {
            c.resize(n, false);
            c
        });
        PollTally {
            title: d.title,
            options: d.options,
            counts,
            correct,
        }
    }
}

/// One bar of the projector chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: char,
    pub text: String,
    pub count: u32,
    /// Whole percent; the bars add up to 100 (or all 0 with no votes).
    pub pct: u32,
    /// `Some(true)` for a right answer of a gate question, `None` for an opinion poll.
    pub is_correct: Option<bool>,
}

impl PollTally {
    /// An opinion poll with every count at 0. Options are trimmed; 2 to 8 non-blank options.
    pub fn new(title: impl Into<String>, options: Vec<String>) -> Result<PollTally, PollError> {
        if options.len() < MIN_POLL_OPTIONS {
            return Err(PollError::TooFewOptions {
                found: options.len(),
            });
        }
        if options.len() > MAX_POLL_OPTIONS {
            return Err(PollError::TooManyOptions {
                found: options.len(),
            });
        }
        let options: Vec<String> = options.iter().map(|o| o.trim().to_string()).collect();
        if let Some(index) = options.iter().position(String::is_empty) {
            return Err(PollError::BlankOption { index });
        }
        Ok(PollTally {
            title: title.into(),
            counts: vec![0; options.len()],
            options,
            correct: None,
        })
    }

    /// A tally for a gate question's choices, in the order given (pass the gate's displayed
    /// order so the letters match the screen), with the right answers marked.
    pub fn from_choices<'a>(
        title: impl Into<String>,
        choices: impl IntoIterator<Item = &'a Choice>,
    ) -> Result<PollTally, PollError> {
        let choices: Vec<&Choice> = choices.into_iter().collect();
        let tally = Self::new(title, choices.iter().map(|c| c.text.clone()).collect())?;
        tally.with_correct(choices.iter().map(|c| c.correct).collect())
    }

    /// A tally for a gate question in its authored choice order.
    pub fn from_question(question: &Question) -> Result<PollTally, PollError> {
        Self::from_choices(question.prompt.clone(), &question.choices)
    }

    /// Mark the right answers, one flag per option.
    pub fn with_correct(mut self, correct: Vec<bool>) -> Result<PollTally, PollError> {
        self.set_correct(Some(correct))?;
        Ok(self)
    }

    /// Mark (or with `None`, unmark) the right answers.
    pub fn set_correct(&mut self, correct: Option<Vec<bool>>) -> Result<(), PollError> {
        if let Some(c) = &correct
            && c.len() != self.options.len()
        {
            return Err(PollError::CorrectListLength {
                expected: self.options.len(),
                found: c.len(),
            });
        }
        self.correct = correct;
        Ok(())
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn options(&self) -> &[String] {
        &self.options
    }

    pub fn counts(&self) -> &[u32] {
        &self.counts
    }

    pub fn correct(&self) -> Option<&[bool]> {
        self.correct.as_deref()
    }

    pub fn count(&self, index: usize) -> Option<u32> {
        self.counts.get(index).copied()
    }

    fn slot(&mut self, index: usize) -> Result<&mut u32, PollError> {
        let options = self.counts.len();
        self.counts
            .get_mut(index)
            .ok_or(PollError::NoSuchOption { index, options })
    }

    /// Set option `index` from typed text. On an error the count is left as it was.
    pub fn set_count(&mut self, index: usize, text: &str) -> Result<(), PollError> {
        let slot = self.slot(index)?;
        *slot = parse_votes(text)?;
        Ok(())
    }

    /// One more vote (the "+" button). Refused at [`MAX_VOTES_PER_OPTION`]. Returns the count.
    pub fn increment(&mut self, index: usize) -> Result<u32, PollError> {
        let slot = self.slot(index)?;
        if *slot >= MAX_VOTES_PER_OPTION {
            return Err(PollError::TooMany {
                max: MAX_VOTES_PER_OPTION,
            });
        }
        *slot += 1;
        Ok(*slot)
    }

    /// One vote fewer (the "−" button); stays at 0 rather than complaining. Returns the count.
    pub fn decrement(&mut self, index: usize) -> Result<u32, PollError> {
        let slot = self.slot(index)?;
        *slot = slot.saturating_sub(1);
        Ok(*slot)
    }

    /// Every count back to 0, for a re-vote.
    pub fn reset(&mut self) {
        self.counts.iter_mut().for_each(|c| *c = 0);
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().fold(0u32, |a, &c| a.saturating_add(c))
    }

    /// Whole percentages that add up to exactly 100 (largest-remainder method): each option
    /// gets its rounded-down share, then the points still missing go to the largest
    /// remainders, earlier options first on a tie. With no votes every option shows 0, never
    /// NaN.
    pub fn percentages(&self) -> Vec<u32> {
        let total = u64::from(self.total());
        if total == 0 {
            return vec![0; self.counts.len()];
        }
        let mut pct: Vec<u32> = Vec::with_capacity(self.counts.len());
        let mut remainders: Vec<(u64, usize)> = Vec::with_capacity(self.counts.len());
        for (i, &c) in self.counts.iter().enumerate() {
            let scaled = u64::from(c) * 100;
            pct.push(u32::try_from(scaled / total).unwrap_or(100));
            remainders.push((scaled % total, i));
        }
        let short = 100u32.saturating_sub(pct.iter().sum());
        // Largest remainder first; on equal remainders the earlier option first.
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in remainders.iter().take(short as usize) {
            if let Some(p) = pct.get_mut(i) {
                *p += 1;
            }
        }
        pct
    }

    /// The chart: one bar per option, labelled A, B, C… like the gate's choices.
    pub fn bars(&self) -> Vec<Bar> {
        let pct = self.percentages();
        self.options
            .iter()
            .enumerate()
            .map(|(i, text)| Bar {
                label: label(i),
                text: text.clone(),
                count: self.counts.get(i).copied().unwrap_or(0),
                pct: pct.get(i).copied().unwrap_or(0),
                is_correct: self
                    .correct
                    .as_ref()
                    .map(|c| c.get(i).copied().unwrap_or(false)),
            })
            .collect()
    }

    /// One sentence for the projector (and for a screen reader), e.g.
    /// "28 votes: 64% chose A, the right answer."
    pub fn summary(&self) -> String {
        let total = self.total();
        if total == 0 {
            return "No votes yet.".into();
        }
        let pct = self.percentages();
        let pct_of = |i: usize| pct.get(i).copied().unwrap_or(0);
        let votes = if total == 1 {
            "1 vote".to_string()
        } else {
            format!("{total} votes")
        };
        let max = self.counts.iter().copied().max().unwrap_or(0);
        let top: Vec<usize> = (0..self.counts.len())
            .filter(|&i| self.counts[i] == max)
            .collect();
        let mut text = match top.as_slice() {
            [one] => format!("{votes}: {}% chose {}", pct_of(*one), label(*one)),
            // Percentages of tied options can differ by one after rounding; counts cannot.
            _ => format!(
                "{votes}: {} tied with {max} {} each",
                join_labels(&top),
                if max == 1 { "vote" } else { "votes" }
            ),
        };
        let right: Vec<usize> = self
            .correct
            .as_ref()
            .map(|c| (0..c.len()).filter(|&i| c[i]).collect())
            .unwrap_or_default();
        match (right.as_slice(), top.as_slice()) {
            ([], _) => text.push('.'),
            ([r], [t]) if r == t => text.push_str(", the right answer."),
            (_, [t]) if right.contains(t) => text.push_str(", a right answer."),
            ([r], _) => {
                text.push_str(&format!(
                    "; the right answer, {}, got {}%.",
                    label(*r),
                    pct_of(*r)
                ));
            }
            (_, _) => {
                let votes_right: u64 = right
                    .iter()
                    .map(|&i| u64::from(self.counts.get(i).copied().unwrap_or(0)))
                    .sum();
                // Rounded half up from the exact share, not summed from rounded bars.
                let share = (votes_right * 200 + u64::from(total)) / (u64::from(total) * 2);
                text.push_str(&format!(
                    "; the right answers, {}, got {share}% together.",
                    join_labels(&right)
                ));
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tally of a made-up poll with these counts (shared with the archive's tests).
    pub(super) fn tally(counts: &[u32]) -> PollTally {
        let options = (0..counts.len()).map(|i| format!("option {i}")).collect();
        let mut t = PollTally::new("Which role sets the lights?", options).expect("tally");
        for (i, c) in counts.iter().enumerate() {
            t.set_count(i, &c.to_string()).expect("count");
        }
        t
    }

    #[test]
    fn typed_counts_parse_or_explain() {
        assert_eq!(parse_votes("0"), Ok(0));
        assert_eq!(parse_votes("12"), Ok(12));
        assert_eq!(parse_votes(" 7 "), Ok(7));
        assert_eq!(parse_votes("007"), Ok(7));
        assert_eq!(parse_votes("999"), Ok(999));
        assert_eq!(parse_votes(""), Err(PollError::Empty));
        assert_eq!(parse_votes("   "), Err(PollError::Empty));
        assert_eq!(
            parse_votes("-1"),
            Err(PollError::Negative { text: "-1".into() })
        );
        for bad in ["abc", "1e3", "2.5", "+4", "1 2", "-", "١٢", "0x10"] {
            assert!(
                matches!(parse_votes(bad), Err(PollError::NotAWholeNumber { .. })),
                "{bad}"
            );
        }
        assert_eq!(parse_votes("1000"), Err(PollError::TooMany { max: 999 }));
        assert_eq!(
            parse_votes("99999999999999999999999"),
            Err(PollError::TooMany { max: 999 })
        );
        assert_eq!(parse_votes("0000000000005"), Ok(5));
        let message = parse_votes("1e3").unwrap_err().to_string();
        assert!(message.contains("digits only"), "{message}");
    }

    #[test]
    fn set_count_checks_the_option_and_keeps_the_old_count_on_error() {
        let mut t = tally(&[3, 4]);
        assert_eq!(
            t.set_count(2, "5"),
            Err(PollError::NoSuchOption {
                index: 2,
                options: 2
            })
        );
        assert_eq!(
            t.set_count(0, "abc"),
            Err(PollError::NotAWholeNumber { text: "abc".into() })
        );
        assert_eq!(t.counts(), &[3, 4]);
        t.set_count(1, "40").expect("set");
        assert_eq!(t.count(1), Some(40));
        assert_eq!(t.total(), 43);
    }

    #[test]
    fn buttons_count_up_and_down_within_limits() {
        let mut t = tally(&[0, 998]);
        assert_eq!(t.decrement(0), Ok(0), "stays at zero");
        assert_eq!(t.increment(0), Ok(1));
        assert_eq!(t.increment(1), Ok(999));
        assert_eq!(t.increment(1), Err(PollError::TooMany { max: 999 }));
        assert_eq!(t.decrement(1), Ok(998));
        assert!(matches!(
            t.increment(5),
            Err(PollError::NoSuchOption { .. })
        ));
        t.reset();
        assert_eq!(t.total(), 0);
    }

    #[test]
    fn options_are_checked() {
        let opts = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            PollTally::new("t", opts(&["only"])),
            Err(PollError::TooFewOptions { found: 1 })
        );
        assert_eq!(
            PollTally::new("t", opts(&["a"; 9])),
            Err(PollError::TooManyOptions { found: 9 })
        );
        assert_eq!(
            PollTally::new("t", opts(&["a", "  "])),
            Err(PollError::BlankOption { index: 1 })
        );
        assert_eq!(
            PollTally::new("t", opts(&["a", "b"])).and_then(|t| t.with_correct(vec![true])),
            Err(PollError::CorrectListLength {
                expected: 2,
                found: 1
            })
        );
    }

    #[test]
    fn percentages_always_add_up_to_100() {
        assert_eq!(tally(&[1, 1, 1]).percentages(), vec![34, 33, 33]);
        assert_eq!(tally(&[2, 1]).percentages(), vec![67, 33]);
        assert_eq!(tally(&[1, 0, 0, 5]).percentages(), vec![17, 0, 0, 83]);
        assert_eq!(tally(&[18, 10]).percentages(), vec![64, 36]);
        assert_eq!(tally(&[0, 7]).percentages(), vec![0, 100]);
        // Every split of up to 30 votes over 3 and 7 options sums to exactly 100, and no option
        // is more than one point away from its exact share.
        for total in 1..=30u32 {
            for a in 0..=total {
                for b in 0..=total - a {
                    let counts = [a, b, total - a - b];
                    let p = tally(&counts).percentages();
                    assert_eq!(p.iter().sum::<u32>(), 100, "{counts:?} -> {p:?}");
                    for (c, pc) in counts.iter().zip(&p) {
                        let exact = f64::from(*c) * 100.0 / f64::from(total);
                        assert!((f64::from(*pc) - exact).abs() < 1.0, "{counts:?} -> {p:?}");
                    }
                }
            }
        }
        let seven = tally(&[1, 1, 1, 1, 1, 1, 1]).percentages();
        assert_eq!(seven.iter().sum::<u32>(), 100);
        assert_eq!(seven, vec![15, 15, 14, 14, 14, 14, 14]);
    }

    #[test]
    fn an_empty_poll_shows_zeros_not_nan() {
        let t = tally(&[0, 0, 0]);
        assert_eq!(t.total(), 0);
        assert_eq!(t.percentages(), vec![0, 0, 0]);
        assert!(t.bars().iter().all(|b| b.pct == 0 && b.count == 0));
        assert_eq!(t.summary(), "No votes yet.");
    }

    #[test]
    fn bars_are_labelled_and_marked() {
        let t = tally(&[18, 10])
            .with_correct(vec![true, false])
            .expect("marked");
        let bars = t.bars();
        assert_eq!(
            bars[0],
            Bar {
                label: 'A',
                text: "option 0".into(),
                count: 18,
                pct: 64,
                is_correct: Some(true)
            }
        );
        assert_eq!(bars[1].label, 'B');
        assert_eq!(bars[1].is_correct, Some(false));
        assert!(tally(&[1, 2]).bars().iter().all(|b| b.is_correct.is_none()));
    }

    #[test]
    fn summaries_read_as_sentences() {
        let right_a = |counts: &[u32]| {
            let mut c = vec![false; counts.len()];
            c[0] = true;
            tally(counts).with_correct(c).expect("marked")
        };
        assert_eq!(
            right_a(&[18, 6, 4]).summary(),
            "28 votes: 64% chose A, the right answer."
        );
        assert_eq!(
            right_a(&[6, 18, 4]).summary(),
            "28 votes: 64% chose B; the right answer, A, got 22%."
        );
        assert_eq!(tally(&[0, 1]).summary(), "1 vote: 100% chose B.");
        assert_eq!(
            tally(&[2, 5, 5]).summary(),
            "12 votes: B and C tied with 5 votes each."
        );
        assert_eq!(
            tally(&[1, 1, 1]).summary(),
            "3 votes: A, B and C tied with 1 vote each."
        );
        let two_right = tally(&[2, 5, 3, 0])
            .with_correct(vec![true, false, true, false])
            .expect("marked");
        assert_eq!(
            two_right.summary(),
            "10 votes: 50% chose B; the right answers, A and C, got 50% together."
        );
        let top_is_one_of_two = tally(&[6, 1, 3])
            .with_correct(vec![true, false, true])
            .expect("marked");
        assert_eq!(
            top_is_one_of_two.summary(),
            "10 votes: 60% chose A, a right answer."
        );
    }

    #[test]
    fn gate_questions_become_marked_tallies() {
        let choice = |text: &str, correct| Choice {
            text: text.into(),
            correct,
            explanation: String::new(),
            pin_last: false,
        };
        let q = Question {
            id: "gaffer".into(),
            prompt: "Who is the chief lighting technician?".into(),
            choices: vec![choice("Grip", false), choice("Gaffer", true)],
            general_feedback: String::new(),
        };
        let t = PollTally::from_question(&q).expect("tally");
        assert_eq!(t.title(), q.prompt);
        assert_eq!(t.options(), &["Grip".to_string(), "Gaffer".to_string()]);
        assert_eq!(t.correct(), Some(&[false, true][..]));
        // In displayed order, the letters follow the screen.
        let shown = [&q.choices[1], &q.choices[0]];
        let t = PollTally::from_choices("shown", shown).expect("tally");
        assert_eq!(t.correct(), Some(&[true, false][..]));
    }
}
