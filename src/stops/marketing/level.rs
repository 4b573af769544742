//! Stop 4, Social Media Marketing: run a short campaign for the studio's next show and read its
//! numbers as ratios. The campaign model, the ratio checker and the dashboard helpers live in
//! `crate::stops::marketing::model`; [`MarketingState`] strings them into the level's steps (work out a ratio,
//! post, work out that post's ratio, …) and this plugin only moves commands into it.
//!
//! The order of the level, and why:
//! 1. The lesson's own example first (50,000 likes on 100,000 views is 50%), then the comparison
//!    (5,000 on the same views is 5%): one division each, before any real numbers appear.
//! 2. Posting unlocks. After every post the dashboard asks for that post's engagement rate (the
//!    first post of a campaign in round numbers, every third as likes per 1,000 views), and shows
//!    the post's ratio only once it was worked out, so the student does the maths first.
//! 3. The level is complete when the campaign is over, both goals are met and at least
//!    [`RATIOS_TO_SOLVE`] ratios were solved. A missed campaign can be restarted with a new
//!    audience; the ratios solved so far are kept.

use std::path::Path;

use bevy::prelude::*;

use crate::crew::CrewCue;
use crate::stops::marketing::model::{
    self, Campaign, CampaignSpec, Post, RatioKind, RatioQuestion, RatioVerdict,
};
use crate::tour::content_plugin::{Content, load_content};
use crate::tour::flow::{LevelCatalog, LevelStatus, TourSystems};
use crate::tour::lesson::LessonTasks;
use crate::tour::level_save::{self, LevelSnapshot, resume_level, save_level};
use crate::tour::{Notices, StopPhase, in_level, in_stop};

pub const STOP: usize = 4;

/// The tasks this level reports to the lesson table (`assets/lessons.ron`).
pub const TASKS: &[&str] = &["campaign", "ratios", "export"];

/// Ratios the student must work out before the level counts as done: the two lesson examples
/// and at least one of their own posts.
pub const RATIOS_TO_SOLVE: u32 = 3;

/// Wrong answers after which the worked answer is shown and the dashboard moves on, so a stuck
/// student is taught rather than blocked.
pub const TRIES_BEFORE_WORKED: u32 = 2;

/// Every this-many-th post is asked as likes per 1,000 views instead of a percentage: the same
/// ratio on another scale, which is how marketers compare small rates.
pub const PER_THOUSAND_EVERY: usize = 3;

/// What the player (or a test) asks the level to do.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum MarketingCommand {
    /// Publish a post. Refused, with a notice, while a ratio question is open.
    Post(Post),
    /// Answer the open ratio question with what was typed.
    AnswerRatio(String),
    /// Start a new campaign with a new audience (the ratios solved are kept).
    Restart,
    /// Save the campaign as CSV under `<data_dir>/exports/`.
    Export,
}

/// What the open ratio question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RatioTopic {
    /// The lesson's example: 50,000 likes on 100,000 views.
    SeedExample,
    /// The comparison: 5,000 likes on the same 100,000 views.
    Comparison,
    /// One of the campaign's posts, by its index in `campaign.posts()`.
    Post(usize),
}

/// A question that has been closed, kept so the dashboard can show its worked answer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClosedRatio {
    pub prompt: String,
    /// True when the student's own answer was right; false when the tries ran out and the
    /// worked answer was shown instead.
    pub solved: bool,
    /// The verdict on the last answer given ("Correct: 50% (within ±0.5 percentage points)").
    pub verdict: String,
    pub worked: String,
}

/// The level's next step, for the dashboard's guide line and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// A ratio question is open: answer it.
    AnswerRatio,
    /// Plan and publish the next post.
    Post,
    /// The campaign is over and missed a goal: restart it and use the pattern.
    Restart,
    /// Everything is done: on to the gate.
    Finish,
}

/// The level in play.
#[derive(Resource, Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MarketingState {
    pub campaign: Campaign,
    /// The question being asked now; posting waits until it is closed.
    pub ratio: Option<RatioQuestion>,
    /// What `ratio` is about (`None` exactly when `ratio` is `None`).
    pub ratio_topic: Option<RatioTopic>,
    /// The last answer to the open question: a verdict, or an input problem in words.
    pub ratio_feedback: Option<Result<RatioVerdict, String>>,
    /// The question closed last, with its worked answer.
    pub last_closed: Option<ClosedRatio>,
    pub ratios_solved: u32,
    /// Per post: its engagement rate is shown only after the student worked it out (or after
    /// [`TRIES_BEFORE_WORKED`] wrong tries, with the worked answer).
    pub revealed: Vec<bool>,
    /// Wrong answers to the open question.
    pub wrong_tries: u32,
    /// Restarts so far (0 for the first campaign).
    pub runs: u32,
    /// The last export: where it went (a file, or the browser's downloads), or why it did not.
    pub exported: Option<Result<String, String>>,
    /// `GameConfig.seed`: each campaign's seed comes from it, so the same game seed replays.
    pub game_seed: u64,
    /// Practice questions asked after the campaign ended (chooses the next post to ask about).
    practice_asked: u32,
    /// Ratios the lesson length asks for (core): [`RATIOS_TO_SOLVE`] unless it says otherwise.
    pub ratios_needed: u32,
}

/// The campaign's seed for a run: a restart gives a new audience, the same game seed replays.
pub fn campaign_seed(spec: &CampaignSpec, game_seed: u64, runs: u32) -> u64 {
    game_seed ^ spec.seed ^ u64::from(runs)
}

/// The lesson's comparison, built like [`RatioQuestion::seed_example`]: same views, a tenth of
/// the likes, a tenth of the engagement rate.
pub fn comparison_question() -> RatioQuestion {
    RatioQuestion {
        prompt: "A trailer got 5,000 likes on the same 100,000 views. What is its engagement \
                 rate, as a percentage?"
            .to_string(),
        numerator: 5_000,
        denominator: 100_000,
        kind: RatioKind::Percent,
        tolerance: model::DEFAULT_TOLERANCE,
        worked: "Engagement rate = likes ÷ views × 100. 5,000 ÷ 100,000 = 0.05, and \
                 0.05 × 100 = 5%. Both posts had 100,000 views, but the blooper reel's 50% is ten \
                 times the trailer's 5%: the ratio shows which post people liked, the views alone \
                 do not."
            .to_string(),
    }
}

/// The worked answer to show once a question closes. The seed example's own text goes on to
/// work out the comparison, which is the next question: show only its first part.
fn worked_text(topic: Option<RatioTopic>, question: &RatioQuestion) -> String {
    if topic == Some(RatioTopic::SeedExample)
        && let Some((first, _)) = question.worked.split_once(" Compare")
    {
        return first.to_string();
    }
    question.worked.clone()
}

impl MarketingState {
    /// A fresh level: the first campaign, with the lesson's example question open.
    pub fn new(spec: CampaignSpec, game_seed: u64) -> Self {
        let seed = campaign_seed(&spec, game_seed, 0);
        let mut state = Self {
            campaign: Campaign::new(spec, seed),
            ratio: None,
            ratio_topic: None,
            ratio_feedback: None,
            last_closed: None,
            ratios_solved: 0,
            revealed: Vec::new(),
            wrong_tries: 0,
            runs: 0,
            exported: None,
            ratios_needed: RATIOS_TO_SOLVE,
            game_seed,
            practice_asked: 0,
        };
        state.ask(RatioTopic::SeedExample, RatioQuestion::seed_example());
        state
    }

    /// The first day that still has room for a post; `None` once the campaign is over.
    pub fn next_day(&self) -> Option<u32> {
        if self.campaign.is_finished() {
            return None;
        }
        let spec = self.campaign.spec();
        (1..=spec.days).find(|&day| {
            let used = self
                .campaign
                .posts()
                .iter()
                .filter(|r| r.post.day == day)
                .count();
            used < spec.posts_per_day as usize
        })
    }

    /// Whether post `index`'s ratios may be shown yet.
    pub fn is_revealed(&self, index: usize) -> bool {
        self.revealed.get(index).copied().unwrap_or(false)
    }

    /// Publishes a post, then asks for its engagement rate. Returns why not, in words, when it
    /// is refused (a question is open, the day is full, the budget is spent…).
    pub fn post(&mut self, post: Post) -> Result<(), String> {
        if self.ratio.is_some() {
            return Err(
                "Work out the ratio first: answer the question on the dashboard, then \
                 plan your next post."
                    .to_string(),
            );
        }
        let result = *self.campaign.post(post).map_err(|e| e.to_string())?;
        let number = self.campaign.posts().len();
        self.revealed.push(false);
        // The previous worked answer belongs to an older post; the new question takes its place.
        self.last_closed = None;
        self.ask(
            RatioTopic::Post(number - 1),
            model::post_question(&result, number, PER_THOUSAND_EVERY),
        );
        Ok(())
    }

    /// Checks an answer to the open question. Input problems cost no try; a right answer, or
    /// the last allowed wrong one, closes the question and opens the next, if any.
    /// Answer the open ratio question: `Some(true)` when right, `Some(false)` when wrong,
    /// `None` when there was no question or the answer was not a number.
    pub fn answer(&mut self, input: &str) -> Option<bool> {
        let question = self.ratio.clone()?;
        match model::check_ratio(&question, input) {
            Err(e) => {
                self.ratio_feedback = Some(Err(e.to_string()));
                None
            }
            Ok(verdict) if verdict.correct => {
                self.ratios_solved += 1;
                self.close_question(&question, true, verdict.text);
                Some(true)
            }
            Ok(verdict) => {
                self.wrong_tries += 1;
                if self.wrong_tries >= TRIES_BEFORE_WORKED {
                    self.close_question(&question, false, verdict.text);
                } else {
                    self.ratio_feedback = Some(Ok(verdict));
                }
                Some(false)
            }
        }
    }

    /// A new campaign with a new audience. The lesson's example questions stay if one is open;
    /// a question about the old campaign's posts goes with them.
    pub fn restart(&mut self) {
        self.runs += 1;
        let spec = self.campaign.spec().clone();
        let seed = campaign_seed(&spec, self.game_seed, self.runs);
        self.campaign = Campaign::new(spec, seed);
        self.revealed.clear();
        self.exported = None;
        self.practice_asked = 0;
        if !matches!(
            self.ratio_topic,
            Some(RatioTopic::SeedExample | RatioTopic::Comparison)
        ) {
            self.ratio = None;
            self.ratio_topic = None;
            self.ratio_feedback = None;
            self.last_closed = None;
            self.wrong_tries = 0;
        }
    }

    /// The name [`MarketingState::export`] tries first for this campaign's file (one per run;
    /// a later number when that file is already there).
    pub fn export_name(&self) -> String {
        format!("campaign-{}.csv", self.runs + 1)
    }

    /// Hands the campaign over as CSV for a spreadsheet (a file under `<data_dir>/exports/`,
    /// or a download in a browser) and remembers the outcome for the UI.
    pub fn export(&mut self, data_dir: &Path) -> Result<String, String> {
        // A new campaign starts counting at 1 again: the next free number keeps the files of
        // earlier sessions.
        let outcome = crate::platform::files::export_numbered(
            data_dir,
            &|n| format!("campaign-{n}.csv"),
            self.runs + 1,
            &model::to_csv(&self.campaign),
        );
        self.exported = Some(outcome.clone());
        outcome
    }

    /// The campaign is over, both goals are met, and enough ratios were worked out.
    pub fn is_complete(&self) -> bool {
        self.campaign_met() && self.ratios_solved >= self.ratios_needed
    }

    fn campaign_met(&self) -> bool {
        let goals = self.campaign.goal_status();
        goals.finished && goals.both_met()
    }

    /// Units done of each task in [`TASKS`].
    pub fn task_counts(&self) -> Vec<(&'static str, u32)> {
        vec![
            ("campaign", u32::from(self.campaign_met())),
            ("ratios", self.ratios_solved),
            (
                "export",
                u32::from(self.exported.as_ref().is_some_and(|e| e.is_ok())),
            ),
        ]
    }

    /// 3 stars for meeting the goals with at most one restart, 2 after more; 0 until complete.
    pub fn stars(&self) -> u8 {
        match (self.is_complete(), self.runs) {
            (false, _) => 0,
            (true, 0 | 1) => 3,
            (true, _) => 2,
        }
    }

    pub fn level_status(&self) -> LevelStatus {
        LevelStatus {
            complete: self.is_complete(),
            stars: self.stars(),
            tasks: Vec::new(),
        }
    }

    pub fn next_step(&self) -> NextStep {
        if self.is_complete() {
            NextStep::Finish
        } else if self.ratio.is_some() {
            NextStep::AnswerRatio
        } else if !self.campaign.is_finished() {
            NextStep::Post
        } else {
            NextStep::Restart
        }
    }

    fn ask(&mut self, topic: RatioTopic, question: RatioQuestion) {
        self.ratio = Some(question);
        self.ratio_topic = Some(topic);
        self.ratio_feedback = None;
        self.wrong_tries = 0;
    }

    fn close_question(&mut self, question: &RatioQuestion, solved: bool, verdict: String) {
        let topic = self.ratio_topic.take();
        if let Some(RatioTopic::Post(index)) = topic
            && let Some(shown) = self.revealed.get_mut(index)
        {
            *shown = true;
        }
        self.last_closed = Some(ClosedRatio {
            prompt: question.prompt.clone(),
            solved,
            verdict,
            worked: worked_text(topic, question),
        });
        self.ratio = None;
        self.ratio_feedback = None;
        self.wrong_tries = 0;
        self.ask_next(topic);
    }

    /// The lesson's comparison follows its example. Once the campaign is over, practice
    /// questions on its posts keep coming until enough ratios are solved, so a student who ran
    /// out of tries is never stuck.
    fn ask_next(&mut self, closed: Option<RatioTopic>) {
        if closed == Some(RatioTopic::SeedExample) {
            self.ask(RatioTopic::Comparison, comparison_question());
            return;
        }
        let posts = self.campaign.posts();
        if !self.campaign.is_finished()
            || self.ratios_solved >= self.ratios_needed
            || posts.is_empty()
        {
            return;
        }
        let index = self.practice_asked as usize % posts.len();
        // Alternate the scales, starting with the one the post questions use least.
        let kind = if self.practice_asked.is_multiple_of(2) {
            RatioKind::PerThousand
        } else {
            RatioKind::Percent
        };
        let question = RatioQuestion::from_post(&posts[index], kind);
        self.practice_asked += 1;
        self.ask(RatioTopic::Post(index), question);
    }
}

/// The level's whole state is its save: the student's work, kept between visits.
impl LevelSnapshot for MarketingState {
    const STOP: usize = STOP;
    fn capture(world: &World) -> Option<Self> {
        world.get_resource::<Self>().cloned()
    }
    fn restore(self, world: &mut World) {
        world.insert_resource(self);
    }
}

fn start_level(
    mut commands: Commands,
    content: Res<Content<CampaignSpec>>,
    config: Res<crate::GameConfig>,
) {
    commands.insert_resource(MarketingState::new(content.0.clone(), config.seed));
}

fn end_level(mut commands: Commands) {
    commands.remove_resource::<MarketingState>();
}

fn apply_marketing_commands(
    mut commands: MessageReader<MarketingCommand>,
    state: Option<ResMut<MarketingState>>,
    config: Res<crate::GameConfig>,
    mut status: ResMut<LevelStatus>,
    mut notices: ResMut<Notices>,
    lesson: LessonTasks,
    mut cues: MessageWriter<CrewCue>,
) {
    let Some(mut state) = state else {
        commands.clear();
        return;
    };
    for command in commands.read() {
        match command {
            MarketingCommand::Post(post) => {
                if let Err(why) = state.post(*post) {
                    notices.info(why);
                }
            }
            MarketingCommand::AnswerRatio(text) => match state.answer(text) {
                Some(true) => {
                    cues.write(CrewCue::new(STOP, "ratio-right"));
                }
                Some(false) => {
                    cues.write(CrewCue::new(STOP, "ratio-wrong"));
                }
                None => {}
            },
            MarketingCommand::Restart => {
                state.restart();
                notices.info(format!(
                    "Campaign {} starts: a new audience, the same goals. Use what the charts \
                     showed you.",
                    state.runs + 1
                ));
            }
            MarketingCommand::Export => match state.export(&config.data_dir) {
                Ok(said) => notices.success(format!("The campaign, for a spreadsheet: {said}")),
                Err(e) => notices.warn(e),
            },
        }
    }
    let needed = lesson.core(STOP, "ratios");
    if state.ratios_needed != needed {
        state.ratios_needed = needed;
    }
    lesson.apply(STOP, &state.task_counts(), &mut status);
    status.stars = state.stars();
}

/// Lets the UI build its state after the level exists.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum MarketingSystems {
    Setup,
}

pub(super) fn plugin(app: &mut App) {
    load_content::<CampaignSpec>(app);
    app.world_mut()
        .resource_mut::<LevelCatalog>()
        .register(STOP);
    level_save::register::<MarketingState>(app);
    app.add_message::<MarketingCommand>()
        .add_systems(
            OnEnter(StopPhase::Level),
            (start_level, resume_level::<MarketingState>)
                .chain()
                .run_if(in_stop(STOP))
                .in_set(MarketingSystems::Setup),
        )
        .add_systems(
            OnExit(StopPhase::Level),
            (
                save_level::<MarketingState>.run_if(in_stop(STOP)),
                end_level,
            )
                .chain(),
        )
        .add_systems(
            Update,
            apply_marketing_commands
                .in_set(TourSystems::Play)
                .run_if(in_level(STOP)),
        );
}

#[cfg(test)]
mod tests;
