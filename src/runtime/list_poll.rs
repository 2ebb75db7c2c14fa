//! Polls OMS 4.x's project list: every page once per interval (one request
//! per page, whatever the number of projects), one page in flight at a
//! time, under the same policy as a project's poll (backoff, staleness).

use super::alarm::Alarm;
use super::clock::now_ms;
use super::poller::{wait_for_next, InFlight};
use super::request::{fetch_text, Call};
use super::slots::Lane;
use super::tabs::{share_key, take_turn, Exchange, Raw, TabShare, Turn};
use super::wake::Wake;
use futures::channel::mpsc;
use leptos::prelude::*;
use oms_progress_core::events::{list_events, PollEvent};
use oms_progress_core::model::parse_http_date;
use oms_progress_core::model::PollState;
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{
    classify_list, list_request, FetchError, ListCollector, ListQuery, ProjectList,
};
use web_sys::AbortController;

/// Polls the list of the OMS at `call.url` (its base URL) until the wake
/// channel closes, telling `on_event` of each project whose status changed.
pub(crate) async fn list_loop(
    mut call: Call,
    query: ListQuery,
    (poll, on_event): (PollOptions, Option<Callback<(String, PollEvent)>>),
    set_state: WriteSignal<PollState<ProjectList>>,
    (mut wake_rx, in_flight, wake): (mpsc::UnboundedReceiver<()>, InFlight, Wake),
) {
    let poll = poll.normalized();
    call.timeout = poll.timeout;
    let base = call.url.trim_end_matches('/').to_owned();
    // Tabs share the list by its first page's request.
    call.url = format!("{base}{}", list_request(&query, 1).path);
    call.body = list_request(&query, 1).body;
    let alarm = Alarm::new(wake.clone());
    let (share, mut tab_events) = TabShare::new(
        share_key(&call, poll.interval.as_millis() as u64).as_deref(),
        wake,
    );
    loop {
        // A leader's list is placed when it came to the leader.
        let (result, started, age) = match take_turn(&share, &mut tab_events, &mut wake_rx).await {
            Turn::End => return,
            Turn::Again => continue,
            Turn::Follow(exchange, age) => (
                exchange.and_then(|raws| read_pages(&raws).map_err(|e| e.at(&call.url))),
                None,
                age,
            ),
            Turn::Poll => {
                let started = now_ms();
                let (exchange, result) = all_pages(&base, &query, &mut call, &in_flight).await;
                share.publish(&exchange);
                (result, Some(started), 0)
            }
        };
        let mine = started.is_some();
        let received_ms = now_ms() - age;
        let mut events = Vec::new();
        let next = set_state.try_update(|st| {
            if on_event.is_some() {
                events = list_events(st.last_good.as_ref().map(|l| &l.projects[..]), &result);
            }
            st.here = mine;
            let started = started.unwrap_or(received_ms);
            st.record_from_start(
                result,
                (started, received_ms),
                js_sys::Math::random(),
                &poll,
            )
        });
        let Some(next) = next else { return };
        if let Some(on_event) = on_event {
            events.into_iter().for_each(|event| on_event.run(event));
        }
        if mine && !wait_for_next(next, &mut wake_rx, &alarm).await {
            return;
        }
    }
}

/// Every page, one after the other, as far as the list goes (see
/// [`ListCollector`]); a page that fails after the first cuts the list
/// short (the board says so), the first failing fails the poll (the last
/// good list stays, marked stale in time). The exchanges, for other tabs,
/// and the list read from them.
async fn all_pages(
    base: &str,
    query: &ListQuery,
    call: &mut Call,
    in_flight: &InFlight,
) -> (Exchange, Result<ProjectList, FetchError>) {
    let mut raws = Vec::new();
    let mut list = ListCollector::default();
    let mut page = Some(1);
    while let Some(number) = page {
        let request = list_request(query, number);
        call.url = format!("{base}{}", request.path);
        call.body = request.body;
        let controller = AbortController::new().ok();
        in_flight.replace(controller.clone());
        let answer = fetch_text(call, controller.as_ref(), Lane::Poll).await;
        in_flight.replace(None);
        let (status, body, date) = match answer {
            Ok(raw) => raw,
            Err(e) if raws.is_empty() => return (Err(e.clone()), Err(e)),
            Err(e) => return (Ok(raws), list.fail(e)),
        };
        let listed = classify_list(status, &body).map_err(|e| e.at(&call.url));
        let oms_now = date.as_deref().and_then(parse_http_date);
        raws.push((status, body, date));
        page = match listed {
            Ok(listed) => list.add(listed, oms_now.map(|ms| ms / 1000)),
            Err(e) => return (Ok(raws), list.fail(e)),
        };
    }
    (Ok(raws), Ok(list.finish()))
}

/// The list from the pages another tab fetched (a page it could not read
/// cut its list short there, as it did for that tab).
fn read_pages(raws: &[Raw]) -> Result<ProjectList, FetchError> {
    let mut list = ListCollector::default();
    for (status, body, date) in raws {
        let oms_now = date.as_deref().and_then(parse_http_date);
        match classify_list(*status, body) {
            Ok(page) => {
                list.add(page, oms_now.map(|ms| ms / 1000));
            }
            Err(e) => return list.fail(e),
        }
    }
    Ok(list.finish())
}
