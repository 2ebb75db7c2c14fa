//! What kind of failure a poll met, and how the operator reads it.

use crate::i18n::{self, Lang, Msg};
use crate::wire::{FetchError, ParseError};

/// The kinds of failure, as `data-error` and the `oms-error` event name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// No answer within the timeout.
    Timeout,
    /// No HTTP answer, for a reason not known.
    Network,
    /// The browser would not let the page read the answer (CORS).
    Cors,
    /// Nothing answers at the host.
    Unreachable,
    /// A proxy answered for OMS: it cannot reach OMS.
    Proxy,
    /// The answer is not OMS's API (a web page instead of JSON).
    NotOms,
    /// Something in front of OMS refused the path (401, 403 or 404 with a
    /// page, not OMS's JSON): OMS never saw the request.
    Refused,
    /// OMS 3.x knows the project under the other endpoint (sync or migration).
    WrongApi,
    /// The host page's `headers` function failed; no request was sent.
    Headers,
    /// 401 or 403.
    Auth,
    /// Another non-2xx HTTP status.
    Http,
    /// OMS does not know the project.
    NotFound,
    /// OMS is not ready yet or a service of its is down: retried with backoff.
    Temporary,
    /// Another error OMS reported.
    Oms,
    /// A body that is not an OMS answer.
    Invalid,
    /// The widget's own options are wrong; it polls nothing.
    Config,
}

impl ErrorKind {
    /// Every kind, for tables and tests.
    pub const ALL: [ErrorKind; 16] = [
        ErrorKind::Timeout,
        ErrorKind::Network,
        ErrorKind::Cors,
        ErrorKind::Unreachable,
        ErrorKind::Proxy,
        ErrorKind::NotOms,
        ErrorKind::Refused,
        ErrorKind::WrongApi,
        ErrorKind::Headers,
        ErrorKind::Auth,
        ErrorKind::Http,
        ErrorKind::NotFound,
        ErrorKind::Temporary,
        ErrorKind::Oms,
        ErrorKind::Invalid,
        ErrorKind::Config,
    ];

    /// The value of `data-error` and of the event's `kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Timeout => "timeout",
            ErrorKind::Network => "network",
            ErrorKind::Cors => "cors",
            ErrorKind::Unreachable => "unreachable",
            ErrorKind::Proxy => "proxy",
            ErrorKind::NotOms => "not-oms",
            ErrorKind::Refused => "refused",
            ErrorKind::WrongApi => "wrong-api",
            ErrorKind::Headers => "headers",
            ErrorKind::Auth => "auth",
            ErrorKind::Http => "http",
            ErrorKind::NotFound => "not-found",
            ErrorKind::Temporary => "temporary",
            ErrorKind::Oms => "oms",
            ErrorKind::Invalid => "invalid",
            ErrorKind::Config => "config",
        }
    }

    /// The panel's title.
    pub fn title(self) -> Msg {
        match self {
            ErrorKind::Timeout => Msg::ErrTimeout,
            ErrorKind::Network => Msg::ErrNetwork,
            ErrorKind::Cors => Msg::ErrCors,
            ErrorKind::Unreachable => Msg::ErrUnreachable,
            ErrorKind::Proxy => Msg::ErrProxy,
            ErrorKind::NotOms => Msg::ErrNotOms,
            ErrorKind::Refused => Msg::ErrRefused,
            ErrorKind::WrongApi => Msg::ErrWrongApi,
            ErrorKind::Headers => Msg::ErrHeaders,
            ErrorKind::Auth => Msg::ErrAuth,
            ErrorKind::Http => Msg::ErrHttp,
            ErrorKind::NotFound => Msg::ErrNotFound,
            ErrorKind::Temporary => Msg::ErrTemporary,
            ErrorKind::Oms => Msg::ErrOms,
            ErrorKind::Invalid => Msg::ErrInvalid,
            ErrorKind::Config => Msg::ErrConfig,
        }
    }

    /// The kind of a failed poll.
    pub fn of(error: &FetchError) -> ErrorKind {
        match error {
            FetchError::Timeout => ErrorKind::Timeout,
            FetchError::Network { .. } => ErrorKind::Network,
            FetchError::Cors { .. } => ErrorKind::Cors,
            FetchError::Unreachable { .. } => ErrorKind::Unreachable,
            FetchError::Proxy { .. } => ErrorKind::Proxy,
            FetchError::NotOms { .. } => ErrorKind::NotOms,
            FetchError::Refused { .. } => ErrorKind::Refused,
            FetchError::Headers { .. } => ErrorKind::Headers,
            FetchError::Auth { .. } => ErrorKind::Auth,
            FetchError::Http { .. } => ErrorKind::Http,
            FetchError::Oms(e) if is_not_found(e.code.as_deref()) => ErrorKind::NotFound,
            FetchError::Oms(e) if is_temporary(e.code.as_deref()) => ErrorKind::Temporary,
            FetchError::Oms(_) => ErrorKind::Oms,
            FetchError::Invalid(_) => ErrorKind::Invalid,
        }
    }
}

/// A failure ready to draw: OMS's own fields as text, plus what we know.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorView {
    /// Which kind of failure (`data-error`).
    pub kind: ErrorKind,
    /// The headline, in the widget's language.
    pub title: &'static str,
    /// OMS's error code, as sent.
    pub code: Option<String>,
    /// OMS's (or the browser's) message, as sent.
    pub message: Option<String>,
    /// OMS's advice, as sent.
    pub advice: Option<String>,
    /// OMS's request id: what OMS support asks for.
    pub request_id: Option<String>,
    /// HTTP status, a short excerpt of a bad body, or what the browser said.
    pub detail: Option<String>,
    /// What to try, when the failure itself says it (a 404: another API).
    pub hint: Option<String>,
    /// OMS's `errorDetail.level`, as sent.
    pub level: Option<String>,
}

/// How the operator reads a failed poll.
pub fn error_view(error: &FetchError, lang: Lang) -> ErrorView {
    let kind = ErrorKind::of(error);
    let oms = error.oms().cloned().unwrap_or_default();
    let detail = match error {
        FetchError::Timeout | FetchError::Oms(_) => None,
        FetchError::Network { detail }
        | FetchError::Headers { detail }
        | FetchError::Cors { detail }
        | FetchError::Unreachable { detail } => Some(detail.clone()).filter(|d| !d.is_empty()),
        // The status line and the page's title at most: never its markup.
        FetchError::Proxy { status, title }
        | FetchError::NotOms { status, title }
        | FetchError::Refused { status, title, .. } => Some(match title {
            Some(title) => format!("{}: {}", i18n::http_status(*status), i18n::quoted(title)),
            None => i18n::http_status(*status),
        }),
        FetchError::Auth { status, .. } => Some(i18n::http_status(*status)),
        FetchError::Http {
            status, excerpt, ..
        } => Some(if excerpt.is_empty() {
            i18n::http_status(*status)
        } else {
            format!("{}: {excerpt}", i18n::http_status(*status))
        }),
        FetchError::Invalid(
            ParseError::NotJson { excerpt } | ParseError::NotAnObject { excerpt },
        ) => Some(excerpt.clone()),
        FetchError::Invalid(e) => Some(e.to_string()),
    };
    let ours = match (kind, error) {
        (_, FetchError::Refused { path, .. }) => Some(i18n::refused_hint(lang, path)),
        (kind, _) => hint_of(kind).map(|m| m.text(lang).to_owned()),
    };
    ErrorView {
        kind,
        title: kind.title().text(lang),
        code: oms.code,
        message: oms.message,
        advice: ours.or(oms.advice),
        request_id: oms.request_id,
        level: oms.level,
        detail,
        // No such endpoint: most likely the OMS version and the `api` option differ.
        hint: matches!(error, FetchError::Http { status: 404, .. })
            .then(|| Msg::TryAnotherApi.text(lang).to_owned()),
    }
}

/// What to do, for the kinds where we know better than OMS's generic
/// advice: an auth failure is the proxy's account (OMS's canned advice to
/// send Basic credentials would mislead: the widget sends none itself).
fn hint_of(kind: ErrorKind) -> Option<Msg> {
    match kind {
        ErrorKind::Auth => Some(Msg::HintAuth),
        ErrorKind::Cors => Some(Msg::HintCors),
        ErrorKind::Unreachable => Some(Msg::HintUnreachable),
        ErrorKind::Proxy => Some(Msg::HintProxy),
        ErrorKind::NotOms => Some(Msg::HintNotOms),
        _ => None,
    }
}

/// A failure in one line, in `lang`: its title, and what HTTP or the
/// browser said ("The proxy cannot reach OMS (HTTP 502)"), for a part that
/// has no room for the whole panel (the step list, the verification).
pub fn error_line(error: &FetchError, lang: Lang) -> String {
    let view = error_view(error, lang);
    match view.detail {
        Some(detail) => format!("{} ({detail})", view.title),
        None => view.title.to_owned(),
    }
}

/// The error a project of the other OMS 3.x type shows: OMS said "not
/// found" for `project` under one endpoint, and the other (`api`, `sync` or
/// `migration`) answered for it.
pub fn wrong_api_view(project: &str, api: &str, lang: Lang) -> ErrorView {
    ErrorView {
        kind: ErrorKind::WrongApi,
        title: ErrorKind::WrongApi.title().text(lang),
        code: None,
        message: None,
        advice: Some(i18n::wrong_api(lang, project, api)),
        request_id: None,
        detail: None,
        hint: None,
        level: None,
    }
}

/// Codes OMS 4.x answers while it is not ready or a service of its is down
/// (`GHANA-OPERAT000001` "the CM service may be not available", the
/// `GHANA-OPERIE…` family while a transfer instance is being created):
/// retrying later helps (from ODC's client; the family is inferred).
fn is_temporary(code: Option<&str>) -> bool {
    code.is_some_and(|c| {
        let c = c.to_ascii_uppercase();
        c == "GHANA-OPERAT000001" || c.starts_with("GHANA-OPERIE")
    })
}

/// OMS's "resource not found" codes (`CM-RESONF…`) and generic spellings.
fn is_not_found(code: Option<&str>) -> bool {
    code.is_some_and(|c| {
        let c = c.to_ascii_uppercase();
        c.starts_with("CM-RESONF") || c.contains("NOT_FOUND") || c.contains("NOTFOUND")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::OmsError;

    #[test]
    fn every_kind_has_its_own_name_and_title() {
        let names: std::collections::HashSet<_> =
            ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(names.len(), ErrorKind::ALL.len());
        let titles: std::collections::HashSet<_> = ErrorKind::ALL
            .iter()
            .map(|k| k.title().text(Lang::En))
            .collect();
        assert_eq!(titles.len(), ErrorKind::ALL.len());
    }

    #[test]
    fn a_failing_headers_function_is_the_pages_fault_not_the_networks() {
        let view = error_view(
            &FetchError::Headers {
                detail: "the headers function threw".into(),
            },
            Lang::En,
        );
        assert_eq!(view.kind, ErrorKind::Headers);
        assert_eq!(view.detail.as_deref(), Some("the headers function threw"));
        assert_ne!(view.title, Msg::ErrNetwork.text(Lang::En));
    }

    #[test]
    fn not_found_codes_and_the_request_id() {
        let error = FetchError::Oms(OmsError {
            code: Some("CM-RESONF000003".into()),
            request_id: Some("req-42".into()),
            ..OmsError::default()
        });
        let view = error_view(&error, Lang::En);
        assert_eq!(
            (view.kind, view.request_id.as_deref()),
            (ErrorKind::NotFound, Some("req-42"))
        );
        assert_eq!(view.hint, None);
    }

    #[test]
    fn not_ready_codes_are_temporary_and_keep_their_level() {
        let answer = crate::wire::classify(
            200,
            r#"{"success":false,"code":"GHANA-OPERAT000001","message":"[GHANA-OPERAT000001]: internal service error","errorDetail":{"level":"WARNING","message":"the CM service may be not available"}}"#,
        );
        let error = answer.unwrap_err();
        assert_eq!(ErrorKind::of(&error), ErrorKind::Temporary);
        assert_eq!(error.oms().unwrap().level.as_deref(), Some("WARNING"));
        let view = error_view(&error, Lang::En);
        assert_eq!(
            view.message.as_deref(),
            Some("the CM service may be not available")
        );
    }

    #[test]
    fn a_proxys_refusal_names_the_path_and_the_recipes_locations_not_omss_account() {
        let page = "<html><head><title>403 Forbidden</title></head><body>nginx</body></html>";
        let error = crate::wire::classify(403, page)
            .unwrap_err()
            .at("/oms/api/omsp/v2/sync/np_1/progress");
        for lang in [Lang::En, Lang::ZhCn] {
            let view = error_view(&error, lang);
            assert_eq!(view.kind, ErrorKind::Refused);
            let advice = view.advice.unwrap();
            assert!(
                advice.contains("/oms/api/omsp/v2/sync/np_1/progress"),
                "{advice}"
            );
            assert!(advice.contains("/api/v2?Action="), "{advice}");
            assert!(advice.contains("deploy/nginx.conf"), "{advice}");
            assert_ne!(advice, Msg::HintAuth.text(lang));
            assert_eq!(view.detail.as_deref(), Some("HTTP 403: \"403 Forbidden\""));
        }
        // OMS's own 403, in its JSON, stays OMS's account.
        let oms = crate::wire::classify(
            403,
            r#"{"success":false,"code":"FORBIDDEN","message":"Access is denied"}"#,
        )
        .unwrap_err();
        assert_eq!(ErrorKind::of(&oms), ErrorKind::Auth);
    }

    #[test]
    fn a_failure_in_one_line_in_either_language() {
        let error = crate::wire::classify(502, "<title>502 Bad Gateway</title>").unwrap_err();
        assert_eq!(
            error_line(&error, Lang::En),
            "The proxy cannot reach OMS (HTTP 502: \"502 Bad Gateway\")"
        );
        assert!(!error_line(&FetchError::Timeout, Lang::ZhCn).is_ascii());
    }

    #[test]
    fn a_404_names_the_other_apis() {
        let view = error_view(&crate::wire::classify(404, "{}").unwrap_err(), Lang::En);
        let hint = view.hint.unwrap();
        for api in crate::wire::ApiKind::NAMES {
            assert!(hint.contains(api), "{hint}");
        }
    }
}
