//! Numbers as a student reads them: thousands grouped, trailing zeros dropped.

// ---------------------------------------------------------------------------------------------
// Number formatting for students.
// ---------------------------------------------------------------------------------------------

/// 1234567 → "1,234,567": big counts are easier to read (and to divide) with separators.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number with at most `max_decimals` decimals, trailing zeros dropped and thousands grouped:
/// 50.0 → "50", 22.04 → "22.04", 1234.5 → "1,234.5".
pub fn format_decimal(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let text = format!("{:.*}", max_decimals, value.abs());
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let whole = whole
        .parse::<u64>()
        .map(group_thousands)
        .unwrap_or_else(|_| whole.to_string());
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match fraction {
        Some(f) => format!("{sign}{whole}.{f}"),
        None => format!("{sign}{whole}"),
    }
}

/// An `f32` from a file as the decimal that was written: the shortest text that reads back as
/// the same `f32` is what the teacher typed, and that text as `f64` has no f32 rounding tail.
pub(super) fn f32_as_written(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_formatted_for_students() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
        assert_eq!(format_decimal(50.0, 2), "50");
        assert_eq!(format_decimal(22.04, 2), "22.04");
        assert_eq!(format_decimal(1234.5, 2), "1,234.5");
        assert_eq!(format_decimal(0.049, 1), "0");
        assert_eq!(format_decimal(-2.5, 1), "-2.5");
        assert_eq!(format_decimal(f64::NAN, 1), "0");
    }
}
