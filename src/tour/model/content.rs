//! Content as data, and the one way every content file is loaded.
//!
//! Content lives in RON files under `assets/` (the tour and each stop's file) and `scenes/`
//! (the LED stage and its virtual worlds). Each model owns its file through [`ContentFile`]:
//! the file's name, the copy compiled into the binary and its checks. A teacher who breaks an
//! edited file gets a clear error naming the file, line and column, and the game keeps running
//! on the bundled copy. This file also holds the tour's own content: stops, vocabulary, review
//! questions, polls and standards.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::tour::model::pipeline::{Phase, pipeline_problems};
use crate::tour::model::quiz::Question;

/// Number of stops on the tour (0 Intro … 6 Conclusion).
pub const STOP_COUNT: usize = 7;

pub const TOUR_FILE: &str = "tour.ron";

const BUNDLED_TOUR: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/tour.ron"));

/// The whole tour, as read from `assets/tour.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tour {
    pub title: String,
    /// The overarching content questions of the tour.
    pub big_questions: Vec<String>,
    /// The production pipeline: which stops show which phase of making a film (signs on the
    /// lot, a line on the map). Optional: a tour without one has no signs.
    #[serde(default)]
    pub pipeline: Vec<Phase>,
    pub stops: Vec<Stop>,
    /// The Rapid Fire Review: the final gate at the Conclusion.
    pub rapid_fire: Vec<Question>,
    pub polls: Vec<Poll>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stop {
    pub number: u8,
    /// Short name used on the command line (`--stop virtual-production`).
    pub slug: String,
    pub title: String,
    pub guiding_question: String,
    /// What every student should take away, in one line (the lesson plan).
    #[serde(default)]
    pub key_idea: String,
    /// Two or three prompts for class discussion (the lesson plan).
    #[serde(default)]
    pub discussion: Vec<String>,
    /// The tour text for the stop, one paragraph per entry.
    pub story: Vec<String>,
    pub vocabulary: Vec<VocabTerm>,
    /// The stop's review questions: its quiz gate (the Conclusion uses the Rapid Fire Review).
    pub questions: Vec<Question>,
    pub standards: Vec<Standard>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VocabTerm {
    pub term: String,
    pub definition: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Framework {
    /// CSTA K-12 Computer Science Standards.
    CS,
    /// Next Generation Science Standards.
    NGSS,
    /// Common Core State Standards (ELA and Math).
    CCSS,
    /// ISTE Standards for Students.
    ISTE,
}

impl fmt::Display for Framework {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Framework::CS => "CS",
            Framework::NGSS => "NGSS",
            Framework::CCSS => "CCSS",
            Framework::ISTE => "ISTE",
        };
        f.write_str(name)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standard {
    pub framework: Framework,
    /// e.g. "2-IC-20" or "Cross Cutting Concepts".
    pub code: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Poll {
    pub id: String,
    pub prompt: String,
    pub options: Vec<String>,
}

/// A content-loading problem, naming the file and, for syntax errors, the line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file.display(),
                self.line,
                self.column,
                self.message
            )
        } else {
            write!(f, "{}: {}", self.file.display(), self.message)
        }
    }
}

impl std::error::Error for ContentError {}

impl ContentError {
    /// An error at a line and column of a file (from any of the RON loaders).
    pub fn at(file: &Path, line: usize, column: usize, message: String) -> Self {
        Self {
            file: file.to_path_buf(),
            line,
            column,
            message,
        }
    }

    /// An error about a whole file (a missing file, or a check that has no line).
    pub fn whole_file(file: &Path, message: impl Into<String>) -> Self {
        Self {
            file: file.to_path_buf(),
            line: 0,
            column: 0,
            message: message.into(),
        }
    }
}

/// Parse RON text, turning a syntax or shape error into a `ContentError` with line and column.
/// A leading UTF-8 byte order mark is not part of the RON.
pub fn parse_ron<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, ContentError> {
    ron::Options::default()
        .from_str(crate::platform::storage::without_bom(text))
        .map_err(|e: ron::error::SpannedError| ContentError {
            file: file.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// Which folder a content file lives in: tour content in `assets/`, the stage and its virtual
/// worlds in `scenes/` (beside `assets/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentFolder {
    Assets,
    Scenes,
}

impl ContentFolder {
    /// This folder, given where `assets/` is.
    pub fn dir(self, assets_dir: &Path) -> PathBuf {
        match self {
            ContentFolder::Assets => assets_dir.to_path_buf(),
            // `scenes/` sits beside `assets/`.
            ContentFolder::Scenes => assets_dir
                .parent()
                .map_or_else(|| PathBuf::from("scenes"), |p| p.join("scenes")),
        }
    }
}

/// A content file that a model owns: its name, the copy compiled into the game, and how its
/// text becomes checked data. Every content file of the game is loaded the same way, through
/// [`load_or_bundled`]: read from its folder, and on any problem the bundled copy is used and
/// the problems (file, line and column) are returned for the player to see.
pub trait ContentFile: Sized {
    /// The file's name inside its folder.
    const FILE: &'static str;
    const FOLDER: ContentFolder = ContentFolder::Assets;
    /// The copy built into the game, the fallback for a missing or broken file.
    const BUNDLED: &'static str;
    /// Parse and check the text. Errors name `file`, with line and column where there is one.
    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>>;
}

/// Read and check one content file, `dir/name`, with no fallback.
pub fn read_file<T>(
    dir: &Path,
    name: &str,
    parse: impl Fn(&str, &Path) -> Result<T, Vec<ContentError>>,
) -> Result<T, Vec<ContentError>> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| vec![ContentError::whole_file(&path, format!("cannot read: {e}"))])?;
    // A file saved as "UTF-8 with BOM" (Windows Notepad) reads as the same content.
    parse(crate::platform::storage::without_bom(&text), &path)
}

/// Read `dir/name`; if it is missing or broken, parse `bundled` instead and return the
/// problems found. The one loading path for every content file, in `assets/` or `scenes/`.
pub fn read_or_bundled<T>(
    dir: &Path,
    name: &str,
    bundled: &str,
    parse: impl Fn(&str, &Path) -> Result<T, Vec<ContentError>>,
) -> (Result<T, Vec<ContentError>>, Vec<ContentError>) {
    if !crate::platform::HAS_CONTENT_FOLDER {
        // A web page has no folder to edit: its content is the copy built into the game.
        return (parse(bundled, &Path::new("bundled").join(name)), Vec::new());
    }
    match read_file(dir, name, &parse) {
        Ok(value) => (Ok(value), Vec::new()),
        Err(problems) => (parse(bundled, &Path::new("bundled").join(name)), problems),
    }
}

/// A content file's bundled copy, parsed. The tests parse every one, so this only fails in a
/// broken build.
pub fn bundled_file<T: ContentFile>() -> Result<T, Vec<ContentError>> {
    T::parse(T::BUNDLED, &Path::new("bundled").join(T::FILE))
}

/// Load a content file from its folder (given where `assets/` is), falling back to its
/// bundled copy. Returns the content and the problems found on the way.
pub fn load_or_bundled<T: ContentFile>(assets_dir: &Path) -> (T, Vec<ContentError>) {
    let dir = T::FOLDER.dir(assets_dir);
    match read_or_bundled(&dir, T::FILE, T::BUNDLED, T::parse) {
        (Ok(value), problems) => (value, problems),
        // The bundled files are tested; this only happens in a broken build.
        (Err(e), _) => panic!("bundled {} does not parse: {e:?}", T::FILE),
    }
}

/// Check a content file in its folder without falling back (`backlot check-content`).
pub fn check_file<T: ContentFile>(assets_dir: &Path) -> Vec<ContentError> {
    read_file(&T::FOLDER.dir(assets_dir), T::FILE, T::parse)
        .err()
        .unwrap_or_default()
}

/// Check one file as content of type `T`, wherever it is and whatever its name
/// (`backlot check-content FILE.ron`).
pub fn check_path<T: ContentFile>(file: &Path) -> Vec<ContentError> {
    let dir = file.parent().unwrap_or_else(|| Path::new(""));
    let name = file
        .file_name()
        .map_or_else(|| T::FILE.into(), |n| n.to_string_lossy());
    read_file(dir, &name, T::parse).err().unwrap_or_default()
}

/// Parse RON text into `T` and run a check that returns its problems as sentences (each about
/// the whole file): the usual `ContentFile::parse` for a model with a `validate()`.
pub fn parse_and_check<T: DeserializeOwned, E: fmt::Display>(
    text: &str,
    file: &Path,
    check: impl Fn(&T) -> Vec<E>,
) -> Result<T, Vec<ContentError>> {
    parse_and_validate(text, file, |value: &T, file| {
        check(value)
            .iter()
            .map(|e| ContentError::whole_file(file, e.to_string()))
            .collect()
    })
}

/// Parse RON text into `T` and run `validate` on it: the usual `ContentFile::parse`.
pub fn parse_and_validate<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    validate: impl Fn(&T, &Path) -> Vec<ContentError>,
) -> Result<T, Vec<ContentError>> {
    let value: T = parse_ron(text, file).map_err(|e| vec![e])?;
    let errors = validate(&value, file);
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

impl Tour {
    /// Structural checks that RON cannot express.
    pub fn validate(&self, file: &Path) -> Vec<ContentError> {
        let mut errors = Vec::new();
        let mut err = |m: String| errors.push(ContentError::whole_file(file, m));
        if self.stops.len() != STOP_COUNT {
            err(format!(
                "the tour needs {STOP_COUNT} stops, found {}",
                self.stops.len()
            ));
        }
        for (i, stop) in self.stops.iter().enumerate() {
            if usize::from(stop.number) != i {
                err(format!(
                    "stop '{}' is numbered {} but is at position {i}",
                    stop.title, stop.number
                ));
            }
            if stop.guiding_question.trim().is_empty() {
                err(format!("stop {} has no guiding question", stop.number));
            }
            if stop.key_idea.trim().is_empty() {
                err(format!("stop {} has no key idea (key_idea)", stop.number));
            }
            let prompts = stop
                .discussion
                .iter()
                .filter(|d| !d.trim().is_empty())
                .count();
            if !(2..=3).contains(&prompts) || prompts != stop.discussion.len() {
                err(format!(
                    "stop {} needs two or three discussion prompts (discussion)",
                    stop.number
                ));
            }
            // The Conclusion's gate is the Rapid Fire Review; every other gate asks its own
            // questions, and a gate with none could never be passed.
            if i + 1 < STOP_COUNT && stop.questions.is_empty() {
                err(format!(
                    "stop {} ({}): its gate has no questions (questions)",
                    stop.number, stop.slug
                ));
            }
            for q in &stop.questions {
                if let Err(m) = q.validate() {
                    err(format!("stop {}: {m}", stop.number));
                }
            }
        }
        for problem in pipeline_problems(&self.pipeline) {
            err(problem);
        }
        if self.rapid_fire.is_empty() {
            err("the Rapid Fire Review (rapid_fire) has no questions, so the Conclusion's gate could never be passed".into());
        }
        for q in &self.rapid_fire {
            if let Err(m) = q.validate() {
                err(format!("rapid fire: {m}"));
            }
        }
        for poll in &self.polls {
            if poll.options.len() < 2 {
                err(format!("poll '{}' needs at least 2 options", poll.id));
            }
        }
        let mut ids: Vec<&str> = self
            .stops
            .iter()
            .flat_map(|s| s.questions.iter())
            .chain(self.rapid_fire.iter())
            .map(|q| q.id.as_str())
            .collect();
        ids.sort_unstable();
        for pair in ids.windows(2) {
            if pair[0] == pair[1] {
                err(format!("question id '{}' is used twice", pair[0]));
            }
        }
        errors
    }

    pub fn stop(&self, number: usize) -> Option<&Stop> {
        self.stops.get(number)
    }

    /// The questions of a stop's gate. The Conclusion's gate is the Rapid Fire Review.
    pub fn gate_questions(&self, number: usize) -> Vec<Question> {
        if number + 1 == STOP_COUNT {
            return self.rapid_fire.clone();
        }
        self.stops
            .get(number)
            .map(|s| s.questions.clone())
            .unwrap_or_default()
    }

    /// Find a stop from a number ("2") or a name ("virtual-production", "Virtual Production").
    pub fn find_stop(&self, key: &str) -> Option<usize> {
        let key = key.trim();
        if let Ok(n) = key.parse::<usize>() {
            return (n < self.stops.len()).then_some(n);
        }
        let norm = |s: &str| {
            s.to_ascii_lowercase()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
        };
        let wanted = norm(key);
        self.stops
            .iter()
            .position(|s| norm(&s.slug) == wanted || norm(&s.title) == wanted)
    }
}

/// `assets/tour.ron`, loaded the way every content file is (see [`ContentFile`]).
impl ContentFile for Tour {
    const FILE: &'static str = TOUR_FILE;
    const BUNDLED: &'static str = BUNDLED_TOUR;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        parse_and_validate(text, file, Tour::validate)
    }
}

/// The tour's own content: what `GameContent` holds. Each stop's content is loaded by the
/// stop itself, through the same [`load_or_bundled`].
#[derive(Debug, Clone, PartialEq)]
pub struct ContentBundle {
    pub tour: Tour,
}

/// The result of loading content: what to use, and what went wrong on the way.
#[derive(Debug, Clone)]
pub struct LoadedContent {
    pub content: ContentBundle,
    /// Problems found; each file with a problem fell back to its bundled copy.
    pub errors: Vec<ContentError>,
}

/// The tour content compiled into the binary. It is checked by the tests, so it always parses.
pub fn bundled() -> Result<ContentBundle, ContentError> {
    let tour = bundled_file::<Tour>().map_err(|mut e| e.remove(0))?;
    Ok(ContentBundle { tour })
}

/// Check the tour's files in `assets_dir` without falling back; the stops check theirs.
pub fn check_dir(assets_dir: &Path) -> Vec<ContentError> {
    check_file::<Tour>(assets_dir)
}

/// Load the tour content from `assets_dir`. A file that is missing or broken is replaced by its
/// bundled copy and its errors are reported, so one bad edit never stops the game.
pub fn load_with_fallback(assets_dir: &Path) -> LoadedContent {
    let (tour, errors) = load_or_bundled::<Tour>(assets_dir);
    LoadedContent {
        content: ContentBundle { tour },
        errors,
    }
}

/// Where the `assets/` folder is: `BACKLOT_ASSETS`, then `./assets`, then the crate's own.
pub fn default_assets_dir() -> PathBuf {
    if !crate::platform::HAS_CONTENT_FOLDER {
        // A page fetches its few assets (the wall's shader) from `assets/` beside it.
        return PathBuf::from("assets");
    }
    if let Some(dir) = std::env::var_os("BACKLOT_ASSETS") {
        return PathBuf::from(dir);
    }
    let local = PathBuf::from("assets");
    if local.join(TOUR_FILE).is_file() {
        // Absolute, because Bevy resolves a relative asset folder against the executable's.
        return std::fs::canonicalize(&local).unwrap_or(local);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> ContentBundle {
        bundled().expect("bundled content parses")
    }

    #[test]
    fn bundled_content_is_valid() {
        let b = bundle();
        assert_eq!(b.tour.validate(Path::new("tour.ron")), Vec::new());
        assert_eq!(b.tour.stops.len(), STOP_COUNT);
        assert_eq!(b.tour.rapid_fire.len(), 4);
        assert_eq!(b.tour.polls.len(), 3);
        for stop in &b.tour.stops {
            assert!(!stop.vocabulary.is_empty() || stop.number == 6);
            assert!(!stop.standards.is_empty() || stop.number == 6);
        }
    }

    /// The lesson plan needs each stop's key idea and two or three discussion prompts.
    #[test]
    fn a_stop_without_its_key_idea_or_discussion_is_refused() {
        let mut tour = bundle().tour;
        tour.stops[2].key_idea = " ".into();
        tour.stops[4].discussion.truncate(1);
        let errors = tour.validate(Path::new("tour.ron"));
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "stop 2 has no key idea (key_idea)",
                "stop 4 needs two or three discussion prompts (discussion)"
            ]
        );
    }

    #[test]
    fn assets_dir_matches_bundled() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets");
        assert_eq!(check_dir(&dir), Vec::new());
        let loaded = load_with_fallback(&dir);
        assert!(loaded.errors.is_empty());
        assert_eq!(loaded.content, bundle());
    }

    #[test]
    fn syntax_error_names_file_line_and_column() {
        let text = "(\n  title: \"x\",\n  big_questions: [,\n)";
        let err = parse_ron::<Tour>(text, Path::new("broken.ron")).expect_err("broken");
        assert_eq!(err.file, PathBuf::from("broken.ron"));
        assert_eq!(err.line, 3);
        assert!(err.column > 0);
        let shown = err.to_string();
        assert!(shown.starts_with("broken.ron:3:"), "{shown}");
    }

    #[test]
    fn broken_file_falls_back_to_bundled_and_reports() {
        let dir = std::env::temp_dir().join(format!("backlot-content-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join(TOUR_FILE), "(title: \"oops\", stops: [").expect("write");
        let loaded = load_with_fallback(&dir);
        assert_eq!(loaded.errors.len(), 1);
        assert!(loaded.errors[0].file.ends_with(TOUR_FILE));
        assert!(loaded.errors[0].line >= 1);
        assert_eq!(loaded.content.tour, bundle().tour);
        assert_eq!(check_dir(&dir).len(), 1);
        // A file that is valid RON but fails its checks is refused too, with its file named.
        let mut tour = bundle().tour;
        tour.stops.pop();
        let text = ron::ser::to_string_pretty(&tour, ron::ser::PrettyConfig::default())
            .expect("serialise");
        std::fs::write(dir.join(TOUR_FILE), text).expect("write");
        let (fallback, problems) = load_or_bundled::<Tour>(&dir);
        assert_eq!(fallback, bundle().tour);
        assert!(problems[0].message.contains("7 stops"), "{problems:?}");
        assert!(problems[0].file.ends_with(TOUR_FILE));
        // A missing file is a problem too, and the bundled copy is used.
        std::fs::remove_file(dir.join(TOUR_FILE)).expect("remove");
        let (fallback, problems) = load_or_bundled::<Tour>(&dir);
        assert_eq!(fallback, bundle().tour);
        assert!(problems[0].message.contains("cannot read"), "{problems:?}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_content_file_saved_with_a_byte_order_mark_is_read() {
        let dir = crate::testing::temp_data_dir("content-bom");
        std::fs::create_dir_all(&dir).expect("temp dir");
        let mut tour = bundle().tour;
        tour.title = "Saved by Notepad".into();
        let text = format!(
            "\u{feff}{}",
            ron::ser::to_string_pretty(&tour, ron::ser::PrettyConfig::default())
                .expect("serialise")
        );
        assert!(
            ron::from_str::<Tour>(&text).is_err(),
            "RON itself refuses the mark, so the loader must strip it"
        );
        std::fs::write(dir.join(TOUR_FILE), &text).expect("write");
        assert_eq!(check_file::<Tour>(&dir), Vec::new());
        let (loaded, problems) = load_or_bundled::<Tour>(&dir);
        assert_eq!(problems, Vec::new());
        assert_eq!(
            loaded.title, "Saved by Notepad",
            "the file, not the bundled copy"
        );
        assert_eq!(
            parse_ron::<Tour>(&text, Path::new("t.ron")).expect("parse_ron strips it too"),
            tour
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_scenes_file_is_read_beside_assets() {
        let assets = Path::new("/school/backlot/assets");
        assert_eq!(ContentFolder::Assets.dir(assets), assets);
        assert_eq!(
            ContentFolder::Scenes.dir(assets),
            Path::new("/school/backlot/scenes")
        );
    }

    #[test]
    fn validation_reports_wrong_stop_count_and_duplicate_ids() {
        let mut tour = bundle().tour;
        tour.stops.pop();
        let dup = tour.stops[0].questions[0].clone();
        tour.stops[1].questions.push(dup);
        let errors = tour.validate(Path::new("t.ron"));
        let text: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
        assert!(text.iter().any(|m| m.contains("7 stops")), "{text:?}");
        assert!(text.iter().any(|m| m.contains("used twice")), "{text:?}");
    }

    #[test]
    fn a_gate_with_no_questions_and_an_empty_rapid_fire_are_refused() {
        let mut tour = bundle().tour;
        tour.stops[3].questions.clear();
        tour.rapid_fire.clear();
        let errors = tour.validate(Path::new("tour.ron"));
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 2, "{text:?}");
        assert!(
            text[0].starts_with("tour.ron: stop 3 (post-production): its gate has no questions"),
            "{text:?}"
        );
        assert!(
            text[1].contains("(rapid_fire) has no questions"),
            "{text:?}"
        );
        // The Conclusion's own list may stay empty: its gate is the Rapid Fire Review.
        let mut tour = bundle().tour;
        tour.stops[6].questions.clear();
        assert_eq!(tour.validate(Path::new("tour.ron")), Vec::new());
    }

    #[test]
    fn stops_are_found_by_number_or_name() {
        let tour = bundle().tour;
        assert_eq!(tour.find_stop("2"), Some(2));
        assert_eq!(tour.find_stop("virtual-production"), Some(2));
        assert_eq!(tour.find_stop("Post-Production"), Some(3));
        assert_eq!(tour.find_stop("conclusion"), Some(6));
        assert_eq!(tour.find_stop("9"), None);
        assert_eq!(tour.find_stop("nowhere"), None);
        assert_eq!(tour.gate_questions(6), tour.rapid_fire);
    }

    /// The seed's review questions, with the answer the seed marks, must all be in the content.
    #[test]
    fn every_seed_question_is_present_with_its_marked_answer() {
        let tour = bundle().tour;
        let expected: &[(usize, &str, &str)] = &[
            (
                0,
                "Which of these parts must work together",
                "All of the choices are correct!",
            ),
            (
                1,
                "When a filmmaker creates a specific mood",
                "Make the audience feel an emotion, like happy or sad.",
            ),
            (2, "the physical LED screen is the", "hardware / software"),
            (
                2,
                "what is the main purpose of a game engine",
                "It is the software used to build and run interactive 3D virtual movie sets.",
            ),
            (
                3,
                "timecode math is off by just a tiny fraction",
                "The actor's lips won't match the words you hear.",
            ),
            (
                4,
                "use data analytics to make decisions",
                "They look for patterns in data to see what fans enjoy.",
            ),
            (
                5,
                "allows filmmakers to safely share and store files",
                "cloud computing",
            ),
            (
                6,
                "An animated 'draft' used by filmmakers",
                "previsualization",
            ),
            (6, "A single image that represents", "frame"),
            (6, "A comparison of two numbers", "ratio"),
            (6, "A type of Artificial Intelligence called", "Generative"),
        ];
        for &(stop, prompt_part, answer) in expected {
            let questions = tour.gate_questions(stop);
            let q = questions
                .iter()
                .find(|q| q.prompt.contains(prompt_part))
                .unwrap_or_else(|| panic!("stop {stop}: no question containing '{prompt_part}'"));
            let correct: Vec<&str> = q
                .choices
                .iter()
                .filter(|c| c.correct)
                .map(|c| c.text.as_str())
                .collect();
            assert_eq!(correct, vec![answer], "stop {stop}: '{prompt_part}'");
            assert_eq!(q.choices.len(), 4, "seed questions have four choices");
            assert!(
                q.choices.iter().all(|c| !c.explanation.is_empty()),
                "every choice explains itself: {}",
                q.id
            );
        }
        let seed_count: usize = (0..STOP_COUNT).map(|s| tour.gate_questions(s).len()).sum();
        assert_eq!(seed_count, expected.len());
    }
}
