//! oms-progress: a live status widget for OceanBase Migration Service (OMS)
//! data-sync projects.
//!
//! [`OmsSyncProgress`] polls one project and draws its status, stage
//! progress and replication lag. The pure core ([`api`], [`model`],
//! [`poll`]'s policy, [`i18n`]) decides everything; components only render.

pub mod api;
pub mod i18n;
pub mod model;
mod options;
pub mod page;
pub mod poll;
pub mod ui;

pub use options::WidgetOptions;
pub use poll::{use_oms_progress, UseOmsProgressReturn};

use leptos::prelude::*;
use model::{build_view, live_view};
use ui::ProgressCard;

/// A live progress widget for one OMS project.
///
/// ```ignore
/// view! { <OmsSyncProgress options=WidgetOptions::new("np_4ur1zdx1v8cg") /> }
/// ```
#[component]
pub fn OmsSyncProgress(
    /// Which project, which endpoint, how often, which language.
    options: WidgetOptions,
) -> impl IntoView {
    let lang = options.lang;
    let project_id = options.project_id.trim().to_owned();
    match options.url() {
        Err(problem) => view! {
            <section class="oms-progress" data-oms-widget="" data-project-id=project_id data-state="error" data-status="UNKNOWN" data-tone="neutral">
                <div class="oms-error" role="alert" data-error="config">{problem}</div>
            </section>
        }
        .into_any(),
        Ok(url) => {
            let poll = options.poll.normalized();
            let lag_thresholds = options.lag;
            let progress = use_oms_progress(url, poll);
            let view = Memo::new(move |_| progress.state.with(|st| build_view(st, lang)));
            let live = Memo::new(move |_| {
                let now = progress.now.get();
                progress.state.with(|st| live_view(st, now, &poll, lag_thresholds))
            });
            view! { <ProgressCard project_id view live on_refresh=progress.refresh lang /> }.into_any()
        }
    }
}
