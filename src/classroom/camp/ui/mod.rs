//! Camp mode on screen: the team setup window, the team banner during a turn (with the optional
//! question timer), the hand-over card and the scoreboard between turns, and the podium at the
//! end. The rules live in `crate::classroom::camp::model` and the turn-keeping in
//! `crate::classroom::camp::play`; these files only read them and send `CampCommand`s. This
//! file holds the window's state and the plugin; each screen has its own file.
//!
//! Keyboard: on the lot, Enter starts the next team's turn (or moves on from the scoreboard);
//! in the camp window, Tab moves between controls, Space or Enter uses one, Esc closes it.

use bevy::input::InputSystems;
use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use crate::GameConfig;
use crate::config::CampView;
use crate::ui::theme::UiSystems;

mod banner;
mod card;
mod draft;
mod keys;
mod parts;
mod scoreboard;
mod setup_page;
mod window;

use banner::camp_banner_ui;
use card::camp_card_ui;
use draft::SetupDraft;
use keys::camp_keys;
use window::camp_window_ui;

/// The camp window: the setup before a camp, its status while it runs, the podium at the end.
/// The title screen and the lot open it by setting `open`.
#[derive(Resource, Debug, Default)]
pub struct CampWindow {
    pub open: bool,
    /// The teams and options being set up; made the first time the setup page shows, and kept
    /// after a camp ends so the same teams can play again.
    draft: Option<SetupDraft>,
    /// Why the setup could not be prepared (not expected: the default names are valid).
    draft_error: Option<String>,
    /// A page a screenshot capture asked for (`GameConfig::camp_view`).
    forced: Option<CampView>,
    /// "End camp" was pressed once; ending needs a second, explicit press.
    confirm_end: bool,
    /// "Skip this team's turn" was pressed once (a skipped stop scores 0).
    confirm_skip: bool,
    /// The scoreboard is unfolded under the hand-over card.
    show_scoreboard: bool,
    /// The turn count at which the teacher moved on from the end-of-round scoreboard, so it
    /// shows once per round.
    seen_round: Option<usize>,
    /// Why "Start camp" did nothing.
    message: Option<String>,
}

/// Screenshot captures (`camp_view`) open the window on the page they ask for.
fn open_for_capture(config: Res<GameConfig>, mut window: ResMut<CampWindow>) {
    if let Some(view) = config.camp_view {
        window.open = true;
        window.forced = Some(view);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CampWindow>()
        .add_systems(Startup, open_for_capture)
        .add_systems(
            PreUpdate,
            camp_keys
                .after(InputSystems)
                .after(crate::ui::remap::RemapSystems),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (camp_card_ui, camp_window_ui)
                .chain()
                .in_set(UiSystems::Overlays),
        )
        .add_systems(
            EguiPrimaryContextPass,
            camp_banner_ui
                .in_set(UiSystems::Bars)
                .after(crate::classroom::presenter::ui::presenter_bar),
        );
}
