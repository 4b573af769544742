//! The camp window's setup page: the teams (names, colours, icons), the options, and "Start camp".

use bevy::prelude::*;
use bevy_egui::egui;

use super::CampWindow;
use super::draft::SetupDraft;
use super::parts::{muted, swatch, warning_line};
use crate::classroom::camp::model::{
    MAX_EXTENSION_SECONDS, MAX_TEAMS, MIN_TEAMS, SPEED_BONUS_MAX, TIME_UP_MESSAGE,
    TIMER_MAX_SECONDS, TIMER_MIN_SECONDS, TeamColor, TeamIcon,
};
use crate::classroom::camp::play::CampCommand;
use crate::tour::model::content::Tour;
use crate::tour::{Screen, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::{card, primary_button};

/// The setup page: teams, options, and "Start camp".
pub(super) fn setup_page(
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

/// What the teacher did to the team rows this frame. Applied after every row is drawn, so no
/// row changes the setup while another is still reading it.
#[derive(Default)]
struct RowEdits {
    names_changed: bool,
    remove: Option<usize>,
    pick: Option<Pick>,
}

fn teams_editor(ui: &mut egui::Ui, p: &Palette, draft: &mut SetupDraft) {
    ui.heading(format!("Teams ({MIN_TEAMS} to {MAX_TEAMS})"));
    muted(
        ui,
        p,
        "Each team has a name, a colour and an icon, so teams can be told apart without colour. \
         A colour or icon another team has is marked \"taken\".",
    );
    let mut edits = RowEdits::default();
    for i in 0..draft.names.len() {
        team_row(ui, p, draft, i, &mut edits);
    }
    apply_row_edits(draft, edits);
    add_team_button(ui, draft);
    if let Some(note) = &draft.note {
        ui.label(egui::RichText::new(format!("ℹ {note}")).color(color(p.muted_text)));
    }
}

/// One team's card: name box, "Remove", the colour and icon pickers, and why an edit was
/// refused.
fn team_row(
    ui: &mut egui::Ui,
    p: &Palette,
    draft: &mut SetupDraft,
    i: usize,
    edits: &mut RowEdits,
) {
    let count = draft.names.len();
    let Some(team) = draft.setup.team(i).cloned() else {
        return;
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
            ui.label(egui::RichText::new(format!("{} Team {}", team.icon.glyph(), i + 1)).strong());
            if let Some(name) = draft.names.get_mut(i) {
                let edit = ui.add(
                    egui::TextEdit::singleline(name)
                        .id_salt(("camp-team-name", i))
                        .desired_width(300.0)
                        .hint_text("team name"),
                );
                if edit.changed() {
                    edits.names_changed = true;
                }
            }
            if ui
                .add_enabled(count > MIN_TEAMS, egui::Button::new("Remove"))
                .clicked()
            {
                edits.remove = Some(i);
            }
        });
        color_picker(ui, p, i, team.color, &others, edits);
        icon_picker(ui, i, team.icon, &others, edits);
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

/// Every colour as a swatch and a checkbox-like label; one another team has says "taken".
fn color_picker(
    ui: &mut egui::Ui,
    p: &Palette,
    i: usize,
    current: TeamColor,
    others: &[(TeamColor, TeamIcon)],
    edits: &mut RowEdits,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Colour:");
        for c in TeamColor::ALL {
            swatch(ui, p, c, 16.0);
            let chosen = current == c;
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
                edits.pick = Some(Pick::Color(i, c));
            }
        }
    });
}

/// Every icon with its glyph and name; one another team has says "taken".
fn icon_picker(
    ui: &mut egui::Ui,
    i: usize,
    current: TeamIcon,
    others: &[(TeamColor, TeamIcon)],
    edits: &mut RowEdits,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Icon:");
        for icon in TeamIcon::ALL {
            let chosen = current == icon;
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
                edits.pick = Some(Pick::Icon(i, icon));
            }
        }
    });
}

/// Apply the rows' edits in a fixed order: names, then a picked colour or icon, then removal.
fn apply_row_edits(draft: &mut SetupDraft, edits: RowEdits) {
    if edits.names_changed {
        draft.apply_names();
    }
    match edits.pick {
        Some(Pick::Color(team, c)) => draft.pick_color(team, c),
        Some(Pick::Icon(team, icon)) => draft.pick_icon(team, icon),
        None => {}
    }
    if let Some(team) = edits.remove {
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
}

fn add_team_button(ui: &mut egui::Ui, draft: &mut SetupDraft) {
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
