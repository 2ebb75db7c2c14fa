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
    /// The item's step plan (`steps`), when it carries one: a failed
    /// project's reason is in its failed step.
    pub steps: Vec<super::WireStep>,
}

/// One page: its projects, and how many match in all (the envelope's `totalCount`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListPage {
    /// The page's projects.
    pub projects: Vec<WireProject>,
    /// OMS's total count of projects, when it said.
    pub total: Option<i64>,
}

/// At most this many pages (22,500 projects at OMS's page size) are read
/// per poll: a server that never ends its list cannot keep a poll going.
pub const MAX_PAGES: u32 = 150;

/// Every project a poll of the list read, and whether that is all of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectList {
    /// The projects, in OMS's order, from every page read.
    pub projects: Vec<WireProject>,
    /// OMS's count of every project the query matches, when it said.
    pub total: Option<i64>,
    /// Why the list stopped before its end: a page after the first could
    /// not be read. The board then says it is partial.
    pub cut_short: Option<FetchError>,
    /// OMS's clock when it answered the first page (its `Date`), unix
    /// seconds: the delays' sample times are read against it.
    pub oms_now_secs: Option<i64>,
}

impl ProjectList {
    /// A whole list of `projects`, as one page with no count would give.
    pub fn of(projects: Vec<WireProject>) -> Self {
        ProjectList {
            projects,
            ..ProjectList::default()
        }
    }

    /// Whether fewer projects were read than OMS has.
    pub fn is_partial(&self) -> bool {
        self.cut_short.is_some() || self.total.is_some_and(|t| (self.projects.len() as i64) < t)
    }
}

/// Reads a list page by page, whatever page size the server really uses:
/// on by `totalCount` while it has more, and without one until an empty
/// page; a page that brings no project not seen before ends it too (a
/// server that ignores `pageNumber`).
#[derive(Debug, Default)]
pub struct ListCollector {
    list: ProjectList,
    seen: std::collections::BTreeSet<String>,
    pages: u32,
}

impl ListCollector {
    /// Adds the next page (with OMS's clock from its `Date`, unix seconds);
    /// returns the number of the page to ask for next, or `None` when the
    /// list is complete.
    pub fn add(&mut self, page: ListPage, oms_now_secs: Option<i64>) -> Option<u32> {
        self.pages += 1;
        if self.pages == 1 {
            self.list.oms_now_secs = oms_now_secs;
        }
        if page.total.is_some() {
            self.list.total = page.total;
        }
        let got = page.projects.len();
        let mut new = 0;
        for project in page.projects {
            // Projects without an id are counted as new: nothing to compare.
            if project
                .id
                .as_ref()
                .is_none_or(|id| self.seen.insert(id.clone()))
            {
                new += 1;
                self.list.projects.push(project);
            }
        }
        let have = self.list.projects.len() as i64;
        let more = match self.list.total {
            Some(total) => have < total,
            None => true,
        };
        (got > 0 && new > 0 && more && self.pages < MAX_PAGES).then_some(self.pages + 1)
    }

    /// The list when a page failed: the error itself when it was the first
    /// page, else what was read, marked cut short.
    pub fn fail(mut self, error: FetchError) -> Result<ProjectList, FetchError> {
        if self.pages == 0 {
            return Err(error);
        }
        self.list.cut_short = Some(error);
        Ok(self.list)
    }

    /// The list as read.
    pub fn finish(self) -> ProjectList {
        self.list
    }
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
        steps: match field(item, &["steps"]) {
            Some(Value::Array(steps)) => steps
                .iter()
                .filter_map(|s| match s {
                    Value::Object(s) => Some(super::steps::wire_step(s)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        },
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

    fn page(ids: std::ops::Range<usize>, total: Option<i64>) -> ListPage {
        ListPage {
            projects: ids
                .map(|i| WireProject {
                    id: Some(format!("np_{i}")),
                    ..WireProject::default()
                })
                .collect(),
            total,
        }
    }

    #[test]
    fn pages_go_on_by_the_count_whatever_size_the_server_pages_by() {
        // Asked for 150 a page, the server answers 50: 120 in all.
        let mut list = ListCollector::default();
        assert_eq!(list.add(page(0..50, Some(120)), Some(7)), Some(2));
        assert_eq!(list.add(page(50..100, Some(120)), Some(9)), Some(3));
        assert_eq!(list.add(page(100..120, Some(120)), None), None);
        let list = list.finish();
        assert_eq!((list.projects.len(), list.oms_now_secs), (120, Some(7)));
        assert!(!list.is_partial());
    }

    #[test]
    fn without_a_count_pages_go_on_until_an_empty_or_repeated_page() {
        let mut list = ListCollector::default();
        assert_eq!(list.add(page(0..150, None), None), Some(2));
        assert_eq!(list.add(page(150..160, None), None), Some(3));
        assert_eq!(list.add(page(0..0, None), None), None);
        assert_eq!(list.finish().projects.len(), 160);
        // A server that ignores pageNumber answers page 1 again.
        let mut list = ListCollector::default();
        assert_eq!(list.add(page(0..50, None), None), Some(2));
        assert_eq!(list.add(page(0..50, None), None), None);
        assert_eq!(list.finish().projects.len(), 50);
    }

    #[test]
    fn a_page_that_fails_after_the_first_leaves_a_partial_list() {
        let mut list = ListCollector::default();
        list.add(page(0..50, Some(120)), None);
        let list = list.fail(FetchError::Timeout).unwrap();
        assert!(list.is_partial());
        assert_eq!((list.projects.len(), list.total), (50, Some(120)));
        assert_eq!(list.cut_short, Some(FetchError::Timeout));
        // The first page failing fails the poll.
        let first = ListCollector::default().fail(FetchError::Timeout);
        assert_eq!(first, Err(FetchError::Timeout));
    }

    #[test]
    fn pages_larger_than_a_progress_answer_are_read_and_odd_ones_refused() {
        let item = r#"{"id":"np_x","status":"RUNNING","steps":[{"name":"FULL_TRANSFER","description":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}]}"#;
        let items = vec![item; 3000].join(",");
        let body = format!(r#"{{"success":true,"data":[{items}]}}"#);
        assert!(body.len() > super::super::read::MAX_BODY_BYTES);
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
