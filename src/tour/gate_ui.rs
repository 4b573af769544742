//! The quiz gate screen. Keyboard: 1–4 or A–D choose, Enter submits, Tab moves the focus ring,
//! Space activates it. Mouse clicks send the same commands. Right and wrong are shown with
//! icons and words as well as colour.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::tour::model::quiz::{GateSession, Question, SubmitOutcome};
use crate::tour::{ActiveGate, GameContent, GateCommand, StopPhase};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{UiSettings, UiSystems, color};
use crate::ui::widgets::{card, focus_ring, hint_bar, root_ui};

/// Below this height (in points) the gate packs tighter: smaller headings, two columns of
/// choices. 1280×720 at presenter mode's 150 % leaves about 400 points.
const COMPACT_BELOW: f32 = 560.0;

fn gate_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    gate: Option<Res<ActiveGate>>,
    mut out: MessageWriter<GateCommand>,
    camp: Option<Res<crate::classroom::camp::play::CampPlay>>,
) -> Result {
    let Some(gate) = gate else { return Ok(()) };
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let session = &gate.session;
    let Some(question) = session.current_question() else {
        return Ok(());
    };
    let stop_title = content
        .tour
        .stop(gate.stop)
        .map_or(String::new(), |s| s.title.clone());
    let is_final = gate.stop + 1 == crate::tour::model::content::STOP_COUNT;
    // A camp may run its optional timer (shown in the team banner); otherwise a gate never has
    // one.
    let timed = camp.as_ref().is_some_and(|c| c.timer.is_some());
    let mut root = root_ui(ctx, "gate");
    hint_bar(
        &mut root,
        &p,
        &[
            ("1–4 / A–D", "choose"),
            ("Enter", "submit / next"),
            ("Tab", "move focus"),
            ("Space", "press focused"),
            ("Esc", "leave"),
        ],
    );
    let title = if is_final {
        "Rapid Fire Review · the final gate".to_string()
    } else {
        format!("Quiz gate · {stop_title}")
    };
    let compact = root.available_height() < COMPACT_BELOW;
    let margin = if compact { 8 } else { 24 };
    egui::CentralPanel::default()
        .frame(
            card(&p)
                .outer_margin(egui::Margin::same(margin))
                .inner_margin(egui::Margin::same(if compact { 10 } else { 16 })),
        )
        .show(&mut root, |ui| {
            // The action button is pinned to the bottom of the card, so it is always in view;
            // only the question, choices and feedback above it scroll, and only on a small
            // screen.
            egui::Panel::bottom("gate-action")
                .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 6)))
                .resizable(false)
                .show(ui, |ui| {
                    action_button(ui, &p, &gate, is_final, compact, &mut out)
                });
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    question_header(ui, &p, &title, session, question, timed, compact);
                    ui.add_space(if compact { 4.0 } else { 8.0 });
                    choice_buttons(ui, &p, &gate, question.is_multi_answer(), compact, &mut out);
                    ui.add_space(if compact { 4.0 } else { 10.0 });
                    feedback(ui, &gate, &p);
                    if gate.revealed && !session.current_answered() {
                        revealed_answer(ui, &gate, &p);
                    }
                });
        });
    Ok(())
}

/// The gate's title, where the class is in it, and the question.
fn question_header(
    ui: &mut egui::Ui,
    p: &Palette,
    title: &str,
    session: &GateSession,
    question: &Question,
    timed: bool,
    compact: bool,
) {
    let heading = if compact { 21.0 } else { 26.0 };
    ui.label(
        egui::RichText::new(title)
            .size(heading)
            .strong()
            .color(color(p.accent)),
    );
    ui.label(
        egui::RichText::new(format!(
            "Question {} of {} · {} · attempts so far: {}",
            session.current_index() + 1,
            session.question_count(),
            if timed {
                "camp timer on: it never locks the gate"
            } else {
                "no time limit"
            },
            session.records()[session.current_index()].attempts.len()
        ))
        .color(color(p.muted_text)),
    );
    ui.add_space(if compact { 2.0 } else { 8.0 });
    ui.label(egui::RichText::new(&question.prompt).size(heading));
    if question.is_multi_answer() {
        ui.label(egui::RichText::new("Choose every correct answer.").color(color(p.muted_text)));
    }
}

/// One wide button per choice, marked chosen or not; a click selects it. A compact gate sets
/// them out in two columns (A B over C D), so four fit on a projector at 150 %.
fn choice_buttons(
    ui: &mut egui::Ui,
    p: &Palette,
    gate: &ActiveGate,
    multi: bool,
    compact: bool,
    out: &mut MessageWriter<GateCommand>,
) {
    let choices = gate.session.displayed_choices();
    if !compact {
        for pos in 0..choices.len() {
            choice_button(ui, p, gate, multi, pos, 22.0, 48.0, out);
        }
        return;
    }
    let spacing = ui.spacing().item_spacing.x;
    let width = (ui.available_width() - spacing) / 2.0;
    for row in (0..choices.len()).step_by(2) {
        ui.horizontal(|ui| {
            for pos in row..(row + 2).min(choices.len()) {
                ui.allocate_ui(egui::vec2(width, 40.0), |ui| {
                    choice_button(ui, p, gate, multi, pos, 19.0, 40.0, out);
                });
            }
        });
    }
}

/// The choice at `pos`, as wide as the space it is given.
fn choice_button(
    ui: &mut egui::Ui,
    p: &Palette,
    gate: &ActiveGate,
    multi: bool,
    pos: usize,
    text_size: f32,
    height: f32,
    out: &mut MessageWriter<GateCommand>,
) {
    let session = &gate.session;
    let choices = session.displayed_choices();
    let Some((label, choice)) = choices.get(pos) else {
        return;
    };
    let selected = session.is_selected(pos);
    let mark = match (multi, selected) {
        (true, true) => "☑",
        (true, false) => "☐",
        (false, true) => "☑",
        (false, false) => "○",
    };
    let button = egui::Button::new(
        egui::RichText::new(format!("{mark}  {label}.  {}", choice.text)).size(text_size),
    )
    .wrap()
    .selected(selected)
    .min_size(egui::vec2(ui.available_width(), height));
    let response = ui.add(button);
    if gate.focus == pos {
        focus_ring(ui, response.rect, p);
    }
    if response.clicked() {
        out.write(GateCommand::Select(pos));
    }
}

/// Submit, or once answered, go on: to the next question, out of the gate, or to the finale.
fn action_button(
    ui: &mut egui::Ui,
    p: &Palette,
    gate: &ActiveGate,
    is_final: bool,
    compact: bool,
    out: &mut MessageWriter<GateCommand>,
) {
    let session = &gate.session;
    let answered = session.current_answered();
    let action = if !answered {
        "Submit answer".to_string()
    } else if session.current_index() + 1 < session.question_count() {
        "Next question ▶".to_string()
    } else if is_final {
        "Finish the tour ▶".to_string()
    } else {
        "Gate open: continue ▶".to_string()
    };
    let response = ui.add(
        egui::Button::new(
            egui::RichText::new(action)
                .size(if compact { 20.0 } else { 22.0 })
                .color(color(p.accent_text)),
        )
        .fill(color(p.accent))
        .min_size(egui::vec2(280.0, if compact { 40.0 } else { 48.0 })),
    );
    if gate.focus == session.displayed_choices().len() {
        focus_ring(ui, response.rect, p);
    }
    if response.clicked() {
        out.write(if answered {
            GateCommand::Next
        } else {
            GateCommand::Submit
        });
    }
}

fn feedback(ui: &mut egui::Ui, gate: &ActiveGate, p: &Palette) {
    match &gate.last_outcome {
        Some(SubmitOutcome::Correct {
            feedback,
            general_feedback,
        }) => {
            ui.label(
                egui::RichText::new("✔ Correct!")
                    .size(26.0)
                    .strong()
                    .color(color(p.success)),
            );
            for f in feedback {
                ui.label(format!("{}. {} — {}", f.label, f.text, f.explanation));
            }
            if !general_feedback.is_empty() {
                ui.label(egui::RichText::new(general_feedback).italics());
            }
        }
        Some(SubmitOutcome::Incorrect { feedback, missing }) => {
            ui.label(
                egui::RichText::new("✖ Not yet: the gate stays shut. Read why, then try again.")
                    .size(24.0)
                    .strong()
                    .color(color(p.warning)),
            );
            for f in feedback {
                let icon = if f.correct { "✔" } else { "✖" };
                let verdict = if f.correct { "right" } else { "wrong" };
                ui.label(format!(
                    "{icon} {}. {} ({verdict}) — {}",
                    f.label, f.text, f.explanation
                ));
            }
            if *missing > 0 {
                ui.label(format!(
                    "… and {missing} correct answer(s) are still not chosen."
                ));
            }
        }
        _ => {}
    }
}

/// The presenter's reveal: every choice marked right or wrong, with its explanation.
fn revealed_answer(ui: &mut egui::Ui, gate: &ActiveGate, p: &Palette) {
    ui.separator();
    ui.label(
        egui::RichText::new(format!(
            "ℹ Answer revealed by the teacher: {}",
            gate.session
                .correct_labels()
                .iter()
                .map(char::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .size(24.0)
        .strong()
        .color(color(p.accent)),
    );
    for (label, choice) in gate.session.displayed_choices() {
        let (icon, verdict) = if choice.correct {
            ("✔", "right")
        } else {
            ("✖", "wrong")
        };
        ui.label(format!(
            "{icon} {label}. {} ({verdict}) — {}",
            choice.text, choice.explanation
        ));
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        gate_ui
            .in_set(UiSystems::Screens)
            .run_if(in_state(StopPhase::Gate)),
    );
}
