use super::{CardFooter, NotifyToggle};
use crate::hooks::{card_lang, Alerts};
use leptos::either::Either;
use leptos::prelude::*;
use oms_progress_core::i18n::PageMsg;

/// The wallboard's header: its title (the page's one `<h1>` when the
/// board is the page, else an `<h2>`), "Notify me", and the footer's
/// "updated … ago", stale mark and refresh button for every source.
#[component]
pub(crate) fn WallHead(
    /// Whether the board is the page: its title is then the page's heading.
    page_heading: bool,
    /// The page's alerts.
    alerts: Alerts,
    /// Seconds since the oldest source's last good list.
    #[prop(into)]
    updated_ago: Signal<Option<u64>>,
    /// Whether any list is stale.
    #[prop(into)]
    stale: Signal<bool>,
    /// Polls every list at once.
    on_refresh: Callback<()>,
) -> impl IntoView {
    let lang = card_lang();
    let title = PageMsg::WallTitle.text(lang);
    let heading = if page_heading {
        Either::Left(view! { <h1 class="oms-wall-title">{title}</h1> })
    } else {
        Either::Right(view! { <h2 class="oms-wall-title">{title}</h2> })
    };
    view! {
        <header class="oms-wall-head">
            {heading}
            <NotifyToggle alerts lang />
            <CardFooter updated_ago=Memo::new(move |_| updated_ago.get()) stale on_refresh=Some(on_refresh) />
        </header>
    }
}
