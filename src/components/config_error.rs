use super::WidgetRoot;
use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::model::{ErrorKind, Tone, WidgetState};
use oms_progress_core::options::Problem;

/// A widget that cannot start: its options are wrong. Says every problem,
/// as text, and polls nothing.
#[component]
pub fn ConfigError(
    /// The project id as given (may be empty); becomes `data-project-id`.
    #[prop(into)]
    project_id: String,
    /// What is wrong, one problem each.
    problems: Vec<Problem>,
) -> impl IntoView {
    let lang = card_lang();
    view! {
        <WidgetRoot project_id status="UNKNOWN".to_owned() tone=Memo::new(|_| Tone::Neutral) state=Memo::new(|_| WidgetState::Error)>
            <div class="oms-error" part="error" role="alert" data-error=ErrorKind::Config.as_str()>
                <div class="oms-error-title">{ErrorKind::Config.title().text(lang)}</div>
                {problems
                    .into_iter()
                    .map(|p| view! { <div data-field="problem">{p.to_string()}</div> })
                    .collect_view()}
            </div>
        </WidgetRoot>
    }
}
