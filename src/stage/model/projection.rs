//! Camera and projection maths for the LED volume: lens field of view, Kooima's off-axis
//! projection for each flat wall column, projective texturing, and where the tracked camera's
//! view (the *inner frustum*) lands on the wall.
//!
//! Stage coordinates as in [`crate::stage::model::led`]: metres, Y up, origin at the centre of the stage
//! floor, wall centre along −Z. Cameras follow the Bevy/OpenGL convention: in view space the
//! camera looks down −Z with +Y up and +X to the right.
//!
//! # Depth conventions
//!
//! Two clip-space conventions appear here; both are right-handed with `w_clip = −z_view`:
//!
//! * [`off_axis_projection`] is exactly Kooima's matrix: OpenGL `glFrustum` style, NDC depth in
//!   \[−1, 1\] with the near plane at −1 and the far plane at +1.
//! * [`frustum_to_bevy_projection`] is what Bevy renders with: *reverse-Z, infinite far plane*,
//!   NDC depth `near / −z_view`, so the near plane is at 1 and infinity at 0 (wgpu's \[0, 1\]
//!   depth range). It is the same matrix Bevy's `PerspectiveProjection` builds for an
//!   off-centre sub-view, so it can be returned from a custom `CameraProjection`.

use glam::{Mat3, Mat4, Quat, Vec2, Vec3, Vec4};

use crate::stage::model::led::StageGeometry;

/// Smallest allowed overscan: the camera's exact field of view.
pub const MIN_OVERSCAN: f32 = 1.0;
/// Largest allowed overscan: 50 % more frustum each way, to hide tracking latency.
pub const MAX_OVERSCAN: f32 = 1.5;

/// Full horizontal field of view in radians, `2·atan(w / 2f)`, for a lens of focal length
/// `focal_mm` on a sensor `sensor_width_mm` wide (both in millimetres).
pub fn horizontal_fov_radians(focal_mm: f32, sensor_width_mm: f32) -> f32 {
    2.0 * (sensor_width_mm / (2.0 * focal_mm)).atan()
}

/// Full vertical field of view in radians, `2·atan(h / 2f)` (millimetres in, radians out).
pub fn vertical_fov_radians(focal_mm: f32, sensor_height_mm: f32) -> f32 {
    2.0 * (sensor_height_mm / (2.0 * focal_mm)).atan()
}

/// Widens a field of view by an overscan factor. Overscan scales the *size* of the frustum
/// (the image plane), not the angle: `tan(fov'/2) = overscan · tan(fov/2)`. The factor is
/// clamped to \[[`MIN_OVERSCAN`], [`MAX_OVERSCAN`]\].
pub fn overscan_fov_radians(fov_radians: f32, overscan: f32) -> f32 {
    2.0 * (clamp_overscan(overscan) * (0.5 * fov_radians).tan()).atan()
}

fn clamp_overscan(overscan: f32) -> f32 {
    if overscan.is_nan() {
        MIN_OVERSCAN
    } else {
        overscan.clamp(MIN_OVERSCAN, MAX_OVERSCAN)
    }
}

/// A cinema lens on a sensor. Lengths in millimetres, focus distance in metres.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Lens {
    pub focal_mm: f32,
    pub sensor_width_mm: f32,
    pub sensor_height_mm: f32,
    /// Aperture as an f-number (T-stops are close enough for depth of field).
    pub f_number: f32,
    pub focus_distance_m: f32,
}

impl Default for Lens {
    /// A 35 mm lens at T2.8 on a 16:9 Super 35 sensor area (24.89 × 14.00 mm), focused at 3 m.
    fn default() -> Self {
        Self {
            focal_mm: 35.0,
            sensor_width_mm: 24.89,
            sensor_height_mm: 14.0,
            f_number: 2.8,
            focus_distance_m: 3.0,
        }
    }
}

impl Lens {
    /// Full horizontal field of view in radians.
    pub fn horizontal_fov(&self) -> f32 {
        horizontal_fov_radians(self.focal_mm, self.sensor_width_mm)
    }

    /// Full vertical field of view in radians (what Bevy's `PerspectiveProjection::fov` wants).
    pub fn vertical_fov(&self) -> f32 {
        vertical_fov_radians(self.focal_mm, self.sensor_height_mm)
    }

    /// Sensor width / height.
    pub fn aspect_ratio(&self) -> f32 {
        self.sensor_width_mm / self.sensor_height_mm
    }

    /// (horizontal, vertical) field of view in radians after overscan; see
    /// [`overscan_fov_radians`]. The aspect ratio is unchanged.
    pub fn overscanned_fov(&self, overscan: f32) -> (f32, f32) {
        (
            overscan_fov_radians(self.horizontal_fov(), overscan),
            overscan_fov_radians(self.vertical_fov(), overscan),
        )
    }

    /// The symmetric view frustum of this lens at distance `near` (metres), with overscan.
    pub fn frustum(&self, near: f32, overscan: f32) -> Frustum {
        let scale = near * clamp_overscan(overscan) / (2.0 * self.focal_mm);
        let (half_w, half_h) = (scale * self.sensor_width_mm, scale * self.sensor_height_mm);
        Frustum {
            left: -half_w,
            right: half_w,
            bottom: -half_h,
            top: half_h,
            near,
        }
    }
}

/// An off-centre view frustum: the extents of the near-plane window in view space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frustum {
    pub left: f32,
    pub right: f32,
    pub bottom: f32,
    pub top: f32,
    /// Distance to the near plane (positive).
    pub near: f32,
}

impl Frustum {
    /// The eight view-space corners in Bevy's `CameraProjection::get_frustum_corners` order
    /// (bottom-right, top-right, top-left, bottom-left at `z_near`, then the same at `z_far`).
    /// `z_near` and `z_far` are view-space z values (negative in front of the camera); the
    /// window grows in proportion to `|z|`.
    pub fn corners(&self, z_near: f32, z_far: f32) -> [Vec3; 8] {
        let at = |z: f32| {
            let k = z.abs() / self.near;
            [
                Vec3::new(self.right * k, self.bottom * k, z),
                Vec3::new(self.right * k, self.top * k, z),
                Vec3::new(self.left * k, self.top * k, z),
                Vec3::new(self.left * k, self.bottom * k, z),
            ]
        };
        let (n, f) = (at(z_near), at(z_far));
        [n[0], n[1], n[2], n[3], f[0], f[1], f[2], f[3]]
    }
}

/// The orthonormal frame of a flat screen: Kooima's `vr`, `vu`, `vn`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenBasis {
    /// Unit vector along the screen's bottom edge, left → right.
    pub right: Vec3,
    /// Unit vector up the screen (made exactly perpendicular to `right`).
    pub up: Vec3,
    /// Unit normal pointing out of the screen's front, towards the viewer.
    pub normal: Vec3,
}

impl ScreenBasis {
    /// The basis of the screen with lower-left `pa`, lower-right `pb` and upper-left `pc`;
    /// `None` if those points do not span a plane.
    pub fn new(pa: Vec3, pb: Vec3, pc: Vec3) -> Option<Self> {
        let right = (pb - pa).try_normalize()?;
        let normal = right.cross(pc - pa).try_normalize()?;
        let up = normal.cross(right);
        Some(Self { right, up, normal })
    }

    /// Rotation taking view space (+X right, +Y up, looking down −Z) to this screen's frame:
    /// the orientation a Bevy camera needs so its image plane is parallel to the screen.
    pub fn rotation(&self) -> Quat {
        Quat::from_mat3(&Mat3::from_cols(self.right, self.up, self.normal))
    }

    /// Kooima's `Mᵀ`: world directions into the screen-aligned view space.
    fn view_rotation(&self) -> Mat4 {
        Mat4::from_cols(
            self.right.extend(0.0),
            self.up.extend(0.0),
            self.normal.extend(0.0),
            Vec4::W,
        )
        .transpose()
    }
}

/// Kooima's generalised perspective frustum ("Generalized Perspective Projection", 2008) for
/// an eye looking at a flat rectangular screen with corners `pa` (lower-left), `pb`
/// (lower-right) and `pc` (upper-left), with the near plane `near` metres from the eye.
///
/// The frustum is expressed in the screen-aligned view space of [`ScreenBasis`]. Returns
/// `None` if the screen is degenerate, `near` is not positive, or the eye is not in front of
/// the screen (on the side its normal `(pb − pa) × (pc − pa)` points to).
pub fn off_axis_frustum(pa: Vec3, pb: Vec3, pc: Vec3, eye: Vec3, near: f32) -> Option<Frustum> {
    let basis = ScreenBasis::new(pa, pb, pc)?;
    let (va, vb, vc) = (pa - eye, pb - eye, pc - eye);
    // Distance from the eye to the screen plane.
    let distance = -va.dot(basis.normal);
    if !(distance > 1.0e-6 && near > 0.0 && near.is_finite()) {
        return None;
    }
    let scale = near / distance;
    Some(Frustum {
        left: basis.right.dot(va) * scale,
        right: basis.right.dot(vb) * scale,
        bottom: basis.up.dot(va) * scale,
        top: basis.up.dot(vc) * scale,
        near,
    })
}

/// World → screen-aligned view space for an eye at `eye` looking squarely at the screen
/// (`Mᵀ · T(−eye)` in Kooima's paper). Its inverse is the camera's world transform.
pub fn off_axis_view_from_world(pa: Vec3, pb: Vec3, pc: Vec3, eye: Vec3) -> Option<Mat4> {
    let basis = ScreenBasis::new(pa, pb, pc)?;
    Some(basis.view_rotation() * Mat4::from_translation(-eye))
}

/// Kooima's full matrix `P · Mᵀ · T`: world → clip for the screen `pa`, `pb`, `pc` seen from
/// `eye`, OpenGL-style (NDC depth \[−1, 1\], near → −1, far → +1). See the module docs; for
/// Bevy use [`off_axis_bevy_clip_from_world`].
pub fn off_axis_projection(
    pa: Vec3,
    pb: Vec3,
    pc: Vec3,
    eye: Vec3,
    near: f32,
    far: f32,
) -> Option<Mat4> {
    let f = off_axis_frustum(pa, pb, pc, eye, near)?;
    if !(far > near && far.is_finite()) {
        return None;
    }
    let projection = Mat4::frustum_rh_gl(f.left, f.right, f.bottom, f.top, near, far);
    Some(projection * off_axis_view_from_world(pa, pb, pc, eye)?)
}

/// The view → clip matrix Bevy would use for this frustum: right-handed, reverse-Z with an
/// infinite far plane (NDC depth `near / −z_view`: 1 at the near plane, 0 at infinity), plus the
/// off-centre terms `(r + l)/(r − l)` and `(t + b)/(t − b)`. Identical in form to Bevy's
/// `PerspectiveProjection::get_clip_from_view_for_sub`, and to
/// `Mat4::perspective_infinite_reverse_rh` when the frustum is symmetric.
pub fn frustum_to_bevy_projection(frustum: &Frustum) -> Mat4 {
    let Frustum {
        left,
        right,
        bottom,
        top,
        near,
    } = *frustum;
    let (width, height) = (right - left, top - bottom);
    Mat4::from_cols(
        Vec4::new(2.0 * near / width, 0.0, 0.0, 0.0),
        Vec4::new(0.0, 2.0 * near / height, 0.0, 0.0),
        Vec4::new((right + left) / width, (top + bottom) / height, 0.0, -1.0),
        Vec4::new(0.0, 0.0, near, 0.0),
    )
}

/// World → clip in Bevy's reverse-Z convention for the screen `pa`, `pb`, `pc` seen from `eye`:
/// [`frustum_to_bevy_projection`] × [`off_axis_view_from_world`].
pub fn off_axis_bevy_clip_from_world(
    pa: Vec3,
    pb: Vec3,
    pc: Vec3,
    eye: Vec3,
    near: f32,
) -> Option<Mat4> {
    let frustum = off_axis_frustum(pa, pb, pc, eye, near)?;
    Some(frustum_to_bevy_projection(&frustum) * off_axis_view_from_world(pa, pb, pc, eye)?)
}

/// Projects a world point with a world → clip matrix (either convention above) into the
/// camera's normalised image coordinates, *texture style*: `u` 0 → 1 left to right, `v` 0 → 1
/// **top to bottom** (as wgpu samples a render target). Points outside the picture give values
/// outside \[0, 1\]; points behind the camera give `None`.
pub fn project_to_uv(view_proj: Mat4, world: Vec3) -> Option<Vec2> {
    let clip = view_proj * world.extend(1.0);
    if clip.w.is_nan() || clip.w <= 1.0e-6 {
        return None;
    }
    let ndc = Vec2::new(clip.x, clip.y) / clip.w;
    Some(Vec2::new(0.5 + 0.5 * ndc.x, 0.5 - 0.5 * ndc.y))
}

/// World → view matrix for a camera at `eye` looking at `target` (right-handed, looking down
/// −Z in view space). `None` if `eye == target` or `up` is parallel to the view direction.
pub fn view_matrix(eye: Vec3, target: Vec3, up: Vec3) -> Option<Mat4> {
    let dir = (target - eye).try_normalize()?;
    up.cross(dir).try_normalize()?;
    Some(Mat4::look_to_rh(eye, dir, up))
}

/// Where the tracked cinema camera is and which way it points (Bevy convention: it looks along
/// its local −Z with local +Y up).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CameraPose {
    pub position: Vec3,
    pub rotation: Quat,
}

impl CameraPose {
    /// A camera at `position` looking at `target`; `None` for a degenerate direction.
    pub fn looking_at(position: Vec3, target: Vec3, up: Vec3) -> Option<Self> {
        let view = view_matrix(position, target, up)?;
        let rotation = Quat::from_mat4(&view.inverse());
        Some(Self { position, rotation })
    }

    /// Unit view direction in the world.
    pub fn forward(&self) -> Vec3 {
        self.rotation * Vec3::NEG_Z
    }

    /// World → view matrix.
    pub fn view_from_world(&self) -> Mat4 {
        Mat4::from_rotation_translation(self.rotation, self.position).inverse()
    }

    /// World → clip in Bevy's reverse-Z convention for this camera and lens.
    pub fn clip_from_world(&self, lens: &Lens, near: f32, overscan: f32) -> Mat4 {
        frustum_to_bevy_projection(&lens.frustum(near, overscan)) * self.view_from_world()
    }

    /// World-space direction (not normalised) of the ray through a point of the picture given
    /// in NDC, `(−1, −1)` bottom-left to `(1, 1)` top-right, widened by `overscan`.
    pub fn ray_direction(&self, lens: &Lens, overscan: f32, ndc: Vec2) -> Vec3 {
        let f = lens.frustum(1.0, overscan);
        let local = Vec3::new(ndc.x * f.right, ndc.y * f.top, -1.0);
        self.rotation * local
    }
}

/// The first point where a ray from `origin` along `dir` meets the LED wall (the flat panel
/// columns, from either side), with its wall UV. `None` if it misses or `dir` is zero.
pub fn intersect_wall(stage: &StageGeometry, origin: Vec3, dir: Vec3) -> Option<(Vec3, Vec2)> {
    let dir = dir.try_normalize()?;
    let columns = stage.column_count();
    let tolerance = 1.0e-5;
    let mut best: Option<(f32, Vec3, Vec2)> = None;
    for column in 0..columns {
        let [bl, br, tl, _] = stage.column_corners(column);
        let normal = stage.column_normal(column);
        let denom = dir.dot(normal);
        if denom.abs() < 1.0e-9 {
            continue;
        }
        let t = (bl - origin).dot(normal) / denom;
        if t.is_nan() || t <= 1.0e-6 || best.is_some_and(|(best_t, ..)| t >= best_t) {
            continue;
        }
        let hit = origin + t * dir;
        let (across, upward) = (br - bl, tl - bl);
        let s = (hit - bl).dot(across) / across.length_squared();
        let h = (hit - bl).dot(upward) / upward.length_squared();
        let inside = |x: f32| (-tolerance..=1.0 + tolerance).contains(&x);
        if inside(s) && inside(h) {
            let u = (column as f32 + s.clamp(0.0, 1.0)) / columns as f32;
            best = Some((t, hit, Vec2::new(u, h.clamp(0.0, 1.0))));
        }
    }
    best.map(|(_, hit, uv)| (hit, uv))
}

/// Samples per picture edge when tracing the inner frustum onto the wall.
const FOOTPRINT_SAMPLES: usize = 16;
/// Bisection steps used to find where the picture runs off the edge of the wall.
const FOOTPRINT_BISECTIONS: usize = 16;

/// The wall-UV bounding box `(uv_min, uv_max)` of the *inner frustum*: the part of the wall
/// the cinema camera sees, widened by `overscan`. It is found by tracing a grid of rays
/// through the picture (edges included) onto the wall and, where the picture runs off the
/// wall, bisecting to find the wall's edge. `None` if the camera does not see the wall.
///
/// Because the box is in UV, a picture that sees both ends of a wide arc gives a box spanning
/// the whole arc between them.
pub fn inner_frustum_wall_region(
    stage: &StageGeometry,
    pose: &CameraPose,
    lens: &Lens,
    overscan: f32,
) -> Option<(Vec2, Vec2)> {
    let n = FOOTPRINT_SAMPLES;
    let ndc_at = |i: usize, j: usize| {
        Vec2::new(
            -1.0 + 2.0 * i as f32 / n as f32,
            -1.0 + 2.0 * j as f32 / n as f32,
        )
    };
    let trace = |ndc: Vec2| {
        intersect_wall(
            stage,
            pose.position,
            pose.ray_direction(lens, overscan, ndc),
        )
        .map(|(_, uv)| uv)
    };

    let mut hits: Vec<Option<Vec2>> = Vec::with_capacity((n + 1) * (n + 1));
    for j in 0..=n {
        for i in 0..=n {
            hits.push(trace(ndc_at(i, j)));
        }
    }
    let mut bounds: Option<(Vec2, Vec2)> = None;
    let mut include = |uv: Vec2| {
        bounds = Some(match bounds {
            Some((lo, hi)) => (lo.min(uv), hi.max(uv)),
            None => (uv, uv),
        });
    };
    for uv in hits.iter().flatten() {
        include(*uv);
    }

    // Where neighbouring samples disagree (one on the wall, one off), find the edge.
    let index = |i: usize, j: usize| j * (n + 1) + i;
    for j in 0..=n {
        for i in 0..=n {
            let here = (ndc_at(i, j), hits[index(i, j)]);
            let mut neighbours = Vec::with_capacity(2);
            if i < n {
                neighbours.push((ndc_at(i + 1, j), hits[index(i + 1, j)]));
            }
            if j < n {
                neighbours.push((ndc_at(i, j + 1), hits[index(i, j + 1)]));
            }
            for there in neighbours {
                let (mut on, mut off, mut on_uv) = match (here, there) {
                    ((a, Some(uv)), (b, None)) | ((b, None), (a, Some(uv))) => (a, b, uv),
                    _ => continue,
                };
                for _ in 0..FOOTPRINT_BISECTIONS {
                    let mid = 0.5 * (on + off);
                    match trace(mid) {
                        Some(uv) => {
                            on = mid;
                            on_uv = uv;
                        }
                        None => off = mid,
                    }
                }
                include(on_uv);
            }
        }
    }
    bounds
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f32 = 1.0e-6;

    fn kooima_case() -> (Vec3, Vec3, Vec3, Vec3) {
        (
            Vec3::new(-2.0, 0.0, 0.0),
            Vec3::new(2.0, 0.0, 0.0),
            Vec3::new(-2.0, 2.0, 0.0),
            Vec3::new(1.0, 1.0, 3.0),
        )
    }

    #[test]
    fn kooima_reference_frustum() {
        let (pa, pb, pc, eye) = kooima_case();
        let f = off_axis_frustum(pa, pb, pc, eye, 0.1).expect("eye in front");
        assert!((f.left - -0.1).abs() < EPS, "{f:?}");
        assert!((f.right - 1.0 / 30.0).abs() < EPS, "{f:?}");
        assert!((f.bottom - -1.0 / 30.0).abs() < EPS, "{f:?}");
        assert!((f.top - 1.0 / 30.0).abs() < EPS, "{f:?}");
        assert_eq!(f.near, 0.1);
    }

    #[test]
    fn off_axis_matrices_map_screen_corners_to_ndc_corners() {
        let (pa, pb, pc, eye) = kooima_case();
        let pd = pb + pc - pa;
        let gl = off_axis_projection(pa, pb, pc, eye, 0.1, 100.0).expect("valid");
        let bevy = off_axis_bevy_clip_from_world(pa, pb, pc, eye, 0.1).expect("valid");
        let expected = [
            (pa, -1.0, -1.0),
            (pb, 1.0, -1.0),
            (pc, -1.0, 1.0),
            (pd, 1.0, 1.0),
        ];
        for m in [gl, bevy] {
            for (p, x, y) in expected {
                let ndc = m.project_point3(p);
                assert!(
                    (ndc.x - x).abs() < 1.0e-5 && (ndc.y - y).abs() < 1.0e-5,
                    "{ndc}"
                );
            }
        }
        // Depth conventions: a point on the near plane (0.1 m towards the screen).
        let near_point = eye + Vec3::new(0.0, 0.0, -0.1);
        assert!((gl.project_point3(near_point).z - -1.0).abs() < 1.0e-4);
        assert!((bevy.project_point3(near_point).z - 1.0).abs() < 1.0e-4);
        // Far away, reverse-Z depth tends to 0.
        let far_point = eye + Vec3::new(0.0, 0.0, -1.0e4);
        assert!(bevy.project_point3(far_point).z.abs() < 1.0e-4);
        assert!((gl.project_point3(eye + Vec3::new(0.0, 0.0, -100.0)).z - 1.0).abs() < 1.0e-3);
    }

    #[test]
    fn centred_eye_gives_bevy_standard_perspective() {
        let (pa, pb, pc) = (
            Vec3::new(-2.0, -1.0, -4.0),
            Vec3::new(2.0, -1.0, -4.0),
            Vec3::new(-2.0, 1.0, -4.0),
        );
        let f = off_axis_frustum(pa, pb, pc, Vec3::ZERO, 0.5).expect("valid");
        assert!((f.left + f.right).abs() < EPS && (f.bottom + f.top).abs() < EPS);
        let fov_y = 2.0 * (1.0f32 / 4.0).atan();
        let bevy_standard = Mat4::perspective_infinite_reverse_rh(fov_y, 2.0, 0.5);
        let ours = frustum_to_bevy_projection(&f);
        assert!(
            ours.abs_diff_eq(bevy_standard, 1.0e-5),
            "{ours} vs {bevy_standard}"
        );
    }

    #[test]
    fn eye_behind_or_degenerate_screen_is_rejected() {
        let (pa, pb, pc, _) = kooima_case();
        assert_eq!(
            off_axis_frustum(pa, pb, pc, Vec3::new(0.0, 1.0, -3.0), 0.1),
            None
        );
        assert_eq!(
            off_axis_frustum(pa, pb, pc, Vec3::new(0.0, 1.0, 0.0), 0.1),
            None
        );
        assert_eq!(
            off_axis_frustum(pa, pb, pc, Vec3::new(0.0, 1.0, 3.0), 0.0),
            None
        );
        assert_eq!(
            off_axis_frustum(pa, pa, pc, Vec3::new(0.0, 1.0, 3.0), 0.1),
            None
        );
        assert_eq!(
            off_axis_projection(pa, pb, pc, Vec3::new(0.0, 1.0, 3.0), 1.0, 0.5),
            None
        );
    }

    #[test]
    fn screen_basis_rotation_faces_the_screen() {
        let stage = StageGeometry::default();
        let [pa, pb, pc, _] = stage.column_corners(10);
        let basis = ScreenBasis::new(pa, pb, pc).expect("flat column");
        let forward = basis.rotation() * Vec3::NEG_Z;
        assert!((forward + stage.column_normal(10)).length() < 1.0e-5);
        // The view matrix's inverse puts the camera at the eye.
        let eye = Vec3::new(0.3, 1.7, 0.5);
        let view = off_axis_view_from_world(pa, pb, pc, eye).expect("valid");
        assert!(view.inverse().w_axis.truncate().distance(eye) < 1.0e-5);
    }

    #[test]
    fn every_wall_column_projects_from_a_stage_eye() {
        let stage = StageGeometry::default();
        let eye = Vec3::new(0.8, 1.6, 1.2);
        for column in 0..stage.column_count() {
            let [pa, pb, pc, pd] = stage.column_corners(column);
            let m = off_axis_bevy_clip_from_world(pa, pb, pc, eye, 0.05).expect("inside");
            let centre = m.project_point3(0.5 * (pa + pd));
            assert!(centre.x.abs() < 1.0 && centre.y.abs() < 1.0);
            assert!(centre.z > 0.0 && centre.z < 1.0);
        }
    }

    #[test]
    fn lens_fields_of_view() {
        // 35 mm on Super 35 16:9: 2·atan(24.89/70) = 39.148°, 2·atan(14/70) = 22.620°.
        let lens = Lens::default();
        assert!((lens.horizontal_fov().to_degrees() - 39.148).abs() < 1.0e-3);
        assert!((lens.vertical_fov().to_degrees() - 22.620).abs() < 1.0e-3);
        assert!((horizontal_fov_radians(12.445, 24.89) - std::f32::consts::FRAC_PI_2).abs() < EPS);
        assert!((lens.aspect_ratio() - 24.89 / 14.0).abs() < EPS);
    }

    #[test]
    fn overscan_scales_the_tangent() {
        let lens = Lens::default();
        let (h, v) = lens.overscanned_fov(1.2);
        assert!(((0.5 * h).tan() - 1.2 * (0.5 * lens.horizontal_fov()).tan()).abs() < 1.0e-6);
        assert!(((0.5 * v).tan() - 1.2 * (0.5 * lens.vertical_fov()).tan()).abs() < 1.0e-6);
        assert_eq!(lens.overscanned_fov(1.0).0, lens.horizontal_fov());
        assert_eq!(
            lens.overscanned_fov(3.0),
            lens.overscanned_fov(MAX_OVERSCAN)
        );
        assert_eq!(
            lens.overscanned_fov(0.2),
            lens.overscanned_fov(MIN_OVERSCAN)
        );
        let f = lens.frustum(1.0, 1.5);
        assert!((f.right - 1.5 * 24.89 / 70.0).abs() < EPS);
        assert!((f.top - 1.5 * 14.0 / 70.0).abs() < EPS);
    }

    #[test]
    fn project_to_uv_is_texture_style() {
        let pose =
            CameraPose::looking_at(Vec3::new(0.0, 1.6, 0.0), Vec3::new(0.0, 1.6, -5.0), Vec3::Y)
                .expect("valid pose");
        let lens = Lens::default();
        let m = pose.clip_from_world(&lens, 0.1, 1.0);
        let centre = project_to_uv(m, Vec3::new(0.0, 1.6, -5.0)).expect("in front");
        assert!((centre - Vec2::splat(0.5)).length() < 1.0e-5);
        let up_right = project_to_uv(m, Vec3::new(0.5, 2.0, -5.0)).expect("in front");
        assert!(up_right.x > 0.5 && up_right.y < 0.5, "{up_right}");
        assert_eq!(project_to_uv(m, Vec3::new(0.0, 1.6, 5.0)), None);
        // The top-left corner of the picture, 5 m away, lands on (0, 0).
        let corner = pose.position + 5.0 * pose.ray_direction(&lens, 1.0, Vec2::new(-1.0, 1.0));
        let uv = project_to_uv(m, corner).expect("in front");
        assert!(uv.length() < 1.0e-5, "{uv}");
    }

    #[test]
    fn view_matrix_rejects_degenerate_input() {
        assert!(view_matrix(Vec3::ZERO, Vec3::ZERO, Vec3::Y).is_none());
        assert!(view_matrix(Vec3::ZERO, Vec3::Y, Vec3::Y).is_none());
        let m = view_matrix(Vec3::ZERO, Vec3::NEG_Z, Vec3::Y).expect("valid");
        assert!(m.abs_diff_eq(Mat4::IDENTITY, EPS));
    }

    #[test]
    fn rays_hit_the_wall_where_expected() {
        let stage = StageGeometry::default();
        let (hit, uv) =
            intersect_wall(&stage, Vec3::new(0.0, 1.6, 0.0), Vec3::NEG_Z).expect("ahead");
        assert!((hit - Vec3::new(0.0, 1.6, -6.0)).length() < 1.0e-4);
        assert!((uv - Vec2::new(0.5, 1.6 / 5.0)).length() < 1.0e-5);
        // The back of a 240° arc is open.
        assert!(intersect_wall(&stage, Vec3::new(0.0, 1.6, 0.0), Vec3::Z).is_none());
        // Over the top of the wall.
        assert!(
            intersect_wall(&stage, Vec3::new(0.0, 1.6, 0.0), Vec3::new(0.0, 1.0, -0.5)).is_none()
        );
        assert!(intersect_wall(&stage, Vec3::ZERO, Vec3::ZERO).is_none());
        // 90° to the right: a quarter of the circle from the centre, so u = 0.5 + 90°/built arc.
        let (_, uv) = intersect_wall(&stage, Vec3::new(0.0, 2.0, 0.0), Vec3::X).expect("side");
        let expected_u = 0.5 + std::f32::consts::FRAC_PI_2 / stage.built_arc_radians();
        assert!((uv.x - expected_u).abs() < 1.0e-3, "{uv}");
        // Hits agree with the wall's own UV mapping.
        let dir = Vec3::new(-0.4, 0.1, -1.0);
        let (hit, uv) = intersect_wall(&stage, Vec3::new(0.5, 1.0, 1.0), dir).expect("hit");
        let back = stage.world_to_uv(hit).expect("on wall");
        assert!((back - uv).length() < 1.0e-5);
    }

    #[test]
    fn inner_frustum_from_the_centre_is_centred() {
        let stage = StageGeometry::default();
        let lens = Lens::default();
        let half_u = 0.5 * lens.horizontal_fov() / stage.built_arc_radians();

        // At floor level the lower half of the picture misses the wall: v starts at 0.
        let pose = CameraPose::looking_at(Vec3::ZERO, Vec3::NEG_Z, Vec3::Y).expect("pose");
        let (lo, hi) = inner_frustum_wall_region(&stage, &pose, &lens, 1.0).expect("sees wall");
        assert!((0.5 * (lo.x + hi.x) - 0.5).abs() < 1.0e-4, "{lo} {hi}");
        assert!((hi.x - lo.x - 2.0 * half_u).abs() < 2.0e-3, "{lo} {hi}");
        assert!(lo.y.abs() < 1.0e-4, "{lo}");

        // At eye height: v from (1.6 − 6·0.2)/5 to (1.6 + 6·0.2)/5.
        let eye = Vec3::new(0.0, 1.6, 0.0);
        let pose = CameraPose::looking_at(eye, eye + Vec3::NEG_Z, Vec3::Y).expect("pose");
        let (lo, hi) = inner_frustum_wall_region(&stage, &pose, &lens, 1.0).expect("sees wall");
        assert!((0.5 * (lo.x + hi.x) - 0.5).abs() < 1.0e-4);
        assert!(
            (lo.y - 0.08).abs() < 2.0e-3 && (hi.y - 0.56).abs() < 2.0e-3,
            "{lo} {hi}"
        );

        // Overscan widens the region.
        let (lo2, hi2) = inner_frustum_wall_region(&stage, &pose, &lens, 1.3).expect("sees wall");
        assert!(lo2.x < lo.x && hi2.x > hi.x && lo2.y < lo.y && hi2.y > hi.y);

        // Panning 30° right moves the centre by 30° of arc.
        let pan = Quat::from_rotation_y(-30f32.to_radians());
        let panned = CameraPose {
            position: eye,
            rotation: pan,
        };
        let (lo, hi) = inner_frustum_wall_region(&stage, &panned, &lens, 1.0).expect("sees wall");
        let expected = 0.5 + 30f32.to_radians() / stage.built_arc_radians();
        assert!((0.5 * (lo.x + hi.x) - expected).abs() < 2.0e-3, "{lo} {hi}");

        // Looking at the open back of the stage: no wall in the picture.
        let away = CameraPose::looking_at(eye, eye + Vec3::Z, Vec3::Y).expect("pose");
        assert!(inner_frustum_wall_region(&stage, &away, &lens, 1.0).is_none());
    }

    #[test]
    fn inner_frustum_texture_is_geometrically_consistent() {
        // A wall point found by tracing a picture ray projects back to that picture point.
        let stage = StageGeometry::default();
        let lens = Lens::default();
        let pose = CameraPose::looking_at(
            Vec3::new(1.0, 1.5, 1.0),
            Vec3::new(-1.0, 2.0, -6.0),
            Vec3::Y,
        )
        .expect("pose");
        let m = pose.clip_from_world(&lens, 0.1, 1.2);
        for ndc in [Vec2::ZERO, Vec2::new(0.9, -0.7), Vec2::new(-1.0, 1.0)] {
            let dir = pose.ray_direction(&lens, 1.2, ndc);
            let (hit, _) = intersect_wall(&stage, pose.position, dir).expect("hit");
            let uv = project_to_uv(m, hit).expect("in front");
            let expected = Vec2::new(0.5 + 0.5 * ndc.x, 0.5 - 0.5 * ndc.y);
            assert!((uv - expected).length() < 1.0e-4, "{uv} vs {expected}");
        }
    }
}
