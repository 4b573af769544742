//! Exact SMPTE timecode engine (ST 12-1) behind `backlot timecode`.
//!
//! Every conversion is integer arithmetic on exact rationals: 29.97 fps is
//! 30000/1001, never `29.97_f64`, so results are identical on every frame of
//! a 24-hour day and on every machine. Floating point appears only in
//! [`Ratio::to_f64`] and the benchmark report, both for display.
//!
//! Text rules (see [`parse_timecode`]):
//! * a timecode is `HH:MM:SS:FF`, exactly two ASCII digits per field;
//! * at drop-frame rates the separator before the frames is written `;`
//!   ([`Timecode`]'s `Display` always does), and `:`, `.` or `,` are also
//!   accepted there because editing systems emit all of them;
//! * at non-drop rates that separator must be `:`, because `;` would claim a
//!   drop-frame count the rate does not have.
//!
//! Frame numbers count from 0 at `00:00:00:00` and wrap at 24 hours.

use std::fmt;
use std::hint::black_box;
use std::str::FromStr;
use std::time::Instant;

// ---------------------------------------------------------------------------
// Frame rates
// ---------------------------------------------------------------------------

/// A video frame rate, held as an exact rational plus its counting mode.
///
/// The NTSC-family rates (23.976, 29.97, 59.94) are really 24000/1001,
/// 30000/1001 and 60000/1001 frames per second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FrameRate {
    /// 23.976 fps (24000/1001), counted non-drop with 24-frame seconds.
    Fps23_976,
    /// 24 fps film.
    Fps24,
    /// 25 fps PAL.
    Fps25,
    /// 29.97 fps (30000/1001) drop-frame.
    Df29_97,
    /// 29.97 fps (30000/1001) non-drop-frame.
    Ndf29_97,
    /// 30 fps.
    Fps30,
    /// 50 fps.
    Fps50,
    /// 59.94 fps (60000/1001) drop-frame.
    Df59_94,
    /// 59.94 fps (60000/1001) non-drop-frame.
    Ndf59_94,
    /// 60 fps.
    Fps60,
}

impl FrameRate {
    /// Every supported rate, in the order the CLI lists them.
    pub const ALL: [FrameRate; 10] = [
        FrameRate::Fps23_976,
        FrameRate::Fps24,
        FrameRate::Fps25,
        FrameRate::Ndf29_97,
        FrameRate::Df29_97,
        FrameRate::Fps30,
        FrameRate::Fps50,
        FrameRate::Ndf59_94,
        FrameRate::Df59_94,
        FrameRate::Fps60,
    ];

    /// Parses a CLI rate: exactly one of `23.976`, `24`, `25`, `29.97`,
    /// `29.97df`, `30`, `50`, `59.94`, `59.94df`, `60` (the `df` suffix in
    /// any case; surrounding whitespace is ignored).
    pub fn parse(text: &str) -> Result<FrameRate, TimecodeError> {
        let wanted = text.trim().to_ascii_lowercase();
        FrameRate::ALL
            .into_iter()
            .find(|rate| rate.cli_name() == wanted)
            .ok_or_else(|| TimecodeError::UnknownRate {
                input: text.to_string(),
            })
    }

    /// The spelling [`FrameRate::parse`] accepts, e.g. `"29.97df"`.
    pub const fn cli_name(self) -> &'static str {
        match self {
            FrameRate::Fps23_976 => "23.976",
            FrameRate::Fps24 => "24",
            FrameRate::Fps25 => "25",
            FrameRate::Df29_97 => "29.97df",
            FrameRate::Ndf29_97 => "29.97",
            FrameRate::Fps30 => "30",
            FrameRate::Fps50 => "50",
            FrameRate::Df59_94 => "59.94df",
            FrameRate::Ndf59_94 => "59.94",
            FrameRate::Fps60 => "60",
        }
    }

    /// The rate as a decimal label without counting mode, e.g. `"29.97"`.
    const fn decimal_label(self) -> &'static str {
        match self {
            FrameRate::Df29_97 | FrameRate::Ndf29_97 => "29.97",
            FrameRate::Df59_94 | FrameRate::Ndf59_94 => "59.94",
            other => other.cli_name(),
        }
    }

    /// Exact frames per second as `(numerator, denominator)`.
    pub const fn fps_rational(self) -> (u64, u64) {
        match self {
            FrameRate::Fps23_976 => (24_000, 1001),
            FrameRate::Fps24 => (24, 1),
            FrameRate::Fps25 => (25, 1),
            FrameRate::Df29_97 | FrameRate::Ndf29_97 => (30_000, 1001),
            FrameRate::Fps30 => (30, 1),
            FrameRate::Fps50 => (50, 1),
            FrameRate::Df59_94 | FrameRate::Ndf59_94 => (60_000, 1001),
            FrameRate::Fps60 => (60, 1),
        }
    }

    /// Frames per labelled second: the `FF` field runs `0..nominal_fps()`.
    pub const fn nominal_fps(self) -> u64 {
        match self {
            FrameRate::Fps23_976 | FrameRate::Fps24 => 24,
            FrameRate::Fps25 => 25,
            FrameRate::Df29_97 | FrameRate::Ndf29_97 | FrameRate::Fps30 => 30,
            FrameRate::Fps50 => 50,
            FrameRate::Df59_94 | FrameRate::Ndf59_94 | FrameRate::Fps60 => 60,
        }
    }

    /// Whether labels are skipped to keep the count near wall-clock time.
    pub const fn is_drop_frame(self) -> bool {
        matches!(self, FrameRate::Df29_97 | FrameRate::Df59_94)
    }

    /// Labels skipped at the start of each minute not divisible by ten
    /// (2 at 29.97 DF, 4 at 59.94 DF, 0 otherwise).
    pub const fn dropped_per_minute(self) -> u64 {
        match self {
            FrameRate::Df29_97 => 2,
            FrameRate::Df59_94 => 4,
            _ => 0,
        }
    }

    /// Frames in a ten-minute block: `nominal*600 - 9*D` (only the first
    /// minute of each block keeps all its labels).
    pub const fn frames_per_ten_minutes(self) -> u64 {
        self.nominal_fps() * 600 - 9 * self.dropped_per_minute()
    }

    /// Frames from `00:00:00:00` up to the 24-hour wrap.
    pub const fn frames_per_day(self) -> u64 {
        self.frames_per_ten_minutes() * 6 * 24
    }

    /// The drop-frame sibling of a non-drop NTSC rate, for error hints.
    const fn drop_frame_sibling(self) -> Option<FrameRate> {
        match self {
            FrameRate::Ndf29_97 => Some(FrameRate::Df29_97),
            FrameRate::Ndf59_94 => Some(FrameRate::Df59_94),
            _ => None,
        }
    }
}

impl fmt::Display for FrameRate {
    /// `29.97 DF` / `29.97 NDF` where the mode matters, otherwise `24 fps`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameRate::Df29_97 | FrameRate::Df59_94 => write!(f, "{} DF", self.decimal_label()),
            FrameRate::Ndf29_97 | FrameRate::Ndf59_94 => {
                write!(f, "{} NDF", self.decimal_label())
            }
            _ => write!(f, "{} fps", self.decimal_label()),
        }
    }
}

impl FromStr for FrameRate {
    type Err = TimecodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        FrameRate::parse(text)
    }
}

// ---------------------------------------------------------------------------
// Exact ratios
// ---------------------------------------------------------------------------

/// A non-negative fraction kept in lowest terms, so `==` compares values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: u128,
    den: u128,
}

impl Ratio {
    /// `num/den` in lowest terms; `None` when `den` is zero.
    pub fn new(num: u128, den: u128) -> Option<Ratio> {
        (den != 0).then(|| Ratio::reduced(num, den))
    }

    /// Internal constructor for denominators known to be non-zero.
    fn reduced(num: u128, den: u128) -> Ratio {
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

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn digit_char(digit: u128) -> char {
    u32::try_from(digit)
        .ok()
        .and_then(|d| char::from_digit(d, 10))
        .unwrap_or('?')
}

/// `floor(x * num / den)` without overflow; saturates at `u64::MAX`, which
/// is only reached when the true result is larger anyway.
fn floor_mul_div(x: u64, num: u128, den: u128) -> u64 {
    match u128::from(x).checked_mul(num) {
        Some(product) => u64::try_from(product / den).unwrap_or(u64::MAX),
        None => u64::MAX,
    }
}

// ---------------------------------------------------------------------------
// Timecode labels
// ---------------------------------------------------------------------------

/// One SMPTE label. `drop_frame` selects the `;` separator and must match
/// the rate it is used with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timecode {
    pub hours: u8,
    pub minutes: u8,
    pub seconds: u8,
    pub frames: u8,
    pub drop_frame: bool,
}

impl Timecode {
    pub const fn new(hours: u8, minutes: u8, seconds: u8, frames: u8, drop_frame: bool) -> Self {
        Timecode {
            hours,
            minutes,
            seconds,
            frames,
            drop_frame,
        }
    }

    /// Checks that this label exists at `rate`: counting mode, field ranges,
    /// and (for drop-frame) that it is not one of the skipped labels.
    pub fn validate(&self, rate: FrameRate) -> Result<(), TimecodeError> {
        if self.drop_frame != rate.is_drop_frame() {
            return Err(TimecodeError::DropFrameMismatch {
                timecode: *self,
                rate,
            });
        }
        if self.hours >= 24 {
            return Err(TimecodeError::HoursOutOfRange { hours: self.hours });
        }
        if self.minutes >= 60 {
            return Err(TimecodeError::MinutesOutOfRange {
                minutes: self.minutes,
            });
        }
        if self.seconds >= 60 {
            return Err(TimecodeError::SecondsOutOfRange {
                seconds: self.seconds,
            });
        }
        if u64::from(self.frames) >= rate.nominal_fps() {
            return Err(TimecodeError::FramesOutOfRange {
                frames: self.frames,
                rate,
            });
        }
        if self.seconds == 0
            && !self.minutes.is_multiple_of(10)
            && u64::from(self.frames) < rate.dropped_per_minute()
        {
            return Err(TimecodeError::DroppedLabel {
                timecode: *self,
                rate,
            });
        }
        Ok(())
    }
}

impl fmt::Display for Timecode {
    /// `HH:MM:SS:FF`, or `HH:MM:SS;FF` for drop-frame.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sep = if self.drop_frame { ';' } else { ':' };
        write!(
            f,
            "{:02}:{:02}:{:02}{sep}{:02}",
            self.hours, self.minutes, self.seconds, self.frames
        )
    }
}

/// The four fields of a timecode, named in error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimecodeField {
    Hours,
    Minutes,
    Seconds,
    Frames,
}

impl fmt::Display for TimecodeField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimecodeField::Hours => "hours",
            TimecodeField::Minutes => "minutes",
            TimecodeField::Seconds => "seconds",
            TimecodeField::Frames => "frames",
        })
    }
}

/// Everything that can be wrong with a rate, timecode or frame number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimecodeError {
    /// Nothing but whitespace was given.
    Empty,
    /// The rate is not one of [`FrameRate::ALL`].
    UnknownRate {
        input: String,
    },
    /// Not four `:`/`;`-separated fields.
    FieldCount {
        input: String,
        found: usize,
    },
    /// A field is not exactly two ASCII digits.
    BadField {
        input: String,
        field: TimecodeField,
        text: String,
    },
    /// Something other than `:` between hours, minutes and seconds.
    BadSeparator {
        input: String,
        found: char,
    },
    /// `;` (or `.`/`,`) before the frames at a non-drop rate.
    DropSeparatorAtNonDropRate {
        input: String,
        found: char,
        rate: FrameRate,
    },
    HoursOutOfRange {
        hours: u8,
    },
    MinutesOutOfRange {
        minutes: u8,
    },
    SecondsOutOfRange {
        seconds: u8,
    },
    FramesOutOfRange {
        frames: u8,
        rate: FrameRate,
    },
    /// A label that drop-frame counting skips, e.g. `00:01:00;00`.
    DroppedLabel {
        timecode: Timecode,
        rate: FrameRate,
    },
    /// A [`Timecode`] whose `drop_frame` flag disagrees with the rate.
    DropFrameMismatch {
        timecode: Timecode,
        rate: FrameRate,
    },
    /// Neither a frame number nor a timecode.
    InvalidValue {
        input: String,
    },
    /// A frame number beyond `u64::MAX`.
    FrameNumberTooLarge {
        input: String,
    },
}

impl fmt::Display for TimecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimecodeError::Empty => {
                f.write_str("empty input: expected a frame number or a HH:MM:SS:FF timecode")
            }
            TimecodeError::UnknownRate { input } => {
                let valid: Vec<&str> = FrameRate::ALL.iter().map(|r| r.cli_name()).collect();
                write!(
                    f,
                    "unknown frame rate \"{input}\": valid rates are {}",
                    valid.join(", ")
                )
            }
            TimecodeError::FieldCount { input, found } => {
                let plural = if *found == 1 { "" } else { "s" };
                write!(
                    f,
                    "\"{input}\" has {found} field{plural}; a timecode has 4: HH:MM:SS:FF \
                     (HH:MM:SS;FF for drop-frame)"
                )
            }
            TimecodeError::BadField { input, field, text } => write!(
                f,
                "\"{input}\": {field} field \"{text}\" must be exactly two digits 0-9"
            ),
            TimecodeError::BadSeparator { input, found } => write!(
                f,
                "\"{input}\": expected ':' between hours, minutes and seconds, found '{found}'"
            ),
            TimecodeError::DropSeparatorAtNonDropRate { input, found, rate } => {
                write!(
                    f,
                    "\"{input}\": '{found}' before the frames marks drop-frame, but {rate} is \
                     non-drop-frame; write HH:MM:SS:FF"
                )?;
                match rate.drop_frame_sibling() {
                    Some(df) => write!(f, " (or use rate {} for drop-frame)", df.cli_name()),
                    None => Ok(()),
                }
            }
            TimecodeError::HoursOutOfRange { hours } => write!(
                f,
                "hours {hours:02} out of range: hours run 00–23 (timecode wraps at 24 hours)"
            ),
            TimecodeError::MinutesOutOfRange { minutes } => {
                write!(f, "minutes {minutes:02} out of range: minutes run 00–59")
            }
            TimecodeError::SecondsOutOfRange { seconds } => {
                write!(f, "seconds {seconds:02} out of range: seconds run 00–59")
            }
            TimecodeError::FramesOutOfRange { frames, rate } => write!(
                f,
                "frames {frames:02} out of range: at {rate} frames run 00–{:02}",
                rate.nominal_fps() - 1
            ),
            TimecodeError::DroppedLabel { timecode, rate } => {
                let dropped = rate.dropped_per_minute();
                let labels: Vec<String> = (0..dropped).map(|k| format!(";{k:02}")).collect();
                let listed = match labels.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {last}", rest.join(", "))
                    }
                    _ => labels.concat(),
                };
                let next = Timecode {
                    frames: u8::try_from(dropped).unwrap_or(0),
                    ..*timecode
                };
                write!(
                    f,
                    "{timecode} does not exist in {} drop-frame: labels {listed} are skipped at \
                     the start of each minute except every tenth minute (the next label is {next})",
                    rate.decimal_label()
                )
            }
            TimecodeError::DropFrameMismatch { timecode, rate } => {
                if timecode.drop_frame {
                    write!(
                        f,
                        "{timecode} is marked drop-frame but {rate} is non-drop-frame"
                    )
                } else {
                    write!(
                        f,
                        "{timecode} is marked non-drop-frame but {rate} is drop-frame; \
                         drop-frame labels are written HH:MM:SS;FF"
                    )
                }
            }
            TimecodeError::InvalidValue { input } => write!(
                f,
                "\"{input}\" is neither a frame number nor a timecode: expected a whole number \
                 of frames such as 1800, or HH:MM:SS:FF (HH:MM:SS;FF for drop-frame)"
            ),
            TimecodeError::FrameNumberTooLarge { input } => write!(
                f,
                "frame number {input} is too large: the maximum is {}",
                u64::MAX
            ),
        }
    }
}

impl std::error::Error for TimecodeError {}

// ---------------------------------------------------------------------------
// Frame <-> timecode
// ---------------------------------------------------------------------------

/// Narrows a value below 60 by construction (one timecode field).
fn field_u8(value: u64) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}

/// The label shown on `frame` (counted from 0 at `00:00:00:00`), wrapping
/// at 24 hours.
///
/// Drop-frame follows ST 12-1: each ten-minute block has
/// `nominal*600 - 9*D` frames; its first minute keeps all labels and the
/// other nine skip the first `D`. Adding back the skipped labels turns the
/// frame count into a plain label count. With `D = 0` this is the ordinary
/// non-drop division, so one code path serves every rate.
pub fn frames_to_timecode(frame: u64, rate: FrameRate) -> Timecode {
    let nominal = rate.nominal_fps();
    let drop = rate.dropped_per_minute();
    let per_ten = rate.frames_per_ten_minutes();
    let per_dropped_minute = nominal * 60 - drop;

    let frame = frame % rate.frames_per_day();
    let blocks = frame / per_ten;
    let rest = frame % per_ten;
    let skipped_in_block = if rest < drop {
        0
    } else {
        drop * ((rest - drop) / per_dropped_minute)
    };
    let label = frame + 9 * drop * blocks + skipped_in_block;

    let total_seconds = label / nominal;
    Timecode {
        hours: field_u8(total_seconds / 3600),
        minutes: field_u8(total_seconds / 60 % 60),
        seconds: field_u8(total_seconds % 60),
        frames: field_u8(label % nominal),
        drop_frame: rate.is_drop_frame(),
    }
}

/// The frame number of a label, after checking it exists at `rate`.
///
/// Drop-frame: `label_count - D * (total_minutes - total_minutes / 10)`,
/// i.e. `D` labels skipped in every minute except each tenth.
pub fn timecode_to_frames(timecode: &Timecode, rate: FrameRate) -> Result<u64, TimecodeError> {
    timecode.validate(rate)?;
    let total_minutes = 60 * u64::from(timecode.hours) + u64::from(timecode.minutes);
    let label = (total_minutes * 60 + u64::from(timecode.seconds)) * rate.nominal_fps()
        + u64::from(timecode.frames);
    Ok(label - rate.dropped_per_minute() * (total_minutes - total_minutes / 10))
}

/// Separators recognised while splitting; which are legal where is checked
/// afterwards so the error can say exactly what is wrong.
const SEPARATORS: [char; 4] = [':', ';', '.', ','];

/// Parses `HH:MM:SS:FF` (surrounding whitespace ignored).
///
/// Hours, minutes and seconds are separated by `:`. Before the frames,
/// drop-frame rates accept `;` (canonical) and also `:`, `.` or `,`;
/// non-drop rates accept only `:`. The result carries the rate's
/// drop-frame flag and is validated with [`Timecode::validate`].
pub fn parse_timecode(input: &str, rate: FrameRate) -> Result<Timecode, TimecodeError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(TimecodeError::Empty);
    }
    let fields: Vec<&str> = text.split(SEPARATORS).collect();
    if fields.len() != 4 {
        return Err(TimecodeError::FieldCount {
            input: text.to_string(),
            found: fields.len(),
        });
    }
    let separators: Vec<char> = text.chars().filter(|c| SEPARATORS.contains(c)).collect();
    if let Some(&found) = separators[..2].iter().find(|&&c| c != ':') {
        return Err(TimecodeError::BadSeparator {
            input: text.to_string(),
            found,
        });
    }
    let before_frames = separators[2];
    if before_frames != ':' && !rate.is_drop_frame() {
        return Err(TimecodeError::DropSeparatorAtNonDropRate {
            input: text.to_string(),
            found: before_frames,
            rate,
        });
    }
    let timecode = Timecode {
        hours: two_digits(text, fields[0], TimecodeField::Hours)?,
        minutes: two_digits(text, fields[1], TimecodeField::Minutes)?,
        seconds: two_digits(text, fields[2], TimecodeField::Seconds)?,
        frames: two_digits(text, fields[3], TimecodeField::Frames)?,
        drop_frame: rate.is_drop_frame(),
    };
    timecode.validate(rate)?;
    Ok(timecode)
}

fn two_digits(input: &str, text: &str, field: TimecodeField) -> Result<u8, TimecodeError> {
    match text.as_bytes() {
        [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => Ok((tens - b'0') * 10 + (ones - b'0')),
        _ => Err(TimecodeError::BadField {
            input: input.to_string(),
            field,
            text: text.to_string(),
        }),
    }
}

/// A CLI value: a frame number or a timecode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    Frame(u64),
    Timecode(Timecode),
}

/// A bare non-negative integer is a frame number; anything containing `:`
/// or `;` is a timecode (parsed by [`parse_timecode`]); the rest is an error.
pub fn parse_value(input: &str, rate: FrameRate) -> Result<Value, TimecodeError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(TimecodeError::Empty);
    }
    if text.contains([':', ';']) {
        return parse_timecode(text, rate).map(Value::Timecode);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TimecodeError::InvalidValue {
            input: text.to_string(),
        });
    }
    text.parse::<u64>()
        .map(Value::Frame)
        .map_err(|_| TimecodeError::FrameNumberTooLarge {
            input: text.to_string(),
        })
}

// ---------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------

/// Converts a frame number below one day (so below `i64::MAX`) to signed.
fn signed(frame: u64) -> i64 {
    i64::try_from(frame).unwrap_or(i64::MAX)
}

/// `frame + delta`, wrapping both ways at 24 hours; any `i64` is safe.
pub fn offset_frame(frame: u64, delta: i64, rate: FrameRate) -> u64 {
    let day = rate.frames_per_day();
    let frame = frame % day;
    let step = delta.unsigned_abs() % day;
    if delta >= 0 {
        (frame + step) % day
    } else {
        (frame + day - step) % day
    }
}

/// The label `delta` frames after (or, if negative, before) `timecode`,
/// wrapping at 24 hours. Fails only if `timecode` is not valid at `rate`.
pub fn add_frames(
    timecode: &Timecode,
    delta: i64,
    rate: FrameRate,
) -> Result<Timecode, TimecodeError> {
    let frame = timecode_to_frames(timecode, rate)?;
    Ok(frames_to_timecode(offset_frame(frame, delta, rate), rate))
}

/// `b - a` in frames, without wrapping: negative when `b` is earlier in
/// the day. Use [`forward_distance_frames`] to count across midnight.
pub fn difference_frames(
    a: &Timecode,
    b: &Timecode,
    rate: FrameRate,
) -> Result<i64, TimecodeError> {
    let a = timecode_to_frames(a, rate)?;
    let b = timecode_to_frames(b, rate)?;
    Ok(signed(b) - signed(a))
}

/// Frames from `a` forward to `b`, crossing midnight if needed (`0..day`).
pub fn forward_distance_frames(
    a: &Timecode,
    b: &Timecode,
    rate: FrameRate,
) -> Result<u64, TimecodeError> {
    let a = timecode_to_frames(a, rate)?;
    let b = timecode_to_frames(b, rate)?;
    let day = rate.frames_per_day();
    Ok((b + day - a) % day)
}

/// When `frame` starts, as an exact fraction of a second since frame 0
/// (`frame * den / num`); frame 1 at 23.976 is `1001/24000` s.
pub fn frame_time_seconds(frame: u64, rate: FrameRate) -> Ratio {
    let (num, den) = rate.fps_rational();
    Ratio::reduced(u128::from(frame) * u128::from(den), u128::from(num))
}

// ---------------------------------------------------------------------------
// Frame-rate conversion
// ---------------------------------------------------------------------------

/// Which source frame (at `from`) is on screen during output frame `k` (at
/// `to`).
///
/// Convention: output frame `k` starts at `t = k / to_fps`; the source frame
/// showing then is the last one that started at or before `t`, so
/// `src = floor(k * from_fps / to_fps)`, computed with exact integers.
/// 24 -> 30 repeats a frame every fifth output (0,0,1,2,3,4,4,5,…);
/// 30 -> 24 skips every fifth source (0,1,2,3,5,6,7,8,10,…). DF and NDF
/// versions of a rate count the same frames, so converting between them is
/// the identity. Saturates at `u64::MAX` for absurdly large `k`.
pub fn convert_frame(k: u64, from: FrameRate, to: FrameRate) -> u64 {
    let (from_num, from_den) = from.fps_rational();
    let (to_num, to_den) = to.fps_rational();
    floor_mul_div(
        k,
        u128::from(from_num) * u128::from(to_den),
        u128::from(from_den) * u128::from(to_num),
    )
}

/// `(output_frame, source_frame)` for output frames `0..n`, per
/// [`convert_frame`].
pub fn conversion_table(from: FrameRate, to: FrameRate, n: u64) -> Vec<(u64, u64)> {
    (0..n).map(|k| (k, convert_frame(k, from, to))).collect()
}

// ---------------------------------------------------------------------------
// 2:3 pulldown
// ---------------------------------------------------------------------------

/// Video fields given to film frames A, B, C, D in 2:3 pulldown: four film
/// frames fill ten fields, i.e. five interlaced video frames, which is how
/// 23.976 film becomes 29.97 video.
pub const PULLDOWN_FIELDS: [u64; 4] = [2, 3, 2, 3];

/// One pulldown cycle written with film-frame letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PulldownCadence {
    /// The ten fields in order: `A A B B B C C D D D`.
    pub fields: [char; 10],
    /// The five video frames as (first field, second field): `AA BB BC CD DD`.
    pub video_frames: [(char, char); 5],
}

/// The film frame (counted from 0) that supplies video field `field`
/// (counted from 0), for an unbroken 2:3 sequence starting on an A frame.
pub fn film_frame_for_video_field(field: u64) -> u64 {
    let cycle = field / 10;
    let mut position = field % 10;
    let mut film = 0;
    for count in PULLDOWN_FIELDS {
        if position < count {
            break;
        }
        position -= count;
        film += 1;
    }
    cycle * 4 + film
}

/// The film frames supplying the two fields of video frame `video_frame`.
pub fn film_frames_for_video_frame(video_frame: u64) -> (u64, u64) {
    let first = video_frame.saturating_mul(2);
    (
        film_frame_for_video_field(first),
        film_frame_for_video_field(first.saturating_add(1)),
    )
}

/// Whether a video frame mixes two film frames (the `BC` and `CD` frames),
/// which is what shows combing on progressive displays.
pub fn is_mixed_pulldown_frame(video_frame: u64) -> bool {
    let (first, second) = film_frames_for_video_frame(video_frame);
    first != second
}

/// The 2:3 cadence derived from [`film_frame_for_video_field`].
pub fn pulldown_cadence() -> PulldownCadence {
    let letter = |film: u64| char::from(b'A' + field_u8(film % 4));
    let mut fields = ['A'; 10];
    for (slot, field) in fields.iter_mut().zip(0u64..) {
        *slot = letter(film_frame_for_video_field(field));
    }
    let mut video_frames = [('A', 'A'); 5];
    for (slot, frame) in video_frames.iter_mut().zip(0u64..) {
        let (first, second) = film_frames_for_video_frame(frame);
        *slot = (letter(first), letter(second));
    }
    PulldownCadence {
        fields,
        video_frames,
    }
}

// ---------------------------------------------------------------------------
// Audio
// ---------------------------------------------------------------------------

/// Audio samples per video frame, exactly: `sample_rate * den / num`.
/// 48 kHz at 29.97 is `8008/5` (1601.6): the 1601/1602 pattern repeats
/// every five frames.
pub fn audio_samples_per_frame(rate: FrameRate, sample_rate: u64) -> Ratio {
    let (num, den) = rate.fps_rational();
    Ratio::reduced(u128::from(sample_rate) * u128::from(den), u128::from(num))
}

/// The audio sample that coincides with (or immediately precedes) the
/// start of `frame`: `floor(frame * sample_rate * den / num)`.
pub fn audio_sample_at_frame(frame: u64, rate: FrameRate, sample_rate: u64) -> u64 {
    let (num, den) = rate.fps_rational();
    floor_mul_div(
        frame,
        u128::from(sample_rate) * u128::from(den),
        u128::from(num),
    )
}

/// Whole samples belonging to `frame` under the floor convention above
/// (e.g. 1601 or 1602 at 29.97 / 48 kHz).
pub fn audio_samples_in_frame(frame: u64, rate: FrameRate, sample_rate: u64) -> u64 {
    audio_sample_at_frame(frame.saturating_add(1), rate, sample_rate)
        .saturating_sub(audio_sample_at_frame(frame, rate, sample_rate))
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

/// What `backlot timecode` prints, kept separate from I/O so it is testable.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CliOutput {
    pub stdout_lines: Vec<String>,
    pub stderr_lines: Vec<String>,
    /// 0 when every value converted, 2 on any usage or value error.
    pub exit_code: i32,
}

/// Usage text for `backlot timecode`.
pub const CLI_USAGE: &str = "usage: backlot timecode <RATE> <VALUE>...\n  \
    RATE: 23.976, 24, 25, 29.97, 29.97df, 30, 50, 59.94, 59.94df, 60\n  \
    VALUE: a frame number (e.g. 1800) or a timecode HH:MM:SS:FF (HH:MM:SS;FF for drop-frame)";

/// `backlot timecode <RATE> <VALUE>...`: one stdout line per good value,
/// `1800 = 00:01:00;02` for a frame number and `00:01:00;02 = 1800` for a
/// timecode (printed in canonical form). Bad values go to stderr as
/// `error: <value>: <reason>` and make the exit code 2, but the remaining
/// values are still converted. A bad rate or no values is a usage error.
pub fn run_cli(rate: &str, values: &[String]) -> CliOutput {
    let mut out = CliOutput::default();
    let rate = match FrameRate::parse(rate) {
        Ok(rate) => rate,
        Err(err) => {
            out.stderr_lines.push(format!("error: {err}"));
            out.exit_code = 2;
            return out;
        }
    };
    if values.is_empty() {
        out.stderr_lines
            .push("error: no values given; pass frame numbers or timecodes".to_string());
        out.stderr_lines
            .extend(CLI_USAGE.lines().map(str::to_string));
        out.exit_code = 2;
        return out;
    }
    for value in values {
        let line = parse_value(value, rate).and_then(|parsed| match parsed {
            Value::Frame(frame) => {
                let note = if frame >= rate.frames_per_day() {
                    " (wrapped at 24h)"
                } else {
                    ""
                };
                Ok(format!(
                    "{frame} = {}{note}",
                    frames_to_timecode(frame, rate)
                ))
            }
            Value::Timecode(timecode) => {
                timecode_to_frames(&timecode, rate).map(|frame| format!("{timecode} = {frame}"))
            }
        });
        match line {
            Ok(line) => out.stdout_lines.push(line),
            Err(err) => {
                out.stderr_lines
                    .push(format!("error: {}: {err}", value.trim()));
                out.exit_code = 2;
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Benchmark
// ---------------------------------------------------------------------------

/// Result of [`bench_round_trip`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenchResult {
    pub rate: FrameRate,
    /// Round trips performed (frame -> timecode -> frame).
    pub conversions: u64,
    /// Round trips that did not return the starting frame (should be 0).
    pub mismatches: u64,
    /// Wall time per round trip; informational only, never asserted.
    pub nanos_per_conversion: f64,
    /// Depends on every result, so the work cannot be optimised away.
    pub checksum: u64,
}

impl fmt::Display for BenchResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} round trips, {:.1} ns each, {} mismatches, checksum {:#018x}",
            self.rate, self.conversions, self.nanos_per_conversion, self.mismatches, self.checksum
        )
    }
}

/// Round-trips `frames` frame numbers (frame -> timecode -> frame) starting
/// at 0 and wrapping at 24 hours; pass `rate.frames_per_day()` to cover
/// every frame of a day once. Each round trip is verified.
pub fn bench_round_trip(rate: FrameRate, frames: u64) -> BenchResult {
    let day = rate.frames_per_day();
    let mut checksum = 0u64;
    let mut mismatches = 0u64;
    let mut frame = 0u64;
    let start = Instant::now();
    for _ in 0..frames {
        let timecode = frames_to_timecode(black_box(frame), rate);
        match timecode_to_frames(&black_box(timecode), rate) {
            Ok(back) if back == frame => {
                checksum = checksum
                    .rotate_left(5)
                    .wrapping_add(back ^ u64::from(timecode.frames));
            }
            _ => mismatches += 1,
        }
        frame += 1;
        if frame == day {
            frame = 0;
        }
    }
    let elapsed = start.elapsed();
    let nanos_per_conversion = if frames == 0 {
        0.0
    } else {
        elapsed.as_secs_f64() * 1e9 / frames as f64
    };
    BenchResult {
        rate,
        conversions: frames,
        mismatches,
        nanos_per_conversion,
        checksum: black_box(checksum),
    }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn tc(text: &str, rate: FrameRate) -> Timecode {
        match parse_timecode(text, rate) {
            Ok(timecode) => timecode,
            Err(err) => panic!("{text} at {rate}: {err}"),
        }
    }

    /// Frame -> label and label -> frame must both hold.
    fn check_vector(rate: FrameRate, frame: u64, text: &str) {
        assert_eq!(
            frames_to_timecode(frame, rate).to_string(),
            text,
            "frame {frame} at {rate}"
        );
        assert_eq!(
            timecode_to_frames(&tc(text, rate), rate),
            Ok(frame),
            "{text} at {rate}"
        );
    }

    #[test]
    fn rates_parse_exactly_the_documented_spellings() {
        let expected = [
            ("23.976", FrameRate::Fps23_976),
            ("24", FrameRate::Fps24),
            ("25", FrameRate::Fps25),
            ("29.97", FrameRate::Ndf29_97),
            ("29.97df", FrameRate::Df29_97),
            ("29.97DF", FrameRate::Df29_97),
            ("30", FrameRate::Fps30),
            ("50", FrameRate::Fps50),
            ("59.94", FrameRate::Ndf59_94),
            ("59.94df", FrameRate::Df59_94),
            ("59.94Df", FrameRate::Df59_94),
            ("60", FrameRate::Fps60),
        ];
        for (text, rate) in expected {
            assert_eq!(FrameRate::parse(text), Ok(rate), "{text}");
            assert_eq!(text.parse::<FrameRate>(), Ok(rate), "{text}");
        }
        for rate in FrameRate::ALL {
            assert_eq!(FrameRate::parse(rate.cli_name()), Ok(rate));
        }
        for bad in [
            "", "29", "23.98", "24df", "30df", "29.970", "29.97 df", "ntsc", "-24",
        ] {
            let err = FrameRate::parse(bad).expect_err(bad);
            assert!(matches!(err, TimecodeError::UnknownRate { .. }), "{bad}");
            assert!(
                err.to_string().ends_with(
                    "valid rates are 23.976, 24, 25, 29.97, 29.97df, 30, 50, 59.94, 59.94df, 60"
                ),
                "{err}"
            );
        }
    }

    #[test]
    fn rate_properties() {
        let nominal: Vec<u64> = FrameRate::ALL.iter().map(|r| r.nominal_fps()).collect();
        assert_eq!(nominal, [24, 24, 25, 30, 30, 30, 50, 60, 60, 60]);
        let drop: Vec<bool> = FrameRate::ALL.iter().map(|r| r.is_drop_frame()).collect();
        assert_eq!(
            drop,
            [
                false, false, false, false, true, false, false, false, true, false
            ]
        );
        assert_eq!(FrameRate::Fps23_976.fps_rational(), (24_000, 1001));
        assert_eq!(FrameRate::Df29_97.fps_rational(), (30_000, 1001));
        assert_eq!(FrameRate::Ndf59_94.fps_rational(), (60_000, 1001));
        assert_eq!(FrameRate::Fps25.fps_rational(), (25, 1));
        assert_eq!(FrameRate::Df29_97.frames_per_ten_minutes(), 17_982);
        assert_eq!(FrameRate::Df59_94.frames_per_ten_minutes(), 35_964);
        assert_eq!(FrameRate::Df29_97.frames_per_day(), 2_589_408);
        assert_eq!(FrameRate::Df59_94.frames_per_day(), 5_178_816);
        assert_eq!(FrameRate::Ndf29_97.frames_per_day(), 2_592_000);
        assert_eq!(FrameRate::Fps23_976.frames_per_day(), 2_073_600);
        assert_eq!(FrameRate::Fps60.frames_per_day(), 5_184_000);
        assert_eq!(FrameRate::Df29_97.to_string(), "29.97 DF");
        assert_eq!(FrameRate::Ndf59_94.to_string(), "59.94 NDF");
        assert_eq!(FrameRate::Fps23_976.to_string(), "23.976 fps");
        assert_eq!(FrameRate::Fps24.to_string(), "24 fps");
    }

    #[test]
    fn drop_frame_2997_vectors() {
        let r = FrameRate::Df29_97;
        check_vector(r, 0, "00:00:00;00");
        check_vector(r, 29, "00:00:00;29");
        check_vector(r, 30, "00:00:01;00");
        check_vector(r, 1799, "00:00:59;29");
        check_vector(r, 1800, "00:01:00;02");
        check_vector(r, 1801, "00:01:00;03");
        check_vector(r, 3597, "00:01:59;29");
        check_vector(r, 3598, "00:02:00;02");
        check_vector(r, 17_981, "00:09:59;29");
        check_vector(r, 17_982, "00:10:00;00");
        check_vector(r, 17_983, "00:10:00;01");
        check_vector(r, 19_781, "00:10:59;29");
        check_vector(r, 19_782, "00:11:00;02");
        check_vector(r, 107_892, "01:00:00;00");
        check_vector(r, 2_589_407, "23:59:59;29");
    }

    #[test]
    fn drop_frame_5994_vectors() {
        let r = FrameRate::Df59_94;
        check_vector(r, 0, "00:00:00;00");
        check_vector(r, 3599, "00:00:59;59");
        check_vector(r, 3600, "00:01:00;04");
        check_vector(r, 3601, "00:01:00;05");
        check_vector(r, 7195, "00:01:59;59");
        check_vector(r, 7196, "00:02:00;04");
        check_vector(r, 35_964, "00:10:00;00");
        check_vector(r, 35_967, "00:10:00;03");
        check_vector(r, 215_784, "01:00:00;00");
        check_vector(r, 5_178_815, "23:59:59;59");
    }

    #[test]
    fn non_drop_vectors() {
        check_vector(FrameRate::Fps23_976, 24, "00:00:01:00");
        check_vector(FrameRate::Fps23_976, 86_399, "00:59:59:23");
        check_vector(FrameRate::Fps24, 86_400, "01:00:00:00");
        check_vector(FrameRate::Fps24, 2_073_599, "23:59:59:23");
        check_vector(FrameRate::Fps25, 1_499, "00:00:59:24");
        check_vector(FrameRate::Fps25, 90_000, "01:00:00:00");
        check_vector(FrameRate::Ndf29_97, 1800, "00:01:00:00");
        // NDF at 29.97 drifts: an hour of frames is labelled 00:59:56:12.
        check_vector(FrameRate::Ndf29_97, 107_892, "00:59:56:12");
        check_vector(FrameRate::Fps30, 108_000, "01:00:00:00");
        check_vector(FrameRate::Fps30, 1_234_567, "11:25:52:07");
        check_vector(FrameRate::Fps50, 180_000, "01:00:00:00");
        check_vector(FrameRate::Fps50, 49, "00:00:00:49");
        check_vector(FrameRate::Ndf59_94, 3600, "00:01:00:00");
        check_vector(FrameRate::Fps60, 5_183_999, "23:59:59:59");
    }

    #[test]
    fn every_rate_wraps_at_24_hours() {
        for rate in FrameRate::ALL {
            let day = rate.frames_per_day();
            let zero = Timecode::new(0, 0, 0, 0, rate.is_drop_frame());
            assert_eq!(frames_to_timecode(day, rate), zero, "{rate}");
            assert_eq!(
                frames_to_timecode(day * 3 + 5, rate),
                frames_to_timecode(5, rate),
                "{rate}"
            );
            let last = frames_to_timecode(day - 1, rate);
            let last_frame = field_u8(rate.nominal_fps() - 1);
            assert_eq!(
                last,
                Timecode::new(23, 59, 59, last_frame, rate.is_drop_frame()),
                "{rate}"
            );
            assert_eq!(timecode_to_frames(&last, rate), Ok(day - 1), "{rate}");
            assert_eq!(
                frames_to_timecode(u64::MAX, rate),
                frames_to_timecode(u64::MAX % day, rate)
            );
        }
    }

    /// Independent derivation: walk every label of a day like a tape
    /// counter (tick frames, carry into seconds/minutes/hours, skip dropped
    /// labels) and require the formula to agree on every frame both ways.
    #[test]
    fn brute_force_counter_agrees_with_formula_every_frame_of_a_day() {
        for rate in FrameRate::ALL {
            let nominal = field_u8(rate.nominal_fps());
            let dropped = field_u8(rate.dropped_per_minute());
            let df = rate.is_drop_frame();
            let mut label = Timecode::new(0, 0, 0, 0, df);
            let mut frame = 0u64;
            loop {
                assert_eq!(
                    frames_to_timecode(frame, rate),
                    label,
                    "frame {frame} at {rate}"
                );
                assert_eq!(
                    timecode_to_frames(&label, rate),
                    Ok(frame),
                    "{label} at {rate}"
                );
                frame += 1;
                label.frames += 1;
                if label.frames == nominal {
                    label.frames = 0;
                    label.seconds += 1;
                }
                if label.seconds == 60 {
                    label.seconds = 0;
                    label.minutes += 1;
                }
                if label.minutes == 60 {
                    label.minutes = 0;
                    label.hours += 1;
                }
                if label.hours == 24 {
                    label.hours = 0;
                }
                if label.seconds == 0 && label.frames == 0 && !label.minutes.is_multiple_of(10) {
                    label.frames = dropped;
                }
                if label == Timecode::new(0, 0, 0, 0, df) {
                    break;
                }
            }
            assert_eq!(frame, rate.frames_per_day(), "{rate}");
        }
    }

    #[test]
    fn every_dropped_label_is_rejected_and_its_neighbours_accepted() {
        for rate in [FrameRate::Df29_97, FrameRate::Df59_94] {
            let dropped = field_u8(rate.dropped_per_minute());
            for hours in 0..24u8 {
                for minutes in 0..60u8 {
                    if minutes.is_multiple_of(10) {
                        let kept = Timecode::new(hours, minutes, 0, 0, true);
                        assert!(timecode_to_frames(&kept, rate).is_ok(), "{kept}");
                        continue;
                    }
                    for frames in 0..dropped {
                        let label = Timecode::new(hours, minutes, 0, frames, true);
                        let expected = TimecodeError::DroppedLabel {
                            timecode: label,
                            rate,
                        };
                        assert_eq!(timecode_to_frames(&label, rate), Err(expected.clone()));
                        assert_eq!(parse_timecode(&label.to_string(), rate), Err(expected));
                    }
                    let first = Timecode::new(hours, minutes, 0, dropped, true);
                    assert!(timecode_to_frames(&first, rate).is_ok(), "{first}");
                }
            }
        }
    }

    #[test]
    fn dropped_label_messages() {
        let err = parse_timecode("00:01:00;00", FrameRate::Df29_97).expect_err("dropped");
        assert_eq!(
            err.to_string(),
            "00:01:00;00 does not exist in 29.97 drop-frame: labels ;00 and ;01 are skipped at \
             the start of each minute except every tenth minute (the next label is 00:01:00;02)"
        );
        let err = parse_timecode("01:59:00;03", FrameRate::Df59_94).expect_err("dropped");
        assert_eq!(
            err.to_string(),
            "01:59:00;03 does not exist in 59.94 drop-frame: labels ;00, ;01, ;02 and ;03 are \
             skipped at the start of each minute except every tenth minute (the next label is \
             01:59:00;04)"
        );
    }

    #[test]
    fn out_of_range_fields_are_rejected() {
        for rate in FrameRate::ALL {
            let sep = if rate.is_drop_frame() { ';' } else { ':' };
            let nominal = rate.nominal_fps();
            let err = parse_timecode(&format!("00:00:10{sep}{nominal}"), rate).expect_err("ff");
            assert_eq!(
                err,
                TimecodeError::FramesOutOfRange {
                    frames: field_u8(nominal),
                    rate
                }
            );
            assert!(
                err.to_string()
                    .ends_with(&format!("frames run 00–{}", nominal - 1)),
                "{err}"
            );
            let last_ok = format!("00:00:10{sep}{}", nominal - 1);
            assert!(parse_timecode(&last_ok, rate).is_ok(), "{last_ok}");
            assert_eq!(
                parse_timecode(&format!("24:00:00{sep}00"), rate),
                Err(TimecodeError::HoursOutOfRange { hours: 24 })
            );
            assert_eq!(
                parse_timecode(&format!("99:00:00{sep}00"), rate),
                Err(TimecodeError::HoursOutOfRange { hours: 99 })
            );
            assert_eq!(
                parse_timecode(&format!("00:60:00{sep}00"), rate),
                Err(TimecodeError::MinutesOutOfRange { minutes: 60 })
            );
            assert_eq!(
                parse_timecode(&format!("00:00:60{sep}00"), rate),
                Err(TimecodeError::SecondsOutOfRange { seconds: 60 })
            );
            assert!(parse_timecode(&format!("23:59:59{sep}00"), rate).is_ok());
        }
        let err = parse_timecode("00:00:00;30", FrameRate::Df29_97).expect_err("ff");
        assert_eq!(
            err.to_string(),
            "frames 30 out of range: at 29.97 DF frames run 00–29"
        );
        let err = parse_timecode("00:00:00:24", FrameRate::Fps24).expect_err("ff");
        assert_eq!(
            err.to_string(),
            "frames 24 out of range: at 24 fps frames run 00–23"
        );
        let err = parse_timecode("24:00:00:00", FrameRate::Fps24).expect_err("hh");
        assert!(
            err.to_string().starts_with("hours 24 out of range"),
            "{err}"
        );
        let err = parse_timecode("00:61:00:00", FrameRate::Fps24).expect_err("mm");
        assert_eq!(
            err.to_string(),
            "minutes 61 out of range: minutes run 00–59"
        );
    }

    #[test]
    fn malformed_text_is_rejected() {
        let r = FrameRate::Fps30;
        assert_eq!(parse_timecode("", r), Err(TimecodeError::Empty));
        assert_eq!(parse_timecode("   ", r), Err(TimecodeError::Empty));
        for (text, found) in [
            ("00:00:00", 3),
            ("00:00:00:00:00", 5),
            ("1800", 1),
            ("00-00-00-00", 1),
        ] {
            assert_eq!(
                parse_timecode(text, r),
                Err(TimecodeError::FieldCount {
                    input: text.to_string(),
                    found
                })
            );
        }
        for (text, field, bad) in [
            ("aa:00:00:00", TimecodeField::Hours, "aa"),
            ("0:00:00:00", TimecodeField::Hours, "0"),
            ("000:00:00:00", TimecodeField::Hours, "000"),
            ("-1:00:00:00", TimecodeField::Hours, "-1"),
            ("00: 1:00:00", TimecodeField::Minutes, " 1"),
            ("00:00:+1:00", TimecodeField::Seconds, "+1"),
            ("00:00:00:0x", TimecodeField::Frames, "0x"),
            ("00:00:00:", TimecodeField::Frames, ""),
            ("00:00:00:٣٣", TimecodeField::Frames, "٣٣"),
        ] {
            assert_eq!(
                parse_timecode(text, r),
                Err(TimecodeError::BadField {
                    input: text.to_string(),
                    field,
                    text: bad.to_string()
                }),
                "{text}"
            );
        }
        let err = parse_timecode("00:00:00:0x", r).expect_err("bad");
        assert_eq!(
            err.to_string(),
            "\"00:00:00:0x\": frames field \"0x\" must be exactly two digits 0-9"
        );
        assert_eq!(
            parse_timecode("00;00:00:00", r),
            Err(TimecodeError::BadSeparator {
                input: "00;00:00:00".to_string(),
                found: ';'
            })
        );
        assert_eq!(
            parse_timecode("00:00.00;00", FrameRate::Df29_97),
            Err(TimecodeError::BadSeparator {
                input: "00:00.00;00".to_string(),
                found: '.'
            })
        );
        let err = parse_timecode("00:00:01;00", FrameRate::Ndf29_97).expect_err("ndf");
        assert_eq!(
            err,
            TimecodeError::DropSeparatorAtNonDropRate {
                input: "00:00:01;00".to_string(),
                found: ';',
                rate: FrameRate::Ndf29_97
            }
        );
        assert!(err.to_string().contains("use rate 29.97df"), "{err}");
        assert!(matches!(
            parse_timecode("00:00:01.00", FrameRate::Fps25),
            Err(TimecodeError::DropSeparatorAtNonDropRate { .. })
        ));
    }

    #[test]
    fn drop_frame_rates_accept_alternative_separators_and_print_semicolon() {
        for text in [
            "00:01:00;02",
            "00:01:00:02",
            "00:01:00.02",
            "00:01:00,02",
            " 00:01:00;02\n",
        ] {
            let parsed = tc(text, FrameRate::Df29_97);
            assert_eq!(parsed, Timecode::new(0, 1, 0, 2, true), "{text}");
            assert_eq!(parsed.to_string(), "00:01:00;02");
            assert_eq!(timecode_to_frames(&parsed, FrameRate::Df29_97), Ok(1800));
        }
        assert_eq!(
            tc("01:02:03:04", FrameRate::Fps25).to_string(),
            "01:02:03:04"
        );
    }

    #[test]
    fn drop_frame_flag_must_match_rate() {
        let ndf_label = Timecode::new(0, 1, 0, 2, false);
        let err = timecode_to_frames(&ndf_label, FrameRate::Df29_97).expect_err("mismatch");
        assert_eq!(
            err,
            TimecodeError::DropFrameMismatch {
                timecode: ndf_label,
                rate: FrameRate::Df29_97
            }
        );
        assert!(err.to_string().contains("marked non-drop-frame"), "{err}");
        let df_label = Timecode::new(0, 1, 0, 2, true);
        assert!(matches!(
            timecode_to_frames(&df_label, FrameRate::Fps30),
            Err(TimecodeError::DropFrameMismatch { .. })
        ));
    }

    #[test]
    fn values_are_frame_numbers_or_timecodes() {
        let r = FrameRate::Df29_97;
        assert_eq!(parse_value("1800", r), Ok(Value::Frame(1800)));
        assert_eq!(parse_value(" 0 ", r), Ok(Value::Frame(0)));
        assert_eq!(
            parse_value("00:01:00;02", r),
            Ok(Value::Timecode(Timecode::new(0, 1, 0, 2, true)))
        );
        assert_eq!(parse_value("", r), Err(TimecodeError::Empty));
        for bad in ["-5", "1.5", "12a", "+3", "1e3", "one"] {
            assert_eq!(
                parse_value(bad, r),
                Err(TimecodeError::InvalidValue {
                    input: bad.to_string()
                }),
                "{bad}"
            );
        }
        assert!(matches!(
            parse_value("99999999999999999999999", r),
            Err(TimecodeError::FrameNumberTooLarge { .. })
        ));
        assert_eq!(
            parse_value("18446744073709551615", r),
            Ok(Value::Frame(u64::MAX))
        );
        assert!(matches!(
            parse_value("00:01:00;00", r),
            Err(TimecodeError::DroppedLabel { .. })
        ));
    }

    #[test]
    fn adding_and_subtracting_frames_wraps_both_ways() {
        let r = FrameRate::Df29_97;
        let add = |text: &str, delta: i64| match add_frames(&tc(text, r), delta, r) {
            Ok(result) => result.to_string(),
            Err(err) => panic!("{err}"),
        };
        assert_eq!(add("00:00:59;29", 1), "00:01:00;02");
        assert_eq!(add("00:01:00;02", -1), "00:00:59;29");
        assert_eq!(add("23:59:59;29", 1), "00:00:00;00");
        assert_eq!(add("00:00:00;00", -1), "23:59:59;29");
        assert_eq!(add("00:00:00;00", 17_982), "00:10:00;00");
        assert_eq!(add("12:34:56;07", 2_589_408), "12:34:56;07");
        assert_eq!(add("12:34:56;07", -2_589_408 * 5), "12:34:56;07");
        assert_eq!(add("00:00:00;05", -2_589_408 - 10), "23:59:59;25");
        // Extreme deltas must not overflow.
        let _ = add("00:00:00;00", i64::MAX);
        let _ = add("00:00:00;00", i64::MIN);
        assert_eq!(
            offset_frame(0, i64::MIN, r),
            (r.frames_per_day() - i64::MIN.unsigned_abs() % r.frames_per_day())
                % r.frames_per_day()
        );
        assert_eq!(
            add_frames(&tc("01:00:00:00", FrameRate::Fps25), -25, FrameRate::Fps25)
                .map(|t| t.to_string()),
            Ok("00:59:59:00".to_string())
        );

        let a = tc("00:00:59;29", r);
        let b = tc("00:01:00;02", r);
        assert_eq!(difference_frames(&a, &b, r), Ok(1));
        assert_eq!(difference_frames(&b, &a, r), Ok(-1));
        let late = tc("23:59:59;29", r);
        let early = tc("00:00:00;00", r);
        assert_eq!(difference_frames(&late, &early, r), Ok(-2_589_407));
        assert_eq!(forward_distance_frames(&late, &early, r), Ok(1));
        assert_eq!(forward_distance_frames(&a, &b, r), Ok(1));
        assert!(add_frames(&Timecode::new(0, 1, 0, 0, true), 1, r).is_err());
        assert!(difference_frames(&a, &Timecode::new(25, 0, 0, 0, true), r).is_err());
    }

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
    fn conversion_tables_follow_the_floor_convention() {
        let sources = |from, to| -> Vec<u64> {
            conversion_table(from, to, 12)
                .into_iter()
                .map(|(_, s)| s)
                .collect()
        };
        assert_eq!(
            sources(FrameRate::Fps24, FrameRate::Fps30),
            [0, 0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 8]
        );
        assert_eq!(
            sources(FrameRate::Fps30, FrameRate::Fps24),
            [0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13]
        );
        assert_eq!(
            sources(FrameRate::Fps23_976, FrameRate::Df29_97),
            sources(FrameRate::Fps24, FrameRate::Fps30)
        );
        assert_eq!(
            sources(FrameRate::Fps25, FrameRate::Fps50),
            [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        );
        assert_eq!(
            sources(FrameRate::Fps60, FrameRate::Fps30),
            [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]
        );
        // 24 -> 25 (PAL speed-up is a different thing): one repeat per 25.
        assert_eq!(convert_frame(24, FrameRate::Fps24, FrameRate::Fps25), 23);
        assert_eq!(convert_frame(25, FrameRate::Fps24, FrameRate::Fps25), 24);
        let table = conversion_table(FrameRate::Fps24, FrameRate::Fps30, 3);
        assert_eq!(table, [(0, 0), (1, 0), (2, 1)]);
        for k in [0, 1, 1799, 1800, 2_589_407, u64::MAX] {
            assert_eq!(convert_frame(k, FrameRate::Df29_97, FrameRate::Ndf29_97), k);
            assert_eq!(convert_frame(k, FrameRate::Fps24, FrameRate::Fps24), k);
        }
        // 23.976 frames last slightly longer than 24 fps ones, so 24 fps
        // output from a 23.976 source repeats one frame in every 1001.
        assert_eq!(
            convert_frame(1000, FrameRate::Fps23_976, FrameRate::Fps24),
            999
        );
        assert_eq!(
            convert_frame(1001, FrameRate::Fps23_976, FrameRate::Fps24),
            1000
        );
        assert_eq!(
            convert_frame(1001, FrameRate::Fps24, FrameRate::Fps23_976),
            1002
        );
        assert_eq!(
            convert_frame(u64::MAX, FrameRate::Fps60, FrameRate::Fps24),
            u64::MAX
        );
        assert!(conversion_table(FrameRate::Fps24, FrameRate::Fps30, 0).is_empty());
    }

    #[test]
    fn pulldown_cadence_is_2_3() {
        let cadence = pulldown_cadence();
        assert_eq!(cadence.fields.iter().collect::<String>(), "AABBBCCDDD");
        assert_eq!(
            cadence.video_frames,
            [('A', 'A'), ('B', 'B'), ('B', 'C'), ('C', 'D'), ('D', 'D')]
        );
        assert_eq!(film_frames_for_video_frame(5), (4, 4));
        assert_eq!(film_frames_for_video_frame(7), (5, 6));
        assert_eq!(film_frames_for_video_frame(9), (7, 7));
        let mixed: Vec<bool> = (0..10).map(is_mixed_pulldown_frame).collect();
        assert_eq!(
            mixed,
            [
                false, false, true, true, false, false, false, true, true, false
            ]
        );
        // Over many cycles, film frames alternate 2 and 3 fields and none is
        // skipped: 4 film frames per 5 video frames.
        let mut counts = vec![0u64; 400];
        for field in 0..1000 {
            counts[usize::try_from(film_frame_for_video_field(field)).expect("small")] += 1;
        }
        for (film, count) in counts.iter().enumerate() {
            assert_eq!(*count, if film % 2 == 0 { 2 } else { 3 }, "film {film}");
        }
    }

    #[test]
    fn audio_samples_per_frame_are_exact() {
        let spf = |rate| audio_samples_per_frame(rate, 48_000);
        assert_eq!(spf(FrameRate::Df29_97).to_string(), "8008/5");
        assert_eq!(spf(FrameRate::Df29_97).to_decimal_string(4), "1601.6");
        assert_eq!(spf(FrameRate::Ndf29_97), spf(FrameRate::Df29_97));
        assert_eq!(spf(FrameRate::Fps24).to_string(), "2000");
        assert_eq!(spf(FrameRate::Fps25).to_string(), "1920");
        assert_eq!(spf(FrameRate::Fps30).to_string(), "1600");
        assert_eq!(spf(FrameRate::Df59_94).to_string(), "4004/5");
        assert_eq!(spf(FrameRate::Df59_94).to_decimal_string(4), "800.8");
        assert_eq!(spf(FrameRate::Fps23_976).to_string(), "2002");
        assert_eq!(
            audio_samples_per_frame(FrameRate::Df29_97, 44_100).to_decimal_string(3),
            "1471.47"
        );
        let r = FrameRate::Df29_97;
        assert_eq!(audio_sample_at_frame(5, r, 48_000), 8008);
        assert_eq!(audio_sample_at_frame(1, r, 48_000), 1601);
        let per_frame: Vec<u64> = (0..10)
            .map(|f| audio_samples_in_frame(f, r, 48_000))
            .collect();
        assert_eq!(
            per_frame,
            [1601, 1602, 1601, 1602, 1602, 1601, 1602, 1601, 1602, 1602]
        );
        // A DF hour of 107892 frames spans 172,799,827.2 samples.
        assert_eq!(audio_sample_at_frame(107_892, r, 48_000), 172_799_827);
        assert_eq!(audio_sample_at_frame(24, FrameRate::Fps24, 48_000), 48_000);
        assert_eq!(audio_sample_at_frame(u64::MAX, r, u64::MAX), u64::MAX);
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn cli_converts_each_value_and_reports_errors() {
        let out = run_cli(
            "29.97df",
            &strings(&[
                "1800",
                "00:01:00;02",
                "00:01:00;00",
                "17982",
                "abc",
                "2589408",
            ]),
        );
        assert_eq!(
            out.stdout_lines,
            [
                "1800 = 00:01:00;02",
                "00:01:00;02 = 1800",
                "17982 = 00:10:00;00",
                "2589408 = 00:00:00;00 (wrapped at 24h)"
            ]
        );
        assert_eq!(out.stderr_lines.len(), 2);
        assert!(out.stderr_lines[0].starts_with("error: 00:01:00;00: 00:01:00;00 does not exist"));
        assert!(out.stderr_lines[1].starts_with("error: abc: \"abc\" is neither"));
        assert_eq!(out.exit_code, 2);

        let ok = run_cli("24", &strings(&["86400", "00:00:01:00"]));
        assert_eq!(ok.stdout_lines, ["86400 = 01:00:00:00", "00:00:01:00 = 24"]);
        assert!(ok.stderr_lines.is_empty());
        assert_eq!(ok.exit_code, 0);

        let canonical = run_cli("59.94DF", &strings(&["00:01:00:04"]));
        assert_eq!(canonical.stdout_lines, ["00:01:00;04 = 3600"]);
        assert_eq!(canonical.exit_code, 0);

        let bad_rate = run_cli("29", &strings(&["1800"]));
        assert!(bad_rate.stdout_lines.is_empty());
        assert_eq!(bad_rate.stderr_lines.len(), 1);
        assert!(bad_rate.stderr_lines[0].starts_with("error: unknown frame rate \"29\""));
        assert_eq!(bad_rate.exit_code, 2);

        let nothing = run_cli("30", &[]);
        assert_eq!(nothing.exit_code, 2);
        assert!(nothing.stderr_lines.iter().any(|l| l.starts_with("usage:")));
    }

    #[test]
    fn bench_round_trip_verifies_without_timing_assertions() {
        let small = bench_round_trip(FrameRate::Df59_94, 10_000);
        assert_eq!(small.conversions, 10_000);
        assert_eq!(small.mismatches, 0);
        assert!(small.nanos_per_conversion >= 0.0);
        let r = FrameRate::Df29_97;
        let day = bench_round_trip(r, r.frames_per_day() + 3);
        assert_eq!(day.mismatches, 0);
        assert_eq!(day.conversions, r.frames_per_day() + 3);
        assert!(day.to_string().starts_with("29.97 DF: 2589411 round trips"));
        assert_eq!(bench_round_trip(r, 0).conversions, 0);
        // The checksum depends only on the frames visited, not on timing.
        assert_eq!(
            bench_round_trip(FrameRate::Fps25, 5000).checksum,
            bench_round_trip(FrameRate::Fps25, 5000).checksum
        );
    }
}
