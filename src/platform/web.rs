//! The browser build's start: read the page's URL, start the game in its canvas, and show a
//! panic on the page (not only in the console) so a player never faces a frozen canvas.

use bevy::prelude::*;
use wasm_bindgen::JsValue;

use crate::platform::{storage, url};

/// Tell the page the game stopped, with why (the page shows `backlotFail`'s message).
fn fail(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(hook) = js_sys::Reflect::get(&window, &JsValue::from_str("backlotFail"))
        && let Some(hook) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&hook)
    {
        let _ = hook.call1(&JsValue::NULL, &JsValue::from_str(message));
    }
}

/// The browser build's `main`.
pub fn run() {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let config = match url::config_from_query(&query, &storage::default_data_dir()) {
        Ok(config) => config,
        Err(e) => {
            fail(&format!("this page's address has a problem: {e}"));
            return;
        }
    };
    let mut app = App::new();
    app.add_plugins(crate::AppPlugin { config });
    // After Bevy's own hook (set while adding its plugins): log, then tell the page.
    std::panic::set_hook(Box::new(|info| fail(&info.to_string())));
    app.run();
}
