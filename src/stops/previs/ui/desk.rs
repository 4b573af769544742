//! The sections of Stop 1's previs desk, the panel left of the shot: the storyboard and panel
//! pickers, the panel being shot, the camera, blocking and mood tabs, the shot check and the
//! sequence score.

use bevy::prelude::*;
use bevy_egui::egui;

use super::drawings::{plan_view, sketch};
use super::{MapMode, PrevisUi, Tab};
use crate::stops::previs::level::{PrevisCommand, PrevisState};
use crate::stops::previs::model::{
    CameraMove, Grade, MAX_FOCAL_MM, MIN_FOCAL_MM, Panel, PrevisTime, ShotSetup, Storyboard,
    read_mood,
};
use crate::tour::{LevelStatus, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::{card, primary_button, slider_row, stars_text};

/// The title and logline, and a button for each storyboard to switch scenes.
pub(super) fn storyboard_picker(
    ui: &mut egui::Ui,
    state: &PrevisState,
    boards: &[Storyboard],
    out: &mut MessageWriter<PrevisCommand>,
) {
    ui.heading(format!("Previs · {}", state.storyboard.title));
    ui.label(egui::RichText::new(&state.storyboard.logline).italics());
    ui.horizontal_wrapped(|ui| {
        ui.label("Storyboard:");
        for (b, board) in boards.iter().enumerate() {
            if ui
                .add(egui::Button::new(&board.title).selected(b == state.storyboard_index))
                .clicked()
                && b != state.storyboard_index
            {
                out.write(PrevisCommand::ChooseStoryboard(b));
            }
        }
    });
}

/// A button per panel, marked with how its last check went, and the key to the marks.
pub(super) fn panel_picker(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &PrevisState,
    out: &mut MessageWriter<PrevisCommand>,
) {
    let i = state.selected;
    ui.horizontal_wrapped(|ui| {
        for (n, _) in state.storyboard.panels.iter().enumerate() {
            let mark = match (&state.verdicts[n], state.dirty[n]) {
                (Some(v), false) if v.matches => "✔",
                (Some(_), false) => "✖",
                (Some(_), true) => "…",
                (None, _) => "○",
            };
            if ui
                .add(egui::Button::new(format!("{mark} {}", n + 1)).selected(n == i))
                .clicked()
            {
                out.write(PrevisCommand::SelectPanel(n));
            }
        }
    });
    ui.label(
        egui::RichText::new(
            "✔ matches the panel · ✖ does not · … changed since checked · ○ not checked",
        )
        .small()
        .color(color(p.muted_text)),
    );
}

/// The storyboard panel of the shot on screen: while the animatic plays, the panel follows
/// the cut, so drawing and shot are always side by side.
pub(super) fn panel_card(ui: &mut egui::Ui, p: &Palette, state: &PrevisState) {
    let (showing, _) = state.showing();
    card(p).show(ui, |ui| {
        let current = &state.storyboard.panels[showing];
        ui.label(
            egui::RichText::new(format!("Panel {} · {}", showing + 1, current.title)).strong(),
        );
        sketch(ui, p, current);
        ui.label(&current.action);
        ui.label(format!(
            "Asks for: {} · {} · {} · mood {} · {:.1} s · subject: {}",
            current.size.label(),
            current.angle.label(),
            current.movement.label(),
            current.mood.label(),
            current.seconds,
            state
                .storyboard
                .character(&current.subject)
                .map_or(current.subject.as_str(), |c| c.name.as_str())
        ));
    });
}

/// The Camera, Blocking and Mood tabs, and the one that is open.
pub(super) fn shot_tabs(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &PrevisState,
    ui_state: &mut PrevisUi,
    setup: &mut ShotSetup,
) {
    ui.horizontal(|ui| {
        for (tab, label) in [
            (Tab::Camera, "Camera"),
            (Tab::Blocking, "Blocking"),
            (Tab::Mood, "Mood"),
        ] {
            if ui.selectable_label(ui_state.tab == tab, label).clicked() {
                ui_state.tab = tab;
            }
        }
    });
    match ui_state.tab {
        Tab::Camera => camera_tab(ui, p, state, ui_state, setup),
        Tab::Blocking => blocking_tab(ui, p, state, setup),
        Tab::Mood => mood_controls(ui, p, &state.storyboard.panels[state.selected], setup),
    }
}

/// The plan view in camera mode (place or aim), then the camera's sliders and move.
fn camera_tab(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &PrevisState,
    ui_state: &mut PrevisUi,
    setup: &mut ShotSetup,
) {
    ui.horizontal(|ui| {
        ui.label("Click on the plan to:");
        for (mode, label) in [
            (MapMode::PlaceCamera, "place camera"),
            (MapMode::Aim, "aim"),
        ] {
            if ui
                .selectable_label(ui_state.map_mode == mode, label)
                .clicked()
            {
                ui_state.map_mode = mode;
            }
        }
    });
    if ui_state.map_mode == MapMode::AddWaypoint {
        ui_state.map_mode = MapMode::PlaceCamera;
    }
    plan_view(ui, p, state, setup, ui_state.map_mode);
    camera_controls(ui, state, setup);
}

/// The plan view in waypoint mode, and buttons to trim the subject's path.
fn blocking_tab(ui: &mut egui::Ui, p: &Palette, state: &PrevisState, setup: &mut ShotSetup) {
    ui.label(
        "Click on the plan to add a waypoint to the subject's path. They walk \
         it at an even pace over the shot.",
    );
    plan_view(ui, p, state, setup, MapMode::AddWaypoint);
    ui.horizontal(|ui| {
        ui.label(format!("{} waypoint(s)", setup.waypoints.len()));
        if ui.button("Remove last").clicked() {
            setup.waypoints.pop();
        }
        if ui.button("Clear path").clicked() {
            setup.waypoints.clear();
        }
    });
}

/// Check the shot, play it, and play (or stop) the animatic.
pub(super) fn shot_buttons(
    ui: &mut egui::Ui,
    state: &PrevisState,
    out: &mut MessageWriter<PrevisCommand>,
) {
    let i = state.selected;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Check shot (Enter)").clicked() {
            out.write(PrevisCommand::CheckShot(i));
        }
        if ui.button("▶ Play shot (P)").clicked() {
            out.write(PrevisCommand::PlayShot(i));
        }
        if state.playback.is_some() {
            if ui.button("■ Stop").clicked() {
                out.write(PrevisCommand::Stop);
            }
        } else if ui.button("🎬 Play animatic (Space)").clicked() {
            out.write(PrevisCommand::PlayAnimatic);
        }
    });
}

/// The last check of the selected shot: the score and a line per reason.
pub(super) fn shot_verdict(ui: &mut egui::Ui, p: &Palette, state: &PrevisState) {
    let i = state.selected;
    let Some(v) = &state.verdicts[i] else { return };
    let (icon, word, tint) = if v.matches {
        ("✔", "Matches the panel", p.success)
    } else {
        ("✖", "Not yet", p.warning)
    };
    ui.label(
        egui::RichText::new(format!("{icon} {word} · {} / 100", v.score))
            .strong()
            .color(color(tint)),
    );
    if state.dirty[i] {
        ui.label("(changed since this check: check again)");
    }
    for reason in &v.reasons {
        ui.label(format!("• {reason}"));
    }
}

/// The sequence's score, the revisions, and what is left to do (or the way to the gate).
pub(super) fn sequence_summary(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &PrevisState,
    status: &LevelStatus,
    tour: &mut MessageWriter<TourCommand>,
) {
    let score = state.sequence_score();
    ui.label(egui::RichText::new("The sequence").strong());
    ui.label(&score.summary);
    ui.label(format!(
        "Revisions: {} · animatic plays: {}",
        state.revisions, state.animatic_plays
    ));
    if status.complete {
        ui.label(format!("Previs locked: {}", stars_text(status.stars)));
        if primary_button(ui, p, "▶ Continue to the quiz gate").clicked() {
            tour.write(TourCommand::FinishLevel);
        }
    } else if state.cut_ready() {
        ui.label("Enough shots match: play the animatic to the end to lock the previs.");
    } else {
        ui.label(format!(
            "Draft a shot, test it (check), revise: {} of {} core shots match. Then watch the \
             whole animatic.",
            state.matched_count().min(state.panels_needed),
            state.panels_needed
        ));
    }
}

/// The camera's height, aim height and lens, a shortcut to aim at the subject's eyes, and
/// the move with its amount.
fn camera_controls(ui: &mut egui::Ui, state: &PrevisState, setup: &mut ShotSetup) {
    slider_row(
        ui,
        "camera height (m)",
        egui::Slider::new(&mut setup.camera[1], 0.1..=12.0),
    );
    slider_row(
        ui,
        "aim height (m)",
        egui::Slider::new(&mut setup.aim[1], 0.0..=6.0),
    );
    slider_row(
        ui,
        "lens (mm)",
        egui::Slider::new(&mut setup.focal_mm, MIN_FOCAL_MM..=MAX_FOCAL_MM).logarithmic(true),
    );
    if ui.button("Aim at the subject's eyes").clicked() {
        let panel = &state.storyboard.panels[state.selected];
        if let Some(c) = state.storyboard.character(&panel.subject) {
            setup.aim = [c.start[0], c.height_m * 0.93, c.start[1]];
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Move:");
        for m in CameraMove::ALL {
            if ui
                .selectable_label(setup.movement == m, m.label())
                .on_hover_text(m.description())
                .clicked()
            {
                setup.movement = m;
            }
        }
    });
    let (range, unit) = match setup.movement {
        CameraMove::Static => (0.0..=0.0, ""),
        CameraMove::Pan => (-90.0..=90.0, "pan (degrees, + turns right)"),
        CameraMove::Dolly => (-6.0..=6.0, "dolly (m, + moves in)"),
        CameraMove::Crane => (-4.0..=6.0, "crane (m, + rises)"),
    };
    if setup.movement != CameraMove::Static {
        slider_row(ui, unit, egui::Slider::new(&mut setup.move_amount_m, range));
    }
}

/// The mood lights (ratio, colour temperature, fog, time and grade) and how they read.
fn mood_controls(ui: &mut egui::Ui, p: &Palette, panel: &Panel, setup: &mut ShotSetup) {
    let l = &mut setup.lighting;
    slider_row(
        ui,
        "key-to-fill ratio (:1)",
        egui::Slider::new(&mut l.key_to_fill, 1.0..=16.0),
    );
    slider_row(
        ui,
        "colour temperature (K)",
        egui::Slider::new(&mut l.color_temp_k, 2000.0..=10000.0).step_by(100.0),
    );
    slider_row(ui, "fog", egui::Slider::new(&mut l.fog, 0.0..=1.0));
    ui.horizontal_wrapped(|ui| {
        ui.label("Time:");
        for t in PrevisTime::ALL {
            if ui.selectable_label(l.time == t, t.label()).clicked() {
                l.time = t;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Grade:");
        for g in Grade::ALL {
            if ui.selectable_label(l.grade == g, g.label()).clicked() {
                l.grade = g;
            }
        }
    });
    let reading = read_mood(l);
    let matches = reading.mood == panel.mood;
    let (icon, word) = if matches {
        ("✔", "matches")
    } else {
        ("✖", "does not match")
    };
    ui.label(
        egui::RichText::new(format!(
            "Reads as: {} — {icon} {word} the panel's {}",
            reading.mood.label(),
            panel.mood.label()
        ))
        .strong()
        .color(color(if matches { p.success } else { p.warning })),
    );
    ui.label(format!(
        "Bright/funny {:+.2} (−1 dark and suspenseful … +1 bright and funny) · tension {:.2} · mystery {:.2}",
        reading.brightness, reading.tension, reading.mystery
    ));
    for r in &reading.reasons {
        ui.label(format!("• {r}"));
    }
}
