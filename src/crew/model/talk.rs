//! A conversation being played: the lines of one or more moments, one shown at a time, and
//! which moments were already said this visit (a reaction is said once, not at every retry).
//! Plain Rust.

use std::collections::HashSet;

use super::{Crew, Moment};

/// One line on screen: who says it (a host id) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpokenLine {
    pub host: String,
    pub text: String,
}

/// The open conversation of a stop.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Talk {
    pub stop: usize,
    pub lines: Vec<SpokenLine>,
    /// The line on screen.
    pub index: usize,
    /// The moments this conversation holds, in order (an intro, or a reaction then the way
    /// to the gate).
    pub moments: Vec<Moment>,
}

impl Talk {
    pub fn current(&self) -> Option<&SpokenLine> {
        self.lines.get(self.index)
    }

    pub fn is_last(&self) -> bool {
        self.index + 1 >= self.lines.len()
    }

    /// Show the next line; false when there was none (the conversation is over).
    pub fn advance(&mut self) -> bool {
        if self.is_last() {
            return false;
        }
        self.index += 1;
        true
    }

    pub fn back(&mut self) {
        self.index = self.index.saturating_sub(1);
    }
}

/// What a stop's host has to say, and what they already said on this visit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conversation {
    pub talk: Option<Talk>,
    said: HashSet<(usize, Moment)>,
}

impl Conversation {
    /// A new visit: everything may be said again.
    pub fn new_visit(&mut self) {
        self.said.clear();
        self.talk = None;
    }

    pub fn was_said(&self, stop: usize, moment: &Moment) -> bool {
        self.said.contains(&(stop, moment.clone()))
    }

    /// Say a moment of `stop`'s script, once per visit. If a conversation of the same stop is
    /// open, its lines follow the ones on screen rather than cutting them off. True when
    /// anything was added.
    pub fn say(&mut self, crew: &Crew, stop: usize, moment: Moment) -> bool {
        if self.was_said(stop, &moment) {
            return false;
        }
        let lines: Vec<SpokenLine> = crew
            .lines(stop, &moment)
            .into_iter()
            .map(|(host, text)| SpokenLine {
                host: host.id.clone(),
                text: text.to_string(),
            })
            .collect();
        self.said.insert((stop, moment.clone()));
        if lines.is_empty() {
            return false;
        }
        match &mut self.talk {
            Some(talk) if talk.stop == stop => {
                talk.lines.extend(lines);
                talk.moments.push(moment);
            }
            _ => {
                self.talk = Some(Talk {
                    stop,
                    lines,
                    index: 0,
                    moments: vec![moment],
                })
            }
        }
        true
    }

    /// Say a moment again from its first line, even if it was said this visit (the briefing's
    /// introduction, each time the briefing opens).
    pub fn replay(&mut self, crew: &Crew, stop: usize, moment: Moment) -> bool {
        self.said.remove(&(stop, moment.clone()));
        if self
            .talk
            .as_ref()
            .is_some_and(|t| t.moments.contains(&moment))
        {
            self.talk = None;
        }
        self.say(crew, stop, moment)
    }

    /// Advance; the conversation closes after its last line. True while it stays open.
    pub fn advance(&mut self) -> bool {
        let open = self.talk.as_mut().is_some_and(Talk::advance);
        if !open {
            self.talk = None;
        }
        open
    }

    pub fn close(&mut self) {
        self.talk = None;
    }

    /// The host speaking now, if any.
    pub fn speaker(&self) -> Option<&str> {
        self.talk
            .as_ref()
            .and_then(Talk::current)
            .map(|l| l.host.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::model::content::bundled_file;

    fn crew() -> Crew {
        bundled_file::<Crew>().expect("crew")
    }

    #[test]
    fn a_reaction_is_said_once_a_visit_and_again_on_the_next() {
        let crew = crew();
        let mut talk = Conversation::default();
        let cue = Moment::Cue("wall-lagging".into());
        assert!(talk.say(&crew, 2, cue.clone()));
        talk.close();
        assert!(!talk.say(&crew, 2, cue.clone()), "not twice in one visit");
        assert!(talk.talk.is_none());
        talk.new_visit();
        assert!(talk.say(&crew, 2, cue), "a new visit may say it again");
    }

    #[test]
    fn lines_follow_the_open_ones_and_the_last_closes_it() {
        let crew = crew();
        let mut talk = Conversation::default();
        talk.say(&crew, 0, Moment::Handover);
        let handover = crew.lines(0, &Moment::Handover).len();
        talk.say(&crew, 0, Moment::ToGate);
        let to_gate = crew.lines(0, &Moment::ToGate).len();
        let open = talk.talk.clone().expect("open");
        assert_eq!(
            open.lines.len(),
            handover + to_gate,
            "appended, not cut off"
        );
        assert_eq!(open.index, 0);
        assert_eq!(talk.speaker(), Some(crew.hosts_of(0)[0].id.as_str()));
        for _ in 1..handover + to_gate {
            assert!(talk.advance());
        }
        assert!(!talk.advance(), "past the last line it closes");
        assert!(talk.talk.is_none() && talk.speaker().is_none());
    }

    #[test]
    fn the_introduction_can_be_replayed_from_its_first_line() {
        let crew = crew();
        let mut talk = Conversation::default();
        talk.say(&crew, 3, Moment::Intro);
        talk.advance();
        assert_eq!(talk.talk.as_ref().map(|t| t.index), Some(1));
        assert!(talk.replay(&crew, 3, Moment::Intro));
        assert_eq!(talk.talk.as_ref().map(|t| t.index), Some(0));
        talk.talk.as_mut().expect("open").back();
        assert_eq!(
            talk.talk.as_ref().map(|t| t.index),
            Some(0),
            "back stops at the first"
        );
    }

    #[test]
    fn a_moment_with_no_lines_opens_nothing() {
        let crew = crew();
        let mut talk = Conversation::default();
        assert!(!talk.say(&crew, 1, Moment::Cue("no-such-cue".into())));
        assert!(talk.talk.is_none());
        assert!(!talk.say(&crew, 9, Moment::Intro), "no stop 9");
    }
}
