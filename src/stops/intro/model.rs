//! Stop 0, "the studio is a system": a production assembled from hardware, software and people.
//!
//! Plain Rust, no Bevy. Each part may depend on others (the LED wall needs the render servers,
//! which need the game engine and the network engineer…). The production runs only when every
//! needed part is connected and working; a missing or broken part stalls everything that depends
//! on it, and `status` traces each stall back to its root cause so the player can see *why*.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::tour::model::content::{ContentError, ContentFile, parse_and_validate};

/// The tasks this level reports to the lesson table (`assets/lessons.ron`).
pub const TASKS: &[&str] = &["assemble", "incident", "clean-run"];

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

/// Where the Intro level is: build the production, then survive an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IntroPhase {
    /// Connect every needed part until the production runs.
    Assemble,
    /// A part has failed; find it and repair it.
    Incident { failed: String },
    /// The production runs again: the level is complete.
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
    /// The incident: this part failed and these parts stalled because of it.
    IncidentStarted {
        failed: String,
        stalled: Vec<String>,
    },
    WrongRepair {
        part: String,
    },
    Repaired {
        part: String,
    },
    Unknown(String),
}

/// The Intro level: plain logic driven by the Bevy plugin and by tests.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IntroLevel {
    pub spec: StudioSpec,
    pub board: StudioBoard,
    pub phase: IntroPhase,
    /// Unneeded parts tried and wrong repairs: shown in the level score.
    pub mistakes: u32,
    /// The level's seed and the incidents drawn from it: the same seed breaks the same part,
    /// and a saved level carries on the same way (a random generator cannot be saved).
    seed: u64,
    incidents: u32,
}

impl IntroLevel {
    pub fn new(spec: StudioSpec, seed: u64) -> Self {
        Self {
            spec,
            board: StudioBoard::default(),
            phase: IntroPhase::Assemble,
            mistakes: 0,
            seed,
            incidents: 0,
        }
    }

    pub fn status(&self) -> ProductionStatus {
        self.board.status(&self.spec)
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
        let is_depended_on = |id: &str| {
            self.spec
                .needed()
                .any(|p| p.requires.iter().any(|r| r == id))
        };
        let mut candidates: Vec<String> = self
            .spec
            .needed()
            .filter(|p| is_depended_on(&p.id))
            .map(|p| p.id.clone())
            .collect();
        if candidates.is_empty() {
            candidates = self.spec.needed().map(|p| p.id.clone()).collect();
        }
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed.wrapping_add(u64::from(self.incidents)));
        self.incidents += 1;
        let failed = candidates[rng.random_range(0..candidates.len())].clone();
        self.board.break_part(&failed);
        self.phase = IntroPhase::Incident {
            failed: failed.clone(),
        };
        let stalled = self.status().stalls.into_iter().map(|s| s.part).collect();
        IntroFeedback::IncidentStarted { failed, stalled }
    }

    /// Try to repair a part. Only the failed one helps; a wrong guess counts as a mistake.
    pub fn repair(&mut self, id: &str) -> IntroFeedback {
        if self.spec.part(id).is_none() {
            return IntroFeedback::Unknown(id.to_string());
        }
        if self.board.repair(id) {
            if self.status().running {
                self.phase = IntroPhase::Complete;
            }
            IntroFeedback::Repaired {
                part: id.to_string(),
            }
        } else {
            self.mistakes += 1;
            IntroFeedback::WrongRepair {
                part: id.to_string(),
            }
        }
    }

    /// Remove a part to see what stalls (allowed while assembling or after completion).
    pub fn disconnect(&mut self, id: &str) -> bool {
        if matches!(self.phase, IntroPhase::Incident { .. }) {
            return false;
        }
        let removed = self.board.disconnect(id);
        if removed && self.phase == IntroPhase::Complete {
            self.phase = IntroPhase::Assemble;
        }
        removed
    }

    pub fn is_complete(&self) -> bool {
        self.phase == IntroPhase::Complete
    }

    /// Units done of each task in [`TASKS`]: the production ran once, the incident was
    /// repaired, and both with no mistake.
    pub fn task_counts(&self) -> Vec<(&'static str, u32)> {
        let ran = self.phase != IntroPhase::Assemble || self.status().running;
        let complete = self.is_complete();
        vec![
            ("assemble", u32::from(ran)),
            ("incident", u32::from(complete)),
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
mod tests {
    use super::*;

    fn spec() -> StudioSpec {
        crate::tour::model::content::bundled_file::<StudioSpec>().expect("bundled content")
    }

    fn needed_ids(spec: &StudioSpec) -> Vec<String> {
        spec.needed().map(|p| p.id.clone()).collect()
    }

    #[test]
    fn the_core_is_the_run_and_the_repair_at_every_length() {
        use crate::tour::model::content::bundled_file;
        use crate::tour::model::lesson::{
            LessonLength, LessonTable, core_met, extensions, task_rows,
        };
        let table = bundled_file::<LessonTable>().expect("bundled lessons");
        let tasks = table.tasks(0);
        let s = spec();
        let mut level = IntroLevel::new(s.clone(), 3);
        for id in needed_ids(&s) {
            level.connect(&id);
        }
        let IntroPhase::Incident { failed } = level.phase.clone() else {
            panic!("an incident follows the first run");
        };
        for length in LessonLength::ALL {
            assert!(!core_met(tasks, length, &level.task_counts()), "{length}");
        }
        level.repair(&failed);
        for length in LessonLength::ALL {
            assert!(core_met(tasks, length, &level.task_counts()), "{length}");
            // No mistake: the clean run, an extension, is done too.
            let rows = task_rows(tasks, length, &level.task_counts());
            assert_eq!(extensions(&rows), (1, 1));
        }
    }

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
    fn intro_level_plays_through_incident_to_completion() {
        let s = spec();
        let mut level = IntroLevel::new(s.clone(), 42);
        let ids = needed_ids(&s);
        let mut incident = None;
        for id in &ids {
            for fb in level.connect(id) {
                if let IntroFeedback::IncidentStarted { failed, stalled } = fb {
                    assert!(stalled.contains(&failed));
                    incident = Some(failed);
                }
            }
        }
        let failed = incident.expect("an incident follows the first run");
        assert!(!level.status().running);
        assert!(
            level.status().stalls.len() > 1,
            "the failed part takes others down with it"
        );
        let wrong = ids.iter().find(|i| **i != failed).expect("another part");
        assert_eq!(
            level.repair(wrong),
            IntroFeedback::WrongRepair {
                part: wrong.clone()
            }
        );
        assert!(!level.is_complete());
        level.repair(&failed);
        assert!(level.is_complete());
        assert_eq!(level.mistakes, 1);
        assert_eq!(level.stars(), 2);
    }

    #[test]
    fn incident_is_seeded() {
        let s = spec();
        let run = |seed| {
            let mut level = IntroLevel::new(s.clone(), seed);
            for id in needed_ids(&s) {
                level.connect(&id);
            }
            level.phase.clone()
        };
        // Recorded: seed 5 breaks this part, in every version and on every machine.
        assert_eq!(
            run(5),
            IntroPhase::Incident {
                failed: "microphone".into()
            }
        );
        let phases: BTreeSet<String> = (0..30).map(|seed| format!("{:?}", run(seed))).collect();
        assert!(phases.len() > 1, "different seeds break different parts");
    }
}
