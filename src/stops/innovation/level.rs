//! Stop 5, Innovation: two tools of the studio of the future on one screen.
//!
//! 1. *Studio in the Cloud*: the player plans how a day's footage reaches a director, an editor
//!    and a VFX artist in three cities, and `crate::stops::innovation::cloud::simulate` works out when each can
//!    start. The lesson is the units maths (bits against bytes) and network traffic, "the number
//!    of users accessing the data at one time".
//! 2. *Concept trailer*: the player writes a prompt, `crate::stops::innovation::concept::generate` restyles a
//!    Stop 2 scene from it, and a 12-second fly-through plays with a score. As a Technical
//!    Artist does, the player checks each result against the director's brief, rejects what
//!    misses it, refines the prompt and approves a result that fits (`super::concept_review`).
//!
//! All the rules live in those two pure modules and in the plain methods of [`InnovationState`]
//! (unit tested below); the systems here only apply commands and advance the two clocks.

use bevy::prelude::*;

use crate::audio::captions::PlayScore;
use crate::audio::model::music::MusicMood;
use crate::crew::CrewCue;
use crate::stage::StageSettings;
use crate::stage::model::scene::{SceneDescription, TimeOfDay, bundled_scenes};
use crate::stops::innovation::cloud::{self, CloudSpec, Plan, Seconds, Simulation};
use crate::stops::innovation::concept::{
    self, BriefReview, Concept, ConceptPrompt, Palette, PromptMood, Setting, TRAILER_SECONDS,
};
use crate::stops::innovation::studio_ai::model::{AiCaseCommand, AiCases};
use crate::stops::innovation::taste::{self, model::TasteCommand, model::TasteLab};
use crate::tour::content_plugin::{Content, load_content};
use crate::tour::flow::{LevelCatalog, LevelStatus, TourSystems};
use crate::tour::lesson::LessonTasks;
use crate::tour::level_save::{self, LevelSnapshot, resume_level, save_level};
use crate::tour::{StopPhase, in_stop};

pub const STOP: usize = 5;

/// The tasks this level reports to the lesson table (`assets/lessons.ron`).
pub const TASKS: &[&str] = &["cloud", "concept", "refine", "taste", "ai-cases"];

/// Real seconds the transfer map takes to play a whole simulated day: long enough to follow
/// the dots, short enough that nobody waits for a 30-hour courier.
pub const MAP_REAL_SECONDS: f32 = 12.0;

/// Three stars: the deadline was first met within this many simulated days...
pub const THREE_STAR_RUNS: u32 = 3;

/// ...and at least this many different prompts were tried.
pub const THREE_STAR_PROMPTS: u32 = 3;

/// Longest prompt read, in characters: a prompt is a sentence, and this bounds the work done
/// on every keystroke.
pub const MAX_PROMPT_CHARS: usize = 240;

#[derive(Message, Debug, Clone, PartialEq)]
pub enum InnovationCommand {
    /// Replace the cloud plan (camera, proxies, links, courier). The last results stay on
    /// screen, marked as belonging to the previous plan, until the day is run again.
    SetPlan(Plan),
    /// Simulate the day with the current plan and restart the map animation.
    RunDay,
    /// Replay the map animation of the last run without counting a new run.
    ReplayMap,
    /// The prompt text box changed (free text, read on every change).
    SetPrompt(String),
    /// A picker changed: the prompt is rewritten as a sentence the generator reads back.
    PickPrompt(ConceptPrompt),
    /// Build a concept from the current prompt.
    Generate,
    PlayTrailer,
    StopTrailer,
    /// The taste lab: label a shot, or train the model.
    Taste(TasteCommand),
    /// "AI in the studio": decide one topic of one case.
    AiCase(AiCaseCommand),
    /// Turn the result down: it does not match the director's brief.
    RejectConcept,
    /// Send the result to the director as meeting the brief.
    ApproveConcept,
    /// Take the director's next brief.
    NextBrief,
}

/// The level in play.
#[derive(Resource, Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct InnovationState {
    /// The plan being edited.
    pub plan: Plan,
    /// The last run: `Err` holds why it could not be simulated (a broken content file).
    pub simulation: Option<Result<Simulation, String>>,
    /// The plan [`Self::simulation`] was run with, so the screen can say when it is stale.
    pub last_run_plan: Option<Plan>,
    /// Days simulated (successful runs).
    pub runs: u32,
    /// Some run met the deadline for every collaborator.
    pub best_met: bool,
    /// The number of the first run that met the deadline for everyone (1 = the first run).
    pub first_met_run: Option<u32>,
    /// What is in the prompt box (the pickers write here too).
    pub prompt_text: String,
    /// The prompt as the generator read it; `None` when the text is empty or has no setting.
    pub prompt: Option<ConceptPrompt>,
    /// How each word was read: "understood: ...", "assumed: ...", "ignored: ...".
    pub prompt_lines: Vec<String>,
    /// Why the prompt cannot be used yet, in words for the student.
    pub prompt_error: Option<String>,
    /// The last generated concept.
    pub concept: Option<Concept>,
    /// Concepts generated (a new concept replaces the old one; compare this counter to notice).
    pub generations: u32,
    /// How many different prompts were generated: the refinement the level asks for.
    pub distinct_prompts: u32,
    /// Every different prompt generated so far, in order.
    pub tried_prompts: Vec<ConceptPrompt>,
    /// The director's brief and the player's calls on each result; `None` only without briefs
    /// (and in a save from before briefs, until the level's first command gives it one).
    #[serde(default)]
    pub review: Option<BriefReview>,
    /// Seconds into the fly-through while the trailer plays; `None` when stopped.
    #[serde(skip)]
    pub trailer_time: Option<f32>,
    /// The transfer map's clock, in simulated seconds since the camera started rolling.
    pub map_time: f32,
    /// `GameConfig::seed`: the same prompt and seed always give the same concept.
    pub seed: u64,
    /// The taste lab: the student's labels and the model trained on them.
    #[serde(default)]
    pub taste: TasteLab,
    /// The student's decisions on the AI cases.
    #[serde(default)]
    pub ai_cases: AiCases,
}

/// The prompt the pickers start from when nothing has been asked for yet: the first setting
/// and the parser's own defaults for the parts a prompt leaves out.
pub fn default_prompt(seed: u64) -> ConceptPrompt {
    ConceptPrompt {
        setting: Setting::ALL[0],
        mood: PromptMood::Hopeful,
        time: TimeOfDay::Noon,
        palette: Palette::Natural,
        seed,
    }
}

/// The trailer's score: minor for the uneasy moods, major for the rest.
pub fn score_mood(mood: PromptMood) -> MusicMood {
    match mood {
        PromptMood::Tense | PromptMood::Eerie => MusicMood::Dark,
        PromptMood::Hopeful | PromptMood::Epic | PromptMood::Playful => MusicMood::Bright,
    }
}

/// The prompt reader marks understood words with an arrow that egui's font cannot draw; say it
/// in a word instead.
fn readable_line(line: &str) -> String {
    line.replace('\u{2192}', "means")
}

impl InnovationState {
    /// A fresh level: the content's opening plan (which misses the deadline, leaving something to
    /// fix), no runs, and the director's words in the prompt box.
    pub fn new(spec: &CloudSpec, seed: u64) -> Self {
        let mut state = Self {
            plan: Plan::default_for(spec),
            simulation: None,
            last_run_plan: None,
            runs: 0,
            best_met: false,
            first_met_run: None,
            prompt_text: String::new(),
            prompt: None,
            prompt_lines: Vec::new(),
            prompt_error: None,
            concept: None,
            generations: 0,
            distinct_prompts: 0,
            tried_prompts: Vec::new(),
            review: BriefReview::new(&spec.briefs, seed),
            trailer_time: None,
            map_time: 0.0,
            seed,
            taste: TasteLab::default(),
            ai_cases: AiCases::default(),
        };
        state.prompt_from_brief();
        state
    }

    /// The seed every prompt is read with.
    pub fn concept_seed(&self) -> u64 {
        self.seed
    }

    /// The last successful simulation, if any.
    pub fn last_simulation(&self) -> Option<&Simulation> {
        self.simulation.as_ref().and_then(|r| r.as_ref().ok())
    }

    /// True when the results on screen belong to the plan being edited.
    pub fn results_are_current(&self) -> bool {
        self.last_run_plan.as_ref() == Some(&self.plan)
    }

    pub fn set_plan(&mut self, plan: Plan) {
        self.plan = plan;
    }

    /// Simulates the day with the current plan and restarts the map clock.
    pub fn run_day(&mut self, spec: &CloudSpec) {
        let result = cloud::simulate(spec, &self.plan);
        if let Ok(sim) = &result {
            self.runs += 1;
            if sim.all_meet_deadline {
                self.best_met = true;
                if self.first_met_run.is_none() {
                    self.first_met_run = Some(self.runs);
                }
            }
        }
        self.simulation = Some(result);
        self.last_run_plan = Some(self.plan.clone());
        self.map_time = 0.0;
    }

    /// Simulated seconds the map plays: until the last delivery or the deadline, whichever is
    /// later, so an early finish still shows the deadline passing with room to spare.
    pub fn map_span(&self) -> Option<f32> {
        let sim = self.last_simulation()?;
        let deadline_at = sim.wrap_at.0 + sim.deadline.0;
        let finished = sim.finished_at().0;
        let span = if finished.is_finite() {
            finished.max(deadline_at)
        } else {
            deadline_at
        };
        Some(span as f32)
    }

    /// The map clock as a timeline moment.
    pub fn map_seconds(&self) -> Seconds {
        Seconds(f64::from(self.map_time))
    }

    /// Jump the map's animation to its end.
    fn finish_map(&mut self) {
        if let Some(span) = self.map_span() {
            self.map_time = self.map_time.max(span);
        }
    }

    /// The map animation is still running.
    pub fn map_playing(&self) -> bool {
        self.map_span().is_some_and(|span| self.map_time < span)
    }

    /// Reads new prompt text (cut to [`MAX_PROMPT_CHARS`]).
    pub fn set_prompt_text(&mut self, text: &str) {
        self.prompt_text = text.chars().take(MAX_PROMPT_CHARS).collect();
        if self.prompt_text.trim().is_empty() {
            self.prompt = None;
            self.prompt_lines.clear();
            self.prompt_error = None;
            return;
        }
        match concept::parse_prompt(&self.prompt_text, self.seed) {
            Ok((prompt, lines)) => {
                self.prompt = Some(prompt);
                self.prompt_lines = lines.iter().map(|l| readable_line(l)).collect();
                self.prompt_error = None;
            }
            Err(e) => {
                self.prompt = None;
                self.prompt_lines.clear();
                self.prompt_error = Some(e);
            }
        }
    }

    /// A picker choice: written into the prompt box as the sentence the generator reads back to
    /// the same prompt, so typing and picking always agree. The seed is always the level's.
    pub fn pick_prompt(&mut self, prompt: ConceptPrompt) {
        let prompt = ConceptPrompt {
            seed: self.seed,
            ..prompt
        };
        self.set_prompt_text(&prompt.to_text());
        self.prompt = Some(prompt);
    }

    /// Builds a concept from the current prompt out of `scenes` (the Stop 2 scenes). Stops the
    /// trailer: the old fly-through belongs to the old concept.
    pub fn generate(&mut self, scenes: &[SceneDescription]) {
        self.trailer_time = None;
        let Some(prompt) = self.prompt else {
            if self.prompt_error.is_none() {
                self.prompt_error = Some(
                    "Type a prompt or pick a setting first, for example: \"a tense desert canyon at dusk in warm colours\"."
                        .to_string(),
                );
            }
            return;
        };
        match concept::generate(&prompt, scenes) {
            Ok(concept) => {
                self.generations += 1;
                if !self.tried_prompts.contains(&prompt) {
                    self.tried_prompts.push(prompt);
                }
                self.distinct_prompts = u32::try_from(self.tried_prompts.len()).unwrap_or(u32::MAX);
                if let Some(review) = &mut self.review {
                    review.on_generated(&concept);
                }
                self.concept = Some(concept);
                self.prompt_error = None;
            }
            Err(e) => self.prompt_error = Some(e),
        }
    }

    /// Starts the fly-through from the beginning; the score to play, or `None` with no concept.
    pub fn play_trailer(&mut self) -> Option<MusicMood> {
        let mood = self.concept.as_ref()?.prompt.mood;
        self.trailer_time = Some(0.0);
        Some(score_mood(mood))
    }

    /// Stops the fly-through; true if it was playing (so the score must stop too).
    pub fn stop_trailer(&mut self) -> bool {
        self.trailer_time.take().is_some()
    }

    /// Moves both clocks on by `dt` real seconds. True when the trailer has just reached its end
    /// (so the score must stop).
    pub fn advance(&mut self, dt: f32) -> bool {
        if !(dt.is_finite() && dt > 0.0) {
            return false;
        }
        if let Some(span) = self.map_span()
            && self.map_time < span
        {
            self.map_time = (self.map_time + dt * span / MAP_REAL_SECONDS).min(span);
        }
        if let Some(t) = self.trailer_time {
            let t = t + dt;
            if t >= TRAILER_SECONDS {
                self.trailer_time = None;
                return true;
            }
            self.trailer_time = Some(t);
        }
        false
    }

    /// Complete: a plan met the deadline for everyone, and a concept meeting the director's
    /// brief was approved after a result that missed it was caught.
    pub fn is_complete(&self) -> bool {
        self.best_met && self.brief_met()
    }

    /// Units done of each task in [`TASKS`]: the deadline met, a concept generated, and the
    /// prompt refined until the director's brief was met and approved.
    pub fn task_counts(&self) -> Vec<(&'static str, u32)> {
        vec![
            ("cloud", u32::from(self.best_met)),
            ("concept", u32::from(self.generations >= 1)),
            ("refine", u32::from(self.brief_met())),
            ("taste", u32::from(self.taste.done())),
            (
                "ai-cases",
                u32::try_from(self.ai_cases.decided_count()).unwrap_or(0),
            ),
        ]
    }

    /// The stars once every task is done; see [`InnovationState::stars_when`].
    pub fn stars(&self) -> u8 {
        self.stars_when(self.is_complete())
    }

    /// 3 stars: the deadline was first met within [`THREE_STAR_RUNS`] days and at least
    /// [`THREE_STAR_PROMPTS`] different prompts were tried. 2 stars: the core is done
    /// (`core_done`). 0: not yet.
    pub fn stars_when(&self, core_done: bool) -> u8 {
        if !core_done {
            return 0;
        }
        let quick = self.first_met_run.is_some_and(|r| r <= THREE_STAR_RUNS);
        if quick && self.distinct_prompts >= THREE_STAR_PROMPTS {
            3
        } else {
            2
        }
    }
}

/// The level's whole state is its save: the student's work, kept between visits. The map's
/// animation is saved as played to its end, so a resumed level shows the last run's result.
impl LevelSnapshot for InnovationState {
    const STOP: usize = STOP;
    fn capture(world: &World) -> Option<Self> {
        let mut state = world.get_resource::<Self>()?.clone();
        state.finish_map();
        Some(state)
    }
    fn restore(mut self, world: &mut World) {
        self.finish_map();
        world.insert_resource(self);
    }
}

fn start_level(
    mut commands: Commands,
    content: Res<Content<CloudSpec>>,
    config: Res<crate::GameConfig>,
) {
    commands.insert_resource(InnovationState::new(&content, config.seed));
}

fn end_level(
    mut commands: Commands,
    state: Option<Res<InnovationState>>,
    mut score: MessageWriter<PlayScore>,
) {
    if state.is_some() {
        score.write(PlayScore(None));
        commands.remove_resource::<InnovationState>();
    }
}

fn apply_innovation_commands(
    mut commands: MessageReader<InnovationCommand>,
    state: Option<ResMut<InnovationState>>,
    content: Res<Content<CloudSpec>>,
    stage: Option<Res<StageSettings>>,
    mut status: ResMut<LevelStatus>,
    mut score: MessageWriter<PlayScore>,
    lesson: LessonTasks,
    mut cues: MessageWriter<CrewCue>,
) {
    let Some(mut state) = state else {
        commands.clear();
        return;
    };
    if !state.taste.ready() && state.taste.build_error.is_none() {
        let seed = state.seed;
        match stage.as_deref().filter(|s| !s.scenes.is_empty()) {
            Some(stage) => {
                taste::ensure_shots(&mut state.taste, &content.taste, &stage.scenes, seed)
            }
            None => taste::ensure_shots(&mut state.taste, &content.taste, &bundled_scenes(), seed),
        }
    }
    if state.review.is_none() && !content.briefs.is_empty() {
        let seed = state.seed;
        state.review = BriefReview::new(&content.briefs, seed);
    }
    for command in commands.read() {
        match command {
            InnovationCommand::SetPlan(plan) => state.set_plan(plan.clone()),
            InnovationCommand::RunDay => {
                state.run_day(&content);
                if let Some(Ok(sim)) = &state.simulation {
                    let cue = if sim.all_meet_deadline {
                        "deadline-met"
                    } else {
                        "deadline-missed"
                    };
                    cues.write(CrewCue::new(STOP, cue));
                }
            }
            InnovationCommand::ReplayMap => state.map_time = 0.0,
            InnovationCommand::SetPrompt(text) => state.set_prompt_text(text),
            InnovationCommand::PickPrompt(prompt) => state.pick_prompt(*prompt),
            InnovationCommand::Generate => {
                let was_playing = state.trailer_time.is_some();
                // The scenes Stop 2 loaded (a teacher's edits included); the built-in copy if
                // the stage state is missing.
                match stage.as_deref().filter(|s| !s.scenes.is_empty()) {
                    Some(stage) => state.generate(&stage.scenes),
                    None => state.generate(&bundled_scenes()),
                }
                if was_playing {
                    score.write(PlayScore(None));
                }
            }
            InnovationCommand::PlayTrailer => {
                if let Some(mood) = state.play_trailer() {
                    score.write(PlayScore(Some(mood)));
                }
            }
            InnovationCommand::StopTrailer => {
                if state.stop_trailer() {
                    score.write(PlayScore(None));
                }
            }
            InnovationCommand::Taste(c) => state.taste.apply(c, &content.taste),
            InnovationCommand::AiCase(c) => state.ai_cases.apply(c, &content.ai_cases),
            InnovationCommand::RejectConcept => state.reject_concept(),
            InnovationCommand::ApproveConcept => state.approve_concept(&content.briefs),
            InnovationCommand::NextBrief => state.next_brief(&content.briefs),
        }
    }
    lesson.apply(STOP, &state.task_counts(), &mut status);
    status.stars = state.stars_when(status.complete);
}

/// Advances the map and trailer clocks; touches the state only while one of them runs, so
/// `is_changed` stays meaningful for whoever draws the concept.
fn run_clocks(
    time: Res<Time>,
    state: Option<ResMut<InnovationState>>,
    mut score: MessageWriter<PlayScore>,
) {
    let Some(mut state) = state else { return };
    if state.trailer_time.is_none() && !state.map_playing() {
        return;
    }
    if state.advance(time.delta_secs()) {
        score.write(PlayScore(None));
    }
}

/// Lets the UI and the 3D view build their own state after the level exists.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum InnovationSystems {
    Setup,
}

pub(super) fn plugin(app: &mut App) {
    load_content::<CloudSpec>(app);
    app.world_mut()
        .resource_mut::<LevelCatalog>()
        .register(STOP);
    level_save::register::<InnovationState>(app);
    app.add_message::<InnovationCommand>()
        .add_systems(
            OnEnter(StopPhase::Level),
            (start_level, resume_level::<InnovationState>)
                .chain()
                .run_if(in_stop(STOP))
                .in_set(InnovationSystems::Setup),
        )
        .add_systems(
            OnExit(StopPhase::Level),
            (
                save_level::<InnovationState>.run_if(in_stop(STOP)),
                end_level,
            )
                .chain(),
        )
        .add_systems(
            Update,
            (apply_innovation_commands, run_clocks)
                .chain()
                .in_set(TourSystems::Play)
                .run_if(in_state(StopPhase::Level)),
        );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::innovation::studio_ai::model::Topic;
    use crate::stops::innovation::taste::model::TRAINING_SHOTS;

    fn spec() -> CloudSpec {
        cloud::bundled_cloud().expect("bundled innovation.ron")
    }

    /// The plan `cloud`'s own tests prove meets the bundled deadline: network, proxies, upload
    /// while shooting, 10 Gbps at the studio and in London.
    fn passing_plan(spec: &CloudSpec) -> Plan {
        let ten = spec
            .links
            .iter()
            .position(|l| l.rate_mbps == 10_000.0)
            .expect("a 10 Gbps link");
        let london = spec
            .sites
            .iter()
            .position(|s| s.id == "london")
            .expect("london");
        let mut plan = Plan::default_for(spec);
        plan.ship_drives = false;
        plan.proxies = true;
        plan.upload_while_shooting = true;
        plan.uplink = ten;
        plan.per_site_link[london] = ten;
        plan
    }

    #[test]
    fn opening_plan_misses_and_the_passing_plan_is_remembered() {
        let spec = spec();
        let mut state = InnovationState::new(&spec, 7);
        assert!(!state.is_complete());
        assert_eq!(state.stars(), 0);
        state.run_day(&spec);
        assert_eq!(state.runs, 1);
        assert!(!state.best_met);
        assert!(state.results_are_current());
        state.set_plan(passing_plan(&spec));
        assert!(!state.results_are_current());
        state.run_day(&spec);
        assert!(state.best_met);
        assert_eq!(state.first_met_run, Some(2));
        // A worse plan afterwards does not undo the success.
        state.set_plan(Plan::default_for(&spec));
        state.run_day(&spec);
        assert!(state.best_met);
        assert_eq!(state.first_met_run, Some(2));
    }

    #[test]
    fn the_map_plays_a_whole_day_in_about_twelve_seconds() {
        let spec = spec();
        let mut state = InnovationState::new(&spec, 7);
        assert!(state.map_span().is_none());
        assert!(!state.advance(1.0));
        state.run_day(&spec);
        let span = state.map_span().expect("a span");
        let sim = state.last_simulation().expect("simulated");
        assert!(f64::from(span) >= sim.wrap_at.0 + sim.deadline.0 - 1.0);
        for _ in 0..11 {
            state.advance(1.0);
        }
        assert!(state.map_playing());
        state.advance(1.5);
        assert!(!state.map_playing());
        assert_eq!(state.map_time, span);
    }

    /// Short opens with the deadline met, one concept and one AI case decided, 2 stars;
    /// Standard also asks for the refined prompt and the taste model trained twice; Full for
    /// all three AI cases.
    #[test]
    fn the_core_follows_the_lesson_length() {
        use crate::tour::model::content::bundled_file;
        use crate::tour::model::lesson::{LessonLength, LessonTable, core_met};
        let table = bundled_file::<LessonTable>().expect("bundled lessons");
        let met = |state: &InnovationState, length| {
            core_met(table.tasks(STOP), length, &state.task_counts())
        };
        let spec = spec();
        let scenes = bundled_scenes();
        let mut state = InnovationState::new(&spec, 42);
        state.set_plan(passing_plan(&spec));
        state.run_day(&spec);
        assert!(!met(&state, LessonLength::Short), "no concept yet");
        state.set_prompt_text("a tense desert canyon at dusk in warm colours");
        state.generate(&scenes);
        assert!(!met(&state, LessonLength::Short), "no AI case decided yet");
        let decide = |state: &mut InnovationState, case| {
            for topic in Topic::ALL {
                let c = AiCaseCommand::Choose {
                    case,
                    topic,
                    option: 0,
                };
                state.ai_cases.apply(&c, &spec.ai_cases);
            }
        };
        decide(&mut state, 0);
        assert!(met(&state, LessonLength::Short));
        assert_eq!(state.stars_when(true), 2);
        assert!(!met(&state, LessonLength::Standard) && !met(&state, LessonLength::Full));
        let brief = state.brief().cloned().expect("a brief");
        state.reject_concept();
        state.pick_prompt(brief.applied_to(default_prompt(42)));
        state.generate(&scenes);
        state.approve_concept(&spec.briefs);
        assert!(
            !met(&state, LessonLength::Standard),
            "the taste model is not trained"
        );
        // The taste model: trained, one label changed, trained again.
        taste::ensure_shots(&mut state.taste, &spec.taste, &scenes, 42);
        for shot in 0..TRAINING_SHOTS {
            let mood = Some(shot % spec.taste.moods.len());
            state
                .taste
                .apply(&TasteCommand::Label { shot, mood }, &spec.taste);
        }
        state.taste.apply(&TasteCommand::Train, &spec.taste);
        assert!(!met(&state, LessonLength::Standard), "trained once");
        let relabel = TasteCommand::Label {
            shot: 0,
            mood: Some(1),
        };
        state.taste.apply(&relabel, &spec.taste);
        state.taste.apply(&TasteCommand::Train, &spec.taste);
        assert!(met(&state, LessonLength::Standard) && !met(&state, LessonLength::Full));
        decide(&mut state, 1);
        decide(&mut state, 2);
        assert!(met(&state, LessonLength::Full));
    }

    #[test]
    fn meeting_the_brief_after_a_caught_miss_completes_the_level() {
        let spec = spec();
        let scenes = bundled_scenes();
        let mut state = InnovationState::new(&spec, 42);
        state.set_plan(passing_plan(&spec));
        state.run_day(&spec);
        let brief = state.brief().cloned().expect("a brief");

        // The director's words are in the box; the generator reads them wrongly.
        assert_eq!(state.prompt_text, brief.text);
        assert!(
            state.prompt_lines.iter().all(|l| !l.contains('\u{2192}')),
            "{:?}",
            state.prompt_lines
        );
        state.generate(&scenes);
        let first = state.concept.clone().expect("a concept");
        // The same prompt again: the same concept.
        state.generate(&scenes);
        assert_eq!(state.concept.as_ref(), Some(&first));
        assert_eq!((state.generations, state.distinct_prompts), (2, 1));
        state.approve_concept(&spec.briefs);
        assert!(!state.is_complete(), "a miss is not approved");

        // Refined with the pickers until it meets the brief, then approved.
        state.pick_prompt(brief.applied_to(first.prompt));
        state.generate(&scenes);
        assert_eq!(state.distinct_prompts, 2);
        state.reject_concept();
        assert!(!state.is_complete(), "a match is not rejected");
        state.approve_concept(&spec.briefs);
        assert!(state.is_complete());
        assert_eq!(state.stars(), 2);

        // A third prompt, from the pickers, earns the third star (met on the first run).
        state.pick_prompt(ConceptPrompt {
            setting: Setting::City,
            mood: PromptMood::Epic,
            time: TimeOfDay::Night,
            palette: Palette::Neon,
            seed: 999,
        });
        assert_eq!(state.prompt.map(|p| p.seed), Some(42));
        assert_eq!(
            state.prompt.map(|p| (p.setting, p.mood, p.time, p.palette)),
            Some((
                Setting::City,
                PromptMood::Epic,
                TimeOfDay::Night,
                Palette::Neon
            ))
        );
        state.generate(&scenes);
        assert_eq!(state.distinct_prompts, 3);
        assert_eq!(state.stars(), 3);
    }

    #[test]
    fn a_prompt_without_a_place_is_explained_not_used() {
        let spec = spec();
        let mut state = InnovationState::new(&spec, 1);
        state.set_prompt_text("something tense at night");
        assert!(state.prompt.is_none());
        assert!(state.prompt_error.is_some());
        state.generate(&bundled_scenes());
        assert_eq!(state.generations, 0);
        state.set_prompt_text("   ");
        assert!(state.prompt.is_none() && state.prompt_error.is_none());
        let long = "desert ".repeat(200);
        state.set_prompt_text(&long);
        assert_eq!(state.prompt_text.chars().count(), MAX_PROMPT_CHARS);
    }

    #[test]
    fn the_trailer_plays_twelve_seconds_with_a_matching_score() {
        let spec = spec();
        let mut state = InnovationState::new(&spec, 3);
        assert_eq!(state.play_trailer(), None);
        state.set_prompt_text("a spooky alien planet");
        state.generate(&bundled_scenes());
        assert_eq!(state.play_trailer(), Some(MusicMood::Dark));
        assert!(!state.advance(TRAILER_SECONDS - 1.0));
        assert!(state.trailer_time.is_some());
        assert!(state.advance(1.5));
        assert_eq!(state.trailer_time, None);
        assert_eq!(state.play_trailer(), Some(MusicMood::Dark));
        assert!(state.stop_trailer());
        assert!(!state.stop_trailer());
        assert_eq!(score_mood(PromptMood::Playful), MusicMood::Bright);
        assert_eq!(score_mood(PromptMood::Tense), MusicMood::Dark);
    }
}
