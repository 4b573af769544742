//! The UI's pure data, no Bevy or egui: colour palettes with their contrast maths, and the
//! remappable keys.

pub mod keymap;
pub mod palette;
