//! What a widget is told: which project, where, how often, in which language,
//! and how its requests carry credentials.

use crate::api::{progress_path, ApiKind};
use crate::i18n::Lang;
use crate::model::LagThresholds;
use crate::poll::PollOptions;
use std::fmt;
use std::sync::Arc;

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
    /// Language of every label. Default: English (the page picks the browser's).
    pub lang: Lang,
    /// Fewer lines: status, bars and lag only. Default `false`.
    pub compact: bool,
    /// Whether requests carry cookies. Default [`Credentials::SameOrigin`].
    pub credentials: Credentials,
    /// Extra request headers, asked for before every request. Default none.
    pub headers: Option<HeaderSource>,
}

impl WidgetOptions {
    pub fn new(project_id: impl Into<String>) -> Self {
        WidgetOptions {
            project_id: project_id.into(),
            api: ApiKind::Sync,
            base_url: String::new(),
            poll: PollOptions::default(),
            lag: LagThresholds::default(),
            lang: Lang::En,
            compact: false,
            credentials: Credentials::SameOrigin,
            headers: None,
        }
    }

    /// The URL to poll, or why the options cannot work.
    pub fn url(&self) -> Result<String, String> {
        let id = self.project_id.trim();
        if id.is_empty() {
            return Err("project id is empty".into());
        }
        if id == "." || id == ".." || id.len() > 128 {
            return Err(format!("project id {id:?} is not a valid OMS project id"));
        }
        Ok(format!(
            "{}{}",
            self.base_url.trim_end_matches('/'),
            progress_path(self.api, id)
        ))
    }
}

/// The `credentials` mode of the requests (cookies and TLS client certificates).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Credentials {
    /// Only to the page's own origin: the default, right behind a reverse proxy.
    #[default]
    SameOrigin,
    /// Also cross-origin; the OMS side must allow it with CORS.
    Include,
    /// Never.
    Omit,
}

impl Credentials {
    /// From the Fetch API's names: `same-origin`, `include`, `omit`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "same-origin" => Some(Credentials::SameOrigin),
            "include" => Some(Credentials::Include),
            "omit" => Some(Credentials::Omit),
            _ => None,
        }
    }
}

/// Extra request headers, produced fresh for every request (e.g. from a
/// token getter). Only code can set it: never an attribute or a URL, and the
/// values are never logged or shown.
#[derive(Clone)]
pub struct HeaderSource(Arc<HeaderGetter>);

type HeaderGetter = dyn Fn() -> Result<Vec<(String, String)>, String> + Send + Sync;

impl HeaderSource {
    /// `get` returns the headers, or why it could not (the request then fails
    /// with that reason, which must not contain the secret itself).
    pub fn new(
        get: impl Fn() -> Result<Vec<(String, String)>, String> + Send + Sync + 'static,
    ) -> Self {
        HeaderSource(Arc::new(get))
    }

    /// The headers for the next request.
    pub fn headers(&self) -> Result<Vec<(String, String)>, String> {
        (self.0)()
    }
}

impl PartialEq for HeaderSource {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for HeaderSource {
    // Values stay out of debug output: they are secrets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HeaderSource(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(WidgetOptions::new("..").url().is_err());
        assert!(WidgetOptions::new("").url().is_err());
    }

    #[test]
    fn header_values_never_reach_debug_output() {
        let mut o = WidgetOptions::new("np_1");
        o.headers = Some(HeaderSource::new(|| {
            Ok(vec![("Authorization".into(), "Bearer s3cret".into())])
        }));
        assert!(!format!("{o:?}").contains("s3cret"));
        assert_eq!(
            o.headers.as_ref().unwrap().headers().unwrap()[0].1,
            "Bearer s3cret"
        );
    }
}
