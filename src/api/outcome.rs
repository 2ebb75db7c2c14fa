//! One HTTP exchange turned into an answer or a typed error.

use super::json::{self, Json, Object};
use super::{excerpt, oms_error, parse_answer, Answer, OmsError, ParseError, Progress};

/// Everything that can go wrong with one poll.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// No answer within the timeout; the request was aborted.
    Timeout,
    /// No HTTP answer at all (connection refused or closed, offline, CORS).
    Network { detail: String },
    /// 401 or 403: credentials missing, wrong or not allowed.
    Auth { status: u16, oms: OmsError },
    /// Another non-2xx status; OMS's error fields when the body had them.
    Http {
        status: u16,
        oms: Option<OmsError>,
        excerpt: String,
    },
    /// HTTP 200 with `success: false` (an unknown project, a bad parameter...).
    Oms(OmsError),
    /// A body that is not an OMS answer.
    Invalid(ParseError),
}

impl FetchError {
    /// OMS's own error fields, when it sent any.
    pub fn oms(&self) -> Option<&OmsError> {
        match self {
            FetchError::Auth { oms, .. } | FetchError::Oms(oms) => Some(oms),
            FetchError::Http { oms, .. } => oms.as_ref(),
            _ => None,
        }
    }
}

/// Reads one response: its status code and body text.
pub fn classify(status: u16, body: &str) -> Result<Progress, FetchError> {
    if status == 401 || status == 403 {
        let oms = envelope(body).map(|e| oms_error(&e)).unwrap_or_default();
        return Err(FetchError::Auth { status, oms });
    }
    if !(200..300).contains(&status) {
        let oms = envelope(body)
            .map(|e| oms_error(&e))
            .filter(|e| e.code.is_some() || e.message.is_some());
        return Err(FetchError::Http {
            status,
            oms,
            excerpt: excerpt(body),
        });
    }
    match parse_answer(body) {
        Ok(Answer::Progress(p)) => Ok(p),
        Ok(Answer::Failed(e)) => Err(FetchError::Oms(e)),
        Err(e) => Err(FetchError::Invalid(e)),
    }
}

fn envelope(body: &str) -> Option<Object> {
    if body.len() > super::MAX_BODY_BYTES {
        return None;
    }
    match json::parse(body)? {
        Json::Object(m) => Some(m),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_become_the_right_errors() {
        let unauthorized = r#"{"success":false,"code":"UNAUTHORIZED","message":"Full authentication is required"}"#;
        assert!(
            matches!(classify(401, unauthorized), Err(FetchError::Auth { status: 401, oms }) if oms.code.as_deref() == Some("UNAUTHORIZED"))
        );
        assert!(matches!(
            classify(403, "<html>"),
            Err(FetchError::Auth { status: 403, .. })
        ));
        let Err(FetchError::Http {
            status,
            oms,
            excerpt,
        }) = classify(502, "<html><title>502 Bad Gateway</title></html>")
        else {
            panic!()
        };
        assert_eq!((status, oms), (502, None));
        assert!(excerpt.contains("502 Bad Gateway"));
        let Err(FetchError::Http { oms, .. }) = classify(
            500,
            r#"{"success":false,"code":"INNER_ERROR","message":"x"}"#,
        ) else {
            panic!()
        };
        assert_eq!(oms.unwrap().code.as_deref(), Some("INNER_ERROR"));
        assert!(matches!(
            classify(200, r#"{"success":false,"code":"CM-RESONF000003"}"#),
            Err(FetchError::Oms(_))
        ));
        assert!(matches!(
            classify(200, "{\"success\":tr"),
            Err(FetchError::Invalid(ParseError::NotJson { .. }))
        ));
        assert!(classify(200, r#"{"success":true,"data":{"status":"RUNNING"}}"#).is_ok());
    }
}
