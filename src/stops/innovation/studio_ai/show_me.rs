//! "Show me" for the AI cases: the first open case, decided one topic at a time, each caption
//! saying what follows from the choice (one possible choice, not the right one).

use crate::classroom::presenter::model::ShowStep;
use crate::stops::innovation::level::{InnovationCommand, InnovationState};
use crate::stops::innovation::studio_ai::model::{AiCaseCommand, AiCasesSpec, Topic};

/// The steps that decide the first case not decided yet.
pub fn case_steps(state: &InnovationState, spec: &AiCasesSpec) -> Vec<ShowStep<InnovationCommand>> {
    let Some(case) = state.ai_cases.next_open(spec) else {
        return Vec::new();
    };
    let Some(c) = spec.cases.get(case) else {
        return Vec::new();
    };
    Topic::ALL
        .into_iter()
        .filter(|&t| state.ai_cases.choice(case, t).is_none())
        .filter_map(|topic| {
            let option = c.question(topic).options.first()?;
            Some(ShowStep::new(
                format!(
                    "{} — {}: one choice to discuss, not the answer: \"{}\". {}",
                    c.title,
                    topic.label().to_lowercase(),
                    option.choice,
                    option.consequence
                ),
                InnovationCommand::AiCase(AiCaseCommand::Choose {
                    case,
                    topic,
                    option: 0,
                }),
            ))
        })
        .collect()
}
