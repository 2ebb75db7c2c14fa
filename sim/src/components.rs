//! OMS 4.x's `DescribeProjectComponents`: the Store (reads the source's log)
//! and the incremental-sync writer, each with its delay, checkpoint and
//! status, so an operator can tell which one is behind. The fields are the
//! ones `docs/oms-api.md` lists; the array shape and `componentType` are
//! inferred.

use crate::clock::utc_text;
use crate::scenario::{Checkpoint, ProjectSpec, Snapshot};
use serde_json::{json, Value};

/// The project's components at `now_s`.
pub fn components_json(spec: &ProjectSpec, s: &Snapshot, now_s: i64) -> Value {
    let sample = now_s - 2;
    let Checkpoint::Unix(writer_at) = s.checkpoint else {
        return json!([]);
    };
    let lag = (sample - writer_at).max(0);
    // Whichever is behind carries the project's lag; the other is current.
    let (store_delay, writer_delay) = if spec.store_behind {
        (lag, lag)
    } else {
        (lag.min(2), lag)
    };
    let running = s.status == "RUNNING";
    let component = |id: &str, kind: &str, delay: i64, status: &str| {
        json!({
            "componentId": id,
            "componentType": kind,
            "status": status,
            "delay": delay,
            "tps": if running { 120 } else { 0 },
            "checkpoint": utc_text(sample - delay),
            "checkpointSampleTimestamp": sample,
        })
    };
    json!([
        component(
            &format!("store-{}", spec.id),
            "STORE",
            store_delay,
            if running { "ACTIVE" } else { "STOP" }
        ),
        component(
            &format!("incr-{}", spec.id),
            "INCR_SYNC",
            writer_delay,
            if running { "RUNNING" } else { "STOPPED" }
        ),
    ])
}
