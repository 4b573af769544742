//! Stop 5, Innovation: the cloud plan and the concept trailer.

use super::*;

/// Stop 5: a plan that misses the deadline, one that meets it, then a prompt and a refinement.
pub(super) fn play_innovation_level(app: &mut App) {
    use backlot::stops::innovation::cloud::{CloudSpec, Plan};
    use backlot::stops::innovation::level::{InnovationCommand, InnovationState};
    let spec = app.world().resource::<Content<CloudSpec>>().0.clone();
    let ten = spec
        .links
        .iter()
        .position(|l| l.rate_mbps == 10_000.0)
        .expect("a 10 Gbps link");
    let london = spec
        .sites
        .iter()
        .position(|s| s.id == "london")
        .expect("London");
    send(app, InnovationCommand::RunDay);
    assert!(
        !app.world().resource::<InnovationState>().best_met,
        "shipping drives misses the deadline"
    );
    let mut plan = Plan::default_for(&spec);
    plan.ship_drives = false;
    plan.proxies = true;
    plan.upload_while_shooting = true;
    plan.uplink = ten;
    plan.per_site_link[london] = ten;
    send(app, InnovationCommand::SetPlan(plan));
    send(app, InnovationCommand::RunDay);
    assert!(app.world().resource::<InnovationState>().best_met);
    send(
        app,
        InnovationCommand::SetPrompt("a tense desert canyon at dusk in warm colours".into()),
    );
    send(app, InnovationCommand::Generate);
    let first = app
        .world()
        .resource::<InnovationState>()
        .concept
        .clone()
        .expect("a concept");
    // The same prompt and seed give the same scene.
    send(app, InnovationCommand::Generate);
    let again = app
        .world()
        .resource::<InnovationState>()
        .concept
        .clone()
        .expect("a concept");
    assert_eq!(first.scene, again.scene);
    send(app, TourCommand::FinishLevel);
    assert_eq!(
        phase(app),
        Some(StopPhase::Level),
        "one prompt is not a refinement"
    );
    send(
        app,
        InnovationCommand::SetPrompt("an eerie arctic night in cool colours".into()),
    );
    send(app, InnovationCommand::Generate);
    let refined = app
        .world()
        .resource::<InnovationState>()
        .concept
        .clone()
        .expect("a concept");
    assert_ne!(first.scene, refined.scene);
    send(app, TourCommand::FinishLevel);
}

/// Stop 5 with its core tasks only: a plan that meets the deadline and a concept, refined with
/// a second prompt only where the lesson length makes refining core.
pub(super) fn play_innovation_core(app: &mut App) {
    use backlot::stops::innovation::cloud::{CloudSpec, Plan};
    use backlot::stops::innovation::level::{InnovationCommand, STOP};
    let spec = app.world().resource::<Content<CloudSpec>>().0.clone();
    let ten = spec
        .links
        .iter()
        .position(|l| l.rate_mbps == 10_000.0)
        .expect("a 10 Gbps link");
    let mut plan = Plan::default_for(&spec);
    plan.ship_drives = false;
    plan.proxies = true;
    plan.upload_while_shooting = true;
    plan.uplink = ten;
    plan.per_site_link.iter_mut().for_each(|l| *l = ten);
    send(app, InnovationCommand::SetPlan(plan));
    send(app, InnovationCommand::RunDay);
    assert_level_not_done(app);
    send(
        app,
        InnovationCommand::SetPrompt("a tense desert canyon at dusk in warm colours".into()),
    );
    send(app, InnovationCommand::Generate);
    if core(app, STOP, "refine") > 0 {
        assert_level_not_done(app);
        send(
            app,
            InnovationCommand::SetPrompt("an eerie arctic night in cool colours".into()),
        );
        send(app, InnovationCommand::Generate);
    }
    send(app, TourCommand::FinishLevel);
}
