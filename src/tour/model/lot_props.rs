//! The studio lot around the stop buildings: the numbered sound stages behind the far row, the
//! water tower with the studio's name, the gate at the top of the street, sidewalks, lamps,
//! palms, golf carts, and the trailers of a production's basecamp. Plain Rust, no Bevy; see
//! `backlot` for the coordinates.

use glam::{Quat, Vec3};

use super::backlot::{
    CONCRETE, DARK, GLASS, METAL, ROOF, SIDEWALK_EDGE, STREET_END, STREET_HALF_WIDTH, STUDIO_NAME,
    WHITE_PAINT, cuboid, cylinder, door_position,
};
use super::lettering::{Paint, paint_on_cylinder, paint_on_wall};
use crate::stage::model::scene::{PartKind, Primitive, Rgb, Shape};

/// The numbered stages' walls: the cream of an old Hollywood lot.
const STAGE_WALL: Rgb = [0.74, 0.66, 0.52];
const STAGE_DOOR: Rgb = [0.42, 0.46, 0.5];
/// Their numbers are painted dark, to read against the cream from across the lot.
const STAGE_PAINT: Rgb = [0.16, 0.18, 0.24];
const TANK: Rgb = [0.78, 0.8, 0.82];
const TANK_LETTERS: Rgb = [0.08, 0.14, 0.4];
const TRUNK: Rgb = [0.4, 0.3, 0.2];
const FROND: Rgb = [0.16, 0.4, 0.14];
const LAMP_GLOW: Rgb = [1.2, 1.0, 0.6];

/// Where the numbered sound stages stand (x), and their size: big boxes behind the far row,
/// numbered on from the stops (whose buildings carry 0 to 6).
const NUMBERED_STAGE_X: [f32; 4] = [-36.0, -14.0, 14.0, 36.0];
const NUMBERED_STAGE_SIZE: Vec3 = Vec3::new(18.0, 13.0, 14.0);
const NUMBERED_STAGE_FRONT_Z: f32 = -21.0;

/// Four numbered sound stages, each with a closed elephant door, a roof and its number.
pub fn numbered_stages() -> Vec<Primitive> {
    let size = NUMBERED_STAGE_SIZE;
    let mut parts = Vec::new();
    for (i, &x) in NUMBERED_STAGE_X.iter().enumerate() {
        let number = 7 + i;
        let centre = Vec3::new(x, 0.5 * size.y, NUMBERED_STAGE_FRONT_Z - 0.5 * size.z);
        parts.push(cuboid(PartKind::Building, size, centre, STAGE_WALL, 0.9));
        parts.push(cuboid(
            PartKind::Building,
            Vec3::new(size.x + 0.4, 0.6, size.z + 0.4),
            centre + Vec3::Y * (0.5 * size.y + 0.3),
            ROOF,
            0.9,
        ));
        let front = Vec3::new(x, 0.0, NUMBERED_STAGE_FRONT_Z);
        // The elephant door: a panel the height of a set wall, ribbed, on its rail.
        let door = front + Vec3::new(3.0, 4.75, 0.2);
        parts.push(cuboid(
            PartKind::Building,
            Vec3::new(7.0, 9.5, 0.3),
            door,
            STAGE_DOOR,
            0.6,
        ));
        for rib in 0..6 {
            parts.push(cuboid(
                PartKind::Building,
                Vec3::new(0.15, 9.3, 0.1),
                door + Vec3::new(-2.9 + 1.16 * rib as f32, 0.0, 0.2),
                METAL,
                0.5,
            ));
        }
        parts.push(cuboid(
            PartKind::Pole,
            Vec3::new(16.0, 0.3, 0.3),
            front + Vec3::new(1.0, 9.8, 0.35),
            METAL,
            0.4,
        ));
        for (text, pixel, y) in [
            ("STAGE", 0.28, 11.0),
            (number.to_string().as_str(), 0.75, 6.5),
        ] {
            parts.extend(paint_on_wall(
                text,
                Paint {
                    centre: front + Vec3::new(-4.8, y, 0.0),
                    normal: Vec3::Z,
                    pixel,
                    color: STAGE_PAINT,
                    glow: [0.0; 3],
                },
            ));
        }
        // A person-sized door beside the big one, and its red light.
        parts.push(cuboid(
            PartKind::Building,
            Vec3::new(1.2, 2.4, 0.1),
            front + Vec3::new(-1.5, 1.2, 0.05),
            DARK,
            0.8,
        ));
        parts.push(
            Primitive::new(
                PartKind::Light,
                Shape::Sphere { radius: 0.22 },
                front + Vec3::new(-1.5, 2.9, 0.25),
                [0.5, 0.05, 0.05],
                0.3,
            )
            .glowing([2.5, 0.15, 0.1]),
        );
    }
    parts
}

/// The water tower: four legs with cross braces, a tank with the studio's name round its
/// front, and a cone roof.
pub fn water_tower(base: Vec3) -> Vec<Primitive> {
    let leg_height = 12.0;
    let radius = 4.5;
    let mut parts = Vec::new();
    for (dx, dz) in [(-2.4, -2.4), (2.4, -2.4), (-2.4, 2.4), (2.4, 2.4)] {
        parts.push(cylinder(
            PartKind::Pole,
            0.22,
            leg_height,
            base + Vec3::new(dx, 0.5 * leg_height, dz),
            METAL,
        ));
    }
    // Braces: a diagonal across each side, at two heights.
    for y in [3.5, 8.5] {
        for (offset, yaw) in [
            (Vec3::Z * 2.4, 0.0),
            (Vec3::Z * -2.4, 0.0),
            (Vec3::X * 2.4, std::f32::consts::FRAC_PI_2),
            (Vec3::X * -2.4, std::f32::consts::FRAC_PI_2),
        ] {
            parts.push(
                cuboid(
                    PartKind::Pole,
                    Vec3::new(6.6, 0.14, 0.14),
                    base + offset + Vec3::Y * y,
                    METAL,
                    0.5,
                )
                .rotated(Quat::from_rotation_y(yaw) * Quat::from_rotation_z(0.75)),
            );
        }
    }
    let tank = base + Vec3::Y * (leg_height + 2.6);
    parts.push(Primitive::new(
        PartKind::Tower,
        Shape::Cylinder {
            radius,
            height: 5.2,
        },
        tank,
        TANK,
        0.5,
    ));
    parts.push(Primitive::new(
        PartKind::Tower,
        Shape::Cone {
            radius: radius + 0.3,
            height: 2.2,
        },
        tank + Vec3::Y * 3.7,
        ROOF,
        0.7,
    ));
    parts.extend(paint_on_cylinder(
        STUDIO_NAME,
        tank,
        radius,
        Vec3::Z,
        0.26,
        TANK_LETTERS,
    ));
    parts
}

/// The studio gate at the top of the street: two pillars and a beam with the studio's name,
/// read by someone walking in.
pub fn gate(x: f32) -> Vec<Primitive> {
    let mut parts = Vec::new();
    for z in [-STREET_HALF_WIDTH - 1.5, STREET_HALF_WIDTH + 1.5] {
        parts.push(cuboid(
            PartKind::Building,
            Vec3::new(1.4, 7.0, 1.4),
            Vec3::new(x, 3.5, z),
            WHITE_PAINT,
            0.7,
        ));
    }
    parts.push(cuboid(
        PartKind::Building,
        Vec3::new(1.0, 1.6, 2.0 * STREET_HALF_WIDTH + 5.0),
        Vec3::new(x, 7.6, 0.0),
        [0.18, 0.2, 0.3],
        0.6,
    ));
    parts.extend(paint_on_wall(
        STUDIO_NAME,
        Paint {
            centre: Vec3::new(x + 0.5, 7.6, 0.0),
            normal: Vec3::X,
            pixel: 0.2,
            color: [0.95, 0.8, 0.35],
            glow: [0.3, 0.22, 0.05],
        },
    ));
    parts
}

/// Sidewalks, lamps along the near side, palms and shrubs between the buildings, and carts.
pub fn street_furniture() -> Vec<Primitive> {
    let mut parts = Vec::new();
    for z in [-1.0, 1.0] {
        parts.push(cuboid(
            PartKind::Ground,
            Vec3::new(2.0 * STREET_END, 0.1, SIDEWALK_EDGE - STREET_HALF_WIDTH),
            Vec3::new(0.0, 0.05, z * 0.5 * (SIDEWALK_EDGE + STREET_HALF_WIDTH)),
            CONCRETE,
            0.9,
        ));
    }
    // Lamps midway between doors on the near side, clear of every door's way in.
    for k in 0..8 {
        let x = door_position(0).x - 4.5 + 9.0 * k as f32;
        parts.extend(lamp(Vec3::new(x, 0.0, STREET_HALF_WIDTH + 0.6)));
    }
    // Palms in the gaps between buildings: tall on the far side, low on the near side so
    // they do not hide the street from the camera.
    for k in 0..5 {
        parts.extend(palm(Vec3::new(-36.0 + 18.0 * k as f32, 0.0, -9.6), 8.5, k));
    }
    // Low shrubs on the near side: a palm there would stand between the camera and the street.
    for k in 0..4 {
        for dx in [-1.2, 0.0, 1.2] {
            parts.push(Primitive::new(
                PartKind::Plant,
                Shape::Ellipsoid {
                    radii: Vec3::new(0.8, 0.6, 0.8),
                },
                Vec3::new(-27.0 + 18.0 * k as f32 + dx, 0.45, 9.6),
                FROND,
                0.9,
            ));
        }
    }
    // Carts park on the far sidewalk, behind anyone walking the street, between the doors.
    for (x, turn) in [(-18.0, 0.0), (0.0, 0.15), (18.0, -0.1)] {
        parts.extend(golf_cart(Vec3::new(x, 0.0, -STREET_HALF_WIDTH - 2.0), turn));
    }
    parts
}

fn lamp(base: Vec3) -> Vec<Primitive> {
    vec![
        cylinder(
            PartKind::Pole,
            0.08,
            4.4,
            base + Vec3::Y * 2.2,
            [0.2, 0.22, 0.25],
        ),
        cuboid(
            PartKind::Pole,
            Vec3::new(0.1, 0.1, 0.9),
            base + Vec3::new(0.0, 4.35, -0.4),
            [0.2, 0.22, 0.25],
            0.5,
        ),
        Primitive::new(
            PartKind::Light,
            Shape::Sphere { radius: 0.2 },
            base + Vec3::new(0.0, 4.2, -0.8),
            [0.9, 0.85, 0.7],
            0.3,
        )
        .glowing(LAMP_GLOW),
    ]
}

/// A palm: a slightly leaning trunk in three pieces and a crown of drooping fronds.
fn palm(base: Vec3, height: f32, variant: usize) -> Vec<Primitive> {
    let lean = Vec3::new(0.25 * ((variant % 3) as f32 - 1.0), 0.0, 0.15);
    let mut parts = Vec::new();
    for i in 0..3 {
        let t = (i as f32 + 0.5) / 3.0;
        parts.push(cylinder(
            PartKind::Plant,
            0.22 - 0.04 * i as f32,
            height / 3.0 + 0.1,
            base + Vec3::Y * (t * height) + lean * (t * t * height / 4.0),
            TRUNK,
        ));
    }
    let top = base + Vec3::Y * height + lean * (height / 4.0);
    for f in 0..7 {
        let yaw = f as f32 / 7.0 * std::f32::consts::TAU + 0.3 * variant as f32;
        let out = Vec3::new(yaw.sin(), 0.0, yaw.cos());
        parts.push(
            Primitive::new(
                PartKind::Plant,
                Shape::Ellipsoid {
                    radii: Vec3::new(0.35, 0.1, 1.6),
                },
                top + out * 1.3 - Vec3::Y * 0.35,
                FROND,
                0.8,
            )
            .rotated(Quat::from_rotation_y(yaw) * Quat::from_rotation_x(0.45)),
        );
    }
    parts
}

/// A golf cart parked along the sidewalk: body, seat, roof on posts and four wheels.
fn golf_cart(at: Vec3, turn: f32) -> Vec<Primitive> {
    let rot = Quat::from_rotation_y(turn);
    let place = |local: Vec3| at + rot * local;
    let mut parts = vec![
        cuboid(
            PartKind::Vehicle,
            Vec3::new(2.4, 0.6, 1.2),
            place(Vec3::new(0.0, 0.6, 0.0)),
            WHITE_PAINT,
            0.4,
        )
        .rotated(rot),
        cuboid(
            PartKind::Vehicle,
            Vec3::new(0.5, 0.6, 1.1),
            place(Vec3::new(0.2, 1.1, 0.0)),
            [0.15, 0.2, 0.45],
            0.7,
        )
        .rotated(rot),
        cuboid(
            PartKind::Vehicle,
            Vec3::new(2.0, 0.08, 1.3),
            place(Vec3::new(0.1, 2.0, 0.0)),
            WHITE_PAINT,
            0.5,
        )
        .rotated(rot),
    ];
    for (x, z) in [(-0.8, -0.55), (-0.8, 0.55), (0.9, -0.55), (0.9, 0.55)] {
        parts.push(
            cylinder(
                PartKind::Vehicle,
                0.28,
                0.2,
                place(Vec3::new(x, 0.28, z)),
                DARK,
            )
            .rotated(rot * Quat::from_rotation_x(std::f32::consts::FRAC_PI_2)),
        );
    }
    for x in [-0.8, 0.9] {
        parts.push(
            cylinder(
                PartKind::Pole,
                0.04,
                1.1,
                place(Vec3::new(x, 1.45, 0.55)),
                METAL,
            )
            .rotated(rot),
        );
    }
    parts
}

/// A production's basecamp past the end of the street: three trailers with their steps, doors
/// and windows.
pub fn basecamp(x: f32) -> Vec<Primitive> {
    let mut parts = Vec::new();
    for (i, z) in [-8.0, 0.0, 8.0].into_iter().enumerate() {
        let centre = Vec3::new(x + 2.0 * (i % 2) as f32, 0.0, z);
        parts.push(cuboid(
            PartKind::Vehicle,
            Vec3::new(2.6, 2.8, 9.0),
            centre + Vec3::Y * 2.0,
            [0.9, 0.9, 0.88],
            0.5,
        ));
        parts.push(cuboid(
            PartKind::Vehicle,
            Vec3::new(2.62, 0.3, 9.02),
            centre + Vec3::Y * 1.3,
            [0.25, 0.35, 0.6],
            0.5,
        ));
        for dz in [-2.5, 2.5] {
            parts.push(
                cylinder(
                    PartKind::Vehicle,
                    0.45,
                    2.4,
                    centre + Vec3::new(0.0, 0.45, dz),
                    DARK,
                )
                .rotated(Quat::from_rotation_z(std::f32::consts::FRAC_PI_2)),
            );
        }
        // Door and step on the side facing the street's end, a window either side.
        parts.push(cuboid(
            PartKind::Building,
            Vec3::new(0.06, 1.9, 0.9),
            centre + Vec3::new(-1.32, 1.95, -1.5),
            [0.3, 0.3, 0.32],
            0.6,
        ));
        parts.push(cuboid(
            PartKind::Building,
            Vec3::new(0.6, 0.25, 1.0),
            centre + Vec3::new(-1.6, 0.6, -1.5),
            METAL,
            0.5,
        ));
        for dz in [-3.4, 1.5] {
            parts.push(cuboid(
                PartKind::Window,
                Vec3::new(0.06, 0.8, 1.4),
                centre + Vec3::new(-1.32, 2.4, dz),
                GLASS,
                0.15,
            ));
        }
    }
    parts
}
