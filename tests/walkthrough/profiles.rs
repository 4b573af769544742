//! Student profiles through the real app: each student's progress is their own, an old single
//! save becomes the "Player" profile, and the time in a stop is counted (but not while paused).

use super::*;
use backlot::classroom::presenter::commands::PresenterCommand;
use backlot::tour::model::profiles::{LEGACY_KEPT_AS, profile_dir};
use backlot::tour::profile::ProfileRoster;
use backlot::tour::{ActiveProfile, ProfileCommand};
use std::time::Duration;

fn playing(app: &App) -> String {
    app.world().resource::<ActiveProfile>().0.name.clone()
}

fn unlocked(app: &App, stop: usize) -> bool {
    app.world()
        .resource::<SaveData>()
        .progress
        .is_unlocked(stop)
}

fn saved(dir: &std::path::Path, slug: &str) -> Option<Progress> {
    let text = std::fs::read_to_string(profile_dir(dir, slug).join("progress.ron")).ok()?;
    Some(ron::from_str(&text).expect("a save that parses"))
}

#[test]
fn two_students_on_one_computer_keep_their_own_progress() {
    let dir = temp_data_dir("two-students");
    let mut app = minimal_app(dir.clone());
    assert_eq!(playing(&app), "Player", "nobody chose: the default profile");

    send(&mut app, ProfileCommand::Create("Maya".into()));
    assert_eq!(playing(&app), "Maya");
    send(&mut app, TourCommand::StartTour);
    send(&mut app, TourCommand::OpenStop(0));
    send(&mut app, TourCommand::BeginLevel);
    play_intro_level(&mut app);
    pass_gate(&mut app);
    assert!(unlocked(&app, 1));

    // Changing students is for the title screen only.
    send(&mut app, ProfileCommand::Create("Jo".into()));
    assert_eq!(playing(&app), "Maya");
    let told = &app.world().resource::<Notices>().history;
    assert!(told.iter().any(|n| n.contains("title screen")), "{told:?}");

    send(&mut app, TourCommand::ToTitle);
    send(&mut app, ProfileCommand::Create(" MAYA ".into()));
    let roster = app.world().resource::<ProfileRoster>();
    let refused = roster.message.clone().unwrap_or_default();
    assert!(
        refused.contains("already a profile called Maya"),
        "{refused}"
    );
    assert_eq!(playing(&app), "Maya");

    send(&mut app, ProfileCommand::Create("Jo".into()));
    assert_eq!(playing(&app), "Jo");
    assert!(!unlocked(&app, 1), "Jo does not see Maya's gate");
    assert!(saved(&dir, "maya").is_some_and(|p| p.gate_passed(0)));
    assert!(!saved(&dir, "jo").is_some_and(|p| p.gate_passed(0)));

    send(&mut app, ProfileCommand::Choose("maya".into()));
    assert!(unlocked(&app, 1), "Maya's progress is back");
    drop(app);

    // The next start plays the last profile used; `--profile` picks another.
    let app = minimal_app(dir.clone());
    assert_eq!(playing(&app), "Maya");
    assert!(unlocked(&app, 1));
    drop(app);
    let mut config = backlot::GameConfig::for_tests(dir.clone());
    config.profile = Some("jo".into());
    let app = backlot::testing::minimal_app_with(config);
    assert_eq!(playing(&app), "Jo");
    assert!(!unlocked(&app, 1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_old_single_save_becomes_the_player_profile() {
    let dir = temp_data_dir("old-save");
    std::fs::create_dir_all(&dir).expect("dir");
    let mut old = Progress::default();
    old.record_gate(0, &[], true);
    old.record_level(0, 2);
    let text = old.export_text();
    std::fs::write(dir.join("progress.ron"), &text).expect("an old save");

    let app = minimal_app(dir.clone());
    assert_eq!(playing(&app), "Player");
    assert!(unlocked(&app, 1), "the old progress plays on");
    assert_eq!(saved(&dir, "player").map(|p| p.level_stars[&0]), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.join(LEGACY_KEPT_AS)).expect("the old file is kept"),
        text
    );
    assert!(!dir.join("progress.ron").exists());
    let told = &app.world().resource::<Notices>().history;
    assert!(
        told.iter()
            .any(|n| n.contains("now the profile \"Player\"")),
        "{told:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn time_in_a_stop_is_counted_saved_and_paused_with_the_class() {
    let dir = temp_data_dir("stop-time");
    // The teacher started the game in presenter mode, so pausing needs no code.
    let mut app = backlot::testing::minimal_app_with(backlot::GameConfig {
        presenter: true,
        ..backlot::GameConfig::for_tests(dir.clone())
    });
    // 0.2 s a frame, below the virtual clock's largest step.
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        Duration::from_millis(200),
    ));
    send(&mut app, TourCommand::StartTour);
    send(&mut app, TourCommand::OpenStop(0));
    send(&mut app, TourCommand::BeginLevel);
    for _ in 0..160 {
        app.update();
    }
    let so_far = saved(&dir, "player").map_or(0, |p| p.seconds_in(0));
    assert!(
        so_far >= 30,
        "saved every half-minute while playing: {so_far}"
    );

    send(&mut app, PresenterCommand::TogglePause);
    for _ in 0..100 {
        app.update();
    }
    send(&mut app, PresenterCommand::TogglePause);
    send(&mut app, TourCommand::ToMap);
    let progress = saved(&dir, "player").expect("saved on leaving");
    let seconds = progress.seconds_in(0);
    assert!(
        (32..=34).contains(&seconds),
        "32 s played, 20 s paused: {seconds}"
    );
    assert_eq!(progress.time[&0].lesson.as_deref(), Some("standard"));
    assert_eq!(progress.seconds_in(1), 0);
    let _ = std::fs::remove_dir_all(&dir);
}
