//! Shared helpers for the concept tests: the bundled Stop 2 scenes, a prompt from its parts,
//! and short ways to generate, read and print without unwrapping.

use super::*;
use crate::stage::model::scene::{SceneDescription, TimeOfDay, bundled_scenes};

pub(super) fn scenes() -> Vec<SceneDescription> {
    let scenes = bundled_scenes();
    assert_eq!(scenes.len(), 4, "all bundled Stop 2 scenes load");
    scenes
}

pub(super) fn prompt(
    setting: Setting,
    mood: PromptMood,
    time: TimeOfDay,
    palette: Palette,
) -> ConceptPrompt {
    ConceptPrompt {
        setting,
        mood,
        time,
        palette,
        seed: 7,
    }
}

pub(super) fn concept(p: &ConceptPrompt, scenes: &[SceneDescription]) -> Concept {
    match generate(p, scenes) {
        Ok(c) => c,
        Err(e) => panic!("{p:?}: {e}"),
    }
}

pub(super) fn read(text: &str) -> PromptReading {
    match read_prompt(text, 1) {
        Ok(r) => r,
        Err(e) => panic!("{text}: {e}"),
    }
}

pub(super) fn ron(c: &Concept) -> String {
    match c.scene.to_ron() {
        Ok(text) => text,
        Err(e) => panic!("{e}"),
    }
}
