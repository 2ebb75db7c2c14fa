use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::Msg;
use oms_progress_core::model::Step;

/// The step now running: its label, with OMS's own name beside it (or the
/// name alone when we do not know it).
#[component]
pub fn StepLine(
    /// The step, when OMS named one.
    step: Memo<Option<Step>>,
) -> impl IntoView {
    let lang = card_lang();
    move || {
        step.get().map(|Step { code, label }| {
            let shown = label.map_or_else(|| code.clone(), str::to_owned);
            // The raw name beside a known label, for whoever searches OMS's docs.
            let raw = label.map(|_| code.clone());
            view! {
                <div class="oms-step" data-field="step" data-step=code>
                    <span class="oms-key">{Msg::Step.text(lang)} ": "</span>
                    <span>{shown}</span>
                    {raw.map(|c| view! { <code class="oms-step-raw">{c}</code> })}
                </div>
            }
        })
    }
}
