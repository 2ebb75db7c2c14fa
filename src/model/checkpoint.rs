//! What an incremental checkpoint means, and how old it is.

/// A checkpoint, read according to the formats OMS documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checkpoint {
    /// A unix time in seconds (Store/LogProxy sources).
    Unix(i64),
    /// A Sybase `"fileId,fileOffset"` log position: no time in it.
    LogPosition { file: u64, offset: u64 },
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
    if let Some((file, offset)) = text.split_once(',') {
        let (file, offset) = (file.trim(), offset.trim());
        if digits(file) && digits(offset) {
            if let (Ok(file), Ok(offset)) = (file.parse(), offset.parse()) {
                return Checkpoint::LogPosition { file, offset };
            }
        }
    }
    Checkpoint::Raw(raw.to_owned())
}

/// A checkpoint's age at `now_ms`: (seconds, clock skew). A checkpoint in
/// the future is 0 s with the skew flag set, never negative.
pub fn checkpoint_age(checkpoint_secs: i64, now_ms: i64) -> (u64, bool) {
    let age = now_ms.div_euclid(1000).saturating_sub(checkpoint_secs);
    if age < 0 {
        (0, true)
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
    pub level: LagLevel,
    /// The checkpoint was ahead of this clock, so the lag shows 0 s.
    pub clock_skew: bool,
}

impl Lag {
    /// The lag of a unix-seconds checkpoint at `now_ms`.
    pub fn at(checkpoint_secs: i64, now_ms: i64, thresholds: LagThresholds) -> Lag {
        let (secs, clock_skew) = checkpoint_age(checkpoint_secs, now_ms);
        Lag {
            secs,
            level: lag_level(secs, thresholds),
            clock_skew,
        }
    }
}

/// How worrying a lag is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LagLevel {
    CaughtUp,
    Warn,
    Critical,
}

impl LagLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            LagLevel::CaughtUp => "ok",
            LagLevel::Warn => "warn",
            LagLevel::Critical => "critical",
        }
    }
}

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
    fn age_is_never_negative_and_flags_skew() {
        assert_eq!(checkpoint_age(1_000, 1_012_900), (12, false));
        assert_eq!(checkpoint_age(1_000, 990_000), (0, true));
        assert_eq!(
            checkpoint_age(i64::MIN, i64::MAX),
            (u64::try_from(i64::MAX).unwrap(), false)
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
