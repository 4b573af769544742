//! The panels of Stop 2's screen: the director's shot list on the left, the stage controls on
//! the right, each section headed by the piece of the volume it sets (the game engine's
//! software settings, then the hardware: tracking sensors, cinema camera, LED panels, stage
//! lights), and the view switch with the record button over the picture. The beginner view
//! says what the numbers mean; the engineer's view shows the formulas.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::stage::model::framing::{moire_at, subject_height_fraction};
use crate::stage::model::led::PITCH_CHOICES_MM;
use crate::stage::model::lighting::{LightKind, match_score};
use crate::stage::model::scene::Environment;
use crate::stage::{CinemaPose, StageLights, StageSettings, StageView, Tracker};
use crate::stops::virtual_production::level::{VpCommand, VpState};
use crate::stops::virtual_production::model::advice::{
    ControlSection, lag_words, moire_words, try_next,
};
use crate::stops::virtual_production::model::chain::SignalChain;
use crate::stops::virtual_production::model::shots::scene_words;
use crate::stops::virtual_production::model::takes::light_target;
use crate::tour::model::lesson::LessonLength;
use crate::tour::{LevelStatus, TourCommand};
use crate::ui::level_frame::task_list;
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::{card, focus_ring, panel_width, primary_button, slider_row, stars_text};

/// What the stage controls show and change.
pub(super) struct StageControls<'a> {
    pub settings: &'a StageSettings,
    pub pose: &'a CinemaPose,
    pub tracker: &'a Tracker,
    pub lights: &'a StageLights,
    /// The wall's world lit for the chosen time and weather, when there is a scene.
    pub env: Option<&'a Environment>,
    /// The signal chain: the sections are named after its pieces.
    pub chain: &'a SignalChain,
    /// Formulas (engineer's view) instead of plain lines (beginner view).
    pub engineer: bool,
}

/// A section's heading (e.g. "Game engine (software)") and what its settings are.
fn section_heading(ui: &mut egui::Ui, p: &Palette, chain: &SignalChain, section: ControlSection) {
    ui.label(
        egui::RichText::new(section.heading(chain))
            .strong()
            .size(18.0),
    );
    ui.label(egui::RichText::new(section.what()).color(color(p.muted_text)));
}

fn check_line(ui: &mut egui::Ui, p: &Palette, passed: bool, name: &str, text: &str) {
    let (icon, tone) = if passed {
        ("✔", p.success)
    } else {
        ("✖", p.warning)
    };
    ui.label(
        egui::RichText::new(format!("{icon} {name}"))
            .strong()
            .color(color(tone)),
    );
    ui.label(text);
}

/// The left panel: the shots with their best stars, the current shot's brief and the last
/// take's checks.
pub(super) fn shot_list_panel(
    root: &mut egui::Ui,
    p: &Palette,
    state: &VpState,
    status: &LevelStatus,
    lesson: LessonLength,
    out: &mut MessageWriter<VpCommand>,
    tour: &mut MessageWriter<TourCommand>,
) {
    egui::Panel::left("shots")
        .exact_size(panel_width(root, 330.0))
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading("Shot list");
                for (i, shot) in state.level.shots.iter().enumerate() {
                    let best = state.level.best[i]
                        .as_ref()
                        .map_or("not shot yet".to_string(), |b| stars_text(b.stars));
                    let r = ui.add(
                        egui::Button::new(format!("{}  {}\n{best}", i + 1, shot.title))
                            .selected(i == state.level.current)
                            .min_size(egui::vec2(ui.available_width(), 44.0)),
                    );
                    if i == state.level.current {
                        focus_ring(ui, r.rect, p);
                    }
                    if r.clicked() {
                        out.write(VpCommand::SelectShot(i));
                    }
                }
                current_shot_and_take(ui, p, state);
                ui.separator();
                task_list(ui, p, status, lesson);
                if status.complete {
                    let go = primary_button(ui, p, "▶ Continue to the quiz gate");
                    if go.clicked() {
                        tour.write(TourCommand::FinishLevel);
                    }
                }
            });
        });
}

/// The current shot's direction and set-up, then "rolling" or the last take's checks.
fn current_shot_and_take(ui: &mut egui::Ui, p: &Palette, state: &VpState) {
    if let Some(shot) = state.level.current_shot() {
        ui.separator();
        ui.label(egui::RichText::new(format!("“{}”", shot.direction)).italics());
        ui.label(format!(
            "Wall: {} · {} · {}",
            scene_words(&shot.scene),
            shot.time_of_day,
            shot.weather
        ));
        ui.label(format!(
            "Framing: {} · move: {:?} · suggested lens {} mm",
            shot.framing.shot_size_words(),
            shot.camera_move,
            shot.focal_mm
        ));
    }
    if state.take.is_some() {
        ui.label(
            egui::RichText::new("🎬 ROLLING…")
                .strong()
                .size(24.0)
                .color(color(p.warning)),
        );
    } else if let Some(score) = &state.level.last {
        ui.separator();
        ui.label(egui::RichText::new(format!("Last take: {}", stars_text(score.stars))).strong());
        for c in &score.checks {
            check_line(ui, p, c.passed, c.name, &c.explanation);
            if !c.passed {
                ui.label(egui::RichText::new(try_next(c.kind)).strong());
            }
        }
    }
}

/// The right panel: every control of the stage, section by section.
pub(super) fn controls_panel(
    root: &mut egui::Ui,
    p: &Palette,
    stage: &StageControls,
    out: &mut MessageWriter<VpCommand>,
) {
    egui::Panel::right("controls")
        .exact_size(panel_width(root, 360.0))
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading("Stage");
                ui.label(
                    egui::RichText::new(format!("✔ Signal chain: {}", stage.chain.summary()))
                        .color(color(p.success)),
                );
                ui.separator();
                world_section(ui, p, stage, out);
                ui.separator();
                tracking_section(ui, p, stage, out);
                ui.separator();
                camera_section(ui, p, stage, out);
                ui.separator();
                wall_section(ui, p, stage, out);
                ui.separator();
                lights_section(ui, p, stage, out);
            });
        });
}

/// The game engine's settings: the world on the wall (scene, time of day, weather), the
/// overscan of the inner frustum, the latency compensation and freezing the outer frustum.
fn world_section(
    ui: &mut egui::Ui,
    p: &Palette,
    stage: &StageControls,
    out: &mut MessageWriter<VpCommand>,
) {
    let settings = stage.settings;
    section_heading(ui, p, stage.chain, ControlSection::GameEngine);
    ui.horizontal_wrapped(|ui| {
        for (i, s) in settings.scenes.iter().enumerate() {
            if ui
                .add(egui::Button::new(&s.title).selected(i == settings.scene))
                .clicked()
            {
                out.write(VpCommand::SetScene(i));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(format!("Time: {}", settings.time.label()))
            .clicked()
        {
            out.write(VpCommand::NextTime);
        }
        if ui
            .button(format!("Weather: {}", settings.weather.label()))
            .clicked()
        {
            out.write(VpCommand::NextWeather);
        }
    });
    if let (Some(env), true) = (stage.env, stage.engineer) {
        ui.label(egui::RichText::new(env.describe()).color(color(p.muted_text)));
    }
    engine_timing(ui, stage, out);
}

/// The game engine's answer to the chain's delay: overscan, latency compensation, and
/// freezing the outer frustum.
fn engine_timing(ui: &mut egui::Ui, stage: &StageControls, out: &mut MessageWriter<VpCommand>) {
    let (settings, tracker) = (stage.settings, stage.tracker);
    let mut overscan = settings.overscan;
    if slider_row(
        ui,
        "overscan: extra picture round the frame",
        egui::Slider::new(&mut overscan, 1.0..=1.5),
    )
    .changed()
    {
        out.write(VpCommand::SetOverscan(overscan));
    }
    let mut comp = tracker.0.settings.compensation_frames;
    if slider_row(
        ui,
        "latency compensation: frames to guess ahead",
        egui::Slider::new(&mut comp, 0.0..=12.0),
    )
    .changed()
    {
        out.write(VpCommand::SetCompensation(comp));
    }
    let mut frozen = settings.freeze_outer;
    if ui
        .checkbox(&mut frozen, "Freeze the outer frustum (Z)")
        .changed()
    {
        out.write(VpCommand::FreezeOuter(frozen));
    }
}

/// The cinema camera's lens, how big the actor is and the moiré risk.
fn camera_section(
    ui: &mut egui::Ui,
    p: &Palette,
    stage: &StageControls,
    out: &mut MessageWriter<VpCommand>,
) {
    let (settings, pose) = (stage.settings, stage.pose);
    section_heading(ui, p, stage.chain, ControlSection::Camera);
    let mut focal = settings.lens.focal_mm;
    if slider_row(
        ui,
        "focal length (mm)",
        egui::Slider::new(&mut focal, 12.0..=135.0),
    )
    .changed()
    {
        out.write(VpCommand::SetFocal(focal));
    }
    let mut focus = settings.lens.focus_distance_m;
    if slider_row(
        ui,
        "focus distance (m)",
        egui::Slider::new(&mut focus, 0.5..=20.0),
    )
    .changed()
    {
        out.write(VpCommand::SetFocus(focus));
    }
    let fraction = subject_height_fraction(&pose.0, &settings.lens);
    ui.label(format!(
        "Actor fills {:.0}% of the frame height.",
        fraction * 100.0
    ));
    let Some(m) = moire_at(&settings.geometry, &pose.0, &settings.lens) else {
        return;
    };
    if !stage.engineer {
        ui.label(moire_words(&m));
    } else {
        ui.label(format!(
            "One LED on the sensor: p·f/(D−f) = {:.1} µm = {:.1} photosites; wall blur c = {:.0} µm, so moiré risk is: {:?}",
            m.led_image_size_um, m.photosites_per_led, m.defocus_blur_um, m.risk
        ));
    }
}

/// The tracking sensors: the delay through the chain, the jitter, and how far the wall runs
/// behind the camera.
fn tracking_section(
    ui: &mut egui::Ui,
    p: &Palette,
    stage: &StageControls,
    out: &mut MessageWriter<VpCommand>,
) {
    let tracker = stage.tracker;
    section_heading(ui, p, stage.chain, ControlSection::Tracking);
    let mut latency = tracker.0.settings.latency_frames;
    if slider_row(
        ui,
        "delay from camera to wall (frames)",
        egui::Slider::new(&mut latency, 0..=12),
    )
    .changed()
    {
        out.write(VpCommand::SetLatency(latency));
    }
    let mut jitter = tracker.0.settings.jitter_mm;
    if slider_row(
        ui,
        "tracking jitter (mm)",
        egui::Slider::new(&mut jitter, 0.0..=20.0),
    )
    .changed()
    {
        out.write(VpCommand::SetJitter(jitter));
    }
    ui.label(
        egui::RichText::new(lag_words(
            tracker.0.settings.latency_frames,
            tracker.0.settings.compensation_frames,
        ))
        .strong(),
    );
    if stage.engineer {
        let (lag_m, lag_deg) = tracker.0.lag_error();
        ui.label(format!(
            "Background lag now: {:.1} cm, {:.2}°",
            lag_m * 100.0,
            lag_deg
        ));
    }
}

/// The LED wall: its size in panels and pixels, and the pixel pitch.
fn wall_section(
    ui: &mut egui::Ui,
    p: &Palette,
    stage: &StageControls,
    out: &mut MessageWriter<VpCommand>,
) {
    section_heading(ui, p, stage.chain, ControlSection::Wall);
    let g = &stage.settings.geometry;
    let (across, up) = g.pixel_grid_size();
    if !stage.engineer {
        ui.label(format!(
            "{} panels, {:.1} million tiny lights, each {:.1} mm from the next.",
            g.panel_count(),
            f64::from(across) * f64::from(up) / 1e6,
            g.pixel_pitch_mm()
        ));
    } else {
        ui.label(format!(
            "{} panels, {}×{} = {:.1} million LED pixels, pitch {:.2} mm",
            g.panel_count(),
            across,
            up,
            f64::from(across) * f64::from(up) / 1e6,
            g.pixel_pitch_mm()
        ));
    }
    ui.horizontal_wrapped(|ui| {
        for pitch in PITCH_CHOICES_MM {
            let now = (g.pixel_pitch_mm() - pitch).abs() < 0.2;
            if ui
                .add(egui::Button::new(format!("{pitch} mm")).selected(now))
                .clicked()
            {
                out.write(VpCommand::SetPitch(pitch));
            }
        }
    });
}

/// The key and fill lights, and how well they match the wall.
fn lights_section(
    ui: &mut egui::Ui,
    p: &Palette,
    stage: &StageControls,
    out: &mut MessageWriter<VpCommand>,
) {
    let lights = stage.lights;
    section_heading(ui, p, stage.chain, ControlSection::Lights);
    for (kind, light, kelvin) in [
        (LightKind::Key, lights.key, lights.key_kelvin),
        (LightKind::Fill, lights.fill, lights.fill_kelvin),
    ] {
        let (mut k, mut i, mut a) = (kelvin, light.intensity, light.azimuth_deg);
        let name = if kind == LightKind::Key {
            "key"
        } else {
            "fill"
        };
        let c1 = slider_row(
            ui,
            format!("{name} colour (K)"),
            egui::Slider::new(&mut k, 1800.0..=12000.0),
        )
        .changed();
        let c2 = slider_row(
            ui,
            format!("{name} brightness"),
            egui::Slider::new(&mut i, 0.0..=1.0),
        )
        .changed();
        let c3 = slider_row(
            ui,
            format!("{name} direction (°)"),
            egui::Slider::new(&mut a, -180.0..=180.0),
        )
        .changed();
        if c1 || c2 || c3 {
            out.write(VpCommand::SetLight {
                kind,
                kelvin: k,
                intensity: i,
                azimuth_deg: a,
            });
        }
    }
    if let Some(env) = stage.env {
        let m = match_score(&lights.as_vec(), &light_target(env));
        ui.label(format!("Match with the wall: {:.0}/100", m.score));
        if let Some(first) = m.advice.first() {
            ui.label(egui::RichText::new(first).color(color(p.muted_text)));
        }
    }
}

/// View switch and the record button, along the bottom of the picture between the side panels
/// (drawn after them, in the space they leave, so it never covers their controls).
pub(super) fn view_bar(
    root: &mut egui::Ui,
    p: &Palette,
    settings: &StageSettings,
    engineer: &mut bool,
    out: &mut MessageWriter<VpCommand>,
) {
    egui::Panel::bottom("vp-view")
        .resizable(false)
        .frame(egui::Frame::new().inner_margin(egui::Margin::same(8)))
        .show(root, |ui| {
            card(p).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for (v, label) in [
                        (StageView::Camera, "Camera"),
                        (StageView::Witness, "Witness"),
                        (StageView::Direct, "Direct"),
                    ] {
                        if ui
                            .add(egui::Button::new(label).selected(settings.view == v))
                            .clicked()
                        {
                            out.write(VpCommand::SetView(v));
                        }
                    }
                    if ui
                        .add(
                            egui::Button::new(
                                egui::RichText::new("🎬 Record (R)").color(color(p.accent_text)),
                            )
                            .fill(color(p.accent)),
                        )
                        .clicked()
                    {
                        out.write(VpCommand::RecordTake);
                    }
                    if ui
                        .add(egui::Button::new("🔧 Engineer's view (B)").selected(*engineer))
                        .clicked()
                    {
                        *engineer = !*engineer;
                    }
                });
            });
        });
}
