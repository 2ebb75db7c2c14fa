//! The error panel (`[role=alert]`) of a widget whose OMS answered with a
//! failure: OMS's own fields as text, what the browser knows, the retry
//! button only when polling stopped, a page's markup never shown; hidden,
//! without `role`, once a poll succeeds.

use crate::stub::{progress, Oms};
use crate::support::*;
use leptos::prelude::*;
use oms_progress::{Lang, OmsSyncProgress};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

const OMS_ERROR: &str = r#"{"success":false,"errorDetail":{"code":"CM-INNER0001","level":"WARN","message":"the meta database is <b>busy</b>","proposal":"Try again later.","requestId":"req-7f3a"},"code":"CM-INNER0001","message":"[CM-INNER0001]: internal service error","advice":null,"requestId":"req-7f3a","data":null}"#;

/// A widget of `oms` for `project`, in `lang`, once its first poll failed.
async fn failed(oms: &Oms, project: &str, lang: Lang) -> HtmlElement {
    let mut options = oms.options(project);
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
    let oms = Oms::new("error-oms");
    oms.answer("DescribeProjectProgress", 200, OMS_ERROR);
    let host = failed(&oms, "np_error_oms", Lang::En).await;
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
    assert_eq!(
        text(&panel, "[data-field=error-request-id]"),
        "Request id: req-7f3a"
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
    let oms = Oms::new("error-zh");
    oms.answer("DescribeProjectProgress", 200, OMS_ERROR);
    let host = failed(&oms, "np_error_zh", Lang::ZhCn).await;
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
    assert_eq!(
        text(&panel, "[data-field=error-request-id]"),
        "请求 ID: req-7f3a"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn an_auth_failure_stops_polling_until_retry_and_success_hides_the_panel() {
    let oms = Oms::new("error-auth");
    oms.answer(
        "DescribeProjectProgress",
        401,
        r#"{"success":false,"errorDetail":{"code":"CM-AUTH0001","message":"Unauthorized","requestId":"req-401"},"code":"CM-AUTH0001","message":"Unauthorized","data":null}"#,
    );
    let host = failed(&oms, "np_error_auth", Lang::En).await;
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
    oms.answer(
        "DescribeProjectProgress",
        200,
        &progress("np_error_auth", "RUNNING", "INCR_TRANSFER"),
    );
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
    let oms = Oms::new("error-proxy");
    oms.answer_page(
        "DescribeProjectProgress",
        502,
        "<html><head><title>502 Bad Gateway</title></head><body><h1 id=\"proxy-page\">502</h1><script>window.__proxyRan = 1</script></body></html>",
    );
    let host = failed(&oms, "np_error_proxy", Lang::En).await;
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
    assert!(
        !panel.inner_html().contains("<script"),
        "no markup of the page"
    );
    assert!(q(&host, "#proxy-page").is_none());
    host.remove();
}
