//! Tabs 3 and 4: the taste lab and the AI cases, laid out around their panels (which live in
//! `taste::panel` and `studio_ai::panel`); their commands are sent as the level's.

use bevy::prelude::*;
use bevy_egui::egui;

use super::InnovationTab;
use super::InnovationUi;
use crate::stops::innovation::cloud::CloudSpec;
use crate::stops::innovation::level::{InnovationCommand, InnovationState};
use crate::stops::innovation::studio_ai::panel::{case_view, cases_column};
use crate::stops::innovation::taste::panel::{model_column, shots_column};
use crate::tour::LevelStatus;
use crate::tour::model::lesson::LessonLength;
use crate::ui::level_frame::task_list;
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::panel_width;

/// What both tabs draw from.
pub(super) struct Tab<'a> {
    pub state: &'a InnovationState,
    pub spec: &'a CloudSpec,
    pub p: &'a Palette,
    pub frame: egui::Frame,
    pub ui_state: &'a mut InnovationUi,
    pub presenting: bool,
}

pub(super) fn show(
    root: &mut egui::Ui,
    tab: Tab<'_>,
    status: &LevelStatus,
    lesson: LessonLength,
    out: &mut MessageWriter<InnovationCommand>,
) {
    let Tab {
        state,
        spec,
        p,
        frame,
        ui_state,
        presenting,
    } = tab;
    let centre = egui::Frame::new()
        .fill(color(p.background))
        .inner_margin(egui::Margin::same(10));
    if ui_state.tab == InnovationTab::Taste {
        let mut taste = Vec::new();
        egui::Panel::left("taste_shots_panel")
            .exact_size(panel_width(root, 560.0))
            .frame(frame)
            .show(root, |ui| {
                shots_column(
                    ui,
                    &state.taste,
                    &spec.taste,
                    p,
                    ui_state.taste_shot,
                    &mut taste,
                )
            });
        egui::CentralPanel::default()
            .frame(centre)
            .show(root, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("taste_model")
                    .show(ui, |ui| {
                        model_column(ui, &state.taste, &spec.taste, p, &mut taste);
                        ui.separator();
                        task_list(ui, p, status, lesson);
                    });
            });
        for c in taste {
            if let crate::stops::innovation::taste::model::TasteCommand::Label { shot, .. } = c {
                ui_state.taste_shot = shot;
            }
            out.write(InnovationCommand::Taste(c));
        }
    } else {
        let mut cases = Vec::new();
        let open = &mut ui_state.ai_case;
        egui::Panel::left("ai_cases_panel")
            .exact_size(panel_width(root, 400.0))
            .frame(frame)
            .show(root, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("ai_cases_list")
                    .show(ui, |ui| {
                        cases_column(ui, &state.ai_cases, &spec.ai_cases, p, open);
                        ui.separator();
                        task_list(ui, p, status, lesson);
                    });
            });
        egui::CentralPanel::default()
            .frame(centre)
            .show(root, |ui| {
                case_view(
                    ui,
                    &state.ai_cases,
                    &spec.ai_cases,
                    p,
                    *open,
                    presenting,
                    &mut cases,
                )
            });
        for c in cases {
            out.write(InnovationCommand::AiCase(c));
        }
    }
}
