//! OMS 4.x's step plan (`DescribeProjectSteps`): each step as sent, read
//! tolerantly (camelCase, PascalCase via OCP, the `step`-prefixed names of
//! `DescribeOmsOpenAPIProject`).

use super::json::{Json as Value, Object};
use super::read::{field, list_data, number, percent, text};
use super::{FetchError, OmsError, Percent};

/// One step of a project's plan, every field as OMS sent it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireStep {
    /// Its place in the plan.
    pub order: Option<i64>,
    /// `FULL_TRANSFER`, `INCR_TRANSFER`… (some APIs write them lower-case).
    pub name: Option<String>,
    /// OMS's description.
    pub description: Option<String>,
    /// `INIT`, `RUNNING`, `FAILED`, `FINISHED`, `SUSPEND`, `MONITORING`, or raw.
    pub status: Option<String>,
    /// Its progress.
    pub progress: Option<Percent>,
    /// UTC text without a zone, e.g. `2023-05-31T04:07:32`.
    pub start_time: Option<String>,
    /// When it finished (UTC text, as sent).
    pub finish_time: Option<String>,
    /// A failed step's reason: `extraInfo.errorMsg` (with its code).
    pub error: Option<OmsError>,
    /// When it failed (`extraInfo.failedTime`, UTC text as sent), read
    /// whatever the step's status now: a step running again after a
    /// failure keeps its mark on the chart while OMS sends it.
    pub failed_time: Option<String>,
    /// Full transfer: rows done, rows estimated, rows a second at source and sink.
    pub processed_records: Option<i64>,
    /// Rows OMS estimates in all.
    pub capacity: Option<i64>,
    /// Rows read per second.
    pub src_rps: Option<i64>,
    /// Rows written per second.
    pub dst_rps: Option<i64>,
    /// Incremental: the checkpoint and when OMS sampled it (unix seconds, OMS's clock).
    pub incr_checkpoint: Option<String>,
    /// When OMS sampled the checkpoint (unix seconds, OMS's clock).
    pub checkpoint_sample: Option<i64>,
    /// `DescribeOmsOpenAPIProject` only.
    pub estimated_remaining_secs: Option<i64>,
}

#[cfg(test)]
impl WireStep {
    /// A step for tests: its name, status and progress, nothing else.
    pub(crate) fn at(name: &str, status: &str, progress: u8) -> WireStep {
        WireStep {
            name: Some(name.into()),
            status: Some(status.into()),
            progress: Some(super::Percent {
                value: progress,
                raw: None,
            }),
            ..WireStep::default()
        }
    }
}

/// Reads one `DescribeProjectSteps` response.
pub fn classify_steps(status: u16, body: &str) -> Result<Vec<WireStep>, FetchError> {
    super::outcome::classify_with(status, body, |envelope| list_data(envelope, wire_step))
}

pub(super) fn wire_step(step: &Object) -> WireStep {
    let extra = match field(step, &["extraInfo"]) {
        Some(Value::Object(extra)) => Some(extra),
        _ => None,
    };
    let info = match field(step, &["stepInfo"]) {
        Some(Value::Object(info)) => Some(info),
        _ => None,
    };
    let from_info = |names: &[&str]| info.and_then(|i| number(i, names));
    let error = extra.and_then(|extra| {
        let e = OmsError {
            code: text(extra, &["errorCode"]),
            message: text(extra, &["errorMsg"]),
            ..OmsError::default()
        };
        (e.code.is_some() || e.message.is_some()).then_some(e)
    });
    WireStep {
        order: number(step, &["order", "stepOrder"]),
        name: text(step, &["name", "stepName"]),
        description: text(step, &["description", "stepDescription"]),
        status: text(step, &["status", "stepStatus"]),
        progress: percent(step, &["progress", "stepProgress"]),
        start_time: text(step, &["startTime"]),
        finish_time: text(step, &["finishTime"]),
        error,
        failed_time: extra.and_then(|extra| text(extra, &["failedTime"])),
        processed_records: from_info(&["processedRecords"]),
        capacity: from_info(&["capacity"]),
        src_rps: from_info(&["srcRps"]),
        dst_rps: from_info(&["dstRps"]),
        incr_checkpoint: info.and_then(|i| text(i, &["incrTimestampCheckpoint"])),
        checkpoint_sample: from_info(&["checkpointSampleTimestamp"]),
        estimated_remaining_secs: number(step, &["estimatedRemainingSeconds"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ParseError;

    #[test]
    fn a_steps_answer_as_odc_captured_it() {
        let body = r#"{"success":true,"data":[
          {"order":3,"name":"FULL_TRANSFER","description":"全量迁移","status":"FAILED",
           "extraInfo":{"errorDetails":null,"errorCode":"CM-STEP000121","errorMsg":"target table missing","errorParam":null,"failedTime":"2023-05-31T04:09:02"},
           "startTime":"2023-05-31T04:08:42","finishTime":null,"progress":63,
           "stepInfo":{"processedRecords":630,"capacity":1000,"srcRps":52,"dstRps":48}},
          {"order":4,"name":"incr_transfer","status":"MONITORING","extraInfo":{"errorMsg":null},
           "startTime":"2023-05-31T04:09:07","finishTime":null,"progress":100,
           "stepInfo":{"incrTimestampCheckpoint":1685796846,"checkpointSampleTimestamp":1685796847}},
          "not a step"]}"#;
        let steps = classify_steps(200, body).unwrap();
        assert_eq!(steps.len(), 2);
        let full = &steps[0];
        assert_eq!(
            (
                full.name.as_deref(),
                full.status.as_deref(),
                full.progress.as_ref().map(|p| p.value)
            ),
            (Some("FULL_TRANSFER"), Some("FAILED"), Some(63))
        );
        assert_eq!(
            full.error.as_ref().unwrap().message.as_deref(),
            Some("target table missing")
        );
        assert_eq!(full.failed_time.as_deref(), Some("2023-05-31T04:09:02"));
        assert_eq!(
            (full.processed_records, full.capacity, full.src_rps),
            (Some(630), Some(1000), Some(52))
        );
        let incr = &steps[1];
        assert_eq!(
            (
                incr.error.clone(),
                incr.failed_time.clone(),
                incr.checkpoint_sample
            ),
            (None, None, Some(1_685_796_847))
        );
        assert_eq!(incr.incr_checkpoint.as_deref(), Some("1685796846"));
    }

    #[test]
    fn through_ocp_and_the_prefixed_names() {
        let body = r#"{"Success":true,"Code":200,"Cost":12,"Data":[{"stepOrder":1,"stepName":"TRANSFER_PRECHECK","stepStatus":"FINISHED","stepProgress":100,"estimatedRemainingSeconds":0}]}"#;
        let steps = classify_steps(200, body).unwrap();
        assert_eq!(
            (
                steps[0].order,
                steps[0].name.as_deref(),
                steps[0].status.as_deref()
            ),
            (Some(1), Some("TRANSFER_PRECHECK"), Some("FINISHED"))
        );
        assert!(matches!(
            classify_steps(200, r#"{"success":true,"data":{"status":"RUNNING"}}"#),
            Err(FetchError::Invalid(ParseError::NotAList))
        ));
    }
}
