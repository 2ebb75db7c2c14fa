//! `oms-sim`: a local stand-in for the OceanBase Migration Service OpenAPI,
//! answering as OMS does (warts included) for the demo and every test.
//!
//! Start one in-process with [`start`], or run the `oms-sim` binary.

pub mod clock;
pub mod components;
pub mod control;
pub mod faults;
pub mod history;
pub mod http;
pub mod list;
pub mod oms;
pub mod scenario;
pub mod server;
pub mod state;
pub mod steps;
pub mod switch_over;
pub mod switch_spec;
pub mod wire;

pub use clock::Clock;
pub use scenario::Scenario;
pub use state::{Config, Credentials, Sim};

use std::net::SocketAddr;

/// A running simulator; dropping it stops the server.
pub struct Running {
    pub addr: SocketAddr,
    pub sim: Sim,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Running {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Binds `addr` (port 0 picks a free port) and serves in the background.
pub async fn start(addr: SocketAddr, config: Config) -> std::io::Result<Running> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let sim = Sim::new(config);
    let task = tokio::spawn(server::serve(listener, server::router(sim.clone())));
    Ok(Running { addr, sim, task })
}
