//! "Show me" for the Intro: connect the missing parts in dependency order (a part goes in
//! only after the parts it needs), then follow the stall back to the part that failed and
//! repair it. The steps are worked out on a copy of the level, so the incident the real
//! level will draw is known in advance (the same seed breaks the same part).

use bevy::prelude::*;

use crate::classroom::presenter::model::ShowStep;
use crate::classroom::presenter::show_me::ShowMe;
use crate::stops::intro::level::{IntroCommand, IntroState};
use crate::stops::intro::model::{IntroLevel, IntroPhase, StudioSpec};

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
        let name = copy.spec.part(&failed).map_or(failed.as_str(), |p| &p.name);
        let stalled = copy.status().stalls.len().saturating_sub(1);
        steps.push(ShowStep::new(
            format!("trace the stall to its root: {stalled} parts wait on the {name}; repair it"),
            IntroCommand::Repair(failed.clone()),
        ));
    }
    steps
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
                IntroCommand::Repair(id) => {
                    let feedback = level.repair(id);
                    assert!(
                        matches!(feedback, IntroFeedback::Repaired { .. }),
                        "{feedback:?}"
                    );
                }
                IntroCommand::Disconnect(_) => panic!("the solution never disconnects"),
            }
        }
    }

    #[test]
    fn from_scratch_the_steps_connect_in_order_then_repair_the_failed_part() {
        let mut level = fresh();
        let steps = show_me_steps(&level);
        let needed = level.spec.needed().count();
        assert_eq!(steps.len(), needed + 1, "every part, then the repair");
        assert!(steps[needed].caption.contains("repair"));
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
    fn a_complete_level_has_nothing_to_show() {
        let mut level = fresh();
        let steps = show_me_steps(&level);
        play(&mut level, &steps);
        assert!(show_me_steps(&level).is_empty());
    }
}
