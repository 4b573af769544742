//! The teacher's commands: `import-bank` and `class-results`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::tour::model::content;

pub(super) fn import_bank(
    file: &std::path::Path,
    stop: usize,
    replace: bool,
    data_dir: Option<PathBuf>,
) -> ExitCode {
    use crate::tour::model::bank_library::{BankMode, install};
    let data_dir = data_dir.unwrap_or_else(crate::platform::storage::default_data_dir);
    let mode = if replace {
        BankMode::Replace
    } else {
        BankMode::Add
    };
    match install(&data_dir, file, stop, mode) {
        Ok((copy, report)) => {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("bank");
            println!("{}", report.summary(name));
            for s in &report.skipped {
                println!("{name}:{s}");
            }
            let how = if replace { "replace" } else { "join" };
            println!(
                "Copied to {}; these questions {how} the Stop {stop} gate.",
                copy.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `backlot class-results`: every profile in the data folder as CSV. A damaged profile is
/// skipped and named on stderr; a folder with no profiles or a file that cannot be written
/// is an error.
pub(super) fn class_results(data_dir: Option<PathBuf>, out: &std::path::Path) -> ExitCode {
    use crate::classroom::results::model::{gather, results_csv};
    let data_dir = data_dir.unwrap_or_else(crate::platform::storage::default_data_dir);
    if !data_dir.is_dir() {
        eprintln!(
            "error: {} is not a folder: give the game's data folder with --data-dir",
            data_dir.display()
        );
        return ExitCode::FAILURE;
    }
    let gathered = gather(&data_dir, None);
    for line in &gathered.skipped {
        eprintln!("warning: {line}");
    }
    if gathered.students.is_empty() {
        eprintln!(
            "error: no student profiles could be read in {} (they live in its profiles/ folder)",
            data_dir.display()
        );
        return ExitCode::FAILURE;
    }
    let tour = content::load_with_fallback(&content::default_assets_dir())
        .content
        .tour;
    let stops: Vec<(usize, String)> = tour
        .stops
        .iter()
        .map(|s| (usize::from(s.number), s.title.clone()))
        .collect();
    let csv = results_csv(&gathered.students, &stops);
    if let Err(e) = crate::platform::storage::write_atomic(out, csv.as_bytes()) {
        eprintln!("error: could not write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "Wrote {} rows ({} profiles × {} stops) to {}",
        gathered.students.len() * stops.len(),
        gathered.students.len(),
        stops.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
