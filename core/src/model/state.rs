//! What a widget knows after its polls: the last good data, the latest
//! failure, when to ask next. The poll policy fills it in; the view reads it.

use crate::wire::{FetchError, Progress};
use std::time::Duration;

/// Why polling stopped until someone asks again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// 401/403: retrying would not help and could lock the account.
    Auth,
    /// RELEASED or DELETED: nothing will change any more.
    Terminal,
}

impl StopReason {
    /// The value of `data-reason` on `[data-field=stopped]`.
    pub fn as_str(self) -> &'static str {
        match self {
            StopReason::Auth => "auth",
            StopReason::Terminal => "terminal",
        }
    }
}

/// What a poller knows: the last good data (a project's progress, or the
/// wallboard's projects), the latest error, the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PollState<T = Progress> {
    /// The last answer that was read, kept through later failures.
    pub last_good: Option<T>,
    /// When the last good data arrived (ms since the epoch).
    pub last_good_at_ms: Option<i64>,
    /// The latest failure; cleared by a success.
    pub error: Option<FetchError>,
    /// Failed polls in a row.
    pub consecutive_failures: u32,
    /// When the next poll is due, if one is planned.
    pub next_poll_at_ms: Option<i64>,
    /// Why polling stopped, if it did.
    pub stopped: Option<StopReason>,
    /// Whether this tab fetched the latest answer (else it read the answer
    /// of the tab that polls for the others): only that tab alerts.
    pub here: bool,
    /// How long the last good data stays current (ms): the wait the policy
    /// planned after it (a finished project is asked less often) plus the
    /// same grace as every poll's. `None`: the options' staleness alone.
    pub fresh_for_ms: Option<i64>,
}

impl<T> Default for PollState<T> {
    fn default() -> Self {
        PollState {
            last_good: None,
            last_good_at_ms: None,
            error: None,
            consecutive_failures: 0,
            next_poll_at_ms: None,
            stopped: None,
            here: false,
            fresh_for_ms: None,
        }
    }
}

impl<T> PollState<T> {
    /// True when the last good data is older than `stale_after` at `now_ms`,
    /// or than the longer wait planned after it (a finished project's): data
    /// is stale only once the poll that should have renewed it is overdue.
    /// Data of a released project is final, so it never goes stale.
    pub fn is_stale(&self, now_ms: i64, stale_after: Duration) -> bool {
        let limit = (stale_after.as_millis().min(i64::MAX as u128) as i64)
            .max(self.fresh_for_ms.unwrap_or(0));
        match self.last_good_at_ms {
            Some(at) if self.stopped != Some(StopReason::Terminal) => {
                now_ms.saturating_sub(at) > limit
            }
            _ => false,
        }
    }
}
