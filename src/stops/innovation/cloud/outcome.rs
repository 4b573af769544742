//! What a simulation gives back: each collaborator's outcome and the timeline of transfer legs
//! the map animates.

use super::spec::Resolution;
use super::units::{BitsPerSecond, Bytes, Seconds};
use serde::{Deserialize, Serialize};

/// How footage travels on one leg.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Via {
    Network,
    Courier,
}

/// One piece of the day's timeline, at a constant rate, for the map animation: packets along
/// a line for [`Via::Network`], a van or plane for [`Via::Courier`]. A network delivery whose
/// speed changes (another download finishes, wrap arrives) is split into several legs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TransferLeg {
    /// Index into [`CloudSpec::sites`](super::CloudSpec::sites).
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteOutcome {
    /// Index into [`CloudSpec::sites`](super::CloudSpec::sites).
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

/// The result of [`simulate`](fn@super::simulate).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
