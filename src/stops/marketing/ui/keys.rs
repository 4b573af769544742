//! The level's keys when nothing on the screen has focus: 1-6 pick what to post, A and T step
//! through audiences and times of day, Enter posts (or continues), E exports.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use super::{ENTER_COOLDOWN_S, MarketingUi};
use crate::stops::marketing::level::{MarketingCommand, MarketingState};
use crate::stops::marketing::model::{ContentType, PostTime, Segment};
use crate::tour::TourCommand;
use crate::tour::input::{digit_index, typing};

/// The entry after `now` in `all`, wrapping round.
fn next_of<T: Copy + PartialEq>(all: &[T], now: T) -> T {
    let i = all.iter().position(|x| *x == now).unwrap_or(0);
    all.get((i + 1) % all.len().max(1)).copied().unwrap_or(now)
}

pub(super) fn marketing_keys(
    keys: Res<ButtonInput<KeyCode>>,
    time: Res<Time>,
    wants: Option<Res<EguiWantsInput>>,
    state: Option<Res<MarketingState>>,
    mut ui_state: ResMut<MarketingUi>,
    mut out: MessageWriter<MarketingCommand>,
    mut tour: MessageWriter<TourCommand>,
) {
    let Some(state) = state else { return };
    let now = time.elapsed_secs();
    let open = state.ratio.is_some();
    if ui_state.question_was_open && !open {
        ui_state.closed_at = now;
    }
    ui_state.question_was_open = open;
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if typing(&wants) || ctrl {
        return;
    }
    if let Some(i) = digit_index(&keys)
        && let Some(&content) = ContentType::ALL.get(i)
    {
        ui_state.content = content;
    }
    if keys.just_pressed(KeyCode::KeyA) {
        ui_state.segment = next_of(&Segment::ALL, ui_state.segment);
    }
    if keys.just_pressed(KeyCode::KeyT) {
        ui_state.time = next_of(&PostTime::ALL, ui_state.time);
    }
    if keys.just_pressed(KeyCode::KeyE) {
        out.write(MarketingCommand::Export);
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        if state.is_complete() {
            tour.write(TourCommand::FinishLevel);
        } else if now - ui_state.closed_at >= ENTER_COOLDOWN_S
            && let Some(post) = ui_state.plan(&state)
        {
            // While a question is open the level refuses the post and says why.
            out.write(MarketingCommand::Post(post));
        }
    }
}
