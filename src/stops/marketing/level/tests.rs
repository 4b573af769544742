//! Tests of Stop 4's level state: posting, the ratio questions and their order, restarts.

use super::*;

fn spec() -> CampaignSpec {
    match model::bundled_campaign() {
        Some(spec) => spec,
        None => panic!("the bundled campaign loads"),
    }
}

/// The exact answer, typed the way a careful student would.
fn right_answer(state: &MarketingState) -> String {
    match &state.ratio {
        Some(q) => format!("{:.2}", q.answer()),
        None => panic!("a question is open"),
    }
}

fn solve_lesson(state: &mut MarketingState) {
    let answer = right_answer(state);
    state.answer(&answer);
    let answer = right_answer(state);
    state.answer(&answer);
}

/// The lesson's two examples are Short's ratios; the campaign's goals are core at every
/// length, and the export is an extension.
#[test]
fn the_core_follows_the_lesson_length() {
    use crate::tour::model::content::bundled_file;
    use crate::tour::model::lesson::{LessonLength, LessonTable, core_met};
    let table = bundled_file::<LessonTable>().expect("bundled lessons");
    let spec = spec();
    let plan = spec.best_plan().unwrap_or_default();
    let mut state = MarketingState::new(spec, 1);
    state.ratios_needed = table.core(STOP, "ratios", LessonLength::Short);
    solve_lesson(&mut state);
    assert_eq!(state.ratios_solved, 2);
    let met =
        |state: &MarketingState, length| core_met(table.tasks(STOP), length, &state.task_counts());
    assert!(!met(&state, LessonLength::Short), "the campaign is core");
    for _ in 0..20 {
        for post in &plan {
            assert_eq!(state.post(*post), Ok(()));
            let answer = right_answer(&state);
            state.answer(&answer);
        }
        if state.is_complete() {
            break;
        }
        state.restart();
    }
    for length in LessonLength::ALL {
        assert!(met(&state, length), "{length}");
    }
    assert!(state.exported.is_none(), "no export needed");
    assert!(state.stars() >= 2);
}

#[test]
fn the_lesson_comes_before_the_first_post() {
    let spec = spec();
    let plan = spec.best_plan().unwrap_or_default();
    let mut state = MarketingState::new(spec, 1);
    assert_eq!(state.ratio_topic, Some(RatioTopic::SeedExample));
    assert_eq!(state.ratio.as_ref().map(|q| q.answer()), Some(50.0));
    assert!(state.post(plan[0]).is_err(), "posting waits for the ratio");
    assert!(state.campaign.posts().is_empty());

    state.answer("abc");
    assert!(matches!(state.ratio_feedback, Some(Err(_))));
    assert_eq!(state.wrong_tries, 0, "input problems cost no try");

    state.answer("50%");
    assert_eq!(state.ratios_solved, 1);
    assert_eq!(state.ratio_topic, Some(RatioTopic::Comparison));
    assert_eq!(state.ratio.as_ref().map(|q| q.answer()), Some(5.0));
    let closed = state
        .last_closed
        .clone()
        .unwrap_or_else(|| panic!("closed"));
    assert!(closed.solved);
    assert!(
        !closed.worked.contains("5,000 ÷"),
        "the example's worked answer does not give the comparison away: {}",
        closed.worked
    );

    state.answer("5");
    assert_eq!(state.ratios_solved, 2);
    assert_eq!(state.ratio, None);
    assert_eq!(state.next_step(), NextStep::Post);
    assert_eq!(state.next_day(), Some(1));

    assert!(state.post(plan[0]).is_ok());
    assert_eq!(state.ratio_topic, Some(RatioTopic::Post(0)));
    assert!(!state.is_revealed(0));
    assert!(state.post(plan[1]).is_err(), "one post at a time");
    let answer = right_answer(&state);
    state.answer(&answer);
    assert!(state.is_revealed(0));
    assert_eq!(state.ratios_solved, 3);
}

/// Each campaign's first post is asked in round numbers, the next on the real ones.
#[test]
fn the_first_post_of_a_campaign_is_asked_in_round_numbers() {
    let spec = spec();
    let plan = spec.best_plan().unwrap_or_default();
    let mut state = MarketingState::new(spec, 7);
    solve_lesson(&mut state);
    for _run in 0..2 {
        for (i, post) in plan.iter().take(2).enumerate() {
            assert_eq!(state.post(*post), Ok(()));
            let q = state.ratio.clone().unwrap_or_else(|| panic!("asked"));
            let real = state.campaign.posts()[i];
            if i == 0 {
                assert_eq!(q.denominator % 1_000, 0, "{q:?}");
                assert!((q.answer() - q.answer().round()).abs() < 1e-9, "{q:?}");
            } else {
                assert_eq!((q.numerator, q.denominator), (real.likes, real.views));
            }
            let answer = right_answer(&state);
            state.answer(&answer);
        }
        state.restart();
    }
}

#[test]
fn two_wrong_tries_show_the_worked_answer_and_move_on() {
    let spec = spec();
    let plan = spec.best_plan().unwrap_or_default();
    let mut state = MarketingState::new(spec, 1);
    solve_lesson(&mut state);
    assert!(state.post(plan[0]).is_ok());
    state.answer("0");
    assert_eq!(state.wrong_tries, 1);
    assert!(matches!(&state.ratio_feedback, Some(Ok(v)) if !v.correct));
    assert!(!state.is_revealed(0));
    state.answer("0");
    assert_eq!(state.ratio, None);
    assert!(state.is_revealed(0), "the worked answer reveals the post");
    assert_eq!(state.ratios_solved, 2, "a shown answer is not a solved one");
    let closed = state
        .last_closed
        .clone()
        .unwrap_or_else(|| panic!("closed"));
    assert!(!closed.solved);
    assert!(closed.worked.contains("likes ÷ views"), "{}", closed.worked);
}

#[test]
fn every_third_post_is_asked_per_thousand_views() {
    let spec = spec();
    let plan = spec.best_plan().unwrap_or_default();
    let mut state = MarketingState::new(spec, 1);
    solve_lesson(&mut state);
    let mut kinds = Vec::new();
    for post in plan.iter().take(3) {
        assert!(state.post(*post).is_ok());
        kinds.push(state.ratio.as_ref().map(|q| q.kind));
        let answer = right_answer(&state);
        state.answer(&answer);
    }
    assert_eq!(
        kinds,
        vec![
            Some(RatioKind::Percent),
            Some(RatioKind::Percent),
            Some(RatioKind::PerThousand)
        ]
    );
}

#[test]
fn the_best_plan_completes_the_level_within_a_few_campaigns() {
    let spec = spec();
    let plan = spec.best_plan().unwrap_or_default();
    assert_eq!(
        plan.len() as u32,
        spec.max_posts(),
        "the plan uses every post"
    );
    let mut state = MarketingState::new(spec, 1);
    solve_lesson(&mut state);
    for _ in 0..20 {
        for post in &plan {
            assert_eq!(state.post(*post), Ok(()));
            let answer = right_answer(&state);
            state.answer(&answer);
        }
        assert!(state.campaign.is_finished());
        if state.is_complete() {
            break;
        }
        assert_eq!(state.next_step(), NextStep::Restart);
        state.restart();
    }
    assert!(state.is_complete(), "{:?}", state.campaign.goal_status());
    assert_eq!(state.next_step(), NextStep::Finish);
    let status = state.level_status();
    assert!(status.complete);
    assert_eq!(status.stars, if state.runs <= 1 { 3 } else { 2 });
}

#[test]
fn a_finished_campaign_keeps_asking_until_enough_ratios_are_solved() {
    let spec = spec();
    let plan = spec.best_plan().unwrap_or_default();
    let mut state = MarketingState::new(spec, 1);
    // Run out of tries on every question ("0" is wrong on both scales: every post has likes).
    for _ in 0..2 {
        state.answer("0");
        state.answer("0");
    }
    assert_eq!(state.ratios_solved, 0);
    for post in &plan {
        assert_eq!(state.post(*post), Ok(()));
        state.answer("0");
        state.answer("0");
    }
    assert!(state.campaign.is_finished());
    assert!(state.ratio.is_some(), "a practice question is open");
    for _ in 0..RATIOS_TO_SOLVE {
        let answer = right_answer(&state);
        state.answer(&answer);
    }
    assert_eq!(state.ratios_solved, RATIOS_TO_SOLVE);
    assert_eq!(
        state.ratio, None,
        "no more questions once enough are solved"
    );
}

#[test]
fn a_restart_brings_a_new_audience_and_the_same_seed_replays() {
    let spec = spec();
    let plan = spec.best_plan().unwrap_or_default();
    let play = |state: &mut MarketingState| {
        solve_lesson(state);
        assert_eq!(state.post(plan[0]), Ok(()));
        state.campaign.posts()[0]
    };
    let mut a = MarketingState::new(spec.clone(), 7);
    let b = MarketingState::new(spec.clone(), 7);
    // Recorded: game seed 7's first post, views and likes, so the same seed replays.
    let first = play(&mut a);
    assert_eq!(
        (first.views, first.likes),
        (98_467, 3_845),
        "same game seed, same results"
    );
    a.restart();
    assert_eq!(a.runs, 1);
    assert!(a.campaign.posts().is_empty());
    assert!(a.revealed.is_empty());
    assert_eq!(a.ratio, None, "the old post's question is dropped");
    assert_eq!(a.ratios_solved, 2, "solved ratios are kept");
    assert_ne!(a.campaign.seed(), b.campaign.seed());
    assert_eq!(a.campaign.seed(), campaign_seed(&spec, 7, 1));
}

#[test]
fn the_export_is_a_csv_file_per_run() {
    let dir = crate::testing::temp_data_dir("marketing-export");
    let spec = spec();
    let plan = spec.best_plan().unwrap_or_default();
    let mut state = MarketingState::new(spec, 1);
    solve_lesson(&mut state);
    assert_eq!(state.post(plan[0]), Ok(()));
    let said = match state.export(&dir) {
        Ok(said) => said,
        Err(e) => panic!("export failed: {e}"),
    };
    let path = dir
        .join(crate::platform::files::EXPORT_DIR)
        .join("campaign-1.csv");
    assert!(said.contains(&path.display().to_string()), "{said}");
    assert_eq!(state.exported, Some(Ok(said.clone())));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let rows = crate::tour::model::csv::parse(&text).unwrap_or_default();
    assert_eq!(rows.len(), 2, "header and one post");
    state.restart();
    assert_eq!(state.export_name(), "campaign-2.csv");
    // A new session's first campaign keeps the earlier session's file.
    let mut next_session = MarketingState::new(self::spec(), 1);
    let said = next_session.export(&dir).expect("export");
    assert!(said.ends_with("campaign-2.csv"), "{said}");
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), text);
    let _ = std::fs::remove_dir_all(&dir);
}
