//! How OMS spells its answers: the envelope and the `data` object, in each
//! generation's field names. Written from `docs/oms-api.md`, not shared with the
//! widget, so one misreading cannot pass both sides' tests.

use crate::scenario::{Checkpoint, Envelope, Kind, Naming, ProjectSpec, Snapshot};
use serde_json::{json, Map, Value};

/// The `data` object for a modelled state.
pub fn data_json(spec: &ProjectSpec, s: &Snapshot) -> Value {
    let mut d = Map::new();
    d.insert("status".into(), json!(s.status));
    let importance_key = if spec.naming == Naming::V4 {
        "alarmLevel"
    } else {
        "importance"
    };
    d.insert(importance_key.into(), json!(spec.importance));
    let (struct_key, full_key) = match (spec.kind, spec.naming) {
        (_, Naming::V4) => ("structTransferProgress", "fullTransferProgress"),
        (Kind::Migration, _) | (Kind::Sync, Naming::Table) => {
            ("structMigrationProgress", "fullMigrationProgress")
        }
        (Kind::Sync, Naming::Doc) => ("structSyncProgress", "fullSyncProgress"),
    };
    match (spec.kind, spec.naming) {
        (_, Naming::V4) => {
            d.insert("projectId".into(), json!(spec.id));
            d.insert("enableStructTransfer".into(), json!(s.enable_struct));
            d.insert("enableFullTransfer".into(), json!(s.enable_full));
            d.insert("enableIncrSync".into(), json!(s.enable_incr));
            d.insert("enableReverseIncrTransfer".into(), json!(s.enable_reverse));
        }
        (Kind::Migration, _) => {
            d.insert("enableStructMigration".into(), json!(s.enable_struct));
            d.insert("enableFullMigration".into(), json!(s.enable_full));
            d.insert("enableIncrSync".into(), json!(s.enable_incr));
            d.insert("enableReverseIncrSync".into(), json!(s.enable_reverse));
        }
        (Kind::Sync, _) => {
            d.insert("enableStructSync".into(), json!(s.enable_struct));
            d.insert("enableFullSync".into(), json!(s.enable_full));
            d.insert("enableIncrSync".into(), json!(s.enable_incr));
        }
    }
    d.insert("currentStep".into(), json!(s.current_step));
    d.insert(struct_key.into(), json!(s.struct_progress));
    d.insert(full_key.into(), json!(s.full_progress));
    // The sync endpoint types the checkpoint as a string, the migration one as an int64.
    let checkpoint = match (&s.checkpoint, spec.kind) {
        (Checkpoint::None, _) => Value::Null,
        (Checkpoint::Unix(t), Kind::Sync) => json!(t.to_string()),
        (Checkpoint::Unix(t), Kind::Migration) => json!(t),
        (Checkpoint::Text(t), _) => json!(t),
    };
    d.insert("incrSyncCheckpoint".into(), checkpoint);
    if spec.naming == Naming::V4 && s.enable_reverse {
        let reverse = match &s.reverse_checkpoint {
            Checkpoint::None => Value::Null,
            Checkpoint::Unix(t) => json!(t),
            Checkpoint::Text(t) => json!(t),
        };
        d.insert("reverseIncrTransferCheckpoint".into(), reverse);
    }
    Value::Object(d)
}

/// `DescribeProjectProgress`'s `data`: V4 names whatever the project's own
/// naming, the checkpoints as int64 unix seconds (text stays text).
pub fn v4_progress_json(spec: &ProjectSpec, s: &Snapshot) -> Value {
    let v4 = ProjectSpec {
        naming: Naming::V4,
        ..spec.clone()
    };
    let mut data = data_json(&v4, s);
    if let Checkpoint::Unix(t) = s.checkpoint {
        data["incrSyncCheckpoint"] = json!(t);
    }
    data
}

/// What a failed call says.
#[derive(Clone, Debug, PartialEq)]
pub struct BusinessError {
    pub code: String,
    pub message: String,
    pub advice: String,
}

/// The envelope around a successful answer.
pub fn success(envelope: Envelope, data: Value, cost_ms: u64) -> Value {
    match envelope {
        Envelope::Camel => json!({
            "success": true, "errorDetail": null, "code": null, "message": null, "advice": null,
            "requestId": null, "pageNumber": null, "pageSize": null, "totalCount": null,
            "cost": format!("{cost_ms} ms"), "data": data,
        }),
        // OCP answers with a numeric Code and Cost, and PascalCase keys throughout.
        Envelope::Pascal => json!({
            "Success": true, "Code": 200, "Cost": cost_ms, "Message": "successful",
            "RequestId": null, "Data": pascal_keys(data),
        }),
    }
}

/// The envelope of a failed call (HTTP 200, `success: false`, as OMS does).
pub fn failure(envelope: Envelope, e: &BusinessError, request_id: &str, cost_ms: u64) -> Value {
    let camel = json!({
        "success": false,
        "errorDetail": { "code": e.code, "message": e.message },
        "code": e.code, "message": e.message, "advice": e.advice,
        "requestId": request_id, "pageNumber": null, "pageSize": null, "totalCount": null,
        "cost": format!("{cost_ms} ms"), "data": null,
    });
    match envelope {
        Envelope::Camel => camel,
        Envelope::Pascal => pascal_keys(camel),
    }
}

/// A failed V4 call as OMS 4.x words it: a generic top-level message and the
/// specific one only in `errorDetail` (from ODC's client and the SDK models).
pub fn v4_failure(e: &BusinessError, request_id: &str, cost_ms: u64) -> Value {
    json!({
        "success": false,
        "errorDetail": {
            "code": e.code, "level": "ERROR", "message": e.message,
            "proposal": e.advice, "requestId": request_id,
        },
        "code": e.code,
        "message": format!("[{}]: internal service error", e.code),
        "advice": null,
        "requestId": request_id, "pageNumber": null, "pageSize": null, "totalCount": null,
        "cost": format!("{cost_ms} ms"), "data": null,
    })
}

/// `structSyncProgress` → `StructSyncProgress`, recursively.
pub fn pascal_keys(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let mut c = k.chars();
                    let key = match c.next() {
                        Some(first) => first.to_uppercase().chain(c).collect(),
                        None => k,
                    };
                    (key, pascal_keys(v))
                })
                .collect(),
        ),
        other => other,
    }
}

/// Replaces every string in `data` (or only `field`) with `text`.
pub fn inject_text(data: &mut Value, text: &str, field: Option<&str>) {
    if let Value::Object(m) = data {
        for (k, v) in m.iter_mut() {
            let wanted = field.is_none_or(|f| f.eq_ignore_ascii_case(k));
            if wanted && (v.is_string() || field.is_some()) {
                *v = json!(text);
            }
        }
    }
}
