//! The title screen: what Backlot is, who is playing (pick your name or type a new one), and
//! one key to start.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::classroom::camp::ui::CampWindow;
use crate::classroom::presenter::commands::PresenterCommand;
use crate::tour::model::profiles::MAX_NAME_CHARS;
use crate::tour::profile::ProfileRoster;
use crate::tour::{ActiveProfile, GameContent, ProfileCommand, SaveData, Screen, TourCommand};
use crate::ui::model::palette::Palette;
use crate::ui::settings::SettingsWindow;
use crate::ui::theme::{AllowWidgetFocus, UiSettings, UiSystems, color};
use crate::ui::widgets::{card, hint_bar, root_ui};

/// The name being typed for a new profile.
#[derive(Resource, Debug, Default)]
struct NewName(String);

/// What the profile picker reads and sends.
struct Picker<'a> {
    active: &'a ActiveProfile,
    roster: &'a ProfileRoster,
    new_name: &'a mut NewName,
    allow_focus: &'a mut AllowWidgetFocus,
    /// A small screen (a projector at 150 %): the name list scrolls sooner and the note on
    /// where names are kept moves into the "Add me" button's tooltip.
    compact: bool,
}

/// Who is playing: a button per profile (the active one ticked), and a box to add a name.
/// Nothing is asked but a name: no account, no password. Returns what the student chose.
fn profile_picker(ui: &mut egui::Ui, p: &Palette, picker: Picker) -> Option<ProfileCommand> {
    let mut command = None;
    let where_kept = format!(
        "Each name keeps its own progress and settings, {}.",
        crate::platform::storage::WHERE_SAVES_LIVE
    );
    // On a small screen the ticked name below says who is playing.
    if !picker.compact {
        ui.label(
            egui::RichText::new(format!("Playing as {}", picker.active.0.name))
                .size(24.0)
                .strong(),
        );
    }
    // A class of thirty names scrolls here rather than pushing "Start" off the screen.
    egui::ScrollArea::vertical()
        .id_salt("roster")
        .max_height(if picker.compact { 44.0 } else { 130.0 })
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label("Who is playing?");
                for profile in &picker.roster.profiles {
                    let chosen = profile.slug == picker.active.0.slug;
                    let mark = if chosen { "☑" } else { "☐" };
                    if ui
                        .selectable_label(chosen, format!("{mark} {}", profile.name))
                        .clicked()
                        && !chosen
                    {
                        command = Some(ProfileCommand::Choose(profile.slug.clone()));
                    }
                }
            });
        });
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut picker.new_name.0)
                .hint_text("new: a first name or nickname")
                .char_limit(MAX_NAME_CHARS)
                .desired_width(300.0),
        );
        // The box keeps the keyboard while it is used; the title's keys wait.
        if field.has_focus() || field.clicked() {
            picker.allow_focus.0 = true;
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Add me").on_hover_text(&where_kept).clicked() || entered {
            command = Some(ProfileCommand::Create(std::mem::take(
                &mut picker.new_name.0,
            )));
        }
    });
    if let Some(m) = &picker.roster.message {
        ui.label(egui::RichText::new(m).color(color(p.muted_text)));
    }
    if !picker.compact {
        ui.label(egui::RichText::new(where_kept).color(color(p.muted_text)));
    }
    command
}

/// The big start button; true when clicked.
fn start_button(ui: &mut egui::Ui, p: &Palette, passed: usize) -> bool {
    let label = if passed == 0 {
        "▶  Start the tour".to_string()
    } else {
        format!("▶  Continue the tour ({passed} of 7 gates passed)")
    };
    let button = egui::Button::new(
        egui::RichText::new(label)
            .size(26.0)
            .color(color(p.accent_text)),
    )
    .fill(color(p.accent))
    .min_size(egui::vec2(360.0, 56.0));
    let response = ui.add(button);
    crate::ui::widgets::focus_ring(ui, response.rect, p);
    response.clicked()
}

/// Below this height (in points) the title packs tighter. 1280×720 at presenter mode's 150 %
/// leaves about 360.
const COMPACT_BELOW: f32 = 560.0;

fn title_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    save: Res<SaveData>,
    mut tour: MessageWriter<TourCommand>,
    mut settings_window: ResMut<SettingsWindow>,
    mut presenter: MessageWriter<PresenterCommand>,
    mut camp_window: ResMut<CampWindow>,
    active: Res<ActiveProfile>,
    roster: Res<ProfileRoster>,
    mut new_name: ResMut<NewName>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
    mut profile_commands: MessageWriter<ProfileCommand>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let mut root = root_ui(ctx, "title");
    hint_bar(
        &mut root,
        &p,
        &[
            ("Enter", "start the tour"),
            ("F1", "teacher panel"),
            ("F2", "palette"),
            ("F3", "settings"),
            ("F4", "camp"),
            ("F5", "presenter"),
            ("Ctrl +/−", "text size"),
        ],
    );
    // One card, at most 760 points wide, centred. Its actions (who is playing, start, the
    // teacher's buttons) are pinned to its bottom so they always show; on a small screen the
    // introduction above them scrolls.
    let area = root.available_rect_before_wrap();
    let compact = area.height() < COMPACT_BELOW;
    let side = ((area.width() - 760.0) / 2.0).max(if compact { 8.0 } else { 40.0 });
    let top = if compact { 8.0 } else { 40.0 };
    egui::CentralPanel::default()
        .frame(card(&p).outer_margin(egui::Margin {
            left: side as i8,
            right: side as i8,
            top: top as i8,
            bottom: top as i8,
        }))
        .show(&mut root, |ui| {
            egui::Panel::bottom("title-actions")
                .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 4)))
                .resizable(false)
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        let picker = Picker {
                            active: &active,
                            roster: &roster,
                            new_name: &mut new_name,
                            allow_focus: &mut allow_focus,
                            compact,
                        };
                        if let Some(command) = profile_picker(ui, &p, picker) {
                            profile_commands.write(command);
                        }
                        ui.add_space(if compact { 4.0 } else { 12.0 });
                        if start_button(ui, &p, save.progress.stops_passed()) {
                            tour.write(TourCommand::StartTour);
                        }
                        ui.add_space(if compact { 4.0 } else { 8.0 });
                        ui.horizontal_wrapped(|ui| {
                            if ui.button("Settings (F3)").clicked() {
                                settings_window.open = true;
                            }
                            if ui.button("🎬 Presenter mode (F5)").clicked() {
                                presenter.write(PresenterCommand::Toggle);
                            }
                            if ui.button("★ Camp mode (F4)").clicked() {
                                camp_window.open = true;
                            }
                        });
                    });
                });
            // On a projector at 150 % the introduction gets what the actions leave, however
            // little: it scrolls, and the actions never move.
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .min_scrolled_height(0.0)
                .show(ui, |ui| introduction(ui, &p, &content, compact));
        });
    Ok(())
}

/// The title and what the tour is about, above the pinned actions.
fn introduction(ui: &mut egui::Ui, p: &Palette, content: &GameContent, compact: bool) {
    ui.vertical_centered(|ui| {
        ui.label(
            egui::RichText::new("BACKLOT")
                .size(if compact { 40.0 } else { 64.0 })
                .strong()
                .color(color(p.accent)),
        );
        ui.label(egui::RichText::new(&content.tour.title).size(if compact { 24.0 } else { 30.0 }));
        ui.add_space(8.0);
        ui.label(
            "Tour a film studio stop by stop. Build a production, drive an LED \
             volume, sync sound to the frame, and meet the people who make movies.",
        );
        ui.add_space(8.0);
        for q in &content.tour.big_questions {
            ui.label(egui::RichText::new(format!("• {q}")).color(color(p.muted_text)));
        }
    });
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<NewName>().add_systems(
        EguiPrimaryContextPass,
        title_ui
            .in_set(UiSystems::Screens)
            .run_if(in_state(Screen::Title)),
    );
}
