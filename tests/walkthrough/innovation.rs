//! Stop 5, Innovation: the cloud plan, the concept trailer, the taste lab and the AI cases.

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
    assert_level_not_done(app);
    train_the_taste_model(app);
    relabel_and_train_again(app);
    decide_ai_cases(app, 3);
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
    if core(app, STOP, "taste") > 0 {
        assert_level_not_done(app);
        train_the_taste_model(app);
        relabel_and_train_again(app);
    }
    let cases = core(app, STOP, "ai-cases");
    if cases > 0 {
        assert_level_not_done(app);
        decide_ai_cases(app, cases as usize);
    }
    send(app, TourCommand::FinishLevel);
}

fn taste(app: &App) -> backlot::stops::innovation::taste::model::TasteLab {
    use backlot::stops::innovation::level::InnovationState;
    app.world().resource::<InnovationState>().taste.clone()
}

fn taste_command(app: &mut App, c: backlot::stops::innovation::taste::model::TasteCommand) {
    send(
        app,
        backlot::stops::innovation::level::InnovationCommand::Taste(c),
    );
}

/// The taste lab: training with too few labels, or with a mood nobody labelled, is refused
/// with its reason; labelled by look, the model trains and predicts the new shots.
pub(super) fn train_the_taste_model(app: &mut App) {
    use backlot::stops::innovation::cloud::CloudSpec;
    use backlot::stops::innovation::taste::model::{NEW_SHOTS, TRAINING_SHOTS, TasteCommand};
    use backlot::stops::innovation::taste::show_me::mood_by_look;
    let spec = app.world().resource::<Content<CloudSpec>>().0.taste.clone();
    assert!(
        taste(app).ready(),
        "the shots are made when the level opens"
    );
    taste_command(app, TasteCommand::Train);
    let lab = taste(app);
    assert!(lab.model.is_none());
    let reason = lab.error.unwrap_or_default();
    assert!(reason.contains("Not enough examples"), "{reason}");
    for shot in 0..6 {
        taste_command(
            app,
            TasteCommand::Label {
                shot,
                mood: Some(1),
            },
        );
    }
    taste_command(app, TasteCommand::Train);
    let lab = taste(app);
    assert!(lab.model.is_none(), "one mood missing: refused");
    let reason = lab.error.unwrap_or_default();
    assert!(
        reason.contains(&format!("No {} example", spec.moods[0].label)),
        "{reason}"
    );
    for shot in 0..TRAINING_SHOTS {
        let mood = mood_by_look(&spec, &taste(app).shots[shot]);
        taste_command(app, TasteCommand::Label { shot, mood });
    }
    taste_command(app, TasteCommand::Train);
    let lab = taste(app);
    assert_eq!(lab.error, None);
    assert_eq!(lab.predictions.len(), NEW_SHOTS);
    assert!(
        lab.agreement()
            .is_some_and(|(agree, of)| of == TRAINING_SHOTS && agree > of / 2)
    );
}

/// A label changed and the model trained again: the task is done.
pub(super) fn relabel_and_train_again(app: &mut App) {
    use backlot::stops::innovation::taste::model::TasteCommand;
    let lab = taste(app);
    let first = lab.labels[0].unwrap_or(0);
    taste_command(
        app,
        TasteCommand::Label {
            shot: 0,
            mood: Some((first + 1) % 3),
        },
    );
    assert!(taste(app).stale());
    taste_command(app, TasteCommand::Train);
    let lab = taste(app);
    assert!(lab.done() && !lab.stale());
    assert_eq!(lab.trainings, 2);
}

/// Decides the first `n` AI cases: every topic gets a choice, and the choices are recorded.
pub(super) fn decide_ai_cases(app: &mut App, n: usize) {
    use backlot::stops::innovation::level::{InnovationCommand, InnovationState};
    use backlot::stops::innovation::studio_ai::model::{AiCaseCommand, Topic};
    for case in 0..n {
        for (option, topic) in Topic::ALL.into_iter().enumerate() {
            send(
                app,
                InnovationCommand::AiCase(AiCaseCommand::Choose {
                    case,
                    topic,
                    option: option % 2,
                }),
            );
        }
        let cases = &app.world().resource::<InnovationState>().ai_cases;
        assert!(cases.decided(case));
        assert_eq!(cases.choice(case, Topic::Credit), Some(1));
    }
    send(
        app,
        InnovationCommand::AiCase(AiCaseCommand::Choose {
            case: 9,
            topic: Topic::Jobs,
            option: 0,
        }),
    );
    let cases = &app.world().resource::<InnovationState>().ai_cases;
    assert!(
        cases.error.is_some(),
        "a case that does not exist is refused"
    );
    assert_eq!(cases.decided_count(), n);
}
