//! OMS's own history of a project (its `DescribeProjectStepMetric` series)
//! joined with the browser's samples: OMS's points reach back hours at a
//! point every few minutes, the browser's are finer and newer, so the
//! joined series takes OMS's up to the first browser sample and the
//! browser's from there.

use crate::wire::{Point, WireStep};

/// The chart's range, chosen by the operator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Range {
    /// The last hour (OMS's shortest window).
    #[default]
    Hour,
    /// The last six hours.
    SixHours,
    /// The last day.
    Day,
}

impl Range {
    /// Every range, shortest first.
    pub const ALL: [Range; 3] = [Range::Hour, Range::SixHours, Range::Day];

    /// Its length in seconds.
    pub fn secs(self) -> i64 {
        match self {
            Range::Hour => 3_600,
            Range::SixHours => 6 * 3_600,
            Range::Day => 24 * 3_600,
        }
    }

    /// The value of `data-range`, and the switch's label: `1h`, `6h`, `24h`.
    pub fn as_str(self) -> &'static str {
        match self {
            Range::Hour => "1h",
            Range::SixHours => "6h",
            Range::Day => "24h",
        }
    }
}

/// OMS's series for one project over one range, oldest point first; a
/// series OMS had no data for is empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OmsSeries {
    /// The range asked for.
    pub range: Range,
    /// The incremental step's `DELAY`, seconds.
    pub lag: Vec<Point>,
    /// The reverse incremental step's `DELAY`, seconds (when enabled).
    pub reverse_lag: Vec<Point>,
    /// The incremental step's `RPS`, rows a second.
    pub incr_rps: Vec<Point>,
    /// The full-data step's `RPS`, rows a second (while it runs).
    pub full_rps: Vec<Point>,
}

/// Where the chart's points come from: the value of `data-history-source`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistorySource {
    /// OMS's series only (no browser sample with a lag yet).
    Oms,
    /// The browser's own samples only.
    Browser,
    /// OMS's older points and the browser's newer ones.
    Both,
}

impl HistorySource {
    /// The value of `data-history-source`.
    pub fn as_str(self) -> &'static str {
        match self {
            HistorySource::Oms => "oms",
            HistorySource::Browser => "browser",
            HistorySource::Both => "both",
        }
    }
}

/// `oms`'s points older than the browser's first point, then the browser's
/// `own` points (both oldest first), from `since_ms` on.
pub fn joined(oms: &[Point], own: &[(i64, f64)], since_ms: i64) -> Vec<(i64, f64)> {
    let first_own = own.first().map_or(i64::MAX, |p| p.0);
    oms.iter()
        .copied()
        .filter(|p| p.0 < first_own && p.1 >= 0.0)
        .chain(own.iter().copied())
        .filter(|p| p.0 >= since_ms)
        .collect()
}

/// Which sources a series of joined points drew from.
pub fn source_of(oms_points: usize, own_points: usize) -> Option<HistorySource> {
    match (oms_points > 0, own_points > 0) {
        (true, true) => Some(HistorySource::Both),
        (true, false) => Some(HistorySource::Oms),
        (false, true) => Some(HistorySource::Browser),
        (false, false) => None,
    }
}

/// Rows a second: the newest point's and the average over the range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Throughput {
    /// The newest point.
    pub now: f64,
    /// The mean of the points from `since_ms` on.
    pub average: f64,
}

/// The throughput a series says, when it has a point from `since_ms` on.
pub fn throughput(points: &[Point], since_ms: i64) -> Option<Throughput> {
    let recent: Vec<f64> = points
        .iter()
        .filter(|p| p.0 >= since_ms && p.1 >= 0.0)
        .map(|p| p.1)
        .collect();
    Some(Throughput {
        now: *recent.last()?,
        average: recent.iter().sum::<f64>() / recent.len() as f64,
    })
}

/// Seconds until the running full-data step is done: the rows OMS says are
/// left (its estimate of the total less the rows done, as the step plan
/// said `since_answer_ms` ago) at `rows_per_sec` (OMS's average over the
/// chart's range). `None` without a running full step, its counts or a rate.
pub fn rows_left_secs(steps: &[WireStep], rows_per_sec: f64, since_answer_ms: i64) -> Option<u64> {
    let full = steps.iter().find(|s| {
        let name = s.name.as_deref().unwrap_or("").to_ascii_uppercase();
        name.contains("FULL") && !name.contains("VERIF") && !name.contains("VALID")
    })?;
    let running = full
        .status
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("RUNNING"));
    let left = full.capacity? - full.processed_records?;
    // (A NaN rate is no rate.)
    let rated = rows_per_sec.is_finite() && rows_per_sec > 0.0;
    if !running || left <= 0 || !rated {
        return None;
    }
    let secs = left as f64 / rows_per_sec - since_answer_ms.max(0) as f64 / 1000.0;
    Some(secs.max(0.0).round() as u64)
}

/// The full copy's ETA before the browser's own samples can give one: the
/// rows the step plan says are left (`since_answer_ms` ago), at OMS's
/// average full-data rate over the chart's range.
pub fn full_eta_from_oms(
    series: &OmsSeries,
    steps: &[WireStep],
    since_answer_ms: i64,
) -> Option<u64> {
    let rate = throughput(&series.full_rps, i64::MIN)?.average;
    rows_left_secs(steps, rate, since_answer_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oms_points_come_before_the_browsers_and_never_overlap_them() {
        let oms = [(0, 300.0), (600_000, 200.0), (1_200_000, 100.0)];
        let own = [(900_000, 150.0), (905_000, 149.0)];
        assert_eq!(
            joined(&oms, &own, 0),
            [
                (0, 300.0),
                (600_000, 200.0),
                (900_000, 150.0),
                (905_000, 149.0)
            ]
        );
        assert_eq!(joined(&oms, &own, 500_000).len(), 3);
        assert_eq!(joined(&oms, &[], 0).len(), 3);
        assert_eq!(joined(&[(0, -1.0)], &[], 0), []);
        assert_eq!(source_of(2, 0), Some(HistorySource::Oms));
        assert_eq!(source_of(0, 0), None);
    }

    #[test]
    fn the_rows_left_at_omss_rate_give_the_full_copys_eta_at_open() {
        let full = WireStep {
            name: Some("FULL_TRANSFER".into()),
            status: Some("RUNNING".into()),
            processed_records: Some(1_000_000),
            capacity: Some(2_200_000),
            ..WireStep::default()
        };
        assert_eq!(
            rows_left_secs(std::slice::from_ref(&full), 4_000.0, 10_000),
            Some(290)
        );
        assert_eq!(rows_left_secs(std::slice::from_ref(&full), 0.0, 0), None);
        let done = WireStep {
            status: Some("FINISHED".into()),
            ..full.clone()
        };
        assert_eq!(rows_left_secs(&[done], 4_000.0, 0), None);
        let series = OmsSeries {
            range: Range::default(),
            lag: Vec::new(),
            reverse_lag: Vec::new(),
            incr_rps: Vec::new(),
            full_rps: vec![(0, 3_000.0), (1_000, 5_000.0)],
        };
        assert_eq!(
            full_eta_from_oms(&series, std::slice::from_ref(&full), 10_000),
            Some(290)
        );
        let no_rate = OmsSeries {
            full_rps: Vec::new(),
            ..series
        };
        assert_eq!(full_eta_from_oms(&no_rate, &[full], 0), None);
    }

    #[test]
    fn throughput_now_and_on_average_over_the_range() {
        let rps = [(0, 100.0), (1_000, 200.0), (2_000, 600.0)];
        assert_eq!(
            throughput(&rps, 500),
            Some(Throughput {
                now: 600.0,
                average: 400.0
            })
        );
        assert_eq!(throughput(&rps, 5_000), None);
        assert_eq!(Range::Day.secs(), 86_400);
        assert_eq!(Range::ALL.map(Range::as_str), ["1h", "6h", "24h"]);
    }
}
