//! The soak's moves inside each stop's level: the current task carried out whole, step by
//! step, as a teacher's "Show me" would play it; one of the idle clicks a student makes on the
//! level's controls; or, once nothing is left to solve, playing something and watching it.
//! All go through the level's command messages, like the UI's buttons.

use bevy::prelude::*;

use super::{Soak, SplitMix};
use crate::classroom::presenter::show_me::ShowMe;
use crate::stops::conclusion::level::{ConclusionCommand, ConclusionState};
use crate::stops::innovation::level::{InnovationCommand, InnovationState};
use crate::stops::innovation::studio_ai::model::{AiCaseCommand, Topic};
use crate::stops::innovation::taste::model::{TRAINING_SHOTS, TasteCommand};
use crate::stops::intro::level::{IntroCommand, IntroState};
use crate::stops::intro::model::StudioSpec;
use crate::stops::marketing::level::{MarketingCommand, MarketingState};
use crate::stops::post::level::{PostCommand, PostState};
use crate::stops::post::model::Nudge;
use crate::stops::previs::level::{PrevisCommand, PrevisState};
use crate::stops::virtual_production::level::{VpCommand, VpSave, VpState};
use crate::stops::virtual_production::model::chain::{ChainMove, PieceKind};
use crate::tour::content_plugin::Content;
use crate::tour::level_save::LevelSnapshot;
use crate::tour::model::level_save::{from_text, level_save_path};

/// Out of 100 level moves, how many carry out the current task (the rest are idle clicks).
const SOLUTION_PERCENT: u64 = 50;
/// A watch lasts this many frames and up to this many more (at 250 ms a frame, 10 to 100 s:
/// Stop 1's animatic alone runs about 40 s).
const WATCH_FRAMES: (u64, usize) = (40, 360);

/// One move in `stop`'s level; false when there was nothing to do.
pub(super) fn level_move(soak: &mut Soak, stop: usize) -> bool {
    match stop {
        0 => play::<IntroState>(soak, intro_click),
        1 => play::<PrevisState>(soak, previs_click),
        2 => play::<VpSave>(soak, vp_click),
        3 => play::<PostState>(soak, post_click),
        4 => play::<MarketingState>(soak, marketing_click),
        5 => play::<InnovationState>(soak, innovation_click),
        6 => play::<ConclusionState>(soak, conclusion_click),
        _ => false,
    }
}

fn play<S: ShowMe>(
    soak: &mut Soak,
    click: fn(&World, &mut SplitMix) -> Option<S::Command>,
) -> bool {
    let steps = S::steps(soak.world());
    if steps.is_empty() && soak.rng.chance(50) {
        // Nothing left to solve: what is left is to play something (an animatic, a take, a
        // trailer) and watch it to its end without touching anything.
        if let Some(c) = click(soak.app.world(), &mut soak.rng) {
            soak.send(c);
        }
        let watch = WATCH_FRAMES.0 + soak.rng.below(WATCH_FRAMES.1) as u64;
        soak.frames(watch);
        return true;
    }
    if soak.rng.chance(SOLUTION_PERCENT) && !steps.is_empty() {
        // The current task done the way "Show me" does it: every step, in order (each step
        // is worked out from the level as the steps before it leave it).
        for step in steps {
            soak.send(step.command);
        }
        return true;
    }
    match click(soak.app.world(), &mut soak.rng) {
        Some(c) => {
            soak.send(c);
            true
        }
        None => false,
    }
}

/// Problems with the level saves on disk: each must read back as its stop's snapshot.
pub(super) fn level_save_problems(dir: &std::path::Path) -> Vec<String> {
    let checks: [fn(&std::path::Path) -> Option<String>; 7] = [
        check_save::<IntroState>,
        check_save::<PrevisState>,
        check_save::<VpSave>,
        check_save::<PostState>,
        check_save::<MarketingState>,
        check_save::<InnovationState>,
        check_save::<ConclusionState>,
    ];
    checks.iter().filter_map(|check| check(dir)).collect()
}

fn check_save<S: LevelSnapshot>(dir: &std::path::Path) -> Option<String> {
    let path = level_save_path(dir, S::STOP);
    let text = crate::platform::storage::read_to_string(&path).ok()?;
    from_text::<S>(S::STOP, &text)
        .err()
        .map(|e| format!("the level save {} does not read back: {e}", path.display()))
}

fn intro_click(world: &World, rng: &mut SplitMix) -> Option<IntroCommand> {
    // Any part on the shelf, distractors included, whatever the level is waiting for: the
    // level refuses what does not fit its step.
    let parts = &world.get_resource::<Content<StudioSpec>>()?.parts;
    let id = parts.get(rng.below(parts.len()))?.id.clone();
    Some(match rng.below(10) {
        0..=3 => IntroCommand::Connect(id),
        4 => IntroCommand::Disconnect(id),
        5..=6 => IntroCommand::Blame(id),
        7..=8 => IntroCommand::Mark(id),
        _ => IntroCommand::Pull,
    })
}

fn previs_click(world: &World, rng: &mut SplitMix) -> Option<PrevisCommand> {
    let panels = world.get_resource::<PrevisState>()?.storyboard.panels.len();
    let panel = rng.below(panels);
    Some(match rng.below(5) {
        0 => PrevisCommand::SelectPanel(panel),
        1 => PrevisCommand::CheckShot(panel),
        2 => PrevisCommand::PlayShot(panel),
        3 => PrevisCommand::PlayAnimatic,
        _ => PrevisCommand::Stop,
    })
}

fn vp_click(world: &World, rng: &mut SplitMix) -> Option<VpCommand> {
    let shots = world.get_resource::<VpState>()?.level.shots.len();
    Some(match rng.below(7) {
        0 => VpCommand::SelectShot(rng.below(shots)),
        1 => VpCommand::NextTime,
        2 => VpCommand::NextWeather,
        // The signal chain: a guess at the next piece, its kind or who runs it.
        3 => VpCommand::Chain(ChainMove::Link(rng.below(8))),
        4 => VpCommand::Chain(ChainMove::Sort(
            rng.pick(&[PieceKind::Hardware, PieceKind::Software]),
        )),
        5 => VpCommand::Chain(ChainMove::Person(rng.below(8))),
        _ => VpCommand::RecordTake,
    })
}

fn post_click(_: &World, rng: &mut SplitMix) -> Option<PostCommand> {
    Some(match rng.below(10) {
        // Which clip is in sync: play one, pick one, or ask for the class reveal.
        7 => PostCommand::PlayClip(rng.below(4)),
        8 => PostCommand::PickClip(rng.below(4)),
        9 => PostCommand::RevealClips,
        0 => PostCommand::Nudge(rng.pick(&[
            Nudge::FrameEarlier,
            Nudge::FrameLater,
            Nudge::SecondEarlier,
            Nudge::SecondLater,
        ])),
        1 => PostCommand::Step(rng.pick(&[-1, 1])),
        2 => PostCommand::Shuttle(rng.pick(&[-2, -1, 0, 1, 2])),
        3 => PostCommand::PlaySync,
        4 => PostCommand::SubmitSync,
        // A typed answer: a number, or a slip of the keyboard.
        5 => PostCommand::AnswerCount(rng.below(5000).to_string()),
        _ => PostCommand::AnswerDuration(rng.pick(&["00:00:10:00", "10", "1:2", "abc", ""]).into()),
    })
}

fn marketing_click(_: &World, rng: &mut SplitMix) -> Option<MarketingCommand> {
    let ratio = rng.pick(&["16:9", "9:16", "1:1", "4:5", "1.78", "square", ""]);
    Some(MarketingCommand::AnswerRatio(ratio.into()))
}

fn innovation_click(_: &World, rng: &mut SplitMix) -> Option<InnovationCommand> {
    Some(match rng.below(11) {
        0 => InnovationCommand::RunDay,
        1 => InnovationCommand::ReplayMap,
        2 => InnovationCommand::Generate,
        3 => InnovationCommand::PlayTrailer,
        // The director's brief: a call on the result, right or wrong.
        4 => InnovationCommand::RejectConcept,
        5 => InnovationCommand::ApproveConcept,
        6 => InnovationCommand::NextBrief,
        // The taste lab: a label (or none) on any shot, or training as the labels are.
        7 => InnovationCommand::Taste(TasteCommand::Label {
            shot: rng.below(TRAINING_SHOTS + 2),
            mood: rng.pick(&[None, Some(0), Some(1), Some(2), Some(5)]),
        }),
        8 => InnovationCommand::Taste(TasteCommand::Train),
        9 => InnovationCommand::AiCase(AiCaseCommand::Choose {
            case: rng.below(4),
            topic: rng.pick(&[Topic::Consent, Topic::Credit, Topic::Jobs]),
            option: rng.below(4),
        }),
        _ => InnovationCommand::StopTrailer,
    })
}

fn conclusion_click(world: &World, rng: &mut SplitMix) -> Option<ConclusionCommand> {
    let game = &world.get_resource::<ConclusionState>()?.game;
    let cards = game.people.len();
    let card = rng.below(cards);
    Some(match rng.below(10) {
        0..=1 => ConclusionCommand::Focus(card),
        2 => ConclusionCommand::TogglePick(rng.below(12)),
        3 => ConclusionCommand::KeepPlan,
        // Half the matches are right, as a student who read the cards would get them.
        4..=6 => ConclusionCommand::Match {
            card,
            deed: game.deed_of(card).unwrap_or(0),
        },
        _ => ConclusionCommand::Match {
            card,
            deed: rng.below(cards),
        },
    })
}
