//! What a student asks the concept generator for: a setting, a mood, a time of day, a palette
//! and a seed, and the sentence that reads back to the same prompt.

use super::fnv::Fnv1a;
use crate::stage::model::scene::TimeOfDay;
use serde::{Deserialize, Serialize};

/// Where the trailer takes place: one of the four bundled Stop 2 scenes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Setting {
    /// `tokyo`
    City,
    /// `alien_planet`
    AlienWorld,
    /// `arctic`
    Arctic,
    /// `desert_canyon`
    Desert,
}

/// The feeling the trailer should give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PromptMood {
    Hopeful,
    Tense,
    Eerie,
    Epic,
    Playful,
}

/// The colour look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Palette {
    Natural,
    Warm,
    Cool,
    Neon,
    Monochrome,
}

impl Setting {
    pub const ALL: [Setting; 4] = [
        Setting::City,
        Setting::AlienWorld,
        Setting::Arctic,
        Setting::Desert,
    ];

    /// The [`SceneDescription::name`](crate::stage::model::scene::SceneDescription::name) of the Stop 2 scene this setting starts from.
    pub fn scene_name(self) -> &'static str {
        match self {
            Setting::City => "tokyo",
            Setting::AlienWorld => "alien_planet",
            Setting::Arctic => "arctic",
            Setting::Desert => "desert_canyon",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Setting::City => "City",
            Setting::AlienWorld => "Alien planet",
            Setting::Arctic => "Arctic",
            Setting::Desert => "Desert canyon",
        }
    }

    /// Words for a prompt sentence, all known to [`parse_prompt`](super::parse_prompt) (or filler).
    pub(super) fn prompt_words(self) -> &'static str {
        match self {
            Setting::City => "city skyline",
            Setting::AlienWorld => "alien planet",
            Setting::Arctic => "icy arctic sea",
            Setting::Desert => "desert canyon",
        }
    }

    /// Words for titles ("Desert canyon").
    pub(super) fn title_words(self) -> &'static str {
        match self {
            Setting::City => "City skyline",
            Setting::AlienWorld => "Alien planet",
            Setting::Arctic => "Arctic",
            Setting::Desert => "Desert canyon",
        }
    }
}

impl PromptMood {
    pub const ALL: [PromptMood; 5] = [
        PromptMood::Hopeful,
        PromptMood::Tense,
        PromptMood::Eerie,
        PromptMood::Epic,
        PromptMood::Playful,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PromptMood::Hopeful => "Hopeful",
            PromptMood::Tense => "Tense",
            PromptMood::Eerie => "Eerie",
            PromptMood::Epic => "Epic",
            PromptMood::Playful => "Playful",
        }
    }

    /// The camera move this mood asks for, in words.
    pub fn camera_move(self) -> &'static str {
        match self {
            PromptMood::Hopeful => "a gentle rise towards the light",
            PromptMood::Tense => "a low, fast push forward",
            PromptMood::Eerie => "a slow sideways drift",
            PromptMood::Epic => "a rising crane shot",
            PromptMood::Playful => "an orbit around the scene",
        }
    }
}

impl Palette {
    pub const ALL: [Palette; 5] = [
        Palette::Natural,
        Palette::Warm,
        Palette::Cool,
        Palette::Neon,
        Palette::Monochrome,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Palette::Natural => "Natural",
            Palette::Warm => "Warm",
            Palette::Cool => "Cool",
            Palette::Neon => "Neon",
            Palette::Monochrome => "Monochrome",
        }
    }
}

/// What the student asked for, in the generator's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConceptPrompt {
    pub setting: Setting,
    pub mood: PromptMood,
    pub time: TimeOfDay,
    pub palette: Palette,
    /// Any number: change it for a different take on the same prompt.
    pub seed: u64,
}

impl ConceptPrompt {
    /// The prompt as a sentence that [`parse_prompt`](super::parse_prompt) reads back to the same prompt:
    /// "A tense desert canyon at dusk in warm colours."
    pub fn to_text(&self) -> String {
        let mood = self.mood.label().to_lowercase();
        let article = if mood.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "An"
        } else {
            "A"
        };
        let colours = match self.palette {
            Palette::Monochrome => "in monochrome".to_string(),
            p => format!("in {} colours", p.label().to_lowercase()),
        };
        format!(
            "{article} {mood} {} at {} {colours}.",
            self.setting.prompt_words(),
            self.time.label().to_lowercase()
        )
    }

    /// Where all the bits of the prompt go into the layout seed.
    pub(super) fn hash_with(&self, scene_seed: u64) -> u64 {
        let mut h = Fnv1a::default();
        h.write(&scene_seed.to_le_bytes());
        h.write(&[
            index_of(&Setting::ALL, self.setting),
            index_of(&PromptMood::ALL, self.mood),
            index_of(&TimeOfDay::ALL, self.time),
            index_of(&Palette::ALL, self.palette),
        ]);
        h.write(&self.seed.to_le_bytes());
        h.finish()
    }
}

/// Position of `value` in `all` as a byte (every list here is short).
fn index_of<T: PartialEq>(all: &[T], value: T) -> u8 {
    all.iter()
        .position(|v| *v == value)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::innovation::concept::read_prompt;
    use crate::stops::innovation::concept::test_support::prompt;

    #[test]
    fn to_text_reads_back() {
        for setting in Setting::ALL {
            for mood in PromptMood::ALL {
                for time in TimeOfDay::ALL {
                    for palette in Palette::ALL {
                        let p = ConceptPrompt {
                            seed: 99,
                            ..prompt(setting, mood, time, palette)
                        };
                        let text = p.to_text();
                        let r = match read_prompt(&text, 99) {
                            Ok(r) => r,
                            Err(e) => panic!("{text}: {e}"),
                        };
                        assert_eq!(r.prompt, p, "{text}");
                        assert!(
                            r.assumed.is_empty() && r.ignored.is_empty(),
                            "{text}: {r:?}"
                        );
                    }
                }
            }
        }
        let p = prompt(
            Setting::Desert,
            PromptMood::Tense,
            TimeOfDay::Dusk,
            Palette::Warm,
        );
        assert_eq!(
            p.to_text(),
            "A tense desert canyon at dusk in warm colours."
        );
        let p = prompt(
            Setting::AlienWorld,
            PromptMood::Eerie,
            TimeOfDay::Night,
            Palette::Monochrome,
        );
        assert_eq!(p.to_text(), "An eerie alien planet at night in monochrome.");
    }
}
