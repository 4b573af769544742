//! Toasts for notices: top right, with an icon and a word for their kind.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::audio::captions::Captions;
use crate::tour::Notices;
use crate::tour::notices::NoticeKind;
use crate::ui::theme::{UiSettings, UiSystems, color};
use crate::ui::widgets::content_area;

/// How many notices show at once.
const MAX_SHOWN: usize = 3;

fn notices_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    notices: Res<Notices>,
) -> Result {
    if notices.active.is_empty() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    // Below the bars along the top, never over them.
    let below_bars = content_area(ctx).top() - ctx.viewport_rect().top();
    egui::Area::new(egui::Id::new("notices"))
        .anchor(
            egui::Align2::RIGHT_TOP,
            egui::vec2(-16.0, 16.0 + below_bars),
        )
        .interactable(false)
        .constrain_to(content_area(ctx))
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            // The newest few: a burst of notices (a teacher skipping through stops) must not
            // fill the screen.
            let from = notices.active.len().saturating_sub(MAX_SHOWN);
            for n in &notices.active[from..] {
                let (icon, word, tone) = match n.kind {
                    NoticeKind::Info => ("ℹ", "Note", p.text),
                    NoticeKind::Success => ("✔", "Done", p.success),
                    NoticeKind::Warning => ("⚠", "Problem", p.warning),
                };
                egui::Frame::new()
                    .fill(color(p.panel))
                    .stroke(egui::Stroke::new(2.0, color(p.border)))
                    .corner_radius(8.0)
                    .inner_margin(egui::Margin::same(10))
                    .show(ui, |ui| {
                        ui.label(
                            egui::RichText::new(format!("{icon} {word}"))
                                .strong()
                                .color(color(tone)),
                        );
                        ui.label(&n.text);
                    });
            }
        });
    Ok(())
}

/// Captions for sounds that matter, bottom centre, like subtitles.
fn captions_ui(mut contexts: EguiContexts, captions: Res<Captions>) -> Result {
    if captions.active.is_empty() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    egui::Area::new(egui::Id::new("captions"))
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -70.0))
        .interactable(false)
        .show(ctx, |ui| {
            for c in &captions.active {
                // White on near-black whatever the palette, as subtitles are.
                egui::Frame::new()
                    .fill(egui::Color32::from_black_alpha(230))
                    .corner_radius(6.0)
                    .inner_margin(egui::Margin::symmetric(14, 6))
                    .show(ui, |ui| {
                        ui.label(
                            egui::RichText::new(format!("🔊 {}", c.text))
                                .size(22.0)
                                .color(egui::Color32::WHITE),
                        );
                    });
            }
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (notices_ui, captions_ui).in_set(UiSystems::Overlays),
    );
}
