//! What a widget is told: which project, where, how often, in which language.

use crate::api::{progress_path, ApiKind};
use crate::i18n::Lang;
use crate::model::LagThresholds;
use crate::poll::PollOptions;

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
}
