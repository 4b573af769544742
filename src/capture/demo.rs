//! `backlot capture --demo N`: before the screenshot, play a level part-way through the same
//! commands a player sends, so README pictures and worksheets show a level in use (charts
//! with data, a day on the map, a generated trailer) rather than its empty first screen. At a
//! gate, the demo answers every question right and walks through it, which saves progress
//! (the browser test uses it to check that a save survives a reload).

use bevy::prelude::*;

use crate::GameConfig;
use crate::classroom::presenter::show_me::ShowMe;
use crate::stops::conclusion::level::{ConclusionCommand, ConclusionState};
use crate::stops::innovation::cloud::{CloudSpec, Plan};
use crate::stops::innovation::level::{InnovationCommand, InnovationState};
use crate::stops::innovation::studio_ai::model::{AiCaseCommand, Topic};
use crate::stops::innovation::taste::model::TasteCommand;
use crate::stops::innovation::taste::show_me::mood_by_look;
use crate::stops::innovation::ui::{InnovationTab, InnovationUi};
use crate::stops::intro::level::{IntroCommand, IntroState};
use crate::stops::intro::model::IntroPhase;
use crate::stops::marketing::level::{MarketingCommand, MarketingState};
use crate::stops::marketing::model::CampaignSpec;
use crate::stops::post::level::{PostCommand, PostState};
use crate::stops::post::ui::PostUi;
use crate::stops::virtual_production::level::{VpCommand, VpState};
use crate::stops::virtual_production::model::chain::{ChainMove, ChainStep};
use crate::tour::content_plugin::Content;
use crate::tour::model::quiz::SubmitOutcome;
use crate::tour::{ActiveGate, CurrentStop, GateCommand, StopPhase};

/// Posts made before a Stop 4 demo capture; the fifth post's ratio question stays open.
const DEMO_POSTS: usize = 5;

/// One command per frame, reading the level's state, until the demo's state is reached.
fn drive_marketing(
    config: Res<GameConfig>,
    current: Res<CurrentStop>,
    campaign: Res<Content<CampaignSpec>>,
    state: Option<Res<MarketingState>>,
    mut out: MessageWriter<MarketingCommand>,
) {
    let demo = config.capture.as_ref().map_or(0, |c| c.demo);
    let (1, 4, Some(state)) = (demo, current.0, state) else {
        return;
    };
    let Some(plan) = campaign.best_plan() else {
        return;
    };
    let posted = state.campaign.posts().len();
    if let Some(question) = &state.ratio {
        if posted < DEMO_POSTS {
            out.write(MarketingCommand::AnswerRatio(format!(
                "{:.2}",
                question.answer()
            )));
        }
    } else if let Some(post) = plan.get(posted).filter(|_| posted < DEMO_POSTS) {
        out.write(MarketingCommand::Post(*post));
    }
}

/// Stop 6: match every person (one per frame), then pick two careers, so the gallery shows
/// matched cards with their stories and the plan with its first steps.
fn drive_conclusion(
    config: Res<GameConfig>,
    current: Res<CurrentStop>,
    state: Option<Res<ConclusionState>>,
    mut out: MessageWriter<ConclusionCommand>,
) {
    let demo = config.capture.as_ref().map_or(0, |c| c.demo);
    let (1, 6, Some(state)) = (demo, current.0, state) else {
        return;
    };
    let matched = state.game.matched.iter().filter(|m| **m).count();
    if let Some(card) = state.game.next_open() {
        if let Some(deed) = state.game.deed_of(card) {
            out.write(ConclusionCommand::Match { card, deed });
        }
    } else if state.plan.picks.len() < 2 && matched > 0 {
        out.write(ConclusionCommand::TogglePick(
            state.plan.picks.len() * 4 + 1,
        ));
    }
}

/// Stop 2: `--demo 1` builds the signal chain (one answer a frame) so the stage's controls
/// show; `--demo 2` links the chain's first two pieces and then tries a wrong one, so the
/// chain task shows its progress and a refusal with its reason.
/// Stop 0: `--demo 1` plays Show me's steps until the failure happens (the symptoms on
/// screen, nothing traced); `--demo 2` goes on through the trace to the prediction, with the
/// first part marked.
fn drive_intro(world: &World) -> Option<IntroCommand> {
    let demo = world.resource::<GameConfig>().capture.as_ref()?.demo;
    let state = world.get_resource::<IntroState>()?;
    let marked = match &state.level.phase {
        IntroPhase::Incident { .. } if demo == 1 => return None,
        IntroPhase::Predict { marked, .. } => marked.len(),
        IntroPhase::Assemble | IntroPhase::Incident { .. } => 0,
        _ => return None,
    };
    if !(1..=2).contains(&demo) || world.resource::<CurrentStop>().0 != 0 || marked > 0 {
        return None;
    }
    IntroState::steps(world)
        .into_iter()
        .next()
        .map(|s| s.command)
}

fn send_intro_demo(world: &mut World) {
    if let Some(command) = drive_intro(world) {
        world.write_message(command);
    }
}

fn drive_virtual_production(
    config: Res<GameConfig>,
    current: Res<CurrentStop>,
    state: Option<Res<VpState>>,
    mut out: MessageWriter<VpCommand>,
) {
    let demo = config.capture.as_ref().map_or(0, |c| c.demo);
    let (1 | 2, 2, Some(state)) = (demo, current.0, state) else {
        return;
    };
    let (chain, task) = (&state.chain_spec, &state.chain);
    if demo == 2 && task.linked >= 2 && task.step == ChainStep::Link {
        if task.refused == 0 {
            let last = chain.pieces.len().saturating_sub(1);
            out.write(VpCommand::Chain(ChainMove::Link(last)));
        }
        return;
    }
    if let Some(answer) = task.solution(chain).first() {
        out.write(VpCommand::Chain(*answer));
    }
}

/// Stop 3: `--demo 1` opens "which clip is in sync?" and picks a clip that is out of sync,
/// so the clips, the sound meter and the refusal with its offset show.
fn drive_post(
    config: Res<GameConfig>,
    current: Res<CurrentStop>,
    state: Option<Res<PostState>>,
    ui: Option<ResMut<PostUi>>,
    mut out: MessageWriter<PostCommand>,
    mut step: Local<u8>,
) {
    let demo = config.capture.as_ref().map_or(0, |c| c.demo);
    let (1, 3, Some(state), Some(mut ui)) = (demo, current.0, state, ui) else {
        return;
    };
    let clips = &state.level.late_clip;
    match *step {
        0 => ui.open_clips_task(&state, &mut out),
        1 => {
            let late = (0..4).find(|&i| clips.offset_of(i).is_some_and(|o| o != 0));
            if let Some(late) = late {
                out.write(PostCommand::PickClip(late));
            }
        }
        _ => return,
    }
    *step += 1;
}

fn drive_innovation(
    config: Res<GameConfig>,
    current: Res<CurrentStop>,
    cloud: Res<Content<CloudSpec>>,
    state: Option<Res<InnovationState>>,
    ui: Option<ResMut<InnovationUi>>,
    mut out: MessageWriter<InnovationCommand>,
    mut step: Local<u8>,
) {
    let demo = config.capture.as_ref().map_or(0, |c| c.demo);
    if current.0 != 5 || demo == 0 || state.is_none() {
        return;
    }
    let spec = &cloud.0;
    match (*step, demo) {
        (0, _) => {
            // A plan that meets the deadline: proxies uploaded as they are shot, 10 Gbps out
            // of the studio and into London.
            let mut plan = Plan::default_for(spec);
            let ten = spec.links.iter().position(|l| l.rate_mbps >= 10_000.0);
            let london = spec.sites.iter().position(|s| s.id == "london");
            plan.ship_drives = false;
            plan.proxies = true;
            plan.upload_while_shooting = true;
            if let (Some(ten), Some(london)) = (ten, london) {
                plan.uplink = ten;
                if let Some(link) = plan.per_site_link.get_mut(london) {
                    *link = ten;
                }
            }
            out.write(InnovationCommand::SetPlan(plan));
            out.write(InnovationCommand::RunDay);
        }
        (1, 2) => {
            out.write(InnovationCommand::SetPrompt(
                "a tense desert canyon at dusk in warm colours".into(),
            ));
            out.write(InnovationCommand::Generate);
        }
        (2, 2) => {
            out.write(InnovationCommand::PlayTrailer);
            if let Some(mut ui) = ui {
                ui.tab = InnovationTab::Trailer;
            }
        }
        (1..=3, 3) => {
            // The shots exist from the level's first frame; wait for them.
            let Some(state) = state.filter(|s| s.taste.ready()) else {
                return;
            };
            for c in taste_demo(*step, &state, spec) {
                out.write(InnovationCommand::Taste(c));
            }
            if let Some(mut ui) = ui {
                ui.tab = InnovationTab::Taste;
            }
        }
        (1, 4) => {
            for topic in Topic::ALL {
                out.write(InnovationCommand::AiCase(AiCaseCommand::Choose {
                    case: 0,
                    topic,
                    option: 0,
                }));
            }
            if let Some(mut ui) = ui {
                ui.tab = InnovationTab::AiCases;
            }
        }
        _ => return,
    }
    *step += 1;
}

/// Stop 5 demo 3: every shot labelled by its look and the model trained (step 1), then shot 1
/// relabelled (step 2) and the model trained again (step 3).
fn taste_demo(step: u8, state: &InnovationState, spec: &CloudSpec) -> Vec<TasteCommand> {
    let moods = spec.taste.moods.len().max(1);
    match step {
        1 => {
            let shots = state.taste.training_shots();
            let mut out: Vec<TasteCommand> = (0..shots.len())
                .map(|shot| TasteCommand::Label {
                    shot,
                    mood: mood_by_look(&spec.taste, &shots[shot]),
                })
                .collect();
            out.push(TasteCommand::Train);
            out
        }
        2 => {
            let first = state.taste.labels.first().copied().flatten().unwrap_or(0);
            vec![TasteCommand::Label {
                shot: 0,
                mood: Some((first + 1) % moods),
            }]
        }
        _ => vec![TasteCommand::Train],
    }
}

/// One step a frame: choose the right answers and submit, then go on once it is accepted.
fn drive_gate(
    config: Res<GameConfig>,
    gate: Option<Res<ActiveGate>>,
    mut out: MessageWriter<GateCommand>,
) {
    let demo = config.capture.as_ref().map_or(0, |c| c.demo);
    let (1.., Some(gate)) = (demo, gate) else {
        return;
    };
    if matches!(gate.last_outcome, Some(SubmitOutcome::Correct { .. })) {
        out.write(GateCommand::Next);
        return;
    }
    for (position, (_, choice)) in gate.session.displayed_choices().iter().enumerate() {
        if choice.correct {
            out.write(GateCommand::Select(position));
        }
    }
    out.write(GateCommand::Submit);
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        drive_gate
            .before(crate::tour::flow::TourSystems::Play)
            .run_if(in_state(StopPhase::Gate)),
    );
    app.add_systems(
        Update,
        (
            send_intro_demo,
            drive_marketing,
            drive_virtual_production,
            drive_post,
            drive_innovation,
            drive_conclusion,
        )
            .before(crate::tour::flow::TourSystems::Play)
            .run_if(in_state(StopPhase::Level)),
    );
}
