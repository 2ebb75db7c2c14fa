use super::{local_time, ConfigError, ProgressCard};
use crate::hooks::{
    use_oms_components, use_oms_history, use_oms_progress_once, use_oms_progress_with_options,
    use_oms_steps, use_oms_verify, use_refresh_trigger, AlertReport, Alerts, UseOmsHistoryOptions,
    UseOmsProgressOptions,
};
use crate::runtime::{Call, Fetched};
use leptos::either::Either;
use leptos::prelude::*;
use oms_progress_core::events::{Health, PollEvent, ProjectRef};
use oms_progress_core::model::{
    build_view, failure_reason, history_view_with, is_full_verify_step, live_view_corrected,
    oms_clock_lag, outlook_with, rows_left_secs, throughput, verify_running, verify_view,
    where_behind, wrong_api_view, Attention, AttentionChange, ChartInput, Concern, ConcernTracker,
    ErrorKind, LagLevel, Range, Seen, StuckRules,
};
use oms_progress_core::options::WidgetOptions;
use oms_progress_core::wire::{
    components_request, progress_request, steps_request, ApiKind, ProgressRequest, Status,
};

/// A live progress widget for one OMS project.
///
/// ```ignore
/// view! { <OmsSyncProgress options=WidgetOptions::new("np_4ur1zdx1v8cg") /> }
/// ```
#[component]
pub fn OmsSyncProgress(
    /// Which project, which endpoint, how often, which language.
    options: WidgetOptions,
    /// Told of every poll: new data, a status change, a failure.
    #[prop(optional, into)]
    on_event: Option<Callback<PollEvent>>,
    /// Told when the project's state changes (failed, far behind, stuck,
    /// running…), never of the state it had when first seen, nor from
    /// stale data.
    #[prop(optional, into)]
    on_attention: Option<Callback<AttentionChange>>,
    /// Polls at once whenever notified (as the "refresh" button does).
    #[prop(optional)]
    refresh: Option<Trigger>,
) -> impl IntoView {
    let WidgetOptions {
        project_id,
        api,
        base_url,
        lang,
        poll,
        lag,
        compact,
        credentials,
        headers,
        ..
    } = options.clone();
    let project_id = project_id.trim().to_owned();
    let shown_id = project_id.clone();
    let shown_project = project_id.clone();
    let time_zone = options.time_zone.clone();
    let request = match options.request() {
        Ok(request) => request,
        Err(problem) => {
            return Either::Left(view! { <ConfigError project_id problems=vec![problem] lang /> })
        }
    };
    let poll = poll.normalized();
    // OMS 4.x's detail calls: the step plan only while its list is open,
    // the components only while the lag is behind.
    let call_for = |request: ProgressRequest| Call {
        url: format!("{}{}", base_url.trim_end_matches('/'), request.path),
        body: request.body,
        credentials,
        headers: headers.clone(),
        timeout: poll.timeout,
    };
    let steps_call = (api == ApiKind::V4).then(|| call_for(steps_request(&project_id)));
    let components_call = (api == ApiKind::V4).then(|| call_for(components_request(&project_id)));
    // OMS 3.x: a project OMS does not know under one endpoint may be a
    // project of the other type; asked once when "not found" comes.
    let other_call = match api {
        ApiKind::Sync => Some((ApiKind::Migration, "migration")),
        ApiKind::Migration => Some((ApiKind::Sync, "sync")),
        ApiKind::V4 => None,
    }
    .map(|(other, name)| (call_for(progress_request(other, &project_id)), name));
    let template = call_for(ProgressRequest {
        path: String::new(),
        body: None,
    });
    let progress = use_oms_progress_with_options(
        request.path,
        UseOmsProgressOptions {
            poll,
            body: request.body,
            credentials,
            headers,
            on_event,
        },
    );
    let wrong_api = other_call.map(|(call, name)| {
        let state = progress.state;
        let not_found = Memo::new(move |_| {
            state.with(|s| {
                s.error
                    .as_ref()
                    .is_some_and(|e| ErrorKind::of(e) == ErrorKind::NotFound)
            })
        });
        let answer = use_oms_progress_once(call, poll, not_found);
        (answer, name)
    });
    let failed = Memo::new(move |_| {
        progress
            .state
            .with(|s| s.last_good.as_ref().and_then(|p| p.status.clone()) == Some(Status::Failed))
    });
    let last_good = move |read: fn(&oms_progress_core::wire::Progress) -> bool| {
        Memo::new(move |_| {
            progress
                .state
                .with(|s| s.last_good.as_ref().is_some_and(read))
        })
    };
    let full_running = last_good(|p| {
        p.status.as_ref().is_some_and(Status::is_running)
            && p.full_progress.as_ref().is_some_and(|f| f.value < 100)
    });
    // The step plan: while its list is open, after every successful poll;
    // once, even with the list closed, for a failed project's reason and
    // for a running full copy's rows left (its ETA at open).
    let steps = steps_call.map(|call| {
        let open = RwSignal::new(false);
        let state = progress.state;
        let wanted = Signal::derive(move || open.get() || failed.get() || full_running.get());
        let revision = Signal::derive(move || {
            open.get()
                .then(|| state.with(|s| s.last_good_at_ms))
                .flatten()
        });
        (use_oms_steps(call, poll, wanted, revision), open)
    });
    let failure = Signal::derive(move || {
        let answer = steps.map(|(answer, _)| answer)?;
        failed.get().then_some(())?;
        answer.with(|a| match a {
            Some(Fetched {
                result: Ok(list), ..
            }) => failure_reason(list, lang),
            _ => None,
        })
    });
    // Full verification: while the plan has its step and the list is open;
    // asked again while it runs, not after it finished.
    let verify = steps.map(|(answer, open)| {
        // The plan's full-verification step, as the latest answer has it.
        let plan_step = move || {
            answer.with(|a| match a {
                Some(Fetched {
                    result: Ok(list), ..
                }) => list.iter().find(|s| is_full_verify_step(s)).cloned(),
                _ => None,
            })
        };
        // Whether the plan has the step, and whether it runs: a memo, as
        // the step's times move with every answer and only a change of
        // these may ask OMS again.
        let step = Memo::new(move |_| plan_step().as_ref().map(verify_running));
        let state = progress.state;
        let wanted = Memo::new(move |_| open.get() && step.get().is_some());
        let revision = Memo::new(move |_| {
            if step.get() == Some(true) {
                state.with(|s| s.last_good_at_ms)
            } else {
                Some(0)
            }
        });
        let results = use_oms_verify(
            base_url.clone(),
            project_id.clone(),
            template.clone(),
            poll,
            wanted,
            revision,
        );
        let shown = Memo::new(move |_| {
            results.with(|r| match r {
                Some(Fetched {
                    result: Ok(result), ..
                }) if wanted.get() => Some(verify_view(result, plan_step().as_ref(), lang)),
                _ => None,
            })
        });
        let error = Memo::new(move |_| {
            results.with(|r| match r {
                Some(Fetched { result: Err(e), .. }) if wanted.get() => Some(e.to_string()),
                _ => None,
            })
        });
        (shown, error)
    });
    // OMS's own history: from the first answer, for OMS 4.x projects.
    let range = RwSignal::new(Range::default());
    let last_good = move |read: fn(&oms_progress_core::wire::Progress) -> bool| {
        Memo::new(move |_| {
            progress
                .state
                .with(|s| s.last_good.as_ref().is_some_and(read))
        })
    };
    let oms_history = (api == ApiKind::V4).then(|| {
        use_oms_history(UseOmsHistoryOptions {
            base_url: base_url.clone(),
            project_id: project_id.clone(),
            credentials,
            headers: template.headers.clone(),
            poll,
            wanted: last_good(|_| true).into(),
            range: range.into(),
            clock_offset: progress.clock_offset.into(),
            reverse: last_good(|p| p.enable_reverse_incr == Some(true)).into(),
            full: full_running.into(),
        })
    });
    use_refresh_trigger(refresh, progress.refresh);
    let stale_after = poll.stale_after();
    // Worked out again only when a poll changed what is known.
    let view = Memo::new(move |_| {
        progress.revision.track();
        let mut view = progress.state.with_untracked(|st| build_view(st, lang));
        let other_knows_it = wrong_api.filter(|(answer, _)| {
            answer.with(|a| matches!(a, Some(Fetched { result: Ok(_), .. })))
        });
        if let Some((_, name)) = other_knows_it {
            if view
                .error
                .as_ref()
                .is_some_and(|e| e.kind == ErrorKind::NotFound)
            {
                view.error = Some(wrong_api_view(&shown_id, name, lang));
            }
        }
        view
    });
    let fresh_ms = poll.interval.as_millis() as i64 * 2;
    // What moves with the clock is worked out again on the page's tick and
    // when what is shown changed (new data, an error), not on every poll:
    // an unchanged poll only moves when the data arrived, which the age
    // shows at the next tick (within a second), so it writes nothing, and
    // every widget's ages are written in the same frame.
    let live = Memo::new(move |_| {
        view.track();
        let now = progress.now.get();
        let offset = progress.clock_offset.get().unwrap_or(0);
        let mut live = progress
            .state
            .with_untracked(|st| live_view_corrected(st, now, stale_after, lag, offset));
        // OMS's own clock when the open step list brought a fresh sample.
        if let Some((answer, _)) = steps.filter(|(_, open)| open.get()) {
            let by_oms = answer.with(|a| match a {
                Some(Fetched {
                    at_ms,
                    result: Ok(list),
                }) if now - at_ms <= fresh_ms => oms_clock_lag(list, now - at_ms, lag),
                _ => None,
            });
            // Not while the lag is frozen at the last answer: no new data.
            if live.lag.is_some_and(|l| l.as_of_ms.is_none()) && by_oms.is_some() {
                live.lag = by_oms;
            }
        }
        live
    });
    let lag_where = components_call.map(|call| {
        let state = progress.state;
        // A memo: the clock ticks every second, and only a change between
        // caught up and behind may ask OMS again.
        let behind =
            Memo::new(move |_| live.with(|l| l.lag.is_some_and(|l| l.level != LagLevel::CaughtUp)));
        // Asked for when the lag falls behind, then at most once a minute.
        let minute = Memo::new(move |_| state.with(|s| s.last_good_at_ms.map(|t| t / 60_000)));
        let components = use_oms_components(call, poll, behind, minute);
        Signal::derive(move || {
            components.with(|answer| match answer {
                Some(Fetched {
                    result: Ok(list), ..
                }) if behind.get() => where_behind(list, lag.warn_secs),
                _ => None,
            })
        })
    });
    let rules = StuckRules {
        interval_ms: poll.interval.as_millis() as i64,
        after_ms: options.stuck_after.as_millis() as i64,
    };
    let (history, clock_offset) = (progress.history, progress.clock_offset);
    let history = Memo::new(move |_| {
        let offset = clock_offset.get();
        let time = |secs| local_time(secs, time_zone.as_deref(), lang);
        let series = oms_history.and_then(|h| h.series.get());
        let chart = ChartInput {
            oms: series.as_ref(),
            lacking: oms_history.is_none_or(|h| h.lacking.get()),
        };
        let oms_lag = series.as_ref().map_or(&[][..], |s| &s.lag[..]);
        // The full copy's ETA before the browser's own samples can give
        // one: the rows left at OMS's average rate over the range.
        let full_rate = series
            .as_ref()
            .and_then(|s| throughput(&s.full_rps, i64::MIN))
            .map(|t| t.average);
        let rows_left = match (full_rate, steps) {
            (Some(rate), Some((answer, _))) => answer.with(|a| match a {
                Some(Fetched {
                    at_ms,
                    result: Ok(list),
                }) => rows_left_secs(list, rate, progress.now.get_untracked() - at_ms),
                _ => None,
            }),
            _ => None,
        };
        history.with(|h| {
            let mut outlook = outlook_with(h, oms_lag, lag, rules);
            if full_running.get() {
                outlook.full_done_secs = outlook.full_done_secs.or(rows_left);
            }
            history_view_with(h, &outlook, chart, lag, lang, offset, &time)
        })
    });
    // Hosts that alert hear when the trend, the stuck mark or a recovery changes.
    if let Some(on_event) = on_event {
        Effect::new(move |before: Option<Health>| {
            let now = history.with(Health::of);
            if now != before.unwrap_or_default() {
                on_event.run(PollEvent::Health(now.clone()));
            }
            now
        });
    }
    // Alerts: the project's state while its data is current (stale data
    // is not judged afresh), told when it changes.
    let concern = Memo::new(move |_| {
        let (current, delay) = live.with(|l| (!l.stale, l.lag.map(|l| l.secs as i64)));
        let status = view.with(|v| v.has_data.then(|| v.status.clone()))?;
        current.then_some(())?;
        Some(Concern {
            attention: Attention::of_status(status.as_ref(), delay, false, lag),
            stuck: history.with(|h| h.stuck.is_some()),
        })
    });
    let alerts = use_context::<Alerts>();
    if on_attention.is_some() || alerts.is_some() {
        let project = ProjectRef {
            id: project_id.clone(),
            source: options.source.clone(),
        };
        let tracker = StoredValue::new(ConcernTracker::default());
        let state = progress.state;
        Effect::new(move |_| {
            let Some(now) = concern.get() else { return };
            let change = tracker
                .try_update_value(|t| t.observe((&project.id, &project.source), &project.id, now))
                .and_then(Seen::change);
            if let (Some(change), Some(cb)) = (&change, on_attention) {
                cb.run(change.clone());
            }
            if let Some(alerts) = alerts {
                alerts.report.run(AlertReport {
                    project: project.clone(),
                    title: project.id.clone(),
                    concern: now,
                    change,
                    here: state.with_untracked(|s| s.here),
                });
            }
        });
    }
    Either::Right(view! {
        <ProgressCard
            project_id
            view
            live
            on_refresh=progress.refresh
            lang
            time_zone=options.time_zone.as_deref().map(std::sync::Arc::from)
            compact
            steps=steps
            now=progress.now
            lag_where=lag_where.unwrap_or_default()
            failure
            history=Some(history)
            range=oms_history.map(|_| range)
            verify=Signal::derive(move || verify.and_then(|(shown, _)| shown.get()))
            verify_error=Signal::derive(move || verify.and_then(|(_, error)| error.get()))
            console_link=options.console_link(&shown_project)
            source=options.source.clone()
        />
    })
}
