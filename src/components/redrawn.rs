//! [`Redrawn`]: a widget's drawing that a change of its language or zone
//! replaces whole, instead of diffing the old one into the new one.

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::reactive_graph::{OwnedView, OwnedViewState};
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Position, PositionState};

/// A drawing under its own owner (as [`OwnedView`]) that, when redrawn,
/// builds the new one, puts it where the old one was and drops the old
/// one (with its owner: the new one joined the page's polls already).
/// Only the rare change of language or zone redraws a widget, and a diff
/// of the whole card would cost its rebuild code in every bundle.
pub(crate) struct Redrawn<V>(pub(crate) OwnedView<V>);

impl<V: Render> Render for Redrawn<V> {
    type State = OwnedViewState<V::State>;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut new = self.0.build();
        state.insert_before_this(&mut new);
        state.unmount();
        *state = new;
    }
}

impl<V: AddAnyAttr> AddAnyAttr for Redrawn<V> {
    type Output<A: Attribute> = OwnedView<V::Output<A>>;

    fn add_any_attr<A: Attribute>(self, attr: A) -> Self::Output<A>
    where
        Self::Output<A>: RenderHtml,
    {
        self.0.add_any_attr(attr)
    }
}

// Server rendering and hydration are not supported (docs/embedding.md);
// this only hands them on, as `OwnedView` does them.
impl<V: RenderHtml> RenderHtml for Redrawn<V> {
    type AsyncOutput = OwnedView<V::AsyncOutput>;
    type Owned = OwnedView<V::Owned>;
    const MIN_LENGTH: usize = V::MIN_LENGTH;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    async fn resolve(self) -> Self::AsyncOutput {
        self.0.resolve().await
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        self.0.into_owned()
    }
}
