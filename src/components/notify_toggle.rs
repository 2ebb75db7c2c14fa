use crate::hooks::Alerts;
use leptos::prelude::*;
use oms_progress_core::i18n::{self, Lang, PageMsg};

/// "Notify me": turns the page's notifications on (the browser asks for
/// permission only then, never on load) or off, and says what they tell,
/// what the browser refused, and how many projects were already in trouble
/// when the page opened (those are not notified).
#[component]
pub fn NotifyToggle(
    /// The page's alerts.
    alerts: Alerts,
    /// The language of its labels.
    #[prop(optional)]
    lang: Lang,
) -> impl IntoView {
    let state = alerts.state;
    let enabled = move || state.with(|s| s.enabled);
    let at_open = move || state.with(|s| s.at_open);
    let note = move || {
        let mut lines = Vec::new();
        match state.with(|s| s.permission) {
            "denied" => lines.push(PageMsg::NotifyDenied.text(lang).to_owned()),
            "unsupported" => lines.push(PageMsg::NotifyUnsupported.text(lang).to_owned()),
            _ if enabled() => lines.push(PageMsg::NotifyWhat.text(lang).to_owned()),
            _ => {}
        }
        if enabled() && at_open() > 0 {
            lines.push(i18n::already_alerting(lang, at_open()));
        }
        lines.join(" ")
    };
    view! {
        <div class="oms-notify">
            <button
                type="button"
                data-action="notify"
                aria-pressed=move || enabled().to_string()
                disabled=move || state.with(|s| s.permission == "unsupported")
                on:click=move |_| alerts.toggle.run(())
            >
                {move || if enabled() { PageMsg::NotifyOn.text(lang) } else { PageMsg::NotifyMe.text(lang) }}
            </button>
            <span data-field="notify-note" role="status" hidden=move || note().is_empty()>{note}</span>
        </div>
    }
}
