//! The student's decisions on the AI cases: one choice per topic per case, recorded, never
//! scored. A case is decided when all three topics have a choice; minds may change.

use serde::{Deserialize, Serialize};

use super::content::{AiCasesSpec, Topic};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AiCaseCommand {
    /// Pick `option` for `topic` of `case` (picking again changes the decision).
    Choose {
        case: usize,
        topic: Topic,
        option: usize,
    },
}

/// The decisions so far, saved with the level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AiCases {
    /// `choices[case][topic]`: the option picked.
    pub choices: Vec<[Option<usize>; 3]>,
    /// Decisions changed after being made: discussion at work, not a mistake.
    pub changed: u32,
    /// Why the last command was refused.
    pub error: Option<String>,
}

impl AiCases {
    pub fn apply(&mut self, command: &AiCaseCommand, spec: &AiCasesSpec) {
        let AiCaseCommand::Choose {
            case,
            topic,
            option,
        } = *command;
        let Some(c) = spec.cases.get(case) else {
            self.error = Some(format!("There is no case {}.", case + 1));
            return;
        };
        if option >= c.question(topic).options.len() {
            self.error = Some(format!(
                "{} has no option {} for {}.",
                c.title,
                option + 1,
                topic.label().to_lowercase()
            ));
            return;
        }
        if self.choices.len() < spec.cases.len() {
            self.choices.resize(spec.cases.len(), [None; 3]);
        }
        let slot = &mut self.choices[case][topic.index()];
        if slot.is_some_and(|o| o != option) {
            self.changed += 1;
        }
        *slot = Some(option);
        self.error = None;
    }

    /// The option picked for `topic` of `case`.
    pub fn choice(&self, case: usize, topic: Topic) -> Option<usize> {
        self.choices.get(case).and_then(|c| c[topic.index()])
    }

    /// All three topics of `case` have a choice.
    pub fn decided(&self, case: usize) -> bool {
        self.choices
            .get(case)
            .is_some_and(|c| c.iter().all(Option::is_some))
    }

    pub fn decided_count(&self) -> usize {
        (0..self.choices.len()).filter(|&c| self.decided(c)).count()
    }

    /// The first case not decided yet.
    pub fn next_open(&self, spec: &AiCasesSpec) -> Option<usize> {
        (0..spec.cases.len()).find(|&c| !self.decided(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::innovation::cloud::bundled_cloud;

    fn spec() -> AiCasesSpec {
        bundled_cloud().expect("bundled innovation.ron").ai_cases
    }

    #[test]
    fn a_case_is_decided_when_all_three_topics_are_chosen() {
        let spec = spec();
        let mut cases = AiCases::default();
        assert_eq!(cases.next_open(&spec), Some(0));
        for (n, topic) in Topic::ALL.into_iter().enumerate() {
            assert!(!cases.decided(1));
            cases.apply(
                &AiCaseCommand::Choose {
                    case: 1,
                    topic,
                    option: n % 2,
                },
                &spec,
            );
            assert_eq!(cases.error, None);
        }
        assert!(cases.decided(1) && !cases.decided(0));
        assert_eq!(cases.decided_count(), 1);
        assert_eq!(cases.choice(1, Topic::Credit), Some(1));
        // Changing a mind is recorded, choosing the same again is not.
        cases.apply(
            &AiCaseCommand::Choose {
                case: 1,
                topic: Topic::Credit,
                option: 0,
            },
            &spec,
        );
        cases.apply(
            &AiCaseCommand::Choose {
                case: 1,
                topic: Topic::Credit,
                option: 0,
            },
            &spec,
        );
        assert_eq!(cases.changed, 1);
        assert_eq!(cases.choice(1, Topic::Credit), Some(0));
    }

    #[test]
    fn impossible_choices_are_refused() {
        let spec = spec();
        let mut cases = AiCases::default();
        cases.apply(
            &AiCaseCommand::Choose {
                case: 7,
                topic: Topic::Jobs,
                option: 0,
            },
            &spec,
        );
        assert!(
            cases
                .error
                .as_deref()
                .is_some_and(|e| e.contains("no case 8"))
        );
        cases.apply(
            &AiCaseCommand::Choose {
                case: 0,
                topic: Topic::Jobs,
                option: 9,
            },
            &spec,
        );
        assert!(
            cases
                .error
                .as_deref()
                .is_some_and(|e| e.contains("no option 10"))
        );
        assert_eq!(cases.decided_count(), 0);
    }

    #[test]
    fn the_bundled_cases_are_valid_and_bad_ones_are_named() {
        let spec = spec();
        let mut errors = Vec::new();
        spec.validate(&mut errors);
        assert_eq!(errors, Vec::<String>::new());
        let ids: Vec<&str> = spec.cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["digital-double", "cloned-voice", "ai-background"]);
        assert!(spec.intro.contains("350"));
        let mut bad = spec.clone();
        bad.cases[1].credit.options.truncate(1);
        bad.cases[2].discuss = " ".into();
        bad.cases.push(bad.cases[0].clone());
        let mut errors = Vec::new();
        bad.validate(&mut errors);
        let all = errors.join("\n");
        for expected in [
            "ai_cases.cases[1].credit.options: give 2 to 4",
            "ai_cases.cases[2].discuss must not be empty",
            "expected 3 cases",
            "ai_cases.cases[3]: id 'digital-double' is used twice",
        ] {
            assert!(all.contains(expected), "{expected}: {all}");
        }
    }
}
