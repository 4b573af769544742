//! The director's brief for the concept trailer: what the director asked for, in their own
//! words and as the points a result must meet, and the checklist that compares a generated
//! concept with those points by the same rules that built it.

use serde::{Deserialize, Serialize};

use super::generate::Concept;
use super::prompt::{ConceptPrompt, Palette, PromptMood, Setting};
use super::reading::read_prompt;
use crate::stage::model::scene::TimeOfDay;

/// Fewest points a brief names: with one, there is hardly anything to check.
pub const MIN_BRIEF_POINTS: usize = 2;

/// One thing the director asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BriefPoint {
    /// Where the trailer takes place.
    Place(Setting),
    /// How it should feel.
    Mood(PromptMood),
    /// The time of day.
    Time(TimeOfDay),
    /// The colour look.
    Colours(Palette),
}

/// What a director asked for, as written in `assets/innovation.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectorBrief {
    /// The director's own words, as they said them. They are the first prompt the student
    /// tries, and the generator must read them wrongly on some point (see [`validate_briefs`]),
    /// so the student always has a result to check and turn down.
    pub text: String,
    /// The points a result must meet; a part not named here is left to the student.
    pub wants: Vec<BriefPoint>,
}

/// One point of the brief, checked against a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointCheck {
    pub point: BriefPoint,
    pub met: bool,
    /// The sentence the student reads: "Time of day: the director asked for dawn, but this is
    /// at noon."
    pub line: String,
}

impl BriefPoint {
    /// The heading of the point in the checklist.
    pub fn heading(self) -> &'static str {
        match self {
            BriefPoint::Place(_) => "Place",
            BriefPoint::Mood(_) => "Feeling",
            BriefPoint::Time(_) => "Time of day",
            BriefPoint::Colours(_) => "Colours",
        }
    }

    /// What the director asked for, in words: "an alien planet", "dawn", "cool colours".
    pub fn wanted_words(self) -> String {
        match self {
            BriefPoint::Place(s) => place_words(s).to_string(),
            BriefPoint::Mood(m) => m.label().to_lowercase(),
            BriefPoint::Time(t) => time_words(t).to_string(),
            BriefPoint::Colours(p) => colour_words(p).to_string(),
        }
    }

    /// Does `prompt` (what the generator built from) meet this point?
    pub fn is_met_by(self, prompt: &ConceptPrompt) -> bool {
        match self {
            BriefPoint::Place(s) => prompt.setting == s,
            BriefPoint::Mood(m) => prompt.mood == m,
            BriefPoint::Time(t) => prompt.time == t,
            BriefPoint::Colours(p) => prompt.palette == p,
        }
    }

    /// The same part of `prompt`, in the same words as [`Self::wanted_words`].
    fn got_words(self, prompt: &ConceptPrompt) -> String {
        match self {
            BriefPoint::Place(_) => BriefPoint::Place(prompt.setting).wanted_words(),
            BriefPoint::Mood(_) => BriefPoint::Mood(prompt.mood).wanted_words(),
            BriefPoint::Time(_) => BriefPoint::Time(prompt.time).wanted_words(),
            BriefPoint::Colours(_) => BriefPoint::Colours(prompt.palette).wanted_words(),
        }
    }

    /// Writes this point into `prompt`.
    fn apply(self, prompt: &mut ConceptPrompt) {
        match self {
            BriefPoint::Place(s) => prompt.setting = s,
            BriefPoint::Mood(m) => prompt.mood = m,
            BriefPoint::Time(t) => prompt.time = t,
            BriefPoint::Colours(p) => prompt.palette = p,
        }
    }

    /// Which part of a prompt the point is about, to find a part named twice.
    fn part(self) -> usize {
        match self {
            BriefPoint::Place(_) => 0,
            BriefPoint::Mood(_) => 1,
            BriefPoint::Time(_) => 2,
            BriefPoint::Colours(_) => 3,
        }
    }

    /// How the point reads when it has been checked.
    fn check_line(self, prompt: &ConceptPrompt) -> String {
        let heading = self.heading();
        let wanted = self.wanted_words();
        if self.is_met_by(prompt) {
            return format!("{heading}: {wanted}, as the director asked.");
        }
        let got = self.got_words(prompt);
        match self {
            BriefPoint::Place(_) => {
                format!("{heading}: the director asked for {wanted}, but this is {got}.")
            }
            BriefPoint::Mood(_) => {
                format!("{heading}: the director asked for {wanted}, but this feels {got}.")
            }
            BriefPoint::Time(_) => {
                format!("{heading}: the director asked for {wanted}, but this is at {got}.")
            }
            BriefPoint::Colours(_) => {
                format!("{heading}: the director asked for {wanted}, but this has {got}.")
            }
        }
    }
}

fn place_words(setting: Setting) -> &'static str {
    match setting {
        Setting::City => "a city",
        Setting::AlienWorld => "an alien planet",
        Setting::Arctic => "the Arctic",
        Setting::Desert => "a desert canyon",
    }
}

fn time_words(time: TimeOfDay) -> &'static str {
    match time {
        TimeOfDay::Dawn => "dawn",
        TimeOfDay::Noon => "noon",
        TimeOfDay::Dusk => "dusk",
        TimeOfDay::Night => "night",
    }
}

fn colour_words(palette: Palette) -> &'static str {
    match palette {
        Palette::Natural => "natural colours",
        Palette::Warm => "warm colours",
        Palette::Cool => "cool colours",
        Palette::Neon => "neon colours",
        Palette::Monochrome => "black and white",
    }
}

impl DirectorBrief {
    /// Every point checked against what the generator built from.
    pub fn check_prompt(&self, prompt: &ConceptPrompt) -> Vec<PointCheck> {
        self.wants
            .iter()
            .map(|&point| PointCheck {
                point,
                met: point.is_met_by(prompt),
                line: point.check_line(prompt),
            })
            .collect()
    }

    /// Every point checked against a generated concept: its place, mood and colours as the
    /// generator used them, and the time of day the scene was lit for.
    pub fn check(&self, concept: &Concept) -> Vec<PointCheck> {
        self.check_prompt(&ConceptPrompt {
            time: concept.time,
            ..concept.prompt
        })
    }

    /// True when `prompt` meets every point.
    pub fn is_met_by(&self, prompt: &ConceptPrompt) -> bool {
        self.wants.iter().all(|p| p.is_met_by(prompt))
    }

    /// `base` with every point of the brief written in; the parts the brief leaves open stay.
    pub fn applied_to(&self, base: ConceptPrompt) -> ConceptPrompt {
        let mut prompt = base;
        for point in &self.wants {
            point.apply(&mut prompt);
        }
        prompt
    }
}

/// The missed points of a checklist, joined for a sentence: "the place and the time of day".
pub fn missed_words(checks: &[PointCheck]) -> String {
    let missed: Vec<String> = checks
        .iter()
        .filter(|c| !c.met)
        .map(|c| format!("the {}", c.point.heading().to_lowercase()))
        .collect();
    match missed.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Everything RON cannot check about the briefs, one message per problem: at least one brief,
/// words in each, at least [`MIN_BRIEF_POINTS`] points with no part named twice, and director's
/// words the generator can read but reads wrongly on some point (otherwise there is nothing
/// for the student to catch).
pub fn validate_briefs(briefs: &[DirectorBrief], errors: &mut Vec<String>) {
    if briefs.is_empty() {
        errors.push("briefs: list at least one director's brief".into());
    }
    for (i, brief) in briefs.iter().enumerate() {
        if brief.text.trim().is_empty() {
            errors.push(format!(
                "briefs[{i}].text must not be empty: write what the director asked for"
            ));
            continue;
        }
        if brief.wants.len() < MIN_BRIEF_POINTS {
            errors.push(format!(
                "briefs[{i}].wants: name at least {MIN_BRIEF_POINTS} points (Place, Mood, Time, Colours), got {}",
                brief.wants.len()
            ));
        }
        for (j, point) in brief.wants.iter().enumerate() {
            if brief.wants[..j].iter().any(|p| p.part() == point.part()) {
                errors.push(format!(
                    "briefs[{i}].wants: {} is named twice",
                    point.heading()
                ));
            }
        }
        match read_prompt(&brief.text, 0) {
            Err(_) => errors.push(format!(
                "briefs[{i}].text: the generator finds no place in \"{}\"; use a place word it knows (city, alien, arctic, desert...) so the first try gives a result to check",
                brief.text
            )),
            Ok(reading) if brief.is_met_by(&reading.prompt) => errors.push(format!(
                "briefs[{i}].text: the generator already reads \"{}\" as meeting every point, so there is nothing to catch; write it the way a director talks (\"first light\" for dawn, \"after dark\" for night)",
                brief.text
            )),
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::innovation::concept::test_support::{concept, prompt, scenes};

    fn brief(text: &str, wants: &[BriefPoint]) -> DirectorBrief {
        DirectorBrief {
            text: text.into(),
            wants: wants.to_vec(),
        }
    }

    fn dawn_brief() -> DirectorBrief {
        brief(
            "A hopeful first light on an alien world, in icy blues.",
            &[
                BriefPoint::Place(Setting::AlienWorld),
                BriefPoint::Mood(PromptMood::Hopeful),
                BriefPoint::Time(TimeOfDay::Dawn),
                BriefPoint::Colours(Palette::Cool),
            ],
        )
    }

    #[test]
    fn the_checklist_says_what_was_asked_and_what_came_out() {
        let b = dawn_brief();
        let p = prompt(
            Setting::Arctic,
            PromptMood::Hopeful,
            TimeOfDay::Noon,
            Palette::Cool,
        );
        let checks = b.check_prompt(&p);
        let met: Vec<bool> = checks.iter().map(|c| c.met).collect();
        assert_eq!(met, [false, true, false, true]);
        assert_eq!(
            checks[0].line,
            "Place: the director asked for an alien planet, but this is the Arctic."
        );
        assert_eq!(checks[1].line, "Feeling: hopeful, as the director asked.");
        assert_eq!(
            checks[2].line,
            "Time of day: the director asked for dawn, but this is at noon."
        );
        assert_eq!(missed_words(&checks), "the place and the time of day");
        assert!(!b.is_met_by(&p));
        let fixed = b.applied_to(p);
        assert!(b.is_met_by(&fixed));
        assert_eq!(fixed.seed, p.seed);
        assert!(b.check_prompt(&fixed).iter().all(|c| c.met));
        assert_eq!(missed_words(&b.check_prompt(&fixed)), "");
    }

    #[test]
    fn open_parts_are_left_to_the_student() {
        let b = brief(
            "An epic battle on the ice under the midnight sun.",
            &[
                BriefPoint::Place(Setting::Arctic),
                BriefPoint::Time(TimeOfDay::Noon),
            ],
        );
        let p = prompt(
            Setting::Arctic,
            PromptMood::Eerie,
            TimeOfDay::Noon,
            Palette::Neon,
        );
        assert!(b.is_met_by(&p));
        assert_eq!(b.applied_to(p), p);
        assert_eq!(b.check_prompt(&p).len(), 2);
    }

    #[test]
    fn a_generated_concept_is_checked_by_what_the_generator_built() {
        let scenes = scenes();
        let b = dawn_brief();
        let wrong = concept(
            &prompt(
                Setting::AlienWorld,
                PromptMood::Hopeful,
                TimeOfDay::Noon,
                Palette::Cool,
            ),
            &scenes,
        );
        let checks = b.check(&wrong);
        assert_eq!(checks.iter().filter(|c| !c.met).count(), 1);
        assert_eq!(missed_words(&checks), "the time of day");
        let right = concept(&b.applied_to(wrong.prompt), &scenes);
        assert!(b.check(&right).iter().all(|c| c.met));
        assert_eq!(right.time, TimeOfDay::Dawn);
    }

    #[test]
    fn the_directors_words_alone_miss_the_brief() {
        // "first light" is not a word the generator knows, so it assumes noon.
        let b = dawn_brief();
        let reading = read_prompt(&b.text, 1).expect("a place");
        assert_eq!(reading.prompt.setting, Setting::AlienWorld);
        assert_eq!(reading.prompt.time, TimeOfDay::Noon);
        assert!(!b.is_met_by(&reading.prompt));
        let mut errors = Vec::new();
        validate_briefs(&[b], &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn bad_briefs_are_named() {
        let good = dawn_brief();
        let cases: Vec<(Vec<DirectorBrief>, &str)> = vec![
            (vec![], "at least one director's brief"),
            (
                vec![brief("  ", &good.wants)],
                "briefs[0].text must not be empty",
            ),
            (
                vec![
                    good.clone(),
                    brief(&good.text, &[BriefPoint::Time(TimeOfDay::Dawn)]),
                ],
                "briefs[1].wants: name at least 2 points",
            ),
            (
                vec![brief(
                    &good.text,
                    &[
                        BriefPoint::Time(TimeOfDay::Dawn),
                        BriefPoint::Time(TimeOfDay::Dusk),
                    ],
                )],
                "Time of day is named twice",
            ),
            (
                vec![brief("a hopeful sunrise", &good.wants)],
                "finds no place",
            ),
            (
                vec![brief(
                    "a hopeful alien planet at dawn in cool colours",
                    &good.wants,
                )],
                "already reads",
            ),
        ];
        for (briefs, expected) in cases {
            let mut errors = Vec::new();
            validate_briefs(&briefs, &mut errors);
            assert!(
                errors.iter().any(|e| e.contains(expected)),
                "{expected}: {errors:?}"
            );
        }
    }
}
