//! "Show me" for the Intro: connect the missing parts in dependency order (a part goes in
//! only after the parts it needs), follow the stall back to the part that failed and blame
//! it, then mark every part that stops when the part in question is pulled, and pull it. The
//! steps are worked out on a copy of the level, so the incident and the question the real
//! level will draw are known in advance (the same seed draws the same parts).

use bevy::prelude::*;

use crate::classroom::presenter::model::ShowStep;
use crate::classroom::presenter::show_me::ShowMe;
use crate::stops::intro::level::{IntroCommand, IntroState};
use crate::stops::intro::model::{IntroLevel, IntroPhase, StudioSpec, predict};

/// The steps that finish the level from where it is.
pub fn show_me_steps(level: &IntroLevel) -> Vec<ShowStep<IntroCommand>> {
    let mut copy = level.clone();
    let mut steps = Vec::new();
    if copy.phase == IntroPhase::Assemble {
        while let Some(id) = next_to_connect(&copy) {
            steps.push(ShowStep::new(
                connect_caption(&copy.spec, &id),
                IntroCommand::Connect(id.clone()),
            ));
            copy.connect(&id);
        }
    }
    if let IntroPhase::Incident { failed } = copy.phase.clone() {
        steps.push(ShowStep::new(
            trace_caption(&copy, &failed),
            IntroCommand::Blame(failed.clone()),
        ));
        copy.blame(&failed);
    }
    if let IntroPhase::Predict { pull, marked } = copy.phase.clone() {
        let stops = predict::stalls_if_removed(&copy.spec, &copy.board, &pull);
        let pulled = name(&copy.spec, &pull);
        // Marks already right stay; wrong ones come off, missing ones go on.
        for id in marked.symmetric_difference(&stops) {
            let caption = match predict::chain(&copy.spec, id, &pull) {
                Some(chain) => format!(
                    "the {} will stop: {}",
                    name(&copy.spec, id),
                    chain_words(&copy.spec, &chain)
                ),
                None => format!(
                    "unmark the {}: it does not need the {pulled}",
                    name(&copy.spec, id)
                ),
            };
            steps.push(ShowStep::new(caption, IntroCommand::Mark(id.clone())));
        }
        steps.push(ShowStep::new(
            format!("pull the {pulled}: exactly the marked parts stop"),
            IntroCommand::Pull,
        ));
    }
    steps
}

fn name<'a>(spec: &'a StudioSpec, id: &'a str) -> &'a str {
    spec.part(id).map_or(id, |p| p.name.as_str())
}

/// "the Microphone needs the Actor, which needs the Director"
fn chain_words(spec: &StudioSpec, chain: &[String]) -> String {
    let names: Vec<&str> = chain.iter().map(|c| name(spec, c)).collect();
    match names.split_first() {
        Some((first, rest)) if !rest.is_empty() => {
            format!("the {first} needs the {}", rest.join(", which needs the "))
        }
        _ => names.join(""),
    }
}

/// Follow the arrows back from the stopped part furthest down to the part that failed.
fn trace_caption(level: &IntroLevel, failed: &str) -> String {
    let longest = level
        .symptoms()
        .iter()
        .filter_map(|s| predict::chain(&level.spec, &s.part, failed))
        .max_by_key(Vec::len)
        .unwrap_or_else(|| vec![failed.to_string()]);
    let root = name(&level.spec, failed);
    if longest.len() > 1 {
        format!(
            "trace it back: {}; the {root} stopped though all it needs works, so blame it",
            chain_words(&level.spec, &longest)
        )
    } else {
        format!("the {root} stopped though all it needs works: blame it")
    }
}

/// A needed part not yet connected whose own needs are all connected (the first in the
/// file's order), or any missing one if the rest form a loop.
fn next_to_connect(level: &IntroLevel) -> Option<String> {
    let connected = &level.board.connected;
    let mut missing = level
        .spec
        .needed()
        .filter(|p| !connected.contains(&p.id))
        .peekable();
    let first = missing.peek().map(|p| p.id.clone());
    missing
        .find(|p| p.requires.iter().all(|r| connected.contains(r)))
        .map(|p| p.id.clone())
        .or(first)
}

fn connect_caption(spec: &StudioSpec, id: &str) -> String {
    let Some(part) = spec.part(id) else {
        return format!("connect {id}");
    };
    let users: Vec<&str> = spec
        .needed()
        .filter(|p| p.requires.iter().any(|r| r == id))
        .map(|p| p.name.as_str())
        .collect();
    if users.is_empty() {
        format!("connect the {}: {}", part.name, part.role)
    } else {
        format!(
            "connect the {}: the {} need it",
            part.name,
            users.join(" and the ")
        )
    }
}

impl ShowMe for IntroState {
    type Command = IntroCommand;
    fn steps(world: &World) -> Vec<ShowStep<IntroCommand>> {
        world
            .get_resource::<IntroState>()
            .map_or_else(Vec::new, |s| show_me_steps(&s.level))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::intro::model::IntroFeedback;
    use crate::tour::model::content::bundled_file;

    fn fresh() -> IntroLevel {
        IntroLevel::new(bundled_file::<StudioSpec>().expect("bundled content"), 7)
    }

    /// Play the steps on a copy, checking each connection's needs are already in.
    fn play(level: &mut IntroLevel, steps: &[ShowStep<IntroCommand>]) {
        for step in steps {
            match &step.command {
                IntroCommand::Connect(id) => {
                    let part = level.spec.part(id).expect("a real part").clone();
                    assert!(part.needed, "{id} is needed");
                    for r in &part.requires {
                        assert!(level.board.connected.contains(r), "{r} before {id}");
                    }
                    level.connect(id);
                }
                IntroCommand::Blame(id) => {
                    let feedback = level.blame(id);
                    assert!(
                        matches!(feedback[0], IntroFeedback::RootFound { .. }),
                        "{feedback:?}"
                    );
                }
                IntroCommand::Mark(id) => assert!(level.mark(id), "{id} can be marked"),
                IntroCommand::Pull => {
                    let feedback = level.pull();
                    assert!(
                        matches!(&feedback[0], IntroFeedback::Predicted(s) if s.is_right()),
                        "{feedback:?}"
                    );
                }
                IntroCommand::Disconnect(_) => panic!("the solution never disconnects"),
            }
        }
    }

    #[test]
    fn from_scratch_the_steps_connect_in_order_then_trace_then_predict() {
        let mut level = fresh();
        let steps = show_me_steps(&level);
        let needed = level.spec.needed().count();
        assert!(
            steps[needed].caption.contains("blame it"),
            "{}",
            steps[needed].caption
        );
        assert!(matches!(steps[needed].command, IntroCommand::Blame(_)));
        assert_eq!(steps.last().map(|s| &s.command), Some(&IntroCommand::Pull));
        assert!(
            steps[needed + 1..steps.len() - 1]
                .iter()
                .all(|s| matches!(s.command, IntroCommand::Mark(_)) && s.caption.contains("needs")),
            "every mark says why the part stops"
        );
        play(&mut level, &steps);
        assert!(level.is_complete());
        assert_eq!(level.mistakes, 0, "the solution makes no mistakes");
    }

    #[test]
    fn half_done_the_steps_only_add_what_is_missing() {
        let mut level = fresh();
        let first = next_to_connect(&level).expect("something to connect");
        level.connect(&first);
        let steps = show_me_steps(&level);
        assert!(
            steps
                .iter()
                .all(|s| s.command != IntroCommand::Connect(first.clone())),
            "a connected part is not connected again"
        );
        play(&mut level, &steps);
        assert!(level.is_complete());
    }

    #[test]
    fn a_caption_names_who_needs_the_part() {
        let level = fresh();
        let spec = &level.spec;
        let needed_by_other = spec
            .needed()
            .find(|p| spec.needed().any(|q| q.requires.contains(&p.id)))
            .expect("a part others need");
        let caption = connect_caption(spec, &needed_by_other.id);
        assert!(caption.contains("need it"), "{caption}");
        assert!(caption.contains(&needed_by_other.name), "{caption}");
    }

    #[test]
    fn a_wrong_mark_is_taken_off() {
        let mut level = fresh();
        let steps = show_me_steps(&level);
        let blame = steps
            .iter()
            .position(|s| matches!(s.command, IntroCommand::Blame(_)))
            .expect("a blame step");
        play(&mut level, &steps[..=blame]);
        let IntroPhase::Predict { pull, .. } = level.phase.clone() else {
            panic!("a question follows the trace");
        };
        let stops = predict::stalls_if_removed(&level.spec, &level.board, &pull);
        let wrong = level
            .spec
            .needed()
            .map(|p| p.id.clone())
            .find(|id| *id != pull && !stops.contains(id))
            .expect("a part that keeps working");
        level.mark(&wrong);
        let steps = show_me_steps(&level);
        let unmark: Vec<&ShowStep<IntroCommand>> = steps
            .iter()
            .filter(|s| s.caption.starts_with("unmark"))
            .collect();
        assert_eq!(unmark.len(), 1);
        assert_eq!(unmark[0].command, IntroCommand::Mark(wrong.clone()));
        play(&mut level, &steps);
        assert!(level.is_complete());
    }

    #[test]
    fn a_complete_level_has_nothing_to_show() {
        let mut level = fresh();
        let steps = show_me_steps(&level);
        play(&mut level, &steps);
        assert!(show_me_steps(&level).is_empty());
    }
}
