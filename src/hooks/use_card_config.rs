//! [`use_card_config`]: the language and zone one widget (or wallboard)
//! draws in, its own options over the provider's, handed to its parts as
//! one plain value ([`card_config`]) so that their texts stay static.

use super::use_oms_config::use_oms_config;
use leptos::prelude::*;
use leptos::reactive::owner::{with_context, Owner};
use leptos::tachys::reactive_graph::OwnedView;
use oms_progress_core::i18n::Lang;
use std::sync::Arc;

/// What a widget's parts draw in: its language and the zone of its times
/// (an IANA name or `UTC`; the browser's own when `None`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardConfig {
    /// The language of every label.
    pub lang: Lang,
    /// The zone of shown times.
    pub zone: Option<Arc<str>>,
}

/// The widget's own `lang` and `time_zone` over the nearest provider's
/// (English and the browser's zone without either). A memo: the widget is
/// redrawn only when the result changes, never when a provider's signal
/// is set to what it was.
pub(crate) fn use_card_config(lang: Option<Lang>, zone: Option<String>) -> Memo<CardConfig> {
    let provided = use_oms_config();
    let zone: Option<Arc<str>> = zone.map(Arc::from);
    Memo::new(move |_| CardConfig {
        lang: lang.or_else(|| provided.lang.get()).unwrap_or_default(),
        zone: zone
            .clone()
            .or_else(|| provided.time_zone.get().map(Arc::from)),
    })
}

/// The config of the widget being drawn, read once when a part is made.
// One copy of the context lookup, not one at every part that reads it.
#[inline(never)]
pub fn card_config() -> CardConfig {
    use_context::<CardConfig>().unwrap_or_default()
}

/// The language of the widget being drawn (for the parts that show no
/// time): [`card_config`]'s without copying its zone.
#[inline(never)]
pub fn card_lang() -> Lang {
    with_context::<CardConfig, _>(|c| c.lang).unwrap_or_default()
}

/// Runs `body` under a new owner that provides `config`, a child of
/// `parent` (the widget's own owner, not the reactive block's, whose
/// rerun would end the drawing before its successor exists): a redraw in
/// another language joins the page's shared polls before the previous
/// drawing leaves them, so its data is there at once.
pub(crate) fn drawn_with<V>(
    parent: &Option<Owner>,
    config: CardConfig,
    body: impl FnOnce() -> V,
) -> OwnedView<V> {
    let owner = config_owner(parent, config);
    let view = owner.with(body);
    OwnedView::new_with_owner(view, owner)
}

fn config_owner(parent: &Option<Owner>, config: CardConfig) -> Owner {
    let owner = parent.as_ref().map_or_else(Owner::new, Owner::child);
    owner.with(|| provide_context(config));
    owner
}
