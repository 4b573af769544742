//! The table of every post, sortable by its column headers, with a totals row.

use bevy_egui::egui;

use super::MarketingUi;
use crate::stops::marketing::level::MarketingState;
use crate::stops::marketing::model::{self, SortKey, format_decimal, group_thousands};
use crate::ui::model::palette::Palette;
use crate::ui::theme::color;

/// Words for the table's order, so the ▶/◀ marker is never the only cue.
fn order_words(key: SortKey, descending: bool) -> &'static str {
    match (key, descending) {
        (SortKey::Day, false) => "earliest first",
        (SortKey::Day, true) => "latest first",
        (SortKey::Content | SortKey::Segment, false) => "A to Z",
        (SortKey::Content | SortKey::Segment, true) => "Z to A",
        (_, false) => "lowest first",
        (_, true) => "highest first",
    }
}

/// A column header that sorts the table; pressing it again reverses the order.
fn sort_header(ui: &mut egui::Ui, ui_state: &mut MarketingUi, key: SortKey) {
    let active = ui_state.sort == key;
    let marker = match (active, ui_state.descending) {
        (false, _) => "",
        (true, false) => " ▶",
        (true, true) => " ◀",
    };
    let clicked = ui
        .add(egui::Button::new(format!("{}{marker}", key.label())).selected(active))
        .on_hover_text("Sort by this column; press again to reverse the order.")
        .clicked();
    if clicked {
        if active {
            ui_state.descending = !ui_state.descending;
        } else {
            ui_state.sort = key;
            // Numbers read best biggest first; days and names in their usual order.
            ui_state.descending =
                !matches!(key, SortKey::Day | SortKey::Content | SortKey::Segment);
        }
    }
}

pub(super) fn results_table(
    ui: &mut egui::Ui,
    state: &MarketingState,
    ui_state: &mut MarketingUi,
    p: &Palette,
) {
    let posts = state.campaign.posts();
    ui.label(egui::RichText::new("Every post").strong());
    ui.label(
        egui::RichText::new(format!(
            "Sorted by {}, {}. Press a column's name to sort by it.",
            ui_state.sort.label(),
            order_words(ui_state.sort, ui_state.descending)
        ))
        .color(color(p.muted_text)),
    );
    let order = model::sorted(posts, ui_state.sort, ui_state.descending);
    egui::ScrollArea::horizontal()
        .id_salt("marketing-table")
        .show(ui, |ui| {
            egui::Grid::new("marketing-posts")
                .striped(true)
                .num_columns(11)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new("#").strong());
                    sort_header(ui, ui_state, SortKey::Day);
                    ui.label(egui::RichText::new("Time").strong());
                    sort_header(ui, ui_state, SortKey::Content);
                    sort_header(ui, ui_state, SortKey::Segment);
                    sort_header(ui, ui_state, SortKey::Views);
                    sort_header(ui, ui_state, SortKey::Likes);
                    sort_header(ui, ui_state, SortKey::Shares);
                    ui.label(egui::RichText::new("Comments").strong());
                    sort_header(ui, ui_state, SortKey::Engagement);
                    sort_header(ui, ui_state, SortKey::LikesPerThousand);
                    ui.end_row();
                    for i in order {
                        let Some(r) = posts.get(i) else { continue };
                        ui.label((i + 1).to_string());
                        ui.label(r.post.day.to_string());
                        ui.label(r.post.time.label());
                        ui.label(r.post.content.label());
                        ui.label(r.post.segment.label());
                        ui.monospace(group_thousands(r.views));
                        ui.monospace(group_thousands(r.likes));
                        ui.monospace(group_thousands(r.shares));
                        ui.monospace(group_thousands(r.comments));
                        if state.is_revealed(i) {
                            ui.monospace(format!(
                                "{}%",
                                format_decimal(r.engagement_rate_pct(), 1)
                            ));
                            ui.monospace(format_decimal(r.likes_per_thousand_views(), 1));
                        } else {
                            let hint = "Work out this post's ratio to see it.";
                            ui.monospace("?").on_hover_text(hint);
                            ui.monospace("?").on_hover_text(hint);
                        }
                        ui.end_row();
                    }
                    if !posts.is_empty() {
                        let t = state.campaign.totals();
                        ui.label(egui::RichText::new("All").strong());
                        ui.label("");
                        ui.label("");
                        ui.label("");
                        ui.label("");
                        ui.monospace(group_thousands(t.views));
                        ui.monospace(group_thousands(t.likes));
                        ui.monospace(group_thousands(t.shares));
                        ui.monospace(group_thousands(t.comments));
                        ui.monospace(format!("{}%", format_decimal(t.engagement_pct, 1)));
                        ui.monospace(format_decimal(t.likes_per_thousand_views(), 1));
                        ui.end_row();
                    }
                });
        });
}
