//! Tracing a failure: what the crew sees when parts stop (symptoms only, never the cause) and
//! the verdict when the student blames a part.

use serde::{Deserialize, Serialize};

use super::{ProductionStatus, StallReason, StudioSpec};

/// One stopped part as the crew sees it: that it stopped and what that looks like. It carries
/// nothing about why, so a part that failed and a part left waiting look the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Symptom {
    pub part: String,
    pub symptom: String,
}

/// Every connected part that stopped, in the content file's order (which says nothing about
/// where the trouble started). Parts not connected yet are left out: they never ran.
pub fn symptoms(spec: &StudioSpec, status: &ProductionStatus) -> Vec<Symptom> {
    spec.needed()
        .filter(|p| {
            status
                .stalls
                .iter()
                .any(|s| s.part == p.id && s.reason != StallReason::Missing)
        })
        .map(|p| Symptom {
            part: p.id.clone(),
            symptom: p.symptom.clone(),
        })
        .collect()
}

/// What blaming a part finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Blame {
    /// The part stopped by itself: everything it needs still works. The root of the trouble.
    Root,
    /// The part only stalled: it is waiting on something it needs further up.
    OnlyStalled,
    /// The part still works.
    StillWorking,
    /// The part is not in this production (or there is no such part).
    NotInProduction,
}

/// Judge blaming `id` for the trouble in `status`.
pub fn judge_blame(spec: &StudioSpec, status: &ProductionStatus, id: &str) -> Blame {
    if !spec.part(id).is_some_and(|p| p.needed) {
        return Blame::NotInProduction;
    }
    match status
        .stalls
        .iter()
        .find(|s| s.part == id)
        .map(|s| &s.reason)
    {
        None => Blame::StillWorking,
        Some(StallReason::WaitingOn(_)) => Blame::OnlyStalled,
        Some(StallReason::Broken | StallReason::Missing) => Blame::Root,
    }
}

#[cfg(test)]
mod tests {
    use super::super::StudioBoard;
    use super::*;
    use crate::stops::intro::model::test_support::{running, spec};

    fn stopped(list: &[Symptom]) -> Vec<&str> {
        list.iter().map(|s| s.part.as_str()).collect()
    }

    #[test]
    fn symptoms_list_every_stopped_part_and_look_the_same_whatever_the_cause() {
        let s = spec();
        // The network engineer fails: the render servers and the LED wall stop with it.
        let mut one = running(&s);
        one.break_part("network-engineer");
        let from_one = symptoms(&s, &one.status(&s));
        assert_eq!(
            stopped(&from_one),
            vec!["led-wall", "render-servers", "network-engineer"],
            "the file's order, not the root first"
        );
        // Two real failures that stop the same parts show exactly the same symptoms: what the
        // crew sees cannot tell which part is at the root.
        let mut two = running(&s);
        two.break_part("network-engineer");
        two.break_part("render-servers");
        assert_eq!(symptoms(&s, &two.status(&s)), from_one);
        for symptom in &from_one {
            let text = &s.part(&symptom.part).expect("a part").symptom;
            assert_eq!(&symptom.symptom, text, "each part's own symptom");
        }
    }

    #[test]
    fn symptoms_never_name_the_part_that_failed() {
        let s = spec();
        for failed in s.needed() {
            let mut board = running(&s);
            board.break_part(&failed.id);
            for symptom in symptoms(&s, &board.status(&s)) {
                if symptom.part != failed.id {
                    assert!(
                        !symptom
                            .symptom
                            .to_lowercase()
                            .contains(&failed.name.to_lowercase()),
                        "{}'s symptom names the failed {}",
                        symptom.part,
                        failed.name
                    );
                }
            }
        }
    }

    #[test]
    fn parts_not_yet_connected_are_not_symptoms() {
        let s = spec();
        let board = StudioBoard::default();
        assert!(symptoms(&s, &board.status(&s)).is_empty());
    }

    #[test]
    fn blaming_accepts_only_the_root() {
        let s = spec();
        for failed in s.needed() {
            let mut board = running(&s);
            board.break_part(&failed.id);
            let status = board.status(&s);
            for part in s.needed() {
                let verdict = judge_blame(&s, &status, &part.id);
                let expected = if part.id == failed.id {
                    Blame::Root
                } else if status.stalls.iter().any(|st| st.part == part.id) {
                    Blame::OnlyStalled
                } else {
                    Blame::StillWorking
                };
                assert_eq!(
                    verdict, expected,
                    "{} failed, blamed {}",
                    failed.id, part.id
                );
            }
        }
        let mut board = running(&s);
        board.break_part("director");
        let status = board.status(&s);
        assert_eq!(judge_blame(&s, &status, "actor"), Blame::OnlyStalled);
        assert_eq!(
            judge_blame(&s, &status, "editing-software"),
            Blame::OnlyStalled
        );
        assert_eq!(judge_blame(&s, &status, "game-engine"), Blame::StillWorking);
        assert_eq!(judge_blame(&s, &status, "director"), Blame::Root);
        assert_eq!(
            judge_blame(&s, &status, "fax-machine"),
            Blame::NotInProduction
        );
        assert_eq!(judge_blame(&s, &status, "nope"), Blame::NotInProduction);
    }
}
