//! The camp setup being edited: the teams (a real `CampSetup`), the typed names beside them and
//! the options, with adding and removing teams that keep everyone's colour and icon.

use crate::classroom::camp::model::{
    CampError, CampOptions, CampSetup, MAX_TEAMS, TeamColor, TeamIcon, TimerOptions,
};
use crate::tour::model::content::STOP_COUNT;

/// Teams a new setup starts with: a class usually splits into about four groups, and adding or
/// removing a row is one click.
const DEFAULT_TEAMS: usize = 4;

/// The setup being edited. The teams are a real `CampSetup`, changed only through its own
/// checked methods, so what is on screen can always start a camp; the typed names sit beside
/// it because a half-typed name may not be valid yet.
#[derive(Debug, Clone)]
pub(super) struct SetupDraft {
    pub(super) setup: CampSetup,
    /// What is in each name box, one per team.
    pub(super) names: Vec<String>,
    /// Why a typed name was refused, one per team (the team keeps its last valid name).
    pub(super) name_errors: Vec<Option<String>>,
    /// The last colour or icon refused, as (team, why).
    pub(super) style_error: Option<(usize, String)>,
    /// What adding or removing a team changed that the teacher did not ask for.
    pub(super) note: Option<String>,
    pub(super) timer_on: bool,
    pub(super) seconds: u32,
    pub(super) extension: u32,
    pub(super) speed_bonus: bool,
    pub(super) stops: [bool; STOP_COUNT],
}

/// A team name from its colour and icon ("Red Stars"): easy to say aloud and to find on the
/// scoreboard.
fn default_name(color: TeamColor, icon: TeamIcon) -> String {
    format!("{} {}s", color.label(), icon.label())
}

impl SetupDraft {
    /// The gentlest camp: four teams, no timer, no speed bonus, every stop.
    pub(super) fn new() -> Result<SetupDraft, CampError> {
        let names: Vec<String> = TeamColor::ALL
            .iter()
            .zip(TeamIcon::ALL)
            .take(DEFAULT_TEAMS)
            .map(|(c, i)| default_name(*c, i))
            .collect();
        let setup = CampSetup::new(names.clone())?;
        let timer = TimerOptions::default();
        Ok(SetupDraft {
            setup,
            name_errors: vec![None; names.len()],
            names,
            style_error: None,
            note: None,
            timer_on: false,
            seconds: timer.seconds_per_question,
            extension: timer.extension_seconds,
            speed_bonus: false,
            stops: [true; STOP_COUNT],
        })
    }

    /// The options as chosen. Checked by `CampOptions::validate`, not here.
    pub(super) fn options(&self) -> CampOptions {
        CampOptions {
            timer: self.timer_on.then_some(TimerOptions {
                seconds_per_question: self.seconds,
                extension_seconds: self.extension,
            }),
            speed_bonus: self.speed_bonus,
            stops: self
                .stops
                .iter()
                .enumerate()
                .filter_map(|(stop, on)| on.then_some(stop))
                .collect(),
        }
    }

    /// Send every typed name through `rename`, which keeps the naming rules. Twice, so that
    /// two teams swapping names settle (the first rename is refused while the other still has
    /// the name).
    pub(super) fn apply_names(&mut self) {
        for _ in 0..2 {
            for (i, (name, error)) in self
                .names
                .iter()
                .zip(self.name_errors.iter_mut())
                .enumerate()
            {
                *error = self.setup.rename(i, name).err().map(|e| e.to_string());
            }
        }
    }

    pub(super) fn pick_color(&mut self, team: usize, color: TeamColor) {
        self.style_error = self
            .setup
            .set_color(team, color)
            .err()
            .map(|e| (team, e.to_string()));
    }

    pub(super) fn pick_icon(&mut self, team: usize, icon: TeamIcon) {
        self.style_error = self
            .setup
            .set_icon(team, icon)
            .err()
            .map(|e| (team, e.to_string()));
    }

    fn styles(&self) -> Vec<(TeamColor, TeamIcon)> {
        self.setup
            .teams()
            .iter()
            .map(|t| (t.color, t.icon))
            .collect()
    }

    fn valid_names(&self) -> Vec<String> {
        self.setup.teams().iter().map(|t| t.name.clone()).collect()
    }

    /// A new row with the first free colour and icon, named after them (or "Team N" when that
    /// name is taken). Returns whether every team kept its colour and icon.
    pub(super) fn add_team(&mut self) -> Result<bool, CampError> {
        let mut styles = self.styles();
        let found = styles.len() + 1;
        let color = TeamColor::ALL
            .into_iter()
            .find(|c| styles.iter().all(|s| s.0 != *c));
        let icon = TeamIcon::ALL
            .into_iter()
            .find(|i| styles.iter().all(|s| s.1 != *i));
        let (Some(color), Some(icon)) = (color, icon) else {
            return Err(CampError::TooManyTeams { found });
        };
        styles.push((color, icon));
        let names = self.valid_names();
        let mut candidates = vec![default_name(color, icon)];
        candidates.extend((1..=MAX_TEAMS + 1).map(|n| format!("Team {n}")));
        let mut refused = CampError::TooManyTeams { found };
        for candidate in candidates {
            let mut with = names.clone();
            with.push(candidate.clone());
            match CampSetup::new(with) {
                Ok(mut setup) => {
                    let complete = restyle(&mut setup, &styles);
                    self.setup = setup;
                    self.names.push(candidate);
                    self.name_errors.push(None);
                    self.style_error = None;
                    self.apply_names();
                    return Ok(complete);
                }
                Err(e @ CampError::DuplicateName { .. }) => refused = e,
                Err(e) => return Err(e),
            }
        }
        Err(refused)
    }

    /// Remove a row; the other teams keep their names, colours and icons. Refused below
    /// `MIN_TEAMS`. Returns whether every team kept its colour and icon.
    pub(super) fn remove_team(&mut self, team: usize) -> Result<bool, CampError> {
        let mut names = self.valid_names();
        let mut styles = self.styles();
        if team >= names.len() {
            return Err(CampError::NoSuchTeam { team });
        }
        names.remove(team);
        styles.remove(team);
        let mut setup = CampSetup::new(names)?;
        let complete = restyle(&mut setup, &styles);
        self.setup = setup;
        if team < self.names.len() {
            self.names.remove(team);
        }
        if team < self.name_errors.len() {
            self.name_errors.remove(team);
        }
        self.style_error = None;
        self.apply_names();
        Ok(complete)
    }

    /// Everything that stops the camp starting, in words; empty when it can start.
    pub(super) fn problems(&self) -> Vec<String> {
        let mut out: Vec<String> = self.name_errors.iter().flatten().cloned().collect();
        if let Err(e) = self.options().validate() {
            out.push(e.to_string());
        }
        out
    }
}

/// Give each team of a rebuilt setup the colour and icon it had. `set_color` and `set_icon`
/// refuse a colour another team holds (so nobody's colour changes behind their back), so when
/// two teams want each other's colour one first steps aside onto a free one. Returns false when
/// some team could not get its own back: with eight teams no colour is free to step onto.
fn restyle(setup: &mut CampSetup, styles: &[(TeamColor, TeamIcon)]) -> bool {
    let colors: Vec<TeamColor> = styles.iter().map(|s| s.0).collect();
    let icons: Vec<TeamIcon> = styles.iter().map(|s| s.1).collect();
    let colors_done = reach(
        setup,
        &TeamColor::ALL,
        &colors,
        |s: &CampSetup, i: usize| s.team(i).map(|t| t.color),
        |s: &mut CampSetup, i: usize, c: TeamColor| s.set_color(i, c),
    );
    let icons_done = reach(
        setup,
        &TeamIcon::ALL,
        &icons,
        |s: &CampSetup, i: usize| s.team(i).map(|t| t.icon),
        |s: &mut CampSetup, i: usize, c: TeamIcon| s.set_icon(i, c),
    );
    colors_done && icons_done
}

/// Move every team to its wanted value (colour or icon) through a setter that refuses values
/// another team holds.
fn reach<T: Copy + PartialEq>(
    setup: &mut CampSetup,
    all: &[T],
    wanted: &[T],
    current: fn(&CampSetup, usize) -> Option<T>,
    set: fn(&mut CampSetup, usize, T) -> Result<(), CampError>,
) -> bool {
    let n = wanted.len().min(setup.len());
    // Each round places a team, or parks one so the value another waits for comes free; a
    // park is always followed by a placement, so two rounds per team are enough.
    for _ in 0..=2 * MAX_TEAMS {
        let waiting: Vec<usize> = (0..n)
            .filter(|&i| current(setup, i) != Some(wanted[i]))
            .collect();
        let Some(&first) = waiting.first() else {
            return true;
        };
        if waiting.iter().any(|&i| set(setup, i, wanted[i]).is_ok()) {
            continue;
        }
        let held: Vec<T> = (0..setup.len()).filter_map(|i| current(setup, i)).collect();
        let Some(&free) = all.iter().find(|v| !held.contains(v)) else {
            return false;
        };
        if set(setup, first, free).is_err() {
            return false;
        }
    }
    false
}
#[cfg(test)]
mod tests {
    use super::*;

    fn setup(n: usize) -> CampSetup {
        CampSetup::new((1..=n).map(|i| format!("Team {i}")).collect()).expect("valid names")
    }

    #[test]
    fn restyle_swaps_colours_through_a_free_one() {
        let mut s = setup(3);
        let wanted = [
            (TeamColor::Orange, TeamIcon::Circle),
            (TeamColor::Red, TeamIcon::Star),
            (TeamColor::Yellow, TeamIcon::Square),
        ];
        assert!(restyle(&mut s, &wanted));
        let got: Vec<(TeamColor, TeamIcon)> = s.teams().iter().map(|t| (t.color, t.icon)).collect();
        assert_eq!(got, wanted);
    }

    #[test]
    fn restyle_with_eight_teams_has_nothing_to_swap_through() {
        let mut s = setup(MAX_TEAMS);
        let mut wanted: Vec<(TeamColor, TeamIcon)> =
            TeamColor::ALL.into_iter().zip(TeamIcon::ALL).collect();
        wanted.swap(0, 1);
        assert!(!restyle(&mut s, &wanted));
        // Still a valid setup: every team kept a colour of its own.
        let mut colors: Vec<&str> = s.teams().iter().map(|t| t.color.label()).collect();
        colors.sort_unstable();
        colors.dedup();
        assert_eq!(colors.len(), MAX_TEAMS);
    }

    #[test]
    fn removing_a_team_keeps_the_others_styles() {
        let mut d = SetupDraft::new().expect("draft");
        d.pick_color(1, TeamColor::Pink);
        assert_eq!(d.style_error, None);
        assert_eq!(d.remove_team(0), Ok(true));
        assert_eq!(d.setup.len(), DEFAULT_TEAMS - 1);
        assert_eq!(d.names.len(), DEFAULT_TEAMS - 1);
        assert_eq!(d.setup.teams()[0].color, TeamColor::Pink);
        assert_eq!(d.setup.teams()[0].name, "Orange Circles");
    }

    #[test]
    fn adding_a_team_gets_a_free_style_and_a_fresh_name() {
        let mut d = SetupDraft::new().expect("draft");
        d.names[0] = "Teal Diamonds".into();
        d.apply_names();
        assert_eq!(d.add_team(), Ok(true));
        let last = d.setup.teams().last().expect("a team");
        assert_eq!(last.color, TeamColor::Teal);
        assert_eq!(last.name, "Team 1");
        assert_eq!(d.names.len(), d.setup.len());
    }

    #[test]
    fn a_taken_colour_or_a_bad_name_is_explained() {
        let mut d = SetupDraft::new().expect("draft");
        d.pick_color(0, TeamColor::Orange);
        assert!(
            d.style_error
                .as_ref()
                .is_some_and(|(t, e)| *t == 0 && e.contains("Orange"))
        );
        d.names[1] = "   ".into();
        d.apply_names();
        assert!(d.name_errors[1].is_some());
        assert!(!d.problems().is_empty());
        d.stops = [false; STOP_COUNT];
        d.names[1] = "Sound Crew".into();
        d.apply_names();
        assert_eq!(d.problems(), vec![CampError::NoStops.to_string()]);
    }
}
