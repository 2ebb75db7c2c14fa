//! When to ask OMS next. `policy` is pure (durations in, durations out);
//! `driver` runs it in the browser with timers, AbortController and page
//! visibility.

mod events;
mod policy;

mod driver;

pub use driver::{
    use_oms_progress, use_oms_progress_with_options, UseOmsProgressOptions, UseOmsProgressReturn,
};
pub use events::{poll_events, ErrorEvent, PollEvent};
pub use policy::{backoff, Next, PollOptions, PollState, StopReason, MIN_INTERVAL};
