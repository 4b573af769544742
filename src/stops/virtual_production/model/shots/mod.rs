//! The director's shot list for the LED volume, and how a take is scored.
//!
//! Each [`ShotSpec`] (loaded from `assets/virtual_production.ron`, which teachers may edit) says which
//! world the wall must show, how big the actor must be in the frame, how the camera moves and
//! how much background lag the shot can hide. The player sets up the stage and rolls; the game
//! measures the take as a [`ShotAttempt`] and [`score_attempt`] turns it into stars and five
//! checks, each with a sentence that explains what went right or wrong.
//!
//! The same file holds the level's first task, the signal chain (`super::chain`).
//!
//! # Stars
//!
//! * The wrong world on the wall (scene, time of day or weather): **0 stars**, whatever else.
//! * Otherwise **3 stars minus one per failed check** among Framing, Parallax, Moiré and
//!   Lighting, but never below **1 star**: the right world was filmed, so the take is usable.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::stage::model::lighting::LightingMatch;
use crate::stage::model::moire::{MoireAssessment, MoireRisk};
use crate::stops::virtual_production::model::chain::SignalChain;
use crate::tour::model::content::{ContentError, ContentFile};

/// The content file's name inside the assets folder.
pub const VP_SHOTS_FILE: &str = "virtual_production.ron";

/// The bundled shot list, used when no edited copy is found.
pub const BUNDLED_VP_SHOTS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/virtual_production.ron"
));

/// Times of day a shot may ask for.
pub const TIMES_OF_DAY: [&str; 4] = ["Dawn", "Noon", "Dusk", "Night"];

/// Weathers a shot may ask for.
pub const WEATHERS: [&str; 5] = ["Clear", "Overcast", "Haze", "Snow", "Dust"];

/// Largest framing fraction accepted (3: a face filling the frame three times over).
pub const MAX_SUBJECT_HEIGHT_FRACTION: f32 = 6.0;

/// Largest lag tolerance accepted, in centimetres.
pub const MAX_LATENCY_ARTIFACT_CM: f32 = 100.0;

/// Accepted range for the suggested lens, in millimetres.
pub const FOCAL_RANGE_MM: (f32, f32) = (8.0, 300.0);

/// Overscan most stages settle on, suggested when the frame ran off the inner frustum.
const TYPICAL_OVERSCAN: &str = "1.2 to 1.3";

/// How the camera moves during the shot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CameraMove {
    /// Locked off: the camera does not move.
    Static,
    /// The camera turns on its head.
    Pan,
    /// The camera travels along the floor (also called a tracking shot).
    #[serde(alias = "Track")]
    Dolly,
    /// The camera rises or falls on a crane arm.
    Crane,
}

impl CameraMove {
    /// The move in words, for "during the …".
    pub fn words(self) -> &'static str {
        match self {
            CameraMove::Static => "locked-off shot",
            CameraMove::Pan => "pan",
            CameraMove::Dolly => "dolly move",
            CameraMove::Crane => "crane move",
        }
    }
}

/// How big the actor must be in the picture.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framing {
    /// (min, max) of the actor's height in the picture as a fraction of the frame height.
    /// On a 6 m stage: wide about (0.25, 0.55), medium (0.6, 1.2), close-up (1.5, 4.0)
    /// (above 1 only part of the actor fits: a close-up frames head and shoulders).
    pub subject_height_fraction: (f32, f32),
}

impl Framing {
    /// "wide shot", "medium shot" or "close-up", from the range.
    pub fn shot_size_words(&self) -> &'static str {
        let (min, max) = self.subject_height_fraction;
        if max <= 0.6 {
            "wide shot"
        } else if min >= 1.4 {
            "close-up"
        } else {
            "medium shot"
        }
    }
}

/// One shot on the director's list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShotSpec {
    /// Short unique name (lower case letters, digits and `_`).
    pub id: String,
    /// What the shot list says.
    pub title: String,
    /// What the director says to the crew.
    pub direction: String,
    /// Which world the wall shows (the scene's id, e.g. "tokyo").
    pub scene: String,
    /// One of [`TIMES_OF_DAY`].
    pub time_of_day: String,
    /// One of [`WEATHERS`].
    pub weather: String,
    pub framing: Framing,
    /// How the camera moves (`move` in the file).
    #[serde(rename = "move")]
    pub camera_move: CameraMove,
    /// How far the background may lag behind the camera, in centimetres, before it shows.
    pub max_latency_artifact_cm: f32,
    /// The lens the director suggests, in millimetres.
    pub focal_mm: f32,
}

/// The file's shape: `(shots: [ ... ], chain: ( ... ))`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShotFile {
    pub shots: Vec<ShotSpec>,
    /// The level's first task: the LED volume's signal chain.
    pub chain: SignalChain,
}

/// `assets/virtual_production.ron`, loaded the way every content file is (see `ContentFile`).
impl ContentFile for ShotFile {
    const FILE: &'static str = VP_SHOTS_FILE;
    const BUNDLED: &'static str = BUNDLED_VP_SHOTS;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        match load_file(text) {
            Ok(file) => Ok(file),
            Err(VpShotsError::Syntax {
                line,
                column,
                message,
            }) => Err(vec![ContentError::at(file, line, column, message)]),
            Err(VpShotsError::Invalid(errors)) => Err(errors
                .iter()
                .map(|e| ContentError::whole_file(file, e.to_string()))
                .collect()),
        }
    }
}

/// One mistake in the shot list, naming its field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShotFieldError {
    /// Path of the field, e.g. `shots[1].framing.subject_height_fraction`.
    pub field: String,
    pub message: String,
}

impl ShotFieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ShotFieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for ShotFieldError {}

/// Why the shot list could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VpShotsError {
    /// Not valid RON, or not the shape of a shot list; line and column are 1-based.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid RON whose values do not make a playable shot list.
    Invalid(Vec<ShotFieldError>),
}

impl fmt::Display for VpShotsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VpShotsError::Syntax {
                line,
                column,
                message,
            } => write!(f, "{VP_SHOTS_FILE}:{line}:{column}: {message}"),
            VpShotsError::Invalid(errors) => {
                write!(f, "{VP_SHOTS_FILE} is not a playable shot list:")?;
                for error in errors {
                    write!(f, "\n  {error}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for VpShotsError {}

/// Parses and validates a shot list.
pub fn load_shots(text: &str) -> Result<Vec<ShotSpec>, VpShotsError> {
    load_file(text).map(|file| file.shots)
}

/// Parses and validates the whole file: the shot list and the signal chain.
pub fn load_file(text: &str) -> Result<ShotFile, VpShotsError> {
    let file: ShotFile =
        ron::Options::default()
            .from_str(text)
            .map_err(|e: ron::error::SpannedError| VpShotsError::Syntax {
                line: e.span.start.line,
                column: e.span.start.col,
                message: e.code.to_string(),
            })?;
    let mut errors = validate(&file.shots);
    errors.extend(file.chain.validate());
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(VpShotsError::Invalid(errors))
    }
}

/// The bundled shot list, parsed and validated.
pub fn bundled_shots() -> Result<Vec<ShotSpec>, VpShotsError> {
    load_shots(BUNDLED_VP_SHOTS)
}

/// The bundled signal chain, parsed and validated.
pub fn bundled_chain() -> Result<SignalChain, VpShotsError> {
    load_file(BUNDLED_VP_SHOTS).map(|file| file.chain)
}

/// Everything RON cannot check, for a whole list: at least one shot, ids unique, and each
/// shot valid ([`ShotSpec::validate`]). Each error names its field; empty means playable.
pub fn validate(shots: &[ShotSpec]) -> Vec<ShotFieldError> {
    let mut errors = Vec::new();
    if shots.is_empty() {
        errors.push(ShotFieldError::new(
            "shots",
            "the list is empty; add at least one shot",
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, shot) in shots.iter().enumerate() {
        for error in shot.validate() {
            errors.push(ShotFieldError::new(
                format!("shots[{i}].{}", error.field),
                error.message,
            ));
        }
        if !seen.insert(shot.id.as_str()) {
            errors.push(ShotFieldError::new(
                format!("shots[{i}].id"),
                format!(
                    "\"{}\" is used by an earlier shot; ids must differ",
                    shot.id
                ),
            ));
        }
    }
    errors
}

/// The worlds the stage always has: one per bundled scene file, named after it.
fn scene_names() -> impl Iterator<Item = &'static str> {
    crate::stage::model::scene::SCENE_FILES
        .iter()
        .filter_map(|f| f.strip_suffix(".ron"))
}

fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl ShotSpec {
    /// Checks one shot; field names are relative to the shot (e.g. `framing.…`).
    pub fn validate(&self) -> Vec<ShotFieldError> {
        let mut errors = Vec::new();
        let mut error = |field: &str, message: String| {
            errors.push(ShotFieldError::new(field, message));
        };
        if !is_identifier(&self.id) {
            error(
                "id",
                format!(
                    "\"{}\" must be lower case letters, digits and _ (and not empty)",
                    self.id
                ),
            );
        }
        if self.title.trim().is_empty() {
            error("title", "is empty".to_owned());
        }
        if self.direction.trim().is_empty() {
            error("direction", "is empty".to_owned());
        }
        if !is_identifier(&self.scene) {
            error(
                "scene",
                format!(
                    "\"{}\" must be a scene id: lower case letters, digits and _",
                    self.scene
                ),
            );
        } else if !scene_names().any(|name| name == self.scene) {
            // The level finds the wall's world by this name; a shot naming none could never
            // be filmed, and Stop 2 could never be finished.
            error(
                "scene",
                format!(
                    "\"{}\" is not a scene of the stage; use one of {}",
                    self.scene,
                    scene_names().collect::<Vec<_>>().join(", ")
                ),
            );
        }
        if !TIMES_OF_DAY.contains(&self.time_of_day.as_str()) {
            error(
                "time_of_day",
                format!(
                    "\"{}\" is not one of {}",
                    self.time_of_day,
                    TIMES_OF_DAY.join(", ")
                ),
            );
        }
        if !WEATHERS.contains(&self.weather.as_str()) {
            error(
                "weather",
                format!("\"{}\" is not one of {}", self.weather, WEATHERS.join(", ")),
            );
        }
        let (min, max) = self.framing.subject_height_fraction;
        if !(min.is_finite() && max.is_finite() && min > 0.0 && min < max)
            || max > MAX_SUBJECT_HEIGHT_FRACTION
        {
            error(
                "framing.subject_height_fraction",
                format!(
                    "({min}, {max}) must be (min, max) with 0 < min < max <= \
                     {MAX_SUBJECT_HEIGHT_FRACTION}"
                ),
            );
        }
        let lag = self.max_latency_artifact_cm;
        if !(lag.is_finite() && lag > 0.0 && lag <= MAX_LATENCY_ARTIFACT_CM) {
            error(
                "max_latency_artifact_cm",
                format!("{lag} must be more than 0 and at most {MAX_LATENCY_ARTIFACT_CM} cm"),
            );
        }
        let focal = self.focal_mm;
        if !(focal.is_finite() && focal >= FOCAL_RANGE_MM.0 && focal <= FOCAL_RANGE_MM.1) {
            error(
                "focal_mm",
                format!(
                    "{focal} must be a lens from {} to {} mm",
                    FOCAL_RANGE_MM.0, FOCAL_RANGE_MM.1
                ),
            );
        }
        errors
    }

    /// The world the director asked for in words, e.g. "Tokyo at dusk, in haze".
    pub fn environment_words(&self) -> String {
        environment_words(&self.scene, &self.time_of_day, &self.weather)
    }
}

/// A world's name as the student sees it, from its scene id: "alien_planet" is "Alien planet".
/// Each bundled scene's `title` is the same words, so the wall's button, the shot list and the
/// take's checks all call a world by one name.
pub fn scene_words(scene: &str) -> String {
    let scene = scene.trim().replace('_', " ");
    let mut chars = scene.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "(no scene)".to_owned(),
    }
}

/// "Alien planet at noon, in dust" from a scene id, a time of day and a weather.
fn environment_words(scene: &str, time_of_day: &str, weather: &str) -> String {
    let scene = scene_words(scene);
    let time = time_of_day.trim().to_lowercase();
    let weather = match weather.trim().to_lowercase().as_str() {
        "clear" => "under a clear sky".to_owned(),
        "overcast" => "under an overcast sky".to_owned(),
        "" => "(no weather)".to_owned(),
        other => format!("in {other}"),
    };
    format!("{scene} at {time}, {weather}")
}

fn same_word(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// What the game measured during one take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShotAttempt {
    /// The scene on the wall.
    pub scene: String,
    pub time_of_day: String,
    pub weather: String,
    /// The actor's height in the picture as a fraction of the frame height.
    pub subject_height_fraction: f32,
    /// The largest background lag during the take, in centimetres (from
    /// [`crate::stage::model::tracking::TrackingSystem::max_lag_error`], metres × 100).
    pub tracking_lag_cm: f32,
    /// The inner frustum's overscan during the take.
    pub overscan: f32,
    /// Whether the frame stayed inside the inner frustum for the whole take.
    pub inner_frustum_covers_frame: bool,
    /// The moiré verdict for the take.
    pub moire: MoireRisk,
    /// The numbers behind the moiré verdict, when the game has them; they make the
    /// explanation precise ("one LED covered 3.1 photosites").
    pub moire_detail: Option<MoireAssessment>,
    /// How well the stage lights matched the wall.
    pub lighting: LightingMatch,
}

/// The five things a take is checked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CheckKind {
    Environment,
    Framing,
    Parallax,
    Moire,
    Lighting,
}

impl CheckKind {
    /// The name shown to the player.
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Environment => "Environment",
            CheckKind::Framing => "Framing",
            CheckKind::Parallax => "Parallax",
            CheckKind::Moire => "Moiré",
            CheckKind::Lighting => "Lighting",
        }
    }
}

/// One check of a take.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    pub kind: CheckKind,
    /// [`CheckKind::name`], for display.
    pub name: &'static str,
    pub passed: bool,
    /// A plain sentence saying what happened and, on a failure, how to fix it.
    pub explanation: String,
}

/// A check as saved: its display name is not kept but derived from its kind again.
#[derive(Deserialize)]
struct SavedCheck {
    kind: CheckKind,
    passed: bool,
    explanation: String,
}

impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let saved = SavedCheck::deserialize(d)?;
        Ok(Check::new(saved.kind, saved.passed, saved.explanation))
    }
}

impl Check {
    fn new(kind: CheckKind, passed: bool, explanation: String) -> Self {
        Self {
            kind,
            name: kind.name(),
            passed,
            explanation,
        }
    }
}

/// The verdict on a take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShotScore {
    /// 0 to 3 (see the module docs).
    pub stars: u8,
    /// Environment, Framing, Parallax, Moiré and Lighting, in that order.
    pub checks: Vec<Check>,
}

impl ShotScore {
    /// The check of this kind.
    pub fn check(&self, kind: CheckKind) -> Option<&Check> {
        self.checks.iter().find(|c| c.kind == kind)
    }

    /// Whether every check passed.
    pub fn all_passed(&self) -> bool {
        self.checks.iter().all(|c| c.passed)
    }
}

/// Scores a take against the shot it was meant to be. See the module docs for the stars.
pub fn score_attempt(spec: &ShotSpec, attempt: &ShotAttempt) -> ShotScore {
    let checks = vec![
        environment_check(spec, attempt),
        framing_check(spec, attempt),
        parallax_check(spec, attempt),
        moire_check(attempt),
        lighting_check(attempt),
    ];
    let environment_ok = checks[0].passed;
    let failures = checks[1..].iter().filter(|c| !c.passed).count();
    let stars = if environment_ok {
        3u8.saturating_sub(failures.min(2) as u8)
    } else {
        0
    };
    ShotScore { stars, checks }
}

fn environment_check(spec: &ShotSpec, attempt: &ShotAttempt) -> Check {
    let wanted = spec.environment_words();
    let mut fixes = Vec::new();
    if !same_word(&spec.scene, &attempt.scene) {
        fixes.push(format!("load the scene \"{}\"", scene_words(&spec.scene)));
    }
    if !same_word(&spec.time_of_day, &attempt.time_of_day) {
        fixes.push(format!(
            "set the time of day to {}",
            spec.time_of_day.trim().to_lowercase()
        ));
    }
    if !same_word(&spec.weather, &attempt.weather) {
        fixes.push(format!(
            "set the weather to {}",
            spec.weather.trim().to_lowercase()
        ));
    }
    if fixes.is_empty() {
        return Check::new(
            CheckKind::Environment,
            true,
            format!("The wall showed {wanted}, as the director asked."),
        );
    }
    let shown = environment_words(&attempt.scene, &attempt.time_of_day, &attempt.weather);
    Check::new(
        CheckKind::Environment,
        false,
        format!(
            "Wrong world on the wall: the director asked for {wanted}, but the wall showed \
             {shown}. Before you roll, {}.",
            join_and(&fixes)
        ),
    )
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn percent(fraction: f32) -> String {
    format!("{:.0}%", fraction * 100.0)
}

fn framing_check(spec: &ShotSpec, attempt: &ShotAttempt) -> Check {
    let (min, max) = spec.framing.subject_height_fraction;
    let size = spec.framing.shot_size_words();
    let needs = format!("this {size} needs {} to {}", percent(min), percent(max));
    let f = attempt.subject_height_fraction;
    let lens = format!("{:.0} mm", spec.focal_mm);
    let (passed, explanation) = if !(f.is_finite() && f > 0.0) {
        (
            false,
            format!(
                "The actor was not in the frame; {needs} of the frame height. Point the camera \
                 at the actor (the director suggests a {lens} lens)."
            ),
        )
    } else if f < min {
        (
            false,
            format!(
                "The actor filled only {} of the frame height; {needs}. Move the camera closer \
                 or use a longer lens (the director suggests {lens}).",
                percent(f)
            ),
        )
    } else if f > max {
        (
            false,
            format!(
                "The actor filled {} of the frame height, too big: {needs}. Move the camera back \
                 or use a wider lens (the director suggests {lens}).",
                percent(f)
            ),
        )
    } else {
        (
            true,
            format!(
                "The actor filled {} of the frame height, just right: {needs}.",
                percent(f)
            ),
        )
    };
    Check::new(CheckKind::Framing, passed, explanation)
}

fn parallax_check(spec: &ShotSpec, attempt: &ShotAttempt) -> Check {
    let lag = attempt.tracking_lag_cm;
    let allowed = spec.max_latency_artifact_cm;
    let during = spec.camera_move.words();
    let overscan = if attempt.overscan.is_finite() {
        format!("{:.2}", attempt.overscan)
    } else {
        "unknown".to_owned()
    };
    let lag_ok = lag.is_finite() && lag <= allowed;
    let covers = attempt.inner_frustum_covers_frame;

    let mut sentences = Vec::new();
    if !lag_ok {
        let lag_words = if lag.is_finite() {
            format!("{lag:.0} cm")
        } else {
            "an unknown distance".to_owned()
        };
        sentences.push(format!(
            "The background lagged {lag_words} behind the camera during the {during} (this shot \
             hides at most {allowed:.0} cm): raise the game engine's latency compensation to \
             match the tracking latency, or move the camera more slowly. Overscan (now {overscan}) keeps the frame \
             edges on the inner frustum but cannot remove the lag itself."
        ));
    }
    if !covers {
        sentences.push(format!(
            "The edge of the frame ran off the inner frustum onto the wall's low-detail outer \
             picture (overscan {overscan}): raise the overscan ({TYPICAL_OVERSCAN} is common) so \
             the inner frustum stays ahead of the camera."
        ));
    }
    let passed = sentences.is_empty();
    let explanation = if passed {
        format!(
            "The background kept up with the camera: it lagged {lag:.1} cm at most during the \
             {during} (this shot hides up to {allowed:.0} cm), and the inner frustum (overscan \
             {overscan}) covered the whole frame."
        )
    } else {
        sentences.join(" ")
    };
    Check::new(CheckKind::Parallax, passed, explanation)
}

fn moire_check(attempt: &ShotAttempt) -> Check {
    let detail = attempt.moire_detail.as_ref();
    let (passed, explanation) = match attempt.moire {
        MoireRisk::High => {
            let why = match detail {
                Some(d) => {
                    let focus = if d.blur_um < d.led_image_size_um {
                        "The wall was in sharp focus"
                    } else {
                        "The wall was only slightly soft"
                    };
                    format!(
                        "{focus} and one LED covered only {:.1} photosites of the sensor (a \
                         colour sensor needs about 4)",
                        d.photosites_per_led
                    )
                }
                None => "The wall's LED grid was sharper than the sensor could record".to_owned(),
            };
            (
                false,
                format!(
                    "{why}, so rippling colour bands (moiré) appeared on the wall. Focus on the \
                     actor, open the iris, or keep the action further from the wall."
                ),
            )
        }
        MoireRisk::Low => (
            true,
            format!(
                "Only a faint moiré risk{}: a little more defocus on the wall makes it safe.",
                detail.map_or(String::new(), |d| format!(
                    " (one LED covered {:.1} photosites)",
                    d.photosites_per_led
                ))
            ),
        ),
        MoireRisk::None => (
            true,
            detail.map_or_else(
                || "No moiré: the LED grid stayed smooth in the picture.".to_owned(),
                |d| d.explanation.clone(),
            ),
        ),
    };
    Check::new(CheckKind::Moire, passed, explanation)
}

fn lighting_check(attempt: &ShotAttempt) -> Check {
    let lighting = &attempt.lighting;
    let score = if lighting.score.is_finite() {
        lighting.score
    } else {
        0.0
    };
    let first = lighting.advice.first().map_or("", String::as_str);
    let passed = lighting.passed();
    let explanation = if passed && lighting.problem_count > 0 {
        format!("The stage lights matched the wall ({score:.0}/100). To make it perfect: {first}")
    } else if passed {
        format!("The stage lights matched the wall ({score:.0}/100). {first}")
    } else {
        format!("The stage lights did not match the wall ({score:.0}/100). {first}")
    };
    Check::new(
        CheckKind::Lighting,
        passed,
        explanation.trim_end().to_owned(),
    )
}

#[cfg(test)]
mod tests;
