//! Tests of the Conclusion's crew match and career plan.

use super::*;
use crate::tour::model::content::bundled_file;

const IDS: [&str; 5] = ["ana", "ben", "cleo", "dev", "eli"];

fn careers() -> Careers {
    bundled_file::<Careers>().expect("bundled")
}

#[test]
fn each_length_opens_after_its_number_of_matches_and_a_kept_plan() {
    use crate::tour::model::lesson::{LessonLength, LessonTable, core_met};
    let table = bundled_file::<LessonTable>().expect("bundled lessons");
    let ids: Vec<String> = (0..10).map(|i| format!("host{i}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    for length in LessonLength::ALL {
        let mut m = CrewMatch::new(&ids, 2);
        let mut plan = CareerPlan::default();
        let core = table.core(6, "careers", length);
        assert!(
            core as usize <= ids.len(),
            "{length}: more matches than people"
        );
        for _ in 0..core {
            assert!(!core_met(table.tasks(6), length, &task_counts(&m, &plan)));
            let card = m.next_open().expect("a card left");
            let deed = m.deed_of(card).expect("its deed");
            assert_eq!(m.guess(card, deed), MatchOutcome::Right);
        }
        // Matching is not enough: the plan is the point of the stop.
        assert!(!core_met(table.tasks(6), length, &task_counts(&m, &plan)));
        plan.toggle(&careers().careers[0].title, &careers())
            .expect("a career");
        assert!(plan.keep());
        assert!(
            core_met(table.tasks(6), length, &task_counts(&m, &plan)),
            "{length}"
        );
    }
}

#[test]
fn matching_every_card_completes_and_wrong_guesses_cost_stars() {
    let mut m = CrewMatch::new(&IDS, 3);
    assert_eq!(m.people.len(), 5);
    let first = m.next_open().expect("a card");
    let right = m.deed_of(first).expect("a deed");
    let wrong = (right + 1) % 5;
    assert_eq!(m.guess(first, wrong), MatchOutcome::Wrong);
    assert!(!m.deed_used(right));
    while let Some(card) = m.next_open() {
        let deed = m.deed_of(card).expect("a deed");
        assert_eq!(m.guess(card, deed), MatchOutcome::Right);
        assert!(m.deed_used(deed));
    }
    assert!(m.is_complete());
    assert_eq!(m.stars(), 2);
    assert_eq!(m.guess(0, 0), MatchOutcome::AlreadyMatched);
    assert_eq!(m.guess(99, 0), MatchOutcome::NoSuchCard);
    assert_eq!(m.guess(0, 99), MatchOutcome::NoSuchCard);
}

#[test]
fn each_card_has_exactly_one_right_deed() {
    for seed in 0..20 {
        let m = CrewMatch::new(&IDS, seed);
        for card in 0..IDS.len() {
            let right: Vec<usize> = (0..IDS.len()).filter(|&d| m.deeds[d] == card).collect();
            assert_eq!(right.len(), 1, "seed {seed} card {card}");
        }
    }
}

#[test]
fn the_deal_is_seeded_and_the_deeds_are_not_in_card_order() {
    assert_eq!(CrewMatch::new(&IDS, 8), CrewMatch::new(&IDS, 8));
    assert!((0..10).any(|s| CrewMatch::new(&IDS, s).people != CrewMatch::new(&IDS, 8).people));
    let in_card_order = (0..20)
        .filter(|&s| {
            let m = CrewMatch::new(&IDS, s);
            m.deeds.iter().enumerate().all(|(i, &d)| i == d)
        })
        .count();
    assert!(
        in_card_order < 2,
        "{in_card_order} of 20 deals give the answer by position"
    );
}

#[test]
fn a_plan_holds_one_or_two_known_careers() {
    let careers = careers();
    let titles: Vec<&str> = careers.careers.iter().map(|c| c.title.as_str()).collect();
    let mut plan = CareerPlan::default();
    assert!(!plan.keep(), "an empty plan is not kept");
    assert_eq!(plan.toggle("Astronaut", &careers), Err(PlanError::Unknown));
    plan.toggle(titles[0], &careers).expect("first");
    plan.toggle(titles[1], &careers).expect("second");
    assert_eq!(plan.toggle(titles[2], &careers), Err(PlanError::TooMany));
    assert!(plan.keep());
    // Changing the picks un-keeps the plan until it is kept again.
    plan.toggle(titles[0], &careers).expect("take out");
    assert_eq!(plan.picks, [titles[1]]);
    assert!(!plan.kept);
}

#[test]
fn a_career_listed_twice_or_without_first_steps_is_refused() {
    let mut file = careers();
    assert_eq!(file.validate(Path::new("conclusion.ron")), Vec::new());
    let again = file.careers[0].clone();
    file.careers.push(again);
    file.careers[1].start_now.clear();
    let text: Vec<String> = file
        .validate(Path::new("conclusion.ron"))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(text.len(), 2, "{text:?}");
    assert!(
        text[0].contains("needs skills and a start_now step"),
        "{text:?}"
    );
    assert!(text[1].contains("is listed twice"), "{text:?}");
}

#[test]
fn every_host_does_a_career_of_this_file_and_is_dealt_once() {
    use crate::crew::model::Crew;
    let crew = bundled_file::<Crew>().expect("crew");
    let careers = careers();
    for host in &crew.hosts {
        assert!(
            careers.find(&host.career).is_some(),
            "{}: no career called \"{}\" in conclusion.ron",
            host.id,
            host.career
        );
    }
    let ids: Vec<&str> = crew.hosts.iter().map(|h| h.id.as_str()).collect();
    let game = CrewMatch::new(&ids, 1);
    let mut dealt = game.people.clone();
    dealt.sort();
    let mut all: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    all.sort();
    assert_eq!(dealt, all, "the gallery shows every host, once");
}

#[test]
fn a_host_whose_career_is_missing_from_the_careers_file_is_named() {
    let dir = std::env::temp_dir().join(format!("backlot-crew-careers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    for name in [crate::crew::model::CREW_FILE, CAREERS_FILE] {
        std::fs::copy(assets.join(name), dir.join(name)).expect("copy");
    }
    assert_eq!(check_crew_careers(&dir), Vec::new());
    let text = std::fs::read_to_string(dir.join(CAREERS_FILE)).expect("read");
    let renamed = text.replacen("title: \"Editor\"", "title: \"Film Editor\"", 1);
    assert_ne!(text, renamed, "the file has an Editor to rename");
    std::fs::write(dir.join(CAREERS_FILE), renamed).expect("write");
    let errors: Vec<String> = check_crew_careers(&dir)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("no career called \"Editor\" in conclusion.ron"),
        "{errors:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
