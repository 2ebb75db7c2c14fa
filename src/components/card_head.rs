use super::StatusBadge;
use crate::hooks::card_lang;
use leptos::either::Either;
use leptos::prelude::*;
use oms_progress_core::i18n::Msg;
use oms_progress_core::model::View;
use oms_progress_core::wire::ApiKind;

/// The card's header: the project (a link into OMS's console when there is
/// one), its OMS's name, the API it is read through, then the badge and
/// OMS's alarm level once there is data ("Loading…" before).
#[component]
pub fn CardHead(
    /// The project's id, as shown.
    #[prop(into)]
    project_id: String,
    /// What the polls brought.
    view: Memo<View>,
    /// The project in OMS's console: its name becomes a link there.
    #[prop(default = None)]
    console_link: Option<String>,
    /// The name of the OMS the project is in; none when empty.
    #[prop(optional)]
    source: String,
    /// The API read, shown as `OMS 3.x` or `OMS 4.x`; `None`: not shown.
    #[prop(default = None)]
    api: Option<ApiKind>,
) -> impl IntoView {
    let lang = card_lang();
    let has_data = Memo::new(move |_| view.with(|v| v.has_data));
    let importance = move || {
        view.with(|v| v.importance.clone()).map(|i| {
            view! {
                <span class="oms-importance" data-field="importance" title=Msg::Importance.text(lang)>
                    {i}
                </span>
            }
        })
    };
    let name = match console_link {
        Some(href) => Either::Left(view! {
            <a class="oms-project" data-field="project-id" href=href target="_blank" rel="noopener">
                {project_id}
            </a>
        }),
        None => Either::Right(
            view! { <span class="oms-project" data-field="project-id">{project_id}</span> },
        ),
    };
    let api = api.map(|api| match api {
        ApiKind::V4 => "OMS 4.x",
        ApiKind::Sync | ApiKind::Migration => "OMS 3.x",
    });
    view! {
        <header class="oms-head">
            {name}
            {(!source.is_empty()).then(|| tag("source", source))}
            {api.map(|api| tag("api", api.to_owned()))}
            <Show
                when=move || has_data.get()
                fallback=move || view! {
                    <Show when=move || view.with(|v| v.error.is_none())>
                        <span class="oms-loading" data-field="loading">{Msg::Loading.text(lang)}</span>
                    </Show>
                }
            >
                <StatusBadge
                    tone=Memo::new(move |_| view.with(|v| v.tone))
                    label=move || view.with(|v| v.status_label.clone())
                />
                {importance}
            </Show>
        </header>
    }
}

/// A small tag beside the project's id: its OMS's name, the API read.
/// (One shape for both: each shape of element is code of its own.)
fn tag(field: &'static str, text: String) -> impl IntoView {
    view! { <span class="oms-source" data-field=field>{text}</span> }
}
