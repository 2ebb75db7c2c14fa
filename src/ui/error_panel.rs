use crate::i18n::{self, Lang, Msg};
use crate::model::ErrorView;
use leptos::prelude::*;

/// What went wrong, with OMS's code, message and advice as plain text.
///
/// Built once and kept: it is hidden (and no alert) while there is no error.
/// A panel created anew for each failure leaked about 300 bytes of wasm
/// memory every time it came and went, as reactive parts inside it kept
/// their subscriptions; now only plain elements are created per error.
#[component]
pub fn ErrorPanel(
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<ErrorView>>,
    /// Seconds until the next automatic try, when one is planned.
    #[prop(into)]
    retry_in: Signal<Option<u64>>,
    /// Whether the "retry" button shows (polling stopped after an auth error).
    #[prop(into)]
    show_retry: Signal<bool>,
    /// Called by the "retry" button.
    on_retry: Option<Callback<()>>,
    /// Language of the labels.
    lang: Lang,
) -> impl IntoView {
    let kind = move || error.with(|e| e.as_ref().map(|e| e.kind));
    // One line per field OMS (or the browser) gave; absent fields have no element.
    let line =
        move |key: Option<Msg>, field: &'static str, pick: fn(&ErrorView) -> &Option<String>| {
            move || {
                error.with(|e| e.as_ref().and_then(|e| pick(e).clone())).map(|value| {
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
            hidden=move || kind().is_none()
        >
            <div class="oms-error-title">{move || error.with(|e| e.as_ref().map(|e| e.title))}</div>
            {line(Some(Msg::Code), "error-code", |e| &e.code)}
            {line(None, "error-message", |e| &e.message)}
            {line(Some(Msg::Advice), "error-advice", |e| &e.advice)}
            {line(None, "error-detail", |e| &e.detail)}
            <div data-field="retry-in" hidden=move || retry_in.with(Option::is_none)>
                {move || retry_in.get().map(|secs| i18n::retrying_in(lang, &i18n::duration(lang, secs)))}
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
