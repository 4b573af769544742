//! The Moodle GIFT format: tokens that remember escapes, blocks split at blank lines, and one
//! question per block (see the notes on the parent module for what is accepted).

use super::{BankReport, Draft, Ids, QuestionKind, choice, push_question, slug, true_false};
use crate::tour::model::quiz::Choice;

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
    let (title, toks) = take_title(trim(&all))?;
    let Some((open, close)) = answer_block(toks)? else {
        return Ok(Parsed::Skip(
            "description (text with no answer block)".into(),
        ));
    };
    let prompt = gift_prompt(&toks[..open], &toks[close + 1..]);

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

    if let Some(choices) = gift_true_false(body)? {
        return Ok(Parsed::Question(draft(choices, QuestionKind::TrueFalse)));
    }
    let items = gift_items(body)?;
    choice_question(items, draft)
}

/// `::Title::` at the start: the title, and the tokens after it.
fn take_title(toks: &[Tok]) -> Result<(Option<String>, &[Tok]), String> {
    if toks.len() >= 2 && is(&toks[0], ':') && is(&toks[1], ':') {
        let rest = &toks[2..];
        let end = find_seq(rest, "::").ok_or("title '::' is not closed with '::'")?;
        return Ok((Some(text(&rest[..end])), &rest[end + 2..]));
    }
    Ok((None, toks))
}

/// Where the one answer block opens and closes, or `None` when there is no block (a
/// description). Stray or repeated braces are errors.
fn answer_block(toks: &[Tok]) -> Result<Option<(usize, usize)>, String> {
    let open = find(toks, '{');
    let first_close = find(toks, '}');
    let Some(open) = open else {
        if first_close.is_some() {
            return Err("'}' without an opening '{'".into());
        }
        return Ok(None);
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
    Ok(Some((open, close)))
}

/// The question text from what comes before and after the answer block: a leading format tag
/// is dropped, and text after the block makes a missing-word question.
fn gift_prompt(before: &[Tok], after: &[Tok]) -> String {
    let mut prefix = text(before);
    for tag in FORMAT_TAGS {
        if prefix.to_ascii_lowercase().starts_with(tag) {
            prefix = prefix[tag.len()..].trim_start().to_string();
            break;
        }
    }
    let suffix = text(after);
    if suffix.is_empty() {
        prefix
    } else {
        format!("{prefix} _____ {suffix}").trim().to_string()
    }
}

/// `{T}`, `{FALSE}`, `{T#wrong#right}`…: the two choices, or `None` when the block is not a
/// true/false answer.
fn gift_true_false(body: &[Tok]) -> Result<Option<Vec<Choice>>, String> {
    let parts = split(body, '#');
    let head = text(parts[0]).to_ascii_uppercase();
    let tf = match head.as_str() {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    };
    let Some(answer) = tf else {
        return Ok(None);
    };
    if parts.len() > 3 {
        return Err("true/false answer has more than two '#' feedbacks".into());
    }
    let wrong_fb = parts.get(1).map(|p| text(p)).unwrap_or_default();
    let right_fb = parts.get(2).map(|p| text(p)).unwrap_or_default();
    Ok(Some(true_false(answer, right_fb, wrong_fb)))
}

/// One `=` or `~` answer of a block.
struct Item {
    right: bool,
    weight: Option<f64>,
    text: String,
    feedback: String,
    matching: bool,
}

/// Items starting with an unescaped '=' or '~', with their `%weight%` and `#feedback`.
fn gift_items(body: &[Tok]) -> Result<Vec<Item>, String> {
    let starts: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, t)| is(t, '=') || is(t, '~'))
        .map(|(i, _)| i)
        .collect();
    if starts.first() != Some(&0) {
        return Err("answer block must start with '=', '~', '#', T or F".into());
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
    Ok(items)
}

/// The items as a single- or several-answer question, or a skip for the kinds a gate cannot
/// show (matching, short answer).
fn choice_question(
    items: Vec<Item>,
    draft: impl Fn(Vec<Choice>, QuestionKind) -> Draft,
) -> Result<Parsed, String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::model::question_bank::test_support::{all_valid, correct, only, texts};

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
}
