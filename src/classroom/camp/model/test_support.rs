//! Builders shared by the camp model's unit tests: names, setups, results and a half-played camp.

use std::path::PathBuf;

use super::{CampOptions, CampSession, CampSetup, QuestionResult, StopResult};

pub(super) fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

pub(super) fn setup(n: usize) -> CampSetup {
    let list: Vec<String> = (1..=n).map(|i| format!("Team {i}")).collect();
    CampSetup::new(list).expect("valid setup")
}

pub(super) fn question(
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

pub(super) fn result(stop: usize, stars: Option<u8>, questions: Vec<QuestionResult>) -> StopResult {
    StopResult {
        stop,
        level_stars: stars,
        seconds: questions.iter().map(|q| q.seconds).sum(),
        questions,
    }
}

pub(super) fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("backlot-camp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// A 3-team session over stops 0 and 1 with some turns played.
pub(super) fn played_session() -> CampSession {
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
