//! Where saved files live: real files on the desktop, the browser's `localStorage` on the web.
//!
//! Every save of the game (progress, settings, camp, class polls, imported banks, exports)
//! goes through these few functions, so the promises are the same on both: a write is one
//! atomic step, a missing file reads as `NotFound`, a damaged one can be moved aside. In the
//! browser a path such as `backlot/progress.ron` is the key itself, one key per file, and
//! each write is a single `setItem` call (all or nothing).

use std::io;
use std::path::{Path, PathBuf};

/// Where saves live, for the player: "in files on this computer" or "in this browser".
pub const WHERE_SAVES_LIVE: &str = if cfg!(target_arch = "wasm32") {
    "in this browser (a shared computer may clear it: keep a copy)"
} else {
    "in files on this computer"
};

/// Read a whole text file. A missing file is `ErrorKind::NotFound`.
pub fn read_to_string(path: &Path) -> io::Result<String> {
    imp::read_to_string(path)
}

/// Replace `path` with `bytes` in one step: no reader ever sees half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    imp::write_atomic(path, bytes)
}

/// Move a file (used to keep a damaged save aside as `.bak`).
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    imp::rename(from, to)
}

/// Delete a file. Deleting a missing file is `NotFound`.
pub fn remove_file(path: &Path) -> io::Result<()> {
    imp::remove_file(path)
}

/// The files directly inside `dir`, sorted. A missing folder is an empty list.
pub fn list_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = imp::list_files(dir);
    files.sort();
    files
}

/// The folders directly inside `dir`, sorted. A missing folder is an empty list. In a browser a
/// folder is every key prefix that has a key below it (`dir/maya/progress.ron` makes `maya`).
pub fn list_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs = imp::list_dirs(dir);
    dirs.sort();
    dirs.dedup();
    dirs
}

/// Where saves go when nobody chose: the platform data directory on the desktop (for example
/// `~/.local/share/backlot` on Linux), the `backlot/` key prefix in a browser.
pub fn default_data_dir() -> PathBuf {
    imp::default_data_dir()
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::fs;
    use std::io::{self, Write};
    use std::path::{Path, PathBuf};

    pub fn read_to_string(path: &Path) -> io::Result<String> {
        fs::read_to_string(path)
    }

    /// Temporary file in the same folder, flushed to disk, then renamed over the old file.
    pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "save".into());
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
        }
        fs::rename(&tmp, path)
    }

    pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    pub fn remove_file(path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    pub fn list_files(dir: &Path) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(dir) else {
            return Vec::new();
        };
        entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect()
    }

    pub fn list_dirs(dir: &Path) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(dir) else {
            return Vec::new();
        };
        entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect()
    }

    pub fn default_data_dir() -> PathBuf {
        directories::ProjectDirs::from("org", "Backlot", "backlot")
            .map(|d| d.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from("backlot-data"))
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::io;
    use std::path::{Path, PathBuf};

    use wasm_bindgen::JsCast;

    /// The page's `localStorage`, or why there is none (private mode, blocked by policy).
    fn storage() -> io::Result<web_sys::Storage> {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or_else(|| {
                io::Error::other("this browser does not let the page keep data (localStorage)")
            })
    }

    /// A path as a storage key: forward slashes, no leading `./`.
    fn key(path: &Path) -> String {
        path.to_string_lossy()
            .replace('\\', "/")
            .trim_start_matches("./")
            .to_string()
    }

    /// The browser's error (for example `QuotaExceededError`) as a readable message.
    fn js_error(e: wasm_bindgen::JsValue) -> io::Error {
        let text = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| format!("{}: {}", d.name(), d.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| format!("{e:?}"));
        io::Error::other(format!("the browser refused to store it ({text})"))
    }

    pub fn read_to_string(path: &Path) -> io::Result<String> {
        storage()?
            .get_item(&key(path))
            .map_err(js_error)?
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    }

    pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not text"))?;
        storage()?.set_item(&key(path), text).map_err(js_error)
    }

    pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
        let text = read_to_string(from)?;
        write_atomic(to, text.as_bytes())?;
        remove_file(from)
    }

    pub fn remove_file(path: &Path) -> io::Result<()> {
        let store = storage()?;
        let k = key(path);
        if store.get_item(&k).map_err(js_error)?.is_none() {
            return Err(io::ErrorKind::NotFound.into());
        }
        store.remove_item(&k).map_err(js_error)
    }

    pub fn list_files(dir: &Path) -> Vec<PathBuf> {
        let Ok(store) = storage() else {
            return Vec::new();
        };
        let prefix = format!("{}/", key(dir).trim_end_matches('/'));
        let count = store.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| store.key(i).ok().flatten())
            .filter(|k| {
                k.strip_prefix(&prefix)
                    .is_some_and(|rest| !rest.contains('/'))
            })
            .map(PathBuf::from)
            .collect()
    }

    pub fn list_dirs(dir: &Path) -> Vec<PathBuf> {
        let Ok(store) = storage() else {
            return Vec::new();
        };
        let base = key(dir).trim_end_matches('/').to_string();
        let prefix = format!("{base}/");
        let count = store.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| store.key(i).ok().flatten())
            .filter_map(|k| {
                let rest = k.strip_prefix(&prefix)?;
                let (first, _) = rest.split_once('/')?;
                (!first.is_empty()).then(|| PathBuf::from(format!("{prefix}{first}")))
            })
            .collect()
    }

    pub fn default_data_dir() -> PathBuf {
        PathBuf::from("backlot")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_written_atomically_reads_back_lists_moves_and_deletes() {
        let dir = std::env::temp_dir().join(format!("backlot-storage-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let file = dir.join("a.ron");
        assert_eq!(
            read_to_string(&file).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        assert!(
            list_files(&dir).is_empty() && list_dirs(&dir).is_empty(),
            "a missing folder lists nothing"
        );
        write_atomic(&file, b"one").expect("write");
        write_atomic(&file, b"two").expect("overwrite");
        assert_eq!(read_to_string(&file).unwrap(), "two");
        assert_eq!(
            list_files(&dir),
            vec![file.clone()],
            "no temporary file left"
        );
        let bak = dir.join("a.ron.bak");
        rename(&file, &bak).expect("rename");
        assert_eq!(read_to_string(&bak).unwrap(), "two");
        write_atomic(&dir.join("sub").join("b.ron"), b"b").expect("write below");
        assert_eq!(list_dirs(&dir), vec![dir.join("sub")], "folders, not files");
        assert_eq!(list_files(&dir), vec![bak.clone()], "files, not folders");
        std::fs::remove_dir_all(dir.join("sub")).ok();
        remove_file(&bak).expect("remove");
        assert_eq!(
            remove_file(&bak).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
