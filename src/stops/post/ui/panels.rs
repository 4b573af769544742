//! The panels of Stop 3's edit suite: the viewer, the timeline with its ruler, tracks and
//! playhead, and the task cards with their answers and verdicts. The frame where the door
//! shuts is never marked: the student finds it in the picture.

use bevy::prelude::*;
use bevy_egui::egui;

use super::clips::{late_clip_task, talking_viewer};
use super::{PostUi, Task, select_task};
use crate::stops::post::level::{PostCommand, PostState, Viewer};
use crate::stops::post::model::{Nudge, TalkingPicture, clip_letter};
use crate::stops::post::timecode::{FrameRate, frames_to_timecode};
use crate::tour::{LevelStatus, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::{card, focus_ring, primary_button, stars_text};

/// A message line: ✔ or ✖ with words, never colour alone.
pub(super) fn verdict_line(
    ui: &mut egui::Ui,
    p: &Palette,
    correct: bool,
    message: &str,
    hint: Option<&str>,
) {
    let (icon, tone) = if correct {
        ("✔", p.success)
    } else {
        ("✖", p.warning)
    };
    ui.label(egui::RichText::new(format!("{icon} {message}")).color(color(tone)));
    if let Some(h) = hint {
        ui.label(egui::RichText::new(format!("Hint: {h}")).italics());
    }
}

pub(super) fn input_error(ui: &mut egui::Ui, p: &Palette, e: &str) {
    ui.label(egui::RichText::new(format!("⚠ {e}")).color(color(p.warning)));
}

/// What the viewer needs besides the level: the talking clip's picture and the sound meter's
/// peaks of the clip in view (both kept by the screen), and whether to draw large.
pub(super) struct ViewerData<'a> {
    pub picture: &'a TalkingPicture,
    pub sound: &'a [f32],
    pub large: bool,
}

fn viewer(ui: &mut egui::Ui, state: &PostState, data: &ViewerData, p: &Palette) {
    // Shrink on small or zoomed screens so the tasks and timeline keep their room.
    let height = (ui.available_height() - 130.0).clamp(110.0, 250.0);
    let size = egui::vec2(ui.available_width().min(520.0), height);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6.0, egui::Color32::from_rgb(18, 18, 22));
    let frame = state.playhead_frame();
    match state.viewer {
        Viewer::Door => door_viewer(&painter, rect, state),
        Viewer::Clip(_) => {
            talking_viewer(&painter, rect, state, data.picture, data.sound, data.large);
        }
    }
    let rate = state.rate();
    let tc = frames_to_timecode(u64::from(frame), rate);
    let speed = match state.speed {
        0 => "■ stopped".to_string(),
        s if s > 0 => format!("▶ {s}×"),
        s => format!("◀ {}×", -s),
    };
    ui.label(
        egui::RichText::new(format!(
            "TC {tc}   ·   frame {frame} of {}   ·   {rate}   ·   {speed}",
            state.viewer_frames()
        ))
        .monospace()
        .color(color(p.text)),
    );
}

/// The hallway door as it is at the playhead's frame, and a BANG while the slam sounds (for
/// students who cannot hear it).
fn door_viewer(painter: &egui::Painter, rect: egui::Rect, state: &PostState) {
    let frame = state.playhead_frame();
    let sync = &state.level.sync;
    let t = sync.door_closed_fraction(frame);
    let height = (rect.height() - 50.0).clamp(60.0, 200.0);
    let opening = egui::Rect::from_center_size(
        rect.center() + egui::vec2(0.0, 12.0),
        egui::vec2(height * 0.6, height),
    );
    painter.rect_filled(opening, 2.0, egui::Color32::from_rgb(240, 225, 170));
    // The door's visible width grows as it swings towards closed.
    let width = opening.width() * (0.15 + 0.85 * t);
    let door = egui::Rect::from_min_size(opening.min, egui::vec2(width, opening.height()));
    painter.rect_filled(door, 2.0, egui::Color32::from_rgb(120, 70, 40));
    painter.circle_filled(
        egui::pos2(door.right() - 12.0, door.center().y),
        5.0,
        egui::Color32::from_rgb(230, 200, 90),
    );
    let label = if sync.door_is_shut(frame) {
        "door shut"
    } else if t > 0.0 {
        "door closing"
    } else {
        "door open"
    };
    painter.text(
        rect.left_top() + egui::vec2(10.0, 8.0),
        egui::Align2::LEFT_TOP,
        format!("PICTURE · {label}"),
        egui::FontId::proportional(16.0),
        egui::Color32::WHITE,
    );
    let sound = sync.sound_frame();
    if (sound..sound + 4).contains(&frame) {
        painter.text(
            rect.right_top() + egui::vec2(-12.0, 8.0),
            egui::Align2::RIGHT_TOP,
            "SOUND: BANG!",
            egui::FontId::proportional(22.0),
            egui::Color32::from_rgb(255, 220, 90),
        );
    }
}

pub(super) fn timeline(
    ui: &mut egui::Ui,
    state: &PostState,
    envelope: &[f32],
    p: &Palette,
    out: &mut MessageWriter<PostCommand>,
) {
    let frames = state.viewer_frames().max(1);
    let rate = state.rate();
    let size = egui::vec2(ui.available_width(), 150.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, color(p.panel));
    let left = rect.left() + 70.0;
    let px_per_frame = (rect.right() - left - 8.0) / frames as f32;
    let x_of = |f: f32| left + f * px_per_frame;
    let ruler = egui::Rect::from_min_max(rect.min, egui::pos2(rect.right(), rect.top() + 34.0));
    draw_ruler(&painter, ruler, frames, rate, &x_of, p);
    let a1 = draw_tracks(&painter, rect, ruler, state, &x_of, p);
    if state.viewer == Viewer::Door {
        draw_slam_clip(&painter, a1, state, envelope, &x_of);
    }
    // Playhead.
    let ph = x_of(
        state.playhead_seconds as f32 * rate.fps_rational().0 as f32 / rate.fps_rational().1 as f32,
    );
    painter.line_segment(
        [egui::pos2(ph, rect.top()), egui::pos2(ph, rect.bottom())],
        egui::Stroke::new(2.5, color(p.focus)),
    );
    // Click the timeline to park the playhead on a frame.
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let f = ((pos.x - left) / px_per_frame).floor() as i32;
        let now = state.playhead_frame() as i32;
        out.write(PostCommand::Step(f - now));
    }
}

/// The timecode ruler: a tick per frame, a label per second.
fn draw_ruler(
    painter: &egui::Painter,
    ruler: egui::Rect,
    frames: u32,
    rate: FrameRate,
    x_of: &impl Fn(f32) -> f32,
    p: &Palette,
) {
    let text = color(p.text);
    let muted = color(p.muted_text);
    let per_second = rate.nominal_fps() as u32;
    for f in 0..=frames {
        let x = x_of(f as f32);
        let major = f % per_second == 0;
        let h = if major { 14.0 } else { 6.0 };
        painter.line_segment(
            [
                egui::pos2(x, ruler.bottom() - h),
                egui::pos2(x, ruler.bottom()),
            ],
            egui::Stroke::new(1.0, if major { text } else { muted }),
        );
        if major {
            painter.text(
                egui::pos2(x + 2.0, ruler.top() + 2.0),
                egui::Align2::LEFT_TOP,
                frames_to_timecode(u64::from(f), rate).to_string(),
                egui::FontId::monospace(13.0),
                text,
            );
        }
    }
}

/// The picture track V1 and the sound track A1 under the ruler. Nothing marks where the door
/// shuts, and a talking clip's sound shows no waveform: the student watches and listens.
/// Returns A1's rectangle, where the slam clip goes.
fn draw_tracks(
    painter: &egui::Painter,
    rect: egui::Rect,
    ruler: egui::Rect,
    state: &PostState,
    x_of: &impl Fn(f32) -> f32,
    p: &Palette,
) -> egui::Rect {
    let frames = state.viewer_frames().max(1);
    let text = color(p.text);
    let v1 = egui::Rect::from_min_max(
        egui::pos2(x_of(0.0), ruler.bottom() + 8.0),
        egui::pos2(x_of(frames as f32), ruler.bottom() + 48.0),
    );
    let a1 = egui::Rect::from_min_max(
        egui::pos2(x_of(0.0), v1.bottom() + 8.0),
        egui::pos2(x_of(frames as f32), v1.bottom() + 56.0),
    );
    for (track, name) in [(v1, "V1"), (a1, "A1")] {
        painter.text(
            egui::pos2(rect.left() + 8.0, track.center().y),
            egui::Align2::LEFT_CENTER,
            name,
            egui::FontId::proportional(16.0),
            text,
        );
    }
    let (picture, sound) = match state.viewer {
        Viewer::Door => ("hallway door (picture)".to_string(), None),
        Viewer::Clip(i) => (
            format!("clip {} (picture)", clip_letter(i)),
            Some(format!("clip {} (sound)", clip_letter(i))),
        ),
    };
    painter.rect_filled(v1, 3.0, egui::Color32::from_rgb(70, 90, 140));
    painter.text(
        v1.left_center() + egui::vec2(6.0, 0.0),
        egui::Align2::LEFT_CENTER,
        picture,
        egui::FontId::proportional(15.0),
        egui::Color32::WHITE,
    );
    if let Some(sound) = sound {
        painter.rect_filled(a1, 3.0, egui::Color32::from_rgb(40, 110, 80));
        painter.text(
            a1.left_center() + egui::vec2(6.0, 0.0),
            egui::Align2::LEFT_CENTER,
            sound,
            egui::FontId::proportional(15.0),
            egui::Color32::WHITE,
        );
    }
    a1
}

/// The slam clip on A1 with its waveform, starting at its current frame.
fn draw_slam_clip(
    painter: &egui::Painter,
    a1: egui::Rect,
    state: &PostState,
    envelope: &[f32],
    x_of: &impl Fn(f32) -> f32,
) {
    let frames = state.level.spec.sync.clip_frames.max(1);
    let sound_frame = state.level.sync.sound_frame() as f32;
    let slam_frames = envelope.len() as f32 / 8.0;
    let clip = egui::Rect::from_min_max(
        egui::pos2(x_of(sound_frame), a1.top()),
        egui::pos2(
            x_of((sound_frame + slam_frames).min(frames as f32)),
            a1.bottom(),
        ),
    );
    painter.rect_filled(clip, 3.0, egui::Color32::from_rgb(40, 110, 80));
    let mid = clip.center().y;
    for (i, peak) in envelope.iter().enumerate() {
        let x = x_of(sound_frame + i as f32 / 8.0);
        if x > clip.right() {
            break;
        }
        let h = peak.min(1.0) * (clip.height() / 2.0 - 2.0);
        painter.line_segment(
            [egui::pos2(x, mid - h), egui::pos2(x, mid + h)],
            egui::Stroke::new(1.0, egui::Color32::from_rgb(200, 255, 210)),
        );
    }
    painter.text(
        clip.left_top() + egui::vec2(3.0, 2.0),
        egui::Align2::LEFT_TOP,
        "slam",
        egui::FontId::proportional(13.0),
        egui::Color32::WHITE,
    );
}

fn sync_task(
    ui: &mut egui::Ui,
    state: &PostState,
    p: &Palette,
    out: &mut MessageWriter<PostCommand>,
) {
    ui.label(
        "1. Find the frame where the door shuts: step through the picture one frame at a time \
         and watch the door.",
    );
    ui.horizontal_wrapped(|ui| {
        ui.label("Picture:");
        if ui.button("◀ frame").clicked() {
            out.write(PostCommand::Step(-1));
        }
        if ui.button("frame ▶").clicked() {
            out.write(PostCommand::Step(1));
        }
        if ui.button("▶ Play with sound").clicked() {
            out.write(PostCommand::PlaySync);
        }
    });
    ui.label("2. Slide the slam so it starts on that frame.");
    let sync = &state.level.sync;
    ui.horizontal_wrapped(|ui| {
        ui.label("Slam:");
        if ui.button("◀◀ 1 s").clicked() {
            out.write(PostCommand::Nudge(Nudge::SecondEarlier));
        }
        if ui.button("◀ 1 frame").clicked() {
            out.write(PostCommand::Nudge(Nudge::FrameEarlier));
        }
        if ui.button("1 frame ▶").clicked() {
            out.write(PostCommand::Nudge(Nudge::FrameLater));
        }
        if ui.button("1 s ▶▶").clicked() {
            out.write(PostCommand::Nudge(Nudge::SecondLater));
        }
    });
    let sound = sync.sound_frame();
    ui.label(
        egui::RichText::new(format!(
            "The slam starts on frame {sound} ({}).",
            frames_to_timecode(u64::from(sound), sync.rate())
        ))
        .monospace(),
    );
    ui.label(
        "3. Play it back, then say it's in sync. Only then do you find out how far off it is.",
    );
    let submit = ui.add(
        egui::Button::new(egui::RichText::new("It's in sync").color(color(p.accent_text)))
            .fill(color(p.accent)),
    );
    if submit.clicked() {
        out.write(PostCommand::SubmitSync);
    }
    if let Some(v) = &state.feedback.sync {
        let done = state.level.progress.sync;
        verdict_line(
            ui,
            p,
            done || v.in_sync,
            &v.description,
            (!v.in_sync && !v.hint.is_empty()).then_some(v.hint.as_str()),
        );
    }
}

fn count_task(
    ui: &mut egui::Ui,
    state: &PostState,
    ui_state: &mut PostUi,
    p: &Palette,
    out: &mut MessageWriter<PostCommand>,
) {
    let task = &state.level.spec.count;
    ui.label(format!(
        "A clip runs from IN {} to OUT {} at {} fps (the out point is the first frame after the clip).",
        task.in_tc, task.out_tc, task.rate
    ));
    ui.horizontal(|ui| {
        ui.label("Frames:");
        ui.add(egui::TextEdit::singleline(&mut ui_state.count).desired_width(120.0));
        if ui.button("Check").clicked() {
            out.write(PostCommand::AnswerCount(ui_state.count.clone()));
        }
    });
    match &state.feedback.count {
        Some(Ok(v)) => verdict_line(ui, p, v.correct, &v.message, v.hint.as_deref()),
        Some(Err(e)) => input_error(ui, p, e),
        None => {}
    }
    ui.horizontal(|ui| {
        ui.label("Duration (HH:MM:SS:FF):");
        ui.add(egui::TextEdit::singleline(&mut ui_state.duration).desired_width(160.0));
        if ui.button("Check").clicked() {
            out.write(PostCommand::AnswerDuration(ui_state.duration.clone()));
        }
    });
    match &state.feedback.duration {
        Some(Ok(v)) => verdict_line(ui, p, v.correct, &v.message, v.hint.as_deref()),
        Some(Err(e)) => input_error(ui, p, e),
        None => {}
    }
}

fn cut_task(
    ui: &mut egui::Ui,
    state: &PostState,
    ui_state: &mut PostUi,
    p: &Palette,
    out: &mut MessageWriter<PostCommand>,
) {
    let task = &state.level.spec.cut_list;
    ui.label(format!(
        "Convert each cut from {} fps to {} fps labels: the {} fps label is the frame on screen when the {} fps frame starts.",
        task.from, task.to, task.to, task.from
    ));
    egui::Grid::new("cut_list").striped(true).show(ui, |ui| {
        ui.label(egui::RichText::new("Shot").strong());
        ui.label(egui::RichText::new(format!("In @{}", task.from)).strong());
        ui.label(egui::RichText::new(format!("Out @{}", task.from)).strong());
        ui.label(egui::RichText::new(format!("In @{}", task.to)).strong());
        ui.label(egui::RichText::new(format!("Out @{}", task.to)).strong());
        ui.label("");
        ui.end_row();
        for (i, cut) in task.cuts.iter().enumerate() {
            let done = state.level.progress.cuts.get(i).copied().unwrap_or(false);
            ui.label(format!("{} {}", if done { "✔" } else { "·" }, cut.name));
            ui.monospace(&cut.in_tc);
            ui.monospace(&cut.out_tc);
            if let Some((a, b)) = ui_state.cuts.get_mut(i) {
                ui.add(
                    egui::TextEdit::singleline(a)
                        .desired_width(130.0)
                        .font(egui::TextStyle::Monospace),
                );
                ui.add(
                    egui::TextEdit::singleline(b)
                        .desired_width(130.0)
                        .font(egui::TextStyle::Monospace),
                );
                if ui.button("Check").clicked() {
                    out.write(PostCommand::AnswerCut {
                        index: i,
                        in_tc: a.clone(),
                        out_tc: b.clone(),
                    });
                }
            }
            ui.end_row();
        }
    });
    for (i, fb) in state.feedback.cuts.iter().enumerate() {
        match fb {
            Some(Ok(v)) => verdict_line(
                ui,
                p,
                v.correct,
                &format!("Cut {}: {}", i + 1, v.message),
                v.hint.as_deref(),
            ),
            Some(Err(e)) => input_error(ui, p, &format!("Cut {}: {e}", i + 1)),
            None => {}
        }
    }
}

fn drop_task(
    ui: &mut egui::Ui,
    state: &PostState,
    ui_state: &mut PostUi,
    p: &Palette,
    out: &mut MessageWriter<PostCommand>,
) {
    let puzzle = &state.level.puzzle;
    ui.label(puzzle.frames_short_question());
    ui.horizontal(|ui| {
        ui.label("Frames short:");
        ui.add(egui::TextEdit::singleline(&mut ui_state.frames_short).desired_width(120.0));
        if ui.button("Check").clicked() {
            out.write(PostCommand::AnswerFramesShort(
                ui_state.frames_short.clone(),
            ));
        }
    });
    match &state.feedback.frames_short {
        Some(Ok(v)) => verdict_line(ui, p, v.correct, &v.message, v.hint.as_deref()),
        Some(Err(e)) => input_error(ui, p, e),
        None => {}
    }
    ui.separator();
    ui.label(puzzle.labels_question());
    ui.horizontal_wrapped(|ui| {
        for (i, fact) in puzzle.labels.iter().enumerate() {
            if let Some(selected) = ui_state.labels.get_mut(i) {
                let mark = if *selected { "☑" } else { "☐" };
                if ui
                    .add(
                        egui::Button::new(
                            egui::RichText::new(format!("{mark} {}", fact.label)).monospace(),
                        )
                        .selected(*selected),
                    )
                    .clicked()
                {
                    *selected = !*selected;
                }
            }
        }
    });
    if ui.button("Check labels").clicked() {
        let chosen = ui_state
            .labels
            .iter()
            .enumerate()
            .filter(|(_, s)| **s)
            .map(|(i, _)| i)
            .collect();
        out.write(PostCommand::AnswerMissingLabels(chosen));
    }
    match &state.feedback.labels {
        Some(Ok(v)) => {
            verdict_line(ui, p, v.correct, &v.message, v.hint.as_deref());
            // Per-label reasons would give the answer away: show them once it is right.
            if v.correct {
                for f in &v.feedback {
                    ui.label(format!("{} {}", f.label, f.explanation));
                }
            }
        }
        Some(Err(e)) => input_error(ui, p, e),
        None => {}
    }
}

/// The left panel: the level's title, the viewer with its timecode readout, progress, and the
/// way on to the quiz gate once every task is done.
pub(super) fn viewer_panel(
    ui: &mut egui::Ui,
    state: &PostState,
    data: &ViewerData,
    status: &LevelStatus,
    p: &Palette,
    tour: &mut MessageWriter<TourCommand>,
) {
    ui.label(
        egui::RichText::new("Post-Production · the edit suite")
            .size(26.0)
            .strong()
            .color(color(p.accent)),
    );
    viewer(ui, state, data, p);
    let (done, total) = state.level.tasks_done();
    ui.label(format!(
        "{done} of {total} tasks done · wrong answers: {}",
        state.level.mistakes
    ));
    if state.level.is_complete() {
        ui.label(format!(
            "Level complete! {}",
            stars_text(state.level.stars())
        ));
    } else if status.complete {
        ui.label(format!(
            "Core tasks done! {}",
            stars_text(state.level.stars())
        ));
    }
    if status.complete {
        let go = primary_button(ui, p, "▶ Continue to the quiz gate");
        if go.clicked() {
            tour.write(TourCommand::FinishLevel);
        }
    }
}

/// The central panel: a tab per task (ticked when done) above the open task's card.
pub(super) fn tasks_panel(
    ui: &mut egui::Ui,
    state: &PostState,
    status: &LevelStatus,
    ui_state: &mut PostUi,
    presenter: bool,
    p: &Palette,
    out: &mut MessageWriter<PostCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        for task in Task::ALL {
            let done = match task {
                Task::Sync => state.level.progress.sync,
                Task::LateClip => state.level.progress.late_clip,
                Task::Count => {
                    state.level.progress.count_frames && state.level.progress.count_duration
                }
                Task::CutList => state.level.progress.cuts.iter().all(|c| *c),
                Task::DropFrame => {
                    state.level.progress.frames_short && state.level.progress.missing_labels
                }
            };
            // A task with no core units at this lesson length is marked as an extension.
            let extension = status
                .tasks
                .iter()
                .any(|row| row.id == task.lesson_id() && row.core == 0);
            let text = format!(
                "{}{}{}",
                if done { "✔ " } else { "" },
                task.label(),
                if extension { " · Extension" } else { "" }
            );
            let r = ui.add(egui::Button::new(text).selected(ui_state.task == task));
            if ui_state.task == task {
                focus_ring(ui, r.rect, p);
            }
            if r.clicked() {
                select_task(ui_state, state, task, out);
            }
        }
    });
    card(p).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::ScrollArea::vertical().show(ui, |ui| match ui_state.task {
            Task::Sync => sync_task(ui, state, p, out),
            Task::LateClip => late_clip_task(ui, state, presenter, p, out),
            Task::Count => count_task(ui, state, ui_state, p, out),
            Task::CutList => cut_task(ui, state, ui_state, p, out),
            Task::DropFrame => drop_task(ui, state, ui_state, p, out),
        });
    });
}
