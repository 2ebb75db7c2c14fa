//! The last half hour of polls, and what it says: is the lag getting
//! better or worse, when will it catch up or the full-data stage finish, is
//! the project stuck, did a failure recover. Pure: samples and time are
//! arguments, so the estimators are tested on synthetic series.

use super::checkpoint::{interpret_checkpoint, Checkpoint, LagThresholds};
use crate::wire::{Progress, Status};

/// How far back the history reaches.
pub const WINDOW_MS: i64 = 30 * 60 * 1000;
/// The most samples kept: 30 minutes at the shortest interval (1 s), plus
/// slack for early answers after a refresh. Bounds memory whatever happens.
pub const MAX_SAMPLES: usize = 1_900;
/// Fewest samples, and shortest time they span, for a trend or an ETA.
pub const MIN_SAMPLES: usize = 6;
pub const MIN_SPAN_MS: i64 = 60_000;
/// The estimators read at most this many samples, spread evenly: Theil–Sen
/// compares every pair, so this bounds the work per poll (about 4,000 pairs).
const MAX_POINTS: usize = 90;
/// A full-data stage whose progress has not moved for this long is stuck.
pub const FULL_STUCK_MS: i64 = 10 * 60 * 1000;
/// A FAILED spell at most this long, followed by RUNNING, counts as
/// recovered (OMS restarting its services), not as a hard failure.
pub const RECOVERY_MS: i64 = 5 * 60 * 1000;

/// One successful poll, as the history keeps it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    /// When the answer arrived (ms since the epoch, on OMS's clock when the
    /// offset is known).
    pub at_ms: i64,
    /// The incremental checkpoint, when it is a unix time.
    pub checkpoint_secs: Option<i64>,
    /// Full-data progress, 0–100.
    pub full_progress: Option<u8>,
    /// Whether the project was running then.
    pub running: bool,
    /// Whether the project had failed then.
    pub failed: bool,
}

impl Sample {
    /// The sample a poll's data makes at `at_ms`.
    /// A finished, released or deleted project's checkpoint ages for good:
    /// it makes no lag here, as it makes none on the card.
    pub fn of(progress: &Progress, at_ms: i64) -> Sample {
        let status = progress.status.as_ref();
        let over = matches!(
            status,
            Some(Status::Finished | Status::Releasing | Status::Released | Status::Deleted)
        );
        let checkpoint_secs = progress
            .incr_checkpoint
            .as_deref()
            .filter(|_| !over)
            .and_then(|raw| match interpret_checkpoint(raw) {
                Checkpoint::Unix(secs) => Some(secs),
                _ => None,
            });
        Sample {
            at_ms,
            checkpoint_secs,
            full_progress: progress.full_progress.as_ref().map(|p| p.value),
            running: status.is_some_and(Status::is_running),
            failed: status == Some(&Status::Failed),
        }
    }

    /// The lag this sample saw, in seconds.
    pub fn lag_secs(&self) -> Option<f64> {
        self.checkpoint_secs
            .map(|cp| (self.at_ms as f64 / 1000.0 - cp as f64).max(0.0))
    }
}

/// A bounded ring of samples covering the last [`WINDOW_MS`]. (A `Vec`
/// trimmed from the front, not a `VecDeque`: measured smaller in wasm, and
/// the trim moves at most a few thousand small samples once per poll.)
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    samples: Vec<Sample>,
    /// The status of the newest poll that had one.
    status: Option<Status>,
    /// Each change of status this browser saw, oldest first, bounded by
    /// [`MAX_CHANGES`] rather than the window: the chart's range can reach
    /// further back than the samples.
    changes: Vec<(i64, Status)>,
}

/// The most status changes kept.
pub const MAX_CHANGES: usize = 32;

/// Samples pushed in order, as [`History::push`] takes them one by one.
impl FromIterator<Sample> for History {
    fn from_iter<I: IntoIterator<Item = Sample>>(samples: I) -> Self {
        let mut history = History::default();
        samples.into_iter().for_each(|s| history.push(s));
        history
    }
}

impl History {
    /// Adds a sample; drops what fell out of the window or over the cap.
    /// A sample older than the newest (a clock correction) starts afresh.
    pub fn push(&mut self, sample: Sample) {
        if self
            .samples
            .last()
            .is_some_and(|last| sample.at_ms < last.at_ms)
        {
            self.samples.clear();
        }
        self.samples.push(sample);
        let too_old = self
            .samples
            .iter()
            .take_while(|s| sample.at_ms.saturating_sub(s.at_ms) > WINDOW_MS)
            .count();
        let drop = too_old.max(self.samples.len().saturating_sub(MAX_SAMPLES));
        if drop > 0 {
            self.samples.drain(..drop);
        }
    }

    /// Notes the status a poll at `at_ms` answered; a change from the
    /// one before is kept. The first status seen is no change: the browser
    /// did not see it happen. Changes noted after `at_ms` (the clock was
    /// corrected back since) are dropped; the earlier ones stay, a
    /// correction's seconds off.
    pub fn note_status(&mut self, at_ms: i64, status: &Status) {
        let kept = self.changes.partition_point(|(at, _)| *at <= at_ms);
        self.changes.truncate(kept);
        match &self.status {
            Some(before) if before == status => return,
            Some(_) => self.changes.push((at_ms, status.clone())),
            None => {}
        }
        self.status = Some(status.clone());
        let over = self.changes.len().saturating_sub(MAX_CHANGES);
        self.changes.drain(..over);
    }

    /// The status changes seen (ms, the new status), oldest first.
    pub fn status_changes(&self) -> &[(i64, Status)] {
        &self.changes
    }

    /// How many samples are kept.
    pub fn len(&self) -> usize {
        self.samples.len()
    }

    /// Whether no sample is kept.
    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    /// The samples, oldest first.
    pub fn samples(&self) -> impl DoubleEndedIterator<Item = &Sample> + '_ {
        self.samples.iter()
    }

    /// The newest sample.
    pub fn latest(&self) -> Option<&Sample> {
        self.samples.last()
    }

    /// The (time, lag) points of the lag line, oldest first.
    pub fn lag_points(&self) -> Vec<(i64, f64)> {
        self.points_since(i64::MIN, Sample::lag_secs)
    }

    /// (time, value) of the samples from `start_ms` on that have a value.
    fn points_since(&self, start_ms: i64, value: fn(&Sample) -> Option<f64>) -> Vec<(i64, f64)> {
        self.samples
            .iter()
            .filter(|s| s.at_ms >= start_ms)
            .filter_map(|s| Some((s.at_ms, value(s)?)))
            .collect()
    }
}

/// A straight line fitted robustly: `value = level + slope × (t − t_last)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// Change per second.
    pub slope: f64,
    /// The fitted value at the last point.
    pub level: f64,
    /// Seconds between the first and the last point.
    pub span_secs: f64,
}

/// Theil–Sen: the median of the slopes between every pair of points, and
/// the median intercept. Chosen over least squares because the lag is a
/// sawtooth (OMS samples its checkpoint about every 10 s) with jumps, and
/// Theil–Sen ignores up to 29 % of wild points; over two samples, because
/// one late answer must not flip the trend. `points` are (ms, value),
/// oldest first; at most [`MAX_POINTS`] are read, spread evenly.
pub fn theil_sen(points: &[(i64, f64)]) -> Option<Line> {
    let (&(first_ms, _), &(last_ms, _)) = (points.first()?, points.last()?);
    let step = points.len().div_ceil(MAX_POINTS).max(1);
    // Always include the last point: the level is read there.
    let mut chosen: Vec<(f64, f64)> = points
        .iter()
        .rev()
        .step_by(step)
        .map(|&(ms, v)| ((ms - last_ms) as f64 / 1000.0, v))
        .collect();
    chosen.reverse();
    let mut slopes = Vec::with_capacity(chosen.len() * chosen.len() / 2);
    for (i, &(xi, yi)) in chosen.iter().enumerate() {
        for &(xj, yj) in &chosen[i + 1..] {
            if xj > xi {
                slopes.push((yj - yi) / (xj - xi));
            }
        }
    }
    let slope = median(&mut slopes)?;
    let mut levels: Vec<f64> = chosen.iter().map(|&(x, y)| y - slope * x).collect();
    Some(Line {
        slope,
        level: median(&mut levels)?,
        span_secs: (last_ms - first_ms) as f64 / 1000.0,
    })
}

/// The median by quickselect: linear on average, and far less wasm than a
/// generic sort. Values are finite (slopes of distinct times, lags).
pub(super) fn median(values: &mut [f64]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let upper = select(values, n / 2);
    Some(if n % 2 == 0 {
        // After the select, the lower half holds the smaller values.
        let lower = values[..n / 2].iter().copied().fold(f64::MIN, f64::max);
        (lower + upper) / 2.0
    } else {
        upper
    })
}

/// The `k`-th smallest value; reorders `v` so that smaller values come first.
fn select(v: &mut [f64], k: usize) -> f64 {
    let (mut lo, mut hi) = (0, v.len() - 1);
    while lo < hi {
        // Hoare's partition around the middle value.
        let pivot = v[lo + (hi - lo) / 2];
        let (mut i, mut j) = (lo, hi);
        loop {
            while v[i] < pivot {
                i += 1;
            }
            while v[j] > pivot {
                j -= 1;
            }
            if i >= j {
                break;
            }
            v.swap(i, j);
            i += 1;
            j -= 1;
        }
        if k <= j {
            hi = j;
        } else {
            lo = j + 1;
        }
    }
    v[k]
}

/// Which way the lag is going.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    /// The lag falls.
    CatchingUp,
    /// The lag grows.
    FallingBehind,
    /// The lag holds.
    Steady,
}

impl Trend {
    /// The value of `data-trend`.
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::CatchingUp => "catching-up",
            Trend::FallingBehind => "falling-behind",
            Trend::Steady => "steady",
        }
    }
}

/// Why a project is marked stuck.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StuckOn {
    /// RUNNING, and the incremental checkpoint has not moved.
    Checkpoint,
    /// RUNNING, and the full-data progress has not moved.
    FullProgress,
}

impl StuckOn {
    /// The value of `data-stuck`.
    pub fn as_str(self) -> &'static str {
        match self {
            StuckOn::Checkpoint => "checkpoint",
            StuckOn::FullProgress => "full-progress",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// Something that has not moved for too long.
pub struct Stuck {
    /// What stopped moving.
    pub on: StuckOn,
    /// When the value was first seen as it still is (at the latest: the
    /// history reaches no further back).
    pub since_ms: i64,
}

/// A FAILED spell that ended in RUNNING again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// When the failure was first seen (OMS's clock, ms).
    pub failed_at_ms: i64,
    /// When it was seen running again (OMS's clock, ms).
    pub recovered_at_ms: i64,
}

/// When the stuck mark is given.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StuckRules {
    /// The poll interval, in ms.
    pub interval_ms: i64,
    /// A checkpoint unchanged for this long (and for at least two
    /// intervals, so two polls saw it) is stuck. OMS samples the checkpoint
    /// about every 10 s, so a minute unchanged is already unusual.
    pub after_ms: i64,
}

/// What the history says, ready to draw; each part only when it is honest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outlook {
    /// `None` without enough samples, without a lag, or when not running.
    pub trend: Option<Trend>,
    /// Seconds until the lag is below the warn threshold (catching up only).
    pub catch_up_secs: Option<u64>,
    /// Seconds until the full-data stage reaches 100 %.
    pub full_done_secs: Option<u64>,
    /// What stopped moving, if anything.
    pub stuck: Option<Stuck>,
    /// A failure that recovered, if one did.
    pub recovered: Option<Recovery>,
}

/// OMS's own points reach at most this far back for a trend or an ETA.
pub const TREND_REACH_MS: i64 = 60 * 60 * 1000;

/// Reads the history under the lag thresholds and the stuck rules.
pub fn outlook(history: &History, lag: LagThresholds, rules: StuckRules) -> Outlook {
    outlook_with(history, &[], lag, rules)
}

/// Like [`outlook`], with OMS's own lag points (ms, seconds; oldest first)
/// before the browser's samples, so that a trend and a catch-up ETA come
/// from the first answer. OMS's points count only while every sample the
/// browser kept is of one running spell: they say nothing of a restart.
pub fn outlook_with(
    history: &History,
    oms_lag: &[(i64, f64)],
    lag: LagThresholds,
    rules: StuckRules,
) -> Outlook {
    let Some(latest) = history.latest().copied() else {
        return Outlook::default();
    };
    let mut out = Outlook {
        recovered: recovery(history),
        ..Outlook::default()
    };
    if !latest.running {
        return out;
    }
    out.stuck = stuck(history, &latest, rules);
    // Only the current running spell counts for rates.
    let spell_start = history
        .samples()
        .rev()
        .take_while(|s| s.running)
        .last()
        .map_or(latest.at_ms, |s| s.at_ms);
    let mut lag_points = history.points_since(spell_start, Sample::lag_secs);
    if history
        .samples()
        .next()
        .is_some_and(|s| s.at_ms == spell_start)
    {
        lag_points = super::oms_history::joined(
            oms_lag,
            &lag_points,
            latest.at_ms.saturating_sub(TREND_REACH_MS),
        );
    }
    if let Some(line) = fitted(&lag_points) {
        let mut lags: Vec<f64> = lag_points.iter().map(|p| p.1).collect();
        let typical = median(&mut lags).unwrap_or(0.0);
        // Below this change over the window the lag is noise (its sawtooth).
        let floor = (0.1 * typical).max(15.0);
        let change = line.slope * line.span_secs;
        let trend = if change < -floor {
            Trend::CatchingUp
        } else if change > floor {
            Trend::FallingBehind
        } else {
            Trend::Steady
        };
        out.trend = Some(trend);
        let above = line.level - lag.warn_secs as f64;
        if trend == Trend::CatchingUp && above > 0.0 {
            out.catch_up_secs = Some((above / -line.slope).round() as u64);
        }
    }
    if latest.full_progress.is_some_and(|p| p < 100) {
        let full_points = history.points_since(spell_start, |s| s.full_progress.map(f64::from));
        if let Some(line) = fitted(&full_points) {
            // At least one point of progress over the window: a rate, not noise.
            if line.slope * line.span_secs >= 1.0 {
                let left = (100.0 - line.level).max(0.0);
                out.full_done_secs = Some((left / line.slope).round() as u64);
            }
        }
    }
    out
}

/// A line, when the points are enough to be believed.
fn fitted(points: &[(i64, f64)]) -> Option<Line> {
    let span = points.last()?.0 - points.first()?.0;
    if points.len() < MIN_SAMPLES || span < MIN_SPAN_MS {
        return None;
    }
    theil_sen(points).filter(|l| l.slope.is_finite() && l.level.is_finite())
}

fn stuck(history: &History, latest: &Sample, rules: StuckRules) -> Option<Stuck> {
    // The oldest sample of the trailing run with the latest's value.
    let unchanged_since = |same: &dyn Fn(&Sample) -> bool| {
        history
            .samples()
            .rev()
            .take_while(|s| s.running && same(s))
            .last()
            .map(|s| s.at_ms)
    };
    if let Some(cp) = latest.checkpoint_secs {
        let since = unchanged_since(&|s| s.checkpoint_secs == Some(cp))?;
        let limit = rules.after_ms.max(2 * rules.interval_ms);
        return (latest.at_ms - since >= limit).then_some(Stuck {
            on: StuckOn::Checkpoint,
            since_ms: since,
        });
    }
    let full = latest.full_progress.filter(|p| *p < 100)?;
    let since = unchanged_since(&|s| s.full_progress == Some(full))?;
    (latest.at_ms - since >= FULL_STUCK_MS).then_some(Stuck {
        on: StuckOn::FullProgress,
        since_ms: since,
    })
}

/// The latest FAILED spell, if a RUNNING sample followed it within
/// [`RECOVERY_MS`] and the project is running now.
fn recovery(history: &History) -> Option<Recovery> {
    let latest = history.latest()?;
    if !latest.running {
        return None;
    }
    let recovered_at = history
        .samples()
        .rev()
        .take_while(|s| !s.failed)
        .last()?
        .at_ms;
    let failed_at = history
        .samples()
        .rev()
        .skip_while(|s| !s.failed)
        .take_while(|s| s.failed)
        .last()?
        .at_ms;
    (recovered_at - failed_at <= RECOVERY_MS).then_some(Recovery {
        failed_at_ms: failed_at,
        recovered_at_ms: recovered_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: StuckRules = StuckRules {
        interval_ms: 5_000,
        after_ms: 60_000,
    };

    /// A running sample at `t` seconds with the given lag.
    fn at(t: i64, lag: i64) -> Sample {
        Sample {
            at_ms: 1_700_000_000_000 + t * 1000,
            checkpoint_secs: Some(1_700_000_000 + t - lag),
            full_progress: Some(100),
            running: true,
            failed: false,
        }
    }

    fn history(samples: impl IntoIterator<Item = Sample>) -> History {
        samples.into_iter().collect()
    }

    /// A small deterministic noise in −1..1 (no randomness in tests).
    fn noise(i: i64) -> f64 {
        ((i * 7919 % 200) as f64 / 100.0) - 1.0
    }

    #[test]
    fn theil_sen_finds_the_slope_through_outliers() {
        let mut points: Vec<(i64, f64)> = (0..60)
            .map(|i| (i * 5_000, 300.0 - 2.0 * 5.0 * i as f64))
            .collect();
        // Ten wild points (a quarter of a sawtooth spike each).
        for i in (3..60).step_by(6) {
            points[i].1 += 500.0;
        }
        let line = theil_sen(&points).unwrap();
        assert!((line.slope + 2.0).abs() < 0.01, "{line:?}");
        assert!((line.level - (300.0 - 590.0)).abs() < 1.0, "{line:?}");
        assert_eq!(line.span_secs, 295.0);
    }

    #[test]
    fn a_falling_lag_is_catching_up_with_an_eta_to_the_warn_line() {
        // 180 s behind, falling 1 s per second of a 10 s sawtooth.
        let h = history((0..40).map(|i| at(i * 5, 180 - i * 5 + (i % 2) * 8)));
        let o = outlook(&h, LagThresholds::default(), RULES);
        assert_eq!(o.trend, Some(Trend::CatchingUp));
        // Fitted lag now ≈ 180 − 195 + 4 = −11… well below warn: no ETA.
        assert_eq!(o.catch_up_secs, None);
        let h = history((0..20).map(|i| at(i * 5, 600 - i * 5)));
        let o = outlook(&h, LagThresholds::default(), RULES);
        assert_eq!(o.trend, Some(Trend::CatchingUp));
        // Lag now 505, warn 25, falling 1 s/s: 480 s.
        assert_eq!(o.catch_up_secs, Some(480));
    }

    #[test]
    fn a_rising_lag_is_falling_behind_and_a_noisy_flat_one_is_steady() {
        let rising = history((0..30).map(|i| at(i * 5, 30 + i * 3)));
        assert_eq!(
            outlook(&rising, LagThresholds::default(), RULES).trend,
            Some(Trend::FallingBehind)
        );
        let flat = history((0..120).map(|i| at(i * 5, 12 + (noise(i) * 9.0) as i64)));
        let o = outlook(&flat, LagThresholds::default(), RULES);
        assert_eq!(o.trend, Some(Trend::Steady));
        assert_eq!(o.catch_up_secs, None);
    }

    #[test]
    fn no_trend_from_too_few_samples_too_short_a_span_or_a_project_not_running() {
        let few = history((0..5).map(|i| at(i * 20, 300 - i * 20)));
        assert_eq!(
            outlook(&few, LagThresholds::default(), RULES),
            Outlook::default()
        );
        let short = history((0..30).map(|i| at(i * 2, 300 - i * 2)));
        assert_eq!(outlook(&short, LagThresholds::default(), RULES).trend, None);
        let paused = history((0..30).map(|i| Sample {
            running: false,
            ..at(i * 5, 300 - i * 5)
        }));
        assert_eq!(
            outlook(&paused, LagThresholds::default(), RULES),
            Outlook::default()
        );
    }

    #[test]
    fn a_lag_rising_for_minutes_after_a_flat_hour_is_falling_behind() {
        // OMS's hour: 40 s every 5.5 min; then the browser's samples every
        // 10 s for 2 min, the lag rising 0.5 s a second (40 -> 95 s): the
        // newest samples outnumber OMS's flat points in the line's pairs.
        let oms: Vec<(i64, f64)> = (1..=11)
            .rev()
            .map(|i| (at(-i * 330, 0).at_ms, 40.0))
            .collect();
        let h = history((0..12).map(|i| at(i * 10, 40 + i * 5)));
        let o = outlook_with(&h, &oms, LagThresholds::default(), RULES);
        assert_eq!(o.trend, Some(Trend::FallingBehind));
    }

    #[test]
    fn a_step_change_resets_nothing_but_the_trend_follows_the_majority() {
        // Steady at 10 s for 10 min, then a jump to 200 s for the last minute.
        let h = history((0..132).map(|i| at(i * 5, if i < 120 { 10 } else { 200 })));
        let o = outlook(&h, LagThresholds::default(), RULES);
        assert_eq!(
            o.trend,
            Some(Trend::Steady),
            "one minute of 11 is not a trend"
        );
    }

    #[test]
    fn the_full_stage_eta_comes_from_its_rate() {
        let h = history((0..30).map(|i| Sample {
            checkpoint_secs: None,
            full_progress: Some((10 + i) as u8),
            ..at(i * 10, 0)
        }));
        let o = outlook(&h, LagThresholds::default(), RULES);
        // 1 % every 10 s, at 39 %: 610 s.
        assert_eq!(o.full_done_secs, Some(610));
        assert_eq!(o.trend, None, "no lag without a checkpoint");
        let flat = history((0..30).map(|i| Sample {
            checkpoint_secs: None,
            full_progress: Some(40),
            ..at(i * 10, 0)
        }));
        assert_eq!(
            outlook(&flat, LagThresholds::default(), RULES).full_done_secs,
            None
        );
    }

    #[test]
    fn a_running_project_whose_checkpoint_does_not_move_is_stuck_and_clears_by_itself() {
        let frozen = |i: i64| Sample {
            checkpoint_secs: Some(1_700_000_000),
            ..at(i * 5, 0)
        };
        // 55 s unchanged: not yet.
        let mut h = history((0..12).map(frozen));
        assert_eq!(outlook(&h, LagThresholds::default(), RULES).stuck, None);
        h.push(frozen(12));
        let stuck = outlook(&h, LagThresholds::default(), RULES).stuck.unwrap();
        assert_eq!(
            (stuck.on, stuck.since_ms),
            (StuckOn::Checkpoint, 1_700_000_000_000)
        );
        h.push(at(65, 3));
        assert_eq!(outlook(&h, LagThresholds::default(), RULES).stuck, None);
        // Never stuck while not running.
        let paused = history((0..30).map(|i| Sample {
            running: false,
            ..frozen(i)
        }));
        assert_eq!(
            outlook(&paused, LagThresholds::default(), RULES).stuck,
            None
        );
    }

    #[test]
    fn a_full_stage_without_progress_for_ten_minutes_is_stuck() {
        let h = history((0..=120).map(|i| Sample {
            checkpoint_secs: None,
            full_progress: Some(42),
            ..at(i * 5, 0)
        }));
        let stuck = outlook(&h, LagThresholds::default(), RULES).stuck.unwrap();
        assert_eq!(stuck.on, StuckOn::FullProgress);
    }

    #[test]
    fn a_brief_failure_that_runs_again_is_a_recovery_and_a_long_one_is_not() {
        let failed = |i: i64| Sample {
            running: false,
            failed: true,
            ..at(i * 5, 5)
        };
        let h = history(
            (0..10)
                .map(|i| at(i * 5, 5))
                .chain((10..18).map(failed))
                .chain((18..20).map(|i| at(i * 5, 5))),
        );
        let r = outlook(&h, LagThresholds::default(), RULES)
            .recovered
            .unwrap();
        assert_eq!(r.recovered_at_ms - r.failed_at_ms, 40_000);
        let long = history((0..100).map(failed).chain((100..102).map(|i| at(i * 5, 5))));
        assert_eq!(
            outlook(&long, LagThresholds::default(), RULES).recovered,
            None
        );
        let still_failed = history((0..10).map(|i| at(i * 5, 5)).chain((10..12).map(failed)));
        assert_eq!(
            outlook(&still_failed, LagThresholds::default(), RULES).recovered,
            None
        );
    }

    #[test]
    fn omss_own_points_give_a_trend_and_an_eta_from_the_first_sample() {
        // OMS: an hour falling from 1,800 s to 300 s, a point every 6 min.
        let oms: Vec<(i64, f64)> = (0..10)
            .map(|i| {
                (
                    1_700_000_000_000 - (10 - i) * 360_000,
                    1800.0 - 150.0 * i as f64,
                )
            })
            .collect();
        let h = history([at(0, 300)]);
        assert_eq!(outlook(&h, LagThresholds::default(), RULES).trend, None);
        let o = outlook_with(&h, &oms, LagThresholds::default(), RULES);
        assert_eq!(o.trend, Some(Trend::CatchingUp));
        // Falling 150 s every 6 min (0.42 s/s) from 300 s to the warn line (25 s).
        let eta = o.catch_up_secs.unwrap();
        assert!((600..=720).contains(&eta), "{eta}");
        // A restart seen by the browser: OMS's older points say nothing of it.
        let restarted = history([
            Sample {
                running: false,
                ..at(0, 300)
            },
            at(5, 300),
        ]);
        assert_eq!(
            outlook_with(&restarted, &oms, LagThresholds::default(), RULES).trend,
            None
        );
    }

    #[test]
    fn the_median_by_quickselect_is_the_sorted_median() {
        for n in 1..60 {
            for seed in 0..20 {
                let mut values: Vec<f64> = (0..n)
                    .map(|i| ((i * 7919 + seed * 104_729) % 97) as f64 - 40.0)
                    .collect();
                let mut sorted = values.clone();
                sorted.sort_by(f64::total_cmp);
                let expected = if n % 2 == 0 {
                    (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
                } else {
                    sorted[n / 2]
                };
                assert_eq!(median(&mut values), Some(expected), "n={n} seed={seed}");
            }
        }
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn memory_is_bounded_by_the_window_and_the_cap() {
        let mut h = History::default();
        for i in 0..10_000 {
            h.push(at(i, 5));
        }
        assert_eq!(h.len(), 1_801, "30 minutes at 1 s");
        let mut burst = History::default();
        for i in 0..5_000 {
            burst.push(Sample {
                at_ms: 1_700_000_000_000 + i * 10,
                ..at(0, 5)
            });
        }
        assert_eq!(burst.len(), MAX_SAMPLES);
        // A clock jump backwards starts afresh instead of mixing clocks.
        h.push(at(-100, 5));
        assert_eq!(h.len(), 1);
        // Times far apart drop the old sample, never overflow.
        let mut far = History::default();
        for at_ms in [i64::MIN, i64::MAX] {
            far.push(Sample { at_ms, ..at(0, 5) });
        }
        assert_eq!(far.len(), 1);
    }

    #[test]
    fn the_browser_notes_only_the_status_changes_it_saw() {
        let t0 = 1_700_000_000_000;
        let mut history = History::default();
        history.note_status(t0, &Status::Running);
        history.note_status(t0 + 5_000, &Status::Running);
        history.note_status(t0 + 10_000, &Status::Failed);
        history.note_status(t0 + 15_000, &Status::Running);
        assert_eq!(
            history.status_changes(),
            [
                (t0 + 10_000, Status::Failed),
                (t0 + 15_000, Status::Running)
            ],
            "the first status seen is no change, an unchanged one none either"
        );
        for i in 0..100 {
            let status = [Status::Failed, Status::Running][i as usize % 2].clone();
            history.note_status(t0 + 20_000 + i * 1_000, &status);
        }
        assert_eq!(history.status_changes().len(), MAX_CHANGES);
        // The clock corrected back by 18.5 s: the changes noted since go.
        history.note_status(t0 + 100_500, &Status::Suspend);
        let changes = history.status_changes();
        assert_eq!(changes.len(), 14, "{changes:?}");
        assert_eq!(
            changes[12..],
            [
                (t0 + 100_000, Status::Failed),
                (t0 + 100_500, Status::Suspend)
            ]
        );
        assert!(changes.windows(2).all(|w| w[0].0 <= w[1].0));
    }
}
