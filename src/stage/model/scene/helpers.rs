//! Small helpers: random picks in a range, angle wrapping and linear-RGB colour arithmetic.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::Rgb;

/// A uniform value in `(min, max)`; never panics, even for an empty range.
pub(super) fn pick(rng: &mut ChaCha8Rng, (lo, hi): (f32, f32)) -> f32 {
    lo + (hi - lo) * rng.random::<f32>()
}

pub(super) fn wrap_degrees(deg: f32) -> f32 {
    (deg + 180.0).rem_euclid(360.0) - 180.0
}

pub(super) fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

pub(super) fn mul(a: Rgb, b: Rgb) -> Rgb {
    [0, 1, 2].map(|i| a[i] * b[i])
}

pub(super) fn scale(a: Rgb, k: f32) -> Rgb {
    a.map(|v| v * k)
}

pub(super) fn grey(v: f32) -> Rgb {
    [v; 3]
}

/// Rec. 709 relative luminance of linear RGB.
pub(super) fn luminance(c: Rgb) -> f32 {
    0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
}

/// Scales so the brightest channel is 1 (black stays black).
pub(super) fn normalized(c: Rgb) -> Rgb {
    let m = c[0].max(c[1]).max(c[2]);
    if m > 0.0 { scale(c, 1.0 / m) } else { c }
}

/// A few words for a light's colour.
pub(super) fn color_words(c: Rgb) -> &'static str {
    let [r, g, b] = normalized(c);
    if r.max(g).max(b) <= 0.0 {
        return "dark";
    }
    if r >= g && g >= b {
        if b >= 0.9 {
            "neutral white"
        } else if g >= 0.8 {
            "warm gold"
        } else if g >= 0.5 {
            "warm orange"
        } else {
            "deep red"
        }
    } else if b >= r && b >= g {
        if r >= 0.75 && g >= 0.75 {
            "cool white"
        } else if r > g + 0.1 {
            "violet"
        } else if g >= 0.85 {
            "teal"
        } else {
            "cool blue"
        }
    } else if g >= r && g >= b {
        if b >= 0.8 {
            "teal"
        } else if r >= 0.85 {
            "yellow-green"
        } else {
            "green"
        }
    } else {
        "rose pink"
    }
}
