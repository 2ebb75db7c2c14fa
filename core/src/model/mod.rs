//! The view model: what the operator should see, computed from what OMS
//! said and the time. Pure Rust; `now` is always an argument.

mod chart_axis;
mod chart_marks;
mod checkpoint;
mod clock_offset;
mod concern;
mod cutover;
mod cutover_checks;
mod error;
mod history;
mod history_view;
mod lag_budget;
mod lag_budget_view;
mod lag_held;
mod oms_history;
mod state;
mod steps;
mod tone;
mod verify;
mod view;
mod wall;

pub use crate::wire::Status;
pub use chart_axis::{Axis, SPARK_HEIGHT, SPARK_WIDTH};
pub use chart_marks::{chart_marks, Mark, MarkKind, JOIN_UNITS};
pub(crate) use checkpoint::lag_level;
pub use checkpoint::{
    interpret_checkpoint, where_behind, Checkpoint, Lag, LagLevel, LagSource, LagThresholds,
    LagWhere,
};
pub use clock_offset::{parse_http_date, ClockOffset, APPLY_FROM_MS};
pub use concern::{
    card_concerns, AlertGate, AttentionChange, Concern, ConcernTracker, Notice, Seen, SETTLE_MS,
};
pub use cutover::{
    awaits_switch_over, cutover, is_switch_step, Check, CheckName, CheckState, Cutover,
    CutoverInput, CutoverOptions, CutoverVerdict, LagAgainst, LagNow, VerifyInput, MAX_HOLD,
    MIN_HOLD,
};
pub use error::{error_line, error_view, wrong_api_view, ErrorKind, ErrorView};
pub use history::{
    outlook, outlook_with, History, Line, Outlook, Recovery, Sample, Stuck, StuckOn, StuckRules,
    Trend,
};
pub use history_view::{
    history_view, history_view_with, sparkline, trend_label, ChartInput, Estimate, HistoryView,
    Spark,
};
pub use lag_budget::{lag_budget, percent_text, tenths_of, Budget};
pub use lag_budget_view::{budget_view, BudgetView};
pub use oms_history::{
    full_eta_from_oms, joined, throughput, HistorySource, OmsSeries, Range, Throughput,
};
pub use state::{PollState, StopReason};
pub use steps::{
    failure_reason, oms_clock_lag, plan_running, reason, step_duration, steps_view, StepStatus,
    StepView,
};
pub use tone::{status_tone, Tone};
pub use verify::{
    is_full_verify_step, verify_done, verify_running, verify_view, Verdict, VerifyTableView,
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
