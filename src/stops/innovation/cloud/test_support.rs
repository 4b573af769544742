//! Shared helpers for the cloud tests: a small spec with round numbers, the bundled spec,
//! and short ways to find sites and links and to run a plan.

use super::*;

pub(super) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1.0e-9 * b.abs().max(1.0)
}

pub(super) fn bundled() -> CloudSpec {
    match bundled_cloud() {
        Ok(spec) => spec,
        Err(e) => panic!("bundled innovation.ron: {e}"),
    }
}

pub(super) fn site_index(spec: &CloudSpec, id: &str) -> usize {
    spec.sites
        .iter()
        .position(|s| s.id == id)
        .unwrap_or_else(|| panic!("no site {id}"))
}

pub(super) fn link_index(spec: &CloudSpec, mbps: f64) -> usize {
    spec.links
        .iter()
        .position(|l| l.rate_mbps == mbps)
        .unwrap_or_else(|| panic!("no {mbps} Mbps link"))
}

pub(super) fn run(spec: &CloudSpec, plan: &Plan) -> Simulation {
    match simulate(spec, plan) {
        Ok(sim) => sim,
        Err(e) => panic!("simulate: {e}"),
    }
}

/// A small spec with round numbers, for exact checks.
pub(super) fn toy() -> CloudSpec {
    let bundled = bundled();
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
        taste: bundled.taste,
        ai_cases: bundled.ai_cases,
        // The bundled briefs: the cloud maths does not use them.
        briefs: bundled.briefs,
    }
}

pub(super) fn network(spec: &CloudSpec) -> Plan {
    Plan {
        ship_drives: false,
        uplink: 0,
        per_site_link: vec![1; spec.sites.len()],
        ..Plan::default_for(spec)
    }
}
