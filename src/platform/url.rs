//! The web page's start-up options, read from its URL: the command line's options, written as
//! `?stop=2&projector`. With `frames=N` the page renders N frames and signals that it is ready
//! (the browser test's capture), like `backlot capture --frames N`.
//!
//! The query becomes the same arguments the command line takes, so both are checked by one
//! parser and give the same error messages.

use clap::Parser;

use crate::GameConfig;
use crate::cli::{Cli, Command, capture_config, play_config};

/// Options a page may set; the rest of the command line (data folders, output files, sizes)
/// means nothing in a browser.
const PLAY_OPTIONS: &[&str] = &[
    "stop",
    "projector",
    "presenter",
    "seed",
    "quality",
    "profile",
    "lesson",
];
const CAPTURE_OPTIONS: &[&str] = &[
    "stop",
    "profile",
    "projector",
    "presenter",
    "seed",
    "quality",
    "screen",
    "frames",
    "demo",
    "camp",
    "scene",
    "view",
    "camera-pos",
    "camera-look-at",
    "focal-mm",
    "focus-m",
    "bench",
    "no-talk",
];

/// The query's `key=value` pairs, decoded (`+` is a space, `%XX` a byte).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (decode(key), decode(value))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The game's configuration from a page's query string, e.g. `?stop=2&presenter`. Saves go to
/// `data_dir` (the browser's storage), captures included: a test checks that they persist.
pub fn config_from_query(query: &str, data_dir: &std::path::Path) -> Result<GameConfig, String> {
    let pairs = query_pairs(query);
    let capture = pairs.iter().any(|(k, _)| k == "frames");
    let allowed = if capture {
        CAPTURE_OPTIONS
    } else {
        PLAY_OPTIONS
    };
    let mut args = vec!["backlot".to_string()];
    if capture {
        args.push("capture".into());
        // Without a stop or a screen, a page capture shows what a player first sees.
        if !pairs.iter().any(|(k, _)| k == "stop" || k == "screen") {
            args.extend(["--screen".into(), "title".into()]);
        }
    }
    for (key, value) in &pairs {
        let key = key.replace('_', "-");
        if !allowed.contains(&key.as_str()) {
            return Err(format!(
                "the page option '{key}' is not known here; use {}",
                allowed.join(", ")
            ));
        }
        args.push(format!("--{key}"));
        if !value.is_empty() {
            args.push(value.clone());
        }
    }
    // Set here, never by the page: a browser's storage, not a folder (and no temp folder).
    args.push("--data-dir".into());
    args.push(data_dir.to_string_lossy().into_owned());
    let cli = Cli::try_parse_from(&args).map_err(|e| {
        let text = e.to_string();
        text.lines()
            .next()
            .unwrap_or("bad page options")
            .to_string()
    })?;
    match cli.command {
        Some(Command::Capture(capture)) => capture_config(&capture),
        _ => play_config(&cli.play),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::StartScreen;
    use crate::stage::model::quality::Quality;
    use std::path::Path;

    #[test]
    fn the_query_is_decoded_pair_by_pair() {
        assert_eq!(
            query_pairs("?stop=virtual%2Dproduction&projector&seed=7+"),
            vec![
                ("stop".to_string(), "virtual-production".to_string()),
                ("projector".to_string(), String::new()),
                ("seed".to_string(), "7 ".to_string()),
            ]
        );
        assert_eq!(query_pairs(""), Vec::new());
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
    }

    #[test]
    fn a_page_url_sets_what_the_command_line_sets() {
        let dir = Path::new("backlot");
        let c = config_from_query("?stop=2&presenter&seed=9&quality=low", dir).unwrap();
        assert_eq!(c.start_stop, Some(2));
        assert_eq!(c.start_screen, StartScreen::Briefing);
        assert!(c.presenter && !c.projector);
        assert_eq!((c.seed, c.quality), (9, Some(Quality::Low)));
        assert_eq!(c.data_dir, dir);
        assert!(c.capture.is_none());
        let named = config_from_query("?profile=Maya+Lopez", dir).unwrap();
        assert_eq!(named.profile.as_deref(), Some("Maya Lopez"));
        let plain = config_from_query("", dir).unwrap();
        assert_eq!(plain.start_screen, StartScreen::Title);
        assert_eq!(plain.quality, None, "the saved or automatic choice");
        let short = config_from_query("?lesson=short", dir).unwrap();
        assert_eq!(
            short.lesson,
            Some(crate::tour::model::lesson::LessonLength::Short)
        );
        assert_eq!(plain.lesson, None, "the saved choice");
        let long = config_from_query("?lesson=long", dir).unwrap_err();
        assert!(long.contains("use short, standard or full"), "{long}");
    }

    #[test]
    fn frames_make_a_capture_that_signals_when_ready() {
        let dir = Path::new("backlot");
        let c = config_from_query("?stop=2&screen=level&frames=30&view=witness", dir).unwrap();
        assert_eq!(c.capture.as_ref().map(|r| r.frames), Some(30));
        assert_eq!(c.start_screen, StartScreen::Level);
        assert_eq!(c.stage.as_ref().map(|s| s.view.as_str()), Some("witness"));
        assert_eq!(
            c.data_dir, dir,
            "a page's capture keeps its saves in the page"
        );
        let title = config_from_query("?frames=5", dir).unwrap();
        assert_eq!(title.start_screen, StartScreen::Title);
    }

    #[test]
    fn a_wrong_option_is_a_clear_error() {
        let dir = Path::new("backlot");
        let unknown = config_from_query("?stop=2&data-dir=/etc", dir).unwrap_err();
        assert!(unknown.contains("'data-dir' is not known"), "{unknown}");
        let bad_stop = config_from_query("?stop=99", dir).unwrap_err();
        assert!(bad_stop.contains("no stop called '99'"), "{bad_stop}");
        let bad_quality = config_from_query("?quality=ultra", dir).unwrap_err();
        assert!(
            bad_quality.contains("unknown quality 'ultra'"),
            "{bad_quality}"
        );
    }
}
