//! Whether the forward lag stayed at or below a limit for a whole window
//! (switch-over readiness' `lag-held`), from OMS's history joined with the
//! browser's samples. Each point counts from its time until the next point
//! of its series, at most one and a half times that series' usual spacing
//! (a missing point is a gap, not a long interval); OMS's points count only
//! before the browser's first sample, as the chart joins them. The window
//! ends at the newest data, not at the clock: a tick changes nothing, and
//! old data is not judged afresh.

use super::history::{median, History};
use super::lag_budget::valid;
use crate::wire::{Point, SECS_PER_POINT};

/// How the lag stood over the window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Held {
    /// The window asked for, ms.
    pub window_ms: i64,
    /// How much of it a point covers, ms (at most `window_ms`).
    pub covered_ms: i64,
    /// The newest point of the window above the limit: (ms, lag seconds).
    pub above: Option<(i64, f64)>,
    /// Where the window ends (the newest point's time), ms; `None` without data.
    pub end_ms: Option<i64>,
}

impl Held {
    /// Whether the points cover the whole window.
    pub fn whole(&self) -> bool {
        self.end_ms.is_some() && self.covered_ms >= self.window_ms
    }
}

/// A point and the time it stands for.
#[derive(Clone, Copy, Debug)]
struct Span {
    from: i64,
    to: i64,
    lag: Option<f64>,
}

/// The lag of the `window_ms` up to the newest of OMS's forward lag points
/// `oms` (ms, seconds; oldest first) and the browser's samples in
/// `history`, against `limit_secs`. A sample of a project not running
/// covers nothing: its lag is not judged.
pub fn lag_held(oms: &[Point], history: &History, window_ms: i64, limit_secs: u64) -> Held {
    let window_ms = window_ms.max(0);
    let own: Vec<(i64, Option<f64>)> = history
        .samples()
        .map(|s| (s.at_ms, s.lag_secs().filter(|l| s.running && valid(*l))))
        .collect();
    let first_own = own.first().map_or(i64::MAX, |s| s.0);
    let oms: Vec<(i64, Option<f64>)> = rising(
        oms.iter()
            .filter(|p| p.0 < first_own && valid(p.1))
            .map(|p| (p.0, Some(p.1))),
    );
    let end = oms.last().into_iter().chain(own.last()).map(|p| p.0).max();
    let Some(end) = end else {
        return Held {
            window_ms,
            covered_ms: 0,
            above: None,
            end_ms: None,
        };
    };
    let start = end.saturating_sub(window_ms);
    let oms_gap = usual_gap(&oms).unwrap_or(SECS_PER_POINT * 1000);
    let mut spans = spans(&oms, oms_gap, first_own.min(end));
    spans.extend(spans_of_own(&own, end));
    let mut held = Held {
        window_ms,
        covered_ms: 0,
        above: None,
        end_ms: Some(end),
    };
    for span in spans {
        let (from, to) = (span.from.max(start), span.to.min(end));
        let inside = span.to > start || span.from >= start;
        let Some(lag) = span.lag.filter(|_| inside) else {
            continue;
        };
        held.covered_ms = held.covered_ms.saturating_add((to - from).max(0));
        // Said at its newest moment inside the window, never before it.
        if lag > limit_secs as f64 && held.above.is_none_or(|(at, _)| from >= at) {
            held.above = Some((from, lag));
        }
    }
    held.covered_ms = held.covered_ms.min(window_ms);
    held
}

/// The browser's samples as spans, each until the next, at most 1.5 × their
/// usual spacing; one sample alone covers only its moment.
fn spans_of_own(own: &[(i64, Option<f64>)], end: i64) -> Vec<Span> {
    let gap = usual_gap(own).unwrap_or(0);
    spans(own, gap, end)
}

/// Points (oldest first) as spans up to `until`, each to the next point,
/// at most 1.5 × `gap` long.
fn spans(points: &[(i64, Option<f64>)], gap: i64, until: i64) -> Vec<Span> {
    let cap = gap.saturating_mul(3) / 2;
    points
        .iter()
        .enumerate()
        .map(|(i, &(at, lag))| {
            let next = points.get(i + 1).map_or(until, |p| p.0);
            Span {
                from: at,
                to: next.min(at.saturating_add(cap)).min(until).max(at),
                lag,
            }
        })
        .collect()
}

/// The median spacing of a series' points, when it has two (by the
/// history's own quickselect, as the lag budget finds it: std's generic
/// select is far more wasm).
fn usual_gap(points: &[(i64, Option<f64>)]) -> Option<i64> {
    let mut gaps: Vec<f64> = points
        .windows(2)
        .map(|w| w[1].0.saturating_sub(w[0].0) as f64)
        .collect();
    median(&mut gaps).map(|g| g.round() as i64)
}

/// The points in rising time, each time once (a point out of order is
/// dropped, as the metric reader drops it).
fn rising(points: impl Iterator<Item = (i64, Option<f64>)>) -> Vec<(i64, Option<f64>)> {
    let mut last = i64::MIN;
    points
        .filter(|p| {
            let keep = p.0 > last;
            last = last.max(p.0);
            keep
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sample;

    const T0: i64 = 1_700_000_000_000;

    /// A running sample at `t` seconds after T0 with the given lag.
    fn at(t: i64, lag: i64) -> Sample {
        Sample {
            at_ms: T0 + t * 1000,
            checkpoint_secs: Some((T0 / 1000) + t - lag),
            full_progress: Some(100),
            running: true,
            failed: false,
        }
    }

    fn history(samples: impl IntoIterator<Item = Sample>) -> History {
        let mut h = History::default();
        for s in samples {
            h.push(s);
        }
        h
    }

    #[test]
    fn the_browsers_samples_alone_cover_the_window_they_span() {
        // Every 5 s for 6 min, 3 s behind: the last 5 min are covered.
        let h = history((0..=72).map(|i| at(i * 5, 3)));
        let held = lag_held(&[], &h, 300_000, 10);
        assert_eq!((held.covered_ms, held.above), (300_000, None));
        assert!(held.whole());
        // Only 2 min of samples: 2 min covered of 5.
        let h = history((0..=24).map(|i| at(i * 5, 3)));
        let held = lag_held(&[], &h, 300_000, 10);
        assert_eq!(held.covered_ms, 120_000);
        assert!(!held.whole());
    }

    #[test]
    fn omss_points_cover_the_time_before_the_browsers_first_sample() {
        // OMS: a point every 330 s for an hour, 4 s behind; the browser's
        // samples from the last one on.
        let oms: Vec<Point> = (0..11).map(|i| (T0 + i * 330_000, 4.0)).collect();
        let h = history((0..=12).map(|i| at(3_630 + i * 5, 2)));
        let held = lag_held(&oms, &h, 600_000, 10);
        assert!(held.whole(), "{held:?}");
        assert_eq!(held.above, None);
        // A point above the limit whose time reaches into the window is
        // named, the newest one, at the window's start where it enters it
        // (the point itself is older than the window).
        let mut bad = oms.clone();
        bad[9].1 = 42.0;
        bad[8].1 = 60.0;
        let held = lag_held(&bad, &h, 600_000, 10);
        assert_eq!(held.above, Some((T0 + 3_090_000, 42.0)));
        // One out of the window is not.
        let held = lag_held(&bad, &h, 200_000, 10);
        assert_eq!(held.above, None);
    }

    #[test]
    fn a_point_just_before_the_window_counts_for_the_time_it_covers_inside() {
        // OMS's newest point 200 s before the browser's first sample, 30 s
        // behind; the window is the last 5 min up to a sample 60 s later.
        let oms = [(T0 - 330_000, 3.0), (T0, 30.0)];
        let h = history((0..=12).map(|i| at(200 + i * 5, 2)));
        let held = lag_held(&oms, &h, 300_000, 10);
        assert_eq!(held.above, Some((T0, 30.0)));
        assert!(held.whole());
    }

    #[test]
    fn a_gap_in_the_points_is_not_covered_and_a_paused_spell_is_not_judged() {
        // Samples for 2 min, none for 3 min (the tab slept), then 2 min more.
        let h = history(
            (0..=24)
                .map(|i| at(i * 5, 3))
                .chain((0..=24).map(|i| at(300 + i * 5, 3))),
        );
        let held = lag_held(&[], &h, 420_000, 10);
        assert_eq!(held.covered_ms, 240_000 + 7_500);
        let paused = history((0..=72).map(|i| Sample {
            running: i < 30,
            ..at(i * 5, 400)
        }));
        let held = lag_held(&[], &paused, 200_000, 10);
        assert_eq!((held.covered_ms, held.above), (0, None));
    }

    #[test]
    fn no_data_covers_nothing_and_odd_points_are_passed_over() {
        let held = lag_held(&[], &History::default(), 300_000, 10);
        assert_eq!((held.covered_ms, held.end_ms), (0, None));
        assert!(!held.whole());
        let odd = [
            (T0, f64::NAN),
            (T0 + 1, -5.0),
            (T0 + 2, f64::INFINITY),
            (T0 - 5, 1.0),
        ];
        let held = lag_held(&odd, &History::default(), 300_000, 10);
        assert_eq!(held.above, None);
        assert_eq!(lag_held(&odd, &History::default(), -1, 10).window_ms, 0);
    }
}
