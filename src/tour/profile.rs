//! Who is playing: the student profile whose folder the progress, settings and level saves go
//! to. Chosen at start-up (`--profile`, else the last one used, else "Player", so headless
//! runs and captures need no title screen) and changed on the title screen through
//! `ProfileCommand`. The rules are in `crate::tour::model::profiles`.

use bevy::prelude::*;

use crate::GameConfig;
use crate::tour::model::profiles::{self, Profile};
use crate::tour::model::progress::{SaveStore, iso_date};
use crate::tour::notices::Notices;
use crate::tour::save::SaveData;
use crate::tour::state::Screen;

/// The profile being played. `SaveData`'s store points at its folder.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct ActiveProfile(pub Profile);

/// The profiles to pick from on the title screen, and what the last choice said.
#[derive(Resource, Debug, Clone, Default)]
pub struct ProfileRoster {
    pub profiles: Vec<Profile>,
    pub message: Option<String>,
}

/// Sent by the title screen (and tests): play as another student.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum ProfileCommand {
    /// An existing profile, by name or slug.
    Choose(String),
    /// A new profile with this name (refused if empty, too long or taken).
    Create(String),
}

/// The active profile changed, or its files were restored from a copy: whatever is read
/// from the profile's folder (settings, level saves) should be read again.
#[derive(Message, Debug, Clone, Copy, Default)]
pub struct ProfileLoaded;

fn today() -> String {
    iso_date(crate::platform::time::unix_now())
}

fn apply_profile_commands(
    mut commands: MessageReader<ProfileCommand>,
    screen: Res<State<Screen>>,
    config: Res<GameConfig>,
    mut active: ResMut<ActiveProfile>,
    mut roster: ResMut<ProfileRoster>,
    mut save: ResMut<SaveData>,
    mut notices: ResMut<Notices>,
    mut loaded: MessageWriter<ProfileLoaded>,
) {
    for command in commands.read() {
        if *screen.get() != Screen::Title {
            notices.info("Go back to the title screen to change who is playing.");
            continue;
        }
        let chosen = match command {
            ProfileCommand::Choose(key) => profiles::find(&roster.profiles, key)
                .cloned()
                .ok_or_else(|| format!("There is no profile called {key}.")),
            ProfileCommand::Create(name) => profiles::create(&config.data_dir, name, &today()),
        };
        let profile = match chosen {
            Ok(profile) => profile,
            Err(e) => {
                roster.message = Some(format!("⚠ {e}"));
                continue;
            }
        };
        if profile.slug != active.0.slug {
            switch_to(&profile, &mut save, &mut notices);
            active.0 = profile.clone();
            loaded.write(ProfileLoaded);
        }
        if config.capture.is_none()
            && let Err(e) = profiles::remember(&config.data_dir, &profile.slug)
        {
            notices.warn(format!("Could not note who is playing: {e}"));
        }
        roster.profiles = profiles::list(&config.data_dir);
        roster.message = Some(format!("Playing as {}.", profile.name));
    }
}

/// Keep the outgoing student's progress, then load the incoming one's.
fn switch_to(profile: &Profile, save: &mut SaveData, notices: &mut Notices) {
    if let Err(e) = save.store.save(&save.progress) {
        notices.warn(format!(
            "Could not save progress to {}: {e}",
            save.store.path().display()
        ));
    }
    save.store = SaveStore::new(profile.dir.clone());
    let report = save.store.load();
    if let Some(w) = report.warning {
        notices.warn(w);
    }
    save.progress = report.progress;
}

pub(super) fn plugin(app: &mut App) {
    let config = app.world().resource::<GameConfig>().clone();
    // A screenshot run writes nothing but its picture.
    let start = profiles::choose_at_start(
        &config.data_dir,
        config.profile.as_deref(),
        &today(),
        config.capture.is_none(),
    );
    {
        let mut notices = app.world_mut().resource_mut::<Notices>();
        for line in start.info {
            notices.info(line);
        }
        for line in start.warnings {
            notices.warn(line);
        }
    }
    app.insert_resource(ActiveProfile(start.profile))
        .insert_resource(ProfileRoster {
            profiles: profiles::list(&config.data_dir),
            message: None,
        })
        .add_message::<ProfileCommand>()
        .add_message::<ProfileLoaded>()
        .add_systems(Update, apply_profile_commands);
}
