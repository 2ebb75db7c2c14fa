//! What a project's switch-over is configured as, and its step as served:
//! the types the scenario holds (`switch_over.rs` serves them).

use serde::{Deserialize, Serialize};

/// The step's name, as OMS 4.x writes it.
pub const SWITCH_STEP: &str = "TRANSFER_APP_SWITCH";

/// Where a project's switch-over is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SwitchState {
    /// Started, RUNNING at 0 %: OMS waits for the operator's confirmation.
    Waiting,
    /// Switching: RUNNING at `progress` %.
    Running,
    /// FINISHED; the reverse incremental sync runs when enabled.
    Done,
}

/// A project's switch-over, as configured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwitchOverSpec {
    pub state: SwitchState,
    /// The step's progress while `running` (1–99).
    #[serde(default = "default_progress")]
    pub progress: i64,
    /// Reverse incremental sync is enabled (`REVERSE_INCR_TRANSFER` follows).
    #[serde(default)]
    pub reverse: bool,
    /// Once `done`: how far behind the reverse sync is, unless the
    /// behaviour sets `reverse_checkpoint` itself.
    #[serde(default = "default_reverse_lag")]
    pub reverse_lag_secs: i64,
}

fn default_progress() -> i64 {
    40
}

fn default_reverse_lag() -> i64 {
    3
}

/// The switch-over step as served at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwitchStep {
    pub status: &'static str,
    pub progress: i64,
}
