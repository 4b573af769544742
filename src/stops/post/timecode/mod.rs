//! Exact SMPTE timecode engine (ST 12-1) behind `backlot timecode`.
//!
//! Every conversion is integer arithmetic on exact rationals: 29.97 fps is
//! 30000/1001, never `29.97_f64`, so results are identical on every frame of
//! a 24-hour day and on every machine. Floating point appears only in
//! [`Ratio::to_f64`] and the benchmark report, both for display.
//!
//! Text rules (see [`parse_timecode`]):
//! * a timecode is `HH:MM:SS:FF`, exactly two ASCII digits per field;
//! * at drop-frame rates the separator before the frames is written `;`
//!   ([`Timecode`]'s `Display` always does), and `:`, `.` or `,` are also
//!   accepted there because editing systems emit all of them;
//! * at non-drop rates that separator must be `:`, because `;` would claim a
//!   drop-frame count the rate does not have.
//!
//! Frame numbers count from 0 at `00:00:00:00` and wrap at 24 hours.

mod audio;
mod bench;
mod cli;
mod conversion;
mod duration;
mod frames;
mod label;
#[cfg(test)]
mod props;
mod pulldown;
mod rate;
mod ratio;

pub use audio::*;
pub use bench::*;
pub use cli::*;
pub use conversion::*;
pub use duration::*;
pub use frames::*;
pub use label::*;
pub use pulldown::*;
pub use rate::*;
pub use ratio::*;

#[cfg(test)]
mod test_support {
    //! Helpers the parts' tests share.

    use super::{FrameRate, Timecode, frames_to_timecode, parse_timecode, timecode_to_frames};

    pub(super) fn tc(text: &str, rate: FrameRate) -> Timecode {
        match parse_timecode(text, rate) {
            Ok(timecode) => timecode,
            Err(err) => panic!("{text} at {rate}: {err}"),
        }
    }

    /// Frame -> label and label -> frame must both hold.
    pub(super) fn check_vector(rate: FrameRate, frame: u64, text: &str) {
        assert_eq!(
            frames_to_timecode(frame, rate).to_string(),
            text,
            "frame {frame} at {rate}"
        );
        assert_eq!(
            timecode_to_frames(&tc(text, rate), rate),
            Ok(frame),
            "{text} at {rate}"
        );
    }

    /// One frame later on a tape counter: tick the frames and carry into seconds, minutes
    /// and hours (a day wraps to 00:00:00:00). Dropped labels are the caller's to skip.
    pub(super) fn tick(label: &mut Timecode, nominal_fps: u64) {
        label.frames += 1;
        if u64::from(label.frames) == nominal_fps {
            label.frames = 0;
            label.seconds += 1;
        }
        if label.seconds == 60 {
            label.seconds = 0;
            label.minutes += 1;
        }
        if label.minutes == 60 {
            label.minutes = 0;
            label.hours += 1;
        }
        if label.hours == 24 {
            label.hours = 0;
        }
    }
}
