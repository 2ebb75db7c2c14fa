//! Full verification as the card shows it: OMS's verdict (consistent only
//! when its total of differing rows is 0, as ODC judges it), the progress,
//! and the tables, those that differ first.

use crate::i18n::{self, Lang};
use crate::wire::{VerifyResult, WireStep, WireVerifyTable};

/// What the verification says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Finished, and OMS counts no row that differs.
    Consistent,
    /// OMS counts this many rows that differ (so far, while it runs).
    Differs(i64),
    /// Still running, no row found to differ yet.
    Running,
    /// OMS sent no total of differing rows.
    Unknown,
}

impl Verdict {
    /// The value of `data-verify`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Differs(_) => "inconsistent",
            Verdict::Running => "running",
            Verdict::Unknown => "unknown",
        }
    }
}

/// One table's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyTableView {
    /// `schema.table`, and `→ schema` when the target schema differs.
    pub name: String,
    /// OMS's result: in English its type as sent with its label
    /// ("INCONSISTENT (不一致)"), in Chinese its label (else its type).
    pub result: String,
    /// `resultType` as sent (`data-result`).
    pub result_type: Option<String>,
    /// Whether OMS called the table consistent.
    pub consistent: bool,
    /// Rows that differ: only in the source, only in the target, mismatched.
    pub differing: i64,
    /// Rows only in the source, only in the target, mismatched,
    /// consistent: grouped digits, or "—" when not sent.
    pub counts: [String; 4],
    /// Its progress, 0–100.
    pub progress: Option<u8>,
}

/// The verification part of the card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyView {
    /// OMS's verdict.
    pub verdict: Verdict,
    /// OMS's total of rows that differ (`data-differing-rows`).
    pub differing_rows: Option<i64>,
    /// Progress, 0–100: the step's, else the tables' mean.
    pub progress: Option<u8>,
    /// The one line: verdict and progress.
    pub line: String,
    /// The tables, those that differ first, each group in OMS's order.
    pub tables: Vec<VerifyTableView>,
    /// "150 of 320 tables read…" when the list is not whole.
    pub partial: Option<String>,
}

/// Whether the plan's step is the full verification.
pub fn is_full_verify_step(step: &WireStep) -> bool {
    step.name.as_deref().is_some_and(|n| {
        let n = n.to_ascii_uppercase();
        n == "FULL_VERIFIER" || n == "FULL_VALIDATION"
    })
}

/// Whether the verification still runs: its step RUNNING below 100 %
/// (OMS leaves a finished one RUNNING at 100 %).
pub fn verify_running(step: &WireStep) -> bool {
    step.status
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("RUNNING"))
        && step.progress.as_ref().is_none_or(|p| p.value < 100)
}

/// Whether the verification is done: FINISHED, or RUNNING at 100 % (as
/// OMS leaves a finished one). Not while it waits, runs, failed or paused.
pub fn verify_done(step: &WireStep) -> bool {
    // Read as `verify_running` reads it (`steps` imports this file).
    let status = step.status.as_deref().unwrap_or("").trim();
    status.eq_ignore_ascii_case("FINISHED")
        || (status.eq_ignore_ascii_case("RUNNING") && !verify_running(step))
}

/// A table's progress: `"1.0"` is a fraction, `"80"` a percent.
pub fn verify_progress(raw: &str) -> Option<u8> {
    let raw = raw.trim().trim_end_matches('%');
    let value = crate::decimal::parse_decimal(raw)?;
    let percent = if raw.contains('.') && value <= 1.0 {
        value * 100.0
    } else {
        value
    };
    percent
        .is_finite()
        .then(|| percent.clamp(0.0, 100.0).round() as u8)
}

/// The card's verification part for `result`, with the plan's `step`.
pub fn verify_view(result: &VerifyResult, step: Option<&WireStep>, lang: Lang) -> VerifyView {
    let running = step.is_some_and(verify_running);
    let verdict = match result.different_rows {
        Some(n) if n > 0 => Verdict::Differs(n),
        Some(_) if running => Verdict::Running,
        Some(_) => Verdict::Consistent,
        None if running => Verdict::Running,
        None => Verdict::Unknown,
    };
    // Those that differ first, each group in OMS's order (a partition, not
    // a generic sort: the wasm pays for every sort's instance).
    let (mut tables, consistent): (Vec<VerifyTableView>, Vec<VerifyTableView>) = result
        .tables
        .iter()
        .map(|t| table_view(t, lang))
        .partition(|t| !t.consistent);
    tables.extend(consistent);
    let progress = step
        .and_then(|s| s.progress.as_ref().map(|p| p.value))
        .or_else(|| {
            let each: Vec<u32> = tables
                .iter()
                .filter_map(|t| t.progress)
                .map(u32::from)
                .collect();
            (!each.is_empty()).then(|| (each.iter().sum::<u32>() / each.len() as u32) as u8)
        });
    VerifyView {
        verdict,
        differing_rows: result.different_rows,
        progress,
        line: i18n::verify_line(lang, verdict.as_str(), result.different_rows, progress),
        partial: result
            .is_partial()
            .then(|| i18n::verify_partial(lang, result.tables.len(), result.total)),
        tables,
    }
}

fn table_view(t: &WireVerifyTable, lang: Lang) -> VerifyTableView {
    let name = |schema: &Option<String>, table: &Option<String>| match (schema, table) {
        (Some(s), Some(t)) => format!("{s}.{t}"),
        (None, Some(t)) => t.clone(),
        (Some(s), None) => s.clone(),
        (None, None) => "?".into(),
    };
    let mut shown = name(&t.source_schema, &t.source_table);
    if let Some(dest) = t
        .dest_schema
        .as_ref()
        .filter(|d| Some(*d) != t.source_schema.as_ref())
    {
        shown = format!("{shown} → {dest}");
    }
    let count = |n: Option<i64>| n.map_or("—".to_owned(), i18n::grouped);
    let differing = [t.source_only, t.dest_only, t.mismatched]
        .iter()
        .map(|n| n.unwrap_or(0).clamp(0, i64::MAX / 4))
        .sum::<i64>();
    let differs = differing > 0;
    VerifyTableView {
        name: shown,
        result: match (lang, &t.result_type, &t.result_desc) {
            (Lang::En, Some(kind), Some(desc)) => format!("{kind} ({desc})"),
            (Lang::ZhCn, _, Some(desc)) | (_, None, Some(desc)) => desc.clone(),
            (_, Some(kind), None) => kind.clone(),
            (_, None, None) => "?".into(),
        },
        result_type: t.result_type.clone(),
        differing,
        consistent: !differs
            && t.result_type.as_deref().is_none_or(|r| {
                r.eq_ignore_ascii_case("CONSISTENT") || r.eq_ignore_ascii_case("BOTH_EMPTY")
            }),
        counts: [
            count(t.source_only),
            count(t.dest_only),
            count(t.mismatched),
            count(t.consistent),
        ],
        progress: t.progress.as_deref().and_then(verify_progress),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, result: &str, mismatched: i64) -> WireVerifyTable {
        WireVerifyTable {
            source_schema: Some("shop".into()),
            source_table: Some(name.into()),
            dest_schema: Some("shop".into()),
            source_only: Some(0),
            dest_only: Some(0),
            mismatched: Some(mismatched),
            consistent: Some(1_000),
            progress: Some("1.0".into()),
            status: Some("FINISHED".into()),
            result_type: Some(result.into()),
            result_desc: None,
            message: None,
        }
    }

    fn step(status: &str, progress: u8) -> WireStep {
        WireStep::at("FULL_VERIFIER", status, progress)
    }

    #[test]
    fn progress_as_a_fraction_or_a_percent() {
        assert_eq!(verify_progress("1.0"), Some(100));
        assert_eq!(verify_progress("0.45"), Some(45));
        assert_eq!(verify_progress("80"), Some(80));
        assert_eq!(verify_progress("80.5%"), Some(81));
        assert_eq!(verify_progress("1"), Some(1));
        assert_eq!(verify_progress("n/a"), None);
    }

    #[test]
    fn consistent_only_when_omss_total_is_zero_and_it_finished() {
        let result = VerifyResult {
            different_rows: Some(0),
            tables: vec![table("orders", "CONSISTENT", 0)],
            ..VerifyResult::default()
        };
        // OMS leaves a finished verification RUNNING at 100 %.
        let v = verify_view(&result, Some(&step("RUNNING", 100)), Lang::En);
        assert_eq!(v.verdict, Verdict::Consistent);
        assert_eq!(v.line, "Verification: consistent");
        let v = verify_view(&result, Some(&step("RUNNING", 40)), Lang::En);
        assert_eq!(v.verdict, Verdict::Running);
        assert_eq!(v.line, "Verification: running, 40 %");
        let none = VerifyResult::default();
        assert_eq!(verify_view(&none, None, Lang::En).verdict, Verdict::Unknown);
    }

    #[test]
    fn differing_tables_come_first_with_their_counts() {
        let result = VerifyResult {
            different_rows: Some(1_203),
            tables: vec![
                table("a_orders", "CONSISTENT", 0),
                table("invoice", "INCONSISTENT", 1_203),
                WireVerifyTable {
                    result_type: Some("NEW_KIND".into()),
                    ..WireVerifyTable::default()
                },
            ],
            total: Some(5),
            cut_short: None,
        };
        let v = verify_view(&result, Some(&step("FINISHED", 100)), Lang::En);
        assert_eq!(v.verdict, Verdict::Differs(1_203));
        assert_eq!(v.line, "Verification: 1,203 rows differ");
        assert_eq!(v.tables[0].name, "shop.invoice");
        assert_eq!(v.tables[0].counts[2], "1,203");
        // An unknown result type appears raw and is not called consistent.
        assert_eq!(
            (v.tables[1].name.as_str(), v.tables[1].result.as_str()),
            ("?", "NEW_KIND")
        );
        assert_eq!(v.partial.as_deref(), Some("3 of 5 tables read"));
    }
}
