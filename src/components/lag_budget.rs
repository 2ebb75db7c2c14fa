use leptos::prelude::*;
use oms_progress_core::model::HistoryView;

/// The lag budget of the chart's range, in one line
/// (`[data-field=lag-budget]`): its figures in `data-*` attributes and the
/// sentence made from the same figures. Absent until some time is judged.
#[component]
pub fn LagBudget(
    /// The history panel's view, whose budget this shows. Read without a
    /// memo of its own (the embed's bytes are scarce): the view is a memo,
    /// and an unchanged figure is compared, not written, when a poll
    /// rebuilds the line.
    view: Memo<HistoryView>,
) -> impl IntoView {
    move || {
        view.with(|v| v.budget.clone()).map(|b| {
            view! {
                <span
                    class="oms-history-line"
                    data-field="lag-budget"
                    data-within-pct=b.within_pct
                    data-above-critical-seconds=b.above_critical_secs
                    data-worst-seconds=b.worst_secs
                    data-coverage-pct=b.coverage_pct
                >
                    {b.text}
                </span>
            }
        })
    }
}
