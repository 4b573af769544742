//! Camp mode on screen: the team setup window, the team banner during a turn (with the optional
//! question timer), the hand-over card and the scoreboard between turns, and the podium at the
//! end. The rules live in `crate::classroom::camp::model` and the turn-keeping in `crate::classroom::camp::play`;
//! this file only reads them and sends `CampCommand`s.
//!
//! Keyboard: on the lot, Enter starts the next team's turn (or moves on from the scoreboard);
//! in the camp window, Tab moves between controls, Space or Enter uses one, Esc closes it.

use std::path::PathBuf;

use bevy::input::InputSystems;
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::GameConfig;
use crate::classroom::camp::model::{
    CampError, CampOptions, CampSession, CampSetup, MAX_EXTENSION_SECONDS, MAX_TEAMS, MIN_TEAMS,
    QuestionTimer, SPEED_BONUS_MAX, Standing, TIME_UP_MESSAGE, TIMER_MAX_SECONDS,
    TIMER_MIN_SECONDS, TeamColor, TeamIcon, TimerOptions,
};
use crate::classroom::camp::play::{CampCommand, CampPlay};
use crate::classroom::presenter::commands::PresenterState;
use crate::config::CampView;
use crate::tour::input::typing;
use crate::tour::model::content::{STOP_COUNT, Tour};
use crate::tour::{CurrentStop, GameContent, Screen, StopPhase, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{AllowWidgetFocus, BODY_SIZE, UiSettings, UiSystems, color};
use crate::ui::widgets::{card, key_hints, primary_button, stars_text, value_bar};

/// Teams a new setup starts with: a class usually splits into about four groups, and adding or
/// removing a row is one click.
const DEFAULT_TEAMS: usize = 4;

/// Keys that act on the screen under a camp card or the camp window (start the tour, enter a
/// stop at a door, answer a finale poll). While camp mode owns the keyboard they are swallowed,
/// so a team cannot walk into a stop out of turn.
const ACTION_KEYS: [KeyCode; 3] = [KeyCode::Enter, KeyCode::NumpadEnter, KeyCode::Space];
const DIGIT_KEYS: [KeyCode; 20] = [
    KeyCode::Digit0,
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
    KeyCode::Numpad0,
    KeyCode::Numpad1,
    KeyCode::Numpad2,
    KeyCode::Numpad3,
    KeyCode::Numpad4,
    KeyCode::Numpad5,
    KeyCode::Numpad6,
    KeyCode::Numpad7,
    KeyCode::Numpad8,
    KeyCode::Numpad9,
];
/// Kept while typing, as bevy_egui's own input absorber does, so Ctrl and Shift shortcuts
/// elsewhere do not see a modifier "released" mid-press.
const MODIFIER_KEYS: [KeyCode; 8] = [
    KeyCode::ShiftLeft,
    KeyCode::ShiftRight,
    KeyCode::ControlLeft,
    KeyCode::ControlRight,
    KeyCode::AltLeft,
    KeyCode::AltRight,
    KeyCode::SuperLeft,
    KeyCode::SuperRight,
];

/// The camp window: the setup before a camp, its status while it runs, the podium at the end.
/// The title screen and the lot open it by setting `open`.
#[derive(Resource, Debug, Default)]
pub struct CampWindow {
    pub open: bool,
    /// The teams and options being set up; made the first time the setup page shows, and kept
    /// after a camp ends so the same teams can play again.
    draft: Option<SetupDraft>,
    /// Why the setup could not be prepared (not expected: the default names are valid).
    draft_error: Option<String>,
    /// A page a screenshot capture asked for (`GameConfig::camp_view`).
    forced: Option<CampView>,
    /// "End camp" was pressed once; ending needs a second, explicit press.
    confirm_end: bool,
    /// "Skip this team's turn" was pressed once (a skipped stop scores 0).
    confirm_skip: bool,
    /// The scoreboard is unfolded under the hand-over card.
    show_scoreboard: bool,
    /// The turn count at which the teacher moved on from the end-of-round scoreboard, so it
    /// shows once per round.
    seen_round: Option<usize>,
    /// Why "Start camp" did nothing.
    message: Option<String>,
}

/// The setup being edited. The teams are a real `CampSetup`, changed only through its own
/// checked methods, so what is on screen can always start a camp; the typed names sit beside
/// it because a half-typed name may not be valid yet.
#[derive(Debug, Clone)]
struct SetupDraft {
    setup: CampSetup,
    /// What is in each name box, one per team.
    names: Vec<String>,
    /// Why a typed name was refused, one per team (the team keeps its last valid name).
    name_errors: Vec<Option<String>>,
    /// The last colour or icon refused, as (team, why).
    style_error: Option<(usize, String)>,
    /// What adding or removing a team changed that the teacher did not ask for.
    note: Option<String>,
    timer_on: bool,
    seconds: u32,
    extension: u32,
    speed_bonus: bool,
    stops: [bool; STOP_COUNT],
}

/// A team name from its colour and icon ("Red Stars"): easy to say aloud and to find on the
/// scoreboard.
fn default_name(color: TeamColor, icon: TeamIcon) -> String {
    format!("{} {}s", color.label(), icon.label())
}

impl SetupDraft {
    /// The gentlest camp: four teams, no timer, no speed bonus, every stop.
    fn new() -> Result<SetupDraft, CampError> {
        let names: Vec<String> = TeamColor::ALL
            .iter()
            .zip(TeamIcon::ALL)
            .take(DEFAULT_TEAMS)
            .map(|(c, i)| default_name(*c, i))
            .collect();
        let setup = CampSetup::new(names.clone())?;
        let timer = TimerOptions::default();
        Ok(SetupDraft {
            setup,
            name_errors: vec![None; names.len()],
            names,
            style_error: None,
            note: None,
            timer_on: false,
            seconds: timer.seconds_per_question,
            extension: timer.extension_seconds,
            speed_bonus: false,
            stops: [true; STOP_COUNT],
        })
    }

    /// The options as chosen. Checked by `CampOptions::validate`, not here.
    fn options(&self) -> CampOptions {
        CampOptions {
            timer: self.timer_on.then_some(TimerOptions {
                seconds_per_question: self.seconds,
                extension_seconds: self.extension,
            }),
            speed_bonus: self.speed_bonus,
            stops: self
                .stops
                .iter()
                .enumerate()
                .filter_map(|(stop, on)| on.then_some(stop))
                .collect(),
        }
    }

    /// Send every typed name through `rename`, which keeps the naming rules. Twice, so that
    /// two teams swapping names settle (the first rename is refused while the other still has
    /// the name).
    fn apply_names(&mut self) {
        for _ in 0..2 {
            for (i, (name, error)) in self
                .names
                .iter()
                .zip(self.name_errors.iter_mut())
                .enumerate()
            {
                *error = self.setup.rename(i, name).err().map(|e| e.to_string());
            }
        }
    }

    fn pick_color(&mut self, team: usize, color: TeamColor) {
        self.style_error = self
            .setup
            .set_color(team, color)
            .err()
            .map(|e| (team, e.to_string()));
    }

    fn pick_icon(&mut self, team: usize, icon: TeamIcon) {
        self.style_error = self
            .setup
            .set_icon(team, icon)
            .err()
            .map(|e| (team, e.to_string()));
    }

    fn styles(&self) -> Vec<(TeamColor, TeamIcon)> {
        self.setup
            .teams()
            .iter()
            .map(|t| (t.color, t.icon))
            .collect()
    }

    fn valid_names(&self) -> Vec<String> {
        self.setup.teams().iter().map(|t| t.name.clone()).collect()
    }

    /// A new row with the first free colour and icon, named after them (or "Team N" when that
    /// name is taken). Returns whether every team kept its colour and icon.
    fn add_team(&mut self) -> Result<bool, CampError> {
        let mut styles = self.styles();
        let found = styles.len() + 1;
        let color = TeamColor::ALL
            .into_iter()
            .find(|c| styles.iter().all(|s| s.0 != *c));
        let icon = TeamIcon::ALL
            .into_iter()
            .find(|i| styles.iter().all(|s| s.1 != *i));
        let (Some(color), Some(icon)) = (color, icon) else {
            return Err(CampError::TooManyTeams { found });
        };
        styles.push((color, icon));
        let names = self.valid_names();
        let mut candidates = vec![default_name(color, icon)];
        candidates.extend((1..=MAX_TEAMS + 1).map(|n| format!("Team {n}")));
        let mut refused = CampError::TooManyTeams { found };
        for candidate in candidates {
            let mut with = names.clone();
            with.push(candidate.clone());
            match CampSetup::new(with) {
                Ok(mut setup) => {
                    let complete = restyle(&mut setup, &styles);
                    self.setup = setup;
                    self.names.push(candidate);
                    self.name_errors.push(None);
                    self.style_error = None;
                    self.apply_names();
                    return Ok(complete);
                }
                Err(e @ CampError::DuplicateName { .. }) => refused = e,
                Err(e) => return Err(e),
            }
        }
        Err(refused)
    }

    /// Remove a row; the other teams keep their names, colours and icons. Refused below
    /// `MIN_TEAMS`. Returns whether every team kept its colour and icon.
    fn remove_team(&mut self, team: usize) -> Result<bool, CampError> {
        let mut names = self.valid_names();
        let mut styles = self.styles();
        if team >= names.len() {
            return Err(CampError::NoSuchTeam { team });
        }
        names.remove(team);
        styles.remove(team);
        let mut setup = CampSetup::new(names)?;
        let complete = restyle(&mut setup, &styles);
        self.setup = setup;
        if team < self.names.len() {
            self.names.remove(team);
        }
        if team < self.name_errors.len() {
            self.name_errors.remove(team);
        }
        self.style_error = None;
        self.apply_names();
        Ok(complete)
    }

    /// Everything that stops the camp starting, in words; empty when it can start.
    fn problems(&self) -> Vec<String> {
        let mut out: Vec<String> = self.name_errors.iter().flatten().cloned().collect();
        if let Err(e) = self.options().validate() {
            out.push(e.to_string());
        }
        out
    }
}

/// Give each team of a rebuilt setup the colour and icon it had. `set_color` and `set_icon`
/// refuse a colour another team holds (so nobody's colour changes behind their back), so when
/// two teams want each other's colour one first steps aside onto a free one. Returns false when
/// some team could not get its own back: with eight teams no colour is free to step onto.
fn restyle(setup: &mut CampSetup, styles: &[(TeamColor, TeamIcon)]) -> bool {
    let colors: Vec<TeamColor> = styles.iter().map(|s| s.0).collect();
    let icons: Vec<TeamIcon> = styles.iter().map(|s| s.1).collect();
    let colors_done = reach(
        setup,
        &TeamColor::ALL,
        &colors,
        |s: &CampSetup, i: usize| s.team(i).map(|t| t.color),
        |s: &mut CampSetup, i: usize, c: TeamColor| s.set_color(i, c),
    );
    let icons_done = reach(
        setup,
        &TeamIcon::ALL,
        &icons,
        |s: &CampSetup, i: usize| s.team(i).map(|t| t.icon),
        |s: &mut CampSetup, i: usize, c: TeamIcon| s.set_icon(i, c),
    );
    colors_done && icons_done
}

/// Move every team to its wanted value (colour or icon) through a setter that refuses values
/// another team holds.
fn reach<T: Copy + PartialEq>(
    setup: &mut CampSetup,
    all: &[T],
    wanted: &[T],
    current: fn(&CampSetup, usize) -> Option<T>,
    set: fn(&mut CampSetup, usize, T) -> Result<(), CampError>,
) -> bool {
    let n = wanted.len().min(setup.len());
    // Each round places a team, or parks one so the value another waits for comes free; a
    // park is always followed by a placement, so two rounds per team are enough.
    for _ in 0..=2 * MAX_TEAMS {
        let waiting: Vec<usize> = (0..n)
            .filter(|&i| current(setup, i) != Some(wanted[i]))
            .collect();
        let Some(&first) = waiting.first() else {
            return true;
        };
        if waiting.iter().any(|&i| set(setup, i, wanted[i]).is_ok()) {
            continue;
        }
        let held: Vec<T> = (0..setup.len()).filter_map(|i| current(setup, i)).collect();
        let Some(&free) = all.iter().find(|v| !held.contains(v)) else {
            return false;
        };
        if set(setup, first, free).is_err() {
            return false;
        }
    }
    false
}

/// What the card on the lot shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CardKind {
    /// Every team has played every stop.
    Podium,
    /// Every team has just played the same stop: the fair moment to compare them. `done` is
    /// the turn count, so the scoreboard shows once per round.
    RoundScoreboard { done: usize },
    /// Whose turn is next (or unfinished).
    HandOver,
}

fn card_kind(session: &CampSession, seen_round: Option<usize>) -> CardKind {
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

/// "1st", "2nd", "3rd", "4th"…, for places.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn stop_name(tour: &Tour, stop: usize) -> String {
    tour.stop(stop).map_or_else(
        || format!("Stop {stop}"),
        |s| format!("Stop {stop}: {}", s.title),
    )
}

fn team_color(c: TeamColor) -> egui::Color32 {
    let [r, g, b] = c.srgb();
    egui::Color32::from_rgb(r, g, b)
}

/// A square of the team's colour with an outline in the text colour, so a pale colour still
/// shows on the projector's white panels.
fn swatch(ui: &mut egui::Ui, p: &Palette, c: TeamColor, size: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    ui.painter().rect_filled(rect, 3.0, team_color(c));
    ui.painter().rect_stroke(
        rect,
        3.0,
        egui::Stroke::new(1.0, color(p.text)),
        egui::StrokeKind::Outside,
    );
}

/// A team as camp mode always shows it: colour swatch, icon and name. The text stays in the
/// palette's text colour (a yellow name on a white projector panel cannot be read); the team
/// colour is only the swatch, and never the only clue.
fn team_line(ui: &mut egui::Ui, p: &Palette, c: TeamColor, icon: TeamIcon, name: &str, size: f32) {
    ui.horizontal(|ui| {
        swatch(ui, p, c, (size * 0.8).max(12.0));
        ui.label(
            egui::RichText::new(format!("{} {name}", icon.glyph()))
                .size(size)
                .strong(),
        )
        .on_hover_text(format!("{} team, {} icon", c.label(), icon.label()));
    });
}

fn warning_line(ui: &mut egui::Ui, p: &Palette, text: &str) {
    ui.label(egui::RichText::new(format!("⚠ {text}")).color(color(p.warning)));
}

fn muted(ui: &mut egui::Ui, p: &Palette, text: &str) {
    ui.label(egui::RichText::new(text).color(color(p.muted_text)));
}

/// The standings, best first: place (ties say so), team, points as a bar with the number,
/// stops played and questions right on the first try.
fn scoreboard_grid(ui: &mut egui::Ui, p: &Palette, rows: &[Standing], id: &str) {
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
fn breakdown(ui: &mut egui::Ui, session: &CampSession, id: &str) {
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

fn export_controls(
    ui: &mut egui::Ui,
    p: &Palette,
    exported: Option<&Result<PathBuf, String>>,
    out: &mut MessageWriter<CampCommand>,
) {
    if ui.button("Export results (CSV)").clicked() {
        out.write(CampCommand::Export);
    }
    match exported {
        Some(Ok(path)) => {
            ui.label(
                egui::RichText::new(format!("✔ Saved: {}", path.display())).color(color(p.success)),
            );
        }
        Some(Err(e)) => warning_line(ui, p, &format!("Could not export the results: {e}")),
        None => {}
    }
}

/// "End camp", then a second, explicit yes: ending deletes the saved camp.
fn end_controls(
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
fn podium_section(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &CampSession,
    exported: Option<&Result<PathBuf, String>>,
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

/// The setup page: teams, options, and "Start camp".
fn setup_page(
    ui: &mut egui::Ui,
    p: &Palette,
    tour: &Tour,
    window: &mut CampWindow,
    replaces_camp: bool,
    screen: Screen,
    out: &mut MessageWriter<CampCommand>,
    nav: &mut MessageWriter<TourCommand>,
) {
    if window.draft.is_none() && window.draft_error.is_none() {
        match SetupDraft::new() {
            Ok(draft) => window.draft = Some(draft),
            Err(e) => window.draft_error = Some(e.to_string()),
        }
    }
    let Some(draft) = window.draft.as_mut() else {
        if let Some(e) = &window.draft_error {
            warning_line(ui, p, &format!("The camp setup could not be prepared: {e}"));
        }
        return;
    };
    ui.label(
        egui::RichText::new("Camp mode: teams take turns at this computer")
            .size(28.0)
            .strong()
            .color(color(p.accent)),
    );
    muted(
        ui,
        p,
        "Every team plays a stop before anyone plays the next one. Points come from solving \
         gate questions in few tries and from level stars.",
    );
    if replaces_camp {
        warning_line(
            ui,
            p,
            "A camp is saved on this computer. Starting a new one replaces it.",
        );
    }
    ui.separator();
    teams_editor(ui, p, draft);
    ui.separator();
    options_editor(ui, p, tour, draft);
    ui.separator();
    let problems = draft.problems();
    for problem in &problems {
        warning_line(ui, p, problem);
    }
    ui.add_space(6.0);
    if primary_button(ui, p, "Start camp ▶").clicked() {
        if problems.is_empty() {
            out.write(CampCommand::Begin(draft.setup.clone(), draft.options()));
            window.message = None;
            window.open = false;
            window.forced = None;
            window.seen_round = None;
            window.show_scoreboard = false;
            window.confirm_end = false;
            window.confirm_skip = false;
            // The hand-over card waits on the lot.
            match screen {
                Screen::Title => {
                    nav.write(TourCommand::StartTour);
                }
                Screen::Stop => {
                    nav.write(TourCommand::ToMap);
                }
                Screen::Map | Screen::Finale => {}
            }
        } else {
            window.message = Some("Fix the ⚠ items above first; then start the camp.".into());
        }
    }
    if let Some(m) = &window.message {
        warning_line(ui, p, m);
    }
}

/// What a team row's picker asked for.
enum Pick {
    Color(usize, TeamColor),
    Icon(usize, TeamIcon),
}

fn teams_editor(ui: &mut egui::Ui, p: &Palette, draft: &mut SetupDraft) {
    ui.heading(format!("Teams ({MIN_TEAMS} to {MAX_TEAMS})"));
    muted(
        ui,
        p,
        "Each team has a name, a colour and an icon, so teams can be told apart without colour. \
         A colour or icon another team has is marked \"taken\".",
    );
    let mut names_changed = false;
    let mut remove = None;
    let mut pick = None;
    let count = draft.names.len();
    for i in 0..count {
        let Some(team) = draft.setup.team(i).cloned() else {
            continue;
        };
        let others: Vec<(TeamColor, TeamIcon)> = draft
            .setup
            .teams()
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, t)| (t.color, t.icon))
            .collect();
        card(p).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                swatch(ui, p, team.color, 20.0);
                ui.label(
                    egui::RichText::new(format!("{} Team {}", team.icon.glyph(), i + 1)).strong(),
                );
                if let Some(name) = draft.names.get_mut(i) {
                    let edit = ui.add(
                        egui::TextEdit::singleline(name)
                            .id_salt(("camp-team-name", i))
                            .desired_width(300.0)
                            .hint_text("team name"),
                    );
                    if edit.changed() {
                        names_changed = true;
                    }
                }
                if ui
                    .add_enabled(count > MIN_TEAMS, egui::Button::new("Remove"))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label("Colour:");
                for c in TeamColor::ALL {
                    swatch(ui, p, c, 16.0);
                    let chosen = team.color == c;
                    let mark = if chosen { "☑" } else { "☐" };
                    let taken = if others.iter().any(|o| o.0 == c) {
                        " (taken)"
                    } else {
                        ""
                    };
                    if ui
                        .selectable_label(chosen, format!("{mark} {}{taken}", c.label()))
                        .clicked()
                        && !chosen
                    {
                        pick = Some(Pick::Color(i, c));
                    }
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label("Icon:");
                for icon in TeamIcon::ALL {
                    let chosen = team.icon == icon;
                    let mark = if chosen { "☑" } else { "☐" };
                    let taken = if others.iter().any(|o| o.1 == icon) {
                        " (taken)"
                    } else {
                        ""
                    };
                    if ui
                        .selectable_label(
                            chosen,
                            format!("{mark} {} {}{taken}", icon.glyph(), icon.label()),
                        )
                        .clicked()
                        && !chosen
                    {
                        pick = Some(Pick::Icon(i, icon));
                    }
                }
            });
            if let Some(Some(e)) = draft.name_errors.get(i) {
                warning_line(ui, p, e);
            }
            if let Some((t, e)) = &draft.style_error
                && *t == i
            {
                warning_line(ui, p, e);
            }
        });
    }
    if names_changed {
        draft.apply_names();
    }
    match pick {
        Some(Pick::Color(team, c)) => draft.pick_color(team, c),
        Some(Pick::Icon(team, icon)) => draft.pick_icon(team, icon),
        None => {}
    }
    if let Some(team) = remove {
        draft.note = match draft.remove_team(team) {
            Ok(true) => None,
            Ok(false) => Some(
                "Some teams got another colour or icon: with this many teams none was free \
                 to swap through."
                    .into(),
            ),
            Err(e) => Some(e.to_string()),
        };
    }
    if ui
        .add_enabled(
            draft.names.len() < MAX_TEAMS,
            egui::Button::new("+ Add a team"),
        )
        .clicked()
    {
        draft.note = match draft.add_team() {
            Ok(true) => None,
            Ok(false) => Some(
                "With eight teams every colour and icon is in use, so some teams got another \
                 one; each team still has its own."
                    .into(),
            ),
            Err(e) => Some(e.to_string()),
        };
    }
    if let Some(note) = &draft.note {
        ui.label(egui::RichText::new(format!("ℹ {note}")).color(color(p.muted_text)));
    }
}

fn options_editor(ui: &mut egui::Ui, p: &Palette, tour: &Tour, draft: &mut SetupDraft) {
    ui.heading("Options");
    ui.checkbox(&mut draft.timer_on, "Question timer");
    if draft.timer_on {
        ui.horizontal(|ui| {
            ui.label("Seconds per question:");
            ui.add(
                egui::Slider::new(&mut draft.seconds, TIMER_MIN_SECONDS..=TIMER_MAX_SECONDS)
                    .suffix(" s"),
            );
        });
        ui.horizontal(|ui| {
            ui.label("Each \"more time\" adds:");
            ui.add(
                egui::Slider::new(&mut draft.extension, 0..=MAX_EXTENSION_SECONDS)
                    .step_by(5.0)
                    .suffix(" s"),
            );
        });
        muted(
            ui,
            p,
            &format!(
                "At zero the timer only says \"{TIME_UP_MESSAGE}\": nobody is stopped and no \
                 points are lost. 0 s hides the \"more time\" button."
            ),
        );
    } else {
        muted(ui, p, "No countdown: every team takes the time it needs.");
    }
    ui.checkbox(&mut draft.speed_bonus, "Speed bonus (only with the timer)");
    muted(
        ui,
        p,
        &format!(
            "Speed never earns points unless this is on. With it on and the timer running, a \
             question solved early earns up to {SPEED_BONUS_MAX} points more; solving in few \
             tries still counts most."
        ),
    );
    if draft.speed_bonus && !draft.timer_on {
        ui.label(
            egui::RichText::new("ℹ The speed bonus counts only while the question timer is on.")
                .color(color(p.muted_text)),
        );
    }
    ui.label(egui::RichText::new("Stops to play").strong());
    ui.horizontal_wrapped(|ui| {
        for (stop, on) in draft.stops.iter_mut().enumerate() {
            let title = tour.stop(stop).map_or("", |s| s.title.as_str());
            ui.checkbox(on, format!("{stop} {title}"));
        }
    });
}

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

fn camp_window_ui(
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
        .default_size(egui::vec2(880.0, 660.0))
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

/// The card on the lot (and over the finale) between turns: the hand-over, the end-of-round
/// scoreboard or the podium. With no camp, a small button opens the camp window.
fn camp_card_ui(
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

/// The team banner in a stop: whose turn it is, and in the gate the timer when the camp uses
/// one. It never blocks the game: time's up is a message, not a lock.
fn camp_banner_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    play: Res<CampPlay>,
    current: Res<CurrentStop>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<StopPhase>>>,
    presenter: Option<Res<PresenterState>>,
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
    // Below the presenter bar when it is showing.
    let top = if presenter.is_some_and(|s| s.active && !s.chrome_hidden) {
        96.0
    } else {
        12.0
    };
    let extension = session.options().timer.map_or(0, |t| t.extension_seconds);
    let (done, total) = session.turn_progress();
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    egui::Area::new(egui::Id::new("camp-banner"))
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-12.0, top))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(color(p.panel))
                .stroke(egui::Stroke::new(2.0, color(p.accent)))
                .corner_radius(8.0)
                .inner_margin(egui::Margin::same(10))
                .show(ui, |ui| {
                    ui.set_max_width(440.0);
                    team_line(ui, &p, team.color, team.icon, &team.name, 22.0);
                    ui.label(format!(
                        "Stop {stop} · turn {} of {total}",
                        (done + 1).min(total)
                    ));
                    if play.between_turns || current.0 != stop {
                        ui.label(
                            egui::RichText::new(format!(
                                "ℹ Not a camp turn: go back to the lot to start {}'s turn at \
                                 Stop {stop}.",
                                team.name
                            ))
                            .color(color(p.muted_text)),
                        );
                    }
                    if at_gate && let Some(timer) = play.timer.as_ref() {
                        timer_ui(ui, &p, timer, extension, &mut out);
                    }
                });
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

/// Clear every key but the modifiers: while a text box has the keyboard, letters and Space
/// belong to it and must not also walk, start the tour or answer a gate.
fn swallow_typing(keys: &mut ButtonInput<KeyCode>) {
    let held: Vec<KeyCode> = MODIFIER_KEYS
        .into_iter()
        .filter(|&k| keys.pressed(k))
        .collect();
    keys.reset_all();
    for key in held {
        keys.press(key);
    }
}

/// Clear Enter, Space and the digits (digits stay with Ctrl, the presenter's stop jump).
fn swallow_screen_keys(keys: &mut ButtonInput<KeyCode>) {
    for key in ACTION_KEYS {
        keys.reset(key);
    }
    if !keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]) {
        for key in DIGIT_KEYS {
            keys.reset(key);
        }
    }
}

/// Camp mode's keys, read right after Bevy reads the keyboard so the screens underneath do not
/// also act on them: Esc closes the camp window, and on the lot Enter starts the turn (or
/// moves on from the scoreboard).
fn camp_keys(
    mut keys: ResMut<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    mut window: ResMut<CampWindow>,
    play: Res<CampPlay>,
    screen: Option<Res<State<Screen>>>,
    mut out: MessageWriter<CampCommand>,
) {
    let typing_now = typing(&wants);
    // F4 opens and closes the camp window from anywhere, so camp mode needs no mouse.
    if !typing_now && keys.just_pressed(KeyCode::F4) {
        keys.reset(KeyCode::F4);
        window.open = !window.open;
        window.confirm_end = false;
        return;
    }
    if window.open {
        if typing_now {
            swallow_typing(&mut keys);
            return;
        }
        if keys.just_pressed(KeyCode::Escape) {
            keys.reset(KeyCode::Escape);
            window.open = false;
            window.forced = None;
            window.confirm_end = false;
        }
        swallow_screen_keys(&mut keys);
        return;
    }
    let Some(session) = play.session.as_ref() else {
        return;
    };
    let on_lot = screen
        .as_ref()
        .is_some_and(|s| matches!(s.get(), Screen::Map | Screen::Finale));
    if !on_lot || typing_now {
        return;
    }
    let enter = keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]);
    swallow_screen_keys(&mut keys);
    if !enter {
        return;
    }
    match card_kind(session, window.seen_round) {
        CardKind::RoundScoreboard { done } => window.seen_round = Some(done),
        CardKind::HandOver => {
            window.confirm_skip = false;
            out.write(CampCommand::StartTurn);
        }
        CardKind::Podium => {}
    }
}

/// Screenshot captures (`camp_view`) open the window on the page they ask for.
fn open_for_capture(config: Res<GameConfig>, mut window: ResMut<CampWindow>) {
    if let Some(view) = config.camp_view {
        window.open = true;
        window.forced = Some(view);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CampWindow>()
        .add_systems(Startup, open_for_capture)
        .add_systems(
            PreUpdate,
            camp_keys
                .after(InputSystems)
                .after(crate::ui::remap::RemapSystems),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (camp_card_ui, camp_banner_ui, camp_window_ui)
                .chain()
                .in_set(UiSystems::Overlays),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(n: usize) -> CampSetup {
        CampSetup::new((1..=n).map(|i| format!("Team {i}")).collect()).expect("valid names")
    }

    #[test]
    fn places_read_as_ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd"
            ]
        );
    }

    #[test]
    fn restyle_swaps_colours_through_a_free_one() {
        let mut s = setup(3);
        let wanted = [
            (TeamColor::Orange, TeamIcon::Circle),
            (TeamColor::Red, TeamIcon::Star),
            (TeamColor::Yellow, TeamIcon::Square),
        ];
        assert!(restyle(&mut s, &wanted));
        let got: Vec<(TeamColor, TeamIcon)> = s.teams().iter().map(|t| (t.color, t.icon)).collect();
        assert_eq!(got, wanted);
    }

    #[test]
    fn restyle_with_eight_teams_has_nothing_to_swap_through() {
        let mut s = setup(MAX_TEAMS);
        let mut wanted: Vec<(TeamColor, TeamIcon)> =
            TeamColor::ALL.into_iter().zip(TeamIcon::ALL).collect();
        wanted.swap(0, 1);
        assert!(!restyle(&mut s, &wanted));
        // Still a valid setup: every team kept a colour of its own.
        let mut colors: Vec<&str> = s.teams().iter().map(|t| t.color.label()).collect();
        colors.sort_unstable();
        colors.dedup();
        assert_eq!(colors.len(), MAX_TEAMS);
    }

    #[test]
    fn removing_a_team_keeps_the_others_styles() {
        let mut d = SetupDraft::new().expect("draft");
        d.pick_color(1, TeamColor::Pink);
        assert_eq!(d.style_error, None);
        assert_eq!(d.remove_team(0), Ok(true));
        assert_eq!(d.setup.len(), DEFAULT_TEAMS - 1);
        assert_eq!(d.names.len(), DEFAULT_TEAMS - 1);
        assert_eq!(d.setup.teams()[0].color, TeamColor::Pink);
        assert_eq!(d.setup.teams()[0].name, "Orange Circles");
    }

    #[test]
    fn adding_a_team_gets_a_free_style_and_a_fresh_name() {
        let mut d = SetupDraft::new().expect("draft");
        d.names[0] = "Teal Diamonds".into();
        d.apply_names();
        assert_eq!(d.add_team(), Ok(true));
        let last = d.setup.teams().last().expect("a team");
        assert_eq!(last.color, TeamColor::Teal);
        assert_eq!(last.name, "Team 1");
        assert_eq!(d.names.len(), d.setup.len());
    }

    #[test]
    fn a_taken_colour_or_a_bad_name_is_explained() {
        let mut d = SetupDraft::new().expect("draft");
        d.pick_color(0, TeamColor::Orange);
        assert!(
            d.style_error
                .as_ref()
                .is_some_and(|(t, e)| *t == 0 && e.contains("Orange"))
        );
        d.names[1] = "   ".into();
        d.apply_names();
        assert!(d.name_errors[1].is_some());
        assert!(!d.problems().is_empty());
        d.stops = [false; STOP_COUNT];
        d.names[1] = "Sound Crew".into();
        d.apply_names();
        assert_eq!(d.problems(), vec![CampError::NoStops.to_string()]);
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
