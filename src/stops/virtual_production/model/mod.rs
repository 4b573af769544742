//! Stop 2's pure logic: the director's shot list and how a take on the stage is scored.
//! Plain Rust, no Bevy.

pub mod shots;
pub mod takes;
