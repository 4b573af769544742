//! Stop 3's editing timeline: a viewer, a timecode ruler, picture and sound tracks with a
//! waveform, a playhead and a frame counter, beside the five tasks.
//!
//! Keys (when no text box has focus): Left/Right step a frame, J/K/L shuttle, Space plays the
//! clip with sound, `,`/`.` slide the slam a frame earlier/later (Shift: a second), Enter says
//! "in sync" (in presenter mode on the clips task: Reveal), 1–6 play clips A–F,
//! PageUp/PageDown switch task.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::audio::model::synth::{SAMPLE_RATE, door_slam, peak_envelope};
use crate::classroom::presenter::commands::PresenterState;
use crate::stops::post::level::{PostCommand, PostState, STOP, Viewer};
use crate::stops::post::model::{Nudge, TalkingPicture};
use crate::tour::input::{digit_index, typing};
use crate::tour::{LevelStatus, StopPhase, TourCommand, in_level, in_stop};
use crate::ui::level_frame::LevelScreen;
use crate::ui::level_frame::task_list;
use crate::ui::theme::{AllowWidgetFocus, UiSystems, color};
use crate::ui::widgets::panel_width;

mod clips;
mod panels;

use clips::PEAKS_PER_FRAME;
use panels::{ViewerData, tasks_panel, timeline, viewer_panel};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Task {
    #[default]
    Sync,
    LateClip,
    Count,
    CutList,
    DropFrame,
}

impl Task {
    const ALL: [Task; 5] = [
        Task::Sync,
        Task::LateClip,
        Task::Count,
        Task::CutList,
        Task::DropFrame,
    ];

    fn label(self) -> &'static str {
        match self {
            Task::Sync => "(a) Sync the slam",
            Task::LateClip => "(b) Which clip is in sync?",
            Task::Count => "(c) Count frames",
            Task::CutList => "(d) Cut list 24 to 30",
            Task::DropFrame => "(e) Drop-frame",
        }
    }

    /// The task's id in the lesson table.
    fn lesson_id(self) -> &'static str {
        match self {
            Task::Sync => "sync",
            Task::LateClip => "late-clip",
            Task::Count => "count",
            Task::CutList => "cuts",
            Task::DropFrame => "drop-frame",
        }
    }
}

/// What the player is typing, and which task tab is open.
#[derive(Resource, Default)]
pub struct PostUi {
    task: Task,
    count: String,
    duration: String,
    cuts: Vec<(String, String)>,
    frames_short: String,
    labels: Vec<bool>,
    /// The slam's waveform, one peak per eighth of a frame (computed once).
    slam_envelope: Option<Vec<f32>>,
    /// The talking clip's picture (computed once).
    talking: Option<TalkingPicture>,
    /// The sound meter's peaks of the talking clip in view, and its offset.
    clip_sound: Option<(i32, Vec<f32>)>,
}

impl PostUi {
    /// Opens the "which clip is in sync?" tab as its button does (`capture --demo` uses it).
    pub fn open_clips_task(&mut self, state: &PostState, out: &mut MessageWriter<PostCommand>) {
        select_task(self, state, Task::LateClip, out);
    }
}

/// Opens `task`'s tab and puts its clip in the viewer: the door for the slam, a talking clip
/// for the clips task.
fn select_task(
    ui_state: &mut PostUi,
    state: &PostState,
    task: Task,
    out: &mut MessageWriter<PostCommand>,
) {
    if ui_state.task == task {
        return;
    }
    ui_state.task = task;
    match (task, state.viewer) {
        (Task::Sync, Viewer::Clip(_)) => {
            out.write(PostCommand::View(Viewer::Door));
        }
        (Task::LateClip, Viewer::Door) => {
            out.write(PostCommand::View(Viewer::Clip(0)));
        }
        _ => {}
    }
}

/// The sound meter's peaks of the talking clip in view, made when another clip comes into it.
fn update_clip_sound(ui_state: &mut PostUi, state: &PostState) {
    let Viewer::Clip(index) = state.viewer else {
        return;
    };
    let Some(offset) = state.level.late_clip.offset_of(index) else {
        return;
    };
    if ui_state
        .clip_sound
        .as_ref()
        .is_some_and(|(o, _)| *o == offset)
    {
        return;
    }
    let (num, den) = state.rate().fps_rational();
    let window = (SAMPLE_RATE as u64 * den / num / PEAKS_PER_FRAME as u64).max(1);
    let demo = state.level.lip_sync(offset);
    ui_state.clip_sound = Some((offset, peak_envelope(&demo.samples, window as usize)));
}

fn post_keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    state: Option<Res<PostState>>,
    mut ui_state: ResMut<PostUi>,
    mut out: MessageWriter<PostCommand>,
    mut tour: MessageWriter<TourCommand>,
    status: Res<LevelStatus>,
    presenter: Option<Res<PresenterState>>,
) {
    let Some(state) = state else { return };
    if typing(&wants) {
        return;
    }
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    if keys.just_pressed(KeyCode::ArrowLeft) {
        out.write(PostCommand::Step(if shift { -10 } else { -1 }));
    }
    if keys.just_pressed(KeyCode::ArrowRight) {
        out.write(PostCommand::Step(if shift { 10 } else { 1 }));
    }
    if keys.just_pressed(KeyCode::KeyJ) {
        out.write(PostCommand::Shuttle(-1));
    }
    if keys.just_pressed(KeyCode::KeyK) {
        out.write(PostCommand::Shuttle(0));
    }
    if keys.just_pressed(KeyCode::KeyL) {
        out.write(PostCommand::Shuttle(1));
    }
    let on_clips = ui_state.task == Task::LateClip;
    if keys.just_pressed(KeyCode::Space) {
        out.write(match state.viewer {
            Viewer::Clip(index) if on_clips => PostCommand::PlayClip(index),
            _ => PostCommand::PlaySync,
        });
    }
    let clips = state.level.late_clip.order.len();
    // Keys 1, 2, 3… play clips A, B, C….
    if let Some(index) = digit_index(&keys).filter(|&i| on_clips && i < clips) {
        out.write(PostCommand::PlayClip(index));
    }
    if keys.just_pressed(KeyCode::Comma) {
        out.write(PostCommand::Nudge(if shift {
            Nudge::SecondEarlier
        } else {
            Nudge::FrameEarlier
        }));
    }
    if keys.just_pressed(KeyCode::Period) {
        out.write(PostCommand::Nudge(if shift {
            Nudge::SecondLater
        } else {
            Nudge::FrameLater
        }));
    }
    let index = Task::ALL
        .iter()
        .position(|t| *t == ui_state.task)
        .unwrap_or(0);
    if keys.just_pressed(KeyCode::PageDown) {
        let next = Task::ALL[(index + 1) % Task::ALL.len()];
        select_task(&mut ui_state, &state, next, &mut out);
    }
    if keys.just_pressed(KeyCode::PageUp) {
        let previous = Task::ALL[(index + Task::ALL.len() - 1) % Task::ALL.len()];
        select_task(&mut ui_state, &state, previous, &mut out);
    }
    let presenting = presenter.is_some_and(|p| p.active);
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        if status.complete {
            tour.write(TourCommand::FinishLevel);
        } else if ui_state.task == Task::Sync {
            out.write(PostCommand::SubmitSync);
        } else if on_clips && presenting && !state.level.late_clip.revealed {
            out.write(PostCommand::RevealClips);
        }
    }
}

fn reset_ui(mut ui_state: ResMut<PostUi>, state: Option<Res<PostState>>) {
    let Some(state) = state else { return };
    let cuts = state.level.spec.cut_list.cuts.len();
    let labels = state.level.puzzle.labels.len();
    *ui_state = PostUi {
        cuts: vec![(String::new(), String::new()); cuts],
        labels: vec![false; labels],
        slam_envelope: Some(peak_envelope(
            &door_slam(state.level.spec.sync.seed),
            SAMPLE_RATE as usize / 24 / PEAKS_PER_FRAME,
        )),
        talking: Some(state.level.talking_picture()),
        ..default()
    };
}

/// The key hints along the bottom of the screen.
const HINTS: &[(&str, &str)] = &[
    ("Left/Right", "step a frame"),
    ("J K L", "shuttle"),
    ("Space", "play"),
    (", .", "slide the slam"),
    ("1–4", "play a clip"),
    ("Enter", "in sync / continue"),
    ("PgUp/PgDn", "task"),
];

fn post_ui(
    mut screen: LevelScreen,
    state: Option<Res<PostState>>,
    mut ui_state: ResMut<PostUi>,
    mut out: MessageWriter<PostCommand>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
    presenter: Option<Res<PresenterState>>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    let presenting = presenter.is_some_and(|p| p.active);
    update_clip_sound(&mut ui_state, &state);
    let talking = ui_state.talking.clone().unwrap_or_default();
    let sound = ui_state
        .clip_sound
        .as_ref()
        .map(|(_, peaks)| peaks.clone())
        .unwrap_or_default();
    let data = ViewerData {
        picture: &talking,
        sound: &sound,
        large: presenting,
    };
    // This screen has text boxes: let egui keep keyboard focus on them.
    allow_focus.0 = true;
    let (mut root, p) = screen.begin("post", HINTS)?;
    let tour = &mut screen.tour;
    let status = &screen.status;
    let lesson = screen.lesson.length;
    let envelope = ui_state.slam_envelope.clone().unwrap_or_default();
    // The clips task plays in the viewer; its timeline would only repeat "clip A" and take
    // the room the clip cards need on a projector.
    if ui_state.task != Task::LateClip {
        egui::Panel::bottom("timeline")
            .frame(
                egui::Frame::new()
                    .fill(color(p.background))
                    .inner_margin(egui::Margin::same(8)),
            )
            .show(&mut root, |ui| {
                timeline(ui, &state, &envelope, &p, &mut out)
            });
    }
    egui::Panel::left("viewer")
        .exact_size(panel_width(&root, 540.0))
        .frame(
            egui::Frame::new()
                .fill(color(p.background))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(&mut root, |ui| {
            // Scrolls, so a long task list stays reachable instead of spilling past the panel.
            egui::ScrollArea::vertical()
                .id_salt("post_viewer_scroll")
                .show(ui, |ui| {
                    viewer_panel(ui, &state, &data, status, &p, tour);
                    ui.separator();
                    task_list(ui, &p, status, lesson);
                });
        });
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(color(p.background))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(&mut root, |ui| {
            tasks_panel(ui, &state, status, &mut ui_state, presenting, &p, &mut out)
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PostUi>()
        .add_systems(
            OnEnter(StopPhase::Level),
            reset_ui
                .run_if(in_stop(STOP))
                .after(crate::stops::post::level::PostSystems::Setup),
        )
        .add_systems(
            Update,
            post_keys
                .run_if(in_level(STOP))
                .before(crate::tour::flow::TourSystems::Play),
        )
        .add_systems(
            EguiPrimaryContextPass,
            post_ui.in_set(UiSystems::Screens).run_if(in_level(STOP)),
        );
}
