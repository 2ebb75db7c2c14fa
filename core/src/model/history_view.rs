//! The history as the card draws it: the sparkline's geometry, the trend,
//! the ETAs and the stuck and recovered notes, as plain data and text.
//! Values are rounded to what they can honestly claim, which also keeps an
//! unchanged poll from rewriting them.

use super::chart_axis::{Axis, SPARK_HEIGHT};
use super::chart_marks::{chart_marks, Mark};
use super::checkpoint::LagThresholds;
use super::history::{History, Outlook, StuckOn, Trend, WINDOW_MS};
use super::lag_budget::lag_budget;
use super::lag_budget_view::{budget_view, BudgetView};
use super::oms_history::{joined, source_of, throughput, HistorySource, OmsSeries, Range};
use crate::i18n::{self, Lang, Msg};
use crate::wire::WireStep;

/// The lag sparkline: integer points, so the same data draws the same text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spark {
    /// `points` of the `<polyline>`: "x,y x,y …", worst lag of each 15 s.
    pub points: String,
    /// Heights of the threshold lines, when they fall inside the chart.
    pub warn_y: Option<i64>,
    /// Where the critical threshold's line is, when within the chart.
    pub critical_y: Option<i64>,
    /// The text equivalent, for screen readers and the tooltip.
    pub summary: String,
    /// What it draws: which lag, over how long, its scale.
    pub caption: String,
    /// How many points it draws (one a bucket): it moves when a bucket
    /// is added, not with every poll, so an unchanged poll redraws nothing.
    pub count: usize,
}

/// What the chart is drawn from, besides the browser's samples.
#[derive(Clone, Copy, Debug, Default)]
pub struct ChartInput<'a> {
    /// OMS's own series, when it sent them.
    pub oms: Option<&'a OmsSeries>,
    /// OMS answered that it keeps no history the widget can read.
    pub lacking: bool,
    /// The plan's steps (OMS 4.x), for the marks of what happened when.
    pub steps: &'a [WireStep],
}

/// An estimate shown as "about …": its rounded seconds and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// Seconds left, rounded to what the estimate can claim.
    pub secs: u64,
    /// The estimate as text.
    pub text: String,
}

/// Everything the history part of the card shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryView {
    /// The lag sparkline, once there are points to draw.
    pub spark: Option<Spark>,
    /// How the lag moves.
    pub trend: Option<Trend>,
    /// When the lag should be caught up.
    pub catch_up: Option<Estimate>,
    /// When the full data stage should end.
    pub full_done: Option<Estimate>,
    /// Why it is stuck, and the note.
    pub stuck: Option<(StuckOn, String)>,
    /// Since when it is stuck (OMS's clock, ms).
    pub stuck_since_ms: Option<i64>,
    /// The recovery note, as text.
    pub recovered: Option<String>,
    /// When the project recovered (OMS's clock, ms).
    pub recovered_at_ms: Option<i64>,
    /// The clock correction applied to the lag (ms) and its note.
    pub clock: Option<(i64, String)>,
    /// Where the chart's points come from.
    pub source: Option<HistorySource>,
    /// The range shown, once OMS's history makes a choice possible.
    pub range: Option<Range>,
    /// Why the chart has only the browser's samples (its tooltip).
    pub note: Option<String>,
    /// The incremental step's rows a second, now (rounded), and as text.
    pub throughput: Option<(i64, String)>,
    /// The full-data step's rows a second while it runs, and as text.
    pub full_throughput: Option<(i64, String)>,
    /// The forward lag's budget over the chart's range.
    pub budget: Option<BudgetView>,
    /// What happened when, on the chart (with it only).
    pub marks: Vec<Mark>,
}

/// The history part of the card for `outlook`, read from `history`, with
/// the clock correction the lag carries (OMS's clock minus the browser's);
/// `time` writes a unix time for people (the browser's local time in the
/// widget, [`crate::model::utc_time`] in tests).
pub fn history_view(
    history: &History,
    outlook: &Outlook,
    lag: LagThresholds,
    lang: Lang,
    clock_offset_ms: Option<i64>,
    time: &dyn Fn(i64) -> String,
) -> HistoryView {
    history_view_with(
        history,
        outlook,
        ChartInput::default(),
        lag,
        lang,
        clock_offset_ms,
        time,
    )
}

/// Like [`history_view`], with OMS's own series and the chosen range.
pub fn history_view_with(
    history: &History,
    outlook: &Outlook,
    chart: ChartInput,
    lag: LagThresholds,
    lang: Lang,
    clock_offset_ms: Option<i64>,
    time: &dyn Fn(i64) -> String,
) -> HistoryView {
    let estimate = |secs: u64, done: fn(Lang, &str) -> String| {
        let secs = round_estimate(secs);
        Estimate {
            secs,
            text: done(lang, &i18n::rough_duration(lang, secs)),
        }
    };
    let own = history.lag_points();
    let has_lag = history
        .latest()
        .is_some_and(|s| s.checkpoint_secs.is_some());
    // The range of OMS's answer (the one chosen once its answer came);
    // the browser alone keeps 30 minutes.
    let range_ms = match chart.oms {
        Some(oms) => oms.range.secs() * 1000,
        None => WINDOW_MS,
    };
    let (points, reverse, oms_count, since) = chart_points(&own, chart.oms, range_ms);
    let source = source_of(oms_count, points.len() - oms_count);
    let rates = |series: fn(&OmsSeries) -> &Vec<(i64, f64)>, full: bool| {
        let t = throughput(series(chart.oms?), since)?;
        let text = i18n::throughput(
            lang,
            full,
            &i18n::rows_per_second(lang, t.now.round() as i64),
            &i18n::rows_per_second(lang, t.average.round() as i64),
            &i18n::span(lang, (range_ms / 1000) as u64),
        );
        Some((t.now.round() as i64, text))
    };
    let running_full = history
        .latest()
        .is_some_and(|s| s.running && s.full_progress.is_some_and(|p| p < 100));
    let mut spark = sparkline_of(&points, range_ms, reverse, lag, lang);
    let axis = points
        .last()
        .map(|&(last_ms, _)| Axis { last_ms, range_ms });
    let marks = (spark.as_mut().zip(axis))
        .map(|(spark, axis)| say_marks(spark, chart.steps, history, axis, (lang, time)))
        .unwrap_or_default();
    let throughput = rates(|o| &o.incr_rps, false);
    // The switch only when there is something to draw over a range.
    let range = chart
        .oms
        .filter(|_| spark.is_some() || throughput.is_some())
        .map(|o| o.range);
    let oms_lag = chart.oms.map_or(&[][..], |o| &o.lag[..]);
    let budget =
        lag_budget(oms_lag, history, range_ms, lag).map(|b| budget_view(&b, lag, lang, time));
    HistoryView {
        budget,
        marks,
        spark,
        source,
        range,
        note: match (chart.oms, chart.lacking) {
            (Some(_), _) => None,
            (None, true) => Some(Msg::OmsHistoryMissing.text(lang).to_owned()),
            (None, false) => Some(Msg::BrowserSamplesOnly.text(lang).to_owned()),
        },
        throughput,
        full_throughput: rates(|o| &o.full_rps, true).filter(|_| running_full),
        trend: outlook.trend,
        catch_up: outlook
            .catch_up_secs
            .map(|s| estimate(s, i18n::catch_up_in)),
        full_done: outlook
            .full_done_secs
            .map(|s| estimate(s, i18n::full_done_in)),
        stuck: outlook.stuck.map(|stuck| {
            let since = time(stuck.since_ms.div_euclid(1000));
            (
                stuck.on,
                i18n::stuck_since(lang, stuck.on == StuckOn::Checkpoint, &since),
            )
        }),
        stuck_since_ms: outlook.stuck.map(|s| s.since_ms),
        recovered_at_ms: outlook.recovered.map(|r| r.recovered_at_ms),
        recovered: outlook.recovered.map(|r| {
            let failed_for = (r.recovered_at_ms - r.failed_at_ms).max(0) as u64 / 1000;
            let at = time(r.recovered_at_ms.div_euclid(1000));
            i18n::recovered(lang, &at, &i18n::duration(lang, failed_for))
        }),
        // Said only beside a lag it corrects.
        clock: clock_offset_ms.filter(|_| has_lag).map(|ms| {
            let by = i18n::duration(lang, (ms.unsigned_abs() + 500) / 1000);
            (ms, i18n::clock_corrected(lang, &by, ms > 0))
        }),
    }
}

/// The chart's points over `range_ms` back from the newest data: OMS's
/// forward lag joined with the browser's own (OMS's reverse lag when
/// neither has a forward one); whether they are the reverse lag, how many
/// came from OMS, and where the range starts.
fn chart_points(
    own: &[(i64, f64)],
    oms: Option<&OmsSeries>,
    range_ms: i64,
) -> (Vec<(i64, f64)>, bool, usize, i64) {
    let newest = own
        .last()
        .map(|p| p.0)
        .into_iter()
        .chain(oms.and_then(|o| o.lag.last().or(o.reverse_lag.last()).map(|p| p.0)))
        .max();
    let since = newest.unwrap_or(0).saturating_sub(range_ms);
    let (points, reverse, oms_count) = match oms {
        Some(oms) if oms.lag.is_empty() && own.is_empty() => (
            joined(&oms.reverse_lag, &[], since),
            true,
            oms.reverse_lag.len(),
        ),
        Some(oms) => {
            let points = joined(&oms.lag, own, since);
            let from_oms = points
                .len()
                .saturating_sub(own.iter().filter(|p| p.0 >= since).count());
            (points, false, from_oms)
        }
        None => (joined(&[], own, since), false, 0),
    };
    (points, reverse, oms_count, since)
}

/// The chart's marks on `axis`, their lines added to its text equivalent,
/// each place's in time order (its tooltip's).
fn say_marks(
    spark: &mut Spark,
    steps: &[WireStep],
    history: &History,
    axis: Axis,
    (lang, time): (Lang, &dyn Fn(i64) -> String),
) -> Vec<Mark> {
    let marks = chart_marks(steps, history.status_changes(), axis, lang, time);
    let mut x = None;
    for mark in marks.iter().filter(|m| x.replace(m.x) != Some(m.x)) {
        for line in mark.tooltip.split('\n') {
            spark.summary.push_str(" · ");
            spark.summary.push_str(line);
        }
    }
    marks
}

/// Rounds an estimate to what it can claim: 10 s under two minutes, a
/// minute under an hour, ten minutes beyond.
pub fn round_estimate(secs: u64) -> u64 {
    let unit = match secs {
        0..120 => 10,
        120..3600 => 60,
        _ => 600,
    };
    ((secs + unit / 2) / unit * unit).max(unit)
}

/// The sparkline of the browser's own lag samples over its 30 minutes,
/// right-aligned to the newest; `None` with fewer than two points.
pub fn sparkline(history: &History, lag: LagThresholds, lang: Lang) -> Option<Spark> {
    sparkline_of(&history.lag_points(), WINDOW_MS, false, lag, lang)
}

/// The sparkline of `points` (ms, seconds of lag; oldest first) over
/// `range_ms`, right-aligned to the newest point; `None` with fewer than
/// two points. `reverse`: the points are the reverse incremental lag.
pub fn sparkline_of(
    points: &[(i64, f64)],
    range_ms: i64,
    reverse: bool,
    lag: LagThresholds,
    lang: Lang,
) -> Option<Spark> {
    let (&(first_ms, first_lag), &(last_ms, last_lag)) = (points.first()?, points.last()?);
    if points.len() < 2 {
        return None;
    }
    // The chart's top: above the worst lag, and high enough that the warn line shows.
    let worst = points.iter().map(|p| p.1).fold(0.0, f64::max);
    let top = (worst * 1.1).max(lag.warn_secs as f64 * 1.5).max(1.0);
    let y = |secs: f64| SPARK_HEIGHT - ((secs / top) * SPARK_HEIGHT as f64).round() as i64;
    // The worst lag of each unit (15 s for 30 min), newest at the right edge.
    let axis = Axis { last_ms, range_ms };
    let mut buckets: Vec<(i64, f64)> = Vec::new();
    for &(ms, secs) in points {
        let x = axis.position(ms);
        match buckets.last_mut() {
            Some((bx, worst)) if *bx == x => *worst = worst.max(secs),
            _ => buckets.push((x, secs)),
        }
    }
    let count = buckets.len();
    let mut drawn = String::new();
    for (x, secs) in buckets {
        if !drawn.is_empty() {
            drawn.push(' ');
        }
        drawn.push_str(&format!("{},{}", x.max(0), y(secs)));
    }
    let line = |threshold: u64| Some(threshold as f64).filter(|t| *t <= top).map(y);
    let secs = |v: f64| i18n::duration(lang, v.round() as u64);
    let span = ((last_ms - first_ms).max(0) / 1000) as u64;
    let scale = i18n::rough_duration(lang, round_estimate(top.round() as u64));
    Some(Spark {
        points: drawn,
        warn_y: line(lag.warn_secs),
        critical_y: line(lag.critical_secs),
        summary: i18n::lag_went(
            lang,
            &secs(first_lag),
            &secs(last_lag),
            // Rounded like an estimate, so the text (an aria-label) changes
            // once a minute, not with every poll.
            &i18n::rough_duration(lang, round_estimate(span)),
        ),
        caption: i18n::chart_caption(
            lang,
            reverse,
            &i18n::span(lang, (range_ms / 1000) as u64),
            &scale,
        ),
        count,
    })
}

/// The trend's label.
pub fn trend_label(trend: Trend, lang: Lang) -> &'static str {
    match trend {
        Trend::CatchingUp => Msg::CatchingUp.text(lang),
        Trend::FallingBehind => Msg::FallingBehind.text(lang),
        Trend::Steady => Msg::Steady.text(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::history::{outlook, outlook_with, Sample, StuckRules};
    use crate::model::utc_time;

    const T0: i64 = 1_700_000_000_000;

    fn running(t: i64, lag: i64) -> Sample {
        Sample {
            at_ms: T0 + t * 1000,
            checkpoint_secs: Some(T0 / 1000 + t - lag),
            full_progress: Some(100),
            running: true,
            failed: false,
        }
    }

    fn history(samples: impl IntoIterator<Item = Sample>) -> History {
        samples.into_iter().collect()
    }

    #[test]
    fn the_clock_note_sits_only_beside_a_lag_it_corrects() {
        let time = |secs: i64| utc_time(secs);
        let view = |h: &History| {
            let rules = StuckRules {
                interval_ms: 5_000,
                after_ms: 60_000,
            };
            let out = outlook(h, LagThresholds::default(), rules);
            history_view_with(
                h,
                &out,
                ChartInput::default(),
                LagThresholds::default(),
                Lang::En,
                Some(-5_000),
                &time,
            )
            .clock
        };
        assert!(view(&history([running(0, 3)])).is_some());
        let released = crate::wire::Progress {
            status: Some(crate::wire::Status::Released),
            incr_checkpoint: Some((T0 / 1000 - 3600).to_string()),
            ..crate::wire::Progress::default()
        };
        let sample = Sample::of(&released, T0);
        assert_eq!(
            sample.checkpoint_secs, None,
            "a released project's lag is not judged"
        );
        assert_eq!(view(&history([sample])), None);
        assert_eq!(view(&History::default()), None);
    }

    #[test]
    fn estimates_are_rounded_to_what_they_can_claim() {
        assert_eq!(round_estimate(0), 10);
        assert_eq!(round_estimate(44), 40);
        assert_eq!(round_estimate(479), 480);
        assert_eq!(round_estimate(2_000), 1_980);
        assert_eq!(round_estimate(7_000), 7_200);
    }

    #[test]
    fn the_sparkline_is_integer_right_aligned_and_shows_the_warn_line() {
        let h = history((0..=60).map(|i| running(i * 5, 180 - i * 3)));
        let spark = sparkline(&h, LagThresholds::default(), Lang::En).unwrap();
        let points: Vec<&str> = spark.points.split(' ').collect();
        // 300 s over 15 s buckets: 21 points, the last at the right edge.
        assert_eq!(points.len(), 21);
        assert_eq!(
            points.last().map(|p| p.split(',').next()),
            Some(Some("120"))
        );
        assert_eq!(
            points.first().map(|p| p.split(',').next()),
            Some(Some("100"))
        );
        // Top = 198 s: warn (25 s) inside, critical (300 s) outside.
        assert_eq!((spark.warn_y, spark.critical_y), (Some(21), None));
        assert_eq!(spark.summary, "lag went from 3 min 0 s to 0 s over 5 min");
        // The same data draws the same text.
        assert_eq!(
            sparkline(&h, LagThresholds::default(), Lang::En),
            Some(spark)
        );
    }

    #[test]
    fn no_sparkline_from_one_point_and_none_without_a_time_checkpoint() {
        assert_eq!(
            sparkline(
                &history([running(0, 5)]),
                LagThresholds::default(),
                Lang::En
            ),
            None
        );
        let raw = history((0..10).map(|i| Sample {
            checkpoint_secs: None,
            ..running(i, 0)
        }));
        assert_eq!(sparkline(&raw, LagThresholds::default(), Lang::En), None);
    }

    #[test]
    fn the_view_says_catching_up_with_an_about_eta_and_stuck_with_since_when() {
        let lag = LagThresholds::default();
        let rules = StuckRules {
            interval_ms: 5_000,
            after_ms: 60_000,
        };
        let h = history((0..20).map(|i| running(i * 5, 600 - i * 5)));
        let v = history_view(&h, &outlook(&h, lag, rules), lag, Lang::En, None, &utc_time);
        assert_eq!(v.trend, Some(Trend::CatchingUp));
        assert_eq!(
            v.catch_up,
            Some(Estimate {
                secs: 480,
                text: "caught up in about 8 min".into()
            })
        );
        let frozen = history((0..20).map(|i| Sample {
            checkpoint_secs: Some(T0 / 1000),
            ..running(i * 5, 0)
        }));
        let v = history_view(
            &frozen,
            &outlook(&frozen, lag, rules),
            lag,
            Lang::ZhCn,
            Some(-120_400),
            &utc_time,
        );
        let (on, note) = v.stuck.unwrap();
        assert_eq!(on, StuckOn::Checkpoint);
        assert!(note.contains("2023-11-14 22:13:20"), "{note}");
        assert_eq!(
            v.clock,
            Some((
                -120_400,
                "OMS 时钟比本浏览器慢 2 分 0 秒，延迟已校正".into()
            ))
        );
    }

    #[test]
    fn omss_history_fills_the_chart_at_open_with_its_source_range_and_throughput() {
        let lag = LagThresholds::default();
        let rules = StuckRules {
            interval_ms: 5_000,
            after_ms: 60_000,
        };
        let h = history([running(0, 300)]);
        let oms = OmsSeries {
            range: Range::Hour,
            lag: (0..10)
                .map(|i| (T0 - (10 - i) * 360_000, 1800.0 - 150.0 * i as f64))
                .collect(),
            incr_rps: vec![(T0 - 700_000, 900.0), (T0 - 100_000, 1_300.4)],
            ..OmsSeries::default()
        };
        let chart = ChartInput {
            oms: Some(&oms),
            ..ChartInput::default()
        };
        let o = outlook_with(&h, &oms.lag, lag, rules);
        let v = history_view_with(&h, &o, chart, lag, Lang::En, None, &utc_time);
        let spark = v.spark.unwrap();
        assert_eq!(
            (v.source, v.range, spark.count),
            (Some(HistorySource::Both), Some(Range::Hour), 11)
        );
        assert_eq!(spark.caption, "Forward lag over 1 h (scale 0–33 min)");
        // An hour over 120 units: the oldest point 60 min back is at x = 0.
        assert!(spark.points.starts_with("0,"), "{}", spark.points);
        assert_eq!(v.trend, Some(Trend::CatchingUp));
        assert!(v.catch_up.is_some());
        assert_eq!(
            v.throughput,
            Some((
                1_300,
                "Incremental: 1,300 rows/s now, 1,100 rows/s on average over 1 h".into()
            ))
        );
        assert_eq!((v.note, v.full_throughput), (None, None));
        // Without OMS's history: the browser's 30 minutes, and the tooltip says why.
        let alone = ChartInput {
            lacking: true,
            ..ChartInput::default()
        };
        let v = history_view_with(&h, &o, alone, lag, Lang::ZhCn, None, &utc_time);
        assert_eq!((v.range, v.spark), (None, None));
        assert!(v.note.unwrap().contains("OMS 4.1"));
    }
}
