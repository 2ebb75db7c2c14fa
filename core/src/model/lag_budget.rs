//! The lag budget of the chart's range: for how much of it the forward lag
//! was within `lag-warn`, how long it was above `lag-critical`, and the
//! worst lag and when. Each of OMS's points counts until the next, at most
//! one and a half times the usual spacing of its points (a missing point
//! is a gap, not a long interval), and OMS's newest point only until the
//! browser's next sample; the browser's samples count the same way. As on
//! the chart, OMS's points count only before the browser's first lag.
//! Only running time is judged: a paused or failed spell is told
//! elsewhere, and counts as not covered.
//! The range ends at the newest data, not at the clock: stale data is not
//! judged afresh, and a tick does no work.

use super::checkpoint::LagThresholds;
use super::history::{median, History};
use crate::wire::Point;

/// What a range's lag came to, in ms of judged time.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Budget {
    /// The range's length.
    pub range_ms: i64,
    /// The time of the range a point or a sample judged.
    pub judged_ms: i64,
    /// The judged time the lag was at or below `lag-warn`.
    pub within_ms: i64,
    /// The judged time the lag was above `lag-critical`.
    pub above_critical_ms: i64,
    /// The worst lag judged, in seconds (the first time it was seen).
    pub worst_secs: f64,
    /// When the worst lag was measured: ms, OMS's clock (a point or sample
    /// before the range's start whose interval reaches into it keeps its
    /// own time).
    pub worst_at_ms: i64,
}

/// A point's interval, and the lag it stands for.
#[derive(Clone, Copy, Debug)]
struct Span {
    from: i64,
    to: i64,
    at: i64,
    lag: f64,
}

/// A time and, when it is judged, its lag in seconds.
type Mark = (i64, Option<f64>);

/// The budget of the `range_ms` that ends at the newest of OMS's forward
/// lag points `oms` (ms, seconds; oldest first) and the browser's samples;
/// `None` when no time at all was judged (no data, one point, only
/// paused spells).
pub fn lag_budget(
    oms: &[Point],
    history: &History,
    range_ms: i64,
    lag: LagThresholds,
) -> Option<Budget> {
    // Plain loops, not iterator chains: each chain is code of its own in wasm.
    let mut samples: Vec<Mark> = Vec::new();
    let mut first_own = i64::MAX;
    for s in history.samples() {
        if s.lag_secs().is_some() {
            first_own = first_own.min(s.at_ms);
        }
        let secs = s.lag_secs().filter(|l| s.running && valid(*l));
        samples.push((s.at_ms, secs));
    }
    // OMS's points where the chart draws them: before the browser's first
    // lag (`oms_history::joined`), so that the line under the chart tells
    // what the chart shows.
    let mut points: Vec<Mark> = Vec::new();
    for &(at, secs) in oms {
        if at < first_own && valid(secs) && points.last().is_none_or(|last| at > last.0) {
            points.push((at, Some(secs)));
        }
    }
    // (`None` is less than any `Some`.)
    let end = points
        .last()
        .map(|p| p.0)
        .max(samples.last().map(|s| s.0))?;
    let start = end.saturating_sub(range_ms.max(0));
    // OMS's newest point is measured; what follows it, the browser saw.
    let newest = points.last().map_or(end, |p| {
        samples.iter().find(|s| s.0 >= p.0).map_or(end, |s| s.0)
    });
    let oms_spans = spans(&points, start, newest, true);
    let mut budget = Budget {
        range_ms: range_ms.max(0),
        ..Budget::default()
    };
    for o in &oms_spans {
        budget.add(o.from, o.to, o.at, o.lag, lag);
    }
    // The browser's samples, beside OMS's older points.
    let mut k = 0;
    for s in spans(&samples, start, end, false) {
        let mut cursor = s.from;
        while k < oms_spans.len() && oms_spans[k].to <= cursor {
            k += 1;
        }
        for o in oms_spans[k..].iter().take_while(|o| o.from < s.to) {
            budget.add(cursor, o.from.min(s.to), s.at, s.lag, lag);
            cursor = cursor.max(o.to);
        }
        budget.add(cursor, s.to, s.at, s.lag, lag);
    }
    (budget.judged_ms > 0).then_some(budget)
}

impl Budget {
    fn add(&mut self, from: i64, to: i64, at: i64, secs: f64, lag: LagThresholds) {
        let len = to.saturating_sub(from);
        if len <= 0 {
            return;
        }
        self.judged_ms += len;
        if secs <= lag.warn_secs as f64 {
            self.within_ms += len;
        }
        if secs > lag.critical_secs as f64 {
            self.above_critical_ms += len;
        }
        // The first time the worst lag was seen.
        if secs > self.worst_secs || self.judged_ms == len {
            self.worst_secs = secs;
            // When it was measured, even a little before the range (its
            // interval reaches in): the range's start moves with every poll.
            self.worst_at_ms = at;
        }
    }
}

/// The judged marks' spans within `[start, end]`: each until the next
/// mark, at most 1.5 times their usual spacing. With `head`, the first
/// also stands for the range's first minutes when it is less than one
/// spacing in: OMS spaces its points back from the end of the window it
/// is asked for, so the window's start falls short of its first point.
fn spans(marks: &[Mark], start: i64, end: i64, head: bool) -> Vec<Span> {
    let mut gaps: Vec<f64> = Vec::new();
    for w in marks.windows(2) {
        let gap = w[1].0.saturating_sub(w[0].0);
        if gap > 0 {
            gaps.push(gap as f64);
        }
    }
    let gap = median(&mut gaps).map_or(0, |g| g.round() as i64);
    let cap = gap.saturating_mul(3) / 2;
    let mut out = Vec::new();
    for (i, &(at, secs)) in marks.iter().enumerate() {
        let next = marks.get(i + 1).map_or(i64::MAX, |m| m.0);
        let from = if head && i == 0 && at.saturating_sub(start) <= gap {
            start
        } else {
            at.max(start)
        };
        let to = next.min(at.saturating_add(cap)).min(end);
        if let Some(lag) = secs.filter(|_| to > from) {
            out.push(Span { from, to, at, lag });
        }
    }
    out
}

/// A lag that can be judged: a number of seconds, not below zero.
pub(super) fn valid(lag: f64) -> bool {
    lag.is_finite() && lag >= 0.0
}

/// `part` of `whole` in tenths of a percent, never 100.0 while any of the
/// whole is not part, never 0.0 while any is.
pub fn tenths_of(part: i64, whole: i64) -> u32 {
    if whole <= 0 {
        return 0;
    }
    let part = part.clamp(0, whole);
    let tenths = ((part as f64 / whole as f64) * 1000.0).round() as u32;
    match tenths {
        1000 if part < whole => 999,
        0 if part > 0 => 1,
        t => t,
    }
}

/// Tenths of a percent as the DOM and the text write them: `97.8`.
pub fn percent_text(tenths: u32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::history::Sample;

    const T0: i64 = 1_700_000_000_000;
    const MIN: i64 = 60_000;
    const LAG: LagThresholds = LagThresholds {
        warn_secs: 25,
        critical_secs: 300,
    };

    /// OMS's points every 5 min from `T0 − 60 min`, with these lags.
    fn oms(lags: &[f64]) -> Vec<Point> {
        lags.iter()
            .enumerate()
            .map(|(i, l)| (T0 - 60 * MIN + i as i64 * 5 * MIN, *l))
            .collect()
    }

    fn sample(at_ms: i64, lag: i64, running: bool) -> Sample {
        Sample {
            at_ms,
            checkpoint_secs: Some(at_ms / 1000 - lag),
            full_progress: Some(100),
            running,
            failed: false,
        }
    }

    fn history(samples: impl IntoIterator<Item = Sample>) -> History {
        samples.into_iter().collect()
    }

    #[test]
    fn each_oms_point_counts_until_the_next_and_the_last_until_the_newest_data() {
        // 13 points, 60 min back to now: 10 s for 40 min, 400 s for 10 min,
        // 100 s for 5 min, 10 s for the last 5 min (the last point at T0
        // counts for nothing: the range ends there).
        let mut lags = vec![10.0; 8];
        lags.extend([400.0, 400.0, 100.0, 10.0, 10.0]);
        let b = lag_budget(&oms(&lags), &History::default(), 60 * MIN, LAG).unwrap();
        assert_eq!(b.range_ms, 60 * MIN);
        assert_eq!(b.judged_ms, 60 * MIN);
        assert_eq!(b.within_ms, 45 * MIN);
        assert_eq!(b.above_critical_ms, 10 * MIN);
        assert_eq!((b.worst_secs, b.worst_at_ms), (400.0, T0 - 20 * MIN));
    }

    #[test]
    fn a_missing_point_is_a_gap_and_the_browser_fills_only_where_oms_has_none() {
        // OMS: a point every 5 min, none between −40 and −20 min.
        let points: Vec<Point> = oms(&[10.0; 13])
            .into_iter()
            .filter(|p| !(T0 - 40 * MIN + 1..T0 - 20 * MIN).contains(&p.0))
            .collect();
        let b = lag_budget(&points, &History::default(), 60 * MIN, LAG).unwrap();
        // The point at −40 min counts 7.5 min (1.5 spacings), then a gap.
        assert_eq!(b.judged_ms, 60 * MIN - 20 * MIN + 7 * MIN + 30_000);
        // The browser's samples every 10 s over the last 2 min, at 500 s:
        // OMS's last point (T0) counts until them; they count after it.
        let h = history((0..=12).map(|i| sample(T0 + i * 10_000, 500, true)));
        let b = lag_budget(&oms(&[10.0; 13]), &h, 60 * MIN, LAG).unwrap();
        assert_eq!(b.range_ms, 60 * MIN);
        assert_eq!(b.judged_ms, 60 * MIN, "the range ends at the newest sample");
        assert_eq!(b.above_critical_ms, 2 * MIN);
        assert_eq!(b.within_ms, 58 * MIN);
        assert_eq!((b.worst_secs, b.worst_at_ms), (500.0, T0));
    }

    #[test]
    fn the_browsers_samples_win_from_its_first_lag_on_as_on_the_chart() {
        // Samples at 400 s from 10 min before OMS's newest point (T0) to
        // 10 min after: OMS's 10 s count only before the first sample.
        let h = history((-60..=60).map(|i| sample(T0 + i * 10_000, 400, true)));
        let b = lag_budget(&oms(&[10.0; 13]), &h, 60 * MIN, LAG).unwrap();
        assert_eq!(b.judged_ms, 60 * MIN);
        assert_eq!(b.within_ms, 40 * MIN);
        assert_eq!(b.above_critical_ms, 20 * MIN);
        assert_eq!((b.worst_secs, b.worst_at_ms), (400.0, T0 - 10 * MIN));
        // The chart draws the same: OMS's points before the first sample.
        let drawn = crate::model::oms_history::joined(&oms(&[10.0; 13]), &h.lag_points(), 0);
        assert!(drawn.iter().all(|p| (p.0 < T0 - 10 * MIN) == (p.1 == 10.0)));
    }

    #[test]
    fn the_worst_lag_keeps_its_own_time_as_the_range_moves_on() {
        // OMS's 400 s at −62 min, before the range, reaches into its head
        // (until the next point): it is said at its own time, whatever the
        // newest sample (the range's end).
        let mut lags = [5.0; 13];
        lags[0] = 400.0;
        let points: Vec<Point> = (0..13)
            .map(|i| (T0 - 62 * MIN + i * 5 * MIN, lags[i as usize]))
            .collect();
        let at = |end: i64| {
            let h = history([sample(end, 5, true)]);
            lag_budget(&points, &h, 60 * MIN, LAG).map(|b| (b.worst_secs, b.worst_at_ms))
        };
        assert_eq!(at(T0), Some((400.0, T0 - 62 * MIN)));
        assert_eq!(at(T0 + 30_000), Some((400.0, T0 - 62 * MIN)));
    }

    #[test]
    fn the_first_point_stands_for_the_ranges_start_when_less_than_a_spacing_in() {
        // Points from −57 min (OMS spaces them back from the window's end).
        let points: Vec<Point> = (0..12)
            .map(|i| (T0 - 57 * MIN + i * 5 * MIN, 5.0))
            .collect();
        let b = lag_budget(&points, &History::default(), 60 * MIN, LAG).unwrap();
        assert_eq!(b.judged_ms, b.range_ms, "whole");
        // A project that started mid-range is not covered before it.
        let late: Vec<Point> = points[6..].to_vec();
        let b = lag_budget(&late, &History::default(), 60 * MIN, LAG).unwrap();
        assert_eq!(b.judged_ms, 25 * MIN);
    }

    #[test]
    fn paused_spells_are_not_judged_and_count_as_not_covered() {
        let h = history((0..=60).map(|i| sample(T0 + i * 10_000, 30 + i * 9, i < 30)));
        let b = lag_budget(&[], &h, 30 * MIN, LAG).unwrap();
        assert_eq!(b.judged_ms, 5 * MIN);
        assert_eq!(b.within_ms, 0);
        // The lag went on to 570 s while paused: told on the card, not judged here.
        assert_eq!(b.worst_secs, 291.0);
        assert_eq!(b.above_critical_ms, 0);
        let paused = history((0..=60).map(|i| sample(T0 + i * 10_000, 900, false)));
        assert_eq!(lag_budget(&[], &paused, 30 * MIN, LAG), None);
    }

    #[test]
    fn no_budget_from_nothing_one_sample_or_one_point() {
        assert_eq!(lag_budget(&[], &History::default(), 60 * MIN, LAG), None);
        let one = history([sample(T0, 5, true)]);
        assert_eq!(lag_budget(&[], &one, 30 * MIN, LAG), None);
        assert_eq!(
            lag_budget(&[(T0, 5.0)], &History::default(), 60 * MIN, LAG),
            None
        );
        // Points with no lag or a repeated time are passed over.
        let odd = [(T0, f64::NAN), (T0, -1.0), (T0 + 1, f64::INFINITY)];
        assert_eq!(lag_budget(&odd, &History::default(), 60 * MIN, LAG), None);
    }

    #[test]
    fn a_stale_history_is_judged_up_to_its_newest_sample_only() {
        let h = history((0..=6).map(|i| sample(T0 + i * 10_000, 5, true)));
        let b = lag_budget(&[], &h, 30 * MIN, LAG).unwrap();
        assert_eq!((b.judged_ms, b.within_ms), (MIN, MIN));
        // A gap in polling longer than 1.5 samples' spacing is not covered.
        let gapped = history(
            (0..=6)
                .map(|i| sample(T0 + i * 10_000, 5, true))
                .chain([sample(T0 + 5 * MIN, 5, true)]),
        );
        assert_eq!(
            lag_budget(&[], &gapped, 30 * MIN, LAG).unwrap().judged_ms,
            MIN + 15_000
        );
    }

    #[test]
    fn percentages_never_round_to_whole_or_to_nothing_falsely() {
        assert_eq!(tenths_of(9_999, 10_000), 999);
        assert_eq!(tenths_of(10_000, 10_000), 1000);
        assert_eq!(tenths_of(1, 10_000), 1);
        assert_eq!(tenths_of(0, 10_000), 0);
        assert_eq!(tenths_of(978, 1000), 978);
        assert_eq!(tenths_of(5, 0), 0);
        assert_eq!(percent_text(978), "97.8");
        assert_eq!(percent_text(1000), "100.0");
        assert_eq!(percent_text(1), "0.1");
    }
}
