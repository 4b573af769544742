//! The taste lab on screen: the twelve shots with their mood buttons on the left; on the right
//! the model: train it, see the centre it learned for each mood as bars, and what it predicts
//! for four new shots, with its confidence and what changed since the last training.

use bevy_egui::egui;

use super::MODEL_NOTE;
use super::model::{
    FEATURE_NAMES, MIN_LABELS, Shot, TRAINING_SHOTS, TasteCommand, TasteLab, TasteSpec,
};
use crate::stage::model::scene::Rgb;
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::{card, focus_ring, primary_button, value_bar};

/// A colour per mood, always drawn beside the mood's icon and word.
pub(crate) fn mood_colour(mood: usize) -> egui::Color32 {
    const COLOURS: [egui::Color32; 4] = [
        egui::Color32::from_rgb(100, 175, 245),
        egui::Color32::from_rgb(235, 110, 110),
        egui::Color32::from_rgb(235, 185, 60),
        egui::Color32::from_rgb(120, 210, 120),
    ];
    COLOURS[mood % COLOURS.len()]
}

/// Linear RGB (0–1) to a screen colour.
fn screen_colour(c: Rgb, gain: f32) -> egui::Color32 {
    let v = |x: f32| ((x * gain).clamp(0.0, 1.0).powf(1.0 / 2.2) * 255.0).round() as u8;
    egui::Color32::from_rgb(v(c[0]), v(c[1]), v(c[2]))
}

/// A little picture of the shot: its sky from top to horizon, haze at the horizon as thick as
/// the shot's fog, and its ground lit as brightly as the shot.
pub(crate) fn thumbnail(ui: &mut egui::Ui, shot: &Shot, size: egui::Vec2) {
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter();
    let horizon = rect.top() + rect.height() * 0.6;
    let bands = 8;
    for b in 0..bands {
        let t = b as f32 / (bands - 1) as f32;
        let c = [0, 1, 2].map(|i| shot.sky_top[i] + (shot.sky_horizon[i] - shot.sky_top[i]) * t);
        let top = rect.top() + (horizon - rect.top()) * b as f32 / bands as f32;
        let bottom = rect.top() + (horizon - rect.top()) * (b + 1) as f32 / bands as f32;
        painter.rect_filled(
            egui::Rect::from_x_y_ranges(rect.x_range(), top..=bottom),
            0.0,
            screen_colour(c, 1.0),
        );
    }
    let light = 0.35 + 0.65 * shot.features[0];
    painter.rect_filled(
        egui::Rect::from_x_y_ranges(rect.x_range(), horizon..=rect.bottom()),
        0.0,
        screen_colour(shot.ground, light),
    );
    let fog = shot.features[3];
    let haze = (rect.height() * 0.35 * fog).max(1.0);
    painter.rect_filled(
        egui::Rect::from_x_y_ranges(rect.x_range(), (horizon - haze)..=(horizon + haze)),
        0.0,
        screen_colour(shot.sky_horizon, 1.0).gamma_multiply(0.6 * fog),
    );
    painter.rect_stroke(
        rect,
        2.0,
        egui::Stroke::new(1.0, egui::Color32::from_gray(90)),
        egui::StrokeKind::Inside,
    );
}

fn mood_text(spec: &TasteSpec, mood: usize) -> egui::RichText {
    egui::RichText::new(spec.mood_name(mood)).color(mood_colour(mood))
}

/// One training shot: picture, title, the mood buttons and, once trained, the model's answer.
fn shot_card(
    ui: &mut egui::Ui,
    lab: &TasteLab,
    spec: &TasteSpec,
    p: &Palette,
    i: usize,
    (selected, newly_selected): (bool, bool),
    out: &mut Vec<TasteCommand>,
) {
    let Some(shot) = lab.training_shots().get(i) else {
        return;
    };
    let label = lab.labels.get(i).copied().flatten();
    let frame = card(p).inner_margin(egui::Margin::same(6)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            thumbnail(ui, shot, egui::vec2(84.0, 48.0));
            ui.vertical(|ui| {
                ui.label(egui::RichText::new(format!("Shot {}", i + 1)).strong());
                ui.label(egui::RichText::new(&shot.title).color(color(p.muted_text)));
            });
        });
        ui.horizontal_wrapped(|ui| {
            for m in 0..spec.moods.len() {
                let on = label == Some(m);
                let r = ui.add(egui::Button::selectable(on, mood_text(spec, m)));
                if r.clicked() {
                    out.push(TasteCommand::Label {
                        shot: i,
                        mood: if on { None } else { Some(m) },
                    });
                }
            }
        });
        if let Some(guess) = lab.guess(i) {
            let agrees = label == Some(guess);
            let mark = match label {
                None => "·",
                Some(_) if agrees => "✔",
                Some(_) => "✖",
            };
            ui.label(
                egui::RichText::new(format!("{mark} model: {}", spec.mood_name(guess))).color(
                    if agrees || label.is_none() {
                        color(p.text)
                    } else {
                        color(p.warning)
                    },
                ),
            );
        }
    });
    if selected {
        focus_ring(ui, frame.response.rect, p);
        if newly_selected {
            // Keys moved the selection: bring the card into view once, then leave the scroll
            // to the student.
            frame.response.scroll_to_me(None);
        }
    }
}

/// The left column: every training shot in two columns.
pub(crate) fn shots_column(
    ui: &mut egui::Ui,
    lab: &TasteLab,
    spec: &TasteSpec,
    p: &Palette,
    selected: usize,
    out: &mut Vec<TasteCommand>,
) {
    ui.label(egui::RichText::new("1 · Label each shot with the mood you feel").strong());
    ui.label(
        egui::RichText::new("Trust your own taste: there is no right answer here.")
            .color(color(p.muted_text)),
    );
    if !lab.ready() {
        ui.label(
            egui::RichText::new(
                lab.build_error
                    .clone()
                    .unwrap_or_else(|| "Making the shots…".into()),
            )
            .color(color(p.warning)),
        );
        return;
    }
    let last_id = egui::Id::new("taste_last_selected_shot");
    let last: Option<usize> = ui.ctx().data(|d| d.get_temp(last_id));
    ui.ctx().data_mut(|d| d.insert_temp(last_id, selected));
    let moved = last.is_some_and(|l| l != selected);
    egui::ScrollArea::vertical()
        .id_salt("taste_shots")
        .show(ui, |ui| {
            for row in 0..TRAINING_SHOTS.div_ceil(2) {
                ui.columns(2, |cols| {
                    for (c, col) in cols.iter_mut().enumerate() {
                        let i = row * 2 + c;
                        shot_card(col, lab, spec, p, i, (i == selected, moved), out);
                    }
                });
                ui.add_space(4.0);
            }
        });
}

/// What the model learned: for each feature, each mood's centre as a bar.
fn centres(ui: &mut egui::Ui, lab: &TasteLab, spec: &TasteSpec, p: &Palette) {
    let Some(model) = &lab.model else { return };
    ui.label(egui::RichText::new("What it learned: the centre of each mood").strong());
    egui::Grid::new("taste_centres")
        .num_columns(1 + model.classes())
        .spacing(egui::vec2(10.0, 2.0))
        .show(ui, |ui| {
            ui.label("");
            for m in 0..model.classes() {
                ui.label(mood_text(spec, m).strong());
            }
            ui.end_row();
            for (f, name) in FEATURE_NAMES.iter().enumerate() {
                ui.label(*name);
                for m in 0..model.classes() {
                    let v = model.means[m].get(f).copied().unwrap_or(0.0);
                    value_bar(
                        ui,
                        p,
                        v,
                        mood_colour(m),
                        egui::RichText::new(format!("{v:.2}")),
                        56.0,
                    );
                }
                ui.end_row();
            }
            ui.label(egui::RichText::new("examples").color(color(p.muted_text)));
            for n in &model.counts {
                ui.label(format!("{n}"));
            }
            ui.end_row();
        });
}

/// What the model says about the shots it never saw.
fn predictions(ui: &mut egui::Ui, lab: &TasteLab, spec: &TasteSpec, p: &Palette) {
    if lab.predictions.is_empty() {
        return;
    }
    ui.label(egui::RichText::new("3 · New shots it has never seen").strong());
    for (i, (shot, pred)) in lab.new_shots().iter().zip(&lab.predictions).enumerate() {
        ui.horizontal(|ui| {
            thumbnail(ui, shot, egui::vec2(64.0, 36.0));
            ui.vertical(|ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(format!("New shot {}:", i + 1)).strong());
                    ui.label(mood_text(spec, pred.class).strong());
                    ui.label(format!("{:.0} % sure", 100.0 * pred.confidence()));
                    if let Some(Some(was)) = lab.previous.get(i)
                        && *was != pred.class
                    {
                        ui.label(
                            egui::RichText::new(format!("(changed: was {})", spec.mood_name(*was)))
                                .color(color(p.warning)),
                        );
                    }
                });
                let all: Vec<String> = pred
                    .confidences
                    .iter()
                    .enumerate()
                    .map(|(m, c)| format!("{} {:.0} %", spec.moods[m].icon, 100.0 * c))
                    .collect();
                ui.label(
                    egui::RichText::new(format!("{} · {}", shot.title, all.join(" · ")))
                        .color(color(p.muted_text)),
                );
            });
        });
    }
}

/// The right column: train, the note on what the model is, the centres and the predictions.
pub(crate) fn model_column(
    ui: &mut egui::Ui,
    lab: &TasteLab,
    spec: &TasteSpec,
    p: &Palette,
    out: &mut Vec<TasteCommand>,
) {
    let counts = lab.counts(spec.moods.len());
    let per_mood: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(m, n)| format!("{} {n}", spec.mood_name(m)))
        .collect();
    ui.label(egui::RichText::new("2 · Train a model on your taste").strong());
    ui.label(format!(
        "Labelled: {} of {TRAINING_SHOTS} (at least {MIN_LABELS}, every mood once) · {}",
        lab.labelled(),
        per_mood.join(" · ")
    ));
    let verb = if lab.model.is_some() {
        "Train again"
    } else {
        "Train the model"
    };
    if primary_button(ui, p, &format!("{verb} on my {} labels ▶", lab.labelled())).clicked() {
        out.push(TasteCommand::Train);
    }
    let warn = |ui: &mut egui::Ui, text: &str| {
        ui.label(egui::RichText::new(format!("⚠ {text}")).color(color(p.warning)));
    };
    if let Some(e) = &lab.error {
        warn(ui, e);
    }
    if let Some(w) = lab.one_sided(spec) {
        warn(ui, &w);
    }
    if lab.stale() {
        warn(
            ui,
            "Your labels changed since the last training: train again to see what the model learns now.",
        );
    }
    if let (Some(model), Some((agree, of))) = (&lab.model, lab.agreement()) {
        let n: usize = model.counts.iter().sum();
        ui.label(egui::RichText::new(format!(
            "It learned from your {n} examples; real generative AI learns from millions. It agrees with {agree} of your {of} labels."
        )).strong());
        if !lab.done() {
            ui.label(egui::RichText::new("Now change a label or two (or label a mood one-sidedly) and train again: watch the centres and the answers move.").color(color(p.muted_text)));
        }
    }
    ui.add_space(4.0);
    centres(ui, lab, spec, p);
    ui.add_space(4.0);
    predictions(ui, lab, spec, p);
    ui.add_space(6.0);
    card(p).show(ui, |ui| {
        ui.label(format!("ℹ {MODEL_NOTE}"));
    });
}
