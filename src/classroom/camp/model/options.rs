//! How a camp is played: the optional question timer, the speed bonus and the stops chosen.

use serde::{Deserialize, Serialize};

use super::{CampError, MAX_EXTENSION_SECONDS, TIMER_MAX_SECONDS, TIMER_MIN_SECONDS};
use crate::tour::model::content::STOP_COUNT;

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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::camp::model::CampSession;
    use crate::classroom::camp::model::test_support::setup;

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
}
