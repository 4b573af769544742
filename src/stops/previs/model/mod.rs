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

use glam::Vec3;
use serde::{Deserialize, Serialize};

mod animatic;
mod check;
mod classify;
mod mood;
mod shot;
mod storyboard;
#[cfg(test)]
mod test_support;

pub use animatic::*;
pub use check::*;
pub use classify::*;
pub use mood::*;
pub use shot::*;
pub use storyboard::*;

/// The content file's name inside the assets folder.
pub const STORYBOARDS_FILE: &str = "previs.ron";

/// The bundled storyboards, used when no edited copy is found.
pub const BUNDLED_STORYBOARDS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/previs.ron"));

// ---------------------------------------------------------------------------------------------
// The language of shots: size, angle, move and mood
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Storyboards: the panels, the people and the grey-box set
// ---------------------------------------------------------------------------------------------

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
