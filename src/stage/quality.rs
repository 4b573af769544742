//! The stage's quality level in the ECS. It is chosen from the graphics adapter the first time
//! the game runs (the settings then keep it, and a teacher can change it there), or forced for
//! one session by `--quality` or `?quality=`. It sets the window camera's multisampling here,
//! and the sizes of the stage's render targets in `cameras`.

use bevy::prelude::*;
use bevy::render::render_resource::{TextureFormat, TextureFormatFeatureFlags};
use bevy::render::renderer::{RenderAdapter, RenderAdapterInfo, RenderDevice};

use crate::GameConfig;
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
}

impl StageQuality {
    /// The level in use; Standard until the adapter has been asked.
    pub fn current(&self) -> Quality {
        self.level.unwrap_or(Quality::Standard)
    }

    pub fn params(&self) -> QualityParams {
        self.current().params()
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

pub(super) fn plugin(app: &mut App) {
    let forced = app.world().resource::<GameConfig>().quality;
    app.insert_resource(StageQuality {
        level: forced,
        forced: forced.is_some(),
        auto_picked: false,
        // Until the adapter answers: what every WebGL2 device allows.
        max_texture_side: 2048,
        hdr_msaa: false,
    })
    .add_systems(Update, (read_adapter, apply_msaa).chain());
}
