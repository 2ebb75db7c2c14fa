//! The wire model: what OMS sends, read tolerantly, and how a request is
//! made. Pure Rust, no browser.
//!
//! OMS answers come in several spellings (three names for each percentage,
//! PascalCase envelopes through OCP, checkpoints as string or number), so
//! fields are looked up case-insensitively under every known name, and any
//! value that is not what we expect is kept raw rather than guessed at.

mod answer;
mod components;
mod endpoint;
pub(crate) mod json;
mod list;
mod metric;
mod outcome;
mod read;
mod request;
mod status;
mod steps;
mod verify;

pub use answer::{Answer, OmsError, ParseError, Percent, Progress};
pub use components::{classify_components, WireComponent};
pub use endpoint::{
    components_request, list_request, progress_request, steps_request, ApiKind, ListQuery,
    ProgressRequest,
};
pub use list::{classify_list, ListCollector, ListPage, ProjectList, WireProject, MAX_PAGE_SIZE};
pub use metric::{
    classify_metric, lacks_action, metric_request, Point, MIN_WINDOW_SECS, SECS_PER_POINT,
};
pub use outcome::{classify, FetchError};
pub use read::{excerpt, parse_answer};
pub use request::{Credentials, HeaderSource};
pub use status::Status;
pub use steps::{classify_steps, WireStep};
pub use verify::{classify_verify, verify_request, VerifyPage, VerifyResult, WireVerifyTable};
