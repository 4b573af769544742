//! Stop 2's pure logic: the signal chain of the LED volume, the director's shot list, how a
//! take on the stage is scored, and the words the screen uses for it.
//! Plain Rust, no Bevy.

pub mod advice;
pub mod chain;
pub mod shots;
pub mod takes;
