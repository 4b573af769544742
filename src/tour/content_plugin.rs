//! Loads content at start-up. A broken file is reported (file, line, column) and the bundled
//! copy is used instead, so the game always starts. The tour's own content is `GameContent`;
//! each stop and the stage load theirs through the same `load_content`, into `Content<T>`.

use bevy::prelude::*;

use crate::GameConfig;
use crate::tour::model::content::{self, ContentBundle, ContentError, ContentFile};
use crate::tour::notices::Notices;

#[derive(Resource, Debug, Clone)]
pub struct GameContent(pub ContentBundle);

impl std::ops::Deref for GameContent {
    type Target = ContentBundle;
    fn deref(&self) -> &ContentBundle {
        &self.0
    }
}

/// A model's content file, loaded: `Res<Content<StudioSpec>>`.
#[derive(Resource, Debug, Clone)]
pub struct Content<T: Send + Sync + 'static>(pub T);

impl<T: Send + Sync + 'static> std::ops::Deref for Content<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Load `T`'s content file (from `assets/` or `scenes/`, as `T` says), fall back to its bundled
/// copy on any problem, tell the player what went wrong, and insert it as `Content<T>`.
/// Called by the plugin that owns the content, when it is built.
pub fn load_content<T: ContentFile + Send + Sync + 'static>(app: &mut App) {
    let dir = app.world().resource::<GameConfig>().assets_dir.clone();
    let (value, problems) = content::load_or_bundled::<T>(&dir);
    report_problems(app, &problems);
    app.insert_resource(Content(value));
}

/// Log each content problem and show it to the player as a notice.
pub fn report_problems(app: &mut App, problems: &[ContentError]) {
    let mut notices = app.world_mut().resource_mut::<Notices>();
    for e in problems {
        error!("content: {e}");
        notices.warn(format!("Content problem, using the built-in copy: {e}"));
    }
}

pub(super) fn plugin(app: &mut App) {
    let dir = app.world().resource::<GameConfig>().assets_dir.clone();
    let loaded = content::load_with_fallback(&dir);
    report_problems(app, &loaded.errors);
    app.insert_resource(GameContent(loaded.content));
}
