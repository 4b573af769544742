//! The taste lab's content, as written in `assets/innovation.ron` under `taste`: the moods a
//! student can give a shot, with the checks RON cannot make.

use serde::{Deserialize, Serialize};

use crate::stops::innovation::concept::PromptMood;

/// Fewest and most moods: two make a choice, more than four crowd the screen.
pub const MIN_MOODS: usize = 2;
pub const MAX_MOODS: usize = 4;

/// The `taste` part of `assets/innovation.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TasteSpec {
    /// The moods a student can feel in a shot, in the order the buttons show them.
    pub moods: Vec<MoodSpec>,
}

/// One mood a shot can be labelled with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoodSpec {
    /// Short identifier ("calm").
    pub id: String,
    /// The button's word ("Calm").
    pub label: String,
    /// A symbol shown beside the word, so a mood never depends on colour alone.
    pub icon: String,
    /// The concept generator's moods whose shots usually feel like this: the shot set is drawn
    /// from them, so every mood has shots to find, and "Show me" labels by them.
    pub feels_like: Vec<PromptMood>,
}

impl TasteSpec {
    /// Everything RON cannot check, one message per problem.
    pub fn validate(&self, errors: &mut Vec<String>) {
        let n = self.moods.len();
        if !(MIN_MOODS..=MAX_MOODS).contains(&n) {
            errors.push(format!(
                "taste.moods: list {MIN_MOODS} to {MAX_MOODS} moods, got {n}"
            ));
        }
        for (i, m) in self.moods.iter().enumerate() {
            for (field, text) in [("id", &m.id), ("label", &m.label), ("icon", &m.icon)] {
                if text.trim().is_empty() {
                    errors.push(format!("taste.moods[{i}].{field} must not be empty"));
                }
            }
            if m.icon.chars().count() > 2 {
                errors.push(format!(
                    "taste.moods[{i}].icon: one symbol, got \"{}\"",
                    m.icon
                ));
            }
            if self.moods[..i].iter().any(|other| other.id == m.id) {
                errors.push(format!("taste.moods[{i}]: id '{}' is used twice", m.id));
            }
            if m.feels_like.is_empty() {
                errors.push(format!(
                    "taste.moods[{i}].feels_like: name at least one generator mood (Hopeful, Tense, Eerie, Epic, Playful)"
                ));
            }
            for mood in &m.feels_like {
                if self.moods[..i].iter().any(|o| o.feels_like.contains(mood)) {
                    errors.push(format!(
                        "taste.moods[{i}].feels_like: {mood:?} already belongs to another mood"
                    ));
                }
            }
        }
    }

    /// The mood's label with its icon: "♦ Tense".
    pub fn mood_name(&self, mood: usize) -> String {
        self.moods
            .get(mood)
            .map(|m| format!("{} {}", m.icon, m.label))
            .unwrap_or_else(|| "?".to_string())
    }
}
