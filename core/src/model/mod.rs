//! The view model: what the operator should see, computed from what OMS
//! said and the time. Pure Rust; `now` is always an argument.

mod checkpoint;
mod clock_offset;
mod concern;
mod error;
mod history;
mod history_view;
mod oms_history;
mod state;
mod steps;
mod tone;
mod verify;
mod view;
mod wall;

pub use crate::wire::Status;
pub use checkpoint::{
    checkpoint_age, interpret_checkpoint, lag_level, utc_text_secs, where_behind, Checkpoint, Lag,
    LagLevel, LagSource, LagThresholds, LagWhere,
};
pub use clock_offset::{parse_http_date, ClockOffset, APPLY_FROM_MS};
pub use concern::{
    card_concerns, concern_label, AlertGate, AttentionChange, Concern, ConcernTracker, Notice,
    Seen, MOST_PER_WINDOW, MOST_SINGLE, REPEAT_MS, SETTLE_MS, WINDOW_MS,
};
pub use error::{error_line, error_view, wrong_api_view, ErrorKind, ErrorView};
pub use history::{
    outlook, outlook_with, theil_sen, History, Line, Outlook, Recovery, Sample, Stuck, StuckOn,
    StuckRules, Trend,
};
pub use history_view::{
    history_view, history_view_with, round_estimate, sparkline, sparkline_of, trend_label,
    ChartInput, Estimate, HistoryView, Spark, SPARK_HEIGHT, SPARK_WIDTH,
};
pub use oms_history::{
    full_eta_from_oms, joined, rows_left_secs, source_of, throughput, HistorySource, OmsSeries,
    Range, Throughput,
};
pub use state::{PollState, StopReason};
pub use steps::{
    failure_reason, oms_clock_lag, plan_running, reason, step_duration, steps_view, StepStatus,
    StepView,
};
pub use tone::{status_tone, Tone};
pub use verify::{
    is_full_verify_step, verify_progress, verify_running, verify_view, Verdict, VerifyTableView,
    VerifyView,
};
pub use view::{
    build_view, live_view, live_view_corrected, utc_time, Bar, IncrView, LiveView, Stage, Step,
    View, WidgetState,
};
pub use wall::{
    board_view, source_cards, sources_view, wall_title, wall_view, Attention, SourceCards,
    SourceList, WallCard, WallFilter, WallView,
};
