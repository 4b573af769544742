//! How hard a text is to read: the Flesch–Kincaid grade level, as a school grade (6 reads like
//! a sixth-grade text). Plain Rust. The host lines of every stop are held to grade 7.5 or
//! below by a test, so a 12-year-old can read them.
//!
//! Grade = 0.39 × (words per sentence) + 11.8 × (syllables per word) − 15.59. Syllables are
//! counted by the usual English heuristic (groups of vowels, less a silent final e), which is
//! close enough to rank texts; it is not a dictionary.

/// Words, sentences and syllables of a set of lines. Each line ends a sentence even without a
/// full stop, because each is shown on its own.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TextStats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl TextStats {
    pub fn of<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut stats = TextStats::default();
        for line in lines {
            let mut sentences_here = 0;
            let mut words_since_end = 0;
            for token in line.split_whitespace() {
                let letters: String = token.chars().filter(|c| c.is_alphanumeric()).collect();
                if letters.is_empty() {
                    continue;
                }
                stats.words += 1;
                stats.syllables += word_syllables(token);
                words_since_end += 1;
                if token
                    .trim_end_matches(['"', '\'', ')', '”', '’'])
                    .ends_with(['.', '!', '?'])
                {
                    sentences_here += 1;
                    words_since_end = 0;
                }
            }
            if words_since_end > 0 {
                sentences_here += 1;
            }
            stats.sentences += sentences_here;
        }
        stats
    }

    /// The Flesch–Kincaid grade level; 0 for a text with no words.
    pub fn grade(&self) -> f32 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        let words = self.words as f32;
        0.39 * (words / self.sentences as f32) + 11.8 * (self.syllables as f32 / words) - 15.59
    }
}

/// The Flesch–Kincaid grade of a set of lines, read together.
pub fn grade<'a>(lines: impl IntoIterator<Item = &'a str>) -> f32 {
    TextStats::of(lines).grade()
}

/// Syllables in one word. Hyphenated words count each part; a number counts one syllable per
/// digit group read aloud, roughly two.
pub fn word_syllables(token: &str) -> usize {
    let parts: Vec<&str> = token
        .split(['-', '–', '/'])
        .filter(|p| p.chars().any(|c| c.is_alphanumeric()))
        .collect();
    if parts.len() > 1 {
        return parts.iter().map(|p| word_syllables(p)).sum();
    }
    let word: String = token
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if word.is_empty() {
        // A number such as 24 or 5,000: about two syllables read aloud.
        return 2;
    }
    english_syllables(&word)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Vowel groups, less a silent final "e", "es" or "ed" (but not "le", "ted" or "ded").
fn english_syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() <= 3 {
        return 1;
    }
    let mut end = chars.len();
    let before = |i: usize| chars.get(i).copied().unwrap_or('a');
    if word.ends_with("es") || word.ends_with("ed") {
        let c = before(end - 3);
        // "boxes", "wishes" and "edited" keep the syllable; "makes" and "jumped" lose it.
        let sounded = if word.ends_with("es") {
            matches!(c, 's' | 'x' | 'z' | 'c' | 'g')
                || (c == 'h' && matches!(before(end - 4), 'c' | 's'))
        } else {
            matches!(c, 't' | 'd')
        };
        if !is_vowel(c) && c != 'l' && !sounded {
            end -= 2;
        }
    } else if word.ends_with('e') {
        let c = before(end - 2);
        if !is_vowel(c) && c != 'l' {
            end -= 1;
        }
    }
    let mut start = 0;
    if chars[0] == 'y' {
        start = 1;
    }
    let mut groups = 0;
    let mut in_group = false;
    for &c in &chars[start..end] {
        let v = is_vowel(c);
        if v && !in_group {
            groups += 1;
        }
        in_group = v;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_have_their_syllables() {
        for (word, n) in [
            ("cat", 1),
            ("make", 1),
            ("camera", 3),
            ("little", 2),
            ("edited", 3),
            ("jumped", 1),
            ("boxes", 2),
            ("engineer", 3),
            ("computer", 3),
            ("frame-by-frame", 3),
        ] {
            assert_eq!(word_syllables(word), n, "{word}");
        }
    }

    #[test]
    fn easy_text_grades_low_and_hard_text_grades_high() {
        let easy = ["The cat sat on the mat.", "It was a big red cat."];
        let hard = ["Contemporary cinematographic institutions increasingly \
                     incorporate computational visualization methodologies, \
                     fundamentally reorganizing interdisciplinary collaboration."];
        assert!(grade(easy) < 2.0, "{}", grade(easy));
        assert!(grade(hard) > 18.0, "{}", grade(hard));
    }

    #[test]
    fn the_formula_matches_a_hand_count() {
        // 2 sentences, 11 words, 13 syllables.
        let stats = TextStats::of(["I like to film my friends.", "We edit it after school."]);
        assert_eq!(
            stats,
            TextStats {
                words: 11,
                sentences: 2,
                syllables: 13
            }
        );
        let want = 0.39 * (11.0 / 2.0) + 11.8 * (13.0 / 11.0) - 15.59;
        assert!((stats.grade() - want).abs() < 1e-4);
    }

    #[test]
    fn each_line_is_a_sentence_even_without_a_full_stop() {
        assert_eq!(TextStats::of(["Hi there", "Come in"]).sentences, 2);
        assert_eq!(TextStats::of(["One. Two! Three?"]).sentences, 3);
        assert_eq!(grade(Vec::<&str>::new()), 0.0);
    }
}
