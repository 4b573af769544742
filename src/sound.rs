//! Sound: plays generated WAV clips through Bevy's audio and keeps captions for every sound
//! that matters (the door slam, dialogue), so no lesson depends on hearing.

use std::sync::Arc;

use bevy::audio::{AudioPlayer, AudioSource, PlaybackSettings};
use bevy::prelude::*;

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
}

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
) {
    for cue in cues.read() {
        // One cue at a time: replaying a clip should not layer on the last one.
        for e in &playing {
            commands.entity(e).despawn();
        }
        let handle = sources.add(AudioSource {
            bytes: cue.wav.as_slice().into(),
        });
        commands.spawn((CueSound, AudioPlayer(handle), PlaybackSettings::DESPAWN));
    }
}

/// Captions and cue bookkeeping: part of the logic, so tests can see what would be heard.
pub fn captions_plugin(app: &mut App) {
    app.add_message::<PlaySound>()
        .init_resource::<Captions>()
        .add_systems(Last, (caption_sounds, expire_captions));
}

/// Real playback through Bevy's audio (needs `AudioPlugin`, part of `DefaultPlugins`).
pub fn playback_plugin(app: &mut App) {
    app.add_systems(PostUpdate, play_sounds);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio_synth::{SAMPLE_RATE, door_slam, encode_wav_pcm16};
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
