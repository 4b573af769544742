//! The procedural generators, one per kind of [`Layer`](super::Layer): each makes its objects
//! from the layer's seeded random stream and offers them to the builder.

use glam::{Quat, Vec3};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::PLACEMENT_ATTEMPTS;
use super::Rgb;
use super::built::{Builder, Fit, PartKind, Primitive, Shape};
use super::conditions::sky_direction;
use super::description::{
    Buildings, Crystals, Dunes, IceFloes, Moons, MountainStyle, Mountains, RockStyle, Rocks, Tower,
};
use super::facades::{Body, facade};
use super::helpers::{mix, pick, scale};

impl Buildings {
    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = b.env.emissive_scale;
        let (lo, hi) = self.height_m;
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                let (w, d) = (pick(rng, self.width_m), pick(rng, self.width_m));
                let u: f32 = rng.random();
                let h = lo + (hi - lo) * u.powf(1.6);
                let yaw = Quat::from_rotation_y(pick(rng, (-0.08, 0.08)));
                let base = self.color_palette[rng.random_range(0..self.color_palette.len())];
                let mut color = scale(base, pick(rng, (0.85, 1.1))).map(|c| c.min(1.0));
                let ruined = rng.random::<f32>() < self.ruined_fraction;
                let low = h <= lo + 0.35 * (hi - lo);
                let overgrown = !ruined && low && rng.random::<f32>() < self.overgrown_fraction;
                let lit_chance = if ruined { 0.3 } else { 1.0 } * self.lit_fraction;
                let lit = rng.random::<f32>() < lit_chance;
                // Drawn (and unused since windows glow row by row) so every later building
                // stays where the same seed always put it.
                if lit {
                    let _: f32 = rng.random();
                }
                if overgrown {
                    color = mix(color, self.overgrowth_color, 0.45);
                }
                let body_h = if ruined {
                    h * pick(rng, (0.55, 0.85))
                } else {
                    h
                };
                let body = Primitive::new(
                    PartKind::Building,
                    Shape::Cuboid {
                        size: Vec3::new(w, body_h, d),
                    },
                    Vec3::new(at.x, 0.5 * body_h, at.y),
                    color,
                    0.85,
                )
                .rotated(yaw);
                let mut group = vec![body];
                if ruined {
                    let size = Vec3::new(
                        w * pick(rng, (0.6, 0.95)),
                        (h * pick(rng, (0.08, 0.2))).max(1.5),
                        d * pick(rng, (0.6, 0.95)),
                    );
                    let axis_angle = pick(rng, (0.0, std::f32::consts::TAU));
                    let axis = Vec3::new(axis_angle.cos(), 0.0, axis_angle.sin());
                    let tilt = Quat::from_axis_angle(axis, pick(rng, (10.0, 35.0)).to_radians());
                    let shift = yaw * Vec3::new(pick(rng, (-0.15, 0.15)) * w, 0.0, 0.0);
                    let mut top = Primitive::new(
                        PartKind::Ruin,
                        Shape::Cuboid { size },
                        Vec3::new(at.x, body_h, at.y) + shift,
                        scale(color, 0.8),
                        0.95,
                    )
                    .rotated(tilt * yaw);
                    // Rest the slab on the broken top, sunk a little into it.
                    top.translation.y += body_h - 0.3 * size.y - top.lowest_y();
                    group.push(top);
                } else if overgrown {
                    let cap_h = pick(rng, (1.0, 3.0));
                    group.push(
                        Primitive::new(
                            PartKind::Vegetation,
                            Shape::Cuboid {
                                size: Vec3::new(w * 1.06, cap_h, d * 1.06),
                            },
                            Vec3::new(at.x, body_h + 0.5 * cap_h - 0.3, at.y),
                            scale(self.overgrowth_color, pick(rng, (0.8, 1.1))).map(|c| c.min(1.0)),
                            1.0,
                        )
                        .rotated(yaw),
                    );
                }
                let body = Body {
                    ground: at,
                    size: Vec3::new(w, body_h, d),
                    yaw,
                    lit,
                    ruined,
                };
                group.extend(facade(self, &body, glow));
                group
            });
        }
    }
}

impl Tower {
    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = b.env.emissive_scale;
        b.place(rng, |rng| {
            let h = self.height_m;
            let deck_y = 0.3 * h;
            let y1 = 0.82 * h;
            let mut parts = self.legs(deck_y);
            parts.extend(self.shaft(deck_y, y1));
            parts.extend(self.top(y1, glow));
            // Lean the whole tower about its base, towards a random side.
            let side = pick(rng, (0.0, std::f32::consts::TAU));
            let lean = Quat::from_axis_angle(
                Vec3::new(side.cos(), 0.0, side.sin()),
                self.lean_deg.to_radians(),
            );
            let base = Vec3::new(self.position.0, 0.0, self.position.1);
            for p in &mut parts {
                p.translation = base + lean * p.translation;
                p.rotation = lean * p.rotation;
            }
            parts
        });
    }

    /// Four legs from the ground to the main deck at `deck_y`.
    fn legs(&self, deck_y: f32) -> Vec<Primitive> {
        let r = self.base_radius_m;
        (0..4)
            .map(|k| {
                let angle = std::f32::consts::FRAC_PI_4 + k as f32 * std::f32::consts::FRAC_PI_2;
                let dir = Vec3::new(angle.cos(), 0.0, angle.sin());
                let foot = dir * r;
                let top = dir * (0.25 * r) + Vec3::Y * deck_y;
                let along = top - foot;
                Primitive::new(
                    PartKind::Tower,
                    Shape::Cylinder {
                        radius: (0.08 * r).max(0.3),
                        height: along.length(),
                    },
                    0.5 * (foot + top),
                    self.color,
                    0.6,
                )
                .rotated(Quat::from_rotation_arc(Vec3::Y, along.normalize()))
            })
            .collect()
    }

    /// The main deck, the shaft from `y0` to `y1` and the upper deck.
    fn shaft(&self, y0: f32, y1: f32) -> Vec<Primitive> {
        let (h, r) = (self.height_m, self.base_radius_m);
        let mut parts = vec![tower_disc(
            0.55 * r,
            (0.02 * h).max(2.0),
            y0,
            self.band_color,
        )];
        // The shaft: stacked, narrowing sections in alternating colours.
        let n = self.sections;
        let step = (y1 - y0) / n as f32;
        for i in 0..n {
            let t = i as f32 / n as f32;
            let radius = (0.3 + (0.08 - 0.3) * t) * r;
            let color = if i % 2 == 0 {
                self.color
            } else {
                self.band_color
            };
            parts.push(tower_disc(
                radius,
                step,
                y0 + (i as f32 + 0.5) * step,
                color,
            ));
        }
        parts.push(tower_disc(
            0.3 * r,
            (0.015 * h).max(1.5),
            0.62 * h,
            self.band_color,
        ));
        parts
    }

    /// Antenna, tip and beacon above the shaft's top at `y1`.
    fn top(&self, y1: f32, glow: f32) -> Vec<Primitive> {
        let (h, r) = (self.height_m, self.base_radius_m);
        let antenna = 0.15 * h;
        let tip = 0.03 * h;
        let beacon_r = (0.05 * r).max(0.8);
        vec![
            tower_disc((0.03 * r).max(0.3), antenna, y1 + 0.5 * antenna, self.color),
            Primitive::new(
                PartKind::Tower,
                Shape::Cone {
                    radius: (0.05 * r).max(0.4),
                    height: tip,
                },
                Vec3::Y * (y1 + antenna + 0.5 * tip),
                self.band_color,
                0.6,
            ),
            Primitive::new(
                PartKind::Light,
                Shape::Sphere { radius: beacon_r },
                Vec3::Y * (y1 + antenna + tip + beacon_r),
                self.beacon_color,
                0.3,
            )
            .glowing(scale(self.beacon_color, self.beacon_emissive * glow)),
        ]
    }
}

/// One round section of a tower, centred on its axis at height `y`.
fn tower_disc(radius: f32, height: f32, y: f32, color: Rgb) -> Primitive {
    Primitive::new(
        PartKind::Tower,
        Shape::Cylinder { radius, height },
        Vec3::Y * y,
        color,
        0.6,
    )
}

impl Mountains {
    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let az = pick(rng, self.azimuth_deg);
                let dist = pick(rng, self.distance_m);
                let (h, r) = (pick(rng, self.height_m), 0.5 * pick(rng, self.width_m));
                let out = sky_direction(0.0, az);
                let centre = out * dist;
                let color = scale(self.color, pick(rng, (0.85, 1.1))).map(|c| c.min(1.0));
                match self.style {
                    MountainStyle::Peaks => {
                        let mut group = Vec::new();
                        let peak = |at: Vec3, r: f32, h: f32, group: &mut Vec<Primitive>| {
                            group.push(Primitive::new(
                                PartKind::Mountain,
                                Shape::Cone {
                                    radius: r,
                                    height: h,
                                },
                                at + Vec3::Y * (0.5 * h),
                                color,
                                0.95,
                            ));
                            // The cap is a little fatter than the slope it covers, so
                            // the two surfaces never coincide.
                            let f = 1.0 - self.snow_line;
                            if self.snow_line < 0.98 {
                                let cap_h = h * f * 1.01;
                                group.push(Primitive::new(
                                    PartKind::Snow,
                                    Shape::Cone {
                                        radius: r * f * 1.06,
                                        height: cap_h,
                                    },
                                    at + Vec3::Y * (h * 1.005 - 0.5 * cap_h),
                                    self.snow_color,
                                    0.7,
                                ));
                            }
                        };
                        peak(centre, r, h, &mut group);
                        if rng.random::<f32>() < 0.6 {
                            let side = Vec3::new(-out.z, 0.0, out.x);
                            let offset = side * (r * pick(rng, (0.4, 0.9)));
                            let sign = if rng.random::<bool>() { 1.0 } else { -1.0 };
                            let (sr, sh) =
                                (r * pick(rng, (0.45, 0.7)), h * pick(rng, (0.45, 0.75)));
                            peak(centre + offset * sign, sr, sh, &mut group);
                        }
                        group
                    }
                    MountainStyle::Mesas => {
                        // Strata: bands of alternating shade, each a little narrower.
                        let strata = self.strata.max(2);
                        let band = h / strata as f32;
                        let shades = [1.0, 0.82, 1.08, 0.9, 1.14, 0.78, 1.02, 0.88];
                        let step = 0.18 / strata as f32;
                        let mut group: Vec<Primitive> = (0..strata as usize)
                            .map(|i| {
                                let radius = r * (1.0 - step * i as f32);
                                Primitive::new(
                                    PartKind::Mountain,
                                    Shape::Cylinder {
                                        radius,
                                        height: band,
                                    },
                                    centre + Vec3::Y * ((i as f32 + 0.5) * band),
                                    scale(color, shades[i]).map(|c| c.min(1.0)),
                                    0.95,
                                )
                            })
                            .collect();
                        if self.snow_line < 0.98 {
                            let cap = (0.04 * h).max(0.5);
                            group.push(Primitive::new(
                                PartKind::Snow,
                                Shape::Cylinder {
                                    radius: r * (1.0 - step * (strata - 1) as f32) * 1.01,
                                    height: cap,
                                },
                                centre + Vec3::Y * (h + 0.5 * cap - 0.1),
                                self.snow_color,
                                0.8,
                            ));
                        }
                        group
                    }
                }
            });
        }
    }
}

impl Rocks {
    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = scale(
            self.accent_color,
            self.accent_emissive * b.env.emissive_scale,
        );
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                let ground = Vec3::new(at.x, 0.0, at.y);
                let s = pick(rng, self.size_m);
                let yaw = Quat::from_rotation_y(pick(rng, (0.0, std::f32::consts::TAU)));
                let color = scale(self.color, pick(rng, (0.85, 1.1))).map(|c| c.min(1.0));
                let spot = RockSpot {
                    ground,
                    s,
                    yaw,
                    color,
                    glow,
                };
                match self.style {
                    RockStyle::Boulders => self.boulders(rng, &spot),
                    RockStyle::Arches => self.arches(rng, &spot),
                    RockStyle::Mushrooms => self.mushrooms(rng, &spot),
                    RockStyle::Pillars => self.pillars(rng, &spot),
                }
            });
        }
    }

    /// A round boulder, sometimes with an angular, glowing neighbour.
    fn boulders(&self, rng: &mut ChaCha8Rng, spot: &RockSpot) -> Vec<Primitive> {
        let RockSpot {
            ground,
            s,
            yaw,
            color,
            glow,
        } = *spot;
        let r = 0.5 * s;
        let mut group = vec![rock(
            Shape::Sphere { radius: r },
            ground + Vec3::Y * r,
            color,
        )];
        if rng.random::<f32>() < 0.5 {
            let side = yaw * Vec3::X * (r * 1.3);
            let tilt = Quat::from_rotation_z(pick(rng, (-0.4, 0.4)));
            group.push(
                rock(
                    Shape::Cuboid {
                        size: Vec3::splat(0.6 * s),
                    },
                    ground + side + Vec3::Y * (0.3 * s),
                    self.accent_color,
                )
                .rotated(yaw * tilt)
                .glowing(glow),
            );
        }
        group
    }

    /// Two pillars and a lintel across them.
    fn arches(&self, rng: &mut ChaCha8Rng, spot: &RockSpot) -> Vec<Primitive> {
        let RockSpot {
            ground,
            s,
            yaw,
            color,
            glow,
        } = *spot;
        let pillar_h = s * pick(rng, (0.6, 0.9));
        let pr = 0.12 * s;
        let half = yaw * Vec3::X * (0.5 * s);
        let mut group: Vec<Primitive> = [-1.0, 1.0]
            .into_iter()
            .map(|k| {
                rock(
                    Shape::Cylinder {
                        radius: pr,
                        height: pillar_h,
                    },
                    ground + half * k + Vec3::Y * (0.5 * pillar_h),
                    color,
                )
            })
            .collect();
        let thick = 1.6 * pr;
        let roll = Quat::from_rotation_z(pick(rng, (-0.08, 0.08)));
        group.push(
            rock(
                Shape::Cuboid {
                    size: Vec3::new(s + 2.0 * pr, thick, 2.0 * pr),
                },
                ground + Vec3::Y * (pillar_h + 0.4 * thick),
                self.accent_color,
            )
            .rotated(yaw * roll)
            .glowing(glow),
        );
        group
    }

    /// A stem with a wide cone cap, leaning a little.
    fn mushrooms(&self, rng: &mut ChaCha8Rng, spot: &RockSpot) -> Vec<Primitive> {
        let RockSpot {
            ground,
            s,
            yaw,
            color,
            glow,
        } = *spot;
        let stem_h = s * pick(rng, (0.6, 1.2));
        let stem_r = s * pick(rng, (0.08, 0.12));
        let cap_r = s * pick(rng, (0.35, 0.55));
        let cap_h = s * pick(rng, (0.15, 0.25));
        let mut group = vec![
            rock(
                Shape::Cylinder {
                    radius: stem_r,
                    height: stem_h,
                },
                Vec3::Y * (0.5 * stem_h),
                color,
            ),
            rock(
                Shape::Cone {
                    radius: cap_r,
                    height: cap_h,
                },
                Vec3::Y * (stem_h + 0.5 * cap_h - 0.1 * cap_h),
                self.accent_color,
            )
            .glowing(glow),
        ];
        let lean = yaw * Quat::from_rotation_x(pick(rng, (-0.18, 0.18)));
        for p in &mut group {
            p.translation = ground + lean * p.translation;
            p.rotation = lean;
        }
        group
    }

    /// A hoodoo: two stacked columns and a cap rock.
    fn pillars(&self, rng: &mut ChaCha8Rng, spot: &RockSpot) -> Vec<Primitive> {
        let RockSpot {
            ground,
            s,
            yaw,
            color,
            glow,
        } = *spot;
        let lower_h = s * pick(rng, (0.45, 0.6));
        let upper_h = s - lower_h;
        let r = s * pick(rng, (0.12, 0.18));
        let cap = 1.5 * r;
        vec![
            rock(
                Shape::Cylinder {
                    radius: r,
                    height: lower_h,
                },
                ground + Vec3::Y * (0.5 * lower_h),
                color,
            ),
            rock(
                Shape::Cylinder {
                    radius: 0.75 * r,
                    height: upper_h,
                },
                ground + Vec3::Y * (lower_h + 0.5 * upper_h),
                scale(color, 0.88),
            ),
            rock(
                Shape::Cuboid {
                    size: Vec3::new(cap, 0.6 * cap, cap),
                },
                ground + Vec3::Y * (s + 0.25 * cap),
                self.accent_color,
            )
            .rotated(yaw * Quat::from_rotation_x(pick(rng, (-0.15, 0.15))))
            .glowing(glow),
        ]
    }
}

/// Where one rock formation stands and how it looks, chosen before its style shapes it.
#[derive(Clone, Copy)]
struct RockSpot {
    ground: Vec3,
    /// Overall size.
    s: f32,
    yaw: Quat,
    color: Rgb,
    /// Glow of the accent parts.
    glow: Rgb,
}

fn rock(shape: Shape, at: Vec3, color: Rgb) -> Primitive {
    Primitive::new(PartKind::Rock, shape, at, color, 0.9)
}

impl Crystals {
    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = b.env.emissive_scale;
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                let tallest = pick(rng, self.height_m);
                (0..self.per_cluster)
                    .map(|i| {
                        let h = if i == 0 {
                            tallest
                        } else {
                            tallest * pick(rng, (0.35, 0.8))
                        };
                        let r = pick(rng, self.radius_m);
                        let side = pick(rng, (0.0, std::f32::consts::TAU));
                        let dir = Vec3::new(side.cos(), 0.0, side.sin());
                        let foot = Vec3::new(at.x, 0.0, at.y)
                            + dir
                                * (if i == 0 {
                                    0.0
                                } else {
                                    pick(rng, (0.5, 2.0)) * r
                                });
                        let tilt =
                            if i == 0 { 0.3 } else { 1.0 } * pick(rng, (0.0, self.max_tilt_deg));
                        let rotation =
                            Quat::from_axis_angle(Vec3::new(-dir.z, 0.0, dir.x), tilt.to_radians());
                        let axis = rotation * Vec3::Y;
                        Primitive::new(
                            PartKind::Crystal,
                            Shape::Cone {
                                radius: r,
                                height: h,
                            },
                            foot + axis * (0.5 * h),
                            self.color,
                            0.1,
                        )
                        .rotated(rotation)
                        .glowing(scale(self.emissive, pick(rng, (0.6, 1.0)) * glow))
                    })
                    .collect()
            });
        }
    }
}

impl Moons {
    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        let glow = self.glow * b.env.sky_glow;
        let mut placed: Vec<(Vec3, f32)> = Vec::new();
        for i in 0..self.count as usize {
            let mut done = false;
            for _ in 0..PLACEMENT_ATTEMPTS {
                let dir = sky_direction(pick(rng, self.elevation_deg), pick(rng, self.azimuth_deg));
                let radius = pick(rng, self.radius_m);
                let ringed = rng.random::<f32>() < self.ring_fraction;
                let extent = if ringed { 2.1 * radius } else { radius };
                let angular = extent / self.distance_m;
                let overlaps = placed
                    .iter()
                    .any(|(d, a)| d.angle_between(dir) < 1.15 * (a + angular));
                if overlaps {
                    continue;
                }
                let color = self.colors[i % self.colors.len()];
                let centre = dir * self.distance_m;
                let mut group = vec![
                    Primitive::new(
                        PartKind::SkyBody,
                        Shape::Sphere { radius },
                        centre,
                        color,
                        0.9,
                    )
                    .glowing(scale(color, glow)),
                ];
                if ringed {
                    let tilt = Quat::from_rotation_x(pick(rng, (0.25, 0.55)))
                        * Quat::from_rotation_z(pick(rng, (-0.5, 0.5)));
                    group.push(
                        Primitive::new(
                            PartKind::SkyBody,
                            Shape::Cylinder {
                                radius: 2.0 * radius,
                                height: 0.03 * radius,
                            },
                            centre,
                            self.ring_color,
                            0.9,
                        )
                        .rotated(tilt)
                        .glowing(scale(self.ring_color, 0.8 * glow)),
                    );
                }
                match b.offer(group) {
                    Fit::Placed => {
                        placed.push((dir, angular));
                        done = true;
                        break;
                    }
                    Fit::Blocked => {}
                    Fit::Full => break,
                }
            }
            if !done {
                b.skipped += 1;
            }
        }
    }
}

impl Dunes {
    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                let (r, h) = (pick(rng, self.radius_m), pick(rng, self.height_m));
                let shade = pick(rng, (0.9, 1.05));
                vec![Primitive::new(
                    PartKind::Dune,
                    Shape::Cone {
                        radius: r,
                        height: h,
                    },
                    Vec3::new(at.x, 0.5 * h, at.y),
                    scale(self.color, shade).map(|c| c.min(1.0)),
                    1.0,
                )]
            });
        }
    }
}

impl IceFloes {
    pub(super) fn generate(&self, rng: &mut ChaCha8Rng, b: &mut Builder) {
        for _ in 0..self.count {
            b.place(rng, |rng| {
                let at = self.area.sample(rng);
                let ground = Vec3::new(at.x, 0.0, at.y);
                let s = pick(rng, self.size_m);
                let yaw = Quat::from_rotation_y(pick(rng, (0.0, std::f32::consts::TAU)));
                let color = scale(self.color, pick(rng, (0.92, 1.04))).map(|c| c.min(1.0));
                let ice = |shape, at| Primitive::new(PartKind::Ice, shape, at, color, 0.2);
                if rng.random::<f32>() < self.berg_fraction {
                    // Two tilted blocks, the smaller one leaning on top: a jagged silhouette.
                    let h = pick(rng, self.berg_height_m);
                    let mut tilt = || {
                        Quat::from_rotation_x(pick(rng, (-0.2, 0.2)))
                            * Quat::from_rotation_z(pick(rng, (-0.2, 0.2)))
                    };
                    let (low_tilt, top_tilt) = (tilt(), tilt());
                    let low_h = 0.65 * h;
                    let top_h = 0.5 * h;
                    let shift = yaw * Vec3::X * (0.15 * s);
                    vec![
                        ice(
                            Shape::Cuboid {
                                size: Vec3::new(s, low_h, 0.75 * s),
                            },
                            ground + Vec3::Y * (0.5 * low_h),
                        )
                        .rotated(yaw * low_tilt),
                        ice(
                            Shape::Cuboid {
                                size: Vec3::new(0.55 * s, top_h, 0.45 * s),
                            },
                            ground + shift + Vec3::Y * (low_h + 0.25 * top_h),
                        )
                        .rotated(yaw * top_tilt * Quat::from_rotation_z(0.3)),
                    ]
                } else {
                    let size = Vec3::new(s, self.thickness_m, s * pick(rng, (0.45, 1.0)));
                    let tilt =
                        Quat::from_rotation_x(pick(rng, (0.0, self.max_tilt_deg)).to_radians());
                    vec![
                        ice(
                            Shape::Cuboid { size },
                            ground + Vec3::Y * (0.5 * self.thickness_m),
                        )
                        .rotated(yaw * tilt),
                    ]
                }
            });
        }
    }
}
