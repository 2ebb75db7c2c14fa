use super::OmsSyncProgress;
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::i18n::{Lang, Msg, PageMsg};
use oms_progress_core::model::{AttentionChange, WallCard};
use oms_progress_core::options::WidgetOptions;
use std::sync::Arc;

/// One compact card: name, status, running step and progress, delay, alarm,
/// type and labels; its name opens (and closes) the full widget below it.
#[component]
pub(crate) fn WallRow(
    /// The card at this row's place on the board (`None` past its end).
    card: ArcRwSignal<Option<Arc<WallCard>>>,
    /// The keys of the cards now open.
    opened: RwSignal<Vec<String>>,
    /// The board's options: an opened card's widget has its source's.
    options: WidgetOptions,
    /// Whether the board's sources have names (then each card shows its own).
    named: bool,
    /// Language of the labels.
    lang: Lang,
    /// Told of the opened widget's events but its status changes (the
    /// list tells those, for every card).
    on_event: Option<Callback<(ProjectRef, PollEvent)>>,
    /// Told of the opened widget's changes of state (it alone sees stuck).
    on_attention: Option<Callback<AttentionChange>>,
) -> impl IntoView {
    let card = RwSignal::from(card);
    let text = move |f: fn(&WallCard) -> String| {
        move || card.with(|c| c.as_deref().map(f).unwrap_or_default())
    };
    let step = move || {
        card.with(|c| {
            let c = c.as_ref()?;
            let step = c.step_text.clone()?;
            Some(match c.progress {
                Some(p) => format!("{step} {p}%"),
                None => step,
            })
        })
    };
    let delay = move || card.with(|c| c.as_ref().and_then(|c| c.delay_text.clone()));
    let alarm = move || card.with(|c| c.as_ref().and_then(|c| c.alarm.clone()));
    let failure = move || card.with(|c| c.as_ref().and_then(|c| c.failure.clone()));
    let can_open = move || card.with(|c| c.as_ref().is_some_and(|c| !c.id.is_empty()));
    let key = move || card.with(|c| c.as_ref().map(|c| c.key.clone()));
    let is_open = Memo::new(move |_| {
        let key = key();
        opened.with(|o| key.is_some_and(|k| o.contains(&k)))
    });
    let toggle = move |_| {
        let Some(key) = key() else { return };
        opened.update(|o| match o.iter().position(|k| *k == key) {
            Some(at) => {
                o.remove(at);
            }
            None => o.push(key),
        })
    };
    // The project shown open here: a new one (the open cards changed) is a new widget.
    let open_id = Memo::new(move |_| {
        is_open
            .get()
            .then(|| card.with(|c| c.as_ref().map(|c| (c.id.clone(), c.source.clone()))))
            .flatten()
    });
    let label = move || {
        card.with(|c| {
            c.as_ref()
                .map(|c| format!("{}: {}", c.title, c.status_text))
        })
    };
    let tone = move || card.with(|c| c.as_ref().map(|c| c.tone.as_str()));
    // OMS's console, when a template is set: a link beside the name (the
    // name itself opens the card).
    let has_console =
        options.console_url.is_some() || options.sources.iter().any(|s| s.console_url.is_some());
    let console = has_console.then(|| {
        let options = options.clone();
        let href = move || {
            card.with(|c| {
                let c = c.as_ref()?;
                options.for_source_named(&c.source).console_link(&c.id)
            })
        };
        view! {
            <a
                class="oms-wall-console"
                data-field="console"
                href=href
                target="_blank"
                rel="noopener"
                title=PageMsg::WallConsole.text(lang)
                aria-label=PageMsg::WallConsole.text(lang)
            >
                "↗"
            </a>
        }
    });
    let status_tone = move || card.with(|c| c.as_ref().map(|c| c.status_tone));
    view! {
        <li
            class="oms-wall-card"
            data-project-id=move || Some(text(|c| c.id.clone())())
            data-attention=move || card.with(|c| c.as_ref().map(|c| c.attention.as_str()))
            data-status=move || Some(text(|c| c.status_code.clone())())
            data-tone=tone
            data-delay-seconds=move || card.with(|c| c.as_ref().and_then(|c| c.delay_secs).map(|d| d.to_string()))
            data-source=move || card.with(|c| c.as_ref().map(|c| c.source.clone()).filter(|s| !s.is_empty()))
            data-stale=move || card.with(|c| c.as_ref().is_some_and(|c| c.stale).then_some(""))
            aria-label=label
        >
            <div class="oms-wall-top">
                <button
                    type="button"
                    class="oms-wall-open"
                    data-action="open"
                    aria-expanded=move || Some(is_open.get().to_string())
                    disabled=move || !can_open()
                    title=move || if is_open.get() { PageMsg::WallClose.text(lang) } else { PageMsg::WallOpen.text(lang) }
                    on:click=toggle
                >
                    {move || card.with(|c| c.as_ref().map(|c| breakable(&c.title)))}
                </button>
                {console}
                {named.then(|| view! { <span class="oms-wall-source" data-field="source">{text(|c| c.source.clone())}</span> })}
                <span class="oms-wall-stale" data-field="stale" hidden=move || !card.with(|c| c.as_ref().is_some_and(|c| c.stale))>
                    {Msg::Stale.text(lang)}
                </span>
                <span class="oms-badge" data-field="status" data-tone=move || status_tone().map(|t| t.as_str())>
                    <span class="oms-badge-symbol" aria-hidden="true">{move || status_tone().map_or_else(String::new, |t| t.symbol().to_owned())}</span>
                    " "
                    {text(|c| c.status_text.clone())}
                </span>
            </div>
            <div class="oms-wall-line">
                <span data-field="step" hidden=move || step().is_none()>{move || step().unwrap_or_default()}</span>
                <span data-field="delay" hidden=move || delay().is_none()>
                    {PageMsg::WallDelay.text(lang)}
                    " "
                    {move || delay().unwrap_or_default()}
                </span>
            </div>
            <div class="oms-wall-alarm" data-field="alarm" hidden=move || alarm().is_none()>{move || alarm().unwrap_or_default()}</div>
            <div class="oms-wall-failure" data-field="failure" hidden=move || failure().is_none()>{move || failure().unwrap_or_default()}</div>
            <div class="oms-wall-details" data-field="details">{text(|c| c.details.clone())}</div>
            {move || {
                open_id
                    .get()
                    .map(|(project_id, source)| {
                        let project = ProjectRef { id: project_id.clone(), source: source.clone() };
                        let on_event = Callback::new(move |event: PollEvent| {
                            if let Some(wall) = on_event.filter(|_| {
                                !matches!(event, PollEvent::StatusChange { .. })
                            }) {
                                wall.run((project.clone(), event));
                            }
                        });
                        let options = WidgetOptions { project_id, ..options.for_source_named(&source) };
                        match on_attention {
                            Some(on_attention) => view! { <OmsSyncProgress options on_event on_attention /> }.into_any(),
                            None => view! { <OmsSyncProgress options on_event /> }.into_any(),
                        }
                    })
            }}
        </li>
    }
}

/// The name with a line-break opportunity after each `_`, so that
/// `np_orders_to_ob` wraps between its parts rather than mid-word.
fn breakable(title: &str) -> impl IntoView {
    title
        .split_inclusive('_')
        .map(|part| view! { {part.to_owned()}<wbr /> })
        .collect_view()
}
