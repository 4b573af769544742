//! Files that cross between the player and the game: exports going out (a CSV of a campaign,
//! a camp's results, a copy of the progress) and files coming in (a teacher's question bank, a
//! progress copy from another day). On the desktop these are files in the data folder and
//! paths typed by the player; in a browser they are downloads and the file picker, because
//! a page cannot see the disk, and a school Chromebook may wipe the page's own storage when
//! the student signs out.

use std::path::Path;
use std::sync::Mutex;

/// The data folder's sub-folder that the desktop's exports go to.
pub const EXPORT_DIR: &str = "exports";

/// A file the player chose, tagged with the feature that asked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickedFile {
    pub purpose: &'static str,
    /// The file's name, without its folder.
    pub name: String,
    /// Its text, or why it could not be read.
    pub text: Result<String, String>,
}

/// Picked files wait here until their feature takes them (the browser delivers them later,
/// from its own event loop).
static PICKED: Mutex<Vec<PickedFile>> = Mutex::new(Vec::new());

fn deliver(mut file: PickedFile) {
    // A file saved as "UTF-8 with BOM" (Windows Notepad) is the same text without it.
    if let Ok(text) = &mut file.text
        && text.starts_with('\u{feff}')
    {
        text.drain(..'\u{feff}'.len_utf8());
    }
    PICKED.lock().unwrap_or_else(|e| e.into_inner()).push(file);
}

/// The files picked for `purpose` since the last call.
pub fn take_picked(purpose: &str) -> Vec<PickedFile> {
    let mut all = PICKED.lock().unwrap_or_else(|e| e.into_inner());
    let (mine, others): (Vec<_>, Vec<_>) = all.drain(..).partition(|f| f.purpose == purpose);
    *all = others;
    mine
}

/// Ask the player for a text file. In a browser this opens the file picker (`accept` lists
/// the extensions, such as `.gift,.txt`) and the file arrives through [`take_picked`] once
/// chosen. On the desktop the file at `typed_path` is read at once.
pub fn pick_text_file(purpose: &'static str, accept: &str, typed_path: &str) {
    imp::pick_text_file(purpose, accept, typed_path);
}

/// Hand a text file to the player: saved under `<data_dir>/exports/` on the desktop,
/// downloaded by the browser on the web. Returns a line telling the player where it went.
/// An earlier export is never overwritten: when `results.csv` is taken the file becomes
/// `results-2.csv`, then `results-3.csv`, …
pub fn export_text(data_dir: &Path, file_name: &str, text: &str) -> Result<String, String> {
    let name = |n: u32| {
        if n == 1 {
            return file_name.to_string();
        }
        match file_name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => format!("{stem}-{n}.{ext}"),
            _ => format!("{file_name}-{n}"),
        }
    };
    imp::export_numbered(data_dir, &name, 1, text)
}

/// [`export_text`] for files numbered by the caller (`campaign-1.csv`, `campaign-2.csv`):
/// `name(first)`, or the next number whose file does not exist yet.
pub fn export_numbered(
    data_dir: &Path,
    name: &dyn Fn(u32) -> String,
    first: u32,
    text: &str,
) -> Result<String, String> {
    imp::export_numbered(data_dir, name, first, text)
}

/// The MIME type a browser should give a download, from its extension.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn mime_for(file_name: &str) -> &'static str {
    match Path::new(file_name).extension().and_then(|e| e.to_str()) {
        Some("csv") => "text/csv;charset=utf-8",
        _ => "text/plain;charset=utf-8",
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::path::{Path, PathBuf};

    use super::{PickedFile, deliver};

    pub fn pick_text_file(purpose: &'static str, _accept: &str, typed_path: &str) {
        let path = PathBuf::from(typed_path.trim());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = if typed_path.trim().is_empty() {
            Err("type the path of the file first".to_string())
        } else {
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        };
        deliver(PickedFile {
            purpose,
            name,
            text,
        });
    }

    /// Most numbers tried before giving up (a folder of 10,000 exports is someone's mistake).
    const MAX_TRIES: u32 = 10_000;

    pub fn export_numbered(
        data_dir: &Path,
        name: &dyn Fn(u32) -> String,
        first: u32,
        text: &str,
    ) -> Result<String, String> {
        let dir = data_dir.join(super::EXPORT_DIR);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("Could not save in {}: {e}", dir.display()))?;
        for n in first..first.saturating_add(MAX_TRIES) {
            let path = dir.join(name(n));
            // Claim the name: only one export (of this game or another) can create it.
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(format!("Could not save {}: {e}", path.display())),
            }
            // Then fill the claimed (empty) file in one step, so it is never half written.
            return match crate::platform::storage::write_atomic(&path, text.as_bytes()) {
                Ok(()) => Ok(format!("Saved {}", path.display())),
                Err(e) => {
                    let _ = std::fs::remove_file(&path);
                    Err(format!("Could not save {}: {e}", path.display()))
                }
            };
        }
        Err(format!(
            "Could not save {}: {MAX_TRIES} exports of that name are already there",
            dir.join(name(first)).display()
        ))
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::path::Path;

    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;

    use super::{PickedFile, deliver, mime_for};

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    pub fn pick_text_file(purpose: &'static str, accept: &str, _typed_path: &str) {
        let input = document()
            .and_then(|d| d.create_element("input").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(input) = input else {
            deliver(PickedFile {
                purpose,
                name: String::new(),
                text: Err("this page cannot open a file picker".into()),
            });
            return;
        };
        input.set_type("file");
        input.set_accept(accept);
        let chosen = input.clone();
        let on_change = Closure::once(move || {
            let Some(file) = chosen.files().and_then(|list| list.get(0)) else {
                return;
            };
            let name = file.name();
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .map_err(|e| format!("{name}: cannot read: {e:?}"))
                    .and_then(|v| v.as_string().ok_or_else(|| format!("{name}: not text")));
                deliver(PickedFile {
                    purpose,
                    name,
                    text,
                });
            });
        });
        input.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        // The closure lives as long as the picker may call it; one small leak per pick.
        on_change.forget();
        // Called within a frame of the player's click, so the browser still counts it as
        // the player's own action and opens the picker.
        input.click();
    }

    /// A download never overwrites: the browser numbers a repeated name itself.
    pub fn export_numbered(
        _data_dir: &Path,
        name: &dyn Fn(u32) -> String,
        first: u32,
        text: &str,
    ) -> Result<String, String> {
        let file_name = &name(first);
        let fail = |e: JsValue| format!("The browser could not download {file_name}: {e:?}");
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime_for(file_name));
        let blob =
            web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
        let link = document()
            .and_then(|d| d.create_element("a").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            .ok_or_else(|| format!("The browser could not download {file_name}"))?;
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        // Release the download's memory once the browser has started it.
        let release = Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                release.unchecked_ref(),
                10_000,
            );
        }
        Ok(format!(
            "Downloaded {file_name} (see the browser's downloads)"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picked_file_goes_to_the_feature_that_asked_and_only_once() {
        let dir = std::env::temp_dir().join(format!("backlot-picked-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bank.gift");
        std::fs::write(&file, "::Q:: Yes? {T}").unwrap();
        pick_text_file("files-test-bank", ".gift", &file.to_string_lossy());
        pick_text_file("files-test-other", ".ron", "");
        let mine = take_picked("files-test-bank");
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].name, "bank.gift");
        assert_eq!(mine[0].text.as_deref(), Ok("::Q:: Yes? {T}"));
        assert!(take_picked("files-test-bank").is_empty(), "taken once");
        let other = take_picked("files-test-other");
        assert!(other[0].text.is_err(), "an empty path is a clear error");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn an_export_lands_in_the_exports_folder_and_says_where() {
        let dir = std::env::temp_dir().join(format!("backlot-export-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        let said = export_text(&dir, "results.csv", "team,stars\nA,3\n").expect("export");
        let path = dir.join("exports").join("results.csv");
        assert!(said.contains(&path.display().to_string()), "{said}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "team,stars\nA,3\n");
        assert_eq!(mime_for("results.csv"), "text/csv;charset=utf-8");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn an_export_never_overwrites_an_earlier_one() {
        let dir = std::env::temp_dir().join(format!("backlot-export-new-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        let exports = dir.join(EXPORT_DIR);
        for text in ["first", "second", "third"] {
            export_text(&dir, "results.csv", text).expect("export");
        }
        let read = |name: &str| std::fs::read_to_string(exports.join(name)).unwrap_or_default();
        assert_eq!(
            [
                read("results.csv"),
                read("results-2.csv"),
                read("results-3.csv")
            ],
            ["first", "second", "third"]
        );
        // Numbered by the caller: the next free number, whatever the first asked for.
        let name = |n: u32| format!("campaign-{n}.csv");
        let said = export_numbered(&dir, &name, 1, "a").expect("export");
        assert!(said.ends_with("campaign-1.csv"), "{said}");
        let said = export_numbered(&dir, &name, 1, "b").expect("export");
        assert!(said.ends_with("campaign-2.csv"), "{said}");
        assert_eq!([read("campaign-1.csv"), read("campaign-2.csv")], ["a", "b"]);
        // No name of the form is left behind by a failed write, and no stray files appear.
        let mut names: Vec<String> = std::fs::read_dir(&exports)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "campaign-1.csv",
                "campaign-2.csv",
                "results-2.csv",
                "results-3.csv",
                "results.csv"
            ]
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
