//! The page's polls' `fetch` calls made back to back, from JavaScript: a
//! poll waits for the page's next send, and one timer task makes every
//! waiting poll's `fetch` call, one after another. (On-demand calls are
//! rare and go through gloo-net's builder, see `request`.)
//!
//! Chromium's `fetch` costs the main thread less right after another
//! `fetch` than alone at the end of a widget's own work, and least when
//! the calls come from one piece of JavaScript with no wasm between them
//! (docs/benchmarks.md has the figures). A poll
//! waits one task longer (the delay is 0); in a hidden page it goes at
//! once, because browsers hold timers back there for up to a second.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "const waiting = [];
let sendSet = false;
function exchange(w, url, init, signal, body) {
  init.signal = signal;
  init.body = body;
  return w.fetch(url, init).then((r) => r.text().then((t) => [r, t], () => [r, null]));
}
function sendAll() {
  sendSet = false;
  for (const [args, done, fail] of waiting.splice(0)) exchange(...args).then(done, fail);
}
export function send(w, url, init, signal, body, atOnce) {
  if (atOnce) return exchange(w, url, init, signal, body);
  return new Promise((done, fail) => {
    waiting.push([[w, url, init, signal, body], done, fail]);
    if (!sendSet) {
      setTimeout(sendAll, 0);
      sendSet = true;
    }
  });
}")]
extern "C" {
    /// `fetch(url, init)` on `window` with `signal` and `body` set in
    /// `init` just before the call (`fetch` reads the init when called, so
    /// one init can serve every request), in the page's next send or, with
    /// `at_once`, now. Then the answer's text: `[response, text]`, the text
    /// `null` when the body was cut off.
    fn send(
        window: &web_sys::Window,
        url: &str,
        init: &web_sys::RequestInit,
        signal: Option<web_sys::AbortSignal>,
        body: Option<&str>,
        at_once: bool,
    ) -> js_sys::Promise;
}

/// `fetch(url, init)` with `signal` and `body`, then the answer's text (see
/// [`send`]), in the page's next send; at once in a hidden page.
pub(crate) fn fetch_then_text(
    window: &web_sys::Window,
    url: &str,
    init: &web_sys::RequestInit,
    signal: Option<web_sys::AbortSignal>,
    body: Option<&str>,
) -> js_sys::Promise {
    send(window, url, init, signal, body, super::wake::page_hidden())
}
