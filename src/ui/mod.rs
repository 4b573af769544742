//! The egui user interface: theme, one file per screen, and the keyboard map.

use bevy::prelude::*;

pub mod briefing;
pub mod camp_ui;
pub mod class_poll_ui;
pub mod conclusion_ui;
pub mod finale;
pub mod gate_ui;
pub mod innovation_ui;
pub mod input;
pub mod intro_ui;
pub mod map_ui;
pub mod marketing_ui;
pub mod notices_ui;
pub mod post_ui;
pub mod presenter_ui;
pub mod previs_ui;
pub mod remap;
pub mod settings_ui;
pub mod teacher;
pub mod theme;
pub mod title;
pub mod vp_ui;
pub mod widgets;

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        theme::plugin,
        input::plugin,
        title::plugin,
        map_ui::plugin,
        briefing::plugin,
        gate_ui::plugin,
        intro_ui::plugin,
        conclusion_ui::plugin,
        finale::plugin,
        teacher::plugin,
        notices_ui::plugin,
        post_ui::plugin,
        vp_ui::plugin,
    ));
    app.add_plugins((
        remap::plugin,
        presenter_ui::plugin,
        settings_ui::plugin,
        previs_ui::plugin,
        marketing_ui::plugin,
        innovation_ui::plugin,
    ));
    app.add_plugins((camp_ui::plugin, class_poll_ui::plugin));
}

#[cfg(test)]
mod tests {
    use bevy_egui::egui;

    /// Every UI source file; their string literals are what the player reads.
    const UI_SOURCES: &[(&str, &str)] = &[
        ("briefing.rs", include_str!("briefing.rs")),
        ("camp_ui.rs", include_str!("camp_ui.rs")),
        ("class_poll_ui.rs", include_str!("class_poll_ui.rs")),
        ("conclusion_ui.rs", include_str!("conclusion_ui.rs")),
        ("finale.rs", include_str!("finale.rs")),
        ("gate_ui.rs", include_str!("gate_ui.rs")),
        ("innovation_ui.rs", include_str!("innovation_ui.rs")),
        ("intro_ui.rs", include_str!("intro_ui.rs")),
        ("map_ui.rs", include_str!("map_ui.rs")),
        ("marketing_ui.rs", include_str!("marketing_ui.rs")),
        ("notices_ui.rs", include_str!("notices_ui.rs")),
        ("post_ui.rs", include_str!("post_ui.rs")),
        ("presenter_ui.rs", include_str!("presenter_ui.rs")),
        ("previs_ui.rs", include_str!("previs_ui.rs")),
        ("settings_ui.rs", include_str!("settings_ui.rs")),
        ("teacher.rs", include_str!("teacher.rs")),
        ("title.rs", include_str!("title.rs")),
        ("vp_ui.rs", include_str!("vp_ui.rs")),
        ("widgets.rs", include_str!("widgets.rs")),
    ];

    /// The text inside double quotes on non-comment lines (good enough for our sources).
    fn string_literals(source: &str) -> Vec<String> {
        let mut out = Vec::new();
        for line in source.lines() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            let mut inside = false;
            let mut escaped = false;
            let mut current = String::new();
            for c in line.chars() {
                match (inside, escaped, c) {
                    (true, false, '\\') => escaped = true,
                    (true, false, '"') => {
                        out.push(std::mem::take(&mut current));
                        inside = false;
                    }
                    (true, _, c) => {
                        current.push(c);
                        escaped = false;
                    }
                    (false, _, '"') => inside = true,
                    _ => {}
                }
            }
        }
        out
    }

    /// Characters the proportional font family can draw: the union of its fonts' charmaps.
    fn drawable(c: char) -> bool {
        use skrifa::MetadataProvider;
        let defs = egui::FontDefinitions::default();
        defs.families[&egui::FontFamily::Proportional]
            .iter()
            .filter_map(|name| defs.font_data.get(name))
            .any(|data| {
                skrifa::FontRef::new(&data.font)
                    .map(|f| f.charmap().map(c).is_some())
                    .unwrap_or(false)
            })
    }

    /// A glyph missing from egui's fonts shows as an empty box. This caught ✘ and ↑ once.
    #[test]
    fn every_ui_and_content_character_has_a_glyph() {
        let content = crate::content::bundled().expect("bundled content");
        let mut texts: Vec<(String, String)> = Vec::new();
        for (file, source) in UI_SOURCES {
            for s in string_literals(source) {
                texts.push((file.to_string(), s));
            }
        }
        let serialised = [
            ("tour.ron", ron::to_string(&content.tour)),
            ("careers.ron", ron::to_string(&content.careers)),
            ("studio_system.ron", ron::to_string(&content.studio_system)),
            (
                "post_production.ron",
                ron::to_string(&content.post_production),
            ),
        ];
        for (file, text) in serialised {
            texts.push((file.into(), text.expect("serialise")));
        }
        texts.push((
            "camp.rs team icons".into(),
            crate::camp::TeamIcon::ALL
                .iter()
                .map(|i| i.glyph())
                .collect(),
        ));
        let mut missing: Vec<String> = texts
            .iter()
            .flat_map(|(file, text)| {
                text.chars()
                    .filter(|c| !c.is_ascii() && !drawable(*c))
                    .map(move |c| format!("{file}: '{c}' (U+{:04X})", c as u32))
            })
            .collect();
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "characters with no glyph: {missing:?}");
        assert!(texts.len() > 100, "the scan found the UI's strings");
        assert!(
            drawable('▶') && !drawable('✘'),
            "the check tells drawable from not"
        );
    }
}
