//! Property tests of the GIFT and Aiken readers: no text makes them panic, every error and
//! skip names a line of the text, and a bank written from random questions (special
//! characters escaped) reads back as exactly those questions.

use proptest::prelude::*;

use super::{BankReport, parse_aiken, parse_bank, parse_gift};

/// A bank with most of what GIFT allows, to be damaged by the mutations.
const GIFT_SAMPLE: &str = "// A comment\n$CATEGORY: crew\n\n::Lights::Who lights the set? {\n  =The gaffer#Right.\n  ~The grip#No.\n  ####The gaffer runs the lighting crew.\n}\n\nThe {=director ~editor} runs the set.\n\nPick two {~%50%sound ~%50%camera ~catering}\n\nA dolly is a cart. {T#No, it is.#Yes.}\n\n[html]Escapes \\{ \\} \\= \\~ \\# \\: {=a\\=b ~c}\n\nEssay {}\n";

const AIKEN_SAMPLE: &str = "Who lights the set?\nA. The gaffer\nB. The grip\nANSWER: A\n\nPick two\nA) x\nB) y\nC) z\nANSWER: A, C\n\nIs a dolly a cart?\nA. True\nB. False\nANSWER: A\n";

/// Every error and skip names a line of `text`, and every question is one a gate can show.
fn check_report(report: &BankReport, text: &str) -> Result<(), TestCaseError> {
    let lines = text.lines().count().max(1);
    for e in &report.errors {
        prop_assert!((1..=lines).contains(&e.line), "{e} in {lines} lines");
        let prefix = format!("line {}: ", e.line);
        prop_assert!(e.to_string().starts_with(&prefix), "{}", e);
    }
    for s in &report.skipped {
        prop_assert!((1..=lines).contains(&s.line), "{s} in {lines} lines");
    }
    for q in &report.questions {
        prop_assert!((1..=lines).contains(&q.line));
        prop_assert!(q.question.validate().is_ok(), "{:?}", q);
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Truncate(usize),
    Bom,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..12usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), "[{}=~#:%\\\\\n]{1,4}")
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
        any::<usize>().prop_map(Mutation::Truncate),
        Just(Mutation::Bom),
    ]
}

/// Apply the mutations, counting in characters so the text stays UTF-8.
fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let n = chars.len();
        match m {
            Mutation::Delete { at, len } if n > 0 => {
                let at = at % n;
                chars.drain(at..(at + len).min(n));
            }
            Mutation::Delete { .. } => {}
            Mutation::Insert { at, text } => {
                let at = at % (n + 1);
                chars.splice(at..at, text.chars());
            }
            Mutation::Truncate(at) => chars.truncate(at % (n + 1)),
            Mutation::Bom => chars.insert(0, '\u{feff}'),
        }
    }
    chars.into_iter().collect()
}

/// The text the readers count lines in (a leading BOM is not part of the text).
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// One generated question: a prompt, choices, which are right, and whether it is written as
/// several answers (`~%50%`) rather than one (`=`).
#[derive(Debug, Clone)]
struct Generated {
    prompt: String,
    choices: Vec<(String, bool)>,
    several: bool,
}

/// Words of letters and GIFT's special characters (escaped when written), one space apart,
/// so the readers' trimming leaves them as they are.
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-zA-Z0-9~=#{}:\\\\.,?!']{1,8}", 1..6).prop_map(|w| w.join(" "))
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        words(),
        prop::collection::vec(words(), 2..7),
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(|(prompt, texts, several, pick)| {
            let n = texts.len();
            let right = |i: usize| {
                if several {
                    // At least one right answer; the rest by the bits of `pick`.
                    i == (pick as usize) % n || (pick >> (i + 8)) & 1 == 1
                } else {
                    i == (pick as usize) % n
                }
            };
            Generated {
                prompt,
                choices: texts
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| (t, right(i)))
                    .collect(),
                several,
            }
        })
}

fn gift_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(c, '~' | '=' | '#' | '{' | '}' | ':' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A GIFT writer: one question a block, with a blank line between blocks.
fn write_gift(questions: &[Generated]) -> String {
    let mut text = String::new();
    for q in questions {
        text.push_str(&gift_escape(&q.prompt));
        text.push_str(" {");
        for (choice, right) in &q.choices {
            let mark = match (q.several, right) {
                (false, true) => "=",
                (false, false) => "~",
                (true, true) => "~%50%",
                (true, false) => "~",
            };
            text.push_str(&format!("\n  {mark}{}", gift_escape(choice)));
        }
        text.push_str("\n}\n\n");
    }
    text
}

/// An Aiken writer. The prompt is prefixed so it cannot read as a choice or an answer line.
fn write_aiken(questions: &[Generated]) -> String {
    let mut text = String::new();
    for q in questions {
        text.push_str(&format!("Question: {}\n", q.prompt));
        for (i, (choice, _)) in q.choices.iter().enumerate() {
            text.push_str(&format!("{}. {choice}\n", letter(i)));
        }
        let right: Vec<String> = q
            .choices
            .iter()
            .enumerate()
            .filter(|(_, (_, r))| *r)
            .map(|(i, _)| letter(i).to_string())
            .collect();
        text.push_str(&format!("ANSWER: {}\n\n", right.join(", ")));
    }
    text
}

fn letter(i: usize) -> char {
    char::from(b'A' + u8::try_from(i).unwrap_or(0))
}

/// The report holds exactly `expected`, in order, with the given prompts.
fn same_questions(
    report: &BankReport,
    expected: &[Generated],
    prompt: impl Fn(&Generated) -> String,
) -> Result<(), TestCaseError> {
    prop_assert!(report.errors.is_empty(), "{:?}", report.errors);
    prop_assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    prop_assert_eq!(report.questions.len(), expected.len());
    for (got, want) in report.questions.iter().zip(expected) {
        prop_assert_eq!(&got.question.prompt, &prompt(want));
        let choices: Vec<(String, bool)> = got
            .question
            .choices
            .iter()
            .map(|c| (c.text.clone(), c.correct))
            .collect();
        prop_assert_eq!(&choices, &want.choices);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_reads_without_panic_and_errors_name_a_line(text in "(.|\n){0,200}") {
        check_report(&parse_gift(&text), without_bom(&text))?;
        check_report(&parse_aiken(&text), without_bom(&text))?;
        check_report(&parse_bank("bank.txt", &text), without_bom(&text))?;
    }

    #[test]
    fn gift_shaped_text_reads_without_panic(text in "[a-c {}=~#:%\\\\\n/T$\\[\\]>-]{0,120}") {
        check_report(&parse_gift(&text), &text)?;
    }

    #[test]
    fn a_damaged_gift_bank_reads_without_panic(
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let text = mutate(GIFT_SAMPLE, &mutations);
        check_report(&parse_gift(&text), without_bom(&text))?;
    }

    #[test]
    fn a_damaged_aiken_bank_reads_without_panic(
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let text = mutate(AIKEN_SAMPLE, &mutations);
        check_report(&parse_aiken(&text), without_bom(&text))?;
    }

    #[test]
    fn a_written_gift_bank_reads_back_as_written(
        questions in prop::collection::vec(generated(), 1..6),
    ) {
        let text = write_gift(&questions);
        let report = parse_gift(&text);
        same_questions(&report, &questions, |q| q.prompt.clone())?;
    }

    #[test]
    fn a_written_aiken_bank_reads_back_as_written(
        questions in prop::collection::vec(generated(), 1..6),
    ) {
        let text = write_aiken(&questions);
        let report = parse_aiken(&text);
        same_questions(&report, &questions, |q| format!("Question: {}", q.prompt))?;
    }
}
