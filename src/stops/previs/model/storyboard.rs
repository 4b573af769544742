//! Storyboard rules: loading the storyboards file and every check it must pass, as sentences
//! a teacher editing `assets/previs.ron` can act on.

use std::collections::HashSet;
use std::path::Path;

use super::{
    BUNDLED_STORYBOARDS, CameraAngle, Character, STORYBOARDS_FILE, ShotSize, Storyboard,
    StoryboardFile,
};
use crate::tour::model::content::{ContentError, ContentFile, parse_and_check};

/// Fewest storyboards in a file: the level lets the player choose between scenes.
pub const MIN_STORYBOARDS: usize = 2;

/// Fewest panels in a storyboard: fewer cannot show a beginning, a middle and an end with the
/// variety of shots the level teaches.
pub const MIN_PANELS: usize = 6;

/// Shortest panel in seconds: under a second the audience cannot read a shot.
pub const MIN_PANEL_SECONDS: f32 = 1.0;

/// Longest panel in seconds: beyond this the animatic drags and the player waits.
pub const MAX_PANEL_SECONDS: f32 = 12.0;

/// Shortest character in metres (a small dog); below it the shot-size maths has nothing to
/// measure.
pub const MIN_CHARACTER_HEIGHT_M: f32 = 0.3;

/// Tallest character in metres (a giant); taller ones do not fit the grey-box sets.
pub const MAX_CHARACTER_HEIGHT_M: f32 = 3.0;

/// Half the side of the square set in metres: the set is 60 m × 60 m around the origin.
pub const SET_HALF_SIZE_M: f32 = 30.0;

/// `assets/previs.ron`, loaded the way every content file is (see `ContentFile`).
impl ContentFile for StoryboardFile {
    const FILE: &'static str = STORYBOARDS_FILE;
    const BUNDLED: &'static str = BUNDLED_STORYBOARDS;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        parse_and_check(text, file, StoryboardFile::validate)
    }
}

/// Parse and validate: the storyboards a game can play, or every problem in one message.
pub fn load_storyboards(text: &str) -> Result<StoryboardFile, String> {
    let file = parse_storyboards(text)?;
    let problems = file.validate();
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems.join("; "))
    }
}

/// Parses the storyboards file (RON). A syntax or shape error comes back as
/// "line L, column C: what is wrong"; the caller adds the file name. The result still needs
/// [`StoryboardFile::validate`], for the rules RON cannot express.
pub fn parse_storyboards(text: &str) -> Result<StoryboardFile, String> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e: ron::error::SpannedError| {
            format!(
                "line {}, column {}: {}",
                e.span.start.line, e.span.start.col, e.code
            )
        })
}

impl StoryboardFile {
    /// Every problem in the file, as sentences naming the storyboard (and panel) at fault;
    /// empty when the file is fine.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.storyboards.len() < MIN_STORYBOARDS {
            problems.push(format!(
                "the file has {} storyboard(s); it needs at least {MIN_STORYBOARDS}",
                self.storyboards.len()
            ));
        }
        let mut seen = HashSet::new();
        for board in &self.storyboards {
            if !seen.insert(board.id.as_str()) {
                problems.push(format!(
                    "storyboard id '{}' is used more than once",
                    board.id
                ));
            }
            problems.extend(board.validate());
        }
        problems
    }

    /// The storyboard with this id.
    pub fn storyboard(&self, id: &str) -> Option<&Storyboard> {
        self.storyboards.iter().find(|b| b.id == id)
    }
}

impl Storyboard {
    /// The character with this id.
    pub fn character(&self, id: &str) -> Option<&Character> {
        self.characters.iter().find(|c| c.id == id)
    }

    /// Every problem in this storyboard, as sentences such as
    /// "storyboard 'chase', panel 3: subject 'dog' is not a character in the set" (panels
    /// count from 1, as a teacher reads them); empty when it is fine.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let board = format!("storyboard '{}'", self.id);
        self.check_outline(&board, &mut problems);
        self.check_characters(&board, &mut problems);
        self.check_props(&board, &mut problems);
        self.check_panels(&board, &mut problems);
        problems
    }

    /// The id, title and logline, and enough characters and panels to play.
    fn check_outline(&self, board: &str, problems: &mut Vec<String>) {
        if self.id.trim().is_empty() {
            problems.push(format!("{board}: the id is empty"));
        }
        if self.title.trim().is_empty() {
            problems.push(format!("{board}: the title is empty"));
        }
        if self.logline.trim().is_empty() {
            problems.push(format!("{board}: the logline is empty"));
        }
        if self.characters.is_empty() {
            problems.push(format!("{board}: the set has no characters"));
        }
        if self.panels.len() < MIN_PANELS {
            problems.push(format!(
                "{board}: it has {} panel(s); a storyboard needs at least {MIN_PANELS}",
                self.panels.len()
            ));
        }
    }

    /// Each character: a unique id, a name, a sensible height and colour, a start on the set.
    fn check_characters(&self, board: &str, problems: &mut Vec<String>) {
        let mut ids = HashSet::new();
        for character in &self.characters {
            let who = format!("{board}, character '{}'", character.id);
            if character.id.trim().is_empty() {
                problems.push(format!("{board}: a character has an empty id"));
            } else if !ids.insert(character.id.as_str()) {
                problems.push(format!(
                    "{board}: character id '{}' is used more than once",
                    character.id
                ));
            }
            if character.name.trim().is_empty() {
                problems.push(format!("{who}: the name is empty"));
            }
            if !(MIN_CHARACTER_HEIGHT_M..=MAX_CHARACTER_HEIGHT_M).contains(&character.height_m) {
                problems.push(format!(
                    "{who}: a height of {} m is outside {MIN_CHARACTER_HEIGHT_M} to {MAX_CHARACTER_HEIGHT_M} m",
                    character.height_m
                ));
            }
            if !is_color(character.color) {
                problems.push(format!("{who}: each colour value must be between 0 and 1"));
            }
            let [x, z] = character.start;
            if !footprint_inside_set(x, z, 0.0, 0.0) {
                problems.push(format!(
                    "{who}: the start ({x}, {z}) is outside the 60 m × 60 m set"
                ));
            }
        }
    }

    /// Each prop: a name, a real size, standing on the ground, inside the set, a colour.
    fn check_props(&self, board: &str, problems: &mut Vec<String>) {
        for (index, prop) in self.props.iter().enumerate() {
            let what = format!("{board}, prop {} '{}'", index + 1, prop.name);
            if prop.name.trim().is_empty() {
                problems.push(format!("{what}: the name is empty"));
            }
            let [width, height, depth] = prop.size;
            if !prop.size.iter().all(|s| s.is_finite() && *s > 0.0) {
                problems.push(format!(
                    "{what}: every size must be above 0 m (width {width}, height {height}, depth {depth})"
                ));
            }
            let [x, y, z] = prop.position;
            if !(y.is_finite() && y >= 0.0) {
                problems.push(format!("{what}: its base (y = {y}) is below the ground"));
            }
            if !footprint_inside_set(x, z, 0.5 * width.max(0.0), 0.5 * depth.max(0.0)) {
                problems.push(format!(
                    "{what}: it reaches outside the 60 m × 60 m set (x and z must stay within ±{SET_HALF_SIZE_M} m)"
                ));
            }
            if !is_color(prop.color) {
                problems.push(format!("{what}: each colour value must be between 0 and 1"));
            }
        }
    }

    /// Each panel: words, a length the animatic can play, a subject on the set, and a shot
    /// that can be set up.
    fn check_panels(&self, board: &str, problems: &mut Vec<String>) {
        for (index, panel) in self.panels.iter().enumerate() {
            let at = format!("{board}, panel {}", index + 1);
            if panel.title.trim().is_empty() {
                problems.push(format!("{at}: the title is empty"));
            }
            if panel.action.trim().is_empty() {
                problems.push(format!("{at}: the action is empty"));
            }
            if !(MIN_PANEL_SECONDS..=MAX_PANEL_SECONDS).contains(&panel.seconds) {
                problems.push(format!(
                    "{at}: {} seconds is outside {MIN_PANEL_SECONDS} to {MAX_PANEL_SECONDS} seconds",
                    panel.seconds
                ));
            }
            if self.character(&panel.subject).is_none() {
                problems.push(format!(
                    "{at}: subject '{}' is not a character in the set",
                    panel.subject
                ));
            }
            // With the camera and the subject on the same flat ground, an extreme wide shot
            // needs the camera about five body heights away, and from there a low angle
            // (more than 10° below the eyes) puts the camera on or under the floor.
            if panel.size == ShotSize::ExtremeWide && panel.angle == CameraAngle::Low {
                problems.push(format!(
                    "{at}: an extreme wide shot from a low angle cannot be set up on flat \
                     ground (the camera would sit on or under the floor); choose a wide shot \
                     or another angle"
                ));
            }
        }
    }
}

/// Whether each component is a number from 0 to 1.
fn is_color(color: [f32; 3]) -> bool {
    color.iter().all(|c| (0.0..=1.0).contains(c))
}

/// Whether a footprint centred at (x, z), reaching `half_width` and `half_depth` either way,
/// lies on the set. Numbers that are not finite fail.
fn footprint_inside_set(x: f32, z: f32, half_width: f32, half_depth: f32) -> bool {
    let reach_x = x.abs() + half_width;
    let reach_z = z.abs() + half_depth;
    reach_x.is_finite()
        && reach_z.is_finite()
        && reach_x <= SET_HALF_SIZE_M
        && reach_z <= SET_HALF_SIZE_M
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::previs::model::test_support::*;
    use crate::stops::previs::model::*;

    fn valid_board() -> Storyboard {
        let character = |id: &str, height_m: f32, start: [f32; 2]| Character {
            id: id.to_string(),
            name: id.to_uppercase(),
            height_m,
            color: [0.5, 0.5, 0.5],
            start,
        };
        Storyboard {
            id: "test".to_string(),
            title: "Test scene".to_string(),
            logline: "Someone does something.".to_string(),
            characters: vec![
                character("hero", 1.7, [0.0, 0.0]),
                character("pal", 1.6, [2.0, 2.0]),
            ],
            props: vec![Prop {
                name: "crate".to_string(),
                kind: PropKind::Box,
                position: [5.0, 0.0, 5.0],
                size: [1.0, 1.0, 1.0],
                color: [0.6, 0.4, 0.2],
            }],
            panels: (0..MIN_PANELS)
                .map(|_| {
                    panel(
                        ShotSize::Wide,
                        CameraAngle::EyeLevel,
                        CameraMove::Static,
                        Mood::Calm,
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn a_valid_storyboard_has_no_problems_even_at_the_limits() {
        assert_eq!(valid_board().validate(), Vec::<String>::new());
        let mut edges = valid_board();
        edges.panels[0].seconds = MIN_PANEL_SECONDS;
        edges.panels[1].seconds = MAX_PANEL_SECONDS;
        edges.characters[0].height_m = MIN_CHARACTER_HEIGHT_M;
        edges.characters[1].height_m = MAX_CHARACTER_HEIGHT_M;
        edges.characters[1].start = [-30.0, 30.0];
        edges.props[0].position = [29.5, 0.0, -29.5];
        assert_eq!(edges.validate(), Vec::<String>::new());
    }

    #[test]
    fn validation_catches_each_problem() {
        type Break = fn(&mut Storyboard);
        let cases: [(Break, &str); 17] = [
            (
                |b| b.panels.truncate(5),
                "storyboard 'test': it has 5 panel(s); a storyboard needs at least 6",
            ),
            (
                |b| b.panels[2].subject = "dog".to_string(),
                "storyboard 'test', panel 3: subject 'dog' is not a character in the set",
            ),
            (
                |b| b.panels[0].seconds = 0.99,
                "storyboard 'test', panel 1: 0.99 seconds is outside 1 to 12 seconds",
            ),
            (
                |b| b.panels[5].seconds = 12.01,
                "storyboard 'test', panel 6: 12.01 seconds is outside",
            ),
            (
                |b| b.panels[0].seconds = f32::INFINITY,
                "panel 1: inf seconds is outside",
            ),
            (
                |b| b.characters[0].height_m = 0.29,
                "storyboard 'test', character 'hero': a height of 0.29 m is outside 0.3 to 3 m",
            ),
            (
                |b| b.characters[1].height_m = 3.01,
                "character 'pal': a height of 3.01 m",
            ),
            (
                |b| b.characters[1].id = "hero".to_string(),
                "storyboard 'test': character id 'hero' is used more than once",
            ),
            (
                |b| b.title = "  ".to_string(),
                "storyboard 'test': the title is empty",
            ),
            (
                |b| b.panels[1].title = String::new(),
                "storyboard 'test', panel 2: the title is empty",
            ),
            (
                |b| b.panels[1].action = String::new(),
                "storyboard 'test', panel 2: the action is empty",
            ),
            (
                |b| b.props[0].size[1] = 0.0,
                "storyboard 'test', prop 1 'crate': every size must be above 0 m",
            ),
            (
                |b| b.props[0].position[0] = 29.6,
                "storyboard 'test', prop 1 'crate': it reaches outside the 60 m × 60 m set",
            ),
            (
                |b| b.props[0].position[1] = -0.5,
                "prop 1 'crate': its base (y = -0.5) is below the ground",
            ),
            (
                |b| b.characters[0].start = [0.0, -30.5],
                "character 'hero': the start (0, -30.5) is outside the 60 m × 60 m set",
            ),
            (
                |b| b.characters[0].color = [1.2, 0.0, 0.0],
                "character 'hero': each colour value must be between 0 and 1",
            ),
            (
                |b| {
                    b.panels[3].size = ShotSize::ExtremeWide;
                    b.panels[3].angle = CameraAngle::Low;
                },
                "storyboard 'test', panel 4: an extreme wide shot from a low angle cannot be set up",
            ),
        ];
        for (break_it, expected) in cases {
            let mut board = valid_board();
            break_it(&mut board);
            let problems = board.validate();
            assert_eq!(problems.len(), 1, "{expected}: {problems:?}");
            assert!(problems[0].contains(expected), "{expected}: {problems:?}");
        }
    }

    #[test]
    fn file_validation_needs_two_storyboards_with_different_ids() {
        let one = StoryboardFile {
            storyboards: vec![valid_board()],
        };
        assert_eq!(
            one.validate(),
            vec!["the file has 1 storyboard(s); it needs at least 2"]
        );
        let twins = StoryboardFile {
            storyboards: vec![valid_board(), valid_board()],
        };
        assert_eq!(
            twins.validate(),
            vec!["storyboard id 'test' is used more than once"]
        );
        let mut other = valid_board();
        other.id = "other".to_string();
        other.panels[0].subject = "nobody".to_string();
        let file = StoryboardFile {
            storyboards: vec![valid_board(), other],
        };
        assert_eq!(
            file.validate(),
            vec!["storyboard 'other', panel 1: subject 'nobody' is not a character in the set"]
        );
    }

    #[test]
    fn parse_errors_give_line_and_column() {
        let error =
            parse_storyboards("(\n    storyboards: [\n        (id: 5),\n    ],\n)").unwrap_err();
        assert!(error.starts_with("line 3, column "), "{error}");
        let unknown = parse_storyboards("(storyboards: [], extra: 1)").unwrap_err();
        assert!(
            unknown.starts_with("line 1, column ") && unknown.contains("extra"),
            "{unknown}"
        );
        assert_eq!(
            parse_storyboards("(storyboards: [])"),
            Ok(StoryboardFile {
                storyboards: Vec::new()
            })
        );
    }

    #[test]
    fn the_bundled_storyboards_parse_and_validate() {
        let file = parse_storyboards(BUNDLED_STORYBOARDS).expect("bundled file parses");
        assert_eq!(file.validate(), Vec::<String>::new());
        let ids: Vec<&str> = file.storyboards.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["chase", "reveal"]);
        let chase = file.storyboard("chase").expect("chase");
        assert_eq!(chase.character("courier").map(|c| c.height_m), Some(1.75));
        assert_eq!(chase.character("guard").map(|c| c.height_m), Some(1.85));
        let reveal = file.storyboard("reveal").expect("reveal");
        assert!(reveal.character("explorer").is_some() && reveal.character("guide").is_some());
    }

    #[test]
    fn each_bundled_storyboard_covers_every_size_angle_and_move() {
        let file = parse_storyboards(BUNDLED_STORYBOARDS).expect("bundled file parses");
        for board in &file.storyboards {
            let sizes: HashSet<ShotSize> = board.panels.iter().map(|p| p.size).collect();
            let angles: HashSet<CameraAngle> = board.panels.iter().map(|p| p.angle).collect();
            let moves: HashSet<CameraMove> = board.panels.iter().map(|p| p.movement).collect();
            let moods: HashSet<Mood> = board.panels.iter().map(|p| p.mood).collect();
            assert_eq!(sizes.len(), 4, "{}", board.id);
            assert_eq!(angles.len(), 3, "{}", board.id);
            assert_eq!(moves.len(), 4, "{}", board.id);
            assert!(moods.len() >= 3, "{}", board.id);
            for panel in &board.panels {
                let action = panel.action.trim();
                assert!(
                    action.ends_with('.') && !action.trim_end_matches('.').contains(". "),
                    "one sentence: {action}"
                );
            }
        }
    }

    #[test]
    fn bundled_props_stay_near_the_middle_and_clear_of_the_characters() {
        let file = parse_storyboards(BUNDLED_STORYBOARDS).expect("bundled file parses");
        for board in &file.storyboards {
            for prop in &board.props {
                let [x, _, z] = prop.position;
                let (half_w, half_d) = (0.5 * prop.size[0], 0.5 * prop.size[2]);
                assert!(
                    x.abs() + half_w <= 15.0 && z.abs() + half_d <= 15.0,
                    "{}: {}",
                    board.id,
                    prop.name
                );
                for character in &board.characters {
                    let [cx, cz] = character.start;
                    let gap_x = ((cx - x).abs() - half_w).max(0.0);
                    let gap_z = ((cz - z).abs() - half_d).max(0.0);
                    assert!(
                        gap_x.hypot(gap_z) >= 1.5,
                        "{}: {} crowds {}",
                        board.id,
                        prop.name,
                        character.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_reveal_solves_every_bundled_panel_inside_the_set() {
        let file = parse_storyboards(BUNDLED_STORYBOARDS).expect("bundled file parses");
        for board in &file.storyboards {
            for (index, panel) in board.panels.iter().enumerate() {
                let subject = board.character(&panel.subject).expect("validated subject");
                let ground = subject.start_ground();
                // Face the middle of the set, where the action is.
                let setup = solve_setup(panel, ground, subject.height_m, -ground);
                let verdict =
                    check_shot(panel, &setup, &classify(&setup, ground, subject.height_m));
                assert!(
                    verdict.matches,
                    "{} panel {}: {:?}",
                    board.id,
                    index + 1,
                    verdict.reasons
                );
                let [x, y, z] = setup.camera;
                assert!(
                    x.abs() <= SET_HALF_SIZE_M && z.abs() <= SET_HALF_SIZE_M && y > 0.0,
                    "{} panel {}: {:?}",
                    board.id,
                    index + 1,
                    setup.camera
                );
            }
        }
    }
}
