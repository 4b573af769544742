//! The team banner during a camp turn: whose turn it is, and at the gate the question timer.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::parts::team_line;
use crate::classroom::camp::model::QuestionTimer;
use crate::classroom::camp::play::{CampCommand, CampPlay};
use crate::tour::{CurrentStop, Screen, StopPhase};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{UiSettings, color};
use crate::ui::widgets::{top_bar, value_bar};

/// The team banner in a stop: whose turn it is, and in the gate the timer when the camp uses
/// one. It never blocks the game: time's up is a message, not a lock.
pub(super) fn camp_banner_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    play: Res<CampPlay>,
    current: Res<CurrentStop>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<StopPhase>>>,
    mut out: MessageWriter<CampCommand>,
) -> Result {
    if *screen.get() != Screen::Stop || !play.is_active() {
        return Ok(());
    }
    let Some(session) = play.session.as_ref() else {
        return Ok(());
    };
    let (Some(team), Some(stop)) = (
        session.current_team().and_then(|t| session.setup().team(t)),
        session.current_stop(),
    ) else {
        return Ok(());
    };
    let at_gate = phase.is_some_and(|s| *s.get() == StopPhase::Gate);
    let extension = session.options().timer.map_or(0, |t| t.extension_seconds);
    let (done, total) = session.turn_progress();
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    // A strip across the top (below the presenter bar when it shows): the screen starts under
    // it, so the team's name never hides a question.
    let frame = egui::Frame::new()
        .fill(color(p.panel))
        .stroke(egui::Stroke::new(2.0, color(p.accent)))
        .inner_margin(egui::Margin::symmetric(10, 6));
    top_bar(ctx, "camp-banner", frame, |ui| {
        ui.horizontal_wrapped(|ui| {
            team_line(ui, &p, team.color, team.icon, &team.name, 22.0);
            ui.label(format!(
                "Stop {stop} · turn {} of {total}",
                (done + 1).min(total)
            ));
            if play.between_turns || current.0 != stop {
                ui.label(
                    egui::RichText::new(format!(
                        "ℹ Not a camp turn: go back to the lot to start {}'s turn at Stop {stop}.",
                        team.name
                    ))
                    .color(color(p.muted_text)),
                );
            }
        });
        if at_gate && let Some(timer) = play.timer.as_ref() {
            timer_ui(ui, &p, timer, extension, &mut out);
        }
    });
    Ok(())
}

fn timer_ui(
    ui: &mut egui::Ui,
    p: &Palette,
    timer: &QuestionTimer,
    extension: u32,
    out: &mut MessageWriter<CampCommand>,
) {
    let left = timer.remaining().ceil() as u32;
    let fill = if timer.time_up() { p.warning } else { p.accent };
    value_bar(
        ui,
        p,
        timer.fraction_remaining(),
        color(fill),
        egui::RichText::new(format!("{left} s left")).strong(),
        200.0,
    );
    ui.horizontal(|ui| {
        if extension > 0
            && ui
                .button(format!("+{extension} s"))
                .on_hover_text("More time for this question")
                .clicked()
        {
            out.write(CampCommand::ExtendTimer);
        }
        if timer.is_paused() {
            ui.label("■ Timer paused");
        }
    });
    if let Some(message) = timer.message() {
        ui.label(
            egui::RichText::new(format!("⚠ {message}"))
                .strong()
                .color(color(p.warning)),
        );
    }
}
