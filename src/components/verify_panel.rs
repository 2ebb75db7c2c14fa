use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::{Lang, Msg};
use oms_progress_core::model::{VerifyTableView, VerifyView};

/// Full verification (`[data-field=verify]`): OMS's verdict and progress
/// on one line, without a click, and the tables, those that differ first,
/// when opened. Compact, only a verdict of differing rows shows (the
/// stylesheet hides the rest, as it does compact's other parts).
#[component]
pub fn VerifyPanel(
    /// What OMS's verification results say; nothing shown while `None`.
    view: Memo<Option<VerifyView>>,
    /// Why the results could not be read, when they could not.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let lang = card_lang();
    let shown = move || view.with(Option::is_some) || error.with(Option::is_some);
    let verdict = move || view.with(|v| v.as_ref().map(|v| v.verdict.as_str()));
    let differing = move || view.with(|v| v.as_ref().and_then(|v| v.differing_rows));
    // `view` is a memo upstream: the tables are drawn again only when
    // OMS's results changed.
    let tables = move || view.with(|v| v.as_ref().map(|v| (v.tables.clone(), v.partial.clone())));
    let heads = [
        Msg::VerifyTable,
        Msg::VerifyResult,
        Msg::SourceOnly,
        Msg::DestOnly,
        Msg::Mismatched,
        Msg::ConsistentRows,
        Msg::VerifyProgress,
    ];
    view! {
        <Show when=shown>
            <div
                class="oms-verify"
                data-field="verify"
                data-verify=verdict
                data-differing-rows=differing
            >
                <span data-field="verify-line">
                    {move || view.with(|v| v.as_ref().map(|v| v.line.clone()))}
                </span>
                {move || error.get().map(|e| view! { <span class="oms-note" data-field="verify-error">{e}</span> })}
                {move || tables().filter(|(t, _)| !t.is_empty()).map(|(list, partial)| {
                    view! {
                        <details class="oms-verify-tables" data-field="verify-tables">
                            <summary>{Msg::VerifyTables.text(lang)} " (" {list.len()} ")"</summary>
                            {partial.map(|p| view! { <div class="oms-note" data-field="verify-partial">{p}</div> })}
                            <table>
                                <thead><tr>{heads.map(|h| view! { <th scope="col">{h.text(lang)}</th> })}</tr></thead>
                                <tbody>{list.into_iter().map(|t| table_row(t, lang)).collect_view()}</tbody>
                            </table>
                        </details>
                    }
                })}
            </div>
        </Show>
    }
}

/// One table's row; each cell carries its column's name (`data-label`), which
/// a narrow card shows beside the value when the counts stack under the
/// table's name. The cells are one list of one shape.
fn table_row(t: VerifyTableView, lang: Lang) -> impl IntoView {
    let [source_only, dest_only, mismatched, consistent] = t.counts;
    let progress = t.progress.map(|p| format!("{p}%")).unwrap_or_default();
    let cells = [
        (Msg::VerifyResult, t.result),
        (Msg::SourceOnly, source_only),
        (Msg::DestOnly, dest_only),
        (Msg::Mismatched, mismatched),
        (Msg::ConsistentRows, consistent),
        (Msg::VerifyProgress, progress),
    ];
    let name = t.name.clone();
    view! {
        <tr data-table=t.name data-result=t.result_type data-consistent=t.consistent.to_string()>
            <th scope="row">{name}</th>
            {cells.map(|(label, value)| view! { <td data-label=label.text(lang)>{value}</td> }).collect_view()}
        </tr>
    }
}
