//! The teacher code that locks presenter mode, as plain rules: choosing a code, checking one,
//! and the `teacher.ron` file that keeps it. Only a random salt and an iterated SHA-256 of
//! salt and code are stored, never the code itself.

pub mod sha256;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use sha256::{from_hex, sha256, to_hex};

/// The file in the data folder's root: one code for every student on this computer.
pub const TEACHER_FILE: &str = "teacher.ron";
/// The shortest code a teacher may choose, in characters.
pub const MIN_CODE_CHARS: usize = 4;
/// How many times the hash is applied: slow enough to make guessing from a copied file costly,
/// quick enough (milliseconds) that unlocking never waits.
pub const ROUNDS: u32 = 10_000;
/// More rounds than this in a file is damage (or a trap that would freeze the game).
const MAX_ROUNDS: u32 = 1_000_000;
const SALT_BYTES: usize = 16;
/// The fewest salt bytes a file may carry and still be trusted.
const MIN_SALT_BYTES: usize = 8;
/// How many `.bak` copies are tried before giving up on keeping another one.
const MAX_BACKUPS: usize = 999;

/// What a student sees on pressing a teacher key.
pub const LOCKED_NOTICE: &str = "Teacher controls are locked. Press F5 and enter the teacher code.";
/// The top of `teacher.ron`, for a teacher who opens it.
const FILE_HEADER: &str = "// Backlot's teacher code, kept only as a salted hash: the code itself is not here.\n\
// Delete this file to choose a new code (the next F5 asks for one).\n";

/// A chosen code as stored: salt, rounds and the digest of both with the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCode {
    salt: Vec<u8>,
    rounds: u32,
    hash: [u8; 32],
}

/// Why a chosen code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeError {
    TooShort,
    Different,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::TooShort => write!(
                f,
                "The code needs at least {MIN_CODE_CHARS} characters (spaces at either end do not count)."
            ),
            CodeError::Different => {
                write!(f, "The two codes are different. Type the same code twice.")
            }
        }
    }
}

/// Why `teacher.ron` could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Not RON of the expected shape.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Well-formed, but a value is impossible (a salt or hash that is not hex, of the wrong
    /// length, or a number of rounds out of range).
    Invalid(&'static str),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Syntax {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            FileError::Invalid(what) => write!(f, "{what}"),
        }
    }
}

/// The file's shape: hexadecimal text, so it stays readable.
#[derive(Serialize, Deserialize)]
struct TeacherFile {
    salt: String,
    rounds: u32,
    hash: String,
}

/// Spaces at either end of a typed code are not part of it.
fn normalise(code: &str) -> &str {
    code.trim()
}

/// The digest of salt and code, stretched: each round hashes the last digest with them again.
fn stretch(code: &str, salt: &[u8], rounds: u32) -> [u8; 32] {
    let code = normalise(code).as_bytes();
    let mut input = Vec::with_capacity(32 + salt.len() + code.len());
    input.extend_from_slice(salt);
    input.extend_from_slice(code);
    let mut digest = sha256(&input);
    for _ in 1..rounds {
        input.clear();
        input.extend_from_slice(&digest);
        input.extend_from_slice(salt);
        input.extend_from_slice(code);
        digest = sha256(&input);
    }
    digest
}

/// Equal digests, compared without stopping at the first difference.
fn same_digest(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl StoredCode {
    /// A new code, typed twice, with a fresh salt from `rng`.
    pub fn choose(code: &str, repeat: &str, rng: &mut impl rand::Rng) -> Result<Self, CodeError> {
        if normalise(code).chars().count() < MIN_CODE_CHARS {
            return Err(CodeError::TooShort);
        }
        if normalise(code) != normalise(repeat) {
            return Err(CodeError::Different);
        }
        let mut salt = [0u8; SALT_BYTES];
        rng.fill(&mut salt);
        Ok(Self::with_salt(code, &salt, ROUNDS))
    }

    /// The stored form of `code` with a given salt and number of rounds.
    pub fn with_salt(code: &str, salt: &[u8], rounds: u32) -> Self {
        let rounds = rounds.clamp(1, MAX_ROUNDS);
        Self {
            salt: salt.to_vec(),
            rounds,
            hash: stretch(code, salt, rounds),
        }
    }

    /// Is `code` the chosen code?
    pub fn verify(&self, code: &str) -> bool {
        same_digest(&stretch(code, &self.salt, self.rounds), &self.hash)
    }

    pub fn salt_hex(&self) -> String {
        to_hex(&self.salt)
    }

    pub fn hash_hex(&self) -> String {
        to_hex(&self.hash)
    }

    /// The text of `teacher.ron`.
    pub fn to_file_text(&self) -> String {
        let file = TeacherFile {
            salt: self.salt_hex(),
            rounds: self.rounds,
            hash: self.hash_hex(),
        };
        // Three strings and a number always serialise; the fallback keeps this total anyway.
        let body = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
            .unwrap_or_default();
        format!("{FILE_HEADER}{body}\n")
    }

    /// Read `teacher.ron`.
    pub fn parse(text: &str) -> Result<Self, FileError> {
        let file: TeacherFile = ron::from_str(text).map_err(|e| FileError::Syntax {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        let salt = from_hex(&file.salt)
            .filter(|s| s.len() >= MIN_SALT_BYTES)
            .ok_or(FileError::Invalid(
                "the salt is not a hexadecimal number of 8 bytes or more",
            ))?;
        let hash: [u8; 32] = from_hex(&file.hash)
            .and_then(|h| h.try_into().ok())
            .ok_or(FileError::Invalid("the hash is not 64 hexadecimal digits"))?;
        if !(1..=MAX_ROUNDS).contains(&file.rounds) {
            return Err(FileError::Invalid("the number of rounds is out of range"));
        }
        Ok(Self {
            salt,
            rounds: file.rounds,
            hash,
        })
    }
}

/// Where a damaged `path` is kept: `<name>.bak`, else `.bak2`, `.bak3`… — the first that is
/// not `taken`, so an earlier copy is never overwritten. `None` when all are taken.
pub fn backup_path(path: &Path, taken: impl Fn(&Path) -> bool) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    (1..=MAX_BACKUPS)
        .map(|n| {
            let suffix = if n == 1 { String::new() } else { n.to_string() };
            path.with_file_name(format!("{name}.bak{suffix}"))
        })
        .find(|candidate| !taken(candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SALT: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    #[test]
    fn the_stored_hash_is_sha256_of_salt_and_code_stretched() {
        // Computed independently (Python's hashlib): d = H(salt‖code), then d = H(d‖salt‖code).
        let once = StoredCode::with_salt("film crew", &SALT, 1);
        assert_eq!(
            once.hash_hex(),
            "f8a9aa4f5de255a5765154c02d7be9a138c0202d59778525a249f632ade013eb"
        );
        let stored = StoredCode::with_salt("film crew", &SALT, ROUNDS);
        assert_eq!(
            stored.hash_hex(),
            "42537ef2efa512d0a0b8f755aadcdcf5be12830e4e3f38e14237dd405b0f927f"
        );
    }

    #[test]
    fn the_right_code_unlocks_and_a_wrong_one_does_not() {
        let stored = StoredCode::choose("gaffer42", "gaffer42", &mut rand::rng()).expect("ok");
        assert!(stored.verify("gaffer42"));
        assert!(
            stored.verify("  gaffer42 "),
            "spaces at the ends are ignored"
        );
        assert!(!stored.verify("gaffer43"));
        assert!(!stored.verify("Gaffer42"), "case matters");
        assert!(!stored.verify(""));
    }

    #[test]
    fn the_same_code_chosen_twice_gets_different_salts_and_hashes() {
        let a = StoredCode::choose("grip", "grip", &mut rand::rng()).expect("ok");
        let b = StoredCode::choose("grip", "grip", &mut rand::rng()).expect("ok");
        assert_ne!(a.salt_hex(), b.salt_hex());
        assert_ne!(a.hash_hex(), b.hash_hex());
        assert!(a.verify("grip") && b.verify("grip"));
    }

    #[test]
    fn a_code_must_be_long_enough_and_typed_the_same_twice() {
        let rng = &mut rand::rng();
        assert_eq!(
            StoredCode::choose("abc", "abc", rng),
            Err(CodeError::TooShort)
        );
        assert_eq!(
            StoredCode::choose("  ab  ", "  ab  ", rng),
            Err(CodeError::TooShort),
            "spaces do not count"
        );
        assert_eq!(
            StoredCode::choose("éèêë", "éèêë", rng).map(|c| c.verify("éèêë")),
            Ok(true),
            "four characters, whatever their bytes"
        );
        assert_eq!(
            StoredCode::choose("abcd", "abce", rng),
            Err(CodeError::Different)
        );
        assert!(CodeError::TooShort.to_string().contains('4'));
    }

    #[test]
    fn the_file_round_trips_and_never_holds_the_code() {
        let code = "boom operator";
        let stored = StoredCode::choose(code, code, &mut rand::rng()).expect("ok");
        let text = stored.to_file_text();
        assert!(!text.contains(code) && !text.contains("boom"));
        assert!(!text.contains(&to_hex(code.as_bytes())), "not even as hex");
        let back = StoredCode::parse(&text).expect("parses");
        assert_eq!(back, stored);
        assert!(back.verify(code));
    }

    #[test]
    fn a_damaged_file_says_where_and_what() {
        match StoredCode::parse("(\n  salt: \"00\",\n  rounds: oops,\n)") {
            Err(FileError::Syntax { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected a syntax error, got {other:?}"),
        }
        let good = StoredCode::with_salt("abcd", &SALT, 3);
        let swap = |from: &str, to: &str| good.to_file_text().replace(from, to);
        let cases = [
            swap(&good.salt_hex(), "0011"),
            swap(&good.salt_hex(), &"zz".repeat(16)),
            swap(&good.hash_hex(), "abcd"),
            swap("rounds: 3", "rounds: 0"),
            swap("rounds: 3", "rounds: 4000000000"),
        ];
        for text in cases {
            assert!(
                matches!(StoredCode::parse(&text), Err(FileError::Invalid(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn backups_never_overwrite_an_earlier_one() {
        let path = Path::new("data/teacher.ron");
        let none_taken = backup_path(path, |_| false);
        assert_eq!(none_taken, Some(PathBuf::from("data/teacher.ron.bak")));
        let taken = [
            PathBuf::from("data/teacher.ron.bak"),
            PathBuf::from("data/teacher.ron.bak2"),
        ];
        assert_eq!(
            backup_path(path, |p| taken.iter().any(|t| t == p)),
            Some(PathBuf::from("data/teacher.ron.bak3"))
        );
        assert_eq!(backup_path(path, |_| true), None);
    }
}
