//! The shape of the code, checked: the rules of the README's architecture section, as a plain
//! scan of the source files. Each failure names the file and line that breaks a rule.
//!
//! This test binary uses only `std` (it never names the `backlot` crate), so it links in a
//! moment instead of linking all of Bevy.

use std::path::{Path, PathBuf};

/// Folders shared by two or more stops. They never import a stop.
const SHARED: &[&str] = &[
    "tour",
    "stage",
    "crew",
    "ui",
    "audio",
    "classroom",
    "platform",
];
/// The most lines a source file may have, tests included.
const MAX_FILE_LINES: usize = 800;
/// The most lines one function may have, from its `fn` line to its closing brace.
const MAX_FN_LINES: usize = 100;

struct Source {
    /// Relative to the crate root, with `/` separators: `src/stops/post/ui/mod.rs`.
    path: String,
    text: String,
}

fn sources(dir: &str) -> Vec<Source> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<Source>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).expect("under the root");
                out.push(Source {
                    path: rel.to_string_lossy().replace('\\', "/"),
                    text: std::fs::read_to_string(&path).expect("read source"),
                });
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    walk(root, &root.join(dir), &mut out);
    out
}

/// The source with comments, strings and character literals blanked out (newlines kept), so
/// that scanning for paths and braces sees only code.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let end = literal_or_comment_end(&chars, i);
        if end > i {
            out.extend(
                chars[i..end]
                    .iter()
                    .map(|&c| if c == '\n' { '\n' } else { ' ' }),
            );
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Where the comment, string or character literal starting at `i` ends (one past it), or `i`
/// itself when none starts there.
fn literal_or_comment_end(chars: &[char], i: usize) -> usize {
    let at = |k: usize| chars.get(k).copied();
    let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    match (chars[i], at(i + 1)) {
        ('/', Some('/')) => (i..chars.len())
            .find(|&k| chars[k] == '\n')
            .unwrap_or(chars.len()),
        ('/', Some('*')) => block_comment_end(chars, i),
        ('r', Some('"' | '#')) if !ident_before => raw_string_end(chars, i).unwrap_or(i),
        ('"', _) => {
            let mut k = i + 1;
            while k < chars.len() && chars[k] != '"' {
                k += if chars[k] == '\\' { 2 } else { 1 };
            }
            (k + 1).min(chars.len())
        }
        // A character literal ('a', '\n', '\u{2714}'), not a lifetime ('a).
        ('\'', Some('\\')) => (i + 2..chars.len().min(i + 12))
            .find(|&k| chars[k] == '\'')
            .map_or(i, |k| k + 1),
        ('\'', _) if at(i + 2) == Some('\'') => i + 3,
        _ => i,
    }
}

/// The end of a (possibly nested) block comment starting at `i`.
fn block_comment_end(chars: &[char], i: usize) -> usize {
    let mut depth = 0;
    let mut k = i;
    while k + 1 < chars.len() {
        match (chars[k], chars[k + 1]) {
            ('/', '*') => {
                depth += 1;
                k += 2;
            }
            ('*', '/') => {
                depth -= 1;
                k += 2;
                if depth == 0 {
                    return k;
                }
            }
            _ => k += 1,
        }
    }
    chars.len()
}

/// The end of a raw string (`r"…"`, `r#"…"#`) starting at `i`, if one starts there.
fn raw_string_end(chars: &[char], i: usize) -> Option<usize> {
    let mut k = i + 1;
    let mut hashes = 0;
    while chars.get(k) == Some(&'#') {
        hashes += 1;
        k += 1;
    }
    if chars.get(k) != Some(&'"') {
        return None;
    }
    k += 1;
    while k < chars.len() {
        if chars[k] == '"' && (1..=hashes).all(|h| chars.get(k + h) == Some(&'#')) {
            return Some(k + 1 + hashes);
        }
        k += 1;
    }
    Some(chars.len())
}

/// The stop a file belongs to (`src/stops/<stop>/…`), if any.
fn stop_of(path: &str) -> Option<&str> {
    path.strip_prefix("src/stops/")?
        .split('/')
        .next()
        .filter(|s| !s.ends_with(".rs"))
}

/// The shared folder a file belongs to, if any.
fn shared_of(path: &str) -> Option<&'static str> {
    let first = path.strip_prefix("src/")?.split('/').next()?;
    SHARED.iter().copied().find(|s| *s == first)
}

fn is_model(path: &str) -> bool {
    path.contains("/model/") || path.ends_with("/model.rs")
}

/// Every `crate::stops::<stop>` a line of code names.
fn stops_named(line: &str) -> Vec<&str> {
    line.match_indices("crate::stops::")
        .map(|(at, m)| {
            let rest = &line[at + m.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

/// The Bevy or egui crate a line of code names as a path (`bevy::…`, `bevy_egui::…`,
/// `egui::…`), if any. A variable merely called `bevy` is not a use of the engine.
fn engine_crate_named(line: &str) -> Option<String> {
    line.match_indices("::").find_map(|(at, _)| {
        let start = line[..at]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        let name = &line[start..at];
        (name == "bevy" || name == "egui" || name.starts_with("bevy_")).then(|| name.to_string())
    })
}

#[test]
fn models_are_pure() {
    let mut broken = Vec::new();
    let mut models = 0;
    for src in sources("src").iter().filter(|s| is_model(&s.path)) {
        models += 1;
        for (n, line) in code_only(&src.text).lines().enumerate() {
            if let Some(name) = engine_crate_named(line) {
                broken.push(format!("{}:{}: uses {name}", src.path, n + 1));
            }
        }
    }
    assert!(models >= 20, "found the models ({models})");
    assert!(
        broken.is_empty(),
        "models must not use Bevy or egui:\n{}",
        broken.join("\n")
    );
}

#[test]
fn stops_never_import_each_other_and_shared_folders_never_import_a_stop() {
    let mut broken = Vec::new();
    let mut stops_seen = std::collections::BTreeSet::new();
    for src in sources("src") {
        let own_stop = stop_of(&src.path);
        if let Some(stop) = own_stop {
            stops_seen.insert(stop.to_string());
        }
        let shared = shared_of(&src.path);
        for (n, line) in code_only(&src.text).lines().enumerate() {
            for named in stops_named(line) {
                match (own_stop, shared) {
                    (Some(own), _) if own != named => broken.push(format!(
                        "{}:{}: stop '{own}' imports stop '{named}'",
                        src.path,
                        n + 1
                    )),
                    (_, Some(folder)) => broken.push(format!(
                        "{}:{}: shared folder '{folder}' imports stop '{named}'",
                        src.path,
                        n + 1
                    )),
                    _ => {}
                }
            }
        }
    }
    assert_eq!(stops_seen.len(), 7, "found the seven stops: {stops_seen:?}");
    assert!(
        broken.is_empty(),
        "imports must go one way:\n{}",
        broken.join("\n")
    );
}

#[test]
fn no_file_is_too_long() {
    let mut broken = Vec::new();
    for src in sources("src").into_iter().chain(sources("tests")) {
        let lines = src.text.lines().count();
        if lines > MAX_FILE_LINES {
            broken.push(format!("{}: {lines} lines", src.path));
        }
    }
    assert!(
        broken.is_empty(),
        "files over {MAX_FILE_LINES} lines (split along their section banners):\n{}",
        broken.join("\n")
    );
}

/// Each function: its name, the line its `fn` is on and how many lines it spans.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let bytes = code.as_bytes();
    let line_at = |pos: usize| code[..pos].matches('\n').count() + 1;
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(found) = code[search..].find("fn ") {
        let at = search + found;
        search = at + 3;
        let before = if at == 0 { b' ' } else { bytes[at - 1] };
        if before.is_ascii_alphanumeric() || before == b'_' {
            continue;
        }
        let name: String = code[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue; // `fn(` in a type
        }
        // The body starts at the first `{` outside the signature's brackets; a `;` first means
        // a declaration without a body.
        let mut depth = 0i32;
        let mut open = None;
        for (k, &b) in bytes.iter().enumerate().skip(at + 3) {
            match b {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                b';' if depth == 0 => break,
                b'{' if depth == 0 => {
                    open = Some(k);
                    break;
                }
                _ => {}
            }
        }
        let Some(open) = open else { continue };
        let mut braces = 0;
        let mut close = open;
        for (k, &b) in bytes.iter().enumerate().skip(open) {
            match b {
                b'{' => braces += 1,
                b'}' => {
                    braces -= 1;
                    if braces == 0 {
                        close = k;
                        break;
                    }
                }
                _ => {}
            }
        }
        let first = line_at(at);
        out.push((name, first, line_at(close) - first + 1));
    }
    out
}

#[test]
fn no_function_is_too_long() {
    let mut broken = Vec::new();
    let mut counted = 0;
    for src in sources("src").into_iter().chain(sources("tests")) {
        for (name, line, len) in functions(&code_only(&src.text)) {
            counted += 1;
            if len > MAX_FN_LINES {
                broken.push(format!("{}:{line}: fn {name} is {len} lines", src.path));
            }
        }
    }
    assert!(counted > 1000, "found the functions ({counted})");
    assert!(
        broken.is_empty(),
        "functions over {MAX_FN_LINES} lines:\n{}",
        broken.join("\n")
    );
}

#[test]
fn every_file_says_what_it_is() {
    let missing: Vec<String> = sources("src")
        .into_iter()
        .chain(sources("tests"))
        .filter(|s| !s.text.starts_with("//!"))
        .map(|s| s.path)
        .collect();
    assert!(
        missing.is_empty(),
        "files without a //! header: {missing:?}"
    );
}

/// Only `platform/` (and `main.rs`, which picks the entry point) knows whether the game runs
/// on the desktop or in a browser; the rest asks `platform`.
#[test]
fn only_the_platform_knows_the_target() {
    let mut broken = Vec::new();
    for src in sources("src") {
        if src.path.starts_with("src/platform/") || src.path == "src/main.rs" {
            continue;
        }
        for (i, line) in code_only(&src.text).lines().enumerate() {
            if line.contains("target_arch") || line.contains("target_family") {
                broken.push(format!("{}:{}", src.path, i + 1));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "platform checks outside src/platform/: {broken:?}"
    );
}

#[test]
fn the_scanner_sees_what_it_should() {
    let code = code_only(
        "// crate::stops::a\nlet s = \"crate::stops::b\"; let c = '{';\nfn f<'a>(x: &'a str) {\n}\n",
    );
    assert!(
        stops_named(&code).is_empty(),
        "comments and strings are skipped"
    );
    assert_eq!(functions(&code), vec![("f".to_string(), 3, 2)]);
    assert_eq!(stops_named("use crate::stops::post::model;"), vec!["post"]);
    let raw = code_only("let r = r#\"crate::stops::x { \"#; /* a /* nested */ { */ fn g() {}");
    assert!(stops_named(&raw).is_empty() && !raw.contains('x'));
    assert_eq!(functions(&raw), vec![("g".to_string(), 1, 1)]);
    assert_eq!(stop_of("src/stops/post/ui/mod.rs"), Some("post"));
    assert_eq!(stop_of("src/stops/mod.rs"), None);
    assert_eq!(shared_of("src/stage/model/led.rs"), Some("stage"));
    assert!(is_model("src/stops/intro/model.rs") && !is_model("src/stops/intro/ui.rs"));
    assert_eq!(
        engine_crate_named("use bevy::prelude::*;").as_deref(),
        Some("bevy")
    );
    assert_eq!(
        engine_crate_named("x: bevy_egui::egui::Ui").as_deref(),
        Some("bevy_egui")
    );
    assert_eq!(engine_crate_named("let bevy = glam::Mat4::IDENTITY;"), None);
}
