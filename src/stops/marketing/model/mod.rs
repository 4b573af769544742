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

mod campaign;
mod content;
mod dashboard;
mod export;
mod format;
mod posts;
mod questions;
#[cfg(test)]
mod test_support;
mod validate;

pub use campaign::*;
pub use content::*;
pub use dashboard::*;
pub use export::*;
pub use format::*;
pub use posts::*;
pub use questions::*;

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

/// Said wherever a ratio question is asked. The stop teaches which numbers to divide, not long
/// division, and the campaign's real numbers (8,500 ÷ 45,507) need a calculator. The content
/// file holds the campaign, not screen text, so the sentence lives here.
pub const CALCULATOR_ALLOWED: &str = "A calculator is allowed.";

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

/// `part ÷ whole`, or 0 when the whole is 0: an empty dashboard shows zeros, never "NaN".
fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
