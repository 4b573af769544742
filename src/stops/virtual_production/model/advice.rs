//! The words Stop 2's screen uses: the stage's controls labelled by the piece of the signal
//! chain they belong to (game engine software or hardware), the beginner view's plain lines
//! ("the wall is one frame behind the camera"), and one thing to try next for each failed check
//! of a take. Plain Rust, no Bevy.

use crate::stage::model::moire::{MoireAssessment, MoireRisk};
use crate::stops::virtual_production::model::chain::{PieceKind, SignalChain};
use crate::stops::virtual_production::model::shots::{CheckKind, ShotScore};

/// The sections of the stage's controls, each a piece of the volume.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ControlSection {
    /// The world on the wall, overscan, latency compensation: settings in the game engine.
    GameEngine,
    /// How far behind the camera the tracked position runs, and its jitter.
    Tracking,
    /// The lens and focus of the cinema camera.
    Camera,
    /// The LED panels' pixel pitch.
    Wall,
    /// The key and fill lights.
    Lights,
}

impl ControlSection {
    pub const ALL: [ControlSection; 5] = [
        ControlSection::GameEngine,
        ControlSection::Tracking,
        ControlSection::Camera,
        ControlSection::Wall,
        ControlSection::Lights,
    ];

    /// The chain piece the section belongs to, if it is one.
    fn piece_id(self) -> Option<&'static str> {
        match self {
            ControlSection::GameEngine => Some("game_engine"),
            ControlSection::Tracking => Some("tracking_sensors"),
            ControlSection::Wall => Some("led_panels"),
            ControlSection::Camera | ControlSection::Lights => None,
        }
    }

    /// The section's heading, e.g. "Game engine (software)", from the chain's own names.
    pub fn heading(self, chain: &SignalChain) -> String {
        if let Some(heading) = self.piece_id().and_then(|id| chain.heading(id)) {
            return heading;
        }
        let (name, fallback) = match self {
            ControlSection::GameEngine => ("Game engine", PieceKind::Software),
            ControlSection::Tracking => ("Tracking sensors", PieceKind::Hardware),
            ControlSection::Camera => ("Cinema camera", PieceKind::Hardware),
            ControlSection::Wall => ("LED panels", PieceKind::Hardware),
            ControlSection::Lights => ("Stage lights", PieceKind::Hardware),
        };
        format!("{name} ({})", fallback.word())
    }

    /// What the section's settings are, in a line under its heading.
    pub fn what(self) -> &'static str {
        match self {
            ControlSection::GameEngine => {
                "Settings in the program: the world on the wall, and how it keeps up with the camera."
            }
            ControlSection::Tracking => "Physical sensors that follow the camera. They take time.",
            ControlSection::Camera => "The lens and focus on the real camera.",
            ControlSection::Wall => "The size of the tiny lights on the wall.",
            ControlSection::Lights => {
                "Real lamps on the stage: match them to the wall's sun and sky."
            }
        }
    }
}

/// A number of frames in words: "one frame", "2 frames", "1.5 frames".
fn frames(n: f32) -> String {
    let n = (n * 10.0).round() / 10.0;
    if (n - 1.0).abs() < 0.05 {
        "one frame".to_owned()
    } else if n.fract().abs() < 0.05 {
        format!("{n:.0} frames")
    } else {
        format!("{n:.1} frames")
    }
}

/// The beginner's line about delay: how far behind the camera the wall runs once the game
/// engine's compensation has made up what it can, and what to change.
pub fn lag_words(latency_frames: u32, compensation_frames: f32) -> String {
    let latency = latency_frames as f32;
    let behind = latency - compensation_frames;
    if latency_frames == 0 && compensation_frames.abs() < 0.05 {
        "The wall keeps up with the camera: the chain adds no delay.".to_owned()
    } else if behind.abs() < 0.05 {
        format!(
            "The chain is {} slow, and the game engine guesses that far ahead: the wall keeps up \
             with the camera.",
            frames(latency)
        )
    } else if behind > 0.0 {
        format!(
            "The wall is {} behind the camera: when the camera moves, the background lags. Set \
             the game engine's latency compensation to {latency_frames}.",
            frames(behind)
        )
    } else {
        format!(
            "The game engine guesses {} too far ahead: the wall runs in front of the camera. Set \
             its latency compensation to {latency_frames}.",
            frames(-behind)
        )
    }
}

/// A whole number in words for small numbers ("two"), as a numeral above ten.
fn count_words(n: f32) -> String {
    const WORDS: [&str; 11] = [
        "less than one",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
    ];
    let rounded = n.round();
    if n.is_finite() && (0.0..=10.0).contains(&rounded) {
        WORDS[rounded as usize].to_owned()
    } else {
        format!("{rounded:.0}")
    }
}

/// The beginner's line about moiré: how many sensor pixels one LED covers, and whether the
/// pattern can shimmer.
pub fn moire_words(m: &MoireAssessment) -> String {
    let pixels = count_words(m.photosites_per_led);
    let plural = if m.photosites_per_led.round() == 1.0 {
        "pixel"
    } else {
        "pixels"
    };
    match m.risk {
        MoireRisk::High => format!(
            "One LED is about {pixels} sensor {plural}: the pattern can shimmer. Focus on the \
             actor so the wall goes soft."
        ),
        MoireRisk::Low => format!(
            "One LED is about {pixels} sensor {plural}, and the wall is a little soft: only a \
             faint shimmer."
        ),
        MoireRisk::None => format!(
            "One LED is about {pixels} sensor {plural}, and the wall is soft or big enough on the \
             sensor: no shimmer."
        ),
    }
}

/// One thing to try next for a failed check.
pub fn try_next(kind: CheckKind) -> &'static str {
    match kind {
        CheckKind::Environment => {
            "Try: in the game engine, pick the world, time and weather the shot list asks for \
             (N, T and Y)."
        }
        CheckKind::Framing => {
            "Try: move the camera nearer or further (W and S), or change the lens ([ and ]), \
             until the actor is the size the shot asks for."
        }
        CheckKind::Parallax => {
            "Try: set the game engine's latency compensation (, and .) to the same number as \
             the tracking delay, and keep the overscan at 1.2 or more (O and P)."
        }
        CheckKind::Moire => {
            "Try: focus on the actor, not the wall (F and G), so the wall's tiny lights blur."
        }
        CheckKind::Lighting => {
            "Try: the stage lights are hardware. Set the key light's colour and direction to \
             the wall's sun: the line under Stage lights says which way."
        }
    }
}

/// For each check the take failed, the thing to try next, in the checks' order.
pub fn hints(score: &ShotScore) -> Vec<(CheckKind, &'static str)> {
    score
        .checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| (c.kind, try_next(c.kind)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::virtual_production::model::shots::{ShotFile, bundled_chain};
    use crate::tour::model::content::{ContentFile, read_file};

    /// Every heading and line of the beginner view, from the content the game loads.
    fn beginner_view(chain: &SignalChain) -> String {
        let mut lines: Vec<String> = ControlSection::ALL
            .iter()
            .flat_map(|s| [s.heading(chain), s.what().to_owned()])
            .collect();
        lines.push(lag_words(5, 0.0));
        lines.push(chain.intro.clone());
        lines.join("\n").to_lowercase()
    }

    #[test]
    fn the_level_names_hardware_software_and_the_game_engine() {
        let assets = crate::GameConfig::for_tests(std::env::temp_dir()).assets_dir;
        let dir = ShotFile::FOLDER.dir(&assets);
        let loaded = read_file(&dir, ShotFile::FILE, ShotFile::parse).expect("content loads");
        for chain in [loaded.chain, bundled_chain().expect("bundled")] {
            let view = beginner_view(&chain);
            for word in ["hardware", "software", "game engine"] {
                assert!(view.contains(word), "{word}: {view}");
            }
            assert_eq!(
                ControlSection::GameEngine.heading(&chain),
                "Game engine (software)"
            );
            assert_eq!(
                ControlSection::Wall.heading(&chain),
                "LED panels (hardware)"
            );
        }
    }

    #[test]
    fn the_lag_line_says_how_far_behind_and_what_to_set() {
        let lag = lag_words(5, 0.0);
        assert!(
            lag.starts_with("The wall is 5 frames behind the camera"),
            "{lag}"
        );
        assert!(lag.contains("latency compensation to 5"), "{lag}");
        assert!(lag_words(5, 4.0).starts_with("The wall is one frame behind the camera"));
        assert!(lag_words(5, 5.0).contains("keeps up"));
        assert!(lag_words(0, 0.0).contains("keeps up"));
        assert!(lag_words(2, 4.0).contains("2 frames too far ahead"));
    }

    #[test]
    fn the_moire_line_counts_sensor_pixels() {
        let m = MoireAssessment {
            led_image_size_um: 10.5,
            photosites_per_led: 1.9,
            photosite_um: 5.5,
            defocus_blur_um: 2.0,
            blur_um: 4.0,
            risk: MoireRisk::High,
            explanation: String::new(),
        };
        assert_eq!(
            moire_words(&m),
            "One LED is about two sensor pixels: the pattern can shimmer. Focus on the actor so \
             the wall goes soft."
        );
        let soft = MoireAssessment {
            risk: MoireRisk::None,
            photosites_per_led: 1.0,
            ..m
        };
        assert!(moire_words(&soft).contains("about one sensor pixel,"));
        assert!(moire_words(&soft).contains("no shimmer"));
    }

    #[test]
    fn each_failed_check_names_one_thing_to_try() {
        use crate::stops::virtual_production::model::shots::Check;
        let check = |kind: CheckKind, passed| Check {
            kind,
            name: kind.name(),
            passed,
            explanation: "what happened".into(),
        };
        let score = ShotScore {
            stars: 1,
            checks: vec![
                check(CheckKind::Environment, true),
                check(CheckKind::Framing, true),
                check(CheckKind::Parallax, false),
                check(CheckKind::Moire, true),
                check(CheckKind::Lighting, false),
            ],
        };
        let hints = hints(&score);
        assert_eq!(hints.len(), 2);
        assert_eq!(hints[0].0, CheckKind::Parallax);
        assert!(hints[0].1.contains("latency compensation"));
        assert_eq!(hints[1].0, CheckKind::Lighting);
        assert!(hints[1].1.contains("hardware"));
        let mut all = std::collections::HashSet::new();
        for kind in [
            CheckKind::Environment,
            CheckKind::Framing,
            CheckKind::Parallax,
            CheckKind::Moire,
            CheckKind::Lighting,
        ] {
            assert!(try_next(kind).starts_with("Try: "));
            assert!(all.insert(try_next(kind)), "each check has its own hint");
        }
    }
}
