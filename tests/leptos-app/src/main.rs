//! A Leptos app as a library user writes one: no stylesheet of the app's own
//! for the widget. Beside its own panel, the three `OpsPanel`s the docs
//! show (the README's "A Leptos component", docs/embedding.md's "In a
//! Leptos app" and its provider's), each in a file that is the snippet as
//! written (tests/docs.rs keeps them equal; the end-to-end suite checks
//! their widgets live).

use leptos::prelude::*;
use oms_progress::prelude::*;

/// docs/embedding.md's panel of the app's own, drawn with the hooks.
mod picker {
    include!("picker.rs");
}

/// The README's panel, as written: its `OpsPanel` stays private to it.
mod readme {
    include!("readme_panel.rs");

    pub fn panel() -> impl IntoView {
        view! { <OpsPanel /> }
    }
}

/// docs/embedding.md's panel, as written.
mod embedding {
    include!("embedding_panel.rs");

    pub fn panel() -> impl IntoView {
        view! { <OpsPanel /> }
    }
}

/// docs/embedding.md's panel with a provider and a language picker, as written.
mod provider {
    include!("provider_panel.rs");

    pub fn panel() -> impl IntoView {
        view! { <OpsPanel /> }
    }
}

#[component]
fn App() -> impl IntoView {
    let options = WidgetOptions::new("np_steady_orders");
    view! {
        <main>
            <h1>"Ops panel"</h1>
            <OmsSyncProgress options />
            <section id="readme-panel">{readme::panel()}</section>
            <section id="embedding-panel">{embedding::panel()}</section>
            <section id="provider-panel">{provider::panel()}</section>
            <picker::PickerPanel />
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
