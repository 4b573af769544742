//! Checks of the bundled crew content against the tour: every stop has a host who speaks,
//! every stop's lines are easy to read, every vocabulary word is said, and each "what they
//! did" points to one person only.

use super::readability::grade;
use super::*;
use crate::tour::model::content::{Tour, bundled_file};

/// The most a stop's lines may grade at (Flesch–Kincaid): a 12-year-old reads them.
const MAX_GRADE: f32 = 7.5;

fn crew() -> Crew {
    bundled_file::<Crew>().expect("the bundled crew.ron parses and validates")
}

#[test]
fn every_stop_has_a_host_with_lines_for_each_moment() {
    let crew = crew();
    for stop in 0..STOP_COUNT {
        assert!(!crew.hosts_of(stop).is_empty(), "stop {stop} has no host");
        for moment in [Moment::Intro, Moment::Handover, Moment::ToGate] {
            assert!(
                !crew.lines(stop, &moment).is_empty(),
                "stop {stop} has no {moment:?} lines"
            );
        }
    }
}

#[test]
fn every_stops_lines_read_at_grade_seven_and_a_half_or_below() {
    let crew = crew();
    let mut report = Vec::new();
    for stop in 0..STOP_COUNT {
        let g = grade(crew.stop_text(stop));
        report.push(format!("stop {stop}: grade {g:.2}"));
        assert!(
            g <= MAX_GRADE,
            "stop {stop} reads at grade {g:.2} (> {MAX_GRADE})"
        );
    }
    println!("reading grades: {}", report.join(", "));
}

#[test]
fn every_vocabulary_word_of_a_stop_is_said_by_its_hosts() {
    let crew = crew();
    let tour = bundled_file::<Tour>().expect("tour");
    for stop in &tour.stops {
        let said = crew
            .stop_text(usize::from(stop.number))
            .join(" ")
            .to_lowercase();
        for word in &stop.vocabulary {
            assert!(
                said.contains(&word.term.to_lowercase()),
                "stop {}: no host line says \"{}\"",
                stop.number,
                word.term
            );
        }
    }
}

#[test]
fn each_deed_points_to_one_person_only() {
    let crew = crew();
    let scores = crew.deed_scores();
    for (i, host) in crew.hosts.iter().enumerate() {
        let own = scores[i][i];
        for (j, other) in crew.hosts.iter().enumerate() {
            if i != j {
                assert!(
                    scores[j][i] < own,
                    "'{}' did \"{}\": it fits {} ({} words) as well as {} ({own})",
                    host.id,
                    host.did,
                    other.id,
                    scores[j][i],
                    host.id
                );
            }
        }
    }
}

#[test]
fn broken_crew_files_are_refused_with_reasons() {
    let mut broken = crew();
    broken.hosts[1].did = broken.hosts[0].did.to_uppercase();
    broken.scripts[0].intro[0].host = "nobody".into();
    let speaker = broken.scripts[2].intro[0].host.clone();
    broken.scripts[2].reactions.push(Reaction {
        cue: "wall-lagged".into(),
        host: speaker,
        text: "Oops.".into(),
    });
    broken.hosts[0].look.height = 3.0;
    let problems = broken.problems();
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(has("another host has the same 'did'"), "{problems:?}");
    assert!(has("no host has the id 'nobody'"), "{problems:?}");
    assert!(has("no moment is called 'wall-lagged'"), "{problems:?}");
    assert!(has("height 3 is not between"), "{problems:?}");
    let mut no_host = crew();
    no_host.hosts.retain(|h| !h.stops.contains(&3));
    assert!(
        no_host.problems().iter().any(|p| p == "stop 3 has no host"),
        "{:?}",
        no_host.problems()
    );
}
