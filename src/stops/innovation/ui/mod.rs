//! Stop 5's screen, two tabs. "Studio in the Cloud": the plan on the left, an animated world
//! map of the day's transfers in the middle, what happened and the units maths on the right.
//! "Concept trailer": the prompt, pickers and how the generator read the words on the left; the
//! right part of the window is left free for the 3D fly-through of the generated scene.
//!
//! Keys (when no control has focus): 1 and 2 switch tabs, R runs the day, G generates a concept,
//! P plays or stops the trailer, Enter runs the day / generates (continues once the level is
//! complete). Tab moves egui's focus over every control and Space or Enter presses it.

use std::sync::LazyLock;

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::stage::model::scene::TimeOfDay;
use crate::stops::innovation::cloud::{CloudSpec, Role, Seconds, Simulation, Via};
use crate::stops::innovation::concept::{
    ConceptPrompt, Palette as ColourLook, PromptMood, SIMULATION_NOTE, Setting, TRAILER_SECONDS,
};
use crate::stops::innovation::level::{
    InnovationCommand, InnovationState, MAX_PROMPT_CHARS, MIN_DISTINCT_PROMPTS, MIN_GENERATIONS,
    STOP, THREE_STAR_PROMPTS, THREE_STAR_RUNS, default_prompt,
};
use crate::tour::input::typing;
use crate::tour::{CurrentStop, GameContent, StopPhase, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{AllowWidgetFocus, UiSettings, UiSystems, color};
use crate::ui::widgets::{card, focus_ring, hint_bar, primary_button, root_ui, stars_text};

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
}

/// Which tab is open. Public so the 3D view knows when the trailer area is on screen.
#[derive(Resource, Debug, Default)]
pub struct InnovationUi {
    pub tab: InnovationTab,
}

fn is_innovation(current: Res<CurrentStop>) -> bool {
    current.0 == STOP
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
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        if state.is_complete() {
            tour.write(TourCommand::FinishLevel);
        } else {
            out.write(match ui_state.tab {
                InnovationTab::Cloud => InnovationCommand::RunDay,
                InnovationTab::Trailer => InnovationCommand::Generate,
            });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Small pieces
// ---------------------------------------------------------------------------------------------

/// A shape for each role, so the map never relies on colour alone.
fn role_icon(role: Role) -> &'static str {
    match role {
        Role::Studio => "■",
        Role::Director => "★",
        Role::Editor => "♦",
        Role::VfxArtist => "♥",
    }
}

/// Map colours per role (always drawn with the role's icon and name beside them).
fn role_colour(role: Role) -> egui::Color32 {
    match role {
        Role::Studio => egui::Color32::from_rgb(235, 185, 60),
        Role::Director => egui::Color32::from_rgb(100, 175, 245),
        Role::Editor => egui::Color32::from_rgb(120, 210, 120),
        Role::VfxArtist => egui::Color32::from_rgb(235, 110, 175),
    }
}

fn via_word(via: Via) -> &'static str {
    match via {
        Via::Network => "network",
        Via::Courier => "courier",
    }
}

fn users(n: usize) -> &'static str {
    if n == 1 { "user" } else { "users" }
}

fn muted(p: &Palette, text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).color(color(p.muted_text))
}

/// An accent-filled action without the focus ring (the ring marks where Enter goes).
fn accent_button(ui: &mut egui::Ui, p: &Palette, label: &str) -> egui::Response {
    ui.add(
        egui::Button::new(egui::RichText::new(label).color(color(p.accent_text)))
            .fill(color(p.accent))
            .min_size(egui::vec2(200.0, 40.0)),
    )
}

/// The screen's Enter action gets the primary look; once the level is complete Enter continues
/// instead, so the action keeps its colour but loses the ring.
fn action_button(ui: &mut egui::Ui, p: &Palette, label: &str, is_enter: bool) -> egui::Response {
    if is_enter {
        primary_button(ui, p, label)
    } else {
        accent_button(ui, p, label)
    }
}

fn check_item(ui: &mut egui::Ui, p: &Palette, done: bool, text: &str) {
    let (mark, word, tone) = if done {
        ("☑", "Done", p.success)
    } else {
        ("☐", "To do", p.text)
    };
    ui.label(egui::RichText::new(format!("{mark} {word}: {text}")).color(color(tone)));
}

/// Title, tabs, the completion checklist and, once complete, the way on to the gate.
fn header(
    ui: &mut egui::Ui,
    state: &InnovationState,
    p: &Palette,
    tab: &mut InnovationTab,
    tour: &mut MessageWriter<TourCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new("Innovation · the studio of the future")
                .size(22.0)
                .strong()
                .color(color(p.accent)),
        );
        ui.add_space(12.0);
        for (t, label) in [
            (InnovationTab::Cloud, "1 · Studio in the Cloud"),
            (InnovationTab::Trailer, "2 · Concept trailer"),
        ] {
            let r = ui.add(egui::Button::new(label).selected(*tab == t));
            if *tab == t {
                focus_ring(ui, r.rect, p);
            }
            if r.clicked() {
                *tab = t;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        check_item(
            ui,
            p,
            state.best_met,
            "every collaborator had their footage before the deadline",
        );
        check_item(
            ui,
            p,
            state.generations >= MIN_GENERATIONS,
            &format!(
                "{} of {MIN_GENERATIONS} concepts generated",
                state.generations.min(MIN_GENERATIONS)
            ),
        );
        check_item(
            ui,
            p,
            state.distinct_prompts >= MIN_DISTINCT_PROMPTS,
            &format!(
                "prompt refined: {} of {MIN_DISTINCT_PROMPTS} different prompts",
                state.distinct_prompts.min(MIN_DISTINCT_PROMPTS)
            ),
        );
    });
    if state.is_complete() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(format!("Level complete! {}", stars_text(state.stars())))
                    .strong(),
            );
            if state.stars() < 3 {
                ui.label(muted(
                    p,
                    format!(
                        "★★★ needs the deadline met within {THREE_STAR_RUNS} runs and {THREE_STAR_PROMPTS} different prompts."
                    ),
                ));
            }
            if primary_button(ui, p, "Continue to the gate ▶").clicked() {
                tour.write(TourCommand::FinishLevel);
            }
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Tab 1: Studio in the Cloud
// ---------------------------------------------------------------------------------------------

fn link_choice(ui: &mut egui::Ui, spec: &CloudSpec, chosen: &mut usize) {
    ui.horizontal_wrapped(|ui| {
        for (i, link) in spec.links.iter().enumerate() {
            let r = ui
                .radio(*chosen == i, link.rate().human())
                .on_hover_text(link.name.as_str());
            if r.clicked() {
                *chosen = i;
            }
        }
    });
}

fn plan_panel(
    ui: &mut egui::Ui,
    spec: &CloudSpec,
    state: &InnovationState,
    p: &Palette,
    out: &mut MessageWriter<InnovationCommand>,
) {
    let mut plan = state.plan.clone();
    ui.heading("Your plan for the day");
    ui.label(muted(
        p,
        format!(
            "The camera films for {}. Everyone needs their footage within {} of wrap.",
            spec.shoot_time().human(),
            spec.deadline().human()
        ),
    ));
    // The run button stays above the scrolling choices, so it is always on screen.
    if action_button(ui, p, "Run the day ▶", !state.is_complete()).clicked() {
        out.write(InnovationCommand::RunDay);
    }
    ui.label(muted(p, format!("Days simulated: {}", state.runs)));
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("cloud_plan_scroll")
        .show(ui, |ui| {
            ui.label(egui::RichText::new("Camera and codec").strong());
            for (i, camera) in spec.cameras.iter().enumerate() {
                let rate = camera.rate();
                let r = ui
                    .radio(
                        plan.camera == i,
                        format!("{}: {:.0} Mbps", camera.name, camera.data_rate_mbps),
                    )
                    .on_hover_text(format!("Source: {}", camera.source));
                if r.clicked() {
                    plan.camera = i;
                }
                ui.label(
                    muted(
                        p,
                        format!(
                            "{} · {} ÷ 8 = {} a second",
                            camera.codec,
                            rate.human(),
                            rate.to_bytes_per_second().human()
                        ),
                    )
                    .size(13.0),
                );
            }
            ui.separator();
            ui.checkbox(&mut plan.upload_while_shooting, "Upload while shooting")
                .on_hover_text("Send footage as it is filmed instead of waiting for wrap.");
            ui.checkbox(&mut plan.proxies, "Make proxies")
                .on_hover_text(format!(
                    "Small copies ({}, {:.0} Mbps) for everyone who only needs to watch or edit.",
                    spec.proxy.codec, spec.proxy.data_rate_mbps
                ));
            ui.checkbox(&mut plan.ship_drives, "Ship drives by courier instead")
                .on_hover_text("Copy the footage to drives and send them door to door.");
            ui.separator();
            let networked = !plan.ship_drives;
            ui.add_enabled_ui(networked, |ui| {
                ui.label(egui::RichText::new("Studio uplink (shared by every download)").strong());
                link_choice(ui, spec, &mut plan.uplink);
                for (i, site) in spec.collaborators() {
                    ui.label(format!(
                        "{} {} ({}): own link",
                        role_icon(site.role),
                        site.city,
                        site.role.label()
                    ));
                    if let Some(slot) = plan.per_site_link.get_mut(i) {
                        link_choice(ui, spec, slot);
                    }
                }
            });
            if !networked {
                ui.label(muted(
                    p,
                    "The links are not used while the drives travel by courier.",
                ));
            }
            ui.add_space(6.0);
            egui::CollapsingHeader::new("Where the numbers come from").show(ui, |ui| {
                for camera in &spec.cameras {
                    ui.label(muted(p, format!("{}: {}", camera.name, camera.source)).size(13.0));
                }
                ui.label(muted(p, format!("Proxies: {}", spec.proxy.source)).size(13.0));
            });
        });
    if plan != state.plan {
        out.write(InnovationCommand::SetPlan(plan));
    }
}

fn results_panel(ui: &mut egui::Ui, spec: &CloudSpec, state: &InnovationState, p: &Palette) {
    egui::ScrollArea::vertical()
        .id_salt("cloud_results_scroll")
        .show(ui, |ui| {
            ui.heading("What happened");
            ui.label(
                egui::RichText::new(
                    "Network traffic is the number of users accessing the data at one time. They all share the studio's uplink.",
                )
                .italics(),
            );
            ui.separator();
            match &state.simulation {
                None => {
                    ui.label("Choose a plan, then press Run the day ▶ (or R).");
                }
                Some(Err(e)) => {
                    ui.label(
                        egui::RichText::new(format!("⚠ The day could not be simulated: {e}"))
                            .color(color(p.warning)),
                    );
                }
                Some(Ok(sim)) => outcomes(ui, spec, state, sim, p),
            }
        });
}

fn outcomes(
    ui: &mut egui::Ui,
    spec: &CloudSpec,
    state: &InnovationState,
    sim: &Simulation,
    p: &Palette,
) {
    if !state.results_are_current() {
        ui.label(
            egui::RichText::new(
                "⚠ You changed the plan: these results are from the last run. Run the day again.",
            )
            .color(color(p.warning)),
        );
    }
    let (summary, tone) = if sim.all_meet_deadline {
        ("✔ Everyone has their footage in time.", p.success)
    } else {
        ("✖ Someone's footage arrives too late.", p.warning)
    };
    ui.label(egui::RichText::new(summary).strong().color(color(tone)));
    for o in &sim.sites {
        let Some(site) = spec.sites.get(o.site) else {
            continue;
        };
        let (icon, word, tone) = if o.meets_deadline {
            ("✔", "On time", p.success)
        } else {
            ("✖", "Late", p.warning)
        };
        ui.label(
            egui::RichText::new(format!(
                "{icon} {word}: {} {} ({})",
                role_icon(site.role),
                site.city,
                site.role.label()
            ))
            .strong()
            .color(color(tone)),
        );
        ui.label(format!(
            "ready {} after wrap (deadline {}) · {} of {} by {}",
            o.ready_after_wrap.human(),
            sim.deadline.human(),
            o.bytes.human(),
            o.receives.label(),
            via_word(o.via)
        ));
        ui.label(muted(p, o.bottleneck.as_str()));
        ui.add_space(4.0);
    }
    ui.separator();
    ui.label(
        egui::RichText::new(format!(
            "Network traffic: {} {} at once (the most during the day)",
            sim.peak_traffic,
            users(sim.peak_traffic)
        ))
        .strong(),
    );
    if sim.peak_traffic == 0 {
        ui.label(muted(
            p,
            "Nobody downloaded: the footage travelled on drives.",
        ));
    }
    ui.separator();
    ui.label(egui::RichText::new("The maths").strong());
    for line in &sim.explanation {
        ui.label(line.as_str());
    }
}

fn clock_text(sim: Option<&Simulation>, t: Seconds) -> String {
    let Some(sim) = sim else {
        return "The day has not been run yet.".to_string();
    };
    if t.0 < sim.wrap_at.0 {
        format!(
            "t = {} into the shoot (wrap at {})",
            t.human(),
            sim.wrap_at.human()
        )
    } else {
        format!(
            "t = {} after wrap (deadline: {} after wrap)",
            Seconds(t.0 - sim.wrap_at.0).human(),
            sim.deadline.human()
        )
    }
}

fn map_panel(
    ui: &mut egui::Ui,
    spec: &CloudSpec,
    state: &InnovationState,
    p: &Palette,
    reduced_motion: bool,
    out: &mut MessageWriter<InnovationCommand>,
) {
    let sim = state.last_simulation();
    let t = state.map_seconds();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(clock_text(sim, t)).size(18.0).strong());
        if sim.is_some() && ui.button("▶ Replay the day").clicked() {
            out.write(InnovationCommand::ReplayMap);
        }
    });
    let avail = ui.available_size();
    let height = (avail.x * 0.6).min(avail.y - 120.0).max(120.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(avail.x, height), egui::Sense::hover());
    // Packets stream along active links; with reduced motion they stand still.
    let phase = if reduced_motion {
        0.0
    } else {
        (ui.input(|i| i.time) * 0.4).fract() as f32
    };
    draw_map(ui, rect, spec, sim, t, phase);
    if let (Some(sim), Some(span)) = (sim, state.map_span()) {
        day_timeline(ui, spec, sim, t, span, p);
    }
    ui.label(muted(
        p,
        "Key: ■ studio set · ★ director · ♦ editor · ♥ VFX artist",
    ));
    ui.label(muted(
        p,
        "Solid line = network (small dots are packets) · dashed line = courier · white dot (network) or square (drive) = how far the footage has got",
    ));
}

// ---------------------------------------------------------------------------------------------
// The world map
// ---------------------------------------------------------------------------------------------

/// Land is drawn as a dot matrix of cells this many degrees wide: egui fills only convex
/// shapes, and the blocky look says "a rough map" honestly.
const LAND_STEP_DEG: f32 = 3.0;
const LAND_COLUMNS: usize = 120;
const LAND_ROWS: usize = 60;
/// Points on each curved route.
const ARC_SEGMENTS: usize = 24;

// Rough coastlines, (longitude, latitude) in degrees: only good enough for a 3° dot matrix.
#[rustfmt::skip]
const NORTH_AMERICA: &[(f32, f32)] = &[
    (-166.0, 68.0), (-156.0, 71.0), (-140.0, 70.0), (-115.0, 68.0), (-95.0, 69.0),
    (-82.0, 66.0), (-80.0, 60.0), (-94.0, 59.0), (-92.0, 57.0), (-82.0, 55.0), (-79.0, 52.0),
    (-72.0, 52.0), (-64.0, 59.0), (-56.0, 52.0), (-60.0, 47.0), (-66.0, 45.0), (-70.0, 42.0),
    (-74.0, 40.0), (-76.0, 35.0), (-81.0, 31.0), (-80.0, 25.0), (-84.0, 30.0), (-89.0, 30.0),
    (-94.0, 29.5), (-97.0, 27.0), (-97.0, 22.0), (-95.0, 19.0), (-91.0, 19.0), (-87.0, 21.0),
    (-88.0, 16.0), (-84.0, 15.0), (-83.0, 10.0), (-77.0, 8.0), (-80.0, 7.0), (-86.0, 11.0),
    (-92.0, 14.5), (-101.0, 17.0), (-105.0, 20.0), (-110.0, 23.0), (-114.0, 28.0),
    (-117.0, 32.5), (-120.0, 34.5), (-123.0, 38.0), (-124.0, 42.0), (-124.0, 47.0),
    (-130.0, 54.0), (-135.0, 58.0), (-146.0, 61.0), (-152.0, 59.0), (-164.0, 55.0),
    (-162.0, 60.0), (-166.0, 62.0), (-163.0, 65.0),
];
#[rustfmt::skip]
const GREENLAND: &[(f32, f32)] = &[
    (-73.0, 78.0), (-60.0, 82.0), (-30.0, 83.0), (-20.0, 80.0), (-20.0, 72.0), (-30.0, 68.0),
    (-42.0, 60.0), (-50.0, 64.0), (-54.0, 68.0), (-58.0, 75.0),
];
#[rustfmt::skip]
const SOUTH_AMERICA: &[(f32, f32)] = &[
    (-77.0, 8.0), (-72.0, 12.0), (-62.0, 11.0), (-52.0, 5.0), (-50.0, 0.0), (-44.0, -2.0),
    (-35.0, -5.0), (-39.0, -14.0), (-41.0, -22.0), (-48.0, -26.0), (-53.0, -34.0),
    (-58.0, -38.0), (-65.0, -45.0), (-68.0, -50.0), (-68.0, -55.0), (-73.0, -52.0),
    (-75.0, -45.0), (-73.0, -37.0), (-71.0, -30.0), (-70.0, -18.0), (-76.0, -14.0),
    (-81.0, -6.0), (-80.0, -1.0), (-78.0, 2.0),
];
#[rustfmt::skip]
const EUROPE: &[(f32, f32)] = &[
    (-9.0, 43.0), (-9.0, 37.0), (-6.0, 36.0), (-2.0, 37.0), (0.0, 39.0), (3.0, 42.0),
    (9.0, 44.0), (11.0, 42.0), (16.0, 38.0), (18.0, 40.0), (16.0, 41.5), (12.5, 44.0),
    (13.5, 45.5), (19.0, 42.0), (23.0, 37.0), (26.0, 40.0), (29.0, 41.0), (28.0, 44.0),
    (30.0, 46.0), (40.0, 47.0), (48.0, 42.0), (50.0, 45.0), (58.0, 50.0), (60.0, 55.0),
    (60.0, 68.0), (44.0, 68.0), (40.0, 66.0), (30.0, 70.0), (25.0, 71.0), (15.0, 68.0),
    (5.0, 62.0), (6.0, 58.0), (11.0, 59.0), (12.0, 56.0), (10.0, 54.0), (5.0, 53.0),
    (2.0, 51.0), (-2.0, 49.0), (-5.0, 48.0), (-1.0, 46.0),
];
#[rustfmt::skip]
const BRITAIN: &[(f32, f32)] = &[
    (-5.5, 50.0), (1.5, 51.0), (1.7, 52.8), (0.0, 54.0), (-1.5, 55.5), (-2.0, 57.5),
    (-3.0, 58.6), (-5.0, 58.6), (-6.0, 57.0), (-5.0, 55.0), (-3.0, 54.5), (-4.5, 53.3),
    (-4.0, 51.5),
];
#[rustfmt::skip]
const IRELAND: &[(f32, f32)] = &[
    (-10.0, 51.5), (-6.0, 52.0), (-6.0, 55.0), (-8.0, 55.3), (-10.0, 54.0),
];
#[rustfmt::skip]
const AFRICA: &[(f32, f32)] = &[
    (-17.0, 21.0), (-16.0, 28.0), (-10.0, 30.0), (-6.0, 36.0), (10.0, 37.0), (11.0, 33.0),
    (20.0, 31.0), (32.0, 31.0), (34.0, 28.0), (39.0, 18.0), (43.0, 12.0), (51.0, 12.0),
    (49.0, 6.0), (42.0, -1.0), (40.0, -10.0), (40.0, -15.0), (35.0, -20.0), (35.0, -25.0),
    (32.0, -29.0), (27.0, -34.0), (20.0, -35.0), (18.0, -32.0), (15.0, -27.0), (12.0, -17.0),
    (13.0, -9.0), (9.0, -1.0), (9.0, 4.0), (5.0, 5.0), (-3.0, 5.0), (-8.0, 4.0), (-13.0, 8.0),
    (-17.0, 14.0),
];
#[rustfmt::skip]
const ASIA: &[(f32, f32)] = &[
    (26.0, 40.0), (36.0, 36.0), (35.0, 28.0), (43.0, 12.0), (52.0, 17.0), (57.0, 20.0),
    (59.0, 23.0), (57.0, 26.0), (62.0, 25.0), (67.0, 24.0), (70.0, 21.0), (73.0, 17.0),
    (77.0, 8.0), (80.0, 10.0), (80.0, 15.0), (87.0, 22.0), (92.0, 22.0), (94.0, 17.0),
    (98.0, 16.0), (98.0, 8.0), (101.0, 3.0), (104.0, 1.0), (103.0, 10.0), (106.0, 10.0),
    (109.0, 12.0), (109.0, 19.0), (114.0, 22.0), (121.0, 28.0), (122.0, 31.0), (120.0, 35.0),
    (122.0, 37.0), (118.0, 38.0), (121.0, 41.0), (126.0, 38.0), (129.0, 35.0), (130.0, 43.0),
    (141.0, 52.0), (136.0, 55.0), (143.0, 59.0), (152.0, 59.0), (156.0, 51.0), (163.0, 57.0),
    (163.0, 60.0), (172.0, 61.0), (180.0, 65.0), (180.0, 69.0), (160.0, 70.0), (140.0, 72.0),
    (113.0, 73.0), (110.0, 77.0), (100.0, 79.0), (80.0, 73.0), (70.0, 73.0), (68.0, 68.0),
    (60.0, 68.0), (60.0, 55.0), (58.0, 50.0), (50.0, 45.0), (48.0, 42.0), (40.0, 47.0),
    (30.0, 46.0), (28.0, 44.0), (29.0, 41.0),
];
#[rustfmt::skip]
const JAPAN: &[(f32, f32)] = &[
    (130.0, 31.0), (135.0, 33.5), (140.0, 35.0), (142.0, 39.0), (145.0, 43.5), (142.0, 45.5),
    (140.0, 43.0), (140.0, 41.0), (137.0, 37.0), (132.0, 35.0),
];
#[rustfmt::skip]
const INDONESIA: &[(f32, f32)] = &[
    (95.0, 5.0), (106.0, -6.0), (115.0, -8.0), (125.0, -8.0), (141.0, -9.0), (150.0, -10.0),
    (145.0, -5.0), (132.0, -1.0), (120.0, 1.0), (117.0, 7.0), (109.0, 2.0), (104.0, -1.0),
    (98.0, 4.0),
];
#[rustfmt::skip]
const AUSTRALIA: &[(f32, f32)] = &[
    (114.0, -22.0), (122.0, -18.0), (126.0, -14.0), (130.0, -12.0), (136.0, -12.0),
    (137.0, -15.0), (141.0, -12.0), (143.0, -11.0), (146.0, -19.0), (150.0, -23.0),
    (153.0, -28.0), (150.0, -37.0), (146.0, -39.0), (141.0, -38.0), (138.0, -35.0),
    (131.0, -31.0), (124.0, -33.0), (117.0, -35.0), (115.0, -33.0),
];
#[rustfmt::skip]
const ANTARCTICA: &[(f32, f32)] = &[(-180.0, -66.0), (180.0, -66.0), (180.0, -90.0), (-180.0, -90.0)];

const LAND: &[&[(f32, f32)]] = &[
    NORTH_AMERICA,
    GREENLAND,
    SOUTH_AMERICA,
    EUROPE,
    BRITAIN,
    IRELAND,
    AFRICA,
    ASIA,
    JAPAN,
    INDONESIA,
    AUSTRALIA,
    ANTARCTICA,
];

/// Region names and where to write them (longitude, latitude).
const REGION_LABELS: &[(&str, f32, f32)] = &[
    ("NORTH AMERICA", -100.0, 57.0),
    ("SOUTH AMERICA", -60.0, -12.0),
    ("GREENLAND", -42.0, 74.0),
    ("ATLANTIC OCEAN", -42.0, 32.0),
    ("PACIFIC OCEAN", -145.0, 22.0),
    ("EUROPE", 24.0, 52.0),
    ("AFRICA", 18.0, 10.0),
    ("ASIA", 92.0, 50.0),
    ("AUSTRALIA", 134.0, -26.0),
];

/// Even-odd rule: is the point inside the polygon?
fn inside(poly: &[(f32, f32)], lon: f32, lat: f32) -> bool {
    let mut inside = false;
    for (&(x1, y1), &(x2, y2)) in poly.iter().zip(poly.iter().cycle().skip(1)) {
        if (y1 > lat) != (y2 > lat) && lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// Which cells of the world's 3° grid are land, row by row from the north; worked out once.
static LAND_MASK: LazyLock<Vec<bool>> = LazyLock::new(|| {
    (0..LAND_ROWS * LAND_COLUMNS)
        .map(|k| {
            let (row, column) = (k / LAND_COLUMNS, k % LAND_COLUMNS);
            let lon = -180.0 + (column as f32 + 0.5) * LAND_STEP_DEG;
            let lat = 90.0 - (row as f32 + 0.5) * LAND_STEP_DEG;
            LAND.iter().any(|poly| inside(poly, lon, lat))
        })
        .collect()
});

/// The part of an equirectangular world map on screen: same degrees per point across and down.
struct MapView {
    rect: egui::Rect,
    west: f32,
    north: f32,
    deg_per_point: f32,
}

impl MapView {
    /// Frames every site with a margin, so a teacher's own cities still fit.
    fn fit(rect: egui::Rect, spec: &CloudSpec) -> Self {
        let (mut west, mut east, mut south, mut north) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for s in &spec.sites {
            let (lon, lat) = (s.lon_deg as f32, s.lat_deg as f32);
            west = west.min(lon);
            east = east.max(lon);
            south = south.min(lat);
            north = north.max(lat);
        }
        if west > east || south > north {
            (west, east, south, north) = (-130.0, 10.0, 20.0, 60.0);
        }
        let (west, east, south, north) = (west - 20.0, east + 20.0, south - 15.0, north + 15.0);
        let deg_per_point = ((east - west) / rect.width().max(1.0))
            .max((north - south) / rect.height().max(1.0))
            .max(0.01);
        let (centre_lon, centre_lat) = ((west + east) / 2.0, (south + north) / 2.0);
        Self {
            rect,
            west: centre_lon - rect.width() * deg_per_point / 2.0,
            north: centre_lat + rect.height() * deg_per_point / 2.0,
            deg_per_point,
        }
    }

    fn east(&self) -> f32 {
        self.west + self.rect.width() * self.deg_per_point
    }

    fn south(&self) -> f32 {
        self.north - self.rect.height() * self.deg_per_point
    }

    fn pos(&self, lon: f32, lat: f32) -> egui::Pos2 {
        egui::pos2(
            self.rect.left() + (lon - self.west) / self.deg_per_point,
            self.rect.top() + (self.north - lat) / self.deg_per_point,
        )
    }
}

/// Text on a dark box, kept inside `bounds`.
fn map_label(
    painter: &egui::Painter,
    bounds: egui::Rect,
    anchor: egui::Pos2,
    align: egui::Align2,
    text: String,
    size: f32,
    fg: egui::Color32,
) -> egui::Rect {
    let galley = painter.layout_no_wrap(text, egui::FontId::proportional(size), fg);
    let mut rect = align.anchor_size(anchor, galley.size());
    let dx = if rect.left() < bounds.left() + 4.0 {
        bounds.left() + 4.0 - rect.left()
    } else if rect.right() > bounds.right() - 4.0 {
        bounds.right() - 4.0 - rect.right()
    } else {
        0.0
    };
    rect = rect.translate(egui::vec2(dx, 0.0));
    painter.rect_filled(
        rect.expand(3.0),
        4.0,
        egui::Color32::from_rgba_unmultiplied(0, 0, 0, 170),
    );
    painter.galley(rect.min, galley, fg);
    rect
}

/// A gentle curve from `a` to `b`, bulging upwards, so routes that start together separate.
fn arc_points(a: egui::Pos2, b: egui::Pos2) -> Vec<egui::Pos2> {
    let d = b - a;
    let len = d.length().max(1.0e-3);
    let mut normal = egui::vec2(-d.y, d.x) / len;
    if normal.y > 0.0 {
        normal = -normal;
    }
    let control = a + d * 0.5 + normal * (len * 0.18);
    (0..=ARC_SEGMENTS)
        .map(|k| {
            let t = k as f32 / ARC_SEGMENTS as f32;
            let u = 1.0 - t;
            egui::pos2(
                u * u * a.x + 2.0 * u * t * control.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * control.y + t * t * b.y,
            )
        })
        .collect()
}

/// The point a fraction `f` along a polyline (by segment count, fine for an even curve).
fn along(points: &[egui::Pos2], f: f32) -> egui::Pos2 {
    if points.len() < 2 {
        return points.first().copied().unwrap_or(egui::Pos2::ZERO);
    }
    let x = f.clamp(0.0, 1.0) * (points.len() - 1) as f32;
    let i = (x.floor() as usize).min(points.len() - 2);
    points[i].lerp(points[i + 1], x - i as f32)
}

/// What a site's label says under its name at time `t`.
fn site_status(sim: Option<&Simulation>, index: usize, is_studio: bool, t: Seconds) -> String {
    let Some(sim) = sim else {
        return String::new();
    };
    if is_studio {
        return if t.0 < sim.wrap_at.0 {
            "🎬 filming".to_string()
        } else {
            "wrapped".to_string()
        };
    }
    let Some(o) = sim.outcome(index) else {
        return String::new();
    };
    let via = via_word(o.via);
    let ready_at = sim.wrap_at.0 + o.ready_after_wrap.0;
    let arrived = sim.delivered_fraction(index, t);
    if t.0 + 0.5 >= ready_at && arrived >= 1.0 {
        format!("✔ ready · by {via}")
    } else if arrived >= 1.0 {
        format!("copying the drive in · by {via}")
    } else {
        format!("{:.0}% arrived · by {via}", (arrived * 100.0).floor())
    }
}

fn draw_map(
    ui: &egui::Ui,
    rect: egui::Rect,
    spec: &CloudSpec,
    sim: Option<&Simulation>,
    t: Seconds,
    phase: f32,
) {
    let painter = ui.painter_at(rect);
    let view = MapView::fit(rect, spec);
    painter.rect_filled(rect, 6.0, egui::Color32::from_rgb(20, 42, 70));

    // Land as a dot matrix.
    let cell = LAND_STEP_DEG / view.deg_per_point;
    let dot = egui::vec2((cell - 1.5).max(1.0), (cell - 1.5).max(1.0));
    let land = egui::Color32::from_rgb(68, 110, 84);
    for (k, is_land) in LAND_MASK.iter().enumerate() {
        if !*is_land {
            continue;
        }
        let (row, column) = (k / LAND_COLUMNS, k % LAND_COLUMNS);
        let lon = -180.0 + (column as f32 + 0.5) * LAND_STEP_DEG;
        let lat = 90.0 - (row as f32 + 0.5) * LAND_STEP_DEG;
        if lon < view.west - LAND_STEP_DEG
            || lon > view.east() + LAND_STEP_DEG
            || lat > view.north + LAND_STEP_DEG
            || lat < view.south() - LAND_STEP_DEG
        {
            continue;
        }
        painter.rect_filled(
            egui::Rect::from_center_size(view.pos(lon, lat), dot),
            1.5,
            land,
        );
    }

    // Latitude and longitude every 30 degrees, labelled at the edges.
    let grid = egui::Stroke::new(
        1.0,
        egui::Color32::from_rgba_unmultiplied(255, 255, 255, 40),
    );
    let grid_text = egui::Color32::from_rgba_unmultiplied(255, 255, 255, 150);
    for k in -5..=5 {
        let lon = k as f32 * 30.0;
        let x = view.pos(lon, 0.0).x;
        if x > rect.left() && x < rect.right() {
            painter.line_segment(
                [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
                grid,
            );
            let name = match k {
                0 => "0°".to_string(),
                k if k < 0 => format!("{}°W", -k * 30),
                k => format!("{}°E", k * 30),
            };
            painter.text(
                egui::pos2(x + 3.0, rect.bottom() - 3.0),
                egui::Align2::LEFT_BOTTOM,
                name,
                egui::FontId::proportional(11.0),
                grid_text,
            );
        }
    }
    for k in -2..=2 {
        let lat = k as f32 * 30.0;
        let y = view.pos(0.0, lat).y;
        if y > rect.top() && y < rect.bottom() {
            painter.line_segment(
                [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
                grid,
            );
            let name = match k {
                0 => "Equator".to_string(),
                k if k < 0 => format!("{}°S", -k * 30),
                k => format!("{}°N", k * 30),
            };
            painter.text(
                egui::pos2(rect.left() + 4.0, y - 2.0),
                egui::Align2::LEFT_BOTTOM,
                name,
                egui::FontId::proportional(11.0),
                grid_text,
            );
        }
    }
    for (name, lon, lat) in REGION_LABELS {
        let at = view.pos(*lon, *lat);
        if rect.shrink(30.0).contains(at) {
            painter.text(
                at,
                egui::Align2::CENTER_CENTER,
                *name,
                egui::FontId::proportional(12.0),
                egui::Color32::from_rgba_unmultiplied(255, 255, 255, 110),
            );
        }
    }

    let studio = spec.studio().and_then(|i| spec.sites.get(i));
    // Routes: solid for the network, dashed for the courier, with what has arrived so far.
    if let (Some(sim), Some(studio)) = (sim, studio) {
        let from = view.pos(studio.lon_deg as f32, studio.lat_deg as f32);
        for o in &sim.sites {
            let Some(site) = spec.sites.get(o.site) else {
                continue;
            };
            let to = view.pos(site.lon_deg as f32, site.lat_deg as f32);
            let points = arc_points(from, to);
            let tone = role_colour(site.role);
            let stroke = egui::Stroke::new(2.5, tone);
            match o.via {
                Via::Network => {
                    painter.add(egui::Shape::line(points.clone(), stroke));
                }
                Via::Courier => {
                    painter.extend(egui::Shape::dashed_line(&points, stroke, 9.0, 6.0));
                }
            }
            let active = sim
                .transfers
                .iter()
                .find(|l| l.to == o.site && l.start.0 <= t.0 && t.0 < l.end.0);
            // Long routes get their word on the line; every site's label says it too.
            if (to - from).length() > 140.0 {
                let word = match (o.via, active) {
                    (Via::Network, Some(leg)) => {
                        format!("network · {} {} at once", leg.traffic, users(leg.traffic))
                    }
                    (via, _) => via_word(via).to_string(),
                };
                map_label(
                    &painter,
                    rect,
                    along(&points, 0.5) - egui::vec2(0.0, 4.0),
                    egui::Align2::CENTER_BOTTOM,
                    word,
                    11.0,
                    egui::Color32::WHITE,
                );
            }
            if let Some(leg) = active
                && leg.via == Via::Network
            {
                for k in 0..3 {
                    let f = (phase + k as f32 / 3.0).fract();
                    painter.circle_filled(
                        along(&points, f),
                        2.5,
                        egui::Color32::from_rgba_unmultiplied(255, 255, 255, 200),
                    );
                }
            }
            let arrived = sim.delivered_fraction(o.site, t);
            let at = along(&points, arrived);
            match o.via {
                Via::Network => {
                    painter.circle_filled(at, 5.5, egui::Color32::WHITE);
                    painter.circle_stroke(at, 5.5, egui::Stroke::new(2.0, tone));
                }
                Via::Courier => {
                    let van = egui::Rect::from_center_size(at, egui::vec2(11.0, 11.0));
                    painter.rect_filled(van, 1.0, egui::Color32::WHITE);
                    painter.rect_stroke(
                        van,
                        1.0,
                        egui::Stroke::new(2.0, tone),
                        egui::StrokeKind::Outside,
                    );
                }
            }
        }
    }

    // Sites: a circle with the role's shape, and a label with the city, role and status.
    // Labels alternate above and below from west to east so neighbours do not overlap.
    let mut order: Vec<usize> = (0..spec.sites.len()).collect();
    order.sort_by(|a, b| spec.sites[*a].lon_deg.total_cmp(&spec.sites[*b].lon_deg));
    for (n, &i) in order.iter().enumerate() {
        let Some(site) = spec.sites.get(i) else {
            continue;
        };
        let at = view.pos(site.lon_deg as f32, site.lat_deg as f32);
        let tone = role_colour(site.role);
        painter.circle_filled(at, 10.0, tone);
        painter.circle_stroke(at, 10.0, egui::Stroke::new(2.0, egui::Color32::WHITE));
        painter.text(
            at,
            egui::Align2::CENTER_CENTER,
            role_icon(site.role),
            egui::FontId::proportional(12.0),
            egui::Color32::BLACK,
        );
        let status = site_status(sim, i, site.is_studio(), t);
        let mut text = format!(
            "{} {}\n{}",
            role_icon(site.role),
            site.city,
            site.role.label()
        );
        if !status.is_empty() {
            text.push('\n');
            text.push_str(&status);
        }
        let (anchor, align) = if n.is_multiple_of(2) {
            (at + egui::vec2(0.0, 14.0), egui::Align2::CENTER_TOP)
        } else {
            (at - egui::vec2(0.0, 14.0), egui::Align2::CENTER_BOTTOM)
        };
        map_label(
            &painter,
            rect,
            anchor,
            align,
            text,
            13.0,
            egui::Color32::WHITE,
        );
    }

    if sim.is_none() {
        map_label(
            &painter,
            rect,
            rect.center_bottom() - egui::vec2(0.0, 24.0),
            egui::Align2::CENTER_BOTTOM,
            "Run the day to watch the footage travel.".to_string(),
            15.0,
            egui::Color32::WHITE,
        );
    }
    painter.rect_stroke(
        rect,
        6.0,
        egui::Stroke::new(
            1.5,
            egui::Color32::from_rgba_unmultiplied(255, 255, 255, 90),
        ),
        egui::StrokeKind::Inside,
    );
}

/// The day as a bar: filming, wrap, the deadline, when each collaborator was ready, and now.
fn day_timeline(
    ui: &mut egui::Ui,
    spec: &CloudSpec,
    sim: &Simulation,
    t: Seconds,
    span: f32,
    p: &Palette,
) {
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 50.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, color(p.panel));
    let bar = egui::Rect::from_min_max(
        egui::pos2(rect.left() + 8.0, rect.top() + 18.0),
        egui::pos2(rect.right() - 8.0, rect.top() + 28.0),
    );
    let x_of = |s: f64| bar.left() + ((s as f32) / span.max(1.0)).clamp(0.0, 1.0) * bar.width();
    let text = color(p.text);
    let small = egui::FontId::proportional(12.0);
    let wrap_x = x_of(sim.wrap_at.0);
    let deadline_x = x_of(sim.wrap_at.0 + sim.deadline.0);
    painter.rect_filled(bar, 2.0, color(p.border));
    painter.rect_filled(
        egui::Rect::from_min_max(bar.min, egui::pos2(wrap_x, bar.bottom())),
        2.0,
        egui::Color32::from_rgb(200, 95, 70),
    );
    painter.rect_filled(
        egui::Rect::from_min_max(
            egui::pos2(wrap_x, bar.top()),
            egui::pos2(deadline_x, bar.bottom()),
        ),
        0.0,
        egui::Color32::from_rgb(80, 150, 100),
    );
    painter.text(
        egui::pos2(bar.left(), bar.bottom() + 3.0),
        egui::Align2::LEFT_TOP,
        "filming",
        small.clone(),
        text,
    );
    for (x, label, align) in [
        (wrap_x, "wrap", egui::Align2::LEFT_TOP),
        (deadline_x, "deadline", egui::Align2::RIGHT_TOP),
    ] {
        painter.line_segment(
            [egui::pos2(x, rect.top() + 2.0), egui::pos2(x, bar.bottom())],
            egui::Stroke::new(2.0, text),
        );
        let dx = if align == egui::Align2::LEFT_TOP {
            3.0
        } else {
            -3.0
        };
        painter.text(
            egui::pos2(x + dx, rect.top() + 2.0),
            align,
            label,
            small.clone(),
            text,
        );
    }
    // When each collaborator was ready, as their shape under the bar.
    let mut placed: Vec<f32> = Vec::new();
    for o in &sim.sites {
        let Some(site) = spec.sites.get(o.site) else {
            continue;
        };
        let mut x = x_of(sim.wrap_at.0 + o.ready_after_wrap.0);
        while placed.iter().any(|q| (q - x).abs() < 12.0) {
            x += 12.0;
        }
        placed.push(x);
        painter.text(
            egui::pos2(x, bar.bottom() + 3.0),
            egui::Align2::CENTER_TOP,
            role_icon(site.role),
            egui::FontId::proportional(13.0),
            role_colour(site.role),
        );
    }
    let now_x = x_of(t.0);
    painter.line_segment(
        [
            egui::pos2(now_x, bar.top() - 5.0),
            egui::pos2(now_x, bar.bottom() + 5.0),
        ],
        egui::Stroke::new(3.0, color(p.focus)),
    );
}

// ---------------------------------------------------------------------------------------------
// Tab 2: Concept trailer
// ---------------------------------------------------------------------------------------------

fn prompt_controls(
    ui: &mut egui::Ui,
    state: &InnovationState,
    p: &Palette,
    out: &mut MessageWriter<InnovationCommand>,
) {
    ui.label(egui::RichText::new("Describe the trailer you want").strong());
    ui.label(muted(
        p,
        "Name a place (city, alien planet, arctic, desert), a mood, a time of day and colours. The generator reads only the words it knows.",
    ));
    let mut text = state.prompt_text.clone();
    let r = ui.add(
        egui::TextEdit::singleline(&mut text)
            .hint_text("a tense desert canyon at dusk in warm colours")
            .desired_width(f32::INFINITY)
            .char_limit(MAX_PROMPT_CHARS),
    );
    if r.changed() {
        out.write(InnovationCommand::SetPrompt(text.clone()));
    }
    // Enter in the box generates (the box gives up its focus on Enter).
    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        out.write(InnovationCommand::Generate);
    }
    ui.label(muted(p, "Or pick:"));
    let current = state.prompt;
    let base = current.unwrap_or_else(|| default_prompt(state.concept_seed()));
    let mut pick: Option<ConceptPrompt> = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Setting:").strong());
        for s in Setting::ALL {
            if ui
                .radio(current.map(|c| c.setting) == Some(s), s.label())
                .clicked()
            {
                pick = Some(ConceptPrompt { setting: s, ..base });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Mood:").strong());
        for m in PromptMood::ALL {
            let r = ui
                .radio(current.map(|c| c.mood) == Some(m), m.label())
                .on_hover_text(format!("Camera: {}", m.camera_move()));
            if r.clicked() {
                pick = Some(ConceptPrompt { mood: m, ..base });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Time of day:").strong());
        for time in TimeOfDay::ALL {
            if ui
                .radio(current.map(|c| c.time) == Some(time), time.label())
                .clicked()
            {
                pick = Some(ConceptPrompt { time, ..base });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Colours:").strong());
        for palette in ColourLook::ALL {
            if ui
                .radio(current.map(|c| c.palette) == Some(palette), palette.label())
                .clicked()
            {
                pick = Some(ConceptPrompt { palette, ..base });
            }
        }
    });
    if let Some(prompt) = pick {
        out.write(InnovationCommand::PickPrompt(prompt));
    }
    ui.label(muted(
        p,
        format!(
            "Seed {}: the same prompt with the same seed always gives the same concept.",
            state.concept_seed()
        ),
    ));
    if let Some(e) = &state.prompt_error {
        ui.label(egui::RichText::new(format!("⚠ {e}")).color(color(p.warning)));
    }
    ui.add_space(6.0);
    if action_button(ui, p, "Generate concept ▶", !state.is_complete()).clicked() {
        out.write(InnovationCommand::Generate);
    }
    ui.add_space(4.0);
    if state.trailer_time.is_some() {
        if ui.button("■ Stop the trailer").clicked() {
            out.write(InnovationCommand::StopTrailer);
        }
    } else if ui
        .add_enabled(
            state.concept.is_some(),
            egui::Button::new("Play trailer ▶").min_size(egui::vec2(160.0, 32.0)),
        )
        .clicked()
    {
        out.write(InnovationCommand::PlayTrailer);
    }
    ui.add_space(4.0);
    ui.label(format!(
        "Concepts generated: {} · prompts tried: {}",
        state.generations, state.distinct_prompts
    ));
}

fn concept_results(ui: &mut egui::Ui, state: &InnovationState, p: &Palette) {
    card(p).show(ui, |ui| {
        ui.label(egui::RichText::new(format!("ℹ {SIMULATION_NOTE}")).color(color(p.text)));
    });
    ui.add_space(6.0);
    if !state.prompt_lines.is_empty() {
        ui.label(egui::RichText::new("How the generator read your prompt").strong());
        for line in &state.prompt_lines {
            let icon = if line.starts_with("understood") {
                "✔"
            } else if line.starts_with("assumed") {
                "ℹ"
            } else {
                "○"
            };
            ui.label(format!("{icon} {line}"));
        }
        ui.add_space(6.0);
    }
    match &state.concept {
        None => {
            ui.label(muted(p, "No concept yet: press Generate concept ▶ (or G)."));
        }
        Some(concept) => {
            ui.label(
                egui::RichText::new(format!("🎬 {}", concept.shot_title))
                    .size(18.0)
                    .strong(),
            );
            ui.label(muted(
                p,
                format!("From the prompt: \"{}\"", concept.prompt.to_text()),
            ));
            ui.label(egui::RichText::new("How each part of the prompt changed the scene").strong());
            for note in &concept.notes {
                ui.label(format!("· {note}"));
            }
        }
    }
}

fn trailer_panel(
    ui: &mut egui::Ui,
    state: &InnovationState,
    p: &Palette,
    out: &mut MessageWriter<InnovationCommand>,
) {
    ui.columns(2, |columns| {
        if let [left, right] = columns {
            egui::ScrollArea::vertical()
                .id_salt("trailer_controls_scroll")
                .show(left, |ui| prompt_controls(ui, state, p, out));
            egui::ScrollArea::vertical()
                .id_salt("trailer_results_scroll")
                .show(right, |ui| concept_results(ui, state, p));
        }
    });
}

/// A small caption at the bottom of the free 3D area: the shot and the trailer clock.
fn trailer_caption(ctx: &egui::Context, state: &InnovationState, p: &Palette) {
    let screen = ctx.viewport_rect();
    let free_left = screen.left() + screen.width() * TRAILER_VIEWPORT_FRACTION;
    let centre_x = (free_left + screen.right()) / 2.0;
    let max_width = (screen.right() - free_left - 40.0).max(120.0);
    let (title, clock) = match &state.concept {
        Some(concept) => (
            format!("🎬 {}", concept.shot_title),
            match state.trailer_time {
                Some(t) => format!("▶ {t:.1} s / {TRAILER_SECONDS:.0} s"),
                None => format!("■ stopped · 0.0 s / {TRAILER_SECONDS:.0} s · press P to play"),
            },
        ),
        None => (
            "Your concept trailer will play here.".to_string(),
            "Write or pick a prompt, then Generate concept ▶.".to_string(),
        ),
    };
    egui::Area::new(egui::Id::new("innovation_trailer_caption"))
        .anchor(
            egui::Align2::CENTER_BOTTOM,
            egui::vec2(centre_x - screen.center().x, -60.0),
        )
        .interactable(false)
        .show(ctx, |ui| {
            card(p).show(ui, |ui| {
                ui.set_max_width(max_width);
                ui.label(egui::RichText::new(title).strong());
                ui.label(clock);
            });
        });
}

// ---------------------------------------------------------------------------------------------
// The screen
// ---------------------------------------------------------------------------------------------

fn innovation_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    state: Option<Res<InnovationState>>,
    content: Res<GameContent>,
    mut ui_state: ResMut<InnovationUi>,
    mut out: MessageWriter<InnovationCommand>,
    mut tour: MessageWriter<TourCommand>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    // Every control is reachable with Tab, and the prompt box keeps its focus while typing.
    allow_focus.0 = true;
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let spec = &content.cloud;
    let tab = ui_state.tab;
    let mut root = root_ui(ctx, "innovation");
    let hints: &[(&str, &str)] = match tab {
        InnovationTab::Cloud => &[
            ("1 2", "tabs"),
            ("R", "run the day"),
            ("Enter", "run / continue"),
            ("Tab Space", "move to / press a control"),
            ("Esc", "map"),
        ],
        InnovationTab::Trailer => &[
            ("1 2", "tabs"),
            ("G", "generate"),
            ("P", "play / stop trailer"),
            ("Enter", "generate / continue"),
            ("Tab Space", "move to / press a control"),
            ("Esc", "map"),
        ],
    };
    hint_bar(&mut root, &p, hints);
    let panel_frame = egui::Frame::new()
        .fill(color(p.panel))
        .inner_margin(egui::Margin::same(10));
    match tab {
        InnovationTab::Cloud => {
            egui::Panel::top("innovation_header")
                .frame(panel_frame)
                .show(&mut root, |ui| {
                    header(ui, &state, &p, &mut ui_state.tab, &mut tour)
                });
            egui::Panel::left("cloud_plan")
                .exact_size(340.0)
                .frame(panel_frame)
                .show(&mut root, |ui| plan_panel(ui, spec, &state, &p, &mut out));
            egui::Panel::right("cloud_results")
                .exact_size(380.0)
                .frame(panel_frame)
                .show(&mut root, |ui| results_panel(ui, spec, &state, &p));
            egui::CentralPanel::default()
                .frame(
                    egui::Frame::new()
                        .fill(color(p.background))
                        .inner_margin(egui::Margin::same(10)),
                )
                .show(&mut root, |ui| {
                    map_panel(ui, spec, &state, &p, settings.reduced_motion, &mut out)
                });
        }
        InnovationTab::Trailer => {
            // The right part of the window stays empty: the 3D fly-through shows there.
            let width = ctx.viewport_rect().width() * TRAILER_VIEWPORT_FRACTION;
            egui::Panel::left("trailer_controls")
                .exact_size(width)
                .frame(panel_frame)
                .show(&mut root, |ui| {
                    header(ui, &state, &p, &mut ui_state.tab, &mut tour);
                    ui.separator();
                    trailer_panel(ui, &state, &p, &mut out);
                });
            trailer_caption(ctx, &state, &p);
        }
    }
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<InnovationUi>()
        .add_systems(OnEnter(StopPhase::Level), reset_ui.run_if(is_innovation))
        .add_systems(
            Update,
            innovation_keys
                .run_if(in_state(StopPhase::Level).and_then(is_innovation))
                .before(crate::tour::flow::TourSystems::Play),
        )
        .add_systems(
            EguiPrimaryContextPass,
            innovation_ui
                .in_set(UiSystems::Screens)
                .run_if(in_state(StopPhase::Level).and_then(is_innovation)),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_sites_of_the_lesson_are_on_land() {
        let spec =
            crate::stops::innovation::cloud::bundled_cloud().expect("bundled innovation.ron");
        // Near enough: each city's cell or a neighbour is land (coastal cities sit on edges).
        for site in &spec.sites {
            let (lon, lat) = (site.lon_deg as f32, site.lat_deg as f32);
            let steps = [-3.0_f32, 0.0, 3.0];
            let near_land = steps.iter().any(|dx| {
                steps
                    .iter()
                    .any(|dy| LAND.iter().any(|poly| inside(poly, lon + *dx, lat + *dy)))
            });
            assert!(near_land, "{} is at sea", site.city);
        }
        assert!(
            !LAND.iter().any(|poly| inside(poly, -40.0, 35.0)),
            "mid-Atlantic"
        );
        assert_eq!(LAND_MASK.len(), LAND_ROWS * LAND_COLUMNS);
    }

    #[test]
    fn the_map_frames_every_site() {
        let spec =
            crate::stops::innovation::cloud::bundled_cloud().expect("bundled innovation.ron");
        let rect = egui::Rect::from_min_size(egui::pos2(100.0, 50.0), egui::vec2(540.0, 300.0));
        let view = MapView::fit(rect, &spec);
        for site in &spec.sites {
            let at = view.pos(site.lon_deg as f32, site.lat_deg as f32);
            assert!(rect.shrink(20.0).contains(at), "{} at {at:?}", site.city);
        }
    }

    #[test]
    fn curves_start_and_end_at_their_sites() {
        let (a, b) = (egui::pos2(10.0, 100.0), egui::pos2(300.0, 80.0));
        let points = arc_points(a, b);
        assert_eq!(along(&points, 0.0), a);
        assert!((along(&points, 1.0) - b).length() < 1.0e-3);
        // Bulges upwards (smaller y on screen).
        assert!(along(&points, 0.5).y < 90.0);
        assert_eq!(along(&[], 0.5), egui::Pos2::ZERO);
    }
}
