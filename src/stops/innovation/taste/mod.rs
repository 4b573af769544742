//! The taste lab: a model that really learns from data, small enough to see inside. The
//! student labels a dozen shots from the concept generator with the mood they feel; a
//! nearest-centroid classifier learns one average per mood from the shots' lighting, colour
//! and camera numbers, then predicts the mood of new shots with its confidence. Wrong or
//! one-sided labels make it wrong, and the screen shows why.

pub mod model;
pub(crate) mod panel;
pub mod show_me;

use crate::stage::model::scene::SceneDescription;
use model::{TasteLab, TasteSpec, build_shots};

/// What the game tells students about this model, word for word.
pub const MODEL_NOTE: &str = "This is a real model that learns from data: it learned only from \
the examples you labelled. For each mood it works out the average light, colour and camera \
numbers of your examples (the mood's centre), and it calls a new shot by the nearest centre. \
Real generative AI learns in a far more complex way, from millions of examples, but the idea \
is the same: it can only be as good as its examples.";

/// Builds the lab's shots from `scenes` if it has none yet; a failure is kept as the lab's
/// error, in words, so the screen can say it and the level goes on.
pub fn ensure_shots(lab: &mut TasteLab, spec: &TasteSpec, scenes: &[SceneDescription], seed: u64) {
    if lab.ready() {
        return;
    }
    match build_shots(spec, scenes, seed) {
        Ok(shots) => lab.set_shots(shots),
        Err(e) => lab.build_error = Some(format!("The shots could not be made: {e}")),
    }
}
