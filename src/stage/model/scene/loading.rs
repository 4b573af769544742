//! Loading scene descriptions: from RON text, from the bundled copies compiled into the game,
//! and from a folder with the bundled copies as the fallback.

use std::path::Path;

use super::description::SceneDescription;
use super::{BUNDLED_TEXTS, SCENE_FILES, SceneError};

/// Parses and validates a scene description. `file_name` only labels errors.
///
/// Layers are written without extra brackets (`Buildings(count: 80, ...)`): the RON extension
/// `unwrap_variant_newtypes` is on by default, so files work with or without its
/// `#![enable(...)]` line.
pub fn load_scene(text: &str, file_name: &str) -> Result<SceneDescription, SceneError> {
    let scene: SceneDescription = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
        .from_str(text)
        .map_err(|e: ron::error::SpannedError| SceneError::Parse {
            file: file_name.to_string(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
    scene.validate().map_err(|e| e.in_file(file_name))?;
    Ok(scene)
}

/// The bundled files' names and text, in [`SCENE_FILES`] order.
pub fn bundled_scene_texts() -> [(&'static str, &'static str); 4] {
    [0, 1, 2, 3].map(|i| (SCENE_FILES[i], BUNDLED_TEXTS[i]))
}

/// The scenes compiled into the game (tests guarantee they all load).
pub fn bundled_scenes() -> Vec<SceneDescription> {
    bundled_scene_texts()
        .into_iter()
        .filter_map(|(name, text)| load_scene(text, name).ok())
        .collect()
}

/// Loads every file of [`SCENE_FILES`] from `dir`, falling back to the bundled copy when a
/// file is missing (silently) or broken (with its error in the second list).
pub fn load_scenes_with_fallback(dir: &Path) -> (Vec<SceneDescription>, Vec<SceneError>) {
    let mut scenes = Vec::new();
    let mut errors = Vec::new();
    for (name, bundled) in bundled_scene_texts() {
        let path = dir.join(name);
        let label = path.display().to_string();
        let loaded = match std::fs::read_to_string(&path) {
            Ok(text) => load_scene(&text, &label),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => load_scene(bundled, name),
            Err(e) => Err(SceneError::Io {
                file: label,
                message: e.to_string(),
            }),
        };
        match loaded {
            Ok(scene) => scenes.push(scene),
            Err(e) => {
                errors.push(e);
                if let Ok(scene) = load_scene(bundled, name) {
                    scenes.push(scene);
                }
            }
        }
    }
    (scenes, errors)
}
