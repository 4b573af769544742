//! The card on the lot between turns: the hand-over to the next team, the end-of-round
//! scoreboard, or the podium. With no camp, a small button opens the camp window.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::CampWindow;
use super::parts::{muted, stop_name, team_line};
use super::scoreboard::{podium_section, scoreboard_grid};
use crate::classroom::camp::model::CampSession;
use crate::classroom::camp::play::{CampCommand, CampPlay};
use crate::tour::model::content::Tour;
use crate::tour::{GameContent, Screen};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{UiSettings, color};
use crate::ui::widgets::{card, key_hints, primary_button};

/// What the card on the lot shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CardKind {
    /// Every team has played every stop.
    Podium,
    /// Every team has just played the same stop: the fair moment to compare them. `done` is
    /// the turn count, so the scoreboard shows once per round.
    RoundScoreboard { done: usize },
    /// Whose turn is next (or unfinished).
    HandOver,
}

pub(super) fn card_kind(session: &CampSession, seen_round: Option<usize>) -> CardKind {
    if session.is_finished() {
        return CardKind::Podium;
    }
    let (done, _) = session.turn_progress();
    let teams = session.turn_order().len().max(1);
    // A round ends when the seat is back with the first team, one stop further on.
    if done > 0 && done % teams == 0 && seen_round != Some(done) {
        CardKind::RoundScoreboard { done }
    } else {
        CardKind::HandOver
    }
}

/// The card on the lot (and over the finale) between turns: the hand-over, the end-of-round
/// scoreboard or the podium. With no camp, a small button opens the camp window.
pub(super) fn camp_card_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    mut window: ResMut<CampWindow>,
    play: Res<CampPlay>,
    screen: Res<State<Screen>>,
    mut out: MessageWriter<CampCommand>,
) -> Result {
    let screen = *screen.get();
    if window.open || !matches!(screen, Screen::Map | Screen::Finale) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let window = &mut *window;
    let Some(session) = play.session.as_ref() else {
        if screen == Screen::Map {
            egui::Area::new(egui::Id::new("camp-open-button"))
                .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -72.0))
                .show(ctx, |ui| {
                    if ui.button("★ Camp mode: teams take turns").clicked() {
                        window.open = true;
                    }
                });
        }
        return Ok(());
    };
    let tour = &content.tour;
    let max_height = ctx.viewport_rect().height() * 0.75;
    egui::Area::new(egui::Id::new("camp-card"))
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            card(&p).show(ui, |ui| {
                ui.set_min_width(680.0);
                ui.set_max_width(900.0);
                egui::ScrollArea::vertical()
                    .max_height(max_height)
                    .show(ui, |ui| match card_kind(session, window.seen_round) {
                        CardKind::Podium => podium_section(
                            ui,
                            &p,
                            session,
                            play.exported.as_ref(),
                            &mut window.confirm_end,
                            &mut out,
                        ),
                        CardKind::RoundScoreboard { done } => {
                            round_scoreboard(ui, &p, tour, session, &mut *window, done)
                        }
                        CardKind::HandOver => {
                            hand_over(ui, &p, tour, session, &play, &mut *window, &mut out)
                        }
                    });
            });
        });
    Ok(())
}

/// After every team has played the same stop: the scoreboard, then on to the next stop.
fn round_scoreboard(
    ui: &mut egui::Ui,
    p: &Palette,
    tour: &Tour,
    session: &CampSession,
    window: &mut CampWindow,
    done: usize,
) {
    let finished_stop = session
        .current()
        .and_then(|t| t.stop_index.checked_sub(1))
        .and_then(|i| session.options().stops.get(i).copied());
    let heading = finished_stop.map_or_else(
        || "Scoreboard".to_string(),
        |stop| format!("Scoreboard after {}", stop_name(tour, stop)),
    );
    ui.label(
        egui::RichText::new(heading)
            .size(30.0)
            .strong()
            .color(color(p.accent)),
    );
    muted(ui, p, "Every team has now played the same stops.");
    scoreboard_grid(ui, p, &session.scoreboard(), "camp-round-standings");
    ui.add_space(8.0);
    if primary_button(ui, p, "Continue ▶").clicked() {
        window.seen_round = Some(done);
    }
    key_hints(ui, p, &[("Enter", "continue")]);
}

/// Whose turn is next: pass the keyboard, start the turn, or skip an absent team.
fn hand_over(
    ui: &mut egui::Ui,
    p: &Palette,
    tour: &Tour,
    session: &CampSession,
    play: &CampPlay,
    window: &mut CampWindow,
    out: &mut MessageWriter<CampCommand>,
) {
    let (Some(team), Some(stop)) = (
        session.current_team().and_then(|t| session.setup().team(t)),
        session.current_stop(),
    ) else {
        return;
    };
    let (done, total) = session.turn_progress();
    if play.between_turns {
        ui.label(egui::RichText::new("Pass the keyboard to").size(24.0));
        team_line(ui, p, team.color, team.icon, &team.name, 34.0);
        ui.label(
            egui::RichText::new(format!("{} next", stop_name(tour, stop)))
                .size(24.0)
                .strong(),
        );
    } else {
        team_line(ui, p, team.color, team.icon, &team.name, 30.0);
        ui.label(
            egui::RichText::new(format!(
                "This team's turn at {} is not finished.",
                stop_name(tour, stop)
            ))
            .size(22.0),
        );
    }
    muted(ui, p, &format!("Turn {} of {total}", (done + 1).min(total)));
    ui.add_space(6.0);
    let label = if play.between_turns {
        "Start turn ▶"
    } else {
        "Back to the turn ▶"
    };
    if primary_button(ui, p, label).clicked() {
        window.confirm_skip = false;
        out.write(CampCommand::StartTurn);
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if window.confirm_skip {
            ui.label(
                egui::RichText::new(format!(
                    "⚠ Skip {}? This stop scores 0 for them.",
                    team.name
                ))
                .color(color(p.warning)),
            );
            if ui.button("Yes, skip").clicked() {
                window.confirm_skip = false;
                out.write(CampCommand::SkipTurn);
            }
            if ui.button("No").clicked() {
                window.confirm_skip = false;
            }
        } else if ui.button("Skip this team's turn").clicked() {
            window.confirm_skip = true;
        }
        let mark = if window.show_scoreboard { "☑" } else { "☐" };
        if ui
            .selectable_label(window.show_scoreboard, format!("{mark} Scoreboard"))
            .clicked()
        {
            window.show_scoreboard = !window.show_scoreboard;
        }
        if ui.button("Camp menu").clicked() {
            window.open = true;
        }
    });
    if window.show_scoreboard {
        scoreboard_grid(ui, p, &session.scoreboard(), "camp-handover-standings");
    }
    key_hints(ui, p, &[("Enter", "start the turn")]);
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::camp::model::{CampOptions, CampSetup};

    fn setup(n: usize) -> CampSetup {
        CampSetup::new((1..=n).map(|i| format!("Team {i}")).collect()).expect("valid names")
    }

    #[test]
    fn the_round_scoreboard_shows_once_per_round() {
        let options = CampOptions {
            stops: vec![0, 1],
            ..CampOptions::default()
        };
        let mut s = CampSession::new(setup(2), options, 0).expect("session");
        assert_eq!(card_kind(&s, None), CardKind::HandOver);
        s.advance();
        assert_eq!(card_kind(&s, None), CardKind::HandOver);
        s.advance();
        assert_eq!(card_kind(&s, None), CardKind::RoundScoreboard { done: 2 });
        assert_eq!(card_kind(&s, Some(2)), CardKind::HandOver);
        s.advance();
        s.advance();
        assert_eq!(card_kind(&s, Some(2)), CardKind::Podium);
    }
}
