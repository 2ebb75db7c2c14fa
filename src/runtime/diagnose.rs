//! Why a request got no HTTP answer at all, for the operator: `fetch` says
//! "Failed to fetch" whether the host is down or the browser refused to let
//! the page read a cross-origin answer (CORS). Nothing answers a page on
//! its own origin: the host (or the proxy) is down. For another origin, a
//! `no-cors` request to the same URL tells the two apart: the browser
//! resolves it (with an unreadable answer) when the host answered at all.

use super::deadline::deadline;
use futures::future::{select, Either};
use oms_progress_core::wire::FetchError;
use std::pin::pin;
use std::time::Duration;
use web_sys::{RequestCache, RequestCredentials, RequestMode};

/// Whether anything answers at `url`: a `no-cors` GET through gloo-net's
/// builder that sends no credentials and whose answer is never read.
async fn reachable(url: &str) -> bool {
    let probe = gloo_net::http::Request::get(url)
        .mode(RequestMode::NoCors)
        .cache(RequestCache::NoStore)
        .credentials(RequestCredentials::Omit);
    probe.send().await.is_ok()
}

/// The cause of a `fetch` to `url` that failed with the browser's words
/// `detail`: [`FetchError::Cors`], [`FetchError::Unreachable`], or
/// [`FetchError::Network`] when it cannot be told within `timeout`.
pub(crate) async fn diagnose(url: &str, detail: String, timeout: Duration) -> FetchError {
    let Some(window) = web_sys::window() else {
        return FetchError::Network { detail };
    };
    if !window.navigator().on_line() {
        return FetchError::Unreachable {
            detail: format!("this browser is offline: {detail}"),
        };
    }
    let page = window.location().origin().unwrap_or_default();
    let base = window.location().href().unwrap_or_default();
    let Ok(target) = web_sys::Url::new_with_base(url, &base) else {
        return FetchError::Network { detail };
    };
    let origin = target.origin();
    let detail = format!("{origin}: {detail}");
    if origin == page {
        return FetchError::Unreachable { detail };
    }
    let href = target.href();
    let probe = pin!(reachable(&href));
    match select(probe, pin!(deadline(timeout))).await {
        Either::Left((true, _)) => FetchError::Cors { detail },
        Either::Left((false, _)) => FetchError::Unreachable { detail },
        Either::Right(_) => FetchError::Network { detail },
    }
}
