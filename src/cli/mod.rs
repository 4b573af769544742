//! The command line: play, or run a headless subcommand.

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use clap::{Args, Parser, Subcommand};

use crate::config::{CaptureRequest, GameConfig, StartScreen};
use crate::stage::model::quality::Quality;
use crate::stage::model::scene::{TimeOfDay, Weather};
use crate::tour::model::content;
use crate::tour::model::lesson::LessonLength;

mod bench;
mod check;
mod soak;
mod teacher;

use bench::{bench_stage, bench_timecode};
use check::check_content;
use soak::{SoakArgs, soak};
use teacher::{class_results, import_bank};

#[derive(Parser, Debug)]
#[command(
    name = "backlot",
    version,
    about = "Backlot: tour a film studio and play the careers behind the camera."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub play: PlayArgs,
}

#[derive(Args, Debug, Clone, Default)]
pub struct PlayArgs {
    /// Jump straight to a stop, by number (0–6) or name (e.g. virtual-production).
    #[arg(long, value_name = "N or NAME")]
    pub stop: Option<String>,
    /// Start in the light projector palette with large text.
    #[arg(long)]
    pub projector: bool,
    /// Start in presenter mode: projector palette, large text and the teacher's controls.
    #[arg(long)]
    pub presenter: bool,
    /// Start full screen.
    #[arg(long, conflicts_with = "windowed")]
    pub fullscreen: bool,
    /// Start in a window (the default).
    #[arg(long)]
    pub windowed: bool,
    /// Where progress is saved (default: the platform data directory).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Play as this student profile (made if new; default: the last one used, else Player).
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Seed for shuffles and level randomness; the same seed replays the same game.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Stage quality for this session: low, standard or high (default: the one in the
    /// settings, first chosen for this computer's graphics).
    #[arg(long, value_parser = parse_quality)]
    pub quality: Option<Quality>,
    /// Lesson length for this session: short, standard or full (default: the one in the
    /// settings). It decides which of each level's tasks open the gate.
    #[arg(long, value_parser = parse_lesson)]
    pub lesson: Option<LessonLength>,
}

fn parse_lesson(text: &str) -> Result<LessonLength, String> {
    LessonLength::parse(text)
        .ok_or_else(|| format!("unknown lesson length '{text}': use short, standard or full"))
}

fn parse_quality(text: &str) -> Result<Quality, String> {
    Quality::parse(text)
        .ok_or_else(|| format!("unknown quality '{text}': use low, standard or high"))
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate content files: print line-numbered errors and exit non-zero on any.
    CheckContent {
        /// The content folder (default: assets), the scenes folder, or a question bank file
        /// (.gift or Aiken .txt).
        dir: Option<PathBuf>,
    },
    /// Render a stop and save a screenshot (works under xvfb-run with software Vulkan).
    Capture(Box<CaptureArgs>),
    /// Convert frame numbers and timecodes at a frame rate, e.g. `timecode 29.97df 1800`.
    /// RATE is 23.976, 24, 25, 29.97, 29.97df, 30, 50, 59.94, 59.94df or 60.
    Timecode {
        rate: String,
        #[arg(required = true, allow_hyphen_values = true)]
        values: Vec<String>,
    },
    /// Copy a teacher's GIFT or Aiken question bank into the data directory for a stop's gate.
    ImportBank {
        /// The .gift, .aiken or Aiken .txt file.
        file: PathBuf,
        /// The stop whose gate gets the questions (0–6).
        #[arg(long)]
        stop: usize,
        /// Ask only these questions at that stop (default: add them to the stop's own).
        #[arg(long)]
        replace: bool,
        /// The data directory (default: the platform data directory).
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
    },
    /// Write every student profile's results as CSV: one row per profile and stop (gate
    /// passed, attempts per question, first-try answers, level stars, minutes, lesson length).
    ClassResults {
        /// The data directory holding the profiles (default: the platform data directory).
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
        /// The CSV file to write.
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
    },
    /// Write a teacher's lesson plan (Markdown) from the content files: each stop's key idea,
    /// vocabulary, core and extension tasks with times, discussion prompts, standards and the
    /// gate's answer key.
    LessonPlan {
        /// The lesson length to plan for: short, standard or full.
        #[arg(long, value_parser = parse_lesson, default_value = "standard")]
        lesson: LessonLength,
        /// Where to write the Markdown file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The content folder to read (default: assets).
        #[arg(long, value_name = "DIR")]
        assets: Option<PathBuf>,
    },
    /// Play the logic headless for many frames with random moves, checking every save.
    Soak(SoakArgs),
    /// Measure performance (build with --release for real figures).
    Bench {
        #[command(subcommand)]
        what: BenchTarget,
    },
}

#[derive(Subcommand, Debug)]
pub enum BenchTarget {
    /// Round-trip every frame of a day (frame -> timecode -> frame) at every rate.
    Timecode,
    /// Frame time of the direct scene against the full stage at the same multisampling, and
    /// the stage's frame time as the wall's LED pixel count grows (needs a display; use
    /// xvfb-run without a desktop).
    Stage {
        #[arg(long, default_value = "640x360")]
        size: String,
        #[arg(long, default_value_t = 60)]
        frames: u32,
        /// Multisampling of every camera in every run, 1 or 4.
        #[arg(long, default_value = "4", value_parser = parse_msaa)]
        msaa: u32,
    },
}

#[derive(Args, Debug, Clone)]
pub struct CaptureArgs {
    /// The stop to render, by number or name.
    #[arg(long, default_value = "0")]
    pub stop: String,
    /// Which screen of the stop: title, map, briefing, level, gate or finale.
    #[arg(long, default_value = "briefing")]
    pub screen: String,
    /// Image size, WIDTHxHEIGHT.
    #[arg(long, default_value = "1280x720")]
    pub size: String,
    /// Frames to render before the screenshot.
    #[arg(long, default_value_t = 20)]
    pub frames: u32,
    /// Where to write the PNG.
    #[arg(long, default_value = "capture.png")]
    pub out: PathBuf,
    /// Use the projector palette.
    #[arg(long)]
    pub projector: bool,
    /// Show presenter mode.
    #[arg(long)]
    pub presenter: bool,
    /// No host dialogue: the level's own screen, laid out as without a host speaking.
    #[arg(long)]
    pub no_talk: bool,
    /// Play the level part-way first, through its own commands, one a frame (so give it
    /// enough --frames): stop 0 `1` (a failure's symptoms, about 60 frames) or `2` (the
    /// prediction, about 80), stop 2 `1` (the signal chain built, about 60) or `2` (half built,
    /// a link refused), stop 3 `1` (the clips, one wrongly picked), stop 4 `1` (five posts in),
    /// stop 5 `1` (a day on the network map), `2` (a generated concept trailer), `3` (the taste
    /// model trained, one label changed, trained again) or `4` (an AI case decided), stop 6 `1`
    /// (every person matched and two careers picked).
    #[arg(long, default_value_t = 0)]
    pub demo: u8,
    /// Show a camp screen: setup, scoreboard or podium (of the camp saved in --data-dir).
    #[arg(long, value_name = "SCREEN")]
    pub camp: Option<String>,
    /// Progress to show (default: a fresh temporary directory, so captures never touch a save).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The student profile whose progress to show (default: the last one used, else Player).
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Stop 2: the virtual scene on the wall (tokyo, alien_planet, arctic, desert_canyon).
    #[arg(long)]
    pub scene: Option<String>,
    /// Stop 2: time of day in the virtual world (dawn, noon, dusk, night; default the scene's).
    #[arg(long, value_parser = parse_time)]
    pub time: Option<TimeOfDay>,
    /// Stop 2: weather (clear, overcast, haze, snow, dust-storm; default the scene's).
    #[arg(long, value_parser = parse_weather)]
    pub weather: Option<Weather>,
    /// Stop 2: cinema camera position x,y,z in stage metres (Y up, wall ahead on −Z).
    #[arg(long, value_name = "X,Y,Z", allow_hyphen_values = true)]
    pub camera_pos: Option<String>,
    /// Stop 2: the point the cinema camera looks at, x,y,z.
    #[arg(long, value_name = "X,Y,Z", allow_hyphen_values = true)]
    pub camera_look_at: Option<String>,
    /// Stop 2: focal length of the cinema lens in mm.
    #[arg(long)]
    pub focal_mm: Option<f32>,
    /// Time the frames and print the average instead of saving a picture (used by bench).
    #[arg(long, hide = true)]
    pub bench: bool,
    /// Stop 2: focus distance of the cinema lens in metres (focus on the wall to see moiré).
    #[arg(long)]
    pub focus_m: Option<f32>,
    /// Stop 2: camera (what the camera records), witness (third person) or direct (no stage).
    #[arg(long)]
    pub view: Option<String>,
    /// Stage quality: low, standard or high (default high, the desktop's).
    #[arg(long, value_parser = parse_quality)]
    pub quality: Option<Quality>,
    /// Hide the on-screen interface, so the picture is the 3D scene alone.
    #[arg(long)]
    pub no_ui: bool,
    /// Multisampling of every camera, 1 or 4 (default: the quality's).
    #[arg(long, value_parser = parse_msaa)]
    pub msaa: Option<u32>,
    /// Stop 2: LED pixels per panel side, which sets the wall's resolution.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=512))]
    pub panel_px: Option<u32>,
    /// Stop 2: draw the LED wall in one flat colour (a mask of where the wall is seen).
    #[arg(long)]
    pub wall_mask: bool,
}

impl CaptureArgs {
    /// Whether any of the Stop 2 stage flags is given.
    fn sets_up_the_stage(&self) -> bool {
        self.scene.is_some()
            || self.time.is_some()
            || self.weather.is_some()
            || self.camera_pos.is_some()
            || self.camera_look_at.is_some()
            || self.focal_mm.is_some()
            || self.focus_m.is_some()
            || self.view.is_some()
            || self.panel_px.is_some()
            || self.wall_mask
    }
}

fn parse_msaa(text: &str) -> Result<u32, String> {
    match text.trim() {
        "1" => Ok(1),
        "4" => Ok(4),
        _ => Err(format!("unknown multisampling '{text}': use 1 or 4")),
    }
}

/// Parse "x,y,z" into a vector.
pub fn parse_vec3(text: &str) -> Result<Vec3, String> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if parts.len() != 3 {
        return Err(format!("'{text}' should be three numbers: x,y,z"));
    }
    let mut v = [0.0f32; 3];
    for (slot, part) in v.iter_mut().zip(&parts) {
        *slot = part
            .parse()
            .map_err(|_| format!("'{part}' in '{text}' is not a number"))?;
        if !slot.is_finite() {
            return Err(format!("'{part}' in '{text}' is not a finite number"));
        }
    }
    Ok(Vec3::from_array(v))
}

/// Parse "1280x720".
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("size '{text}' should look like 1280x720"))?;
    let w: u32 = w
        .trim()
        .parse()
        .map_err(|_| format!("width '{w}' is not a number"))?;
    let h: u32 = h
        .trim()
        .parse()
        .map_err(|_| format!("height '{h}' is not a number"))?;
    if !(16..=8192).contains(&w) || !(16..=8192).contains(&h) {
        return Err(format!("size {w}x{h} is out of range (16–8192)"));
    }
    Ok((w, h))
}

/// Turn a stop key into a stop number using the bundled tour (names are content).
fn resolve_stop(key: &str) -> Result<usize, String> {
    let bundle = content::bundled().map_err(|e| e.to_string())?;
    bundle
        .tour
        .find_stop(key)
        .ok_or_else(|| format!("no stop called '{key}': use 0–6 or a name like post-production"))
}

/// A `--profile` name, checked like a name typed on the title screen.
fn profile_name(name: Option<&str>) -> Result<Option<String>, String> {
    name.map(|n| crate::tour::model::profiles::clean_name(n).map_err(|e| format!("--profile: {e}")))
        .transpose()
}

pub fn play_config(args: &PlayArgs) -> Result<GameConfig, String> {
    let start_stop = args.stop.as_deref().map(resolve_stop).transpose()?;
    Ok(GameConfig {
        data_dir: args
            .data_dir
            .clone()
            .unwrap_or_else(crate::platform::storage::default_data_dir),
        profile: profile_name(args.profile.as_deref())?,
        assets_dir: content::default_assets_dir(),
        start_stop,
        start_screen: if start_stop.is_some() {
            StartScreen::Briefing
        } else {
            StartScreen::Title
        },
        projector: args.projector,
        presenter: args.presenter,
        camp_view: None,
        fullscreen: args.fullscreen && !args.windowed,
        window_size: (1280, 720),
        seed: args.seed.unwrap_or_else(rand::random),
        capture: None,
        stage: None,
        quality: args.quality,
        lesson: args.lesson,
        talk: true,
    })
}

pub fn capture_config(args: &CaptureArgs) -> Result<GameConfig, String> {
    let stop = resolve_stop(&args.stop)?;
    let screen = StartScreen::parse(&args.screen).ok_or_else(|| {
        format!(
            "unknown screen '{}': use title, map, briefing, level, gate or finale",
            args.screen
        )
    })?;
    let size = parse_size(&args.size)?;
    let stage = stage_preview(args, stop)?;
    if let Some(scene) = &args.scene {
        check_scene_name(scene)?;
    }
    check_capture_out(&args.out)?;
    let data_dir = args.data_dir.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("backlot-capture-{}", std::process::id()))
    });
    Ok(GameConfig {
        data_dir,
        profile: profile_name(args.profile.as_deref())?,
        assets_dir: content::default_assets_dir(),
        start_stop: Some(stop),
        start_screen: if stage.is_some() {
            StartScreen::Level
        } else {
            screen
        },
        projector: args.projector,
        presenter: args.presenter,
        camp_view: match args.camp.as_deref() {
            None => None,
            Some("setup") => Some(crate::config::CampView::Setup),
            Some("scoreboard") => Some(crate::config::CampView::Scoreboard),
            Some("podium") => Some(crate::config::CampView::Podium),
            Some(other) => {
                return Err(format!(
                    "unknown camp screen '{other}': use setup, scoreboard or podium"
                ));
            }
        },
        fullscreen: false,
        window_size: size,
        seed: args.seed,
        capture: Some(CaptureRequest {
            frames: args.frames.max(1),
            out: args.out.clone(),
            bench: args.bench,
            demo: args.demo,
            no_ui: args.no_ui,
            msaa: args.msaa,
        }),
        stage,
        quality: Some(args.quality.unwrap_or(Quality::High)),
        lesson: None,
        talk: !args.no_talk,
    })
}

/// The Stop 2 set-up a capture asks for (`--scene`, `--time`, `--camera-pos`, ...), if any.
fn stage_preview(
    args: &CaptureArgs,
    stop: usize,
) -> Result<Option<crate::config::StagePreview>, String> {
    if !args.sets_up_the_stage() {
        return Ok(None);
    }
    if stop != crate::stops::virtual_production::level::STOP {
        return Err(
            "--scene, --time, --weather, --camera-pos, --camera-look-at, --focal-mm, --view, \
             --panel-px and --wall-mask are for --stop 2"
                .into(),
        );
    }
    let view = args.view.clone().unwrap_or_else(|| "camera".into());
    if crate::stage::StageView::parse(&view).is_none() {
        return Err(format!(
            "unknown view '{view}': use camera, witness or direct"
        ));
    }
    let focal_mm = args.focal_mm.unwrap_or(35.0);
    if !(8.0..=300.0).contains(&focal_mm) {
        return Err(format!(
            "focal length {focal_mm} mm is out of range (8–300)"
        ));
    }
    Ok(Some(crate::config::StagePreview {
        scene: args.scene.clone(),
        time: args.time,
        weather: args.weather,
        camera_pos: args
            .camera_pos
            .as_deref()
            .map(parse_vec3)
            .transpose()?
            .unwrap_or(Vec3::new(0.0, 1.6, 1.5)),
        camera_look_at: args
            .camera_look_at
            .as_deref()
            .map(parse_vec3)
            .transpose()?
            .unwrap_or(Vec3::new(0.0, 1.6, -6.0)),
        focal_mm,
        focus_m: args.focus_m.map(|f| f.clamp(0.3, 100.0)),
        view,
        panel_px: args.panel_px,
        wall_mask: args.wall_mask,
    }))
}

fn parse_time(text: &str) -> Result<TimeOfDay, String> {
    TimeOfDay::ALL
        .into_iter()
        .find(|t| t.label().eq_ignore_ascii_case(text))
        .ok_or_else(|| format!("unknown time '{text}': use dawn, noon, dusk or night"))
}

fn parse_weather(text: &str) -> Result<Weather, String> {
    let norm = |s: &str| s.to_ascii_lowercase().replace(['-', '_', ' '], "");
    Weather::ALL
        .into_iter()
        .find(|w| norm(w.label()) == norm(text))
        .ok_or_else(|| {
            format!("unknown weather '{text}': use clear, overcast, haze, snow or dust-storm")
        })
}

/// `--scene` names one of the stage's worlds (spelled as `find_scene` allows: any case, `-` or
/// a space for `_`).
fn check_scene_name(scene: &str) -> Result<(), String> {
    let norm = |s: &str| s.to_ascii_lowercase().replace(['-', ' '], "_");
    let names: Vec<&str> = crate::stage::model::scene::SCENE_FILES
        .iter()
        .filter_map(|f| f.strip_suffix(".ron"))
        .collect();
    if names.iter().any(|n| norm(n) == norm(scene)) {
        Ok(())
    } else {
        Err(format!(
            "no scene called '{scene}': use {}",
            names.join(", ")
        ))
    }
}

/// The picture can be written: `--out` is not a folder, and its folder exists. Checked before
/// the window opens, so a typo costs no start-up.
fn check_capture_out(out: &std::path::Path) -> Result<(), String> {
    if out.is_dir() {
        return Err(format!(
            "--out {} is a folder; give a file name such as capture.png",
            out.display()
        ));
    }
    match out.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => Err(format!(
            "--out {}: the folder {} does not exist",
            out.display(),
            dir.display()
        )),
        _ => Ok(()),
    }
}

fn run_app(config: GameConfig) -> ExitCode {
    let exit = App::new().add_plugins(crate::AppPlugin { config }).run();
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::CheckContent { dir }) => check_content(dir),
        Some(Command::Soak(args)) => soak(&args),
        Some(Command::ImportBank {
            file,
            stop,
            replace,
            data_dir,
        }) => import_bank(&file, stop, replace, data_dir),
        Some(Command::ClassResults { data_dir, out }) => class_results(data_dir, &out),
        Some(Command::LessonPlan {
            lesson,
            out,
            assets,
        }) => {
            let dir = assets.unwrap_or_else(content::default_assets_dir);
            match crate::stops::lessons::write_lesson_plan(&dir, lesson, &out) {
                Ok(said) => {
                    println!("{said}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Bench {
            what: BenchTarget::Timecode,
        }) => bench_timecode(),
        Some(Command::Bench {
            what: BenchTarget::Stage { size, frames, msaa },
        }) => bench_stage(&size, frames, msaa),
        Some(Command::Timecode { rate, values }) => {
            let out = crate::stops::post::timecode::run_cli(&rate, &values);
            for line in &out.stdout_lines {
                println!("{line}");
            }
            for line in &out.stderr_lines {
                eprintln!("{line}");
            }
            ExitCode::from(u8::try_from(out.exit_code).unwrap_or(2))
        }
        Some(Command::Capture(args)) => match capture_config(&args) {
            Ok(config) => run_app(config),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        None => match play_config(&cli.play) {
            Ok(config) => run_app(config),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_reject() {
        assert_eq!(parse_size("320x180"), Ok((320, 180)));
        assert!(parse_size("320").is_err());
        assert!(parse_size("axb").is_err());
        assert!(parse_size("0x10").is_err());
    }

    #[test]
    fn command_line_flags_reach_the_config() {
        let cli = Cli::try_parse_from([
            "backlot",
            "--stop",
            "post-production",
            "--projector",
            "--data-dir",
            "/tmp/x",
            "--seed",
            "9",
            "--lesson",
            "Short",
        ])
        .expect("parses");
        let config = play_config(&cli.play).expect("config");
        assert_eq!(config.lesson, Some(LessonLength::Short));
        let long = Cli::try_parse_from(["backlot", "--lesson", "long"]).expect_err("refused");
        assert!(
            long.to_string().contains("use short, standard or full"),
            "{long}"
        );
        assert_eq!(config.start_stop, Some(3));
        assert!(config.projector);
        assert_eq!(config.data_dir, PathBuf::from("/tmp/x"));
        assert_eq!(config.seed, 9);
        assert!(Cli::try_parse_from(["backlot", "--fullscreen", "--windowed"]).is_err());
        let bad = Cli::try_parse_from(["backlot", "--stop", "moon"]).expect("parses");
        assert!(play_config(&bad.play).is_err());
        let named =
            Cli::try_parse_from(["backlot", "--profile", "  Maya  Lopez "]).expect("parses");
        let config = play_config(&named.play).expect("config");
        assert_eq!(config.profile.as_deref(), Some("Maya Lopez"));
        let empty = Cli::try_parse_from(["backlot", "--profile", " "]).expect("parses");
        let err = play_config(&empty.play).unwrap_err();
        assert!(err.starts_with("--profile: Type a first name"), "{err}");
    }

    #[test]
    fn capture_arguments_are_checked() {
        let cli = Cli::try_parse_from([
            "backlot", "capture", "--stop", "2", "--size", "320x180", "--frames", "3", "--out",
            "a.png", "--screen", "gate",
        ])
        .expect("parses");
        let Some(Command::Capture(args)) = cli.command else {
            panic!("capture subcommand");
        };
        let config = capture_config(&args).expect("config");
        assert_eq!(config.window_size, (320, 180));
        assert_eq!(config.start_screen, StartScreen::Gate);
        assert_eq!(config.capture.map(|c| c.frames), Some(3));
        let refused = |extra: &[&str]| {
            let cli =
                Cli::try_parse_from([&["backlot", "capture"], extra].concat()).expect("parses");
            let Some(Command::Capture(args)) = cli.command else {
                panic!("capture subcommand");
            };
            capture_config(&args).expect_err("refused")
        };
        let err = refused(&["--stop", "2", "--scene", "atlantis"]);
        assert!(
            err.starts_with("no scene called 'atlantis': use tokyo,"),
            "{err}"
        );
        let err = refused(&["--out", "/nonexistent-backlot-dir/x.png"]);
        assert!(
            err.contains("the folder /nonexistent-backlot-dir does not exist"),
            "{err}"
        );
        let dir = std::env::temp_dir();
        let err = refused(&["--out", dir.to_str().expect("utf-8")]);
        assert!(err.contains("is a folder"), "{err}");
        let cli = Cli::try_parse_from([
            "backlot",
            "capture",
            "--stop",
            "2",
            "--scene",
            "Desert-Canyon",
        ])
        .expect("parses");
        let Some(Command::Capture(args)) = cli.command else {
            panic!("capture subcommand");
        };
        assert!(capture_config(&args).is_ok(), "any case, - for _");
    }
}
