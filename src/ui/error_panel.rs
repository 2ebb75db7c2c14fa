use crate::i18n::{self, Lang, Msg};
use crate::model::ErrorView;
use leptos::prelude::*;

/// What went wrong, with OMS's code, message and advice as plain text.
#[component]
pub fn ErrorPanel(
    /// The error to show.
    error: ErrorView,
    /// Seconds until the next automatic try, when one is planned.
    #[prop(into)]
    retry_in: Signal<Option<u64>>,
    /// When set, a "retry" button calls it (polling stopped after an auth error).
    on_retry: Option<Callback<()>>,
    /// Language of the labels.
    lang: Lang,
) -> impl IntoView {
    let line = |key: Option<Msg>, field: &'static str, value: Option<String>| {
        value.map(|v| {
            view! {
                <div data-field=field>
                    {key.map(|k| view! { <span class="oms-key">{k.text(lang)} ": "</span> })}
                    <span>{v}</span>
                </div>
            }
        })
    };
    view! {
        <div class="oms-error" part="error" role="alert" data-error=error.kind>
            <div class="oms-error-title">{error.title}</div>
            {line(Some(Msg::Code), "error-code", error.code)}
            {line(None, "error-message", error.message)}
            {line(Some(Msg::Advice), "error-advice", error.advice)}
            {line(None, "error-detail", error.detail)}
            <Show when=move || retry_in.get().is_some()>
                <div data-field="retry-in">
                    {move || i18n::retrying_in(lang, &i18n::duration(lang, retry_in.get().unwrap_or(0)))}
                </div>
            </Show>
            {on_retry
                .map(|cb| {
                    view! {
                        <button type="button" part="button" data-action="retry" on:click=move |_| cb.run(())>
                            {Msg::Retry.text(lang)}
                        </button>
                    }
                })}
        </div>
    }
}
