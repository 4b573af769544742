//! The `backlot` binary: on the desktop, parse the command line, then play or run a headless
//! subcommand; in a browser, read the page's URL and play in its canvas.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    backlot::cli::run()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    backlot::platform::web::run();
}
