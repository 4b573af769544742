//! The hosts' dialogue in play: which lines are up and when. The briefing opens with the stop's
//! introduction; the level starts with the hand-over; a level's moments (`CrewCue`) bring a
//! reaction, once per visit; and when every core task is done the host sends the student to the
//! gate. Runs headless, so the walkthrough plays it.

use bevy::prelude::*;

use crate::GameConfig;
use crate::crew::model::talk::Conversation;
use crate::crew::model::{Crew, Moment};
use crate::tour::content_plugin::Content;
use crate::tour::flow::{LevelStatus, TourSystems};
use crate::tour::{CurrentStop, SaveData, SaveRequest, Screen, StopPhase};

/// The conversation of the stop being visited.
#[derive(Resource, Debug, Default, Deref, DerefMut)]
pub struct Dialogue(pub Conversation);

/// A level's moment that its host reacts to (see `crew::model::CUES`).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct CrewCue {
    pub stop: usize,
    pub cue: String,
}

impl CrewCue {
    pub fn new(stop: usize, cue: &str) -> Self {
        Self {
            stop,
            cue: cue.to_string(),
        }
    }
}

/// What the dialogue panel's buttons and keys do.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TalkCommand {
    Next,
    Back,
    Close,
}

#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum CrewSystems {
    /// Hear the levels' cues; a level writes its cues before this set.
    Cues,
}

fn new_visit(mut dialogue: ResMut<Dialogue>) {
    dialogue.new_visit();
}

/// The briefing always opens on the host's first line, even on a second look.
fn start_intro(
    mut dialogue: ResMut<Dialogue>,
    crew: Res<Content<Crew>>,
    current: Res<CurrentStop>,
) {
    dialogue.replay(&crew, current.0, Moment::Intro);
}

fn start_handover(
    mut dialogue: ResMut<Dialogue>,
    crew: Res<Content<Crew>>,
    current: Res<CurrentStop>,
    config: Res<GameConfig>,
) {
    dialogue.close();
    if config.talk {
        dialogue.replay(&crew, current.0, Moment::Handover);
    }
}

fn hush(mut dialogue: ResMut<Dialogue>) {
    dialogue.close();
}

fn hear_cues(
    mut cues: MessageReader<CrewCue>,
    mut dialogue: ResMut<Dialogue>,
    crew: Res<Content<Crew>>,
    current: Res<CurrentStop>,
    config: Res<GameConfig>,
) {
    for cue in cues.read() {
        if config.talk && cue.stop == current.0 {
            dialogue.say(&crew, cue.stop, Moment::Cue(cue.cue.clone()));
        }
    }
}

/// Every core task done: the host sends the student on to the gate (once a visit).
fn send_to_gate(
    status: Res<LevelStatus>,
    mut dialogue: ResMut<Dialogue>,
    crew: Res<Content<Crew>>,
    current: Res<CurrentStop>,
    config: Res<GameConfig>,
) {
    if config.talk && status.complete && !dialogue.was_said(current.0, &Moment::ToGate) {
        dialogue.say(&crew, current.0, Moment::ToGate);
    }
}

fn apply_talk_commands(mut commands: MessageReader<TalkCommand>, mut dialogue: ResMut<Dialogue>) {
    for command in commands.read() {
        match command {
            TalkCommand::Next => {
                dialogue.advance();
            }
            TalkCommand::Back => {
                if let Some(talk) = dialogue.talk.as_mut() {
                    talk.back();
                }
            }
            TalkCommand::Close => dialogue.close(),
        }
    }
}

/// The student reached the last line of a stop's introduction: its words count as met (the
/// glossary marks them), kept in the save.
fn mark_intro_heard(
    dialogue: Res<Dialogue>,
    mut save: ResMut<SaveData>,
    mut save_requests: MessageWriter<SaveRequest>,
) {
    let Some(talk) = &dialogue.talk else { return };
    let Ok(stop) = u8::try_from(talk.stop) else {
        return;
    };
    if talk.moments.first() == Some(&Moment::Intro)
        && talk.is_last()
        && !save.progress.heard_intro.contains(&stop)
    {
        save.progress.heard_intro.insert(stop);
        save_requests.write(SaveRequest);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Dialogue>()
        .add_message::<CrewCue>()
        .add_message::<TalkCommand>()
        .configure_sets(Update, CrewSystems::Cues.after(TourSystems::Play))
        .add_systems(OnEnter(Screen::Stop), new_visit)
        .add_systems(OnExit(Screen::Stop), hush)
        .add_systems(OnEnter(StopPhase::Briefing), start_intro)
        .add_systems(OnEnter(StopPhase::Level), start_handover)
        .add_systems(OnEnter(StopPhase::Gate), hush)
        .add_systems(
            Update,
            (
                apply_talk_commands,
                (hear_cues, send_to_gate)
                    .chain()
                    .in_set(CrewSystems::Cues)
                    .run_if(in_state(StopPhase::Level)),
                mark_intro_heard,
            )
                .chain(),
        );
}
