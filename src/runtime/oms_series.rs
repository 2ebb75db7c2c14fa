//! OMS's own series of a project over a range (`DescribeProjectStepMetric`),
//! asked series by series, and the page's memory of the OMS deployments that
//! do not serve them: an OMS without the action (3.x, 4.0) or one that
//! refuses the window is not asked again while the page lives.

use super::on_demand::Job;
use super::request::{fetch_text, Call};
use super::slots::Lane;
use oms_progress_core::model::{OmsSeries, Range};
use oms_progress_core::wire::{classify_metric, lacks_action, metric_request, FetchError, Point};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// Base URLs whose OMS has no history to give, with what it answered:
    /// one entry an OMS, so a list (std's map brought a hasher and a
    /// second copy of the hash table's code into the wasm).
    static LACKING: RefCell<Vec<(String, FetchError)>> = RefCell::default();
}

/// What the OMS at `base_url` answered when it said it has no history to give.
fn lacking_answer(base_url: &str) -> Option<FetchError> {
    LACKING.with(|l| {
        let l = l.borrow();
        l.iter()
            .find(|(url, _)| url == base_url)
            .map(|(_, e)| e.clone())
    })
}

/// Whether the OMS at `base_url` said it has no history to give.
pub(crate) fn lacks_history(base_url: &str) -> bool {
    lacking_answer(base_url).is_some()
}

/// What to ask OMS for.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SeriesAsk {
    /// Where OMS is, as the widget's `base-url`.
    pub base_url: String,
    /// The project.
    pub project_id: String,
    /// How each request is made (its url and body are replaced).
    pub template: Call,
    /// The range.
    pub range: Range,
    /// The window's end: OMS's now, unix seconds.
    pub end_secs: i64,
    /// The reverse incremental step runs too.
    pub reverse: bool,
    /// The full-data step runs.
    pub full: bool,
}

/// The job that reads the series `ask()` names when it runs: the forward
/// `DELAY` first (its failure is the job's), then the others (a failure
/// leaves that series empty). An error that says OMS lacks the action is
/// remembered for the base URL; later jobs then send nothing.
pub(crate) fn series_job(ask: impl Fn() -> SeriesAsk + 'static) -> Job<OmsSeries> {
    Rc::new(move |controller| {
        let ask = ask();
        Box::pin(async move {
            // Its answer, remembered: another widget asked this OMS already.
            if let Some(answer) = lacking_answer(&ask.base_url) {
                return Err(answer);
            }
            let get = |step: &'static str, metric: &'static str| {
                let request = metric_request(
                    &ask.project_id,
                    step,
                    metric,
                    ask.end_secs,
                    ask.range.secs(),
                );
                let call = Call {
                    url: format!("{}{}", ask.base_url.trim_end_matches('/'), request.path),
                    body: request.body,
                    ..ask.template.clone()
                };
                let controller = controller.clone();
                async move {
                    fetch_text(&call, Some(&controller), Lane::Detail)
                        .await
                        .and_then(|(status, body, _)| {
                            classify_metric(status, &body).map_err(|e| e.at(&call.url))
                        })
                }
            };
            let lag = match get("INCR_TRANSFER", "DELAY").await {
                Ok(points) => points,
                Err(error) => {
                    if lacks_action(&error) && !lacks_history(&ask.base_url) {
                        let lacking = (ask.base_url.clone(), error.clone());
                        LACKING.with(|l| l.borrow_mut().push(lacking));
                    }
                    return Err(error);
                }
            };
            let optional = |wanted: bool, step, metric| {
                let fetched = wanted.then(|| get(step, metric));
                async move {
                    match fetched {
                        Some(f) => f.await.unwrap_or_default(),
                        None => Vec::<Point>::new(),
                    }
                }
            };
            Ok(OmsSeries {
                range: ask.range,
                lag,
                incr_rps: optional(true, "INCR_TRANSFER", "RPS").await,
                reverse_lag: optional(ask.reverse, "REVERSE_INCR_TRANSFER", "DELAY").await,
                full_rps: optional(ask.full, "FULL_TRANSFER", "RPS").await,
            })
        })
    })
}
