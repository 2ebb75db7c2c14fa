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
//! pure crate [`oms_progress_core`], a dependency of its own for apps that
//! want its model; what the hooks take and give is in [`prelude`].
//!
//! ```no_run
//! use leptos::prelude::*;
//! use oms_progress::prelude::*;
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     let options = WidgetOptions { base_url: "/oms".into(), ..WidgetOptions::new("np_4ur1zdx1v8cg") };
//!     view! { <OmsSyncProgress options /> }
//! }
//! ```
#![deny(missing_docs)]
// The core's `FetchError` carries OMS's whole error (code, message, advice,
// request id) by value; a failed poll is rare and never on a hot path, so
// boxing it would buy nothing but indirection.
#![allow(clippy::result_large_err)]

// The parts of the widget and the wallboard, and the standalone page:
// public for this package's page binary and component tests only, not
// part of the API (the components an app uses are exported below).
#[doc(hidden)]
pub mod components;
#[cfg(all(feature = "embed", target_arch = "wasm32"))]
mod embed;
mod hooks;
pub mod prelude;
mod runtime;

pub use prelude::*;
