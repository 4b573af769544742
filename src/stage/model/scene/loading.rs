//! Loading scene descriptions: from RON text, from the bundled copies compiled into the game,
//! and from a folder with the bundled copies as the fallback, the way every content file is
//! loaded; and checking a scenes folder.

use std::path::Path;

use super::description::SceneDescription;
use super::{BUNDLED_TEXTS, SCENE_FILES, SceneError};
use crate::stage::model::led::{STAGE_FILE, StageGeometry};
use crate::tour::model::content::{ContentError, ContentFile, read_file, read_or_bundled};

/// Parses and validates a scene description. `file_name` only labels errors.
///
/// Layers are written without extra brackets (`Buildings(count: 80, ...)`): the RON extension
/// `unwrap_variant_newtypes` is on by default, so files work with or without its
/// `#![enable(...)]` line.
pub fn load_scene(text: &str, file_name: &str) -> Result<SceneDescription, SceneError> {
    let scene: SceneDescription = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
        // A file saved as "UTF-8 with BOM" is the same scene.
        .from_str(crate::platform::storage::without_bom(text))
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

/// A scene file's text as content: parsed and checked, errors naming `file` (line and column
/// for syntax errors).
pub fn parse_scene_file(text: &str, file: &Path) -> Result<SceneDescription, Vec<ContentError>> {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let scene = load_scene(text, &name).map_err(|e| {
        vec![match e {
            SceneError::Parse {
                line,
                column,
                message,
                ..
            } => ContentError::at(file, line, column, message),
            other => ContentError::whole_file(file, other.to_string()),
        }]
    })?;
    // Stop 2's shots and `capture --scene` find a bundled world by its file's name.
    if let Some(stem) = name.strip_suffix(".ron")
        && SCENE_FILES.contains(&name.as_str())
        && scene.name != stem
    {
        return Err(vec![ContentError::whole_file(
            file,
            format!(
                "name: \"{}\" must stay \"{stem}\": the shot list finds this world by it",
                scene.name
            ),
        )]);
    }
    Ok(scene)
}

/// Loads every file of [`SCENE_FILES`] from `dir` the way every content file is loaded
/// (`read_or_bundled`): a missing or broken file falls back to its bundled copy, and its
/// problem is returned.
pub fn load_scenes_with_fallback(dir: &Path) -> (Vec<SceneDescription>, Vec<ContentError>) {
    let mut scenes = Vec::new();
    let mut errors = Vec::new();
    for (name, bundled) in bundled_scene_texts() {
        let (scene, problems) = read_or_bundled(dir, name, bundled, parse_scene_file);
        errors.extend(problems);
        if let Ok(scene) = scene {
            scenes.push(scene);
        }
    }
    (scenes, errors)
}

/// Check a `scenes/` folder without falling back (`backlot check-content scenes`): the stage
/// geometry and every scene description in it, including scenes a teacher added.
pub fn check_dir(dir: &Path) -> Vec<ContentError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![ContentError::whole_file(dir, "cannot read the folder")];
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let mut errors = Vec::new();
    for name in names {
        let result = if name == STAGE_FILE {
            read_file(dir, &name, StageGeometry::parse).map(|_| ())
        } else {
            read_file(dir, &name, parse_scene_file).map(|_| ())
        };
        errors.extend(result.err().unwrap_or_default());
    }
    errors
}
