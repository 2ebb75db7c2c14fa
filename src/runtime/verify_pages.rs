//! A project's full verification results (`ListProjectFullVerifyResult`),
//! page after page in one job.

use super::on_demand::Job;
use super::request::{fetch_text, Call};
use super::slots::Lane;
use oms_progress_core::wire::{classify_verify, verify_request, VerifyResult};
use std::rc::Rc;

/// The job that reads `project_id`'s results; `template` says how (its url
/// and body are replaced). Every page when `whole()` says so as the job
/// starts, else the first alone (its total of differing rows is the
/// verdict; the list then says it is partial). A page after the first that
/// fails ends the list, marked cut short.
pub(crate) fn verify_job(
    base_url: String,
    project_id: String,
    template: Call,
    whole: impl Fn() -> bool + 'static,
) -> Job<VerifyResult> {
    Rc::new(move |controller| {
        let (base_url, project_id, template) =
            (base_url.clone(), project_id.clone(), template.clone());
        let last = if whole() { u32::MAX } else { 1 };
        Box::pin(async move {
            let mut result = VerifyResult::default();
            let mut page = 1;
            loop {
                let request = verify_request(&project_id, page);
                let call = Call {
                    url: format!("{}{}", base_url.trim_end_matches('/'), request.path),
                    body: request.body,
                    ..template.clone()
                };
                let answer = fetch_text(&call, Some(&controller), Lane::Detail)
                    .await
                    .and_then(|(status, body, _)| {
                        classify_verify(status, &body).map_err(|e| e.at(&call.url))
                    });
                match answer {
                    Ok(read) => match result.add(read, page) {
                        Some(next) if next <= last => page = next,
                        _ => return Ok(result),
                    },
                    Err(error) if page == 1 => return Err(error),
                    Err(error) => {
                        result.cut_short = Some(error);
                        return Ok(result);
                    }
                }
            }
        })
    })
}
