//! Tab 1, "Studio in the Cloud": the plan on the left, the animated world map and the day's
//! timeline in the middle, and what happened with the units maths on the right.

use bevy::prelude::*;
use bevy_egui::egui;

use super::pieces::{action_button, muted, role_colour, role_icon, users, via_word};
use super::world_map::draw_map;
use crate::stops::innovation::cloud::{CloudSpec, Seconds, Simulation};
use crate::stops::innovation::level::{InnovationCommand, InnovationState};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;

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

pub(super) fn plan_panel(
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
                            // Both rates say "per second" already; ÷ 8 turns bits into bytes.
                            "{} · {} ÷ 8 bits per byte = {}",
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

pub(super) fn results_panel(
    ui: &mut egui::Ui,
    spec: &CloudSpec,
    state: &InnovationState,
    p: &Palette,
) {
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

pub(super) fn map_panel(
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
