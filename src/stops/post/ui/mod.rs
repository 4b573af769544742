//! Stop 3's editing timeline: a viewer, a timecode ruler, picture and sound tracks with a
//! waveform, a playhead and a frame counter, beside the four tasks.
//!
//! Keys (when no text box has focus): Left/Right step a frame, J/K/L shuttle, Space plays the
//! clip with sound, `,`/`.` slide the slam a frame earlier/later (Shift: a second), Enter says
//! "in sync", PageUp/PageDown switch task.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::audio::model::synth::{door_slam, peak_envelope};
use crate::stops::post::level::{PostCommand, PostState, STOP};
use crate::stops::post::model::Nudge;
use crate::tour::input::typing;
use crate::tour::{LevelStatus, StopPhase, TourCommand, in_level, in_stop};
use crate::ui::level_frame::LevelScreen;
use crate::ui::level_frame::task_list;
use crate::ui::theme::{AllowWidgetFocus, UiSystems, color};
use crate::ui::widgets::panel_width;

mod panels;

use panels::{tasks_panel, timeline, viewer_panel};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Task {
    #[default]
    Sync,
    Count,
    CutList,
    DropFrame,
}

impl Task {
    const ALL: [Task; 4] = [Task::Sync, Task::Count, Task::CutList, Task::DropFrame];

    fn label(self) -> &'static str {
        match self {
            Task::Sync => "(a) Sync the slam",
            Task::Count => "(b) Count frames",
            Task::CutList => "(c) Cut list 24 to 30",
            Task::DropFrame => "(d) Drop-frame",
        }
    }

    /// The task's id in the lesson table.
    fn lesson_id(self) -> &'static str {
        match self {
            Task::Sync => "sync",
            Task::Count => "count",
            Task::CutList => "cuts",
            Task::DropFrame => "drop-frame",
        }
    }
}

/// What the player is typing, and which task tab is open.
#[derive(Resource, Default)]
struct PostUi {
    task: Task,
    count: String,
    duration: String,
    cuts: Vec<(String, String)>,
    frames_short: String,
    labels: Vec<bool>,
    /// The slam's waveform, one peak per eighth of a frame (computed once).
    slam_envelope: Option<Vec<f32>>,
}

fn post_keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    state: Option<Res<PostState>>,
    mut ui_state: ResMut<PostUi>,
    mut out: MessageWriter<PostCommand>,
    mut tour: MessageWriter<TourCommand>,
    status: Res<LevelStatus>,
) {
    if state.is_none() {
        return;
    }
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
    if keys.just_pressed(KeyCode::Space) {
        out.write(PostCommand::PlaySync);
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
        ui_state.task = Task::ALL[(index + 1) % Task::ALL.len()];
    }
    if keys.just_pressed(KeyCode::PageUp) {
        ui_state.task = Task::ALL[(index + Task::ALL.len() - 1) % Task::ALL.len()];
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        if status.complete {
            tour.write(TourCommand::FinishLevel);
        } else if ui_state.task == Task::Sync {
            out.write(PostCommand::SubmitSync);
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
            crate::audio::model::synth::SAMPLE_RATE as usize / 24 / 8,
        )),
        ..default()
    };
}

/// The key hints along the bottom of the screen.
const HINTS: &[(&str, &str)] = &[
    ("Left/Right", "step a frame"),
    ("J K L", "shuttle"),
    ("Space", "play"),
    (", .", "slide the slam"),
    ("Enter", "in sync / continue"),
    ("PgUp/PgDn", "task"),
];

fn post_ui(
    mut screen: LevelScreen,
    state: Option<Res<PostState>>,
    mut ui_state: ResMut<PostUi>,
    mut out: MessageWriter<PostCommand>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    // This screen has text boxes: let egui keep keyboard focus on them.
    allow_focus.0 = true;
    let (mut root, p) = screen.begin("post", HINTS)?;
    let tour = &mut screen.tour;
    let status = &screen.status;
    let lesson = screen.lesson.length;
    let envelope = ui_state.slam_envelope.clone().unwrap_or_default();
    egui::Panel::bottom("timeline")
        .frame(
            egui::Frame::new()
                .fill(color(p.background))
                .inner_margin(egui::Margin::same(8)),
        )
        .show(&mut root, |ui| {
            timeline(ui, &state, &envelope, &p, &mut out)
        });
    egui::Panel::left("viewer")
        .exact_size(panel_width(&root, 540.0))
        .frame(
            egui::Frame::new()
                .fill(color(p.background))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(&mut root, |ui| {
            viewer_panel(ui, &state, status, &p, tour);
            ui.separator();
            task_list(ui, &p, status, lesson);
        });
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(color(p.background))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(&mut root, |ui| {
            tasks_panel(ui, &state, status, &mut ui_state, &p, &mut out)
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
