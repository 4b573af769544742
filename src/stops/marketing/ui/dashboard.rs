//! The dashboard in the middle: the guide line, the open ratio question, then the charts and
//! the table of every post.

use bevy::prelude::*;
use bevy_egui::egui;

use super::MarketingUi;
use super::charts::charts;
use super::table::results_table;
use crate::stops::marketing::level::{
    MarketingCommand, MarketingState, NextStep, TRIES_BEFORE_WORKED,
};
use crate::stops::marketing::model::{self, RatioKind};
use crate::ui::model::palette::{Palette, Rgb};
use crate::ui::theme::color;
use crate::ui::widgets::card;

/// The guide line: what to do now, and the campaign's own summary sentence.
fn guide(
    ui: &mut egui::Ui,
    state: &MarketingState,
    p: &Palette,
    out: &mut MessageWriter<MarketingCommand>,
) {
    let still_to_solve = state.ratios_needed.saturating_sub(state.ratios_solved);
    let (text, tone): (String, Rgb) = match state.next_step() {
        NextStep::AnswerRatio if state.campaign.is_finished() => (
            format!(
                "▶ The campaign is over. Work out {still_to_solve} more {} below to finish the \
                 level.",
                if still_to_solve == 1 {
                    "ratio"
                } else {
                    "ratios"
                }
            ),
            p.text,
        ),
        NextStep::AnswerRatio => (
            "▶ Work out the ratio below, then plan your next post.".to_string(),
            p.text,
        ),
        NextStep::Post => (
            "▶ Plan a post on the left and post it. Compare the charts to choose well.".to_string(),
            p.text,
        ),
        NextStep::Restart => (
            "✖ The campaign is over and a goal was missed. Look at \"Engagement rate by content \
             type\" below: which kinds of post did people like most for each view? Restart the \
             campaign and post more of those, to the audiences and at the times that brought \
             the most views."
                .to_string(),
            p.warning,
        ),
        NextStep::Finish => (
            "✔ Both goals met and the ratios worked out. Continue to the gate when you are \
             ready."
                .to_string(),
            p.success,
        ),
    };
    ui.label(egui::RichText::new(text).strong().color(color(tone)));
    let goals = state.campaign.goal_status();
    ui.label(egui::RichText::new(goals.summary).color(color(p.muted_text)));
    if state.next_step() == NextStep::Restart && ui.button("Restart campaign").clicked() {
        out.write(MarketingCommand::Restart);
    }
}

/// How to type an answer on each scale.
fn answer_format(kind: RatioKind) -> (&'static str, &'static str) {
    match kind {
        RatioKind::Percent => (
            "%",
            "Type the percentage, for example 12.5 (the % sign is optional).",
        ),
        RatioKind::PerThousand => (
            "per 1,000 views",
            "Type the likes per 1,000 views, for example 125 (no % sign).",
        ),
    }
}

/// The open ratio question (prompt, answer box, feedback) and the last closed one's worked
/// answer.
fn ratio_card(
    ui: &mut egui::Ui,
    state: &MarketingState,
    ui_state: &mut MarketingUi,
    p: &Palette,
    out: &mut MessageWriter<MarketingCommand>,
    new_question: bool,
) {
    if state.ratio.is_none() && state.last_closed.is_none() {
        return;
    }
    card(p).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(closed) = &state.last_closed {
            ui.label(
                egui::RichText::new(format!("Last question: {}", closed.prompt))
                    .small()
                    .color(color(p.muted_text)),
            );
            let (icon, tone) = if closed.solved {
                ("✔", p.success)
            } else {
                ("✖", p.warning)
            };
            ui.label(egui::RichText::new(format!("{icon} {}", closed.verdict)).color(color(tone)));
            if !closed.solved {
                ui.label("ℹ The tries are used up, so here is how to work it out:");
            }
            ui.label(egui::RichText::new(format!("Worked answer: {}", closed.worked)).italics());
            if state.ratio.is_some() {
                ui.separator();
            }
        }
        let Some(question) = &state.ratio else {
            return;
        };
        ui.label(
            egui::RichText::new("Work out the ratio")
                .size(24.0)
                .strong()
                .color(color(p.accent)),
        );
        ui.label(question.prompt.as_str());
        let (unit, how) = answer_format(question.kind);
        ui.label(
            egui::RichText::new(format!("{how} ℹ {}", model::ENGAGEMENT_RATE_DEFINITION))
                .color(color(p.muted_text)),
        );
        ui.label(egui::RichText::new(model::CALCULATOR_ALLOWED).strong());
        let mut submit = false;
        ui.horizontal(|ui| {
            let edit = ui.add(
                egui::TextEdit::singleline(&mut ui_state.answer)
                    .id_salt("marketing-answer")
                    .desired_width(180.0)
                    .hint_text("your answer"),
            );
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            // A new question takes the keyboard at once; after Enter the box keeps it for a retry.
            if new_question || entered {
                edit.request_focus();
            }
            ui.label(unit);
            if ui.button("Check").clicked() || entered {
                submit = true;
            }
        });
        if submit {
            out.write(MarketingCommand::AnswerRatio(ui_state.answer.clone()));
        }
        match &state.ratio_feedback {
            Some(Ok(verdict)) => {
                let (icon, tone) = if verdict.correct {
                    ("✔", p.success)
                } else {
                    ("✖", p.warning)
                };
                ui.label(
                    egui::RichText::new(format!("{icon} {}", verdict.text)).color(color(tone)),
                );
                if let Some(hint) = &verdict.hint {
                    ui.label(egui::RichText::new(format!("Hint: {hint}")).italics());
                }
            }
            Some(Err(problem)) => {
                ui.label(egui::RichText::new(format!("⚠ {problem}")).color(color(p.warning)));
            }
            None => {}
        }
        if state.wrong_tries > 0 && state.wrong_tries + 1 == TRIES_BEFORE_WORKED {
            ui.label(
                egui::RichText::new("One more try, then the worked answer is shown.")
                    .color(color(p.muted_text)),
            );
        }
    });
}

pub(super) fn dashboard(
    ui: &mut egui::Ui,
    state: &MarketingState,
    ui_state: &mut MarketingUi,
    p: &Palette,
    out: &mut MessageWriter<MarketingCommand>,
    new_question: bool,
) {
    ui.label(
        egui::RichText::new(format!(
            "Social media dashboard · “{}” · campaign {}",
            state.campaign.spec().show_title,
            state.runs + 1
        ))
        .size(26.0)
        .strong()
        .color(color(p.accent)),
    );
    guide(ui, state, p, out);
    ratio_card(ui, state, ui_state, p, out, new_question);
    if state.campaign.posts().is_empty() {
        ui.label(
            egui::RichText::new("No posts yet. The charts and the table fill in as you post.")
                .color(color(p.muted_text)),
        );
        return;
    }
    charts(ui, state, p);
    ui.add_space(8.0);
    results_table(ui, state, ui_state, p);
}
