//! How a mood and a palette change a scene's colours, light and fog, with the small colour
//! helpers they share.

use super::prompt::{Palette, PromptMood};
use crate::stage::model::scene::{Layer, MAX_LIGHT_VALUE, Rgb, SceneDescription};

/// How a mood changes the light and fog.
pub(super) struct MoodLook {
    pub(super) fog_start: f32,
    pub(super) fog_end: f32,
    pub(super) sun: f32,
    pub(super) ambient: f32,
    /// Saturation change of the sky and fog: below 0 greys them, above 0 deepens them.
    pub(super) saturation: f32,
    /// A colour cast (tint, amount).
    pub(super) cast: (Rgb, f32),
    pub(super) words: &'static str,
}

impl MoodLook {
    pub(super) fn of(mood: PromptMood) -> Self {
        match mood {
            PromptMood::Hopeful => Self {
                fog_start: 1.2,
                fog_end: 1.2,
                sun: 1.1,
                ambient: 1.1,
                saturation: 0.1,
                cast: ([1.0, 0.92, 0.75], 0.1),
                words: "a little brighter and warmer",
            },
            PromptMood::Tense => Self {
                fog_start: 0.6,
                fog_end: 0.7,
                sun: 0.85,
                ambient: 0.8,
                saturation: -0.3,
                cast: ([0.5, 0.5, 0.5], 0.0),
                words: "darker, with greyer colours",
            },
            PromptMood::Eerie => Self {
                fog_start: 0.15,
                fog_end: 0.25,
                sun: 0.7,
                ambient: 0.6,
                saturation: -0.2,
                cast: ([0.5, 0.68, 0.55], 0.25),
                words: "dim, with a sickly green cast",
            },
            PromptMood::Epic => Self {
                fog_start: 1.5,
                fog_end: 1.5,
                sun: 1.2,
                ambient: 1.0,
                saturation: 0.2,
                cast: ([0.5, 0.5, 0.5], 0.0),
                words: "brighter sun and deeper sky colours",
            },
            PromptMood::Playful => Self {
                fog_start: 1.1,
                fog_end: 1.1,
                sun: 1.0,
                ambient: 1.2,
                saturation: 0.35,
                cast: ([0.5, 0.5, 0.5], 0.0),
                words: "bright, saturated colours",
            },
        }
    }

    pub(super) fn grade(&self, c: Rgb) -> Rgb {
        let (tint, amount) = self.cast;
        clamp01(mix(saturate(c, self.saturation), tint, amount))
    }
}

pub(super) fn palette_words(p: Palette) -> &'static str {
    match p {
        Palette::Natural => "colours left as the scene's artist made them.",
        Palette::Warm => "sky, fog, sunlight and surfaces pushed towards orange and gold.",
        Palette::Cool => "sky, fog, sunlight and surfaces pushed towards blue.",
        Palette::Neon => {
            "a magenta and violet sky, and every glowing window, beacon and crystal made brighter."
        }
        Palette::Monochrome => {
            "every colour turned into a grey of the same brightness, like a black-and-white film."
        }
    }
}

/// Colour changes of one palette.
struct PaletteLook {
    /// Tint for the sky's zenith and horizon and for fog: (colour, amount).
    zenith: (Rgb, f32),
    horizon: (Rgb, f32),
    /// Tint for the sun and ambient light.
    light: (Rgb, f32),
    /// Tint for surfaces (ground, buildings, rocks...).
    surface: (Rgb, f32),
    /// 1 = unchanged colours, 0 = fully grey.
    saturation: f32,
    /// Multiplier for glows.
    glow: f32,
}

impl PaletteLook {
    fn of(p: Palette) -> Self {
        let none = ([0.5, 0.5, 0.5], 0.0);
        match p {
            Palette::Natural => Self {
                zenith: none,
                horizon: none,
                light: none,
                surface: none,
                saturation: 1.0,
                glow: 1.0,
            },
            Palette::Warm => {
                let warm = [1.0, 0.62, 0.32];
                Self {
                    zenith: (warm, 0.2),
                    horizon: (warm, 0.35),
                    light: (warm, 0.25),
                    surface: (warm, 0.15),
                    saturation: 1.0,
                    glow: 1.0,
                }
            }
            Palette::Cool => {
                let cool = [0.42, 0.62, 1.0];
                Self {
                    zenith: (cool, 0.3),
                    horizon: (cool, 0.3),
                    light: (cool, 0.25),
                    surface: (cool, 0.15),
                    saturation: 1.0,
                    glow: 1.0,
                }
            }
            Palette::Neon => Self {
                zenith: ([0.32, 0.05, 0.55], 0.55),
                horizon: ([1.0, 0.22, 0.72], 0.45),
                light: ([1.0, 0.45, 0.9], 0.25),
                surface: ([0.45, 0.2, 0.6], 0.12),
                saturation: 1.0,
                glow: 1.6,
            },
            Palette::Monochrome => Self {
                zenith: none,
                horizon: none,
                light: none,
                surface: none,
                saturation: 0.0,
                glow: 1.0,
            },
        }
    }

    fn apply(&self, c: Rgb, (tint, amount): (Rgb, f32)) -> Rgb {
        let tinted = mix(c, tint, amount);
        let lum = luminance(tinted);
        clamp01(mix([lum; 3], tinted, self.saturation))
    }

    /// A glow colour (may exceed 1): the same tint and saturation, keeping its strength.
    fn apply_light(&self, c: Rgb) -> Rgb {
        let peak = c[0].max(c[1]).max(c[2]);
        if peak <= 0.0 {
            return c;
        }
        let unit = c.map(|v| v / peak);
        let graded = self.apply(unit, self.surface);
        graded.map(|v| (v * peak * self.glow).clamp(0.0, MAX_LIGHT_VALUE))
    }

    fn scale_glow(&self, g: f32) -> f32 {
        (g * self.glow).clamp(0.0, MAX_LIGHT_VALUE)
    }
}

pub(super) fn apply_palette(scene: &mut SceneDescription, palette: Palette) {
    let p = PaletteLook::of(palette);
    scene.sky.zenith = p.apply(scene.sky.zenith, p.zenith);
    scene.sky.horizon = p.apply(scene.sky.horizon, p.horizon);
    scene.fog.color = p.apply(scene.fog.color, p.horizon);
    scene.sun.color = p.apply(scene.sun.color, p.light);
    scene.ambient.color = p.apply(scene.ambient.color, p.light);
    scene.ground.color = p.apply(scene.ground.color, p.surface);
    let s = |c: &mut Rgb| *c = p.apply(*c, p.surface);
    for layer in &mut scene.layers {
        match layer {
            Layer::Buildings(l) => {
                l.color_palette.iter_mut().for_each(s);
                s(&mut l.overgrowth_color);
                s(&mut l.window_color);
                l.window_emissive = p.scale_glow(l.window_emissive);
                l.neon_colors = l.neon_colors.iter().map(|c| p.apply_light(*c)).collect();
            }
            Layer::Tower(l) => {
                s(&mut l.color);
                s(&mut l.band_color);
                s(&mut l.beacon_color);
                l.beacon_emissive = p.scale_glow(l.beacon_emissive);
            }
            Layer::Mountains(l) => {
                s(&mut l.color);
                s(&mut l.snow_color);
            }
            Layer::Rocks(l) => {
                s(&mut l.color);
                s(&mut l.accent_color);
                l.accent_emissive = p.scale_glow(l.accent_emissive);
            }
            Layer::Crystals(l) => {
                s(&mut l.color);
                l.emissive = p.apply_light(l.emissive);
            }
            Layer::Moons(l) => {
                l.colors.iter_mut().for_each(s);
                s(&mut l.ring_color);
                l.glow = p.scale_glow(l.glow);
            }
            Layer::Dunes(l) => s(&mut l.color),
            Layer::IceFloes(l) => s(&mut l.color),
            Layer::Scatter(l) => l.colors.iter_mut().for_each(s),
            Layer::Flora(l) => {
                s(&mut l.stalk_color);
                l.bloom_colors.iter_mut().for_each(s);
                l.glow = p.scale_glow(l.glow);
            }
            Layer::Vehicles(l) => l.colors.iter_mut().for_each(s),
            Layer::PowerLines(l) => {
                s(&mut l.color);
                s(&mut l.wire_color);
            }
            Layer::Aurora(l) => l.colors = l.colors.iter().map(|c| p.apply_light(*c)).collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Colour helpers
// ---------------------------------------------------------------------------------------------

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

/// Rec. 709 relative luminance of linear RGB.
fn luminance(c: Rgb) -> f32 {
    0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
}

/// Moves a colour away from (k > 0) or towards (k < 0) the grey of the same brightness.
fn saturate(c: Rgb, k: f32) -> Rgb {
    let lum = luminance(c);
    c.map(|v| lum + (v - lum) * (1.0 + k))
}

/// Keeps a surface colour in the 0–1 range the scene validator asks for.
fn clamp01(c: Rgb) -> Rgb {
    c.map(|v| {
        if v.is_finite() {
            v.clamp(0.0, 1.0)
        } else {
            0.0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::model::scene::TimeOfDay;
    use crate::stops::innovation::concept::test_support::{concept, prompt, scenes};
    use crate::stops::innovation::concept::{Concept, Setting};

    #[test]
    fn palettes_change_the_colours() {
        let scenes = scenes();
        let make = |palette| {
            concept(
                &prompt(
                    Setting::AlienWorld,
                    PromptMood::Hopeful,
                    TimeOfDay::Noon,
                    palette,
                ),
                &scenes,
            )
        };
        let natural = make(Palette::Natural);
        let mono = make(Palette::Monochrome);
        for c in [
            mono.scene.sky.zenith,
            mono.scene.sky.horizon,
            mono.scene.fog.color,
            mono.scene.ground.color,
        ] {
            assert!(
                (c[0] - c[1]).abs() < 1.0e-5 && (c[1] - c[2]).abs() < 1.0e-5,
                "{c:?}"
            );
        }
        let warmth = |c: Rgb| c[0] - c[2];
        assert!(warmth(make(Palette::Warm).scene.sky.horizon) > warmth(natural.scene.sky.horizon));
        assert!(warmth(make(Palette::Cool).scene.sky.horizon) < warmth(natural.scene.sky.horizon));
        let glow = |c: &Concept| {
            c.scene
                .layers
                .iter()
                .map(|l| match l {
                    Layer::Crystals(l) => l.emissive.iter().sum::<f32>(),
                    _ => 0.0,
                })
                .sum::<f32>()
        };
        assert!(glow(&make(Palette::Neon)) > glow(&natural));
    }
}
