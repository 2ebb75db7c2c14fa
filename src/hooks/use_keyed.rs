//! [`use_keyed`]: a hook's inputs followed as they change.

use leptos::prelude::*;

/// Runs `make` for the current value of `key` under an owner of its own,
/// and again whenever `key` changes to another value, cleaning up what the
/// last run started (its poll, its requests, its timers) once the new one
/// is in place. The result of the latest run; everything goes with the
/// calling owner.
///
/// This is how the public hooks follow a project id or a source that may
/// change (a project picker): the runtime's polls take a fixed request, so
/// a new request is a new poll, joined before the old one is left.
pub(crate) fn use_keyed<K, R>(key: Signal<K>, make: impl Fn(&K) -> R + 'static) -> ReadSignal<R>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    R: Send + Sync + 'static,
{
    let parent = Owner::current().unwrap_or_default();
    let start = move |key: &K| {
        let child = parent.child();
        let made = child.with(|| make(key));
        (child, made)
    };
    // The key the live run was made for: the watch below compares with
    // it, not with its own last pass, so a change made before that first
    // pass (an app restoring a saved project) is followed too.
    let started = StoredValue::new(key.get_untracked());
    let (first_owner, first) = start(&started.get_value());
    let (made, set_made) = signal(first);
    // Dropping an owner cleans it up: the live one is kept here.
    let live = StoredValue::new(Some(first_owner));
    Effect::watch(
        move || key.get(),
        move |key, _, _| {
            if started.with_value(|started| started == key) {
                return;
            }
            started.set_value(key.clone());
            let (owner, result) = start(key);
            // The new result first: what reads it never sees the old one
            // after its signals are gone.
            set_made.set(result);
            if let Some(old) = live.try_update_value(|live| live.replace(owner)).flatten() {
                old.cleanup();
            }
        },
        true,
    );
    made
}
