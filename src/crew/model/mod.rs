//! The crew: the people behind the camera who host the tour's stops, and what they say.
//! Plain Rust, no Bevy. `assets/crew.ron` holds every host (name, role, how they came to the
//! job, what they did in the tour, how they look) and every stop's script: the lines that
//! introduce the stop, hand over the level, react at moments that matter and send the student
//! to the gate.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::tour::model::content::{ContentError, ContentFile, STOP_COUNT, parse_and_validate};

pub mod beats;
pub mod glossary;
pub mod look;
pub mod pose;
pub mod readability;
pub mod talk;

pub use look::{HairStyle, Look, Prop, Rgb};

pub const CREW_FILE: &str = "crew.ron";
const BUNDLED_CREW: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/crew.ron"));

/// The moments a level tells its host about, by stop: `(stop, cue, when it happens)`. A
/// reaction in `crew.ron` names one of these; the level sends it when the moment comes.
pub const CUES: &[(u8, &str, &str)] = &[
    (
        0,
        "wrong-part",
        "the student blames a part that only stalled",
    ),
    (
        0,
        "root-found",
        "the student finds the part that really failed",
    ),
    (1, "check-failed", "a panel fails the director's check"),
    (1, "panel-passed", "a panel passes the check"),
    (
        2,
        "wall-lagging",
        "a take fails because the wall lags behind the camera",
    ),
    (
        2,
        "moire",
        "a take fails because the wall's pattern shimmers (moiré)",
    ),
    (2, "take-passed", "a take passes every check"),
    (
        3,
        "out-of-sync",
        "the student says in sync, but the sound is off",
    ),
    (3, "in-sync", "picture and sound are in sync"),
    (4, "ratio-wrong", "a ratio answer is wrong"),
    (4, "ratio-right", "a ratio answer is right"),
    (5, "deadline-missed", "the footage misses the deadline"),
    (5, "deadline-met", "the footage arrives in time"),
    (
        6,
        "match-wrong",
        "a person is matched to something they did not do",
    ),
    (6, "crew-matched", "every person is matched"),
];

/// Everything in `assets/crew.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Crew {
    pub hosts: Vec<Host>,
    pub scripts: Vec<StopScript>,
}

/// A professional who hosts one or more stops.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Host {
    /// Short and stable: lines name their speaker by it, and saves name picked careers by it.
    pub id: String,
    pub name: String,
    /// The job, as the student sees it ("Sound Designer").
    pub role: String,
    /// The career in `conclusion.ron` this person does: its subjects and first steps.
    pub career: String,
    /// The stops this person hosts.
    pub stops: Vec<u8>,
    /// How they came to the job: school subjects, first camera, free software.
    pub origin: String,
    /// What they did in the tour, for the Conclusion's match ("kept the wall in sync with the
    /// camera"). It must point to this person and no one else.
    pub did: String,
    pub look: Look,
}

/// A stop's dialogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StopScript {
    pub stop: u8,
    /// On the briefing: who they are, the guiding question, the key idea and the words. Each
    /// host's `origin` is said after their first line.
    pub intro: Vec<Line>,
    /// When the level starts: what to do.
    pub handover: Vec<Line>,
    /// Said once per visit when the level sends the cue.
    #[serde(default)]
    pub reactions: Vec<Reaction>,
    /// When every task of the level is done: on to the gate.
    pub to_gate: Vec<Line>,
}

/// One line of dialogue: one short idea, said by one host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub host: String,
    pub text: String,
}

impl Line {
    fn pair(&self) -> (&str, &str) {
        (&self.host, &self.text)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reaction {
    pub cue: String,
    pub host: String,
    pub text: String,
}

/// Which part of a stop's script to play.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Moment {
    Intro,
    Handover,
    Cue(String),
    ToGate,
}

/// `assets/crew.ron`, loaded the way every content file is (see `ContentFile`).
impl ContentFile for Crew {
    const FILE: &'static str = CREW_FILE;
    const BUNDLED: &'static str = BUNDLED_CREW;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        parse_and_validate(text, file, Crew::validate)
    }
}

impl Crew {
    pub fn host(&self, id: &str) -> Option<&Host> {
        self.hosts.iter().find(|h| h.id == id)
    }

    /// The hosts of a stop, in the file's order.
    pub fn hosts_of(&self, stop: usize) -> Vec<&Host> {
        self.hosts
            .iter()
            .filter(|h| h.stops.iter().any(|&s| usize::from(s) == stop))
            .collect()
    }

    pub fn script(&self, stop: usize) -> Option<&StopScript> {
        self.scripts.iter().find(|s| usize::from(s.stop) == stop)
    }

    /// The lines of one moment of a stop's script, with their speakers.
    pub fn lines(&self, stop: usize, moment: &Moment) -> Vec<(&Host, &str)> {
        let Some(script) = self.script(stop) else {
            return Vec::new();
        };
        let said: Vec<(&str, &str)> = match moment {
            Moment::Intro => script.intro.iter().map(Line::pair).collect(),
            Moment::Handover => script.handover.iter().map(Line::pair).collect(),
            Moment::ToGate => script.to_gate.iter().map(Line::pair).collect(),
            Moment::Cue(cue) => script
                .reactions
                .iter()
                .filter(|r| &r.cue == cue)
                .map(|r| (r.host.as_str(), r.text.as_str()))
                .collect(),
        };
        let mut out: Vec<(&Host, &str)> = Vec::new();
        for (id, text) in said {
            let Some(host) = self.host(id) else { continue };
            out.push((host, text));
            // In the introduction each host tells how they came to the job, right after
            // saying who they are: the tour wants students to hear exactly this.
            if *moment == Moment::Intro && out.iter().filter(|(h, _)| h.id == host.id).count() == 1
            {
                out.push((host, host.origin.as_str()));
            }
        }
        out
    }

    /// Every text a stop's hosts say or show: their origins and all the stop's lines. The
    /// reading grade and the vocabulary check read this.
    pub fn stop_text(&self, stop: usize) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .hosts_of(stop)
            .iter()
            .map(|h| h.origin.as_str())
            .collect();
        if let Some(script) = self.script(stop) {
            for l in script
                .intro
                .iter()
                .chain(&script.handover)
                .chain(&script.to_gate)
            {
                out.push(&l.text);
            }
            out.extend(script.reactions.iter().map(|r| r.text.as_str()));
        }
        out
    }

    /// How well each deed fits each person: `scores[x][d]` is the number of distinct content
    /// words of host `d`'s "did" that host `x` uses in their own origin and lines. A deed
    /// points to one person when its own host scores highest, strictly.
    pub fn deed_scores(&self) -> Vec<Vec<usize>> {
        let own_words: Vec<HashSet<String>> = self
            .hosts
            .iter()
            .map(|h| {
                let mut text = vec![h.origin.as_str()];
                for script in &self.scripts {
                    for l in script
                        .intro
                        .iter()
                        .chain(&script.handover)
                        .chain(&script.to_gate)
                    {
                        if l.host == h.id {
                            text.push(&l.text);
                        }
                    }
                    text.extend(
                        script
                            .reactions
                            .iter()
                            .filter(|r| r.host == h.id)
                            .map(|r| r.text.as_str()),
                    );
                }
                text.iter().flat_map(|t| content_words(t)).collect()
            })
            .collect();
        own_words
            .iter()
            .map(|words| {
                self.hosts
                    .iter()
                    .map(|d| {
                        content_words(&d.did)
                            .iter()
                            .filter(|w| words.contains(*w))
                            .count()
                    })
                    .collect()
            })
            .collect()
    }

    /// Structural checks that RON cannot express.
    pub fn validate(&self, file: &Path) -> Vec<ContentError> {
        self.problems()
            .into_iter()
            .map(|m| ContentError::whole_file(file, m))
            .collect()
    }

    fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut ids = HashSet::new();
        let mut deeds = HashSet::new();
        for host in &self.hosts {
            let who = format!("host '{}'", host.id);
            if host.id.trim().is_empty() {
                out.push("a host has no id".to_string());
            }
            if !ids.insert(host.id.as_str()) {
                out.push(format!("{who} is listed twice"));
            }
            for (field, text) in [
                ("name", &host.name),
                ("role", &host.role),
                ("career", &host.career),
                ("origin", &host.origin),
                ("did", &host.did),
            ] {
                if text.trim().is_empty() {
                    out.push(format!("{who} has no {field}"));
                }
            }
            if !deeds.insert(host.did.trim().to_lowercase()) {
                out.push(format!("{who}: another host has the same 'did'"));
            }
            if host.stops.is_empty() {
                out.push(format!("{who} hosts no stop"));
            }
            for &stop in &host.stops {
                if usize::from(stop) >= STOP_COUNT {
                    out.push(format!(
                        "{who}: stop {stop} is not a stop of the tour (0-{})",
                        STOP_COUNT - 1
                    ));
                }
            }
            out.extend(
                host.look
                    .problems()
                    .into_iter()
                    .map(|p| format!("{who}: {p}")),
            );
        }
        for stop in 0..STOP_COUNT {
            if self.hosts_of(stop).is_empty() {
                out.push(format!("stop {stop} has no host"));
            }
            match self
                .scripts
                .iter()
                .filter(|s| usize::from(s.stop) == stop)
                .count()
            {
                0 => out.push(format!("stop {stop} has no script")),
                1 => {}
                _ => out.push(format!("stop {stop} has more than one script")),
            }
        }
        for script in &self.scripts {
            out.extend(self.script_problems(script));
        }
        out
    }

    fn script_problems(&self, script: &StopScript) -> Vec<String> {
        let mut out = Vec::new();
        let stop = script.stop;
        if usize::from(stop) >= STOP_COUNT {
            out.push(format!("a script is for stop {stop}, which the tour lacks"));
            return out;
        }
        for (part, lines) in [
            ("intro", &script.intro),
            ("handover", &script.handover),
            ("to_gate", &script.to_gate),
        ] {
            if lines.is_empty() {
                out.push(format!("stop {stop}: the {part} has no lines"));
            }
            for line in lines {
                out.extend(self.line_problem(stop, part, &line.host, &line.text));
            }
        }
        for r in &script.reactions {
            if !CUES.iter().any(|&(s, cue, _)| s == stop && cue == r.cue) {
                let known: Vec<&str> = CUES
                    .iter()
                    .filter(|(s, _, _)| *s == stop)
                    .map(|(_, c, _)| *c)
                    .collect();
                out.push(format!(
                    "stop {stop}: no moment is called '{}' (this stop has: {})",
                    r.cue,
                    known.join(", ")
                ));
            }
            out.extend(self.line_problem(stop, "reactions", &r.host, &r.text));
        }
        out
    }

    fn line_problem(&self, stop: u8, part: &str, host: &str, text: &str) -> Option<String> {
        match self.host(host) {
            None => Some(format!("stop {stop} {part}: no host has the id '{host}'")),
            Some(h) if !h.stops.contains(&stop) => Some(format!(
                "stop {stop} {part}: '{host}' speaks here but does not host stop {stop}"
            )),
            _ if text.trim().is_empty() => Some(format!("stop {stop} {part}: an empty line")),
            _ => None,
        }
    }
}

/// Words too common to tell one person's job from another's.
const STOP_WORDS: &[&str] = &[
    "that", "this", "with", "from", "your", "have", "what", "they", "them", "their", "there",
    "then", "when", "where", "which", "will", "would", "were", "into", "about", "just", "like",
    "make", "more", "some", "than", "very", "each", "every", "only", "also", "been", "here",
    "once", "over", "same", "such", "these", "those", "while",
];

/// The distinct words of four letters or more that say something, in lower case.
fn content_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests;
