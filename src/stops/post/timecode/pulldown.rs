//! 2:3 pulldown: how four film frames fill five interlaced video frames, turning 23.976
//! film into 29.97 video.

use super::field_u8;
use serde::{Deserialize, Serialize};

/// Video fields given to film frames A, B, C, D in 2:3 pulldown: four film
/// frames fill ten fields, i.e. five interlaced video frames, which is how
/// 23.976 film becomes 29.97 video.
pub const PULLDOWN_FIELDS: [u64; 4] = [2, 3, 2, 3];

/// One pulldown cycle written with film-frame letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PulldownCadence {
    /// The ten fields in order: `A A B B B C C D D D`.
    pub fields: [char; 10],
    /// The five video frames as (first field, second field): `AA BB BC CD DD`.
    pub video_frames: [(char, char); 5],
}

/// The film frame (counted from 0) that supplies video field `field`
/// (counted from 0), for an unbroken 2:3 sequence starting on an A frame.
pub fn film_frame_for_video_field(field: u64) -> u64 {
    let cycle = field / 10;
    let mut position = field % 10;
    let mut film = 0;
    for count in PULLDOWN_FIELDS {
        if position < count {
            break;
        }
        position -= count;
        film += 1;
    }
    cycle * 4 + film
}

/// The film frames supplying the two fields of video frame `video_frame`.
pub fn film_frames_for_video_frame(video_frame: u64) -> (u64, u64) {
    let first = video_frame.saturating_mul(2);
    (
        film_frame_for_video_field(first),
        film_frame_for_video_field(first.saturating_add(1)),
    )
}

/// Whether a video frame mixes two film frames (the `BC` and `CD` frames),
/// which is what shows combing on progressive displays.
pub fn is_mixed_pulldown_frame(video_frame: u64) -> bool {
    let (first, second) = film_frames_for_video_frame(video_frame);
    first != second
}

/// The 2:3 cadence derived from [`film_frame_for_video_field`].
pub fn pulldown_cadence() -> PulldownCadence {
    let letter = |film: u64| char::from(b'A' + field_u8(film % 4));
    let mut fields = ['A'; 10];
    for (slot, field) in fields.iter_mut().zip(0u64..) {
        *slot = letter(film_frame_for_video_field(field));
    }
    let mut video_frames = [('A', 'A'); 5];
    for (slot, frame) in video_frames.iter_mut().zip(0u64..) {
        let (first, second) = film_frames_for_video_frame(frame);
        *slot = (letter(first), letter(second));
    }
    PulldownCadence {
        fields,
        video_frames,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pulldown_cadence_is_2_3() {
        let cadence = pulldown_cadence();
        assert_eq!(cadence.fields.iter().collect::<String>(), "AABBBCCDDD");
        assert_eq!(
            cadence.video_frames,
            [('A', 'A'), ('B', 'B'), ('B', 'C'), ('C', 'D'), ('D', 'D')]
        );
        assert_eq!(film_frames_for_video_frame(5), (4, 4));
        assert_eq!(film_frames_for_video_frame(7), (5, 6));
        assert_eq!(film_frames_for_video_frame(9), (7, 7));
        let mixed: Vec<bool> = (0..10).map(is_mixed_pulldown_frame).collect();
        assert_eq!(
            mixed,
            [
                false, false, true, true, false, false, false, true, true, false
            ]
        );
        // Over many cycles, film frames alternate 2 and 3 fields and none is
        // skipped: 4 film frames per 5 video frames.
        let mut counts = vec![0u64; 400];
        for field in 0..1000 {
            counts[usize::try_from(film_frame_for_video_field(field)).expect("small")] += 1;
        }
        for (film, count) in counts.iter().enumerate() {
            assert_eq!(*count, if film % 2 == 0 { 2 } else { 3 }, "film {film}");
        }
    }
}
