//! oms-progress: a live status widget for OceanBase Migration Service (OMS)
//! data-sync and migration projects, for Leptos apps, any web page (the
//! `<oms-sync-progress>` element and `mount()`, feature `embed`) and a
//! standalone page.
//!
//! [`OmsSyncProgress`] polls one project and draws its status, stage
//! progress and replication lag; [`OmsWallboard`] shows every project an
//! OMS 4.x lists. The hooks under them ([`use_oms_progress`],
//! [`use_oms_list`], [`use_oms_steps`], [`use_oms_components`],
//! [`use_oms_history`], [`use_oms_verify`]) serve apps
//! that draw their own. Everything they decide (reading OMS's answers, the
//! view model, the poll policy, the option table, the strings) lives in the
//! pure crate [`oms_progress_core`], re-exported here.
//!
//! ```ignore
//! use leptos::prelude::*;
//! use oms_progress::{OmsSyncProgress, WidgetOptions};
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     let mut options = WidgetOptions::new("np_4ur1zdx1v8cg");
//!     options.base_url = "/oms".into();
//!     view! { <OmsSyncProgress options /> }
//! }
//! ```
#![warn(missing_docs)]
// The core's `FetchError` carries OMS's whole error (code, message, advice,
// request id) by value; a failed poll is rare and never on a hot path, so
// boxing it would buy nothing but indirection.
#![allow(clippy::result_large_err)]

pub mod components;
#[cfg(all(feature = "embed", target_arch = "wasm32"))]
mod embed;
mod hooks;
mod runtime;

pub use components::{NotifyToggle, OmsSyncProgress, OmsWallboard};
pub use hooks::{
    provide_alerts, use_alerts, use_now, use_oms_components, use_oms_history, use_oms_list,
    use_oms_list_with_options, use_oms_progress, use_oms_progress_once,
    use_oms_progress_with_options, use_oms_steps, use_oms_verify, AlertReport, AlertState, Alerts,
    ComponentsAnswer, ProgressAnswer, StepsAnswer, UseOmsHistoryOptions, UseOmsHistoryReturn,
    UseOmsListOptions, UseOmsListReturn, UseOmsProgressOptions, UseOmsProgressReturn, VerifyAnswer,
    HISTORY_REFRESH_MS,
};
pub use oms_progress_core;
pub use oms_progress_core::events::{PollEvent, ProjectRef};
pub use oms_progress_core::i18n::Lang;
pub use oms_progress_core::model::{AttentionChange, LagThresholds};
pub use oms_progress_core::options::{OmsSource, WidgetOptions};
pub use oms_progress_core::policy::PollOptions;
pub use oms_progress_core::wire::{ApiKind, Credentials, HeaderSource, ListQuery};
pub use runtime::{Call, Fetched};
