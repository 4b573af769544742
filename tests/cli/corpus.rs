//! The bad-input corpus (`tests/corpus/`): every content file, save, question bank and command
//! line broken the ways people break them, run through the real loaders and the `backlot`
//! binary. Each case must end without a panic, with a message naming the file (and the line
//! where there is one), with the right exit code, and with nothing lost: the damaged file is
//! still there, or kept as `.bak`, byte for byte.

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What a case's message must contain.
#[derive(Clone, Debug)]
enum Expect {
    Text(String),
    /// `path:LINE:` (a content file's syntax error).
    FileLine(String),
    /// `line N` (a question bank's error).
    Line,
}

/// How a case runs: the binary with arguments, or a loader of the library.
enum Run {
    Command(Vec<String>),
    Library(Box<dyn Fn() -> Option<String> + Send + Sync>),
}

struct Case {
    name: String,
    run: Run,
    /// The exit code the command must give (for a loader: 0 means no warning, 1 a warning).
    exit: i32,
    expect: Vec<Expect>,
    /// Files that must still hold these bytes afterwards (the damaged one, or its backup).
    kept: Vec<(PathBuf, Vec<u8>)>,
}

#[derive(Default)]
struct Tally {
    cases: usize,
    panics: usize,
    clear_errors: usize,
    accepted: usize,
    wrong_exit: usize,
    unclear: usize,
    lost: usize,
    failures: Vec<String>,
}

/// The binary under test: this build's, or the one `BACKLOT_BIN` names (a release build, or a
/// copy taken before another checkout sharing the target folder rebuilt it).
fn binary() -> PathBuf {
    std::env::var_os("BACKLOT_BIN")
        .map_or_else(|| env!("CARGO_BIN_EXE_backlot").into(), PathBuf::from)
}

fn backlot(args: &[String]) -> (Option<i32>, String) {
    let out = Command::new(binary())
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("BACKLOT_ASSETS", Path::new(ROOT).join("assets"))
        .output()
        .expect("run backlot");
    let mut text = String::from_utf8_lossy(&out.stderr).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stdout));
    (out.status.code(), text)
}

/// `path:` followed by a line number and `:`.
fn names_line(text: &str, path: &str) -> bool {
    text.match_indices(&format!("{path}:"))
        .any(|(i, m)| text[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
}

fn judge(case: &Case, tally: &mut Tally) {
    let (code, text) = match &case.run {
        Run::Command(args) => backlot(args),
        Run::Library(load) => match std::panic::catch_unwind(std::panic::AssertUnwindSafe(load)) {
            Ok(None) => (Some(0), String::new()),
            Ok(Some(warning)) => (Some(1), warning),
            Err(_) => (Some(101), "panicked".into()),
        },
    };
    tally.cases += 1;
    let mut wrong = Vec::new();
    if code == Some(101) || code.is_none() || text.contains("panicked") {
        tally.panics += 1;
        wrong.push("panicked");
    }
    if code != Some(case.exit) {
        tally.wrong_exit += 1;
        wrong.push("wrong exit code");
    }
    let clear = case.expect.iter().all(|e| match e {
        Expect::Text(t) => text.contains(t.as_str()),
        Expect::FileLine(path) => names_line(&text, path),
        Expect::Line => names_line(&text.replace("line ", "line:"), "line"),
    });
    if !clear {
        tally.unclear += 1;
        wrong.push("unclear message");
    }
    let lost = case
        .kept
        .iter()
        .any(|(path, bytes)| std::fs::read(path).ok().as_ref() != Some(bytes));
    if lost {
        tally.lost += 1;
        wrong.push("data lost");
    }
    if wrong.is_empty() {
        if case.exit == 0 {
            tally.accepted += 1;
        } else {
            tally.clear_errors += 1;
        }
    } else {
        tally.failures.push(format!(
            "{}: {} (exit {code:?}, expected {}; wanted {:?})\n{text}",
            case.name,
            wrong.join(", "),
            case.exit,
            case.expect
        ));
    }
}

fn temp_root() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backlot-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A fresh folder for one case.
fn case_dir(root: &Path, name: &str) -> PathBuf {
    let dir = root.join(name.replace(['/', ' '], "_"));
    std::fs::create_dir_all(&dir).expect("case dir");
    dir
}

fn text_of(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn s(path: &Path) -> String {
    path.display().to_string()
}

/// The simple damages, made from a real file's bytes: (name, bytes, accepted?, line?).
fn damages(real: &[u8]) -> Vec<(&'static str, Vec<u8>, bool, bool)> {
    let text = String::from_utf8_lossy(real);
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(real);
    vec![
        ("truncated", text[..half].as_bytes().to_vec(), false, true),
        ("empty", Vec::new(), false, true),
        (
            "binary",
            vec![
                0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 0x01, 0x80, 0x00, 0x7f,
            ],
            false,
            false,
        ),
        (
            "text-junk",
            b"<html><body>not content</body></html>\n".to_vec(),
            false,
            true,
        ),
        ("bom", bom, true, false),
        ("crlf", text.replace('\n', "\r\n").into_bytes(), true, false),
    ]
}

/// Every real content file, damaged the simple ways, checked on its own by name.
fn generated_content_cases(root: &Path, cases: &mut Vec<Case>) {
    for folder in ["assets", "scenes"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join(folder))
            .expect("content folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        files.sort();
        for real in files {
            let name = real
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&real).expect("read");
            for (damage, broken, accepted, line) in damages(&bytes) {
                let case = format!("content {folder}/{name} {damage}");
                let path = case_dir(root, &case).join(folder).join(&name);
                std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
                std::fs::write(&path, &broken).expect("write case");
                let expect = match (accepted, line) {
                    (true, _) => vec![Expect::Text("all content files are valid".into())],
                    (false, true) => vec![Expect::FileLine(s(&path))],
                    (false, false) => vec![Expect::Text(format!("{}: cannot read", s(&path)))],
                };
                cases.push(Case {
                    name: case,
                    run: Run::Command(vec!["check-content".into(), s(&path)]),
                    exit: if accepted { 0 } else { 1 },
                    expect,
                    kept: vec![(path, broken)],
                });
            }
        }
    }
}

/// One hand-written `.edit`: a real file with `find:`/`replace:` pairs applied, checked as
/// part of a whole copied folder.
fn edit_case(root: &Path, edit: &Path) -> Case {
    let name = format!(
        "content {}",
        edit.file_stem().expect("stem").to_string_lossy()
    );
    let (mut folder, mut file, mut finds, mut replaces, mut expect) = (
        "assets".to_string(),
        String::new(),
        Vec::new(),
        Vec::new(),
        None,
    );
    for line in text_of(edit).lines().filter(|l| !l.starts_with('#')) {
        let Some((key, value)) = line.split_once(": ") else {
            continue;
        };
        match key {
            "folder" => folder = value.to_string(),
            "file" => file = value.to_string(),
            "find" => finds.push(value.to_string()),
            "replace" => replaces.push(value.to_string()),
            "expect" => expect = Some(value.to_string()),
            other => panic!("{}: unknown key {other}", edit.display()),
        }
    }
    assert_eq!(finds.len(), replaces.len(), "{}", edit.display());
    let dir = case_dir(root, &name).join(&folder);
    std::fs::create_dir_all(&dir).expect("folder");
    for real in std::fs::read_dir(Path::new(ROOT).join(&folder))
        .expect("content")
        .flatten()
    {
        if real.path().extension().is_some_and(|e| e == "ron") {
            std::fs::copy(real.path(), dir.join(real.file_name())).expect("copy");
        }
    }
    let path = dir.join(&file);
    let mut text = text_of(&path);
    for (find, replace) in finds.iter().zip(&replaces) {
        assert!(
            text.contains(find.as_str()),
            "{}: '{find}' not in {file}",
            edit.display()
        );
        text = text.replacen(find.as_str(), replace, 1);
    }
    std::fs::write(&path, &text).expect("write case");
    let expect = match expect.as_deref() {
        Some("line") => vec![Expect::FileLine(s(&path))],
        Some(words) => vec![Expect::Text(s(&path)), Expect::Text(words.to_string())],
        None => panic!("{}: no expect", edit.display()),
    };
    Case {
        name,
        run: Run::Command(vec!["check-content".into(), s(&dir)]),
        exit: 1,
        expect,
        kept: vec![(path, text.into_bytes())],
    }
}

fn edit_cases(root: &Path, cases: &mut Vec<Case>) {
    let mut edits: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("tests/corpus/content"))
        .expect("corpus content")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "edit"))
        .collect();
    edits.sort();
    for edit in edits {
        cases.push(edit_case(root, &edit));
    }
}

/// A bank checked by `check-content` and imported by `import-bank --replace` over a good
/// replacement, which must survive a refused import.
fn bank_cases_for(
    root: &Path,
    file: &str,
    bytes: &[u8],
    exit: i32,
    expect: &[Expect],
) -> [Case; 2] {
    let dir = case_dir(root, &format!("bank {file}"));
    let path = dir.join(file);
    std::fs::write(&path, bytes).expect("write bank");
    let data = dir.join("data");
    let good = Path::new(ROOT).join("tests/corpus/banks/good.gift");
    let installed = data.join("banks").join("stop3-replace-good.gift");
    let status = Command::new(binary())
        .args([
            "import-bank",
            &s(&good),
            "--stop",
            "3",
            "--replace",
            "--data-dir",
            &s(&data),
        ])
        .status()
        .expect("install the good bank");
    assert!(status.success(), "good bank installs");
    let mut expect = expect.to_vec();
    if exit != 0 {
        expect.push(Expect::Text(file.to_string()));
    }
    let mut kept = vec![(path.clone(), bytes.to_vec())];
    if exit != 0 {
        // A refused replacement leaves the old one in place.
        kept.push((installed, std::fs::read(&good).expect("good bank")));
    }
    let import = vec![
        "import-bank".into(),
        s(&path),
        "--stop".into(),
        "3".into(),
        "--replace".into(),
        "--data-dir".into(),
        s(&data),
    ];
    [
        Case {
            name: format!("bank {file} check-content"),
            run: Run::Command(vec!["check-content".into(), s(&path)]),
            exit,
            expect: expect.clone(),
            kept: vec![(path.clone(), bytes.to_vec())],
        },
        Case {
            name: format!("bank {file} import-bank"),
            run: Run::Command(import),
            exit,
            expect,
            kept,
        },
    ]
}

fn bank_cases(root: &Path, cases: &mut Vec<Case>) {
    let banks = Path::new(ROOT).join("tests/corpus/banks");
    for line in text_of(&banks.join("expect.txt")).lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let exit: i32 = fields[1].parse().expect("exit code");
        let expect: Vec<Expect> = match fields.get(2) {
            Some(&"line 1") => vec![Expect::Line, Expect::Text("line 1".into())],
            Some(words) => vec![Expect::Text((*words).to_string())],
            None => Vec::new(),
        };
        let bytes = std::fs::read(banks.join(fields[0])).expect("bank");
        cases.extend(bank_cases_for(root, fields[0], &bytes, exit, &expect));
    }
    // Made from the good banks: the damages a file picks up on its way from another computer.
    let good = std::fs::read(banks.join("good.gift")).expect("good.gift");
    let aiken = std::fs::read(banks.join("good.aiken")).expect("good.aiken");
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(&good);
    let crlf = String::from_utf8_lossy(&aiken).replace('\n', "\r\n");
    let huge = format!("::Huge:: {} {{=a ~b\n", "word ".repeat(200_000));
    let nul = b"::Q:: Which?\0\0 {=a\0 ~b\n".to_vec();
    let made: [(&str, Vec<u8>, i32, Vec<Expect>); 7] = [
        ("bom.gift", bom, 0, Vec::new()),
        ("crlf.aiken", crlf.into_bytes(), 0, Vec::new()),
        ("huge-line.gift", huge.into_bytes(), 1, vec![Expect::Line]),
        ("nul-bytes.gift", nul, 1, vec![Expect::Line]),
        (
            "empty.gift",
            Vec::new(),
            1,
            vec![Expect::Text("no questions".into())],
        ),
        (
            "binary.aiken",
            vec![0xff, 0xd8, 0xff, 0xe0, 0, 0x10],
            1,
            vec![Expect::Text("cannot read".into())],
        ),
        ("cut.aiken", aiken[..40].to_vec(), 1, vec![Expect::Line]),
    ];
    for (file, bytes, exit, expect) in made {
        cases.extend(bank_cases_for(root, file, &bytes, exit, &expect));
    }
}

/// The damages every save can suffer: (name, bytes or `None` for a folder in its place).
fn save_damages(valid: &str) -> Vec<(&'static str, Option<Vec<u8>>)> {
    vec![
        (
            "truncated",
            Some(valid.as_bytes()[..valid.len() / 2].to_vec()),
        ),
        ("invalid-utf8", Some(b"(version: \xff\xfe\xfd)".to_vec())),
        ("binary", Some(vec![0, 1, 2, 0xff, 0x80, 0, 0x1b, b'['])),
        ("empty", Some(Vec::new())),
        ("folder", None),
    ]
}

/// Put a damaged save (or a folder with a file in it) at `path`; returns what must be kept.
fn plant(path: &Path, damage: &Option<Vec<u8>>) -> (PathBuf, Vec<u8>) {
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    match damage {
        Some(bytes) => {
            std::fs::write(path, bytes).expect("write save");
            (path.to_path_buf(), bytes.clone())
        }
        None => {
            std::fs::create_dir_all(path).expect("folder in place");
            let inside = path.join("inside.txt");
            std::fs::write(&inside, b"kept").expect("file inside");
            (inside, b"kept".to_vec())
        }
    }
}

type Loader = fn(&Path) -> Option<String>;

/// The game's own loaders of each save, given the save folder; each returns its warning.
fn loaders() -> [(&'static str, &'static str, Loader, &'static str); 5] {
    use backlot::classroom::camp::model::CampStore;
    use backlot::classroom::poll::model::PollArchive;
    use backlot::tour::model::level_save::{self, LevelLoad};
    use backlot::tour::model::progress::SaveStore;
    [
        (
            "progress",
            "progress.ron",
            |d| SaveStore::new(d).load().warning,
            "(version: 1, stops: [])",
        ),
        (
            "settings",
            "settings.ron",
            |d| backlot::ui::theme::read_settings(&d.join("settings.ron")).1,
            "(scale: 1.25, reduced_motion: true)",
        ),
        (
            "camp",
            "camp.ron",
            |d| CampStore::new(d).load().1,
            "(version: 1, session: None)",
        ),
        (
            "class polls",
            "class_polls.ron",
            |d| PollArchive::load(d).1,
            "(tallies: [])",
        ),
        (
            "level save",
            "levels/stop2.ron",
            |d| match level_save::load::<ron::Value>(d, 2) {
                LevelLoad::Damaged(warning) => Some(warning),
                _ => None,
            },
            "(stop: 2, level: (shots: [1, 2, 3]))",
        ),
    ]
}

fn save_cases(root: &Path, cases: &mut Vec<Case>) {
    for (kind, file, load, valid) in loaders() {
        for (damage, bytes) in save_damages(valid) {
            let name = format!("save {kind} {damage}");
            let dir = case_dir(root, &name);
            let path = dir.join(file);
            let (inside, keep) = plant(&path, &bytes);
            // Set aside as `<file>.bak`, byte for byte (a folder with what was in it).
            let bak = PathBuf::from(format!("{}.bak", s(&path)));
            let kept_at = match &bytes {
                Some(_) => bak.clone(),
                None => bak.join(inside.file_name().expect("name")),
            };
            cases.push(Case {
                name,
                run: Run::Library(Box::new(move || load(&dir))),
                exit: 1,
                expect: vec![Expect::Text(s(&path)), Expect::Text(s(&bak))],
                kept: vec![(kept_at, keep)],
            });
        }
    }
    // Hand-written: values that parse but are wrong.
    let saves = Path::new(ROOT).join("tests/corpus/saves");
    let written: [(&str, &str, Loader, &str, bool); 5] = [
        (
            "settings-nan.ron",
            "settings.ron",
            loaders()[1].2,
            "out of range",
            false,
        ),
        (
            "settings-out-of-range.ron",
            "settings.ron",
            loaders()[1].2,
            "out of range",
            false,
        ),
        (
            "progress-wrong-types.ron",
            "progress.ron",
            loaders()[0].2,
            "damaged",
            true,
        ),
        (
            "level-of-another-stop.ron",
            "levels/stop2.ron",
            loaders()[4].2,
            "belongs to stop 3",
            true,
        ),
        (
            "progress-from-the-future.ron",
            "progress.ron",
            loaders()[0].2,
            "newer Backlot",
            true,
        ),
    ];
    for (sample, file, load, words, set_aside) in written {
        let name = format!("save {sample}");
        let dir = case_dir(root, &name);
        let path = dir.join(file);
        let bytes = std::fs::read(saves.join(sample)).expect("sample");
        plant(&path, &Some(bytes.clone()));
        let kept_at = if set_aside {
            PathBuf::from(format!("{}.bak", s(&path)))
        } else {
            path.clone()
        };
        cases.push(Case {
            name,
            run: Run::Library(Box::new(move || load(&dir))),
            exit: 1,
            expect: vec![Expect::Text(s(&path)), Expect::Text(words.into())],
            kept: vec![(kept_at, bytes)],
        });
    }
}

/// Profiles and their progress, read by `backlot class-results` (which changes nothing).
fn profile_cases(root: &Path, cases: &mut Vec<Case>) {
    let no_name =
        std::fs::read(Path::new(ROOT).join("tests/corpus/saves/profile-without-a-name.ron"))
            .expect("sample");
    let valid = "(name: \"Ana\", created: \"2026-12-02\")";
    let mut damages = save_damages(valid);
    damages.push(("no-name", Some(no_name)));
    for file in ["profile.ron", "progress.ron"] {
        for (damage, bytes) in &damages {
            if file == "progress.ron" && *damage == "no-name" {
                continue;
            }
            let name = format!("save profiles/ana/{file} {damage}");
            let dir = case_dir(root, &name);
            let ana = dir.join("data/profiles/ana");
            if file == "progress.ron" {
                std::fs::create_dir_all(&ana).expect("profile");
                std::fs::write(ana.join("profile.ron"), valid).expect("profile");
            }
            let path = ana.join(file);
            let kept = plant(&path, bytes);
            cases.push(Case {
                name,
                run: Run::Command(vec![
                    "class-results".into(),
                    "--data-dir".into(),
                    s(&dir.join("data")),
                    "--out".into(),
                    s(&dir.join("results.csv")),
                ]),
                exit: 1,
                expect: vec![
                    Expect::Text(s(&path)),
                    Expect::Text("no student profiles".into()),
                ],
                kept: vec![kept],
            });
        }
    }
}

fn command_cases(root: &Path, cases: &mut Vec<Case>) {
    let corpus = Path::new(ROOT).join("tests/corpus");
    for (i, line) in text_of(&corpus.join("commands.txt")).lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let dir = case_dir(root, &format!("command {i}"));
        let missing = dir.join("no-such-folder");
        let fill = |t: &str| {
            t.replace("{tmp}", &s(&dir))
                .replace("{missing}", &s(&missing))
                .replace("{corpus}", &s(&corpus))
        };
        cases.push(Case {
            name: format!("command `{}`", fields[2]),
            run: Run::Command(fields[2].split(' ').map(fill).collect()),
            exit: fields[0].parse().expect("exit code"),
            expect: vec![Expect::Text(fill(fields[1]))],
            kept: Vec::new(),
        });
    }
}

#[test]
fn the_bad_input_corpus_is_refused_clearly_without_panics_or_loss() {
    let root = temp_root();
    let mut cases = Vec::new();
    generated_content_cases(&root, &mut cases);
    edit_cases(&root, &mut cases);
    bank_cases(&root, &mut cases);
    save_cases(&root, &mut cases);
    profile_cases(&root, &mut cases);
    command_cases(&root, &mut cases);
    // A few at a time: each case is mostly a process start.
    let workers = 4;
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let cases = &cases;
                scope.spawn(move || {
                    let mut tally = Tally::default();
                    for case in cases.iter().skip(w).step_by(workers) {
                        judge(case, &mut tally);
                    }
                    tally
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker"))
            .collect()
    });
    let mut all = Tally::default();
    for t in tallies {
        all.cases += t.cases;
        all.panics += t.panics;
        all.clear_errors += t.clear_errors;
        all.accepted += t.accepted;
        all.wrong_exit += t.wrong_exit;
        all.unclear += t.unclear;
        all.lost += t.lost;
        all.failures.extend(t.failures);
    }
    println!(
        "corpus: {} cases, {} panics, {} clear errors, {} accepted as valid, {} wrong exit codes, {} unclear, {} data lost",
        all.cases,
        all.panics,
        all.clear_errors,
        all.accepted,
        all.wrong_exit,
        all.unclear,
        all.lost
    );
    assert!(all.failures.is_empty(), "{}", all.failures.join("\n\n"));
    assert_eq!(all.cases, cases.len());
    let _ = std::fs::remove_dir_all(&root);
}
