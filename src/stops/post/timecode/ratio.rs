//! Exact ratios: non-negative fractions in lowest terms, so frame times and sample counts
//! are compared and printed without rounding.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A non-negative fraction kept in lowest terms, so `==` compares values. Saved as text
/// (`"8008/5"`): RON has no 128-bit integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Ratio {
    num: u128,
    den: u128,
}

impl From<Ratio> for String {
    fn from(r: Ratio) -> String {
        format!("{}/{}", r.num, r.den)
    }
}

impl TryFrom<String> for Ratio {
    type Error = String;
    fn try_from(text: String) -> Result<Ratio, String> {
        let bad = || format!("{text:?} is not a fraction like \"8008/5\"");
        let (num, den) = text.split_once('/').ok_or_else(bad)?;
        let num = num.trim().parse().map_err(|_| bad())?;
        let den = den.trim().parse().map_err(|_| bad())?;
        Ratio::new(num, den).ok_or_else(bad)
    }
}

impl Ratio {
    /// `num/den` in lowest terms; `None` when `den` is zero.
    pub fn new(num: u128, den: u128) -> Option<Ratio> {
        (den != 0).then(|| Ratio::reduced(num, den))
    }

    /// Internal constructor for denominators known to be non-zero.
    pub(super) fn reduced(num: u128, den: u128) -> Ratio {
        let g = gcd(num, den).max(1);
        Ratio {
            num: num / g,
            den: den / g,
        }
    }

    /// Numerator in lowest terms.
    pub const fn num(self) -> u128 {
        self.num
    }

    /// Denominator in lowest terms (never zero).
    pub const fn den(self) -> u128 {
        self.den
    }

    /// The whole part, rounded down.
    pub const fn floor(self) -> u128 {
        self.num / self.den
    }

    /// Whether the value is a whole number.
    pub const fn is_integer(self) -> bool {
        self.den == 1
    }

    /// Approximate value, for display only; conversions never use it.
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// Exact decimal expansion by long division, at most `max_places`
    /// digits after the point; a trailing `…` marks a truncated expansion.
    /// `8008/5` gives `"1601.6"`.
    pub fn to_decimal_string(self, max_places: usize) -> String {
        let mut text = self.floor().to_string();
        let mut rem = self.num % self.den;
        if rem == 0 {
            return text;
        }
        text.push('.');
        for _ in 0..max_places {
            if rem == 0 {
                break;
            }
            rem = match rem.checked_mul(10) {
                Some(scaled) => scaled,
                None => break,
            };
            text.push(digit_char(rem / self.den));
            rem %= self.den;
        }
        if rem != 0 {
            text.push('…');
        }
        text
    }
}

impl fmt::Display for Ratio {
    /// `1001/24000`, or just `2000` for whole numbers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_integer() {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

pub(super) fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

pub(super) fn digit_char(digit: u128) -> char {
    u32::try_from(digit)
        .ok()
        .and_then(|d| char::from_digit(d, 10))
        .unwrap_or('?')
}

/// `floor(x * num / den)` without overflow; saturates at `u64::MAX`, which
/// is only reached when the true result is larger anyway.
pub(super) fn floor_mul_div(x: u64, num: u128, den: u128) -> u64 {
    match u128::from(x).checked_mul(num) {
        Some(product) => u64::try_from(product / den).unwrap_or(u64::MAX),
        None => u64::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::stops::post::timecode::{FrameRate, frame_time_seconds};

    #[test]
    fn frame_times_are_exact_fractions() {
        let t = frame_time_seconds(1, FrameRate::Fps23_976);
        assert_eq!((t.num(), t.den()), (1001, 24_000));
        assert_eq!(t.to_string(), "1001/24000");
        assert_eq!(t.to_decimal_string(6), "0.041708…");
        assert_eq!(
            frame_time_seconds(24_000, FrameRate::Fps23_976),
            Ratio::new(1001, 1).expect("ratio")
        );
        assert_eq!(frame_time_seconds(3, FrameRate::Fps24).to_string(), "1/8");
        assert_eq!(frame_time_seconds(30, FrameRate::Fps30).to_string(), "1");
        assert_eq!(frame_time_seconds(0, FrameRate::Df59_94).to_string(), "0");
        // One DF hour of frames is 3600 real seconds minus 3.6 ms.
        let hour = frame_time_seconds(107_892, FrameRate::Df29_97);
        assert_eq!(hour.to_string(), "8999991/2500");
        assert_eq!(hour.to_decimal_string(6), "3599.9964");
        assert!((hour.to_f64() - 3599.9964).abs() < 1e-9);
        assert_eq!(Ratio::new(2, 4), Ratio::new(1, 2));
        assert_eq!(Ratio::new(1, 0), None);
        assert_eq!(
            Ratio::new(0, 7).map(|r| r.to_string()),
            Some("0".to_string())
        );
        assert_eq!(
            Ratio::new(1, 3).map(|r| r.to_decimal_string(3)),
            Some("0.333…".to_string())
        );
        assert_eq!(Ratio::new(7, 2).map(Ratio::floor), Some(3));
    }

    #[test]
    fn a_ratio_is_saved_as_its_fraction() {
        let r = Ratio::new(16016, 10).expect("non-zero");
        assert_eq!(String::from(r), "8008/5");
        assert_eq!(Ratio::try_from("8008/5".to_string()), Ok(r));
        assert!(Ratio::try_from("1/0".to_string()).is_err());
        assert!(Ratio::try_from("half".to_string()).is_err());
    }
}
