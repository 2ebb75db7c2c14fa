//! What configures one widget, as Rust code builds it. Hosts that give
//! names and values (a URL, attributes, `mount()`) go through [`super::table`].

use super::problem::{Problem, ProblemKind};
use crate::i18n::Lang;
use crate::model::{CutoverOptions, LagThresholds};
use crate::policy::PollOptions;
use crate::wire::{progress_request, ApiKind, Credentials, HeaderSource, ProgressRequest};
use std::time::Duration;

/// One OMS deployment the page reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OmsSource {
    /// Its short name, shown on its cards and in events (`bj`).
    pub name: String,
    /// Prepended to its API paths, as `base-url` is.
    pub base_url: String,
    /// The link template to its console, when one was given for it.
    pub console_url: Option<String>,
}

/// Everything that configures one widget.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetOptions {
    /// The OMS project id, e.g. `np_4ur1zdx1v8cg`. Required.
    pub project_id: String,
    /// Which endpoint to poll. Default: [`ApiKind::Sync`].
    pub api: ApiKind,
    /// Prepended to the API path. Default `""`: the page's own origin, where
    /// a reverse proxy forwards `/api/` to OMS and adds the credentials.
    pub base_url: String,
    /// Intervals, timeout, backoff, staleness. Default: [`PollOptions::default`].
    pub poll: PollOptions,
    /// When a lag is a warning or critical. Default 25 s / 300 s.
    pub lag: LagThresholds,
    /// Language of every label. Default `None`: an enclosing
    /// `OmsConfigProvider`'s, else English (the element, `mount()` and the
    /// standalone page always set it: their `lang`, else the browser's).
    /// Set, it wins over any provider.
    pub lang: Option<Lang>,
    /// Fewer lines: status, bars and lag only. Default `false`.
    pub compact: bool,
    /// Whether requests carry cookies. Default [`Credentials::SameOrigin`].
    pub credentials: Credentials,
    /// Extra request headers, asked for before every request. Default none.
    pub headers: Option<HeaderSource>,
    /// Switch-over readiness: the most lag that allows it (`cutover-lag`,
    /// default the warning lag) and how long it must have held
    /// (`cutover-hold`, default 300 s). Default: [`CutoverOptions::default`].
    pub cutover: CutoverOptions,
    /// A RUNNING project whose checkpoint has not moved for this long
    /// (and for two polls at least) is marked stuck. Default 60 s.
    pub stuck_after: Duration,
    /// The zone of shown times: an IANA name (`Asia/Shanghai`) or `UTC`.
    /// Default `None`: an enclosing `OmsConfigProvider`'s, else the
    /// browser's own. Set, it wins over any provider. UTC stays in the
    /// tooltips.
    pub time_zone: Option<String>,
    /// A link to the project in OMS's console: a path or an http(s) URL
    /// with `{id}` where the project id goes, e.g.
    /// `https://oms.example/#/project/{id}`. Default `None`: the project's
    /// name stays text.
    pub console_url: Option<String>,
    /// The name of the OMS this widget reads (`bj`), shown on its card and
    /// in its events. Default `""`: the page has one OMS and it has no name.
    pub source: String,
    /// A wallboard's OMS deployments, each with its name, base URL and
    /// console template (the `oms` option). Default: none, one unnamed OMS
    /// at `base_url`. A widget reads one: see [`WidgetOptions::for_source`].
    pub sources: Vec<OmsSource>,
}

impl WidgetOptions {
    /// The defaults, for `project_id`.
    pub fn new(project_id: impl Into<String>) -> Self {
        WidgetOptions {
            project_id: project_id.into(),
            api: ApiKind::Sync,
            base_url: String::new(),
            poll: PollOptions::default(),
            lag: LagThresholds::default(),
            cutover: CutoverOptions::default(),
            lang: None,
            compact: false,
            credentials: Credentials::SameOrigin,
            headers: None,
            stuck_after: Duration::from_secs(60),
            time_zone: None,
            console_url: None,
            source: String::new(),
            sources: Vec::new(),
        }
    }

    /// The OMS deployments a wallboard reads: the `oms` option's, else one,
    /// unnamed, at `base_url`.
    pub fn wall_sources(&self) -> Vec<OmsSource> {
        if self.sources.is_empty() {
            return vec![OmsSource {
                name: self.source.clone(),
                base_url: self.base_url.clone(),
                console_url: self.console_url.clone(),
            }];
        }
        self.sources.clone()
    }

    /// These options for a project of `source`: its base URL, its name
    /// and its console template (else the one for every source).
    pub fn for_source(&self, source: &OmsSource) -> WidgetOptions {
        WidgetOptions {
            base_url: source.base_url.clone(),
            source: source.name.clone(),
            console_url: source
                .console_url
                .clone()
                .or_else(|| self.console_url.clone()),
            sources: Vec::new(),
            ..self.clone()
        }
    }

    /// [`WidgetOptions::for_source`] for the source named `name` (any
    /// case); these options unchanged when there is none of that name.
    pub fn for_source_named(&self, name: &str) -> WidgetOptions {
        match self
            .sources
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(name))
        {
            Some(source) => self.for_source(source),
            None => self.clone(),
        }
    }

    /// The link to `project_id` in OMS's console, when a template is set:
    /// `{id}` replaced by the id, percent-encoded.
    pub fn console_link(&self, project_id: &str) -> Option<String> {
        let template = self.console_url.as_deref()?;
        let mut id = String::with_capacity(project_id.len());
        for b in project_id.trim().bytes() {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                id.push(b as char);
            } else {
                id.push_str(&format!("%{b:02X}"));
            }
        }
        Some(template.trim().replace("{id}", &id))
    }

    /// The request to poll with (its URL includes the base URL), or why the
    /// options cannot work.
    pub fn request(&self) -> Result<ProgressRequest, Problem> {
        let id = self.project_id.trim();
        check_project_id(id).map_err(|kind| Problem::new("projectId", kind))?;
        let request = progress_request(self.api, id);
        Ok(ProgressRequest {
            path: format!("{}{}", self.base_url.trim_end_matches('/'), request.path),
            body: request.body,
        })
    }

    /// The URL to poll, or why the options cannot work.
    pub fn url(&self) -> Result<String, Problem> {
        self.request().map(|r| r.path)
    }
}

/// What is wrong with `id` as a project id, if anything (the option
/// named `projectId`): missing, or not one.
pub fn project_id_problem(id: &str) -> Option<Problem> {
    check_project_id(id.trim())
        .err()
        .map(|kind| Problem::new("projectId", kind))
}

/// An OMS project id is short and is never a path step on its own.
pub(super) fn check_project_id(id: &str) -> Result<(), ProblemKind> {
    if id.is_empty() {
        Err(ProblemKind::Missing)
    } else if id == "." || id == ".." || id.len() > 128 {
        Err(ProblemKind::NotAProjectId { value: id.into() })
    } else {
        Ok(())
    }
}

/// A base URL is a path on this origin or an http(s) URL, never one with a
/// user name or password in it: those would end up in logs and histories.
/// A console link template: a URL as for the base URL, with `{id}`.
pub(super) fn check_console_url(template: &str) -> Result<(), ProblemKind> {
    check_base_url(template)?;
    if template.trim().is_empty() || !template.contains("{id}") {
        return Err(ProblemKind::BadUrl {
            value: template.trim().into(),
            problem: "has no {id} where the project id goes",
        });
    }
    Ok(())
}

pub(super) fn check_base_url(base_url: &str) -> Result<(), ProblemKind> {
    let url = base_url.trim();
    let authority = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .map(|rest| {
            rest.split_once(['/', '?', '#'])
                .map_or(rest, |(host, _)| host)
        });
    let problem = match authority {
        Some(a) if a.as_bytes().contains(&b'@') => {
            "must not carry credentials; let the reverse proxy add them"
        }
        Some("") => "has no host",
        Some(_) => return Ok(()),
        None if url.is_empty() || url.starts_with('/') => return Ok(()),
        None => "is neither a path starting with / nor an http(s) URL",
    };
    Err(ProblemKind::BadUrl {
        value: url.into(),
        problem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn console_links_from_a_template() {
        let mut o = WidgetOptions::new("np_1");
        assert_eq!(o.console_link("np_1"), None);
        o.console_url = Some("https://oms.example/#/project/{id}".into());
        assert_eq!(
            o.console_link("np 1/\"x"),
            Some("https://oms.example/#/project/np%201%2F%22x".into())
        );
        assert!(check_console_url("https://oms.example/#/project/{id}").is_ok());
        assert!(check_console_url("/console/{id}").is_ok());
        for bad in [
            "javascript:alert(1)//{id}",
            "https://oms.example/",
            "https://u:p@oms.example/{id}",
            "",
        ] {
            assert!(check_console_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls_from_options() {
        let mut o = WidgetOptions::new(" np_1 ");
        assert_eq!(o.url().unwrap(), "/api/omsp/v2/sync/np_1/progress");
        o.base_url = "https://portal.example/oms/".into();
        o.api = ApiKind::Migration;
        assert_eq!(
            o.url().unwrap(),
            "https://portal.example/oms/api/omsp/v2/migrations/np_1/progress"
        );
        o.api = ApiKind::V4;
        let v4 = o.request().unwrap();
        assert_eq!(
            (v4.path.as_str(), v4.body.as_deref()),
            (
                "https://portal.example/oms/api/v2?Action=DescribeProjectProgress",
                Some(r#"{"id":"np_1"}"#)
            )
        );
        assert!(WidgetOptions::new("..").url().is_err());
        assert!(WidgetOptions::new("").url().is_err());
    }

    #[test]
    fn base_urls() {
        for ok in ["", "/oms", "https://oms.example", "http://127.0.0.1:8089/"] {
            assert!(check_base_url(ok).is_ok(), "{ok}");
        }
        for bad in ["oms.example", "https://", "https://u:p@h/", "ftp://h"] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
    }
}
