//! What happened when: the plan's step starts, finishes and failures and
//! the status changes this browser saw, placed on the lag chart's time
//! axis. Marks close together share a place and a tooltip, so 20 of them
//! on an hour's chart stay readable.

use super::chart_axis::Axis;
use super::checkpoint::utc_text_secs;
use super::steps::StepStatus;
use crate::i18n::{self, Lang};
use crate::wire::{Status, WireStep};

/// Marks this many of the chart's units or fewer from a place's first
/// mark's unit join it: on an hour's chart (30 s a unit) those 90 s to
/// just under 2 min after it, by where they fall in their units.
pub const JOIN_UNITS: i64 = 3;

/// What a mark says happened (`data-event`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A step started.
    StepStart,
    /// A step finished.
    StepFinish,
    /// A step failed.
    StepFailed,
    /// The project's status changed, as this browser saw it.
    Status,
}

impl MarkKind {
    /// Its `data-event`.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkKind::StepStart => "step-start",
            MarkKind::StepFinish => "step-finish",
            MarkKind::StepFailed => "step-failed",
            MarkKind::Status => "status",
        }
    }
}

/// One event on the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// What happened.
    pub kind: MarkKind,
    /// The step's name as OMS sent it, or the new status's code.
    pub name: String,
    /// When (ms since the epoch, OMS's clock, like the chart's points).
    pub at_ms: i64,
    /// Where it is drawn, in the chart's units from its left edge: its
    /// place's, which the marks close together share.
    pub x: i64,
    /// Its own line: "Full verification finished …".
    pub line: String,
    /// Its place's tooltip: the lines of every mark there, one a line.
    pub tooltip: String,
}

/// The marks inside `axis` of the plan's `steps` and the status
/// `changes`, placed and joined: the places oldest first, and at each its
/// failures last (drawn on top); `time` writes a unix time for people.
pub fn chart_marks(
    steps: &[WireStep],
    changes: &[(i64, Status)],
    axis: Axis,
    lang: Lang,
    time: &dyn Fn(i64) -> String,
) -> Vec<Mark> {
    // Kept in time order by inserting each where it belongs: a sort's
    // code costs more than the insertion's for the few marks there are.
    let mut marks: Vec<Mark> = Vec::new();
    let mut add = |kind: MarkKind, name: &str, what: &str, at_ms: i64| {
        let Some(x) = axis.x(at_ms) else { return };
        let line = i18n::mark_line(lang, kind.as_str(), what, &time(at_ms.div_euclid(1000)));
        let at = marks.partition_point(|m| m.at_ms <= at_ms);
        let mark = Mark {
            kind,
            name: name.to_owned(),
            at_ms,
            x,
            line,
            tooltip: String::new(),
        };
        marks.insert(at, mark);
    };
    for step in steps {
        let name = step.name.as_deref().unwrap_or("");
        let what = match (i18n::step_label(name, lang), step.order) {
            (Some(label), _) => label.to_owned(),
            (None, _) if !name.trim().is_empty() => name.to_owned(),
            (None, Some(order)) => format!("#{order}"),
            (None, None) => "?".to_owned(),
        };
        let ms = |text: &Option<String>| Some(utc_text_secs(text.as_deref()?)? * 1000);
        let failed = StepStatus::parse(step.status.as_deref().unwrap_or("")) == StepStatus::Failed;
        if let Some(at) = ms(&step.start_time) {
            add(MarkKind::StepStart, name, &what, at);
        }
        // OMS leaves the finish time of a failed step as it was; its
        // failure is marked at `failedTime`, or at that finish without one.
        match (ms(&step.failed_time), ms(&step.finish_time), failed) {
            (Some(at), finish, _) => {
                add(MarkKind::StepFailed, name, &what, at);
                if let (Some(done), false) = (finish, failed) {
                    add(MarkKind::StepFinish, name, &what, done);
                }
            }
            (None, Some(at), true) => add(MarkKind::StepFailed, name, &what, at),
            (None, Some(at), false) => add(MarkKind::StepFinish, name, &what, at),
            (None, None, _) => {}
        }
    }
    for (at, status) in changes {
        let label = i18n::status_label(status, lang).unwrap_or(status.code());
        add(MarkKind::Status, status.code(), label, *at);
    }
    // Places: a mark within JOIN_UNITS of a place's first joins it.
    let mut first = 0;
    for i in 0..marks.len() {
        if marks[i].x - marks[first].x > JOIN_UNITS {
            share(&mut marks[first..i]);
            first = i;
        }
    }
    share(&mut marks[first..]);
    marks
}

/// Gives the marks of one place its first mark's `x` and their lines, in
/// time order, as the tooltip of each; then puts a failure last, and a
/// finish after the rest, as each is drawn over the one before it: a
/// failure at a place is never hidden under another mark.
fn share(place: &mut [Mark]) {
    let Some(x) = place.first().map(|m| m.x) else {
        return;
    };
    let mut tooltip = String::new();
    for mark in place.iter() {
        if !tooltip.is_empty() {
            tooltip.push('\n');
        }
        tooltip.push_str(&mark.line);
    }
    for mark in place.iter_mut() {
        mark.x = x;
        mark.tooltip.clone_from(&tooltip);
    }
    // A few marks a place: adjacent swaps keep the order of equals, in
    // less code than a sort.
    for _ in 0..place.len() {
        for i in 1..place.len() {
            if place[i - 1].drawn_over() > place[i].drawn_over() {
                place.swap(i - 1, i);
            }
        }
    }
}

impl Mark {
    /// How far up its place the mark is drawn: a failure (a failed step or
    /// the status FAILED) over a finish, a finish over the rest.
    fn drawn_over(&self) -> u8 {
        match (self.kind, self.name.as_str()) {
            (MarkKind::StepFailed, _) | (MarkKind::Status, "FAILED") => 2,
            (MarkKind::StepFinish, _) => 1,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{utc_time, SPARK_WIDTH};

    const T0: i64 = 1_700_000_000_000;
    const HOUR: Axis = Axis {
        last_ms: T0,
        range_ms: 3_600_000,
    };

    fn text(ms: i64) -> Option<String> {
        // OMS's step times: UTC without a zone.
        Some(utc_time(ms / 1000).replace(" UTC", "").replace(' ', "T"))
    }

    fn step(order: i64, name: &str, status: &str, times: [Option<i64>; 3]) -> WireStep {
        WireStep {
            order: Some(order),
            name: Some(name.into()),
            status: Some(status.into()),
            start_time: times[0].and_then(text),
            finish_time: times[1].and_then(text),
            failed_time: times[2].and_then(text),
            ..WireStep::default()
        }
    }

    fn marks(steps: &[WireStep], changes: &[(i64, Status)], lang: Lang) -> Vec<Mark> {
        chart_marks(steps, changes, HOUR, lang, &|secs| utc_time(secs))
    }

    fn kinds(marks: &[Mark]) -> Vec<(&str, &str, i64)> {
        marks
            .iter()
            .map(|m| (m.kind.as_str(), m.name.as_str(), m.at_ms))
            .collect()
    }

    #[test]
    fn starts_finishes_and_failures_inside_the_range_in_time_order() {
        let steps = [
            step(
                1,
                "FULL_TRANSFER",
                "FINISHED",
                [Some(T0 - 7_200_000), Some(T0 - 1_800_000), None],
            ),
            step(
                2,
                "FULL_VERIFIER",
                "RUNNING",
                [Some(T0 - 1_700_000), Some(T0 - 600_000), None],
            ),
            step(
                3,
                "INCR_TRANSFER",
                "FAILED",
                [Some(T0 - 1_750_000), None, Some(T0 - 60_000)],
            ),
        ];
        let places = marks(&steps, &[], Lang::En);
        assert_eq!(
            kinds(&places),
            [
                // One place: the finish drawn over the start.
                ("step-start", "INCR_TRANSFER", T0 - 1_750_000),
                ("step-finish", "FULL_TRANSFER", T0 - 1_800_000),
                ("step-start", "FULL_VERIFIER", T0 - 1_700_000),
                ("step-finish", "FULL_VERIFIER", T0 - 600_000),
                ("step-failed", "INCR_TRANSFER", T0 - 60_000),
            ],
            "the full copy's start is two hours back, outside the hour"
        );
        assert_eq!(places[0].x, places[1].x);
        assert!(
            places[1].x + JOIN_UNITS < places[2].x,
            "100 s on: a place of its own"
        );
        let verified = places.iter().find(|m| m.at_ms == T0 - 600_000).unwrap();
        assert_eq!(verified.x, SPARK_WIDTH - 20, "30 s a unit on an hour");
        assert_eq!(
            verified.tooltip,
            format!(
                "Full verification finished {}",
                utc_time((T0 - 600_000) / 1000)
            )
        );
    }

    #[test]
    fn marks_close_together_share_a_place_and_a_tooltip() {
        let steps = [
            step(
                1,
                "FULL_TRANSFER",
                "FINISHED",
                [None, Some(T0 - 1_800_000), None],
            ),
            step(
                2,
                "FULL_VERIFIER",
                "RUNNING",
                [Some(T0 - 1_790_000), None, None],
            ),
        ];
        let changes = [(T0 - 1_680_000, Status::Suspend)];
        let places = marks(&steps, &changes, Lang::En);
        assert_eq!(places.len(), 3, "{places:?}");
        assert_eq!(
            (places[0].x, places[1].x),
            (60, 60),
            "drawn at the first's place"
        );
        assert_eq!(places[0].tooltip, places[1].tooltip);
        assert_eq!(
            places[0].tooltip,
            "Full data transfer finished 2023-11-14 21:43:20 UTC\nFull verification started 2023-11-14 21:43:30 UTC",
            "the place's lines in time order"
        );
        assert_eq!(
            places[0].line, "Full verification started 2023-11-14 21:43:30 UTC",
            "drawn first, under the finish"
        );
        let paused = &places[2];
        assert_eq!(
            (paused.kind, paused.name.as_str(), paused.x),
            (MarkKind::Status, "SUSPEND", 64)
        );
        assert_eq!(paused.tooltip, paused.line);
        assert!(
            paused.line.starts_with("Status → Paused"),
            "{}",
            paused.line
        );
    }

    #[test]
    fn twenty_marks_on_an_hour_stay_apart_enough_to_read() {
        let steps: Vec<WireStep> = (0..20)
            .map(|i| {
                step(
                    i,
                    "INCR_TRANSFER",
                    "RUNNING",
                    [Some(T0 - 3_500_000 + i * 175_000), None, None],
                )
            })
            .collect();
        let places = marks(&steps, &[], Lang::En);
        assert_eq!(places.len(), 20, "about 6 units apart");
        assert!(places.windows(2).all(|w| w[1].x - w[0].x > JOIN_UNITS));
        assert!(places.iter().all(|m| m.tooltip == m.line));
    }

    #[test]
    fn a_resumed_step_keeps_its_failure_and_a_failure_without_a_time_is_at_its_finish() {
        let steps = [
            step(
                1,
                "INCR_TRANSFER",
                "MONITORING",
                [Some(T0 - 900_000), None, Some(T0 - 600_000)],
            ),
            step(
                2,
                "FULL_TRANSFER",
                "FAILED",
                [None, Some(T0 - 300_000), None],
            ),
            step(
                3,
                "FULL_VERIFIER",
                "FINISHED",
                [None, Some(T0 - 120_000), Some(T0 - 200_000)],
            ),
        ];
        assert_eq!(
            kinds(&marks(&steps, &[], Lang::En)),
            [
                ("step-start", "INCR_TRANSFER", T0 - 900_000),
                ("step-failed", "INCR_TRANSFER", T0 - 600_000),
                ("step-failed", "FULL_TRANSFER", T0 - 300_000),
                // One place: its failure drawn over its finish.
                ("step-finish", "FULL_VERIFIER", T0 - 120_000),
                ("step-failed", "FULL_VERIFIER", T0 - 200_000),
            ]
        );
    }

    #[test]
    fn an_unnamed_or_unknown_step_and_a_raw_status_appear_as_sent() {
        let mut unnamed = step(7, "", "FINISHED", [None, Some(T0 - 60_000), None]);
        unnamed.name = None;
        let mut nothing = unnamed.clone();
        nothing.order = None;
        let odd = step(8, "NEW_STEP", "FINISHED", [None, Some(T0 - 30_000), None]);
        let changes = [(T0 - 10_000, Status::Other("WEIRD".into()))];
        let places = chart_marks(
            &[unnamed, nothing, odd],
            &changes,
            HOUR,
            Lang::ZhCn,
            &|_| "t".into(),
        );
        let lines: Vec<&str> = places.iter().map(|m| m.line.as_str()).collect();
        assert_eq!(
            lines,
            ["状态 → WEIRD t", "#7完成 t", "?完成 t", "NEW_STEP完成 t"],
            "one place: the finishes drawn over the status"
        );
    }

    #[test]
    fn only_times_inside_the_range_are_drawn_and_garbage_never_panics() {
        let steps = [
            // Failed (in OMS's lower case) 20 s after the newest point: in
            // the unit after it, so at the right edge.
            step(
                1,
                "FULL_TRANSFER",
                "failed",
                [Some(i64::MIN / 2), Some(T0 + 20_000), None],
            ),
            // Finished an hour after the newest point: its place would lie.
            step(
                2,
                "FULL_VERIFIER",
                "FINISHED",
                [None, Some(T0 + 3_600_000), None],
            ),
            WireStep {
                start_time: Some("not a time".into()),
                failed_time: Some("9999-99-99T99:99:99".into()),
                ..WireStep::default()
            },
        ];
        let changes = [
            (i64::MAX, Status::Running),
            (i64::MIN, Status::Failed),
            // Just before the left edge, in its unit: not drawn.
            (T0 - 3_600_001, Status::Suspend),
            (T0 - 3_600_000, Status::Running),
        ];
        let places = marks(&steps, &changes, Lang::En);
        assert_eq!(
            places.iter().map(|m| (m.kind, m.x)).collect::<Vec<_>>(),
            [(MarkKind::Status, 0), (MarkKind::StepFailed, SPARK_WIDTH)],
            "{places:?}"
        );
    }

    #[test]
    fn a_failure_is_drawn_over_the_marks_at_its_place() {
        let steps = [
            step(
                1,
                "FULL_TRANSFER",
                "FINISHED",
                [None, Some(T0 - 600_000), None],
            ),
            step(
                2,
                "INCR_TRANSFER",
                "FAILED",
                [Some(T0 - 600_000), None, Some(T0 - 590_000)],
            ),
        ];
        // The browser saw FAILED a poll after OMS's failedTime.
        let changes = [
            (T0 - 585_000, Status::Failed),
            (T0 - 580_000, Status::Running),
        ];
        let places = marks(&steps, &changes, Lang::ZhCn);
        assert_eq!(
            kinds(&places),
            [
                ("step-start", "INCR_TRANSFER", T0 - 600_000),
                ("status", "RUNNING", T0 - 580_000),
                ("step-finish", "FULL_TRANSFER", T0 - 600_000),
                ("step-failed", "INCR_TRANSFER", T0 - 590_000),
                ("status", "FAILED", T0 - 585_000),
            ],
            "drawn in that order, failures last"
        );
        let lines: Vec<&str> = places[0]
            .tooltip
            .lines()
            .map(|l| &l[..l.len() - 24])
            .collect();
        assert_eq!(
            lines,
            [
                "全量传输完成",
                "增量传输开始",
                "增量传输失败",
                "状态 → 失败",
                "状态 → 运行中"
            ],
            "the tooltip in time order"
        );
    }
}
