//! The widget's parts, one component a file. They only render: every
//! decision was made in `model`.

mod badge;
mod card;
mod checkpoint;
mod config_error;
mod error_panel;
mod footer;
mod fresh;
mod history_panel;
mod local_time;
mod page;
mod root;
mod stage_bar;
mod step_line;
mod step_list;
pub mod styles;
mod wallboard;
mod widget;

pub use badge::StatusBadge;
pub use card::ProgressCard;
pub use checkpoint::IncrementalSection;
pub use config_error::ConfigError;
pub use error_panel::ErrorPanel;
pub use footer::CardFooter;
pub use history_panel::HistoryPanel;
pub use local_time::{local_time, LocalTime};
pub use page::StandalonePage;
pub use root::WidgetRoot;
pub use stage_bar::StageBar;
pub use step_line::StepLine;
pub use step_list::StepList;
pub use wallboard::OmsWallboard;
pub use widget::OmsSyncProgress;

use fresh::Fresh;
use leptos::prelude::*;
use std::sync::Arc;

/// A value a part reads, and so tracks, each time it draws: the closure
/// that works it out, shared. The parts take these rather than Leptos'
/// `Signal<T>`, whose reading code (one path per kind of source) is
/// compiled again for every `T`: about 1.1 KB of wasm for each of the
/// dozen field types; a `Field` costs its closure alone.
pub struct Field<T>(Arc<dyn Fn() -> T + Send + Sync>);

impl<T> Field<T> {
    /// The value now (tracked by the effect or memo that asks).
    pub fn get(&self) -> T {
        (self.0)()
    }
}

impl<T> Clone for Field<T> {
    fn clone(&self) -> Self {
        Field(Arc::clone(&self.0))
    }
}

impl<T, F> From<F> for Field<T>
where
    F: Fn() -> T + Send + Sync + 'static,
{
    fn from(read: F) -> Self {
        Field(Arc::new(read))
    }
}

/// A reactive attribute's value: each is an `Option<String>` (no attribute
/// for `None`, an empty one for `Some("")`), because Leptos compiles an
/// attribute's effect again for every value type (about 0.9 KB of wasm
/// each: `&str`, `String`, `bool`, `Option<&str>`, `Option<i64>` were five
/// more). `Some` of `text`, owned.
fn attr(text: &str) -> Option<String> {
    Some(text.to_owned())
}

/// [`attr`] for a value that may be absent.
fn attr_opt(text: Option<&str>) -> Option<String> {
    text.map(str::to_owned)
}

/// [`attr`] for a boolean attribute such as `hidden`: present (empty) or
/// absent.
fn attr_flag(on: bool) -> Option<String> {
    on.then(String::new)
}

/// One field of a view. No memo: text and attributes are written only when
/// their value changes anyway, and each memo type costs wasm (measured:
/// −3.6 KB gzipped without them).
fn pick<S, T>(source: Memo<S>, field: fn(&S) -> T) -> Field<T>
where
    S: Send + Sync + 'static,
    T: 'static,
{
    Field::from(move || source.with(field))
}

/// `view` while `when` holds, nothing otherwise. `<Show>` without its
/// fallback, which it boxes as an `AnyView` even when there is none
/// (measured: −0.75 KB gzipped on the embed bundle). `view` is built again
/// each time `when` turns true, never while it stays true.
fn shown<V, F>(when: impl Fn() -> bool + Send + Sync + 'static, view: F) -> impl IntoView
where
    V: IntoView + 'static,
    F: Fn() -> V + Send + Sync + 'static,
{
    let when = bool_memo(Box::new(when));
    move || when.get().then(|| Fresh(view()))
}

/// A memo of a yes or no. Leptos compiles a memo's constructor again for
/// each closure; behind one boxed closure it is compiled once for every
/// part's condition (measured: −0.9 KB gzipped on the embed bundle).
fn bool_memo(read: Box<dyn Fn() -> bool + Send + Sync>) -> Memo<bool> {
    Memo::new(move |_| read())
}

/// Runs `poll_now` whenever `trigger` is notified (a host's `refresh()`),
/// never on its own first run.
fn poll_when_notified(trigger: Option<Trigger>, poll_now: Callback<()>) {
    if let Some(trigger) = trigger {
        Effect::new(move |first_run: Option<()>| {
            trigger.track();
            if first_run.is_some() {
                poll_now.run(());
            }
        });
    }
}
