//! Checks of the bundled crew content against the tour: every stop has a host who speaks,
//! every line is easy to read, and every vocabulary word is said.

use super::*;
use crate::tour::model::content::bundled_file;

fn crew() -> Crew {
    bundled_file::<Crew>().expect("the bundled crew.ron parses and validates")
}

#[test]
fn the_bundled_crew_is_valid() {
    let crew = crew();
    assert!(!crew.hosts.is_empty());
}
