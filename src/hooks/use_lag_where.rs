//! [`use_lag_where`]: where an OMS 4.x project's lag is (Store or writer),
//! asked only while it is behind.

use super::use_oms_components::use_components_call;
use crate::runtime::{Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::model::{
    where_behind, LagLevel, LagThresholds, LagWhere, LiveView, PollState,
};
use oms_progress_core::policy::PollOptions;

/// Asks for the components (`call`, a `DescribeProjectComponents` request)
/// when the lag `live` shows falls behind, then at most once a minute
/// while it stays so; `None` while it is caught up or OMS did not say.
pub(crate) fn use_lag_where(
    call: Call,
    poll: PollOptions,
    state: Signal<PollState>,
    live: Memo<LiveView>,
    lag: LagThresholds,
) -> Memo<Option<LagWhere>> {
    // A memo: the clock ticks every second, and only a change between
    // caught up and behind may ask OMS again.
    let behind = Memo::new(move |_| {
        live.with(|l| {
            l.lag
                .is_some_and(|l| matches!(l.level, LagLevel::Warn | LagLevel::Critical))
        })
    });
    let minute = Memo::new(move |_| state.with(|s| s.last_good_at_ms.map(|t| t / 60_000)));
    let components = use_components_call(call, poll, behind.into(), minute.into());
    Memo::new(move |_| {
        components.with(|answer| match answer {
            Some(Fetched {
                result: Ok(list), ..
            }) if behind.get() => where_behind(list, lag.warn_secs),
            _ => None,
        })
    })
}
