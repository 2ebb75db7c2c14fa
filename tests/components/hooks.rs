//! The public hooks as an app calls them, with inputs that change: the
//! test runner's own server has no OMS API, so every request is a real
//! fetch answered 404, which is enough to see what is asked, and when.

use crate::support::*;
use leptos::prelude::*;
use oms_progress::prelude::*;
use std::time::Duration;
use wasm_bindgen_test::*;

fn fast() -> PollOptions {
    PollOptions {
        interval: Duration::from_secs(1),
        max_backoff: Duration::from_secs(1),
        ..PollOptions::default()
    }
}

#[wasm_bindgen_test]
async fn use_oms_progress_follows_its_project_and_stops_the_old_poll() {
    let project = RwSignal::new(String::from("np_hook_a"));
    let seen = RwSignal::new(None::<UseOmsProgressReturn>);
    mount(move || {
        let progress = use_oms_progress_with_options(
            project,
            UseOmsProgressOptions {
                poll: fast(),
                ..Default::default()
            },
        );
        seen.set(Some(progress));
    });
    assert!(
        until(5_000.0, || requests_to("/np_hook_a/") >= 2).await,
        "polls the first project"
    );
    let progress = seen.get_untracked().unwrap();
    assert!(
        until(5_000.0, || progress
            .state
            .with_untracked(|s| s.error.is_some()))
        .await,
        "its failure reaches the state"
    );
    project.set("np_hook_b".into());
    assert!(
        until(5_000.0, || requests_to("/np_hook_b/") >= 2).await,
        "polls the new one"
    );
    let left = requests_to("/np_hook_a/");
    // Absence takes time to show: three intervals with no request.
    gloo_timers::future::TimeoutFuture::new(3_000).await;
    assert_eq!(
        requests_to("/np_hook_a/"),
        left,
        "the project left is not polled"
    );
    assert_eq!(progress.problem.get_untracked(), None);
    // No id: nothing polled, and the hook says why.
    project.set(String::new());
    settle().await;
    let problem = progress.problem.get_untracked().expect("a problem");
    assert_eq!(problem.option, "projectId");
    assert_eq!(progress.state.with_untracked(|s| s.error.clone()), None);
    // A poll sent just before shows in the resource timing only when its
    // answer ends: let it land before counting.
    gloo_timers::future::TimeoutFuture::new(500).await;
    let stopped = requests_to("/np_hook_b/");
    // A measurement window: two of the hook's 1 s polls would land in it.
    gloo_timers::future::TimeoutFuture::new(2_000).await;
    assert_eq!(
        requests_to("/np_hook_b/"),
        stopped,
        "nothing polled without an id"
    );
}

#[wasm_bindgen_test]
async fn use_oms_steps_asks_for_the_project_when_wanted_and_again_for_a_new_one() {
    let project = RwSignal::new(String::from("np_steps_a"));
    let wanted = RwSignal::new(false);
    let seen = RwSignal::new(None::<UseOmsStepsReturn>);
    mount(move || {
        let steps = use_oms_steps_with_options(
            project,
            UseOmsAskOptions {
                wanted: wanted.into(),
                base_url: Signal::stored("/oms-steps".to_owned()),
                ..Default::default()
            },
        );
        seen.set(Some(steps));
    });
    let steps = seen.get_untracked().unwrap();
    let asked = || requests_to("/oms-steps/api/v2?Action=DescribeProjectSteps");
    // A measurement window: an ask made at once would have gone out in it.
    gloo_timers::future::TimeoutFuture::new(500).await;
    assert_eq!(asked(), 0, "not asked while not wanted");
    wanted.set(true);
    assert!(until(5_000.0, || steps.error.with_untracked(Option::is_some)).await);
    assert_eq!(asked(), 1);
    assert_eq!(steps.value.get_untracked(), None, "no plan from a refusal");
    assert!(steps.at_ms.get_untracked().is_some());
    project.set("np_steps_b".into());
    assert!(
        until(5_000.0, || asked() == 2).await,
        "asked again for the new project"
    );
    project.set("..".into());
    settle().await;
    assert_eq!(
        steps.problem.get_untracked().map(|p| p.option),
        Some("projectId".into())
    );
    assert_eq!(
        steps.error.get_untracked(),
        None,
        "the last project's error went with it"
    );
}
