//! Checking a teacher's campaign: complete, sane data, and goals the best plan reaches on
//! average, found by an exact search over the expected-value model.

use super::{
    CampaignSpec, ContentType, MAX_POSTS_BUDGET, Post, PostTime, Segment, expected, group_thousands,
};

impl CampaignSpec {
    /// Checks the file's format cannot express. An empty list means the campaign is playable:
    /// complete data, sane numbers, and goals that the best plan reaches in expectation (a goal
    /// no plan can reach would make the stop unwinnable, which teaches nothing).
    pub fn validate(&self) -> Vec<String> {
        let mut errors = Vec::new();
        self.check_limits_and_goals(&mut errors);
        self.check_propensities(&mut errors);
        self.check_time_factors(&mut errors);
        self.check_segment_sizes(&mut errors);

        // Reachability needs complete, sane data; judge it only when everything else is right.
        if errors.is_empty() && self.best_plan().is_none() {
            errors.push(format!(
                "the goals ({} views at {}% engagement) cannot be reached even by the best plan \
                 of {} posts, on average: lower a goal or raise the budget",
                group_thousands(self.goal_views),
                self.goal_engagement(),
                self.max_posts()
            ));
        }
        errors
    }

    /// The title, the days and posts, and the two goals.
    fn check_limits_and_goals(&self, errors: &mut Vec<String>) {
        if self.show_title.trim().is_empty() {
            errors.push("show_title is empty".to_string());
        }
        if self.days < 1 {
            errors.push("days must be at least 1".to_string());
        }
        if self.posts_budget < 3 {
            errors.push(format!(
                "posts_budget is {}: it must be at least 3, so the player can compare posts",
                self.posts_budget
            ));
        }
        if self.posts_budget > MAX_POSTS_BUDGET {
            errors.push(format!(
                "posts_budget is {}: at most {MAX_POSTS_BUDGET} posts fit in a lesson",
                self.posts_budget
            ));
        }
        if self.posts_per_day < 1 {
            errors.push("posts_per_day must be at least 1".to_string());
        } else if self.days >= 1 && self.days.saturating_mul(self.posts_per_day) < self.posts_budget
        {
            errors.push(format!(
                "{} days of {} posts hold only {} posts, fewer than the posts_budget of {}",
                self.days,
                self.posts_per_day,
                self.days.saturating_mul(self.posts_per_day),
                self.posts_budget
            ));
        }
        if self.goal_views == 0 {
            errors.push("goal_views must be more than 0".to_string());
        }
        let goal = self.goal_engagement_pct;
        if !goal.is_finite() || goal <= 0.0 || goal > 100.0 {
            errors.push(format!(
                "goal_engagement_pct is {goal}: it must be more than 0 and at most 100"
            ));
        }
    }

    /// One propensity per content type × segment pair, each with a positive reach and rates
    /// from 0 to 1.
    fn check_propensities(&self, errors: &mut Vec<String>) {
        for content in ContentType::ALL {
            for segment in Segment::ALL {
                let count = self
                    .propensity
                    .iter()
                    .filter(|p| p.content == content && p.segment == segment)
                    .count();
                match count {
                    1 => {}
                    0 => errors.push(format!(
                        "propensity for {content:?} × {segment:?} is missing"
                    )),
                    n => errors.push(format!(
                        "propensity for {content:?} × {segment:?} appears {n} times (once only)"
                    )),
                }
            }
        }
        for p in &self.propensity {
            let pair = format!("{:?} × {:?}", p.content, p.segment);
            if !(p.reach.is_finite() && p.reach > 0.0) {
                errors.push(format!(
                    "{pair}: reach is {}; it must be a positive number",
                    p.reach
                ));
            }
            for (name, rate) in [
                ("like_rate", p.like_rate),
                ("share_rate", p.share_rate),
                ("comment_rate", p.comment_rate),
            ] {
                if !(rate.is_finite() && (0.0..=1.0).contains(&rate)) {
                    errors.push(format!("{pair}: {name} is {rate}; it must be from 0 to 1"));
                }
            }
        }
    }

    /// One positive time factor per time of day.
    fn check_time_factors(&self, errors: &mut Vec<String>) {
        for time in PostTime::ALL {
            match self.time_factor.iter().filter(|(t, _)| *t == time).count() {
                1 => {}
                0 => errors.push(format!("time_factor for {time:?} is missing")),
                n => errors.push(format!("time_factor for {time:?} appears {n} times")),
            }
        }
        for &(time, factor) in &self.time_factor {
            if !(factor.is_finite() && factor > 0.0) {
                errors.push(format!(
                    "time_factor for {time:?} is {factor}; it must be a positive number"
                ));
            }
        }
    }

    /// One positive size per audience segment.
    fn check_segment_sizes(&self, errors: &mut Vec<String>) {
        for segment in Segment::ALL {
            match self
                .segment_size
                .iter()
                .filter(|(s, _)| *s == segment)
                .count()
            {
                1 => {}
                0 => errors.push(format!("segment_size for {segment:?} is missing")),
                n => errors.push(format!("segment_size for {segment:?} appears {n} times")),
            }
        }
        for &(segment, size) in &self.segment_size {
            if size == 0 {
                errors.push(format!(
                    "segment_size for {segment:?} is 0; it must be positive"
                ));
            }
        }
    }

    /// The best plan in the expected-value model ([`expected`]), or `None` if no plan within the
    /// budget meets both goals on average. Validation uses it to prove the stop is winnable; a
    /// teacher tool can show it as a model answer.
    ///
    /// "Best" means the plan with the most room to spare on its weaker goal: it maximises the
    /// smaller of the views margin (views ÷ goal − 1) and the likes margin (likes beyond what the
    /// engagement goal asks for, as a share of the likes the goal asks for at the views goal).
    /// A model answer that scrapes past one goal would fail half the time with real dice.
    ///
    /// Exact search: a plan's expected views and "surplus likes" (likes − goal rate × views) are
    /// sums over its posts, and both margins grow with both sums. So for each number of posts the
    /// search keeps only the plans no other plan beats on both sums; whatever a beaten plan could
    /// grow into, the plan that beats it grows into something at least as good.
    pub fn best_plan(&self) -> Option<Vec<Post>> {
        let max_posts = self.max_posts();
        if max_posts == 0 || self.posts_per_day == 0 {
            return None;
        }
        let goals = Goals::of(self);
        let options = self.plan_options(goals.ratio);
        let mut picks = best_picks(&options, max_posts, &goals)?;
        // Same kinds of post next to each other reads better as a plan.
        picks.sort_unstable();
        let per_day = self.posts_per_day as usize;
        Some(
            picks
                .iter()
                .enumerate()
                .map(|(n, &i)| Post {
                    day: (n / per_day) as u32 + 1,
                    ..options[i].post
                })
                .collect(),
        )
    }

    /// Every (content, segment, time) choice worth making, with its expected views and surplus
    /// likes at the goal's `ratio` (likes ÷ views).
    fn plan_options(&self, goal_ratio: f64) -> Vec<PlanOption> {
        let mut options: Vec<PlanOption> = Vec::new();
        for content in ContentType::ALL {
            for segment in Segment::ALL {
                for time in PostTime::ALL {
                    let post = Post {
                        day: 1,
                        content,
                        segment,
                        time,
                    };
                    let e = expected(self, &post);
                    options.push(PlanOption {
                        views: e.views,
                        surplus: e.likes - goal_ratio * e.views,
                        post,
                    });
                }
            }
        }
        // Drop choices another choice beats (or equals) on both sums: no best plan needs them.
        options
            .iter()
            .enumerate()
            .filter(|&(i, a)| {
                !options.iter().enumerate().any(|(j, b)| {
                    let (v, s, v2, s2) = (a.views, a.surplus, b.views, b.surplus);
                    (v2 >= v && s2 > s) || (v2 > v && s2 >= s) || (j < i && v2 == v && s2 == s)
                })
            })
            .map(|(_, option)| *option)
            .collect()
    }
}

/// The goals as the search measures them.
struct Goals {
    /// The views goal, at least 1.
    views: f64,
    /// The engagement goal as likes ÷ views.
    ratio: f64,
    /// The likes the engagement goal asks for at the views goal: the likes margin's yardstick.
    likes: f64,
}

impl Goals {
    fn of(spec: &CampaignSpec) -> Self {
        let views = (spec.goal_views as f64).max(1.0);
        let ratio = spec.goal_engagement() / 100.0;
        Self {
            views,
            ratio,
            likes: (ratio * views).max(1e-9),
        }
    }
}

/// One post the search may pick: its expected views and surplus likes.
#[derive(Clone, Copy)]
struct PlanOption {
    views: f64,
    surplus: f64,
    post: Post,
}

/// A partial plan in the search: its sums and the options picked, as indices.
struct State {
    views: f64,
    surplus: f64,
    picks: Vec<usize>,
}

/// The exact search of [`CampaignSpec::best_plan`]: grows every kept plan by one post at a time,
/// keeps only the plans no other beats on both sums, and returns the picks of the plan with the
/// biggest margin on its weaker goal, or `None` if none meets both goals.
fn best_picks(options: &[PlanOption], max_posts: u32, goals: &Goals) -> Option<Vec<usize>> {
    let margin = |state: &State| (state.views / goals.views - 1.0).min(state.surplus / goals.likes);
    // Sums of the same posts in another order differ in the last bits; treat them as equal.
    let same = 1e-9 * goals.likes.max(1.0);
    let mut front = vec![State {
        views: 0.0,
        surplus: 0.0,
        picks: Vec::new(),
    }];
    let mut best: Option<(f64, Vec<usize>)> = None;
    for _ in 0..max_posts {
        let mut next: Vec<State> = Vec::with_capacity(front.len() * options.len());
        for state in &front {
            for (i, option) in options.iter().enumerate() {
                let mut picks = state.picks.clone();
                picks.push(i);
                next.push(State {
                    views: state.views + option.views,
                    surplus: state.surplus + option.surplus,
                    picks,
                });
            }
        }
        next.sort_by(|a, b| {
            b.views
                .total_cmp(&a.views)
                .then(b.surplus.total_cmp(&a.surplus))
        });
        let mut kept: Vec<State> = Vec::new();
        let mut best_surplus = f64::NEG_INFINITY;
        for state in next {
            if state.surplus > best_surplus + same {
                best_surplus = state.surplus;
                kept.push(state);
            }
        }
        for state in &kept {
            let m = margin(state);
            // Fewer posts win ties: a longer plan must do strictly better.
            if m >= -1e-9 && best.as_ref().is_none_or(|(b, _)| m > *b + 1e-12) {
                best = Some((m, state.picks.clone()));
            }
        }
        front = kept;
    }
    best.map(|(_, picks)| picks)
}

#[cfg(test)]
mod tests {
    use crate::stops::marketing::model::expected_plan;
    use crate::stops::marketing::model::test_support::*;

    #[test]
    fn validation_finds_missing_and_duplicate_pairs_and_bad_numbers() {
        let good = bundled();

        let mut spec = good.clone();
        spec.propensity.remove(0);
        let errors = spec.validate();
        assert!(errors.iter().any(|e| e.contains("missing")), "{errors:?}");

        let mut spec = good.clone();
        let first = spec.propensity[0];
        spec.propensity.push(first);
        assert!(spec.validate().iter().any(|e| e.contains("2 times")));

        let mut spec = good.clone();
        spec.propensity[3].like_rate = 1.5;
        assert!(spec.validate().iter().any(|e| e.contains("like_rate")));
        let mut spec = good.clone();
        spec.propensity[3].share_rate = f32::NAN;
        assert!(spec.validate().iter().any(|e| e.contains("share_rate")));
        let mut spec = good.clone();
        spec.propensity[3].reach = 0.0;
        assert!(spec.validate().iter().any(|e| e.contains("reach")));
        let mut spec = good.clone();
        spec.time_factor[0].1 = -1.0;
        assert!(spec.validate().iter().any(|e| e.contains("time_factor")));
        let mut spec = good.clone();
        spec.time_factor.pop();
        assert!(spec.validate().iter().any(|e| e.contains("missing")));
        let mut spec = good.clone();
        spec.segment_size[0].1 = 0;
        assert!(spec.validate().iter().any(|e| e.contains("segment_size")));

        let mut spec = good.clone();
        spec.posts_budget = 2;
        assert!(spec.validate().iter().any(|e| e.contains("at least 3")));
        let mut spec = good.clone();
        spec.days = 0;
        assert!(spec.validate().iter().any(|e| e.contains("days")));
        let mut spec = good;
        spec.posts_per_day = 1;
        assert!(spec.validate().iter().any(|e| e.contains("hold only")));
    }

    #[test]
    fn validation_rejects_goals_no_plan_can_reach() {
        let mut spec = bundled();
        spec.goal_engagement_pct = 60.0;
        let errors = spec.validate();
        assert!(
            errors.iter().any(|e| e.contains("cannot be reached")),
            "{errors:?}"
        );
        let mut spec = bundled();
        spec.goal_views = 10_000_000;
        assert!(
            spec.validate()
                .iter()
                .any(|e| e.contains("cannot be reached"))
        );
    }

    #[test]
    fn the_best_plan_meets_both_goals_in_expectation() {
        let spec = bundled();
        let plan = spec.best_plan().expect("bundled goals are reachable");
        assert!(plan.len() as u32 <= spec.max_posts());
        let e = expected_plan(&spec, &plan);
        assert!(e.views >= spec.goal_views as f64);
        assert!(e.engagement_pct() >= spec.goal_engagement());
        // The plan is also playable as it stands: days and per-day limits hold.
        let campaign = play(&spec, spec.seed, &plan);
        assert_eq!(campaign.posts().len(), plan.len());
    }
}
