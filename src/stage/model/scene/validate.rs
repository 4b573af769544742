//! Validation: every rule a scene description must meet before it is built, each failure
//! naming the field (`fog.end_m`, `layers[0].Buildings.height_m`).

use glam::Vec2;

use super::description::{
    Buildings, Crystals, Dunes, IceFloes, Layer, Moons, Mountains, Rocks, SceneDescription, Tower,
    XzRect,
};
use super::{
    MAX_CLUSTER, MAX_LAYER_COUNT, MAX_LAYERS, MAX_LIGHT_VALUE, MAX_PRIMITIVES, MAX_TOWER_SECTIONS,
    Rgb, STAGE_CLEAR_RADIUS_M, SceneError,
};

impl SceneDescription {
    /// Rejects descriptions that cannot be built, naming the field.
    pub fn validate(&self) -> Result<(), SceneError> {
        for (field, text) in [
            ("name", &self.name),
            ("title", &self.title),
            ("blurb", &self.blurb),
        ] {
            if text.trim().is_empty() {
                return invalid(field, "must not be empty");
            }
        }
        if self.blurb.contains('\n') {
            return invalid("blurb", "must be a single line");
        }
        check_color("sky.zenith", self.sky.zenith)?;
        check_color("sky.horizon", self.sky.horizon)?;
        let el = self.sun.elevation_deg;
        if !(10.0..=90.0).contains(&el) {
            return invalid(
                "sun.elevation_deg",
                format!("must be between 10 and 90 (the noon sun), got {el}"),
            );
        }
        let az = self.sun.azimuth_deg;
        if !(-360.0..=360.0).contains(&az) {
            return invalid(
                "sun.azimuth_deg",
                format!("must be between -360 and 360, got {az}"),
            );
        }
        check_color("sun.color", self.sun.color)?;
        check_positive("sun.illuminance_lux", self.sun.illuminance_lux)?;
        if self.sun.illuminance_lux > 200_000.0 {
            return invalid("sun.illuminance_lux", "must be at most 200000");
        }
        check_color("ambient.color", self.ambient.color)?;
        check_non_negative("ambient.brightness", self.ambient.brightness)?;
        check_color("fog.color", self.fog.color)?;
        check_non_negative("fog.start_m", self.fog.start_m)?;
        check_positive("fog.end_m", self.fog.end_m)?;
        if self.fog.end_m <= self.fog.start_m {
            return invalid(
                "fog.end_m",
                format!(
                    "({}) must be greater than fog.start_m ({})",
                    self.fog.end_m, self.fog.start_m
                ),
            );
        }
        check_color("ground.color", self.ground.color)?;
        check_fraction("ground.roughness", self.ground.roughness)?;
        check_positive("ground.size_m", self.ground.size_m)?;
        if self.ground.size_m < 2.0 * STAGE_CLEAR_RADIUS_M {
            return invalid(
                "ground.size_m",
                format!(
                    "must be at least {} m to reach past the stage",
                    2.0 * STAGE_CLEAR_RADIUS_M
                ),
            );
        }
        if self.layers.len() > MAX_LAYERS {
            return invalid(
                "layers",
                format!(
                    "has {} layers; at most {MAX_LAYERS} are allowed",
                    self.layers.len()
                ),
            );
        }
        for (i, layer) in self.layers.iter().enumerate() {
            layer.validate(&format!("layers[{i}].{}", layer.kind_name()))?;
        }
        let most = self.max_primitives();
        if most > MAX_PRIMITIVES {
            return invalid(
                "layers",
                format!(
                    "could make up to {most} shapes; the limit is {MAX_PRIMITIVES}: lower some counts"
                ),
            );
        }
        Ok(())
    }
}

impl Layer {
    fn validate(&self, at: &str) -> Result<(), SceneError> {
        match self {
            Layer::Buildings(l) => l.validate(at),
            Layer::Tower(l) => l.validate(at),
            Layer::Mountains(l) => l.validate(at),
            Layer::Rocks(l) => l.validate(at),
            Layer::Crystals(l) => l.validate(at),
            Layer::Moons(l) => l.validate(at),
            Layer::Dunes(l) => l.validate(at),
            Layer::IceFloes(l) => l.validate(at),
            Layer::Scatter(l) => l.validate(at),
            Layer::Flora(l) => l.validate(at),
            Layer::Vehicles(l) => l.validate(at),
            Layer::PowerLines(l) => l.validate(at),
            Layer::Aurora(l) => l.validate(at),
        }
    }
}

impl Buildings {
    fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_count(&f("count"), self.count)?;
        check_area(&f("area"), &self.area)?;
        check_range(&f("height_m"), self.height_m, true)?;
        check_range(&f("width_m"), self.width_m, true)?;
        if self.color_palette.is_empty() {
            return invalid(f("color_palette"), "needs at least one colour");
        }
        for (i, c) in self.color_palette.iter().enumerate() {
            check_color(&f(&format!("color_palette[{i}]")), *c)?;
        }
        check_fraction(&f("ruined_fraction"), self.ruined_fraction)?;
        check_fraction(&f("overgrown_fraction"), self.overgrown_fraction)?;
        check_color(&f("overgrowth_color"), self.overgrowth_color)?;
        check_color(&f("window_color"), self.window_color)?;
        check_glow(&f("window_emissive"), self.window_emissive)?;
        check_fraction(&f("lit_fraction"), self.lit_fraction)?;
        if !(2.0..=10.0).contains(&self.storey_m) {
            return invalid(
                f("storey_m"),
                format!("must be 2 to 10, got {}", self.storey_m),
            );
        }
        check_fraction(&f("neon_fraction"), self.neon_fraction)?;
        for (i, c) in self.neon_colors.iter().enumerate() {
            check_light(&f(&format!("neon_colors[{i}]")), *c)?;
        }
        Ok(())
    }
}

impl Tower {
    fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_finite(&f("position"), self.position.0)?;
        check_finite(&f("position"), self.position.1)?;
        check_positive(&f("height_m"), self.height_m)?;
        check_positive(&f("base_radius_m"), self.base_radius_m)?;
        if !(2..=MAX_TOWER_SECTIONS).contains(&self.sections) {
            return invalid(
                f("sections"),
                format!("must be 2 to {MAX_TOWER_SECTIONS}, got {}", self.sections),
            );
        }
        check_color(&f("color"), self.color)?;
        check_color(&f("band_color"), self.band_color)?;
        check_color(&f("beacon_color"), self.beacon_color)?;
        check_glow(&f("beacon_emissive"), self.beacon_emissive)?;
        if !(0.0..=15.0).contains(&self.lean_deg) {
            return invalid(
                f("lean_deg"),
                format!("must be 0 to 15, got {}", self.lean_deg),
            );
        }
        let distance = Vec2::new(self.position.0, self.position.1).length();
        let needed = STAGE_CLEAR_RADIUS_M + 1.5 * self.base_radius_m + 0.5 * self.height_m;
        if distance < needed {
            return invalid(
                f("position"),
                format!(
                    "is {distance:.0} m from the stage; a tower this size needs at least {needed:.0} m"
                ),
            );
        }
        Ok(())
    }
}

impl Mountains {
    fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_count(&f("count"), self.count)?;
        check_range(&f("distance_m"), self.distance_m, true)?;
        check_range(&f("azimuth_deg"), self.azimuth_deg, false)?;
        check_range(&f("height_m"), self.height_m, true)?;
        check_range(&f("width_m"), self.width_m, true)?;
        check_color(&f("color"), self.color)?;
        check_color(&f("snow_color"), self.snow_color)?;
        check_fraction(&f("snow_line"), self.snow_line)?;
        if !(2..=8).contains(&self.strata) {
            return invalid(f("strata"), format!("must be 2 to 8, got {}", self.strata));
        }
        let needed = STAGE_CLEAR_RADIUS_M + 0.8 * self.width_m.1 + 0.5 * self.height_m.1;
        if self.distance_m.0 < needed {
            return invalid(
                f("distance_m"),
                format!(
                    "starts at {} m; mountains up to {} m wide and {} m high need at least {needed:.0} m",
                    self.distance_m.0, self.width_m.1, self.height_m.1
                ),
            );
        }
        Ok(())
    }
}

impl Rocks {
    fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_count(&f("count"), self.count)?;
        check_area(&f("area"), &self.area)?;
        check_range(&f("size_m"), self.size_m, true)?;
        check_color(&f("color"), self.color)?;
        check_color(&f("accent_color"), self.accent_color)?;
        check_glow(&f("accent_emissive"), self.accent_emissive)
    }
}

impl Crystals {
    fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_count(&f("count"), self.count)?;
        if !(1..=MAX_CLUSTER).contains(&self.per_cluster) {
            return invalid(
                f("per_cluster"),
                format!("must be 1 to {MAX_CLUSTER}, got {}", self.per_cluster),
            );
        }
        check_area(&f("area"), &self.area)?;
        check_range(&f("height_m"), self.height_m, true)?;
        check_range(&f("radius_m"), self.radius_m, true)?;
        check_color(&f("color"), self.color)?;
        check_light(&f("emissive"), self.emissive)?;
        if !(0.0..=60.0).contains(&self.max_tilt_deg) {
            return invalid(
                f("max_tilt_deg"),
                format!("must be 0 to 60, got {}", self.max_tilt_deg),
            );
        }
        Ok(())
    }
}

impl Moons {
    fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_count(&f("count"), self.count)?;
        check_positive(&f("distance_m"), self.distance_m)?;
        if self.distance_m < 100.0 {
            return invalid(
                f("distance_m"),
                "must be at least 100 m (they are in the sky)",
            );
        }
        check_range(&f("elevation_deg"), self.elevation_deg, false)?;
        if self.elevation_deg.0 < 0.0 || self.elevation_deg.1 > 85.0 {
            return invalid(f("elevation_deg"), "must lie between 0 and 85 degrees");
        }
        check_range(&f("azimuth_deg"), self.azimuth_deg, false)?;
        check_range(&f("radius_m"), self.radius_m, true)?;
        if self.radius_m.1 * 2.2 > self.distance_m * 0.5 {
            return invalid(
                f("radius_m"),
                "is too large for the distance: keep it under a fifth of distance_m",
            );
        }
        if self.colors.is_empty() {
            return invalid(f("colors"), "needs at least one colour");
        }
        for (i, c) in self.colors.iter().enumerate() {
            check_color(&f(&format!("colors[{i}]")), *c)?;
        }
        check_glow(&f("glow"), self.glow)?;
        check_fraction(&f("ring_fraction"), self.ring_fraction)?;
        check_color(&f("ring_color"), self.ring_color)
    }
}

impl Dunes {
    fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_count(&f("count"), self.count)?;
        check_area(&f("area"), &self.area)?;
        check_range(&f("radius_m"), self.radius_m, true)?;
        check_range(&f("height_m"), self.height_m, true)?;
        check_color(&f("color"), self.color)
    }
}

impl IceFloes {
    fn validate(&self, at: &str) -> Result<(), SceneError> {
        let f = |name: &str| format!("{at}.{name}");
        check_count(&f("count"), self.count)?;
        check_area(&f("area"), &self.area)?;
        check_range(&f("size_m"), self.size_m, true)?;
        check_positive(&f("thickness_m"), self.thickness_m)?;
        check_color(&f("color"), self.color)?;
        if !(0.0..=30.0).contains(&self.max_tilt_deg) {
            return invalid(
                f("max_tilt_deg"),
                format!("must be 0 to 30, got {}", self.max_tilt_deg),
            );
        }
        check_fraction(&f("berg_fraction"), self.berg_fraction)?;
        check_range(&f("berg_height_m"), self.berg_height_m, true)
    }
}

pub(super) fn invalid(
    field: impl Into<String>,
    reason: impl Into<String>,
) -> Result<(), SceneError> {
    Err(SceneError::Invalid {
        file: String::new(),
        field: field.into(),
        reason: reason.into(),
    })
}

pub(super) fn check_finite(field: &str, v: f32) -> Result<(), SceneError> {
    if v.is_finite() {
        Ok(())
    } else {
        invalid(field, format!("must be a finite number, got {v}"))
    }
}

pub(super) fn check_positive(field: &str, v: f32) -> Result<(), SceneError> {
    if v.is_finite() && v > 0.0 {
        Ok(())
    } else {
        invalid(field, format!("must be a positive number, got {v}"))
    }
}

pub(super) fn check_non_negative(field: &str, v: f32) -> Result<(), SceneError> {
    if v.is_finite() && v >= 0.0 {
        Ok(())
    } else {
        invalid(field, format!("must be zero or more, got {v}"))
    }
}

pub(super) fn check_fraction(field: &str, v: f32) -> Result<(), SceneError> {
    if (0.0..=1.0).contains(&v) {
        Ok(())
    } else {
        invalid(field, format!("must be between 0 and 1, got {v}"))
    }
}

pub(super) fn check_glow(field: &str, v: f32) -> Result<(), SceneError> {
    if (0.0..=MAX_LIGHT_VALUE).contains(&v) {
        Ok(())
    } else {
        invalid(
            field,
            format!("must be between 0 and {MAX_LIGHT_VALUE}, got {v}"),
        )
    }
}

pub(super) fn check_count(field: &str, n: u32) -> Result<(), SceneError> {
    if n <= MAX_LAYER_COUNT {
        Ok(())
    } else {
        invalid(field, format!("must be at most {MAX_LAYER_COUNT}, got {n}"))
    }
}

/// `(min, max)` with both finite, min ≤ max, and (if `sizes`) min > 0.
pub(super) fn check_range(
    field: &str,
    (lo, hi): (f32, f32),
    sizes: bool,
) -> Result<(), SceneError> {
    if !(lo.is_finite() && hi.is_finite()) {
        return invalid(field, format!("must be finite numbers, got ({lo}, {hi})"));
    }
    if sizes && lo <= 0.0 {
        return invalid(field, format!("must be positive, got ({lo}, {hi})"));
    }
    if lo > hi {
        return invalid(
            field,
            format!("is (min, max) but min {lo} is more than max {hi}"),
        );
    }
    Ok(())
}

pub(super) fn check_area(field: &str, area: &XzRect) -> Result<(), SceneError> {
    check_range(&format!("{field}.x"), area.x, false)?;
    check_range(&format!("{field}.z"), area.z, false)?;
    let far = area.farthest_m();
    if far < STAGE_CLEAR_RADIUS_M + 5.0 {
        return invalid(
            field,
            format!(
                "lies inside the stage (within {far:.0} m of its centre); the world starts beyond {STAGE_CLEAR_RADIUS_M} m"
            ),
        );
    }
    Ok(())
}

/// A surface colour: finite, 0 to 1 per channel.
pub(super) fn check_color(field: &str, c: Rgb) -> Result<(), SceneError> {
    if c.iter().any(|v| !v.is_finite() || *v < 0.0) {
        return invalid(field, format!("must be finite and not negative, got {c:?}"));
    }
    if c.iter().any(|v| *v > 1.0) {
        return invalid(
            field,
            format!("must be linear RGB from 0.0 to 1.0 (not 0 to 255), got {c:?}"),
        );
    }
    Ok(())
}

/// A light colour (may exceed 1 for glow).
pub(super) fn check_light(field: &str, c: Rgb) -> Result<(), SceneError> {
    if c.iter().all(|v| (0.0..=MAX_LIGHT_VALUE).contains(v)) {
        Ok(())
    } else {
        invalid(
            field,
            format!("must be finite, between 0 and {MAX_LIGHT_VALUE}, got {c:?}"),
        )
    }
}
