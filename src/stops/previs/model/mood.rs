//! Mood: the lighting controls (key-to-fill, colour temperature, time of day, fog, grade)
//! and how a setup reads as a mood, by a mapping a student can follow.

use glam::Vec3;
use serde::{Deserialize, Serialize};

use super::Mood;

/// Time of day on the previs set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PrevisTime {
    Dawn,
    Day,
    Dusk,
    Night,
}

impl PrevisTime {
    /// Every time of day.
    pub const ALL: [PrevisTime; 4] = [
        PrevisTime::Dawn,
        PrevisTime::Day,
        PrevisTime::Dusk,
        PrevisTime::Night,
    ];

    /// The time in words.
    pub fn label(self) -> &'static str {
        match self {
            PrevisTime::Dawn => "dawn",
            PrevisTime::Day => "day",
            PrevisTime::Dusk => "dusk",
            PrevisTime::Night => "night",
        }
    }

    /// What this time adds to (brightness, tension, mystery) in [`read_mood`]: day is the
    /// brightest; night is dark, a little tense and hides things; dawn and dusk sit between.
    pub fn mood_push(self) -> [f32; 3] {
        match self {
            PrevisTime::Dawn => [0.1, 0.0, 0.1],
            PrevisTime::Day => [0.3, 0.0, 0.0],
            PrevisTime::Dusk => [-0.1, 0.05, 0.1],
            PrevisTime::Night => [-0.4, 0.15, 0.3],
        }
    }
}

/// The colour grade: the overall "look" laid over the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    Warm,
    Neutral,
    TealOrange,
    Desaturated,
    Noir,
    Pastel,
}

impl Grade {
    /// Every grade.
    pub const ALL: [Grade; 6] = [
        Grade::Warm,
        Grade::Neutral,
        Grade::TealOrange,
        Grade::Desaturated,
        Grade::Noir,
        Grade::Pastel,
    ];

    /// The grade in words.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Warm => "warm",
            Grade::Neutral => "neutral",
            Grade::TealOrange => "teal-and-orange",
            Grade::Desaturated => "desaturated",
            Grade::Noir => "noir",
            Grade::Pastel => "pastel",
        }
    }

    /// What this grade adds to (brightness, tension, mystery) in [`read_mood`]: pastel and
    /// warm brighten and relax; desaturated darkens and drains the energy; noir darkens and
    /// tightens; teal-and-orange cools the shadows, a little tense and mysterious.
    pub fn mood_push(self) -> [f32; 3] {
        match self {
            Grade::Warm => [0.2, -0.05, 0.0],
            Grade::Neutral => [0.0, 0.0, 0.0],
            Grade::TealOrange => [-0.05, 0.1, 0.2],
            Grade::Desaturated => [-0.25, -0.1, 0.05],
            Grade::Noir => [-0.4, 0.15, 0.1],
            Grade::Pastel => [0.3, -0.1, 0.0],
        }
    }

    /// What the grade does, in one sentence.
    fn sentence(self) -> &'static str {
        match self {
            Grade::Warm => "The warm grade turns the colours golden and friendly.",
            Grade::Neutral => "The neutral grade keeps the colours true.",
            Grade::TealOrange => {
                "The teal-and-orange grade cools the shadows: modern, dramatic and a little mysterious."
            }
            Grade::Desaturated => "The desaturated grade drains the colour: sad, tired or lonely.",
            Grade::Noir => {
                "The noir grade is nearly black and white with hard contrast: danger and secrets."
            }
            Grade::Pastel => "The pastel grade makes soft candy colours: light and funny.",
        }
    }
}

/// Smallest key-to-fill ratio: 1:1, the fill as strong as the key, no shadows (flat high-key).
pub const MIN_KEY_TO_FILL: f32 = 1.0;
/// Largest key-to-fill ratio: 16:1, shadows almost black (low-key).
pub const MAX_KEY_TO_FILL: f32 = 16.0;
/// Warmest light in kelvin (candle flame).
pub const MIN_COLOR_TEMP_K: f32 = 2000.0;
/// Coolest light in kelvin (deep blue shade).
pub const MAX_COLOR_TEMP_K: f32 = 10000.0;
/// Neither warm nor cool: daylight, 5600 K.
pub const NEUTRAL_COLOR_TEMP_K: f32 = 5600.0;
/// Kelvin from neutral to fully warm (2000 K) or fully cool (9200 K and above).
const WARMTH_SPAN_K: f32 = 3600.0;

/// The lighting controls the player sets for a shot.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoodLighting {
    /// How much brighter the key light is than the fill, as N in "N:1" ([`MIN_KEY_TO_FILL`]
    /// to [`MAX_KEY_TO_FILL`]). 1 is flat high-key light; a high ratio leaves deep shadows.
    pub key_to_fill: f32,
    /// Colour temperature in kelvin ([`MIN_COLOR_TEMP_K`] to [`MAX_COLOR_TEMP_K`]): low is
    /// warm orange, high is cool blue.
    pub color_temp_k: f32,
    pub time: PrevisTime,
    /// Fog density, 0 (clear) to 1 (thick).
    pub fog: f32,
    pub grade: Grade,
}

impl Default for MoodLighting {
    /// Neutral daylight: soft 2:1 light at 5600 K, clear air, a neutral grade. It reads as
    /// calm, so an untouched shot has a mood but rarely the one a dramatic panel asks for.
    fn default() -> Self {
        Self {
            key_to_fill: 2.0,
            color_temp_k: NEUTRAL_COLOR_TEMP_K,
            time: PrevisTime::Day,
            fog: 0.0,
            grade: Grade::Neutral,
        }
    }
}

impl MoodLighting {
    /// The controls kept within their ranges; a value that is not a number takes the
    /// default's.
    pub fn clamped(&self) -> Self {
        let default = Self::default();
        let keep = |value: f32, fallback: f32, low: f32, high: f32| {
            if value.is_nan() {
                fallback
            } else {
                value.clamp(low, high)
            }
        };
        Self {
            key_to_fill: keep(
                self.key_to_fill,
                default.key_to_fill,
                MIN_KEY_TO_FILL,
                MAX_KEY_TO_FILL,
            ),
            color_temp_k: keep(
                self.color_temp_k,
                default.color_temp_k,
                MIN_COLOR_TEMP_K,
                MAX_COLOR_TEMP_K,
            ),
            time: self.time,
            fog: keep(self.fog, default.fog, 0.0, 1.0),
            grade: self.grade,
        }
    }

    /// A typical lighting for each mood; [`read_mood`] reads each one back as its mood.
    pub fn preset(mood: Mood) -> Self {
        let (key_to_fill, color_temp_k, time, fog, grade) = match mood {
            Mood::Joyful => (1.5, 4300.0, PrevisTime::Day, 0.0, Grade::Warm),
            Mood::Tense => (8.0, 7500.0, PrevisTime::Night, 0.1, Grade::Noir),
            Mood::Mysterious => (4.0, 8000.0, PrevisTime::Dusk, 0.6, Grade::TealOrange),
            Mood::Melancholy => (2.0, 7000.0, PrevisTime::Dusk, 0.1, Grade::Desaturated),
            Mood::Calm => (
                2.0,
                NEUTRAL_COLOR_TEMP_K,
                PrevisTime::Dawn,
                0.1,
                Grade::Neutral,
            ),
        };
        Self {
            key_to_fill,
            color_temp_k,
            time,
            fog,
            grade,
        }
    }
}

/// The centre of each mood in (brightness, tension, mystery) space; [`read_mood`] picks the
/// nearest. Joyful is bright and relaxed; calm fairly bright and the most relaxed; tense dark
/// and tight; mysterious dark-ish and full of hidden things; melancholy dark but low in
/// tension and mystery (drained rather than frightened).
pub const MOOD_CENTROIDS: [(Mood, [f32; 3]); 5] = [
    (Mood::Joyful, [0.8, 0.1, 0.05]),
    (Mood::Calm, [0.35, 0.1, 0.15]),
    (Mood::Tense, [-0.8, 0.85, 0.45]),
    (Mood::Mysterious, [-0.4, 0.55, 0.75]),
    (Mood::Melancholy, [-0.3, 0.2, 0.2]),
];

/// Weight of contrast in brightness: flat light adds this much, 16:1 takes it away.
const CONTRAST_BRIGHTNESS: f32 = 0.4;
/// Weight of warmth in brightness (warm adds, cool takes away).
const WARMTH_BRIGHTNESS: f32 = 0.15;
/// Brightness fog takes away at full density: it greys the picture.
const FOG_BRIGHTNESS: f32 = 0.2;
/// Weight of contrast in tension: hard shadows hide threats.
const CONTRAST_TENSION: f32 = 0.6;
/// Weight of coolness (only below neutral warmth) in tension: cold light feels uneasy.
const COOLNESS_TENSION: f32 = 0.3;
/// Weight of fog in mystery: what you cannot see makes you wonder.
const FOG_MYSTERY: f32 = 0.6;
/// Weight of contrast in mystery: deep shadows hide things too.
const CONTRAST_MYSTERY: f32 = 0.1;

/// How a lighting setup feels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MoodReading {
    /// The mood whose centre in [`MOOD_CENTROIDS`] is nearest.
    pub mood: Mood,
    /// −1 dark and suspenseful … +1 bright and funny.
    pub brightness: f32,
    /// 0 relaxed … 1 on edge.
    pub tension: f32,
    /// 0 nothing hidden … 1 full of secrets.
    pub mystery: f32,
    /// One sentence per control, then the overall feeling.
    pub reasons: Vec<String>,
}

/// Reads how a lighting setup feels, by a simple mapping a student can follow. With the
/// controls clamped, `contrast = log2(key_to_fill) / 4` (0 at 1:1, 1 at 16:1) and
/// `warmth = (5600 K − temperature) / 3600 K` limited to −1..=1 (positive warm, negative
/// cool; `coolness` is its negative part):
///
/// * brightness = 0.4·(1 − 2·contrast) + 0.15·warmth − 0.2·fog + time + grade, in −1..=1
/// * tension = 0.6·contrast + 0.3·coolness + time + grade, in 0..=1
/// * mystery = 0.6·fog + 0.1·contrast + time + grade, in 0..=1
///
/// where "time" and "grade" are the [`PrevisTime::mood_push`] and [`Grade::mood_push`]
/// entries. So high-key light, warm colour, daytime and pastel or warm grades push
/// brightness up; a high ratio, night and noir or desaturated grades push it down; a high
/// ratio and cool light raise tension; fog, night and teal raise mystery. The mood is the
/// nearest of [`MOOD_CENTROIDS`].
pub fn read_mood(lighting: &MoodLighting) -> MoodReading {
    let light = lighting.clamped();
    let contrast = light.key_to_fill.log2() / 4.0;
    let warmth = ((NEUTRAL_COLOR_TEMP_K - light.color_temp_k) / WARMTH_SPAN_K).clamp(-1.0, 1.0);
    let coolness = (-warmth).max(0.0);
    let [time_b, time_t, time_m] = light.time.mood_push();
    let [grade_b, grade_t, grade_m] = light.grade.mood_push();

    let brightness = (CONTRAST_BRIGHTNESS * (1.0 - 2.0 * contrast) + WARMTH_BRIGHTNESS * warmth
        - FOG_BRIGHTNESS * light.fog
        + time_b
        + grade_b)
        .clamp(-1.0, 1.0);
    let tension = (CONTRAST_TENSION * contrast + COOLNESS_TENSION * coolness + time_t + grade_t)
        .clamp(0.0, 1.0);
    let mystery =
        (FOG_MYSTERY * light.fog + CONTRAST_MYSTERY * contrast + time_m + grade_m).clamp(0.0, 1.0);

    let point = Vec3::new(brightness, tension, mystery);
    let mood = MOOD_CENTROIDS
        .iter()
        .map(|(mood, centre)| (*mood, point.distance_squared(Vec3::from(*centre))))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(Mood::Calm, |(mood, _)| mood);

    let ratio = format_ratio(light.key_to_fill);
    let mut reasons = Vec::with_capacity(6);
    reasons.push(if light.key_to_fill <= 2.0 {
        format!(
            "A key-to-fill ratio of {ratio} fills in the shadows: high-key, bright and cheerful."
        )
    } else if light.key_to_fill < 6.0 {
        format!("A key-to-fill ratio of {ratio} gives gentle shadows: a natural, balanced look.")
    } else {
        format!("A key-to-fill ratio of {ratio} leaves deep shadows: low-key, suspenseful.")
    });
    let kelvin = light.color_temp_k.round();
    reasons.push(if light.color_temp_k <= 4500.0 {
        format!("Light at {kelvin:.0} K is warm and orange, like a candle or a sunset: cosy and friendly.")
    } else if light.color_temp_k < 6500.0 {
        format!("Light at {kelvin:.0} K is neutral, like daylight.")
    } else {
        format!("Light at {kelvin:.0} K is cold and blue: lonely or uneasy.")
    });
    reasons.push(
        match light.time {
            PrevisTime::Dawn => "Dawn light is soft and new: quiet, hopeful, a little mysterious.",
            PrevisTime::Day => "Daylight shows everything clearly: open and bright.",
            PrevisTime::Dusk => "Dusk light fades and stretches the shadows: the day is ending.",
            PrevisTime::Night => {
                "Night hides the edges of the set in darkness: anything could be out there."
            }
        }
        .to_string(),
    );
    let fog_percent = (100.0 * light.fog).round();
    if light.fog >= 0.3 {
        reasons.push(format!(
            "Thick fog ({fog_percent:.0}%) hides what is far away: mysterious."
        ));
    } else if light.fog > 0.05 {
        reasons.push(format!(
            "A little haze ({fog_percent:.0}%) softens the distance."
        ));
    }
    reasons.push(light.grade.sentence().to_string());
    reasons.push(format!(
        "Altogether the light feels {}. {}",
        mood.label(),
        mood.feeling()
    ));

    MoodReading {
        mood,
        brightness,
        tension,
        mystery,
        reasons,
    }
}

/// "8:1", or "1.5:1" for a ratio between whole numbers.
fn format_ratio(ratio: f32) -> String {
    if (ratio - ratio.round()).abs() < 0.05 {
        format!("{:.0}:1", ratio.round())
    } else {
        format!("{ratio:.1}:1")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::previs::model::test_support::*;
    use crate::stops::previs::model::*;

    #[test]
    fn every_preset_reads_back_as_its_mood() {
        for mood in Mood::ALL {
            let reading = read_mood(&MoodLighting::preset(mood));
            assert_eq!(reading.mood, mood, "{reading:?}");
            assert!(
                reading
                    .reasons
                    .last()
                    .is_some_and(|r| r.contains(mood.label()))
            );
        }
    }

    #[test]
    fn default_lighting_is_neutral_daylight_and_reads_calm() {
        let light = MoodLighting::default();
        assert_eq!(light.time, PrevisTime::Day);
        assert_eq!(light.grade, Grade::Neutral);
        assert_eq!(light.color_temp_k, NEUTRAL_COLOR_TEMP_K);
        let reading = read_mood(&light);
        assert_eq!(reading.mood, Mood::Calm);
        // contrast 0.25: brightness 0.4 * 0.5 + day 0.3; tension 0.6 * 0.25; mystery 0.1 * 0.25.
        assert!(close(reading.brightness, 0.5, 1e-5));
        assert!(close(reading.tension, 0.15, 1e-5));
        assert!(close(reading.mystery, 0.025, 1e-5));
    }

    fn light(
        key_to_fill: f32,
        color_temp_k: f32,
        time: PrevisTime,
        fog: f32,
        grade: Grade,
    ) -> MoodLighting {
        MoodLighting {
            key_to_fill,
            color_temp_k,
            time,
            fog,
            grade,
        }
    }

    #[test]
    fn clear_cases_read_as_expected() {
        use Grade::*;
        use PrevisTime::*;
        let sunny = read_mood(&light(1.0, 5000.0, Day, 0.0, Pastel));
        assert_eq!(sunny.mood, Mood::Joyful);
        assert_eq!(sunny.brightness, 1.0);
        assert_eq!(
            read_mood(&light(12.0, 9000.0, Night, 0.0, Noir)).mood,
            Mood::Tense
        );
        assert_eq!(
            read_mood(&light(4.0, 6500.0, Night, 0.9, TealOrange)).mood,
            Mood::Mysterious
        );
        assert_eq!(
            read_mood(&light(2.0, 6000.0, Dusk, 0.2, Desaturated)).mood,
            Mood::Melancholy
        );
        assert_eq!(
            read_mood(&light(2.0, 5200.0, Dawn, 0.0, Neutral)).mood,
            Mood::Calm
        );
    }

    #[test]
    fn each_control_moves_the_reading_the_documented_way() {
        let base = light(
            2.0,
            NEUTRAL_COLOR_TEMP_K,
            PrevisTime::Dusk,
            0.2,
            Grade::Neutral,
        );
        let b = read_mood(&base);

        // 2:1 → 8:1: contrast 0.25 → 0.75.
        let harsh = read_mood(&MoodLighting {
            key_to_fill: 8.0,
            ..base
        });
        assert!(close(harsh.brightness - b.brightness, -0.4, 1e-5));
        assert!(close(harsh.tension - b.tension, 0.3, 1e-5));
        assert!(close(harsh.mystery - b.mystery, 0.05, 1e-5));

        // 5600 K → 9200 K: fully cool.
        let cold = read_mood(&MoodLighting {
            color_temp_k: 9200.0,
            ..base
        });
        assert!(close(cold.brightness - b.brightness, -0.15, 1e-5));
        assert!(close(cold.tension - b.tension, 0.3, 1e-5));
        assert!(close(cold.mystery, b.mystery, 1e-6));

        // 5600 K → 2000 K: fully warm brightens but does not relax below the base.
        let warm = read_mood(&MoodLighting {
            color_temp_k: 2000.0,
            ..base
        });
        assert!(close(warm.brightness - b.brightness, 0.15, 1e-5));
        assert!(close(warm.tension, b.tension, 1e-6));

        // Fog 0.2 → 0.7.
        let foggy = read_mood(&MoodLighting { fog: 0.7, ..base });
        assert!(close(foggy.mystery - b.mystery, 0.3, 1e-5));
        assert!(close(foggy.brightness - b.brightness, -0.1, 1e-5));

        // Dusk → night and dusk → day.
        let night = read_mood(&MoodLighting {
            time: PrevisTime::Night,
            ..base
        });
        assert!(
            night.brightness < b.brightness
                && night.tension > b.tension
                && night.mystery > b.mystery
        );
        let day = read_mood(&MoodLighting {
            time: PrevisTime::Day,
            ..base
        });
        assert!(day.brightness > b.brightness && day.mystery < b.mystery);

        // Grades.
        let grade = |grade| read_mood(&MoodLighting { grade, ..base });
        assert!(grade(Grade::Pastel).brightness > grade(Grade::Warm).brightness);
        assert!(grade(Grade::Warm).brightness > b.brightness);
        assert!(grade(Grade::Desaturated).brightness < b.brightness);
        assert!(grade(Grade::Noir).brightness < grade(Grade::Desaturated).brightness);
        assert!(grade(Grade::TealOrange).mystery > b.mystery);
    }

    #[test]
    fn mood_reasons_name_the_controls() {
        let reading = read_mood(&light(8.0, 7500.0, PrevisTime::Night, 0.6, Grade::Noir));
        assert_eq!(
            reading.reasons[0],
            "A key-to-fill ratio of 8:1 leaves deep shadows: low-key, suspenseful."
        );
        assert_eq!(
            reading.reasons[1],
            "Light at 7500 K is cold and blue: lonely or uneasy."
        );
        assert!(reading.reasons[3].contains("60%"));
        let soft = read_mood(&light(1.5, 3200.0, PrevisTime::Day, 0.0, Grade::Warm));
        assert!(soft.reasons[0].starts_with("A key-to-fill ratio of 1.5:1 fills in the shadows"));
        assert!(soft.reasons[1].contains("3200 K is warm"));
        assert_eq!(soft.reasons.len(), 5, "no fog sentence in clear air");
    }

    #[test]
    fn lighting_is_clamped_to_its_ranges() {
        let wild = light(0.5, 500.0, PrevisTime::Day, f32::NAN, Grade::Neutral).clamped();
        assert_eq!(wild.key_to_fill, MIN_KEY_TO_FILL);
        assert_eq!(wild.color_temp_k, MIN_COLOR_TEMP_K);
        assert_eq!(wild.fog, 0.0);
        let wilder = light(40.0, 20000.0, PrevisTime::Day, 2.0, Grade::Neutral).clamped();
        assert_eq!(wilder.key_to_fill, MAX_KEY_TO_FILL);
        assert_eq!(wilder.color_temp_k, MAX_COLOR_TEMP_K);
        assert_eq!(wilder.fog, 1.0);
        let not_a_number =
            light(f32::NAN, f32::NAN, PrevisTime::Day, 0.0, Grade::Neutral).clamped();
        assert_eq!(not_a_number, MoodLighting::default());
        assert_eq!(
            read_mood(&light(
                f32::NAN,
                5600.0,
                PrevisTime::Day,
                0.0,
                Grade::Neutral
            ))
            .mood,
            Mood::Calm
        );
    }
}
