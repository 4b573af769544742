//! Tests of the LED wall's geometry: counts, RON, validation and the pixel grid.

use super::*;

const EPS: f32 = 1.0e-4;

fn stage() -> StageGeometry {
    StageGeometry::default()
}

#[test]
fn default_stage_counts() {
    let s = stage();
    assert!(s.validate().is_ok());
    assert_eq!(s.column_count(), 50);
    assert_eq!(s.row_count(), 10);
    assert_eq!(s.panel_count(), 500);
    assert_eq!(s.pixel_grid_size(), (8800, 1760));
    assert_eq!(s.pixel_count(), 8800 * 1760);
    assert!((s.pixel_pitch_mm() - 2.840_909).abs() < 1.0e-4);
    assert!((s.wall_width_m() - 25.0).abs() < EPS);
    assert!((s.top_height_m() - 5.0).abs() < EPS);
    // 50 chords of 0.5 m on a 6 m circle: 2·asin(0.5/12) each.
    let built = s.built_arc_radians().to_degrees();
    assert!((built - 238.8).abs() < 0.1, "built arc {built}");
}

#[test]
fn stage_ron_matches_default() {
    let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/scenes/stage.ron"));
    let loaded = StageGeometry::load_ron(text);
    assert_eq!(loaded, Ok(StageGeometry::default()));
}

#[test]
fn ron_round_trip_with_ceiling() {
    let s = StageGeometry {
        ceiling: Some(LedCeiling::default()),
        ..stage()
    };
    let text = s.to_ron().expect("serialises");
    assert_eq!(StageGeometry::load_ron(&text), Ok(s));
}

#[test]
fn bad_ron_reports_line_and_column() {
    let text = "(\n    panel_width_m: 0.5,\n    radius_m: six,\n)";
    match StageGeometry::load_ron(text) {
        Err(StageError::Parse { line, column, .. }) => {
            assert_eq!(line, 3);
            assert!(column > 1, "column {column}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    let unknown = "(radius: 6.0)";
    assert!(matches!(
        StageGeometry::load_ron(unknown),
        Err(StageError::Parse { line: 1, .. })
    ));
}

#[test]
fn validation_rejects_nonsense() {
    let bad = [
        StageGeometry {
            panel_width_m: 0.0,
            ..stage()
        },
        StageGeometry {
            panel_height_m: -0.5,
            ..stage()
        },
        StageGeometry {
            radius_m: f32::NAN,
            ..stage()
        },
        StageGeometry {
            arc_degrees: 0.0,
            ..stage()
        },
        StageGeometry {
            arc_degrees: 361.0,
            ..stage()
        },
        StageGeometry {
            panel_pixels_x: 0,
            ..stage()
        },
        StageGeometry {
            panel_pixels_y: 0,
            ..stage()
        },
        StageGeometry {
            wall_height_m: 0.1,
            ..stage()
        },
        StageGeometry {
            arc_degrees: 1.0,
            ..stage()
        },
        StageGeometry {
            panel_width_m: 13.0,
            ..stage()
        },
        StageGeometry {
            ceiling: Some(LedCeiling {
                height_m: 0.0,
                ..LedCeiling::default()
            }),
            ..stage()
        },
    ];
    for s in bad {
        assert!(
            matches!(s.validate(), Err(StageError::Invalid { .. })),
            "{s:?} accepted"
        );
    }
    let text = "(arc_degrees: 400.0)";
    let err = StageGeometry::load_ron(text).expect_err("arc > 360 rejected");
    assert!(err.to_string().contains("arc_degrees"), "{err}");
}

#[test]
fn full_circle_never_overlaps() {
    let s = StageGeometry {
        arc_degrees: 360.0,
        ..stage()
    };
    assert!(s.validate().is_ok());
    assert!(s.built_arc_radians() <= std::f32::consts::TAU + 1.0e-4);
}

#[test]
fn pitch_choices() {
    let expected_px = [333, 217, 176, 128];
    for (pitch, px) in PITCH_CHOICES_MM.into_iter().zip(expected_px) {
        let s = stage().with_pixel_pitch_mm(pitch).expect("valid pitch");
        assert_eq!(s.panel_pixels_x, px, "pitch {pitch}");
        assert_eq!(s.panel_pixels_y, px, "pitch {pitch}");
        assert!((s.pixel_pitch_mm() - pitch).abs() < 0.02 * pitch);
    }
    assert!(stage().with_pixel_pitch_mm(0.0).is_err());
    assert!(stage().with_pixel_pitch_mm(f32::NAN).is_err());
}

#[test]
fn column_corners_are_on_the_circle_and_ordered() {
    let s = stage();
    for c in 0..s.column_count() {
        let [bl, br, tl, tr] = s.column_corners(c);
        for p in [bl, br, tl, tr] {
            let r = Vec2::new(p.x, p.z).length();
            assert!((r - s.radius_m).abs() < EPS);
        }
        assert!((bl.distance(br) - s.panel_width_m).abs() < EPS);
        assert!((tl.y - 5.0).abs() < EPS && bl.y.abs() < EPS);
        assert!((tr - br - (tl - bl)).length() < EPS);
        // Kooima's screen normal (pb − pa) × (pc − pa) must face the stage centre.
        let n = (br - bl).cross(tl - bl).normalize();
        assert!((n - s.column_normal(c)).length() < EPS);
        let centre = (bl + tr) * 0.5;
        assert!(n.dot(-centre) > 0.0);
    }
    // The middle of the wall is straight ahead: column 25 starts at azimuth 0 (x = 0, z = −R).
    let [bl, br, ..] = s.column_corners(25);
    assert!(bl.x.abs() < EPS && (bl.z + 6.0).abs() < EPS);
    assert!(br.x > bl.x, "left to right as seen from inside");
    // Out-of-range columns clamp.
    assert_eq!(s.column_corners(1000), s.column_corners(49));
}

#[test]
fn uv_world_round_trip() {
    let s = stage();
    for i in 0..=40 {
        for j in 0..=10 {
            let uv = Vec2::new(i as f32 / 40.0, j as f32 / 10.0);
            let p = s.uv_to_world(uv);
            let back = s.world_to_uv(p).expect("on the wall");
            assert!((back - uv).length() < 1.0e-5, "{uv} -> {p} -> {back}");
        }
    }
    // Middle of the wall is straight ahead.
    let mid = s.uv_to_world(Vec2::new(0.5, 0.5));
    assert!((mid - Vec3::new(0.0, 2.5, -6.0)).length() < EPS);
    // u grows to the right (towards +X when facing −Z).
    assert!(s.uv_to_world(Vec2::new(0.6, 0.5)).x > 0.0);
    assert!(s.uv_to_world(Vec2::new(0.4, 0.5)).x < 0.0);
}

#[test]
fn world_to_uv_rejects_points_off_the_wall() {
    let s = stage();
    assert_eq!(s.world_to_uv(Vec3::ZERO), None);
    assert_eq!(s.world_to_uv(Vec3::new(0.0, 2.0, -7.0)), None);
    assert_eq!(s.world_to_uv(Vec3::new(0.0, 5.5, -6.0)), None);
    assert_eq!(s.world_to_uv(Vec3::new(0.0, -0.5, -6.0)), None);
    // Behind the stage, in the gap of the arc.
    assert_eq!(s.world_to_uv(Vec3::new(0.0, 2.0, 6.0)), None);
    // Slightly in front of the surface is still accepted.
    let uv = s
        .world_to_uv(Vec3::new(0.0, 2.5, -5.98))
        .expect("near the wall");
    assert!((uv - Vec2::new(0.5, 0.5)).length() < 1.0e-4);
}

#[test]
fn pixel_uv_round_trip() {
    let s = stage();
    let (w, h) = s.pixel_grid_size();
    for (gx, gy) in [(0, 0), (w - 1, h - 1), (175, 176), (4400, 880), (8799, 0)] {
        let pixel = s.pixel_at(gx, gy);
        assert!(s.contains_pixel(pixel));
        assert_eq!(s.global_pixel(pixel), (gx, gy));
        let uv = s.pixel_to_uv(pixel);
        assert_eq!(s.uv_to_pixel(uv), pixel);
        let p = s.pixel_position(pixel);
        let back = s.world_to_uv(p).expect("pixel centres are on the wall");
        assert_eq!(s.uv_to_pixel(back), pixel);
    }
    let first = s.pixel_at(0, 0);
    assert_eq!(
        first,
        LedPixel {
            panel: PanelId { column: 0, row: 0 },
            x: 0,
            y: 0
        }
    );
    let p = s.pixel_at(175, 176);
    assert_eq!(p.panel, PanelId { column: 0, row: 1 });
    assert_eq!((p.x, p.y), (175, 0));
    assert_eq!(s.uv_to_pixel(Vec2::new(1.0, 1.0)), s.pixel_at(w - 1, h - 1));
    assert_eq!(s.uv_to_pixel(Vec2::new(-3.0, 7.0)), s.pixel_at(0, h - 1));
}

#[test]
fn pixel_positions_and_normals() {
    let s = stage();
    let pitch_m = s.pixel_pitch_mm() / 1000.0;
    let a = s.pixel_position(s.pixel_at(4400, 0));
    let b = s.pixel_position(s.pixel_at(4401, 0));
    let c = s.pixel_position(s.pixel_at(4400, 1));
    assert!((a.distance(b) - pitch_m).abs() < 1.0e-5);
    assert!((a.distance(c) - pitch_m).abs() < 1.0e-5);
    assert!(b.x > a.x && c.y > a.y);
    assert!((a.y - 0.5 * pitch_m).abs() < 1.0e-5);
    for gx in [0, 1000, 4400, 8799] {
        let pixel = s.pixel_at(gx, 100);
        let n = s.pixel_normal(pixel);
        let p = s.pixel_position(pixel);
        assert!((n.length() - 1.0).abs() < EPS && n.y == 0.0);
        let to_centre = Vec3::new(-p.x, 0.0, -p.z).normalize();
        assert!(n.dot(to_centre) > 0.99);
    }
    // Pixel (0, 0) is the bottom-left of the wall as seen from inside: on the left (−X).
    assert!(s.pixel_position(s.pixel_at(0, 0)).x < -4.0);
}

#[test]
fn ceiling_corners_face_down() {
    let c = LedCeiling::default();
    let [pa, pb, pc, _] = c.corners();
    let n = (pb - pa).cross(pc - pa).normalize();
    assert!((n - Vec3::NEG_Y).length() < EPS);
    assert_eq!(c.pixel_grid_size(), (2051, 2051));
}

#[test]
fn sizes_no_real_stage_has_are_refused_by_name() {
    let cases = [
        ("(radius_m: 1000000.0)", "radius_m"),
        ("(wall_height_m: 500.0)", "wall_height_m"),
        ("(arc_degrees: 361.0)", "arc_degrees"),
        ("(bottom_height_m: -3.0)", "bottom_height_m"),
        ("(panel_width_m: 40.0, radius_m: 45.0)", "panel_width_m"),
        // 4096 px a side is past any panel made.
        (
            "(panel_pixels_x: 4096, panel_pixels_y: 4096)",
            "panel_pixels_x",
        ),
        // Each count fits, but 50 m × 360° × 20 m at 1024 × 1024 px a panel is ~5×10^10 px.
        (
            "(radius_m: 50.0, arc_degrees: 360.0, wall_height_m: 20.0, panel_pixels_x: 1024, panel_pixels_y: 1024)",
            "panel_pixels_x",
        ),
        // Tiny panels on a big wall: too many panels, whatever their pixels.
        (
            "(panel_width_m: 0.01, panel_height_m: 0.01, panel_pixels_x: 1, panel_pixels_y: 1)",
            "panel_width_m",
        ),
        (
            "(ceiling: Some((width_m: 100.0, depth_m: 100.0, height_m: 6.0, center_z_m: 0.0, pixel_pitch_mm: 0.5)))",
            "ceiling.pixel_pitch_mm",
        ),
        (
            "(ceiling: Some((width_m: 8.0, depth_m: 8.0, height_m: 60.0, center_z_m: 0.0, pixel_pitch_mm: 3.9)))",
            "ceiling.height_m",
        ),
    ];
    for (text, field) in cases {
        match StageGeometry::load_ron(text) {
            Err(StageError::Invalid { field: f, reason }) => {
                assert_eq!(f, field, "{text}: {reason}");
            }
            other => panic!("{text} gave {other:?}"),
        }
    }
    // One of the largest stages built (about 25 m across, 270°, 8 m high) passes.
    let big = StageGeometry::load_ron("(radius_m: 12.5, arc_degrees: 270.0, wall_height_m: 8.0)")
        .expect("a huge but real stage");
    assert!(big.pixel_count() <= MAX_LED_PIXELS);
    assert!(big.panel_count() <= MAX_PANELS);
}

#[test]
fn a_stage_file_with_a_byte_order_mark_is_read() {
    let text = format!("\u{feff}{}", BUNDLED_STAGE);
    assert_eq!(
        StageGeometry::load_ron(&text),
        StageGeometry::load_ron(BUNDLED_STAGE)
    );
    assert!(StageGeometry::load_ron(&text).is_ok());
}

#[test]
fn the_game_refuses_a_huge_stage_and_builds_the_bundled_one() {
    let root = std::env::temp_dir().join(format!("backlot-huge-stage-{}", std::process::id()));
    let scenes = root.join("scenes");
    std::fs::create_dir_all(&scenes).expect("scenes");
    let huge = BUNDLED_STAGE.replacen("radius_m: 6.0,", "radius_m: 1000000.0,", 1);
    assert_ne!(huge, BUNDLED_STAGE);
    std::fs::write(scenes.join(STAGE_FILE), &huge).expect("write");
    let (stage, problems) =
        crate::tour::model::content::load_or_bundled::<StageGeometry>(&root.join("assets"));
    assert_eq!(Ok(stage), StageGeometry::load_ron(BUNDLED_STAGE));
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 1, "{text:?}");
    assert!(text[0].contains("stage.ron"), "{text:?}");
    assert!(
        text[0].contains("`radius_m` must be at most 50"),
        "{text:?}"
    );
    let _ = std::fs::remove_dir_all(&root);
}
