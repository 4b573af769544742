//! The network plan: every collaborator downloads through the studio's shared uplink, split
//! max-min fairly between the transfers running at each moment, stepped event by event.

use super::outcome::{SiteOutcome, TransferLeg, Via};
use super::simulate::{Deliveries, Wanted};
use super::spec::{CloudSpec, Site};
use super::units::{BitsPerSecond, Bytes, Seconds, whole};
use super::{DEADLINE_SLACK_S, MAX_EVENTS};

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
pub(super) fn stream(
    spec: &CloudSpec,
    studio: usize,
    shoot: Seconds,
    uplink: BitsPerSecond,
    downlinks: &[BitsPerSecond],
    wanted: &[Wanted],
    streaming: bool,
    explanation: &mut Vec<String>,
) -> Result<Deliveries, String> {
    let net = Network {
        studio,
        wrap: shoot.0,
        uplink,
        streaming,
        wanted,
    };
    let mut flows = net.start_flows(downlinks);
    let (legs, peak) = net.run(&mut flows)?;

    // The explanation: traffic first, then each site's sum.
    let first_traffic = flows.len();
    if first_traffic > 0 {
        explanation.push(format!(
            "Network traffic: {first_traffic} users download at the same time through the studio's {} uplink, so an equal share is {} each (÷ {first_traffic}); anyone who needs less leaves the rest to the others.",
            uplink.human(),
            BitsPerSecond(uplink.0 / first_traffic as f64).human()
        ));
    }
    let outcomes = wanted
        .iter()
        .zip(&flows)
        .map(|(w, f)| net.outcome(spec, w, f, &legs, explanation))
        .collect();
    Ok(Deliveries {
        outcomes,
        legs,
        peak_traffic: peak,
    })
}

/// The fixed facts of one network simulation.
struct Network<'a> {
    /// Index of the studio site, where every download starts.
    studio: usize,
    /// Seconds from rolling to wrap.
    wrap: f64,
    /// The studio uplink, shared by every download running at once.
    uplink: BitsPerSecond,
    /// Uploading while shooting: transfers start when the camera rolls.
    streaming: bool,
    wanted: &'a [Wanted],
}

impl Network<'_> {
    /// One flow per collaborator, in site order; an empty one is done at the start.
    fn start_flows(&self, downlinks: &[BitsPerSecond]) -> Vec<Flow> {
        let mut flows: Vec<Flow> = self
            .wanted
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
                f.finish = Some(if self.streaming { 0.0 } else { self.wrap });
            }
        }
        flows
    }

    /// Steps from event to event until every flow has finished: the timeline, in time order,
    /// and the most downloads that ran at once.
    fn run(&self, flows: &mut [Flow]) -> Result<(Vec<TransferLeg>, usize), String> {
        let mut legs: Vec<TransferLeg> = Vec::new();
        let mut peak = 0;
        let mut t = if self.streaming { 0.0 } else { self.wrap };
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
            let (caught_up, rates) = self.shares(flows, &active, t);
            let t_next = self.next_event(flows, &active, &caught_up, &rates, t)?;
            self.advance(flows, &active, &rates, (t, t_next), &mut legs);
            t = t_next;
        }
        legs.sort_by(|a, b| a.start.0.total_cmp(&b.start.0).then(a.to.cmp(&b.to)));
        Ok((legs, peak))
    }

    /// Which active flows have caught up with the camera at `t`, and each one's rate: a flow
    /// that has caught up can take no more than the camera makes.
    fn shares(&self, flows: &[Flow], active: &[usize], t: f64) -> (Vec<bool>, Vec<f64>) {
        let wrap = self.wrap;
        let caught_up: Vec<bool> = active
            .iter()
            .map(|&i| {
                let f = &flows[i];
                t < wrap && f.done >= f.available(t, wrap, self.streaming) - f.tolerance()
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
        let rates = fair_shares(self.uplink.0, &caps);
        (caught_up, rates)
    }

    /// The time of the next event after `t`: wrap, a flow finishing, or a flow catching up
    /// with the camera.
    fn next_event(
        &self,
        flows: &[Flow],
        active: &[usize],
        caught_up: &[bool],
        rates: &[f64],
        t: f64,
    ) -> Result<f64, String> {
        let wrap = self.wrap;
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
                let behind = f.available(t, wrap, self.streaming) - f.done;
                dt = dt.min(behind / (r - f.produce));
            }
        }
        if !(dt.is_finite() && dt >= 0.0) {
            return Err("no data can move: every rate is zero".into());
        }
        Ok(
            if t < wrap && (t + dt - wrap).abs() <= 1.0e-9 * wrap.max(1.0) {
                wrap
            } else {
                t + dt
            },
        )
    }

    /// Moves every active flow from `t` to `t_next` at its rate (never ahead of the camera),
    /// records when flows finish, and adds the legs to the timeline.
    fn advance(
        &self,
        flows: &mut [Flow],
        active: &[usize],
        rates: &[f64],
        (t, t_next): (f64, f64),
        legs: &mut Vec<TransferLeg>,
    ) {
        let wrap = self.wrap;
        let traffic = active.len();
        for (k, &i) in active.iter().enumerate() {
            let f = &mut flows[i];
            let r = rates[k];
            let before = f.done;
            let limit = f.available(t_next, wrap, self.streaming);
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
                    legs,
                    TransferLeg {
                        from: self.studio,
                        to: self.wanted[i].site,
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
    }

    /// One collaborator's outcome, and its line of the explanation.
    fn outcome(
        &self,
        spec: &CloudSpec,
        w: &Wanted,
        f: &Flow,
        legs: &[TransferLeg],
        explanation: &mut Vec<String>,
    ) -> SiteOutcome {
        let (wrap, streaming) = (self.wrap, self.streaming);
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
        SiteOutcome {
            site: w.site,
            needs: w.needs,
            receives: w.receives,
            via: Via::Network,
            bytes: w.bytes,
            ready_after_wrap: ready,
            meets_deadline: false,
            bottleneck: bottleneck(site, w, f, legs, self.uplink, streaming, ready),
        }
    }
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
    use crate::stops::innovation::cloud::test_support::{close, network, run, toy};

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
    fn fair_shares_fill_like_water() {
        assert_eq!(fair_shares(3.0, &[10.0, 10.0, 10.0]), vec![1.0, 1.0, 1.0]);
        assert_eq!(fair_shares(3.0, &[0.5, 10.0, 10.0]), vec![0.5, 1.25, 1.25]);
        assert_eq!(fair_shares(3.0, &[0.5, 0.5, 0.5]), vec![0.5, 0.5, 0.5]);
        assert!(fair_shares(3.0, &[]).is_empty());
    }
}
