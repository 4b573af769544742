//! Tab 2, "Concept trailer": the director's brief, the prompt box and pickers, the checklist of
//! the result against the brief with Reject and Approve, how the generator read the words and
//! what each part changed, and a caption over the free area where the 3D trailer plays.

use bevy::prelude::*;
use bevy_egui::egui;

use super::TRAILER_VIEWPORT_FRACTION;
use super::pieces::{action_button, muted};
use crate::stage::model::scene::TimeOfDay;
use crate::stops::innovation::concept::{
    BriefReview, ConceptPrompt, Palette as ColourLook, PromptMood, SIMULATION_NOTE, Setting,
    TRAILER_SECONDS,
};
use crate::stops::innovation::level::{
    InnovationCommand, InnovationState, MAX_PROMPT_CHARS, default_prompt,
};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::{card, content_area};

fn prompt_controls(
    ui: &mut egui::Ui,
    state: &InnovationState,
    p: &Palette,
    out: &mut MessageWriter<InnovationCommand>,
) {
    ui.label(egui::RichText::new("Your prompt: describe the trailer").strong());
    ui.label(muted(
        p,
        "Name a place (city, alien planet, arctic, desert), a mood, a time of day and colours. The generator reads only the words it knows.",
    ));
    let mut text = state.prompt_text.clone();
    let r = ui.add(
        egui::TextEdit::singleline(&mut text)
            .hint_text("a tense desert canyon at dusk in warm colours")
            .desired_width(f32::INFINITY)
            .char_limit(MAX_PROMPT_CHARS),
    );
    if r.changed() {
        out.write(InnovationCommand::SetPrompt(text.clone()));
    }
    // Enter in the box generates (the box gives up its focus on Enter).
    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        out.write(InnovationCommand::Generate);
    }
    ui.label(muted(p, "Or pick:"));
    if let Some(prompt) = prompt_pickers(ui, state) {
        out.write(InnovationCommand::PickPrompt(prompt));
    }
    ui.label(muted(
        p,
        format!(
            "Seed {}: the same prompt with the same seed always gives the same concept.",
            state.concept_seed()
        ),
    ));
    if let Some(e) = &state.prompt_error {
        ui.label(egui::RichText::new(format!("⚠ {e}")).color(color(p.warning)));
    }
    ui.add_space(6.0);
    if action_button(ui, p, "Generate concept ▶", !state.is_complete()).clicked() {
        out.write(InnovationCommand::Generate);
    }
    ui.add_space(4.0);
    play_button(ui, state, out);
    ui.add_space(4.0);
    ui.label(format!(
        "Concepts generated: {} · prompts tried: {}",
        state.generations, state.distinct_prompts
    ));
}

/// The radio rows for setting, mood, time of day and colours: the prompt a click asks for,
/// starting from the current one (or the default when there is none yet).
fn prompt_pickers(ui: &mut egui::Ui, state: &InnovationState) -> Option<ConceptPrompt> {
    let current = state.prompt;
    let base = current.unwrap_or_else(|| default_prompt(state.concept_seed()));
    let mut pick: Option<ConceptPrompt> = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Setting:").strong());
        for s in Setting::ALL {
            if ui
                .radio(current.map(|c| c.setting) == Some(s), s.label())
                .clicked()
            {
                pick = Some(ConceptPrompt { setting: s, ..base });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Mood:").strong());
        for m in PromptMood::ALL {
            let r = ui
                .radio(current.map(|c| c.mood) == Some(m), m.label())
                .on_hover_text(format!("Camera: {}", m.camera_move()));
            if r.clicked() {
                pick = Some(ConceptPrompt { mood: m, ..base });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Time of day:").strong());
        for time in TimeOfDay::ALL {
            if ui
                .radio(current.map(|c| c.time) == Some(time), time.label())
                .clicked()
            {
                pick = Some(ConceptPrompt { time, ..base });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Colours:").strong());
        for palette in ColourLook::ALL {
            if ui
                .radio(current.map(|c| c.palette) == Some(palette), palette.label())
                .clicked()
            {
                pick = Some(ConceptPrompt { palette, ..base });
            }
        }
    });
    pick
}

/// Plays the trailer, or stops it while it is playing; nothing to play before a concept.
fn play_button(
    ui: &mut egui::Ui,
    state: &InnovationState,
    out: &mut MessageWriter<InnovationCommand>,
) {
    if state.trailer_time.is_some() {
        if ui.button("■ Stop the trailer").clicked() {
            out.write(InnovationCommand::StopTrailer);
        }
    } else if ui
        .add_enabled(
            state.concept.is_some(),
            egui::Button::new("Play trailer ▶").min_size(egui::vec2(160.0, 32.0)),
        )
        .clicked()
    {
        out.write(InnovationCommand::PlayTrailer);
    }
}

/// The director's words, above both columns.
fn brief_card(ui: &mut egui::Ui, state: &InnovationState, p: &Palette) {
    let Some(brief) = state.brief() else { return };
    card(p).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            egui::RichText::new("🎬 The director's brief")
                .strong()
                .color(color(p.accent)),
        );
        ui.label(
            egui::RichText::new(format!("\"{}\"", brief.text))
                .size(18.0)
                .strong(),
        );
        ui.label(muted(
            p,
            "Your job: make a trailer that matches it. The director's words are in the prompt box, but the generator may read them wrongly. Check every result, reject what misses, refine the prompt, and approve one that fits.",
        ));
    });
}

/// The result checked point by point, the Reject and Approve calls and the answer to the last.
fn brief_checklist(
    ui: &mut egui::Ui,
    review: &BriefReview,
    p: &Palette,
    out: &mut MessageWriter<InnovationCommand>,
) {
    ui.label(egui::RichText::new("Does the result match the brief?").strong());
    if review.result.is_none() {
        ui.label(muted(
            p,
            "Generate a concept, then check it here. The director asked for:",
        ));
        for point in &review.brief.wants {
            ui.label(format!("○ {}: {}", point.heading(), point.wanted_words()));
        }
    } else {
        for check in &review.checks {
            let (icon, tone) = if check.met {
                ("✔", p.success)
            } else {
                ("✖", p.warning)
            };
            ui.label(egui::RichText::new(format!("{icon} {}", check.line)).color(color(tone)));
        }
        let missed = review.checks.iter().filter(|c| !c.met).count();
        ui.label(if missed == 0 {
            egui::RichText::new("It meets every point of the brief.").strong()
        } else {
            egui::RichText::new(format!(
                "It misses {missed} of {} points.",
                review.checks.len()
            ))
            .strong()
        });
    }
    let judged = review.result.is_some();
    if ui
        .add_enabled(
            judged,
            egui::Button::new("✖ Reject: doesn't match the brief").min_size(egui::vec2(0.0, 32.0)),
        )
        .clicked()
    {
        out.write(InnovationCommand::RejectConcept);
    }
    if ui
        .add_enabled(
            judged,
            egui::Button::new("✔ Approve for the director").min_size(egui::vec2(0.0, 32.0)),
        )
        .clicked()
    {
        out.write(InnovationCommand::ApproveConcept);
    }
    if let Some(v) = &review.verdict {
        let (icon, tone) = if v.accepted {
            ("✔", p.success)
        } else {
            ("⚠", p.warning)
        };
        ui.label(egui::RichText::new(format!("{icon} {}", v.text)).color(color(tone)));
    }
    if review.done && ui.button("Next brief ▶").clicked() {
        out.write(InnovationCommand::NextBrief);
    }
}

fn concept_results(
    ui: &mut egui::Ui,
    state: &InnovationState,
    p: &Palette,
    out: &mut MessageWriter<InnovationCommand>,
) {
    if let Some(review) = &state.review {
        brief_checklist(ui, review, p, out);
        ui.add_space(8.0);
    }
    card(p).show(ui, |ui| {
        ui.label(egui::RichText::new(format!("ℹ {SIMULATION_NOTE}")).color(color(p.text)));
    });
    ui.add_space(6.0);
    if !state.prompt_lines.is_empty() {
        ui.label(egui::RichText::new("How the generator read your prompt").strong());
        for line in &state.prompt_lines {
            let icon = if line.starts_with("understood") {
                "✔"
            } else if line.starts_with("assumed") {
                "ℹ"
            } else {
                "○"
            };
            ui.label(format!("{icon} {line}"));
        }
        ui.add_space(6.0);
    }
    match &state.concept {
        None => {
            ui.label(muted(p, "No concept yet: press Generate concept ▶ (or G)."));
        }
        Some(concept) => {
            ui.label(
                egui::RichText::new(format!("🎬 {}", concept.shot_title))
                    .size(18.0)
                    .strong(),
            );
            ui.label(muted(
                p,
                format!("From the prompt: \"{}\"", concept.prompt.to_text()),
            ));
            ui.label(egui::RichText::new("How each part of the prompt changed the scene").strong());
            for note in &concept.notes {
                ui.label(format!("· {note}"));
            }
        }
    }
}

pub(super) fn trailer_panel(
    ui: &mut egui::Ui,
    state: &InnovationState,
    p: &Palette,
    out: &mut MessageWriter<InnovationCommand>,
) {
    brief_card(ui, state, p);
    ui.add_space(6.0);
    ui.columns(2, |columns| {
        if let [left, right] = columns {
            egui::ScrollArea::vertical()
                .id_salt("trailer_controls_scroll")
                .show(left, |ui| prompt_controls(ui, state, p, out));
            egui::ScrollArea::vertical()
                .id_salt("trailer_results_scroll")
                .show(right, |ui| concept_results(ui, state, p, out));
        }
    });
}

/// A small caption at the bottom of the free 3D area: the shot and the trailer clock.
pub(super) fn trailer_caption(ctx: &egui::Context, state: &InnovationState, p: &Palette) {
    let screen = ctx.viewport_rect();
    let free_left = screen.left() + screen.width() * TRAILER_VIEWPORT_FRACTION;
    let centre_x = (free_left + screen.right()) / 2.0;
    // The card's own margins (16 on each side) come on top of its text.
    let max_width = (screen.right() - free_left - 80.0).max(120.0);
    let (title, clock) = match &state.concept {
        Some(concept) => (
            format!("🎬 {}", concept.shot_title),
            match state.trailer_time {
                Some(t) => format!("▶ {t:.1} s / {TRAILER_SECONDS:.0} s"),
                None => format!("■ stopped · 0.0 s / {TRAILER_SECONDS:.0} s · press P to play"),
            },
        ),
        None => (
            "Your concept trailer will play here.".to_string(),
            "Write or pick a prompt, then Generate concept ▶.".to_string(),
        ),
    };
    egui::Area::new(egui::Id::new("innovation_trailer_caption"))
        .pivot(egui::Align2::CENTER_BOTTOM)
        .fixed_pos(egui::pos2(centre_x, screen.bottom() - 60.0))
        .constrain_to(content_area(ctx))
        .interactable(false)
        .show(ctx, |ui| {
            card(p).show(ui, |ui| {
                // A fixed width, so the card sits centred in the free area and its text wraps.
                ui.set_width(max_width);
                ui.add(egui::Label::new(egui::RichText::new(title).strong()).wrap());
                ui.add(egui::Label::new(clock).wrap());
            });
        });
}
