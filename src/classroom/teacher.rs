//! The teacher panel (F1): the curriculum standards of every stop (CS, NGSS, CCSS, ISTE),
//! the current stop first, and where the save and content files live.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::GameConfig;
use crate::tour::{CurrentStop, GameContent, SaveData, Screen};
use crate::ui::theme::{UiSettings, UiSystems, color};

#[derive(Resource, Default)]
pub struct TeacherPanel {
    pub open: bool,
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
        .add_systems(Update, toggle_panel)
        .add_systems(
            EguiPrimaryContextPass,
            teacher_ui.in_set(UiSystems::Overlays),
        );
}
