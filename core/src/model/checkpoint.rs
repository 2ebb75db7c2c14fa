//! What an incremental checkpoint means, how old it is, and where a lag is.

use crate::wire::WireComponent;

/// A checkpoint, read according to the formats OMS documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checkpoint {
    /// A unix time in seconds (Store/LogProxy sources).
    Unix(i64),
    /// A Sybase `"fileId,fileOffset"` log position: no time in it.
    LogPosition {
        /// The log file's number.
        file: u64,
        /// The offset within it.
        offset: u64,
    },
    /// Anything else (GeaBase, garbage, ""), shown exactly as sent.
    Raw(String),
}

/// Unix times before 2000 or after 2100 are not believed to be seconds.
const PLAUSIBLE_UNIX_SECS: std::ops::RangeInclusive<i64> = 946_684_800..=4_102_444_800;

/// Reads a checkpoint; never guesses: what fits no documented format stays raw.
pub fn interpret_checkpoint(raw: &str) -> Checkpoint {
    let text = raw.trim();
    let digits = |s: &str| !s.is_empty() && s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit());
    if digits(text) {
        if let Ok(secs) = text.parse::<i64>() {
            if PLAUSIBLE_UNIX_SECS.contains(&secs) {
                return Checkpoint::Unix(secs);
            }
        }
    }
    if let Some(secs) = utc_text_secs(text) {
        return Checkpoint::Unix(secs);
    }
    if let Some((file, offset)) = text.split_once(',') {
        let (file, offset) = (file.trim(), offset.trim());
        if digits(file) && digits(offset) {
            if let (Some(file), Some(offset)) =
                (file.parse::<u64>().ok(), offset.parse::<u64>().ok())
            {
                return Checkpoint::LogPosition { file, offset };
            }
        }
    }
    Checkpoint::Raw(raw.to_owned())
}

/// `2023-07-13T09:19:53` (UTC with no zone marker, as OMS 4.x writes
/// component checkpoints and step times) as unix seconds; `None` for
/// anything else, including impossible dates.
pub fn utc_text_secs(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 19
        && b[4] == b'-'
        && b[7] == b'-'
        && (b[10] == b'T' || b[10] == b' ')
        && b[13] == b':'
        && b[16] == b':';
    if !shape_ok {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<i64> {
        let part = text.get(from..to)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse::<i64>().ok())?
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let (hour, minute, second) = (number(11, 13)?, number(14, 16)?, number(17, 19)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month)
        || day < 1
        || day > month_days[(month - 1) as usize]
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    // Days since 1970-01-01 from a civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + hour * 3600 + minute * 60 + second;
    PLAUSIBLE_UNIX_SECS.contains(&secs).then_some(secs)
}

/// How far ahead of "now" a checkpoint may be without a note: whole-second
/// stamps and a clock correction applied only from 3 s leave this much
/// disagreement between two right clocks.
pub const AHEAD_WITHIN_SECS: i64 = 3;

/// A checkpoint's age at `now_ms`: (seconds, clock skew). A checkpoint in
/// the future is 0 s, never negative; the skew flag is set only when it is
/// ahead by more than [`AHEAD_WITHIN_SECS`].
pub fn checkpoint_age(checkpoint_secs: i64, now_ms: i64) -> (u64, bool) {
    let age = now_ms.div_euclid(1000).saturating_sub(checkpoint_secs);
    if age < 0 {
        (0, age < -AHEAD_WITHIN_SECS)
    } else {
        (age as u64, false)
    }
}

/// Where "caught up" ends and "far behind" begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LagThresholds {
    /// Lag above this is a warning. Default 25 s: OMS samples the checkpoint
    /// every ~10 s and writers save theirs every ~10 s, so up to ~25 s is caught up.
    pub warn_secs: u64,
    /// Lag above this is critical. Default 300 s.
    pub critical_secs: u64,
}

impl Default for LagThresholds {
    fn default() -> Self {
        LagThresholds {
            warn_secs: 25,
            critical_secs: 300,
        }
    }
}

/// How far behind the incremental sync is, at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lag {
    /// Seconds behind; never negative.
    pub secs: u64,
    /// How far behind, against the thresholds.
    pub level: LagLevel,
    /// The checkpoint was ahead of this clock, so the lag shows 0 s.
    pub clock_skew: bool,
    /// Whose clock measured it.
    pub source: LagSource,
    /// When the latest poll failed or the data is stale: when (browser ms)
    /// the answer came that this lag is from. The lag is then the last one
    /// OMS confirmed, not worked out again from this clock alone.
    pub as_of_ms: Option<i64>,
}

/// Whose clock a lag was measured with: `data-lag-source`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LagSource {
    /// The checkpoint against this browser's clock (which can be wrong).
    Browser,
    /// OMS's own: the checkpoint against the time OMS sampled it, plus the
    /// time since the answer arrived (a difference of browser times, so a
    /// wrong browser clock does not matter).
    Oms,
}

impl LagSource {
    /// The DOM contract's name (`data-lag-source`).
    pub fn as_str(self) -> &'static str {
        match self {
            LagSource::Browser => "browser",
            LagSource::Oms => "oms",
        }
    }
}

impl Lag {
    /// The lag of a unix-seconds checkpoint at `now_ms`.
    pub fn at(checkpoint_secs: i64, now_ms: i64, thresholds: LagThresholds) -> Lag {
        let (secs, clock_skew) = checkpoint_age(checkpoint_secs, now_ms);
        Lag {
            secs,
            level: lag_level(secs, thresholds),
            clock_skew,
            source: LagSource::Browser,
            as_of_ms: None,
        }
    }

    /// The lag by OMS's clock: `sample_secs - checkpoint_secs` when OMS
    /// sampled the checkpoint, plus `since_answer_ms` (browser time since
    /// the answer arrived).
    pub fn by_oms(
        checkpoint_secs: i64,
        sample_secs: i64,
        since_answer_ms: i64,
        thresholds: LagThresholds,
    ) -> Lag {
        // One sum, then the clamp: a checkpoint a second past OMS's sample
        // (sampled in whole seconds) is 0 s and then ages, and the note
        // that it was shown as 0 s holds only while it is.
        let age_ms = sample_secs
            .saturating_sub(checkpoint_secs)
            .saturating_mul(1000)
            .saturating_add(since_answer_ms.max(0));
        let secs = (age_ms.max(0) / 1000) as u64;
        Lag {
            secs,
            level: lag_level(secs, thresholds),
            clock_skew: age_ms < -AHEAD_WITHIN_SECS * 1000,
            source: LagSource::Oms,
            as_of_ms: None,
        }
    }
}

/// Which part of OMS holds the lag back: the console's own advice is to
/// look at the Store when it is behind, else at the writer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LagWhere {
    /// The Store, which reads the source's log, is behind.
    Store,
    /// The Store is current; the writer, which applies the log, is behind.
    Writer,
}

impl LagWhere {
    /// The value of `data-where`.
    pub fn as_str(self) -> &'static str {
        match self {
            LagWhere::Store => "store",
            LagWhere::Writer => "writer",
        }
    }
}

/// Where the lag is, from OMS 4.x's components; `None` when neither is
/// above `warn_secs` or OMS did not say.
pub fn where_behind(components: &[WireComponent], warn_secs: u64) -> Option<LagWhere> {
    let behind = |store: bool| {
        components.iter().any(|c| {
            let kind = c.kind.as_deref().unwrap_or("").to_ascii_uppercase();
            kind.contains("STORE") == store && c.delay.is_some_and(|d| d > warn_secs as i64)
        })
    };
    if behind(true) {
        Some(LagWhere::Store)
    } else if behind(false) {
        Some(LagWhere::Writer)
    } else {
        None
    }
}

/// How worrying a lag is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LagLevel {
    /// Within the warning threshold.
    CaughtUp,
    /// Past the warning threshold.
    Warn,
    /// Past the critical threshold.
    Critical,
    /// The project is paused (SUSPEND): its checkpoint stands still on
    /// purpose, so its age is told but not judged, as the wallboard's
    /// paused group and the alerts do.
    Paused,
}

impl LagLevel {
    /// The DOM contract's name (`data-lag-level`).
    pub fn as_str(self) -> &'static str {
        match self {
            LagLevel::CaughtUp => "ok",
            LagLevel::Warn => "warn",
            LagLevel::Critical => "critical",
            LagLevel::Paused => "paused",
        }
    }
}

/// The level of a lag of `lag_secs` under `thresholds`.
pub fn lag_level(lag_secs: u64, thresholds: LagThresholds) -> LagLevel {
    if lag_secs > thresholds.critical_secs {
        LagLevel::Critical
    } else if lag_secs > thresholds.warn_secs {
        LagLevel::Warn
    } else {
        LagLevel::CaughtUp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_formats_and_everything_else_raw() {
        assert_eq!(
            interpret_checkpoint("1661241223"),
            Checkpoint::Unix(1_661_241_223)
        );
        assert_eq!(
            interpret_checkpoint("100,30"),
            Checkpoint::LogPosition {
                file: 100,
                offset: 30
            }
        );
        for raw in [
            "",
            "0",
            "-5",
            "abc",
            "1234567890123456789012345",
            "1661241223000",
            "1.5e9",
            "1,2,3",
        ] {
            assert_eq!(
                interpret_checkpoint(raw),
                Checkpoint::Raw(raw.into()),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn utc_text_checkpoints_are_times() {
        assert_eq!(
            interpret_checkpoint("2023-07-13T09:19:53"),
            Checkpoint::Unix(1_689_239_993)
        );
        assert_eq!(utc_text_secs("2000-02-29 00:00:00"), Some(951_782_400));
        for bad in [
            "2023-02-29T00:00:00",
            "2023-13-01T00:00:00",
            "2023-07-13T24:00:00",
            "2023-07-13T09:19:5x",
            "2023-07-13T09:19:53Z",
            "1960-01-01T00:00:00",
        ] {
            assert_eq!(utc_text_secs(bad), None, "{bad}");
        }
        assert_eq!(
            interpret_checkpoint("2023-02-29T00:00:00"),
            Checkpoint::Raw("2023-02-29T00:00:00".into())
        );
    }

    #[test]
    fn age_is_never_negative_and_flags_skew() {
        assert_eq!(checkpoint_age(1_000, 1_012_900), (12, false));
        assert_eq!(checkpoint_age(1_000, 990_000), (0, true));
        assert_eq!(
            checkpoint_age(1_000, 998_000),
            (0, false),
            "within the stamps' precision"
        );
        assert_eq!(
            checkpoint_age(i64::MIN, i64::MAX),
            (u64::try_from(i64::MAX).unwrap(), false)
        );
    }

    #[test]
    fn the_lag_is_at_the_store_or_at_the_writer() {
        let c = |kind: &str, delay: i64| WireComponent {
            kind: Some(kind.into()),
            delay: Some(delay),
            status: None,
        };
        assert_eq!(
            where_behind(&[c("STORE", 2), c("INCR_SYNC", 340)], 25),
            Some(LagWhere::Writer)
        );
        assert_eq!(
            where_behind(&[c("STORE", 300), c("INCR_SYNC", 340)], 25),
            Some(LagWhere::Store)
        );
        assert_eq!(where_behind(&[c("STORE", 2), c("INCR_SYNC", 3)], 25), None);
        assert_eq!(where_behind(&[], 25), None);
    }

    #[test]
    fn a_lag_by_omss_clock_ignores_the_browsers() {
        let lag = Lag::by_oms(1_000, 1_030, 4_900, LagThresholds::default());
        assert_eq!(
            (lag.secs, lag.level, lag.clock_skew, lag.source),
            (34, LagLevel::Warn, false, LagSource::Oms)
        );
        assert!(Lag::by_oms(1_040, 1_030, 0, LagThresholds::default()).clock_skew);
        // A second or two ahead is within the stamps' precision: 0 s, no note.
        let close = Lag::by_oms(1_032, 1_030, 0, LagThresholds::default());
        assert_eq!((close.secs, close.clock_skew), (0, false));
        // The note "shown as 0 s" only beside a 0 s: a checkpoint 6 s past
        // OMS's sample, 8 s after the answer, is 2 s behind, no note.
        let later = Lag::by_oms(1_036, 1_030, 8_000, LagThresholds::default());
        assert_eq!((later.secs, later.clock_skew), (2, false));
        let at_once = Lag::by_oms(1_036, 1_030, 400, LagThresholds::default());
        assert_eq!((at_once.secs, at_once.clock_skew), (0, true));
        assert_eq!(
            Lag::at(1_000, 1_030_000, LagThresholds::default()).source,
            LagSource::Browser
        );
    }

    #[test]
    fn lag_levels_at_their_edges() {
        let t = LagThresholds::default();
        assert_eq!(lag_level(25, t), LagLevel::CaughtUp);
        assert_eq!(lag_level(26, t), LagLevel::Warn);
        assert_eq!(lag_level(300, t), LagLevel::Warn);
        assert_eq!(lag_level(301, t), LagLevel::Critical);
    }
}
