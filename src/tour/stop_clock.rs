//! Time spent in each stop: counted while the stop's level or gate is open, on the game's
//! virtual clock (a presenter's pause stops it), and written into the progress every
//! half-minute and when the student leaves the level or gate.

use bevy::prelude::*;

use crate::tour::lesson::ActiveLesson;
use crate::tour::save::{SaveData, SaveRequest};
use crate::tour::state::{CurrentStop, StopPhase};

/// How often the time so far is written while a student stays in a stop.
const SAVE_EVERY_S: f64 = 30.0;

/// Time counted in the current stop and not yet in the progress.
#[derive(Resource, Debug, Default)]
pub struct StopClock {
    stop: usize,
    unsaved_s: f64,
}

fn count_stop_time(
    time: Res<Time>,
    current: Res<CurrentStop>,
    phase: Option<Res<State<StopPhase>>>,
    mut clock: ResMut<StopClock>,
    mut save: ResMut<SaveData>,
    mut requests: MessageWriter<SaveRequest>,
    lesson: Res<ActiveLesson>,
) {
    let playing = phase.is_some_and(|p| matches!(p.get(), StopPhase::Level | StopPhase::Gate));
    let left = !playing || clock.stop != current.0;
    if clock.unsaved_s >= 1.0 && (left || clock.unsaved_s >= SAVE_EVERY_S) {
        let whole = clock.unsaved_s.floor();
        save.progress.add_time(
            clock.stop,
            whole as u64,
            &lesson.length.label().to_lowercase(),
        );
        requests.write(SaveRequest);
        clock.unsaved_s -= whole;
    }
    if left {
        // Under a second left over from a visit is dropped, not carried to another stop.
        clock.unsaved_s = 0.0;
        clock.stop = current.0;
    }
    if playing {
        clock.unsaved_s += time.delta_secs_f64();
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<StopClock>()
        .add_systems(Update, count_stop_time);
}
