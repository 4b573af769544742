//! The class poll (F10 in presenter mode, or the presenter bar's button; both need the teacher
//! lock open): the teacher counts a show of hands for the open gate question, any stop's
//! review question or one of the tour's polls, types the counts in, and the projector shows
//! bars that add up to 100%. Tallies are kept in `class_polls.ron`. Counting, rounding and the
//! summary sentence live in `crate::classroom::poll::model`; this window only edits a
//! `PollTally` and shows it.
//!
//! Keyboard: Tab moves between the count boxes and buttons, typing a number sets a count.

use std::collections::HashMap;

use bevy::input::InputSystems;
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::GameConfig;
use crate::classroom::poll::model::{Bar, PollArchive, PollError, PollTally};
use crate::classroom::presenter::ui::ClassPollWindow;
use crate::classroom::teacher_lock::TeacherLock;
use crate::classroom::teacher_lock::lock::notify_locked;
use crate::tour::input::{swallow_typing, typing};
use crate::tour::model::content::{STOP_COUNT, Tour};
use crate::tour::{ActiveGate, CurrentStop, GameContent, Notices};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{AllowWidgetFocus, UiSettings, UiSystems, color};
use crate::ui::widgets::{content_area, fit_window, value_bar};

/// The tour's polls are asked after the Conclusion's gate, so they are filed under its stop.
const FINALE_STOP: usize = STOP_COUNT - 1;
/// Long prompts are cut to this many characters in the list; the full text shows below it.
const LIST_CHARS: usize = 64;

/// What is being polled.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PollSource {
    /// The question the open gate shows now; it follows the gate to its next question.
    CurrentGate,
    /// A stop's review question (a question of its gate), by id.
    Question { stop: usize, id: String },
    /// One of the tour's polls, by position.
    Seed { index: usize },
}

/// (stop, poll id): how tallies are filed in the archive. The poll id is the question id for
/// gate and review questions, and "poll-N" for the tour's polls.
type PollKey = (usize, String);

/// The tally on screen and what is typed in each count box.
#[derive(Debug)]
struct Desk {
    key: PollKey,
    tally: PollTally,
    /// Kept as typed, so a mistake stays visible next to its explanation until corrected.
    texts: Vec<String>,
    errors: Vec<Option<String>>,
    /// Changed since it was loaded or saved.
    dirty: bool,
}

impl Desk {
    fn new(key: PollKey, tally: PollTally, dirty: bool) -> Self {
        let texts = tally.counts().iter().map(|c| c.to_string()).collect();
        let errors = vec![None; tally.counts().len()];
        Desk {
            key,
            tally,
            texts,
            errors,
            dirty,
        }
    }

    /// After "+" or "−": show the new count, or why it did not change.
    fn after_step(&mut self, index: usize, result: Result<u32, PollError>) {
        match result {
            Ok(count) => {
                if let Some(text) = self.texts.get_mut(index) {
                    *text = count.to_string();
                }
                if let Some(error) = self.errors.get_mut(index) {
                    *error = None;
                }
                self.dirty = true;
            }
            Err(e) => {
                if let Some(error) = self.errors.get_mut(index) {
                    *error = Some(e.to_string());
                }
            }
        }
    }

    fn clear(&mut self) {
        self.tally.reset();
        self.texts = self.tally.counts().iter().map(|c| c.to_string()).collect();
        self.errors = vec![None; self.texts.len()];
        self.dirty = true;
    }
}

/// The poll window's state between frames.
#[derive(Resource, Debug, Default)]
struct PollDesk {
    source: Option<PollSource>,
    desk: Option<Desk>,
    /// Why the chosen item cannot be polled (e.g. a question with one choice), and for which.
    build_error: Option<(PollKey, String)>,
    /// Tallies counted this session and not saved yet.
    unsaved: HashMap<PollKey, PollTally>,
    archive: PollArchive,
    /// The window was open last frame; the archive is read again each time it opens.
    was_open: bool,
    /// The right answers are marked. Off for each new question, so a poll is never spoiled.
    reveal: bool,
    message: Option<String>,
}

/// A long prompt cut to `max` characters for the list.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

fn wanted_key(source: &PollSource, gate: Option<&ActiveGate>) -> Option<PollKey> {
    match source {
        PollSource::CurrentGate => {
            gate.and_then(|g| g.session.current_question().map(|q| (g.stop, q.id.clone())))
        }
        PollSource::Question { stop, id } => Some((*stop, id.clone())),
        PollSource::Seed { index } => Some((FINALE_STOP, format!("poll-{index}"))),
    }
}

/// A fresh tally (every count 0) for what is being polled. A gate question keeps the order the
/// gate shows its choices in, so the letters on the projector match the students' screen.
fn build_tally(
    source: &PollSource,
    tour: &Tour,
    gate: Option<&ActiveGate>,
) -> Result<PollTally, String> {
    match source {
        PollSource::CurrentGate => {
            let gate = gate.ok_or("No gate is open now.")?;
            let question = gate
                .session
                .current_question()
                .ok_or("The gate shows no question now.")?;
            PollTally::from_choices(
                question.prompt.clone(),
                gate.session.displayed_choices().into_iter().map(|(_, c)| c),
            )
            .map_err(|e| format!("This question cannot be polled: {e}"))
        }
        PollSource::Question { stop, id } => {
            let questions = tour.gate_questions(*stop);
            let question = questions
                .iter()
                .find(|q| q.id == *id)
                .ok_or_else(|| format!("Stop {stop} has no question \"{id}\" any more."))?;
            PollTally::from_question(question)
                .map_err(|e| format!("This question cannot be polled: {e}"))
        }
        PollSource::Seed { index } => {
            let poll = tour
                .polls
                .get(*index)
                .ok_or_else(|| format!("There is no poll number {}.", index + 1))?;
            PollTally::new(poll.prompt.clone(), poll.options.clone())
                .map_err(|e| format!("This poll cannot be used: {e}"))
        }
    }
}

/// Copy the counts of an earlier tally of the same poll, matching options by their text: a
/// gate shuffles its choices, so the same option can carry another letter this time.
fn carry_counts(into: &mut PollTally, from: &PollTally) {
    let options = into.options().to_vec();
    for (i, option) in options.iter().enumerate() {
        if let Some(j) = from.options().iter().position(|o| o == option)
            && let Some(count) = from.count(j)
        {
            // A saved count is at most the maximum, so this cannot be refused.
            let _ = into.set_count(i, &count.to_string());
        }
    }
}

/// The tally as the class may see it: before "Reveal answer" the right choices are not marked,
/// neither in the bars nor in the summary sentence.
fn shown_tally(tally: &PollTally, reveal: bool) -> PollTally {
    let mut shown = tally.clone();
    if !reveal {
        // Unmarking cannot be refused.
        let _ = shown.set_correct(None);
    }
    shown
}

/// What to poll when the window first opens: the open gate, else the current stop's first
/// review question, else the first tour poll.
fn default_source(gate: Option<&ActiveGate>, current: usize, tour: &Tour) -> Option<PollSource> {
    if gate.is_some() {
        return Some(PollSource::CurrentGate);
    }
    if let Some(q) = tour.gate_questions(current).first() {
        return Some(PollSource::Question {
            stop: current,
            id: q.id.clone(),
        });
    }
    (!tour.polls.is_empty()).then_some(PollSource::Seed { index: 0 })
}

fn source_label(source: &PollSource, gate: Option<&ActiveGate>, tour: &Tour) -> String {
    match source {
        PollSource::CurrentGate => {
            match gate.and_then(|g| g.session.current_question().map(|q| (g.stop, q))) {
                Some((stop, q)) => {
                    format!("Open gate · Stop {stop} · {}", short(&q.prompt, LIST_CHARS))
                }
                None => "Open gate (no gate is open now)".to_string(),
            }
        }
        PollSource::Question { stop, id } => tour
            .gate_questions(*stop)
            .iter()
            .find(|q| q.id == *id)
            .map_or_else(
                || format!("Stop {stop} · {id}"),
                |q| format!("Stop {stop} · {}", short(&q.prompt, LIST_CHARS)),
            ),
        PollSource::Seed { index } => tour.polls.get(*index).map_or_else(
            || format!("Poll {}", index + 1),
            |poll| {
                format!(
                    "Stop {FINALE_STOP} · finale poll · {}",
                    short(&poll.prompt, LIST_CHARS)
                )
            },
        ),
    }
}

fn source_picker(ui: &mut egui::Ui, state: &mut PollDesk, gate: Option<&ActiveGate>, tour: &Tour) {
    let mut chosen = state.source.clone();
    let label = chosen.as_ref().map_or_else(
        || "Choose what to poll".to_string(),
        |s| source_label(s, gate, tour),
    );
    ui.horizontal(|ui| {
        ui.label("Poll:");
        egui::ComboBox::from_id_salt("class-poll-source")
            .width(600.0)
            .height(440.0)
            .selected_text(label)
            .show_ui(ui, |ui| {
                if let Some(g) = gate
                    && let Some(q) = g.session.current_question()
                {
                    ui.selectable_value(
                        &mut chosen,
                        Some(PollSource::CurrentGate),
                        format!(
                            "Open gate now · Stop {} · {}",
                            g.stop,
                            short(&q.prompt, LIST_CHARS)
                        ),
                    );
                }
                for stop in 0..tour.stops.len() {
                    for q in tour.gate_questions(stop) {
                        let text = format!("Stop {stop} · {}", short(&q.prompt, LIST_CHARS));
                        ui.selectable_value(
                            &mut chosen,
                            Some(PollSource::Question { stop, id: q.id }),
                            text,
                        );
                    }
                }
                for (index, poll) in tour.polls.iter().enumerate() {
                    ui.selectable_value(
                        &mut chosen,
                        Some(PollSource::Seed { index }),
                        format!(
                            "Stop {FINALE_STOP} · finale poll · {}",
                            short(&poll.prompt, LIST_CHARS)
                        ),
                    );
                }
            });
    });
    if chosen != state.source {
        state.source = chosen;
        state.message = None;
    }
}

/// Put the chosen item's tally on the desk when the choice (or the gate's question) changed.
/// Counts come back from this session's unsaved tallies, else from the archive.
fn sync_desk(state: &mut PollDesk, gate: Option<&ActiveGate>, tour: &Tour) {
    let key = state.source.as_ref().and_then(|s| wanted_key(s, gate));
    let on_desk = state.desk.as_ref().map(|d| &d.key);
    let failed = state.build_error.as_ref().map(|(k, _)| k);
    if on_desk == key.as_ref() || (key.is_some() && failed == key.as_ref()) {
        return;
    }
    if let Some(old) = state.desk.take()
        && old.dirty
    {
        state.unsaved.insert(old.key, old.tally);
    }
    state.build_error = None;
    state.reveal = false;
    let (Some(key), Some(source)) = (key, state.source.as_ref()) else {
        return;
    };
    match build_tally(source, tour, gate) {
        Ok(mut tally) => {
            let unsaved = state.unsaved.remove(&key);
            let earlier = unsaved
                .as_ref()
                .or_else(|| state.archive.get(key.0, &key.1).map(|s| &s.tally));
            if let Some(earlier) = earlier {
                carry_counts(&mut tally, earlier);
            }
            state.desk = Some(Desk::new(key, tally, unsaved.is_some()));
        }
        Err(e) => state.build_error = Some((key, e)),
    }
}

fn desk_ui(ui: &mut egui::Ui, p: &Palette, state: &mut PollDesk, config: &GameConfig) {
    if let Some((_, e)) = &state.build_error {
        ui.label(egui::RichText::new(format!("⚠ {e}")).color(color(p.warning)));
        return;
    }
    let Some(desk) = state.desk.as_mut() else {
        if state.source == Some(PollSource::CurrentGate) {
            ui.label("No gate is open now. Choose a question from the list.");
        } else {
            ui.label("Choose what to poll from the list.");
        }
        return;
    };
    ui.label(egui::RichText::new(desk.tally.title()).size(26.0).strong());
    if desk.tally.correct().is_some() {
        ui.checkbox(
            &mut state.reveal,
            "Reveal answer (marks the right choices with ✔)",
        );
    }
    ui.label(
        egui::RichText::new("Count the hands for each option and type the number, or use − and +.")
            .color(color(p.muted_text)),
    );
    let shown = shown_tally(&desk.tally, state.reveal);
    for (i, bar) in shown.bars().iter().enumerate() {
        option_row(ui, p, desk, i, bar);
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(shown.summary()).size(24.0).strong());
    ui.add_space(6.0);
    let mut save = false;
    ui.horizontal(|ui| {
        if ui.button("Save tallies").clicked() {
            save = true;
        }
        if ui
            .button("Clear")
            .on_hover_text("Every count back to 0, for a new vote")
            .clicked()
        {
            desk.clear();
            state.message = Some("Counts are back to 0. Save to replace the stored result.".into());
        }
    });
    if save {
        save_tallies(state, config);
    }
    if let Some(m) = &state.message {
        ui.label(m);
    }
}

/// One option of the poll: its label and text, the count box with − and +, the bar, and why a
/// typed count was refused.
fn option_row(ui: &mut egui::Ui, p: &Palette, desk: &mut Desk, i: usize, bar: &Bar) {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, color(p.border)))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(bar.label.to_string())
                        .size(26.0)
                        .strong(),
                );
                ui.label(egui::RichText::new(&bar.text).size(22.0));
                if bar.is_correct == Some(true) {
                    ui.label(
                        egui::RichText::new("✔ right")
                            .size(22.0)
                            .strong()
                            .color(color(p.success)),
                    );
                }
            });
            ui.horizontal(|ui| {
                ui.label("Votes:");
                if let Some(text) = desk.texts.get_mut(i) {
                    let edit = ui.add(
                        egui::TextEdit::singleline(text)
                            .id_salt(("class-poll-count", i))
                            .desired_width(64.0),
                    );
                    if edit.changed() {
                        let result = desk.tally.set_count(i, text.as_str());
                        if result.is_ok() {
                            desk.dirty = true;
                        }
                        if let Some(error) = desk.errors.get_mut(i) {
                            *error = result.err().map(|e| e.to_string());
                        }
                    }
                }
                if ui.button("−").on_hover_text("One vote fewer").clicked() {
                    let result = desk.tally.decrement(i);
                    desk.after_step(i, result);
                }
                if ui.button("+").on_hover_text("One vote more").clicked() {
                    let result = desk.tally.increment(i);
                    desk.after_step(i, result);
                }
                let fill = if bar.is_correct == Some(true) {
                    p.success
                } else {
                    p.accent
                };
                value_bar(
                    ui,
                    p,
                    bar.pct as f32 / 100.0,
                    color(fill),
                    egui::RichText::new(format!("{} ({}%)", bar.count, bar.pct))
                        .strong()
                        .size(22.0),
                    260.0,
                );
            });
            if let Some(Some(e)) = desk.errors.get(i) {
                ui.label(egui::RichText::new(format!("⚠ {e}")).color(color(p.warning)));
            }
        });
}

/// Record the tally on screen and every unsaved one, then write the archive. On failure the
/// tallies stay in memory, so the teacher can try again.
fn save_tallies(state: &mut PollDesk, config: &GameConfig) {
    let now = crate::platform::time::unix_now();
    let mut count = 0;
    for ((stop, id), tally) in &state.unsaved {
        state.archive.record(*stop, id.clone(), tally.clone(), now);
        count += 1;
    }
    if let Some(desk) = &state.desk {
        state
            .archive
            .record(desk.key.0, desk.key.1.clone(), desk.tally.clone(), now);
        count += 1;
    }
    state.message = Some(match state.archive.save(&config.data_dir) {
        Ok(()) => {
            state.unsaved.clear();
            if let Some(desk) = state.desk.as_mut() {
                desk.dirty = false;
            }
            format!(
                "✔ Saved ({count} {}).",
                if count == 1 { "tally" } else { "tallies" }
            )
        }
        Err(e) => format!(
            "⚠ Could not save the tallies: {e}. They are kept until the game closes; try again."
        ),
    });
}

fn class_poll_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    config: Res<GameConfig>,
    gate: Option<Res<ActiveGate>>,
    current: Res<CurrentStop>,
    mut window: ResMut<ClassPollWindow>,
    mut state: ResMut<PollDesk>,
    mut notices: ResMut<Notices>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
    lock: Res<TeacherLock>,
) -> Result {
    let state = &mut *state;
    // The poll is a teacher control: whatever opened it, it stays shut while the lock is.
    if window.open && !lock.is_open() {
        window.open = false;
        notify_locked(&mut notices);
    }
    if !window.open {
        state.was_open = false;
        return Ok(());
    }
    allow_focus.0 = true;
    let gate = gate.as_deref();
    let tour = &content.tour;
    if !state.was_open {
        state.was_open = true;
        let (archive, warning) = PollArchive::load(&config.data_dir);
        if let Some(w) = warning {
            notices.warn(w);
        }
        state.archive = archive;
        state.message = None;
        if gate.is_some() {
            state.source = Some(PollSource::CurrentGate);
        }
        // Counts on the desk that were not edited come from the archive just read.
        if state.desk.as_ref().is_some_and(|d| !d.dirty) {
            state.desk = None;
        }
        state.build_error = None;
    }
    if state.source.is_none() {
        state.source = default_source(gate, current.0, tour);
    }
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let mut open = true;
    let shown = egui::Window::new("Class poll (F10 to close)")
        .open(&mut open)
        .default_size(fit_window(ctx, egui::vec2(780.0, 660.0)))
        .max_size(content_area(ctx).size())
        .constrain_to(content_area(ctx))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                source_picker(ui, &mut *state, gate, tour);
                sync_desk(&mut *state, gate, tour);
                ui.separator();
                desk_ui(ui, &p, &mut *state, &config);
            });
        });
    // Tab and the arrow keys stay inside this window while it is open.
    if let Some(shown) = &shown {
        crate::ui::widgets::keep_keyboard_in(ctx, shown.response.layer_id);
    }
    if !open {
        window.open = false;
        state.was_open = false;
    }
    Ok(())
}

/// While a count box has the keyboard, digits belong to it and must not also answer the gate
/// or jump to a stop: clear every key but the modifiers, right after Bevy reads the keyboard.
fn poll_keys(
    mut keys: ResMut<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    window: Res<ClassPollWindow>,
) {
    if !window.open || !typing(&wants) {
        return;
    }
    swallow_typing(&mut keys);
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ClassPollWindow>()
        .init_resource::<PollDesk>()
        .add_systems(
            PreUpdate,
            poll_keys
                .after(InputSystems)
                .after(crate::ui::remap::RemapSystems),
        )
        .add_systems(
            EguiPrimaryContextPass,
            class_poll_ui.in_set(UiSystems::Overlays),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(options: &[&str]) -> PollTally {
        PollTally::new("Which?", options.iter().map(|o| o.to_string()).collect()).expect("tally")
    }

    #[test]
    fn counts_follow_their_option_when_the_order_changes() {
        let mut earlier = tally(&["Gaffer", "Grip", "Editor"]);
        earlier.set_count(0, "5").expect("count");
        earlier.set_count(2, "7").expect("count");
        let mut now = tally(&["Editor", "Gaffer", "Colorist"]);
        carry_counts(&mut now, &earlier);
        assert_eq!(now.counts(), &[7, 5, 0]);
    }

    #[test]
    fn right_answers_stay_hidden_until_revealed() {
        let t = tally(&["A thing", "B thing"])
            .with_correct(vec![false, true])
            .expect("marked");
        let hidden = shown_tally(&t, false);
        assert!(hidden.bars().iter().all(|b| b.is_correct.is_none()));
        let shown = shown_tally(&t, true);
        assert_eq!(shown.bars()[1].is_correct, Some(true));
    }

    #[test]
    fn long_prompts_are_cut_for_the_list() {
        assert_eq!(short("Short one", 20), "Short one");
        assert_eq!(short("abcdef ghij", 7), "abcdef…");
    }

    #[test]
    fn seed_polls_are_filed_by_position_under_the_finale() {
        assert_eq!(
            wanted_key(&PollSource::Seed { index: 2 }, None),
            Some((FINALE_STOP, "poll-2".to_string()))
        );
        assert_eq!(wanted_key(&PollSource::CurrentGate, None), None);
    }
}
