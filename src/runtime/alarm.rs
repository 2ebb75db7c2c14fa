//! A poll loop's wait between polls. Waits end on the page's waves (see
//! [`on_wave`]), so the loops due on one wave share one `setTimeout`: one
//! timer task wakes them all, instead of a timer and a task each.

use super::clock::now_ms;
use super::wake::Wake;
use oms_progress_core::policy::on_wave;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::prelude::*;

// Times are `performance.now()`, monotonic: a wall clock set back cannot
// stretch a wait. Waits due within 5 ms of the timer go with it: one wave
// reached from different moments differs by the clocks' rounding, and
// waves are 250 ms apart. `setTimeout` fires at once for anything above
// 2^31 - 1 ms, so a longer wait is set in parts.
#[wasm_bindgen(inline_js = "const waiting = new Set();
let timer = 0;
let armedAt = Infinity;
function arm(at) {
  clearTimeout(timer);
  armedAt = at;
  timer = setTimeout(ring, Math.min(Math.max(at - performance.now(), 0), 2147483647));
}
function ring() {
  // A fired timer's id is never cleared: the browser may reuse it.
  timer = 0;
  armedAt = Infinity;
  const limit = performance.now() + 5;
  let next = Infinity;
  for (const w of waiting) {
    if (w.at <= limit) {
      waiting.delete(w);
      w.wake();
    } else next = Math.min(next, w.at);
  }
  if (next < Infinity) arm(next);
}
export function wait_set(wake, ms) {
  const w = { at: performance.now() + ms, wake };
  waiting.add(w);
  if (w.at < armedAt - 5) arm(w.at);
  return w;
}
export function wait_clear(w) {
  if (waiting.delete(w) && !waiting.size) {
    clearTimeout(timer);
    armedAt = Infinity;
  }
}")]
extern "C" {
    /// Calls `wake` in `ms`, with the page's other waits due then; returns
    /// the wait, for [`wait_clear`].
    fn wait_set(wake: &JsValue, ms: f64) -> JsValue;
    /// Drops a wait that has not ended (its timer fires for the others;
    /// the last one's is cleared, so that none is left behind).
    fn wait_clear(wait: &JsValue);
}

/// Wakes its poll loop (through the loop's wake channel) when set and due.
pub(crate) struct Alarm {
    ring: Closure<dyn Fn()>,
    /// The wait set and not yet over, for clearing it.
    pending: RefCell<Option<JsValue>>,
}

impl Alarm {
    pub fn new(wake: Wake) -> Self {
        Alarm {
            ring: Closure::new(move || wake()),
            pending: RefCell::new(None),
        }
    }

    /// Wakes the loop after `delay` (moved to the page's nearest wave, see
    /// [`on_wave`]), unless cleared first; replaces a wait still pending.
    pub fn set(&self, delay: Duration) {
        self.clear();
        let ms = on_wave(now_ms(), delay).as_millis() as f64;
        self.pending.replace(Some(wait_set(self.ring.as_ref(), ms)));
    }

    /// Drops the wait if it is not over.
    pub fn clear(&self) {
        if let Some(wait) = self.pending.take() {
            wait_clear(&wait);
        }
    }
}

impl Drop for Alarm {
    fn drop(&mut self) {
        // A wait left set would call a dropped closure.
        self.clear();
    }
}
