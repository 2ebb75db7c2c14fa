//! The browser runtime the hooks stand on: the clock, `fetch` with its
//! abort, timeout and the page's send queue and in-flight limit, the
//! page's timers, visibility, and the tab that polls for the others. A
//! leaf: it knows the pure core and the browser, never the hooks or the
//! components.

mod alarm;
mod clock;
mod deadline;
mod diagnose;
mod favicon;
mod focus;
mod list_poll;
mod local_time;
pub(crate) mod notify;
mod oms_series;
mod on_demand;
mod outbox;
pub(crate) mod page_clock;
mod poller;
mod progress_poll;
mod request;
mod shared;
mod slots;
mod tabs;
mod verify_pages;
mod wake;

pub(crate) use clock::{now_ms, wall_gap_ms};
pub(crate) use favicon::set_favicon;
pub(crate) use focus::focus_card;
pub(crate) use list_poll::list_loop;
pub(crate) use local_time::local_time;
pub(crate) use oms_series::{lacks_history, series_job, SeriesAsk};
pub(crate) use on_demand::Fetched;
pub(crate) use on_demand::{on_demand, on_demand_job};
pub(crate) use poller::spawn_poller;
pub(crate) use request::Call;
pub(crate) use shared::use_shared_poll;
pub(crate) use verify_pages::verify_job;
pub(crate) use wake::page_hidden;
