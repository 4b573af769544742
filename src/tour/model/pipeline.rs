//! The production pipeline the tour follows: development, pre-production, production,
//! post-production, marketing. Each phase names the stops that belong to it, so the lot can put
//! a sign where a phase begins and the map can say which phase a stop is in. Pure data and
//! its checks; the signs are drawn by `tour::pipeline_signs` and the map.

use serde::{Deserialize, Serialize};

use crate::tour::model::content::STOP_COUNT;

/// One phase of making a film, and the tour's stops that show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    /// Its name on the sign: "Pre-production".
    pub name: String,
    /// What happens in it, in one short sentence.
    pub about: String,
    /// The stops in this phase, in tour order.
    pub stops: Vec<u8>,
}

/// The phase that stop `stop` belongs to, with its position in the pipeline.
pub fn phase_of(pipeline: &[Phase], stop: usize) -> Option<(usize, &Phase)> {
    pipeline
        .iter()
        .enumerate()
        .find(|(_, phase)| phase.stops.iter().any(|&s| usize::from(s) == stop))
}

/// The problems with a pipeline, in words for whoever edits `tour.ron`. An empty pipeline is
/// allowed (the lot then has no signs); otherwise every stop is in exactly one phase, and the
/// phases follow the tour's order, so walking the street is walking the pipeline.
pub fn pipeline_problems(pipeline: &[Phase]) -> Vec<String> {
    let mut problems = Vec::new();
    if pipeline.is_empty() {
        return problems;
    }
    let mut seen = [0usize; STOP_COUNT];
    let mut last_stop: Option<u8> = None;
    for (i, phase) in pipeline.iter().enumerate() {
        let label = if phase.name.trim().is_empty() {
            problems.push(format!("pipeline phase {} has no name", i + 1));
            format!("phase {}", i + 1)
        } else {
            format!("phase '{}'", phase.name)
        };
        if phase.about.trim().is_empty() {
            problems.push(format!("pipeline {label} has no text (about)"));
        }
        if phase.stops.is_empty() {
            problems.push(format!("pipeline {label} has no stops"));
        }
        for &stop in &phase.stops {
            let Some(count) = seen.get_mut(usize::from(stop)) else {
                problems.push(format!(
                    "pipeline {label} names stop {stop}, but the stops are 0 to {}",
                    STOP_COUNT - 1
                ));
                continue;
            };
            *count += 1;
            if last_stop.is_some_and(|last| stop <= last) {
                problems.push(format!(
                    "pipeline {label}: stop {stop} is out of tour order (the phases must follow the stops 0 to {})",
                    STOP_COUNT - 1
                ));
            }
            last_stop = Some(stop);
        }
    }
    for (stop, &count) in seen.iter().enumerate() {
        match count {
            0 => problems.push(format!("pipeline: stop {stop} is in no phase")),
            1 => {}
            _ => problems.push(format!("pipeline: stop {stop} is in more than one phase")),
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase(name: &str, stops: &[u8]) -> Phase {
        Phase {
            name: name.into(),
            about: "what happens".into(),
            stops: stops.to_vec(),
        }
    }

    fn whole() -> Vec<Phase> {
        vec![
            phase("Development", &[0]),
            phase("Pre-production", &[1]),
            phase("Production", &[2]),
            phase("Post-production", &[3]),
            phase("Marketing", &[4]),
            phase("Across every phase", &[5, 6]),
        ]
    }

    #[test]
    fn a_pipeline_over_every_stop_in_order_is_fine() {
        assert_eq!(pipeline_problems(&whole()), Vec::<String>::new());
        assert_eq!(pipeline_problems(&[]), Vec::<String>::new());
    }

    #[test]
    fn phase_of_finds_the_phase_and_its_place() {
        let p = whole();
        assert_eq!(
            phase_of(&p, 2).map(|(i, ph)| (i, ph.name.as_str())),
            Some((2, "Production"))
        );
        assert_eq!(phase_of(&p, 6).map(|(i, _)| i), Some(5));
        assert!(phase_of(&p, 7).is_none());
    }

    #[test]
    fn a_missing_stop_a_repeat_and_a_wrong_order_are_named() {
        let mut p = whole();
        p[4].stops = vec![];
        let problems = pipeline_problems(&p);
        assert!(problems.contains(&"pipeline phase 'Marketing' has no stops".to_string()));
        assert!(problems.contains(&"pipeline: stop 4 is in no phase".to_string()));

        let mut p = whole();
        p[1].stops = vec![1, 2];
        assert!(
            pipeline_problems(&p)
                .iter()
                .any(|m| m.contains("stop 2 is in more than one"))
        );

        let mut p = whole();
        p.swap(1, 2);
        assert!(
            pipeline_problems(&p)
                .iter()
                .any(|m| m.contains("out of tour order"))
        );

        let mut p = whole();
        p[0].stops = vec![0, 9];
        assert!(
            pipeline_problems(&p)
                .iter()
                .any(|m| m.contains("names stop 9"))
        );
    }
}
