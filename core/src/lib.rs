//! The pure core of oms-progress: everything the widget decides, with no
//! browser in sight.
//!
//! Data flows one way: [`wire`] reads what OMS sends, [`model`] turns it into
//! what the operator sees, [`policy`] says when to ask next, [`events`] says
//! what a host page hears, and [`options`] reads the one option table behind
//! the URL, the element's attributes and `mount()`. [`i18n`] holds every
//! user-visible string in both languages; [`decimal`] reads numbers as people
//! and OMS write them. Time is always an argument: nothing here reads a
//! clock or sleeps, so every test is instant and exact.
//!
//! ```
//! use oms_progress_core::wire::{classify, Status};
//!
//! let body = r#"{"success":true,"data":{"status":"RUNNING","incrSyncCheckpoint":"1661241223"}}"#;
//! let progress = classify(200, body).expect("an OMS answer");
//! assert_eq!(progress.status, Some(Status::Running));
//! ```
#![deny(missing_docs)]
#![deny(unnameable_types)]

pub mod decimal;
pub mod events;
pub mod i18n;
pub mod model;
pub mod options;
pub mod policy;
pub mod wire;
