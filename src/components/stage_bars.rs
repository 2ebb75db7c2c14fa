use super::StageBar;
use leptos::prelude::*;
use oms_progress_core::model::{Stage, View};

/// The schema and full-data stages' bars, each while the project has it.
#[component]
pub fn StageBars(
    /// What the polls brought.
    view: Memo<View>,
) -> impl IntoView {
    let bar = move |stage: Stage| {
        // Each bar reads its own stage: a poll that moved the other writes nothing here.
        let bar = Memo::new(move |_| {
            view.with(|v| {
                v.bars
                    .iter()
                    .find(|b| b.stage == stage)
                    .map(|b| (b.value, b.raw.clone()))
            })
        });
        view! {
            <Show when=move || bar.with(Option::is_some)>
                <StageBar
                    stage
                    value=Memo::new(move |_| bar.with(|b| b.as_ref().and_then(|b| b.0)))
                    raw=move || bar.with(|b| b.as_ref().and_then(|b| b.1.clone()))
                />
            </Show>
        }
    };
    view! { {bar(Stage::Struct)} {bar(Stage::Full)} }
}
