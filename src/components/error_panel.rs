use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::{self, Msg};
use oms_progress_core::model::ErrorView;

/// What went wrong, with OMS's code, message, advice and request id as
/// plain text.
///
/// Built once and kept, hidden (and no alert) while there is no error: only
/// plain elements are created per error, so errors that come and go leave
/// no reactive parts behind.
#[component]
pub fn ErrorPanel(
    /// The error to show, if any.
    error: Memo<Option<ErrorView>>,
    /// Seconds until the next automatic try, when one is planned.
    retry_in: Memo<Option<u64>>,
    /// Whether the "retry" button shows (polling stopped after an auth error).
    #[prop(into)]
    show_retry: Signal<bool>,
    /// Called by the "retry" button.
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let lang = card_lang();
    let kind = move || error.with(|e| e.as_ref().map(|e| e.kind.as_str()));
    // One line per field OMS (or the browser) gave; absent fields have no element.
    let line =
        move |key: Option<Msg>, field: &'static str, pick: fn(&ErrorView) -> Option<String>| {
            move || {
                error.with(|e| e.as_ref().and_then(pick)).map(|value| {
                view! {
                    <div data-field=field>
                        {key.map(|k| view! { <span class="oms-key">{k.text(lang)} ": "</span> })}
                        <span>{value}</span>
                    </div>
                }
            })
            }
        };
    view! {
        <div
            class="oms-error"
            part="error"
            role=move || kind().map(|_| "alert")
            data-error=kind
            data-level=move || error.with(|e| e.as_ref().and_then(|e| e.level.clone()))
            hidden=move || kind().is_none()
        >
            <div class="oms-error-title">{move || error.with(|e| e.as_ref().map(|e| e.title).unwrap_or_default())}</div>
            {line(Some(Msg::Code), "error-code", |e| e.code.clone())}
            {line(None, "error-message", |e| e.message.clone())}
            {line(Some(Msg::Advice), "error-advice", |e| e.advice.clone())}
            {line(None, "error-detail", |e| e.detail.clone())}
            {line(Some(Msg::RequestId), "error-request-id", |e| e.request_id.clone())}
            {line(None, "error-hint", |e| e.hint.clone())}
            <div data-field="retry-in" hidden=move || retry_in.get().is_none()>
                {move || retry_in.get().map(|secs| i18n::retrying_in(lang, &i18n::duration(lang, secs))).unwrap_or_default()}
            </div>
            {on_retry
                .map(|cb| {
                    view! {
                        <button
                            type="button"
                            part="button"
                            data-action="retry"
                            hidden=move || !show_retry.get()
                            on:click=move |_| cb.run(())
                        >
                            {Msg::Retry.text(lang)}
                        </button>
                    }
                })}
        </div>
    }
}
