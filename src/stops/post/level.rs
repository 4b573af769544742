//! Stop 3, Post-Production: an editing timeline. The tasks and every answer check live in
//! `crate::stops::post::model` (which uses the exact timecode engine); this plugin runs the
//! playhead, applies the player's commands and sends the real sounds to play. In presenter
//! mode the "which clip is in sync?" task is a class vote that only the teacher reveals.

use std::sync::Arc;

use bevy::prelude::*;

use crate::GameConfig;
use crate::audio::captions::{PlaySound, SoundChannel};
use crate::audio::model::synth::{SAMPLE_RATE, encode_wav_pcm16};
use crate::classroom::presenter::commands::PresenterState;
use crate::crew::CrewCue;
use crate::stops::post::model::PostLevelSpec;
use crate::stops::post::model::{
    CountVerdict, CutVerdict, DropVerdict, LabelsVerdict, Nudge, PickVerdict, PostLevel,
    SyncVerdict, clip_letter,
};
use crate::stops::post::timecode::FrameRate;
use crate::tour::content_plugin::{Content, load_content};
use crate::tour::flow::{LevelCatalog, LevelStatus, TourSystems};
use crate::tour::lesson::LessonTasks;
use crate::tour::level_save::{self, LevelSnapshot, resume_level, save_level};
use crate::tour::{Notices, StopPhase, in_stop};

pub const STOP: usize = 3;

#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum PostCommand {
    /// (a) Slide the door slam.
    Nudge(Nudge),
    /// (a) "It's in sync now."
    SubmitSync,
    /// Play the sync clip from the start, with the slam where it is now.
    PlaySync,
    /// Show a clip in the viewer, stopped at its first frame, without playing it.
    View(Viewer),
    /// (b) Play talking clip `n` (0 is clip A) with its sound.
    PlayClip(usize),
    /// (b) "Clip `n` is the one in sync." Refused in presenter mode until the reveal: the
    /// class votes by a show of hands.
    PickClip(usize),
    /// (b) Presenter mode: show every clip's offset to the class.
    RevealClips,
    /// Step the playhead by frames (arrow keys).
    Step(i32),
    /// J/K/L shuttle: negative plays backwards, 0 stops; each press of L/J doubles the speed.
    Shuttle(i32),
    /// (b)
    AnswerCount(String),
    AnswerDuration(String),
    /// (c)
    AnswerCut {
        index: usize,
        in_tc: String,
        out_tc: String,
    },
    /// (d)
    AnswerFramesShort(String),
    AnswerMissingLabels(Vec<usize>),
}

/// The last answer to each task, shown under it. `Err` holds an input problem in words.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct PostFeedback {
    pub sync: Option<SyncVerdict>,
    pub late_clip: Option<Result<PickVerdict, String>>,
    pub count: Option<Result<CountVerdict, String>>,
    pub duration: Option<Result<CountVerdict, String>>,
    pub cuts: Vec<Option<Result<CutVerdict, String>>>,
    pub frames_short: Option<Result<DropVerdict, String>>,
    pub labels: Option<Result<LabelsVerdict, String>>,
}

/// The level in play, plus the timeline's playhead.
#[derive(Resource, Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PostState {
    pub level: PostLevel,
    pub feedback: PostFeedback,
    /// Playhead position in seconds from the start of the sync clip.
    pub playhead_seconds: f64,
    /// Shuttle speed in multiples of real time (0 = stopped).
    pub speed: i32,
    /// Which clip the viewer and the playhead are on.
    #[serde(default)]
    pub viewer: Viewer,
}

/// What the viewer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Viewer {
    /// (a) The hallway door swinging shut.
    #[default]
    Door,
    /// (b) Talking clip `n` (0 is clip A).
    Clip(usize),
}

impl PostState {
    pub fn rate(&self) -> FrameRate {
        self.level.sync.rate()
    }

    /// The frame under the playhead.
    pub fn playhead_frame(&self) -> u32 {
        let (num, den) = self.rate().fps_rational();
        let frames = self.playhead_seconds * num as f64 / den as f64;
        frames.max(0.0).floor() as u32
    }

    /// Frames of the clip in the viewer.
    pub fn viewer_frames(&self) -> u32 {
        match self.viewer {
            Viewer::Door => self.level.sync.clip_frames(),
            Viewer::Clip(_) => self.level.talking_picture().clip_frames,
        }
    }

    fn clip_seconds(&self) -> f64 {
        let (num, den) = self.rate().fps_rational();
        f64::from(self.viewer_frames()) * den as f64 / num as f64
    }

    fn set_frame(&mut self, frame: i64) {
        let (num, den) = self.rate().fps_rational();
        let last = i64::from(self.viewer_frames().saturating_sub(1));
        let f = frame.clamp(0, last);
        // Land in the middle of the frame so rounding never shows the neighbour.
        self.playhead_seconds = (f as f64 + 0.5) * den as f64 / num as f64;
    }

    /// Shows `viewer`'s clip, stopped; the playhead stays on its frame where the clip has one.
    fn view(&mut self, viewer: Viewer) {
        let frame = i64::from(self.playhead_frame());
        self.viewer = viewer;
        self.speed = 0;
        self.set_frame(frame);
    }

    /// Plays the sync clip from the start, with the slam where it is now: the sound to send.
    /// The caption says where the slam is, never how far off it is.
    fn play_sync(&mut self) -> PlaySound {
        let (samples, _) = self.level.sync_audio();
        let caption = format!(
            "[the door slams: the sound starts on frame {}]",
            self.level.sync.sound_frame()
        );
        self.viewer = Viewer::Door;
        self.playhead_seconds = 0.0;
        self.speed = 1;
        wav_cue(&samples, caption, SoundChannel::Effects)
    }

    /// Plays talking clip `index` with its sound slipped: the sound to send. The caption names
    /// the clip, never its offset.
    fn play_clip(&mut self, index: usize) -> Option<PlaySound> {
        let offset = self.level.late_clip.offset_of(index)?;
        let demo = self.level.lip_sync(offset);
        self.viewer = Viewer::Clip(index);
        self.playhead_seconds = 0.0;
        self.speed = 1;
        Some(wav_cue(
            &demo.samples,
            format!("[clip {}: the actor speaks]", clip_letter(index)),
            SoundChannel::Voice,
        ))
    }
}

/// Why a pick or a reveal is refused, if it is: in presenter mode the class votes and the
/// teacher reveals; elsewhere each student picks.
fn late_clip_refusal(level: &PostLevel, presenter: bool, reveal: bool) -> Option<&'static str> {
    match (presenter, reveal) {
        (true, false) if !level.late_clip.revealed => Some(
            "In presenter mode the class votes: play each clip, take a show of hands, then \
             press Reveal.",
        ),
        (false, true) => Some(
            "Only the teacher reveals the answer, in presenter mode. Pick the clip you think \
             is in sync.",
        ),
        _ => None,
    }
}

/// The level's whole state is its save: the student's work, kept between visits.
impl LevelSnapshot for PostState {
    const STOP: usize = STOP;
    fn capture(world: &World) -> Option<Self> {
        world.get_resource::<Self>().cloned()
    }
    fn restore(mut self, world: &mut World) {
        // A resumed clip waits, paused at its playhead.
        self.speed = 0;
        world.insert_resource(self);
    }
}

fn start_level(
    mut commands: Commands,
    content: Res<Content<PostLevelSpec>>,
    config: Res<GameConfig>,
    mut notices: ResMut<Notices>,
) {
    // The clips' order comes from the game's seed: the same seed replays the same order.
    let seed = config.seed ^ ((STOP as u64) << 32);
    match PostLevel::with_seed(content.0.clone(), seed) {
        Ok(level) => {
            let cuts = level.spec.cut_list.cuts.len();
            commands.insert_resource(PostState {
                level,
                feedback: PostFeedback {
                    cuts: vec![None; cuts],
                    ..default()
                },
                playhead_seconds: 0.0,
                speed: 0,
                viewer: Viewer::Door,
            });
        }
        // Content is validated on load, so this only happens with a hand-broken build.
        Err(errors) => {
            for e in errors {
                notices.warn(format!("Post-production content: {e}"));
            }
        }
    }
}

fn end_level(mut commands: Commands) {
    commands.remove_resource::<PostState>();
}

fn wav_cue(samples: &[f32], caption: String, channel: SoundChannel) -> PlaySound {
    PlaySound {
        channel,
        seconds: samples.len() as f32 / SAMPLE_RATE as f32,
        wav: Arc::new(encode_wav_pcm16(samples, SAMPLE_RATE)),
        caption,
    }
}

/// What the level's commands make (sounds to play, the hosts' cues), sent once they are read,
/// and whether presenter mode is on.
#[derive(Default)]
struct Outputs {
    sounds: Vec<PlaySound>,
    cues: Vec<CrewCue>,
    presenter: bool,
}

fn apply_post_commands(
    mut commands: MessageReader<PostCommand>,
    state: Option<ResMut<PostState>>,
    mut status: ResMut<LevelStatus>,
    mut sounds: MessageWriter<PlaySound>,
    lesson: LessonTasks,
    mut cues: MessageWriter<CrewCue>,
    presenter: Option<Res<PresenterState>>,
) {
    let Some(mut state) = state else {
        commands.clear();
        return;
    };
    let mut out = Outputs {
        presenter: presenter.is_some_and(|p| p.active),
        ..default()
    };
    for command in commands.read() {
        if !apply_edit(&mut state, command, &mut out) {
            apply_answer(&mut state, command);
        }
    }
    sounds.write_batch(out.sounds);
    cues.write_batch(out.cues);
    lesson.apply(STOP, &state.level.task_counts(), &mut status);
    status.stars = state.level.stars();
}

/// The timeline and the two picture tasks: (a) the slam, (b) the clips. False for an answer
/// to a typed task.
fn apply_edit(state: &mut PostState, command: &PostCommand, out: &mut Outputs) -> bool {
    match command {
        PostCommand::Nudge(n) => {
            // Moving the slam says nothing: only "in sync" is checked.
            state.level.nudge_sound(*n);
            state.feedback.sync = None;
        }
        PostCommand::SubmitSync => {
            let verdict = state.level.submit_sync();
            let cue = if verdict.in_sync {
                "in-sync"
            } else {
                "out-of-sync"
            };
            out.cues.push(CrewCue::new(STOP, cue));
            state.feedback.sync = Some(verdict);
        }
        PostCommand::PlaySync => {
            out.sounds.push(state.play_sync());
        }
        PostCommand::View(viewer) => state.view(*viewer),
        PostCommand::PlayClip(index) => {
            if let Some(sound) = state.play_clip(*index) {
                out.sounds.push(sound);
            }
        }
        PostCommand::PickClip(index) => {
            let result = match late_clip_refusal(&state.level, out.presenter, false) {
                Some(reason) => Err(reason.to_string()),
                None => state.level.pick_clip(*index).map_err(|e| e.to_string()),
            };
            if let Ok(verdict) = &result
                && !verdict.correct
            {
                // Calling an off clip "in sync" is the mistake the hosts react to.
                out.cues.push(CrewCue::new(STOP, "out-of-sync"));
            }
            state.feedback.late_clip = Some(result);
        }
        PostCommand::RevealClips => {
            state.feedback.late_clip =
                Some(match late_clip_refusal(&state.level, out.presenter, true) {
                    Some(reason) => Err(reason.to_string()),
                    None => state
                        .level
                        .reveal_clips()
                        .ok_or_else(|| "this task has no clips".to_string()),
                });
        }
        PostCommand::Step(delta) => {
            state.speed = 0;
            let frame = i64::from(state.playhead_frame()) + i64::from(*delta);
            state.set_frame(frame);
        }
        PostCommand::Shuttle(dir) => {
            state.speed = match (*dir, state.speed) {
                (0, _) => 0,
                (d, s) if d > 0 && s > 0 => (s * 2).min(8),
                (d, s) if d < 0 && s < 0 => (s * 2).max(-8),
                (d, _) => d.signum(),
            };
        }
        _ => return false,
    }
    true
}

/// The typed tasks: (c) counts, (d) cuts, (e) drop-frame.
fn apply_answer(state: &mut PostState, command: &PostCommand) {
    match command {
        PostCommand::AnswerCount(text) => {
            let r = state.level.answer_count(text).map_err(|e| e.to_string());
            state.feedback.count = Some(r);
        }
        PostCommand::AnswerDuration(text) => {
            let r = state.level.answer_duration(text).map_err(|e| e.to_string());
            state.feedback.duration = Some(r);
        }
        PostCommand::AnswerCut {
            index,
            in_tc,
            out_tc,
        } => {
            let r = state
                .level
                .answer_cut(*index, in_tc, out_tc)
                .map_err(|e| e.to_string());
            if let Some(slot) = state.feedback.cuts.get_mut(*index) {
                *slot = Some(r);
            }
        }
        PostCommand::AnswerFramesShort(text) => {
            let r = state
                .level
                .answer_frames_short(text)
                .map_err(|e| e.to_string());
            state.feedback.frames_short = Some(r);
        }
        PostCommand::AnswerMissingLabels(selected) => {
            let r = state
                .level
                .answer_missing_labels(selected)
                .map_err(|e| e.to_string());
            state.feedback.labels = Some(r);
        }
        _ => {}
    }
}

/// Move the playhead while the shuttle runs; stop at either end of the clip.
fn run_playhead(time: Res<Time>, state: Option<ResMut<PostState>>) {
    let Some(mut state) = state else { return };
    if state.speed == 0 {
        return;
    }
    let end = state.clip_seconds();
    let t = state.playhead_seconds + time.delta_secs_f64() * f64::from(state.speed);
    if t <= 0.0 || t >= end {
        state.playhead_seconds = t.clamp(0.0, end - 1e-6);
        state.speed = 0;
    } else {
        state.playhead_seconds = t;
    }
}

/// Lets the UI build its state after the level exists.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum PostSystems {
    Setup,
}

pub(super) fn plugin(app: &mut App) {
    load_content::<PostLevelSpec>(app);
    app.world_mut()
        .resource_mut::<LevelCatalog>()
        .register(STOP);
    level_save::register::<PostState>(app);
    app.add_message::<PostCommand>()
        .add_systems(
            OnEnter(StopPhase::Level),
            (start_level, resume_level::<PostState>)
                .chain()
                .run_if(in_stop(STOP))
                .in_set(PostSystems::Setup),
        )
        .add_systems(
            OnExit(StopPhase::Level),
            (save_level::<PostState>.run_if(in_stop(STOP)), end_level).chain(),
        )
        .add_systems(
            Update,
            (apply_post_commands, run_playhead)
                .chain()
                .in_set(TourSystems::Play)
                .run_if(in_state(StopPhase::Level)),
        );
}
