//! The teacher's lesson plan, as Markdown, written from the content files (`backlot
//! lesson-plan`): so the printed plan always matches the game. Plain Rust, no Bevy.

use std::fmt::Write as _;

use crate::tour::model::content::{Stop, Tour};
use crate::tour::model::lesson::{LessonLength, LessonTable, Task};
use crate::tour::model::quiz::Question;

/// The discussion prompts' standard: Comprehension and Collaboration, grades 6–8.
pub const DISCUSSION_STANDARD: &str = "CCSS SL.6-8.1";

/// The whole plan for `length`: an overview, then one section per stop.
pub fn lesson_plan(tour: &Tour, table: &LessonTable, length: LessonLength) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: lesson plan ({} length)\n", tour.title, length);
    let _ = writeln!(
        out,
        "Lesson length **{length}**: {}. At each stop the **core** tasks open the quiz gate; \
         the **extension** tasks are there for students who finish early. Minutes are for a \
         typical student; add 3 to 5 minutes a stop for its briefing and its quiz gate. \
         Change the length in Settings (F3), in presenter mode, or with `--lesson {}`.\n",
        length.explain(),
        length.cli_name()
    );
    overview(&mut out, tour, table, length);
    for stop in &tour.stops {
        stop_section(&mut out, tour, stop, table, length);
    }
    out
}

/// The core tasks of every stop at every length, as one Markdown table (the README's lesson
/// plan; a test keeps the two the same).
pub fn core_task_table(tour: &Tour, table: &LessonTable) -> String {
    let mut out = String::from("| Stop | Short | Standard | Full |\n|---|---|---|---|\n");
    let mut totals = [0; 3];
    for stop in &tour.stops {
        let tasks = table.tasks(usize::from(stop.number));
        let cells: Vec<String> = LessonLength::ALL
            .iter()
            .zip(totals.iter_mut())
            .map(|(&length, total)| {
                let minutes = table.core_minutes(usize::from(stop.number), length);
                *total += minutes;
                let core: Vec<String> = tasks
                    .iter()
                    .filter(|t| t.core_at(length) > 0)
                    .map(|t| labelled(t, t.core_at(length)))
                    .collect();
                format!("{} ({minutes} min)", core.join(", "))
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} {} | {} |",
            stop.number,
            stop.title,
            cells.join(" | ")
        );
    }
    let _ = writeln!(
        out,
        "| **Whole tour** | **{} min** | **{} min** | **{} min** |",
        totals[0], totals[1], totals[2]
    );
    out
}

/// "3 of 8 panels", or the label alone for a task done once.
fn labelled(task: &Task, count: u32) -> String {
    if task.total == 1 {
        task.label.clone()
    } else {
        format!("{count} of {} {}", task.total, task.label)
    }
}

fn overview(out: &mut String, tour: &Tour, table: &LessonTable, length: LessonLength) {
    let _ = writeln!(out, "| Stop | Core minutes |\n|---|---|");
    let mut total = 0;
    for stop in &tour.stops {
        let minutes = table.core_minutes(usize::from(stop.number), length);
        total += minutes;
        let _ = writeln!(out, "| {} {} | {minutes} |", stop.number, stop.title);
    }
    let _ = writeln!(out, "| **Whole tour** | **{total}** |\n");
}

fn stop_section(
    out: &mut String,
    tour: &Tour,
    stop: &Stop,
    table: &LessonTable,
    length: LessonLength,
) {
    let number = usize::from(stop.number);
    let _ = writeln!(out, "## Stop {}: {}\n", stop.number, stop.title);
    let _ = writeln!(out, "**Guiding question:** {}\n", stop.guiding_question);
    let _ = writeln!(out, "**Key idea:** {}\n", stop.key_idea);
    if !stop.vocabulary.is_empty() {
        let _ = writeln!(out, "### Vocabulary\n");
        for v in &stop.vocabulary {
            let _ = writeln!(out, "- **{}**: {}", v.term, v.definition.trim());
        }
        out.push('\n');
    }
    tasks_section(out, table.tasks(number), length);
    let _ = writeln!(out, "### Discussion ({DISCUSSION_STANDARD})\n");
    for (i, prompt) in stop.discussion.iter().enumerate() {
        let _ = writeln!(out, "{}. {prompt}", i + 1);
    }
    out.push('\n');
    if !stop.standards.is_empty() {
        let _ = writeln!(out, "### Standards\n");
        for s in &stop.standards {
            // Some codes already start with their framework ("CCSS.ELA-LITERACY…").
            let framework = s.framework.to_string();
            let code = if s.code.starts_with(&framework) {
                s.code.clone()
            } else {
                format!("{framework} {}", s.code)
            };
            let _ = writeln!(out, "- {code}: {}", s.text);
        }
        out.push('\n');
    }
    answer_key(
        out,
        &tour.gate_questions(number),
        number + 1 == tour.stops.len(),
    );
}

fn tasks_section(out: &mut String, tasks: &[Task], length: LessonLength) {
    let core_minutes: u32 = tasks.iter().map(|t| t.minutes * t.core_at(length)).sum();
    let _ = writeln!(out, "### Core tasks (about {core_minutes} minutes)\n");
    for t in tasks.iter().filter(|t| t.core_at(length) > 0) {
        let core = t.core_at(length);
        let _ = writeln!(
            out,
            "- {}: {} ({} min)",
            t.name,
            units(core, t.total),
            t.minutes * core
        );
    }
    out.push('\n');
    let extensions: Vec<&Task> = tasks
        .iter()
        .filter(|t| t.extension_at(length) > 0)
        .collect();
    let _ = writeln!(out, "### Extension tasks\n");
    if extensions.is_empty() {
        let _ = writeln!(out, "None at this length: every task is core.");
    }
    for t in extensions {
        let more = t.extension_at(length);
        let which = if t.core_at(length) == 0 {
            units(more, t.total)
        } else {
            format!("{more} more")
        };
        let _ = writeln!(out, "- {}: {which} ({} min)", t.name, t.minutes * more);
    }
    out.push('\n');
}

/// "3 of 8", or "once" for a task done once.
fn units(count: u32, total: u32) -> String {
    if total == 1 {
        "once".to_string()
    } else {
        format!("{count} of {total}")
    }
}

fn answer_key(out: &mut String, questions: &[Question], rapid_fire: bool) {
    let title = if rapid_fire {
        "Answer key: the Rapid Fire Review (the final gate)"
    } else {
        "Answer key: the gate"
    };
    let _ = writeln!(out, "### {title}\n");
    if questions.is_empty() {
        let _ = writeln!(out, "This stop's gate has no questions.\n");
        return;
    }
    for (i, q) in questions.iter().enumerate() {
        let right: Vec<&str> = q
            .choices
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.text.as_str())
            .collect();
        let _ = writeln!(out, "{}. {}", i + 1, q.prompt);
        let _ = writeln!(out, "   - **Answer:** {}", right.join("; "));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::model::content::bundled_file;

    fn plan(length: LessonLength) -> String {
        let tour = bundled_file::<Tour>().expect("bundled tour");
        let table = crate::tour::model::content::parse_ron::<LessonTable>(
            crate::tour::model::lesson::BUNDLED_LESSONS,
            std::path::Path::new("lessons.ron"),
        )
        .expect("bundled lessons");
        lesson_plan(&tour, &table, length)
    }

    /// The README's lesson plan is this table, generated from the content: edit
    /// `assets/lessons.ron`, then paste the table this test prints.
    #[test]
    fn the_readme_lists_the_core_tasks_from_the_content() {
        let tour = bundled_file::<Tour>().expect("bundled tour");
        let table = crate::tour::model::content::parse_ron::<LessonTable>(
            crate::tour::model::lesson::BUNDLED_LESSONS,
            std::path::Path::new("lessons.ron"),
        )
        .expect("bundled lessons");
        let expected = core_task_table(&tour, &table);
        let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
        assert!(
            readme.contains(&expected),
            "README.md's lesson plan should be:\n{expected}"
        );
        assert!(expected.contains("| 1 Previsualization | 3 of 8 panels, the animatic (11 min) |"));
    }

    #[test]
    fn every_stop_has_its_key_idea_tasks_and_answer_key() {
        let tour = bundled_file::<Tour>().expect("bundled tour");
        let text = plan(LessonLength::Short);
        for stop in &tour.stops {
            assert!(
                text.contains(&format!("## Stop {}: {}", stop.number, stop.title)),
                "stop {}",
                stop.number
            );
            assert!(
                text.contains(&stop.key_idea),
                "stop {} key idea",
                stop.number
            );
            assert!(text.contains(&stop.discussion[0]));
            for q in tour.gate_questions(usize::from(stop.number)) {
                let right = q.choices.iter().find(|c| c.correct).expect("an answer");
                assert!(text.contains(&format!("{}\n   - **Answer:** {}", q.prompt, right.text)));
            }
        }
        assert!(text.contains("Rapid Fire Review"));
        assert!(text.contains(DISCUSSION_STANDARD));
    }

    #[test]
    fn the_core_tasks_follow_the_length() {
        let short = plan(LessonLength::Short);
        let full = plan(LessonLength::Full);
        assert!(short.contains(
            "Compose a storyboard panel and check it against its drawing: 3 of 8 (9 min)"
        ));
        assert!(full.contains(
            "Compose a storyboard panel and check it against its drawing: 8 of 8 (24 min)"
        ));
        assert!(
            short.contains("- Compose a storyboard panel and check it against its drawing: 5 more")
        );
        // Drop-frame is an extension in the short plan and core in the full one.
        let drop = "Drop-frame timecode";
        let core_part = |text: &str| {
            let post = text.find("## Stop 3").expect("stop 3");
            let ext = post + text[post..].find("### Extension").expect("extensions");
            text[post..ext].to_string()
        };
        assert!(!core_part(&short).contains(drop));
        assert!(core_part(&full).contains(drop));
        assert!(short.contains("| **Whole tour** |"));
    }
}
