//! The LED wall: a mesh of flat panel columns around the arc, and a material whose shader
//! snaps to the LED pixel grid, shows the inner-frustum picture where the tracked camera looks
//! and the outer-frustum picture everywhere else.

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use bevy::render::render_resource::{AsBindGroup, ShaderType};
use bevy::shader::{Shader, ShaderRef};

use crate::stage::cameras::{OUTER_SEGMENTS, StageTargets};
use crate::stage::model::led::StageGeometry;
use crate::stage::{StageSettings, StageSystems, stage_active};

/// The wall shader, compiled into the binary and registered at start-up, so the wall draws on its
/// first frame (a shader loaded from disk arrives a few frames later).
pub const SHADER: Handle<Shader> =
    bevy::asset::uuid_handle!("6f1d2a4e-8b3c-4e59-9a7d-2c5e8f1b3a90");

/// Everything the wall shader needs besides its two pictures.
#[derive(Clone, Debug, Default, ShaderType)]
pub struct LedWallParams {
    /// World → clip of the inner-frustum camera (tracked pose, lens with overscan).
    pub inner_clip_from_world: Mat4,
    /// World → clip of each outer-frustum segment camera.
    pub outer_clip_from_world: [Mat4; OUTER_SEGMENTS as usize],
    /// x: LED pixels across the whole wall, y: pixels up, z: 1 to snap to the grid, w: segments.
    pub grid: Vec4,
    /// x: wall width along the arc (m), y: wall height (m), z: diode gap (0–1),
    /// w: moiré strength in the camera's picture (0 none, 1 strong).
    pub wall: Vec4,
    /// rgb: the flat colour of `capture --wall-mask`, w: 1 to draw it, else 0.
    pub mask: Vec4,
}

/// The flat colour of `capture --wall-mask`: magenta, which nothing else on the stage is, so a
/// test can tell the wall's pixels (where nothing stands in front of it) from the rest.
pub const MASK_COLOUR: Vec3 = Vec3::new(1.0, 0.0, 1.0);

#[derive(Asset, TypePath, AsBindGroup, Debug, Clone)]
pub struct LedWallMaterial {
    #[uniform(0)]
    pub params: LedWallParams,
    #[texture(1)]
    #[sampler(2)]
    pub inner: Handle<Image>,
    #[texture(3)]
    #[sampler(4)]
    pub outer: Handle<Image>,
}

impl Material for LedWallMaterial {
    fn fragment_shader() -> ShaderRef {
        SHADER.into()
    }
}

#[derive(Component)]
pub struct LedWall {
    pub material: Handle<LedWallMaterial>,
}

/// The wall as triangles: one flat quad per panel column, facing the stage centre.
/// UV u runs left → right along the arc (as seen from the centre), v bottom → top.
pub fn wall_mesh(geometry: &StageGeometry) -> Mesh {
    let columns = geometry.column_count();
    let mut positions = Vec::new();
    let mut normals = Vec::new();
    let mut uvs = Vec::new();
    let mut indices = Vec::new();
    for c in 0..columns {
        let [bl, br, tl, tr] = geometry.column_corners(c);
        let n = geometry.column_normal(c);
        let (u0, u1) = (c as f32 / columns as f32, (c + 1) as f32 / columns as f32);
        let base = positions.len() as u32;
        for (p, uv) in [
            (bl, [u0, 0.0]),
            (br, [u1, 0.0]),
            (tr, [u1, 1.0]),
            (tl, [u0, 1.0]),
        ] {
            positions.push(p.to_array());
            normals.push(n.to_array());
            uvs.push(uv);
        }
        // Counter-clockwise as seen from inside the volume.
        indices.extend([base, base + 1, base + 2, base, base + 2, base + 3]);
    }
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, normals)
    .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, uvs)
    .with_inserted_indices(Indices::U32(indices))
}

/// How strongly the camera's picture shows moiré: from the lens, the focus and the pitch
/// (`crate::stage::model::moire`), and only through the cinema camera (the witness is a different camera).
pub fn moire_strength(
    settings: &StageSettings,
    pose: &crate::stage::model::projection::CameraPose,
) -> f32 {
    if settings.view != crate::stage::StageView::Camera {
        return 0.0;
    }
    match crate::stage::model::framing::moire_at(&settings.geometry, pose, &settings.lens)
        .map(|m| m.risk)
    {
        Some(crate::stage::model::moire::MoireRisk::High) => 1.0,
        Some(crate::stage::model::moire::MoireRisk::Low) => 0.35,
        _ => 0.0,
    }
}

pub fn wall_params(
    settings: &StageSettings,
    targets: &StageTargets,
    pose: &crate::stage::model::projection::CameraPose,
) -> LedWallParams {
    let g = &settings.geometry;
    let (across, up) = g.pixel_grid_size();
    let mut outer = [Mat4::ZERO; OUTER_SEGMENTS as usize];
    for (slot, m) in outer.iter_mut().zip(&targets.outer_clip_from_world) {
        *slot = *m;
    }
    LedWallParams {
        inner_clip_from_world: targets.inner_clip_from_world,
        outer_clip_from_world: outer,
        grid: Vec4::new(
            across as f32,
            up as f32,
            if settings.quantize { 1.0 } else { 0.0 },
            OUTER_SEGMENTS as f32,
        ),
        wall: Vec4::new(
            g.wall_width_m(),
            g.built_wall_height_m(),
            0.35,
            moire_strength(settings, pose),
        ),
        mask: Vec4::ZERO,
    }
}

/// Push this frame's matrices into the wall material (after the cameras have moved).
fn update_wall(
    config: Res<crate::GameConfig>,
    settings: Res<StageSettings>,
    targets: Option<Res<StageTargets>>,
    pose: Res<crate::stage::CinemaPose>,
    walls: Query<&LedWall>,
    mut materials: ResMut<Assets<LedWallMaterial>>,
) {
    let Some(targets) = targets else { return };
    let mut params = wall_params(&settings, &targets, &pose.0);
    if config.stage.as_ref().is_some_and(|s| s.wall_mask) {
        params.mask = MASK_COLOUR.extend(1.0);
    }
    for wall in &walls {
        if let Some(mut m) = materials.get_mut(&wall.material) {
            m.params = params.clone();
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    let shader = Shader::from_wgsl(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/shaders/led_wall.wgsl"
        )),
        "assets/shaders/led_wall.wgsl",
    );
    if let Err(e) = app
        .world_mut()
        .resource_mut::<Assets<Shader>>()
        .insert(SHADER.id(), shader)
    {
        error!("could not register the LED wall shader: {e:?}");
    }
    app.add_plugins(MaterialPlugin::<LedWallMaterial>::default())
        .add_systems(
            PostUpdate,
            update_wall.in_set(StageSystems::Wall).run_if(stage_active),
        );
}
