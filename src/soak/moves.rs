//! The soak's player: on each screen, one of the things a player could do there.

use bevy::prelude::*;

use super::{Soak, levels};
use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::lesson::LessonLength;
use crate::tour::model::quiz::SubmitOutcome;
use crate::tour::{
    ActiveGate, ActiveLesson, CurrentStop, GateCommand, LevelStatus, SaveData, Screen, StopPhase,
    TourCommand,
};

fn screen(world: &World) -> Screen {
    *world.resource::<State<Screen>>().get()
}

fn phase(world: &World) -> Option<StopPhase> {
    world.get_resource::<State<StopPhase>>().map(|s| *s.get())
}

/// One move on the screen the player is on.
pub(super) fn one_move(soak: &mut Soak) {
    match (screen(soak.world()), phase(soak.world())) {
        (Screen::Title, _) => soak.send(TourCommand::StartTour),
        (Screen::Map, _) => on_map(soak),
        (Screen::Finale, _) => {
            let to = if soak.rng.chance(50) {
                TourCommand::ToMap
            } else {
                TourCommand::ToTitle
            };
            soak.send(to);
        }
        (Screen::Stop, Some(StopPhase::Briefing) | None) => in_briefing(soak),
        (Screen::Stop, Some(StopPhase::Level)) => in_level(soak),
        (Screen::Stop, Some(StopPhase::Gate)) => at_gate(soak),
    }
}

/// The lot: mostly walk into a stop (the furthest open one more often than not; a locked one
/// is refused with a notice), sometimes change the lesson length or go back to the title.
fn on_map(soak: &mut Soak) {
    let progress = &soak.world().resource::<SaveData>().progress;
    let furthest = (0..STOP_COUNT)
        .rev()
        .find(|&s| progress.is_unlocked(s))
        .unwrap_or(0);
    match soak.rng.below(20) {
        0 => soak.send(TourCommand::ToTitle),
        1 => {
            // The settings' lesson length, as a teacher picks it during play.
            let length = soak.rng.pick(&[
                LessonLength::Short,
                LessonLength::Standard,
                LessonLength::Full,
            ]);
            soak.app
                .world_mut()
                .resource_mut::<ActiveLesson>()
                .choose(length);
            soak.frames(1);
        }
        n => {
            let stop = if n < 12 {
                furthest
            } else {
                soak.rng.below(STOP_COUNT)
            };
            soak.send(TourCommand::OpenStop(stop));
            if screen(soak.world()) == Screen::Stop {
                soak.report.stops_entered += 1;
            }
        }
    }
}

/// The briefing: begin the level, go straight to the gate once the level is done, or leave.
fn in_briefing(soak: &mut Soak) {
    let stop = soak.world().resource::<CurrentStop>().0;
    let finished_before = u8::try_from(stop).is_ok_and(|s| {
        soak.world()
            .resource::<SaveData>()
            .progress
            .level_stars
            .contains_key(&s)
    });
    match soak.rng.below(10) {
        0 => soak.send(TourCommand::ToMap),
        1 if finished_before => soak.send(TourCommand::GoToGate),
        _ => soak.send(TourCommand::BeginLevel),
    }
}

/// The level: finish it when it is done; otherwise play it (or wait, or walk out).
fn in_level(soak: &mut Soak) {
    let complete = soak.world().resource::<LevelStatus>().complete;
    if complete && soak.rng.chance(60) {
        soak.send(TourCommand::FinishLevel);
        if phase(soak.world()) != Some(StopPhase::Level) {
            soak.report.levels_finished += 1;
        }
        return;
    }
    match soak.rng.below(40) {
        0 => soak.send(TourCommand::ToMap),
        1..=4 => {
            // A player who watches: frames pass with no input.
            let n = 1 + soak.rng.below(5) as u64;
            soak.frames(n);
        }
        _ => {
            let stop = soak.world().resource::<CurrentStop>().0;
            if !levels::level_move(soak, stop) {
                soak.frames(1);
            }
        }
    }
}

/// The gate: answer the question on screen (right most of the time), go on after a right
/// answer, or walk out and come back later.
fn at_gate(soak: &mut Soak) {
    let Some(gate) = soak.world().get_resource::<ActiveGate>() else {
        soak.frames(1);
        return;
    };
    let answered = gate.session.current_answered();
    let was_open = gate.session.is_open();
    let stop = gate.stop;
    if soak.rng.chance(3) {
        soak.send(TourCommand::ToMap);
        return;
    }
    if answered {
        soak.send(GateCommand::Next);
        if was_open && phase(soak.world()) != Some(StopPhase::Gate) {
            soak.report.gates_passed += 1;
            if let Some(n) = soak.report.gates_by_stop.get_mut(stop) {
                *n += 1;
            }
        }
        return;
    }
    answer(soak);
}

/// Pick a right or a wrong set of choices, then submit.
fn answer(soak: &mut Soak) {
    let right = soak.rng.chance(70);
    let gate = soak.world().resource::<ActiveGate>();
    let shown = gate.session.displayed_choices();
    let mut wanted: Vec<bool> = shown.iter().map(|(_, c)| c.correct).collect();
    if !right {
        // One wrong choice alone (every gate question has at least one).
        let Some(wrong) = wanted.iter().position(|c| !c) else {
            return soak.frames(1);
        };
        wanted = (0..wanted.len()).map(|i| i == wrong).collect();
    }
    // Click until the selection is the one wanted: a single-answer question selects like a
    // radio button, a several-answer one toggles, so pick the wanted choices first, then drop
    // the others, looking again after every click.
    for _ in 0..2 * wanted.len() {
        let gate = &soak.world().resource::<ActiveGate>().session;
        let missing = (0..wanted.len()).find(|&i| wanted[i] && !gate.is_selected(i));
        let extra = (0..wanted.len()).find(|&i| !wanted[i] && gate.is_selected(i));
        let Some(position) = missing.or(extra) else {
            break;
        };
        soak.send(GateCommand::Select(position));
    }
    soak.send(GateCommand::Submit);
    let outcome = &soak.world().resource::<ActiveGate>().last_outcome;
    match (right, outcome) {
        (true, Some(SubmitOutcome::Correct { .. })) => {}
        (false, Some(SubmitOutcome::Incorrect { .. })) => soak.report.wrong_answers += 1,
        (_, other) => soak.report.problem(format!(
            "a {} answer got {other:?}",
            if right { "right" } else { "wrong" }
        )),
    }
}
