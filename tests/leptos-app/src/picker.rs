// The app's own panel, drawn from two hooks that follow a project picker:
// the chosen project's progress and its step plan, through OMS 4.x. Only
// the crate's prelude is used, as an app that draws its own would.

use leptos::prelude::*;
use oms_progress::prelude::*;

const PROJECTS: [&str; 2] = ["np_steady_orders", "np_failed_billing"];

#[component]
pub fn PickerPanel() -> impl IntoView {
    let project = RwSignal::new(PROJECTS[0].to_owned());
    let poll = PollOptions {
        interval: std::time::Duration::from_secs(2),
        ..PollOptions::default()
    };
    let progress = use_oms_progress_with_options(
        project,
        UseOmsProgressOptions {
            api: ApiKind::V4.into(),
            poll,
            ..Default::default()
        },
    );
    // The plan again whenever the status changes, and for each project.
    let status = Memo::new(move |_| {
        progress.state.with(|s| {
            let status = s.last_good.as_ref().and_then(|p| p.status.as_ref());
            status.map(|s| s.code().to_owned())
        })
    });
    let again = Memo::new(move |changes: Option<&i64>| {
        status.track();
        changes.map_or(0, |n| n + 1)
    });
    let steps = use_oms_steps_with_options(
        project,
        UseOmsStepsOptions {
            again: again.into(),
            ..Default::default()
        },
    );
    let step_items = move || {
        steps
            .value
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|step| {
                let name = step.name.unwrap_or_default();
                let state = step.status.unwrap_or_default();
                let label = name.clone();
                view! { <li data-step=name data-step-status=state>{label}</li> }
            })
            .collect_view()
    };
    view! {
        <section id="picker">
            <label>
                "Project "
                <select
                    data-field="picker"
                    on:change=move |ev| project.set(event_target_value(&ev))
                >
                    {PROJECTS.map(|id| view! { <option value=id>{id}</option> })}
                </select>
            </label>
            <p data-field="picked" data-project-id=project data-status=move || status.get()>
                {move || status.get().unwrap_or_else(|| "…".into())}
            </p>
            <ol data-field="picked-steps">{step_items}</ol>
        </section>
    }
}
