//! Class results: every student profile's run as one CSV for the teacher, from the teacher
//! panel (F1) or `backlot class-results`. The rules are in `model`.

pub mod model;
