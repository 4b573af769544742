//! Painted letters and numbers for the studio lot: a 5 × 7 block font, turned into boxes on a
//! wall or around a water tower's tank. Real studio lots paint stage numbers metres high and
//! the studio's name on the water tower; here both are geometry, so they light and cast
//! shadows like the walls they are painted on. Plain Rust, no Bevy.

use glam::{Quat, Vec3};

use crate::stage::model::scene::{PartKind, Primitive, Rgb, Shape};

/// Rows of a glyph, top first; `#` is paint.
fn glyph(c: char) -> Option<[&'static str; 7]> {
    Some(match c {
        'A' => [
            ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#",
        ],
        'B' => [
            "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####.",
        ],
        'C' => [
            ".####", "#....", "#....", "#....", "#....", "#....", ".####",
        ],
        'E' => [
            "#####", "#....", "#....", "####.", "#....", "#....", "#####",
        ],
        'G' => [
            ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###.",
        ],
        'K' => [
            "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#",
        ],
        'L' => [
            "#....", "#....", "#....", "#....", "#....", "#....", "#####",
        ],
        'O' => [
            ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.",
        ],
        'S' => [
            ".####", "#....", "#....", ".###.", "....#", "....#", "####.",
        ],
        'T' => [
            "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#..",
        ],
        '0' => [
            ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###.",
        ],
        '1' => [
            "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###.",
        ],
        '2' => [
            ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####",
        ],
        '3' => [
            "####.", "....#", "....#", ".###.", "....#", "....#", "####.",
        ],
        '4' => [
            "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#.",
        ],
        '5' => [
            "#####", "#....", "####.", "....#", "....#", "#...#", ".###.",
        ],
        '6' => [
            ".###.", "#....", "#....", "####.", "#...#", "#...#", ".###.",
        ],
        '7' => [
            "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#...",
        ],
        '8' => [
            ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###.",
        ],
        '9' => [
            ".###.", "#...#", "#...#", ".####", "....#", "....#", ".###.",
        ],
        _ => return None,
    })
}

/// Columns a glyph takes, with the gap after it.
const ADVANCE: usize = 6;
const ROWS: usize = 7;

/// Each painted run of `text`: (first column, last column, row from the top), columns counted
/// across the whole text. Characters without a glyph are left as a space.
fn runs(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in text.chars().enumerate() {
        let Some(rows) = glyph(c.to_ascii_uppercase()) else {
            continue;
        };
        for (row, line) in rows.iter().enumerate() {
            let mut start = None;
            for (col, cell) in line.chars().chain(std::iter::once('.')).enumerate() {
                match (cell == '#', start) {
                    (true, None) => start = Some(col),
                    (false, Some(s)) => {
                        out.push((i * ADVANCE + s, i * ADVANCE + col - 1, row));
                        start = None;
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

/// Width of `text` in font pixels (no gap after the last glyph).
pub fn text_columns(text: &str) -> usize {
    (text.chars().count() * ADVANCE).saturating_sub(1)
}

/// How a text is painted on a flat wall.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    /// Centre of the text, on the wall's surface.
    pub centre: Vec3,
    /// The wall's outward normal, horizontal: the text reads from the side it faces.
    pub normal: Vec3,
    /// Size of one font pixel, metres.
    pub pixel: f32,
    pub color: Rgb,
    pub glow: Rgb,
}

/// `text` painted on a flat wall: one thin box per horizontal run of paint.
pub fn paint_on_wall(text: &str, paint: Paint) -> Vec<Primitive> {
    let normal = paint.normal.normalize_or(Vec3::Z);
    // As a reader facing the wall sees it: right is along the wall, up is up.
    let right = Vec3::Y.cross(normal);
    let rotation = Quat::from_rotation_arc(Vec3::Z, normal);
    let width = text_columns(text) as f32 * paint.pixel;
    let height = ROWS as f32 * paint.pixel;
    let top_left = paint.centre - right * (0.5 * width) + Vec3::Y * (0.5 * height);
    runs(text)
        .into_iter()
        .map(|(from, to, row)| {
            let len = (to - from + 1) as f32 * paint.pixel;
            let along = (from as f32) * paint.pixel + 0.5 * len;
            let down = (row as f32 + 0.5) * paint.pixel;
            let at = top_left + right * along - Vec3::Y * down + normal * 0.03;
            Primitive::new(
                PartKind::Sign,
                Shape::Cuboid {
                    size: Vec3::new(len, paint.pixel, 0.06),
                },
                at,
                paint.color,
                0.6,
            )
            .rotated(rotation)
            .glowing(paint.glow)
        })
        .collect()
}

/// `text` painted around a vertical cylinder of `radius` centred on `axis` (its middle row at
/// `axis.y`), centred on the side facing `facing`: one small box per font pixel, each turned
/// to face out.
pub fn paint_on_cylinder(
    text: &str,
    axis: Vec3,
    radius: f32,
    facing: Vec3,
    pixel: f32,
    color: Rgb,
) -> Vec<Primitive> {
    let centre_angle = facing.x.atan2(facing.z);
    let half_columns = 0.5 * text_columns(text) as f32;
    let mut out = Vec::new();
    for (from, to, row) in runs(text) {
        for col in from..=to {
            // Reading left to right, facing the tank, runs clockwise seen from above.
            let angle = centre_angle + (col as f32 + 0.5 - half_columns) * pixel / radius;
            let out_dir = Vec3::new(angle.sin(), 0.0, angle.cos());
            let y = axis.y + (0.5 * ROWS as f32 - row as f32 - 0.5) * pixel;
            let at = Vec3::new(axis.x, y, axis.z) + out_dir * (radius + 0.02);
            out.push(
                Primitive::new(
                    PartKind::Sign,
                    Shape::Cuboid {
                        size: Vec3::new(pixel, pixel, 0.08),
                    },
                    at,
                    color,
                    0.6,
                )
                .rotated(Quat::from_rotation_y(angle)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHITE: Rgb = [0.9, 0.9, 0.9];

    #[test]
    fn every_character_the_lot_paints_has_a_glyph_of_seven_rows_of_five() {
        for c in "BACKLOTSTAGE0123456789".chars() {
            let rows = glyph(c).unwrap_or_else(|| panic!("no glyph for {c}"));
            assert!(rows.iter().all(|r| r.len() == 5), "{c}");
            assert!(rows.iter().any(|r| r.contains('#')), "{c} is blank");
        }
        assert!(glyph('?').is_none());
    }

    #[test]
    fn runs_merge_a_row_of_paint_into_one_box() {
        // T: a full top bar (one run of 5) and a stem of one pixel in each of 6 rows.
        let t = runs("T");
        assert_eq!(t.len(), 7);
        assert!(t.contains(&(0, 4, 0)));
        assert!(
            t.iter()
                .filter(|r| r.2 > 0)
                .all(|&(a, b, _)| a == 2 && b == 2)
        );
        // The second character starts one glyph and one gap later.
        assert!(runs("1T").contains(&(6, 10, 0)));
    }

    #[test]
    fn paint_on_a_wall_reads_left_to_right_for_someone_facing_it() {
        for normal in [Vec3::Z, Vec3::NEG_Z, Vec3::X] {
            let paint = Paint {
                centre: Vec3::new(0.0, 5.0, 0.0),
                normal,
                pixel: 0.5,
                color: WHITE,
                glow: [0.0; 3],
            };
            // "L1": the L's stem is on the reader's left of the 1.
            let parts = paint_on_wall("L1", paint);
            let right = Vec3::Y.cross(normal);
            let first_stem = parts[0].translation.dot(right);
            let last = parts.last().expect("painted").translation.dot(right);
            assert!(first_stem < last, "{normal}: {first_stem} !< {last}");
            // Everything sits just proud of the wall, within the text's box.
            for p in &parts {
                let out = p.translation.dot(normal);
                assert!(out > 0.0 && out < 0.1, "{normal}: {out}");
                assert!((p.translation.y - 5.0).abs() <= 3.5 * 0.5);
            }
        }
    }

    #[test]
    fn paint_on_a_tank_wraps_round_it_and_faces_out() {
        let axis = Vec3::new(10.0, 20.0, -5.0);
        let parts = paint_on_cylinder("BACKLOT", axis, 4.0, Vec3::Z, 0.25, WHITE);
        assert!(parts.len() > 100, "{}", parts.len());
        for p in &parts {
            let flat = Vec3::new(p.translation.x - axis.x, 0.0, p.translation.z - axis.z);
            assert!((flat.length() - 4.02).abs() < 1e-3);
            // Each pixel's face points away from the axis.
            let faces = p.rotation * Vec3::Z;
            assert!(faces.dot(flat.normalize()) > 0.999);
            // Centred on the side it faces: nothing wraps round to the back.
            assert!(flat.z > 0.0);
        }
        // The first letter (B) is on the left of a reader facing the tank from +Z.
        let b = parts.first().expect("painted").translation.x;
        let t = parts.last().expect("painted").translation.x;
        assert!(b < axis.x && t > axis.x, "{b} {t}");
    }
}
