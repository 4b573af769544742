//! The ratio maths the student does: questions on the campaign's numbers, and checking a typed
//! answer with a message that says how to fix a slip.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{DEFAULT_TOLERANCE, PostResult, format_decimal, group_thousands, ratio};

// ---------------------------------------------------------------------------------------------
// Ratio maths the student does.
// ---------------------------------------------------------------------------------------------

/// Which scale a ratio answer is written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RatioKind {
    /// Per hundred: likes ÷ views × 100.
    Percent,
    /// Per thousand: likes ÷ views × 1,000, handy when rates are small.
    PerThousand,
}

impl RatioKind {
    pub fn scale(self) -> f64 {
        match self {
            RatioKind::Percent => 100.0,
            RatioKind::PerThousand => 1000.0,
        }
    }

    /// The unit of a difference on this scale, for "within ±0.5 …".
    fn tolerance_unit(self) -> &'static str {
        match self {
            RatioKind::Percent => "percentage points",
            RatioKind::PerThousand => "per thousand",
        }
    }

    /// A value with its unit, e.g. "50%" or "500 per 1,000 views".
    fn with_unit(self, value: f64) -> String {
        match self {
            RatioKind::Percent => format!("{}%", format_decimal(value, 2)),
            RatioKind::PerThousand => format!("{} per 1,000 views", format_decimal(value, 2)),
        }
    }
}

/// One ratio to work out: `numerator ÷ denominator`, written on the scale of `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatioQuestion {
    pub prompt: String,
    pub numerator: u64,
    pub denominator: u64,
    pub kind: RatioKind,
    /// How far an answer may be from the exact value, in the answer's unit (percentage points,
    /// or per thousand).
    pub tolerance: f64,
    /// The worked answer, shown after the student answers.
    pub worked: String,
}

impl RatioQuestion {
    /// The lesson's own example: 50,000 likes on 100,000 views is 50%, against 5% for 5,000.
    pub fn seed_example() -> Self {
        Self {
            prompt: "A blooper reel got 50,000 likes on 100,000 views. What is its engagement \
                     rate, as a percentage?"
                .to_string(),
            numerator: 50_000,
            denominator: 100_000,
            kind: RatioKind::Percent,
            tolerance: DEFAULT_TOLERANCE,
            worked: "Engagement rate = likes ÷ views × 100. 50,000 ÷ 100,000 = 0.5, and \
                     0.5 × 100 = 50%. Compare a trailer with 5,000 likes on the same 100,000 \
                     views: 5,000 ÷ 100,000 = 0.05, which is 5%. Same views, but ten times the \
                     engagement for the blooper reel."
                .to_string(),
        }
    }

    /// A question on the student's own campaign numbers: the likes and views of one post.
    pub fn from_post(result: &PostResult, kind: RatioKind) -> Self {
        let likes = group_thousands(result.likes);
        let views = group_thousands(result.views);
        let what = format!(
            "Your {} for {} ({}, day {}) got {likes} likes on {views} views.",
            result.post.content.label().to_lowercase(),
            result.post.segment.label().to_lowercase(),
            result.post.time.label().to_lowercase(),
            result.post.day
        );
        let fraction = ratio(result.likes, result.views);
        let answer = fraction * kind.scale();
        let (prompt, worked) = match kind {
            RatioKind::Percent => (
                format!("{what} What is its engagement rate, as a percentage?"),
                format!(
                    "Engagement rate = likes ÷ views × 100. {likes} ÷ {views} = {}, and {} × 100 \
                     = {}.",
                    format_decimal(fraction, 4),
                    format_decimal(fraction, 4),
                    kind.with_unit(answer)
                ),
            ),
            RatioKind::PerThousand => (
                format!("{what} How many likes did it get for every 1,000 views?"),
                format!(
                    "Likes per 1,000 views = likes ÷ views × 1,000. {likes} ÷ {views} = {}, and \
                     {} × 1,000 = {}.",
                    format_decimal(fraction, 5),
                    format_decimal(fraction, 5),
                    kind.with_unit(answer)
                ),
            ),
        };
        let worked = if result.views == 0 {
            "Nobody saw this post, so there is nothing to divide: the rate counts as 0.".to_string()
        } else {
            worked
        };
        Self {
            prompt,
            numerator: result.likes,
            denominator: result.views,
            kind,
            tolerance: DEFAULT_TOLERANCE,
            worked,
        }
    }

    /// A post's question in round numbers: its views to one significant figure (at least
    /// 1,000) and its engagement rate to a whole percent, so the division can be done by hand:
    /// 8,500 likes on 45,507 views (18.68%) becomes 9,500 likes on 50,000 views (19%). The
    /// exact rate is within 0.5 of the round one (unless it is under 0.5%, which counts as 1%),
    /// so the default tolerance accepts it too.
    pub fn rounded_from_post(result: &PostResult) -> Self {
        if result.views == 0 {
            return Self::from_post(result, RatioKind::Percent);
        }
        let views = round_views(result.views);
        let exact_pct = ratio(result.likes, result.views) * 100.0;
        // A post that got any likes keeps at least 1%, so the round numbers are not all zero.
        let pct = (exact_pct.round() as u64).clamp(u64::from(result.likes > 0), 100);
        let likes = views / 100 * pct;
        let (real_likes, real_views) =
            (group_thousands(result.likes), group_thousands(result.views));
        let (about_likes, about_views) = (group_thousands(likes), group_thousands(views));
        let fraction = ratio(likes, views);
        Self {
            prompt: format!(
                "Your {} for {} ({}, day {}) got {real_likes} likes on {real_views} views. Round \
                 the views to {about_views}: at about the same rate that is {about_likes} likes. \
                 What is the engagement rate of {about_likes} likes on {about_views} views, as a \
                 percentage?",
                result.post.content.label().to_lowercase(),
                result.post.segment.label().to_lowercase(),
                result.post.time.label().to_lowercase(),
                result.post.day
            ),
            numerator: likes,
            denominator: views,
            kind: RatioKind::Percent,
            tolerance: DEFAULT_TOLERANCE,
            worked: format!(
                "Engagement rate = likes ÷ views × 100. {about_likes} ÷ {about_views} = {}, and \
                 {} × 100 = {}. The exact numbers give nearly the same: {real_likes} ÷ \
                 {real_views} × 100 = {}, the rate the table shows.",
                format_decimal(fraction, 4),
                format_decimal(fraction, 4),
                RatioKind::Percent.with_unit(fraction * 100.0),
                RatioKind::Percent.with_unit(exact_pct)
            ),
        }
    }

    /// The exact answer on the question's scale; 0 when the denominator is 0.
    pub fn answer(&self) -> f64 {
        ratio(self.numerator, self.denominator) * self.kind.scale()
    }

    /// The tolerance actually used: a broken (negative or non-finite) one falls back to the
    /// default rather than rejecting every answer.
    fn effective_tolerance(&self) -> f64 {
        if self.tolerance.is_finite() && self.tolerance >= 0.0 {
            self.tolerance
        } else {
            DEFAULT_TOLERANCE
        }
    }
}

/// Views to one significant figure, at least 1,000: 45,507 → 50,000, 3,780 → 4,000,
/// 96,000 → 100,000. Always a multiple of 1,000, so a whole percent of it is whole likes.
fn round_views(views: u64) -> u64 {
    let mut magnitude = 1_000u64;
    // magnitude × 10 never passes `views` here, so it cannot overflow.
    while views / magnitude >= 10 {
        magnitude *= 10;
    }
    (views.saturating_add(magnitude / 2) / magnitude * magnitude).max(1_000)
}

/// The question asked after the `number`-th post of a campaign (counting from 1). The first is
/// in round numbers, so the first division on the student's own campaign needs no calculator;
/// later ones use the real numbers, every `per_thousand_every`-th as likes per 1,000 views.
pub fn post_question(
    result: &PostResult,
    number: usize,
    per_thousand_every: usize,
) -> RatioQuestion {
    if number <= 1 {
        return RatioQuestion::rounded_from_post(result);
    }
    let kind = if per_thousand_every > 0 && number.is_multiple_of(per_thousand_every) {
        RatioKind::PerThousand
    } else {
        RatioKind::Percent
    };
    RatioQuestion::from_post(result, kind)
}

/// The outcome of a well-formed answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatioVerdict {
    pub correct: bool,
    /// The number the student typed.
    pub given: f64,
    /// The exact answer.
    pub answer: f64,
    /// A pointer to a likely slip (a decimal instead of a percentage…), when one fits.
    pub hint: Option<String>,
    /// What to show: "Correct: 50% (within ±0.5 percentage points)" or why not.
    pub text: String,
}

/// Why an answer could not be read as a number. Each message says how to write it instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RatioInputError {
    Empty,
    NotANumber(String),
    NotFinite(String),
    Negative,
    AbovePercentMax(f64),
    BadThousandsSeparator(String),
    PercentSignNotExpected,
}

impl fmt::Display for RatioInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RatioInputError::Empty => f.write_str("Type a number first, for example 12.5."),
            RatioInputError::NotANumber(s) => write!(
                f,
                "\"{s}\" is not a number. Type digits, with a dot for decimals, for example 12.5."
            ),
            RatioInputError::NotFinite(s) => write!(
                f,
                "\"{s}\" is not an ordinary number. Type digits, for example 12.5."
            ),
            RatioInputError::Negative => {
                f.write_str("A rate can't be negative: a post never gets fewer than zero likes.")
            }
            RatioInputError::AbovePercentMax(v) => write!(
                f,
                "{}% would mean more likes than views, which can't happen: a percentage of the \
                 views is between 0 and 100.",
                format_decimal(*v, 2)
            ),
            RatioInputError::BadThousandsSeparator(s) => write!(
                f,
                "\"{s}\": commas may only separate thousands, as in 1,234. For decimals use a \
                 dot, as in 12.5."
            ),
            RatioInputError::PercentSignNotExpected => f.write_str(
                "This answer is likes per 1,000 views, not a percentage: leave out the % sign.",
            ),
        }
    }
}

impl std::error::Error for RatioInputError {}

/// Checks a student's answer to a ratio question.
///
/// Accepts a plain number ("50", "50.0", "1,234.5") and, for percentages, an optional trailing
/// `%` ("50%", "50.0 %"). Rejects, with a message that says what to type: nothing, words,
/// NaN/infinity, negative numbers, commas that are not thousands separators ("12,5"), a `%`
/// on a per-thousand answer, and percentages above 100 (more likes than views).
pub fn check_ratio(question: &RatioQuestion, input: &str) -> Result<RatioVerdict, RatioInputError> {
    let given = parse_answer(input, question.kind)?;
    let kind = question.kind;
    let answer = question.answer();
    let tolerance = question.effective_tolerance();
    let within = format!(
        "within ±{} {}",
        format_decimal(tolerance, 2),
        kind.tolerance_unit()
    );
    let correct = (given - answer).abs() <= tolerance + 1e-9;
    let hint = if correct {
        None
    } else {
        slip_hint(given, answer, kind)
    };
    let text = if correct {
        format!("Correct: {} ({within})", kind.with_unit(answer))
    } else {
        let direction = if given < answer {
            "too low"
        } else {
            "too high"
        };
        format!(
            "Not quite: {} is {direction}. Answers {within} of the exact value count.",
            kind.with_unit(given)
        )
    };
    Ok(RatioVerdict {
        correct,
        given,
        answer,
        hint,
        text,
    })
}

/// Recognises the common slips: the bare decimal ratio (0.5 for 50%) and, per thousand, the
/// percentage (50 for 500 per 1,000).
fn slip_hint(given: f64, answer: f64, kind: RatioKind) -> Option<String> {
    let fraction = answer / kind.scale();
    // A rate of (near) 0 looks the same on every scale; no slip to point out.
    if answer <= DEFAULT_TOLERANCE {
        return None;
    }
    let close = |target: f64| (given - target).abs() <= (target.abs() * 0.01).max(0.0005);
    if close(fraction) {
        let shown = format_decimal(given, 4);
        return Some(match kind {
            RatioKind::Percent => {
                format!("{shown} is the ratio as a decimal; as a percentage multiply by 100.")
            }
            RatioKind::PerThousand => {
                format!("{shown} is the ratio as a decimal; per thousand views multiply by 1,000.")
            }
        });
    }
    if kind == RatioKind::PerThousand && close(fraction * 100.0) {
        return Some(format!(
            "{} is the percentage (per 100 views); per 1,000 views multiply the ratio by 1,000.",
            format_decimal(given, 2)
        ));
    }
    None
}

/// Reads a typed answer; see [`check_ratio`] for what is accepted.
fn parse_answer(input: &str, kind: RatioKind) -> Result<f64, RatioInputError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(RatioInputError::Empty);
    }
    let number = match trimmed.strip_suffix('%') {
        Some(rest) if kind == RatioKind::PerThousand => {
            // Still complain about the number itself first if it is not one.
            parse_plain_number(rest.trim_end())?;
            return Err(RatioInputError::PercentSignNotExpected);
        }
        Some(rest) => rest.trim_end(),
        None => trimmed,
    };
    let value = parse_plain_number(number)?;
    if kind == RatioKind::Percent && value > 100.0 {
        return Err(RatioInputError::AbovePercentMax(value));
    }
    Ok(value)
}

/// A non-negative decimal number with optional thousands separators. Rust's own `f64` parser
/// is too lenient for a classroom ("NaN", "inf" and "1e3" all parse), so the characters are
/// checked first.
fn parse_plain_number(text: &str) -> Result<f64, RatioInputError> {
    if text.is_empty() {
        return Err(RatioInputError::NotANumber(text.to_string()));
    }
    let lower = text.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if ["nan", "inf", "infinity"].contains(&unsigned) {
        return Err(RatioInputError::NotFinite(text.to_string()));
    }
    // A minus sign (ASCII or the typographic one) in front of a valid number.
    let negative = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('\u{2212}'));
    if let Some(rest) = negative {
        let value = parse_plain_number(rest.trim_start())?;
        return if value == 0.0 {
            Ok(0.0)
        } else {
            Err(RatioInputError::Negative)
        };
    }
    let body = text.strip_prefix('+').unwrap_or(text);
    let not_a_number = || RatioInputError::NotANumber(text.to_string());
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || !body.chars().any(|c| c.is_ascii_digit())
    {
        return Err(not_a_number());
    }
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    if let Some(f) = fraction {
        if f.contains('.') {
            return Err(not_a_number());
        }
        if f.contains(',') {
            return Err(RatioInputError::BadThousandsSeparator(text.to_string()));
        }
    }
    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || !groups.all(|g| g.len() == 3) {
            return Err(RatioInputError::BadThousandsSeparator(text.to_string()));
        }
    }
    let cleaned: String = body.chars().filter(|&c| c != ',').collect();
    let value: f64 = cleaned.parse().map_err(|_| not_a_number())?;
    if !value.is_finite() {
        return Err(RatioInputError::NotFinite(text.to_string()));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::marketing::model::test_support::*;
    use crate::stops::marketing::model::{ContentType, PostTime, Segment};

    // --- ratio questions ------------------------------------------------------------------

    fn verdict(q: &RatioQuestion, input: &str) -> RatioVerdict {
        match check_ratio(q, input) {
            Ok(v) => v,
            Err(e) => panic!("{input:?} rejected: {e}"),
        }
    }

    #[test]
    fn the_seed_example_is_fifty_percent() {
        let q = RatioQuestion::seed_example();
        assert_eq!(q.answer(), 50.0);
        assert!(q.worked.contains("5,000"));
        assert!(q.worked.contains("5%"));
        let v = verdict(&q, "50");
        assert!(v.correct);
        assert_eq!(v.text, "Correct: 50% (within ±0.5 percentage points)");
        for ok in ["50%", "50.0 %", " 50.4 ", "49.5"] {
            assert!(verdict(&q, ok).correct, "{ok}");
        }
        for wrong in ["50.6", "49.4", "5"] {
            assert!(!verdict(&q, wrong).correct, "{wrong}");
        }
        assert!(verdict(&q, "49.4").text.contains("too low"));
        assert!(verdict(&q, "51").text.contains("too high"));
    }

    #[test]
    fn a_decimal_ratio_gets_a_hint_to_multiply_by_100() {
        let q = RatioQuestion::seed_example();
        let v = verdict(&q, "0.5");
        assert!(!v.correct);
        assert_eq!(
            v.hint.as_deref(),
            Some("0.5 is the ratio as a decimal; as a percentage multiply by 100.")
        );
        assert_eq!(verdict(&q, "40").hint, None);
        let per_thousand = RatioQuestion {
            kind: RatioKind::PerThousand,
            ..RatioQuestion::seed_example()
        };
        assert!(verdict(&per_thousand, "0.5").hint.is_some());
        assert!(
            verdict(&per_thousand, "50")
                .hint
                .is_some_and(|h| h.contains("percentage"))
        );
    }

    #[test]
    fn thousands_separators_are_read_and_wrong_commas_are_explained() {
        let q = RatioQuestion {
            numerator: 1_000,
            denominator: 1_000,
            kind: RatioKind::PerThousand,
            ..RatioQuestion::seed_example()
        };
        assert_eq!(q.answer(), 1000.0);
        let v = verdict(&q, "1,000");
        assert!(v.correct, "{v:?}");
        assert_eq!(
            v.text,
            "Correct: 1,000 per 1,000 views (within ±0.5 per thousand)"
        );
        assert!(verdict(&q, "1,000.2").correct);
        for bad in ["1,00", "10,00", "1.000,5", ",100"] {
            assert!(
                matches!(
                    check_ratio(&q, bad),
                    Err(RatioInputError::BadThousandsSeparator(_))
                ),
                "{bad}"
            );
        }
        assert_eq!(
            check_ratio(&q, "1000%").unwrap_err(),
            RatioInputError::PercentSignNotExpected
        );
    }

    #[test]
    fn bad_answers_are_rejected_with_a_message() {
        let q = RatioQuestion::seed_example();
        let err = |s: &str| match check_ratio(&q, s) {
            Ok(v) => panic!("{s:?} accepted as {v:?}"),
            Err(e) => e,
        };
        assert_eq!(err(""), RatioInputError::Empty);
        assert_eq!(err("   "), RatioInputError::Empty);
        assert!(matches!(err("abc"), RatioInputError::NotANumber(_)));
        assert!(matches!(err("%"), RatioInputError::NotANumber(_)));
        assert!(matches!(err("1e3"), RatioInputError::NotANumber(_)));
        assert!(matches!(err("5.5.5"), RatioInputError::NotANumber(_)));
        assert_eq!(err("-5"), RatioInputError::Negative);
        assert_eq!(err("-5%"), RatioInputError::Negative);
        assert!(matches!(err("NaN"), RatioInputError::NotFinite(_)));
        assert!(matches!(err("inf"), RatioInputError::NotFinite(_)));
        assert!(matches!(err("150%"), RatioInputError::AbovePercentMax(_)));
        assert!(err("150%").to_string().contains("more likes than views"));
        assert!(err("abc").to_string().contains("not a number"));
        assert!(err("").to_string().contains("Type a number"));
        // "100%" is the largest percentage, and allowed.
        assert!(check_ratio(&q, "100%").is_ok());
    }

    #[test]
    fn questions_from_real_posts_use_their_numbers() {
        let r = PostResult {
            post: post(
                2,
                ContentType::BlooperReel,
                Segment::Teens,
                PostTime::Evening,
            ),
            views: 33_600,
            likes: 7_392,
            shares: 10,
            comments: 3,
        };
        let q = RatioQuestion::from_post(&r, RatioKind::Percent);
        assert!((q.answer() - 22.0).abs() < 1e-9);
        assert!(
            q.prompt.contains("7,392 likes on 33,600 views"),
            "{}",
            q.prompt
        );
        assert!(q.worked.contains("= 22%"), "{}", q.worked);
        assert!(verdict(&q, "22").correct);
        let q = RatioQuestion::from_post(&r, RatioKind::PerThousand);
        assert!((q.answer() - 220.0).abs() < 1e-9);
        assert!(verdict(&q, "220").correct);
        assert!(q.worked.contains("220 per 1,000 views"), "{}", q.worked);
        let empty = RatioQuestion::from_post(&result(0, 0), RatioKind::Percent);
        assert_eq!(empty.answer(), 0.0);
        assert!(verdict(&empty, "0").correct);
    }

    #[test]
    fn views_round_to_one_significant_figure() {
        assert_eq!(round_views(45_507), 50_000);
        assert_eq!(round_views(44_999), 40_000);
        assert_eq!(round_views(3_780), 4_000);
        assert_eq!(round_views(96_000), 100_000);
        assert_eq!(round_views(1_234_567), 1_000_000);
        assert_eq!(round_views(400), 1_000);
        assert_eq!(round_views(u64::MAX) % 1_000, 0);
    }

    /// The first question on the student's own campaign can be done by hand; later ones use
    /// the campaign's real numbers.
    #[test]
    fn the_first_post_question_uses_round_numbers() {
        let r = PostResult {
            post: post(
                1,
                ContentType::BlooperReel,
                Segment::YoungAdults,
                PostTime::Evening,
            ),
            views: 45_507,
            likes: 8_500,
            shares: 10,
            comments: 3,
        };
        let first = post_question(&r, 1, 3);
        assert_eq!((first.numerator, first.denominator), (9_500, 50_000));
        assert_eq!(first.kind, RatioKind::Percent);
        assert_eq!(first.denominator % 1_000, 0, "round views");
        assert!((first.answer() - 19.0).abs() < 1e-9, "a whole percent");
        assert!(
            first.prompt.contains("8,500 likes on 45,507 views")
                && first.prompt.contains("9,500 likes on 50,000 views"),
            "{}",
            first.prompt
        );
        assert!(first.worked.contains("= 19%"), "{}", first.worked);
        assert!(first.worked.contains("18.68%"), "{}", first.worked);
        // The exact rate counts too: it is within half a point of the round one.
        assert!(verdict(&first, "19").correct);
        assert!(verdict(&first, "18.68").correct);
        // Later posts: the real numbers, every third per 1,000 views.
        let second = post_question(&r, 2, 3);
        assert_eq!((second.numerator, second.denominator), (8_500, 45_507));
        assert_eq!(second.kind, RatioKind::Percent);
        assert_eq!(post_question(&r, 3, 3).kind, RatioKind::PerThousand);
        assert_eq!(post_question(&r, 3, 3).denominator, 45_507);
        // Every post of the bundled campaign's plan rounds to a multiple of 1,000 views and a
        // whole percent.
        let spec = bundled();
        let campaign = play(&spec, 7, &sensible_plan());
        for result in campaign.posts() {
            let q = RatioQuestion::rounded_from_post(result);
            assert_eq!(q.denominator % 1_000, 0, "{q:?}");
            assert!(q.denominator > 0 && q.numerator > 0, "{q:?}");
            assert!((q.answer() - q.answer().round()).abs() < 1e-9, "{q:?}");
            assert!(
                (q.answer() - result.engagement_rate_pct()).abs() <= 0.5 + 1e-9,
                "{q:?}"
            );
        }
        // Nobody saw the post: nothing to round.
        let empty = RatioQuestion::rounded_from_post(&result(0, 0));
        assert_eq!(empty.answer(), 0.0);
    }
}
