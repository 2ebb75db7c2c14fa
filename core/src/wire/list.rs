//! OMS 4.x's `ListProjects`: one page of projects, each with its status,
//! running step and progress, sync delay and alarm state, so a view of
//! every project needs one request per page, not one per project.

use super::json::{Json as Value, Object};
use super::read::{field, flag, list_data, number, percent, text};
use super::{FetchError, Percent, Status};

/// The most projects OMS puts on one page.
pub const MAX_PAGE_SIZE: u32 = 150;

/// A list page is far larger than a progress answer (150 projects with their
/// steps); past this it is not one.
pub const MAX_LIST_BODY_BYTES: usize = 8 * 1024 * 1024;

/// One project of a list page, every field as OMS sent it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireProject {
    /// The project's id.
    pub id: Option<String>,
    /// The project's name.
    pub name: Option<String>,
    /// `SYNC`, `MIGRATION` (or raw: 4.x also lists verification tasks).
    pub kind: Option<String>,
    /// Its status.
    pub status: Option<Status>,
    /// The alarm protection level (`importance` here, not `alarmLevel`).
    pub importance: Option<String>,
    /// Its labels.
    pub labels: Vec<String>,
    /// The source's endpoint type (e.g. `MYSQL`).
    pub source_type: Option<String>,
    /// The sink's endpoint type (e.g. `OB_MYSQL`).
    pub sink_type: Option<String>,
    /// `alarmStats.alarming`, and what the alarm says.
    pub alarming: Option<bool>,
    /// OMS's alarm text.
    pub alarm_content: Option<String>,
    /// `extraInfo.runningStep` and its progress.
    pub running_step: Option<String>,
    /// The running step's progress.
    pub running_progress: Option<Percent>,
    /// `extraInfo.syncDelay` (seconds) and when OMS sampled it (unix s, OMS's clock).
    pub sync_delay: Option<i64>,
    /// When OMS sampled the delay (unix seconds, OMS's clock).
    pub delay_sampled_at: Option<i64>,
}

/// One page: its projects, and how many match in all (the envelope's `totalCount`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListPage {
    /// The page's projects.
    pub projects: Vec<WireProject>,
    /// OMS's total count of projects, when it said.
    pub total: Option<i64>,
}

/// Reads one `ListProjects` response.
pub fn classify_list(status: u16, body: &str) -> Result<ListPage, FetchError> {
    super::outcome::classify_within(status, body, MAX_LIST_BODY_BYTES, |envelope| {
        Ok(ListPage {
            projects: list_data(envelope, wire_project)?,
            total: number(envelope, &["totalCount"]),
        })
    })
}

fn wire_project(item: &Object) -> WireProject {
    let object = |name: &str| match field(item, &[name]) {
        Some(Value::Object(o)) => Some(o),
        _ => None,
    };
    let (alarms, extra) = (object("alarmStats"), object("extraInfo"));
    let labels = match field(item, &["labels"]) {
        // Each label as text, or as an object with a name.
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|label| match label {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => text(o, &["name", "labelName", "key"]),
                _ => None,
            })
            .filter(|s| !s.trim().is_empty())
            .collect(),
        _ => Vec::new(),
    };
    WireProject {
        id: text(item, &["id", "projectId"]),
        name: text(item, &["name", "projectName"]),
        kind: text(item, &["type"]),
        status: text(item, &["status"]).and_then(|s| Status::parse(&s)),
        importance: text(item, &["importance", "alarmLevel"]),
        labels,
        source_type: text(item, &["sourceEndpointType"]),
        sink_type: text(item, &["sinkEndpointType"]),
        alarming: alarms.and_then(|a| flag(a, &["alarming"])),
        alarm_content: alarms.and_then(|a| text(a, &["alarmContent"])),
        running_step: extra.and_then(|e| text(e, &["runningStep"])),
        running_progress: extra.and_then(|e| percent(e, &["runningProgress"])),
        sync_delay: extra.and_then(|e| number(e, &["syncDelay"])),
        delay_sampled_at: extra.and_then(|e| number(e, &["syncDelaySampleTimestamp"])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ParseError;

    #[test]
    fn a_list_page_with_every_documented_field() {
        let body = r#"{"success":true,"pageNumber":1,"pageSize":150,"totalCount":"151","data":[
          {"id":"np_1","name":"orders","type":"SYNC","status":"RUNNING","importance":"HIGH",
           "labels":["prod",{"name":"billing"},{"id":7},""],"sourceEndpointType":"MYSQL",
           "sinkEndpointType":"OB_MYSQL","alarmStats":{"alarming":true,"recentlyTriggerCount":2,
           "alarmContent":"sync delay"},"steps":[{"name":"INCR_TRANSFER"}],
           "extraInfo":{"runningStep":"INCR_TRANSFER","runningProgress":100,"syncDelay":42,
           "syncDelaySampleTimestamp":1700000000}},
          {"ID":"np_2","Status":"SOMETHING_NEW","extraInfo":{"syncDelay":"null","runningProgress":"abc"}},
          7]}"#;
        let page = classify_list(200, body).unwrap();
        assert_eq!(page.total, Some(151));
        let [first, second] = &page.projects[..] else {
            panic!("{page:?}")
        };
        assert_eq!(first.id.as_deref(), Some("np_1"));
        assert_eq!(first.labels, ["prod", "billing"]);
        assert_eq!(
            (first.alarming, first.alarm_content.as_deref()),
            (Some(true), Some("sync delay"))
        );
        assert_eq!(
            (first.sync_delay, first.delay_sampled_at),
            (Some(42), Some(1_700_000_000))
        );
        assert_eq!(first.running_progress.as_ref().map(|p| p.value), Some(100));
        assert_eq!(second.id.as_deref(), Some("np_2"));
        assert_eq!(second.status, Some(Status::Other("SOMETHING_NEW".into())));
        assert_eq!(second.sync_delay, None, "the text \"null\" is absent");
        assert_eq!(
            second
                .running_progress
                .as_ref()
                .and_then(|p| p.raw.as_deref()),
            Some("abc"),
            "kept raw"
        );
    }

    #[test]
    fn pages_larger_than_a_progress_answer_are_read_and_odd_ones_refused() {
        let item = r#"{"id":"np_x","status":"RUNNING","steps":[{"name":"FULL_TRANSFER","description":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}]}"#;
        let items = vec![item; 3000].join(",");
        let body = format!(r#"{{"success":true,"data":[{items}]}}"#);
        assert!(body.len() > crate::wire::MAX_BODY_BYTES);
        assert_eq!(classify_list(200, &body).unwrap().projects.len(), 3000);
        assert!(matches!(
            classify_list(200, r#"{"success":true,"data":{"id":"np_1"}}"#),
            Err(FetchError::Invalid(ParseError::NotAList))
        ));
        assert!(matches!(
            classify_list(200, r#"{"success":false,"code":"PARAM_ERROR"}"#),
            Err(FetchError::Oms(_))
        ));
    }
}
