//! `backlot soak`: the game's logic for many frames with random player moves, every save
//! checked after every move; a result block, and a failing exit on any inconsistency.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::soak::{SoakOptions, run};
use crate::tour::model::content;

#[derive(Args, Debug, Clone)]
pub struct SoakArgs {
    /// Frames to run (`app.update()`s).
    #[arg(long, default_value_t = 30_000)]
    pub updates: u64,
    /// Seed for the player's moves and the game's randomness; the same seed replays the run.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Where the saves go (default: a fresh temporary folder, removed afterwards).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

pub(super) fn soak(args: &SoakArgs) -> ExitCode {
    let temporary = args.data_dir.is_none();
    let data_dir = args.data_dir.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("backlot-soak-{}", std::process::id()))
    });
    if temporary {
        let _ = std::fs::remove_dir_all(&data_dir);
    }
    let report = run(SoakOptions {
        updates: args.updates,
        seed: args.seed,
        data_dir: data_dir.clone(),
        assets_dir: content::default_assets_dir(),
    });
    if temporary {
        let _ = std::fs::remove_dir_all(&data_dir);
    }
    println!("{report}");
    if report.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
