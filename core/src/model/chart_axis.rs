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
    /// the right edge; the unit of the left edge is 0, an earlier one
    /// negative.
    pub fn position(self, ms: i64) -> i64 {
        let unit_ms = (self.range_ms / SPARK_WIDTH).max(1);
        let back = self
            .last_ms
            .div_euclid(unit_ms)
            .saturating_sub(ms.div_euclid(unit_ms));
        SPARK_WIDTH.saturating_sub(back)
    }

    /// Where a mark at `ms` goes: `None` outside the range. A time in the
    /// unit after the newest point's (an event since the last sample) is
    /// at the right edge; a later one is not drawn, as its place would
    /// say a time its tooltip does not.
    pub fn x(self, ms: i64) -> Option<i64> {
        let inside = ms >= self.last_ms.saturating_sub(self.range_ms);
        let x = self.position(ms);
        (inside && x <= SPARK_WIDTH + 1).then_some(x.min(SPARK_WIDTH))
    }
}
