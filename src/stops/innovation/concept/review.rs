//! The Technical Artist's review loop: each generated result is checked against the director's
//! brief, and the student rejects it or approves it for the director. A wrong call is refused
//! with its reason; the work is done when a result that meets the brief is approved after the
//! student caught one that missed it (rejected it, or refined the prompt away from it).

use serde::{Deserialize, Serialize};

use super::brief::{DirectorBrief, PointCheck, missed_words};
use super::generate::Concept;
use super::prompt::ConceptPrompt;

/// What the student decided about the result on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Rejected,
    Approved,
}

/// The answer to a Reject or Approve, for the screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// False when the call was refused.
    pub accepted: bool,
    pub text: String,
}

impl Verdict {
    fn yes(text: impl Into<String>) -> Self {
        Self {
            accepted: true,
            text: text.into(),
        }
    }

    fn no(text: impl Into<String>) -> Self {
        Self {
            accepted: false,
            text: text.into(),
        }
    }
}

/// The review of the current brief and how the student has done so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BriefReview {
    /// Where the current brief sits in the content's list.
    pub index: usize,
    /// The current brief.
    pub brief: DirectorBrief,
    /// What the result on screen was built from; `None` before a result for this brief.
    pub result: Option<ConceptPrompt>,
    /// The result on screen, point by point.
    pub checks: Vec<PointCheck>,
    /// The student's call on the result on screen.
    pub decision: Option<Decision>,
    /// A result for this brief missed it and the student caught that: they rejected it or
    /// generated a different prompt after it.
    pub caught_miss: bool,
    /// Results rightly rejected, over every brief.
    pub rejections: u32,
    /// New prompts generated after a result that missed, over every brief.
    pub refinements: u32,
    /// Briefs approved.
    pub approvals: u32,
    /// A result meeting the brief was approved after a caught miss.
    pub done: bool,
    /// The answer to the last Reject or Approve.
    pub verdict: Option<Verdict>,
}

/// What an approval changed, beyond the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approval {
    /// Refused, or accepted with the brief kept.
    Stays,
    /// Accepted at the first try: the director sent the next brief, whose words should go in
    /// the prompt box.
    NextBrief,
}

impl BriefReview {
    /// The review of one of `briefs`, picked by `seed` so different games meet different
    /// briefs. `None` when there are no briefs.
    pub fn new(briefs: &[DirectorBrief], seed: u64) -> Option<Self> {
        let index = usize::try_from(seed % u64::try_from(briefs.len()).ok()?.max(1)).ok()?;
        Some(Self {
            index,
            brief: briefs.get(index)?.clone(),
            result: None,
            checks: Vec::new(),
            decision: None,
            caught_miss: false,
            rejections: 0,
            refinements: 0,
            approvals: 0,
            done: false,
            verdict: None,
        })
    }

    /// True when the result on screen meets every point.
    pub fn result_meets(&self) -> bool {
        self.result.is_some() && self.checks.iter().all(|c| c.met)
    }

    /// True when the result on screen misses some point.
    pub fn result_misses(&self) -> bool {
        self.result.is_some() && self.checks.iter().any(|c| !c.met)
    }

    /// A new result: checked against the brief. Generating a different prompt after a result
    /// that missed is a refinement, and counts as catching the miss.
    pub fn on_generated(&mut self, concept: &Concept) {
        if self.result_misses() && self.result != Some(concept.prompt) {
            self.refinements += 1;
            self.caught_miss = true;
        }
        self.result = Some(concept.prompt);
        self.checks = self.brief.check(concept);
        self.decision = None;
        self.verdict = None;
    }

    /// The student turns the result down. Refused when there is nothing to reject or the
    /// result meets the brief.
    pub fn reject(&mut self) -> &Verdict {
        let verdict = if self.result.is_none() {
            Verdict::no("There is nothing to reject yet: generate a concept for this brief first.")
        } else if self.decision == Some(Decision::Rejected) {
            Verdict::no(
                "You already rejected this one. Change the prompt, then generate a new result.",
            )
        } else if self.result_meets() {
            Verdict::no(
                "Look again: this result meets every point of the brief. Turning down a good result wastes the team's time. Approve it for the director.",
            )
        } else {
            self.rejections += 1;
            self.caught_miss = true;
            self.decision = Some(Decision::Rejected);
            Verdict::yes(format!(
                "Rejected: it misses {}. Change the prompt to fix that, then generate again.",
                missed_words(&self.checks)
            ))
        };
        self.verdict.insert(verdict)
    }

    /// The student sends the result to the director. Refused when there is nothing to approve
    /// or it misses the brief (with the points it misses). Approved at the first try, the
    /// director sends the next of `briefs`, since no miss was caught yet.
    pub fn approve(&mut self, briefs: &[DirectorBrief]) -> Approval {
        let (verdict, approval) = if self.result.is_none() {
            (
                Verdict::no(
                    "There is nothing to approve yet: generate a concept for this brief first.",
                ),
                Approval::Stays,
            )
        } else if self.decision == Some(Decision::Approved) {
            (
                Verdict::no("You already approved this one for the director."),
                Approval::Stays,
            )
        } else if self.result_misses() {
            (
                Verdict::no(format!(
                    "Not yet: this result misses {}. The director would send it back. Reject it, or change the prompt and generate again.",
                    missed_words(&self.checks)
                )),
                Approval::Stays,
            )
        } else if self.caught_miss {
            self.approvals += 1;
            self.done = true;
            self.decision = Some(Decision::Approved);
            (
                Verdict::yes(
                    "Approved! It meets every point of the brief. You caught a result that missed and fixed the prompt: that is a Technical Artist's job.",
                ),
                Approval::Stays,
            )
        } else {
            self.approvals += 1;
            self.next_brief(briefs);
            (
                Verdict::yes(
                    "Approved at the first try! The director sends a new brief. Try the director's own words first and check what the generator makes of them.",
                ),
                Approval::NextBrief,
            )
        };
        self.verdict = Some(verdict);
        approval
    }

    /// Moves on to the next of `briefs` (round the list), with nothing generated for it yet.
    pub fn next_brief(&mut self, briefs: &[DirectorBrief]) {
        if briefs.is_empty() {
            return;
        }
        self.index = (self.index + 1) % briefs.len();
        self.brief = briefs[self.index].clone();
        self.result = None;
        self.checks.clear();
        self.decision = None;
        self.caught_miss = false;
        self.verdict = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::model::scene::TimeOfDay;
    use crate::stops::innovation::concept::test_support::{concept, scenes};
    use crate::stops::innovation::concept::{
        BriefPoint, Palette, PromptMood, Setting, read_prompt,
    };

    fn briefs() -> Vec<DirectorBrief> {
        vec![
            DirectorBrief {
                text: "A hopeful first light on an alien world, in icy blues.".into(),
                wants: vec![
                    BriefPoint::Place(Setting::AlienWorld),
                    BriefPoint::Mood(PromptMood::Hopeful),
                    BriefPoint::Time(TimeOfDay::Dawn),
                    BriefPoint::Colours(Palette::Cool),
                ],
            },
            DirectorBrief {
                text: "Something spooky in the desert after dark.".into(),
                wants: vec![
                    BriefPoint::Place(Setting::Desert),
                    BriefPoint::Mood(PromptMood::Eerie),
                    BriefPoint::Time(TimeOfDay::Night),
                ],
            },
        ]
    }

    fn from_text(text: &str) -> Concept {
        concept(&read_prompt(text, 3).expect("a place").prompt, &scenes())
    }

    fn review() -> BriefReview {
        BriefReview::new(&briefs(), 0).expect("a brief")
    }

    #[test]
    fn the_seed_picks_the_brief() {
        assert_eq!(BriefReview::new(&briefs(), 0).map(|r| r.index), Some(0));
        assert_eq!(BriefReview::new(&briefs(), 7).map(|r| r.index), Some(1));
        assert!(BriefReview::new(&[], 7).is_none());
    }

    #[test]
    fn nothing_to_judge_before_a_result() {
        let mut r = review();
        assert!(!r.reject().accepted);
        assert_eq!(r.approve(&briefs()), Approval::Stays);
        assert!(!r.verdict.as_ref().is_some_and(|v| v.accepted));
        assert_eq!((r.rejections, r.approvals), (0, 0));
    }

    #[test]
    fn reject_the_miss_refine_then_approve() {
        let mut r = review();
        let brief = r.brief.clone();
        let first = from_text(&brief.text);
        r.on_generated(&first);
        assert!(r.result_misses());
        // Approving a miss is refused, with the point it misses.
        assert_eq!(r.approve(&briefs()), Approval::Stays);
        let v = r.verdict.clone().expect("a verdict");
        assert!(!v.accepted && v.text.contains("the time of day"), "{v:?}");
        assert!(!r.done && r.approvals == 0);
        // Rejecting it is right, once.
        assert!(r.reject().accepted);
        assert!(r.caught_miss);
        assert!(!r.reject().accepted, "already rejected");
        assert_eq!(r.rejections, 1);
        // The refined prompt meets it; rejecting that is refused.
        let fixed = concept(&brief.applied_to(first.prompt), &scenes());
        r.on_generated(&fixed);
        assert!(r.result_meets());
        let v = r.reject().clone();
        assert!(!v.accepted && v.text.contains("meets every point"), "{v:?}");
        assert_eq!(r.rejections, 1);
        assert_eq!(r.approve(&briefs()), Approval::Stays);
        assert!(r.done && r.verdict.as_ref().is_some_and(|v| v.accepted));
        assert_eq!(r.approve(&briefs()), Approval::Stays);
        assert!(!r.verdict.as_ref().is_some_and(|v| v.accepted), "twice");
        assert_eq!(r.approvals, 1);
    }

    #[test]
    fn refining_away_from_a_miss_also_catches_it() {
        let mut r = review();
        let first = from_text(&r.brief.text);
        r.on_generated(&first);
        // The same prompt again is not a refinement.
        r.on_generated(&first);
        assert!(!r.caught_miss && r.refinements == 0);
        let fixed = concept(&r.brief.applied_to(first.prompt), &scenes());
        r.on_generated(&fixed);
        assert!(r.caught_miss && r.refinements == 1);
        r.approve(&briefs());
        assert!(r.done);
    }

    #[test]
    fn a_first_try_approval_brings_the_next_brief() {
        let mut r = review();
        let first = from_text(&r.brief.text);
        let right = concept(&r.brief.applied_to(first.prompt), &scenes());
        r.on_generated(&right);
        assert_eq!(r.approve(&briefs()), Approval::NextBrief);
        assert!(r.verdict.as_ref().is_some_and(|v| v.accepted));
        assert!(!r.done, "no miss was caught");
        assert_eq!((r.index, r.approvals), (1, 1));
        assert_eq!(r.result, None);
        assert!(r.checks.is_empty());
        // Meeting the previous brief means nothing for this one.
        r.on_generated(&right);
        assert!(r.result_misses());
        r.next_brief(&briefs());
        assert_eq!(r.index, 0);
    }
}
