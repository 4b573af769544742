//! The tour's pure rules and data, no Bevy: the content files, the quiz-gate engine, the
//! player's progress and its save, student profiles and their one-file copies, teachers'
//! question banks, CSV for exports, and the studio backlot's layout.

pub mod backlot;
pub mod bank_library;
pub mod content;
pub mod csv;
pub mod lesson;
pub mod lesson_plan;
pub mod lettering;
pub mod level_save;
pub mod lot_props;
pub mod pipeline;
pub mod profile_copy;
pub mod profiles;
pub mod progress;
pub mod question_bank;
pub mod quiz;
