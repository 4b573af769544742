//! Short messages for the player: a broken content file, a damaged save, a locked stop.
//! Logic pushes them; the UI shows them as toasts.

use bevy::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Warning,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// Seconds left on screen.
    pub remaining: f32,
}

#[derive(Resource, Debug, Default)]
pub struct Notices {
    pub active: Vec<Notice>,
    /// Every notice ever shown this session, newest last (tests and the teacher panel read it).
    pub history: Vec<String>,
}

impl Notices {
    pub fn push(&mut self, kind: NoticeKind, text: impl Into<String>) {
        let text = text.into();
        info!("{text}");
        self.history.push(text.clone());
        // Warnings stay longer: they usually ask the player to do something.
        let remaining = if kind == NoticeKind::Warning {
            12.0
        } else {
            5.0
        };
        self.active.push(Notice {
            kind,
            text,
            remaining,
        });
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.push(NoticeKind::Info, text);
    }

    pub fn success(&mut self, text: impl Into<String>) {
        self.push(NoticeKind::Success, text);
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.push(NoticeKind::Warning, text);
    }
}

fn expire_notices(time: Res<Time>, mut notices: ResMut<Notices>) {
    let dt = time.delta_secs();
    if notices.active.is_empty() {
        return;
    }
    for n in &mut notices.active {
        n.remaining -= dt;
    }
    notices.active.retain(|n| n.remaining > 0.0);
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Notices>()
        .add_systems(Update, expire_notices);
}
