//! A host's portrait, painted with egui from the same look as their 3D figure: head, hair,
//! face and shoulders in their clothes. Drawn on the dialogue panel, the briefing and the
//! Conclusion's crew gallery; cheap, and it needs no render target.

use bevy_egui::egui;

use crate::crew::model::{HairStyle, Look, Rgb};

fn paint(c: Rgb) -> egui::Color32 {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    egui::Color32::from_rgb(byte(c.0), byte(c.1), byte(c.2))
}

/// Points on a circle's arc from angle `from` to `to` (radians, 0 = right, clockwise on screen).
fn arc(centre: egui::Pos2, radius: f32, from: f32, to: f32, steps: usize) -> Vec<egui::Pos2> {
    (0..=steps)
        .map(|i| {
            let a = from + (to - from) * i as f32 / steps as f32;
            centre + radius * egui::vec2(a.cos(), a.sin())
        })
        .collect()
}

/// Paint a portrait `size` points square; returns its response (hover shows nothing extra).
pub fn portrait(
    ui: &mut egui::Ui,
    look: &Look,
    size: f32,
    backdrop: egui::Color32,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let s = size;
    painter.rect_filled(rect, s * 0.18, backdrop);
    let outline = egui::Stroke::new((s * 0.02).max(1.0), egui::Color32::from_black_alpha(90));
    // Shoulders: the top's colour, a rounded block at the bottom.
    let shoulders = egui::Rect::from_center_size(
        rect.center_bottom() + egui::vec2(0.0, -s * 0.08),
        egui::vec2(s * 0.78, s * 0.36),
    );
    painter.rect_filled(shoulders, s * 0.14, paint(look.top));
    let neck = egui::Rect::from_center_size(
        rect.center() + egui::vec2(0.0, s * 0.22),
        egui::vec2(s * 0.16, s * 0.14),
    );
    painter.rect_filled(neck, 0.0, paint(look.skin));
    let head = rect.center() + egui::vec2(0.0, -s * 0.04);
    let r = s * 0.24;
    let hair = paint(look.hair);
    if look.hair_style == HairStyle::Long {
        // Long hair falls behind the head to the shoulders.
        let back = egui::Rect::from_center_size(
            head + egui::vec2(0.0, r * 0.6),
            egui::vec2(r * 2.3, r * 2.2),
        );
        painter.rect_filled(back, r * 0.6, hair);
    }
    painter.circle_filled(head, r, paint(look.skin));
    painter.circle_stroke(head, r, outline);
    use std::f32::consts::PI;
    match look.hair_style {
        HairStyle::Short | HairStyle::Long => {
            let cap = arc(head, r * 1.06, PI * 1.02, PI * 1.98, 16);
            painter.add(egui::Shape::convex_polygon(cap, hair, egui::Stroke::NONE));
        }
        HairStyle::Bun => {
            let cap = arc(head, r * 1.04, PI * 1.05, PI * 1.95, 16);
            painter.add(egui::Shape::convex_polygon(cap, hair, egui::Stroke::NONE));
            painter.circle_filled(head + egui::vec2(0.0, -r * 1.15), r * 0.38, hair);
        }
        HairStyle::Cap => {
            // A cap in the hair colour, with its brim to one side.
            let cap = arc(head, r * 1.08, PI * 1.0, PI * 2.0, 16);
            painter.add(egui::Shape::convex_polygon(cap, hair, egui::Stroke::NONE));
            let brim = egui::Rect::from_min_size(
                head + egui::vec2(-r * 0.1, -r * 0.22),
                egui::vec2(r * 1.35, r * 0.22),
            );
            painter.rect_filled(brim, r * 0.1, hair);
        }
        HairStyle::Bald => {}
    }
    // The face: two eyes and a smile.
    let eye = egui::Color32::from_rgb(30, 30, 36);
    for side in [-1.0, 1.0] {
        painter.circle_filled(head + egui::vec2(side * r * 0.38, r * 0.05), r * 0.1, eye);
    }
    let smile = arc(
        head + egui::vec2(0.0, r * 0.18),
        r * 0.42,
        PI * 0.2,
        PI * 0.8,
        8,
    );
    painter.add(egui::Shape::line(
        smile,
        egui::Stroke::new((s * 0.025).max(1.0), eye),
    ));
    response
}
