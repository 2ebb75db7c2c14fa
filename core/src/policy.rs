//! The polling policy and what the widget knows after each poll.

mod plan;

pub use plan::{plan_period_ms, plan_tick, PLAN_PERIOD_MS, PLAN_VERIFY_MS};

use crate::decimal::duration_from_secs;
use crate::model::{PollState, StopReason};
use crate::wire::{FetchError, Progress, ProjectList, Status};
use std::time::Duration;

/// How often and how patiently to poll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PollOptions {
    /// Time between polls while all is well. Default 5 s; never below 1 s.
    pub interval: Duration,
    /// Each request is aborted after this. Default 10 s; never below 1 s.
    pub timeout: Duration,
    /// Backoff after failures never waits longer than this. Default 60 s.
    pub max_backoff: Duration,
    /// Data counts as stale after this many intervals without a success. Default 3.
    pub stale_after_intervals: u32,
    /// Interval once a project has FINISHED (it can only be released now). Default 60 s.
    pub finished_interval: Duration,
}

impl Default for PollOptions {
    fn default() -> Self {
        PollOptions {
            interval: Duration::from_secs(5),
            timeout: Duration::from_secs(10),
            max_backoff: Duration::from_secs(60),
            stale_after_intervals: 3,
            finished_interval: Duration::from_secs(60),
        }
    }
}

/// The shortest interval and timeout allowed: protects OMS from a typo.
pub const MIN_INTERVAL: Duration = Duration::from_secs(1);

impl PollOptions {
    /// The options with every value brought into its allowed range.
    pub fn normalized(self) -> Self {
        let interval = self.interval.max(MIN_INTERVAL);
        PollOptions {
            interval,
            timeout: self.timeout.max(MIN_INTERVAL),
            max_backoff: self.max_backoff.max(interval),
            stale_after_intervals: self.stale_after_intervals.max(1),
            finished_interval: self.finished_interval.max(interval),
        }
    }

    /// How long data may go without a successful poll before it is stale.
    pub fn stale_after(&self) -> Duration {
        self.interval.saturating_mul(self.stale_after_intervals)
    }
}

/// What to do after a poll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Ask again after this.
    After(Duration),
    /// Ask no more.
    Stop(StopReason),
}

/// What a poll brings, and when to ask again once it has arrived.
pub trait Answered {
    /// Whether the first wait is spread over the interval (see
    /// [`PollState::record`]).
    const SPREAD: bool = true;
    /// When to ask next, under `opts`.
    fn next_poll(&self, opts: &PollOptions) -> Next;
}

impl Answered for Progress {
    /// A released project stops; a finished one is asked less often.
    fn next_poll(&self, opts: &PollOptions) -> Next {
        match &self.status {
            Some(status) if status.is_terminal() => Next::Stop(StopReason::Terminal),
            Some(Status::Finished) => Next::After(opts.finished_interval),
            _ => Next::After(opts.interval),
        }
    }
}

impl Answered for ProjectList {
    /// Not spread: a board's lists are of different OMS (or of one, behind
    /// a cache), and polled together, on one wave, their answers reach the
    /// board in the same second and are drawn in one frame.
    const SPREAD: bool = false;
    /// A list always has news to bring.
    fn next_poll(&self, opts: &PollOptions) -> Next {
        Next::After(opts.interval)
    }
}

impl<T: Answered> PollState<T> {
    /// Takes in one poll's result at `now_ms` and plans the next.
    /// `random` in [0, 1) spreads retries so many widgets do not retry in step.
    pub fn record(
        &mut self,
        result: Result<T, FetchError>,
        now_ms: i64,
        random: f64,
        opts: &PollOptions,
    ) -> Next {
        let next = match result {
            Ok(answer) => {
                let mut next = answer.next_poll(opts);
                // The first wait is between half and all of the interval:
                // polls that started together (a page of widgets) are spread
                // over the interval from then on, not fired in step forever.
                if let (None, Next::After(d), true) = (self.last_good_at_ms, next, T::SPREAD) {
                    next = Next::After(duration_from_secs(
                        d.as_secs_f64() * (0.5 + 0.5 * unit(random)),
                    ));
                }
                // Current until the planned poll is overdue by the grace
                // every poll has (the intervals of `stale_after` beyond one).
                let grace = opts.stale_after().saturating_sub(opts.interval);
                self.fresh_for_ms = match next {
                    Next::After(d) => Some(d.saturating_add(grace).as_millis() as i64),
                    Next::Stop(_) => None,
                };
                self.last_good = Some(answer);
                self.last_good_at_ms = Some(now_ms);
                self.error = None;
                self.consecutive_failures = 0;
                next
            }
            Err(error) => {
                let auth = matches!(error, FetchError::Auth { .. });
                self.error = Some(error);
                self.consecutive_failures = self.consecutive_failures.saturating_add(1);
                if auth {
                    Next::Stop(StopReason::Auth)
                } else {
                    Next::After(backoff(self.consecutive_failures, random, opts))
                }
            }
        };
        match next {
            Next::After(d) => {
                self.stopped = None;
                self.next_poll_at_ms = Some(now_ms.saturating_add(d.as_millis() as i64));
            }
            Next::Stop(reason) => {
                self.stopped = Some(reason);
                self.next_poll_at_ms = None;
            }
        }
        next
    }
}

impl<T: Answered> PollState<T> {
    /// [`record`](Self::record) for a poll that started at `started_ms`:
    /// after an answer, the next poll is due an interval after this one
    /// started, not after its answer, so polls started together stay
    /// together whatever each answer takes (a board's lists, of different
    /// OMS, reach the board in the same second and are drawn in one frame).
    /// Never sooner than half the interval after the answer: a slow OMS is
    /// not asked back to back. A failure's backoff counts from the failure.
    pub fn record_from_start(
        &mut self,
        result: Result<T, FetchError>,
        (started_ms, now_ms): (i64, i64),
        random: f64,
        opts: &PollOptions,
    ) -> Next {
        let next = self.record(result, now_ms, random, opts);
        match next {
            Next::After(d) if self.error.is_none() => {
                let took = Duration::from_millis(now_ms.saturating_sub(started_ms).max(0) as u64);
                let wait = d.saturating_sub(took).max(d / 2);
                self.next_poll_at_ms = Some(now_ms.saturating_add(wait.as_millis() as i64));
                Next::After(wait)
            }
            _ => next,
        }
    }
}

impl<T: Answered + PartialEq> PollState<T> {
    /// [`record`](Self::record), and whether the poll changed what is known
    /// (the data, the error, a stop) rather than only confirming it, when
    /// only the times moved. A failure always counts as news.
    pub fn record_news(
        &mut self,
        result: Result<T, FetchError>,
        now_ms: i64,
        random: f64,
        opts: &PollOptions,
    ) -> (Next, bool) {
        let confirmed = self.error.is_none()
            && matches!((&result, &self.last_good), (Ok(new), Some(old)) if new == old);
        let stopped = self.stopped;
        let next = self.record(result, now_ms, random, opts);
        (next, !(confirmed && self.stopped == stopped))
    }
}

/// Exponential backoff with "equal jitter": the n-th failure in a row waits
/// between half and all of `interval × 2^n`, capped at `max_backoff`.
pub fn backoff(failures: u32, random: f64, opts: &PollOptions) -> Duration {
    let exp = opts.interval.saturating_mul(1u32 << failures.min(20));
    let capped_ms = exp.min(opts.max_backoff).as_millis().min(u64::MAX as u128) as u64;
    // Float to integer casts saturate, so absurd options cannot panic here.
    Duration::from_millis((capped_ms as f64 * (0.5 + 0.5 * unit(random))) as u64)
}

/// The page's polls are timed to this grid of wall-clock time.
pub const WAVE: Duration = Duration::from_millis(250);

/// `delay` from `now_ms` moved (by at most half a [`WAVE`], so the interval
/// holds on average) to end on the grid, so that the polls of a page's
/// widgets, spread over the interval, go out a few at a time, one after
/// another, instead of each on its own: measured for the hand-written
/// reference, 100 polls at 5 s cost 2.0 ms of main thread a poll each on
/// its own, 1.3–1.6 ms in waves of 250 ms.
pub fn on_wave(now_ms: i64, delay: Duration) -> Duration {
    let wave = WAVE.as_millis() as i64;
    let delay_ms = delay.as_millis().min(i64::MAX as u128) as i64;
    let late = now_ms.saturating_add(delay_ms).rem_euclid(wave);
    let wait = if late < wave / 2 {
        delay_ms - late
    } else {
        delay_ms.saturating_add(wave - late)
    };
    Duration::from_millis(wait.max(0) as u64)
}

/// `random` brought into [0, 1] (0.5 when it is not a number).
fn unit(random: f64) -> f64 {
    if random.is_finite() {
        random.clamp(0.0, 1.0)
    } else {
        0.5
    }
}

/// A point in `period_ms` of the key's own (a hash of its bytes), so that
/// refreshes of many keys on a period spread over it instead of falling
/// together: ids that differ in their last character land far apart.
pub fn phase_of(key: &str, period_ms: i64) -> i64 {
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    // FNV's low bits mix poorly; a finalising step (MurmurHash3's) fixes that.
    let mixed = (hash ^ (hash >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    ((mixed ^ (mixed >> 33)) % period_ms.max(1) as u64) as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::OmsError;

    const S: Duration = Duration::from_secs(1);

    fn running() -> Progress {
        Progress {
            status: Some(Status::Running),
            ..Progress::default()
        }
    }

    #[test]
    fn waits_end_on_the_nearest_wave_and_move_by_half_a_wave_at_most() {
        let wave = WAVE.as_millis() as i64;
        for now in [0, 1, 124, 125, 249, 250, 1_764_000_000_123, -7] {
            for delay_ms in [1_000i64, 3_000, 4_999, 5_000, 5_001, 5_124, 5_125] {
                let delay = Duration::from_millis(delay_ms as u64);
                let wait = on_wave(now, delay).as_millis() as i64;
                assert_eq!(
                    (now + wait).rem_euclid(wave),
                    0,
                    "{now} + {delay_ms} ms ends on the grid"
                );
                assert!(
                    (wait - delay_ms).abs() <= wave / 2,
                    "{now} + {delay_ms} ms: {wait} ms"
                );
            }
        }
        assert_eq!(
            on_wave(1_000, 5 * S),
            5 * S,
            "already on the grid: unchanged"
        );
        assert_eq!(on_wave(1_200, 5 * S), Duration::from_millis(5_050), "later");
        assert_eq!(
            on_wave(1_010, 5 * S),
            Duration::from_millis(4_990),
            "sooner"
        );
        assert_eq!(
            on_wave(1_010, Duration::ZERO),
            Duration::ZERO,
            "never below nothing"
        );
        // Absurd waits cannot overflow (setTimeout caps them anyway).
        assert!(on_wave(i64::MAX - 10, Duration::MAX) > Duration::from_secs(1 << 40));
        assert!(on_wave(i64::MIN, Duration::MAX) > Duration::from_secs(1 << 40));
    }

    #[test]
    fn options_are_brought_into_range() {
        let o = PollOptions {
            interval: Duration::from_millis(10),
            timeout: Duration::ZERO,
            ..PollOptions::default()
        }
        .normalized();
        assert_eq!((o.interval, o.timeout), (S, S));
        assert_eq!(PollOptions::default().stale_after(), 15 * S);
    }

    #[test]
    fn backoff_grows_is_capped_has_jitter_and_resets_on_success() {
        let opts = PollOptions::default();
        let mut st = PollState::default();
        let fail = || Err(FetchError::Timeout);
        let delays: Vec<Next> = (0..6).map(|_| st.record(fail(), 0, 1.0, &opts)).collect();
        assert_eq!(delays, [10, 20, 40, 60, 60, 60].map(|s| Next::After(s * S)));
        assert_eq!(
            st.record(fail(), 0, 0.0, &opts),
            Next::After(30 * S),
            "jitter halves at most"
        );
        assert_eq!(
            st.record(Ok(running()), 1_000, 0.2, &opts),
            Next::After(3 * S),
            "the first wait is spread over the interval's second half"
        );
        assert_eq!(st.consecutive_failures, 0);
        assert_eq!(st.error, None);
        assert_eq!(st.next_poll_at_ms, Some(4_000));
        assert_eq!(
            st.record(Ok(running()), 4_000, 0.2, &opts),
            Next::After(5 * S),
            "then the interval itself"
        );
        assert_eq!(
            st.record(fail(), 0, 1.0, &opts),
            Next::After(10 * S),
            "reset after success"
        );
    }

    #[test]
    fn a_list_s_first_wait_is_the_interval_so_a_board_s_lists_stay_together() {
        let opts = PollOptions::default();
        for random in [0.0, 0.2, 0.99] {
            let mut st = PollState::<ProjectList>::default();
            assert_eq!(
                st.record(Ok(ProjectList::default()), 1_000, random, &opts),
                Next::After(5 * S)
            );
        }
        let mut st = PollState::<ProjectList>::default();
        assert_eq!(
            st.record(Err(FetchError::Timeout), 0, 0.0, &opts),
            Next::After(5 * S),
            "retries keep their jitter"
        );
    }

    #[test]
    fn a_poll_from_its_start_keeps_the_interval_whatever_the_answer_takes() {
        let opts = PollOptions::default();
        let mut st = PollState::<ProjectList>::default();
        let ok = || Ok(ProjectList::default());
        assert_eq!(
            st.record_from_start(ok(), (1_000, 1_400), 0.3, &opts),
            Next::After(Duration::from_millis(4_600))
        );
        assert_eq!(
            st.next_poll_at_ms,
            Some(6_000),
            "an interval after it started"
        );
        assert_eq!(st.last_good_at_ms, Some(1_400), "fresh as of its answer");
        assert_eq!(
            st.record_from_start(ok(), (6_000, 10_000), 0.3, &opts),
            Next::After(Duration::from_millis(2_500)),
            "a slow answer: half the interval, not back to back"
        );
        assert_eq!(
            st.record_from_start(Err(FetchError::Timeout), (12_500, 17_500), 1.0, &opts),
            Next::After(10 * S),
            "a failure's backoff counts from the failure"
        );
    }

    #[test]
    fn auth_errors_and_released_projects_stop_polling() {
        let opts = PollOptions::default();
        let mut st = PollState::default();
        let auth = FetchError::Auth {
            status: 401,
            oms: OmsError::default(),
        };
        assert_eq!(
            st.record(Err(auth), 0, 0.5, &opts),
            Next::Stop(StopReason::Auth)
        );
        assert_eq!(st.next_poll_at_ms, None);
        for status in ["RELEASED", "deleted"] {
            let p = Progress {
                status: Status::parse(status),
                ..Progress::default()
            };
            assert_eq!(
                st.record(Ok(p), 0, 0.5, &opts),
                Next::Stop(StopReason::Terminal)
            );
        }
        let p = Progress {
            status: Some(Status::Finished),
            ..Progress::default()
        };
        assert_eq!(st.record(Ok(p), 0, 0.5, &opts), Next::After(60 * S));
        assert_eq!(st.stopped, None);
    }

    #[test]
    fn a_finished_project_is_current_until_its_slower_poll_is_overdue() {
        let opts = PollOptions::default().normalized();
        let mut st = PollState::default();
        let finished = Progress {
            status: Some(Status::Finished),
            ..Progress::default()
        };
        assert_eq!(
            st.record(Ok(finished.clone()), 0, 0.99, &opts),
            Next::After(opts.finished_interval.mul_f64(0.995))
        );
        // Asked again once a minute: current all that minute, and the
        // grace of every poll (two intervals) beyond.
        st.record(Ok(finished), 100_000, 0.5, &opts);
        assert_eq!(st.next_poll_at_ms, Some(160_000));
        for now in [115_001, 130_000, 159_000, 170_000] {
            assert!(!st.is_stale(now, opts.stale_after()), "{now}");
        }
        assert!(st.is_stale(170_001, opts.stale_after()));
        // Running again: the usual three intervals.
        let running = Progress {
            status: Some(Status::Running),
            ..Progress::default()
        };
        st.record(Ok(running), 200_000, 0.5, &opts);
        assert!(!st.is_stale(215_000, opts.stale_after()));
        assert!(st.is_stale(215_001, opts.stale_after()));
    }

    #[test]
    fn data_goes_stale_after_three_intervals_without_success() {
        let opts = PollOptions::default();
        let mut st = PollState::default();
        assert!(
            !st.is_stale(1_000_000, opts.stale_after()),
            "no data is loading, not stale"
        );
        st.record(Ok(running()), 0, 0.5, &opts);
        st.record(Err(FetchError::Timeout), 5_000, 0.5, &opts);
        assert!(!st.is_stale(15_000, opts.stale_after()));
        assert!(st.is_stale(15_001, opts.stale_after()));
        assert!(
            st.last_good.is_some(),
            "the last good data is kept through failures"
        );
    }

    #[test]
    fn only_a_poll_that_changes_what_is_known_is_news() {
        let opts = PollOptions::default();
        let mut st = PollState::default();
        let news = |st: &mut PollState, r, at| st.record_news(r, at, 0.5, &opts).1;
        assert!(news(&mut st, Ok(running()), 0), "the first data");
        assert!(!news(&mut st, Ok(running()), 5_000), "the same again");
        assert_eq!(st.last_good_at_ms, Some(5_000), "its times still move");
        let paused = Progress {
            status: Some(Status::Suspend),
            ..Progress::default()
        };
        assert!(news(&mut st, Ok(paused.clone()), 10_000), "new data");
        assert!(news(&mut st, Err(FetchError::Timeout), 15_000), "a failure");
        assert!(news(&mut st, Err(FetchError::Timeout), 20_000), "and again");
        assert!(
            news(&mut st, Ok(paused.clone()), 25_000),
            "the same data after a failure clears the error"
        );
        let auth = FetchError::Auth {
            status: 401,
            oms: OmsError::default(),
        };
        assert!(news(&mut st, Err(auth), 30_000), "a stop");
        assert!(
            news(&mut st, Ok(paused), 35_000),
            "the same data again ends the stop"
        );
    }

    #[test]
    fn phases_of_similar_ids_spread_over_the_period() {
        let period = 360_000;
        let mut phases: Vec<i64> = (0..100)
            .map(|i| phase_of(&format!("np_bench_{i}"), period))
            .collect();
        phases.sort_unstable();
        assert!(phases.iter().all(|p| (0..period).contains(p)));
        // 100 phases over 6 min: no gap near the whole period, both halves used.
        let widest = phases.windows(2).map(|w| w[1] - w[0]).max().unwrap();
        assert!(widest < period / 10, "widest gap {widest} ms");
        assert!(phases.iter().filter(|p| **p < period / 2).count() > 30);
        assert_eq!(phase_of("np_1", period), phase_of("np_1", period));
    }
}
