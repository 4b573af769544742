//! The teams of a camp: their colours and icons, and the [`CampSetup`] that keeps names,
//! colours and icons valid and distinct.

use serde::{Deserialize, Serialize};

use super::{CampError, MAX_NAME_CHARS, MAX_TEAMS, MIN_TEAMS};

/// Team icons: simple shapes named in words, so they can be drawn as shapes, printed as one
/// character of the UI font, or read out as a word (for a screen reader or the CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TeamIcon {
    Star,
    Circle,
    Square,
    Arrow,
    Diamond,
    Heart,
    Bolt,
    Sun,
}

impl TeamIcon {
    /// Every icon, in the order new teams get them.
    pub const ALL: [TeamIcon; MAX_TEAMS] = [
        TeamIcon::Star,
        TeamIcon::Circle,
        TeamIcon::Square,
        TeamIcon::Arrow,
        TeamIcon::Diamond,
        TeamIcon::Heart,
        TeamIcon::Bolt,
        TeamIcon::Sun,
    ];

    /// One character to print the icon with the UI font.
    pub fn glyph(self) -> char {
        match self {
            TeamIcon::Star => '★',
            TeamIcon::Circle => '○',
            TeamIcon::Square => '■',
            TeamIcon::Arrow => '▶',
            TeamIcon::Diamond => '♦',
            TeamIcon::Heart => '♥',
            TeamIcon::Bolt => '⚡',
            TeamIcon::Sun => '☀',
        }
    }

    /// The icon's name, for menus, screen readers and exports.
    pub fn label(self) -> &'static str {
        match self {
            TeamIcon::Star => "Star",
            TeamIcon::Circle => "Circle",
            TeamIcon::Square => "Square",
            TeamIcon::Arrow => "Arrow",
            TeamIcon::Diamond => "Diamond",
            TeamIcon::Heart => "Heart",
            TeamIcon::Bolt => "Bolt",
            TeamIcon::Sun => "Sun",
        }
    }
}

/// Team colours. Each team also has an icon and a name, so colour is never the only way to
/// tell teams apart (some players cannot tell red from green).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TeamColor {
    Red,
    Orange,
    Yellow,
    Green,
    Teal,
    Blue,
    Purple,
    Pink,
}

impl TeamColor {
    /// Every colour, in the order new teams get them.
    pub const ALL: [TeamColor; MAX_TEAMS] = [
        TeamColor::Red,
        TeamColor::Orange,
        TeamColor::Yellow,
        TeamColor::Green,
        TeamColor::Teal,
        TeamColor::Blue,
        TeamColor::Purple,
        TeamColor::Pink,
    ];

    /// The colour as 8-bit sRGB, bright enough to read on the game's dark panels.
    pub fn srgb(self) -> [u8; 3] {
        match self {
            TeamColor::Red => [230, 57, 70],
            TeamColor::Orange => [247, 140, 30],
            TeamColor::Yellow => [250, 210, 45],
            TeamColor::Green => [60, 180, 75],
            TeamColor::Teal => [0, 170, 170],
            TeamColor::Blue => [50, 110, 230],
            TeamColor::Purple => [145, 80, 200],
            TeamColor::Pink => [240, 110, 180],
        }
    }

    /// The colour's name, for menus and screen readers.
    pub fn label(self) -> &'static str {
        match self {
            TeamColor::Red => "Red",
            TeamColor::Orange => "Orange",
            TeamColor::Yellow => "Yellow",
            TeamColor::Green => "Green",
            TeamColor::Teal => "Teal",
            TeamColor::Blue => "Blue",
            TeamColor::Purple => "Purple",
            TeamColor::Pink => "Pink",
        }
    }
}

/// One team: a name, a colour and an icon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub name: String,
    pub color: TeamColor,
    pub icon: TeamIcon,
}

/// The teams of a camp. Names, colours and icons are always valid and distinct: the only ways
/// to build or change a setup check them, and a loaded one is checked again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CampSetupData")]
pub struct CampSetup {
    teams: Vec<Team>,
}

/// The unchecked shape of a [`CampSetup`] in a save file.
#[derive(Deserialize)]
struct CampSetupData {
    teams: Vec<Team>,
}

impl TryFrom<CampSetupData> for CampSetup {
    type Error = CampError;

    fn try_from(data: CampSetupData) -> Result<Self, CampError> {
        let setup = CampSetup { teams: data.teams };
        setup.validate()?;
        Ok(setup)
    }
}

impl CampSetup {
    /// Teams from typed names, with distinct colours and icons handed out in order.
    /// Names are trimmed; they must be non-blank, at most [`MAX_NAME_CHARS`] characters and
    /// unique ignoring case (two teams called "Red" and "red" would confuse the scoreboard).
    pub fn new(names: Vec<String>) -> Result<CampSetup, CampError> {
        check_team_count(names.len())?;
        let mut teams: Vec<Team> = Vec::with_capacity(names.len());
        let styles = TeamColor::ALL.into_iter().zip(TeamIcon::ALL);
        for (i, (raw, (color, icon))) in names.iter().zip(styles).enumerate() {
            let name = clean_name(raw, i)?;
            if let Some(other) = teams.iter().find(|t| same_name(&t.name, &name)) {
                return Err(CampError::DuplicateName {
                    name: other.name.clone(),
                });
            }
            teams.push(Team { name, color, icon });
        }
        Ok(CampSetup { teams })
    }

    pub fn teams(&self) -> &[Team] {
        &self.teams
    }

    pub fn team(&self, team: usize) -> Option<&Team> {
        self.teams.get(team)
    }

    pub fn len(&self) -> usize {
        self.teams.len()
    }

    /// Always false for a valid setup; here because `len` is.
    pub fn is_empty(&self) -> bool {
        self.teams.is_empty()
    }

    /// Rename a team, with the same rules as [`CampSetup::new`].
    pub fn rename(&mut self, team: usize, name: &str) -> Result<(), CampError> {
        self.check_team(team)?;
        let name = clean_name(name, team)?;
        if let Some(other) = self.other_team(team, |t| same_name(&t.name, &name)) {
            return Err(CampError::DuplicateName {
                name: other.name.clone(),
            });
        }
        if let Some(t) = self.teams.get_mut(team) {
            t.name = name;
        }
        Ok(())
    }

    /// Give a team another colour. A colour another team has is refused rather than swapped,
    /// so nobody's colour changes behind their back.
    pub fn set_color(&mut self, team: usize, color: TeamColor) -> Result<(), CampError> {
        self.check_team(team)?;
        if let Some(other) = self.other_team(team, |t| t.color == color) {
            return Err(CampError::ColorTaken {
                color,
                by: other.name.clone(),
            });
        }
        if let Some(t) = self.teams.get_mut(team) {
            t.color = color;
        }
        Ok(())
    }

    /// Give a team another icon; an icon another team has is refused, as with colours.
    pub fn set_icon(&mut self, team: usize, icon: TeamIcon) -> Result<(), CampError> {
        self.check_team(team)?;
        if let Some(other) = self.other_team(team, |t| t.icon == icon) {
            return Err(CampError::IconTaken {
                icon,
                by: other.name.clone(),
            });
        }
        if let Some(t) = self.teams.get_mut(team) {
            t.icon = icon;
        }
        Ok(())
    }

    /// A team other than `team` that already has what `has` looks for (a name, colour or icon).
    fn other_team(&self, team: usize, has: impl Fn(&Team) -> bool) -> Option<&Team> {
        self.teams
            .iter()
            .enumerate()
            .find(|(i, t)| *i != team && has(t))
            .map(|(_, t)| t)
    }

    fn check_team(&self, team: usize) -> Result<(), CampError> {
        if team < self.teams.len() {
            Ok(())
        } else {
            Err(CampError::NoSuchTeam { team })
        }
    }

    /// Every rule of `new`, `set_color` and `set_icon` at once: used on loaded files.
    pub(super) fn validate(&self) -> Result<(), CampError> {
        check_team_count(self.teams.len())?;
        for (i, team) in self.teams.iter().enumerate() {
            if clean_name(&team.name, i)? != team.name {
                return Err(CampError::Inconsistent(format!(
                    "team {} has spaces around its name",
                    i + 1
                )));
            }
            let earlier = &self.teams[..i];
            if let Some(other) = earlier.iter().find(|t| same_name(&t.name, &team.name)) {
                return Err(CampError::DuplicateName {
                    name: other.name.clone(),
                });
            }
            if let Some(other) = earlier.iter().find(|t| t.color == team.color) {
                return Err(CampError::ColorTaken {
                    color: team.color,
                    by: other.name.clone(),
                });
            }
            if let Some(other) = earlier.iter().find(|t| t.icon == team.icon) {
                return Err(CampError::IconTaken {
                    icon: team.icon,
                    by: other.name.clone(),
                });
            }
        }
        Ok(())
    }
}

fn check_team_count(found: usize) -> Result<(), CampError> {
    if found < MIN_TEAMS {
        Err(CampError::TooFewTeams { found })
    } else if found > MAX_TEAMS {
        Err(CampError::TooManyTeams { found })
    } else {
        Ok(())
    }
}

fn clean_name(raw: &str, team: usize) -> Result<String, CampError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(CampError::BlankName { team });
    }
    if name.chars().any(char::is_control) {
        return Err(CampError::NameHasControlCharacters { team });
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(CampError::NameTooLong { name: name.into() });
    }
    Ok(name.to_string())
}

fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::camp::model::test_support::{names, setup};

    #[test]
    fn setup_needs_two_to_eight_teams() {
        assert_eq!(
            CampSetup::new(names(&["Solo"])),
            Err(CampError::TooFewTeams { found: 1 })
        );
        assert_eq!(
            CampSetup::new(Vec::new()),
            Err(CampError::TooFewTeams { found: 0 })
        );
        let nine: Vec<String> = (0..9).map(|i| format!("T{i}")).collect();
        assert_eq!(
            CampSetup::new(nine),
            Err(CampError::TooManyTeams { found: 9 })
        );
        assert_eq!(setup(2).len(), 2);
        assert_eq!(setup(8).len(), 8);
    }

    #[test]
    fn names_are_trimmed_and_must_be_unique_ignoring_case() {
        let s = CampSetup::new(names(&["  Grips ", "Gaffers"])).expect("valid");
        assert_eq!(s.teams()[0].name, "Grips");
        assert_eq!(
            CampSetup::new(names(&["Grips", "gaffers", " GRIPS"])),
            Err(CampError::DuplicateName {
                name: "Grips".into()
            })
        );
    }

    #[test]
    fn blank_long_and_multi_line_names_are_refused() {
        assert_eq!(
            CampSetup::new(names(&["Grips", "   "])),
            Err(CampError::BlankName { team: 1 })
        );
        assert_eq!(
            CampSetup::new(names(&["", "Grips"])),
            Err(CampError::BlankName { team: 0 })
        );
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert!(matches!(
            CampSetup::new(vec![long, "Grips".into()]),
            Err(CampError::NameTooLong { .. })
        ));
        // The limit counts characters, not bytes.
        let accents = "é".repeat(MAX_NAME_CHARS);
        assert!(CampSetup::new(vec![accents, "Grips".into()]).is_ok());
        assert_eq!(
            CampSetup::new(names(&["Gr\nips", "Gaffers"])),
            Err(CampError::NameHasControlCharacters { team: 0 })
        );
        let message = CampError::BlankName { team: 1 }.to_string();
        assert!(message.contains("Team 2"), "{message}");
    }

    #[test]
    fn default_colours_and_icons_are_distinct() {
        let s = setup(MAX_TEAMS);
        for (i, a) in s.teams().iter().enumerate() {
            for b in &s.teams()[i + 1..] {
                assert_ne!(a.color, b.color);
                assert_ne!(a.icon, b.icon);
            }
        }
    }

    #[test]
    fn colours_glyphs_and_labels_are_all_different() {
        for (i, a) in TeamColor::ALL.iter().enumerate() {
            for b in &TeamColor::ALL[i + 1..] {
                let distance: i32 = a
                    .srgb()
                    .iter()
                    .zip(b.srgb())
                    .map(|(&x, y)| (i32::from(x) - i32::from(y)).abs())
                    .sum();
                assert!(distance >= 60, "{a:?} and {b:?} look alike ({distance})");
                assert_ne!(a.label(), b.label());
            }
        }
        for (i, a) in TeamIcon::ALL.iter().enumerate() {
            for b in &TeamIcon::ALL[i + 1..] {
                assert_ne!(a.glyph(), b.glyph());
                assert_ne!(a.label(), b.label());
            }
        }
        assert_eq!(TeamIcon::Star.glyph(), '★');
        assert_eq!(TeamIcon::Sun.label(), "Sun");
    }

    #[test]
    fn colours_and_icons_stay_unique_when_changed() {
        let mut s = setup(3);
        let taken = s.teams()[1].color;
        assert!(matches!(
            s.set_color(0, taken),
            Err(CampError::ColorTaken { by, .. }) if by == "Team 2"
        ));
        assert_eq!(
            s.teams()[0].color,
            TeamColor::Red,
            "unchanged after refusal"
        );
        s.set_color(0, TeamColor::Pink).expect("free colour");
        s.set_color(0, TeamColor::Pink).expect("own colour again");
        assert_eq!(s.teams()[0].color, TeamColor::Pink);
        let icon = s.teams()[2].icon;
        assert!(matches!(
            s.set_icon(1, icon),
            Err(CampError::IconTaken { .. })
        ));
        s.set_icon(1, TeamIcon::Sun).expect("free icon");
        assert_eq!(s.teams()[1].icon, TeamIcon::Sun);
        assert_eq!(
            s.set_color(5, TeamColor::Blue),
            Err(CampError::NoSuchTeam { team: 5 })
        );
        assert!(matches!(
            s.rename(2, " team 1 "),
            Err(CampError::DuplicateName { .. })
        ));
        s.rename(2, "Foley Artists").expect("rename");
        assert_eq!(s.teams()[2].name, "Foley Artists");
    }
}
