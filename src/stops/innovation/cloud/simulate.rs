//! The simulation's entry point, [`simulate`]: the footage the camera makes, what each
//! collaborator is sent, and the courier plan. The network plan lives in `stream.rs`.

use super::DEADLINE_SLACK_S;
use super::outcome::{Simulation, SiteOutcome, TransferLeg, Via};
use super::plan::Plan;
use super::spec::{CameraSpec, CloudSpec, LinkSpec, Resolution};
use super::stream::stream;
use super::units::{BitsPerSecond, Bytes, BytesPerSecond, Seconds, transfer_time};

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

    let shoot = spec.shoot_time();
    let camera_rate = camera.rate();
    let footage = camera_rate.bytes_in(shoot);
    let proxy_footage = plan.proxies.then(|| spec.proxy.rate().bytes_in(shoot));
    let deadline = spec.deadline();

    let mut explanation = explain_footage(spec, camera, shoot, footage, proxy_footage);
    let wanted = wanted_by_site(spec, plan, footage, proxy_footage, camera_rate);
    let Deliveries {
        outcomes,
        legs: transfers,
        peak_traffic,
    } = deliver(spec, plan, studio, shoot, &wanted, &mut explanation)?;

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

/// The first lines of the explanation: the camera's rate in bits and bytes, the day's footage,
/// and how much smaller the proxies are.
fn explain_footage(
    spec: &CloudSpec,
    camera: &CameraSpec,
    shoot: Seconds,
    footage: Bytes,
    proxy_footage: Option<Bytes>,
) -> Vec<String> {
    let camera_rate = camera.rate();
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
    explanation
}

/// What each collaborator is sent: proxies when the plan makes them and they are enough,
/// otherwise the full-resolution footage.
fn wanted_by_site(
    spec: &CloudSpec,
    plan: &Plan,
    footage: Bytes,
    proxy_footage: Option<Bytes>,
    camera_rate: BitsPerSecond,
) -> Vec<Wanted> {
    spec.collaborators()
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
        .collect()
}

/// Runs the plan's way of delivering: shipping drives, or the network with each site's own
/// downlink.
fn deliver(
    spec: &CloudSpec,
    plan: &Plan,
    studio: usize,
    shoot: Seconds,
    wanted: &[Wanted],
    explanation: &mut Vec<String>,
) -> Result<Deliveries, String> {
    if plan.ship_drives {
        return Ok(ship(spec, studio, shoot, wanted, explanation));
    }
    let uplink = spec
        .links
        .get(plan.uplink)
        .ok_or("the plan's uplink does not exist")?;
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
        wanted,
        plan.upload_while_shooting,
        explanation,
    )
}

/// The per-site outcomes and the timeline of one way of delivering.
pub(super) struct Deliveries {
    pub(super) outcomes: Vec<SiteOutcome>,
    pub(super) legs: Vec<TransferLeg>,
    pub(super) peak_traffic: usize,
}

/// What one collaborator is sent, and how fast the camera makes it.
pub(super) struct Wanted {
    pub(super) site: usize,
    pub(super) needs: Resolution,
    pub(super) receives: Resolution,
    pub(super) bytes: Bytes,
    pub(super) produce: BitsPerSecond,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::innovation::cloud::test_support::{
        bundled, close, link_index, network, run, site_index, toy,
    };

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
}
