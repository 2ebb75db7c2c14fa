//! Status → tone: the one table that decides a status's colour and shape.

use crate::wire::Status;

/// How alarming a status is; drives colour and the badge's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    /// All is well.
    Ok,
    /// Needs a look.
    Warn,
    /// Needs action.
    Critical,
    /// Nothing to judge (paused, unknown).
    Neutral,
    /// Finished.
    Done,
}

impl Tone {
    /// The value of `data-tone`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Ok => "ok",
            Tone::Warn => "warn",
            Tone::Critical => "critical",
            Tone::Neutral => "neutral",
            Tone::Done => "done",
        }
    }

    /// A shape beside the colour, so the tone does not rest on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Tone::Ok => "●",
            Tone::Warn => "▲",
            Tone::Critical => "✖",
            Tone::Neutral => "○",
            Tone::Done => "✔",
        }
    }
}

/// The tone of a status: the one table that decides it. Statuses OMS does
/// not document are neutral.
pub fn status_tone(status: &Status) -> Tone {
    match status {
        Status::Running | Status::RunningModifying | Status::RunningMerging => Tone::Ok,
        Status::Suspend | Status::RunningAlarming => Tone::Warn,
        Status::Failed => Tone::Critical,
        Status::Finished => Tone::Done,
        Status::Init
        | Status::Releasing
        | Status::Released
        | Status::Deleted
        | Status::Other(_) => Tone::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_status_has_a_deliberate_tone() {
        use Status::*;
        let expected = [
            (Init, Tone::Neutral),
            (Running, Tone::Ok),
            (RunningModifying, Tone::Ok),
            (RunningMerging, Tone::Ok),
            (RunningAlarming, Tone::Warn),
            (Suspend, Tone::Warn),
            (Failed, Tone::Critical),
            (Finished, Tone::Done),
            (Releasing, Tone::Neutral),
            (Released, Tone::Neutral),
            (Deleted, Tone::Neutral),
        ];
        assert_eq!(expected.len(), Status::KNOWN.len());
        for (status, tone) in expected {
            assert_eq!(status_tone(&status), tone, "{status:?}");
        }
        assert_eq!(status_tone(&Status::Other("WARPING".into())), Tone::Neutral);
    }
}
