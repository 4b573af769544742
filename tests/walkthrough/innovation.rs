//! Stop 5, Innovation: the cloud plan and the concept trailer.

use super::*;

/// Stop 5: a plan that misses the deadline, one that meets it, then the director's brief:
/// a result that misses it refused for approval and rejected, a refined one approved.
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
    // The director's words are in the prompt box, and the generator reads them wrongly.
    let brief = state(app).brief().cloned().expect("a director's brief");
    assert_eq!(state(app).prompt_text, brief.text);
    send(app, InnovationCommand::ApproveConcept);
    assert!(
        verdict(app).is_some_and(|(ok, text)| !ok && text.contains("nothing to approve")),
        "{:?}",
        verdict(app)
    );
    send(app, InnovationCommand::Generate);
    let first = state(app).concept.clone().expect("a concept");
    // The same prompt and seed give the same scene.
    send(app, InnovationCommand::Generate);
    let again = state(app).concept.clone().expect("a concept");
    assert_eq!(first.scene, again.scene);
    // Approving a result that misses the brief is refused, with the points it misses.
    send(app, InnovationCommand::ApproveConcept);
    let (accepted, text) = verdict(app).expect("an answer");
    assert!(!accepted && text.contains("misses the"), "{text}");
    send(app, TourCommand::FinishLevel);
    assert_eq!(
        phase(app),
        Some(StopPhase::Level),
        "a result that misses the brief does not finish the level"
    );
    send(app, InnovationCommand::RejectConcept);
    assert!(
        verdict(app).is_some_and(|(ok, _)| ok),
        "the miss is rejected"
    );
    // Refined until it meets every point of the brief.
    let refined_text = brief.applied_to(first.prompt).to_text();
    send(app, InnovationCommand::SetPrompt(refined_text));
    send(app, InnovationCommand::Generate);
    let refined = state(app).concept.clone().expect("a concept");
    assert_ne!(first.scene, refined.scene);
    // Rejecting a result that meets the brief is refused.
    send(app, InnovationCommand::RejectConcept);
    let (accepted, text) = verdict(app).expect("an answer");
    assert!(!accepted && text.contains("meets every point"), "{text}");
    send(app, InnovationCommand::ApproveConcept);
    assert!(
        verdict(app).is_some_and(|(ok, _)| ok),
        "the match is approved"
    );
    assert!(state(app).brief_met());
    send(app, TourCommand::FinishLevel);
}

fn state(app: &App) -> &backlot::stops::innovation::level::InnovationState {
    app.world()
        .resource::<backlot::stops::innovation::level::InnovationState>()
}

/// The answer to the last Reject or Approve: accepted, and its words.
fn verdict(app: &App) -> Option<(bool, String)> {
    let v = state(app).review.as_ref()?.verdict.clone()?;
    Some((v.accepted, v.text))
}

/// Stop 5 with its core tasks only: a plan that meets the deadline and a concept, refined until
/// it meets the director's brief only where the lesson length makes refining core.
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
    send(app, InnovationCommand::Generate);
    if core(app, STOP, "refine") > 0 {
        assert_level_not_done(app);
        let brief = state(app).brief().cloned().expect("a director's brief");
        send(app, InnovationCommand::RejectConcept);
        let base = state(app).concept.as_ref().expect("a concept").prompt;
        send(
            app,
            InnovationCommand::SetPrompt(brief.applied_to(base).to_text()),
        );
        send(app, InnovationCommand::Generate);
        send(app, InnovationCommand::ApproveConcept);
    }
    send(app, TourCommand::FinishLevel);
}
