//! The Aiken format: a question line, lettered choice lines and an `ANSWER:` line.

use super::{BankReport, Draft, Ids, QuestionKind, choice, push_question};
use crate::tour::model::quiz::Choice;

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
pub(super) fn answer_line(t: &str) -> Option<&str> {
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
    use crate::tour::model::question_bank::test_support::{all_valid, correct, only, texts};

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
}
