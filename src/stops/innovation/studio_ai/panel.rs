//! The AI cases on screen: the facts and the list of cases on the left; the open case in the
//! middle, with its three decisions, what each choice leads to, and, once decided, what real
//! productions and unions argue and a question for the class (large in presenter mode).

use bevy_egui::egui;

use super::model::{AiCaseCommand, AiCases, AiCasesSpec, Topic};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::{card, focus_ring};

fn muted(p: &Palette, text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).color(color(p.muted_text))
}

/// The left column: what the cases rest on, and which are decided.
pub(crate) fn cases_column(
    ui: &mut egui::Ui,
    cases: &AiCases,
    spec: &AiCasesSpec,
    p: &Palette,
    open: &mut usize,
) {
    ui.label(egui::RichText::new("AI in the studio: what should the production do?").strong());
    ui.label(&spec.intro);
    ui.add_space(6.0);
    for (i, case) in spec.cases.iter().enumerate() {
        let state = if cases.decided(i) {
            "☑ Decided"
        } else {
            "☐ To decide"
        };
        let r = ui.add(
            egui::Button::selectable(*open == i, format!("{}. {} · {state}", i + 1, case.title))
                .min_size(egui::vec2(ui.available_width(), 34.0)),
        );
        if *open == i {
            focus_ring(ui, r.rect, p);
        }
        if r.clicked() {
            *open = i;
        }
    }
    ui.label(muted(
        p,
        format!(
            "{} of {} cases decided. Your choices are recorded, not marked: discuss them.",
            cases.decided_count(),
            spec.cases.len()
        ),
    ));
}

/// One decision: its options as buttons, then what follows from the option picked.
fn question(
    ui: &mut egui::Ui,
    cases: &AiCases,
    spec: &AiCasesSpec,
    p: &Palette,
    case: usize,
    topic: Topic,
    out: &mut Vec<AiCaseCommand>,
) {
    let Some(c) = spec.cases.get(case) else {
        return;
    };
    let q = c.question(topic);
    let chosen = cases.choice(case, topic);
    ui.label(egui::RichText::new(format!("{}: {}", topic.label(), q.prompt)).strong());
    for (o, option) in q.options.iter().enumerate() {
        let on = chosen == Some(o);
        let mark = if on { "☑" } else { "☐" };
        let r = ui.add(
            egui::Button::selectable(on, format!("{mark} {}", option.choice))
                .wrap()
                .min_size(egui::vec2(ui.available_width(), 30.0)),
        );
        if r.clicked() {
            out.push(AiCaseCommand::Choose {
                case,
                topic,
                option: o,
            });
        }
    }
    if let Some(option) = chosen.and_then(|o| q.options.get(o)) {
        ui.label(egui::RichText::new(format!("▶ {}", option.consequence)).color(color(p.accent)));
    }
    ui.add_space(6.0);
}

/// The open case: situation, the three decisions and, once decided, the real-world debate.
/// In presenter mode the class question comes first, large.
pub(crate) fn case_view(
    ui: &mut egui::Ui,
    cases: &AiCases,
    spec: &AiCasesSpec,
    p: &Palette,
    case: usize,
    presenting: bool,
    out: &mut Vec<AiCaseCommand>,
) {
    let Some(c) = spec.cases.get(case) else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("ai_case")
        .show(ui, |ui| {
            ui.label(
                egui::RichText::new(format!("Case {}: {}", case + 1, c.title))
                    .size(22.0)
                    .strong()
                    .color(color(p.accent)),
            );
            if presenting {
                card(p).show(ui, |ui| {
                    ui.label(egui::RichText::new("Class discussion").strong());
                    ui.label(egui::RichText::new(&c.discuss).size(26.0).strong());
                    ui.label(muted(
                        p,
                        "Read each option aloud and take a show of hands before choosing.",
                    ));
                });
            }
            ui.label(&c.situation);
            ui.add_space(6.0);
            for topic in Topic::ALL {
                question(ui, cases, spec, p, case, topic, out);
            }
            if let Some(e) = &cases.error {
                ui.label(egui::RichText::new(format!("⚠ {e}")).color(color(p.warning)));
            }
            if cases.decided(case) {
                card(p).show(ui, |ui| {
                    ui.label(egui::RichText::new("What real productions and unions argue").strong());
                    ui.label(&c.real_world);
                    if !presenting {
                        ui.add_space(4.0);
                        ui.label(egui::RichText::new(format!("Discuss: {}", c.discuss)).strong());
                    }
                });
            } else {
                ui.label(muted(
                    p,
                    "Choose for consent, credit and jobs to see what real productions and unions argue.",
                ));
            }
        });
}
