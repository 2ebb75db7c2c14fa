use super::{attr_flag, attr_opt, Field};
use crate::i18n::{self, Lang, Msg};
use crate::model::ErrorView;
use leptos::prelude::*;

/// What went wrong, with OMS's code, message, advice and request id as
/// plain text.
///
/// Built once and kept, hidden (and no alert) while there is no error: only
/// plain elements are created per error, so errors that come and go leave
/// no reactive parts behind.
#[component]
pub fn ErrorPanel(
    /// The error to show, if any.
    #[prop(into)]
    error: Field<Option<ErrorView>>,
    /// Seconds until the next automatic try, when one is planned.
    #[prop(into)]
    retry_in: Field<Option<u64>>,
    /// Whether the "retry" button shows (polling stopped after an auth error).
    #[prop(into)]
    show_retry: Field<bool>,
    /// Called by the "retry" button.
    on_retry: Option<Callback<()>>,
    /// The language of its labels (English unless told).
    #[prop(optional)]
    lang: Lang,
) -> impl IntoView {
    let kind = {
        let error = error.clone();
        move || error.get().map(|e| e.kind.as_str())
    };
    // One line per field OMS (or the browser) gave; absent fields have no element.
    let line = |key: Option<Msg>, field: &'static str, pick: fn(ErrorView) -> Option<String>| {
        let error = error.clone();
        move || {
            error.get().and_then(pick).map(|value| {
                view! {
                    <div data-field=field>
                        {key.map(|k| view! { <span class="oms-key">{k.text(lang)} ": "</span> })}
                        <span>{value}</span>
                    </div>
                }
            })
        }
    };
    let (role_kind, hidden_kind, level, title) =
        (kind.clone(), kind.clone(), error.clone(), error.clone());
    let retry_hidden = retry_in.clone();
    view! {
        <div
            class="oms-error"
            part="error"
            role=move || attr_opt(role_kind().map(|_| "alert"))
            data-error=move || attr_opt(kind())
            data-level=move || level.get().and_then(|e| e.level)
            hidden=move || attr_flag(hidden_kind().is_none())
        >
            <div class="oms-error-title">{move || title.get().map_or_else(String::new, |e| e.title.to_owned())}</div>
            {line(Some(Msg::Code), "error-code", |e| e.code)}
            {line(None, "error-message", |e| e.message)}
            {line(Some(Msg::Advice), "error-advice", |e| e.advice)}
            {line(None, "error-detail", |e| e.detail)}
            {line(Some(Msg::RequestId), "error-request-id", |e| e.request_id)}
            {line(None, "error-hint", |e| e.hint)}
            <div data-field="retry-in" hidden=move || attr_flag(retry_hidden.get().is_none())>
                {move || retry_in.get().map(|secs| i18n::retrying_in(lang, &i18n::duration(lang, secs))).unwrap_or_default()}
            </div>
            {on_retry
                .map(|cb| {
                    view! {
                        <button
                            type="button"
                            part="button"
                            data-action="retry"
                            hidden=move || attr_flag(!show_retry.get())
                            on:click=move |_| cb.run(())
                        >
                            {Msg::Retry.text(lang)}
                        </button>
                    }
                })}
        </div>
    }
}
