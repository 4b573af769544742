//! The animatic and the sequence score: the panels played back to back, and the grade for
//! the whole sequence with the cost of extra revisions.

use super::Panel;
use serde::{Deserialize, Serialize};

/// When one panel plays in the animatic.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnimaticCue {
    /// Index of the panel in its storyboard.
    pub panel: usize,
    pub start_s: f32,
    pub end_s: f32,
}

/// The panels back to back, in order, from 0 s: each cue starts where the one before ends,
/// because an animatic is about how the shots flow into each other. A panel whose length is
/// not a positive number gets no time.
pub fn animatic_timeline(panels: &[Panel]) -> Vec<AnimaticCue> {
    let mut start_s = 0.0;
    panels
        .iter()
        .enumerate()
        .map(|(panel, p)| {
            let length = if p.seconds.is_finite() && p.seconds > 0.0 {
                p.seconds
            } else {
                0.0
            };
            let cue = AnimaticCue {
                panel,
                start_s,
                end_s: start_s + length,
            };
            start_s = cue.end_s;
            cue
        })
        .collect()
}

/// The whole animatic's length in seconds.
pub fn animatic_length(timeline: &[AnimaticCue]) -> f32 {
    timeline.last().map_or(0.0, |cue| cue.end_s)
}

/// Which panel plays at `t_s` seconds and how far through it (0..1). A cue owns its start but
/// not its end, so at a cut the next shot shows; the very end of the animatic still shows the
/// last shot, at 1. Before the start, after the end, or not a number: `None`.
pub fn cue_at(timeline: &[AnimaticCue], t_s: f32) -> Option<(usize, f32)> {
    if t_s.is_nan() || t_s < 0.0 {
        return None;
    }
    let within = |cue: &AnimaticCue| (t_s - cue.start_s) / (cue.end_s - cue.start_s);
    if let Some(cue) = timeline
        .iter()
        .find(|cue| cue.start_s <= t_s && t_s < cue.end_s)
    {
        return Some((cue.panel, within(cue)));
    }
    let last = timeline.iter().rev().find(|cue| cue.end_s > cue.start_s)?;
    (t_s <= last.end_s).then_some((last.panel, 1.0))
}

/// Points taken off the average for each revision beyond the free ones.
pub const EXTRA_REVISION_COST: f32 = 2.0;
/// Average needed for three stars.
pub const THREE_STARS_AT: f32 = 85.0;
/// Average needed for two stars.
pub const TWO_STARS_AT: f32 = 65.0;

/// The grade for a whole sequence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SequenceScore {
    /// Each composed shot's score, in panel order.
    pub shot_scores: Vec<u8>,
    /// Mean shot score (a shot never composed counts 0) less the revision cost, 0 to 100.
    pub average: f32,
    pub revisions: u32,
    /// 0 to 3.
    pub stars: u8,
    /// One or two sentences for the player, mentioning the revisions.
    pub summary: String,
}

/// Grades a sequence from its shot scores and how many times the player revised a shot.
///
/// Draft, test and revise is the point of previs, so each panel brings one free revision;
/// each revision beyond those costs [`EXTRA_REVISION_COST`] points off the average, which
/// never goes below 0. `shot_scores` holds the composed shots in panel order (scores above
/// `panel_count` are ignored; scores above 100 count as 100). Stars: 3 at an average of
/// [`THREE_STARS_AT`] or more, 2 at [`TWO_STARS_AT`] or more, 1 otherwise; 0 when any panel
/// has no shot yet (or there are no panels), because an animatic with holes cannot be shown.
pub fn score_sequence(shot_scores: &[u8], revisions: u32, panel_count: usize) -> SequenceScore {
    let composed: Vec<u8> = shot_scores
        .iter()
        .take(panel_count)
        .map(|s| (*s).min(100))
        .collect();
    let missing = panel_count - composed.len();
    let total: u32 = composed.iter().map(|s| u32::from(*s)).sum();
    let raw_average = if panel_count == 0 {
        0.0
    } else {
        total as f32 / panel_count as f32
    };
    let free = u32::try_from(panel_count).unwrap_or(u32::MAX);
    let extra = revisions.saturating_sub(free);
    let cost = EXTRA_REVISION_COST * extra as f32;
    let average = (raw_average - cost).max(0.0);
    let stars = if panel_count == 0 || missing > 0 {
        0
    } else if average >= THREE_STARS_AT {
        3
    } else if average >= TWO_STARS_AT {
        2
    } else {
        1
    };

    let revised = format!(
        "You revised {revisions} time{}",
        if revisions == 1 { "" } else { "s" }
    );
    let summary = if panel_count == 0 {
        "There are no panels to shoot yet.".to_string()
    } else if missing > 0 {
        format!(
            "{missing} of {panel_count} shots are not composed yet, so the sequence earns \
             no stars. {revised} so far."
        )
    } else if extra == 0 {
        format!(
            "Your shots average {average:.0} out of 100. {revised}, all free (one per \
             panel): testing and revising is what previs is for. {stars} star{}.",
            if stars == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "Your shots average {raw_average:.0} out of 100. {revised}: {free} free (one \
             per panel) and {extra} extra, which cost {cost:.0} points, so the sequence \
             scores {average:.0}. {stars} star{}.",
            if stars == 1 { "" } else { "s" }
        )
    };

    SequenceScore {
        shot_scores: composed,
        average,
        revisions,
        stars,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::previs::model::test_support::*;
    use crate::stops::previs::model::*;

    fn timed_panels(seconds: &[f32]) -> Vec<Panel> {
        seconds
            .iter()
            .map(|s| Panel {
                seconds: *s,
                ..panel(
                    ShotSize::Wide,
                    CameraAngle::EyeLevel,
                    CameraMove::Static,
                    Mood::Calm,
                )
            })
            .collect()
    }

    #[test]
    fn the_timeline_plays_the_panels_back_to_back() {
        let timeline = animatic_timeline(&timed_panels(&[2.0, 3.5, 1.0]));
        assert_eq!(
            timeline,
            vec![
                AnimaticCue {
                    panel: 0,
                    start_s: 0.0,
                    end_s: 2.0
                },
                AnimaticCue {
                    panel: 1,
                    start_s: 2.0,
                    end_s: 5.5
                },
                AnimaticCue {
                    panel: 2,
                    start_s: 5.5,
                    end_s: 6.5
                },
            ]
        );
        assert_eq!(animatic_length(&timeline), 6.5);
        assert_eq!(animatic_length(&[]), 0.0);
    }

    #[test]
    fn cue_at_finds_the_shot_and_how_far_through_it() {
        let timeline = animatic_timeline(&timed_panels(&[2.0, 3.5, 1.0]));
        assert_eq!(cue_at(&timeline, 0.0), Some((0, 0.0)));
        assert_eq!(cue_at(&timeline, 1.0), Some((0, 0.5)));
        assert_eq!(
            cue_at(&timeline, 2.0),
            Some((1, 0.0)),
            "a cut shows the next shot"
        );
        assert_eq!(cue_at(&timeline, 6.0), Some((2, 0.5)));
        assert_eq!(cue_at(&timeline, 6.5), Some((2, 1.0)), "the last frame");
        assert_eq!(cue_at(&timeline, 6.5f32.next_up()), None);
        assert_eq!(cue_at(&timeline, -0.1), None);
        assert_eq!(cue_at(&timeline, f32::NAN), None);
        assert_eq!(cue_at(&[], 0.0), None);
        // A panel with no time is skipped.
        let gap = animatic_timeline(&timed_panels(&[1.0, f32::NAN, 1.0]));
        assert_eq!(cue_at(&gap, 1.0), Some((2, 0.0)));
    }

    #[test]
    fn one_revision_per_panel_is_free() {
        let score = score_sequence(&[90; 6], 6, 6);
        assert_eq!(score.average, 90.0);
        assert_eq!(score.stars, 3);
        assert!(
            score.summary.contains("You revised 6 times") && score.summary.contains("free"),
            "{}",
            score.summary
        );
        let seven = score_sequence(&[90; 6], 7, 6);
        assert_eq!(seven.average, 88.0);
        assert!(
            seven.summary.contains("You revised 7 times")
                && seven.summary.contains("cost 2 points"),
            "{}",
            seven.summary
        );
    }

    #[test]
    fn extra_revisions_cost_two_points_each_down_to_zero() {
        assert_eq!(score_sequence(&[90; 6], 8, 6).average, 86.0);
        assert_eq!(score_sequence(&[90; 6], 8, 6).stars, 3);
        assert_eq!(score_sequence(&[90; 6], 9, 6).average, 84.0);
        assert_eq!(score_sequence(&[90; 6], 9, 6).stars, 2);
        let exhausted = score_sequence(&[10; 6], 100, 6);
        assert_eq!(exhausted.average, 0.0);
        assert_eq!(exhausted.stars, 1);
    }

    #[test]
    fn stars_change_exactly_at_85_and_65() {
        assert_eq!(score_sequence(&[85; 6], 0, 6).stars, 3);
        assert_eq!(score_sequence(&[85, 85, 85, 85, 85, 84], 0, 6).stars, 2);
        assert_eq!(score_sequence(&[65; 6], 0, 6).stars, 2);
        assert_eq!(score_sequence(&[65, 65, 65, 65, 65, 64], 0, 6).stars, 1);
        assert_eq!(score_sequence(&[0; 6], 0, 6).stars, 1);
    }

    #[test]
    fn a_shot_never_composed_earns_no_stars() {
        let score = score_sequence(&[100; 5], 2, 6);
        assert_eq!(score.stars, 0);
        assert!(close(score.average, 500.0 / 6.0, 1e-4));
        assert!(
            score.summary.contains("1 of 6 shots") && score.summary.contains("You revised 2 times"),
            "{}",
            score.summary
        );
        assert_eq!(score_sequence(&[], 0, 0).stars, 0);
        // Scores beyond the panels are ignored.
        let extra = score_sequence(&[100, 100, 0], 0, 2);
        assert_eq!(extra.average, 100.0);
        assert_eq!(extra.shot_scores, vec![100, 100]);
    }
}
