//! Camp mode's keys: F4 and Esc for the camp window, Enter on the lot, and swallowing the keys
//! that would act on the screen underneath while camp mode owns the keyboard.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use super::CampWindow;
use super::card::{CardKind, card_kind};
use crate::classroom::camp::play::{CampCommand, CampPlay};
use crate::tour::Screen;
use crate::tour::input::{swallow_typing, typing};

/// Keys that act on the screen under a camp card or the camp window (start the tour, enter a
/// stop at a door, answer a finale poll). While camp mode owns the keyboard they are swallowed,
/// so a team cannot walk into a stop out of turn.
const ACTION_KEYS: [KeyCode; 3] = [KeyCode::Enter, KeyCode::NumpadEnter, KeyCode::Space];
const DIGIT_KEYS: [KeyCode; 20] = [
    KeyCode::Digit0,
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
    KeyCode::Numpad0,
    KeyCode::Numpad1,
    KeyCode::Numpad2,
    KeyCode::Numpad3,
    KeyCode::Numpad4,
    KeyCode::Numpad5,
    KeyCode::Numpad6,
    KeyCode::Numpad7,
    KeyCode::Numpad8,
    KeyCode::Numpad9,
];

/// Clear Enter, Space and the digits (digits stay with Ctrl, the presenter's stop jump).
fn swallow_screen_keys(keys: &mut ButtonInput<KeyCode>) {
    for key in ACTION_KEYS {
        keys.reset(key);
    }
    if !keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]) {
        for key in DIGIT_KEYS {
            keys.reset(key);
        }
    }
}

/// Camp mode's keys, read right after Bevy reads the keyboard so the screens underneath do not
/// also act on them: Esc closes the camp window, and on the lot Enter starts the turn (or
/// moves on from the scoreboard).
pub(super) fn camp_keys(
    mut keys: ResMut<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    mut window: ResMut<CampWindow>,
    play: Res<CampPlay>,
    screen: Option<Res<State<Screen>>>,
    mut out: MessageWriter<CampCommand>,
) {
    let typing_now = typing(&wants);
    // F4 opens and closes the camp window from anywhere, so camp mode needs no mouse.
    if !typing_now && keys.just_pressed(KeyCode::F4) {
        keys.reset(KeyCode::F4);
        window.open = !window.open;
        window.confirm_end = false;
        return;
    }
    if window.open {
        if typing_now {
            swallow_typing(&mut keys);
            return;
        }
        if keys.just_pressed(KeyCode::Escape) {
            keys.reset(KeyCode::Escape);
            window.open = false;
            window.forced = None;
            window.confirm_end = false;
        }
        swallow_screen_keys(&mut keys);
        return;
    }
    let Some(session) = play.session.as_ref() else {
        return;
    };
    let on_lot = screen
        .as_ref()
        .is_some_and(|s| matches!(s.get(), Screen::Map | Screen::Finale));
    if !on_lot || typing_now {
        return;
    }
    let enter = keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]);
    swallow_screen_keys(&mut keys);
    if !enter {
        return;
    }
    match card_kind(session, window.seen_round) {
        CardKind::RoundScoreboard { done } => window.seen_round = Some(done),
        CardKind::HandOver => {
            window.confirm_skip = false;
            out.write(CampCommand::StartTurn);
        }
        CardKind::Podium => {}
    }
}
