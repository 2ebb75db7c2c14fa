//! What one poll tells a host page: new data, a changed status, a failure.
//! Pure; the driver hands each event to the widget's `on_event`.

use crate::api::{FetchError, Progress, Status};
use crate::i18n::Lang;
use crate::model::{error_view, ErrorKind, HistoryView, StuckOn, Trend};

/// One thing a host may want to react to (alert, log, count).
#[derive(Clone, Debug, PartialEq)]
pub enum PollEvent {
    /// A poll brought data (sent on every success, changed or not).
    Update(Progress),
    /// The status differs from the one before; `from` is `None` on the first data.
    StatusChange { from: Option<Status>, to: Status },
    /// A poll failed.
    Error(ErrorEvent),
    /// What the history says changed: the trend, the stuck mark, a recovery.
    Health(Health),
}

/// The parts of the history a host alerts on (not the ETAs, which move
/// with every minute).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Health {
    pub trend: Option<Trend>,
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
                FetchError::Auth { status, .. } | FetchError::Http { status, .. } => Some(*status),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{classify, OmsError};

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
            (ErrorKind::Http, Some(502), None)
        );
        assert!(e.message.contains("502"), "{}", e.message);
        let PollEvent::Error(e) = &poll_events(None, &Err(FetchError::Timeout))[0] else {
            panic!("not an error event")
        };
        assert_eq!(e.kind, ErrorKind::Timeout);
        assert!(!e.message.is_empty());
    }
}
