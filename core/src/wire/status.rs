//! A project's status, in OMS's words, parsed once when an answer is read.

/// The status of an OMS project. Anything OMS does not document is kept as
/// sent in [`Status::Other`] and shown raw, never guessed at.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Not started.
    Init,
    /// Running.
    Running,
    /// V4: running while its configuration is being changed.
    RunningModifying,
    /// V4: running while merging.
    RunningMerging,
    /// The V4 list filter's "running with alarms".
    RunningAlarming,
    /// Paused.
    Suspend,
    /// Failed.
    Failed,
    /// Done.
    Finished,
    /// Being released.
    Releasing,
    /// Released.
    Released,
    /// Deleted.
    Deleted,
    /// A status OMS does not document, exactly as sent.
    Other(String),
}

impl Status {
    /// Every documented status, in OMS's order.
    pub const KNOWN: [Status; 11] = [
        Status::Init,
        Status::Running,
        Status::RunningModifying,
        Status::RunningMerging,
        Status::RunningAlarming,
        Status::Suspend,
        Status::Failed,
        Status::Finished,
        Status::Releasing,
        Status::Released,
        Status::Deleted,
    ];

    /// Reads a status in any case and with stray spaces; `None` for blank text.
    pub fn parse(text: &str) -> Option<Status> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        Some(
            Status::KNOWN
                .into_iter()
                .find(|known| known.code().eq_ignore_ascii_case(trimmed))
                .unwrap_or_else(|| Status::Other(text.to_owned())),
        )
    }

    /// OMS's name for it (the raw text for [`Status::Other`]).
    pub fn code(&self) -> &str {
        match self {
            Status::Init => "INIT",
            Status::Running => "RUNNING",
            Status::RunningModifying => "RUNNING_MODIFYING",
            Status::RunningMerging => "RUNNING_MERGING",
            Status::RunningAlarming => "RUNNING_ALARMING",
            Status::Suspend => "SUSPEND",
            Status::Failed => "FAILED",
            Status::Finished => "FINISHED",
            Status::Releasing => "RELEASING",
            Status::Released => "RELEASED",
            Status::Deleted => "DELETED",
            Status::Other(raw) => raw,
        }
    }

    /// RUNNING or one of its variants (modifying, merging, alarming).
    pub fn is_running(&self) -> bool {
        matches!(
            self,
            Status::Running
                | Status::RunningModifying
                | Status::RunningMerging
                | Status::RunningAlarming
        )
    }

    /// RELEASED or DELETED: nothing about the project will change again.
    pub fn is_terminal(&self) -> bool {
        matches!(self, Status::Released | Status::Deleted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsed_once_in_any_case_and_unknown_kept_as_sent() {
        assert_eq!(Status::parse(" running "), Some(Status::Running));
        assert_eq!(
            Status::parse("Running_Modifying"),
            Some(Status::RunningModifying)
        );
        assert_eq!(
            Status::parse("<b>RUNNING</b>"),
            Some(Status::Other("<b>RUNNING</b>".into()))
        );
        assert_eq!(Status::parse("  "), None);
        for known in Status::KNOWN {
            assert_eq!(Status::parse(known.code()), Some(known.clone()));
        }
        assert!(Status::Deleted.is_terminal() && !Status::Finished.is_terminal());
    }
}
