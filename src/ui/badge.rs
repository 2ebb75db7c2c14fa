use super::{attr, Field};
use crate::model::Tone;
use leptos::prelude::*;

/// The status: a shape and a colour from the tone, and the label as text.
#[component]
pub fn StatusBadge(
    /// Tone of the status (colour and shape).
    #[prop(into)]
    tone: Field<Tone>,
    /// Text shown: the translated label, or the raw status when unknown.
    #[prop(into)]
    label: Field<String>,
) -> impl IntoView {
    let symbol = tone.clone();
    view! {
        <span class="oms-badge" part="badge" data-field="status" data-tone=move || attr(tone.get().as_str())>
            <span class="oms-badge-symbol" aria-hidden="true">{move || symbol.get().symbol().to_owned()}</span>
            " "
            <span class="oms-badge-label">{move || label.get()}</span>
        </span>
    }
}
