//! When to ask OMS next. `policy` is pure (durations in, durations out);
//! the rest runs it in the browser: the clock, the wake-ups, one request,
//! and the driver that ties them together.

mod alarm;
mod clock;
mod deadline;
mod driver;
mod events;
mod list;
mod outbox;
mod policy;
mod request;
mod shared;
mod slots;
mod steps;
mod tabs;
mod wake;

pub use crate::model::{PollState, StopReason};
pub use clock::{now_ms, use_now};
pub use driver::{
    use_oms_progress, use_oms_progress_with_options, UseOmsProgressOptions, UseOmsProgressReturn,
};
pub use events::{list_events, poll_events, ErrorEvent, Health, PollEvent};
pub use list::{use_oms_list, use_oms_list_with_options, UseOmsListOptions, UseOmsListReturn};
pub use policy::{backoff, Answered, Next, PollOptions, MIN_INTERVAL};
pub use request::Call;
pub use slots::MAX_IN_FLIGHT;
pub use steps::{
    use_oms_components, use_oms_steps, ComponentsAnswer, DetailAnswer, Fetched, StepsAnswer,
};
