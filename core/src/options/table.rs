//! The option table: every option once, with its names for the page's URL,
//! the element's attributes and `mount()`, what it takes, its range and its
//! default. All three hosts read options through [`read_options`], so the
//! same value gets the same verdict everywhere.

use super::problem::{Problem, ProblemKind};
use super::sources::{assign_console_urls, parse_console_urls, parse_sources, ConsoleUrls};
use super::widget::{check_base_url, check_project_id, WidgetOptions};
use crate::decimal::parse_decimal;
use crate::i18n::Lang;
use crate::model::{LagThresholds, MAX_HOLD, MIN_HOLD};
use crate::policy::{PollOptions, MIN_INTERVAL};
use crate::wire::{ApiKind, Credentials};
use std::time::Duration;

/// Where options come from; each names them its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The standalone page's query string (`interval=5`).
    Url,
    /// The element: its attributes (`interval="5"`), and the properties
    /// that only code sets (`credentials`, `headers`) under their `mount()` names.
    Element,
    /// `mount()`'s options object and the element's properties (`interval: 5`).
    Mount,
}

/// A value as a host gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    /// Text, as written in a URL or an attribute.
    Text(String),
    /// A number, as `mount()` passes it.
    Number(f64),
    /// A boolean, as `mount()` passes it.
    Bool(bool),
    /// A JS value of another type, named for the message (`an object`…).
    Other(&'static str),
}

impl RawValue {
    fn type_name(&self) -> &'static str {
        match self {
            RawValue::Text(_) => "a string",
            RawValue::Number(_) => "a number",
            RawValue::Bool(_) => "a boolean",
            RawValue::Other(name) => name,
        }
    }
}

/// Text for people (the README's option table, the package's TypeScript
/// types), both made natively: empty in the wasm, where nothing reads it
/// (1.7 KB of text before gzip).
macro_rules! docs {
    ($text:literal) => {
        if cfg!(target_arch = "wasm32") {
            ""
        } else {
            $text
        }
    };
}

/// One option: its names, what it takes, and how it is applied.
pub struct OptionSpec {
    /// The name in `mount()`'s options (and in problems about it there).
    pub js: &'static str,
    /// The attribute's name, if the element takes it as one.
    pub attribute: Option<&'static str>,
    /// The URL parameter's name, if the standalone page takes it.
    pub url: Option<&'static str>,
    /// What it takes, for people (empty in the wasm, as are the next two).
    pub takes: &'static str,
    /// The default, for people.
    pub default: &'static str,
    /// What it does.
    pub doc: &'static str,
    /// Sets the option from a value.
    apply: Apply,
}

type Apply = fn(&mut WidgetOptions, &RawValue) -> Result<(), ProblemKind>;

impl OptionSpec {
    /// The option's name as `source` spells it.
    pub fn name(&self, source: Source) -> Option<&'static str> {
        match source {
            Source::Url => self.url,
            Source::Element => self.attribute,
            Source::Mount => Some(self.js),
        }
    }
}

/// Longest interval, timeout, backoff and lag threshold: one day.
const MAX_SECONDS: f64 = 86_400.0;
const HEADERS_TAKE: &str =
    "a function returning an object, e.g. () => ({ Authorization: token() })";

/// Every option, once.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        js: "projectId",
        attribute: Some("project-id"),
        url: Some("project"),
        takes: docs!("an OMS project id"),
        default: docs!("required"),
        doc: docs!("the project to show; the page takes several, comma-separated (repeatable), each optionally prefixed `sync:`, `migration:` or `v4:` to choose its API"),
        apply: |o, v| {
            let id = text(v)?.trim();
            check_project_id(id)?;
            o.project_id = id.to_owned();
            Ok(())
        },
    },
    OptionSpec {
        js: "api",
        attribute: Some("api"),
        url: Some("api"),
        takes: docs!("`sync`, `migration` or `v4`"),
        default: docs!("`sync`"),
        doc: docs!("which API: OMS 3.x's `GET /api/omsp/v2/sync/{id}/progress` or `…/migrations/{id}/progress`, or OMS 4.x's `POST /api/v2?Action=DescribeProjectProgress` (any project); a 404 from OMS says to try another"),
        apply: |o, v| {
            let word = text(v)?;
            o.api = ApiKind::parse(word).ok_or_else(|| not_one_of(word, &ApiKind::NAMES))?;
            Ok(())
        },
    },
    OptionSpec {
        js: "baseUrl",
        attribute: Some("base-url"),
        url: None,
        takes: docs!("a path, or an http(s) URL without credentials"),
        default: docs!("the page's origin"),
        doc: docs!("prefix for the API requests (not from the page's URL: a link must not send the page's requests elsewhere)"),
        apply: |o, v| {
            let url = text(v)?;
            check_base_url(url)?;
            o.base_url = url.trim().to_owned();
            Ok(())
        },
    },
    OptionSpec {
        js: "interval",
        attribute: Some("interval"),
        url: Some("interval"),
        takes: docs!("seconds, 1–86400"),
        default: docs!("`5`"),
        doc: docs!("time between polls while all is well"),
        apply: |o, v| {
            o.poll.interval = seconds(v, MIN_INTERVAL.as_secs_f64())?;
            Ok(())
        },
    },
    OptionSpec {
        js: "timeout",
        attribute: Some("timeout"),
        url: Some("timeout"),
        takes: docs!("seconds, 1–86400"),
        default: docs!("`10`"),
        doc: docs!("a request is aborted after this (checked four times a second)"),
        apply: |o, v| {
            o.poll.timeout = seconds(v, MIN_INTERVAL.as_secs_f64())?;
            Ok(())
        },
    },
    OptionSpec {
        js: "maxBackoff",
        attribute: Some("max-backoff"),
        url: Some("max-backoff"),
        takes: docs!("seconds, 1–86400, at least the interval"),
        default: docs!("`60` (or the interval, if longer)"),
        doc: docs!("longest wait between retries after failures"),
        apply: |o, v| {
            o.poll.max_backoff = seconds(v, MIN_INTERVAL.as_secs_f64())?;
            Ok(())
        },
    },
    OptionSpec {
        js: "lagWarn",
        attribute: Some("lag-warn"),
        url: Some("lag-warn"),
        takes: docs!("seconds, 0–86400, at most the critical lag"),
        default: docs!("`25`"),
        doc: docs!("a lag above this is \"behind\""),
        apply: |o, v| {
            o.lag.warn_secs = seconds(v, 0.0)?.as_secs();
            Ok(())
        },
    },
    OptionSpec {
        js: "lagCritical",
        attribute: Some("lag-critical"),
        url: Some("lag-critical"),
        takes: docs!("seconds, 0–86400"),
        default: docs!("`300`"),
        doc: docs!("a lag above this is \"far behind\""),
        apply: |o, v| {
            o.lag.critical_secs = seconds(v, 0.0)?.as_secs();
            Ok(())
        },
    },
    OptionSpec {
        js: "cutoverLag",
        attribute: Some("cutover-lag"),
        url: Some("cutover-lag"),
        takes: docs!("seconds, 0–86400"),
        default: docs!("the warning lag (`lag-warn`)"),
        doc: docs!("switch-over readiness: the most forward lag that allows switching over"),
        apply: |o, v| {
            o.cutover.lag_secs = Some(seconds(v, 0.0)?.as_secs());
            Ok(())
        },
    },
    OptionSpec {
        js: "cutoverHold",
        attribute: Some("cutover-hold"),
        url: Some("cutover-hold"),
        takes: docs!("seconds, 60–3600"),
        default: docs!("`300`"),
        doc: docs!("switch-over readiness: how long the lag must have stayed within `cutover-lag`, from OMS's history and this browser's samples (at most an hour: the chart's shortest range of OMS's history)"),
        apply: |o, v| {
            let range = (MIN_HOLD.as_secs_f64(), MAX_HOLD.as_secs_f64());
            o.cutover.hold = seconds_within(v, range)?;
            Ok(())
        },
    },
    OptionSpec {
        js: "stuckAfter",
        attribute: Some("stuck-after"),
        url: Some("stuck-after"),
        takes: docs!("seconds, 30–86400"),
        default: docs!("`60` (and two polls at least)"),
        doc: docs!("a RUNNING project whose checkpoint (or full-data progress, after 10 min) has not moved for this long is marked stuck"),
        apply: |o, v| {
            o.stuck_after = seconds(v, 30.0)?;
            Ok(())
        },
    },
    OptionSpec {
        js: "timeZone",
        attribute: Some("time-zone"),
        url: Some("time-zone"),
        takes: docs!("an IANA zone name (`Asia/Shanghai`) or `UTC`"),
        default: docs!("the browser's zone"),
        doc: docs!("zone of the times shown (checkpoint, steps, stuck and recovered notes); UTC stays in their tooltips and `datetime`"),
        apply: |o, v| {
            let zone = text(v)?.trim();
            let fits = |b: u8| b.is_ascii_alphanumeric() || b"_+-/".contains(&b);
            if zone.is_empty() || zone.len() > 64 || !zone.bytes().all(fits) {
                return Err(not_one_of(zone, &["an IANA zone such as Asia/Shanghai", "UTC"]));
            }
            o.time_zone = Some(zone.to_owned());
            Ok(())
        },
    },
    OptionSpec {
        js: "lang",
        attribute: Some("lang"),
        url: Some("lang"),
        takes: docs!("`en` or `zh-CN` (any `en-…` or `zh-…` tag)"),
        default: docs!("the browser's language"),
        doc: docs!("language of every label"),
        apply: |o, v| {
            let tag = text(v)?;
            o.lang = Some(Lang::parse(tag).ok_or_else(|| not_one_of(tag, &Lang::TAGS))?);
            Ok(())
        },
    },
    OptionSpec {
        js: "compact",
        attribute: Some("compact"),
        url: Some("compact"),
        takes: docs!("on: present, empty, `true` or `1`; off: `false` or `0`"),
        default: docs!("off"),
        doc: docs!("fewer lines: status, bars and lag only"),
        apply: |o, v| {
            o.compact = match v {
                RawValue::Bool(on) => *on,
                RawValue::Text(t) => match t.trim().to_ascii_lowercase().as_str() {
                    "" | "true" | "1" | "compact" => true,
                    "false" | "0" => false,
                    _ => return Err(not_one_of(t, &["true", "false"])),
                },
                other => return Err(wrong_type("true or false", other)),
            };
            Ok(())
        },
    },
    OptionSpec {
        js: "consoleUrl",
        attribute: Some("console-url"),
        url: None,
        takes: docs!("a path or an http(s) URL with `{id}`, e.g. `https://oms.example/#/project/{id}`; or one per source: `bj:https://oms-bj.example/#/project/{id},hz:…`"),
        default: docs!("none: names stay text"),
        doc: docs!("turns the project's name into a link to it in OMS's console, opened in a new tab (not from the page's URL: a link must not send the operator elsewhere)"),
        apply: |o, v| {
            let template = text(v)?;
            parse_console_urls(template)?;
            o.console_url = Some(template.trim().to_owned());
            Ok(())
        },
    },
    OptionSpec {
        js: "oms",
        attribute: Some("oms"),
        url: Some("oms"),
        takes: docs!("`name:url`, comma-separated, e.g. `bj:/oms-bj,hz:/oms-hz` (in the page's URL: paths only)"),
        default: docs!("one OMS, at `base-url`, unnamed"),
        doc: docs!("the OMS deployments to read, each with a short name shown on its cards and in events; a wallboard reads them all, a widget one (instead of `base-url`), and the page's `project=bj:np_1` picks a project's"),
        apply: |o, v| {
            o.sources = parse_sources(text(v)?)?;
            Ok(())
        },
    },
    OptionSpec {
        js: "credentials",
        attribute: None,
        url: None,
        takes: docs!("`same-origin`, `include` or `omit`"),
        default: docs!("`same-origin`"),
        doc: docs!("whether requests carry cookies (set from code only, never markup)"),
        apply: |o, v| {
            let mode = text(v)?;
            o.credentials =
                Credentials::parse(mode).ok_or_else(|| not_one_of(mode, &Credentials::NAMES))?;
            Ok(())
        },
    },
    OptionSpec {
        js: "headers",
        attribute: None,
        url: None,
        takes: docs!("a function returning an object of header names to strings"),
        default: docs!("none"),
        doc: docs!("extra request headers, asked for before every request; values are never logged or shown"),
        // The glue takes a function out before the table is read: any
        // value that reaches the table is of the wrong type.
        apply: |_, v| Err(wrong_type(HEADERS_TAKE, v)),
    },
];

fn text(v: &RawValue) -> Result<&str, ProblemKind> {
    match v {
        RawValue::Text(t) => Ok(t),
        other => Err(wrong_type("a string", other)),
    }
}

fn seconds(v: &RawValue, min: f64) -> Result<Duration, ProblemKind> {
    seconds_within(v, (min, MAX_SECONDS))
}

fn seconds_within(v: &RawValue, (min, max): (f64, f64)) -> Result<Duration, ProblemKind> {
    let value = match v {
        RawValue::Number(n) => *n,
        RawValue::Text(t) => {
            parse_decimal(t.trim()).ok_or_else(|| ProblemKind::NotANumber { value: t.clone() })?
        }
        other => return Err(wrong_type("a number of seconds", other)),
    };
    if value.is_finite() && (min..=max).contains(&value) {
        Ok(crate::decimal::duration_from_secs(value))
    } else {
        Err(ProblemKind::OutOfRange { value, min, max })
    }
}

fn not_one_of(value: &str, allowed: &'static [&'static str]) -> ProblemKind {
    ProblemKind::NotOneOf {
        value: value.to_owned(),
        allowed,
    }
}

fn wrong_type(expected: &'static str, got: &RawValue) -> ProblemKind {
    ProblemKind::WrongType {
        expected,
        got: got.type_name(),
    }
}

/// The option `name` means in `source`.
pub fn find_option(source: Source, name: &str) -> Option<&'static OptionSpec> {
    OPTIONS
        .iter()
        .find(|o| o.name(source) == Some(name))
        .or_else(|| {
            // The element's code-only properties.
            let property = |o: &&OptionSpec| o.attribute.is_none() && o.js == name;
            OPTIONS
                .iter()
                .find(property)
                .filter(|_| source == Source::Element)
        })
}

/// Every name `source` knows, in table order.
pub fn option_names(source: Source) -> Vec<&'static str> {
    OPTIONS.iter().filter_map(|o| o.name(source)).collect()
}

/// Reads options given as (name, value) in `source`'s spelling, starting
/// from the defaults (`default_lang` is the browser's language).
///
/// Returns the options with every good value applied and every problem:
/// each bad value leaves its option at its default. Hosts that refuse bad
/// options (`mount()`, the element) use the options only without problems;
/// the standalone page shows the problems and goes on with the rest.
/// `projectId` is required unless the source is the URL (the page reads its
/// list of projects itself). Unknown names are problems, except attributes
/// (other code may use attributes of its own).
pub fn read_options<'a>(
    source: Source,
    entries: impl IntoIterator<Item = (&'a str, RawValue)>,
    default_lang: &str,
) -> (WidgetOptions, Vec<Problem>) {
    read_each(source, &mut entries.into_iter(), default_lang)
}

/// [`read_options`]' body, compiled once: each host passes a different
/// iterator, and the body inlined into each cost the wasm about 0.6 KB.
fn read_each(
    source: Source,
    entries: &mut dyn Iterator<Item = (&str, RawValue)>,
    default_lang: &str,
) -> (WidgetOptions, Vec<Problem>) {
    let mut options = WidgetOptions {
        lang: Some(Lang::from_tag(default_lang)),
        ..WidgetOptions::new("")
    };
    let mut problems = Vec::new();
    // The options set to a good value, by their `mount()` names.
    let mut given: Vec<&'static str> = Vec::new();
    for (name, value) in entries {
        match find_option(source, name) {
            Some(spec) => match (spec.apply)(&mut options, &value) {
                Err(kind) => problems.push(Problem::new(name, kind)),
                Ok(()) => given.push(spec.js),
            },
            None if source == Source::Element => {}
            None => problems.push(Problem::new(
                name,
                ProblemKind::Unknown {
                    known: option_names(source),
                    meant: None,
                },
            )),
        }
    }
    let named = |js: &str| find_option(Source::Mount, js).and_then(|o| o.name(source));
    if source != Source::Url && options.project_id.is_empty() {
        let already = problems
            .iter()
            .any(|p| Some(p.option.as_str()) == named("projectId"));
        if !already {
            problems.push(Problem::new(
                named("projectId").unwrap_or("projectId"),
                ProblemKind::Missing,
            ));
        }
    }
    resolve_sources(&mut options, &mut problems, &given, &named);
    // Checks between options; both fall back to their defaults on the page.
    let (defaults_poll, defaults_lag) = (PollOptions::default(), LagThresholds::default());
    if options.lag.warn_secs > options.lag.critical_secs {
        problems.push(Problem::new(
            named("lagWarn").unwrap_or("lagWarn"),
            ProblemKind::Conflict {
                relation: "is above",
                other: named("lagCritical").unwrap_or("lagCritical").into(),
                value: options.lag.warn_secs as f64,
                other_value: options.lag.critical_secs as f64,
            },
        ));
        options.lag = defaults_lag;
    }
    // Only a backoff the host chose: the default gives way to a longer interval.
    if options.poll.max_backoff < options.poll.interval && given.contains(&"maxBackoff") {
        problems.push(Problem::new(
            named("maxBackoff").unwrap_or("maxBackoff"),
            ProblemKind::Conflict {
                relation: "is below",
                other: named("interval").unwrap_or("interval").into(),
                value: options.poll.max_backoff.as_secs_f64(),
                other_value: options.poll.interval.as_secs_f64(),
            },
        ));
        options.poll.max_backoff = defaults_poll.max_backoff;
    }
    options.poll = options.poll.normalized();
    (options, problems)
}

/// Gives each source its console template, and a widget (options with a
/// project) its one source; a problem where that cannot be done.
fn resolve_sources(
    options: &mut WidgetOptions,
    problems: &mut Vec<Problem>,
    given: &[&str],
    named: &dyn Fn(&str) -> Option<&'static str>,
) {
    let name = |js: &'static str| named(js).unwrap_or(js);
    if let Some(Ok(ConsoleUrls::PerSource(each))) =
        options.console_url.as_deref().map(parse_console_urls)
    {
        options.console_url = None;
        if let Err(unknown) = assign_console_urls(&mut options.sources, &each) {
            problems.push(Problem::new(
                name("consoleUrl"),
                ProblemKind::BadUrl {
                    value: unknown.to_owned(),
                    problem: "is not the name of a source in oms",
                },
            ));
        }
    }
    if options.project_id.is_empty() || options.sources.is_empty() {
        return;
    }
    if options.sources.len() > 1 {
        problems.push(Problem::new(
            name("oms"),
            ProblemKind::BadUrl {
                value: options
                    .sources
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                problem: "names several sources: a widget reads one OMS",
            },
        ));
    } else if given.contains(&"baseUrl") {
        problems.push(Problem::new(
            name("baseUrl"),
            ProblemKind::BadUrl {
                value: options.base_url.clone(),
                problem: "is given with oms: the source's URL is the base URL",
            },
        ));
    } else {
        *options = options.for_source(&options.sources[0]);
    }
}

/// Like [`read_options`], refusing the options when anything is wrong.
pub fn read_options_strictly<'a>(
    source: Source,
    entries: impl IntoIterator<Item = (&'a str, RawValue)>,
    default_lang: &str,
) -> Result<WidgetOptions, Vec<Problem>> {
    match read_options(source, entries, default_lang) {
        (options, problems) if problems.is_empty() => Ok(options),
        (_, problems) => Err(problems),
    }
}

/// The option table as a Markdown table, as the README shows it for
/// `source` (native builds only: the wasm has no option docs).
pub fn markdown_table(source: Source) -> String {
    let mut out = String::from("| name | takes | meaning | default |\n|---|---|---|---|\n");
    for spec in OPTIONS {
        if let Some(name) = spec.name(source) {
            out.push_str(&format!(
                "| `{name}` | {} | {} | {} |\n",
                spec.takes, spec.doc, spec.default
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RawValue {
        RawValue::Text(s.into())
    }

    #[test]
    fn attributes_become_options() {
        let o = read_options_strictly(
            Source::Element,
            [
                ("project-id", text("np_1")),
                ("api", text("migration")),
                ("interval", text("2")),
                ("lag-warn", text("10")),
                ("lag-critical", text("60")),
                ("lang", text("zh-CN")),
                ("compact", text("")),
                ("class", text("ignored: other code's attribute")),
            ],
            "en-US",
        )
        .unwrap();
        assert_eq!(o.url().unwrap(), "/api/omsp/v2/migrations/np_1/progress");
        assert_eq!(o.poll.interval, Duration::from_secs(2));
        assert_eq!((o.lag.warn_secs, o.lag.critical_secs), (10, 60));
        assert_eq!(o.lang, Some(Lang::ZhCn));
        assert!(o.compact);
        assert_eq!(o.credentials, Credentials::SameOrigin);
    }

    #[test]
    fn switch_over_readiness_takes_a_lag_limit_and_a_hold_of_a_minute_at_least() {
        let read = |entries: &[(&'static str, &str)]| {
            read_options(
                Source::Element,
                entries.iter().map(|(n, v)| (*n, text(v))),
                "en",
            )
        };
        let (o, problems) = read(&[("project-id", "np_1"), ("lag-warn", "10")]);
        assert!(problems.is_empty());
        assert_eq!(o.cutover, crate::model::CutoverOptions::default());
        assert_eq!(o.cutover.hold, Duration::from_secs(300));
        assert_eq!(
            o.cutover.limit_secs(o.lag),
            10,
            "the warning lag by default"
        );
        let (o, problems) = read(&[
            ("project-id", "np_1"),
            ("cutover-lag", "5"),
            ("cutover-hold", "600"),
        ]);
        assert!(problems.is_empty());
        assert_eq!(
            (o.cutover.limit_secs(o.lag), o.cutover.hold),
            (5, Duration::from_secs(600))
        );
        let (o, problems) = read(&[("project-id", "np_1"), ("cutover-hold", "30")]);
        let said: Vec<String> = problems.iter().map(Problem::to_string).collect();
        assert_eq!(
            said,
            ["cutover-hold 30 is out of range (60 to 3600 seconds)"]
        );
        assert_eq!(
            o.cutover.hold,
            Duration::from_secs(300),
            "left at its default"
        );
        assert_eq!(
            problems[0].text(Lang::ZhCn),
            "cutover-hold 30 超出范围（60 到 3600 秒）"
        );
        let mount = read_options_strictly(
            Source::Mount,
            [
                ("projectId", text("np_1")),
                ("cutoverLag", RawValue::Number(0.0)),
                ("cutoverHold", RawValue::Number(60.0)),
            ],
            "en",
        )
        .unwrap();
        assert_eq!(
            (mount.cutover.lag_secs, mount.cutover.hold),
            (Some(0), Duration::from_secs(60))
        );
    }

    #[test]
    fn the_browser_language_is_the_default() {
        let read = |lang| {
            read_options_strictly(Source::Mount, [("projectId", text("np_1"))], lang)
                .unwrap()
                .lang
        };
        assert_eq!(
            (read("zh-TW"), read("de")),
            (Some(Lang::ZhCn), Some(Lang::En))
        );
    }

    #[test]
    fn every_problem_of_every_kind_is_reported_at_once_each_naming_its_option() {
        let problems = read_options_strictly(
            Source::Mount,
            [
                ("projetId", text("np_1")),
                ("api", RawValue::Number(3.0)),
                ("interval", RawValue::Number(0.0)),
                ("timeout", text("five")),
                ("lagWarn", RawValue::Number(600.0)),
                ("lang", text("fr")),
                ("credentials", text("always")),
                ("baseUrl", text("https://oms:secret@oms.example")),
                ("compact", RawValue::Other("an object")),
            ],
            "en",
        )
        .unwrap_err();
        let all: Vec<String> = problems.iter().map(Problem::to_string).collect();
        let expected = [
            "unknown option \"projetId\" (known: projectId, api, baseUrl, interval, timeout, maxBackoff, lagWarn, lagCritical, cutoverLag, cutoverHold, stuckAfter, timeZone, lang, compact, consoleUrl, oms, credentials, headers)",
            "api must be a string, not a number",
            "interval 0 is out of range (1 to 86400 seconds)",
            "timeout \"five\" is not a number of seconds",
            "lang \"fr\" is not en or zh-CN",
            "credentials \"always\" is not same-origin, include or omit",
            "baseUrl \"https://oms:secret@oms.example\" must not carry credentials; let the reverse proxy add them",
            "compact must be true or false, not an object",
            "projectId is required (the OMS project id, e.g. np_4ur1zdx1v8cg)",
            "lagWarn (600 s) is above lagCritical (300 s)",
        ];
        assert_eq!(all, expected);
    }

    #[test]
    fn the_same_value_gets_the_same_verdict_from_every_source() {
        for (js, value) in [
            ("interval", "0.5"),
            ("interval", "2"),
            ("timeout", "abc"),
            ("lagWarn", "-1"),
            ("lang", "fr"),
            ("lang", "zh-Hans"),
            ("api", "v4"),
            ("compact", "false"),
            ("maxBackoff", "86401"),
        ] {
            let spec = find_option(Source::Mount, js).unwrap();
            let verdicts: Vec<_> = [Source::Url, Source::Element, Source::Mount]
                .into_iter()
                .filter_map(|source| {
                    let name = spec.name(source)?;
                    let (options, problems) = read_options(
                        source,
                        [("projectId", text("np_1")), (name, text(value))]
                            .into_iter()
                            .filter(|(n, _)| source != Source::Url || *n != "projectId"),
                        "en",
                    );
                    let kinds: Vec<ProblemKind> = problems
                        .into_iter()
                        .filter(|p| p.option == name)
                        .map(|p| p.kind)
                        .collect();
                    Some((
                        kinds,
                        options.poll,
                        options.lag,
                        options.lang,
                        options.api,
                        options.compact,
                    ))
                })
                .collect();
            assert!(
                verdicts.windows(2).all(|w| w[0] == w[1]),
                "{js}={value}: {verdicts:?}"
            );
        }
    }

    #[test]
    fn names_are_unique_within_each_source() {
        for source in [Source::Url, Source::Element, Source::Mount] {
            let names = option_names(source);
            let unique: std::collections::HashSet<_> = names.iter().collect();
            assert_eq!(unique.len(), names.len(), "{source:?}");
        }
        // Secrets never come from markup or links.
        for js in ["credentials", "headers"] {
            let spec = find_option(Source::Mount, js).unwrap();
            assert_eq!((spec.attribute, spec.url), (None, None), "{js}");
        }
    }

    #[test]
    fn a_widget_reads_one_source() {
        let read = |entries: &[(&'static str, &str)]| {
            read_options_strictly(
                Source::Element,
                entries.iter().map(|(n, v)| (*n, text(v))),
                "en",
            )
        };
        let o = read(&[
            ("project-id", "np_1"),
            ("oms", "hz:/oms-hz"),
            ("console-url", "hz:/hz/{id}"),
        ])
        .unwrap();
        assert_eq!((o.source.as_str(), o.base_url.as_str()), ("hz", "/oms-hz"));
        assert_eq!(o.console_link("np_1").as_deref(), Some("/hz/np_1"));
        let said = |entries| -> Vec<String> {
            read(entries)
                .unwrap_err()
                .iter()
                .map(Problem::to_string)
                .collect()
        };
        assert_eq!(
            said(&[("project-id", "np_1"), ("oms", "bj:/a,hz:/b")]),
            ["oms \"bj,hz\" names several sources: a widget reads one OMS"]
        );
        assert_eq!(
            said(&[("project-id", "np_1"), ("oms", "bj:/a"), ("base-url", "/b")]),
            ["base-url \"/b\" is given with oms: the source's URL is the base URL"]
        );
        assert_eq!(
            said(&[("project-id", "np_1"), ("oms", "/a")]),
            ["oms \"/a\" is not name:url (a short name, e.g. bj:/oms-bj)"]
        );
    }
}
