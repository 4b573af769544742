//! A camp being played: whose turn it is, the results recorded so far, the scoreboard and the
//! podium. Every team plays a stop before anyone plays the next one.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::{
    CampError, CampOptions, CampSetup, MAX_STARS, StopResult, StopScore, TeamColor, TeamIcon,
    score_stop,
};

/// Whose turn it is: `team` indexes the setup's teams, `stop_index` indexes
/// [`CampOptions::stops`] (so it equals the number of stops every team has finished).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    pub team: usize,
    pub stop_index: usize,
}

/// One row of the scoreboard.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// Index into the setup's teams.
    pub team: usize,
    pub name: String,
    pub color: TeamColor,
    pub icon: TeamIcon,
    pub points: u32,
    /// Competition ranking: equal points share a rank and the next rank is skipped (1, 1, 3),
    /// because a tie broken by a hidden rule feels unfair to the team placed lower.
    pub rank: usize,
    pub stops_done: usize,
    pub questions: usize,
    pub solved: usize,
    pub first_try: usize,
    pub level_stars: u32,
    pub seconds: f32,
}

/// A camp being played, hot seat: one team at a time, every team at a stop before the next
/// stop. Changed only through methods that keep it consistent; a loaded one is checked again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "CampSessionData")]
pub struct CampSession {
    setup: CampSetup,
    pub(super) options: CampOptions,
    /// Team indices in playing order; the same order at every stop.
    turn_order: Vec<usize>,
    /// Per team (setup order), the stops it has played, in playing order.
    results: Vec<Vec<StopResult>>,
    current: Turn,
    started_unix: u64,
}

/// The unchecked shape of a [`CampSession`] in a save file.
#[derive(Deserialize)]
struct CampSessionData {
    setup: CampSetup,
    options: CampOptions,
    turn_order: Vec<usize>,
    results: Vec<Vec<StopResult>>,
    current: Turn,
    started_unix: u64,
}

impl TryFrom<CampSessionData> for CampSession {
    type Error = CampError;

    fn try_from(d: CampSessionData) -> Result<Self, CampError> {
        let session = CampSession {
            setup: d.setup,
            options: d.options,
            turn_order: d.turn_order,
            results: d.results,
            current: d.current,
            started_unix: d.started_unix,
        };
        session.check()?;
        Ok(session)
    }
}

impl CampSession {
    /// A new camp; teams play in the order they were entered.
    pub fn new(
        setup: CampSetup,
        options: CampOptions,
        started_unix: u64,
    ) -> Result<CampSession, CampError> {
        let order = (0..setup.len()).collect();
        Self::with_order(setup, options, started_unix, order)
    }

    /// A new camp with the playing order drawn from `seed`, so no team always goes first and
    /// the same seed replays the same order.
    pub fn new_shuffled(
        setup: CampSetup,
        options: CampOptions,
        started_unix: u64,
        seed: u64,
    ) -> Result<CampSession, CampError> {
        let mut order: Vec<usize> = (0..setup.len()).collect();
        order.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
        Self::with_order(setup, options, started_unix, order)
    }

    fn with_order(
        setup: CampSetup,
        options: CampOptions,
        started_unix: u64,
        turn_order: Vec<usize>,
    ) -> Result<CampSession, CampError> {
        let first = turn_order.first().copied().unwrap_or(0);
        let session = CampSession {
            results: vec![Vec::new(); setup.len()],
            setup,
            options,
            turn_order,
            current: Turn {
                team: first,
                stop_index: 0,
            },
            started_unix,
        };
        session.check()?;
        Ok(session)
    }

    pub fn setup(&self) -> &CampSetup {
        &self.setup
    }

    pub fn options(&self) -> &CampOptions {
        &self.options
    }

    pub fn turn_order(&self) -> &[usize] {
        &self.turn_order
    }

    /// Per team, in setup order: the stops it has played.
    pub fn results(&self) -> &[Vec<StopResult>] {
        &self.results
    }

    pub fn started_unix(&self) -> u64 {
        self.started_unix
    }

    /// The current turn, or `None` once the camp is over.
    pub fn current(&self) -> Option<Turn> {
        (!self.is_finished()).then_some(self.current)
    }

    /// The team whose turn it is (index into the setup's teams).
    pub fn current_team(&self) -> Option<usize> {
        self.current().map(|t| t.team)
    }

    /// The stop number being played now.
    pub fn current_stop(&self) -> Option<usize> {
        self.options.stops.get(self.current.stop_index).copied()
    }

    pub fn is_finished(&self) -> bool {
        self.current.stop_index >= self.options.stops.len()
    }

    /// (turns played or skipped, all turns), for a progress bar.
    pub fn turn_progress(&self) -> (usize, usize) {
        let teams = self.turn_order.len();
        let total = teams * self.options.stops.len();
        if self.is_finished() {
            return (total, total);
        }
        let pos = self.position_in_order(self.current.team);
        (self.current.stop_index * teams + pos, total)
    }

    /// Whether this team has a result for the turn now being played.
    pub fn current_recorded(&self) -> bool {
        match (self.current_team(), self.current_stop()) {
            (Some(team), Some(stop)) => self.has_result(team, stop),
            _ => false,
        }
    }

    fn has_result(&self, team: usize, stop: usize) -> bool {
        self.results
            .get(team)
            .is_some_and(|r| r.iter().any(|s| s.stop == stop))
    }

    fn position_in_order(&self, team: usize) -> usize {
        self.turn_order.iter().position(|&t| t == team).unwrap_or(0)
    }

    /// Record the current team's turn. Refused for another team (the hot seat moved on, or the
    /// wrong button was pressed), for another stop, or twice for the same stop.
    pub fn record_turn(&mut self, team: usize, result: StopResult) -> Result<(), CampError> {
        let (Some(expected_team), Some(expected_stop)) = (self.current_team(), self.current_stop())
        else {
            return Err(CampError::Finished);
        };
        if team >= self.setup.len() {
            return Err(CampError::NoSuchTeam { team });
        }
        if team != expected_team {
            return Err(CampError::NotYourTurn {
                expected: expected_team,
                got: team,
            });
        }
        if self.has_result(team, result.stop) {
            return Err(CampError::StopAlreadyRecorded {
                team,
                stop: result.stop,
            });
        }
        if result.stop != expected_stop {
            return Err(CampError::WrongStop {
                expected: expected_stop,
                got: result.stop,
            });
        }
        result.check()?;
        match self.results.get_mut(team) {
            Some(r) => r.push(result),
            None => return Err(CampError::NoSuchTeam { team }),
        }
        Ok(())
    }

    /// Pass the seat to the next team; after the last team, the first team starts the next
    /// stop. Works whether or not the turn was recorded, so an absent team can be skipped (its
    /// stop scores 0). Returns the new turn, or `None` when the camp is over.
    pub fn advance(&mut self) -> Option<Turn> {
        if self.is_finished() {
            return None;
        }
        let pos = self.position_in_order(self.current.team);
        match self.turn_order.get(pos + 1) {
            Some(&next) => self.current.team = next,
            None => {
                self.current.team = self.turn_order.first().copied().unwrap_or(0);
                self.current.stop_index += 1;
            }
        }
        self.current()
    }

    /// Every team, best first. Equal points share a rank (1, 1, 3); among equals the order is
    /// the setup order, which is only for display.
    pub fn scoreboard(&self) -> Vec<Standing> {
        let mut rows: Vec<Standing> = self
            .setup
            .teams()
            .iter()
            .enumerate()
            .map(|(i, team)| {
                let scores: Vec<StopScore> = self
                    .results
                    .get(i)
                    .map(|r| r.iter().map(|s| score_stop(&self.options, s)).collect())
                    .unwrap_or_default();
                Standing {
                    team: i,
                    name: team.name.clone(),
                    color: team.color,
                    icon: team.icon,
                    points: scores.iter().map(|s| s.total).sum(),
                    rank: 0,
                    stops_done: scores.len(),
                    questions: scores.iter().map(|s| s.questions).sum(),
                    solved: scores.iter().map(|s| s.solved).sum(),
                    first_try: scores.iter().map(|s| s.first_try).sum(),
                    level_stars: scores
                        .iter()
                        .map(|s| u32::from(s.level_stars.unwrap_or(0).min(MAX_STARS)))
                        .sum(),
                    seconds: scores.iter().map(|s| s.seconds).sum(),
                }
            })
            .collect();
        let points: Vec<u32> = rows.iter().map(|r| r.points).collect();
        for row in &mut rows {
            row.rank = 1 + points.iter().filter(|&&p| p > row.points).count();
        }
        rows.sort_by(|a, b| b.points.cmp(&a.points).then(a.team.cmp(&b.team)));
        rows
    }

    /// The teams ranked 1 to 3. Ties are kept, so this can hold more than three teams (two
    /// share first and two share third) or all of them (everyone tied).
    pub fn podium(&self) -> Vec<Standing> {
        self.scoreboard()
            .into_iter()
            .filter(|s| s.rank <= 3)
            .collect()
    }

    /// One team's points stop by stop, in playing order.
    pub fn stop_breakdown(&self, team: usize) -> Result<Vec<StopScore>, CampError> {
        let results = self
            .results
            .get(team)
            .ok_or(CampError::NoSuchTeam { team })?;
        Ok(results
            .iter()
            .map(|r| score_stop(&self.options, r))
            .collect())
    }

    /// Does every part fit the others? Run on new and loaded sessions, because a save file can
    /// be edited by hand and an index out of range must not reach the UI.
    fn check(&self) -> Result<(), CampError> {
        let bad = |why: String| Err(CampError::Inconsistent(why));
        self.setup.validate()?;
        self.options.validate()?;
        let teams = self.setup.len();
        let mut order = self.turn_order.clone();
        order.sort_unstable();
        if order != (0..teams).collect::<Vec<_>>() {
            return bad("the playing order does not list every team once".into());
        }
        if self.results.len() != teams {
            return bad(format!(
                "{} teams but results for {}",
                teams,
                self.results.len()
            ));
        }
        if self.current.team >= teams {
            return bad(format!(
                "the current team {} does not exist",
                self.current.team
            ));
        }
        if self.current.stop_index > self.options.stops.len() {
            return bad("the current stop is past the last stop".into());
        }
        let pos = self.position_in_order(self.current.team);
        for (team, results) in self.results.iter().enumerate() {
            let team_pos = self.position_in_order(team);
            // The current team, and those before it in the order, may have played this stop.
            let played = self.current.stop_index + usize::from(team_pos <= pos);
            if results.len() > played.min(self.options.stops.len()) {
                return bad(format!("team {} has more results than turns", team + 1));
            }
            for (i, result) in results.iter().enumerate() {
                result.check()?;
                if !self.options.stops.contains(&result.stop) {
                    return bad(format!(
                        "team {} has a result for stop {}, which is not played",
                        team + 1,
                        result.stop
                    ));
                }
                if results[..i].iter().any(|r| r.stop == result.stop) {
                    return Err(CampError::StopAlreadyRecorded {
                        team,
                        stop: result.stop,
                    });
                }
            }
        }
        Ok(())
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::camp::model::test_support::{played_session, question, result, setup};

    #[test]
    fn rotation_plays_every_team_at_a_stop_before_the_next_stop() {
        let options = CampOptions {
            stops: vec![1, 3, 5],
            ..CampOptions::default()
        };
        let mut s = CampSession::new(setup(4), options, 0).expect("session");
        let mut seen = Vec::new();
        while let (Some(team), Some(stop)) = (s.current_team(), s.current_stop()) {
            seen.push((team, stop));
            s.record_turn(team, result(stop, Some(1), vec![]))
                .expect("record");
            s.advance();
        }
        let expected: Vec<(usize, usize)> = [1, 3, 5]
            .iter()
            .flat_map(|&stop| (0..4).map(move |team| (team, stop)))
            .collect();
        assert_eq!(seen, expected);
        assert!(s.is_finished());
        assert_eq!(s.advance(), None);
        assert_eq!(s.turn_progress(), (12, 12));
        assert!(s.scoreboard().iter().all(|r| r.stops_done == 3));
    }

    #[test]
    fn shuffled_order_is_a_seeded_permutation() {
        let a = CampSession::new_shuffled(setup(6), CampOptions::default(), 0, 42).expect("a");
        let b = CampSession::new_shuffled(setup(6), CampOptions::default(), 0, 42).expect("b");
        assert_eq!(a.turn_order(), b.turn_order());
        let mut sorted = a.turn_order().to_vec();
        sorted.sort();
        assert_eq!(sorted, (0..6).collect::<Vec<_>>());
        assert_eq!(a.current_team(), a.turn_order().first().copied());
        let differs = (0..20).any(|seed| {
            CampSession::new_shuffled(setup(6), CampOptions::default(), 0, seed)
                .map(|s| s.turn_order().to_vec())
                .ok()
                != Some(a.turn_order().to_vec())
        });
        assert!(differs, "the order must depend on the seed");
    }

    #[test]
    fn record_refuses_the_wrong_team_stop_or_a_repeat() {
        let options = CampOptions {
            stops: vec![0, 1],
            ..CampOptions::default()
        };
        let mut s = CampSession::new(setup(2), options, 0).expect("session");
        assert_eq!(
            s.record_turn(1, result(0, None, vec![])),
            Err(CampError::NotYourTurn {
                expected: 0,
                got: 1
            })
        );
        assert_eq!(
            s.record_turn(7, result(0, None, vec![])),
            Err(CampError::NoSuchTeam { team: 7 })
        );
        assert_eq!(
            s.record_turn(0, result(1, None, vec![])),
            Err(CampError::WrongStop {
                expected: 0,
                got: 1
            })
        );
        assert!(matches!(
            s.record_turn(0, result(0, Some(4), vec![])),
            Err(CampError::InvalidResult(_))
        ));
        assert!(matches!(
            s.record_turn(0, result(0, None, vec![question(0, "q", 0, true, 1.0)])),
            Err(CampError::InvalidResult(_))
        ));
        assert!(matches!(
            s.record_turn(0, result(0, None, vec![question(3, "q", 1, true, 1.0)])),
            Err(CampError::InvalidResult(_))
        ));
        assert!(!s.current_recorded());
        s.record_turn(0, result(0, Some(3), vec![])).expect("first");
        assert!(s.current_recorded());
        assert_eq!(
            s.record_turn(0, result(0, Some(1), vec![])),
            Err(CampError::StopAlreadyRecorded { team: 0, stop: 0 })
        );
        assert_eq!(s.results()[0].len(), 1, "the refused result is not kept");
        // Skipping: team 2 is absent at stop 0.
        s.advance();
        s.advance();
        assert_eq!((s.current_team(), s.current_stop()), (Some(0), Some(1)));
        s.advance();
        s.advance();
        assert_eq!(
            s.record_turn(0, result(1, None, vec![])),
            Err(CampError::Finished)
        );
        assert_eq!(s.scoreboard()[1].stops_done, 0);
    }

    #[test]
    fn ties_share_a_rank_and_the_podium_keeps_them() {
        let options = CampOptions {
            stops: vec![0],
            ..CampOptions::default()
        };
        let mut s = CampSession::new(setup(5), options, 0).expect("session");
        // Points: 150, 150, 100, 100, 50.
        for (team, stars) in [3, 3, 2, 2, 1].into_iter().enumerate() {
            s.record_turn(team, result(0, Some(stars), vec![]))
                .expect("record");
            s.advance();
        }
        let board = s.scoreboard();
        let ranks: Vec<(usize, usize, u32)> =
            board.iter().map(|r| (r.team, r.rank, r.points)).collect();
        assert_eq!(
            ranks,
            vec![
                (0, 1, 150),
                (1, 1, 150),
                (2, 3, 100),
                (3, 3, 100),
                (4, 5, 50)
            ]
        );
        let podium: Vec<usize> = s.podium().iter().map(|r| r.team).collect();
        assert_eq!(podium, vec![0, 1, 2, 3]);
    }

    #[test]
    fn scoreboard_is_sorted_and_counts_first_tries() {
        let s = played_session();
        let board = s.scoreboard();
        // Team 1: 2 stars + first try = 200. Team 2: third try = 30. Team 3: nothing yet.
        let rows: Vec<(usize, u32, usize, usize)> = board
            .iter()
            .map(|r| (r.team, r.points, r.rank, r.first_try))
            .collect();
        assert_eq!(rows, vec![(0, 200, 1, 1), (1, 30, 2, 0), (2, 0, 3, 0)]);
        assert_eq!(board[0].name, "Team 1");
        assert_eq!(board[0].level_stars, 2);
        assert_eq!(s.podium().len(), 3);
        let breakdown = s.stop_breakdown(0).expect("team");
        assert_eq!(breakdown.len(), 1);
        assert_eq!(
            (breakdown[0].level_points, breakdown[0].attempt_points),
            (100, 100)
        );
        assert_eq!(s.stop_breakdown(9), Err(CampError::NoSuchTeam { team: 9 }));
        assert_eq!(s.turn_progress(), (2, 6));
    }
}
