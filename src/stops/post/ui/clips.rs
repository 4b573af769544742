//! Stop 3's task (b), "which clip is in sync?": the talking actor in the viewer and the task
//! card. A student plays clips A, B, C, D and picks one; in presenter mode the clips are shown
//! large for a class show of hands and only the teacher's Reveal shows the answer.

use bevy::prelude::*;
use bevy_egui::egui;

use super::panels::{input_error, verdict_line};
use crate::stops::post::level::{PostCommand, PostState, Viewer};
use crate::stops::post::model::{TalkingPicture, clip_letter};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::primary_button;

/// Peaks of the clip's sound per eighth of a frame, for the sound meter.
pub(super) const PEAKS_PER_FRAME: usize = 8;

/// The talking actor at the playhead's frame: the lips open on the picture's frames, and a
/// sound meter follows the clip's real soundtrack (what a deaf student watches instead).
pub(super) fn talking_viewer(
    painter: &egui::Painter,
    rect: egui::Rect,
    state: &PostState,
    picture: &TalkingPicture,
    sound: &[f32],
    large: bool,
) {
    let frame = state.playhead_frame();
    let open = picture.mouth_open(frame);
    let face = rect.center() + egui::vec2(0.0, 12.0);
    let radius = (rect.height() * 0.36).min(80.0);
    painter.circle_filled(face, radius, egui::Color32::from_rgb(225, 180, 140));
    for dx in [-0.35, 0.35] {
        painter.circle_filled(
            face + egui::vec2(dx * radius, -0.25 * radius),
            radius * 0.1,
            egui::Color32::BLACK,
        );
    }
    let mouth_h = if open { radius * 0.35 } else { radius * 0.06 };
    painter.rect_filled(
        egui::Rect::from_center_size(
            face + egui::vec2(0.0, 0.42 * radius),
            egui::vec2(radius * 0.65, mouth_h),
        ),
        6.0,
        egui::Color32::from_rgb(90, 20, 30),
    );
    let white = egui::Color32::WHITE;
    if let Viewer::Clip(index) = state.viewer {
        painter.text(
            rect.right_top() + egui::vec2(-12.0, 6.0),
            egui::Align2::RIGHT_TOP,
            format!("CLIP {}", clip_letter(index)),
            egui::FontId::proportional(if large { 44.0 } else { 26.0 }),
            egui::Color32::from_rgb(255, 220, 90),
        );
    }
    painter.text(
        rect.left_top() + egui::vec2(10.0, 8.0),
        egui::Align2::LEFT_TOP,
        format!("PICTURE · lips {}", if open { "open" } else { "closed" }),
        egui::FontId::proportional(16.0),
        white,
    );
    sound_meter(painter, rect, state, sound);
}

/// A bar on the viewer's left edge as loud as the soundtrack at the playhead.
fn sound_meter(painter: &egui::Painter, rect: egui::Rect, state: &PostState, sound: &[f32]) {
    let (num, den) = state.rate().fps_rational();
    let at = state.playhead_seconds * num as f64 / den as f64 * PEAKS_PER_FRAME as f64;
    let level = sound.get(at.max(0.0) as usize).copied().unwrap_or(0.0);
    let well = egui::Rect::from_min_max(
        rect.left_bottom() + egui::vec2(12.0, -110.0),
        rect.left_bottom() + egui::vec2(30.0, -12.0),
    );
    painter.rect_filled(well, 3.0, egui::Color32::from_rgb(50, 50, 60));
    let height = well.height() * (level * 2.0).min(1.0);
    let bar = egui::Rect::from_min_max(egui::pos2(well.left(), well.bottom() - height), well.max);
    painter.rect_filled(bar, 3.0, egui::Color32::from_rgb(120, 230, 140));
    painter.text(
        well.right_bottom() + egui::vec2(6.0, 0.0),
        egui::Align2::LEFT_BOTTOM,
        "SOUND",
        egui::FontId::proportional(14.0),
        egui::Color32::WHITE,
    );
}

/// The task card: play the clips and pick the one in sync, or (presenter mode) a show of
/// hands and the teacher's Reveal.
pub(super) fn late_clip_task(
    ui: &mut egui::Ui,
    state: &PostState,
    presenter: bool,
    p: &Palette,
    out: &mut MessageWriter<PostCommand>,
) {
    let quiz = &state.level.late_clip;
    let count = quiz.order.len();
    if presenter {
        ui.label(format!(
            "Class vote: play each clip and ask “Which clip is in sync?” Count the hands for \
             each letter, then press Reveal. Keys 1–{count} play the clips."
        ));
        class_vote(ui, state, p, out);
    } else {
        ui.label(format!(
            "An actor says the same line in {count} clips. In all but one, the sound is a few \
             frames off the picture. Play each clip (keys 1–{count}), watch the lips and \
             listen: which clip is in sync?"
        ));
        ui.add_space(4.0);
        for index in 0..count {
            student_row(ui, state, index, p, out);
        }
    }
    match &state.feedback.late_clip {
        Some(Ok(v)) => verdict_line(ui, p, v.correct, &v.message, v.hint.as_deref()),
        Some(Err(e)) => input_error(ui, p, e),
        None => {}
    }
}

/// One clip for a student: play it, pick it, and what a refused pick found.
fn student_row(
    ui: &mut egui::Ui,
    state: &PostState,
    index: usize,
    p: &Palette,
    out: &mut MessageWriter<PostCommand>,
) {
    let letter = clip_letter(index);
    ui.horizontal_wrapped(|ui| {
        if ui.button(format!("▶ Play clip {letter}")).clicked() {
            out.write(PostCommand::PlayClip(index));
        }
        if ui.button(format!("Clip {letter} is in sync")).clicked() {
            out.write(PostCommand::PickClip(index));
        }
        if let Some(words) = state.level.late_clip.clip_words(index) {
            let right = state.level.late_clip.offset_of(index) == Some(0);
            let (icon, tone) = if right {
                ("✔", p.success)
            } else {
                ("✖", p.warning)
            };
            ui.label(egui::RichText::new(format!("{icon} {words}")).color(color(tone)));
        }
    });
}

/// The clips as large letters for a projector, each with its Play button; after the reveal
/// each shows its offset.
fn class_vote(
    ui: &mut egui::Ui,
    state: &PostState,
    p: &Palette,
    out: &mut MessageWriter<PostCommand>,
) {
    let quiz = &state.level.late_clip;
    let count = quiz.order.len();
    // Each card adds its margins (8 a side), its stroke and the gap to the next to `width`.
    let per_card_extra = 12.0 + 16.0 + 3.0;
    let width =
        ((ui.available_width() - per_card_extra * count as f32) / count as f32).clamp(60.0, 200.0);
    ui.horizontal_wrapped(|ui| {
        for index in 0..count {
            let playing = state.viewer == Viewer::Clip(index) && state.speed != 0;
            egui::Frame::new()
                .fill(color(if playing { p.accent } else { p.background }))
                .stroke(egui::Stroke::new(1.5, color(p.border)))
                .corner_radius(8.0)
                .inner_margin(egui::Margin::same(8))
                .show(ui, |ui| {
                    ui.set_width(width);
                    ui.vertical_centered(|ui| {
                        let tone = if playing { p.accent_text } else { p.text };
                        ui.label(
                            egui::RichText::new(clip_letter(index).to_string())
                                .size(44.0)
                                .strong()
                                .color(color(tone)),
                        );
                        if ui
                            .button(format!("▶ Play {}", clip_letter(index)))
                            .clicked()
                        {
                            out.write(PostCommand::PlayClip(index));
                        }
                        if let Some(words) = quiz.revealed.then(|| quiz.clip_words(index)).flatten()
                        {
                            let short = words.split(':').next().unwrap_or(&words).to_string();
                            let right = quiz.offset_of(index) == Some(0);
                            let shown = if right { format!("✔ {short}") } else { short };
                            ui.label(egui::RichText::new(shown).strong().color(color(tone)));
                        }
                    });
                });
        }
    });
    ui.add_space(6.0);
    if !quiz.revealed && primary_button(ui, p, "Reveal the answer").clicked() {
        out.write(PostCommand::RevealClips);
    }
}
