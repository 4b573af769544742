//! Dashboard helpers: sorting the results table, totals per group for the charts, and a round
//! top for a chart's axis.

use std::cmp::Ordering;

use super::{ContentType, PostResult, PostTime, Segment, Totals};
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// Dashboard helpers.
// ---------------------------------------------------------------------------------------------

/// A column of the results table the student can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// The ratio counter: "Ratios solved: 2 (3 needed)", with a tick once enough are solved.
/// Practice questions can take the count past the need, so it never reads "6 of 3".
pub fn ratios_solved_text(solved: u32, needed: u32) -> String {
    let tick = if solved >= needed { " ✔" } else { "" };
    format!("Ratios solved: {solved}{tick} ({needed} needed)")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::marketing::model::test_support::*;

    // --- dashboard ------------------------------------------------------------------------

    #[test]
    fn the_ratio_counter_never_reads_more_of_fewer() {
        assert_eq!(ratios_solved_text(2, 3), "Ratios solved: 2 (3 needed)");
        assert_eq!(ratios_solved_text(3, 3), "Ratios solved: 3 ✔ (3 needed)");
        assert_eq!(ratios_solved_text(6, 3), "Ratios solved: 6 ✔ (3 needed)");
        assert!(!ratios_solved_text(6, 3).contains("of"));
    }

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
}
