//! The LED volume's signal chain, Stop 2's first task: the student links the pieces in the
//! order the picture travels (from the tracked camera, through the game engine and the render
//! servers, over the network and the LED processors, to the panels), sorts each piece as
//! hardware or software, and names the person who runs it. Pieces, order, kinds and people
//! come from `assets/virtual_production.ron`; a wrong answer is refused with its reason.
//! Plain Rust, no Bevy.

use serde::{Deserialize, Serialize};

use crate::stops::virtual_production::model::shots::ShotFieldError;

/// Hardware or software: what the seeds teach for Stop 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PieceKind {
    /// The physical parts: you can touch them.
    Hardware,
    /// The instructions given to a computer.
    Software,
}

impl PieceKind {
    pub const ALL: [PieceKind; 2] = [PieceKind::Hardware, PieceKind::Software];

    /// "hardware" or "software".
    pub fn word(self) -> &'static str {
        match self {
            PieceKind::Hardware => "hardware",
            PieceKind::Software => "software",
        }
    }

    /// What the word means, for a 12-year-old.
    pub fn meaning(self) -> &'static str {
        match self {
            PieceKind::Hardware => "the physical parts: you can touch them",
            PieceKind::Software => "the instructions given to a computer",
        }
    }
}

/// One piece of the chain, as the content file gives it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainPiece {
    /// Short unique name (lower case letters, digits and `_`).
    pub id: String,
    /// What the student sees, e.g. "Game engine".
    pub name: String,
    pub kind: PieceKind,
    /// What the piece does, said when it is linked.
    pub does: String,
    /// Why it sits where it does in the chain: the reason a link out of order is refused.
    pub why_here: String,
    /// Why it is hardware or software: said when it is sorted, right or wrong.
    pub kind_reason: String,
    /// The role of the person who runs it (one of the chain's `people`).
    pub person: String,
}

/// A person who may run a piece: one of the choices when the student names who runs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainPerson {
    /// The job title, e.g. "Network Engineer".
    pub role: String,
    /// What the person does, said when they are named (right or wrong).
    pub does: String,
}

/// The chain as the content file gives it: `chain: (intro: …, pieces: […], people: […])`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalChain {
    /// What the task is about, shown above it.
    pub intro: String,
    /// The pieces in the order the picture travels.
    pub pieces: Vec<ChainPiece>,
    /// Everyone the student may name, the right people and others.
    pub people: Vec<ChainPerson>,
}

/// Most pieces and people: each is chosen with a digit key.
pub const MAX_CHOICES: usize = 9;

/// Pieces the stage's controls are labelled by; the chain must have them.
pub const PIECES_THE_CONTROLS_NEED: [&str; 3] = ["game_engine", "tracking_sensors", "led_panels"];

fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl SignalChain {
    /// Everything RON cannot check; field names start at `chain`. Empty means playable.
    pub fn validate(&self) -> Vec<ShotFieldError> {
        let mut errors = Vec::new();
        let mut error = |field: String, message: String| {
            errors.push(ShotFieldError::new(field, message));
        };
        if self.intro.trim().is_empty() {
            error("chain.intro".into(), "is empty".into());
        }
        if self.pieces.len() < 2 || self.pieces.len() > MAX_CHOICES {
            error(
                "chain.pieces".into(),
                format!(
                    "has {} pieces; a chain needs 2 to {MAX_CHOICES}",
                    self.pieces.len()
                ),
            );
        }
        if self.people.len() < 2 || self.people.len() > MAX_CHOICES {
            error(
                "chain.people".into(),
                format!(
                    "has {} people; give 2 to {MAX_CHOICES} to choose from",
                    self.people.len()
                ),
            );
        }
        for kind in PieceKind::ALL {
            if !self.pieces.iter().any(|p| p.kind == kind) {
                error(
                    "chain.pieces".into(),
                    format!(
                        "no piece is {}; the task sorts hardware from software",
                        kind.word()
                    ),
                );
            }
        }
        for id in PIECES_THE_CONTROLS_NEED {
            if !self.pieces.iter().any(|p| p.id == id) {
                error(
                    "chain.pieces".into(),
                    format!(
                        "no piece has the id \"{id}\"; the stage's controls are named after it"
                    ),
                );
            }
        }
        let mut ids = std::collections::HashSet::new();
        for (i, piece) in self.pieces.iter().enumerate() {
            let field = |name: &str| format!("chain.pieces[{i}].{name}");
            if !is_identifier(&piece.id) {
                error(
                    field("id"),
                    format!(
                        "\"{}\" must be lower case letters, digits and _ (and not empty)",
                        piece.id
                    ),
                );
            } else if !ids.insert(piece.id.as_str()) {
                error(field("id"), format!("\"{}\" is used twice", piece.id));
            }
            for (name, text) in [
                ("name", &piece.name),
                ("does", &piece.does),
                ("why_here", &piece.why_here),
                ("kind_reason", &piece.kind_reason),
            ] {
                if text.trim().is_empty() {
                    error(field(name), "is empty".into());
                }
            }
            if !self.people.iter().any(|p| p.role == piece.person) {
                error(
                    field("person"),
                    format!(
                        "\"{}\" is not one of the chain's people: {}",
                        piece.person,
                        self.people
                            .iter()
                            .map(|p| p.role.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
        self.validate_people(&mut errors);
        errors
    }

    /// Each person to choose from has a role, given once, and says what they do.
    fn validate_people(&self, errors: &mut Vec<ShotFieldError>) {
        let mut error = |field: String, message: String| {
            errors.push(ShotFieldError::new(field, message));
        };
        let mut roles = std::collections::HashSet::new();
        for (i, person) in self.people.iter().enumerate() {
            if person.role.trim().is_empty() {
                error(format!("chain.people[{i}].role"), "is empty".into());
            } else if !roles.insert(person.role.trim()) {
                error(
                    format!("chain.people[{i}].role"),
                    format!("\"{}\" is listed twice", person.role),
                );
            }
            if person.does.trim().is_empty() {
                error(format!("chain.people[{i}].does"), "is empty".into());
            }
        }
    }

    /// The piece with this id.
    pub fn piece(&self, id: &str) -> Option<&ChainPiece> {
        self.pieces.iter().find(|p| p.id == id)
    }

    /// The chain in one line: "Tracking sensors (hardware) → Game engine (software) → …".
    pub fn summary(&self) -> String {
        self.pieces
            .iter()
            .map(|p| format!("{} ({})", p.name, p.kind.word()))
            .collect::<Vec<_>>()
            .join(" ▶ ")
    }

    /// "Game engine (software)": how the stage's controls are labelled.
    pub fn heading(&self, id: &str) -> Option<String> {
        self.piece(id)
            .map(|p| format!("{} ({})", p.name, p.kind.word()))
    }
}

/// A name inside a sentence: "Game engine" becomes "game engine", "LED panels" stays.
pub fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

/// What the student does next.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChainStep {
    /// Pick the piece that comes next.
    #[default]
    Link,
    /// Say whether the piece just linked is hardware or software.
    Sort,
    /// Name the person who runs it.
    Person,
}

/// One answer of the student.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChainMove {
    /// Link this piece (index into the chain's pieces) next.
    Link(usize),
    /// The piece just linked is this kind.
    Sort(PieceKind),
    /// This person (index into the chain's people) runs it.
    Person(usize),
}

/// What the student has built so far. Wrong answers are refused, so the pieces linked are
/// always the chain's first `linked`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainTask {
    pub linked: usize,
    pub step: ChainStep,
    /// The last answer's reply: `Ok` said what was right, `Err` why it was refused.
    pub reply: Option<Result<String, String>>,
    /// Answers refused so far.
    pub refused: u32,
}

impl ChainTask {
    /// Whether every piece is linked, sorted and has its person.
    pub fn is_built(&self, chain: &SignalChain) -> bool {
        self.linked >= chain.pieces.len() && self.step == ChainStep::Link
    }

    /// The piece being sorted or given its person, if any.
    pub fn current<'a>(&self, chain: &'a SignalChain) -> Option<&'a ChainPiece> {
        match self.step {
            ChainStep::Link => None,
            _ => chain.pieces.get(self.linked.checked_sub(1)?),
        }
    }

    /// Progress that fits `chain` (a save made before the content changed may not).
    pub fn fits(&self, chain: &SignalChain) -> bool {
        self.linked <= chain.pieces.len() && (self.linked > 0 || self.step == ChainStep::Link)
    }

    /// The pieces still to link, as (index, piece), in alphabetical order so the list never
    /// gives the answer away.
    pub fn pool<'a>(&self, chain: &'a SignalChain) -> Vec<(usize, &'a ChainPiece)> {
        let mut pool: Vec<_> = chain.pieces.iter().enumerate().skip(self.linked).collect();
        pool.sort_by(|a, b| a.1.name.cmp(&b.1.name));
        pool
    }

    /// Try an answer. Right: the task moves on and the reply says why. Wrong: nothing moves
    /// and the reply says why not. The reply is also kept in [`ChainTask::reply`].
    pub fn answer(&mut self, chain: &SignalChain, answer: ChainMove) -> Result<String, String> {
        let reply = self.judge(chain, answer);
        if reply.is_err() {
            self.refused += 1;
        }
        self.reply = Some(reply.clone());
        reply
    }

    fn judge(&mut self, chain: &SignalChain, answer: ChainMove) -> Result<String, String> {
        if self.is_built(chain) {
            return Err("The chain is already built: every piece is linked.".into());
        }
        match (self.step, answer) {
            (ChainStep::Link, ChainMove::Link(i)) => self.link(chain, i),
            (ChainStep::Sort, ChainMove::Sort(kind)) => self.sort(chain, kind),
            (ChainStep::Person, ChainMove::Person(i)) => self.name_person(chain, i),
            (ChainStep::Link, _) => Err("First pick the piece that comes next.".into()),
            (ChainStep::Sort, _) => Err(format!(
                "First sort the {}: hardware or software?",
                self.current_name(chain)
            )),
            (ChainStep::Person, _) => Err(format!(
                "First name the person who runs the {}.",
                self.current_name(chain)
            )),
        }
    }

    fn current_name(&self, chain: &SignalChain) -> String {
        self.current(chain)
            .map_or_else(String::new, |p| in_sentence(&p.name))
    }

    fn link(&mut self, chain: &SignalChain, i: usize) -> Result<String, String> {
        let Some(piece) = chain.pieces.get(i) else {
            return Err("There is no such piece.".into());
        };
        if i < self.linked {
            return Err(format!(
                "The {} is already in the chain.",
                in_sentence(&piece.name)
            ));
        }
        if i != self.linked {
            let place = match self.linked.checked_sub(1).and_then(|j| chain.pieces.get(j)) {
                Some(last) => format!("after the {}", in_sentence(&last.name)),
                None => "first".to_owned(),
            };
            return Err(format!(
                "The {} cannot come {place}: {}",
                in_sentence(&piece.name),
                piece.why_here
            ));
        }
        self.linked += 1;
        self.step = ChainStep::Sort;
        Ok(format!("{}: {}", piece.name, piece.does))
    }

    fn sort(&mut self, chain: &SignalChain, kind: PieceKind) -> Result<String, String> {
        let Some(piece) = self.current(chain) else {
            return Err("There is no piece to sort.".into());
        };
        if piece.kind != kind {
            return Err(format!(
                "Not {} ({}). {}",
                kind.word(),
                kind.meaning(),
                piece.kind_reason
            ));
        }
        self.step = ChainStep::Person;
        Ok(format!("Yes, {}. {}", kind.word(), piece.kind_reason))
    }

    fn name_person(&mut self, chain: &SignalChain, i: usize) -> Result<String, String> {
        let (Some(piece), Some(person)) = (self.current(chain), chain.people.get(i)) else {
            return Err("There is no such person.".into());
        };
        let name = in_sentence(&piece.name);
        if person.role != piece.person {
            return Err(format!(
                "Not the {}: the {} {}. Who looks after the {name}?",
                person.role, person.role, person.does
            ));
        }
        self.step = ChainStep::Link;
        Ok(format!("Yes: the {} {}.", person.role, person.does))
    }

    /// The answers that finish the chain from here, in order (for Show me).
    pub fn solution(&self, chain: &SignalChain) -> Vec<ChainMove> {
        let mut moves = Vec::new();
        let mut step = self.step;
        for i in self.linked.saturating_sub(1)..chain.pieces.len() {
            let piece = &chain.pieces[i];
            if step == ChainStep::Link {
                if i < self.linked {
                    continue;
                }
                moves.push(ChainMove::Link(i));
                step = ChainStep::Sort;
            }
            if step == ChainStep::Sort {
                moves.push(ChainMove::Sort(piece.kind));
            }
            if let Some(p) = chain.people.iter().position(|p| p.role == piece.person) {
                moves.push(ChainMove::Person(p));
            }
            step = ChainStep::Link;
        }
        moves
    }
}

#[cfg(test)]
mod tests;
