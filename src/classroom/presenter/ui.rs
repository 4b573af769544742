//! Presenter mode on screen: a bar of teacher controls across the top, the keys for them, the
//! projector look while it is on, and a "paused" banner. F5 turns it on and off
//! (`--presenter` starts with it on).
//!
//! Keys while presenter mode is on: Ctrl+0…6 jump to a stop, F6 reveal the answer, F7 skip
//! to the gate (inside a level) or skip the gate (at the gate), F8 pause, F9 hide/show the
//! interface, F10 class poll. While the teacher lock is shut, F5 asks for the teacher code
//! and F6–F10 only say that the controls are locked. The bar also picks the lesson length
//! (Short, Standard, Full) for the class.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::classroom::presenter::commands::{PresenterCommand, PresenterState};
use crate::classroom::presenter::show_me::{ShowMeCommand, ShowMeStatus};
use crate::classroom::presenter::show_me_ui::show_me_button;
use crate::classroom::teacher_lock::TeacherLock;
use crate::classroom::teacher_lock::lock::notify_locked;
use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::lesson::LessonLength;
use crate::tour::{ActiveLesson, GameContent, Notices, SaveData, Screen, StopPhase};
use crate::ui::model::palette::{Palette, PaletteKind};
use crate::ui::theme::{UiSettings, UiSystems, color};
use crate::ui::widgets::top_bar;

/// Text size presenter mode asks for: readable from the back of a classroom.
pub const PRESENTER_SCALE: f32 = 1.5;

/// The look before presenter mode, restored when it ends.
#[derive(Resource, Debug, Default)]
struct LookBeforePresenting(Option<(PaletteKind, f32)>);

/// The class-poll window (drawn by `ui::class_poll_ui`).
#[derive(Resource, Debug, Default)]
pub struct ClassPollWindow {
    pub open: bool,
}

/// The teacher's keys besides F5, each refused with a notice while the lock is shut.
const TEACHER_KEYS: [KeyCode; 5] = [
    KeyCode::F6,
    KeyCode::F7,
    KeyCode::F8,
    KeyCode::F9,
    KeyCode::F10,
];

fn presenter_keys(
    keys: Res<ButtonInput<KeyCode>>,
    state: Res<PresenterState>,
    lock: Res<TeacherLock>,
    phase: Option<Res<State<StopPhase>>>,
    mut out: MessageWriter<PresenterCommand>,
    mut poll: ResMut<ClassPollWindow>,
    mut notices: ResMut<Notices>,
) {
    if keys.just_pressed(KeyCode::F5) {
        out.write(PresenterCommand::Toggle);
    }
    if !lock.is_open() {
        if keys.any_just_pressed(TEACHER_KEYS) {
            notify_locked(&mut notices);
        }
        return;
    }
    if !state.active {
        return;
    }
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    const DIGITS: [KeyCode; STOP_COUNT] = [
        KeyCode::Digit0,
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
        KeyCode::Digit5,
        KeyCode::Digit6,
    ];
    if ctrl && let Some(stop) = DIGITS.iter().position(|&k| keys.just_pressed(k)) {
        out.write(PresenterCommand::JumpTo(stop));
    }
    // F7 inside a stop goes to its gate; at the gate (or outside a stop) it skips the gate.
    let skip = match phase.map(|p| *p.get()) {
        Some(StopPhase::Briefing | StopPhase::Level) => PresenterCommand::SkipToGate,
        _ => PresenterCommand::SkipGate,
    };
    for (key, command) in [
        (KeyCode::F6, PresenterCommand::RevealAnswer),
        (KeyCode::F7, skip),
        (KeyCode::F8, PresenterCommand::TogglePause),
        (KeyCode::F9, PresenterCommand::ToggleChrome),
    ] {
        if keys.just_pressed(key) {
            out.write(command);
        }
    }
    if keys.just_pressed(KeyCode::F10) {
        poll.open = !poll.open;
    }
}

/// Presenter mode brings the projector palette and large text; leaving it restores the look.
fn presenter_look(
    state: Res<PresenterState>,
    mut settings: ResMut<UiSettings>,
    mut before: ResMut<LookBeforePresenting>,
) {
    if !state.is_changed() {
        return;
    }
    match (state.active, before.0) {
        (true, None) => {
            before.0 = Some((settings.palette, settings.scale));
            settings.palette = PaletteKind::Projector;
            settings.scale = settings.scale.max(PRESENTER_SCALE);
        }
        (false, Some((palette, scale))) => {
            settings.palette = palette;
            settings.scale = scale;
            before.0 = None;
        }
        _ => {}
    }
}

/// The presenter bar, first of the bars along the top.
pub(crate) fn presenter_bar(
    mut contexts: EguiContexts,
    state: Res<PresenterState>,
    mut settings: ResMut<UiSettings>,
    mut lesson: ResMut<ActiveLesson>,
    content: Res<GameContent>,
    save: Res<SaveData>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<StopPhase>>>,
    mut out: MessageWriter<PresenterCommand>,
    mut poll: ResMut<ClassPollWindow>,
    (show, mut show_out): (Res<ShowMeStatus>, MessageWriter<ShowMeCommand>),
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    if state.paused {
        paused_banner(ctx, &p);
    }
    if !state.active || state.chrome_hidden {
        return Ok(());
    }
    let at_gate = phase.as_ref().is_some_and(|p| *p.get() == StopPhase::Gate);
    let in_stop = *screen.get() == Screen::Stop;
    let in_level = phase.as_ref().is_some_and(|p| *p.get() == StopPhase::Level);
    // A strip across the top: the screen below starts under it, so it never hides the question
    // the class is reading. Small text is fine, the teacher stands close to the screen.
    let frame = egui::Frame::new()
        .fill(color(p.panel))
        .stroke(egui::Stroke::new(2.0, color(p.accent)))
        .inner_margin(egui::Margin::symmetric(6, 4));
    top_bar(ctx, "presenter-bar", frame, |ui| {
        ui.spacing_mut().button_padding = egui::vec2(6.0, 2.0);
        ui.spacing_mut().item_spacing = egui::vec2(4.0, 4.0);
        ui.spacing_mut().interact_size.y = 22.0;
        ui.horizontal_wrapped(|ui| {
            jump_row(ui, &p, &content, &save, &mut out);
            ui.separator();
            control_row(ui, at_gate, in_stop, state.paused, &mut out, &mut poll);
            show_me_button(ui, in_level, &show, &mut show_out);
            ui.separator();
            if let Some(length) = lesson_row(ui, lesson.length) {
                lesson.choose(length);
                settings.lesson = length;
            }
        });
    });
    Ok(())
}

/// The presenter bar's text size.
fn small(text: &str) -> egui::RichText {
    egui::RichText::new(text).size(15.0)
}

/// The big "Paused" notice in the middle of the screen.
fn paused_banner(ctx: &egui::Context, p: &Palette) {
    egui::Area::new(egui::Id::new("paused-banner"))
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(color(p.panel))
                .stroke(egui::Stroke::new(3.0, color(p.accent)))
                .inner_margin(egui::Margin::same(24))
                .show(ui, |ui| {
                    ui.label(egui::RichText::new("■ Paused").size(48.0).strong());
                    ui.label("The teacher paused the game. F8 resumes.");
                });
        });
}

/// One button per stop to jump to (a lock marks stops the player has not reached).
fn jump_row(
    ui: &mut egui::Ui,
    p: &Palette,
    content: &GameContent,
    save: &SaveData,
    out: &mut MessageWriter<PresenterCommand>,
) {
    ui.label(
        small("🎬 Presenter · jump (Ctrl+0–6):")
            .strong()
            .color(color(p.accent)),
    );
    for stop in 0..content.tour.stops.len().min(STOP_COUNT) {
        let lock = if save.progress.is_unlocked(stop) {
            ""
        } else {
            "🔒"
        };
        let title = &content.tour.stops[stop].title;
        if ui
            .button(small(&format!("{lock}{stop}")))
            .on_hover_text(title)
            .clicked()
        {
            out.write(PresenterCommand::JumpTo(stop));
        }
    }
}

/// Reveal, skip to the gate, skip the gate, pause, hide, poll and exit, each with its key.
/// `poll` stays a `ResMut` so the window is marked changed only when its button is pressed.
fn control_row(
    ui: &mut egui::Ui,
    at_gate: bool,
    in_stop: bool,
    paused: bool,
    out: &mut MessageWriter<PresenterCommand>,
    poll: &mut ResMut<ClassPollWindow>,
) {
    {
        if ui
            .add_enabled(at_gate, egui::Button::new(small("Reveal F6")))
            .clicked()
        {
            out.write(PresenterCommand::RevealAnswer);
        }
        if ui
            .add_enabled(
                in_stop && !at_gate,
                egui::Button::new(small("To the gate F7")),
            )
            .on_hover_text("Skip the rest of the level (no stars are recorded)")
            .clicked()
        {
            out.write(PresenterCommand::SkipToGate);
        }
        let skip_gate = if at_gate { "Skip gate F7" } else { "Skip gate" };
        if ui
            .add_enabled(in_stop, egui::Button::new(small(skip_gate)))
            .clicked()
        {
            out.write(PresenterCommand::SkipGate);
        }
        let pause = if paused { "Resume F8" } else { "Pause F8" };
        if ui.button(small(pause)).clicked() {
            out.write(PresenterCommand::TogglePause);
        }
        if ui.button(small("Hide UI F9")).clicked() {
            out.write(PresenterCommand::ToggleChrome);
        }
        if ui.button(small("Poll F10")).clicked() {
            poll.open = !poll.open;
        }
        if ui.button(small("Exit F5")).clicked() {
            out.write(PresenterCommand::Toggle);
        }
    }
}

/// The lesson length, for the class in front of the teacher: the one picked, if any.
fn lesson_row(ui: &mut egui::Ui, current: LessonLength) -> Option<LessonLength> {
    let mut picked = None;
    {
        ui.label(small("Lesson:"));
        for length in LessonLength::ALL {
            let r = ui
                .selectable_label(current == length, small(length.label()))
                .on_hover_text(length.explain());
            if r.clicked() && current != length {
                picked = Some(length);
            }
        }
    }
    picked
}

fn chrome_shown(state: Option<Res<PresenterState>>) -> bool {
    !state.is_some_and(|s| s.active && s.chrome_hidden)
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LookBeforePresenting>()
        .init_resource::<ClassPollWindow>()
        .add_systems(Update, (presenter_keys, presenter_look))
        .add_systems(
            EguiPrimaryContextPass,
            presenter_bar.in_set(UiSystems::Bars),
        )
        .configure_sets(
            EguiPrimaryContextPass,
            UiSystems::Screens.run_if(chrome_shown),
        );
}
