//! Small pieces the Innovation screen's tabs share: role shapes and colours, muted text, the
//! action buttons, and the header with the tabs and the completion checklist.

use bevy::prelude::*;
use bevy_egui::egui;

use super::InnovationTab;
use crate::stops::innovation::cloud::{Role, Via};
use crate::stops::innovation::level::{InnovationState, THREE_STAR_PROMPTS, THREE_STAR_RUNS};
use crate::tour::{LevelStatus, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::{focus_ring, primary_button, stars_text};

/// A shape for each role, so the map never relies on colour alone.
pub(super) fn role_icon(role: Role) -> &'static str {
    match role {
        Role::Studio => "■",
        Role::Director => "★",
        Role::Editor => "♦",
        Role::VfxArtist => "♥",
    }
}

/// Map colours per role (always drawn with the role's icon and name beside them).
pub(super) fn role_colour(role: Role) -> egui::Color32 {
    match role {
        Role::Studio => egui::Color32::from_rgb(235, 185, 60),
        Role::Director => egui::Color32::from_rgb(100, 175, 245),
        Role::Editor => egui::Color32::from_rgb(120, 210, 120),
        Role::VfxArtist => egui::Color32::from_rgb(235, 110, 175),
    }
}

pub(super) fn via_word(via: Via) -> &'static str {
    match via {
        Via::Network => "network",
        Via::Courier => "courier",
    }
}

pub(super) fn users(n: usize) -> &'static str {
    if n == 1 { "user" } else { "users" }
}

pub(super) fn muted(p: &Palette, text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).color(color(p.muted_text))
}

/// An accent-filled action without the focus ring (the ring marks where Enter goes).
fn accent_button(ui: &mut egui::Ui, p: &Palette, label: &str) -> egui::Response {
    ui.add(
        egui::Button::new(egui::RichText::new(label).color(color(p.accent_text)))
            .fill(color(p.accent))
            .min_size(egui::vec2(200.0, 40.0)),
    )
}

/// The screen's Enter action gets the primary look; once the level is complete Enter continues
/// instead, so the action keeps its colour but loses the ring.
pub(super) fn action_button(
    ui: &mut egui::Ui,
    p: &Palette,
    label: &str,
    is_enter: bool,
) -> egui::Response {
    if is_enter {
        primary_button(ui, p, label)
    } else {
        accent_button(ui, p, label)
    }
}

pub(super) fn check_item(ui: &mut egui::Ui, p: &Palette, done: bool, text: &str) {
    let (mark, word, tone) = if done {
        ("☑", "Done", p.success)
    } else {
        ("☐", "To do", p.text)
    };
    ui.label(egui::RichText::new(format!("{mark} {word}: {text}")).color(color(tone)));
}

/// Title, tabs, the completion checklist and, once complete, the way on to the gate.
pub(super) fn header(
    ui: &mut egui::Ui,
    state: &InnovationState,
    status: &LevelStatus,
    p: &Palette,
    tab: &mut InnovationTab,
    tour: &mut MessageWriter<TourCommand>,
) {
    // Refining is optional at a short lesson: say so beside it.
    let refine_extension = status
        .tasks
        .iter()
        .any(|row| row.id == "refine" && row.core == 0);
    let extension = if refine_extension {
        " · Extension"
    } else {
        ""
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new("Innovation · the studio of the future")
                .size(22.0)
                .strong()
                .color(color(p.accent)),
        );
        ui.add_space(12.0);
        for (t, label) in [
            (InnovationTab::Cloud, "1 · Studio in the Cloud"),
            (InnovationTab::Trailer, "2 · Concept trailer"),
            (InnovationTab::Taste, "3 · Your taste"),
            (InnovationTab::AiCases, "4 · AI in the studio"),
        ] {
            let r = ui.add(egui::Button::new(label).selected(*tab == t));
            if *tab == t {
                focus_ring(ui, r.rect, p);
            }
            if r.clicked() {
                *tab = t;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        check_item(
            ui,
            p,
            state.best_met,
            "every collaborator had their footage before the deadline",
        );
        check_item(ui, p, state.generations >= 1, "a concept generated");
        check_item(
            ui,
            p,
            state.brief_met(),
            &format!(
                "the director's brief met: a result that missed it caught, then one that fits approved{extension}"
            ),
        );
    });
    if status.complete {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(format!("Level complete! {}", stars_text(status.stars)))
                    .strong(),
            );
            if status.stars < 3 {
                ui.label(muted(
                    p,
                    format!(
                        "★★★ needs the deadline met within {THREE_STAR_RUNS} runs and {THREE_STAR_PROMPTS} different prompts."
                    ),
                ));
            }
            if primary_button(ui, p, "Continue to the gate ▶").clicked() {
                tour.write(TourCommand::FinishLevel);
            }
        });
    }
}
