//! Posts and their results: the expected-value audience model and the seeded simulation that
//! rolls the dice for each post.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::{
    CampaignSpec, ContentType, PostTime, RATE_NOISE_SIGMA, Segment, VIEW_NOISE_SIGMA, ratio,
};

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
    /// Likes ÷ views × 100 (see
    /// [`ENGAGEMENT_RATE_DEFINITION`](super::ENGAGEMENT_RATE_DEFINITION)); 0 when nobody saw the
    /// post.
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
/// The average outcome of a post (or a plan) in the audience model, without the dice.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::marketing::model::test_support::*;

    // --- determinism and statistics -------------------------------------------------------

    #[test]
    fn a_campaign_replays_from_its_seed_and_plan() {
        let spec = bundled();
        let a = play(&spec, 42, &sensible_plan());
        // Recorded: seed 42's audience for this plan, views and likes per post, so a replayed
        // campaign gets the same numbers on every machine and in every version.
        let got: Vec<(u64, u64)> = a.posts().iter().map(|p| (p.views, p.likes)).collect();
        assert_eq!(
            got,
            [
                (50_571, 9_863),
                (43_668, 8_516),
                (37_404, 8_038),
                (18_032, 4_113),
                (72_366, 3_169),
                (29_968, 6_339),
                (31_336, 6_485),
                (36_785, 5_564)
            ]
        );
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
}
