//! The keyboard map for the tour screens. Every action has a key; mouse clicks on the UI send
//! the same messages. Levels map their own keys in their UI files.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use crate::tour::flow::level_finished;
use crate::tour::model::content::STOP_COUNT;
use crate::tour::{
    ActiveGate, CurrentStop, GateCommand, LevelCatalog, SaveData, Screen, StopPhase, TourCommand,
};

/// Keys that stand for a digit 1–9 (top row and keypad), as a zero-based index.
pub fn digit_index(keys: &ButtonInput<KeyCode>) -> Option<usize> {
    const DIGITS: [(KeyCode, KeyCode); 9] = [
        (KeyCode::Digit1, KeyCode::Numpad1),
        (KeyCode::Digit2, KeyCode::Numpad2),
        (KeyCode::Digit3, KeyCode::Numpad3),
        (KeyCode::Digit4, KeyCode::Numpad4),
        (KeyCode::Digit5, KeyCode::Numpad5),
        (KeyCode::Digit6, KeyCode::Numpad6),
        (KeyCode::Digit7, KeyCode::Numpad7),
        (KeyCode::Digit8, KeyCode::Numpad8),
        (KeyCode::Digit9, KeyCode::Numpad9),
    ];
    DIGITS
        .iter()
        .position(|&(a, b)| keys.just_pressed(a) || keys.just_pressed(b))
}

/// 0–6 on the map (stop numbers start at 0).
fn stop_digit(keys: &ButtonInput<KeyCode>) -> Option<usize> {
    if keys.any_just_pressed([KeyCode::Digit0, KeyCode::Numpad0]) {
        return Some(0);
    }
    digit_index(keys).map(|i| i + 1).filter(|&n| n < STOP_COUNT)
}

fn letter_index(keys: &ButtonInput<KeyCode>) -> Option<usize> {
    const LETTERS: [KeyCode; 8] = [
        KeyCode::KeyA,
        KeyCode::KeyB,
        KeyCode::KeyC,
        KeyCode::KeyD,
        KeyCode::KeyE,
        KeyCode::KeyF,
        KeyCode::KeyG,
        KeyCode::KeyH,
    ];
    LETTERS.iter().position(|&k| keys.just_pressed(k))
}

fn ctrl_held(keys: &ButtonInput<KeyCode>) -> bool {
    keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight])
}

/// Kept while typing, as bevy_egui's own input absorber does, so Ctrl and Shift shortcuts
/// elsewhere do not see a modifier "released" mid-press.
const MODIFIER_KEYS: [KeyCode; 8] = [
    KeyCode::ShiftLeft,
    KeyCode::ShiftRight,
    KeyCode::ControlLeft,
    KeyCode::ControlRight,
    KeyCode::AltLeft,
    KeyCode::AltRight,
    KeyCode::SuperLeft,
    KeyCode::SuperRight,
];

/// Clear every key but the modifiers: while a text box has the keyboard, letters and Space
/// belong to it and must not also walk, start the tour or answer a gate.
pub fn swallow_typing(keys: &mut ButtonInput<KeyCode>) {
    let held: Vec<KeyCode> = MODIFIER_KEYS
        .into_iter()
        .filter(|&k| keys.pressed(k))
        .collect();
    keys.reset_all();
    for key in held {
        keys.press(key);
    }
}

/// True when egui has a text field focused: then letters belong to it.
pub fn typing(wants: &Option<Res<EguiWantsInput>>) -> bool {
    wants.as_ref().is_some_and(|w| w.wants_keyboard_input())
}

fn title_keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut tour: MessageWriter<TourCommand>,
    wants: Option<Res<EguiWantsInput>>,
) {
    // Enter in the name box adds the name; it does not start the tour.
    if typing(&wants) {
        return;
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::Space, KeyCode::NumpadEnter]) {
        tour.write(TourCommand::StartTour);
    }
}

fn map_keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut tour: MessageWriter<TourCommand>,
    wants: Option<Res<EguiWantsInput>>,
) {
    if typing(&wants) || ctrl_held(&keys) {
        return;
    }
    if let Some(n) = stop_digit(&keys) {
        tour.write(TourCommand::OpenStop(n));
    }
    if keys.just_pressed(KeyCode::Escape) {
        tour.write(TourCommand::ToTitle);
    }
}

fn briefing_keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut tour: MessageWriter<TourCommand>,
    wants: Option<Res<EguiWantsInput>>,
    save: Res<SaveData>,
    catalog: Res<LevelCatalog>,
    current: Res<CurrentStop>,
) {
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) && !typing(&wants) {
        // Enter does what the briefing's main button says.
        tour.write(if level_finished(&save, &catalog, current.0) {
            TourCommand::GoToGate
        } else {
            TourCommand::BeginLevel
        });
    }
}

fn stop_escape(
    keys: Res<ButtonInput<KeyCode>>,
    mut tour: MessageWriter<TourCommand>,
    wants: Option<Res<EguiWantsInput>>,
) {
    // Esc in a text box only leaves the box.
    if keys.just_pressed(KeyCode::Escape) && !typing(&wants) {
        tour.write(TourCommand::ToMap);
    }
}

fn gate_keys(
    keys: Res<ButtonInput<KeyCode>>,
    gate: Option<Res<ActiveGate>>,
    mut out: MessageWriter<GateCommand>,
    wants: Option<Res<EguiWantsInput>>,
) {
    let Some(gate) = gate else { return };
    if typing(&wants) || ctrl_held(&keys) {
        return;
    }
    if let Some(i) = digit_index(&keys).or_else(|| letter_index(&keys)) {
        out.write(GateCommand::Select(i));
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        out.write(if gate.session.current_answered() {
            GateCommand::Next
        } else {
            GateCommand::Submit
        });
    }
    if keys.just_pressed(KeyCode::Tab) {
        let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
        out.write(if shift {
            GateCommand::FocusPrev
        } else {
            GateCommand::FocusNext
        });
    }
    if keys.just_pressed(KeyCode::Space) {
        out.write(GateCommand::ActivateFocus);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            title_keys.run_if(in_state(Screen::Title)),
            map_keys.run_if(in_state(Screen::Map)),
            briefing_keys.run_if(in_state(StopPhase::Briefing)),
            stop_escape.run_if(in_state(Screen::Stop)),
            gate_keys.run_if(in_state(StopPhase::Gate)),
        )
            .before(crate::tour::flow::TourSystems::Play),
    );
}
