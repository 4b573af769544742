//! A stop's opening: its guiding question, the tour text and its vocabulary.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::tour::flow::BriefingChoice;
use crate::tour::level_save::StartOver;
use crate::tour::{CurrentStop, GameContent, StopPhase, TourCommand};
use crate::ui::theme::{UiSettings, UiSystems, color};
use crate::ui::widgets::{card, content_area, focus_ring, hint_bar, root_ui};

fn briefing_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    current: Res<CurrentStop>,
    choice: Res<BriefingChoice>,
    mut tour: MessageWriter<TourCommand>,
    mut start_over: MessageWriter<StartOver>,
    mut confirming: Local<bool>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let Some(stop) = content.tour.stop(current.0) else {
        return Ok(());
    };
    let choice = *choice;
    let go_label = main_label(choice);
    let mut root = root_ui(ctx, "briefing");
    hint_bar(
        &mut root,
        &p,
        &[
            ("Enter", go_label.trim_start_matches("▶  ")),
            ("Esc", "back to the lot"),
            ("F1", "teacher panel"),
        ],
    );
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::same(24)))
        .show(&mut root, |ui| {
            card(&p).show(ui, |ui| {
                ui.label(
                    egui::RichText::new(format!("Stop {} · {}", stop.number, stop.title))
                        .size(30.0)
                        .strong()
                        .color(color(p.accent)),
                );
                ui.label(
                    egui::RichText::new(format!("“{}”", stop.guiding_question))
                        .size(26.0)
                        .italics(),
                );
                ui.add_space(6.0);
                ui.columns(2, |cols| {
                    egui::ScrollArea::vertical()
                        .id_salt("story")
                        .max_height(cols[0].available_height() - 80.0)
                        .show(&mut cols[0], |ui| {
                            for para in &stop.story {
                                ui.label(para);
                                ui.add_space(6.0);
                            }
                        });
                    let ui = &mut cols[1];
                    ui.label(egui::RichText::new("Vocabulary").size(24.0).strong());
                    egui::ScrollArea::vertical()
                        .id_salt("vocab")
                        .max_height(ui.available_height() - 80.0)
                        .show(ui, |ui| {
                            for term in &stop.vocabulary {
                                card(&p).show(ui, |ui| {
                                    ui.set_width(ui.available_width());
                                    ui.label(
                                        egui::RichText::new(&term.term)
                                            .strong()
                                            .color(color(p.accent)),
                                    );
                                    ui.label(&term.definition);
                                });
                            }
                            if stop.vocabulary.is_empty() {
                                ui.label("This stop brings together every word of the tour.");
                            }
                        });
                    ui.add_space(10.0);
                    if briefing_actions(ui, &p, choice, &mut tour) {
                        *confirming = true;
                    }
                });
            });
        });
    if *confirming {
        confirm_start_over(ctx, &mut confirming, stop.number, |stop| {
            start_over.write(StartOver(stop));
            tour.write(TourCommand::BeginLevel);
        });
    }
    Ok(())
}

/// The briefing's buttons: the main action, back to a finished level, and start over.
/// True when "Start over…" was pressed (it asks before doing anything).
fn briefing_actions(
    ui: &mut egui::Ui,
    p: &crate::ui::model::palette::Palette,
    choice: BriefingChoice,
    tour: &mut MessageWriter<TourCommand>,
) -> bool {
    let button = egui::Button::new(
        egui::RichText::new(main_label(choice))
            .size(24.0)
            .color(color(p.accent_text)),
    )
    .fill(color(p.accent))
    .min_size(egui::vec2(300.0, 50.0));
    let tall = egui::vec2(0.0, 50.0);
    ui.horizontal_wrapped(|ui| {
        let response = ui.add(button);
        focus_ring(ui, response.rect, p);
        if response.clicked() {
            tour.write(choice.main_command());
        }
        if choice == BriefingChoice::GoToGate
            && ui
                .add(egui::Button::new("Back to the level").min_size(tall))
                .clicked()
        {
            tour.write(TourCommand::BeginLevel);
        }
        choice.can_start_over()
            && ui
                .add(egui::Button::new("Start over…").min_size(tall))
                .clicked()
    })
    .inner
}

/// "Start over" asks first: it clears the level's saved work (stars and gate results stay).
fn confirm_start_over(
    ctx: &egui::Context,
    open: &mut bool,
    stop: u8,
    mut confirmed: impl FnMut(usize),
) {
    egui::Window::new("Start this level over?")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .constrain_to(content_area(ctx))
        .show(ctx, |ui| {
            ui.label(
                "Your work in this level will be cleared and the level starts fresh. \
                 Your stars and your gate results are kept.",
            );
            ui.horizontal(|ui| {
                if ui.button("Start over").clicked() {
                    confirmed(usize::from(stop));
                    *open = false;
                }
                if ui.button("Keep my work").clicked() {
                    *open = false;
                }
            });
        });
}

/// The main button's words for each choice.
fn main_label(choice: BriefingChoice) -> &'static str {
    match choice {
        BriefingChoice::GateOnly | BriefingChoice::GoToGate => "▶  Go to the quiz gate",
        BriefingChoice::Play => "▶  Play the level",
        BriefingChoice::Continue => "▶  Continue",
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        briefing_ui
            .in_set(UiSystems::Screens)
            .run_if(in_state(StopPhase::Briefing)),
    );
}
