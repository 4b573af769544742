//! The per-question countdown. It paces a camp and never stops a team answering.

use serde::{Deserialize, Serialize};

use super::{TIME_UP_MESSAGE, TimerOptions};

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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::camp::model::test_support::{question, result, setup};
    use crate::classroom::camp::model::{CampOptions, CampSession, POINTS_FIRST_TRY};

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
}
