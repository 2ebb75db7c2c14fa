//! One constructed stylesheet, shared by every widget's shadow root: no
//! `<style>` element and no inline style, so a strict CSP (`style-src
//! 'self'`) allows it, and 50 widgets parse the CSS once.

use std::cell::OnceCell;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

/// Minified by `build.rs` from `style/`.
#[cfg(not(feature = "embed-wallboard"))]
const CSS: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/embed.css")),
    include_str!(concat!(env!("OUT_DIR"), "/oms-progress.css"))
);

/// The same with the wallboard's rules: only `oms-wallboard.js` draws it.
#[cfg(feature = "embed-wallboard")]
const CSS: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/embed.css")),
    include_str!(concat!(env!("OUT_DIR"), "/oms-progress.css")),
    include_str!(concat!(env!("OUT_DIR"), "/wallboard.css"))
);

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Gives `root` the widget's stylesheet.
pub fn adopt(root: &ShadowRoot) {
    SHEET.with(|cell| {
        let sheet = cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            Some(sheet)
        });
        if let Some(sheet) = sheet {
            let sheets = js_sys::Array::of1(sheet);
            let _ = js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &sheets);
        }
    });
}
