//! The key-remapping layer. Every system reads the game's default keys; this runs right after
//! Bevy reads the keyboard and rewrites `ButtonInput<KeyCode>`: a press of the player's chosen
//! key becomes a press of the default key, and a press of a default key the player moved away
//! is swallowed. So remapping works on every screen without each screen knowing about it.

use bevy::input::InputSystems;
use bevy::prelude::*;

use crate::tour::Notices;
use crate::ui::model::keymap::KeyMap;
use crate::ui::theme::UiSettings;

/// Every key that may be bound, with the name the settings file uses (Bevy's own name).
pub const BINDABLE_KEYS: &[KeyCode] = &[
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
    KeyCode::KeyK,
    KeyCode::KeyL,
    KeyCode::KeyM,
    KeyCode::KeyN,
    KeyCode::KeyO,
    KeyCode::KeyP,
    KeyCode::KeyQ,
    KeyCode::KeyR,
    KeyCode::KeyS,
    KeyCode::KeyT,
    KeyCode::KeyU,
    KeyCode::KeyV,
    KeyCode::KeyW,
    KeyCode::KeyX,
    KeyCode::KeyY,
    KeyCode::KeyZ,
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
    KeyCode::ArrowUp,
    KeyCode::ArrowDown,
    KeyCode::ArrowLeft,
    KeyCode::ArrowRight,
    KeyCode::Enter,
    KeyCode::NumpadEnter,
    KeyCode::Escape,
    KeyCode::Space,
    KeyCode::Backspace,
    KeyCode::Tab,
    KeyCode::F1,
    KeyCode::F2,
    KeyCode::F3,
    KeyCode::F4,
    KeyCode::F5,
    KeyCode::F6,
    KeyCode::F7,
    KeyCode::F8,
    KeyCode::F9,
    KeyCode::F10,
    KeyCode::F11,
    KeyCode::F12,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Insert,
    KeyCode::Delete,
    KeyCode::Comma,
    KeyCode::Period,
    KeyCode::Slash,
    KeyCode::Semicolon,
    KeyCode::Quote,
    KeyCode::BracketLeft,
    KeyCode::BracketRight,
    KeyCode::ControlLeft,
    KeyCode::ControlRight,
    KeyCode::AltLeft,
    KeyCode::AltRight,
];

pub fn key_name(code: KeyCode) -> String {
    format!("{code:?}")
}

pub fn key_from_name(name: &str) -> Option<KeyCode> {
    BINDABLE_KEYS.iter().copied().find(|&k| key_name(k) == name)
}

pub fn is_known_key(name: &str) -> bool {
    key_from_name(name).is_some()
}

/// Systems that read keys in `PreUpdate` run after this, so they see the player's key map.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct RemapSystems;

/// Default keys currently held down because their replacement is held.
#[derive(Resource, Default)]
struct SyntheticHeld(Vec<KeyCode>);

fn remap_keys(
    settings: Res<UiSettings>,
    mut keys: ResMut<ButtonInput<KeyCode>>,
    mut held: ResMut<SyntheticHeld>,
) {
    apply_map(&settings.keys, &mut keys, &mut held.0);
}

/// The layer itself, separate from the system so a test can drive it.
fn apply_map(map: &KeyMap, keys: &mut ButtonInput<KeyCode>, held: &mut Vec<KeyCode>) {
    // Read the chosen keys before anything is swallowed: a chosen key can be another action's
    // vacated default.
    // A quick tap can be pressed and released within one frame (at a low frame rate it often
    // is): then the key is "just pressed" but no longer "pressed".
    let moves: Vec<(KeyCode, KeyCode, bool, bool)> = map
        .moved()
        .filter_map(|(chosen, default)| {
            let (chosen, default) = (key_from_name(chosen)?, key_from_name(default)?);
            Some((
                chosen,
                default,
                keys.pressed(chosen) || keys.just_pressed(chosen),
                keys.just_released(chosen),
            ))
        })
        .collect();
    for vacated in map.vacated_defaults().into_iter().filter_map(key_from_name) {
        if keys.just_pressed(vacated) && !held.contains(&vacated) {
            keys.reset(vacated);
        }
    }
    for (_, default, pressed, released) in moves {
        if pressed && !keys.pressed(default) && !held.contains(&default) {
            keys.press(default);
            held.push(default);
        }
        if released && held.contains(&default) {
            keys.release(default);
            held.retain(|&k| k != default);
        }
    }
}

/// A hand-edited settings file may bind two actions to one key; keep the first, report the rest.
fn sanitize_keys(mut settings: ResMut<UiSettings>, mut notices: ResMut<Notices>) {
    let mut keys = settings.keys.clone();
    let dropped = keys.sanitize(is_known_key);
    if !dropped.is_empty() {
        settings.keys = keys;
        for d in dropped {
            notices.warn(format!("Key setting ignored: {d}"));
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SyntheticHeld>()
        .add_systems(Startup, sanitize_keys)
        .add_systems(
            PreUpdate,
            remap_keys.in_set(RemapSystems).after(InputSystems),
        );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::model::keymap::Action;

    #[test]
    fn every_default_key_has_a_bevy_name() {
        for a in Action::ALL {
            assert!(is_known_key(a.default_key()), "{a:?}");
        }
        assert_eq!(key_from_name("KeyW"), Some(KeyCode::KeyW));
        assert_eq!(key_from_name("Nope"), None);
    }

    #[test]
    fn a_moved_key_presses_the_default_and_the_old_key_is_swallowed() {
        let mut map = KeyMap::default();
        map.rebind(Action::WalkForward, "KeyI", is_known_key)
            .unwrap();
        let mut keys = ButtonInput::<KeyCode>::default();
        let mut held = Vec::new();

        // The player presses I: the game sees W.
        keys.press(KeyCode::KeyI);
        apply_map(&map, &mut keys, &mut held);
        assert!(keys.just_pressed(KeyCode::KeyW));
        // Held on the next frame: still pressed, no second "just pressed".
        keys.clear();
        apply_map(&map, &mut keys, &mut held);
        assert!(keys.pressed(KeyCode::KeyW) && !keys.just_pressed(KeyCode::KeyW));
        // Released: W is released too.
        keys.clear();
        keys.release(KeyCode::KeyI);
        apply_map(&map, &mut keys, &mut held);
        assert!(keys.just_released(KeyCode::KeyW) && !keys.pressed(KeyCode::KeyW));

        // The old key no longer walks.
        keys.clear();
        keys.press(KeyCode::KeyW);
        apply_map(&map, &mut keys, &mut held);
        assert!(!keys.pressed(KeyCode::KeyW));
    }

    #[test]
    fn a_tap_within_one_frame_still_reaches_the_game() {
        let mut map = KeyMap::default();
        map.rebind(Action::Confirm, "KeyK", is_known_key).unwrap();
        let mut keys = ButtonInput::<KeyCode>::default();
        let mut held = Vec::new();
        keys.press(KeyCode::KeyK);
        keys.release(KeyCode::KeyK);
        apply_map(&map, &mut keys, &mut held);
        assert!(keys.just_pressed(KeyCode::Enter), "the game sees Enter");
        assert!(!keys.pressed(KeyCode::Enter), "and it is not stuck down");
        assert!(held.is_empty());
    }

    #[test]
    fn with_the_default_map_nothing_changes() {
        let map = KeyMap::default();
        let mut keys = ButtonInput::<KeyCode>::default();
        keys.press(KeyCode::KeyW);
        apply_map(&map, &mut keys, &mut Vec::new());
        assert!(keys.just_pressed(KeyCode::KeyW));
    }
}
