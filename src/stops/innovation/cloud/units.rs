//! The units of the cloud lesson: bytes, bits, both kinds of data rate and seconds, each its
//! own type with named conversions, plus the "three significant figures" formatting the
//! screen shows them in.

use super::HOUR_S;
use serde::{Deserialize, Serialize};

/// A size in bytes. Whole bytes: nothing stores half a byte.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Bytes(pub u64);

/// A size in bits (8 bits = 1 byte). Network maths happens in bits.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Bits(pub u64);

/// A data rate in bits per second: how networks and camera codecs are quoted ("10 Gbps").
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct BitsPerSecond(pub f64);

/// A data rate in bytes per second: how drives and card readers are quoted ("1000 MB/s").
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct BytesPerSecond(pub f64);

/// A duration (or a moment on the day's timeline) in seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct Seconds(pub f64);

/// Rounds a non-negative amount to whole units; NaN and negatives become 0, huge values
/// saturate (Rust's float-to-integer cast saturates).
pub(super) fn whole(x: f64) -> u64 {
    if x.is_finite() && x > 0.0 {
        x.round() as u64
    } else if x == f64::INFINITY {
        u64::MAX
    } else {
        0
    }
}

impl Bytes {
    /// 1 kilobyte = 1 000 bytes (decimal SI).
    pub const KB: Bytes = Bytes(1_000);
    /// 1 megabyte = 10⁶ bytes.
    pub const MB: Bytes = Bytes(1_000_000);
    /// 1 gigabyte = 10⁹ bytes.
    pub const GB: Bytes = Bytes(1_000_000_000);
    /// 1 terabyte = 10¹² bytes.
    pub const TB: Bytes = Bytes(1_000_000_000_000);

    /// `n` kilobytes (10³ bytes each), rounded to whole bytes.
    pub fn kb(n: f64) -> Bytes {
        Bytes(whole(n * 1.0e3))
    }

    /// `n` megabytes (10⁶ bytes each).
    pub fn mb(n: f64) -> Bytes {
        Bytes(whole(n * 1.0e6))
    }

    /// `n` gigabytes (10⁹ bytes each).
    pub fn gb(n: f64) -> Bytes {
        Bytes(whole(n * 1.0e9))
    }

    /// `n` terabytes (10¹² bytes each).
    pub fn tb(n: f64) -> Bytes {
        Bytes(whole(n * 1.0e12))
    }

    /// The same size in bits: × 8. Saturates rather than wrapping past 2 exabytes.
    pub fn to_bits(self) -> Bits {
        Bits(self.0.saturating_mul(8))
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64
    }

    /// Three significant figures and a decimal unit: "1.23 TB", "360 GB", "512 B".
    pub fn human(self) -> String {
        human_si(self.as_f64(), &["B", "KB", "MB", "GB", "TB", "PB", "EB"])
    }
}

impl Bits {
    pub fn as_f64(self) -> f64 {
        self.0 as f64
    }

    /// "57.1 Tb": a lower-case b for bits, as network speeds write it.
    pub fn human(self) -> String {
        human_si(self.as_f64(), &["b", "Kb", "Mb", "Gb", "Tb", "Pb", "Eb"])
    }
}

impl BitsPerSecond {
    /// `n` kilobits per second (10³ bits/s).
    pub fn kbps(n: f64) -> Self {
        Self(n * 1.0e3)
    }

    /// `n` megabits per second (10⁶ bits/s).
    pub fn mbps(n: f64) -> Self {
        Self(n * 1.0e6)
    }

    /// `n` gigabits per second (10⁹ bits/s).
    pub fn gbps(n: f64) -> Self {
        Self(n * 1.0e9)
    }

    /// The rate in megabits per second.
    pub fn as_mbps(self) -> f64 {
        self.0 / 1.0e6
    }

    /// The same rate in bytes per second: ÷ 8.
    pub fn to_bytes_per_second(self) -> BytesPerSecond {
        BytesPerSecond(self.0 / 8.0)
    }

    /// How much data this rate makes (or moves) in `time`: rate ÷ 8 × seconds, whole bytes.
    pub fn bytes_in(self, time: Seconds) -> Bytes {
        Bytes(whole(self.to_bytes_per_second().0 * time.0))
    }

    /// "333 Mbps", "3.97 Gbps".
    pub fn human(self) -> String {
        human_si(
            self.0,
            &["bps", "Kbps", "Mbps", "Gbps", "Tbps", "Pbps", "Ebps"],
        )
    }
}

impl BytesPerSecond {
    /// `n` megabytes per second (10⁶ bytes/s), as drive makers quote speeds.
    pub fn megabytes_per_second(n: f64) -> Self {
        Self(n * 1.0e6)
    }

    /// The same rate in bits per second: × 8.
    pub fn to_bits_per_second(self) -> BitsPerSecond {
        BitsPerSecond(self.0 * 8.0)
    }

    /// "496 MB/s".
    pub fn human(self) -> String {
        human_si(
            self.0,
            &["B/s", "KB/s", "MB/s", "GB/s", "TB/s", "PB/s", "EB/s"],
        )
    }
}

impl Seconds {
    pub fn minutes(m: f64) -> Self {
        Self(m * 60.0)
    }

    pub fn hours(h: f64) -> Self {
        Self(h * HOUR_S)
    }

    pub fn as_hours(self) -> f64 {
        self.0 / HOUR_S
    }

    /// Rounded to the two largest units that matter: "45 s", "12 min", "3 h 12 min",
    /// "2 days 4 h". Never-ending times read "never"; negative ones count as 0 s.
    pub fn human(self) -> String {
        let s = self.0;
        if s.is_nan() || s == f64::INFINITY {
            return "never".to_string();
        }
        let s = s.max(0.0);
        if s < 59.5 {
            return format!("{} s", s.round() as u64);
        }
        let minutes = (s / 60.0).round() as u64;
        if minutes < 60 {
            return format!("{minutes} min");
        }
        if minutes < 24 * 60 {
            let (h, m) = (minutes / 60, minutes % 60);
            return if m == 0 {
                format!("{h} h")
            } else {
                format!("{h} h {m} min")
            };
        }
        let hours = (s / HOUR_S).round() as u64;
        let (d, h) = (hours / 24, hours % 24);
        let days = if d == 1 { "day" } else { "days" };
        if h == 0 {
            format!("{d} {days}")
        } else {
            format!("{d} {days} {h} h")
        }
    }
}

/// The time to move `size` at `rate`: bytes × 8 ÷ bits per second. This is the one place
/// where sizes meet speeds, so the × 8 cannot be forgotten. A rate of zero (or less) never
/// finishes: infinite seconds.
pub fn transfer_time(size: Bytes, rate: BitsPerSecond) -> Seconds {
    if rate.0 > 0.0 && rate.0.is_finite() {
        Seconds(size.to_bits().as_f64() / rate.0)
    } else {
        Seconds(f64::INFINITY)
    }
}

/// Three significant figures with a decimal (×1000) unit; trailing zeros dropped.
fn human_si(value: f64, units: &[&str]) -> String {
    if !value.is_finite() {
        return format!("∞ {}", units.first().copied().unwrap_or(""));
    }
    let mut v = significant(value.max(0.0), 3);
    let mut unit = 0;
    while v >= 1000.0 && unit + 1 < units.len() {
        v = significant(v / 1000.0, 3);
        unit += 1;
    }
    let digits = if v >= 100.0 {
        0
    } else if v >= 10.0 {
        1
    } else {
        2
    };
    let mut text = format!("{v:.digits$}");
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    format!("{text} {}", units.get(unit).copied().unwrap_or(""))
}

/// `v` rounded to `figures` significant figures.
fn significant(v: f64, figures: i32) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(figures - 1 - magnitude);
    (v * factor).round() / factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::innovation::cloud::test_support::close;

    #[test]
    fn unit_conversions() {
        assert_eq!(Bytes::GB, Bytes(1_000_000_000));
        assert_eq!(Bytes::TB.0, 1_000 * Bytes::GB.0);
        assert_eq!(Bytes::gb(1.5), Bytes(1_500_000_000));
        assert_eq!(Bytes::KB.to_bits(), Bits(8_000));
        // 1 GB over 1 Gbps is 8 seconds, not 1.
        assert_eq!(
            transfer_time(Bytes::GB, BitsPerSecond::gbps(1.0)),
            Seconds(8.0)
        );
        // 1 MB/s is 8 Mbps, and back.
        let one = BytesPerSecond::megabytes_per_second(1.0);
        assert_eq!(one.to_bits_per_second(), BitsPerSecond::mbps(8.0));
        assert_eq!(BitsPerSecond::mbps(8.0).to_bytes_per_second(), one);
        // A 100 MB/s camera for an hour makes 360 GB.
        let camera = BytesPerSecond::megabytes_per_second(100.0).to_bits_per_second();
        assert_eq!(camera.bytes_in(Seconds::hours(1.0)), Bytes::gb(360.0));
        // 1.2 TB at 10 Gbps: 9.6 Tb / 10 Gbps = 960 s = 16 min.
        let t = transfer_time(Bytes::tb(1.2), BitsPerSecond::gbps(10.0));
        assert!(close(t.0, 960.0));
        assert_eq!(t.human(), "16 min");
        assert_eq!(
            transfer_time(Bytes::GB, BitsPerSecond(0.0)),
            Seconds(f64::INFINITY)
        );
    }

    #[test]
    fn human_formatting() {
        assert_eq!(Bytes(1_234_000_000_000).human(), "1.23 TB");
        assert_eq!(Bytes::gb(360.0).human(), "360 GB");
        assert_eq!(Bytes::gb(64.8).human(), "64.8 GB");
        assert_eq!(Bytes::TB.human(), "1 TB");
        assert_eq!(Bytes(512).human(), "512 B");
        assert_eq!(Bytes(999_600_000).human(), "1 GB");
        assert_eq!(Bytes::tb(1.2).to_bits().human(), "9.6 Tb");
        assert_eq!(BitsPerSecond::mbps(1000.0 / 3.0).human(), "333 Mbps");
        assert_eq!(BitsPerSecond::gbps(10.0).human(), "10 Gbps");
        assert_eq!(
            BytesPerSecond::megabytes_per_second(496.0).human(),
            "496 MB/s"
        );
        assert_eq!(Seconds(45.0).human(), "45 s");
        assert_eq!(Seconds(8.0).human(), "8 s");
        assert_eq!(Seconds::minutes(12.0).human(), "12 min");
        assert_eq!(Seconds(3.0 * 3600.0 + 12.0 * 60.0).human(), "3 h 12 min");
        assert_eq!(Seconds::hours(5.0).human(), "5 h");
        assert_eq!(Seconds::hours(52.0).human(), "2 days 4 h");
        assert_eq!(Seconds::hours(24.0).human(), "1 day");
        assert_eq!(Seconds(f64::INFINITY).human(), "never");
    }
}
