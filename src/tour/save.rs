//! Progress in the ECS: loaded at start-up from the active profile's folder, written
//! atomically whenever something asks.

use bevy::prelude::*;

use crate::tour::model::progress::{Progress, SaveStore};
use crate::tour::notices::Notices;
use crate::tour::profile::ActiveProfile;

/// The active profile's progress and where it is saved (`store.dir()` is the profile's
/// folder; the level saves live beside `progress.ron`).
#[derive(Resource, Debug)]
pub struct SaveData {
    pub store: SaveStore,
    pub progress: Progress,
}

/// Ask for the progress to be written at the end of this frame (several asks, one write).
#[derive(Message, Debug, Clone, Copy, Default)]
pub struct SaveRequest;

fn write_save(
    mut requests: MessageReader<SaveRequest>,
    data: Res<SaveData>,
    mut notices: ResMut<Notices>,
) {
    if requests.read().count() == 0 {
        return;
    }
    if let Err(e) = data.store.save(&data.progress) {
        // Keep playing: progress stays in memory and the next save tries again.
        notices.warn(format!(
            "Could not save progress to {}: {e}",
            data.store.path().display()
        ));
    }
}

/// The window's (or the browser tab's) title shows how far the player has come, so a
/// teacher walking past a row of screens sees it, and a page's test can read it.
fn show_progress_in_title(
    data: Res<SaveData>,
    mut windows: Query<&mut Window, With<bevy::window::PrimaryWindow>>,
) {
    if !data.is_changed() {
        return;
    }
    let title = format!(
        "Backlot — {} of {} stops passed",
        data.progress.stops_passed(),
        crate::tour::model::content::STOP_COUNT
    );
    for mut window in &mut windows {
        if window.title != title {
            window.title = title.clone();
        }
    }
    crate::platform::page::set_title(&title);
}

pub(super) fn plugin(app: &mut App) {
    let dir = app.world().resource::<ActiveProfile>().0.dir.clone();
    let store = SaveStore::new(dir);
    let report = store.load();
    if let Some(w) = &report.warning {
        app.world_mut().resource_mut::<Notices>().warn(w.clone());
    }
    app.insert_resource(SaveData {
        store,
        progress: report.progress,
    })
    .add_message::<SaveRequest>()
    .add_systems(Last, (write_save, show_progress_in_title));
}
