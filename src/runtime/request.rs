//! One request to OMS: headers asked for, sent (a poll with `fetch` and the
//! page's others, see `outbox`; an on-demand call through gloo-net's
//! builder), aborted at its timeout (see `deadline`), and the answer's
//! status and `Date` read with gloo-net.

use super::slots::Lane;
use futures::future::{select, Either};
use gloo_net::http::Method;
use oms_progress_core::options::WidgetOptions;
use oms_progress_core::wire::{
    excerpt, Credentials, FetchError, HeaderSource, ParseError, ProgressRequest,
};
use std::cell::RefCell;
use std::pin::pin;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, RequestCredentials, RequestInit};

/// How to reach OMS: where, with what, for how long.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Call {
    /// A full URL, or a path on this origin.
    pub url: String,
    /// The JSON body of a POST; `None`: a GET.
    pub body: Option<String>,
    /// Whether the request carries cookies.
    pub credentials: Credentials,
    /// Extra headers asked for before the request.
    pub headers: Option<HeaderSource>,
    /// The request is aborted after this.
    pub timeout: Duration,
}

impl Call {
    /// `request` as a widget with `options` makes it: its base URL,
    /// credentials and headers, aborted after `timeout`.
    pub(crate) fn for_widget(
        options: &WidgetOptions,
        timeout: Duration,
        request: ProgressRequest,
    ) -> Call {
        Call {
            credentials: options.credentials,
            headers: options.headers.clone(),
            timeout,
            ..Call::at(&options.base_url, request, Call::default())
        }
    }

    /// `request` to the OMS at `base_url`, made as `template` says.
    pub(crate) fn at(base_url: &str, request: ProgressRequest, template: Call) -> Call {
        Call {
            url: format!("{}{}", base_url.trim_end_matches('/'), request.path),
            body: request.body,
            ..template
        }
    }
}

/// What an exchange brings: the answer's status, body and `Date` header
/// (OMS's clock; `None` where a cross-origin answer does not expose it).
type Answer = (u16, String, Option<String>);

/// One request (a POST of `body` when there is one, else a GET), sent when
/// the page has fewer than [`super::slots::MAX_IN_FLIGHT`] in flight, aborted
/// through `controller` after `timeout`; the host's headers are asked for
/// first. The answer, for the caller to read (one copy of this code
/// whatever is read).
///
/// A poll (`Lane::Poll`) is sent by hand, with the page's others (see
/// `outbox`); an on-demand call (`Lane::Detail`) through gloo-net's
/// `Request` builder: the builder costs the main thread more (a `Request`
/// object, the URL parsed to add a query), which only the poll, every few
/// seconds in every widget, would feel.
pub(crate) async fn fetch_text(
    call: &Call,
    controller: Option<&AbortController>,
    lane: Lane,
) -> Result<Answer, FetchError> {
    let Call {
        url,
        body,
        credentials,
        headers: extra_headers,
        timeout,
    } = call;
    let (body, credentials, extra_headers, timeout) = (
        body.as_deref(),
        *credentials,
        extra_headers.as_ref(),
        *timeout,
    );
    // The turn is taken before the timeout starts: it measures OMS, not the queue.
    let _turn = super::slots::take_slot(lane).await;
    let signal = controller.map(AbortController::signal);
    let exchange = match lane {
        Lane::Poll => {
            let init = match extra_headers {
                // Without the host's headers the init is the same for every request.
                None => shared_init(body.is_some(), credentials)?,
                Some(source) => request_init(Some(source), body.is_some(), credentials)?,
            };
            Either::Left(by_hand(url, init, signal, body))
        }
        Lane::Detail => {
            let headers = request_headers(extra_headers, body.is_some())?;
            Either::Right(with_gloo(url, headers, credentials, signal, body))
        }
    };
    let result = match select(pin!(exchange), pin!(super::deadline::deadline(timeout))).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            if let Some(c) = controller {
                c.abort();
            }
            Err(FetchError::Timeout)
        }
    };
    match result {
        // Not an abort of ours (closed, unmounted): say why there was no answer.
        Err(FetchError::Network { detail })
            if !controller.is_some_and(|c| c.signal().aborted()) =>
        {
            Err(super::diagnose::diagnose(url, detail, timeout).await)
        }
        other => other,
    }
}

/// A poll's exchange: `fetch(url, init)` as a careful script calls it, no
/// `Request` object and no URL parsed (gloo-net's builder does both, a
/// cost every poll of every widget would pay; docs/architecture.md has
/// the measurement), with the page's other polls; gloo-net reads the
/// answer's head.
async fn by_hand(
    url: &str,
    init: RequestInit,
    signal: Option<web_sys::AbortSignal>,
    body: Option<&str>,
) -> Result<Answer, FetchError> {
    let window = web_sys::window().ok_or_else(|| network("no window".into()))?;
    // One promise for the exchange: `fetch`, then the body as text (`null`
    // when it was cut off), so that a poll makes one future and its two
    // callbacks instead of two.
    let answer: js_sys::Array = js_sys::futures::JsFuture::from(super::outbox::fetch_then_text(
        &window, url, &init, signal, body,
    ))
    .await
    .map_err(|e| network(js_error_text(&e)))?
    .unchecked_into();
    let response = gloo_net::http::Response::from(web_sys::Response::from(answer.get(0)));
    // Headers arrived, so a failure now means the body was cut off.
    let text = answer
        .get(1)
        .as_string()
        .ok_or(FetchError::Invalid(ParseError::Incomplete))?;
    Ok((response.status(), text, response.headers().get("date")))
}

/// An on-demand call's exchange, through gloo-net's `Request` builder.
async fn with_gloo(
    url: &str,
    headers: web_sys::Headers,
    credentials: Credentials,
    signal: Option<web_sys::AbortSignal>,
    body: Option<&str>,
) -> Result<Answer, FetchError> {
    let builder = gloo_net::http::RequestBuilder::new(url)
        .method(if body.is_some() {
            Method::POST
        } else {
            Method::GET
        })
        // Headers set by `request_headers`: gloo's setter throws on a name
        // the browser refuses.
        .headers(gloo_net::http::Headers::from_raw(headers))
        .credentials(request_credentials(credentials))
        .abort_signal(signal.as_ref());
    let request = match body {
        Some(body) => builder.body(body),
        None => builder.build(),
    }
    .map_err(gloo_error)?;
    let response = request.send().await.map_err(gloo_error)?;
    // Headers arrived, so a failure now means the body was cut off.
    let text = response
        .text()
        .await
        .map_err(|_| FetchError::Invalid(ParseError::Incomplete))?;
    Ok((response.status(), text, response.headers().get("date")))
}

/// A request that got no answer, for [`fetch_text`] to diagnose.
fn network(detail: String) -> FetchError {
    FetchError::Network {
        detail: excerpt(&detail),
    }
}

/// What gloo-net's error says, in [`js_error_text`]'s words for a
/// JavaScript error ("TypeError: Failed to fetch").
fn gloo_error(error: gloo_net::Error) -> FetchError {
    network(match error {
        gloo_net::Error::JsError(e) => format!("{}: {}", e.name, e.message),
        other => other.to_string(),
    })
}

thread_local! {
    /// The init of a request without the host's headers, one per (POST,
    /// credentials): built once instead of every poll.
    static PLAIN_INITS: RefCell<Vec<((bool, Credentials), RequestInit)>> =
        const { RefCell::new(Vec::new()) };
}

/// The init of requests without the host's headers, built on first use.
fn shared_init(json_body: bool, credentials: Credentials) -> Result<RequestInit, FetchError> {
    let key = (json_body, credentials);
    PLAIN_INITS.with(|inits| {
        if let Some((_, init)) = inits.borrow().iter().find(|(k, _)| *k == key) {
            return Ok(init.clone());
        }
        let init = request_init(None, json_body, credentials)?;
        inits.borrow_mut().push((key, init.clone()));
        Ok(init)
    })
}

/// The method, headers and credentials of a request (not its signal or body).
fn request_init(
    extra: Option<&HeaderSource>,
    json_body: bool,
    credentials: Credentials,
) -> Result<RequestInit, FetchError> {
    let init = RequestInit::new();
    init.set_method(if json_body { "POST" } else { "GET" });
    let headers: wasm_bindgen::JsValue = request_headers(extra, json_body)?.into();
    init.set_headers(&headers);
    init.set_credentials(request_credentials(credentials));
    Ok(init)
}

fn request_credentials(credentials: Credentials) -> RequestCredentials {
    match credentials {
        Credentials::SameOrigin => RequestCredentials::SameOrigin,
        Credentials::Include => RequestCredentials::Include,
        Credentials::Omit => RequestCredentials::Omit,
    }
}

/// What a rejected `fetch` says, as `name: message` ("TypeError: Failed to fetch").
fn js_error_text(error: &wasm_bindgen::JsValue) -> String {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    [field("name"), field("message")].join(": ")
}

/// `Accept` (and `Content-Type` for a JSON body) plus the host's headers.
/// web_sys rather than gloo's setter, which throws on a name the browser
/// refuses.
fn request_headers(
    extra: Option<&HeaderSource>,
    json_body: bool,
) -> Result<web_sys::Headers, FetchError> {
    let extra = match extra.map(HeaderSource::headers).transpose() {
        Ok(extra) => extra.unwrap_or_default(),
        Err(detail) => return Err(FetchError::Headers { detail }),
    };
    let headers = web_sys::Headers::new().map_err(|_| FetchError::Network {
        detail: "the browser has no Headers".into(),
    })?;
    let content_type = json_body.then_some(("Content-Type", "application/json"));
    for (name, value) in std::iter::once(("Accept", "application/json"))
        .chain(content_type)
        .chain(extra.iter().map(|(n, v)| (n.as_str(), v.as_str())))
    {
        // The value is a secret: only the name goes into the message.
        headers.set(name, value).map_err(|_| FetchError::Headers {
            detail: format!(
                "the browser refused the request header {}",
                oms_progress_core::i18n::quoted(name)
            ),
        })?;
    }
    Ok(headers)
}
