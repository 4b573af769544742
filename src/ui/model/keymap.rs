//! Remappable keys, as plain data: which key each game action uses. Plain Rust, no Bevy.
//!
//! Keys are named as Bevy names its key codes ("KeyW", "ArrowUp", "F1"), so this module needs
//! no Bevy and the settings file stays readable. The game's systems keep reading the *default*
//! keys; a small layer in `ui::remap` presses the default key when the player's chosen key is
//! pressed, and swallows a default key that was moved elsewhere. So every screen honours the
//! map without knowing it exists.

use serde::{Deserialize, Serialize};

/// The actions a player can move to another key. Letters and digits that answer a gate
/// (A–D, 1–4) are not here: they name the choices on screen, so moving them would make the
/// labels lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    WalkForward,
    WalkBack,
    WalkLeft,
    WalkRight,
    Confirm,
    Back,
    TeacherPanel,
    CyclePalette,
    Settings,
    CampMode,
    Presenter,
    Glossary,
}

impl Action {
    pub const ALL: [Action; 12] = [
        Action::WalkForward,
        Action::WalkBack,
        Action::WalkLeft,
        Action::WalkRight,
        Action::Confirm,
        Action::Back,
        Action::TeacherPanel,
        Action::CyclePalette,
        Action::Settings,
        Action::CampMode,
        Action::Presenter,
        Action::Glossary,
    ];

    /// The key the game's systems listen to for this action.
    pub fn default_key(self) -> &'static str {
        match self {
            Action::WalkForward => "KeyW",
            Action::WalkBack => "KeyS",
            Action::WalkLeft => "KeyA",
            Action::WalkRight => "KeyD",
            Action::Confirm => "Enter",
            Action::Back => "Escape",
            Action::TeacherPanel => "F1",
            Action::CyclePalette => "F2",
            Action::Settings => "F3",
            Action::CampMode => "F4",
            Action::Presenter => "F5",
            Action::Glossary => "Slash",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Action::WalkForward => "Walk forward",
            Action::WalkBack => "Walk back",
            Action::WalkLeft => "Walk left",
            Action::WalkRight => "Walk right",
            Action::Confirm => "Confirm / open",
            Action::Back => "Back / close",
            Action::TeacherPanel => "Teacher panel",
            Action::CyclePalette => "Change palette",
            Action::Settings => "Settings",
            Action::CampMode => "Camp mode",
            Action::Presenter => "Presenter mode",
            Action::Glossary => "Glossary of words",
        }
    }
}

/// Keys that may not be bound: modifiers (they make the shortcuts), the presenter's F6–F10,
/// which a teacher must find where the README says they are, and M, the presenter's Ctrl+M
/// "Show me" (an action on M would fire with every Ctrl+M as well).
const RESERVED: [&str; 10] = [
    "ControlLeft",
    "ControlRight",
    "AltLeft",
    "AltRight",
    "F6",
    "F7",
    "F8",
    "F9",
    "F10",
    "KeyM",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RebindError {
    Reserved(String),
    Taken { key: String, by: Action },
    Unknown(String),
}

impl std::fmt::Display for RebindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RebindError::Reserved(k) => write!(
                f,
                "{} is kept for shortcuts; pick another key",
                display_key(k)
            ),
            RebindError::Taken { key, by } => write!(
                f,
                "{} already does \"{}\"; change that first",
                display_key(key),
                by.label()
            ),
            RebindError::Unknown(k) => write!(f, "\"{k}\" is not a key the game knows"),
        }
    }
}

/// The player's key choices. Only changed actions are stored, so a settings file written
/// before a new action existed still loads with that action on its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeyMap {
    changed: Vec<(Action, String)>,
}

impl KeyMap {
    pub fn key_for(&self, action: Action) -> &str {
        self.changed
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, k)| k.as_str())
            .unwrap_or(action.default_key())
    }

    /// The action a key triggers, if any.
    pub fn action_on(&self, key: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|&a| self.key_for(a) == key)
    }

    /// Give `action` the key `key`. `is_known_key` says whether the key exists (the Bevy side
    /// knows the key names). Rebinding to the same key is fine; a key used by another action
    /// is refused rather than silently swapped.
    pub fn rebind(
        &mut self,
        action: Action,
        key: &str,
        is_known_key: impl Fn(&str) -> bool,
    ) -> Result<(), RebindError> {
        if !is_known_key(key) {
            return Err(RebindError::Unknown(key.to_string()));
        }
        if RESERVED.contains(&key) {
            return Err(RebindError::Reserved(key.to_string()));
        }
        if let Some(other) = self.action_on(key).filter(|&a| a != action) {
            return Err(RebindError::Taken {
                key: key.to_string(),
                by: other,
            });
        }
        self.changed.retain(|(a, _)| *a != action);
        if key != action.default_key() {
            self.changed.push((action, key.to_string()));
        }
        Ok(())
    }

    pub fn reset(&mut self) {
        self.changed.clear();
    }

    /// `(chosen key, default key)` for every moved action: the remap layer's work list.
    pub fn moved(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.changed
            .iter()
            .map(|(a, k)| (k.as_str(), a.default_key()))
    }

    /// Default keys no action uses any more: presses of these are swallowed.
    pub fn vacated_defaults(&self) -> Vec<&'static str> {
        Action::ALL
            .into_iter()
            .map(Action::default_key)
            .filter(|d| self.action_on(d).is_none())
            .collect()
    }

    /// Drop entries a hand-edited file could hold that would break the rules (two actions on
    /// one key, reserved keys). Returns what was dropped, for a notice.
    pub fn sanitize(&mut self, is_known_key: impl Fn(&str) -> bool) -> Vec<String> {
        let entries = std::mem::take(&mut self.changed);
        let mut dropped = Vec::new();
        for (action, key) in entries {
            if let Err(e) = self.rebind(action, &key, &is_known_key) {
                dropped.push(format!("{}: {e}", action.label()));
            }
        }
        dropped
    }
}

/// "KeyW" → "W", "Digit1" → "1", "ArrowUp" → "Up arrow"; other names as they are.
pub fn display_key(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Key") {
        return rest.to_string();
    }
    if let Some(rest) = name.strip_prefix("Digit") {
        return rest.to_string();
    }
    if let Some(rest) = name.strip_prefix("Arrow") {
        return format!("{rest} arrow");
    }
    if name == "Slash" {
        return "/".to_string();
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(k: &str) -> bool {
        k != "NotAKey"
    }

    #[test]
    fn every_action_starts_on_its_default_key_and_defaults_are_distinct() {
        let map = KeyMap::default();
        let mut keys: Vec<_> = Action::ALL.iter().map(|&a| map.key_for(a)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), Action::ALL.len());
        assert_eq!(map.key_for(Action::WalkForward), "KeyW");
        assert!(map.vacated_defaults().is_empty());
    }

    #[test]
    fn rebinding_moves_the_action_and_vacates_the_default() {
        let mut map = KeyMap::default();
        map.rebind(Action::WalkForward, "KeyI", known).unwrap();
        assert_eq!(map.key_for(Action::WalkForward), "KeyI");
        assert_eq!(map.action_on("KeyI"), Some(Action::WalkForward));
        assert_eq!(map.action_on("KeyW"), None);
        assert_eq!(map.vacated_defaults(), vec!["KeyW"]);
        assert_eq!(map.moved().collect::<Vec<_>>(), vec![("KeyI", "KeyW")]);
    }

    #[test]
    fn a_key_in_use_is_refused_with_the_action_named() {
        let mut map = KeyMap::default();
        let err = map.rebind(Action::WalkForward, "KeyS", known).unwrap_err();
        assert_eq!(
            err,
            RebindError::Taken {
                key: "KeyS".into(),
                by: Action::WalkBack
            }
        );
        assert!(err.to_string().contains("Walk back"));
        assert_eq!(map.key_for(Action::WalkForward), "KeyW");
    }

    #[test]
    fn a_freed_default_can_be_taken_by_another_action() {
        let mut map = KeyMap::default();
        map.rebind(Action::WalkForward, "KeyI", known).unwrap();
        map.rebind(Action::Confirm, "KeyW", known).unwrap();
        assert_eq!(map.action_on("KeyW"), Some(Action::Confirm));
        assert_eq!(map.vacated_defaults(), vec!["Enter"]);
    }

    #[test]
    fn reserved_and_unknown_keys_are_refused() {
        let mut map = KeyMap::default();
        assert!(matches!(
            map.rebind(Action::Back, "ControlLeft", known),
            Err(RebindError::Reserved(_))
        ));
        assert!(matches!(
            map.rebind(Action::Settings, "F6", known),
            Err(RebindError::Reserved(_))
        ));
        assert!(
            matches!(
                map.rebind(Action::CampMode, "KeyM", known),
                Err(RebindError::Reserved(_))
            ),
            "M is Show me's Ctrl+M"
        );
        assert!(matches!(
            map.rebind(Action::Back, "NotAKey", known),
            Err(RebindError::Unknown(_))
        ));
    }

    #[test]
    fn binding_back_to_the_default_forgets_the_change() {
        let mut map = KeyMap::default();
        map.rebind(Action::Settings, "F11", known).unwrap();
        map.rebind(Action::Settings, "F3", known).unwrap();
        assert_eq!(map, KeyMap::default());
    }

    #[test]
    fn a_hand_edited_clash_is_dropped_and_reported() {
        let text = r#"(changed: [(WalkForward, "KeyI"), (WalkBack, "KeyI"), (Back, "AltLeft")])"#;
        let mut map: KeyMap = ron::from_str(text).unwrap();
        let dropped = map.sanitize(known);
        assert_eq!(dropped.len(), 2, "{dropped:?}");
        assert_eq!(map.key_for(Action::WalkForward), "KeyI");
        assert_eq!(map.key_for(Action::WalkBack), "KeyS");
        assert_eq!(map.key_for(Action::Back), "Escape");
    }

    #[test]
    fn key_names_read_as_people_say_them() {
        assert_eq!(display_key("KeyW"), "W");
        assert_eq!(display_key("Digit7"), "7");
        assert_eq!(display_key("ArrowUp"), "Up arrow");
        assert_eq!(display_key("F5"), "F5");
    }
}
