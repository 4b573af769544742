//! `backlot check-content`: the content folder, or one question bank, checked as the game reads it.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::tour::model::content;

pub(super) fn check_content(dir: Option<PathBuf>) -> ExitCode {
    let dir = dir.unwrap_or_else(content::default_assets_dir);
    // A teacher's question bank (GIFT or Aiken): report what it holds, line-numbered errors.
    if dir.is_file() {
        return check_question_bank(&dir);
    }
    // A folder of question banks (a teacher's, or the data directory's `banks/`).
    if !dir.join(content::TOUR_FILE).is_file() && !dir.join("stage.ron").is_file() {
        let mut banks: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                            ["gift", "aiken", "txt"].contains(&e.to_ascii_lowercase().as_str())
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        if !banks.is_empty() {
            banks.sort();
            let failed = banks
                .iter()
                .filter(|b| check_question_bank(b) != ExitCode::SUCCESS)
                .count();
            return if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
    }
    // A scenes folder holds the stage and the virtual worlds; anything else is tour content.
    let errors = if dir.join("stage.ron").is_file() {
        crate::stage::model::scene::check_dir(&dir)
    } else {
        let mut errors = content::check_dir(&dir);
        errors.extend(crate::stops::check_content(&dir));
        errors
    };
    if errors.is_empty() {
        println!("{}: all content files are valid", dir.display());
        ExitCode::SUCCESS
    } else {
        for e in &errors {
            eprintln!("error: {e}");
        }
        eprintln!("{} error(s) in {}", errors.len(), dir.display());
        ExitCode::FAILURE
    }
}

fn check_question_bank(path: &std::path::Path) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {}: cannot read: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let report = crate::tour::model::question_bank::parse_bank(&name, &text);
    println!("{}", report.summary(&name));
    for s in &report.skipped {
        println!("{name}: skipped: {s}");
    }
    for e in &report.errors {
        eprintln!("error: {name}: {e}");
    }
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
