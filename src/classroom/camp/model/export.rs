//! The camp results as a spreadsheet (CSV) the teacher can keep.

use super::{CampSession, MAX_STARS, question_points};
use crate::tour::model::csv::CsvTable;

/// The camp results as a spreadsheet (CSV), one row per team, stop and gate question:
///
/// `team,icon,stop,question,attempts,correct,level_score,time_s,points`
///
/// - `icon` is the icon's word (e.g. `Star`): words survive any spreadsheet font.
/// - `correct` is `yes` or `no`.
/// - `level_score` is the stop's level stars (0–3), repeated on each of the stop's rows, and
///   empty when the stop has no level. A stop with no gate questions has no rows.
/// - `time_s` is the time on the question in seconds, one decimal.
/// - `points` is the question's points (attempts plus any speed bonus), without level points,
///   so the column can be summed without counting a level once per question.
pub fn results_csv(session: &CampSession) -> String {
    let mut table = CsvTable::new(&[
        "team",
        "icon",
        "stop",
        "question",
        "attempts",
        "correct",
        "level_score",
        "time_s",
        "points",
    ]);
    for (team, results) in session.setup().teams().iter().zip(session.results()) {
        for stop in results {
            let level = stop
                .level_stars
                .map(|s| s.min(MAX_STARS).to_string())
                .unwrap_or_default();
            for q in &stop.questions {
                table.row([
                    team.name.clone(),
                    team.icon.label().to_string(),
                    stop.stop.to_string(),
                    q.question_id.clone(),
                    q.attempts.to_string(),
                    if q.correct { "yes" } else { "no" }.to_string(),
                    level.clone(),
                    format!("{:.1}", q.seconds),
                    question_points(session.options(), q).to_string(),
                ]);
            }
        }
    }
    table.into_string()
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::camp::model::test_support::{names, question, result};
    use crate::classroom::camp::model::{CampOptions, CampSetup};

    #[test]
    fn csv_has_a_row_per_question_and_round_trips_awkward_names() {
        let options = CampOptions {
            stops: vec![0, 2],
            ..CampOptions::default()
        };
        let setup = CampSetup::new(names(&["Grips, Inc.", "The \"Best\" Boys", "=SUM(A1)"]))
            .expect("setup");
        let mut s = CampSession::new(setup, options, 0).expect("session");
        let plays = [
            (
                0,
                result(
                    0,
                    Some(2),
                    vec![
                        question(0, "a", 1, true, 3.26),
                        question(0, "b", 2, true, 9.0),
                    ],
                ),
            ),
            (1, result(0, None, vec![question(0, "a", 4, false, 30.0)])),
            (2, result(0, Some(0), vec![question(0, "a", 1, true, 2.0)])),
            (0, result(2, Some(3), vec![question(2, "c", 1, true, 1.0)])),
        ];
        let mut expected_rows = 1;
        for (team, r) in plays {
            expected_rows += r.questions.len();
            s.record_turn(team, r).expect("record");
            s.advance();
        }
        let text = results_csv(&s);
        let rows = crate::tour::model::csv::parse(&text).expect("parses");
        assert_eq!(rows.len(), expected_rows);
        assert_eq!(
            rows[0],
            names(&[
                "team",
                "icon",
                "stop",
                "question",
                "attempts",
                "correct",
                "level_score",
                "time_s",
                "points"
            ])
        );
        assert_eq!(
            rows[1],
            names(&[
                "Grips, Inc.",
                "Star",
                "0",
                "a",
                "1",
                "yes",
                "2",
                "3.3",
                "100"
            ])
        );
        assert_eq!(rows[2][3..6], names(&["b", "2", "yes"])[..]);
        // Rows go team by team, then stop by stop.
        assert_eq!(rows[3][..4], names(&["Grips, Inc.", "Star", "2", "c"])[..]);
        assert_eq!(
            rows[4],
            names(&[
                "The \"Best\" Boys",
                "Circle",
                "0",
                "a",
                "4",
                "no",
                "",
                "30.0",
                "0"
            ])
        );
        // A name that looks like a formula comes back as text, marked with an apostrophe.
        assert_eq!(rows[5][0], "'=SUM(A1)");
        assert_eq!(
            rows[5][6], "0",
            "zero stars is a score, not a missing level"
        );
        assert!(rows.iter().all(|r| r.len() == 9));
    }
}
