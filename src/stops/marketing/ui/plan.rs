//! The planning column: the three pickers (what to post, for whom, when), then the progress
//! towards both goals; the post button stays in view under them.

use bevy::prelude::*;
use bevy_egui::egui;

use super::MarketingUi;
use crate::stops::marketing::level::{MarketingCommand, MarketingState};
use crate::stops::marketing::model::{
    self, ContentType, PostTime, Segment, format_decimal, group_thousands,
};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;
use crate::ui::widgets::primary_button;

/// A picker button. The tick says which one is picked, so the choice never rests on the fill
/// colour alone.
fn choice(ui: &mut egui::Ui, label: &str, picked: bool) -> egui::Response {
    let text = if picked {
        format!("☑ {label}")
    } else {
        label.to_string()
    };
    ui.add(egui::Button::new(text).selected(picked))
}

/// The three pickers: what to post, for whom, and when.
pub(super) fn pickers(ui: &mut egui::Ui, ui_state: &mut MarketingUi, p: &Palette) {
    ui.spacing_mut().item_spacing = egui::vec2(6.0, 6.0);
    ui.label(
        egui::RichText::new("Plan a post")
            .size(26.0)
            .strong()
            .color(color(p.accent)),
    );
    ui.label(egui::RichText::new("What to post (keys 1-6)").strong());
    ui.horizontal_wrapped(|ui| {
        for (i, content) in ContentType::ALL.into_iter().enumerate() {
            let label = format!("{} {}", i + 1, content.label());
            if choice(ui, &label, ui_state.content == content)
                .on_hover_text(content.description())
                .clicked()
            {
                ui_state.content = content;
            }
        }
    });
    ui.label(
        egui::RichText::new(ui_state.content.description())
            .small()
            .color(color(p.muted_text)),
    );
    ui.add_space(4.0);
    combo(
        ui,
        "Audience (key A)",
        &mut ui_state.segment,
        &Segment::ALL,
        |s| s.label(),
    );
    ui.label(
        egui::RichText::new(ui_state.segment.description())
            .small()
            .color(color(p.muted_text)),
    );
    ui.add_space(4.0);
    combo(
        ui,
        "Time of day (key T)",
        &mut ui_state.time,
        &PostTime::ALL,
        |t| t.label(),
    );
}

/// A picker on one line, its choice always in view: a wrapped row of buttons ran out of the
/// planning column at 1280×720.
fn combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    title: &str,
    current: &mut T,
    all: &[T],
    label: fn(T) -> &'static str,
) {
    ui.label(egui::RichText::new(title).strong());
    egui::ComboBox::from_id_salt(title)
        .width(ui.available_width().min(240.0))
        .selected_text(label(*current))
        .show_ui(ui, |ui| {
            for &choice in all {
                ui.selectable_value(current, choice, label(choice));
            }
        });
}

/// One goal: the numbers and ✔/✖ in words, then a thin bar of progress towards it.
fn goal_bar(ui: &mut egui::Ui, p: &Palette, fraction: f64, text: String, met: bool) {
    let (icon, word, tone) = if met {
        ("✔", "goal met", p.success)
    } else {
        ("✖", "not yet", p.warning)
    };
    ui.label(egui::RichText::new(format!("{icon} {text} · {word}")).color(color(tone)));
    let fraction = if fraction.is_finite() {
        fraction.clamp(0.0, 1.0) as f32
    } else {
        0.0
    };
    ui.add(
        egui::ProgressBar::new(fraction)
            .desired_width(ui.available_width())
            .desired_height(10.0)
            .fill(color(p.accent)),
    );
}

/// Kept in view under the pickers: the day and the button.
pub(super) fn post_button(
    ui: &mut egui::Ui,
    state: &MarketingState,
    ui_state: &MarketingUi,
    p: &Palette,
    out: &mut MessageWriter<MarketingCommand>,
) {
    ui.spacing_mut().item_spacing = egui::vec2(6.0, 6.0);
    let spec = state.campaign.spec();
    let left = state.campaign.posts_left();
    let plan = ui_state.plan(state);
    match plan {
        Some(post) => ui.label(
            egui::RichText::new(format!(
                "Day {} of {} · {} {} left · {} for {}, {}",
                post.day,
                spec.days,
                left,
                if left == 1 { "post" } else { "posts" },
                post.content.label(),
                post.segment.label().to_lowercase(),
                post.time.label().to_lowercase()
            ))
            .strong(),
        ),
        None => ui.label(egui::RichText::new("The campaign is over: no posts left.").strong()),
    };
    match plan {
        Some(post) if state.ratio.is_none() => {
            if primary_button(ui, p, "Post it ▶").clicked() {
                out.write(MarketingCommand::Post(post));
            }
        }
        _ => {
            ui.add_enabled(
                false,
                egui::Button::new("Post it ▶")
                    .min_size(egui::vec2(300.0_f32.min(ui.available_width()), 46.0)),
            );
            let why = if state.ratio.is_some() {
                "⚠ Work out the ratio on the dashboard first."
            } else {
                "The campaign is over. Restart it to post again."
            };
            ui.label(egui::RichText::new(why).color(color(p.warning)));
        }
    }
}

/// The campaign's goals, how near they are, and what engagement means.
pub(super) fn goals(ui: &mut egui::Ui, state: &MarketingState, p: &Palette) {
    let goals = state.campaign.goal_status();
    let views_fraction = goals.views as f64 / (goals.goal_views as f64).max(1.0);
    goal_bar(
        ui,
        p,
        views_fraction,
        format!(
            "Views: {} of {}",
            group_thousands(goals.views),
            group_thousands(goals.goal_views)
        ),
        goals.views_met,
    );
    let engagement_fraction = goals.engagement_pct / goals.goal_engagement_pct.max(1e-9);
    goal_bar(
        ui,
        p,
        engagement_fraction,
        format!(
            "Engagement: {}% of {}%",
            format_decimal(goals.engagement_pct, 1),
            format_decimal(goals.goal_engagement_pct, 2)
        ),
        goals.engagement_met,
    );
    ui.label(
        egui::RichText::new(format!("ℹ {}", model::ENGAGEMENT_RATE_DEFINITION))
            .small()
            .color(color(p.muted_text)),
    );
}
