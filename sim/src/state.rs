//! The simulator's shared state: projects, faults, the request log, the clock.

use crate::clock::{Clock, UnixMs};
use crate::faults::FaultRule;
use crate::scenario::{ProjectSpec, Scenario};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Credentials the API demands; `None` turns auth off.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

/// How a simulator is set up.
#[derive(Clone, Debug)]
pub struct Config {
    pub credentials: Option<Credentials>,
    pub clock: Clock,
    pub scenario: Scenario,
    /// A folder served at `/` (the built widget), if any.
    pub static_dir: Option<std::path::PathBuf>,
    /// An origin allowed to call the API cross-origin, if any.
    pub cors_origin: Option<String>,
    /// Serves OMS 4.1's history actions (`DescribeProjectStepMetric`,
    /// `ListProjectFullVerifyResult`); an OMS 4.0 does not.
    pub history_actions: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            credentials: Some(Credentials {
                user: DEFAULT_USER.into(),
                password: DEFAULT_PASSWORD.into(),
            }),
            clock: Clock::System,
            scenario: Scenario::default_scenario(),
            static_dir: None,
            cors_origin: None,
            history_actions: true,
        }
    }
}

pub const DEFAULT_USER: &str = "oms";
pub const DEFAULT_PASSWORD: &str = "oms-sim";

/// A project and the clock time it was (re)defined at.
#[derive(Clone, Debug)]
pub struct Project {
    pub spec: ProjectSpec,
    pub since_ms: UnixMs,
}

/// One request received (control calls are not logged).
#[derive(Clone, Debug, Serialize)]
pub struct LoggedRequest {
    pub seq: u64,
    /// Real time it arrived, ms since the epoch.
    pub wall_ms: UnixMs,
    /// The simulator's clock when it arrived.
    pub clock_ms: UnixMs,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    /// Whether an Authorization header came with it.
    pub auth_sent: bool,
}

/// The log keeps the newest entries only, so a long soak cannot grow it forever.
pub const REQUEST_LOG_CAPACITY: usize = 100_000;

/// How `ListProjects` pages its answers. OMS's own: the page size asked,
/// with `totalCount`; some servers answer fewer a page whatever is asked,
/// or leave the count out.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListShape {
    /// At most this many projects a page, whatever page size was asked.
    #[serde(default)]
    pub page_cap: Option<i64>,
    /// Whether the envelope carries `totalCount`.
    #[serde(default = "yes")]
    pub send_total: bool,
}

fn yes() -> bool {
    true
}

impl Default for ListShape {
    fn default() -> Self {
        ListShape {
            page_cap: None,
            send_total: true,
        }
    }
}

#[derive(Debug, Default)]
pub struct Inner {
    pub projects: BTreeMap<String, Project>,
    pub faults: Vec<FaultRule>,
    pub list_shape: ListShape,
    pub log: std::collections::VecDeque<LoggedRequest>,
    pub next_seq: u64,
}

/// Everything the handlers share.
#[derive(Clone)]
pub struct Sim {
    pub config: Arc<Config>,
    inner: Arc<Mutex<Inner>>,
}

impl Sim {
    pub fn new(config: Config) -> Self {
        let now = config.clock.now_ms();
        let projects = config
            .scenario
            .projects
            .iter()
            .map(|spec| {
                (
                    spec.id.clone(),
                    Project {
                        spec: spec.clone(),
                        since_ms: now,
                    },
                )
            })
            .collect();
        Sim {
            inner: Arc::new(Mutex::new(Inner {
                projects,
                ..Inner::default()
            })),
            config: Arc::new(config),
        }
    }

    pub fn clock(&self) -> &Clock {
        &self.config.clock
    }

    /// The state, even if a handler panicked while holding it.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn log_request(&self, method: &str, path: &str, query: Option<&str>, auth_sent: bool) {
        let clock_ms = self.clock().now_ms();
        let mut inner = self.lock();
        let seq = inner.next_seq;
        inner.next_seq += 1;
        if inner.log.len() == REQUEST_LOG_CAPACITY {
            inner.log.pop_front();
        }
        inner.log.push_back(LoggedRequest {
            seq,
            wall_ms: crate::clock::wall_now_ms(),
            clock_ms,
            method: method.into(),
            path: path.into(),
            query: query.map(Into::into),
            auth_sent,
        });
    }
}
