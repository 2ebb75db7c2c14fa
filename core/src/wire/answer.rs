//! What an OMS answer holds once read: plain data, every field optional.

use super::Status;
use std::fmt;

/// A percentage as OMS sent it, made safe to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Percent {
    /// 0–100, for the bar.
    pub value: u8,
    /// The value as sent, when it was outside 0–100 or not a plain integer.
    pub raw: Option<String>,
}

/// The `data` of a progress answer. Every field may be missing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// The project's status (unknown values kept as sent).
    pub status: Option<Status>,
    /// `importance` (V3) or `alarmLevel` (V4).
    pub importance: Option<String>,
    /// Whether schema (structure) migration is part of the project.
    pub enable_struct: Option<bool>,
    /// Whether full data migration is part of the project.
    pub enable_full: Option<bool>,
    /// Whether forward incremental sync is part of the project.
    pub enable_incr: Option<bool>,
    /// Whether reverse incremental sync is part of the project.
    pub enable_reverse_incr: Option<bool>,
    /// The step now running, as sent.
    pub current_step: Option<String>,
    /// Schema progress.
    pub struct_progress: Option<Percent>,
    /// Full data progress.
    pub full_progress: Option<Percent>,
    /// The incremental checkpoint as text (numbers are turned into their digits).
    pub incr_checkpoint: Option<String>,
    /// The reverse incremental sync's checkpoint (after switch-over), as text.
    pub reverse_checkpoint: Option<String>,
}

/// What OMS says when a call fails.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OmsError {
    /// OMS's error code.
    pub code: Option<String>,
    /// OMS's message (the most specific one it sent).
    pub message: Option<String>,
    /// OMS's advice.
    pub advice: Option<String>,
    /// What OMS support asks for when a call failed.
    pub request_id: Option<String>,
    /// `errorDetail.level` as sent (`FATAL`, `ERROR`, `WARNING`, `WARN`, `CRITICAL`).
    pub level: Option<String>,
}

/// A well-formed answer: progress, or a failure OMS reported.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// The project's progress.
    Progress(Progress),
    /// OMS's business error (`success: false`).
    Failed(OmsError),
}

/// Why a body could not be read as an OMS answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Empty body.
    Empty,
    /// Not JSON (an HTML page, a cut-off body...); carries a short excerpt.
    NotJson {
        /// The start of the body, as text.
        excerpt: String,
    },
    /// JSON, but not an object.
    NotAnObject {
        /// The start of the body, as text.
        excerpt: String,
    },
    /// `success: true` (or absent) without a `data` object.
    NoData,
    /// `data` is a list where one project's object was expected: the URL
    /// names a list action, not a project's progress.
    DataIsAList,
    /// One object where a list was expected (steps, components, a list page).
    NotAList,
    /// The body stopped before its end (the connection was cut).
    Incomplete,
    /// Far larger than any progress answer (a wrong endpoint or a proxy's dump).
    TooLarge {
        /// The body's size.
        bytes: usize,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => f.write_str("the response body was empty"),
            ParseError::NotJson { excerpt } => write!(f, "the response is not JSON: {excerpt}"),
            ParseError::NotAnObject { excerpt } => {
                write!(f, "the response is not a JSON object: {excerpt}")
            }
            ParseError::NoData => f.write_str("the response has no progress data"),
            ParseError::NotAList => f.write_str("the response's data is not a list"),
            ParseError::DataIsAList => f.write_str(
                "the response's data is a list, not one project's progress (a list action?)",
            ),
            ParseError::Incomplete => f.write_str("the response body was cut off"),
            ParseError::TooLarge { bytes } => write!(
                f,
                "the response is {bytes} bytes, far more than a progress answer"
            ),
        }
    }
}
