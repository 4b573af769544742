//! Stop 0's level screen: the parts bin, the production status and what stalled and why.
//! Keyboard: Up/Down move the focus ring over the parts, Enter connects (or repairs during an
//! incident), Backspace removes a part to see what stalls, Enter on a finished level goes on.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::stops::intro::level::{IntroCommand, IntroState, STOP};
use crate::stops::intro::model::{
    IntroFeedback, IntroPhase, PartKind, ProductionStatus, StallReason,
};
use crate::stops::intro::set::PartModel;
use crate::tour::camera::MainCamera;
use crate::tour::{TourCommand, in_level};
use crate::ui::level_frame::{LevelScreen, task_list};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{UiSystems, color};
use crate::ui::widgets::{focus_ring, panel_width, primary_button, stars_text};

#[derive(Resource, Default)]
struct IntroFocus(usize);

/// Parts in the order the bin lists them: grouped by kind.
fn bin_order(state: &IntroState) -> Vec<usize> {
    let parts = &state.level.spec.parts;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| parts[i].kind);
    order
}

fn name_of(state: &IntroState, id: &str) -> String {
    state
        .level
        .spec
        .part(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

fn intro_keys(
    keys: Res<ButtonInput<KeyCode>>,
    state: Option<Res<IntroState>>,
    mut focus: ResMut<IntroFocus>,
    mut out: MessageWriter<IntroCommand>,
    mut tour: MessageWriter<TourCommand>,
) {
    let Some(state) = state else { return };
    let order = bin_order(&state);
    if order.is_empty() {
        return;
    }
    if keys.any_just_pressed([KeyCode::ArrowDown, KeyCode::KeyS, KeyCode::Tab]) {
        focus.0 = (focus.0 + 1) % order.len();
    }
    if keys.any_just_pressed([KeyCode::ArrowUp, KeyCode::KeyW]) {
        focus.0 = (focus.0 + order.len() - 1) % order.len();
    }
    let id = state.level.spec.parts[order[focus.0 % order.len()]]
        .id
        .clone();
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        match state.level.phase {
            IntroPhase::Assemble => {
                out.write(IntroCommand::Connect(id.clone()));
            }
            IntroPhase::Incident { .. } => {
                out.write(IntroCommand::Repair(id.clone()));
            }
            IntroPhase::Complete => {
                tour.write(TourCommand::FinishLevel);
            }
        }
    }
    if keys.any_just_pressed([KeyCode::Backspace, KeyCode::Delete]) {
        out.write(IntroCommand::Disconnect(id));
    }
}

fn feedback_line(state: &IntroState, fb: &IntroFeedback) -> String {
    match fb {
        IntroFeedback::Connected(id) => format!("+ {} connected.", name_of(state, id)),
        IntroFeedback::NotNeeded { part, why } => {
            format!("✖ {} does not belong: {why}", name_of(state, part))
        }
        IntroFeedback::Running => "✔ Every part works together: the production is RUNNING!".into(),
        IntroFeedback::IncidentStarted { failed: _, stalled } => format!(
            "⚠ Something failed! {} part(s) stalled. Find the one at the root and repair it.",
            stalled.len()
        ),
        IntroFeedback::WrongRepair { part } => format!(
            "✖ {} was fine. Follow the “waiting on” chain to the root.",
            name_of(state, part)
        ),
        IntroFeedback::Repaired { part } => format!("✔ {} repaired.", name_of(state, part)),
        IntroFeedback::Unknown(id) => format!("No part called {id}."),
    }
}

fn intro_ui(
    mut screen: LevelScreen,
    state: Option<Res<IntroState>>,
    focus: Res<IntroFocus>,
    mut out: MessageWriter<IntroCommand>,
    camera: Query<(&Camera, &GlobalTransform), With<MainCamera>>,
    models: Query<(&PartModel, &GlobalTransform)>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    let (mut root, p) = screen.begin(
        "intro",
        &[
            ("Up/Down", "choose a part"),
            ("Enter", "connect / repair / continue"),
            ("Backspace", "remove a part"),
            ("Esc", "leave"),
        ],
    )?;
    let status = state.level.status();
    let panel_frame = egui::Frame::new()
        .fill(color(p.panel))
        .inner_margin(egui::Margin::same(12));
    egui::Panel::left("parts_bin")
        .exact_size(panel_width(&root, 390.0))
        .frame(panel_frame)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("parts")
                .show(ui, |ui| {
                    parts_bin(ui, &p, &state, &status, &focus, &mut out)
                });
        });
    egui::Panel::right("status")
        .exact_size(panel_width(&root, 420.0))
        .frame(panel_frame)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("status")
                .show(ui, |ui| {
                    status_panel(ui, &p, &state, &status, &mut screen.tour);
                    ui.separator();
                    task_list(ui, &p, &screen.status, screen.lesson.length);
                });
        });
    // Name tags over the plinths, so the 3D set reads without the list.
    if let Ok(cam) = camera.single() {
        name_tags(root.ctx(), &p, &state, &status, cam, &models);
    }
    Ok(())
}

/// The left panel: every part, grouped by kind, with its state; a click connects, removes or
/// (during an incident) repairs it.
fn parts_bin(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &IntroState,
    status: &ProductionStatus,
    focus: &Res<IntroFocus>,
    out: &mut MessageWriter<IntroCommand>,
) {
    let order = bin_order(state);
    ui.heading("Build the production");
    ui.label(
        egui::RichText::new(
            "A movie is a system: connect the hardware, software and people it needs.",
        )
        .color(color(p.muted_text)),
    );
    egui::ScrollArea::vertical().show(ui, |ui| {
        let mut last_kind: Option<PartKind> = None;
        for (slot, &i) in order.iter().enumerate() {
            let part = &state.level.spec.parts[i];
            if last_kind != Some(part.kind) {
                ui.label(egui::RichText::new(part.kind.label()).strong().size(22.0));
                last_kind = Some(part.kind);
            }
            let connected = state.level.board.connected.contains(&part.id);
            let stall = status.stalls.iter().find(|s| s.part == part.id);
            let tag = match (connected, stall.map(|s| &s.reason)) {
                (false, _) => "○ in the bin",
                (true, Some(StallReason::Broken)) => "✖ BROKEN",
                (true, Some(_)) => "⏸ stalled",
                (true, None) => "✔ working",
            };
            let response = ui.add(
                egui::Button::new(format!("{}   — {tag}", part.name))
                    .selected(connected)
                    .min_size(egui::vec2(ui.available_width(), 40.0)),
            );
            if focus.0 % order.len() == slot {
                focus_ring(ui, response.rect, p);
                if focus.is_changed() {
                    response.scroll_to_me(None);
                }
            }
            if response.clicked() {
                out.write(match state.level.phase {
                    IntroPhase::Incident { .. } => IntroCommand::Repair(part.id.clone()),
                    _ if connected => IntroCommand::Disconnect(part.id.clone()),
                    _ => IntroCommand::Connect(part.id.clone()),
                });
            }
            response.on_hover_text(&part.role);
        }
    });
}

/// The right panel: whether the production runs, what the phase asks for, what stalled and
/// why, and the latest feedback.
fn status_panel(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &IntroState,
    status: &ProductionStatus,
    tour: &mut MessageWriter<TourCommand>,
) {
    let (headline, tone) = if status.running {
        ("✔ Production RUNNING", p.success)
    } else {
        ("✖ Production STALLED", p.warning)
    };
    ui.label(
        egui::RichText::new(headline)
            .size(28.0)
            .strong()
            .color(color(tone)),
    );
    match &state.level.phase {
        IntroPhase::Assemble => {
            let needed = state.level.spec.needed().count();
            ui.label(format!(
                "{} of {needed} needed parts working.",
                status.working.len()
            ));
        }
        IntroPhase::Incident { .. } => {
            ui.label(
                egui::RichText::new(
                    "“If any single component fails, the entire production can stall.” \
                     Something failed: repair the root cause.",
                )
                .strong(),
            );
        }
        IntroPhase::Complete => {
            ui.label(format!(
                "Level complete! {}  ·  mistakes: {}",
                stars_text(state.level.stars()),
                state.level.mistakes
            ));
            let go = primary_button(ui, p, "▶ Continue to the quiz gate");
            if go.clicked() {
                tour.write(TourCommand::FinishLevel);
            }
        }
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("stalls")
        .max_height(ui.available_height() * 0.55)
        .show(ui, |ui| stall_lines(ui, state, status));
    ui.separator();
    for fb in state.log.iter().rev().take(5) {
        ui.label(egui::RichText::new(feedback_line(state, fb)).color(color(p.muted_text)));
    }
}

/// One line per stalled part: missing, broken, or waiting on which others.
fn stall_lines(ui: &mut egui::Ui, state: &IntroState, status: &ProductionStatus) {
    for stall in &status.stalls {
        let name = name_of(state, &stall.part);
        let symptom = state
            .level
            .spec
            .part(&stall.part)
            .map_or("", |p| p.symptom.as_str());
        let line = match &stall.reason {
            StallReason::Missing => format!("○ {name}: not connected yet."),
            StallReason::Broken => format!("✖ {name}: BROKEN. {symptom}"),
            StallReason::WaitingOn(roots) => format!(
                "⏸ {name}: waiting on {}.",
                roots
                    .iter()
                    .map(|r| name_of(state, r))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        // Missing parts are expected while building; show only real stalls then.
        if matches!(state.level.phase, IntroPhase::Assemble)
            && matches!(stall.reason, StallReason::Missing)
        {
            continue;
        }
        ui.label(line);
    }
}

/// A tag over each part's plinth: its name and whether it is in the bin, stalled or working.
fn name_tags(
    ctx: &egui::Context,
    p: &Palette,
    state: &IntroState,
    status: &ProductionStatus,
    (cam, cam_tf): (&Camera, &GlobalTransform),
    models: &Query<(&PartModel, &GlobalTransform)>,
) {
    for (model, tf) in models {
        let Ok(at) = cam.world_to_viewport(cam_tf, tf.translation() + Vec3::Y * 1.2) else {
            continue;
        };
        let connected = state.level.board.connected.contains(&model.id);
        let stalled = status.stalls.iter().any(|s| s.part == model.id);
        let icon = match (connected, stalled) {
            (false, _) => "○",
            (true, true) => "✖",
            (true, false) => "✔",
        };
        let zoom = ctx.zoom_factor();
        egui::Area::new(egui::Id::new(("part-tag", model.id.as_str())))
            .fixed_pos(egui::pos2(at.x / zoom, at.y / zoom))
            .pivot(egui::Align2::CENTER_BOTTOM)
            .interactable(false)
            .show(ctx, |ui| {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(format!("{icon} {}", name_of(state, &model.id)))
                            .size(14.0)
                            .background_color(color(p.panel)),
                    )
                    .extend(),
                );
            });
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<IntroFocus>()
        .add_systems(
            Update,
            intro_keys
                .run_if(in_level(STOP))
                .before(crate::tour::flow::TourSystems::Play),
        )
        .add_systems(
            EguiPrimaryContextPass,
            intro_ui.in_set(UiSystems::Screens).run_if(in_level(STOP)),
        );
}
