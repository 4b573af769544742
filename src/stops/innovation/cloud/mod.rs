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

mod outcome;
mod plan;
mod simulate;
mod spec;
mod stream;
#[cfg(test)]
mod test_support;
mod units;

pub use outcome::{Simulation, SiteOutcome, TransferLeg, Via};
pub use plan::Plan;
pub use simulate::simulate;
pub use spec::{
    CameraSpec, CloudSpec, CourierRoute, CourierSpec, LinkSpec, ProxySpec, Resolution, Role, Site,
    bundled_cloud, load_cloud, parse_cloud,
};
pub use units::{Bits, BitsPerSecond, Bytes, BytesPerSecond, Seconds, transfer_time};

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
