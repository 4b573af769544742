//! The title screen: what Backlot is, and one key to start.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::classroom::camp::ui::CampWindow;
use crate::classroom::presenter::commands::PresenterCommand;
use crate::tour::{GameContent, SaveData, Screen, TourCommand};
use crate::ui::settings::SettingsWindow;
use crate::ui::theme::{UiSettings, UiSystems, color};
use crate::ui::widgets::{card, hint_bar, root_ui};

fn title_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    save: Res<SaveData>,
    mut tour: MessageWriter<TourCommand>,
    mut settings_window: ResMut<SettingsWindow>,
    mut presenter: MessageWriter<PresenterCommand>,
    mut camp_window: ResMut<CampWindow>,
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
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::same(40)))
        .show(&mut root, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(20.0);
                card(&p).show(ui, |ui| {
                    ui.set_max_width(760.0);
                    ui.vertical_centered(|ui| {
                        ui.label(
                            egui::RichText::new("BACKLOT")
                                .size(64.0)
                                .strong()
                                .color(color(p.accent)),
                        );
                        ui.label(egui::RichText::new(&content.tour.title).size(30.0));
                        ui.add_space(8.0);
                        ui.label(
                            "Tour a film studio stop by stop. Build a production, drive an LED \
                             volume, sync sound to the frame, and meet the people who make movies.",
                        );
                        ui.add_space(8.0);
                        for q in &content.tour.big_questions {
                            ui.label(
                                egui::RichText::new(format!("• {q}")).color(color(p.muted_text)),
                            );
                        }
                        ui.add_space(16.0);
                        let passed = save.progress.stops_passed();
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
                        crate::ui::widgets::focus_ring(ui, response.rect, &p);
                        if response.clicked() {
                            tour.write(TourCommand::StartTour);
                        }
                        ui.add_space(8.0);
                        ui.horizontal(|ui| {
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
            });
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        title_ui
            .in_set(UiSystems::Screens)
            .run_if(in_state(Screen::Title)),
    );
}
