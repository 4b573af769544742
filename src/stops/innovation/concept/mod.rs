//! Stop 5, "Innovation": a concept trailer from a text prompt, the way a Technical Artist
//! steers generative tools.
//!
//! Plain Rust, no Bevy. A student types a prompt such as "a tense desert canyon at dusk in
//! warm colours"; [`parse_prompt`] reads the few words it knows into a [`ConceptPrompt`], and
//! [`generate`] turns that into a [`Concept`]: one of the Stop 2 scenes (the same
//! [`SceneDescription`]s the LED wall uses, passed in by the caller, so there is no second copy
//! of the scene pipeline) restyled by the prompt, a time of day and weather, and a ~12 second
//! fly-through for the trailer camera.
//!
//! **This is not an AI model.** See [`SIMULATION_NOTE`]: it is a small set of hand-written
//! rules that imitates the *idea* of turning words into content, so students can see every
//! step and why the same prompt and seed always give the same result.
//!
//! # Determinism
//!
//! The layout seed is an FNV-1a hash (written here, because `std`'s `DefaultHasher` may change
//! between Rust releases) of the scene's own seed, every prompt field and the prompt's seed.
//! Every other random choice (the weather variant, the camera path) comes from a ChaCha8
//! generator seeded with that hash, on streams the scene builder never uses.

use glam::Vec3;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::stage::model::scene::{
    Layer, MAX_LIGHT_VALUE, Rgb, SceneDescription, TimeOfDay, Weather,
};

/// What the game tells students about this "generator", word for word.
pub const SIMULATION_NOTE: &str = "This is not an AI model. It is a rule-based procedural \
generator: a short list of hand-written rules that reads a few words of your prompt and changes \
one of the Stop 2 scenes (its sky, fog, light, weather, colours and camera path). It simulates \
the idea of turning a prompt into content. Real generative AI learns patterns from huge amounts \
of data (images, video, text) instead of following rules someone wrote. Either way, a person \
is still in charge: a Technical Artist refines the prompt, checks every result, and fixes or \
rejects what does not fit the film.";

/// Length of the trailer fly-through in seconds.
pub const TRAILER_SECONDS: f32 = 12.0;

/// Random stream for the concept's own choices (the scene builder uses streams 1 to 16).
const CHOICE_STREAM: u64 = 1_000;
/// Random stream for the camera path.
const PATH_STREAM: u64 = 1_001;

// ---------------------------------------------------------------------------------------------
// FNV-1a
// ---------------------------------------------------------------------------------------------

/// FNV-1a 64-bit offset basis (the hash of no bytes).
pub const FNV_OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a 64-bit prime.
pub const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// An FNV-1a 64-bit hasher: stable across Rust releases and platforms, so the same prompt
/// gives the same concept on every machine and in every version of the game.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(FNV_OFFSET_BASIS)
    }
}

impl Fnv1a {
    /// Mixes in bytes: for each byte, XOR then multiply by the prime.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

/// FNV-1a 64-bit hash of `bytes`.
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut h = Fnv1a::default();
    h.write(bytes);
    h.finish()
}

// ---------------------------------------------------------------------------------------------
// The prompt
// ---------------------------------------------------------------------------------------------

/// Where the trailer takes place: one of the four bundled Stop 2 scenes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PromptMood {
    Hopeful,
    Tense,
    Eerie,
    Epic,
    Playful,
}

/// The colour look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

    /// The [`SceneDescription::name`] of the Stop 2 scene this setting starts from.
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
            Setting::AlienWorld => "Alien world",
            Setting::Arctic => "Arctic",
            Setting::Desert => "Desert",
        }
    }

    /// Words for a prompt sentence, all known to [`parse_prompt`] (or filler).
    fn prompt_words(self) -> &'static str {
        match self {
            Setting::City => "city skyline",
            Setting::AlienWorld => "alien planet",
            Setting::Arctic => "icy arctic sea",
            Setting::Desert => "desert canyon",
        }
    }

    /// Words for titles ("Desert canyon").
    fn title_words(self) -> &'static str {
        match self {
            Setting::City => "City skyline",
            Setting::AlienWorld => "Alien planet",
            Setting::Arctic => "Arctic ice",
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ConceptPrompt {
    pub setting: Setting,
    pub mood: PromptMood,
    pub time: TimeOfDay,
    pub palette: Palette,
    /// Any number: change it for a different take on the same prompt.
    pub seed: u64,
}

impl ConceptPrompt {
    /// The prompt as a sentence that [`parse_prompt`] reads back to the same prompt:
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
    fn hash_with(&self, scene_seed: u64) -> u64 {
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

/// What one known word means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct PromptReading {
    pub prompt: ConceptPrompt,
    /// Known words and what they set: ("canyon", "setting: Desert").
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
            .map(|(word, meaning)| format!("understood: '{word}' → {meaning}"))
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

// ---------------------------------------------------------------------------------------------
// The concept
// ---------------------------------------------------------------------------------------------

/// One key of the trailer camera's path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FlyKey {
    /// Seconds from the start of the trailer.
    pub t: f32,
    /// Camera position, stage coordinates (metres, Y up).
    pub eye: [f32; 3],
    /// The point the camera looks at.
    pub look_at: [f32; 3],
}

/// A generated concept trailer.
#[derive(Clone, Debug, PartialEq)]
pub struct Concept {
    pub prompt: ConceptPrompt,
    /// The restyled Stop 2 scene: build it with its own `time` and `weather`.
    pub scene: SceneDescription,
    pub weather: Weather,
    pub time: TimeOfDay,
    /// 4 to 6 keys over [`TRAILER_SECONDS`]; sample with [`flythrough_at`].
    pub flythrough: Vec<FlyKey>,
    /// "Tense — Desert canyon at dusk, warm palette".
    pub shot_title: String,
    /// How each part of the prompt changed the scene, in plain words, for the Technical Artist.
    pub notes: Vec<String>,
}

/// Builds a concept from a prompt, starting from the scene in `scenes` whose name matches the
/// prompt's setting (the caller passes the bundled or loaded Stop 2 scenes). The result is
/// checked with the scene's own validator, like a teacher's file.
pub fn generate(prompt: &ConceptPrompt, scenes: &[SceneDescription]) -> Result<Concept, String> {
    let wanted = prompt.setting.scene_name();
    let base = scenes.iter().find(|s| s.name == wanted).ok_or_else(|| {
        format!(
            "The {} setting starts from the Stop 2 scene '{wanted}', which is not loaded.",
            prompt.setting.label()
        )
    })?;
    let seed = prompt.hash_with(base.seed);
    let mut choices = ChaCha8Rng::seed_from_u64(seed);
    choices.set_stream(CHOICE_STREAM);

    let mut scene = base.clone();
    let mut notes = vec![format!(
        "Setting {}: started from the Stop 2 scene \"{}\" ({wanted}.ron), built by the same generator the LED wall uses.",
        prompt.setting.label(),
        base.title
    )];

    // Mood: weather, fog, light.
    let weather = match prompt.mood {
        PromptMood::Hopeful | PromptMood::Epic | PromptMood::Playful => Weather::Clear,
        PromptMood::Tense => {
            if choices.random::<bool>() {
                Weather::Overcast
            } else {
                Weather::Haze
            }
        }
        PromptMood::Eerie => match prompt.setting {
            Setting::Arctic => Weather::Snow,
            Setting::Desert => Weather::DustStorm,
            Setting::City | Setting::AlienWorld => Weather::Haze,
        },
    };
    let look = MoodLook::of(prompt.mood);
    let (fog_before, fog_end_before) = (scene.fog.start_m, scene.fog.end_m);
    scene.fog.start_m = (scene.fog.start_m * look.fog_start).max(0.0);
    scene.fog.end_m = (scene.fog.end_m * look.fog_end).max(scene.fog.start_m + 10.0);
    scene.sun.illuminance_lux = (scene.sun.illuminance_lux * look.sun).min(200_000.0);
    scene.ambient.brightness *= look.ambient;
    scene.sky.zenith = look.grade(scene.sky.zenith);
    scene.sky.horizon = look.grade(scene.sky.horizon);
    scene.fog.color = look.grade(scene.fog.color);
    let turn = choices.random_range(-20.0..=20.0_f32).round();
    scene.sun.azimuth_deg += turn;
    let sun_move = if turn == 0.0 {
        "the sun stayed where it was".to_string()
    } else {
        let side = if turn < 0.0 { "left" } else { "right" };
        format!("the sun moved {:.0}° to the {side}", turn.abs())
    };
    notes.push(format!(
        "Mood {}: {} weather; fog moved from {:.0}–{:.0} m to {:.0}–{:.0} m ({}); {}; {sun_move}.",
        prompt.mood.label(),
        weather.label().to_lowercase(),
        fog_before,
        fog_end_before,
        scene.fog.start_m,
        scene.fog.end_m,
        if look.fog_end < 1.0 {
            "nearer, hiding the distance"
        } else {
            "further, opening up the view"
        },
        look.words
    ));

    // Time of day.
    scene.time = prompt.time;
    scene.weather = weather;

    // Palette: sky, fog, sun, ground and every surface.
    apply_palette(&mut scene, prompt.palette);
    notes.push(format!(
        "Palette {}: {}",
        prompt.palette.label(),
        palette_words(prompt.palette)
    ));
    let env = scene.apply_conditions(prompt.time, weather);
    notes.push(format!("Time of day: {}", env.describe()));

    scene.seed = seed;
    scene.name = format!("concept_{}", base.name);
    let shot_title = format!(
        "{} — {} at {}, {} palette",
        prompt.mood.label(),
        prompt.setting.title_words(),
        prompt.time.label().to_lowercase(),
        prompt.palette.label().to_lowercase()
    );
    scene.title = shot_title.clone();
    scene.blurb = format!("Concept from the prompt \"{}\"", prompt.to_text());
    notes.push(format!(
        "Seed {}: mixed with the scene and the prompt it gives layout seed {seed}; another seed rearranges the same place.",
        prompt.seed
    ));

    let flythrough = flythrough_keys(&scene, prompt.mood, env.sun_azimuth_deg, seed);
    notes.push(format!(
        "Camera: {}, {} keys over {TRAILER_SECONDS:.0} s.",
        prompt.mood.camera_move(),
        flythrough.len()
    ));

    scene
        .validate()
        .map_err(|e| format!("The generated scene failed the Stop 2 checks: {e}"))?;
    notes.push(
        "Check: the result passed the same validator that checks a teacher's scene file.".into(),
    );

    Ok(Concept {
        prompt: *prompt,
        scene,
        weather,
        time: prompt.time,
        flythrough,
        shot_title,
        notes,
    })
}

/// How a mood changes the light and fog.
struct MoodLook {
    fog_start: f32,
    fog_end: f32,
    sun: f32,
    ambient: f32,
    /// Saturation change of the sky and fog: below 0 greys them, above 0 deepens them.
    saturation: f32,
    /// A colour cast (tint, amount).
    cast: (Rgb, f32),
    words: &'static str,
}

impl MoodLook {
    fn of(mood: PromptMood) -> Self {
        match mood {
            PromptMood::Hopeful => Self {
                fog_start: 1.2,
                fog_end: 1.2,
                sun: 1.1,
                ambient: 1.1,
                saturation: 0.1,
                cast: ([1.0, 0.92, 0.75], 0.1),
                words: "a little brighter and warmer",
            },
            PromptMood::Tense => Self {
                fog_start: 0.6,
                fog_end: 0.7,
                sun: 0.85,
                ambient: 0.8,
                saturation: -0.3,
                cast: ([0.5, 0.5, 0.5], 0.0),
                words: "darker, with greyer colours",
            },
            PromptMood::Eerie => Self {
                fog_start: 0.15,
                fog_end: 0.25,
                sun: 0.7,
                ambient: 0.6,
                saturation: -0.2,
                cast: ([0.5, 0.68, 0.55], 0.25),
                words: "dim, with a sickly green cast",
            },
            PromptMood::Epic => Self {
                fog_start: 1.5,
                fog_end: 1.5,
                sun: 1.2,
                ambient: 1.0,
                saturation: 0.2,
                cast: ([0.5, 0.5, 0.5], 0.0),
                words: "brighter sun and deeper sky colours",
            },
            PromptMood::Playful => Self {
                fog_start: 1.1,
                fog_end: 1.1,
                sun: 1.0,
                ambient: 1.2,
                saturation: 0.35,
                cast: ([0.5, 0.5, 0.5], 0.0),
                words: "bright, saturated colours",
            },
        }
    }

    fn grade(&self, c: Rgb) -> Rgb {
        let (tint, amount) = self.cast;
        clamp01(mix(saturate(c, self.saturation), tint, amount))
    }
}

fn palette_words(p: Palette) -> &'static str {
    match p {
        Palette::Natural => "colours left as the scene's artist made them.",
        Palette::Warm => "sky, fog, sunlight and surfaces pushed towards orange and gold.",
        Palette::Cool => "sky, fog, sunlight and surfaces pushed towards blue.",
        Palette::Neon => {
            "a magenta and violet sky, and every glowing window, beacon and crystal made brighter."
        }
        Palette::Monochrome => {
            "every colour turned into a grey of the same brightness, like a black-and-white film."
        }
    }
}

/// Colour changes of one palette.
struct PaletteLook {
    /// Tint for the sky's zenith and horizon and for fog: (colour, amount).
    zenith: (Rgb, f32),
    horizon: (Rgb, f32),
    /// Tint for the sun and ambient light.
    light: (Rgb, f32),
    /// Tint for surfaces (ground, buildings, rocks...).
    surface: (Rgb, f32),
    /// 1 = unchanged colours, 0 = fully grey.
    saturation: f32,
    /// Multiplier for glows.
    glow: f32,
}

impl PaletteLook {
    fn of(p: Palette) -> Self {
        let none = ([0.5, 0.5, 0.5], 0.0);
        match p {
            Palette::Natural => Self {
                zenith: none,
                horizon: none,
                light: none,
                surface: none,
                saturation: 1.0,
                glow: 1.0,
            },
            Palette::Warm => {
                let warm = [1.0, 0.62, 0.32];
                Self {
                    zenith: (warm, 0.2),
                    horizon: (warm, 0.35),
                    light: (warm, 0.25),
                    surface: (warm, 0.15),
                    saturation: 1.0,
                    glow: 1.0,
                }
            }
            Palette::Cool => {
                let cool = [0.42, 0.62, 1.0];
                Self {
                    zenith: (cool, 0.3),
                    horizon: (cool, 0.3),
                    light: (cool, 0.25),
                    surface: (cool, 0.15),
                    saturation: 1.0,
                    glow: 1.0,
                }
            }
            Palette::Neon => Self {
                zenith: ([0.32, 0.05, 0.55], 0.55),
                horizon: ([1.0, 0.22, 0.72], 0.45),
                light: ([1.0, 0.45, 0.9], 0.25),
                surface: ([0.45, 0.2, 0.6], 0.12),
                saturation: 1.0,
                glow: 1.6,
            },
            Palette::Monochrome => Self {
                zenith: none,
                horizon: none,
                light: none,
                surface: none,
                saturation: 0.0,
                glow: 1.0,
            },
        }
    }

    fn apply(&self, c: Rgb, (tint, amount): (Rgb, f32)) -> Rgb {
        let tinted = mix(c, tint, amount);
        let lum = luminance(tinted);
        clamp01(mix([lum; 3], tinted, self.saturation))
    }

    /// A glow colour (may exceed 1): the same tint and saturation, keeping its strength.
    fn apply_light(&self, c: Rgb) -> Rgb {
        let peak = c[0].max(c[1]).max(c[2]);
        if peak <= 0.0 {
            return c;
        }
        let unit = c.map(|v| v / peak);
        let graded = self.apply(unit, self.surface);
        graded.map(|v| (v * peak * self.glow).clamp(0.0, MAX_LIGHT_VALUE))
    }

    fn scale_glow(&self, g: f32) -> f32 {
        (g * self.glow).clamp(0.0, MAX_LIGHT_VALUE)
    }
}

fn apply_palette(scene: &mut SceneDescription, palette: Palette) {
    let p = PaletteLook::of(palette);
    scene.sky.zenith = p.apply(scene.sky.zenith, p.zenith);
    scene.sky.horizon = p.apply(scene.sky.horizon, p.horizon);
    scene.fog.color = p.apply(scene.fog.color, p.horizon);
    scene.sun.color = p.apply(scene.sun.color, p.light);
    scene.ambient.color = p.apply(scene.ambient.color, p.light);
    scene.ground.color = p.apply(scene.ground.color, p.surface);
    let s = |c: &mut Rgb| *c = p.apply(*c, p.surface);
    for layer in &mut scene.layers {
        match layer {
            Layer::Buildings(l) => {
                l.color_palette.iter_mut().for_each(s);
                s(&mut l.overgrowth_color);
                s(&mut l.window_color);
                l.window_emissive = p.scale_glow(l.window_emissive);
            }
            Layer::Tower(l) => {
                s(&mut l.color);
                s(&mut l.band_color);
                s(&mut l.beacon_color);
                l.beacon_emissive = p.scale_glow(l.beacon_emissive);
            }
            Layer::Mountains(l) => {
                s(&mut l.color);
                s(&mut l.snow_color);
            }
            Layer::Rocks(l) => {
                s(&mut l.color);
                s(&mut l.accent_color);
                l.accent_emissive = p.scale_glow(l.accent_emissive);
            }
            Layer::Crystals(l) => {
                s(&mut l.color);
                l.emissive = p.apply_light(l.emissive);
            }
            Layer::Moons(l) => {
                l.colors.iter_mut().for_each(s);
                s(&mut l.ring_color);
                l.glow = p.scale_glow(l.glow);
            }
            Layer::Dunes(l) => s(&mut l.color),
            Layer::IceFloes(l) => s(&mut l.color),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The fly-through
// ---------------------------------------------------------------------------------------------

/// The trailer camera's keys, chosen by mood and varied by `seed`. Every key stays inside the
/// ground square (with a margin) and above the ground.
fn flythrough_keys(
    scene: &SceneDescription,
    mood: PromptMood,
    light_azimuth_deg: f32,
    seed: u64,
) -> Vec<FlyKey> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(PATH_STREAM);
    let half = 0.45 * scene.ground.size_m;
    // How far the camera roams: a few hundred metres at most, less on a small ground.
    let reach = (0.4 * half).min(300.0);
    let far = 2.0 * reach;
    let heading_deg = match mood {
        // Towards the light: the hopeful shot looks at the sun (or the moon).
        PromptMood::Hopeful => light_azimuth_deg.clamp(-70.0, 70.0),
        _ => rng.random_range(-20.0..=20.0_f32),
    };
    let h = heading_deg.to_radians();
    let forward = Vec3::new(h.sin(), 0.0, -h.cos());
    let right = Vec3::new(h.cos(), 0.0, h.sin());
    let up = Vec3::Y;
    let wobble = |rng: &mut ChaCha8Rng, size: f32| rng.random_range(-1.0..=1.0_f32) * size;

    let count: usize = match mood {
        PromptMood::Tense => 4,
        PromptMood::Playful => 6,
        _ => 5,
    };
    let mut keys = Vec::with_capacity(count);
    let phase = rng.random_range(0.0..std::f32::consts::TAU);
    for i in 0..count {
        let u = i as f32 / (count - 1) as f32;
        let (eye, look) = match mood {
            PromptMood::Epic => {
                // Rising crane: starts low near the stage and lifts high over the world.
                let eye = forward * reach * (0.05 + 0.3 * u)
                    + up * (2.0 + 0.35 * reach * u * u + wobble(&mut rng, 0.5));
                let look = forward * far + up * (0.05 * reach * u);
                (eye, look)
            }
            PromptMood::Tense => {
                // Low, fast push: close to the ground, racing forward with a little shake.
                let eye = forward * reach * 0.9 * u
                    + right * wobble(&mut rng, 0.03 * reach)
                    + up * (1.3 + wobble(&mut rng, 0.3).abs());
                let look = eye + forward * 0.5 * reach + up * 0.5;
                (eye, look)
            }
            PromptMood::Eerie => {
                // Slow drift sideways while the view creeps the other way.
                let eye = forward * reach * 0.15
                    + right * reach * (-0.1 + 0.2 * u)
                    + up * (4.0 + 0.5 * (phase + u * 3.0).sin());
                let look = forward * far * 0.6 + right * reach * (0.15 - 0.3 * u) + up * 2.0;
                (eye, look)
            }
            PromptMood::Playful => {
                // Three-quarters of an orbit around a point out in the world.
                let centre = forward * reach * 0.6;
                let angle = phase + u * 1.5 * std::f32::consts::PI;
                let radius = 0.3 * reach;
                let eye = centre
                    + Vec3::new(angle.cos(), 0.0, angle.sin()) * radius
                    + up * (3.0 + 0.08 * reach + wobble(&mut rng, 1.0));
                (eye, centre + up * 2.0)
            }
            PromptMood::Hopeful => {
                // A gentle rise and push towards the light.
                let eye = forward * reach * 0.5 * u
                    + up * (3.0 + 0.15 * reach * u + wobble(&mut rng, 0.5));
                let look = forward * far + up * (0.05 * far);
                (eye, look)
            }
        };
        keys.push(FlyKey {
            t: TRAILER_SECONDS * u,
            eye: keep_inside(eye, half, 1.0).to_array(),
            look_at: keep_inside(look, half, 0.0).to_array(),
        });
    }
    keys
}

/// Clamps a point into the ground square `[-half, half]²` and at least `min_y` above ground.
fn keep_inside(p: Vec3, half: f32, min_y: f32) -> Vec3 {
    Vec3::new(
        p.x.clamp(-half, half),
        p.y.max(min_y),
        p.z.clamp(-half, half),
    )
}

/// The camera at time `t` (seconds) on a fly-through: `(eye, look_at)`, a smooth Catmull-Rom
/// curve through the keys. The result never leaves the box the keys span (so it stays over the
/// ground and inside the scene), and `t` outside the keys holds the first or last key. With no
/// keys: a camera 2 m up at the stage centre, looking towards the wall.
pub fn flythrough_at(keys: &[FlyKey], t: f32) -> (Vec3, Vec3) {
    let (first, last) = match keys {
        [] => return (Vec3::new(0.0, 2.0, 0.0), Vec3::new(0.0, 2.0, -10.0)),
        [only] => return (Vec3::from(only.eye), Vec3::from(only.look_at)),
        [first, .., last] => (first, last),
    };
    let t = if t.is_finite() {
        t.clamp(first.t, last.t)
    } else {
        first.t
    };
    let n = keys.len();
    let i = keys[..n - 1].iter().rposition(|k| k.t <= t).unwrap_or(0);
    let span = keys[i + 1].t - keys[i].t;
    let u = if span > 0.0 {
        ((t - keys[i].t) / span).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let at = |k: usize| &keys[k.min(n - 1)];
    let before = if i == 0 { 0 } else { i - 1 };
    let curve = |get: fn(&FlyKey) -> [f32; 3]| {
        let p = [before, i, i + 1, i + 2].map(|k| Vec3::from(get(at(k))));
        let v = catmull_rom(p, u);
        let lo = keys
            .iter()
            .map(|k| Vec3::from(get(k)))
            .fold(Vec3::splat(f32::INFINITY), Vec3::min);
        let hi = keys
            .iter()
            .map(|k| Vec3::from(get(k)))
            .fold(Vec3::splat(f32::NEG_INFINITY), Vec3::max);
        v.clamp(lo, hi)
    };
    (curve(|k| k.eye), curve(|k| k.look_at))
}

/// Uniform Catmull-Rom between `p[1]` (u = 0) and `p[2]` (u = 1).
fn catmull_rom(p: [Vec3; 4], u: f32) -> Vec3 {
    let (u2, u3) = (u * u, u * u * u);
    0.5 * ((2.0 * p[1])
        + (-p[0] + p[2]) * u
        + (2.0 * p[0] - 5.0 * p[1] + 4.0 * p[2] - p[3]) * u2
        + (-p[0] + 3.0 * p[1] - 3.0 * p[2] + p[3]) * u3)
}

// ---------------------------------------------------------------------------------------------
// Colour helpers
// ---------------------------------------------------------------------------------------------

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

/// Rec. 709 relative luminance of linear RGB.
fn luminance(c: Rgb) -> f32 {
    0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
}

/// Moves a colour away from (k > 0) or towards (k < 0) the grey of the same brightness.
fn saturate(c: Rgb, k: f32) -> Rgb {
    let lum = luminance(c);
    c.map(|v| lum + (v - lum) * (1.0 + k))
}

/// Keeps a surface colour in the 0–1 range the scene validator asks for.
fn clamp01(c: Rgb) -> Rgb {
    c.map(|v| {
        if v.is_finite() {
            v.clamp(0.0, 1.0)
        } else {
            0.0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::model::scene::bundled_scenes;

    fn scenes() -> Vec<SceneDescription> {
        let scenes = bundled_scenes();
        assert_eq!(scenes.len(), 4, "all bundled Stop 2 scenes load");
        scenes
    }

    fn prompt(
        setting: Setting,
        mood: PromptMood,
        time: TimeOfDay,
        palette: Palette,
    ) -> ConceptPrompt {
        ConceptPrompt {
            setting,
            mood,
            time,
            palette,
            seed: 7,
        }
    }

    fn concept(p: &ConceptPrompt, scenes: &[SceneDescription]) -> Concept {
        match generate(p, scenes) {
            Ok(c) => c,
            Err(e) => panic!("{p:?}: {e}"),
        }
    }

    fn read(text: &str) -> PromptReading {
        match read_prompt(text, 1) {
            Ok(r) => r,
            Err(e) => panic!("{text}: {e}"),
        }
    }

    fn ron(c: &Concept) -> String {
        match c.scene.to_ron() {
            Ok(text) => text,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn fnv1a_known_vectors() {
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
        // Writing in pieces is the same as writing at once.
        let mut h = Fnv1a::default();
        h.write(b"foo");
        h.write(b"bar");
        assert_eq!(h.finish(), fnv1a_64(b"foobar"));
    }

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
            lines.contains(&"understood: 'canyon' → setting: Desert".to_string()),
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
                .any(|i| i.contains("'city'") && i.contains("already set to Desert by 'desert'")),
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

    #[test]
    fn same_prompt_and_seed_give_the_same_concept() {
        let scenes = scenes();
        let p = prompt(
            Setting::Desert,
            PromptMood::Tense,
            TimeOfDay::Dusk,
            Palette::Warm,
        );
        let a = concept(&p, &scenes);
        let b = concept(&p, &scenes);
        assert_eq!(ron(&a), ron(&b));
        assert_eq!(a.flythrough, b.flythrough);
        assert_eq!(a, b);
        assert_eq!(a.shot_title, "Tense — Desert canyon at dusk, warm palette");
        assert_eq!(a.scene.title, a.shot_title);
        // The input scenes are not touched.
        assert_eq!(scenes, bundled_scenes());
    }

    #[test]
    fn a_new_seed_or_mood_changes_the_scene() {
        let scenes = scenes();
        let p = prompt(
            Setting::City,
            PromptMood::Tense,
            TimeOfDay::Night,
            Palette::Neon,
        );
        let base = concept(&p, &scenes);
        let reseeded = concept(&ConceptPrompt { seed: 8, ..p }, &scenes);
        assert_ne!(ron(&base), ron(&reseeded));
        assert_ne!(base.flythrough, reseeded.flythrough);
        // Not only the seed field: the built layout moves.
        let build = |c: &Concept| match c.scene.build_with(c.time, c.weather) {
            Ok(b) => b
                .primitives
                .iter()
                .map(|p| p.translation)
                .collect::<Vec<_>>(),
            Err(e) => panic!("{e}"),
        };
        assert_ne!(build(&base), build(&reseeded));
        for mood in PromptMood::ALL {
            if mood != p.mood {
                let other = concept(&ConceptPrompt { mood, ..p }, &scenes);
                assert_ne!(ron(&base), ron(&other), "{mood:?}");
                assert_ne!(base.scene.fog, other.scene.fog, "{mood:?}");
            }
        }
    }

    #[test]
    fn every_combination_is_valid_and_stays_in_bounds() {
        let scenes = scenes();
        let mut seen_seeds = std::collections::BTreeSet::new();
        for setting in Setting::ALL {
            for mood in PromptMood::ALL {
                for time in TimeOfDay::ALL {
                    for palette in Palette::ALL {
                        let p = prompt(setting, mood, time, palette);
                        let c = concept(&p, &scenes);
                        assert!(c.scene.validate().is_ok());
                        assert!(seen_seeds.insert(c.scene.seed), "seed clash for {p:?}");
                        assert_eq!((c.scene.time, c.scene.weather), (c.time, c.weather));
                        assert!((4..=6).contains(&c.flythrough.len()));
                        let half = 0.5 * c.scene.ground.size_m;
                        let inside = |v: Vec3, min_y: f32| {
                            v.is_finite() && v.x.abs() <= half && v.z.abs() <= half && v.y >= min_y
                        };
                        assert_eq!(c.flythrough[0].t, 0.0);
                        assert_eq!(c.flythrough.last().map(|k| k.t), Some(TRAILER_SECONDS));
                        for pair in c.flythrough.windows(2) {
                            assert!(pair[1].t > pair[0].t);
                        }
                        for k in &c.flythrough {
                            assert!(inside(Vec3::from(k.eye), 1.0), "{p:?} {k:?}");
                            assert!(inside(Vec3::from(k.look_at), 0.0), "{p:?} {k:?}");
                        }
                        for step in 0..=48 {
                            let (eye, look) = flythrough_at(&c.flythrough, step as f32 * 0.25);
                            assert!(inside(eye, 1.0) && inside(look, 0.0), "{p:?} {eye} {look}");
                        }
                        assert!(c.notes.len() >= 5);
                    }
                }
            }
        }
    }

    #[test]
    fn concepts_build_under_their_conditions() {
        let scenes = scenes();
        for setting in Setting::ALL {
            for mood in PromptMood::ALL {
                let p = prompt(setting, mood, TimeOfDay::Dusk, Palette::Neon);
                let c = concept(&p, &scenes);
                let built = match c.scene.build_with(c.time, c.weather) {
                    Ok(b) => b,
                    Err(e) => panic!("{p:?}: {e}"),
                };
                assert!(built.primitives.len() > 1);
            }
        }
    }

    #[test]
    fn moods_shape_weather_fog_and_camera() {
        let scenes = scenes();
        let make = |setting, mood| {
            concept(
                &prompt(setting, mood, TimeOfDay::Noon, Palette::Natural),
                &scenes,
            )
        };
        for setting in Setting::ALL {
            let base = scenes
                .iter()
                .find(|s| s.name == setting.scene_name())
                .map(|s| s.fog.end_m)
                .unwrap_or(0.0);
            let eerie = make(setting, PromptMood::Eerie);
            let epic = make(setting, PromptMood::Epic);
            assert!(eerie.scene.fog.end_m < 0.5 * base, "eerie fog is near");
            assert!(epic.scene.fog.end_m > base, "epic opens the view");
            assert_eq!(epic.weather, Weather::Clear);
            let expected = match setting {
                Setting::Arctic => Weather::Snow,
                Setting::Desert => Weather::DustStorm,
                _ => Weather::Haze,
            };
            assert_eq!(eerie.weather, expected);
            for seed in 0..8 {
                let tense = concept(
                    &ConceptPrompt {
                        seed,
                        ..prompt(
                            setting,
                            PromptMood::Tense,
                            TimeOfDay::Noon,
                            Palette::Natural,
                        )
                    },
                    &scenes,
                );
                assert!(matches!(tense.weather, Weather::Overcast | Weather::Haze));
            }

            let eye = |c: &Concept, i: usize| Vec3::from(c.flythrough[i].eye);
            let path_length = |c: &Concept| {
                c.flythrough
                    .windows(2)
                    .map(|w| (Vec3::from(w[1].eye) - Vec3::from(w[0].eye)).length())
                    .sum::<f32>()
            };
            // Epic rises a lot; tense stays low and moves fast; eerie drifts slowly.
            let n = epic.flythrough.len() - 1;
            assert!(eye(&epic, n).y > eye(&epic, 0).y + 20.0);
            let tense = make(setting, PromptMood::Tense);
            assert!(tense.flythrough.iter().all(|k| k.eye[1] < 3.0));
            assert!(path_length(&tense) / TRAILER_SECONDS > 10.0, "fast push");
            assert!(
                path_length(&eerie) / TRAILER_SECONDS < 0.5 * path_length(&tense) / TRAILER_SECONDS,
                "slow drift"
            );
            // Playful circles a point: every key the same distance from it on the ground.
            let playful = make(setting, PromptMood::Playful);
            let centre = Vec3::from(playful.flythrough[0].look_at);
            let d: Vec<f32> = playful
                .flythrough
                .iter()
                .map(|k| {
                    let v = Vec3::from(k.eye) - centre;
                    Vec3::new(v.x, 0.0, v.z).length()
                })
                .collect();
            assert!(d.iter().all(|r| (r - d[0]).abs() < 0.01 * d[0]), "{d:?}");
        }
    }

    #[test]
    fn palettes_change_the_colours() {
        let scenes = scenes();
        let make = |palette| {
            concept(
                &prompt(
                    Setting::AlienWorld,
                    PromptMood::Hopeful,
                    TimeOfDay::Noon,
                    palette,
                ),
                &scenes,
            )
        };
        let natural = make(Palette::Natural);
        let mono = make(Palette::Monochrome);
        for c in [
            mono.scene.sky.zenith,
            mono.scene.sky.horizon,
            mono.scene.fog.color,
            mono.scene.ground.color,
        ] {
            assert!(
                (c[0] - c[1]).abs() < 1.0e-5 && (c[1] - c[2]).abs() < 1.0e-5,
                "{c:?}"
            );
        }
        let warmth = |c: Rgb| c[0] - c[2];
        assert!(warmth(make(Palette::Warm).scene.sky.horizon) > warmth(natural.scene.sky.horizon));
        assert!(warmth(make(Palette::Cool).scene.sky.horizon) < warmth(natural.scene.sky.horizon));
        let glow = |c: &Concept| {
            c.scene
                .layers
                .iter()
                .map(|l| match l {
                    Layer::Crystals(l) => l.emissive.iter().sum::<f32>(),
                    _ => 0.0,
                })
                .sum::<f32>()
        };
        assert!(glow(&make(Palette::Neon)) > glow(&natural));
    }

    #[test]
    fn missing_scene_is_an_error() {
        let scenes: Vec<SceneDescription> = scenes()
            .into_iter()
            .filter(|s| s.name != "arctic")
            .collect();
        let p = prompt(
            Setting::Arctic,
            PromptMood::Epic,
            TimeOfDay::Dawn,
            Palette::Cool,
        );
        let err = generate(&p, &scenes).expect_err("no arctic scene");
        assert!(err.contains("arctic"), "{err}");
        assert!(generate(&p, &[]).is_err());
    }

    #[test]
    fn flythrough_sampling() {
        let keys = [
            FlyKey {
                t: 0.0,
                eye: [0.0, 2.0, 0.0],
                look_at: [0.0, 0.0, -50.0],
            },
            FlyKey {
                t: 4.0,
                eye: [10.0, 4.0, -20.0],
                look_at: [0.0, 0.0, -60.0],
            },
            FlyKey {
                t: 8.0,
                eye: [20.0, 8.0, -40.0],
                look_at: [0.0, 0.0, -70.0],
            },
            FlyKey {
                t: 12.0,
                eye: [30.0, 16.0, -60.0],
                look_at: [0.0, 0.0, -80.0],
            },
        ];
        // Passes through every key.
        for k in &keys {
            let (eye, look) = flythrough_at(&keys, k.t);
            assert!((eye - Vec3::from(k.eye)).length() < 1.0e-4, "{eye}");
            assert!((look - Vec3::from(k.look_at)).length() < 1.0e-4);
        }
        // Smooth: small time steps give small moves.
        let mut prev = flythrough_at(&keys, 0.0).0;
        for step in 1..=1200 {
            let eye = flythrough_at(&keys, step as f32 * 0.01).0;
            assert!((eye - prev).length() < 0.2, "jump at {step}");
            prev = eye;
        }
        // A curve through 1, 1, 20, 20 m would dip below the lowest key (to about -0.4 m)
        // on its way out of the flat start; the clamp keeps it at or above 1 m.
        let steep: Vec<FlyKey> = [1.0, 1.0, 20.0, 20.0]
            .iter()
            .enumerate()
            .map(|(i, &y)| FlyKey {
                t: i as f32,
                eye: [0.0, y, -(i as f32)],
                look_at: [0.0, 0.0, -50.0],
            })
            .collect();
        for step in 0..=300 {
            let eye = flythrough_at(&steep, step as f32 * 0.01).0;
            assert!(eye.y >= 1.0, "{eye} at step {step}");
        }
        // Outside the range holds the ends; odd input does not panic.
        assert_eq!(flythrough_at(&keys, -5.0), flythrough_at(&keys, 0.0));
        assert_eq!(flythrough_at(&keys, 99.0), flythrough_at(&keys, 12.0));
        let _ = flythrough_at(&keys, f32::NAN);
        let (eye, _) = flythrough_at(&[], 3.0);
        assert!(eye.y > 0.0);
        assert_eq!(flythrough_at(&keys[..1], 5.0).0, Vec3::from(keys[0].eye));
    }

    #[test]
    fn the_note_is_honest() {
        assert!(SIMULATION_NOTE.contains("not an AI model"));
        assert!(SIMULATION_NOTE.contains("rule-based procedural"));
        assert!(SIMULATION_NOTE.contains("learns"));
        assert!(SIMULATION_NOTE.contains("Technical Artist"));
    }
}
