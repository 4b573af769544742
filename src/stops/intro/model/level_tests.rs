//! The Intro level played through its model: assemble, trace the failure from its symptoms,
//! predict a stall; wrong blames and wrong predictions are refused and counted.

use std::collections::BTreeSet;

use super::*;
use crate::stops::intro::model::test_support::{needed_ids, spec};

/// A level with every needed part connected: the incident has struck.
fn in_incident(seed: u64) -> (IntroLevel, String) {
    let s = spec();
    let mut level = IntroLevel::new(s.clone(), seed);
    for id in needed_ids(&s) {
        level.connect(&id);
    }
    let IntroPhase::Incident { failed } = level.phase.clone() else {
        panic!("an incident follows the first run");
    };
    (level, failed)
}

fn pull_of(level: &IntroLevel) -> String {
    match &level.phase {
        IntroPhase::Predict { pull, .. } => pull.clone(),
        other => panic!("expected a prediction, got {other:?}"),
    }
}

/// Mark exactly the parts that stop when the part in question is pulled.
fn mark_the_answer(level: &mut IntroLevel) {
    let pull = pull_of(level);
    for id in predict::stalls_if_removed(&level.spec, &level.board, &pull) {
        assert!(level.mark(&id));
    }
}

#[test]
fn the_core_is_the_run_the_trace_and_the_prediction_at_every_length() {
    use crate::tour::model::content::bundled_file;
    use crate::tour::model::lesson::{LessonLength, LessonTable, core_met, extensions, task_rows};
    let table = bundled_file::<LessonTable>().expect("bundled lessons");
    let tasks = table.tasks(0);
    let (mut level, failed) = in_incident(3);
    let not_yet = |level: &IntroLevel| {
        LessonLength::ALL
            .iter()
            .all(|&length| !core_met(tasks, length, &level.task_counts()))
    };
    assert!(not_yet(&level));
    level.blame(&failed);
    assert!(not_yet(&level), "tracing alone does not open the gate");
    mark_the_answer(&mut level);
    level.pull();
    for length in LessonLength::ALL {
        assert!(core_met(tasks, length, &level.task_counts()), "{length}");
        // No mistake: the clean run, an extension, is done too.
        let rows = task_rows(tasks, length, &level.task_counts());
        assert_eq!(extensions(&rows), (1, 1));
    }
}

#[test]
fn the_incident_shows_what_stopped_but_not_which_part_failed() {
    let s = spec();
    let mut level = IntroLevel::new(s.clone(), 42);
    let feedback: Vec<IntroFeedback> = needed_ids(&s)
        .iter()
        .flat_map(|id| level.connect(id))
        .collect();
    let stopped = feedback
        .iter()
        .find_map(|fb| match fb {
            IntroFeedback::IncidentStarted { stopped } => Some(stopped.clone()),
            _ => None,
        })
        .expect("an incident follows the first run");
    let IntroPhase::Incident { failed } = level.phase.clone() else {
        panic!("in the incident");
    };
    assert!(
        stopped.len() > 1,
        "the failed part takes others down with it"
    );
    assert!(stopped.contains(&failed));
    let order: Vec<String> = needed_ids(&s)
        .into_iter()
        .filter(|id| stopped.contains(id))
        .collect();
    assert_eq!(
        stopped, order,
        "listed in the file's order, the root unmarked"
    );
}

#[test]
fn blaming_a_stalled_or_working_part_is_refused_and_the_root_is_accepted() {
    let (mut level, failed) = in_incident(42);
    let status = level.status();
    let stalled = status
        .stalls
        .iter()
        .map(|s| s.part.clone())
        .find(|p| *p != failed)
        .expect("a part that only stalled");
    let working = status
        .working
        .iter()
        .next()
        .expect("a working part")
        .clone();
    assert_eq!(
        level.blame(&stalled),
        vec![IntroFeedback::OnlyStalled {
            part: stalled.clone()
        }]
    );
    assert_eq!(
        level.blame(&working),
        vec![IntroFeedback::StillWorking {
            part: working.clone()
        }]
    );
    assert_eq!(
        level.blame("fax-machine"),
        vec![IntroFeedback::Unknown("fax-machine".into())]
    );
    assert!(!level.traced);
    assert_eq!(level.mistakes, 2);
    let found = level.blame(&failed);
    assert_eq!(
        found[0],
        IntroFeedback::RootFound {
            part: failed.clone()
        }
    );
    assert!(matches!(found[1], IntroFeedback::PredictStarted { .. }));
    assert!(level.traced && level.status().running);
    assert_ne!(
        pull_of(&level),
        failed,
        "the question is about another part"
    );
    assert!(level.blame(&failed).is_empty(), "nothing to blame any more");
}

#[test]
fn a_wrong_prediction_is_refused_with_its_score_and_a_new_part_is_asked_about() {
    let (mut level, failed) = in_incident(7);
    level.blame(&failed);
    let first = pull_of(&level);
    assert!(!level.mark(&first), "the pulled part itself is not a guess");
    assert!(
        !level.mark("fax-machine"),
        "nor a part outside the production"
    );
    // Expect nothing to stop: every part that does is missed.
    let feedback = level.pull();
    let IntroFeedback::Predicted(score) = &feedback[0] else {
        panic!("a score, got {feedback:?}");
    };
    assert!(!score.is_right());
    assert_eq!(
        score.missed,
        predict::stalls_if_removed(&level.spec, &level.board, &first)
    );
    assert_eq!(level.mistakes, 1);
    assert!(!level.predicted && !level.is_complete());
    assert!(level.status().running, "the pulled part went back in");
    let second = pull_of(&level);
    assert_ne!(second, first);
    // Marking and unmarking leaves nothing marked (nothing needs the editing software, so it
    // is never the part pulled).
    assert!(level.mark("editing-software") && level.mark("editing-software"));
    mark_the_answer(&mut level);
    let feedback = level.pull();
    assert!(matches!(&feedback[0], IntroFeedback::Predicted(s) if s.is_right()));
    assert!(level.predicted && level.is_complete());
    assert_eq!(level.stars(), 2);
    let counts = level.task_counts();
    assert!(counts.contains(&("clean-run", 0)), "a mistake was made");
}

#[test]
fn parts_come_out_only_while_building_or_once_complete() {
    let (mut level, failed) = in_incident(11);
    assert!(!level.disconnect("director"), "not during the incident");
    level.blame(&failed);
    assert!(!level.disconnect("director"), "not while predicting");
    mark_the_answer(&mut level);
    level.pull();
    assert!(level.disconnect("director"));
    assert!(level.is_complete(), "free play keeps the level complete");
    assert!(level.task_counts().contains(&("predict", 1)));
}

#[test]
fn incident_and_questions_are_seeded() {
    let s = spec();
    let run = |seed| in_incident(seed).0.phase;
    // Recorded: seed 5 breaks this part, in every version and on every machine.
    assert_eq!(
        run(5),
        IntroPhase::Incident {
            failed: "microphone".into()
        }
    );
    let phases: BTreeSet<String> = (0..30).map(|seed| format!("{:?}", run(seed))).collect();
    assert!(phases.len() > 1, "different seeds break different parts");
    let question = |seed| {
        let (mut level, failed) = in_incident(seed);
        level.blame(&failed);
        pull_of(&level)
    };
    assert_eq!(question(5), question(5));
    let asked: BTreeSet<String> = (0..30).map(question).collect();
    assert!(asked.len() > 1, "different seeds ask about different parts");
    assert!(asked.iter().all(|p| s.part(p).is_some_and(|p| p.needed)));
}
