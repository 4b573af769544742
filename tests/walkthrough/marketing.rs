//! Stop 4, Social Media Marketing: a campaign posted through to the end.

use super::*;

/// Stop 4: the ratio lesson first, then the model plan, working out each post's ratio.
pub(super) fn play_marketing_level(app: &mut App) {
    use backlot::stops::marketing::level::{MarketingCommand, MarketingState};
    use backlot::stops::marketing::model::CampaignSpec;
    let plan = app
        .world()
        .resource::<Content<CampaignSpec>>()
        .best_plan()
        .expect("reachable");
    let answer = |app: &App| {
        let q = app
            .world()
            .resource::<MarketingState>()
            .ratio
            .clone()
            .expect("a question is open");
        format!("{:.2}", q.answer())
    };
    // Posting before the worked example is refused.
    send(app, MarketingCommand::Post(plan[0]));
    assert!(
        app.world()
            .resource::<MarketingState>()
            .campaign
            .posts()
            .is_empty()
    );
    // A wrong answer is refused with the tolerance stated; then 50 %, then 5 %.
    send(app, MarketingCommand::AnswerRatio("5".into()));
    assert_eq!(app.world().resource::<MarketingState>().ratios_solved, 0);
    for _ in 0..2 {
        let a = answer(app);
        send(app, MarketingCommand::AnswerRatio(a));
    }
    for _ in 0..20 {
        for post in &plan {
            send(app, MarketingCommand::Post(*post));
            let a = answer(app);
            send(app, MarketingCommand::AnswerRatio(a));
        }
        if app.world().resource::<MarketingState>().is_complete() {
            break;
        }
        send(app, MarketingCommand::Restart);
    }
    send(app, MarketingCommand::Export);
    let said = app
        .world()
        .resource::<MarketingState>()
        .exported
        .clone()
        .expect("exported")
        .expect("written");
    let path = said
        .strip_prefix("Saved ")
        .expect("the message names the file");
    let csv = std::fs::read_to_string(path).expect("the CSV is on disk");
    let rows = backlot::tour::model::csv::parse(&csv).expect("well-formed CSV");
    assert_eq!(rows.len(), plan.len() + 1, "a header and one row per post");
    send(app, TourCommand::FinishLevel);
}

/// Stop 4 with its core tasks only: the lesson's ratios and a campaign that meets both goals;
/// no export.
pub(super) fn play_marketing_core(app: &mut App) {
    use backlot::stops::marketing::level::{MarketingCommand, MarketingState};
    use backlot::stops::marketing::model::CampaignSpec;
    let plan = app
        .world()
        .resource::<Content<CampaignSpec>>()
        .best_plan()
        .expect("reachable");
    let answer = |app: &App| {
        let q = app
            .world()
            .resource::<MarketingState>()
            .ratio
            .clone()
            .expect("a question is open");
        format!("{:.2}", q.answer())
    };
    for _ in 0..2 {
        let a = answer(app);
        send(app, MarketingCommand::AnswerRatio(a));
    }
    assert_level_not_done(app);
    for _ in 0..20 {
        for post in &plan {
            send(app, MarketingCommand::Post(*post));
            let a = answer(app);
            send(app, MarketingCommand::AnswerRatio(a));
        }
        if app.world().resource::<LevelStatus>().complete {
            break;
        }
        send(app, MarketingCommand::Restart);
    }
    assert!(app.world().resource::<MarketingState>().exported.is_none());
    send(app, TourCommand::FinishLevel);
}
