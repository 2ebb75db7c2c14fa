use leptos::prelude::*;
use oms_progress_core::model::{HistoryView, Mark, MarkKind, SPARK_HEIGHT, SPARK_WIDTH};

/// The lag chart (`svg[data-field=lag-history]`): the lag's line, the
/// thresholds dashed, and what happened when as marks (`[data-event]`),
/// those close together drawn at one place, each with its tooltip. Its
/// label and tooltip say the lag's course and every mark; the tooltip
/// also says when the chart has only the browser's samples, and why.
/// Absent until there are two points to draw.
#[component]
pub fn LagChart(
    /// The history panel's view, as drawn on the page's tick.
    view: Memo<HistoryView>,
) -> impl IntoView {
    let threshold = |y: Option<i64>, class: &'static str| {
        y.map(|y| view! { <line class=class x1="0" x2=SPARK_WIDTH y1=y y2=y /> })
    };
    move || {
        view.with(|v| Some((v.spark.clone()?, v.note.clone(), v.marks.clone())))
            .map(|(spark, note, marks)| {
                // The tooltip also says why there is no more to draw.
                let label = spark.summary.clone();
                let text = spark.summary + &note.map(|n| format!(" ({n})")).unwrap_or_default();
                view! {
                    <svg
                        class="oms-spark"
                        data-field="lag-history"
                        viewBox=format!("0 0 {SPARK_WIDTH} {SPARK_HEIGHT}")
                        preserveAspectRatio="none"
                        role="img"
                        aria-label=label
                        data-points=spark.count
                    >
                        <title>{text}</title>
                        {threshold(spark.warn_y, "oms-spark-warn")}
                        {threshold(spark.critical_y, "oms-spark-critical")}
                        <polyline points=spark.points />
                        {marks.into_iter().map(mark).collect_view()}
                    </svg>
                }
            })
    }
}

/// One mark: a line at its place, with its place's tooltip.
fn mark(m: Mark) -> impl IntoView {
    let (step, status) = match m.kind {
        MarkKind::Status => (None, Some(m.name)),
        _ => (Some(m.name), None),
    };
    view! {
        <line
            data-event=m.kind.as_str()
            data-step-name=step
            data-status=status
            data-at=m.at_ms
            x1=m.x
            x2=m.x
            y1="0"
            y2=SPARK_HEIGHT
        >
            <title>{m.tooltip}</title>
        </line>
    }
}
