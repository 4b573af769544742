//! Predicting a stall: before a part is pulled from the running production, the student marks
//! the parts they expect to stop; the score says which they called right, which they missed and
//! which they wrongly expected to stop.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{StudioBoard, StudioSpec};

/// The parts (other than `pull` itself) that stop when `pull` is taken out of `board`.
pub fn stalls_if_removed(spec: &StudioSpec, board: &StudioBoard, pull: &str) -> BTreeSet<String> {
    let mut without = board.clone();
    without.disconnect(pull);
    let before: BTreeSet<String> = board
        .status(spec)
        .stalls
        .into_iter()
        .map(|s| s.part)
        .collect();
    without
        .status(spec)
        .stalls
        .into_iter()
        .map(|s| s.part)
        .filter(|p| p != pull && !before.contains(p))
        .collect()
}

/// How a prediction went, part by part.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredictionScore {
    /// The part that was pulled.
    pub pulled: String,
    /// Expected to stop, and did.
    pub right: BTreeSet<String>,
    /// Stopped, but not expected to.
    pub missed: BTreeSet<String>,
    /// Expected to stop, but kept working.
    pub wrong: BTreeSet<String>,
}

impl PredictionScore {
    /// Compare the parts the student expected to stop with the parts that did.
    pub fn new(pulled: &str, predicted: &BTreeSet<String>, actual: &BTreeSet<String>) -> Self {
        Self {
            pulled: pulled.to_string(),
            right: predicted.intersection(actual).cloned().collect(),
            missed: actual.difference(predicted).cloned().collect(),
            wrong: predicted.difference(actual).cloned().collect(),
        }
    }

    /// Every part called right: nothing missed and nothing wrongly expected.
    pub fn is_right(&self) -> bool {
        self.missed.is_empty() && self.wrong.is_empty()
    }
}

/// How `from` depends on `to`: the chain of parts from `from` up to `to` through what each
/// needs (`[from, …, to]`), or `None` when `from` does not need `to` at all.
pub fn chain(spec: &StudioSpec, from: &str, to: &str) -> Option<Vec<String>> {
    if from == to {
        return Some(vec![to.to_string()]);
    }
    let part = spec.part(from)?;
    part.requires.iter().find_map(|r| {
        chain(spec, r, to).map(|mut rest| {
            rest.insert(0, from.to_string());
            rest
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::intro::model::test_support::{running, spec};

    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn pulling_a_part_stops_everything_that_needs_it_but_not_itself() {
        let s = spec();
        let board = running(&s);
        assert_eq!(
            stalls_if_removed(&s, &board, "director"),
            set(&[
                "actor",
                "camera",
                "camera-operator",
                "editing-software",
                "microphone"
            ])
        );
        assert_eq!(
            stalls_if_removed(&s, &board, "render-servers"),
            set(&["led-wall"])
        );
        assert!(stalls_if_removed(&s, &board, "editing-software").is_empty());
        assert!(board.status(&s).running, "the board itself is untouched");
    }

    #[test]
    fn a_prediction_is_scored_part_by_part() {
        let actual = set(&["actor", "microphone", "editing-software"]);
        let score = PredictionScore::new(
            "director",
            &set(&["actor", "microphone", "led-wall"]),
            &actual,
        );
        assert_eq!(score.right, set(&["actor", "microphone"]));
        assert_eq!(score.missed, set(&["editing-software"]));
        assert_eq!(score.wrong, set(&["led-wall"]));
        assert!(!score.is_right());

        let exact = PredictionScore::new("director", &actual, &actual);
        assert!(exact.is_right());
        assert_eq!(exact.right, actual);

        let nothing = PredictionScore::new("director", &BTreeSet::new(), &actual);
        assert!(
            !nothing.is_right(),
            "expecting nothing to stop misses them all"
        );
        assert_eq!(nothing.missed, actual);

        let too_many =
            PredictionScore::new("director", &set(&["actor", "camera"]), &set(&["actor"]));
        assert!(!too_many.is_right(), "an extra guess is wrong too");
        assert_eq!(too_many.wrong, set(&["camera"]));
    }

    #[test]
    fn the_chain_explains_why_a_part_stops() {
        let s = spec();
        assert_eq!(
            chain(&s, "microphone", "director"),
            Some(vec!["microphone".into(), "actor".into(), "director".into()])
        );
        assert_eq!(chain(&s, "led-wall", "director"), None);
        assert_eq!(chain(&s, "nope", "director"), None);
    }
}
