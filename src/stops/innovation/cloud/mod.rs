//! Stop 5, "Innovation": the Studio in the Cloud.
//!
//! Plain Rust, no Bevy. Cameras send footage to the studio's secure servers as it is shot, so a
//! director in Los Angeles, an editor in New York and a VFX artist in London can work on the
//! same day's footage at once. The player plans how the footage travels ([`Plan`]) and
//! [`simulate`] works out, deterministically, when each collaborator can start work.
//!
//! # Units
//!
//! The lesson's hardest idea is that network speeds are quoted in *bits* per second while files
//! are measured in *bytes*, and 8 bits make 1 byte. Mixing them up makes every answer 8 times
//! wrong, so each quantity has its own type ([`Bytes`], [`Bits`], [`BitsPerSecond`],
//! [`BytesPerSecond`], [`Seconds`]) and every conversion is a named method. Prefixes are
//! decimal SI, as network and drive makers use them: 1 KB = 1 000 bytes, 1 MB = 10⁶ bytes,
//! 1 GB = 10⁹ bytes, 1 TB = 10¹² bytes (not 1 024-based).
//!
//! # The model
//!
//! Kept simple on purpose, so a student can redo the maths on paper:
//!
//! * The camera records at a constant data rate for `shoot_hours`, one block ending at *wrap*.
//!   Footage = rate × time. Proxies (small copies for viewing and editing) are made on set as
//!   the camera records, at their own constant rate.
//! * Every collaborator downloads from the studio's servers through the studio's internet
//!   *uplink*. **Network traffic is the number of users accessing the data at one time**: the
//!   uplink is shared by all transfers running at that moment, divided equally between them
//!   (a transfer that cannot use its whole share, because its own link is slower or it has
//!   caught up with the camera, leaves the rest to the others). Each site's own downlink
//!   carries only its own transfer.
//! * Uploading while shooting starts every transfer when the camera starts rolling; a transfer
//!   can never get ahead of the camera, so if its share is slower than the camera the backlog
//!   grows until wrap. Without it, transfers start at wrap.
//! * Shipping drives instead: after wrap the crew hands over, copies the footage to one
//!   shuttle drive per site (all written at once), a courier carries them door to door, and
//!   each site copies its drive in at its own drive speed.
//! * Everything is exact arithmetic on `f64`; rounding happens only when numbers are shown.

use serde::{Deserialize, Serialize};

/// The bundled content file, compiled in so the stop always has a working spec.
pub const CLOUD_FILE: &str = "innovation.ron";

pub const BUNDLED_CLOUD_RON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/innovation.ron"
));

/// Seconds in an hour, for the `*_hours` fields of the content file.
const HOUR_S: f64 = 3600.0;

/// Most events one simulation may step through before it gives up. Each event is a transfer
/// finishing, catching up with the camera, or wrap, so a handful of sites needs only a few.
const MAX_EVENTS: usize = 10_000;

/// Slack in the deadline check, so the last bit of floating-point rounding never turns an
/// on-time delivery into a late one.
const DEADLINE_SLACK_S: f64 = 1.0e-3;

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

/// A size in bytes. Whole bytes: nothing stores half a byte.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bytes(pub u64);

/// A size in bits (8 bits = 1 byte). Network maths happens in bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bits(pub u64);

/// A data rate in bits per second: how networks and camera codecs are quoted ("10 Gbps").
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct BitsPerSecond(pub f64);

/// A data rate in bytes per second: how drives and card readers are quoted ("1000 MB/s").
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct BytesPerSecond(pub f64);

/// A duration (or a moment on the day's timeline) in seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Seconds(pub f64);

/// Rounds a non-negative amount to whole units; NaN and negatives become 0, huge values
/// saturate (Rust's float-to-integer cast saturates).
fn whole(x: f64) -> u64 {
    if x.is_finite() && x > 0.0 {
        x.round() as u64
    } else if x == f64::INFINITY {
        u64::MAX
    } else {
        0
    }
}

impl Bytes {
    /// 1 kilobyte = 1 000 bytes (decimal SI).
    pub const KB: Bytes = Bytes(1_000);
    /// 1 megabyte = 10⁶ bytes.
    pub const MB: Bytes = Bytes(1_000_000);
    /// 1 gigabyte = 10⁹ bytes.
    pub const GB: Bytes = Bytes(1_000_000_000);
    /// 1 terabyte = 10¹² bytes.
    pub const TB: Bytes = Bytes(1_000_000_000_000);

    /// `n` kilobytes (10³ bytes each), rounded to whole bytes.
    pub fn kb(n: f64) -> Bytes {
        Bytes(whole(n * 1.0e3))
    }

    /// `n` megabytes (10⁶ bytes each).
    pub fn mb(n: f64) -> Bytes {
        Bytes(whole(n * 1.0e6))
    }

    /// `n` gigabytes (10⁹ bytes each).
    pub fn gb(n: f64) -> Bytes {
        Bytes(whole(n * 1.0e9))
    }

    /// `n` terabytes (10¹² bytes each).
    pub fn tb(n: f64) -> Bytes {
        Bytes(whole(n * 1.0e12))
    }

    /// The same size in bits: × 8. Saturates rather than wrapping past 2 exabytes.
    pub fn to_bits(self) -> Bits {
        Bits(self.0.saturating_mul(8))
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64
    }

    /// Three significant figures and a decimal unit: "1.23 TB", "360 GB", "512 B".
    pub fn human(self) -> String {
        human_si(self.as_f64(), &["B", "KB", "MB", "GB", "TB", "PB", "EB"])
    }
}

impl Bits {
    pub fn as_f64(self) -> f64 {
        self.0 as f64
    }

    /// "57.1 Tb": a lower-case b for bits, as network speeds write it.
    pub fn human(self) -> String {
        human_si(self.as_f64(), &["b", "Kb", "Mb", "Gb", "Tb", "Pb", "Eb"])
    }
}

impl BitsPerSecond {
    /// `n` kilobits per second (10³ bits/s).
    pub fn kbps(n: f64) -> Self {
        Self(n * 1.0e3)
    }

    /// `n` megabits per second (10⁶ bits/s).
    pub fn mbps(n: f64) -> Self {
        Self(n * 1.0e6)
    }

    /// `n` gigabits per second (10⁹ bits/s).
    pub fn gbps(n: f64) -> Self {
        Self(n * 1.0e9)
    }

    /// The rate in megabits per second.
    pub fn as_mbps(self) -> f64 {
        self.0 / 1.0e6
    }

    /// The same rate in bytes per second: ÷ 8.
    pub fn to_bytes_per_second(self) -> BytesPerSecond {
        BytesPerSecond(self.0 / 8.0)
    }

    /// How much data this rate makes (or moves) in `time`: rate ÷ 8 × seconds, whole bytes.
    pub fn bytes_in(self, time: Seconds) -> Bytes {
        Bytes(whole(self.to_bytes_per_second().0 * time.0))
    }

    /// "333 Mbps", "3.97 Gbps".
    pub fn human(self) -> String {
        human_si(
            self.0,
            &["bps", "Kbps", "Mbps", "Gbps", "Tbps", "Pbps", "Ebps"],
        )
    }
}

impl BytesPerSecond {
    /// `n` megabytes per second (10⁶ bytes/s), as drive makers quote speeds.
    pub fn megabytes_per_second(n: f64) -> Self {
        Self(n * 1.0e6)
    }

    /// The same rate in bits per second: × 8.
    pub fn to_bits_per_second(self) -> BitsPerSecond {
        BitsPerSecond(self.0 * 8.0)
    }

    /// "496 MB/s".
    pub fn human(self) -> String {
        human_si(
            self.0,
            &["B/s", "KB/s", "MB/s", "GB/s", "TB/s", "PB/s", "EB/s"],
        )
    }
}

impl Seconds {
    pub fn minutes(m: f64) -> Self {
        Self(m * 60.0)
    }

    pub fn hours(h: f64) -> Self {
        Self(h * HOUR_S)
    }

    pub fn as_hours(self) -> f64 {
        self.0 / HOUR_S
    }

    /// Rounded to the two largest units that matter: "45 s", "12 min", "3 h 12 min",
    /// "2 days 4 h". Never-ending times read "never"; negative ones count as 0 s.
    pub fn human(self) -> String {
        let s = self.0;
        if s.is_nan() || s == f64::INFINITY {
            return "never".to_string();
        }
        let s = s.max(0.0);
        if s < 59.5 {
            return format!("{} s", s.round() as u64);
        }
        let minutes = (s / 60.0).round() as u64;
        if minutes < 60 {
            return format!("{minutes} min");
        }
        if minutes < 24 * 60 {
            let (h, m) = (minutes / 60, minutes % 60);
            return if m == 0 {
                format!("{h} h")
            } else {
                format!("{h} h {m} min")
            };
        }
        let hours = (s / HOUR_S).round() as u64;
        let (d, h) = (hours / 24, hours % 24);
        let days = if d == 1 { "day" } else { "days" };
        if h == 0 {
            format!("{d} {days}")
        } else {
            format!("{d} {days} {h} h")
        }
    }
}

/// The time to move `size` at `rate`: bytes × 8 ÷ bits per second. This is the one place
/// where sizes meet speeds, so the × 8 cannot be forgotten. A rate of zero (or less) never
/// finishes: infinite seconds.
pub fn transfer_time(size: Bytes, rate: BitsPerSecond) -> Seconds {
    if rate.0 > 0.0 && rate.0.is_finite() {
        Seconds(size.to_bits().as_f64() / rate.0)
    } else {
        Seconds(f64::INFINITY)
    }
}

/// Three significant figures with a decimal (×1000) unit; trailing zeros dropped.
fn human_si(value: f64, units: &[&str]) -> String {
    if !value.is_finite() {
        return format!("∞ {}", units.first().copied().unwrap_or(""));
    }
    let mut v = significant(value.max(0.0), 3);
    let mut unit = 0;
    while v >= 1000.0 && unit + 1 < units.len() {
        v = significant(v / 1000.0, 3);
        unit += 1;
    }
    let digits = if v >= 100.0 {
        0
    } else if v >= 10.0 {
        1
    } else {
        2
    };
    let mut text = format!("{v:.digits$}");
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    format!("{text} {}", units.get(unit).copied().unwrap_or(""))
}

/// `v` rounded to `figures` significant figures.
fn significant(v: f64, figures: i32) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(figures - 1 - magnitude);
    (v * factor).round() / factor
}

// ---------------------------------------------------------------------------------------------
// Content (assets/innovation.ron)
// ---------------------------------------------------------------------------------------------

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
    /// studio, a courier route to each collaborator, a cited source for every data rate.
    /// Empty when the spec is usable.
    pub fn validate(&self) -> Vec<String> {
        let mut errors = Vec::new();
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
        errors
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

// ---------------------------------------------------------------------------------------------
// The player's plan
// ---------------------------------------------------------------------------------------------

/// The choices the player makes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Plan {
    /// Index into [`CloudSpec::cameras`].
    pub camera: usize,
    /// Send footage while the camera rolls, instead of starting at wrap.
    pub upload_while_shooting: bool,
    /// Make proxies on set and send them to everyone for whom they are enough.
    pub proxies: bool,
    /// Index into [`CloudSpec::links`]: the studio's uplink, shared by every download.
    pub uplink: usize,
    /// For each site (same order as [`CloudSpec::sites`]), an index into
    /// [`CloudSpec::links`]: that site's own downlink. The studio's entry is not used.
    pub per_site_link: Vec<usize>,
    /// Ship drives by courier instead of using the network.
    pub ship_drives: bool,
}

impl Plan {
    /// The plan the stop opens with: the first camera and the first link everywhere, full
    /// resolution, shipping drives, the way footage travelled before the cloud.
    pub fn default_for(spec: &CloudSpec) -> Self {
        Self {
            camera: 0,
            upload_while_shooting: false,
            proxies: false,
            uplink: 0,
            per_site_link: vec![0; spec.sites.len()],
            ship_drives: true,
        }
    }

    /// Rejects indices that point nowhere in `spec`.
    pub fn check(&self, spec: &CloudSpec) -> Result<(), String> {
        if self.camera >= spec.cameras.len() {
            return Err(format!(
                "camera {} does not exist ({} cameras)",
                self.camera,
                spec.cameras.len()
            ));
        }
        if self.uplink >= spec.links.len() {
            return Err(format!(
                "uplink {} does not exist ({} links)",
                self.uplink,
                spec.links.len()
            ));
        }
        if self.per_site_link.len() != spec.sites.len() {
            return Err(format!(
                "per_site_link has {} entries; there are {} sites",
                self.per_site_link.len(),
                spec.sites.len()
            ));
        }
        if let Some((i, l)) = self
            .per_site_link
            .iter()
            .enumerate()
            .find(|(_, l)| **l >= spec.links.len())
        {
            return Err(format!(
                "per_site_link[{i}] = {l} does not exist ({} links)",
                spec.links.len()
            ));
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Simulation output
// ---------------------------------------------------------------------------------------------

/// How footage travels on one leg.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Via {
    Network,
    Courier,
}

/// One piece of the day's timeline, at a constant rate, for the map animation: packets along
/// a line for [`Via::Network`], a van or plane for [`Via::Courier`]. A network delivery whose
/// speed changes (another download finishes, wrap arrives) is split into several legs.
#[derive(Clone, Debug, PartialEq)]
pub struct TransferLeg {
    /// Index into [`CloudSpec::sites`].
    pub from: usize,
    pub to: usize,
    /// Seconds since the camera started rolling (wrap is [`Simulation::wrap_at`]).
    pub start: Seconds,
    pub end: Seconds,
    /// Data moved on this leg.
    pub bytes: Bytes,
    /// Speed on this leg. For a courier: the drive's bytes over the travel time.
    pub rate: BitsPerSecond,
    pub via: Via,
    /// Network traffic during this leg: how many users were downloading through the studio
    /// uplink at the same time (1 for a courier).
    pub traffic: usize,
}

impl TransferLeg {
    /// How far along this leg is at `t` (seconds since rolling): 0 before it starts, 1 after
    /// it ends, linear in between (the rate is constant on a leg).
    pub fn progress_at(&self, t: Seconds) -> f32 {
        let span = self.end.0 - self.start.0;
        if span <= 0.0 {
            return if t.0 >= self.end.0 { 1.0 } else { 0.0 };
        }
        ((t.0 - self.start.0) / span).clamp(0.0, 1.0) as f32
    }
}

/// What happened for one collaborator.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteOutcome {
    /// Index into [`CloudSpec::sites`].
    pub site: usize,
    /// What their work needs.
    pub needs: Resolution,
    /// What they were sent (full resolution when proxies were not made).
    pub receives: Resolution,
    pub via: Via,
    pub bytes: Bytes,
    /// From wrap until the footage is ready to work on (zero if it arrived as it was shot).
    pub ready_after_wrap: Seconds,
    pub meets_deadline: bool,
    /// One sentence on what limited this delivery.
    pub bottleneck: String,
}

/// The result of [`simulate`].
#[derive(Clone, Debug, PartialEq)]
pub struct Simulation {
    /// The day's footage at full resolution.
    pub footage: Bytes,
    /// The day's proxies, when the plan makes them.
    pub proxy_footage: Option<Bytes>,
    pub camera_rate: BitsPerSecond,
    /// Seconds from rolling to wrap; timeline times are counted from rolling.
    pub wrap_at: Seconds,
    /// The deadline, counted from wrap.
    pub deadline: Seconds,
    /// One outcome per collaborator, in site order.
    pub sites: Vec<SiteOutcome>,
    pub all_meet_deadline: bool,
    /// The most users downloading through the studio uplink at one time (0 by courier).
    pub peak_traffic: usize,
    /// The timeline for the animation, in time order.
    pub transfers: Vec<TransferLeg>,
    /// The units maths in words, for the explanation panel.
    pub explanation: Vec<String>,
}

impl Simulation {
    /// When the last delivery is ready, counted from rolling.
    pub fn finished_at(&self) -> Seconds {
        let last = self
            .sites
            .iter()
            .map(|s| s.ready_after_wrap.0)
            .fold(0.0, f64::max);
        Seconds(self.wrap_at.0 + last)
    }

    /// The share of `site`'s delivery that has arrived by `t` (seconds since rolling), 0–1.
    pub fn delivered_fraction(&self, site: usize, t: Seconds) -> f32 {
        let Some(outcome) = self.sites.iter().find(|s| s.site == site) else {
            return 0.0;
        };
        if outcome.bytes.0 == 0 {
            return 1.0;
        }
        let moved: f64 = self
            .transfers
            .iter()
            .filter(|l| l.to == site)
            .map(|l| l.bytes.as_f64() * f64::from(l.progress_at(t)))
            .sum();
        (moved / outcome.bytes.as_f64()).clamp(0.0, 1.0) as f32
    }

    pub fn outcome(&self, site: usize) -> Option<&SiteOutcome> {
        self.sites.iter().find(|s| s.site == site)
    }
}

// ---------------------------------------------------------------------------------------------
// Simulation
// ---------------------------------------------------------------------------------------------

/// Works out how the day's footage reaches every collaborator under `plan`. Deterministic:
/// the same spec and plan always give the same result. Errors are an invalid spec or a plan
/// whose indices point nowhere.
pub fn simulate(spec: &CloudSpec, plan: &Plan) -> Result<Simulation, String> {
    let problems = spec.validate();
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    plan.check(spec)?;
    let studio = spec.studio().ok_or("the spec has no studio site")?;
    let camera = spec
        .cameras
        .get(plan.camera)
        .ok_or("the plan's camera does not exist")?;
    let uplink = spec
        .links
        .get(plan.uplink)
        .ok_or("the plan's uplink does not exist")?;

    let shoot = spec.shoot_time();
    let camera_rate = camera.rate();
    let footage = camera_rate.bytes_in(shoot);
    let proxy_footage = plan.proxies.then(|| spec.proxy.rate().bytes_in(shoot));
    let deadline = spec.deadline();

    let mut explanation = vec![
        format!(
            "{} records {} at {} = {} (8 bits make 1 byte, so divide by 8).",
            camera.name,
            camera.codec,
            camera_rate.human(),
            camera_rate.to_bytes_per_second().human()
        ),
        format!(
            "{} of filming: {} × {:.0} s = {} of footage, which is {} (× 8).",
            shoot.human(),
            camera_rate.to_bytes_per_second().human(),
            shoot.0,
            footage.human(),
            footage.to_bits().human()
        ),
    ];
    if let Some(proxy) = proxy_footage {
        let factor = camera_rate.0 / spec.proxy.rate().0;
        explanation.push(format!(
            "Proxies in {} at {} make {}: {:.0} times smaller than the original.",
            spec.proxy.codec,
            spec.proxy.rate().human(),
            proxy.human(),
            factor
        ));
    }

    // What each collaborator is sent.
    let wanted: Vec<Wanted> = spec
        .collaborators()
        .map(|(i, site)| {
            let receives = if site.needs == Resolution::Proxy && plan.proxies {
                Resolution::Proxy
            } else {
                Resolution::Full
            };
            let (bytes, produce) = match receives {
                Resolution::Full => (footage, camera_rate),
                Resolution::Proxy => (proxy_footage.unwrap_or(footage), spec.proxy.rate()),
            };
            Wanted {
                site: i,
                needs: site.needs,
                receives,
                bytes,
                produce,
            }
        })
        .collect();

    let Deliveries {
        outcomes,
        legs: transfers,
        peak_traffic,
    } = if plan.ship_drives {
        ship(spec, studio, shoot, &wanted, &mut explanation)
    } else {
        let downlinks = wanted
            .iter()
            .map(|w| {
                plan.per_site_link
                    .get(w.site)
                    .and_then(|&l| spec.links.get(l))
                    .map(LinkSpec::rate)
                    .ok_or_else(|| format!("site {} has no link", w.site))
            })
            .collect::<Result<Vec<_>, _>>()?;
        stream(
            spec,
            studio,
            shoot,
            uplink.rate(),
            &downlinks,
            &wanted,
            plan.upload_while_shooting,
            &mut explanation,
        )?
    };

    let sites: Vec<SiteOutcome> = outcomes
        .into_iter()
        .map(|mut o| {
            o.meets_deadline = o.ready_after_wrap.0 <= deadline.0 + DEADLINE_SLACK_S;
            o
        })
        .collect();
    let all_meet_deadline = sites.iter().all(|s| s.meets_deadline);
    let on_time = sites.iter().filter(|s| s.meets_deadline).count();
    explanation.push(format!(
        "Deadline: {} after wrap. {on_time} of {} collaborators have their footage in time.",
        deadline.human(),
        sites.len()
    ));

    Ok(Simulation {
        footage,
        proxy_footage,
        camera_rate,
        wrap_at: shoot,
        deadline,
        sites,
        all_meet_deadline,
        peak_traffic,
        transfers,
        explanation,
    })
}

/// The per-site outcomes and the timeline of one way of delivering.
struct Deliveries {
    outcomes: Vec<SiteOutcome>,
    legs: Vec<TransferLeg>,
    peak_traffic: usize,
}

/// What one collaborator is sent, and how fast the camera makes it.
struct Wanted {
    site: usize,
    needs: Resolution,
    receives: Resolution,
    bytes: Bytes,
    produce: BitsPerSecond,
}

/// The courier plan: copy at the studio, carry door to door, copy in at the site.
fn ship(
    spec: &CloudSpec,
    studio: usize,
    wrap: Seconds,
    wanted: &[Wanted],
    explanation: &mut Vec<String>,
) -> Deliveries {
    let handover = Seconds::hours(f64::from(spec.courier.handover_hours));
    let copy_rate = BytesPerSecond::megabytes_per_second(spec.courier.copy_megabytes_per_second);
    let largest = wanted.iter().map(|w| w.bytes).max().unwrap_or_default();
    let copy = transfer_time(largest, copy_rate.to_bits_per_second());
    let depart = Seconds(handover.0 + copy.0);
    explanation.push(format!(
        "Shipping drives: {} to pack up, then copying {} to the shuttle drives at {} ({}) takes {}. The couriers leave {} after wrap.",
        handover.human(),
        largest.human(),
        copy_rate.human(),
        copy_rate.to_bits_per_second().human(),
        copy.human(),
        depart.human()
    ));
    let mut outcomes = Vec::new();
    let mut legs = Vec::new();
    for w in wanted {
        let site = &spec.sites[w.site];
        let travel = spec.courier_time(w.site).unwrap_or(Seconds(f64::INFINITY));
        let ingest_rate = site.ingest_rate();
        let ingest = transfer_time(w.bytes, ingest_rate.to_bits_per_second());
        let ready = Seconds(depart.0 + travel.0 + ingest.0);
        let van_rate = if travel.0 > 0.0 {
            BitsPerSecond(w.bytes.to_bits().as_f64() / travel.0)
        } else {
            BitsPerSecond(f64::INFINITY)
        };
        legs.push(TransferLeg {
            from: studio,
            to: w.site,
            start: Seconds(wrap.0 + depart.0),
            end: Seconds(wrap.0 + depart.0 + travel.0),
            bytes: w.bytes,
            rate: van_rate,
            via: Via::Courier,
            traffic: 1,
        });
        explanation.push(format!(
            "{}: {} door to door, then {} copied in at {} takes {}: ready {} after wrap. (The van moves {} over the trip: {}.)",
            site.city,
            travel.human(),
            w.bytes.human(),
            ingest_rate.human(),
            ingest.human(),
            ready.human(),
            w.bytes.human(),
            van_rate.human()
        ));
        outcomes.push(SiteOutcome {
            site: w.site,
            needs: w.needs,
            receives: w.receives,
            via: Via::Courier,
            bytes: w.bytes,
            ready_after_wrap: ready,
            meets_deadline: false,
            bottleneck: format!(
                "The drive travels by courier: {} door to door after {} of packing and copying, then {} to copy in at {}.",
                travel.human(),
                depart.human(),
                ingest.human(),
                ingest_rate.human()
            ),
        });
    }
    legs.sort_by(|a, b| a.start.0.total_cmp(&b.start.0).then(a.to.cmp(&b.to)));
    Deliveries {
        outcomes,
        legs,
        peak_traffic: 0,
    }
}

/// One download in the network simulation, in bits and seconds.
struct Flow {
    total: f64,
    done: f64,
    /// How fast the camera makes this flow's data (bits/s).
    produce: f64,
    /// The site's own downlink (bits/s).
    downlink: f64,
    finish: Option<f64>,
    backlog_at_wrap: f64,
    /// Rate during the shoot, when uploading while shooting (for the explanation).
    rate_while_shooting: Option<f64>,
}

impl Flow {
    /// Data the camera has made for this flow by `t`, when streaming from `t = 0`.
    fn available(&self, t: f64, wrap: f64, streaming: bool) -> f64 {
        if !streaming || t >= wrap {
            self.total
        } else {
            (self.produce * t).min(self.total)
        }
    }

    /// Bits close enough to count as equal: one part in 10¹² of the flow, plus one byte
    /// (sizes are rounded to whole bytes, rates are not).
    fn tolerance(&self) -> f64 {
        self.total * 1.0e-12 + 8.0
    }
}

/// Splits `capacity` equally between users, except that a user who cannot take a full share
/// (its cap is lower) gets its cap and leaves the rest to the others ("max-min fair").
fn fair_shares(capacity: f64, caps: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..caps.len()).collect();
    order.sort_by(|&a, &b| caps[a].total_cmp(&caps[b]));
    let mut out = vec![0.0; caps.len()];
    let mut left = capacity.max(0.0);
    for (k, &i) in order.iter().enumerate() {
        let share = left / (caps.len() - k) as f64;
        let give = caps[i].max(0.0).min(share);
        out[i] = give;
        left -= give;
    }
    out
}

/// The network plan: every collaborator downloads through the shared studio uplink.
#[allow(clippy::too_many_arguments)]
fn stream(
    spec: &CloudSpec,
    studio: usize,
    shoot: Seconds,
    uplink: BitsPerSecond,
    downlinks: &[BitsPerSecond],
    wanted: &[Wanted],
    streaming: bool,
    explanation: &mut Vec<String>,
) -> Result<Deliveries, String> {
    let wrap = shoot.0;
    let mut flows: Vec<Flow> = wanted
        .iter()
        .zip(downlinks)
        .map(|(w, d)| Flow {
            total: w.bytes.to_bits().as_f64(),
            done: 0.0,
            produce: w.produce.0,
            downlink: d.0,
            finish: None,
            backlog_at_wrap: 0.0,
            rate_while_shooting: None,
        })
        .collect();
    for f in &mut flows {
        if f.total <= 0.0 {
            f.finish = Some(if streaming { 0.0 } else { wrap });
        }
    }
    let mut legs: Vec<TransferLeg> = Vec::new();
    let mut peak = 0;
    let mut t = if streaming { 0.0 } else { wrap };
    let mut events = 0;
    loop {
        let active: Vec<usize> = (0..flows.len())
            .filter(|&i| flows[i].finish.is_none())
            .collect();
        if active.is_empty() {
            break;
        }
        events += 1;
        if events > MAX_EVENTS {
            return Err("the network simulation did not settle".into());
        }
        peak = peak.max(active.len());
        let caught_up: Vec<bool> = active
            .iter()
            .map(|&i| {
                let f = &flows[i];
                t < wrap && f.done >= f.available(t, wrap, streaming) - f.tolerance()
            })
            .collect();
        let caps: Vec<f64> = active
            .iter()
            .zip(&caught_up)
            .map(|(&i, &c)| {
                let f = &flows[i];
                if c {
                    f.downlink.min(f.produce)
                } else {
                    f.downlink
                }
            })
            .collect();
        let rates = fair_shares(uplink.0, &caps);

        let mut dt = f64::INFINITY;
        if t < wrap {
            dt = wrap - t;
        }
        for (k, &i) in active.iter().enumerate() {
            let (f, r) = (&flows[i], rates[k]);
            if r <= 0.0 {
                continue;
            }
            if t >= wrap {
                dt = dt.min((f.total - f.done) / r);
            } else if !caught_up[k] && r > f.produce {
                let behind = f.available(t, wrap, streaming) - f.done;
                dt = dt.min(behind / (r - f.produce));
            }
        }
        if !(dt.is_finite() && dt >= 0.0) {
            return Err("no data can move: every rate is zero".into());
        }
        let t_next = if t < wrap && (t + dt - wrap).abs() <= 1.0e-9 * wrap.max(1.0) {
            wrap
        } else {
            t + dt
        };
        let traffic = active.len();
        for (k, &i) in active.iter().enumerate() {
            let f = &mut flows[i];
            let r = rates[k];
            let before = f.done;
            let limit = f.available(t_next, wrap, streaming);
            f.done = (f.done + r * (t_next - t)).min(limit).min(f.total);
            if t < wrap && f.rate_while_shooting.is_none() {
                f.rate_while_shooting = Some(r);
            }
            if t_next >= wrap && t < wrap {
                f.backlog_at_wrap = (f.total - f.done).max(0.0);
            }
            if f.total - f.done <= f.tolerance() && t_next >= wrap {
                f.done = f.total;
                f.finish = Some(t_next);
            }
            let moved = f.done - before;
            if moved > 0.0 && t_next > t {
                push_leg(
                    &mut legs,
                    TransferLeg {
                        from: studio,
                        to: wanted[i].site,
                        start: Seconds(t),
                        end: Seconds(t_next),
                        bytes: Bytes(whole(moved / 8.0)),
                        rate: BitsPerSecond(moved / (t_next - t)),
                        via: Via::Network,
                        traffic,
                    },
                );
            }
        }
        t = t_next;
    }
    legs.sort_by(|a, b| a.start.0.total_cmp(&b.start.0).then(a.to.cmp(&b.to)));

    // The explanation: traffic first, then each site's sum.
    let first_traffic = flows.len();
    if first_traffic > 0 {
        explanation.push(format!(
            "Network traffic: {first_traffic} users download at the same time through the studio's {} uplink, so an equal share is {} each (÷ {first_traffic}); anyone who needs less leaves the rest to the others.",
            uplink.human(),
            BitsPerSecond(uplink.0 / first_traffic as f64).human()
        ));
    }
    let mut outcomes = Vec::new();
    for (w, f) in wanted.iter().zip(&flows) {
        let site = &spec.sites[w.site];
        let finish = f.finish.unwrap_or(f64::INFINITY);
        let ready = Seconds((finish - wrap).max(0.0));
        let started = if streaming { 0.0 } else { wrap };
        let average = if finish > started {
            BitsPerSecond(f.total / (finish - started))
        } else {
            w.produce
        };
        let line = if streaming && ready.0 <= DEADLINE_SLACK_S {
            format!(
                "{}: gets {} ({}) while it is shot; the download keeps up with the camera's {}, so it is ready at wrap.",
                site.city,
                w.bytes.human(),
                w.receives.label(),
                w.produce.human()
            )
        } else {
            format!(
                "{}: {} = {}; at {} on average that is {}{}.",
                site.city,
                w.bytes.human(),
                w.bytes.to_bits().human(),
                average.human(),
                Seconds(finish - started).human(),
                if streaming {
                    format!(", ready {} after wrap", ready.human())
                } else {
                    String::new()
                }
            )
        };
        explanation.push(line);
        outcomes.push(SiteOutcome {
            site: w.site,
            needs: w.needs,
            receives: w.receives,
            via: Via::Network,
            bytes: w.bytes,
            ready_after_wrap: ready,
            meets_deadline: false,
            bottleneck: bottleneck(site, w, f, &legs, uplink, streaming, ready),
        });
    }
    Ok(Deliveries {
        outcomes,
        legs,
        peak_traffic: peak,
    })
}

/// Appends a leg, merging it into the previous leg to the same site when the speed and
/// traffic did not change, so the timeline stays short.
fn push_leg(legs: &mut Vec<TransferLeg>, leg: TransferLeg) {
    if let Some(prev) = legs.iter_mut().rev().find(|l| l.to == leg.to) {
        let same_rate = (prev.rate.0 - leg.rate.0).abs() <= 1.0e-9 * leg.rate.0.abs().max(1.0);
        if prev.end.0 == leg.start.0 && same_rate && prev.traffic == leg.traffic {
            prev.end = leg.end;
            prev.bytes = Bytes(prev.bytes.0 + leg.bytes.0);
            return;
        }
    }
    legs.push(leg);
}

/// One sentence on what limited a network delivery, from the leg where it spent the most time.
fn bottleneck(
    site: &Site,
    w: &Wanted,
    f: &Flow,
    legs: &[TransferLeg],
    uplink: BitsPerSecond,
    streaming: bool,
    ready: Seconds,
) -> String {
    if streaming && ready.0 <= DEADLINE_SLACK_S {
        return format!(
            "Uploading while shooting kept up: {}'s footage arrived as it was shot.",
            site.city
        );
    }
    let mut text = String::new();
    if streaming && f.backlog_at_wrap > 0.0 {
        let during = f.rate_while_shooting.unwrap_or(0.0);
        text.push_str(&format!(
            "While shooting, {} got {} but the camera made {}, so {} were still waiting at wrap. ",
            site.city,
            BitsPerSecond(during).human(),
            w.produce.human(),
            Bytes(whole(f.backlog_at_wrap / 8.0)).human()
        ));
    }
    let longest = legs
        .iter()
        .filter(|l| l.to == w.site)
        .max_by(|a, b| (a.end.0 - a.start.0).total_cmp(&(b.end.0 - b.start.0)));
    let Some(leg) = longest else {
        text.push_str("Nothing needed to travel.");
        return text;
    };
    let near = |a: f64, b: f64| (a - b).abs() <= 1.0e-6 * b.abs().max(1.0);
    let own_link_limits = near(leg.rate.0, f.downlink) && f.downlink < uplink.0;
    if own_link_limits {
        text.push_str(&format!(
            "{}'s own {} link is the slowest part of the path.",
            site.city,
            BitsPerSecond(f.downlink).human()
        ));
    } else if leg.traffic > 1 {
        let equal = near(leg.rate.0, uplink.0 / leg.traffic as f64);
        if equal {
            text.push_str(&format!(
                "The studio uplink is shared by {} users at once: each gets {}.",
                leg.traffic,
                leg.rate.human()
            ));
        } else {
            text.push_str(&format!(
                "The studio uplink is shared by {} users at once: {} gets {}.",
                leg.traffic,
                site.city,
                leg.rate.human()
            ));
        }
    } else {
        text.push_str(&format!(
            "{} has the studio's whole {} uplink to itself, and that is the limit.",
            site.city,
            uplink.human()
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1.0e-9 * b.abs().max(1.0)
    }

    fn bundled() -> CloudSpec {
        match bundled_cloud() {
            Ok(spec) => spec,
            Err(e) => panic!("bundled innovation.ron: {e}"),
        }
    }

    fn site_index(spec: &CloudSpec, id: &str) -> usize {
        spec.sites
            .iter()
            .position(|s| s.id == id)
            .unwrap_or_else(|| panic!("no site {id}"))
    }

    fn link_index(spec: &CloudSpec, mbps: f64) -> usize {
        spec.links
            .iter()
            .position(|l| l.rate_mbps == mbps)
            .unwrap_or_else(|| panic!("no {mbps} Mbps link"))
    }

    fn run(spec: &CloudSpec, plan: &Plan) -> Simulation {
        match simulate(spec, plan) {
            Ok(sim) => sim,
            Err(e) => panic!("simulate: {e}"),
        }
    }

    /// A small spec with round numbers, for exact checks.
    fn toy() -> CloudSpec {
        let site = |id: &str, role, needs, lon| Site {
            id: id.into(),
            city: id.into(),
            role,
            task: String::new(),
            needs,
            lon_deg: lon,
            lat_deg: 0.0,
            ingest_megabytes_per_second: 400.0,
        };
        CloudSpec {
            cameras: vec![CameraSpec {
                name: "Cam".into(),
                codec: "RAW".into(),
                // 100 MB/s.
                data_rate_mbps: 800.0,
                source: "test".into(),
            }],
            proxy: ProxySpec {
                codec: "Proxy".into(),
                data_rate_mbps: 40.0,
                source: "test".into(),
            },
            sites: vec![
                site("set", Role::Studio, Resolution::Full, 0.0),
                site("a", Role::Director, Resolution::Proxy, 10.0),
                site("b", Role::Editor, Resolution::Proxy, 20.0),
                site("c", Role::VfxArtist, Resolution::Full, 30.0),
            ],
            shoot_hours: 1.0,
            deadline_hours: 2.0,
            courier: CourierSpec {
                handover_hours: 0.0,
                // 360 GB at 400 MB/s = 900 s = 0.25 h.
                copy_megabytes_per_second: 400.0,
                routes: ["a", "b", "c"]
                    .iter()
                    .map(|id| CourierRoute {
                        to: (*id).into(),
                        hours_door_to_door: 1.5,
                    })
                    .collect(),
            },
            links: vec![
                LinkSpec {
                    name: "3 Gbps".into(),
                    rate_mbps: 3000.0,
                },
                LinkSpec {
                    name: "10 Gbps".into(),
                    rate_mbps: 10_000.0,
                },
                LinkSpec {
                    name: "400 Mbps".into(),
                    rate_mbps: 400.0,
                },
            ],
        }
    }

    fn network(spec: &CloudSpec) -> Plan {
        Plan {
            ship_drives: false,
            uplink: 0,
            per_site_link: vec![1; spec.sites.len()],
            ..Plan::default_for(spec)
        }
    }

    #[test]
    fn unit_conversions() {
        assert_eq!(Bytes::GB, Bytes(1_000_000_000));
        assert_eq!(Bytes::TB.0, 1_000 * Bytes::GB.0);
        assert_eq!(Bytes::gb(1.5), Bytes(1_500_000_000));
        assert_eq!(Bytes::KB.to_bits(), Bits(8_000));
        // 1 GB over 1 Gbps is 8 seconds, not 1.
        assert_eq!(
            transfer_time(Bytes::GB, BitsPerSecond::gbps(1.0)),
            Seconds(8.0)
        );
        // 1 MB/s is 8 Mbps, and back.
        let one = BytesPerSecond::megabytes_per_second(1.0);
        assert_eq!(one.to_bits_per_second(), BitsPerSecond::mbps(8.0));
        assert_eq!(BitsPerSecond::mbps(8.0).to_bytes_per_second(), one);
        // A 100 MB/s camera for an hour makes 360 GB.
        let camera = BytesPerSecond::megabytes_per_second(100.0).to_bits_per_second();
        assert_eq!(camera.bytes_in(Seconds::hours(1.0)), Bytes::gb(360.0));
        // 1.2 TB at 10 Gbps: 9.6 Tb / 10 Gbps = 960 s = 16 min.
        let t = transfer_time(Bytes::tb(1.2), BitsPerSecond::gbps(10.0));
        assert!(close(t.0, 960.0));
        assert_eq!(t.human(), "16 min");
        assert_eq!(
            transfer_time(Bytes::GB, BitsPerSecond(0.0)),
            Seconds(f64::INFINITY)
        );
    }

    #[test]
    fn human_formatting() {
        assert_eq!(Bytes(1_234_000_000_000).human(), "1.23 TB");
        assert_eq!(Bytes::gb(360.0).human(), "360 GB");
        assert_eq!(Bytes::gb(64.8).human(), "64.8 GB");
        assert_eq!(Bytes::TB.human(), "1 TB");
        assert_eq!(Bytes(512).human(), "512 B");
        assert_eq!(Bytes(999_600_000).human(), "1 GB");
        assert_eq!(Bytes::tb(1.2).to_bits().human(), "9.6 Tb");
        assert_eq!(BitsPerSecond::mbps(1000.0 / 3.0).human(), "333 Mbps");
        assert_eq!(BitsPerSecond::gbps(10.0).human(), "10 Gbps");
        assert_eq!(
            BytesPerSecond::megabytes_per_second(496.0).human(),
            "496 MB/s"
        );
        assert_eq!(Seconds(45.0).human(), "45 s");
        assert_eq!(Seconds(8.0).human(), "8 s");
        assert_eq!(Seconds::minutes(12.0).human(), "12 min");
        assert_eq!(Seconds(3.0 * 3600.0 + 12.0 * 60.0).human(), "3 h 12 min");
        assert_eq!(Seconds::hours(5.0).human(), "5 h");
        assert_eq!(Seconds::hours(52.0).human(), "2 days 4 h");
        assert_eq!(Seconds::hours(24.0).human(), "1 day");
        assert_eq!(Seconds(f64::INFINITY).human(), "never");
    }

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

    #[test]
    fn plans_with_missing_indices_are_errors() {
        let spec = toy();
        let mut plan = Plan::default_for(&spec);
        assert!(plan.check(&spec).is_ok());
        plan.camera = 7;
        assert!(simulate(&spec, &plan).is_err());
        let mut plan = Plan::default_for(&spec);
        plan.per_site_link.pop();
        assert!(simulate(&spec, &plan).is_err());
        let mut plan = Plan::default_for(&spec);
        plan.uplink = 3;
        assert!(simulate(&spec, &plan).is_err());
    }

    #[test]
    fn shared_uplink_divides_among_concurrent_users() {
        // Three full-resolution downloads through a 3 Gbps uplink: traffic 3, 1 Gbps each.
        let spec = toy();
        let sim = run(&spec, &network(&spec));
        assert_eq!(sim.peak_traffic, 3);
        let first: Vec<&TransferLeg> = sim
            .transfers
            .iter()
            .filter(|l| l.start == sim.wrap_at)
            .collect();
        assert_eq!(first.len(), 3);
        for leg in &first {
            assert_eq!(leg.traffic, 3);
            assert!(close(leg.rate.0, 1.0e9), "{leg:?}");
        }
        // 360 GB = 2.88 Tb at 1 Gbps = 2880 s for everyone.
        for s in &sim.sites {
            assert_eq!(s.bytes, Bytes::gb(360.0));
            assert!(close(s.ready_after_wrap.0, 2880.0), "{s:?}");
            assert!(
                s.bottleneck
                    .contains("shared by 3 users at once: each gets 1 Gbps"),
                "{}",
                s.bottleneck
            );
        }
        // One user alone gets the whole uplink: a third of the time.
        let mut plan = network(&spec);
        plan.proxies = true;
        let sim = run(&spec, &plan);
        let proxy = sim.proxy_footage.expect("proxies made");
        // Proxies (2 × 18 GB) finish first; after that the VFX download is alone.
        assert_eq!(proxy, Bytes::gb(18.0));
        let vfx = sim.outcome(3).expect("vfx");
        let last = sim.transfers.iter().rfind(|l| l.to == 3).expect("a leg");
        assert_eq!(last.traffic, 1);
        assert!(close(last.rate.0, 3.0e9));
        assert!(vfx.ready_after_wrap.0 < 2880.0);
    }

    #[test]
    fn slow_own_link_leaves_its_share_to_the_others() {
        let spec = toy();
        let mut plan = network(&spec);
        plan.per_site_link[1] = 2; // 400 Mbps for site a.
        let sim = run(&spec, &plan);
        let first: Vec<&TransferLeg> = sim
            .transfers
            .iter()
            .filter(|l| l.start == sim.wrap_at)
            .collect();
        let rate = |site| {
            first
                .iter()
                .find(|l| l.to == site)
                .map(|l| l.rate.0)
                .unwrap_or(0.0)
        };
        assert!(close(rate(1), 400.0e6));
        assert!(close(rate(2), 1300.0e6));
        assert!(close(rate(3), 1300.0e6));
        let a = sim.outcome(1).expect("a");
        assert!(
            a.bottleneck.contains("own 400 Mbps link"),
            "{}",
            a.bottleneck
        );
    }

    #[test]
    fn proxies_shrink_the_data_by_the_rate_ratio() {
        let spec = bundled();
        for camera in 0..spec.cameras.len() {
            let plan = Plan {
                camera,
                proxies: true,
                ..Plan::default_for(&spec)
            };
            let sim = run(&spec, &plan);
            let proxy = sim.proxy_footage.expect("proxies");
            let factor = sim.footage.as_f64() / proxy.as_f64();
            let expected = spec.cameras[camera].data_rate_mbps / spec.proxy.data_rate_mbps;
            assert!(
                (factor - expected).abs() < 1.0e-6 * expected,
                "{factor} vs {expected}"
            );
            for s in &sim.sites {
                let site = &spec.sites[s.site];
                let want = if site.needs == Resolution::Proxy {
                    proxy
                } else {
                    sim.footage
                };
                assert_eq!(s.bytes, want);
            }
        }
        // Without proxies everyone is sent full resolution.
        let sim = run(&spec, &Plan::default_for(&spec));
        assert!(sim.proxy_footage.is_none());
        assert!(
            sim.sites
                .iter()
                .all(|s| s.bytes == sim.footage && s.receives == Resolution::Full)
        );
    }

    #[test]
    fn courier_beats_one_gigabit_for_london_but_not_ten() {
        let spec = bundled();
        let london = site_index(&spec, "london");
        let ship = run(&spec, &Plan::default_for(&spec));
        let by_van = ship.outcome(london).expect("london").ready_after_wrap;
        assert_eq!(ship.outcome(london).map(|o| o.via), Some(Via::Courier));

        let one = link_index(&spec, 1000.0);
        let ten = link_index(&spec, 10_000.0);
        let mut plan = Plan {
            ship_drives: false,
            uplink: one,
            per_site_link: vec![one; spec.sites.len()],
            ..Plan::default_for(&spec)
        };
        let slow = run(&spec, &plan)
            .outcome(london)
            .expect("london")
            .ready_after_wrap;
        assert!(
            by_van.0 < slow.0,
            "van {} vs 1 Gbps {}",
            by_van.human(),
            slow.human()
        );

        plan.uplink = ten;
        plan.per_site_link[london] = ten;
        let fast = run(&spec, &plan)
            .outcome(london)
            .expect("london")
            .ready_after_wrap;
        assert!(
            fast.0 < by_van.0,
            "10 Gbps {} vs van {}",
            fast.human(),
            by_van.human()
        );
    }

    #[test]
    fn streaming_keeps_up_only_when_the_share_beats_the_camera() {
        let mut spec = toy();
        // Only the VFX artist downloads full resolution; the others take proxies.
        let mut plan = network(&spec);
        plan.upload_while_shooting = true;
        plan.proxies = true;
        // 3 Gbps uplink, camera 800 Mbps: everything arrives as it is shot.
        let sim = run(&spec, &plan);
        assert!(sim.all_meet_deadline);
        for s in &sim.sites {
            assert_eq!(s.ready_after_wrap, Seconds(0.0), "{s:?}");
            assert!(s.bottleneck.contains("kept up"));
        }
        assert_eq!(sim.transfers.iter().filter(|l| l.start.0 == 0.0).count(), 3);

        // A 400 Mbps uplink: proxies take 80 Mbps, VFX gets 320 Mbps against 800 Mbps:
        // backlog at wrap = (800 − 320) Mbps × 3600 s = 1.728 Tb = 216 GB; then 400 Mbps alone.
        plan.uplink = 2;
        let sim = run(&spec, &plan);
        let vfx = sim.outcome(3).expect("vfx");
        assert!(close(vfx.ready_after_wrap.0, 1.728e12 / 400.0e6), "{vfx:?}");
        assert!(
            vfx.bottleneck.contains("216 GB were still waiting"),
            "{}",
            vfx.bottleneck
        );
        // Proxies still keep up (40 Mbps each fits in their share).
        assert_eq!(
            sim.outcome(1).map(|o| o.ready_after_wrap),
            Some(Seconds(0.0))
        );
        // The same plan without streaming starts at wrap and is slower.
        plan.upload_while_shooting = false;
        let later = run(&spec, &plan);
        assert!(
            later
                .outcome(3)
                .map(|o| o.ready_after_wrap.0)
                .unwrap_or(0.0)
                > vfx.ready_after_wrap.0
        );
        // A longer shoot grows the backlog.
        spec.shoot_hours = 2.0;
        plan.upload_while_shooting = true;
        let longer = run(&spec, &plan);
        assert!(close(
            longer
                .outcome(3)
                .map(|o| o.ready_after_wrap.0)
                .unwrap_or(0.0),
            2.0 * vfx.ready_after_wrap.0
        ));
    }

    #[test]
    fn deadline_decided_at_the_boundary() {
        // Courier: no handover, 360 GB copied at 400 MB/s = 900 s, 1.5 h door to door, 900 s
        // to copy in: ready exactly 2 h after wrap.
        let mut spec = toy();
        let ready = 900.0 + 5400.0 + 900.0;
        for (deadline_s, meets) in [(ready, true), (ready - 1.0, false), (ready + 1.0, true)] {
            spec.deadline_hours = (deadline_s / 3600.0) as f32;
            let sim = run(&spec, &Plan::default_for(&spec));
            for s in &sim.sites {
                assert!(close(s.ready_after_wrap.0, ready), "{s:?}");
                assert_eq!(s.meets_deadline, meets, "deadline {deadline_s} s");
            }
            assert_eq!(sim.all_meet_deadline, meets);
        }
        // The same boundary on the network: 360 GB at 1 Gbps each (3 users on 3 Gbps) = 2880 s.
        let plan = network(&spec);
        for (deadline_s, meets) in [(2880.0, true), (2879.0, false)] {
            spec.deadline_hours = (deadline_s / 3600.0) as f32;
            let sim = run(&spec, &plan);
            assert_eq!(sim.all_meet_deadline, meets, "deadline {deadline_s} s");
        }
    }

    #[test]
    fn bundled_default_misses_and_a_better_plan_meets() {
        let spec = bundled();
        let start = Plan::default_for(&spec);
        let sim = run(&spec, &start);
        assert!(
            !sim.all_meet_deadline,
            "the opening plan must leave something to fix"
        );
        assert!(sim.sites.iter().all(|s| !s.meets_deadline));

        let ten = link_index(&spec, 10_000.0);
        let london = site_index(&spec, "london");
        let mut good = start.clone();
        good.ship_drives = false;
        good.proxies = true;
        good.upload_while_shooting = true;
        good.uplink = ten;
        good.per_site_link[london] = ten;
        let sim = run(&spec, &good);
        assert!(sim.all_meet_deadline, "{:#?}", sim.sites);

        // Proxies alone at 1 Gbps are not enough for the VFX artist's full-resolution plates.
        let one = link_index(&spec, 1000.0);
        let mut close_call = good.clone();
        close_call.uplink = one;
        close_call.per_site_link = vec![one; spec.sites.len()];
        let sim = run(&spec, &close_call);
        assert!(
            !sim.outcome(london)
                .map(|o| o.meets_deadline)
                .unwrap_or(true)
        );
    }

    #[test]
    fn timeline_and_progress() {
        let spec = bundled();
        let mut plan = Plan::default_for(&spec);
        plan.ship_drives = false;
        plan.proxies = true;
        let sim = run(&spec, &plan);
        assert!(!sim.transfers.is_empty());
        for leg in &sim.transfers {
            assert!(leg.end.0 >= leg.start.0 && leg.start.0 >= 0.0);
            assert_eq!(leg.progress_at(leg.start), 0.0);
            assert_eq!(leg.progress_at(leg.end), 1.0);
            let mid = Seconds(0.5 * (leg.start.0 + leg.end.0));
            assert!((leg.progress_at(mid) - 0.5).abs() < 1.0e-4);
            assert_eq!(leg.progress_at(Seconds(-1.0)), 0.0);
        }
        // Every delivery's legs add up to what was sent, and it is all there at the end.
        for s in &sim.sites {
            let moved: u64 = sim
                .transfers
                .iter()
                .filter(|l| l.to == s.site)
                .map(|l| l.bytes.0)
                .sum();
            assert!(
                (moved as f64 - s.bytes.as_f64()).abs() <= 16.0,
                "{moved} vs {:?}",
                s.bytes
            );
            assert_eq!(sim.delivered_fraction(s.site, sim.finished_at()), 1.0);
            assert_eq!(sim.delivered_fraction(s.site, Seconds(0.0)), 0.0);
        }
        // Same inputs, same answer.
        assert_eq!(sim, run(&spec, &plan));
        assert!(
            sim.explanation
                .iter()
                .any(|l| l.contains("8 bits make 1 byte"))
        );
        assert!(
            sim.explanation
                .iter()
                .any(|l| l.contains("Network traffic: 3 users"))
        );
    }

    #[test]
    fn courier_timeline() {
        let spec = toy();
        let sim = run(&spec, &Plan::default_for(&spec));
        assert_eq!(sim.peak_traffic, 0);
        assert_eq!(sim.transfers.len(), 3);
        for leg in &sim.transfers {
            assert_eq!(leg.via, Via::Courier);
            // Leaves after the 900 s copy, travels 1.5 h.
            assert!(close(leg.start.0, 3600.0 + 900.0));
            assert!(close(leg.end.0 - leg.start.0, 5400.0));
            // 360 GB = 2.88 Tb in 5400 s: 533 Mbps of "van bandwidth".
            assert!(close(leg.rate.0, 2.88e12 / 5400.0));
        }
        assert!(sim.sites.iter().all(|s| s.bottleneck.contains("courier")));
    }

    #[test]
    fn fair_shares_fill_like_water() {
        assert_eq!(fair_shares(3.0, &[10.0, 10.0, 10.0]), vec![1.0, 1.0, 1.0]);
        assert_eq!(fair_shares(3.0, &[0.5, 10.0, 10.0]), vec![0.5, 1.25, 1.25]);
        assert_eq!(fair_shares(3.0, &[0.5, 0.5, 0.5]), vec![0.5, 0.5, 0.5]);
        assert!(fair_shares(3.0, &[]).is_empty());
    }
}
