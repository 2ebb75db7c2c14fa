//! Runs the polling policy in the browser: one request in flight at most,
//! aborted at its timeout and on unmount; paused while the page is hidden;
//! woken by "refresh", by the page becoming visible and by `online`.

use super::{poll_events, Next, PollEvent, PollOptions, PollState};
use crate::api::{classify, FetchError, ParseError, Progress};
use crate::options::{Credentials, HeaderSource};
use futures::channel::mpsc;
use futures::{FutureExt, StreamExt};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, RequestCredentials, VisibilityState};

/// What [`use_oms_progress`] hands back.
#[derive(Clone, Copy)]
pub struct UseOmsProgressReturn {
    /// What the widget knows (last good data, latest error, plan).
    pub state: ReadSignal<PollState>,
    /// The clock, ms since the epoch, ticking every second.
    pub now: ReadSignal<i64>,
    /// Polls at once (also resumes polling stopped by an auth error).
    pub refresh: Callback<()>,
}

/// How [`use_oms_progress_with_options`] polls and talks to the server.
#[derive(Clone, Default)]
pub struct UseOmsProgressOptions {
    /// Intervals, timeout, backoff, staleness. Default: [`PollOptions::default`].
    pub poll: PollOptions,
    /// Whether requests carry cookies. Default: same-origin only.
    pub credentials: Credentials,
    /// Extra headers asked for before every request. Default: none.
    pub headers: Option<HeaderSource>,
    /// Told of every poll's events (data, status change, failure). Default: none.
    pub on_event: Option<Callback<PollEvent>>,
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == VisibilityState::Hidden)
}

/// Polls `url` (a full URL or a path on this origin) with the default
/// options, for as long as the current reactive owner lives.
pub fn use_oms_progress(url: String) -> UseOmsProgressReturn {
    use_oms_progress_with_options(url, UseOmsProgressOptions::default())
}

/// Polls `url` under `options`, for as long as the current reactive owner
/// lives; everything (request, timers, listeners) stops on its cleanup.
pub fn use_oms_progress_with_options(
    url: String,
    options: UseOmsProgressOptions,
) -> UseOmsProgressReturn {
    let UseOmsProgressOptions {
        poll: opts,
        credentials,
        headers,
        on_event,
    } = options;
    let opts = opts.normalized();
    let (state, set_state) = signal(PollState::default());
    let (now, set_now) = signal(now_ms());
    let (wake_tx, mut wake_rx) = mpsc::unbounded::<()>();
    let alive = Rc::new(Cell::new(true));
    let in_flight: Rc<RefCell<Option<AbortController>>> = Rc::default();

    let ticker = set_interval_with_handle(
        move || set_now.set(now_ms()),
        std::time::Duration::from_secs(1),
    )
    .ok();

    let wake = {
        let tx = wake_tx.clone();
        move || {
            let _ = tx.unbounded_send(());
        }
    };
    let on_visible = {
        let wake = wake.clone();
        Closure::<dyn Fn()>::new(move || {
            if !page_hidden() {
                wake();
            }
        })
    };
    let on_online = {
        let wake = wake.clone();
        Closure::<dyn Fn()>::new(wake)
    };
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    if let Some(d) = &document {
        let _ = d.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    if let Some(w) = &window {
        let _ = w.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    }

    {
        let alive = alive.clone();
        let in_flight = in_flight.clone();
        leptos::task::spawn_local(async move {
            while alive.get() {
                if page_hidden() {
                    // Paused: no request until the page is visible or someone asks.
                    if wake_rx.next().await.is_none() {
                        break;
                    }
                    continue;
                }
                let controller = AbortController::new().ok();
                in_flight.replace(controller.clone());
                let timeout_ms = timer_ms(opts.timeout);
                let result =
                    fetch_progress(&url, credentials, headers.as_ref(), timeout_ms, controller)
                        .await;
                in_flight.replace(None);
                if !alive.get() {
                    break;
                }
                let events = on_event.map(|cb| {
                    let before = state
                        .with_untracked(|st| st.last_good.as_ref().and_then(|p| p.status.clone()));
                    (cb, poll_events(before.as_deref(), &result))
                });
                let mut next = None;
                set_state.try_update(|st| {
                    next = Some(st.record(result, now_ms(), js_sys::Math::random(), &opts))
                });
                if let Some((cb, events)) = events {
                    for event in events {
                        cb.run(event);
                    }
                }
                set_now.try_set(now_ms());
                let woken = match next {
                    None => false,
                    Some(Next::Stop(_)) => wake_rx.next().await.is_some(),
                    Some(Next::After(delay)) => {
                        let mut sleep = TimeoutFuture::new(timer_ms(delay)).fuse();
                        futures::select! {
                            _ = sleep => true,
                            woke = wake_rx.next() => woke.is_some(),
                        }
                    }
                };
                if !woken {
                    break;
                }
                // Several wakes at once (refresh clicked twice) are one poll.
                while let Ok(()) = wake_rx.try_recv() {}
            }
        });
    }

    let cleanup = SendWrapper::new(move || {
        alive.set(false);
        if let Some(c) = in_flight.take() {
            c.abort();
        }
        wake_tx.close_channel();
        if let Some(t) = ticker {
            t.clear();
        }
        if let Some(d) = &document {
            let _ = d.remove_event_listener_with_callback(
                "visibilitychange",
                on_visible.as_ref().unchecked_ref(),
            );
        }
        if let Some(w) = &window {
            let _ =
                w.remove_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        }
    });
    on_cleanup(move || cleanup.take()());

    let wake = SendWrapper::new(wake);
    UseOmsProgressReturn {
        state,
        now,
        refresh: Callback::new(move |_| wake()),
    }
}

/// One request, aborted after `timeout_ms`; `extra_headers` is asked for
/// its headers first.
async fn fetch_progress(
    url: &str,
    credentials: Credentials,
    extra_headers: Option<&HeaderSource>,
    timeout_ms: u32,
    controller: Option<AbortController>,
) -> Result<Progress, FetchError> {
    let headers = match extra_headers.map(HeaderSource::headers).transpose() {
        Ok(headers) => headers.unwrap_or_default(),
        Err(detail) => return Err(FetchError::Network { detail }),
    };
    let signal = controller.as_ref().map(|c| c.signal());
    // web_sys rather than gloo's setter, which throws on a name the browser refuses.
    let raw_headers = web_sys::Headers::new().map_err(|_| FetchError::Network {
        detail: "the browser has no Headers".into(),
    })?;
    for (name, value) in std::iter::once(("Accept", "application/json"))
        .chain(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())))
    {
        // The value is a secret: only the name goes into the message.
        raw_headers
            .set(name, value)
            .map_err(|_| FetchError::Network {
                detail: format!("the browser refused the request header {name:?}"),
            })?;
    }
    let request = gloo_net::http::Request::get(url)
        .headers(gloo_net::http::Headers::from_raw(raw_headers))
        .credentials(match credentials {
            Credentials::SameOrigin => RequestCredentials::SameOrigin,
            Credentials::Include => RequestCredentials::Include,
            Credentials::Omit => RequestCredentials::Omit,
        })
        .abort_signal(signal.as_ref());
    let exchange = async {
        let response = request.send().await.map_err(|e| FetchError::Network {
            detail: crate::api::excerpt(&e.to_string()),
        })?;
        let status = response.status();
        // Headers arrived, so a failure now means the body was cut off.
        let body = response
            .text()
            .await
            .map_err(|_| FetchError::Invalid(ParseError::Incomplete))?;
        classify(status, &body)
    };
    let mut exchange = Box::pin(exchange.fuse());
    let mut timeout = TimeoutFuture::new(timeout_ms).fuse();
    futures::select! {
        result = exchange => result,
        _ = timeout => {
            if let Some(c) = &controller {
                c.abort();
            }
            Err(FetchError::Timeout)
        }
    }
}

/// A delay for `setTimeout`, which fires at once for anything above
/// 2^31 - 1 ms: that would turn a long wait into a request storm.
fn timer_ms(d: std::time::Duration) -> u32 {
    d.as_millis().min(i32::MAX as u128) as u32
}
