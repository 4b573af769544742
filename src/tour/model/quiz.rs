//! The quiz-gate engine: plain Rust, no Bevy.
//!
//! A gate is a list of multiple-choice questions. Choices are shuffled with a seeded RNG
//! (so a camp can replay the same order) and labelled A, B, C, D… A wrong submission keeps the
//! gate shut and explains why each wrong choice is wrong; the student tries again. There is no
//! time limit here: timers, when a camp wants them, live outside the engine.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// One answer option of a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    /// Why this choice is right or wrong; shown after a submission.
    #[serde(default)]
    pub explanation: String,
    /// Keep this choice last when shuffling ("All of the choices are correct!" reads oddly
    /// anywhere but last).
    #[serde(default)]
    pub pin_last: bool,
}

/// A multiple-choice question with one or more correct choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id, used in saves and exports.
    pub id: String,
    pub prompt: String,
    pub choices: Vec<Choice>,
    /// Shown once the question is answered correctly.
    #[serde(default)]
    pub general_feedback: String,
}

impl Question {
    pub fn correct_count(&self) -> usize {
        self.choices.iter().filter(|c| c.correct).count()
    }

    pub fn is_multi_answer(&self) -> bool {
        self.correct_count() > 1
    }

    /// Problems that make a question unusable in a gate.
    pub fn validate(&self) -> Result<(), String> {
        if self.prompt.trim().is_empty() {
            return Err(format!("question '{}' has an empty prompt", self.id));
        }
        if self.choices.len() < 2 {
            return Err(format!("question '{}' needs at least 2 choices", self.id));
        }
        if self.choices.len() > MAX_CHOICES {
            return Err(format!(
                "question '{}' has {} choices; a gate shows at most {MAX_CHOICES}",
                self.id,
                self.choices.len()
            ));
        }
        if self.correct_count() == 0 {
            return Err(format!("question '{}' has no correct choice", self.id));
        }
        Ok(())
    }
}

/// Labels A–H; the gate keys are 1–8 or A–H.
pub const MAX_CHOICES: usize = 8;

pub fn choice_label(position: usize) -> char {
    (b'A' + position as u8) as char
}

/// Parse "A".."H" or "1".."8" into a display position.
pub fn parse_label(text: &str) -> Option<usize> {
    let t = text.trim();
    let mut chars = t.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    let pos = match c.to_ascii_uppercase() {
        'A'..='H' => c.to_ascii_uppercase() as usize - 'A' as usize,
        '1'..='8' => c as usize - '1' as usize,
        _ => return None,
    };
    Some(pos)
}

/// One submission of a question, as recorded in the save and in exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// Texts of the chosen answers (texts, not labels, since labels depend on the shuffle).
    pub chosen: Vec<String>,
    pub correct: bool,
}

/// Everything recorded about one question of a gate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QuestionRecord {
    pub question_id: String,
    pub attempts: Vec<Attempt>,
}

impl QuestionRecord {
    pub fn solved(&self) -> bool {
        self.attempts.iter().any(|a| a.correct)
    }
}

/// Feedback for one chosen or missed choice after a submission.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceFeedback {
    pub label: char,
    pub text: String,
    pub correct: bool,
    pub chosen: bool,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SubmitOutcome {
    /// Nothing was selected; nothing is recorded.
    NothingSelected,
    Correct {
        feedback: Vec<ChoiceFeedback>,
        general_feedback: String,
    },
    /// The gate stays shut. `feedback` explains each wrong choice that was picked;
    /// `missing` counts correct choices left out (for several-answer questions).
    Incorrect {
        feedback: Vec<ChoiceFeedback>,
        missing: usize,
    },
}

/// A gate being played: questions in order, each with its own shuffled choice order.
#[derive(Debug, Clone)]
pub struct GateSession {
    questions: Vec<Question>,
    /// For each question, display position -> index into `choices`.
    orders: Vec<Vec<usize>>,
    records: Vec<QuestionRecord>,
    current: usize,
    selected: Vec<bool>,
    /// Set after a correct answer until the student moves on.
    answered_current: bool,
}

impl GateSession {
    pub fn new(questions: Vec<Question>, seed: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let orders = questions
            .iter()
            .map(|q| shuffled_order(q, &mut rng))
            .collect();
        let records = questions
            .iter()
            .map(|q| QuestionRecord {
                question_id: q.id.clone(),
                attempts: Vec::new(),
            })
            .collect();
        let first_len = questions.first().map_or(0, |q| q.choices.len());
        Self {
            questions,
            orders,
            records,
            current: 0,
            selected: vec![false; first_len],
            answered_current: false,
        }
    }

    pub fn question_count(&self) -> usize {
        self.questions.len()
    }

    pub fn current_index(&self) -> usize {
        self.current
    }

    /// The gate opens once every question has been answered correctly.
    pub fn is_open(&self) -> bool {
        self.records.iter().all(QuestionRecord::solved)
    }

    pub fn current_question(&self) -> Option<&Question> {
        self.questions.get(self.current)
    }

    /// Has the current question been answered correctly (waiting for "next")?
    pub fn current_answered(&self) -> bool {
        self.answered_current
    }

    /// The current question's choices in display order, with their labels.
    pub fn displayed_choices(&self) -> Vec<(char, &Choice)> {
        let Some(q) = self.questions.get(self.current) else {
            return Vec::new();
        };
        self.orders[self.current]
            .iter()
            .enumerate()
            .map(|(pos, &idx)| (choice_label(pos), &q.choices[idx]))
            .collect()
    }

    pub fn is_selected(&self, position: usize) -> bool {
        self.selected.get(position).copied().unwrap_or(false)
    }

    /// Select a choice by display position. Single-answer questions keep one selection;
    /// several-answer questions toggle.
    pub fn select(&mut self, position: usize) {
        if self.answered_current || position >= self.selected.len() {
            return;
        }
        let multi = self
            .current_question()
            .is_some_and(Question::is_multi_answer);
        if multi {
            self.selected[position] = !self.selected[position];
        } else {
            self.selected.iter_mut().for_each(|s| *s = false);
            self.selected[position] = true;
        }
    }

    pub fn records(&self) -> &[QuestionRecord] {
        &self.records
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// Submit the current selection.
    pub fn submit(&mut self) -> SubmitOutcome {
        let Some(q) = self.questions.get(self.current) else {
            return SubmitOutcome::NothingSelected;
        };
        if self.answered_current || !self.selected.iter().any(|&s| s) {
            return SubmitOutcome::NothingSelected;
        }
        let order = &self.orders[self.current];
        let mut feedback = Vec::new();
        let mut chosen_texts = Vec::new();
        let mut wrong_picks = 0;
        let mut missing = 0;
        for (pos, &idx) in order.iter().enumerate() {
            let choice = &q.choices[idx];
            let chosen = self.selected[pos];
            if chosen {
                chosen_texts.push(choice.text.clone());
            }
            if chosen && !choice.correct {
                wrong_picks += 1;
            }
            if !chosen && choice.correct {
                missing += 1;
            }
            if chosen {
                feedback.push(ChoiceFeedback {
                    label: choice_label(pos),
                    text: choice.text.clone(),
                    correct: choice.correct,
                    chosen,
                    explanation: choice.explanation.clone(),
                });
            }
        }
        let correct = wrong_picks == 0 && missing == 0;
        self.records[self.current].attempts.push(Attempt {
            chosen: chosen_texts,
            correct,
        });
        if correct {
            self.answered_current = true;
            SubmitOutcome::Correct {
                feedback,
                general_feedback: q.general_feedback.clone(),
            }
        } else {
            // Keep the picks visible so the student sees what they tried, but let them change.
            SubmitOutcome::Incorrect { feedback, missing }
        }
    }

    /// Move to the next unsolved question after a correct answer. Returns false when the gate
    /// is complete (or the current question is not yet solved).
    pub fn advance(&mut self) -> bool {
        if !self.answered_current {
            return false;
        }
        if self.current + 1 >= self.questions.len() {
            return false;
        }
        self.current += 1;
        self.selected = vec![false; self.questions[self.current].choices.len()];
        self.answered_current = false;
        true
    }

    /// Presenter control: reveal the correct choices of the current question (display labels).
    pub fn correct_labels(&self) -> Vec<char> {
        self.displayed_choices()
            .into_iter()
            .filter(|(_, c)| c.correct)
            .map(|(l, _)| l)
            .collect()
    }
}

fn shuffled_order(q: &Question, rng: &mut ChaCha8Rng) -> Vec<usize> {
    let mut free: Vec<usize> = (0..q.choices.len())
        .filter(|&i| !q.choices[i].pin_last)
        .collect();
    free.shuffle(rng);
    free.extend((0..q.choices.len()).filter(|&i| q.choices[i].pin_last));
    free
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(text: &str, correct: bool) -> Choice {
        Choice {
            text: text.into(),
            correct,
            explanation: format!("because {text}"),
            pin_last: false,
        }
    }

    fn q(id: &str, correct: &[bool]) -> Question {
        Question {
            id: id.into(),
            prompt: format!("prompt {id}"),
            choices: correct
                .iter()
                .enumerate()
                .map(|(i, &c)| choice(&format!("{id}-{i}"), c))
                .collect(),
            general_feedback: String::new(),
        }
    }

    fn position_of(session: &GateSession, text: &str) -> usize {
        session
            .displayed_choices()
            .iter()
            .position(|(_, c)| c.text == text)
            .expect("choice shown")
    }

    #[test]
    fn labels_parse_letters_and_digits() {
        assert_eq!(parse_label("a"), Some(0));
        assert_eq!(parse_label("D"), Some(3));
        assert_eq!(parse_label("1"), Some(0));
        assert_eq!(parse_label("4"), Some(3));
        assert_eq!(parse_label("Z"), None);
        assert_eq!(parse_label("12"), None);
        assert_eq!(parse_label(""), None);
        assert_eq!(choice_label(2), 'C');
    }

    #[test]
    fn same_seed_same_order_and_different_seeds_differ() {
        let qs: Vec<_> = (0..6)
            .map(|i| q(&i.to_string(), &[true, false, false, false]))
            .collect();
        let a = GateSession::new(qs.clone(), 7);
        // Recorded: seed 7's shuffles, so a replayed game (and a saved gate) asks the same way.
        let recorded: [[usize; 4]; 6] = [
            [0, 3, 1, 2],
            [1, 2, 3, 0],
            [0, 2, 1, 3],
            [0, 3, 2, 1],
            [3, 2, 0, 1],
            [0, 3, 2, 1],
        ];
        assert_eq!(a.orders, recorded);
        let differs = (0..20u64).any(|s| GateSession::new(qs.clone(), s).orders != a.orders);
        assert!(differs, "shuffling must depend on the seed");
        for order in &a.orders {
            let mut sorted = order.clone();
            sorted.sort();
            assert_eq!(sorted, vec![0, 1, 2, 3], "a shuffle is a permutation");
        }
    }

    #[test]
    fn pinned_choice_stays_last() {
        let mut question = q("p", &[false, false, false, true]);
        question.choices[3].pin_last = true;
        for seed in 0..10 {
            let s = GateSession::new(vec![question.clone()], seed);
            assert_eq!(s.displayed_choices()[3].1.text, "p-3");
        }
    }

    #[test]
    fn wrong_answer_keeps_gate_shut_and_explains() {
        let mut s = GateSession::new(vec![q("x", &[false, true, false, false])], 1);
        let wrong = position_of(&s, "x-0");
        s.select(wrong);
        match s.submit() {
            SubmitOutcome::Incorrect { feedback, missing } => {
                assert_eq!(missing, 1);
                assert_eq!(feedback.len(), 1);
                assert_eq!(feedback[0].text, "x-0");
                assert!(!feedback[0].correct);
                assert_eq!(feedback[0].explanation, "because x-0");
            }
            other => panic!("expected Incorrect, got {other:?}"),
        }
        assert!(!s.is_open());
        assert!(!s.advance(), "cannot move on from an unsolved question");
        let right = position_of(&s, "x-1");
        s.select(right);
        assert!(matches!(s.submit(), SubmitOutcome::Correct { .. }));
        assert!(s.is_open());
        assert_eq!(s.records()[0].attempts.len(), 2);
        assert!(!s.records()[0].attempts[0].correct);
        assert_eq!(s.records()[0].attempts[0].chosen, vec!["x-0".to_string()]);
        assert!(s.records()[0].attempts[1].correct);
    }

    #[test]
    fn nothing_selected_records_nothing() {
        let mut s = GateSession::new(vec![q("x", &[true, false])], 1);
        assert_eq!(s.submit(), SubmitOutcome::NothingSelected);
        assert!(s.records()[0].attempts.is_empty());
    }

    #[test]
    fn multi_answer_needs_every_correct_choice() {
        let mut s = GateSession::new(vec![q("m", &[true, true, false, false])], 3);
        s.select(position_of(&s, "m-0"));
        match s.submit() {
            SubmitOutcome::Incorrect { missing, feedback } => {
                assert_eq!(missing, 1);
                assert!(
                    feedback[0].correct,
                    "the one pick was right, just not enough"
                );
            }
            other => panic!("expected Incorrect, got {other:?}"),
        }
        s.select(position_of(&s, "m-1"));
        assert!(matches!(s.submit(), SubmitOutcome::Correct { .. }));
    }

    #[test]
    fn multi_answer_with_an_extra_wrong_pick_fails() {
        let mut s = GateSession::new(vec![q("m", &[true, true, false])], 3);
        for t in ["m-0", "m-1", "m-2"] {
            s.select(position_of(&s, t));
        }
        assert!(matches!(
            s.submit(),
            SubmitOutcome::Incorrect { missing: 0, .. }
        ));
        // Toggle the wrong one off.
        s.select(position_of(&s, "m-2"));
        assert!(matches!(s.submit(), SubmitOutcome::Correct { .. }));
    }

    #[test]
    fn single_answer_selection_replaces() {
        let mut s = GateSession::new(vec![q("s", &[true, false, false])], 0);
        s.select(0);
        s.select(1);
        assert!(!s.is_selected(0));
        assert!(s.is_selected(1));
        s.select(9); // out of range is ignored
    }

    #[test]
    fn gate_walks_all_questions() {
        let qs = vec![q("a", &[true, false]), q("b", &[false, true])];
        let mut s = GateSession::new(qs, 11);
        for id in ["a", "b"] {
            assert_eq!(s.current_question().map(|q| q.id.as_str()), Some(id));
            let text = s
                .displayed_choices()
                .iter()
                .find(|(_, c)| c.correct)
                .map(|(_, c)| c.text.clone())
                .expect("has correct");
            s.select(position_of(&s, &text));
            assert!(matches!(s.submit(), SubmitOutcome::Correct { .. }));
            if id == "a" {
                assert!(!s.is_open());
                assert!(s.advance());
            }
        }
        assert!(s.is_open());
        assert!(!s.advance());
        assert_eq!(s.correct_labels().len(), 1);
    }

    #[test]
    fn validation_catches_broken_questions() {
        assert!(q("ok", &[true, false]).validate().is_ok());
        assert!(q("none", &[false, false]).validate().is_err());
        assert!(q("one", &[true]).validate().is_err());
        assert!(q("many", &[true; 9]).validate().is_err());
        let mut empty = q("e", &[true, false]);
        empty.prompt = "  ".into();
        assert!(empty.validate().is_err());
    }
}
