//! Stop 4's screen: plan a post on the left, read the campaign's analytics in the middle (ratio
//! questions, bar charts and a sortable table), export or restart at the bottom.
//!
//! Keyboard: Tab moves through every button and the answer box (egui's own focus is kept on this
//! screen), Space or Enter presses the focused one. With nothing focused: 1-6 pick what to post,
//! A and T step through audiences and times of day, Enter posts the plan (or continues once the
//! level is complete), E exports the CSV, Esc goes back to the map.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::stops::marketing::level::{
    MarketingCommand, MarketingState, NextStep, RATIOS_TO_SOLVE, STOP, TRIES_BEFORE_WORKED,
};
use crate::stops::marketing::model::{
    self, ContentType, Post, PostResult, PostTime, RatioKind, Segment, SortKey, format_decimal,
    group_thousands,
};
use crate::tour::input::{digit_index, typing};
use crate::tour::{CurrentStop, StopPhase, TourCommand};
use crate::ui::model::palette::{Palette, Rgb};
use crate::ui::theme::{AllowWidgetFocus, UiSettings, UiSystems, color};
use crate::ui::widgets::{card, hint_bar, primary_button, root_ui, stars_text};

/// Width of the planning column: room for two or three picker buttons per row at the classroom
/// text size, leaving the dashboard the rest of a 1280-wide window.
const PLAN_WIDTH: f32 = 420.0;

/// Height of one per-post bar chart, bars and labels included.
const CHART_HEIGHT: f32 = 150.0;

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

fn is_marketing(current: Res<CurrentStop>) -> bool {
    current.0 == STOP
}

fn reset_ui(mut ui_state: ResMut<MarketingUi>) {
    *ui_state = MarketingUi::default();
}

/// The entry after `now` in `all`, wrapping round.
fn next_of<T: Copy + PartialEq>(all: &[T], now: T) -> T {
    let i = all.iter().position(|x| *x == now).unwrap_or(0);
    all.get((i + 1) % all.len().max(1)).copied().unwrap_or(now)
}

fn marketing_keys(
    keys: Res<ButtonInput<KeyCode>>,
    time: Res<Time>,
    wants: Option<Res<EguiWantsInput>>,
    state: Option<Res<MarketingState>>,
    mut ui_state: ResMut<MarketingUi>,
    mut out: MessageWriter<MarketingCommand>,
    mut tour: MessageWriter<TourCommand>,
) {
    let Some(state) = state else { return };
    let now = time.elapsed_secs();
    let open = state.ratio.is_some();
    if ui_state.question_was_open && !open {
        ui_state.closed_at = now;
    }
    ui_state.question_was_open = open;
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if typing(&wants) || ctrl {
        return;
    }
    if let Some(i) = digit_index(&keys)
        && let Some(&content) = ContentType::ALL.get(i)
    {
        ui_state.content = content;
    }
    if keys.just_pressed(KeyCode::KeyA) {
        ui_state.segment = next_of(&Segment::ALL, ui_state.segment);
    }
    if keys.just_pressed(KeyCode::KeyT) {
        ui_state.time = next_of(&PostTime::ALL, ui_state.time);
    }
    if keys.just_pressed(KeyCode::KeyE) {
        out.write(MarketingCommand::Export);
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter]) {
        if state.is_complete() {
            tour.write(TourCommand::FinishLevel);
        } else if now - ui_state.closed_at >= ENTER_COOLDOWN_S
            && let Some(post) = ui_state.plan(&state)
        {
            // While a question is open the level refuses the post and says why.
            out.write(MarketingCommand::Post(post));
        }
    }
}

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
fn pickers(ui: &mut egui::Ui, ui_state: &mut MarketingUi, p: &Palette) {
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
    ui.label(egui::RichText::new("Audience (key A)").strong());
    ui.horizontal_wrapped(|ui| {
        for segment in Segment::ALL {
            if choice(ui, segment.label(), ui_state.segment == segment)
                .on_hover_text(segment.description())
                .clicked()
            {
                ui_state.segment = segment;
            }
        }
    });
    ui.label(
        egui::RichText::new(ui_state.segment.description())
            .small()
            .color(color(p.muted_text)),
    );
    ui.add_space(4.0);
    ui.label(egui::RichText::new("Time of day (key T)").strong());
    ui.horizontal_wrapped(|ui| {
        for time in PostTime::ALL {
            if choice(ui, time.label(), ui_state.time == time).clicked() {
                ui_state.time = time;
            }
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

/// Kept in view under the pickers: the day, the button, the goals and the definition.
fn post_and_goals(
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
                egui::Button::new("Post it ▶").min_size(egui::vec2(300.0, 46.0)),
            );
            let why = if state.ratio.is_some() {
                "⚠ Work out the ratio on the dashboard first."
            } else {
                "The campaign is over. Restart it to post again."
            };
            ui.label(egui::RichText::new(why).color(color(p.warning)));
        }
    }
    ui.separator();
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

/// The guide line: what to do now, and the campaign's own summary sentence.
fn guide(
    ui: &mut egui::Ui,
    state: &MarketingState,
    p: &Palette,
    out: &mut MessageWriter<MarketingCommand>,
) {
    let still_to_solve = RATIOS_TO_SOLVE.saturating_sub(state.ratios_solved);
    let (text, tone): (String, Rgb) = match state.next_step() {
        NextStep::AnswerRatio if state.campaign.is_finished() => (
            format!(
                "▶ The campaign is over. Work out {still_to_solve} more {} below to finish the \
                 level.",
                if still_to_solve == 1 {
                    "ratio"
                } else {
                    "ratios"
                }
            ),
            p.text,
        ),
        NextStep::AnswerRatio => (
            "▶ Work out the ratio below, then plan your next post.".to_string(),
            p.text,
        ),
        NextStep::Post => (
            "▶ Plan a post on the left and post it. Compare the charts to choose well.".to_string(),
            p.text,
        ),
        NextStep::Restart => (
            "✖ The campaign is over and a goal was missed. Look at \"Engagement rate by content \
             type\" below: which kinds of post did people like most for each view? Restart the \
             campaign and post more of those, to the audiences and at the times that brought \
             the most views."
                .to_string(),
            p.warning,
        ),
        NextStep::Finish => (
            "✔ Both goals met and the ratios worked out. Continue to the gate when you are \
             ready."
                .to_string(),
            p.success,
        ),
    };
    ui.label(egui::RichText::new(text).strong().color(color(tone)));
    let goals = state.campaign.goal_status();
    ui.label(egui::RichText::new(goals.summary).color(color(p.muted_text)));
    if state.next_step() == NextStep::Restart && ui.button("Restart campaign").clicked() {
        out.write(MarketingCommand::Restart);
    }
}

/// How to type an answer on each scale.
fn answer_format(kind: RatioKind) -> (&'static str, &'static str) {
    match kind {
        RatioKind::Percent => (
            "%",
            "Type the percentage, for example 12.5 (the % sign is optional).",
        ),
        RatioKind::PerThousand => (
            "per 1,000 views",
            "Type the likes per 1,000 views, for example 125 (no % sign).",
        ),
    }
}

/// The open ratio question (prompt, answer box, feedback) and the last closed one's worked
/// answer.
fn ratio_card(
    ui: &mut egui::Ui,
    state: &MarketingState,
    ui_state: &mut MarketingUi,
    p: &Palette,
    out: &mut MessageWriter<MarketingCommand>,
    new_question: bool,
) {
    if state.ratio.is_none() && state.last_closed.is_none() {
        return;
    }
    card(p).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(closed) = &state.last_closed {
            ui.label(
                egui::RichText::new(format!("Last question: {}", closed.prompt))
                    .small()
                    .color(color(p.muted_text)),
            );
            let (icon, tone) = if closed.solved {
                ("✔", p.success)
            } else {
                ("✖", p.warning)
            };
            ui.label(egui::RichText::new(format!("{icon} {}", closed.verdict)).color(color(tone)));
            if !closed.solved {
                ui.label("ℹ The tries are used up, so here is how to work it out:");
            }
            ui.label(egui::RichText::new(format!("Worked answer: {}", closed.worked)).italics());
            if state.ratio.is_some() {
                ui.separator();
            }
        }
        let Some(question) = &state.ratio else {
            return;
        };
        ui.label(
            egui::RichText::new("Work out the ratio")
                .size(24.0)
                .strong()
                .color(color(p.accent)),
        );
        ui.label(question.prompt.as_str());
        let (unit, how) = answer_format(question.kind);
        ui.label(
            egui::RichText::new(format!("{how} ℹ {}", model::ENGAGEMENT_RATE_DEFINITION))
                .color(color(p.muted_text)),
        );
        let mut submit = false;
        ui.horizontal(|ui| {
            let edit = ui.add(
                egui::TextEdit::singleline(&mut ui_state.answer)
                    .id_salt("marketing-answer")
                    .desired_width(180.0)
                    .hint_text("your answer"),
            );
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            // A new question takes the keyboard at once; after Enter the box keeps it for a retry.
            if new_question || entered {
                edit.request_focus();
            }
            ui.label(unit);
            if ui.button("Check").clicked() || entered {
                submit = true;
            }
        });
        if submit {
            out.write(MarketingCommand::AnswerRatio(ui_state.answer.clone()));
        }
        match &state.ratio_feedback {
            Some(Ok(verdict)) => {
                let (icon, tone) = if verdict.correct {
                    ("✔", p.success)
                } else {
                    ("✖", p.warning)
                };
                ui.label(
                    egui::RichText::new(format!("{icon} {}", verdict.text)).color(color(tone)),
                );
                if let Some(hint) = &verdict.hint {
                    ui.label(egui::RichText::new(format!("Hint: {hint}")).italics());
                }
            }
            Some(Err(problem)) => {
                ui.label(egui::RichText::new(format!("⚠ {problem}")).color(color(p.warning)));
            }
            None => {}
        }
        if state.wrong_tries > 0 && state.wrong_tries + 1 == TRIES_BEFORE_WORKED {
            ui.label(
                egui::RichText::new("One more try, then the worked answer is shown.")
                    .color(color(p.muted_text)),
            );
        }
    });
}

/// One bar of a chart: its value, the text printed over it, the caption under it, and whether
/// the student has earned the right to see it yet.
struct Bar {
    value: f64,
    text: String,
    caption: String,
    hidden: bool,
}

/// A bar chart drawn with the painter. Every bar carries its value as text (colour is never
/// the only cue); a hidden bar is an empty outline with "?". The axis top comes from
/// [`model::bar_scale`] over the visible bars only, so a hidden value cannot leak through the
/// scale.
fn bar_chart(
    ui: &mut egui::Ui,
    p: &Palette,
    title: &str,
    bars: &[Bar],
    unit: &str,
    height: f32,
    caption_lines: f32,
) {
    ui.label(egui::RichText::new(title).strong());
    let width = ui.available_width().max(240.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6.0, color(p.panel));
    let text = color(p.text);
    let muted = color(p.muted_text);
    let font = egui::FontId::proportional(15.0);
    let left = rect.left() + 72.0;
    let right = rect.right() - 10.0;
    let top = rect.top() + 24.0;
    let base = rect.bottom() - 6.0 - 18.0 * caption_lines;
    let max = bars
        .iter()
        .filter(|b| !b.hidden)
        .map(|b| b.value)
        .fold(0.0, f64::max);
    let scale = model::bar_scale(max);
    painter.line_segment(
        [egui::pos2(left, base), egui::pos2(right, base)],
        egui::Stroke::new(1.5, muted),
    );
    painter.line_segment(
        [egui::pos2(left, top), egui::pos2(right, top)],
        egui::Stroke::new(0.5, muted),
    );
    painter.text(
        egui::pos2(left - 6.0, top),
        egui::Align2::RIGHT_CENTER,
        format!("{}{unit}", format_decimal(scale, 2)),
        font.clone(),
        muted,
    );
    painter.text(
        egui::pos2(left - 6.0, base),
        egui::Align2::RIGHT_CENTER,
        format!("0{unit}"),
        font.clone(),
        muted,
    );
    let slot = (right - left) / bars.len().max(1) as f32;
    let bar_width = (slot * 0.6).min(56.0);
    for (i, bar) in bars.iter().enumerate() {
        let x = left + slot * (i as f32 + 0.5);
        // Line by line, so every line of a caption is centred under its bar.
        for (line_index, line) in bar.caption.lines().enumerate() {
            painter.text(
                egui::pos2(x, base + 3.0 + 18.0 * line_index as f32),
                egui::Align2::CENTER_TOP,
                line,
                font.clone(),
                text,
            );
        }
        if bar.hidden {
            let outline = egui::Rect::from_min_max(
                egui::pos2(x - bar_width / 2.0, base - 30.0),
                egui::pos2(x + bar_width / 2.0, base),
            );
            painter.rect_stroke(
                outline,
                3.0,
                egui::Stroke::new(1.5, muted),
                egui::StrokeKind::Inside,
            );
            painter.text(
                outline.center(),
                egui::Align2::CENTER_CENTER,
                "?",
                font.clone(),
                text,
            );
            continue;
        }
        let fraction = if bar.value.is_finite() {
            (bar.value / scale).clamp(0.0, 1.0) as f32
        } else {
            0.0
        };
        let bar_top = base - fraction * (base - top);
        painter.rect_filled(
            egui::Rect::from_min_max(
                egui::pos2(x - bar_width / 2.0, bar_top),
                egui::pos2(x + bar_width / 2.0, base),
            ),
            3.0,
            color(p.accent),
        );
        painter.text(
            egui::pos2(x, bar_top - 2.0),
            egui::Align2::CENTER_BOTTOM,
            &bar.text,
            font.clone(),
            text,
        );
    }
}

/// One bar per post, in posting order, captioned with the post's number.
fn post_bars(
    state: &MarketingState,
    value: impl Fn(&PostResult) -> f64,
    text: impl Fn(&PostResult) -> String,
    needs_reveal: bool,
) -> Vec<Bar> {
    state
        .campaign
        .posts()
        .iter()
        .enumerate()
        .map(|(i, r)| Bar {
            value: value(r),
            text: text(r),
            caption: format!("#{}", i + 1),
            hidden: needs_reveal && !state.is_revealed(i),
        })
        .collect()
}

fn charts(ui: &mut egui::Ui, state: &MarketingState, p: &Palette) {
    bar_chart(
        ui,
        p,
        "Likes per post",
        &post_bars(
            state,
            |r| r.likes as f64,
            |r| group_thousands(r.likes),
            false,
        ),
        "",
        CHART_HEIGHT,
        1.0,
    );
    bar_chart(
        ui,
        p,
        "Shares per post",
        &post_bars(
            state,
            |r| r.shares as f64,
            |r| group_thousands(r.shares),
            false,
        ),
        "",
        CHART_HEIGHT,
        1.0,
    );
    bar_chart(
        ui,
        p,
        "Engagement rate per post (likes ÷ views × 100)",
        &post_bars(
            state,
            |r| r.engagement_rate_pct(),
            |r| format!("{}%", format_decimal(r.engagement_rate_pct(), 1)),
            true,
        ),
        "%",
        CHART_HEIGHT,
        1.0,
    );
    if state.revealed.iter().any(|shown| !*shown) {
        ui.label(
            egui::RichText::new(
                "? = not worked out yet: answer the post's ratio question to see it.",
            )
            .small()
            .color(color(p.muted_text)),
        );
    }
    // The pattern to discover: shown once the student has worked out a ratio of their own.
    if state.revealed.iter().any(|shown| *shown) {
        let bars: Vec<Bar> = model::by_content(state.campaign.posts())
            .into_iter()
            .map(|(content, totals)| Bar {
                value: totals.engagement_pct,
                text: format!("{}%", format_decimal(totals.engagement_pct, 1)),
                caption: format!(
                    "{}\n{} {}",
                    content.label(),
                    totals.posts,
                    if totals.posts == 1 { "post" } else { "posts" }
                ),
                hidden: false,
            })
            .collect();
        bar_chart(
            ui,
            p,
            "Engagement rate by content type (all its likes ÷ all its views × 100)",
            &bars,
            "%",
            CHART_HEIGHT + 20.0,
            2.0,
        );
    } else if !state.campaign.posts().is_empty() {
        ui.label(
            egui::RichText::new(
                "🔒 Work out one of your posts' ratios to unlock the chart of engagement by \
                 content type.",
            )
            .color(color(p.muted_text)),
        );
    }
}

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

fn results_table(
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

fn dashboard(
    ui: &mut egui::Ui,
    state: &MarketingState,
    ui_state: &mut MarketingUi,
    p: &Palette,
    out: &mut MessageWriter<MarketingCommand>,
    new_question: bool,
) {
    ui.label(
        egui::RichText::new(format!(
            "Social media dashboard · “{}” · campaign {}",
            state.campaign.spec().show_title,
            state.runs + 1
        ))
        .size(26.0)
        .strong()
        .color(color(p.accent)),
    );
    guide(ui, state, p, out);
    ratio_card(ui, state, ui_state, p, out, new_question);
    if state.campaign.posts().is_empty() {
        ui.label(
            egui::RichText::new("No posts yet. The charts and the table fill in as you post.")
                .color(color(p.muted_text)),
        );
        return;
    }
    charts(ui, state, p);
    ui.add_space(8.0);
    results_table(ui, state, ui_state, p);
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
        ui.label(format!(
            "Ratios solved: {} of {}",
            state.ratios_solved, RATIOS_TO_SOLVE
        ));
        match &state.exported {
            Some(Ok(path)) => ui.label(
                egui::RichText::new(format!("✔ Saved: {}", path.display())).color(color(p.success)),
            ),
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
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    state: Option<Res<MarketingState>>,
    mut ui_state: ResMut<MarketingUi>,
    mut out: MessageWriter<MarketingCommand>,
    mut tour: MessageWriter<TourCommand>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
) -> Result {
    let Some(state) = state else { return Ok(()) };
    // Keep egui's own focus on this screen: Tab reaches every button and the answer box, and
    // Space or Enter presses the focused one.
    allow_focus.0 = true;
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let prompt = state.ratio.as_ref().map(|q| q.prompt.clone());
    let new_question = prompt.is_some() && prompt != ui_state.answer_for;
    if prompt != ui_state.answer_for {
        ui_state.answer.clear();
        ui_state.answer_for = prompt;
    }
    let mut root = root_ui(ctx, "marketing");
    hint_bar(
        &mut root,
        &p,
        &[
            ("Tab / Space", "move / press"),
            ("1-6", "content"),
            ("A / T", "audience / time"),
            ("Enter", "post, check, continue"),
            ("E", "export CSV"),
            ("Esc", "map"),
        ],
    );
    egui::Panel::bottom("marketing-actions")
        .resizable(false)
        .frame(
            egui::Frame::new()
                .fill(color(p.panel))
                .inner_margin(egui::Margin::symmetric(16, 8)),
        )
        .show(&mut root, |ui| {
            actions_bar(ui, &state, &p, &mut out, &mut tour)
        });
    egui::Panel::left("marketing-plan")
        .exact_size(PLAN_WIDTH)
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
                .show(ui, |ui| post_and_goals(ui, &state, &ui_state, &p, &mut out));
            egui::ScrollArea::vertical()
                .id_salt("marketing-plan-scroll")
                .show(ui, |ui| pickers(ui, &mut ui_state, &p));
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
                    dashboard(ui, &state, &mut ui_state, &p, &mut out, new_question)
                });
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MarketingUi>()
        .add_systems(OnEnter(StopPhase::Level), reset_ui.run_if(is_marketing))
        .add_systems(
            Update,
            marketing_keys
                .run_if(in_state(StopPhase::Level))
                .run_if(is_marketing)
                .before(crate::tour::flow::TourSystems::Play),
        )
        .add_systems(
            EguiPrimaryContextPass,
            marketing_ui
                .in_set(UiSystems::Screens)
                .run_if(in_state(StopPhase::Level))
                .run_if(is_marketing),
        );
}
