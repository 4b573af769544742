//! The standings table, the podium, the points breakdown, and the end-of-camp page with export
//! and "End camp".

use bevy::prelude::*;
use bevy_egui::egui;

use super::parts::{ordinal, team_color, team_line, warning_line};
use crate::classroom::camp::model::{CampSession, Standing};
use crate::classroom::camp::play::CampCommand;
use crate::ui::model::palette::Palette;
use crate::ui::theme::{BODY_SIZE, color};
use crate::ui::widgets::{stars_text, value_bar};

/// The standings, best first: place (ties say so), team, points as a bar with the number,
/// stops played and questions right on the first try.
pub(super) fn scoreboard_grid(ui: &mut egui::Ui, p: &Palette, rows: &[Standing], id: &str) {
    let top = rows.iter().map(|r| r.points).max().unwrap_or(0).max(1);
    egui::Grid::new(id)
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            for head in ["Place", "Team", "Points", "Stops played", "Right first try"] {
                ui.label(egui::RichText::new(head).strong());
            }
            ui.end_row();
            for row in rows {
                let tied = rows.iter().filter(|r| r.rank == row.rank).count() > 1;
                let place = if tied {
                    format!("{} (tie)", ordinal(row.rank))
                } else {
                    ordinal(row.rank)
                };
                ui.label(egui::RichText::new(place).strong());
                team_line(ui, p, row.color, row.icon, &row.name, BODY_SIZE);
                value_bar(
                    ui,
                    p,
                    row.points as f32 / top as f32,
                    color(p.accent),
                    egui::RichText::new(format!("{} pts", row.points)).strong(),
                    220.0,
                );
                ui.label(row.stops_done.to_string());
                ui.label(format!("{} of {}", row.first_try, row.questions));
                ui.end_row();
            }
        });
}

/// Blocks for 1st, 2nd and 3rd place drawn side by side, the tallest in the middle, with each
/// team's swatch, icon, name and points above its block. Teams that tie share a block, since
/// they share the place.
fn podium_blocks(ui: &mut egui::Ui, p: &Palette, podium: &[Standing]) {
    let mut groups: Vec<(usize, Vec<&Standing>)> = Vec::new();
    for s in podium {
        match groups.iter_mut().find(|(rank, _)| *rank == s.rank) {
            Some((_, teams)) => teams.push(s),
            None => groups.push((s.rank, vec![s])),
        }
    }
    groups.sort_by_key(|(rank, _)| *rank);
    if groups.is_empty() {
        return;
    }
    // Columns left to right show the 2nd, 1st and 3rd best places.
    const COLUMN_GROUP: [usize; 3] = [1, 0, 2];
    const COLUMN_W: f32 = 250.0;
    const GAP: f32 = 16.0;
    const BLOCK_MAX: f32 = 170.0;
    const LINE_H: f32 = 28.0;
    let most = groups.iter().map(|(_, t)| t.len()).max().unwrap_or(1) as f32;
    let size = egui::vec2(
        COLUMN_W * 3.0 + GAP * 2.0,
        most * 2.0 * LINE_H + BLOCK_MAX + 8.0,
    );
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter();
    for (column, &group) in COLUMN_GROUP.iter().enumerate() {
        let Some((rank, teams)) = groups.get(group) else {
            continue;
        };
        let height = BLOCK_MAX
            * match rank {
                1 => 1.0,
                2 => 0.72,
                _ => 0.5,
            };
        let left = rect.left() + column as f32 * (COLUMN_W + GAP);
        let block = egui::Rect::from_min_max(
            egui::pos2(left, rect.bottom() - height),
            egui::pos2(left + COLUMN_W, rect.bottom()),
        );
        let (fill, number) = if *rank == 1 {
            (p.accent, p.accent_text)
        } else {
            (p.button, p.text)
        };
        painter.rect_filled(block, 6.0, color(fill));
        painter.rect_stroke(
            block,
            6.0,
            egui::Stroke::new(2.0, color(p.border)),
            egui::StrokeKind::Inside,
        );
        painter.text(
            block.center(),
            egui::Align2::CENTER_CENTER,
            ordinal(*rank),
            egui::FontId::proportional(40.0),
            color(number),
        );
        let mut y = block.top() - 4.0;
        for s in teams.iter().rev() {
            painter.text(
                egui::pos2(block.center().x, y),
                egui::Align2::CENTER_BOTTOM,
                format!("{} pts", s.points),
                egui::FontId::proportional(18.0),
                color(p.muted_text),
            );
            y -= LINE_H;
            let name = painter.text(
                egui::pos2(block.center().x + 12.0, y),
                egui::Align2::CENTER_BOTTOM,
                format!("{} {}", s.icon.glyph(), s.name),
                egui::FontId::proportional(22.0),
                color(p.text),
            );
            let square = egui::Rect::from_min_size(
                egui::pos2(name.left() - 24.0, name.center().y - 8.0),
                egui::vec2(16.0, 16.0),
            );
            painter.rect_filled(square, 3.0, team_color(s.color));
            painter.rect_stroke(
                square,
                3.0,
                egui::Stroke::new(1.0, color(p.text)),
                egui::StrokeKind::Outside,
            );
            y -= LINE_H;
        }
    }
}

/// Each team's points stop by stop, so a team can see where its points came from.
pub(super) fn breakdown(ui: &mut egui::Ui, session: &CampSession, id: &str) {
    egui::CollapsingHeader::new("Where the points came from")
        .id_salt(id)
        .show(ui, |ui| {
            egui::Grid::new((id, "grid")).striped(true).show(ui, |ui| {
                for head in ["Team", "Stop", "Level", "Questions", "Speed", "Total"] {
                    ui.label(egui::RichText::new(head).strong());
                }
                ui.end_row();
                for standing in session.scoreboard() {
                    let Ok(stops) = session.stop_breakdown(standing.team) else {
                        continue;
                    };
                    for s in stops {
                        ui.label(format!("{} {}", standing.icon.glyph(), standing.name));
                        ui.label(s.stop.to_string());
                        ui.label(s.level_stars.map_or_else(
                            || "no level".to_string(),
                            |stars| format!("{} = {} pts", stars_text(stars), s.level_points),
                        ));
                        ui.label(format!(
                            "{} of {} solved = {} pts",
                            s.solved, s.questions, s.attempt_points
                        ));
                        ui.label(format!("{} pts", s.speed_points));
                        ui.label(egui::RichText::new(format!("{} pts", s.total)).strong());
                        ui.end_row();
                    }
                }
            });
        });
}

pub(super) fn export_controls(
    ui: &mut egui::Ui,
    p: &Palette,
    exported: Option<&Result<String, String>>,
    out: &mut MessageWriter<CampCommand>,
) {
    if ui.button("Export results (CSV)").clicked() {
        out.write(CampCommand::Export);
    }
    match exported {
        Some(Ok(said)) => {
            ui.label(egui::RichText::new(format!("✔ {said}")).color(color(p.success)));
        }
        Some(Err(e)) => warning_line(ui, p, &format!("Could not export the results: {e}")),
        None => {}
    }
}

/// "End camp", then a second, explicit yes: ending deletes the saved camp.
pub(super) fn end_controls(
    ui: &mut egui::Ui,
    p: &Palette,
    confirm: &mut bool,
    out: &mut MessageWriter<CampCommand>,
) {
    if !*confirm {
        if ui.button("End camp").clicked() {
            *confirm = true;
        }
        return;
    }
    warning_line(
        ui,
        p,
        "End the camp? Its scores are deleted from this computer; export them first to keep them.",
    );
    ui.horizontal(|ui| {
        if ui.button("Yes, end the camp").clicked() {
            out.write(CampCommand::End);
            *confirm = false;
        }
        if ui.button("No, keep it").clicked() {
            *confirm = false;
        }
    });
}

/// The end of the camp: the podium, the full standings, the breakdown, export and end.
pub(super) fn podium_section(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &CampSession,
    exported: Option<&Result<String, String>>,
    confirm_end: &mut bool,
    out: &mut MessageWriter<CampCommand>,
) {
    ui.label(
        egui::RichText::new("★ Camp results")
            .size(34.0)
            .strong()
            .color(color(p.accent)),
    );
    let stops = session.options().stops.len();
    let (done, total) = session.turn_progress();
    ui.label(format!(
        "{} teams, {stops} {} · {done} of {total} turns played",
        session.setup().len(),
        if stops == 1 { "stop" } else { "stops" }
    ));
    ui.add_space(8.0);
    podium_blocks(ui, p, &session.podium());
    ui.add_space(8.0);
    ui.label(egui::RichText::new("Full standings").strong());
    scoreboard_grid(ui, p, &session.scoreboard(), "camp-final-standings");
    breakdown(ui, session, "camp-final-breakdown");
    ui.add_space(8.0);
    export_controls(ui, p, exported, out);
    end_controls(ui, p, confirm_end, out);
}
