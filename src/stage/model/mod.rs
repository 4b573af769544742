//! The LED volume's maths, no Bevy: the wall's pixel grid, the camera projections, moiré,
//! tracking, matching the stage lights, and the virtual scenes the wall shows.

pub mod framing;
pub mod led;
pub mod lighting;
pub mod moire;
pub mod projection;
pub mod quality;
pub mod scene;
pub mod tracking;
