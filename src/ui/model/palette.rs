//! Colour palettes and WCAG contrast maths. Plain Rust, no Bevy or egui: the UI theme turns
//! these into egui visuals, and the tests check every text/background pair against WCAG 2.2.

/// An sRGB colour, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// WCAG 2.x relative luminance.
    pub fn relative_luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// WCAG contrast ratio between two colours, from 1:1 to 21:1.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.relative_luminance(), b.relative_luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// WCAG 2.2 minimums: 1.4.3 for body text, 1.4.11 for UI parts and focus indicators.
pub const MIN_TEXT_CONTRAST: f64 = 4.5;
pub const MIN_UI_CONTRAST: f64 = 3.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum PaletteKind {
    #[default]
    Dark,
    /// Light background and dark text, in the style of PhET sims on a projector.
    Projector,
    HighContrast,
}

impl PaletteKind {
    pub const ALL: [PaletteKind; 3] = [
        PaletteKind::Dark,
        PaletteKind::Projector,
        PaletteKind::HighContrast,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PaletteKind::Dark => "Dark",
            PaletteKind::Projector => "Projector (light)",
            PaletteKind::HighContrast => "High contrast",
        }
    }

    pub fn next(self) -> Self {
        match self {
            PaletteKind::Dark => PaletteKind::Projector,
            PaletteKind::Projector => PaletteKind::HighContrast,
            PaletteKind::HighContrast => PaletteKind::Dark,
        }
    }

    pub fn colors(self) -> Palette {
        match self {
            PaletteKind::Dark => Palette {
                is_light: false,
                background: Rgb(24, 26, 33),
                panel: Rgb(34, 37, 46),
                text: Rgb(232, 234, 240),
                muted_text: Rgb(176, 182, 196),
                accent: Rgb(255, 196, 77),
                accent_text: Rgb(24, 26, 33),
                button: Rgb(52, 57, 70),
                border: Rgb(128, 136, 156),
                focus: Rgb(255, 196, 77),
                success: Rgb(120, 220, 140),
                warning: Rgb(255, 150, 120),
            },
            PaletteKind::Projector => Palette {
                is_light: true,
                background: Rgb(250, 250, 246),
                panel: Rgb(255, 255, 255),
                text: Rgb(20, 24, 33),
                muted_text: Rgb(70, 76, 90),
                accent: Rgb(20, 90, 170),
                accent_text: Rgb(255, 255, 255),
                button: Rgb(226, 232, 242),
                border: Rgb(96, 104, 122),
                focus: Rgb(190, 60, 0),
                success: Rgb(20, 110, 50),
                warning: Rgb(170, 40, 20),
            },
            PaletteKind::HighContrast => Palette {
                is_light: false,
                background: Rgb(0, 0, 0),
                panel: Rgb(0, 0, 0),
                text: Rgb(255, 255, 255),
                muted_text: Rgb(230, 230, 230),
                accent: Rgb(255, 255, 0),
                accent_text: Rgb(0, 0, 0),
                button: Rgb(20, 20, 20),
                border: Rgb(255, 255, 255),
                focus: Rgb(0, 255, 255),
                success: Rgb(0, 255, 0),
                warning: Rgb(255, 170, 0),
            },
        }
    }
}

/// The colours a palette gives the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub is_light: bool,
    pub background: Rgb,
    pub panel: Rgb,
    pub text: Rgb,
    pub muted_text: Rgb,
    pub accent: Rgb,
    /// Text drawn on an accent-coloured fill.
    pub accent_text: Rgb,
    pub button: Rgb,
    pub border: Rgb,
    pub focus: Rgb,
    /// Text colour for "right"/"wrong" feedback (always paired with an icon and a word).
    pub success: Rgb,
    pub warning: Rgb,
}

impl Palette {
    /// Every (name, foreground, background) pair the UI draws text with.
    pub fn text_pairs(&self) -> Vec<(&'static str, Rgb, Rgb)> {
        vec![
            ("text on background", self.text, self.background),
            ("text on panel", self.text, self.panel),
            ("text on button", self.text, self.button),
            ("muted text on panel", self.muted_text, self.panel),
            ("muted text on background", self.muted_text, self.background),
            ("accent text on accent", self.accent_text, self.accent),
            ("accent on panel", self.accent, self.panel),
            ("success on panel", self.success, self.panel),
            ("warning on panel", self.warning, self.panel),
            ("success on background", self.success, self.background),
            ("warning on background", self.warning, self.background),
        ]
    }

    /// Every (name, part, background) pair of non-text UI parts.
    pub fn ui_pairs(&self) -> Vec<(&'static str, Rgb, Rgb)> {
        vec![
            ("border on panel", self.border, self.panel),
            ("border on background", self.border, self.background),
            ("focus ring on panel", self.focus, self.panel),
            ("focus ring on button", self.focus, self.button),
            ("accent on panel", self.accent, self.panel),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratio_matches_wcag_reference_values() {
        let black = Rgb(0, 0, 0);
        let white = Rgb(255, 255, 255);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #777777 on white is the classic just-failing grey: 4.48:1.
        let grey = Rgb(0x77, 0x77, 0x77);
        assert!((contrast_ratio(grey, white) - 4.48).abs() < 0.01);
        assert_eq!(contrast_ratio(grey, white), contrast_ratio(white, grey));
    }

    #[test]
    fn every_palette_meets_wcag_text_and_ui_contrast() {
        for kind in PaletteKind::ALL {
            let p = kind.colors();
            for (name, fg, bg) in p.text_pairs() {
                let r = contrast_ratio(fg, bg);
                assert!(
                    r >= MIN_TEXT_CONTRAST,
                    "{}: {name} is {r:.2}:1",
                    kind.label()
                );
            }
            for (name, fg, bg) in p.ui_pairs() {
                let r = contrast_ratio(fg, bg);
                assert!(r >= MIN_UI_CONTRAST, "{}: {name} is {r:.2}:1", kind.label());
            }
        }
    }

    #[test]
    fn projector_palette_is_light_with_dark_text() {
        let p = PaletteKind::Projector.colors();
        assert!(p.is_light);
        assert!(p.background.relative_luminance() > 0.8);
        assert!(p.text.relative_luminance() < 0.05);
        assert_eq!(PaletteKind::Dark.next().next().next(), PaletteKind::Dark);
    }
}
