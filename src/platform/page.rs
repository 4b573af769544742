//! The web page around the game: its tab title, the signals a page (or a browser test) waits
//! for, and figures it reads. On the desktop the title is the window's and the rest is
//! printed or does nothing.

use bevy::prelude::*;

/// The canvas the game draws into on a page (`index.html` has it); none on the desktop.
pub const CANVAS: Option<&str> = if cfg!(target_arch = "wasm32") {
    Some("#backlot")
} else {
    None
};

/// Whether a capture ends with a signal to the page instead of a PNG file and an exit (a
/// browser cannot write files; the test takes the screenshot itself).
pub const CAPTURE_SIGNALS_PAGE: bool = cfg!(target_arch = "wasm32");

/// The game drew its first frame: the page hides its loading bar. Sets
/// `window.backlotFirstFrame` to the milliseconds since the page started loading.
pub fn first_frame() {
    imp::first_frame();
}

/// A capture run (`?frames=N`) has drawn its frames: sets `window.backlotReady = true`.
pub fn signal_ready() {
    imp::signal_ready();
}

/// A measured figure: printed as `name value` on the desktop (read by `backlot bench`), set as
/// `window.backlot_<name>` and logged in a browser.
pub fn report(name: &str, value: f64) {
    imp::report(name, value);
}

/// The browser tab's title (the desktop window's title is set through Bevy's `Window`).
pub fn set_title(title: &str) {
    imp::set_title(title);
}

/// Signals the first frame once, after it has been drawn.
fn signal_first_frame(mut done: Local<bool>, mut frames: Local<u32>) {
    *frames += 1;
    // Frame 1 builds pipelines; by frame 2 something is on the canvas.
    if !*done && *frames >= 2 {
        *done = true;
        first_frame();
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Last, signal_first_frame);
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn first_frame() {}

    pub fn signal_ready() {}

    pub fn report(name: &str, value: f64) {
        println!("{name} {value:.3}");
    }

    pub fn set_title(_title: &str) {}
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsValue;

    fn set_global(name: &str, value: JsValue) {
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::set(&window, &JsValue::from_str(name), &value);
        }
    }

    /// `performance.now()`: milliseconds since the page started loading.
    fn page_time_ms() -> f64 {
        let Some(window) = web_sys::window() else {
            return 0.0;
        };
        js_sys::Reflect::get(&window, &JsValue::from_str("performance"))
            .and_then(|performance| {
                let now = js_sys::Reflect::get(&performance, &JsValue::from_str("now"))?;
                js_sys::Function::from(now).call0(&performance)
            })
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    }

    pub fn first_frame() {
        let now = page_time_ms();
        web_sys::console::log_1(&format!("Backlot: first frame at {now:.0} ms").into());
        set_global("backlotFirstFrame", JsValue::from_f64(now));
    }

    pub fn signal_ready() {
        set_global("backlotReady", JsValue::TRUE);
    }

    pub fn report(name: &str, value: f64) {
        web_sys::console::log_1(&format!("Backlot: {name} {value:.3}").into());
        set_global(&format!("backlot_{name}"), JsValue::from_f64(value));
    }

    pub fn set_title(title: &str) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    }
}
