//! "Show me" on screen: its key (Ctrl+M starts or stops, Esc stops), the presenter-bar
//! button, and the caption banner the teacher narrates from.

use bevy::input::InputSystems;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::classroom::presenter::commands::PresenterState;
use crate::classroom::presenter::show_me::{ShowMeCommand, ShowMeStatus};
use crate::classroom::teacher_lock::TeacherLock;
use crate::ui::theme::{UiSettings, UiSystems, color};

/// Read before the screens: Esc during a demonstration only stops it (it must not also
/// leave the level).
fn show_me_keys(
    mut keys: ResMut<ButtonInput<KeyCode>>,
    presenter: Res<PresenterState>,
    lock: Res<TeacherLock>,
    status: Res<ShowMeStatus>,
    mut out: MessageWriter<ShowMeCommand>,
) {
    if status.is_showing() && keys.just_pressed(KeyCode::Escape) {
        keys.reset(KeyCode::Escape);
        out.write(ShowMeCommand::Stop);
        return;
    }
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    // While locked the press is still sent, so the player is told the controls are locked.
    let wanted = presenter.active || status.is_showing() || !lock.is_open();
    if ctrl && wanted && keys.just_pressed(KeyCode::KeyM) {
        keys.reset(KeyCode::KeyM);
        out.write(ShowMeCommand::Toggle);
    }
}

/// The presenter bar's "Show me" button (inside a level), or "Stop showing" while it runs.
pub fn show_me_button(
    ui: &mut egui::Ui,
    in_level: bool,
    status: &ShowMeStatus,
    out: &mut MessageWriter<ShowMeCommand>,
) {
    let (label, hint) = if status.is_showing() {
        (
            "Stop showing Esc",
            "Stop and give the level back as the student left it",
        )
    } else {
        (
            "Show me Ctrl+M",
            "Play this task's solution step by step; the student's work comes back afterwards",
        )
    };
    let button = egui::Button::new(egui::RichText::new(label).size(15.0));
    if ui
        .add_enabled(in_level || status.is_showing(), button)
        .on_hover_text(hint)
        .clicked()
    {
        out.write(ShowMeCommand::Toggle);
    }
}

/// The caption of the step on screen, large, across the bottom.
fn show_me_banner(
    mut contexts: EguiContexts,
    status: Res<ShowMeStatus>,
    settings: Res<UiSettings>,
) -> Result {
    let Some(showing) = status.showing.as_ref() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    egui::Area::new(egui::Id::new("show-me-banner"))
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -24.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(color(p.panel))
                .stroke(egui::Stroke::new(3.0, color(p.accent)))
                .corner_radius(8.0)
                .inner_margin(egui::Margin::same(16))
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(&showing.caption).size(28.0).strong());
                    ui.label("Esc or Ctrl+M stops; the student's work comes back afterwards.");
                });
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        show_me_keys
            .after(InputSystems)
            .after(crate::ui::remap::RemapSystems),
    )
    .add_systems(
        EguiPrimaryContextPass,
        show_me_banner.in_set(UiSystems::Overlays),
    );
}
