//! A team's results at a stop and the points they score: attempts, level stars and the optional
//! speed bonus.

use serde::{Deserialize, Serialize};

use super::{
    CampError, CampOptions, MAX_STARS, POINTS_FIRST_TRY, POINTS_LATER_TRY, POINTS_PER_STAR,
    POINTS_SECOND_TRY, POINTS_THIRD_TRY, POINTS_UNSOLVED, SPEED_BONUS_MAX,
};
use crate::tour::model::quiz::QuestionRecord;

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
    pub(super) fn check(&self) -> Result<(), CampError> {
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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::camp::model::TimerOptions;
    use crate::classroom::camp::model::test_support::{question, result};
    use crate::tour::model::quiz::Attempt;

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
}
