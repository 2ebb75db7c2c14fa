//! HTTP helpers every part of the simulator shares: its answers' JSON and
//! a handler's way to drop its connection. A module of its own, so that
//! the OMS handlers, the control API and the server import it and not each
//! other.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use tokio::sync::mpsc;

/// `body` as a JSON answer with `status`.
pub fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// Lets a handler drop its own connection without writing a byte.
#[derive(Clone)]
pub struct ConnectionKill(mpsc::Sender<()>);

impl ConnectionKill {
    /// A kill switch that closes the connection when `close` is called.
    pub fn new(sender: mpsc::Sender<()>) -> Self {
        ConnectionKill(sender)
    }

    /// Drops the connection at once.
    pub fn close(&self) {
        let _ = self.0.try_send(());
    }
}
