//! What a campaign is made of: the kinds of post, the audiences and times of day, and the
//! [`CampaignSpec`] a teacher writes in `assets/marketing.ron`, with the calls that read it.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::format::f32_as_written;
use super::{BUNDLED_CAMPAIGN, CAMPAIGN_FILE};
use crate::tour::model::content::{ContentError, ContentFile, parse_and_check};

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

/// `assets/marketing.ron`, loaded the way every content file is (see `ContentFile`).
impl ContentFile for CampaignSpec {
    const FILE: &'static str = CAMPAIGN_FILE;
    const BUNDLED: &'static str = BUNDLED_CAMPAIGN;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        parse_and_check(text, file, CampaignSpec::validate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::marketing::model::test_support::*;
    use crate::stops::marketing::model::{Post, expected_plan};

    // --- content --------------------------------------------------------------------------

    /// A campaign whose goal no plan can reach is refused with its file named, and the bundled
    /// campaign is played instead.
    #[test]
    fn an_impossible_campaign_file_falls_back_to_the_bundled_one() {
        use crate::tour::model::content::{check_file, load_or_bundled};
        let dir = std::env::temp_dir().join(format!("backlot-campaign-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let impossible =
            BUNDLED_CAMPAIGN.replacen("goal_views:", "goal_views: 900000000, // was:", 1);
        std::fs::write(dir.join(CAMPAIGN_FILE), impossible).expect("write");
        let (spec, problems) = load_or_bundled::<CampaignSpec>(&dir);
        assert_eq!(spec, bundled());
        assert!(!problems.is_empty());
        assert!(
            problems.iter().all(|p| p.file.ends_with(CAMPAIGN_FILE)),
            "{problems:?}"
        );
        assert_eq!(check_file::<CampaignSpec>(&dir), problems);
        std::fs::remove_dir_all(&dir).ok();
    }

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
}
