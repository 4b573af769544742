//! Property tests of every content file's loader, with the real files as seeds: damaged
//! copies of each (cut short, bytes deleted or inserted, a byte order mark in front) load
//! without a panic, and every error they give names the file. The real files still load.

use std::path::Path;

use proptest::prelude::*;

use crate::stage::model::led::StageGeometry;
use crate::stops::conclusion::model::Careers;
use crate::stops::innovation::cloud::CloudSpec;
use crate::stops::intro::model::StudioSpec;
use crate::stops::marketing::model::CampaignSpec;
use crate::stops::post::model::PostLevelSpec;
use crate::stops::previs::model::StoryboardFile;
use crate::stops::virtual_production::model::shots::ShotFile;
use crate::tour::model::content::{ContentFile, Tour, read_file};
use crate::tour::model::lesson::LessonTable;

/// Parse `text` as `T`'s file and check what comes back: a value, or errors that each name
/// the file (and a line inside the text when they give one).
fn check_text<T: ContentFile>(text: &str) -> Result<(), TestCaseError> {
    let file = Path::new("damaged").join(T::FILE);
    if let Err(errors) = T::parse(text, &file) {
        prop_assert!(!errors.is_empty(), "{}: an error with no words", T::FILE);
        let lines = text.lines().count() + 1;
        for e in &errors {
            prop_assert_eq!(&e.file, &file);
            prop_assert!(
                e.to_string().starts_with(&file.display().to_string()),
                "{}",
                e
            );
            prop_assert!(e.line <= lines, "{}: line {} of {}", T::FILE, e.line, lines);
        }
    }
    Ok(())
}

/// One content file's check, by number, so a single property covers them all.
fn check_nth(n: usize, mutate: impl Fn(&str) -> String) -> Result<(), TestCaseError> {
    match n % 10 {
        0 => check_text::<Tour>(&mutate(Tour::BUNDLED)),
        1 => check_text::<StudioSpec>(&mutate(StudioSpec::BUNDLED)),
        2 => check_text::<StoryboardFile>(&mutate(StoryboardFile::BUNDLED)),
        3 => check_text::<ShotFile>(&mutate(ShotFile::BUNDLED)),
        4 => check_text::<PostLevelSpec>(&mutate(PostLevelSpec::BUNDLED)),
        5 => check_text::<CampaignSpec>(&mutate(CampaignSpec::BUNDLED)),
        6 => check_text::<CloudSpec>(&mutate(CloudSpec::BUNDLED)),
        7 => check_text::<Careers>(&mutate(Careers::BUNDLED)),
        8 => check_text::<LessonTable>(&mutate(LessonTable::BUNDLED)),
        _ => check_text::<StageGeometry>(&mutate(StageGeometry::BUNDLED)),
    }
}

#[derive(Debug, Clone)]
enum Damage {
    Truncate(prop::sample::Index),
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, String),
    Bom,
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Damage::Truncate),
        (any::<prop::sample::Index>(), 1..20usize).prop_map(|(at, n)| Damage::Delete(at, n)),
        (
            any::<prop::sample::Index>(),
            "[()\\[\\]{}:,\"'#/ \n0-9a-z\u{e9}]{1,4}"
        )
            .prop_map(|(at, s)| Damage::Insert(at, s)),
        Just(Damage::Bom),
    ]
}

/// Apply the damage, counting in characters so the text stays UTF-8.
fn apply(text: &str, damage: &[Damage]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for d in damage {
        let n = chars.len();
        match d {
            Damage::Truncate(at) => chars.truncate(at.index(n + 1)),
            Damage::Delete(at, len) if n > 0 => {
                let at = at.index(n);
                chars.drain(at..(at + len).min(n));
            }
            Damage::Delete(..) => {}
            Damage::Insert(at, s) => {
                let at = at.index(n + 1);
                chars.splice(at..at, s.chars());
            }
            Damage::Bom => chars.insert(0, '\u{feff}'),
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_damaged_content_file_loads_or_names_itself(
        file in 0..10usize,
        damage in prop::collection::vec(damage(), 1..4),
    ) {
        check_nth(file, |text| apply(text, &damage))?;
    }
}

#[test]
fn the_real_content_files_load() {
    let assets = crate::GameConfig::for_tests(std::env::temp_dir()).assets_dir;
    fn load<T: ContentFile>(assets: &Path) {
        let dir = T::FOLDER.dir(assets);
        if let Err(e) = read_file(&dir, T::FILE, T::parse) {
            panic!("{}: {e:?}", T::FILE);
        }
    }
    load::<Tour>(&assets);
    load::<StudioSpec>(&assets);
    load::<StoryboardFile>(&assets);
    load::<ShotFile>(&assets);
    load::<PostLevelSpec>(&assets);
    load::<CampaignSpec>(&assets);
    load::<CloudSpec>(&assets);
    load::<Careers>(&assets);
    load::<LessonTable>(&assets);
    load::<StageGeometry>(&assets);
}
