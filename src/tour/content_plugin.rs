//! Loads the tour content at start-up. A broken file is reported (file, line, column) and the
//! bundled copy is used instead, so the game always starts.

use bevy::prelude::*;

use crate::GameConfig;
use crate::tour::model::content::{self, ContentBundle};
use crate::tour::notices::Notices;

#[derive(Resource, Debug, Clone)]
pub struct GameContent(pub ContentBundle);

impl std::ops::Deref for GameContent {
    type Target = ContentBundle;
    fn deref(&self) -> &ContentBundle {
        &self.0
    }
}

pub(super) fn plugin(app: &mut App) {
    let dir = app.world().resource::<GameConfig>().assets_dir.clone();
    let loaded = content::load_with_fallback(&dir);
    {
        let mut notices = app.world_mut().resource_mut::<Notices>();
        for e in &loaded.errors {
            error!("content: {e}");
            notices.warn(format!("Content problem, using the built-in copy: {e}"));
        }
    }
    app.insert_resource(GameContent(loaded.content));
}
