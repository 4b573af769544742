//! LED volume model: a curved wall of flat LED panels, addressed pixel by pixel.
//!
//! # Stage coordinates
//!
//! Everything here uses *stage coordinates*: metres, Y up, origin at the centre of the stage
//! floor, which is also the centre of the wall's arc. The middle of the wall is straight ahead
//! along −Z, so a person standing at the origin and facing the wall has +X on their right.
//!
//! # How the wall is built
//!
//! Real LED panels are rigid, so a curved volume is really a polygon: a row of flat *columns*
//! (vertical strips of stacked panels), each one a chord between two points on a circle of
//! radius [`StageGeometry::radius_m`]. Every chord is exactly one panel wide. The number of
//! columns is derived from the nominal arc angle (`round(arc length / panel width)`), so the
//! built arc, [`StageGeometry::built_arc_radians`], is a whole number of columns and can differ
//! slightly from the requested [`StageGeometry::arc_degrees`]. Rows are derived the same way
//! from [`StageGeometry::wall_height_m`].
//!
//! # Addressing conventions
//!
//! All of these are *as seen from inside the volume* (from the stage centre, facing the wall):
//!
//! * columns are numbered left to right from 0, rows bottom to top from 0;
//! * inside a panel, pixel `x` grows left to right and pixel `y` grows bottom to top;
//! * wall UV: `u` in \[0, 1\] runs left to right along the whole wall, `v` in \[0, 1\] runs
//!   bottom to top. Because every column has the same width, `u` is proportional both to the
//!   distance along the wall surface and to the pixel column index.
//!
//! Note that real panel controllers usually scan from the top-left; this module's bottom-up `y`
//! matches the wall UV instead, which is what the shaders need.

use std::fmt;
use std::path::Path;

use glam::{Vec2, Vec3};
use serde::{Deserialize, Serialize};

use crate::tour::model::content::{ContentError, ContentFile, ContentFolder};

/// Selectable LED pixel pitches in millimetres, finest first. 2.84 mm is the common
/// 500 mm / 176 px panel; real panels come in whole pixels, so
/// [`StageGeometry::with_pixel_pitch_mm`] gets as close as the panel size allows.
pub const PITCH_CHOICES_MM: [f32; 4] = [1.5, 2.3, 2.84, 3.9];

/// How far (in metres) a point may sit in front of or behind the panel surface and still be
/// accepted by [`StageGeometry::world_to_uv`].
pub const WALL_SURFACE_TOLERANCE_M: f32 = 0.05;

/// Slack, in metres, for points that lie on an outer edge of the wall up to rounding.
const EDGE_SLACK_M: f32 = 1.0e-4;

// What a real LED volume can be. The largest stages built are about 25 m across and 8 m
// high with 2 m of wall above that for lighting, on panels 0.5 m to 1.2 m wide; a teacher's
// stage may be up to twice that. The pixel limit (10^8, about 1.5 GB of wall texture at the
// shader's 16 bytes a pixel) keeps a mistyped size from asking for gigabytes of mesh and
// texture, and keeps every count far inside `u32`.

/// Largest radius of the wall's arc, in metres.
pub const MAX_RADIUS_M: f32 = 50.0;
/// Tallest wall, and highest wall bottom or ceiling, in metres.
pub const MAX_HEIGHT_M: f32 = 20.0;
/// Largest panel side, in metres.
pub const MAX_PANEL_SIZE_M: f32 = 2.0;
/// Most pixels along one side of a panel.
pub const MAX_PANEL_PIXELS: u32 = 1024;
/// Most panels in the wall.
pub const MAX_PANELS: u32 = 50_000;
/// Most LED pixels in the wall, and in the ceiling.
pub const MAX_LED_PIXELS: u64 = 100_000_000;
/// Largest ceiling side, in metres.
pub const MAX_CEILING_SIZE_M: f32 = 100.0;

/// Why a stage description was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum StageError {
    /// The RON text could not be parsed. `line` and `column` are 1-based.
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
    /// The text parsed, but a value makes no physical sense.
    Invalid { field: &'static str, reason: String },
}

impl fmt::Display for StageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StageError::Parse {
                line,
                column,
                message,
            } => write!(
                f,
                "stage description: line {line}, column {column}: {message}"
            ),
            StageError::Invalid { field, reason } => {
                write!(f, "stage description: `{field}` {reason}")
            }
        }
    }
}

impl std::error::Error for StageError {}

/// An optional flat LED ceiling over the stage, used mostly as a light source.
///
/// It is a horizontal rectangle centred on `x = 0`, facing down.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedCeiling {
    /// Size across the stage (along X), in metres.
    pub width_m: f32,
    /// Size front to back (along Z), in metres.
    pub depth_m: f32,
    /// Height of the emitting surface above the floor, in metres.
    pub height_m: f32,
    /// Z of the ceiling's centre, in metres (negative = towards the wall).
    pub center_z_m: f32,
    /// Pixel pitch in millimetres; ceilings are usually coarser than walls.
    pub pixel_pitch_mm: f32,
}

impl Default for LedCeiling {
    fn default() -> Self {
        Self {
            width_m: 8.0,
            depth_m: 8.0,
            height_m: 6.0,
            center_z_m: -2.0,
            pixel_pitch_mm: 3.9,
        }
    }
}

impl LedCeiling {
    /// Corners `[pa, pb, pc, pd]` in the same order as [`StageGeometry::column_corners`]
    /// (lower-left, lower-right, upper-left, upper-right), chosen so that the screen normal
    /// `(pb − pa) × (pc − pa)` points down, towards the stage. "Right" is +X, "up" is +Z.
    pub fn corners(&self) -> [Vec3; 4] {
        let (hw, hd) = (self.width_m * 0.5, self.depth_m * 0.5);
        let (z0, z1) = (self.center_z_m - hd, self.center_z_m + hd);
        [
            Vec3::new(-hw, self.height_m, z0),
            Vec3::new(hw, self.height_m, z0),
            Vec3::new(-hw, self.height_m, z1),
            Vec3::new(hw, self.height_m, z1),
        ]
    }

    /// Pixels across (X) and front to back (Z).
    pub fn pixel_grid_size(&self) -> (u32, u32) {
        let pitch_m = self.pixel_pitch_mm / 1000.0;
        (
            whole_count(self.width_m / pitch_m),
            whole_count(self.depth_m / pitch_m),
        )
    }

    fn validate(&self) -> Result<(), StageError> {
        at_most("ceiling.width_m", self.width_m, MAX_CEILING_SIZE_M)?;
        at_most("ceiling.depth_m", self.depth_m, MAX_CEILING_SIZE_M)?;
        at_most("ceiling.height_m", self.height_m, MAX_HEIGHT_M)?;
        finite("ceiling.center_z_m", self.center_z_m)?;
        if self.center_z_m.abs() > MAX_CEILING_SIZE_M {
            return invalid(
                "ceiling.center_z_m",
                format!(
                    "must be within {MAX_CEILING_SIZE_M} m of the stage centre, got {}",
                    self.center_z_m
                ),
            );
        }
        positive("ceiling.pixel_pitch_mm", self.pixel_pitch_mm)?;
        let (w, h) = self.pixel_grid_size();
        within_pixel_budget(
            "ceiling.pixel_pitch_mm",
            u64::from(w).checked_mul(u64::from(h)),
        )
    }
}

/// The physical layout of the LED volume. Loaded from `scenes/stage.ron`.
///
/// Only the nominal sizes are stored; whole-panel counts are derived (see the module docs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StageGeometry {
    /// Width of one LED panel in metres.
    pub panel_width_m: f32,
    /// Height of one LED panel in metres.
    pub panel_height_m: f32,
    /// Pixels across one panel.
    pub panel_pixels_x: u32,
    /// Pixels up one panel.
    pub panel_pixels_y: u32,
    /// Radius of the circle the column edges sit on, in metres.
    pub radius_m: f32,
    /// Requested arc angle in degrees, centred on −Z. The built arc is rounded to whole columns.
    pub arc_degrees: f32,
    /// Requested wall height in metres; rounded to whole panel rows.
    pub wall_height_m: f32,
    /// Height of the wall's bottom edge above the floor, in metres.
    pub bottom_height_m: f32,
    /// Optional LED ceiling.
    pub ceiling: Option<LedCeiling>,
}

impl Default for StageGeometry {
    /// A realistic mid-size volume: 500 mm panels at 176 × 176 px (2.84 mm pitch), a 6 m
    /// radius, a 240° arc (50 columns) and a 5 m high wall (10 rows) standing on the floor.
    fn default() -> Self {
        Self {
            panel_width_m: 0.5,
            panel_height_m: 0.5,
            panel_pixels_x: 176,
            panel_pixels_y: 176,
            radius_m: 6.0,
            arc_degrees: 240.0,
            wall_height_m: 5.0,
            bottom_height_m: 0.0,
            ceiling: None,
        }
    }
}

/// One LED panel, by column (left → right) and row (bottom → top).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PanelId {
    pub column: u32,
    pub row: u32,
}

/// One LED pixel: a panel and the pixel inside it (`x` left → right, `y` bottom → top).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LedPixel {
    pub panel: PanelId,
    pub x: u32,
    pub y: u32,
}

/// The stage's file inside `scenes/`.
pub const STAGE_FILE: &str = "stage.ron";
const BUNDLED_STAGE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/scenes/stage.ron"));

/// `scenes/stage.ron`, loaded the way every content file is (see `ContentFile`).
impl ContentFile for StageGeometry {
    const FILE: &'static str = STAGE_FILE;
    const FOLDER: ContentFolder = ContentFolder::Scenes;
    const BUNDLED: &'static str = BUNDLED_STAGE;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        StageGeometry::load_ron(text).map_err(|e| {
            vec![match e {
                StageError::Parse {
                    line,
                    column,
                    message,
                } => ContentError::at(file, line, column, message),
                other => ContentError::whole_file(file, other.to_string()),
            }]
        })
    }
}

impl StageGeometry {
    /// Parses and validates a RON stage description.
    pub fn load_ron(text: &str) -> Result<Self, StageError> {
        // A file saved as "UTF-8 with BOM" is the same stage.
        let text = crate::platform::storage::without_bom(text);
        let stage: Self = ron::from_str(text).map_err(|e| StageError::Parse {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        stage.validate()?;
        Ok(stage)
    }

    /// Writes the description as pretty RON (without the explanatory comments).
    pub fn to_ron(&self) -> Result<String, StageError> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).map_err(|e| {
            StageError::Invalid {
                field: "stage",
                reason: format!("could not be written as RON: {e}"),
            }
        })
    }

    /// Rejects descriptions that cannot be built, and sizes no real stage has (see
    /// [`MAX_RADIUS_M`] and the other limits).
    pub fn validate(&self) -> Result<(), StageError> {
        at_most("panel_width_m", self.panel_width_m, MAX_PANEL_SIZE_M)?;
        at_most("panel_height_m", self.panel_height_m, MAX_PANEL_SIZE_M)?;
        at_most("radius_m", self.radius_m, MAX_RADIUS_M)?;
        at_most("wall_height_m", self.wall_height_m, MAX_HEIGHT_M)?;
        finite("bottom_height_m", self.bottom_height_m)?;
        if !(0.0..=MAX_HEIGHT_M).contains(&self.bottom_height_m) {
            return invalid(
                "bottom_height_m",
                format!(
                    "must be between 0 and {MAX_HEIGHT_M} m, got {}",
                    self.bottom_height_m
                ),
            );
        }
        for (field, pixels) in [
            ("panel_pixels_x", self.panel_pixels_x),
            ("panel_pixels_y", self.panel_pixels_y),
        ] {
            if !(1..=MAX_PANEL_PIXELS).contains(&pixels) {
                return invalid(
                    field,
                    format!("must be between 1 and {MAX_PANEL_PIXELS}, got {pixels}"),
                );
            }
        }
        if !(self.arc_degrees > 0.0 && self.arc_degrees <= 360.0) {
            return invalid(
                "arc_degrees",
                format!("must be in (0, 360], got {}", self.arc_degrees),
            );
        }
        if self.panel_width_m > 2.0 * self.radius_m {
            return invalid("panel_width_m", "is wider than the arc's diameter");
        }
        if self.column_count() == 0 {
            return invalid("arc_degrees", "is too small to hold one panel column");
        }
        if self.row_count() == 0 {
            return invalid("wall_height_m", "is less than half a panel high");
        }
        // Checked arithmetic: the counts come from a file, and a wrapped product would pass.
        let panels = self.column_count().checked_mul(self.row_count());
        if panels.is_none_or(|p| p > MAX_PANELS) {
            return invalid(
                "panel_width_m",
                format!(
                    "gives {} columns of {} rows, more than the {MAX_PANELS} panels of a real stage",
                    self.column_count(),
                    self.row_count()
                ),
            );
        }
        let width = self.column_count().checked_mul(self.panel_pixels_x);
        let height = self.row_count().checked_mul(self.panel_pixels_y);
        let total = width
            .zip(height)
            .and_then(|(w, h)| u64::from(w).checked_mul(u64::from(h)));
        within_pixel_budget("panel_pixels_x", total)?;
        if let Some(ceiling) = &self.ceiling {
            ceiling.validate()?;
        }
        Ok(())
    }

    /// Horizontal pixel pitch in millimetres (panel width / pixels across).
    pub fn pixel_pitch_mm(&self) -> f32 {
        self.panel_width_m * 1000.0 / self.panel_pixels_x as f32
    }

    /// Vertical pixel pitch in millimetres (panel height / pixels up).
    pub fn pixel_pitch_y_mm(&self) -> f32 {
        self.panel_height_m * 1000.0 / self.panel_pixels_y as f32
    }

    /// The same stage rebuilt with panels whose pitch is as close to `pitch_mm` as whole pixels
    /// allow (e.g. 2.84 mm → 176 px on a 500 mm panel). See [`PITCH_CHOICES_MM`].
    pub fn with_pixel_pitch_mm(mut self, pitch_mm: f32) -> Result<Self, StageError> {
        positive("pixel pitch", pitch_mm)?;
        let pitch_m = pitch_mm / 1000.0;
        self.panel_pixels_x = whole_count(self.panel_width_m / pitch_m).max(1);
        self.panel_pixels_y = whole_count(self.panel_height_m / pitch_m).max(1);
        self.validate()?;
        Ok(self)
    }

    /// Angle subtended at the arc centre by one flat column (a chord one panel wide).
    pub fn column_angle_radians(&self) -> f32 {
        2.0 * (self.panel_width_m / (2.0 * self.radius_m))
            .clamp(-1.0, 1.0)
            .asin()
    }

    /// Number of panel columns: the nominal arc length in whole panels, never wrapping past a
    /// full circle.
    pub fn column_count(&self) -> u32 {
        let arc_length = self.radius_m * self.arc_degrees.to_radians();
        let wanted = whole_count(arc_length / self.panel_width_m);
        let alpha = self.column_angle_radians();
        if alpha <= 0.0 {
            return 0;
        }
        let fits = (std::f32::consts::TAU / alpha + 1.0e-4).floor();
        wanted.min(whole_count_floor(fits))
    }

    /// Number of panel rows (wall height in whole panels).
    pub fn row_count(&self) -> u32 {
        whole_count(self.wall_height_m / self.panel_height_m)
    }

    /// The arc actually built from whole columns, in radians.
    pub fn built_arc_radians(&self) -> f32 {
        self.column_count() as f32 * self.column_angle_radians()
    }

    /// Length of the wall measured along its (flat-panel) surface, in metres.
    pub fn wall_width_m(&self) -> f32 {
        self.column_count() as f32 * self.panel_width_m
    }

    /// Height of the built wall (whole rows), in metres.
    pub fn built_wall_height_m(&self) -> f32 {
        self.row_count() as f32 * self.panel_height_m
    }

    /// Height of the wall's top edge above the floor, in metres.
    pub fn top_height_m(&self) -> f32 {
        self.bottom_height_m + self.built_wall_height_m()
    }

    /// Number of panels in the wall (the ceiling is not counted). A validated stage has at
    /// most [`MAX_PANELS`].
    pub fn panel_count(&self) -> u32 {
        self.column_count().saturating_mul(self.row_count())
    }

    /// Pixels across and up the whole wall; the size of the wall texture for the shader.
    pub fn pixel_grid_size(&self) -> (u32, u32) {
        (
            self.column_count().saturating_mul(self.panel_pixels_x),
            self.row_count().saturating_mul(self.panel_pixels_y),
        )
    }

    /// Total number of wall pixels (the ceiling is not counted).
    pub fn pixel_count(&self) -> u64 {
        let (w, h) = self.pixel_grid_size();
        u64::from(w) * u64::from(h)
    }

    /// Azimuth of column edge `k` (0 ..= columns), measured from −Z, positive towards +X.
    fn edge_azimuth(&self, k: u32) -> f32 {
        let alpha = self.column_angle_radians();
        -0.5 * self.built_arc_radians() + k as f32 * alpha
    }

    /// Floor-plan point (x, z) of column edge `k` on the circle.
    fn edge_xz(&self, k: u32) -> Vec2 {
        let phi = self.edge_azimuth(k);
        Vec2::new(self.radius_m * phi.sin(), -self.radius_m * phi.cos())
    }

    fn clamp_column(&self, column: u32) -> u32 {
        column.min(self.column_count().saturating_sub(1))
    }

    /// Corners of one column as seen from inside: `[bottom-left, bottom-right, top-left,
    /// top-right]`. The first three are Kooima's `pa`, `pb`, `pc` for an off-axis projection
    /// onto that column. Out-of-range columns are clamped to the last one.
    pub fn column_corners(&self, column: u32) -> [Vec3; 4] {
        let c = self.clamp_column(column);
        let (l, r) = (self.edge_xz(c), self.edge_xz(c + 1));
        let (y0, y1) = (self.bottom_height_m, self.top_height_m());
        [
            Vec3::new(l.x, y0, l.y),
            Vec3::new(r.x, y0, r.y),
            Vec3::new(l.x, y1, l.y),
            Vec3::new(r.x, y1, r.y),
        ]
    }

    /// Unit normal of a column's face, pointing inwards (towards the arc centre).
    pub fn column_normal(&self, column: u32) -> Vec3 {
        let c = self.clamp_column(column);
        let mid = 0.5 * (self.edge_azimuth(c) + self.edge_azimuth(c + 1));
        Vec3::new(-mid.sin(), 0.0, mid.cos())
    }

    /// World position of a wall UV point, on the flat panel faces. UVs outside \[0, 1\] are
    /// clamped to the wall edge.
    pub fn uv_to_world(&self, uv: Vec2) -> Vec3 {
        let columns = self.column_count();
        let along = uv.x.clamp(0.0, 1.0) * columns as f32;
        let column = (along.floor() as u32).min(columns.saturating_sub(1));
        let s = along - column as f32;
        let xz = self.edge_xz(column).lerp(self.edge_xz(column + 1), s);
        let y = self.bottom_height_m + uv.y.clamp(0.0, 1.0) * self.built_wall_height_m();
        Vec3::new(xz.x, y, xz.y)
    }

    /// Wall UV of a point on (or within [`WALL_SURFACE_TOLERANCE_M`] of) the panel surface;
    /// `None` if the point is beside, above or below the wall, or too far from its surface.
    pub fn world_to_uv(&self, point: Vec3) -> Option<Vec2> {
        let columns = self.column_count();
        if columns == 0 {
            return None;
        }
        let alpha = self.column_angle_radians();
        let phi = point.x.atan2(-point.z);
        let along = (phi + 0.5 * self.built_arc_radians()) / alpha;
        let slack = EDGE_SLACK_M / self.panel_width_m;
        if !(along >= -slack && along <= columns as f32 + slack) {
            return None;
        }
        let column = (along.max(0.0).floor() as u32).min(columns - 1);
        let (a, b) = (self.edge_xz(column), self.edge_xz(column + 1));
        let p = Vec2::new(point.x, point.z);
        let chord = b - a;
        let s = ((p - a).dot(chord) / chord.length_squared()).clamp(0.0, 1.0);
        let normal = self.column_normal(column);
        let off_surface = (p - a).dot(Vec2::new(normal.x, normal.z));
        if off_surface.abs() > WALL_SURFACE_TOLERANCE_M {
            return None;
        }
        let height = point.y - self.bottom_height_m;
        let wall_h = self.built_wall_height_m();
        if !(height >= -EDGE_SLACK_M && height <= wall_h + EDGE_SLACK_M) {
            return None;
        }
        let u = (column as f32 + s) / columns as f32;
        let v = (height / wall_h).clamp(0.0, 1.0);
        Some(Vec2::new(u.clamp(0.0, 1.0), v))
    }

    /// Wall UV of a pixel's centre. Out-of-range indices are clamped to the wall.
    pub fn pixel_to_uv(&self, pixel: LedPixel) -> Vec2 {
        let (gx, gy) = self.global_pixel(pixel);
        let (w, h) = self.pixel_grid_size();
        Vec2::new((gx as f32 + 0.5) / w as f32, (gy as f32 + 0.5) / h as f32)
    }

    /// The pixel whose square contains a wall UV point (UVs outside \[0, 1\] are clamped).
    pub fn uv_to_pixel(&self, uv: Vec2) -> LedPixel {
        let (w, h) = self.pixel_grid_size();
        let gx = ((uv.x.clamp(0.0, 1.0) * w as f32).floor() as u32).min(w.saturating_sub(1));
        let gy = ((uv.y.clamp(0.0, 1.0) * h as f32).floor() as u32).min(h.saturating_sub(1));
        self.pixel_at(gx, gy)
    }

    /// The pixel at a global grid position (`gx` left → right, `gy` bottom → top, both from 0),
    /// clamped to the wall.
    pub fn pixel_at(&self, gx: u32, gy: u32) -> LedPixel {
        let (w, h) = self.pixel_grid_size();
        let gx = gx.min(w.saturating_sub(1));
        let gy = gy.min(h.saturating_sub(1));
        // `max(1)` only matters for unvalidated stages with zero-pixel panels.
        let (px, py) = (self.panel_pixels_x.max(1), self.panel_pixels_y.max(1));
        LedPixel {
            panel: PanelId {
                column: gx / px,
                row: gy / py,
            },
            x: gx % px,
            y: gy % py,
        }
    }

    /// Global grid position of a pixel (`gx` left → right, `gy` bottom → top), clamped.
    pub fn global_pixel(&self, pixel: LedPixel) -> (u32, u32) {
        let (w, h) = self.pixel_grid_size();
        let x = pixel.x.min(self.panel_pixels_x.saturating_sub(1));
        let y = pixel.y.min(self.panel_pixels_y.saturating_sub(1));
        let gx = pixel
            .panel
            .column
            .saturating_mul(self.panel_pixels_x)
            .saturating_add(x);
        let gy = pixel
            .panel
            .row
            .saturating_mul(self.panel_pixels_y)
            .saturating_add(y);
        (gx.min(w.saturating_sub(1)), gy.min(h.saturating_sub(1)))
    }

    /// Whether a pixel address lies on this wall.
    pub fn contains_pixel(&self, pixel: LedPixel) -> bool {
        pixel.panel.column < self.column_count()
            && pixel.panel.row < self.row_count()
            && pixel.x < self.panel_pixels_x
            && pixel.y < self.panel_pixels_y
    }

    /// World position of a pixel's centre.
    pub fn pixel_position(&self, pixel: LedPixel) -> Vec3 {
        self.uv_to_world(self.pixel_to_uv(pixel))
    }

    /// Unit normal of the panel a pixel sits on, pointing inwards (towards the arc centre).
    pub fn pixel_normal(&self, pixel: LedPixel) -> Vec3 {
        self.column_normal(pixel.panel.column)
    }
}

fn positive(field: &'static str, value: f32) -> Result<(), StageError> {
    if value.is_finite() && value > 0.0 {
        Ok(())
    } else {
        invalid(field, format!("must be a positive number, got {value}"))
    }
}

/// A positive size no larger than `max`.
fn at_most(field: &'static str, value: f32, max: f32) -> Result<(), StageError> {
    positive(field, value)?;
    if value > max {
        return invalid(
            field,
            format!("must be at most {max} (a real stage's size), got {value}"),
        );
    }
    Ok(())
}

/// A pixel count (`None` when it overflowed) within [`MAX_LED_PIXELS`].
fn within_pixel_budget(field: &'static str, total: Option<u64>) -> Result<(), StageError> {
    match total {
        Some(n) if n <= MAX_LED_PIXELS => Ok(()),
        Some(n) => invalid(
            field,
            format!("gives {n} LED pixels; a real stage has at most {MAX_LED_PIXELS}"),
        ),
        None => invalid(
            field,
            format!(
                "gives more LED pixels than can be counted; a real stage has at most {MAX_LED_PIXELS}"
            ),
        ),
    }
}

fn finite(field: &'static str, value: f32) -> Result<(), StageError> {
    if value.is_finite() {
        Ok(())
    } else {
        invalid(field, format!("must be a finite number, got {value}"))
    }
}

fn invalid(field: &'static str, reason: impl Into<String>) -> Result<(), StageError> {
    Err(StageError::Invalid {
        field,
        reason: reason.into(),
    })
}

/// Rounds a non-negative size ratio to a whole count (NaN and negatives give 0).
fn whole_count(ratio: f32) -> u32 {
    whole_count_floor(ratio.round())
}

fn whole_count_floor(value: f32) -> u32 {
    if value.is_finite() && value > 0.0 {
        value.min(u32::MAX as f32) as u32
    } else {
        0
    }
}

#[cfg(test)]
mod tests;
