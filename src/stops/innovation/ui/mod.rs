//! Stop 5's screen, two tabs. "Studio in the Cloud": the plan on the left, an animated world
//! map of the day's transfers in the middle, what happened and the units maths on the right.
//! "Concept trailer": the prompt, pickers and how the generator read the words on the left; the
//! right part of the window is left free for the 3D fly-through of the generated scene.
//!
//! Keys (when no control has focus): 1 and 2 switch tabs, R runs the day, G generates a concept,
//! P plays or stops the trailer, Enter runs the day / generates (continues once the level is
//! complete). Tab moves egui's focus over every control and Space or Enter presses it.

mod ai_tabs;
mod cloud_tab;
mod pieces;
mod trailer_tab;
mod world_map;

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::classroom::presenter::commands::PresenterState;
use crate::stops::innovation::cloud::CloudSpec;
use crate::stops::innovation::level::{InnovationCommand, InnovationState, STOP};
use crate::stops::innovation::taste::model::TasteCommand;
use crate::tour::content_plugin::Content;
use crate::tour::input::typing;
use crate::tour::{LevelStatus, StopPhase, TourCommand, in_level, in_stop};
use crate::ui::level_frame::{LevelScreen, task_list};
use crate::ui::theme::{AllowWidgetFocus, UiSystems, color};
use crate::ui::widgets::panel_width;
use cloud_tab::{map_panel, plan_panel, results_panel};
use pieces::header;
use trailer_tab::{trailer_caption, trailer_panel};

/// Where the free area for the 3D trailer starts, as a fraction of the window's width: the
/// trailer tab's controls fill the part to the left of it and nothing is drawn to the right
/// except the key hints along the bottom and a small caption.
const TRAILER_VIEWPORT_FRACTION: f32 = 0.55;

/// Where the 3D trailer view may start (fraction of the window width, from the left).
pub fn trailer_viewport_fraction() -> f32 {
    TRAILER_VIEWPORT_FRACTION
}

/// The two parts of the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InnovationTab {
    #[default]
    Cloud,
    Trailer,
    /// The taste lab: a model that learns from the student's labels.
    Taste,
    /// Decisions on AI in the studio.
    AiCases,
}

/// Which tab is open. Public so the 3D view knows when the trailer area is on screen.
#[derive(Resource, Debug, Default)]
pub struct InnovationUi {
    pub tab: InnovationTab,
    /// The taste lab's shot the arrow keys label.
    pub taste_shot: usize,
    /// The AI case on screen.
    pub ai_case: usize,
}

fn reset_ui(mut ui_state: ResMut<InnovationUi>) {
    *ui_state = InnovationUi::default();
}

fn innovation_keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    state: Option<Res<InnovationState>>,
    mut ui_state: ResMut<InnovationUi>,
    mut out: MessageWriter<InnovationCommand>,
    mut tour: MessageWriter<TourCommand>,
    status: Res<LevelStatus>,
    content: Res<Content<CloudSpec>>,
) {
    let Some(state) = state else { return };
    if typing(&wants) {
        return;
    }
    if keys.any_just_pressed([KeyCode::Digit1, KeyCode::Numpad1]) {
        ui_state.tab = InnovationTab::Cloud;
    }
    if keys.any_just_pressed([KeyCode::Digit2, KeyCode::Numpad2]) {
        ui_state.tab = InnovationTab::Trailer;
    }
    if keys.any_just_pressed([KeyCode::Digit3, KeyCode::Numpad3]) {
        ui_state.tab = InnovationTab::Taste;
    }
    if keys.any_just_pressed([KeyCode::Digit4, KeyCode::Numpad4]) {
        ui_state.tab = InnovationTab::AiCases;
    }
    match ui_state.tab {
        InnovationTab::Cloud => {
            if keys.just_pressed(KeyCode::KeyR) {
                out.write(InnovationCommand::RunDay);
            }
        }
        InnovationTab::Trailer => {
            if keys.just_pressed(KeyCode::KeyG) {
                out.write(InnovationCommand::Generate);
            }
            if keys.just_pressed(KeyCode::KeyP) {
                out.write(if state.trailer_time.is_some() {
                    InnovationCommand::StopTrailer
                } else {
                    InnovationCommand::PlayTrailer
                });
            }
        }
        InnovationTab::Taste => {
            let moods = content.taste.moods.len();
            if let Some(c) = taste_keys(&keys, &state.taste, moods, &mut ui_state.taste_shot) {
                out.write(InnovationCommand::Taste(c));
            }
        }
        InnovationTab::AiCases => {
            let n = content.ai_cases.cases.len().max(1);
            if keys.just_pressed(KeyCode::ArrowDown) {
                ui_state.ai_case = (ui_state.ai_case + 1) % n;
            }
            if keys.just_pressed(KeyCode::ArrowUp) {
                ui_state.ai_case = (ui_state.ai_case + n - 1) % n;
            }
        }
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        if status.complete {
            tour.write(TourCommand::FinishLevel);
        } else {
            match ui_state.tab {
                InnovationTab::Cloud => {
                    out.write(InnovationCommand::RunDay);
                }
                InnovationTab::Trailer => {
                    out.write(InnovationCommand::Generate);
                }
                InnovationTab::Taste => {
                    out.write(InnovationCommand::Taste(TasteCommand::Train));
                }
                InnovationTab::AiCases => {
                    if let Some(next) = state.ai_cases.next_open(&content.ai_cases) {
                        ui_state.ai_case = next;
                    }
                }
            }
        }
    }
}

/// The taste lab's keys: ↑ ↓ pick a shot, ← → step its mood (through "no label"), T trains.
fn taste_keys(
    keys: &ButtonInput<KeyCode>,
    lab: &crate::stops::innovation::taste::model::TasteLab,
    moods: usize,
    shot: &mut usize,
) -> Option<TasteCommand> {
    use crate::stops::innovation::taste::model::TRAINING_SHOTS;
    if keys.just_pressed(KeyCode::ArrowDown) {
        *shot = (*shot + 1) % TRAINING_SHOTS;
    }
    if keys.just_pressed(KeyCode::ArrowUp) {
        *shot = (*shot + TRAINING_SHOTS - 1) % TRAINING_SHOTS;
    }
    if keys.just_pressed(KeyCode::KeyT) {
        return Some(TasteCommand::Train);
    }
    // The label steps through every mood and "none": moods + 1 positions, none last.
    let step = if keys.just_pressed(KeyCode::ArrowRight) {
        1
    } else if keys.just_pressed(KeyCode::ArrowLeft) {
        moods
    } else {
        return None;
    };
    let now = lab.labels.get(*shot).copied().flatten().unwrap_or(moods);
    let next = (now + step) % (moods + 1);
    Some(TasteCommand::Label {
        shot: *shot,
        mood: (next < moods).then_some(next),
    })
}

// ---------------------------------------------------------------------------------------------
// The screen
// ---------------------------------------------------------------------------------------------

/// The key hints along the bottom of each tab.
fn tab_hints(tab: InnovationTab) -> &'static [(&'static str, &'static str)] {
    match tab {
        InnovationTab::Cloud => &[
            ("1-4", "tabs"),
            ("R", "run the day"),
            ("Enter", "run / continue"),
            ("Tab Space", "move to / press a control"),
            ("Esc", "map"),
        ],
        InnovationTab::Trailer => &[
            ("1-4", "tabs"),
            ("G", "generate"),
            ("P", "play / stop trailer"),
            ("Enter", "generate / continue"),
            ("Tab Space", "move to / press a control"),
            ("Esc", "map"),
        ],
        InnovationTab::Taste => &[
            ("1-4", "tabs"),
            ("Up Down", "pick a shot"),
            ("Left Right", "its mood"),
            ("T", "train"),
            ("Enter", "train / continue"),
            ("Tab Space", "move to / press a control"),
            ("Esc", "map"),
        ],
        InnovationTab::AiCases => &[
            ("1-4", "tabs"),
            ("Up Down", "case"),
            ("Enter", "next open case / continue"),
            ("Tab Space", "move to / press a choice"),
            ("Esc", "map"),
        ],
    }
}

fn innovation_ui(
    mut screen: LevelScreen,
    state: Option<Res<InnovationState>>,
    content: Res<Content<CloudSpec>>,
    mut ui_state: ResMut<InnovationUi>,
    mut out: MessageWriter<InnovationCommand>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
    presenter: Option<Res<PresenterState>>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    // Every control is reachable with Tab, and the prompt box keeps its focus while typing.
    allow_focus.0 = true;
    let spec = &content.0;
    let tab = ui_state.tab;
    let hints = tab_hints(tab);
    let (mut root, p) = screen.begin("innovation", hints)?;
    let reduced_motion = screen.settings().reduced_motion;
    let tour = &mut screen.tour;
    let status = &screen.status;
    let lesson = screen.lesson.length;
    let panel_frame = egui::Frame::new()
        .fill(color(p.panel))
        .inner_margin(egui::Margin::same(10));
    match tab {
        InnovationTab::Cloud => {
            egui::Panel::top("innovation_header")
                .frame(panel_frame)
                .show(&mut root, |ui| {
                    header(ui, &state, status, &p, &mut ui_state.tab, tour)
                });
            egui::Panel::left("cloud_plan")
                .exact_size(panel_width(&root, 340.0))
                .frame(panel_frame)
                .show(&mut root, |ui| plan_panel(ui, spec, &state, &p, &mut out));
            egui::Panel::right("cloud_results")
                .exact_size(panel_width(&root, 380.0))
                .frame(panel_frame)
                .show(&mut root, |ui| {
                    results_panel(ui, spec, &state, &p);
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
                    map_panel(ui, spec, &state, &p, reduced_motion, &mut out)
                });
        }
        InnovationTab::Trailer => {
            // The right part of the window stays empty: the 3D fly-through shows there.
            let ctx = root.ctx().clone();
            let width = ctx.viewport_rect().width() * TRAILER_VIEWPORT_FRACTION;
            egui::Panel::left("trailer_controls")
                .exact_size(width)
                .frame(panel_frame)
                .show(&mut root, |ui| {
                    // One scroll for the whole column: on a projector, with a host speaking
                    // above it, the header and prompt do not fit at once.
                    egui::ScrollArea::vertical()
                        .id_salt("trailer_column")
                        .show(ui, |ui| {
                            header(ui, &state, status, &p, &mut ui_state.tab, tour);
                            ui.separator();
                            trailer_panel(ui, &state, &p, &mut out);
                            ui.separator();
                            task_list(ui, &p, status, lesson);
                        });
                });
            trailer_caption(&ctx, &state, &p);
        }
        InnovationTab::Taste | InnovationTab::AiCases => {
            egui::Panel::top("innovation_header")
                .frame(panel_frame)
                .show(&mut root, |ui| {
                    header(ui, &state, status, &p, &mut ui_state.tab, tour)
                });
            ai_tabs::show(
                &mut root,
                ai_tabs::Tab {
                    state: &state,
                    spec,
                    p: &p,
                    frame: panel_frame,
                    ui_state: &mut ui_state,
                    presenting: presenter.is_some_and(|s| s.active),
                },
                status,
                lesson,
                &mut out,
            );
        }
    }
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<InnovationUi>()
        .add_systems(OnEnter(StopPhase::Level), reset_ui.run_if(in_stop(STOP)))
        .add_systems(
            Update,
            innovation_keys
                .run_if(in_level(STOP))
                .before(crate::tour::flow::TourSystems::Play),
        )
        .add_systems(
            EguiPrimaryContextPass,
            innovation_ui
                .in_set(UiSystems::Screens)
                .run_if(in_level(STOP)),
        );
}
