//! Stop 4, "Social Media Marketing": run a short online campaign for an upcoming show and learn
//! to read its numbers as ratios.
//!
//! Plain Rust, no Bevy. Marketers track views, likes and shares, and compare posts by ratios, not
//! by raw counts: 50,000 likes on 100,000 views is a 50% engagement rate, 5,000 likes on the same
//! views only 5%. The player plans posts (what to post, for which audience, at what time of day),
//! sees the results, works out the ratios, and uses the pattern to decide what to post next.
//!
//! How it fits together:
//! - [`CampaignSpec`] comes from `assets/marketing.ron`. It holds the goals and the *hidden*
//!   audience propensities: how far each kind of post travels with each audience and how often
//!   that audience likes, shares and comments. The UI never shows them; the player has to find
//!   the pattern from the results, as a real marketer does.
//! - [`Campaign`] turns each [`Post`] into a [`PostResult`] with a seeded, stochastic audience
//!   model (so results vary like real ones, but a class can replay the same campaign).
//! - [`RatioQuestion`] and [`check_ratio`] are the maths the student does on those numbers.
//! - [`sorted`], [`by_content`] and [`bar_scale`] feed the dashboard; [`to_csv`] exports the
//!   campaign for a spreadsheet.

use std::cmp::Ordering;
use std::fmt;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// File name of the campaign under `assets/`.
pub const CAMPAIGN_FILE: &str = "marketing.ron";

/// The bundled campaign, compiled in so the stop still works when an edited file is broken.
pub const BUNDLED_CAMPAIGN: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/marketing.ron"));

/// Engagement rate, as this game defines it: **likes ÷ views × 100**.
///
/// Real platforms count engagement in different ways (some add shares and comments, some divide
/// by followers). The game uses the simplest version, the one in the stop's lesson, so a student
/// can check every number on the dashboard with one division. Shares and comments get their own
/// ratios ([`PostResult::share_rate_pct`]). A post with no views has an engagement rate of 0, not
/// an error: nothing was seen, so nothing was engaged with.
pub const ENGAGEMENT_RATE_DEFINITION: &str = "engagement rate = likes ÷ views × 100";

/// Default tolerance of a ratio answer, in the answer's unit (percentage points or per thousand):
/// students round, and 0.5 accepts any sensible rounding without accepting a wrong method.
pub const DEFAULT_TOLERANCE: f64 = 0.5;

/// Spread of the random factor on a post's views (σ of the underlying normal). 0.25 makes two
/// identical posts differ by roughly a quarter, enough that one post proves nothing and the
/// player has to compare several.
pub const VIEW_NOISE_SIGMA: f64 = 0.25;

/// Spread of the random factor on a post's like, share and comment rates. Smaller than the
/// views' noise, so the engagement pattern stays findable within an eight-post campaign.
pub const RATE_NOISE_SIGMA: f64 = 0.15;

/// The most posts a campaign may have: longer campaigns take too long to play in a lesson, and
/// the limit keeps the reachability search in [`CampaignSpec::best_plan`] small.
pub const MAX_POSTS_BUDGET: u32 = 40;

// ---------------------------------------------------------------------------------------------
// Content: what can be posted, to whom, and when.
// ---------------------------------------------------------------------------------------------

/// What kind of post the marketer publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ContentType {
    Trailer,
    BlooperReel,
    BehindTheScenes,
    CastInterview,
    Poster,
    Teaser,
}

impl ContentType {
    pub const ALL: [ContentType; 6] = [
        ContentType::Trailer,
        ContentType::BlooperReel,
        ContentType::BehindTheScenes,
        ContentType::CastInterview,
        ContentType::Poster,
        ContentType::Teaser,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ContentType::Trailer => "Trailer",
            ContentType::BlooperReel => "Blooper reel",
            ContentType::BehindTheScenes => "Behind the scenes",
            ContentType::CastInterview => "Cast interview",
            ContentType::Poster => "Poster",
            ContentType::Teaser => "Teaser",
        }
    }

    /// One line for the post picker, so a student knows what each choice is.
    pub fn description(self) -> &'static str {
        match self {
            ContentType::Trailer => "The official two-minute trailer: big, polished, serious.",
            ContentType::BlooperReel => {
                "Funny mistakes from the set: fluffed lines, props that fall."
            }
            ContentType::BehindTheScenes => {
                "How a scene was made: the set, the crew, the visual effects."
            }
            ContentType::CastInterview => "The actors talk about their characters.",
            ContentType::Poster => "The show's poster with its release date.",
            ContentType::Teaser => "A ten-second clip that hints at the story.",
        }
    }
}

/// Who a post is aimed at. Each audience segment has its own size and its own tastes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Segment {
    Teens,
    YoungAdults,
    Parents,
    Fans,
}

impl Segment {
    pub const ALL: [Segment; 4] = [
        Segment::Teens,
        Segment::YoungAdults,
        Segment::Parents,
        Segment::Fans,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Segment::Teens => "Teens",
            Segment::YoungAdults => "Young adults",
            Segment::Parents => "Parents",
            Segment::Fans => "Fans",
        }
    }

    /// One line for the audience picker.
    pub fn description(self) -> &'static str {
        match self {
            Segment::Teens => "Ages 13 to 17, mostly on short-video apps.",
            Segment::YoungAdults => "Ages 18 to 24, the biggest audience online.",
            Segment::Parents => "Adults deciding what the family watches.",
            Segment::Fans => "A small group who already follow the show and its cast.",
        }
    }
}

/// When in the day a post goes out. More people are online at some times than others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PostTime {
    Morning,
    Afternoon,
    Evening,
    LateNight,
}

impl PostTime {
    pub const ALL: [PostTime; 4] = [
        PostTime::Morning,
        PostTime::Afternoon,
        PostTime::Evening,
        PostTime::LateNight,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PostTime::Morning => "Morning",
            PostTime::Afternoon => "Afternoon",
            PostTime::Evening => "Evening",
            PostTime::LateNight => "Late night",
        }
    }
}

/// How one audience segment responds to one kind of post. Hidden from the student: finding
/// these tendencies from the results is the point of the stop.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Propensity {
    pub content: ContentType,
    pub segment: Segment,
    /// Multiplier on the segment's size: how far this kind of post travels with this audience.
    pub reach: f32,
    /// Chance that one view turns into a like (0 to 1).
    pub like_rate: f32,
    /// Chance that one view turns into a share (0 to 1).
    pub share_rate: f32,
    /// Chance that one view turns into a comment (0 to 1).
    pub comment_rate: f32,
}

/// A campaign as read from `assets/marketing.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignSpec {
    /// The upcoming show the campaign promotes.
    pub show_title: String,
    /// Number of simulated days; posts name a day from 1 to `days`.
    pub days: u32,
    /// At most this many posts in the whole campaign: choosing is the lesson, so posts are scarce.
    pub posts_budget: u32,
    /// At most this many posts on one day.
    pub posts_per_day: u32,
    /// Goal for the campaign's total views.
    pub goal_views: u64,
    /// Goal for the campaign's engagement rate (total likes ÷ total views × 100).
    pub goal_engagement_pct: f32,
    /// One entry per content type × segment pair (24 in all). Hidden from the student.
    pub propensity: Vec<Propensity>,
    /// Multiplier on views for each time of day.
    pub time_factor: Vec<(PostTime, f32)>,
    /// Views a post gets from each segment at reach 1 and time factor 1.
    pub segment_size: Vec<(Segment, u64)>,
    /// The seed the game uses by default, so every class sees the same bundled campaign.
    pub seed: u64,
}

impl CampaignSpec {
    pub fn propensity(&self, content: ContentType, segment: Segment) -> Option<&Propensity> {
        self.propensity
            .iter()
            .find(|p| p.content == content && p.segment == segment)
    }

    pub fn time_factor(&self, time: PostTime) -> Option<f32> {
        self.time_factor
            .iter()
            .find(|(t, _)| *t == time)
            .map(|&(_, f)| f)
    }

    pub fn segment_size(&self, segment: Segment) -> Option<u64> {
        self.segment_size
            .iter()
            .find(|(s, _)| *s == segment)
            .map(|&(_, n)| n)
    }

    /// The most posts the campaign allows: the budget, unless the days cannot hold that many.
    pub fn max_posts(&self) -> u32 {
        self.posts_budget
            .min(self.days.saturating_mul(self.posts_per_day))
    }

    /// The engagement goal as the decimal the teacher wrote (12.1 stays 12.1, not
    /// 12.100000381…), so a campaign that lands exactly on the goal meets it.
    pub fn goal_engagement(&self) -> f64 {
        f32_as_written(self.goal_engagement_pct)
    }

    /// Checks the file's format cannot express. An empty list means the campaign is playable:
    /// complete data, sane numbers, and goals that the best plan reaches in expectation (a goal
    /// no plan can reach would make the stop unwinnable, which teaches nothing).
    pub fn validate(&self) -> Vec<String> {
        let mut errors = Vec::new();
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
        let goal_views = (self.goal_views as f64).max(1.0);
        let goal_ratio = self.goal_engagement() / 100.0;
        // The likes the engagement goal asks for at the views goal: the likes margin's yardstick.
        let goal_likes = (goal_ratio * goal_views).max(1e-9);

        // Every (content, segment, time) choice, with its expected views and surplus likes.
        let mut options: Vec<(f64, f64, Post)> = Vec::new();
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
                    options.push((e.views, e.likes - goal_ratio * e.views, post));
                }
            }
        }
        // Drop choices another choice beats (or equals) on both sums: no best plan needs them.
        let options: Vec<(f64, f64, Post)> = options
            .iter()
            .enumerate()
            .filter(|&(i, (v, s, _))| {
                !options.iter().enumerate().any(|(j, (v2, s2, _))| {
                    (v2 >= v && s2 > s) || (v2 > v && s2 >= s) || (j < i && v2 == v && s2 == s)
                })
            })
            .map(|(_, option)| *option)
            .collect();

        struct State {
            views: f64,
            surplus: f64,
            picks: Vec<usize>,
        }
        let margin =
            |state: &State| (state.views / goal_views - 1.0).min(state.surplus / goal_likes);
        // Sums of the same posts in another order differ in the last bits; treat them as equal.
        let same = 1e-9 * goal_likes.max(1.0);
        let mut front = vec![State {
            views: 0.0,
            surplus: 0.0,
            picks: Vec::new(),
        }];
        let mut best: Option<(f64, Vec<usize>)> = None;
        for _ in 0..max_posts {
            let mut next: Vec<State> = Vec::with_capacity(front.len() * options.len());
            for state in &front {
                for (i, &(v, s, _)) in options.iter().enumerate() {
                    let mut picks = state.picks.clone();
                    picks.push(i);
                    next.push(State {
                        views: state.views + v,
                        surplus: state.surplus + s,
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
        let (_, mut picks) = best?;
        // Same kinds of post next to each other reads better as a plan.
        picks.sort_unstable();
        let per_day = self.posts_per_day as usize;
        Some(
            picks
                .iter()
                .enumerate()
                .map(|(n, &i)| Post {
                    day: (n / per_day) as u32 + 1,
                    ..options[i].2
                })
                .collect(),
        )
    }
}

/// Reads a campaign without checking it (see [`CampaignSpec::validate`] and [`load_campaign`]).
/// A syntax error names the line and column, so a teacher can find the typo.
pub fn parse_campaign(text: &str) -> Result<CampaignSpec, String> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e: ron::error::SpannedError| {
            format!(
                "{CAMPAIGN_FILE} line {}, column {}: {}",
                e.span.start.line, e.span.start.col, e.code
            )
        })
}

/// Reads and checks a campaign: the one call the game needs before it trusts a teacher's file.
pub fn load_campaign(text: &str) -> Result<CampaignSpec, String> {
    let spec = parse_campaign(text)?;
    let errors = spec.validate();
    if errors.is_empty() {
        Ok(spec)
    } else {
        Err(format!("{CAMPAIGN_FILE}: {}", errors.join("; ")))
    }
}

/// The campaign compiled into the game. `None` only if the bundled file is broken, which the
/// tests rule out; the game falls back to it when an edited file does not load.
pub fn bundled_campaign() -> Option<CampaignSpec> {
    load_campaign(BUNDLED_CAMPAIGN).ok()
}

// ---------------------------------------------------------------------------------------------
// Posts and their results.
// ---------------------------------------------------------------------------------------------

/// One post the player schedules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Post {
    /// Day of the campaign, counted from 1 as the student sees it ("Day 1").
    pub day: u32,
    pub content: ContentType,
    pub segment: Segment,
    pub time: PostTime,
}

/// What a post got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostResult {
    pub post: Post,
    pub views: u64,
    pub likes: u64,
    pub shares: u64,
    pub comments: u64,
}

impl PostResult {
    /// Likes ÷ views × 100 (see [`ENGAGEMENT_RATE_DEFINITION`]); 0 when nobody saw the post.
    pub fn engagement_rate_pct(&self) -> f64 {
        ratio(self.likes, self.views) * 100.0
    }

    /// Likes for every 1,000 views: the same ratio on a scale that suits small rates.
    pub fn likes_per_thousand_views(&self) -> f64 {
        ratio(self.likes, self.views) * 1000.0
    }

    /// Shares ÷ views × 100: shares carry a post to new people, so marketers watch them apart.
    pub fn share_rate_pct(&self) -> f64 {
        ratio(self.shares, self.views) * 100.0
    }
}

/// `part ÷ whole`, or 0 when the whole is 0: an empty dashboard shows zeros, never "NaN".
fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The average outcome of a post (or a plan) in the audience model, without the dice.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Expected {
    pub views: f64,
    pub likes: f64,
    pub shares: f64,
    pub comments: f64,
}

impl Expected {
    /// Expected likes ÷ expected views × 100: the engagement rate a plan lands near on average.
    pub fn engagement_pct(&self) -> f64 {
        if self.views > 0.0 {
            self.likes / self.views * 100.0
        } else {
            0.0
        }
    }
}

/// The expected outcome of one post: views = segment size × reach × time factor, and each count
/// = views × its rate. The random factors have mean 1, so these are the averages the simulation
/// settles to (the rate factor is capped so a rate never passes 1, which lowers very high rates
/// a hair; the bundled rates are far below that). Missing data gives zeros.
pub fn expected(spec: &CampaignSpec, post: &Post) -> Expected {
    let (Some(p), Some(time), Some(size)) = (
        spec.propensity(post.content, post.segment),
        spec.time_factor(post.time),
        spec.segment_size(post.segment),
    ) else {
        return Expected::default();
    };
    let views = size as f64 * f64::from(p.reach) * f64::from(time);
    if !views.is_finite() || views <= 0.0 {
        return Expected::default();
    }
    Expected {
        views,
        likes: views * f64::from(p.like_rate),
        shares: views * f64::from(p.share_rate),
        comments: views * f64::from(p.comment_rate),
    }
}

/// The expected outcome of a whole plan: the sums over its posts.
pub fn expected_plan(spec: &CampaignSpec, posts: &[Post]) -> Expected {
    posts.iter().fold(Expected::default(), |acc, post| {
        let e = expected(spec, post);
        Expected {
            views: acc.views + e.views,
            likes: acc.likes + e.likes,
            shares: acc.shares + e.shares,
            comments: acc.comments + e.comments,
        }
    })
}

/// Simulates one post: the post number `index` (from 0) of a campaign played with `seed`.
///
/// The dice come from a ChaCha8 stream chosen by `(seed, index)` alone, so a post's result
/// depends only on the seed, its place in the campaign and the post itself: a whole campaign
/// replays from its seed and plan, and two plans compared on one seed roll the same dice for
/// each post number, so their difference comes from the choices, not from luck.
pub fn simulate(spec: &CampaignSpec, seed: u64, index: u64, post: &Post) -> PostResult {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(index);
    // The random factors come first, in a fixed order: the counts below take a varying number
    // of draws (one per view on the coin-flip path), and must not shift these.
    let view_noise = lognormal_mean_one(&mut rng, VIEW_NOISE_SIGMA);
    let like_noise = lognormal_mean_one(&mut rng, RATE_NOISE_SIGMA);
    let share_noise = lognormal_mean_one(&mut rng, RATE_NOISE_SIGMA);
    let comment_noise = lognormal_mean_one(&mut rng, RATE_NOISE_SIGMA);

    let mut result = PostResult {
        post: *post,
        views: 0,
        likes: 0,
        shares: 0,
        comments: 0,
    };
    let Some(p) = spec.propensity(post.content, post.segment) else {
        return result;
    };
    let mean_views = expected(spec, post).views;
    // `as` saturates, and a bad spec gives 0 here, not a panic.
    result.views = (mean_views * view_noise).max(0.0).round() as u64;
    let rate = |base: f32, noise: f64| (f64::from(base) * noise).clamp(0.0, 1.0);
    result.likes = sample_binomial(&mut rng, result.views, rate(p.like_rate, like_noise));
    result.shares = sample_binomial(&mut rng, result.views, rate(p.share_rate, share_noise));
    result.comments = sample_binomial(&mut rng, result.views, rate(p.comment_rate, comment_noise));
    result
}

/// A standard normal number by the Box–Muller transform (the game needs no distribution crate
/// for two lines of maths).
pub fn standard_normal(rng: &mut impl Rng) -> f64 {
    // 1 − [0, 1) is in (0, 1]: never ln(0).
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A log-normal factor with mean exactly 1: exp(σZ − σ²/2). Without the −σ²/2 the average would
/// be exp(σ²/2), about 3% too high at σ = 0.25, and every campaign would drift above its
/// expected values.
pub fn lognormal_mean_one(rng: &mut impl Rng, sigma: f64) -> f64 {
    (sigma * standard_normal(rng) - sigma * sigma / 2.0).exp()
}

/// How many of `n` views turn into an action that each view takes with chance `p`
/// (a Binomial(n, p) draw), always within 0..=n.
///
/// - n < 50: the exact sum of n coin flips (cheap, and the approximations are poor there).
/// - n·p < 10 (or n·(1−p) < 10): a Poisson draw, because the bell curve of the normal
///   approximation would spill below 0 (or above n) and clamping would bias the average.
/// - otherwise: the normal approximation N(np, np(1−p)) with continuity correction, i.e. the
///   bell-curve value rounded to the nearest whole number, which is O(1) for millions of views.
pub fn sample_binomial(rng: &mut impl Rng, n: u64, p: f64) -> u64 {
    if n == 0 || p.is_nan() || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    if n < 50 {
        return (0..n).filter(|_| rng.random::<f64>() < p).count() as u64;
    }
    let mean = n as f64 * p;
    let mean_misses = n as f64 * (1.0 - p);
    if mean < 10.0 {
        return sample_small_poisson(rng, mean).min(n);
    }
    if mean_misses < 10.0 {
        return n - sample_small_poisson(rng, mean_misses).min(n);
    }
    let sd = (mean * (1.0 - p)).sqrt();
    let x = (mean + sd * standard_normal(rng) + 0.5).floor();
    x.clamp(0.0, n as f64) as u64
}

/// Poisson(λ) by multiplying uniforms (Knuth); only called with λ < 10, where it is quick.
fn sample_small_poisson(rng: &mut impl Rng, lambda: f64) -> u64 {
    let limit = (-lambda).exp();
    let mut product = 1.0;
    let mut count = 0;
    loop {
        product *= rng.random::<f64>();
        if product <= limit {
            return count;
        }
        count += 1;
    }
}

// ---------------------------------------------------------------------------------------------
// The campaign being played.
// ---------------------------------------------------------------------------------------------

/// Why a post was refused. The campaign is unchanged and the budget is not spent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Default)]
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
#[derive(Debug, Clone, PartialEq)]
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

// ---------------------------------------------------------------------------------------------
// Ratio maths the student does.
// ---------------------------------------------------------------------------------------------

/// Which scale a ratio answer is written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RatioKind {
    /// Per hundred: likes ÷ views × 100.
    Percent,
    /// Per thousand: likes ÷ views × 1,000, handy when rates are small.
    PerThousand,
}

impl RatioKind {
    pub fn scale(self) -> f64 {
        match self {
            RatioKind::Percent => 100.0,
            RatioKind::PerThousand => 1000.0,
        }
    }

    /// The unit of a difference on this scale, for "within ±0.5 …".
    fn tolerance_unit(self) -> &'static str {
        match self {
            RatioKind::Percent => "percentage points",
            RatioKind::PerThousand => "per thousand",
        }
    }

    /// A value with its unit, e.g. "50%" or "500 per 1,000 views".
    fn with_unit(self, value: f64) -> String {
        match self {
            RatioKind::Percent => format!("{}%", format_decimal(value, 2)),
            RatioKind::PerThousand => format!("{} per 1,000 views", format_decimal(value, 2)),
        }
    }
}

/// One ratio to work out: `numerator ÷ denominator`, written on the scale of `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatioQuestion {
    pub prompt: String,
    pub numerator: u64,
    pub denominator: u64,
    pub kind: RatioKind,
    /// How far an answer may be from the exact value, in the answer's unit (percentage points,
    /// or per thousand).
    pub tolerance: f64,
    /// The worked answer, shown after the student answers.
    pub worked: String,
}

impl RatioQuestion {
    /// The lesson's own example: 50,000 likes on 100,000 views is 50%, against 5% for 5,000.
    pub fn seed_example() -> Self {
        Self {
            prompt: "A blooper reel got 50,000 likes on 100,000 views. What is its engagement \
                     rate, as a percentage?"
                .to_string(),
            numerator: 50_000,
            denominator: 100_000,
            kind: RatioKind::Percent,
            tolerance: DEFAULT_TOLERANCE,
            worked: "Engagement rate = likes ÷ views × 100. 50,000 ÷ 100,000 = 0.5, and \
                     0.5 × 100 = 50%. Compare a trailer with 5,000 likes on the same 100,000 \
                     views: 5,000 ÷ 100,000 = 0.05, which is 5%. Same views, but ten times the \
                     engagement for the blooper reel."
                .to_string(),
        }
    }

    /// A question on the student's own campaign numbers: the likes and views of one post.
    pub fn from_post(result: &PostResult, kind: RatioKind) -> Self {
        let likes = group_thousands(result.likes);
        let views = group_thousands(result.views);
        let what = format!(
            "Your {} for {} ({}, day {}) got {likes} likes on {views} views.",
            result.post.content.label().to_lowercase(),
            result.post.segment.label().to_lowercase(),
            result.post.time.label().to_lowercase(),
            result.post.day
        );
        let fraction = ratio(result.likes, result.views);
        let answer = fraction * kind.scale();
        let (prompt, worked) = match kind {
            RatioKind::Percent => (
                format!("{what} What is its engagement rate, as a percentage?"),
                format!(
                    "Engagement rate = likes ÷ views × 100. {likes} ÷ {views} = {}, and {} × 100 \
                     = {}.",
                    format_decimal(fraction, 4),
                    format_decimal(fraction, 4),
                    kind.with_unit(answer)
                ),
            ),
            RatioKind::PerThousand => (
                format!("{what} How many likes did it get for every 1,000 views?"),
                format!(
                    "Likes per 1,000 views = likes ÷ views × 1,000. {likes} ÷ {views} = {}, and \
                     {} × 1,000 = {}.",
                    format_decimal(fraction, 5),
                    format_decimal(fraction, 5),
                    kind.with_unit(answer)
                ),
            ),
        };
        let worked = if result.views == 0 {
            "Nobody saw this post, so there is nothing to divide: the rate counts as 0.".to_string()
        } else {
            worked
        };
        Self {
            prompt,
            numerator: result.likes,
            denominator: result.views,
            kind,
            tolerance: DEFAULT_TOLERANCE,
            worked,
        }
    }

    /// The exact answer on the question's scale; 0 when the denominator is 0.
    pub fn answer(&self) -> f64 {
        ratio(self.numerator, self.denominator) * self.kind.scale()
    }

    /// The tolerance actually used: a broken (negative or non-finite) one falls back to the
    /// default rather than rejecting every answer.
    fn effective_tolerance(&self) -> f64 {
        if self.tolerance.is_finite() && self.tolerance >= 0.0 {
            self.tolerance
        } else {
            DEFAULT_TOLERANCE
        }
    }
}

/// The outcome of a well-formed answer.
#[derive(Debug, Clone, PartialEq)]
pub struct RatioVerdict {
    pub correct: bool,
    /// The number the student typed.
    pub given: f64,
    /// The exact answer.
    pub answer: f64,
    /// A pointer to a likely slip (a decimal instead of a percentage…), when one fits.
    pub hint: Option<String>,
    /// What to show: "Correct: 50% (within ±0.5 percentage points)" or why not.
    pub text: String,
}

/// Why an answer could not be read as a number. Each message says how to write it instead.
#[derive(Debug, Clone, PartialEq)]
pub enum RatioInputError {
    Empty,
    NotANumber(String),
    NotFinite(String),
    Negative,
    AbovePercentMax(f64),
    BadThousandsSeparator(String),
    PercentSignNotExpected,
}

impl fmt::Display for RatioInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RatioInputError::Empty => f.write_str("Type a number first, for example 12.5."),
            RatioInputError::NotANumber(s) => write!(
                f,
                "\"{s}\" is not a number. Type digits, with a dot for decimals, for example 12.5."
            ),
            RatioInputError::NotFinite(s) => write!(
                f,
                "\"{s}\" is not an ordinary number. Type digits, for example 12.5."
            ),
            RatioInputError::Negative => {
                f.write_str("A rate can't be negative: a post never gets fewer than zero likes.")
            }
            RatioInputError::AbovePercentMax(v) => write!(
                f,
                "{}% would mean more likes than views, which can't happen: a percentage of the \
                 views is between 0 and 100.",
                format_decimal(*v, 2)
            ),
            RatioInputError::BadThousandsSeparator(s) => write!(
                f,
                "\"{s}\": commas may only separate thousands, as in 1,234. For decimals use a \
                 dot, as in 12.5."
            ),
            RatioInputError::PercentSignNotExpected => f.write_str(
                "This answer is likes per 1,000 views, not a percentage: leave out the % sign.",
            ),
        }
    }
}

impl std::error::Error for RatioInputError {}

/// Checks a student's answer to a ratio question.
///
/// Accepts a plain number ("50", "50.0", "1,234.5") and, for percentages, an optional trailing
/// `%` ("50%", "50.0 %"). Rejects, with a message that says what to type: nothing, words,
/// NaN/infinity, negative numbers, commas that are not thousands separators ("12,5"), a `%`
/// on a per-thousand answer, and percentages above 100 (more likes than views).
pub fn check_ratio(question: &RatioQuestion, input: &str) -> Result<RatioVerdict, RatioInputError> {
    let given = parse_answer(input, question.kind)?;
    let kind = question.kind;
    let answer = question.answer();
    let tolerance = question.effective_tolerance();
    let within = format!(
        "within ±{} {}",
        format_decimal(tolerance, 2),
        kind.tolerance_unit()
    );
    let correct = (given - answer).abs() <= tolerance + 1e-9;
    let hint = if correct {
        None
    } else {
        slip_hint(given, answer, kind)
    };
    let text = if correct {
        format!("Correct: {} ({within})", kind.with_unit(answer))
    } else {
        let direction = if given < answer {
            "too low"
        } else {
            "too high"
        };
        format!(
            "Not quite: {} is {direction}. Answers {within} of the exact value count.",
            kind.with_unit(given)
        )
    };
    Ok(RatioVerdict {
        correct,
        given,
        answer,
        hint,
        text,
    })
}

/// Recognises the common slips: the bare decimal ratio (0.5 for 50%) and, per thousand, the
/// percentage (50 for 500 per 1,000).
fn slip_hint(given: f64, answer: f64, kind: RatioKind) -> Option<String> {
    let fraction = answer / kind.scale();
    // A rate of (near) 0 looks the same on every scale; no slip to point out.
    if answer <= DEFAULT_TOLERANCE {
        return None;
    }
    let close = |target: f64| (given - target).abs() <= (target.abs() * 0.01).max(0.0005);
    if close(fraction) {
        let shown = format_decimal(given, 4);
        return Some(match kind {
            RatioKind::Percent => {
                format!("{shown} is the ratio as a decimal; as a percentage multiply by 100.")
            }
            RatioKind::PerThousand => {
                format!("{shown} is the ratio as a decimal; per thousand views multiply by 1,000.")
            }
        });
    }
    if kind == RatioKind::PerThousand && close(fraction * 100.0) {
        return Some(format!(
            "{} is the percentage (per 100 views); per 1,000 views multiply the ratio by 1,000.",
            format_decimal(given, 2)
        ));
    }
    None
}

/// Reads a typed answer; see [`check_ratio`] for what is accepted.
fn parse_answer(input: &str, kind: RatioKind) -> Result<f64, RatioInputError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(RatioInputError::Empty);
    }
    let number = match trimmed.strip_suffix('%') {
        Some(rest) if kind == RatioKind::PerThousand => {
            // Still complain about the number itself first if it is not one.
            parse_plain_number(rest.trim_end())?;
            return Err(RatioInputError::PercentSignNotExpected);
        }
        Some(rest) => rest.trim_end(),
        None => trimmed,
    };
    let value = parse_plain_number(number)?;
    if kind == RatioKind::Percent && value > 100.0 {
        return Err(RatioInputError::AbovePercentMax(value));
    }
    Ok(value)
}

/// A non-negative decimal number with optional thousands separators. Rust's own `f64` parser
/// is too lenient for a classroom ("NaN", "inf" and "1e3" all parse), so the characters are
/// checked first.
fn parse_plain_number(text: &str) -> Result<f64, RatioInputError> {
    if text.is_empty() {
        return Err(RatioInputError::NotANumber(text.to_string()));
    }
    let lower = text.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if ["nan", "inf", "infinity"].contains(&unsigned) {
        return Err(RatioInputError::NotFinite(text.to_string()));
    }
    // A minus sign (ASCII or the typographic one) in front of a valid number.
    let negative = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('\u{2212}'));
    if let Some(rest) = negative {
        let value = parse_plain_number(rest.trim_start())?;
        return if value == 0.0 {
            Ok(0.0)
        } else {
            Err(RatioInputError::Negative)
        };
    }
    let body = text.strip_prefix('+').unwrap_or(text);
    let not_a_number = || RatioInputError::NotANumber(text.to_string());
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || !body.chars().any(|c| c.is_ascii_digit())
    {
        return Err(not_a_number());
    }
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    if let Some(f) = fraction {
        if f.contains('.') {
            return Err(not_a_number());
        }
        if f.contains(',') {
            return Err(RatioInputError::BadThousandsSeparator(text.to_string()));
        }
    }
    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || !groups.all(|g| g.len() == 3) {
            return Err(RatioInputError::BadThousandsSeparator(text.to_string()));
        }
    }
    let cleaned: String = body.chars().filter(|&c| c != ',').collect();
    let value: f64 = cleaned.parse().map_err(|_| not_a_number())?;
    if !value.is_finite() {
        return Err(RatioInputError::NotFinite(text.to_string()));
    }
    Ok(value)
}

// ---------------------------------------------------------------------------------------------
// Dashboard helpers.
// ---------------------------------------------------------------------------------------------

/// A column of the results table the student can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Day,
    Content,
    Segment,
    Views,
    Likes,
    Shares,
    Engagement,
    LikesPerThousand,
}

impl SortKey {
    pub const ALL: [SortKey; 8] = [
        SortKey::Day,
        SortKey::Content,
        SortKey::Segment,
        SortKey::Views,
        SortKey::Likes,
        SortKey::Shares,
        SortKey::Engagement,
        SortKey::LikesPerThousand,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Day => "Day",
            SortKey::Content => "Content",
            SortKey::Segment => "Audience",
            SortKey::Views => "Views",
            SortKey::Likes => "Likes",
            SortKey::Shares => "Shares",
            SortKey::Engagement => "Engagement %",
            SortKey::LikesPerThousand => "Likes per 1,000 views",
        }
    }
}

/// The order to show `posts` in, as indices into `posts`. Stable: equal rows keep their posting
/// order in both directions, so re-sorting never shuffles ties and the table does not jump.
/// Content and audience sort by their labels, A to Z, as a spreadsheet would.
pub fn sorted(posts: &[PostResult], key: SortKey, descending: bool) -> Vec<usize> {
    let compare = |a: &PostResult, b: &PostResult| -> Ordering {
        match key {
            SortKey::Day => a.post.day.cmp(&b.post.day),
            SortKey::Content => a.post.content.label().cmp(b.post.content.label()),
            SortKey::Segment => a.post.segment.label().cmp(b.post.segment.label()),
            SortKey::Views => a.views.cmp(&b.views),
            SortKey::Likes => a.likes.cmp(&b.likes),
            SortKey::Shares => a.shares.cmp(&b.shares),
            SortKey::Engagement => a.engagement_rate_pct().total_cmp(&b.engagement_rate_pct()),
            SortKey::LikesPerThousand => a
                .likes_per_thousand_views()
                .total_cmp(&b.likes_per_thousand_views()),
        }
    };
    let mut order: Vec<usize> = (0..posts.len()).collect();
    order.sort_by(|&i, &j| {
        let ord = compare(&posts[i], &posts[j]);
        if descending { ord.reverse() } else { ord }
    });
    order
}

/// Totals per content type, in [`ContentType::ALL`] order, for the types that were posted: the
/// chart that reveals the pattern (use [`Totals::mean_views`] for the average per post and
/// `engagement_pct` for the type's engagement rate).
pub fn by_content(posts: &[PostResult]) -> Vec<(ContentType, Totals)> {
    group(posts, &ContentType::ALL, |r| r.post.content)
}

/// Totals per audience segment, in [`Segment::ALL`] order, for the segments posted to.
pub fn by_segment(posts: &[PostResult]) -> Vec<(Segment, Totals)> {
    group(posts, &Segment::ALL, |r| r.post.segment)
}

/// Totals per time of day, in [`PostTime::ALL`] order, for the times used.
pub fn by_time(posts: &[PostResult]) -> Vec<(PostTime, Totals)> {
    group(posts, &PostTime::ALL, |r| r.post.time)
}

fn group<K: Copy + PartialEq>(
    posts: &[PostResult],
    keys: &[K],
    key_of: impl Fn(&PostResult) -> K,
) -> Vec<(K, Totals)> {
    keys.iter()
        .filter_map(|&k| {
            let totals = Totals::of(posts.iter().filter(|r| key_of(r) == k));
            (totals.posts > 0).then_some((k, totals))
        })
        .collect()
}

/// A round top for a chart's axis: the smallest of 1, 2, 2.5 or 5 × 10ⁿ that is at least
/// `max_value`, so gridlines fall on numbers a student can read (45,000 → 50,000). Returns 1 for
/// an empty chart (0, negative or non-finite), so the axis never has zero height.
pub fn bar_scale(max_value: f64) -> f64 {
    if !max_value.is_finite() || max_value <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powi(max_value.log10().floor() as i32);
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let top = step * power;
        // Tolerate rounding in log10/powi: 1000 must give 1000, not 2000.
        if top >= max_value * (1.0 - 1e-12) {
            return top;
        }
    }
    20.0 * power
}

// ---------------------------------------------------------------------------------------------
// Export.
// ---------------------------------------------------------------------------------------------

/// Header of the CSV export, one column per number on the dashboard.
pub const CSV_HEADER: [&str; 11] = [
    "post",
    "day",
    "time",
    "content",
    "segment",
    "views",
    "likes",
    "shares",
    "comments",
    "engagement_rate_pct",
    "likes_per_1000_views",
];

/// The campaign as CSV for a spreadsheet, one row per post in posting order. Counts are plain
/// integers (no separators, so spreadsheets read them as numbers) and ratios have 2 decimals.
pub fn to_csv(campaign: &Campaign) -> String {
    let mut table = crate::tour::model::csv::CsvTable::new(&CSV_HEADER);
    for (i, r) in campaign.posts().iter().enumerate() {
        table.row([
            (i + 1).to_string(),
            r.post.day.to_string(),
            r.post.time.label().to_string(),
            r.post.content.label().to_string(),
            r.post.segment.label().to_string(),
            r.views.to_string(),
            r.likes.to_string(),
            r.shares.to_string(),
            r.comments.to_string(),
            format!("{:.2}", r.engagement_rate_pct()),
            format!("{:.2}", r.likes_per_thousand_views()),
        ]);
    }
    table.into_string()
}

// ---------------------------------------------------------------------------------------------
// Number formatting for students.
// ---------------------------------------------------------------------------------------------

/// 1234567 → "1,234,567": big counts are easier to read (and to divide) with separators.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number with at most `max_decimals` decimals, trailing zeros dropped and thousands grouped:
/// 50.0 → "50", 22.04 → "22.04", 1234.5 → "1,234.5".
pub fn format_decimal(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let text = format!("{:.*}", max_decimals, value.abs());
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let whole = whole
        .parse::<u64>()
        .map(group_thousands)
        .unwrap_or_else(|_| whole.to_string());
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match fraction {
        Some(f) => format!("{sign}{whole}.{f}"),
        None => format!("{sign}{whole}"),
    }
}

/// An `f32` from a file as the decimal that was written: the shortest text that reads back as
/// the same `f32` is what the teacher typed, and that text as `f64` has no f32 rounding tail.
fn f32_as_written(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> CampaignSpec {
        match parse_campaign(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/marketing.ron"
        ))) {
            Ok(spec) => spec,
            Err(e) => panic!("bundled campaign does not parse: {e}"),
        }
    }

    fn post(day: u32, content: ContentType, segment: Segment, time: PostTime) -> Post {
        Post {
            day,
            content,
            segment,
            time,
        }
    }

    /// "A trailer every time", at its best: the biggest audience, in the evening.
    fn naive_plan(spec: &CampaignSpec) -> Vec<Post> {
        (0..spec.posts_budget)
            .map(|i| {
                post(
                    i / spec.posts_per_day + 1,
                    ContentType::Trailer,
                    Segment::YoungAdults,
                    PostTime::Evening,
                )
            })
            .collect()
    }

    /// What a student who found the pattern posts: funny and behind-the-scenes clips for
    /// teens and young adults, a cast interview for the fans, one trailer, all in the evening.
    fn sensible_plan() -> Vec<Post> {
        use ContentType::*;
        use PostTime::Evening;
        use Segment::*;
        vec![
            post(1, BlooperReel, Teens, Evening),
            post(1, BehindTheScenes, YoungAdults, Evening),
            post(2, BlooperReel, YoungAdults, Evening),
            post(2, CastInterview, Fans, Evening),
            post(3, Trailer, YoungAdults, Evening),
            post(3, BlooperReel, Teens, Evening),
            post(4, BehindTheScenes, YoungAdults, Evening),
            post(4, BlooperReel, YoungAdults, Evening),
        ]
    }

    fn play(spec: &CampaignSpec, seed: u64, plan: &[Post]) -> Campaign {
        let mut campaign = Campaign::new(spec.clone(), seed);
        for p in plan {
            if let Err(e) = campaign.post(*p) {
                panic!("post {p:?} refused: {e}");
            }
        }
        campaign
    }

    fn result(views: u64, likes: u64) -> PostResult {
        PostResult {
            post: post(1, ContentType::Trailer, Segment::Teens, PostTime::Morning),
            views,
            likes,
            shares: 0,
            comments: 0,
        }
    }

    // --- content --------------------------------------------------------------------------

    #[test]
    fn the_bundled_campaign_parses_and_validates() {
        let spec = bundled();
        assert_eq!(spec.validate(), Vec::<String>::new());
        assert_eq!(spec.days, 5);
        assert_eq!(spec.posts_budget, 8);
        assert_eq!(spec.posts_per_day, 2);
        assert_eq!(spec.propensity.len(), 24);
        assert!(bundled_campaign().is_some());
        assert!(load_campaign(BUNDLED_CAMPAIGN).is_ok());
    }

    #[test]
    fn syntax_errors_name_the_line_and_column() {
        let text = "(\n    show_title: \"X\",\n    days: five,\n)";
        let err = parse_campaign(text).unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("column"), "{err}");
        let unknown = BUNDLED_CAMPAIGN.replacen("days:", "dayz:", 1);
        assert!(parse_campaign(&unknown).is_err());
    }

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

    // --- the designed pattern -------------------------------------------------------------

    #[test]
    fn trailers_every_time_reach_the_views_but_miss_the_engagement_goal() {
        let spec = bundled();
        let naive = naive_plan(&spec);
        let e = expected_plan(&spec, &naive);
        assert!(e.views >= spec.goal_views as f64, "trailers do get views");
        assert!(
            e.engagement_pct() < spec.goal_engagement(),
            "naive plan expected engagement {:.1}%",
            e.engagement_pct()
        );
        // No mix of trailers can do better than the best trailer's like rate.
        let best_trailer = Segment::ALL
            .iter()
            .filter_map(|&s| spec.propensity(ContentType::Trailer, s))
            .map(|p| f64::from(p.like_rate) * 100.0)
            .fold(0.0, f64::max);
        assert!(best_trailer < spec.goal_engagement());
        // And with the bundled seed, it misses for real.
        let status = play(&spec, spec.seed, &naive).goal_status();
        assert!(status.views_met && !status.engagement_met, "{status:?}");
    }

    #[test]
    fn the_sensible_plan_reaches_both_goals_on_average_and_with_the_bundled_seed() {
        let spec = bundled();
        let plan = sensible_plan();
        assert_eq!(plan.len() as u32, spec.posts_budget);
        let e = expected_plan(&spec, &plan);
        assert!(e.views >= spec.goal_views as f64, "{e:?}");
        assert!(e.engagement_pct() >= spec.goal_engagement(), "{e:?}");
        let campaign = play(&spec, spec.seed, &plan);
        let status = campaign.goal_status();
        assert!(status.both_met(), "{status:?}");
        assert!(status.finished);
        assert!(
            status.summary.contains("Both goals met"),
            "{}",
            status.summary
        );
    }

    #[test]
    fn good_posts_at_the_wrong_time_miss_the_views_goal() {
        let spec = bundled();
        let morning: Vec<Post> = sensible_plan()
            .into_iter()
            .map(|p| Post {
                time: PostTime::Morning,
                ..p
            })
            .collect();
        let e = expected_plan(&spec, &morning);
        assert!(e.views < spec.goal_views as f64, "{e:?}");
    }

    #[test]
    fn the_hidden_pattern_is_there_to_find() {
        let spec = bundled();
        let like = |c, s| spec.propensity(c, s).map(|p| p.like_rate).unwrap_or(0.0);
        let reach = |c, s| spec.propensity(c, s).map(|p| p.reach).unwrap_or(0.0);
        for s in [Segment::Teens, Segment::YoungAdults] {
            assert!(like(ContentType::BlooperReel, s) > 2.0 * like(ContentType::Trailer, s));
            assert!(like(ContentType::BehindTheScenes, s) > 2.0 * like(ContentType::Trailer, s));
        }
        for s in Segment::ALL {
            // Trailers travel furthest; posters do worst at everything.
            for c in ContentType::ALL {
                if c != ContentType::Trailer {
                    assert!(reach(ContentType::Trailer, s) > reach(c, s), "{c:?} {s:?}");
                }
                if c != ContentType::Poster {
                    assert!(reach(ContentType::Poster, s) < reach(c, s));
                    assert!(like(ContentType::Poster, s) < like(c, s));
                }
            }
        }
        let fans = like(ContentType::CastInterview, Segment::Fans);
        assert!(
            Segment::ALL
                .iter()
                .all(|&s| like(ContentType::CastInterview, s) <= fans)
        );
        let evening = spec.time_factor(PostTime::Evening).unwrap_or(0.0);
        for t in PostTime::ALL {
            assert!(t == PostTime::Evening || spec.time_factor(t).unwrap_or(0.0) < evening);
        }
    }

    // --- determinism and statistics -------------------------------------------------------

    #[test]
    fn a_campaign_replays_from_its_seed_and_plan() {
        let spec = bundled();
        let a = play(&spec, 42, &sensible_plan());
        let b = play(&spec, 42, &sensible_plan());
        assert_eq!(a.posts(), b.posts());
        let c = play(&spec, 43, &sensible_plan());
        assert_ne!(a.posts(), c.posts());
        // A post's result depends on its number and the seed, not on the posts before it.
        let plan = sensible_plan();
        let other_first = [post(
            1,
            ContentType::Poster,
            Segment::Parents,
            PostTime::Morning,
        )];
        let d = play(&spec, 42, &[other_first[0], plan[1]]);
        assert_eq!(d.posts()[1], a.posts()[1]);
        assert_eq!(simulate(&spec, 42, 1, &plan[1]), a.posts()[1]);
    }

    #[test]
    fn simulated_views_and_like_rates_match_the_parameters() {
        let spec = bundled();
        let p = post(
            1,
            ContentType::BlooperReel,
            Segment::Teens,
            PostTime::Evening,
        );
        let like_rate = f64::from(
            spec.propensity(p.content, p.segment)
                .map_or(0.0, |x| x.like_rate),
        );
        let share_rate = f64::from(
            spec.propensity(p.content, p.segment)
                .map_or(0.0, |x| x.share_rate),
        );
        let e = expected(&spec, &p);
        let n = 20_000;
        let (mut views, mut rate, mut shares) = (0.0, 0.0, 0.0);
        for i in 0..n {
            let r = simulate(&spec, 7, i, &p);
            views += r.views as f64;
            rate += r.likes as f64 / r.views as f64;
            shares += r.share_rate_pct() / 100.0;
        }
        let n = n as f64;
        let (views, rate, shares) = (views / n, rate / n, shares / n);
        assert!(
            (views / e.views - 1.0).abs() < 0.02,
            "{views} vs {}",
            e.views
        );
        assert!(
            (rate / like_rate - 1.0).abs() < 0.02,
            "{rate} vs {like_rate}"
        );
        assert!(
            (shares / share_rate - 1.0).abs() < 0.02,
            "{shares} vs {share_rate}"
        );
    }

    #[test]
    fn views_vary_by_about_the_stated_spread() {
        let spec = bundled();
        let p = post(
            1,
            ContentType::Trailer,
            Segment::Parents,
            PostTime::Afternoon,
        );
        let mean = expected(&spec, &p).views;
        let logs: Vec<f64> = (0..20_000)
            .map(|i| (simulate(&spec, 3, i, &p).views as f64 / mean).ln())
            .collect();
        let m = logs.iter().sum::<f64>() / logs.len() as f64;
        let sd = (logs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / logs.len() as f64).sqrt();
        assert!((sd - VIEW_NOISE_SIGMA).abs() < 0.01, "sd {sd}");
    }

    fn binomial_moments(n: u64, p: f64, draws: usize) -> (f64, f64) {
        let mut rng = ChaCha8Rng::seed_from_u64(99);
        let xs: Vec<f64> = (0..draws)
            .map(|_| {
                let x = sample_binomial(&mut rng, n, p);
                assert!(x <= n);
                x as f64
            })
            .collect();
        let mean = xs.iter().sum::<f64>() / draws as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (draws - 1) as f64;
        (mean, var)
    }

    #[test]
    fn the_binomial_sampler_has_the_right_mean_and_variance() {
        // Normal approximation, exact coin flips, and both Poisson tails.
        for (n, p) in [
            (10_000, 0.2),
            (400, 0.5),
            (30, 0.4),
            (2_000, 0.002),
            (2_000, 0.998),
        ] {
            let (mean, var) = binomial_moments(n, p, 20_000);
            let want_mean = n as f64 * p;
            let want_var = n as f64 * p * (1.0 - p);
            assert!(
                (mean - want_mean).abs() < 0.02 * want_mean.max(1.0),
                "n {n} p {p}: mean {mean} vs {want_mean}"
            );
            assert!(
                (var / want_var - 1.0).abs() < 0.06,
                "n {n} p {p}: variance {var} vs {want_var}"
            );
        }
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        assert_eq!(sample_binomial(&mut rng, 0, 0.5), 0);
        assert_eq!(sample_binomial(&mut rng, 500, 0.0), 0);
        assert_eq!(sample_binomial(&mut rng, 500, 1.0), 500);
        assert_eq!(sample_binomial(&mut rng, 500, f64::NAN), 0);
    }

    #[test]
    fn lognormal_factor_has_mean_one() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let n = 100_000;
        let mean = (0..n)
            .map(|_| lognormal_mean_one(&mut rng, 0.25))
            .sum::<f64>()
            / n as f64;
        assert!((mean - 1.0).abs() < 0.005, "{mean}");
    }

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

    // --- ratio questions ------------------------------------------------------------------

    fn verdict(q: &RatioQuestion, input: &str) -> RatioVerdict {
        match check_ratio(q, input) {
            Ok(v) => v,
            Err(e) => panic!("{input:?} rejected: {e}"),
        }
    }

    #[test]
    fn the_seed_example_is_fifty_percent() {
        let q = RatioQuestion::seed_example();
        assert_eq!(q.answer(), 50.0);
        assert!(q.worked.contains("5,000"));
        assert!(q.worked.contains("5%"));
        let v = verdict(&q, "50");
        assert!(v.correct);
        assert_eq!(v.text, "Correct: 50% (within ±0.5 percentage points)");
        for ok in ["50%", "50.0 %", " 50.4 ", "49.5"] {
            assert!(verdict(&q, ok).correct, "{ok}");
        }
        for wrong in ["50.6", "49.4", "5"] {
            assert!(!verdict(&q, wrong).correct, "{wrong}");
        }
        assert!(verdict(&q, "49.4").text.contains("too low"));
        assert!(verdict(&q, "51").text.contains("too high"));
    }

    #[test]
    fn a_decimal_ratio_gets_a_hint_to_multiply_by_100() {
        let q = RatioQuestion::seed_example();
        let v = verdict(&q, "0.5");
        assert!(!v.correct);
        assert_eq!(
            v.hint.as_deref(),
            Some("0.5 is the ratio as a decimal; as a percentage multiply by 100.")
        );
        assert_eq!(verdict(&q, "40").hint, None);
        let per_thousand = RatioQuestion {
            kind: RatioKind::PerThousand,
            ..RatioQuestion::seed_example()
        };
        assert!(verdict(&per_thousand, "0.5").hint.is_some());
        assert!(
            verdict(&per_thousand, "50")
                .hint
                .is_some_and(|h| h.contains("percentage"))
        );
    }

    #[test]
    fn thousands_separators_are_read_and_wrong_commas_are_explained() {
        let q = RatioQuestion {
            numerator: 1_000,
            denominator: 1_000,
            kind: RatioKind::PerThousand,
            ..RatioQuestion::seed_example()
        };
        assert_eq!(q.answer(), 1000.0);
        let v = verdict(&q, "1,000");
        assert!(v.correct, "{v:?}");
        assert_eq!(
            v.text,
            "Correct: 1,000 per 1,000 views (within ±0.5 per thousand)"
        );
        assert!(verdict(&q, "1,000.2").correct);
        for bad in ["1,00", "10,00", "1.000,5", ",100"] {
            assert!(
                matches!(
                    check_ratio(&q, bad),
                    Err(RatioInputError::BadThousandsSeparator(_))
                ),
                "{bad}"
            );
        }
        assert_eq!(
            check_ratio(&q, "1000%").unwrap_err(),
            RatioInputError::PercentSignNotExpected
        );
    }

    #[test]
    fn bad_answers_are_rejected_with_a_message() {
        let q = RatioQuestion::seed_example();
        let err = |s: &str| match check_ratio(&q, s) {
            Ok(v) => panic!("{s:?} accepted as {v:?}"),
            Err(e) => e,
        };
        assert_eq!(err(""), RatioInputError::Empty);
        assert_eq!(err("   "), RatioInputError::Empty);
        assert!(matches!(err("abc"), RatioInputError::NotANumber(_)));
        assert!(matches!(err("%"), RatioInputError::NotANumber(_)));
        assert!(matches!(err("1e3"), RatioInputError::NotANumber(_)));
        assert!(matches!(err("5.5.5"), RatioInputError::NotANumber(_)));
        assert_eq!(err("-5"), RatioInputError::Negative);
        assert_eq!(err("-5%"), RatioInputError::Negative);
        assert!(matches!(err("NaN"), RatioInputError::NotFinite(_)));
        assert!(matches!(err("inf"), RatioInputError::NotFinite(_)));
        assert!(matches!(err("150%"), RatioInputError::AbovePercentMax(_)));
        assert!(err("150%").to_string().contains("more likes than views"));
        assert!(err("abc").to_string().contains("not a number"));
        assert!(err("").to_string().contains("Type a number"));
        // "100%" is the largest percentage, and allowed.
        assert!(check_ratio(&q, "100%").is_ok());
    }

    #[test]
    fn questions_from_real_posts_use_their_numbers() {
        let r = PostResult {
            post: post(
                2,
                ContentType::BlooperReel,
                Segment::Teens,
                PostTime::Evening,
            ),
            views: 33_600,
            likes: 7_392,
            shares: 10,
            comments: 3,
        };
        let q = RatioQuestion::from_post(&r, RatioKind::Percent);
        assert!((q.answer() - 22.0).abs() < 1e-9);
        assert!(
            q.prompt.contains("7,392 likes on 33,600 views"),
            "{}",
            q.prompt
        );
        assert!(q.worked.contains("= 22%"), "{}", q.worked);
        assert!(verdict(&q, "22").correct);
        let q = RatioQuestion::from_post(&r, RatioKind::PerThousand);
        assert!((q.answer() - 220.0).abs() < 1e-9);
        assert!(verdict(&q, "220").correct);
        assert!(q.worked.contains("220 per 1,000 views"), "{}", q.worked);
        let empty = RatioQuestion::from_post(&result(0, 0), RatioKind::Percent);
        assert_eq!(empty.answer(), 0.0);
        assert!(verdict(&empty, "0").correct);
    }

    // --- dashboard ------------------------------------------------------------------------

    #[test]
    fn sorting_is_stable_in_both_directions() {
        let mut posts = vec![
            result(100, 10),
            result(300, 3),
            result(100, 50),
            result(200, 20),
        ];
        posts[1].post.content = ContentType::BlooperReel;
        assert_eq!(sorted(&posts, SortKey::Views, false), vec![0, 2, 3, 1]);
        assert_eq!(sorted(&posts, SortKey::Views, true), vec![1, 3, 0, 2]);
        assert_eq!(sorted(&posts, SortKey::Engagement, true), vec![2, 0, 3, 1]);
        assert_eq!(
            sorted(&posts, SortKey::LikesPerThousand, false),
            vec![1, 0, 3, 2]
        );
        // "Blooper reel" < "Trailer"; the trailers keep their order.
        assert_eq!(sorted(&posts, SortKey::Content, false), vec![1, 0, 2, 3]);
        assert_eq!(sorted(&posts, SortKey::Day, true), vec![0, 1, 2, 3]);
        assert!(sorted(&[], SortKey::Likes, true).is_empty());
    }

    #[test]
    fn grouping_by_content_shows_the_pattern() {
        let spec = bundled();
        let campaign = play(&spec, spec.seed, &sensible_plan());
        let groups = by_content(campaign.posts());
        let kinds: Vec<ContentType> = groups.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            kinds,
            vec![
                ContentType::Trailer,
                ContentType::BlooperReel,
                ContentType::BehindTheScenes,
                ContentType::CastInterview
            ]
        );
        let get = |c| {
            groups
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(_, t)| *t)
                .unwrap_or_default()
        };
        let trailer = get(ContentType::Trailer);
        let blooper = get(ContentType::BlooperReel);
        assert_eq!(blooper.posts, 4);
        assert!(trailer.mean_views() > blooper.mean_views());
        assert!(blooper.engagement_pct > 2.0 * trailer.engagement_pct);
        let posts: usize = groups.iter().map(|(_, t)| t.posts).sum();
        assert_eq!(posts, 8);
        assert_eq!(by_segment(campaign.posts()).len(), 3);
        assert_eq!(by_time(campaign.posts()).len(), 1);
    }

    #[test]
    fn bar_scale_rounds_up_to_readable_axis_tops() {
        let cases = [
            (0.0, 1.0),
            (-3.0, 1.0),
            (f64::NAN, 1.0),
            (0.3, 0.5),
            (1.0, 1.0),
            (1.2, 2.0),
            (2.1, 2.5),
            (3.0, 5.0),
            (7.0, 10.0),
            (10.0, 10.0),
            (1000.0, 1000.0),
            (23_000.0, 25_000.0),
            (45_000.0, 50_000.0),
            (50_001.0, 100_000.0),
            (0.0012, 0.002),
        ];
        for (max, want) in cases {
            let got = bar_scale(max);
            assert!((got - want).abs() <= want * 1e-12, "{max}: {got} vs {want}");
        }
    }

    // --- export ---------------------------------------------------------------------------

    #[test]
    fn the_csv_export_is_well_formed() {
        let spec = bundled();
        let campaign = play(&spec, spec.seed, &sensible_plan());
        let text = to_csv(&campaign);
        let rows = match crate::tour::model::csv::parse(&text) {
            Ok(rows) => rows,
            Err(e) => panic!("export does not parse: {e}"),
        };
        assert_eq!(
            rows[0].join(","),
            "post,day,time,content,segment,views,likes,shares,comments,engagement_rate_pct,likes_per_1000_views"
        );
        assert_eq!(rows.len(), campaign.posts().len() + 1);
        for (i, (row, r)) in rows[1..].iter().zip(campaign.posts()).enumerate() {
            assert_eq!(row.len(), 11);
            assert_eq!(row[0], (i + 1).to_string());
            assert_eq!(row[3], r.post.content.label());
            assert_eq!(row[4], r.post.segment.label());
            assert_eq!(row[5], r.views.to_string());
            assert_eq!(row[9], format!("{:.2}", r.engagement_rate_pct()));
            let pct: f64 = row[9].parse().unwrap_or(f64::NAN);
            assert!((pct - r.engagement_rate_pct()).abs() <= 0.005);
        }
        assert!(text.ends_with("\r\n"));
        let empty = to_csv(&Campaign::new(spec, 1));
        assert_eq!(
            crate::tour::model::csv::parse(&empty).map(|r| r.len()),
            Ok(1)
        );
    }

    #[test]
    fn every_label_survives_the_csv_round_trip() {
        // No label has a comma or quote today; if one ever does (or starts with "-"), the
        // export must still read back as the same text.
        let labels = ContentType::ALL
            .iter()
            .map(|c| c.label())
            .chain(Segment::ALL.iter().map(|s| s.label()))
            .chain(PostTime::ALL.iter().map(|t| t.label()));
        for label in labels {
            let mut table = crate::tour::model::csv::CsvTable::new(&["label"]);
            table.row([label]);
            let rows = crate::tour::model::csv::parse(table.as_str());
            assert_eq!(
                rows,
                Ok(vec![vec!["label".to_string()], vec![label.to_string()]])
            );
        }
    }

    #[test]
    fn numbers_are_formatted_for_students() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
        assert_eq!(format_decimal(50.0, 2), "50");
        assert_eq!(format_decimal(22.04, 2), "22.04");
        assert_eq!(format_decimal(1234.5, 2), "1,234.5");
        assert_eq!(format_decimal(0.049, 1), "0");
        assert_eq!(format_decimal(-2.5, 1), "-2.5");
        assert_eq!(format_decimal(f64::NAN, 1), "0");
    }
}
