use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::Msg;
use oms_progress_core::model::Stage;

/// One stage's progress bar (schema or full data).
#[component]
pub fn StageBar(
    /// Which stage; becomes `data-stage` and gives the label.
    stage: Stage,
    /// 0–100, or `None` when OMS did not say.
    value: Memo<Option<u8>>,
    /// The value as OMS sent it, shown when it had to be clamped.
    #[prop(into)]
    raw: Signal<Option<String>>,
) -> impl IntoView {
    let lang = card_lang();
    let label = stage.label(lang);
    let text = move || {
        value
            .get()
            .map_or_else(|| "—".to_owned(), |v| format!("{v}%"))
    };
    view! {
        <div class="oms-stage" part="stage">
            <span class="oms-stage-label">{label}</span>
            <div
                class="oms-bar"
                part="bar"
                role="progressbar"
                data-stage=stage.as_str()
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || value.get().map(|v| v.to_string())
            >
                <div class="oms-bar-fill" style:width=move || format!("{}%", value.get().unwrap_or(0))></div>
            </div>
            <span class="oms-stage-value">{text}</span>
            {move || {
                raw.get()
                    .map(|r| {
                        view! {
                            <span class="oms-raw" data-field="raw-value">
                                {format!("({}: {r})", Msg::RawValue.text(lang))}
                            </span>
                        }
                    })
            }}
        </div>
    }
}
