//! The headless subcommands, run as a teacher would: no window, plain text, exit codes.

use std::process::{Command, Output};

// The corpus runner lives beside this file; `tests/corpus/` holds its data.
#[path = "cli/corpus.rs"]
mod corpus;

fn backlot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_backlot"))
        .args(args)
        // Headless subcommands must never need a display.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run backlot")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn timecode_converts_both_ways_without_a_window() {
    let o = backlot(&["timecode", "29.97df", "1800", "00:10:00;00", "107892"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].contains("00:01:00;02"), "{lines:?}");
    assert!(lines[1].contains("17982"), "{lines:?}");
    assert!(lines[2].contains("01:00:00;00"), "{lines:?}");
}

#[test]
fn timecode_rejects_impossible_labels_with_exit_2() {
    let o = backlot(&["timecode", "29.97df", "00:01:00;00", "24"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("00:01:00;00"), "{}", stderr(&o));
    // The good value is still converted.
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = backlot(&["timecode", "31", "10"]);
    assert_eq!(o.status.code(), Some(2), "unknown rate");
}

#[test]
fn check_content_passes_the_bundled_files_and_names_line_and_column() {
    let assets = concat!(env!("CARGO_MANIFEST_DIR"), "/assets");
    let o = backlot(&["check-content", assets]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let dir = std::env::temp_dir().join(format!("backlot-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for f in std::fs::read_dir(assets).expect("assets") {
        let f = f.expect("entry").path();
        if f.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&f, dir.join(f.file_name().expect("name"))).expect("copy");
        }
    }
    std::fs::write(
        dir.join("conclusion.ron"),
        "(\n  careers: [\n    (title: \"x\",,\n  ]\n)",
    )
    .expect("break a file");
    let o = backlot(&["check-content", dir.to_str().expect("utf-8 path")]);
    assert_ne!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(err.contains("conclusion.ron:3:"), "file and line: {err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_content_validates_the_scenes_folder() {
    let scenes = concat!(env!("CARGO_MANIFEST_DIR"), "/scenes");
    let o = backlot(&["check-content", scenes]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let dir = std::env::temp_dir().join(format!("backlot-cli-scenes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for f in std::fs::read_dir(scenes).expect("scenes") {
        let f = f.expect("entry").path();
        std::fs::copy(&f, dir.join(f.file_name().expect("name"))).expect("copy");
    }
    let tokyo = std::fs::read_to_string(dir.join("tokyo.ron")).expect("tokyo");
    std::fs::write(dir.join("tokyo.ron"), tokyo.replacen("seed:", "seed: [", 1)).expect("break");
    let o = backlot(&["check-content", dir.to_str().expect("utf-8 path")]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("tokyo.ron:"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_content_reads_a_gift_bank_and_numbers_its_errors() {
    let dir = std::env::temp_dir().join(format!("backlot-cli-gift-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = dir.join("quiz.gift");
    std::fs::write(
        &good,
        "::Mood::What does a mood do? {=Makes the audience feel ~Sets the budget}\n\n\
         Previs comes before filming. {T}\n",
    )
    .expect("write");
    let o = backlot(&["check-content", good.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("quiz.gift: 2 questions (1 multiple choice, 1 true/false)"),
        "{}",
        stdout(&o)
    );
    let bad = dir.join("bad.gift");
    std::fs::write(&bad, "Fine? {=yes ~no}\n\nBroken {=a ~b\n").expect("write");
    let o = backlot(&["check-content", bad.to_str().expect("utf-8")]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("line 3"), "{}", stderr(&o));

    // A folder: one summary line per bank, and a failure because one bank has an error.
    let o = backlot(&["check-content", dir.to_str().expect("utf-8")]);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("quiz.gift: 2 questions"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("bad.gift: 1 question"),
        "{}",
        stdout(&o)
    );

    // Importing copies the good bank into the data directory for the Stop 1 gate; the broken
    // one is refused and nothing is copied.
    let data = dir.join("data");
    let o = backlot(&[
        "import-bank",
        good.to_str().expect("utf-8"),
        "--stop",
        "1",
        "--data-dir",
        data.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(data.join("banks").join("stop1-add-quiz.gift").is_file());
    let o = backlot(&[
        "import-bank",
        bad.to_str().expect("utf-8"),
        "--stop",
        "1",
        "--data-dir",
        data.to_str().expect("utf-8"),
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("line 3"), "{}", stderr(&o));
    assert!(!data.join("banks").join("stop1-add-bad.gift").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A small CSV reader (quoted fields, doubled quotes, CRLF), independent of the game's own.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let (mut row, mut field, mut quoted) = (vec![], String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

/// A profile folder written by hand, as the game would leave it.
fn write_profile(data: &std::path::Path, slug: &str, profile: &str, progress: Option<&str>) {
    let dir = data.join("profiles").join(slug);
    std::fs::create_dir_all(&dir).expect("profile dir");
    std::fs::write(dir.join("profile.ron"), profile).expect("profile.ron");
    if let Some(progress) = progress {
        std::fs::write(dir.join("progress.ron"), progress).expect("progress.ron");
    }
}

#[test]
fn class_results_write_every_profile_and_stop_and_skip_a_damaged_one() {
    let dir = std::env::temp_dir().join(format!("backlot-cli-class-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.join("data");
    write_profile(
        &data,
        "maya",
        "(name: \"Maya\", created: \"2026-12-02\")",
        Some(
            "(version: 1, unlocked: [true, true], gates: {0: (passed: true, questions: [\
             (question_id: \"s0-system\", attempts: [(chosen: [\"a\"], correct: false), \
             (chosen: [\"b\"], correct: true)])])}, level_stars: {0: 2}, \
             time: {0: (seconds: 90, lesson: Some(\"standard\"))})",
        ),
    );
    write_profile(&data, "jo-jj", "(name: \"Jo, \\\"JJ\\\"\")", None);
    write_profile(&data, "lee", "(name: \"Lee\")", Some("(version: 1, unlock"));
    let out = dir.join("out").join("results.csv");
    let o = backlot(&[
        "class-results",
        "--data-dir",
        data.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("Skipped Lee"), "{}", stderr(&o));
    assert!(stdout(&o).contains("14 rows"), "{}", stdout(&o));
    let rows = read_csv(&std::fs::read_to_string(&out).expect("written"));
    assert_eq!(rows[0][0], "profile");
    assert_eq!(rows.len(), 1 + 2 * 7);
    for name in ["Jo, \"JJ\"", "Maya"] {
        let stops: Vec<&str> = rows
            .iter()
            .filter(|r| r[0] == name)
            .map(|r| r[1].as_str())
            .collect();
        assert_eq!(stops, ["0", "1", "2", "3", "4", "5", "6"], "{name}");
    }
    let maya0 = rows
        .iter()
        .find(|r| r[0] == "Maya" && r[1] == "0")
        .expect("row");
    assert_eq!(
        maya0[3..],
        ["yes", "s0-system:2", "0", "1", "2", "1.5", "standard", ""]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn class_results_fail_clearly_on_a_bad_folder_or_an_unwritable_file() {
    let dir = std::env::temp_dir().join(format!("backlot-cli-class-bad-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let missing = dir.join("no-such-folder");
    let out = dir.join("r.csv");
    let o = backlot(&[
        "class-results",
        "--data-dir",
        missing.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("is not a folder"), "{}", stderr(&o));
    let o = backlot(&[
        "class-results",
        "--data-dir",
        dir.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_ne!(o.status.code(), Some(0), "a folder with no profiles");
    assert!(stderr(&o).contains("no student profiles"), "{}", stderr(&o));
    assert!(!out.exists());

    write_profile(&dir, "maya", "(name: \"Maya\")", None);
    std::fs::write(dir.join("a-file"), "not a folder").expect("file");
    let under_a_file = dir.join("a-file").join("r.csv");
    let o = backlot(&[
        "class-results",
        "--data-dir",
        dir.to_str().expect("utf-8"),
        "--out",
        under_a_file.to_str().expect("utf-8"),
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("could not write"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lesson_plan_writes_every_stop_with_its_answer_key() {
    let assets = concat!(env!("CARGO_MANIFEST_DIR"), "/assets");
    let dir = std::env::temp_dir().join(format!("backlot-plan-{}", std::process::id()));
    let out = dir.join("plan.md");
    let o = backlot(&[
        "lesson-plan",
        "--lesson",
        "short",
        "--assets",
        assets,
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("short lesson plan"), "{}", stdout(&o));
    let plan = std::fs::read_to_string(&out).expect("the plan is written");
    for (n, title) in [
        "Intro",
        "Previsualization",
        "Virtual Production",
        "Post-Production",
        "Social Media Marketing",
        "Innovation",
        "Conclusion",
    ]
    .iter()
    .enumerate()
    {
        assert!(plan.contains(&format!("## Stop {n}: {title}")), "stop {n}");
    }
    assert_eq!(plan.matches("### Answer key").count(), 7);
    assert!(plan.contains("**Answer:**"));
    assert!(plan.contains("Rapid Fire Review"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lesson_plan_refuses_an_unknown_length() {
    let out = std::env::temp_dir().join(format!("backlot-plan-bad-{}.md", std::process::id()));
    let o = backlot(&[
        "lesson-plan",
        "--lesson",
        "long",
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("unknown lesson length 'long': use short, standard or full"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn check_content_refuses_a_lesson_table_with_an_unknown_task() {
    let assets = concat!(env!("CARGO_MANIFEST_DIR"), "/assets");
    let dir = std::env::temp_dir().join(format!("backlot-lessons-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for f in std::fs::read_dir(assets).expect("assets") {
        let f = f.expect("entry").path();
        if f.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&f, dir.join(f.file_name().expect("name"))).expect("copy");
        }
    }
    let table = std::fs::read_to_string(dir.join("lessons.ron")).expect("lessons.ron");
    std::fs::write(
        dir.join("lessons.ron"),
        table.replace("\"panels\"", "\"pannels\""),
    )
    .expect("break the table");
    let o = backlot(&["check-content", dir.to_str().expect("utf-8 path")]);
    assert_ne!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(
        err.contains("lessons.ron") && err.contains("stop 1: unknown task 'pannels'"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
