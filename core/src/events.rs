//! What one poll tells a host page: new data, a changed status, a failure.
//! Pure; the driver hands each event to the widget's `on_event`.

use crate::i18n::Lang;
use crate::model::{
    error_view, CheckName, CheckState, Cutover, CutoverVerdict, ErrorKind, HistoryView, StuckOn,
    Trend,
};
use crate::wire::{FetchError, Progress, ProjectList, Status, WireProject};

/// Which project: its id, and the name of the OMS it is in (`""` when the
/// page reads one unnamed OMS). A project id that two OMS know is two projects.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProjectRef {
    /// OMS's project id.
    pub id: String,
    /// The source's name (the `oms` option's), or `""`.
    pub source: String,
}

/// One thing a host may want to react to (alert, log, count).
#[derive(Clone, Debug, PartialEq)]
pub enum PollEvent {
    /// A poll brought data (sent on every success, changed or not).
    Update(Progress),
    /// The status differs from the one before; `from` is `None` on the first data.
    StatusChange {
        /// The status before; `None` on the first data.
        from: Option<Status>,
        /// The status now.
        to: Status,
    },
    /// A poll failed.
    Error(ErrorEvent),
    /// What the history says changed: the trend, the stuck mark, a recovery.
    Health(Health),
    /// Switch-over readiness changed its verdict (and the first verdict).
    Cutover(CutoverChange),
}

/// The parts of the history a host alerts on (not the ETAs, which move
/// with every minute).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Health {
    /// How the lag moves, when the history can tell.
    pub trend: Option<Trend>,
    /// What is stuck, when something is.
    pub stuck: Option<StuckOn>,
    /// When the stuck value was first seen (ms since the epoch).
    pub stuck_since_ms: Option<i64>,
    /// When a brief FAILED spell ended in RUNNING again.
    pub recovered_at_ms: Option<i64>,
}

impl Health {
    /// The health a history view shows.
    pub fn of(view: &HistoryView) -> Health {
        Health {
            trend: view.trend,
            stuck: view.stuck.as_ref().map(|s| s.0),
            stuck_since_ms: view.stuck_since_ms,
            recovered_at_ms: view.recovered_at_ms,
        }
    }
}

/// A change of switch-over readiness's verdict (`oms-cutover-change`).
#[derive(Clone, Debug, PartialEq)]
pub struct CutoverChange {
    /// The verdict before; `None` the first time.
    pub from: Option<CutoverVerdict>,
    /// The verdict now.
    pub to: CutoverVerdict,
    /// While not ready, the first check that blocks (failing before
    /// unknown).
    pub blocking: Option<CheckName>,
    /// The verdict's line, as the card shows it.
    pub line: String,
    /// Each check and how it stands, in the card's order.
    pub checks: Vec<(CheckName, CheckState)>,
}

impl CutoverChange {
    /// The change to `now` from the verdict `from` (`None`: the first).
    pub fn of(from: Option<CutoverVerdict>, now: &Cutover) -> CutoverChange {
        CutoverChange {
            from,
            to: now.verdict,
            blocking: now.first_blocking,
            line: now.line.clone(),
            checks: now.checks.iter().map(|c| (c.name, c.state)).collect(),
        }
    }
}

/// A failed poll, as a host reads it. English, whatever the widget's language.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorEvent {
    /// What kind of failure (its name is `data-error`'s).
    pub kind: ErrorKind,
    /// OMS's error code, when it sent one.
    pub code: Option<String>,
    /// OMS's message, else what went wrong.
    pub message: String,
    /// OMS's advice, when it sent one.
    pub advice: Option<String>,
    /// The HTTP status, when there was an answer that was not 2xx.
    pub http_status: Option<u16>,
    /// OMS's request id, when it sent one.
    pub request_id: Option<String>,
}

/// The events of one poll, given the status known before it.
pub fn poll_events(
    previous_status: Option<&Status>,
    result: &Result<Progress, FetchError>,
) -> Vec<PollEvent> {
    match result {
        Ok(progress) => {
            let mut events = vec![PollEvent::Update(progress.clone())];
            if let Some(to) = &progress.status {
                if previous_status != Some(to) {
                    events.push(PollEvent::StatusChange {
                        from: previous_status.cloned(),
                        to: to.clone(),
                    });
                }
            }
            events
        }
        Err(error) => {
            let view = error_view(error, Lang::En);
            let http_status = match error {
                FetchError::Auth { status, .. }
                | FetchError::Http { status, .. }
                | FetchError::Proxy { status, .. }
                | FetchError::NotOms { status, .. }
                | FetchError::Refused { status, .. } => Some(*status),
                _ => None,
            };
            vec![PollEvent::Error(ErrorEvent {
                kind: view.kind,
                code: view.code,
                message: view
                    .message
                    .or(view.detail)
                    .unwrap_or_else(|| view.title.to_owned()),
                advice: view.advice,
                http_status,
                request_id: view.request_id,
            })]
        }
    }
}

/// The events of one poll of the project list, each with its project's id:
/// a status change for every project whose status differs from the last
/// good list's (every project, from nothing, on the first list), or the
/// poll's error under an empty id (the list's own poll, not a project's).
/// Projects without an id or a status say nothing.
pub fn list_events(
    before: Option<&[WireProject]>,
    result: &Result<ProjectList, FetchError>,
) -> Vec<(String, PollEvent)> {
    let projects = match result {
        Ok(list) => &list.projects,
        Err(error) => {
            let events = poll_events(None, &Err(error.clone()));
            return events.into_iter().map(|e| (String::new(), e)).collect();
        }
    };
    // By id, sorted once: a thousand projects, looked up a thousand times.
    let mut known: Vec<(&str, &Status)> = before
        .unwrap_or(&[])
        .iter()
        .filter_map(|p| Some((p.id.as_deref()?, p.status.as_ref()?)))
        .collect();
    known.sort_unstable_by(|a, b| a.0.cmp(b.0));
    projects
        .iter()
        .filter_map(|p| {
            let (id, to) = (p.id.as_deref()?, p.status.as_ref()?);
            let from = known
                .binary_search_by(|k| k.0.cmp(id))
                .ok()
                .map(|at| known[at].1);
            (from != Some(to)).then(|| {
                let change = PollEvent::StatusChange {
                    from: from.cloned(),
                    to: to.clone(),
                };
                (id.to_owned(), change)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{classify, OmsError};

    fn running(status: &str) -> Result<Progress, FetchError> {
        Ok(Progress {
            status: Status::parse(status),
            ..Progress::default()
        })
    }

    #[test]
    fn first_data_is_an_update_and_a_change_from_nothing() {
        let events = poll_events(None, &running("RUNNING"));
        assert!(matches!(events[0], PollEvent::Update(_)));
        assert_eq!(
            events[1],
            PollEvent::StatusChange {
                from: None,
                to: Status::Running
            }
        );
    }

    #[test]
    fn the_same_status_again_is_only_an_update() {
        let before = Some(&Status::Running);
        assert_eq!(poll_events(before, &running("RUNNING")).len(), 1);
        let events = poll_events(before, &running("FAILED"));
        assert_eq!(
            events[1],
            PollEvent::StatusChange {
                from: Some(Status::Running),
                to: Status::Failed
            }
        );
    }

    #[test]
    fn a_failure_carries_omss_code_message_and_advice() {
        let error = Err(FetchError::Oms(OmsError {
            code: Some("CM-RESONF000003".into()),
            message: Some("not found".into()),
            advice: Some("check the id".into()),
            request_id: None,
            level: None,
        }));
        let PollEvent::Error(e) = &poll_events(Some(&Status::Running), &error)[0] else {
            panic!("not an error event")
        };
        assert_eq!(e.kind, ErrorKind::NotFound);
        assert_eq!(e.code.as_deref(), Some("CM-RESONF000003"));
        assert_eq!(e.message, "not found");
        assert_eq!(e.advice.as_deref(), Some("check the id"));
    }

    #[test]
    fn a_failure_without_oms_fields_says_what_went_wrong() {
        let PollEvent::Error(e) = &poll_events(None, &classify(502, "<html>bad gateway</html>"))[0]
        else {
            panic!("not an error event")
        };
        assert_eq!(
            (e.kind, e.http_status, e.code.as_deref()),
            (ErrorKind::Proxy, Some(502), None)
        );
        assert!(e.message.contains("502"), "{}", e.message);
        let PollEvent::Error(e) = &poll_events(None, &Err(FetchError::Timeout))[0] else {
            panic!("not an error event")
        };
        assert_eq!(e.kind, ErrorKind::Timeout);
        assert!(!e.message.is_empty());
    }

    fn listed(id: &str, status: &str) -> WireProject {
        WireProject {
            id: Some(id.into()),
            status: Status::parse(status),
            ..WireProject::default()
        }
    }

    #[test]
    fn the_first_list_changes_every_project_from_nothing() {
        let list = Ok(ProjectList::of(vec![
            listed("a", "RUNNING"),
            listed("b", "FAILED"),
        ]));
        let events = list_events(None, &list);
        assert_eq!(events.len(), 2);
        assert_eq!(
            events[1],
            (
                "b".to_owned(),
                PollEvent::StatusChange {
                    from: None,
                    to: Status::Failed
                }
            )
        );
    }

    #[test]
    fn a_later_list_tells_only_the_projects_that_changed_or_appeared() {
        let before = [listed("a", "RUNNING"), listed("b", "RUNNING")];
        let after = Ok(ProjectList::of(vec![
            listed("b", "FAILED"),
            listed("a", "RUNNING"),
            listed("c", "SUSPEND"),
            WireProject::default(),
        ]));
        let events = list_events(Some(&before), &after);
        let said: Vec<(&str, Option<&str>, &str)> = events
            .iter()
            .map(|(id, e)| match e {
                PollEvent::StatusChange { from, to } => {
                    (id.as_str(), from.as_ref().map(Status::code), to.code())
                }
                other => panic!("not a status change: {other:?}"),
            })
            .collect();
        assert_eq!(
            said,
            [("b", Some("RUNNING"), "FAILED"), ("c", None, "SUSPEND")]
        );
    }

    #[test]
    fn a_failed_list_is_one_error_of_the_list_itself() {
        let before = [listed("a", "RUNNING")];
        let events = list_events(Some(&before), &Err(FetchError::Timeout));
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].0, "");
        assert!(matches!(&events[0].1, PollEvent::Error(e) if e.kind == ErrorKind::Timeout));
    }
}
