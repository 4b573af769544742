//! Tests of the backlot's layout: every door can be reached and seen, nothing stands in the
//! street, and the camera's view of the player is never blocked by anything the lot cannot
//! turn see-through.

use glam::Vec3;

use super::*;
use crate::stage::model::scene::PartKind;

const STOPS: usize = 7;

fn all_parts() -> Vec<Primitive> {
    let mut parts = lot_dressing();
    for stop in 0..STOPS {
        parts.extend(stop_dressing(stop));
    }
    parts
}

fn overlaps((a_lo, a_hi): (Vec3, Vec3), (b_lo, b_hi): (Vec3, Vec3)) -> bool {
    a_lo.cmple(b_hi).all() && b_lo.cmple(a_hi).all()
}

#[test]
fn the_lot_is_dressed_with_what_a_studio_lot_has() {
    let lot = lot_dressing();
    let count = |kind: PartKind| lot.iter().filter(|p| p.kind == kind).count();
    assert!(count(PartKind::Vehicle) >= 20, "carts and trailers");
    assert!(count(PartKind::Plant) >= 30, "palms");
    assert!(count(PartKind::Light) >= 8, "lamps");
    // The studio's name round the water tower's tank, high above the lot.
    let letters = lot
        .iter()
        .filter(|p| p.kind == PartKind::Sign && p.translation.y > 12.0)
        .count();
    assert!(letters > 100, "{letters} pixels of lettering on the tower");
    for stop in 0..STOPS {
        let parts = stop_dressing(stop);
        // Its number, painted on the front wall.
        let (normal, _) = front(stop, 0.0);
        let painted = parts
            .iter()
            .filter(|p| p.kind == PartKind::Sign && p.color == WHITE_PAINT)
            .filter(|p| (p.translation.z - side(stop) * FRONT_Z).abs() < 0.2)
            .count();
        assert!(painted >= 3, "stop {stop}: its number ({painted} strokes)");
        // A near-side building shows the camera its back: the number is painted there too,
        // facing the camera, and the back has a door and windows.
        if side(stop) > 0.0 {
            let back = side(stop) * (FRONT_Z + BUILDING_DEPTH);
            let on_back = |p: &&Primitive| (p.translation.z - back).abs() < 0.2;
            let back_paint = parts
                .iter()
                .filter(on_back)
                .filter(|p| p.kind == PartKind::Sign && p.color == WHITE_PAINT)
                .count();
            assert!(back_paint >= 3, "stop {stop}: its number on the back");
            let windows = parts
                .iter()
                .filter(on_back)
                .filter(|p| p.kind == PartKind::Window)
                .count();
            assert!(windows >= 2, "stop {stop}: {windows} windows on the back");
        }
        assert_eq!(
            normal,
            -Vec3::Z * side(stop),
            "stop {stop}: the front faces the street"
        );
    }
}

#[test]
fn the_sound_stage_shows_its_led_volume_through_the_open_door() {
    let glowing: Vec<_> = stop_dressing(2)
        .into_iter()
        .filter(|p| p.kind == PartKind::Light && p.emissive.iter().sum::<f32>() > 0.5)
        .collect();
    assert!(glowing.len() >= 30, "{} glowing panels", glowing.len());
    // In front of the wall, in the opening right of the people door, below the door's top.
    let door = door_position(2);
    for p in glowing
        .iter()
        .filter(|p| p.shape != Shape::Sphere { radius: 0.3 })
    {
        assert!(p.translation.z > -FRONT_Z && p.translation.z < -FRONT_Z + 1.0);
        assert!(p.translation.x > door.x + 1.0 && p.translation.y < 7.0);
    }
}

#[test]
fn nothing_stands_in_the_street_or_in_a_doorway() {
    let street = (
        Vec3::new(-STREET_END, 0.15, -STREET_HALF_WIDTH),
        Vec3::new(STREET_END, 3.0, STREET_HALF_WIDTH),
    );
    for p in all_parts().iter().filter(|p| p.kind != PartKind::Ground) {
        assert!(
            !overlaps(bounds(p), street),
            "{:?} at {}",
            p.kind,
            p.translation
        );
    }
    for stop in 0..STOPS {
        let door = door_position(stop);
        let s = side(stop);
        let (z0, z1) = (s * STREET_HALF_WIDTH, s * (FRONT_Z - 0.05));
        let way_in = (
            Vec3::new(door.x - 1.3, 0.2, z0.min(z1)),
            Vec3::new(door.x + 1.3, 2.1, z0.max(z1)),
        );
        for p in all_parts().iter().filter(|p| p.kind != PartKind::Ground) {
            assert!(
                !overlaps(bounds(p), way_in),
                "stop {stop}: {:?} at {} blocks the door",
                p.kind,
                p.translation
            );
        }
    }
}

#[test]
fn buildings_keep_clear_of_each_other_and_of_the_street() {
    for a in 0..STOPS {
        // What sticks out over the sidewalk (a canopy, a marquee, open doors) stops short of
        // the street.
        for p in stop_dressing(a) {
            let (lo, hi) = bounds(&p);
            assert!(
                lo.z.abs().min(hi.z.abs()) >= SIDEWALK_EDGE - 1.0,
                "stop {a}: {p:?}"
            );
        }
        let (lo, hi) = building_bounds(a);
        for b in a + 1..STOPS {
            assert!(!overlaps((lo, hi), building_bounds(b)), "{a} and {b}");
        }
        if side(a) > 0.0 {
            assert!(building_size(a).y <= NEAR_SIDE_MAX_HEIGHT, "stop {a}");
        }
    }
}

/// Where a player can stand on the lot: along the street, from the far doors to the near ones.
fn standing_places() -> Vec<Vec3> {
    let mut out = Vec::new();
    for i in 0..=24 {
        for z in [-7.5, -4.0, 0.0, 4.0, 7.5] {
            out.push(Vec3::new(-36.0 + 3.0 * i as f32, 0.95, z));
        }
    }
    out
}

#[test]
fn only_a_building_the_lot_turns_see_through_ever_hides_the_player() {
    let lot = lot_dressing();
    let mut cutaways = 0;
    for player in standing_places() {
        let (eye, _) = follow_camera(player);
        // A prop may hide a person's feet (a cart in front of them), never their middle.
        {
            let body = player + Vec3::Y * 0.3;
            // Thin things (poles, a palm's trunk) hide a sliver of a person, never all of them.
            for p in lot.iter().filter(|p| {
                let (lo, hi) = bounds(p);
                (hi.x - lo.x).min(hi.z - lo.z) > 0.6
            }) {
                assert!(
                    !segment_hits_box(eye, body, bounds(p)),
                    "{:?} at {} hides a player at {player}",
                    p.kind,
                    p.translation
                );
            }
        }
        for stop in 0..STOPS {
            if hides_player(stop, eye, player) {
                cutaways += 1;
                assert!(side(stop) > 0.0, "a far-side building is never in the way");
            }
        }
    }
    // Walking up to a near-side door puts its building in the way: the test sees that happen.
    assert!(cutaways > 0);
    let door = door_position(1) + Vec3::new(0.0, 0.95, -0.5);
    assert!(hides_player(1, follow_camera(door).0, door));
    assert!(!hides_player(
        1,
        follow_camera(door).0 - Vec3::Z * 30.0,
        door
    ));
}

#[test]
fn the_box_test_sees_a_segment_through_a_box_and_misses_one_beside_it() {
    let b = (Vec3::splat(-1.0), Vec3::splat(1.0));
    assert!(segment_hits_box(
        Vec3::new(-5.0, 0.0, 0.0),
        Vec3::new(5.0, 0.5, 0.0),
        b
    ));
    assert!(!segment_hits_box(
        Vec3::new(-5.0, 2.0, 0.0),
        Vec3::new(5.0, 2.0, 0.0),
        b
    ));
    // Stops short of the box.
    assert!(!segment_hits_box(
        Vec3::new(-5.0, 0.0, 0.0),
        Vec3::new(-2.0, 0.0, 0.0),
        b
    ));
    // A turned box's bounds grow to hold its corners.
    let p = Primitive::new(
        PartKind::Building,
        Shape::Cuboid {
            size: Vec3::new(2.0, 2.0, 2.0),
        },
        Vec3::ZERO,
        ROOF,
        0.5,
    )
    .rotated(glam::Quat::from_rotation_y(std::f32::consts::FRAC_PI_4));
    let (lo, hi) = bounds(&p);
    assert!((hi.x - 2.0_f32.sqrt()).abs() < 1e-4 && (hi.y - 1.0).abs() < 1e-4);
    assert_eq!(lo, -hi);
    // A pole lying along X: long in X, its radius across.
    let pole = Primitive::new(
        PartKind::Pole,
        Shape::Cylinder {
            radius: 0.1,
            height: 4.0,
        },
        Vec3::ZERO,
        ROOF,
        0.5,
    )
    .rotated(glam::Quat::from_rotation_z(std::f32::consts::FRAC_PI_2));
    let (_, hi) = bounds(&pole);
    assert!(
        (hi - Vec3::new(2.0, 0.1, 0.1)).abs().max_element() < 1e-4,
        "{hi}"
    );
    // An ellipsoid turned a quarter about Y swaps its X and Z radii.
    let egg = Primitive::new(
        PartKind::Plant,
        Shape::Ellipsoid {
            radii: Vec3::new(1.0, 2.0, 3.0),
        },
        Vec3::ZERO,
        ROOF,
        0.5,
    )
    .rotated(glam::Quat::from_rotation_y(std::f32::consts::FRAC_PI_2));
    let (_, hi) = bounds(&egg);
    assert!(
        (hi - Vec3::new(3.0, 2.0, 1.0)).abs().max_element() < 1e-4,
        "{hi}"
    );
}
