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

/// A fault as requested: `project` absent means every project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FaultRule {
    #[serde(default)]
    pub project: Option<String>,
    #[serde(flatten)]
    pub fault: FaultKind,
    /// How many matching requests it affects before it clears itself; absent = until cleared.
    #[serde(default)]
    pub count: Option<u32>,
}

impl FaultRule {
    pub fn validate(&self) -> Result<(), String> {
        match &self.fault {
            FaultKind::Status { code } if !(100..=599).contains(code) => Err(format!(
                "status code {code} is not an HTTP status (100-599)"
            )),
            FaultKind::Huge { bytes } if *bytes > 64 * 1024 * 1024 => {
                Err("huge bytes must be at most 64 MiB".into())
            }
            _ if self.count == Some(0) => {
                Err("count must be at least 1 (or absent for no limit)".into())
            }
            _ => Ok(()),
        }
    }

    fn applies_to(&self, project: &str) -> bool {
        self.project.as_deref().is_none_or(|p| p == project)
    }
}

/// What the faults say about one request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decision {
    pub latency_ms: u64,
    /// The first non-latency fault that matched.
    pub fault: Option<FaultKind>,
}

/// Picks the faults for a request to `project`, using up counted ones.
pub fn decide(rules: &mut Vec<FaultRule>, project: &str) -> Decision {
    let mut decision = Decision::default();
    for rule in rules.iter_mut().filter(|r| r.applies_to(project)) {
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
            FaultRule {
                project: None,
                fault: FaultKind::Latency { ms: 100 },
                count: None,
            },
            FaultRule {
                project: Some("a".into()),
                fault: FaultKind::Latency { ms: 50 },
                count: Some(1),
            },
            FaultRule {
                project: Some("a".into()),
                fault: FaultKind::Close,
                count: Some(2),
            },
            FaultRule {
                project: None,
                fault: FaultKind::Empty,
                count: None,
            },
        ];
        let d = decide(&mut rules, "a");
        assert_eq!((d.latency_ms, d.fault), (150, Some(FaultKind::Close)));
        let d = decide(&mut rules, "b");
        assert_eq!((d.latency_ms, d.fault), (100, Some(FaultKind::Empty)));
        let d = decide(&mut rules, "a");
        assert_eq!((d.latency_ms, d.fault), (100, Some(FaultKind::Close)));
        let d = decide(&mut rules, "a");
        assert_eq!((d.latency_ms, d.fault), (100, Some(FaultKind::Empty)));
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
