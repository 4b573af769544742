//! Stop 5, "Innovation": a concept trailer from a text prompt, the way a Technical Artist
//! steers generative tools.
//!
//! Plain Rust, no Bevy. A student types a prompt such as "a tense desert canyon at dusk in
//! warm colours"; [`parse_prompt`] reads the few words it knows into a [`ConceptPrompt`], and
//! [`generate`](fn@generate) turns that into a [`Concept`]: one of the Stop 2 scenes (the same
//! [`SceneDescription`]s the LED wall uses, passed in by the caller, so there is no second copy
//! of the scene pipeline) restyled by the prompt, a time of day and weather, and a ~12 second
//! fly-through for the trailer camera.
//!
//! A [`DirectorBrief`] says what the director asked for. [`BriefReview`] checks every result
//! against it by the same reading that built the result, and keeps the student's calls:
//! reject a result that misses, approve one that meets it.
//!
//! [`SceneDescription`]: crate::stage::model::scene::SceneDescription
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

mod brief;
mod flythrough;
mod fnv;
mod generate;
mod look;
mod prompt;
mod reading;
mod review;
#[cfg(test)]
mod test_support;

pub use brief::{
    BriefPoint, DirectorBrief, MIN_BRIEF_POINTS, PointCheck, missed_words, validate_briefs,
};
pub use flythrough::flythrough_at;
pub use fnv::{FNV_OFFSET_BASIS, FNV_PRIME, Fnv1a, fnv1a_64};
pub use generate::{Concept, FlyKey, generate};
pub use prompt::{ConceptPrompt, Palette, PromptMood, Setting};
pub use reading::{PromptReading, parse_prompt, read_prompt};
pub use review::{Approval, BriefReview, Decision, Verdict};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_is_honest() {
        assert!(SIMULATION_NOTE.contains("not an AI model"));
        assert!(SIMULATION_NOTE.contains("rule-based procedural"));
        assert!(SIMULATION_NOTE.contains("learns"));
        assert!(SIMULATION_NOTE.contains("Technical Artist"));
    }
}
