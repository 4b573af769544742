//! The taste lab: the student labels shots with moods, trains the classifier on those labels,
//! and sees what it predicts for shots it has never seen. Every rule of the task lives here.

use serde::{Deserialize, Serialize};

use super::classifier::{Centroids, Prediction, TrainError, fit};
use super::content::TasteSpec;
use super::shots::{FEATURES, NEW_SHOTS, Shot, TRAINING_SHOTS};

/// Fewest labels the model trains on: fewer, and one odd shot decides everything.
pub const MIN_LABELS: usize = 6;

/// A mood is "one-sided" when another mood has at least this many times its examples.
pub const ONE_SIDED_RATIO: usize = 3;

/// What the student can do in the lab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TasteCommand {
    /// Give a training shot a mood (`None` clears its label).
    Label { shot: usize, mood: Option<usize> },
    /// Train the model on the labels as they are now.
    Train,
}

/// The lab's state, saved with the level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TasteLab {
    /// Built from the generator when the level opens; not saved (the same seed rebuilds them).
    #[serde(skip)]
    pub shots: Vec<Shot>,
    /// The student's mood for each training shot.
    pub labels: Vec<Option<usize>>,
    /// The last model trained, and the labels it was trained on.
    pub model: Option<Centroids>,
    pub trained_labels: Vec<Option<usize>>,
    /// What the model says about each new shot.
    pub predictions: Vec<Prediction>,
    /// The model's answer for each new shot before the last training, to show what changed.
    pub previous: Vec<Option<usize>>,
    /// Successful trainings.
    pub trainings: u32,
    /// The student changed labels and trained again: the task's second half.
    pub retrained_after_change: bool,
    /// Why the last attempt was refused, in words for the student.
    pub error: Option<String>,
    /// Why the shots could not be made (a broken scene file); not saved, so the next visit
    /// tries again.
    #[serde(skip)]
    pub build_error: Option<String>,
}

impl TasteLab {
    /// True once shots exist to label.
    pub fn ready(&self) -> bool {
        self.shots.len() == TRAINING_SHOTS + NEW_SHOTS
    }

    /// Puts a freshly built shot set in place, keeping the labels already given.
    pub fn set_shots(&mut self, shots: Vec<Shot>) {
        self.shots = shots;
        self.labels.resize(TRAINING_SHOTS, None);
    }

    pub fn training_shots(&self) -> &[Shot] {
        &self.shots[..TRAINING_SHOTS.min(self.shots.len())]
    }

    pub fn new_shots(&self) -> &[Shot] {
        self.shots.get(TRAINING_SHOTS..).unwrap_or(&[])
    }

    /// Applies one command; a refused one leaves its reason in [`Self::error`].
    pub fn apply(&mut self, command: &TasteCommand, spec: &TasteSpec) {
        match command {
            TasteCommand::Label { shot, mood } => self.label(*shot, *mood, spec),
            TasteCommand::Train => self.train(spec),
        }
    }

    fn label(&mut self, shot: usize, mood: Option<usize>, spec: &TasteSpec) {
        self.labels.resize(TRAINING_SHOTS, None);
        if shot >= TRAINING_SHOTS {
            self.error = Some(format!("There is no shot {}.", shot + 1));
            return;
        }
        if mood.is_some_and(|m| m >= spec.moods.len()) {
            self.error = Some("That mood is not one of the lab's moods.".to_string());
            return;
        }
        self.labels[shot] = mood;
        self.error = None;
    }

    /// Labels given so far.
    pub fn labelled(&self) -> usize {
        self.labels.iter().flatten().count()
    }

    /// Examples of each mood.
    pub fn counts(&self, moods: usize) -> Vec<usize> {
        let mut counts = vec![0; moods];
        for m in self.labels.iter().flatten() {
            if let Some(c) = counts.get_mut(*m) {
                *c += 1;
            }
        }
        counts
    }

    /// The labels changed since the model was trained.
    pub fn stale(&self) -> bool {
        self.model.is_some() && self.labels != self.trained_labels
    }

    /// Trains on the labelled shots; refused with its reason when too few are labelled or a
    /// mood has no example.
    pub fn train(&mut self, spec: &TasteSpec) {
        if !self.ready() {
            self.error = Some("The shots are still being made.".to_string());
            return;
        }
        let examples: Vec<(&[f32], usize)> = self
            .training_shots()
            .iter()
            .zip(&self.labels)
            .filter_map(|(s, l)| l.map(|m| (s.features.as_slice(), m)))
            .collect();
        match fit(&examples, spec.moods.len(), FEATURES, MIN_LABELS) {
            Err(e) => self.error = Some(refusal(&e, spec)),
            Ok(model) => {
                if self.model.is_some() && self.labels != self.trained_labels {
                    self.retrained_after_change = true;
                }
                self.previous = self.predictions.iter().map(|p| Some(p.class)).collect();
                self.predictions = self
                    .new_shots()
                    .iter()
                    .map(|s| model.predict(&s.features))
                    .collect();
                self.previous.resize(self.predictions.len(), None);
                self.model = Some(model);
                self.trained_labels = self.labels.clone();
                self.trainings += 1;
                self.error = None;
            }
        }
    }

    /// Of the labelled shots, how many the model agrees with: (agrees, labelled). A shot it
    /// disagrees with is often one labelled unlike the others.
    pub fn agreement(&self) -> Option<(usize, usize)> {
        let model = self.model.as_ref()?;
        let pairs: Vec<(usize, usize)> = self
            .training_shots()
            .iter()
            .zip(&self.trained_labels)
            .filter_map(|(s, l)| l.map(|m| (model.predict(&s.features).class, m)))
            .collect();
        let agree = pairs.iter().filter(|(p, m)| p == m).count();
        Some((agree, pairs.len()))
    }

    /// The model's answer for a training shot (`None` before training).
    pub fn guess(&self, shot: usize) -> Option<usize> {
        let model = self.model.as_ref()?;
        Some(
            model
                .predict(&self.training_shots().get(shot)?.features)
                .class,
        )
    }

    /// A warning when one mood has far fewer examples than another: its centre rests on one or
    /// two shots, so the model's idea of it is thin.
    pub fn one_sided(&self, spec: &TasteSpec) -> Option<String> {
        let counts = self.counts(spec.moods.len());
        let most = counts.iter().copied().max()?;
        let (thin, &few) = counts.iter().enumerate().min_by_key(|(_, n)| **n)?;
        if few == 0 || few * ONE_SIDED_RATIO > most {
            return None;
        }
        Some(format!(
            "One-sided: only {few} {} example{} against {most} of another mood. The model's idea of {} rests on {}.",
            spec.moods[thin].label,
            if few == 1 { "" } else { "s" },
            spec.moods[thin].label.to_lowercase(),
            if few == 1 {
                "that one shot"
            } else {
                "those few shots"
            }
        ))
    }

    /// Units done of the "taste" task: trained, then trained again after changing labels.
    pub fn done(&self) -> bool {
        self.retrained_after_change
    }
}

/// A refused training, in words for the student.
fn refusal(e: &TrainError, spec: &TasteSpec) -> String {
    match e {
        TrainError::TooFew { labelled, needed } => format!(
            "Not enough examples: {labelled} labelled, the model needs at least {needed}. Label more shots first."
        ),
        TrainError::NoExample { class } => {
            let label = spec.moods.get(*class).map_or("?", |m| m.label.as_str());
            format!(
                "No {label} example: the model can only learn moods it has seen, so it could never answer {}. Label at least one shot {}.",
                label.to_lowercase(),
                label.to_lowercase()
            )
        }
        TrainError::BadExample { index } => format!("Example {} is broken.", index + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::innovation::taste::model::test_support::{lab, taste_spec};

    /// Labels every training shot with the mood its generator mood belongs to.
    fn label_by_look(lab: &mut TasteLab, spec: &TasteSpec) {
        for i in 0..TRAINING_SHOTS {
            let made = lab.shots[i].made_as;
            let mood = spec.moods.iter().position(|m| m.feels_like.contains(&made));
            lab.apply(&TasteCommand::Label { shot: i, mood }, spec);
        }
    }

    #[test]
    fn too_few_labels_or_a_missing_mood_is_refused_with_its_reason() {
        let spec = taste_spec();
        let mut lab = lab(&spec);
        lab.apply(&TasteCommand::Train, &spec);
        assert!(
            lab.error
                .as_deref()
                .is_some_and(|e| e.contains("0 labelled"))
        );
        // Six shots, all one mood: the other moods could never be answered.
        for shot in 0..6 {
            lab.apply(
                &TasteCommand::Label {
                    shot,
                    mood: Some(1),
                },
                &spec,
            );
        }
        lab.apply(&TasteCommand::Train, &spec);
        let e = lab.error.clone().unwrap_or_default();
        assert!(
            e.contains(&format!("No {} example", spec.moods[0].label)),
            "{e}"
        );
        assert!(lab.model.is_none() && lab.trainings == 0);
        lab.apply(
            &TasteCommand::Label {
                shot: 12,
                mood: Some(0),
            },
            &spec,
        );
        assert!(lab.error.is_some());
        lab.apply(
            &TasteCommand::Label {
                shot: 0,
                mood: Some(9),
            },
            &spec,
        );
        assert!(lab.error.is_some());
    }

    #[test]
    fn it_learns_the_labels_then_follows_a_change_of_taste() {
        let spec = taste_spec();
        let mut lab = lab(&spec);
        label_by_look(&mut lab, &spec);
        assert!(lab.one_sided(&spec).is_none());
        lab.apply(&TasteCommand::Train, &spec);
        assert_eq!(lab.error, None);
        assert_eq!(lab.predictions.len(), NEW_SHOTS);
        let (agree, of) = lab.agreement().expect("trained");
        assert_eq!(of, TRAINING_SHOTS);
        assert!(
            agree * 4 >= of * 3,
            "it learned most of the labels: {agree}/{of}"
        );
        assert!(!lab.done() && !lab.stale());
        // Training again on the same labels is not a change of taste.
        lab.apply(&TasteCommand::Train, &spec);
        assert!(!lab.done());

        // Relabel every shot of mood 0 as mood 1 but one: mood 0 is now one-sided.
        let zeros: Vec<usize> = (0..TRAINING_SHOTS)
            .filter(|&i| lab.labels[i] == Some(0))
            .collect();
        for &shot in &zeros[1..] {
            lab.apply(
                &TasteCommand::Label {
                    shot,
                    mood: Some(1),
                },
                &spec,
            );
        }
        assert!(lab.stale());
        assert!(lab.one_sided(&spec).is_some_and(|w| w.contains("only 1")));
        let before: Vec<usize> = lab.predictions.iter().map(|p| p.class).collect();
        lab.apply(&TasteCommand::Train, &spec);
        assert!(lab.done());
        assert_eq!(
            lab.previous,
            before.iter().map(|&c| Some(c)).collect::<Vec<_>>()
        );
        let model = lab.model.as_ref().expect("model");
        assert_eq!(model.counts[0], 1);
        // The lone example is its mood's whole centre.
        assert_eq!(
            model.means[0].as_slice(),
            lab.shots[zeros[0]].features.as_slice()
        );
    }
}
