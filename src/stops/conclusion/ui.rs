//! The Conclusion's screen: the crew you met (a card per person; match each to what they did
//! in the tour), then "How can you prepare?" (pick one or two of their careers and see the
//! school subjects and first steps). Keyboard: Up/Down pick a person, A–J pick what they did,
//! P moves to the plan, 1–9 and 0 pick careers there, K keeps the plan, Enter continues.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::crew::model::Crew;
use crate::crew::portrait::portrait;
use crate::stops::conclusion::level::{ConclusionCommand, ConclusionState, STOP, plan_careers};
use crate::stops::conclusion::model::{Careers, MatchOutcome};
use crate::tour::content_plugin::Content;
use crate::tour::{LevelStatus, TourCommand, in_level};
use crate::ui::level_frame::{LevelScreen, task_list};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{UiSystems, color};
use crate::ui::widgets::{card, focus_ring, primary_button, stars_text};

/// Letters for the deeds, in the order they are offered.
const DEED_KEYS: [KeyCode; 12] = [
    KeyCode::KeyA,
    KeyCode::KeyB,
    KeyCode::KeyC,
    KeyCode::KeyD,
    KeyCode::KeyE,
    KeyCode::KeyF,
    KeyCode::KeyG,
    KeyCode::KeyH,
    KeyCode::KeyI,
    KeyCode::KeyJ,
    KeyCode::KeyL,
    KeyCode::KeyN,
];

fn deed_letter(i: usize) -> String {
    format!("{:?}", DEED_KEYS.get(i).unwrap_or(&KeyCode::KeyZ)).replace("Key", "")
}

fn conclusion_keys(
    keys: Res<ButtonInput<KeyCode>>,
    state: Option<Res<ConclusionState>>,
    mut out: MessageWriter<ConclusionCommand>,
    mut tour: MessageWriter<TourCommand>,
    status: Res<LevelStatus>,
) {
    let Some(state) = state else { return };
    let cards = state.game.people.len();
    if cards == 0 {
        return;
    }
    if keys.any_just_pressed([KeyCode::ArrowDown, KeyCode::ArrowRight, KeyCode::Tab]) {
        out.write(ConclusionCommand::Focus((state.focused + 1) % cards));
    }
    if keys.any_just_pressed([KeyCode::ArrowUp, KeyCode::ArrowLeft]) {
        out.write(ConclusionCommand::Focus(
            (state.focused + cards - 1) % cards,
        ));
    }
    for (deed, key) in DEED_KEYS.iter().enumerate().take(cards) {
        if keys.just_pressed(*key) {
            out.write(ConclusionCommand::Match {
                card: state.focused,
                deed,
            });
        }
    }
    if let Some(i) = crate::tour::input::digit_index(&keys) {
        out.write(ConclusionCommand::TogglePick(i));
    }
    if keys.any_just_pressed([KeyCode::Digit0, KeyCode::Numpad0]) {
        out.write(ConclusionCommand::TogglePick(9));
    }
    if keys.just_pressed(KeyCode::KeyK) {
        out.write(ConclusionCommand::KeepPlan);
    }
    if status.complete && keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        tour.write(TourCommand::FinishLevel);
    }
}

/// True once enough people are matched for the lesson: the plan opens.
fn matching_done(status: &LevelStatus) -> bool {
    status
        .tasks
        .iter()
        .find(|t| t.id == "careers")
        .is_none_or(|t| t.done >= t.core)
}

fn conclusion_ui(
    mut screen: LevelScreen,
    crew: Res<Content<Crew>>,
    careers: Res<Content<Careers>>,
    state: Option<Res<ConclusionState>>,
    mut out: MessageWriter<ConclusionCommand>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    let (mut root, p) = screen.begin(
        "conclusion",
        &[
            ("Up/Down", "choose a person"),
            ("A–J", "what they did"),
            ("1–9, 0", "pick a career"),
            ("K", "keep my plan"),
            ("Enter", "continue when done"),
        ],
    )?;
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::same(16)))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("conclusion")
                .show(ui, |ui| {
                    gallery_header(ui, &p, &state);
                    ui.add_space(6.0);
                    crew_match(ui, &p, &crew, &state, &mut out);
                    ui.add_space(10.0);
                    if matching_done(&screen.status) {
                        prepare(ui, &p, &crew, &careers, &state, &mut out);
                        ui.add_space(10.0);
                    }
                    task_list(ui, &p, &screen.status, screen.lesson.length);
                    if screen.status.complete {
                        ui.add_space(8.0);
                        ui.label(format!(
                            "Your plan is kept. {}",
                            stars_text(state.game.stars())
                        ));
                        if primary_button(ui, &p, "▶ On to the Rapid Fire Review").clicked() {
                            screen.tour.write(TourCommand::FinishLevel);
                        }
                    }
                });
        });
    Ok(())
}

fn gallery_header(ui: &mut egui::Ui, p: &Palette, state: &ConclusionState) {
    card(p).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            egui::RichText::new("The crew you met")
                .size(28.0)
                .strong()
                .color(color(p.accent)),
        );
        ui.label(
            "These people showed you their jobs on the tour. Who did what? Pick a person, \
             then what they did.",
        );
        let done = state.game.matched.iter().filter(|m| **m).count();
        ui.label(format!(
            "{done} of {} matched · wrong guesses: {}",
            state.game.people.len(),
            state.game.wrong_guesses
        ));
    });
}

/// People on the left, what they did on the right (for the person in focus).
fn crew_match(
    ui: &mut egui::Ui,
    p: &Palette,
    crew: &Crew,
    state: &Res<ConclusionState>,
    out: &mut MessageWriter<ConclusionCommand>,
) {
    ui.columns(2, |cols| {
        for card_index in 0..state.game.people.len() {
            person_card(&mut cols[0], p, crew, state, card_index, out);
        }
        deeds(&mut cols[1], p, crew, state, out);
    });
}

fn person_card(
    ui: &mut egui::Ui,
    p: &Palette,
    crew: &Crew,
    state: &Res<ConclusionState>,
    card_index: usize,
    out: &mut MessageWriter<ConclusionCommand>,
) {
    let Some(host) = crew.host(&state.game.people[card_index]) else {
        return;
    };
    let matched = state.game.matched[card_index];
    let focused = state.focused == card_index;
    let response = card(p)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                portrait(ui, &host.look, 56.0, color(p.background));
                ui.vertical(|ui| {
                    let mark = if matched { "✔" } else { "?" };
                    ui.label(egui::RichText::new(format!("{mark} {}", host.name)).strong());
                    ui.label(egui::RichText::new(&host.role).color(color(p.accent)));
                    if matched {
                        ui.label(format!("They {}.", host.did));
                        ui.label(
                            egui::RichText::new(format!("How they started: {}", host.origin))
                                .color(color(p.muted_text)),
                        );
                    } else if !focused && ui.button("Choose").clicked() {
                        out.write(ConclusionCommand::Focus(card_index));
                    }
                    if let Some((c, MatchOutcome::Wrong)) = &state.last
                        && *c == card_index
                    {
                        ui.label(
                            egui::RichText::new("✖ Not them. Think about what their job is.")
                                .color(color(p.warning)),
                        );
                    }
                });
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

/// The deeds still to match, as lettered buttons for the person in focus.
fn deeds(
    ui: &mut egui::Ui,
    p: &Palette,
    crew: &Crew,
    state: &Res<ConclusionState>,
    out: &mut MessageWriter<ConclusionCommand>,
) {
    let focused = state.focused;
    let who = state
        .game
        .people
        .get(focused)
        .and_then(|id| crew.host(id))
        .map_or("this person".to_string(), |h| h.name.clone());
    ui.label(
        egui::RichText::new(format!("What did {who} do?"))
            .strong()
            .size(20.0),
    );
    for (i, &owner) in state.game.deeds.iter().enumerate() {
        let Some(host) = state.game.people.get(owner).and_then(|id| crew.host(id)) else {
            continue;
        };
        let used = state.game.deed_used(i);
        let text = format!("{}  {}", deed_letter(i), host.did);
        let button = egui::Button::new(egui::RichText::new(text).color(if used {
            color(p.muted_text)
        } else {
            color(p.text)
        }))
        .wrap();
        if ui.add_enabled(!used, button).clicked() {
            out.write(ConclusionCommand::Match {
                card: focused,
                deed: i,
            });
        }
    }
}

/// "How can you prepare?": the crew's careers to pick, and for each pick its school subjects
/// and first steps.
fn prepare(
    ui: &mut egui::Ui,
    p: &Palette,
    crew: &Crew,
    careers: &Careers,
    state: &ConclusionState,
    out: &mut MessageWriter<ConclusionCommand>,
) {
    card(p).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            egui::RichText::new("How can you prepare?")
                .size(26.0)
                .strong()
                .color(color(p.accent)),
        );
        ui.label("Pick one or two careers you would like. Then keep your plan.");
        ui.horizontal_wrapped(|ui| {
            for (i, title) in plan_careers(crew).iter().enumerate() {
                let picked = state.plan.picks.iter().any(|t| t == title);
                let key = if i < 9 {
                    format!("{}", i + 1)
                } else {
                    "0".into()
                };
                let mark = if picked { "☑" } else { "☐" };
                if ui.button(format!("{mark} {key} {title}")).clicked() {
                    out.write(ConclusionCommand::TogglePick(i));
                }
            }
        });
        for title in &state.plan.picks {
            let Some(career) = careers.find(title) else {
                continue;
            };
            ui.add_space(6.0);
            ui.label(egui::RichText::new(&career.title).strong().size(20.0));
            ui.label(format!(
                "School subjects and skills: {}",
                career.skills.join(", ")
            ));
            ui.label(format!("First steps: {}", career.start_now));
        }
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            let label = if state.plan.kept {
                "✔ Plan kept"
            } else {
                "Keep my plan (K)"
            };
            if ui.button(label).clicked() {
                out.write(ConclusionCommand::KeepPlan);
            }
            if let Some(note) = &state.plan_note {
                ui.label(note);
            }
        });
    });
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
