//! A stop's opening: its guiding question, its host introducing the stop one short line at a
//! time, and its vocabulary. The tour's original text, word for word, is one click away
//! ("Read the tour text") for teachers and strong readers.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::crew::dialogue_ui::{spoken_line, talk_buttons};
use crate::crew::glossary::GlossaryWindow;
use crate::crew::model::{Crew, Moment};
use crate::crew::{Dialogue, TalkCommand};
use crate::tour::content_plugin::Content;
use crate::tour::flow::BriefingChoice;
use crate::tour::level_save::StartOver;
use crate::tour::{CurrentStop, GameContent, StopPhase, TourCommand};
use crate::ui::theme::{UiSettings, UiSystems, color};
use crate::ui::widgets::{card, content_area, focus_ring, hint_bar, root_ui};

/// Whether the tour's original text for the stop is open over the briefing.
#[derive(Resource, Debug, Default)]
pub struct TourTextWindow(pub bool);

fn briefing_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    current: Res<CurrentStop>,
    choice: Res<BriefingChoice>,
    mut tour: MessageWriter<TourCommand>,
    mut start_over: MessageWriter<StartOver>,
    mut confirming: Local<bool>,
    (crew, dialogue, mut talk): (
        Res<Content<Crew>>,
        Res<Dialogue>,
        MessageWriter<TalkCommand>,
    ),
    (mut glossary, mut tour_text): (ResMut<GlossaryWindow>, ResMut<TourTextWindow>),
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
            ("/", "glossary"),
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
                    let ui = &mut cols[0];
                    host_intro(ui, &p, &crew, &dialogue, current.0, &mut talk);
                    ui.horizontal_wrapped(|ui| {
                        if ui.button("Read the tour text").clicked() {
                            tour_text.0 = !tour_text.0;
                        }
                        if ui.button("Glossary  (/)").clicked() {
                            glossary.open = !glossary.open;
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
    if tour_text.0 {
        tour_text_window(ctx, stop, &mut tour_text.0);
    }
    if *confirming {
        confirm_start_over(ctx, &mut confirming, stop.number, |stop| {
            start_over.write(StartOver(stop));
            tour.write(TourCommand::BeginLevel);
        });
    }
    Ok(())
}

/// The stop's host speaking, one line at a time; once the introduction is over (or for a
/// capture with hosts silent), every line of it, to read again.
fn host_intro(
    ui: &mut egui::Ui,
    p: &crate::ui::model::palette::Palette,
    crew: &Crew,
    dialogue: &Dialogue,
    stop: usize,
    talk: &mut MessageWriter<TalkCommand>,
) {
    // The line scrolls; its buttons stay below it, in view on a projector too.
    let height = (ui.available_height() - 150.0).max(60.0);
    card(p).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let open = dialogue.talk.as_ref().filter(|t| t.stop == stop);
        egui::ScrollArea::vertical()
            .id_salt("host-intro")
            .max_height(height)
            .show(ui, |ui| match open {
                Some(open) => spoken_line(ui, p, crew, open, 96.0),
                None => {
                    for (host, text) in crew.lines(stop, &Moment::Intro) {
                        ui.label(
                            egui::RichText::new(format!("{}:", host.name))
                                .strong()
                                .color(color(p.accent)),
                        );
                        ui.label(text);
                    }
                }
            });
        if let Some(open) = open
            && (!open.is_last() || open.index > 0)
        {
            ui.add_space(4.0);
            talk_buttons(ui, open, false, talk);
        }
    });
}

/// The tour's own text for the stop, word for word, in a window that scrolls.
fn tour_text_window(
    ctx: &egui::Context,
    stop: &crate::tour::model::content::Stop,
    open: &mut bool,
) {
    egui::Window::new(format!(
        "The tour text: Stop {} · {}",
        stop.number, stop.title
    ))
    .open(open)
    .collapsible(false)
    .resizable(false)
    .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
    .fixed_size(crate::ui::widgets::fit_window(
        ctx,
        egui::vec2(720.0, 520.0),
    ))
    .constrain_to(content_area(ctx))
    .show(ctx, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("tour-text")
            .show(ui, |ui| {
                for para in &stop.story {
                    ui.label(para);
                    ui.add_space(6.0);
                }
            });
    });
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
    app.init_resource::<TourTextWindow>().add_systems(
        EguiPrimaryContextPass,
        briefing_ui
            .in_set(UiSystems::Screens)
            .run_if(in_state(StopPhase::Briefing)),
    );
}
