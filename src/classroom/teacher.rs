//! The teacher panel (F1): importing a question bank (GIFT or Aiken) for a stop's gate, the
//! curriculum standards of every stop (CS, NGSS, CCSS, ISTE), the current stop first, and
//! where the save and content files live.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::GameConfig;
use crate::platform::files;
use crate::tour::model::bank_library::{self, BankMode};
use crate::tour::model::content::STOP_COUNT;
use crate::tour::{CurrentStop, GameContent, SaveData, Screen, TeacherBanks};
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
) -> Result {
    if !panel.open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let mut open = panel.open;
    egui::Window::new("Teacher panel · standards (F1 to close)")
        .open(&mut open)
        .default_size(egui::vec2(720.0, 520.0))
        .show(ctx, |ui| {
            ui.label(format!(
                "Progress file: {}   ·   content folder: {}",
                save.store.path().display(),
                config.assets_dir.display()
            ));
            egui::ScrollArea::vertical().show(ui, |ui| {
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
