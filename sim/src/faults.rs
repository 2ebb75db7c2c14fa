//! Faults injected through the control API: what goes wrong, for which
//! project (or all), and for how many requests.

use serde::{Deserialize, Serialize};

/// One way for an answer to go wrong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum FaultKind {
    /// Answer normally, `ms` later (adds up with other latency faults).
    Latency { ms: u64 },
    /// Answer with this HTTP status: 401/403 as OMS-style JSON, 404 as
    /// Spring's error JSON, 500 as `INNER_ERROR`, others as a proxy's HTML page.
    Status { code: u16 },
    /// An HTML error page with this status, as a proxy (nginx) answers in
    /// OMS's place: 404 from a proxy without the route, 502 when OMS is down.
    ProxyPage { code: u16 },
    /// `200` with a body that is not JSON.
    MalformedJson,
    /// `200` whose body stops half way (the connection is cut).
    Truncated,
    /// The connection is closed without any answer.
    Close,
    /// No answer at all for `ms` (10 minutes by default).
    Hang {
        #[serde(default = "default_hang_ms")]
        ms: u64,
    },
    /// `200` with `success: false` and this error.
    BusinessError {
        code: String,
        message: String,
        #[serde(default)]
        advice: String,
        /// `errorDetail.level` (OMS's own: ERROR, WARN, …); absent: the
        /// envelope's usual one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        level: Option<String>,
    },
    /// Every text field of `data` (or only `field`) replaced with `text`.
    Hostile {
        text: String,
        #[serde(default)]
        field: Option<String>,
    },
    /// `200` with an HTML page, as a login redirect or proxy error page gives.
    Html,
    /// `200` with an empty body.
    Empty,
    /// `200` with a valid envelope padded to about `bytes` bytes.
    Huge { bytes: usize },
}

fn default_hang_ms() -> u64 {
    600_000
}

/// A fault as requested: `project` absent means every project; `action`
/// (an OMS 4.x action) narrows it to requests of that action, and `page` to
/// one `ListProjects` page. `ListProjects` is affected only by rules that
/// name it, since its pages belong to no one project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FaultRule {
    #[serde(default)]
    pub project: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    #[serde(flatten)]
    pub fault: FaultKind,
    /// How many matching requests it affects before it clears itself; absent = until cleared.
    #[serde(default)]
    pub count: Option<u32>,
}

impl FaultRule {
    pub fn validate(&self) -> Result<(), String> {
        match &self.fault {
            FaultKind::Status { code } | FaultKind::ProxyPage { code }
                if !(100..=599).contains(code) =>
            {
                Err(format!(
                    "status code {code} is not an HTTP status (100-599)"
                ))
            }
            FaultKind::Huge { bytes } if *bytes > 64 * 1024 * 1024 => {
                Err("huge bytes must be at most 64 MiB".into())
            }
            _ if self.page.is_some() && self.action.as_deref() != Some(LIST_ACTION) => {
                Err(format!("page goes with action {LIST_ACTION}"))
            }
            _ if self.count == Some(0) => {
                Err("count must be at least 1 (or absent for no limit)".into())
            }
            _ => Ok(()),
        }
    }

    fn applies_to(&self, to: &Target) -> bool {
        match to {
            Target::Project { id, action } => {
                self.page.is_none()
                    && self.action.as_deref() != Some(LIST_ACTION)
                    && self.project.as_deref().is_none_or(|p| p == *id)
                    && self.action.as_deref().is_none_or(|a| Some(a) == *action)
            }
            Target::ListPage(page) => {
                self.action.as_deref() == Some(LIST_ACTION) && self.page.is_none_or(|p| p == *page)
            }
        }
    }
}

/// The action whose pages a fault may target.
pub const LIST_ACTION: &str = "ListProjects";

/// What a request asks for, as the faults see it.
pub enum Target<'a> {
    /// A project's progress, steps or components; `action` is the OMS 4.x
    /// action (`None` for OMS 3.x's paths).
    Project {
        id: &'a str,
        action: Option<&'a str>,
    },
    /// One page of `ListProjects`.
    ListPage(i64),
}

/// What the faults say about one request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decision {
    pub latency_ms: u64,
    /// The first non-latency fault that matched.
    pub fault: Option<FaultKind>,
}

/// Picks the faults for a request, using up counted ones.
pub fn decide(rules: &mut Vec<FaultRule>, to: Target) -> Decision {
    let mut decision = Decision::default();
    for rule in rules.iter_mut().filter(|r| r.applies_to(&to)) {
        match &rule.fault {
            FaultKind::Latency { ms } => decision.latency_ms += ms,
            other if decision.fault.is_none() => decision.fault = Some(other.clone()),
            _ => continue,
        }
        if let Some(n) = rule.count.as_mut() {
            *n -= 1;
        }
    }
    rules.retain(|r| r.count != Some(0));
    decision
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_faults_clear_themselves_and_latency_adds_up() {
        let mut rules = vec![
            rule(None, FaultKind::Latency { ms: 100 }, None),
            rule(Some("a"), FaultKind::Latency { ms: 50 }, Some(1)),
            rule(Some("a"), FaultKind::Close, Some(2)),
            rule(None, FaultKind::Empty, None),
        ];
        let d = decide(&mut rules, project("a"));
        assert_eq!((d.latency_ms, d.fault), (150, Some(FaultKind::Close)));
        let d = decide(&mut rules, project("b"));
        assert_eq!((d.latency_ms, d.fault), (100, Some(FaultKind::Empty)));
        let d = decide(&mut rules, project("a"));
        assert_eq!((d.latency_ms, d.fault), (100, Some(FaultKind::Close)));
        let d = decide(&mut rules, project("a"));
        assert_eq!((d.latency_ms, d.fault), (100, Some(FaultKind::Empty)));
    }

    fn rule(project: Option<&str>, fault: FaultKind, count: Option<u32>) -> FaultRule {
        FaultRule {
            project: project.map(str::to_owned),
            action: None,
            page: None,
            fault,
            count,
        }
    }

    fn project(id: &str) -> Target<'_> {
        Target::Project { id, action: None }
    }

    #[test]
    fn actions_and_list_pages_are_targeted_only_by_name() {
        let steps = |id| Target::Project {
            id,
            action: Some("DescribeProjectSteps"),
        };
        let mut hang_steps = rule(Some("a"), FaultKind::Close, None);
        hang_steps.action = Some("DescribeProjectSteps".into());
        let mut page_two = rule(None, FaultKind::Empty, None);
        (page_two.action, page_two.page) = (Some(LIST_ACTION.into()), Some(2));
        let mut rules = vec![hang_steps, page_two, rule(None, FaultKind::Html, None)];
        assert_eq!(decide(&mut rules, steps("a")).fault, Some(FaultKind::Close));
        assert_eq!(
            decide(&mut rules, project("a")).fault,
            Some(FaultKind::Html)
        );
        assert_eq!(decide(&mut rules, steps("b")).fault, Some(FaultKind::Html));
        // The list: only the rule that names it, and only on its page.
        assert_eq!(decide(&mut rules, Target::ListPage(1)).fault, None);
        assert_eq!(
            decide(&mut rules, Target::ListPage(2)).fault,
            Some(FaultKind::Empty)
        );
    }

    #[test]
    fn rules_parse_from_json_and_bad_ones_say_why() {
        let r: FaultRule =
            serde_json::from_str(r#"{"project":"np_x","kind":"status","code":503,"count":2}"#)
                .unwrap();
        assert_eq!(r.fault, FaultKind::Status { code: 503 });
        let r: FaultRule = serde_json::from_str(r#"{"kind":"status","code":999}"#).unwrap();
        assert!(r.validate().unwrap_err().contains("999"));
        assert!(serde_json::from_str::<FaultRule>(r#"{"kind":"meteor"}"#).is_err());
    }
}
