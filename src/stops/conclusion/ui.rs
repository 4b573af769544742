//! The Conclusion's careers gallery: a card per hybrid role; match each to the stop where the
//! tour met it. Keyboard: Left/Right pick a card, 0–6 guess its stop, Enter continues when done.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::stops::conclusion::level::{ConclusionCommand, ConclusionState, STOP};
use crate::stops::conclusion::model::Careers;
use crate::stops::conclusion::model::MatchOutcome;
use crate::tour::content_plugin::Content;
use crate::tour::model::content::Stop;
use crate::tour::{GameContent, LevelStatus, TourCommand, in_level};
use crate::ui::level_frame::{LevelScreen, task_list};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{UiSystems, color};
use crate::ui::widgets::{card, focus_ring, primary_button, stars_text};

fn conclusion_keys(
    keys: Res<ButtonInput<KeyCode>>,
    state: Option<Res<ConclusionState>>,
    mut out: MessageWriter<ConclusionCommand>,
    mut tour: MessageWriter<TourCommand>,
    status: Res<LevelStatus>,
) {
    let Some(state) = state else { return };
    let cards = state.game.cards.len();
    if cards == 0 {
        return;
    }
    if keys.any_just_pressed([KeyCode::ArrowRight, KeyCode::Tab, KeyCode::KeyD]) {
        out.write(ConclusionCommand::Focus((state.focused + 1) % cards));
    }
    if keys.any_just_pressed([KeyCode::ArrowLeft, KeyCode::KeyA]) {
        out.write(ConclusionCommand::Focus(
            (state.focused + cards - 1) % cards,
        ));
    }
    let digits = [
        (KeyCode::Digit0, KeyCode::Numpad0),
        (KeyCode::Digit1, KeyCode::Numpad1),
        (KeyCode::Digit2, KeyCode::Numpad2),
        (KeyCode::Digit3, KeyCode::Numpad3),
        (KeyCode::Digit4, KeyCode::Numpad4),
        (KeyCode::Digit5, KeyCode::Numpad5),
        (KeyCode::Digit6, KeyCode::Numpad6),
    ];
    for (stop, (a, b)) in digits.into_iter().enumerate() {
        if keys.just_pressed(a) || keys.just_pressed(b) {
            out.write(ConclusionCommand::Guess {
                card: state.focused,
                stop: stop as u8,
            });
        }
    }
    if status.complete && keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        tour.write(TourCommand::FinishLevel);
    }
}

fn conclusion_ui(
    mut screen: LevelScreen,
    tour: Res<GameContent>,
    careers: Res<Content<Careers>>,
    state: Option<Res<ConclusionState>>,
    mut out: MessageWriter<ConclusionCommand>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    let (mut root, p) = screen.begin(
        "conclusion",
        &[
            ("Left/Right", "choose a card"),
            ("0–6", "the stop where you met it"),
            ("Enter", "continue when the core is matched"),
        ],
    )?;
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::same(20)))
        .show(&mut root, |ui| {
            gallery_header(ui, &p, &state);
            ui.add_space(8.0);
            egui::ScrollArea::vertical().show(ui, |ui| {
                for card_index in 0..state.game.cards.len() {
                    let stops = &tour.tour.stops;
                    career_card(ui, &p, &careers, stops, &state, card_index, &mut out);
                }
                ui.add_space(10.0);
                task_list(ui, &p, &screen.status, screen.lesson.length);
                if screen.status.complete {
                    ui.add_space(10.0);
                    let said = if state.game.is_complete() {
                        "All matched!"
                    } else {
                        "Enough matched!"
                    };
                    ui.label(format!("{said} {}", stars_text(state.game.stars())));
                    let go = primary_button(ui, &p, "▶ On to the Rapid Fire Review");
                    if go.clicked() {
                        screen.tour.write(TourCommand::FinishLevel);
                    }
                }
            });
        });
    Ok(())
}

/// The gallery's title, what to do, and how many cards are matched so far.
fn gallery_header(ui: &mut egui::Ui, p: &Palette, state: &ConclusionState) {
    card(p).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            egui::RichText::new("Careers gallery: hybrid roles")
                .size(28.0)
                .strong()
                .color(color(p.accent)),
        );
        ui.label(
            "Each of these jobs bridges art and technology. Where on the tour did you \
             meet it? Pick a card, then the stop.",
        );
        let done = state.game.matched.iter().filter(|m| **m).count();
        ui.label(format!(
            "{done} of {} matched · wrong guesses: {}",
            state.game.cards.len(),
            state.game.wrong_guesses
        ));
    });
}

/// One career card: the role and what they do, then either why it is hybrid (once matched) or
/// a button per stop to guess where the tour met it. The focused card gets a ring and scrolls
/// into view when the focus moves.
fn career_card(
    ui: &mut egui::Ui,
    p: &Palette,
    careers: &Careers,
    stops: &[Stop],
    state: &Res<ConclusionState>,
    card_index: usize,
    out: &mut MessageWriter<ConclusionCommand>,
) {
    let career = &careers.careers[state.game.cards[card_index]];
    let matched = state.game.matched[card_index];
    let focused = state.focused == card_index;
    let response = card(p)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.vertical(|ui| {
                let head = if matched {
                    format!("✔ {} — met at stop {}", career.title, career.met_at_stop)
                } else {
                    format!("? {}", career.title)
                };
                ui.label(egui::RichText::new(head).strong().size(22.0));
                ui.label(&career.what_they_do);
                if matched {
                    ui.label(
                        egui::RichText::new(format!("Hybrid because: {}", career.hybrid_because))
                            .color(color(p.muted_text)),
                    );
                    ui.label(format!("Start now: {}", career.start_now));
                } else {
                    ui.horizontal_wrapped(|ui| {
                        ui.label("Met at:");
                        for stop in stops {
                            if ui
                                .button(format!("{} {}", stop.number, stop.title))
                                .clicked()
                            {
                                out.write(ConclusionCommand::Guess {
                                    card: card_index,
                                    stop: stop.number,
                                });
                            }
                        }
                    });
                }
                if let Some((c, MatchOutcome::Wrong { .. })) = &state.last
                    && *c == card_index
                {
                    ui.label(
                        egui::RichText::new(
                            "✖ Not that stop. Think about what this person works on.",
                        )
                        .color(color(p.warning)),
                    );
                }
            });
        })
        .response;
    if focused {
        focus_ring(ui, response.rect, p);
        if state.is_changed() {
            response.scroll_to_me(Some(egui::Align::Center));
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        conclusion_keys
            .run_if(in_level(STOP))
            .before(crate::tour::flow::TourSystems::Play),
    )
    .add_systems(
        EguiPrimaryContextPass,
        conclusion_ui
            .in_set(UiSystems::Screens)
            .run_if(in_level(STOP)),
    );
}
