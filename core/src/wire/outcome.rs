//! One HTTP exchange turned into an answer or a typed error.

use super::json::Object;
use super::read::{envelope, excerpt, failed, oms_error, progress_data, MAX_BODY_BYTES};
use super::{OmsError, ParseError, Progress};
use std::fmt;

/// Everything that can go wrong with one poll.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// No answer within the timeout; the request was aborted.
    Timeout,
    /// No HTTP answer at all, for a reason not known (refused, closed,
    /// offline, or refused by CORS).
    Network {
        /// The browser's words.
        detail: String,
    },
    /// The host answered, but the browser would not let the page read it:
    /// the base URL is another origin that does not allow this page (CORS).
    Cors {
        /// Where the request went, and the browser's words.
        detail: String,
    },
    /// Nothing answers at the host (connection refused, no such name, no
    /// route, offline).
    Unreachable {
        /// Where the request went, and the browser's words.
        detail: String,
    },
    /// A proxy in front of OMS answered for it (500, 502, 503 or 504
    /// without OMS's JSON): the proxy is up, OMS is not reachable from it.
    Proxy {
        /// The HTTP status.
        status: u16,
        /// The title of the proxy's error page, when it sent one.
        title: Option<String>,
    },
    /// An answer that is not OMS's API at all: a web page, or a 404 that is
    /// not OMS's (a static server, or a proxy without the route).
    NotOms {
        /// The HTTP status.
        status: u16,
        /// The title of the page, when it was one.
        title: Option<String>,
    },
    /// 401, 403, 404 or 405 with a page instead of JSON (nginx's, or another
    /// server's): something in front of OMS refused this path, and OMS never
    /// saw the request. Not OMS's account: OMS answers in JSON.
    Refused {
        /// 401, 403 or 404.
        status: u16,
        /// The title of the page, when it sent one.
        title: Option<String>,
        /// The path refused (with its query), once the caller set it
        /// ([`FetchError::at`]); empty before.
        path: String,
    },
    /// The host page's `headers` function failed, so no request was sent:
    /// the page's own code is at fault, not the network or OMS.
    Headers {
        /// Why the headers could not be had.
        detail: String,
    },
    /// 401 or 403: credentials missing, wrong or not allowed.
    Auth {
        /// 401 or 403.
        status: u16,
        /// What OMS said, if anything.
        oms: OmsError,
    },
    /// Another non-2xx status; OMS's error fields when the body had them.
    Http {
        /// The HTTP status.
        status: u16,
        /// Boxed: most failures carry none, and it keeps every result small.
        oms: Option<Box<OmsError>>,
        /// The start of the body, as text.
        excerpt: String,
    },
    /// HTTP 200 with `success: false` (an unknown project, a bad parameter...).
    Oms(OmsError),
    /// A body that is not an OMS answer.
    Invalid(ParseError),
}

impl FetchError {
    /// Whether asking again soon may bring an answer: no answer came (a
    /// timeout, the network, the host, the proxy), or a server error. Not
    /// after OMS's own refusal, a not-found or a wrong answer, which stand
    /// until what was asked changes.
    pub fn passing(&self) -> bool {
        match self {
            FetchError::Timeout
            | FetchError::Network { .. }
            | FetchError::Unreachable { .. }
            | FetchError::Proxy { .. } => true,
            FetchError::Http { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// The same error, a refusal naming the path of `url` (a full URL or a
    /// path) that was refused: only the caller knows where it asked.
    pub fn at(self, url: &str) -> Self {
        match self {
            FetchError::Refused { status, title, .. } => FetchError::Refused {
                status,
                title,
                path: path_of(url).to_owned(),
            },
            other => other,
        }
    }

    /// OMS's own error fields, when it sent any.
    pub fn oms(&self) -> Option<&OmsError> {
        match self {
            FetchError::Auth { oms, .. } | FetchError::Oms(oms) => Some(oms),
            FetchError::Http { oms, .. } => oms.as_deref(),
            _ => None,
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Timeout => f.write_str("no answer within the timeout"),
            FetchError::Network { detail } if detail.is_empty() => f.write_str("no HTTP answer"),
            FetchError::Network { detail } => write!(f, "no HTTP answer: {detail}"),
            FetchError::Cors { detail } => write!(f, "blocked by CORS: {detail}"),
            FetchError::Unreachable { detail } => write!(f, "unreachable: {detail}"),
            FetchError::Proxy { status, .. } => write!(f, "HTTP {status} from the proxy"),
            FetchError::NotOms { status, .. } => write!(f, "HTTP {status}, not OMS's API"),
            FetchError::Refused { status, path, .. } if path.is_empty() => {
                write!(f, "HTTP {status}: refused before OMS")
            }
            FetchError::Refused { status, path, .. } => {
                write!(f, "HTTP {status}: {path} refused before OMS")
            }
            FetchError::Headers { detail } => write!(f, "no request sent: {detail}"),
            FetchError::Auth { status, .. } => write!(f, "HTTP {status}: not authorised"),
            FetchError::Http { status, .. } => write!(f, "HTTP {status}"),
            FetchError::Oms(e) => write!(
                f,
                "OMS error {}",
                e.code
                    .as_deref()
                    .or(e.message.as_deref())
                    .unwrap_or("(no code)")
            ),
            FetchError::Invalid(e) => e.fmt(f),
        }
    }
}

/// Reads one progress response: its status code and body text.
pub fn classify(status: u16, body: &str) -> Result<Progress, FetchError> {
    classify_with(status, body, progress_data)
}

/// Reads one response, its successful envelope through `read`.
pub(super) fn classify_with<T>(
    status: u16,
    body: &str,
    read: impl FnOnce(&Object) -> Result<T, ParseError>,
) -> Result<T, FetchError> {
    classify_within(status, body, MAX_BODY_BYTES, read)
}

/// Like [`classify_with`], for a body of at most `max_bytes`.
pub(super) fn classify_within<T>(
    status: u16,
    body: &str,
    max_bytes: usize,
    read: impl FnOnce(&Object) -> Result<T, ParseError>,
) -> Result<T, FetchError> {
    let json = body.trim_start().starts_with(['{', '[']);
    // A page where OMS would send JSON: whatever answered stood in front of
    // OMS. OMS's own 404 is Spring's JSON; an empty 401 or 403 may be OMS
    // refusing the account, and stays so.
    let page = !json && (matches!(status, 404 | 405) || !body.trim().is_empty());
    if matches!(status, 401 | 403 | 404 | 405) && page {
        return Err(FetchError::Refused {
            status,
            title: html_title(body),
            path: String::new(),
        });
    }
    if status == 401 || status == 403 {
        let oms = envelope(body, max_bytes)
            .map(|e| oms_error(&e))
            .unwrap_or_default();
        return Err(FetchError::Auth { status, oms });
    }
    if !(200..300).contains(&status) {
        let oms = envelope(body, max_bytes)
            .ok()
            .map(|e| oms_error(&e))
            .filter(|e| e.code.is_some() || e.message.is_some())
            .map(Box::new);
        if oms.is_none() && !json {
            let title = html_title(body);
            return Err(match status {
                500 | 502..=504 => FetchError::Proxy { status, title },
                _ => FetchError::NotOms { status, title },
            });
        }
        return Err(FetchError::Http {
            status,
            oms,
            excerpt: excerpt(body),
        });
    }
    if body.trim_start().starts_with('<') {
        return Err(FetchError::NotOms {
            status,
            title: html_title(body),
        });
    }
    let envelope = envelope(body, max_bytes).map_err(FetchError::Invalid)?;
    if failed(&envelope) {
        return Err(FetchError::Oms(oms_error(&envelope)));
    }
    read(&envelope).map_err(FetchError::Invalid)
}

/// The path and query of `url`: `https://h/p?q` → `/p?q`; a path stays.
fn path_of(url: &str) -> &str {
    match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |at| &rest[at..]),
        None => url,
    }
}

/// The `<title>` of an HTML page, as text (entities left as they are: it is
/// shown as text, never as markup); `None` when it has none.
fn html_title(body: &str) -> Option<String> {
    let lower = body.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let title: String = body
        .get(start..end)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!title.is_empty()).then(|| excerpt(&title))
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
        // OMS refusing the account answers in JSON; a page is whatever stands
        // in front of OMS refusing the path (nginx's `return 403`).
        assert!(matches!(
            classify(403, r#"{"success":false,"code":"FORBIDDEN"}"#),
            Err(FetchError::Auth { status: 403, .. })
        ));
        assert!(matches!(
            classify(401, ""),
            Err(FetchError::Auth { status: 401, .. })
        ));
        let nginx = "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        assert_eq!(
            classify(403, nginx).map_err(|e| e.at("/oms/api/omsp/v2/sync/np_1/progress")),
            Err(FetchError::Refused {
                status: 403,
                title: Some("403 Forbidden".into()),
                path: "/oms/api/omsp/v2/sync/np_1/progress".into(),
            })
        );
        // A proxy's error page: its status and title, never its markup.
        assert_eq!(
            classify(
                502,
                "<html>\r\n<head><title>502 Bad Gateway</title></head><body>x</body></html>"
            ),
            Err(FetchError::Proxy {
                status: 502,
                title: Some("502 Bad Gateway".into())
            })
        );
        assert_eq!(
            classify(500, ""),
            Err(FetchError::Proxy {
                status: 500,
                title: None
            })
        );
        // A page or a bare 404 instead of OMS's API: refused before OMS.
        assert_eq!(
            classify(404, "<!DOCTYPE html><html><head><TITLE>Not Found</TITLE>")
                .map_err(|e| e.at("https://portal.example/oms/api/v2?Action=ListProjects")),
            Err(FetchError::Refused {
                status: 404,
                title: Some("Not Found".into()),
                path: "/oms/api/v2?Action=ListProjects".into(),
            })
        );
        assert_eq!(
            classify(404, "Not Found"),
            Err(FetchError::Refused {
                status: 404,
                title: None,
                path: String::new(),
            })
        );
        assert!(matches!(
            classify(404, ""),
            Err(FetchError::Refused { status: 404, .. })
        ));
        // A static server that has the path but not the method: refused too.
        assert!(matches!(
            classify(405, "<html><title>405 Not Allowed</title></html>"),
            Err(FetchError::Refused { status: 405, .. })
        ));
        // Another status with a page is still not OMS's API.
        assert_eq!(
            classify(400, "<html><title>400 Bad Request</title></html>"),
            Err(FetchError::NotOms {
                status: 400,
                title: Some("400 Bad Request".into())
            })
        );
        assert_eq!(
            classify(
                200,
                "<!doctype html><html><head><title>Portal</title></head></html>"
            ),
            Err(FetchError::NotOms {
                status: 200,
                title: Some("Portal".into())
            })
        );
        // Spring's own 404 JSON is OMS's: this OMS has no such endpoint.
        assert!(matches!(
            classify(
                404,
                r#"{"timestamp":1,"status":404,"error":"Not Found","path":"/api/x"}"#
            ),
            Err(FetchError::Http { status: 404, .. })
        ));
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

    #[test]
    fn every_error_says_what_happened_in_a_line() {
        for (error, text) in [
            (FetchError::Timeout, "no answer within the timeout"),
            (
                FetchError::Headers {
                    detail: "the headers function threw".into(),
                },
                "no request sent: the headers function threw",
            ),
            (classify(502, "").unwrap_err(), "HTTP 502 from the proxy"),
            (classify(503, "{}").unwrap_err(), "HTTP 503"),
            (
                classify(404, "<html>")
                    .unwrap_err()
                    .at("/api/v2?Action=ListProjects"),
                "HTTP 404: /api/v2?Action=ListProjects refused before OMS",
            ),
            (
                classify(400, "<html>").unwrap_err(),
                "HTTP 400, not OMS's API",
            ),
            (
                classify(200, r#"{"success":false,"code":"PARAM_ERROR"}"#).unwrap_err(),
                "OMS error PARAM_ERROR",
            ),
            (
                classify(200, "").unwrap_err(),
                "the response body was empty",
            ),
        ] {
            assert_eq!(error.to_string(), text);
        }
    }
}
