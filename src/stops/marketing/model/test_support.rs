//! Shared fixtures for the model's tests: the bundled campaign, a post builder, two plans
//! (naive and sensible) and a way to play a plan.

use super::*;

pub(super) fn bundled() -> CampaignSpec {
    match parse_campaign(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/marketing.ron"
    ))) {
        Ok(spec) => spec,
        Err(e) => panic!("bundled campaign does not parse: {e}"),
    }
}

pub(super) fn post(day: u32, content: ContentType, segment: Segment, time: PostTime) -> Post {
    Post {
        day,
        content,
        segment,
        time,
    }
}

/// "A trailer every time", at its best: the biggest audience, in the evening.
pub(super) fn naive_plan(spec: &CampaignSpec) -> Vec<Post> {
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
pub(super) fn sensible_plan() -> Vec<Post> {
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

pub(super) fn play(spec: &CampaignSpec, seed: u64, plan: &[Post]) -> Campaign {
    let mut campaign = Campaign::new(spec.clone(), seed);
    for p in plan {
        if let Err(e) = campaign.post(*p) {
            panic!("post {p:?} refused: {e}");
        }
    }
    campaign
}

pub(super) fn result(views: u64, likes: u64) -> PostResult {
    PostResult {
        post: post(1, ContentType::Trailer, Segment::Teens, PostTime::Morning),
        views,
        likes,
        shares: 0,
        comments: 0,
    }
}
