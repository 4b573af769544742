//! A soak of the game's logic: thousands of frames of `LogicPlugin` on `MinimalPlugins`,
//! driven by random but valid player messages from a fixed seed, with the saves checked after
//! every move. It walks the lot, plays every stop's level through its own commands (whole
//! tasks done the way "Show me" does them, idle clicks on the level's controls, and watching
//! what plays), answers gates right and wrong, leaves and comes back, changes the lesson
//! length, and now and then quits and starts a new game over the same data folder.
//!
//! `backlot soak` runs it at length and a unit test runs a short one. Nothing here is random
//! beyond the seed: the frame clock is manual, so the same seed replays the same run.

mod checks;
mod levels;
mod moves;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;

use crate::GameConfig;
use crate::platform::memory::resident_bytes;
use crate::platform::time::Instant;
use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::lesson::LessonLength;

use checks::Ledger;

/// Game time per frame: a quarter of a second, so timers, takes, playbacks and autosaves run
/// in a few frames each.
const FRAME: Duration = Duration::from_millis(250);
/// A quit-and-restart comes after at least this many frames and at most this many more.
const RESTART_AFTER: (u64, usize) = (500, 1500);
/// Inconsistencies kept word for word in the report (all are counted).
const PROBLEMS_KEPT: usize = 20;

/// What to run.
#[derive(Debug, Clone)]
pub struct SoakOptions {
    /// Frames (`app.update()`s) to run, at least.
    pub updates: u64,
    pub seed: u64,
    /// Where the saves go; it should start empty.
    pub data_dir: PathBuf,
    pub assets_dir: PathBuf,
}

/// What the run did and found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SoakReport {
    pub seed: u64,
    pub updates: u64,
    pub messages: u64,
    pub stops_entered: u64,
    pub levels_finished: u64,
    pub gates_passed: u64,
    /// Gates passed, by stop.
    pub gates_by_stop: [u64; STOP_COUNT],
    pub wrong_answers: u64,
    pub restarts: u64,
    pub rss_start: Option<u64>,
    /// Halfway through: the first half also holds start-up growth, so growth from here to
    /// the end is the better sign of a leak.
    pub rss_half: Option<u64>,
    pub rss_end: Option<u64>,
    pub seconds: f64,
    /// Every inconsistency found (the first few, word for word).
    pub problems: Vec<String>,
    pub problem_count: u64,
}

impl SoakReport {
    pub fn is_clean(&self) -> bool {
        self.problem_count == 0
    }

    fn problem(&mut self, text: String) {
        self.problem_count += 1;
        if self.problems.len() < PROBLEMS_KEPT {
            self.problems
                .push(format!("update {}: {text}", self.updates));
        }
    }
}

fn mib(bytes: Option<u64>) -> String {
    bytes.map_or_else(
        || "unknown".to_string(),
        |b| format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0)),
    )
}

impl fmt::Display for SoakReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "soak, seed {}", self.seed)?;
        writeln!(f, "  updates          {}", self.updates)?;
        writeln!(f, "  messages sent    {}", self.messages)?;
        writeln!(f, "  stops entered    {}", self.stops_entered)?;
        writeln!(f, "  levels finished  {}", self.levels_finished)?;
        let by_stop: Vec<String> = self.gates_by_stop.iter().map(u64::to_string).collect();
        writeln!(
            f,
            "  gates passed     {} (stops 0-6: {})",
            self.gates_passed,
            by_stop.join(" ")
        )?;
        writeln!(f, "  wrong answers    {}", self.wrong_answers)?;
        writeln!(f, "  restarts         {}", self.restarts)?;
        writeln!(f, "  RSS at start     {}", mib(self.rss_start))?;
        writeln!(f, "  RSS at halfway   {}", mib(self.rss_half))?;
        writeln!(f, "  RSS at end       {}", mib(self.rss_end))?;
        writeln!(f, "  wall time        {:.1} s", self.seconds)?;
        write!(f, "  inconsistencies  {}", self.problem_count)?;
        for p in &self.problems {
            write!(f, "\n    {p}")?;
        }
        Ok(())
    }
}

/// A small deterministic generator (SplitMix64): the soak must replay from its seed on every
/// platform, with no dependency on a crate's stream staying the same.
#[derive(Debug, Clone)]
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// The soak in progress: the game, the generator, the counters and what the saves held.
pub(crate) struct Soak {
    app: App,
    rng: SplitMix,
    options: SoakOptions,
    report: SoakReport,
    ledger: Ledger,
    /// The frame count at which the player next quits and starts again.
    next_restart: u64,
}

impl Soak {
    fn new_app(options: &SoakOptions, lesson: Option<LessonLength>) -> App {
        let mut config = GameConfig::for_tests(options.data_dir.clone());
        config.assets_dir = options.assets_dir.clone();
        config.seed = options.seed;
        config.lesson = lesson;
        let mut app = crate::testing::minimal_app_with(config);
        app.insert_resource(TimeUpdateStrategy::ManualDuration(FRAME));
        app
    }

    /// Send one message as a player would, then let the frame apply it and a second settle
    /// the state change it may have queued.
    pub(crate) fn send<M: Message>(&mut self, message: M) {
        self.app.world_mut().write_message(message);
        self.report.messages += 1;
        self.frames(2);
    }

    pub(crate) fn frames(&mut self, n: u64) {
        for _ in 0..n {
            self.app.update();
        }
        self.report.updates += n;
    }

    pub(crate) fn world(&self) -> &World {
        self.app.world()
    }

    /// Quit and start a new game over the same data folder, maybe at another lesson length:
    /// what was on disk must be what the new game loads.
    fn restart(&mut self) {
        let lesson = match self.rng.below(4) {
            0 => Some(LessonLength::Short),
            1 => Some(LessonLength::Full),
            2 => Some(LessonLength::Standard),
            _ => None,
        };
        let on_disk = self.ledger.disk_progress(&self.app);
        let fresh = Self::new_app(&self.options, lesson);
        // The old game is dropped only now, as a closed window would drop it.
        self.app = fresh;
        self.ledger.new_game();
        self.report.restarts += 1;
        self.report.updates += 1;
        let loaded = &self
            .app
            .world()
            .resource::<crate::tour::SaveData>()
            .progress;
        match on_disk {
            Ok(Some(saved)) if &saved != loaded => self.report.problem(format!(
                "after a restart the game loaded {loaded:?}, the file held {saved:?}"
            )),
            Err(e) => self.report.problem(e),
            _ => {}
        }
    }
}

/// Run the soak; panics (a bug in the game) propagate.
pub fn run(options: SoakOptions) -> SoakReport {
    let started = Instant::now();
    let rss_start = resident_bytes();
    let mut soak = Soak {
        app: Soak::new_app(&options, None),
        rng: SplitMix::new(options.seed),
        report: SoakReport {
            seed: options.seed,
            rss_start,
            updates: 1,
            ..SoakReport::default()
        },
        options,
        ledger: Ledger::default(),
        next_restart: RESTART_AFTER.0,
    };
    while soak.report.updates < soak.options.updates {
        if soak.report.updates >= soak.next_restart {
            soak.restart();
            soak.next_restart =
                soak.report.updates + RESTART_AFTER.0 + soak.rng.below(RESTART_AFTER.1) as u64;
        } else {
            moves::one_move(&mut soak);
        }
        if soak.report.rss_half.is_none() && soak.report.updates >= soak.options.updates / 2 {
            soak.report.rss_half = resident_bytes();
        }
        let found = soak.ledger.check(&soak.app);
        for problem in found {
            soak.report.problem(problem);
        }
    }
    let mut report = soak.report;
    report.rss_end = resident_bytes();
    report.seconds = started.elapsed().as_secs_f64();
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_its_reference_values() {
        // SplitMix64 from seed 0, as published with the algorithm (Vigna's splitmix64.c).
        let mut rng = SplitMix::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn a_short_soak_plays_every_stop_and_finds_nothing_wrong() {
        let dir = crate::testing::temp_data_dir("soak");
        let report = run(SoakOptions {
            updates: 5_000,
            seed: 7,
            data_dir: dir.clone(),
            assets_dir: GameConfig::for_tests(dir.clone()).assets_dir,
        });
        let _ = std::fs::remove_dir_all(&dir);
        println!("{report}");
        assert!(report.is_clean(), "{report}");
        assert!(report.updates >= 5_000);
        assert!(
            report.gates_by_stop.iter().all(|&n| n > 0),
            "every stop's gate is passed: {report}"
        );
        assert!(report.restarts > 0, "{report}");
    }
}
