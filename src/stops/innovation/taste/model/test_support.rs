//! Shared helpers for the taste lab's tests: the bundled moods and a lab with its shots.

use super::content::TasteSpec;
use super::lab::TasteLab;
use super::shots::build_shots;
use crate::stage::model::scene::bundled_scenes;
use crate::stops::innovation::cloud::bundled_cloud;

pub(crate) fn taste_spec() -> TasteSpec {
    match bundled_cloud() {
        Ok(spec) => spec.taste,
        Err(e) => panic!("bundled innovation.ron: {e}"),
    }
}

pub(crate) fn lab(spec: &TasteSpec) -> TasteLab {
    let mut lab = TasteLab::default();
    match build_shots(spec, &bundled_scenes(), 11) {
        Ok(shots) => lab.set_shots(shots),
        Err(e) => panic!("{e}"),
    }
    lab
}
