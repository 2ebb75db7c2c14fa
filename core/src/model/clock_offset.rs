//! How far OMS's clock is from the browser's, from the HTTP `Date` header
//! of the progress answers. Browser clocks are wrong by seconds to minutes
//! on real desktops, and the lag is OMS's checkpoint against "now": read
//! "now" on OMS's clock and a wrong browser clock no longer matters.
//!
//! Precision: `Date` has one-second resolution (the true time lies in
//! [date, date + 1 s), so the midpoint is used), and the answer's time is
//! placed half-way through its round trip; the error is at most 0.5 s plus
//! half the round trip. The sample with the shortest round trip of the last
//! few is kept, as NTP does.

use super::checkpoint::utc_text_secs;

/// How many recent samples are compared.
const KEPT: usize = 8;
/// A change of the wall clock against the monotonic one beyond this between
/// two answers is a jump (or a sleep), not drift: the samples before it no
/// longer describe this clock.
pub const JUMP_MS: i64 = 2_000;
/// Below this the offset is within the precision of the estimate (and of
/// the lag, shown in whole seconds): no correction is applied or shown.
pub const APPLY_FROM_MS: i64 = 3_000;

/// The best offset of the recent answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClockOffset {
    /// (offset, round trip) in ms, oldest first.
    samples: Vec<(i64, i64)>,
    /// The wall clock minus the monotonic one at the last answer.
    wall_gap_ms: Option<i64>,
}

impl ClockOffset {
    /// Adds an answer sent at `sent_ms` and received at `received_ms`
    /// (browser clock) whose `Date` header read `date`. An unreadable or
    /// missing header (a cross-origin OMS that does not expose it) adds
    /// nothing: the browser's clock is used then.
    pub fn record(&mut self, sent_ms: i64, received_ms: i64, date: Option<&str>) {
        let Some(date_ms) = date.and_then(parse_http_date) else {
            return;
        };
        let round_trip = (received_ms - sent_ms).max(0);
        let offset = date_ms + 500 - (sent_ms + received_ms) / 2;
        if self.samples.len() == KEPT {
            self.samples.remove(0);
        }
        self.samples.push((offset, round_trip));
    }

    /// Notes the wall clock minus the page's clock (`wall_gap_ms`) as an
    /// answer arrives; when it moved by more than [`JUMP_MS`] since the
    /// last answer, the earlier samples are dropped, so the answer recorded
    /// next re-estimates the offset at once. True when it jumped.
    pub fn note_wall_gap(&mut self, wall_gap_ms: i64) -> bool {
        let jumped = self
            .wall_gap_ms
            .is_some_and(|before| (wall_gap_ms - before).abs() > JUMP_MS);
        if jumped {
            self.samples.clear();
        }
        self.wall_gap_ms = Some(wall_gap_ms);
        jumped
    }

    /// OMS's clock minus the browser's, in ms, from the quickest recent
    /// answer; `None` before any readable `Date`.
    pub fn estimate_ms(&self) -> Option<i64> {
        self.samples.iter().min_by_key(|s| s.1).map(|s| s.0)
    }

    /// The correction to apply: the estimate, when it is beyond the
    /// estimate's precision; else `None` (the browser's clock is right).
    pub fn correction_ms(&self) -> Option<i64> {
        self.estimate_ms().filter(|o| o.abs() >= APPLY_FROM_MS)
    }
}

/// An HTTP date in the IMF-fixdate form every server sends
/// (`Tue, 01 Dec 2026 07:22:00 GMT`), as ms since the epoch.
pub fn parse_http_date(text: &str) -> Option<i64> {
    let mut parts = text.split_ascii_whitespace();
    let (_weekday, day, month, year, time, zone) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if zone != "GMT" || parts.next().is_some() || day.len() != 2 || year.len() != 4 {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    let month = if month < 10 {
        ["0", &month.to_string()].join("")
    } else {
        month.to_string()
    };
    let secs = utc_text_secs(&[year, "-", &month, "-", day, "T", time].join(""))?;
    Some(secs * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_parse_and_odd_ones_do_not() {
        assert_eq!(
            parse_http_date("Sat, 06 Nov 2004 08:49:37 GMT"),
            Some(1_099_730_977_000)
        );
        assert_eq!(
            parse_http_date("Tue, 01 Dec 2026 07:22:00 GMT"),
            Some(1_796_109_720_000)
        );
        for odd in [
            "",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse_http_date(odd), None, "{odd}");
        }
    }

    #[test]
    fn the_quickest_answer_gives_the_offset_with_half_a_second_for_the_resolution() {
        let mut c = ClockOffset::default();
        // OMS 120 s ahead; answers taking 400 ms and 40 ms.
        let b0 = 1_796_109_720_000;
        let oms = |browser_ms: i64| browser_ms + 120_000;
        let date = |ms: i64| {
            let secs = ms / 1000;
            format!(
                "Tue, 01 Dec 2026 07:{:02}:{:02} GMT",
                22 + (secs - 1_796_109_720) / 60,
                (secs - 1_796_109_720) % 60
            )
        };
        c.record(b0, b0 + 400, Some(&date(oms(b0 + 200))));
        c.record(b0 + 10_000, b0 + 10_040, Some(&date(oms(b0 + 10_020))));
        let estimate = c.estimate_ms().unwrap();
        assert!((estimate - 120_000).abs() <= 520, "{estimate}");
        assert_eq!(c.correction_ms(), Some(estimate));
    }

    #[test]
    fn a_jump_of_the_wall_clock_drops_the_samples_before_it() {
        let date = "Tue, 01 Dec 2026 07:22:00 GMT";
        let b0 = 1_796_109_720_000;
        let mut c = ClockOffset::default();
        // Quick answers with OMS and the page agreeing.
        assert!(!c.note_wall_gap(0));
        c.record(b0 + 480, b0 + 520, Some(date));
        assert!(!c.note_wall_gap(1_500), "drift within the bound is no jump");
        assert_eq!(c.estimate_ms(), Some(0));
        // The page's clock stood still for 30 min (a sleep) while the wall
        // clock went on: the next answer, slow as it is, gives the offset alone.
        assert!(c.note_wall_gap(1_800_000));
        c.record(b0 - 1_799_800, b0 - 1_799_200, Some(date));
        assert_eq!(c.estimate_ms(), Some(1_800_000));
        assert_eq!(c.correction_ms(), Some(1_800_000));
    }

    #[test]
    fn a_small_offset_is_not_applied_and_an_unreadable_date_adds_nothing() {
        let mut c = ClockOffset::default();
        c.record(0, 30, None);
        c.record(0, 30, Some("yesterday"));
        assert_eq!(c.estimate_ms(), None);
        c.record(
            1_796_109_720_000,
            1_796_109_720_040,
            Some("Tue, 01 Dec 2026 07:22:01 GMT"),
        );
        assert_eq!(c.estimate_ms(), Some(1_480));
        assert_eq!(c.correction_ms(), None);
        for i in 0..20 {
            c.record(i, i + 100, Some("Tue, 01 Dec 2026 07:22:01 GMT"));
        }
        assert_eq!(c.samples.len(), KEPT, "bounded");
    }
}
