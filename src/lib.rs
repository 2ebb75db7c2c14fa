//! oms-progress: a live status widget for OceanBase Migration Service (OMS)
//! data-sync projects.
//!
//! [`OmsSyncProgress`] polls one project and draws its status, stage
//! progress and replication lag. Layers point one way: [`api`] (the wire,
//! requests) → [`model`] (what the operator sees) → [`poll`] (when to ask)
//! → [`config`] (the option table) → [`ui`] (components) → the two hosts,
//! the standalone page (`main.rs`) and the embed glue (feature `embed`).

pub mod api;
pub mod config;
pub mod decimal;
pub mod i18n;
pub mod model;
pub mod poll;
pub mod text;
pub mod ui;

#[cfg(all(feature = "embed", target_arch = "wasm32"))]
mod embed;

pub use api::{Credentials, HeaderSource};
pub use config::WidgetOptions;
pub use poll::{
    use_oms_progress, use_oms_progress_with_options, PollEvent, UseOmsProgressOptions,
    UseOmsProgressReturn,
};
pub use ui::OmsSyncProgress;
