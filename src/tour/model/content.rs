//! Tour content as data: stops, vocabulary, review questions, polls, standards and careers.
//!
//! Content lives in RON files under `assets/`. The same files are compiled into the binary as
//! the bundled fallback, so a teacher who breaks an edited file gets a clear error naming the
//! file, line and column, and the game keeps running on the bundled copy.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::tour::model::quiz::Question;

/// Number of stops on the tour (0 Intro … 6 Conclusion).
pub const STOP_COUNT: usize = 7;

pub const TOUR_FILE: &str = "tour.ron";
pub const CAREERS_FILE: &str = "careers.ron";
pub const STUDIO_SYSTEM_FILE: &str = "intro.ron";
pub const POST_PRODUCTION_FILE: &str = crate::stops::post::model::POST_PRODUCTION_FILE;

const BUNDLED_TOUR: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/tour.ron"));
const BUNDLED_CAREERS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/careers.ron"));
const BUNDLED_STUDIO_SYSTEM: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/intro.ron"));

/// The whole tour, as read from `assets/tour.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tour {
    pub title: String,
    /// The overarching content questions of the tour.
    pub big_questions: Vec<String>,
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

/// The careers gallery of the Conclusion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Careers {
    pub careers: Vec<Career>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Career {
    pub title: String,
    /// Which stop of the tour the player met this role at.
    pub met_at_stop: u8,
    pub what_they_do: String,
    /// School subjects and skills that prepare for it.
    pub skills: Vec<String>,
    /// Why it is a "hybrid" role bridging art and technology.
    pub hybrid_because: String,
    /// A first step a student can take now.
    pub start_now: String,
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
    fn at(file: &Path, line: usize, column: usize, message: String) -> Self {
        Self {
            file: file.to_path_buf(),
            line,
            column,
            message,
        }
    }

    fn whole_file(file: &Path, message: impl Into<String>) -> Self {
        Self {
            file: file.to_path_buf(),
            line: 0,
            column: 0,
            message: message.into(),
        }
    }
}

/// Parse RON text, turning a syntax or shape error into a `ContentError` with line and column.
pub fn parse_ron<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, ContentError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e: ron::error::SpannedError| ContentError {
            file: file.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
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
            for q in &stop.questions {
                if let Err(m) = q.validate() {
                    err(format!("stop {}: {m}", stop.number));
                }
            }
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

/// Everything the game reads from `assets/`.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentBundle {
    pub tour: Tour,
    pub careers: Careers,
    pub studio_system: crate::stops::intro::model::StudioSpec,
    pub post_production: crate::stops::post::model::PostLevelSpec,
    pub storyboards: crate::stops::previs::model::StoryboardFile,
    pub campaign: crate::stops::marketing::model::CampaignSpec,
    pub cloud: crate::stops::innovation::cloud::CloudSpec,
}

/// The files whose modules parse and validate their own text (errors already say line and
/// column); this table keeps `bundled`, `check_dir` and `load_with_fallback` in step.
fn load_text<T>(
    dir: &Path,
    name: &str,
    load: impl Fn(&str) -> Result<T, String>,
) -> Result<T, ContentError> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| ContentError::whole_file(&path, format!("cannot read: {e}")))?;
    load(&text).map_err(|e| ContentError::whole_file(&path, e))
}

/// The result of loading content: what to use, and what went wrong on the way.
#[derive(Debug, Clone)]
pub struct LoadedContent {
    pub content: ContentBundle,
    /// Problems found; each file with a problem fell back to its bundled copy.
    pub errors: Vec<ContentError>,
}

/// The content compiled into the binary. It is checked by the tests, so it always parses.
pub fn bundled() -> Result<ContentBundle, ContentError> {
    Ok(ContentBundle {
        tour: parse_ron(BUNDLED_TOUR, Path::new("bundled/tour.ron"))?,
        careers: parse_ron(BUNDLED_CAREERS, Path::new("bundled/careers.ron"))?,
        studio_system: parse_ron(BUNDLED_STUDIO_SYSTEM, Path::new("bundled/intro.ron"))?,
        post_production: parse_ron(
            crate::stops::post::model::BUNDLED_POST_PRODUCTION,
            Path::new("bundled/post.ron"),
        )?,
        storyboards: crate::stops::previs::model::load_storyboards(
            crate::stops::previs::model::BUNDLED_STORYBOARDS,
        )
        .map_err(|e| ContentError::whole_file(Path::new("bundled/previs.ron"), e))?,
        campaign: crate::stops::marketing::model::load_campaign(
            crate::stops::marketing::model::BUNDLED_CAMPAIGN,
        )
        .map_err(|e| ContentError::whole_file(Path::new("bundled/marketing.ron"), e))?,
        cloud: crate::stops::innovation::cloud::load_cloud(
            crate::stops::innovation::cloud::BUNDLED_CLOUD_RON,
        )
        .map_err(|e| ContentError::whole_file(Path::new("bundled/innovation.ron"), e))?,
    })
}

fn load_file<T: DeserializeOwned>(
    dir: &Path,
    name: &str,
    validate: impl Fn(&T, &Path) -> Vec<ContentError>,
) -> Result<T, Vec<ContentError>> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| vec![ContentError::whole_file(&path, format!("cannot read: {e}"))])?;
    let value: T = parse_ron(&text, &path).map_err(|e| vec![e])?;
    let errors = validate(&value, &path);
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// Check every content file in `dir` without falling back; used by `backlot check-content`.
pub fn check_dir(dir: &Path) -> Vec<ContentError> {
    let mut errors = Vec::new();
    if let Err(e) = load_file::<Tour>(dir, TOUR_FILE, Tour::validate) {
        errors.extend(e);
    }
    if let Err(e) = load_file::<Careers>(dir, CAREERS_FILE, |_, _| Vec::new()) {
        errors.extend(e);
    }
    if let Err(e) = load_file::<crate::stops::intro::model::StudioSpec>(
        dir,
        STUDIO_SYSTEM_FILE,
        crate::stops::intro::model::StudioSpec::validate_file,
    ) {
        errors.extend(e);
    }
    if let Err(e) = load_file(dir, POST_PRODUCTION_FILE, validate_post_production) {
        errors.extend(e);
    }
    if let Err(e) = load_text(
        dir,
        crate::stops::previs::model::STORYBOARDS_FILE,
        crate::stops::previs::model::load_storyboards,
    ) {
        errors.push(e);
    }
    if let Err(e) = load_text(
        dir,
        crate::stops::marketing::model::CAMPAIGN_FILE,
        crate::stops::marketing::model::load_campaign,
    ) {
        errors.push(e);
    }
    if let Err(e) = load_text(
        dir,
        crate::stops::innovation::cloud::CLOUD_FILE,
        crate::stops::innovation::cloud::load_cloud,
    ) {
        errors.push(e);
    }
    let shots = dir.join(crate::stops::virtual_production::model::shots::VP_SHOTS_FILE);
    match std::fs::read_to_string(&shots) {
        Ok(text) => {
            if let Err(e) = crate::stops::virtual_production::model::shots::load_shots(&text) {
                errors.push(match e {
                    crate::stops::virtual_production::model::shots::VpShotsError::Syntax {
                        line,
                        column,
                        message,
                    } => ContentError::at(&shots, line, column, message),
                    other => ContentError::whole_file(&shots, other.to_string()),
                });
            }
        }
        Err(e) => errors.push(ContentError::whole_file(
            &shots,
            format!("cannot read: {e}"),
        )),
    }
    errors
}

fn validate_post_production(
    spec: &crate::stops::post::model::PostLevelSpec,
    file: &Path,
) -> Vec<ContentError> {
    spec.validate()
        .into_iter()
        .map(|e| ContentError::whole_file(file, e.to_string()))
        .collect()
}

/// Load content from `dir`, file by file. A file that is missing or broken is replaced by its
/// bundled copy and its errors are reported, so one bad edit never stops the game.
pub fn load_with_fallback(dir: &Path) -> LoadedContent {
    let fallback = match bundled() {
        Ok(b) => b,
        // The bundled files are tested; this only happens in a broken build.
        Err(e) => panic!("bundled content does not parse: {e}"),
    };
    let mut errors = Vec::new();
    let tour = load_file(dir, TOUR_FILE, Tour::validate).unwrap_or_else(|e| {
        errors.extend(e);
        fallback.tour.clone()
    });
    let careers = load_file(dir, CAREERS_FILE, |_: &Careers, _| Vec::new()).unwrap_or_else(|e| {
        errors.extend(e);
        fallback.careers.clone()
    });
    let studio_system = load_file(
        dir,
        STUDIO_SYSTEM_FILE,
        crate::stops::intro::model::StudioSpec::validate_file,
    )
    .unwrap_or_else(|e| {
        errors.extend(e);
        fallback.studio_system.clone()
    });
    let post_production = load_file(dir, POST_PRODUCTION_FILE, validate_post_production)
        .unwrap_or_else(|e| {
            errors.extend(e);
            fallback.post_production.clone()
        });
    let storyboards = load_text(
        dir,
        crate::stops::previs::model::STORYBOARDS_FILE,
        crate::stops::previs::model::load_storyboards,
    )
    .unwrap_or_else(|e| {
        errors.push(e);
        fallback.storyboards.clone()
    });
    let campaign = load_text(
        dir,
        crate::stops::marketing::model::CAMPAIGN_FILE,
        crate::stops::marketing::model::load_campaign,
    )
    .unwrap_or_else(|e| {
        errors.push(e);
        fallback.campaign.clone()
    });
    let cloud = load_text(
        dir,
        crate::stops::innovation::cloud::CLOUD_FILE,
        crate::stops::innovation::cloud::load_cloud,
    )
    .unwrap_or_else(|e| {
        errors.push(e);
        fallback.cloud.clone()
    });
    LoadedContent {
        content: ContentBundle {
            tour,
            careers,
            studio_system,
            post_production,
            storyboards,
            campaign,
            cloud,
        },
        errors,
    }
}

/// The `scenes/` folder that sits beside an `assets/` folder.
pub fn scenes_dir_for(assets_dir: &Path) -> PathBuf {
    assets_dir
        .parent()
        .map_or_else(|| PathBuf::from("scenes"), |p| p.join("scenes"))
}

/// Check a `scenes/` folder: the stage geometry and every scene description.
pub fn check_scenes_dir(dir: &Path) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![ContentError::whole_file(dir, "cannot read the folder")];
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    for path in files {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(ContentError::whole_file(&path, format!("cannot read: {e}")));
                continue;
            }
        };
        let is_stage = path.file_name().is_some_and(|n| n == "stage.ron");
        let result = if is_stage {
            crate::stage::model::led::StageGeometry::load_ron(&text)
                .map(|_| ())
                .map_err(|e| match e {
                    crate::stage::model::led::StageError::Parse {
                        line,
                        column,
                        message,
                    } => ContentError::at(&path, line, column, message),
                    other => ContentError::whole_file(&path, other.to_string()),
                })
        } else {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            crate::stage::model::scene::load_scene(&text, &name)
                .map(|_| ())
                .map_err(|e| match e {
                    crate::stage::model::scene::SceneError::Parse {
                        line,
                        column,
                        message,
                        ..
                    } => ContentError::at(&path, line, column, message),
                    other => ContentError::whole_file(&path, other.to_string()),
                })
        };
        if let Err(e) = result {
            errors.push(e);
        }
    }
    errors
}

/// Where the `assets/` folder is: `BACKLOT_ASSETS`, then `./assets`, then the crate's own.
pub fn default_assets_dir() -> PathBuf {
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
        assert!(b.careers.careers.len() >= 7);
        for stop in &b.tour.stops {
            assert!(!stop.vocabulary.is_empty() || stop.number == 6);
            assert!(!stop.standards.is_empty() || stop.number == 6);
        }
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
        let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets");
        for f in [
            TOUR_FILE,
            CAREERS_FILE,
            STUDIO_SYSTEM_FILE,
            POST_PRODUCTION_FILE,
            crate::stops::virtual_production::model::shots::VP_SHOTS_FILE,
            crate::stops::previs::model::STORYBOARDS_FILE,
            crate::stops::marketing::model::CAMPAIGN_FILE,
            crate::stops::innovation::cloud::CLOUD_FILE,
        ] {
            std::fs::copy(src.join(f), dir.join(f)).expect("copy");
        }
        std::fs::write(dir.join(TOUR_FILE), "(title: \"oops\", stops: [").expect("write");
        let loaded = load_with_fallback(&dir);
        assert_eq!(loaded.errors.len(), 1);
        assert!(loaded.errors[0].file.ends_with(TOUR_FILE));
        assert!(loaded.errors[0].line >= 1);
        assert_eq!(loaded.content.tour, bundle().tour);
        assert_eq!(check_dir(&dir).len(), 1);
        // A campaign whose goal no plan can reach is refused with its file named, and the
        // bundled campaign is played instead.
        let campaign =
            std::fs::read_to_string(src.join(crate::stops::marketing::model::CAMPAIGN_FILE))
                .expect("read");
        let impossible = campaign.replacen("goal_views:", "goal_views: 900000000, // was:", 1);
        std::fs::write(
            dir.join(crate::stops::marketing::model::CAMPAIGN_FILE),
            impossible,
        )
        .expect("write");
        let loaded = load_with_fallback(&dir);
        assert_eq!(loaded.errors.len(), 2, "{:?}", loaded.errors);
        assert!(
            loaded.errors[1]
                .file
                .ends_with(crate::stops::marketing::model::CAMPAIGN_FILE)
        );
        assert_eq!(loaded.content.campaign, bundle().campaign);
        std::fs::remove_dir_all(&dir).ok();
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
