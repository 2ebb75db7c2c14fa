use super::{attr, Field};
use crate::i18n::Lang;
use crate::model::{Tone, WidgetState};
use leptos::prelude::*;

/// The widget's root element, the same for a working widget and one whose
/// options are wrong: the DOM contract's `[data-oms-widget]`.
#[component]
pub fn WidgetRoot<C>(
    /// The project shown; becomes `data-project-id`.
    #[prop(into)]
    project_id: String,
    /// `data-status`: OMS's status, or `UNKNOWN`.
    #[prop(into)]
    status: Field<String>,
    /// `data-tone`.
    #[prop(into)]
    tone: Field<Tone>,
    /// `data-state`.
    #[prop(into)]
    state: Field<WidgetState>,
    /// Sets `data-compact`.
    #[prop(optional)]
    compact: bool,
    /// The language of its labels, its `lang` attribute (English unless told).
    #[prop(optional)]
    lang: Lang,
    /// The card inside. Typed, not boxed: a boxed view costs its whole
    /// rebuild code in wasm, never run here.
    children: TypedChildren<C>,
) -> impl IntoView
where
    C: IntoView + 'static,
{
    // The widget brings its stylesheet (once per page); in the embed build
    // the shadow root already has it.
    #[cfg(not(feature = "embed"))]
    super::styles::adopt_in_document();
    view! {
        <section
            class="oms-progress"
            part="root"
            data-oms-widget=""
            data-project-id=project_id.clone()
            data-status=move || Some(status.get())
            data-tone=move || attr(tone.get().as_str())
            data-state=move || attr(state.get().as_str())
            data-compact=compact.then_some("")
            lang=lang.tag()
            aria-label=format!("OMS {project_id}")
        >
            {children.into_inner()()}
        </section>
    }
}
