//! The teacher panel (F1): importing a question bank (GIFT or Aiken) for a stop's gate, the
//! class results of every student profile as CSV, the curriculum standards of every stop (CS,
//! NGSS, CCSS, ISTE), the current stop first, and where the save and content files live.

use crate::ui::widgets::{content_area, fit_window};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::GameConfig;
use crate::classroom::results::model as results;
use crate::platform::files;
use crate::tour::model::bank_library::{self, BankMode};
use crate::tour::model::content::STOP_COUNT;
use crate::tour::{
    ActiveProfile, CurrentStop, GameContent, Notices, SaveData, Screen, TeacherBanks,
};
use crate::ui::theme::{UiSettings, UiSystems, color};

#[derive(Resource, Default)]
pub struct TeacherPanel {
    pub open: bool,
    /// The stop whose gate the next imported bank is for.
    bank_stop: usize,
    /// Ask only the bank's questions at that stop, instead of adding them to its own.
    bank_replaces: bool,
    /// The desktop's typed path of a bank (a browser uses its file picker).
    bank_path: String,
    /// What the last import did, or its line-numbered errors.
    bank_message: Option<String>,
    /// Where the last class results went, and which profiles were skipped.
    results_message: Option<String>,
}

/// Write every profile's results as CSV (a file under `exports/`, or a download in a
/// browser). A damaged profile is skipped and named; the rest are exported.
fn export_class_results(
    config: &GameConfig,
    content: &GameContent,
    active: &ActiveProfile,
    save: &SaveData,
    notices: &mut Notices,
) -> String {
    let gathered = results::gather(&config.data_dir, Some((&active.0.slug, &save.progress)));
    for line in &gathered.skipped {
        notices.warn(line.clone());
    }
    let stops: Vec<(usize, String)> = content
        .tour
        .stops
        .iter()
        .map(|s| (usize::from(s.number), s.title.clone()))
        .collect();
    let csv = results::results_csv(&gathered.students, &stops);
    let file = results::file_name(crate::platform::time::unix_now());
    match files::export_text(&config.data_dir, &file, &csv) {
        Ok(said) => {
            let skipped = match gathered.skipped.len() {
                0 => String::new(),
                n => format!(" ({n} damaged profile(s) skipped: see the notices)"),
            };
            format!("✔ {said}: {} profile(s){skipped}", gathered.students.len())
        }
        Err(e) => format!("⚠ {e}"),
    }
}

/// What a picked file is for: a teacher's question bank.
const BANK_FILE: &str = "question bank";

/// Import a bank for one stop's gate: the same checks and line-numbered errors as
/// `backlot check-content`; a bank with errors is refused whole.
fn bank_section(ui: &mut egui::Ui, panel: &mut TeacherPanel, banks: &TeacherBanks) {
    ui.heading("Question banks");
    ui.horizontal(|ui| {
        ui.label("For the gate of stop");
        ui.add(egui::DragValue::new(&mut panel.bank_stop).range(0..=STOP_COUNT - 1));
        ui.checkbox(&mut panel.bank_replaces, "replace the stop's own questions");
    });
    ui.horizontal(|ui| {
        crate::ui::widgets::pick_file_button(
            ui,
            "Import a bank (GIFT or Aiken)…",
            BANK_FILE,
            ".gift,.txt,.aiken",
            &mut panel.bank_path,
            "path of a .gift or Aiken .txt file",
        );
    });
    if let Some(m) = &panel.bank_message {
        ui.label(egui::RichText::new(m).monospace());
    }
    for line in &banks.0.report {
        ui.label(line);
    }
    ui.separator();
}

/// A picked bank is checked and stored; the gates use it from the next gate on.
fn take_banks(
    mut panel: ResMut<TeacherPanel>,
    mut banks: ResMut<TeacherBanks>,
    config: Res<GameConfig>,
) {
    for file in files::take_picked(BANK_FILE) {
        let mode = if panel.bank_replaces {
            BankMode::Replace
        } else {
            BankMode::Add
        };
        let stop = panel.bank_stop;
        let result = file.text.and_then(|text| {
            bank_library::install_text(&config.data_dir, &file.name, &text, stop, mode)
        });
        panel.bank_message = Some(match result {
            Ok((_, report)) => {
                banks.0 = bank_library::load(&config.data_dir);
                format!("✔ Stop {stop}: {}", report.summary(&file.name))
            }
            Err(e) => format!("⚠ {e}"),
        });
    }
}

fn toggle_panel(keys: Res<ButtonInput<KeyCode>>, mut panel: ResMut<TeacherPanel>) {
    if keys.just_pressed(KeyCode::F1) {
        panel.open = !panel.open;
    }
}

fn teacher_ui(
    mut contexts: EguiContexts,
    mut panel: ResMut<TeacherPanel>,
    settings: Res<UiSettings>,
    content: Res<GameContent>,
    current: Res<CurrentStop>,
    screen: Res<State<Screen>>,
    save: Res<SaveData>,
    config: Res<GameConfig>,
    banks: Res<TeacherBanks>,
    active: Res<ActiveProfile>,
    mut notices: ResMut<Notices>,
) -> Result {
    if !panel.open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let mut open = panel.open;
    egui::Window::new("Teacher panel · standards (F1 to close)")
        .open(&mut open)
        .default_size(fit_window(ctx, egui::vec2(720.0, 520.0)))
        .max_size(content_area(ctx).size())
        .constrain_to(content_area(ctx))
        .show(ctx, |ui| {
            ui.label(format!(
                "Playing: {}   ·   progress file: {}   ·   content folder: {}",
                active.0.name,
                save.store.path().display(),
                config.assets_dir.display()
            ));
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading("Class results");
                ui.horizontal(|ui| {
                    if ui.button("Export class results (CSV)").clicked() {
                        panel.results_message = Some(export_class_results(
                            &config,
                            &content,
                            &active,
                            &save,
                            &mut notices,
                        ));
                    }
                    ui.label("every student profile on this computer, one row per stop");
                });
                if let Some(m) = &panel.results_message {
                    ui.label(m);
                }
                ui.separator();
                bank_section(ui, &mut panel, &banks);
                let mut order: Vec<usize> = (0..content.tour.stops.len()).collect();
                if *screen.get() == Screen::Stop {
                    order.sort_by_key(|&i| i != current.0);
                }
                for i in order {
                    let stop = &content.tour.stops[i];
                    ui.label(
                        egui::RichText::new(format!("Stop {} · {}", stop.number, stop.title))
                            .strong()
                            .size(22.0)
                            .color(color(p.accent)),
                    );
                    if stop.standards.is_empty() {
                        ui.label("No standards listed for this stop.");
                    }
                    for s in &stop.standards {
                        ui.label(format!("[{}] {}: {}", s.framework, s.code, s.text));
                    }
                    ui.separator();
                }
            });
        });
    panel.open = open;
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TeacherPanel>()
        .add_systems(Update, (toggle_panel, take_banks))
        .add_systems(
            EguiPrimaryContextPass,
            teacher_ui.in_set(UiSystems::Overlays),
        );
}
