//! The content of the cloud lesson, as written in `assets/innovation.ron`: cameras, proxies,
//! sites, courier routes and links, with the checks RON cannot make and the loaders.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::units::{BitsPerSecond, BytesPerSecond, Seconds};
use super::{BUNDLED_CLOUD_RON, CLOUD_FILE};
use crate::stops::innovation::concept::{DirectorBrief, validate_briefs};
use crate::stops::innovation::studio_ai::model::AiCasesSpec;
use crate::stops::innovation::taste::model::TasteSpec;
use crate::tour::model::content::{ContentError, ContentFile, parse_and_check};

/// Everything Stop 5 needs, as written in `assets/innovation.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloudSpec {
    /// The cameras (and codecs) the player can choose; index 0 is the starting choice.
    pub cameras: Vec<CameraSpec>,
    /// The small viewing copies made on set when the plan asks for proxies.
    pub proxy: ProxySpec,
    /// The studio set (where footage starts) and the three collaborators.
    pub sites: Vec<Site>,
    /// Hours the camera records, as one block that ends at wrap.
    pub shoot_hours: f32,
    /// After wrap, every collaborator must have their footage within this many hours.
    pub deadline_hours: f32,
    /// The alternative to the network: shipping drives.
    pub courier: CourierSpec,
    /// Internet connections that can be booked, for the studio uplink and for each site;
    /// index 0 is the starting choice.
    pub links: Vec<LinkSpec>,
    /// The taste lab's moods (see `crate::stops::innovation::taste`).
    pub taste: TasteSpec,
    /// The "AI in the studio" cases (see `crate::stops::innovation::studio_ai`).
    pub ai_cases: AiCasesSpec,
    /// What the director asks of the concept trailer; one is picked per game, then in order.
    pub briefs: Vec<DirectorBrief>,
}

/// One camera and the codec it records, with the published data rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CameraSpec {
    pub name: String,
    pub codec: String,
    /// Megabits per second (10⁶ bits/s), the manufacturer's figure.
    pub data_rate_mbps: f64,
    /// Where the number comes from: document title, publisher and address, as text.
    pub source: String,
}

/// The proxy format: a small, lighter copy of every take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProxySpec {
    pub codec: String,
    /// Megabits per second (10⁶ bits/s).
    pub data_rate_mbps: f64,
    /// Where the number comes from: document title, publisher and address, as text.
    pub source: String,
}

/// Who works at a site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// The set where the camera shoots: where all footage starts.
    Studio,
    Director,
    Editor,
    VfxArtist,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Studio => "Studio set",
            Role::Director => "Director",
            Role::Editor => "Editor",
            Role::VfxArtist => "VFX artist",
        }
    }
}

/// Which copy of the footage someone works from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Resolution {
    /// The camera original, every pixel.
    #[default]
    Full,
    /// A small copy: enough to watch and to edit, not to build visual effects on.
    Proxy,
}

impl Resolution {
    pub fn label(self) -> &'static str {
        match self {
            Resolution::Full => "full resolution",
            Resolution::Proxy => "proxies",
        }
    }
}

/// A place on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Short identifier used by courier routes ("london").
    pub id: String,
    /// City name shown on the map.
    pub city: String,
    pub role: Role,
    /// What this person does with the footage, in a sentence.
    #[serde(default)]
    pub task: String,
    /// Which copy is enough for their work (ignored for the studio).
    #[serde(default)]
    pub needs: Resolution,
    /// Degrees east (negative = west).
    pub lon_deg: f64,
    /// Degrees north (negative = south).
    pub lat_deg: f64,
    /// How fast a shipped drive can be copied in here, megabytes per second (10⁶ bytes/s).
    #[serde(default)]
    pub ingest_megabytes_per_second: f64,
}

impl Site {
    pub fn is_studio(&self) -> bool {
        self.role == Role::Studio
    }

    /// Position on a simple world map (equirectangular): `x` from 0 at 180° W to 1 at 180° E,
    /// `y` from 0 at the North Pole to 1 at the South Pole, so it matches image coordinates.
    pub fn map_xy(&self) -> [f32; 2] {
        let x = (self.lon_deg + 180.0) / 360.0;
        let y = (90.0 - self.lat_deg) / 180.0;
        [x.clamp(0.0, 1.0) as f32, y.clamp(0.0, 1.0) as f32]
    }

    /// Drive copying speed as a typed rate.
    pub fn ingest_rate(&self) -> BytesPerSecond {
        BytesPerSecond::megabytes_per_second(self.ingest_megabytes_per_second)
    }
}

/// Shipping drives by courier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourierSpec {
    /// Hours from wrap until the crew can start copying (packing up, labelling).
    pub handover_hours: f32,
    /// How fast the studio writes the shuttle drives, megabytes per second (10⁶ bytes/s);
    /// all drives are written at the same time.
    pub copy_megabytes_per_second: f64,
    /// Door-to-door time to each collaborator.
    pub routes: Vec<CourierRoute>,
}

/// Door-to-door courier time to one site.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourierRoute {
    /// A [`Site::id`].
    pub to: String,
    pub hours_door_to_door: f32,
}

/// An internet connection that can be booked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkSpec {
    pub name: String,
    /// Megabits per second (10⁶ bits/s), in each direction.
    pub rate_mbps: f64,
}

impl LinkSpec {
    pub fn rate(&self) -> BitsPerSecond {
        BitsPerSecond::mbps(self.rate_mbps)
    }
}

impl CameraSpec {
    pub fn rate(&self) -> BitsPerSecond {
        BitsPerSecond::mbps(self.data_rate_mbps)
    }
}

impl ProxySpec {
    pub fn rate(&self) -> BitsPerSecond {
        BitsPerSecond::mbps(self.data_rate_mbps)
    }
}

impl CloudSpec {
    /// Index of the studio site (validation guarantees exactly one).
    pub fn studio(&self) -> Option<usize> {
        self.sites.iter().position(Site::is_studio)
    }

    /// The collaborators' sites with their indices, in file order.
    pub fn collaborators(&self) -> impl Iterator<Item = (usize, &Site)> {
        self.sites
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.is_studio())
    }

    /// Courier door-to-door time to a site, if a route is listed.
    pub fn courier_time(&self, site: usize) -> Option<Seconds> {
        let id = &self.sites.get(site)?.id;
        self.courier
            .routes
            .iter()
            .find(|r| &r.to == id)
            .map(|r| Seconds::hours(f64::from(r.hours_door_to_door)))
    }

    pub fn shoot_time(&self) -> Seconds {
        Seconds::hours(f64::from(self.shoot_hours))
    }

    pub fn deadline(&self) -> Seconds {
        Seconds::hours(f64::from(self.deadline_hours))
    }

    /// Everything RON cannot check: positive finite numbers, four sites with exactly one
    /// studio, a courier route to each collaborator, a cited source for every data rate, and
    /// director's briefs with something to catch.
    /// Empty when the spec is usable.
    pub fn validate(&self) -> Vec<String> {
        let mut errors = Vec::new();
        self.validate_numbers(&mut errors);
        self.validate_texts(&mut errors);
        self.validate_sites(&mut errors);
        self.validate_routes(&mut errors);
        self.taste.validate(&mut errors);
        self.ai_cases.validate(&mut errors);
        validate_briefs(&self.briefs, &mut errors);
        errors
    }

    /// Every rate, duration and drive speed must be a positive finite number (the handover
    /// may be zero).
    fn validate_numbers(&self, errors: &mut Vec<String>) {
        let mut positive = |what: String, v: f64| {
            if !(v.is_finite() && v > 0.0) {
                errors.push(format!("{what} must be a positive number, got {v}"));
            }
        };
        positive("shoot_hours".into(), f64::from(self.shoot_hours));
        positive("deadline_hours".into(), f64::from(self.deadline_hours));
        for (i, c) in self.cameras.iter().enumerate() {
            positive(format!("cameras[{i}].data_rate_mbps"), c.data_rate_mbps);
        }
        positive("proxy.data_rate_mbps".into(), self.proxy.data_rate_mbps);
        positive(
            "courier.copy_megabytes_per_second".into(),
            self.courier.copy_megabytes_per_second,
        );
        for (i, r) in self.courier.routes.iter().enumerate() {
            positive(
                format!("courier.routes[{i}].hours_door_to_door"),
                f64::from(r.hours_door_to_door),
            );
        }
        for (i, l) in self.links.iter().enumerate() {
            positive(format!("links[{i}].rate_mbps"), l.rate_mbps);
        }
        for (i, s) in self.sites.iter().enumerate() {
            if !s.is_studio() {
                positive(
                    format!("sites[{i}].ingest_megabytes_per_second"),
                    s.ingest_megabytes_per_second,
                );
            }
        }
        let handover = f64::from(self.courier.handover_hours);
        if !(handover.is_finite() && handover >= 0.0) {
            errors.push(format!(
                "courier.handover_hours must be zero or more, got {handover}"
            ));
        }
    }

    /// Names, codecs and sources must be written; there must be a camera and a link, and every
    /// camera must record more than the proxies.
    fn validate_texts(&self, errors: &mut Vec<String>) {
        if self.cameras.is_empty() {
            errors.push("cameras: list at least one camera".into());
        }
        for (i, c) in self.cameras.iter().enumerate() {
            for (field, text) in [
                ("name", &c.name),
                ("codec", &c.codec),
                ("source", &c.source),
            ] {
                if text.trim().is_empty() {
                    errors.push(format!("cameras[{i}].{field} must not be empty"));
                }
            }
            if c.data_rate_mbps <= self.proxy.data_rate_mbps {
                errors.push(format!(
                    "cameras[{i}] ({}) records no more than the proxies do: proxies must be smaller",
                    c.name
                ));
            }
        }
        for (field, text) in [
            ("proxy.codec", &self.proxy.codec),
            ("proxy.source", &self.proxy.source),
        ] {
            if text.trim().is_empty() {
                errors.push(format!("{field} must not be empty"));
            }
        }
        if self.links.is_empty() {
            errors.push("links: list at least one connection".into());
        }
        for (i, l) in self.links.iter().enumerate() {
            if l.name.trim().is_empty() {
                errors.push(format!("links[{i}].name must not be empty"));
            }
        }
    }

    /// Four sites, exactly one studio, unique ids, coordinates on the globe and a courier
    /// route to every collaborator.
    fn validate_sites(&self, errors: &mut Vec<String>) {
        if self.sites.len() != 4 {
            errors.push(format!(
                "sites: expected 4 (the studio and three collaborators), got {}",
                self.sites.len()
            ));
        }
        let studios = self.sites.iter().filter(|s| s.is_studio()).count();
        if studios != 1 {
            errors.push(format!(
                "sites: exactly one must have role Studio, found {studios}"
            ));
        }
        for (i, s) in self.sites.iter().enumerate() {
            if s.id.trim().is_empty() || s.city.trim().is_empty() {
                errors.push(format!("sites[{i}]: id and city must not be empty"));
            }
            if self.sites[..i].iter().any(|other| other.id == s.id) {
                errors.push(format!("sites[{i}]: id '{}' is used twice", s.id));
            }
            if !(s.lon_deg.is_finite() && (-180.0..=180.0).contains(&s.lon_deg)) {
                errors.push(format!(
                    "sites[{i}].lon_deg must be between -180 and 180, got {}",
                    s.lon_deg
                ));
            }
            if !(s.lat_deg.is_finite() && (-90.0..=90.0).contains(&s.lat_deg)) {
                errors.push(format!(
                    "sites[{i}].lat_deg must be between -90 and 90, got {}",
                    s.lat_deg
                ));
            }
            if !s.is_studio() && self.courier_time(i).is_none() {
                errors.push(format!(
                    "courier.routes: no route to '{}' ({})",
                    s.id, s.city
                ));
            }
        }
    }

    /// Every courier route leads to a known collaborator, not to the studio.
    fn validate_routes(&self, errors: &mut Vec<String>) {
        for (i, r) in self.courier.routes.iter().enumerate() {
            match self.sites.iter().find(|s| s.id == r.to) {
                None => errors.push(format!("courier.routes[{i}]: unknown site '{}'", r.to)),
                Some(s) if s.is_studio() => errors.push(format!(
                    "courier.routes[{i}]: '{}' is the studio itself",
                    r.to
                )),
                Some(_) => {}
            }
        }
    }
}

/// Parses the RON text of a cloud spec (without validating it). Syntax and shape errors name
/// the line and column: "line 12, column 5: ...".
pub fn parse_cloud(text: &str) -> Result<CloudSpec, String> {
    ron::from_str(text).map_err(|e: ron::error::SpannedError| {
        format!(
            "line {}, column {}: {}",
            e.span.start.line, e.span.start.col, e.code
        )
    })
}

/// Parses and validates; every validation problem is listed, one per line.
pub fn load_cloud(text: &str) -> Result<CloudSpec, String> {
    let spec = parse_cloud(text)?;
    let errors = spec.validate();
    if errors.is_empty() {
        Ok(spec)
    } else {
        Err(errors.join("\n"))
    }
}

/// The spec compiled into the game (tests guarantee it loads).
pub fn bundled_cloud() -> Result<CloudSpec, String> {
    load_cloud(BUNDLED_CLOUD_RON)
}

/// `assets/innovation.ron`, loaded the way every content file is (see `ContentFile`).
impl ContentFile for CloudSpec {
    const FILE: &'static str = CLOUD_FILE;
    const BUNDLED: &'static str = BUNDLED_CLOUD_RON;

    fn parse(text: &str, file: &Path) -> Result<Self, Vec<ContentError>> {
        parse_and_check(text, file, CloudSpec::validate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::innovation::cloud::test_support::{bundled, site_index, toy};
    use crate::stops::innovation::cloud::{Plan, simulate};

    #[test]
    fn map_positions() {
        let mut s = toy().sites[0].clone();
        s.lon_deg = -180.0;
        s.lat_deg = 90.0;
        assert_eq!(s.map_xy(), [0.0, 0.0]);
        s.lon_deg = 0.0;
        s.lat_deg = 0.0;
        assert_eq!(s.map_xy(), [0.5, 0.5]);
        // London is north of Los Angeles (smaller y) and east of it (larger x).
        let spec = bundled();
        let london = spec.sites[site_index(&spec, "london")].map_xy();
        let la = spec.sites[site_index(&spec, "los-angeles")].map_xy();
        assert!(london[0] > la[0] && london[1] < la[1]);
    }

    #[test]
    fn bundled_spec_parses_and_validates() {
        let spec = match parse_cloud(BUNDLED_CLOUD_RON) {
            Ok(spec) => spec,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(spec.validate(), Vec::<String>::new());
        assert_eq!(spec.sites.len(), 4);
        assert_eq!(spec.sites.iter().filter(|s| s.is_studio()).count(), 1);
        for c in &spec.cameras {
            assert!(c.source.len() > 40, "{} needs a real citation", c.name);
            assert!(c.data_rate_mbps > spec.proxy.data_rate_mbps);
        }
        // The VFX artist needs every pixel; the director and editor manage with proxies.
        for s in &spec.sites {
            match s.role {
                Role::VfxArtist => assert_eq!(s.needs, Resolution::Full),
                Role::Director | Role::Editor => assert_eq!(s.needs, Resolution::Proxy),
                Role::Studio => {}
            }
        }
    }

    #[test]
    fn malformed_ron_names_line_and_column() {
        let broken = BUNDLED_CLOUD_RON.replacen("shoot_hours:", "shoot_hours: banana, x:", 1);
        let line = BUNDLED_CLOUD_RON
            .lines()
            .position(|l| l.trim_start().starts_with("shoot_hours:"))
            .map(|i| i + 1)
            .unwrap_or(0);
        let err = parse_cloud(&broken).expect_err("rejected");
        assert!(err.starts_with(&format!("line {line}, column")), "{err}");
        let unknown = BUNDLED_CLOUD_RON.replacen("shoot_hours:", "shooting_hours:", 1);
        let err = parse_cloud(&unknown).expect_err("unknown field");
        assert!(err.starts_with(&format!("line {line}, column")), "{err}");
        assert!(load_cloud("(cameras: [])").is_err());
    }

    #[test]
    fn validation_catches_bad_values() {
        type Edit = Box<dyn Fn(&mut CloudSpec)>;
        fn case(
            edit: impl Fn(&mut CloudSpec) + 'static,
            expected: &'static str,
        ) -> (Edit, &'static str) {
            (Box::new(edit), expected)
        }
        let cases: Vec<(Edit, &str)> = vec![
            case(
                |s| s.cameras[0].data_rate_mbps = -5.0,
                "cameras[0].data_rate_mbps",
            ),
            case(
                |s| s.proxy.data_rate_mbps = f64::NAN,
                "proxy.data_rate_mbps",
            ),
            case(|s| s.shoot_hours = f32::INFINITY, "shoot_hours"),
            case(|s| s.deadline_hours = 0.0, "deadline_hours"),
            case(|s| s.links[1].rate_mbps = 0.0, "links[1].rate_mbps"),
            case(|s| s.cameras[0].source = "  ".into(), "cameras[0].source"),
            case(|s| s.sites[1].role = Role::Studio, "exactly one"),
            case(
                |s| {
                    s.sites.pop();
                },
                "expected 4",
            ),
            case(
                |s| s.courier.routes[0].to = "mars".into(),
                "unknown site 'mars'",
            ),
            case(|s| s.sites[2].lat_deg = 95.0, "sites[2].lat_deg"),
            case(|s| s.sites[3].ingest_megabytes_per_second = 0.0, "ingest"),
            case(
                |s| s.proxy.data_rate_mbps = 900.0,
                "proxies must be smaller",
            ),
            case(|s| s.briefs.clear(), "briefs: list at least one"),
        ];
        for (edit, expected) in cases {
            let mut spec = toy();
            assert!(spec.validate().is_empty());
            edit(&mut spec);
            let errors = spec.validate();
            assert!(
                errors.iter().any(|e| e.contains(expected)),
                "{expected}: {errors:?}"
            );
            assert!(simulate(&spec, &Plan::default_for(&spec)).is_err());
        }
    }
}
