//! Start-up configuration, built from the command line (or by tests).

use std::path::PathBuf;

use bevy::prelude::*;

/// Which screen a capture (or a teacher's jump) should land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StartScreen {
    #[default]
    Title,
    Map,
    Briefing,
    Level,
    Gate,
    Finale,
}

impl StartScreen {
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.to_ascii_lowercase().as_str() {
            "title" => Self::Title,
            "map" => Self::Map,
            "briefing" => Self::Briefing,
            "level" => Self::Level,
            "gate" => Self::Gate,
            "finale" | "summary" => Self::Finale,
            _ => return None,
        })
    }
}

/// A request to render a few frames, save a screenshot and exit.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptureRequest {
    pub frames: u32,
    pub out: PathBuf,
    /// Time the frames instead of saving a picture (for `backlot bench stage`).
    pub bench: bool,
    /// Play the level part-way through its own commands first (0 = as it opens); see
    /// `capture_demo`.
    pub demo: u8,
    /// Hide the on-screen interface: the picture is the 3D scene alone.
    pub no_ui: bool,
    /// Multisampling of every camera (1 or 4); `None` = the quality's.
    pub msaa: Option<u32>,
}

/// How `backlot capture` sets up the virtual-production stage (stop 2).
#[derive(Debug, Clone, PartialEq)]
pub struct StagePreview {
    pub scene: Option<String>,
    /// Time of day and weather for the scene (`None` = the scene's own opening look).
    pub time: Option<crate::stage::model::scene::TimeOfDay>,
    pub weather: Option<crate::stage::model::scene::Weather>,
    /// Stage coordinates: metres, Y up, origin at the centre of the stage floor, wall ahead on −Z.
    pub camera_pos: Vec3,
    pub camera_look_at: Vec3,
    pub focal_mm: f32,
    pub focus_m: Option<f32>,
    /// "camera", "witness" or "direct".
    pub view: String,
    /// LED pixels per panel side (`None` = the stage file's).
    pub panel_px: Option<u32>,
    /// Draw the wall in one flat colour, a mask of where it is seen.
    pub wall_mask: bool,
}

/// Which camp screen a capture shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampView {
    Setup,
    Scoreboard,
    Podium,
}

#[derive(Resource, Debug, Clone)]
pub struct GameConfig {
    /// Where progress and settings are saved (each student's in `profiles/`).
    pub data_dir: PathBuf,
    /// The student profile to play (`--profile`); `None` = the last one used, else "Player".
    pub profile: Option<String>,
    /// Where the content files (`tour.ron`…) are read from.
    pub assets_dir: PathBuf,
    /// A teacher's jump straight to a stop (it is unlocked for the session).
    pub start_stop: Option<usize>,
    pub start_screen: StartScreen,
    pub projector: bool,
    /// Start in presenter mode (teacher controls, projector palette, large text).
    pub presenter: bool,
    /// Open the camp window (capture only: shows the scoreboard of a saved camp).
    pub camp_view: Option<CampView>,
    pub fullscreen: bool,
    pub window_size: (u32, u32),
    /// Seed for shuffles and level randomness: the same seed replays the same game.
    pub seed: u64,
    pub capture: Option<CaptureRequest>,
    /// Stage set-up for captures of stop 2.
    pub stage: Option<StagePreview>,
    /// The stage quality for this session (`--quality`, `?quality=`); `None` = the saved
    /// choice, or one made for this computer's graphics.
    pub quality: Option<crate::stage::model::quality::Quality>,
    /// The lesson length for this session (`--lesson`, `?lesson=`); `None` = the saved choice.
    pub lesson: Option<crate::tour::model::lesson::LessonLength>,
    /// Hosts speak in levels (hand-over, reactions, the way to the gate). A capture may turn it
    /// off (`--no-talk`) to show a level's own screen at a fixed layout; the briefing always
    /// shows its host.
    pub talk: bool,
}

impl GameConfig {
    /// A configuration for tests: a private data directory and the crate's own assets.
    pub fn for_tests(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            profile: None,
            assets_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets"),
            start_stop: None,
            start_screen: StartScreen::Title,
            projector: false,
            presenter: false,
            camp_view: None,
            talk: true,
            fullscreen: false,
            window_size: (1280, 720),
            seed: 1,
            capture: None,
            stage: None,
            // The render tests compare the wall against the direct view at full quality.
            quality: Some(crate::stage::model::quality::Quality::High),
            lesson: None,
        }
    }
}
