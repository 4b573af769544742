//! The "AI in the studio" cases' pure model: content and the student's recorded decisions.
//! No Bevy.

mod cases;
mod content;

pub use cases::{AiCaseCommand, AiCases};
pub use content::{AiCase, AiCasesSpec, AiOption, AiQuestion, CASE_COUNT, Topic};
