//! The projector layout test: every screen of the game laid out by egui, with no renderer, at
//! 1280×720 under presenter mode's 150 %, at 1920×1080 under 200 % and at 1280×720 under
//! 100 % without presenter mode. Every control and title must lie inside the window (or in a
//! scroll area that can bring it into view), and none may lie on top of another
//! (`ui::layout_check`).
//!
//! The screens run as they do in the game: the real logic and screen plugins, driven through
//! the real messages; only the egui pass is run by hand, on a context with no window behind it.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_egui::{EguiContext, EguiPrimaryContextPass, EguiUserTextures, PrimaryEguiContext, egui};

use crate::classroom::camp::ui::CampWindow;
use crate::classroom::presenter::commands::PresenterCommand;
use crate::classroom::presenter::commands::PresenterState;
use crate::classroom::presenter::ui::ClassPollWindow;
use crate::classroom::teacher::TeacherPanel;
use crate::config::CampView;
use crate::stage::model::quality::Quality;
use crate::stage::quality::StageQuality;
use crate::stops::innovation::ui::{InnovationTab, InnovationUi};
use crate::stops::previs::ui::{PrevisUi, Tab};
use crate::tour::model::content::STOP_COUNT;
use crate::tour::model::quiz::SubmitOutcome;
use crate::tour::{ActiveGate, GateCommand, Screen, StopPhase, TourCommand};
use crate::ui::layout_check::{LayoutReport, check_layout, widgets_of};
use crate::ui::settings::SettingsWindow;
use crate::ui::theme::UiSettings;
use crate::{GameConfig, LogicPlugin, ScreensPlugin};

/// A window size and UI scale a classroom uses.
struct Size {
    name: &'static str,
    pixels: (f32, f32),
    scale: f32,
    presenter: bool,
}

const SIZES: [Size; 3] = [
    Size {
        name: "1280×720 presenter 150 %",
        pixels: (1280.0, 720.0),
        scale: 1.5,
        presenter: true,
    },
    Size {
        name: "1920×1080 presenter 200 %",
        pixels: (1920.0, 1080.0),
        scale: 2.0,
        presenter: true,
    },
    Size {
        name: "1280×720 100 %",
        pixels: (1280.0, 720.0),
        scale: 1.0,
        presenter: false,
    },
];

/// The game's logic and screens on a bare egui context.
struct Layout {
    app: App,
    dir: std::path::PathBuf,
    screens: usize,
    total: LayoutReport,
    faults: Vec<String>,
    /// Turn presenter mode on for the sizes that ask for it (not while testing the lock).
    drive_presenter: bool,
    /// Main actions checked to be in view.
    actions: usize,
}

impl Layout {
    fn new(name: &str, edit: impl FnOnce(&mut GameConfig)) -> Self {
        let dir = crate::testing::temp_data_dir(&format!("layout-{name}"));
        let mut config = GameConfig::for_tests(dir.clone());
        config.presenter = true;
        edit(&mut config);
        let drive_presenter = config.presenter;
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin));
        app.add_plugins(LogicPlugin { config });
        app.add_plugins(ScreensPlugin);
        app.init_resource::<EguiUserTextures>();
        // The lot's list marks the door the player stands at; the lot's 3D world tracks it.
        app.init_resource::<crate::tour::lot::NearStop>();
        // The settings window shows the stage quality, which the 3D stage normally provides.
        app.insert_resource(StageQuality {
            level: Some(Quality::High),
            forced: false,
            auto_picked: true,
            max_texture_side: 4096,
            hdr_msaa: true,
            webgl2: false,
        });
        app.world_mut()
            .spawn((EguiContext::default(), PrimaryEguiContext));
        app.update();
        app.update();
        Layout {
            app,
            dir,
            screens: 0,
            total: LayoutReport::default(),
            faults: Vec::new(),
            drive_presenter,
            actions: 0,
        }
    }

    fn send<M: Message>(&mut self, message: M) {
        self.app.world_mut().write_message(message);
        self.app.update();
        self.app.update();
    }

    fn ctx(&mut self) -> egui::Context {
        let mut query = self
            .app
            .world_mut()
            .query_filtered::<&mut EguiContext, With<PrimaryEguiContext>>();
        query
            .single_mut(self.app.world_mut())
            .expect("one egui context")
            .get_mut()
            .clone()
    }

    /// One frame: the game's update, then an egui pass over a window of `size`.
    fn frame(&mut self, size: &Size) -> egui::Context {
        self.app.update();
        let ctx = self.ctx();
        // Names for the widgets (kept in debug builds with this flag); the theme may reset the
        // style this pass, so it is set before each.
        ctx.all_styles_mut(|style| style.debug.show_interactive_widgets = true);
        let points = egui::vec2(size.pixels.0, size.pixels.1) / size.scale;
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, points)),
            ..Default::default()
        };
        input
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(1.0);
        ctx.begin_pass(input);
        self.app.world_mut().run_schedule(EguiPrimaryContextPass);
        // Nothing is drawn: the textures egui made (the font atlas) are dropped unused.
        ctx.end_pass().textures_delta.clear();
        ctx
    }

    /// Lay the screen now showing out at every size and check it. Notices are toasts that
    /// pass in seconds (here they would pile up, as no time passes), so they are cleared.
    fn check(&mut self, screen: &str) {
        self.check_action(screen, None);
    }

    /// As `check`, and the screen's main action (a button whose text holds `action`) must be
    /// wholly in view at every size, never scrolled away.
    fn check_action(&mut self, screen: &str, action: Option<&str>) {
        self.screens += 1;
        self.app
            .world_mut()
            .resource_mut::<crate::tour::Notices>()
            .active
            .clear();
        for size in &SIZES {
            if self.drive_presenter {
                self.app.world_mut().resource_mut::<PresenterState>().active = size.presenter;
                self.app.update();
            }
            self.app.world_mut().resource_mut::<UiSettings>().scale = size.scale;
            // Windows and wrapped rows settle over a few frames (egui sizes a new window in a
            // first, invisible pass).
            let mut ctx = self.frame(size);
            for _ in 0..6 {
                ctx = self.frame(size);
            }
            let window = ctx.viewport_rect();
            let expected = egui::vec2(size.pixels.0, size.pixels.1) / size.scale;
            assert!(
                (window.size() - expected).length() < 1.0,
                "{screen} @ {}: the window is {window:?}",
                size.name
            );
            let widgets = widgets_of(&ctx);
            let report = check_layout(window, &widgets);
            if let Some(action) = action {
                let shown = widgets.iter().any(|w| {
                    w.kind == Some(egui::WidgetType::Button)
                        && w.text.as_deref().is_some_and(|t| t.contains(action))
                        && window.contains_rect(w.visible)
                        && w.visible.area() >= w.rect.area() - 1.0
                });
                if !shown {
                    self.faults.push(format!(
                        "{screen} @ {}: \"{action}\" is not in view",
                        size.name
                    ));
                }
                self.actions += 1;
            }
            assert!(
                report.widgets > 0,
                "{screen} @ {}: nothing was drawn",
                size.name
            );
            for fault in report.clipped.iter().chain(&report.overlapping) {
                self.faults
                    .push(format!("{screen} @ {}: {fault}", size.name));
            }
            self.total.widgets += report.widgets;
            self.total.scrolled += report.scrolled;
            self.total.clipped.extend(report.clipped);
            self.total.overlapping.extend(report.overlapping);
        }
    }

    fn screen(&self) -> Screen {
        *self.app.world().resource::<State<Screen>>().get()
    }

    fn phase(&self) -> Option<StopPhase> {
        self.app
            .world()
            .get_resource::<State<StopPhase>>()
            .map(|s| *s.get())
    }

    /// Check `screen` with a window opened by `set(world, true)`, then close it.
    fn open(&mut self, screen: &str, set: impl Fn(&mut World, bool)) {
        set(self.app.world_mut(), true);
        self.check(screen);
        set(self.app.world_mut(), false);
        self.app.update();
    }

    /// Answer the open gate's current question wrongly, then reveal it.
    fn wrong_then_reveal(&mut self, stop: usize) {
        let wrong = {
            let gate = self.app.world().resource::<ActiveGate>();
            gate.session
                .displayed_choices()
                .iter()
                .position(|(_, c)| !c.correct)
        };
        if let Some(wrong) = wrong {
            self.send(GateCommand::Select(wrong));
            self.send(GateCommand::Submit);
            let outcome = &self.app.world().resource::<ActiveGate>().last_outcome;
            assert!(matches!(outcome, Some(SubmitOutcome::Incorrect { .. })));
            self.check_action(&format!("gate {stop} · not yet"), Some("Submit answer"));
        }
        self.send(PresenterCommand::RevealAnswer);
        self.check_action(
            &format!("gate {stop} · answer revealed"),
            Some("Submit answer"),
        );
    }

    fn finish(self) -> (usize, usize, LayoutReport, Vec<String>) {
        let _ = std::fs::remove_dir_all(&self.dir);
        (self.screens, self.actions, self.total, self.faults)
    }
}

/// Stop 6 with every person matched and two careers picked: the plan and its first steps.
fn plan_opened(layout: &mut Layout) {
    use crate::stops::conclusion::level::{ConclusionCommand, ConclusionState};
    let cards = layout
        .app
        .world()
        .resource::<ConclusionState>()
        .game
        .people
        .len();
    for card in 0..cards {
        let deed = layout
            .app
            .world()
            .resource::<ConclusionState>()
            .game
            .deed_of(card);
        if let Some(deed) = deed {
            layout.send(ConclusionCommand::Match { card, deed });
        }
    }
    layout.send(ConclusionCommand::TogglePick(0));
    layout.send(ConclusionCommand::TogglePick(1));
}

/// A stop's briefing, level (each tab) and gate, plain, after a wrong answer and revealed.
fn every_screen_of_a_stop(tour: &mut Layout, stop: usize) {
    tour.send(PresenterCommand::JumpTo(stop));
    assert_eq!(tour.phase(), Some(StopPhase::Briefing), "stop {stop}");
    tour.check_action(&format!("briefing {stop}"), Some("Play the level"));
    if stop == 0 {
        tour.open("briefing 0 · the tour text", |w, open| {
            w.resource_mut::<crate::tour::briefing::TourTextWindow>().0 = open
        });
        tour.open("briefing 0 · glossary", |w, open| {
            w.resource_mut::<crate::crew::glossary::GlossaryWindow>()
                .open = open
        });
    }
    tour.send(TourCommand::BeginLevel);
    if tour.phase() == Some(StopPhase::Level) {
        tour.check(&format!("level {stop}"));
        if stop == 1 {
            for tab in [Tab::Blocking, Tab::Mood] {
                tour.app.world_mut().resource_mut::<PrevisUi>().tab = tab;
                tour.check(&format!("level 1 · {tab:?} tab"));
            }
        }
        if stop == 5 {
            tour.app.world_mut().resource_mut::<InnovationUi>().tab = InnovationTab::Trailer;
            tour.check("level 5 · concept trailer");
        }
        if stop == 6 {
            plan_opened(tour);
            tour.check("level 6 · how can you prepare");
            tour.open("level 6 · glossary", |w, open| {
                w.resource_mut::<crate::crew::glossary::GlossaryWindow>()
                    .open = open
            });
        }
        tour.send(PresenterCommand::SkipToGate);
    }
    assert_eq!(tour.phase(), Some(StopPhase::Gate), "stop {stop}");
    tour.check_action(&format!("gate {stop}"), Some("Submit answer"));
    tour.wrong_then_reveal(stop);
    tour.send(PresenterCommand::SkipGate);
    if tour.screen() == Screen::Finale {
        tour.check_action("finale", Some("Back to the lot"));
    } else {
        tour.send(TourCommand::ToMap);
    }
}

/// Every screen: title, lot, each stop's briefing, level (each tab) and gate, the finale, and
/// the windows a teacher or camp opens over them.
#[test]
fn every_screen_fits_a_projector() {
    let mut faults = Vec::new();
    let mut screens = 0;
    let mut actions = 0;
    let mut total = LayoutReport::default();
    let mut add = |(n, a, report, found): (usize, usize, LayoutReport, Vec<String>)| {
        screens += n;
        actions += a;
        total.widgets += report.widgets;
        total.scrolled += report.scrolled;
        total.clipped.extend(report.clipped);
        total.overlapping.extend(report.overlapping);
        faults.extend(found);
    };

    let mut tour = Layout::new("tour", |_| {});
    tour.check_action("title", Some("Start the tour"));
    tour.open("title · settings", |w, open| {
        w.resource_mut::<SettingsWindow>().open = open
    });
    tour.open("title · teacher panel", |w, open| {
        w.resource_mut::<TeacherPanel>().open = open
    });
    tour.open("title · camp setup", |w, open| {
        w.resource_mut::<CampWindow>().open = open
    });
    tour.send(TourCommand::StartTour);
    assert_eq!(tour.screen(), Screen::Map);
    tour.check("lot");
    tour.open("lot · class poll", |w, open| {
        w.resource_mut::<ClassPollWindow>().open = open
    });
    for stop in 0..STOP_COUNT {
        every_screen_of_a_stop(&mut tour, stop);
    }
    add(tour.finish());

    for (name, view) in [
        ("camp scoreboard", CampView::Scoreboard),
        ("camp podium", CampView::Podium),
    ] {
        let mut camp = Layout::new(name, |c| c.camp_view = Some(view));
        camp.check(name);
        add(camp.finish());
    }

    let mut locked = Layout::new("locked", |c| c.presenter = false);
    locked.send(PresenterCommand::Toggle);
    locked.check("title · teacher code");
    add(locked.finish());

    println!(
        "layout: {screens} screens × {} sizes, {} controls and titles, {} in scroll areas, {} \
         clipped, {} overlapping; {actions} main actions in view",
        SIZES.len(),
        total.widgets,
        total.scrolled,
        total.clipped.len(),
        total.overlapping.len()
    );
    assert!(screens >= 30, "only {screens} screens were laid out");
    assert!(actions >= 60, "only {actions} main actions were checked");
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}
