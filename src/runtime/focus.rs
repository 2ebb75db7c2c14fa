//! Bringing a project's card or widget into view, for a notification's click.

use oms_progress_core::events::ProjectRef;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Scrolls to the first element under `root` showing `project` (its
/// `data-project-id`, and its `data-source` when it has one) and focuses
/// its first button (else the element). False when none is there (yet).
pub(crate) fn focus_card(root: &Element, project: &ProjectRef) -> bool {
    let quote = |text: &str| text.replace('\\', "\\\\").replace('"', "\\\"");
    let source = match project.source.as_str() {
        "" => ":not([data-source])".to_owned(),
        name => format!("[data-source=\"{}\"]", quote(name)),
    };
    let selector = format!("[data-project-id=\"{}\"]{source}", quote(&project.id));
    let Ok(Some(found)) = root.query_selector(&selector) else {
        return false;
    };
    found.scroll_into_view();
    let target = found
        .query_selector("button")
        .ok()
        .flatten()
        .unwrap_or_else(|| found.clone());
    if let Some(target) = target.dyn_ref::<HtmlElement>() {
        let _ = target.focus();
    }
    true
}
