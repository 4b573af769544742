//! `backlot check-content`: the content folder, the scenes folder, or one file (a content file
//! recognised by its name, or a question bank) checked as the game reads it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::stage::model::led::StageGeometry;
use crate::stage::model::scene::{SCENE_FILES, parse_scene_file};
use crate::tour::model::content::{self, ContentError, Tour, check_path, read_file};

/// Extensions of the question banks a teacher imports (GIFT, Aiken, or Aiken as `.txt`).
const BANK_EXTENSIONS: [&str; 3] = ["gift", "aiken", "txt"];

pub(super) fn check_content(dir: Option<PathBuf>) -> ExitCode {
    let dir = dir.unwrap_or_else(content::default_assets_dir);
    if dir.is_file() {
        return check_one_file(&dir);
    }
    // A folder of question banks (a teacher's, or the data directory's `banks/`).
    if !dir.join(content::TOUR_FILE).is_file() && !dir.join("stage.ron").is_file() {
        let mut banks: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| is_bank(p))
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
    report(&dir, &errors)
}

fn is_bank(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| BANK_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Print the problems (or that there are none) and give the exit code.
fn report(what: &Path, errors: &[ContentError]) -> ExitCode {
    if errors.is_empty() {
        println!("{}: all content files are valid", what.display());
        ExitCode::SUCCESS
    } else {
        for e in errors {
            eprintln!("error: {e}");
        }
        eprintln!("{} error(s) in {}", errors.len(), what.display());
        ExitCode::FAILURE
    }
}

/// One file: a question bank by its extension, a content file by its name.
fn check_one_file(path: &Path) -> ExitCode {
    if is_bank(path) {
        return check_question_bank(path);
    }
    match content_kind(path) {
        Ok(check) => report(path, &check(path)),
        Err(message) => {
            eprintln!("error: {}: {message}", path.display());
            ExitCode::FAILURE
        }
    }
}

/// The checker for a content file, chosen by its name: `tour.ron`, a stop's file, `stage.ron`,
/// or a scene (a bundled scene's name, or any `.ron` in a folder called `scenes`).
fn content_kind(path: &Path) -> Result<crate::stops::FileCheck, String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name == content::TOUR_FILE {
        return Ok(check_path::<Tour>);
    }
    if let Some((_, check)) = crate::stops::CONTENT_FILES.iter().find(|(n, _)| *n == name) {
        return Ok(*check);
    }
    if name == crate::stage::model::led::STAGE_FILE {
        return Ok(check_path::<StageGeometry>);
    }
    let in_scenes = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|d| d == "scenes");
    let is_ron = path.extension().is_some_and(|e| e == "ron");
    if SCENE_FILES.contains(&name.as_str()) || (in_scenes && is_ron) {
        return Ok(check_scene);
    }
    let mut known = vec![content::TOUR_FILE];
    known.extend(crate::stops::CONTENT_FILES.iter().map(|(n, _)| *n));
    known.push(crate::stage::model::led::STAGE_FILE);
    Err(format!(
        "not a content file the game reads; content files are named {}, or are scenes \
         (.ron in a scenes folder); question banks end in .gift, .aiken or .txt",
        known.join(", ")
    ))
}

fn check_scene(path: &Path) -> Vec<ContentError> {
    let dir = path.parent().unwrap_or_else(|| Path::new(""));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    read_file(dir, &name, parse_scene_file)
        .err()
        .unwrap_or_default()
}

fn check_question_bank(path: &Path) -> ExitCode {
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
    if report.questions.is_empty() && report.errors.is_empty() {
        // `import-bank` refuses such a file: say so here too.
        eprintln!("error: {name}: no questions a gate can show");
        return ExitCode::FAILURE;
    }
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
