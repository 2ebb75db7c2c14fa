//! A name set in a narrow box: it wraps between its parts, or anywhere
//! when a part is too long (with `overflow-wrap: anywhere` on its box).

use leptos::prelude::*;

/// The name with a line-break opportunity after each `_`, so that
/// `np_orders_to_ob` wraps between its parts rather than mid-word.
pub(crate) fn breakable(name: &str) -> impl IntoView {
    name.split_inclusive('_')
        .map(|part| view! { {part.to_owned()}<wbr /> })
        .collect_view()
}
