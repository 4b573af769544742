//! What differs between the desktop and the web build, in one place, so the rest of the game
//! never carries a `cfg` of its own. So far: the clock (`std::time` panics in a browser).

pub mod time;
