//! OMS 4.x's forward switch-over (`TRANSFER_APP_SWITCH`, "正向切换"): a
//! step after the incremental sync and the verification that OMS starts
//! when the operator asks and then holds RUNNING at 0 % until the operator
//! confirms; once it finished, the reverse incremental sync runs. Written
//! from `docs/oms-api.md`'s "Switch-over" and the captured step plan.

use crate::clock::utc_text;
use crate::scenario::{Checkpoint, Snapshot};
pub use crate::switch_spec::SWITCH_STEP;
use crate::switch_spec::{SwitchOverSpec, SwitchState, SwitchStep};
use serde_json::{json, Value};

/// How long a switch-over that finished ran, in seconds.
const SWITCH_SECS: i64 = 120;

impl SwitchOverSpec {
    /// Puts the switch-over into `s`, the project's state at `now_s`: its
    /// step, and for a running project the current step and the reverse
    /// checkpoint. A project not running (paused, failed) keeps its own
    /// step, and the switch-over has not started unless it finished.
    pub fn apply(&self, s: &mut Snapshot, now_s: i64) {
        s.enable_reverse |= self.reverse;
        let running = s.status == "RUNNING";
        s.switch = Some(match (self.state, running) {
            (SwitchState::Done, _) => SwitchStep {
                status: "FINISHED",
                progress: 100,
            },
            (_, false) => SwitchStep {
                status: "INIT",
                progress: 0,
            },
            (SwitchState::Waiting, true) => SwitchStep {
                status: "RUNNING",
                progress: 0,
            },
            (SwitchState::Running, true) => SwitchStep {
                status: "RUNNING",
                progress: self.progress.clamp(1, 99),
            },
        });
        if !running {
            return;
        }
        let reverse_runs = self.state == SwitchState::Done && s.enable_reverse;
        s.current_step = Some(
            if reverse_runs {
                "REVERSE_INCR_TRANSFER"
            } else {
                SWITCH_STEP
            }
            .into(),
        );
        if reverse_runs && s.reverse_checkpoint == Checkpoint::None {
            s.reverse_checkpoint = Checkpoint::Unix(now_s - self.reverse_lag_secs);
        }
    }
}

/// The step in a plan, `order`th, the reverse sync (or the end of the
/// plan) starting at `ends_s`: a waiting or running switch-over began
/// then; a finished one ran for [`SWITCH_SECS`] up to it.
pub fn switch_step_json(step: SwitchStep, order: usize, ends_s: i64, now_s: i64) -> Value {
    let (start, finish) = match step.status {
        "INIT" => (None, None),
        "FINISHED" => (Some(ends_s - SWITCH_SECS), Some(ends_s)),
        _ => (Some(ends_s), None),
    };
    let text = |t: Option<i64>| t.map_or(Value::Null, |t| json!(utc_text(t)));
    json!({
        "order": order,
        "name": SWITCH_STEP,
        "description": "Forward switch-over",
        "status": step.status,
        "extraInfo": { "errorDetails": null, "errorCode": null, "errorMsg": null, "errorParam": null, "failedTime": null },
        "startTime": text(start),
        "finishTime": text(finish),
        "progress": step.progress,
        // As in the captured plan: a sample time only, null before it started.
        "stepInfo": { "checkpointSampleTimestamp": start.map_or(Value::Null, |_| json!(now_s - 2)) },
    })
}
