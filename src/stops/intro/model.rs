//! Stop 0, "the studio is a system": a production assembled from hardware, software and people.
//!
//! Plain Rust, no Bevy. Each part may depend on others (the LED wall needs the render servers,
//! which need the game engine and the network engineer…). The production runs only when every
//! needed part is connected and working; a missing or broken part stalls everything that depends
//! on it. `status` knows each stall's root cause, but the player is shown only the symptoms
//! (`trace`) and traces them back through the dependency graph (`graph`) themselves; then they
//! predict what stops when a part is pulled (`predict`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::tour::model::content::{ContentError, ContentFile, parse_and_validate};

pub mod graph;
pub mod predict;
pub mod trace;

pub use predict::PredictionScore;
pub use trace::{Blame, Symptom};

/// The tasks this level reports to the lesson table (`assets/lessons.ron`).
pub const TASKS: &[&str] = &["assemble", "incident", "predict", "clean-run"];

/// Stop 0's content file: the parts of the production and how they depend on each other.
pub const INTRO_FILE: &str = "intro.ron";
const BUNDLED_INTRO: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/intro.ron"));

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PartKind {
    Hardware,
    Software,
    People,
}

impl PartKind {
    pub const ALL: [PartKind; 3] = [PartKind::Hardware, PartKind::Software, PartKind::People];

    pub fn label(self) -> &'static str {
        match self {
            PartKind::Hardware => "Hardware",
            PartKind::Software => "Software",
            PartKind::People => "People",
        }
    }
}

/// One part of the production, from `assets/intro.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartSpec {
    pub id: String,
    pub name: String,
    pub kind: PartKind,
    /// What the part does for the production.
    pub role: String,
    /// Whether this production needs the part. Unneeded parts teach that a system has a purpose.
    #[serde(default = "yes")]
    pub needed: bool,
    /// Ids of the parts this one cannot work without.
    #[serde(default)]
    pub requires: Vec<String>,
    /// What the crew sees when this part is down ("the LED wall goes black").
    #[serde(default)]
    pub symptom: String,
    /// For unneeded parts: why it does not belong.
    #[serde(default)]
    pub why_not: String,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudioSpec {
    pub parts: Vec<PartSpec>,
}

impl StudioSpec {
    pub fn part(&self, id: &str) -> Option<&PartSpec> {
        self.parts.iter().find(|p| p.id == id)
    }

    pub fn needed(&self) -> impl Iterator<Item = &PartSpec> {
        self.parts.iter().filter(|p| p.needed)
    }

    /// Checks RON cannot express: unique ids, known dependencies, no cycles, every kind present.
    pub fn validate(&self) -> Vec<String> {
        let mut errors = Vec::new();
        let mut seen = BTreeSet::new();
        for p in &self.parts {
            if !seen.insert(p.id.as_str()) {
                errors.push(format!("part id '{}' is used twice", p.id));
            }
            for r in &p.requires {
                match self.part(r) {
                    None => errors.push(format!("part '{}' requires unknown part '{r}'", p.id)),
                    Some(dep) if !dep.needed && p.needed => errors.push(format!(
                        "needed part '{}' requires '{r}', which is marked as not needed",
                        p.id
                    )),
                    _ => {}
                }
            }
        }
        for kind in PartKind::ALL {
            if !self.needed().any(|p| p.kind == kind) {
                errors.push(format!("no needed {} part", kind.label()));
            }
        }
        if errors.is_empty() && self.has_cycle() {
            errors.push("the parts' requirements form a cycle".to_string());
        }
        if errors.is_empty() {
            errors.extend(self.symptom_errors());
        }
        errors
    }

    /// The player traces a failure from symptoms alone, so every needed part has one, and a
    /// symptom says what stopped, never which part it waits on.
    fn symptom_errors(&self) -> Vec<String> {
        let mut errors = Vec::new();
        for p in self.needed() {
            if p.symptom.trim().is_empty() {
                errors.push(format!(
                    "needed part '{}' has no symptom (what the crew sees when it stops)",
                    p.id
                ));
                continue;
            }
            let text = p.symptom.to_lowercase();
            for q in self.needed() {
                if q.id != p.id
                    && predict::chain(self, &p.id, &q.id).is_some()
                    && text.contains(&q.name.to_lowercase())
                {
                    errors.push(format!(
                        "the symptom of '{}' names '{}', a part it needs: a symptom says what \
                         stopped, not why, so the player can trace the cause",
                        p.id, q.name
                    ));
                }
            }
        }
        errors
    }

    pub fn validate_file(&self, file: &Path) -> Vec<ContentError> {
        self.validate()
            .into_iter()
            .map(|message| ContentError {
                file: file.to_path_buf(),
                line: 0,
                column: 0,
                message,
            })
            .collect()
    }

    fn has_cycle(&self) -> bool {
        // Depth-first search with colours: 1 = on the stack, 2 = done.
        fn visit<'a>(spec: &'a StudioSpec, id: &'a str, state: &mut BTreeMap<&'a str, u8>) -> bool {
            match state.get(id) {
                Some(1) => return true,
                Some(_) => return false,
                None => {}
            }
            state.insert(id, 1);
            if let Some(p) = spec.part(id) {
                for r in &p.requires {
                    if visit(spec, r, state) {
                        return true;
                    }
                }
            }
            state.insert(id, 2);
            false
        }
        let mut state = BTreeMap::new();
        self.parts.iter().any(|p| visit(self, &p.id, &mut state))
    }
}

/// Why a part is not working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StallReason {
    /// Needed but not connected.
    Missing,
    /// Connected but broken.
    Broken,
    /// Fine itself, but waiting on these root causes (missing or broken parts).
    WaitingOn(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stall {
    pub part: String,
    pub reason: StallReason,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductionStatus {
    pub running: bool,
    /// Every needed part that is not working, with why.
    pub stalls: Vec<Stall>,
    /// Parts that are connected and working.
    pub working: BTreeSet<String>,
}

impl ProductionStatus {
    /// The parts at the bottom of the trouble: missing or broken ones.
    pub fn root_causes(&self) -> Vec<&str> {
        self.stalls
            .iter()
            .filter(|s| !matches!(s.reason, StallReason::WaitingOn(_)))
            .map(|s| s.part.as_str())
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConnectOutcome {
    Connected,
    AlreadyConnected,
    /// The part is not part of this production; nothing changes.
    NotNeeded(String),
    Unknown,
}

/// The parts the player has connected, and which of them are broken.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioBoard {
    pub connected: BTreeSet<String>,
    pub broken: BTreeSet<String>,
}

impl StudioBoard {
    pub fn connect(&mut self, spec: &StudioSpec, id: &str) -> ConnectOutcome {
        match spec.part(id) {
            None => ConnectOutcome::Unknown,
            Some(p) if !p.needed => ConnectOutcome::NotNeeded(p.why_not.clone()),
            Some(_) if !self.connected.insert(id.to_string()) => ConnectOutcome::AlreadyConnected,
            Some(_) => ConnectOutcome::Connected,
        }
    }

    pub fn disconnect(&mut self, id: &str) -> bool {
        self.broken.remove(id);
        self.connected.remove(id)
    }

    pub fn break_part(&mut self, id: &str) -> bool {
        self.connected.contains(id) && self.broken.insert(id.to_string())
    }

    pub fn repair(&mut self, id: &str) -> bool {
        self.broken.remove(id)
    }

    /// Work out which parts run and, for each stalled one, its root causes.
    pub fn status(&self, spec: &StudioSpec) -> ProductionStatus {
        let mut memo: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut stalls = Vec::new();
        let mut working = BTreeSet::new();
        for part in spec.needed() {
            let roots = self.root_causes_of(spec, &part.id, &mut memo);
            if roots.is_empty() {
                working.insert(part.id.clone());
                continue;
            }
            let reason = if !self.connected.contains(&part.id) {
                StallReason::Missing
            } else if self.broken.contains(&part.id) {
                StallReason::Broken
            } else {
                StallReason::WaitingOn(roots.into_iter().collect())
            };
            stalls.push(Stall {
                part: part.id.clone(),
                reason,
            });
        }
        ProductionStatus {
            running: stalls.is_empty(),
            stalls,
            working,
        }
    }

    /// The missing or broken parts that stop `id` working (empty when it works).
    fn root_causes_of<'a>(
        &self,
        spec: &'a StudioSpec,
        id: &'a str,
        memo: &mut BTreeMap<&'a str, BTreeSet<String>>,
    ) -> BTreeSet<String> {
        if let Some(r) = memo.get(id) {
            return r.clone();
        }
        let mut roots = BTreeSet::new();
        if !self.connected.contains(id) || self.broken.contains(id) {
            roots.insert(id.to_string());
        } else if let Some(p) = spec.part(id) {
            for r in &p.requires {
                roots.extend(self.root_causes_of(spec, r, memo));
            }
        }
        memo.insert(id, roots.clone());
        roots
    }
}

/// Where the Intro level is: build the production, trace a failure, then predict a stall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IntroPhase {
    /// Connect every needed part until the production runs.
    Assemble,
    /// A part has failed; the student sees what stopped and traces it back to the root.
    Incident { failed: String },
    /// The production runs again. Before `pull` is taken out, the student marks the parts they
    /// expect to stop (`marked`).
    Predict {
        pull: String,
        marked: BTreeSet<String>,
    },
    /// A failure traced and a stall predicted: the level is complete.
    Complete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IntroFeedback {
    Connected(String),
    NotNeeded {
        part: String,
        why: String,
    },
    Running,
    /// Something failed: these parts stopped (the one that failed among them, unmarked).
    IncidentStarted {
        stopped: Vec<String>,
    },
    /// The blamed part is where the trouble started; it is repaired.
    RootFound {
        part: String,
    },
    /// The blamed part only stalled: it waits on a part it needs further up.
    OnlyStalled {
        part: String,
    },
    /// The blamed part still works.
    StillWorking {
        part: String,
    },
    /// A new question: what stops when this part is pulled?
    PredictStarted {
        pull: String,
    },
    /// The part was pulled and the prediction scored (put back afterwards).
    Predicted(PredictionScore),
    Unknown(String),
}

/// The Intro level: plain logic driven by the Bevy plugin and by tests.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IntroLevel {
    pub spec: StudioSpec,
    pub board: StudioBoard,
    pub phase: IntroPhase,
    /// Unneeded parts tried, wrong blames and wrong predictions: shown in the level score.
    pub mistakes: u32,
    /// The failure was traced to its root.
    #[serde(default)]
    pub traced: bool,
    /// A stall was predicted exactly.
    #[serde(default)]
    pub predicted: bool,
    /// The latest prediction's score, for the screen.
    #[serde(default)]
    pub last_prediction: Option<PredictionScore>,
    /// The level's seed and the draws made from it: the same seed breaks the same part and
    /// asks about the same parts, and a saved level carries on the same way (a random
    /// generator cannot be saved).
    seed: u64,
    incidents: u32,
    #[serde(default)]
    predictions: u32,
    /// The part that last failed or was pulled, so the next question is about another.
    #[serde(default)]
    recent: Option<String>,
}

impl IntroLevel {
    pub fn new(spec: StudioSpec, seed: u64) -> Self {
        Self {
            spec,
            board: StudioBoard::default(),
            phase: IntroPhase::Assemble,
            mistakes: 0,
            traced: false,
            predicted: false,
            last_prediction: None,
            seed,
            incidents: 0,
            predictions: 0,
            recent: None,
        }
    }

    pub fn status(&self) -> ProductionStatus {
        self.board.status(&self.spec)
    }

    /// What the crew sees of the trouble right now: the parts that stopped, not why.
    pub fn symptoms(&self) -> Vec<Symptom> {
        trace::symptoms(&self.spec, &self.status())
    }

    /// Needed parts that others need: failing or pulling one of them stalls more than itself.
    fn depended_on(&self) -> Vec<String> {
        let is_depended_on = |id: &str| {
            self.spec
                .needed()
                .any(|p| p.requires.iter().any(|r| r == id))
        };
        let candidates: Vec<String> = self
            .spec
            .needed()
            .filter(|p| is_depended_on(&p.id))
            .map(|p| p.id.clone())
            .collect();
        if candidates.is_empty() {
            self.spec.needed().map(|p| p.id.clone()).collect()
        } else {
            candidates
        }
    }

    /// Connect a part. When the last needed part goes in the production runs, and then an
    /// incident strikes: a seeded random part fails and the player must find it.
    pub fn connect(&mut self, id: &str) -> Vec<IntroFeedback> {
        let mut out = Vec::new();
        match self.board.connect(&self.spec, id) {
            ConnectOutcome::Connected => out.push(IntroFeedback::Connected(id.to_string())),
            ConnectOutcome::AlreadyConnected => {}
            ConnectOutcome::NotNeeded(why) => {
                self.mistakes += 1;
                out.push(IntroFeedback::NotNeeded {
                    part: id.to_string(),
                    why,
                });
            }
            ConnectOutcome::Unknown => out.push(IntroFeedback::Unknown(id.to_string())),
        }
        if self.phase == IntroPhase::Assemble && self.status().running {
            out.push(IntroFeedback::Running);
            out.push(self.start_incident());
        }
        out
    }

    fn start_incident(&mut self) -> IntroFeedback {
        // Break a part that others depend on, so the stall spreads and has a chain to follow.
        let candidates = self.depended_on();
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed.wrapping_add(u64::from(self.incidents)));
        self.incidents += 1;
        let failed = candidates[rng.random_range(0..candidates.len())].clone();
        self.board.break_part(&failed);
        self.recent = Some(failed.clone());
        self.phase = IntroPhase::Incident { failed };
        IntroFeedback::IncidentStarted {
            stopped: self.symptoms().into_iter().map(|s| s.part).collect(),
        }
    }

    /// Blame a part for the incident. Only the part that failed is accepted (and repaired); a
    /// part that only stalled, or one still working, is refused and counts as a mistake.
    pub fn blame(&mut self, id: &str) -> Vec<IntroFeedback> {
        if !matches!(self.phase, IntroPhase::Incident { .. }) {
            return Vec::new();
        }
        let part = id.to_string();
        match trace::judge_blame(&self.spec, &self.status(), id) {
            Blame::NotInProduction => vec![IntroFeedback::Unknown(part)],
            Blame::OnlyStalled => {
                self.mistakes += 1;
                vec![IntroFeedback::OnlyStalled { part }]
            }
            Blame::StillWorking => {
                self.mistakes += 1;
                vec![IntroFeedback::StillWorking { part }]
            }
            Blame::Root => {
                self.board.repair(id);
                // A part left out by hand would be a root too; put it back.
                self.board.connect(&self.spec, id);
                self.traced = true;
                let mut out = vec![IntroFeedback::RootFound { part }];
                if self.status().running {
                    out.push(self.start_prediction());
                }
                out
            }
        }
    }

    /// Ask about a part to pull: a seeded part others need, not the one just asked about.
    fn start_prediction(&mut self) -> IntroFeedback {
        let mut candidates = self.depended_on();
        if candidates.len() > 1 {
            candidates.retain(|c| Some(c) != self.recent.as_ref());
        }
        let mut rng = ChaCha8Rng::seed_from_u64(
            self.seed
                .rotate_left(17)
                .wrapping_add(u64::from(self.predictions)),
        );
        self.predictions += 1;
        let pull = candidates[rng.random_range(0..candidates.len())].clone();
        self.recent = Some(pull.clone());
        self.phase = IntroPhase::Predict {
            pull: pull.clone(),
            marked: BTreeSet::new(),
        };
        IntroFeedback::PredictStarted { pull }
    }

    /// Mark (or unmark) a part the student expects to stop. Only needed parts other than the
    /// one to be pulled can be marked; returns whether the mark changed.
    pub fn mark(&mut self, id: &str) -> bool {
        let is_needed = self.spec.part(id).is_some_and(|p| p.needed);
        let IntroPhase::Predict { pull, marked } = &mut self.phase else {
            return false;
        };
        if !is_needed || id == pull {
            return false;
        }
        if !marked.remove(id) {
            marked.insert(id.to_string());
        }
        true
    }

    /// Pull the part and compare what stopped with the marks. Right: the level is complete.
    /// Wrong: a mistake, and a new part to predict. The part goes back in either way.
    pub fn pull(&mut self) -> Vec<IntroFeedback> {
        let IntroPhase::Predict { pull, marked } = &self.phase else {
            return Vec::new();
        };
        let actual = predict::stalls_if_removed(&self.spec, &self.board, pull);
        let score = PredictionScore::new(pull, marked, &actual);
        let right = score.is_right();
        self.last_prediction = Some(score.clone());
        let mut out = vec![IntroFeedback::Predicted(score)];
        if right {
            self.predicted = true;
            self.phase = IntroPhase::Complete;
        } else {
            self.mistakes += 1;
            out.push(self.start_prediction());
        }
        out
    }

    /// Remove a part to see what stalls (allowed while assembling or once complete).
    pub fn disconnect(&mut self, id: &str) -> bool {
        if !matches!(self.phase, IntroPhase::Assemble | IntroPhase::Complete) {
            return false;
        }
        self.board.disconnect(id)
    }

    pub fn is_complete(&self) -> bool {
        self.phase == IntroPhase::Complete
    }

    /// Units done of each task in [`TASKS`]: the production ran once, a failure was traced,
    /// a stall predicted, and all of it with no mistake.
    pub fn task_counts(&self) -> Vec<(&'static str, u32)> {
        let ran = self.phase != IntroPhase::Assemble || self.status().running;
        let complete = self.is_complete();
        vec![
            ("assemble", u32::from(ran)),
            ("incident", u32::from(self.traced)),
            ("predict", u32::from(self.predicted)),
            ("clean-run", u32::from(complete && self.mistakes == 0)),
        ]
    }

    /// Stars out of 3: fewer mistakes, more stars.
    pub fn stars(&self) -> u8 {
        match self.mistakes {
            0 => 3,
            1..=2 => 2,
            _ => 1,
        }
    }
}

/// `assets/intro.ron`, loaded the way every content file is (see `ContentFile`).
impl ContentFile for StudioSpec {
    const FILE: &'static str = INTRO_FILE;
    const BUNDLED: &'static str = BUNDLED_INTRO;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        parse_and_validate(text, file, StudioSpec::validate_file)
    }
}

#[cfg(test)]
mod level_tests;

/// What the model's tests share: the bundled content, its needed parts, a running board.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{StudioBoard, StudioSpec};

    pub fn spec() -> StudioSpec {
        crate::tour::model::content::bundled_file::<StudioSpec>().expect("bundled content")
    }

    pub fn needed_ids(spec: &StudioSpec) -> Vec<String> {
        spec.needed().map(|p| p.id.clone()).collect()
    }

    /// Every needed part connected: the production runs.
    pub fn running(spec: &StudioSpec) -> StudioBoard {
        let mut board = StudioBoard::default();
        for p in spec.needed() {
            board.connect(spec, &p.id);
        }
        board
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::intro::model::test_support::{needed_ids, spec};

    #[test]
    fn bundled_spec_has_the_seed_parts_and_is_valid() {
        let s = spec();
        assert_eq!(s.validate(), Vec::<String>::new());
        for id in [
            "camera",
            "led-wall",
            "microphone",
            "render-servers",
            "game-engine",
            "editing-software",
            "director",
            "actor",
            "camera-operator",
            "network-engineer",
        ] {
            assert!(s.part(id).is_some_and(|p| p.needed), "missing {id}");
        }
        assert!(s.parts.iter().any(|p| !p.needed), "has distractors");
    }

    #[test]
    fn production_runs_only_when_every_needed_part_is_connected() {
        let s = spec();
        let ids = needed_ids(&s);
        let mut board = StudioBoard::default();
        for (i, id) in ids.iter().enumerate() {
            assert!(!board.status(&s).running, "runs too early after {i} parts");
            assert_eq!(board.connect(&s, id), ConnectOutcome::Connected);
        }
        let status = board.status(&s);
        assert!(status.running);
        assert!(status.stalls.is_empty());
        assert_eq!(status.working.len(), ids.len());
    }

    #[test]
    fn a_broken_part_stalls_its_dependants_with_the_root_cause() {
        let s = spec();
        let mut board = StudioBoard::default();
        for id in needed_ids(&s) {
            board.connect(&s, &id);
        }
        assert!(board.break_part("network-engineer"));
        let status = board.status(&s);
        assert!(!status.running);
        assert_eq!(status.root_causes(), vec!["network-engineer"]);
        let wall = status
            .stalls
            .iter()
            .find(|st| st.part == "led-wall")
            .expect("the LED wall depends on the network engineer");
        assert_eq!(
            wall.reason,
            StallReason::WaitingOn(vec!["network-engineer".into()])
        );
        assert!(board.repair("network-engineer"));
        assert!(board.status(&s).running);
    }

    #[test]
    fn removing_a_part_reports_it_missing() {
        let s = spec();
        let mut board = StudioBoard::default();
        for id in needed_ids(&s) {
            board.connect(&s, &id);
        }
        board.disconnect("game-engine");
        let status = board.status(&s);
        assert!(status.stalls.contains(&Stall {
            part: "game-engine".into(),
            reason: StallReason::Missing
        }));
    }

    #[test]
    fn unneeded_parts_are_refused_with_a_reason() {
        let s = spec();
        let distractor = s.parts.iter().find(|p| !p.needed).expect("distractor");
        let mut board = StudioBoard::default();
        match board.connect(&s, &distractor.id) {
            ConnectOutcome::NotNeeded(why) => assert!(!why.is_empty()),
            other => panic!("expected NotNeeded, got {other:?}"),
        }
        assert!(board.connected.is_empty());
        assert_eq!(board.connect(&s, "nope"), ConnectOutcome::Unknown);
    }

    #[test]
    fn validation_finds_unknown_requirements_and_cycles() {
        let mut s = spec();
        s.parts[0].requires.push("ghost".into());
        assert!(s.validate().iter().any(|e| e.contains("ghost")));
        let mut s = spec();
        let a = s.parts[0].id.clone();
        let b = s.parts[1].id.clone();
        s.parts[0].requires = vec![b];
        s.parts[1].requires = vec![a];
        assert!(s.validate().iter().any(|e| e.contains("cycle")));
    }

    #[test]
    fn validation_wants_symptoms_that_do_not_name_the_cause() {
        let mut s = spec();
        let actor = s.parts.iter_mut().find(|p| p.id == "actor").expect("actor");
        actor.symptom = "Waiting on the director.".into();
        let errors = s.validate();
        assert!(
            errors
                .iter()
                .any(|e| e.contains("'actor' names 'Director'")),
            "{errors:?}"
        );
        let mut s = spec();
        let mic = s
            .parts
            .iter_mut()
            .find(|p| p.id == "microphone")
            .expect("mic");
        // Two steps up (microphone → actor → director) still names the cause.
        mic.symptom = "No sound: the director is missing.".into();
        assert!(
            s.validate()
                .iter()
                .any(|e| e.contains("'microphone' names"))
        );
        let mic = s
            .parts
            .iter_mut()
            .find(|p| p.id == "microphone")
            .expect("mic");
        mic.symptom = "  ".into();
        assert!(s.validate().iter().any(|e| e.contains("has no symptom")));
    }
}
