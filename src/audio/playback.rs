//! Playback: the sound cues, title music and trailer score through Bevy's audio, at the
//! volumes from the settings. Needs `AudioPlugin`, so it is part of the app, not the logic.

use bevy::audio::{
    AudioPlayer, AudioSink, AudioSinkPlayback, AudioSource, PlaybackSettings, Volume,
};
use bevy::prelude::*;

use crate::audio::captions::{ActiveVolumes, PlayScore, PlaySound, SoundChannel};
use crate::audio::model::music::{MusicMood, score_loop};
use crate::audio::model::synth::{SAMPLE_RATE, encode_wav_pcm16};
use crate::tour::Screen;

/// Marks sounds started by `PlaySound`, so a new cue can stop the old one.
#[derive(Component)]
struct CueSound;

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

/// Real playback through Bevy's audio (needs `AudioPlugin`, part of `DefaultPlugins`).
pub(super) fn plugin(app: &mut App) {
    app.add_systems(PostUpdate, (play_sounds, play_score, apply_volumes))
        .add_systems(OnEnter(Screen::Title), start_title_music)
        .add_systems(OnEnter(Screen::Map), start_title_music)
        .add_systems(OnEnter(Screen::Stop), stop_title_music)
        .add_systems(OnEnter(Screen::Finale), stop_title_music);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::model::synth::door_slam;
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
