//! Exporting a campaign as CSV, for a spreadsheet.

use super::Campaign;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::marketing::model::test_support::*;
    use crate::stops::marketing::model::{ContentType, PostTime, Segment};

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
}
