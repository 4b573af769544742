//! Tests of the signal chain: the bundled chain, its checks, and how answers are judged.

use super::*;
use crate::stops::virtual_production::model::shots::{
    BUNDLED_VP_SHOTS, VpShotsError, bundled_chain, load_file,
};

fn chain() -> SignalChain {
    bundled_chain().expect("the bundled chain is valid")
}

fn person(chain: &SignalChain, role: &str) -> usize {
    chain
        .people
        .iter()
        .position(|p| p.role == role)
        .expect("a person of the chain")
}

#[test]
fn the_bundled_chain_runs_from_the_sensors_through_the_engine_to_the_panels() {
    let chain = chain();
    let ids: Vec<&str> = chain.pieces.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "tracking_sensors",
            "game_engine",
            "render_servers",
            "network",
            "led_processors",
            "led_panels"
        ]
    );
    let engine = chain.piece("game_engine").expect("engine");
    assert_eq!(engine.kind, PieceKind::Software);
    assert!(
        chain
            .pieces
            .iter()
            .filter(|p| p.id != "game_engine")
            .all(|p| p.kind == PieceKind::Hardware)
    );
    assert_eq!(
        chain.piece("network").expect("network").person,
        "Network Engineer"
    );
    assert_eq!(
        chain.piece("render_servers").expect("servers").person,
        "Virtual Production Supervisor"
    );
    assert!(chain.validate().is_empty());
}

#[test]
fn the_right_answers_build_the_chain_and_each_says_why() {
    let chain = chain();
    let mut task = ChainTask::default();
    let moves = task.solution(&chain);
    assert_eq!(moves.len(), 3 * chain.pieces.len());
    for (n, m) in moves.into_iter().enumerate() {
        assert!(!task.is_built(&chain), "not built before answer {n}");
        let said = task.answer(&chain, m).expect("a right answer");
        assert!(!said.is_empty());
    }
    assert!(task.is_built(&chain));
    assert_eq!(task.refused, 0);
    assert!(task.answer(&chain, ChainMove::Link(0)).is_err());
}

#[test]
fn wrong_links_sorts_and_people_are_refused_with_their_reason() {
    let chain = chain();
    let mut task = ChainTask::default();
    // The panels cannot start the chain: they light what the processors send.
    let panels = chain.pieces.len() - 1;
    let why = task
        .answer(&chain, ChainMove::Link(panels))
        .expect_err("refused");
    assert!(why.starts_with("The LED panels cannot come first"), "{why}");
    assert!(why.contains("LED processors"), "{why}");
    assert_eq!((task.linked, task.step), (0, ChainStep::Link));
    // Sorting before linking is refused too.
    assert!(
        task.answer(&chain, ChainMove::Sort(PieceKind::Hardware))
            .is_err()
    );
    task.answer(&chain, ChainMove::Link(0))
        .expect("sensors first");
    // Linking again before sorting the sensors is refused: one question at a time.
    let why = task
        .answer(&chain, ChainMove::Link(1))
        .expect_err("sort first");
    assert!(why.starts_with("First sort the tracking sensors"), "{why}");
    assert_eq!(task.step, ChainStep::Sort);
    task.answer(&chain, ChainMove::Sort(PieceKind::Hardware))
        .expect("hardware");
    task.answer(
        &chain,
        ChainMove::Person(person(&chain, "Tracking Technician")),
    )
    .expect("the tracking technician");
    // The render servers cannot follow the sensors: the engine runs on them.
    let why = task
        .answer(&chain, ChainMove::Link(2))
        .expect_err("refused");
    assert!(why.contains("after the tracking sensors"), "{why}");
    assert!(why.contains("game engine"), "{why}");
    task.answer(&chain, ChainMove::Link(1)).expect("the engine");
    let why = task
        .answer(&chain, ChainMove::Sort(PieceKind::Hardware))
        .expect_err("the engine is software");
    assert!(why.starts_with("Not hardware"), "{why}");
    assert!(why.contains("computer program"), "{why}");
    task.answer(&chain, ChainMove::Sort(PieceKind::Software))
        .expect("software");
    let why = task
        .answer(
            &chain,
            ChainMove::Person(person(&chain, "Network Engineer")),
        )
        .expect_err("not the network engineer");
    assert!(why.starts_with("Not the Network Engineer"), "{why}");
    assert!(why.contains("game engine"), "{why}");
    assert_eq!(task.refused, 6);
    assert_eq!(task.reply, Some(Err(why)));
    // Show me finishes from here.
    for m in task.solution(&chain) {
        task.answer(&chain, m).expect("the solution is right");
    }
    assert!(task.is_built(&chain));
}

#[test]
fn the_pool_is_alphabetical_and_leaves_out_what_is_linked() {
    let chain = chain();
    let mut task = ChainTask::default();
    let names: Vec<&str> = task
        .pool(&chain)
        .iter()
        .map(|(_, p)| p.name.as_str())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
    assert_ne!(
        names,
        chain
            .pieces
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        "the list does not give the order away"
    );
    task.answer(&chain, ChainMove::Link(0)).expect("first");
    assert!(task.pool(&chain).iter().all(|(i, _)| *i >= 1));
    assert_eq!(task.pool(&chain).len(), chain.pieces.len() - 1);
}

#[test]
fn check_content_names_the_chain_field_at_fault() {
    let edits = [
        ("kind: Software,", "kind: Hardware,", "chain.pieces"),
        (
            "person: \"Network Engineer\"",
            "person: \"Plumber\"",
            "chain.pieces[3].person",
        ),
        ("id: \"game_engine\"", "id: \"engine\"", "chain.pieces"),
        (
            "id: \"network\"",
            "id: \"led_panels\"",
            "chain.pieces[5].id",
        ),
        (
            "(role: \"Editor\"",
            "(role: \"LED Engineer\"",
            "chain.people[5].role",
        ),
        (
            "why_here: \"it carries what the render servers made, so it comes after them and before the LED processors.\"",
            "why_here: \" \"",
            "chain.pieces[3].why_here",
        ),
    ];
    for (from, to, field) in edits {
        let text = BUNDLED_VP_SHOTS.replacen(from, to, 1);
        assert_ne!(text, BUNDLED_VP_SHOTS, "{from}");
        match load_file(&text) {
            Err(VpShotsError::Invalid(errors)) => {
                assert!(
                    errors.iter().any(|e| e.field == field),
                    "{field}: {errors:?}"
                );
            }
            other => panic!("{field}: {other:?}"),
        }
    }
    let wrong_kind = BUNDLED_VP_SHOTS.replacen("kind: Hardware,", "kind: Firmware,", 1);
    assert!(matches!(
        load_file(&wrong_kind),
        Err(VpShotsError::Syntax { .. })
    ));
}

#[test]
fn names_go_into_sentences() {
    assert_eq!(in_sentence("Game engine"), "game engine");
    assert_eq!(in_sentence("LED panels"), "LED panels");
    assert_eq!(in_sentence("Network"), "network");
}
