use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::CutoverMsg;
use oms_progress_core::model::{Check, CheckName, CheckState, Cutover, CutoverVerdict};

/// Switch-over readiness (`[data-field=cutover]`): the verdict on one line
/// without a click (naming what blocks it), the advisory "no way back"
/// when it applies, and every check, holding, failing or unknown, in a list
/// that opens. Nothing for a plan without a switch-over step.
#[component]
pub fn CutoverPanel(
    /// The readiness worked out from the widget's answers; nothing shown
    /// while `None`.
    readiness: Memo<Option<Cutover>>,
) -> impl IntoView {
    let lang = card_lang();
    let verdict = move || readiness.with(|r| r.as_ref().map(|r| r.verdict.as_str()));
    let blocking = move || {
        readiness.with(|r| {
            r.as_ref()
                .and_then(|r| r.first_blocking.map(CheckName::as_str))
        })
    };
    // Advisory: said while a switch-over is still to come.
    let no_way_back = move || {
        readiness.with(|r| {
            let r = r.as_ref()?;
            let before = matches!(r.verdict, CutoverVerdict::Ready | CutoverVerdict::NotReady);
            let reverse = r.checks.iter().find(|c| c.name == CheckName::Reverse)?;
            (before && reverse.state == CheckState::Failing).then(|| reverse.text.clone())
        })
    };
    // The list is drawn again only when a check changed, not with the line.
    let checks = Memo::new(move |_| readiness.with(|r| r.as_ref().map(|r| r.checks.clone())));
    view! {
        <Show when=move || readiness.with(Option::is_some)>
            <div class="oms-cutover" data-field="cutover" data-cutover=verdict data-blocking=blocking>
                <span data-field="cutover-line">
                    {move || readiness.with(|r| r.as_ref().map(|r| r.line.clone()))}
                </span>
                {move || no_way_back().map(|t| view! { <span class="oms-note" data-field="cutover-advice">{t}</span> })}
                <details class="oms-cutover-checks">
                    <summary>{CutoverMsg::Checks.text(lang)}</summary>
                    <ul>{move || checks.get().unwrap_or_default().into_iter().map(check_row).collect_view()}</ul>
                </details>
            </div>
        </Show>
    }
}

/// One check: its mark, its name and its words.
fn check_row(check: Check) -> impl IntoView {
    let mark = match check.state {
        CheckState::Ok => "✓",
        CheckState::Failing => "✗",
        CheckState::Unknown => "?",
    };
    view! {
        <li
            data-check=check.name.as_str()
            data-ok=check.state.as_str()
            data-blocking=check.blocking.to_string()
        >
            <span class="oms-check-mark" aria-hidden="true">{mark}</span>
            <span class="oms-key">{check.label} ": "</span>
            <span>{check.text}</span>
        </li>
    }
}
