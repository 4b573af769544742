//! "Show me" as plain data: a demonstration is a list of steps, each a command for the level
//! and a caption the teacher can read out, played one at a time on a steady beat. Plain Rust,
//! no Bevy.

/// Seconds between steps: slow enough to narrate each one.
pub const STEP_SECONDS: f32 = 1.5;

/// One step of a demonstration: what the level is told to do, and why, in a line.
#[derive(Debug, Clone, PartialEq)]
pub struct ShowStep<C> {
    pub caption: String,
    pub command: C,
}

impl<C> ShowStep<C> {
    pub fn new(caption: impl Into<String>, command: C) -> Self {
        Self {
            caption: caption.into(),
            command,
        }
    }
}

/// What the clock says to do this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beat {
    /// Nothing yet.
    Wait,
    /// Play step `n` (from 0) now.
    Play(usize),
    /// Every step has been played and shown for its full beat: the demonstration is over.
    Done,
}

/// The demonstration's beat: the first step plays at once, each next one `STEP_SECONDS`
/// later, and the last one stays on screen for a full beat before the end.
#[derive(Debug, Clone, PartialEq)]
pub struct ShowClock {
    total: usize,
    played: usize,
    since_last: f32,
}

impl ShowClock {
    pub fn new(total: usize) -> Self {
        Self {
            total,
            played: 0,
            since_last: 0.0,
        }
    }

    /// Steps played so far.
    pub fn played(&self) -> usize {
        self.played
    }

    pub fn total(&self) -> usize {
        self.total
    }

    /// Advance by `dt` seconds. At most one step plays per call, so a long frame never
    /// skips a caption.
    pub fn tick(&mut self, dt: f32) -> Beat {
        if self.played == 0 && self.total > 0 {
            self.played = 1;
            self.since_last = 0.0;
            return Beat::Play(0);
        }
        self.since_last += dt.max(0.0);
        if self.since_last < STEP_SECONDS {
            return Beat::Wait;
        }
        self.since_last = 0.0;
        if self.played >= self.total {
            return Beat::Done;
        }
        self.played += 1;
        Beat::Play(self.played - 1)
    }
}

/// The banner line for step `index` (from 0) of `total`.
pub fn caption_line(index: usize, total: usize, caption: &str) -> String {
    format!("Show me — step {} of {total}: {caption}", index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_play_on_the_beat_and_the_last_one_is_held() {
        let mut clock = ShowClock::new(3);
        assert_eq!(
            clock.tick(0.0),
            Beat::Play(0),
            "the first step plays at once"
        );
        assert_eq!(clock.tick(STEP_SECONDS * 0.5), Beat::Wait);
        assert_eq!(clock.tick(STEP_SECONDS * 0.6), Beat::Play(1));
        assert_eq!(clock.tick(STEP_SECONDS), Beat::Play(2));
        assert_eq!(clock.played(), 3);
        assert_eq!(
            clock.tick(STEP_SECONDS * 0.9),
            Beat::Wait,
            "the last caption stays"
        );
        assert_eq!(clock.tick(STEP_SECONDS * 0.2), Beat::Done);
    }

    #[test]
    fn a_long_frame_plays_one_step_only() {
        let mut clock = ShowClock::new(4);
        clock.tick(0.0);
        assert_eq!(clock.tick(STEP_SECONDS * 10.0), Beat::Play(1));
        assert_eq!(clock.tick(0.0), Beat::Wait);
    }

    #[test]
    fn an_empty_demonstration_ends_after_one_beat() {
        let mut clock = ShowClock::new(0);
        assert_eq!(clock.tick(0.1), Beat::Wait);
        assert_eq!(clock.tick(STEP_SECONDS), Beat::Done);
    }

    #[test]
    fn the_caption_counts_from_one() {
        assert_eq!(
            caption_line(1, 5, "connect the render servers"),
            "Show me — step 2 of 5: connect the render servers"
        );
    }
}
