//! Where saved files live: real files on the desktop, the browser's `localStorage` on the web.
//!
//! Every save of the game (progress, settings, camp, class polls, imported banks, exports)
//! goes through these few functions, so the promises are the same on both: a write is one
//! atomic step, a missing file reads as `NotFound`, a damaged one can be moved aside. In the
//! browser a path such as `backlot/progress.ron` is the key itself, one key per file, and
//! each write is a single `setItem` call (all or nothing).
//!
//! A file that cannot be read is never written over: [`set_aside`] moves it to the first free
//! numbered backup beside it (`x.ron.bak`, `x.ron.bak2`, …) and never replaces an earlier one.
//! Text read here loses a leading UTF-8 byte order mark (Windows Notepad writes one).

use std::io;
use std::path::{Path, PathBuf};

/// Where saves live, for the player: "in files on this computer" or "in this browser".
pub const WHERE_SAVES_LIVE: &str = if cfg!(target_arch = "wasm32") {
    "in this browser (a shared computer may clear it: keep a copy)"
} else {
    "in files on this computer"
};

/// Backups kept beside a damaged file: `.bak`, `.bak2`, … up to this many.
pub const MAX_BACKUPS: u32 = 99;

/// `text` without a leading UTF-8 byte order mark (Windows Notepad's "UTF-8 with BOM").
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Read a whole text file, without a leading byte order mark. A missing file is
/// `ErrorKind::NotFound`.
pub fn read_to_string(path: &Path) -> io::Result<String> {
    let text = imp::read_to_string(path)?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Replace `path` with `bytes` in one step: no reader ever sees half a file. On the desktop:
/// a temporary file beside it, written and synced to disk, renamed over `path`, then the folder
/// synced so the rename itself survives a power cut. On any failure the temporary file is
/// removed and the old file is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    imp::write_atomic(path, bytes)
}

/// Whether anything (a file, a folder, a key) is at `path`; an error when that cannot be told.
pub fn exists(path: &Path) -> io::Result<bool> {
    imp::exists(path)
}

/// The numbered backup names beside `path`, in order: `x.ron.bak`, `x.ron.bak2`, ….
pub fn backup_names(path: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (1..=MAX_BACKUPS).map(move |n| {
        let suffix = if n == 1 {
            ".bak".to_string()
        } else {
            format!(".bak{n}")
        };
        path.with_file_name(format!("{name}{suffix}"))
    })
}

/// The first numbered backup name beside `path` with nothing there yet.
pub fn free_backup(path: &Path) -> io::Result<PathBuf> {
    for candidate in backup_names(path) {
        if !exists(&candidate)? {
            return Ok(candidate);
        }
    }
    Err(io::Error::other(format!(
        "{MAX_BACKUPS} backups of {} already exist",
        path.display()
    )))
}

/// Move a file that cannot be read (or whatever is in its place, a folder too) to the first
/// free numbered backup beside it, so an earlier backup is never replaced. Returns where it
/// went.
pub fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let backup = free_backup(path)?;
    rename(path, &backup)?;
    Ok(backup)
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
    use std::sync::atomic::{AtomicU64, Ordering};

    pub fn read_to_string(path: &Path) -> io::Result<String> {
        fs::read_to_string(path)
    }

    /// Tells apart two writes of the same file from one process.
    static WRITES: AtomicU64 = AtomicU64::new(0);

    /// Temporary file in the same folder, written and synced, renamed over the old file, then
    /// the folder synced. A failure removes the temporary file and returns the error.
    pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        fs::create_dir_all(dir)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "save".into());
        let tmp = dir.join(format!(
            ".{name}.tmp-{}-{}",
            std::process::id(),
            WRITES.fetch_add(1, Ordering::Relaxed)
        ));
        if let Err(e) = write_and_rename(&tmp, path, bytes) {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        sync_dir(dir)
    }

    /// Write `bytes` to the new file `tmp`, sync it, and rename it over `path`.
    fn write_and_rename(tmp: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(tmp, path)
    }

    /// Make a rename in `dir` durable. Only Unix can open a folder to sync it; a file system
    /// that cannot sync folders (it says "invalid input" or "unsupported") is not an error.
    #[cfg(unix)]
    fn sync_dir(dir: &Path) -> io::Result<()> {
        match fs::File::open(dir).and_then(|d| d.sync_all()) {
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
                ) =>
            {
                Ok(())
            }
            other => other,
        }
    }

    /// Elsewhere (Windows) the standard library cannot open a folder to sync it: the file's
    /// own sync before the rename is what there is.
    #[cfg(not(unix))]
    fn sync_dir(_dir: &Path) -> io::Result<()> {
        Ok(())
    }

    pub fn exists(path: &Path) -> io::Result<bool> {
        match fs::symlink_metadata(path) {
            Ok(_) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
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

    pub fn exists(path: &Path) -> io::Result<bool> {
        Ok(storage()?.get_item(&key(path)).map_err(js_error)?.is_some())
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

    fn fresh_dir(name: &str) -> PathBuf {
        let dir = crate::testing::temp_data_dir(&format!("storage-{name}"));
        std::fs::create_dir_all(&dir).expect("dir");
        dir
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn set_aside_numbers_backups_and_never_replaces_one() {
        let dir = fresh_dir("set-aside");
        let file = dir.join("x.ron");
        for round in 1..=4 {
            std::fs::write(&file, format!("copy {round}")).expect("write");
            let kept = set_aside(&file).expect("set aside");
            let expected = if round == 1 {
                "x.ron.bak".to_string()
            } else {
                format!("x.ron.bak{round}")
            };
            assert_eq!(kept, dir.join(&expected));
            assert!(!file.exists());
        }
        for round in 1..=4 {
            let name = if round == 1 {
                "x.ron.bak".to_string()
            } else {
                format!("x.ron.bak{round}")
            };
            assert_eq!(
                std::fs::read_to_string(dir.join(name)).expect("kept"),
                format!("copy {round}")
            );
        }
        // A folder in the file's place is moved aside whole; a gap is filled, nothing replaced.
        std::fs::remove_file(dir.join("x.ron.bak2")).expect("gap");
        std::fs::create_dir_all(file.join("sub")).expect("folder");
        assert_eq!(set_aside(&file).expect("folder"), dir.join("x.ron.bak2"));
        assert!(dir.join("x.ron.bak2").join("sub").is_dir());
        assert_eq!(
            std::fs::read_to_string(dir.join("x.ron.bak3")).expect("untouched"),
            "copy 3"
        );
        // Nothing there: nothing to move.
        assert!(set_aside(&file).is_err());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_failed_write_removes_its_temporary_file_and_keeps_the_old_one() {
        let dir = fresh_dir("failed-write");
        // The target is a non-empty folder: the temporary file is written, the rename fails.
        let target = dir.join("a.ron");
        std::fs::create_dir_all(target.join("inside")).expect("folder");
        assert!(write_atomic(&target, b"new").is_err());
        assert_eq!(names_in(&dir), ["a.ron"], "no temporary file left");
        assert!(
            target.join("inside").is_dir(),
            "what was there is untouched"
        );
        // The folder to write in is a file: an error, and nothing appears.
        std::fs::write(dir.join("file"), "text").expect("file");
        assert!(write_atomic(&dir.join("file").join("b.ron"), b"new").is_err());
        assert_eq!(names_in(&dir), ["a.ron", "file"]);
        // A good write beside them leaves only its file.
        write_atomic(&dir.join("c.ron"), b"ok").expect("write");
        assert_eq!(names_in(&dir), ["a.ron", "c.ron", "file"]);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        let dir = fresh_dir("bom");
        let file = dir.join("bom.ron");
        std::fs::write(&file, "\u{feff}(a: 1)").expect("write");
        assert_eq!(read_to_string(&file).expect("read"), "(a: 1)");
        assert_eq!(without_bom("\u{feff}x"), "x");
        assert_eq!(without_bom("x\u{feff}"), "x\u{feff}", "only a leading one");
        std::fs::remove_dir_all(&dir).ok();
    }
}
