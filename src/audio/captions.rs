//! What the game says it is playing: the sound cues and music requests that logic sends,
//! and the captions kept for every sound that matters (the door slam, dialogue), so no lesson
//! depends on hearing. Runs headless; `playback` plays the sounds for real.

use std::sync::Arc;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::audio::model::music::MusicMood;

/// Ask for a sound to be played. Logic writes these; without the audio plugin (headless tests)
/// they are simply not played, but the caption is still recorded.
#[derive(Message, Debug, Clone)]
pub struct PlaySound {
    /// A complete WAV file in memory.
    pub wav: Arc<Vec<u8>>,
    /// What the sound is, for the captions: "[door slam, 2 frames late]".
    pub caption: String,
    /// How long to show the caption, in seconds (usually the clip's length).
    pub seconds: f32,
    /// Which volume slider governs it.
    pub channel: SoundChannel,
}

/// The three volume sliders of the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SoundChannel {
    Music,
    Effects,
    Voice,
}

/// Volumes per channel, 0–1 (linear gain). Saved with the other settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Volumes {
    pub music: f32,
    pub effects: f32,
    pub voice: f32,
}

impl Default for Volumes {
    fn default() -> Self {
        Self {
            music: 0.5,
            effects: 1.0,
            voice: 1.0,
        }
    }
}

impl Volumes {
    pub fn of(&self, channel: SoundChannel) -> f32 {
        let v = match channel {
            SoundChannel::Music => self.music,
            SoundChannel::Effects => self.effects,
            SoundChannel::Voice => self.voice,
        };
        if v.is_finite() {
            v.clamp(0.0, 1.0)
        } else {
            1.0
        }
    }
}

/// The volumes in force; the settings screen writes it, playback reads it.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
pub struct ActiveVolumes(pub Volumes);

#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    pub text: String,
    pub remaining: f32,
}

#[derive(Resource, Debug, Default)]
pub struct Captions {
    pub active: Vec<Caption>,
}

fn caption_sounds(mut cues: MessageReader<PlaySound>, mut captions: ResMut<Captions>) {
    for cue in cues.read() {
        captions.active.push(Caption {
            text: cue.caption.clone(),
            remaining: cue.seconds.max(2.0),
        });
    }
}

fn expire_captions(time: Res<Time>, mut captions: ResMut<Captions>) {
    if captions.active.is_empty() {
        return;
    }
    let dt = time.delta_secs();
    for c in &mut captions.active {
        c.remaining -= dt;
    }
    captions.active.retain(|c| c.remaining > 0.0);
}

/// Asks for the trailer score in Stop 5 (or `None` to stop it).
#[derive(Message, Debug, Clone, Copy)]
pub struct PlayScore(pub Option<MusicMood>);

/// Captions and cue bookkeeping: part of the logic, so tests can see what would be heard.
pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlaySound>()
        .add_message::<PlayScore>()
        .init_resource::<ActiveVolumes>()
        .init_resource::<Captions>()
        .add_systems(Last, (caption_sounds, expire_captions));
}
