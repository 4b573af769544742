//! The studio backlot, laid out as plain shapes: where each stop's building stands and how big
//! it is, and everything that dresses the lot around them. Each stop's building looks like the
//! work done in it (a visitor centre, a previs office, a sound stage with its elephant door
//! open on the LED volume, an edit bay, a marketing office under a billboard, an innovation
//! lab, a screening room), and the lot has what real ones have: numbered sound stages, a water
//! tower with the studio's name, trailers, golf carts, palms, lamps and a gate.
//!
//! Plain Rust, no Bevy: `tour::lot_dressing` merges these shapes into a few meshes, the same
//! way the stage merges a virtual world. The street runs along X; stops alternate sides, even
//! ones on the far side (−Z), odd ones on the near side (+Z), where the camera stands.

use glam::{Quat, Vec3};

use super::lettering::{Paint, paint_on_wall};
use super::lot_props;

#[cfg(test)]
#[path = "backlot_tests.rs"]
mod tests;
use crate::stage::model::scene::{PartKind, Primitive, Rgb, Shape};

/// The studio's name, on the water tower and over the gate.
pub const STUDIO_NAME: &str = "BACKLOT";
/// Every stop building is this deep; its front wall stands this far from the street's middle.
pub const BUILDING_DEPTH: f32 = 9.0;
pub const FRONT_Z: f32 = 8.0;
/// The street's half-width and the sidewalks' outer edge.
pub const STREET_HALF_WIDTH: f32 = 3.0;
pub const SIDEWALK_EDGE: f32 = 6.0;
/// The street runs from −STREET_END to STREET_END.
pub const STREET_END: f32 = 38.0;
/// Where the water tower stands: behind the far row, between two numbered stages.
pub const WATER_TOWER: Vec3 = Vec3::new(0.0, 0.0, -27.0);
/// Buildings on the near side stay below this, so the camera behind them sees the street.
pub const NEAR_SIDE_MAX_HEIGHT: f32 = 5.5;

/// Where the door of stop `n`'s building is: stops alternate sides of a street along X.
pub fn door_position(stop: usize) -> Vec3 {
    let x = -27.0 + 9.0 * stop as f32;
    let z = if stop.is_multiple_of(2) { -7.0 } else { 7.0 };
    Vec3::new(x, 0.0, z)
}

/// Where the hosts of stop `n` stand on the lot: beside its door, a step towards the street.
pub fn beside_door(stop: usize) -> Vec3 {
    let door = door_position(stop);
    door + Vec3::new(-2.4, 0.0, -door.z.signum() * 0.8)
}

/// +1 for the near side (+Z), −1 for the far side.
pub(super) fn side(stop: usize) -> f32 {
    door_position(stop).z.signum()
}

/// The building's width along the street, height and depth: each fits the work done in it.
pub fn building_size(stop: usize) -> Vec3 {
    let (width, height) = match stop {
        0 => (12.0, 6.0),  // visitor centre
        1 => (12.0, 5.0),  // previs office
        2 => (15.0, 11.0), // sound stage
        3 => (12.0, 5.0),  // edit bay
        4 => (12.0, 8.0),  // marketing office
        5 => (12.0, 5.5),  // innovation lab
        _ => (13.0, 8.0),  // screening room
    };
    Vec3::new(width, height, BUILDING_DEPTH)
}

/// The middle of stop `n`'s building: behind its door, away from the street.
pub fn building_center(stop: usize) -> Vec3 {
    let size = building_size(stop);
    let door = door_position(stop);
    Vec3::new(
        door.x,
        0.5 * size.y,
        side(stop) * (FRONT_Z + 0.5 * BUILDING_DEPTH),
    )
}

/// The wall facing the street: its outward normal, and the point in its middle at height `y`.
fn front(stop: usize, y: f32) -> (Vec3, Vec3) {
    let normal = Vec3::Z * -side(stop);
    (
        normal,
        Vec3::new(door_position(stop).x, y, side(stop) * FRONT_Z),
    )
}

pub(super) fn cuboid(
    kind: PartKind,
    size: Vec3,
    at: Vec3,
    color: Rgb,
    roughness: f32,
) -> Primitive {
    Primitive::new(kind, Shape::Cuboid { size }, at, color, roughness)
}

pub(super) fn cylinder(
    kind: PartKind,
    radius: f32,
    height: f32,
    at: Vec3,
    color: Rgb,
) -> Primitive {
    Primitive::new(kind, Shape::Cylinder { radius, height }, at, color, 0.7)
}

pub(super) const WHITE_PAINT: Rgb = [0.86, 0.86, 0.82];
pub(super) const ROOF: Rgb = [0.3, 0.3, 0.32];
pub(super) const CONCRETE: Rgb = [0.62, 0.6, 0.56];
pub(super) const METAL: Rgb = [0.55, 0.56, 0.58];
pub(super) const DARK: Rgb = [0.04, 0.04, 0.05];
pub(super) const GLASS: Rgb = [0.12, 0.2, 0.28];
pub(super) const WARM_LIGHT: Rgb = [4.0, 3.2, 1.8];

/// The trims and signature of stop `n`'s building, beyond its coloured walls (which the lot
/// colours by progress). Kept apart from the rest of the lot so the building can turn see-through
/// as a whole when it stands between the camera and the player.
pub fn stop_dressing(stop: usize) -> Vec<Primitive> {
    let mut parts = stop_trim(stop);
    parts.extend(stop_signature(stop));
    parts
}

/// Everything else on the lot: the numbered stages, the water tower, the gate, sidewalks,
/// lamps, palms, carts and trailers. The same every run.
pub fn lot_dressing() -> Vec<Primitive> {
    let mut parts = lot_props::numbered_stages();
    parts.extend(lot_props::water_tower(WATER_TOWER));
    parts.extend(lot_props::gate(-STREET_END - 1.0));
    parts.extend(lot_props::street_furniture());
    parts.extend(lot_props::basecamp(STREET_END + 7.0));
    parts
}

/// Where the map's camera stands and looks while it follows a player whose middle is at
/// `player`: behind and above, on the near side, looking across the street at the far row.
pub fn follow_camera(player: Vec3) -> (Vec3, Vec3) {
    (
        player + Vec3::new(0.0, 18.0, 26.0),
        player + Vec3::new(0.0, 2.5, -7.0),
    )
}

/// Smallest axis-aligned box around a shape at any rotation: exact for boxes, cylinders and
/// ellipsoids, a cone is boxed as its cylinder.
pub fn bounds(p: &Primitive) -> (Vec3, Vec3) {
    let axes = [Vec3::X, Vec3::Y, Vec3::Z].map(|a| p.rotation * a);
    let extent = match p.shape {
        Shape::Cuboid { size } => {
            axes[0].abs() * (0.5 * size.x)
                + axes[1].abs() * (0.5 * size.y)
                + axes[2].abs() * (0.5 * size.z)
        }
        Shape::Cylinder { radius, height } | Shape::Cone { radius, height } => {
            let up = axes[1];
            let rim = Vec3::ONE - up * up;
            up.abs() * (0.5 * height) + rim.max(Vec3::ZERO).map(f32::sqrt) * radius
        }
        Shape::Ellipsoid { radii } => {
            let scaled = [axes[0] * radii.x, axes[1] * radii.y, axes[2] * radii.z];
            (scaled[0] * scaled[0] + scaled[1] * scaled[1] + scaled[2] * scaled[2]).map(f32::sqrt)
        }
        _ => Vec3::splat(p.bounding_radius()),
    };
    (p.translation - extent, p.translation + extent)
}

/// The box of stop `n`'s building with its roof and everything on it, from its front wall
/// back: a canopy or a marquee over the sidewalk is walked under, not hidden behind.
pub fn building_bounds(stop: usize) -> (Vec3, Vec3) {
    let centre = building_center(stop);
    let half = 0.5 * building_size(stop);
    let (lo, hi) = stop_dressing(stop)
        .iter()
        .map(bounds)
        .fold((centre - half, centre + half), |(lo, hi), (a, b)| {
            (lo.min(a), hi.max(b))
        });
    let z = (centre.z - half.z, centre.z + half.z);
    (
        Vec3::new(lo.x, lo.y, lo.z.max(z.0)),
        Vec3::new(hi.x, hi.y, hi.z.min(z.1)),
    )
}

/// Whether the segment from `from` to `to` passes through the box `lo`..`hi` (slab test).
pub fn segment_hits_box(from: Vec3, to: Vec3, (lo, hi): (Vec3, Vec3)) -> bool {
    let d = to - from;
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for axis in 0..3 {
        let (o, v) = (from[axis], d[axis]);
        if v.abs() < 1e-9 {
            if o < lo[axis] || o > hi[axis] {
                return false;
            }
            continue;
        }
        let (a, b) = ((lo[axis] - o) / v, (hi[axis] - o) / v);
        t0 = t0.max(a.min(b));
        t1 = t1.min(a.max(b));
        if t0 > t1 {
            return false;
        }
    }
    true
}

/// Whether stop `n`'s building stands between the camera at `eye` and the player at `player`
/// (their middle): the lot then shows it see-through, as games show a wall in the way.
pub fn hides_player(stop: usize, eye: Vec3, player: Vec3) -> bool {
    box_hides_player(building_bounds(stop), eye, player)
}

/// [`hides_player`] for a building whose [`building_bounds`] are already known (the lot asks
/// every frame; the bounds never change).
pub fn box_hides_player(bounds: (Vec3, Vec3), eye: Vec3, player: Vec3) -> bool {
    // The head and the feet: hidden if either is.
    [0.7, -0.7]
        .into_iter()
        .any(|dy| segment_hits_box(eye, player + Vec3::Y * dy, bounds))
}

/// What every stop building has: a roof, a parapet and its number painted big on the front.
fn stop_trim(stop: usize) -> Vec<Primitive> {
    let size = building_size(stop);
    let centre = building_center(stop);
    let mut parts = vec![cuboid(
        PartKind::Building,
        Vec3::new(size.x + 0.4, 0.5, size.z + 0.4),
        centre + Vec3::Y * (0.5 * size.y + 0.25),
        ROOF,
        0.9,
    )];
    let (normal, wall) = front(stop, 0.62 * size.y);
    let right = Vec3::Y.cross(normal);
    let pixel = (0.09 * size.y).clamp(0.3, 0.55);
    parts.extend(paint_on_wall(
        &stop.to_string(),
        Paint {
            centre: wall - right * (0.5 * size.x - 1.8),
            normal,
            pixel,
            color: WHITE_PAINT,
            glow: [0.0; 3],
        },
    ));
    if side(stop) > 0.0 {
        parts.extend(back_wall(stop));
    }
    parts
}

/// The back of a near-side building, which faces the lot's camera: its number painted again
/// (the front faces away from the camera), a back door under a small awning, a row of windows
/// and drainpipes at the corners, so the camera does not look at a blank wall.
fn back_wall(stop: usize) -> Vec<Primitive> {
    let size = building_size(stop);
    let centre = building_center(stop);
    let back = centre.z + 0.5 * size.z;
    let normal = Vec3::Z;
    let pixel = (0.09 * size.y).clamp(0.3, 0.55);
    let mut parts = paint_on_wall(
        &stop.to_string(),
        Paint {
            centre: Vec3::new(centre.x - 0.5 * size.x + 1.8, 0.55 * size.y, back),
            normal,
            pixel,
            color: WHITE_PAINT,
            glow: [0.0; 3],
        },
    );
    let door_x = centre.x + 1.5;
    parts.push(cuboid(
        PartKind::Building,
        Vec3::new(1.1, 2.1, 0.1),
        Vec3::new(door_x, 1.05, back + 0.05),
        DARK,
        0.6,
    ));
    parts.push(cuboid(
        PartKind::Building,
        Vec3::new(1.8, 0.12, 1.0),
        Vec3::new(door_x, 2.45, back + 0.5),
        METAL,
        0.5,
    ));
    // Windows along the upper floor, above the door and clear of the number.
    let mut x = centre.x - 0.5 * size.x + 4.0;
    while x + 0.7 <= centre.x + 0.5 * size.x - 0.6 {
        parts.push(cuboid(
            PartKind::Window,
            Vec3::new(1.4, 1.0, 0.1),
            Vec3::new(x, 0.72 * size.y, back + 0.05),
            GLASS,
            0.15,
        ));
        x += 2.2;
    }
    for along in [-0.5, 0.5] {
        parts.push(cylinder(
            PartKind::Pole,
            0.07,
            size.y,
            Vec3::new(centre.x + along * (size.x - 0.3), 0.5 * size.y, back + 0.1),
            METAL,
        ));
    }
    parts
}

/// Rows of windows across a front wall, leaving the door's bay clear.
fn window_row(stop: usize, y: f32, height: f32, color: Rgb, glow: Rgb) -> Vec<Primitive> {
    let size = building_size(stop);
    let (normal, wall) = front(stop, y);
    let right = Vec3::Y.cross(normal);
    let mut parts = Vec::new();
    let mut along = -0.5 * size.x + 1.2;
    while along + 1.6 <= 0.5 * size.x - 0.8 {
        let centre = along + 0.8;
        // The door's bay (and the painted number, on the left) stay bare.
        if centre.abs() > 2.2 && centre > -0.5 * size.x + 3.6 {
            parts.push(
                cuboid(
                    PartKind::Window,
                    Vec3::new(1.6, height, 0.12),
                    wall + right * centre + normal * 0.04,
                    color,
                    0.15,
                )
                .rotated(Quat::from_rotation_arc(Vec3::Z, normal))
                .glowing(glow),
            );
        }
        along += 2.3;
    }
    parts
}

/// What makes each building the place its stop is about.
fn stop_signature(stop: usize) -> Vec<Primitive> {
    match stop {
        0 => visitor_centre(),
        1 => {
            let mut p = window_row(1, 2.6, 1.4, GLASS, [0.0; 3]);
            p.extend(roof_units(1, 2));
            p
        }
        2 => sound_stage(),
        3 => edit_bay(),
        4 => marketing_office(),
        5 => innovation_lab(),
        _ => screening_room(),
    }
}

/// Air-conditioning boxes on a roof.
fn roof_units(stop: usize, count: usize) -> Vec<Primitive> {
    let size = building_size(stop);
    let centre = building_center(stop);
    (0..count)
        .map(|i| {
            let x = centre.x + (i as f32 - 0.5 * (count - 1) as f32) * 3.0;
            cuboid(
                PartKind::Building,
                Vec3::new(1.8, 1.0, 1.4),
                Vec3::new(x, size.y + 1.0, centre.z + side(stop) * 2.0),
                METAL,
                0.5,
            )
        })
        .collect()
}

/// Stop 0: a canopy over the entrance on two posts, and planters either side.
fn visitor_centre() -> Vec<Primitive> {
    let (normal, wall) = front(0, 3.5);
    let right = Vec3::Y.cross(normal);
    let mut parts = vec![cuboid(
        PartKind::Building,
        Vec3::new(6.0, 0.25, 2.6),
        wall + normal * 1.3,
        WHITE_PAINT,
        0.5,
    )];
    for s in [-1.0, 1.0] {
        parts.push(cylinder(
            PartKind::Pole,
            0.1,
            3.5,
            wall + normal * 2.4 + right * (s * 1.7) - Vec3::Y * 1.75,
            METAL,
        ));
        let planter = wall + normal * 0.8 + right * (s * 4.2) - Vec3::Y * 3.1;
        parts.push(cuboid(
            PartKind::Building,
            Vec3::new(1.6, 0.8, 1.0),
            planter,
            CONCRETE,
            0.9,
        ));
        parts.push(Primitive::new(
            PartKind::Plant,
            Shape::Ellipsoid {
                radii: Vec3::new(0.8, 0.6, 0.5),
            },
            planter + Vec3::Y * 0.6,
            [0.16, 0.36, 0.14],
            0.9,
        ));
    }
    parts.extend(window_row(0, 2.0, 2.2, GLASS, [0.0; 3]));
    parts
}

/// Stop 2: a sound stage whose elephant door stands open on the LED volume inside.
fn sound_stage() -> Vec<Primitive> {
    let size = building_size(2);
    let (normal, wall) = front(2, 0.0);
    let right = Vec3::Y.cross(normal);
    let rot = Quat::from_rotation_arc(Vec3::Z, normal);
    // The opening, right of the people door: dark inside.
    let opening = wall + right * 4.2 + Vec3::Y * 3.5;
    let mut parts = vec![
        cuboid(
            PartKind::Building,
            Vec3::new(4.6, 7.0, 0.1),
            opening + normal * 0.02,
            DARK,
            1.0,
        )
        .rotated(rot),
    ];
    // The door's two leaves, swung open towards the street.
    for edge in [-2.4, 2.4] {
        parts.push(
            cuboid(
                PartKind::Building,
                Vec3::new(0.25, 7.2, 2.3),
                opening + right * edge + normal * 1.15 + Vec3::Y * 0.1,
                [0.5, 0.5, 0.52],
                0.6,
            )
            .rotated(rot),
        );
    }
    // The LED volume through the door: a curved wall of glowing panels, a dusk sky on it.
    for i in 0..9 {
        let t = i as f32 / 8.0 - 0.5;
        let y_band = [
            [0.9, 0.45, 0.2],
            [0.8, 0.5, 0.35],
            [0.45, 0.45, 0.6],
            [0.2, 0.3, 0.6],
        ];
        for (row, glow) in y_band.iter().enumerate() {
            let at = opening + right * (t * 4.0) + normal * (0.1 + 0.6 * t * t) - Vec3::Y * 2.4
                + Vec3::Y * (row as f32 * 1.25 + 0.5);
            parts.push(
                cuboid(
                    PartKind::Light,
                    Vec3::new(0.5, 1.2, 0.05),
                    at,
                    [0.05; 3],
                    0.3,
                )
                .rotated(rot * Quat::from_rotation_y(-1.2 * t))
                .glowing(*glow),
            );
        }
    }
    // A red "on air" light over the people door, a big sound stage's warning.
    parts.push(
        Primitive::new(
            PartKind::Light,
            Shape::Sphere { radius: 0.3 },
            wall + normal * 0.3 + Vec3::Y * 3.9 - right * 1.8,
            [0.5, 0.05, 0.05],
            0.3,
        )
        .glowing([3.0, 0.2, 0.1]),
    );
    parts.extend(roof_units(2, 3).into_iter().map(|mut p| {
        p.translation.y = size.y + 1.0;
        p
    }));
    parts
}

/// Stop 3: edit suites behind dim windows lit blue by monitors, and a dish on the roof.
fn edit_bay() -> Vec<Primitive> {
    let size = building_size(3);
    let centre = building_center(3);
    let mut parts = window_row(3, 2.6, 1.2, GLASS, [0.15, 0.35, 0.8]);
    let dish = Vec3::new(centre.x + 3.0, size.y + 1.6, centre.z);
    parts.push(cylinder(
        PartKind::Pole,
        0.12,
        1.4,
        dish - Vec3::Y * 0.9,
        METAL,
    ));
    parts.push(
        Primitive::new(
            PartKind::Building,
            Shape::Ellipsoid {
                radii: Vec3::new(1.3, 1.3, 0.3),
            },
            dish,
            WHITE_PAINT,
            0.5,
        )
        .rotated(Quat::from_rotation_x(-0.6)),
    );
    parts
}

/// Stop 4: a billboard on the roof, with a poster for the film the students are making.
fn marketing_office() -> Vec<Primitive> {
    let size = building_size(4);
    let centre = building_center(4);
    let (normal, _) = front(4, 0.0);
    let rot = Quat::from_rotation_arc(Vec3::Z, normal);
    let board = Vec3::new(centre.x, size.y + 3.4, centre.z - side(4) * 2.0);
    let mut parts = window_row(4, 2.4, 1.4, GLASS, [0.0; 3]);
    parts.extend(window_row(4, 5.4, 1.4, GLASS, [0.0; 3]));
    for s in [-3.5, 3.5] {
        parts.push(cylinder(
            PartKind::Pole,
            0.15,
            3.0,
            Vec3::new(board.x + s, size.y + 1.5, board.z),
            METAL,
        ));
    }
    let poster: [(f32, Rgb, Rgb); 3] = [
        (1.2, [0.9, 0.35, 0.55], [0.0; 3]),
        (0.0, [0.15, 0.12, 0.3], [0.0; 3]),
        (-1.1, [0.95, 0.75, 0.3], [0.25, 0.18, 0.05]),
    ];
    for (dy, color, glow) in poster {
        parts.push(
            cuboid(
                PartKind::Sign,
                Vec3::new(9.0, 1.2, 0.2),
                board + Vec3::Y * dy,
                color,
                0.6,
            )
            .rotated(rot)
            .glowing(glow),
        );
    }
    parts
}

/// Stop 5: a glass front, a dome and a mast on the roof.
fn innovation_lab() -> Vec<Primitive> {
    let size = building_size(5);
    let centre = building_center(5);
    let mut parts = window_row(5, 2.7, 3.4, [0.2, 0.35, 0.45], [0.0; 3]);
    parts.push(Primitive::new(
        PartKind::Building,
        Shape::Sphere { radius: 2.4 },
        Vec3::new(centre.x - 2.5, size.y, centre.z + 1.0),
        [0.8, 0.82, 0.86],
        0.3,
    ));
    parts.push(cylinder(
        PartKind::Pole,
        0.1,
        5.0,
        Vec3::new(centre.x + 3.5, size.y + 2.5, centre.z),
        METAL,
    ));
    parts.push(
        Primitive::new(
            PartKind::Light,
            Shape::Sphere { radius: 0.25 },
            Vec3::new(centre.x + 3.5, size.y + 5.1, centre.z),
            [0.2, 0.6, 0.4],
            0.3,
        )
        .glowing([0.4, 2.5, 1.2]),
    );
    parts
}

/// Stop 6: a marquee of bulbs over the doors, a blade sign and posters.
fn screening_room() -> Vec<Primitive> {
    let size = building_size(6);
    let (normal, wall) = front(6, 3.6);
    let right = Vec3::Y.cross(normal);
    let rot = Quat::from_rotation_arc(Vec3::Z, normal);
    let mut parts = vec![
        cuboid(
            PartKind::Building,
            Vec3::new(7.0, 0.4, 1.6),
            wall + normal * 0.8,
            [0.7, 0.15, 0.15],
            0.5,
        )
        .rotated(rot),
    ];
    for i in 0..15 {
        let x = (i as f32 / 14.0 - 0.5) * 6.6;
        parts.push(
            Primitive::new(
                PartKind::Light,
                Shape::Sphere { radius: 0.09 },
                wall + normal * 1.62 + right * x - Vec3::Y * 0.25,
                [0.9, 0.8, 0.5],
                0.3,
            )
            .glowing(WARM_LIGHT),
        );
    }
    // The blade sign up the corner, and a poster either side of the doors.
    parts.push(
        cuboid(
            PartKind::Sign,
            Vec3::new(0.3, 4.0, 1.4),
            wall + normal * 0.9 + right * (0.5 * size.x - 1.0) + Vec3::Y * 1.6,
            [0.9, 0.8, 0.3],
            0.5,
        )
        .rotated(rot)
        .glowing([0.5, 0.35, 0.05]),
    );
    for s in [-1.0, 1.0] {
        parts.push(
            cuboid(
                PartKind::Sign,
                Vec3::new(1.3, 2.0, 0.08),
                wall + normal * 0.05 + right * (s * 3.2) - Vec3::Y * 2.0,
                [0.2, 0.3, 0.65],
                0.4,
            )
            .rotated(rot),
        );
    }
    parts
}
