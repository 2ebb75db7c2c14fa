//! The lag budget as the history panel shows it: its figures as the DOM
//! writes them and the sentence made from the same figures, so the two
//! always agree.

use super::checkpoint::LagThresholds;
use super::lag_budget::{percent_text, tenths_of, Budget};
use crate::i18n::{self, BudgetWords, Lang};

/// The lag budget's line (`[data-field=lag-budget]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetView {
    /// `data-within-pct`: the share of the judged time within `lag-warn`,
    /// one decimal.
    pub within_pct: String,
    /// `data-above-critical-seconds`: judged time above `lag-critical`
    /// (rounded up: any time above is at least a second).
    pub above_critical_secs: u64,
    /// `data-worst-seconds`: the worst lag judged (rounded up, like the
    /// time above, so a lag just over `lag-critical` never reads as it).
    pub worst_secs: u64,
    /// `data-coverage-pct`: the share of the range judged, one decimal.
    pub coverage_pct: String,
    /// The sentence.
    pub text: String,
}

/// The line of `budget` under `lag`, in `lang`; `time` writes a unix time
/// for people, as the panel's other times are written.
pub fn budget_view(
    budget: &Budget,
    lag: LagThresholds,
    lang: Lang,
    time: &dyn Fn(i64) -> String,
) -> BudgetView {
    let within = tenths_of(budget.within_ms, budget.judged_ms);
    let covered = tenths_of(budget.judged_ms, budget.range_ms);
    let (within_pct, coverage_pct) = (percent_text(within), percent_text(covered));
    let above_critical_secs = (budget.above_critical_ms.max(0) as u64).div_ceil(1000);
    let worst_secs = budget.worst_secs.ceil() as u64;
    let above = (above_critical_secs > 0).then(|| i18n::rough_duration(lang, above_critical_secs));
    let text = i18n::lag_budget(
        lang,
        BudgetWords {
            warn: &i18n::rough_duration(lang, lag.warn_secs),
            critical: &i18n::rough_duration(lang, lag.critical_secs),
            within_pct: &within_pct,
            range: &i18n::span(lang, (budget.range_ms.max(0) / 1000) as u64),
            coverage_pct: (covered < 1000).then_some(coverage_pct.as_str()),
            above: above.as_deref(),
            worst: &i18n::rough_duration(lang, worst_secs),
            worst_at: &time(budget.worst_at_ms.div_euclid(1000)),
        },
    );
    BudgetView {
        within_pct,
        above_critical_secs,
        worst_secs,
        coverage_pct,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::utc_time;

    const MIN: i64 = 60_000;

    fn day(judged_ms: i64, within_ms: i64, above_ms: i64, worst: f64) -> Budget {
        Budget {
            range_ms: 1440 * MIN,
            judged_ms,
            within_ms,
            above_critical_ms: above_ms,
            worst_secs: worst,
            worst_at_ms: 1_700_000_000_000,
        }
    }

    #[test]
    fn the_sentence_and_the_figures_come_from_the_same_rounding() {
        let b = day(1440 * MIN, 1408 * MIN, 12 * MIN, 843.2);
        let v = budget_view(&b, LagThresholds::default(), Lang::En, &utc_time);
        assert_eq!(
            (v.within_pct.as_str(), v.above_critical_secs, v.worst_secs),
            ("97.8", 720, 844)
        );
        assert_eq!(v.coverage_pct, "100.0");
        assert_eq!(
            v.text,
            "Within 25 s for 97.8 % of the last 24 h · above 5 min for 12 min · \
             worst 14 min 4 s at 2023-11-14 22:13:20 UTC"
        );
        let v = budget_view(&b, LagThresholds::default(), Lang::ZhCn, &utc_time);
        assert_eq!(
            v.text,
            "过去 24 小时内 97.8 % 的时间延迟不超过 25 秒 · 超过 5 分的时间共 12 分 · \
             最大延迟 14 分 4 秒，于 2023-11-14 22:13:20 UTC"
        );
    }

    #[test]
    fn a_range_not_covered_says_so_and_the_share_is_of_the_time_with_data() {
        // 864 of 1,440 min judged, all within but a moment.
        let b = day(864 * MIN, 864 * MIN - 1, 0, 26.0);
        let v = budget_view(&b, LagThresholds::default(), Lang::En, &utc_time);
        assert_eq!(
            (v.within_pct.as_str(), v.coverage_pct.as_str()),
            ("99.9", "60.0")
        );
        assert!(
            v.text.starts_with(
                "Within 25 s for 99.9 % of the time with data (60.0 % of the last 24 h) · never above 5 min"
            ),
            "{}",
            v.text
        );
        let v = budget_view(&b, LagThresholds::default(), Lang::ZhCn, &utc_time);
        assert!(
            v.text.starts_with(
                "有数据的时间（占过去 24 小时的 60.0 %）内 99.9 % 的时间延迟不超过 25 秒 · 从未超过 5 分"
            ),
            "{}",
            v.text
        );
        // A moment above critical is a second, never "0 s", and the worst
        // lag just above it never reads as the threshold.
        let b = day(1440 * MIN, 0, 1, 300.01);
        let v = budget_view(&b, LagThresholds::default(), Lang::En, &utc_time);
        assert_eq!((v.above_critical_secs, v.worst_secs), (1, 301));
        assert_eq!(v.within_pct, "0.0");
    }
}
