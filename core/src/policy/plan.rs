//! When to ask an OMS 4.x project's step plan again, besides at open and
//! whenever its status or current step changes (which every widget asks
//! on): the plan moves by itself only while a step runs toward an end, and
//! a switch-over's readiness must follow a step that fails or pauses while
//! the plan waits at it. (The verification's own bounds, once when it has
//! finished and at most once a minute while it runs, are the hook's.)

use crate::model::{is_full_verify_step, is_switch_step, plan_running, verify_running, StepStatus};
use crate::wire::{FetchError, WireStep};

/// The plan is asked again by itself at most this often: while a step
/// runs toward an end (a step that ends moves the current step, which
/// asks at once), while it waits at its switch-over step, or after the
/// last ask failed (one that may pass is asked again sooner, when the
/// poll's backoff is over).
pub const PLAN_PERIOD_MS: i64 = 180_000;
/// … and this often while the full verification runs: OMS runs it beside
/// the incremental sync, so its end moves no current step, and only the
/// plan tells that it finished (its verdict, readiness).
pub const PLAN_VERIFY_MS: i64 = 60_000;

/// How often to ask the plan again after `answer` (its latest, `None`
/// before the first), when nothing else moved it; `None`: not again until
/// the status or the current step changes.
pub fn plan_period_ms(answer: Option<&Result<Vec<WireStep>, FetchError>>) -> Option<i64> {
    let steps = match answer? {
        Err(_) => return Some(PLAN_PERIOD_MS),
        Ok(steps) => steps,
    };
    let status = |s: &WireStep| StepStatus::parse(s.status.as_deref().unwrap_or(""));
    // OMS holds a switch-over RUNNING at 0 % while it waits for the
    // operator: that is waiting, not a step running toward an end.
    let waits = |s: &WireStep| {
        is_switch_step(s)
            && match status(s) {
                StepStatus::Finished => false,
                StepStatus::Running => s.progress.as_ref().is_some_and(|p| p.value == 0),
                _ => true,
            }
    };
    if steps
        .iter()
        .any(|s| is_full_verify_step(s) && verify_running(s))
    {
        return Some(PLAN_VERIFY_MS);
    }
    let moving: Vec<WireStep> = steps.iter().filter(|s| !waits(s)).cloned().collect();
    (plan_running(&moving) || steps.iter().any(waits)).then_some(PLAN_PERIOD_MS)
}

/// The period's number at `now_ms` for a project whose own point in the
/// period is `phase_ms` ([`super::phase_of`]): it moves once a period, at
/// the project's own second, so that a page of widgets does not ask in the
/// same second. A hook asks again when it moves.
pub fn plan_tick(now_ms: i64, phase_ms: i64, period_ms: i64) -> i64 {
    now_ms.saturating_add(phase_ms).div_euclid(period_ms.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(name: &str, status: &str, progress: u8) -> WireStep {
        WireStep::at(name, status, progress)
    }

    #[test]
    fn a_plan_is_asked_every_three_minutes_while_it_moves_or_waits() {
        let period = |steps: Vec<WireStep>| plan_period_ms(Some(&Ok(steps)));
        assert_eq!(plan_period_ms(None), None, "asked at open by the hook");
        assert_eq!(
            plan_period_ms(Some(&Err(FetchError::Timeout))),
            Some(PLAN_PERIOD_MS)
        );
        let incr = step("INCR_TRANSFER", "MONITORING", 100);
        assert_eq!(
            period(vec![step("FULL_TRANSFER", "RUNNING", 40), incr.clone()]),
            Some(PLAN_PERIOD_MS)
        );
        assert_eq!(period(vec![incr.clone()]), None, "nothing moves by itself");
        // A running verification's end moves no current step.
        let verifying = |progress| {
            period(vec![
                incr.clone(),
                step("FULL_VERIFIER", "RUNNING", progress),
            ])
        };
        assert_eq!(verifying(40), Some(PLAN_VERIFY_MS));
        assert_eq!(
            verifying(100),
            None,
            "finished: OMS leaves it RUNNING at 100 %"
        );
        let at_switch = |status, progress| {
            period(vec![
                incr.clone(),
                step("TRANSFER_APP_SWITCH", status, progress),
            ])
        };
        assert_eq!(at_switch("INIT", 0), Some(PLAN_PERIOD_MS));
        assert_eq!(
            at_switch("RUNNING", 0),
            Some(PLAN_PERIOD_MS),
            "waiting to be confirmed"
        );
        assert_eq!(at_switch("RUNNING", 40), Some(PLAN_PERIOD_MS), "switching");
        assert_eq!(at_switch("FAILED", 0), Some(PLAN_PERIOD_MS));
        assert_eq!(at_switch("FINISHED", 100), None);
    }

    #[test]
    fn the_tick_moves_once_a_period_at_the_projects_own_point() {
        let ticks: Vec<i64> = (0..6)
            .map(|m| plan_tick(m * 60_000, 60_000, PLAN_PERIOD_MS))
            .collect();
        assert_eq!(ticks, [0, 0, 1, 1, 1, 2]);
        assert_eq!(plan_tick(i64::MAX, i64::MAX, 0), i64::MAX);
    }
}
