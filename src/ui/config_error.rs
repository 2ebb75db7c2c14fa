use leptos::prelude::*;

/// A widget that cannot start: its options are wrong. Says every problem,
/// as text, and polls nothing.
#[component]
pub fn ConfigError(
    /// The project id as given (may be empty); becomes `data-project-id`.
    #[prop(into)]
    project_id: String,
    /// What is wrong, one sentence each.
    problems: Vec<String>,
) -> impl IntoView {
    view! {
        <section
            class="oms-progress"
            part="root"
            data-oms-widget=""
            data-project-id=project_id
            data-state="error"
            data-status="UNKNOWN"
            data-tone="neutral"
        >
            <div class="oms-error" part="error" role="alert" data-error="config">
                {problems.into_iter().map(|p| view! { <div data-field="problem">{p}</div> }).collect_view()}
            </div>
        </section>
    }
}
