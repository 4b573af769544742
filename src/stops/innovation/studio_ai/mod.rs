//! "AI in the studio": three cases built on real productions (House of David's 350 AI-made
//! shots, AI as a collaborator, actors' worries): a digital double, a cloned voice and a
//! background built by AI. For each the student decides consent, credit and jobs; nothing is
//! scored: each choice shows what follows from it, then what real productions and unions
//! argue, and in presenter mode the case becomes a prompt for class discussion.

pub mod model;
pub(crate) mod panel;
pub mod show_me;
