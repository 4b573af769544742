//! The camp window: the setup page before a camp, the status page while it runs, the podium
//! at the end, or the page a screenshot capture asked for.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::CampWindow;
use super::parts::{stop_name, team_line};
use super::scoreboard::{
    breakdown, end_controls, export_controls, podium_section, scoreboard_grid,
};
use super::setup_page::setup_page;
use crate::classroom::camp::model::CampSession;
use crate::classroom::camp::play::{CampCommand, CampPlay};
use crate::config::CampView;
use crate::tour::model::content::Tour;
use crate::tour::{GameContent, Screen, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{AllowWidgetFocus, BODY_SIZE, UiSettings, color};
use crate::ui::widgets::{content_area, fit_window, primary_button};

/// The page while a camp runs: where it is, the scoreboard, and the ways out.
fn status_page(
    ui: &mut egui::Ui,
    p: &Palette,
    tour: &Tour,
    window: &mut CampWindow,
    play: &CampPlay,
    session: &CampSession,
    screen: Screen,
    out: &mut MessageWriter<CampCommand>,
    nav: &mut MessageWriter<TourCommand>,
) {
    ui.label(
        egui::RichText::new("Camp in progress")
            .size(28.0)
            .strong()
            .color(color(p.accent)),
    );
    let (done, total) = session.turn_progress();
    if let (Some(team), Some(stop)) = (
        session.current_team().and_then(|t| session.setup().team(t)),
        session.current_stop(),
    ) {
        ui.label(format!(
            "{} · turn {} of {total}",
            stop_name(tour, stop),
            (done + 1).min(total)
        ));
        ui.horizontal(|ui| {
            ui.label(if play.between_turns {
                "Next:"
            } else {
                "Playing now:"
            });
            team_line(ui, p, team.color, team.icon, &team.name, BODY_SIZE);
        });
    }
    let options = session.options();
    ui.label(match options.timer {
        Some(t) if t.extension_seconds > 0 => format!(
            "Question timer: {} s per question, +{} s per \"more time\"",
            t.seconds_per_question, t.extension_seconds
        ),
        Some(t) => format!("Question timer: {} s per question", t.seconds_per_question),
        None => "Question timer: off".to_string(),
    });
    ui.label(if options.speed_bonus_active() {
        "Speed bonus: on"
    } else {
        "Speed bonus: off (speed earns no points)"
    });
    ui.separator();
    scoreboard_grid(ui, p, &session.scoreboard(), "camp-status-standings");
    breakdown(ui, session, "camp-status-breakdown");
    ui.separator();
    if primary_button(ui, p, "Continue ▶").clicked() {
        window.open = false;
        window.forced = None;
        if screen == Screen::Title {
            nav.write(TourCommand::StartTour);
        }
    }
    ui.add_space(6.0);
    export_controls(ui, p, play.exported.as_ref(), out);
    end_controls(ui, p, &mut window.confirm_end, out);
}

pub(super) fn camp_window_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    mut window: ResMut<CampWindow>,
    play: Res<CampPlay>,
    screen: Res<State<Screen>>,
    mut out: MessageWriter<CampCommand>,
    mut nav: MessageWriter<TourCommand>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
) -> Result {
    if !window.open {
        return Ok(());
    }
    allow_focus.0 = true;
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let window = &mut *window;
    let screen = *screen.get();
    let tour = &content.tour;
    let session = play.session.as_ref();
    let mut open = true;
    let shown = egui::Window::new("Camp mode (Esc to close)")
        .open(&mut open)
        .default_size(fit_window(ctx, egui::vec2(880.0, 660.0)))
        .max_size(content_area(ctx).size())
        .constrain_to(content_area(ctx))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| match (window.forced, session) {
                (Some(CampView::Scoreboard), Some(s)) => {
                    ui.label(
                        egui::RichText::new("Scoreboard")
                            .size(28.0)
                            .strong()
                            .color(color(p.accent)),
                    );
                    scoreboard_grid(ui, &p, &s.scoreboard(), "camp-window-standings");
                }
                (Some(CampView::Podium), Some(s)) => podium_section(
                    ui,
                    &p,
                    s,
                    play.exported.as_ref(),
                    &mut window.confirm_end,
                    &mut out,
                ),
                (None, Some(s)) if s.is_finished() => podium_section(
                    ui,
                    &p,
                    s,
                    play.exported.as_ref(),
                    &mut window.confirm_end,
                    &mut out,
                ),
                (None, Some(s)) => status_page(
                    ui,
                    &p,
                    tour,
                    &mut *window,
                    &play,
                    s,
                    screen,
                    &mut out,
                    &mut nav,
                ),
                (_, s) => setup_page(
                    ui,
                    &p,
                    tour,
                    &mut *window,
                    s.is_some(),
                    screen,
                    &mut out,
                    &mut nav,
                ),
            });
        });
    // Tab and the arrow keys stay inside this window while it is open.
    if let Some(shown) = &shown {
        crate::ui::widgets::keep_keyboard_in(ctx, shown.response.layer_id);
    }
    if !open {
        window.open = false;
        window.forced = None;
        window.confirm_end = false;
    }
    Ok(())
}
