//! Time of day and weather: how the description's noon, clear-sky look becomes the
//! [`Environment`] a renderer lights the scene with.

use glam::Vec3;
use serde::{Deserialize, Serialize};

use super::built::{BuiltScene, build};
use super::description::SceneDescription;
use super::helpers::{color_words, grey, luminance, mix, mul, normalized, scale, wrap_degrees};
use super::{DUST, MOON_BLUE, Rgb, SNOW_WHITE, SceneError};

/// Time of day, one click in the director's panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeOfDay {
    Dawn,
    #[default]
    Noon,
    Dusk,
    Night,
}

impl TimeOfDay {
    pub const ALL: [TimeOfDay; 4] = [
        TimeOfDay::Dawn,
        TimeOfDay::Noon,
        TimeOfDay::Dusk,
        TimeOfDay::Night,
    ];

    /// Button label.
    pub fn label(self) -> &'static str {
        match self {
            TimeOfDay::Dawn => "Dawn",
            TimeOfDay::Noon => "Noon",
            TimeOfDay::Dusk => "Dusk",
            TimeOfDay::Night => "Night",
        }
    }

    /// The next one, wrapping (for a single cycling button).
    pub fn next(self) -> Self {
        match self {
            TimeOfDay::Dawn => TimeOfDay::Noon,
            TimeOfDay::Noon => TimeOfDay::Dusk,
            TimeOfDay::Dusk => TimeOfDay::Night,
            TimeOfDay::Night => TimeOfDay::Dawn,
        }
    }
}

/// Weather, one click in the director's panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Weather {
    #[default]
    Clear,
    Overcast,
    Haze,
    Snow,
    DustStorm,
}

impl Weather {
    pub const ALL: [Weather; 5] = [
        Weather::Clear,
        Weather::Overcast,
        Weather::Haze,
        Weather::Snow,
        Weather::DustStorm,
    ];

    /// Button label.
    pub fn label(self) -> &'static str {
        match self {
            Weather::Clear => "Clear",
            Weather::Overcast => "Overcast",
            Weather::Haze => "Haze",
            Weather::Snow => "Snow",
            Weather::DustStorm => "Dust storm",
        }
    }

    /// The next one, wrapping.
    pub fn next(self) -> Self {
        match self {
            Weather::Clear => Weather::Overcast,
            Weather::Overcast => Weather::Haze,
            Weather::Haze => Weather::Snow,
            Weather::Snow => Weather::DustStorm,
            Weather::DustStorm => Weather::Clear,
        }
    }
}

/// Falling or blowing particles a renderer may draw (or ignore).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Particles {
    pub weather: Weather,
    pub color: Rgb,
    /// Particles per cubic metre.
    pub per_cubic_m: f32,
    /// Velocity in metres per second (stage coordinates).
    pub velocity_m_s: Vec3,
}

/// The final lighting of a scene under chosen conditions: everything a renderer needs besides
/// the primitives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Environment {
    pub time: TimeOfDay,
    pub weather: Weather,
    /// Elevation of the key light (the sun, or the moon at night), degrees above the horizon.
    pub sun_elevation_deg: f32,
    /// Azimuth of the key light, degrees from −Z towards +X.
    pub sun_azimuth_deg: f32,
    /// Unit vector of the direction the light *travels*: from the sun down into the scene, so
    /// `y < 0`. For a Bevy `DirectionalLight` (which shines along its forward, −Z):
    /// `Transform::default().looking_to(sun_direction, Vec3::Y)`. See [`Self::to_sun`].
    pub sun_direction: Vec3,
    pub sun_color: Rgb,
    pub sun_illuminance_lux: f32,
    pub sky_zenith: Rgb,
    pub sky_horizon: Rgb,
    pub ambient_color: Rgb,
    pub ambient_brightness: f32,
    pub fog_color: Rgb,
    pub fog_start_m: f32,
    pub fog_end_m: f32,
    /// Multiplier already applied to windows, beacons and crystals by [`build`].
    pub emissive_scale: f32,
    /// Multiplier already applied to the glow of moons and planets by [`build`].
    pub sky_glow: f32,
    /// How much snow whitens the ground (0–1); applied by [`build`].
    pub snow_cover: f32,
    pub particles: Option<Particles>,
}

impl Environment {
    /// Unit vector from the scene towards the sun (`y > 0`): `−sun_direction`.
    pub fn to_sun(&self) -> Vec3 {
        -self.sun_direction
    }

    /// A short line for the UI, e.g. "Dusk, haze: the sun is 4° above the horizon, warm
    /// orange; fog from 20 m to 300 m."
    pub fn describe(&self) -> String {
        let body = if self.time == TimeOfDay::Night {
            "the moon"
        } else {
            "the sun"
        };
        let mut text = format!(
            "{}, {}: {body} is {:.0}° above the horizon, {}",
            self.time.label(),
            self.weather.label().to_lowercase(),
            self.sun_elevation_deg,
            color_words(self.sun_color),
        );
        match self.weather {
            Weather::Overcast => text.push_str(", behind thick cloud"),
            Weather::Snow => text.push_str(", snow falling"),
            Weather::DustStorm => text.push_str(", dust blowing"),
            Weather::Clear | Weather::Haze => {}
        }
        text.push_str(&format!(
            "; fog from {:.0} m to {:.0} m.",
            self.fog_start_m, self.fog_end_m
        ));
        text
    }
}

/// Unit vector from the scene towards a point in the sky at `elevation_deg` above the horizon
/// and `azimuth_deg` from −Z towards +X.
pub fn sky_direction(elevation_deg: f32, azimuth_deg: f32) -> Vec3 {
    let (e, a) = (elevation_deg.to_radians(), azimuth_deg.to_radians());
    Vec3::new(e.cos() * a.sin(), e.sin(), -e.cos() * a.cos())
}

/// How a time of day changes the noon look.
struct TimeLook {
    elevation_deg: f32,
    azimuth_deg: f32,
    sun_color: Rgb,
    sun_scale: f32,
    /// (tint, how much of it, brightness) for the zenith and the horizon.
    zenith: (Rgb, f32, f32),
    horizon: (Rgb, f32, f32),
    ambient_scale: f32,
    emissive_scale: f32,
    sky_glow: f32,
}

impl TimeLook {
    /// The look for `time`, from the noon sun's elevation, azimuth and colour.
    fn new(time: TimeOfDay, noon_el: f32, az: f32, sun: Rgb) -> Self {
        match time {
            TimeOfDay::Dawn => TimeLook {
                elevation_deg: noon_el.min(7.0),
                azimuth_deg: az - 75.0,
                sun_color: normalized(mul(sun, [1.0, 0.72, 0.55])),
                sun_scale: 0.3,
                zenith: ([0.42, 0.45, 0.72], 0.35, 0.6),
                horizon: ([1.0, 0.66, 0.55], 0.55, 0.85),
                ambient_scale: 0.5,
                emissive_scale: 1.5,
                sky_glow: 0.9,
            },
            TimeOfDay::Noon => TimeLook {
                elevation_deg: noon_el,
                azimuth_deg: az,
                sun_color: sun,
                sun_scale: 1.0,
                zenith: ([0.0; 3], 0.0, 1.0),
                horizon: ([0.0; 3], 0.0, 1.0),
                ambient_scale: 1.0,
                emissive_scale: 1.0,
                sky_glow: 0.6,
            },
            TimeOfDay::Dusk => TimeLook {
                elevation_deg: noon_el.min(4.0),
                azimuth_deg: az + 75.0,
                sun_color: normalized(mul(sun, [1.0, 0.6, 0.32])),
                sun_scale: 0.22,
                zenith: ([0.34, 0.26, 0.5], 0.45, 0.45),
                horizon: ([1.0, 0.48, 0.22], 0.6, 0.75),
                ambient_scale: 0.4,
                emissive_scale: 2.5,
                sky_glow: 1.0,
            },
            TimeOfDay::Night => TimeLook {
                elevation_deg: noon_el.min(35.0),
                azimuth_deg: az + 180.0,
                sun_color: normalized(mix(sun, MOON_BLUE, 0.85)),
                sun_scale: 0.03,
                zenith: ([0.01, 0.015, 0.045], 0.93, 1.0),
                horizon: ([0.03, 0.04, 0.08], 0.9, 1.0),
                ambient_scale: 0.12,
                emissive_scale: 5.0,
                sky_glow: 1.4,
            },
        }
    }
}

impl SceneDescription {
    /// The final lighting for a time of day and weather. Starts from the description's noon,
    /// clear-sky values:
    ///
    /// * Dawn: the sun 7° up, 75° left of its noon azimuth, pink-gold, 30 % as bright.
    /// * Noon: the description as written.
    /// * Dusk: the sun 4° up, 75° right of noon, orange, 22 % as bright; windows glow more.
    /// * Night: a blue moonlight 35° up opposite the noon sun, 3 % as bright; a dark sky and
    ///   windows, beacons and crystals glowing five times as bright.
    ///
    /// Weather then acts on that: overcast dims and greys the sun and brings the fog nearer,
    /// haze brings it much nearer and tints it, snow and dust storms shorten it most and add
    /// [`Particles`] (snow also whitens the ground).
    pub fn apply_conditions(&self, time: TimeOfDay, weather: Weather) -> Environment {
        let mut env = self.clear_sky(time);
        env.weather = weather;
        weather_acts_on(&mut env);
        env.fog_end_m = env.fog_end_m.max(env.fog_start_m + 1.0);
        env
    }

    /// The lighting at `time` under a clear sky.
    fn clear_sky(&self, time: TimeOfDay) -> Environment {
        let look = TimeLook::new(
            time,
            self.sun.elevation_deg,
            self.sun.azimuth_deg,
            self.sun.color,
        );
        let tinted = |c: Rgb, (tint, amount, k): (Rgb, f32, f32)| scale(mix(c, tint, amount), k);
        let zenith = tinted(self.sky.zenith, look.zenith);
        let horizon = tinted(self.sky.horizon, look.horizon);
        let horizon_ratio = luminance(horizon) / luminance(self.sky.horizon).max(f32::MIN_POSITIVE);
        let ambient_color = if time == TimeOfDay::Noon {
            self.ambient.color
        } else {
            normalized(mix(self.ambient.color, zenith, 0.5))
        };
        let fog_color = if time == TimeOfDay::Noon {
            self.fog.color
        } else {
            mix(scale(self.fog.color, horizon_ratio.min(1.0)), horizon, 0.5)
        };
        let to_sun = sky_direction(look.elevation_deg, look.azimuth_deg);
        Environment {
            time,
            weather: Weather::Clear,
            sun_elevation_deg: look.elevation_deg,
            sun_azimuth_deg: wrap_degrees(look.azimuth_deg),
            sun_direction: -to_sun,
            sun_color: look.sun_color,
            sun_illuminance_lux: self.sun.illuminance_lux * look.sun_scale,
            sky_zenith: zenith,
            sky_horizon: horizon,
            ambient_color,
            ambient_brightness: self.ambient.brightness * look.ambient_scale,
            fog_color,
            fog_start_m: self.fog.start_m,
            fog_end_m: self.fog.end_m,
            emissive_scale: look.emissive_scale,
            sky_glow: look.sky_glow,
            snow_cover: 0.0,
            particles: None,
        }
    }

    /// The lighting the scene opens with (its own `time` and `weather`).
    pub fn default_environment(&self) -> Environment {
        self.apply_conditions(self.time, self.weather)
    }

    /// Validates, lights and builds the scene under the given conditions.
    pub fn build_with(&self, time: TimeOfDay, weather: Weather) -> Result<BuiltScene, SceneError> {
        build(self, &self.apply_conditions(time, weather))
    }
}

/// Lets `env.weather` act on a clear-sky environment: dimmer, greyer or tinted light, nearer
/// fog, and falling snow or blowing dust.
fn weather_acts_on(env: &mut Environment) {
    let sky_lum = luminance(env.sky_horizon);
    let weather = env.weather;
    match weather {
        Weather::Clear => {}
        Weather::Overcast => {
            env.sun_illuminance_lux *= 0.25;
            env.sun_color = mix(env.sun_color, grey(1.0), 0.7);
            env.sky_zenith = mix(env.sky_zenith, grey(sky_lum * 0.85), 0.75);
            env.sky_horizon = mix(env.sky_horizon, grey(sky_lum), 0.6);
            env.ambient_brightness *= 1.3;
            env.ambient_color = mix(env.ambient_color, grey(1.0), 0.5);
            env.fog_color = mix(env.fog_color, grey(luminance(env.fog_color)), 0.6);
            env.fog_start_m *= 0.5;
            env.fog_end_m *= 0.6;
            env.sky_glow *= 0.2;
        }
        Weather::Haze => {
            env.sun_illuminance_lux *= 0.6;
            let haze = mix(env.sky_horizon, scale(env.sun_color, sky_lum), 0.3);
            env.fog_color = mix(env.fog_color, haze, 0.5);
            env.sky_horizon = mix(env.sky_horizon, env.fog_color, 0.5);
            env.fog_start_m *= 0.25;
            env.fog_end_m *= 0.4;
            env.sky_glow *= 0.6;
        }
        Weather::Snow => {
            env.sun_illuminance_lux *= 0.2;
            env.sun_color = mix(env.sun_color, grey(1.0), 0.8);
            let white = scale([0.95, 0.97, 1.0], sky_lum.max(0.02));
            env.sky_zenith = mix(env.sky_zenith, scale(white, 0.9), 0.8);
            env.sky_horizon = mix(env.sky_horizon, white, 0.8);
            env.fog_color = mix(env.fog_color, white, 0.8);
            env.ambient_brightness *= 1.2;
            env.ambient_color = mix(env.ambient_color, grey(1.0), 0.6);
            env.fog_start_m *= 0.1;
            env.fog_end_m *= 0.2;
            env.sky_glow = 0.0;
            env.snow_cover = 0.85;
            env.particles = Some(Particles {
                weather,
                color: SNOW_WHITE,
                per_cubic_m: 40.0,
                velocity_m_s: Vec3::new(0.6, -1.2, 0.0),
            });
        }
        Weather::DustStorm => {
            env.sun_illuminance_lux *= 0.15;
            env.sun_color = normalized(mul(env.sun_color, [1.0, 0.62, 0.38]));
            let dust = scale(DUST, (sky_lum / luminance(DUST)).min(1.2));
            env.sky_zenith = mix(env.sky_zenith, scale(dust, 0.8), 0.85);
            env.sky_horizon = mix(env.sky_horizon, dust, 0.9);
            env.fog_color = mix(env.fog_color, dust, 0.9);
            env.ambient_color = mix(env.ambient_color, normalized(DUST), 0.6);
            env.fog_start_m *= 0.05;
            env.fog_end_m *= 0.12;
            env.sky_glow = 0.0;
            env.particles = Some(Particles {
                weather,
                color: DUST,
                per_cubic_m: 120.0,
                velocity_m_s: Vec3::new(9.0, -0.3, 1.5),
            });
        }
    }
}
