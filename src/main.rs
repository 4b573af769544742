//! The `backlot` binary: parse the command line, then play or run a headless subcommand.

use std::process::ExitCode;

fn main() -> ExitCode {
    backlot::cli::run()
}
