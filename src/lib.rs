//! oms-progress: a live status widget for OceanBase Migration Service (OMS)
//! data-sync projects.
//!
//! [`OmsSyncProgress`] polls one project and draws its status, stage
//! progress and replication lag. The pure core ([`api`], [`model`],
//! [`poll`]'s policy, [`i18n`]) decides everything; components only render.

pub mod api;
pub mod decimal;
pub mod i18n;
pub mod model;
pub mod mount_options;
mod options;
pub mod page;
pub mod poll;
pub mod ui;

#[cfg(all(feature = "embed", target_arch = "wasm32"))]
mod embed;

pub use options::{Credentials, HeaderSource, WidgetOptions};
pub use poll::{
    use_oms_progress, use_oms_progress_with_options, PollEvent, UseOmsProgressOptions,
    UseOmsProgressReturn,
};

use leptos::prelude::*;
use model::{build_view, live_view};
use ui::{ConfigError, ProgressCard};

/// A live progress widget for one OMS project.
///
/// ```ignore
/// view! { <OmsSyncProgress options=WidgetOptions::new("np_4ur1zdx1v8cg") /> }
/// ```
#[component]
pub fn OmsSyncProgress(
    /// Which project, which endpoint, how often, which language.
    options: WidgetOptions,
    /// Told of every poll: new data, a status change, a failure.
    #[prop(optional, into)]
    on_event: Option<Callback<PollEvent>>,
    /// Polls at once whenever notified (as the "refresh" button does).
    #[prop(optional)]
    refresh: Option<Trigger>,
) -> impl IntoView {
    let lang = options.lang;
    let project_id = options.project_id.trim().to_owned();
    match options.url() {
        Err(problem) => view! { <ConfigError project_id problems=vec![problem] /> }.into_any(),
        Ok(url) => {
            let poll = options.poll.normalized();
            let lag_thresholds = options.lag;
            let compact = options.compact;
            let progress = use_oms_progress_with_options(
                url,
                UseOmsProgressOptions {
                    poll,
                    credentials: options.credentials,
                    headers: options.headers,
                    on_event,
                },
            );
            if let Some(trigger) = refresh {
                let poll_now = progress.refresh;
                Effect::new(move |first_run: Option<()>| {
                    trigger.track();
                    if first_run.is_some() {
                        poll_now.run(());
                    }
                });
            }
            let view = Memo::new(move |_| progress.state.with(|st| build_view(st, lang)));
            let live = Memo::new(move |_| {
                let now = progress.now.get();
                progress
                    .state
                    .with(|st| live_view(st, now, &poll, lag_thresholds))
            });
            view! { <ProgressCard project_id view live on_refresh=progress.refresh lang compact /> }
                .into_any()
        }
    }
}
