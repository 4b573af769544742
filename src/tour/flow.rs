//! Moving through the tour: title → map → stop (briefing → level → gate) → … → finale.
//! UI and input send `TourCommand`s; this file decides what they may do.

use bevy::prelude::*;

use crate::GameConfig;
use crate::config::StartScreen;
use crate::tour::content_plugin::GameContent;
use crate::tour::lesson::ActiveLesson;
use crate::tour::level_save::has_saved_work;
use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::lesson::{TaskRow, extensions};
use crate::tour::notices::Notices;
use crate::tour::save::{SaveData, SaveRequest};
use crate::tour::state::{CurrentStop, Screen, StopPhase};

#[derive(Message, Debug, Clone, PartialEq)]
pub enum TourCommand {
    /// From the title screen to the lot.
    StartTour,
    /// Enter a stop; refused (with a notice) while it is locked.
    OpenStop(usize),
    /// From the briefing to the level (or straight to the gate when the stop has none).
    BeginLevel,
    /// The level says it is done; refused unless `LevelStatus` agrees.
    FinishLevel,
    /// From the briefing straight to the gate, once the stop's level has been finished.
    GoToGate,
    ToMap,
    ToTitle,
}

/// Which stops have a playable level. Stop plugins register themselves here.
#[derive(Resource, Debug, Default)]
pub struct LevelCatalog {
    has_level: [bool; STOP_COUNT],
}

impl LevelCatalog {
    pub fn register(&mut self, stop: usize) {
        if let Some(slot) = self.has_level.get_mut(stop) {
            *slot = true;
        }
    }

    pub fn has_level(&self, stop: usize) -> bool {
        self.has_level.get(stop).copied().unwrap_or(false)
    }
}

/// Written by the current level: is its core done, how well did it go, and each task's
/// progress at the lesson length in force (for the level screen and the progress).
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct LevelStatus {
    /// Every core task is done: the gate may open.
    pub complete: bool,
    pub stars: u8,
    pub tasks: Vec<TaskRow>,
}

impl LevelStatus {
    /// Extension units done and in all.
    pub fn extensions(&self) -> (u32, u32) {
        extensions(&self.tasks)
    }
}

fn apply_tour_commands(
    mut commands: MessageReader<TourCommand>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<StopPhase>>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut next_phase: ResMut<NextState<StopPhase>>,
    mut current: ResMut<CurrentStop>,
    catalog: Res<LevelCatalog>,
    level: Res<LevelStatus>,
    mut save: ResMut<SaveData>,
    mut save_requests: MessageWriter<SaveRequest>,
    content: Res<GameContent>,
    lesson: Res<ActiveLesson>,
    mut notices: ResMut<Notices>,
) {
    for command in commands.read() {
        match command {
            TourCommand::StartTour | TourCommand::ToMap => next_screen.set(Screen::Map),
            TourCommand::ToTitle => next_screen.set(Screen::Title),
            TourCommand::OpenStop(n) => {
                let n = *n;
                let Some(stop) = content.tour.stop(n) else {
                    continue;
                };
                if save.progress.is_unlocked(n) {
                    current.0 = n;
                    next_screen.set(Screen::Stop);
                } else {
                    let previous = content.tour.stop(n.saturating_sub(1));
                    notices.info(format!(
                        "{} is locked. Pass the gate at {} to open it.",
                        stop.title,
                        previous.map_or("the previous stop", |p| p.title.as_str())
                    ));
                }
            }
            TourCommand::BeginLevel => {
                if *screen.get() == Screen::Stop
                    && phase
                        .as_ref()
                        .is_some_and(|p| *p.get() == StopPhase::Briefing)
                {
                    if catalog.has_level(current.0) {
                        next_phase.set(StopPhase::Level);
                    } else {
                        next_phase.set(StopPhase::Gate);
                    }
                }
            }
            TourCommand::GoToGate => {
                let in_briefing = *screen.get() == Screen::Stop
                    && phase
                        .as_ref()
                        .is_some_and(|p| *p.get() == StopPhase::Briefing);
                if !in_briefing {
                    continue;
                }
                if level_finished(&save, &catalog, current.0) {
                    next_phase.set(StopPhase::Gate);
                } else {
                    notices.info("Finish the level first: the gate opens at its end.");
                }
            }
            TourCommand::FinishLevel => {
                let in_level = phase.as_ref().is_some_and(|p| *p.get() == StopPhase::Level);
                if in_level && level.complete {
                    save.progress.record_level(current.0, level.stars);
                    let (extensions_done, _) = level.extensions();
                    save.progress
                        .record_lesson(current.0, lesson.length, extensions_done);
                    save_requests.write(SaveRequest);
                    next_phase.set(StopPhase::Gate);
                } else if in_level {
                    notices.info("The level is not finished yet.");
                }
            }
        }
    }
}

/// Whether the student may go straight to stop `stop`'s gate: its level was finished once
/// (or it has none).
pub fn level_finished(save: &SaveData, catalog: &LevelCatalog, stop: usize) -> bool {
    !catalog.has_level(stop)
        || u8::try_from(stop).is_ok_and(|s| save.progress.level_stars.contains_key(&s))
}

/// Look once, on arriving at the briefing, for saved work (a read of the save folder).
fn choose(
    mut commands: Commands,
    save: Res<SaveData>,
    catalog: Res<LevelCatalog>,
    current: Res<CurrentStop>,
) {
    commands.insert_resource(BriefingChoice::for_stop(&save, &catalog, current.0));
}

/// What the briefing's main button does for a stop.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BriefingChoice {
    /// The stop has no level: straight to the gate.
    GateOnly,
    /// Nothing saved yet.
    #[default]
    Play,
    /// Saved work, level not finished.
    Continue,
    /// The level was finished once: the gate, or back to the level to improve it.
    GoToGate,
}

impl BriefingChoice {
    pub fn for_stop(save: &SaveData, catalog: &LevelCatalog, stop: usize) -> Self {
        if !catalog.has_level(stop) {
            Self::GateOnly
        } else if level_finished(save, catalog, stop) {
            Self::GoToGate
        } else if has_saved_work(save, stop) {
            Self::Continue
        } else {
            Self::Play
        }
    }

    pub fn main_command(self) -> TourCommand {
        match self {
            Self::GoToGate => TourCommand::GoToGate,
            _ => TourCommand::BeginLevel,
        }
    }

    pub fn can_start_over(self) -> bool {
        matches!(self, Self::Continue | Self::GoToGate)
    }
}

fn reset_level_status(mut level: ResMut<LevelStatus>) {
    *level = LevelStatus::default();
}

/// Apply `--stop` and the capture screen at start-up. A teacher's jump unlocks the stop.
fn apply_start_config(
    config: Res<GameConfig>,
    mut save: ResMut<SaveData>,
    mut current: ResMut<CurrentStop>,
    mut next_screen: ResMut<NextState<Screen>>,
) {
    let Some(stop) = config.start_stop else {
        if config.start_screen == StartScreen::Map {
            next_screen.set(Screen::Map);
        }
        return;
    };
    save.progress.unlock(stop);
    current.0 = stop;
    next_screen.set(match config.start_screen {
        StartScreen::Title => Screen::Title,
        StartScreen::Map => Screen::Map,
        StartScreen::Finale => Screen::Finale,
        StartScreen::Briefing | StartScreen::Level | StartScreen::Gate => Screen::Stop,
    });
}

/// For `--screen level|gate`: step from the briefing into the requested phase.
fn apply_start_phase(
    config: Res<GameConfig>,
    catalog: Res<LevelCatalog>,
    current: Res<CurrentStop>,
    mut next_phase: ResMut<NextState<StopPhase>>,
    mut done: Local<bool>,
) {
    if *done {
        return;
    }
    *done = true;
    match config.start_screen {
        StartScreen::Level if catalog.has_level(current.0) || config.stage.is_some() => {
            next_phase.set(StopPhase::Level)
        }
        StartScreen::Level | StartScreen::Gate => next_phase.set(StopPhase::Gate),
        _ => {}
    }
}

pub(super) fn plugin(app: &mut App) {
    app.configure_sets(Update, (TourSystems::Play, TourSystems::Flow).chain())
        .add_message::<TourCommand>()
        .init_resource::<LevelCatalog>()
        .init_resource::<LevelStatus>()
        .init_resource::<BriefingChoice>()
        .add_systems(OnEnter(StopPhase::Briefing), choose)
        .add_systems(Startup, apply_start_config)
        .add_systems(OnEnter(StopPhase::Briefing), apply_start_phase)
        .add_systems(OnEnter(StopPhase::Level), reset_level_status)
        .add_systems(Update, apply_tour_commands.in_set(TourSystems::Flow));
}

/// Ordering of the tour's logic within `Update`.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum TourSystems {
    /// Levels and gates react to input.
    Play,
    /// Then screen changes are applied.
    Flow,
}
