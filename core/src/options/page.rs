//! The standalone page's configuration, read from its URL query through the
//! option table. Pure: the page glue hands in the decoded pairs.

use super::near_miss::nearest;
use super::problem::{Problem, ProblemKind};
use super::table::{read_options, RawValue, Source};
use super::widget::{check_project_id, WidgetOptions};
use crate::i18n::Lang;
use crate::model::{Attention, WallFilter};
use crate::wire::{ApiKind, ListQuery};

/// The wallboard's URL parameters (only with `wall`): `type`, `status`,
/// `label` (each comma-separated, repeatable), `search`, `group`, `source`.
pub const WALL_PARAMS: [&str; 7] = [
    "wall", "type", "status", "label", "search", "group", "source",
];

/// The `<oms-wallboard>` element's filter attributes: the URL's names.
pub const WALL_FILTERS: [&str; 6] = ["type", "status", "label", "search", "group", "source"];

/// What `?wall` (or an `<oms-wallboard>`) asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct WallConfig {
    /// Base URL, interval, thresholds, language… for the list and for every
    /// card opened. Its `api` is OMS 4.x's unless the URL said otherwise:
    /// OMS 3.x has no list, and the page then shows the named projects.
    pub options: WidgetOptions,
    /// Which projects the board shows.
    pub filter: WallFilter,
    /// The group chosen first (the summary strip changes it).
    pub group: Option<Attention>,
    /// The source chosen first, by name (the source strip changes it).
    pub source: Option<String>,
}

/// What `?project=…&api=…&interval=…` asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct PageConfig {
    /// One entry per widget, in the order given.
    pub widgets: Vec<WidgetOptions>,
    /// Parameters that could not be used, said plainly on the page; each
    /// such option keeps its default.
    pub problems: Vec<Problem>,
    /// The page's language.
    pub lang: Lang,
    /// The wallboard, when the URL has `wall`.
    pub wall: Option<WallConfig>,
}

/// Reads the query's pairs. `browser_lang` is the default language.
///
/// `project=ID[,ID…]` (repeatable; an id may be prefixed `sync:`,
/// `migration:` or `v4:`), then every option of the table that has a URL name.
pub fn page_config(pairs: &[(String, String)], browser_lang: &str) -> PageConfig {
    let mut problems = Vec::new();
    let wall_mode = pairs.iter().any(|(key, _)| key == "wall");
    let rest = pairs
        .iter()
        .filter(|(key, _)| key != "project" && !(wall_mode && WALL_PARAMS.contains(&key.as_str())))
        .map(|(key, value)| (key.as_str(), RawValue::Text(value.clone())));
    let (mut shared, more) = read_options(Source::Url, rest, browser_lang);
    problems.extend(more.into_iter().map(|p| with_hint(p, wall_mode)));
    // A link must not send the page's requests to another host.
    if let Some(far) = shared.sources.iter().find(|s| !s.base_url.starts_with('/')) {
        problems.push(Problem::new(
            "oms",
            ProblemKind::BadUrl {
                value: format!("{}:{}", far.name, far.base_url),
                problem: "is not a path: the page's URL takes paths on this origin only",
            },
        ));
        shared.sources.clear();
    }
    let mut ids: Vec<(Option<ApiKind>, WidgetOptions, String)> = Vec::new();
    for (_, value) in pairs.iter().filter(|(key, _)| key == "project") {
        for entry in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match project_entry(entry, &shared) {
                Ok(project) => ids.push(project),
                Err(kind) => problems.push(Problem::new("project", kind)),
            }
        }
    }
    let wall = wall_mode.then(|| {
        if !pairs.iter().any(|(key, _)| key == "api") {
            shared.api = ApiKind::V4;
        }
        wall_config(pairs, &shared, &mut problems)
    });
    let widgets = ids
        .into_iter()
        .map(|(kind, options, id)| WidgetOptions {
            project_id: id,
            api: kind.unwrap_or(shared.api),
            ..options
        })
        .collect();
    PageConfig {
        widgets,
        problems,
        lang: shared.lang.unwrap_or_default(),
        wall,
    }
}

/// An unknown parameter's problem with every name the page knows (the
/// wallboard's too, with `wall`) and the one it nearly spells, if any.
fn with_hint(problem: Problem, wall_mode: bool) -> Problem {
    let Problem {
        option,
        kind: ProblemKind::Unknown { mut known, .. },
    } = problem
    else {
        return problem;
    };
    if wall_mode {
        known.extend(WALL_PARAMS);
    }
    let meant = nearest(&option, &known);
    Problem::new(option, ProblemKind::Unknown { known, meant })
}

/// `[api:][source:]ID`: the project, its API when named, and the options
/// of its source (the only one when the page has one and none is named).
fn project_entry(
    entry: &str,
    shared: &WidgetOptions,
) -> Result<(Option<ApiKind>, WidgetOptions, String), ProblemKind> {
    let mut parts: Vec<&str> = entry.split(':').map(str::trim).collect();
    let id = parts.pop().unwrap_or_default();
    let (mut kind, mut source) = (None, None);
    for prefix in parts {
        if let (None, Some(api)) = (kind, ApiKind::parse(prefix)) {
            kind = Some(api);
        } else if let (None, Some(s)) = (
            &source,
            shared
                .sources
                .iter()
                .find(|s| s.name.eq_ignore_ascii_case(prefix)),
        ) {
            source = Some(s);
        } else {
            return Err(ProblemKind::NotOneOf {
                value: entry.to_owned(),
                allowed: &[
                    "ID",
                    "sync:ID",
                    "migration:ID",
                    "v4:ID",
                    "SOURCE:ID",
                    "v4:SOURCE:ID",
                ],
            });
        }
    }
    check_project_id(id)?;
    let options = match (source, shared.sources.as_slice()) {
        (Some(s), _) | (None, [s]) => shared.for_source(s),
        (None, []) => shared.clone(),
        (None, _) => {
            return Err(ProblemKind::BadUrl {
                value: entry.to_owned(),
                problem: "does not say which OMS of oms it is in (e.g. bj:np_1)",
            })
        }
    };
    Ok((kind, options, id.to_owned()))
}

/// What an `<oms-wallboard>` asked for: the option table's attributes and
/// properties (`options`, as for `<oms-sync-progress>`, but `project-id`:
/// the list names the projects) and the filters of [`WALL_FILTERS`]
/// (`filters`). The API is OMS 4.x's unless `api` says otherwise, and only
/// OMS 4.x lists its projects. Refused, as the element's options are, when
/// anything is wrong.
pub fn wall_element_config<'a>(
    options: impl IntoIterator<Item = (&'a str, RawValue)>,
    filters: &[(String, String)],
    default_lang: &str,
) -> Result<WallConfig, Vec<Problem>> {
    let mut api_given = false;
    let options = options
        .into_iter()
        .filter(|(name, _)| *name != "project-id")
        .inspect(|(name, _)| api_given |= *name == "api");
    let (mut shared, mut problems) = read_options(Source::Element, options, default_lang);
    problems.retain(|p| !(p.option == "project-id" && p.kind == ProblemKind::Missing));
    if !api_given {
        shared.api = ApiKind::V4;
    } else if shared.api != ApiKind::V4 && problems.iter().all(|p| p.option != "api") {
        problems.push(Problem::new(
            "api",
            ProblemKind::NotOneOf {
                value: ApiKind::NAMES[shared.api as usize].to_owned(),
                allowed: &["v4"],
            },
        ));
    }
    let wall = wall_config(filters, &shared, &mut problems);
    if problems.is_empty() {
        Ok(wall)
    } else {
        Err(problems)
    }
}

fn wall_config(
    pairs: &[(String, String)],
    shared: &WidgetOptions,
    problems: &mut Vec<Problem>,
) -> WallConfig {
    let values = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(key, _)| key == name)
            .flat_map(|(_, value)| value.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut query = ListQuery {
        statuses: values("status")
            .iter()
            .map(|s| s.to_ascii_uppercase())
            .collect(),
        search: values("search").into_iter().next(),
        kind: None,
    };
    for kind in values("type") {
        match ApiKind::parse(&kind) {
            Some(ApiKind::Sync) => query.kind = Some("SYNC".into()),
            Some(ApiKind::Migration) => query.kind = Some("MIGRATION".into()),
            _ => problems.push(Problem::new(
                "type",
                ProblemKind::NotOneOf {
                    value: kind,
                    allowed: &["sync", "migration"],
                },
            )),
        }
    }
    let mut group = None;
    for name in values("group") {
        match Attention::parse(&name) {
            Some(g) => group = Some(g),
            None => problems.push(Problem::new(
                "group",
                ProblemKind::NotOneOf {
                    value: name,
                    allowed: &Attention::NAMES,
                },
            )),
        }
    }
    let mut source = None;
    for name in values("source") {
        match shared
            .sources
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(&name))
        {
            Some(s) => source = Some(s.name.clone()),
            None => problems.push(Problem::new(
                "source",
                ProblemKind::BadUrl {
                    value: name,
                    problem: "is not the name of a source in oms",
                },
            )),
        }
    }
    WallConfig {
        source,
        options: shared.clone(),
        filter: WallFilter {
            query,
            labels: values("label"),
        },
        group,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn problems(list: &[(&str, &str)], browser_lang: &str) -> Vec<String> {
        page_config(&pairs(list), browser_lang)
            .problems
            .iter()
            .map(Problem::to_string)
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
                ("compact", ""),
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
        assert_eq!((c.lang, c.widgets[0].lang), (Lang::ZhCn, Some(Lang::ZhCn)));
        assert!(c.widgets[2].compact);
        assert!(c.problems.is_empty());
    }

    #[test]
    fn bad_parameters_are_reported_and_keep_their_defaults() {
        let c = page_config(
            &pairs(&[("project", "v9:x"), ("interval", "fast"), ("api", "v9")]),
            "zh",
        );
        assert!(c.widgets.is_empty());
        assert_eq!(c.problems.len(), 3, "{:?}", c.problems);
        assert_eq!(c.lang, Lang::ZhCn, "browser language by default");
    }

    #[test]
    fn the_wallboard_and_its_filters_from_the_query() {
        let c = page_config(
            &pairs(&[
                ("wall", ""),
                ("type", "sync"),
                ("status", "failed, running"),
                ("label", "prod"),
                ("label", "team-a"),
                ("search", "orders"),
                ("group", "far-behind"),
                ("interval", "10"),
            ]),
            "en",
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let wall = c.wall.unwrap();
        assert_eq!(wall.options.api, ApiKind::V4, "a list needs OMS 4.x");
        assert_eq!(wall.options.poll.interval, Duration::from_secs(10));
        assert_eq!(wall.filter.query.kind.as_deref(), Some("SYNC"));
        assert_eq!(wall.filter.query.statuses, ["FAILED", "RUNNING"]);
        assert_eq!(wall.filter.query.search.as_deref(), Some("orders"));
        assert_eq!(wall.filter.labels, ["prod", "team-a"]);
        assert_eq!(wall.group, Some(Attention::FarBehind));
        for g in Attention::ALL {
            let c = page_config(&pairs(&[("wall", ""), ("group", g.as_str())]), "en");
            assert_eq!(c.wall.unwrap().group, Some(g));
        }

        let c = page_config(
            &pairs(&[("wall", ""), ("type", "v4"), ("group", "urgent")]),
            "en",
        );
        let said: Vec<String> = c.problems.iter().map(Problem::to_string).collect();
        assert_eq!(
            said,
            [
                "type \"v4\" is not sync or migration",
                "group \"urgent\" is not failed, far-behind, behind, alarming, unknown, paused, not-started, running, finished or released"
            ]
        );
        // OMS 3.x has no list: the board shows the named projects.
        let c = page_config(
            &pairs(&[("wall", ""), ("api", "sync"), ("project", "np_a")]),
            "en",
        );
        assert_eq!(c.wall.unwrap().options.api, ApiKind::Sync);
        assert_eq!(c.widgets.len(), 1);
        // Without `wall` the wallboard's names are unknown options.
        assert_eq!(
            page_config(&pairs(&[("group", "failed")]), "en")
                .problems
                .len(),
            1
        );
    }

    #[test]
    fn what_a_newcomer_tried_is_said_not_silently_changed() {
        // A language we do not have: said, and the browser's language stays.
        let c = page_config(&pairs(&[("project", "np_a"), ("lang", "fr")]), "zh-CN");
        assert_eq!((c.lang, c.problems.len()), (Lang::ZhCn, 1));
        assert_eq!(c.problems[0].to_string(), "lang \"fr\" is not en or zh-CN");
        for (list, said) in [
            (
                &[("timeout", "0.5")][..],
                "timeout 0.5 is out of range (1 to 86400 seconds)",
            ),
            (
                &[("interval", "0")][..],
                "interval 0 is out of range (1 to 86400 seconds)",
            ),
            (
                &[("interval", "10"), ("max-backoff", "3")][..],
                "max-backoff (3 s) is below interval (10 s)",
            ),
            (
                &[("lag-warn", "400"), ("lag-critical", "300")][..],
                "lag-warn (400 s) is above lag-critical (300 s)",
            ),
            (
                &[("intervall", "5")][..],
                "unknown option \"intervall\": did you mean interval? (known: project, api, interval, timeout, max-backoff, lag-warn, lag-critical, cutover-lag, cutover-hold, stuck-after, time-zone, lang, compact, oms)",
            ),
        ] {
            assert_eq!(problems(list, "en"), [said], "{list:?}");
        }
        // Each bad value keeps its default; the rest applies.
        let c = page_config(
            &pairs(&[
                ("project", "np_a"),
                ("interval", "10"),
                ("max-backoff", "3"),
                ("timeout", "0.5"),
            ]),
            "en",
        );
        let poll = c.widgets[0].poll;
        assert_eq!(
            (poll.interval, poll.timeout, poll.max_backoff),
            (
                Duration::from_secs(10),
                Duration::from_secs(10),
                Duration::from_secs(60)
            )
        );
    }

    #[test]
    fn with_wall_its_filters_are_known_and_hinted() {
        let known = "project, api, interval, timeout, max-backoff, lag-warn, lag-critical, cutover-lag, cutover-hold, stuck-after, time-zone, lang, compact, oms";
        assert_eq!(
            problems(&[("wall", ""), ("grop", "failed")], "en"),
            [format!("unknown option \"grop\": did you mean group? (known: {known}, wall, type, status, label, search, group, source)")]
        );
        for (typo, meant) in [
            ("staus", "status"),
            ("lable", "label"),
            ("serch", "search"),
            ("sorce", "source"),
            ("tpye", "type"),
        ] {
            let said = problems(&[("wall", ""), (typo, "x")], "en");
            assert!(
                said[0].contains(&format!(": did you mean {meant}? (known: ")),
                "{said:?}"
            );
        }
        // Without `wall` those names are not the page's: no hint toward them.
        assert_eq!(
            problems(&[("grop", "failed")], "en"),
            [format!("unknown option \"grop\" (known: {known})")]
        );
    }

    /// What of `text` is left in Latin letters once the values sent
    /// (quoted) and the page's own words (option names, the words they
    /// take, ids) are taken out.
    fn english_left(text: &str) -> Vec<String> {
        let mut own: Vec<&str> = super::super::option_names(Source::Url);
        own.extend(WALL_PARAMS);
        own.extend(Attention::NAMES);
        own.extend(Lang::TAGS);
        own.extend(ApiKind::NAMES);
        own.extend([
            "sync",
            "migration",
            "ID",
            "OMS",
            "oms",
            "np_4ur1zdx1v8cg",
            "bj:np_1",
            "np_1",
            "bj:/oms-bj",
            "IANA",
            "Asia/Shanghai",
            "UTC",
            "true",
            "false",
            "http(s)",
            "{id}",
        ]);
        own.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let mut left = String::new();
        let mut quoted = false;
        for c in text.chars() {
            if c == '"' {
                quoted = !quoted;
            } else if !quoted {
                left.push(c);
            }
        }
        for word in own {
            left = left.replace(word, " ");
        }
        left.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_page_problem_is_said_in_chinese() {
        let tried: [&[(&str, &str)]; 21] = [
            &[("wall", ""), ("grop", "failed")],
            &[("intervall", "5")],
            &[("colour", "red")],
            &[("interval", "fast")],
            &[("interval", "0")],
            &[("interval", "10"), ("max-backoff", "3")],
            &[("lag-warn", "400"), ("lag-critical", "300")],
            &[("api", "v9")],
            &[("project", "v9:x")],
            &[("project", "..")],
            &[("oms", "bj:/oms-bj"), ("project", "bj:")],
            &[
                ("wall", ""),
                ("type", "v4"),
                ("group", "urgent"),
                ("source", "sh"),
            ],
            &[("wall", ""), ("oms", "bj:https://elsewhere.example")],
            &[
                ("oms", "bj:/oms-bj,hz:/oms-hz"),
                ("project", "np_a,sh:np_b"),
            ],
            &[("oms", "nonsense")],
            &[("oms", "bj:/a,BJ:/b")],
            &[("oms", "bj:https://u:p@oms.example/")],
            &[("oms", "bj:https:///x")],
            &[("oms", "bj:ftp://x")],
            &[("time-zone", "Mars Base")],
            &[("compact", "maybe")],
        ];
        let mut kinds = std::collections::HashSet::new();
        for list in tried {
            let mut list = list.to_vec();
            list.push(("lang", "zh-CN"));
            let c = page_config(&pairs(&list), "en");
            assert_eq!(c.lang, Lang::ZhCn);
            assert!(!c.problems.is_empty(), "{list:?}");
            for p in &c.problems {
                let zh = p.text(Lang::ZhCn);
                assert_eq!(english_left(&zh), Vec::<String>::new(), "{zh}");
                assert_ne!(english_left(&p.text(Lang::En)), Vec::<String>::new(), "{p}");
                // The values as sent, quoted, in both languages.
                if let ProblemKind::NotOneOf { value, .. } | ProblemKind::BadUrl { value, .. } =
                    &p.kind
                {
                    assert!(zh.contains(&crate::i18n::quoted(value)), "{zh}");
                }
                kinds.insert(std::mem::discriminant(&p.kind));
            }
        }
        // Every kind the page can meet: all but a JS value's wrong type and
        // an element's near miss.
        assert_eq!(kinds.len(), 8, "{kinds:?}");
        assert_eq!(
            problems(&[("wall", ""), ("grop", "failed"), ("lang", "zh-CN")], "en"),
            ["unknown option \"grop\": did you mean group? (known: project, api, interval, timeout, max-backoff, lag-warn, lag-critical, cutover-lag, cutover-hold, stuck-after, time-zone, lang, compact, oms, wall, type, status, label, search, group, source)"],
            "Display stays English (for hosts' logs)"
        );
        let grop = &page_config(
            &pairs(&[("wall", ""), ("grop", "x"), ("lang", "zh-CN")]),
            "en",
        )
        .problems[0];
        assert!(
            grop.text(Lang::ZhCn)
                .starts_with("未知选项 \"grop\"：是否想写 group？（可用：project, "),
            "{grop}"
        );
    }

    fn element(
        options: &[(&'static str, &str)],
        filters: &[(&str, &str)],
    ) -> Result<WallConfig, Vec<Problem>> {
        let options = options
            .iter()
            .map(|(name, value)| (*name, RawValue::Text(value.to_string())));
        wall_element_config(options, &pairs(filters), "en-GB")
    }

    #[test]
    fn the_wallboard_element_reads_the_table_and_the_filters() {
        let wall = element(
            &[("base-url", "/oms"), ("interval", "5"), ("lang", "zh-CN")],
            &[
                ("status", "running,failed"),
                ("label", "prod"),
                ("group", "behind"),
            ],
        )
        .unwrap();
        assert_eq!(wall.options.api, ApiKind::V4);
        assert_eq!(wall.options.base_url, "/oms");
        assert_eq!(wall.options.poll.interval, Duration::from_secs(5));
        assert_eq!(wall.options.lang, Some(Lang::ZhCn));
        assert_eq!(wall.filter.query.statuses, ["RUNNING", "FAILED"]);
        assert_eq!(wall.filter.labels, ["prod"]);
        assert_eq!(wall.group, Some(Attention::Behind));
    }

    #[test]
    fn the_wallboard_element_needs_no_project_but_refuses_bad_values_and_oms_3() {
        assert!(element(&[], &[]).is_ok());
        let said = |r: Result<WallConfig, Vec<Problem>>| -> Vec<String> {
            r.unwrap_err().iter().map(|p| p.option.clone()).collect()
        };
        assert_eq!(said(element(&[("interval", "soon")], &[])), ["interval"]);
        assert_eq!(said(element(&[("api", "sync")], &[])), ["api"]);
        assert_eq!(said(element(&[("api", "v5")], &[])), ["api"]);
        assert_eq!(
            said(element(&[], &[("group", "urgent"), ("type", "cdc")])),
            ["type", "group"]
        );
    }

    #[test]
    fn several_oms_on_one_page() {
        let c = page_config(
            &pairs(&[
                ("wall", ""),
                ("oms", "bj:/oms-bj,hz:/oms-hz"),
                ("source", "HZ"),
                ("project", "bj:np_a,v4:hz:np_a"),
            ]),
            "en",
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let wall = c.wall.unwrap();
        assert_eq!(wall.options.wall_sources().len(), 2);
        assert_eq!(wall.source.as_deref(), Some("hz"));
        let got: Vec<_> = c
            .widgets
            .iter()
            .map(|w| {
                (
                    w.source.as_str(),
                    w.base_url.as_str(),
                    w.project_id.as_str(),
                )
            })
            .collect();
        assert_eq!(got, [("bj", "/oms-bj", "np_a"), ("hz", "/oms-hz", "np_a")]);
        assert_eq!(c.widgets[1].api, ApiKind::V4);
        // A link never sends the page's requests to another host.
        assert_eq!(
            problems(&[("wall", ""), ("oms", "bj:https://elsewhere.example")], "en"),
            ["oms \"bj:https://elsewhere.example\" is not a path: the page's URL takes paths on this origin only"]
        );
        assert_eq!(
            problems(
                &[("oms", "bj:/oms-bj,hz:/oms-hz"), ("project", "np_a,sh:np_b")],
                "en"
            ),
            [
                "project \"np_a\" does not say which OMS of oms it is in (e.g. bj:np_1)",
                "project \"sh:np_b\" is not ID, sync:ID, migration:ID, v4:ID, SOURCE:ID or v4:SOURCE:ID"
            ]
        );
        // One source: projects need not name it.
        let c = page_config(&pairs(&[("oms", "bj:/oms-bj"), ("project", "np_a")]), "en");
        assert_eq!(c.widgets[0].source, "bj");
        let c = page_config(&pairs(&[("wall", ""), ("source", "sh")]), "en");
        assert_eq!(c.problems.len(), 1);
    }

    #[test]
    fn the_wallboard_element_reads_its_sources_and_their_consoles() {
        let wall = element(
            &[
                ("oms", "bj:/oms-bj,hz:https://oms-hz.example"),
                ("console-url", "bj:https://bj.example/#/p/{id},hz:/hz/{id}"),
            ],
            &[],
        )
        .unwrap();
        let sources = wall.options.wall_sources();
        let hz = wall.options.for_source(&sources[1]);
        assert_eq!(hz.base_url, "https://oms-hz.example");
        assert_eq!(hz.console_link("np_1").as_deref(), Some("/hz/np_1"));
        let bj = wall.options.for_source_named("BJ");
        assert_eq!(
            bj.console_link("np_1").as_deref(),
            Some("https://bj.example/#/p/np_1")
        );
        let said = |r: Result<WallConfig, Vec<Problem>>| -> Vec<String> {
            r.unwrap_err().iter().map(Problem::to_string).collect()
        };
        assert_eq!(
            said(element(
                &[("oms", "bj:/oms-bj"), ("console-url", "sh:/sh/{id}")],
                &[]
            )),
            ["console-url \"sh\" is not the name of a source in oms"]
        );
    }
}
