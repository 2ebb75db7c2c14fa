//! The HTTP server: routes, the request log, and an accept loop that can
//! drop a connection without answering (the `close` fault).

use crate::control;
use crate::http::ConnectionKill;
use crate::oms;
use crate::state::Sim;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tower::ServiceExt;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;

/// The whole application.
pub fn router(sim: Sim) -> Router {
    let mut app = Router::new()
        .route("/oms/health", get(oms::health))
        .route("/api/omsp/v2/sync/{id}/progress", get(oms::sync_progress))
        .route(
            "/api/omsp/v2/migrations/{id}/progress",
            get(oms::migration_progress),
        )
        .route("/api/v2", axum::routing::post(oms::v4_action))
        .route("/api/{*rest}", axum::routing::any(oms::api_not_found))
        .merge(control::routes());
    if let Some(dir) = &sim.config.static_dir {
        app = app.fallback_service(ServeDir::new(dir));
    }
    let mut app = app
        .layer(middleware::from_fn_with_state(sim.clone(), log_requests))
        .layer(middleware::from_fn_with_state(sim.clone(), date_header))
        .with_state(sim.clone());
    if let Some(origin) = &sim.config.cors_origin {
        if let Ok(origin) = HeaderValue::from_str(origin) {
            app = app.layer(
                CorsLayer::new()
                    .allow_origin(AllowOrigin::exact(origin))
                    // PUT and DELETE for the control API: component tests
                    // in a browser set their projects and faults up there.
                    .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
                    .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
                    .allow_credentials(true)
                    // The widget reads OMS's clock from it.
                    .expose_headers([header::DATE]),
            );
        }
    }
    app
}

/// `Date` from the simulator's clock (OMS's), not the machine's: the widget
/// estimates the browser's clock offset from it.
async fn date_header(State(sim): State<Sim>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if let Ok(date) = HeaderValue::from_str(&crate::clock::http_date(sim.clock().now_ms())) {
        response.headers_mut().insert(header::DATE, date);
    }
    response
}

async fn log_requests(State(sim): State<Sim>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !path.starts_with(control::PREFIX) {
        let auth_sent = request.headers().contains_key(header::AUTHORIZATION);
        sim.log_request(
            request.method().as_str(),
            path,
            request.uri().query(),
            auth_sent,
        );
    }
    next.run(request).await
}

/// Serves `app` on `listener` until the task is dropped.
pub async fn serve(listener: TcpListener, app: Router) -> std::io::Result<()> {
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(conn) => conn,
            // Running out of file descriptors and the like: wait, do not die.
            Err(_) => {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let app = app.clone();
        tokio::spawn(async move {
            let (kill_tx, mut kill_rx) = mpsc::channel::<()>(1);
            let service = hyper::service::service_fn(
                move |mut request: hyper::Request<hyper::body::Incoming>| {
                    request
                        .extensions_mut()
                        .insert(ConnectionKill::new(kill_tx.clone()));
                    let app = app.clone();
                    async move {
                        match app.oneshot(request.map(axum::body::Body::new)).await {
                            Ok(response) => Ok::<_, Infallible>(response),
                            Err(never) => match never {},
                        }
                    }
                },
            );
            let connection = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = connection => {}
                _ = kill_rx.recv() => {}
            }
        });
    }
}
