//! A poll loop's wait between polls: one `setTimeout` callback made when
//! the loop starts and set again for each wait, instead of a new closure,
//! channel and `clearTimeout` per wait (gloo-timers' future).

use super::clock::now_ms;
use super::driver::Wake;
use super::policy::on_wave;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Wakes its poll loop (through the loop's wake channel) when set and due.
pub(super) struct Alarm {
    ring: Closure<dyn FnMut()>,
    /// The timer set and not yet fired, for clearing it.
    pending: Rc<Cell<Option<i32>>>,
}

impl Alarm {
    pub fn new(wake: Wake) -> Self {
        let pending: Rc<Cell<Option<i32>>> = Rc::default();
        let fired = pending.clone();
        let ring = Closure::<dyn FnMut()>::new(move || {
            fired.set(None);
            wake();
        });
        Alarm { ring, pending }
    }

    /// Wakes the loop after `delay` (moved to the page's nearest wave, see
    /// [`on_wave`]), unless cleared first; replaces a timer still pending.
    pub fn set(&self, delay: Duration) {
        self.clear();
        let delay = on_wave(now_ms(), delay);
        // `setTimeout` fires at once for anything above 2^31 - 1 ms: that
        // would turn a long wait into a request storm.
        let ms = delay.as_millis().min(i32::MAX as u128) as i32;
        let id = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                self.ring.as_ref().unchecked_ref(),
                ms,
            )
            .ok()
        });
        self.pending.set(id);
    }

    /// Clears the timer if it has not fired (a fired one's id is never
    /// cleared: the browser may have given it to another timer).
    pub fn clear(&self) {
        if let (Some(id), Some(window)) = (self.pending.take(), web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
    }
}

impl Drop for Alarm {
    fn drop(&mut self) {
        // A timer left set would call a dropped closure.
        self.clear();
    }
}
