//! The level's side of the director's brief: the player's Reject and Approve calls go to the
//! pure [`BriefReview`](crate::stops::innovation::concept::BriefReview), and a new brief puts
//! the director's own words in the prompt box, as a Technical Artist's first try.

use crate::stops::innovation::concept::{Approval, DirectorBrief};
use crate::stops::innovation::level::InnovationState;

impl InnovationState {
    /// The director's brief was met and approved after a result that missed it was caught.
    pub fn brief_met(&self) -> bool {
        self.review.as_ref().is_some_and(|r| r.done)
    }

    /// The current brief, if the content has any.
    pub fn brief(&self) -> Option<&DirectorBrief> {
        self.review.as_ref().map(|r| &r.brief)
    }

    /// Puts the current brief's words in the prompt box.
    pub(super) fn prompt_from_brief(&mut self) {
        if let Some(text) = self.brief().map(|b| b.text.clone()) {
            self.set_prompt_text(&text);
        }
    }

    /// The player turns the result down; refused, with the reason, when it meets the brief.
    pub fn reject_concept(&mut self) {
        if let Some(review) = &mut self.review {
            review.reject();
        }
    }

    /// The player approves the result for the director; refused, with the points it misses,
    /// when it does not meet the brief. A first-try approval brings the next brief.
    pub fn approve_concept(&mut self, briefs: &[DirectorBrief]) {
        let Some(review) = &mut self.review else {
            return;
        };
        if review.approve(briefs) == Approval::NextBrief {
            self.prompt_from_brief();
        }
    }

    /// The director's next brief, with its words in the prompt box.
    pub fn next_brief(&mut self, briefs: &[DirectorBrief]) {
        if let Some(review) = &mut self.review {
            review.next_brief(briefs);
            self.prompt_from_brief();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::stage::model::scene::bundled_scenes;
    use crate::stops::innovation::cloud::bundled_cloud;
    use crate::stops::innovation::level::InnovationState;

    #[test]
    fn the_directors_words_start_in_the_box_and_miss() {
        let spec = bundled_cloud().expect("bundled innovation.ron");
        for seed in 0..spec.briefs.len() as u64 {
            let mut state = InnovationState::new(&spec, seed);
            let brief = state.brief().cloned().expect("a brief");
            assert_eq!(state.prompt_text, brief.text);
            state.approve_concept(&spec.briefs);
            state.generate(&bundled_scenes());
            let review = state.review.clone().expect("a review");
            assert!(review.result_misses(), "{}", brief.text);
            state.approve_concept(&spec.briefs);
            let verdict = state.review.as_ref().and_then(|r| r.verdict.clone());
            assert!(verdict.is_some_and(|v| !v.accepted && v.text.contains("misses")));
            assert!(!state.brief_met());
        }
    }

    #[test]
    fn a_first_try_approval_puts_the_next_brief_in_the_box() {
        let spec = bundled_cloud().expect("bundled innovation.ron");
        let mut state = InnovationState::new(&spec, 0);
        let brief = state.brief().cloned().expect("a brief");
        let prompt = brief.applied_to(crate::stops::innovation::level::default_prompt(0));
        state.pick_prompt(prompt);
        state.generate(&bundled_scenes());
        state.approve_concept(&spec.briefs);
        assert!(!state.brief_met());
        assert_eq!(state.review.as_ref().map(|r| r.index), Some(1));
        assert_eq!(state.prompt_text, spec.briefs[1].text);
        state.next_brief(&spec.briefs);
        assert_eq!(state.prompt_text, spec.briefs[2].text);
    }
}
