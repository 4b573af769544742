//! "Show me" for Social Media Marketing: work a ratio. The open question is answered with the
//! division written out in the caption. With no question open, the next post of the campaign's
//! best plan is published first (after a restart, if the campaign is over and missed a goal),
//! and its ratio is worked. Everything is worked out on a copy of the level, so the post's
//! numbers in the caption are the ones the real level will get (the audience is seeded).

use bevy::prelude::*;

use crate::classroom::presenter::model::ShowStep;
use crate::classroom::presenter::show_me::ShowMe;
use crate::stops::marketing::level::{MarketingCommand, MarketingState, NextStep};
use crate::stops::marketing::model::{
    Post, RatioKind, RatioQuestion, format_decimal, group_thousands,
};

/// The steps that work the current ratio of `state`.
pub fn show_me_steps(state: &MarketingState) -> Vec<ShowStep<MarketingCommand>> {
    if let Some(question) = &state.ratio {
        return vec![answer_step(question)];
    }
    let mut copy = state.clone();
    let mut steps = Vec::new();
    match copy.next_step() {
        NextStep::Finish | NextStep::AnswerRatio => return Vec::new(),
        NextStep::Post => {}
        NextStep::Restart => {
            steps.push(ShowStep::new(
                "the campaign is over and missed a goal: restart it with a new audience",
                MarketingCommand::Restart,
            ));
            copy.restart();
        }
    }
    let Some(post) = next_post(&copy) else {
        return Vec::new();
    };
    if copy.post(post).is_err() {
        return Vec::new();
    }
    steps.push(ShowStep::new(
        format!(
            "publish a {} for {} in the {} on day {}, as the campaign's plan does; then work out its ratio",
            post.content.label().to_lowercase(),
            post.segment.label().to_lowercase(),
            post.time.label().to_lowercase(),
            post.day
        ),
        MarketingCommand::Post(post),
    ));
    match &copy.ratio {
        Some(question) => {
            steps.push(answer_step(question));
            steps
        }
        None => Vec::new(),
    }
}

/// The post the campaign's best plan makes next, on the first day with room: the plan's post
/// in the same place, or the first of the plan's posts the level accepts.
fn next_post(state: &MarketingState) -> Option<Post> {
    let day = state.next_day()?;
    let plan = state.campaign.spec().best_plan()?;
    let made = state.campaign.posts().len();
    let n = plan.len();
    (0..n)
        .map(|k| Post {
            day,
            ..plan[(made + k) % n]
        })
        .find(|&post| state.clone().post(post).is_ok())
}

/// Answer `question` with its exact value, the division shown.
fn answer_step(question: &RatioQuestion) -> ShowStep<MarketingCommand> {
    let answer = question.answer();
    let typed = typed_answer(answer);
    let fraction = if question.denominator == 0 {
        0.0
    } else {
        question.numerator as f64 / question.denominator as f64
    };
    let (likes, views) = (
        group_thousands(question.numerator),
        group_thousands(question.denominator),
    );
    let caption = match question.kind {
        RatioKind::Percent => format!(
            "engagement rate = likes ÷ views × 100: {likes} ÷ {views} = {}, and {} × 100 = {}%",
            format_decimal(fraction, 4),
            format_decimal(fraction, 4),
            format_decimal(answer, 2)
        ),
        RatioKind::PerThousand => format!(
            "likes per 1,000 views = likes ÷ views × 1,000: {likes} ÷ {views} = {}, and {} × 1,000 = {}",
            format_decimal(fraction, 5),
            format_decimal(fraction, 5),
            format_decimal(answer, 2)
        ),
    };
    ShowStep::new(caption, MarketingCommand::AnswerRatio(typed))
}

/// The answer as a student types it: two decimals at most, no trailing zeros, no separators.
fn typed_answer(answer: f64) -> String {
    let text = format!("{answer:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl ShowMe for MarketingState {
    type Command = MarketingCommand;
    fn steps(world: &World) -> Vec<ShowStep<MarketingCommand>> {
        world
            .get_resource::<MarketingState>()
            .map_or_else(Vec::new, show_me_steps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::marketing::model::bundled_campaign;

    fn fresh() -> MarketingState {
        MarketingState::new(bundled_campaign().expect("bundled campaign"), 1)
    }

    fn play(state: &mut MarketingState, steps: &[ShowStep<MarketingCommand>]) {
        for step in steps {
            match &step.command {
                MarketingCommand::Post(post) => {
                    state.post(*post).expect("the post is accepted");
                }
                MarketingCommand::AnswerRatio(text) => {
                    state.answer(text);
                }
                MarketingCommand::Restart => state.restart(),
                MarketingCommand::Export => panic!("the solution exports nothing"),
            }
        }
    }

    #[test]
    fn the_lesson_example_is_answered_with_its_division() {
        let mut state = fresh();
        let steps = show_me_steps(&state);
        assert_eq!(
            steps.iter().map(|s| s.command.clone()).collect::<Vec<_>>(),
            vec![MarketingCommand::AnswerRatio("50".into())]
        );
        assert!(
            steps[0].caption.contains("50,000 ÷ 100,000 = 0.5"),
            "{}",
            steps[0].caption
        );
        play(&mut state, &steps);
        assert_eq!(state.ratios_solved, 1);
        assert_eq!(state.wrong_tries, 0);
    }

    #[test]
    fn after_a_wrong_try_the_right_answer_closes_the_question() {
        let mut state = fresh();
        state.answer("5");
        assert_eq!(state.wrong_tries, 1);
        let steps = show_me_steps(&state);
        play(&mut state, &steps);
        assert_eq!(state.ratios_solved, 1, "solved, not shown");
    }

    #[test]
    fn with_no_question_open_a_post_is_published_and_its_ratio_worked() {
        let mut state = fresh();
        for _ in 0..2 {
            let steps = show_me_steps(&state);
            play(&mut state, &steps);
        }
        assert_eq!(state.ratios_solved, 2);
        assert_eq!(state.next_step(), NextStep::Post);
        let steps = show_me_steps(&state);
        assert_eq!(steps.len(), 2, "{steps:?}");
        assert!(matches!(steps[0].command, MarketingCommand::Post(_)));
        play(&mut state, &steps);
        assert_eq!(state.campaign.posts().len(), 1);
        assert_eq!(state.ratios_solved, 3);
        assert!(state.ratio.is_none(), "the post's question is closed");
        assert!(state.is_revealed(0));
    }

    #[test]
    fn show_me_again_and_again_finishes_the_level() {
        let mut state = fresh();
        for _ in 0..200 {
            let steps = show_me_steps(&state);
            if steps.is_empty() {
                break;
            }
            let solved = state.ratios_solved;
            let ratio = steps
                .iter()
                .filter(|s| matches!(s.command, MarketingCommand::AnswerRatio(_)))
                .count();
            assert_eq!(ratio, 1, "one ratio per demonstration: {steps:?}");
            play(&mut state, &steps);
            assert_eq!(state.ratios_solved, solved + 1, "the ratio was right");
        }
        assert!(state.is_complete(), "{:?}", state.campaign.goal_status());
        assert!(show_me_steps(&state).is_empty());
    }

    #[test]
    fn a_per_thousand_question_is_worked_on_its_scale() {
        let question = RatioQuestion {
            kind: RatioKind::PerThousand,
            numerator: 1_234,
            denominator: 56_789,
            ..RatioQuestion::seed_example()
        };
        let step = answer_step(&question);
        assert_eq!(step.command, MarketingCommand::AnswerRatio("21.73".into()));
        assert!(
            step.caption.contains("1,234 ÷ 56,789 = 0.02173"),
            "{}",
            step.caption
        );
        assert!(step.caption.contains("× 1,000 = 21.73"), "{}", step.caption);
    }
}
