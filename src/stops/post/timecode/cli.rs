//! `backlot timecode`: converts frame numbers and labels given on the command line, kept
//! apart from I/O so it is testable.

use super::{FrameRate, Value, frames_to_timecode, parse_value, timecode_to_frames};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
