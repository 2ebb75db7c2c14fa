//! Across tabs: the tabs of one origin elect one leader per poll (a Web
//! Lock named after the request), which polls and broadcasts every answer
//! on a `BroadcastChannel`; the other tabs show those answers and send no
//! request. Only a visible tab asks for the lock, so a leader that is
//! hidden hands over to a visible tab, and when every tab is hidden none
//! polls. A tab that closes or crashes frees its locks, and the next tab in
//! line leads at once. Where either API is missing, a tab polls alone.
//! Polls with host-given headers (a token per tab) are never shared.

use futures::channel::mpsc;
use js_sys::{Array, Function, Object, Promise, Reflect};
use oms_progress_core::wire::{FetchError, ParseError};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, BroadcastChannel, MessageEvent};

/// One HTTP exchange as it came: status, body, `Date` header.
pub(crate) type Raw = (u16, String, Option<String>);

/// One poll's exchanges (a list poll has one per page), or why no answer
/// came (only the transport's errors: the rest is read from the answers).
pub(crate) type Exchange = Result<Vec<Raw>, FetchError>;

/// What the tab share tells its poll loop.
pub(crate) enum TabEvent {
    /// The leader's answer to a poll, and how old it was when sent (ms): a
    /// tab that says hello gets the latest one, which may be an interval
    /// old; its ages and OMS's clock must be read as of then.
    Answer(Exchange, i64),
    /// This tab leads now: poll.
    Lead,
}

/// Called when the lock is granted; its promise holds the lock.
type Granted = Closure<dyn FnMut(JsValue) -> Promise>;
/// Called with every message of the channel.
type OnMessage = Closure<dyn FnMut(MessageEvent)>;

/// This tab's part in one shared poll.
pub(crate) struct TabShare {
    inner: Option<Rc<Shared>>,
}

struct Shared {
    lock_name: String,
    channel: BroadcastChannel,
    leading: Cell<bool>,
    /// The resolver of the held lock's promise (resolving releases it).
    release: RefCell<Option<Function>>,
    /// Cancels the lock request still waiting.
    waiting: RefCell<Option<AbortController>>,
    /// The latest exchange and when it came (this tab's clock), for a tab
    /// that says hello.
    last: RefCell<Option<(Exchange, i64)>>,
    /// Whether another tab shares this poll (it said something). Until one
    /// does, a leader broadcasts nothing: a message costs a structured
    /// clone of the answer (measured 0.12 ms of main thread a poll).
    others: Cell<bool>,
    events: mpsc::UnboundedSender<TabEvent>,
    wake: super::wake::Wake,
    granted: RefCell<Option<Granted>>,
    on_message: RefCell<Option<OnMessage>>,
}

impl TabShare {
    /// Shares the poll named `key` with the other tabs, if they can; events
    /// for the loop arrive on the returned receiver. `wake` polls now (asked
    /// by a follower's "refresh").
    pub(crate) fn new(
        key: Option<&str>,
        wake: super::wake::Wake,
    ) -> (TabShare, mpsc::UnboundedReceiver<TabEvent>) {
        let (events, rx) = mpsc::unbounded();
        let Some(key) = key else {
            return (TabShare { inner: None }, rx);
        };
        // The messages' form is in the name: a tab of an older build, still
        // open, shares with its own kind and polls apart from this one.
        let name = format!("oms-progress 2 {key}");
        let has_locks = web_sys::window()
            .and_then(|w| Reflect::get(&w.navigator(), &"locks".into()).ok())
            .is_some_and(|l| !l.is_undefined());
        let channel = has_locks
            .then(|| BroadcastChannel::new(&name).ok())
            .flatten();
        let Some(channel) = channel else {
            return (TabShare { inner: None }, rx);
        };
        let shared = Rc::new(Shared {
            lock_name: name,
            channel,
            leading: Cell::new(false),
            release: RefCell::new(None),
            waiting: RefCell::new(None),
            last: RefCell::new(None),
            others: Cell::new(false),
            events,
            wake,
            granted: RefCell::new(None),
            on_message: RefCell::new(None),
        });
        let weak = Rc::downgrade(&shared);
        let granted = Closure::new(move |_lock: JsValue| {
            let mut release = None;
            let held = Promise::new(&mut |resolve, _| release = Some(resolve));
            if let Some(shared) = weak.upgrade() {
                shared.waiting.replace(None);
                shared.release.replace(release);
                shared.leading.set(true);
                let _ = shared.events.unbounded_send(TabEvent::Lead);
            } else if let Some(release) = release {
                let _ = release.call0(&JsValue::NULL);
            }
            held
        });
        shared.granted.replace(Some(granted));
        let weak = Rc::downgrade(&shared);
        let on_message = Closure::new(move |event: MessageEvent| {
            if let Some(shared) = weak.upgrade() {
                shared.heard(event.data());
            }
        });
        shared
            .channel
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        shared.on_message.replace(Some(on_message));
        // Whoever leads answers with its latest exchange, so this tab has
        // data before the leader's next poll; the others say they are there.
        let _ = shared.channel.post_message(&Array::of1(&"hello".into()));
        (
            TabShare {
                inner: Some(shared),
            },
            rx,
        )
    }

    /// Whether other tabs can share this poll.
    pub(crate) fn is_shared(&self) -> bool {
        self.inner.is_some()
    }

    /// Whether this tab polls (it leads, or shares with nobody).
    pub(crate) fn leading(&self) -> bool {
        self.inner.as_ref().is_none_or(|s| s.leading.get())
    }

    /// While visible: asks for the lead (once; no-op while leading or asked).
    pub(crate) fn want_lead(&self) {
        let Some(shared) = &self.inner else { return };
        if shared.leading.get() || shared.waiting.borrow().is_some() {
            return;
        }
        let controller = AbortController::new().ok();
        let asked = request_lock(
            &shared.lock_name,
            controller.as_ref(),
            shared.granted.borrow().as_ref(),
        );
        if asked {
            shared.waiting.replace(controller);
        }
    }

    /// When hidden: gives the lead (or the place in line) to another tab.
    pub(crate) fn give_up(&self) {
        if let Some(shared) = &self.inner {
            shared.give_up();
        }
    }

    /// Tells the other tabs what this poll brought.
    pub(crate) fn publish(&self, exchange: &Exchange) {
        let Some(shared) = &self.inner else { return };
        if shared.others.get() {
            let _ = shared.channel.post_message(&encode(exchange, 0));
        }
        shared
            .last
            .replace(Some((exchange.clone(), super::clock::now_ms())));
    }

    /// Asks the leader to poll now ("refresh" in a following tab).
    pub(crate) fn ask_refresh(&self) {
        if let Some(shared) = &self.inner {
            let _ = shared.channel.post_message(&Array::of1(&"refresh".into()));
        }
    }
}

impl Shared {
    fn heard(&self, data: JsValue) {
        let message = Array::from(&data);
        // Whatever another tab says, it is there: from now on, broadcast.
        self.others.set(true);
        let leading = self.leading.get();
        match message.get(0).as_string().as_deref() {
            Some("answer") if !leading => {
                if let Some((exchange, age)) = decode(&message) {
                    let _ = self.events.unbounded_send(TabEvent::Answer(exchange, age));
                }
            }
            Some("hello") => {
                let answer = match self.last.borrow().as_ref().filter(|_| leading) {
                    Some((last, at)) => encode(last, super::clock::now_ms() - at),
                    None => Array::of1(&"here".into()),
                };
                let _ = self.channel.post_message(&answer);
            }
            Some("refresh") if leading => (self.wake)(),
            _ => {}
        }
    }

    fn give_up(&self) {
        if let Some(controller) = self.waiting.take() {
            controller.abort();
        }
        if let Some(release) = self.release.take() {
            let _ = release.call0(&JsValue::NULL);
        }
        self.leading.set(false);
    }
}

impl Drop for TabShare {
    fn drop(&mut self) {
        if let Some(shared) = self.inner.take() {
            shared.give_up();
            shared.channel.set_onmessage(None);
            shared.channel.close();
        }
    }
}

/// `navigator.locks.request(name, { signal }, granted)`, its rejection
/// (an aborted wait) caught; false when it could not be asked.
fn request_lock(
    name: &str,
    controller: Option<&AbortController>,
    granted: Option<&Granted>,
) -> bool {
    let (Some(window), Some(granted)) = (web_sys::window(), granted) else {
        return false;
    };
    let Ok(locks) = Reflect::get(&window.navigator(), &"locks".into()) else {
        return false;
    };
    let request = Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|r| r.dyn_into::<Function>().ok());
    let Some(request) = request else { return false };
    let options = Object::new();
    if let Some(c) = controller {
        let _ = Reflect::set(&options, &"signal".into(), &c.signal());
    }
    match request.call3(&locks, &name.into(), &options, granted.as_ref()) {
        Ok(promise) => {
            if let Ok(promise) = promise.dyn_into::<Promise>() {
                IGNORE.with(|ignore| {
                    let _ = promise.catch(ignore);
                });
            }
            true
        }
        Err(_) => false,
    }
}

thread_local! {
    /// Swallows the rejection of an aborted lock request: one closure for
    /// the page, kept for its life.
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
}

fn encode(exchange: &Exchange, age_ms: i64) -> Array {
    let message = Array::of2(&"answer".into(), &JsValue::from(age_ms as f64));
    match exchange {
        Ok(raws) => {
            message.push(&"ok".into());
            for (status, body, date) in raws {
                message.push(&JsValue::from(*status));
                message.push(&body.into());
                message.push(&date.as_deref().map_or(JsValue::NULL, JsValue::from));
            }
        }
        Err(FetchError::Timeout) => {
            message.push(&"timeout".into());
        }
        Err(FetchError::Headers { detail }) => {
            message.push(&"headers".into());
            message.push(&detail.into());
        }
        Err(FetchError::Network { detail }) => {
            message.push(&"network".into());
            message.push(&detail.into());
        }
        Err(FetchError::Cors { detail }) => {
            message.push(&"cors".into());
            message.push(&detail.into());
        }
        Err(FetchError::Unreachable { detail }) => {
            message.push(&"unreachable".into());
            message.push(&detail.into());
        }
        Err(_) => {
            message.push(&"incomplete".into());
        }
    }
    message
}

fn decode(message: &Array) -> Option<(Exchange, i64)> {
    // Never from the future, whatever the other tab's clock said.
    let age = (message.get(1).as_f64()? as i64).max(0);
    let detail = || message.get(3).as_string().unwrap_or_default();
    let exchange = match message.get(2).as_string()?.as_str() {
        "ok" => {
            let mut raws = Vec::new();
            let mut at = 3;
            while at < message.length() {
                let status = message.get(at).as_f64()? as u16;
                let body = message.get(at + 1).as_string()?;
                raws.push((status, body, message.get(at + 2).as_string()));
                at += 3;
            }
            Ok(raws)
        }
        "timeout" => Err(FetchError::Timeout),
        "headers" => Err(FetchError::Headers { detail: detail() }),
        "network" => Err(FetchError::Network { detail: detail() }),
        "cors" => Err(FetchError::Cors { detail: detail() }),
        "unreachable" => Err(FetchError::Unreachable { detail: detail() }),
        _ => Err(FetchError::Invalid(ParseError::Incomplete)),
    };
    Some((exchange, age))
}

/// What a following tab waited for.
pub(crate) enum Followed {
    Answer(Exchange, i64),
    Lead,
    /// Asked to poll (refresh, the page shown again).
    Woken,
    Closed,
}

/// Waits for the leader's next answer (the latest, when several queued),
/// for the lead, or for a wake.
pub(crate) async fn follow(
    events: &mut mpsc::UnboundedReceiver<TabEvent>,
    wake_rx: &mut mpsc::UnboundedReceiver<()>,
) -> Followed {
    use futures::future::{select, Either};
    use futures::StreamExt;
    let first = match select(events.next(), wake_rx.next()).await {
        Either::Left((Some(event), _)) => event,
        Either::Right((Some(()), _)) => return Followed::Woken,
        _ => return Followed::Closed,
    };
    let mut latest = first;
    while let Ok(event) = events.try_recv() {
        if matches!(event, TabEvent::Lead) {
            return Followed::Lead;
        }
        latest = event;
    }
    match latest {
        TabEvent::Answer(exchange, age) => Followed::Answer(exchange, age),
        TabEvent::Lead => Followed::Lead,
    }
}

/// What a poll loop does next.
pub(crate) enum Turn {
    /// Poll (this tab leads, or shares with nobody), then publish.
    Poll,
    /// Record the leader's answer, as old as it was (ms); no request, no wait.
    Follow(Exchange, i64),
    /// Look again (the lead came, the page was shown, a refresh was asked).
    Again,
    /// The poller is gone.
    End,
}

/// This tab's turn in a poll: hidden, it gives the lead away (or, alone,
/// pauses); visible, it asks for it; leading, it polls; else it follows.
pub(crate) async fn take_turn(
    share: &TabShare,
    events: &mut mpsc::UnboundedReceiver<TabEvent>,
    wake_rx: &mut mpsc::UnboundedReceiver<()>,
) -> Turn {
    if super::wake::page_hidden() {
        if !share.is_shared() {
            return if super::wake::paused_while_hidden(wake_rx).await {
                Turn::Again
            } else {
                Turn::End
            };
        }
        share.give_up();
    } else {
        share.want_lead();
    }
    if share.leading() {
        return Turn::Poll;
    }
    match follow(events, wake_rx).await {
        Followed::Answer(exchange, age) => Turn::Follow(exchange, age),
        Followed::Lead => Turn::Again,
        Followed::Woken => {
            if !super::wake::page_hidden() {
                share.ask_refresh();
            }
            Turn::Again
        }
        Followed::Closed => Turn::End,
    }
}

/// The name tabs share a poll by, or `None` when it must not be shared:
/// headers from the host may carry one tab's own credentials.
pub(crate) fn share_key(call: &super::request::Call, interval_ms: u64) -> Option<String> {
    let credentials = call.credentials.name();
    call.headers.is_none().then(|| {
        let body = call.body.as_deref().unwrap_or("");
        [&interval_ms.to_string(), credentials, &call.url, body].join(" ")
    })
}
