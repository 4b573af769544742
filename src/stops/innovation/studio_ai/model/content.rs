//! The "AI in the studio" cases, as written in `assets/innovation.ron` under `ai_cases`: for
//! each use of AI, what the production could do about consent, credit and jobs, what each
//! choice leads to, and what real productions and unions argue. The checks RON cannot make.

use serde::{Deserialize, Serialize};

/// Cases the lesson table counts (`assets/lessons.ron`, task "ai-cases").
pub const CASE_COUNT: usize = 3;

/// The three things decided for every case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Topic {
    Consent,
    Credit,
    Jobs,
}

impl Topic {
    pub const ALL: [Topic; 3] = [Topic::Consent, Topic::Credit, Topic::Jobs];

    pub fn label(self) -> &'static str {
        match self {
            Topic::Consent => "Consent",
            Topic::Credit => "Credit",
            Topic::Jobs => "Jobs",
        }
    }

    pub fn index(self) -> usize {
        match self {
            Topic::Consent => 0,
            Topic::Credit => 1,
            Topic::Jobs => 2,
        }
    }
}

/// The `ai_cases` part of `assets/innovation.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AiCasesSpec {
    /// The facts the cases rest on, shown above them.
    pub intro: String,
    pub cases: Vec<AiCase>,
}

/// One use of AI in a production.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AiCase {
    pub id: String,
    pub title: String,
    /// What the production wants to do, in two or three sentences.
    pub situation: String,
    pub consent: AiQuestion,
    pub credit: AiQuestion,
    pub jobs: AiQuestion,
    /// What real productions and unions argue, shown once all three are chosen.
    pub real_world: String,
    /// A question for the class, large in presenter mode.
    pub discuss: String,
}

/// One decision and its options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AiQuestion {
    pub prompt: String,
    pub options: Vec<AiOption>,
}

/// A choice and what follows from it (no choice is marked right: the cases are discussed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AiOption {
    pub choice: String,
    pub consequence: String,
}

impl AiCase {
    pub fn question(&self, topic: Topic) -> &AiQuestion {
        match topic {
            Topic::Consent => &self.consent,
            Topic::Credit => &self.credit,
            Topic::Jobs => &self.jobs,
        }
    }
}

impl AiCasesSpec {
    /// Everything RON cannot check, one message per problem.
    pub fn validate(&self, errors: &mut Vec<String>) {
        if self.intro.trim().is_empty() {
            errors.push("ai_cases.intro must not be empty".into());
        }
        if self.cases.len() != CASE_COUNT {
            errors.push(format!(
                "ai_cases.cases: expected {CASE_COUNT} cases (the lesson table counts {CASE_COUNT}), got {}",
                self.cases.len()
            ));
        }
        for (i, case) in self.cases.iter().enumerate() {
            let at = format!("ai_cases.cases[{i}]");
            for (field, text) in [
                ("id", &case.id),
                ("title", &case.title),
                ("situation", &case.situation),
                ("real_world", &case.real_world),
                ("discuss", &case.discuss),
            ] {
                if text.trim().is_empty() {
                    errors.push(format!("{at}.{field} must not be empty"));
                }
            }
            if self.cases[..i].iter().any(|c| c.id == case.id) {
                errors.push(format!("{at}: id '{}' is used twice", case.id));
            }
            for topic in Topic::ALL {
                let field = topic.label().to_lowercase();
                let q = case.question(topic);
                if q.prompt.trim().is_empty() {
                    errors.push(format!("{at}.{field}.prompt must not be empty"));
                }
                if !(2..=4).contains(&q.options.len()) {
                    errors.push(format!(
                        "{at}.{field}.options: give 2 to 4 options, got {}",
                        q.options.len()
                    ));
                }
                for (j, o) in q.options.iter().enumerate() {
                    if o.choice.trim().is_empty() || o.consequence.trim().is_empty() {
                        errors.push(format!(
                            "{at}.{field}.options[{j}]: choice and consequence must not be empty"
                        ));
                    }
                }
            }
        }
    }
}
