//! "Show me" for Previsualization: compose the current panel. The panel on screen, or the
//! first one not yet matching, is set up as [`PrevisState::solved_setup`] finds it, one part
//! at a time (lens, camera position, move, blocking, light), each with what it does to the
//! audience, and then checked against the panel. Parts already as the solution has them are
//! left alone, so from a half-done panel only what is missing is shown.

use bevy::prelude::*;

use crate::classroom::presenter::model::ShowStep;
use crate::classroom::presenter::show_me::ShowMe;
use crate::stops::previs::level::{PrevisCommand, PrevisState};
use crate::stops::previs::model::{
    CameraAngle, CameraMove, MoodLighting, Panel, ShotSetup, ShotSize,
};

/// The panel a demonstration composes: the selected one if it is not done, else the first
/// that is not. `None` when every panel matches.
pub fn panel_to_show(state: &PrevisState) -> Option<usize> {
    let panels = state.storyboard.panels.len();
    if state.selected < panels && !state.panel_done(state.selected) {
        return Some(state.selected);
    }
    (0..panels).find(|&i| !state.panel_done(i))
}

/// The steps that compose and check the current panel of `state`.
pub fn show_me_steps(state: &PrevisState) -> Vec<ShowStep<PrevisCommand>> {
    let Some(index) = panel_to_show(state) else {
        return Vec::new();
    };
    let (Some(panel), Some(target), Some(now)) = (
        state.storyboard.panels.get(index),
        state.solved_setup(index),
        state.shots.get(index),
    ) else {
        return Vec::new();
    };
    // Named as the check names them: "the courier".
    let who = panel.subject.replace('_', " ");
    let mut steps = vec![ShowStep::new(
        format!(
            "panel {}, \"{}\": the director drew {}, {}, {}, {}",
            index + 1,
            panel.title,
            with_article(panel.size.label()),
            with_article(panel.angle.label()),
            with_article(panel.movement.label()),
            panel.mood.label()
        ),
        PrevisCommand::SelectPanel(index),
    )];
    let mut setup = now.clone();
    let set = |setup: &ShotSetup, caption: String| {
        ShowStep::new(caption, PrevisCommand::SetShot(index, setup.clone()))
    };

    if setup.focal_mm != target.focal_mm {
        setup.focal_mm = target.focal_mm;
        steps.push(set(
            &setup,
            format!(
                "fit a {:.0} mm lens: {}",
                target.focal_mm,
                lens_reason(panel.size)
            ),
        ));
    }
    if setup.camera != target.camera || setup.aim != target.aim {
        setup.camera = target.camera;
        setup.aim = target.aim;
        let distance = Vec3::from(target.camera).distance(Vec3::from(target.aim));
        steps.push(set(
            &setup,
            format!(
                "place the camera {distance:.1} m away, {}: {} — {}",
                angle_place(panel.angle),
                size_reason(panel.size),
                angle_reason(panel.angle, &who)
            ),
        ));
    }
    if setup.movement != target.movement || setup.move_amount_m != target.move_amount_m {
        setup.movement = target.movement;
        setup.move_amount_m = target.move_amount_m;
        steps.push(set(
            &setup,
            move_caption(target.movement, target.move_amount_m),
        ));
    }
    if setup.waypoints != target.waypoints {
        setup.waypoints = target.waypoints.clone();
        steps.push(set(
            &setup,
            format!(
                "block the {who} on their mark: standing still, they stay in the frame to the end"
            ),
        ));
    }
    if setup.lighting != target.lighting {
        setup.lighting = target.lighting;
        steps.push(set(&setup, light_caption(panel, &target.lighting)));
    }
    steps.push(ShowStep::new(
        format!(
            "check the shot against panel {}: size, angle, move and mood as the director drew them",
            index + 1
        ),
        PrevisCommand::CheckShot(index),
    ));
    steps
}

fn with_article(label: &str) -> String {
    let article = match label.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    };
    format!("{article} {label}")
}

fn lens_reason(size: ShotSize) -> &'static str {
    match size {
        ShotSize::ExtremeWide => "a very wide lens takes in the whole place",
        ShotSize::Wide => "a wide lens shows the whole body and where they are",
        ShotSize::Medium => "a normal lens frames people as the eye sees them",
        ShotSize::CloseUp => "a portrait lens keeps a face natural from a couple of metres",
    }
}

fn angle_place(angle: CameraAngle) -> &'static str {
    match angle {
        CameraAngle::Low => "below the eyes, looking up",
        CameraAngle::EyeLevel => "level with the eyes",
        CameraAngle::High => "above the eyes, looking down",
    }
}

fn size_reason(size: ShotSize) -> &'static str {
    match size {
        ShotSize::ExtremeWide => {
            "an extreme wide shot, where the place matters more than the person"
        }
        ShotSize::Wide => "a wide shot, the whole body with room around it",
        ShotSize::Medium => "a medium shot, waist up, gestures and face together",
        ShotSize::CloseUp => "a close-up, so the audience reads the feeling on the face",
    }
}

fn angle_reason(angle: CameraAngle, who: &str) -> String {
    match angle {
        CameraAngle::Low => format!("a low angle makes the {who} look powerful"),
        CameraAngle::EyeLevel => format!("eye level is neutral: we meet the {who} as an equal"),
        CameraAngle::High => format!("a high angle makes the {who} look small and watched"),
    }
}

fn move_caption(movement: CameraMove, amount: f32) -> String {
    match movement {
        CameraMove::Static => {
            "lock the camera off: the action moves inside a still frame".to_string()
        }
        CameraMove::Pan => format!(
            "pan {:.0}° {}: the camera turns on the spot to follow the action",
            amount.abs(),
            if amount < 0.0 { "left" } else { "right" }
        ),
        CameraMove::Dolly => format!(
            "dolly {} {:.1} m: the camera rolls {}",
            if amount < 0.0 { "out" } else { "in" },
            amount.abs(),
            if amount < 0.0 {
                "back, leaving them alone in the frame"
            } else {
                "closer, drawing the audience in"
            }
        ),
        CameraMove::Crane => format!(
            "crane {} {:.1} m: the camera {}",
            if amount < 0.0 { "down" } else { "up" },
            amount.abs(),
            if amount < 0.0 {
                "sinks into the scene"
            } else {
                "rises to reveal the scene from above"
            }
        ),
    }
}

fn light_caption(panel: &Panel, light: &MoodLighting) -> String {
    format!(
        "light it {}: {:.0}:1 key to fill, {:.0} K, {}, {} grade — {}",
        panel.mood.label(),
        light.key_to_fill,
        light.color_temp_k,
        light.time.label(),
        light.grade.label(),
        lower_first(panel.mood.feeling().trim_end_matches('.'))
    )
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

impl ShowMe for PrevisState {
    type Command = PrevisCommand;
    fn steps(world: &World) -> Vec<ShowStep<PrevisCommand>> {
        world
            .get_resource::<PrevisState>()
            .map_or_else(Vec::new, show_me_steps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::previs::model::StoryboardFile;
    use crate::tour::model::content::bundled_file;

    fn fresh(board: usize) -> PrevisState {
        let file = bundled_file::<StoryboardFile>().expect("bundled storyboards");
        PrevisState::new(board, file.storyboards[board].clone())
    }

    /// Apply the steps as the level's command system does.
    fn play(state: &mut PrevisState, steps: &[ShowStep<PrevisCommand>]) {
        for step in steps {
            match &step.command {
                PrevisCommand::SelectPanel(i) => state.selected = *i,
                PrevisCommand::SetShot(i, setup) => {
                    if state.shots[*i] != *setup {
                        state.shots[*i] = setup.clone();
                        state.dirty[*i] = true;
                    }
                }
                PrevisCommand::CheckShot(i) => {
                    state.check(*i);
                }
                other => panic!("the solution only selects, sets and checks: {other:?}"),
            }
        }
    }

    #[test]
    fn from_scratch_every_panel_of_every_storyboard_is_composed_and_matches() {
        let boards = bundled_file::<StoryboardFile>()
            .expect("bundled")
            .storyboards
            .len();
        for board in 0..boards {
            let mut state = fresh(board);
            let panels = state.storyboard.panels.len();
            for expected in 0..panels {
                let steps = show_me_steps(&state);
                assert_eq!(
                    steps.first().map(|s| s.command.clone()),
                    Some(PrevisCommand::SelectPanel(expected))
                );
                assert_eq!(
                    steps.last().map(|s| s.command.clone()),
                    Some(PrevisCommand::CheckShot(expected))
                );
                play(&mut state, &steps);
                let verdict = state.verdicts[expected].clone().expect("checked");
                assert!(
                    verdict.matches,
                    "storyboard {board} panel {expected}: {:?}",
                    verdict.reasons
                );
                assert!(state.panel_done(expected));
            }
            assert!(state.all_match());
            assert!(show_me_steps(&state).is_empty(), "nothing left to show");
        }
    }

    #[test]
    fn one_part_at_a_time_each_step_sets_a_new_part() {
        let state = fresh(0);
        let steps = show_me_steps(&state);
        let setups: Vec<&ShotSetup> = steps
            .iter()
            .filter_map(|s| match &s.command {
                PrevisCommand::SetShot(_, setup) => Some(setup),
                _ => None,
            })
            .collect();
        assert!(setups.len() >= 3, "lens, camera, light at least");
        for pair in setups.windows(2) {
            assert_ne!(pair[0], pair[1], "every step changes something");
        }
        let lens = steps.iter().find(|s| s.caption.contains("mm lens"));
        assert!(lens.is_some(), "a lens step");
        assert!(steps.iter().any(|s| s.caption.starts_with("light it")));
    }

    #[test]
    fn the_selected_unfinished_panel_is_shown_and_finished_parts_are_kept() {
        let mut state = fresh(0);
        // Panel 1 done, panel 3 selected with the right lens and light already.
        state.compose_as_asked(0);
        state.check(0);
        let target = state.solved_setup(2).expect("a solution");
        state.selected = 2;
        state.shots[2].focal_mm = target.focal_mm;
        state.shots[2].lighting = target.lighting;
        let steps = show_me_steps(&state);
        assert_eq!(steps[0].command, PrevisCommand::SelectPanel(2));
        assert!(
            steps
                .iter()
                .all(|s| !s.caption.contains("mm lens") && !s.caption.starts_with("light it")),
            "the parts already right are not set again: {steps:?}"
        );
        play(&mut state, &steps);
        assert!(state.panel_done(2));
        assert!(state.panel_done(0), "the done panel is untouched");
    }

    #[test]
    fn a_walk_that_leaves_the_frame_is_blocked_back_onto_the_mark() {
        let mut state = fresh(0);
        state.compose_as_asked(0);
        state.shots[0].waypoints = vec![[40.0, 40.0]];
        let steps = show_me_steps(&state);
        assert!(
            steps.iter().any(|s| s.caption.starts_with("block")),
            "{steps:?}"
        );
        play(&mut state, &steps);
        assert!(state.panel_done(0));
    }

    #[test]
    fn a_low_angle_caption_says_why() {
        assert!(angle_reason(CameraAngle::Low, "courier").contains("powerful"));
        assert!(move_caption(CameraMove::Dolly, 0.4).starts_with("dolly in 0.4 m"));
        assert!(move_caption(CameraMove::Pan, -10.0).starts_with("pan 10° left"));
    }
}
