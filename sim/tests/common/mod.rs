//! What the simulator's HTTP tests share: a simulator on a manual clock
//! and a client with a timeout.

use oms_sim::{Clock, Config, Running};
use reqwest::Client;
use std::time::Duration;

/// The manual clock's start, ms since the epoch.
pub const T0_MS: i64 = 1_764_000_000_000;

/// A simulator on a free port, its clock stopped at [`T0_MS`].
pub async fn sim() -> Running {
    let config = Config {
        clock: Clock::manual(T0_MS),
        ..Config::default()
    };
    oms_sim::start("127.0.0.1:0".parse().unwrap(), config)
        .await
        .unwrap()
}

/// A client that gives up after 5 s.
pub fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}
