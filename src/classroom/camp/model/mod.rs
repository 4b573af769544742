//! Camp mode: the tour as a hot-seat team game on one screen. Plain Rust, no Bevy.
//!
//! Summer camps play the tour in teams that take turns at one computer. This module holds
//! everything that decides the game (teams, options, whose turn it is, scores, the scoreboard,
//! the results spreadsheet and the save file), so it can be tested without a window.
//!
//! Design choices, and why:
//! - **Rotation.** Every team plays stop *k*, one after another, before anyone plays stop
//!   *k + 1*. The scoreboard shown between stops then compares teams that have played the same
//!   stops, so no team looks ahead only because it went first.
//! - **Scoring rewards understanding, not speed.** Points come from solving gate questions in
//!   few attempts and from level stars. Answering faster earns more only when the teacher turns
//!   the speed bonus on *and* uses a timer; otherwise the clock is worth nothing.
//! - **The timer never blocks.** When time runs out the team is told "time's up — finish your
//!   answer" and keeps playing; no points are lost and no gate closes. A timer paces a camp, it
//!   must not punish a slow reader, and camp mode works the same with no timer at all.
//! - **Errors are values.** Bad team names, a result recorded for the wrong team, a damaged save
//!   file: each comes back as a [`CampError`] or a warning the UI can show, never a panic.

/// Fewer than two teams is not a team game; play the normal tour instead.
pub const MIN_TEAMS: usize = 2;
/// One colour and one icon each, all distinct, and still readable on one scoreboard.
pub const MAX_TEAMS: usize = 8;
/// Long enough for "The Boom Operators", short enough for a scoreboard row.
pub const MAX_NAME_CHARS: usize = 24;

/// Points for a gate question solved on the first attempt.
pub const POINTS_FIRST_TRY: u32 = 100;
/// Points for a question solved on the second attempt.
pub const POINTS_SECOND_TRY: u32 = 60;
/// Points for a question solved on the third attempt.
pub const POINTS_THIRD_TRY: u32 = 30;
/// Points for a question solved on the fourth attempt or later: still worth finishing.
pub const POINTS_LATER_TRY: u32 = 10;
/// Points for a question never solved (or skipped).
pub const POINTS_UNSOLVED: u32 = 0;
/// Points per level star (a level scores 0–3 stars, so at most 150).
pub const POINTS_PER_STAR: u32 = 50;
/// Most stars a level can give.
pub const MAX_STARS: u8 = 3;
/// Most speed-bonus points a solved question can add, when the speed bonus is on.
pub const SPEED_BONUS_MAX: u32 = 50;

/// Shortest question timer: enough to read a short question aloud.
pub const TIMER_MIN_SECONDS: u32 = 10;
/// Longest question timer: five minutes.
pub const TIMER_MAX_SECONDS: u32 = 300;
/// Longest single extension a teacher can configure.
pub const MAX_EXTENSION_SECONDS: u32 = 300;
/// What the timer says when time runs out. It never stops the team.
pub const TIME_UP_MESSAGE: &str = "Time's up — finish your answer";

/// The camp save file, beside the player's progress in the data directory.
pub const CAMP_FILE: &str = "camp.ron";

mod error;
mod export;
mod options;
mod scoring;
mod session;
mod store;
mod team;
#[cfg(test)]
mod test_support;
mod timer;

pub use error::CampError;
pub use export::results_csv;
pub use options::{CampOptions, TimerOptions};
pub use scoring::{
    QuestionResult, StopResult, StopScore, attempt_points, level_points, question_points,
    score_stop, speed_bonus,
};
pub use session::{CampSession, Standing, Turn};
pub use store::CampStore;
pub use team::{CampSetup, Team, TeamColor, TeamIcon};
pub use timer::QuestionTimer;
