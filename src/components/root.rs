use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::model::{Tone, WidgetState};

/// The widget's root element, the same for a working widget and one whose
/// options are wrong: the DOM contract's `[data-oms-widget]`.
#[component]
pub fn WidgetRoot(
    /// The project shown; becomes `data-project-id`.
    #[prop(into)]
    project_id: String,
    /// `data-status`: OMS's status, or `UNKNOWN`.
    #[prop(into)]
    status: Signal<String>,
    /// `data-tone`.
    tone: Memo<Tone>,
    /// `data-state`.
    state: Memo<WidgetState>,
    /// Sets `data-compact`.
    #[prop(optional)]
    compact: bool,
    /// The OMS it is in, by name: `data-source` (none when empty).
    #[prop(optional)]
    source: String,
    /// The card inside.
    children: Children,
) -> impl IntoView {
    let lang = card_lang();
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
            data-status=status
            data-tone=move || tone.get().as_str()
            data-state=move || state.get().as_str()
            data-compact=compact.then_some("")
            data-source=(!source.is_empty()).then_some(source)
            lang=lang.tag()
            aria-label=format!("OMS {project_id}")
        >
            {children()}
        </section>
    }
}
