//! A nearest-centroid classifier: the whole "model" is one average point per mood. Training
//! averages the examples of each mood; predicting finds the nearest average. Small enough to
//! draw every number it learned.

use serde::{Deserialize, Serialize};

/// How sharply confidence follows distance: the softmax of `-distance / TEMPERATURE`. With the
/// features scaled to 0–1, a mood centre 0.1 nearer than another is e (about 2.7) times as
/// likely.
pub const TEMPERATURE: f32 = 0.1;

/// Why a model could not be trained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrainError {
    /// Fewer labelled examples than the model needs.
    TooFew { labelled: usize, needed: usize },
    /// No example of this class: its centre would be nowhere, so it could never be predicted.
    NoExample { class: usize },
    /// An example's features do not have the model's length, or its class is out of range.
    BadExample { index: usize },
}

/// What training learned: the average features (the centre) of each class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Centroids {
    /// `means[class][feature]`.
    pub means: Vec<Vec<f32>>,
    /// Examples each centre is the average of.
    pub counts: Vec<usize>,
}

/// One prediction: the nearest class, every distance and every confidence (they add up to 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    pub class: usize,
    pub distances: Vec<f32>,
    pub confidences: Vec<f32>,
}

impl Prediction {
    /// Confidence of the predicted class.
    pub fn confidence(&self) -> f32 {
        self.confidences.get(self.class).copied().unwrap_or(0.0)
    }
}

/// Learns one centre per class from `(features, class)` examples. Refused with fewer than
/// `min_examples`, or when some class has no example at all.
pub fn fit(
    examples: &[(&[f32], usize)],
    classes: usize,
    features: usize,
    min_examples: usize,
) -> Result<Centroids, TrainError> {
    if examples.len() < min_examples.max(1) {
        return Err(TrainError::TooFew {
            labelled: examples.len(),
            needed: min_examples.max(1),
        });
    }
    let mut sums = vec![vec![0.0_f32; features]; classes];
    let mut counts = vec![0_usize; classes];
    for (index, (x, class)) in examples.iter().enumerate() {
        if x.len() != features || *class >= classes {
            return Err(TrainError::BadExample { index });
        }
        counts[*class] += 1;
        for (sum, v) in sums[*class].iter_mut().zip(x.iter()) {
            *sum += v;
        }
    }
    if let Some(class) = counts.iter().position(|&n| n == 0) {
        return Err(TrainError::NoExample { class });
    }
    let means = sums
        .into_iter()
        .zip(&counts)
        .map(|(sum, &n)| sum.into_iter().map(|s| s / n as f32).collect())
        .collect();
    Ok(Centroids { means, counts })
}

/// Straight-line (Euclidean) distance between two feature lists.
pub fn distance(a: &[f32], b: &[f32]) -> f32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y) * (x - y))
        .sum::<f32>()
        .sqrt()
}

/// Softmax of `-distance / TEMPERATURE`: nearer centres get more confidence, all add up to 1.
pub fn confidences(distances: &[f32]) -> Vec<f32> {
    let nearest = distances.iter().copied().fold(f32::INFINITY, f32::min);
    // Shifting by the nearest distance changes nothing but keeps exp() from underflowing.
    let weights: Vec<f32> = distances
        .iter()
        .map(|d| (-(d - nearest) / TEMPERATURE).exp())
        .collect();
    let total: f32 = weights.iter().sum();
    weights.iter().map(|w| w / total).collect()
}

impl Centroids {
    pub fn classes(&self) -> usize {
        self.means.len()
    }

    /// The nearest centre to `x`, with every distance and confidence.
    pub fn predict(&self, x: &[f32]) -> Prediction {
        let distances: Vec<f32> = self.means.iter().map(|m| distance(m, x)).collect();
        let class = distances
            .iter()
            .enumerate()
            .fold(
                (0, f32::INFINITY),
                |best, (i, &d)| {
                    if d < best.1 { (i, d) } else { best }
                },
            )
            .0;
        let confidences = confidences(&distances);
        Prediction {
            class,
            distances,
            confidences,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn train(examples: &[(Vec<f32>, usize)], classes: usize) -> Centroids {
        let refs: Vec<(&[f32], usize)> = examples.iter().map(|(x, c)| (x.as_slice(), *c)).collect();
        fit(&refs, classes, examples[0].0.len(), 1).expect("trains")
    }

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1.0e-6
    }

    /// Two clear groups: dark slow shots and bright fast ones.
    fn separable() -> Vec<(Vec<f32>, usize)> {
        vec![
            (vec![0.1, 0.2], 0),
            (vec![0.2, 0.1], 0),
            (vec![0.0, 0.0], 0),
            (vec![0.9, 0.8], 1),
            (vec![0.8, 0.9], 1),
            (vec![1.0, 1.0], 1),
        ]
    }

    #[test]
    fn it_fits_separable_labels() {
        let data = separable();
        let model = train(&data, 2);
        assert!(close(model.means[0][0], 0.1) && close(model.means[0][1], 0.1));
        assert!(close(model.means[1][0], 0.9) && close(model.means[1][1], 0.9));
        assert_eq!(model.counts, vec![3, 3]);
        for (x, class) in &data {
            assert_eq!(model.predict(x).class, *class, "{x:?}");
        }
        let p = model.predict(&[0.15, 0.15]);
        assert_eq!(p.class, 0);
        assert!(p.confidence() > 0.99);
        assert!(close(p.confidences.iter().sum::<f32>(), 1.0));
        // Halfway between the centres it cannot tell.
        let middle = model.predict(&[0.5, 0.5]);
        assert!(close(middle.confidences[0], 0.5) && close(middle.confidences[1], 0.5));
    }

    #[test]
    fn predictions_change_when_the_labels_change() {
        let mut data = separable();
        let before = train(&data, 2);
        let new_shot = [0.7, 0.7];
        assert_eq!(before.predict(&new_shot).class, 1);
        // The student now calls the bright shots class 0 and the dark ones class 1.
        for (_, class) in &mut data {
            *class = 1 - *class;
        }
        let after = train(&data, 2);
        assert_eq!(after.predict(&new_shot).class, 0);
    }

    /// One bright shot labelled "dark" pulls the dark centre towards it by exactly
    /// (x_wrong - c) / (n + 1), and the distances and confidences follow from that.
    #[test]
    fn one_wrong_label_moves_the_centre_by_the_maths() {
        let mut data = separable();
        let before = train(&data, 2);
        let c = before.means[0].clone();
        let n = before.counts[0] as f32;
        let wrong = vec![1.0, 0.7];
        data.push((wrong.clone(), 0));
        let after = train(&data, 2);
        for f in 0..2 {
            let expected = c[f] + (wrong[f] - c[f]) / (n + 1.0);
            assert!(close(after.means[0][f], expected), "feature {f}");
        }
        // (0.1, 0.1) + ((0.9, 0.6)) / 4 = (0.325, 0.25).
        assert!(close(after.means[0][0], 0.325) && close(after.means[0][1], 0.25));
        assert_eq!(after.means[1], before.means[1], "the other centre stays");

        // A new shot at (0.6, 0.6): before, 0.5·√2 from the dark centre; now √(0.275² + 0.35²).
        let shot = [0.6, 0.6];
        let (p0, p1) = (before.predict(&shot), after.predict(&shot));
        assert!(close(p0.distances[0], 0.5 * 2.0_f32.sqrt()));
        let d_after = (0.275_f32 * 0.275 + 0.35 * 0.35).sqrt();
        assert!(close(p1.distances[0], d_after));
        assert!(close(p1.distances[1], 0.3 * 2.0_f32.sqrt()));
        // Softmax of the distances: the "bright" confidence is 1 / (1 + e^((d1 - d0) / T)).
        let bright = 1.0 / (1.0 + ((p1.distances[1] - p1.distances[0]) / TEMPERATURE).exp());
        assert!(close(p1.confidences[1], bright));
        assert!(p1.confidences[1] < p0.confidences[1], "less sure of bright");
        assert!(close(
            p0.confidences[1],
            1.0 / (1.0 + (-2.0 * 2.0_f32.sqrt()).exp())
        ));
        // Still bright, but a shot nearer the middle now flips to dark.
        assert_eq!(p1.class, 1);
        let edge = [0.55, 0.5];
        assert_eq!(before.predict(&edge).class, 1);
        assert_eq!(after.predict(&edge).class, 0);
    }

    #[test]
    fn a_class_with_no_example_or_too_few_examples_is_refused() {
        let data = separable();
        let refs: Vec<(&[f32], usize)> = data.iter().map(|(x, c)| (x.as_slice(), *c)).collect();
        assert_eq!(fit(&refs, 3, 2, 1), Err(TrainError::NoExample { class: 2 }));
        assert_eq!(
            fit(&refs[..4], 2, 2, 6),
            Err(TrainError::TooFew {
                labelled: 4,
                needed: 6
            })
        );
        assert_eq!(
            fit(&refs, 2, 3, 1),
            Err(TrainError::BadExample { index: 0 })
        );
        assert!(fit(&[], 2, 2, 0).is_err());
    }

    #[test]
    fn confidences_are_a_softmax_of_the_distances() {
        let c = confidences(&[0.0, 0.1, 1.0e9]);
        let e = (-1.0_f32).exp();
        assert!(close(c[0], 1.0 / (1.0 + e)) && close(c[1], e / (1.0 + e)));
        assert_eq!(c[2], 0.0);
    }
}
