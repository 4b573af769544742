//! Stop 0's level screen: the parts with their roles (left), the dependency graph (middle) and
//! the production's state, the selected part and the task at hand (right). Keyboard: Up/Down
//! choose a part, Enter connects it (blames it during an incident, marks it while predicting,
//! goes on once done), P pulls the part in question, Backspace removes a part.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::stops::intro::graph_view::dependency_graph;
use crate::stops::intro::level::{IntroCommand, IntroState, STOP};
use crate::stops::intro::model::{
    IntroFeedback, IntroPhase, PartKind, PredictionScore, ProductionStatus, predict,
};
use crate::tour::{TourCommand, in_level};
use crate::ui::level_frame::{LevelScreen, task_list};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{UiSystems, color};
use crate::ui::widgets::{focus_ring, panel_width, primary_button, stars_text};

/// The selected part: a slot in [`bin_order`]. Keys move it; a click on a part sets it.
#[derive(Resource, Default)]
struct IntroFocus(usize);

/// Parts in the order the list shows them: grouped by kind.
fn bin_order(state: &IntroState) -> Vec<usize> {
    let parts = &state.level.spec.parts;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| parts[i].kind);
    order
}

fn focused_id(state: &IntroState, focus: usize) -> Option<String> {
    let order = bin_order(state);
    let slot = *order.get(focus % order.len().max(1))?;
    Some(state.level.spec.parts[slot].id.clone())
}

fn name_of(state: &IntroState, id: &str) -> String {
    state
        .level
        .spec
        .part(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// What Enter (or the panel's main button) does to the selected part in each phase.
fn act_on(phase: &IntroPhase, id: String) -> Option<IntroCommand> {
    match phase {
        IntroPhase::Assemble => Some(IntroCommand::Connect(id)),
        IntroPhase::Incident { .. } => Some(IntroCommand::Blame(id)),
        IntroPhase::Predict { .. } => Some(IntroCommand::Mark(id)),
        IntroPhase::Complete => None,
    }
}

fn intro_keys(
    keys: Res<ButtonInput<KeyCode>>,
    state: Option<Res<IntroState>>,
    mut focus: ResMut<IntroFocus>,
    mut out: MessageWriter<IntroCommand>,
    mut tour: MessageWriter<TourCommand>,
) {
    let Some(state) = state else { return };
    let count = bin_order(&state).len();
    if count == 0 {
        return;
    }
    if keys.any_just_pressed([KeyCode::ArrowDown, KeyCode::KeyS, KeyCode::Tab]) {
        focus.0 = (focus.0 + 1) % count;
    }
    if keys.any_just_pressed([KeyCode::ArrowUp, KeyCode::KeyW]) {
        focus.0 = (focus.0 + count - 1) % count;
    }
    let Some(id) = focused_id(&state, focus.0) else {
        return;
    };
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        match act_on(&state.level.phase, id.clone()) {
            Some(command) => {
                out.write(command);
            }
            None => {
                tour.write(TourCommand::FinishLevel);
            }
        }
    }
    if keys.just_pressed(KeyCode::KeyP) && matches!(state.level.phase, IntroPhase::Predict { .. }) {
        out.write(IntroCommand::Pull);
    }
    if keys.any_just_pressed([KeyCode::Backspace, KeyCode::Delete]) {
        out.write(IntroCommand::Disconnect(id));
    }
}

/// The key bar: what each key does in the phase at hand.
fn hints(phase: &IntroPhase) -> Vec<(&'static str, &'static str)> {
    let enter = match phase {
        IntroPhase::Assemble => "connect it",
        IntroPhase::Incident { .. } => "blame it",
        IntroPhase::Predict { .. } => "mark: will stop",
        IntroPhase::Complete => "continue",
    };
    let mut out = vec![("Up/Down", "choose a part"), ("Enter", enter)];
    match phase {
        IntroPhase::Predict { .. } => out.push(("P", "pull the part")),
        IntroPhase::Incident { .. } => {}
        _ => out.push(("Backspace", "remove a part")),
    }
    out.push(("Esc", "leave"));
    out
}

fn feedback_line(state: &IntroState, fb: &IntroFeedback) -> String {
    match fb {
        IntroFeedback::Connected(id) => format!("+ {} connected.", name_of(state, id)),
        IntroFeedback::NotNeeded { part, why } => {
            format!("✖ {} does not belong: {why}", name_of(state, part))
        }
        IntroFeedback::Running => "✔ Every part works together: the production is RUNNING!".into(),
        IntroFeedback::IncidentStarted { stopped } => format!(
            "⚠ Something failed! {} parts stopped. Find the part where it starts.",
            stopped.len()
        ),
        IntroFeedback::OnlyStalled { part } => format!(
            "✖ Not the {}. It only stalled: it is waiting on a part it needs. \
             Follow its arrows back up.",
            name_of(state, part)
        ),
        IntroFeedback::StillWorking { part } => format!(
            "✖ Not the {}. It is still working, so it cannot be the cause.",
            name_of(state, part)
        ),
        IntroFeedback::RootFound { part } => format!(
            "✔ Found it: the {} failed. Repaired, and the shoot runs again.",
            name_of(state, part)
        ),
        IntroFeedback::PredictStarted { pull } => {
            format!("? What stops if the {} is pulled?", name_of(state, pull))
        }
        IntroFeedback::Predicted(score) if score.is_right() => {
            "✔ Your prediction was right!".into()
        }
        IntroFeedback::Predicted(_) => {
            "✖ Not quite: see what really stopped, then try another part.".into()
        }
        IntroFeedback::Unknown(id) => {
            format!("{} is not part of this production.", name_of(state, id))
        }
    }
}

fn intro_ui(
    mut screen: LevelScreen,
    state: Option<Res<IntroState>>,
    mut focus: ResMut<IntroFocus>,
    mut out: MessageWriter<IntroCommand>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    let (mut root, p) = screen.begin("intro", &hints(&state.level.phase))?;
    let status = state.level.status();
    let selected = focused_id(&state, focus.0);
    let panel_frame = egui::Frame::new()
        .fill(color(p.panel))
        .inner_margin(egui::Margin::same(12));
    let mut picked: Option<String> = None;
    let mut from_list = false;
    egui::Panel::left("parts_bin")
        .exact_size(panel_width(&root, 360.0))
        .frame(panel_frame)
        .show(&mut root, |ui| {
            picked = parts_list(ui, &p, &state, &status, focus.0, focus.is_changed());
            from_list = picked.is_some();
        });
    egui::Panel::right("status")
        .exact_size(panel_width(&root, 400.0))
        .frame(panel_frame)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("status")
                .show(ui, |ui| {
                    status_panel(ui, &p, &state, &status, &mut screen.tour, &mut out);
                    ui.separator();
                    if let Some(id) = &selected {
                        inspector(ui, &state, &status, id, &mut out);
                        ui.separator();
                    }
                    result_lines(ui, &p, &state);
                    for fb in state.log.iter().rev().take(3) {
                        ui.label(
                            egui::RichText::new(feedback_line(&state, fb))
                                .color(color(p.muted_text)),
                        );
                    }
                    ui.separator();
                    task_list(ui, &p, &screen.status, screen.lesson.length);
                });
        });
    // The middle: the graph on a backing of its own, leaving the set and its host in view below.
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::same(8)))
        .show(&mut root, |ui| {
            let max_height = ui.available_height() * 0.78;
            egui::Frame::new()
                .fill(color(p.background))
                .corner_radius(8)
                .inner_margin(egui::Margin::same(10))
                .show(ui, |ui| {
                    let clicked =
                        dependency_graph(ui, &p, &state, &status, selected.as_deref(), max_height);
                    picked = picked.take().or(clicked);
                });
        });
    if let Some(id) = picked {
        let order = bin_order(&state);
        if let Some(slot) = order
            .iter()
            .position(|&i| state.level.spec.parts[i].id == id)
        {
            focus.0 = slot;
        }
        let connected = state.level.board.connected.contains(&id);
        match state.level.phase {
            // While predicting, a click marks too: marking is cheap to undo.
            IntroPhase::Predict { .. } => {
                out.write(IntroCommand::Mark(id));
            }
            // A click in the list connects or removes a part; on the graph it only selects.
            IntroPhase::Assemble | IntroPhase::Complete if from_list => {
                out.write(if connected {
                    IntroCommand::Disconnect(id)
                } else {
                    IntroCommand::Connect(id)
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// The left panel: every part, grouped by kind, with its state and its role in plain sight.
/// While building a click connects or removes a part; later a click selects it. Returns the
/// part picked.
fn parts_list(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &IntroState,
    status: &ProductionStatus,
    focus: usize,
    focus_moved: bool,
) -> Option<String> {
    let order = bin_order(state);
    let (title, blurb) = match state.level.phase {
        IntroPhase::Assemble => (
            "Build the production",
            "A movie is a system: connect the hardware, software and people it needs.",
        ),
        IntroPhase::Incident { .. } => ("Trace the failure", "Choose a part to see what it needs."),
        IntroPhase::Predict { .. } => ("Predict the stall", "Mark each part you think will stop."),
        IntroPhase::Complete => ("The production", "Remove a part to see what stops."),
    };
    ui.heading(title);
    ui.label(egui::RichText::new(blurb).color(color(p.muted_text)));
    let mut picked = None;
    egui::ScrollArea::vertical()
        .id_salt("parts")
        .show(ui, |ui| {
            let mut last_kind: Option<PartKind> = None;
            for (slot, &i) in order.iter().enumerate() {
                let part = &state.level.spec.parts[i];
                if last_kind != Some(part.kind) {
                    ui.label(egui::RichText::new(part.kind.label()).strong().size(22.0));
                    last_kind = Some(part.kind);
                }
                let connected = state.level.board.connected.contains(&part.id);
                let stopped = status.stalls.iter().any(|s| s.part == part.id);
                let tag = match &state.level.phase {
                    _ if !connected => "○ in the bin",
                    IntroPhase::Predict { pull, .. } if *pull == part.id => "▶ to pull",
                    IntroPhase::Predict { marked, .. } if marked.contains(&part.id) => {
                        "☑ will stop"
                    }
                    IntroPhase::Predict { .. } => "☐",
                    _ if stopped => "⏸ stopped",
                    _ => "✔ working",
                };
                let response = ui.add(
                    egui::Button::new(format!("{}  — {tag}", part.name))
                        .selected(connected)
                        .min_size(egui::vec2(ui.available_width(), 38.0)),
                );
                ui.label(
                    egui::RichText::new(&part.role)
                        .size(16.0)
                        .color(color(p.muted_text)),
                );
                ui.add_space(4.0);
                if focus % order.len() == slot {
                    focus_ring(ui, response.rect, p);
                    if focus_moved {
                        response.scroll_to_me(None);
                    }
                }
                if response.clicked() {
                    picked = Some(part.id.clone());
                }
            }
        });
    picked
}

/// The right panel's top: whether the production runs and what the phase asks for.
fn status_panel(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &IntroState,
    status: &ProductionStatus,
    tour: &mut MessageWriter<TourCommand>,
    out: &mut MessageWriter<IntroCommand>,
) {
    let (headline, tone) = if status.running {
        ("✔ Production RUNNING", p.success)
    } else {
        ("✖ Production STALLED", p.warning)
    };
    ui.label(
        egui::RichText::new(headline)
            .size(28.0)
            .strong()
            .color(color(tone)),
    );
    match &state.level.phase {
        IntroPhase::Assemble => {
            let needed = state.level.spec.needed().count();
            ui.label(format!(
                "{} of {needed} needed parts working.",
                status.working.len()
            ));
        }
        IntroPhase::Incident { .. } => {
            ui.label(
                egui::RichText::new(
                    "Something failed. Some parts stopped only because a part they need \
                     stopped. Follow the arrows back and blame the part where it starts.",
                )
                .strong(),
            );
            ui.label("What the crew sees:");
            for symptom in state.level.symptoms() {
                ui.label(format!(
                    "⏸ {}: {}",
                    name_of(state, &symptom.part),
                    symptom.symptom
                ));
            }
        }
        IntroPhase::Predict { pull, marked } => {
            let name = name_of(state, pull);
            ui.label(
                egui::RichText::new(format!(
                    "It runs again! Now, before we pull the {name}: which parts will stop? \
                     Mark them, then pull it."
                ))
                .strong(),
            );
            ui.label(match marked.len() {
                0 => "You marked none: you expect nothing to stop.".to_owned(),
                1 => "You marked 1 part.".to_owned(),
                n => format!("You marked {n} parts."),
            });
            if primary_button(ui, p, &format!("Pull the {name} (P)")).clicked() {
                out.write(IntroCommand::Pull);
            }
        }
        IntroPhase::Complete => {
            ui.label(format!(
                "Level complete! {}  ·  mistakes: {}",
                stars_text(state.level.stars()),
                state.level.mistakes
            ));
            if primary_button(ui, p, "▶ Continue to the quiz gate").clicked() {
                tour.write(TourCommand::FinishLevel);
            }
        }
    }
}

/// The selected part: its role, what it needs and what needs it (with their states), and the
/// phase's action on it.
fn inspector(
    ui: &mut egui::Ui,
    state: &IntroState,
    status: &ProductionStatus,
    id: &str,
    out: &mut MessageWriter<IntroCommand>,
) {
    let Some(part) = state.level.spec.part(id) else {
        return;
    };
    let connected = |id: &str| state.level.board.connected.contains(id);
    let state_word = |id: &str| {
        if !connected(id) {
            "○ not connected"
        } else if status.stalls.iter().any(|s| s.part == id) {
            "⏸ stopped"
        } else {
            "✔ working"
        }
    };
    ui.label(
        egui::RichText::new(format!("{} · {}", part.name, part.kind.label()))
            .strong()
            .size(22.0),
    );
    ui.label(&part.role);
    if !part.needed {
        return;
    }
    if part.requires.is_empty() {
        ui.label("Needs: no other part.");
    } else {
        ui.label("Needs:");
        for need in &part.requires {
            ui.label(format!("   {}  {}", name_of(state, need), state_word(need)));
        }
    }
    let users: Vec<String> = state
        .level
        .spec
        .needed()
        .filter(|q| q.requires.contains(&part.id))
        .map(|q| q.name.clone())
        .collect();
    if !users.is_empty() {
        ui.label(format!("Needed by: {}", users.join(", ")));
    }
    let label = match &state.level.phase {
        IntroPhase::Incident { .. } => format!("Blame the {} (Enter)", part.name),
        IntroPhase::Predict { pull, .. } if *pull == part.id => return,
        IntroPhase::Predict { marked, .. } if marked.contains(&part.id) => {
            format!("☐ Unmark the {} (Enter)", part.name)
        }
        IntroPhase::Predict { .. } => format!("☑ The {} will stop (Enter)", part.name),
        _ => return,
    };
    if ui.button(label).clicked()
        && let Some(command) = act_on(&state.level.phase, part.id.clone())
    {
        out.write(command);
    }
}

/// The last prediction, part by part: called right, missed, or wrongly expected, with why.
fn result_lines(ui: &mut egui::Ui, p: &Palette, state: &IntroState) {
    let Some(score) = &state.level.last_prediction else {
        return;
    };
    let pulled = name_of(state, &score.pulled);
    ui.label(egui::RichText::new(format!("When the {pulled} was pulled:")).strong());
    for (parts, mark, tone) in [
        (&score.right, "✔ You were right:", p.success),
        (&score.missed, "! You missed:", p.warning),
        (&score.wrong, "✖ Wrongly marked:", p.warning),
    ] {
        for id in parts {
            let line = format!(
                "{mark} {} {}",
                name_of(state, id),
                why_line(state, score, id)
            );
            ui.label(egui::RichText::new(line).color(color(tone)));
        }
    }
    if score.right.is_empty() && score.missed.is_empty() && score.wrong.is_empty() {
        ui.label("Nothing else stopped.");
    }
    ui.separator();
}

/// Why a part stopped ("it needs the Actor, which needs the Director") or kept working.
fn why_line(state: &IntroState, score: &PredictionScore, id: &str) -> String {
    match predict::chain(&state.level.spec, id, &score.pulled) {
        Some(chain) if chain.len() > 1 => {
            let steps: Vec<String> = chain[1..].iter().map(|c| name_of(state, c)).collect();
            format!(
                "stopped: it needs the {}.",
                steps.join(", which needs the ")
            )
        }
        _ => format!(
            "kept working: it does not need the {}.",
            name_of(state, &score.pulled)
        ),
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<IntroFocus>()
        .add_systems(
            Update,
            intro_keys
                .run_if(in_level(STOP))
                .before(crate::tour::flow::TourSystems::Play),
        )
        .add_systems(
            EguiPrimaryContextPass,
            intro_ui.in_set(UiSystems::Screens).run_if(in_level(STOP)),
        );
}
