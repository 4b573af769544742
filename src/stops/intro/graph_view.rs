//! Stop 0's dependency graph, painted with egui: every needed part as a box in rows, an arrow
//! from each part to the parts that need it, and each box's state in words and colour. The
//! student traces a failure on it (a box says only that it stopped, never why) and clicks a
//! box to inspect it.

use bevy_egui::egui;

use crate::stops::intro::level::IntroState;
use crate::stops::intro::model::{IntroPhase, ProductionStatus, graph};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::focus_ring;

const NAME_SIZE: f32 = 18.0;
const STATE_SIZE: f32 = 16.0;
const GAP: f32 = 10.0;

/// How one box reads: its state in words and the colour of its border.
fn node_state(
    p: &Palette,
    state: &IntroState,
    status: &ProductionStatus,
    id: &str,
) -> (&'static str, egui::Color32) {
    if let IntroPhase::Predict { pull, marked } = &state.level.phase {
        if pull == id {
            return ("▶ to pull", color(p.accent));
        }
        if marked.contains(id) {
            return ("☑ you: stops", color(p.warning));
        }
        return ("☐ working", color(p.success));
    }
    if status.stalls.iter().any(|s| s.part == id) {
        ("⏸ stopped", color(p.warning))
    } else {
        ("✔ working", color(p.success))
    }
}

/// Paint the graph into `ui`, at most `max_height` tall. Returns the part clicked, if any.
pub(super) fn dependency_graph(
    ui: &mut egui::Ui,
    p: &Palette,
    state: &IntroState,
    status: &ProductionStatus,
    selected: Option<&str>,
    max_height: f32,
) -> Option<String> {
    let spec = &state.level.spec;
    let board = &state.level.board;
    ui.label(
        egui::RichText::new("How the parts connect")
            .strong()
            .size(22.0),
    );
    ui.label(
        egui::RichText::new("Each arrow points from a part to a part that needs it.")
            .color(color(p.muted_text)),
    );
    // While building, only what is connected shows: the graph grows as the parts go in.
    let layers = graph::layers(spec);
    let rows: Vec<Vec<&str>> = layers
        .iter()
        .map(|row| {
            row.iter()
                .map(String::as_str)
                .filter(|id| board.connected.contains(*id))
                .collect()
        })
        .filter(|row: &Vec<&str>| !row.is_empty())
        .collect();
    if rows.is_empty() {
        ui.label("Connect a part to see it here.");
        return None;
    }
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let width = ui.available_width();
    let node_w = ((width - GAP * (columns - 1.0)) / columns).min(190.0);
    let galleys: Vec<Vec<_>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|id| {
                    let name = spec.part(id).map_or(*id, |p| p.name.as_str());
                    ui.painter().layout(
                        name.to_string(),
                        egui::FontId::proportional(NAME_SIZE),
                        color(p.text),
                        node_w - 12.0,
                    )
                })
                .collect()
        })
        .collect();
    let name_h = galleys
        .iter()
        .flatten()
        .map(|g| g.size().y)
        .fold(0.0, f32::max);
    let node_h = name_h + STATE_SIZE * 1.3 + 14.0;
    let n = rows.len() as f32;
    let height_left = max_height.min(ui.available_height()) - 4.0;
    let row_gap = ((height_left - n * node_h) / (n - 1.0).max(1.0)).clamp(16.0, 48.0);
    let total_h = n * node_h + (n - 1.0) * row_gap;
    let (area, _) = ui.allocate_exact_size(egui::vec2(width, total_h), egui::Sense::hover());
    let mut boxes: Vec<(&str, egui::Rect)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let y = area.top() + r as f32 * (node_h + row_gap);
        for (i, id) in row.iter().enumerate() {
            let cx = area.left() + width * (i as f32 + 0.5) / row.len() as f32;
            let rect = egui::Rect::from_center_size(
                egui::pos2(cx, y + node_h / 2.0),
                egui::vec2(node_w, node_h),
            );
            boxes.push((id, rect));
        }
    }
    // Arrows go first, so the boxes sit on top of them.
    paint_arrows(ui, p, state, &boxes, selected);
    paint_boxes(ui, p, state, status, &boxes, galleys, selected)
}

/// An arrow from each box to each box that needs it; the selected part's arrows stand out.
fn paint_arrows(
    ui: &egui::Ui,
    p: &Palette,
    state: &IntroState,
    boxes: &[(&str, egui::Rect)],
    selected: Option<&str>,
) {
    let spec = &state.level.spec;
    let rect_of = |id: &str| boxes.iter().find(|(b, _)| *b == id).map(|(_, r)| *r);
    for (id, to) in boxes {
        let Some(part) = spec.part(id) else { continue };
        for need in &part.requires {
            let Some(from) = rect_of(need) else { continue };
            let lit = selected.is_some_and(|s| s == *id || s == need);
            let stroke = if lit {
                egui::Stroke::new(4.0, color(p.accent))
            } else {
                egui::Stroke::new(2.5, color(p.muted_text))
            };
            arrow(ui.painter(), from.center_bottom(), to.center_top(), stroke);
        }
    }
}

/// Each part's box: its name, its state in words and a border in the state's colour; a click
/// on a box picks that part.
fn paint_boxes(
    ui: &egui::Ui,
    p: &Palette,
    state: &IntroState,
    status: &ProductionStatus,
    boxes: &[(&str, egui::Rect)],
    galleys: Vec<Vec<std::sync::Arc<egui::Galley>>>,
    selected: Option<&str>,
) -> Option<String> {
    let mut clicked = None;
    for ((id, rect), galley) in boxes.iter().zip(galleys.into_iter().flatten()) {
        let (words, tone) = node_state(p, state, status, id);
        let painter = ui.painter();
        painter.rect_filled(*rect, 6.0, color(p.button));
        painter.rect_stroke(
            *rect,
            6.0,
            egui::Stroke::new(3.0, tone),
            egui::StrokeKind::Inside,
        );
        painter.galley(
            rect.left_top() + egui::vec2(6.0, 5.0),
            galley,
            color(p.text),
        );
        painter.text(
            egui::pos2(rect.left() + 6.0, rect.bottom() - 6.0),
            egui::Align2::LEFT_BOTTOM,
            words,
            egui::FontId::proportional(STATE_SIZE),
            tone,
        );
        if selected == Some(*id) {
            focus_ring(ui, *rect, p);
        }
        let response = ui.interact(*rect, ui.id().with(("part-box", *id)), egui::Sense::click());
        if response.clicked() {
            clicked = Some(id.to_string());
        }
    }
    clicked
}

/// A line from `from` to `to` with a solid head at `to`.
fn arrow(painter: &egui::Painter, from: egui::Pos2, to: egui::Pos2, stroke: egui::Stroke) {
    let dir = (to - from).normalized();
    let head = 12.0;
    let base = to - dir * head;
    let side = egui::vec2(-dir.y, dir.x) * head * 0.55;
    painter.line_segment([from, base], stroke);
    painter.add(egui::Shape::convex_polygon(
        vec![to, base + side, base - side],
        stroke.color,
        egui::Stroke::NONE,
    ));
}
