//! How a crew member looks: skin, hair, clothes and the one prop that says their job. Plain
//! data read from `assets/crew.ron`, so a teacher can restyle a host without code. The same
//! look also dresses the actors on the Stop 1 and Stop 2 sets and the walker on the lot.

use serde::{Deserialize, Serialize};

/// A colour as red, green and blue from 0 to 1 (sRGB).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// True when every channel is a number from 0 to 1.
    pub fn is_valid(self) -> bool {
        [self.0, self.1, self.2]
            .iter()
            .all(|c| c.is_finite() && (0.0..=1.0).contains(c))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum HairStyle {
    #[default]
    Short,
    Long,
    Bun,
    Cap,
    Bald,
}

/// The one thing a person carries that says their role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Prop {
    #[default]
    None,
    Clipboard,
    Clapperboard,
    Tablet,
    Headset,
    Headphones,
    Laptop,
    Phone,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Look {
    pub skin: Rgb,
    pub hair: Rgb,
    #[serde(default)]
    pub hair_style: HairStyle,
    /// Shirt or jacket.
    pub top: Rgb,
    /// Trousers or skirt.
    pub bottom: Rgb,
    #[serde(default)]
    pub prop: Prop,
    /// Height in metres (1.4–2.1); the figure scales to it.
    #[serde(default = "default_height")]
    pub height: f32,
}

fn default_height() -> f32 {
    1.75
}

impl Look {
    /// Problems with this look, as sentences (empty when it is fine).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (name, c) in [
            ("skin", self.skin),
            ("hair", self.hair),
            ("top", self.top),
            ("bottom", self.bottom),
        ] {
            if !c.is_valid() {
                out.push(format!("{name} colour must be three numbers from 0 to 1"));
            }
        }
        if !(self.height.is_finite() && (1.4..=2.1).contains(&self.height)) {
            out.push(format!(
                "height {} is not between 1.4 and 2.1 metres",
                self.height
            ));
        }
        out
    }
}

impl Default for Look {
    fn default() -> Self {
        Self {
            skin: Rgb(0.80, 0.62, 0.48),
            hair: Rgb(0.20, 0.14, 0.10),
            hair_style: HairStyle::Short,
            top: Rgb(0.25, 0.45, 0.75),
            bottom: Rgb(0.20, 0.20, 0.25),
            prop: Prop::None,
            height: default_height(),
        }
    }
}
