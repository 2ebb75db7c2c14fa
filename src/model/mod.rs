//! The view model: what the operator should see, computed from what OMS
//! said and the time. Pure Rust; `now` is always an argument.

mod checkpoint;
mod tone;
mod view;

pub use checkpoint::{
    checkpoint_age, interpret_checkpoint, lag_level, Checkpoint, LagLevel, LagThresholds,
};
pub use tone::{status_tone, Tone};
pub use view::{
    build_view, error_view, live_view, Bar, ErrorView, IncrView, LiveView, Stage, View, WidgetState,
};
