//! The stage's quality level in the ECS. It is chosen from the graphics adapter the first time
//! the game runs (the settings then keep it, and a teacher can change it there), or forced for
//! one session by `--quality` or `?quality=`. It sets the window camera's multisampling and
//! bloom here, the sizes of the stage's render targets in `cameras`, and the virtual sun's
//! shadows in `virtual_world`.

use bevy::light::{DirectionalLightShadowMap, ShadowFilteringMethod};
use bevy::post_process::bloom::Bloom;
use bevy::prelude::*;
use bevy::render::render_resource::{TextureFormat, TextureFormatFeatureFlags};
use bevy::render::renderer::{RenderAdapter, RenderAdapterInfo, RenderDevice};

use crate::GameConfig;
use crate::stage::cameras::InnerFrustumCamera;
use crate::stage::model::quality::{self, AdapterFacts, Quality, QualityParams};
use crate::tour::camera::MainCamera;

#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct StageQuality {
    /// `None` until chosen: by the command line, the saved settings or the adapter.
    pub level: Option<Quality>,
    /// Chosen on the command line or in the URL: for this session only, never saved.
    pub forced: bool,
    /// Chosen from the adapter in this session (the settings keep it from then on).
    pub auto_picked: bool,
    /// The adapter's largest texture side (WebGL2 may allow only 2048).
    pub max_texture_side: u32,
    /// Whether the adapter can multisample the HDR (RGBA16F) target; some WebGL2 ones cannot.
    pub hdr_msaa: bool,
    /// Whether the adapter is WebGL2 (the browser build), where bloom costs more.
    pub webgl2: bool,
}

impl StageQuality {
    /// The level in use; Standard until the adapter has been asked.
    pub fn current(&self) -> Quality {
        self.level.unwrap_or(Quality::Standard)
    }

    pub fn params(&self) -> QualityParams {
        self.current().params()
    }

    /// Whether the camera filming the stage glows around bright light.
    pub fn bloom(&self) -> bool {
        quality::bloom_on(self.current(), self.webgl2)
    }
}

/// Once the renderer is up, read the adapter's limits, and choose a quality if nobody has.
fn read_adapter(
    device: Option<Res<RenderDevice>>,
    info: Option<Res<RenderAdapterInfo>>,
    adapter: Option<Res<RenderAdapter>>,
    mut stage_quality: ResMut<StageQuality>,
    mut done: Local<bool>,
) {
    let (false, Some(device), Some(info), Some(adapter)) = (*done, device, info, adapter) else {
        return;
    };
    *done = true;
    let max_texture_side = device.limits().max_texture_dimension_2d;
    let hdr_msaa = adapter
        .get_texture_format_features(TextureFormat::Rgba16Float)
        .flags
        .contains(TextureFormatFeatureFlags::MULTISAMPLE_X4);
    let name = info.name.to_ascii_lowercase();
    // Bevy does not re-export wgpu's `DeviceType` and `Backend`; their names are stable.
    let kind = format!("{:?}", info.device_type);
    let facts = AdapterFacts {
        software: kind == "Cpu"
            || ["swiftshader", "llvmpipe", "lavapipe", "software"]
                .iter()
                .any(|s| name.contains(s)),
        integrated: kind == "IntegratedGpu",
        webgl2: format!("{:?}", info.backend) == "Gl",
        max_texture_side,
    };
    stage_quality.max_texture_side = max_texture_side;
    stage_quality.hdr_msaa = hdr_msaa;
    stage_quality.webgl2 = facts.webgl2;
    if stage_quality.level.is_none() {
        stage_quality.level = Some(quality::auto_quality(facts));
        stage_quality.auto_picked = true;
    }
    info!(
        "Graphics: {} ({:?}, {:?}); largest texture {max_texture_side} px; HDR multisampling {}; \
         stage quality {}",
        info.name,
        info.device_type,
        info.backend,
        if hdr_msaa { "yes" } else { "no" },
        stage_quality.current().label()
    );
}

/// The window camera's multisampling follows the quality (and what the adapter allows).
fn apply_msaa(
    stage_quality: Res<StageQuality>,
    mut cameras: Query<&mut Msaa, With<MainCamera>>,
    added: Query<(), Added<MainCamera>>,
) {
    if !stage_quality.is_changed() && added.is_empty() {
        return;
    }
    let samples = quality::msaa_samples(stage_quality.current(), stage_quality.hdr_msaa);
    let wanted = match samples {
        4 => Msaa::Sample4,
        _ => Msaa::Off,
    };
    for mut msaa in &mut cameras {
        if *msaa != wanted {
            *msaa = wanted;
        }
    }
}

/// On the stage, the window's camera glows around bright light (neon, lit windows, a beacon at
/// night), as a cinema lens does, where the quality allows. The wall carries the virtual world's
/// linear light, so the camera filming it glows exactly as the direct view does. The lot has
/// no glow: its camera is the same one, so it is taken off when the stage goes.
fn apply_bloom(
    mut commands: Commands,
    stage_quality: Res<StageQuality>,
    active: Res<crate::stage::state::StageActive>,
    cameras: Query<(Entity, Has<Bloom>), With<MainCamera>>,
) {
    let wanted = active.0 && stage_quality.bloom();
    for (camera, has) in &cameras {
        if wanted && !has {
            commands.entity(camera).insert(camera_bloom());
        } else if !wanted && has {
            commands.entity(camera).remove::<Bloom>();
        }
    }
}

/// The suns' shadow maps are as fine as the quality asks (the lot's and the virtual world's).
fn apply_shadow_map_size(mut commands: Commands, stage_quality: Res<StageQuality>) {
    if stage_quality.is_changed() {
        commands.insert_resource(DirectionalLightShadowMap {
            size: stage_quality.params().shadow_map_px as usize,
        });
    }
}

/// The cameras filming the virtual world and the lot sample the shadow maps once per pixel with
/// the hardware's 2×2 comparison, not Bevy's default Gaussian filter, whose many samples per
/// pixel cost a software renderer more than the shadow maps themselves. The window's camera and
/// the inner frustum's alike, so the stage and the direct view match.
fn apply_shadow_filter(
    mut commands: Commands,
    cameras: Query<
        Entity,
        (
            Or<(With<MainCamera>, With<InnerFrustumCamera>)>,
            Without<ShadowFilteringMethod>,
        ),
    >,
) {
    for camera in &cameras {
        commands
            .entity(camera)
            .insert(ShadowFilteringMethod::Hardware2x2);
    }
}

/// Bevy's energy-conserving bloom, a little softer: a light glows against what surrounds it,
/// so lit windows glow at night and hardly at noon. Its blur chain starts at 256 pixels, not
/// 512: a quarter of the pixels in every pass, which saved lavapipe about a tenth of High's
/// frame time, while the glow moved by 0.1/255 on average in a night capture at 1280×720.
fn camera_bloom() -> Bloom {
    Bloom {
        intensity: 0.12,
        max_mip_dimension: 256,
        ..Bloom::NATURAL
    }
}

pub(super) fn plugin(app: &mut App) {
    let forced = app.world().resource::<GameConfig>().quality;
    app.insert_resource(StageQuality {
        level: forced,
        forced: forced.is_some(),
        auto_picked: false,
        // Until the adapter answers: what every WebGL2 device allows.
        max_texture_side: 2048,
        hdr_msaa: false,
        webgl2: false,
    })
    .add_systems(
        Update,
        (
            read_adapter,
            apply_msaa,
            apply_bloom,
            apply_shadow_map_size,
            apply_shadow_filter,
        )
            .chain(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::state::StageActive;

    fn quality(level: Quality, webgl2: bool) -> StageQuality {
        StageQuality {
            level: Some(level),
            forced: false,
            auto_picked: false,
            max_texture_side: 8192,
            hdr_msaa: true,
            webgl2,
        }
    }

    #[test]
    fn the_window_camera_glows_on_the_stage_only_and_where_the_quality_allows() {
        let mut app = App::new();
        app.insert_resource(quality(Quality::High, false))
            .insert_resource(StageActive(false))
            .add_systems(Update, apply_bloom);
        let camera = app.world_mut().spawn(MainCamera).id();
        let glows = |app: &mut App| {
            app.update();
            app.world().entity(camera).contains::<Bloom>()
        };
        assert!(!glows(&mut app), "the lot has no glow");
        app.insert_resource(StageActive(true));
        assert!(glows(&mut app), "the stage at High glows");
        app.insert_resource(quality(Quality::Low, false));
        assert!(!glows(&mut app), "Low has no glow");
        app.insert_resource(quality(Quality::Standard, true));
        assert!(!glows(&mut app), "a browser at Standard has no glow");
        app.insert_resource(quality(Quality::Standard, false));
        assert!(glows(&mut app));
        app.insert_resource(StageActive(false));
        assert!(
            !glows(&mut app),
            "leaving the stage takes the glow off the lot's camera"
        );
    }
}
