//! Stop 1, Previsualization: planning a scene as a rough 3D animation before anyone films it.
//!
//! Previs artists turn a director's storyboards into an *animatic*: short animated shots on a
//! grey-box set that show timing, pacing and emotion. How big the actor is in the frame, where
//! the camera looks from, how it moves and how the light falls all tell the audience how to
//! feel, so the team plans, tests and revises here, where a change costs minutes instead of a
//! day of a real crew's time.
//!
//! This module holds the level's rules with no engine code, so that every rule is a plain
//! function a test can check:
//!
//! * [`Storyboard`]: the panels the director drew (loaded from `assets/previs.ron`,
//!   which teachers may edit) and the grey-box set they happen on.
//! * [`ShotSetup`]: what the player sets for a panel: camera, lens, move, blocking and light.
//! * [`classify`] measures a shot the way a camera operator would (shot size from how tall
//!   the subject is in the frame, angle from the camera's height relative to the subject's
//!   eyes) and [`check_shot`] compares it with the panel, in sentences a 12-year-old can act
//!   on. [`solve_setup`] finds a setup that meets a panel, for the teacher's "reveal".
//! * [`read_mood`]: how the light feels, from a transparent mapping of the lighting controls.
//! * [`animatic_timeline`] plays the panels in order; [`score_sequence`] grades the sequence.
//!
//! # Coordinates
//!
//! Metres, Y up, the ground at y = 0 and the set centred at the origin. Cameras use the usual
//! right-handed look-at convention: in view space the camera looks down −Z with +Y up.

use std::collections::HashSet;

use glam::{Mat4, Quat, Vec2, Vec3};
use serde::{Deserialize, Serialize};

/// The content file's name inside the assets folder.
pub const STORYBOARDS_FILE: &str = "previs.ron";

/// The bundled storyboards, used when no edited copy is found.
pub const BUNDLED_STORYBOARDS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/previs.ron"));

// ---------------------------------------------------------------------------------------------
// Storyboard rules
// ---------------------------------------------------------------------------------------------

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

/// How big the subject is in the frame, from far to near.
///
/// The order matters: it is how [`check_shot`] tells "one size off" (partly right) from
/// "two or more off".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ShotSize {
    /// The place matters more than the person: they are small in a big world.
    ExtremeWide,
    /// The whole body, with room around it: where they are and what they do.
    Wide,
    /// Roughly waist up: gestures and faces together, as in a conversation.
    Medium,
    /// Head and shoulders: the audience reads the feeling on the face.
    CloseUp,
}

impl ShotSize {
    /// Every size, far to near.
    pub const ALL: [ShotSize; 4] = [
        ShotSize::ExtremeWide,
        ShotSize::Wide,
        ShotSize::Medium,
        ShotSize::CloseUp,
    ];

    /// The size in words.
    pub fn label(self) -> &'static str {
        match self {
            ShotSize::ExtremeWide => "extreme wide shot",
            ShotSize::Wide => "wide shot",
            ShotSize::Medium => "medium shot",
            ShotSize::CloseUp => "close-up",
        }
    }

    /// How many sizes apart two sizes are: 0 for the same, 1 for neighbours.
    pub fn steps_from(self, other: ShotSize) -> u8 {
        (self as u8).abs_diff(other as u8)
    }

    /// The size for a subject whose projected height is `fraction` of the frame height, by
    /// the thresholds [`EXTREME_WIDE_BELOW`], [`WIDE_BELOW`] and [`MEDIUM_BELOW`]. Each band
    /// includes its lower bound. A fraction that is not a number reads as extreme wide.
    pub fn from_height_fraction(fraction: f32) -> ShotSize {
        if fraction >= MEDIUM_BELOW {
            ShotSize::CloseUp
        } else if fraction >= WIDE_BELOW {
            ShotSize::Medium
        } else if fraction >= EXTREME_WIDE_BELOW {
            ShotSize::Wide
        } else {
            ShotSize::ExtremeWide
        }
    }

    /// The height fraction [`solve_setup`] aims for: the middle of the band, or for the open
    /// bands a value well inside them (half the extreme-wide limit; 1 above the close-up
    /// limit, which frames the head and shoulders).
    pub fn solve_height_fraction(self) -> f32 {
        match self {
            ShotSize::ExtremeWide => 0.5 * EXTREME_WIDE_BELOW,
            ShotSize::Wide => 0.5 * (EXTREME_WIDE_BELOW + WIDE_BELOW),
            ShotSize::Medium => 0.5 * (WIDE_BELOW + MEDIUM_BELOW),
            ShotSize::CloseUp => MEDIUM_BELOW + 1.0,
        }
    }

    /// The lens [`solve_setup`] uses, as a camera operator would: very wide for an extreme
    /// wide (so the camera need not stand far outside the set), a portrait lens for a
    /// close-up (faces look natural from a couple of metres).
    pub fn solve_focal_mm(self) -> f32 {
        match self {
            ShotSize::ExtremeWide => 14.0,
            ShotSize::Wide => 18.0,
            ShotSize::Medium => 50.0,
            ShotSize::CloseUp => 85.0,
        }
    }
}

/// Where the camera looks from, relative to the subject's eyes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CameraAngle {
    /// Below the eyes, looking up: the subject seems strong or frightening.
    Low,
    /// Level with the eyes: neutral, the audience meets the subject as an equal.
    EyeLevel,
    /// Above the eyes, looking down: the subject seems small, weak or watched.
    High,
}

impl CameraAngle {
    /// Every angle, low to high.
    pub const ALL: [CameraAngle; 3] = [CameraAngle::Low, CameraAngle::EyeLevel, CameraAngle::High];

    /// The angle in words.
    pub fn label(self) -> &'static str {
        match self {
            CameraAngle::Low => "low angle",
            CameraAngle::EyeLevel => "eye-level angle",
            CameraAngle::High => "high angle",
        }
    }

    /// The angle for a camera `elevation_deg` above the subject's eye line (negative below),
    /// by [`HIGH_ANGLE_ABOVE_DEG`] and [`LOW_ANGLE_BELOW_DEG`]; the limits themselves are
    /// eye level.
    pub fn from_elevation_deg(elevation_deg: f32) -> CameraAngle {
        if elevation_deg > HIGH_ANGLE_ABOVE_DEG {
            CameraAngle::High
        } else if elevation_deg < LOW_ANGLE_BELOW_DEG {
            CameraAngle::Low
        } else {
            CameraAngle::EyeLevel
        }
    }

    /// The elevation [`solve_setup`] places the camera at: twice the threshold, so the angle
    /// reads clearly on screen.
    pub fn solve_elevation_deg(self) -> f32 {
        match self {
            CameraAngle::Low => 2.0 * LOW_ANGLE_BELOW_DEG,
            CameraAngle::EyeLevel => 0.0,
            CameraAngle::High => 2.0 * HIGH_ANGLE_ABOVE_DEG,
        }
    }
}

/// How the camera moves during the shot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CameraMove {
    /// Locked off: the camera does not move.
    Static,
    /// The camera turns left or right on the spot.
    Pan,
    /// The camera rolls forwards or backwards along the ground.
    Dolly,
    /// The camera rises or sinks on a crane arm.
    Crane,
}

impl CameraMove {
    /// Every move.
    pub const ALL: [CameraMove; 4] = [
        CameraMove::Static,
        CameraMove::Pan,
        CameraMove::Dolly,
        CameraMove::Crane,
    ];

    /// The move in words.
    pub fn label(self) -> &'static str {
        match self {
            CameraMove::Static => "static camera",
            CameraMove::Pan => "pan",
            CameraMove::Dolly => "dolly",
            CameraMove::Crane => "crane",
        }
    }

    /// What the move does and why a director picks it, in one sentence.
    pub fn description(self) -> &'static str {
        match self {
            CameraMove::Static => {
                "A static camera stays still while the action moves inside the frame."
            }
            CameraMove::Pan => {
                "A pan turns the camera left or right on the spot, to follow the action or show more of the place."
            }
            CameraMove::Dolly => {
                "A dolly rolls the camera forwards or backwards along the ground, pushing in or pulling away."
            }
            CameraMove::Crane => {
                "A crane lifts or lowers the camera through the air, to reveal the scene from above or sink into it."
            }
        }
    }
}

/// The feeling a panel should give the audience.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mood {
    Joyful,
    Tense,
    Mysterious,
    Melancholy,
    Calm,
}

impl Mood {
    /// Every mood.
    pub const ALL: [Mood; 5] = [
        Mood::Joyful,
        Mood::Tense,
        Mood::Mysterious,
        Mood::Melancholy,
        Mood::Calm,
    ];

    /// The mood in words.
    pub fn label(self) -> &'static str {
        match self {
            Mood::Joyful => "joyful",
            Mood::Tense => "tense",
            Mood::Mysterious => "mysterious",
            Mood::Melancholy => "melancholy",
            Mood::Calm => "calm",
        }
    }

    /// How the mood feels to the audience, in one sentence.
    pub fn feeling(self) -> &'static str {
        match self {
            Mood::Joyful => "Bright, warm and lively: the audience feels happy and ready to laugh.",
            Mood::Tense => "Dark and sharp: the audience holds its breath, waiting for danger.",
            Mood::Mysterious => "Dim and hazy: the audience wonders what is hidden in the shadows.",
            Mood::Melancholy => "Soft, cool and faded: the audience feels sad or lonely.",
            Mood::Calm => "Soft and even: the audience relaxes and breathes out.",
        }
    }

    /// What to change in the light to reach this mood, for a reason sentence.
    fn lighting_hint(self) -> &'static str {
        match self {
            Mood::Joyful => {
                "try bright, warm, even light: a low key-to-fill ratio, daytime and a warm or pastel grade"
            }
            Mood::Tense => {
                "try hard, dark, cool light: a high key-to-fill ratio, night and a noir grade"
            }
            Mood::Mysterious => "try fog, dusk or night, and a teal-and-orange grade",
            Mood::Melancholy => "try soft, dim, cool light with a desaturated grade",
            Mood::Calm => "try soft, even light at dawn or in the day, with a neutral grade",
        }
    }
}

/// One storyboard panel: a shot the director drew.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Panel {
    /// A few words for the panel.
    pub title: String,
    /// What happens, in one sentence.
    pub action: String,
    pub size: ShotSize,
    pub angle: CameraAngle,
    /// The id of the [`Character`] the shot is about.
    pub subject: String,
    pub movement: CameraMove,
    pub mood: Mood,
    /// How long the shot lasts in the animatic.
    pub seconds: f32,
}

/// A person on the grey-box set (drawn as a simple capsule in their colour).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Character {
    /// Short unique name the panels use as their subject.
    pub id: String,
    /// What the game calls them on screen.
    pub name: String,
    /// Standing height in metres: the shot-size maths measures it in the frame.
    pub height_m: f32,
    /// Linear RGB, each 0 to 1.
    pub color: [f32; 3],
    /// Where they stand when a shot begins, (x, z) in metres on the ground.
    pub start: [f32; 2],
}

impl Character {
    /// The start point on the ground (y = 0).
    pub fn start_ground(&self) -> Vec3 {
        Vec3::new(self.start[0], 0.0, self.start[1])
    }
}

/// The shape of a grey-box prop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PropKind {
    Box,
    /// Upright; its width and depth are its diameters.
    Cylinder,
}

/// A piece of grey-box scenery: previs needs only rough shapes to block out a scene.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prop {
    pub name: String,
    pub kind: PropKind,
    /// Centre of the base, (x, y, z) in metres; y is 0 for things standing on the ground.
    pub position: [f32; 3],
    /// (width x, height y, depth z) in metres, all above 0.
    pub size: [f32; 3],
    /// Linear RGB, each 0 to 1.
    pub color: [f32; 3],
}

/// A scene to previsualize: the set, who is on it, and the panels to shoot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Storyboard {
    /// Short unique name.
    pub id: String,
    pub title: String,
    /// The whole scene in one sentence.
    pub logline: String,
    pub characters: Vec<Character>,
    pub props: Vec<Prop>,
    /// The shots, in the order the animatic plays them.
    pub panels: Vec<Panel>,
}

/// The content file's shape: `(storyboards: [ ... ])`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryboardFile {
    pub storyboards: Vec<Storyboard>,
}

/// Parses the storyboards file (RON). A syntax or shape error comes back as
/// "line L, column C: what is wrong"; the caller adds the file name. The result still needs
/// [`StoryboardFile::validate`], for the rules RON cannot express.
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
        problems
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

// ---------------------------------------------------------------------------------------------
// The player's shot
// ---------------------------------------------------------------------------------------------

/// Sensor width of the previs camera in millimetres (Super 35, the common cinema format).
pub const SENSOR_WIDTH_MM: f32 = 24.89;

/// Sensor height in millimetres (Super 35).
pub const SENSOR_HEIGHT_MM: f32 = 18.66;

/// Width ÷ height of the frame the classification measures in.
pub const FRAME_ASPECT: f32 = SENSOR_WIDTH_MM / SENSOR_HEIGHT_MM;

/// Widest lens the player may pick, in millimetres.
pub const MIN_FOCAL_MM: f32 = 12.0;

/// Longest lens the player may pick, in millimetres.
pub const MAX_FOCAL_MM: f32 = 200.0;

/// Lens used when a setup's focal length is not a number: a natural, "normal" view.
pub const DEFAULT_FOCAL_MM: f32 = 35.0;

/// Near clipping distance in metres: anything closer to the lens is not seen.
pub const NEAR_PLANE_M: f32 = 0.05;

/// Far clipping distance in metres, well beyond the 60 m set.
pub const FAR_PLANE_M: f32 = 1000.0;

/// Height of the eyes as a fraction of standing height: where "eye level" is measured from.
pub const EYE_LINE_FRACTION: f32 = 0.93;

/// Subject height [`solve_setup`] assumes when given one that is not a positive number.
pub const DEFAULT_SUBJECT_HEIGHT_M: f32 = 1.7;

/// Smallest pan, in degrees, that counts as a pan: less looks like a wobble, not a move.
pub const MIN_PAN_DEG: f32 = 2.0;

/// Smallest dolly or crane travel, in metres, that counts as a move.
pub const MIN_TRAVEL_M: f32 = 0.1;

/// The lens's focal length kept within [`MIN_FOCAL_MM`]..=[`MAX_FOCAL_MM`]; not a number
/// gives [`DEFAULT_FOCAL_MM`].
pub fn clamp_focal_mm(focal_mm: f32) -> f32 {
    if focal_mm.is_nan() {
        DEFAULT_FOCAL_MM
    } else {
        focal_mm.clamp(MIN_FOCAL_MM, MAX_FOCAL_MM)
    }
}

/// Full vertical field of view in radians on the Super 35 sensor, `2·atan(h / 2f)`, with the
/// focal length clamped by [`clamp_focal_mm`]. A longer lens sees a narrower slice, which is
/// why it makes the subject bigger without moving the camera.
pub fn vertical_fov_radians(focal_mm: f32) -> f32 {
    2.0 * (SENSOR_HEIGHT_MM / (2.0 * clamp_focal_mm(focal_mm))).atan()
}

/// Full horizontal field of view in radians on the Super 35 sensor, `2·atan(w / 2f)`.
pub fn horizontal_fov_radians(focal_mm: f32) -> f32 {
    2.0 * (SENSOR_WIDTH_MM / (2.0 * clamp_focal_mm(focal_mm))).atan()
}

/// What the player sets for one panel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShotSetup {
    /// Where the camera is at the start of the shot, in metres.
    pub camera: [f32; 3],
    /// The point the camera looks at at the start of the shot.
    pub aim: [f32; 3],
    /// Lens focal length in millimetres ([`MIN_FOCAL_MM`]..=[`MAX_FOCAL_MM`]).
    pub focal_mm: f32,
    pub movement: CameraMove,
    /// How far the move goes over the whole shot. The unit depends on the move, because each
    /// move changes one thing:
    /// * Pan: **degrees**; positive turns right (clockwise seen from above), negative left.
    /// * Dolly: metres along the ground in the direction the camera faces; positive pushes
    ///   in, negative pulls back.
    /// * Crane: metres up; negative sinks.
    /// * Static: ignored.
    pub move_amount_m: f32,
    /// The subject's blocking: the points on the ground, (x, z) in metres, they walk through
    /// after their start during the shot. Empty: they stay at their start.
    pub waypoints: Vec<[f32; 2]>,
    pub lighting: MoodLighting,
}

impl Default for ShotSetup {
    /// A camera at head height six metres in front of the origin, looking at a standing
    /// person's middle, with a normal lens and neutral daylight.
    fn default() -> Self {
        Self {
            camera: [0.0, 1.6, 6.0],
            aim: [0.0, 0.9, 0.0],
            focal_mm: DEFAULT_FOCAL_MM,
            movement: CameraMove::Static,
            move_amount_m: 0.0,
            waypoints: Vec::new(),
            lighting: MoodLighting::default(),
        }
    }
}

/// Smooth ease-in-out (`3t² − 2t³`) of `t` clamped to 0..=1 (not a number counts as 0):
/// real camera moves start and stop gently, because a sudden jolt looks like a mistake.
pub fn ease_in_out(t: f32) -> f32 {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    t * t * (3.0 - 2.0 * t)
}

/// Where the camera is and what it looks at, `t` of the way through the shot (0 = start,
/// 1 = end; clamped). The move follows [`ease_in_out`]:
/// * Static: fixed.
/// * Pan: the aim turns about the vertical axis through the camera by `move_amount_m`
///   degrees (positive right).
/// * Dolly: camera and aim travel together `move_amount_m` metres along the camera's forward
///   direction flattened onto the ground (a camera looking straight down does not travel).
/// * Crane: camera and aim rise together by `move_amount_m` metres.
///
/// An amount that is not a finite number is treated as no move.
pub fn camera_at(setup: &ShotSetup, t: f32) -> (Vec3, Vec3) {
    let eye = Vec3::from(setup.camera);
    let target = Vec3::from(setup.aim);
    let amount = if setup.move_amount_m.is_finite() {
        setup.move_amount_m
    } else {
        0.0
    };
    let progress = amount * ease_in_out(t);
    match setup.movement {
        CameraMove::Static => (eye, target),
        CameraMove::Pan => {
            // A positive rotation about +Y turns left (counter-clockwise from above).
            let turn = Quat::from_rotation_y(-progress.to_radians());
            (eye, eye + turn * (target - eye))
        }
        CameraMove::Dolly => {
            let shift = horizontal_unit(target - eye).unwrap_or(Vec3::ZERO) * progress;
            (eye + shift, target + shift)
        }
        CameraMove::Crane => {
            let lift = Vec3::Y * progress;
            (eye + lift, target + lift)
        }
    }
}

/// The subject's ground position `t` of the way through the shot (clamped to 0..=1),
/// walking at constant speed from `start` through each waypoint in turn: blocking is
/// planned as a path, and an even walk makes the timing easy to judge. With no waypoints, or
/// a path of no length, they stay at the start.
pub fn subject_at(start: [f32; 2], waypoints: &[[f32; 2]], t: f32) -> Vec3 {
    let points: Vec<Vec2> = std::iter::once(start)
        .chain(waypoints.iter().copied())
        .map(Vec2::from)
        .collect();
    let total: f32 = points.windows(2).map(|w| w[0].distance(w[1])).sum();
    let origin = Vec3::new(start[0], 0.0, start[1]);
    if !(total.is_finite() && total > 0.0) {
        return origin;
    }
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let mut left = total * t;
    for pair in points.windows(2) {
        let length = pair[0].distance(pair[1]);
        if left <= length && length > 0.0 {
            let p = pair[0].lerp(pair[1], left / length);
            return Vec3::new(p.x, 0.0, p.y);
        }
        left -= length;
    }
    points.last().map_or(origin, |p| Vec3::new(p.x, 0.0, p.y))
}

/// The horizontal part of `v`, normalised; `None` when it has (almost) no horizontal part.
fn horizontal_unit(v: Vec3) -> Option<Vec3> {
    let flat = Vec3::new(v.x, 0.0, v.z);
    (flat.length_squared() > 1e-12).then(|| flat.normalize())
}

// ---------------------------------------------------------------------------------------------
// Shot classification
// ---------------------------------------------------------------------------------------------

/// Below this height fraction the subject is small in a big world: an extreme wide shot.
pub const EXTREME_WIDE_BELOW: f32 = 0.15;

/// From [`EXTREME_WIDE_BELOW`] to below this the whole body fits with room around it: a wide
/// shot.
pub const WIDE_BELOW: f32 = 0.90;

/// From [`WIDE_BELOW`] to below this only about the waist up fits: a medium shot. From here
/// up only the head and shoulders fit: a close-up.
pub const MEDIUM_BELOW: f32 = 2.5;

/// A camera more than this many degrees above the subject's eye line looks down on them: a
/// high angle. Within ±10° a viewer reads the shot as level.
pub const HIGH_ANGLE_ABOVE_DEG: f32 = 10.0;

/// A camera more than 10° below the subject's eye line looks up at them: a low angle.
pub const LOW_ANGLE_BELOW_DEG: f32 = -10.0;

/// A shot measured the way a camera operator judges it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShotReading {
    /// The subject's projected height ÷ the frame height. Above 1 the subject is cropped:
    /// only part of them fits.
    pub height_fraction: f32,
    pub size: ShotSize,
    /// The camera's elevation above the subject's eye line, in degrees, seen from their eyes:
    /// positive when the camera is above looking down, negative below looking up.
    pub angle_deg: f32,
    pub angle: CameraAngle,
    /// Whether the subject is in the picture: in front of the camera, with the middle of
    /// their body or their eyes inside the frame. (The eyes count too because a close-up
    /// crops the middle of the body out of the picture on purpose.)
    pub in_frame: bool,
    /// From the camera to the middle of the subject's body, in metres.
    pub distance_m: f32,
}

impl ShotReading {
    /// What a camera sees when its numbers are broken: nothing.
    fn nothing_seen() -> Self {
        Self {
            height_fraction: 0.0,
            size: ShotSize::ExtremeWide,
            angle_deg: 0.0,
            angle: CameraAngle::EyeLevel,
            in_frame: false,
            distance_m: 0.0,
        }
    }
}

/// Measures the opening frame of the shot (the camera at `setup.camera` looking at
/// `setup.aim`, as the storyboard panel draws it). See [`classify_frame`].
pub fn classify(setup: &ShotSetup, subject_ground: Vec3, subject_height_m: f32) -> ShotReading {
    classify_frame(
        Vec3::from(setup.camera),
        Vec3::from(setup.aim),
        setup.focal_mm,
        subject_ground,
        subject_height_m,
    )
}

/// Measures one frame: a perspective camera at `eye` looking at `target` through a
/// `focal_mm` lens on the Super 35 sensor, and a subject `subject_height_m` tall standing at
/// `subject_ground`.
///
/// The subject's feet and head are projected into the frame; the height fraction is half the
/// distance between them in normalised device coordinates (which span 2 across the frame).
/// Where part of the subject is behind the lens, only the part in front of the near plane is
/// measured. The angle is the camera's elevation seen from the subject's eyes
/// ([`EYE_LINE_FRACTION`] of their height). Numbers that are not finite see nothing.
pub fn classify_frame(
    eye: Vec3,
    target: Vec3,
    focal_mm: f32,
    subject_ground: Vec3,
    subject_height_m: f32,
) -> ShotReading {
    if !(eye.is_finite()
        && target.is_finite()
        && subject_ground.is_finite()
        && subject_height_m.is_finite())
    {
        return ShotReading::nothing_seen();
    }
    let height = subject_height_m.max(0.0);
    let view = view_matrix(eye, target);
    let projection = Mat4::perspective_rh(
        vertical_fov_radians(focal_mm),
        FRAME_ASPECT,
        NEAR_PLANE_M,
        FAR_PLANE_M,
    );

    let feet = view.transform_point3(subject_ground);
    let head = view.transform_point3(subject_ground + Vec3::Y * height);
    let height_fraction = projected_height_fraction(&projection, feet, head);

    let middle = subject_ground + Vec3::Y * (0.5 * height);
    let eyes = subject_ground + Vec3::Y * (EYE_LINE_FRACTION * height);
    let in_frame = [middle, eyes]
        .iter()
        .any(|p| inside_frame(&projection, view.transform_point3(*p)));

    let from_eyes = eye - eyes;
    let across = Vec2::new(from_eyes.x, from_eyes.z).length();
    let angle_deg = from_eyes.y.atan2(across).to_degrees();

    ShotReading {
        height_fraction,
        size: ShotSize::from_height_fraction(height_fraction),
        angle_deg,
        angle: CameraAngle::from_elevation_deg(angle_deg),
        in_frame,
        distance_m: eye.distance(middle),
    }
}

/// The world-to-view matrix of a camera at `eye` looking at `target` with +Y up. A camera
/// with no direction looks down −Z; one looking straight up or down keeps −Z as the top of
/// the picture, since "up" cannot be +Y then.
fn view_matrix(eye: Vec3, target: Vec3) -> Mat4 {
    let forward = target - eye;
    let direction = if forward.length_squared() > 1e-12 {
        forward.normalize()
    } else {
        Vec3::NEG_Z
    };
    let up = if direction.cross(Vec3::Y).length_squared() > 1e-8 {
        Vec3::Y
    } else {
        Vec3::NEG_Z
    };
    Mat4::look_to_rh(eye, direction, up)
}

/// Half the vertical NDC distance between two view-space points, after cutting the segment
/// between them at the near plane; 0 when both are behind it.
fn projected_height_fraction(projection: &Mat4, a: Vec3, b: Vec3) -> f32 {
    let in_front = |p: Vec3| p.z <= -NEAR_PLANE_M;
    let (a, b) = match (in_front(a), in_front(b)) {
        (true, true) => (a, b),
        (true, false) => (a, cut_at_near_plane(a, b)),
        (false, true) => (cut_at_near_plane(b, a), b),
        (false, false) => return 0.0,
    };
    let fraction = 0.5 * (projection.project_point3(a).y - projection.project_point3(b).y).abs();
    if fraction.is_finite() { fraction } else { 0.0 }
}

/// Where the segment from `inside` (in front of the near plane) to `outside` crosses it.
fn cut_at_near_plane(inside: Vec3, outside: Vec3) -> Vec3 {
    let s = (-NEAR_PLANE_M - inside.z) / (outside.z - inside.z);
    inside.lerp(outside, s)
}

/// Whether a view-space point is in front of the camera and inside the frame's edges.
fn inside_frame(projection: &Mat4, p: Vec3) -> bool {
    if p.z > -NEAR_PLANE_M {
        return false;
    }
    let ndc = projection.project_point3(p);
    ndc.x.abs() <= 1.0 && ndc.y.abs() <= 1.0
}

// ---------------------------------------------------------------------------------------------
// Checking a shot against its panel
// ---------------------------------------------------------------------------------------------

/// Points for the right shot size.
pub const SIZE_POINTS: u8 = 40;
/// Points for a size one step from the panel's: close, and easy to fix.
pub const SIZE_ONE_OFF_POINTS: u8 = 15;
/// Points for the right camera angle.
pub const ANGLE_POINTS: u8 = 25;
/// Points for the right camera move.
pub const MOVEMENT_POINTS: u8 = 15;
/// Points for lighting that reads as the panel's mood.
pub const MOOD_POINTS: u8 = 20;

/// How one shot compares with its panel.
#[derive(Clone, Debug, PartialEq)]
pub struct ShotVerdict {
    /// Size, angle, move and mood all as the panel asks, with the subject in the frame.
    pub matches: bool,
    /// 0 to 100: [`SIZE_POINTS`] (or [`SIZE_ONE_OFF_POINTS`]) + [`ANGLE_POINTS`] +
    /// [`MOVEMENT_POINTS`] + [`MOOD_POINTS`]; 0 when the subject is out of the frame, since a
    /// shot that misses its subject tells nothing.
    pub score: u8,
    /// One plain sentence per check, saying what was measured and how to fix it.
    pub reasons: Vec<String>,
}

/// Checks the last frame of the shot: the move and the blocking must not lose the subject.
/// The panel's size and angle are judged on the opening frame (what the player composed);
/// this catches a dolly, crane, pan or walk that ends with the subject out of the picture.
pub fn check_move_end(setup: &ShotSetup, subject: &Character) -> Option<String> {
    let (eye, target) = camera_at(setup, 1.0);
    let ground = subject_at(subject.start, &setup.waypoints, 1.0);
    let reading = classify_frame(eye, target, setup.focal_mm, ground, subject.height_m);
    if reading.in_frame {
        return None;
    }
    let how = match (setup.movement, setup.waypoints.is_empty()) {
        (CameraMove::Static, false) => "the walk",
        (CameraMove::Static, true) => "the shot",
        (m, _) => m.label(),
    };
    Some(format!(
        "By the end of {how}, {} has left the frame: shorten the move, change the path, or \
         aim where they end up.",
        subject.name
    ))
}

/// Compares a measured shot with what the panel asks for. `reading` is normally
/// `classify(setup, …)`; the move and the light come from `setup`.
pub fn check_shot(panel: &Panel, setup: &ShotSetup, reading: &ShotReading) -> ShotVerdict {
    let who = panel.subject.replace('_', " ");
    if !reading.in_frame {
        return ShotVerdict {
            matches: false,
            score: 0,
            reasons: vec![format!(
                "The {who} is not in the frame — aim the camera at them."
            )],
        };
    }

    let mut reasons = Vec::with_capacity(4);
    let mut score = 0u8;

    let measured_size = if reading.height_fraction < 1.0 {
        format!(
            "The {who} fills {:.0}% of the frame height",
            100.0 * reading.height_fraction
        )
    } else {
        format!(
            "The {who} is {:.1} times as tall as the frame, so only part of them fits",
            reading.height_fraction
        )
    };
    let size_right = reading.size == panel.size;
    if size_right {
        score += SIZE_POINTS;
        reasons.push(format!(
            "{measured_size}: {}, just as the panel asks.",
            with_article(reading.size.label())
        ));
    } else {
        if reading.size.steps_from(panel.size) == 1 {
            score += SIZE_ONE_OFF_POINTS;
        }
        let fix = if reading.size < panel.size {
            "move closer or use a longer lens"
        } else {
            "move back or use a wider lens"
        };
        reasons.push(format!(
            "{measured_size}: that is {}. The panel asks for {} — {fix}.",
            with_article(reading.size.label()),
            with_article(panel.size.label())
        ));
    }

    let degrees = reading.angle_deg.abs().round();
    let measured_angle = match reading.angle {
        CameraAngle::High => {
            format!("The camera is {degrees:.0}° above the {who}'s eyes, looking down")
        }
        CameraAngle::Low => {
            format!("The camera is {degrees:.0}° below the {who}'s eyes, looking up")
        }
        CameraAngle::EyeLevel if degrees < 1.0 => {
            format!("The camera is level with the {who}'s eyes")
        }
        CameraAngle::EyeLevel => format!(
            "The camera is only {degrees:.0}° {} the {who}'s eyes",
            if reading.angle_deg > 0.0 {
                "above"
            } else {
                "below"
            }
        ),
    };
    let angle_right = reading.angle == panel.angle;
    if angle_right {
        score += ANGLE_POINTS;
        reasons.push(format!(
            "{measured_angle}: {}, just as the panel asks.",
            with_article(reading.angle.label())
        ));
    } else {
        let fix = match (panel.angle, reading.angle) {
            (CameraAngle::High, _) => "raise the camera above their eyes and look down",
            (CameraAngle::Low, _) => "lower the camera below their eyes and look up",
            (CameraAngle::EyeLevel, CameraAngle::High) => "lower the camera to their eye height",
            (CameraAngle::EyeLevel, _) => "raise the camera to their eye height",
        };
        reasons.push(format!(
            "{measured_angle}: {}. The panel asks for {} — {fix}.",
            with_article(reading.angle.label()),
            with_article(panel.angle.label())
        ));
    }

    let amount = setup.move_amount_m;
    let movement_right = if setup.movement != panel.movement {
        reasons.push(format!(
            "The camera move is {}, but the panel asks for {}. {}",
            with_article(setup.movement.label()),
            with_article(panel.movement.label()),
            panel.movement.description()
        ));
        false
    } else {
        let too_small = match setup.movement {
            CameraMove::Static => None,
            CameraMove::Pan => (!move_reaches(amount, MIN_PAN_DEG)).then(|| {
                format!(
                    "The panel asks for a pan, but the camera turns only {:.1}° — turn it at least {MIN_PAN_DEG:.0}° during the shot.",
                    finite_or_zero(amount).abs()
                )
            }),
            CameraMove::Dolly | CameraMove::Crane => {
                (!move_reaches(amount, MIN_TRAVEL_M)).then(|| {
                    format!(
                        "The panel asks for {}, but the camera travels only {:.2} m — move it at least {MIN_TRAVEL_M} m during the shot.",
                        with_article(setup.movement.label()),
                        finite_or_zero(amount).abs()
                    )
                })
            }
        };
        match too_small {
            Some(reason) => {
                reasons.push(reason);
                false
            }
            None => {
                reasons.push(format!(
                    "The camera move is {}, just as the panel asks.",
                    with_article(setup.movement.label())
                ));
                true
            }
        }
    };
    if movement_right {
        score += MOVEMENT_POINTS;
    }

    let mood = read_mood(&setup.lighting).mood;
    let mood_right = mood == panel.mood;
    if mood_right {
        score += MOOD_POINTS;
        reasons.push(format!(
            "The lighting feels {}, just as the panel asks.",
            mood.label()
        ));
    } else {
        reasons.push(format!(
            "The lighting feels {}, but the panel asks for a {} mood — {}.",
            mood.label(),
            panel.mood.label(),
            panel.mood.lighting_hint()
        ));
    }

    ShotVerdict {
        matches: size_right && angle_right && movement_right && mood_right,
        score,
        reasons,
    }
}

/// "a" or "an" before a label, by its first letter.
fn with_article(label: &str) -> String {
    let article = match label.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    };
    format!("{article} {label}")
}

/// Whether a move amount is a number at least `minimum` either way.
fn move_reaches(amount: f32, minimum: f32) -> bool {
    amount.is_finite() && amount.abs() >= minimum
}

fn finite_or_zero(x: f32) -> f32 {
    if x.is_finite() { x } else { 0.0 }
}

/// How many times [`solve_setup`] refines the camera distance; each pass corrects for the
/// perspective of a tilted camera, and a few passes settle well within a size band.
const SOLVE_PASSES: usize = 8;

/// A setup that meets the panel, for the teacher's "reveal" and for tests.
///
/// The camera stands in front of the subject (along the horizontal part of `facing`, the way
/// they look; +Z if that has none) so it sees their face, with the lens from
/// [`ShotSize::solve_focal_mm`]. Its distance starts from the pinhole rule
/// `fraction = height · f / (distance · sensor height)` for [`ShotSize::solve_height_fraction`]
/// and is refined on the real projection. It sits at [`CameraAngle::solve_elevation_deg`]
/// seen from the subject's eyes and aims at their eyes for a close-up (a face is what a
/// close-up is about) or at the middle of their body otherwise. The move is gentle enough to
/// keep the subject in the frame: a pan of a third of the frame's width, a dolly in by a
/// tenth of the distance, a crane up by a twentieth (at least 0.2 m). The light is
/// [`MoodLighting::preset`] of the panel's mood, and the subject stays at their start.
///
/// An extreme wide low angle (which [`Storyboard::validate`] rejects) comes out below the
/// subject's ground: that is where the geometry puts the camera.
pub fn solve_setup(
    panel: &Panel,
    subject_ground: Vec3,
    subject_height_m: f32,
    facing: Vec3,
) -> ShotSetup {
    let height = if subject_height_m.is_finite() && subject_height_m > 0.0 {
        subject_height_m
    } else {
        DEFAULT_SUBJECT_HEIGHT_M
    };
    let ground = if subject_ground.is_finite() {
        subject_ground
    } else {
        Vec3::ZERO
    };
    let facing = horizontal_unit(facing).unwrap_or(Vec3::Z);
    let focal_mm = panel.size.solve_focal_mm();
    let aim_height = if panel.size == ShotSize::CloseUp {
        EYE_LINE_FRACTION * height
    } else {
        0.5 * height
    };
    let aim = ground + Vec3::Y * aim_height;
    let eyes = ground + Vec3::Y * (EYE_LINE_FRACTION * height);
    let slope = panel.angle.solve_elevation_deg().to_radians().tan();
    let place = |across: f32| eyes + facing * across + Vec3::Y * (across * slope);

    let wanted = panel.size.solve_height_fraction();
    let mut across = height * focal_mm / (wanted * SENSOR_HEIGHT_MM);
    for _ in 0..SOLVE_PASSES {
        let fraction = classify_frame(place(across), aim, focal_mm, ground, height).height_fraction;
        if fraction.is_finite() && fraction > 0.0 {
            across *= fraction / wanted;
        }
    }

    let move_amount_m = match panel.movement {
        CameraMove::Static => 0.0,
        CameraMove::Pan => horizontal_fov_radians(focal_mm).to_degrees() / 3.0,
        CameraMove::Dolly => 0.1 * across,
        CameraMove::Crane => (0.05 * across).max(2.0 * MIN_TRAVEL_M),
    };
    ShotSetup {
        camera: place(across).to_array(),
        aim: aim.to_array(),
        focal_mm,
        movement: panel.movement,
        move_amount_m,
        waypoints: Vec::new(),
        lighting: MoodLighting::preset(panel.mood),
    }
}

// ---------------------------------------------------------------------------------------------
// Mood
// ---------------------------------------------------------------------------------------------

/// Time of day on the previs set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PrevisTime {
    Dawn,
    Day,
    Dusk,
    Night,
}

impl PrevisTime {
    /// Every time of day.
    pub const ALL: [PrevisTime; 4] = [
        PrevisTime::Dawn,
        PrevisTime::Day,
        PrevisTime::Dusk,
        PrevisTime::Night,
    ];

    /// The time in words.
    pub fn label(self) -> &'static str {
        match self {
            PrevisTime::Dawn => "dawn",
            PrevisTime::Day => "day",
            PrevisTime::Dusk => "dusk",
            PrevisTime::Night => "night",
        }
    }

    /// What this time adds to (brightness, tension, mystery) in [`read_mood`]: day is the
    /// brightest; night is dark, a little tense and hides things; dawn and dusk sit between.
    pub fn mood_push(self) -> [f32; 3] {
        match self {
            PrevisTime::Dawn => [0.1, 0.0, 0.1],
            PrevisTime::Day => [0.3, 0.0, 0.0],
            PrevisTime::Dusk => [-0.1, 0.05, 0.1],
            PrevisTime::Night => [-0.4, 0.15, 0.3],
        }
    }
}

/// The colour grade: the overall "look" laid over the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    Warm,
    Neutral,
    TealOrange,
    Desaturated,
    Noir,
    Pastel,
}

impl Grade {
    /// Every grade.
    pub const ALL: [Grade; 6] = [
        Grade::Warm,
        Grade::Neutral,
        Grade::TealOrange,
        Grade::Desaturated,
        Grade::Noir,
        Grade::Pastel,
    ];

    /// The grade in words.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Warm => "warm",
            Grade::Neutral => "neutral",
            Grade::TealOrange => "teal-and-orange",
            Grade::Desaturated => "desaturated",
            Grade::Noir => "noir",
            Grade::Pastel => "pastel",
        }
    }

    /// What this grade adds to (brightness, tension, mystery) in [`read_mood`]: pastel and
    /// warm brighten and relax; desaturated darkens and drains the energy; noir darkens and
    /// tightens; teal-and-orange cools the shadows, a little tense and mysterious.
    pub fn mood_push(self) -> [f32; 3] {
        match self {
            Grade::Warm => [0.2, -0.05, 0.0],
            Grade::Neutral => [0.0, 0.0, 0.0],
            Grade::TealOrange => [-0.05, 0.1, 0.2],
            Grade::Desaturated => [-0.25, -0.1, 0.05],
            Grade::Noir => [-0.4, 0.15, 0.1],
            Grade::Pastel => [0.3, -0.1, 0.0],
        }
    }

    /// What the grade does, in one sentence.
    fn sentence(self) -> &'static str {
        match self {
            Grade::Warm => "The warm grade turns the colours golden and friendly.",
            Grade::Neutral => "The neutral grade keeps the colours true.",
            Grade::TealOrange => {
                "The teal-and-orange grade cools the shadows: modern, dramatic and a little mysterious."
            }
            Grade::Desaturated => "The desaturated grade drains the colour: sad, tired or lonely.",
            Grade::Noir => {
                "The noir grade is nearly black and white with hard contrast: danger and secrets."
            }
            Grade::Pastel => "The pastel grade makes soft candy colours: light and funny.",
        }
    }
}

/// Smallest key-to-fill ratio: 1:1, the fill as strong as the key, no shadows (flat high-key).
pub const MIN_KEY_TO_FILL: f32 = 1.0;
/// Largest key-to-fill ratio: 16:1, shadows almost black (low-key).
pub const MAX_KEY_TO_FILL: f32 = 16.0;
/// Warmest light in kelvin (candle flame).
pub const MIN_COLOR_TEMP_K: f32 = 2000.0;
/// Coolest light in kelvin (deep blue shade).
pub const MAX_COLOR_TEMP_K: f32 = 10000.0;
/// Neither warm nor cool: daylight, 5600 K.
pub const NEUTRAL_COLOR_TEMP_K: f32 = 5600.0;
/// Kelvin from neutral to fully warm (2000 K) or fully cool (9200 K and above).
const WARMTH_SPAN_K: f32 = 3600.0;

/// The lighting controls the player sets for a shot.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoodLighting {
    /// How much brighter the key light is than the fill, as N in "N:1" ([`MIN_KEY_TO_FILL`]
    /// to [`MAX_KEY_TO_FILL`]). 1 is flat high-key light; a high ratio leaves deep shadows.
    pub key_to_fill: f32,
    /// Colour temperature in kelvin ([`MIN_COLOR_TEMP_K`] to [`MAX_COLOR_TEMP_K`]): low is
    /// warm orange, high is cool blue.
    pub color_temp_k: f32,
    pub time: PrevisTime,
    /// Fog density, 0 (clear) to 1 (thick).
    pub fog: f32,
    pub grade: Grade,
}

impl Default for MoodLighting {
    /// Neutral daylight: soft 2:1 light at 5600 K, clear air, a neutral grade. It reads as
    /// calm, so an untouched shot has a mood but rarely the one a dramatic panel asks for.
    fn default() -> Self {
        Self {
            key_to_fill: 2.0,
            color_temp_k: NEUTRAL_COLOR_TEMP_K,
            time: PrevisTime::Day,
            fog: 0.0,
            grade: Grade::Neutral,
        }
    }
}

impl MoodLighting {
    /// The controls kept within their ranges; a value that is not a number takes the
    /// default's.
    pub fn clamped(&self) -> Self {
        let default = Self::default();
        let keep = |value: f32, fallback: f32, low: f32, high: f32| {
            if value.is_nan() {
                fallback
            } else {
                value.clamp(low, high)
            }
        };
        Self {
            key_to_fill: keep(
                self.key_to_fill,
                default.key_to_fill,
                MIN_KEY_TO_FILL,
                MAX_KEY_TO_FILL,
            ),
            color_temp_k: keep(
                self.color_temp_k,
                default.color_temp_k,
                MIN_COLOR_TEMP_K,
                MAX_COLOR_TEMP_K,
            ),
            time: self.time,
            fog: keep(self.fog, default.fog, 0.0, 1.0),
            grade: self.grade,
        }
    }

    /// A typical lighting for each mood; [`read_mood`] reads each one back as its mood.
    pub fn preset(mood: Mood) -> Self {
        let (key_to_fill, color_temp_k, time, fog, grade) = match mood {
            Mood::Joyful => (1.5, 4300.0, PrevisTime::Day, 0.0, Grade::Warm),
            Mood::Tense => (8.0, 7500.0, PrevisTime::Night, 0.1, Grade::Noir),
            Mood::Mysterious => (4.0, 8000.0, PrevisTime::Dusk, 0.6, Grade::TealOrange),
            Mood::Melancholy => (2.0, 7000.0, PrevisTime::Dusk, 0.1, Grade::Desaturated),
            Mood::Calm => (
                2.0,
                NEUTRAL_COLOR_TEMP_K,
                PrevisTime::Dawn,
                0.1,
                Grade::Neutral,
            ),
        };
        Self {
            key_to_fill,
            color_temp_k,
            time,
            fog,
            grade,
        }
    }
}

/// The centre of each mood in (brightness, tension, mystery) space; [`read_mood`] picks the
/// nearest. Joyful is bright and relaxed; calm fairly bright and the most relaxed; tense dark
/// and tight; mysterious dark-ish and full of hidden things; melancholy dark but low in
/// tension and mystery (drained rather than frightened).
pub const MOOD_CENTROIDS: [(Mood, [f32; 3]); 5] = [
    (Mood::Joyful, [0.8, 0.1, 0.05]),
    (Mood::Calm, [0.35, 0.1, 0.15]),
    (Mood::Tense, [-0.8, 0.85, 0.45]),
    (Mood::Mysterious, [-0.4, 0.55, 0.75]),
    (Mood::Melancholy, [-0.3, 0.2, 0.2]),
];

/// Weight of contrast in brightness: flat light adds this much, 16:1 takes it away.
const CONTRAST_BRIGHTNESS: f32 = 0.4;
/// Weight of warmth in brightness (warm adds, cool takes away).
const WARMTH_BRIGHTNESS: f32 = 0.15;
/// Brightness fog takes away at full density: it greys the picture.
const FOG_BRIGHTNESS: f32 = 0.2;
/// Weight of contrast in tension: hard shadows hide threats.
const CONTRAST_TENSION: f32 = 0.6;
/// Weight of coolness (only below neutral warmth) in tension: cold light feels uneasy.
const COOLNESS_TENSION: f32 = 0.3;
/// Weight of fog in mystery: what you cannot see makes you wonder.
const FOG_MYSTERY: f32 = 0.6;
/// Weight of contrast in mystery: deep shadows hide things too.
const CONTRAST_MYSTERY: f32 = 0.1;

/// How a lighting setup feels.
#[derive(Clone, Debug, PartialEq)]
pub struct MoodReading {
    /// The mood whose centre in [`MOOD_CENTROIDS`] is nearest.
    pub mood: Mood,
    /// −1 dark and suspenseful … +1 bright and funny.
    pub brightness: f32,
    /// 0 relaxed … 1 on edge.
    pub tension: f32,
    /// 0 nothing hidden … 1 full of secrets.
    pub mystery: f32,
    /// One sentence per control, then the overall feeling.
    pub reasons: Vec<String>,
}

/// Reads how a lighting setup feels, by a simple mapping a student can follow. With the
/// controls clamped, `contrast = log2(key_to_fill) / 4` (0 at 1:1, 1 at 16:1) and
/// `warmth = (5600 K − temperature) / 3600 K` limited to −1..=1 (positive warm, negative
/// cool; `coolness` is its negative part):
///
/// * brightness = 0.4·(1 − 2·contrast) + 0.15·warmth − 0.2·fog + time + grade, in −1..=1
/// * tension = 0.6·contrast + 0.3·coolness + time + grade, in 0..=1
/// * mystery = 0.6·fog + 0.1·contrast + time + grade, in 0..=1
///
/// where "time" and "grade" are the [`PrevisTime::mood_push`] and [`Grade::mood_push`]
/// entries. So high-key light, warm colour, daytime and pastel or warm grades push
/// brightness up; a high ratio, night and noir or desaturated grades push it down; a high
/// ratio and cool light raise tension; fog, night and teal raise mystery. The mood is the
/// nearest of [`MOOD_CENTROIDS`].
pub fn read_mood(lighting: &MoodLighting) -> MoodReading {
    let light = lighting.clamped();
    let contrast = light.key_to_fill.log2() / 4.0;
    let warmth = ((NEUTRAL_COLOR_TEMP_K - light.color_temp_k) / WARMTH_SPAN_K).clamp(-1.0, 1.0);
    let coolness = (-warmth).max(0.0);
    let [time_b, time_t, time_m] = light.time.mood_push();
    let [grade_b, grade_t, grade_m] = light.grade.mood_push();

    let brightness = (CONTRAST_BRIGHTNESS * (1.0 - 2.0 * contrast) + WARMTH_BRIGHTNESS * warmth
        - FOG_BRIGHTNESS * light.fog
        + time_b
        + grade_b)
        .clamp(-1.0, 1.0);
    let tension = (CONTRAST_TENSION * contrast + COOLNESS_TENSION * coolness + time_t + grade_t)
        .clamp(0.0, 1.0);
    let mystery =
        (FOG_MYSTERY * light.fog + CONTRAST_MYSTERY * contrast + time_m + grade_m).clamp(0.0, 1.0);

    let point = Vec3::new(brightness, tension, mystery);
    let mood = MOOD_CENTROIDS
        .iter()
        .map(|(mood, centre)| (*mood, point.distance_squared(Vec3::from(*centre))))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(Mood::Calm, |(mood, _)| mood);

    let ratio = format_ratio(light.key_to_fill);
    let mut reasons = Vec::with_capacity(6);
    reasons.push(if light.key_to_fill <= 2.0 {
        format!(
            "A key-to-fill ratio of {ratio} fills in the shadows: high-key, bright and cheerful."
        )
    } else if light.key_to_fill < 6.0 {
        format!("A key-to-fill ratio of {ratio} gives gentle shadows: a natural, balanced look.")
    } else {
        format!("A key-to-fill ratio of {ratio} leaves deep shadows: low-key, suspenseful.")
    });
    let kelvin = light.color_temp_k.round();
    reasons.push(if light.color_temp_k <= 4500.0 {
        format!("Light at {kelvin:.0} K is warm and orange, like a candle or a sunset: cosy and friendly.")
    } else if light.color_temp_k < 6500.0 {
        format!("Light at {kelvin:.0} K is neutral, like daylight.")
    } else {
        format!("Light at {kelvin:.0} K is cold and blue: lonely or uneasy.")
    });
    reasons.push(
        match light.time {
            PrevisTime::Dawn => "Dawn light is soft and new: quiet, hopeful, a little mysterious.",
            PrevisTime::Day => "Daylight shows everything clearly: open and bright.",
            PrevisTime::Dusk => "Dusk light fades and stretches the shadows: the day is ending.",
            PrevisTime::Night => {
                "Night hides the edges of the set in darkness: anything could be out there."
            }
        }
        .to_string(),
    );
    let fog_percent = (100.0 * light.fog).round();
    if light.fog >= 0.3 {
        reasons.push(format!(
            "Thick fog ({fog_percent:.0}%) hides what is far away: mysterious."
        ));
    } else if light.fog > 0.05 {
        reasons.push(format!(
            "A little haze ({fog_percent:.0}%) softens the distance."
        ));
    }
    reasons.push(light.grade.sentence().to_string());
    reasons.push(format!(
        "Altogether the light feels {}. {}",
        mood.label(),
        mood.feeling()
    ));

    MoodReading {
        mood,
        brightness,
        tension,
        mystery,
        reasons,
    }
}

/// "8:1", or "1.5:1" for a ratio between whole numbers.
fn format_ratio(ratio: f32) -> String {
    if (ratio - ratio.round()).abs() < 0.05 {
        format!("{:.0}:1", ratio.round())
    } else {
        format!("{ratio:.1}:1")
    }
}

// ---------------------------------------------------------------------------------------------
// Animatic and sequence score
// ---------------------------------------------------------------------------------------------

/// When one panel plays in the animatic.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AnimaticCue {
    /// Index of the panel in its storyboard.
    pub panel: usize,
    pub start_s: f32,
    pub end_s: f32,
}

/// The panels back to back, in order, from 0 s: each cue starts where the one before ends,
/// because an animatic is about how the shots flow into each other. A panel whose length is
/// not a positive number gets no time.
pub fn animatic_timeline(panels: &[Panel]) -> Vec<AnimaticCue> {
    let mut start_s = 0.0;
    panels
        .iter()
        .enumerate()
        .map(|(panel, p)| {
            let length = if p.seconds.is_finite() && p.seconds > 0.0 {
                p.seconds
            } else {
                0.0
            };
            let cue = AnimaticCue {
                panel,
                start_s,
                end_s: start_s + length,
            };
            start_s = cue.end_s;
            cue
        })
        .collect()
}

/// The whole animatic's length in seconds.
pub fn animatic_length(timeline: &[AnimaticCue]) -> f32 {
    timeline.last().map_or(0.0, |cue| cue.end_s)
}

/// Which panel plays at `t_s` seconds and how far through it (0..1). A cue owns its start but
/// not its end, so at a cut the next shot shows; the very end of the animatic still shows the
/// last shot, at 1. Before the start, after the end, or not a number: `None`.
pub fn cue_at(timeline: &[AnimaticCue], t_s: f32) -> Option<(usize, f32)> {
    if t_s.is_nan() || t_s < 0.0 {
        return None;
    }
    let within = |cue: &AnimaticCue| (t_s - cue.start_s) / (cue.end_s - cue.start_s);
    if let Some(cue) = timeline
        .iter()
        .find(|cue| cue.start_s <= t_s && t_s < cue.end_s)
    {
        return Some((cue.panel, within(cue)));
    }
    let last = timeline.iter().rev().find(|cue| cue.end_s > cue.start_s)?;
    (t_s <= last.end_s).then_some((last.panel, 1.0))
}

/// Points taken off the average for each revision beyond the free ones.
pub const EXTRA_REVISION_COST: f32 = 2.0;
/// Average needed for three stars.
pub const THREE_STARS_AT: f32 = 85.0;
/// Average needed for two stars.
pub const TWO_STARS_AT: f32 = 65.0;

/// The grade for a whole sequence.
#[derive(Clone, Debug, PartialEq)]
pub struct SequenceScore {
    /// Each composed shot's score, in panel order.
    pub shot_scores: Vec<u8>,
    /// Mean shot score (a shot never composed counts 0) less the revision cost, 0 to 100.
    pub average: f32,
    pub revisions: u32,
    /// 0 to 3.
    pub stars: u8,
    /// One or two sentences for the player, mentioning the revisions.
    pub summary: String,
}

/// Grades a sequence from its shot scores and how many times the player revised a shot.
///
/// Draft, test and revise is the point of previs, so each panel brings one free revision;
/// each revision beyond those costs [`EXTRA_REVISION_COST`] points off the average, which
/// never goes below 0. `shot_scores` holds the composed shots in panel order (scores above
/// `panel_count` are ignored; scores above 100 count as 100). Stars: 3 at an average of
/// [`THREE_STARS_AT`] or more, 2 at [`TWO_STARS_AT`] or more, 1 otherwise; 0 when any panel
/// has no shot yet (or there are no panels), because an animatic with holes cannot be shown.
pub fn score_sequence(shot_scores: &[u8], revisions: u32, panel_count: usize) -> SequenceScore {
    let composed: Vec<u8> = shot_scores
        .iter()
        .take(panel_count)
        .map(|s| (*s).min(100))
        .collect();
    let missing = panel_count - composed.len();
    let total: u32 = composed.iter().map(|s| u32::from(*s)).sum();
    let raw_average = if panel_count == 0 {
        0.0
    } else {
        total as f32 / panel_count as f32
    };
    let free = u32::try_from(panel_count).unwrap_or(u32::MAX);
    let extra = revisions.saturating_sub(free);
    let cost = EXTRA_REVISION_COST * extra as f32;
    let average = (raw_average - cost).max(0.0);
    let stars = if panel_count == 0 || missing > 0 {
        0
    } else if average >= THREE_STARS_AT {
        3
    } else if average >= TWO_STARS_AT {
        2
    } else {
        1
    };

    let revised = format!(
        "You revised {revisions} time{}",
        if revisions == 1 { "" } else { "s" }
    );
    let summary = if panel_count == 0 {
        "There are no panels to shoot yet.".to_string()
    } else if missing > 0 {
        format!(
            "{missing} of {panel_count} shots are not composed yet, so the sequence earns \
             no stars. {revised} so far."
        )
    } else if extra == 0 {
        format!(
            "Your shots average {average:.0} out of 100. {revised}, all free (one per \
             panel): testing and revising is what previs is for. {stars} star{}.",
            if stars == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "Your shots average {raw_average:.0} out of 100. {revised}: {free} free (one \
             per panel) and {extra} extra, which cost {cost:.0} points, so the sequence \
             scores {average:.0}. {stars} star{}.",
            if stars == 1 { "" } else { "s" }
        )
    };

    SequenceScore {
        shot_scores: composed,
        average,
        revisions,
        stars,
        summary,
    }
}

#[cfg(test)]
mod move_end_tests {
    use super::*;

    fn actor() -> Character {
        Character {
            id: "actor".into(),
            name: "The actor".into(),
            height_m: 1.8,
            color: [0.5; 3],
            start: [0.0, 0.0],
        }
    }

    #[test]
    fn a_move_that_keeps_the_subject_passes_and_one_that_loses_them_says_so() {
        let mut setup = ShotSetup::default();
        assert_eq!(check_move_end(&setup, &actor()), None);
        // A 90° pan turns the camera right away from the actor.
        setup.movement = CameraMove::Pan;
        setup.move_amount_m = 90.0;
        let reason = check_move_end(&setup, &actor()).expect("the pan loses the actor");
        assert!(reason.contains("The actor has left the frame"), "{reason}");
        // Walking far off to the side loses them too, even with a still camera.
        let walk = ShotSetup {
            waypoints: vec![[25.0, 0.0]],
            ..ShotSetup::default()
        };
        assert!(
            check_move_end(&walk, &actor())
                .expect("walked off")
                .contains("the walk")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Height of the test subject, in metres.
    const H: f32 = 1.8;

    fn close(a: f32, b: f32, tolerance: f32) -> bool {
        (a - b).abs() <= tolerance
    }

    fn close_vec(a: Vec3, b: Vec3) -> bool {
        a.distance(b) <= 1e-4
    }

    fn panel(size: ShotSize, angle: CameraAngle, movement: CameraMove, mood: Mood) -> Panel {
        Panel {
            title: "Test".to_string(),
            action: "Something happens.".to_string(),
            size,
            angle,
            subject: "hero".to_string(),
            movement,
            mood,
            seconds: 3.0,
        }
    }

    fn setup_at(camera: Vec3, aim: Vec3, focal_mm: f32) -> ShotSetup {
        ShotSetup {
            camera: camera.to_array(),
            aim: aim.to_array(),
            focal_mm,
            ..ShotSetup::default()
        }
    }

    /// A camera at the subject's mid-height looking level at their middle from `distance`:
    /// then feet and head are at the same depth and the fraction is exactly the pinhole rule.
    fn level_reading(distance: f32, focal_mm: f32) -> ShotReading {
        classify_frame(
            Vec3::new(0.0, 0.5 * H, distance),
            Vec3::new(0.0, 0.5 * H, 0.0),
            focal_mm,
            Vec3::ZERO,
            H,
        )
    }

    /// The distance at which [`level_reading`] gives `fraction`.
    fn distance_for_fraction(fraction: f32, focal_mm: f32) -> f32 {
        H * focal_mm / (fraction * SENSOR_HEIGHT_MM)
    }

    /// A camera `elevation_deg` above the subject's eye line (seen from their eyes), 5 m away.
    fn camera_at_elevation(elevation_deg: f32) -> Vec3 {
        let across = 5.0;
        Vec3::new(
            0.0,
            EYE_LINE_FRACTION * H + across * elevation_deg.to_radians().tan(),
            across,
        )
    }

    // ---- classification -------------------------------------------------------------------

    #[test]
    fn fields_of_view_follow_the_super_35_sensor() {
        assert!(close(
            vertical_fov_radians(50.0),
            2.0 * (18.66f32 / 100.0).atan(),
            1e-6
        ));
        assert!(close(
            horizontal_fov_radians(50.0),
            2.0 * (24.89f32 / 100.0).atan(),
            1e-6
        ));
        // The lens is kept within 12..=200 mm.
        assert_eq!(vertical_fov_radians(5.0), vertical_fov_radians(12.0));
        assert_eq!(vertical_fov_radians(500.0), vertical_fov_radians(200.0));
        assert_eq!(clamp_focal_mm(f32::NAN), DEFAULT_FOCAL_MM);
        assert_eq!(clamp_focal_mm(12.0), 12.0);
        assert_eq!(clamp_focal_mm(11.9), 12.0);
    }

    #[test]
    fn a_level_camera_measures_the_pinhole_fraction() {
        let reading = level_reading(4.0, 50.0);
        assert!(close(
            reading.height_fraction,
            H * 50.0 / (4.0 * SENSOR_HEIGHT_MM),
            1e-5
        ));
        assert!(close(reading.distance_m, 4.0, 1e-5));
        assert!(reading.in_frame);
        // 1.8 m × 50 mm / (4 m × 18.66 mm) = 1.21: about the waist up.
        assert_eq!(reading.size, ShotSize::Medium);
    }

    #[test]
    fn size_bands_start_exactly_at_their_thresholds() {
        use ShotSize::*;
        assert_eq!(ShotSize::from_height_fraction(0.0), ExtremeWide);
        assert_eq!(
            ShotSize::from_height_fraction(0.15f32.next_down()),
            ExtremeWide
        );
        assert_eq!(ShotSize::from_height_fraction(0.15), Wide);
        assert_eq!(ShotSize::from_height_fraction(0.9f32.next_down()), Wide);
        assert_eq!(ShotSize::from_height_fraction(0.9), Medium);
        assert_eq!(ShotSize::from_height_fraction(2.5f32.next_down()), Medium);
        assert_eq!(ShotSize::from_height_fraction(2.5), CloseUp);
        assert_eq!(ShotSize::from_height_fraction(40.0), CloseUp);
        assert_eq!(ShotSize::from_height_fraction(f32::NAN), ExtremeWide);
    }

    #[test]
    fn camera_distance_just_either_side_of_each_size_threshold() {
        use ShotSize::*;
        let thresholds = [
            (EXTREME_WIDE_BELOW, ExtremeWide, Wide),
            (WIDE_BELOW, Wide, Medium),
            (MEDIUM_BELOW, Medium, CloseUp),
        ];
        for (threshold, below, above) in thresholds {
            for focal_mm in [24.0, 85.0] {
                let farther =
                    level_reading(distance_for_fraction(threshold * 0.999, focal_mm), focal_mm);
                let nearer =
                    level_reading(distance_for_fraction(threshold * 1.001, focal_mm), focal_mm);
                assert!(
                    farther.height_fraction < threshold
                        && farther.height_fraction > threshold * 0.998,
                    "{threshold} at {focal_mm} mm: {}",
                    farther.height_fraction
                );
                assert!(
                    nearer.height_fraction >= threshold
                        && nearer.height_fraction < threshold * 1.002,
                    "{threshold} at {focal_mm} mm: {}",
                    nearer.height_fraction
                );
                assert_eq!(farther.size, below, "{threshold} at {focal_mm} mm");
                assert_eq!(nearer.size, above, "{threshold} at {focal_mm} mm");
                assert!(farther.in_frame && nearer.in_frame);
            }
        }
    }

    #[test]
    fn a_longer_lens_makes_the_same_shot_tighter() {
        let wide_lens = level_reading(3.0, 24.0);
        let long_lens = level_reading(3.0, 100.0);
        assert!(close(
            long_lens.height_fraction / wide_lens.height_fraction,
            100.0 / 24.0,
            1e-4
        ));
    }

    #[test]
    fn angle_bands_start_just_past_ten_degrees() {
        use CameraAngle::*;
        assert_eq!(CameraAngle::from_elevation_deg(10.0), EyeLevel);
        assert_eq!(CameraAngle::from_elevation_deg(10.0f32.next_up()), High);
        assert_eq!(CameraAngle::from_elevation_deg(-10.0), EyeLevel);
        assert_eq!(CameraAngle::from_elevation_deg((-10.0f32).next_down()), Low);
        assert_eq!(CameraAngle::from_elevation_deg(0.0), EyeLevel);
    }

    #[test]
    fn camera_elevation_just_either_side_of_each_angle_threshold() {
        use CameraAngle::*;
        for (elevation, expected) in [
            (9.9, EyeLevel),
            (10.1, High),
            (-9.9, EyeLevel),
            (-10.1, Low),
        ] {
            let reading = classify_frame(
                camera_at_elevation(elevation),
                Vec3::new(0.0, 0.5 * H, 0.0),
                35.0,
                Vec3::ZERO,
                H,
            );
            assert!(
                close(reading.angle_deg, elevation, 1e-3),
                "{elevation}: measured {}",
                reading.angle_deg
            );
            assert_eq!(reading.angle, expected, "{elevation}");
            assert!(reading.in_frame);
        }
    }

    #[test]
    fn the_reading_does_not_depend_on_where_the_scene_stands() {
        let shift = Vec3::new(7.0, 0.0, -3.0);
        let eye = camera_at_elevation(25.0);
        let aim = Vec3::new(0.3, 0.8, 0.0);
        let here = classify_frame(eye, aim, 40.0, Vec3::ZERO, H);
        let there = classify_frame(eye + shift, aim + shift, 40.0, shift, H);
        assert!(close(here.height_fraction, there.height_fraction, 1e-4));
        assert!(close(here.angle_deg, there.angle_deg, 1e-3));
        assert!(close(here.distance_m, there.distance_m, 1e-4));
        assert_eq!(here.angle, CameraAngle::High);
    }

    #[test]
    fn a_subject_just_inside_or_outside_the_side_of_the_frame() {
        let distance = 6.0;
        let edge = distance * SENSOR_WIDTH_MM / (2.0 * 35.0);
        let camera = Vec3::new(0.0, 0.5 * H, distance);
        let aim = Vec3::new(0.0, 0.5 * H, 0.0);
        let inside = classify_frame(camera, aim, 35.0, Vec3::new(0.99 * edge, 0.0, 0.0), H);
        let outside = classify_frame(camera, aim, 35.0, Vec3::new(1.01 * edge, 0.0, 0.0), H);
        assert!(inside.in_frame);
        assert!(!outside.in_frame);
        let left = classify_frame(camera, aim, 35.0, Vec3::new(-1.01 * edge, 0.0, 0.0), H);
        assert!(!left.in_frame);
    }

    #[test]
    fn a_subject_behind_the_camera_is_not_in_the_frame() {
        // The camera looks away from the subject, along +Z.
        let reading = classify_frame(
            Vec3::new(0.0, 0.9, 6.0),
            Vec3::new(0.0, 0.9, 12.0),
            35.0,
            Vec3::ZERO,
            H,
        );
        assert!(!reading.in_frame);
        assert_eq!(reading.height_fraction, 0.0);
        assert!(close(reading.distance_m, 6.0, 1e-5));
    }

    #[test]
    fn a_subject_off_to_the_side_is_not_in_the_frame() {
        // Aimed 60° away from the subject; a 35 mm lens sees about 20° either side.
        let camera = Vec3::new(0.0, 0.9, 6.0);
        let away = Vec3::new(60f32.to_radians().sin(), 0.0, -60f32.to_radians().cos());
        let reading = classify_frame(camera, camera + away, 35.0, Vec3::ZERO, H);
        assert!(!reading.in_frame);
        assert!(reading.height_fraction > 0.0);
    }

    #[test]
    fn a_close_up_on_the_eyes_is_in_the_frame_but_one_on_the_feet_is_not() {
        let eyes = Vec3::new(0.0, EYE_LINE_FRACTION * H, 0.0);
        let face = classify_frame(eyes + Vec3::Z * 1.2, eyes, 85.0, Vec3::ZERO, H);
        assert_eq!(face.size, ShotSize::CloseUp);
        assert!(
            face.in_frame,
            "the eyes count even when the middle is cropped out"
        );
        let feet = classify_frame(Vec3::new(0.0, 0.3, 1.0), Vec3::ZERO, 85.0, Vec3::ZERO, H);
        assert!(!feet.in_frame);
    }

    #[test]
    fn only_the_part_in_front_of_the_near_plane_is_measured() {
        let projection = Mat4::perspective_rh(
            vertical_fov_radians(50.0),
            FRAME_ASPECT,
            NEAR_PLANE_M,
            FAR_PLANE_M,
        );
        let tan_half = (0.5 * vertical_fov_radians(50.0)).tan();
        // From (0, 0, -1) in front to (0, 1, 1) behind: cut at z = -0.05, y = 0.475.
        let fraction = projected_height_fraction(
            &projection,
            Vec3::new(0.0, 0.0, -1.0),
            Vec3::new(0.0, 1.0, 1.0),
        );
        assert!(
            close(fraction, 0.5 * (0.475 / 0.05) / tan_half, 1e-3),
            "{fraction}"
        );
        let swapped = projected_height_fraction(
            &projection,
            Vec3::new(0.0, 1.0, 1.0),
            Vec3::new(0.0, 0.0, -1.0),
        );
        assert!(close(fraction, swapped, 1e-4));
        let both_behind = projected_height_fraction(
            &projection,
            Vec3::new(0.0, 0.0, 1.0),
            Vec3::new(0.0, 1.0, 2.0),
        );
        assert_eq!(both_behind, 0.0);
    }

    #[test]
    fn looking_straight_down_or_with_broken_numbers_still_gives_a_reading() {
        let down = classify_frame(Vec3::new(0.0, 10.0, 0.0), Vec3::ZERO, 35.0, Vec3::ZERO, H);
        assert!(down.in_frame);
        assert!(close(down.angle_deg, 90.0, 1e-3));
        assert!(down.height_fraction.is_finite());
        let broken = classify_frame(Vec3::NAN, Vec3::ZERO, 35.0, Vec3::ZERO, H);
        assert!(!broken.in_frame);
        assert_eq!(broken.height_fraction, 0.0);
    }

    // ---- checking a shot ------------------------------------------------------------------

    #[test]
    fn a_deliberately_wrong_size_fails_and_says_why() {
        let asked = panel(
            ShotSize::CloseUp,
            CameraAngle::EyeLevel,
            CameraMove::Static,
            Mood::Calm,
        );
        let distance = distance_for_fraction(0.2, 35.0);
        let mut setup = setup_at(
            Vec3::new(0.0, 0.5 * H, distance),
            Vec3::new(0.0, 0.5 * H, 0.0),
            35.0,
        );
        setup.lighting = MoodLighting::preset(Mood::Calm);
        let reading = classify(&setup, Vec3::ZERO, H);
        assert_eq!(reading.size, ShotSize::Wide);
        let verdict = check_shot(&asked, &setup, &reading);
        assert!(!verdict.matches);
        assert_eq!(
            verdict.reasons[0],
            "The hero fills 20% of the frame height: that is a wide shot. The panel asks for a close-up — move closer or use a longer lens."
        );
        // Two sizes off: no size points; angle, move and mood right.
        assert_eq!(verdict.score, ANGLE_POINTS + MOVEMENT_POINTS + MOOD_POINTS);
        assert_eq!(verdict.score, 60);
    }

    #[test]
    fn one_size_off_earns_part_of_the_size_points() {
        let asked = panel(
            ShotSize::Medium,
            CameraAngle::EyeLevel,
            CameraMove::Static,
            Mood::Calm,
        );
        let distance = distance_for_fraction(0.5, 35.0);
        let mut setup = setup_at(
            Vec3::new(0.0, 0.5 * H, distance),
            Vec3::new(0.0, 0.5 * H, 0.0),
            35.0,
        );
        setup.lighting = MoodLighting::preset(Mood::Calm);
        let verdict = check_shot(&asked, &setup, &classify(&setup, Vec3::ZERO, H));
        assert_eq!(verdict.score, 15 + 25 + 15 + 20);
        assert!(
            verdict.reasons[0].contains("wide shot")
                && verdict.reasons[0].contains("a medium shot")
        );
        // Too big a subject asks to move back instead.
        let wide = panel(
            ShotSize::Wide,
            CameraAngle::EyeLevel,
            CameraMove::Static,
            Mood::Calm,
        );
        let near = setup_at(
            Vec3::new(0.0, 0.5 * H, distance_for_fraction(1.5, 35.0)),
            Vec3::new(0.0, 0.5 * H, 0.0),
            35.0,
        );
        let verdict = check_shot(&wide, &near, &classify(&near, Vec3::ZERO, H));
        assert_eq!(
            verdict.reasons[0],
            "The hero is 1.5 times as tall as the frame, so only part of them fits: that is a medium shot. The panel asks for a wide shot — move back or use a wider lens."
        );
    }

    #[test]
    fn a_wrong_angle_says_how_far_and_which_way() {
        let asked = panel(
            ShotSize::Wide,
            CameraAngle::Low,
            CameraMove::Static,
            Mood::Calm,
        );
        let mut setup = setup_at(
            camera_at_elevation(24.0),
            Vec3::new(0.0, 0.5 * H, 0.0),
            24.0,
        );
        setup.lighting = MoodLighting::preset(Mood::Calm);
        let reading = classify(&setup, Vec3::ZERO, H);
        assert_eq!(reading.size, ShotSize::Wide);
        let verdict = check_shot(&asked, &setup, &reading);
        assert!(!verdict.matches);
        assert_eq!(
            verdict.reasons[1],
            "The camera is 24° above the hero's eyes, looking down: a high angle. The panel asks for a low angle — lower the camera below their eyes and look up."
        );
        assert_eq!(verdict.score, SIZE_POINTS + MOVEMENT_POINTS + MOOD_POINTS);
    }

    #[test]
    fn a_wrong_or_too_small_move_and_a_wrong_mood_are_explained() {
        let asked = panel(
            ShotSize::Wide,
            CameraAngle::EyeLevel,
            CameraMove::Dolly,
            Mood::Tense,
        );
        let mut setup = solve_setup(&asked, Vec3::ZERO, H, Vec3::Z);
        let reading = classify(&setup, Vec3::ZERO, H);
        assert!(check_shot(&asked, &setup, &reading).matches);

        setup.movement = CameraMove::Pan;
        let verdict = check_shot(&asked, &setup, &reading);
        assert!(!verdict.matches);
        assert_eq!(verdict.score, 100 - MOVEMENT_POINTS);
        assert_eq!(
            verdict.reasons[2],
            format!(
                "The camera move is a pan, but the panel asks for a dolly. {}",
                CameraMove::Dolly.description()
            )
        );

        setup.movement = CameraMove::Dolly;
        setup.move_amount_m = 0.05;
        let verdict = check_shot(&asked, &setup, &reading);
        assert!(!verdict.matches);
        assert!(
            verdict.reasons[2].contains("only 0.05 m"),
            "{}",
            verdict.reasons[2]
        );
        setup.move_amount_m = -MIN_TRAVEL_M;
        assert!(
            check_shot(&asked, &setup, &reading).matches,
            "pulling back counts too"
        );

        setup.lighting = MoodLighting::preset(Mood::Joyful);
        let verdict = check_shot(&asked, &setup, &reading);
        assert!(!verdict.matches);
        assert_eq!(verdict.score, 100 - MOOD_POINTS);
        assert!(
            verdict.reasons[3]
                .starts_with("The lighting feels joyful, but the panel asks for a tense mood")
        );
    }

    #[test]
    fn a_pan_must_turn_at_least_two_degrees() {
        let asked = panel(
            ShotSize::Medium,
            CameraAngle::EyeLevel,
            CameraMove::Pan,
            Mood::Calm,
        );
        let mut setup = solve_setup(&asked, Vec3::ZERO, H, Vec3::Z);
        let reading = classify(&setup, Vec3::ZERO, H);
        setup.move_amount_m = MIN_PAN_DEG;
        assert!(check_shot(&asked, &setup, &reading).matches);
        setup.move_amount_m = MIN_PAN_DEG.next_down();
        assert!(!check_shot(&asked, &setup, &reading).matches);
    }

    #[test]
    fn out_of_frame_scores_nothing() {
        let asked = panel(
            ShotSize::Wide,
            CameraAngle::EyeLevel,
            CameraMove::Static,
            Mood::Calm,
        );
        let setup = setup_at(Vec3::new(0.0, 0.9, 6.0), Vec3::new(0.0, 0.9, 12.0), 35.0);
        let verdict = check_shot(&asked, &setup, &classify(&setup, Vec3::ZERO, H));
        assert!(!verdict.matches);
        assert_eq!(verdict.score, 0);
        assert_eq!(
            verdict.reasons,
            vec!["The hero is not in the frame — aim the camera at them."]
        );
    }

    #[test]
    fn solved_setups_meet_every_combination_of_panel() {
        let ground = Vec3::new(4.0, 0.0, -3.0);
        let height = 1.75;
        let facing = Vec3::new(1.0, 0.3, 2.0);
        for size in ShotSize::ALL {
            for angle in CameraAngle::ALL {
                for movement in CameraMove::ALL {
                    for mood in Mood::ALL {
                        let asked = panel(size, angle, movement, mood);
                        let setup = solve_setup(&asked, ground, height, facing);
                        let reading = classify(&setup, ground, height);
                        let verdict = check_shot(&asked, &setup, &reading);
                        assert!(
                            verdict.matches,
                            "{size:?} {angle:?} {movement:?} {mood:?}: {:?}",
                            verdict.reasons
                        );
                        assert_eq!(verdict.score, 100);
                        let camera = Vec3::from(setup.camera);
                        assert!(
                            (camera - ground).dot(facing) > 0.0,
                            "the camera is in front of the subject"
                        );
                        if !(size == ShotSize::ExtremeWide && angle == CameraAngle::Low) {
                            assert!(camera.y >= 0.2, "{size:?} {angle:?}: camera at {camera}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn solved_moves_keep_the_subject_framed_to_the_end() {
        let ground = Vec3::new(-2.0, 0.0, 5.0);
        for size in ShotSize::ALL {
            for angle in CameraAngle::ALL {
                for movement in CameraMove::ALL {
                    let asked = panel(size, angle, movement, Mood::Calm);
                    let setup = solve_setup(&asked, ground, H, Vec3::NEG_X);
                    for step in 0..=10 {
                        let (eye, target) = camera_at(&setup, step as f32 / 10.0);
                        let reading = classify_frame(eye, target, setup.focal_mm, ground, H);
                        assert!(
                            reading.in_frame,
                            "{size:?} {angle:?} {movement:?} at {step}/10"
                        );
                        assert_eq!(
                            reading.size, size,
                            "{size:?} {angle:?} {movement:?} at {step}/10"
                        );
                    }
                }
            }
        }
    }

    // ---- camera moves and blocking --------------------------------------------------------

    #[test]
    fn ease_in_out_starts_and_stops_gently() {
        assert_eq!(ease_in_out(0.0), 0.0);
        assert_eq!(ease_in_out(1.0), 1.0);
        assert_eq!(ease_in_out(0.5), 0.5);
        assert!(close(ease_in_out(0.25), 0.156_25, 1e-6));
        assert_eq!(ease_in_out(-1.0), 0.0);
        assert_eq!(ease_in_out(2.0), 1.0);
        assert_eq!(ease_in_out(f32::NAN), 0.0);
    }

    fn moving(movement: CameraMove, amount: f32) -> ShotSetup {
        ShotSetup {
            camera: [0.0, 2.0, 5.0],
            aim: [0.0, 1.0, 0.0],
            movement,
            move_amount_m: amount,
            ..ShotSetup::default()
        }
    }

    #[test]
    fn every_move_starts_at_the_setup() {
        for movement in CameraMove::ALL {
            let (eye, target) = camera_at(&moving(movement, 3.0), 0.0);
            assert_eq!(
                (eye, target),
                (Vec3::new(0.0, 2.0, 5.0), Vec3::new(0.0, 1.0, 0.0))
            );
        }
        let (eye, target) = camera_at(&moving(CameraMove::Static, 3.0), 1.0);
        assert_eq!(
            (eye, target),
            (Vec3::new(0.0, 2.0, 5.0), Vec3::new(0.0, 1.0, 0.0))
        );
    }

    #[test]
    fn a_positive_pan_turns_right_about_the_camera() {
        let setup = ShotSetup {
            camera: [1.0, 1.5, 0.0],
            aim: [1.0, 1.5, -10.0],
            movement: CameraMove::Pan,
            move_amount_m: 90.0,
            ..ShotSetup::default()
        };
        let (eye, target) = camera_at(&setup, 1.0);
        assert_eq!(eye, Vec3::new(1.0, 1.5, 0.0));
        assert!(close_vec(target, Vec3::new(11.0, 1.5, 0.0)), "{target}");
        let (_, halfway) = camera_at(&setup, 0.5);
        let d = 10.0 * std::f32::consts::FRAC_1_SQRT_2;
        assert!(close_vec(halfway, Vec3::new(1.0 + d, 1.5, -d)), "{halfway}");
        let left = ShotSetup {
            move_amount_m: -90.0,
            ..setup
        };
        assert!(close_vec(
            camera_at(&left, 1.0).1,
            Vec3::new(-9.0, 1.5, 0.0)
        ));
    }

    #[test]
    fn a_dolly_travels_along_the_ground_and_a_crane_rises() {
        // Pull back 2 m: the camera faces -Z, so it moves towards +Z, and stays at its height.
        let (eye, target) = camera_at(&moving(CameraMove::Dolly, -2.0), 1.0);
        assert!(close_vec(eye, Vec3::new(0.0, 2.0, 7.0)), "{eye}");
        assert!(close_vec(target, Vec3::new(0.0, 1.0, 2.0)), "{target}");
        let (eye, _) = camera_at(&moving(CameraMove::Dolly, 4.0), 0.5);
        assert!(close_vec(eye, Vec3::new(0.0, 2.0, 3.0)), "{eye}");
        let (eye, target) = camera_at(&moving(CameraMove::Crane, 1.5), 1.0);
        assert!(close_vec(eye, Vec3::new(0.0, 3.5, 5.0)));
        assert!(close_vec(target, Vec3::new(0.0, 2.5, 0.0)));
        let (eye, _) = camera_at(&moving(CameraMove::Crane, f32::NAN), 1.0);
        assert_eq!(eye, Vec3::new(0.0, 2.0, 5.0));
    }

    #[test]
    fn the_subject_walks_the_path_at_constant_speed() {
        let path = [[3.0, 0.0], [3.0, 4.0]];
        assert_eq!(subject_at([0.0, 0.0], &path, 0.0), Vec3::ZERO);
        assert!(close_vec(
            subject_at([0.0, 0.0], &path, 1.0),
            Vec3::new(3.0, 0.0, 4.0)
        ));
        assert!(close_vec(
            subject_at([0.0, 0.0], &path, 3.0 / 7.0),
            Vec3::new(3.0, 0.0, 0.0)
        ));
        assert!(close_vec(
            subject_at([0.0, 0.0], &path, 0.5),
            Vec3::new(3.0, 0.0, 0.5)
        ));
        assert!(close_vec(
            subject_at([0.0, 0.0], &path, 2.0),
            Vec3::new(3.0, 0.0, 4.0)
        ));
        assert_eq!(subject_at([2.0, -1.0], &[], 0.7), Vec3::new(2.0, 0.0, -1.0));
        // A waypoint on the start adds no length.
        assert!(close_vec(
            subject_at([0.0, 0.0], &[[0.0, 0.0], [2.0, 0.0]], 0.5),
            Vec3::new(1.0, 0.0, 0.0)
        ));
    }

    // ---- mood -----------------------------------------------------------------------------

    #[test]
    fn every_preset_reads_back_as_its_mood() {
        for mood in Mood::ALL {
            let reading = read_mood(&MoodLighting::preset(mood));
            assert_eq!(reading.mood, mood, "{reading:?}");
            assert!(
                reading
                    .reasons
                    .last()
                    .is_some_and(|r| r.contains(mood.label()))
            );
        }
    }

    #[test]
    fn default_lighting_is_neutral_daylight_and_reads_calm() {
        let light = MoodLighting::default();
        assert_eq!(light.time, PrevisTime::Day);
        assert_eq!(light.grade, Grade::Neutral);
        assert_eq!(light.color_temp_k, NEUTRAL_COLOR_TEMP_K);
        let reading = read_mood(&light);
        assert_eq!(reading.mood, Mood::Calm);
        // contrast 0.25: brightness 0.4 * 0.5 + day 0.3; tension 0.6 * 0.25; mystery 0.1 * 0.25.
        assert!(close(reading.brightness, 0.5, 1e-5));
        assert!(close(reading.tension, 0.15, 1e-5));
        assert!(close(reading.mystery, 0.025, 1e-5));
    }

    fn light(
        key_to_fill: f32,
        color_temp_k: f32,
        time: PrevisTime,
        fog: f32,
        grade: Grade,
    ) -> MoodLighting {
        MoodLighting {
            key_to_fill,
            color_temp_k,
            time,
            fog,
            grade,
        }
    }

    #[test]
    fn clear_cases_read_as_expected() {
        use Grade::*;
        use PrevisTime::*;
        let sunny = read_mood(&light(1.0, 5000.0, Day, 0.0, Pastel));
        assert_eq!(sunny.mood, Mood::Joyful);
        assert_eq!(sunny.brightness, 1.0);
        assert_eq!(
            read_mood(&light(12.0, 9000.0, Night, 0.0, Noir)).mood,
            Mood::Tense
        );
        assert_eq!(
            read_mood(&light(4.0, 6500.0, Night, 0.9, TealOrange)).mood,
            Mood::Mysterious
        );
        assert_eq!(
            read_mood(&light(2.0, 6000.0, Dusk, 0.2, Desaturated)).mood,
            Mood::Melancholy
        );
        assert_eq!(
            read_mood(&light(2.0, 5200.0, Dawn, 0.0, Neutral)).mood,
            Mood::Calm
        );
    }

    #[test]
    fn each_control_moves_the_reading_the_documented_way() {
        let base = light(
            2.0,
            NEUTRAL_COLOR_TEMP_K,
            PrevisTime::Dusk,
            0.2,
            Grade::Neutral,
        );
        let b = read_mood(&base);

        // 2:1 → 8:1: contrast 0.25 → 0.75.
        let harsh = read_mood(&MoodLighting {
            key_to_fill: 8.0,
            ..base
        });
        assert!(close(harsh.brightness - b.brightness, -0.4, 1e-5));
        assert!(close(harsh.tension - b.tension, 0.3, 1e-5));
        assert!(close(harsh.mystery - b.mystery, 0.05, 1e-5));

        // 5600 K → 9200 K: fully cool.
        let cold = read_mood(&MoodLighting {
            color_temp_k: 9200.0,
            ..base
        });
        assert!(close(cold.brightness - b.brightness, -0.15, 1e-5));
        assert!(close(cold.tension - b.tension, 0.3, 1e-5));
        assert!(close(cold.mystery, b.mystery, 1e-6));

        // 5600 K → 2000 K: fully warm brightens but does not relax below the base.
        let warm = read_mood(&MoodLighting {
            color_temp_k: 2000.0,
            ..base
        });
        assert!(close(warm.brightness - b.brightness, 0.15, 1e-5));
        assert!(close(warm.tension, b.tension, 1e-6));

        // Fog 0.2 → 0.7.
        let foggy = read_mood(&MoodLighting { fog: 0.7, ..base });
        assert!(close(foggy.mystery - b.mystery, 0.3, 1e-5));
        assert!(close(foggy.brightness - b.brightness, -0.1, 1e-5));

        // Dusk → night and dusk → day.
        let night = read_mood(&MoodLighting {
            time: PrevisTime::Night,
            ..base
        });
        assert!(
            night.brightness < b.brightness
                && night.tension > b.tension
                && night.mystery > b.mystery
        );
        let day = read_mood(&MoodLighting {
            time: PrevisTime::Day,
            ..base
        });
        assert!(day.brightness > b.brightness && day.mystery < b.mystery);

        // Grades.
        let grade = |grade| read_mood(&MoodLighting { grade, ..base });
        assert!(grade(Grade::Pastel).brightness > grade(Grade::Warm).brightness);
        assert!(grade(Grade::Warm).brightness > b.brightness);
        assert!(grade(Grade::Desaturated).brightness < b.brightness);
        assert!(grade(Grade::Noir).brightness < grade(Grade::Desaturated).brightness);
        assert!(grade(Grade::TealOrange).mystery > b.mystery);
    }

    #[test]
    fn mood_reasons_name_the_controls() {
        let reading = read_mood(&light(8.0, 7500.0, PrevisTime::Night, 0.6, Grade::Noir));
        assert_eq!(
            reading.reasons[0],
            "A key-to-fill ratio of 8:1 leaves deep shadows: low-key, suspenseful."
        );
        assert_eq!(
            reading.reasons[1],
            "Light at 7500 K is cold and blue: lonely or uneasy."
        );
        assert!(reading.reasons[3].contains("60%"));
        let soft = read_mood(&light(1.5, 3200.0, PrevisTime::Day, 0.0, Grade::Warm));
        assert!(soft.reasons[0].starts_with("A key-to-fill ratio of 1.5:1 fills in the shadows"));
        assert!(soft.reasons[1].contains("3200 K is warm"));
        assert_eq!(soft.reasons.len(), 5, "no fog sentence in clear air");
    }

    #[test]
    fn lighting_is_clamped_to_its_ranges() {
        let wild = light(0.5, 500.0, PrevisTime::Day, f32::NAN, Grade::Neutral).clamped();
        assert_eq!(wild.key_to_fill, MIN_KEY_TO_FILL);
        assert_eq!(wild.color_temp_k, MIN_COLOR_TEMP_K);
        assert_eq!(wild.fog, 0.0);
        let wilder = light(40.0, 20000.0, PrevisTime::Day, 2.0, Grade::Neutral).clamped();
        assert_eq!(wilder.key_to_fill, MAX_KEY_TO_FILL);
        assert_eq!(wilder.color_temp_k, MAX_COLOR_TEMP_K);
        assert_eq!(wilder.fog, 1.0);
        let not_a_number =
            light(f32::NAN, f32::NAN, PrevisTime::Day, 0.0, Grade::Neutral).clamped();
        assert_eq!(not_a_number, MoodLighting::default());
        assert_eq!(
            read_mood(&light(
                f32::NAN,
                5600.0,
                PrevisTime::Day,
                0.0,
                Grade::Neutral
            ))
            .mood,
            Mood::Calm
        );
    }

    // ---- storyboards ----------------------------------------------------------------------

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

    // ---- animatic and sequence ------------------------------------------------------------

    fn timed_panels(seconds: &[f32]) -> Vec<Panel> {
        seconds
            .iter()
            .map(|s| Panel {
                seconds: *s,
                ..panel(
                    ShotSize::Wide,
                    CameraAngle::EyeLevel,
                    CameraMove::Static,
                    Mood::Calm,
                )
            })
            .collect()
    }

    #[test]
    fn the_timeline_plays_the_panels_back_to_back() {
        let timeline = animatic_timeline(&timed_panels(&[2.0, 3.5, 1.0]));
        assert_eq!(
            timeline,
            vec![
                AnimaticCue {
                    panel: 0,
                    start_s: 0.0,
                    end_s: 2.0
                },
                AnimaticCue {
                    panel: 1,
                    start_s: 2.0,
                    end_s: 5.5
                },
                AnimaticCue {
                    panel: 2,
                    start_s: 5.5,
                    end_s: 6.5
                },
            ]
        );
        assert_eq!(animatic_length(&timeline), 6.5);
        assert_eq!(animatic_length(&[]), 0.0);
    }

    #[test]
    fn cue_at_finds_the_shot_and_how_far_through_it() {
        let timeline = animatic_timeline(&timed_panels(&[2.0, 3.5, 1.0]));
        assert_eq!(cue_at(&timeline, 0.0), Some((0, 0.0)));
        assert_eq!(cue_at(&timeline, 1.0), Some((0, 0.5)));
        assert_eq!(
            cue_at(&timeline, 2.0),
            Some((1, 0.0)),
            "a cut shows the next shot"
        );
        assert_eq!(cue_at(&timeline, 6.0), Some((2, 0.5)));
        assert_eq!(cue_at(&timeline, 6.5), Some((2, 1.0)), "the last frame");
        assert_eq!(cue_at(&timeline, 6.5f32.next_up()), None);
        assert_eq!(cue_at(&timeline, -0.1), None);
        assert_eq!(cue_at(&timeline, f32::NAN), None);
        assert_eq!(cue_at(&[], 0.0), None);
        // A panel with no time is skipped.
        let gap = animatic_timeline(&timed_panels(&[1.0, f32::NAN, 1.0]));
        assert_eq!(cue_at(&gap, 1.0), Some((2, 0.0)));
    }

    #[test]
    fn one_revision_per_panel_is_free() {
        let score = score_sequence(&[90; 6], 6, 6);
        assert_eq!(score.average, 90.0);
        assert_eq!(score.stars, 3);
        assert!(
            score.summary.contains("You revised 6 times") && score.summary.contains("free"),
            "{}",
            score.summary
        );
        let seven = score_sequence(&[90; 6], 7, 6);
        assert_eq!(seven.average, 88.0);
        assert!(
            seven.summary.contains("You revised 7 times")
                && seven.summary.contains("cost 2 points"),
            "{}",
            seven.summary
        );
    }

    #[test]
    fn extra_revisions_cost_two_points_each_down_to_zero() {
        assert_eq!(score_sequence(&[90; 6], 8, 6).average, 86.0);
        assert_eq!(score_sequence(&[90; 6], 8, 6).stars, 3);
        assert_eq!(score_sequence(&[90; 6], 9, 6).average, 84.0);
        assert_eq!(score_sequence(&[90; 6], 9, 6).stars, 2);
        let exhausted = score_sequence(&[10; 6], 100, 6);
        assert_eq!(exhausted.average, 0.0);
        assert_eq!(exhausted.stars, 1);
    }

    #[test]
    fn stars_change_exactly_at_85_and_65() {
        assert_eq!(score_sequence(&[85; 6], 0, 6).stars, 3);
        assert_eq!(score_sequence(&[85, 85, 85, 85, 85, 84], 0, 6).stars, 2);
        assert_eq!(score_sequence(&[65; 6], 0, 6).stars, 2);
        assert_eq!(score_sequence(&[65, 65, 65, 65, 65, 64], 0, 6).stars, 1);
        assert_eq!(score_sequence(&[0; 6], 0, 6).stars, 1);
    }

    #[test]
    fn a_shot_never_composed_earns_no_stars() {
        let score = score_sequence(&[100; 5], 2, 6);
        assert_eq!(score.stars, 0);
        assert!(close(score.average, 500.0 / 6.0, 1e-4));
        assert!(
            score.summary.contains("1 of 6 shots") && score.summary.contains("You revised 2 times"),
            "{}",
            score.summary
        );
        assert_eq!(score_sequence(&[], 0, 0).stars, 0);
        // Scores beyond the panels are ignored.
        let extra = score_sequence(&[100, 100, 0], 0, 2);
        assert_eq!(extra.average, 100.0);
        assert_eq!(extra.shot_scores, vec![100, 100]);
    }
}
