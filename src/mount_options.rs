//! The options of the JS `mount(element, options)` call and of the
//! `<oms-sync-progress>` element's attributes, checked into [`WidgetOptions`].
//! Pure: the browser glue hands in what it read.

use crate::api::ApiKind;
use crate::i18n::Lang;
use crate::options::{Credentials, WidgetOptions};
use crate::poll::MIN_INTERVAL;
use serde::Deserialize;
use std::time::Duration;

/// Options as a host gives them, every one optional but `projectId`.
/// Unknown names are refused, so a typo is an error, not a silent default.
/// (`headers`, a function, is taken by the glue before this is read.)
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct MountOptions {
    /// The OMS project id. Required.
    pub project_id: Option<String>,
    /// `sync` (default) or `migration`.
    pub api: Option<String>,
    /// Prepended to the API path. Default: the page's own origin.
    pub base_url: Option<String>,
    /// Seconds between polls. Default 5, at least 1.
    pub interval: Option<f64>,
    /// Seconds before a request is aborted. Default 10, at least 1.
    pub timeout: Option<f64>,
    /// Longest wait between retries, in seconds. Default 60.
    pub max_backoff: Option<f64>,
    /// Lag in seconds from which the lag is a warning. Default 25.
    pub lag_warn: Option<f64>,
    /// Lag in seconds from which the lag is critical. Default 300.
    pub lag_critical: Option<f64>,
    /// `en` or `zh-CN`. Default: the browser's language.
    pub lang: Option<String>,
    /// Fewer lines. Default false.
    pub compact: Option<bool>,
    /// `same-origin` (default), `include` or `omit`.
    pub credentials: Option<String>,
}

/// The option names `mount()` knows, `headers` included.
pub const OPTION_NAMES: [&str; 12] = [
    "projectId",
    "api",
    "baseUrl",
    "interval",
    "timeout",
    "maxBackoff",
    "lagWarn",
    "lagCritical",
    "lang",
    "compact",
    "credentials",
    "headers",
];

/// A problem for each name that is not an option (a typo would otherwise
/// be a silent default).
pub fn unknown_option_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    names
        .into_iter()
        .filter(|name| !OPTION_NAMES.contains(name))
        .map(|name| {
            format!(
                "unknown option {name:?} (known: {})",
                OPTION_NAMES.join(", ")
            )
        })
        .collect()
}

/// The element's attributes, by name. `credentials` and `headers` are not
/// among them on purpose: secrets never go into markup.
pub const ATTRIBUTES: [&str; 10] = [
    "project-id",
    "api",
    "base-url",
    "interval",
    "timeout",
    "max-backoff",
    "lag-warn",
    "lag-critical",
    "lang",
    "compact",
];

impl MountOptions {
    /// Reads the element's attributes (name, value): what could be read, and
    /// a problem for each number that is not one. Unknown names are ignored
    /// (other code may use them).
    pub fn from_attributes(attributes: &[(String, String)]) -> (Self, Vec<String>) {
        let mut options = MountOptions::default();
        let mut problems = Vec::new();
        for (name, value) in attributes {
            let mut number =
                |slot: &mut Option<f64>| match crate::decimal::parse_decimal(value.trim()) {
                    Some(n) => *slot = Some(n),
                    None => problems.push(format!("{name}={value:?} is not a number of seconds")),
                };
            match name.as_str() {
                "project-id" => options.project_id = Some(value.clone()),
                "api" => options.api = Some(value.clone()),
                "base-url" => options.base_url = Some(value.clone()),
                "interval" => number(&mut options.interval),
                "timeout" => number(&mut options.timeout),
                "max-backoff" => number(&mut options.max_backoff),
                "lag-warn" => number(&mut options.lag_warn),
                "lag-critical" => number(&mut options.lag_critical),
                "lang" => options.lang = Some(value.clone()),
                // A boolean attribute: present means on, whatever its value.
                "compact" => options.compact = Some(true),
                _ => {}
            }
        }
        (options, problems)
    }

    /// Checks every option and says all that is wrong at once.
    /// `default_lang` (the browser's language) applies when `lang` is unset.
    pub fn into_widget_options(self, default_lang: &str) -> Result<WidgetOptions, Vec<String>> {
        let mut problems = Vec::new();
        let project_id = self.project_id.unwrap_or_default().trim().to_owned();
        let mut options = WidgetOptions::new(project_id.clone());
        if project_id.is_empty() {
            problems
                .push("projectId is required (the OMS project id, e.g. np_4ur1zdx1v8cg)".into());
        } else if let Err(problem) = options.url() {
            problems.push(problem);
        }
        if let Some(api) = self.api {
            match ApiKind::parse(&api) {
                Some(kind) => options.api = kind,
                None => problems.push(format!("api {api:?} is not sync or migration")),
            }
        }
        if let Some(base_url) = self.base_url {
            match check_base_url(&base_url) {
                Ok(()) => options.base_url = base_url.trim().to_owned(),
                Err(problem) => problems.push(problem),
            }
        }
        let mut seconds = |name: &str, value: Option<f64>, min: f64| -> Option<Duration> {
            let value = value?;
            if value.is_finite() && value >= min && value <= 86_400.0 {
                Some(Duration::from_secs_f64(value))
            } else {
                problems.push(format!(
                    "{name} {} is out of range ({} to 86400 seconds)",
                    seconds_text(value),
                    seconds_text(min)
                ));
                None
            }
        };
        let min = MIN_INTERVAL.as_secs_f64();
        if let Some(d) = seconds("interval", self.interval, min) {
            options.poll.interval = d;
        }
        if let Some(d) = seconds("timeout", self.timeout, min) {
            options.poll.timeout = d;
        }
        if let Some(d) = seconds("maxBackoff", self.max_backoff, min) {
            options.poll.max_backoff = d;
        }
        if let Some(d) = seconds("lagWarn", self.lag_warn, 0.0) {
            options.lag.warn_secs = d.as_secs();
        }
        if let Some(d) = seconds("lagCritical", self.lag_critical, 0.0) {
            options.lag.critical_secs = d.as_secs();
        }
        if options.lag.warn_secs > options.lag.critical_secs {
            problems.push(format!(
                "lagWarn ({} s) is above lagCritical ({} s)",
                options.lag.warn_secs, options.lag.critical_secs
            ));
        }
        options.lang = match self.lang.as_deref().map(str::trim) {
            None | Some("") => Lang::from_tag(default_lang),
            Some(tag) if tag.to_ascii_lowercase().starts_with("en") => Lang::En,
            Some(tag) if tag.to_ascii_lowercase().starts_with("zh") => Lang::ZhCn,
            Some(tag) => {
                problems.push(format!("lang {tag:?} is not en or zh-CN"));
                Lang::En
            }
        };
        options.compact = self.compact.unwrap_or(false);
        if let Some(mode) = self.credentials {
            match Credentials::parse(&mode) {
                Some(c) => options.credentials = c,
                None => problems.push(format!(
                    "credentials {mode:?} is not same-origin, include or omit"
                )),
            }
        }
        if problems.is_empty() {
            Ok(options)
        } else {
            Err(problems)
        }
    }
}

/// A number of seconds as written for a person, to the millisecond; plain
/// integer formatting keeps the float formatter (14 KB of wasm) out.
fn seconds_text(value: f64) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() || value.abs() >= 1e15 {
        return if value < 0.0 {
            "a huge negative number"
        } else {
            "a huge number"
        }
        .into();
    }
    let millis = (value.abs() * 1000.0).round() as u64;
    let sign = if value < 0.0 && millis > 0 { "-" } else { "" };
    let (whole, fraction) = (millis / 1000, millis % 1000);
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:03}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// A base URL is a path on this origin or an http(s) URL, never one with a
/// user name or password in it: those would end up in logs and histories.
fn check_base_url(base_url: &str) -> Result<(), String> {
    let url = base_url.trim();
    let authority = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    match authority {
        Some(a) if a.contains('@') => {
            Err("baseUrl must not carry credentials; let the reverse proxy add them".into())
        }
        Some("") => Err(format!("baseUrl {url:?} has no host")),
        Some(_) => Ok(()),
        None if url.is_empty() || url.starts_with('/') => Ok(()),
        None => Err(format!(
            "baseUrl {url:?} is neither a path starting with / nor an http(s) URL"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn attributes_become_options() {
        let o = MountOptions::from_attributes(&attrs(&[
            ("project-id", "np_1"),
            ("api", "migration"),
            ("interval", "2"),
            ("lag-warn", "10"),
            ("lag-critical", "60"),
            ("lang", "zh-CN"),
            ("compact", ""),
            ("class", "ignored"),
        ]));
        assert!(o.1.is_empty());
        let o = o.0.into_widget_options("en-US").unwrap();
        assert_eq!(o.url().unwrap(), "/api/omsp/v2/migrations/np_1/progress");
        assert_eq!(o.poll.interval, Duration::from_secs(2));
        assert_eq!((o.lag.warn_secs, o.lag.critical_secs), (10, 60));
        assert_eq!(o.lang, Lang::ZhCn);
        assert!(o.compact);
        assert_eq!(o.credentials, Credentials::SameOrigin);
    }

    #[test]
    fn the_browser_language_is_the_default() {
        let o = MountOptions {
            project_id: Some("np_1".into()),
            ..MountOptions::default()
        };
        assert_eq!(
            o.clone().into_widget_options("zh-TW").unwrap().lang,
            Lang::ZhCn
        );
        assert_eq!(o.into_widget_options("de").unwrap().lang, Lang::En);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let problems = MountOptions {
            project_id: Some("  ".into()),
            api: Some("v9".into()),
            interval: Some(0.2),
            timeout: Some(f64::NAN),
            lag_warn: Some(600.0),
            lang: Some("fr".into()),
            credentials: Some("always".into()),
            base_url: Some("https://oms:secret@oms.example".into()),
            ..MountOptions::default()
        }
        .into_widget_options("en")
        .unwrap_err();
        let all = problems.join("\n");
        for needle in [
            "projectId is required",
            "api \"v9\"",
            "interval 0.2",
            "timeout NaN",
            "above lagCritical",
            "lang \"fr\"",
            "credentials \"always\"",
            "must not carry credentials",
        ] {
            assert!(all.contains(needle), "{needle:?} missing from:\n{all}");
        }
        assert_eq!(problems.len(), 8);
    }

    #[test]
    fn seconds_are_written_as_a_person_would() {
        for (value, text) in [
            (0.1, "0.1"),
            (1.0, "1"),
            (0.0, "0"),
            (-2.5, "-2.5"),
            (86_400.25, "86400.25"),
            (1.0 / 3.0, "0.333"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "a huge number"),
            (-1e300, "a huge negative number"),
        ] {
            assert_eq!(seconds_text(value), text);
        }
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

    #[test]
    fn bad_numbers_in_attributes_are_problems() {
        let (options, problems) = MountOptions::from_attributes(&attrs(&[
            ("project-id", "np_1"),
            ("interval", "soon"),
            ("lag-warn", ""),
        ]));
        assert_eq!(problems.len(), 2);
        // What could be read is kept, so no second, wrong problem follows.
        assert_eq!(options.project_id.as_deref(), Some("np_1"));
    }

    #[test]
    fn unknown_option_names_are_refused() {
        let e = serde_json::from_str::<MountOptions>(r#"{"projetId":"np_1"}"#).unwrap_err();
        assert!(e.to_string().contains("unknown field `projetId`"), "{e}");
        let problems = unknown_option_names(["projectId", "projetId", "headers", "Interval"]);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].starts_with("unknown option \"projetId\" (known: projectId, api,"));
    }
}
