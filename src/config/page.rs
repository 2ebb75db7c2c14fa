//! The standalone page's configuration, read from its URL query. Pure: the
//! page glue hands in the decoded pairs.

use crate::api::ApiKind;
use crate::i18n::Lang;
use crate::model::LagThresholds;
use crate::options::WidgetOptions;
use crate::poll::PollOptions;
use std::time::Duration;

/// What `?project=…&api=…&interval=…` asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct PageConfig {
    /// One entry per widget, in the order given.
    pub widgets: Vec<WidgetOptions>,
    /// Parameters that could not be used, said plainly on the page.
    pub problems: Vec<String>,
    pub lang: Lang,
}

/// Reads the query's pairs. `browser_lang` is the default language.
///
/// - `project=ID[,ID…]` (repeatable); an id may be prefixed `migration:` or `sync:`
/// - `api=sync|migration` (default for ids without a prefix)
/// - `interval=SECONDS`, `timeout=SECONDS`, `max-backoff=SECONDS`,
///   `lag-warn=SECONDS`, `lag-critical=SECONDS`
/// - `lang=en|zh-CN`
pub fn page_config(pairs: &[(String, String)], browser_lang: &str) -> PageConfig {
    let mut problems = Vec::new();
    let mut api = ApiKind::Sync;
    let mut poll = PollOptions::default();
    let mut lag = LagThresholds::default();
    let mut lang = Lang::from_tag(browser_lang);
    let mut ids: Vec<(Option<ApiKind>, String)> = Vec::new();
    let secs =
        |key: &str, value: &str, problems: &mut Vec<String>| match crate::decimal::parse_decimal(
            value.trim(),
        ) {
            Some(s) if s.is_finite() && s > 0.0 && s < 86_400.0 => Some(s),
            _ => {
                problems.push(format!(
                    "{key}={value:?} is not a number of seconds; the default is used"
                ));
                None
            }
        };
    for (key, value) in pairs {
        match key.as_str() {
            "project" => {
                for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match id.split_once(':') {
                        Some((kind, rest)) => match ApiKind::parse(kind) {
                            Some(k) => ids.push((Some(k), rest.trim().to_owned())),
                            None => problems.push(format!(
                                "{id:?}: unknown api {kind:?} (use sync: or migration:)"
                            )),
                        },
                        None => ids.push((None, id.to_owned())),
                    }
                }
            }
            "api" => match ApiKind::parse(value) {
                Some(k) => api = k,
                None => problems.push(format!(
                    "api={value:?} is not sync or migration; sync is used"
                )),
            },
            "interval" => {
                if let Some(s) = secs(key, value, &mut problems) {
                    poll.interval = Duration::from_secs_f64(s);
                }
            }
            "timeout" => {
                if let Some(s) = secs(key, value, &mut problems) {
                    poll.timeout = Duration::from_secs_f64(s);
                }
            }
            "max-backoff" => {
                if let Some(s) = secs(key, value, &mut problems) {
                    poll.max_backoff = Duration::from_secs_f64(s);
                }
            }
            "lag-warn" => {
                if let Some(s) = secs(key, value, &mut problems) {
                    lag.warn_secs = s as u64;
                }
            }
            "lag-critical" => {
                if let Some(s) = secs(key, value, &mut problems) {
                    lag.critical_secs = s as u64;
                }
            }
            "lang" => lang = Lang::from_tag(value),
            _ => {}
        }
    }
    if poll.interval < crate::poll::MIN_INTERVAL {
        problems.push(format!(
            "interval below {} s is raised to it",
            crate::poll::MIN_INTERVAL.as_secs()
        ));
    }
    let poll = poll.normalized();
    let widgets = ids
        .into_iter()
        .map(|(kind, id)| WidgetOptions {
            api: kind.unwrap_or(api),
            poll,
            lag,
            lang,
            ..WidgetOptions::new(id)
        })
        .collect();
    PageConfig {
        widgets,
        problems,
        lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn projects_apis_and_intervals_from_the_query() {
        let c = page_config(
            &pairs(&[
                ("project", "np_a, migration:p_b,,"),
                ("project", "np_c"),
                ("api", "sync"),
                ("interval", "2"),
                ("lang", "zh-CN"),
            ]),
            "en-US",
        );
        let got: Vec<(&str, ApiKind)> = c
            .widgets
            .iter()
            .map(|w| (w.project_id.as_str(), w.api))
            .collect();
        assert_eq!(
            got,
            [
                ("np_a", ApiKind::Sync),
                ("p_b", ApiKind::Migration),
                ("np_c", ApiKind::Sync)
            ]
        );
        assert_eq!(c.widgets[0].poll.interval, Duration::from_secs(2));
        assert_eq!((c.lang, c.widgets[0].lang), (Lang::ZhCn, Lang::ZhCn));
        assert!(c.problems.is_empty());
    }

    #[test]
    fn bad_parameters_are_reported_not_guessed() {
        let c = page_config(
            &pairs(&[("project", "v4:x"), ("interval", "fast"), ("api", "v9")]),
            "zh",
        );
        assert!(c.widgets.is_empty());
        assert_eq!(c.problems.len(), 3, "{:?}", c.problems);
        assert_eq!(c.lang, Lang::ZhCn, "browser language by default");
        let c = page_config(&pairs(&[("project", "np_a"), ("interval", "0.2")]), "en");
        assert_eq!(c.widgets[0].poll.interval, Duration::from_secs(1));
        assert_eq!(c.problems.len(), 1);
    }
}
