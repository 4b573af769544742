//! Stop 3, Post-Production: the editor's timecode tasks. Plain Rust, no Bevy.
//!
//! Editors work in SMPTE timecode `HH:MM:SS:FF`, and a sound or a cut one frame off breaks the
//! illusion. The level has four tasks, laid out in `assets/post.ron` (teachers edit
//! that file; nothing in it is an answer):
//!
//! * (a) [`SyncTask`]: slide a door slam until it lands on the frame where the door shuts, and
//!   hear/see lip-sync drift of a few frames ([`lip_sync_demo`]).
//! * (b) [`CountTask`]: count the frames between an in and an out point and write the duration.
//! * (c) [`CutListTask`]: convert a cut list from 24 fps to 30 fps labels.
//! * (d) [`DropFramePuzzle`]: why 29.97 needs drop-frame, and which labels it skips.
//!
//! Every answer is computed by [`crate::stops::post::timecode`], never written down here or in the content
//! file, so a teacher who changes a timecode changes the answer with it.
//!
//! Conventions:
//! * **In/out points**: the in point is the first frame of a shot; the out point is
//!   *exclusive*, the first frame after it (as edit lists count), so
//!   `frames = out - in`. A content file may set `out_is_exclusive: false`, and then
//!   `frames = out - in + 1`.
//! * **Converting a label between rates**: a timecode marks the instant its frame starts. At the
//!   new rate the label is the frame on screen at that instant, i.e. the last frame starting at
//!   or before it: `frame_to = floor(frame_from × fps_to / fps_from)`. This is
//!   [`crate::stops::post::timecode::convert_frame`]'s floor convention, called as
//!   `convert_frame(frame_from, to, from)`. 24 → 30 is exact whenever the 24 fps frame field is
//!   a multiple of 4 (0, 4, 8, 12, 16, 20); otherwise the label rounds down.
//! * **Sync offsets** are "sound start minus picture frame": positive means the sound is late.

mod answers;
mod content;
mod count;
mod cut_list;
mod drop_frame;
mod late_clip;
mod level;
mod sync;

pub use answers::*;
pub use content::*;
pub use count::*;
pub use cut_list::*;
pub use drop_frame::*;
pub use late_clip::*;
pub use level::*;
pub use sync::*;

use crate::audio::model::synth::SAMPLE_RATE;

/// The level's content file, in the assets folder.
pub const POST_PRODUCTION_FILE: &str = "post.ron";

/// The content shipped with the game, used when the assets folder has no valid file.
pub const BUNDLED_POST_PRODUCTION: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/post.ron"));

/// The longest sync clip allowed, in seconds (keeps the synthesised audio small).
pub const MAX_SYNC_CLIP_SECONDS: u64 = 60;

/// The largest lip-sync drift a talking clip shows, in frames either way.
pub const MAX_LIP_SYNC_OFFSET: i32 = 12;

/// Gain of the door slam over the room tone in [`audio_track_for`].
pub const SLAM_GAIN: f32 = 0.9;

const SAMPLE_RATE_U64: u64 = SAMPLE_RATE as u64;

#[cfg(test)]
mod test_support {
    //! Helpers the parts' tests share.

    use super::{PostLevelSpec, bundled_spec};
    use crate::stops::post::timecode::{FrameRate, parse_timecode, timecode_to_frames};

    pub(super) fn spec() -> PostLevelSpec {
        bundled_spec().expect("bundled content is valid")
    }

    pub(super) fn frame(label: &str, rate: FrameRate) -> u64 {
        let tc = parse_timecode(label, rate).expect("test label");
        timecode_to_frames(&tc, rate).expect("test label")
    }
}
