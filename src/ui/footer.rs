use super::{shown, Field};
use crate::i18n::{self, Lang, Msg};
use crate::model::StopReason;
use leptos::prelude::*;

/// The card's last line: how old the data is, whether it is stale, whether
/// polling stopped (and why), and "refresh now".
#[component]
pub fn CardFooter(
    /// Seconds since the last good data, once there is some.
    #[prop(into)]
    updated_ago: Field<Option<u64>>,
    /// Whether the data is older than the options allow.
    #[prop(into)]
    stale: Field<bool>,
    /// Why polling stopped, if it did.
    #[prop(into)]
    stopped: Field<Option<StopReason>>,
    /// Called by "refresh now"; no button without it.
    on_refresh: Option<Callback<()>>,
    /// The language of its labels (English unless told).
    #[prop(optional)]
    lang: Lang,
) -> impl IntoView {
    let ago = updated_ago.clone();
    view! {
        <footer class="oms-foot">
            {shown(
                move || ago.get().is_some(),
                move || view! {
                    <span data-field="updated">
                        {let updated_ago = updated_ago.clone(); move || i18n::updated_ago(lang, &i18n::duration(lang, updated_ago.get().unwrap_or(0)))}
                    </span>
                },
            )}
            {shown(
                move || stale.get(),
                move || view! { <span class="oms-stale" part="stale" data-field="stale">{Msg::Stale.text(lang)}</span> },
            )}
            {move || {
                stopped.get().map(|reason| {
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
