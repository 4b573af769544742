//! The dialogue panel in a level: a strip along the top with the host's portrait, name, role
//! and one line, advanced with Enter or a click. It takes its own space like the presenter bar,
//! so the level below never hides under it. Enter goes to the dialogue while a host speaks.

use bevy::input::InputSystems;
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::crew::dialogue::{Dialogue, TalkCommand};
use crate::crew::model::Crew;
use crate::crew::model::talk::Talk;
use crate::crew::portrait::portrait;
use crate::tour::StopPhase;
use crate::tour::content_plugin::Content;
use crate::ui::model::palette::Palette;
use crate::ui::theme::{UiSettings, UiSystems, color};
use crate::ui::widgets::top_bar;

const ENTER: [KeyCode; 2] = [KeyCode::Enter, KeyCode::NumpadEnter];

/// Enter advances the host's lines. In a level it is the dialogue's while a host speaks; on
/// the briefing it goes to the dialogue until the last line, then starts the level.
fn talk_keys(
    keys: Option<ResMut<ButtonInput<KeyCode>>>,
    dialogue: Res<Dialogue>,
    phase: Option<Res<State<StopPhase>>>,
    wants: Option<Res<EguiWantsInput>>,
    mut out: MessageWriter<TalkCommand>,
) {
    let (Some(mut keys), Some(talk)) = (keys, dialogue.talk.as_ref()) else {
        return;
    };
    if crate::tour::input::typing(&wants) || !keys.any_just_pressed(ENTER) {
        return;
    }
    let take = match phase.as_ref().map(|p| *p.get()) {
        Some(StopPhase::Level) => true,
        Some(StopPhase::Briefing) => !talk.is_last(),
        _ => false,
    };
    if take {
        out.write(TalkCommand::Next);
        for key in ENTER {
            keys.clear_just_pressed(key);
        }
    }
}

/// One line with its speaker: portrait, "Name · Role" and the words.
pub fn spoken_line(ui: &mut egui::Ui, p: &Palette, crew: &Crew, talk: &Talk, portrait_size: f32) {
    let Some(line) = talk.current() else { return };
    let host = crew.host(&line.host);
    ui.horizontal(|ui| {
        if let Some(host) = host {
            portrait(ui, &host.look, portrait_size, color(p.background));
        }
        ui.vertical(|ui| {
            if let Some(host) = host {
                ui.label(
                    egui::RichText::new(format!("{} · {}", host.name, host.role))
                        .strong()
                        .color(color(p.accent)),
                );
            }
            ui.add(egui::Label::new(egui::RichText::new(&line.text).size(20.0)).wrap());
        });
    });
}

/// Back, Next (or OK on the last line) and Hide.
pub fn talk_buttons(
    ui: &mut egui::Ui,
    talk: &Talk,
    hide: bool,
    out: &mut MessageWriter<TalkCommand>,
) {
    ui.horizontal(|ui| {
        if talk.index > 0 && ui.button("◀ Back").clicked() {
            out.write(TalkCommand::Back);
        }
        let next = if talk.is_last() {
            "OK ✔  (Enter)"
        } else {
            "Next ▶  (Enter)"
        };
        if ui.button(next).clicked() {
            out.write(TalkCommand::Next);
        }
        ui.label(format!("{} of {}", talk.index + 1, talk.lines.len()));
        if hide && ui.button("Hide").clicked() {
            out.write(TalkCommand::Close);
        }
    });
}

/// The strip's one row: portrait, "Name (Role):" and the line, wrapping under the buttons'
/// row when the window is narrow. Kept low, so the level below keeps its room.
fn compact_line(
    ui: &mut egui::Ui,
    p: &Palette,
    crew: &Crew,
    talk: &Talk,
    out: &mut MessageWriter<TalkCommand>,
) {
    let Some(line) = talk.current() else { return };
    let host = crew.host(&line.host);
    ui.horizontal(|ui| {
        if let Some(host) = host {
            portrait(ui, &host.look, 40.0, color(p.background));
        }
        ui.vertical(|ui| {
            let mut text = egui::text::LayoutJob::default();
            if let Some(host) = host {
                text.append(
                    &format!("{} ({}): ", host.name, host.role),
                    0.0,
                    egui::TextFormat {
                        color: color(p.accent),
                        font_id: egui::TextStyle::Body.resolve(ui.style()),
                        ..Default::default()
                    },
                );
            }
            text.append(
                &line.text,
                0.0,
                egui::TextFormat {
                    color: color(p.text),
                    font_id: egui::TextStyle::Body.resolve(ui.style()),
                    ..Default::default()
                },
            );
            ui.add(egui::Label::new(text).wrap());
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().button_padding = egui::vec2(6.0, 1.0);
                talk_buttons(ui, talk, true, out);
            });
        });
    });
}

fn talk_strip(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    dialogue: Res<Dialogue>,
    crew: Res<Content<Crew>>,
    mut out: MessageWriter<TalkCommand>,
) -> Result {
    let Some(talk) = dialogue.talk.as_ref() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let frame = egui::Frame::new()
        .fill(color(p.panel))
        .stroke(egui::Stroke::new(2.0, color(p.accent)))
        .inner_margin(egui::Margin::symmetric(8, 3));
    top_bar(ctx, "crew-talk", frame, |ui| {
        compact_line(ui, &p, &crew, talk, &mut out);
    });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        talk_keys
            .after(InputSystems)
            .after(crate::ui::remap::RemapSystems),
    )
    .add_systems(
        EguiPrimaryContextPass,
        talk_strip
            .in_set(UiSystems::Bars)
            .after(crate::classroom::presenter::ui::presenter_bar)
            .run_if(in_state(StopPhase::Level)),
    );
}
