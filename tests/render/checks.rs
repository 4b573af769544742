//! The render tests' measurements, pure functions of pictures, with tests on made-up pictures
//! that show each check fails where it should (a black scene under busy text, a wrong patch on
//! a small part of the frame, a camera rig that moves while the wall stays put, a lot with no
//! one at the door).

/// An RGB picture, row by row.
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<[u8; 3]>,
}

impl Picture {
    pub fn filled(width: u32, height: u32, colour: [u8; 3]) -> Self {
        Self {
            width,
            height,
            rgb: vec![colour; (width * height) as usize],
        }
    }

    pub fn at(&self, x: u32, y: u32) -> [u8; 3] {
        self.rgb[(y * self.width + x) as usize]
    }

    pub fn set(&mut self, x: u32, y: u32, colour: [u8; 3]) {
        self.rgb[(y * self.width + x) as usize] = colour;
    }
}

/// A rectangle of pixels: `x..x + w`, `y..y + h`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

impl Region {
    pub fn whole(p: &Picture) -> Self {
        Self {
            x: 0,
            y: 0,
            w: p.width,
            h: p.height,
        }
    }

    fn pixels(self) -> impl Iterator<Item = (u32, u32)> {
        (self.y..self.y + self.h).flat_map(move |y| (self.x..self.x + self.w).map(move |x| (x, y)))
    }
}

fn luminance(px: [u8; 3]) -> f64 {
    0.2126 * f64::from(px[0]) + 0.7152 * f64::from(px[1]) + 0.0722 * f64::from(px[2])
}

/// What a region shows: distinct colours (5 bits a channel), the spread of brightness, and
/// the share of pixels that are lit at all.
#[derive(Debug, Clone, Copy)]
pub struct Variety {
    pub colours: usize,
    pub spread: f64,
    pub lit: f64,
}

pub fn variety(p: &Picture, region: Region) -> Variety {
    let mut seen = std::collections::HashSet::new();
    let (mut sum, mut sum_sq, mut lit, mut n) = (0.0, 0.0, 0usize, 0usize);
    for (x, y) in region.pixels() {
        let px = p.at(x, y);
        seen.insert([px[0] >> 3, px[1] >> 3, px[2] >> 3]);
        let l = luminance(px);
        sum += l;
        sum_sq += l * l;
        lit += usize::from(l > LIT);
        n += 1;
    }
    let n_f = n.max(1) as f64;
    let mean = sum / n_f;
    Variety {
        colours: seen.len(),
        spread: (sum_sq / n_f - mean * mean).max(0.0).sqrt(),
        lit: lit as f64 / n_f,
    }
}

/// Brightness (0–255) above which a pixel counts as lit.
const LIT: f64 = 20.0;

/// A rendered 3D scene fills its region: many colours, a spread of brightness, and most of it
/// lit. Text on a black background has the colours and the spread, but not the light.
pub fn shows_a_scene(p: &Picture, region: Region) -> Result<Variety, String> {
    let v = variety(p, region);
    if v.colours <= 40 {
        return Err(format!("only {} colours: {v:?}", v.colours));
    }
    if v.spread <= 10.0 {
        return Err(format!("flat brightness: {v:?}"));
    }
    if v.lit < 0.5 {
        return Err(format!("{:.0} % of it is lit: {v:?}", v.lit * 100.0));
    }
    Ok(v)
}

/// The share of a region's pixels that differ clearly (summed channels by more than 30).
pub fn changed_fraction(a: &Picture, b: &Picture, region: Region) -> f64 {
    let mut changed = 0usize;
    let mut n = 0usize;
    for (x, y) in region.pixels() {
        changed += usize::from(clearly_differ(a.at(x, y), b.at(x, y)));
        n += 1;
    }
    changed as f64 / n.max(1) as f64
}

fn clearly_differ(p: [u8; 3], q: [u8; 3]) -> bool {
    (0..3).map(|i| u32::from(p[i].abs_diff(q[i]))).sum::<u32>() > 30
}

/// The tile whose mean |difference| per channel (0–255) is largest.
#[derive(Debug, Clone, Copy)]
pub struct WorstTile {
    pub column: u32,
    pub row: u32,
    pub mean: f64,
}

/// Split the frame into `columns` × `rows` tiles and compare them one by one, so a wrong patch
/// on a small part of the frame is not averaged away by the rest.
pub fn worst_tile(a: &Picture, b: &Picture, columns: u32, rows: u32) -> WorstTile {
    assert_eq!((a.width, a.height), (b.width, b.height), "same size");
    let mut worst = WorstTile {
        column: 0,
        row: 0,
        mean: -1.0,
    };
    for row in 0..rows {
        for column in 0..columns {
            let x0 = column * a.width / columns;
            let y0 = row * a.height / rows;
            let tile = Region {
                x: x0,
                y: y0,
                w: (column + 1) * a.width / columns - x0,
                h: (row + 1) * a.height / rows - y0,
            };
            let mut total = 0u64;
            let mut n = 0u64;
            for (x, y) in tile.pixels() {
                let (p, q) = (a.at(x, y), b.at(x, y));
                total += (0..3).map(|i| u64::from(p[i].abs_diff(q[i]))).sum::<u64>();
                n += 3;
            }
            let mean = total as f64 / n.max(1) as f64;
            if mean > worst.mean {
                worst = WorstTile { column, row, mean };
            }
        }
    }
    worst
}

/// Whether a pixel of a `capture --wall-mask` picture shows the wall (drawn magenta, which
/// nothing else on the stage is).
pub fn is_wall(px: [u8; 3]) -> bool {
    let [r, g, b] = px.map(i32::from);
    r - g > 80 && b - g > 80
}

/// Parallax seen on the wall alone: of the pixels that show the wall in both poses' masks
/// (so neither the camera rig nor the actor stands in front of it), the share that changed
/// between the two witness pictures. Returns (wall pixels compared, share changed).
pub fn wall_change(witness: [&Picture; 2], masks: [&Picture; 2]) -> (usize, f64) {
    let mut wall = 0usize;
    let mut changed = 0usize;
    for (i, (a, b)) in witness[0].rgb.iter().zip(&witness[1].rgb).enumerate() {
        if is_wall(masks[0].rgb[i]) && is_wall(masks[1].rgb[i]) {
            wall += 1;
            changed += usize::from(clearly_differ(*a, *b));
        }
    }
    (wall, changed as f64 / wall.max(1) as f64)
}

/// Hue (degrees, 0–360), saturation and value (0–1) of an RGB colour with 0–1 channels.
fn hsv([r, g, b]: [f32; 3]) -> (f32, f32, f32) {
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let range = max - min;
    let hue = if range <= f32::EPSILON {
        0.0
    } else if max == r {
        60.0 * ((g - b) / range).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / range + 2.0)
    } else {
        60.0 * ((r - g) / range + 4.0)
    };
    let saturation = if max > 0.0 { range / max } else { 0.0 };
    (hue, saturation, max)
}

/// Hue difference (degrees) within which a pixel counts as a material's colour: light and
/// tone mapping shift a lit colour's hue by a few degrees, not tens.
const HUE_TOLERANCE: f32 = 12.0;

/// How many pixels of a region show a coloured material of `colour` (sRGB, 0–1 channels): the
/// same hue within [`HUE_TOLERANCE`], clearly coloured (not a grey, not a near-black shadow),
/// whatever the light. Counts a small figure's shirt by its colour among the scenery's.
pub fn pixels_of_hue(p: &Picture, region: Region, colour: [f32; 3]) -> usize {
    let (want, want_s, _) = hsv(colour);
    region
        .pixels()
        .filter(|&(x, y)| {
            let (h, s, v) = hsv(p.at(x, y).map(|c| f32::from(c) / 255.0));
            let off = (h - want).abs();
            off.min(360.0 - off) <= HUE_TOLERANCE && s >= 0.5 * want_s && v > 0.12
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic busy pattern, like a rendered scene: smooth gradients plus texture.
    fn scene_like(w: u32, h: u32, seed: u32) -> Picture {
        let mut p = Picture::filled(w, h, [0; 3]);
        for y in 0..h {
            for x in 0..w {
                let n = (x * 7 + y * 13 + seed * 31) % 40;
                p.set(
                    x,
                    y,
                    [
                        (60 + x * 150 / w + n) as u8,
                        (50 + y * 150 / h + n) as u8,
                        (90 + (x + y + seed * 5) % 100) as u8,
                    ],
                );
            }
        }
        p
    }

    /// Light text-like strokes in many antialiased shades on a dark panel.
    fn write_text(p: &mut Picture, region: Region) {
        for (x, y) in region.pixels() {
            if (x / 2 + y / 3) % 5 == 0 && y % 9 < 7 {
                let shade = (80 + (x * 37 + y * 11) % 176) as u8;
                p.set(
                    x,
                    y,
                    [shade, shade.saturating_sub(x as u8 % 60), 255 - shade / 2],
                );
            }
        }
    }

    #[test]
    fn a_black_scene_fails_even_under_busy_text() {
        // 320×180: a side panel of text on the left, the 3D region on the right, black.
        let mut p = Picture::filled(320, 180, [0; 3]);
        let panel = Region {
            x: 0,
            y: 0,
            w: 100,
            h: 180,
        };
        let scene = Region {
            x: 100,
            y: 0,
            w: 220,
            h: 180,
        };
        write_text(&mut p, panel);
        // Some text over the scene too, like a notice.
        write_text(
            &mut p,
            Region {
                x: 120,
                y: 10,
                w: 180,
                h: 20,
            },
        );
        // Measured over the whole frame, the old thresholds would be met.
        let whole = variety(&p, Region::whole(&p));
        assert!(whole.colours > 40 && whole.spread > 10.0, "{whole:?}");
        assert!(shows_a_scene(&p, scene).is_err(), "a black scene must fail");
        // And the same check passes a real-looking scene in that region.
        let lit = scene_like(320, 180, 1);
        assert!(shows_a_scene(&lit, scene).is_ok());
    }

    #[test]
    fn changed_fraction_counts_only_the_region() {
        let a = scene_like(64, 32, 1);
        let mut b = scene_like(64, 32, 1);
        for y in 0..32 {
            for x in 0..16 {
                b.set(x, y, [0; 3]);
            }
        }
        assert_eq!(
            changed_fraction(
                &a,
                &b,
                Region {
                    x: 16,
                    y: 0,
                    w: 48,
                    h: 32
                }
            ),
            0.0
        );
        assert!((changed_fraction(&a, &b, Region::whole(&a)) - 0.25).abs() < 0.01);
    }

    #[test]
    fn a_wrong_patch_on_five_percent_of_the_frame_is_caught() {
        let a = scene_like(320, 180, 1);
        let mut b = scene_like(320, 180, 1);
        // 72×40 px = 5 % of the frame, off by 40/255 in every channel.
        for y in 100..140 {
            for x in 200..272 {
                let p = b.at(x, y);
                b.set(x, y, p.map(|c| c.saturating_sub(40)));
            }
        }
        let whole = worst_tile(&a, &b, 1, 1);
        assert!(whole.mean < 2.5, "a whole-frame mean hides it: {whole:?}");
        let worst = worst_tile(&a, &b, 16, 9);
        assert!(worst.mean > 30.0, "{worst:?}");
        assert!(
            (10..=13).contains(&worst.column) && (5..=6).contains(&worst.row),
            "{worst:?}"
        );
        assert_eq!(worst_tile(&a, &a, 16, 9).mean, 0.0);
    }

    #[test]
    fn a_moving_rig_in_front_of_a_fixed_wall_is_not_parallax() {
        // The wall fills the top half; the rig (a dark block) stands in front of it at
        // different places in the two poses, and the wall's picture does not change.
        let wall = scene_like(80, 40, 3);
        let mut witness = [wall_with_rig(&wall, 10), wall_with_rig(&wall, 50)];
        let masks = [mask_with_rig(10), mask_with_rig(50)];
        let (pixels, share) = wall_change([&witness[0], &witness[1]], [&masks[0], &masks[1]]);
        assert!(pixels > 1000, "{pixels}");
        assert_eq!(share, 0.0, "the rig's move is outside the compared pixels");
        // The whole frame did change, which the old check counted as parallax.
        assert!(changed_fraction(&witness[0], &witness[1], Region::whole(&wall)) > 0.05);
        // When the wall's picture shifts, the check sees it.
        let shifted = scene_like(80, 40, 9);
        witness[1] = wall_with_rig(&shifted, 50);
        let (_, share) = wall_change([&witness[0], &witness[1]], [&masks[0], &masks[1]]);
        assert!(share > 0.3, "{share}");
    }

    fn wall_with_rig(wall: &Picture, rig_x: u32) -> Picture {
        let mut p = Picture::filled(80, 40, [30, 30, 30]);
        for y in 0..20 {
            for x in 0..80 {
                p.set(x, y, wall.at(x, y));
            }
        }
        for y in 5..40 {
            for x in rig_x..rig_x + 10 {
                p.set(x, y, [10, 10, 12]);
            }
        }
        p
    }

    fn mask_with_rig(rig_x: u32) -> Picture {
        let mut p = Picture::filled(80, 40, [0; 3]);
        for y in 0..20 {
            for x in 0..80 {
                if !(rig_x..rig_x + 10).contains(&x) || y < 5 {
                    p.set(x, y, [230, 20, 230]);
                }
            }
        }
        p
    }

    #[test]
    fn a_shirt_is_counted_by_its_hue_and_the_scenery_is_not() {
        // Orange and grey scenery, with a red shirt of 6 × 8 px lit and 6 × 4 px in shade.
        let red = [0.85, 0.30, 0.25];
        let mut p = Picture::filled(40, 30, [225, 150, 60]);
        for y in 0..30 {
            for x in 20..40 {
                p.set(x, y, [110, 110, 115]);
            }
        }
        for y in 10..18 {
            for x in 10..16 {
                p.set(x, y, [200, 70, 60]);
            }
        }
        for y in 18..22 {
            for x in 10..16 {
                p.set(x, y, [90, 30, 26]);
            }
        }
        assert_eq!(pixels_of_hue(&p, Region::whole(&p), red), 72);
        // Without the shirt, nothing of its colour is found.
        let bare = Picture::filled(40, 30, [225, 150, 60]);
        assert_eq!(pixels_of_hue(&bare, Region::whole(&bare), red), 0);
        // A near-black shadow of any hue does not count.
        let dark = Picture::filled(4, 4, [20, 6, 5]);
        assert_eq!(pixels_of_hue(&dark, Region::whole(&dark), red), 0);
    }
}
