//! The clock, on the desktop and in the browser alike. `std::time::Instant::now()` and
//! `SystemTime::now()` panic in a browser; `web-time` has the same types, backed by the
//! browser's clock there and by `std::time` on the desktop.

pub use web_time::{Instant, SystemTime, UNIX_EPOCH};

/// Seconds since 1970, for stamping saved results (0 if the clock is before 1970).
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_is_after_the_year_2020_and_moves_forward() {
        let now = unix_now();
        assert!(now > 1_577_836_800, "after 2020-01-01: {now}");
        let start = Instant::now();
        assert!(unix_now() >= now);
        assert!(start.elapsed().as_secs() < 60);
    }
}
