//! The simulator's notion of "now": the wall clock, or a manual clock that
//! tests move forward through the control API so they never sleep.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// Milliseconds since the Unix epoch.
pub type UnixMs = i64;

/// Where the simulator reads the time from.
#[derive(Clone, Debug)]
pub enum Clock {
    /// The machine's wall clock.
    System,
    /// A clock that only moves when told to (shared by every clone).
    Manual(Arc<AtomicI64>),
    /// The wall clock off by this many ms: OMS's clock where the browser's
    /// is wrong (the `Date` header and every checkpoint follow it).
    Skewed(i64),
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
            Clock::Skewed(by) => wall_now_ms() + by,
        }
    }

    pub fn is_manual(&self) -> bool {
        matches!(self, Clock::Manual(_))
    }

    /// Moves a manual clock; returns false for the wall clock, which cannot be moved.
    pub fn advance_ms(&self, by: i64) -> bool {
        match self {
            Clock::System | Clock::Skewed(_) => false,
            Clock::Manual(ms) => {
                ms.fetch_add(by, Ordering::SeqCst);
                true
            }
        }
    }

    /// Sets a manual clock; returns false for the wall clock.
    pub fn set_ms(&self, to: UnixMs) -> bool {
        match self {
            Clock::System | Clock::Skewed(_) => false,
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

/// The last second httpdate can write (9999-12-31T23:59:59Z); it panics
/// after it, and before 1970.
const LAST_HTTP_DATE_SECS: i64 = 253_402_300_799;

/// An HTTP `Date` (IMF-fixdate, RFC 9110): `Tue, 01 Dec 2026 07:22:00 GMT`.
/// A manual clock set before 1970 or after 9999 is written at that end.
pub fn http_date(ms: UnixMs) -> String {
    let secs = ms.div_euclid(1000).clamp(0, LAST_HTTP_DATE_SECS);
    httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(secs.unsigned_abs()))
}

/// `2023-05-31T04:07:32`: UTC, no zone marker, as OMS 4.x writes times.
/// Seconds beyond the years -9999 to 9999 are written at that end.
pub fn utc_text(secs: i64) -> String {
    const FORMAT: &[BorrowedFormatItem<'_>] =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    let first = PrimitiveDateTime::MIN.assume_utc().unix_timestamp();
    let last = PrimitiveDateTime::MAX.assume_utc().unix_timestamp();
    OffsetDateTime::from_unix_timestamp(secs.clamp(first, last))
        .ok()
        .and_then(|time| time.format(FORMAT).ok())
        // Not reached for a time in range: the seconds, rather than nothing.
        .unwrap_or_else(|| secs.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_are_imf_fixdate() {
        assert_eq!(http_date(784_111_777_000), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(
            http_date(1_796_109_720_500),
            "Tue, 01 Dec 2026 07:22:00 GMT"
        );
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        // A manual clock can be set anywhere: the header stays a date.
        assert_eq!(http_date(-1), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(http_date(i64::MAX), "Fri, 31 Dec 9999 23:59:59 GMT");
    }

    #[test]
    fn a_skewed_clock_runs_ahead_and_cannot_be_moved() {
        let clock = Clock::Skewed(120_000);
        let ahead = clock.now_ms() - wall_now_ms();
        assert!((119_000..=120_000).contains(&ahead), "{ahead}");
        assert!(!clock.advance_ms(1) && !clock.is_manual());
    }
}
