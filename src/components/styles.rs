//! The widget carries its own stylesheet: one constructed `CSSStyleSheet`,
//! parsed once per page and adopted by the document, so a Leptos app (or
//! the standalone page) needs no CSS of its own for the widget. No `<style>`
//! element and no inline style: a strict CSP (`style-src 'self'`) allows it.
//! The embed build adopts its own copy into each widget's shadow root
//! instead (`embed/styles.rs`), so the widget's CSS never touches a host page.

use js_sys::{Array, Reflect};
use std::cell::OnceCell;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

thread_local! {
    static ADOPTED: OnceCell<()> = const { OnceCell::new() };
}

/// Adds the widget's sheet after the sheets the document already adopted;
/// once per page, however many widgets.
pub fn adopt_in_document() {
    ADOPTED.with(|done| {
        done.get_or_init(|| {
            let document = web_sys::window().and_then(|w| w.document());
            let sheet = CssStyleSheet::new().ok();
            if let (Some(document), Some(sheet)) = (document, sheet) {
                if sheet
                    // Minified by `build.rs` from `style/`.
                    .replace_sync(concat!(
                        include_str!(concat!(env!("OUT_DIR"), "/oms-progress.css")),
                        include_str!(concat!(env!("OUT_DIR"), "/wallboard.css"))
                    ))
                    .is_ok()
                {
                    let key = JsValue::from_str("adoptedStyleSheets");
                    if let Some(adopted) =
                        Reflect::get(&document, &key).ok().filter(Array::is_array)
                    {
                        let adopted = Array::from(&adopted);
                        let _ = Reflect::set(&document, &key, &adopted.concat(&Array::of1(&sheet)));
                    }
                }
            }
        });
    });
}
