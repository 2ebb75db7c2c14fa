use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::{self, Msg};
use oms_progress_core::model::StopReason;

/// The card's last line: how old the data is, whether it is stale, whether
/// polling stopped (and why), and "refresh now".
#[component]
pub fn CardFooter(
    /// Seconds since the last good data, once there is some.
    updated_ago: Memo<Option<u64>>,
    /// Whether the data is older than the options allow.
    #[prop(into)]
    stale: Signal<bool>,
    /// Why polling stopped, if it did.
    #[prop(optional)]
    stopped: Option<Memo<Option<StopReason>>>,
    /// Called by "refresh now"; no button without it.
    on_refresh: Option<Callback<()>>,
) -> impl IntoView {
    let lang = card_lang();
    view! {
        <footer class="oms-foot">
            <Show when=move || updated_ago.get().is_some()>
                <span data-field="updated">
                    {move || i18n::updated_ago(lang, &i18n::duration(lang, updated_ago.get().unwrap_or(0)))}
                </span>
            </Show>
            <Show when=move || stale.get()>
                <span class="oms-stale" part="stale" data-field="stale">{Msg::Stale.text(lang)}</span>
            </Show>
            {move || {
                stopped.and_then(|s| s.get()).map(|reason| {
                    let text = match reason {
                        StopReason::Auth => Msg::StoppedAuth,
                        StopReason::Terminal => Msg::PollingStopped,
                    };
                    view! { <span data-field="stopped" data-reason=reason.as_str()>{text.text(lang)}</span> }
                })
            }}
            {on_refresh.map(|cb| {
                view! {
                    <button type="button" class="oms-refresh" part="button" data-action="refresh" on:click=move |_| cb.run(())>
                        {Msg::Refresh.text(lang)}
                    </button>
                }
            })}
        </footer>
    }
}
