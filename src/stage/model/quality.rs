//! How much the stage renders: the inner-frustum picture's density, the outer frustum's
//! segment size and refresh, multisampling, shadows and bloom. Plain Rust, no Bevy.
//!
//! The LED volume renders the virtual world three times over (inner frustum, six outer
//! segments, then the camera filming the wall), which a school Chromebook's GPU cannot do at
//! desktop settings. Low keeps the stage playable there; High is what the desktop renders and
//! what the render tests compare against the direct view.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Quality {
    Low,
    Standard,
    High,
}

impl Quality {
    pub const ALL: [Quality; 3] = [Quality::Low, Quality::Standard, Quality::High];

    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.to_ascii_lowercase().as_str() {
            "low" => Self::Low,
            "standard" | "medium" => Self::Standard,
            "high" => Self::High,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Low => "Low",
            Self::Standard => "Standard",
            Self::High => "High",
        }
    }

    /// What the choice means, for the settings screen.
    pub fn explain(self) -> &'static str {
        match self {
            Self::Low => {
                "For Chromebooks and old laptops: softer wall, no smoothing, no shadows, no glow."
            }
            Self::Standard => {
                "A sharp wall and shadows; smoothing and glow where the graphics chip allows it."
            }
            Self::High => {
                "The wall at full sharpness, refreshed often, with shadows and glow; for desktops."
            }
        }
    }

    pub fn params(self) -> QualityParams {
        match self {
            Self::Low => QualityParams {
                inner_density: 0.6,
                outer_segment_px: 64,
                outer_refresh_every: 8,
                msaa_samples: 1,
                shadows: false,
                world_shadows: false,
                shadow_map_px: 1024,
                bloom: false,
            },
            Self::Standard => QualityParams {
                inner_density: 1.0,
                outer_segment_px: 96,
                outer_refresh_every: 4,
                msaa_samples: 4,
                shadows: true,
                world_shadows: true,
                shadow_map_px: 1024,
                bloom: true,
            },
            Self::High => QualityParams {
                inner_density: 1.25,
                outer_segment_px: 128,
                outer_refresh_every: 4,
                msaa_samples: 4,
                shadows: true,
                world_shadows: true,
                shadow_map_px: 1024,
                bloom: true,
            },
        }
    }
}

/// The numbers a quality level sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QualityParams {
    /// Inner-frustum pixels per output pixel along each side.
    pub inner_density: f32,
    /// Each outer-frustum segment is rendered at this square size.
    pub outer_segment_px: u32,
    /// While its picture may be changing, the outer frustum is re-rendered every this many
    /// frames (see [`OuterSchedule`]).
    pub outer_refresh_every: u32,
    /// Multisampling of the window's camera (1 = off).
    pub msaa_samples: u32,
    /// Whether the studio lot's sun casts shadows (one more depth pass of the lot).
    pub shadows: bool,
    /// Whether the virtual world's sun casts shadows: one depth pass of the world's shadow
    /// casters, in one cascade out to [`WORLD_SHADOW_DISTANCE_M`], for every stage camera that
    /// renders that frame. A second, nearer cascade cost lavapipe a tenth of High's frame time
    /// for detail the wall's LED pixels do not show.
    pub world_shadows: bool,
    /// Side of each sun's shadow map, pixels. 2048 would fill four times the texels, which on a
    /// software renderer made the stage slower than it was before the worlds had shadows.
    pub shadow_map_px: u32,
    /// Whether the camera filming the stage makes bright light glow (bloom), as a cinema lens
    /// does. Where the adapter is WebGL2, see [`bloom_on`].
    pub bloom: bool,
}

/// Beyond this the virtual world casts no shadows: the far skyline and the mountains stand in
/// haze, where a shadow would not show.
pub const WORLD_SHADOW_DISTANCE_M: f32 = 500.0;

/// Bloom is a chain of full-window passes. WebGL2 has no way to render into one mip level of a
/// texture, so Bevy's bloom takes a texture per level there; a Chromebook at Standard skips it.
pub fn bloom_on(quality: Quality, webgl2: bool) -> bool {
    quality.params().bloom && (!webgl2 || quality == Quality::High)
}

/// After a change, the outer frustum keeps re-rendering for at least this many frames ...
pub const OUTER_SETTLE_FRAMES: u32 = 8;
/// ... and this many seconds: new meshes upload and new materials' shaders compile over a few
/// frames, and a picture taken before they are ready leaves them out.
pub const OUTER_SETTLE_S: f32 = 1.5;
/// Once settled, the outer frustum re-renders this often all the same, seconds, so that a
/// change nobody reported shows within this time.
pub const OUTER_IDLE_REFRESH_S: f32 = 5.0;

/// When the outer frustum re-renders. Its cameras stand still at the stage's centre and the
/// virtual world holds still, so its picture changes only when the world, the wall's settings
/// or the quality do. After such a change it re-renders every `outer_refresh_every` frames
/// until settled, then only every [`OUTER_IDLE_REFRESH_S`]: a camera moving about the stage,
/// the common case, costs it nothing. Six segments each render the world, so this is most of
/// what the stage adds to the frame time beyond the inner frustum.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct OuterSchedule {
    /// Frames and seconds since the last change.
    frames: u32,
    seconds: f32,
    /// Seconds since the last re-render.
    since_render: f32,
}

impl OuterSchedule {
    /// Something the outer frustum shows has changed: re-render from the next frame.
    pub fn changed(&mut self) {
        *self = Self::default();
    }

    /// Whether the picture may still be changing.
    pub fn settling(&self) -> bool {
        self.frames < OUTER_SETTLE_FRAMES || self.seconds < OUTER_SETTLE_S
    }

    /// Whether the outer frustum renders this frame, which lasts `dt` seconds.
    pub fn due(&mut self, dt: f32, every: u32) -> bool {
        self.since_render += dt;
        let due = if self.settling() {
            self.frames.is_multiple_of(every.max(1))
        } else {
            self.since_render >= OUTER_IDLE_REFRESH_S
        };
        self.frames = self.frames.saturating_add(1);
        self.seconds += dt;
        if due {
            self.since_render = 0.0;
        }
        due
    }
}

/// What the graphics adapter says about itself, enough to choose a quality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdapterFacts {
    /// A software renderer (lavapipe, SwiftShader, llvmpipe).
    pub software: bool,
    /// A GPU sharing the CPU's memory (most laptops and Chromebooks).
    pub integrated: bool,
    /// WebGL2 (the browser build), which is slower than a native API on the same chip.
    pub webgl2: bool,
    /// The largest texture side the adapter allows.
    pub max_texture_side: u32,
}

/// The quality to start with, the first time the game runs on a machine.
pub fn auto_quality(facts: AdapterFacts) -> Quality {
    if facts.software || facts.max_texture_side < 4096 {
        Quality::Low
    } else if facts.integrated || facts.webgl2 {
        Quality::Standard
    } else {
        Quality::High
    }
}

/// The inner-frustum picture size for an output of `width` × `height` at `density`: 16:9 like
/// the sensor, and no side longer than the adapter allows (WebGL2 may allow only 2048).
pub fn inner_size(width: u32, height: u32, density: f32, max_side: u32) -> (u32, u32) {
    let h = ((height.max(90) as f32) * density).round() as u32;
    let w = ((width.max(160) as f32) * density).round() as u32;
    let (w, h) = (w.max(h * 16 / 9), h.max(1));
    let max_side = max_side.max(16);
    if w <= max_side && h <= max_side {
        return (w, h);
    }
    let scale = max_side as f32 / w.max(h) as f32;
    (
        ((w as f32 * scale).floor() as u32).clamp(1, max_side),
        ((h as f32 * scale).floor() as u32).clamp(1, max_side),
    )
}

/// Multisampling to use: the quality's wish, if the adapter can multisample the HDR target.
pub fn msaa_samples(quality: Quality, hdr_multisample_ok: bool) -> u32 {
    let wish = quality.params().msaa_samples;
    if hdr_multisample_ok { wish } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DESKTOP_GPU: AdapterFacts = AdapterFacts {
        software: false,
        integrated: false,
        webgl2: false,
        max_texture_side: 16384,
    };

    #[test]
    fn the_machine_picks_its_own_quality() {
        assert_eq!(auto_quality(DESKTOP_GPU), Quality::High);
        let chromebook = AdapterFacts {
            integrated: true,
            webgl2: true,
            max_texture_side: 8192,
            ..DESKTOP_GPU
        };
        assert_eq!(auto_quality(chromebook), Quality::Standard);
        let swiftshader = AdapterFacts {
            software: true,
            ..chromebook
        };
        assert_eq!(auto_quality(swiftshader), Quality::Low);
        let small_textures = AdapterFacts {
            max_texture_side: 2048,
            ..DESKTOP_GPU
        };
        assert_eq!(auto_quality(small_textures), Quality::Low);
    }

    #[test]
    fn each_level_down_renders_fewer_pixels() {
        let pixels = |q: Quality| {
            let p = q.params();
            let (w, h) = inner_size(1280, 720, p.inner_density, 16384);
            let outer = 6 * p.outer_segment_px * p.outer_segment_px / p.outer_refresh_every;
            u64::from(w * h + outer) * u64::from(p.msaa_samples)
        };
        assert!(pixels(Quality::Low) < pixels(Quality::Standard));
        assert!(pixels(Quality::Standard) < pixels(Quality::High));
        // High is the desktop stage the render tests measure against the direct view.
        assert_eq!(inner_size(1280, 720, 1.25, 16384), (1600, 900));
    }

    #[test]
    fn the_outer_frustum_renders_after_a_change_until_settled_then_only_now_and_then() {
        let renders = |schedule: &mut OuterSchedule, frames: u32, dt: f32| {
            (0..frames).filter(|_| schedule.due(dt, 4)).count()
        };
        // A software renderer, two frames a second: the first frame renders, then every
        // fourth until at least eight frames and 1.5 s have passed.
        let mut slow = OuterSchedule::default();
        let first: Vec<bool> = (0..8).map(|_| slow.due(0.5, 4)).collect();
        assert_eq!(
            first,
            [true, false, false, false, true, false, false, false]
        );
        assert!(!slow.settling());
        // Settled: once in 5 s, so a minute of frames renders 12 times, not 30.
        assert_eq!(renders(&mut slow, 120, 0.5), 12);
        // A change renders at once and settles again.
        slow.changed();
        assert!(slow.due(0.5, 4) && slow.settling());
        // A fast GPU, 64 frames a second: settling lasts 1.5 s (96 frames), every fourth.
        let mut fast = OuterSchedule::default();
        assert_eq!(renders(&mut fast, 96, 1.0 / 64.0), 24);
        assert!(!fast.settling());
        assert_eq!(
            renders(&mut fast, 64, 1.0 / 64.0),
            0,
            "a settled second costs nothing"
        );
    }

    #[test]
    fn the_inner_picture_never_exceeds_the_adapter_limit_and_keeps_its_shape() {
        // 1080p at High wants 2400 px across: a WebGL2 limit of 2048 must clamp it.
        let (w, h) = inner_size(1920, 1080, 1.25, 2048);
        assert_eq!(w, 2048);
        assert!(h <= 2048);
        let ratio = w as f32 / h as f32;
        assert!((ratio - 16.0 / 9.0).abs() < 0.01, "{w}x{h}");
        assert_eq!(inner_size(1920, 1080, 1.25, 4096), (2400, 1350));
    }

    #[test]
    fn multisampling_follows_the_quality_and_the_adapter() {
        assert_eq!(msaa_samples(Quality::Low, true), 1);
        // Shadows cost a depth pass: not at Low.
        assert!(!Quality::Low.params().shadows && Quality::Standard.params().shadows);
        assert_eq!(msaa_samples(Quality::High, true), 4);
        assert_eq!(msaa_samples(Quality::High, false), 1);
        for q in Quality::ALL {
            assert_eq!(Quality::parse(q.label()), Some(q));
        }
        assert_eq!(Quality::parse("ultra"), None);
    }

    #[test]
    fn shadows_and_glow_in_the_virtual_world_step_down_with_the_quality() {
        let shadows = |q: Quality| q.params().world_shadows;
        assert_eq!(
            [Quality::Low, Quality::Standard, Quality::High].map(shadows),
            [false, true, true]
        );
        // No glow at Low; a Chromebook's WebGL2 at Standard skips it too.
        assert!(!bloom_on(Quality::Low, false));
        assert!(bloom_on(Quality::Standard, false));
        assert!(!bloom_on(Quality::Standard, true));
        assert!(bloom_on(Quality::High, true));
    }
}
