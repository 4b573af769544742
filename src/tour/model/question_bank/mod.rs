//! Importing teacher question banks (Moodle GIFT and Aiken) into quiz-gate questions.
//!
//! Plain Rust, no Bevy. Every imported question passes [`Question::validate`]. Question types
//! a gate cannot show (essay, numerical, matching, short answer, description) are listed in
//! [`BankReport::skipped`]; broken questions are listed in [`BankReport::errors`] with the line
//! where the question starts. Neither stops the rest of the file from importing.
//!
//! GIFT notes:
//! - questions are separated by blank lines; `//` lines are comments; `$CATEGORY: name` sets
//!   the category of the questions that follow;
//! - `::Title::` gives the id (slug of the title, else `gift-<line>`; repeated ids get `-2`…);
//!   a leading format tag (`[html]`, `[moodle]`, `[plain]`, `[markdown]`) is dropped;
//! - text after the answer block makes a missing-word question: the block becomes `_____`;
//! - `=right ~wrong`: one `=` answer makes a single-answer question (`~` answers are wrong,
//!   even with a partial-credit weight). Without `=`, `~` answers with a positive `%weight%`
//!   are the correct ones (several answers). Several `=` next to `~` answers is an error: Moodle
//!   accepts any one of them, a gate would ask for all of them;
//! - `#text` after an answer is its explanation, `####text` the general feedback;
//! - `{T}`/`{TRUE}`/`{F}`/`{FALSE}` give choices "True", "False" ("False" pinned last, so the
//!   order stays True, False); `{T#wrong#right}`: the first feedback goes to the wrong choice,
//!   the second to the right one;
//! - escapes `\~ \= \# \{ \} \: \\` and `\n` (new line).
//!
//! Aiken notes: a question line, choice lines `A. text` or `A) text`, then `ANSWER: X`
//! (`ANSWER: A, C` also accepted, for several answers). Choices "True"/"False" make a
//! true/false question.
//!
//! Choices such as "All of the above" / "None of the above" are pinned last.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::tour::model::quiz::{Choice, MAX_CHOICES, Question};

mod aiken;
mod gift;
#[cfg(test)]
mod props;
#[cfg(test)]
mod test_support;

use aiken::answer_line;
pub use aiken::parse_aiken;
pub use gift::parse_gift;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    MultipleChoice,
    MultipleAnswer,
    TrueFalse,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportedQuestion {
    pub question: Question,
    pub kind: QuestionKind,
    pub category: Option<String>,
    /// 1-based line where the question starts.
    pub line: usize,
}

/// A question of a type the gate cannot show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// A broken question; `line` is where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ImportError {}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: skipped: {}", self.line, self.reason)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BankReport {
    pub questions: Vec<ImportedQuestion>,
    pub skipped: Vec<Skipped>,
    pub errors: Vec<ImportError>,
}

impl BankReport {
    /// E.g. `quiz.gift: 12 questions (8 multiple choice, 1 several answers, 3 true/false), 2 skipped`.
    /// The several-answers count, `, N skipped` and `, N errors` appear only when non-zero.
    pub fn summary(&self, file_name: &str) -> String {
        let count = |k: QuestionKind| self.questions.iter().filter(|q| q.kind == k).count();
        let total = self.questions.len();
        let mut s = format!(
            "{file_name}: {total} question{} ({} multiple choice",
            if total == 1 { "" } else { "s" },
            count(QuestionKind::MultipleChoice)
        );
        let multi = count(QuestionKind::MultipleAnswer);
        if multi > 0 {
            s.push_str(&format!(", {multi} several answers"));
        }
        s.push_str(&format!(", {} true/false)", count(QuestionKind::TrueFalse)));
        if !self.skipped.is_empty() {
            s.push_str(&format!(", {} skipped", self.skipped.len()));
        }
        let errors = self.errors.len();
        if errors > 0 {
            s.push_str(&format!(
                ", {errors} error{}",
                if errors == 1 { "" } else { "s" }
            ));
        }
        s
    }

    fn error(&mut self, line: usize, message: impl Into<String>) {
        self.errors.push(ImportError {
            line,
            message: message.into(),
        });
    }

    fn skip(&mut self, line: usize, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            line,
            reason: reason.into(),
        });
    }
}

/// Pick the format by file name: `.gift` is GIFT, `.aiken` is Aiken; any other name (`.txt`
/// included) is Aiken when some line starts with `ANSWER:` and GIFT otherwise.
pub fn parse_bank(file_name: &str, text: &str) -> BankReport {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "gift" => parse_gift(text),
        "aiken" => parse_aiken(text),
        _ if text.lines().any(|l| answer_line(l.trim()).is_some()) => parse_aiken(text),
        _ => parse_gift(text),
    }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/// Builds ids unique within one file.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    /// For each base, the suffix to try next: a title used 10,000 times costs 10,000 tries in
    /// all, not 10,000² (each repeat starts where the last one stopped).
    next: HashMap<String, usize>,
}

impl Ids {
    fn unique(&mut self, base: String) -> String {
        let mut n = self.next.get(&base).copied().unwrap_or(1);
        let mut id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        // Skips ids taken another way, e.g. a question titled "q-2" before a second "q".
        while self.taken.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.next.insert(base, n + 1);
        self.taken.insert(id.clone());
        id
    }
}

fn slug(title: &str) -> String {
    let mut s = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

fn choice(text: String, correct: bool, explanation: String) -> Choice {
    let key = text
        .trim()
        .trim_end_matches(['.', '!'])
        .to_ascii_lowercase();
    let pin_last = matches!(
        key.as_str(),
        "all of the above"
            | "none of the above"
            | "both of the above"
            | "all of these"
            | "none of these"
            | "all of the choices are correct"
    );
    Choice {
        text,
        correct,
        explanation,
        pin_last,
    }
}

fn true_false(correct_is_true: bool, right_fb: String, wrong_fb: String) -> Vec<Choice> {
    let (true_fb, false_fb) = if correct_is_true {
        (right_fb, wrong_fb)
    } else {
        (wrong_fb, right_fb)
    };
    vec![
        choice("True".into(), correct_is_true, true_fb),
        Choice {
            pin_last: true,
            ..choice("False".into(), !correct_is_true, false_fb)
        },
    ]
}

/// Checks shared by both formats, then the quiz's own validation.
fn check_choices(choices: &[Choice]) -> Result<(), String> {
    if choices.len() < 2 {
        return Err(format!("needs at least 2 choices, found {}", choices.len()));
    }
    if choices.len() > MAX_CHOICES {
        return Err(format!(
            "has {} choices; a gate shows at most {MAX_CHOICES}",
            choices.len()
        ));
    }
    if !choices.iter().any(|c| c.correct) {
        return Err("has no correct answer".into());
    }
    if choices.iter().any(|c| c.text.trim().is_empty()) {
        return Err("has an empty choice".into());
    }
    Ok(())
}

struct Draft {
    line: usize,
    id: String,
    prompt: String,
    choices: Vec<Choice>,
    general_feedback: String,
    kind: QuestionKind,
    category: Option<String>,
}

fn push_question(report: &mut BankReport, d: Draft) {
    if d.prompt.trim().is_empty() {
        return report.error(d.line, "question has no text");
    }
    if let Err(e) = check_choices(&d.choices) {
        return report.error(d.line, format!("question {e}"));
    }
    let question = Question {
        id: d.id,
        prompt: d.prompt,
        choices: d.choices,
        general_feedback: d.general_feedback,
    };
    if let Err(e) = question.validate() {
        return report.error(d.line, e);
    }
    report.questions.push(ImportedQuestion {
        question,
        kind: d.kind,
        category: d.category,
        line: d.line,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_bank_picks_the_format() {
        let aiken = "Q\nA. a\nB. b\nANSWER: A\n";
        let gift = "Q {=a ~b}";
        assert_eq!(parse_bank("bank.txt", aiken).questions.len(), 1);
        assert_eq!(parse_bank("bank.TXT", gift).questions.len(), 1);
        assert_eq!(parse_bank("bank.gift", gift).questions.len(), 1);
        assert_eq!(parse_bank("bank.aiken", aiken).questions.len(), 1);
        // A .gift file is GIFT even if it mentions ANSWER:
        let r = parse_bank("x.gift", aiken);
        assert!(r.questions.is_empty());
    }

    #[test]
    fn summary_text() {
        let mut src = String::new();
        for i in 0..9 {
            src.push_str(&format!("MC {i} {{=a ~b}}\n\n"));
        }
        for i in 0..3 {
            src.push_str(&format!("TF {i} {{T}}\n\n"));
        }
        let r = parse_gift(&src);
        assert_eq!(
            r.summary("quiz.gift"),
            "quiz.gift: 12 questions (9 multiple choice, 3 true/false)"
        );
        src.push_str("Multi {~%50%a ~%50%b ~c}\n\nEssay {}\n\nNum {#3}\n\nBroken {~a ~b}\n");
        let r = parse_gift(&src);
        assert_eq!(
            r.summary("quiz.gift"),
            "quiz.gift: 13 questions (9 multiple choice, 1 several answers, 3 true/false), 2 skipped, 1 error"
        );
        let r = parse_gift("Only {T}");
        assert_eq!(
            r.summary("a.gift"),
            "a.gift: 1 question (0 multiple choice, 1 true/false)"
        );
    }

    #[test]
    fn ten_thousand_questions_with_one_title_get_distinct_ids_in_order() {
        let text: String = (0..10_000)
            .map(|i| format!("::Same::Question {i} {{T}}\n\n"))
            .collect();
        let report = parse_gift(&text);
        assert_eq!(report.errors, Vec::new());
        let ids: Vec<&str> = report
            .questions
            .iter()
            .map(|q| q.question.id.as_str())
            .collect();
        assert_eq!(ids.len(), 10_000);
        assert_eq!(&ids[..3], ["same", "same-2", "same-3"]);
        assert_eq!(ids[9_999], "same-10000");
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 10_000);
    }

    #[test]
    fn a_repeated_title_skips_ids_taken_by_other_titles() {
        let mut ids = Ids::default();
        let got: Vec<String> = ["q", "q-2", "q", "q", "q-2"]
            .into_iter()
            .map(|b| ids.unique(b.to_string()))
            .collect();
        assert_eq!(got, ["q", "q-2", "q-3", "q-4", "q-2-2"]);
    }
}
