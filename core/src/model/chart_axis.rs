//! The lag chart's drawing area and time axis, shared by the line and the
//! marks so that both place a time alike.

/// The sparkline's drawing area, in SVG user units.
pub const SPARK_WIDTH: i64 = 120;
/// The sparkline's height in its own units.
pub const SPARK_HEIGHT: i64 = 24;

/// The chart's time axis: its newest point's time and its range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Axis {
    /// The newest point's time (ms), at the right edge.
    pub last_ms: i64,
    /// How far back the chart reaches (ms).
    pub range_ms: i64,
}

impl Axis {
    /// Where `ms` falls, in units from the left edge: each unit is one
    /// 120th of the range (the line's bucket), the newest point's unit is
    /// the right edge, and a time before the left edge is negative.
    pub fn position(self, ms: i64) -> i64 {
        let unit_ms = (self.range_ms / SPARK_WIDTH).max(1);
        let back = self
            .last_ms
            .div_euclid(unit_ms)
            .saturating_sub(ms.div_euclid(unit_ms));
        SPARK_WIDTH.saturating_sub(back)
    }

    /// Where a mark at `ms` goes: `None` before the left edge; a time
    /// after the newest point (an event since OMS's last point) at the
    /// right edge.
    pub fn x(self, ms: i64) -> Option<i64> {
        let x = self.position(ms).min(SPARK_WIDTH);
        (x >= 0).then_some(x)
    }
}
