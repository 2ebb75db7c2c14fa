//! The error panel (`[role=alert]`) of a widget whose OMS (oms-sim, with
//! a fault) answered with a failure: OMS's own fields as text, what the
//! browser knows, the retry button only when polling stopped, a page's
//! markup never shown; hidden, without `role`, once a poll succeeds.

use crate::sim;
use crate::support::*;
use leptos::prelude::*;
use oms_progress::{Lang, OmsSyncProgress};
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

/// A RUNNING project whose progress OMS answers with its own error.
async fn oms_error(project: &str) {
    sim::fixed(
        project,
        json!({"status": "RUNNING", "current_step": "INCR_TRANSFER"}),
    )
    .await;
    sim::fault(json!({
        "project": project, "action": "DescribeProjectProgress",
        "kind": "business_error", "code": "CM-INNER0001",
        "message": "the meta database is <b>busy</b>", "advice": "Try again later.",
        "level": "WARN",
    }))
    .await;
}

/// A widget of `project` on the simulator, in `lang`, once its first poll failed.
async fn failed(project: &str, lang: Lang) -> HtmlElement {
    let mut options = sim::options(project);
    options.lang = Some(lang);
    let host = mount(move || view! { <OmsSyncProgress options /> });
    assert!(
        until(5_000.0, || q(&host, "[role=alert]").is_some()).await,
        "the failure is an alert"
    );
    host
}

#[wasm_bindgen_test]
async fn omss_own_error_is_shown_field_by_field_as_plain_text() {
    oms_error("np_error_oms").await;
    let host = failed("np_error_oms", Lang::En).await;
    let panel = q(&host, "[role=alert]").unwrap();
    assert_eq!(panel.get_attribute("data-error").as_deref(), Some("oms"));
    assert_eq!(panel.get_attribute("data-level").as_deref(), Some("WARN"));
    assert_eq!(text(&panel, ".oms-error-title"), "OMS reported an error");
    assert_eq!(
        text(&panel, "[data-field=error-code]"),
        "Code: CM-INNER0001"
    );
    assert_eq!(
        text(&panel, "[data-field=error-message]"),
        "the meta database is <b>busy</b>",
        "OMS's text as sent, never markup"
    );
    assert!(q(&panel, "b").is_none());
    assert_eq!(
        text(&panel, "[data-field=error-advice]"),
        "Advice: Try again later."
    );
    let request_id = text(&panel, "[data-field=error-request-id]");
    assert!(
        request_id.starts_with("Request id: sim-"),
        "OMS's request id: {request_id}"
    );
    assert!(
        q(&panel, "[data-field=error-hint]").is_none(),
        "absent fields have no element"
    );
    // Retried by itself: no button, the next try said.
    let retry = q(&panel, "[data-action=retry]");
    assert!(retry.is_none_or(|b| b.has_attribute("hidden")));
    assert_eq!(
        attr(&host, "[data-oms-widget]", "data-state").as_deref(),
        Some("error")
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn in_chinese_the_labels_are_chinese_and_omss_fields_as_sent() {
    oms_error("np_error_zh").await;
    let host = failed("np_error_zh", Lang::ZhCn).await;
    let panel = q(&host, "[role=alert]").unwrap();
    assert_eq!(text(&panel, ".oms-error-title"), "OMS 返回错误");
    assert_eq!(
        text(&panel, "[data-field=error-code]"),
        "错误码: CM-INNER0001"
    );
    assert_eq!(
        text(&panel, "[data-field=error-advice]"),
        "建议: Try again later."
    );
    assert!(text(&panel, "[data-field=error-request-id]").starts_with("请求 ID: sim-"));
    host.remove();
}

#[wasm_bindgen_test]
async fn an_auth_failure_stops_polling_until_retry_and_success_hides_the_panel() {
    sim::fixed(
        "np_error_auth",
        json!({"status": "RUNNING", "current_step": "INCR_TRANSFER"}),
    )
    .await;
    // OMS's 401, as through the recommended proxy (no password prompt).
    sim::fault(json!({"project": "np_error_auth", "kind": "status", "code": 401})).await;
    let host = failed("np_error_auth", Lang::En).await;
    let panel = q(&host, "[role=alert]").unwrap();
    assert_eq!(panel.get_attribute("data-error").as_deref(), Some("auth"));
    assert_eq!(text(&panel, ".oms-error-title"), "Not authorised by OMS");
    assert!(
        text(&panel, "[data-field=error-advice]")
            .contains("The widget sends no credentials of its own"),
        "our advice, not OMS's canned one"
    );
    assert!(text(&panel, "[data-field=error-detail]").starts_with("HTTP 401"));
    let retry: HtmlElement = q(&panel, "[data-action=retry]").unwrap().unchecked_into();
    assert!(!retry.has_attribute("hidden"), "the operator retries");
    assert_eq!(retry.text_content().as_deref(), Some("Retry"));
    assert_eq!(
        attr(&host, "[data-field=stopped]", "data-reason").as_deref(),
        Some("auth")
    );
    sim::clear_faults("np_error_auth").await;
    retry.click();
    assert!(
        until(5_000.0, || {
            attr(&host, "[data-oms-widget]", "data-state").as_deref() == Some("live")
        })
        .await,
        "live after retry"
    );
    // The same element stays, hidden, without role or kind.
    let panel = q(&host, ".oms-error").unwrap();
    assert!(panel.has_attribute("hidden"));
    assert_eq!(panel.get_attribute("role"), None);
    assert_eq!(panel.get_attribute("data-error"), None);
    assert!(q(&host, "[role=alert]").is_none());
    host.remove();
}

#[wasm_bindgen_test]
async fn a_proxys_page_is_told_by_its_status_and_title_never_its_markup() {
    sim::fixed(
        "np_error_proxy",
        json!({"status": "RUNNING", "current_step": "INCR_TRANSFER"}),
    )
    .await;
    // nginx's own page in OMS's place.
    sim::fault(json!({"project": "np_error_proxy", "kind": "proxy_page", "code": 502})).await;
    let host = failed("np_error_proxy", Lang::En).await;
    let panel = q(&host, "[role=alert]").unwrap();
    assert_eq!(panel.get_attribute("data-error").as_deref(), Some("proxy"));
    assert_eq!(
        text(&panel, ".oms-error-title"),
        "The proxy cannot reach OMS"
    );
    let detail = text(&panel, "[data-field=error-detail]");
    assert!(detail.starts_with("HTTP 502"), "{detail}");
    assert!(
        detail.contains("502 Bad Gateway"),
        "the page's title: {detail}"
    );
    let markup = panel.inner_html();
    assert!(
        !markup.contains("<center") && !markup.contains("<hr") && !markup.contains("nginx"),
        "no markup of the page: {markup}"
    );
    assert!(q(&panel, "h1, center, hr").is_none());
    host.remove();
}
