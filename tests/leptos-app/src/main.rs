//! A Leptos app's panel with one widget, as the README's "In a Leptos app"
//! shows it: no stylesheet of the app's own for the widget.

use leptos::prelude::*;
use oms_progress::{OmsSyncProgress, WidgetOptions};

#[component]
fn OpsPanel() -> impl IntoView {
    let options = WidgetOptions::new("np_steady_orders");
    view! {
        <main>
            <h1>"Ops panel"</h1>
            <OmsSyncProgress options />
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(OpsPanel);
}
