//! Frame-rate conversion: which source frame is on screen during each output frame, by
//! the floor convention.

use super::{FrameRate, floor_mul_div};

/// Which source frame (at `from`) is on screen during output frame `k` (at
/// `to`).
///
/// Convention: output frame `k` starts at `t = k / to_fps`; the source frame
/// showing then is the last one that started at or before `t`, so
/// `src = floor(k * from_fps / to_fps)`, computed with exact integers.
/// 24 -> 30 repeats a frame every fifth output (0,0,1,2,3,4,4,5,…);
/// 30 -> 24 skips every fifth source (0,1,2,3,5,6,7,8,10,…). DF and NDF
/// versions of a rate count the same frames, so converting between them is
/// the identity. Saturates at `u64::MAX` for absurdly large `k`.
pub fn convert_frame(k: u64, from: FrameRate, to: FrameRate) -> u64 {
    let (from_num, from_den) = from.fps_rational();
    let (to_num, to_den) = to.fps_rational();
    floor_mul_div(
        k,
        u128::from(from_num) * u128::from(to_den),
        u128::from(from_den) * u128::from(to_num),
    )
}

/// `(output_frame, source_frame)` for output frames `0..n`, per
/// [`convert_frame`].
pub fn conversion_table(from: FrameRate, to: FrameRate, n: u64) -> Vec<(u64, u64)> {
    (0..n).map(|k| (k, convert_frame(k, from, to))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_tables_follow_the_floor_convention() {
        let sources = |from, to| -> Vec<u64> {
            conversion_table(from, to, 12)
                .into_iter()
                .map(|(_, s)| s)
                .collect()
        };
        assert_eq!(
            sources(FrameRate::Fps24, FrameRate::Fps30),
            [0, 0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 8]
        );
        assert_eq!(
            sources(FrameRate::Fps30, FrameRate::Fps24),
            [0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13]
        );
        assert_eq!(
            sources(FrameRate::Fps23_976, FrameRate::Df29_97),
            sources(FrameRate::Fps24, FrameRate::Fps30)
        );
        assert_eq!(
            sources(FrameRate::Fps25, FrameRate::Fps50),
            [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        );
        assert_eq!(
            sources(FrameRate::Fps60, FrameRate::Fps30),
            [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]
        );
        // 24 -> 25 (PAL speed-up is a different thing): one repeat per 25.
        assert_eq!(convert_frame(24, FrameRate::Fps24, FrameRate::Fps25), 23);
        assert_eq!(convert_frame(25, FrameRate::Fps24, FrameRate::Fps25), 24);
        let table = conversion_table(FrameRate::Fps24, FrameRate::Fps30, 3);
        assert_eq!(table, [(0, 0), (1, 0), (2, 1)]);
        for k in [0, 1, 1799, 1800, 2_589_407, u64::MAX] {
            assert_eq!(convert_frame(k, FrameRate::Df29_97, FrameRate::Ndf29_97), k);
            assert_eq!(convert_frame(k, FrameRate::Fps24, FrameRate::Fps24), k);
        }
        // 23.976 frames last slightly longer than 24 fps ones, so 24 fps
        // output from a 23.976 source repeats one frame in every 1001.
        assert_eq!(
            convert_frame(1000, FrameRate::Fps23_976, FrameRate::Fps24),
            999
        );
        assert_eq!(
            convert_frame(1001, FrameRate::Fps23_976, FrameRate::Fps24),
            1000
        );
        assert_eq!(
            convert_frame(1001, FrameRate::Fps24, FrameRate::Fps23_976),
            1002
        );
        assert_eq!(
            convert_frame(u64::MAX, FrameRate::Fps60, FrameRate::Fps24),
            u64::MAX
        );
        assert!(conversion_table(FrameRate::Fps24, FrameRate::Fps30, 0).is_empty());
    }
}
