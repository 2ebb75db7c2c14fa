//! When to ask OMS next. `policy` is pure (durations in, durations out);
//! `driver` runs it in the browser with timers, AbortController and page
//! visibility.

mod policy;

mod driver;

pub use driver::{use_oms_progress, UseOmsProgressReturn};
pub use policy::{backoff, Next, PollOptions, PollState, StopReason, MIN_INTERVAL};
