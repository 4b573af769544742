//! The world map of the cloud tab: a dot-matrix map of rough coastlines framed on the sites,
//! the routes from the studio with packets, vans and how far the footage has got, and a label
//! for every site.

use std::sync::LazyLock;

use bevy_egui::egui;

use super::pieces::{role_colour, role_icon, users, via_word};
use crate::stops::innovation::cloud::{CloudSpec, Seconds, Simulation, Via};

/// Land is drawn as a dot matrix of cells this many degrees wide: egui fills only convex
/// shapes, and the blocky look says "a rough map" honestly.
const LAND_STEP_DEG: f32 = 3.0;
const LAND_COLUMNS: usize = 120;
const LAND_ROWS: usize = 60;
/// Points on each curved route.
const ARC_SEGMENTS: usize = 24;

// Rough coastlines, (longitude, latitude) in degrees: only good enough for a 3° dot matrix.
#[rustfmt::skip]
const NORTH_AMERICA: &[(f32, f32)] = &[
    (-166.0, 68.0), (-156.0, 71.0), (-140.0, 70.0), (-115.0, 68.0), (-95.0, 69.0),
    (-82.0, 66.0), (-80.0, 60.0), (-94.0, 59.0), (-92.0, 57.0), (-82.0, 55.0), (-79.0, 52.0),
    (-72.0, 52.0), (-64.0, 59.0), (-56.0, 52.0), (-60.0, 47.0), (-66.0, 45.0), (-70.0, 42.0),
    (-74.0, 40.0), (-76.0, 35.0), (-81.0, 31.0), (-80.0, 25.0), (-84.0, 30.0), (-89.0, 30.0),
    (-94.0, 29.5), (-97.0, 27.0), (-97.0, 22.0), (-95.0, 19.0), (-91.0, 19.0), (-87.0, 21.0),
    (-88.0, 16.0), (-84.0, 15.0), (-83.0, 10.0), (-77.0, 8.0), (-80.0, 7.0), (-86.0, 11.0),
    (-92.0, 14.5), (-101.0, 17.0), (-105.0, 20.0), (-110.0, 23.0), (-114.0, 28.0),
    (-117.0, 32.5), (-120.0, 34.5), (-123.0, 38.0), (-124.0, 42.0), (-124.0, 47.0),
    (-130.0, 54.0), (-135.0, 58.0), (-146.0, 61.0), (-152.0, 59.0), (-164.0, 55.0),
    (-162.0, 60.0), (-166.0, 62.0), (-163.0, 65.0),
];
#[rustfmt::skip]
const GREENLAND: &[(f32, f32)] = &[
    (-73.0, 78.0), (-60.0, 82.0), (-30.0, 83.0), (-20.0, 80.0), (-20.0, 72.0), (-30.0, 68.0),
    (-42.0, 60.0), (-50.0, 64.0), (-54.0, 68.0), (-58.0, 75.0),
];
#[rustfmt::skip]
const SOUTH_AMERICA: &[(f32, f32)] = &[
    (-77.0, 8.0), (-72.0, 12.0), (-62.0, 11.0), (-52.0, 5.0), (-50.0, 0.0), (-44.0, -2.0),
    (-35.0, -5.0), (-39.0, -14.0), (-41.0, -22.0), (-48.0, -26.0), (-53.0, -34.0),
    (-58.0, -38.0), (-65.0, -45.0), (-68.0, -50.0), (-68.0, -55.0), (-73.0, -52.0),
    (-75.0, -45.0), (-73.0, -37.0), (-71.0, -30.0), (-70.0, -18.0), (-76.0, -14.0),
    (-81.0, -6.0), (-80.0, -1.0), (-78.0, 2.0),
];
#[rustfmt::skip]
const EUROPE: &[(f32, f32)] = &[
    (-9.0, 43.0), (-9.0, 37.0), (-6.0, 36.0), (-2.0, 37.0), (0.0, 39.0), (3.0, 42.0),
    (9.0, 44.0), (11.0, 42.0), (16.0, 38.0), (18.0, 40.0), (16.0, 41.5), (12.5, 44.0),
    (13.5, 45.5), (19.0, 42.0), (23.0, 37.0), (26.0, 40.0), (29.0, 41.0), (28.0, 44.0),
    (30.0, 46.0), (40.0, 47.0), (48.0, 42.0), (50.0, 45.0), (58.0, 50.0), (60.0, 55.0),
    (60.0, 68.0), (44.0, 68.0), (40.0, 66.0), (30.0, 70.0), (25.0, 71.0), (15.0, 68.0),
    (5.0, 62.0), (6.0, 58.0), (11.0, 59.0), (12.0, 56.0), (10.0, 54.0), (5.0, 53.0),
    (2.0, 51.0), (-2.0, 49.0), (-5.0, 48.0), (-1.0, 46.0),
];
#[rustfmt::skip]
const BRITAIN: &[(f32, f32)] = &[
    (-5.5, 50.0), (1.5, 51.0), (1.7, 52.8), (0.0, 54.0), (-1.5, 55.5), (-2.0, 57.5),
    (-3.0, 58.6), (-5.0, 58.6), (-6.0, 57.0), (-5.0, 55.0), (-3.0, 54.5), (-4.5, 53.3),
    (-4.0, 51.5),
];
#[rustfmt::skip]
const IRELAND: &[(f32, f32)] = &[
    (-10.0, 51.5), (-6.0, 52.0), (-6.0, 55.0), (-8.0, 55.3), (-10.0, 54.0),
];
#[rustfmt::skip]
const AFRICA: &[(f32, f32)] = &[
    (-17.0, 21.0), (-16.0, 28.0), (-10.0, 30.0), (-6.0, 36.0), (10.0, 37.0), (11.0, 33.0),
    (20.0, 31.0), (32.0, 31.0), (34.0, 28.0), (39.0, 18.0), (43.0, 12.0), (51.0, 12.0),
    (49.0, 6.0), (42.0, -1.0), (40.0, -10.0), (40.0, -15.0), (35.0, -20.0), (35.0, -25.0),
    (32.0, -29.0), (27.0, -34.0), (20.0, -35.0), (18.0, -32.0), (15.0, -27.0), (12.0, -17.0),
    (13.0, -9.0), (9.0, -1.0), (9.0, 4.0), (5.0, 5.0), (-3.0, 5.0), (-8.0, 4.0), (-13.0, 8.0),
    (-17.0, 14.0),
];
#[rustfmt::skip]
const ASIA: &[(f32, f32)] = &[
    (26.0, 40.0), (36.0, 36.0), (35.0, 28.0), (43.0, 12.0), (52.0, 17.0), (57.0, 20.0),
    (59.0, 23.0), (57.0, 26.0), (62.0, 25.0), (67.0, 24.0), (70.0, 21.0), (73.0, 17.0),
    (77.0, 8.0), (80.0, 10.0), (80.0, 15.0), (87.0, 22.0), (92.0, 22.0), (94.0, 17.0),
    (98.0, 16.0), (98.0, 8.0), (101.0, 3.0), (104.0, 1.0), (103.0, 10.0), (106.0, 10.0),
    (109.0, 12.0), (109.0, 19.0), (114.0, 22.0), (121.0, 28.0), (122.0, 31.0), (120.0, 35.0),
    (122.0, 37.0), (118.0, 38.0), (121.0, 41.0), (126.0, 38.0), (129.0, 35.0), (130.0, 43.0),
    (141.0, 52.0), (136.0, 55.0), (143.0, 59.0), (152.0, 59.0), (156.0, 51.0), (163.0, 57.0),
    (163.0, 60.0), (172.0, 61.0), (180.0, 65.0), (180.0, 69.0), (160.0, 70.0), (140.0, 72.0),
    (113.0, 73.0), (110.0, 77.0), (100.0, 79.0), (80.0, 73.0), (70.0, 73.0), (68.0, 68.0),
    (60.0, 68.0), (60.0, 55.0), (58.0, 50.0), (50.0, 45.0), (48.0, 42.0), (40.0, 47.0),
    (30.0, 46.0), (28.0, 44.0), (29.0, 41.0),
];
#[rustfmt::skip]
const JAPAN: &[(f32, f32)] = &[
    (130.0, 31.0), (135.0, 33.5), (140.0, 35.0), (142.0, 39.0), (145.0, 43.5), (142.0, 45.5),
    (140.0, 43.0), (140.0, 41.0), (137.0, 37.0), (132.0, 35.0),
];
#[rustfmt::skip]
const INDONESIA: &[(f32, f32)] = &[
    (95.0, 5.0), (106.0, -6.0), (115.0, -8.0), (125.0, -8.0), (141.0, -9.0), (150.0, -10.0),
    (145.0, -5.0), (132.0, -1.0), (120.0, 1.0), (117.0, 7.0), (109.0, 2.0), (104.0, -1.0),
    (98.0, 4.0),
];
#[rustfmt::skip]
const AUSTRALIA: &[(f32, f32)] = &[
    (114.0, -22.0), (122.0, -18.0), (126.0, -14.0), (130.0, -12.0), (136.0, -12.0),
    (137.0, -15.0), (141.0, -12.0), (143.0, -11.0), (146.0, -19.0), (150.0, -23.0),
    (153.0, -28.0), (150.0, -37.0), (146.0, -39.0), (141.0, -38.0), (138.0, -35.0),
    (131.0, -31.0), (124.0, -33.0), (117.0, -35.0), (115.0, -33.0),
];
#[rustfmt::skip]
const ANTARCTICA: &[(f32, f32)] = &[(-180.0, -66.0), (180.0, -66.0), (180.0, -90.0), (-180.0, -90.0)];

const LAND: &[&[(f32, f32)]] = &[
    NORTH_AMERICA,
    GREENLAND,
    SOUTH_AMERICA,
    EUROPE,
    BRITAIN,
    IRELAND,
    AFRICA,
    ASIA,
    JAPAN,
    INDONESIA,
    AUSTRALIA,
    ANTARCTICA,
];

/// Region names and where to write them (longitude, latitude).
const REGION_LABELS: &[(&str, f32, f32)] = &[
    ("NORTH AMERICA", -100.0, 57.0),
    ("SOUTH AMERICA", -60.0, -12.0),
    ("GREENLAND", -42.0, 74.0),
    ("ATLANTIC OCEAN", -42.0, 32.0),
    ("PACIFIC OCEAN", -145.0, 22.0),
    ("EUROPE", 24.0, 52.0),
    ("AFRICA", 18.0, 10.0),
    ("ASIA", 92.0, 50.0),
    ("AUSTRALIA", 134.0, -26.0),
];

/// Even-odd rule: is the point inside the polygon?
fn inside(poly: &[(f32, f32)], lon: f32, lat: f32) -> bool {
    let mut inside = false;
    for (&(x1, y1), &(x2, y2)) in poly.iter().zip(poly.iter().cycle().skip(1)) {
        if (y1 > lat) != (y2 > lat) && lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// Which cells of the world's 3° grid are land, row by row from the north; worked out once.
static LAND_MASK: LazyLock<Vec<bool>> = LazyLock::new(|| {
    (0..LAND_ROWS * LAND_COLUMNS)
        .map(|k| {
            let (row, column) = (k / LAND_COLUMNS, k % LAND_COLUMNS);
            let lon = -180.0 + (column as f32 + 0.5) * LAND_STEP_DEG;
            let lat = 90.0 - (row as f32 + 0.5) * LAND_STEP_DEG;
            LAND.iter().any(|poly| inside(poly, lon, lat))
        })
        .collect()
});

/// The part of an equirectangular world map on screen: same degrees per point across and down.
struct MapView {
    rect: egui::Rect,
    west: f32,
    north: f32,
    deg_per_point: f32,
}

impl MapView {
    /// Frames every site with a margin, so a teacher's own cities still fit.
    fn fit(rect: egui::Rect, spec: &CloudSpec) -> Self {
        let (mut west, mut east, mut south, mut north) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for s in &spec.sites {
            let (lon, lat) = (s.lon_deg as f32, s.lat_deg as f32);
            west = west.min(lon);
            east = east.max(lon);
            south = south.min(lat);
            north = north.max(lat);
        }
        if west > east || south > north {
            (west, east, south, north) = (-130.0, 10.0, 20.0, 60.0);
        }
        let (west, east, south, north) = (west - 20.0, east + 20.0, south - 15.0, north + 15.0);
        let deg_per_point = ((east - west) / rect.width().max(1.0))
            .max((north - south) / rect.height().max(1.0))
            .max(0.01);
        let (centre_lon, centre_lat) = ((west + east) / 2.0, (south + north) / 2.0);
        Self {
            rect,
            west: centre_lon - rect.width() * deg_per_point / 2.0,
            north: centre_lat + rect.height() * deg_per_point / 2.0,
            deg_per_point,
        }
    }

    fn east(&self) -> f32 {
        self.west + self.rect.width() * self.deg_per_point
    }

    fn south(&self) -> f32 {
        self.north - self.rect.height() * self.deg_per_point
    }

    fn pos(&self, lon: f32, lat: f32) -> egui::Pos2 {
        egui::pos2(
            self.rect.left() + (lon - self.west) / self.deg_per_point,
            self.rect.top() + (self.north - lat) / self.deg_per_point,
        )
    }
}

/// Text on a dark box, kept inside `bounds`.
fn map_label(
    painter: &egui::Painter,
    bounds: egui::Rect,
    anchor: egui::Pos2,
    align: egui::Align2,
    text: String,
    size: f32,
    fg: egui::Color32,
) -> egui::Rect {
    let galley = painter.layout_no_wrap(text, egui::FontId::proportional(size), fg);
    let mut rect = align.anchor_size(anchor, galley.size());
    let dx = if rect.left() < bounds.left() + 4.0 {
        bounds.left() + 4.0 - rect.left()
    } else if rect.right() > bounds.right() - 4.0 {
        bounds.right() - 4.0 - rect.right()
    } else {
        0.0
    };
    rect = rect.translate(egui::vec2(dx, 0.0));
    painter.rect_filled(
        rect.expand(3.0),
        4.0,
        egui::Color32::from_rgba_unmultiplied(0, 0, 0, 170),
    );
    painter.galley(rect.min, galley, fg);
    rect
}

/// A gentle curve from `a` to `b`, bulging upwards, so routes that start together separate.
fn arc_points(a: egui::Pos2, b: egui::Pos2) -> Vec<egui::Pos2> {
    let d = b - a;
    let len = d.length().max(1.0e-3);
    let mut normal = egui::vec2(-d.y, d.x) / len;
    if normal.y > 0.0 {
        normal = -normal;
    }
    let control = a + d * 0.5 + normal * (len * 0.18);
    (0..=ARC_SEGMENTS)
        .map(|k| {
            let t = k as f32 / ARC_SEGMENTS as f32;
            let u = 1.0 - t;
            egui::pos2(
                u * u * a.x + 2.0 * u * t * control.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * control.y + t * t * b.y,
            )
        })
        .collect()
}

/// The point a fraction `f` along a polyline (by segment count, fine for an even curve).
fn along(points: &[egui::Pos2], f: f32) -> egui::Pos2 {
    if points.len() < 2 {
        return points.first().copied().unwrap_or(egui::Pos2::ZERO);
    }
    let x = f.clamp(0.0, 1.0) * (points.len() - 1) as f32;
    let i = (x.floor() as usize).min(points.len() - 2);
    points[i].lerp(points[i + 1], x - i as f32)
}

/// What a site's label says under its name at time `t`.
fn site_status(sim: Option<&Simulation>, index: usize, is_studio: bool, t: Seconds) -> String {
    let Some(sim) = sim else {
        return String::new();
    };
    if is_studio {
        return if t.0 < sim.wrap_at.0 {
            "🎬 filming".to_string()
        } else {
            "wrapped".to_string()
        };
    }
    let Some(o) = sim.outcome(index) else {
        return String::new();
    };
    let via = via_word(o.via);
    let ready_at = sim.wrap_at.0 + o.ready_after_wrap.0;
    let arrived = sim.delivered_fraction(index, t);
    if t.0 + 0.5 >= ready_at && arrived >= 1.0 {
        format!("✔ ready · by {via}")
    } else if arrived >= 1.0 {
        format!("copying the drive in · by {via}")
    } else {
        format!("{:.0}% arrived · by {via}", (arrived * 100.0).floor())
    }
}

/// The whole map: land, grid, region names, the routes with what has arrived by `t`, and the
/// sites with their labels. `phase` (0–1) moves the packets along active network routes.
pub(super) fn draw_map(
    ui: &egui::Ui,
    rect: egui::Rect,
    spec: &CloudSpec,
    sim: Option<&Simulation>,
    t: Seconds,
    phase: f32,
) {
    let painter = ui.painter_at(rect);
    let view = MapView::fit(rect, spec);
    painter.rect_filled(rect, 6.0, egui::Color32::from_rgb(20, 42, 70));
    draw_land(&painter, &view);
    draw_grid(&painter, &view);
    for (name, lon, lat) in REGION_LABELS {
        let at = view.pos(*lon, *lat);
        if rect.shrink(30.0).contains(at) {
            painter.text(
                at,
                egui::Align2::CENTER_CENTER,
                *name,
                egui::FontId::proportional(12.0),
                egui::Color32::from_rgba_unmultiplied(255, 255, 255, 110),
            );
        }
    }
    if let Some(sim) = sim {
        draw_routes(&painter, &view, spec, sim, t, phase);
    }
    draw_sites(&painter, &view, spec, sim, t);

    if sim.is_none() {
        map_label(
            &painter,
            rect,
            rect.center_bottom() - egui::vec2(0.0, 24.0),
            egui::Align2::CENTER_BOTTOM,
            "Run the day to watch the footage travel.".to_string(),
            15.0,
            egui::Color32::WHITE,
        );
    }
    painter.rect_stroke(
        rect,
        6.0,
        egui::Stroke::new(
            1.5,
            egui::Color32::from_rgba_unmultiplied(255, 255, 255, 90),
        ),
        egui::StrokeKind::Inside,
    );
}

/// Land as a dot matrix: one rounded square per land cell in view.
fn draw_land(painter: &egui::Painter, view: &MapView) {
    let cell = LAND_STEP_DEG / view.deg_per_point;
    let dot = egui::vec2((cell - 1.5).max(1.0), (cell - 1.5).max(1.0));
    let land = egui::Color32::from_rgb(68, 110, 84);
    for (k, is_land) in LAND_MASK.iter().enumerate() {
        if !*is_land {
            continue;
        }
        let (row, column) = (k / LAND_COLUMNS, k % LAND_COLUMNS);
        let lon = -180.0 + (column as f32 + 0.5) * LAND_STEP_DEG;
        let lat = 90.0 - (row as f32 + 0.5) * LAND_STEP_DEG;
        if lon < view.west - LAND_STEP_DEG
            || lon > view.east() + LAND_STEP_DEG
            || lat > view.north + LAND_STEP_DEG
            || lat < view.south() - LAND_STEP_DEG
        {
            continue;
        }
        painter.rect_filled(
            egui::Rect::from_center_size(view.pos(lon, lat), dot),
            1.5,
            land,
        );
    }
}

/// Latitude and longitude every 30 degrees, labelled at the edges.
fn draw_grid(painter: &egui::Painter, view: &MapView) {
    let rect = view.rect;
    let grid = egui::Stroke::new(
        1.0,
        egui::Color32::from_rgba_unmultiplied(255, 255, 255, 40),
    );
    let grid_text = egui::Color32::from_rgba_unmultiplied(255, 255, 255, 150);
    for k in -5..=5 {
        let lon = k as f32 * 30.0;
        let x = view.pos(lon, 0.0).x;
        if x > rect.left() && x < rect.right() {
            painter.line_segment(
                [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
                grid,
            );
            let name = match k {
                0 => "0°".to_string(),
                k if k < 0 => format!("{}°W", -k * 30),
                k => format!("{}°E", k * 30),
            };
            painter.text(
                egui::pos2(x + 3.0, rect.bottom() - 3.0),
                egui::Align2::LEFT_BOTTOM,
                name,
                egui::FontId::proportional(11.0),
                grid_text,
            );
        }
    }
    for k in -2..=2 {
        let lat = k as f32 * 30.0;
        let y = view.pos(0.0, lat).y;
        if y > rect.top() && y < rect.bottom() {
            painter.line_segment(
                [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
                grid,
            );
            let name = match k {
                0 => "Equator".to_string(),
                k if k < 0 => format!("{}°S", -k * 30),
                k => format!("{}°N", k * 30),
            };
            painter.text(
                egui::pos2(rect.left() + 4.0, y - 2.0),
                egui::Align2::LEFT_BOTTOM,
                name,
                egui::FontId::proportional(11.0),
                grid_text,
            );
        }
    }
}

/// Routes: solid for the network, dashed for the courier, with what has arrived so far.
fn draw_routes(
    painter: &egui::Painter,
    view: &MapView,
    spec: &CloudSpec,
    sim: &Simulation,
    t: Seconds,
    phase: f32,
) {
    let Some(studio) = spec.studio().and_then(|i| spec.sites.get(i)) else {
        return;
    };
    let from = view.pos(studio.lon_deg as f32, studio.lat_deg as f32);
    for o in &sim.sites {
        let Some(site) = spec.sites.get(o.site) else {
            continue;
        };
        let to = view.pos(site.lon_deg as f32, site.lat_deg as f32);
        let points = arc_points(from, to);
        let tone = role_colour(site.role);
        let stroke = egui::Stroke::new(2.5, tone);
        match o.via {
            Via::Network => {
                painter.add(egui::Shape::line(points.clone(), stroke));
            }
            Via::Courier => {
                painter.extend(egui::Shape::dashed_line(&points, stroke, 9.0, 6.0));
            }
        }
        let active = sim
            .transfers
            .iter()
            .find(|l| l.to == o.site && l.start.0 <= t.0 && t.0 < l.end.0);
        // Long routes get their word on the line; every site's label says it too.
        if (to - from).length() > 140.0 {
            let word = match (o.via, active) {
                (Via::Network, Some(leg)) => {
                    format!("network · {} {} at once", leg.traffic, users(leg.traffic))
                }
                (via, _) => via_word(via).to_string(),
            };
            map_label(
                painter,
                view.rect,
                along(&points, 0.5) - egui::vec2(0.0, 4.0),
                egui::Align2::CENTER_BOTTOM,
                word,
                11.0,
                egui::Color32::WHITE,
            );
        }
        if let Some(leg) = active
            && leg.via == Via::Network
        {
            for k in 0..3 {
                let f = (phase + k as f32 / 3.0).fract();
                painter.circle_filled(
                    along(&points, f),
                    2.5,
                    egui::Color32::from_rgba_unmultiplied(255, 255, 255, 200),
                );
            }
        }
        let arrived = sim.delivered_fraction(o.site, t);
        draw_progress(painter, along(&points, arrived), o.via, tone);
    }
}

/// How far the footage has got: a white dot on a network route, a white square (the drive)
/// on a courier route.
fn draw_progress(painter: &egui::Painter, at: egui::Pos2, via: Via, tone: egui::Color32) {
    match via {
        Via::Network => {
            painter.circle_filled(at, 5.5, egui::Color32::WHITE);
            painter.circle_stroke(at, 5.5, egui::Stroke::new(2.0, tone));
        }
        Via::Courier => {
            let van = egui::Rect::from_center_size(at, egui::vec2(11.0, 11.0));
            painter.rect_filled(van, 1.0, egui::Color32::WHITE);
            painter.rect_stroke(
                van,
                1.0,
                egui::Stroke::new(2.0, tone),
                egui::StrokeKind::Outside,
            );
        }
    }
}

/// Sites: a circle with the role's shape, and a label with the city, role and status.
/// Labels alternate above and below from west to east so neighbours do not overlap.
fn draw_sites(
    painter: &egui::Painter,
    view: &MapView,
    spec: &CloudSpec,
    sim: Option<&Simulation>,
    t: Seconds,
) {
    let mut order: Vec<usize> = (0..spec.sites.len()).collect();
    order.sort_by(|a, b| spec.sites[*a].lon_deg.total_cmp(&spec.sites[*b].lon_deg));
    for (n, &i) in order.iter().enumerate() {
        let Some(site) = spec.sites.get(i) else {
            continue;
        };
        let at = view.pos(site.lon_deg as f32, site.lat_deg as f32);
        let tone = role_colour(site.role);
        painter.circle_filled(at, 10.0, tone);
        painter.circle_stroke(at, 10.0, egui::Stroke::new(2.0, egui::Color32::WHITE));
        painter.text(
            at,
            egui::Align2::CENTER_CENTER,
            role_icon(site.role),
            egui::FontId::proportional(12.0),
            egui::Color32::BLACK,
        );
        let status = site_status(sim, i, site.is_studio(), t);
        let mut text = format!(
            "{} {}\n{}",
            role_icon(site.role),
            site.city,
            site.role.label()
        );
        if !status.is_empty() {
            text.push('\n');
            text.push_str(&status);
        }
        let (anchor, align) = if n.is_multiple_of(2) {
            (at + egui::vec2(0.0, 14.0), egui::Align2::CENTER_TOP)
        } else {
            (at - egui::vec2(0.0, 14.0), egui::Align2::CENTER_BOTTOM)
        };
        map_label(
            painter,
            view.rect,
            anchor,
            align,
            text,
            13.0,
            egui::Color32::WHITE,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_sites_of_the_lesson_are_on_land() {
        let spec =
            crate::stops::innovation::cloud::bundled_cloud().expect("bundled innovation.ron");
        // Near enough: each city's cell or a neighbour is land (coastal cities sit on edges).
        for site in &spec.sites {
            let (lon, lat) = (site.lon_deg as f32, site.lat_deg as f32);
            let steps = [-3.0_f32, 0.0, 3.0];
            let near_land = steps.iter().any(|dx| {
                steps
                    .iter()
                    .any(|dy| LAND.iter().any(|poly| inside(poly, lon + *dx, lat + *dy)))
            });
            assert!(near_land, "{} is at sea", site.city);
        }
        assert!(
            !LAND.iter().any(|poly| inside(poly, -40.0, 35.0)),
            "mid-Atlantic"
        );
        assert_eq!(LAND_MASK.len(), LAND_ROWS * LAND_COLUMNS);
    }

    #[test]
    fn the_map_frames_every_site() {
        let spec =
            crate::stops::innovation::cloud::bundled_cloud().expect("bundled innovation.ron");
        let rect = egui::Rect::from_min_size(egui::pos2(100.0, 50.0), egui::vec2(540.0, 300.0));
        let view = MapView::fit(rect, &spec);
        for site in &spec.sites {
            let at = view.pos(site.lon_deg as f32, site.lat_deg as f32);
            assert!(rect.shrink(20.0).contains(at), "{} at {at:?}", site.city);
        }
    }

    #[test]
    fn curves_start_and_end_at_their_sites() {
        let (a, b) = (egui::pos2(10.0, 100.0), egui::pos2(300.0, 80.0));
        let points = arc_points(a, b);
        assert_eq!(along(&points, 0.0), a);
        assert!((along(&points, 1.0) - b).length() < 1.0e-3);
        // Bulges upwards (smaller y on screen).
        assert!(along(&points, 0.5).y < 90.0);
        assert_eq!(along(&[], 0.5), egui::Pos2::ZERO);
    }
}
