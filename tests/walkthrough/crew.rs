//! The crew in play: each stop's host introduces it on the briefing (heard to the end, its
//! words count as met), hands over the level, reacts to a moment of the level and sends the
//! student to the gate.

use super::*;
use backlot::crew::model::{Crew, Moment};
use backlot::crew::{Dialogue, TalkCommand};

fn crew(app: &App) -> Crew {
    app.world().resource::<Content<Crew>>().0.clone()
}

/// The lines on screen now, as (host id, text).
fn open_lines(app: &App) -> Vec<(String, String)> {
    app.world()
        .resource::<Dialogue>()
        .talk
        .as_ref()
        .map(|t| {
            t.lines
                .iter()
                .map(|l| (l.host.clone(), l.text.clone()))
                .collect()
        })
        .unwrap_or_default()
}

fn content_lines(app: &App, stop: usize, moment: &Moment) -> Vec<(String, String)> {
    crew(app)
        .lines(stop, moment)
        .into_iter()
        .map(|(h, t)| (h.id.clone(), t.to_string()))
        .collect()
}

/// On the briefing the host's introduction is up; stepping to its last line marks the stop's
/// words as met, in the save.
pub(super) fn hear_the_introduction(app: &mut App, stop: usize) {
    let intro = content_lines(app, stop, &Moment::Intro);
    assert_eq!(
        open_lines(app),
        intro,
        "stop {stop}: the introduction is up"
    );
    let hosts = crew(app).hosts_of(stop).len();
    let speakers: std::collections::HashSet<String> =
        intro.iter().map(|(h, _)| h.clone()).collect();
    assert_eq!(speakers.len(), hosts, "stop {stop}: every host speaks");
    let key = u8::try_from(stop).expect("stop");
    for _ in 1..intro.len() {
        assert!(
            !app.world()
                .resource::<SaveData>()
                .progress
                .heard_intro
                .contains(&key),
            "stop {stop}: not heard before the last line"
        );
        send(app, TalkCommand::Next);
    }
    let talk = app
        .world()
        .resource::<Dialogue>()
        .talk
        .clone()
        .expect("open");
    assert!(talk.is_last(), "stop {stop}: on the last line");
    assert!(
        app.world()
            .resource::<SaveData>()
            .progress
            .heard_intro
            .contains(&key),
        "stop {stop}: the introduction counts as heard"
    );
}

/// The level opens with the host's hand-over.
pub(super) fn the_host_hands_over(app: &mut App, stop: usize) {
    let handover = content_lines(app, stop, &Moment::Handover);
    assert_eq!(
        open_lines(app),
        handover,
        "stop {stop}: the hand-over is up"
    );
    // Enter or a click steps through it and closes it.
    for _ in 0..handover.len() {
        send(app, TalkCommand::Next);
    }
    assert!(app.world().resource::<Dialogue>().talk.is_none());
}

/// By the gate, the host said at least one reaction and the way to the gate.
pub(super) fn the_host_reacted_and_sent_to_the_gate(app: &mut App, stop: usize) {
    let dialogue = app.world().resource::<Dialogue>();
    assert!(
        dialogue.was_said(stop, &Moment::ToGate),
        "stop {stop}: the host sends the student to the gate"
    );
    let reacted = backlot::crew::model::CUES
        .iter()
        .filter(|(s, _, _)| usize::from(*s) == stop)
        .filter(|(_, cue, _)| dialogue.was_said(stop, &Moment::Cue(cue.to_string())))
        .count();
    assert!(reacted > 0, "stop {stop}: the host reacted to the level");
    assert!(
        dialogue.talk.is_none(),
        "stop {stop}: the gate is not talked over"
    );
}
