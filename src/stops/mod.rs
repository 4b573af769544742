//! The seven stops of the tour, one folder each. A stop's folder holds all of it: `level.rs`
//! (the level's logic in the ECS), `model` (pure rules, no Bevy), `ui` (its screen) and, where
//! it has one, its 3D set. A stop never imports another stop.

use std::path::Path;

use bevy::prelude::*;

use crate::tour::model::content::{ContentError, ContentFile, check_file, check_path};

pub mod conclusion;
#[cfg(test)]
mod content_props;
pub mod innovation;
pub mod intro;
pub mod lessons;
pub mod marketing;
pub mod post;
pub mod previs;
pub mod virtual_production;

/// Every stop's level logic: what the headless walkthrough plays.
pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        lessons::plugin,
        intro::plugin,
        previs::plugin,
        virtual_production::plugin,
        post::plugin,
        marketing::plugin,
        innovation::plugin,
        conclusion::plugin,
    ));
}

/// Every stop's 3D set.
pub(crate) fn view_plugin(app: &mut App) {
    app.add_plugins((
        intro::view_plugin,
        previs::view_plugin,
        innovation::view_plugin,
    ));
}

/// Every stop's screen, drawn with egui.
pub(crate) fn screens_plugin(app: &mut App) {
    app.add_plugins((
        intro::screens_plugin,
        previs::screens_plugin,
        virtual_production::screens_plugin,
        post::screens_plugin,
        marketing::screens_plugin,
        innovation::screens_plugin,
        conclusion::screens_plugin,
    ));
}

/// Check every stop's content file in `assets_dir`, without falling back to the bundled copies
/// (`backlot check-content`). Each stop's model owns its file's name and checks.
pub fn check_content(assets_dir: &Path) -> Vec<ContentError> {
    [
        check_file::<intro::model::StudioSpec>(assets_dir),
        check_file::<previs::model::StoryboardFile>(assets_dir),
        check_file::<virtual_production::model::shots::ShotFile>(assets_dir),
        check_file::<post::model::PostLevelSpec>(assets_dir),
        check_file::<marketing::model::CampaignSpec>(assets_dir),
        check_file::<innovation::cloud::CloudSpec>(assets_dir),
        check_file::<conclusion::model::Careers>(assets_dir),
        check_file::<crate::tour::model::lesson::LessonTable>(assets_dir),
        check_file::<crate::crew::model::Crew>(assets_dir),
        conclusion::model::check_crew_careers(assets_dir),
    ]
    .concat()
}

/// A checker of one content file (see [`check_path`]).
pub type FileCheck = fn(&Path) -> Vec<ContentError>;

/// Every stop's content file: its name in `assets/` and how to check a file of that kind.
pub const CONTENT_FILES: [(&str, FileCheck); 9] = [
    (
        intro::model::INTRO_FILE,
        check_path::<intro::model::StudioSpec>,
    ),
    (
        <previs::model::StoryboardFile as ContentFile>::FILE,
        check_path::<previs::model::StoryboardFile>,
    ),
    (
        virtual_production::model::shots::VP_SHOTS_FILE,
        check_path::<virtual_production::model::shots::ShotFile>,
    ),
    (
        <post::model::PostLevelSpec as ContentFile>::FILE,
        check_path::<post::model::PostLevelSpec>,
    ),
    (
        <marketing::model::CampaignSpec as ContentFile>::FILE,
        check_path::<marketing::model::CampaignSpec>,
    ),
    (
        <innovation::cloud::CloudSpec as ContentFile>::FILE,
        check_path::<innovation::cloud::CloudSpec>,
    ),
    (
        conclusion::model::CAREERS_FILE,
        check_path::<conclusion::model::Careers>,
    ),
    (
        crate::tour::model::lesson::LESSONS_FILE,
        check_path::<crate::tour::model::lesson::LessonTable>,
    ),
    (
        crate::crew::model::CREW_FILE,
        check_path::<crate::crew::model::Crew>,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped `assets/` folder passes every stop's checks.
    #[test]
    fn every_stop_content_file_in_assets_is_valid() {
        let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        assert_eq!(check_content(&assets), Vec::new());
        // Each file checked on its own by its name's checker passes; another's file does not.
        for (name, check) in CONTENT_FILES {
            assert_eq!(check(&assets.join(name)), Vec::new(), "{name}");
            let wrong = check(&assets.join("tour.ron"));
            assert!(!wrong.is_empty(), "{name}'s checker took the tour");
            assert!(wrong[0].to_string().contains("tour.ron"), "{wrong:?}");
        }
        // And an empty folder names every stop's file as missing.
        let empty = std::env::temp_dir().join(format!("backlot-no-content-{}", std::process::id()));
        std::fs::create_dir_all(&empty).expect("temp dir");
        let missing = check_content(&empty);
        assert_eq!(missing.len(), 9, "{missing:?}");
        assert!(missing.iter().all(|e| e.message.contains("cannot read")));
        std::fs::remove_dir_all(&empty).ok();
    }
}
