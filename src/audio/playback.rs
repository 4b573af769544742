//! Sound: plays generated WAV clips through Bevy's audio and keeps captions for every sound
//! that matters (the door slam, dialogue), so no lesson depends on hearing.

use std::sync::Arc;

use bevy::audio::{
    AudioPlayer, AudioSink, AudioSinkPlayback, AudioSource, PlaybackSettings, Volume,
};
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::audio_synth::{SAMPLE_RATE, encode_wav_pcm16};
use crate::music::{MusicMood, score_loop};
use crate::tour::Screen;

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

/// Marks sounds started by `PlaySound`, so a new cue can stop the old one.
#[derive(Component)]
struct CueSound;

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

fn play_sounds(
    mut commands: Commands,
    mut cues: MessageReader<PlaySound>,
    mut sources: ResMut<Assets<AudioSource>>,
    playing: Query<Entity, With<CueSound>>,
    volumes: Res<ActiveVolumes>,
) {
    for cue in cues.read() {
        // One cue at a time: replaying a clip should not layer on the last one.
        for e in &playing {
            commands.entity(e).despawn();
        }
        let handle = sources.add(AudioSource {
            bytes: cue.wav.as_slice().into(),
        });
        let volume = Volume::Linear(volumes.0.of(cue.channel));
        commands.spawn((
            CueSound,
            AudioPlayer(handle),
            PlaybackSettings::DESPAWN.with_volume(volume),
        ));
    }
}

/// The music loop under the title and the studio map.
#[derive(Component)]
struct TitleMusic;

/// Asks for the trailer score in Stop 5 (or `None` to stop it).
#[derive(Message, Debug, Clone, Copy)]
pub struct PlayScore(pub Option<MusicMood>);

#[derive(Component)]
struct ScoreMusic;

fn music_source(sources: &mut Assets<AudioSource>, mood: MusicMood) -> Handle<AudioSource> {
    sources.add(AudioSource {
        bytes: encode_wav_pcm16(&score_loop(mood), SAMPLE_RATE).into(),
    })
}

fn start_title_music(
    mut commands: Commands,
    mut sources: ResMut<Assets<AudioSource>>,
    playing: Query<(), With<TitleMusic>>,
    volumes: Res<ActiveVolumes>,
) {
    if !playing.is_empty() {
        return;
    }
    commands.spawn((
        TitleMusic,
        AudioPlayer(music_source(&mut sources, MusicMood::Bright)),
        PlaybackSettings::LOOP.with_volume(Volume::Linear(volumes.0.music)),
    ));
}

fn stop_title_music(mut commands: Commands, playing: Query<Entity, With<TitleMusic>>) {
    for e in &playing {
        commands.entity(e).despawn();
    }
}

fn play_score(
    mut commands: Commands,
    mut cues: MessageReader<PlayScore>,
    mut sources: ResMut<Assets<AudioSource>>,
    playing: Query<Entity, With<ScoreMusic>>,
    volumes: Res<ActiveVolumes>,
) {
    for cue in cues.read() {
        for e in &playing {
            commands.entity(e).despawn();
        }
        if let Some(mood) = cue.0 {
            commands.spawn((
                ScoreMusic,
                AudioPlayer(music_source(&mut sources, mood)),
                PlaybackSettings::DESPAWN.with_volume(Volume::Linear(volumes.0.music)),
            ));
        }
    }
}

/// Moving a slider changes what is already playing, not just the next sound.
fn apply_volumes(
    volumes: Res<ActiveVolumes>,
    mut music: Query<&mut AudioSink, Or<(With<TitleMusic>, With<ScoreMusic>)>>,
) {
    if !volumes.is_changed() {
        return;
    }
    for mut sink in &mut music {
        sink.set_volume(Volume::Linear(volumes.0.of(SoundChannel::Music)));
    }
}

/// Captions and cue bookkeeping: part of the logic, so tests can see what would be heard.
pub fn captions_plugin(app: &mut App) {
    app.add_message::<PlaySound>()
        .add_message::<PlayScore>()
        .init_resource::<ActiveVolumes>()
        .init_resource::<Captions>()
        .add_systems(Last, (caption_sounds, expire_captions));
}

/// Real playback through Bevy's audio (needs `AudioPlugin`, part of `DefaultPlugins`).
pub fn playback_plugin(app: &mut App) {
    app.add_systems(PostUpdate, (play_sounds, play_score, apply_volumes))
        .add_systems(OnEnter(Screen::Title), start_title_music)
        .add_systems(OnEnter(Screen::Map), start_title_music)
        .add_systems(OnEnter(Screen::Stop), stop_title_music)
        .add_systems(OnEnter(Screen::Finale), stop_title_music);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio_synth::door_slam;
    use bevy::audio::{Decodable, Source};

    /// The WAV we generate must decode through Bevy's own audio decoder, sample for sample.
    #[test]
    fn generated_wav_decodes_through_bevy_audio() {
        let samples = door_slam(7);
        let source = AudioSource {
            bytes: encode_wav_pcm16(&samples, SAMPLE_RATE).into(),
        };
        let decoder = source.decoder();
        assert_eq!(decoder.sample_rate().get(), SAMPLE_RATE);
        assert_eq!(decoder.channels().get(), 1);
        let decoded: Vec<f32> = decoder.collect();
        assert_eq!(decoded.len(), samples.len());
        let worst = decoded
            .iter()
            .zip(&samples)
            .map(|(a, b)| (a - b.clamp(-1.0, 1.0)).abs())
            .fold(0.0f32, f32::max);
        assert!(worst < 1e-3, "16-bit rounding only, got {worst}");
    }
}
