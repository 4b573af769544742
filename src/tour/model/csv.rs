//! A small CSV writer (RFC 4180) for the exports teachers open in a spreadsheet: campaign data
//! in Stop 4 and camp results. Plain Rust, no Bevy.
//!
//! Fields holding a comma, a double quote, a line break or leading/trailing spaces are quoted,
//! and quotes inside are doubled. A field starting with `=`, `+`, `-` or `@` that is not a
//! number gets a leading apostrophe, so a team called `=SUM(A1)` stays text in a spreadsheet
//! instead of running as a formula. Lines end with CRLF, as the RFC asks.

use std::fmt::Write as _;

/// A table being written: a header row, then records of the same width.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvTable {
    width: usize,
    text: String,
}

impl CsvTable {
    pub fn new(header: &[&str]) -> Self {
        let mut table = Self {
            width: header.len(),
            text: String::new(),
        };
        table.push_row(header.iter().map(|h| h.to_string()));
        table
    }

    /// Append one record. Panics in debug builds if its width differs from the header's,
    /// because that is a programming error, not bad input.
    pub fn row<I, S>(&mut self, fields: I)
    where
        I: IntoIterator<Item = S>,
        S: ToString,
    {
        let fields: Vec<String> = fields.into_iter().map(|f| f.to_string()).collect();
        debug_assert_eq!(
            fields.len(),
            self.width,
            "CSV row width differs from header"
        );
        self.push_row(fields);
    }

    fn push_row(&mut self, fields: impl IntoIterator<Item = String>) {
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            let _ = write!(self.text, "{}", escape_field(&field));
        }
        self.text.push_str("\r\n");
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn into_string(self) -> String {
        self.text
    }
}

/// One field as it is written in a CSV file.
pub fn escape_field(field: &str) -> String {
    let looks_like_formula =
        field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err();
    let field = if looks_like_formula {
        format!("'{field}")
    } else {
        field.to_string()
    };
    let needs_quotes =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// Read CSV text back into rows of fields (used by tests and by `check-content` style tools to
/// prove an export round-trips). Accepts CRLF or LF line ends. Errors name the line.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut chars = text.chars().peekable();
    let mut field_started = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if !field_started => {
                in_quotes = true;
                field_started = true;
            }
            '"' => return Err(format!("line {line}: a quote inside an unquoted field")),
            ',' => {
                row.push(std::mem::take(&mut field));
                field_started = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                field_started = false;
                line += 1;
            }
            _ => {
                field.push(c);
                field_started = true;
            }
        }
    }
    if in_quotes {
        return Err(format!("line {line}: a quoted field is never closed"));
    }
    if field_started || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_are_written_as_they_are_with_crlf() {
        let mut t = CsvTable::new(&["team", "score"]);
        t.row(["Red", "12"]);
        assert_eq!(t.as_str(), "team,score\r\nRed,12\r\n");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(escape_field("a,b"), "\"a,b\"");
        assert_eq!(escape_field("say \"cut\""), "\"say \"\"cut\"\"\"");
        assert_eq!(escape_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(escape_field(" padded "), "\" padded \"");
        assert_eq!(escape_field("plain"), "plain");
    }

    #[test]
    fn formulas_stay_text_but_negative_numbers_stay_numbers() {
        assert_eq!(escape_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(escape_field("@cmd"), "'@cmd");
        assert_eq!(escape_field("-3.5"), "-3.5");
        assert_eq!(escape_field("+7"), "+7");
    }

    #[test]
    fn tables_round_trip_through_the_parser() {
        let mut t = CsvTable::new(&["name", "note"]);
        t.row(["Blooper, reel", "the \"funny\" one"]);
        t.row(["Line\nbreak", ""]);
        let rows = parse(t.as_str()).unwrap();
        assert_eq!(
            rows,
            vec![
                vec!["name".to_string(), "note".to_string()],
                vec!["Blooper, reel".to_string(), "the \"funny\" one".to_string()],
                vec!["Line\nbreak".to_string(), String::new()],
            ]
        );
    }

    #[test]
    fn the_parser_reports_broken_quoting_with_a_line() {
        assert!(parse("a,\"b\nc\n").unwrap_err().contains("never closed"));
        assert!(parse("a,b\"c\n").unwrap_err().contains("line 1"));
    }
}
