//! Teacher question banks on disk: importing a GIFT or Aiken file for a stop copies it into the
//! data directory (so it survives the teacher's USB stick going home), and the gates read the
//! copies at start-up. Plain Rust, no Bevy; parsing is `crate::tour::model::question_bank`.
//!
//! A copy is named `stop<N>-add-<name>` (its questions join the stop's own) or
//! `stop<N>-replace-<name>` (they take the place of the stop's own questions). The name says
//! it all, so a teacher can also manage the folder by hand.

use std::path::{Path, PathBuf};

use crate::platform::storage;
use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::question_bank::{BankReport, parse_bank};
use crate::tour::model::quiz::Question;

pub const BANKS_DIR: &str = "banks";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankMode {
    /// The bank's questions are asked after the stop's own.
    Add,
    /// Only the bank's questions are asked at that stop.
    Replace,
}

impl BankMode {
    fn word(self) -> &'static str {
        match self {
            BankMode::Add => "add",
            BankMode::Replace => "replace",
        }
    }
}

/// The questions every stop's gate gets from the installed banks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BankSet {
    pub added: Vec<Vec<Question>>,
    pub replaced: Vec<Option<Vec<Question>>>,
    /// One line per bank: its summary, or why it was not used.
    pub report: Vec<String>,
}

impl BankSet {
    pub fn empty() -> Self {
        Self {
            added: vec![Vec::new(); STOP_COUNT],
            replaced: vec![None; STOP_COUNT],
            report: Vec::new(),
        }
    }

    /// The questions of a stop's gate: the stop's own (or a replacement), then added ones.
    pub fn gate_questions(&self, stop: usize, own: Vec<Question>) -> Vec<Question> {
        let mut questions = self
            .replaced
            .get(stop)
            .and_then(|r| r.clone())
            .unwrap_or(own);
        if let Some(extra) = self.added.get(stop) {
            questions.extend(extra.iter().cloned());
        }
        questions
    }

    pub fn is_empty(&self) -> bool {
        self.added.iter().all(Vec::is_empty) && self.replaced.iter().all(Option::is_none)
    }
}

/// `stop3-add-quiz.gift` → (3, Add); anything else is not a bank copy.
pub fn parse_copy_name(file_name: &str) -> Option<(usize, BankMode)> {
    let rest = file_name.strip_prefix("stop")?;
    let (number, rest) = rest.split_once('-')?;
    let stop: usize = number.parse().ok()?;
    let mode = if rest.starts_with("add-") {
        BankMode::Add
    } else if rest.starts_with("replace-") {
        BankMode::Replace
    } else {
        return None;
    };
    (stop < STOP_COUNT).then_some((stop, mode))
}

/// The teacher's name of a bank from its copy's name: `stop3-add-quiz.gift` → `quiz.gift`.
fn bank_name(copy_name: &str) -> &str {
    ["-add-", "-replace-"]
        .iter()
        .find_map(|mode| copy_name.split_once(mode).map(|(_, name)| name))
        .unwrap_or(copy_name)
}

/// Check a bank file and copy it into `data_dir/banks/` (`backlot import-bank`).
pub fn install(
    data_dir: &Path,
    source: &Path,
    stop: usize,
    mode: BankMode,
) -> Result<(PathBuf, BankReport), String> {
    let file_name = source
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| format!("{}: not a file name", source.display()))?;
    let text = std::fs::read_to_string(source)
        .map_err(|e| format!("{}: cannot read: {e}", source.display()))?;
    install_text(data_dir, file_name, &text, stop, mode)
}

/// Check a bank's text and store it as `data_dir/banks/stop<N>-<mode>-<file_name>` (the
/// teacher panel's import, which in a browser gets the text from a file picker). Refuses a
/// bank with errors or with no usable question, so a broken file never half-replaces a stop's
/// gate. Returns the copy's path and the parse report.
pub fn install_text(
    data_dir: &Path,
    file_name: &str,
    text: &str,
    stop: usize,
    mode: BankMode,
) -> Result<(PathBuf, BankReport), String> {
    if stop >= STOP_COUNT {
        return Err(format!(
            "there is no stop {stop}; stops are 0 to {}",
            STOP_COUNT - 1
        ));
    }
    // Only the name: a picked file's name may carry a folder, and keys must stay in banks/.
    let file_name = Path::new(file_name)
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| format!("{file_name}: not a file name"))?;
    let report = parse_bank(file_name, text);
    if !report.errors.is_empty() {
        let lines: Vec<String> = report
            .errors
            .iter()
            .map(|e| format!("{file_name}:{e}"))
            .collect();
        return Err(format!(
            "{} not imported; fix these first:\n{}",
            report.summary(file_name),
            lines.join("\n")
        ));
    }
    if report.questions.is_empty() {
        return Err(format!(
            "{}: no questions a gate can show",
            report.summary(file_name)
        ));
    }
    let dir = data_dir.join(BANKS_DIR);
    let target = dir.join(format!("stop{stop}-{}-{file_name}", mode.word()));
    storage::write_atomic(&target, text.as_bytes())
        .map_err(|e| format!("{}: {e}", target.display()))?;
    // One replacement per stop: the new one (already stored) takes the place of the old.
    if mode == BankMode::Replace {
        for (path, (s, m)) in list_copies(&dir) {
            if s == stop && m == BankMode::Replace && path != target {
                let _ = storage::remove_file(&path);
            }
        }
    }
    Ok((target, report))
}

fn list_copies(dir: &Path) -> Vec<(PathBuf, (usize, BankMode))> {
    storage::list_files(dir)
        .into_iter()
        .filter_map(|path| {
            let parsed = parse_copy_name(path.file_name()?.to_str()?)?;
            Some((path, parsed))
        })
        .collect()
}

/// Read every installed bank. A bank that no longer parses cleanly is reported and left out;
/// the stop keeps its own questions.
pub fn load(data_dir: &Path) -> BankSet {
    let mut set = BankSet::empty();
    for (path, (stop, mode)) in list_copies(&data_dir.join(BANKS_DIR)) {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let text = match storage::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                set.report.push(format!("{name}: cannot read: {e}"));
                continue;
            }
        };
        let report = parse_bank(&name, &text);
        if !report.errors.is_empty() || report.questions.is_empty() {
            set.report
                .push(format!("{} — not used", report.summary(&name)));
            continue;
        }
        set.report
            .push(format!("Stop {stop}: {}", report.summary(&name)));
        // Ids are unique within a file only; two banks at one stop may both have `gift-1`.
        // The bank's own name makes them unique (and the same after a restart), so attempt
        // histories of different banks never merge.
        let bank = bank_name(&name);
        let questions: Vec<Question> = report
            .questions
            .into_iter()
            .map(|q| Question {
                id: format!("{bank}:{}", q.question.id),
                ..q.question
            })
            .collect();
        match mode {
            BankMode::Add => set.added[stop].extend(questions),
            BankMode::Replace => set.replaced[stop] = Some(questions),
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    const GIFT: &str = "::Pulldown:: How many film frames become 5 video frames in 2:3 pulldown? \
                        {=4 ~5 ~6}\n\n::Drop:: Drop-frame timecode drops frames of picture. {F}\n";

    /// A fresh directory for one test, removed again when the test ends, passed or failed.
    struct TempDir(PathBuf);

    impl std::ops::Deref for TempDir {
        type Target = Path;
        fn deref(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn temp_dir(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("backlot-banks-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    #[test]
    fn copy_names_say_the_stop_and_the_mode() {
        assert_eq!(
            parse_copy_name("stop3-add-quiz.gift"),
            Some((3, BankMode::Add))
        );
        assert_eq!(
            parse_copy_name("stop0-replace-a.txt"),
            Some((0, BankMode::Replace))
        );
        assert_eq!(parse_copy_name("stop9-add-x.gift"), None);
        assert_eq!(parse_copy_name("notes.gift"), None);
        assert_eq!(parse_copy_name("stop3-keep-x.gift"), None);
    }

    #[test]
    fn an_installed_bank_is_copied_and_joins_the_gate_after_a_restart() {
        let dir = temp_dir("install");
        let source = dir.join("quiz.gift");
        std::fs::write(&source, GIFT).unwrap();
        let data = dir.join("data");
        let (copy, report) = install(&data, &source, 3, BankMode::Add).unwrap();
        assert_eq!(report.questions.len(), 2);
        assert!(copy.ends_with("banks/stop3-add-quiz.gift"));
        // The teacher's original goes away; the copy stays.
        std::fs::remove_file(&source).unwrap();
        let set = load(&data);
        let own = vec![report.questions[0].question.clone()];
        let gate = set.gate_questions(3, own.clone());
        assert_eq!(gate.len(), 3);
        assert_eq!(set.gate_questions(2, own.clone()), own);
        assert!(set.report[0].starts_with("Stop 3: stop3-add-quiz.gift: 2 questions"));
    }

    #[test]
    fn a_replacement_takes_the_place_of_the_stop_questions_and_of_an_older_replacement() {
        let dir = temp_dir("replace");
        let data = dir.join("data");
        let first = dir.join("first.gift");
        std::fs::write(&first, GIFT).unwrap();
        install(&data, &first, 1, BankMode::Replace).unwrap();
        let second = dir.join("second.txt");
        std::fs::write(
            &second,
            "What sets the mood?\nA. Lighting\nB. The catering\nANSWER: A\n",
        )
        .unwrap();
        install(&data, &second, 1, BankMode::Replace).unwrap();
        let set = load(&data);
        let gate = set.gate_questions(1, Vec::new());
        assert_eq!(gate.len(), 1, "only the newest replacement counts");
        assert_eq!(gate[0].prompt, "What sets the mood?");
    }

    #[test]
    fn a_broken_bank_is_refused_with_line_numbers_and_nothing_is_copied() {
        let dir = temp_dir("broken");
        let data = dir.join("data");
        let source = dir.join("broken.gift");
        std::fs::write(&source, "::Q:: Which? {=a ~b\n").unwrap();
        let err = install(&data, &source, 2, BankMode::Add).unwrap_err();
        assert!(err.contains("broken.gift:line 1"), "{err}");
        assert!(load(&data).is_empty());
        assert!(
            install(&data, &source, 7, BankMode::Add)
                .unwrap_err()
                .contains("no stop 7")
        );
    }

    #[test]
    fn a_copy_spoiled_on_disk_is_reported_and_left_out() {
        let dir = temp_dir("spoiled");
        std::fs::create_dir_all(dir.join(BANKS_DIR)).unwrap();
        std::fs::write(dir.join(BANKS_DIR).join("stop4-add-bad.gift"), "{=a ~b").unwrap();
        let set = load(&dir);
        assert!(set.is_empty());
        assert!(set.report[0].contains("not used"), "{:?}", set.report);
    }

    #[test]
    fn a_picked_bank_is_stored_under_its_own_name_inside_the_banks_folder() {
        let data = temp_dir("picked");
        let (copy, _) = install_text(&data, "../../elsewhere/quiz.gift", GIFT, 0, BankMode::Add)
            .expect("a clean bank installs");
        assert_eq!(copy, data.join(BANKS_DIR).join("stop0-add-quiz.gift"));
        assert_eq!(load(&data).gate_questions(0, Vec::new()).len(), 2);
        assert!(install_text(&data, "", GIFT, 0, BankMode::Add).is_err());
    }

    #[test]
    fn two_banks_at_one_stop_keep_their_questions_apart() {
        let data = temp_dir("ids");
        // Untitled GIFT questions are named by line: both files have `gift-1`.
        let untitled = "Is a gaffer in charge of lighting? {T}\n";
        install_text(&data, "a.gift", untitled, 2, BankMode::Add).expect("a");
        install_text(&data, "b.gift", untitled, 2, BankMode::Add).expect("b");
        let ids: Vec<String> = load(&data)
            .gate_questions(2, Vec::new())
            .into_iter()
            .map(|q| q.id)
            .collect();
        assert_eq!(ids, ["a.gift:gift-1", "b.gift:gift-1"]);
        // The same after a restart, and when the bank moves from add to replace.
        install_text(&data, "a.gift", untitled, 2, BankMode::Replace).expect("replace");
        let again: Vec<String> = load(&data).replaced[2]
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|q| q.id)
            .collect();
        assert_eq!(again, ["a.gift:gift-1"]);
    }

    #[test]
    fn a_refused_replacement_leaves_the_old_one_in_place() {
        let dir = temp_dir("refused");
        let data = dir.join("data");
        let good = dir.join("good.gift");
        std::fs::write(&good, GIFT).unwrap();
        install(&data, &good, 1, BankMode::Replace).unwrap();
        let copy = data.join(BANKS_DIR).join("stop1-replace-good.gift");
        let before = std::fs::read(&copy).unwrap();
        let bad = dir.join("bad.gift");
        std::fs::write(&bad, "::Q:: Which? {=a ~b\n").unwrap();
        assert!(install(&data, &bad, 1, BankMode::Replace).is_err());
        assert_eq!(std::fs::read(&copy).unwrap(), before);
        assert_eq!(load(&data).gate_questions(1, Vec::new()).len(), 2);
        assert_eq!(storage::list_files(&data.join(BANKS_DIR)), [copy]);
    }
}
