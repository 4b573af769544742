//! Checks shared by the question bank tests: the one question of a report, its choices, and
//! that every imported question is valid.

use super::{BankReport, ImportedQuestion};
use crate::tour::model::quiz::Question;

pub(super) fn only(report: &BankReport) -> &ImportedQuestion {
    assert!(report.errors.is_empty(), "errors: {:?}", report.errors);
    assert!(report.skipped.is_empty(), "skipped: {:?}", report.skipped);
    assert_eq!(report.questions.len(), 1, "{report:?}");
    &report.questions[0]
}

pub(super) fn texts(q: &Question) -> Vec<&str> {
    q.choices.iter().map(|c| c.text.as_str()).collect()
}

pub(super) fn correct(q: &Question) -> Vec<&str> {
    q.choices
        .iter()
        .filter(|c| c.correct)
        .map(|c| c.text.as_str())
        .collect()
}

pub(super) fn all_valid(r: &BankReport) {
    for q in &r.questions {
        assert!(q.question.validate().is_ok(), "{q:?}");
    }
}
