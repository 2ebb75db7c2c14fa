//! Projects and how their state moves with time. A project's state is a pure
//! function of its behaviour and the seconds since it was (re)defined, so the
//! injected clock is all a test needs to see a lifecycle advance. One
//! exception: a `recent_spike`'s past also depends on when OMS's history is
//! asked for, so that its spike stays just behind the present.

use crate::switch_spec::{SwitchOverSpec, SwitchStep};
use serde::{Deserialize, Serialize};
use std::f64::consts::TAU;

/// Which OMS endpoint serves the project.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// `GET /api/omsp/v2/sync/{id}/progress`
    #[default]
    Sync,
    /// `GET /api/omsp/v2/migrations/{id}/progress`
    Migration,
}

/// Which of the field-name generations the `data` object uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Naming {
    /// The doc's table: `structMigrationProgress` / `fullMigrationProgress`.
    #[default]
    Table,
    /// The doc's example response: `structSyncProgress` / `fullSyncProgress`.
    Doc,
    /// V4: `structTransferProgress` / `fullTransferProgress`, `alarmLevel`.
    V4,
}

/// How the envelope's keys are spelled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Envelope {
    /// OMS itself: `success`, `data`, ...
    #[default]
    Camel,
    /// Through OCP: `Success`, `Code: 200`, `Cost: 56`, `Data`, ...
    Pascal,
}

/// A checkpoint given in a fixed state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckpointSpec {
    /// Always this many seconds behind the clock (the checkpoint advances).
    LagSecs(i64),
    /// This exact unix time in seconds (frozen, so the lag grows).
    Unix(i64),
    /// This many seconds before the project was defined, then frozen (a
    /// paused or released project: the lag grows from there).
    FrozenLagSecs(i64),
    /// A text served as is (a Sybase position, garbage, "").
    Text(String),
}

/// A state set exactly, for tests and for projects that do not move.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedState {
    pub status: String,
    #[serde(default)]
    pub current_step: Option<String>,
    #[serde(default = "yes")]
    pub enable_struct: bool,
    #[serde(default = "yes")]
    pub enable_full: bool,
    #[serde(default = "yes")]
    pub enable_incr: bool,
    #[serde(default)]
    pub enable_reverse: bool,
    #[serde(default)]
    pub struct_progress: Option<i64>,
    #[serde(default)]
    pub full_progress: Option<i64>,
    #[serde(default)]
    pub checkpoint: Option<CheckpointSpec>,
    /// The reverse incremental sync's checkpoint (after switch-over).
    #[serde(default)]
    pub reverse_checkpoint: Option<CheckpointSpec>,
}

fn yes() -> bool {
    true
}

/// How a project's state changes over time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Behaviour {
    /// INIT → prepare → schema → full data (percent climbing) → incremental,
    /// starting over every `period_secs`.
    Lifecycle {
        #[serde(default = "default_lifecycle_period")]
        period_secs: u64,
    },
    /// Incremental sync whose lag drifts between the two bounds.
    Steady {
        #[serde(default = "default_lag_min")]
        lag_min_secs: f64,
        #[serde(default = "default_lag_max")]
        lag_max_secs: f64,
        #[serde(default = "default_drift_period")]
        period_secs: f64,
    },
    /// Incremental sync falling behind: the lag grows by `rate` seconds per
    /// second from `start_secs`, up to `max_secs`.
    GrowingLag {
        #[serde(default = "default_growing_start")]
        start_secs: f64,
        #[serde(default = "default_growing_rate")]
        rate: f64,
        #[serde(default = "default_growing_max")]
        max_secs: f64,
    },
    /// Incremental sync whose lag follows a scripted curve: `[seconds since
    /// the project was defined, lag]` points, joined by straight lines and
    /// held after the last (for trends and ETAs).
    LagCurve { points: Vec<[f64; 2]> },
    /// Incremental sync at `lag_secs` that was at `spike_secs` for
    /// `lasted_secs` until `ended_secs_ago` before the moment it is asked
    /// about, in OMS's history too: it "just caught up" however long the
    /// simulator runs, which a curve from the project's start cannot keep.
    RecentSpike {
        lag_secs: f64,
        spike_secs: f64,
        ended_secs_ago: f64,
        lasted_secs: f64,
    },
    /// A Sybase source: the checkpoint is a `"fileId,fileOffset"` log position.
    Sybase,
    /// Exactly this state.
    Fixed(FixedState),
    /// This JSON served verbatim as `data` (odd values, nulls, anything).
    Raw { data: serde_json::Value },
}

fn default_lifecycle_period() -> u64 {
    300
}
fn default_lag_min() -> f64 {
    1.0
}
fn default_lag_max() -> f64 {
    20.0
}
fn default_drift_period() -> f64 {
    90.0
}
fn default_growing_start() -> f64 {
    30.0
}
fn default_growing_rate() -> f64 {
    0.5
}
fn default_growing_max() -> f64 {
    3600.0
}

/// One project as configured (scenario file or control API).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectSpec {
    pub id: String,
    #[serde(default)]
    pub kind: Kind,
    #[serde(default)]
    pub naming: Naming,
    #[serde(default)]
    pub envelope: Envelope,
    #[serde(default = "default_importance")]
    pub importance: String,
    /// OMS 4.x's components: the source-side Store is the one behind (by
    /// default the writer is, and Store stays current).
    #[serde(default)]
    pub store_behind: bool,
    /// The name `ListProjects` gives (default: the id without its `np_`/`p_`).
    #[serde(default)]
    pub name: Option<String>,
    /// `ListProjects`' labels.
    #[serde(default)]
    pub labels: Vec<String>,
    /// An alarm is raised (a delay alarm: `alarmStats.alarming`); failed
    /// projects alarm anyway.
    #[serde(default)]
    pub alarming: bool,
    /// A full verification after the full-data copy (OMS 4.x's
    /// `FULL_VERIFIER` step and `ListProjectFullVerifyResult`).
    #[serde(default)]
    pub verify: Option<VerifySpec>,
    /// A forward switch-over (`TRANSFER_APP_SWITCH`) after the incremental
    /// sync, waiting for the operator, running or done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switch_over: Option<SwitchOverSpec>,
    pub behaviour: Behaviour,
}

/// A project's full verification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifySpec {
    /// How many tables it compares.
    #[serde(default = "default_verify_tables")]
    pub tables: u32,
    /// Rows that differ once it finished (0: consistent), all in the first table.
    #[serde(default)]
    pub differing_rows: i64,
    /// How long it runs from when the project was defined (0: finished).
    #[serde(default)]
    pub duration_secs: f64,
}

fn default_verify_tables() -> u32 {
    4
}

fn default_importance() -> String {
    "MEDIUM".into()
}

/// A scenario file: `[[project]]` tables.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(default, rename = "project")]
    pub projects: Vec<ProjectSpec>,
}

impl Scenario {
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let scenario: Scenario = toml::from_str(text).map_err(|e| e.to_string())?;
        for p in &scenario.projects {
            p.validate()?;
        }
        Ok(scenario)
    }

    /// The seeded projects the demo and the tests start with.
    pub fn default_scenario() -> Self {
        Self::from_toml(DEFAULT_SCENARIO).expect("the built-in scenario is valid")
    }
}

impl Scenario {
    /// `count` more living projects (`np_gen_0000`…), spread as an OMS with
    /// many projects is: most steady, some behind, a few failed, paused,
    /// alarming, in their full copy, finished or released. The same count
    /// always gives the same projects.
    pub fn generate(count: usize) -> Vec<ProjectSpec> {
        const TABLES: [&str; 10] = [
            "orders",
            "users",
            "billing",
            "audit",
            "ledger",
            "inventory",
            "payments",
            "crm",
            "catalog",
            "events",
        ];
        // What each database serves: never a place's name, which a board
        // of several regions would read as another region's project.
        const ROLES: [&str; 4] = ["app", "dw", "report", "ops"];
        const TEAMS: [&str; 3] = ["team-a", "team-b", "team-c"];
        (0..count)
            .map(|i| {
                let id = format!("np_gen_{i:04}");
                let spread = phase_of(&id);
                let fixed = |status: &str, step: &str, full: i64, lag: Option<i64>| {
                    Behaviour::Fixed(FixedState {
                        status: status.into(),
                        current_step: Some(step.into()),
                        enable_struct: true,
                        enable_full: true,
                        enable_incr: true,
                        enable_reverse: false,
                        struct_progress: Some(100),
                        full_progress: Some(full),
                        checkpoint: lag.map(CheckpointSpec::FrozenLagSecs),
                        reverse_checkpoint: None,
                    })
                };
                let steady = |min: f64, max: f64| Behaviour::Steady {
                    lag_min_secs: min,
                    lag_max_secs: max,
                    period_secs: 60.0 + 120.0 * spread,
                };
                let behaviour = match i % 100 {
                    0..=1 => fixed("FAILED", "FULL_TRANSFER", (spread * 90.0) as i64, None),
                    2..=3 => Behaviour::GrowingLag {
                        start_secs: 320.0 + 600.0 * spread,
                        rate: 0.5,
                        max_secs: 7200.0,
                    },
                    4..=8 => steady(30.0 + 60.0 * spread, 120.0 + 100.0 * spread),
                    12..=16 => fixed("SUSPEND", "INCR_TRANSFER", 100, Some(600)),
                    17..=24 => Behaviour::Lifecycle {
                        period_secs: 300 + (spread * 300.0) as u64,
                    },
                    25..=31 => fixed("FINISHED", "FULL_TRANSFER", 100, None),
                    32..=34 => fixed("RELEASED", "INCR_TRANSFER", 100, Some(86_400)),
                    _ => steady(1.0, 8.0 + 12.0 * spread),
                };
                ProjectSpec {
                    name: Some(format!(
                        "{}_{}_{i}",
                        TABLES[i % TABLES.len()],
                        ROLES[i / TABLES.len() % ROLES.len()]
                    )),
                    kind: if i % 4 == 3 {
                        Kind::Migration
                    } else {
                        Kind::Sync
                    },
                    naming: Naming::V4,
                    envelope: Envelope::Camel,
                    importance: ["HIGH", "MEDIUM", "LOW"][i % 3].into(),
                    store_behind: i % 2 == 0,
                    labels: vec![
                        if i % 5 == 0 { "staging" } else { "prod" }.into(),
                        TEAMS[i % TEAMS.len()].into(),
                    ],
                    alarming: (9..=11).contains(&(i % 100)),
                    verify: None,
                    switch_over: None,
                    behaviour,
                    id,
                }
            })
            .collect()
    }
}

/// The built-in scenario, also a worked example of the file format.
pub const DEFAULT_SCENARIO: &str = include_str!("../scenarios/default.toml");

impl ProjectSpec {
    /// Rejects specs that parse but make no sense.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.trim().is_empty() || self.id.contains('/') {
            return Err(format!(
                "project id {:?} must be non-empty and have no '/'",
                self.id
            ));
        }
        match &self.behaviour {
            Behaviour::Lifecycle { period_secs } if *period_secs < LIFECYCLE_INCR_AT + 10 => {
                Err(format!(
                    "lifecycle period_secs must be at least {}",
                    LIFECYCLE_INCR_AT + 10
                ))
            }
            Behaviour::Steady {
                lag_min_secs,
                lag_max_secs,
                period_secs,
            } if lag_min_secs > lag_max_secs || *period_secs <= 0.0 => {
                Err("steady needs lag_min_secs <= lag_max_secs and period_secs > 0".into())
            }
            Behaviour::GrowingLag { rate, .. } if *rate < 0.0 => {
                Err("growing_lag rate must be >= 0".into())
            }
            Behaviour::LagCurve { points }
                if points.is_empty()
                    || points.windows(2).any(|w| w[1][0] <= w[0][0])
                    || points.iter().any(|p| p[1] < 0.0) =>
            {
                Err("lag_curve needs points [secs, lag] with rising secs and lags >= 0".into())
            }
            Behaviour::RecentSpike {
                lag_secs,
                spike_secs,
                ended_secs_ago,
                lasted_secs,
            } if [lag_secs, spike_secs, ended_secs_ago, lasted_secs]
                .iter()
                .any(|v| !v.is_finite() || **v < 0.0) =>
            {
                Err("recent_spike needs finite values >= 0".into())
            }
            Behaviour::Lifecycle { .. } | Behaviour::Raw { .. } if self.switch_over.is_some() => {
                Err("switch_over needs a project in incremental sync, not lifecycle or raw".into())
            }
            _ => Ok(()),
        }
    }
}

/// A checkpoint as served.
#[derive(Clone, Debug, PartialEq)]
pub enum Checkpoint {
    None,
    Unix(i64),
    Text(String),
}

/// What a project looks like at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub status: String,
    pub current_step: Option<String>,
    pub enable_struct: bool,
    pub enable_full: bool,
    pub enable_incr: bool,
    pub enable_reverse: bool,
    pub struct_progress: Option<i64>,
    pub full_progress: Option<i64>,
    pub checkpoint: Checkpoint,
    pub reverse_checkpoint: Checkpoint,
    /// The switch-over step, when the plan has one.
    pub switch: Option<SwitchStep>,
}

/// Either a modelled state or raw JSON for `data`.
#[derive(Clone, Debug, PartialEq)]
pub enum Served {
    State(Snapshot),
    Raw(serde_json::Value),
}

// Lifecycle phase boundaries, in seconds since the cycle began.
const LIFECYCLE_PREPARE_AT: u64 = 10;
pub(crate) const LIFECYCLE_STRUCT_AT: u64 = 20;
pub(crate) const LIFECYCLE_FULL_AT: u64 = 60;
pub(crate) const LIFECYCLE_INCR_AT: u64 = 150;
/// After switching to incremental the lag shrinks to this over 30 s.
const LIFECYCLE_CAUGHT_UP_LAG: i64 = 3;

struct Steps {
    prepare: &'static str,
    structure: &'static str,
    full: &'static str,
    incr: &'static str,
}

fn steps(kind: Kind) -> Steps {
    match kind {
        Kind::Sync => Steps {
            prepare: "SYNC_PREPARE",
            structure: "STRUCT_SYNC",
            full: "CONNECTOR_FULL_SYNC",
            incr: "CONNECTOR_INCR_SYNC",
        },
        Kind::Migration => Steps {
            prepare: "PREPARE",
            structure: "STRUCT_MIGRATION",
            full: "FULL_MIGRATION",
            incr: "INCR_SYNC",
        },
    }
}

fn running(step: &str, checkpoint: Checkpoint) -> Snapshot {
    Snapshot {
        status: "RUNNING".into(),
        current_step: Some(step.into()),
        enable_struct: true,
        enable_full: true,
        enable_incr: true,
        enable_reverse: false,
        struct_progress: Some(100),
        full_progress: Some(100),
        checkpoint,
        reverse_checkpoint: Checkpoint::None,
        switch: None,
    }
}

/// The curve's value at `t`: linear between points, held beyond the ends.
fn curve_at(points: &[[f64; 2]], t: f64) -> f64 {
    let Some(first) = points.first() else {
        return 0.0;
    };
    if t <= first[0] {
        return first[1];
    }
    for w in points.windows(2) {
        let ([t0, v0], [t1, v1]) = (w[0], w[1]);
        if t <= t1 {
            return v0 + (v1 - v0) * (t - t0) / (t1 - t0);
        }
    }
    points.last().map_or(0.0, |p| p[1])
}

/// A stable phase in [0, 1) from the id, so steady projects drift out of step.
pub(crate) fn phase_of(id: &str) -> f64 {
    let h = id
        .bytes()
        .fold(17u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    (h % 1000) as f64 / 1000.0
}

impl ProjectSpec {
    /// The project's state `elapsed_ms` after it was defined, at clock time `now_ms`.
    pub fn served_at(&self, elapsed_ms: i64, now_ms: i64) -> Served {
        self.served_as_of(elapsed_ms, now_ms, now_ms)
    }

    /// The project's state `elapsed_ms` after it was defined, at clock time
    /// `now_ms`, as told at `asked_ms` (later for OMS's history).
    pub fn served_as_of(&self, elapsed_ms: i64, now_ms: i64, asked_ms: i64) -> Served {
        let mut served = self.state_as_of(elapsed_ms, now_ms, asked_ms);
        if let (Served::State(s), Some(switch)) = (&mut served, &self.switch_over) {
            switch.apply(s, now_ms.div_euclid(1000));
        }
        served
    }

    fn state_as_of(&self, elapsed_ms: i64, now_ms: i64, asked_ms: i64) -> Served {
        let now_s = now_ms.div_euclid(1000);
        let elapsed = elapsed_ms.max(0) as f64 / 1000.0;
        let at = |spec: &Option<CheckpointSpec>| match spec {
            None => Checkpoint::None,
            Some(CheckpointSpec::LagSecs(lag)) => Checkpoint::Unix(now_s - lag),
            Some(CheckpointSpec::Unix(t)) => Checkpoint::Unix(*t),
            Some(CheckpointSpec::FrozenLagSecs(lag)) => {
                Checkpoint::Unix((now_ms - elapsed_ms).div_euclid(1000) - lag)
            }
            Some(CheckpointSpec::Text(t)) => Checkpoint::Text(t.clone()),
        };
        let behind = |lag: f64| Checkpoint::Unix(now_s - lag.round() as i64);
        let steps = steps(self.kind);
        let snapshot = match &self.behaviour {
            Behaviour::Raw { data } => return Served::Raw(data.clone()),
            Behaviour::Lifecycle { period_secs } => {
                let t = (elapsed as u64) % period_secs;
                let frac = elapsed.fract();
                let pct = |from: u64, to: u64| -> i64 {
                    (((t - from) as f64 + frac) / (to - from) as f64 * 100.0)
                        .floor()
                        .clamp(0.0, 99.0) as i64
                };
                if t < LIFECYCLE_PREPARE_AT {
                    Snapshot {
                        status: "INIT".into(),
                        current_step: Some("PRE_CHECK".into()),
                        struct_progress: Some(0),
                        full_progress: Some(0),
                        ..running("", Checkpoint::None)
                    }
                } else if t < LIFECYCLE_STRUCT_AT {
                    Snapshot {
                        struct_progress: Some(0),
                        full_progress: Some(0),
                        ..running(steps.prepare, Checkpoint::None)
                    }
                } else if t < LIFECYCLE_FULL_AT {
                    Snapshot {
                        struct_progress: Some(pct(LIFECYCLE_STRUCT_AT, LIFECYCLE_FULL_AT)),
                        full_progress: Some(0),
                        ..running(steps.structure, Checkpoint::None)
                    }
                } else if t < LIFECYCLE_INCR_AT {
                    Snapshot {
                        full_progress: Some(pct(LIFECYCLE_FULL_AT, LIFECYCLE_INCR_AT)),
                        ..running(steps.full, Checkpoint::None)
                    }
                } else {
                    // Incremental starts from where the full copy began, then catches up.
                    let start_lag = (LIFECYCLE_INCR_AT - LIFECYCLE_FULL_AT) as f64;
                    let into = (t - LIFECYCLE_INCR_AT) as f64 + frac;
                    let lag =
                        (start_lag - into * (start_lag / 30.0)).max(LIFECYCLE_CAUGHT_UP_LAG as f64);
                    running(steps.incr, behind(lag))
                }
            }
            Behaviour::Steady {
                lag_min_secs,
                lag_max_secs,
                period_secs,
            } => {
                let wave = 0.5 + 0.5 * (TAU * (elapsed / period_secs + phase_of(&self.id))).sin();
                running(
                    steps.incr,
                    behind(lag_min_secs + (lag_max_secs - lag_min_secs) * wave),
                )
            }
            Behaviour::GrowingLag {
                start_secs,
                rate,
                max_secs,
            } => running(
                steps.incr,
                behind((start_secs + rate * elapsed).min(*max_secs)),
            ),
            // Before the simulator started too (its history), so a curve
            // may begin at negative seconds.
            Behaviour::LagCurve { points } => running(
                steps.incr,
                behind(curve_at(points, elapsed_ms as f64 / 1000.0)),
            ),
            Behaviour::RecentSpike {
                lag_secs,
                spike_secs,
                ended_secs_ago,
                lasted_secs,
            } => {
                let before = (asked_ms - now_ms) as f64 / 1000.0;
                let spiking = (*ended_secs_ago..=ended_secs_ago + lasted_secs).contains(&before);
                running(
                    steps.incr,
                    behind(if spiking { *spike_secs } else { *lag_secs }),
                )
            }
            Behaviour::Sybase => {
                let secs = elapsed as i64;
                let position = format!("{},{}", 100 + secs / 600, (secs % 600) * 4096 + 30);
                running(steps.incr, Checkpoint::Text(position))
            }
            Behaviour::Fixed(f) => Snapshot {
                status: f.status.clone(),
                current_step: f.current_step.clone(),
                enable_struct: f.enable_struct,
                enable_full: f.enable_full,
                enable_incr: f.enable_incr,
                enable_reverse: f.enable_reverse,
                struct_progress: f.struct_progress,
                full_progress: f.full_progress,
                checkpoint: at(&f.checkpoint),
                reverse_checkpoint: at(&f.reverse_checkpoint),
                switch: None,
            },
        };
        Served::State(snapshot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(behaviour: Behaviour) -> ProjectSpec {
        ProjectSpec {
            id: "np_t".into(),
            kind: Kind::Sync,
            naming: Naming::Table,
            envelope: Envelope::Camel,
            importance: "LOW".into(),
            store_behind: false,
            name: None,
            labels: Vec::new(),
            alarming: false,
            verify: None,
            switch_over: None,
            behaviour,
        }
    }

    fn state(s: Served) -> Snapshot {
        match s {
            Served::State(s) => s,
            Served::Raw(_) => panic!("expected a state"),
        }
    }

    #[test]
    fn lifecycle_walks_every_phase_in_order() {
        let p = spec(Behaviour::Lifecycle { period_secs: 300 });
        let now = 1_700_000_000_000;
        let at = |s: i64| state(p.served_at(s * 1000, now));
        assert_eq!(at(0).status, "INIT");
        assert_eq!(at(12).current_step.as_deref(), Some("SYNC_PREPARE"));
        let mid_struct = at(40);
        assert_eq!(mid_struct.current_step.as_deref(), Some("STRUCT_SYNC"));
        assert_eq!(mid_struct.struct_progress, Some(50));
        let full = at(105);
        assert_eq!(full.current_step.as_deref(), Some("CONNECTOR_FULL_SYNC"));
        assert_eq!(
            (full.struct_progress, full.full_progress),
            (Some(100), Some(50))
        );
        assert_eq!(full.checkpoint, Checkpoint::None);
        let incr = at(200);
        assert_eq!(incr.current_step.as_deref(), Some("CONNECTOR_INCR_SYNC"));
        assert_eq!(incr.checkpoint, Checkpoint::Unix(now / 1000 - 3));
        assert_eq!(at(300).status, "INIT", "the cycle starts over");
    }

    #[test]
    fn a_lag_curve_is_followed_between_its_points_and_held_after() {
        let points = [[0.0, 300.0], [100.0, 100.0], [200.0, 100.0]];
        assert_eq!(curve_at(&points, -5.0), 300.0);
        assert_eq!(curve_at(&points, 50.0), 200.0);
        assert_eq!(curve_at(&points, 150.0), 100.0);
        assert_eq!(curve_at(&points, 900.0), 100.0);
    }

    #[test]
    fn steady_lag_stays_within_bounds() {
        let p = spec(Behaviour::Steady {
            lag_min_secs: 1.0,
            lag_max_secs: 20.0,
            period_secs: 90.0,
        });
        let now = 1_700_000_000_000;
        for s in 0..400 {
            let Checkpoint::Unix(c) = state(p.served_at(s * 1000, now)).checkpoint else {
                panic!()
            };
            let lag = now / 1000 - c;
            assert!((1..=20).contains(&lag), "lag {lag} at {s}");
        }
    }

    #[test]
    fn default_scenario_parses_and_has_a_dozen_projects() {
        let s = Scenario::default_scenario();
        assert!(s.projects.len() >= 12, "{}", s.projects.len());
    }

    #[test]
    fn generated_projects_are_valid_unique_and_spread_over_every_state() {
        let projects = Scenario::generate(1000);
        assert_eq!(projects.len(), 1000);
        let mut ids: Vec<&str> = projects.iter().map(|p| p.id.as_str()).collect();
        ids.dedup();
        assert_eq!(ids.len(), 1000);
        let mut statuses = std::collections::BTreeMap::new();
        for p in &projects {
            p.validate().unwrap();
            let Served::State(s) = p.served_at(400_000, 1_700_000_000_000) else {
                panic!()
            };
            *statuses.entry(s.status).or_insert(0) += 1;
        }
        for (status, at_least) in [
            ("FAILED", 20),
            ("SUSPEND", 50),
            ("FINISHED", 70),
            ("RELEASED", 30),
            ("RUNNING", 700),
        ] {
            assert!(
                statuses.get(status).copied().unwrap_or(0) >= at_least,
                "{statuses:?}"
            );
        }
        assert_eq!(projects.iter().filter(|p| p.alarming).count(), 30);
        assert_eq!(Scenario::generate(3), projects[..3], "the same every time");
    }

    #[test]
    fn bad_specs_are_rejected_with_a_reason() {
        let err = Scenario::from_toml("[[project]]\nid = \"x\"\nbehaviour = { type = \"warp\" }")
            .unwrap_err();
        assert!(err.contains("warp"), "{err}");
        let err =
            Scenario::from_toml("[[project]]\nid = \"a/b\"\nbehaviour = { type = \"sybase\" }")
                .unwrap_err();
        assert!(err.contains("'/'"), "{err}");
    }
}
