//! A test that every character the UI and the content can show has a glyph in egui's fonts.
//! A missing glyph shows as an empty box on screen.

use bevy_egui::egui;

/// Every source file's shipped code (its tests left out): the string literals of screens and
/// of the models whose sentences they show (a chain's summary, a cut list) are what the
/// player reads. Found by scanning `src/`, so a new screen is checked without being listed.
fn ui_sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("read src")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read source");
                // Tests hold input no screen draws (other scripts' digits and names).
                let shipped = text.split("#[cfg(test)]").next().unwrap_or_default();
                if !path.ends_with("tests.rs") && !path.ends_with("test_support.rs") {
                    out.push((path.display().to_string(), shipped.to_owned()));
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

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
    let mut texts: Vec<(String, String)> = Vec::new();
    let sources = ui_sources();
    for (file, source) in &sources {
        for s in string_literals(source) {
            texts.push((file.clone(), s));
        }
    }
    // Every content file as shipped (the tour and each stop's), comments included.
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let mut content_files = 0;
    for entry in std::fs::read_dir(&assets).expect("read assets").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "ron") {
            let text = std::fs::read_to_string(&path).expect("read content");
            texts.push((path.display().to_string(), text));
            content_files += 1;
        }
    }
    assert!(content_files >= 8, "the scan found the content files");
    texts.push((
        "camp.rs team icons".into(),
        crate::classroom::camp::model::TeamIcon::ALL
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
    for screen in ["tour/gate_ui.rs", "stops/previs/ui", "classroom/camp/ui"] {
        assert!(
            sources.iter().any(|(file, _)| file.contains(screen)),
            "the scan reached {screen}"
        );
    }
    assert!(
        drawable('▶') && !drawable('✘'),
        "the check tells drawable from not"
    );
}
