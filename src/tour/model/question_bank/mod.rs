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

use std::collections::HashSet;
use std::fmt;

use crate::tour::model::quiz::{Choice, MAX_CHOICES, Question};

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
struct Ids(HashSet<String>);

impl Ids {
    fn unique(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(id.clone());
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

// ---------------------------------------------------------------------------------------------
// GIFT

/// A character of GIFT text; `esc` when it came from a `\` escape (never special).
#[derive(Debug, Clone, Copy)]
struct Tok {
    ch: char,
    esc: bool,
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(Tok { ch: c, esc: false });
            continue;
        }
        match it.peek().copied() {
            Some(n @ ('~' | '=' | '#' | '{' | '}' | ':' | '\\')) => {
                it.next();
                out.push(Tok { ch: n, esc: true });
            }
            Some('n') => {
                it.next();
                out.push(Tok {
                    ch: '\n',
                    esc: true,
                });
            }
            _ => out.push(Tok {
                ch: '\\',
                esc: true,
            }),
        }
    }
    out
}

fn is(t: &Tok, c: char) -> bool {
    !t.esc && t.ch == c
}

fn find(toks: &[Tok], c: char) -> Option<usize> {
    toks.iter().position(|t| is(t, c))
}

fn find_seq(toks: &[Tok], pat: &str) -> Option<usize> {
    let pat: Vec<char> = pat.chars().collect();
    toks.windows(pat.len())
        .position(|w| w.iter().zip(&pat).all(|(t, &c)| is(t, c)))
}

fn trim(toks: &[Tok]) -> &[Tok] {
    let ws = |t: &Tok| !t.esc && t.ch.is_whitespace();
    let start = toks.iter().position(|t| !ws(t)).unwrap_or(toks.len());
    let end = toks.iter().rposition(|t| !ws(t)).map_or(start, |e| e + 1);
    &toks[start..end]
}

fn text(toks: &[Tok]) -> String {
    trim(toks).iter().map(|t| t.ch).collect()
}

/// Split at every unescaped `c` (the separators are dropped).
fn split(toks: &[Tok], c: char) -> Vec<&[Tok]> {
    toks.split(|t| is(t, c)).collect()
}

struct Block {
    line: usize,
    category: Option<String>,
    text: String,
}

/// Parse a Moodle GIFT file.
pub fn parse_gift(text: &str) -> BankReport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut category: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let t = line.trim();
        if t.starts_with("//") {
            continue;
        }
        if t.is_empty() {
            blocks.extend(current.take());
            continue;
        }
        if let Some(name) = t.strip_prefix("$CATEGORY:") {
            blocks.extend(current.take());
            let name = name.trim();
            category = (!name.is_empty()).then(|| name.to_string());
            continue;
        }
        match &mut current {
            Some(b) => {
                b.text.push('\n');
                b.text.push_str(line);
            }
            None => {
                current = Some(Block {
                    line: n,
                    category: category.clone(),
                    text: line.to_string(),
                })
            }
        }
    }
    blocks.extend(current);

    let mut report = BankReport::default();
    let mut ids = Ids::default();
    for block in blocks {
        match gift_question(&block) {
            Ok(Parsed::Question(mut d)) => {
                d.id = ids.unique(d.id);
                push_question(&mut report, d);
            }
            Ok(Parsed::Skip(reason)) => report.skip(block.line, reason),
            Err(message) => report.error(block.line, message),
        }
    }
    report
}

enum Parsed {
    Question(Draft),
    Skip(String),
}

const FORMAT_TAGS: [&str; 4] = ["[html]", "[moodle]", "[plain]", "[markdown]"];

fn gift_question(block: &Block) -> Result<Parsed, String> {
    let all = tokenize(&block.text);
    let mut toks = trim(&all);

    // ::Title::
    let mut title = None;
    if toks.len() >= 2 && is(&toks[0], ':') && is(&toks[1], ':') {
        let rest = &toks[2..];
        let end = find_seq(rest, "::").ok_or("title '::' is not closed with '::'")?;
        title = Some(text(&rest[..end]));
        toks = &rest[end + 2..];
    }

    let open = find(toks, '{');
    let first_close = find(toks, '}');
    let Some(open) = open else {
        if first_close.is_some() {
            return Err("'}' without an opening '{'".into());
        }
        return Ok(Parsed::Skip(
            "description (text with no answer block)".into(),
        ));
    };
    if first_close.is_some_and(|c| c < open) {
        return Err("'}' before the answer block's '{'".into());
    }
    let close = find(&toks[open + 1..], '}')
        .map(|c| c + open + 1)
        .ok_or("unclosed '{': the answer block has no '}'")?;
    let suffix = &toks[close + 1..];
    if find(suffix, '{').is_some() || find(suffix, '}').is_some() {
        return Err("more than one answer block".into());
    }

    let mut prefix = text(&toks[..open]);
    for tag in FORMAT_TAGS {
        if prefix.to_ascii_lowercase().starts_with(tag) {
            prefix = prefix[tag.len()..].trim_start().to_string();
            break;
        }
    }
    let suffix = text(suffix);
    let prompt = if suffix.is_empty() {
        prefix
    } else {
        format!("{prefix} _____ {suffix}").trim().to_string()
    };

    let id = title
        .as_deref()
        .map(slug)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("gift-{}", block.line));

    // Answer block.
    let mut body = &toks[open + 1..close];
    let mut general_feedback = String::new();
    if let Some(g) = find_seq(body, "####") {
        general_feedback = text(&body[g + 4..]);
        body = &body[..g];
    }
    let body = trim(body);
    if body.is_empty() {
        return Ok(Parsed::Skip("essay question (empty answer block)".into()));
    }
    if is(&body[0], '#') {
        return Ok(Parsed::Skip("numerical question".into()));
    }

    let draft = |choices: Vec<Choice>, kind| Draft {
        line: block.line,
        id: id.clone(),
        prompt: prompt.clone(),
        choices,
        general_feedback: general_feedback.clone(),
        kind,
        category: block.category.clone(),
    };

    // True/false.
    let parts = split(body, '#');
    let head = text(parts[0]).to_ascii_uppercase();
    let tf = match head.as_str() {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    };
    if let Some(answer) = tf {
        if parts.len() > 3 {
            return Err("true/false answer has more than two '#' feedbacks".into());
        }
        let wrong_fb = parts.get(1).map(|p| text(p)).unwrap_or_default();
        let right_fb = parts.get(2).map(|p| text(p)).unwrap_or_default();
        return Ok(Parsed::Question(draft(
            true_false(answer, right_fb, wrong_fb),
            QuestionKind::TrueFalse,
        )));
    }

    // Items starting with an unescaped '=' or '~'.
    let starts: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, t)| is(t, '=') || is(t, '~'))
        .map(|(i, _)| i)
        .collect();
    if starts.first() != Some(&0) {
        return Err("answer block must start with '=', '~', '#', T or F".into());
    }
    struct Item {
        right: bool,
        weight: Option<f64>,
        text: String,
        feedback: String,
        matching: bool,
    }
    let mut items = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(body.len());
        let right = is(&body[s], '=');
        let mut rest = trim(&body[s + 1..end]);
        let mut weight = None;
        if rest.first().is_some_and(|t| is(t, '%')) {
            let close = find(&rest[1..], '%').ok_or("answer weight '%' is not closed")? + 1;
            let w = text(&rest[1..close]);
            weight = Some(
                w.parse::<f64>()
                    .map_err(|_| format!("answer weight '%{w}%' is not a number"))?,
            );
            rest = &rest[close + 1..];
        }
        let (answer, feedback) = match find(rest, '#') {
            Some(h) => (&rest[..h], text(&rest[h + 1..])),
            None => (rest, String::new()),
        };
        items.push(Item {
            right,
            weight,
            text: text(answer),
            feedback,
            matching: find_seq(answer, "->").is_some(),
        });
    }

    if items.iter().any(|i| i.matching) {
        return Ok(Parsed::Skip("matching question".into()));
    }
    if items.iter().all(|i| i.right) {
        return Ok(Parsed::Skip("short-answer question".into()));
    }
    let equals = items.iter().filter(|i| i.right).count();
    if equals > 1 {
        return Err(
            "several '=' answers: Moodle accepts any one of them, a gate would ask for all; \
             use ~%50% weights for several answers"
                .into(),
        );
    }
    let choices: Vec<Choice> = items
        .into_iter()
        .map(|i| {
            let correct = if equals == 1 {
                i.right
            } else {
                i.weight.is_some_and(|w| w > 0.0)
            };
            choice(i.text, correct, i.feedback)
        })
        .collect();
    let kind = if choices.iter().filter(|c| c.correct).count() > 1 {
        QuestionKind::MultipleAnswer
    } else {
        QuestionKind::MultipleChoice
    };
    Ok(Parsed::Question(draft(choices, kind)))
}

// ---------------------------------------------------------------------------------------------
// Aiken

/// `A. text` or `A) text` → ('A', "text").
fn choice_line(t: &str) -> Option<(char, &str)> {
    let mut chars = t.chars();
    let letter = chars.next()?;
    let sep = chars.next()?;
    if !letter.is_ascii_uppercase() || !matches!(sep, '.' | ')') {
        return None;
    }
    let rest = chars.as_str();
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((letter, rest.trim()))
}

/// `ANSWER: X` → "X".
fn answer_line(t: &str) -> Option<&str> {
    let head = t.get(..7)?;
    head.eq_ignore_ascii_case("ANSWER:").then(|| t[7..].trim())
}

struct AikenDraft {
    line: usize,
    prompt: String,
    choices: Vec<(char, String)>,
    problem: Option<String>,
}

/// Parse an Aiken file.
pub fn parse_aiken(text: &str) -> BankReport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut report = BankReport::default();
    let mut ids = Ids::default();
    let mut pending: Option<AikenDraft> = None;
    let missing = |report: &mut BankReport, d: AikenDraft| {
        let msg = if d.choices.is_empty() {
            "question has no choices and no ANSWER line"
        } else {
            "question has no ANSWER line"
        };
        report.error(d.line, msg);
    };
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let t = line.trim();
        if t.is_empty() {
            if let Some(d) = pending.take() {
                missing(&mut report, d);
            }
            continue;
        }
        let Some(d) = &mut pending else {
            if answer_line(t).is_some() {
                report.error(n, "ANSWER line without a question");
            } else {
                pending = Some(AikenDraft {
                    line: n,
                    prompt: t.to_string(),
                    choices: Vec::new(),
                    problem: None,
                });
            }
            continue;
        };
        if let Some(answer) = answer_line(t) {
            if let Some(d) = pending.take() {
                finish_aiken(&mut report, &mut ids, d, answer);
            }
        } else if let Some((letter, text)) = choice_line(t) {
            if d.choices.iter().any(|(l, _)| *l == letter) && d.problem.is_none() {
                d.problem = Some(format!("choice {letter} appears twice"));
            }
            d.choices.push((letter, text.to_string()));
        } else if d.choices.is_empty() {
            d.prompt.push('\n');
            d.prompt.push_str(t);
        } else {
            // A new question began before this one had its ANSWER line.
            if let Some(d) = pending.take() {
                missing(&mut report, d);
            }
            pending = Some(AikenDraft {
                line: n,
                prompt: t.to_string(),
                choices: Vec::new(),
                problem: None,
            });
        }
    }
    if let Some(d) = pending {
        missing(&mut report, d);
    }
    report
}

fn finish_aiken(report: &mut BankReport, ids: &mut Ids, d: AikenDraft, answer: &str) {
    if let Some(p) = d.problem {
        return report.error(d.line, p);
    }
    if d.choices.len() < 2 {
        return report.error(
            d.line,
            format!(
                "question needs at least 2 choices, found {}",
                d.choices.len()
            ),
        );
    }
    let letters: Vec<&str> = answer
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    if letters.is_empty() {
        return report.error(d.line, "ANSWER line names no choice");
    }
    let mut correct = vec![false; d.choices.len()];
    for l in letters {
        let pos = d
            .choices
            .iter()
            .position(|(c, _)| l.len() == 1 && l.eq_ignore_ascii_case(&c.to_string()));
        match pos {
            Some(p) => correct[p] = true,
            None => {
                let available: String = d.choices.iter().map(|(c, _)| *c).collect();
                return report.error(
                    d.line,
                    format!("answer '{l}' is not among the choices ({available})"),
                );
            }
        }
    }
    let choices: Vec<Choice> = d
        .choices
        .into_iter()
        .zip(correct)
        .map(|((_, text), ok)| choice(text, ok, String::new()))
        .collect();
    let is_tf = choices.len() == 2
        && choices[0].text.eq_ignore_ascii_case("true")
        && choices[1].text.eq_ignore_ascii_case("false");
    let kind = if is_tf {
        QuestionKind::TrueFalse
    } else if choices.iter().filter(|c| c.correct).count() > 1 {
        QuestionKind::MultipleAnswer
    } else {
        QuestionKind::MultipleChoice
    };
    let id = ids.unique(format!("aiken-{}", d.line));
    push_question(
        report,
        Draft {
            line: d.line,
            id,
            prompt: d.prompt,
            choices,
            general_feedback: String::new(),
            kind,
            category: None,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(report: &BankReport) -> &ImportedQuestion {
        assert!(report.errors.is_empty(), "errors: {:?}", report.errors);
        assert!(report.skipped.is_empty(), "skipped: {:?}", report.skipped);
        assert_eq!(report.questions.len(), 1, "{report:?}");
        &report.questions[0]
    }

    fn texts(q: &Question) -> Vec<&str> {
        q.choices.iter().map(|c| c.text.as_str()).collect()
    }

    fn correct(q: &Question) -> Vec<&str> {
        q.choices
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.text.as_str())
            .collect()
    }

    fn all_valid(r: &BankReport) {
        for q in &r.questions {
            assert!(q.question.validate().is_ok(), "{q:?}");
        }
    }

    #[test]
    fn gift_multiple_choice() {
        let r = parse_gift("Who directs actors? {=The director ~The gaffer ~The grip}");
        let q = only(&r);
        assert_eq!(q.kind, QuestionKind::MultipleChoice);
        assert_eq!(q.question.prompt, "Who directs actors?");
        assert_eq!(
            texts(&q.question),
            ["The director", "The gaffer", "The grip"]
        );
        assert_eq!(correct(&q.question), ["The director"]);
        assert_eq!(q.question.id, "gift-1");
        assert_eq!(q.line, 1);
        assert_eq!(q.category, None);
    }

    #[test]
    fn gift_block_spanning_lines_and_text_after_block() {
        let src = "The {\n  =gaffer\n  ~grip\n  ~boom operator\n} runs the lighting crew.";
        let q = only(&parse_gift(src)).clone();
        assert_eq!(q.question.prompt, "The _____ runs the lighting crew.");
        assert_eq!(texts(&q.question), ["gaffer", "grip", "boom operator"]);
        assert_eq!(correct(&q.question), ["gaffer"]);
    }

    #[test]
    fn gift_multiple_answers_with_weights() {
        let src = "Which are camera moves? {~%50%Dolly ~%50%Pan ~%-100%Gaffer tape}";
        let q = only(&parse_gift(src)).clone();
        assert_eq!(q.kind, QuestionKind::MultipleAnswer);
        assert_eq!(correct(&q.question), ["Dolly", "Pan"]);
        assert!(q.question.is_multi_answer());
        // Partial credit next to a '=' answer is not "correct".
        let q = only(&parse_gift("Q {=A ~%50%B ~C}")).clone();
        assert_eq!(q.kind, QuestionKind::MultipleChoice);
        assert_eq!(correct(&q.question), ["A"]);
    }

    #[test]
    fn gift_per_answer_and_general_feedback() {
        let src = "Who sets focus? {\n=Focus puller#Yes, the 1st AC.\n~Director#No, they direct.\n~Grip\n####Focus is a camera-department job.\n}";
        let q = only(&parse_gift(src)).clone();
        let c = &q.question.choices;
        assert_eq!(c[0].explanation, "Yes, the 1st AC.");
        assert_eq!(c[1].explanation, "No, they direct.");
        assert_eq!(c[2].explanation, "");
        assert_eq!(
            q.question.general_feedback,
            "Focus is a camera-department job."
        );
    }

    #[test]
    fn gift_true_false_short_and_long_forms() {
        for (src, answer) in [
            ("Sky is blue {T}", true),
            ("Sky is blue {TRUE}", true),
            ("Sky is green {F}", false),
            ("Sky is green {false}", false),
        ] {
            let q = only(&parse_gift(src)).clone();
            assert_eq!(q.kind, QuestionKind::TrueFalse, "{src}");
            assert_eq!(texts(&q.question), ["True", "False"]);
            assert_eq!(q.question.choices[0].correct, answer, "{src}");
            assert_eq!(q.question.choices[1].correct, !answer, "{src}");
            assert!(q.question.choices[1].pin_last);
        }
        let q = only(&parse_gift(
            "Grass is red {F#It is green.#Right, green.####Chlorophyll.}",
        ))
        .clone();
        assert_eq!(q.question.choices[0].explanation, "It is green.");
        assert_eq!(q.question.choices[1].explanation, "Right, green.");
        assert_eq!(q.question.general_feedback, "Chlorophyll.");
    }

    #[test]
    fn gift_titles_comments_and_categories() {
        let src = "// a comment\n$CATEGORY: Camera\n\n::Lens Basics!::What does a prime lens lack? {=Zoom ~Glass}\n\n// another\n$CATEGORY: $course$/Sound\n::Boom::Who holds the boom? {=Boom operator ~Gaffer}";
        let r = parse_gift(src);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        let ids: Vec<_> = r.questions.iter().map(|q| q.question.id.as_str()).collect();
        assert_eq!(ids, ["lens-basics", "boom"]);
        assert_eq!(r.questions[0].category.as_deref(), Some("Camera"));
        assert_eq!(r.questions[0].line, 4);
        assert_eq!(
            r.questions[0].question.prompt,
            "What does a prime lens lack?"
        );
        assert_eq!(r.questions[1].category.as_deref(), Some("$course$/Sound"));
        assert_eq!(r.questions[1].line, 8);
    }

    #[test]
    fn gift_duplicate_and_empty_titles() {
        let src = "::Boom::Q one {T}\n\n::Boom::Q two {T}\n\n::!!::Q three {F}";
        let r = parse_gift(src);
        let ids: Vec<_> = r.questions.iter().map(|q| q.question.id.as_str()).collect();
        assert_eq!(ids, ["boom", "boom-2", "gift-5"]);
    }

    #[test]
    fn gift_escapes() {
        let src = r"Is 1\=1 \{really\} \# \: a\~b? {=yes \~ sure\#1#fb \= ok ~no \}}";
        let q = only(&parse_gift(src)).clone();
        assert_eq!(q.question.prompt, "Is 1=1 {really} # : a~b?");
        assert_eq!(texts(&q.question), ["yes ~ sure#1", "no }"]);
        assert_eq!(q.question.choices[0].explanation, "fb = ok");
        let q = only(&parse_gift(r"::A\:B::Title with colon {T}")).clone();
        assert_eq!(q.question.id, "a-b");
    }

    #[test]
    fn gift_format_tag_and_pinned_all_of_the_above() {
        let src = "[html]Pick {~A ~B =All of the above.}";
        let q = only(&parse_gift(src)).clone();
        assert_eq!(q.question.prompt, "Pick");
        assert!(q.question.choices[2].pin_last);
        assert!(!q.question.choices[0].pin_last);
    }

    #[test]
    fn gift_unsupported_types_are_skipped() {
        let src = "Write an essay {}\n\nHow many frames? {#24}\n\nMatch {=a -> 1 =b -> 2 =c -> 3}\n\nName it {=director =the director}\n\nJust some description text.\n\nGood {T}";
        let r = parse_gift(src);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        let lines: Vec<_> = r.skipped.iter().map(|s| s.line).collect();
        assert_eq!(lines, [1, 3, 5, 7, 9]);
        assert!(r.skipped[0].reason.contains("essay"));
        assert!(r.skipped[1].reason.contains("numerical"));
        assert!(r.skipped[2].reason.contains("matching"));
        assert!(r.skipped[3].reason.contains("short-answer"));
        assert!(r.skipped[4].reason.contains("description"));
        assert_eq!(r.questions.len(), 1);
        assert_eq!(r.questions[0].line, 11);
    }

    #[test]
    fn gift_malformed_questions_report_lines_and_keep_the_rest() {
        let src = "Good one {=a ~b}\n\nUnclosed {=a ~b\n~c\n\nNo right {~a ~b}\n\n// comment\nOne choice {=a}\n\nToo many {=1 ~2 ~3 ~4 ~5 ~6 ~7 ~8 ~9}\n\nOnly one {=a ~}\n\nTwo equals {=a =b ~c}\n\nGood two {F}";
        let r = parse_gift(src);
        all_valid(&r);
        let good: Vec<_> = r.questions.iter().map(|q| q.line).collect();
        assert_eq!(good, [1, 17]);
        let lines: Vec<_> = r.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 6, 11, 13, 15], "{:?}", r.errors);
        assert!(r.errors[0].message.contains("unclosed"));
        assert!(r.errors[1].message.contains("no correct"));
        assert!(r.errors[2].message.contains("at most 8"));
        assert!(r.errors[3].message.contains("empty choice"));
        assert_eq!(
            r.errors[0].to_string(),
            format!("line 3: {}", r.errors[0].message)
        );
        // "One choice {=a}" is a short answer (all '='): skipped, not an error.
        assert_eq!(r.skipped.len(), 1);
        assert_eq!(r.skipped[0].line, 9);
        // A lone '=' is a short answer (skipped); a lone weighted '~' has too few choices.
        let r = parse_gift("\n\nLonely {=a}\n\nSolo {~%100%a}");
        assert_eq!(r.errors.len(), 1);
        assert_eq!(r.errors[0].line, 5);
        assert!(r.errors[0].message.contains("at least 2"));
        assert_eq!(r.skipped.len(), 1);
    }

    #[test]
    fn gift_no_panics_on_odd_input() {
        for src in [
            "{",
            "}",
            "::",
            "::x",
            "{%}",
            "Q {~%x%a ~b}",
            "Q {~%50 a}",
            "Q {=a ~b} {T}",
            "Q } {",
            "\\",
            "Q {T#a#b#c}",
            "::t::{=a ~b}",
            "Q {=a~b}####",
        ] {
            let r = parse_gift(src);
            all_valid(&r);
            assert_eq!(
                r.questions.len() + r.errors.len() + r.skipped.len(),
                1,
                "{src}: {r:?}"
            );
        }
    }

    #[test]
    fn aiken_both_styles() {
        let src = "Who lights the set?\nA. The gaffer\nB. The grip\nC. The editor\nANSWER: A\n\nWho cuts the film?\nA) The gaffer\nB) The editor\nANSWER: B\n\nIs a dolly a cart?\nA. True\nB. False\nANSWER: A\n";
        let r = parse_aiken(src);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        all_valid(&r);
        assert_eq!(r.questions.len(), 3);
        let q = &r.questions[0];
        assert_eq!(q.question.prompt, "Who lights the set?");
        assert_eq!(texts(&q.question), ["The gaffer", "The grip", "The editor"]);
        assert_eq!(correct(&q.question), ["The gaffer"]);
        assert_eq!(q.question.id, "aiken-1");
        assert_eq!(q.kind, QuestionKind::MultipleChoice);
        assert_eq!(correct(&r.questions[1].question), ["The editor"]);
        assert_eq!(r.questions[1].line, 7);
        assert_eq!(r.questions[2].kind, QuestionKind::TrueFalse);
        let multi = parse_aiken("Pick two\nA. x\nB. y\nC. z\nANSWER: A, C");
        assert_eq!(only(&multi).kind, QuestionKind::MultipleAnswer);
    }

    #[test]
    fn aiken_errors_keep_good_questions() {
        let src = "Good?\nA. yes\nB. no\nANSWER: A\n\nNo answer line\nA. x\nB. y\n\nBad letter\nA. x\nB. y\nANSWER: D\n\nOne choice\nA. x\nANSWER: A\n\nAlso good\nA) p\nB) q\nANSWER: b\nANSWER: A\nTail question\nA. x";
        let r = parse_aiken(src);
        all_valid(&r);
        let good: Vec<_> = r.questions.iter().map(|q| q.line).collect();
        assert_eq!(good, [1, 19]);
        let lines: Vec<_> = r.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [6, 10, 15, 23, 24], "{:?}", r.errors);
        assert!(r.errors[0].message.contains("no ANSWER"));
        assert!(
            r.errors[1]
                .message
                .contains("'D' is not among the choices (AB)")
        );
        assert!(r.errors[2].message.contains("at least 2"));
        assert!(r.errors[3].message.contains("without a question"));
        assert!(r.errors[4].message.contains("no ANSWER"));
    }

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
}
