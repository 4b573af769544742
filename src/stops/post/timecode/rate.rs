//! Frame rates: the ten rates the engine knows, each an exact rational plus its counting
//! mode, and their spellings on the command line.

use std::fmt;
use std::str::FromStr;

use super::TimecodeError;
use serde::{Deserialize, Serialize};

/// A video frame rate, held as an exact rational plus its counting mode.
///
/// The NTSC-family rates (23.976, 29.97, 59.94) are really 24000/1001,
/// 30000/1001 and 60000/1001 frames per second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FrameRate {
    /// 23.976 fps (24000/1001), counted non-drop with 24-frame seconds.
    Fps23_976,
    /// 24 fps film.
    Fps24,
    /// 25 fps PAL.
    Fps25,
    /// 29.97 fps (30000/1001) drop-frame.
    Df29_97,
    /// 29.97 fps (30000/1001) non-drop-frame.
    Ndf29_97,
    /// 30 fps.
    Fps30,
    /// 50 fps.
    Fps50,
    /// 59.94 fps (60000/1001) drop-frame.
    Df59_94,
    /// 59.94 fps (60000/1001) non-drop-frame.
    Ndf59_94,
    /// 60 fps.
    Fps60,
}

impl FrameRate {
    /// Every supported rate, in the order the CLI lists them.
    pub const ALL: [FrameRate; 10] = [
        FrameRate::Fps23_976,
        FrameRate::Fps24,
        FrameRate::Fps25,
        FrameRate::Ndf29_97,
        FrameRate::Df29_97,
        FrameRate::Fps30,
        FrameRate::Fps50,
        FrameRate::Ndf59_94,
        FrameRate::Df59_94,
        FrameRate::Fps60,
    ];

    /// Parses a CLI rate: exactly one of `23.976`, `24`, `25`, `29.97`,
    /// `29.97df`, `30`, `50`, `59.94`, `59.94df`, `60` (the `df` suffix in
    /// any case; surrounding whitespace is ignored).
    pub fn parse(text: &str) -> Result<FrameRate, TimecodeError> {
        let wanted = text.trim().to_ascii_lowercase();
        FrameRate::ALL
            .into_iter()
            .find(|rate| rate.cli_name() == wanted)
            .ok_or_else(|| TimecodeError::UnknownRate {
                input: text.to_string(),
            })
    }

    /// The spelling [`FrameRate::parse`] accepts, e.g. `"29.97df"`.
    pub const fn cli_name(self) -> &'static str {
        match self {
            FrameRate::Fps23_976 => "23.976",
            FrameRate::Fps24 => "24",
            FrameRate::Fps25 => "25",
            FrameRate::Df29_97 => "29.97df",
            FrameRate::Ndf29_97 => "29.97",
            FrameRate::Fps30 => "30",
            FrameRate::Fps50 => "50",
            FrameRate::Df59_94 => "59.94df",
            FrameRate::Ndf59_94 => "59.94",
            FrameRate::Fps60 => "60",
        }
    }

    /// The rate as a decimal label without counting mode, e.g. `"29.97"`.
    pub(super) const fn decimal_label(self) -> &'static str {
        match self {
            FrameRate::Df29_97 | FrameRate::Ndf29_97 => "29.97",
            FrameRate::Df59_94 | FrameRate::Ndf59_94 => "59.94",
            other => other.cli_name(),
        }
    }

    /// Exact frames per second as `(numerator, denominator)`.
    pub const fn fps_rational(self) -> (u64, u64) {
        match self {
            FrameRate::Fps23_976 => (24_000, 1001),
            FrameRate::Fps24 => (24, 1),
            FrameRate::Fps25 => (25, 1),
            FrameRate::Df29_97 | FrameRate::Ndf29_97 => (30_000, 1001),
            FrameRate::Fps30 => (30, 1),
            FrameRate::Fps50 => (50, 1),
            FrameRate::Df59_94 | FrameRate::Ndf59_94 => (60_000, 1001),
            FrameRate::Fps60 => (60, 1),
        }
    }

    /// Frames per labelled second: the `FF` field runs `0..nominal_fps()`.
    pub const fn nominal_fps(self) -> u64 {
        match self {
            FrameRate::Fps23_976 | FrameRate::Fps24 => 24,
            FrameRate::Fps25 => 25,
            FrameRate::Df29_97 | FrameRate::Ndf29_97 | FrameRate::Fps30 => 30,
            FrameRate::Fps50 => 50,
            FrameRate::Df59_94 | FrameRate::Ndf59_94 | FrameRate::Fps60 => 60,
        }
    }

    /// Whether labels are skipped to keep the count near wall-clock time.
    pub const fn is_drop_frame(self) -> bool {
        matches!(self, FrameRate::Df29_97 | FrameRate::Df59_94)
    }

    /// Labels skipped at the start of each minute not divisible by ten
    /// (2 at 29.97 DF, 4 at 59.94 DF, 0 otherwise).
    pub const fn dropped_per_minute(self) -> u64 {
        match self {
            FrameRate::Df29_97 => 2,
            FrameRate::Df59_94 => 4,
            _ => 0,
        }
    }

    /// Frames in a ten-minute block: `nominal*600 - 9*D` (only the first
    /// minute of each block keeps all its labels).
    pub const fn frames_per_ten_minutes(self) -> u64 {
        self.nominal_fps() * 600 - 9 * self.dropped_per_minute()
    }

    /// Frames from `00:00:00:00` up to the 24-hour wrap.
    pub const fn frames_per_day(self) -> u64 {
        self.frames_per_ten_minutes() * 6 * 24
    }

    /// The drop-frame sibling of a non-drop NTSC rate, for error hints.
    pub(super) const fn drop_frame_sibling(self) -> Option<FrameRate> {
        match self {
            FrameRate::Ndf29_97 => Some(FrameRate::Df29_97),
            FrameRate::Ndf59_94 => Some(FrameRate::Df59_94),
            _ => None,
        }
    }
}

impl fmt::Display for FrameRate {
    /// `29.97 DF` / `29.97 NDF` where the mode matters, otherwise `24 fps`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameRate::Df29_97 | FrameRate::Df59_94 => write!(f, "{} DF", self.decimal_label()),
            FrameRate::Ndf29_97 | FrameRate::Ndf59_94 => {
                write!(f, "{} NDF", self.decimal_label())
            }
            _ => write!(f, "{} fps", self.decimal_label()),
        }
    }
}

impl FromStr for FrameRate {
    type Err = TimecodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        FrameRate::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_parse_exactly_the_documented_spellings() {
        let expected = [
            ("23.976", FrameRate::Fps23_976),
            ("24", FrameRate::Fps24),
            ("25", FrameRate::Fps25),
            ("29.97", FrameRate::Ndf29_97),
            ("29.97df", FrameRate::Df29_97),
            ("29.97DF", FrameRate::Df29_97),
            ("30", FrameRate::Fps30),
            ("50", FrameRate::Fps50),
            ("59.94", FrameRate::Ndf59_94),
            ("59.94df", FrameRate::Df59_94),
            ("59.94Df", FrameRate::Df59_94),
            ("60", FrameRate::Fps60),
        ];
        for (text, rate) in expected {
            assert_eq!(FrameRate::parse(text), Ok(rate), "{text}");
            assert_eq!(text.parse::<FrameRate>(), Ok(rate), "{text}");
        }
        for rate in FrameRate::ALL {
            assert_eq!(FrameRate::parse(rate.cli_name()), Ok(rate));
        }
        for bad in [
            "", "29", "23.98", "24df", "30df", "29.970", "29.97 df", "ntsc", "-24",
        ] {
            let err = FrameRate::parse(bad).expect_err(bad);
            assert!(matches!(err, TimecodeError::UnknownRate { .. }), "{bad}");
            assert!(
                err.to_string().ends_with(
                    "valid rates are 23.976, 24, 25, 29.97, 29.97df, 30, 50, 59.94, 59.94df, 60"
                ),
                "{err}"
            );
        }
    }

    #[test]
    fn rate_properties() {
        let nominal: Vec<u64> = FrameRate::ALL.iter().map(|r| r.nominal_fps()).collect();
        assert_eq!(nominal, [24, 24, 25, 30, 30, 30, 50, 60, 60, 60]);
        let drop: Vec<bool> = FrameRate::ALL.iter().map(|r| r.is_drop_frame()).collect();
        assert_eq!(
            drop,
            [
                false, false, false, false, true, false, false, false, true, false
            ]
        );
        assert_eq!(FrameRate::Fps23_976.fps_rational(), (24_000, 1001));
        assert_eq!(FrameRate::Df29_97.fps_rational(), (30_000, 1001));
        assert_eq!(FrameRate::Ndf59_94.fps_rational(), (60_000, 1001));
        assert_eq!(FrameRate::Fps25.fps_rational(), (25, 1));
        assert_eq!(FrameRate::Df29_97.frames_per_ten_minutes(), 17_982);
        assert_eq!(FrameRate::Df59_94.frames_per_ten_minutes(), 35_964);
        assert_eq!(FrameRate::Df29_97.frames_per_day(), 2_589_408);
        assert_eq!(FrameRate::Df59_94.frames_per_day(), 5_178_816);
        assert_eq!(FrameRate::Ndf29_97.frames_per_day(), 2_592_000);
        assert_eq!(FrameRate::Fps23_976.frames_per_day(), 2_073_600);
        assert_eq!(FrameRate::Fps60.frames_per_day(), 5_184_000);
        assert_eq!(FrameRate::Df29_97.to_string(), "29.97 DF");
        assert_eq!(FrameRate::Ndf59_94.to_string(), "59.94 NDF");
        assert_eq!(FrameRate::Fps23_976.to_string(), "23.976 fps");
        assert_eq!(FrameRate::Fps24.to_string(), "24 fps");
    }
}
