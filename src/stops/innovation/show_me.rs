//! "Show me" for Innovation: the first task not yet done. Mostly that is the cloud plan:
//! the plan closest to the student's that gets every collaborator their footage within the
//! deadline is found by trying every plan, then set one choice at a time with the units maths
//! that makes it necessary, and the day is run. Once a plan has met the deadline, the concept
//! is shown: the director's words generated and checked against the brief, the miss rejected,
//! the prompt refined until every point is met, and the result approved. Then the
//! taste lab (`taste::show_me`) and the AI cases (`studio_ai::show_me`).

use bevy::prelude::*;

use crate::classroom::presenter::model::ShowStep;
use crate::classroom::presenter::show_me::ShowMe;
use crate::stops::innovation::cloud::{BitsPerSecond, Seconds};
use crate::stops::innovation::cloud::{
    Bytes, CloudSpec, Plan, Resolution, Role, Simulation, simulate, transfer_time,
};
use crate::stops::innovation::concept::{Decision, missed_words, read_prompt};
use crate::stops::innovation::level::{InnovationCommand, InnovationState, default_prompt};
use crate::stops::innovation::studio_ai::show_me::case_steps;
use crate::stops::innovation::taste::show_me::taste_steps;
use crate::tour::content_plugin::Content;

/// Most plans the search tries; a spec with more choices than this only varies the links
/// between the student's and the fastest.
const MAX_PLANS: usize = 50_000;

/// The steps that finish the first task of `state` not yet done.
pub fn show_me_steps(
    state: &InnovationState,
    spec: &CloudSpec,
) -> Vec<ShowStep<InnovationCommand>> {
    if !state.best_met {
        return plan_steps(state, spec);
    }
    if !state.brief_met() {
        return concept_steps(state);
    }
    if !state.taste.done() {
        return taste_steps(state, &spec.taste);
    }
    case_steps(state, &spec.ai_cases)
}

/// Set a plan that meets the deadline, one choice at a time, and run the day.
pub fn plan_steps(state: &InnovationState, spec: &CloudSpec) -> Vec<ShowStep<InnovationCommand>> {
    let Some(target) = closest_passing_plan(spec, &state.plan) else {
        return Vec::new();
    };
    let mut plan = state.plan.clone();
    let mut steps = Vec::new();
    let set = |plan: &Plan, caption: String| {
        ShowStep::new(caption, InnovationCommand::SetPlan(plan.clone()))
    };
    if plan.ship_drives != target.ship_drives {
        plan.ship_drives = target.ship_drives;
        steps.push(set(&plan, shipping_caption(spec, target.ship_drives)));
    }
    if plan.proxies != target.proxies {
        plan.proxies = target.proxies;
        steps.push(set(&plan, proxies_caption(spec, &plan)));
    }
    if plan.upload_while_shooting != target.upload_while_shooting {
        plan.upload_while_shooting = target.upload_while_shooting;
        let caption = if target.upload_while_shooting {
            "upload while shooting: the footage leaves as the camera rolls, not at wrap".to_string()
        } else {
            "upload from wrap: the footage leaves once the camera stops".to_string()
        };
        steps.push(set(&plan, caption));
    }
    if plan.camera != target.camera {
        let caption = camera_caption(spec, plan.camera, target.camera);
        plan.camera = target.camera;
        steps.push(set(&plan, caption));
    }
    if plan.uplink != target.uplink {
        let caption = uplink_caption(spec, &plan, plan.uplink, target.uplink);
        plan.uplink = target.uplink;
        steps.push(set(&plan, caption));
    }
    for (site, &link) in target.per_site_link.iter().enumerate() {
        if plan.per_site_link.get(site) != Some(&link) {
            let caption = site_link_caption(spec, &plan, site, link);
            if let Some(slot) = plan.per_site_link.get_mut(site) {
                *slot = link;
            }
            steps.push(set(&plan, caption));
        }
    }
    let run = match simulate(spec, &plan) {
        Ok(sim) => run_caption(spec, &sim),
        Err(_) => return Vec::new(),
    };
    steps.push(ShowStep::new(run, InnovationCommand::RunDay));
    steps
}

/// The plan that meets the deadline with the fewest changes to `from`, keeping the camera
/// the production chose if any such plan exists, and on cheaper links where there is a choice.
pub fn closest_passing_plan(spec: &CloudSpec, from: &Plan) -> Option<Plan> {
    if from.check(spec).is_err() {
        return None;
    }
    let passes = |plan: &Plan| simulate(spec, plan).is_ok_and(|s| s.all_meet_deadline);
    let best_of = |cameras: &[usize]| {
        candidates(spec, from, cameras)
            .into_iter()
            .filter(|p| passes(p))
            .min_by_key(|p| {
                (
                    changes(from, p),
                    p.uplink + p.per_site_link.iter().sum::<usize>(),
                )
            })
    };
    best_of(&[from.camera]).or_else(|| {
        let others: Vec<usize> = (0..spec.cameras.len()).collect();
        best_of(&others)
    })
}

/// Every plan on these cameras: each switch, the uplink, and each collaborator's link (the
/// studio's own entry is kept). With too many, each link is the student's or the fastest.
fn candidates(spec: &CloudSpec, from: &Plan, cameras: &[usize]) -> Vec<Plan> {
    let all: Vec<usize> = (0..spec.links.len()).collect();
    let fastest = (0..spec.links.len())
        .max_by(|&a, &b| spec.links[a].rate_mbps.total_cmp(&spec.links[b].rate_mbps))
        .unwrap_or(0);
    let collaborators: Vec<usize> = spec.collaborators().map(|(i, _)| i).collect();
    let per_plan = 8 * cameras.len();
    let count = collaborators
        .iter()
        .fold(per_plan * all.len(), |n, _| n.saturating_mul(all.len()));
    let links_for = |now: usize| -> Vec<usize> {
        if count <= MAX_PLANS {
            all.clone()
        } else {
            let mut few = vec![now, fastest];
            few.dedup();
            few
        }
    };
    let mut link_sets: Vec<Vec<usize>> = vec![from.per_site_link.clone()];
    for &site in &collaborators {
        let now = from.per_site_link.get(site).copied().unwrap_or(0);
        link_sets = link_sets
            .into_iter()
            .flat_map(|set| {
                links_for(now).into_iter().map(move |link| {
                    let mut set = set.clone();
                    set[site] = link;
                    set
                })
            })
            .collect();
    }
    let mut plans = Vec::new();
    for &camera in cameras {
        for bits in 0..8u8 {
            for uplink in links_for(from.uplink) {
                for links in &link_sets {
                    plans.push(Plan {
                        camera,
                        ship_drives: bits & 1 != 0,
                        proxies: bits & 2 != 0,
                        upload_while_shooting: bits & 4 != 0,
                        uplink,
                        per_site_link: links.clone(),
                    });
                }
            }
        }
    }
    plans
}

/// How many choices differ; a different camera counts three, since it changes the film.
fn changes(a: &Plan, b: &Plan) -> usize {
    let links = a
        .per_site_link
        .iter()
        .zip(&b.per_site_link)
        .filter(|(x, y)| x != y)
        .count();
    3 * usize::from(a.camera != b.camera)
        + usize::from(a.ship_drives != b.ship_drives)
        + usize::from(a.proxies != b.proxies)
        + usize::from(a.upload_while_shooting != b.upload_while_shooting)
        + usize::from(a.uplink != b.uplink)
        + links
}

/// The day's footage from `camera`, or of proxies.
fn footage(spec: &CloudSpec, camera: usize, resolution: Resolution) -> Bytes {
    let rate = match resolution {
        Resolution::Full => spec.cameras.get(camera).map_or(0.0, |c| c.data_rate_mbps),
        Resolution::Proxy => spec.proxy.data_rate_mbps,
    };
    BitsPerSecond::mbps(rate).bytes_in(spec.shoot_time())
}

/// What a collaborator is sent under `plan`.
fn sent(spec: &CloudSpec, plan: &Plan, site: usize) -> Resolution {
    match spec.sites.get(site).map(|s| s.needs) {
        Some(Resolution::Proxy) if plan.proxies => Resolution::Proxy,
        _ => Resolution::Full,
    }
}

fn link_rate(spec: &CloudSpec, link: usize) -> BitsPerSecond {
    BitsPerSecond::mbps(spec.links.get(link).map_or(0.0, |l| l.rate_mbps))
}

fn link_name(spec: &CloudSpec, link: usize) -> String {
    spec.links
        .get(link)
        .map_or_else(|| format!("link {link}"), |l| l.name.clone())
}

fn deadline_words(spec: &CloudSpec) -> String {
    format!("{} after wrap", spec.deadline().human())
}

fn shipping_caption(spec: &CloudSpec, ship: bool) -> String {
    if ship {
        return "ship the drives by courier: the network cannot carry this much in time".into();
    }
    let slowest = spec
        .collaborators()
        .filter_map(|(i, s)| spec.courier_time(i).map(|t| (t, s)))
        .max_by(|a, b| a.0.0.total_cmp(&b.0.0));
    match slowest {
        Some((time, site)) => format!(
            "stop shipping drives: the courier to {} alone takes {} door to door, and the deadline is {}",
            site.city,
            time.human(),
            deadline_words(spec)
        ),
        None => format!(
            "stop shipping drives: send the footage over the network to meet the deadline, {}",
            deadline_words(spec)
        ),
    }
}

fn proxies_caption(spec: &CloudSpec, plan: &Plan) -> String {
    if !plan.proxies {
        return "send everyone the camera original: no proxies".into();
    }
    let who: Vec<String> = spec
        .collaborators()
        .filter(|(_, s)| s.needs == Resolution::Proxy)
        .map(|(_, s)| format!("the {}", role_words(s.role)))
        .collect();
    format!(
        "make proxies on set: {} only need proxies, {} for the day instead of {} of camera original",
        join_and(&who),
        footage(spec, plan.camera, Resolution::Proxy).human(),
        footage(spec, plan.camera, Resolution::Full).human()
    )
}

fn camera_caption(spec: &CloudSpec, from: usize, to: usize) -> String {
    let name = spec
        .cameras
        .get(to)
        .map_or("another camera", |c| c.name.as_str());
    format!(
        "film on the {name}: {} of footage for the day instead of {}",
        footage(spec, to, Resolution::Full).human(),
        footage(spec, from, Resolution::Full).human()
    )
}

/// The uplink carries every download at once: the whole day's sending, at the old and the
/// new rate.
fn uplink_caption(spec: &CloudSpec, plan: &Plan, from: usize, to: usize) -> String {
    let total = Bytes(
        spec.collaborators()
            .map(|(i, _)| footage(spec, plan.camera, sent(spec, plan, i)).0)
            .sum(),
    );
    let time = |link| transfer_time(total, link_rate(spec, link)).human();
    format!(
        "give the studio {}: every download shares its uplink, and {} (× 8 = {}) takes {} at {} but {} at {}",
        link_name(spec, to),
        total.human(),
        total.to_bits().human(),
        time(from),
        link_rate(spec, from).human(),
        time(to),
        link_rate(spec, to).human()
    )
}

fn site_link_caption(spec: &CloudSpec, plan: &Plan, site: usize, link: usize) -> String {
    let Some(s) = spec.sites.get(site) else {
        return format!("give site {site} {}", link_name(spec, link));
    };
    let resolution = sent(spec, plan, site);
    let size = footage(spec, plan.camera, resolution);
    let from = plan.per_site_link.get(site).copied().unwrap_or(0);
    let time = |link: usize| -> Seconds { transfer_time(size, link_rate(spec, link)) };
    format!(
        "{}'s {} needs {}: {} takes {} at {} but {} on {}",
        s.city,
        role_words(s.role),
        resolution.label(),
        size.human(),
        time(from).human(),
        link_rate(spec, from).human(),
        time(link).human(),
        link_name(spec, link)
    )
}

fn run_caption(spec: &CloudSpec, sim: &Simulation) -> String {
    let ready: Vec<String> = sim
        .sites
        .iter()
        .filter_map(|o| {
            spec.sites
                .get(o.site)
                .map(|s| format!("{} {}", s.city, o.ready_after_wrap.human()))
        })
        .collect();
    format!(
        "run the day: ready after wrap in {} — everyone within the {} deadline",
        join_and(&ready),
        spec.deadline().human()
    )
}

/// A role as it reads inside a sentence: "director", "VFX artist".
fn role_words(role: Role) -> String {
    let label = role.label();
    if label.chars().nth(1).is_some_and(char::is_uppercase) {
        label.to_string()
    } else {
        label.to_lowercase()
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Check results against the director's brief: reject the one on screen if it misses; with no
/// miss caught yet, generate the director's own words (the content makes sure the generator
/// reads them wrongly) and reject that; then refine the prompt until it says every point in
/// words the generator knows, generate, and approve.
pub fn concept_steps(state: &InnovationState) -> Vec<ShowStep<InnovationCommand>> {
    let Some(review) = &state.review else {
        return Vec::new();
    };
    let brief = &review.brief;
    let mut steps = Vec::new();
    let mut caught = review.caught_miss;
    if review.result_misses() && review.decision != Some(Decision::Rejected) {
        steps.push(ShowStep::new(
            format!(
                "check the result against the brief: it misses {}, so reject it",
                missed_words(&review.checks)
            ),
            InnovationCommand::RejectConcept,
        ));
        caught = true;
    } else if caught && review.result_meets() && review.decision.is_none() {
        steps.push(ShowStep::new(
            "it meets every point of the brief: approve it for the director",
            InnovationCommand::ApproveConcept,
        ));
        return steps;
    }
    if !caught {
        let Ok(reading) = read_prompt(&brief.text, state.seed) else {
            return Vec::new();
        };
        if state.prompt_text != brief.text {
            steps.push(ShowStep::new(
                format!("start from the director's own words: \"{}\"", brief.text),
                InnovationCommand::SetPrompt(brief.text.clone()),
            ));
        }
        steps.push(ShowStep::new(
            "generate, then check the result against the brief point by point",
            InnovationCommand::Generate,
        ));
        steps.push(ShowStep::new(
            format!(
                "the generator misread the director's words: the result misses {}, so reject it",
                missed_words(&brief.check_prompt(&reading.prompt))
            ),
            InnovationCommand::RejectConcept,
        ));
    }
    let base = state
        .prompt
        .or(review.result)
        .unwrap_or_else(|| default_prompt(state.seed));
    let target = brief.applied_to(base).to_text();
    steps.push(ShowStep::new(
        format!("refine the prompt: say every point in words the generator knows: \"{target}\""),
        InnovationCommand::SetPrompt(target),
    ));
    steps.push(ShowStep::new(
        "generate again and check: every point of the brief is met",
        InnovationCommand::Generate,
    ));
    steps.push(ShowStep::new(
        "approve it for the director: it matches the brief",
        InnovationCommand::ApproveConcept,
    ));
    steps
}

impl ShowMe for InnovationState {
    type Command = InnovationCommand;
    fn steps(world: &World) -> Vec<ShowStep<InnovationCommand>> {
        match (
            world.get_resource::<InnovationState>(),
            world.get_resource::<Content<CloudSpec>>(),
        ) {
            (Some(state), Some(spec)) => show_me_steps(state, spec),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::model::scene::bundled_scenes;
    use crate::stops::innovation::cloud::bundled_cloud;

    fn spec() -> CloudSpec {
        bundled_cloud().expect("bundled innovation.ron")
    }

    fn play(state: &mut InnovationState, spec: &CloudSpec, steps: &[ShowStep<InnovationCommand>]) {
        let scenes = bundled_scenes();
        for step in steps {
            match &step.command {
                InnovationCommand::SetPlan(plan) => state.set_plan(plan.clone()),
                InnovationCommand::RunDay => state.run_day(spec),
                InnovationCommand::SetPrompt(text) => state.set_prompt_text(text),
                InnovationCommand::Generate => state.generate(&scenes),
                InnovationCommand::Taste(c) => state.taste.apply(c, &spec.taste),
                InnovationCommand::AiCase(c) => state.ai_cases.apply(c, &spec.ai_cases),
                InnovationCommand::RejectConcept => state.reject_concept(),
                InnovationCommand::ApproveConcept => state.approve_concept(&spec.briefs),
                other => panic!("not part of the solution: {other:?}"),
            }
        }
    }

    #[test]
    fn from_the_opening_plan_the_steps_meet_the_deadline_one_choice_at_a_time() {
        let spec = spec();
        let mut state = InnovationState::new(&spec, 7);
        let steps = show_me_steps(&state, &spec);
        assert_eq!(
            steps.last().map(|s| s.command.clone()),
            Some(InnovationCommand::RunDay)
        );
        let plans: Vec<&Plan> = steps
            .iter()
            .filter_map(|s| match &s.command {
                InnovationCommand::SetPlan(p) => Some(p),
                _ => None,
            })
            .collect();
        let mut before = state.plan.clone();
        for plan in &plans {
            assert_eq!(changes(&before, plan), 1, "one choice per step");
            before = (*plan).clone();
        }
        assert_eq!(plans[0].camera, 0, "the production's camera is kept");
        assert!(steps[0].caption.contains("courier"), "{}", steps[0].caption);
        play(&mut state, &spec, &steps);
        assert!(state.best_met, "the day met the deadline");
        let sim = state.last_simulation().expect("run");
        assert!(sim.all_meet_deadline);
        assert!(
            steps.iter().any(|s| s.caption.contains("× 8")),
            "the bits and bytes maths is shown: {steps:?}"
        );
        assert!(
            steps
                .iter()
                .any(|s| s.caption.contains("London's VFX artist")),
            "{steps:?}"
        );
    }

    #[test]
    fn a_half_done_plan_keeps_its_good_choices() {
        let spec = spec();
        let mut state = InnovationState::new(&spec, 7);
        state.run_day(&spec);
        let mut plan = state.plan.clone();
        plan.ship_drives = false;
        plan.proxies = true;
        state.set_plan(plan);
        let steps = show_me_steps(&state, &spec);
        assert!(
            steps
                .iter()
                .all(|s| !s.caption.contains("courier") && !s.caption.starts_with("make proxies")),
            "{steps:?}"
        );
        play(&mut state, &spec, &steps);
        assert!(state.best_met);
    }

    #[test]
    fn a_plan_that_already_meets_it_is_only_run() {
        let spec = spec();
        let mut state = InnovationState::new(&spec, 7);
        let target = closest_passing_plan(&spec, &state.plan).expect("a plan");
        state.set_plan(target);
        let steps = show_me_steps(&state, &spec);
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].command, InnovationCommand::RunDay);
    }

    #[test]
    fn after_the_deadline_the_brief_is_missed_caught_and_met() {
        let spec = spec();
        let mut last = None;
        for seed in 0..spec.briefs.len() as u64 {
            let mut state = InnovationState::new(&spec, seed);
            let steps = show_me_steps(&state, &spec);
            play(&mut state, &spec, &steps);
            assert!(state.best_met);
            let steps = show_me_steps(&state, &spec);
            assert_eq!(steps[0].command, InnovationCommand::Generate, "{steps:?}");
            assert!(steps[1].caption.contains("misses the"), "{steps:?}");
            play(&mut state, &spec, &steps);
            let review = state.review.clone().expect("a review");
            assert_eq!(review.rejections, 1, "the miss was rejected");
            assert!(review.verdict.is_some_and(|v| v.accepted));
            assert!(state.is_complete(), "seed {seed}: {:?}", state.review);
            last = Some(state);
        }
        let mut state = last.expect("a brief");
        // Then the taste lab: labelled, trained, one label changed and trained again.
        crate::stops::innovation::taste::ensure_shots(
            &mut state.taste,
            &spec.taste,
            &bundled_scenes(),
            state.seed,
        );
        let steps = show_me_steps(&state, &spec);
        assert!(steps.len() > 12, "{steps:?}");
        play(&mut state, &spec, &steps);
        assert!(state.taste.done() && state.taste.error.is_none());
        // Then each AI case, one at a time.
        for decided in 1..=spec.ai_cases.cases.len() {
            let steps = show_me_steps(&state, &spec);
            assert_eq!(steps.len(), 3, "consent, credit, jobs");
            assert!(steps[0].caption.contains("not the answer"), "{steps:?}");
            play(&mut state, &spec, &steps);
            assert_eq!(state.ai_cases.decided_count(), decided);
        }
        assert!(show_me_steps(&state, &spec).is_empty());
    }

    #[test]
    fn a_miss_on_screen_is_rejected_and_a_caught_match_approved() {
        let spec = spec();
        let scenes = bundled_scenes();
        let mut state = InnovationState::new(&spec, 1);
        state.best_met = true;
        state.set_prompt_text("a playful alien planet at noon");
        state.generate(&scenes);
        let steps = show_me_steps(&state, &spec);
        assert_eq!(steps[0].command, InnovationCommand::RejectConcept);
        assert!(
            steps[0].caption.contains("the place"),
            "a city was asked for: {steps:?}"
        );
        assert!(
            steps
                .iter()
                .all(|s| s.command != InnovationCommand::SetPrompt(state.prompt_text.clone())),
            "{steps:?}"
        );
        play(&mut state, &spec, &steps[..steps.len() - 1]);
        assert!(!state.is_complete());
        let steps = show_me_steps(&state, &spec);
        assert_eq!(
            steps.iter().map(|s| s.command.clone()).collect::<Vec<_>>(),
            vec![InnovationCommand::ApproveConcept]
        );
        play(&mut state, &spec, &steps);
        assert!(state.is_complete());
    }

    #[test]
    fn a_first_try_match_is_not_approved_by_the_demo() {
        let spec = spec();
        let scenes = bundled_scenes();
        let mut state = InnovationState::new(&spec, 0);
        state.best_met = true;
        let brief = state.brief().cloned().expect("a brief");
        state.pick_prompt(brief.applied_to(default_prompt(0)));
        state.generate(&scenes);
        let steps = show_me_steps(&state, &spec);
        assert_eq!(
            steps[0].command,
            InnovationCommand::SetPrompt(brief.text.clone())
        );
        play(&mut state, &spec, &steps);
        assert!(state.is_complete());
    }
}
