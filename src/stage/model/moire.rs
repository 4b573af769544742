//! Moiré on an LED volume: when does filming the wall make rippling colour bands?
//!
//! An LED wall is a regular grid of tiny bright emitters; a camera sensor is another regular
//! grid (of photosites). When the lens draws the LED grid sharply on the sensor at a spacing
//! the sensor cannot resolve, the two grids interfere (alias) and make moiré. Two numbers
//! decide it:
//!
//! * the size of one LED pitch on the sensor (thin-lens magnification), compared with the
//!   photosite pitch, and
//! * the blur on the sensor for a point on the wall (defocus, plus the camera's own small
//!   blur), compared with that LED image: blur wider than the LED spacing smooths the grid
//!   away before the sensor samples it.
//!
//! Units are explicit in every name: pitches and focal lengths in millimetres, distances in
//! metres, results in millimetres (`_mm`) or micrometres (`_um`).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A colour (Bayer) sensor samples each colour on every second photosite, so it records a
/// repeating pattern cleanly only if one period spans at least 4 photosites (2 samples of
/// each colour per period: the Nyquist limit).
pub const BAYER_NYQUIST_PHOTOSITES: f32 = 4.0;

/// Above this many photosites per LED the LED grid is recorded cleanly even with the dark gaps
/// between LEDs (their sharper detail lies below the sensor's limit too).
pub const CLEAN_GRID_PHOTOSITES: f32 = 8.0;

/// Blur / LED-image ratio from which the LED grid starts to be softened (contrast drops).
pub const SOFTENING_BLUR_RATIO: f32 = 1.0;

/// Blur / LED-image ratio from which the LED grid is smoothed away (a uniform blur disc twice
/// the period leaves well under 10 % of the grid's contrast).
pub const SMOOTHING_BLUR_RATIO: f32 = 2.0;

/// Wavelength used for diffraction, in millimetres (green light, 550 nm).
pub const GREEN_WAVELENGTH_MM: f32 = 550.0e-6;

/// The sensor's own blur (optical low-pass filter and photosite area), as a disc roughly one
/// photosite wide. A simple model, but it is why LEDs much finer than the sensor wash out.
pub const SENSOR_BLUR_PHOTOSITES: f32 = 1.0;

/// Size on the sensor, in millimetres, of one LED pitch `pitch_mm` on a wall
/// `wall_distance_m` metres from a lens of focal length `focal_mm`, focused on the wall:
/// the thin-lens magnification gives `p_s = p · f / (D − f)` with `D` converted to mm.
/// Only meaningful for `D > f`.
pub fn led_image_size_mm(pitch_mm: f32, focal_mm: f32, wall_distance_m: f32) -> f32 {
    let wall_mm = wall_distance_m * 1000.0;
    pitch_mm * focal_mm / (wall_mm - focal_mm)
}

/// Diameter, in millimetres on the sensor, of the defocus blur circle for a point on the wall
/// (`wall_distance_m` away) when the lens is focused at `focus_distance_m`:
/// `c = f² / (N · (s − f)) · |D − s| / D`, with `s` and `D` converted to mm.
/// Zero when focused on the wall. Only meaningful for `s > f` and `D > 0`.
pub fn defocus_blur_mm(
    focal_mm: f32,
    f_number: f32,
    focus_distance_m: f32,
    wall_distance_m: f32,
) -> f32 {
    let (s, d) = (focus_distance_m * 1000.0, wall_distance_m * 1000.0);
    focal_mm * focal_mm / (f_number * (s - focal_mm)) * (d - s).abs() / d
}

/// Diameter of the diffraction (Airy) disc on the sensor, in millimetres: `2.44 · λ · N`.
/// Small at T2.8 (≈ 3.8 µm) but large enough to matter at T16 and beyond.
pub fn diffraction_blur_mm(f_number: f32) -> f32 {
    2.44 * GREEN_WAVELENGTH_MM * f_number
}

/// Photosite pitch in millimetres for a sensor `sensor_width_mm` wide with
/// `horizontal_photosites` across it (e.g. 4.6K Super 35: 24.89 mm / 4608 ≈ 0.0054 mm).
/// Zero photosites give infinity.
pub fn photosite_pitch_mm(sensor_width_mm: f32, horizontal_photosites: u32) -> f32 {
    sensor_width_mm / horizontal_photosites as f32
}

/// How likely the shot is to show moiré.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MoireRisk {
    None,
    Low,
    High,
}

impl MoireRisk {
    fn lower(self) -> Self {
        match self {
            MoireRisk::High => MoireRisk::Low,
            MoireRisk::Low | MoireRisk::None => MoireRisk::None,
        }
    }
}

/// The numbers behind a moiré verdict, and a short explanation for students.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MoireAssessment {
    /// One LED pitch as imaged on the sensor, in micrometres.
    pub led_image_size_um: f32,
    /// Sensor photosite pitch, in micrometres.
    pub photosite_um: f32,
    /// How many photosites one LED pitch covers.
    pub photosites_per_led: f32,
    /// Defocus blur circle for the wall alone, in micrometres.
    pub defocus_blur_um: f32,
    /// Total blur of a point on the wall (defocus, diffraction and sensor blur added in
    /// quadrature), in micrometres.
    pub blur_um: f32,
    pub risk: MoireRisk,
    pub explanation: String,
}

/// Inputs that do not describe a real shot.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum MoireInputError {
    /// A quantity that must be a positive number is not.
    NotPositive { field: &'static str, value: f32 },
    /// A distance is not beyond the focal length, so nothing there can be imaged.
    InsideFocalLength { field: &'static str, value_m: f32 },
}

impl fmt::Display for MoireInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoireInputError::NotPositive { field, value } => {
                write!(f, "{field} must be a positive number, got {value}")
            }
            MoireInputError::InsideFocalLength { field, value_m } => write!(
                f,
                "{field} ({value_m} m) must be longer than the lens's focal length"
            ),
        }
    }
}

impl std::error::Error for MoireInputError {}

fn positive(field: &'static str, value: f32) -> Result<(), MoireInputError> {
    if value.is_finite() && value > 0.0 {
        Ok(())
    } else {
        Err(MoireInputError::NotPositive { field, value })
    }
}

fn beyond_focal(field: &'static str, value_m: f32, focal_mm: f32) -> Result<(), MoireInputError> {
    if value_m * 1000.0 > focal_mm {
        Ok(())
    } else {
        Err(MoireInputError::InsideFocalLength { field, value_m })
    }
}

/// Judges the moiré risk of filming an LED wall of pitch `pitch_mm`, `wall_distance_m` away,
/// with a `focal_mm` lens at `f_number`, focused at `focus_distance_m`, on a sensor with
/// photosites `photosite_um` micrometres apart.
///
/// Rule: moiré needs a *sharp* LED grid (blur under one LED image) that the sensor *cannot
/// resolve* (fewer than [`BAYER_NYQUIST_PHOTOSITES`] photosites per LED): that is
/// [`MoireRisk::High`]. Between 4 and [`CLEAN_GRID_PHOTOSITES`] photosites per LED the gaps
/// between LEDs can still ripple faintly ([`MoireRisk::Low`]). A blur of one to two LED images
/// lowers the risk by one step; more blur than that removes it.
pub fn assess(
    pitch_mm: f32,
    focal_mm: f32,
    f_number: f32,
    wall_distance_m: f32,
    focus_distance_m: f32,
    photosite_um: f32,
) -> Result<MoireAssessment, MoireInputError> {
    positive("pixel pitch (mm)", pitch_mm)?;
    positive("focal length (mm)", focal_mm)?;
    positive("f-number", f_number)?;
    positive("wall distance (m)", wall_distance_m)?;
    positive("focus distance (m)", focus_distance_m)?;
    positive("photosite size (µm)", photosite_um)?;
    beyond_focal("wall distance", wall_distance_m, focal_mm)?;
    beyond_focal("focus distance", focus_distance_m, focal_mm)?;

    let led_image_um = 1000.0 * led_image_size_mm(pitch_mm, focal_mm, wall_distance_m);
    let defocus_um =
        1000.0 * defocus_blur_mm(focal_mm, f_number, focus_distance_m, wall_distance_m);
    let optics_um = 1000.0 * diffraction_blur_mm(f_number);
    let sensor_um = SENSOR_BLUR_PHOTOSITES * photosite_um;
    let camera_blur_um = optics_um.hypot(sensor_um);
    let blur_um = defocus_um.hypot(camera_blur_um);
    let photosites_per_led = led_image_um / photosite_um;
    let blur_ratio = blur_um / led_image_um;

    let sampled_risk = if photosites_per_led < BAYER_NYQUIST_PHOTOSITES {
        MoireRisk::High
    } else if photosites_per_led < CLEAN_GRID_PHOTOSITES {
        MoireRisk::Low
    } else {
        MoireRisk::None
    };
    let risk = if blur_ratio >= SMOOTHING_BLUR_RATIO {
        MoireRisk::None
    } else if blur_ratio >= SOFTENING_BLUR_RATIO {
        sampled_risk.lower()
    } else {
        sampled_risk
    };

    let explanation = explain(
        risk,
        photosites_per_led,
        led_image_um,
        blur_um,
        defocus_um >= camera_blur_um,
    );
    Ok(MoireAssessment {
        led_image_size_um: led_image_um,
        photosite_um,
        photosites_per_led,
        defocus_blur_um: defocus_um,
        blur_um,
        risk,
        explanation,
    })
}

/// Plain-language explanation of a verdict, for students.
fn explain(
    risk: MoireRisk,
    photosites_per_led: f32,
    led_image_um: f32,
    blur_um: f32,
    defocus_dominates: bool,
) -> String {
    let blur_ratio = blur_um / led_image_um;
    let sharp = blur_ratio < SOFTENING_BLUR_RATIO;
    match risk {
        MoireRisk::High => format!(
            "High moiré risk. The wall is in sharp focus and each LED lands on only \
             {photosites_per_led:.1} photosites of the sensor; a colour sensor needs about 4 to \
             record the LED grid cleanly. The two grids interfere and make rippling bands. Focus \
             on the actor instead of the wall, open the iris, or move the action further from \
             the wall."
        ),
        MoireRisk::Low if sharp => format!(
            "Some moiré risk. Each LED covers {photosites_per_led:.1} photosites, enough to \
             record the grid, but the wall is in sharp focus and the dark gaps between LEDs can \
             still ripple faintly. A little defocus on the wall removes it."
        ),
        MoireRisk::Low => format!(
            "Some moiré risk. Each LED lands on only {photosites_per_led:.1} photosites, but the \
             wall is slightly soft (blur {blur_um:.0} µm against {led_image_um:.0} µm per LED), \
             which weakens the interference. More defocus on the wall removes it."
        ),
        MoireRisk::None if blur_ratio >= SMOOTHING_BLUR_RATIO => {
            let cause = if defocus_dominates {
                "the wall is out of focus"
            } else {
                "the LEDs are finer than the camera can resolve"
            };
            format!(
                "No moiré. Because {cause}, a point on the wall blurs over {blur_um:.0} µm on the \
                 sensor, {blur_ratio:.1} times the LED spacing ({led_image_um:.1} µm), so the LED \
                 grid is smoothed away before the sensor samples it."
            )
        }
        MoireRisk::None if sharp => format!(
            "No moiré. Each LED covers {photosites_per_led:.0} photosites, so the sensor records \
             the LED grid cleanly. But with the wall this sharp the camera may show the \
             individual LEDs: keep the wall a little out of focus."
        ),
        MoireRisk::None => format!(
            "No moiré. Each LED covers {photosites_per_led:.1} photosites and the wall is slightly \
             soft, so the LED grid is recorded cleanly."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 4.6K Super 35: 24.89 mm / 4608 photosites.
    const PHOTOSITE_UM: f32 = 24.89 / 4608.0 * 1000.0;

    fn close(a: f32, b: f32, tolerance: f32) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn led_image_size_by_hand() {
        // 2.84 mm × 35 mm / (6000 − 35) mm = 0.0166639 mm.
        assert!(close(
            led_image_size_mm(2.84, 35.0, 6.0),
            0.016_663_9,
            1.0e-7
        ));
        // 3.9 mm × 85 mm / (6000 − 85) mm = 0.0560439 mm.
        assert!(close(
            led_image_size_mm(3.9, 85.0, 6.0),
            0.056_043_9,
            1.0e-7
        ));
    }

    #[test]
    fn defocus_blur_by_hand() {
        // Focus 2.5 m, wall 6 m, 35 mm T2.8: 1225 / (2.8 × 2465) × 3500 / 6000 = 0.103533 mm.
        assert!(close(
            defocus_blur_mm(35.0, 2.8, 2.5, 6.0),
            0.103_533,
            1.0e-6
        ));
        // Focus 6 m, wall 3 m: 1225 / (2.8 × 5965) × 3000 / 3000 = 0.0733445 mm.
        assert!(close(
            defocus_blur_mm(35.0, 2.8, 6.0, 3.0),
            0.073_344_5,
            1.0e-6
        ));
        // Focused on the wall: no defocus.
        assert_eq!(defocus_blur_mm(35.0, 2.8, 6.0, 6.0), 0.0);
    }

    #[test]
    fn photosite_and_diffraction_by_hand() {
        assert!(close(photosite_pitch_mm(24.89, 4608), 0.005_401_5, 1.0e-7));
        // 2.44 × 0.00055 mm × 2.8 = 0.0037576 mm.
        assert!(close(diffraction_blur_mm(2.8), 0.003_757_6, 1.0e-7));
    }

    #[test]
    fn focused_on_the_wall_gives_moire() {
        let a = assess(2.84, 35.0, 2.8, 6.0, 6.0, PHOTOSITE_UM).expect("valid");
        assert!(close(a.led_image_size_um, 16.664, 1.0e-3));
        assert!(close(a.photosites_per_led, 3.085, 1.0e-3));
        assert_eq!(a.defocus_blur_um, 0.0);
        assert!(a.blur_um < a.led_image_size_um);
        assert_eq!(a.risk, MoireRisk::High);
        assert!(
            a.explanation.contains("3.1 photosites"),
            "{}",
            a.explanation
        );
    }

    #[test]
    fn focused_on_the_actor_removes_it() {
        let a = assess(2.84, 35.0, 2.8, 6.0, 2.5, PHOTOSITE_UM).expect("valid");
        assert!(close(a.defocus_blur_um, 103.533, 1.0e-2));
        assert!(a.blur_um > 5.0 * a.led_image_size_um);
        assert_eq!(a.risk, MoireRisk::None);
        assert!(a.explanation.contains("out of focus"), "{}", a.explanation);
    }

    #[test]
    fn coarse_pitch_and_long_lens_resolve_the_grid() {
        let base = assess(2.84, 35.0, 2.8, 6.0, 6.0, PHOTOSITE_UM).expect("valid");
        let coarse = assess(3.9, 85.0, 2.8, 6.0, 6.0, PHOTOSITE_UM).expect("valid");
        let expected_ratio = (3.9 * 85.0 / 5915.0) / (2.84 * 35.0 / 5965.0);
        assert!(close(
            coarse.photosites_per_led / base.photosites_per_led,
            expected_ratio,
            1.0e-4
        ));
        assert!(close(coarse.photosites_per_led, 10.376, 1.0e-3));
        assert_eq!(coarse.risk, MoireRisk::None);
        assert!(coarse.explanation.contains("individual LEDs"));
        // Halfway: a 50 mm lens puts 4.4 photosites on each LED.
        let mid = assess(2.84, 50.0, 2.8, 6.0, 6.0, PHOTOSITE_UM).expect("valid");
        assert!(close(mid.photosites_per_led, 4.418, 1.0e-3));
        assert_eq!(mid.risk, MoireRisk::Low);
        // Photosites per LED grow with pitch and focal length and shrink with distance.
        let further = assess(2.84, 35.0, 2.8, 12.0, 12.0, PHOTOSITE_UM).expect("valid");
        assert!(further.photosites_per_led < base.photosites_per_led);
    }

    #[test]
    fn slight_defocus_lowers_the_risk_one_step() {
        // Focus just in front of the wall: blur between one and two LED images.
        let a = assess(2.84, 35.0, 2.8, 6.0, 4.5, PHOTOSITE_UM).expect("valid");
        let ratio = a.blur_um / a.led_image_size_um;
        assert!((1.0..2.0).contains(&ratio), "ratio {ratio}");
        assert_eq!(a.risk, MoireRisk::Low);
    }

    #[test]
    fn leds_finer_than_the_camera_wash_out() {
        // 1.5 mm pitch, 18 mm lens, 20 m away: 1.35 µm per LED, far below one photosite.
        let a = assess(1.5, 18.0, 2.8, 20.0, 20.0, PHOTOSITE_UM).expect("valid");
        assert!(a.photosites_per_led < 0.3);
        assert_eq!(a.risk, MoireRisk::None);
        assert!(a.explanation.contains("finer than the camera"));
    }

    #[test]
    fn nonsense_inputs_are_errors() {
        assert!(matches!(
            assess(0.0, 35.0, 2.8, 6.0, 6.0, 5.4),
            Err(MoireInputError::NotPositive { .. })
        ));
        assert!(assess(2.84, 35.0, f32::NAN, 6.0, 6.0, 5.4).is_err());
        assert!(assess(2.84, 35.0, 2.8, 6.0, 6.0, -1.0).is_err());
        assert!(matches!(
            assess(2.84, 35.0, 2.8, 0.02, 6.0, 5.4),
            Err(MoireInputError::InsideFocalLength { .. })
        ));
        let err = assess(2.84, 35.0, 2.8, 6.0, 0.03, 5.4).expect_err("focus inside f");
        assert!(err.to_string().contains("focal length"));
    }
}
