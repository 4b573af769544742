//! What differs between the desktop and the web build, in one place, so the rest of the game
//! never carries a `cfg` of its own: the clock (`std::time` panics in a browser), where saves
//! live (files or `localStorage`), how a file reaches the player or the game (a folder or a
//! download and a file picker), and the page itself (URL options, the ready signal).

pub mod files;
pub mod memory;
pub mod page;
pub mod storage;
pub mod time;
pub mod url;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// Whether the game has a content folder a teacher can edit (`assets/`, `scenes/`). A web
/// page has none: it plays the content built into the game.
pub const HAS_CONTENT_FOLDER: bool = cfg!(not(target_arch = "wasm32"));

/// Whether a file can be chosen with the browser's file picker. The desktop game asks for a
/// path instead (it has no windowing toolkit of its own for dialogs).
pub const HAS_FILE_PICKER: bool = cfg!(target_arch = "wasm32");
