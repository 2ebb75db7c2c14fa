//! [`use_alerts`]: the page's alerts. The operator's "Notify me" choice,
//! the notifications of what changed (sent only by the tab that polled,
//! so several tabs send one), the worst state now (the favicon's dot) and
//! where a notification's click goes.

use crate::runtime::notify;
use leptos::prelude::*;
use oms_progress_core::events::ProjectRef;
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{AlertGate, AttentionChange, Concern, ConcernTracker};

/// What a widget or a wallboard tells the page's alerts of one project:
/// its state now, the change its own tracker saw, and whether this tab
/// fetched the answer it comes from (only that tab notifies).
#[derive(Clone, Debug)]
pub struct AlertReport {
    /// Which project.
    pub project: ProjectRef,
    /// Its name for people.
    pub title: String,
    /// Its state now.
    pub concern: Concern,
    /// The change from the state seen before, if any.
    pub change: Option<AttentionChange>,
    /// Whether this tab fetched the answer.
    pub here: bool,
}

/// What the page's alerts show: one value, so a page carries one signal
/// type for them rather than one per field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlertState {
    /// Whether notifications are on: the operator asked and the browser allows.
    pub enabled: bool,
    /// The browser's answer: `granted`, `denied`, `default` or `unsupported`.
    pub permission: &'static str,
    /// Projects already failed, far behind or stuck when first seen: not
    /// notified, said on the page instead.
    pub at_open: usize,
    /// The worst state of every project seen.
    pub worst: Option<Concern>,
}

/// The page's alerts, shared through context by every widget and
/// wallboard under the owner that provided them.
#[derive(Clone, Copy)]
pub struct Alerts {
    /// What they show.
    pub state: ReadSignal<AlertState>,
    /// The project a notification's click asked to see.
    pub focus: RwSignal<Option<ProjectRef>>,
    /// Takes a project's state (see [`AlertReport`]). A callback, so that
    /// a build whose widgets never meet provided alerts carries none of
    /// the notification code.
    pub report: Callback<AlertReport>,
    /// Turns notifications on (asking the browser: call it from the
    /// operator's click) or off; the choice is remembered for this origin.
    pub toggle: Callback<()>,
}

/// What the callbacks keep between calls.
#[derive(Default)]
struct Book {
    tracker: ConcernTracker,
    gate: AlertGate,
    timer_due: Option<i64>,
}

/// What the callbacks share.
#[derive(Clone, Copy)]
struct Inner {
    state: RwSignal<AlertState>,
    focus: RwSignal<Option<ProjectRef>>,
    book: StoredValue<Book>,
    lang: Lang,
}

impl Inner {
    fn report(self, report: AlertReport) {
        let AlertReport {
            project,
            title,
            concern,
            change,
            here,
        } = report;
        let Some((at_open, worst)) = self.book.try_update_value(|b| {
            b.tracker
                .observe((&project.id, &project.source), &title, concern);
            (b.tracker.alerting_at_open, b.tracker.worst())
        }) else {
            return;
        };
        let state = self.state.get_untracked();
        if (state.at_open, state.worst) != (at_open, worst) {
            self.state
                .update(|s| (s.at_open, s.worst) = (at_open, worst));
        }
        let Some(change) = change.filter(|_| here && state.enabled) else {
            return;
        };
        let now = crate::runtime::now_ms();
        self.book.update_value(|b| b.gate.offer(change, now));
        self.schedule();
    }

    fn toggle(self) {
        if self.state.get_untracked().enabled {
            self.state.update(|s| s.enabled = false);
            notify::remember(false);
            return;
        }
        leptos::task::spawn_local(async move {
            let permission = notify::request_permission().await;
            let enabled = permission == "granted";
            self.state
                .update(|s| (s.permission, s.enabled) = (permission, enabled));
            if enabled {
                notify::remember(true);
            }
        });
    }

    /// Sends what is due, and waits for what comes due later.
    fn schedule(self) {
        let Some(due) = self.book.with_value(|b| b.gate.due_at()) else {
            return;
        };
        if self
            .book
            .with_value(|b| b.timer_due.is_some_and(|at| at <= due))
        {
            return;
        }
        self.book.update_value(|b| b.timer_due = Some(due));
        let wait = (due - crate::runtime::now_ms()).max(0) as u32;
        gloo_timers::callback::Timeout::new(wait, move || {
            let now = crate::runtime::now_ms();
            // The owner may be gone: then nothing is sent.
            let Some(notices) = self.book.try_update_value(|b| {
                b.timer_due = None;
                b.gate.take(now, self.lang)
            }) else {
                return;
            };
            if self.state.get_untracked().enabled {
                for notice in &notices {
                    let (project, focus) = (notice.project.clone(), self.focus);
                    notify::show(notice, move || {
                        if let Some(project) = project {
                            focus.set(Some(project));
                        }
                    });
                }
            }
            self.schedule();
        })
        .forget();
    }
}

/// The alerts of the page: those provided by an enclosing owner (the
/// standalone page), else new ones for this owner and its children.
pub fn use_alerts(lang: Lang) -> Alerts {
    use_context::<Alerts>().unwrap_or_else(|| provide_alerts(lang))
}

/// New alerts for the current owner and its children.
pub fn provide_alerts(lang: Lang) -> Alerts {
    let permission = notify::permission();
    let inner = Inner {
        state: RwSignal::new(AlertState {
            enabled: notify::chosen() && permission == "granted",
            permission,
            at_open: 0,
            worst: None,
        }),
        focus: RwSignal::new(None),
        book: StoredValue::new(Book::default()),
        lang,
    };
    let alerts = Alerts {
        state: inner.state.read_only(),
        focus: inner.focus,
        report: Callback::new(move |report| inner.report(report)),
        toggle: Callback::new(move |()| inner.toggle()),
    };
    provide_context(alerts);
    alerts
}
