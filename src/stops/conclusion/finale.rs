//! After the final gate: the three polls (answers saved) and a summary of the run.
//! Keyboard: Up/Down choose a poll, 1–5 answer it, Esc returns to the lot.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::stops::conclusion::level::PollAnswer;
use crate::tour::input::digit_index;
use crate::tour::model::progress::Progress;
use crate::tour::{GameContent, SaveData, Screen, TourCommand};
use crate::ui::level_frame::LevelScreen;
use crate::ui::model::palette::Palette;
use crate::ui::theme::{UiSystems, color};
use crate::ui::widgets::{card, focus_ring, panel_width, stars_text};

#[derive(Resource, Default)]
struct PollFocus(usize);

fn finale_keys(
    keys: Res<ButtonInput<KeyCode>>,
    content: Res<GameContent>,
    mut focus: ResMut<PollFocus>,
    mut answers: MessageWriter<PollAnswer>,
    mut tour: MessageWriter<TourCommand>,
) {
    let polls = &content.tour.polls;
    if polls.is_empty() {
        return;
    }
    if keys.any_just_pressed([KeyCode::ArrowDown, KeyCode::Tab]) {
        focus.0 = (focus.0 + 1) % polls.len();
    }
    if keys.just_pressed(KeyCode::ArrowUp) {
        focus.0 = (focus.0 + polls.len() - 1) % polls.len();
    }
    if let Some(i) = digit_index(&keys) {
        let poll = &polls[focus.0 % polls.len()];
        if i < poll.options.len() {
            answers.write(PollAnswer {
                poll: poll.id.clone(),
                option: i,
            });
            focus.0 = (focus.0 + 1) % polls.len();
        }
    }
    if keys.just_pressed(KeyCode::Escape) {
        tour.write(TourCommand::ToMap);
    }
}

fn finale_ui(
    mut screen: LevelScreen,
    content: Res<GameContent>,
    save: Res<SaveData>,
    focus: Res<PollFocus>,
    mut answers: MessageWriter<PollAnswer>,
) -> Result {
    let progress = &save.progress;
    let (mut root, p) = screen.begin(
        "finale",
        &[
            ("Up/Down", "choose a poll"),
            ("1–5", "answer"),
            ("Esc", "back to the lot"),
        ],
    )?;
    egui::Panel::right("summary")
        .exact_size(panel_width(&root, 520.0))
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(16)),
        )
        .show(&mut root, |ui| {
            // The way out stays in view; the summary above it scrolls on a small screen.
            egui::Panel::bottom("summary-actions")
                .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 6)))
                .resizable(false)
                .show(ui, |ui| {
                    if ui.button("◀ Back to the lot").clicked() {
                        screen.tour.write(TourCommand::ToMap);
                    }
                });
            egui::ScrollArea::vertical()
                .id_salt("summary")
                .show(ui, |ui| run_summary(ui, &content, progress));
        });
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::same(20)))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("polls")
                .show(ui, |ui| {
                    card(&p).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(
                            egui::RichText::new("That's a wrap! 🎬")
                                .size(34.0)
                                .strong()
                                .color(color(p.accent)),
                        );
                        if let Some(stop) = content.tour.stops.last() {
                            ui.label(egui::RichText::new(&stop.guiding_question).italics());
                        }
                        ui.label(
                            "Three quick polls. Your answers are saved on this computer only.",
                        );
                    });
                    ui.add_space(8.0);
                    polls(ui, &p, &content, progress, focus.0, &mut answers);
                });
        });
    Ok(())
}

/// The run at a glance: each stop's gate, attempts and level stars, and how many gate
/// questions were right on the first try.
fn run_summary(ui: &mut egui::Ui, content: &GameContent, progress: &Progress) {
    ui.heading("Your run");
    let passed = progress.stops_passed();
    ui.label(format!(
        "Gates passed: {passed} of {}",
        content.tour.stops.len()
    ));
    // Each stop's row: its name, gate, attempts and level stars.
    let rows: Vec<[String; 4]> = content
        .tour
        .stops
        .iter()
        .map(|stop| {
            let gate = if progress.gate_passed(usize::from(stop.number)) {
                "✔ passed"
            } else {
                "— not yet"
            };
            let attempts = progress
                .gates
                .get(&stop.number)
                .map_or(0, |g| g.total_attempts());
            let stars = progress
                .level_stars
                .get(&stop.number)
                .map_or("—".to_string(), |s| stars_text(*s));
            [
                format!("{} {}", stop.number, stop.title),
                gate.to_string(),
                attempts.to_string(),
                stars,
            ]
        })
        .collect();
    // A table where it fits; in a narrow panel (a projector) a line per stop instead.
    if ui.available_width() < 440.0 {
        for [stop, gate, attempts, stars] in &rows {
            ui.label(egui::RichText::new(stop).strong());
            ui.label(format!("{gate} · attempts {attempts} · level {stars}"));
        }
    } else {
        egui::Grid::new("run_summary").striped(true).show(ui, |ui| {
            for heading in ["Stop", "Gate", "Attempts", "Level"] {
                ui.label(egui::RichText::new(heading).strong());
            }
            ui.end_row();
            for row in &rows {
                for cell in row {
                    ui.label(cell);
                }
                ui.end_row();
            }
        });
    }
    let (first_try, total): (usize, usize) = progress
        .gates
        .values()
        .flat_map(|g| g.questions.iter())
        .fold((0, 0), |(f, t), q| {
            let first = q.attempts.first().is_some_and(|a| a.correct);
            (f + usize::from(first), t + 1)
        });
    ui.label(format!(
        "Right on the first try: {first_try} of {total} questions"
    ));
    // "How can you prepare?": the careers picked at the Conclusion, for the student and the
    // teacher (it is in the class results too).
    let plan = if progress.career_plan.is_empty() {
        "— not made yet".to_string()
    } else {
        progress.career_plan.join(" and ")
    };
    ui.label(egui::RichText::new(format!("Careers I would like: {plan}")).strong());
}

/// A card per poll with a button per option; the saved answer is ticked and the poll with the
/// keyboard focus has a ring.
fn polls(
    ui: &mut egui::Ui,
    p: &Palette,
    content: &GameContent,
    progress: &Progress,
    focused: usize,
    answers: &mut MessageWriter<PollAnswer>,
) {
    for (i, poll) in content.tour.polls.iter().enumerate() {
        let response = card(p)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(egui::RichText::new(&poll.prompt).strong());
                ui.horizontal_wrapped(|ui| {
                    for (o, option) in poll.options.iter().enumerate() {
                        let chosen = progress.polls.get(&poll.id) == Some(&o);
                        let mark = if chosen { "☑" } else { "○" };
                        if ui
                            .add(
                                egui::Button::new(format!("{mark} {} {option}", o + 1))
                                    .selected(chosen),
                            )
                            .clicked()
                        {
                            answers.write(PollAnswer {
                                poll: poll.id.clone(),
                                option: o,
                            });
                        }
                    }
                });
            })
            .response;
        if focused == i {
            focus_ring(ui, response.rect, p);
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PollFocus>()
        .add_systems(
            Update,
            finale_keys
                .run_if(in_state(Screen::Finale))
                .before(crate::tour::flow::TourSystems::Play),
        )
        .add_systems(
            EguiPrimaryContextPass,
            finale_ui
                .in_set(UiSystems::Screens)
                .run_if(in_state(Screen::Finale)),
        );
}
