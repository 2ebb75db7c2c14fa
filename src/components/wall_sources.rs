use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::PageMsg;

/// The strip of sources on a wallboard of several OMS: "all OMS", then one
/// toggle button per source, each with its projects' count (`data-count`
/// too); the chosen one narrows the board to that source.
#[component]
pub(crate) fn WallSources(
    /// Each source's name, in the board's order.
    names: Vec<String>,
    /// Each source's projects after the filters, in the same order.
    #[prop(into)]
    counts: Signal<Vec<usize>>,
    /// The source chosen, by name; `None`: all.
    chosen: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = card_lang();
    let total = move || counts.with(|c| c.iter().sum::<usize>().to_string());
    let buttons = names
        .into_iter()
        .enumerate()
        .map(|(at, name)| {
            let count = move || counts.with(|c| c.get(at).copied().unwrap_or(0).to_string());
            let (pick, label, shown) = (name.clone(), name.clone(), name.clone());
            let is_chosen = move || chosen.with(|c| c.as_deref() == Some(name.as_str()));
            view! {
                <button
                    type="button"
                    data-source-choice=label
                    data-count=count
                    aria-pressed=move || Some(is_chosen().to_string())
                    on:click=move |_| {
                        let pick = pick.clone();
                        chosen.update(|c| *c = if c.as_deref() == Some(pick.as_str()) { None } else { Some(pick) })
                    }
                >
                    {shown}
                    " "
                    <span data-field="count">{count}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="oms-wall-summary oms-wall-sources" role="group" aria-label=PageMsg::WallSources.text(lang)>
            <button
                type="button"
                data-source-choice=""
                data-count=total
                aria-pressed=move || Some(chosen.with(Option::is_none).to_string())
                on:click=move |_| chosen.set(None)
            >
                {PageMsg::WallAllSources.text(lang)}
            </button>
            {buttons}
        </div>
    }
}
