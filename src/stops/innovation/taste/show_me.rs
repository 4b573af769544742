//! "Show me" for the taste lab: label the shots not labelled yet by how they look (saying
//! which numbers make them feel that way), make sure every mood has an example, train, then
//! change one label on purpose and train again to watch the model follow.

use crate::classroom::presenter::model::ShowStep;
use crate::stops::innovation::level::{InnovationCommand, InnovationState};
use crate::stops::innovation::taste::model::{
    FEATURE_NAMES, Shot, TRAINING_SHOTS, TasteCommand, TasteSpec,
};

/// The content mood a shot "looks like": the one whose generator moods made it.
pub fn mood_by_look(spec: &TasteSpec, shot: &Shot) -> Option<usize> {
    spec.moods
        .iter()
        .position(|m| m.feels_like.contains(&shot.made_as))
}

/// The shot's most striking features in words: "much Light, little Fog".
fn striking(shot: &Shot) -> String {
    let mut ranked: Vec<(usize, f32)> = shot
        .features
        .iter()
        .enumerate()
        .map(|(f, v)| (f, (v - 0.5).abs()))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked
        .iter()
        .take(2)
        .map(|&(f, _)| {
            let much = if shot.features[f] >= 0.5 {
                "high"
            } else {
                "low"
            };
            format!("{much} {}", FEATURE_NAMES[f].to_lowercase())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn label_step(
    spec: &TasteSpec,
    shots: &[Shot],
    i: usize,
    mood: usize,
) -> ShowStep<InnovationCommand> {
    ShowStep::new(
        format!(
            "shot {}: {} ({}) — it feels {}",
            i + 1,
            shots[i].title,
            striking(&shots[i]),
            spec.moods[mood].label.to_lowercase()
        ),
        InnovationCommand::Taste(TasteCommand::Label {
            shot: i,
            mood: Some(mood),
        }),
    )
}

/// The steps that finish the taste task from where the student is.
pub fn taste_steps(state: &InnovationState, spec: &TasteSpec) -> Vec<ShowStep<InnovationCommand>> {
    let lab = &state.taste;
    if !lab.ready() || lab.done() || spec.moods.is_empty() {
        return Vec::new();
    }
    let shots = lab.training_shots();
    let mut labels = lab.labels.clone();
    labels.resize(TRAINING_SHOTS, None);
    let mut steps = Vec::new();
    // The student's own labels stay; only the empty ones are filled.
    for i in 0..TRAINING_SHOTS {
        if labels[i].is_none()
            && let Some(m) = mood_by_look(spec, &shots[i])
        {
            labels[i] = Some(m);
            steps.push(label_step(spec, shots, i, m));
        }
    }
    // A mood with no example could never be answered: give it the shot that looks most like it.
    for m in 0..spec.moods.len() {
        if !labels.contains(&Some(m))
            && let Some(i) = (0..TRAINING_SHOTS).find(|&i| mood_by_look(spec, &shots[i]) == Some(m))
        {
            labels[i] = Some(m);
            steps.push(label_step(spec, shots, i, m));
        }
    }
    let trained_on_these = lab.model.is_some() && lab.trained_labels == labels;
    if !trained_on_these {
        steps.push(ShowStep::new(
            "train: the model averages each mood's examples into a centre",
            InnovationCommand::Taste(TasteCommand::Train),
        ));
    }
    // One label changed on purpose, on a mood with examples to spare, then trained again.
    let counts = |labels: &[Option<usize>], m| labels.iter().filter(|l| **l == Some(m)).count();
    if let Some(i) =
        (0..TRAINING_SHOTS).find(|&i| labels[i].is_some_and(|m| counts(&labels, m) > 1))
    {
        let from = labels[i].unwrap_or(0);
        let to = (from + 1) % spec.moods.len();
        steps.push(ShowStep::new(
            format!(
                "change one label on purpose: shot {} from {} to {} — one wrong example pulls the {} centre towards it by a share of 1 ÷ its examples",
                i + 1,
                spec.moods[from].label.to_lowercase(),
                spec.moods[to].label.to_lowercase(),
                spec.moods[to].label.to_lowercase()
            ),
            InnovationCommand::Taste(TasteCommand::Label { shot: i, mood: Some(to) }),
        ));
        steps.push(ShowStep::new(
            "train again and compare: the centres move and some answers change",
            InnovationCommand::Taste(TasteCommand::Train),
        ));
    }
    steps
}
