use super::LocalTime;
use crate::hooks::{card_lang, StepsAnswer};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use oms_progress_core::i18n::{self, Lang, Msg};
use oms_progress_core::model::{error_line, step_duration, steps_view, StepView};
use wasm_bindgen::JsCast;

/// OMS 4.x's step plan, collapsed by default: the widget asks OMS for the
/// steps only while the list is open.
#[component]
pub fn StepList(
    /// Open or closed; set by the operator's click.
    open: RwSignal<bool>,
    /// The steps, or why they could not be read (nothing while loading).
    steps: StepsAnswer,
    /// The clock, for "running for".
    now: Signal<i64>,
) -> impl IntoView {
    let lang = card_lang();
    // Redrawn only when what is shown changed: while the list is open each
    // poll asks again, and an answer that changes nothing draws nothing.
    let shown = Memo::new(move |_| {
        steps.with(|answer| {
            answer.as_ref().map(|fetched| match &fetched.result {
                Ok(list) => Ok(steps_view(list, lang)),
                // In the widget's language, as its error panel says it.
                Err(e) => Err(error_line(e, lang)),
            })
        })
    });
    let on_toggle = move |ev: leptos::ev::Event| {
        let opened = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.has_attribute("open"));
        open.set(opened);
    };
    view! {
        <details class="oms-steps" data-field="steps" on:toggle=on_toggle>
            <summary>{Msg::Steps.text(lang)}</summary>
            {move || match shown.get() {
                None => EitherOf3::A(view! { <div class="oms-note">{Msg::StepsLoading.text(lang)}</div> }),
                Some(Err(reason)) => {
                    EitherOf3::B(view! { <div class="oms-note" data-field="steps-error">{reason}</div> })
                }
                Some(Ok(list)) => {
                    EitherOf3::C(
                        view! { <ol class="oms-step-list">{list.into_iter().map(|s| step_item(s, now, lang)).collect_view()}</ol> },
                    )
                }
            }}
        </details>
    }
}

/// A step's time in the viewer's zone, or OMS's text when it is no time.
fn shown_time(secs: Option<i64>, text: Option<String>) -> impl IntoView {
    match secs {
        Some(secs) => Either::Left(view! { <LocalTime secs /> }),
        None => Either::Right(text),
    }
}

fn step_item(step: StepView, now: Signal<i64>, lang: Lang) -> impl IntoView {
    let finished = step.finished_secs.is_some();
    let time = {
        let step = step.clone();
        move || {
            step_duration(&step, now.get())
                .map(|secs| i18n::step_time(lang, &i18n::duration(lang, secs), finished))
        }
    };
    view! {
        <li data-step-name=step.name.clone() data-step-status=step.status.code().to_owned()>
            <span class="oms-step-label">{step.label.clone()}</span>
            " "
            <span class="oms-step-status">{step.status_label.clone()}</span>
            {step.progress.map(|p| view! { " " <span class="oms-step-progress">{format!("{p}%")}</span> })}
            <div class="oms-note">
                {shown_time(step.started_secs, step.started_text.clone())}
                {step.finished_text.clone().map(|_| " → ")}
                {shown_time(step.finished_secs, step.finished_text.clone())}
                {move || time().map(|t| format!(" · {t}")).unwrap_or_default()}
            </div>
            {step.rows.clone().map(|r| view! { <div class="oms-note" data-field="step-rows">{r}</div> })}
            {step.error.clone().map(|e| view! { <div class="oms-step-error" data-field="step-error">{e}</div> })}
        </li>
    }
}
