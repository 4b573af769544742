//! The tour map: a list of the seven stops beside the 3D lot, grouped by the phase of the
//! production pipeline they show, with labels over each stage and on each pipeline sign.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::tour::camera::MainCamera;
use crate::tour::lot::{NearStop, door_position};
use crate::tour::model::content::{STOP_COUNT, Tour};
use crate::tour::model::pipeline::phase_of;
use crate::tour::pipeline_signs::{phase_color, sign_board_position};
use crate::tour::{GameContent, SaveData, Screen, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{UiSettings, UiSystems, color};
use crate::ui::widgets::{hint_bar, panel_width, root_ui, stars_text};

/// How a stop shows on the map, in words and an icon (never colour alone).
pub fn stop_badge(save: &SaveData, stop: usize) -> (&'static str, &'static str) {
    if save.progress.gate_passed(stop) {
        ("✔", "passed")
    } else if save.progress.is_unlocked(stop) {
        ("▶", "open")
    } else {
        ("🔒", "locked")
    }
}

fn map_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    save: Res<SaveData>,
    near: Res<NearStop>,
    camera: Query<(&Camera, &GlobalTransform), With<MainCamera>>,
    mut tour: MessageWriter<TourCommand>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let mut root = root_ui(ctx, "map");
    hint_bar(
        &mut root,
        &p,
        &[
            ("WASD / arrows", "walk"),
            ("Enter", "go in at a door"),
            ("0–6", "pick a stop"),
            ("Esc", "title"),
        ],
    );
    let list_right = egui::Panel::left("stops")
        .resizable(false)
        .exact_size(panel_width(&root, 360.0))
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(14)),
        )
        .show(&mut root, |ui| {
            stop_list(ui, &p, &content.tour, &save, &near, &mut tour);
        })
        .response
        .rect
        .right();
    if let Ok((cam, cam_tf)) = camera.single() {
        stage_labels(
            ctx,
            &p,
            &content.tour,
            &save,
            &near,
            (cam, cam_tf),
            list_right,
        );
        sign_labels(ctx, &p, &content.tour, (cam, cam_tf), list_right);
    }
    Ok(())
}

/// The list of stops: badge, number, title and level stars; a click opens the stop.
fn stop_list(
    ui: &mut egui::Ui,
    p: &Palette,
    tour_content: &Tour,
    save: &SaveData,
    near: &NearStop,
    tour: &mut MessageWriter<TourCommand>,
) {
    ui.heading("The studio lot");
    ui.label(
        egui::RichText::new(format!(
            "{} of {STOP_COUNT} gates passed",
            save.progress.stops_passed()
        ))
        .color(color(p.muted_text)),
    );
    if let Some((_, phase)) = near.0.and_then(|n| phase_of(&tour_content.pipeline, n)) {
        ui.label(egui::RichText::new(format!("{}: {}", phase.name, phase.about)).strong());
    }
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        let mut shown_phase = None;
        for stop in &tour_content.stops {
            let n = usize::from(stop.number);
            // A heading where a new phase of the pipeline begins: the tour follows the film.
            if let Some((i, phase)) = phase_of(&tour_content.pipeline, n)
                && shown_phase != Some(i)
            {
                shown_phase = Some(i);
                ui.label(
                    egui::RichText::new(format!("{}. {}", i + 1, phase.name))
                        .color(color(p.accent))
                        .strong(),
                );
            }
            let (icon, word) = stop_badge(save, n);
            let mut text = format!("{icon}  {n}  {}\n      {word}", stop.title);
            if let Some(stars) = save.progress.level_stars.get(&stop.number) {
                text.push_str(&format!(" · level {}", stars_text(*stars)));
            }
            let unlocked = save.progress.is_unlocked(n);
            let rich = egui::RichText::new(text);
            let rich = if unlocked {
                rich
            } else {
                rich.color(color(p.muted_text))
            };
            let button = egui::Button::new(rich)
                .min_size(egui::vec2(ui.available_width(), 52.0))
                .selected(near.0 == Some(n));
            let response = ui.add(button);
            if near.0 == Some(n) {
                crate::ui::widgets::focus_ring(ui, response.rect, p);
            }
            if response.clicked() {
                tour.write(TourCommand::OpenStop(n));
            }
        }
    });
}

/// Labels floating over each stage's door, right of the stop list. Bevy gives logical pixels;
/// egui zooms them.
fn stage_labels(
    ctx: &egui::Context,
    p: &Palette,
    tour_content: &Tour,
    save: &SaveData,
    near: &NearStop,
    (cam, cam_tf): (&Camera, &GlobalTransform),
    list_right: f32,
) {
    let zoom = ctx.zoom_factor();
    for stop in &tour_content.stops {
        let n = usize::from(stop.number);
        let at = door_position(n) + Vec3::Y * 5.6;
        let Ok(screen) = cam.world_to_viewport(cam_tf, at) else {
            continue;
        };
        // Off-screen stages get no label (egui would pile them up at the edge).
        let pos = egui::pos2(screen.x / zoom, screen.y / zoom);
        if !ctx.viewport_rect().contains(pos) || pos.x < list_right {
            continue;
        }
        let (icon, word) = stop_badge(save, n);
        let near_here = near.0 == Some(n);
        egui::Area::new(egui::Id::new(("stop-label", n)))
            .fixed_pos(pos)
            .pivot(egui::Align2::CENTER_BOTTOM)
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::new()
                    .fill(color(p.panel))
                    .stroke(egui::Stroke::new(1.5, color(p.border)))
                    .corner_radius(6.0)
                    .inner_margin(egui::Margin::symmetric(10, 4))
                    .show(ui, |ui| {
                        ui.label(
                            egui::RichText::new(format!("{icon} {n} {}", stop.title)).strong(),
                        );
                        if near_here {
                            let hint = if save.progress.is_unlocked(n) {
                                "Press Enter to go in".to_string()
                            } else {
                                format!("Locked: {word}")
                            };
                            ui.label(egui::RichText::new(hint).color(color(p.accent)));
                        }
                    });
            });
    }
}

/// The phase names on the pipeline signs along the street, with an arrow the way the tour goes.
fn sign_labels(
    ctx: &egui::Context,
    p: &Palette,
    tour_content: &Tour,
    (cam, cam_tf): (&Camera, &GlobalTransform),
    list_right: f32,
) {
    let zoom = ctx.zoom_factor();
    for (i, phase) in tour_content.pipeline.iter().enumerate() {
        let Some(&first) = phase.stops.first() else {
            continue;
        };
        let Ok(screen) = cam.world_to_viewport(cam_tf, sign_board_position(usize::from(first)))
        else {
            continue;
        };
        let pos = egui::pos2(screen.x / zoom, screen.y / zoom);
        if !ctx.viewport_rect().contains(pos) || pos.x < list_right {
            continue;
        }
        let edge = phase_color(phase).to_srgba();
        let edge = egui::Color32::from_rgb(
            (edge.red * 255.0) as u8,
            (edge.green * 255.0) as u8,
            (edge.blue * 255.0) as u8,
        );
        egui::Area::new(egui::Id::new(("pipeline-sign", i)))
            .fixed_pos(pos)
            .pivot(egui::Align2::CENTER_CENTER)
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::new()
                    .fill(color(p.panel))
                    .stroke(egui::Stroke::new(3.0, edge))
                    .corner_radius(4.0)
                    .inner_margin(egui::Margin::symmetric(8, 2))
                    .show(ui, |ui| {
                        ui.label(egui::RichText::new(format!("{}. {} ▶", i + 1, phase.name)));
                    });
            });
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        map_ui
            .in_set(UiSystems::Screens)
            .run_if(in_state(Screen::Map)),
    );
}
