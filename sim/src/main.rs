//! `oms-sim`: serves the OMS progress API (and optionally the built widget)
//! from a scenario of projects that change by themselves.

use clap::Parser;
use oms_sim::clock::wall_now_ms;
use oms_sim::state::{DEFAULT_PASSWORD, DEFAULT_USER};
use oms_sim::{Clock, Config, Credentials, Scenario};
use std::net::SocketAddr;
use std::path::PathBuf;

/// A local stand-in for the OceanBase Migration Service OpenAPI.
///
/// Serves OMS 3.x's GET /api/omsp/v2/sync/{id}/progress and
/// GET /api/omsp/v2/migrations/{id}/progress; OMS 4.x's POST /api/v2 with
/// Action=DescribeProjectProgress, DescribeProjectSteps, ListProjects,
/// DescribeProjectComponents, DescribeProjectStepMetric and
/// ListProjectFullVerifyResult; GET /oms/health; and a control API under
/// /_sim/ for tests (docs/simulator.md).
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    /// Address to listen on (port 0 picks a free port; the address is printed).
    #[arg(long, default_value = "127.0.0.1:8089")]
    listen: SocketAddr,
    /// HTTP Basic user the API demands.
    #[arg(long, default_value = DEFAULT_USER)]
    user: String,
    /// HTTP Basic password the API demands.
    #[arg(long, default_value = DEFAULT_PASSWORD)]
    password: String,
    /// Serve the API without authentication.
    #[arg(long)]
    no_auth: bool,
    /// Also serve this folder at / (e.g. the built widget), so page and API share one origin.
    #[arg(long = "static", value_name = "DIR")]
    static_dir: Option<PathBuf>,
    /// Allow this origin to call the API cross-origin (CORS; off by default, as in OMS).
    #[arg(long, value_name = "ORIGIN")]
    cors_origin: Option<String>,
    /// Load projects from this TOML file instead of the built-in scenario.
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
    /// Freeze the clock; move it with POST /_sim/clock. Starts at now unless --clock-start-ms.
    #[arg(long)]
    manual_clock: bool,
    /// Start the manual clock at this unix time in milliseconds.
    #[arg(long, requires = "manual_clock")]
    clock_start_ms: Option<i64>,
    /// Run OMS's clock this many seconds ahead of the machine's (negative:
    /// behind): checkpoints and the `Date` header follow it, as with a
    /// browser whose clock is wrong.
    #[arg(long, conflicts_with = "manual_clock", allow_hyphen_values = true)]
    clock_offset_secs: Option<i64>,
    /// Add this many generated living projects (`np_gen_0000`…: mostly
    /// steady, some behind, failed, paused, alarming, finished, released),
    /// for the wallboard and its benchmark.
    #[arg(long, value_name = "N", default_value_t = 0)]
    generate: usize,
    /// The OMS version to behave as: 4.0 has no history actions
    /// (DescribeProjectStepMetric, ListProjectFullVerifyResult); 4.1 and
    /// later have them.
    #[arg(long, value_name = "VERSION", default_value = "4.2")]
    oms_version: String,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let mut scenario = match &args.scenario {
        None => Scenario::default_scenario(),
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| Scenario::from_toml(&t))
        {
            Ok(s) => s,
            Err(e) => {
                eprintln!("oms-sim: cannot load scenario {}: {e}", path.display());
                std::process::exit(2);
            }
        },
    };
    scenario.projects.extend(Scenario::generate(args.generate));
    let config = Config {
        credentials: (!args.no_auth).then(|| Credentials {
            user: args.user.clone(),
            password: args.password.clone(),
        }),
        clock: if args.manual_clock {
            Clock::manual(args.clock_start_ms.unwrap_or_else(wall_now_ms))
        } else if let Some(secs) = args.clock_offset_secs {
            Clock::Skewed(secs * 1000)
        } else {
            Clock::System
        },
        scenario,
        static_dir: args.static_dir.clone(),
        cors_origin: args.cors_origin.clone(),
        history_actions: !matches!(args.oms_version.trim(), "3" | "3.x" | "4.0" | "4.0.0"),
    };
    let projects = config.scenario.projects.len();
    let running = match oms_sim::start(args.listen, config).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("oms-sim: cannot listen on {}: {e}", args.listen);
            std::process::exit(1);
        }
    };
    println!(
        "oms-sim listening on http://{} ({projects} projects)",
        running.addr
    );
    let _ = tokio::signal::ctrl_c().await;
}
