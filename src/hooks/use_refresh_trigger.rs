//! [`use_refresh_trigger`]: a host's "refresh now" reaching a poll.

use leptos::prelude::*;

/// Runs `refresh` whenever `trigger` is notified (a host's `refresh()`),
/// never on its own first run; nothing without a trigger.
pub fn use_refresh_trigger(trigger: Option<Trigger>, refresh: Callback<()>) {
    if let Some(trigger) = trigger {
        Effect::new(move |first_run: Option<()>| {
            trigger.track();
            if first_run.is_some() {
                refresh.run(());
            }
        });
    }
}
