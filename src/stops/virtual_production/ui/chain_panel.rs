//! Stop 2's first task on screen: the signal chain of the LED volume. The reply to the last
//! answer comes first (why it was right, or why it was refused), then the question of the
//! moment with numbered answers (keys 1–9, or H and S for hardware and software), then the
//! chain built so far, one line a piece with its kind and its person.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::stops::virtual_production::level::{VpCommand, VpState};
use crate::stops::virtual_production::model::chain::{
    ChainMove, ChainStep, PieceKind, in_sentence,
};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::panel_width;

/// The answers the student can give now, numbered from 1 as on screen and on the keys.
pub(super) fn choices(state: &VpState) -> Vec<(String, ChainMove)> {
    let (chain, task) = (&state.chain_spec, &state.chain);
    if task.is_built(chain) {
        return Vec::new();
    }
    match task.step {
        ChainStep::Link => task
            .pool(chain)
            .into_iter()
            .map(|(i, piece)| (piece.name.clone(), ChainMove::Link(i)))
            .collect(),
        ChainStep::Sort => PieceKind::ALL
            .into_iter()
            .map(|kind| {
                let word = kind.word();
                let mut title = word.to_owned();
                title[..1].make_ascii_uppercase();
                (
                    format!("{title}: {}", kind.meaning()),
                    ChainMove::Sort(kind),
                )
            })
            .collect(),
        ChainStep::Person => chain
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.role.clone(), ChainMove::Person(i)))
            .collect(),
    }
}

/// The question of the moment.
fn question(state: &VpState) -> String {
    let (chain, task) = (&state.chain_spec, &state.chain);
    let current = task
        .current(chain)
        .map_or_else(String::new, |p| in_sentence(&p.name));
    match task.step {
        ChainStep::Link if task.linked == 0 => {
            "Which piece starts the chain? (Where does the picture begin?)".to_owned()
        }
        ChainStep::Link => {
            let last = chain
                .pieces
                .get(task.linked - 1)
                .map_or_else(String::new, |p| in_sentence(&p.name));
            format!("Which piece comes after the {last}?")
        }
        ChainStep::Sort => format!("Is the {current} hardware or software?"),
        ChainStep::Person => format!("Who runs the {current}?"),
    }
}

/// The chain built so far, one line per piece.
fn chain_so_far(ui: &mut egui::Ui, p: &Palette, state: &VpState) {
    let (chain, task) = (&state.chain_spec, &state.chain);
    if task.linked == 0 {
        ui.label(egui::RichText::new("(no piece linked yet)").color(color(p.muted_text)));
        return;
    }
    for (i, piece) in chain.pieces.iter().take(task.linked).enumerate() {
        let last = i + 1 == task.linked;
        let kind_known = !last || task.step != ChainStep::Sort;
        let person_known = !last || task.step == ChainStep::Link;
        let kind = if kind_known { piece.kind.word() } else { "?" };
        let person = if person_known {
            piece.person.as_str()
        } else {
            "?"
        };
        // One line a piece, so the question and its answers stay in view at 720p.
        ui.label(format!(
            "{}. {} · {kind} · run by {person}",
            i + 1,
            piece.name
        ));
    }
    if task.is_built(chain) {
        ui.label(
            egui::RichText::new(
                "  ↺ The cinema camera films the panels, and the tracking sensors follow it: \
                 back to the start.",
            )
            .color(color(p.muted_text)),
        );
    }
}

/// The right panel while the chain is not built: the task, the reply to the last answer, the
/// question with its answers, and the chain so far.
pub(super) fn chain_panel(
    root: &mut egui::Ui,
    p: &Palette,
    state: &VpState,
    out: &mut MessageWriter<VpCommand>,
) {
    egui::Panel::right("chain")
        .exact_size(panel_width(root, 560.0))
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(12)),
        )
        .show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading("First: build the signal chain");
                // The whole explanation until the first piece is linked; then one line, so the
                // question stays in view on a projector.
                if state.chain.linked == 0 {
                    ui.label(&state.chain_spec.intro);
                } else {
                    ui.label(
                        egui::RichText::new(
                            "Link the pieces in the order the picture travels; say if each is \
                             hardware or software, and who runs it.",
                        )
                        .color(color(p.muted_text)),
                    );
                }
                ui.separator();
                // The reply first: it answers the button just pressed, where the eyes are.
                reply(ui, p, state);
                ui.label(egui::RichText::new(question(state)).strong().size(20.0));
                for (n, (label, answer)) in choices(state).into_iter().enumerate() {
                    let key = if matches!(answer, ChainMove::Sort(PieceKind::Hardware)) {
                        "1 / H".to_owned()
                    } else if matches!(answer, ChainMove::Sort(PieceKind::Software)) {
                        "2 / S".to_owned()
                    } else {
                        (n + 1).to_string()
                    };
                    let button = egui::Button::new(format!("{key}   {label}"))
                        .min_size(egui::vec2(ui.available_width(), 36.0));
                    if ui.add(button).clicked() {
                        out.write(VpCommand::Chain(answer));
                    }
                }
                ui.separator();
                ui.label(egui::RichText::new("The chain so far").strong());
                chain_so_far(ui, p, state);
            });
        });
}

/// The reply to the last answer: ✔ and why it was right, or ✖ and why it was refused.
fn reply(ui: &mut egui::Ui, p: &Palette, state: &VpState) {
    let Some(reply) = &state.chain.reply else {
        return;
    };
    let (icon, tone, text) = match reply {
        Ok(text) => ("✔ Right.", p.success, text),
        Err(text) => ("✖ Not that one.", p.warning, text),
    };
    ui.label(egui::RichText::new(format!("{icon} {text}")).color(color(tone)));
    ui.separator();
}
