//! The simulator's notion of "now": the wall clock, or a manual clock that
//! tests move forward through the control API so they never sleep.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch.
pub type UnixMs = i64;

/// Where the simulator reads the time from.
#[derive(Clone, Debug)]
pub enum Clock {
    /// The machine's wall clock.
    System,
    /// A clock that only moves when told to (shared by every clone).
    Manual(Arc<AtomicI64>),
}

impl Clock {
    /// A manual clock starting at `start_ms`.
    pub fn manual(start_ms: UnixMs) -> Self {
        Clock::Manual(Arc::new(AtomicI64::new(start_ms)))
    }

    pub fn now_ms(&self) -> UnixMs {
        match self {
            Clock::System => wall_now_ms(),
            Clock::Manual(ms) => ms.load(Ordering::SeqCst),
        }
    }

    pub fn is_manual(&self) -> bool {
        matches!(self, Clock::Manual(_))
    }

    /// Moves a manual clock; returns false for the wall clock, which cannot be moved.
    pub fn advance_ms(&self, by: i64) -> bool {
        match self {
            Clock::System => false,
            Clock::Manual(ms) => {
                ms.fetch_add(by, Ordering::SeqCst);
                true
            }
        }
    }

    /// Sets a manual clock; returns false for the wall clock.
    pub fn set_ms(&self, to: UnixMs) -> bool {
        match self {
            Clock::System => false,
            Clock::Manual(ms) => {
                ms.store(to, Ordering::SeqCst);
                true
            }
        }
    }
}

/// The real time, also used for the request log whatever the clock.
pub fn wall_now_ms() -> UnixMs {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
