//! What can go wrong in camp mode: [`CampError`], a value the UI can show, with its message.

use std::fmt;

use super::{
    MAX_EXTENSION_SECONDS, MAX_NAME_CHARS, MAX_TEAMS, MIN_TEAMS, TIMER_MAX_SECONDS,
    TIMER_MIN_SECONDS, TeamColor, TeamIcon,
};
use crate::tour::model::content::STOP_COUNT;

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
