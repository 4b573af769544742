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

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::csv::CsvTable;
use crate::tour::model::progress::{load_or_quarantine, write_ron_atomic};
use crate::tour::model::quiz::QuestionRecord;

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
const CAMP_FILE_VERSION: u32 = 1;

/// Team icons: simple shapes named in words, so they can be drawn as shapes, printed as one
/// character of the UI font, or read out as a word (for a screen reader or the CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TeamIcon {
    Star,
    Circle,
    Square,
    Arrow,
    Diamond,
    Heart,
    Bolt,
    Sun,
}

impl TeamIcon {
    /// Every icon, in the order new teams get them.
    pub const ALL: [TeamIcon; MAX_TEAMS] = [
        TeamIcon::Star,
        TeamIcon::Circle,
        TeamIcon::Square,
        TeamIcon::Arrow,
        TeamIcon::Diamond,
        TeamIcon::Heart,
        TeamIcon::Bolt,
        TeamIcon::Sun,
    ];

    /// One character to print the icon with the UI font.
    pub fn glyph(self) -> char {
        match self {
            TeamIcon::Star => '★',
            TeamIcon::Circle => '○',
            TeamIcon::Square => '■',
            TeamIcon::Arrow => '▶',
            TeamIcon::Diamond => '♦',
            TeamIcon::Heart => '♥',
            TeamIcon::Bolt => '⚡',
            TeamIcon::Sun => '☀',
        }
    }

    /// The icon's name, for menus, screen readers and exports.
    pub fn label(self) -> &'static str {
        match self {
            TeamIcon::Star => "Star",
            TeamIcon::Circle => "Circle",
            TeamIcon::Square => "Square",
            TeamIcon::Arrow => "Arrow",
            TeamIcon::Diamond => "Diamond",
            TeamIcon::Heart => "Heart",
            TeamIcon::Bolt => "Bolt",
            TeamIcon::Sun => "Sun",
        }
    }
}

/// Team colours. Each team also has an icon and a name, so colour is never the only way to
/// tell teams apart (some players cannot tell red from green).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TeamColor {
    Red,
    Orange,
    Yellow,
    Green,
    Teal,
    Blue,
    Purple,
    Pink,
}

impl TeamColor {
    /// Every colour, in the order new teams get them.
    pub const ALL: [TeamColor; MAX_TEAMS] = [
        TeamColor::Red,
        TeamColor::Orange,
        TeamColor::Yellow,
        TeamColor::Green,
        TeamColor::Teal,
        TeamColor::Blue,
        TeamColor::Purple,
        TeamColor::Pink,
    ];

    /// The colour as 8-bit sRGB, bright enough to read on the game's dark panels.
    pub fn srgb(self) -> [u8; 3] {
        match self {
            TeamColor::Red => [230, 57, 70],
            TeamColor::Orange => [247, 140, 30],
            TeamColor::Yellow => [250, 210, 45],
            TeamColor::Green => [60, 180, 75],
            TeamColor::Teal => [0, 170, 170],
            TeamColor::Blue => [50, 110, 230],
            TeamColor::Purple => [145, 80, 200],
            TeamColor::Pink => [240, 110, 180],
        }
    }

    /// The colour's name, for menus and screen readers.
    pub fn label(self) -> &'static str {
        match self {
            TeamColor::Red => "Red",
            TeamColor::Orange => "Orange",
            TeamColor::Yellow => "Yellow",
            TeamColor::Green => "Green",
            TeamColor::Teal => "Teal",
            TeamColor::Blue => "Blue",
            TeamColor::Purple => "Purple",
            TeamColor::Pink => "Pink",
        }
    }
}

/// One team: a name, a colour and an icon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub name: String,
    pub color: TeamColor,
    pub icon: TeamIcon,
}

/// Everything that can go wrong in camp mode, as values the UI can show.
#[derive(Debug, Clone, PartialEq)]
pub enum CampError {
    TooFewTeams {
        found: usize,
    },
    TooManyTeams {
        found: usize,
    },
    /// `team` counts from 0; the message counts from 1.
    BlankName {
        team: usize,
    },
    NameTooLong {
        name: String,
    },
    NameHasControlCharacters {
        team: usize,
    },
    DuplicateName {
        name: String,
    },
    NoSuchTeam {
        team: usize,
    },
    ColorTaken {
        color: TeamColor,
        by: String,
    },
    IconTaken {
        icon: TeamIcon,
        by: String,
    },
    TimerOutOfRange {
        seconds: u32,
    },
    ExtensionTooLong {
        seconds: u32,
    },
    NoStops,
    NoSuchStop {
        stop: usize,
    },
    StopListedTwice {
        stop: usize,
    },
    /// Every team has played every chosen stop.
    Finished,
    NotYourTurn {
        expected: usize,
        got: usize,
    },
    WrongStop {
        expected: usize,
        got: usize,
    },
    StopAlreadyRecorded {
        team: usize,
        stop: usize,
    },
    /// A result that cannot have come from the game (e.g. 4 stars, a negative time).
    InvalidResult(String),
    /// A saved session whose parts do not fit together (e.g. a hand-edited file).
    Inconsistent(String),
}

impl fmt::Display for CampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CampError::TooFewTeams { found } => {
                write!(f, "A camp needs at least {MIN_TEAMS} teams; found {found}.")
            }
            CampError::TooManyTeams { found } => {
                write!(
                    f,
                    "A camp can have at most {MAX_TEAMS} teams; found {found}."
                )
            }
            CampError::BlankName { team } => {
                write!(f, "Team {} needs a name.", team.saturating_add(1))
            }
            CampError::NameTooLong { name } => write!(
                f,
                "The team name \"{name}\" is too long: at most {MAX_NAME_CHARS} characters."
            ),
            CampError::NameHasControlCharacters { team } => write!(
                f,
                "Team {}'s name must be on one line, with no tabs.",
                team.saturating_add(1)
            ),
            CampError::DuplicateName { name } => {
                write!(
                    f,
                    "Two teams are called \"{name}\"; give each team its own name."
                )
            }
            CampError::NoSuchTeam { team } => {
                write!(f, "There is no team number {}.", team.saturating_add(1))
            }
            CampError::ColorTaken { color, by } => {
                write!(f, "{} is already {by}'s colour.", color.label())
            }
            CampError::IconTaken { icon, by } => {
                write!(f, "The {} is already {by}'s icon.", icon.label())
            }
            CampError::TimerOutOfRange { seconds } => write!(
                f,
                "A question timer runs {TIMER_MIN_SECONDS}–{TIMER_MAX_SECONDS} seconds; {seconds} is out of range."
            ),
            CampError::ExtensionTooLong { seconds } => write!(
                f,
                "A timer extension is at most {MAX_EXTENSION_SECONDS} seconds; {seconds} is too long."
            ),
            CampError::NoStops => write!(f, "Choose at least one stop to play."),
            CampError::NoSuchStop { stop } => write!(
                f,
                "There is no stop {stop}; stops are numbered 0–{}.",
                STOP_COUNT.saturating_sub(1)
            ),
            CampError::StopListedTwice { stop } => {
                write!(f, "Stop {stop} is listed twice.")
            }
            CampError::Finished => write!(f, "Every team has played every stop."),
            CampError::NotYourTurn { expected, got } => write!(
                f,
                "It is team {}'s turn, not team {}'s.",
                expected.saturating_add(1),
                got.saturating_add(1)
            ),
            CampError::WrongStop { expected, got } => {
                write!(f, "This turn is for stop {expected}, not stop {got}.")
            }
            CampError::StopAlreadyRecorded { team, stop } => write!(
                f,
                "Team {} already has a result for stop {stop}.",
                team.saturating_add(1)
            ),
            CampError::InvalidResult(why) => write!(f, "That result cannot be recorded: {why}."),
            CampError::Inconsistent(why) => write!(f, "The camp does not add up: {why}."),
        }
    }
}

impl std::error::Error for CampError {}

/// The teams of a camp. Names, colours and icons are always valid and distinct: the only ways
/// to build or change a setup check them, and a loaded one is checked again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CampSetupData")]
pub struct CampSetup {
    teams: Vec<Team>,
}

/// The unchecked shape of a [`CampSetup`] in a save file.
#[derive(Deserialize)]
struct CampSetupData {
    teams: Vec<Team>,
}

impl TryFrom<CampSetupData> for CampSetup {
    type Error = CampError;

    fn try_from(data: CampSetupData) -> Result<Self, CampError> {
        let setup = CampSetup { teams: data.teams };
        setup.validate()?;
        Ok(setup)
    }
}

impl CampSetup {
    /// Teams from typed names, with distinct colours and icons handed out in order.
    /// Names are trimmed; they must be non-blank, at most [`MAX_NAME_CHARS`] characters and
    /// unique ignoring case (two teams called "Red" and "red" would confuse the scoreboard).
    pub fn new(names: Vec<String>) -> Result<CampSetup, CampError> {
        check_team_count(names.len())?;
        let mut teams: Vec<Team> = Vec::with_capacity(names.len());
        let styles = TeamColor::ALL.into_iter().zip(TeamIcon::ALL);
        for (i, (raw, (color, icon))) in names.iter().zip(styles).enumerate() {
            let name = clean_name(raw, i)?;
            if let Some(other) = teams.iter().find(|t| same_name(&t.name, &name)) {
                return Err(CampError::DuplicateName {
                    name: other.name.clone(),
                });
            }
            teams.push(Team { name, color, icon });
        }
        Ok(CampSetup { teams })
    }

    pub fn teams(&self) -> &[Team] {
        &self.teams
    }

    pub fn team(&self, team: usize) -> Option<&Team> {
        self.teams.get(team)
    }

    pub fn len(&self) -> usize {
        self.teams.len()
    }

    /// Always false for a valid setup; here because `len` is.
    pub fn is_empty(&self) -> bool {
        self.teams.is_empty()
    }

    /// Rename a team, with the same rules as [`CampSetup::new`].
    pub fn rename(&mut self, team: usize, name: &str) -> Result<(), CampError> {
        self.check_team(team)?;
        let name = clean_name(name, team)?;
        if let Some(other) = self.other_team(team, |t| same_name(&t.name, &name)) {
            return Err(CampError::DuplicateName {
                name: other.name.clone(),
            });
        }
        if let Some(t) = self.teams.get_mut(team) {
            t.name = name;
        }
        Ok(())
    }

    /// Give a team another colour. A colour another team has is refused rather than swapped,
    /// so nobody's colour changes behind their back.
    pub fn set_color(&mut self, team: usize, color: TeamColor) -> Result<(), CampError> {
        self.check_team(team)?;
        if let Some(other) = self.other_team(team, |t| t.color == color) {
            return Err(CampError::ColorTaken {
                color,
                by: other.name.clone(),
            });
        }
        if let Some(t) = self.teams.get_mut(team) {
            t.color = color;
        }
        Ok(())
    }

    /// Give a team another icon; an icon another team has is refused, as with colours.
    pub fn set_icon(&mut self, team: usize, icon: TeamIcon) -> Result<(), CampError> {
        self.check_team(team)?;
        if let Some(other) = self.other_team(team, |t| t.icon == icon) {
            return Err(CampError::IconTaken {
                icon,
                by: other.name.clone(),
            });
        }
        if let Some(t) = self.teams.get_mut(team) {
            t.icon = icon;
        }
        Ok(())
    }

    /// A team other than `team` that already has what `has` looks for (a name, colour or icon).
    fn other_team(&self, team: usize, has: impl Fn(&Team) -> bool) -> Option<&Team> {
        self.teams
            .iter()
            .enumerate()
            .find(|(i, t)| *i != team && has(t))
            .map(|(_, t)| t)
    }

    fn check_team(&self, team: usize) -> Result<(), CampError> {
        if team < self.teams.len() {
            Ok(())
        } else {
            Err(CampError::NoSuchTeam { team })
        }
    }

    /// Every rule of `new`, `set_color` and `set_icon` at once: used on loaded files.
    fn validate(&self) -> Result<(), CampError> {
        check_team_count(self.teams.len())?;
        for (i, team) in self.teams.iter().enumerate() {
            if clean_name(&team.name, i)? != team.name {
                return Err(CampError::Inconsistent(format!(
                    "team {} has spaces around its name",
                    i + 1
                )));
            }
            let earlier = &self.teams[..i];
            if let Some(other) = earlier.iter().find(|t| same_name(&t.name, &team.name)) {
                return Err(CampError::DuplicateName {
                    name: other.name.clone(),
                });
            }
            if let Some(other) = earlier.iter().find(|t| t.color == team.color) {
                return Err(CampError::ColorTaken {
                    color: team.color,
                    by: other.name.clone(),
                });
            }
            if let Some(other) = earlier.iter().find(|t| t.icon == team.icon) {
                return Err(CampError::IconTaken {
                    icon: team.icon,
                    by: other.name.clone(),
                });
            }
        }
        Ok(())
    }
}

fn check_team_count(found: usize) -> Result<(), CampError> {
    if found < MIN_TEAMS {
        Err(CampError::TooFewTeams { found })
    } else if found > MAX_TEAMS {
        Err(CampError::TooManyTeams { found })
    } else {
        Ok(())
    }
}

fn clean_name(raw: &str, team: usize) -> Result<String, CampError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(CampError::BlankName { team });
    }
    if name.chars().any(char::is_control) {
        return Err(CampError::NameHasControlCharacters { team });
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(CampError::NameTooLong { name: name.into() });
    }
    Ok(name.to_string())
}

fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// A per-question countdown. Off unless the teacher wants one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimerOptions {
    /// [`TIMER_MIN_SECONDS`]..=[`TIMER_MAX_SECONDS`].
    pub seconds_per_question: u32,
    /// Added by each press of "more time"; 0 hides the button. At most
    /// [`MAX_EXTENSION_SECONDS`].
    pub extension_seconds: u32,
}

impl Default for TimerOptions {
    fn default() -> Self {
        Self {
            seconds_per_question: 60,
            extension_seconds: 30,
        }
    }
}

/// How a camp is played. The defaults are the gentlest game: no timer, no speed bonus, every
/// stop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CampOptions {
    /// `None` (the default): no countdown at all.
    pub timer: Option<TimerOptions>,
    /// Off by default. Only when this is true *and* a timer is set does answering faster score
    /// more; see [`speed_bonus`].
    pub speed_bonus: bool,
    /// Stop numbers to play, in playing order. Default: every stop, 0 to 6.
    pub stops: Vec<usize>,
}

impl Default for CampOptions {
    fn default() -> Self {
        Self {
            timer: None,
            speed_bonus: false,
            stops: (0..STOP_COUNT).collect(),
        }
    }
}

impl CampOptions {
    pub fn validate(&self) -> Result<(), CampError> {
        if let Some(timer) = &self.timer {
            if !(TIMER_MIN_SECONDS..=TIMER_MAX_SECONDS).contains(&timer.seconds_per_question) {
                return Err(CampError::TimerOutOfRange {
                    seconds: timer.seconds_per_question,
                });
            }
            if timer.extension_seconds > MAX_EXTENSION_SECONDS {
                return Err(CampError::ExtensionTooLong {
                    seconds: timer.extension_seconds,
                });
            }
        }
        if self.stops.is_empty() {
            return Err(CampError::NoStops);
        }
        for (i, &stop) in self.stops.iter().enumerate() {
            if stop >= STOP_COUNT {
                return Err(CampError::NoSuchStop { stop });
            }
            if self.stops[..i].contains(&stop) {
                return Err(CampError::StopListedTwice { stop });
            }
        }
        Ok(())
    }

    /// The speed bonus counts only with both switches on: a bonus with no timer would reward
    /// speed the players were never told about.
    pub fn speed_bonus_active(&self) -> bool {
        self.speed_bonus && self.timer.is_some()
    }
}

/// One gate question as a team played it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub stop: usize,
    pub question_id: String,
    /// Submissions up to and including the first correct one (all of them if never solved).
    pub attempts: u32,
    pub correct: bool,
    /// Time spent on the question, including any time past the timer.
    pub seconds: f32,
}

impl QuestionResult {
    /// Build from the quiz engine's record, so camp scores count exactly what the gate saw.
    pub fn from_record(stop: usize, record: &QuestionRecord, seconds: f32) -> Self {
        let first_correct = record.attempts.iter().position(|a| a.correct);
        let attempts = first_correct.map_or(record.attempts.len(), |i| i + 1);
        Self {
            stop,
            question_id: record.question_id.clone(),
            attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            correct: first_correct.is_some(),
            seconds,
        }
    }
}

/// One team's turn at one stop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StopResult {
    pub stop: usize,
    /// Stars of the stop's level, or `None` when the stop has no level.
    pub level_stars: Option<u8>,
    pub questions: Vec<QuestionResult>,
    /// The whole turn's time.
    pub seconds: f32,
}

impl StopResult {
    /// Catch results the game could not have produced before they reach the scoreboard.
    fn check(&self) -> Result<(), CampError> {
        if let Some(stars) = self.level_stars
            && stars > MAX_STARS
        {
            return Err(CampError::InvalidResult(format!(
                "a level gives at most {MAX_STARS} stars, not {stars}"
            )));
        }
        if !self.seconds.is_finite() || self.seconds < 0.0 {
            return Err(CampError::InvalidResult(format!(
                "the turn's time {} is not a time",
                self.seconds
            )));
        }
        for q in &self.questions {
            if q.stop != self.stop {
                return Err(CampError::InvalidResult(format!(
                    "question '{}' belongs to stop {}, not stop {}",
                    q.question_id, q.stop, self.stop
                )));
            }
            if q.correct && q.attempts == 0 {
                return Err(CampError::InvalidResult(format!(
                    "question '{}' is solved with no attempt",
                    q.question_id
                )));
            }
            if !q.seconds.is_finite() || q.seconds < 0.0 {
                return Err(CampError::InvalidResult(format!(
                    "question '{}' has the time {}",
                    q.question_id, q.seconds
                )));
            }
        }
        Ok(())
    }
}

/// Points for solving a question after `attempts` submissions. Fewer attempts score more, but
/// a late solve still scores something, so a team always has a reason to finish.
pub fn attempt_points(attempts: u32, correct: bool) -> u32 {
    if !correct {
        return POINTS_UNSOLVED;
    }
    match attempts {
        0 | 1 => POINTS_FIRST_TRY,
        2 => POINTS_SECOND_TRY,
        3 => POINTS_THIRD_TRY,
        _ => POINTS_LATER_TRY,
    }
}

/// Points for a level's stars (clamped to [`MAX_STARS`]); a stop with no level scores 0.
pub fn level_points(stars: Option<u8>) -> u32 {
    u32::from(stars.unwrap_or(0).min(MAX_STARS)) * POINTS_PER_STAR
}

/// Speed-bonus points for a question: up to [`SPEED_BONUS_MAX`], in proportion to the time left
/// on the timer's *original* limit when the question was solved (extensions give no bonus).
/// Zero unless the speed bonus is on and a timer is set, zero for an unsolved question, and
/// never negative: finishing after time ran out simply earns no bonus.
pub fn speed_bonus(options: &CampOptions, question: &QuestionResult) -> u32 {
    let Some(timer) = options.timer.filter(|_| options.speed_bonus) else {
        return 0;
    };
    if !question.correct || !question.seconds.is_finite() || timer.seconds_per_question == 0 {
        return 0;
    }
    let limit = timer.seconds_per_question as f32;
    let left = ((limit - question.seconds.max(0.0)) / limit).clamp(0.0, 1.0);
    (SPEED_BONUS_MAX as f32 * left).round() as u32
}

/// All the points of one question: attempts plus any speed bonus.
pub fn question_points(options: &CampOptions, question: &QuestionResult) -> u32 {
    attempt_points(question.attempts, question.correct) + speed_bonus(options, question)
}

/// One team's score at one stop, split up so the UI can explain where points came from.
#[derive(Debug, Clone, PartialEq)]
pub struct StopScore {
    pub stop: usize,
    pub level_stars: Option<u8>,
    pub level_points: u32,
    /// Points for solving questions, without the speed bonus.
    pub attempt_points: u32,
    pub speed_points: u32,
    pub total: u32,
    pub questions: usize,
    pub solved: usize,
    pub first_try: usize,
    pub seconds: f32,
}

/// Score one stop of one team.
pub fn score_stop(options: &CampOptions, result: &StopResult) -> StopScore {
    let level = level_points(result.level_stars);
    let attempts: u32 = result
        .questions
        .iter()
        .map(|q| attempt_points(q.attempts, q.correct))
        .sum();
    let speed: u32 = result
        .questions
        .iter()
        .map(|q| speed_bonus(options, q))
        .sum();
    StopScore {
        stop: result.stop,
        level_stars: result.level_stars,
        level_points: level,
        attempt_points: attempts,
        speed_points: speed,
        total: level + attempts + speed,
        questions: result.questions.len(),
        solved: result.questions.iter().filter(|q| q.correct).count(),
        first_try: result
            .questions
            .iter()
            .filter(|q| q.correct && q.attempts <= 1)
            .count(),
        seconds: result.seconds,
    }
}

/// Whose turn it is: `team` indexes the setup's teams, `stop_index` indexes
/// [`CampOptions::stops`] (so it equals the number of stops every team has finished).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    pub team: usize,
    pub stop_index: usize,
}

/// One row of the scoreboard.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// Index into the setup's teams.
    pub team: usize,
    pub name: String,
    pub color: TeamColor,
    pub icon: TeamIcon,
    pub points: u32,
    /// Competition ranking: equal points share a rank and the next rank is skipped (1, 1, 3),
    /// because a tie broken by a hidden rule feels unfair to the team placed lower.
    pub rank: usize,
    pub stops_done: usize,
    pub questions: usize,
    pub solved: usize,
    pub first_try: usize,
    pub level_stars: u32,
    pub seconds: f32,
}

/// A camp being played, hot seat: one team at a time, every team at a stop before the next
/// stop. Changed only through methods that keep it consistent; a loaded one is checked again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "CampSessionData")]
pub struct CampSession {
    setup: CampSetup,
    options: CampOptions,
    /// Team indices in playing order; the same order at every stop.
    turn_order: Vec<usize>,
    /// Per team (setup order), the stops it has played, in playing order.
    results: Vec<Vec<StopResult>>,
    current: Turn,
    started_unix: u64,
}

/// The unchecked shape of a [`CampSession`] in a save file.
#[derive(Deserialize)]
struct CampSessionData {
    setup: CampSetup,
    options: CampOptions,
    turn_order: Vec<usize>,
    results: Vec<Vec<StopResult>>,
    current: Turn,
    started_unix: u64,
}

impl TryFrom<CampSessionData> for CampSession {
    type Error = CampError;

    fn try_from(d: CampSessionData) -> Result<Self, CampError> {
        let session = CampSession {
            setup: d.setup,
            options: d.options,
            turn_order: d.turn_order,
            results: d.results,
            current: d.current,
            started_unix: d.started_unix,
        };
        session.check()?;
        Ok(session)
    }
}

impl CampSession {
    /// A new camp; teams play in the order they were entered.
    pub fn new(
        setup: CampSetup,
        options: CampOptions,
        started_unix: u64,
    ) -> Result<CampSession, CampError> {
        let order = (0..setup.len()).collect();
        Self::with_order(setup, options, started_unix, order)
    }

    /// A new camp with the playing order drawn from `seed`, so no team always goes first and
    /// the same seed replays the same order.
    pub fn new_shuffled(
        setup: CampSetup,
        options: CampOptions,
        started_unix: u64,
        seed: u64,
    ) -> Result<CampSession, CampError> {
        let mut order: Vec<usize> = (0..setup.len()).collect();
        order.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
        Self::with_order(setup, options, started_unix, order)
    }

    fn with_order(
        setup: CampSetup,
        options: CampOptions,
        started_unix: u64,
        turn_order: Vec<usize>,
    ) -> Result<CampSession, CampError> {
        let first = turn_order.first().copied().unwrap_or(0);
        let session = CampSession {
            results: vec![Vec::new(); setup.len()],
            setup,
            options,
            turn_order,
            current: Turn {
                team: first,
                stop_index: 0,
            },
            started_unix,
        };
        session.check()?;
        Ok(session)
    }

    pub fn setup(&self) -> &CampSetup {
        &self.setup
    }

    pub fn options(&self) -> &CampOptions {
        &self.options
    }

    pub fn turn_order(&self) -> &[usize] {
        &self.turn_order
    }

    /// Per team, in setup order: the stops it has played.
    pub fn results(&self) -> &[Vec<StopResult>] {
        &self.results
    }

    pub fn started_unix(&self) -> u64 {
        self.started_unix
    }

    /// The current turn, or `None` once the camp is over.
    pub fn current(&self) -> Option<Turn> {
        (!self.is_finished()).then_some(self.current)
    }

    /// The team whose turn it is (index into the setup's teams).
    pub fn current_team(&self) -> Option<usize> {
        self.current().map(|t| t.team)
    }

    /// The stop number being played now.
    pub fn current_stop(&self) -> Option<usize> {
        self.options.stops.get(self.current.stop_index).copied()
    }

    pub fn is_finished(&self) -> bool {
        self.current.stop_index >= self.options.stops.len()
    }

    /// (turns played or skipped, all turns), for a progress bar.
    pub fn turn_progress(&self) -> (usize, usize) {
        let teams = self.turn_order.len();
        let total = teams * self.options.stops.len();
        if self.is_finished() {
            return (total, total);
        }
        let pos = self.position_in_order(self.current.team);
        (self.current.stop_index * teams + pos, total)
    }

    /// Whether this team has a result for the turn now being played.
    pub fn current_recorded(&self) -> bool {
        match (self.current_team(), self.current_stop()) {
            (Some(team), Some(stop)) => self.has_result(team, stop),
            _ => false,
        }
    }

    fn has_result(&self, team: usize, stop: usize) -> bool {
        self.results
            .get(team)
            .is_some_and(|r| r.iter().any(|s| s.stop == stop))
    }

    fn position_in_order(&self, team: usize) -> usize {
        self.turn_order.iter().position(|&t| t == team).unwrap_or(0)
    }

    /// Record the current team's turn. Refused for another team (the hot seat moved on, or the
    /// wrong button was pressed), for another stop, or twice for the same stop.
    pub fn record_turn(&mut self, team: usize, result: StopResult) -> Result<(), CampError> {
        let (Some(expected_team), Some(expected_stop)) = (self.current_team(), self.current_stop())
        else {
            return Err(CampError::Finished);
        };
        if team >= self.setup.len() {
            return Err(CampError::NoSuchTeam { team });
        }
        if team != expected_team {
            return Err(CampError::NotYourTurn {
                expected: expected_team,
                got: team,
            });
        }
        if self.has_result(team, result.stop) {
            return Err(CampError::StopAlreadyRecorded {
                team,
                stop: result.stop,
            });
        }
        if result.stop != expected_stop {
            return Err(CampError::WrongStop {
                expected: expected_stop,
                got: result.stop,
            });
        }
        result.check()?;
        match self.results.get_mut(team) {
            Some(r) => r.push(result),
            None => return Err(CampError::NoSuchTeam { team }),
        }
        Ok(())
    }

    /// Pass the seat to the next team; after the last team, the first team starts the next
    /// stop. Works whether or not the turn was recorded, so an absent team can be skipped (its
    /// stop scores 0). Returns the new turn, or `None` when the camp is over.
    pub fn advance(&mut self) -> Option<Turn> {
        if self.is_finished() {
            return None;
        }
        let pos = self.position_in_order(self.current.team);
        match self.turn_order.get(pos + 1) {
            Some(&next) => self.current.team = next,
            None => {
                self.current.team = self.turn_order.first().copied().unwrap_or(0);
                self.current.stop_index += 1;
            }
        }
        self.current()
    }

    /// Every team, best first. Equal points share a rank (1, 1, 3); among equals the order is
    /// the setup order, which is only for display.
    pub fn scoreboard(&self) -> Vec<Standing> {
        let mut rows: Vec<Standing> = self
            .setup
            .teams()
            .iter()
            .enumerate()
            .map(|(i, team)| {
                let scores: Vec<StopScore> = self
                    .results
                    .get(i)
                    .map(|r| r.iter().map(|s| score_stop(&self.options, s)).collect())
                    .unwrap_or_default();
                Standing {
                    team: i,
                    name: team.name.clone(),
                    color: team.color,
                    icon: team.icon,
                    points: scores.iter().map(|s| s.total).sum(),
                    rank: 0,
                    stops_done: scores.len(),
                    questions: scores.iter().map(|s| s.questions).sum(),
                    solved: scores.iter().map(|s| s.solved).sum(),
                    first_try: scores.iter().map(|s| s.first_try).sum(),
                    level_stars: scores
                        .iter()
                        .map(|s| u32::from(s.level_stars.unwrap_or(0).min(MAX_STARS)))
                        .sum(),
                    seconds: scores.iter().map(|s| s.seconds).sum(),
                }
            })
            .collect();
        let points: Vec<u32> = rows.iter().map(|r| r.points).collect();
        for row in &mut rows {
            row.rank = 1 + points.iter().filter(|&&p| p > row.points).count();
        }
        rows.sort_by(|a, b| b.points.cmp(&a.points).then(a.team.cmp(&b.team)));
        rows
    }

    /// The teams ranked 1 to 3. Ties are kept, so this can hold more than three teams (two
    /// share first and two share third) or all of them (everyone tied).
    pub fn podium(&self) -> Vec<Standing> {
        self.scoreboard()
            .into_iter()
            .filter(|s| s.rank <= 3)
            .collect()
    }

    /// One team's points stop by stop, in playing order.
    pub fn stop_breakdown(&self, team: usize) -> Result<Vec<StopScore>, CampError> {
        let results = self
            .results
            .get(team)
            .ok_or(CampError::NoSuchTeam { team })?;
        Ok(results
            .iter()
            .map(|r| score_stop(&self.options, r))
            .collect())
    }

    /// Does every part fit the others? Run on new and loaded sessions, because a save file can
    /// be edited by hand and an index out of range must not reach the UI.
    fn check(&self) -> Result<(), CampError> {
        let bad = |why: String| Err(CampError::Inconsistent(why));
        self.setup.validate()?;
        self.options.validate()?;
        let teams = self.setup.len();
        let mut order = self.turn_order.clone();
        order.sort_unstable();
        if order != (0..teams).collect::<Vec<_>>() {
            return bad("the playing order does not list every team once".into());
        }
        if self.results.len() != teams {
            return bad(format!(
                "{} teams but results for {}",
                teams,
                self.results.len()
            ));
        }
        if self.current.team >= teams {
            return bad(format!(
                "the current team {} does not exist",
                self.current.team
            ));
        }
        if self.current.stop_index > self.options.stops.len() {
            return bad("the current stop is past the last stop".into());
        }
        let pos = self.position_in_order(self.current.team);
        for (team, results) in self.results.iter().enumerate() {
            let team_pos = self.position_in_order(team);
            // The current team, and those before it in the order, may have played this stop.
            let played = self.current.stop_index + usize::from(team_pos <= pos);
            if results.len() > played.min(self.options.stops.len()) {
                return bad(format!("team {} has more results than turns", team + 1));
            }
            for (i, result) in results.iter().enumerate() {
                result.check()?;
                if !self.options.stops.contains(&result.stop) {
                    return bad(format!(
                        "team {} has a result for stop {}, which is not played",
                        team + 1,
                        result.stop
                    ));
                }
                if results[..i].iter().any(|r| r.stop == result.stop) {
                    return Err(CampError::StopAlreadyRecorded {
                        team,
                        stop: result.stop,
                    });
                }
            }
        }
        Ok(())
    }
}

/// The camp results as a spreadsheet (CSV), one row per team, stop and gate question:
///
/// `team,icon,stop,question,attempts,correct,level_score,time_s,points`
///
/// - `icon` is the icon's word (e.g. `Star`): words survive any spreadsheet font.
/// - `correct` is `yes` or `no`.
/// - `level_score` is the stop's level stars (0–3), repeated on each of the stop's rows, and
///   empty when the stop has no level. A stop with no gate questions has no rows.
/// - `time_s` is the time on the question in seconds, one decimal.
/// - `points` is the question's points (attempts plus any speed bonus), without level points,
///   so the column can be summed without counting a level once per question.
pub fn results_csv(session: &CampSession) -> String {
    let mut table = CsvTable::new(&[
        "team",
        "icon",
        "stop",
        "question",
        "attempts",
        "correct",
        "level_score",
        "time_s",
        "points",
    ]);
    for (team, results) in session.setup.teams().iter().zip(&session.results) {
        for stop in results {
            let level = stop
                .level_stars
                .map(|s| s.min(MAX_STARS).to_string())
                .unwrap_or_default();
            for q in &stop.questions {
                table.row([
                    team.name.clone(),
                    team.icon.label().to_string(),
                    stop.stop.to_string(),
                    q.question_id.clone(),
                    q.attempts.to_string(),
                    if q.correct { "yes" } else { "no" }.to_string(),
                    level.clone(),
                    format!("{:.1}", q.seconds),
                    question_points(&session.options, q).to_string(),
                ]);
            }
        }
    }
    table.into_string()
}

/// A running question countdown, as plain numbers the UI ticks each frame. Reaching zero only
/// changes what is shown ([`TIME_UP_MESSAGE`]); nothing here can stop a team answering.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct QuestionTimer {
    limit_s: f32,
    /// What one [`QuestionTimer::extend`] adds.
    extension_step_s: f32,
    extended_s: f32,
    elapsed_s: f32,
    paused: bool,
}

impl QuestionTimer {
    pub fn new(options: &TimerOptions) -> Self {
        Self {
            limit_s: options.seconds_per_question as f32,
            extension_step_s: options.extension_seconds as f32,
            extended_s: 0.0,
            elapsed_s: 0.0,
            paused: false,
        }
    }

    /// Count `dt` seconds, unless paused. Time keeps counting after the limit so the results
    /// show how long the question really took. A negative or non-finite `dt` (a clock hiccup)
    /// is ignored.
    pub fn tick(&mut self, dt: f32) {
        if !self.paused && dt.is_finite() && dt > 0.0 {
            self.elapsed_s += dt;
        }
    }

    /// "More time": add the configured extension. Allowed any number of times, before or after
    /// time is up.
    pub fn extend(&mut self) {
        self.extended_s += self.extension_step_s;
    }

    /// Pause while the teacher explains something; the clock does not run.
    pub fn pause(&mut self) {
        self.paused = true;
    }

    pub fn resume(&mut self) {
        self.paused = false;
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    pub fn limit_s(&self) -> f32 {
        self.limit_s
    }

    pub fn extended_s(&self) -> f32 {
        self.extended_s
    }

    pub fn elapsed_s(&self) -> f32 {
        self.elapsed_s
    }

    /// Seconds left, never below zero.
    pub fn remaining(&self) -> f32 {
        (self.limit_s + self.extended_s - self.elapsed_s).max(0.0)
    }

    /// Share of the time left, 0 to 1, for drawing the countdown bar.
    pub fn fraction_remaining(&self) -> f32 {
        let total = self.limit_s + self.extended_s;
        if total > 0.0 {
            (self.remaining() / total).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    pub fn time_up(&self) -> bool {
        self.remaining() <= 0.0
    }

    /// What to show once time is up; the answer buttons stay live.
    pub fn message(&self) -> Option<&'static str> {
        self.time_up().then_some(TIME_UP_MESSAGE)
    }
}

/// The camp save file, so a camp survives closing the game (or a crash) between stops.
#[derive(Debug, Clone)]
pub struct CampStore {
    dir: PathBuf,
}

/// What `camp.ron` holds. A missing file reads as "no camp".
#[derive(Debug, Serialize, Deserialize)]
struct CampFile {
    version: u32,
    session: Option<CampSession>,
}

impl Default for CampFile {
    fn default() -> Self {
        Self {
            version: CAMP_FILE_VERSION,
            session: None,
        }
    }
}

impl CampStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(CAMP_FILE)
    }

    /// Write atomically (temporary file, then rename), so a crash never leaves half a camp.
    pub fn save(&self, session: &CampSession) -> io::Result<()> {
        let file = CampFile {
            version: CAMP_FILE_VERSION,
            session: Some(session.clone()),
        };
        write_ron_atomic(&self.path(), &file)
    }

    /// The saved camp, if any. A file that cannot be read, or whose parts do not fit together,
    /// is moved aside as `camp.ron.bak` and a warning says so: the teacher can start a new camp
    /// and nothing panics.
    pub fn load(&self) -> (Option<CampSession>, Option<String>) {
        let (file, warning) = load_or_quarantine::<CampFile>(&self.path(), "camp");
        (file.session, warning)
    }

    /// Forget the saved camp (after the final scoreboard). No file is not an error.
    pub fn clear(&self) -> io::Result<()> {
        match std::fs::remove_file(self.path()) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::model::quiz::Attempt;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn setup(n: usize) -> CampSetup {
        let list: Vec<String> = (1..=n).map(|i| format!("Team {i}")).collect();
        CampSetup::new(list).expect("valid setup")
    }

    fn question(
        stop: usize,
        id: &str,
        attempts: u32,
        correct: bool,
        seconds: f32,
    ) -> QuestionResult {
        QuestionResult {
            stop,
            question_id: id.into(),
            attempts,
            correct,
            seconds,
        }
    }

    fn result(stop: usize, stars: Option<u8>, questions: Vec<QuestionResult>) -> StopResult {
        StopResult {
            stop,
            level_stars: stars,
            seconds: questions.iter().map(|q| q.seconds).sum(),
            questions,
        }
    }

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("backlot-camp-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    /// A 3-team session over stops 0 and 1 with some turns played.
    fn played_session() -> CampSession {
        let options = CampOptions {
            stops: vec![0, 1],
            ..CampOptions::default()
        };
        let mut s = CampSession::new(setup(3), options, 1_700_000_000).expect("session");
        s.record_turn(
            0,
            result(0, Some(2), vec![question(0, "q1", 1, true, 12.5)]),
        )
        .expect("team 1");
        s.advance();
        s.record_turn(1, result(0, None, vec![question(0, "q1", 3, true, 40.0)]))
            .expect("team 2");
        s.advance();
        s
    }

    #[test]
    fn setup_needs_two_to_eight_teams() {
        assert_eq!(
            CampSetup::new(names(&["Solo"])),
            Err(CampError::TooFewTeams { found: 1 })
        );
        assert_eq!(
            CampSetup::new(Vec::new()),
            Err(CampError::TooFewTeams { found: 0 })
        );
        let nine: Vec<String> = (0..9).map(|i| format!("T{i}")).collect();
        assert_eq!(
            CampSetup::new(nine),
            Err(CampError::TooManyTeams { found: 9 })
        );
        assert_eq!(setup(2).len(), 2);
        assert_eq!(setup(8).len(), 8);
    }

    #[test]
    fn names_are_trimmed_and_must_be_unique_ignoring_case() {
        let s = CampSetup::new(names(&["  Grips ", "Gaffers"])).expect("valid");
        assert_eq!(s.teams()[0].name, "Grips");
        assert_eq!(
            CampSetup::new(names(&["Grips", "gaffers", " GRIPS"])),
            Err(CampError::DuplicateName {
                name: "Grips".into()
            })
        );
    }

    #[test]
    fn blank_long_and_multi_line_names_are_refused() {
        assert_eq!(
            CampSetup::new(names(&["Grips", "   "])),
            Err(CampError::BlankName { team: 1 })
        );
        assert_eq!(
            CampSetup::new(names(&["", "Grips"])),
            Err(CampError::BlankName { team: 0 })
        );
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert!(matches!(
            CampSetup::new(vec![long, "Grips".into()]),
            Err(CampError::NameTooLong { .. })
        ));
        // The limit counts characters, not bytes.
        let accents = "é".repeat(MAX_NAME_CHARS);
        assert!(CampSetup::new(vec![accents, "Grips".into()]).is_ok());
        assert_eq!(
            CampSetup::new(names(&["Gr\nips", "Gaffers"])),
            Err(CampError::NameHasControlCharacters { team: 0 })
        );
        let message = CampError::BlankName { team: 1 }.to_string();
        assert!(message.contains("Team 2"), "{message}");
    }

    #[test]
    fn default_colours_and_icons_are_distinct() {
        let s = setup(MAX_TEAMS);
        for (i, a) in s.teams().iter().enumerate() {
            for b in &s.teams()[i + 1..] {
                assert_ne!(a.color, b.color);
                assert_ne!(a.icon, b.icon);
            }
        }
    }

    #[test]
    fn colours_glyphs_and_labels_are_all_different() {
        for (i, a) in TeamColor::ALL.iter().enumerate() {
            for b in &TeamColor::ALL[i + 1..] {
                let distance: i32 = a
                    .srgb()
                    .iter()
                    .zip(b.srgb())
                    .map(|(&x, y)| (i32::from(x) - i32::from(y)).abs())
                    .sum();
                assert!(distance >= 60, "{a:?} and {b:?} look alike ({distance})");
                assert_ne!(a.label(), b.label());
            }
        }
        for (i, a) in TeamIcon::ALL.iter().enumerate() {
            for b in &TeamIcon::ALL[i + 1..] {
                assert_ne!(a.glyph(), b.glyph());
                assert_ne!(a.label(), b.label());
            }
        }
        assert_eq!(TeamIcon::Star.glyph(), '★');
        assert_eq!(TeamIcon::Sun.label(), "Sun");
    }

    #[test]
    fn colours_and_icons_stay_unique_when_changed() {
        let mut s = setup(3);
        let taken = s.teams()[1].color;
        assert!(matches!(
            s.set_color(0, taken),
            Err(CampError::ColorTaken { by, .. }) if by == "Team 2"
        ));
        assert_eq!(
            s.teams()[0].color,
            TeamColor::Red,
            "unchanged after refusal"
        );
        s.set_color(0, TeamColor::Pink).expect("free colour");
        s.set_color(0, TeamColor::Pink).expect("own colour again");
        assert_eq!(s.teams()[0].color, TeamColor::Pink);
        let icon = s.teams()[2].icon;
        assert!(matches!(
            s.set_icon(1, icon),
            Err(CampError::IconTaken { .. })
        ));
        s.set_icon(1, TeamIcon::Sun).expect("free icon");
        assert_eq!(s.teams()[1].icon, TeamIcon::Sun);
        assert_eq!(
            s.set_color(5, TeamColor::Blue),
            Err(CampError::NoSuchTeam { team: 5 })
        );
        assert!(matches!(
            s.rename(2, " team 1 "),
            Err(CampError::DuplicateName { .. })
        ));
        s.rename(2, "Foley Artists").expect("rename");
        assert_eq!(s.teams()[2].name, "Foley Artists");
    }

    #[test]
    fn options_default_to_no_timer_no_bonus_all_stops() {
        let o = CampOptions::default();
        assert_eq!(o.timer, None);
        assert!(!o.speed_bonus);
        assert_eq!(o.stops, vec![0, 1, 2, 3, 4, 5, 6]);
        assert!(o.validate().is_ok());
    }

    #[test]
    fn options_are_checked() {
        let with_timer = |seconds, extension| CampOptions {
            timer: Some(TimerOptions {
                seconds_per_question: seconds,
                extension_seconds: extension,
            }),
            ..CampOptions::default()
        };
        assert!(with_timer(10, 0).validate().is_ok());
        assert!(with_timer(300, 300).validate().is_ok());
        assert_eq!(
            with_timer(9, 0).validate(),
            Err(CampError::TimerOutOfRange { seconds: 9 })
        );
        assert_eq!(
            with_timer(301, 0).validate(),
            Err(CampError::TimerOutOfRange { seconds: 301 })
        );
        assert_eq!(
            with_timer(60, 301).validate(),
            Err(CampError::ExtensionTooLong { seconds: 301 })
        );
        let stops = |stops: Vec<usize>| CampOptions {
            stops,
            ..CampOptions::default()
        };
        assert_eq!(stops(vec![]).validate(), Err(CampError::NoStops));
        assert_eq!(
            stops(vec![0, 7]).validate(),
            Err(CampError::NoSuchStop { stop: 7 })
        );
        assert_eq!(
            stops(vec![2, 3, 2]).validate(),
            Err(CampError::StopListedTwice { stop: 2 })
        );
        assert!(CampSession::new(setup(2), stops(vec![]), 0).is_err());
    }

    #[test]
    fn scoring_table() {
        assert_eq!(attempt_points(1, true), 100);
        assert_eq!(attempt_points(2, true), 60);
        assert_eq!(attempt_points(3, true), 30);
        assert_eq!(attempt_points(4, true), 10);
        assert_eq!(attempt_points(40, true), 10);
        assert_eq!(attempt_points(5, false), 0);
        assert_eq!(attempt_points(0, false), 0, "skipped");
        assert_eq!(level_points(None), 0);
        assert_eq!(level_points(Some(0)), 0);
        assert_eq!(level_points(Some(1)), 50);
        assert_eq!(level_points(Some(3)), 150);
        let r = result(
            2,
            Some(2),
            vec![
                question(2, "a", 1, true, 5.0),
                question(2, "b", 2, true, 5.0),
                question(2, "c", 6, false, 5.0),
            ],
        );
        let score = score_stop(&CampOptions::default(), &r);
        assert_eq!(score.level_points, 100);
        assert_eq!(score.attempt_points, 160);
        assert_eq!(score.speed_points, 0);
        assert_eq!(score.total, 260);
        assert_eq!((score.questions, score.solved, score.first_try), (3, 2, 1));
    }

    #[test]
    fn speed_bonus_counts_only_when_chosen_and_timed() {
        let timer = Some(TimerOptions {
            seconds_per_question: 40,
            extension_seconds: 20,
        });
        let on = CampOptions {
            timer,
            speed_bonus: true,
            ..CampOptions::default()
        };
        let fast = question(0, "q", 1, true, 0.0);
        let half = question(0, "q", 1, true, 20.0);
        let late = question(0, "q", 1, true, 95.0);
        assert_eq!(speed_bonus(&on, &fast), SPEED_BONUS_MAX);
        assert_eq!(speed_bonus(&on, &half), 25);
        assert_eq!(speed_bonus(&on, &late), 0, "never negative");
        assert_eq!(question_points(&on, &late), 100, "late loses nothing");
        assert_eq!(speed_bonus(&on, &question(0, "q", 2, false, 1.0)), 0);
        assert_eq!(speed_bonus(&on, &question(0, "q", 1, true, f32::NAN)), 0);
        assert_eq!(question_points(&on, &half), 125);

        let timer_only = CampOptions {
            timer,
            speed_bonus: false,
            ..CampOptions::default()
        };
        let bonus_only = CampOptions {
            timer: None,
            speed_bonus: true,
            ..CampOptions::default()
        };
        for options in [&timer_only, &bonus_only, &CampOptions::default()] {
            assert!(!options.speed_bonus_active());
            assert_eq!(speed_bonus(options, &fast), 0);
            assert_eq!(
                question_points(options, &fast),
                question_points(options, &late)
            );
        }
        assert!(on.speed_bonus_active());
    }

    #[test]
    fn rotation_plays_every_team_at_a_stop_before_the_next_stop() {
        let options = CampOptions {
            stops: vec![1, 3, 5],
            ..CampOptions::default()
        };
        let mut s = CampSession::new(setup(4), options, 0).expect("session");
        let mut seen = Vec::new();
        while let (Some(team), Some(stop)) = (s.current_team(), s.current_stop()) {
            seen.push((team, stop));
            s.record_turn(team, result(stop, Some(1), vec![]))
                .expect("record");
            s.advance();
        }
        let expected: Vec<(usize, usize)> = [1, 3, 5]
            .iter()
            .flat_map(|&stop| (0..4).map(move |team| (team, stop)))
            .collect();
        assert_eq!(seen, expected);
        assert!(s.is_finished());
        assert_eq!(s.advance(), None);
        assert_eq!(s.turn_progress(), (12, 12));
        assert!(s.scoreboard().iter().all(|r| r.stops_done == 3));
    }

    #[test]
    fn shuffled_order_is_a_seeded_permutation() {
        let a = CampSession::new_shuffled(setup(6), CampOptions::default(), 0, 42).expect("a");
        let b = CampSession::new_shuffled(setup(6), CampOptions::default(), 0, 42).expect("b");
        assert_eq!(a.turn_order(), b.turn_order());
        let mut sorted = a.turn_order().to_vec();
        sorted.sort();
        assert_eq!(sorted, (0..6).collect::<Vec<_>>());
        assert_eq!(a.current_team(), a.turn_order().first().copied());
        let differs = (0..20).any(|seed| {
            CampSession::new_shuffled(setup(6), CampOptions::default(), 0, seed)
                .map(|s| s.turn_order().to_vec())
                .ok()
                != Some(a.turn_order().to_vec())
        });
        assert!(differs, "the order must depend on the seed");
    }

    #[test]
    fn record_refuses_the_wrong_team_stop_or_a_repeat() {
        let options = CampOptions {
            stops: vec![0, 1],
            ..CampOptions::default()
        };
        let mut s = CampSession::new(setup(2), options, 0).expect("session");
        assert_eq!(
            s.record_turn(1, result(0, None, vec![])),
            Err(CampError::NotYourTurn {
                expected: 0,
                got: 1
            })
        );
        assert_eq!(
            s.record_turn(7, result(0, None, vec![])),
            Err(CampError::NoSuchTeam { team: 7 })
        );
        assert_eq!(
            s.record_turn(0, result(1, None, vec![])),
            Err(CampError::WrongStop {
                expected: 0,
                got: 1
            })
        );
        assert!(matches!(
            s.record_turn(0, result(0, Some(4), vec![])),
            Err(CampError::InvalidResult(_))
        ));
        assert!(matches!(
            s.record_turn(0, result(0, None, vec![question(0, "q", 0, true, 1.0)])),
            Err(CampError::InvalidResult(_))
        ));
        assert!(matches!(
            s.record_turn(0, result(0, None, vec![question(3, "q", 1, true, 1.0)])),
            Err(CampError::InvalidResult(_))
        ));
        assert!(!s.current_recorded());
        s.record_turn(0, result(0, Some(3), vec![])).expect("first");
        assert!(s.current_recorded());
        assert_eq!(
            s.record_turn(0, result(0, Some(1), vec![])),
            Err(CampError::StopAlreadyRecorded { team: 0, stop: 0 })
        );
        assert_eq!(s.results()[0].len(), 1, "the refused result is not kept");
        // Skipping: team 2 is absent at stop 0.
        s.advance();
        s.advance();
        assert_eq!((s.current_team(), s.current_stop()), (Some(0), Some(1)));
        s.advance();
        s.advance();
        assert_eq!(
            s.record_turn(0, result(1, None, vec![])),
            Err(CampError::Finished)
        );
        assert_eq!(s.scoreboard()[1].stops_done, 0);
    }

    #[test]
    fn ties_share_a_rank_and_the_podium_keeps_them() {
        let options = CampOptions {
            stops: vec![0],
            ..CampOptions::default()
        };
        let mut s = CampSession::new(setup(5), options, 0).expect("session");
        // Points: 150, 150, 100, 100, 50.
        for (team, stars) in [3, 3, 2, 2, 1].into_iter().enumerate() {
            s.record_turn(team, result(0, Some(stars), vec![]))
                .expect("record");
            s.advance();
        }
        let board = s.scoreboard();
        let ranks: Vec<(usize, usize, u32)> =
            board.iter().map(|r| (r.team, r.rank, r.points)).collect();
        assert_eq!(
            ranks,
            vec![
                (0, 1, 150),
                (1, 1, 150),
                (2, 3, 100),
                (3, 3, 100),
                (4, 5, 50)
            ]
        );
        let podium: Vec<usize> = s.podium().iter().map(|r| r.team).collect();
        assert_eq!(podium, vec![0, 1, 2, 3]);
    }

    #[test]
    fn scoreboard_is_sorted_and_counts_first_tries() {
        let s = played_session();
        let board = s.scoreboard();
        // Team 1: 2 stars + first try = 200. Team 2: third try = 30. Team 3: nothing yet.
        let rows: Vec<(usize, u32, usize, usize)> = board
            .iter()
            .map(|r| (r.team, r.points, r.rank, r.first_try))
            .collect();
        assert_eq!(rows, vec![(0, 200, 1, 1), (1, 30, 2, 0), (2, 0, 3, 0)]);
        assert_eq!(board[0].name, "Team 1");
        assert_eq!(board[0].level_stars, 2);
        assert_eq!(s.podium().len(), 3);
        let breakdown = s.stop_breakdown(0).expect("team");
        assert_eq!(breakdown.len(), 1);
        assert_eq!(
            (breakdown[0].level_points, breakdown[0].attempt_points),
            (100, 100)
        );
        assert_eq!(s.stop_breakdown(9), Err(CampError::NoSuchTeam { team: 9 }));
        assert_eq!(s.turn_progress(), (2, 6));
    }

    #[test]
    fn question_results_come_from_quiz_records() {
        let attempt = |correct| Attempt {
            chosen: vec!["x".into()],
            correct,
        };
        let record = QuestionRecord {
            question_id: "gaffer".into(),
            attempts: vec![attempt(false), attempt(false), attempt(true)],
        };
        let q = QuestionResult::from_record(3, &record, 21.0);
        assert_eq!((q.stop, q.attempts, q.correct), (3, 3, true));
        assert_eq!(q.question_id, "gaffer");
        let unsolved = QuestionRecord {
            question_id: "grip".into(),
            attempts: vec![attempt(false), attempt(false)],
        };
        let q = QuestionResult::from_record(3, &unsolved, 5.0);
        assert_eq!((q.attempts, q.correct), (2, false));
        let skipped = QuestionResult::from_record(3, &QuestionRecord::default(), 0.0);
        assert_eq!((skipped.attempts, skipped.correct), (0, false));
    }

    #[test]
    fn timer_counts_down_extends_pauses_and_never_blocks() {
        let mut t = QuestionTimer::new(&TimerOptions {
            seconds_per_question: 10,
            extension_seconds: 15,
        });
        assert_eq!(t.remaining(), 10.0);
        assert!(!t.time_up());
        assert_eq!(t.message(), None);
        t.tick(4.0);
        assert_eq!(t.remaining(), 6.0);
        t.pause();
        t.tick(100.0);
        assert!(t.is_paused());
        assert_eq!(t.remaining(), 6.0, "paused time does not count");
        t.resume();
        t.tick(-3.0);
        t.tick(f32::NAN);
        assert_eq!(t.elapsed_s(), 4.0, "bad ticks are ignored");
        t.tick(10.0);
        assert!(t.time_up());
        assert_eq!(t.remaining(), 0.0, "never negative");
        assert_eq!(t.message(), Some(TIME_UP_MESSAGE));
        assert_eq!(t.fraction_remaining(), 0.0);
        // Extending after time is up gives time back.
        t.extend();
        assert!(!t.time_up());
        assert_eq!(t.remaining(), 11.0);
        assert_eq!(t.extended_s(), 15.0);
        t.extend();
        assert_eq!(t.remaining(), 26.0);
        t.tick(30.0);
        assert!(t.time_up());
        assert_eq!(t.elapsed_s(), 44.0, "time keeps counting past the limit");

        // Never blocks: a team far past the timer still records its turn and loses nothing.
        let options = CampOptions {
            timer: Some(TimerOptions::default()),
            stops: vec![0],
            ..CampOptions::default()
        };
        let mut s = CampSession::new(setup(2), options, 0).expect("session");
        let slow = question(0, "q", 1, true, t.elapsed_s() * 100.0);
        s.record_turn(0, result(0, None, vec![slow]))
            .expect("recorded");
        assert_eq!(s.scoreboard()[0].points, POINTS_FIRST_TRY);
    }

    #[test]
    fn csv_has_a_row_per_question_and_round_trips_awkward_names() {
        let options = CampOptions {
            stops: vec![0, 2],
            ..CampOptions::default()
        };
        let setup = CampSetup::new(names(&["Grips, Inc.", "The \"Best\" Boys", "=SUM(A1)"]))
            .expect("setup");
        let mut s = CampSession::new(setup, options, 0).expect("session");
        let plays = [
            (
                0,
                result(
                    0,
                    Some(2),
                    vec![
                        question(0, "a", 1, true, 3.26),
                        question(0, "b", 2, true, 9.0),
                    ],
                ),
            ),
            (1, result(0, None, vec![question(0, "a", 4, false, 30.0)])),
            (2, result(0, Some(0), vec![question(0, "a", 1, true, 2.0)])),
            (0, result(2, Some(3), vec![question(2, "c", 1, true, 1.0)])),
        ];
        let mut expected_rows = 1;
        for (team, r) in plays {
            expected_rows += r.questions.len();
            s.record_turn(team, r).expect("record");
            s.advance();
        }
        let text = results_csv(&s);
        let rows = crate::tour::model::csv::parse(&text).expect("parses");
        assert_eq!(rows.len(), expected_rows);
        assert_eq!(
            rows[0],
            names(&[
                "team",
                "icon",
                "stop",
                "question",
                "attempts",
                "correct",
                "level_score",
                "time_s",
                "points"
            ])
        );
        assert_eq!(
            rows[1],
            names(&[
                "Grips, Inc.",
                "Star",
                "0",
                "a",
                "1",
                "yes",
                "2",
                "3.3",
                "100"
            ])
        );
        assert_eq!(rows[2][3..6], names(&["b", "2", "yes"])[..]);
        // Rows go team by team, then stop by stop.
        assert_eq!(rows[3][..4], names(&["Grips, Inc.", "Star", "2", "c"])[..]);
        assert_eq!(
            rows[4],
            names(&[
                "The \"Best\" Boys",
                "Circle",
                "0",
                "a",
                "4",
                "no",
                "",
                "30.0",
                "0"
            ])
        );
        // A name that looks like a formula comes back as text, marked with an apostrophe.
        assert_eq!(rows[5][0], "'=SUM(A1)");
        assert_eq!(
            rows[5][6], "0",
            "zero stars is a score, not a missing level"
        );
        assert!(rows.iter().all(|r| r.len() == 9));
    }

    #[test]
    fn a_saved_camp_survives_a_restart() {
        let dir = temp_dir("restart");
        let store = CampStore::new(&dir);
        assert_eq!(store.load(), (None, None), "no file, no camp, no warning");
        let mut s = played_session();
        s.options = CampOptions {
            timer: Some(TimerOptions::default()),
            speed_bonus: true,
            stops: vec![0, 1],
        };
        store.save(&s).expect("save");
        let reopened = CampStore::new(&dir);
        let (loaded, warning) = reopened.load();
        assert_eq!(warning, None);
        assert_eq!(loaded.as_ref(), Some(&s));
        let loaded = loaded.expect("loaded");
        assert_eq!(loaded.current_team(), Some(2));
        assert_eq!(loaded.scoreboard(), s.scoreboard());
        store.clear().expect("clear");
        assert!(!store.path().exists());
        store.clear().expect("clearing twice is fine");
        assert_eq!(store.load(), (None, None));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_corrupt_camp_file_is_moved_aside_with_a_warning() {
        let dir = temp_dir("corrupt");
        std::fs::create_dir_all(&dir).expect("dir");
        let store = CampStore::new(&dir);
        std::fs::write(store.path(), "(version: 1, session: Some((setup: (tea").expect("write");
        let (session, warning) = store.load();
        assert_eq!(session, None);
        let warning = warning.expect("warned");
        assert!(warning.contains("damaged"), "{warning}");
        assert!(!store.path().exists());
        assert!(dir.join("camp.ron.bak").exists());
        store
            .save(&played_session())
            .expect("save after a bad load");
        assert!(store.load().0.is_some());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_camp_file_that_does_not_add_up_is_refused() {
        let dir = temp_dir("inconsistent");
        let store = CampStore::new(&dir);
        let s = played_session();
        store.save(&s).expect("save");
        let text = std::fs::read_to_string(store.path()).expect("read");
        // Hand-edit: the current team no longer exists.
        let edited = text.replacen("team: 2", "team: 9", 1);
        assert_ne!(edited, text, "the edit must hit the file");
        std::fs::write(store.path(), edited).expect("write");
        let (session, warning) = store.load();
        assert_eq!(session, None);
        let warning = warning.expect("warned");
        assert!(warning.contains("does not exist"), "{warning}");
        assert!(dir.join("camp.ron.bak").exists());

        // Two teams sharing a colour is caught too.
        store.save(&s).expect("save");
        let text = std::fs::read_to_string(store.path()).expect("read");
        let edited = text.replacen("color: Orange", "color: Red", 1);
        assert_ne!(edited, text);
        std::fs::write(store.path(), edited).expect("write");
        assert_eq!(store.load().0, None);
        std::fs::remove_dir_all(&dir).ok();
    }
}
