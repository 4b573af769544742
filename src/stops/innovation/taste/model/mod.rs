//! The taste lab's pure model: content, shots, the nearest-centroid classifier and the lab's
//! rules. No Bevy.

mod classifier;
mod content;
mod lab;
mod shots;
#[cfg(test)]
pub(crate) mod test_support;

pub use classifier::{Centroids, Prediction, TEMPERATURE, TrainError, confidences, distance, fit};
pub use content::{MAX_MOODS, MIN_MOODS, MoodSpec, TasteSpec};
pub use lab::{MIN_LABELS, ONE_SIDED_RATIO, TasteCommand, TasteLab};
pub use shots::{FEATURE_NAMES, FEATURES, NEW_SHOTS, Shot, TRAINING_SHOTS, build_shots};
