//! Reading a free-text prompt: the words the generator knows, the little words it skips, and
//! a report of what each word set, what was assumed and what was ignored.

use super::prompt::{ConceptPrompt, Palette, PromptMood, Setting};
use crate::stage::model::scene::TimeOfDay;
use serde::{Deserialize, Serialize};

/// What one known word means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Meaning {
    Setting(Setting),
    Mood(PromptMood),
    Time(TimeOfDay),
    Palette(Palette),
}

impl Meaning {
    fn kind(self) -> &'static str {
        match self {
            Meaning::Setting(_) => "setting",
            Meaning::Mood(_) => "mood",
            Meaning::Time(_) => "time",
            Meaning::Palette(_) => "palette",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Meaning::Setting(s) => s.label(),
            Meaning::Mood(m) => m.label(),
            Meaning::Time(t) => t.label(),
            Meaning::Palette(p) => p.label(),
        }
    }
}

/// Every word the generator knows. Plurals ending in "s" are found through their singular.
const VOCABULARY: &[(&str, Meaning)] = &[
    // Settings.
    ("city", Meaning::Setting(Setting::City)),
    ("street", Meaning::Setting(Setting::City)),
    ("tokyo", Meaning::Setting(Setting::City)),
    ("urban", Meaning::Setting(Setting::City)),
    ("skyline", Meaning::Setting(Setting::City)),
    ("downtown", Meaning::Setting(Setting::City)),
    ("metropolis", Meaning::Setting(Setting::City)),
    ("town", Meaning::Setting(Setting::City)),
    ("alien", Meaning::Setting(Setting::AlienWorld)),
    ("planet", Meaning::Setting(Setting::AlienWorld)),
    ("space", Meaning::Setting(Setting::AlienWorld)),
    ("exoplanet", Meaning::Setting(Setting::AlienWorld)),
    ("galaxy", Meaning::Setting(Setting::AlienWorld)),
    ("extraterrestrial", Meaning::Setting(Setting::AlienWorld)),
    ("arctic", Meaning::Setting(Setting::Arctic)),
    ("ice", Meaning::Setting(Setting::Arctic)),
    ("icy", Meaning::Setting(Setting::Arctic)),
    ("snow", Meaning::Setting(Setting::Arctic)),
    ("snowy", Meaning::Setting(Setting::Arctic)),
    ("polar", Meaning::Setting(Setting::Arctic)),
    ("frozen", Meaning::Setting(Setting::Arctic)),
    ("glacier", Meaning::Setting(Setting::Arctic)),
    ("iceberg", Meaning::Setting(Setting::Arctic)),
    ("tundra", Meaning::Setting(Setting::Arctic)),
    ("desert", Meaning::Setting(Setting::Desert)),
    ("canyon", Meaning::Setting(Setting::Desert)),
    ("sand", Meaning::Setting(Setting::Desert)),
    ("sandy", Meaning::Setting(Setting::Desert)),
    ("dune", Meaning::Setting(Setting::Desert)),
    ("mesa", Meaning::Setting(Setting::Desert)),
    // Times of day.
    ("dawn", Meaning::Time(TimeOfDay::Dawn)),
    ("sunrise", Meaning::Time(TimeOfDay::Dawn)),
    ("morning", Meaning::Time(TimeOfDay::Dawn)),
    ("daybreak", Meaning::Time(TimeOfDay::Dawn)),
    ("noon", Meaning::Time(TimeOfDay::Noon)),
    ("day", Meaning::Time(TimeOfDay::Noon)),
    ("daytime", Meaning::Time(TimeOfDay::Noon)),
    ("midday", Meaning::Time(TimeOfDay::Noon)),
    ("afternoon", Meaning::Time(TimeOfDay::Noon)),
    ("dusk", Meaning::Time(TimeOfDay::Dusk)),
    ("sunset", Meaning::Time(TimeOfDay::Dusk)),
    ("evening", Meaning::Time(TimeOfDay::Dusk)),
    ("twilight", Meaning::Time(TimeOfDay::Dusk)),
    ("night", Meaning::Time(TimeOfDay::Night)),
    ("nighttime", Meaning::Time(TimeOfDay::Night)),
    ("midnight", Meaning::Time(TimeOfDay::Night)),
    // Moods.
    ("hopeful", Meaning::Mood(PromptMood::Hopeful)),
    ("hope", Meaning::Mood(PromptMood::Hopeful)),
    ("uplifting", Meaning::Mood(PromptMood::Hopeful)),
    ("optimistic", Meaning::Mood(PromptMood::Hopeful)),
    ("peaceful", Meaning::Mood(PromptMood::Hopeful)),
    ("calm", Meaning::Mood(PromptMood::Hopeful)),
    ("tense", Meaning::Mood(PromptMood::Tense)),
    ("tension", Meaning::Mood(PromptMood::Tense)),
    ("suspense", Meaning::Mood(PromptMood::Tense)),
    ("suspenseful", Meaning::Mood(PromptMood::Tense)),
    ("thriller", Meaning::Mood(PromptMood::Tense)),
    ("danger", Meaning::Mood(PromptMood::Tense)),
    ("dangerous", Meaning::Mood(PromptMood::Tense)),
    ("chase", Meaning::Mood(PromptMood::Tense)),
    ("eerie", Meaning::Mood(PromptMood::Eerie)),
    ("creepy", Meaning::Mood(PromptMood::Eerie)),
    ("spooky", Meaning::Mood(PromptMood::Eerie)),
    ("mysterious", Meaning::Mood(PromptMood::Eerie)),
    ("mystery", Meaning::Mood(PromptMood::Eerie)),
    ("haunted", Meaning::Mood(PromptMood::Eerie)),
    ("ghostly", Meaning::Mood(PromptMood::Eerie)),
    ("strange", Meaning::Mood(PromptMood::Eerie)),
    ("epic", Meaning::Mood(PromptMood::Epic)),
    ("heroic", Meaning::Mood(PromptMood::Epic)),
    ("grand", Meaning::Mood(PromptMood::Epic)),
    ("majestic", Meaning::Mood(PromptMood::Epic)),
    ("vast", Meaning::Mood(PromptMood::Epic)),
    ("massive", Meaning::Mood(PromptMood::Epic)),
    ("battle", Meaning::Mood(PromptMood::Epic)),
    ("playful", Meaning::Mood(PromptMood::Playful)),
    ("fun", Meaning::Mood(PromptMood::Playful)),
    ("funny", Meaning::Mood(PromptMood::Playful)),
    ("silly", Meaning::Mood(PromptMood::Playful)),
    ("cheerful", Meaning::Mood(PromptMood::Playful)),
    ("happy", Meaning::Mood(PromptMood::Playful)),
    ("joyful", Meaning::Mood(PromptMood::Playful)),
    // Palettes.
    ("natural", Meaning::Palette(Palette::Natural)),
    ("realistic", Meaning::Palette(Palette::Natural)),
    ("warm", Meaning::Palette(Palette::Warm)),
    ("golden", Meaning::Palette(Palette::Warm)),
    ("amber", Meaning::Palette(Palette::Warm)),
    ("orange", Meaning::Palette(Palette::Warm)),
    ("cool", Meaning::Palette(Palette::Cool)),
    ("cold", Meaning::Palette(Palette::Cool)),
    ("blue", Meaning::Palette(Palette::Cool)),
    ("teal", Meaning::Palette(Palette::Cool)),
    ("neon", Meaning::Palette(Palette::Neon)),
    ("cyberpunk", Meaning::Palette(Palette::Neon)),
    ("pink", Meaning::Palette(Palette::Neon)),
    ("purple", Meaning::Palette(Palette::Neon)),
    ("electric", Meaning::Palette(Palette::Neon)),
    ("monochrome", Meaning::Palette(Palette::Monochrome)),
    ("black", Meaning::Palette(Palette::Monochrome)),
    ("white", Meaning::Palette(Palette::Monochrome)),
    ("grey", Meaning::Palette(Palette::Monochrome)),
    ("gray", Meaning::Palette(Palette::Monochrome)),
    ("noir", Meaning::Palette(Palette::Monochrome)),
];

/// Little words that carry no meaning for the generator; skipped without a report.
const FILLER: &[&str] = &[
    "a", "an", "the", "in", "at", "of", "on", "with", "and", "by", "under", "over", "to", "for",
    "is", "it", "its", "very", "some", "full", "colour", "colours", "color", "colors", "coloured",
    "colored", "palette", "tone", "tones", "light", "lighting", "lit", "scene", "shot", "trailer",
    "look", "mood", "feel", "time", "during", "world", "sky", "sea",
];

fn lookup(word: &str) -> Option<Meaning> {
    let find = |w: &str| {
        VOCABULARY
            .iter()
            .find(|(known, _)| *known == w)
            .map(|(_, m)| *m)
    };
    find(word).or_else(|| word.strip_suffix('s').and_then(find))
}

/// A prompt as the generator read it: the result plus everything a student should see about
/// how each word was used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PromptReading {
    pub prompt: ConceptPrompt,
    /// Known words and what they set: ("canyon", "setting: Desert canyon").
    pub understood: Vec<(String, String)>,
    /// Parts the prompt did not mention, filled with a default: "mood: Hopeful".
    pub assumed: Vec<String>,
    /// Words not used, with the reason.
    pub ignored: Vec<String>,
}

impl PromptReading {
    /// One line per word or default, in the order: understood, assumed, ignored.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .understood
            .iter()
            .map(|(word, meaning)| format!("understood: '{word}' means {meaning}"))
            .collect();
        lines.extend(self.assumed.iter().map(|a| format!("assumed: {a}")));
        lines.extend(self.ignored.iter().map(|i| format!("ignored: {i}")));
        lines
    }
}

/// Reads a free-text prompt. The first word for each part wins; later words for the same part
/// that disagree are ignored and reported. A prompt with no setting word is an error, since
/// there is no scene to start from.
pub fn read_prompt(text: &str, seed: u64) -> Result<PromptReading, String> {
    let mut setting: Option<(Setting, String)> = None;
    let mut mood: Option<(PromptMood, String)> = None;
    let mut time: Option<(TimeOfDay, String)> = None;
    let mut palette: Option<(Palette, String)> = None;
    let mut understood = Vec::new();
    let mut ignored = Vec::new();

    let lower = text.to_lowercase();
    for word in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let Some(meaning) = lookup(word) else {
            if !FILLER.contains(&word) {
                ignored.push(format!("'{word}': not a word this generator knows"));
            }
            continue;
        };
        // The earlier word for the same part, if it meant something else.
        let clash: Option<(&'static str, &str)> = match meaning {
            Meaning::Setting(s) => take(&mut setting, s, word),
            Meaning::Mood(m) => take(&mut mood, m, word),
            Meaning::Time(t) => take(&mut time, t, word),
            Meaning::Palette(p) => take(&mut palette, p, word),
        };
        match clash {
            None => understood.push((
                word.to_string(),
                format!("{}: {}", meaning.kind(), meaning.label()),
            )),
            Some((label, first)) => ignored.push(format!(
                "'{word}': the {} was already set to {label} by '{first}'",
                meaning.kind()
            )),
        }
    }

    let Some((setting, _)) = setting else {
        return Err(if lower.trim().is_empty() {
            "The prompt is empty. Describe a place, for example: \"a tense desert canyon at dusk in warm colours\".".to_string()
        } else {
            "The prompt needs a place to start from. Name one: a city (street, Tokyo), an alien planet (alien, space), the Arctic (ice, snow, polar) or a desert (canyon, sand).".to_string()
        });
    };
    let mut assumed = Vec::new();
    let mood = mood.map(|(m, _)| m).unwrap_or_else(|| {
        assumed.push("mood: Hopeful (no mood word such as tense, eerie, epic or playful)".into());
        PromptMood::Hopeful
    });
    let time = time.map(|(t, _)| t).unwrap_or_else(|| {
        assumed.push("time: Noon (no time word such as dawn, dusk or night)".into());
        TimeOfDay::Noon
    });
    let palette = palette.map(|(p, _)| p).unwrap_or_else(|| {
        assumed.push(
            "palette: Natural (no colour word such as warm, cool, neon or monochrome)".into(),
        );
        Palette::Natural
    });
    Ok(PromptReading {
        prompt: ConceptPrompt {
            setting,
            mood,
            time,
            palette,
            seed,
        },
        understood,
        assumed,
        ignored,
    })
}

/// Stores `value` if the slot is empty; if it already holds a different value, returns that
/// value's label and the word that set it.
fn take<'a, T: Copy + PartialEq + Labelled>(
    slot: &'a mut Option<(T, String)>,
    value: T,
    word: &str,
) -> Option<(&'static str, &'a str)> {
    match slot {
        None => {
            *slot = Some((value, word.to_string()));
            None
        }
        Some((held, first)) if *held != value => Some((held.label_str(), first.as_str())),
        Some(_) => None,
    }
}

/// A value with a label, for the clash report.
trait Labelled {
    fn label_str(&self) -> &'static str;
}

impl Labelled for Setting {
    fn label_str(&self) -> &'static str {
        self.label()
    }
}

impl Labelled for PromptMood {
    fn label_str(&self) -> &'static str {
        self.label()
    }
}

impl Labelled for TimeOfDay {
    fn label_str(&self) -> &'static str {
        self.label()
    }
}

impl Labelled for Palette {
    fn label_str(&self) -> &'static str {
        self.label()
    }
}

/// Reads a prompt; the lines are [`PromptReading::lines`]: the words understood, the parts
/// assumed, and the words ignored, each marked.
pub fn parse_prompt(text: &str, seed: u64) -> Result<(ConceptPrompt, Vec<String>), String> {
    read_prompt(text, seed).map(|r| {
        let lines = r.lines();
        (r.prompt, lines)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::innovation::concept::test_support::read;

    #[test]
    fn parses_the_example_prompt() {
        let r = read("a tense desert canyon at dusk in warm colours");
        assert_eq!(
            r.prompt,
            ConceptPrompt {
                setting: Setting::Desert,
                mood: PromptMood::Tense,
                time: TimeOfDay::Dusk,
                palette: Palette::Warm,
                seed: 1,
            }
        );
        assert!(r.assumed.is_empty() && r.ignored.is_empty(), "{r:?}");
        let words: Vec<&str> = r.understood.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["tense", "desert", "canyon", "dusk", "warm"]);
        let (p, lines) = match parse_prompt("A TENSE Desert, canyon! At dusk; warm.", 1) {
            Ok(x) => x,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(p, r.prompt);
        assert!(
            lines.contains(&"understood: 'canyon' means setting: Desert canyon".to_string()),
            "{lines:?}"
        );
    }

    #[test]
    fn synonyms() {
        let cases: &[(&str, Setting)] = &[
            ("city", Setting::City),
            ("streets", Setting::City),
            ("tokyo", Setting::City),
            ("neon city", Setting::City),
            ("alien", Setting::AlienWorld),
            ("planet", Setting::AlienWorld),
            ("space", Setting::AlienWorld),
            ("arctic", Setting::Arctic),
            ("ice", Setting::Arctic),
            ("snow", Setting::Arctic),
            ("polar", Setting::Arctic),
            ("desert", Setting::Desert),
            ("canyons", Setting::Desert),
            ("sand", Setting::Desert),
        ];
        for (text, setting) in cases {
            assert_eq!(read(text).prompt.setting, *setting, "{text}");
        }
        for (word, time) in [
            ("dawn", TimeOfDay::Dawn),
            ("sunrise", TimeOfDay::Dawn),
            ("noon", TimeOfDay::Noon),
            ("day", TimeOfDay::Noon),
            ("dusk", TimeOfDay::Dusk),
            ("sunset", TimeOfDay::Dusk),
            ("night", TimeOfDay::Night),
        ] {
            assert_eq!(read(&format!("city at {word}")).prompt.time, time, "{word}");
        }
        for (word, mood) in [
            ("hopeful", PromptMood::Hopeful),
            ("suspenseful", PromptMood::Tense),
            ("spooky", PromptMood::Eerie),
            ("epic", PromptMood::Epic),
            ("playful", PromptMood::Playful),
        ] {
            assert_eq!(read(&format!("{word} desert")).prompt.mood, mood, "{word}");
        }
        for (word, palette) in [
            ("golden", Palette::Warm),
            ("blue", Palette::Cool),
            ("neon", Palette::Neon),
            ("noir", Palette::Monochrome),
            ("realistic", Palette::Natural),
        ] {
            assert_eq!(
                read(&format!("{word} planet")).prompt.palette,
                palette,
                "{word}"
            );
        }
        // "neon city" names the place and the look at once.
        assert_eq!(read("neon city").prompt.palette, Palette::Neon);
    }

    #[test]
    fn missing_parts_are_assumed_and_unknown_words_reported() {
        let r = read("a spooky polar night with banana vibes");
        assert_eq!(r.prompt.setting, Setting::Arctic);
        assert_eq!(r.prompt.mood, PromptMood::Eerie);
        assert_eq!(r.prompt.time, TimeOfDay::Night);
        assert_eq!(r.prompt.palette, Palette::Natural);
        assert_eq!(r.assumed.len(), 1);
        assert!(r.assumed[0].starts_with("palette: Natural"));
        assert_eq!(r.ignored.len(), 2, "{:?}", r.ignored);
        assert!(r.ignored[0].contains("'banana'") && r.ignored[1].contains("'vibes'"));
        // "a", "with" are filler: not reported.
        assert!(!r.lines().iter().any(|l| l.contains("'with'")));

        let r = read("desert");
        assert_eq!(r.prompt.mood, PromptMood::Hopeful);
        assert_eq!(r.prompt.time, TimeOfDay::Noon);
        assert_eq!(r.assumed.len(), 3);
        assert!(
            r.lines()
                .iter()
                .filter(|l| l.starts_with("assumed: "))
                .count()
                == 3
        );

        // The first word for a part wins; a clash is reported.
        let r = read("desert city at dawn, no, night");
        assert_eq!(r.prompt.setting, Setting::Desert);
        assert_eq!(r.prompt.time, TimeOfDay::Dawn);
        assert!(
            r.ignored
                .iter()
                .any(|i| i.contains("'city'")
                    && i.contains("already set to Desert canyon by 'desert'")),
            "{:?}",
            r.ignored
        );
        assert!(r.ignored.iter().any(|i| i.contains("'night'")));
        // Two words for the same thing are both understood.
        assert_eq!(read("desert canyon").understood.len(), 2);
    }

    #[test]
    fn no_setting_is_an_error() {
        for text in ["a tense scene at dusk", "banana", "", "   "] {
            let err = read_prompt(text, 1).expect_err(text);
            assert!(err.contains("desert") || err.contains("empty"), "{err}");
        }
        let err = read_prompt("epic battle at sunset", 1).expect_err("no place");
        assert!(
            err.contains("city") && err.contains("alien") && err.contains("Arctic"),
            "{err}"
        );
    }
}
