//! The campaign being played: posting within the budget and the days, the running totals and
//! where the campaign stands against its goals.

use std::fmt;

use super::{CampaignSpec, Post, PostResult, format_decimal, group_thousands, ratio, simulate};
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// The campaign being played.
// ---------------------------------------------------------------------------------------------

/// Why a post was refused. The campaign is unchanged and the budget is not spent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CampaignError {
    BudgetUsedUp { budget: u32 },
    DayOutOfRange { day: u32, days: u32 },
    DayFull { day: u32, per_day: u32 },
}

impl fmt::Display for CampaignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            CampaignError::BudgetUsedUp { budget } => write!(
                f,
                "All {budget} posts in the budget are used, so the campaign is over. \
                 Look at the results: which posts worked best?"
            ),
            CampaignError::DayOutOfRange { day, days } => write!(
                f,
                "Day {day} is not part of the campaign. Pick a day from 1 to {days}."
            ),
            CampaignError::DayFull { day, per_day } => write!(
                f,
                "Day {day} already has {per_day} {}, the most allowed in one day. Pick another day.",
                if per_day == 1 { "post" } else { "posts" }
            ),
        }
    }
}

impl std::error::Error for CampaignError {}

/// A campaign being played: the spec, the seed, and the results so far.
///
/// It keeps no running random state: each post draws from its own stream, chosen by the seed and
/// the post's number (see [`simulate`]), so the results are a pure function of (seed, plan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    spec: CampaignSpec,
    seed: u64,
    posts: Vec<PostResult>,
}

impl Campaign {
    /// A fresh campaign. Pass `spec.seed` for the bundled campaign, or another seed for a
    /// different run. The spec should have passed [`CampaignSpec::validate`]; missing data makes
    /// posts get 0 views rather than a panic.
    pub fn new(spec: CampaignSpec, seed: u64) -> Self {
        Self {
            spec,
            seed,
            posts: Vec::new(),
        }
    }

    pub fn spec(&self) -> &CampaignSpec {
        &self.spec
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn posts(&self) -> &[PostResult] {
        &self.posts
    }

    /// Publishes a post and returns its result, or says why it cannot be posted.
    pub fn post(&mut self, post: Post) -> Result<&PostResult, CampaignError> {
        let spec = &self.spec;
        if self.posts.len() as u64 >= u64::from(spec.posts_budget) {
            return Err(CampaignError::BudgetUsedUp {
                budget: spec.posts_budget,
            });
        }
        if post.day < 1 || post.day > spec.days {
            return Err(CampaignError::DayOutOfRange {
                day: post.day,
                days: spec.days,
            });
        }
        if self.posts_on_day(post.day) >= spec.posts_per_day as usize {
            return Err(CampaignError::DayFull {
                day: post.day,
                per_day: spec.posts_per_day,
            });
        }
        let result = simulate(spec, self.seed, self.posts.len() as u64, &post);
        self.posts.push(result);
        Ok(&self.posts[self.posts.len() - 1])
    }

    fn posts_on_day(&self, day: u32) -> usize {
        self.posts.iter().filter(|r| r.post.day == day).count()
    }

    /// Posts still possible: what is left of the budget, or of the days' free slots if fewer.
    pub fn posts_left(&self) -> u32 {
        let budget_left = (self.spec.posts_budget as usize).saturating_sub(self.posts.len());
        let slots_left: usize = (1..=self.spec.days)
            .map(|day| (self.spec.posts_per_day as usize).saturating_sub(self.posts_on_day(day)))
            .sum();
        budget_left.min(slots_left) as u32
    }

    pub fn is_finished(&self) -> bool {
        self.posts_left() == 0
    }

    pub fn totals(&self) -> Totals {
        Totals::of(self.posts.iter())
    }

    /// Where the campaign stands against its goals, with a sentence for the student.
    pub fn goal_status(&self) -> GoalStatus {
        let totals = self.totals();
        let goal_engagement_pct = self.spec.goal_engagement();
        let views_met = totals.views >= self.spec.goal_views;
        // Nothing posted is not "0% engagement met", even for a (silly) goal of 0.
        let engagement_met = totals.views > 0 && totals.engagement_pct >= goal_engagement_pct;
        let posts_left = self.posts_left();
        let finished = posts_left == 0;
        let views_line = format!(
            "Views: {} of the {} goal",
            group_thousands(totals.views),
            group_thousands(self.spec.goal_views)
        );
        let engagement_line = format!(
            "engagement rate: {}% against a goal of {}% (likes ÷ views × 100)",
            format_decimal(totals.engagement_pct, 1),
            format_decimal(goal_engagement_pct, 2)
        );
        let summary = if self.posts.is_empty() {
            format!(
                "No posts yet. Goals: {} views and an engagement rate of {}% (likes ÷ views × 100), \
                 with {} posts.",
                group_thousands(self.spec.goal_views),
                format_decimal(goal_engagement_pct, 2),
                posts_left
            )
        } else {
            let verdict = match (views_met, engagement_met, finished) {
                (true, true, _) => "Both goals met: lots of people saw the posts and liked them!",
                (true, false, true) => {
                    "Views goal met, but too few viewers liked the posts. Which kinds of post got \
                     the most likes per view?"
                }
                (false, true, true) => {
                    "People who saw the posts liked them, but not enough people saw them. Which \
                     audiences and times of day brought the most views?"
                }
                (false, false, true) => {
                    "Neither goal was met. Compare the posts: which got the most views, and which \
                     the highest engagement rate?"
                }
                (true, false, false) => {
                    "Views goal met. Now raise the engagement rate: which posts got the most likes \
                     per view?"
                }
                (false, true, false) => {
                    "The engagement rate is on target. Keep going to reach the views goal."
                }
                (false, false, false) => "Keep going: compare your posts to choose the next one.",
            };
            let left = if finished {
                "The campaign is over.".to_string()
            } else if posts_left == 1 {
                "1 post left.".to_string()
            } else {
                format!("{posts_left} posts left.")
            };
            format!("{views_line}; {engagement_line}. {verdict} {left}")
        };
        GoalStatus {
            views: totals.views,
            goal_views: self.spec.goal_views,
            views_met,
            engagement_pct: totals.engagement_pct,
            goal_engagement_pct,
            engagement_met,
            posts_used: self.posts.len() as u32,
            posts_left,
            finished,
            summary,
        }
    }
}

/// Sums over a group of posts. Group ratios are ratios of the sums (total likes ÷ total views),
/// the way the campaign goal is measured, not averages of the posts' own ratios.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Totals {
    pub posts: usize,
    pub views: u64,
    pub likes: u64,
    pub shares: u64,
    pub comments: u64,
    /// Total likes ÷ total views × 100; 0 with no views.
    pub engagement_pct: f64,
}

impl Totals {
    pub fn of<'a>(results: impl IntoIterator<Item = &'a PostResult>) -> Self {
        let mut t = Totals::default();
        for r in results {
            t.posts += 1;
            t.views = t.views.saturating_add(r.views);
            t.likes = t.likes.saturating_add(r.likes);
            t.shares = t.shares.saturating_add(r.shares);
            t.comments = t.comments.saturating_add(r.comments);
        }
        t.engagement_pct = ratio(t.likes, t.views) * 100.0;
        t
    }

    /// Average views per post; 0 for no posts.
    pub fn mean_views(&self) -> f64 {
        ratio(self.views, self.posts as u64)
    }

    /// Average likes per post; 0 for no posts.
    pub fn mean_likes(&self) -> f64 {
        ratio(self.likes, self.posts as u64)
    }

    pub fn likes_per_thousand_views(&self) -> f64 {
        ratio(self.likes, self.views) * 1000.0
    }

    pub fn share_rate_pct(&self) -> f64 {
        ratio(self.shares, self.views) * 100.0
    }
}

/// The campaign against its goals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalStatus {
    pub views: u64,
    pub goal_views: u64,
    pub views_met: bool,
    pub engagement_pct: f64,
    pub goal_engagement_pct: f64,
    pub engagement_met: bool,
    pub posts_used: u32,
    pub posts_left: u32,
    pub finished: bool,
    /// One or two sentences for the student: the numbers, and a nudge towards the next step.
    pub summary: String,
}

impl GoalStatus {
    pub fn both_met(&self) -> bool {
        self.views_met && self.engagement_met
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::marketing::model::test_support::*;
    use crate::stops::marketing::model::{ContentType, PostTime, Segment};

    // --- campaign rules -------------------------------------------------------------------

    #[test]
    fn posts_beyond_the_budget_or_the_days_are_refused() {
        let spec = bundled();
        let mut campaign = Campaign::new(spec.clone(), spec.seed);
        let p = post(1, ContentType::Teaser, Segment::Teens, PostTime::Evening);
        assert_eq!(
            campaign.post(Post { day: 0, ..p }).unwrap_err(),
            CampaignError::DayOutOfRange { day: 0, days: 5 }
        );
        assert_eq!(
            campaign.post(Post { day: 6, ..p }).unwrap_err(),
            CampaignError::DayOutOfRange { day: 6, days: 5 }
        );
        assert!(campaign.post(p).is_ok());
        assert!(campaign.post(p).is_ok());
        let full = campaign.post(p).unwrap_err();
        assert_eq!(full, CampaignError::DayFull { day: 1, per_day: 2 });
        assert!(full.to_string().contains("Day 1 already has 2 posts"));
        assert_eq!(campaign.posts().len(), 2, "refusals spend nothing");
        assert_eq!(campaign.posts_left(), 6);
        for day in 2..=4 {
            assert!(campaign.post(Post { day, ..p }).is_ok());
            assert!(campaign.post(Post { day, ..p }).is_ok());
        }
        assert!(campaign.is_finished());
        assert_eq!(campaign.posts_left(), 0);
        let over = campaign.post(Post { day: 5, ..p }).unwrap_err();
        assert_eq!(over, CampaignError::BudgetUsedUp { budget: 8 });
        assert!(over.to_string().contains("All 8 posts"));
        assert!(
            CampaignError::DayOutOfRange { day: 9, days: 5 }
                .to_string()
                .contains("from 1 to 5")
        );
    }

    #[test]
    fn posts_left_counts_free_day_slots_too() {
        let mut spec = bundled();
        spec.days = 2;
        spec.posts_budget = 8;
        let campaign = Campaign::new(spec, 1);
        assert_eq!(campaign.posts_left(), 4);
    }

    #[test]
    fn totals_and_goal_status_add_up() {
        let spec = bundled();
        let fresh = Campaign::new(spec.clone(), 1);
        let status = fresh.goal_status();
        assert!(!status.views_met && !status.engagement_met);
        assert!(
            status.summary.starts_with("No posts yet"),
            "{}",
            status.summary
        );
        assert_eq!(fresh.totals().engagement_pct, 0.0);

        let campaign = play(&spec, 5, &sensible_plan()[..3]);
        let t = campaign.totals();
        assert_eq!(t.posts, 3);
        assert_eq!(
            t.views,
            campaign.posts().iter().map(|r| r.views).sum::<u64>()
        );
        assert_eq!(
            t.likes,
            campaign.posts().iter().map(|r| r.likes).sum::<u64>()
        );
        assert!((t.engagement_pct - t.likes as f64 / t.views as f64 * 100.0).abs() < 1e-12);
        let status = campaign.goal_status();
        assert_eq!(status.posts_used, 3);
        assert_eq!(status.posts_left, 5);
        assert!(!status.finished);
        assert!(
            status.summary.contains("5 posts left"),
            "{}",
            status.summary
        );
    }

    #[test]
    fn an_engagement_goal_is_met_exactly_at_the_written_value() {
        let mut spec = bundled();
        spec.goal_engagement_pct = 12.1;
        assert_eq!(spec.goal_engagement(), 12.1);
        let mut campaign = Campaign::new(spec, 1);
        campaign.posts.push(PostResult {
            views: 1000,
            likes: 121,
            ..result(0, 0)
        });
        assert!(campaign.goal_status().engagement_met);
    }

    #[test]
    fn ratios_of_a_post_with_no_views_are_zero() {
        let r = result(0, 0);
        assert_eq!(r.engagement_rate_pct(), 0.0);
        assert_eq!(r.likes_per_thousand_views(), 0.0);
        assert_eq!(r.share_rate_pct(), 0.0);
        let r = result(100_000, 50_000);
        assert_eq!(r.engagement_rate_pct(), 50.0);
        assert_eq!(r.likes_per_thousand_views(), 500.0);
        assert_eq!(Totals::of(&[]).engagement_pct, 0.0);
        assert_eq!(Totals::of(&[]).mean_views(), 0.0);
    }
}
