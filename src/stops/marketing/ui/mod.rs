//! Stop 4's screen: plan a post on the left, read the campaign's analytics in the middle (ratio
//! questions, bar charts and a sortable table), export or restart at the bottom.
//!
//! Keyboard: Tab moves through every button and the answer box (egui's own focus is kept on this
//! screen), Space or Enter presses the focused one. With nothing focused: 1-6 pick what to post,
//! A and T step through audiences and times of day, Enter posts the plan (or continues once the
//! level is complete), E exports the CSV, Esc goes back to the map.

mod charts;
mod dashboard;
mod keys;
mod plan;
mod table;

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::stops::marketing::level::{MarketingCommand, MarketingState, STOP};
use crate::stops::marketing::model::{self, ContentType, Post, PostTime, Segment, SortKey};
use crate::tour::{StopPhase, TourCommand, in_level, in_stop};
use crate::ui::level_frame::{LevelScreen, task_list};
use crate::ui::model::palette::Palette;
use crate::ui::theme::{AllowWidgetFocus, UiSystems, color};
use crate::ui::widgets::{panel_width, primary_button, stars_text};

/// Width of the planning column: room for two or three picker buttons per row at the classroom
/// text size, leaving the dashboard the rest of a 1280-wide window.
const PLAN_WIDTH: f32 = 420.0;

/// After a question closes, Enter waits this long before it may post: a student who presses
/// Enter twice to check an answer must not also spend a post by accident.
const ENTER_COOLDOWN_S: f32 = 1.0;

/// The post being planned, the answer being typed and how the table is sorted.
#[derive(Resource)]
struct MarketingUi {
    content: ContentType,
    segment: Segment,
    time: PostTime,
    answer: String,
    /// The prompt the answer box belongs to: a new question empties the box.
    answer_for: Option<String>,
    sort: SortKey,
    descending: bool,
    /// Whether a question was open last frame, and when the last one closed (see
    /// [`ENTER_COOLDOWN_S`]).
    question_was_open: bool,
    closed_at: f32,
}

impl Default for MarketingUi {
    fn default() -> Self {
        Self {
            content: ContentType::Trailer,
            segment: Segment::Teens,
            time: PostTime::Morning,
            answer: String::new(),
            answer_for: None,
            sort: SortKey::Day,
            descending: false,
            question_was_open: false,
            closed_at: -10.0,
        }
    }
}

impl MarketingUi {
    /// The post the player has picked, on the next day with room; `None` once the campaign is
    /// over.
    fn plan(&self, state: &MarketingState) -> Option<Post> {
        state.next_day().map(|day| Post {
            day,
            content: self.content,
            segment: self.segment,
            time: self.time,
        })
    }
}

fn reset_ui(mut ui_state: ResMut<MarketingUi>) {
    *ui_state = MarketingUi::default();
}

/// Export, restart, and the way on once the level is complete.
fn actions_bar(
    ui: &mut egui::Ui,
    state: &MarketingState,
    p: &Palette,
    out: &mut MessageWriter<MarketingCommand>,
    tour: &mut MessageWriter<TourCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Export CSV (E)")
            .on_hover_text("Save every post's numbers as a file a spreadsheet can open.")
            .clicked()
        {
            out.write(MarketingCommand::Export);
        }
        if ui
            .button("Restart campaign")
            .on_hover_text("A new audience and all the posts back. Ratios you solved are kept.")
            .clicked()
        {
            out.write(MarketingCommand::Restart);
        }
        ui.label(model::ratios_solved_text(
            state.ratios_solved,
            state.ratios_needed,
        ));
        match &state.exported {
            Some(Ok(said)) => {
                ui.label(egui::RichText::new(format!("✔ {said}")).color(color(p.success)))
            }
            Some(Err(problem)) => {
                ui.label(egui::RichText::new(format!("⚠ {problem}")).color(color(p.warning)))
            }
            None => ui.label(""),
        };
        if state.is_complete() {
            ui.label(
                egui::RichText::new(format!("Level complete! {}", stars_text(state.stars())))
                    .strong(),
            );
            if primary_button(ui, p, "Continue to the gate ▶").clicked() {
                tour.write(TourCommand::FinishLevel);
            }
        }
    });
}

fn marketing_ui(
    mut screen: LevelScreen,
    state: Option<Res<MarketingState>>,
    mut ui_state: ResMut<MarketingUi>,
    mut out: MessageWriter<MarketingCommand>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    // Keep egui's own focus on this screen: Tab reaches every button and the answer box, and
    // Space or Enter presses the focused one.
    allow_focus.0 = true;
    let (mut root, p) = screen.begin(
        "marketing",
        &[
            ("Tab / Space", "move / press"),
            ("1-6", "content"),
            ("A / T", "audience / time"),
            ("Enter", "post, check, continue"),
            ("E", "export CSV"),
            ("Esc", "map"),
        ],
    )?;
    let prompt = state.ratio.as_ref().map(|q| q.prompt.clone());
    let new_question = prompt.is_some() && prompt != ui_state.answer_for;
    if prompt != ui_state.answer_for {
        ui_state.answer.clear();
        ui_state.answer_for = prompt;
    }
    egui::Panel::bottom("marketing-actions")
        .resizable(false)
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::symmetric(16, 8)),
        )
        .show(&mut root, |ui| {
            actions_bar(ui, &state, &p, &mut out, &mut screen.tour)
        });
    egui::Panel::left("marketing-plan")
        .exact_size(panel_width(&root, PLAN_WIDTH))
        .resizable(false)
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(&mut root, |ui| {
            egui::Panel::bottom("marketing-post")
                .resizable(false)
                .frame(
                    egui::Frame::new()
                        .fill(color(p.panel))
                        .inner_margin(egui::Margin::symmetric(0, 6)),
                )
                .show(ui, |ui| {
                    plan::post_button(ui, &state, &ui_state, &p, &mut out)
                });
            // No minimum height: on a projector with a host speaking above, the goals scroll
            // in what room is left rather than running under the post button.
            egui::ScrollArea::vertical()
                .id_salt("marketing-plan-scroll")
                .min_scrolled_height(0.0)
                .show(ui, |ui| {
                    // The pickers first, so they fit a 1280×720 window without scrolling.
                    plan::pickers(ui, &mut ui_state, &p);
                    ui.separator();
                    plan::goals(ui, &state, &p);
                    ui.separator();
                    task_list(ui, &p, &screen.status, screen.lesson.length);
                });
        });
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(color(p.background))
                .inner_margin(egui::Margin::same(10)),
        )
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("marketing-dashboard")
                .show(ui, |ui| {
                    dashboard::dashboard(ui, &state, &mut ui_state, &p, &mut out, new_question)
                });
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MarketingUi>()
        .add_systems(OnEnter(StopPhase::Level), reset_ui.run_if(in_stop(STOP)))
        .add_systems(
            Update,
            keys::marketing_keys
                .run_if(in_level(STOP))
                .before(crate::tour::flow::TourSystems::Play),
        )
        .add_systems(
            EguiPrimaryContextPass,
            marketing_ui
                .in_set(UiSystems::Screens)
                .run_if(in_level(STOP)),
        );
}
