//! Status → tone: the one table that decides a status's colour and shape.

/// How alarming a status is; drives colour and the badge's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    Ok,
    Warn,
    Critical,
    Neutral,
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

/// The tone of an OMS status (case-insensitive); unknown statuses are neutral.
pub fn status_tone(status: &str) -> Tone {
    match status.trim().to_ascii_uppercase().as_str() {
        "RUNNING" | "RUNNING_MODIFYING" | "RUNNING_MERGING" => Tone::Ok,
        "SUSPEND" | "RUNNING_ALARMING" => Tone::Warn,
        "FAILED" => Tone::Critical,
        "FINISHED" => Tone::Done,
        _ => Tone::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_status_has_a_deliberate_tone() {
        let expected = [
            ("INIT", Tone::Neutral),
            ("RUNNING", Tone::Ok),
            ("RUNNING_MODIFYING", Tone::Ok),
            ("RUNNING_MERGING", Tone::Ok),
            ("RUNNING_ALARMING", Tone::Warn),
            ("SUSPEND", Tone::Warn),
            ("FAILED", Tone::Critical),
            ("FINISHED", Tone::Done),
            ("RELEASING", Tone::Neutral),
            ("RELEASED", Tone::Neutral),
            ("DELETED", Tone::Neutral),
        ];
        assert_eq!(expected.len(), crate::i18n::known_statuses().count());
        for (status, tone) in expected {
            assert_eq!(status_tone(status), tone, "{status}");
        }
        assert_eq!(status_tone("failed"), Tone::Critical);
        assert_eq!(status_tone("<b>RUNNING</b>"), Tone::Neutral);
    }
}
