use leptos::prelude::*;
use oms_progress_core::model::Tone;

/// The status: a shape and a colour from the tone, and the label as text.
#[component]
pub fn StatusBadge(
    /// Tone of the status (colour and shape).
    tone: Memo<Tone>,
    /// Text shown: the translated label, or the raw status when unknown.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    view! {
        <span class="oms-badge" part="badge" data-field="status" data-tone=move || tone.get().as_str()>
            <span class="oms-badge-symbol" aria-hidden="true">{move || tone.get().symbol()}</span>
            " "
            <span class="oms-badge-label">{label}</span>
        </span>
    }
}
