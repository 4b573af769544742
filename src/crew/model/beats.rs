//! Crew walking the lot: each paces a stretch of sidewalk (a beat) up and down between the stop
//! buildings, the way a real studio lot is busy between takes, and stop for the student who
//! stands in their way. Plain Rust, no Bevy; `crew::walkers` puts figures on the beats.

use glam::Vec3;

use super::look::{HairStyle, Look, Prop, Rgb};
use crate::tour::model::backlot::{SIDEWALK_EDGE, STREET_END, STREET_HALF_WIDTH};

/// Walking speed, m/s: an unhurried walk.
pub const WALK_SPEED: f32 = 1.2;
/// Seconds a walker stands at each end of the beat before turning back.
pub const PAUSE_S: f32 = 2.5;
/// A walker waits while the student stands this close ahead (metres along the sidewalk).
pub const GIVE_WAY_AHEAD_M: f32 = 1.6;
/// ... and this close across it.
pub const GIVE_WAY_ACROSS_M: f32 = 0.8;

/// A stretch of sidewalk one walker paces up and down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Beat {
    /// Where across the lot the sidewalk lane is.
    pub z: f32,
    /// Where the beat starts and turns back, along the street.
    pub from_x: f32,
    pub to_x: f32,
    /// Seconds into the beat at the start, so the walkers are spread out.
    pub offset_s: f32,
}

/// The lot's walkers, on the far sidewalk where the lot's camera sees them (the near one is
/// mostly behind the near-side roofs), each between two parked golf carts or a cart and the
/// end of the street.
pub const BEATS: [Beat; 4] = [
    Beat {
        z: -4.9,
        from_x: -20.0,
        to_x: -34.5,
        offset_s: 0.0,
    },
    Beat {
        z: -4.9,
        from_x: -16.0,
        to_x: -2.4,
        offset_s: 3.0,
    },
    Beat {
        z: -4.9,
        from_x: 15.6,
        to_x: 2.6,
        offset_s: 9.0,
    },
    Beat {
        z: -4.9,
        from_x: 34.5,
        to_x: 20.0,
        offset_s: 14.0,
    },
];

impl Beat {
    fn walk_s(&self) -> f32 {
        (self.to_x - self.from_x).abs() / WALK_SPEED
    }

    /// Seconds for one round trip, pauses included.
    pub fn period_s(&self) -> f32 {
        2.0 * (self.walk_s() + PAUSE_S)
    }

    /// Where the walker stands after `t` seconds on the beat, and the way they face (±X).
    pub fn at(&self, t: f32) -> (Vec3, Vec3) {
        let walk = self.walk_s();
        let p = (t + self.offset_s).rem_euclid(self.period_s());
        let out = (self.to_x - self.from_x).signum();
        let (x, facing) = if p < walk {
            (self.from_x + out * WALK_SPEED * p, out)
        } else if p < walk + PAUSE_S {
            (self.to_x, out)
        } else if p < 2.0 * walk + PAUSE_S {
            (self.to_x - out * WALK_SPEED * (p - walk - PAUSE_S), -out)
        } else {
            (self.from_x, -out)
        };
        (Vec3::new(x, 0.0, self.z), Vec3::X * facing)
    }
}

/// Whether a walker at `at`, facing `facing`, waits for the student at `student`: they stand
/// just ahead on the walker's lane.
pub fn gives_way(at: Vec3, facing: Vec3, student: Vec3) -> bool {
    let to = student - at;
    let ahead = to.dot(facing);
    let across = (to - facing * ahead).with_y(0.0).length();
    (0.0..GIVE_WAY_AHEAD_M).contains(&ahead) && across < GIVE_WAY_ACROSS_M
}

/// How walker `n` looks: crew in work clothes, none in a host's colours.
pub fn walker_look(n: usize) -> Look {
    let looks = [
        // A grip: all black, a cap.
        (
            Rgb(0.09, 0.09, 0.1),
            Rgb(0.12, 0.12, 0.13),
            HairStyle::Cap,
            Prop::None,
        ),
        // A production assistant: grey hoodie, headset.
        (
            Rgb(0.55, 0.56, 0.58),
            Rgb(0.2, 0.22, 0.3),
            HairStyle::Bun,
            Prop::Headset,
        ),
        // Wardrobe: a denim jacket and a clipboard.
        (
            Rgb(0.3, 0.38, 0.5),
            Rgb(0.75, 0.7, 0.6),
            HairStyle::Long,
            Prop::Clipboard,
        ),
        // A camera assistant: khaki, a tablet of camera notes.
        (
            Rgb(0.62, 0.57, 0.42),
            Rgb(0.25, 0.25, 0.22),
            HairStyle::Short,
            Prop::Tablet,
        ),
    ];
    let skins = [
        Rgb(0.45, 0.3, 0.2),
        Rgb(0.85, 0.68, 0.55),
        Rgb(0.62, 0.45, 0.32),
        Rgb(0.3, 0.2, 0.14),
    ];
    let (top, bottom, hair_style, prop) = looks[n % looks.len()];
    Look {
        skin: skins[n % skins.len()],
        hair: Rgb(0.1, 0.08, 0.06),
        hair_style,
        top,
        bottom,
        prop,
        height: 1.62 + 0.07 * (n % 4) as f32,
    }
}

/// Whether `x`, `z` is on a sidewalk of the lot.
pub fn on_sidewalk(x: f32, z: f32) -> bool {
    x.abs() <= STREET_END && (STREET_HALF_WIDTH..=SIDEWALK_EDGE).contains(&z.abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::model::scene::PartKind;
    use crate::tour::model::backlot::{
        beside_door, bounds, building_bounds, lot_dressing, stop_dressing,
    };
    use crate::tour::model::content::STOP_COUNT;

    fn overlaps((lo, hi): (Vec3, Vec3), (a, b): (Vec3, Vec3)) -> bool {
        lo.x < b.x && a.x < hi.x && lo.y < b.y && a.y < hi.y && lo.z < b.z && a.z < hi.z
    }

    #[test]
    fn walkers_pace_their_beat_on_the_sidewalk_at_a_walk_and_turn_back() {
        for beat in BEATS {
            let (lo, hi) = (beat.from_x.min(beat.to_x), beat.from_x.max(beat.to_x));
            let step = 0.05;
            let mut stood = 0.0;
            let mut facings = Vec::new();
            let mut t = 0.0;
            while t < beat.period_s() {
                let (here, facing) = beat.at(t);
                let (next, _) = beat.at(t + step);
                assert!(on_sidewalk(here.x, here.z), "{beat:?} at {t}: {here}");
                assert!((lo..=hi).contains(&here.x), "{beat:?} at {t}: {here}");
                let speed = here.distance(next) / step;
                assert!(speed <= WALK_SPEED * 1.01, "{beat:?} at {t}: {speed} m/s");
                if speed < 0.01 {
                    stood += step;
                }
                facings.push(facing.x);
                t += step;
            }
            // Two pauses a round trip, and they face both ways.
            assert!(
                (stood - 2.0 * PAUSE_S).abs() < 0.2,
                "{beat:?}: stood {stood} s"
            );
            assert!(facings.contains(&1.0) && facings.contains(&-1.0));
            // Round trips repeat: the same place a period later.
            let (a, b) = (beat.at(12.3), beat.at(12.3 + beat.period_s()));
            assert!(a.0.distance(b.0) < 1e-3 && a.1 == b.1, "{a:?} {b:?}");
        }
    }

    #[test]
    fn walkers_never_walk_through_a_building_a_lamp_a_cart_or_a_host() {
        let mut obstacles: Vec<(Vec3, Vec3)> = lot_dressing()
            .iter()
            .chain(
                (0..STOP_COUNT)
                    .flat_map(stop_dressing)
                    .collect::<Vec<_>>()
                    .iter(),
            )
            // The sidewalks are underfoot.
            .filter(|p| p.kind != PartKind::Ground)
            .map(bounds)
            .collect();
        obstacles.extend((0..STOP_COUNT).map(building_bounds));
        // Hosts stand beside their door, where `crew::hosts` puts them.
        for stop in 0..STOP_COUNT {
            let host = beside_door(stop);
            obstacles.push((
                host - Vec3::new(0.3, 0.0, 0.3),
                host + Vec3::new(0.3, 1.9, 0.3),
            ));
        }
        for beat in BEATS {
            let mut t = 0.0;
            while t < beat.period_s() {
                let (here, _) = beat.at(t);
                let body = (
                    here - Vec3::new(0.3, 0.0, 0.3),
                    here + Vec3::new(0.3, 1.9, 0.3),
                );
                for obstacle in &obstacles {
                    assert!(
                        !overlaps(body, *obstacle),
                        "{beat:?} at {t}: the walker at {here} meets {obstacle:?}"
                    );
                }
                t += 0.25;
            }
        }
    }

    #[test]
    fn a_walker_waits_for_the_student_just_ahead_only() {
        let at = Vec3::new(0.0, 0.0, 5.0);
        assert!(gives_way(at, Vec3::X, Vec3::new(1.0, 0.8, 5.3)));
        // Behind, beside on the street, or far ahead: they walk on.
        assert!(!gives_way(at, Vec3::X, Vec3::new(-1.0, 0.8, 5.0)));
        assert!(!gives_way(at, Vec3::X, Vec3::new(1.0, 0.8, 3.5)));
        assert!(!gives_way(at, Vec3::X, Vec3::new(3.0, 0.8, 5.0)));
        assert!(gives_way(at, -Vec3::X, Vec3::new(-1.0, 0.8, 5.0)));
    }

    #[test]
    fn every_walker_looks_like_crew_and_is_fit_to_draw() {
        for n in 0..BEATS.len() {
            let look = walker_look(n);
            assert!(look.problems().is_empty(), "{n}: {:?}", look.problems());
        }
        assert_ne!(walker_look(0).top, walker_look(1).top);
    }
}
