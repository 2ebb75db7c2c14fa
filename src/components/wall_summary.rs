use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::PageMsg;
use oms_progress_core::model::{Attention, WallView};

/// The summary strip: "all" and one toggle button per group, each with its
/// count (`data-count` too); the chosen group narrows the board to it.
#[component]
pub(crate) fn WallSummary(
    /// The board, for its counts.
    board: Memo<WallView>,
    /// The group chosen; `None`: all.
    group: RwSignal<Option<Attention>>,
    /// Whether any list was read: before, zeros would read as all clear.
    shown: Signal<bool>,
) -> impl IntoView {
    let lang = card_lang();
    let total = move || board.with(|b| b.total.to_string());
    let buttons = Attention::ALL
        .map(|a| {
            let count = move || board.with(|b| b.counts[a as usize].to_string());
            view! {
                <button
                    type="button"
                    data-group=a.as_str()
                    data-count=move || Some(count())
                    aria-pressed=move || Some((group.get() == Some(a)).to_string())
                    on:click=move |_| group.update(|g| *g = if *g == Some(a) { None } else { Some(a) })
                >
                    <span data-field="count">{count}</span>
                    " "
                    {a.label(lang)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="oms-wall-summary" role="group" aria-label=PageMsg::WallGroups.text(lang) hidden=move || !shown.get()>
            <button
                type="button"
                data-group="all"
                data-count=move || Some(total())
                aria-pressed=move || Some(group.with(Option::is_none).to_string())
                on:click=move |_| group.set(None)
            >
                {PageMsg::WallAll.text(lang)}
                " "
                <span data-field="count">{total}</span>
            </button>
            {buttons}
        </div>
    }
}
